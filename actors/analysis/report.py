"""report.md: a readable summary of the analyses, with dates and quoted evidence.

Pure: takes an :class:`actors.analysis.analyses.Analyses` value (and optional counts
from extraction) and returns Markdown text. Every quoted piece of document
text is escaped so that it reads as text in any Markdown viewer (no HTML,
links or table breaks can come from a document).

>>> import networkx as nx
>>> from actors.analysis.analyses import analyse
>>> G = nx.MultiDiGraph()
>>> G.add_edge("x", "y", key="e1", relation="fought-against", status="reported", date="2012",
...            precision="year", start="2012-01-01", end="2013-01-01", doc="d.txt",
...            evidence="<script>alert(1)</script> | *x*", char_start=0, char_end=9)
'e1'
>>> text = render_report(analyse(G))
>>> text.splitlines()[0]
'# Actor network report'
>>> "## Alliance shifts" in text and "<script>" not in text
True
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Mapping, Sequence

import networkx as nx

from actors.schema import THIN
from actors.network.graph import document_label, edge_frame, label
from actors.text.display import isolate_bidi

__all__ = ["render_report"]

_QUOTE_CHARS = 240  # long enough to be evidence, short enough to scan


def _md(text: Any) -> str:
    """Document text made inert for Markdown: HTML escaped, markup characters backslashed."""
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]|#":
        s = s.replace(ch, "\\" + ch)
    return isolate_bidi(" ".join(s.split()))  # a right-to-left override in a sentence turns no other text


def _quote(text: Any, doc: Any = None, date: Any = None, *, G: nx.MultiDiGraph | None = None) -> str:
    """A sentence quoted, with its date and document (by title, the file name beside it, given ``G``)."""
    s = "" if text is None else " ".join(str(text).split())
    if len(s) > _QUOTE_CHARS:
        s = s[: _QUOTE_CHARS - 1].rstrip() + "…"
    if doc and G is not None:
        doc = document_label(G, doc)
    where = ", ".join(str(x) for x in (date, doc) if x)
    return f"“{_md(s)}”" + (f" ({_md(where)})" if where else "")


def _thin(n: Any) -> str:
    """" (thin)" after a figure that rests on fewer than THIN events or triangles."""
    return " (thin)" if n is not None and n < THIN else ""


def _who(G: nx.MultiDiGraph, node: Any) -> str:
    return _md(label(G, node)) if node else ""


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join("" if c is None else str(c) for c in r) + " |" for r in rows]
    return out


def _overview(A, summary: Mapping[str, Any]) -> list[str]:
    G = A.graph
    rel = Counter(r for _, _, r in G.edges(data="relation"))
    status = Counter(s for _, _, s in G.edges(data="status"))
    undated = sum(1 for _, _, s in G.edges(data="start") if s is None)
    named = [n for n, g in G.nodes(data="generic") if not g]
    lines = ["## The network", ""]
    if summary.get("documents") is not None:
        lines.append(f"- {summary['documents']} document(s) read; {summary.get('skipped', 0)} item(s) skipped "
                     f"and {summary.get('warnings', 0)} warning(s) (all in `problems.csv`).")
    if summary.get("candidates"):
        lines.append(f"- {summary['candidates']} organisation name(s) the dictionary lacks, in sentences with a "
                     "relation or a known actor: `candidates.csv` lists them. They are never drawn as actors; "
                     "an `[[actor]]` entry in the overrides file accepts one.")
    if summary.get("events") is not None:
        lines.append(f"- {summary['mentions']} relation mention(s) in the text resolve to {summary['events']} "
                     f"event(s); {summary.get('multi_sentence_events', 0)} event(s) are told by more than one "
                     f"sentence and {summary.get('multi_document_events', 0)} by more than one document "
                     "(`mentions.csv` has every mention; `overlaps.csv` the events left apart that may be one).")
    lines += [
        f"- {G.number_of_edges()} relations (one per event) among {len(named)} named actors "
        f"and {G.number_of_nodes() - len(named)} generic mentions: "
        + ", ".join(f"{k} {v}" for k, v in sorted(rel.items())) + ".",
        "- Status: " + ", ".join(f"{k} {v}" for k, v in sorted(status.items()))
        + ". Denied and disputed relations are kept as evidence and never counted as fact.",
        f"- {undated} relation(s) have no date the text puts in force: they appear in no period.",
    ]
    if G.number_of_edges():
        first = min((s for _, _, s in G.edges(data="start") if s), default=None)
        last = max((e for _, _, e in G.edges(data="end") if e), default=None)
        if first:
            lines.append(f"- Dated relations span {first} to {last} (exclusive).")
    dy = summary.get("dyads")
    if dy is not None and dy.height:
        named_dy = dy.filter(~dy["generic"]) if "generic" in dy.columns else dy
        lines.append(f"- {dy.height} dyads (pair and relation; `dyads.csv`: first and last date, events, documents, "
                     "sources, statuses, fatalities). Most events: " + "; ".join(
                         f"{_who(G, r['a'])} – {_who(G, r['b'])} {r['relation']} ({r['events']} event(s), "
                         f"{r['first'] or 'undated'} to {r['last'] or 'undated'}"
                         + (f", {r['fatalities']} dead" if r.get("fatalities") is not None else "") + ")"
                         for r in named_dy.head(5).iter_rows(named=True)) + ".")
    top = sorted(((-G.degree(n), n) for n in named))[:8]
    if top:
        lines.append("- Most connected over the whole corpus: "
                     + ", ".join(f"{_who(G, n)} ({-d})" for d, n in top) + ".")
    return lines + [""]


def _shifts(A) -> list[str]:
    G = A.graph
    lines = ["## Alliance shifts", "",
             "Moments where a pair went from allied to fighting, or back. *Last before* is the last evidence of "
             "the old relation; *first after* the date by which the new one is certainly in force. A shift is "
             "reported only where the dates give the order: a relation whose date overlaps one of the other "
             "kind (\"2012\" next to \"June 2012\") says nothing of which came first, and is set aside.", ""]
    if A.shifts.height == 0:
        lines.append("No shift found that the dates establish.")
    for r in A.shifts.iter_rows(named=True):
        verb = "allied → fighting" if r["to_relation"] == "fought-against" else "fighting → allied"
        mine = {"before": " — the analyst's own addition" if r.get("curated_before") else "",
                "after": " — the analyst's own addition" if r.get("curated_after") else ""}
        kinds = {k: f", {r[f'kind_{k}']}" if r.get(f"kind_{k}") else "" for k in ("before", "after")}
        lines += [f"### {_who(G, r['a'])} – {_who(G, r['b'])}: {verb}", "",
                  f"- last {r['from_relation']}: {r['last_before']} ({r['status_before']}{kinds['before']}, "
                  f"{r['events_before']} event(s) in that run){mine['before']}: "
                  f"{_quote(r['evidence_before'], r['doc_before'], G=G)}",
                  f"- first {r['to_relation']}: {r['first_after']} ({r['status_after']}{kinds['after']}, "
                  f"{r['events_after']} event(s) in that run){mine['after']}: "
                  f"{_quote(r['evidence_after'], r['doc_after'], G=G)}"]
        if r.get("undetermined"):
            lines.append(f"- {r['undetermined']} more event(s) of this pair are set aside: their dates do not "
                         "say on which side of the shift they fall")
        lines.append("")
    ex = A.exclusions
    if ex.height:
        reasons = Counter(ex["reason"].to_list())
        lines += ["Left out of shift detection, so they cannot cause a flip: "
                  + ", ".join(f"{n} {why}" for why, n in sorted(reasons.items())) + ":", ""]
        for r in ex.iter_rows(named=True):
            lines.append(f"- {_who(G, r['a'])} – {_who(G, r['b'])}, {r['relation']}, {r['reason']}: "
                         f"{_quote(r['evidence'], r['doc'], r['date'], G=G)}")
        lines.append("")
    return lines


def _coalition(A) -> list[str]:
    G = A.graph
    name = _who(G, A.coalition_actor)
    lines = [f"## The {name} coalition", ""]
    c = A.coalition
    if c.height == 0:
        return lines + [f"No dated relation of {name} is stated in this corpus, in any period.", ""]
    roles = set(c["role"].to_list())
    lines += ["Per period: members (founders marked), affiliations, links, splinters, allies and enemies, each "
              "with the number of events behind it (thin: fewer than three). Relations *via* a member count "
              "from the day it joined. An \"X-linked\" description is listed as *linked*, not as an alliance.", ""]
    if "member" not in roles:
        lines += [f"No membership of {name} is stated in this corpus.", ""]
    for (period,), part in c.group_by(["period_label"], maintain_order=True):
        lines += [f"### {_md(period)}", ""]
        for (role,), rows in part.group_by(["role"], maintain_order=True):
            items = []
            for r in rows.iter_rows(named=True):
                via = f" via {_who(G, r['via'])}" if r["via"] != A.coalition_actor else ""
                flag = " (founder)" if r["founder"] else ""
                status = "" if r["statuses"] == "reported" else f", {r['statuses']}"
                kinds = f", {r['kinds']}" if r.get("kinds") and role in ("ally", "linked") else ""
                span = r["date"] if r["date"] == r["last_date"] else f"{r['date']} to {r['last_date']}"
                items.append(f"{_who(G, r['actor'])}{flag}{via} ({span}, {r['events']} event(s){status}{kinds})"
                             + _thin(r["events"]))
            lines.append(f"- **{role}**: " + "; ".join(items))
            first = rows.row(0, named=True)
            lines.append(f"  - e.g. {_who(G, first['actor'])}: "
                         f"{_quote(first['evidence'], first['doc'], first['date'], G=G)}")
        maybe = int(part["imprecise_events"].sum()) if "imprecise_events" in part.columns else 0
        if maybe:
            lines.append(f"- and {maybe} event(s) whose date only might fall in this period, not counted here")
        lines.append("")
    return lines


def _genealogy(A) -> list[str]:
    G = A.graph
    lines = ["## Genealogy", "",
             "Splits (a → b: b split from a) and memberships (a ⊃ b: b is a member of a).", ""]
    g = A.genealogy
    if g.height == 0:
        return lines + ["No split or membership found.", ""]
    for r in g.iter_rows(named=True):
        arrow = "→" if r["relation"] == "split-from" else "⊃"
        extra = "" if r["primary"] else " (another parent)"
        lines.append(f"- {_who(G, r['parent'])} {arrow} {_who(G, r['child'])}{extra}, {r['first_date'] or 'undated'}: "
                     f"{_quote(r['evidence'], r['doc'], G=G)}")
    return lines + [""]


def _balance(A) -> list[str]:
    G = A.graph
    b = A.balance
    lines = ["## Structural balance", "",
             "Signed network per period: allied +, fought −; statuses counted: " + ", ".join(A.statuses) + ". "
             "A triangle is balanced when the product of its signs is +; the frustration index is the fewest "
             "relations whose removal would split the actors into two camps, friendly within and hostile between. "
             "*events* are the signed relations dated within the period; *imprecise* those whose date only might "
             "fall in it (not counted); a share resting on fewer than three triangles is marked thin.",
             ""]
    if b.height == 0:
        return lines + ["No period holds a signed relation.", ""]
    rows = []
    for r in b.iter_rows(named=True):
        share = "–" if r.get("balanced_share") is None else f"{r['balanced_share']:.2f}" + _thin(r["triangles"])
        rows.append([r["periodisation"], _md(r["period_label"]), r["events"], r["imprecise_edges"], r["actors"],
                     r["positive"], r["negative"], r["triangles"], share,
                     f"{r['frustration_index']} ({r['frustration_method']})"])
    lines += _table(["by", "period", "events", "imprecise", "actors", "+", "−", "triangles", "balanced share",
                     "frustration"], rows)
    fr = A.frustrated.filter(A.frustrated["periodisation"] == "phase")
    if fr.height:
        lines += ["", "Frustrated relations per phase (those that break the two-camp picture):", ""]
        for r in fr.iter_rows(named=True):
            kind = f" ({r['kind']})" if r.get("kind") else ""
            lines.append(f"- {_md(r['period_label'])}: {_who(G, r['a'])} – {_who(G, r['b'])}, {r['relation']}{kind} "
                         f"{r['date']}: {_quote(r['evidence'], r['doc'], G=G)}")
    return lines + [""]


def _central(A, unnamed: dict) -> list[str]:
    G = A.graph
    c = A.centrality
    lines = ["## Most central actors per period", "",
             "Betweenness on the network of all relations dated within the period (who sits between others), "
             "then the number of distinct enemies and allies, and the events behind each actor (thin: fewer "
             "than three). An actor with no relation dated within a period is not ranked in it.", ""]
    if c.height == 0:
        return lines + ["No period holds a relation dated within it.", ""]
    for (period,), part in c.group_by(["period_label"], maintain_order=True):
        top = part.head(5)
        items = [f"{_who(G, r['actor'])} (betweenness {r['betweenness']:.2f}, fought {r['fought_against']}"
                 + (f" and unnamed foes in {n} event(s)" if (n := unnamed.get((period, r["actor"]))) else "")
                 + f", allied {r['allied_with']}, {r['events']} event(s)"
                 f"{_thin(r['events']).replace(' (', ', ').rstrip(')')})"
                 for r in top.iter_rows(named=True)]
        n = part["window_events"][0] if "window_events" in part.columns else None
        lines.append(f"- **{_md(period)}**" + (f" ({n} event(s))" if n is not None else "") + ": " + "; ".join(items))
    bl = A.blocs
    if bl.height:
        lines += ["", "Blocs (actors allied with each other) per period, with the events and kinds behind them:", ""]
        for r in bl.iter_rows(named=True):
            members = r["members"].split("; ")  # blocs joins its id lists with "; "
            enemies = [e for e in (r["enemies"] or "").split("; ") if e]
            behind = f" ({r['events']} event(s)" + (f": {r['kinds']}" if r.get("kinds") else "") + ")" \
                + _thin(r["events"])
            lines.append(f"- {_md(r['period_label'])}: " + ", ".join(_who(G, m) for m in members) + behind
                         + (f" — against {', '.join(_who(G, e) for e in enemies)}" if enemies else "")
                         + (f" ({r['internal_hostile_pairs']} hostile pair(s) inside)" if r["internal_hostile_pairs"] else ""))
    return lines + [""]


def _generic_edges(A):
    """(the fought-against and allied-with edges with a generic side, the generic ids): read once for the
    central actors' unnamed foes and the section on unnamed counterparts."""
    import polars as pl

    f = edge_frame(A.graph, statuses=A.statuses, relations=("fought-against", "allied-with"))
    return f.filter(pl.col("generic")), {n for n, g in A.graph.nodes(data="generic") if g}


def _unnamed_fights(A, f, generic: set) -> dict[tuple[str, str], int]:
    """(period label, named actor) -> its fights dated within the period against generic foes."""
    import polars as pl

    from actors.network.windows import assign_periods

    f = f.filter(pl.col("relation") == "fought-against")
    out: dict[tuple[str, str], int] = {}
    for label_, a, b in assign_periods(f, A.phases, mode="within").select("period_label", "source", "target").iter_rows():
        for x, y in ((a, b), (b, a)):
            if x not in generic and y in generic:
                out[(label_, x)] = out.get((label_, x), 0) + 1
    return out


def _unnamed(A, f, generic: set) -> list[str]:
    """Generic counterparts ("the Islamists") counted, not hidden: who fought or allied with them."""
    G = A.graph
    rows = [(b if a in generic else a, a if a in generic else b, rel)
            for a, b, rel in f.select("source", "target", "relation").iter_rows()
            if (a in generic) != (b in generic)]
    lines = ["## Unnamed counterparts", "",
             "Relations with a generic counterpart (\"the Islamists\", \"gunmen\") that the text never ties to a named "
             "group. They stay out of the measures of named actors above, and are counted here.", ""]
    if not rows:
        return lines + ["None.", ""]
    counts = Counter(rows)
    for (actor, other, rel), n in sorted(counts.items(), key=lambda kv: (-kv[1], label(G, kv[0][0]), kv[0][1:]))[:15]:
        verb = "fought" if rel == "fought-against" else "was allied with"
        lines.append(f"- {_who(G, actor)} {verb} unnamed “{_md(G.nodes[other].get('name') or other)}” in {n} event(s)")
    if len(counts) > 15:
        lines.append(f"- and {len(counts) - 15} more pair(s) of this kind")
    return lines + [""]


def _curation(source: str, rows: Sequence[Mapping[str, Any]], problems: Sequence[Any]) -> list[str]:
    applied = [r for r in rows if r["applied"] == "yes"]
    lines = ["## Curation", "",
             f"The analyst's overrides file `{_md(source)}`: {len(applied)} entries applied, "
             f"{len(rows) - len(applied) + len(problems)} not applied. Relations it adds carry the file as their document; relations it re-dates name "
             "the entry in their `curation` column (`edges.csv`). Every entry is in `curation.csv`.", ""]
    if applied:
        lines += _table(["id (line)", "operation", "what changed", "reason"],
                        [[f"{_md(r['id'])} ({r['line']})", r["op"],
                          _md(" → ".join(x for x in (r["before"], r["after"]) if x)
                              + (f" [{r['edges']}]" if r["edges"] and r["op"] != "add" else "")),
                          _md(r["reason"])] for r in applied])
        lines.append("")
    skipped = [f"- {_md(r['id'])} (line {r['line']}, {r['op']}): {_md(r['note'])}"
               + ("" if r["note"].endswith(("?", ".", "!")) else ".")
               + (f" Reason given: {_md(r['reason'])}" if r["reason"] else "")
               for r in rows if r["applied"] != "yes"]
    skipped += [f"- {_md(p.where)}: {_md(p.what)}" for p in problems]
    if skipped:
        lines += ["Not applied:", "", *skipped, ""]
    return lines


def render_report(analyses, *, summary: Mapping[str, Any] | None = None, curation_source: str = "",
                  curation_rows: Sequence[Mapping[str, Any]] = (), curation_problems: Sequence[Any] = ()) -> str:
    """The Markdown report of ``analyses`` (see :func:`actors.analysis.analyses.analyse`).

    With ``curation_source``, a Curation section lists each entry of that
    overrides file (``curation_rows``, see :mod:`actors.curation`) with what it
    changed and the analyst's reason, and the entries not applied with why
    (``curation_problems``: the file's problems that have no row).
    """
    A = analyses
    lines = ["# Actor network report", "",
             "Every statement below comes with the sentence it was extracted from, and the document's title. "
             "Dates are given at the precision the text allows (2012 = some time in 2012). A relation counts in a "
             "period only when its date lies within it; one dated only by a year or month that the period cuts "
             "(\"2012\" in a period ending in April 2012) only might fall there: it is counted apart, as imprecise.",
             ""]
    lines += _overview(A, summary or {})
    if curation_source:
        lines += _curation(curation_source, curation_rows, curation_problems)
    lines += _shifts(A)
    lines += _coalition(A)
    lines += _genealogy(A)
    lines += _balance(A)
    generic_edges, generic = _generic_edges(A)
    lines += _central(A, _unnamed_fights(A, generic_edges, generic))
    lines += _unnamed(A, generic_edges, generic)
    lines += ["## Method notes", "",
              "- Periods: " + "; ".join(f"{_md(p.label)} ({p.span})" for p in A.phases) + ".",
              "- Dates: a relation covers the interval its date's precision allows (\"2012\" is the whole year). "
              "It counts in a period only when that interval lies within the period; where it spills over (a "
              "relation dated only \"2013\" and a period ending on 11 January 2013) it only might fall there, "
              "and every table counts it apart. Undated relations count in no period.",
              "- fought-against and allied-with are read as undirected. A pair's sign in a period is the sign of "
              "its latest relation dated within the period (pairs with both signs are counted as ambivalent).",
              "- Shifts: denied and undated relations never cause a flip, and neither does a relation whose date "
              "overlaps one of the other kind without being the finer of the two: the dates do not order them.",
              "- Kinds: an alliance stated as such, joint action in one event, support, and an \"X-linked\" "
              "description are all allied-with; each finding says which it rests on.",
              "- Generic mentions (\"the Islamists\") stay out of the analyses of named actors; the section on "
              "unnamed counterparts counts them.", ""]
    return "\n".join(lines)

"""Plain-text renderings for the terminal: a pair's timeline and an actor's profile.

Pure: each function takes the graph (or a profile) and returns text; the CLI
prints it. Document text is made safe for a terminal: control characters
(escape sequences, bidirectional overrides) are shown as ``\\x..`` escapes,
never sent to the terminal.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("x", "y", key="e1", relation="allied-with", status="reported", date="2012", precision="year",
...                start="2012-01-01", end="2013-01-01", doc="d.txt", evidence="X allied with Y.\\x1b[31m",
...                char_start=0, char_end=16, claimant=None)
>>> print(format_pair(G, "x", "y"))
x and y: 1 event (allied-with 1)
<BLANKLINE>
2012 (year)  allied-with  reported  d.txt:0-16  [e1]
    X allied with Y.\\x1b[31m
"""

from __future__ import annotations

import textwrap
import unicodedata
from collections import Counter
from typing import Any, Iterable

import networkx as nx

from actors.network.graph import edge_frame, label
from actors.analysis.pairs import FACT_STATUSES, alliance_shifts, pair_timeline
from actors.analysis.profile import Profile
from actors.schema import STATUSES

# format_problems and group_problems serve `actors run` only: not part of the package's API (actors.__all__)
__all__ = ["format_pair", "format_profile", "safe"]

_WIDTH = 100


def safe(text: Any) -> str:
    """Text with control and bidi-format characters escaped, so a document cannot drive the terminal."""
    s = "" if text is None else str(text)
    return "".join(ch if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf")
                   else f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}" for ch in s)


def _who(G: nx.MultiDiGraph, node: str) -> str:
    shown = label(G, node)
    return safe(shown if shown == node else f"{shown} ({node})")


def _indent(text: str, width: int) -> list[str]:
    return textwrap.wrap(" ".join(safe(text).split()), width=width, initial_indent="    ",
                         subsequent_indent="    ") or ["    (no evidence text)"]


def format_pair(G: nx.MultiDiGraph, a: str, b: str, *, statuses: Iterable[str] = STATUSES,
                width: int = _WIDTH, mentions=None) -> str:
    """Every relation between ``a`` and ``b``, by date, each with its evidence sentence.

    Denied and disputed relations are listed, marked so. Shifts between alliance and
    fighting (from reported, claimed and alleged relations) come first. Given
    the ``mentions`` table (``mentions.csv``), each event also lists every other
    sentence that tells it.
    """
    import polars as pl

    f = edge_frame(G)  # once, for the timeline and the shifts
    f = f.filter(pl.col("a").is_in([a, b]) & pl.col("b").is_in([a, b]))
    t = pair_timeline(G, a, b, statuses=statuses, edges=f)
    counts = Counter(t["relation"].to_list())
    lines = [f"{_who(G, a)} and {_who(G, b)}: {t.height} event{'s' if t.height != 1 else ''}"
             + (" (" + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) + ")" if counts else "")]
    for s in alliance_shifts(G, statuses=FACT_STATUSES, edges=f).iter_rows(named=True):
        verb = "fighting" if s["to_relation"] == "fought-against" else "allied"
        mine = [side for side, key in (("last", "curated_before"), ("first", "curated_after")) if s[key]]
        lines.append(f"shift: {s['from_relation']} (last {s['last_before']}) -> {verb} by {s['first_after']} "
                     f"(order from {s['order']})"
                     + (f"; the {' and '.join(mine)} evidence is the analyst's own addition" if mine else ""))
    if not t.height:
        lines.append("no relation between them in this corpus")
        return "\n".join(lines)
    lines.append("")
    told: dict[str, list[dict]] = {}
    if mentions is not None:
        for m in mentions.filter(pl.col("edge_id").is_in(t["edge_id"].to_list())
                                 & (pl.col("mention_id") != pl.col("edge_id"))).iter_rows(named=True):
            told.setdefault(m["edge_id"], []).append(m)
    for r in t.iter_rows(named=True):
        when = f"{r['date']} ({r['precision']})" if r["date"] else "undated"
        direction = "" if r["source"] == a or r["relation"] in ("allied-with", "fought-against") else \
            f" ({_who(G, r['source'])} -> {_who(G, r['target'])})"
        claim = f"  claimed by {safe(r['claimant'])}" if r["claimant"] else ""
        if r["status"] == "disputed" and "|" in (r["claimant"] or ""):  # ASSERTER|DENIER
            asserter, _, denier = r["claimant"].partition("|")
            claim = (f"  asserted by {safe(asserter)}" if asserter else "") + \
                (f"  denied by {safe(denier)}" if denier else "")
        lines.append(f"{when}  {r['relation']}{direction}  {r['status']}{claim}  "
                     f"{_where(G, r)}  [{safe(r['edge_id'])}]")
        lines += _indent(r["evidence"], width)
        for m in told.get(r["edge_id"], ()):
            claim = f"  claimed by {safe(m['claimed_by'])}" if m["claimed_by"] else ""
            lines.append(f"  also told: {m['date'] or 'undated'}  {m['status']}{claim}  "
                         f"{_where(G, m)}")
            lines += ["  " + x for x in _indent(m["evidence"], width - 2)]
    return "\n".join(lines)


def _unnamed(G: nx.MultiDiGraph, ev) -> list[str]:
    """"fought unnamed 'Islamists' in 12 events": generic counterparts counted, not hidden."""
    generic = {n for n, g in G.nodes(data="generic") if g}
    counts = Counter((r["relation"], r["other"]) for r in ev.iter_rows(named=True)
                     if r["other"] in generic and r["status"] not in ("denied", "disputed"))
    if not counts:
        return []
    verbs = {"fought-against": "fought", "allied-with": "allied with"}
    return ["unnamed counterparts (never tied to a named group; outside the measures of named actors): "
            + ", ".join(f"{verbs.get(rel, rel)} unnamed '{safe(G.nodes[o].get('name') or o)}' in {n} event(s)"
                        for (rel, o), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))]


def _where(G: nx.MultiDiGraph, r: dict) -> str:
    """A sentence's place: its document's title, with the file and character range beside it."""
    title = (G.graph.get("documents") or {}).get(r["doc"])
    where = f"{safe(r['doc'])}:{r['char_start']}-{r['char_end']}"
    return f"{safe(title)} — {where}" if title else where


def _names(G: nx.MultiDiGraph, rows: list[dict], *, mark: bool = True) -> str:
    """Counterparts with their event counts ("~": some rest on a date less precise than the period)."""
    by_other: Counter = Counter()
    vague: Counter = Counter()
    for r in rows:
        by_other[r["other"]] += 1
        vague[r["other"]] += bool(r["imprecise"]) and mark
    return ", ".join(f"{_who(G, o)} ({n}{'~' if vague[o] else ''})" for o, n in
                     sorted(by_other.items(), key=lambda kv: (-kv[1], label(G, kv[0]).casefold())))


def format_profile(G: nx.MultiDiGraph, p: Profile, *, width: int = _WIDTH) -> str:
    """An actor's profile: names, relations by period, splits and memberships."""
    import polars as pl

    ev = p.events
    counts = Counter(ev["relation"].to_list())
    status = Counter(ev["status"].to_list())
    undated = ev.filter(pl.col("start").is_null()).height
    lines = [f"{safe(p.name)} ({safe(p.id)}), {safe(p.kind) or 'kind unknown'}",
             "aliases: " + (", ".join(safe(x) for x in p.aliases) or "none"),
             f"{p.mentions} mention(s); {ev.height} relation(s)"
             + (": " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())) if counts else "")
             + (" — status " + ", ".join(f"{k} {v}" for k, v in sorted(status.items())) if status else ""),
             *_unnamed(G, ev),
             "", "Relations by period (n = events dated within the period; denied ones are listed apart; "
             "'might fall here' = events whose date is less precise than the period):"]
    if not ev.height:
        lines.append("  none in this corpus")
    for period in p.periods:
        part = p.relations.filter(pl.col("period") == period.id)
        maybe = p.imprecise.filter(pl.col("period") == period.id)
        if not part.height and not maybe.height:
            continue
        lines.append(f"  {safe(period.label)} ({period.span})")
        for rel in sorted(set(part["relation"].to_list())):
            rows = part.filter(pl.col("relation") == rel)
            fact = rows.filter(~pl.col("status").is_in(["denied", "disputed"])).to_dicts()
            if fact:
                lines.append(f"    {rel}: {_names(G, fact)}")
            for st in ("denied", "disputed"):  # never facts: listed apart
                apart = rows.filter(pl.col("status") == st).to_dicts()
                if apart:
                    lines.append(f"    {rel}, {st}: {_names(G, apart)}")
        for rel in sorted(set(maybe["relation"].to_list())):
            rows = maybe.filter(pl.col("relation") == rel).to_dicts()
            dates = sorted({r["date"] for r in rows if r["date"]})
            lines.append(f"    might fall here, {rel} (dated {', '.join(dates)}): {_names(G, rows, mark=False)}")
    if undated:
        rows = ev.filter(pl.col("start").is_null()).with_columns(pl.lit(False).alias("imprecise")).to_dicts()
        lines.append(f"  undated ({undated}): " + "; ".join(
            f"{rel} {_names(G, [r for r in rows if r['relation'] == rel])}"
            for rel in sorted({r["relation"] for r in rows})))
    for title, frame, empty in (("Splits", p.splits, "no split-from relation"),
                                ("Memberships", p.memberships, "no member-of relation")):
        lines += ["", f"{title}:"]
        if not frame.height:
            lines.append(f"  {empty}")
        for r in frame.iter_rows(named=True):
            lines.append(f"  {r['direction']} {_who(G, r['other'])}: first {r['first_date'] or 'undated'}, "
                         f"{r['events']} event(s) [{r['statuses']}]")
            lines += ["  " + x for x in _indent(r["evidence"], width - 2)]
    return "\n".join(lines)



# ---------------------------------------------------------------------------
# Problems, grouped for an analyst: what happened, how many, and what to do

#: (key, test on a problem's text, headline with {n}, {s} (plural "s") and {csv}, the action to take).
#: First match wins; a problem no test matches falls in "other". Skipped items and the overrides file's
#: problems are grouped apart (see :func:`group_problems`).
_KINDS = (
    ("yearless", lambda w: "year no longer in force" in w or "named in passing" in w or "no year in infobox" in w
     or "is no year" in w,
     "{n} date{s} left undated where the year was unclear",
     "see {csv}, or date them with [[redate]] in the overrides file"),
    ("impossible", lambda w: "impossible date" in w or "implausible date" in w or "unreadable event_date" in w
     or "date_start/date_end" in w,
     "{n} impossible or implausible date{s} left undated",
     "check the text (or --years), or date them with [[redate]] in the overrides file"),
    ("latin1", lambda w: "read as latin-1" in w.lower(),
     "{n} file{s} not in UTF-8, read as Latin-1",
     "check the names in them, or save them as UTF-8"),
    ("long", lambda w: "characters cut at whitespace" in w,
     "{n} file{s} with sentences too long to be prose, cut at whitespace",
     "check they are articles (not tables or page dumps); relations across a cut are missed"),
    ("ignored", lambda w: w.startswith("ignored:"),
     "{n} file{s} ignored (not .txt, .md, .html or .csv)",
     "nothing to do, or move them out of the corpus folder"),
    ("sides", lambda w: "cannot tell the two sides apart" in w,
     "{n} infobox belligerents block{s} whose sides could not be told apart: no relation drawn",
     "add the relations with [[add]] in the overrides file"),
    ("name-map", lambda w: "is not in the name map" in w,
     "{n} actor{s} named by event tables but missing from the name map, imported as their own actors",
     "map them in actors/data/event_actors.toml (they are in candidates.csv)"),
    ("rows", lambda w: "row skipped" in w or "is not a number" in w,
     "{n} event-table row{s} or cell{s} left out",
     "see {csv} for the rows and fix the export"),
)
_LISTED = 10  # skipped files and the overrides file's problems named without --verbose
_OTHER = ("other", "{n} other warning{s}", "see {csv}")


def group_problems(problems, *, curation_source: str = "") -> list[tuple[str, str, str, list]]:
    """Problems by kind, in a fixed order: (key, headline, action, problems) for each kind that has any.

    Skipped items come first (``skipped``: files or tables not read at all), then the overrides
    file's own problems (``curation``), then the warnings by kind (``_KINDS``), then ``other``.
    """
    groups: dict[str, list] = {}
    for p in problems:
        if curation_source and p.path == curation_source:
            key = "curation"
        elif p.skipped:
            key = "tables" if "not an event table this tool knows" in p.what else "skipped"
        else:
            key = next((k for k, test, _, _ in _KINDS if test(p.what)), "other")
        groups.setdefault(key, []).append(p)
    texts = {"skipped": ("{n} file{s} or table{s} skipped, not read", "see {csv}; fix or remove them"),
             "tables": ("{n} .csv file{s} not imported: not an ACLED or UCDP export this tool knows",
                        "see {csv} for the columns each has; export them again from ACLED or UCDP, "
                        "or move them out of the corpus folder"),
             "curation": (f"{{n}} problem{{s}} in the overrides file {curation_source}",
                          "fix the lines named; those entries were not applied"),
             **{k: (head, act) for k, _, head, act in _KINDS}, _OTHER[0]: _OTHER[1:]}
    order = ["skipped", "tables", "curation", *(k for k, *_ in _KINDS), "other"]
    return [(k, *texts[k], groups[k]) for k in order if k in groups]


def format_problems(problems, *, curation_source: str = "", csv: str = "problems.csv",
                    verbose: bool = False) -> list[str]:
    """Lines for the terminal: one per kind of problem, with its count and the action to take.

    Under each, the skipped files are named (they were not read at all), the overrides file's
    problems listed (the analyst's own lines), and for the other kinds one example is shown;
    ``verbose`` lists every problem. Every problem is in problems.csv either way.

    >>> from actors.errors import Problem
    >>> ps = [Problem("a.txt", f"line {i}", f"year-less date '{i} May' would fall 200 days before the date "
    ...               "in force (2020-07): year no longer in force", skipped=False) for i in (1, 2)]
    >>> print("\\n".join(format_problems(ps + [Problem("b.txt", "", "empty file")])))
    skipped: 1 file or table skipped, not read: see problems.csv; fix or remove them
      b.txt: empty file
    warning: 2 dates left undated where the year was unclear: see problems.csv, or date them with [[redate]] in the overrides file
      e.g. a.txt: line 1: year-less date '1 May' would fall 200 days before the date in force (2020-07): year no longer in force
    """
    lines = []
    for key, head, action, items in group_problems(problems, curation_source=curation_source):
        n = len(items)
        fill = {"n": n, "s": "" if n == 1 else "s", "csv": csv}
        lines.append(f"{'skipped' if key in ('skipped', 'tables') else 'warning'}: {head.format(**fill)}: "
                     f"{action.format(**fill)}")
        if key in ("tables", "ignored") and not verbose:  # the same reason each time: the files are enough
            lines.append("  " + ", ".join(safe(p.path) for p in items[:_LISTED])
                         + (f" and {n - _LISTED} more" if n > _LISTED else ""))
            continue
        shown = items if verbose else items[:_LISTED] if key in ("skipped", "curation") else items[:1]
        prefix = "  " if len(shown) == n or len(shown) > 1 else "  e.g. "
        lines += [f"{prefix}{safe(p)}" for p in shown]
        if 1 < len(shown) < n:
            lines.append(f"  ... and {n - len(shown)} more (--verbose lists them)")
    return lines

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

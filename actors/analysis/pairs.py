"""Pairs of actors over time: the pair timeline and alliance shifts.

**Pair timeline.** Every relation between two actors, in either direction,
ordered by date (undated last), with status, claimant and evidence. Denied
relations are listed (their status says so); they are evidence, not fact.

**Alliance shifts.** For every pair, the moments where the relation turned
from allied-with to fought-against or back. The pair's allied and fought
events (undirected; denied ones and undated ones left out, so they can never
cause a flip) are ordered by their date intervals, and only where the dates
give the order: an event whose interval overlaps one of the other relation
cannot be placed before or after it. The coarser of the two is set aside (a
fight dated "2012" says nothing of its order against an alliance of March
2012; the alliance, finer, may still be ordered against a fight of 8 June
2012); when neither is finer (both "2012", or intervals that cross) both are.
So no flip rests on overlapping dates alone: allied in March 2012, fought in
"2012" and on 8 June 2012 gives one shift (allied → fought, by 2012-06-08).
Each shift gives the last evidence of the old relation (the latest start in
the run before) and the first evidence of the new one (the run's earliest
*end*: the date by which the new relation is certainly in force); on a tie the
text's own sentence is cited before an analyst's addition (``curated_before``,
``curated_after`` say when an addition is cited all the same). ``undetermined``
counts the pair's events set aside; :func:`shift_exclusions` lists them.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> def add(k, u, v, rel, start, end, status="reported"):
...     G.add_edge(u, v, key=k, relation=rel, status=status, date=start[:7], start=start, end=end,
...                evidence=f"sentence {k}", doc="d.txt", char_start=0, char_end=1)
>>> add("e1", "x", "y", "allied-with", "2012-01-01", "2012-02-01")
>>> add("e2", "y", "x", "fought-against", "2012-06-08", "2012-06-09")
>>> add("e3", "x", "y", "allied-with", "2012-09-01", "2012-10-01", status="denied")
>>> alliance_shifts(G).select("a", "b", "from_relation", "to_relation", "last_before", "first_after").row(0)
('x', 'y', 'allied-with', 'fought-against', '2012-01', '2012-06')
>>> pair_timeline(G, "x", "y")["status"].to_list()
['reported', 'reported', 'denied']
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import groupby
from typing import Iterable

import networkx as nx

from actors.network.graph import edge_frame
from actors.schema import NOT_FACT_STATUSES, STATUSES

__all__ = ["pair_timeline", "alliance_shifts", "shift_exclusions", "FACT_STATUSES", "SHIFT_COLUMNS", "FOCUS_PAIR"]

#: Statuses analyses count by default: everything except denied and disputed.
FACT_STATUSES: tuple[str, ...] = tuple(s for s in STATUSES if s not in NOT_FACT_STATUSES)

#: The contract columns of shifts.csv, first; more follow them.
#: The pair whose story the renderings always tell when both are in the corpus:
#: MNLA and Ansar Dine, allies then enemies in 2012.
FOCUS_PAIR: tuple[str, str] = ("mnla", "ansar-dine")
SHIFT_COLUMNS: tuple[str, ...] = ("a", "b", "from_relation", "to_relation", "last_before", "first_after",
                                  "evidence_before", "evidence_after")

_SIGNED = ("allied-with", "fought-against")


def _frame(G: nx.MultiDiGraph, edges):
    return edges if edges is not None else edge_frame(G)


def pair_timeline(G: nx.MultiDiGraph, a: str, b: str, *, statuses: Iterable[str] = STATUSES,
                  relations: Iterable[str] | None = None, edges=None):
    """Every relation between ``a`` and ``b`` (either direction), by date, with evidence.

    Undated relations come last. ``statuses`` defaults to all four, so denials
    show up (with status "denied"); ``edges`` is a precomputed
    :func:`actors.network.graph.edge_frame` of ``G``.
    """
    import polars as pl

    f = _frame(G, edges)
    pair = ((pl.col("source") == a) & (pl.col("target") == b)) | ((pl.col("source") == b) & (pl.col("target") == a))
    f = f.filter(pair & pl.col("status").is_in(list(statuses)))
    if relations is not None:
        f = f.filter(pl.col("relation").is_in(list(relations)))
    return (f.sort(["start", "end", "doc", "char_start", "edge_id"], nulls_last=True)
             .select("date", "precision", "relation", "source", "target", "status", "claimant",
                     pl.col("start").cast(pl.Utf8), (pl.col("end").dt.offset_by("-1d")).cast(pl.Utf8).alias("last_day"),
                     "doc", "evidence", "char_start", "char_end", "edge_id"))


def _signed_rows(f, statuses, include_generic: bool = False):
    import polars as pl

    # a generic side ("the jihadists") is many actors: its allied then hostile events are no shift of one pair
    return (f.filter(pl.col("relation").is_in(_SIGNED) & pl.col("status").is_in(list(statuses))
                     & pl.col("start").is_not_null() & (pl.lit(include_generic) | ~pl.col("generic").fill_null(False)))
             .sort(["a", "b", "start", "end", "doc", "char_start", "edge_id"]))


def _ordered(events: list[dict]) -> tuple[list[dict], list[dict]]:
    """(events whose order against the other relation the dates give, events whose order they do not).

    An event whose interval overlaps an event of the other relation cannot be put before or
    after it: when its interval contains the other's (a "2012" fight around an alliance of March
    2012), the coarser one is set aside, the finer one may still be ordered; when neither
    contains the other (the same interval, or intervals that cross), both are set aside. The
    events kept are in disjoint intervals from every kept event of the other relation, so
    their order is the order of their dates.
    """
    # e is set aside when an event of the other relation starts or ends strictly inside e's interval,
    # or has e's very interval: each is a binary search over the other relation's sorted starts and
    # ends, so a pair with thousands of events costs n log n, not n².
    starts = {r: sorted(e["start"] for e in events if e["relation"] == r) for r in _SIGNED}
    ends = {r: sorted(e["end"] for e in events if e["relation"] == r) for r in _SIGNED}
    spans = {r: {(e["start"], e["end"]) for e in events if e["relation"] == r} for r in _SIGNED}
    aside: set[int] = set()
    for e in events:
        other = _SIGNED[1] if e["relation"] == _SIGNED[0] else _SIGNED[0]
        lo, hi = e["start"], e["end"]
        inside = (bisect_left(starts[other], hi) > bisect_right(starts[other], lo)
                  or bisect_left(ends[other], hi) > bisect_right(ends[other], lo))
        if inside or (lo, hi) in spans[other]:
            aside.add(id(e))  # e is as coarse as an event of the other relation, or coarser, or they cross
    return [e for e in events if id(e) not in aside], [e for e in events if id(e) in aside]


def alliance_shifts(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES, edges=None,
                    include_generic: bool = False):
    """Every change between allied-with and fought-against, per pair, with evidence.

    One row per shift with the contract columns ``a``, ``b`` (actor ids,
    sorted), ``from_relation``, ``to_relation``, ``last_before``,
    ``first_after`` (dates at their precision), ``evidence_before``,
    ``evidence_after``, then ``order`` (always "dates": the order rests on
    disjoint date intervals), the edge ids, documents and statuses on both
    sides, how many events each run holds, ``undetermined`` (the pair's events
    whose order the dates do not give, set aside) and ``curated_before`` /
    ``curated_after`` (the evidence cited is an analyst's addition), ``kind_before`` /
    ``kind_after`` (for allied-with: alliance, joint-action, support or link; empty when
    nobody said, as for an analyst's addition). Denied,
    undated and unordered relations are left out (see :func:`shift_exclusions`), and so are
    generic counterparts ("the jihadists": many groups, no one pair) unless ``include_generic``.
    """
    import polars as pl

    rows = []
    f = _signed_rows(_frame(G, edges), statuses, include_generic)
    # Only pairs that were both allied and hostile can shift: one pass over their rows.
    f = f.filter(pl.col("relation").n_unique().over(["a", "b"]) == 2)
    names = ("a", "b", "relation", "date", "status", "start", "end", "doc", "evidence", "edge_id", "curated", "kind")
    records = (dict(zip(names, r)) for r in f.select(names).iter_rows())
    for (a, b), group in groupby(records, key=lambda e: (e["a"], e["b"])):
        events, aside = _ordered(list(group))
        runs = [list(g) for _, g in groupby(events, key=lambda e: e["relation"])]
        for before, after in zip(runs, runs[1:]):
            # the last evidence of the old relation (latest start) and the first of the new (earliest
            # end); among equals the text's own sentence before an analyst's addition, then reading order
            last = max(reversed(before), key=lambda e: (e["start"], not e["curated"]))
            first = min(after, key=lambda e: (e["end"], e["curated"]))
            rows.append({
                "a": a, "b": b, "from_relation": last["relation"], "to_relation": first["relation"],
                "last_before": last["date"], "first_after": first["date"],
                "evidence_before": last["evidence"], "evidence_after": first["evidence"],
                "order": "dates",
                "edge_before": last["edge_id"], "edge_after": first["edge_id"],
                "doc_before": last["doc"], "doc_after": first["doc"],
                "status_before": last["status"], "status_after": first["status"],
                "events_before": len(before), "events_after": len(after),
                "undetermined": len(aside),
                "curated_before": last["curated"], "curated_after": first["curated"],
                "kind_before": last["kind"] or "", "kind_after": first["kind"] or "",
            })
    schema = {c: pl.Utf8 for c in (*SHIFT_COLUMNS, "order", "edge_before", "edge_after", "doc_before",
                                    "doc_after", "status_before", "status_after", "kind_before", "kind_after")}
    schema.update(events_before=pl.Int64, events_after=pl.Int64, undetermined=pl.Int64,
                  curated_before=pl.Boolean, curated_after=pl.Boolean)
    return pl.DataFrame(rows, schema=schema, orient="row").sort(["a", "b", "first_after", "edge_after"])


def shift_exclusions(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES, edges=None,
                     include_generic: bool = False):
    """The allied/fought relations that :func:`alliance_shifts` left out, and why.

    ``reason`` is "denied" (or the status not counted), "undated", or "order not
    given by the dates" (its interval overlaps one of the other relation and is
    not the finer of the two, for a pair both allied and fought); these never
    cause a flip.
    """
    import polars as pl

    statuses = list(statuses)
    f = _frame(G, edges).filter(pl.col("relation").is_in(_SIGNED)
                                & (pl.lit(include_generic) | ~pl.col("generic").fill_null(False)))
    out = f.filter(~pl.col("status").is_in(statuses) | pl.col("start").is_null())
    out = out.with_columns(pl.when(~pl.col("status").is_in(statuses)).then(pl.col("status"))
                           .otherwise(pl.lit("undated")).alias("reason"))
    signed = _signed_rows(f, statuses, include_generic).filter(pl.col("relation").n_unique().over(["a", "b"]) == 2)
    names = ("a", "b", "relation", "start", "end", "edge_id")
    aside = [e["edge_id"] for _, group in groupby((dict(zip(names, r)) for r in signed.select(names).iter_rows()),
                                                  key=lambda e: (e["a"], e["b"]))
             for e in _ordered(list(group))[1]]
    unordered = f.filter(pl.col("edge_id").is_in(aside)).with_columns(
        pl.lit("order not given by the dates").alias("reason"))
    return (pl.concat([out, unordered])
               .select("a", "b", "relation", "date", "status", "reason", "doc", "evidence", "edge_id")
               .sort(["a", "b", "edge_id"]))

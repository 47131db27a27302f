"""Pairs of actors over time: the pair timeline and alliance shifts.

**Pair timeline.** Every relation between two actors, in either direction,
ordered by date (undated last), with status, claimant and evidence. Denied
relations are listed (their status says so); they are evidence, not fact.

**Alliance shifts.** For every pair, the moments where the relation turned
from allied-with to fought-against or back. The pair's allied and fought
events (undirected; denied ones and undated ones left out, so they can never
cause a flip) are ordered by their date intervals. Events whose intervals are
identical ("2012" and "2012") cannot be told apart by date; among them the
order that implies the fewest changes is assumed (parsimony), so one article
that narrates an alliance and its end in the same year yields one shift, not
a zigzag. Each shift gives the last evidence of the old relation (the latest
start in the run before) and the first evidence of the new one (the run's
earliest *end*: the date by which the new relation is certainly in force).
``order`` is "dates" when the two intervals do not overlap and "overlapping
dates" when the sequence rests on the order of imprecise dates.

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


def _signed_rows(f, statuses):
    import polars as pl

    return (f.filter(pl.col("relation").is_in(_SIGNED) & pl.col("status").is_in(list(statuses))
                     & pl.col("start").is_not_null())
             .sort(["a", "b", "start", "end", "doc", "char_start", "edge_id"]))


def _parsimonious(events: list[dict]) -> list[dict]:
    """Order events so that those with identical intervals imply the fewest flips."""
    out: list[dict] = []
    groups = [list(g) for _, g in groupby(events, key=lambda e: (e["start"], e["end"]))]
    for i, group in enumerate(groups):
        signs = {e["relation"] for e in group}
        if len(signs) == 1:
            out.extend(group)
            continue
        if out:
            first = out[-1]["relation"]  # continue the relation in force
        elif i + 1 < len(groups):  # nothing before: end with what the next group starts with
            first = next(s for s in _SIGNED if s != groups[i + 1][0]["relation"])
        else:
            first = group[0]["relation"]
        out.extend(e for e in group if e["relation"] == first)
        out.extend(e for e in group if e["relation"] != first)
    return out


def alliance_shifts(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES, edges=None):
    """Every change between allied-with and fought-against, per pair, with evidence.

    One row per shift with the contract columns ``a``, ``b`` (actor ids,
    sorted), ``from_relation``, ``to_relation``, ``last_before``,
    ``first_after`` (dates at their precision), ``evidence_before``,
    ``evidence_after``, then ``order`` ("dates" or "overlapping dates"), the
    edge ids, documents and statuses on both sides, and how many events each
    run holds. Denied and undated relations are left out (see
    :func:`shift_exclusions`).
    """
    import polars as pl

    rows = []
    f = _signed_rows(_frame(G, edges), statuses)
    # Only pairs that were both allied and hostile can shift: one pass over their rows.
    f = f.filter(pl.col("relation").n_unique().over(["a", "b"]) == 2)
    names = ("a", "b", "relation", "date", "status", "start", "end", "doc", "evidence", "edge_id")
    records = (dict(zip(names, r)) for r in f.select(names).iter_rows())
    for (a, b), group in groupby(records, key=lambda e: (e["a"], e["b"])):
        events = _parsimonious(list(group))
        runs = [list(g) for _, g in groupby(events, key=lambda e: e["relation"])]
        for before, after in zip(runs, runs[1:]):
            last = max(reversed(before), key=lambda e: e["start"])  # latest start; ties: the later one
            first = min(after, key=lambda e: e["end"])  # earliest end; ties: the earlier one
            rows.append({
                "a": a, "b": b, "from_relation": last["relation"], "to_relation": first["relation"],
                "last_before": last["date"], "first_after": first["date"],
                "evidence_before": last["evidence"], "evidence_after": first["evidence"],
                "order": "dates" if last["end"] <= first["start"] else "overlapping dates",
                "edge_before": last["edge_id"], "edge_after": first["edge_id"],
                "doc_before": last["doc"], "doc_after": first["doc"],
                "status_before": last["status"], "status_after": first["status"],
                "events_before": len(before), "events_after": len(after),
            })
    schema = {c: pl.Utf8 for c in (*SHIFT_COLUMNS, "order", "edge_before", "edge_after", "doc_before",
                                    "doc_after", "status_before", "status_after")}
    schema.update(events_before=pl.Int64, events_after=pl.Int64)
    return pl.DataFrame(rows, schema=schema, orient="row").sort(["a", "b", "first_after", "edge_after"])


def shift_exclusions(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES, edges=None):
    """The allied/fought relations that :func:`alliance_shifts` left out, and why.

    ``reason`` is "denied" (or the status not counted) or "undated"; these can
    never cause a flip.
    """
    import polars as pl

    statuses = list(statuses)
    f = _frame(G, edges).filter(pl.col("relation").is_in(_SIGNED))
    out = f.filter(~pl.col("status").is_in(statuses) | pl.col("start").is_null())
    return (out.with_columns(pl.when(~pl.col("status").is_in(statuses)).then(pl.col("status"))
                             .otherwise(pl.lit("undated")).alias("reason"))
               .select("a", "b", "relation", "date", "status", "reason", "doc", "evidence", "edge_id")
               .sort(["a", "b", "edge_id"]))

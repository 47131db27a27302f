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

from typing import Iterable

import networkx as nx

from actors.analysis.frame_memo import _frame_memo
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


def _signed_rows(f, statuses, include_generic: bool = False, *, ordered: bool = True):
    """The dated allied and hostile rows with a counted status, by pair then date (``ordered``)."""
    import polars as pl

    # a generic side ("the jihadists") is many actors: its allied then hostile events are no shift of one pair
    f = f.filter(pl.col("relation").is_in(_SIGNED) & pl.col("status").is_in(list(statuses))
                 & pl.col("start").is_not_null() & (pl.lit(include_generic) | ~pl.col("generic").fill_null(False)))
    return f.sort(["a", "b", "start", "end", "doc", "char_start", "edge_id"]) if ordered else f


def _both_ways(f):
    """The rows of pairs both allied and hostile, with ``_aside``: the dates do not give the row's order
    against the other relation (the rule of :func:`alliance_shifts`).

    A row is set aside when an event of the other relation starts or ends strictly inside its interval,
    or has its very interval: when its interval contains the other's (a "2012" fight around an
    alliance of March 2012) the coarser one is set aside and the finer one may still be ordered; when
    neither contains the other (the same interval, or intervals that cross) both are. The rows kept
    are in disjoint intervals from every kept row of the other relation, so their order is the order
    of their dates. Vectorised: each test is a binary search of every row's bounds in the other
    relation's sorted (pair, day) keys, so a pair with thousands of events costs n log n, not n².
    """
    import polars as pl

    f = f.filter(pl.col("relation").n_unique().over(["a", "b"]) == 2)
    if f.height == 0:
        return f.with_columns(pl.lit(False).alias("_aside"))
    base = f["start"].min()
    day = [(pl.col(c) - pl.lit(base)).dt.total_days().cast(pl.Int64) for c in ("start", "end")]
    keys = f.select((pl.col("relation") == _SIGNED[0]).alias("allied"),
                    pl.struct("a", "b").rank("dense").cast(pl.Int64).alias("pair"), day[0].alias("s"),
                    day[1].alias("e")).with_row_index("_i")
    span = int(keys["e"].max()) + 2  # (pair, day) as one number: pair * span + day
    keys = keys.with_columns((pl.col("pair") * span + pl.col("s")).alias("ks"),
                             (pl.col("pair") * span + pl.col("e")).alias("ke"))
    aside = []
    for allied in (True, False):
        mine, other = keys.filter(pl.col("allied") == allied), keys.filter(pl.col("allied") != allied)
        hit = pl.Series([False] * mine.height)
        for col in ("ks", "ke"):  # the other relation's starts, then its ends, strictly inside (lo, hi)
            bounds = other[col].sort()
            hit = hit | ((bounds.search_sorted(mine["ke"], side="left")
                          - bounds.search_sorted(mine["ks"], side="right")) > 0)
        same = mine.join(other.select("pair", "s", "e").unique(), on=["pair", "s", "e"], how="semi")["_i"]
        aside.append(mine.select("_i", (hit | mine["_i"].is_in(same.implode())).alias("_aside")))
    flag = pl.concat(aside).sort("_i")["_aside"]
    return f.with_columns(flag.alias("_aside"))


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

    statuses = tuple(statuses)
    frame = _frame(G, edges)
    f = _both_ways(_signed_rows(frame, statuses, include_generic))
    # the events set aside, for shift_exclusions of the same frame (kept while the frame lives)
    _frame_memo(frame)[("aside", tuple(statuses), include_generic)] = f.filter("_aside")["edge_id"]
    undetermined = f.group_by("a", "b").agg(pl.col("_aside").sum().cast(pl.Int64).alias("undetermined"))
    # runs of one relation, in date order, among the rows the dates place
    ev = f.filter(~pl.col("_aside")).with_row_index("_pos")
    change = (pl.col("relation") != pl.col("relation").shift()) | (pl.col("a") != pl.col("a").shift()) \
        | (pl.col("b") != pl.col("b").shift())
    ev = ev.with_columns(change.fill_null(True).cum_sum().alias("_run"))
    # the last evidence of the old relation (latest start) and the first of the new (earliest end); among
    # equals the text's own sentence before an analyst's addition, then reading order
    runs = ev.group_by("_run", maintain_order=True).agg(
        pl.col("a").first(), pl.col("b").first(), pl.len().cast(pl.Int64).alias("n"),
        pl.col("_pos").sort_by(["start", ~pl.col("curated"), "_pos"]).last().alias("last"),
        pl.col("_pos").sort_by(["end", "curated", "_pos"]).first().alias("first"))
    pairs = (runs.with_columns(pl.col("a", "b", "n", "first").shift(-1).name.suffix("_next"))
             .filter((pl.col("a") == pl.col("a_next")) & (pl.col("b") == pl.col("b_next"))))
    names = ("relation", "date", "evidence", "edge_id", "doc", "status", "curated", "kind")
    last = ev.select(names).gather(pairs["last"]).rename(lambda c: c + "_before")
    first = ev.select(names).gather(pairs["first_next"]).rename(lambda c: c + "_after")
    table = pl.concat([pairs.select("a", "b", pl.col("n").alias("events_before"),
                                    pl.col("n_next").alias("events_after")), last, first], how="horizontal")
    table = table.join(undetermined, on=["a", "b"], how="left")
    return (table.select("a", "b", pl.col("relation_before").alias("from_relation"),
                         pl.col("relation_after").alias("to_relation"), pl.col("date_before").alias("last_before"),
                         pl.col("date_after").alias("first_after"), "evidence_before", "evidence_after",
                         pl.lit("dates").alias("order"), pl.col("edge_id_before").alias("edge_before"),
                         pl.col("edge_id_after").alias("edge_after"), "doc_before", "doc_after",
                         "status_before", "status_after", pl.col("kind_before").fill_null(""),
                         pl.col("kind_after").fill_null(""), "events_before", "events_after", "undetermined",
                         "curated_before", "curated_after")
            .sort(["a", "b", "first_after", "edge_after"]))


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
    frame = _frame(G, edges)
    f = frame.filter(pl.col("relation").is_in(_SIGNED) & (pl.lit(include_generic) | ~pl.col("generic").fill_null(False)))
    out = f.filter(~pl.col("status").is_in(statuses) | pl.col("start").is_null())
    out = out.with_columns(pl.when(~pl.col("status").is_in(statuses)).then(pl.col("status"))
                           .otherwise(pl.lit("undated")).alias("reason"))
    aside = _frame_memo(frame).get(("aside", tuple(statuses), include_generic))  # alliance_shifts found them
    if aside is None:
        aside = _both_ways(_signed_rows(f, statuses, include_generic, ordered=False)).filter("_aside")["edge_id"]
    unordered = f.filter(pl.col("edge_id").is_in(aside.implode())).with_columns(
        pl.lit("order not given by the dates").alias("reason"))
    return (pl.concat([out, unordered])
               .select("a", "b", "relation", "date", "status", "reason", "doc", "evidence", "edge_id")
               .sort(["a", "b", "edge_id"]))

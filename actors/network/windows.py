"""Time: windows over the graph and periodisations.

**The rule for imprecise dates.** An edge covers the half-open interval
``[start, end)`` its date's precision allows ("2012" covers the whole year,
"2012-06" the month). A window ``[w_start, w_end)`` *holds* an edge when the
two intervals overlap. Where the edge's interval lies wholly inside the window
it is *precise* there; where it overlaps but spills over (a "2012" edge in a
window of June 2012) it is *imprecise* there, and analyses say so in an
``imprecise`` column. ``mode="within"`` keeps only the precise ones. Undated
edges belong to no window: they stay in the full graph and are counted apart.

A window of the graph (:func:`window`) is a frozen networkx graph of the
edges it holds, in G's order, sharing G's node and edge attribute dicts. It is
made from G's *interval index*: G's edges in adjacency order with their
intervals as day numbers, in a polars frame that one vectorised filter per
window selects from, so a window costs time in proportion to its own edges:
0.07 s for a yearly window of 1,000,000 edges (32,000 of them in it), and
0.01 s to count its edges and degrees, where the networkx view filtering every
edge that it replaces took 5 s to make and 24 s to count through
(``benchmarks/window_speed.py``). The per-window analyses instead filter
:func:`actors.network.graph.edge_frame` once per window.

**When the index is rebuilt.** It is built on the first window of a graph (a
pass over every edge: about 3 s and 75 MB per million) and kept outside the
graph, so that copies and pickles do not carry it, until the graph changes:
networkx (3.3 and later) empties ``G.__networkx_cache__`` on every change made
through its methods (``add_edge``, ``remove_edge``, ``add_node``,
``set_edge_attributes``, ...), and a different number of nodes (and, on
networkx 3.2, of edges) is noticed too. An edit to an attribute dict in place
(``G.edges[u, v, k]["start"] = ...``) is not: call
``G.__networkx_cache__.clear()`` after such edits. A networkx view (such as
``G.subgraph(nodes)``) follows its graph unseen, so its index is never kept.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_edge("x", "y", key="e1", relation="fought-against", start="2012-01-01", end="2013-01-01")
'e1'
>>> G.add_edge("x", "z", key="e2", relation="allied-with", start="2014-03-01", end="2014-04-01")
'e2'
>>> W = window(G, "2012-06-01", "2012-07-01")
>>> list(W.edges(keys=True)), sorted(W)
([('x', 'y', 'e1')], ['x', 'y'])
>>> list(window(G, "2012-06-01", "2012-07-01", mode="within").edges)
[]
>>> [p.label for p in yearly(G)]
['2012', '2013', '2014']
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
import weakref
from dataclasses import dataclass
from importlib import resources
from itertools import chain, repeat
from operator import itemgetter, methodcaller
from typing import Any, Iterable

import networkx as nx

from actors.errors import DataFileError, Problem

__all__ = ["Period", "window", "placement", "yearly", "phases", "load_periods", "make_periods", "assign_periods"]

MODES = ("overlap", "within")


@dataclass(frozen=True, order=True)
class Period:
    """A named window ``[start, end)``; ``end`` None means still open."""

    start: dt.date
    end: dt.date | None
    id: str
    label: str

    def __str__(self) -> str:
        return self.label

    @property
    def span(self) -> str:
        """The period's days as text, e.g. "2012-01-17 – 2012-04-05"."""
        last = (self.end - dt.timedelta(days=1)).isoformat() if self.end else "…"
        return f"{self.start.isoformat()} – {last}"


def _day(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def placement(start: Any, end: Any, w_start: Any, w_end: Any) -> str | None:
    """Where an edge interval ``[start, end)`` sits in a window: "precise", "imprecise" or None.

    ``w_end`` None is an open window. Undated edges (``start`` None) are in no window.

    >>> placement("2012-01-01", "2013-01-01", "2012-06-01", "2012-07-01")
    'imprecise'
    >>> placement("2012-06-08", "2012-06-09", "2012-06-01", "2012-07-01")
    'precise'
    >>> placement("2013-01-01", "2013-01-02", "2012-06-01", "2013-01-01") is None
    True
    """
    s, e, ws, we = _day(start), _day(end), _day(w_start), _day(w_end)
    if s is None or e is None:
        return None
    if e <= ws or (we is not None and s >= we):
        return None
    return "precise" if s >= ws and (we is None or e <= we) else "imprecise"


def window(G: nx.MultiDiGraph, start: Any, end: Any = None, *, mode: str = "overlap",
           keep_isolated: bool = False) -> nx.MultiDiGraph:
    """The graph restricted to ``[start, end)``: a frozen graph sharing G's attribute dicts.

    Edges are kept by the imprecise-date rule above (``mode="overlap"`` keeps
    imprecise ones too, ``mode="within"`` only precise ones). Nodes are those
    the kept edges touch, or every node with ``keep_isolated=True``. Nodes,
    edges and keys come in G's order (successors and predecessors alike), and
    ``W.edges[u, v, k]``, ``W.nodes[n]`` and ``W.graph`` are G's own dicts.

    The result is built from G's interval index (see the module docstring) in
    time proportional to the window, not to G. It is frozen (read-only) and,
    unlike a networkx view, does not follow later changes to G's edges.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="e1", start="2012-01-01", end="2012-01-02")
    'e1'
    >>> G.add_edge("c", "d", key="e2")  # undated: in no window
    'e2'
    >>> W = window(G, "2012-01-01", "2012-02-01")
    >>> list(W.edges(keys=True)), W.edges["a", "b", "e1"] is G.edges["a", "b", "e1"], nx.is_frozen(W)
    ([('a', 'b', 'e1')], True, True)
    >>> sorted(window(G, "2012-01-01", "2012-02-01", keep_isolated=True))
    ['a', 'b', 'c', 'd']
    """
    import polars as pl

    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    ws, we = _day(start), _day(end)
    if ws is None:
        raise TypeError("a window needs a start date")
    index = _interval_index(G)
    s, e = pl.col("s"), pl.col("e")
    hit = e > ws.toordinal()
    if we is not None:
        hit = hit & (s < we.toordinal())
    if mode == "within":
        hit = hit & (s >= ws.toordinal())
        if we is not None:
            hit = hit & (e <= we.toordinal())
    kept = index.frame.filter(hit)
    if keep_isolated:
        nodes = list(G)
    else:
        ranks = pl.concat([kept["ur"], kept["vr"]]).unique().sort().to_list()
        nodes = [index.nodes[r] for r in ranks]
    pairs = kept.unique("pr", keep="any").sort("pr")["i"].to_list()
    return _frozen(G, index, nodes, kept["i"].to_list(), pairs)


def _frozen(G: nx.MultiDiGraph, index: "_Index", nodes: list, edges: list[int], pairs: list[int]) -> nx.MultiDiGraph:
    """A frozen graph of G's class with ``nodes`` and the indexed edges ``edges`` (positions, in G's order).

    ``pairs`` holds one edge position per kept (u, v) pair, in the order of G's
    predecessor lists, so that ``W.pred`` iterates as ``G.pred`` does.
    """
    W = G.__class__()
    W.graph = G.graph
    attrs = G._node
    W._node = {n: attrs[n] for n in nodes}
    inner, new_keys = W.adjlist_inner_dict_factory, W.edge_key_dict_factory
    succ = {n: inner() for n in nodes}
    pred = {n: inner() for n in nodes}
    us, vs, ks, ds = index.u, index.v, index.k, index.d
    for i in edges:
        nbrs, v = succ[us[i]], vs[i]
        keys = nbrs.get(v)
        if keys is None:
            keys = nbrs[v] = new_keys()
        keys[ks[i]] = ds[i]
    for i in pairs:
        u, v = us[i], vs[i]
        pred[v][u] = succ[u][v]
    W._succ = succ  # networkx keeps W._adj the same object
    W._pred = pred
    return nx.freeze(W)


class _Index:
    """G's edges in adjacency order and, for the dated ones, their intervals as day numbers.

    ``frame`` has one row per dated edge: ``i`` (its position in ``u``, ``v``,
    ``k``, ``d``), ``s`` and ``e`` (``date.toordinal()`` of start and end),
    ``ur`` and ``vr`` (the ends' positions in ``nodes``) and ``pr`` (the
    position of the pair (u, v) in G's predecessor lists).
    """

    __slots__ = ("stamp", "token", "u", "v", "k", "d", "nodes", "frame")


#: Interval indexes by graph, kept outside the graphs so that copies and pickles do not carry them.
_INDEXES: "weakref.WeakKeyDictionary[nx.MultiDiGraph, _Index]" = weakref.WeakKeyDictionary()
_TOKEN = "actors.network.windows"


def _interval_index(G: nx.MultiDiGraph) -> _Index:
    """G's interval index: the cached one while G is unchanged, else a new one (see the module docstring)."""
    if hasattr(G, "_graph"):  # a networkx view: it follows its graph unseen, so it is never cached
        return _build_index(G)
    cache = getattr(G, "__networkx_cache__", None)  # networkx >= 3.3 empties it on every change it makes
    # counting edges costs a tenth of a second per million: only without that cache (networkx 3.2)
    stamp = (G.number_of_nodes(), G.number_of_edges() if cache is None else None)
    index = _INDEXES.get(G)
    if index is None or index.stamp != stamp or (cache is not None and cache.get(_TOKEN) is not index.token):
        index = _INDEXES[G] = _build_index(G)
        index.stamp = stamp
        if cache is not None:
            cache[_TOKEN] = index.token
    return index


def _build_index(G: nx.MultiDiGraph) -> _Index:
    """One pass over G's adjacency, at C speed where it can be (a few seconds per million edges).

    Each date value is converted once (there are few distinct ones); the
    predecessor order comes from joining G's (u, v) pairs in successor order
    with the same pairs in predecessor order.
    """
    import polars as pl

    index = _Index()
    index.token, index.stamp = object(), None
    nodes = index.nodes = list(G)
    rank = {n: r for r, n in enumerate(nodes)}.__getitem__
    values = methodcaller("values")

    def pairs(adjacency, outer: str, inner: str) -> pl.DataFrame:  # the ranks of each pair's ends, in order
        counts = list(map(len, adjacency.values()))
        first = chain.from_iterable(map(repeat, map(rank, adjacency.keys()), counts))
        second = map(rank, chain.from_iterable(adjacency.values()))
        f = pl.DataFrame({outer: list(first), inner: list(second)}, schema={outer: pl.Int64, inner: pl.Int64})
        return f.with_columns((pl.col("ur") * len(nodes) + pl.col("vr")).alias("uv"))

    succ = pairs(G._succ, "ur", "vr").with_row_index("p")
    pred = pairs(G._pred, "vr", "ur").select("uv").with_row_index("pr")
    succ = succ.join(pred, on="uv", how="left").sort("p").drop("uv")
    keydicts = list(chain.from_iterable(map(values, G._succ.values())))
    ks = list(chain.from_iterable(keydicts))
    ds = list(chain.from_iterable(map(values, keydicts)))
    try:
        starts, ends = list(map(itemgetter("start"), ds)), list(map(itemgetter("end"), ds))
    except KeyError:  # edges without dates at all
        starts, ends = [d.get("start") for d in ds], [d.get("end") for d in ds]
    number = {x: (None if (day := _day(x)) is None else day.toordinal()) for x in {*starts, *ends}}
    edges = pl.DataFrame({
        "p": pl.Series(list(chain.from_iterable(map(repeat, range(len(keydicts)), map(len, keydicts)))),
                       dtype=pl.UInt32),
        "s": pl.Series(list(map(number.__getitem__, starts)), dtype=pl.Int32),
        "e": pl.Series(list(map(number.__getitem__, ends)), dtype=pl.Int32),
    }).with_row_index("i")
    p = edges["p"].to_list()
    heads, tails = succ["ur"].to_list(), succ["vr"].to_list()
    index.u = list(map(nodes.__getitem__, map(heads.__getitem__, p)))
    index.v = list(map(nodes.__getitem__, map(tails.__getitem__, p)))
    index.k, index.d = ks, ds
    index.frame = (edges.filter(pl.col("s").is_not_null() & pl.col("e").is_not_null())
                   .join(succ, on="p", how="left").sort("i").select("i", "s", "e", "ur", "vr", "pr"))
    return index


def _span(G: nx.MultiDiGraph | None, edges) -> tuple[dt.date, dt.date] | None:
    """First and last day of the dated edges: from the edge frame when given (no pass over G)."""
    if edges is not None:
        dated = edges.filter(edges["start"].is_not_null())
        if dated.height == 0:
            return None
        return dated["start"].min(), dated["end"].max() - dt.timedelta(days=1)
    spans = [(d["start"], d["end"]) for _, _, d in G.edges(data=True) if d.get("start")] if G is not None else []
    if not spans:
        return None
    return _day(min(a for a, _ in spans)), _day(max(b for _, b in spans)) - dt.timedelta(days=1)


def yearly(G: nx.MultiDiGraph | None = None, *, first: int | None = None, last: int | None = None,
           edges=None) -> list[Period]:
    """One period per calendar year, from ``first`` to ``last``.

    By default the years span the dated edges: of ``edges`` (an
    :func:`actors.network.graph.edge_frame`) when given, else of ``G``.
    """
    if first is None or last is None:
        span = _span(G, edges)
        if span is None:
            return []
        first = span[0].year if first is None else first
        last = span[1].year if last is None else last
    return [Period(dt.date(y, 1, 1), dt.date(y + 1, 1, 1), str(y), str(y)) for y in range(first, last + 1)]


def make_periods(spec: Iterable[Any], *, source: str = "periods") -> list[Period]:
    """Periods from ``(label, start, end)`` tuples or dicts with id/label/start/end.

    Dates are ISO strings or dates; ``end`` is exclusive and may be None (open).
    Every bad entry is reported at once, naming it and what was expected.

    >>> [p.span for p in make_periods([("surge", "2013-01-11", "2013-03-01")])]
    ['2013-01-11 – 2013-02-28']
    >>> make_periods([("bad", "2013-05-01", "2013-01-01")])
    Traceback (most recent call last):
    ...
    actors.errors.DataFileError: periods: period #1 ('bad'): end 2013-01-01 is not after start 2013-05-01
    """
    out: list[Period] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, raw in enumerate(spec, 1):
        if isinstance(raw, dict):
            label, start, end, pid = raw.get("label"), raw.get("start"), raw.get("end"), raw.get("id")
        elif isinstance(raw, (tuple, list)) and len(raw) in (2, 3):
            label, start, end = (*raw, None)[:3]
            pid = None
        else:
            problems.append(Problem(source, f"period #{i}", "expected (label, start, end) or a table with label, start, end"))
            continue
        place = f"period #{i} ({pid or label!r})"
        if not isinstance(label, str) or not label.strip():
            problems.append(Problem(source, place, "expected a non-empty label"))
            continue
        try:
            s, e = _day(start), _day(end)
        except (TypeError, ValueError):
            problems.append(Problem(source, place, f"expected ISO dates (YYYY-MM-DD), got start={start!r} end={end!r}"))
            continue
        if s is None:
            problems.append(Problem(source, place, "expected a start date"))
            continue
        if e is not None and e <= s:
            problems.append(Problem(source, place, f"end {e} is not after start {s}"))
            continue
        pid = str(pid or label)
        if pid in seen:
            problems.append(Problem(source, place, f"duplicate id {pid!r}"))
            continue
        seen.add(pid)
        out.append(Period(s, e, pid, label))
    if problems:
        raise DataFileError("\n".join(str(p) for p in problems))
    return out


def load_periods(path: str | os.PathLike[str]) -> list[Period]:
    """Periods from a TOML file of ``[[period]]`` tables (id, label, start, end)."""
    source = os.fspath(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise DataFileError(f"{source}: cannot read: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise DataFileError(f"{source}: not valid TOML: {exc}") from exc
    entries = data.get("period")
    if not isinstance(entries, list) or not entries:
        raise DataFileError(f"{source}: expected one or more [[period]] tables")
    return make_periods(entries, source=source)


def phases() -> list[Period]:
    """The named phases of Mali's wars (``actors/data/periods.toml``)."""
    ref = resources.files("actors") / "data" / "periods.toml"
    with resources.as_file(ref) as path:
        return load_periods(path)


def _period_rule(period: Period) -> tuple:
    """(holds, precise): polars expressions over an edge frame's ``start`` and ``end`` (dates) saying
    whether ``period`` holds a dated row (the intervals overlap) and whether the row's interval lies
    wholly inside it: the rule for imprecise dates above, as :func:`assign_periods` applies it."""
    import polars as pl

    hit = pl.col("end") > pl.lit(period.start)
    inside = pl.col("start") >= pl.lit(period.start)
    if period.end is not None:
        hit = hit & (pl.col("start") < pl.lit(period.end))
        inside = inside & (pl.col("end") <= pl.lit(period.end))
    return hit, inside


def assign_periods(edges, periods: Iterable[Period], *, mode: str = "overlap"):
    """Rows of an :func:`actors.network.graph.edge_frame` placed in each period.

    Returns the rows that each period holds (an edge appears once per period
    it overlaps) with columns ``period`` (id), ``period_label``,
    ``period_start``, ``period_end`` and ``imprecise``. Undated rows are dropped.
    One vectorised filter per period: linear in the number of edges.
    """
    import polars as pl

    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    dated = edges.filter(pl.col("start").is_not_null())
    parts = []
    for p in periods:
        hit, inside = _period_rule(p)
        part = dated.filter(hit).with_columns(
            pl.lit(p.id).alias("period"), pl.lit(p.label).alias("period_label"),
            pl.lit(p.start).alias("period_start"), pl.lit(p.end, dtype=pl.Date).alias("period_end"),
            (~inside).alias("imprecise"))
        if mode == "within":
            part = part.filter(~pl.col("imprecise"))
        parts.append(part)
    if not parts:
        return dated.head(0).with_columns(
            pl.lit("").alias("period"), pl.lit("").alias("period_label"),
            pl.lit(None, dtype=pl.Date).alias("period_start"), pl.lit(None, dtype=pl.Date).alias("period_end"),
            pl.lit(False).alias("imprecise"))
    return pl.concat(parts)

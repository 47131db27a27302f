"""Time: windows over the graph and periodisations.

**The rule for imprecise dates.** An edge covers the half-open interval
``[start, end)`` its date's precision allows ("2012" covers the whole year,
"2012-06" the month). A window ``[w_start, w_end)`` *holds* an edge when the
two intervals overlap. Where the edge's interval lies wholly inside the window
it is *precise* there; where it overlaps but spills over (a "2012" edge in a
window of June 2012) it is *imprecise* there, and analyses say so in an
``imprecise`` column. ``mode="within"`` keeps only the precise ones. Undated
edges belong to no window: they stay in the full graph and are counted apart.

A window of the graph is a read-only networkx view (nothing is copied); the
per-window analyses instead filter :func:`actors.network.graph.edge_frame` once per
window, which costs one vectorised pass and never rebuilds the graph.

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
from dataclasses import dataclass
from importlib import resources
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
    """The graph restricted to ``[start, end)`` as a read-only view (no copy).

    Edges are kept by the imprecise-date rule above (``mode="overlap"`` keeps
    imprecise ones too, ``mode="within"`` only precise ones). Nodes are those
    the kept edges touch, or every node with ``keep_isolated=True``.
    """
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    ws, we = _day(start), _day(end)
    wanted = {"precise"} if mode == "within" else {"precise", "imprecise"}

    def keep_edge(u: Any, v: Any, k: Any) -> bool:
        d = G.succ[u][v][k]
        return placement(d.get("start"), d.get("end"), ws, we) in wanted

    if keep_isolated:
        return nx.subgraph_view(G, filter_edge=keep_edge)
    touched = {n for u, v, k in G.edges(keys=True) if keep_edge(u, v, k) for n in (u, v)}
    return nx.subgraph_view(G, filter_node=touched.__contains__, filter_edge=keep_edge)


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
        hit = pl.col("end") > pl.lit(p.start)
        inside = pl.col("start") >= pl.lit(p.start)
        if p.end is not None:
            hit = hit & (pl.col("start") < pl.lit(p.end))
            inside = inside & (pl.col("end") <= pl.lit(p.end))
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

"""Run every analysis once over a graph, and stage their tables for writing.

The edge table is extracted from the graph once and shared by all analyses
(their ``edges=`` keyword); windows are filters over it, so the whole run is
linear in the number of edges.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for k, (rel, day) in enumerate([("allied-with", "2012-03-01"), ("fought-against", "2012-06-08")]):
...     _ = G.add_edge("mnla", "ansar-dine", key=f"e{k}", relation=rel, status="reported", date=day,
...                    precision="day", start=day, end=day[:-2] + "%02d" % (int(day[-2:]) + 1),
...                    doc="d.txt", evidence=f"Sentence {k}.", char_start=k, char_end=k + 1)
>>> A = analyse(G)
>>> A.shifts.select("a", "b", "to_relation", "first_after").rows()
[('ansar-dine', 'mnla', 'fought-against', '2012-06-08')]
>>> sorted(p.name for p in analysis_writers(A, "out"))[:3]
['balance.csv', 'blocs.csv', 'centrality.csv']
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import networkx as nx
import polars as pl

from actors.analysis.balance import balance_tables
from actors.analysis.centrality import blocs, centrality
from actors.analysis.coalition import coalition
from actors.analysis.genealogy import genealogy
from actors.bulk import paused_gc
from actors.network.graph import edge_frame
from actors.analysis.pairs import FACT_STATUSES, alliance_shifts, shift_exclusions
from actors.csv_cells import write_csv
from actors.network.windows import Period, phases, yearly

__all__ = ["Analyses", "analyse", "analysis_writers"]


@dataclass(frozen=True)
class Analyses:
    """Every analysis of one graph, as polars DataFrames."""

    graph: nx.MultiDiGraph = field(repr=False)
    phases: tuple[Period, ...]
    years: tuple[Period, ...]
    statuses: tuple[str, ...]
    coalition_actor: str
    shifts: pl.DataFrame
    exclusions: pl.DataFrame
    coalition: pl.DataFrame
    genealogy: pl.DataFrame
    balance: pl.DataFrame  # per phase then per year; column ``periodisation``
    frustrated: pl.DataFrame
    centrality: pl.DataFrame
    blocs: pl.DataFrame


def _by_periodisation(by_phase, by_year):
    """Balance and frustrated edges per named period, then per year (column ``periodisation``)."""
    out = []
    for parts in zip(by_phase, by_year):
        parts = [t.with_columns(pl.lit(name).alias("periodisation")) for name, t in zip(("phase", "year"), parts)]
        df = pl.concat(parts, how="vertical_relaxed")
        out.append(df.select("periodisation", *[c for c in df.columns if c != "periodisation"]))
    return out


def analyse(G: nx.MultiDiGraph, *, periods: Sequence[Period] | None = None, coalition_actor: str = "jnim",
            statuses: Iterable[str] = FACT_STATUSES, top: int = 10, mode: str = "within",
            edges: pl.DataFrame | None = None, timings: dict[str, float] | None = None) -> Analyses:
    """Run the analyses over ``G``: shifts, coalition, genealogy, balance, centrality and blocs.

    ``periods`` are the named periods (default: the phases of Mali's wars);
    balance and frustrated edges are also given per calendar year. ``top``
    keeps the most central actors per period. ``mode``: an event counts in a period
    only when its date lies within it (``within``, the default), or whenever it overlaps it (``overlap``);
    either way the period rows count the events that only might fall in it. ``edges``: ``G``'s
    :func:`~actors.network.graph.edge_frame`, when it is at hand (``edge_frame_of_table``: much faster
    than walking a big graph); by default it is taken from ``G``. ``timings``, when given, receives
    each analysis's seconds by name (as ``benchmarks/graph_scale.py`` prints them).
    """
    statuses = tuple(statuses)
    named = tuple(periods) if periods is not None else tuple(phases())
    clock = timings if timings is not None else {}

    def timed(name, fn, *args, **kw):
        t0 = time.perf_counter()
        try:
            return fn(*args, **kw)
        finally:
            clock[name] = clock.get(name, 0.0) + time.perf_counter() - t0

    with paused_gc():
        f = timed("edge frame", edge_frame, G) if edges is None else edges
        years = tuple(yearly(edges=f))
        kw = {"statuses": statuses, "edges": f}
        # the years first: the named periods' signed windows are then still at hand for their blocs
        by_year = timed("balance, years", balance_tables, G, periods=list(years), mode=mode, **kw)
        by_phase = timed("balance, phases", balance_tables, G, periods=list(named), mode=mode, **kw)
        balance, frustrated = _by_periodisation(by_phase, by_year)
        return Analyses(
            graph=G, phases=named, years=years, statuses=statuses, coalition_actor=coalition_actor,
            blocs=timed("blocs", blocs, G, periods=list(named), mode=mode, **kw),
            shifts=timed("shifts", alliance_shifts, G, **kw),
            exclusions=timed("shift exclusions", shift_exclusions, G, **kw),
            coalition=timed("coalition", coalition, G, coalition_actor, periods=list(named), mode=mode, **kw),
            genealogy=timed("genealogy", genealogy, G, **kw),
            balance=balance, frustrated=frustrated,
            centrality=timed("centrality", centrality, G, periods=list(named), top=top, mode=mode, **kw),
        )


def analysis_writers(analyses: Analyses, out_dir: str | os.PathLike) -> dict:
    """Writers (for :func:`actors.output.write_all`) of shifts.csv and the other analysis tables."""
    out = Path(out_dir)
    tables = {"shifts": analyses.shifts, "coalition": analyses.coalition, "genealogy": analyses.genealogy,
              "balance": analyses.balance, "frustrated_edges": analyses.frustrated,
              "centrality": analyses.centrality, "blocs": analyses.blocs}
    # text cells a spreadsheet would read as a formula are escaped (reversibly: actors.csv_cells)
    return {out / f"{name}.csv": (lambda p, df=df: write_csv(df, p)) for name, df in tables.items()}

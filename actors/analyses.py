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

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

import networkx as nx

from .balance import balance_tables
from .centrality import blocs, centrality
from .coalition import coalition
from .genealogy import genealogy
from .graph import edge_frame, paused_gc
from .pairs import FACT_STATUSES, alliance_shifts, shift_exclusions
from .windows import Period, phases, yearly

__all__ = ["Analyses", "analyse", "analysis_writers"]


@dataclass(frozen=True)
class Analyses:
    """Every analysis of one graph, as polars DataFrames."""

    graph: nx.MultiDiGraph = field(repr=False)
    phases: tuple[Period, ...]
    years: tuple[Period, ...]
    statuses: tuple[str, ...]
    coalition_actor: str
    shifts: object
    exclusions: object
    coalition: object
    genealogy: object
    balance: object  # per phase then per year; column ``periodisation``
    frustrated: object
    centrality: object
    blocs: object


def _by_periodisation(G, named, years, **kw):
    """Balance and frustrated edges per named period, then per year (column ``periodisation``)."""
    import polars as pl

    tables = []
    for name, periods in (("phase", named), ("year", years)):
        tables.append([t.with_columns(pl.lit(name).alias("periodisation"))
                       for t in balance_tables(G, periods=list(periods), **kw)])
    out = []
    for parts in zip(*tables):
        df = pl.concat(parts, how="vertical_relaxed")
        out.append(df.select("periodisation", *[c for c in df.columns if c != "periodisation"]))
    return out


def analyse(G: nx.MultiDiGraph, *, periods: Sequence[Period] | None = None, coalition_actor: str = "jnim",
            statuses: Iterable[str] = FACT_STATUSES, top: int = 10) -> Analyses:
    """Run the analyses over ``G``: shifts, coalition, genealogy, balance, centrality and blocs.

    ``periods`` are the named periods (default: the phases of Mali's wars);
    balance and frustrated edges are also given per calendar year. ``top``
    keeps the most central actors per period.
    """
    statuses = tuple(statuses)
    named = tuple(periods) if periods is not None else tuple(phases())
    with paused_gc():
        f = edge_frame(G)
        dated = f.filter(f["start"].is_not_null())  # the span from the frame: no second pass over G
        years = tuple(yearly(first=dated["start"].min().year, last=(dated["end"].max() - dt.timedelta(days=1)).year)
                      if dated.height else ())
        kw = {"statuses": statuses, "edges": f}
        balance, frustrated = _by_periodisation(G, named, years, **kw)
        return Analyses(
            graph=G, phases=named, years=years, statuses=statuses, coalition_actor=coalition_actor,
            shifts=alliance_shifts(G, **kw),
            exclusions=shift_exclusions(G, **kw),
            coalition=coalition(G, coalition_actor, periods=list(named), **kw),
            genealogy=genealogy(G, **kw),
            balance=balance, frustrated=frustrated,
            centrality=centrality(G, periods=list(named), top=top, **kw),
            blocs=blocs(G, periods=list(named), **kw),
        )


def _csv(df):
    """CSV writer for a frame; list columns are joined with "; " (CSV holds no lists)."""
    import polars as pl

    flat = df.with_columns([pl.col(c).list.join("; ") for c, t in df.schema.items() if t == pl.List(pl.Utf8)])
    return lambda p: flat.write_csv(p)


def analysis_writers(analyses: Analyses, out_dir: str | os.PathLike) -> dict:
    """Writers (for :func:`actors.tables.write_all`) of shifts.csv and the other analysis tables."""
    out = Path(out_dir)
    return {
        out / "shifts.csv": _csv(analyses.shifts),
        out / "coalition.csv": _csv(analyses.coalition),
        out / "genealogy.csv": _csv(analyses.genealogy),
        out / "balance.csv": _csv(analyses.balance),
        out / "frustrated_edges.csv": _csv(analyses.frustrated),
        out / "centrality.csv": _csv(analyses.centrality),
        out / "blocs.csv": _csv(analyses.blocs),
    }

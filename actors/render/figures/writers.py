"""Every figure of a run, as plain-data specs and as staged writers for :func:`actors.output.write_all`.

:func:`_specs` reads the tables and returns, for each figure, its file stem
and what to draw as plain data; :func:`_draw` draws one spec with the
figure's own drawer (here or in :mod:`actors.render.figure_pool`'s worker
processes: drawing needs matplotlib and networkx, not polars);
:func:`figure_writers` stages the PNG and SVG files of them all.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Iterable

from actors.errors import ActorsError
from actors.analysis.pairs import FOCUS_PAIR
from actors.render.figures.balance import _balance_spec, _draw_balance
from actors.render.figures.coalition import _coalition_spec, _draw_coalition
from actors.render.figures.draw import FORMATS, save_figure
from actors.render.figures.genealogy import _draw_genealogy, _genealogy_spec
from actors.render.figures.pair import _draw_pair, _pair_spec
from actors.render.figures.snapshot import _draw_snapshots, _snapshots_spec

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    from matplotlib.figure import Figure

    from actors.analysis.analyses import Analyses

__all__ = ["figure_writers"]


def figure_writers(analyses: "Analyses", out_dir: str | os.PathLike[str], *,
                   pairs: Iterable[tuple[str, str]] = (FOCUS_PAIR,),
                   pos: dict | None = None) -> dict[Path, Callable[[Path], None]]:
    """Writers of every figure as ``out_dir/figures/<name>.png`` and ``.svg``, for :func:`actors.output.write_all`.

    Names: snapshots, pair_<a>_<b> (one per pair, actor ids), coalition_<actor>,
    genealogy, balance. Each figure is drawn once, when its first file is
    written. An actor id of ``pairs`` that is not in the graph raises
    :class:`actors.errors.ActorsError`; a pair with no events gets a figure
    that says so. ``pos`` (default :func:`actors.render.layout.positions`) places the
    snapshots' actors; pass the explorer's to share one layout.

    >>> import networkx as nx
    >>> from actors.analysis.analyses import analyse
    >>> sorted(p.name for p in figure_writers(analyse(nx.MultiDiGraph()), "out", pairs=()))[:4]
    ['balance.png', 'balance.svg', 'coalition_jnim.png', 'coalition_jnim.svg']
    """
    return _spec_writers(_specs(analyses, pairs=pairs, pos=pos), out_dir)


def _spec_writers(specs: dict[str, tuple[str, dict[str, Any]]],
                  out_dir: str | os.PathLike[str]) -> dict[Path, Callable[[Path], None]]:
    """Writers of the PNG and SVG files of ``specs`` (from :func:`_specs`), each figure drawn once."""
    made: dict[str, Any] = {}

    def writer(name: str, fmt: str) -> Callable[[Path], None]:
        def write(path: Path) -> None:
            if name not in made:
                made[name] = _draw(specs[name])
            save_figure(made[name], path, format=fmt)
        return write

    out = Path(out_dir) / "figures"
    return {out / f"{name}.{fmt}": writer(name, fmt) for name in specs for fmt in FORMATS}


def _specs(analyses: "Analyses", *, pairs: Iterable[tuple[str, str]],
           pos: dict | None) -> dict[str, tuple[str, dict[str, Any]]]:
    """Each figure's file stem and what to draw, as plain data: the tables are read here, so drawing
    (here or in :mod:`actors.render.figure_pool`'s workers) needs matplotlib and networkx, not polars."""
    G = analyses.graph
    pairs = [tuple(p) for p in pairs]
    for a, b in pairs:
        unknown = [x for x in (a, b) if x not in G]
        if unknown:
            raise ActorsError(f"pair figure: no actor with id {', '.join(map(repr, unknown))} in the graph")
    specs = {"snapshots": ("snapshots", _snapshots_spec(G, periods=list(analyses.phases),
                                                         statuses=analyses.statuses, pos=pos))}
    for a, b in pairs:
        specs[f"pair_{a}_{b}"] = ("pair", _pair_spec(G, a, b))
    specs[f"coalition_{analyses.coalition_actor}"] = ("coalition", _coalition_spec(analyses))
    specs["genealogy"] = ("genealogy", _genealogy_spec(G, statuses=analyses.statuses))
    specs["balance"] = ("balance", _balance_spec(analyses.balance, periodisation="year"))
    return specs


_DRAWERS = MappingProxyType({"snapshots": _draw_snapshots, "pair": _draw_pair, "coalition": _draw_coalition,
                             "genealogy": _draw_genealogy, "balance": _draw_balance})


def _draw(spec: tuple[str, dict[str, Any]]) -> "Figure":
    """The figure a spec of :func:`_specs` describes (plain data: it can be drawn in another process)."""
    kind, data = spec
    return _DRAWERS[kind](**data)

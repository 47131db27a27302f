"""The coalition figure: one actor's coalition (JNIM by default) per period.

A grid of periods by counterparts, one coloured mark per role held in a
period, with its number of events.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Sequence

import networkx as nx

from actors.render.figures.draw import (DPI, MAX_HEIGHT_PX, MAX_WIDTH_PX, _NOTE_COLOUR, _SMALL, _blank, _new_figure,
                                        _note, _plain, _rc, _short, _wrap)

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from actors.analysis.analyses import Analyses
    from actors.network.windows import Period

__all__ = ["coalition_figure"]


# Roles of coalition members and counterparts; allies and enemies in the relation colours.
_ROLE_COLOURS = MappingProxyType({"member": "#009E73", "parent": "#0072B2", "origin": "#E69F00",
                                  "splinter": "#F0E442", "linked": "#9ecae1", "ally": "#1f77b4", "enemy": "#d62728"})
_ROLE_LABELS = MappingProxyType({"member": "member of it", "parent": "it is a member of", "origin": "it split from",
                                 "splinter": "split from it", "linked": "linked (\"X-linked\"): no alliance",
                                 "ally": "ally", "enemy": "enemy"})


#: Periods and actors (columns and rows) that fit the pixel budget: 2.3 in + 1.2 in a period, 2.75 in + 0.34 in an actor.
_MAX_COLS = int((MAX_WIDTH_PX / DPI - 2.3) / 1.2)
_MAX_ROWS = int((MAX_HEIGHT_PX / DPI - 2.75) / 0.34)


def _luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b


def coalition_figure(source: "Analyses | Any", *, actor: str | None = None,
                     periods: Sequence["Period"] | None = None, graph: nx.MultiDiGraph | None = None,
                     ax: "Axes | None" = None) -> "Figure":
    """One actor's coalition per period: which actor held which role, with event counts.

    ``source`` is an :class:`actors.analysis.analyses.Analyses` (its coalition table,
    actor, phases and graph are used) or a table from
    :func:`actors.analysis.coalition.coalition`, then with ``actor`` and optionally
    ``periods`` (default: the periods the table names) and ``graph`` (for
    display names). x is the period, y the counterpart; a cell holds one
    coloured mark per role (member, parent, origin, splinter, linked, ally, enemy)
    with its number of events; a star marks founders, hatching a relation
    that runs only through a member. A coalition with no rows gives a
    figure that says so.

    >>> import polars as pl
    >>> fig = coalition_figure(pl.DataFrame(), actor="jnim")
    >>> fig.axes[0].texts[0].get_text()
    'No recorded member, ally or enemy of jnim in any period.'
    """
    return _draw_coalition(**_coalition_spec(source, actor=actor, periods=periods, graph=graph), ax=ax)


def _coalition_spec(source: "Analyses | Any", *, actor: str | None = None,
                    periods: Sequence["Period"] | None = None,
                    graph: nx.MultiDiGraph | None = None) -> dict[str, Any]:
    """What :func:`_draw_coalition` draws: the periods and the cells (period, actor, role) as plain rows."""
    import polars as pl

    if hasattr(source, "coalition") and hasattr(source, "coalition_actor"):
        table = source.coalition
        actor = source.coalition_actor if actor is None else actor
        periods = list(source.phases) if periods is None else periods
        graph = source.graph if graph is None else graph
    else:
        table = source
        if actor is None:
            raise ValueError("coalition_figure: give actor= with a coalition table")
    G = graph if graph is not None else nx.MultiDiGraph()
    if table is None or table.height == 0:
        table = None
    if periods is None:
        cols = (table.select("period", "period_label").unique(maintain_order=True).rows()
                if table is not None else [])
    else:
        cols = [(p.id, p.label) for p in periods]
    cells = None
    if table is not None:
        cells = (table.group_by(["period", "actor", "role"])
                 .agg(pl.col("events").sum(), pl.col("founder").any(), (pl.col("via") == actor).any().alias("direct"),
                      pl.col("imprecise").any())
                 .sort(["period", "actor", "role"])  # group_by's order varies: fix it for stable bytes
                 .rows(named=True))
    return {"G": G, "actor": actor, "cols": cols, "cells": cells}


def _draw_coalition(G: nx.MultiDiGraph, *, actor: str, cols: list[tuple[str, str]], cells: list[dict] | None,
                    ax: "Axes | None" = None) -> "Figure":
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Rectangle

    from actors.analysis.coalition import ROLES

    name = _plain(_short(G, actor))
    with _rc():
        if cells is None:
            if ax is None:
                fig = _new_figure(8, 3)
                ax = fig.add_axes((0.05, 0.05, 0.9, 0.75))
            _blank(ax)
            ax.set_title(f"{name} coalition over time", fontsize=11, fontweight="bold")
            _note(ax, f"No recorded member, ally or enemy of {name} in any period.")
            return ax.figure
        cols_left = max(0, len(cols) - _MAX_COLS)  # the latest periods fit; the earlier ones are counted
        cols = cols[cols_left:]
        index = {pid: i for i, (pid, _) in enumerate(cols)}
        cells = [c for c in cells if c["period"] in index]
        role_rank = {r: i for i, r in enumerate(ROLES)}
        main_role: dict[str, int] = {}
        first_col: dict[str, int] = {}
        total: dict[str, int] = {}
        for c in cells:
            v = c["actor"]
            main_role[v] = min(main_role.get(v, 99), role_rank[c["role"]])
            first_col[v] = min(first_col.get(v, 10 ** 6), index[c["period"]])
            total[v] = total.get(v, 0) + c["events"]
        # Within the pixel budget: the periods and actors that fit, the latest periods and the
        # actors with the most events; the others are counted in a note.
        had = {c["period"] for c in cells}  # periods with a cell, before actors are left out
        busiest = sorted(total, key=lambda v: (-total[v], _short(G, v)))
        people_left = busiest[_MAX_ROWS:]
        if people_left:
            cells = [c for c in cells if c["actor"] in set(busiest[:_MAX_ROWS])]
            for v in people_left:
                del main_role[v], first_col[v], total[v]
        # Grouped by role (members first, enemies last), then by when each first appears.
        people = sorted(main_role, key=lambda v: (main_role[v], first_col[v], -total[v], _short(G, v)))
        row = {v: i for i, v in enumerate(people)}
        made = ax is None  # our own figure: the legend can go at its foot
        if made:
            width = 2.3 + 1.2 * max(len(cols), 1)
            height = 2.75 + 0.34 * max(len(people), 1)
            fig = _new_figure(width, height)
            ax = fig.add_axes((1.9 / width, 1.85 / height, 1 - 2.15 / width, 1 - 2.4 / height))
        fig = ax.figure
        ax.set_title(f"{name} coalition over time: who stood where, per period", fontsize=11, fontweight="bold",
                     pad=20 if (people_left or cols_left) else 6)
        if people_left or cols_left:
            parts = []
            if people_left:
                parts.append(f"+{len(people_left)} more actor{'s' if len(people_left) != 1 else ''} with fewer events")
            if cols_left:
                parts.append(f"+{cols_left} earlier period{'s' if cols_left != 1 else ''}")
            ax.annotate(" · ".join(parts) + f": not shown (no room within {MAX_WIDTH_PX} × {MAX_HEIGHT_PX} pixels)",
                        xy=(0, 1), xycoords="axes fraction", xytext=(0, 5), textcoords="offset points",
                        fontsize=_SMALL, color=_NOTE_COLOUR, va="bottom", gid="note:more-rows")
        per_cell: dict[tuple[str, str], list[dict]] = {}
        for c in sorted(cells, key=lambda c: role_rank[c["role"]]):
            per_cell.setdefault((c["period"], c["actor"]), []).append(c)
        roles_seen, founders, indirect, imprecise = set(), False, False, False
        for (pid, v), marks in per_cell.items():
            x, yv = index[pid], row[v]
            w = 0.84 / len(marks)
            for k, c in enumerate(marks):
                colour = _ROLE_COLOURS[c["role"]]
                roles_seen.add(c["role"])
                left = x - 0.42 + k * w
                ax.add_patch(Rectangle((left + 0.02, yv - 0.36), w - 0.04, 0.72, facecolor=colour,
                                       alpha=1.0 if c["direct"] else 0.55, hatch=None if c["direct"] else "...",
                                       edgecolor="#333333" if c["imprecise"] else "none",
                                       linestyle="--", linewidth=0.8, gid=f"cell:{pid}:{v}:{c['role']}"))
                ink = "black" if _luminance(colour) > 0.5 or not c["direct"] else "white"
                ax.text(left + w / 2, yv, str(c["events"]), ha="center", va="center", fontsize=_SMALL, color=ink)
                indirect |= not c["direct"]
                imprecise |= c["imprecise"]
                if c["founder"]:
                    founders = True
                    ax.plot([left + 0.09], [yv - 0.2], marker="*", color="black", markersize=8, zorder=3,
                            gid=f"founder:{v}")
        for x in range(len(cols)):
            if x % 2 == 1:
                ax.axvspan(x - 0.5, x + 0.5, color="#f5f5f5", zorder=0)
        ax.set_xlim(-0.5, len(cols) - 0.5)
        ax.set_ylim(len(people) - 0.5, -0.5)
        empty = {pid for pid, _ in cols} - had
        ax.set_xticks(range(len(cols)), [_plain(_wrap(lab, 15)) + ("\n(none)" if pid in empty else "")
                                         for pid, lab in cols])
        ax.set_yticks(range(len(people)), [_plain(_short(G, v)) for v in people])
        ax.tick_params(length=0)
        for side in ax.spines.values():
            side.set_visible(False)
        handles = [Patch(facecolor=_ROLE_COLOURS[r], label=_ROLE_LABELS[r]) for r in ROLES if r in roles_seen]
        if founders:
            handles.append(Line2D([], [], marker="*", color="black", linestyle="", markersize=8, label="founder"))
        if indirect:
            handles.append(Patch(facecolor="#aaaaaa", alpha=0.55, hatch="...", label="only through a member"))
        if imprecise:
            handles.append(Patch(facecolor="white", edgecolor="#333333", linestyle="--",
                                 label="date spills over the period"))
        legend = {"handles": handles, "ncol": 4, "frameon": False, "alignment": "left",
                  "title": "numbers: events; denied, undated and generic ones not counted"}
        if made:  # at the foot of the figure, below the period names (up to four lines)
            fig.legend(loc="lower left", bbox_to_anchor=(1.9 / fig.get_figwidth(), 0.08 / fig.get_figheight()),
                       **legend)
        else:
            ax.legend(loc="upper right", **legend)
    return fig

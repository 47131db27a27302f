"""The genealogy figure: who split from or joined whom, as a tidy forest."""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable

import networkx as nx

from actors.analysis.pairs import FACT_STATUSES
from actors.render.figures.draw import (DPI, MAX_HEIGHT_PX, MAX_WIDTH_PX, _NOTE_COLOUR, _SMALL, _blank, _new_figure,
                                        _note, _plain, _rc, _short, _styles)

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["genealogy_figure"]


_JOINED = MappingProxyType({"split-from": "split", "member-of": "joined"})
#: Rows of a column of trees: the figure's height (2.1 in + 0.58 in a row) stays within MAX_HEIGHT_PX.
_PER_COLUMN = int((MAX_HEIGHT_PX / DPI - 2.1) / 0.58) - 1


def genealogy_figure(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES,
                     include_generic: bool = False, ax: "Axes | None" = None) -> "Figure":
    """Who split from or joined whom, as a forest: roots on the left, depth to the right.

    Built from :func:`actors.analysis.genealogy.genealogy_forest`: each actor sits
    under its primary parent, with the date of the first evidence of the
    link ("split 2012-10", "joined 2013-02-02", or "date unknown"). Arrows
    point from the splinter or member to its parent, styled as in
    :func:`snapshots`. Further parents are named under the actor. Trees are
    stacked top to bottom, in columns when there are many.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("b", "a", key="e1", relation="split-from", status="reported", date="2001",
    ...                start="2001-01-01", end="2002-01-01")
    >>> fig = genealogy_figure(G)
    >>> sorted(t.get_text() for t in fig.axes[0].texts)
    ['a', 'b\\nsplit 2001']
    """
    return _draw_genealogy(**_genealogy_spec(G, statuses=statuses, include_generic=include_generic), ax=ax)


def _genealogy_spec(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES,
                    include_generic: bool = False) -> dict[str, Any]:
    """What :func:`_draw_genealogy` draws: the split/member forest (a networkx graph, no tables)."""
    from actors.analysis.genealogy import genealogy_forest

    return {"G": G, "T": genealogy_forest(G, statuses=statuses, include_generic=include_generic)}


def _pack(trees: list[tuple[int, dict]], per_column: float) -> list[list[tuple[float, dict]]]:
    """Trees (rows, places) stacked into columns of ``per_column`` rows: [(row offset, places)] per column."""
    columns: list[list[tuple[float, dict]]] = [[]]
    used = 0.0
    for n_rows, place in trees:
        if used and used + n_rows > per_column:
            columns.append([])
            used = 0.0
        columns[-1].append((used, place))
        used += n_rows + 0.6
    return columns


def _draw_genealogy(G: nx.MultiDiGraph, *, T: nx.DiGraph, ax: "Axes | None" = None) -> "Figure":
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch
    from matplotlib.path import Path as MPath

    rel_style, kind_colour = _styles()
    primary = nx.DiGraph()
    primary.add_nodes_from(T)
    primary.add_edges_from((u, v, d) for u, v, d in T.edges(data=True) if d["primary"])
    roots = sorted((n for n in primary if primary.in_degree(n) == 0), key=lambda n: _short(G, n).lower())

    def children(n):
        return sorted(primary.successors(n), key=lambda c: _short(G, c).lower())

    def text_of(n):
        lines = [_short(G, n)]
        ins = list(primary.in_edges(n, data=True))
        if ins:
            d = ins[0][2]
            lines.append(f"{_JOINED[d['relation']]} {d['first_date'] or '(date unknown)'}")
        for u, _, d in sorted(T.in_edges(n, data=True)):
            if not d["primary"]:
                when = d["first_date"] or "date unknown"
                verb = "also split from" if d["relation"] == "split-from" else "also member of"
                lines.append(f"{verb} {_short(G, u, 18)} ({when})")
        return _plain("\n".join(lines))

    def rows_of(n) -> int:  # rows a leaf's label needs above its dot (a row: 0.58 in, a line: 9 pt × 1.15)
        return max(1, math.ceil(((text_of(n).count("\n") + 1) * 10.35 + 3) / 41.8))

    # Tidy layout: leaves on consecutive rows (more when a label is tall), a parent level with the
    # middle of its children.
    trees = []
    for root in roots:
        place: dict[str, tuple[int, float]] = {}
        rows = [0]

        def visit(n, depth):
            kids = children(n)
            for k in kids:
                visit(k, depth + 1)
            if kids:
                place[n] = (depth, (place[kids[0]][1] + place[kids[-1]][1]) / 2)
            else:
                extra = rows_of(n) - 1
                place[n] = (depth, float(rows[0] + extra))
                rows[0] += 1 + extra
        visit(root, 0)
        trees.append((rows[0], place))
    step = 2.0  # inches per depth step: room for a label
    per_column = float(_PER_COLUMN)  # rows before trees wrap into a new column, side by side
    depth = max((d for _, place in trees for d, _ in place.values()), default=0)
    col_width = depth + 1.0  # in depth units; each depth step is one label wide
    # Within the pixel budget: as many columns as fit; a tree higher than a column, and the
    # smallest trees when the columns are full, are left out and counted.
    max_columns = max(1, int((MAX_WIDTH_PX / DPI - 0.6) // ((col_width + 0.3) * step)))
    too_high = [t for t in trees if t[0] > per_column]
    trees = [t for t in trees if t[0] <= per_column]
    columns = _pack(trees, per_column)
    if len(columns) > max_columns:  # the largest families first, then by name as before
        order = sorted(range(len(trees)), key=lambda i: (-len(trees[i][1]), i))
        kept: list = []
        for i in order:
            if len(_pack([trees[j] for j in sorted(kept + [i])], per_column)) <= max_columns:
                kept.append(i)
        left = [trees[i] for i in range(len(trees)) if i not in set(kept)]
        trees = [trees[i] for i in sorted(kept)]
        columns = _pack(trees, per_column)
    else:
        left = []
    left += too_high
    left_out = (len(left), sum(len(place) for _, place in left))
    xy: dict[str, tuple[float, float]] = {}
    for c, column in enumerate(columns):
        for offset, place in column:
            for n, (d, r) in place.items():
                xy[n] = (c * (col_width + 0.3) + d, offset + r)
    height_rows = max((max((y for _, y in xy.values()), default=0) + 1), 1)

    with _rc():
        if ax is None:
            ncol = len(columns)
            width = max(6.5, 0.6 + ncol * (col_width + 0.3) * step)
            height = 2.1 + 0.58 * min(height_rows, per_column + 1)
            fig = _new_figure(width, height)
            ax = fig.add_axes((0.3 / width, 1.05 / height, 1 - 0.5 / width, 1 - 1.7 / height))
        fig = ax.figure
        _blank(ax)
        ax.set_title("Genealogy: who split from or joined whom (date of first evidence)", fontsize=11,
                     fontweight="bold")
        if not xy:
            _note(ax, "No split-from or member-of relation between named actors.")
            return fig
        ax.set_xlim(-0.1, max(x for x, _ in xy.values()) + 1.0)
        ax.set_ylim(height_rows - 0.4, -0.95)  # room above the first row for its label
        kinds_seen, rels_seen = set(), set()
        for u, v, d in sorted(primary.edges(data=True)):
            if u not in xy or v not in xy:  # a tree left out
                continue
            (xu, yu), (xv, yv) = xy[u], xy[v]
            style = rel_style[d["relation"]]
            rels_seen.add(d["relation"])
            mid = xu + 0.45
            # an elbow from the child back to its parent, ending just short of the parent's dot
            verts = [(xv, yv), (mid, yv), (mid, yu), (xu + 0.035, yu)]
            path = MPath(verts, [MPath.MOVETO, MPath.LINETO, MPath.LINETO, MPath.LINETO])
            ax.add_patch(FancyArrowPatch(path=path, arrowstyle="-|>", mutation_scale=10, color=style["color"],
                                         linestyle=style["linestyle"], linewidth=1.6, zorder=2,
                                         gid=f"link:{d['relation']}:{v}:{u}"))
        for n, (x, y) in sorted(xy.items()):
            kind = G.nodes[n].get("kind", "") if n in G else ""
            kinds_seen.add(kind)
            ax.plot([x], [y], marker="o", markersize=9, markerfacecolor=kind_colour.get(kind, "#999999"),
                    markeredgecolor="#333333", linestyle="", zorder=3, gid=f"actor:{n}")
            ax.annotate(text_of(n), xy=(x, y), xytext=(7, 3), textcoords="offset points", ha="left", va="bottom",
                        fontsize=_SMALL + 1, linespacing=1.15, zorder=4, gid=f"label:{n}",
                        bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.8})
        handles = [Line2D([], [], color=rel_style[r]["color"], linestyle=rel_style[r]["linestyle"], linewidth=2,
                          marker="<", markevery=[0], label=rel_style[r]["label"])
                   for r in ("split-from", "member-of") if r in rels_seen]
        kinds = [k for k in kind_colour if k in kinds_seen] + sorted(k for k in kinds_seen if k not in kind_colour)
        handles += [Line2D([], [], linestyle="", marker="o", markersize=7, markerfacecolor=kind_colour.get(k, "#999"),
                           markeredgecolor="#333333", label=k or "unknown kind") for k in kinds]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.01), ncol=4, frameon=False)
        if left_out[0]:
            fig.text(0.3 / fig.get_figwidth(), 0.08 / fig.get_figheight(),
                     f"+{left_out[0]} more tree{'s' if left_out[0] != 1 else ''} ({left_out[1]} actors) not drawn: "
                     f"no room within {MAX_WIDTH_PX} × {MAX_HEIGHT_PX} pixels (the smallest trees, and any higher "
                     f"than {_PER_COLUMN} rows).", fontsize=_SMALL, color=_NOTE_COLOUR, va="bottom",
                     gid="note:more-trees")
    return fig

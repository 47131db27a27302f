"""The snapshots figure: the network per period, as small multiples.

Every actor keeps one place in all panels (:func:`actors.render.layout.positions`);
relations and actor kinds keep the colours of :mod:`actors.render.style`.
Each panel draws up to ``max_labels`` actors, those of its busiest links first,
each labelled away from nodes, lines and other labels
(:func:`actors.render.figures.labels.place_labels`); the others are small grey
dots, counted in a "+k more actors" note. The figure stays within the pixel
budget (:data:`actors.render.figures.draw.MAX_WIDTH_PX`): many periods get
smaller panels, then the ones that do not fit are left out and counted.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Any, Iterable, Sequence

import networkx as nx

from actors.errors import ActorsError
from actors.network.graph import edge_frame
from actors.analysis.pairs import FACT_STATUSES
from actors.render.figures.draw import (DPI, MAX_HEIGHT_PX, MAX_WIDTH_PX, _NOTE_COLOUR, _SMALL, _blank, _new_figure,
                                        _note, _plain, _rc, _short, _styles, _wrap)
from actors.render.figures.labels import curve_segments, place_labels
from actors.schema import NOT_FACT_STATUSES, RELATIONS

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from actors.network.windows import Period

__all__ = ["snapshots"]


_FADED = frozenset({"claimed", "alleged"})  # drawn lighter than what the text reports as fact


# Curvature of the k-th relation drawn between one pair: the first straight,
# the others bent to alternate sides so none hides another.
_BENDS = (0.0, 0.22, -0.22, 0.42, -0.42, 0.6, -0.6)


def _bezier(p0, p1, rad: float, n: int = 16) -> list[tuple[float, float]]:
    """Points along matplotlib's ``arc3`` curve (control point off the chord by ``rad``)."""
    (x0, y0), (x1, y1) = p0, p1
    if rad == 0:
        return [(x0, y0), (x1, y1)]
    cx, cy = (x0 + x1) / 2 + rad * (y1 - y0), (y0 + y1) / 2 - rad * (x1 - x0)
    pts = []
    for i in range(n + 1):
        t = i / n
        pts.append(((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1,
                    (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1))
    return pts


def _width(events: int) -> float:
    """Line width for a pair's events in a panel: grows with the count, slowly, and is capped."""
    return min(1.0 + 1.1 * math.log2(events), 6.0)


def _renderer(fig: "Figure"):
    canvas = fig.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    return fig._get_renderer()  # a figure made elsewhere, on a canvas without one


_PANEL, _MIN_PANEL = 4.6, 3.0  # inches: a panel's side, and the least it shrinks to before periods are left out
_HEAD, _FOOT, _TOP = 0.62, 1.45, 0.55  # inches: a panel's title, the legend block, the suptitle


def _grid(periods: list, ncols: int, busy: frozenset = frozenset()) -> tuple[int, float, list, list]:
    """Columns, panel side (inches), the periods drawn and those left out: within the pixel budget.

    More periods than fit at full size get more columns (up to six) and smaller
    panels, down to :data:`_MIN_PANEL`; past that, periods are left out: those
    without events (not in ``busy``, ids) first, then the last ones.

    >>> from actors.network.windows import make_periods
    >>> many = make_periods([(str(y), f"{y}-01-01", f"{y + 1}-01-01") for y in range(1990, 2030)])
    >>> cols, side, drawn, left = _grid(many, 3)
    >>> cols, round(side, 2), len(drawn), len(left)
    (6, 3.06, 24, 16)
    """
    room_w, room_h = MAX_WIDTH_PX / DPI - 0.4, MAX_HEIGHT_PX / DPI - _TOP - _FOOT
    n = max(len(periods), 1)

    def side(cols: int, rows: int) -> float:
        return min(_PANEL, (room_w - (cols - 1) * 0.25) / cols, room_h / rows - _HEAD)

    for cols in range(min(ncols, n), max(min(ncols, n), 6) + 1):
        panel = side(cols, math.ceil(n / cols))
        if panel >= _MIN_PANEL:
            return cols, panel, list(periods), []
    cols = 6
    rows = int(room_h // (_MIN_PANEL + _HEAD))
    chosen = sorted(range(len(periods)), key=lambda i: (periods[i].id not in busy, i))[:cols * rows]
    keep = set(chosen)
    return (cols, side(cols, rows), [p for i, p in enumerate(periods) if i in keep],
            [p for i, p in enumerate(periods) if i not in keep])


def _busiest(rows: list[dict], ranked: list[str], cap: int) -> set[str]:
    """The actors a panel draws: those of its busiest links first (so links are seen), up to ``cap``,
    then the busiest of the others (``ranked``, by events)."""
    weight: dict[tuple[str, str], int] = {}
    for r in rows:
        pair = tuple(sorted((r["a"], r["b"])))
        weight[pair] = weight.get(pair, 0) + r["events"]
    drawn: set[str] = set()
    for (a, b), _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0])):
        if len(drawn | {a, b}) <= cap:
            drawn |= {a, b}
    for v in ranked:
        if len(drawn) >= cap:
            break
        drawn.add(v)
    return drawn


def _join(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def _draw_edges(ax: "Axes", rows: list[dict], maybe: list[dict], pos: dict, rel_style) -> list[list]:
    """Draw a panel's edges (``maybe``: dated less precisely than the period); returns each drawn curve's points."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import FancyArrowPatch

    curves = []
    # Relations of one unordered pair, in a fixed order: each gets its own bend.
    slots: dict[tuple[str, str], list[dict]] = {}
    for r in sorted(rows, key=lambda r: (RELATIONS.index(r["relation"]), r["a"], r["b"])):
        slots.setdefault(tuple(sorted((r["a"], r["b"]))), []).append(r)
    lines: dict[tuple[str, bool], tuple[list, list]] = {}
    for (lo, hi), group in sorted(slots.items()):
        for k, r in enumerate(group):
            rad = _BENDS[k % len(_BENDS)] if len(group) > 1 else 0.0
            if r["a"] != lo:  # drawn from hi to lo: bend to the same side as seen from lo
                rad = -rad
            style = rel_style[r["relation"]]
            alpha = 0.35 if r["faded"] else 0.85
            p0, p1 = pos[r["a"]], pos[r["b"]]
            curves.append(_bezier(p0, p1, rad))
            if style["arrow"]:
                ax.add_patch(FancyArrowPatch(p0, p1, arrowstyle="-|>", mutation_scale=9,
                                             connectionstyle=f"arc3,rad={rad}", color=style["color"],
                                             linestyle=style["linestyle"], linewidth=_width(r["events"]),
                                             alpha=alpha, shrinkA=4, shrinkB=5, zorder=2,
                                             gid=f"edge:{r['relation']}:{r['a']}:{r['b']}"))
            else:
                segs, widths = lines.setdefault((r["relation"], r["faded"]), ([], []))
                segs.append(curves[-1])
                widths.append(_width(r["events"]))
    for (relation, faded), (segs, widths) in sorted(lines.items()):
        style = rel_style[relation]
        ax.add_collection(LineCollection(segs, linewidths=widths, colors=style["color"],
                                         linestyles=style["linestyle"], alpha=0.35 if faded else 0.85,
                                         zorder=2, gid=f"edges:{relation}", capstyle="round"))
    if maybe:  # dated less precisely than the period: faint, dotted, straight, never counted as in it
        straight = [_bezier(pos[r["a"]], pos[r["b"]], 0.0) for r in maybe]
        curves += straight
        ax.add_collection(LineCollection(straight, linewidths=0.9,
                                         colors=[rel_style[r["relation"]]["color"] for r in maybe],
                                         linestyles=(0, (1, 2.5)), alpha=0.45, zorder=1.5,
                                         gid="edges:imprecise", capstyle="round"))
    return curves


def _segments(ax: "Axes", curves: list[list]):
    """The drawn curves as straight segments in display pixels, for the label placer."""
    import numpy as np

    parts = [curve_segments(ax.transData.transform(np.asarray(c, dtype=float))) for c in curves]
    return np.vstack(parts) if parts else np.zeros((0, 4))


def _snapshot_edges(G: nx.MultiDiGraph, periods: Sequence["Period"], statuses, include_generic: bool):
    """Rows per period (pair, relation, imprecise or not, its events, whether all are faded) as plain
    dicts; undated count."""
    import polars as pl

    from actors.network.windows import assign_periods

    f = edge_frame(G, statuses=[s for s in statuses if s not in NOT_FACT_STATUSES])  # never drawn as fact
    f = f.filter(pl.col("source") != pl.col("target"))
    if not include_generic:
        f = f.filter(~pl.col("generic"))
    undated = f.filter(pl.col("start").is_null()).height
    placed = assign_periods(f, periods)
    # an event dated within the period, or one whose date only overlaps it (imprecise): drawn apart
    grouped = (placed.group_by(["period", "a", "b", "relation", "imprecise"])
               .agg(pl.len().alias("events"), pl.col("status").is_in(sorted(_FADED)).all().alias("faded"))
               .sort(["period", "a", "b", "relation", "imprecise"]))
    by_period: dict[str, list[dict]] = {}
    for r in grouped.iter_rows(named=True):
        by_period.setdefault(r["period"], []).append(r)
    return by_period, undated


def snapshots(G: nx.MultiDiGraph, *, periods: Sequence["Period"] | None = None,
              statuses: Iterable[str] = FACT_STATUSES, include_generic: bool = False,
              pos: dict[str, tuple[float, float]] | None = None, ncols: int = 3, max_labels: int = 30) -> "Figure":
    """The network in each period, as small multiples with fixed actor positions.

    One panel per period (default: the named phases, :func:`actors.network.windows.phases`)
    holds the edges dated within it; those whose date only overlaps it are drawn faint
    and dotted (gid ``edges:imprecise``), their actors as hollow dots labelled in grey,
    and counted apart in the panel's title. Parallel events of one pair and
    relation are one line, wider with more events; different relations of a
    pair bend apart. Edges whose events are all claimed or alleged are drawn
    lighter; denied ones never. Actors without an edge in the panel are faint
    grey dots. Only ``max_labels`` actors of a panel are drawn (those of its
    busiest links first, then the busiest others), labelled, with the links
    among them; the others are small grey dots,
    and the panel says "+k more actors". Labels never overlap each other or
    a node, and cross as little line as they can
    (:func:`actors.render.figures.labels.place_labels`); one with no room is
    left out, and the panel says how many. Generic mentions are left out unless
    ``include_generic``. ``pos`` defaults to :func:`actors.render.layout.positions` of ``G``.

    Each drawn edge is a line of a collection with gid ``edges:<relation>``
    (symmetric relations) or a patch with gid ``edge:<relation>:<a>:<b>``.

    >>> import networkx as nx
    >>> from actors.network.windows import make_periods
    >>> G = nx.MultiDiGraph()
    >>> _ = G.add_edge("x", "y", key="e1", relation="allied-with", status="reported",
    ...                start="2001-02-01", end="2001-03-01")
    >>> fig = snapshots(G, periods=make_periods([("2001", "2001-01-01", "2002-01-01")]))
    >>> [t.get_text() for t in fig.axes[0].texts if (t.get_gid() or "").startswith("label:")]
    ['x', 'y']
    """
    return _draw_snapshots(**_snapshots_spec(G, periods=periods, statuses=statuses, include_generic=include_generic,
                                             pos=pos, ncols=ncols, max_labels=max_labels))


def _snapshots_spec(G: nx.MultiDiGraph, *, periods: Sequence["Period"] | None = None,
                    statuses: Iterable[str] = FACT_STATUSES, include_generic: bool = False,
                    pos: dict[str, tuple[float, float]] | None = None, ncols: int = 3,
                    max_labels: int = 30) -> dict[str, Any]:
    """What :func:`_draw_snapshots` draws: the tables' work is done here, so drawing needs no polars."""
    from actors.render.layout import positions
    from actors.network.windows import phases

    if ncols < 1 or max_labels < 0:
        raise ValueError("ncols must be at least 1 and max_labels at least 0")
    periods = list(phases() if periods is None else periods)
    if pos is None:
        pos = positions(G)
    generic = {n for n, g in G.nodes(data="generic") if g}
    shown = [n for n in G if include_generic or n not in generic]
    missing = [n for n in shown if n not in pos]
    if missing:
        raise ActorsError(f"snapshots: pos has no position for {', '.join(map(repr, missing[:5]))}"
                          + (f" and {len(missing) - 5} more" if len(missing) > 5 else ""))
    by_period, undated = _snapshot_edges(G, periods, statuses, include_generic)
    return {"G": G, "periods": periods, "by_period": by_period, "undated": undated, "pos": pos, "shown": shown,
            "include_generic": include_generic, "ncols": ncols, "max_labels": max_labels}


def _draw_snapshots(G: nx.MultiDiGraph, *, periods: list["Period"], by_period: dict[str, list[dict]], undated: int,
                    pos: dict, shown: list[str], include_generic: bool, ncols: int, max_labels: int) -> "Figure":
    from matplotlib.lines import Line2D

    rel_style, kind_colour = _styles()

    busy = frozenset(p for p, rows in by_period.items() if rows)
    ncols, panel, periods, periods_left = _grid(periods, ncols, busy)
    n = max(len(periods), 1)
    nrows = math.ceil(n / ncols)
    head, foot, top = _HEAD, _FOOT, _TOP
    width = ncols * panel + (ncols - 1) * 0.25 + 0.4
    height = top + nrows * (panel + head) + foot
    with _rc():
        fig = _new_figure(width, height)
        renderer = _renderer(fig)
        gs = fig.add_gridspec(nrows, ncols, left=0.2 / width, right=1 - 0.2 / width,
                              top=1 - (top + head) / height, bottom=foot / height,
                              wspace=0.25 / panel, hspace=head / panel)
        kinds_seen: set[str] = set()
        relations_seen: set[str] = set()
        faded_seen = False
        imprecise_seen = False
        more_seen = False
        node_size = 42.0  # points², a dot of about 7 pt
        radius_px = math.sqrt(node_size) / 2 * fig.dpi / 72
        # One view for every panel, fitted to the actors active in any of them: the same
        # place on the page is the same actor throughout, with no space lost to the never-drawn.
        ever = {r[c] for rows in by_period.values() for r in rows for c in ("a", "b")}
        xs = [pos[v][0] for v in ever] or [0.0, 1.0]
        ys = [pos[v][1] for v in ever] or [0.0, 1.0]
        side = max(max(xs) - min(xs), max(ys) - min(ys), 0.2) * 1.14
        cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        xlim, ylim = (cx - side / 2, cx + side / 2), (cy - side / 2, cy + side / 2)
        for i, period in enumerate(periods):
            ax = fig.add_subplot(gs[i // ncols, i % ncols])
            ax.set_xlim(*xlim)
            ax.set_ylim(*ylim)
            ax.set_aspect("equal")
            ax.set_xticks([])
            ax.set_yticks([])
            for side in ax.spines.values():
                side.set_color("#cccccc")
            ax.set_gid(f"panel:{period.id}")
            maybe = [r for r in by_period.get(period.id, []) if r["imprecise"]]
            rows = [r for r in by_period.get(period.id, []) if not r["imprecise"]]
            activity: dict[str, int] = {}
            for r in rows:
                for v in (r["a"], r["b"]):
                    activity[v] = activity.get(v, 0) + r["events"]
            events = sum(r["events"] for r in rows)
            vague = sum(r["events"] for r in maybe)
            title = _plain(_wrap(period.label, 48))
            counts = f"{period.span} · {len(activity)} actors · {events} event{'s' if events != 1 else ''}"
            if vague:  # on a line of its own when the panel is too narrow for both
                more = f"{vague} more might fall here"
                counts += ("\n" if len(counts) + len(more) > 68 else " · ") + more
            ax.set_title(f"{title}\n{counts}", fontsize=9, loc="left")
            ax.apply_aspect()  # the final axes box, so label extents measured now stay true

            # The busiest actors are drawn, with their labels and the links among them;
            # past max_labels, the others are grey dots, counted in the panel's note.
            ranked = sorted(activity, key=lambda v: (-activity[v], _short(G, v)))
            drawn = _busiest(rows, ranked, max_labels)
            vague_events: dict[str, int] = {}
            for r in maybe:
                for v in (r["a"], r["b"]):
                    if v not in activity:
                        vague_events[v] = vague_events.get(v, 0) + r["events"]
            vague_ranked = sorted(vague_events, key=lambda v: (-vague_events[v], _short(G, v)))
            vague_actors = sorted(vague_ranked[: max(0, max_labels - len(drawn))], key=str)
            more = [v for v in [*ranked, *vague_ranked] if v not in drawn and v not in vague_actors]
            rows = [r for r in rows if r["a"] in drawn and r["b"] in drawn]
            maybe = [r for r in maybe if {r["a"], r["b"]} <= drawn | set(vague_actors)]
            curves = _draw_edges(ax, rows, maybe, pos, rel_style)
            relations_seen |= {r["relation"] for r in rows}
            faded_seen |= any(r["faded"] for r in rows)
            imprecise_seen |= bool(maybe)
            if vague_actors:
                ax.scatter([pos[v][0] for v in vague_actors], [pos[v][1] for v in vague_actors], s=node_size * 0.6,
                           facecolors="white", edgecolors="#999999", linewidths=0.6, zorder=2.5,
                           gid="imprecise-actors")
            more_seen |= bool(more)
            if more:
                ax.scatter([pos[v][0] for v in more], [pos[v][1] for v in more], s=10, color="#aaaaaa",
                           zorder=1.2, linewidths=0, gid="more-actors")
            idle = [v for v in shown if v not in activity and v not in vague_events]
            if idle:
                ax.scatter([pos[v][0] for v in idle], [pos[v][1] for v in idle], s=6, color="#dddddd",
                           zorder=1, linewidths=0, gid="idle-actors")
            active = sorted(drawn, key=str)
            if active:
                colours = []
                for v in active:
                    kind = G.nodes[v].get("kind", "") if v in G else ""
                    kinds_seen.add(kind)
                    colours.append(kind_colour.get(kind, "#999999"))
                ax.scatter([pos[v][0] for v in active], [pos[v][1] for v in active], s=node_size, c=colours,
                           edgecolors="#333333", linewidths=0.6, zorder=3, gid="actors")
                # The panel's note, measured at its longest before any label is placed: no label covers it.
                more_text = f"+{len(more)} more actor{'s' if len(more) != 1 else ''} (grey dots)" if more else ""
                n_labels = len(active) + len(vague_actors)
                note = ax.text(0.01, 0.01, _join(more_text, f"{n_labels} unlabelled: no room"),
                               transform=ax.transAxes, fontsize=_SMALL, color=_NOTE_COLOUR, va="bottom", zorder=6,
                               gid="note:more-actors")
                e = note.get_window_extent(renderer)
                keep_out = [(e.x0 - 2, e.y0 - 2, e.x1 + 2, e.y1 + 2)]
                # Busiest first: they get the best label places, and keep theirs when room runs out.
                labelled = [v for v in ranked if v in drawn]
                texts, left_out = place_labels(
                    ax, [(f"label:{v}", pos[v], _plain(_short(G, v))) for v in labelled]
                    + [(f"label-imprecise:{v}", pos[v], _plain(_short(G, v))) for v in vague_actors],
                    nodes_px=ax.transData.transform([pos[v] for v in [*active, *vague_actors]]),
                    radius_px=radius_px, segments_px=_segments(ax, curves), renderer=renderer, keep_out=keep_out,
                    fontsize=_SMALL, zorder=5,
                    bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.7})
                for t in texts:
                    if (t.get_gid() or "").startswith("label-imprecise:"):
                        t.set_color("#888888")
                note.set_text(_join(more_text, f"{len(left_out)} unlabelled: no room" if left_out else ""))
                if not note.get_text():
                    note.remove()
            else:
                _note(ax, "no event dated within this period", style="italic")
        if not periods:
            ax = fig.add_subplot(gs[0, 0])
            _blank(ax)
            _note(ax, "no periods to draw")

        fig.suptitle("Armed actors per period: who fought, allied with, split from and joined whom",
                     x=0.2 / width, ha="left", y=1 - 0.15 / height, va="top", fontsize=12, fontweight="bold")
        handles = [Line2D([], [], color=rel_style[r]["color"], linestyle=rel_style[r]["linestyle"], linewidth=1.6,
                          marker=">" if rel_style[r]["arrow"] else None, markevery=[1],
                          label=rel_style[r]["label"]) for r in RELATIONS if r in relations_seen]
        if faded_seen:
            handles.append(Line2D([], [], color="#888888", alpha=0.35, linewidth=2,
                                  label="lighter: claimed or alleged only"))
        handles.append(Line2D([], [], color="#888888", linewidth=4, label="wider: more events"))
        if imprecise_seen:
            handles.append(Line2D([], [], color="#888888", linewidth=0.9, linestyle=(0, (1, 2.5)), alpha=0.7,
                                  label="faint dots: dated less precisely than the period"))
        kinds = [k for k in kind_colour if k in kinds_seen] + sorted(k for k in kinds_seen if k not in kind_colour)
        handles += [Line2D([], [], linestyle="", marker="o", markersize=7, markerfacecolor=kind_colour.get(k, "#999999"),
                           markeredgecolor="#333333", label=k or "unknown kind") for k in kinds]
        if more_seen:
            handles.append(Line2D([], [], linestyle="", marker="o", markersize=3.5, markerfacecolor="#aaaaaa",
                                  markeredgecolor="none", label="more actors: links not drawn"))
        handles.append(Line2D([], [], linestyle="", marker="o", markersize=3, markerfacecolor="#dddddd",
                              markeredgecolor="none", label="no event in the period"))
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.2 / width, (foot - 0.05) / height),
                   ncol=min(4, ncols + 1), frameon=False, fontsize=_SMALL, handlelength=3.5)
        notes = ["Each panel holds the events dated within the period; one whose date only overlaps it (a \"2012\" "
                 "event in a period ending in April 2012) might fall there: it is drawn faint and dotted, and counted "
                 "apart.",
                 "Denied relations are not drawn" + ("" if include_generic else "; generic mentions "
                                                     "(\"the Islamists\") are left out") + "."]
        if periods_left:
            empty = sum(1 for p in periods_left if not by_period.get(p.id))
            notes.append(f"+{len(periods_left)} more period{'s' if len(periods_left) != 1 else ''} not drawn, "
                         f"{empty} of them without events ({_plain(periods_left[0].label)} to "
                         f"{_plain(periods_left[-1].label)}): no room within {MAX_WIDTH_PX} × {MAX_HEIGHT_PX} pixels.")
        if undated:
            notes.append(f"{undated} undated event{'s are' if undated != 1 else ' is'} in no panel.")
        fig.text(0.2 / width, 0.08 / height, " ".join(notes[:1]) + "\n" + " ".join(notes[1:]), fontsize=_SMALL,
                 color=_NOTE_COLOUR, va="bottom", ha="left")
    return fig

"""Static figures (matplotlib), written as PNG and SVG under ``figures/``.

* :func:`snapshots`: the network per period, as small multiples. Every actor
  keeps one place in all panels (:func:`actors.render.layout.positions`); relations
  and actor kinds keep the colours of :mod:`actors.render.style`.
* :func:`pair_figure`: every relation between two actors over time, each
  event drawn over the interval its date covers, alliance shifts marked.
* :func:`coalition_figure`: one actor's coalition (JNIM by default) per period.
* :func:`genealogy_figure`: who split from or joined whom, as a tidy forest.
* :func:`balance_figure`: structural balance per year (or per phase).

Each returns a :class:`matplotlib.figure.Figure` built without pyplot (no
global state, no GUI backend); :func:`figure_writers` stages them all for
:func:`actors.output.write_all`. Nothing is invented: undated events are in
no panel and no timeline, and each figure says how many it left out; denied
relations are never drawn as fact. matplotlib is imported only when a figure
is made, so ``import actors.render.figures`` stays cheap.

Actor names are data, and matplotlib reads ``$...$`` as mathematics: every
text taken from the data goes through :func:`_plain` first.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> _ = G.add_edge("x", "y", key="e1", relation="fought-against", status="reported", date="2012",
...                precision="year", start="2012-01-01", end="2013-01-01")
>>> fig = pair_figure(G, "x", "y")
>>> fig.axes[0].get_title(loc="left")
'x – y: relations over time'
"""

from __future__ import annotations

import datetime as dt
import math
import os
import textwrap
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

import networkx as nx

from actors.errors import ActorsError
from actors.network.graph import edge_frame, label
from actors.analysis.pairs import FACT_STATUSES, FOCUS_PAIR
from actors.schema import RELATIONS, STATUSES

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from actors.analysis.analyses import Analyses
    from actors.network.windows import Period

__all__ = ["snapshots", "pair_figure", "coalition_figure", "genealogy_figure", "balance_figure",
           "figure_writers", "save_figure"]

#: Resolution of the PNG files (the SVG files are vector).
DPI = 150
#: The file formats every figure is written in, by :func:`figure_writers`.
FORMATS = ("png", "svg")
#: Smallest font used anywhere, in points at the saved size.
_SMALL = 8
# Fixed fonts and hash salt: the same figure gives the same bytes on every run.
_RC = MappingProxyType({
    "svg.hashsalt": "actors", "svg.fonttype": "none", "text.usetex": False, "font.family": "DejaVu Sans",
    "font.size": 9, "axes.titlesize": 10, "legend.fontsize": _SMALL, "legend.title_fontsize": 9,
    "xtick.labelsize": _SMALL, "ytick.labelsize": _SMALL, "axes.titlelocation": "left",
    # Unhinted glyphs: as legible at 150 dpi, and a tenth less drawing time than hinted ones.
    "text.hinting": "none",
})
_FADED = frozenset({"claimed", "alleged"})  # drawn lighter than what the text reports as fact
_NOTE_COLOUR = "#555555"
# Roles of coalition members and counterparts; allies and enemies in the relation colours.
_ROLE_COLOURS = MappingProxyType({"member": "#009E73", "parent": "#0072B2", "origin": "#E69F00",
                                  "splinter": "#F0E442", "ally": "#1f77b4", "enemy": "#d62728"})
_ROLE_LABELS = MappingProxyType({"member": "member of it", "parent": "it is a member of", "origin": "it split from",
                                 "splinter": "split from it", "ally": "ally", "enemy": "enemy"})


# -- shared helpers -------------------------------------------------------------

def _plain(text: Any) -> str:
    """Text shown literally: a ``$`` would otherwise start matplotlib mathtext."""
    return str(text).replace("$", r"\$")


def _short(G: nx.MultiDiGraph, node: str, limit: int = 28) -> str:
    name = label(G, node)
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _styles():
    from actors.render.style import KIND_COLOURS, RELATION_STYLE  # the vocabulary shared with the explorer

    return RELATION_STYLE, KIND_COLOURS


@contextmanager
def _rc() -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(dict(_RC)):
        yield


def _new_figure(width: float, height: float) -> "Figure":
    """A figure with its own Agg canvas: text can be measured, nothing global is touched."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _renderer(fig: "Figure"):
    canvas = fig.canvas
    if hasattr(canvas, "get_renderer"):
        return canvas.get_renderer()
    return fig._get_renderer()  # a figure made elsewhere, on a canvas without one


def _note(ax: "Axes", text: str, **kw: Any) -> None:
    """A message in the middle of an empty axes: the figure says why it is empty."""
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=10,
            color=_NOTE_COLOUR, wrap=True, **kw)


def _blank(ax: "Axes") -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def save_figure(fig: "Figure", path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write ``fig`` as PNG or SVG (``format``, else the path's suffix), byte for byte reproducibly.

    >>> import tempfile, pathlib
    >>> fig = balance_figure(None)
    >>> with tempfile.TemporaryDirectory() as d:
    ...     save_figure(fig, pathlib.Path(d, "a.svg")); save_figure(fig, pathlib.Path(d, "b.svg"))
    ...     pathlib.Path(d, "a.svg").read_bytes() == pathlib.Path(d, "b.svg").read_bytes()
    True
    """
    fmt = (format or Path(path).suffix.lstrip(".")).lower()
    if fmt not in ("png", "svg"):
        raise ValueError(f"format must be png or svg, not {fmt!r}")
    # No date, no software version in the file: the same figure, the same bytes.
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with _rc():
        fig.savefig(path, format=fmt, dpi=DPI, metadata=metadata, facecolor="white",
                    **({"pil_kwargs": {"compress_level": 3}} if fmt == "png" else {}))


# -- snapshots ------------------------------------------------------------------

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


def _snapshot_edges(G: nx.MultiDiGraph, periods: Sequence["Period"], statuses, include_generic: bool):
    """Rows per period (pair and relation, its events, whether all are faded) as plain dicts; undated count."""
    import polars as pl

    from actors.network.windows import assign_periods

    f = edge_frame(G, statuses=[s for s in statuses if s != "denied"])  # denied is never drawn as fact
    f = f.filter(pl.col("source") != pl.col("target"))
    if not include_generic:
        f = f.filter(~pl.col("generic"))
    undated = f.filter(pl.col("start").is_null()).height
    placed = assign_periods(f, periods)
    grouped = (placed.group_by(["period", "a", "b", "relation"])
               .agg(pl.len().alias("events"), pl.col("status").is_in(sorted(_FADED)).all().alias("faded"),
                    pl.col("imprecise").all().alias("imprecise"))
               .sort(["period", "a", "b", "relation"]))
    by_period: dict[str, list[dict]] = {}
    for r in grouped.iter_rows(named=True):
        by_period.setdefault(r["period"], []).append(r)
    return by_period, undated


def _place_labels(ax: "Axes", items: list[tuple[str, tuple[float, float], str]], obstacles, renderer,
                  radius_px: float) -> list:
    """Greedy label placement: for each label, the first offset that overlaps nothing placed.

    ``items`` are (gid, data position, text) in priority order; ``obstacles``
    the display positions of the drawn nodes. Each label tries eight
    directions at two distances; if none is free it takes the position of
    least overlap (labels, nodes, and the area outside the axes).
    """
    import numpy as np

    fig = ax.figure
    to_px = fig.dpi / 72.0
    r = radius_px
    nodes = np.asarray(obstacles, dtype=float).reshape(-1, 2)
    node_boxes = np.column_stack([nodes[:, 0] - r, nodes[:, 1] - r, nodes[:, 0] + r, nodes[:, 1] + r])
    frame = ax.get_window_extent(renderer)
    placed = np.empty((0, 4))
    texts = []
    gap = r / to_px + 1.5  # points between the node's edge and its label
    candidates = []
    for dist in (gap, gap + 7):
        candidates += [((dist, 0), "left", "center"), ((-dist, 0), "right", "center"),
                       ((0, dist), "center", "bottom"), ((0, -dist), "center", "top"),
                       ((dist * .75, dist * .75), "left", "bottom"), ((-dist * .75, dist * .75), "right", "bottom"),
                       ((dist * .75, -dist * .75), "left", "top"), ((-dist * .75, -dist * .75), "right", "top")]

    def overlap(box, others):
        if not len(others):
            return 0.0
        w = np.clip(np.minimum(box[2], others[:, 2]) - np.maximum(box[0], others[:, 0]), 0, None)
        h = np.clip(np.minimum(box[3], others[:, 3]) - np.maximum(box[1], others[:, 1]), 0, None)
        return float((w * h).sum())

    for gid, xy, text in items:
        t = ax.annotate(text, xy=xy, xytext=(0, 0), textcoords="offset points", ha="left", va="bottom",
                        fontsize=_SMALL, zorder=5, gid=gid,
                        bbox={"boxstyle": "square,pad=0.05", "fc": "white", "ec": "none", "alpha": 0.7})
        ext = t.get_window_extent(renderer)
        w, h = ext.width, ext.height
        px, py = ax.transData.transform(xy)
        best = None
        for (dx, dy), ha, va in candidates:
            x0 = px + dx * to_px - {"left": 0, "center": w / 2, "right": w}[ha]
            y0 = py + dy * to_px - {"bottom": 0, "center": h / 2, "top": h}[va]
            box = np.array([x0 - 1, y0 - 1, x0 + w + 1, y0 + h + 1])  # a pixel of air around each label
            inside_w = max(0.0, min(box[2], frame.x1) - max(box[0], frame.x0))
            inside_h = max(0.0, min(box[3], frame.y1) - max(box[1], frame.y0))
            outside = (box[2] - box[0]) * (box[3] - box[1]) - inside_w * inside_h
            # labels must not overlap each other (weight 10); covering a node or leaving the panel costs less
            score = 10 * overlap(box, placed) + overlap(box, node_boxes) + 2 * outside
            if best is None or score < best[0]:
                best = (score, (dx, dy), ha, va, box)
            if score == 0:
                break
        _, offset, ha, va, box = best
        t.set_position(offset)
        t.set_horizontalalignment(ha)
        t.set_verticalalignment(va)
        placed = np.vstack([placed, box])
        texts.append(t)
    return texts


def snapshots(G: nx.MultiDiGraph, *, periods: Sequence["Period"] | None = None,
              statuses: Iterable[str] = FACT_STATUSES, include_generic: bool = False,
              pos: dict[str, tuple[float, float]] | None = None, ncols: int = 3, max_labels: int = 40) -> "Figure":
    """The network in each period, as small multiples with fixed actor positions.

    One panel per period (default: the named phases, :func:`actors.network.windows.phases`)
    holds the edges whose dates overlap it. Parallel events of one pair and
    relation are one line, wider with more events; different relations of a
    pair bend apart. Edges whose events are all claimed or alleged are drawn
    lighter; denied ones never. Actors without an edge in the panel are faint
    grey dots. Only the ``max_labels`` most active actors of a panel are
    labelled (the panel says so). Generic mentions are left out unless
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
                    max_labels: int = 40) -> dict[str, Any]:
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
    from matplotlib.collections import LineCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    rel_style, kind_colour = _styles()

    n = max(len(periods), 1)
    ncols = min(ncols, n)
    nrows = math.ceil(n / ncols)
    panel, head, foot, top = 4.6, 0.62, 1.45, 0.55  # inches: panel side, panel title, legend block, suptitle
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
            rows = by_period.get(period.id, [])
            activity: dict[str, int] = {}
            for r in rows:
                for v in (r["a"], r["b"]):
                    activity[v] = activity.get(v, 0) + r["events"]
            events = sum(r["events"] for r in rows)
            title = _plain(_wrap(period.label, 48))
            ax.set_title(f"{title}\n{period.span} · {len(activity)} actors · {events} events",
                         fontsize=9, loc="left")
            ax.apply_aspect()  # the final axes box, so label extents measured now stay true

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
                    relations_seen.add(r["relation"])
                    faded_seen |= r["faded"]
                    alpha = 0.35 if r["faded"] else 0.85
                    p0, p1 = pos[r["a"]], pos[r["b"]]
                    if style["arrow"]:
                        arrow = FancyArrowPatch(p0, p1, arrowstyle="-|>", mutation_scale=9,
                                                connectionstyle=f"arc3,rad={rad}", color=style["color"],
                                                linestyle=style["linestyle"], linewidth=_width(r["events"]),
                                                alpha=alpha, shrinkA=4, shrinkB=5, zorder=2,
                                                gid=f"edge:{r['relation']}:{r['a']}:{r['b']}")
                        ax.add_patch(arrow)
                    else:
                        segs, widths = lines.setdefault((r["relation"], r["faded"]), ([], []))
                        segs.append(_bezier(p0, p1, rad))
                        widths.append(_width(r["events"]))
            for (relation, faded), (segs, widths) in sorted(lines.items()):
                style = rel_style[relation]
                ax.add_collection(LineCollection(segs, linewidths=widths, colors=style["color"],
                                                 linestyles=style["linestyle"], alpha=0.35 if faded else 0.85,
                                                 zorder=2, gid=f"edges:{relation}", capstyle="round"))
            idle = [v for v in shown if v not in activity]
            if idle:
                ax.scatter([pos[v][0] for v in idle], [pos[v][1] for v in idle], s=6, color="#dddddd",
                           zorder=1, linewidths=0, gid="idle-actors")
            active = sorted(activity, key=str)
            if active:
                colours = []
                for v in active:
                    kind = G.nodes[v].get("kind", "") if v in G else ""
                    kinds_seen.add(kind)
                    colours.append(kind_colour.get(kind, "#999999"))
                ax.scatter([pos[v][0] for v in active], [pos[v][1] for v in active], s=node_size, c=colours,
                           edgecolors="#333333", linewidths=0.6, zorder=3, gid="actors")
                # Most active first: they get the best label places, and keep theirs when labels run out.
                ranked = sorted(active, key=lambda v: (-activity[v], _short(G, v)))
                labelled = ranked[:max_labels]
                obstacles = [ax.transData.transform(pos[v]) for v in active]
                _place_labels(ax, [(f"label:{v}", pos[v], _plain(_short(G, v))) for v in labelled], obstacles,
                              renderer, radius_px)
                if len(labelled) < len(active):
                    ax.text(0.01, 0.01, f"labels: the {len(labelled)} most active of {len(active)} actors",
                            transform=ax.transAxes, fontsize=_SMALL, color=_NOTE_COLOUR, va="bottom", zorder=6)
            else:
                _note(ax, "no dated event in this period", style="italic")
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
        kinds = [k for k in kind_colour if k in kinds_seen] + sorted(k for k in kinds_seen if k not in kind_colour)
        handles += [Line2D([], [], linestyle="", marker="o", markersize=7, markerfacecolor=kind_colour.get(k, "#999999"),
                           markeredgecolor="#333333", label=k or "unknown kind") for k in kinds]
        handles.append(Line2D([], [], linestyle="", marker="o", markersize=3, markerfacecolor="#dddddd",
                              markeredgecolor="none", label="no event in the period"))
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.2 / width, (foot - 0.05) / height),
                   ncol=min(4, ncols + 1), frameon=False, fontsize=_SMALL, handlelength=3.5)
        notes = ["Each panel holds the events whose dates overlap the period (a \"2012\" event is in every panel "
                 "2012 touches).",
                 "Denied relations are not drawn" + ("" if include_generic else "; generic mentions "
                                                     "(\"the Islamists\") are left out") + "."]
        if undated:
            notes.append(f"{undated} undated event{'s are' if undated != 1 else ' is'} in no panel.")
        fig.text(0.2 / width, 0.08 / height, " ".join(notes[:1]) + "\n" + " ".join(notes[1:]), fontsize=_SMALL,
                 color=_NOTE_COLOUR, va="bottom", ha="left")
    return fig


# -- pair timeline --------------------------------------------------------------

def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _lanes(spans: list[tuple[float, float]]) -> list[int]:
    """Sub-row of each interval so that no two overlapping ones share one (first free lane)."""
    ends: list[float] = []
    out = []
    for s, e in spans:
        for lane, end in enumerate(ends):
            if end <= s:
                ends[lane] = e
                out.append(lane)
                break
        else:
            ends.append(e)
            out.append(len(ends) - 1)
    return out


def _pair_depth(dated: list[dict], rels: list[str]) -> int:
    """Rough number of sub-rows a pair figure needs, to size the figure before drawing."""
    depth = 0
    for rel in rels:
        spans: dict[tuple, int] = {}
        for e in dated:
            if e["relation"] == rel:
                spans[(e["start"], e["last_day"])] = spans.get((e["start"], e["last_day"]), 0) + 1
        depth += max(spans.values(), default=1) + 1
    return depth


_STATUS_LEGEND = MappingProxyType({"reported": "reported (solid)", "claimed": "claimed (light fill)",
                  "alleged": "alleged (hollow)", "denied": "denied (grey ×, not a fact)"})


def pair_figure(G: nx.MultiDiGraph, a: str, b: str, *, statuses: Iterable[str] = STATUSES,
                ax: "Axes | None" = None) -> "Figure":
    """Every relation between ``a`` and ``b`` over time, one band per relation.

    Each event covers the days its date allows: a day-precise event is a dot,
    a month a bar, a year a lighter hatched bar; events that overlap in time
    stack in sub-rows so none hides another. Reported events are solid,
    claimed ones lightly filled, alleged ones hollow, denied ones a grey ×
    (``statuses`` chooses which are shown; all by default). Alliance shifts
    (:func:`actors.analysis.pairs.alliance_shifts`) are vertical lines, and the
    figure says how many undated events it left out. A pair without events
    gives a figure that says so.

    >>> import networkx as nx
    >>> fig = pair_figure(nx.MultiDiGraph(), "x", "y")
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['No recorded relation between x and y.']
    """
    return _draw_pair(**_pair_spec(G, a, b, statuses=statuses), ax=ax)


def _pair_spec(G: nx.MultiDiGraph, a: str, b: str, *, statuses: Iterable[str] = STATUSES) -> dict[str, Any]:
    """What :func:`_draw_pair` draws: the pair's events and alliance shifts as plain rows."""
    import polars as pl

    from actors.analysis.pairs import alliance_shifts, pair_timeline

    statuses = [statuses] if isinstance(statuses, str) else list(statuses)
    tl = pair_timeline(G, a, b, statuses=statuses) if a in G and b in G else None
    events = tl.rows(named=True) if tl is not None else []
    shift_rows = []
    if any(e["start"] for e in events):
        shifts = alliance_shifts(G).filter((pl.col("a") == min(a, b)) & (pl.col("b") == max(a, b)))
        shift_rows = shifts.rows(named=True)
    return {"G": G, "a": a, "b": b, "statuses": statuses, "events": events, "shift_rows": shift_rows}


def _draw_pair(G: nx.MultiDiGraph, a: str, b: str, *, statuses: list[str], events: list[dict],
               shift_rows: list[dict], ax: "Axes | None" = None) -> "Figure":
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Rectangle

    rel_style, _ = _styles()
    dated = [e for e in events if e["start"]]
    undated = [e for e in events if not e["start"]]
    rels = [r for r in RELATIONS if any(e["relation"] == r for e in dated)]
    name_a, name_b = _plain(_short(G, a)), _plain(_short(G, b))

    with _rc():
        if ax is None:
            height = 3.4 + 0.4 * _pair_depth(dated, rels)
            fig = _new_figure(10, height)
            ax = fig.add_axes((0.17, 1.2 / height, 0.78, 1 - 2.35 / height))
        fig = ax.figure
        title = ax.set_title(f"{name_a} – {name_b}: relations over time", fontsize=11, fontweight="bold")
        if not dated:
            _blank(ax)
            if not events:
                _note(ax, f"No recorded relation between {name_a} and {name_b}.")
            else:
                _note(ax, f"No dated relation between {name_a} and {name_b}: "
                          f"{len(undated)} undated event{'s' if len(undated) != 1 else ''} cannot be placed in time.")
            return fig

        lo = min(_day(e["start"]) for e in dated)
        hi = max(_day(e["last_day"]) + dt.timedelta(days=1) for e in dated)
        span = max((hi - lo).days, 60)
        pad = dt.timedelta(days=max(15, span // 25))
        x0, x1 = mdates.date2num(lo - pad), mdates.date2num(hi + pad)
        dot = (x1 - x0) * 0.012  # a dot's width in days, so dots close in time stack apart
        y = 0.0
        ticks, ticklabels, bands = [], [], []
        for rel in rels:
            evs = [e for e in dated if e["relation"] == rel]
            spans = []
            for e in evs:
                s = mdates.date2num(_day(e["start"]))
                t = mdates.date2num(_day(e["last_day"]) + dt.timedelta(days=1))
                spans.append((s - dot, max(t, s + dot)) if e["precision"] == "day" else (s, t))
            order = sorted(range(len(evs)), key=lambda i: spans[i])
            lanes = [0] * len(evs)
            for i, lane in zip(order, _lanes([spans[i] for i in order])):
                lanes[i] = lane
            depth = max(lanes) + 1
            colour = rel_style[rel]["color"]
            for e, lane in zip(evs, lanes):
                yc = y + lane + 0.5
                s = mdates.date2num(_day(e["start"]))
                t = mdates.date2num(_day(e["last_day"]) + dt.timedelta(days=1))
                status = e["status"]
                gid = f"event:{e['edge_id']}"
                if e["precision"] == "day" or t - s <= 1:
                    if status == "denied":
                        ax.plot([s], [yc], marker="x", color="#777777", markersize=8, mew=2, gid=gid, zorder=3)
                    else:
                        ax.plot([s], [yc], marker="o", markersize=8, linestyle="", gid=gid, zorder=3,
                                markerfacecolor={"reported": colour, "claimed": colour}.get(status, "white"),
                                markeredgecolor=colour, markeredgewidth=1.5,
                                alpha=0.45 if status == "claimed" else 1.0)
                else:
                    yearly = e["precision"] == "year" or t - s > 62
                    face = {"reported": colour, "claimed": colour}.get(status, "none")
                    edge = "#777777" if status == "denied" else colour
                    rect = Rectangle((s, yc - 0.3), t - s, 0.6, facecolor=face if status != "denied" else "none",
                                     edgecolor=edge, linewidth=1.2, gid=gid, zorder=2,
                                     alpha=(0.35 if yearly else 0.7) if status == "reported" else
                                     (0.25 if status == "claimed" else 1.0),
                                     linestyle="--" if status in ("alleged", "denied") else "-",
                                     hatch="///" if yearly and status == "reported" else None)
                    ax.add_patch(rect)
                    if status == "denied":
                        ax.plot([(s + t) / 2], [yc], marker="x", color="#777777", markersize=8, mew=2, zorder=3)
            directions = {(e["source"], e["target"]) for e in evs}
            name = rel.replace("-", " ")
            if rel in ("split-from", "member-of") and len(directions) == 1:
                (u, v), = directions
                name = f"{name}\n({_plain(_short(G, u, 14))} → {_plain(_short(G, v, 14))})"
            ticks.append(y + depth / 2)
            ticklabels.append(name)
            bands.append((y, y + depth))
            y += depth + 0.4
        for i, (b0, b1) in enumerate(bands):
            if i % 2 == 0:
                ax.axhspan(b0 - 0.2, b1 + 0.2, color="#f3f3f3", zorder=0)
        ax.set_ylim(y - 0.2, -0.2)  # first relation at the top
        ax.set_yticks(ticks, ticklabels)
        ax.set_xlim(x0, x1)
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.tick_params(axis="y", length=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

        shift_handle = None
        line_h = 11  # points per line of small text
        shift_h = 0
        if shift_rows:
            shift_h = (2 if any(s["order"] != "dates" for s in shift_rows) else 1) * line_h + 4
            shift_h += shift_h * (len(shift_rows) > 1)  # alternate shifts on two levels
        # The pair's edges by id, both directions: a shift names the edge that dates it.
        pair_edges = {k: d for u, v in ((a, b), (b, a)) for k, d in (G.get_edge_data(u, v) or {}).items()}
        for k, s in enumerate(shift_rows):
            # "by" the date: at the last day of the interval its precision covers ("2012": 31 December 2012).
            after = pair_edges[s["edge_after"]]
            last_day = _day(after["end"]) - dt.timedelta(days=1)
            when = mdates.date2num(last_day)
            word = "fighting" if s["to_relation"] == "fought-against" else "allied"
            text = f"{word} by {s['first_after']}" + (
                "" if after["precision"] == "day" else f" (at the latest {last_day.isoformat()})")
            if s["order"] != "dates":
                text += "\n(order from overlapping dates)"
            ax.axvline(when, color="#333333", linestyle=(0, (4, 2)), linewidth=1.2, zorder=4, gid=f"shift:{k}")
            level = (k % 2) * shift_h / 2
            right = (when - x0) > 0.6 * (x1 - x0)  # keep the label inside the figure
            ax.annotate(_plain(text), xy=(when, 1), xycoords=("data", "axes fraction"),
                        xytext=(-3 if right else 3, 3 + level), textcoords="offset points", fontsize=_SMALL,
                        ha="right" if right else "left", va="bottom", color="#333333",
                        gid=f"shift-label:{k}", annotation_clip=False)
            shift_handle = Line2D([], [], color="#333333", linestyle=(0, (4, 2)), label="alliance shift")

        seen = {e["status"] for e in dated}
        handles = []
        for st in STATUSES:
            if st in seen:
                c = "#555555"
                if st == "denied":
                    handles.append(Line2D([], [], marker="x", color="#777777", linestyle="", markersize=8, mew=2,
                                          label=_STATUS_LEGEND[st]))
                else:
                    handles.append(Line2D([], [], marker="o", linestyle="", markersize=8, markeredgecolor=c,
                                          markerfacecolor="white" if st == "alleged" else c,
                                          alpha=0.45 if st == "claimed" else 1.0, label=_STATUS_LEGEND[st]))
        precisions = {("day" if e["precision"] == "day" else "year" if e["precision"] == "year" else "month")
                      for e in dated}
        if "day" in precisions:
            handles.append(Line2D([], [], marker="o", linestyle="", color="#555555", label="dated to the day"))
        if "month" in precisions:
            handles.append(Patch(facecolor="#555555", alpha=0.7, label="dated to the month (bar: whole month)"))
        if "year" in precisions:
            handles.append(Patch(facecolor="#555555", alpha=0.35, hatch="///",
                                 label="dated to the year (bar: whole year)"))
        if shift_handle is not None:
            handles.append(shift_handle)
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.14), ncol=3, frameon=False)
        notes = []
        if undated:
            counts: dict[str, int] = {}
            for e in undated:
                counts[e["relation"]] = counts.get(e["relation"], 0) + 1
            what = ", ".join(f"{n} {r}" for r, n in counts.items())
            notes.append(f"Not shown: {len(undated)} undated event{'s' if len(undated) != 1 else ''} ({what}); "
                         "the text gives no date, and none is guessed.")
        hidden = [s for s in STATUSES if s not in statuses]
        if hidden:
            notes.append(f"Statuses not shown: {', '.join(hidden)}.")
        if notes:  # between the title and the plot: the title moves up to make room
            ax.annotate("\n".join(notes), xy=(0, 1), xycoords="axes fraction", xytext=(0, 5 + shift_h),
                        textcoords="offset points", fontsize=_SMALL, color=_NOTE_COLOUR, va="bottom",
                        gid="note:undated", annotation_clip=False)
        ax.set_title(title.get_text(), fontsize=11, fontweight="bold",
                     pad=8 + shift_h + (line_h * len(notes) + 4 if notes else 0))
    return fig


# -- coalition ------------------------------------------------------------------

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
    coloured mark per role (member, parent, origin, splinter, ally, enemy)
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
        ax.set_title(f"{name} coalition over time: who stood where, per period", fontsize=11, fontweight="bold")
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
        empty = {pid for pid, _ in cols} - {c["period"] for c in cells}
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


# -- genealogy ------------------------------------------------------------------

_JOINED = MappingProxyType({"split-from": "split", "member-of": "joined"})


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

    # Tidy layout: leaves on consecutive rows, a parent level with the middle of its children.
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
                place[n] = (depth, float(rows[0]))
                rows[0] += 1
        visit(root, 0)
        trees.append((rows[0], place))
    per_column = 30.0  # rows before trees wrap into a new column, side by side
    columns: list[list[tuple[float, dict]]] = [[]]
    used = 0.0
    for n_rows, place in trees:
        if used and used + n_rows > per_column:
            columns.append([])
            used = 0.0
        columns[-1].append((used, place))
        used += n_rows + 0.6
    depth = max((d for _, place in trees for d, _ in place.values()), default=0)
    col_width = depth + 1.0  # in depth units; each depth step is one label wide
    xy: dict[str, tuple[float, float]] = {}
    for c, column in enumerate(columns):
        for offset, place in column:
            for n, (d, r) in place.items():
                xy[n] = (c * (col_width + 0.3) + d, offset + r)
    height_rows = max((max((y for _, y in xy.values()), default=0) + 1), 1)

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

    with _rc():
        if ax is None:
            ncol = len(columns)
            step = 2.0  # inches per depth step: room for a label
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
    return fig


# -- balance --------------------------------------------------------------------

def balance_figure(balance: Any, *, periodisation: str = "year", ax: "Axes | None" = None) -> "Figure":
    """Structural balance over time: frustration and balanced triangles, with the signed pairs.

    ``balance`` is :attr:`actors.analysis.analyses.Analyses.balance` (rows of one
    ``periodisation``, "year" or "phase", are drawn) or a table from
    :func:`actors.analysis.balance.structural_balance`. The upper panel gives the
    frustration share (frustrated pairs over signed pairs, with the index
    written at each point) and the balanced share of triangles; the lower
    one the allied and hostile pairs. Indices found by the local search
    are upper bounds and drawn hollow. With ``ax`` both go into one axes
    (pairs on a second y axis).

    >>> fig = balance_figure(None)
    >>> fig.axes[0].texts[0].get_text()
    'No signed pairs to weigh.'
    """
    return _draw_balance(**_balance_spec(balance, periodisation=periodisation), ax=ax)


def _balance_spec(balance: Any, *, periodisation: str = "year") -> dict[str, Any]:
    """What :func:`_draw_balance` draws: the rows of one periodisation as plain dicts."""
    import polars as pl

    from actors.analysis.balance import HEURISTIC

    rows = []
    if balance is not None and balance.height:
        b = balance
        if "periodisation" in b.columns:
            b = b.filter(pl.col("periodisation") == periodisation)
        rows = b.rows(named=True)
    return {"rows": rows, "periodisation": periodisation, "heuristic": HEURISTIC}


def _draw_balance(*, rows: list[dict], periodisation: str, heuristic: str, ax: "Axes | None" = None) -> "Figure":
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    what = {"year": "per year", "phase": "per phase"}.get(periodisation, f"per {periodisation}")
    with _rc():
        single = ax is not None
        if ax is None:
            width = max(8.0, 1.2 + 0.55 * len(rows)) if periodisation == "year" else max(8.0, 1.4 + 1.15 * len(rows))
            fig = _new_figure(width, 6.4)
            ax = fig.add_axes((0.8 / width, 3.0 / 6.4, 1 - 1.1 / width, 2.35 / 6.4))
            counts_ax = fig.add_axes((0.8 / width, 1.15 / 6.4, 1 - 1.1 / width, 1.35 / 6.4), sharex=ax)
        else:
            counts_ax = ax.twinx()
        fig = ax.figure
        ax.set_title(f"Structural balance {what}", fontsize=11, fontweight="bold")
        if not rows or not any(r["positive"] + r["negative"] for r in rows):
            _blank(ax)
            counts_ax.set_visible(False)
            _note(ax, "No signed pairs to weigh.")
            return fig
        xs = list(range(len(rows)))
        nan = float("nan")
        frus = [r["frustration_share"] if r["frustration_share"] is not None else nan for r in rows]
        bal = [r["balanced_share"] if r["balanced_share"] is not None else nan for r in rows]
        ax.plot(xs, frus, color="#d62728", linewidth=1.8, zorder=3, label="frustration share (frustrated / signed pairs)")
        ax.plot(xs, bal, color="#1f77b4", linewidth=1.8, linestyle="--", marker="s", markersize=5, zorder=3,
                label="balanced share of triangles")
        exact = [i for i, r in enumerate(rows) if r["frustration_method"] != heuristic and frus[i] == frus[i]]
        bound = [i for i, r in enumerate(rows) if r["frustration_method"] == heuristic and frus[i] == frus[i]]
        ax.plot([xs[i] for i in exact], [frus[i] for i in exact], linestyle="", marker="o", color="#d62728",
                markersize=6, zorder=4)
        ax.plot([xs[i] for i in bound], [frus[i] for i in bound], linestyle="", marker="o", markerfacecolor="white",
                markeredgecolor="#d62728", markersize=7, zorder=4, gid="upper-bound")
        for i, r in enumerate(rows):
            if frus[i] == frus[i] and r["frustration_index"]:
                ax.annotate(f"{r['frustration_index']}", xy=(i, frus[i]), xytext=(0, 6), textcoords="offset points",
                            ha="center", fontsize=_SMALL, color="#d62728")
        ax.set_ylim(-0.05, 1.1)
        ax.set_ylabel("share")
        ax.grid(axis="y", color="#eeeeee")
        pos = [r["positive"] for r in rows]
        neg = [r["negative"] for r in rows]
        counts_ax.bar(xs, neg, color="#d62728", alpha=0.35 if single else 0.75, width=0.6, label="hostile pairs")
        counts_ax.bar(xs, pos, bottom=neg, color="#1f77b4", alpha=0.35 if single else 0.75, width=0.6,
                      label="allied pairs")
        counts_ax.set_ylabel("signed pairs")
        counts_ax.yaxis.get_major_locator().set_params(integer=True)
        if single:
            counts_ax.set_zorder(ax.get_zorder() - 1)
            ax.patch.set_visible(False)
        labels = [_plain(str(r["period_label"]) if periodisation == "year" else _wrap(str(r["period_label"]), 14))
                  for r in rows]
        target = ax if single else counts_ax
        target.set_xticks(xs, labels, rotation=90 if periodisation == "year" and len(rows) > 30 else 0)
        if not single:
            ax.tick_params(labelbottom=False)
        for a in (ax, counts_ax):
            a.spines["top"].set_visible(False)
        handles = [Line2D([], [], color="#d62728", linewidth=1.8, marker="o",
                          label="frustration share (number: frustration index)"),
                   Line2D([], [], color="#1f77b4", linewidth=1.8, linestyle="--", marker="s",
                          label="balanced share of triangles")]
        if bound:
            handles.append(Line2D([], [], linestyle="", marker="o", markerfacecolor="white", markeredgecolor="#d62728",
                                  label="upper bound (local-search upper bound)"))
        handles += [Patch(color="#1f77b4", alpha=0.75, label="allied pairs"),
                    Patch(color="#d62728", alpha=0.75, label="hostile pairs")]
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.02), ncol=3, frameon=False)
        ax.set_title(ax.get_title(loc="left"), fontsize=11, fontweight="bold", pad=44)
        note = ("Gaps: no signed pair, or no triangle, in the period. "
                "One sign per pair and period (its latest event); denied and undated events are left out.")
        fig.text(0.8 / fig.get_figwidth(), 0.015, note, fontsize=_SMALL, color=_NOTE_COLOUR, va="bottom")
    return fig


# -- writing --------------------------------------------------------------------

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

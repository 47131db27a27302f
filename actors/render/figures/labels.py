"""Label placement for the network figures: away from nodes, lines and each other.

:func:`place_labels` puts each label (in priority order) at the first of 32
candidate places around its node that overlaps no label placed before it, no
node marker and nothing outside the axes, preferring the place whose box
crosses the least length of drawn line; a label with no such place is left
out (and the caller says so). A label placed far from its node is tied to it
by a thin grey line. Lines are given as straight segments in
display pixels: :func:`curve_segments` samples the figures' curved edges
into them. Everything is measured on the figure's own renderer, so the
boxes tested are the boxes drawn.

Measured against adjustText 1.4 (``benchmarks/label_placement.py``) on the
seeds' snapshots and on 50 copies of the seeds' actors: label-label, label-node
and label-line overlaps 0, 0, 0 and 0, 0, 11 here, against 0, 5, 0 and 42,
60, 90 with adjustText, in a fifth to a seventh of its time; adjustText
labels every actor (here 38 of 210 are left out at 50 copies) and needs scipy.

>>> import numpy as np
>>> box = np.array([0.0, 0.0, 10.0, 10.0])
>>> _crossed(box, np.array([[-5.0, 5.0, 15.0, 5.0], [20.0, 0.0, 30.0, 10.0]])).tolist()
[10.0, 0.0]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable, Sequence

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    import numpy as np
    from matplotlib.axes import Axes
    from matplotlib.text import Text

__all__ = ["place_labels", "curve_segments"]

#: Candidate directions, the most natural first (right, left, above, below, then the diagonals).
_DIRECTIONS = ((1, 0, "left", "center"), (-1, 0, "right", "center"), (0, 1, "center", "bottom"),
               (0, -1, "center", "top"), (0.75, 0.75, "left", "bottom"), (-0.75, 0.75, "right", "bottom"),
               (0.75, -0.75, "left", "top"), (-0.75, -0.75, "right", "top"))
#: Distances tried, in points beyond the node's edge.
_STEPS = (1.5, 6.0, 12.0, 20.0)
#: From this distance on, a thin grey leader line ties the label to its node.
_LEADER_FROM = 12.0
_AIR = 1.0  # pixels of air kept around each label


def curve_segments(points_px) -> "np.ndarray":
    """A polyline (display pixels, n × 2) as its n - 1 segments (x0, y0, x1, y1).

    >>> curve_segments([(0, 0), (1, 0), (1, 1)]).tolist()
    [[0.0, 0.0, 1.0, 0.0], [1.0, 0.0, 1.0, 1.0]]
    """
    import numpy as np

    p = np.asarray(points_px, dtype=float).reshape(-1, 2)
    return np.column_stack([p[:-1], p[1:]])


def _crossed(box, segs) -> "np.ndarray":
    """Length of each segment (x0, y0, x1, y1) inside ``box`` (x0, y0, x1, y1): Liang-Barsky clipping."""
    import numpy as np

    if not len(segs):
        return np.zeros(0)
    x0, y0, x1, y1 = segs.T
    dx, dy = x1 - x0, y1 - y0
    t0 = np.zeros(len(segs))
    t1 = np.ones(len(segs))
    ok = np.ones(len(segs), dtype=bool)
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        parallel = p == 0
        ok &= ~(parallel & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        t0 = np.where(~parallel & (p < 0), np.maximum(t0, r), t0)
        t1 = np.where(~parallel & (p > 0), np.minimum(t1, r), t1)
    inside = ok & (t0 < t1)
    return np.where(inside, (t1 - t0) * np.hypot(dx, dy), 0.0)


def _leader_hits(seg, boxes) -> bool:
    """Whether the segment (x0, y0, x1, y1) crosses any of ``boxes``."""
    import numpy as np

    return bool(len(boxes)) and any(_crossed(b, np.asarray([seg]))[0] > 0 for b in boxes)


def _hits_circle(box, centres, radius: float) -> bool:
    import numpy as np

    if not len(centres):
        return False
    nx_ = np.clip(centres[:, 0], box[0], box[2])
    ny_ = np.clip(centres[:, 1], box[1], box[3])
    return bool((((centres[:, 0] - nx_) ** 2 + (centres[:, 1] - ny_) ** 2) < radius ** 2).any())


def _hits_box(box, others) -> bool:
    if not len(others):
        return False
    return bool(((others[:, 0] < box[2]) & (others[:, 2] > box[0])
                 & (others[:, 1] < box[3]) & (others[:, 3] > box[1])).any())


def place_labels(ax: "Axes", items: Iterable[tuple[str, tuple[float, float], str]], *, nodes_px: Sequence,
                 radius_px: float, segments_px=None, renderer=None, keep_out: Sequence = (),
                 fontsize: float = 8, **text_kw) -> tuple[list["Text"], list[str]]:
    """Place each label of ``items`` (gid, data position, text), in priority order; returns (texts, gids left out).

    ``nodes_px`` are the node markers' centres (display pixels, radius
    ``radius_px``), ``segments_px`` the drawn lines as segments (x0, y0, x1,
    y1), ``keep_out`` boxes (x0, y0, x1, y1) no label may cover (a note).
    A label never overlaps another, a node or ``keep_out``, nor leaves the
    axes; among the places left, it takes the one crossing the least length
    of line (the nearest on a tie). Extra keywords go to ``ax.annotate``.

    >>> from actors.render.figures.draw import _new_figure
    >>> fig = _new_figure(3, 3); ax = fig.add_axes((0, 0, 1, 1)); _ = ax.set(xlim=(0, 1), ylim=(0, 1))
    >>> at = [ax.transData.transform(p) for p in [(0.5, 0.5), (0.55, 0.5)]]
    >>> texts, left_out = place_labels(ax, [("a", (0.5, 0.5), "alpha"), ("b", (0.55, 0.5), "beta")],
    ...                                nodes_px=at, radius_px=4)
    >>> [t.get_text() for t in texts], left_out
    (['alpha', 'beta'], [])
    """
    import numpy as np

    renderer = renderer or ax.figure.canvas.get_renderer()
    to_px = ax.figure.dpi / 72.0
    nodes = np.asarray(nodes_px, dtype=float).reshape(-1, 2)
    segs = np.zeros((0, 4)) if segments_px is None else np.asarray(segments_px, dtype=float).reshape(-1, 4)
    frame = ax.get_window_extent(renderer)
    placed = np.asarray(keep_out, dtype=float).reshape(-1, 4)
    gap = radius_px / to_px
    candidates = [((gap + step) * dx, (gap + step) * dy, ha, va, step >= _LEADER_FROM)
                  for step in _STEPS for dx, dy, ha, va in _DIRECTIONS]
    texts, left_out = [], []
    for gid, xy, text in items:
        t = ax.annotate(text, xy=xy, xytext=(0, 0), textcoords="offset points", ha="left", va="bottom",
                        fontsize=fontsize, gid=gid, **text_kw)
        ext = t.get_window_extent(renderer)
        w, h = ext.width, ext.height
        px, py = ax.transData.transform(xy)
        near = segs[(np.minimum(segs[:, 0], segs[:, 2]) < px + w + 60) & (np.maximum(segs[:, 0], segs[:, 2]) > px - w - 60)
                    & (np.minimum(segs[:, 1], segs[:, 3]) < py + h + 60)
                    & (np.maximum(segs[:, 1], segs[:, 3]) > py - h - 60)] if len(segs) else segs
        best = None
        for rank, (dx, dy, ha, va, leader) in enumerate(candidates):
            x0 = px + dx * to_px - {"left": 0, "center": w / 2, "right": w}[ha]
            y0 = py + dy * to_px - {"bottom": 0, "center": h / 2, "top": h}[va]
            box = np.array([x0 - _AIR, y0 - _AIR, x0 + w + _AIR, y0 + h + _AIR])
            if box[0] < frame.x0 or box[2] > frame.x1 or box[1] < frame.y0 or box[3] > frame.y1:
                continue
            if _hits_box(box, placed) or _hits_circle(box, nodes, radius_px + _AIR):
                continue
            tie = None
            if leader:  # from the node's centre to the nearest point of the label's box
                tie = (px, py, min(max(px, box[0]), box[2]), min(max(py, box[1]), box[3]))
                if _leader_hits(tie, placed):
                    continue
            score = float(_crossed(box, near).sum()) + 0.3 * rank  # line crossed, in pixels; then nearness
            if best is None or score < best[0]:
                best = (score, (dx, dy), ha, va, box, tie)
            if score == 0.3 * rank:  # crosses no line: no later (farther) place can do better
                break
        if best is None:
            t.remove()
            left_out.append(gid)
            continue
        _, offset, ha, va, box, tie = best
        if tie is not None:  # far from its node: a thin line from the label to the node's edge
            t.remove()
            t = ax.annotate(text, xy=xy, xytext=offset, textcoords="offset points", ha=ha, va=va,
                            fontsize=fontsize, gid=gid, **text_kw,
                            arrowprops={"arrowstyle": "-", "color": "#999999", "linewidth": 0.5,
                                        "shrinkA": 0, "shrinkB": radius_px / to_px})
        t.set_position(offset)
        t.set_horizontalalignment(ha)
        t.set_verticalalignment(va)
        placed = np.vstack([placed, box])
        if tie is not None:  # later labels keep off the leader too
            segs = np.vstack([segs, np.asarray([tie])])
        texts.append(t)
    return texts, left_out

"""Measure a drawn figure's labels as the renderer lays them out: overlaps with each other, node markers and lines.

Used by the figure tests and by ``benchmarks/label_placement.py``. Labels are
texts whose gid starts with ``label`` (the network figures' actor labels);
nodes the scatter collections ``actors`` and ``imprecise-actors`` and the
markers with a gid ``actor:``; lines the edge collections (gid ``edges:``)
and arrows (gid ``edge:`` or ``link:``), as drawn (curves sampled).
"""

from __future__ import annotations

import numpy as np
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text

_TOL = 0.5  # pixels: boxes that touch do not overlap


def renderer_of(fig):
    fig.draw_without_rendering()
    return fig.canvas.get_renderer()


def label_texts(ax):
    return [t for t in ax.texts if (t.get_gid() or "").startswith("label") and t.get_visible()]


def text_box(t, renderer):
    """The box of a text's glyphs (an annotation's own extent would include its leader line)."""
    return Text.get_window_extent(t, renderer)


def drawn_texts(fig) -> list:
    """Every text the figure draws: visible, not empty, and for tick labels, only ticks within the view."""
    ticks = {}
    for ax in fig.axes:
        for axis, i in ((ax.xaxis, 0), (ax.yaxis, 1)):
            lo, hi = sorted(axis.get_view_interval())
            span = (hi - lo) * 1e-6
            for t in axis.get_majorticklabels() + axis.get_minorticklabels():
                ticks[id(t)] = lo - span <= t.get_position()[i] <= hi + span
    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip() and ticks.get(id(t), True)]


def boxes_overlapping(boxes) -> list[tuple[int, int]]:
    """Index pairs of boxes (matplotlib Bbox) that overlap by more than half a pixel each way."""
    out = []
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            a, b = boxes[i], boxes[j]
            if min(a.x1, b.x1) - max(a.x0, b.x0) > _TOL and min(a.y1, b.y1) - max(a.y0, b.y0) > _TOL:
                out.append((i, j))
    return out


def node_markers(ax) -> tuple[np.ndarray, np.ndarray]:
    """Centres (display pixels) and radii of the node markers of ``ax``."""
    dpi = ax.figure.dpi
    centres, radii = [], []
    for c in ax.collections:
        if isinstance(c, PathCollection) and c.get_gid() in ("actors", "imprecise-actors"):
            xy = c.get_offset_transform().transform(c.get_offsets())
            sizes = np.broadcast_to(c.get_sizes(), (len(xy),))
            centres += list(xy)
            radii += list(np.sqrt(sizes) / 2 * dpi / 72)
    for line in ax.lines:
        if isinstance(line, Line2D) and (line.get_gid() or "").startswith("actor:"):
            xy = ax.transData.transform(np.column_stack([line.get_xdata(), line.get_ydata()]))
            centres += list(xy)
            radii += [line.get_markersize() / 2 * dpi / 72] * len(xy)
    return np.asarray(centres, dtype=float).reshape(-1, 2), np.asarray(radii, dtype=float)


def drawn_lines(ax) -> list[np.ndarray]:
    """Every drawn edge as a polyline in display pixels."""
    out = []
    for c in ax.collections:
        if isinstance(c, LineCollection) and (c.get_gid() or "").startswith("edges:"):
            out += [ax.transData.transform(np.asarray(s)) for s in c.get_segments()]
    for p in ax.patches:
        if isinstance(p, FancyArrowPatch) and (p.get_gid() or "").split(":")[0] in ("edge", "link"):
            path = p.get_path()
            for poly in path.to_polygons(closed_only=False):
                out.append(p.get_transform().transform(poly))
    return out


def _box_circle(box, centre, r) -> bool:
    x = min(max(centre[0], box.x0), box.x1)
    y = min(max(centre[1], box.y0), box.y1)
    return (centre[0] - x) ** 2 + (centre[1] - y) ** 2 < (r - _TOL) ** 2


def _box_polyline(box, pts) -> bool:
    """Whether a polyline passes through the inside of ``box`` (shrunk by half a pixel)."""
    x0, y0, x1, y1 = box.x0 + _TOL, box.y0 + _TOL, box.x1 - _TOL, box.y1 - _TOL
    for (ax_, ay), (bx, by) in zip(pts[:-1], pts[1:]):
        t0, t1 = 0.0, 1.0
        dx, dy = bx - ax_, by - ay
        ok = True
        for p, q in ((-dx, ax_ - x0), (dx, x1 - ax_), (-dy, ay - y0), (dy, y1 - ay)):
            if p == 0:
                if q < 0:
                    ok = False
                    break
                continue
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
        if ok and t0 < t1:
            return True
    return False


def panel_counts(ax, renderer) -> dict[str, int]:
    """Labels, label-label overlaps, label-node overlaps, label-line crossings (label × drawn edge) in ``ax``."""
    texts = label_texts(ax)
    boxes = [text_box(t, renderer) for t in texts]
    centres, radii = node_markers(ax)
    lines = drawn_lines(ax)
    return {
        "labels": len(texts),
        "label_label": len(boxes_overlapping(boxes)),
        "label_node": sum(int(_box_circle(b, c, r)) for b in boxes for c, r in zip(centres, radii)),
        "label_line": sum(_box_polyline(b, pts) for b in boxes for pts in lines),
    }


def figure_counts(fig) -> dict[str, int]:
    renderer = renderer_of(fig)
    total = {"labels": 0, "label_label": 0, "label_node": 0, "label_line": 0}
    for ax in fig.axes:
        for k, v in panel_counts(ax, renderer).items():
            total[k] += v
    return total

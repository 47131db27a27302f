"""Fixed node positions, shared by the static figures and the interactive explorer.

An actor keeps one place in every panel and every page, so the eye can follow
it across periods. Positions are computed once over the whole graph (all
relations, all time), per connected component, and the components are packed
side by side, largest first. The layout is deterministic: same graph, same
positions.

>>> import networkx as nx
>>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("x", "y")])
>>> pos = positions(G)
>>> sorted(pos) == ["a", "b", "c", "x", "y"]
True
>>> all(0.0 <= v <= 1.0 for xy in pos.values() for v in xy)
True
"""

from __future__ import annotations

import math
from typing import Hashable, Iterable

import networkx as nx

__all__ = ["positions"]

# Kamada-Kawai reads best for small components but is quadratic in memory and
# slow beyond a few hundred nodes; above that, Fruchterman-Reingold, with fewer
# iterations as the component grows (its cost per iteration is quadratic), and
# beyond _FR_LIMIT a seeded random placement: no force layout finishes in
# reasonable time there, and the explorer is not meant for such graphs.
_KK_LIMIT = 250
_FR_LIMIT = 5000


def _component_layout(H: nx.Graph, seed: int) -> dict[Hashable, tuple[float, float]]:
    n = H.number_of_nodes()
    if n == 1:
        return {next(iter(H)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(H, key=str)
        return {a: (-1.0, 0.0), b: (1.0, 0.0)}
    if n <= _KK_LIMIT:
        start = nx.circular_layout(sorted(H, key=str))
        pos = nx.kamada_kawai_layout(H, pos=start, weight=None)
    elif n <= _FR_LIMIT:
        iterations = 50 if n < 500 else 25
        pos = nx.spring_layout(H, seed=seed, iterations=iterations, weight=None, method="force")
    else:
        pos = nx.random_layout(H, seed=seed)
    return {v: (float(x), float(y)) for v, (x, y) in pos.items()}


def _normalised(pos: dict, size: float) -> dict:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    x0, y0 = min(xs), min(ys)
    span = max(max(xs) - x0, max(ys) - y0) or 1.0
    return {v: ((x - x0) / span * size, (y - y0) / span * size) for v, (x, y) in pos.items()}


def positions(G: nx.Graph, *, nodes: Iterable[Hashable] | None = None, seed: int = 7
              ) -> dict[Hashable, tuple[float, float]]:
    """Positions in the unit square for the nodes of ``G`` (or only ``nodes``).

    Parallel edges and direction are ignored: two actors linked by many
    events are placed as close as two linked by one. Each connected component
    gets a square whose side grows with the square root of its size.
    """
    keep = set(G) if nodes is None else set(nodes) & set(G)
    H = nx.Graph()
    H.add_nodes_from(sorted(keep, key=str))
    H.add_edges_from((u, v) for u, v in G.edges() if u in keep and v in keep and u != v)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(H)), key=lambda c: (-len(c), str(c[0])))
    if not comps:
        return {}
    # Shelf packing: components in rows, largest first, each row as wide as the largest one.
    sides = [math.sqrt(len(c)) for c in comps]
    row_width = max(sides[0], math.sqrt(sum(s * s for s in sides)) * 1.2)
    placed: dict[Hashable, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for comp, side in zip(comps, sides):
        if x > 0 and x + side > row_width + 1e-9:
            x, y, row_height = 0.0, y + row_height, 0.0
        inner = _normalised(_component_layout(H.subgraph(comp), seed), side * 0.8)
        margin = side * 0.1
        for v, (px, py) in inner.items():
            placed[v] = (x + margin + px, y + margin + py)
        x += side
        row_height = max(row_height, side)
    width = max(p[0] for p in placed.values())
    height = max(p[1] for p in placed.values())
    scale = max(width, height) or 1.0
    # y grows downwards in rows; flip so the largest component sits at the top of a figure.
    return {v: (round(px / scale, 6), round(1.0 - py / scale, 6)) for v, (px, py) in sorted(placed.items(), key=lambda kv: str(kv[0]))}

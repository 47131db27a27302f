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

# Small components get stress majorization: it minimises the Kamada-Kawai energy
# (screen distance close to graph distance), which reads best for small
# graphs. It is done here in numpy because networkx's kamada_kawai_layout
# needs scipy.optimize, whose import alone (0.4 s) was a quarter of an
# `actors run`. It is quadratic in memory, so above _KK_LIMIT
# Fruchterman-Reingold (:func:`_force_layout`, numpy only: networkx's
# spring_layout needs scipy above 500 nodes, and is 3 to 9 times slower there),
# with fewer iterations as the component grows (its cost per iteration is
# quadratic), and beyond _FR_LIMIT a seeded random placement:
# no force layout finishes in reasonable time there, and the explorer is not
# meant for such graphs.
_KK_LIMIT = 250
_STRESS_ITERATIONS = 300
_FR_LIMIT = 5000


def _component_layout(H: nx.Graph, seed: int) -> dict[Hashable, tuple[float, float]]:
    n = H.number_of_nodes()
    if n == 1:
        return {next(iter(H)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(H, key=str)
        return {a: (-1.0, 0.0), b: (1.0, 0.0)}
    if n <= _KK_LIMIT:
        pos = _stress_layout(H)
    elif n <= _FR_LIMIT:
        pos = _force_layout(H, seed, iterations=50 if n < 500 else 25)
    else:
        pos = nx.random_layout(H, seed=seed)
    return {v: (float(x), float(y)) for v, (x, y) in pos.items()}


def _force_layout(H: nx.Graph, seed: int, iterations: int = 50) -> dict[Hashable, tuple[float, float]]:
    """Fruchterman-Reingold in numpy alone, as networkx's ``spring_layout`` computes it.

    networkx switches to a scipy.sparse version above 500 nodes (143 MB
    installed, a quarter of a second to import), and its dense version holds
    an n × n × 2 array (400 MB at 5,000 nodes). Here repulsion is computed in
    blocks of rows (memory: a block × n) and attraction along the edges only,
    so the cost is the same n² per iteration without scipy. Deterministic: a
    seeded start, nodes in sorted order.
    """
    import numpy as np

    nodes = sorted(H, key=str)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in H.edges() if u != v], dtype=np.intp).reshape(-1, 2)
    pos = np.random.RandomState(seed).rand(n, 2)
    k = math.sqrt(1.0 / n)
    t = max(float(np.ptp(pos[:, 0])), float(np.ptp(pos[:, 1]))) * 0.1
    dt = t / (iterations + 1)
    block = max(1, min(n, 4_000_000 // (2 * n)))  # rows per block: a few tens of MB at most
    for _ in range(iterations):
        disp = np.zeros((n, 2))
        for lo in range(0, n, block):  # repulsion k²/d along the unit vector, every pair
            dx = pos[lo:lo + block, None, 0] - pos[None, :, 0]
            dy = pos[lo:lo + block, None, 1] - pos[None, :, 1]
            w = k * k / np.maximum(dx * dx + dy * dy, 1e-4)  # distances clipped at 0.01, as networkx does
            disp[lo:lo + block, 0] = (dx * w).sum(axis=1)
            disp[lo:lo + block, 1] = (dy * w).sum(axis=1)
        if len(edges):  # attraction d²/k along each edge
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            d = np.maximum(np.sqrt((delta ** 2).sum(axis=1)), 0.01)
            pull = delta * (d / k)[:, None]
            np.add.at(disp, edges[:, 0], -pull)
            np.add.at(disp, edges[:, 1], pull)
        length = np.sqrt((disp ** 2).sum(axis=1))
        length = np.where(length < 0.01, 0.1, length)
        step = disp * (t / length)[:, None]
        pos += step
        t -= dt
        if np.sqrt((step ** 2).sum()) / n < 1e-4:
            break
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for i, v in enumerate(nodes)}


def _stress_layout(H: nx.Graph) -> dict[Hashable, tuple[float, float]]:
    """Stress majorization (SMACOF, weights 1/d²) from a circle: deterministic, numpy only."""
    import numpy as np

    nodes = sorted(H, key=str)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    d = np.zeros((n, n))
    for v, lengths in nx.all_pairs_shortest_path_length(H):
        for u, k in lengths.items():
            d[index[v], index[u]] = k
    w = np.zeros((n, n))
    off = ~np.eye(n, dtype=bool)
    w[off] = d[off] ** -2.0
    L = -w
    L[np.diag_indices(n)] = w.sum(axis=1)
    L_pinv = np.linalg.pinv(L)
    angle = 2 * np.pi * np.arange(n) / n
    X = np.column_stack([np.cos(angle), np.sin(angle)]) * (d.max() / 2)
    last = np.inf
    for _ in range(_STRESS_ITERATIONS):
        dist = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(axis=2))
        stress = float((w[off] * (dist[off] - d[off]) ** 2).sum())
        if last - stress < 1e-6 * last:
            break
        last = stress
        with np.errstate(divide="ignore", invalid="ignore"):
            B = np.where(dist > 1e-12, -w * d / dist, 0.0)
        B[np.diag_indices(n)] = 0.0
        B[np.diag_indices(n)] = -B.sum(axis=1)
        X = L_pinv @ (B @ X)
    return {v: (float(X[i, 0]), float(X[i, 1])) for i, v in enumerate(nodes)}


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

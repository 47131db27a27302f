"""Layout: deterministic positions, and no scipy needed at any size (issue 18, "Weight")."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import networkx as nx
import numpy as np

from actors.render.layout import _force_layout, positions

ROOT = Path(__file__).resolve().parents[2]


def _component(n: int, seed: int = 1) -> nx.Graph:
    G = nx.gnm_random_graph(n, 3 * n, seed=seed)
    return G.subgraph(max(nx.connected_components(G), key=len)).copy()


def test_large_component_is_laid_out_without_scipy(monkeypatch):
    for name in [m for m in sys.modules if m == "scipy" or m.startswith("scipy.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "scipy", None)  # `import scipy` now raises ImportError
    G = nx.relabel_nodes(_component(700), lambda v: f"a{v}")
    assert len(G) > 500  # above networkx's switch to scipy.sparse
    t = time.perf_counter()
    pos = positions(G)
    assert time.perf_counter() - t < 5
    assert sorted(pos) == sorted(G) and all(0.0 <= c <= 1.0 for xy in pos.values() for c in xy)
    assert positions(G) == pos  # deterministic


def test_force_layout_places_neighbours_close():
    G = nx.gnm_random_graph(800, 1200, seed=2)
    G = G.subgraph(max(nx.connected_components(G), key=len)).copy()
    pos = _force_layout(G, 7, 25)
    P = {v: np.array(xy) for v, xy in pos.items()}
    edge = np.mean([np.linalg.norm(P[u] - P[v]) for u, v in G.edges()])
    nodes = sorted(G)
    rnd = np.random.RandomState(0).randint(0, len(nodes), (3000, 2))
    anyone = np.mean([np.linalg.norm(P[nodes[i]] - P[nodes[j]]) for i, j in rnd])
    assert edge < 0.5 * anyone  # networkx's spring_layout gives the same ratio on such graphs (about 0.35 at this density)


def test_run_imports_no_scipy():
    code = ("import sys, networkx as nx; from actors.render.layout import positions; "
            "positions(nx.gnm_random_graph(600, 1800, seed=1)); assert 'scipy' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)

"""Large graphs made from a small one, for the figures' scale tests (issue 18, "Figures").

Copying the seeds' documents does not grow the graph (extraction merges the
copies' events), so the copies are made at the graph: :func:`scaled_graph`
repeats every event ``n`` times, with new edge ids, either between the same
actors (``actors=False``: n times the events of each pair) or between ``n``
renamed copies of the actors, every third event of copy k reaching into copy
k - 1, so the copies form one large component (n times the actors;
a copy's actor is named by the original's short label and k: "MNLA 3").
"""

from __future__ import annotations

import networkx as nx

from actors.network.graph import label


def scaled_graph(G: nx.MultiDiGraph, n: int, *, actors: bool = True) -> nx.MultiDiGraph:
    """``G`` with every event ``n`` times; copy 0 keeps the original ids (see the module's docstring)."""
    H = nx.MultiDiGraph()
    H.graph.update(G.graph)

    def node(v, k):
        return v if k == 0 or not actors else f"{v}~{k}"

    for k in range(n if actors else 1):
        for v, d in G.nodes(data=True):
            H.add_node(node(v, k), **dict(d, name=d.get("name", v) if k == 0 else f"{label(G, v)} {k}"))
    for k in range(n):
        for i, (u, v, key, d) in enumerate(sorted(G.edges(keys=True, data=True), key=lambda e: e[2])):
            target = node(v, k - 1 if actors and k > 0 and i % 3 == 0 else k)
            H.add_edge(node(u, k), target, key=key if k == 0 else f"{key}~{k}",
                       **dict(d, event_id=f"{d.get('event_id')}~{k}" if k else d.get("event_id")))
    return H

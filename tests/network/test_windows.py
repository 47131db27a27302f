"""window(): the same edges, nodes and order as a filter over every edge, from a cached interval index."""

from __future__ import annotations

import datetime as dt
import pickle

import networkx as nx
import pytest
from hypothesis import given, settings, strategies as st

from actors.network import windows
from actors.network.windows import window

DAYS = [dt.date(2012, 1, 1) + dt.timedelta(days=n) for n in (0, 1, 2, 5, 10, 31, 60, 366)]


def brute(G: nx.MultiDiGraph, start, end, mode: str = "overlap", keep_isolated: bool = False) -> nx.MultiDiGraph:
    """The old window(): a networkx view whose filter applies the rule to every edge."""
    day = lambda x: None if x is None else dt.date.fromisoformat(x) if isinstance(x, str) else x  # noqa: E731
    ws, we = day(start), day(end)

    def keep(u, v, k) -> bool:
        d = G.succ[u][v][k]
        s, e = day(d.get("start")), day(d.get("end"))
        if s is None or e is None or e <= ws or (we is not None and s >= we):
            return False
        return mode == "overlap" or (s >= ws and (we is None or e <= we))

    if keep_isolated:
        return nx.subgraph_view(G, filter_edge=keep)
    touched = {n for u, v, k in G.edges(keys=True) if keep(u, v, k) for n in (u, v)}
    return nx.subgraph_view(G, filter_node=touched.__contains__, filter_edge=keep)


def assert_same(W: nx.MultiDiGraph, B: nx.MultiDiGraph) -> None:
    """Same nodes, edges, keys, data (the very dicts) and order, both ways round."""
    assert list(W.nodes) == list(B.nodes)
    assert list(W.edges(keys=True)) == list(B.edges(keys=True))
    assert list(W.in_edges(keys=True)) == list(B.in_edges(keys=True))
    assert all(d is B.edges[u, v, k] for u, v, k, d in W.edges(keys=True, data=True))
    assert all(W.nodes[n] is B.nodes[n] for n in W)
    assert dict(W.degree()) == dict(B.degree()) and W.number_of_edges() == B.number_of_edges()
    assert nx.utils.graphs_equal(W, B) and nx.is_frozen(W)


_when = st.sampled_from(DAYS)
_span = st.one_of(st.none(), st.tuples(_when, _when).map(sorted), st.tuples(_when, st.none()))
_edge = st.tuples(st.integers(0, 5), st.integers(0, 5), st.sampled_from("abc"), _span, st.booleans())


def _add(G: nx.MultiDiGraph, u, v, key, span, as_text: bool) -> None:
    s, e = span if span is not None else (None, None)
    text = (lambda x: x.isoformat() if as_text and x is not None else x)
    G.add_edge(u, v, key=key, start=text(s), end=text(e), relation="fought-against")


@settings(max_examples=300, deadline=None)
@given(st.lists(_edge, max_size=25), st.lists(_edge, max_size=4), _when, st.one_of(st.none(), _when),
       st.sampled_from(["overlap", "within"]), st.booleans(), st.lists(st.integers(0, 30), max_size=3),
       st.booleans())
def test_window_equals_the_filter_over_every_edge(edges, later, w_start, w_end, mode, keep_isolated, drop,
                                                  isolated):
    """Random intervals (boundaries shared with the windows', empty and open ones), undated and
    half-dated edges, parallel edges and self-loops; then edges added and removed between calls."""
    G = nx.MultiDiGraph()
    if isolated:
        G.add_node(9)
    for u, v, key, span, as_text in edges:
        _add(G, u, v, key, span, as_text)
    assert_same(window(G, w_start, w_end, mode=mode, keep_isolated=keep_isolated),
                brute(G, w_start, w_end, mode, keep_isolated))
    for u, v, key, span, as_text in later:  # the cached index must notice
        _add(G, u, v, key, span, as_text)
    for i in drop:
        present = list(G.edges(keys=True))
        if present:
            G.remove_edge(*present[i % len(present)])
    assert_same(window(G, w_start, w_end, mode=mode, keep_isolated=keep_isolated),
                brute(G, w_start, w_end, mode, keep_isolated))


def test_window_of_the_world(world_graph):
    for start, end in (("2001-01-01", "2002-01-01"), ("2003-06-01", None), ("1990-01-01", "2030-01-01")):
        for mode in windows.MODES:
            assert_same(window(world_graph, start, end, mode=mode), brute(world_graph, start, end, mode))


def test_the_index_is_built_once_and_rebuilt_when_the_graph_changes(world_graph):
    G = world_graph
    window(G, "2001-01-01", "2002-01-01")
    index = windows._INDEXES[G]
    window(G, "2002-01-01", "2003-01-01")
    assert windows._INDEXES[G] is index
    # a change through networkx (even one that keeps the counts) clears the graph's cache
    nx.set_edge_attributes(G, {("nf", "crescent", "w04"): {"start": "1999-01-01", "end": "1999-02-01"}})
    assert "w04" in {k for *_, k in window(G, "1999-01-01", "2000-01-01").edges(keys=True)}
    assert windows._INDEXES[G] is not index
    # an edit in place is not seen until the cache is cleared
    G.edges["nf", "crescent", "w04"]["start"] = G.edges["nf", "crescent", "w04"]["end"] = None
    assert "w04" in {k for *_, k in window(G, "1999-01-01", "2000-01-01").edges(keys=True)}
    G.__networkx_cache__.clear()
    assert "w04" not in {k for *_, k in window(G, "1999-01-01", "2000-01-01").edges(keys=True)}


def test_copies_pickles_views_and_windows_of_windows(world_graph):
    G = world_graph
    W = window(G, "2001-01-01", "2003-01-01")
    assert b"polars" not in pickle.dumps(G)  # the index (a polars frame) stays out of the graph
    H = pickle.loads(pickle.dumps(G))
    assert [*window(H, "2001-01-01", "2003-01-01").edges(keys=True)] == [*W.edges(keys=True)]
    assert_same(window(W, "2002-01-01", "2003-01-01"), brute(G, "2002-01-01", "2003-01-01"))
    with pytest.raises(nx.NetworkXError, match="Frozen"):
        W.add_edge("a", "b")
    V = G.subgraph(["nf", "crescent", "state"])  # a view: indexed afresh each time
    assert_same(window(V, "2001-01-01", "2003-01-01"), brute(V, "2001-01-01", "2003-01-01"))
    G.remove_node("state")
    assert_same(window(V, "2001-01-01", "2003-01-01"), brute(V, "2001-01-01", "2003-01-01"))
    assert "state" in W  # a window keeps the edges it was made with


def test_bad_arguments():
    G = nx.MultiDiGraph()
    with pytest.raises(ValueError, match="mode"):
        window(G, "2012-01-01", mode="during")
    with pytest.raises(TypeError, match="start"):
        window(G, None)

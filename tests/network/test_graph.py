"""The temporal multigraph and its windows, on the fictional world and the seeds."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import polars as pl
import pytest
from hypothesis import given, settings, strategies as st

import world
from actors.errors import DataFileError
from actors.network.graph import build_graph, edge_frame, edge_frame_of_table
from actors.network.windows import assign_periods, load_periods, make_periods, phases, placement, window, yearly


def test_one_edge_per_row_keyed_by_edge_id(world_graph):
    G = world_graph
    assert isinstance(G, nx.MultiDiGraph)
    assert G.number_of_edges() == len(world.EDGES)
    assert sorted(k for _, _, k in G.edges(keys=True)) == sorted(e[0] for e in world.EDGES)
    # parallel edges between the same pair are kept
    assert set(G["nf"]["crescent"]) == {"w04", "w05", "w06"}


def test_edge_attributes(world_graph):
    d = world_graph.edges["un", "state", "w15"]
    assert (d["relation"], d["date"], d["precision"], d["status"]) == ("allied-with", "2003", "year", "reported")
    assert (d["start"], d["end"]) == ("2003-01-01", "2004-01-01")
    assert d["evidence"].startswith("Throughout 2003") and d["doc"] == "veld.txt"
    assert d["claimant"] is None
    assert world_graph.edges["banner", "un", "w12"]["claimant"] == "banner"
    undated = world_graph.edges["nf", "crescent", "w06"]
    assert undated["start"] is None and undated["end"] is None


def test_node_attributes(world_graph):
    n = world_graph.nodes["nf"]
    assert n["name"] == "Northern Front" and n["kind"] == "rebel movement"
    assert n["aliases"] == ["NF", "the Front"] and n["mentions"] == 8
    assert (n["first_seen"], n["last_seen"]) == ("2000-01-01", "2004-02-29")
    assert world_graph.nodes["generic-rebels"]["generic"] is True


def test_seed_graph_has_every_edge_row(seed_frames, seed_graph):
    edges, _ = seed_frames
    assert seed_graph.number_of_edges() == edges.height
    assert {"mnla", "ansar-dine", "jnim", "mali"} <= set(seed_graph)


def test_window_is_a_view_with_the_imprecise_rule(world_graph):
    W = window(world_graph, "2003-06-01", "2003-07-01")
    assert nx.is_frozen(W)
    # w11 (1 June 2003) is inside; w15 ("2003") overlaps; nothing else
    assert sorted(k for _, _, k in W.edges(keys=True)) == ["w11", "w15"]
    assert sorted(W) == ["banner", "state", "un"]
    W2 = window(world_graph, "2003-06-01", "2003-07-01", mode="within")
    assert [k for _, _, k in W2.edges(keys=True)] == ["w11"]
    # a view sees later changes to the graph: nothing was copied
    world_graph.add_edge("nf", "un", key="late", relation="allied-with", start="2003-06-02", end="2003-06-03")
    assert "late" in {k for _, _, k in window(world_graph, "2003-06-01", "2003-07-01").edges(keys=True)}


def test_window_excludes_undated_and_bad_mode(world_graph):
    keys = {k for _, _, k in window(world_graph, "1900-01-01", "2100-01-01").edges(keys=True)}
    assert "w06" not in keys and len(keys) == len(world.EDGES) - 1
    with pytest.raises(ValueError):
        window(world_graph, "2003-01-01", "2004-01-01", mode="sometimes")


@pytest.mark.parametrize("edge, win, expected", [
    (("2012-01-01", "2013-01-01"), ("2012-06-01", "2012-07-01"), "imprecise"),
    (("2012-06-08", "2012-06-09"), ("2012-06-01", "2012-07-01"), "precise"),
    (("2012-06-30", "2012-07-01"), ("2012-07-01", "2012-08-01"), None),  # end is exclusive
    (("2012-07-01", "2012-07-02"), ("2012-06-01", "2012-07-01"), None),
    (("2030-01-01", "2030-01-02"), ("2023-01-01", None), "precise"),     # open window
    ((None, None), ("2012-01-01", "2013-01-01"), None),
])
def test_placement(edge, win, expected):
    assert placement(*edge, *win) == expected


def test_periodisations(world_graph):
    years = yearly(world_graph)
    assert [p.id for p in years] == ["2000", "2001", "2002", "2003", "2004"]
    named = phases()
    labels = [p.label for p in named]
    for wanted in ("2008–2009 Tuareg rebellion", "2012 rebellion", "2012 Islamist takeover of the north",
                   "2013–2014 French intervention", "2015–2016 Algiers accord era", "2017–2019 JNIM era",
                   "2020–2021 coups", "2022 Wagner arrival and French exit", "2023– renewed war with the CMA/CSP"):
        assert wanted in labels
    assert named[-1].end is None
    assert all(a.end is not None and a.end <= b.start for a, b in zip(named, named[1:]))
    mine = make_periods([("before accord", "2001-01-01", "2003-09-20"), ("after", "2003-09-20", None)])
    assert mine[0].end == dt.date(2003, 9, 20) and mine[1].end is None


def test_bad_periods_are_named(tmp_path):
    with pytest.raises(DataFileError) as err:
        make_periods([("ok", "2001-01-01", "2002-01-01"), ("", "2001-01-01", "2002-01-01"),
                      ("x", "2001-13-01", None), ("ok", "2001-01-01", None)])
    text = str(err.value)
    assert "period #2" in text and "label" in text
    assert "period #3" in text and "ISO" in text
    assert "period #4" in text and "duplicate" in text
    bad = tmp_path / "p.toml"
    bad.write_text("[[period]]\nlabel = 'a'\nstart = 2001-01-01\nend = 2000-01-01\n")
    with pytest.raises(DataFileError, match=r"p.toml: period #1 .* not after"):
        load_periods(bad)
    bad.write_text("[[period]\n")
    with pytest.raises(DataFileError, match="not valid TOML"):
        load_periods(bad)


def test_assign_periods_marks_imprecise(world_graph):
    f = edge_frame(world_graph)
    half = make_periods([("H1 2003", "2003-01-01", "2003-07-01")])
    rows = assign_periods(f, half)
    got = {r["edge_id"]: r["imprecise"] for r in rows.iter_rows(named=True)}
    assert got == {"w09": False, "w10": False, "w11": False, "w15": True}
    assert set(assign_periods(f, half, mode="within")["edge_id"]) == {"w09", "w10", "w11"}
    # the yearly windows hold each dated edge exactly once
    yearly_rows = assign_periods(f, yearly(world_graph))
    assert yearly_rows.height == f.filter(f["start"].is_not_null()).height


def test_edge_frame_pairs_and_filters(world_graph):
    f = edge_frame(world_graph)
    r = f.filter(f["edge_id"] == "w04").row(0, named=True)
    assert (r["a"], r["b"], r["sign"]) == ("crescent", "nf", -1)  # symmetric: sorted
    r = f.filter(f["edge_id"] == "w08").row(0, named=True)
    assert (r["a"], r["b"], r["sign"]) == ("lions", "crescent", 0)  # directed: as given
    assert "w05" not in set(edge_frame(world_graph, statuses=("reported", "claimed", "alleged"))["edge_id"])
    assert set(edge_frame(world_graph, relations=("split-from",))["edge_id"]) == {"w07", "w08"}


def _generic(G):
    return {n for n, g in G.nodes(data="generic") if g}


def test_edge_frame_of_table_is_the_graphs_row_for_row(seed_frames, seed_graph):
    edges, actors = world.frames()
    G = build_graph(edges, actors)
    for kw in ({}, {"statuses": ("reported", "claimed")}, {"relations": ("allied-with", "split-from")}):
        assert edge_frame_of_table(edges, generic=_generic(G), **kw).equals(edge_frame(G, **kw)), kw
    shuffled = edges.sample(fraction=1.0, shuffle=True, seed=3)  # a target's place: its first edge's
    assert edge_frame_of_table(shuffled, generic=_generic(G)).equals(edge_frame(build_graph(shuffled, actors)))
    assert edge_frame_of_table(seed_frames[0], generic=_generic(seed_graph)).equals(edge_frame(seed_graph))


def test_the_analyses_are_the_same_from_the_table(seed_frames, seed_graph):
    from actors.analysis.analyses import analyse

    A, B = analyse(seed_graph), analyse(seed_graph, edges=edge_frame_of_table(seed_frames[0],
                                                                               generic=_generic(seed_graph)))
    for name in ("shifts", "exclusions", "coalition", "genealogy", "balance", "frustrated", "centrality", "blocs"):
        assert getattr(A, name).equals(getattr(B, name)), name


def test_build_graph_without_actor_table():
    edges, _ = world.frames()
    G = build_graph(edges)
    assert G.nodes["nf"]["name"] == "nf" and G.nodes["generic-rebels"]["generic"] is True


def test_fast_build_equals_networkx_add_edges_from():
    edges, actors = world.frames()
    G = build_graph(edges, actors)
    H = nx.MultiDiGraph(name="actors")
    H.add_nodes_from(G.nodes(data=True))
    H.add_edges_from((u, v, k, dict(d)) for u, v, k, d in G.edges(keys=True, data=True))
    assert nx.utils.graphs_equal(G, H)
    assert sorted(G.pred["state"]) == sorted(H.pred["state"])
    assert G.number_of_edges("nf", "crescent") == 3 and G.has_edge("nf", "crescent", key="w05")
    # and the graph stays a normal networkx graph: edits work
    G.remove_edge("nf", "crescent", key="w05")
    assert G.number_of_edges("nf", "crescent") == 2 and "w05" not in G.pred["crescent"]["nf"]



def test_every_edge_dict_has_every_attribute_and_shares_repeated_values():
    from actors.network.graph import _ATTRIBUTES, _EDGE_FIELDS

    edges, actors = world.frames()
    G = build_graph(edges, actors)
    dicts = [d for _, _, d in G.edges(data=True)]
    assert _ATTRIBUTES == (*(name for name, _ in _EDGE_FIELDS), "start", "end")
    assert all(tuple(d) == _ATTRIBUTES for d in dicts)
    for name in ("relation", "status", "start"):  # one object per distinct value
        values = [d[name] for d in dicts if d[name] is not None]
        assert len({id(x) for x in values}) == len(set(values))

def test_repeated_edge_ids_are_refused():
    edges, _ = world.frames()
    with pytest.raises(ValueError, match="w01"):
        build_graph(pl.concat([edges, edges.head(1)]))


_day = st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2003, 12, 31))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(_day, st.integers(1, 400)), max_size=15), _day, st.integers(1, 500),
       st.sampled_from(["overlap", "within"]))
def test_view_and_vectorised_windows_agree(intervals, w_start, length, mode):
    """window() (the view) and assign_periods() (the analyses' filter) apply one rule."""
    G = nx.MultiDiGraph()
    for i, (start, days) in enumerate(intervals):
        G.add_edge(f"n{i % 4}", f"n{(i + 1) % 4}", key=f"e{i}", relation="fought-against", status="reported",
                   start=start.isoformat(), end=(start + dt.timedelta(days=days)).isoformat())
    w_end = w_start + dt.timedelta(days=length)
    view = {k for _, _, k in window(G, w_start, w_end, mode=mode).edges(keys=True)}
    period = make_periods([("w", w_start, w_end)])
    rows = assign_periods(edge_frame(G), period, mode=mode)
    assert view == set(rows["edge_id"])
    for r in rows.iter_rows(named=True):
        d = G.edges[r["source"], r["target"], r["edge_id"]]
        assert r["imprecise"] == (placement(d["start"], d["end"], w_start, w_end) == "imprecise")

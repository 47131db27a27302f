"""Centrality and blocs: the fictional world by hand, properties on random graphs, the seeds."""

from __future__ import annotations

import itertools

import networkx as nx
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actors.analysis.balance import signed_pairs
from actors.analysis.centrality import blocs, centrality
from actors.network.windows import make_periods, phases

ALL = ("reported", "claimed", "alleged", "denied")
RELATION_COLUMNS = ("fought_against", "allied_with", "split_from", "member_of")


def rows_of(frame: pl.DataFrame, period: str) -> dict[str, dict]:
    return {r["actor"]: r for r in frame.filter(pl.col("period") == period).iter_rows(named=True)}


def test_world_centrality_by_hand(world_graph):
    table = centrality(world_graph)
    y2003 = rows_of(table, "2003")
    # the Banner is the only way from its two members to everyone else,
    # and half of the Front–UN shortest paths: (7 + 0.5) pairs of the 10 not involving it
    banner = y2003["banner"]
    assert banner["rank"] == 1 and banner["betweenness"] == pytest.approx(0.75)
    assert (banner["degree"], banner["fought_against"], banner["allied_with"], banner["member_of"],
            banner["events"]) == (5, 3, 0, 2, 5)
    state = y2003["state"]
    assert state["rank"] == 2 and state["betweenness"] == pytest.approx(0.05)
    assert (state["degree"], state["fought_against"], state["allied_with"]) == (3, 1, 2)
    assert banner["name"] == "Black Banner" and banner["betweenness_method"] == "exact"
    # 2004 (the generic "rebels" left out): the state links the Banner to the Front
    # and to the UN, not the Front to the UN (they fought directly): 2 of 3 pairs
    y2004 = rows_of(table, "2004")
    assert y2004["state"]["rank"] == 1 and y2004["state"]["betweenness"] == pytest.approx(2 / 3)
    assert "generic-rebels" not in y2004
    # split-from counts for both ends; direction is ignored
    y2000 = rows_of(table, "2000")
    assert y2000["nf"]["split_from"] == y2000["oldfront"]["split_from"] == 1
    # a three-way fight: betweenness ties at 0, ranks by degree, events, then id
    y2001 = table.filter(pl.col("period") == "2001")
    assert y2001["actor"].to_list() == ["crescent", "nf", "state"] and y2001["rank"].to_list() == [1, 2, 3]
    assert table["evidence"].null_count() == 0 and table["edge_id"].null_count() == 0
    assert table["period"].unique(maintain_order=True).to_list() == ["2000", "2001", "2002", "2003", "2004"]


def test_denied_undated_and_statuses(world_graph):
    crescent = rows_of(centrality(world_graph), "2001")["crescent"]
    assert (crescent["allied_with"], crescent["events"]) == (1, 3)  # w02 only: w05 denied, w06 undated
    crescent = rows_of(centrality(world_graph, statuses=ALL), "2001")["crescent"]
    assert (crescent["allied_with"], crescent["events"]) == (1, 4)  # same counterpart, one more event
    nf = rows_of(centrality(world_graph, statuses=("reported",)), "2003")["nf"]
    assert (nf["degree"], nf["fought_against"]) == (1, 0)  # alleged w14 gone


def test_top_and_sampled_betweenness(world_graph):
    top = centrality(world_graph, top=1)
    assert top.group_by("period").len()["len"].max() == 1 and set(top["rank"]) == {1}
    with pytest.raises(ValueError):
        centrality(world_graph, top=0)
    # a tiny budget samples MIN_PIVOTS sources wherever a window has more actors; fixed seed: same result
    sampled = centrality(world_graph, betweenness_budget=1)
    assert rows_of(sampled, "2003")["banner"]["betweenness_method"] == "sampled, 4 of 6 pivots"
    assert rows_of(sampled, "2001")["nf"]["betweenness_method"] == "exact"
    assert sampled.equals(centrality(world_graph, betweenness_budget=1))


def test_an_actor_with_no_relation_dated_in_a_window_is_never_ranked(world_graph):
    halves = make_periods([("H1 2003", "2003-01-01", "2003-07-01")])
    # un's only relation that might fall in the first half of 2003 is w15, dated "2003": un is not ranked,
    # and state, ranked on its dated relations, counts w15 apart
    c = centrality(world_graph, periods=halves)
    assert "un" not in c["actor"].to_list()
    state = c.filter(pl.col("actor") == "state").row(0, named=True)
    # state's one relation dated in the half (w11, 1 June), among the window's three events
    assert (state["events"], state["imprecise_events"], state["thin"], state["window_events"]) == (1, 1, True, 3)
    assert "un" in centrality(world_graph, periods=halves, mode="overlap")["actor"].to_list()


def test_world_blocs(world_graph):
    table = blocs(world_graph)
    assert table["period"].to_list() == ["2003", "2004"]  # 2001: the March alliance ended in July
    b2003, b2004 = table.iter_rows(named=True)
    assert (b2003["bloc"], b2003["members"], b2003["size"], b2003["allied_pairs"]) == (1, "nf; state; un", 3, 2)
    assert (b2003["internal_hostile_pairs"], b2003["enemies"]) == (0, "banner")
    assert b2003["edge_ids"] == "w15; w13"  # "2003" starts before 20 September 2003
    assert b2003["evidence"].startswith("2003 [w15, veld.txt] Throughout 2003")
    assert "2003-09-20 [w13, veld.txt] On 20 September 2003" in b2003["evidence"]
    assert (b2004["members"], b2004["internal_hostile_pairs"], b2004["enemies"]) == (
        "nf; state; un", 1, "banner")  # the Front fired on the UN: not clean
    with_generic = blocs(world_graph, include_generic=True).row(1, named=True)
    assert with_generic["enemies"] == "banner; generic-rebels"


def test_blocs_follow_statuses_and_periods(world_graph):
    # the denial taken as fact renews the Front–Crescent alliance in September 2001
    b = blocs(world_graph, statuses=ALL).filter(pl.col("period") == "2001").row(0, named=True)
    assert (b["members"], b["enemies"], b["edge_ids"]) == ("crescent; nf", "state", "w05")
    before = make_periods([("before the accord", "2001-01-01", "2003-09-20"), ("after", "2003-09-20", None)])
    # state–un's alliance is dated only "2003", which the accord's day cuts in two: it only might fall
    # before the accord, so by default no bloc stands on it there; "overlap" counts it (one event: thin)
    (after,) = blocs(world_graph, periods=before).iter_rows(named=True)
    assert (after["period"], after["members"], after["events"], after["thin"]) == ("after", "nf; state; un", 3, False)
    first, second = blocs(world_graph, periods=before, mode="overlap").iter_rows(named=True)
    assert (first["period"], first["members"], first["enemies"]) == ("before the accord", "state; un",
                                                                      "banner; crescent; nf")
    assert (first["events"], first["thin"]) == (1, True)
    assert (second["period"], second["members"], second["end"]) == ("after", "nf; state; un", None)


# -- properties ---------------------------------------------------------------------

@st.composite
def event_graphs(draw):
    n = draw(st.integers(2, 8))
    actors = [f"x{i}" for i in range(n)]
    pairs = list(itertools.permutations(actors, 2))
    G = nx.MultiDiGraph()
    G.add_nodes_from(actors)
    for k in range(draw(st.integers(0, 20))):
        u, v = draw(st.sampled_from(pairs))
        G.add_edge(u, v, key=f"e{k:02d}", relation=draw(st.sampled_from(
            ["fought-against", "allied-with", "split-from", "member-of"])),
            status="reported", start=f"2001-0{draw(st.integers(1, 9))}-01", end="2001-12-31",
            date="2001", doc="d.txt", evidence=f"Sentence {k}.")
    return G


YEAR = make_periods([("2001", "2001-01-01", "2002-01-01")])


@settings(max_examples=60, deadline=None)
@given(event_graphs())
def test_centrality_matches_the_projection(G):
    table = centrality(G, periods=YEAR)
    H = nx.Graph(G.to_undirected())
    expected = nx.betweenness_centrality(H.subgraph([n for n in H if H.degree(n)]))
    assert set(table["actor"]) == set(expected)
    for r in table.iter_rows(named=True):
        assert r["degree"] == H.degree(r["actor"])
        assert r["betweenness"] == pytest.approx(expected[r["actor"]])
        assert max(r[c] for c in RELATION_COLUMNS) <= r["degree"] <= sum(r[c] for c in RELATION_COLUMNS)
        assert r["events"] == G.degree(r["actor"])
    assert table["rank"].to_list() == list(range(1, table.height + 1))


@settings(max_examples=60, deadline=None)
@given(event_graphs())
def test_blocs_partition_the_allied_pairs(G):
    table = blocs(G, periods=YEAR)
    pairs = signed_pairs(G, periods=YEAR)
    positive = pairs.filter(pl.col("sign") > 0)
    members = [m.split("; ") for m in table["members"]]
    seen = [x for group in members for x in group]
    assert len(seen) == len(set(seen))  # disjoint
    assert set(seen) == set(positive["a"]) | set(positive["b"])
    assert all(len(group) >= 2 and group == sorted(group) for group in members)
    assert table["size"].to_list() == sorted(table["size"].to_list(), reverse=True)
    assert table["allied_pairs"].sum() == positive.height
    where = {x: i for i, group in enumerate(members) for x in group}
    inside = sum(1 for r in pairs.filter(pl.col("sign") < 0).iter_rows(named=True)
                 if r["a"] in where and where[r["a"]] == where.get(r["b"]))
    assert table["internal_hostile_pairs"].sum() == inside


# -- the seeds -------------------------------------------------------------------------

def test_seeds_over_phases(seed_graph):
    named = phases()
    top = centrality(seed_graph, periods=named, top=3)
    assert top.group_by("period").len()["len"].max() <= 3
    assert top["evidence"].null_count() == 0
    assert set(top["period"]) <= {p.id for p in named}
    table = blocs(seed_graph, periods=named)
    assert table["evidence"].null_count() == 0 and (table["size"] >= 2).all()
    order = {p.id: i for i, p in enumerate(named)}
    keys = [(order[p], b) for p, b in zip(table["period"], table["bloc"])]
    assert keys == sorted(keys)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=30))
def test_the_projection_is_the_graph_add_edges_from_makes(pairs):
    from actors.analysis.centrality import _projection

    links = sorted({(f"n{min(u, v)}", f"n{max(u, v)}") for u, v in pairs if u != v})
    lo, hi = [a for a, _ in links], [b for _, b in links]
    H, ref = _projection(lo, hi), nx.Graph()
    ref.add_edges_from(zip(lo, hi))
    assert nx.utils.graphs_equal(H, ref)
    assert list(H) == list(ref) and all(list(H[n]) == list(ref[n]) for n in H)
    assert all(H[u][v] is H[v][u] for u, v in H.edges)
    for k in (None, min(2, len(H))):  # the same betweenness, to the last bit
        assert nx.betweenness_centrality(H, k=k, seed=0) == nx.betweenness_centrality(ref, k=k, seed=0)

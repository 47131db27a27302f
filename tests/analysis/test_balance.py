"""Structural balance: the fictional world by hand, properties of the frustration index, the seeds."""

from __future__ import annotations

import itertools

import networkx as nx
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actors.analysis.balance import (EXACT_LIMIT, balance_tables, frustrated_edges, frustration_index, signed_pairs,
                            structural_balance)
from actors.network.graph import edge_frame
from actors.network.windows import make_periods, phases, yearly

ALL = ("reported", "claimed", "alleged", "denied", "disputed")


def by_period(frame: pl.DataFrame) -> dict[str, dict]:
    return {r["period"]: r for r in frame.iter_rows(named=True)}


def pairs_of(frame: pl.DataFrame, period: str) -> set[tuple[str, str, int]]:
    return {(r["a"], r["b"], r["sign"]) for r in frame.filter(pl.col("period") == period).iter_rows(named=True)}


# -- the fictional world ----------------------------------------------------------

def test_world_signed_pairs_match_the_docstring(world_graph):
    pairs = signed_pairs(world_graph)
    assert pairs_of(pairs, "2001") == {("nf", "state", -1), ("crescent", "nf", -1), ("crescent", "state", -1)}
    assert pairs_of(pairs, "2003") == {("banner", "state", -1), ("banner", "un", -1), ("nf", "state", 1),
                                       ("banner", "nf", -1), ("state", "un", 1)}
    assert pairs_of(pairs, "2004") == {("nf", "state", 1), ("state", "un", 1), ("nf", "un", -1),
                                       ("banner", "state", -1)}
    # generic mentions ("the rebels") stand for many actors: out unless asked for
    assert ("generic-rebels", "state", -1) in pairs_of(signed_pairs(world_graph, include_generic=True), "2004")
    assert pairs_of(pairs, "2000") == pairs_of(pairs, "2002") == set()
    # the latest event sets the sign and is cited; both signs make the pair ambivalent
    r = pairs.filter((pl.col("period") == "2001") & (pl.col("a") == "crescent") & (pl.col("b") == "nf")).row(0, named=True)
    assert (r["edge_id"], r["events"], r["ambivalent"], r["date"]) == ("w04", 2, True, "2001-07-02")
    assert r["evidence"].startswith("On 2 July 2001") and r["doc"] == "veld.txt"


def test_world_structural_balance_by_hand(world_graph):
    rows = by_period(structural_balance(world_graph))
    assert list(rows) == ["2000", "2001", "2002", "2003", "2004"]
    want = {  # actors, +, -, ambivalent, triangles, balanced, frustration
        "2001": (3, 0, 3, 1, 1, 0, 1),
        "2003": (4, 2, 3, 0, 2, 2, 0),
        "2004": (4, 2, 2, 0, 1, 0, 1),
        "2002": (0, 0, 0, 0, 0, 0, 0),
    }
    for period, values in want.items():
        r = rows[period]
        got = (r["actors"], r["positive"], r["negative"], r["ambivalent_pairs"], r["triangles"],
               r["balanced_triangles"], r["frustration_index"])
        assert got == values, period
        assert r["frustration_method"] == "exact"
    assert rows["2003"]["balanced_share"] == 1.0 and rows["2001"]["balanced_share"] == 0.0
    assert rows["2002"]["balanced_share"] is None and rows["2002"]["evidence"] is None
    assert (rows["2003"]["start"], rows["2003"]["end"]) == ("2003-01-01", "2004-01-01")
    assert rows["2001"]["events"] == 4  # w01-w04; denied w05 and undated w06 are out
    assert all(r["undated_edges"] == 1 for r in rows.values())  # w06
    # a cited example: a frustrated pair's deciding event
    assert rows["2004"]["edge_id"] in {"w16", "w17", "w18"} and rows["2004"]["evidence"]


def test_world_frustrated_edges(world_graph):
    bad = frustrated_edges(world_graph)
    assert bad["period"].to_list() == ["2001", "2004"]
    r2001, r2004 = bad.iter_rows(named=True)
    assert (r2001["a"], r2001["b"]) in {("nf", "state"), ("crescent", "nf"), ("crescent", "state")}
    assert r2004["edge_id"] in {"w16", "w17", "w18"}
    for r in (r2001, r2004):
        assert r["evidence"] and r["doc"] == "veld.txt" and r["date"] and r["frustration_method"] == "exact"
    # one pass gives both tables, the same as the two calls
    summary, frustrated = balance_tables(world_graph)
    assert summary.equals(structural_balance(world_graph)) and frustrated.equals(bad)


def test_denied_and_undated_never_count_unless_asked(world_graph):
    ids = set(signed_pairs(world_graph, statuses=ALL)["edge_id"])
    assert "w06" not in ids  # undated: in no window whatever the statuses
    assert "w05" not in set(signed_pairs(world_graph)["edge_id"])
    # counting the denial as fact flips Front–Crescent back to allied in September 2001,
    # and the 2001 triangle (- - +) becomes balanced
    r = by_period(structural_balance(world_graph, statuses=ALL))["2001"]
    assert (r["positive"], r["negative"], r["balanced_triangles"], r["frustration_index"]) == (1, 2, 1, 0)


def test_statuses_option_drops_the_allegation(world_graph):
    rows = by_period(structural_balance(world_graph, statuses=("reported", "claimed")))
    r = rows["2003"]  # w14 (alleged Front–Banner fighting) is gone: one triangle left
    assert (r["positive"], r["negative"], r["triangles"], r["balanced_triangles"]) == (2, 2, 1, 1)
    assert "w14" not in set(signed_pairs(world_graph, statuses=("reported", "claimed"))["edge_id"])
    with pytest.raises(ValueError, match="unknown status"):
        structural_balance(world_graph, statuses=("rumoured",))
    with pytest.raises(ValueError, match="mode"):
        structural_balance(world_graph, mode="sometimes")


def test_periods_mode_and_precomputed_edges(world_graph):
    half = make_periods([("H1 2003", "2003-01-01", "2003-07-01")])
    # w15 ("2003") only might fall in the first half of 2003: by default left out and counted apart;
    # "overlap" counts it, flagged; either way the period says one event was imprecise
    r = structural_balance(world_graph, periods=half).row(0, named=True)
    assert (r["period"], r["positive"], r["negative"], r["imprecise_edges"]) == ("H1 2003", 0, 1, 1)
    assert r["thin"] and r["triangles"] == 0
    r = structural_balance(world_graph, periods=half, mode="overlap").row(0, named=True)
    assert (r["positive"], r["negative"], r["imprecise_edges"]) == (1, 1, 1)
    open_ended = make_periods([("after the accord", "2003-09-20", None)])
    r = structural_balance(world_graph, periods=open_ended).row(0, named=True)
    assert r["end"] is None and r["frustration_index"] == 1
    frame = edge_frame(world_graph)
    assert structural_balance(None, edges=frame, periods=yearly(world_graph)).equals(structural_balance(world_graph))
    assert structural_balance(world_graph, periods=[]).height == 0


def test_frustration_index_on_small_graphs():
    triangle = nx.Graph([(1, 2, {"sign": -1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1})])
    assert frustration_index(triangle)[:2] == (1, "exact")
    # two unbalanced triangles sharing actor 3: two blocks, solved apart
    bowtie = nx.Graph(triangle)
    bowtie.add_edges_from([(3, 4, {"sign": 1}), (4, 5, {"sign": 1}), (3, 5, {"sign": -1}), (5, 6, {"sign": -1})])
    value, method, camps = frustration_index(bowtie)
    assert (value, method) == (2, "exact") and set(camps) == set(range(1, 7))
    assert frustration_index(bowtie, exact_limit=2)[1] == "local-search upper bound"
    loops = nx.Graph([(1, 1, {"sign": -1}), (2, 2, {"sign": 1}), (1, 2, {"sign": 1})])
    assert frustration_index(loops)[0] == 1
    assert frustration_index(nx.Graph())[0] == 0
    with pytest.raises(ValueError, match="sign"):
        frustration_index(nx.Graph([(1, 2, {"sign": 0})]))
    with pytest.raises(ValueError, match="sign"):
        frustration_index(nx.Graph([(1, 2)]))


# -- properties -------------------------------------------------------------------

@st.composite
def signed_graphs(draw, max_nodes: int = 9):
    n = draw(st.integers(1, max_nodes))
    pairs = list(itertools.combinations(range(n), 2))
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs))) if pairs else []
    S = nx.Graph()
    S.add_nodes_from(range(n))
    for u, v in chosen:
        S.add_edge(u, v, sign=draw(st.sampled_from([1, -1])))
    return S


def violated(S: nx.Graph, camps: dict) -> int:
    return sum((camps[u] == camps[v]) != (s > 0) for u, v, s in S.edges(data="sign"))


def brute_force(S: nx.Graph) -> int:
    nodes = list(S)
    if not nodes:
        return 0
    return min(violated(S, dict(zip(nodes, bits))) for bits in itertools.product((0, 1), repeat=len(nodes)))


@settings(max_examples=150, deadline=None)
@given(signed_graphs())
def test_exact_matches_brute_force(S):
    value, method, camps = frustration_index(S)
    assert method == "exact"
    assert value == brute_force(S) == violated(S, camps)
    assert value <= sum(1 for *_, s in S.edges(data="sign") if s < 0)


@settings(max_examples=150, deadline=None)
@given(signed_graphs(max_nodes=12))
def test_heuristic_is_an_upper_bound(S):
    exact = frustration_index(S)[0]
    value, _, camps = frustration_index(S, exact_limit=2)  # every block but a bridge goes to the heuristic
    assert exact <= value == violated(S, camps)
    assert value <= sum(1 for *_, s in S.edges(data="sign") if s < 0)


@settings(max_examples=100, deadline=None)
@given(signed_graphs(max_nodes=30), st.data())
def test_balanced_graphs_have_no_frustration(S, data):
    camp = {x: data.draw(st.sampled_from([0, 1])) for x in S}
    for u, v in S.edges:
        S[u][v]["sign"] = 1 if camp[u] == camp[v] else -1
    for limit in (EXACT_LIMIT, 2):
        value, _, camps = frustration_index(S, exact_limit=limit)
        assert value == 0 == violated(S, camps)


@settings(max_examples=40, deadline=None)
@given(signed_graphs(max_nodes=8))
def test_triangles_of_the_summary_match_enumeration(S):
    G = nx.MultiDiGraph()
    for k, (u, v, s) in enumerate(S.edges(data="sign")):
        G.add_edge(f"n{u}", f"n{v}", key=f"e{k}", relation="allied-with" if s > 0 else "fought-against",
                   status="reported", start="2001-05-01", end="2001-05-02", date="2001-05-01")
    r = structural_balance(G, periods=make_periods([("all", "2001-01-01", "2002-01-01")])).row(0, named=True)
    triangles = [t for t in itertools.combinations(S, 3) if all(S.has_edge(x, y) for x, y in itertools.combinations(t, 2))]
    balanced = [t for t in triangles
                if S[t[0]][t[1]]["sign"] * S[t[1]][t[2]]["sign"] * S[t[0]][t[2]]["sign"] > 0]
    assert (r["triangles"], r["balanced_triangles"]) == (len(triangles), len(balanced))
    assert r["frustration_index"] == brute_force(S)


# -- the seeds ------------------------------------------------------------------------

def test_seeds_over_phases(seed_graph, seed_frames):
    named = phases()
    summary, bad = balance_tables(seed_graph, periods=named)
    assert summary["period"].to_list() == [p.id for p in named]
    for r in summary.iter_rows(named=True):
        assert 0 <= r["balanced_triangles"] <= r["triangles"]
        assert r["frustration_index"] <= r["negative"]
        assert r["positive"] + r["negative"] >= r["ambivalent_pairs"]
        assert (r["frustration_method"] == "exact") == (r["largest_block"] <= EXACT_LIMIT)
        assert bad.filter(pl.col("period") == r["period"]).height == r["frustration_index"]
        if r["actors"]:
            assert r["evidence"] and r["edge_id"] and r["doc"]
    assert bad["evidence"].null_count() == 0
    # a denied alliance never counts, unless denials are asked for
    edges, _ = seed_frames
    denied = set(edges.filter(pl.col("status").is_in(["denied", "disputed"]) & (pl.col("relation") == "allied-with"))
                 ["edge_id"])
    assert denied, "the seeds deny (or dispute) at least one alliance"
    assert not denied & set(signed_pairs(seed_graph, periods=named)["edge_id"])
    # counted when asked for: each adds one event to its pair in an all-time window
    always = make_periods([("all", "1900-01-01", None)])
    counts = [signed_pairs(seed_graph, periods=always, statuses=st_)
              .select("a", "b", "events") for st_ in (("reported", "claimed", "alleged"), ALL)]
    extra = (counts[1].join(counts[0], on=["a", "b"], how="left").fill_null(0)
             .filter(pl.col("events") != pl.col("events_right")))
    dated = edges.filter(pl.col("edge_id").is_in(list(denied)) & (pl.col("date") != ""))
    want = {tuple(sorted((r["source"], r["target"]))) for r in dated.iter_rows(named=True)}
    assert {(r["a"], r["b"]) for r in extra.iter_rows(named=True)} >= want

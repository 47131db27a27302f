"""Exports of the temporal network (GEXF, GraphML, node-link JSON), read back with networkx."""

from __future__ import annotations

import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import world
from actors.network.export import (EXPORT_FORMATS, export_writers, to_gexf_bytes, to_graphml_bytes, to_json_bytes,
                                   xml_clean)
from actors.network.node_link import _write_json
from actors.network.snapshot import _snapshot
from actors.output import export, write_all, write_gexf, write_graphml, write_json
from actors.network.windows import window

GEXF = "{http://www.gexf.net/1.2draft}"
TO_BYTES = {"gexf": to_gexf_bytes, "graphml": to_graphml_bytes, "json": to_json_bytes}
WORLD_IDS = {e[0] for e in world.EDGES}


def read(fmt: str, data: bytes) -> nx.Graph:
    if fmt == "gexf":
        return nx.read_gexf(io.BytesIO(data))
    if fmt == "graphml":
        return nx.read_graphml(io.BytesIO(data))
    return nx.node_link_graph(json.loads(data), edges="edges")


def day_before(iso: str) -> str:
    return (dt.date.fromisoformat(iso) - dt.timedelta(days=1)).isoformat()


def xml_attrs(d: dict) -> dict:
    """What GraphML keeps of an attribute dict: no None, lists joined with "|"."""
    return {k: "|".join(v) if isinstance(v, list) else v for k, v in d.items() if v is not None}


# -- the fictional world ---------------------------------------------------------------


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_round_trip_keeps_nodes_and_parallel_edges(world_graph, fmt):
    H = read(fmt, TO_BYTES[fmt](world_graph))
    assert isinstance(H, nx.MultiDiGraph)
    assert set(H) == set(world_graph)
    assert H.number_of_edges() == world_graph.number_of_edges() == len(world.EDGES)
    assert {k for _, _, k in H.edges(keys=True)} == WORLD_IDS
    assert set(H["nf"]["crescent"]) == {"w04", "w05", "w06"}
    assert [H.edges["nf", "crescent", k]["relation"] for k in ("w04", "w05", "w06")] == [
        "fought-against", "allied-with", "allied-with"]
    for u, v, k, d in world_graph.edges(keys=True, data=True):
        got = H.edges[u, v, k]
        assert (got["relation"], got["status"], got["evidence"]) == (d["relation"], d["status"], d["evidence"])
        assert (got["char_start"], got["char_end"]) == (d["char_start"], d["char_end"])  # ints stay ints
    assert H.edges["banner", "state", "w20"]["evidence"] == (
        'On 6 June 2004 the Banner\'s radio said "<script>alert(1)</script>" & fled.')


def test_graphml_keeps_every_attribute(world_graph):
    H = nx.read_graphml(io.BytesIO(to_graphml_bytes(world_graph)))
    assert H.graph["name"] == "actors"
    for n, d in world_graph.nodes(data=True):
        assert H.nodes[n] == xml_attrs(d)
    assert H.nodes["nf"]["aliases"] == "NF|the Front" and H.nodes["nf"]["generic"] is False
    for u, v, k, d in world_graph.edges(keys=True, data=True):
        assert H.edges[u, v, k] == xml_attrs(d)  # start/end stay the graph's half-open interval


def test_json_is_node_link_data(world_graph):
    data = to_json_bytes(world_graph)
    H = nx.node_link_graph(json.loads(data), edges="edges")
    assert H.graph == world_graph.graph
    assert dict(H.nodes(data=True)) == dict(world_graph.nodes(data=True))  # lists kept
    assert sorted(H.edges(keys=True, data=True)) == sorted(world_graph.edges(keys=True, data=True))  # None kept
    ref = nx.node_link_data(world_graph, edges="edges")
    got = json.loads(data)
    assert got["nodes"] == sorted(ref["nodes"], key=lambda n: n["id"])
    assert got["edges"] == sorted(ref["edges"], key=lambda e: (e["source"], e["target"], e["key"]))
    assert {k: got[k] for k in ("directed", "multigraph", "graph")} == {
        k: ref[k] for k in ("directed", "multigraph", "graph")}
    assert b'"claimant":null' in data and b"\n" in data
    text = data.decode("utf-8")
    assert list(json.loads(text)) == sorted(json.loads(text))  # sorted keys


def test_json_columnar_and_python_paths_agree(world_graph):
    fast, slow = io.BytesIO(), io.BytesIO()
    snap = _snapshot(world_graph)
    _write_json(snap, fast)
    _write_json(snap, slow, columnar=False)
    assert fast.getvalue() == slow.getvalue() == to_json_bytes(world_graph)


def test_gexf_is_dynamic_with_inclusive_edge_days(world_graph):
    data = to_gexf_bytes(world_graph)
    root = ET.fromstring(data)
    graph = root.find(f"{GEXF}graph")
    assert (graph.get("mode"), graph.get("timeformat"), graph.get("defaultedgetype")) == ("dynamic", "date", "directed")
    assert b"lastmodifieddate" not in data
    edges = {e.get("id"): e for e in graph.iter(f"{GEXF}edge")}
    assert set(edges) == WORLD_IDS
    for u, v, k, d in world_graph.edges(keys=True, data=True):
        e = edges[k]
        assert (e.get("source"), e.get("target"), e.get("label")) == (u, v, d["relation"])
        if d["start"] is None:
            assert e.get("start") is None and e.get("end") is None  # undated: no time bounds
        else:
            assert (e.get("start"), e.get("end")) == (d["start"], day_before(d["end"]))
    assert (edges["w15"].get("start"), edges["w15"].get("end")) == ("2003-01-01", "2003-12-31")
    assert (edges["w01"].get("start"), edges["w01"].get("end")) == ("2001-03-05", "2001-03-05")
    H = nx.read_gexf(io.BytesIO(data))
    assert H.edges["un", "state", "w15"]["end"] == "2003-12-31"
    assert "start" not in H.edges["nf", "crescent", "w06"]
    assert H.edges["nf", "crescent", "w05"]["label"] == "allied-with"


def test_gexf_node_spells_merge_the_days_of_dated_edges(world_graph):
    H = nx.read_gexf(io.BytesIO(to_gexf_bytes(world_graph)))
    # w07 (2000), w02 (March 2001) swallows w01 (5 March), w04, w05 (Sept.), w13, w14, w16, w17.
    assert H.nodes["nf"]["spells"] == [
        ("2000-01-01", "2000-12-31"), ("2001-03-01", "2001-03-31"), ("2001-07-02", "2001-07-02"),
        ("2001-09-01", "2001-09-30"), ("2003-09-20", "2003-09-20"), ("2003-10-01", "2003-10-31"),
        ("2004-01-15", "2004-01-15"), ("2004-02-01", "2004-02-29")]
    assert H.nodes["nf"]["label"] == "Northern Front" and H.nodes["nf"]["aliases"] == "NF|the Front"
    for n in world_graph:
        spells = H.nodes[n]["spells"]
        assert spells == sorted(spells)
        assert all(day_before(b[0]) > a[1] for a, b in zip(spells, spells[1:]))  # merged: no overlap, no touch
        assert spells[0][0] == world_graph.nodes[n]["first_seen"] and spells[-1][1] == world_graph.nodes[n]["last_seen"]
    # every dated edge lies inside a spell of both its ends, so Gephi can show it
    for u, v, d in world_graph.edges(data=True):
        if d["start"]:
            for n in (u, v):
                assert any(a <= d["start"] and day_before(d["end"]) <= b for a, b in H.nodes[n]["spells"])


def test_spells_merge_touching_and_overlapping_intervals():
    G = nx.MultiDiGraph()
    for key, (start, end) in enumerate([("2012-01-01", "2012-02-01"), ("2012-02-01", "2012-03-01"),
                                        ("2012-06-01", "2013-01-01"), ("2012-07-01", "2012-07-02"),
                                        (None, None)]):
        G.add_edge("a", "b", key=f"e{key}", relation="fought-against", start=start, end=end)
    G.add_edge("c", "d", key="u", relation="allied-with", start=None, end=None)
    H = nx.read_gexf(io.BytesIO(to_gexf_bytes(G)))
    assert H.nodes["a"]["spells"] == [("2012-01-01", "2012-02-29"), ("2012-06-01", "2012-12-31")]
    assert "spells" not in H.nodes["c"]  # no dated edge: always shown


def test_open_ended_intervals_stay_open():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="x", start="2001-01-01", end=None)
    G.add_edge("c", "d", key="y", start=None, end="2001-03-01")
    H = nx.read_gexf(io.BytesIO(to_gexf_bytes(G)))
    assert H.edges["a", "b"]["start"] == "2001-01-01" and "end" not in H.edges["a", "b"]
    assert H.edges["c", "d"]["end"] == "2001-02-28" and "start" not in H.edges["c", "d"]


def test_graph_without_dates_is_static():
    G = nx.MultiDiGraph()
    G.add_edge("a", "b", key="e", relation="allied-with", start=None, end=None)
    graph = ET.fromstring(to_gexf_bytes(G)).find(f"{GEXF}graph")
    assert graph.get("mode") == "static" and graph.get("timeformat") is None


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_same_graph_same_bytes(fmt):
    first = TO_BYTES[fmt](world.graph())
    assert TO_BYTES[fmt](world.graph()) == first
    # the same graph built in another order
    G = world.graph()
    H = nx.MultiDiGraph(**G.graph)
    H.add_nodes_from(reversed(list(G.nodes(data=True))))
    H.add_edges_from(reversed(list(G.edges(keys=True, data=True))))
    assert TO_BYTES[fmt](H) == first


def test_a_window_view_exports(world_graph):
    W = window(world_graph, "2001-01-01", "2002-01-01")
    H = nx.node_link_graph(json.loads(to_json_bytes(W)), edges="edges")
    assert sorted(H.edges(keys=True)) == sorted(W.edges(keys=True)) and "w06" not in {k for *_, k in H.edges(keys=True)}
    X = nx.read_gexf(io.BytesIO(to_gexf_bytes(W)))
    assert set(X) == set(W) and set(X["nf"]["crescent"]) == {"w04", "w05"}


def test_xml_exports_parse_and_escape(world_graph):
    for data in (to_gexf_bytes(world_graph), to_graphml_bytes(world_graph)):
        ET.fromstring(data)
        assert b"<script>" not in data and b"&lt;script&gt;" in data


# -- files -------------------------------------------------------------------------------


def test_writers_are_atomic_and_match_the_bytes(world_graph, tmp_path):
    paths = [write_gexf(world_graph, tmp_path / "g.gexf"), write_graphml(world_graph, tmp_path / "g.graphml"),
             write_json(world_graph, tmp_path / "g.json")]
    assert [p.read_bytes() for p in paths] == [to_gexf_bytes(world_graph), to_graphml_bytes(world_graph),
                                               to_json_bytes(world_graph)]
    out = tmp_path / "out"
    written = write_all(export_writers(world_graph, out))
    assert sorted(p.name for p in written) == ["graph.gexf", "graph.graphml", "graph.json"]
    assert sorted(p.name for p in out.iterdir()) == ["graph.gexf", "graph.graphml", "graph.json"]  # no temp files
    assert (out / "graph.gexf").read_bytes() == paths[0].read_bytes()
    assert export(world_graph, tmp_path / "x.graphml").read_bytes() == paths[1].read_bytes()
    assert export(world_graph, tmp_path / "x.dat", format="json").read_bytes() == paths[2].read_bytes()
    with pytest.raises(ValueError, match="unknown export format"):
        export(world_graph, tmp_path / "x.dot")


def test_failed_write_leaves_the_old_file(world_graph, tmp_path):
    path = tmp_path / "graph.gexf"
    path.write_bytes(b"old")
    world_graph.edges["nf", "crescent", "w04"]["start"] = "July 2001"
    with pytest.raises(ValueError, match="ISO days"):
        write_gexf(world_graph, path)
    assert path.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["graph.gexf"]


# -- odd graphs ------------------------------------------------------------------------


def test_odd_values_are_written_as_text_and_json_stays_exact():
    G = nx.MultiDiGraph()
    G.add_node(1, tags=("x", "y"), when=dt.date(2001, 2, 3))
    G.add_edge(1, 2, mixed=5, big=2**70, weight=0.5)
    G.add_edge(1, 2, mixed="five", big=1, weight=float("nan"), only_here=True)
    gm = nx.read_graphml(io.BytesIO(to_graphml_bytes(G)), node_type=int)
    assert gm.edges[1, 2, 0]["mixed"] == "5" and gm.edges[1, 2, 1]["mixed"] == "five"
    assert gm.edges[1, 2, 0]["big"] == str(2**70) and gm.edges[1, 2, 1]["only_here"] is True
    assert gm.nodes[1] == {"tags": "x|y", "when": "2001-02-03"}
    gx = nx.read_gexf(io.BytesIO(to_gexf_bytes(G)), node_type=int)
    assert gx.edges[1, 2, "0"]["weight"] == 0.5 and gx.number_of_edges() == 2  # GEXF ids are text
    H = nx.node_link_graph(json.loads(to_json_bytes(G)), edges="edges")
    assert H.edges[1, 2, 0] == {"mixed": 5, "big": 2**70, "weight": 0.5}
    assert H.edges[1, 2, 1]["mixed"] == "five" and "only_here" not in H.edges[1, 2, 0]
    assert H.nodes[1] == {"tags": ["x", "y"], "when": "2001-02-03"}


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_simple_and_undirected_graphs(fmt):
    G = nx.Graph(name="u")
    G.add_edge("b", "a", relation="allied-with", start="2001-01-01", end="2001-01-02")
    G.add_edge("c", "a", relation="fought-against")
    H = read(fmt, TO_BYTES[fmt](G))
    assert not H.is_directed() and {frozenset(e) for e in H.edges()} == {frozenset("ab"), frozenset("ac")}


def test_empty_graph():
    for fmt in EXPORT_FORMATS:
        assert read(fmt, TO_BYTES[fmt](nx.MultiDiGraph())).number_of_nodes() == 0


# -- arbitrary text ----------------------------------------------------------------------

SPECIAL = '<>&"\'\t\n\r\x00\x01\x0b\x0c\x1f\x7f\x85\u2028\ud800\udfff\ufffe\uffff\ufffd é中🙂]]>'
TEXT = st.text(st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=())), max_size=40)


@settings(max_examples=100, deadline=None)
@given(evidence=TEXT, name=TEXT)
def test_any_text_survives_every_format(evidence, name):
    G = nx.MultiDiGraph()
    G.add_node("a", name=name, aliases=[name, "x"])
    G.add_edge("a", "b", key="e1", relation="fought-against", evidence=evidence, start="2001-01-01", end="2001-01-02")
    G.add_edge("a", "b", key="e2", relation="allied-with", evidence="plain", start=None, end=None)
    for fmt in ("gexf", "graphml"):
        data = TO_BYTES[fmt](G)
        ET.fromstring(data)  # always well-formed XML
        H = read(fmt, data)
        assert H.edges["a", "b", "e1"]["evidence"] == xml_clean(evidence)
        assert H.nodes["a"]["name"] == xml_clean(name)
        assert H.nodes["a"]["aliases"] == xml_clean(name) + "|x"
        assert len(xml_clean(evidence)) == len(evidence)
    # JSON keeps everything, as json.dumps would (even lone surrogates; only a
    # high-low pair of them reads back as the one character it encodes)
    H = read("json", to_json_bytes(G))
    assert H.edges["a", "b", "e1"]["evidence"] == json.loads(json.dumps(evidence))
    assert H.nodes["a"]["aliases"] == [json.loads(json.dumps(name)), "x"]


def test_xml_clean_replaces_only_what_xml_forbids():
    assert xml_clean("a\x00b\x1fc\td\ne\rf\ufffeg\ud800") == "a\ufffdb\ufffdc\td\ne\rf\ufffdg\ufffd"
    assert xml_clean("é中🙂<&>\x7f\x85") == "é中🙂<&>\x7f\x85"


# -- the seeds ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_seed_graph_round_trips(seed_graph, fmt):
    H = read(fmt, TO_BYTES[fmt](seed_graph))
    assert H.number_of_nodes() == seed_graph.number_of_nodes()
    assert H.number_of_edges() == seed_graph.number_of_edges()
    assert {k for _, _, k in H.edges(keys=True)} == {k for _, _, k in seed_graph.edges(keys=True)}

"""Pair timeline, alliance shifts, coalition and genealogy: the fictional world by hand, the seeds as golden cases."""

from __future__ import annotations

import datetime as dt
from itertools import groupby

import networkx as nx
import polars as pl
from hypothesis import given, settings, strategies as st

from actors.analysis.coalition import coalition
from actors.analysis.genealogy import genealogy, genealogy_forest
from actors.analysis.pairs import SHIFT_COLUMNS, alliance_shifts, pair_timeline, shift_exclusions
from actors.network.windows import yearly
from actors.text.date_values import parse_iso


# -- pair timeline -----------------------------------------------------------------

def test_pair_timeline_lists_every_relation_in_date_order(world_graph):
    t = pair_timeline(world_graph, "crescent", "nf")
    assert t["edge_id"].to_list() == ["w02", "w04", "w05", "w06"]  # undated last
    assert t["status"].to_list() == ["reported", "reported", "denied", "reported"]
    assert t.row(0, named=True)["evidence"].startswith("In March 2001")
    assert t.row(0, named=True)["last_day"] == "2001-03-31"
    # order of the names does not matter
    assert pair_timeline(world_graph, "nf", "crescent").equals(t)
    assert pair_timeline(world_graph, "nf", "crescent", statuses=("reported",))["edge_id"].to_list() == ["w02", "w04", "w06"]


def test_pair_timeline_unknown_pair_is_empty(world_graph):
    assert pair_timeline(world_graph, "nf", "nobody").height == 0


# -- alliance shifts ------------------------------------------------------------------

def test_world_shifts_by_hand(world_graph):
    s = alliance_shifts(world_graph)
    assert s.columns[:8] == list(SHIFT_COLUMNS)
    got = s.select("a", "b", "from_relation", "to_relation", "last_before", "first_after", "order").rows()
    assert got == [
        ("crescent", "nf", "allied-with", "fought-against", "2001-03", "2001-07-02", "dates"),
        ("nf", "state", "fought-against", "allied-with", "2001-03-05", "2003-09-20", "dates"),
    ]
    first = s.row(0, named=True)
    assert first["evidence_before"].startswith("In March 2001 the Crescent Brigade fought alongside")
    assert first["evidence_after"].startswith("On 2 July 2001")
    # the denied renewal (w05) and the undated alliance (w06) cause no flip back
    assert (first["edge_before"], first["edge_after"]) == ("w02", "w04")


def test_denied_relations_count_only_when_asked(world_graph):
    s = alliance_shifts(world_graph, statuses=("reported", "claimed", "alleged", "denied"))
    pair = s.filter((pl.col("a") == "crescent") & (pl.col("b") == "nf"))
    assert pair["to_relation"].to_list() == ["fought-against", "allied-with"]
    ex = shift_exclusions(world_graph)
    assert dict(zip(ex["edge_id"], ex["reason"])) == {"w05": "denied", "w06": "undated"}


def _pair_graph(spec):
    G = nx.MultiDiGraph()
    for k, rel, date, pos, *curated in spec:
        d = parse_iso(date)
        start, end = d.earliest, (dt.date.fromisoformat(d.latest) + dt.timedelta(days=1)).isoformat()
        G.add_edge("x", "y", key=k, relation=rel, status="reported", date=date, start=start, end=end,
                   evidence=k, doc="d", char_start=pos, char_end=pos + 1, cue="curation" if curated else "attack")
    return G


def test_a_flip_needs_an_order_the_dates_give():
    # allied in March 2012, fought in "2012" and on 8 June 2012: one shift, by 8 June, whatever the order
    G = _pair_graph([("e1", "allied-with", "2012-03", 10), ("e2", "fought-against", "2012", 20),
                     ("e3", "fought-against", "2012-06-08", 30)])
    s = alliance_shifts(G)
    assert s.select("from_relation", "to_relation", "last_before", "first_after", "order", "undetermined").rows() == [
        ("allied-with", "fought-against", "2012-03", "2012-06-08", "dates", 1)]
    assert dict(zip(*shift_exclusions(G).select("edge_id", "reason"))) == {"e2": "order not given by the dates"}
    # allied and fought told only as "2012": the dates do not say which came first, so no flip
    G = _pair_graph([("e1", "allied-with", "2012", 10), ("e2", "fought-against", "2012", 20),
                     ("e3", "allied-with", "2012", 30), ("e4", "fought-against", "2012-06-08", 40)])
    assert alliance_shifts(G).height == 0
    assert set(shift_exclusions(G)["edge_id"]) == {"e1", "e2", "e3"}



def test_exclusions_are_the_same_after_the_shifts_of_the_same_frame(world_graph):
    from actors.network.graph import edge_frame

    alone = shift_exclusions(world_graph, edges=edge_frame(world_graph))
    f = edge_frame(world_graph)
    alliance_shifts(world_graph, edges=f)  # keeps the events it set aside for the frame
    assert shift_exclusions(world_graph, edges=f).equals(alone)
    alliance_shifts(world_graph, edges=f, statuses=("reported",))  # other statuses: other events set aside
    assert shift_exclusions(world_graph, edges=f).equals(alone)

def test_the_text_is_cited_before_an_analysts_addition_on_a_tie():
    G = _pair_graph([("a0", "allied-with", "2012-03", 5, "curated"), ("b1", "allied-with", "2012-03", 10),
                     ("c2", "fought-against", "2012-06-08", 30)])
    r = alliance_shifts(G).row(0, named=True)
    assert (r["edge_before"], r["curated_before"]) == ("b1", False)
    G = _pair_graph([("a0", "allied-with", "2012-03", 5, "curated"), ("c2", "fought-against", "2012-06-08", 30)])
    r = alliance_shifts(G).row(0, named=True)
    assert (r["edge_before"], r["curated_before"]) == ("a0", True)


_DATES = st.sampled_from(["2011", "2012", "2012-03", "2012-06", "2012-06-08", "2012-11", "2013", "2013-02-01"])


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["allied-with", "fought-against"]), _DATES), min_size=1, max_size=8),
       st.randoms(use_true_random=False))
def test_shifts_do_not_depend_on_the_order_edges_are_given_in(events, rnd):
    spec = [(f"e{i}", rel, date, i * 10) for i, (rel, date) in enumerate(events)]
    shuffled = list(spec)
    rnd.shuffle(shuffled)
    keys = ["from_relation", "to_relation", "last_before", "first_after"]
    a, b = (alliance_shifts(_pair_graph(x)).select(keys).rows() for x in (spec, shuffled))
    assert a == b
    # every flip rests on disjoint intervals: the old relation's last evidence ends before the new one's begins
    G = _pair_graph(spec)
    for r in alliance_shifts(G).iter_rows(named=True):
        before, after = G.edges["x", "y", r["edge_before"]], G.edges["x", "y", r["edge_after"]]
        assert before["end"] <= after["start"]



def _shifts_by_hand(G):
    """The shift rule of alliance_shifts, event by event in plain Python (the vectorised code's yardstick)."""
    events = sorted((d["start"], d["end"], d["char_start"], k, d["relation"], d.get("cue") == "curation", d["date"])
                    for _, _, k, d in G.edges(keys=True, data=True) if d["status"] != "denied")
    def aside(e):
        lo, hi = e[0], e[1]
        return any(o[4] != e[4] and (lo < o[0] < hi or lo < o[1] < hi or (o[0], o[1]) == (lo, hi)) for o in events)
    kept = [e for e in events if not aside(e)]
    runs = [list(g) for _, g in groupby(kept, key=lambda e: e[4])]
    out = []
    for before, after in zip(runs, runs[1:]):
        last = max(reversed(before), key=lambda e: (e[0], not e[5]))
        first = min(after, key=lambda e: (e[1], e[5]))
        out.append((last[4], first[4], last[3], first[3], len(before), len(after), len(events) - len(kept)))
    return out, sorted(e[3] for e in events if aside(e))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["allied-with", "fought-against"]), _DATES, st.integers(0, 3),
                          st.booleans()), min_size=1, max_size=10))
def test_shifts_follow_the_rule_event_by_event(events):
    G = _pair_graph([(f"e{i}", rel, date, pos, *(["curated"] if cur else []))
                     for i, (rel, date, pos, cur) in enumerate(events)])
    keys = ["from_relation", "to_relation", "edge_before", "edge_after", "events_before", "events_after", "undetermined"]
    shifts, aside = _shifts_by_hand(G)
    assert sorted(alliance_shifts(G).select(keys).rows()) == sorted(shifts)
    assert shift_exclusions(G).filter(pl.col("reason") == "order not given by the dates")["edge_id"].to_list() == aside

@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["allied-with", "fought-against"]),
                          st.integers(2000, 2003), st.integers(1, 12),
                          st.sampled_from(["reported", "claimed", "denied"])), max_size=12))
def test_shifts_alternate_and_never_come_from_denials(events):
    G = nx.MultiDiGraph()
    for i, (rel, y, m, status) in enumerate(events):
        end = f"{y}-{m + 1:02d}-01" if m < 12 else f"{y + 1}-01-01"
        G.add_edge("p", "q", key=f"e{i:02d}", relation=rel, status=status, date=f"{y}-{m:02d}",
                   start=f"{y}-{m:02d}-01", end=end, evidence=str(i), doc="d", char_start=i, char_end=i)
    s = alliance_shifts(G)
    kept = [e for e in events if e[3] != "denied"]
    assert s.height <= max(len(kept) - 1, 0)
    rels = s.select("from_relation", "to_relation").rows()
    assert all(a != b for a, b in rels)
    assert all(x[1] == y[0] for x, y in zip(rels, rels[1:]))  # each shift starts where the last ended
    assert all(G.edges["p", "q", k]["status"] != "denied" for k in s["edge_before"].to_list() + s["edge_after"].to_list())


def test_seed_shift_mnla_ansar_dine(seed_graph, curated_seed_graph):
    """Golden: allied in early 2012, fighting by June 2012. The text dates the alliance only "2012",
    which says nothing of its order against the clash of 8 June; the analyst's entry dating the
    post-coup offensive to March 2012 gives the order, and the shift cites it as the analyst's."""
    pair = (pl.col("a") == "ansar-dine") & (pl.col("b") == "mnla")
    assert alliance_shifts(seed_graph).filter(pair).height == 0
    assert "order not given by the dates" in shift_exclusions(seed_graph).filter(pair)["reason"].to_list()
    row = alliance_shifts(curated_seed_graph).filter(pair).row(0, named=True)
    assert (row["from_relation"], row["to_relation"]) == ("allied-with", "fought-against")
    assert (row["last_before"], row["first_after"], row["order"]) == ("2012-03", "2012-06-08", "dates")
    assert "Ansar Dine" in row["evidence_after"] and "clashed" in row["evidence_after"]
    assert "Ansar Dine" in row["evidence_before"] and row["curated_before"] and not row["curated_after"]


# -- coalition -------------------------------------------------------------------------

def test_world_coalition_by_hand(world_graph):
    t = coalition(world_graph, "banner", periods=yearly(world_graph))
    rows = {(r["period"], r["role"], r["actor"], r["via"]): r for r in t.iter_rows(named=True)}
    assert rows[("2003", "member", "crescent", "banner")]["founder"] is True
    assert rows[("2003", "member", "lions", "banner")]["founder"] is True
    assert rows[("2003", "enemy", "state", "banner")]["first"] == "2003-06-01"
    assert rows[("2003", "enemy", "un", "banner")]["statuses"] == "claimed"
    assert rows[("2003", "enemy", "nf", "banner")]["statuses"] == "alleged"
    assert rows[("2004", "enemy", "state", "banner")]["evidence"].startswith("On 6 June 2004")
    # a member's older relations (the Crescent's 2001 fights) are not the coalition's
    assert not any(k[0] == "2001" for k in rows)
    assert coalition(world_graph, "banner", periods=yearly(world_graph), statuses=("reported",)).filter(
        pl.col("actor") == "un").height == 0


def test_world_coalition_through_members():
    import world

    G = world.graph()
    G.add_edge("lions", "un", key="x1", relation="fought-against", status="reported", date="2003-03",
               start="2003-03-01", end="2003-04-01", evidence="Lions hit the UN.", doc="d", char_start=1, char_end=2)
    t = coalition(G, "banner", periods=yearly(G))
    assert ("enemy", "un", "lions") in t.filter(pl.col("period") == "2003").select("role", "actor", "via").rows()
    assert coalition(G, "banner", periods=yearly(G), through_members=False).filter(pl.col("via") == "lions").height == 0


def test_seed_jnim_coalition(seed_graph):
    t = coalition(seed_graph)  # JNIM over the named phases
    era = t.filter(pl.col("period_label") == "2017–2019 JNIM era")
    enemies = set(era.filter(pl.col("role") == "enemy")["actor"])
    assert {"mali", "france", "minusma"} <= enemies
    assert "generic-tuareg" not in set(t["actor"])  # generic mentions kept apart
    assert t.filter(pl.col("period_label").str.starts_with("2008")).height == 0  # JNIM did not exist yet
    assert all(t["evidence"].str.len_chars() > 0)


# -- genealogy --------------------------------------------------------------------------

def test_world_genealogy_by_hand(world_graph):
    g = genealogy(world_graph)
    got = {(r["child"], r["parent"]): (r["relation"], r["primary"], r["lineage"]) for r in g.iter_rows(named=True)}
    assert got == {
        ("nf", "oldfront"): ("split-from", True, "oldfront → nf"),
        ("lions", "crescent"): ("split-from", True, "banner ⊃ crescent → lions"),
        ("lions", "banner"): ("member-of", False, "banner ⊃ crescent → lions"),
        ("crescent", "banner"): ("member-of", True, "banner ⊃ crescent"),
    }
    T = genealogy_forest(world_graph)
    primary = nx.DiGraph((u, v) for u, v, p in T.edges(data="primary") if p)
    assert nx.is_forest(primary.to_undirected())


def test_genealogy_cuts_cycles():
    G = nx.MultiDiGraph()
    for k, (u, v) in enumerate([("a", "b"), ("b", "a")]):
        G.add_edge(u, v, key=f"k{k}", relation="member-of", status="reported", date="2001",
                   start="2001-01-01", end="2002-01-01", evidence="", doc="d", char_start=k, char_end=k)
    g = genealogy(G)
    assert g.height == 2 and g["cycle"].to_list().count(True) == 1  # cut once, at the smallest id
    cut = g.filter(pl.col("cycle")).row(0, named=True)
    assert (cut["child"], cut["primary"]) == ("a", False)
    assert set(g["root"]) == {"a"} and g.filter(pl.col("child") == "b")["lineage"].item() == "a ⊃ b"


def test_deep_lineages_are_elided():
    G = nx.MultiDiGraph()
    for k in range(12):
        G.add_edge(f"g{k + 1:02d}", f"g{k:02d}", key=f"k{k}", relation="split-from", status="reported", date="2001",
                   start="2001-01-01", end="2002-01-01", evidence="", doc="d", char_start=k, char_end=k)
    g = genealogy(G)
    deepest = g.filter(pl.col("child") == "g12").row(0, named=True)
    assert deepest["depth"] == 12 and deepest["root"] == "g00"
    assert deepest["lineage"] == "g00 … → g05 → g06 → g07 → g08 → g09 → g10 → g11 → g12"


def test_seed_genealogy(seed_graph):
    g = genealogy(seed_graph)
    links = set(zip(g["child"], g["parent"], g["relation"]))
    assert {("mnla", "mna", "split-from"), ("fpa", "mnla", "split-from"), ("mojwa", "aqim", "split-from"),
            ("mia", "ansar-dine", "split-from")} <= links
    assert "mna → mnla → fpa" in set(g["lineage"])


# -- relation kinds -----------------------------------------------------------------------

def test_kinds_say_what_supports_each_finding(world_graph):
    s = alliance_shifts(world_graph).select("a", "b", "kind_before", "kind_after").rows()
    assert s == [("crescent", "nf", "joint-action", ""), ("nf", "state", "", "alliance")]
    from actors.analysis.centrality import blocs

    b = blocs(world_graph).filter(pl.col("period") == "2004").row(0, named=True)
    assert (b["members"], b["kinds"]) == ("nf; state; un", "joint-action")


def test_a_link_is_not_an_alliance_in_the_coalition_view():
    G = nx.MultiDiGraph()
    for k, (u, v, rel, kind) in enumerate([("jnim", "al-qaeda", "allied-with", "link"),
                                           ("jnim", "cpa", "allied-with", "joint-action"),
                                           ("jnim", "mali", "fought-against", "")]):
        G.add_edge(u, v, key=f"e{k}", relation=rel, kind=kind, status="reported", date="2018-08-08",
                   start="2018-08-08", end="2018-08-09", evidence=f"s{k}", doc="d", char_start=k, char_end=k + 1)
    from actors.network.windows import make_periods

    t = coalition(G, "jnim", periods=make_periods([("2018", "2018-01-01", "2019-01-01")]))
    assert t.select("role", "actor", "kinds", "events", "thin").rows() == [
        ("linked", "al-qaeda", "link", 1, True), ("ally", "cpa", "joint-action", 1, True), ("enemy", "mali", "", 1, True)]

"""Static figures: what each draws on the fictional world (by hand), the seeds, legibility and bytes."""

from __future__ import annotations

import io
import subprocess
import sys
import time
from itertools import combinations
from pathlib import Path

import networkx as nx
import polars as pl
import pytest
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex
from matplotlib.patches import FancyArrowPatch

from actors.analysis.analyses import analyse
from actors.errors import ActorsError
from actors.render.figures import (balance_figure, coalition_figure, figure_writers, genealogy_figure, pair_figure,
                            save_figure, snapshots)
from actors.render.style import RELATION_STYLE
from actors.output import write_all
from actors.network.windows import make_periods, yearly

ROOT = Path(__file__).resolve().parents[2]


def _years(first=2000, last=2004):
    return make_periods([(str(y), f"{y}-01-01", f"{y + 1}-01-01") for y in range(first, last + 1)])


def _drawn_edges(ax):
    """(relation, colour, alpha) of every edge line in a snapshot panel."""
    out = []
    for c in ax.collections:
        if isinstance(c, LineCollection) and (c.get_gid() or "").startswith("edges:"):
            out += [(c.get_gid().split(":")[1], to_hex(c.get_color()[0]), c.get_alpha())] * len(c.get_segments())
    for p in ax.patches:
        if isinstance(p, FancyArrowPatch) and (p.get_gid() or "").startswith("edge:"):
            out.append((p.get_gid().split(":")[1], to_hex(p.get_edgecolor()), p.get_alpha()))
    return out


def _labels(ax):
    return {t.get_gid()[len("label:"):]: t for t in ax.texts if (t.get_gid() or "").startswith("label:")}


def _all_texts(fig):
    from matplotlib.text import Text

    return [t for t in fig.findobj(Text) if t.get_visible() and t.get_text().strip()]


# -- import and bytes ---------------------------------------------------------------

def test_import_does_not_load_matplotlib():
    code = "import actors.render.figures, sys; assert 'matplotlib' not in sys.modules, 'matplotlib imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_same_input_same_bytes(world_graph, tmp_path):
    A = analyse(world_graph, periods=_years(), coalition_actor="banner")
    files = []
    for run in ("one", "two"):
        write_all(figure_writers(A, tmp_path / run, pairs=(("nf", "crescent"),)))
        files.append({p.name: p.read_bytes() for p in sorted((tmp_path / run / "figures").iterdir())})
    assert files[0].keys() == {f"{n}.{x}" for n in ("snapshots", "pair_nf_crescent", "coalition_banner",
                                                   "genealogy", "balance") for x in ("png", "svg")}
    assert files[0] == files[1]
    assert files[0]["snapshots.png"].startswith(b"\x89PNG") and b"<svg" in files[0]["snapshots.svg"]


def test_figure_writers_paths_and_unknown_actor(world_graph, tmp_path):
    A = analyse(world_graph, periods=_years())
    w = figure_writers(A, tmp_path, pairs=(("nf", "state"), ("lions", "state")))
    assert sorted(p.name for p in w) == sorted(
        f"{n}.{x}" for n in ("snapshots", "pair_nf_state", "pair_lions_state", "coalition_jnim", "genealogy",
                             "balance") for x in ("png", "svg"))
    assert {p.parent for p in w} == {tmp_path / "figures"}
    assert all(callable(f) for f in w.values())
    with pytest.raises(ActorsError, match="'nobody'"):
        figure_writers(A, tmp_path, pairs=(("nf", "nobody"),))
    with pytest.raises(ValueError):
        save_figure(pair_figure(world_graph, "nf", "state"), tmp_path / "x.pdf")


# -- snapshots on the fictional world ------------------------------------------------

def test_snapshot_edges_by_hand(world_graph):
    fig = snapshots(world_graph, periods=_years())
    panels = fig.axes[:5]
    edges = {p.get_gid().split(":")[1]: sorted(_drawn_edges(ax)) for p, ax in zip(panels, panels)}
    fought, allied = RELATION_STYLE["fought-against"]["color"], RELATION_STYLE["allied-with"]["color"]
    split, member = RELATION_STYLE["split-from"]["color"], RELATION_STYLE["member-of"]["color"]
    # 2001: nf-state, crescent-state and crescent-nf fought, crescent-nf allied (the denied w05 and
    # the undated w06 are not drawn); one line per pair and relation
    assert [(r, c) for r, c, _ in edges["2001"]] == [("allied-with", allied)] + [("fought-against", fought)] * 3
    assert [(r, c) for r, c, _ in edges["2000"]] == [("split-from", split)]
    assert [r for r, _, _ in edges["2002"]] == ["split-from"]
    # 2003: two memberships, nf-state and un-state allied, banner fought state, un (claimed) and nf (alleged)
    assert sorted(r for r, _, _ in edges["2003"]) == ["allied-with"] * 2 + ["fought-against"] * 3 + ["member-of"] * 2
    assert {c for r, c, _ in edges["2003"] if r == "member-of"} == {member}
    faded = sorted(a for r, _, a in edges["2003"] if r == "fought-against")
    assert faded[0] < faded[-1]  # the claimed and alleged attacks are lighter than the reported one
    # 2004: the generic rebels' shelling (w19) is left out
    assert len(edges["2004"]) == 4
    assert "generic-rebels" not in _labels(panels[4])
    assert "generic-rebels" in _labels(snapshots(world_graph, periods=_years(), include_generic=True).axes[4])


def test_two_relations_of_one_pair_do_not_hide_each_other(world_graph):
    ax = snapshots(world_graph, periods=_years(2001, 2001)).axes[0]
    segs = {c.get_gid(): c.get_segments() for c in ax.collections if (c.get_gid() or "").startswith("edges:")}
    allied = segs["edges:allied-with"][0]  # crescent-nf, also fought: bent off the straight line
    assert len(allied) > 2
    straight = [s for s in segs["edges:fought-against"] if len(s) == 2]
    assert len(straight) == 3  # fought-against comes first in RELATIONS: crescent-nf's stays straight


def test_actor_keeps_its_place_and_parallel_events_widen(world_graph):
    fig = snapshots(world_graph, periods=_years())
    places = [(_labels(ax)["state"].xy) for ax in fig.axes[:5] if "state" in _labels(ax)]
    assert len(places) == 3 and len(set(places)) == 1
    # 2004: nf-state allied once (w16) is thinner than banner-state... both one event; in 2003 panel with
    # w13 only: widths grow with count, checked on a graph with repeated events
    G = world_graph.copy()
    for k in range(3):
        G.add_edge("nf", "state", key=f"x{k}", relation="fought-against", status="reported", date="2001-03-06",
                   precision="day", start="2001-03-06", end="2001-03-07")
    ax = snapshots(G, periods=_years(2001, 2001)).axes[0]
    widths = sorted(w for c in ax.collections if c.get_gid() == "edges:fought-against" for w in c.get_linewidths())
    assert widths[-1] > widths[0]


def test_events_dated_less_precisely_than_a_panel_are_drawn_apart_and_counted(world_graph):
    halves = make_periods([("H1 2003", "2003-01-01", "2003-07-01"), ("H2 2003", "2003-07-01", "2004-01-01")])
    first, second = snapshots(world_graph, periods=halves).axes[:2]
    # w15 (un–state, "2003") only might fall in either half: faint and dotted, never drawn as in it
    faint = [c for c in first.collections if c.get_gid() == "edges:imprecise"]
    assert len(faint) == 1 and len(faint[0].get_segments()) == 1
    assert "edges:allied-with" not in {c.get_gid() for c in first.collections}
    assert first.get_title(loc="left").endswith("· 1 more might fall here")
    assert "un" in {t.get_gid().split(":")[1] for t in first.texts if (t.get_gid() or "").startswith("label-imprecise:")}
    # in the second half un is active (the claimed attack of August): its label is not the grey one
    assert "un" in _labels(second)


def test_idle_actors_are_grey_and_unlabelled(world_graph):
    ax = snapshots(world_graph, periods=_years(2000, 2000)).axes[0]
    assert set(_labels(ax)) == {"nf", "oldfront"}
    idle = [c for c in ax.collections if c.get_gid() == "idle-actors"][0]
    assert len(idle.get_offsets()) == 5  # state, crescent, lions, banner, un: generic rebels not even a dot


def test_empty_period_says_so(world_graph):
    fig = snapshots(world_graph, periods=make_periods([("quiet", "1990-01-01", "1991-01-01")]))
    assert "no event dated within this period" in [t.get_text() for t in fig.axes[0].texts]
    assert any("undated event" in t.get_text() for t in fig.texts)


def test_dollar_and_underscore_in_names_stay_literal(world_graph):
    world_graph.nodes["crescent"]["name"] = "Cash $1 and $2_x"
    fig = snapshots(world_graph, periods=_years(2001, 2001))
    t = _labels(fig.axes[0])["crescent"]
    shown, math = t._preprocess_math(t.get_text())
    assert (shown, math) == ("Cash $1 and $2_x", False)
    fig.draw_without_rendering()
    pair = pair_figure(world_graph, "crescent", "nf")
    assert not any(t._preprocess_math(t.get_text())[1] for t in _all_texts(pair))
    save_figure(pair, io.BytesIO(), format="svg")  # renders without a mathtext error


# -- pair timelines ---------------------------------------------------------------

def test_pair_figure_world(world_graph):
    fig = pair_figure(world_graph, "nf", "crescent")
    ax = fig.axes[0]
    # one band per relation, the one the shift leaves first; one labelled row per event
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "allied with · 2 events", "2001-03 · fiction: In March 2001 the Crescent Brigade…",
        "2001-09 · denied, fiction: In September 2001 the Front…",
        "fought against · 1 event", "2001-07-02 · fiction: On 2 July 2001 the Northern…"]
    gids = {a.get_gid() for a in ax.get_children() if a.get_gid()}
    assert {"event:w02", "event:w04", "event:w05"} <= gids and "event:w06" not in gids  # undated never placed
    note = [t.get_text() for t in ax.texts if t.get_gid() == "note:undated"][0]
    assert "1 undated event" in note and "allied-with" in note
    assert [t.get_text() for t in ax.texts if t.get_gid() == "shift-label:0"] == [
        "fighting by 2001-07-02 · veld.txt\nlast allied: 2001-03 · veld.txt"]
    hidden = pair_figure(world_graph, "nf", "crescent", statuses=("reported",))
    assert "event:w05" not in {a.get_gid() for a in hidden.axes[0].get_children()}


def test_pair_without_events_says_so(world_graph):
    fig = pair_figure(world_graph, "lions", "state")
    assert [t.get_text() for t in fig.axes[0].texts] == ["No recorded relation between Desert Lions and Republic of Veld."]
    only_undated = nx.MultiDiGraph()
    only_undated.add_edge("x", "y", key="e", relation="allied-with", status="reported", start=None, end=None)
    assert "1 undated event cannot be placed" in pair_figure(only_undated, "x", "y").axes[0].texts[0].get_text()


def test_pair_figure_into_given_axes(world_graph):
    from matplotlib.figure import Figure

    fig = Figure()
    ax = fig.add_subplot()
    assert pair_figure(world_graph, "nf", "state", ax=ax) is fig
    assert len(fig.axes) == 1


def test_seed_pair_mnla_ansar_dine(curated_seed_graph):
    ax = pair_figure(curated_seed_graph, "mnla", "ansar-dine").axes[0]
    assert [t.get_text() for t in ax.get_yticklabels() if t.get_fontweight() == "bold"
            and t.get_color() != "#222222"] == ["allied with · 3 events", "fought against · 3 events"]
    shift = [t.get_text() for t in ax.texts if t.get_gid() == "shift-label:0"]
    assert shift and shift[0].startswith("fighting by 2012-06-08")
    assert any(line.get_gid() == "shift:0" for line in ax.lines)


# -- coalition, genealogy, balance ------------------------------------------------------

def test_coalition_world_founders_and_roles(world_graph):
    A = analyse(world_graph, periods=_years(), coalition_actor="banner")
    fig = coalition_figure(A)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()][:2] == ["Crescent Brigade", "Desert Lions"]
    assert {l.get_gid() for l in ax.lines} >= {"founder:crescent", "founder:lions"}
    cells = {p.get_gid() for p in ax.patches if (p.get_gid() or "").startswith("cell:")}
    assert {"cell:2003:crescent:member", "cell:2003:state:enemy", "cell:2004:state:enemy"} <= cells
    assert to_hex([p for p in ax.patches if p.get_gid() == "cell:2003:state:enemy"][0].get_facecolor()) == "#d62728"
    assert "banner coalition" in ax.get_title(loc="left").lower()


def test_coalition_without_neighbours_says_so(world_graph):
    A = analyse(world_graph, periods=_years(), coalition_actor="nobody")
    fig = coalition_figure(A)
    assert fig.axes[0].texts[0].get_text() == "No recorded member, ally or enemy of nobody in any period."


def test_genealogy_world(world_graph):
    fig = genealogy_figure(world_graph)
    labels = _labels(fig.axes[0])
    assert labels["lions"].get_text() == "Desert Lions\nsplit 2002-05\nalso member of Black Banner (2003-02-01)"
    assert labels["nf"].get_text() == "Northern Front\nsplit 2000"
    # roots on the left, depth to the right
    assert labels["banner"].xy[0] < labels["crescent"].xy[0] < labels["lions"].xy[0]
    links = {p.get_gid() for p in fig.axes[0].patches}
    assert {"link:split-from:lions:crescent", "link:member-of:crescent:banner", "link:split-from:nf:oldfront"} == links
    empty = genealogy_figure(nx.MultiDiGraph())
    assert "No split-from or member-of" in empty.axes[0].texts[0].get_text()


def test_balance_world(world_graph):
    A = analyse(world_graph, periods=_years())
    ax = balance_figure(A.balance).axes[0]
    index = [t.get_text() for t in ax.texts if not (t.get_gid() or "").startswith("triangles:")]
    assert index == ["1", "1"]  # 2001 and 2004 each hold one unbalanced triangle
    # each balanced share says its sample; one triangle is thin: a hollow marker, and the legend says so
    assert [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith("triangles:")] == ["n=1", "n=2", "n=1"]
    thin = [line for line in ax.lines if line.get_gid() == "thin-balance"]
    assert thin and len(thin[0].get_xdata()) == 3
    assert any(t.get_text().startswith("thin: fewer than 3 triangles") for t in ax.get_legend().get_texts())
    assert ax.get_title(loc="left") == "Structural balance per year"
    phase = balance_figure(A.balance, periodisation="phase")
    assert phase.axes[0].get_title(loc="left") == "Structural balance per phase"


def test_balance_marks_upper_bounds():
    rows = [{"period": "2001", "period_label": "2001", "positive": 3, "negative": 4, "balanced_share": 0.5,
             "frustration_index": 2, "frustration_share": 2 / 7, "frustration_method": "local-search upper bound"}]
    fig = balance_figure(pl.DataFrame(rows))
    assert any(line.get_gid() == "upper-bound" and len(line.get_xdata()) == 1 for line in fig.axes[0].lines)
    assert any("upper bound" in t.get_text() for t in fig.axes[0].get_legend().get_texts())


# -- legibility on the seeds ------------------------------------------------------------

def _overlaps(boxes):
    return [(a, b) for (a, x), (b, y) in combinations(boxes, 2)
            if x.x0 < y.x1 - 0.5 and y.x0 < x.x1 - 0.5 and x.y0 < y.y1 - 0.5 and y.y0 < x.y1 - 0.5]


def test_seed_panels_draw_only_what_their_dates_allow(curated_seed_graph):
    """The 2012 rebellion (17 January – 5 April 2012) holds three events dated within it: the MNLA's
    captures of Ménaka (1 February) and Tessalit (11 March) from the army, and the analyst's March 2012
    alliance of MNLA and Ansar Dine; the fights told only as "2012" (MNLA–MOJWA began in June) only might
    fall there: faint, and counted apart."""
    fig = snapshots(curated_seed_graph)
    ax = next(a for a in fig.axes if a.get_gid() == "panel:rebellion-2012")
    solid = sorted(e[0] for e in _drawn_edges(ax) if e[0] != "imprecise")
    assert solid == ["allied-with", "fought-against"] and set(_labels(ax)) == {"mnla", "ansar-dine", "mali"}
    assert "· 3 events · 14 more might fall here" in ax.get_title(loc="left")
    faint = [c for c in ax.collections if c.get_gid() == "edges:imprecise"]
    assert faint and len(faint[0].get_segments()) >= 4


def test_seed_snapshot_labels_do_not_overlap_and_are_readable(seed_graph):
    fig = snapshots(seed_graph)
    fig.draw_without_rendering()
    renderer = fig.canvas.get_renderer()
    labelled = 0
    for ax in fig.axes:
        boxes = [(gid, t.get_window_extent(renderer)) for gid, t in _labels(ax).items()]
        labelled += len(boxes)
        assert _overlaps(boxes) == [], ax.get_gid()
    assert labelled > 30
    assert min(t.get_fontsize() for t in _all_texts(fig)) >= 8


def test_every_seed_figure_has_title_legend_and_readable_text(seed_graph):
    A = analyse(seed_graph)
    figs = [snapshots(seed_graph), pair_figure(seed_graph, "mnla", "ansar-dine"), coalition_figure(A),
            genealogy_figure(seed_graph), balance_figure(A.balance)]
    for fig in figs:
        fig.draw_without_rendering()
        titles = [ax.get_title(loc="left") for ax in fig.axes] + [fig._suptitle.get_text() if fig._suptitle else ""]
        assert any(titles)
        assert fig.legends or any(ax.get_legend() for ax in fig.axes)
        assert min(t.get_fontsize() for t in _all_texts(fig)) >= 8
        # nothing drawn outside the page
        renderer = fig.canvas.get_renderer()
        page = fig.bbox
        for t in _all_texts(fig):
            box = t.get_window_extent(renderer)
            assert box.x0 >= page.x0 - 1 and box.x1 <= page.x1 + 1 and box.y0 >= page.y0 - 1 and box.y1 <= page.y1 + 1, t.get_text()


def test_max_labels_limits_and_says_so(seed_graph):
    fig = snapshots(seed_graph, max_labels=3)
    for ax in fig.axes:
        assert len(_labels(ax)) <= 3
        drawn = [c for c in ax.collections if c.get_gid() == "actors"]
        assert sum(len(c.get_offsets()) for c in drawn) <= 3  # the others are grey dots
    notes = [t.get_text() for ax in fig.axes for t in ax.texts if t.get_gid() == "note:more-actors"]
    # the 2017-2019 panel: 9 actors, 3 drawn
    assert "+6 more actors (grey dots)" in notes


def test_snapshots_scale_to_hundreds_of_actors():
    import random

    rnd = random.Random(3)
    G = nx.MultiDiGraph()
    for i in range(500):
        G.add_node(f"a{i}", name=f"Actor {i}", kind="militia", generic=False)
    for k in range(1500):
        u, v = rnd.sample(range(500), 2)
        y = rnd.randint(2001, 2004)
        G.add_edge(f"a{u}", f"a{v}", key=f"e{k}", relation=rnd.choice(["fought-against", "allied-with"]),
                   status="reported", start=f"{y}-01-01", end=f"{y + 1}-01-01")
    pos = {n: (rnd.random(), rnd.random()) for n in G}  # the layout's own cost is layout.py's business
    t = time.perf_counter()
    fig = snapshots(G, periods=yearly(G), pos=pos)
    assert time.perf_counter() - t < 10
    for ax in fig.axes:  # 30 actors drawn a panel, most labelled, the rest counted
        unlabelled = [t.get_text() for t in ax.texts if t.get_gid() == "note:more-actors"]
        left_out = int(unlabelled[0].split(" unlabelled")[0].split("· ")[-1]) if "unlabelled" in unlabelled[0] else 0
        assert len(_labels(ax)) + left_out == 30 and left_out <= 8

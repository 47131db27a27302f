"""The interactive explorer: page contents (pure) and behaviour in headless Chromium.

The browser tests need Debian's chromium and chromium-driver (installed by
.ci/run). Where they are missing the browser tests are skipped, except under
CI, where a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest

import chromium
import world
from actors.analysis.analyses import analyse
from actors.render.explorer import NotebookView, explorer_html, explorer_writers, neighbourhood, notebook_view
from actors.output import write_all

ARTIFACTS = Path(__file__).parents[1] / "artifacts"
XSS = "<script>alert(1)</script>"


def _data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="explorer-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


# -- the page, without a browser -----------------------------------------------------------


def test_every_event_is_kept_and_parallel_links_are_merged_per_relation(world_graph):
    data = _data(explorer_html(world_graph))
    assert len(data["events"]) == world_graph.number_of_edges() == 20
    pairs = {(min(u, v), max(u, v), d["relation"]) if d["relation"] in ("fought-against", "allied-with")
             else (u, v, d["relation"]) for u, v, d in world_graph.edges(data=True)}
    assert len(data["groups"]) == len(pairs)
    ids = {n["id"]: n["actor"] for n in data["nodes"]}
    # nf and state: allied three times (w13, w16) ... count events behind the nf–state allied link
    group = next(g for g in data["groups"] if {ids[g["from"]], ids[g["to"]]} == {"nf", "state"}
                 and g["relation"] == "allied-with")
    behind = [ev[9] for ev in data["events"] if ev[0] == group["id"]]
    assert sorted(behind) == ["w13", "w16"]
    # Two relations between one pair are fanned out, not drawn on top of each other.
    both = [g for g in data["groups"] if {ids[g["from"]], ids[g["to"]]} == {"nf", "state"}]
    assert len(both) == 2 and len({json.dumps(g["smooth"]) for g in both}) == 2


def test_document_text_cannot_break_out_of_the_page(world_graph):
    page = explorer_html(world_graph, title='Veld <b>"quoted"</b>', intro=[XSS])
    assert XSS not in page
    assert "<b>" not in page.split("<style>")[0]  # the title is escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # intro shown as text
    evidence = [ev[8] for ev in _data(page)["events"] if ev[9] == "w20"][0]
    assert XSS in evidence and '"' in evidence  # the JSON keeps the text exactly


def test_page_is_self_contained(world_graph):
    page = explorer_html(world_graph)
    assert not re.search(r'(src|href)\s*=\s*["\']?(https?:)?//', page)
    assert "default-src 'none'" in page  # the browser itself refuses any network load
    assert "vis.Network" in page and "new vis.DataSet" in page


def test_page_is_deterministic(world_graph):
    assert explorer_html(world_graph) == explorer_html(world.graph())


def test_dates_become_days_and_undated_events_stay_undated(world_graph):
    data = _data(explorer_html(world_graph))
    w15 = next(ev for ev in data["events"] if ev[9] == "w15")  # "2003", year precision
    assert w15[4] == "2003" and data["precisions"][w15[5]] == "year"
    assert w15[2] - w15[1] == 365
    assert data["first"] <= w15[1] and data["last"] >= w15[2] - 1


def test_neighbourhood_keeps_only_events_touching_the_actors(world_graph):
    H = neighbourhood(world_graph, ["banner"])
    assert H.number_of_edges() == sum(1 for u, v in world_graph.edges() if "banner" in (u, v))
    assert "nf" in H and "oldfront" not in H


def test_focus_pages_for_the_seeds(curated_seed_graph, tmp_path):
    written = write_all(explorer_writers(analyse(curated_seed_graph), tmp_path))
    assert sorted(p.name for p in written) == ["graph.html", "jnim.html", "mnla_ansar_dine.html"]
    pair = (tmp_path / "mnla_ansar_dine.html").read_text(encoding="utf-8")
    data = _data(pair)
    actors = {n["id"]: n["actor"] for n in data["nodes"]}
    assert all({"mnla", "ansar-dine"} & {actors[g["from"]], actors[g["to"]]} for g in data["groups"])
    intro = pair[:pair.index('id="explorer-data"')]
    assert "then fought against by 2012-06-08" in intro  # the shift is told in the introduction,
    assert "last evidence 2012-03, the analyst&#39;s own addition" in intro  # the analyst's evidence named so
    assert data["initial"][0] < data["initial"][1]
    jnim = _data((tmp_path / "jnim.html").read_text(encoding="utf-8"))
    assert any(n["actor"] == "jnim" for n in jnim["nodes"])


def test_notebook_view_embeds_the_page_as_an_escaped_srcdoc(world_graph):
    view = notebook_view(world_graph, height=500)
    assert isinstance(view, NotebookView)
    shown = view._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and 'sandbox="allow-scripts"' in shown
    assert "<script" not in shown  # the whole page is an attribute value
    assert "500px" in shown


# -- the page in a real browser --------------------------------------------------------------

needs_browser = pytest.mark.skipif(not chromium.available() and not os.environ.get("CI"),
                                   reason="headless Chromium not installed (apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def driver():
    if not chromium.available():
        pytest.fail(f"CI needs {chromium.CHROMIUM} and {chromium.CHROMEDRIVER}")
    with chromium.browser() as d:
        yield d


def _wait_drawn(driver, where: str = "the page") -> None:
    deadline = time.monotonic() + 20
    while not driver.execute_script("return document.body && document.body.dataset.drawn === 'true'"):
        assert time.monotonic() < deadline, f"the network was never drawn in {where}"
        time.sleep(0.05)


def _open(driver, path: Path) -> list[str]:
    """Open a page; return the URLs it requested. Waits until the network is drawn."""
    chromium.requested_urls(driver)
    chromium.console_errors(driver)
    driver.get(path.resolve().as_uri())
    _wait_drawn(driver)
    return chromium.requested_urls(driver)


@pytest.fixture(scope="module")
def world_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("explorer") / "world.html"
    path.write_text(explorer_html(world.graph(), title="Veld"), encoding="utf-8")
    return path


def _link_id(driver, a: str, b: str) -> int:
    """The id of the drawn link from actor ``a`` to actor ``b``."""
    return driver.execute_script("""
        var api = window.actorsExplorer, a = arguments[0], b = arguments[1];
        var ids = new Map(api.nodes.get().map(function (n) { return [n.id, n.actor]; }));
        return api.edges.get().filter(function (e) {
            return ids.get(e.from) === a && ids.get(e.to) === b; })[0].id;""", a, b)


def _click_link(driver, edge_id: str) -> None:
    """Click the middle of a drawn link, as a person would, after checking it is the one there."""
    from selenium.webdriver.common.action_chains import ActionChains

    point = driver.execute_script("""
        var api = window.actorsExplorer, net = api.network, e = api.edges.get(arguments[0]);
        var p = net.getPositions([e.from, e.to]);
        var mid = net.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
        return {x: mid.x, y: mid.y, hit: net.getEdgeAt(mid), node: net.getNodeAt(mid)};""", edge_id)
    assert point["hit"] == edge_id and point["node"] is None, point
    canvas = driver.find_element("css selector", "#network canvas")
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(
        canvas, point["x"] - size["width"] / 2, point["y"] - size["height"] / 2).click().perform()


@needs_browser
def test_world_page_draws_offline_without_errors(driver, world_page):
    urls = _open(driver, world_page)
    assert all(u.startswith(("file:", "data:")) for u in urls), urls
    assert chromium.console_errors(driver) == []
    assert driver.execute_script("return window.actorsExplorer.nodes.length") == 8
    assert driver.execute_script("return window.actorsExplorer.visibleLinks()") > 0
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "explorer_world.png"))


@needs_browser
def test_moving_the_slider_changes_the_visible_links(driver, world_page):
    _open(driver, world_page)
    count = lambda: driver.execute_script("return window.actorsExplorer.visibleLinks()")
    everything = count()
    # 2003-01-01 .. 2003-12-31: the Banner year; 1999's split and 2004's events drop out.
    driver.execute_script("""
        function set(id, iso) { var s = document.getElementById(id);
            s.value = Math.round(Date.parse(iso) / 86400000); s.dispatchEvent(new Event('input')); }
        set('from', '2003-01-01'); set('to', '2003-12-31');""")
    in_2003 = count()
    assert 0 < in_2003 < everything
    assert driver.find_element("id", "range-label").text == "2003-01-01 – 2003-12-31"
    stats = driver.find_element("id", "stats")
    assert stats.get_attribute("data-links") == str(in_2003)
    # Toggling a status hides what it alone supports: w12 (claimed) is banner–un's only 2003 event.
    driver.find_element("css selector", "input.status[value=claimed]").click()
    assert count() == in_2003 - 1
    assert chromium.console_errors(driver) == []


@needs_browser
def test_events_dated_less_precisely_than_the_window_are_counted_apart(driver, world_page):
    _open(driver, world_page)
    driver.execute_script("""
        function set(id, iso) { var s = document.getElementById(id);
            s.value = Math.round(Date.parse(iso) / 86400000); s.dispatchEvent(new Event('input')); }
        set('from', '2003-01-01'); set('to', '2003-06-30');""")
    stats = driver.find_element("id", "stats")
    # w15 (un–state, "2003") only might fall in the first half of 2003: counted apart, its link faded
    assert stats.get_attribute("data-imprecise") == "1"
    assert "1 more dated less precisely than the window" in stats.text and "1 faded link" in stats.text
    assert chromium.console_errors(driver) == []


@needs_browser
def test_clicking_a_link_shows_its_evidence_as_text(driver, world_page):
    _open(driver, world_page)
    _click_link(driver, _link_id(driver, "banner", "state"))
    panel = driver.find_element("id", "panel")
    assert "Black Banner" in panel.text or "Banner" in panel.text
    assert 'radio said "<script>alert(1)</script>" & fled.' in panel.text
    assert "On 1 June 2003 the Black Banner attacked the Veldian army at Dorn." in panel.text
    assert "2004-06-06 (day)" in panel.text and "veld.txt" in panel.text
    assert panel.find_elements("css selector", "script") == []
    assert driver.execute_script("return window.__alerts") == []
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "explorer_world_panel.png"))
    assert chromium.console_errors(driver) == []


@needs_browser
def test_search_finds_an_actor_by_alias_regardless_of_case(driver, world_page):
    _open(driver, world_page)
    box = driver.find_element("id", "search")
    box.send_keys("black banner\n")
    panel = driver.find_element("id", "panel").text
    assert "Black Banner" in panel and "Kind" in panel
    assert driver.execute_script("return window.actorsExplorer.network.getSelectedNodes().length") == 1


@needs_browser
def test_seed_pages_draw_offline(driver, seed_graph, tmp_path):
    written = write_all(explorer_writers(analyse(seed_graph), tmp_path))
    for path in written:
        urls = _open(driver, path)
        assert all(u.startswith(("file:", "data:")) for u in urls), (path.name, urls)
        assert chromium.console_errors(driver) == [], path.name
        assert driver.execute_script("return window.actorsExplorer.visibleLinks()") > 0, path.name
        ARTIFACTS.mkdir(exist_ok=True)
        driver.save_screenshot(str(ARTIFACTS / f"explorer_seeds_{path.stem}.png"))


def _executed_output(tmp_path: Path) -> str:
    """Run a one-cell notebook through a real Jupyter kernel; return the cell's text/html output."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell(
        "import sys\n"
        f"sys.path.insert(0, {str(Path(__file__).parents[1])!r})\n"
        "import world\n"
        "from actors.render.explorer import notebook_view\n"
        "notebook_view(world.graph(), height=480)"))
    NotebookClient(nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    outputs = nb.cells[0].outputs
    assert [o.output_type for o in outputs] == ["execute_result"], outputs
    return outputs[0].data["text/html"]


@needs_browser
def test_notebook_output_from_a_real_kernel_draws_offline(driver, tmp_path):
    shown = _executed_output(tmp_path)
    assert shown.startswith("<iframe srcdoc=") and "480px" in shown
    host = tmp_path / "notebook_output.html"
    host.write_text(f"<!DOCTYPE html><html><body>{shown}</body></html>", encoding="utf-8")
    chromium.requested_urls(driver)
    driver.get(host.resolve().as_uri())
    driver.switch_to.frame(driver.find_element("css selector", "iframe"))
    try:
        _wait_drawn(driver, "the notebook output")
        assert driver.execute_script("return window.actorsExplorer.visibleLinks()") > 0
    finally:
        driver.switch_to.default_content()
    assert chromium.console_errors(driver) == []
    assert all(u.startswith(("file:", "data:", "about:")) for u in chromium.requested_urls(driver))
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "explorer_notebook_output.png"))


from hypothesis import given, settings, strategies as st  # noqa: E402

from actors.render.explorer import _script_json  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda kids: st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=5), kids, max_size=4),
                    max_leaves=12))
def test_script_json_round_trips_and_never_closes_its_element(value):
    text = _script_json(value)
    assert json.loads(text) == value
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text


def test_a_graph_without_dated_events_still_gives_a_page():
    import networkx as nx

    G = nx.MultiDiGraph()
    assert "vis.Network" in explorer_html(G)
    G.add_edge("a", "b", "e1", relation="allied-with", date="", precision="unknown", status="reported",
               claimant=None, doc="d.txt", evidence="A and B, allies.", char_start=0, char_end=16,
               start=None, end=None)
    data = _data(explorer_html(G))
    assert data["events"][0][1] is None and data["first"] is None and data["initial"] is None


@needs_browser
def test_a_page_of_undated_events_draws_them(driver, tmp_path):
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_edge("a", "b", "e1", relation="allied-with", date="", precision="unknown", status="reported",
               claimant=None, doc="d.txt", evidence="A and B, allies.", char_start=0, char_end=16,
               start=None, end=None)
    path = tmp_path / "undated.html"
    path.write_text(explorer_html(G), encoding="utf-8")
    _open(driver, path)
    assert chromium.console_errors(driver) == []
    assert driver.execute_script("return window.actorsExplorer.visibleLinks()") == 1
    assert driver.find_element("id", "range-label").text == "no dated events"


def test_an_unknown_status_is_refused_not_shown_as_reported():
    import networkx as nx

    from actors.errors import ActorsError

    G = nx.MultiDiGraph()
    G.add_edge("a", "b", "e9", relation="allied-with", date="2001", precision="year", status="rumoured",
               claimant=None, doc="d.txt", evidence="x", char_start=0, char_end=1,
               start="2001-01-01", end="2002-01-01")
    with pytest.raises(ActorsError, match="'e9'.*'rumoured'"):
        explorer_html(G)


def _told_mentions(G):
    """Mentions of one banner–state event: its own (whose attacker a later claim named), another
    report's sentence told twice word for word, and a third carrying markup."""
    k = next(k for u, v, k, d in G.edges(keys=True, data=True) if {u, v} == {"banner", "state"})
    other = {"edge_id": k, "status": "claimed", "date": "2003-06-01", "doc": "b.txt", "char_start": 5,
             "char_end": 60, "context": "", "evidence": "The Banner says it  struck Dorn."}
    return k, [
        {"edge_id": k, "mention_id": k, "context": "The Banner claimed the attack <b>at once</b>."},
        {**other, "mention_id": "m2"}, {**other, "mention_id": "m3", "doc": "c.txt", "evidence": "The Banner says it struck Dorn."},
        {**other, "mention_id": "m4", "evidence": XSS, "context": "Filled & <i>told</i>."},
    ]


def test_each_event_carries_every_other_sentence_that_tells_it():
    G = world.graph()
    k, mentions = _told_mentions(G)
    data = _data(explorer_html(G, mentions=mentions))
    (row,) = [ev for ev in data["events"] if ev[9] == k]
    others, context, more = row[14:]
    assert context == "The Banner claimed the attack <b>at once</b>." and more == 0
    assert [(o[0], o[3], o[4]) for o in others] == [("The Banner says it struck Dorn.", 2, "b.txt"), (XSS, 1, "b.txt")]
    assert all(len(ev) == 17 for ev in data["events"])  # events no other sentence tells carry empty lists
    assert "<b>at once" not in explorer_html(G, mentions=mentions)


@needs_browser
def test_the_panel_lists_every_sentence_of_an_event_as_text(driver, tmp_path):
    G = world.graph()
    k, mentions = _told_mentions(G)
    path = tmp_path / "told.html"
    path.write_text(explorer_html(G, mentions=mentions), encoding="utf-8")
    _open(driver, path)
    _click_link(driver, _link_id(driver, "banner", "state"))
    panel = driver.find_element("id", "panel")
    assert "Also told by 3 other sentence(s):" in panel.text
    assert "word for word in 1 more" in panel.text and XSS in panel.text
    assert "The Banner claimed the attack <b>at once</b>." in panel.text and "Filled & <i>told</i>." in panel.text
    assert panel.find_elements("css selector", "script, b, i") == []
    assert driver.execute_script("return window.__alerts") == []
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "explorer_told_panel.png"))
    assert chromium.console_errors(driver) == []


# -- the analyst's first hour: paging, the time axis, the URL, sizes, tooltips, curation -----------

import datetime as dt  # noqa: E402

from actors.network.windows import Period, phases  # noqa: E402

VELD_PERIODS = [Period(dt.date(2001, 1, 1), dt.date(2002, 1, 1), "war-2001", "2001 war"),
                Period(dt.date(2003, 1, 1), dt.date(2003, 7, 1), "banner-2003", "Banner's first half-year <b>"),
                Period(dt.date(2030, 1, 1), None, "later", "After the data")]


def _busy_graph(n: int = 120):
    """``n`` day-dated fights between A and B (one link), one of them the analyst's, one re-dated;
    a node whose name carries markup."""
    import networkx as nx

    G = nx.MultiDiGraph()
    G.add_node("a", name="Alpha <b>bold</b>", kind="militia")
    G.add_node("b", name="Beta", kind="militia")
    G.add_node("c", name="Gamma", kind="militia")
    start = dt.date(2010, 1, 1)
    for i in range(n):
        day = start + dt.timedelta(days=3 * i)
        G.add_edge("a", "b", f"e{i:03d}", relation="fought-against", date=day.isoformat(), precision="day",
                   status="reported", claimant=None, doc="x.txt", evidence=f"Alpha hit Beta, time {i}.",
                   char_start=i, char_end=i + 1, start=day.isoformat(),
                   end=(day + dt.timedelta(days=1)).isoformat(), cue="attack", curation="")
    G.edges["a", "b", "e000"].update(cue="curation", curation="o1", doc="overrides.toml")
    G.edges["a", "b", "e001"].update(curation="o2")  # a text's event the analyst re-dated
    G.add_edge("b", "c", "f0", relation="allied-with", date="2011-05-01", precision="day", status="reported",
               claimant=None, doc="y.txt", evidence="Beta and Gamma allied.", char_start=0, char_end=5,
               start="2011-05-01", end="2011-05-02")
    return G


def test_node_sizes_are_capped_and_small_graphs_keep_theirs(world_graph):
    import math

    import networkx as nx

    sizes = {n["actor"]: n["size"] for n in _data(explorer_html(world_graph))["nodes"]}
    degree = dict(nx.MultiDiGraph(world_graph).degree())
    assert sizes == {a: round(8 + 3 * math.sqrt(degree[a]), 1) for a in sizes}  # as before
    star = nx.MultiDiGraph()
    for i in range(20000):
        star.add_edge("hub", f"s{i % 50}", f"k{i}", relation="fought-against", date="2001", precision="year",
                      status="reported", claimant=None, doc="d.txt", evidence="x", char_start=0, char_end=1,
                      start="2001-01-01", end="2002-01-01")
    big = {n["actor"]: n["size"] for n in _data(explorer_html(star, pos={n: (0.5, 0.5) for n in star}))["nodes"]}
    assert big["hub"] == 40 and all(8 < s < 40 for a, s in big.items() if a != "hub")


def test_periods_and_curation_marks_reach_the_page():
    page = explorer_html(_busy_graph(), periods=VELD_PERIODS)
    data = _data(page)
    assert [p["id"] for p in data["periods"]] == ["war-2001", "banner-2003", "later"]
    assert data["periods"][2]["end"] is None
    assert data["periods"][0]["end"] - data["periods"][0]["start"] == 365  # end is the day after the last
    assert "Banner's first half-year <b>" not in page  # a label is data: escaped JSON, shown as text
    marks = {data["events"][int(i)][9]: m for i, m in data["curated"].items()}
    assert marks == {"e000": "added", "e001": "redated"}
    assert explorer_html(_busy_graph(), periods=VELD_PERIODS) == page


def test_the_writers_give_every_page_the_named_phases(curated_seed_graph, tmp_path):
    written = write_all(explorer_writers(analyse(curated_seed_graph), tmp_path))
    for path in written:
        assert [p["id"] for p in _data(path.read_text(encoding="utf-8"))["periods"]] == [p.id for p in phases()]


@pytest.fixture(scope="module")
def busy_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("explorer") / "busy.html"
    path.write_text(explorer_html(_busy_graph(), title="Busy"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def periods_page(tmp_path_factory):
    path = tmp_path_factory.mktemp("explorer") / "periods.html"
    path.write_text(explorer_html(world.graph(), title="Veld", periods=VELD_PERIODS), encoding="utf-8")
    return path


@needs_browser
def test_a_long_link_lists_its_events_fifty_at_a_time(driver, busy_page):
    _open(driver, busy_page)
    _click_link(driver, _link_id(driver, "a", "b"))
    count = lambda: len(driver.find_elements("css selector", "#panel article.event"))
    more = driver.find_element("css selector", "#panel button.more")
    assert count() == 50 and more.text == "show 50 more (70 not shown yet)"
    assert "120 event(s) in the current window and filters, listed 50 at a time" in driver.find_element("id", "panel").text
    more.click()
    assert count() == 100 and more.text == "show 20 more (20 not shown yet)"
    more.click()
    assert count() == 120 and not more.is_displayed()
    panel = driver.find_element("id", "panel").text
    assert panel.count("analyst's addition") == 1 and panel.count("date set by the analyst") == 1
    assert chromium.console_errors(driver) == []


@needs_browser
def test_the_actor_panel_lists_its_own_events_by_date_paged(driver, busy_page):
    _open(driver, busy_page)
    ids = driver.execute_script("return window.actorsExplorer.nodes.get().map(function (n) { return n.actor; })")
    driver.execute_script("window.actorsExplorer.showActor(arguments[0])", ids.index("b"))
    items = driver.find_elements("css selector", "#panel ol.actor-timeline li")
    assert len(items) == 50
    assert items[0].text.startswith("2010-01-01 ") and "analyst's addition" in items[0].text
    assert "Its events, by date (121)" in driver.find_element("id", "panel").text
    assert driver.find_elements("css selector", "#panel .strip .bar")  # one bar per year
    driver.find_element("css selector", "#panel ol.actor-timeline + button.more").click()
    assert len(driver.find_elements("css selector", "#panel ol.actor-timeline li")) == 100
    # Its entry opens the link's events.
    driver.find_elements("css selector", "#panel ol.actor-timeline button.open-link")[0].click()
    assert driver.find_element("css selector", "#panel h2").text.startswith("Alpha")
    assert chromium.console_errors(driver) == []


@needs_browser
def test_node_sizes_are_capped_in_the_drawing(driver, busy_page):
    _open(driver, busy_page)
    sizes = driver.execute_script("return window.actorsExplorer.nodes.get().map(function (n) { return n.size; })")
    assert max(sizes) <= 40
    width = driver.execute_script("""
        var net = window.actorsExplorer.network, ids = window.actorsExplorer.nodes.getIds();
        return Math.max.apply(null, ids.map(function (id) { return net.body.nodes[id].shape.width; }));""")
    assert 2 * 30 < width <= 2 * 40  # the dot as drawn (its label aside): the busiest actor at the cap


@needs_browser
def test_date_fields_presets_and_play_set_the_window(driver, periods_page):
    _open(driver, periods_page)
    label = lambda: driver.find_element("id", "range-label").text
    value = lambda i: driver.find_element("id", i).get_attribute("value")
    ticks = driver.execute_script("return Array.from(document.querySelectorAll('.tick')).map(function (t) { return t.textContent; })")
    assert ticks and all(re.fullmatch(r"\d{4}(-\d\d)?", t) for t in ticks)
    # A date typed into a field moves its slider and the window.
    driver.execute_script("""var f = document.getElementById('from-date'); f.value = '2003-01-01';
        f.dispatchEvent(new Event('change'));""")
    assert value("from") == str((dt.date(2003, 1, 1) - dt.date(1970, 1, 1)).days)
    assert label().startswith("2003-01-01 – ")
    # A slider moves its field.
    driver.execute_script("""var s = document.getElementById('to'); s.value = Math.round(Date.parse('2003-12-31') / 86400000);
        s.dispatchEvent(new Event('input'));""")
    assert value("to-date") == "2003-12-31" and label() == "2003-01-01 – 2003-12-31"
    # A preset: the period's days, shown pressed; the label is text.
    buttons = driver.find_elements("css selector", "#presets button.preset")
    assert [b.text for b in buttons] == ["all dates", "2001 war", "Banner's first half-year <b>", "After the data"]
    assert buttons[1].is_enabled() and not buttons[3].is_enabled()  # no date of the page after 2030
    links_all = driver.execute_script("return window.actorsExplorer.visibleLinks()")
    buttons[2].click()
    assert label() == "2003-01-01 – 2003-06-30" and value("from-date") == "2003-01-01"
    assert buttons[2].get_attribute("aria-pressed") == "true" and buttons[1].get_attribute("aria-pressed") == "false"
    assert driver.execute_script("return window.actorsExplorer.visibleLinks()") < links_all
    assert driver.find_elements("css selector", "#presets b") == []
    # Play steps through the periods the page has dates in, then stops; a second click stops it early.
    driver.execute_script("window.actorsExplorer.playMs = 150;")
    play = driver.find_element("id", "play")
    play.click()
    assert label() == "2001-01-01 – 2001-12-31"  # the first period at once
    seen, deadline = {label()}, time.monotonic() + 5
    while play.get_attribute("aria-pressed") == "true" and time.monotonic() < deadline:
        seen.add(label())
        time.sleep(0.03)
    assert play.get_attribute("aria-pressed") == "false"
    assert "2003-01-01 – 2003-06-30" in seen and label() == "2003-01-01 – 2003-06-30"
    driver.execute_script("window.actorsExplorer.playMs = 100000;")
    play.click()
    assert play.get_attribute("aria-pressed") == "true"
    play.click()
    assert play.get_attribute("aria-pressed") == "false" and play.text == "▶ play"
    assert chromium.console_errors(driver) == []


@needs_browser
def test_the_view_round_trips_through_the_url_fragment(driver, periods_page):
    _open(driver, periods_page)
    assert "#" not in driver.current_url  # an untouched view leaves the address alone
    driver.find_elements("css selector", "#presets button.preset")[2].click()
    driver.find_element("css selector", "input.relation[value=allied-with]").click()
    driver.find_element("id", "within").click()
    time.sleep(0.5)
    url = driver.current_url
    assert url.endswith("#from=2003-01-01&to=2003-06-30&rel=fought-against,split-from,member-of"
                        "&st=reported,claimed,alleged&within=1"), url
    links = driver.execute_script("return window.actorsExplorer.visibleLinks()")
    driver.get("about:blank")
    _open_url(driver, url)
    assert driver.find_element("id", "range-label").text == "2003-01-01 – 2003-06-30"
    assert not driver.find_element("css selector", "input.relation[value=allied-with]").is_selected()
    assert driver.find_element("id", "within").is_selected()
    assert driver.execute_script("return window.actorsExplorer.visibleLinks()") == links
    assert driver.find_elements("css selector", "#presets button[aria-pressed=true]")[0].text.startswith("Banner")
    # A fragment out of range or broken is clamped or ignored, never an error.
    driver.get("about:blank")
    _open_url(driver, periods_page.resolve().as_uri() + "#from=1800-01-01&to=nonsense&st=reported&x=%E0")
    first = dt.date(1970, 1, 1) + dt.timedelta(days=_data(periods_page.read_text(encoding="utf-8"))["first"])
    assert driver.find_element("id", "from-date").get_attribute("value") == first.isoformat()
    assert [c.get_attribute("value") for c in driver.find_elements("css selector", "input.status") if c.is_selected()] == ["reported"]
    assert chromium.console_errors(driver) == []


def _open_url(driver, url: str) -> None:
    driver.get(url)
    _wait_drawn(driver)


def _hover(driver, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    canvas = driver.find_element("css selector", "#network canvas")
    size = canvas.size
    ActionChains(driver).move_to_element_with_offset(canvas, x - size["width"] / 2 + 1, y - size["height"] / 2).perform()
    ActionChains(driver).move_to_element_with_offset(canvas, x - size["width"] / 2, y - size["height"] / 2).perform()


def _tooltip(driver) -> str:
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        text = driver.execute_script("""var t = document.querySelector('div.vis-tooltip');
            return t && t.style.visibility !== 'hidden' ? t.textContent : null;""")
        if text:
            return text
        time.sleep(0.05)
    raise AssertionError("no tooltip shown")


@needs_browser
def test_hover_tooltips_are_text(driver, busy_page):
    _open(driver, busy_page)
    edge = _link_id(driver, "a", "b")
    mid = driver.execute_script("""
        var api = window.actorsExplorer, net = api.network, e = api.edges.get(arguments[0]);
        var p = net.getPositions([e.from, e.to]);
        return net.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});""", edge)
    _hover(driver, mid["x"], mid["y"])
    text = _tooltip(driver)
    assert "fought against" in text.lower() and "Alpha <b>bold</b> — Beta" in text
    assert "120 event(s) in the window" in text and "2010-01-01 – 2010-12-24" in text
    assert driver.find_elements("css selector", "div.vis-tooltip b") == []
    a = driver.execute_script("""var api = window.actorsExplorer, id = api.nodes.get().filter(function (n) {
        return n.actor === 'a'; })[0].id; return api.network.canvasToDOM(api.network.getPositions([id])[id]);""")
    _hover(driver, a["x"], a["y"])
    deadline = time.monotonic() + 3
    while "militia" not in _tooltip(driver) and time.monotonic() < deadline:
        time.sleep(0.05)
    text = _tooltip(driver)
    assert "Alpha <b>bold</b>" in text and "militia" in text and "120 event(s) in the window" in text
    assert driver.find_elements("css selector", "div.vis-tooltip b") == []
    assert driver.execute_script("return window.__alerts") == [] and chromium.console_errors(driver) == []


def test_a_repeated_text_is_carried_once_and_put_back_by_the_page():
    import networkx as nx

    G = nx.MultiDiGraph()
    long = "A long sentence that many reports repeat word for word, " * 3
    for i in range(5):
        G.add_edge("a", "b", f"e{i}", relation="fought-against", date="2001", precision="year", status="reported",
                   claimant=None, doc="a report with a long title.txt", evidence=long, char_start=0, char_end=9,
                   start="2001-01-01", end="2002-01-01")
    rows = _data(explorer_html(G))["events"]
    assert rows[0][7] == "a report with a long title.txt" and rows[0][8] == long
    assert all(ev[7] == 0 and ev[8] == 0 for ev in rows[1:])  # the index of the event that carries them
    assert all(ev[6] == "" for ev in rows)  # a text no longer than its index would be is kept


@needs_browser
def test_repeated_texts_are_shown_in_full(driver, tmp_path):
    import networkx as nx

    G = nx.MultiDiGraph()
    long = "A long sentence that many reports repeat <b>word for word</b>."
    for i in range(3):
        G.add_edge("a", "b", f"e{i}", relation="fought-against", date=f"200{i}", precision="year", status="reported",
                   claimant=None, doc="a report with a long title.txt", evidence=long, char_start=0, char_end=9,
                   start=f"200{i}-01-01", end=f"200{i + 1}-01-01")
    path = tmp_path / "repeated.html"
    path.write_text(explorer_html(G), encoding="utf-8")
    _open(driver, path)
    _click_link(driver, _link_id(driver, "a", "b"))
    panel = driver.find_element("id", "panel").text
    assert panel.count(long) == 3 and panel.count("a report with a long title.txt") == 3
    assert chromium.console_errors(driver) == []


@needs_browser
def test_an_open_panel_follows_the_window(driver, busy_page):
    _open(driver, busy_page)
    _click_link(driver, _link_id(driver, "a", "b"))
    driver.execute_script("""var f = document.getElementById('to-date'); f.value = '2010-01-31';
        f.dispatchEvent(new Event('change'));""")
    panel = driver.find_element("id", "panel")
    assert "11 event(s) in the current window and filters" in panel.text  # every third day of January 2010
    assert len(panel.find_elements("css selector", "article.event")) == 11
    assert chromium.console_errors(driver) == []

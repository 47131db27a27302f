"""The pair timeline: its rows built by hand (pure data), then drawn: merged counts, the analyst's
additions, month binning with a bounded height, shift labels naming text over curation, bytes."""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from PIL import Image

from actors.analysis.pairs import alliance_shifts
from actors.render.figures import pair_figure, save_figure
from actors.render.figures.pair_rows import (LABEL_CHARS, PAIR_MAX_HEIGHT_PX, PAIR_ROW_LIMIT, pair_events, pair_rows,
                                             pair_shifts, shift_labels)

ROOT = Path(__file__).resolve().parents[2]


def _interval(date: str) -> tuple[str, str, str]:
    """(precision, start, end exclusive) of "2012", "2012-06" or "2012-06-08"."""
    if len(date) == 4:
        return "year", f"{date}-01-01", f"{int(date) + 1}-01-01"
    if len(date) == 7:
        first = dt.date.fromisoformat(f"{date}-01")
        return "month", first.isoformat(), (first + dt.timedelta(days=32)).replace(day=1).isoformat()
    day = dt.date.fromisoformat(date)
    return "day", date, (day + dt.timedelta(days=1)).isoformat()


def _add(G, key, rel, date, *, status="reported", doc="a.txt", curation="", u="x", v="y", evidence=None, **kw):
    precision, start, end = _interval(date)
    G.add_edge(u, v, key=key, relation=rel, status=status, date=date, precision=precision, start=start, end=end,
               doc=doc, evidence=evidence or f"Sentence {key} about x and y.", char_start=0, char_end=1,
               curation=curation or None, **kw)


def _pair():
    G = nx.MultiDiGraph()
    G.add_node("x", name="Xland Front (XF)")
    G.add_node("y", name="Yonder Brigade")
    return G


def _rows(layout):
    return [r for band in layout["bands"] for r in band["rows"]]


def _png_size(fig) -> tuple[int, int]:
    buf = io.BytesIO()
    save_figure(fig, buf, format="png")
    return Image.open(io.BytesIO(buf.getvalue())).size


# -- rows (pure data) -----------------------------------------------------------------

def test_world_rows_and_labels(world_graph):
    events = pair_events(world_graph, "nf", "crescent")
    assert [e["edge_id"] for e in events] == ["w02", "w04", "w05", "w06"]  # undated last
    layout = pair_rows(events, first="allied-with")
    assert layout["unit"] is None and layout["hidden_rows"] == 0
    assert [(b["relation"], b["events"]) for b in layout["bands"]] == [("allied-with", 2), ("fought-against", 1)]
    rows = _rows(layout)
    assert [(r["gid"], r["mark"], r["status"], r["count"]) for r in rows] == [
        ("event:w02", "bar", "reported", 1), ("event:w05", "bar", "denied", 1), ("event:w04", "dot", "reported", 1)]
    assert [r["label"] for r in rows] == [
        "2001-03 · fiction: In March 2001 the Crescent Brigade…",
        "2001-09 · denied, fiction: In September 2001 the Front…",
        "2001-07-02 · fiction: On 2 July 2001 the Northern…"]
    assert all(len(r["label"]) <= LABEL_CHARS for r in rows)
    # the bars cover the whole month, the dot its day
    assert (rows[0]["start"], rows[0]["last_day"]) == ("2001-03-01", "2001-03-31")
    assert (rows[2]["start"], rows[2]["last_day"]) == ("2001-07-02", "2001-07-02")
    # without a shift to lead, bands follow their first date, then the order of relations
    assert [b["relation"] for b in pair_rows(events)["bands"]] == ["allied-with", "fought-against"]


def test_identical_imprecise_events_share_a_row_with_a_count():
    G = _pair()
    for k in range(3):
        _add(G, f"y{k}", "allied-with", "2012", cue="support")
    _add(G, "y3", "allied-with", "2012", status="claimed")  # another status: its own row
    _add(G, "y4", "allied-with", "2012", doc="overrides.toml", curation="add-1", cue="curation",
         evidence="Both joined the offensive.")  # the analyst's: its own row
    _add(G, "m1", "allied-with", "2012-03")  # another interval
    _add(G, "d1", "allied-with", "2012-03-05", cue="joint")
    _add(G, "d2", "allied-with", "2012-03-05", cue="joint")  # the same day twice: one dot, ×2
    rows = _rows(pair_rows(pair_events(G, "x", "y")))
    assert [(r["mark"], r["status"], r["curated"], r["count"]) for r in rows] == [
        ("bar", "reported", "", 3), ("bar", "reported", "added", 1), ("bar", "claimed", "", 1),
        ("bar", "reported", "", 1), ("dot", "reported", "", 2)]
    assert rows[0]["label"] == "2012 ×3 · support: Sentence y0 about x and y."
    assert rows[1]["label"] == "2012 · analyst's addition: Both joined the offensive."
    assert rows[2]["label"].startswith("2012 · claimed: ")
    assert rows[3]["label"].startswith("2012-03 · ")
    assert rows[4]["label"].startswith("2012-03-05 ×2 · joint: ")


def test_ranges_are_bars_over_their_interval_and_labels_stay_short():
    G = _pair()
    long = "word " * 40
    G.add_edge("x", "y", key="r1", relation="fought-against", status="alleged", date="2012-03", precision="month",
               start="2012-03-02", end="2012-03-10", doc="a.txt", evidence=long)  # date_earliest/latest: 2–9 March
    G.add_edge("x", "y", key="r2", relation="fought-against", status="reported", date="2012", precision="year",
               start="2012-04-01", end="2012-07-01", doc="a.txt", evidence="Spring fighting.")
    rows = _rows(pair_rows(pair_events(G, "x", "y")))
    assert [(r["mark"], r["start"], r["last_day"]) for r in rows] == [
        ("bar", "2012-03-02", "2012-03-09"), ("bar", "2012-04-01", "2012-06-30")]
    assert rows[0]["label"].startswith("2012-03-02–2012-03-09 · alleged: word word")
    assert rows[0]["label"].endswith("…") and len(rows[0]["label"]) <= LABEL_CHARS
    assert rows[1]["label"] == "2012-04–2012-06 · Spring fighting."


def test_a_redated_event_is_the_analysts_date_not_an_addition():
    G = _pair()
    _add(G, "t1", "allied-with", "2012-05-01", curation="redate-1", doc="a.txt")
    row, = _rows(pair_rows(pair_events(G, "x", "y")))
    assert row["curated"] == "redated" and "re-dated by analyst" in row["label"]


def test_month_binning_above_the_limit():
    G = _pair()
    day = dt.date(2012, 1, 1)
    for k in range(PAIR_ROW_LIMIT + 10):  # one event every four days: 50 rows, too many
        _add(G, f"d{k}", "fought-against", (day + dt.timedelta(days=4 * k)).isoformat())
    _add(G, "y1", "fought-against", "2012")  # wider than a month: kept whole
    events = pair_events(G, "x", "y")
    assert len(_rows(pair_rows(events, limit=len(events)))) == len(events)  # under the limit: a row each
    layout = pair_rows(events)
    assert layout["unit"] == "month"
    rows = _rows(layout)
    bins = [r for r in rows if r["mark"] == "bin"]
    months = Counter((day + dt.timedelta(days=4 * k)).isoformat()[:7] for k in range(PAIR_ROW_LIMIT + 10))
    assert [r["label"].split(" · ")[0] for r in bins] == [f"{m} ×{n}" for m, n in sorted(months.items())]
    assert bins[0]["label"] == "2012-01 ×8 · Sentence d0 about x and y."
    assert sum(r["count"] for r in bins) == PAIR_ROW_LIMIT + 10
    assert (bins[1]["start"], bins[1]["last_day"]) == ("2012-02-02", "2012-02-26")  # its first and last events
    assert [r["label"] for r in rows if r["mark"] == "bar"] == ["2012 · Sentence y1 about x and y."]


def test_years_then_truncation_keep_the_rows_bounded():
    events = [{"edge_id": f"e{k}", "relation": rel, "status": st, "precision": "day", "date": d, "start": d,
               "last_day": d, "doc": "a.txt", "evidence": "x", "cue": "", "curated": cur, "source": "x", "target": "y"}
              for k, (rel, st, cur, d) in enumerate(
                  (rel, st, cur, f"{2000 + y}-0{m}-01")
                  for rel in ("fought-against", "allied-with", "split-from", "member-of")
                  for st in ("reported", "claimed", "alleged", "denied", "disputed")
                  for cur in ("", "added", "redated") for y in range(3) for m in (1, 5))]
    layout = pair_rows(events)
    assert layout["unit"] == "100 years" and len(_rows(layout)) == PAIR_ROW_LIMIT
    assert layout["hidden_rows"] == 20 and layout["hidden_events"] == 20 * 6
    assert sum(r["count"] for r in _rows(layout)) + layout["hidden_events"] == len(events)


# -- shifts ----------------------------------------------------------------------------

def test_shift_label_names_the_text_over_a_tied_analysts_addition():
    G = _pair()
    _add(G, "a-text", "allied-with", "2012-02", doc="a.txt")
    _add(G, "a-cur", "allied-with", "2012-02", doc="overrides.toml", curation="add-1", cue="curation")
    _add(G, "f-cur", "fought-against", "2012-06", doc="b-overrides.toml", curation="add-2", cue="curation")
    _add(G, "f-text", "fought-against", "2012-06", doc="z.txt")
    shift = alliance_shifts(G).row(0, named=True)
    assert (shift["edge_before"], shift["edge_after"]) == ("a-text", "f-text")  # the analysis' own tie rule
    label, = shift_labels([shift], pair_events(G, "x", "y"))
    assert label["edges"] == ("a-text", "f-text")
    assert label["text"] == ("fighting by 2012-06 (at the latest 2012-06-30) · z.txt\n"
                             "last allied: 2012-02 · a.txt")
    ax = pair_figure(G, "x", "y").axes[0]
    shown, = [t.get_text() for t in ax.texts if t.get_gid() == "shift-label:0"]
    assert "overrides" not in shown and "z.txt" in shown and "a.txt" in shown
    # the named evidence is in bold; the analyst's additions in italics, starred
    styles = {t.get_text().split(" · ")[0] + (" *" if t.get_fontstyle() == "italic" else ""): t.get_fontweight()
              for t in ax.get_yticklabels()}
    assert styles["2012-02"] == "bold" and styles["2012-02 *"] == "normal"


def test_shift_label_names_an_analysts_addition_without_a_tie():
    G = _pair()
    _add(G, "a-cur", "allied-with", "2012-02", doc="overrides.toml", curation="add-1")
    _add(G, "f1", "fought-against", "2012-06-08", doc="b.txt")
    label, = shift_labels(pair_shifts(G, "x", "y"), pair_events(G, "x", "y"))
    assert label["text"] == ("fighting by 2012-06-08 · b.txt\n"
                             "last allied: 2012-02 · analyst's addition, overrides.toml")
    assert label["when"] == "2012-06-08"


# -- drawn ------------------------------------------------------------------------------

def test_curated_events_are_starred_and_the_legend_says_so():
    G = _pair()
    _add(G, "a-cur", "allied-with", "2012", doc="overrides.toml", curation="add-1")
    _add(G, "f1", "fought-against", "2012-06-08", doc="b.txt")
    fig = pair_figure(G, "x", "y")
    ax = fig.axes[0]
    assert [line.get_gid() for line in ax.lines if (line.get_gid() or "").startswith("curated:")] == ["curated:a-cur"]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "analyst's addition (overrides file)" in legend
    assert "dated to the day (dot)" in legend and "imprecise date (bar: its whole interval)" in legend
    plain = pair_figure(G, "x", "y", statuses=("reported",))
    title = "XF – Yonder Brigade: relations over time"
    assert ax.get_title(loc="left") == plain.axes[0].get_title(loc="left") == title


def test_five_thousand_events_give_a_bounded_image():
    G = _pair()
    day = dt.date(2005, 1, 1)
    statuses = ("reported", "reported", "claimed", "alleged", "denied")
    for k in range(5000):
        d = (day + dt.timedelta(days=(k * 7) % 3650)).isoformat()
        date = d if k % 3 else d[:7]
        _add(G, f"e{k}", "allied-with" if d < "2010" else "fought-against", date, status=statuses[k % 5],
             doc=f"d{k % 9}.txt")
    spec_rows = _rows(pair_rows(pair_events(G, "x", "y")))
    assert len(spec_rows) <= PAIR_ROW_LIMIT and sum(r["count"] for r in spec_rows) == 5000
    fig = pair_figure(G, "x", "y")
    width, height = _png_size(fig)
    assert width == 1650 and height <= PAIR_MAX_HEIGHT_PX
    notes = [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "note:undated"]
    assert notes and "5000 dated events" in notes[0] and "binned by" in notes[0]
    # a pair of a few events is small
    assert _png_size(pair_figure(_small(), "x", "y"))[1] < 600


def _small():
    G = _pair()
    _add(G, "a1", "allied-with", "2012")
    _add(G, "f1", "fought-against", "2012-06-08")
    return G


def test_worst_case_height_is_bounded():
    G = _pair()
    k = 0
    for rel in ("fought-against", "allied-with", "split-from", "member-of"):
        for st in ("reported", "claimed", "alleged", "denied", "disputed"):
            for cur, doc in (("", "a.txt"), ("add", "overrides.toml"), ("redate", "a.txt")):
                for y in range(2000, 2030, 3):
                    k += 1
                    _add(G, f"e{k}", rel, f"{y}-0{1 + k % 9}-0{1 + k % 8}", status=st, curation=cur, doc=doc,
                         evidence="word " * 30)
    for y in range(2000, 2030, 2):  # many shifts, with three-line labels
        _add(G, f"a{y}", "allied-with", str(y), evidence="allied")
        _add(G, f"f{y}", "fought-against", str(y + 1), evidence="fought")
    for k in range(5):
        G.add_edge("x", "y", key=f"u{k}", relation="allied-with", status="reported", start=None, end=None)
    fig = pair_figure(G, "x", "y", statuses=("reported", "claimed", "alleged", "denied"))
    assert _png_size(fig)[1] <= PAIR_MAX_HEIGHT_PX
    fig.draw_without_rendering()
    renderer, page = fig.canvas.get_renderer(), fig.bbox
    for t in fig.axes[0].get_yticklabels() + fig.axes[0].texts:
        box = t.get_window_extent(renderer)
        inside = page.x0 - 1 <= box.x0 and box.x1 <= page.x1 + 1 and page.y0 - 1 <= box.y0 and box.y1 <= page.y1 + 1
        assert inside, t.get_text()


def test_same_input_same_bytes_and_svg_text_stays_text():
    files = []
    for _ in range(2):
        G = _pair()
        for k in range(60):
            _add(G, f"e{k}", "allied-with", f"2012-{1 + k % 12:02d}-{1 + k % 28:02d}", cue="support")
        _add(G, "f1", "fought-against", "2013-06-08")
        fig = pair_figure(G, "x", "y")
        out = {}
        for fmt in ("png", "svg"):
            buf = io.BytesIO()
            save_figure(fig, buf, format=fmt)
            out[fmt] = buf.getvalue()
        files.append(out)
    assert files[0] == files[1]
    svg = files[0]["svg"].decode()
    assert "2012-03 ×5 · support: Sentence" in svg and "<text" in svg


def test_seeds_with_their_overrides_name_the_analysts_evidence_as_such():
    from actors.corpus import load_corpus

    G = load_corpus(ROOT / "seeds").graph
    shift = pair_shifts(G, "mnla", "ansar-dine")[0]
    label, = shift_labels([shift], pair_events(G, "mnla", "ansar-dine"))
    assert label["text"].startswith("fighting by 2012-06-08 · 001_")
    # the text dates the alliance only "2012": the analyst's March 2012 entry is what orders it, named so
    assert label["text"].endswith("last allied: 2012-03 · analyst's addition, overrides.toml")
    ax = pair_figure(G, "mnla", "ansar-dine").axes[0]
    assert any(t.get_text().startswith("2012-03 · analyst's addition: ") for t in ax.get_yticklabels())
    assert "analyst's addition (overrides file)" in [t.get_text() for t in ax.get_legend().get_texts()]

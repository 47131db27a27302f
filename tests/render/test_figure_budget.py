"""Every figure within its pixel budget, with clear labels, on the seeds and at scale (issue 18, "Figures").

The large corpora are the seeds' graph with 50 copies of its actors
(``scaled.py``: 1,850 actors, 7,800 events), and, for the figures whose size
follows the periods or the rows, many periods and many actors. For each
figure: the PNG is within MAX_WIDTH_PX × MAX_HEIGHT_PX; no two drawn texts
overlap (the renderer's own boxes); no actor label covers a node marker;
label-line crossings (label × drawn edge) are counted: none on the seeds,
and at most one label in ten at 50 copies (measured: 11 of 172 snapshot
labels, 1 of 102 genealogy labels).
"""

from __future__ import annotations

import io
import struct

import polars as pl
import pytest

from actors.analysis.analyses import analyse
from actors.network.windows import make_periods
from actors.render.figures import balance_figure, coalition_figure, save_figure, snapshots
from actors.render.figures.draw import MAX_HEIGHT_PX, MAX_WIDTH_PX
from actors.render.figures.pair_rows import PAIR_MAX_HEIGHT_PX
from actors.render.figures.writers import _draw, _specs
from label_checks import boxes_overlapping, drawn_texts, panel_counts, renderer_of, text_box
from scaled import scaled_graph


def _png_size(fig) -> tuple[int, int]:
    buf = io.BytesIO()
    save_figure(fig, buf, format="png")
    return struct.unpack(">II", buf.getvalue()[16:24])  # the IHDR chunk: width, height


def _within_budget(fig) -> None:
    width, height = _png_size(fig)
    assert width <= MAX_WIDTH_PX and height <= MAX_HEIGHT_PX, (width, height)


def _no_text_overlaps(fig) -> None:
    renderer = renderer_of(fig)
    texts = drawn_texts(fig)
    boxes = [text_box(t, renderer) for t in texts]
    pairs = [(texts[i].get_text()[:30], texts[j].get_text()[:30]) for i, j in boxes_overlapping(boxes)]
    assert pairs == []


def _years(first: int, last: int):
    return make_periods([(str(y), f"{y}-01-01", f"{y + 1}-01-01") for y in range(first, last + 1)])


@pytest.fixture(scope="module")
def graphs(request):
    from actors.corpus import load_corpus
    from conftest import ROOT

    G = load_corpus(ROOT / "seeds").graph
    return {"seeds": G, "50× actors": scaled_graph(G, 50)}


@pytest.mark.parametrize("corpus", ["seeds", "50× actors"])
def test_every_figure_of_a_run_within_budget_with_clear_labels(graphs, corpus):
    G = graphs[corpus]
    specs = _specs(analyse(G), pairs=[("mnla", "ansar-dine")], pos=None)
    for name, spec in specs.items():
        fig = _draw(spec)
        _within_budget(fig)
        _no_text_overlaps(fig)
        renderer = renderer_of(fig)
        counts = [panel_counts(ax, renderer) for ax in fig.axes]
        labels = sum(c["labels"] for c in counts)
        assert sum(c["label_label"] for c in counts) == 0, name
        assert sum(c["label_node"] for c in counts) == 0, name
        crossings = sum(c["label_line"] for c in counts)
        # on the seeds one label in twenty at most (since the seeds gained the contingents of
        # "Chadian and Bengali peacekeepers", "Wagner Group" in the 2023 panel has no place free of the
        # faint CSP line above it, between the panel's edge and its neighbours); at scale one in ten
        assert crossings <= labels / (20 if corpus == "seeds" else 10), (name, crossings, labels)
        if name in ("snapshots", "genealogy"):
            assert labels >= 13, name  # the network figures do label their actors


def test_snapshots_of_many_periods_within_budget(graphs):
    fig = snapshots(graphs["50× actors"], periods=_years(1980, 2025))
    _within_budget(fig)
    _no_text_overlaps(fig)
    notes = " ".join(t.get_text() for t in fig.texts)
    assert "+22 more periods not drawn, 22 of them without events" in notes


def test_coalition_of_many_actors_and_periods_within_budget(graphs):
    A = analyse(graphs["seeds"])
    table = pl.concat([A.coalition.with_columns(pl.col("actor") + f"~{k}" if k else pl.col("actor"))
                       for k in range(20)])
    periods = _years(1990, 2009) + list(A.phases)
    fig = coalition_figure(table, actor=A.coalition_actor, periods=periods, graph=A.graph)
    _within_budget(fig)
    _no_text_overlaps(fig)
    note = [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "note:more-rows"]
    assert note and note[0].startswith("+") and "more actors with fewer events" in note[0]
    assert "earlier periods" in note[0]


def test_balance_of_a_century_within_budget():
    rows = [{"period": str(y), "period_label": str(y), "positive": 2, "negative": 1, "frustration_share": 0.2,
             "balanced_share": 0.5 + (y % 3) / 10, "frustration_index": 111, "frustration_method": "exact", "triangles": 149}
            for y in range(1900, 2026)]
    fig = balance_figure(pl.DataFrame(rows))
    _within_budget(fig)
    _no_text_overlaps(fig)
    assert any("earlier periods not shown" in t.get_text() for t in fig.texts)


def test_pair_budget_is_within_the_figures_budget():
    assert PAIR_MAX_HEIGHT_PX <= MAX_HEIGHT_PX

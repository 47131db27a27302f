"""report.md on the fictional world: sections, quoted evidence, escaping."""

from __future__ import annotations

import networkx as nx

import world
from actors.analysis.analyses import analyse
from actors.analysis.report import render_report
from actors.network.windows import yearly


def _report(G=None):
    G = G if G is not None else world.graph()
    return render_report(analyse(G, periods=yearly(G), coalition_actor="banner"),
                         summary={"documents": 1, "skipped": 2, "warnings": 3})


def test_sections_and_story():
    text = _report()
    assert text.startswith("# Actor network report")
    assert "1 document(s) read; 2 item(s) skipped and 3 warning(s)" in text
    assert "### Crescent Brigade – Northern Front: allied → fighting" in text
    assert "### Northern Front – Republic of Veld: fighting → allied" in text
    assert "“On 20 September 2003 the Northern Front joined the Veldian army against the Black Banner.”" in text
    assert "## The Black Banner coalition" in text
    assert "Crescent Brigade (founder)" in text
    assert "Old Front → Northern Front" in text  # genealogy
    assert "Left out of shift detection, so they cannot cause a flip: 1 denied, 1 undated:" in text
    # the sample behind each figure, thin ones marked; unnamed counterparts counted, not hidden
    assert "| by | period | events | imprecise | actors |" in text and "(thin)" in text
    assert "Republic of Veld fought unnamed “rebels” in 1 event(s)" in text
    assert "and unnamed foes in 1 event(s)" in text  # the state's 2004 fights include the rebels' shelling


def test_document_text_is_inert():
    text = _report()
    assert "<script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_markdown_breaking_text_is_escaped():
    G = world.graph()
    G.edges["nf", "crescent", "w04"]["evidence"] = "A | B *bold* [link](http://x) `code`\n# heading"
    text = _report(G)
    assert "A \\| B \\*bold\\* \\[link\\](http://x) \\`code\\` \\# heading" in text


def test_empty_graph_report():
    text = render_report(analyse(nx.MultiDiGraph()))
    assert "No shift found that the dates establish." in text and "No split or membership found." in text


def test_documents_are_shown_by_title_and_the_analysts_evidence_as_such():
    import polars as pl

    from actors.network.graph import build_graph

    edges, actors = world.frames()
    docs = pl.DataFrame({"doc": ["veld.txt"], "title": ["The war in Veld"], "layout": ["plain"], "sentences": [20]})
    G = build_graph(edges, actors, documents=docs)
    text = _report(G)
    assert "The war in Veld — veld.txt)" in text
    assert "(veld.txt)" not in text  # never the bare file name where a title is known

"""A second gold set, written and annotated apart from the extractor (tests/heldout).

Four articles in the seeds' three layouts, annotated under the same guidelines
by someone who did not read the extraction code. The first measurement, before
anyone looked at these articles' errors, was P 0.82 / R 0.46 overall; general
fixes made after that (see the closing notes) moved it, so these floors guard
against regressions and the figure to quote for unseen text stays the first one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actors.documents import read_corpus
from actors.evaluate import format_scores, load_gold, score
from actors.pipeline import Extractor, extract

HERE = Path(__file__).resolve().parent / "heldout"

FLOORS = {"all": (0.93, 0.6), "fought-against": (0.9, 0.55), "allied-with": (0.9, 0.6), "member-of": (0.85, 0.5)}


@pytest.fixture(scope="module")
def scores() -> dict:
    ex = Extractor.load()
    docs, problems = read_corpus(HERE / "articles")
    assert len(docs) == 4 and not [p for p in problems if p.skipped]
    gold, coverage = load_gold(HERE, HERE / "articles")
    s = score(extract(docs, extractor=ex).edges, gold, coverage, generic={a.id for a in ex.dictionary.generics()})
    print("\n" + format_scores(s))
    return s


@pytest.mark.parametrize("relation", sorted(FLOORS))
def test_heldout_floors(scores, relation):
    p_floor, r_floor = FLOORS[relation]
    assert scores[relation]["precision"] >= p_floor, scores[relation]
    assert scores[relation]["recall"] >= r_floor, scores[relation]

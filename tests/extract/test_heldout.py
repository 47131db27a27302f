"""Two gold sets written and annotated apart from the extractor (tests/heldout*).

Articles in the seeds' three layouts, annotated under the same guidelines by
people who did not read the extraction code. Their first measurements, before
anyone looked at their errors, are the honest figures for unseen text:

- tests/heldout  (4 articles, 118 relations): P 0.82, R 0.46 (at 6290ca2)
- tests/heldout2 (3 articles,  72 relations): P 0.82, R 0.56 (at 773805a)
- tests/heldout3 (3 articles, 101 relations): P 0.92, R 0.55 (at 3586cba), never
  used for tuning: nobody has looked at its errors.
- tests/heldout4 (4 articles, 140 relations): P 0.91, R 0.50 (at 0b71b49); its
  errors were then read for general fixes (now P 0.99, R 0.63).
- tests/heldout5 (3 articles,  96 relations): P 0.97, R 0.64 (at e8cc121), never
  used for tuning: nobody has looked at its errors (P 0.97, R 0.65 after the
  fixes made from set 4).

General fixes made after reading the errors of sets 1, 2 and 4 raised their
figures; the floors below guard those gains against regressions. Once, the
set-3 floor caught a regression (a plural force noun, "armies"): the change was
reverted without reading set 3's errors.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actors.text.reading import read_corpus
from actors.extract.evaluate import format_scores, load_gold, score
from actors.extract.pipeline import Extractor, extract

TESTS = Path(__file__).resolve().parents[1]

FLOORS = {
    "heldout": {"all": (0.93, 0.7), "fought-against": (0.9, 0.6), "allied-with": (0.9, 0.7), "member-of": (0.85, 0.55)},
    "heldout2": {"all": (0.93, 0.72), "fought-against": (0.9, 0.6), "allied-with": (0.9, 0.85), "member-of": (0.85, 0.4)},
    "heldout3": {"all": (0.88, 0.5), "fought-against": (0.9, 0.6), "allied-with": (0.9, 0.55)},
    "heldout4": {"all": (0.95, 0.6), "fought-against": (0.93, 0.7), "allied-with": (0.95, 0.55)},
    "heldout5": {"all": (0.93, 0.6), "fought-against": (0.9, 0.75), "allied-with": (0.95, 0.7)},
}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load()


@pytest.fixture(scope="module")
def scores(extractor) -> dict:
    out = {}
    for name in FLOORS:
        folder = TESTS / name
        docs, problems = read_corpus(folder / "articles")
        assert docs and not [p for p in problems if p.skipped]
        gold, coverage = load_gold(folder, folder / "articles")
        out[name] = score(extract(docs, extractor=extractor).edges, gold, coverage,
                          generic={a.id for a in extractor.dictionary.generics()})
        print(f"\n{name}\n" + format_scores(out[name]))
    return out


@pytest.mark.parametrize("name, relation", [(n, r) for n, rels in FLOORS.items() for r in rels])
def test_heldout_floors(scores, name, relation):
    p_floor, r_floor = FLOORS[name][relation]
    got = scores[name][relation]
    assert got["precision"] >= p_floor, got
    assert got["recall"] >= r_floor, got

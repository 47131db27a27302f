"""Extraction scored against the hand-annotated development gold set (tests/gold).

Floors are set a little under the measured figures so a regression fails the
build; the figures themselves are printed with ``pytest -s`` and reported in the
closing notes. Only edges between two named actors are scored (generic mentions
such as "the Islamists" are kept in the tables but are not in the gold set).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actors.text.reading import read_corpus
from actors.extract.evaluate import format_scores, load_gold, score
from actors.extract.pipeline import Extractor, extract

ROOT = Path(__file__).resolve().parents[2]

# relation: (precision floor, recall floor)
FLOORS = {
    "fought-against": (0.95, 0.75),
    "allied-with": (0.95, 0.88),
    "split-from": (0.90, 0.66),
    "member-of": (0.90, 0.90),
    "all": (0.95, 0.80),
}


@pytest.fixture(scope="module")
def scores() -> dict:
    ex = Extractor.load()
    docs, problems = read_corpus(ROOT / "seeds")
    assert not [p for p in problems if p.skipped]
    x = extract(docs, extractor=ex)
    gold, coverage = load_gold(ROOT / "tests" / "gold", ROOT / "seeds")
    s = score(x.edges, gold, coverage, generic={a.id for a in ex.dictionary.generics()})
    print("\n" + format_scores(s))
    return s


@pytest.mark.parametrize("relation", sorted(FLOORS))
def test_precision_and_recall_floors(scores, relation):
    p_floor, r_floor = FLOORS[relation]
    got = scores[relation]
    assert got["precision"] >= p_floor, (relation, got, [
        (e["source"], e["relation"], e["target"], e["evidence"][:100]) for e in scores["false_positives"]])
    assert got["recall"] >= r_floor, (relation, got)


def test_status_and_dates_agree_on_matches(scores):
    assert scores["status_agreement"] >= 0.9
    # 0.796 measured: this older sentence-level gold dates by the year what the event-level gold
    # (../shared/annotation.md) dates by the article's one event (its infobox date), and by the year
    # what "at the time of the attack" ties to the attack's day (event level: 0.86 -> 0.90 with that);
    # 0.779 since the two contingents of "Chadian and Bengali peacekeepers" are found: the extractor
    # leaves a contingent undated (as it stands), this gold dates it by the attack's day
    assert scores["date_agreement"] >= 0.77


def test_gold_quotes_are_unique_and_ids_known():
    ex = Extractor.load()
    gold, coverage = load_gold(ROOT / "tests" / "gold", ROOT / "seeds")
    assert len(gold) >= 100
    for g in gold:
        text = (ROOT / "seeds" / g.doc).read_text(encoding="utf-8")
        quote = text[g.quote_start : g.quote_end]
        assert text.count(quote) == 1, quote
        assert ex.dictionary.get(g.source) and ex.dictionary.get(g.target)
    # the Mali War article is covered for at least a third of its length
    mali_war = "001_59fab0586e337fd8.txt"
    lo, hi = coverage[mali_war][0]
    assert (hi - lo) * 3 >= len((ROOT / "seeds" / mali_war).read_text(encoding="utf-8"))

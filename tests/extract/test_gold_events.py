"""The seeds scored at event level (``tests/gold/events.csv``, ``../shared/annotation.md``).

The event-level gold groups the sentence-level rows of ``tests/gold/edges.csv``
into occurrences: a battle told in the infobox, the lead and the body is one
line with three evidence ranges. Until mentions are resolved into events, every
further mention of the same event is a false positive here, so this is the
honest count of what an analyst would see as separate events. ``pytest -s``
prints the figures; the floor sits a little under them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from actors.extract.evaluate import format_scores, load_event_gold, score_events
from actors.extract.pipeline import Extractor, extract
from actors.text.reading import read_corpus

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"

#: with implicit lines: (precision floor, recall floor)
FLOORS = {"all": (0.72, 0.68), "fought-against": (0.68, 0.70), "allied-with": (0.85, 0.70)}


@pytest.fixture(scope="module")
def scored() -> dict:
    import tomllib

    ex = Extractor.load()
    docs, _ = read_corpus(ROOT / "seeds")
    x = extract(docs, extractor=ex)
    gold = load_event_gold([GOLD / "events.csv"], ROOT / "seeds")
    with open(GOLD / "coverage.toml", "rb") as fh:
        coverage = {doc: [(v["start"], v["end"])] for doc, v in tomllib.load(fh).items()}
    generic = {a.id for a in ex.dictionary.generics()}
    out = {key: score_events(x.edges, gold, docs=coverage, generic=generic, implicit=implicit, coverage=coverage)
           for key, implicit in (("with_implicit", True), ("explicit_only", False))}
    for key, s in out.items():
        print(f"\nseeds, event level, {key.replace('_', ' ')}:\n{format_scores(s)}")
    return out


def test_event_gold_covers_the_sentence_gold():
    from actors.extract.evaluate import load_gold

    rows, _ = load_gold(GOLD, ROOT / "seeds")
    lines = load_event_gold([GOLD / "events.csv"], ROOT / "seeds")
    for r in rows:
        assert any({r.source, r.target} == {g.source, g.target} and r.relation == g.relation
                   and any(f == r.doc and lo <= r.quote_start and r.quote_end <= hi for f, lo, hi in g.evidence)
                   for g in lines), r


@pytest.mark.parametrize("relation", sorted(FLOORS))
def test_floors(scored, relation):
    p, r = FLOORS[relation]
    got = scored["with_implicit"][relation]
    assert got["precision"] >= p and got["recall"] >= r, got


def _gold_folder(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text("On 3 May 2014, France fought the MNLA.", encoding="utf-8")
    (tmp_path / "g.csv").write_text(
        "event,evidence,source,target,relation,kind,status,claimed_by,date,date_precision,note\n"
        "e1,a.txt:0-38,france,mnla,fought-against,,reported,,2014-05-03,day,\n"
        "e2,gone.txt:0-10,mali,jnim,fought-against,,reported,,,unknown,\n"
        "e3,a.txt:0-38;gone.txt:5-9,france,mali,allied-with,alliance,reported,,,unknown,\n", encoding="utf-8")
    return tmp_path


def test_a_gold_range_in_a_missing_text_is_an_error_naming_its_line(tmp_path):
    d = _gold_folder(tmp_path)
    with pytest.raises(ValueError, match=r"g\.csv: line 3: evidence names 'gone\.txt'"):
        load_event_gold([d / "g.csv"], d)


def test_gold_limited_to_the_texts_at_hand(tmp_path):
    # a part of a split, or a corpus some of whose texts are not on this machine: the lines in other
    # texts are left out unread, and a line's ranges in other texts are dropped
    d = _gold_folder(tmp_path)
    lines = load_event_gold([d / "g.csv"], d, files=["a.txt"])
    assert [g.event for g in lines] == ["e1", "e3"]
    assert lines[1].evidence == (("a.txt", 0, 38),)


def test_a_sentence_that_filled_a_role_is_evidence_of_the_edge():
    # "An attack on a MINUSMA camp killed ten." (0-40) ... "AQIM claimed it." (41-60): the claim named the
    # attacker, so a gold line citing only the claim sentence is matched
    from actors.extract.evaluate import GoldLine, event_edges
    from actors.extract.pipeline import extract as run
    from actors.text.documents import parse_document

    text = "An attack on a MINUSMA camp in Aguelhok killed ten peacekeepers on 20 January 2019. AQIM claimed the attack."
    x = run([parse_document("d.txt", text)])
    edges = event_edges(x.edges, x.events)
    claim = text.index("AQIM")
    g = [GoldLine("e1", (("d.txt", claim, len(text)),), "aqim", "minusma", "fought-against", "", "claimed", "aqim",
                  "2019-01-20", "day", "")]
    s = score_events(edges, g, docs=["d.txt"], generic=set())
    assert s["all"]["tp"] == 1

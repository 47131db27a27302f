"""Candidate organisations (actors.extract.candidates): names the dictionary lacks go to
candidates.csv, never to the network, until an analyst accepts one in the overrides file.

Every sentence here is invented, about fictional groups ("Katiba Velmar", "the Dervana
Liberation Front") in a generic setting.
"""

from __future__ import annotations

import csv
import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from actors.cli import main
from actors.corpus import load_corpus
from actors.errors import DataFileError
from actors.extract.candidates import Candidate, CandidateFinder, candidate_rows, load_candidate_patterns
from actors.extract.mentions import find_mentions
from actors.extract.pipeline import Extractor, extract
from actors.schema import ACTOR_KINDS, CANDIDATE_COLUMNS
from actors.text.documents import parse_document
from actors.text.tokens import tokenize


@pytest.fixture(scope="module")
def extractor():
    return Extractor.load()


@pytest.fixture(scope="module")
def finder(extractor):
    return CandidateFinder.load(extractor.matcher, extractor.cues)


def names(finder, extractor, sentence: str) -> list[tuple[str, str]]:
    toks = tokenize(sentence)
    return [(c.name, c.kind_guess) for c in finder.find(toks, find_mentions(extractor.matcher, toks), text=sentence)]


def run(text: str, extractor, name: str = "a.txt"):
    return extract([parse_document(name, text)], extractor=extractor)


# -- what is a candidate ------------------------------------------------------------

def test_a_new_katiba_in_an_attack_is_a_candidate_and_draws_no_edge(extractor):
    x = run("On 4 March 2021, fighters of Katiba Velmar ambushed Malian soldiers near Boni.\n", extractor)
    assert [(c.name, c.kind_guess) for c in x.candidates] == [("Katiba Velmar", "jihadist group")]
    c = x.candidates[0]
    text = "On 4 March 2021, fighters of Katiba Velmar ambushed Malian soldiers near Boni.\n"
    assert text[c.start:c.end] == "Katiba Velmar" and c.doc == "a.txt"
    assert c.evidence == text[c.char_start:c.char_end]
    assert not any("Velmar" in (e["source_text"] + e["target_text"]) for e in x.edges)
    assert not any("velmar" in (e["source"] + e["target"]) for e in x.edges)


@pytest.mark.parametrize("sentence, expected", [
    ("The Dervana Liberation Front claimed the attack on Malian troops.",
     ("Dervana Liberation Front", "rebel movement")),
    ("The Movement for the Salvation of Korvath joined the CMA.", ("Movement for the Salvation of Korvath",
                                                                    "rebel movement")),
    ("Gunmen of the Velmar Brigade attacked Nigerien soldiers.", ("Velmar Brigade", "")),
    ("The Kessouri Self-Defence Militia clashed with JNIM fighters.", ("Kessouri Self-Defence Militia", "militia")),
    ("Fighters of Jamaat Ansar al-Wahdat attacked Burkinabe gendarmes.", ("Jamaat Ansar al-Wahdat",
                                                                          "jihadist group")),
    ("MNLA and the Coordination of Free Forces of Tamerlit signed a pact.",
     ("Coordination of Free Forces of Tamerlit", "coalition")),
    ("The Islamic Front of Oudral fought the MNLA.", ("Islamic Front of Oudral", "jihadist group")),
])
def test_organisation_names_and_their_kind(finder, extractor, sentence, expected):
    assert names(finder, extractor, sentence) == [expected]


def test_a_name_stops_before_a_place_and_before_a_known_actor(finder, extractor):
    assert names(finder, extractor, "Katiba Velmar in Tessit attacked the army.") == \
        [("Katiba Velmar", "jihadist group")]
    assert names(finder, extractor, "The Movement for Unity and Justice in Menaka joined the CMA.") == \
        [("Movement for Unity and Justice", "rebel movement")]
    assert names(finder, extractor, "The Front for the Liberation of Korvath and MNLA attacked the army.") == \
        [("Front for the Liberation of Korvath", "rebel movement")]


def test_a_known_actor_is_never_a_candidate(finder, extractor):
    for sentence in ("Katiba Macina fighters ambushed Malian soldiers near Diafarabe.",
                     "Ansar Dine and the MNLA took Kidal.",
                     "JNIM's Katiba Macina attacked a Malian army post.",
                     "The Wagner Group and Malian troops raided the village.",
                     "The Coordination of Azawad Movements attacked Malian soldiers."):
        assert names(finder, extractor, sentence) == [], sentence


def test_places_and_descriptive_names_are_not_candidates(finder, extractor):
    for sentence in ("JNIM fighters attacked a village in the Mopti Region.",
                     "Suspected jihadists attacked the Gao Military Camp on Tuesday.",
                     "The National Army attacked the rebels near the border.",
                     "French Air Force jets struck JNIM positions.",
                     "Special Forces and MINUSMA peacekeepers repelled the attack.",
                     "The Security Council condemned the attack by JNIM on Malian soldiers.",
                     "Liberation Front fighters attacked Malian soldiers.",
                     "The First Battalion of the Malian army repelled the attack by JNIM.",
                     # a demonym does not make a name of a state body
                     "Malian Transitional Council members met MNLA officials."):
        assert names(finder, extractor, sentence) == [], sentence


def test_only_in_a_sentence_with_a_relation_cue_or_a_known_actor(finder, extractor):
    assert names(finder, extractor, "The Velmar Brigade held a meeting in the capital.") == []
    assert names(finder, extractor, "The Velmar Brigade attacked a convoy.") == [("Velmar Brigade", "")]
    assert names(finder, extractor, "The Velmar Brigade met MNLA officials.") == [("Velmar Brigade", "")]


# -- the table ----------------------------------------------------------------------

def test_rows_gather_the_mentions_of_one_name_over_documents(extractor):
    docs = [parse_document("a.txt", "In 2020, Katiba Velmar attacked Malian soldiers.\n"
                           "In 2021, Katiba Velmar and JNIM fighters ambushed a Malian convoy.\n"),
            parse_document("b.txt", "In 2022, KATIBA VELMAR fighters attacked Nigerien troops.\n")]
    x = extract(docs, extractor=extractor)
    rows = candidate_rows(x.candidates)
    assert [(r["name"], r["mentions"], r["documents"], r["doc"]) for r in rows] == [("Katiba Velmar", 3, 2, "a.txt")]
    r = rows[0]
    assert r["evidence"] == "In 2020, Katiba Velmar attacked Malian soldiers."
    assert (r["char_start"], r["name_start"], r["name_end"]) == (0, 9, 22)
    assert r["spellings"] == "Katiba Velmar|KATIBA VELMAR"
    assert list(r) == [name for name, _ in CANDIDATE_COLUMNS]


def test_rows_are_ordered_most_mentioned_first():
    def hit(name, doc="a.txt", start=0):
        return Candidate(name, tuple(name.lower().split()), "", start, start + len(name), doc, name, start,
                         start + len(name))
    rows = candidate_rows([hit("Zed Front"), hit("Abel Brigade", start=5), hit("Abel Brigade", "b.txt")])
    assert [(r["name"], r["mentions"]) for r in rows] == [("Abel Brigade", 2), ("Zed Front", 1)]


# -- accepting one ------------------------------------------------------------------

STORY = ("On 4 March 2021, Katiba Velmar fighters ambushed Malian soldiers near Boni.\n\n"
         "On 9 March 2021, Katiba Velmar attacked Burkinabe gendarmes near Djibo.\n")
ACCEPT = '''[[actor]]
id = "katiba-velmar"
name = "Katiba Velmar"
kind = "jihadist group"
aliases = ["Katiba Velmar"]
reason = "A katiba named in two reports; candidates.csv listed it."
'''


def test_accepting_a_candidate_in_the_overrides_file_makes_it_an_actor(tmp_path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    before = load_corpus(tmp_path)
    assert before.frames["candidates"]["name"].to_list() == ["Katiba Velmar"]
    assert before.frames["candidates"]["mentions"].to_list() == [2]
    assert "katiba-velmar" not in set(before.frames["edges"]["source"]) | set(before.frames["edges"]["target"])
    (tmp_path / "overrides.toml").write_text(ACCEPT, encoding="utf-8")
    after = load_corpus(tmp_path)
    assert after.frames["candidates"].height == 0  # the dictionary knows it now
    edges = after.frames["edges"].filter(after.frames["edges"]["source"] == "katiba-velmar")
    assert sorted(zip(edges["target"], edges["relation"], edges["date"])) == [
        ("burkina-faso", "fought-against", "2021-03-09"), ("mali", "fought-against", "2021-03-04")]


def test_actors_run_writes_candidates_csv_and_counts_them(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "story.txt").write_text(STORY, encoding="utf-8")
    out = tmp_path / "out"
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert main(["run", "--corpus", str(corpus), "--out", str(out), "--figure-workers", "0"]) == 0
    assert "1 candidate organisation(s)" in buf.getvalue()
    with open(out / "candidates.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == [name for name, _ in CANDIDATE_COLUMNS]
    assert [(r["name"], r["kind_guess"], r["mentions"], r["documents"]) for r in rows] == [
        ("Katiba Velmar", "jihadist group", "2", "1")]
    row = rows[0]
    text = (corpus / "story.txt").read_text(encoding="utf-8")
    assert text[int(row["char_start"]):int(row["char_end"])] == row["evidence"]
    assert text[int(row["name_start"]):int(row["name_end"])] == "Katiba Velmar"
    assert "candidates.csv" in (out / "report.md").read_text(encoding="utf-8")


# -- the data file ------------------------------------------------------------------

def test_the_packaged_patterns_load_and_guess_only_known_kinds():
    p = load_candidate_patterns()
    assert {"katiba", "front", "movement", "brigade", "militia", "coalition"} <= set(p.heads)
    assert all(pat.kind in ("", *ACTOR_KINDS) for pat in p.heads.values())
    assert all(kind in ("", *ACTOR_KINDS) for _, kind in p.hints)


@pytest.mark.parametrize("text, message", [
    ('[[candidate_pattern]]\nid = "x"\nheads = ["Front"]\nkind = "band"\nbefore = true\n', "kind = 'band'"),
    ('[[candidate_pattern]]\nid = "x"\nheads = ["Front"]\n', "set before, after or links"),
    ('[[oops]]\n', "unknown top-level key"),
    ('[[candidate_pattern]]\nid = "x"\nheads = ["Front"]\nbefore = true\n', "missing particles"),
])
def test_a_bad_pattern_file_is_refused_with_the_place(tmp_path, text, message):
    path = tmp_path / "candidates.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError, match="candidates.toml") as exc:
        load_candidate_patterns(path)
    assert message in str(exc.value)


def test_the_seeds_have_no_candidate_a_reader_would_doubt():
    """The seeds' organisations are all in the dictionary (or its overrides): nothing to list."""
    root = Path(__file__).resolve().parents[2]
    assert load_corpus(root / "seeds").frames["candidates"].height == 0


def test_finding_candidates_changes_no_event_and_no_edge(extractor):
    """Candidates are looked for beside extraction: with the finder off, the same rows."""
    import dataclasses

    from actors.text.reading import read_corpus

    docs, _ = read_corpus(Path(__file__).resolve().parents[2] / "seeds")
    docs = [*docs, parse_document("story.txt", STORY)]
    on = extract(docs, extractor=extractor)
    off = extract(docs, extractor=dataclasses.replace(extractor, candidates=None))
    assert on.edges == off.edges and on.events == off.events
    assert [c.name for c in on.candidates] == ["Katiba Velmar", "Katiba Velmar"] and off.candidates == ()

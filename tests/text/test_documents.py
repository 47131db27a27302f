"""Tests of actors.text.documents and actors.text.reading: seeds, a hand-checked fictional article, bad input, properties."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actors.text.documents import (
    Document,
    InfoField,
    Sentence,
    line_col,
    parse_document,
)
from actors.text.reading import read_corpus, read_document
from actors.errors import CorpusError, Problem

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
CITATION = re.compile(r"\[(?:\d{1,4}|[a-z]|citation needed)\]")


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------


def check_invariants(doc: Document) -> None:
    """What every Document must satisfy, whatever its text."""
    assert len(doc.clean) == len(doc.text)
    for i, ch in enumerate(doc.text):
        if ch == "\n":
            assert doc.clean[i] == "\n"
    prev_end = 0
    for i, s in enumerate(doc.sentences):
        assert isinstance(s, Sentence)
        assert s.index == i
        assert s.doc == doc.name
        assert 0 <= s.start < s.end <= len(doc.text)
        assert s.text == doc.text[s.start : s.end]
        assert s.clean == doc.clean[s.start : s.end]
        assert len(s.clean) == len(s.text)
        assert not s.clean[0].isspace() and not s.clean[-1].isspace()
        assert s.end - s.start <= 5_000
        assert s.start >= prev_end, "sentences overlap or are out of order"
        prev_end = s.end
    paragraphs = [s.paragraph for s in doc.sentences]
    assert paragraphs == sorted(paragraphs)
    if paragraphs:
        assert paragraphs[0] == 0
        assert all(b - a in (0, 1) for a, b in zip(paragraphs, paragraphs[1:]))
    for f in doc.fields:
        assert isinstance(f, InfoField)
        assert f.value == doc.text[f.start : f.end]
        assert f.key == f.key.lower() and f.key


def by_start(doc: Document, prefix: str) -> Sentence:
    found = [s for s in doc.sentences if s.text.startswith(prefix)]
    assert len(found) == 1, (prefix, [s.text for s in found])
    return found[0]


def field(doc: Document, key: str) -> str:
    values = [f.value for f in doc.fields if f.key == key]
    assert len(values) == 1, (key, doc.fields)
    return values[0]


# --------------------------------------------------------------------------
# the seeds
# --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds() -> dict[str, Document]:
    docs, problems = read_corpus(SEEDS)
    assert problems == []
    return {d.name[:3]: d for d in docs}


def test_seed_corpus(seeds: dict[str, Document]) -> None:
    assert sorted(seeds) == ["000", "001", "002", "003", "004"]
    assert {k: d.layout for k, d in seeds.items()} == {
        "000": "infobox",
        "001": "scraped",
        "002": "scraped",
        "003": "scraped",
        "004": "infobox",
    }
    for d in seeds.values():
        assert d.encoding == "utf-8"
        assert d.path.endswith(d.name)
        assert d.sentences


def test_seed_offsets_round_trip(seeds: dict[str, Document]) -> None:
    for d in seeds.values():
        check_invariants(d)
        with open(d.path, encoding="utf-8", newline="") as fh:
            assert fh.read() == d.text


def test_seed_clean_has_no_noise(seeds: dict[str, Document]) -> None:
    for d in seeds.values():
        assert CITATION.search(d.clean) is None, d.name
        assert "Flag of" not in d.clean and ".svg" not in d.clean
        assert "<span" not in d.clean and "</span>" not in d.clean
        assert re.search(r"^\s*edit\s*$", d.clean, re.M) is None
        for s in d.sentences:
            assert CITATION.search(s.clean) is None


def test_seed_references_are_not_prose(seeds: dict[str, Document]) -> None:
    for d in seeds.values():
        for s in d.sentences:
            assert "Retrieved" not in s.text
            assert not s.text.startswith("^")
        assert "References" not in {s.section for s in d.sentences}


def test_seed_000_infobox(seeds: dict[str, Document]) -> None:
    d = seeds["000"]
    assert d.title == "2008 Nampala attack"
    assert field(d, "title") == "2008 Nampala attack"
    assert field(d, "date") == "December 20, 2008"
    assert field(d, "combatant2") == "ATNM, MNJ (per Mali)"
    assert field(d, "partof") == "Tuareg rebellion (2007–2009)"
    assert field(d, "casualties3") == "Several civilians killed"
    assert [f.key for f in d.fields][:3] == ["title", "conflict", "place"]
    # Infobox lines and the title are not sentences, headings are sections.
    assert not any(s.text.startswith(("-", "=", "Infobox")) for s in d.sentences)
    first = d.sentences[0]
    assert first.text.startswith("On December 20, 2008, Tuareg rebels") and first.section == ""
    assert by_start(d, "On December 20, ATNM fighters").section == "Battle"
    assert {s.section for s in d.sentences} == {"", "Background", "Battle", "Aftermath"}
    assert {s.scope for s in d.sentences} == {0}


def test_seed_004_infobox(seeds: dict[str, Document]) -> None:
    d = seeds["004"]
    assert field(d, "place") == "Amazragane, Ménaka Region, Mali"
    assert field(d, "combatant2") == "MNLA"
    assert "commander1" not in {f.key for f in d.fields}
    assert by_start(d, "French and Nigerien forces were").section == "Skirmish"


def test_seed_002_scraped_infobox(seeds: dict[str, Document]) -> None:
    d = seeds["002"]
    assert d.title == "Niafunké attack"
    assert field(d, "date") == "November 24, 2023"  # from "DateNovember 24, 2023"
    assert field(d, "result") == "JNIM victory"
    assert field(d, "partof") == "Mali War"
    assert field(d, "belligerents") == "Mali Jama'at Nasr al-Islam wal Muslimin"
    assert field(d, "casualties").splitlines() == ["50 killed (per JNIM)", "5 vehicles captured (per JNIM)", "Unknown"]
    # The first line is prose (before the infobox); the infobox is not.
    assert d.sentences[0].text.startswith("On November 24, 2023, jihadist militants")
    assert not any("Belligerents" in s.text or "Casualties" in s.text for s in d.sentences)
    assert by_start(d, "On November 24, a suicide bomber").section == "Attack"
    s = by_start(d, "In November 2023, the al-Qaeda-aligned")
    assert s.text.endswith("Malian and Wagner Group forces in Mali.")  # trailing [1] stripped


def test_seed_003_belligerents_and_summaries(seeds: dict[str, Document]) -> None:
    d = seeds["003"]
    assert d.title == "Soumpi attack"
    bel = field(d, "belligerents")
    assert "Coalition of the People of Azawad" in bel
    assert bel.startswith("Flag of Mali.svg Mali Flag of Jihad.svg Jama'at Nasr al-Islam wal Muslimin")
    assert field(d, "date") == "January 27, 2018"
    assert field(d, "result") == "JNIM-CPA victory"
    assert "Alkassoum Ag Abdoulaye" in field(d, "commanders")
    texts = [s.text for s in d.sentences]
    assert not any(t in ("Last updated", "Contents", "Soumpi attack", "Unknown ~30") for t in texts)
    assert {s.section for s in d.sentences} == {"", "Background", "Attack", "Aftermath", "Related Research Articles"}

    main = [s for s in d.sentences if s.section != "Related Research Articles"]
    summaries = [s for s in d.sentences if s.section == "Related Research Articles"]
    assert {s.scope for s in main} == {0}
    assert len(summaries) > 20
    scope_of: dict[int, int] = {}
    for s in summaries:
        assert scope_of.setdefault(s.paragraph, s.scope) == s.scope  # one scope per paragraph
    paragraphs_of: dict[int, list[int]] = {}
    for paragraph, scope in scope_of.items():
        paragraphs_of.setdefault(scope, []).append(paragraph)
    assert 0 not in paragraphs_of and len(paragraphs_of) == 20  # 20 summaries, each its own scope
    for scope, paragraphs in paragraphs_of.items():
        # A summary's title line ("2017 Timbuktu attack") shares the summary's scope.
        if len(paragraphs) == 2:
            title = [s for s in summaries if s.paragraph == paragraphs[0]]
            assert len(title) == 1 and title[0].clean.rstrip()[-1] not in ".!?"
        else:
            assert len(paragraphs) == 1
    boni = by_start(d, "French troops from Operation Barkhane came")
    assert by_start(d, "On February 3, 2021").scope == boni.scope
    assert by_start(d, "Ba Ag Moussa").scope != boni.scope
    assert by_start(d, "2017 Timbuktu attack").scope == by_start(d, "On August 14, 2017").scope
    assert by_start(d, "On June 17, 2017").scope != by_start(d, "On August 14, 2017").scope


def test_seed_001_sentences(seeds: dict[str, Document]) -> None:
    d = seeds["001"]
    s = by_start(d, "On 16 January 2012, several insurgent groups began")
    prev = d.sentences[s.index - 1]
    assert prev.text.endswith("between the northern and southern parts of Mali in Africa.")
    assert prev.paragraph == s.paragraph
    obama = by_start(d, "U. S. President Obama announced on 22 February 2013")
    assert obama.text.endswith("to aid the French in Mali.")
    assert by_start(d, "The most recent U. S. troops were sent").text.endswith("against Al Qaeda.")
    assert by_start(d, "40 U.S. Air Force logistics specialists")
    # A quotation of several sentences stays inside the quoting sentence.
    maiga = by_start(d, "Following the attack, MNLA vice-president")
    assert maiga.text.endswith('The warnings are over."')
    # Citation glued to the next sentence: "...day.[262]USAF C-17s began..."
    assert by_start(d, "USAF C-17s began to fly")
    assert by_start(d, "Douentza was also taken that day.")


def test_seed_001_headings_and_noise(seeds: dict[str, Document]) -> None:
    d = seeds["001"]
    assert by_start(d, "On 20 February, Germany and France").section == (
        "2014–2015: Insurgents regroup, Islamic State taking part"
    )
    assert by_start(d, "In the first half of 2018").section == (
        "2016–2017: Conflict spreading to neighboring countries, creation of JNIM"
    )
    resurgence = "Resurgence and Mali counteroffensive (2023–present)"
    assert by_start(d, "On 16 June 2023, the Malian junta").section == resurgence
    texts = [s.text for s in d.sentences]
    assert not any(t.startswith(("2014–2015", "Resurgence and Mali")) for t in texts)
    # A lead-in ending in ":" is prose; "State crisis: ..." lines are prose.
    lead = by_start(d, "Mali was going through several crises at once")
    assert lead.text.endswith("the rise of the conflict:")
    assert by_start(d, "State crisis: the establishment").section == lead.section
    assert by_start(d, "Political crisis: The mutiny")
    # Hatnote, maintenance templates and reference lines are not prose.
    for noise in ("For other armed conflicts", "This article needs", "This section", "Please help", "^Ehrhart"):
        assert not any(t.startswith(noise) for t in texts), noise
    assert "This article needs" not in d.clean and "Ehrhart" not in d.clean


# --------------------------------------------------------------------------
# fictional articles, checked by hand
# --------------------------------------------------------------------------

ZARGA = (
    "Battle of Zarga\n\n"
    "The Battle of Zarga was fought in 2031. Lt. Gen. A. B. Okafor led the Northern Front (NF) against the"
    " Coastal Union.[1] Dr. Mensah, of St. Anne's hospital, counted No. 3 ward's dead: 4.5 per cent of the town.\n\n"
    "Background\n\n"
    'In 2030, the NF split from the Coastal Union.[citation needed] "We will fight. We will win," said the NF.'
    " The embassy of the U.S. closed. Observers came from the U.N. The next day, Gen. Okafor left.\n\n"
    "Aftermath\nedit\n\n"
    "Peace talks began on 3 May 2032! Were they a success? Nobody knows.\n\n"
    'References\n1. "Zarga". Retrieved 2032-01-01.\n'
)


def test_fictional_article_sentences() -> None:
    d = parse_document("zarga.txt", ZARGA)
    check_invariants(d)
    assert d.title == "Battle of Zarga"
    assert [(s.section, s.paragraph, s.text) for s in d.sentences] == [
        ("", 0, "The Battle of Zarga was fought in 2031."),
        ("", 0, "Lt. Gen. A. B. Okafor led the Northern Front (NF) against the Coastal Union."),
        ("", 0, "Dr. Mensah, of St. Anne's hospital, counted No. 3 ward's dead: 4.5 per cent of the town."),
        ("Background", 1, "In 2030, the NF split from the Coastal Union."),
        ("Background", 1, '"We will fight. We will win," said the NF.'),
        ("Background", 1, "The embassy of the U.S. closed."),
        ("Background", 1, "Observers came from the U.N."),
        ("Background", 1, "The next day, Gen. Okafor left."),
        ("Aftermath", 2, "Peace talks began on 3 May 2032!"),
        ("Aftermath", 2, "Were they a success?"),
        ("Aftermath", 2, "Nobody knows."),
    ]
    s = d.sentences[1]
    assert (s.start, s.end) == (57, 133)
    assert line_col(d.text, s.start) == (3, 41)
    assert "[citation needed]" in d.text and "[citation needed]" not in d.clean


def test_fictional_infobox_layout() -> None:
    text = (
        "= Raid on Kessa =\n\nInfobox\n- Conflict: Raid on Kessa\n- Date: 1 June 2040[2]\n"
        "- Combatant1: Flag of Ruritania.svg Ruritania\n- Commander2:\n\n"
        "The raid on Kessa began at dawn. It ended at noon.\n\n== Aftermath ==\nNo one returned.\n"
    )
    d = parse_document("kessa.txt", text)
    check_invariants(d)
    assert d.layout == "infobox" and d.title == "Raid on Kessa"
    assert [(f.key, f.value) for f in d.fields] == [
        ("title", "Raid on Kessa"),
        ("conflict", "Raid on Kessa"),
        ("date", "1 June 2040"),
        ("combatant1", "Flag of Ruritania.svg Ruritania"),
        ("commander2", ""),
    ]
    assert [(s.section, s.text) for s in d.sentences] == [
        ("", "The raid on Kessa began at dawn."),
        ("", "It ended at noon."),
        ("Aftermath", "No one returned."),
    ]


def test_markdown_article() -> None:
    text = (
        "# Operation Sable\n\n## Background\n\n"
        "The *Sable* task force was formed in 2040 by [Ruritania](https://x.org/r).\n\n"
        "- Ruritanian troops crossed the river.\n- The **Blue Brigade** withdrew.\n\n"
        "<!-- a\ncomment -->\n| a | b |\n"
    )
    d = parse_document("sable.md", text)
    check_invariants(d)
    assert d.layout == "plain" and d.title == "Operation Sable"
    assert [s.text for s in d.sentences] == [
        "The *Sable* task force was formed in 2040 by [Ruritania](https://x.org/r).",
        "Ruritanian troops crossed the river.",
        "The **Blue Brigade** withdrew.",
    ]
    assert {s.section for s in d.sentences} == {"Background"}
    assert d.sentences[0].clean.split() == "The Sable task force was formed in 2040 by Ruritania .".split()
    assert [s.paragraph for s in d.sentences] == [0, 1, 2]


def test_hard_wrapped_plain_text_is_rejoined() -> None:
    text = (
        "The Siege of Kel\n\nThe siege began in March 2050 when the Free\n"
        "Army surrounded the town. Supplies ran out\nafter two weeks, and the garrison\n"
        "surrendered on 2 April.\n\nAftermath\n\nThe town was rebuilt.\n"
    )
    d = parse_document("kel.txt", text)
    check_invariants(d)
    assert d.title == "The Siege of Kel"
    assert [(s.section, s.paragraph, s.text) for s in d.sentences] == [
        ("", 0, "The siege began in March 2050 when the Free\nArmy surrounded the town."),
        ("", 0, "Supplies ran out\nafter two weeks, and the garrison\nsurrendered on 2 April."),
        ("Aftermath", 1, "The town was rebuilt."),
    ]


def test_newline_ends_a_sentence_in_one_line_paragraphs() -> None:
    d = parse_document("x.txt", "The army took Gao.\nThe rebels took Kidal and Tessalit\n")
    assert [s.text for s in d.sentences] == ["The army took Gao.", "The rebels took Kidal and Tessalit"]
    assert [s.paragraph for s in d.sentences] == [0, 1]


def test_crlf_and_latin1_clean() -> None:
    d = parse_document("x.txt", "Gao fell.\r\nThe \x93army\x94 left.\r\n", encoding="latin-1")
    check_invariants(d)
    assert [s.text for s in d.sentences] == ["Gao fell.", "The \x93army\x94 left."]
    assert d.sentences[1].clean == "The “army” left."  # cp1252 reading in clean only


def test_empty_and_trivial_text() -> None:
    for text in ("", "   \n\n", "[1][2]", "edit\n"):
        d = parse_document("x.txt", text)
        check_invariants(d)
        assert d.sentences == ()


def test_line_col() -> None:
    assert line_col("ab\ncd", 0) == (1, 1)
    assert line_col("ab\ncd", 3) == (2, 1)
    assert line_col("ab\ncd", 5) == (2, 3)
    assert line_col("ab", 99) == (1, 3)  # clamped


# --------------------------------------------------------------------------
# bad input
# --------------------------------------------------------------------------


def one(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    return problems[0]


def test_empty_and_whitespace_files(tmp_path: Path) -> None:
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\t\r\n  ")):
        p = tmp_path / name
        p.write_bytes(data)
        doc, problems = read_document(p)
        assert doc is None
        pr = one(problems)
        assert pr.skipped and pr.what == "empty file" and pr.path == str(p)


def test_binary_files(tmp_path: Path) -> None:
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Some text\x00\x01\x02 more")
    ctl = tmp_path / "ctl.txt"
    ctl.write_bytes(bytes(range(1, 9)) * 100)
    for p in (nul, ctl):
        doc, problems = read_document(p)
        assert doc is None
        pr = one(problems)
        assert pr.skipped and "binary file, expected text" in pr.what


def test_invalid_utf8_is_read_as_latin1(tmp_path: Path) -> None:
    p = tmp_path / "latin.txt"
    p.write_bytes("Line one.\n".encode() + b"Caf\xe9 attack in Gao. The army fled.\n")
    doc, problems = read_document(p)
    assert doc is not None and doc.encoding == "latin-1"
    assert "Café attack in Gao." in doc.text
    pr = one(problems)
    assert not pr.skipped
    assert "byte 13" in pr.where and "line 2" in pr.where and "UTF-8" in pr.what
    check_invariants(doc)


def test_utf8_bom(tmp_path: Path) -> None:
    p = tmp_path / "bom.txt"
    p.write_bytes(b"\xef\xbb\xbfThe army took Gao.\n")
    doc, problems = read_document(p)
    assert problems == [] and doc is not None
    assert doc.encoding == "utf-8-sig" and doc.text == "The army took Gao.\n"
    assert doc.sentences[0].start == 0


def test_unreadable_paths(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "missing.txt")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    missing = tmp_path / "nowhere.txt"
    for p, reason in ((broken, "No such file"), (folder, "Is a directory"), (missing, "No such file")):
        doc, problems = read_document(p)
        assert doc is None
        pr = one(problems)
        assert pr.skipped and reason in pr.what and pr.path == str(p)


def test_permission_denied(tmp_path: Path) -> None:
    p = tmp_path / "secret.txt"
    p.write_text("The army took Gao.\n")
    p.chmod(0)
    try:
        if os.access(p, os.R_OK):
            pytest.skip("running as root: chmod 000 does not stop reading")
        doc, problems = read_document(p)
        assert doc is None
        assert "Permission denied" in one(problems).what
    finally:
        p.chmod(0o644)


def test_over_the_size_limit(tmp_path: Path) -> None:
    p = tmp_path / "big.txt"
    p.write_bytes(b"The army took Gao. " * 10)  # 190 bytes
    doc, problems = read_document(p, max_bytes=100)
    assert doc is None
    assert one(problems).what == "190 bytes, over the limit of 100"
    doc, problems = read_document(p, max_bytes=190)
    assert doc is not None and problems == []


def test_huge_single_line_is_linear(tmp_path: Path) -> None:
    p = tmp_path / "huge.txt"
    unit = "The MNLA attacked Gao [12] and fled. Mr. Ag said \"No. We won.\" "
    p.write_text(unit * (10_000_000 // len(unit)), encoding="utf-8")
    t0 = time.perf_counter()
    doc, problems = read_document(p)
    elapsed = time.perf_counter() - t0
    assert elapsed < 10, elapsed  # a few seconds; quadratic would take hours
    assert problems == [] and doc is not None
    assert len(doc.sentences) == 2 * (10_000_000 // len(unit))
    for s in doc.sentences[:: 997]:
        assert s.text == doc.text[s.start : s.end]


def test_huge_sentence_is_cut_with_one_problem(tmp_path: Path) -> None:
    p = tmp_path / "run-on.txt"
    p.write_text("word " * 2_000_000 + "\n" + "and more " * 2_000 + "\nShort one.\n", encoding="utf-8")
    t0 = time.perf_counter()
    doc, problems = read_document(p)
    assert time.perf_counter() - t0 < 10
    assert doc is not None
    pr = one(problems)
    assert not pr.skipped and pr.what.startswith("2 sentence(s) longer than 5000 characters")
    assert pr.where == "line 1, column 1"
    assert all(s.end - s.start <= 5_000 for s in doc.sentences)
    assert all(s.text == doc.text[s.start : s.end] for s in doc.sentences)
    assert doc.sentences[-1].text == "Short one."
    assert sum(1 for s in doc.sentences if s.text.startswith("word")) == 2_000  # cut at whitespace


# --------------------------------------------------------------------------
# read_corpus
# --------------------------------------------------------------------------


def test_read_corpus(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Gao fell.\n")
    (tmp_path / "a.md").write_text("# A\n\nKidal fell.\n")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "d.TXT").write_text("Timbuktu fell.\n")
    (sub / "deeper").mkdir()
    (sub / "deeper" / "e.txt").write_text("Menaka fell.\n")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "x.txt").write_text("Hidden.\n")

    docs, problems = read_corpus(tmp_path)
    assert [d.name for d in docs] == ["a.md", "b.txt", "sub/d.TXT", "sub/deeper/e.txt"]
    assert [s.doc for d in docs for s in d.sentences] == ["a.md", "b.txt", "sub/d.TXT", "sub/deeper/e.txt"]
    got = {(Path(p.path).name, p.skipped) for p in problems}
    assert got == {("bin.txt", True), ("broken.txt", True), ("c.pdf", False), ("empty.txt", True)}
    ignored = [p for p in problems if not p.skipped]
    assert ignored[0].what == "ignored: not .txt, .md, .html or .csv"
    again, _ = read_corpus(str(tmp_path))
    assert [d.name for d in again] == [d.name for d in docs]


def test_read_corpus_bad_folders(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="nope"):
        read_corpus(tmp_path / "nope")
    f = tmp_path / "file.txt"
    f.write_text("x")
    with pytest.raises(CorpusError, match="file.txt"):
        read_corpus(f)
    only_bad = tmp_path / "bad"
    only_bad.mkdir()
    (only_bad / "x.txt").write_text("  ")
    docs, problems = read_corpus(only_bad)
    assert docs == [] and len(problems) == 1 and problems[0].what == "empty file"
    empty = tmp_path / "void"
    empty.mkdir()
    assert read_corpus(empty) == ([], [])


def test_read_corpus_symlink_loop(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Gao fell.\n")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    docs, problems = read_corpus(tmp_path)
    assert [d.name for d in docs] == ["a.txt"]


# --------------------------------------------------------------------------
# properties
# --------------------------------------------------------------------------

NOISE = [
    "[12]", "[c]", "[citation needed]", "[12][13]", "\n", "\n\n", "\r\n", "\r", "\u2028", "\xa0", "\t",
    ". ", "! ", "? ", "U.S. ", "U. S. ", "Mr. ", "No. 5", "3.5", '"', "“", "”", "'", "...",
    "== Background ==", "= Title =", "# Heading", "- Key: value", "- ", "1. ", "Infobox", "Belligerents",
    "Commanders and leaders", "DateMay 1, 2020", "Part of Mali War", "Result X victory", "Location",
    "edit", "References", "Related Research Articles", "Contents", "Last updated", "Background",
    "<span class=\"x\">", "</span>", "<!--", "-->", "Flag of Mali.svg", "&amp;", "&nbsp;", "&#10;",
    "[[Mali War|the war]]", "{{cite}}", "'''", "```", "---", "===", "| a |", "^ ref", "*", "[x](y)",
    "The MNLA attacked Gao. ", "On 5 April 2012, Ansar Dine fled. ", "A", "a", "1", " ", "—",
]
TEXTS = st.lists(st.one_of(st.text(max_size=12), st.sampled_from(NOISE)), max_size=60).map("".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, name=st.sampled_from(["x.txt", "x.md"]), encoding=st.sampled_from(["utf-8", "latin-1"]))
def test_parse_document_never_raises_and_offsets_hold(text: str, name: str, encoding: str) -> None:
    doc = parse_document(name, text, encoding=encoding)
    assert doc.text == text and doc.name == name
    assert doc.layout in ("infobox", "scraped", "plain")
    check_invariants(doc)


@settings(max_examples=200, deadline=None)
@given(text=st.text())
def test_parse_document_arbitrary_unicode(text: str) -> None:
    check_invariants(parse_document("x.txt", text))


@settings(max_examples=100, deadline=None)
@given(data=st.binary(max_size=300))
def test_read_document_arbitrary_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    p = tmp_path_factory.mktemp("bytes") / "x.txt"
    p.write_bytes(data)
    doc, problems = read_document(p)
    assert all(isinstance(pr, Problem) and pr.path == str(p) for pr in problems)
    if doc is None:
        assert len(problems) == 1 and problems[0].skipped
    else:
        assert all(not pr.skipped for pr in problems)
        check_invariants(doc)


_MD_BOX = """# Battle of Testville

| Battle of Testville | |
|---|---|
| Date | 3–5 March 2019 |
| Location | Testville, Mopti Region, Mali |

| **Belligerents** | |
|---|---|
| Mali<br>France | JNIM<br>Ansarul Islam |

The battle of Testville was fought in March 2019.
"""


def test_a_markdown_table_infobox_gives_its_fields_and_sides() -> None:
    doc = parse_document("box.md", _MD_BOX)
    fields = {f.key: f.value for f in doc.fields}
    assert fields["title"] == "Battle of Testville" and fields["date"] == "3–5 March 2019"
    assert (fields["combatant1"], fields["combatant2"]) == ("Mali<br>France", "JNIM<br>Ansarul Islam")
    assert all(doc.text[f.start : f.end] == f.value for f in doc.fields)
    assert [s.text for s in doc.sentences] == ["The battle of Testville was fought in March 2019."]
    # the same row form with the sides in one row: "| Belligerents | Mali | JNIM |"
    one_row = parse_document("row.md", "| Belligerents | Mali | JNIM |\n|---|---|---|\n\nText.\n")
    assert [(f.key, f.value) for f in one_row.fields if f.key.startswith("combatant")] == [
        ("combatant1", "Mali"), ("combatant2", "JNIM")]


def test_a_table_of_events_is_no_infobox() -> None:
    doc = parse_document("t.md", "| Date | Location | Perpetrators |\n|---|---|---|\n| 3 March 2019 | Boni | JNIM |\n\nText.\n")
    assert [f.key for f in doc.fields if f.key != "title"] == []


def test_a_markdown_pages_front_matter_gives_its_title_and_filing_day() -> None:
    text = '---\ntitle: "Fighting near the river"\ndate: 2023-05-01T08:00:00Z\nlayout: post\n---\n\nOn Saturday, troops moved.\n'
    doc = parse_document("page.md", text)
    assert [(f.key, f.value) for f in doc.fields] == [("title", "Fighting near the river"),
                                                      ("filed", "2023-05-01T08:00:00Z")]
    assert [s.text for s in doc.sentences] == ["On Saturday, troops moved."]
    # in plain text the same lines are not front matter
    assert not [f for f in parse_document("page.txt", text).fields if f.key == "filed"]


def test_a_saved_web_page_is_read_as_its_prose(tmp_path: Path) -> None:
    # scripts, styles, the head, navigation and footer are no prose; block elements end paragraphs;
    # offsets stay those of the file's text
    (tmp_path / "page.html").write_text(
        "<html><head><title>T</title><script>var s = 'JNIM attacked Gao.';</script></head><body>"
        "<nav><a href='/'>Home</a></nav><h1>Attack in Mali</h1><p>JNIM attacked Boni on 3 May 2021.</p>"
        "<p>The army fought back &amp; held.<br>Two died.</p><footer>Contact us.</footer></body></html>",
        encoding="utf-8")
    (docs, problems) = read_corpus(tmp_path)
    assert problems == []
    (doc,) = docs
    texts = [s.text for s in doc.sentences]
    assert "JNIM attacked Boni on 3 May 2021." in texts
    assert not any("var s" in t or "Home" in t or "Contact" in t for t in texts)
    assert all(s.text == doc.text[s.start : s.end] for s in doc.sentences)
    assert all("<" not in s.clean for s in doc.sentences)


def test_an_mdx_page_is_read_as_markdown_without_its_module_lines(tmp_path: Path) -> None:
    (tmp_path / "note.mdx").write_text(
        "---\ntitle: Clash near Menaka\ndate: 2022-03-14\n---\nimport Map from '../components/Map.astro'\n"
        "export const region = 'Menaka'\n\n# Clash near Menaka\n\n<Map region=\"Menaka\" />\n\n"
        "On 14 March 2022, ISGS fighters clashed with the MSA near Menaka.\n", encoding="utf-8")
    (doc,), problems = read_corpus(tmp_path)
    assert problems == []
    assert [s.clean.strip() for s in doc.sentences][-1] == "On 14 March 2022, ISGS fighters clashed with the MSA near Menaka."
    assert not any("import" in s.clean or "export" in s.clean or "Map" in s.clean for s in doc.sentences)

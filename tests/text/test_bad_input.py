"""Bad input to the reader, the cleaner and the dates (issue 17, points 1, 3, 5, 6, 8, 14, 15).

Each test failed before its fix: a file name that is not UTF-8 crashed the
table writer, a NUL byte after the first 8 KB went raw into the CSVs, UTF-32
was called UTF-16, a vertical tab or a control inside a word lost a
relation, date problems named no line and were labelled "skipped", and a
right-to-left override in evidence turned the report's text around.
"""

from __future__ import annotations

import os
from collections import Counter

import pytest

from actors.errors import Problem, safe_text
from actors.extract.pipeline import extract
from actors.output import to_frames
from actors.text.documents import parse_document
from actors.text.reading import read_corpus, read_document

SENTENCE = "On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n"

needs_bytes_names = pytest.mark.skipif(os.name != "posix", reason="byte file names are POSIX")


def _edges(text: str, **kw):
    x = extract([parse_document("t.txt", text)], **kw)
    return [(e["source"], e["relation"], e["target"], e["date"]) for e in x.edges], list(x.problems)


# -- 1. file names that are not UTF-8 ------------------------------------------------------------


def test_safe_text_escapes_lone_surrogates_only() -> None:
    assert safe_text("café.txt") == "café.txt"
    assert safe_text(os.fsdecode(b"caf\xe9.txt")) == "caf\\xe9.txt"
    assert safe_text("a\ud800b") == "a\\ud800b"
    p = Problem(os.fsdecode(b"x\xff.md"), "line 1", "what")
    assert p.path == "x\\xff.md" and str(p).encode("utf-8")  # encodable: no lone surrogate left


@needs_bytes_names
def test_a_latin1_file_name_is_read_and_named_safely(tmp_path) -> None:
    folder = os.fsencode(tmp_path)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as fh:
        fh.write(SENTENCE.encode())
    with open(os.path.join(folder, b"scan\xff.pdf"), "wb") as fh:
        fh.write(b"%PDF-1.4")
    os.mkdir(os.path.join(folder, b"sub\xe8"))
    with open(os.path.join(folder, b"sub\xe8", b"b.md"), "wb") as fh:
        fh.write(SENTENCE.encode())
    docs, problems = read_corpus(tmp_path)
    assert sorted(d.name for d in docs) == ["caf\\xe9.txt", "sub\\xe8/b.md"]
    (p,) = problems
    assert p.path.endswith("scan\\xff.pdf") and "not .txt, .md, .html or .csv" in p.what
    frames = to_frames(extract(docs, problems=problems))  # polars refused the surrogate here
    assert sorted(frames["mentions"]["doc"]) == ["caf\\xe9.txt", "sub\\xe8/b.md"]
    assert frames["edges"]["docs"].to_list() == [2]  # one event, told by both files
    for df in frames.values():
        df.write_csv()  # every table is writable


def test_surrogates_in_library_text_never_reach_the_tables() -> None:
    doc = parse_document("t.txt", "On 3 May 2014, MUJAO\udce9 fighters ambushed Malian soldiers near Gao.\n")
    frames = to_frames(extract([doc]))
    assert frames["edges"].height == 1
    assert "\\xe9" in frames["edges"]["evidence"][0]
    frames["edges"].write_csv()


# -- 6. NUL bytes, and 15. UTF-32 -------------------------------------------------------------


def test_a_nul_byte_anywhere_skips_the_file_with_its_line(tmp_path) -> None:
    late = tmp_path / "late.txt"
    late.write_bytes(SENTENCE.encode() * 200 + b"x\x00y\n" + SENTENCE.encode())  # past the first 8 KB
    doc, problems = read_document(late)
    assert doc is None
    (p,) = problems
    assert p.skipped and "NUL" in p.what and p.where == "line 201"


@pytest.mark.parametrize("encoding, name", [("utf-32", "UTF-32"), ("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"),
                                            ("utf-16", "UTF-16"), ("utf-16-le", "UTF-16")])
def test_wide_encodings_are_named_rightly(tmp_path, encoding: str, name: str) -> None:
    f = tmp_path / "wide.txt"
    f.write_bytes((SENTENCE * 3).encode(encoding))
    doc, (p,) = read_document(f)
    assert doc is None and f"looks like {name}" in p.what


# -- 5. control characters inside a sentence ------------------------------------------------------


SEPARATORS = ["\x0b", "\x0c", "\x1c", "\x1e", "\x85"]  # spaces, never line breaks that cut the sentence
INVISIBLE = ["\x01", "\x07", "\x1b", "\x7f", "\x9b", "\u200b", "\u00ad", "\u202e", "\u2066", "\ufeff"]


@pytest.mark.parametrize("control", SEPARATORS + INVISIBLE)
@pytest.mark.parametrize("where", ["before a word", "after a word", "inside a word"])
def test_a_control_character_does_not_lose_the_relation(control: str, where: str) -> None:
    if where == "inside a word" and control in SEPARATORS:
        pytest.skip("a separator splits a word, as a space would")
    if where == "before a word":
        text = SENTENCE.replace("Malian soldiers", f"Malian {control}soldiers")
    elif where == "after a word":
        text = SENTENCE.replace("MUJAO fighters", f"MUJAO{control} fighters")
    else:  # the word is still matched (a cue and a name)
        text = SENTENCE.replace("ambushed", f"amb{control}ushed").replace("MUJAO", f"MU{control}JAO")
    rows, _ = _edges(text)
    assert rows == [("mojwa", "fought-against", "mali", "2014-05-03")]
    x = extract([parse_document("t.txt", text)])
    e = x.edges[0]
    assert e["evidence"] == text[e["char_start"]:e["char_end"]]


# -- 3 and 14. impossible and implausible dates ---------------------------------------------------


@pytest.mark.parametrize("words", ["31 February 2013", "99 March 2013"])
def test_an_impossible_date_is_reported_with_line_and_column_and_not_as_skipped(words: str) -> None:
    text = f"In 2012, the war began.\nOn {words}, the MNLA attacked Malian soldiers.\n"
    rows, problems = _edges(text)
    assert rows == [("mnla", "fought-against", "mali", "")]  # not 2012, not 2013-03
    (p,) = [p for p in problems if words in p.what]
    assert p.where.startswith("line 2, column 4 (sentence 1, chars ")
    assert p.skipped is False and "left undated" in p.what


def test_a_text_date_outside_the_plausible_years_leaves_the_relation_undated() -> None:
    from actors.extract.pipeline import Extractor
    from dataclasses import replace

    text = "On 3 May 1950, MUJAO fighters ambushed Malian soldiers near Gao.\n"
    assert _edges(text)[0] == [("mojwa", "fought-against", "mali", "1950-05-03")]  # within 1900-2100
    narrow = replace(Extractor.load(), years=(1990, 2030))
    rows, problems = _edges(text, extractor=narrow)
    assert rows == [("mojwa", "fought-against", "mali", "")]
    (p,) = problems
    assert p.where.startswith("line 1, column 4") and "implausible date '3 May 1950'" in p.what
    assert "1990-2030" in p.what and not p.skipped


def test_an_implausible_infobox_date_is_refused() -> None:
    from actors.text.dates import resolve_dates
    from actors.text.sentences import Sentence  # noqa: F401  (the shape resolve_dates reads)

    doc = parse_document("i.txt", "= Battle =\nInfobox\n- Date: 3 May 1950\n\nThe MNLA attacked Malian soldiers.\n")
    _, _, problems = resolve_dates(doc.sentences, anchor="3 May 1950", years=(1990, 2030))
    assert [p.where for p in problems] == ["infobox date"] and "implausible" in problems[0].what


# -- 8. right-to-left overrides in evidence -----------------------------------------------------


def test_bidi_controls_are_isolated_for_display_and_kept_in_the_data() -> None:
    from actors.analysis.report import _md
    from actors.text.display import isolate_bidi

    evil = "MNLA \u202eattacked\u202c JNIM \u202b"
    shown = isolate_bidi(evil)
    assert shown.startswith("\u2068") and shown.endswith("\u2069") and "\u202e" not in shown
    assert "[U+202E]" in shown
    counts = Counter(shown)
    assert counts["\u202b"] == counts["\u202c"]  # every embedding closed inside the isolate
    assert "\u202e" not in _md(evil) and _md(evil).endswith("\u2069")
    assert isolate_bidi("plain text") == "plain text"
    text = SENTENCE.replace("fighters", "fighters\u202e")
    x = extract([parse_document("t.txt", text)])
    assert "\u202e" in x.edges[0]["evidence"]  # the data keeps the file's text

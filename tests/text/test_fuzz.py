"""Fuzz tests for the reader, the dates and the curation (issue 17).

Random text with lone surrogates, controls, NUL bytes and bidirectional
marks, random file names, and random mutations of the seeds and of their
overrides file. Each asserts no crash, offsets that still hold (evidence ==
text[char_start:char_end]), tables that can be written, and no date outside
the years the text names. Kept to a few seconds (small example counts).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actors.curation import apply_curation, extend_dictionary, parse_curation
from actors.extract.dictionary import load_dictionary
from actors.extract.pipeline import Extractor, extract
from actors.output import to_frames
from actors.text.documents import parse_document
from actors.text.reading import read_corpus

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SEED_TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
OVERRIDES = (ROOT / "seeds" / "overrides.toml").read_text(encoding="utf-8")

NASTY = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x1e", "\x7f", "\x85", "\x9b", "\r", "\u00ad", "\u200b",
         "\u200e", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2028", "\u2066", "\u2069", "\ufeff", "\ufffd",
         "\ud800", "\udc80", "\udcff", "\udfff", "[12]", "&amp;", "<b>", "\n\n", " 31 February 2013", " 99 March",
         " 9999", " 0012", "– ", "= X =", "- Date: ", " MNLA", " attacked ", " JNIM"]

_EXTRACTOR = Extractor.load()
_FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated_seed(draw, size: int = 1500) -> str:
    """A window of a seed with nasty pieces inserted, deleted or swapped in."""
    text = draw(st.sampled_from(SEED_TEXTS))
    start = draw(st.integers(0, max(0, len(text) - size)))
    text = text[start:start + size]
    for _ in range(draw(st.integers(0, 12))):
        at = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "insert", "delete", "random"]))
        if op == "insert":
            text = text[:at] + draw(st.sampled_from(NASTY)) + text[at:]
        elif op == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 40)):]
        else:
            text = text[:at] + draw(st.text(max_size=6)) + text[at:]
    return text


def _check_extraction(docs, problems=()) -> None:
    x = extract(docs, extractor=_EXTRACTOR, problems=list(problems))
    texts = {d.name: d.text for d in docs}
    for row in (*x.edges, *x.events):
        if row["doc"] in texts and row.get("sentence_index", 0) != -1 and "evidence" in row:
            assert row["evidence"] == texts[row["doc"]][row["char_start"]:row["char_end"]]
    frames = to_frames(x)
    for df in frames.values():
        out = df.write_csv()  # polars must accept every cell: no lone surrogate
        out.encode("utf-8")
    return x


@_FAST
@given(mutated_seed())
def test_mutated_seeds_never_crash_and_offsets_hold(text: str) -> None:
    doc = parse_document("f.txt", text)
    x = _check_extraction([doc])
    # no date outside the years the text names (a day or so past a year's end, for "the next day")
    years = {int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text)}
    for e in x.edges:
        if e["date"]:
            y = int(e["date"][:4])
            assert y in years or y - 1 in years or y + 1 in years, (e["date"], sorted(years))
            assert 1900 <= y <= 2100


@_FAST
@given(st.lists(st.one_of(st.sampled_from(NASTY), st.text(max_size=20)), max_size=30))
def test_random_text_with_surrogates_controls_nul_and_bidi(pieces: list[str]) -> None:
    text = "On 3 May 2014, MUJAO fighters ambushed Malian soldiers. " + "".join(pieces) + " JNIM attacked the MNLA.\n"
    _check_extraction([parse_document("r.txt", text)])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.binary(min_size=1, max_size=12), st.binary(max_size=300)), min_size=1, max_size=4),
       st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe"]))
def test_the_reader_takes_any_bytes_and_any_file_name(tmp_path_factory, files, prefix: bytes) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    good = b"On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n"
    with open(os.path.join(os.fsencode(folder), b"good.txt"), "wb") as fh:
        fh.write(good)
    for i, (name, body) in enumerate(files):
        name = name.replace(b"/", b"_").replace(b"\x00", b"_").lstrip(b".") or b"x"
        path = os.path.join(os.fsencode(folder), b"%d" % i + name[:12] + (b".txt" if i % 2 else b".md"))
        with open(path, "wb") as fh:
            fh.write(prefix + body + good[: i * 9])
    docs, problems = read_corpus(folder)
    assert "good.txt" in [d.name for d in docs]
    for d in docs:
        assert d.name.encode("utf-8") and d.path.encode("utf-8")  # names are safe
    for p in problems:
        assert str(p).encode("utf-8")
    _check_extraction(docs, problems)


_BASE = load_dictionary()
_SEED_EXTRACTION = extract([parse_document("004.txt", SEED_TEXTS[-1])], extractor=_EXTRACTOR)


@_FAST
@given(st.data())
def test_mutated_overrides_never_crash(data) -> None:
    text = OVERRIDES
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(text)))
        piece = data.draw(st.one_of(st.sampled_from(['"9999"', '"0012"', '"2012-02-30"', '"the"', '"("', '"."',
                                                     "[[alias]]\n", "[[actor]]\n", 'aliases = ["a"]\n', "\x00",
                                                     "\u202e", "\n", '"', "=", "date = 9999-01-01\n"]),
                                    st.text(max_size=8)))
        if data.draw(st.booleans()):
            text = text[:at] + piece + text[at:]
        else:
            text = text[:at] + text[at + data.draw(st.integers(1, 30)):]
    cur = parse_curation(text, "o.toml")
    d, rows, problems = extend_dictionary(_BASE, cur)
    edges, events, more_rows, more = apply_curation(_SEED_EXTRACTION.edges, _SEED_EXTRACTION.events, cur, d)
    for p in (*cur.problems, *problems, *more):
        assert p.path == "o.toml" and str(p).encode("utf-8")
    for e in edges:
        if e["date"]:
            assert 1900 <= int(e["date"][:4]) <= 2100

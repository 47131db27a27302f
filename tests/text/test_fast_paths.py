"""The faster ways of cleaning and tokenising give what the plain ways give."""

from __future__ import annotations

import random
from pathlib import Path

from actors.text import cleaning
from actors.text.tokens import Token, tokenize

ROOT = Path(__file__).resolve().parents[2]


def _texts() -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "seeds").glob("*.txt"))]


def test_translate_is_the_character_table():
    every = "".join(chr(c) for c in range(0x3100)) + "\ufeff\ufffd"
    assert cleaning._translate(every) == every.translate(cleaning._CHAR_TABLE)
    rng = random.Random(19)
    pool = list(cleaning._CHAR_TABLE) + [ord(c) for c in "ab Mali\n-é’"]
    for _ in range(200):
        s = "".join(chr(rng.choice(pool)) for _ in range(rng.randrange(40)))
        assert cleaning._translate(s) == s.translate(cleaning._CHAR_TABLE)
    for text in _texts():
        assert cleaning._translate(text) == text.translate(cleaning._CHAR_TABLE)


def test_file_marks_are_found_line_by_line_as_in_the_whole_text():
    samples = _texts() + [
        "Flag of Mali.svg Mali\nFile:Foo bar.JPEG and\nImage:a.png.svg\nx.svg Flag .png\nCoat of arms of X.PNG",
        "no marks at all.svg", "Flag of Niger.svg", "", "\n.png\n", "Logo of X.gif.gif Flag Y.webp",
    ]
    for text in samples:
        assert [m.span() for m in cleaning._file_marks(text)] == [m.span() for m in cleaning._FILE_MARK.finditer(text)]


def test_tokens_equal_those_built_by_their_class():
    for text in _texts()[:2] + ["Mali's al-Qaeda-linked MUJAO", "Jama\u2060'at Nasr", "Opération Serval"]:
        for t in tokenize(text, 7):
            built = Token(t.text, t.norm, t.start, t.end)
            assert t == built and hash(t) == hash(built) and repr(t) == repr(built)


def test_possessive_token_pattern_reads_what_the_plain_one_reads():
    import re

    from actors.text import tokens

    plain = re.compile(r"([\s\u2060]*)(" + tokens._TOKEN.pattern + ")")
    rng = random.Random(19)
    parts = ("Mali", "'s", "’", "`", "ʼ", "al", "-", "Qaeda", "2", "000", "1,2345", ",", "12", " ", "  ", "\u2060",
             "\u2060\u2060", "\n", ".", "Jama", "at", "é", "_", "x")
    samples = _texts() + ["".join(rng.choice(parts) for _ in range(rng.randrange(0, 20))) for _ in range(5000)]
    for text in samples:
        assert tokens._GAP_TOKEN.findall(text) == plain.findall(text)


def test_date_start_filter_grouped_by_first_letter_accepts_what_the_plain_alternation_accepts():
    import re

    from actors.text import date_mentions as dm

    plain_openers = "|".join(f"(?i:{'|'.join(words)}){rest}" for words, rest in dm._OPENING_WORDS)
    plain = re.compile(rf"(?<!\w)(?=[\dA-Za-z])(?={plain_openers})")
    grouped = re.compile(rf"(?<!\w)(?=[\dA-Za-z])(?={dm._by_first_letter(dm._OPENING_WORDS)})")
    rng = random.Random(19)
    words = ("the The THE this last on On Monday MONDAY monDAY sunday by By since until 3 12 2013 January mid "
             "early Late later earlier that same days weeks months a an one twenty-one Twenty-One several few at "
             "time of during in In attack course between from \u017f \u212a K s \u0131 \u0130 x - , .").split()
    samples = _texts() + ["".join(rng.choice(words) + rng.choice(["", " ", "  ", "-", ",", "\n"])
                                  for _ in range(rng.randrange(1, 12))) for _ in range(3000)]
    for text in samples:
        assert [m.start() for m in grouped.finditer(text)] == [m.start() for m in plain.finditer(text)]

"""Sentences: splitting a prose paragraph into :class:`Sentence` spans.

A paragraph of ``clean`` is cut after ".", "!" or "?" when a sentence seems to
start next, except after an abbreviation ("Gen.", "U.S.", "No. 5") or inside a
quotation; over-long sentences are cut at whitespace. Offsets are those of the
document's ``text``; the paragraphs come from :mod:`actors.text.lines`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actors.text.cleaning import _strip_span

__all__ = ["Sentence"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence; ``text == Document.text[start:end]``."""

    doc: str  # document name, e.g. "001_59fab0586e337fd8.txt"
    index: int  # 0-based position among the document's sentences
    start: int  # offset of the first character in Document.text
    end: int  # exclusive
    text: str  # Document.text[start:end] exactly (citation marks included)
    clean: str  # same length as text, noise blanked (offsets shared)
    section: str  # heading in force ("" before the first heading)
    paragraph: int  # 0-based number among the document's prose paragraphs
    scope: int  # narrative scope: a year in force never carries across scopes


# --------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------

#: Longest sentence kept whole; longer ones are cut at whitespace.
_MAX_SENTENCE = 5_000

# -- sentences ---------------------------------------------------------------
# The lookbehind keeps a long run of dots linear (each run is tried once). It stands after the first
# mark, so the pattern opens with a character class: the search skips to the next mark at once.
_BOUNDARY = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*+[\"'”’»)\]]*+(\s+)")
_OPENERS = "\"'“‘«(["
_CLOSERS = "\"'”’»)]"
_QUOTED = re.compile(r"\"[^\"\n]{1,1500}\"|“[^“”\n]{1,1500}”|«[^«»\n]{1,1500}»")
_TOKEN_STRIP = "\"'“‘«(["
#: Always followed by more of the same sentence (titles, Latin, "St. Louis").
_ABBREV_ALWAYS = frozenset(
    "Mr Mrs Ms Mme Mlle Messrs Dr Prof Rev Hon Lt Lieut Gen Col Capt Cpt Maj Sgt Cpl Pvt "
    "Adm Cmdr Cdr Brig Gov Sen Rep Pres Amb Insp Supt St Mt Ft Gens Cols "
    "e.g i.e cf viz vs approx ca c Cf Approx".split()
)
#: Followed by more of the sentence when a number follows ("No. 5").
_ABBREV_NUMBER = frozenset("No Nos no nos Vol vol Art art p pp Fig fig Ch ch Sec sec".split())
#: Ambiguous: the sentence goes on unless a typical sentence opener follows.
_ABBREV_WEAK = frozenset(
    "Jr Sr Inc Ltd Co Corp Bros etc al Jan Feb Aug Sep Sept Oct Nov Dec Mar Apr Jun Jul".split()
)
_STARTERS = frozenset(
    "The A An This That These Those It Its He She They We I You His Her Their Our There Here "
    "On In At By For From To After Before During Following However But And Meanwhile Later Then "
    "When While As Although Though Since Despite According Two Three Four Five Several Many Most "
    "Some Both Each All No One Another Other Such If Once Yet Still Also Further Furthermore "
    "Moreover Thus Therefore Instead Nevertheless Subsequently Eventually Finally Initially "
    "Between Under Over Within Without Near Around Among Amid Across Through".split()
)
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


def _ends_sentence(s: str) -> bool:
    """Whether a (stripped, non-empty) line ends like prose: "." "!" "?" ":" ";"."""
    s = s.rstrip(_CLOSERS)
    return bool(s) and s[-1] in ".!?:;…"


def _abbreviation(seg: str, p: int, after: int) -> bool:
    """Whether the "." at seg[p] closes an abbreviation, not the sentence."""
    j = p
    while j > 0 and not seg[j - 1].isspace() and p - j < 40:
        j -= 1
    tok = seg[j:p].lstrip(_TOKEN_STRIP)
    if not tok:
        return False
    nxt = seg[after : after + 40].split(None, 1)
    word = nxt[0].strip(_TOKEN_STRIP + _CLOSERS + ",.;:") if nxt else ""
    if tok in _ABBREV_ALWAYS:
        return True
    if tok in _ABBREV_NUMBER:
        return word[:1].isdigit()
    if tok in _ABBREV_WEAK or (len(tok) == 1 and tok.isupper()) or _DOTTED.fullmatch(tok):
        return word not in _STARTERS
    if tok.isdigit() and j == 0:
        return True  # "1. The first point": list numbering
    return False


def _starts_sentence(seg: str, i: int) -> bool:
    c = seg[i]
    if c in _OPENERS and i + 1 < len(seg):
        c = seg[i + 1]
    return c.isupper() or c.isdigit()


def _split(clean: str, a: int, b: int) -> list[tuple[int, int]]:
    """Sentence spans (stripped, absolute offsets) of the paragraph clean[a:b]."""
    seg = clean[a:b]
    quotes = [(m.start(), m.end()) for m in _QUOTED.finditer(seg)]
    qi = 0
    cuts = [0]
    for m in _BOUNDARY.finditer(seg):
        cut = m.start(1)
        after = m.end()
        if after >= len(seg) or not _starts_sentence(seg, after):
            continue
        punct = m.group().rstrip().rstrip(_CLOSERS)
        if punct == "." and _abbreviation(seg, m.start(), after):
            continue
        while qi < len(quotes) and quotes[qi][1] <= cut:
            qi += 1
        if qi < len(quotes) and quotes[qi][0] < cut < quotes[qi][1]:
            continue  # inside a quotation: the quoting sentence goes on
        cuts.append(cut)
    cuts.append(len(seg))
    spans = []
    for x, y in zip(cuts, cuts[1:]):
        s, e = _strip_span(clean, a + x, a + y)
        if s < e:
            spans.append((s, e))
    return spans


def _cut_long(clean: str, s: int, e: int) -> list[tuple[int, int]]:
    """Cut a span longer than _MAX_SENTENCE at whitespace (hard cut if none)."""
    out: list[tuple[int, int]] = []
    while e - s > _MAX_SENTENCE:
        hard = s + _MAX_SENTENCE
        k = max(clean.rfind(c, s + 1, hard + 1) for c in " \n\t")
        if k <= s:
            k = hard
        a, b = _strip_span(clean, s, k)
        if a < b:
            out.append((a, b))
        s, e = _strip_span(clean, k, e)
    if s < e:
        out.append((s, e))
    return out


_ALNUM = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class _Para:
    start: int
    end: int
    section: str
    scope: int


def _sentences(name: str, text: str, clean: str, paras: list[_Para]) -> tuple[list[Sentence], int, int]:
    """Sentences of the paragraphs, plus (over-long sentences cut, first one's offset)."""
    sentences: list[Sentence] = []
    paragraph = 0
    cut_count, first_cut = 0, -1
    for para in paras:
        got = False
        for s, e in _split(clean, para.start, para.end):
            pieces = [(s, e)]
            if e - s > _MAX_SENTENCE:
                cut_count += 1
                first_cut = s if first_cut < 0 else first_cut
                pieces = _cut_long(clean, s, e)
            for ps, pe in pieces:
                c = clean[ps:pe]
                if not _ALNUM.search(c):  # punctuation debris is not a sentence
                    continue
                sentences.append(
                    Sentence(name, len(sentences), ps, pe, text[ps:pe], c, para.section, paragraph, para.scope)
                )
                got = True
        paragraph += got
    return sentences, cut_count, first_cut

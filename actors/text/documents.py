"""Files -> documents -> sentences, every piece tied to character offsets.

The first stage of the pipeline. :func:`parse_document` is pure: it takes a
name and the decoded text and returns a :class:`Document` whose ``clean`` text
has the same length as ``text`` (citation marks, flag-image names, HTML
remnants, "edit" lines and similar noise are blanked with spaces), so an
offset found by matching on ``clean`` is valid in ``text`` as it is.
:func:`read_document` and :func:`read_corpus` are the thin I/O edge: they
never raise for one bad file but return a :class:`~actors.errors.Problem`.

Three layouts are recognised (``Document.layout``):

* ``"infobox"``: ``= Title =``, an ``Infobox`` line, ``- Key: value`` lines
  (-> ``fields``), ``== Heading ==`` lines.
* ``"scraped"``: a page copied from a browser: title line, "Last updated",
  ``Part of X``, ``DateNovember 24, 2023`` (key glued to value), a
  "Belligerents" block, citation marks ``[12]``, stray "edit" lines, bare
  heading lines ("Background"), "References" (nothing after it is prose) and
  "Related Research Articles" (one-paragraph summaries, each its own
  ``scope``).
* ``"plain"``: any other prose; Markdown ``#`` headings are headings, and
  hard-wrapped paragraphs (lines broken mid-sentence) are re-joined.

Otherwise a newline ends a sentence (paragraphs are lines). ``clean``
differs from ``text`` only by blanking and a few one-for-one normalisations:
unusual spaces become " ", other line separators and a lone "\\r" become
"\\n", "&amp;" becomes "&    ", and latin-1 text reads C1 bytes as cp1252.

>>> doc = parse_document("x.txt", "Battle of Y\\n\\nOn 5 May 2012, U.S. Gen. Smith arrived. The MNLA fled.\\n")
>>> doc.title, doc.layout
('Battle of Y', 'plain')
>>> [(s.text, s.start, s.end) for s in doc.sentences]
[('On 5 May 2012, U.S. Gen. Smith arrived.', 13, 52), ('The MNLA fled.', 53, 67)]
>>> line_col(doc.text, 53)
(3, 41)
>>> scraped = parse_document("y.txt", "Gao fell.[3] Then Kidal.[4][5]")
>>> scraped.clean
'Gao fell.    Then Kidal.      '
>>> [s.text for s in scraped.sentences]
['Gao fell.', 'Then Kidal.']
"""

from __future__ import annotations

import errno
import html
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Collection, Mapping

from actors.errors import CorpusError, Problem

#: The curation file of a corpus folder (see :mod:`actors.curation`): not a document.
CURATION_FILE = "overrides.toml"

__all__ = [
    "Sentence",
    "InfoField",
    "Document",
    "parse_document",
    "read_document",
    "read_corpus",
    "line_col",
]


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------


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


@dataclass(frozen=True, slots=True)
class InfoField:
    """One infobox entry; ``value == Document.text[start:end]``."""

    key: str  # normalised lowercase key: "date", "combatant2", "belligerents", ...
    value: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded article, its infobox fields and its prose sentences."""

    name: str
    path: str
    text: str  # decoded original; ALL offsets refer to this string
    clean: str  # same length as text; noise blanked, newlines kept
    encoding: str  # "utf-8", "utf-8-sig" or "latin-1"
    layout: str  # "infobox", "scraped" or "plain"
    title: str
    fields: tuple[InfoField, ...] = field(default=())
    sentences: tuple[Sentence, ...] = field(default=())


# --------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------

#: Longest sentence kept whole; longer ones are cut at whitespace.
_MAX_SENTENCE = 5_000
#: Bytes inspected to tell text from binary.
_SNIFF_BYTES = 8_192
#: Longest line that may be a bare heading or a title.
_MAX_HEADING = 100


def _char_table() -> Mapping[int, str]:
    # Same-length, one-char-for-one-char normalisation of clean: control and
    # invisible characters become spaces, unusual spaces become " " (so a
    # pattern with a plain space matches "Amadou\xa0Toumani"), and the other
    # line separators become "\n" (the only line break the parser knows).
    table: dict[int, str] = {}
    for cp in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
        table[cp] = " "
    del table[0x0A]
    for cp in (0x0B, 0x0C, 0x2028, 0x2029):
        table[cp] = "\n"
    for cp in [0xA0, 0x1680, *range(0x2000, 0x200C), 0x202F, 0x205F, 0x3000]:
        table[cp] = " "
    for cp in [0x200E, 0x200F, *range(0x202A, 0x202F), 0x2060, *range(0x2066, 0x206A), 0xFEFF, 0xAD]:
        table[cp] = " "
    return MappingProxyType(table)


def _cp1252_table() -> Mapping[int, str]:
    # Text that is not UTF-8 is kept as latin-1 (lossless), but such files are
    # nearly always Windows-1252: clean reads C1 bytes as their cp1252 letters
    # (curly quotes, dashes) so sentence splitting and matching still work.
    table: dict[int, str] = {}
    for b in range(0x80, 0xA0):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            pass
    return MappingProxyType(table)


_CHAR_TABLE = _char_table()
_CP1252_TABLE = _cp1252_table()

# -- character-level noise (blanked wherever it occurs) --------------------
_CITATION_MARK = (
    r"\[(?:"
    r"(?!(?:1[5-9]|20)\d\d\])\d{1,4}"  # [12]; a bracketed year is kept
    r"|[a-z]{1,2}|[A-Z]|[ivx]{1,5}"  # footnote letters [c], [aa], [A], [iv]
    r"|(?i:note|nb|n|lower-alpha|upper-alpha)\s?\d{1,3}"
    r"|(?i:[a-z][a-z -]{1,40}?\sneeded|who|whom|by whom|according to whom|when|where"
    r"|which|why|dubious(?:\s?[–—-]\s?discuss)?|discuss|failed verification|sic|edit"
    r"|update|vague|specify|quantify|disputed(?:\s?[–—-]\s?discuss)?|(?:permanent )?dead link"
    r"|not in citation given|original research|unreliable source|self-published source)\??"
    r")\]"
)
# A whole run ("[12][13]", "[8] [3]") is one match: fewer, longer blanks.
_CITATION = re.compile(rf"{_CITATION_MARK}(?:[ \t]*{_CITATION_MARK})*")
_FILE_MARK = re.compile(
    r"\b(?:Flag|Coat of arms|Emblem|Seal|Logo|Insignia|Roundel|Naval ensign|War flag)\b"
    r"[^\n]{0,80}?\.(?:svg|png|jpe?g|gif)\b"
    r"|\b(?:File|Image):[^\n|\]]{1,120}?\.(?:svg|png|jpe?g|gif|tiff?|webp)\b",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]{0,20}(?:\s[^<>\n]{0,500})?\s*/?>")
_HTML_COMMENT = re.compile(r"<!--[\s\S]{0,2000}?-->")
_HTML_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_TEMPLATE = re.compile(r"\{\{[^{}\n]{0,500}\}\}")
_WIKILINK = re.compile(r"\[\[([^\[\]\n]{1,300}?)\]\]")
_BOLD = re.compile(r"'{3,}")
_LONE_CR = re.compile(r"\r(?!\n)")
# Markdown only (.md): emphasis/code marks, links, images, blockquote marks.
_MD_MARKS = re.compile(r"[*`]+|(?<!\w)__|__(?!\w)")
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\(([^)\n]{0,500})\)")
_MD_QUOTE = re.compile(r"^[ \t]*>[> \t]*", re.MULTILINE)

# -- line-level noise (whole lines blanked) --------------------------------
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NOISE_LINE = re.compile(
    r"(?:edit|\[edit\]|Infobox|Last updated\b.{0,40}|Contents(?:\s*\[?hide\]?)?"
    r"|Learn how and when to remove this (?:template )?message\.?"
    # reference back-links: "^ Ehrhart ...", "1. ^ a b ..."
    r"|(?:\d{1,4}\.\s*)?\^.*"
    # maintenance templates: "This section needs to be updated. ... (August 2018)"
    r"|This (?:article|section|subsection|list|page)\b.{0,600}\((?:" + _MONTHS + r") \d{4}\)"
    # hatnotes
    r"|For (?:other|the|a|an|more)\b.{0,200}, see\b.{0,200}"
    r"|(?:Main articles?|See also|Further information|Further reading):.{0,300}"
    r"|Not to be confused with\b.{0,200}"
    r"|\"[^\"]{1,100}\" redirects here\..{0,300}"
    # Markdown/ASCII rules and table rows
    r"|([-*_=])(?:[ \t]*\1){2,}"
    r"|\|.*\|"
    r")",
    re.IGNORECASE,
)
_TOC_LINE = re.compile(r"\d{1,2}(?:\.\d{1,2})*\.?\s+\S.{0,100}")
_SETEXT = re.compile(r"(?:=+|-+)")  # underline of the previous line (Markdown)
_MD_FENCE = re.compile(r"(?:```|~~~).*")
_MD_LINKDEF = re.compile(r"\[[^\]]{1,100}\]:\s*\S+.*")

# -- structure --------------------------------------------------------------
_WIKI_TITLE = re.compile(r"=[ \t]*([^=\s](?:.*?[^=\s])?)[ \t]*=")
_WIKI_HEADING = re.compile(r"(={2,6})[ \t]*([^=\s](?:.*?[^=\s])?)[ \t]*\1")
_MD_HEADING = re.compile(r"(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?")
_KV_LINE = re.compile(r"[ \t]*[-*•][ \t]*([A-Za-z][A-Za-z0-9 _()/]{0,40}?)[ \t]*:[ \t]?")
_ITEM = re.compile(r"[ \t]*(?:[-*+•‣▪◦]|\d{1,3}[.)])[ \t]+")
_SCRAPED_INLINE = re.compile(
    r"(Part of|Date|Location|Result|Status|Territorial changes)"
    r"(?=$|[\s:]|[A-Z0-9])[ \t]*:?[ \t]*"
)
_INLINE_KEYS: Mapping[str, str] = MappingProxyType(
    {
        "part of": "partof",
        "date": "date",
        "location": "place",
        "result": "result",
        "status": "status",
        "territorial changes": "territorial",
    }
)
_BLOCK_HEADERS: Mapping[str, str] = MappingProxyType(
    {
        "belligerents": "belligerents",
        "combatants": "belligerents",
        "commanders and leaders": "commanders",
        "commanders": "commanders",
        "strength": "strength",
        "casualties and losses": "casualties",
        "casualties": "casualties",
        "units involved": "units",
    }
)
#: Headings after which nothing is prose (reference apparatus).
_TERMINAL = frozenset(
    {
        "references",
        "notes",
        "notes and references",
        "footnotes",
        "citations",
        "sources",
        "bibliography",
        "further reading",
        "external links",
        "see also",
        "works cited",
    }
)
#: Sections of independent one-paragraph summaries: each paragraph is a scope.
_SUMMARIES = frozenset({"related research articles", "related articles"})

# -- sentences ---------------------------------------------------------------
# The lookbehind keeps a long run of dots linear (each run is tried once).
_BOUNDARY = re.compile(r"(?<![.!?])[.!?]++[\"'”’»)\]]*+(\s+)")
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
# Small helpers
# --------------------------------------------------------------------------


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text`` (clamped), for messages.

    >>> line_col("ab\\ncd", 4)
    (2, 2)
    """
    offset = min(max(offset, 0), len(text))
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


def _squash(s: str) -> str:
    return " ".join(s.split())


_NONSPACE = re.compile(r"\S")


def _strip_span(clean: str, a: int, b: int) -> tuple[int, int]:
    """Shrink [a, b) to exclude whitespace of ``clean`` at both ends ((a, a) if blank)."""
    m = _NONSPACE.search(clean, a, b)  # a regex, not a loop: blank runs can be megabytes
    if m is None:
        return a, a
    a = m.start()
    while clean[b - 1].isspace():  # stops at clean[a] at the latest
        b -= 1
    return a, b


def _ends_sentence(s: str) -> bool:
    """Whether a (stripped, non-empty) line ends like prose: "." "!" "?" ":" ";"."""
    s = s.rstrip(_CLOSERS)
    return bool(s) and s[-1] in ".!?:;…"


# --------------------------------------------------------------------------
# clean
# --------------------------------------------------------------------------


def _apply(base: str, spans: list[tuple[int, int, str]]) -> str:
    """Replace spans of ``base`` by same-length strings; overlaps are blanked."""
    if not spans:
        return base
    spans.sort(key=lambda t: (t[0], -t[1]))
    parts: list[str] = []
    pos = 0
    for s, e, rep in spans:
        if e <= pos:
            continue
        if s < pos:  # overlaps the previous replacement: blank what is left
            rep = " " * (e - pos)
            s = pos
        parts.append(base[pos:s])
        parts.append(rep)
        pos = e
    parts.append(base[pos:])
    return "".join(parts)


def _entity(m: re.Match[str]) -> str:
    # "&amp;" -> "&    ": the decoded character then spaces, same length.
    ch = html.unescape(m.group())
    if len(ch) != 1 or ch == m.group() or not ch.isprintable() or ch.isspace():
        return " " * len(m.group())
    return ch + " " * (len(m.group()) - 1)


def _char_clean(text: str, *, markdown: bool, latin1: bool) -> str:
    """First pass of clean: characters and inline noise, not yet whole lines."""
    base = text.translate(_CP1252_TABLE) if latin1 else text
    base = base.translate(_CHAR_TABLE)
    spans: list[tuple[int, int, str]] = []

    def blank(m: re.Match[str]) -> None:
        spans.append((m.start(), m.end(), " " * (m.end() - m.start())))

    for m in _LONE_CR.finditer(text):
        spans.append((m.start(), m.end(), "\n"))
    for m in _HTML_COMMENT.finditer(base):  # may span lines: keep the newlines
        spans.append((m.start(), m.end(), re.sub(r"[^\n]", " ", m.group())))
    for rx in (_CITATION, _FILE_MARK, _HTML_TAG, _TEMPLATE, _BOLD):
        for m in rx.finditer(base):
            blank(m)
    for m in _HTML_ENTITY.finditer(base):
        spans.append((m.start(), m.end(), _entity(m)))
    for m in _WIKILINK.finditer(base):
        # "[[Mali War|the war]]": keep the shown words only.
        inner = m.group(1)
        keep_from = m.start(1) + inner.rfind("|") + 1
        spans.append((m.start(), keep_from, " " * (keep_from - m.start())))
        spans.append((m.end() - 2, m.end(), "  "))
    if markdown:
        for m in _MD_IMAGE.finditer(base):
            blank(m)
        for m in _MD_LINK.finditer(base):
            spans.append((m.start(), m.start() + 1, " "))
            spans.append((m.end(1), m.end(), " " * (m.end() - m.end(1))))
        for rx in (_MD_MARKS, _MD_QUOTE):
            for m in rx.finditer(base):
                blank(m)
    return _apply(base, spans)


# --------------------------------------------------------------------------
# Lines
# --------------------------------------------------------------------------

# Line kinds
_NOISE, _TITLE, _INFO, _HEADING, _PROSE = "noise", "title", "info", "heading", "prose"


@dataclass(slots=True)
class _Line:
    no: int  # 0-based line number
    begin: int  # offset of the line's first character (before any indent)
    start: int  # first non-space character of clean
    end: int  # after the last one
    text: str  # clean[start:end]
    kind: str = ""
    name: str = ""  # heading or title text
    explicit: bool = False  # "== X ==", "# X", "References", ...: always a heading
    level: int = 0  # Markdown heading level
    item: bool = False  # list item ("- x", "1. x")


def _lines(text: str, clean: str) -> list[_Line]:
    """The non-blank lines of clean (one 10 MB line is fine: no per-char loop)."""
    out: list[_Line] = []
    no = 0
    pos = 0
    n = len(clean)
    while pos <= n:
        nl = clean.find("\n", pos)
        if nl < 0:
            nl = n
        a, b = _strip_span(clean, pos, nl)
        if a < b:
            item = b - pos < 5000 and _ITEM.match(text, pos, b) is not None
            out.append(_Line(no, pos, a, b, clean[a:b], item=item))
        no += 1
        pos = nl + 1
    return out


def _mark_noise(lines: list[_Line], *, markdown: bool) -> None:
    """Lines that are neither prose, headings nor infobox: navigation, templates."""
    front = markdown and bool(lines) and lines[0].text == "---"  # YAML front matter
    in_fence = False
    toc = False  # inside a "Contents" list
    prev: _Line | None = None
    for i, ln in enumerate(lines):
        s = ln.text
        adjacent = prev is not None and prev.no == ln.no - 1
        was_toc, toc = toc, False
        if front:
            ln.kind = _NOISE
            front = not (i > 0 and s == "---")
        elif markdown and _MD_FENCE.fullmatch(s):
            ln.kind = _NOISE
            in_fence = not in_fence
        elif in_fence:
            ln.kind = _NOISE
        elif was_toc and adjacent and len(s) <= 110 and _TOC_LINE.fullmatch(s):
            ln.kind = _NOISE
            toc = True
        elif len(s) <= 1200 and _NOISE_LINE.fullmatch(s):
            ln.kind = _NOISE
            toc = s.lower().startswith("contents")
            if adjacent and prev is not None and not prev.kind and _SETEXT.fullmatch(s):
                # "Title\n=====": the underlined line is a heading.
                if len(prev.text) <= _MAX_HEADING:
                    prev.kind, prev.name, prev.explicit = _HEADING, _squash(prev.text), True
                    prev.level = 1 if s[0] == "=" else 2
        elif markdown and _MD_LINKDEF.fullmatch(s):
            ln.kind = _NOISE
        prev = ln


def _value_span(text: str, clean: str, a: int, b: int) -> tuple[int, int]:
    """Span of a field value in [a, b): stripped of noise, flag markers kept."""
    s, e = _strip_span(clean, a, b)
    # "Flag of Mali.svg Mali": the extractor reads the flag names, keep them.
    for m in _FILE_MARK.finditer(text, a, b):
        s, e = (min(s, m.start()), max(e, m.end())) if s < e else (m.start(), m.end())
    return (s, e) if s < e else (a, a)


def _infobox(lines: list[_Line], text: str, clean: str, fields: list[InfoField]) -> tuple[bool, str]:
    """``= Title =`` / ``Infobox`` / ``- Key: value``. Returns (found, title)."""
    title = ""
    first = next((ln for ln in lines if ln.kind != _NOISE), None)
    if first is not None and len(first.text) <= 300:
        m = _WIKI_TITLE.fullmatch(first.text) if not _WIKI_HEADING.fullmatch(first.text) else None
        if m:
            first.kind = _TITLE
            a, b = first.start + m.start(1), first.start + m.end(1)
            a, b = _value_span(text, clean, a, b)
            title = _squash(clean[a:b])
            first.name = title
            fields.append(InfoField("title", text[a:b], a, b))
    found = False
    in_box = False
    for ln in lines:
        if ln.kind == _NOISE and ln.text.lower() == "infobox":
            in_box = found = True
            continue
        if ln.kind == _TITLE and ln is first and title:
            in_box = True  # "- Key: value" lines may follow the title directly
            continue
        if not in_box:
            continue
        m = _KV_LINE.match(text, ln.begin, ln.end) if ln.end - ln.begin <= 5000 else None
        if ln.kind or m is None:
            in_box = False
            continue
        found = True
        ln.kind = _INFO
        a, b = _value_span(text, clean, m.end(), ln.end)
        fields.append(InfoField(_norm_key(m.group(1)), text[a:b], a, b))
    return found, title


def _scraped_key(s: str) -> tuple[str, int] | None:
    """(field key, value offset in s) for a key line of a scraped infobox."""
    if len(s) > 300:
        return None
    low = s.lower().rstrip(":").strip()
    if low in _BLOCK_HEADERS:
        return _BLOCK_HEADERS[low], -1
    m = _SCRAPED_INLINE.match(s)
    if m is None:
        return None
    if m.group(1) == "Part of" and m.end() == len(s):
        return None
    return _INLINE_KEYS[m.group(1).lower()], m.end()


def _scraped_block(lines: list[_Line], text: str, clean: str, fields: list[InfoField]) -> tuple[bool, str]:
    """The infobox of a scraped page: a run of adjacent lines with >= 2 keys.

    Returns (found, title): the title is the line at its top or the page's
    short first line above it.
    """
    heads = [i for i, ln in enumerate(lines[:80]) if not ln.kind or ln.kind == _NOISE]
    # Runs of adjacent lines (no blank line in between).
    runs: list[list[int]] = []
    for i in heads:
        if runs and lines[runs[-1][-1]].no == lines[i].no - 1 and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    block: list[int] | None = None
    for run in runs:
        keys = sum(1 for i in run if not lines[i].kind and _scraped_key(lines[i].text))
        if keys >= 2:
            block = run
            break
    if block is None:
        return False, ""
    title = ""
    title_line: _Line | None = None
    current: tuple[str, list[_Line]] | None = None

    def flush() -> None:
        if current and current[1]:
            a, b = _value_span(text, clean, current[1][0].begin, current[1][-1].end)
            fields.append(InfoField(current[0], text[a:b], a, b))

    seen_key = False
    for i in block:
        ln = lines[i]
        if ln.kind == _NOISE:
            continue
        ln.kind = _INFO
        key = _scraped_key(ln.text)
        if key is None:
            if current is not None:
                current[1].append(ln)
            elif not seen_key and title_line is None:
                title_line = ln
            continue
        seen_key = True
        flush()
        current = None
        name, off = key
        if off < 0:
            current = (name, [])
        elif off < len(ln.text):
            a, b = _value_span(text, clean, ln.start + off, ln.end)
            if a < b:
                fields.append(InfoField(name, text[a:b], a, b))
    flush()
    # The page title: a short first line above the block, else the block's own.
    first = next((ln for ln in lines if ln.kind != _NOISE), None)
    if first is not None and not first.kind and first.no < lines[block[0]].no and _heading_candidate(first):
        title_line = first
    if title_line is not None:
        title_line.kind = _TITLE
        a, b = _value_span(text, clean, title_line.start, title_line.end)
        title = _squash(clean[a:b])
        title_line.name = title
        fields.insert(0, InfoField("title", text[a:b], a, b))
    return True, title


def _heading_candidate(ln: _Line) -> bool:
    """Short, no sentence-final punctuation, starts like a title."""
    s = ln.text
    if len(s) > _MAX_HEADING or ln.item:
        return False
    if not (s[0].isalnum() or s[0] in _OPENERS):
        return False
    if s[-1] in ".!?:;,…" or (s[-1] in _CLOSERS and _ends_sentence(s)):
        return False
    if len(s.split()) > 15 or not any(c.isalpha() for c in s):
        return False
    return True


def _is_prose(ln: _Line) -> bool:
    return len(ln.text) > _MAX_HEADING or _ends_sentence(ln.text)


def _wrapped(lines: list[_Line]) -> bool:
    """Hard-wrapped prose: line breaks often fall mid-sentence."""
    body = [ln for ln in lines if not ln.kind]
    pairs = soft = 0
    for x, y in zip(body, body[1:]):
        if y.no != x.no + 1:
            continue
        pairs += 1
        if not _ends_sentence(x.text) and (y.text[0].islower() or x.text[-1] in ",-–"):
            soft += 1
    if pairs < 3 or soft < 2 or soft < 0.25 * pairs:
        return False
    lengths = sorted(len(ln.text) for ln in body)
    return lengths[len(lengths) // 2] <= 120


def _headings(lines: list[_Line], *, wrapped: bool) -> None:
    """Explicit headings, known section names, and bare heading lines."""
    body = [ln for ln in lines if ln.kind != _NOISE]
    for ln in body:
        if ln.kind:
            continue
        s = ln.text
        if len(s) > 300:
            continue
        m = _WIKI_HEADING.fullmatch(s) or _WIKI_TITLE.fullmatch(s)
        if m:
            ln.kind, ln.name, ln.explicit = _HEADING, _squash(m.groups()[-1]), True
            continue
        m = _MD_HEADING.fullmatch(s)
        if m:
            ln.kind, ln.name, ln.explicit = _HEADING, _squash(m.group(2)), True
            ln.level = len(m.group(1))
            continue
        low = _squash(s).lower()
        if low in _TERMINAL or low in _SUMMARIES:
            ln.kind, ln.name, ln.explicit = _HEADING, _squash(s), True
    # Bare headings, decided from the end: a candidate followed by prose, or
    # by at most two more headings and then prose ("Background / Politics / ...").
    depth_next: int | None = None  # heading depth of the next line, None: prose
    next_ok = False  # whether the next line allows a heading before it
    for k in range(len(body) - 1, -1, -1):
        ln = body[k]
        nxt = body[k + 1] if k + 1 < len(body) else None
        if ln.kind:  # an explicit heading, title or infobox line: not prose
            next_ok, depth_next = False, None
            continue
        is_head = False
        if next_ok and _heading_candidate(ln):
            if wrapped:
                prev = body[k - 1] if k > 0 else None
                alone = (prev is None or prev.no < ln.no - 1 or prev.kind) and (nxt is not None and nxt.no > ln.no + 1)
                is_head = bool(alone)
            else:
                is_head = depth_next is None or depth_next < 2
        if is_head:
            ln.kind, ln.name = _HEADING, _squash(ln.text)
            depth_next = 0 if depth_next is None else depth_next + 1
            next_ok = True
        else:
            next_ok = _is_prose(ln) or wrapped
            depth_next = None


# --------------------------------------------------------------------------
# Sentences
# --------------------------------------------------------------------------


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


def _paragraphs(lines: list[_Line], text: str, clean: str, *, wrapped: bool) -> list[_Para]:
    """Prose paragraphs with their section and scope, in document order."""
    paras: list[_Para] = []
    section = ""
    scope, next_scope = 0, 1
    in_summaries = False
    title_scope = False  # the previous line was a summary's title: share its scope
    prev: _Line | None = None  # the previous prose line, if adjacent material
    for ln in lines:
        entry_title = False
        if ln.kind == _HEADING:
            low = ln.name.lower()
            if not ln.explicit and in_summaries:
                entry_title = True  # "2017 Timbuktu attack" above its summary: prose
            else:
                if low in _TERMINAL:
                    break  # references and the like: nothing after is prose
                was, in_summaries = in_summaries, low in _SUMMARIES
                if was and not in_summaries:  # no year carries out of the summaries
                    scope, next_scope = next_scope, next_scope + 1
                section = ln.name
                prev = None
                continue
        elif ln.kind:
            prev = None
            continue
        ln.kind = _PROSE
        a = ln.start
        if ln.item:  # the sentence starts after "- " / "1. "
            m = _ITEM.match(text, ln.begin, ln.end)
            if m and m.end() > a:
                a, _ = _strip_span(clean, m.end(), ln.end)
        if a >= ln.end:
            continue
        if wrapped and prev is not None and prev.no == ln.no - 1 and not ln.item and paras:
            last = paras[-1]
            paras[-1] = _Para(last.start, ln.end, last.section, last.scope)
        else:
            if in_summaries and not title_scope:
                scope, next_scope = next_scope, next_scope + 1
            paras.append(_Para(a, ln.end, section, scope))
        title_scope = entry_title
        prev = ln
    return paras


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


# --------------------------------------------------------------------------
# parse
# --------------------------------------------------------------------------


def _first_line_title(lines: list[_Line], text: str, clean: str, fields: list[InfoField], *, plain: bool) -> str:
    """The first line, if a heading, is the title ("" if not).

    Always in plain text; in a scraped page only when a blank line follows it
    (001's first line, a subtitle running straight into the text, stays a
    heading).
    """
    body = [ln for ln in lines if ln.kind != _NOISE]
    if not body or body[0].kind != _HEADING:
        return ""
    first = body[0]
    alone = len(body) == 1 or body[1].no > first.no + 1
    low = first.name.lower()
    if not (plain or alone) or (first.explicit and first.level != 1) or low in _TERMINAL or low in _SUMMARIES:
        return ""
    first.kind = _TITLE
    a, b = first.start, first.end
    m = _MD_HEADING.fullmatch(first.text)
    if first.explicit and m:  # "# Title": the value without the marks
        a, b = a + m.start(2), a + m.end(2)
    a, b = _value_span(text, clean, a, b)
    fields.insert(0, InfoField("title", text[a:b], a, b))
    return first.name


def _parse(name: str, text: str, path: str, encoding: str) -> tuple[Document, int, int]:
    """parse_document, plus (number of over-long sentences cut, first such offset)."""
    markdown = name.lower().endswith((".md", ".markdown"))
    clean0 = _char_clean(text, markdown=markdown, latin1=encoding == "latin-1")
    lines = _lines(text, clean0)
    _mark_noise(lines, markdown=markdown)
    fields: list[InfoField] = []
    has_box, title = _infobox(lines, text, clean0, fields)
    has_block, block_title = _scraped_block(lines, text, clean0, fields)
    title = title or block_title
    scraped = has_block or any(
        ln.kind == _NOISE and ln.text.lower() in ("edit", "[edit]", "last updated", "contents") for ln in lines
    )
    scraped = scraped or _CITATION.search(text) is not None
    layout = "infobox" if has_box else "scraped" if scraped else "plain"
    wrapped = layout == "plain" and _wrapped(lines)
    _headings(lines, wrapped=wrapped)
    if layout != "infobox" and not title:
        title = _first_line_title(lines, text, clean0, fields, plain=layout == "plain")

    # Blank noise lines in clean (newlines stay).
    spans = [(ln.start, ln.end, " " * (ln.end - ln.start)) for ln in lines if ln.kind == _NOISE]
    clean = _apply(clean0, spans)

    paras = _paragraphs(lines, text, clean, wrapped=wrapped)
    sentences, cut_count, first_cut = _sentences(name, text, clean, paras)
    doc = Document(
        name=name,
        path=path,
        text=text,
        clean=clean,
        encoding=encoding,
        layout=layout,
        title=title,
        fields=tuple(fields),
        sentences=tuple(sentences),
    )
    return doc, cut_count, first_cut


def parse_document(name: str, text: str, *, path: str = "", encoding: str = "utf-8") -> Document:
    """Parse decoded ``text`` into a :class:`Document` (pure; never raises on content).

    ``name`` is the document's name (sentences carry it); a name ending in
    ``.md`` turns on Markdown clean-up. Sentences longer than 5,000
    characters are cut at whitespace (:func:`read_document` reports it).
    """
    return _parse(name, text, path, encoding)[0]


# --------------------------------------------------------------------------
# I/O edge
# --------------------------------------------------------------------------


def _looks_binary(head: bytes) -> str:
    """"" for text, else a short reason."""
    zeros = max(head[0::2].count(0), head[1::2].count(0))
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(head) > 3 and zeros > len(head) // 4):
        return "binary file, expected text (looks like UTF-16: save it as UTF-8)"
    if b"\x00" in head:
        return "binary file, expected text (NUL bytes)"
    controls = sum(1 for b in head if b < 0x20 and b not in b"\t\n\r\x0b\x0c\x1b" or b == 0x7F)
    if head and controls > 0.3 * len(head):
        return "binary file, expected text (mostly control characters)"
    return ""


def _read(path: str | os.PathLike[str], name: str, max_bytes: int) -> tuple[Document | None, list[Problem]]:
    shown = os.fspath(path)
    problems: list[Problem] = []

    def skip(what: str, where: str = "") -> tuple[None, list[Problem]]:
        problems.append(Problem(shown, where, what))
        return None, problems

    try:
        st = os.stat(path)
    except OSError as e:
        return skip(f"cannot read: {e.strerror or e}")
    if stat.S_ISDIR(st.st_mode):
        return skip(f"cannot read: {os.strerror(errno.EISDIR)}")  # as open() would say
    if not stat.S_ISREG(st.st_mode):
        return skip("cannot read: not a regular file")
    if st.st_size > max_bytes:
        return skip(f"{st.st_size} bytes, over the limit of {max_bytes}")
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as e:
        return skip(f"cannot read: {e.strerror or e}")
    if len(data) > max_bytes:  # grew since stat
        return skip(f"over {max_bytes} bytes, the limit")
    if not data.strip():
        return skip("empty file")
    reason = _looks_binary(data[:_SNIFF_BYTES])
    if reason:
        return skip(reason)
    bom = data.startswith(b"\xef\xbb\xbf")
    body = data[3:] if bom else data
    try:
        text = body.decode("utf-8")
        encoding = "utf-8-sig" if bom else "utf-8"
    except UnicodeDecodeError as e:
        offset = e.start + (3 if bom else 0)
        line = data.count(b"\n", 0, offset) + 1
        text = body.decode("latin-1")
        encoding = "latin-1"
        if text.strip():  # else only "empty file" below
            problems.append(
                Problem(
                    shown,
                    f"line {line}, byte {offset}",
                    f"not valid UTF-8 (byte 0x{data[offset]:02x}); read as latin-1",
                    skipped=False,
                )
            )
    if not text.strip():
        return skip("empty file")
    doc, cut, first = _parse(name, text, shown, encoding)
    if cut:
        ln, col = line_col(text, first)
        problems.append(
            Problem(
                shown,
                f"line {ln}, column {col}",
                f"{cut} sentence(s) longer than {_MAX_SENTENCE} characters cut at whitespace",
                skipped=False,
            )
        )
    return doc, problems


def read_document(
    path: str | os.PathLike[str], *, max_bytes: int = 50_000_000
) -> tuple[Document | None, list[Problem]]:
    """Read and parse one file. ``(None, problems)`` when it cannot be used.

    Never raises for a bad file: unreadable, too large, empty, binary files
    are skipped with a :class:`Problem`; non-UTF-8 text is read as latin-1
    with a non-skipping Problem naming the first invalid byte.
    """
    return _read(path, Path(path).name, max_bytes)


def read_corpus(
    folder: str | os.PathLike[str], *, max_bytes: int = 50_000_000, skip: Collection[str] = (CURATION_FILE,)
) -> tuple[list[Document], list[Problem]]:
    """Read every ``.txt`` and ``.md`` file under ``folder``, deterministically.

    Files directly in the folder come first (sorted by name), then each
    subfolder (sorted, recursively; hidden folders are skipped). A document
    in a subfolder is named by its relative path ("sub/a.txt"). Other files
    are reported as non-skipping Problems, except those named in ``skip``
    (relative names; by default the corpus's curation file, which
    :mod:`actors.corpus` reads itself). Raises :class:`CorpusError` only
    when ``folder`` is missing or not a folder; with no readable document the
    result is ``([], problems)``.
    """
    root = Path(folder)
    if not root.exists():
        raise CorpusError(f"corpus folder not found: {os.fspath(folder)}")
    if not root.is_dir():
        raise CorpusError(f"not a folder: {os.fspath(folder)}")
    docs: list[Document] = []
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()

    def walk(d: Path, prefix: str) -> None:
        try:
            st = d.stat()
            if (st.st_dev, st.st_ino) in seen:  # a symlink loop
                return
            seen.add((st.st_dev, st.st_ino))
            entries = sorted(os.scandir(d), key=lambda e: e.name)
        except OSError as e:
            problems.append(Problem(os.fspath(d), "", f"cannot read folder: {e.strerror or e}"))
            return
        subdirs = []
        for entry in entries:
            p = Path(entry.path)
            try:
                is_dir = entry.is_dir()  # follows symlinks; False if broken
            except OSError:
                is_dir = False
            if is_dir:
                if not entry.name.startswith("."):
                    subdirs.append(entry)
                continue
            if prefix + entry.name in skip:
                continue
            if p.suffix.lower() not in (".txt", ".md"):
                problems.append(Problem(os.fspath(p), "", "ignored: not .txt or .md", skipped=False))
                continue
            doc, probs = _read(p, prefix + entry.name, max_bytes)
            problems.extend(probs)
            if doc is not None:
                docs.append(doc)
        for entry in subdirs:
            walk(Path(entry.path), f"{prefix}{entry.name}/")

    walk(root, "")
    return docs, problems

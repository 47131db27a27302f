"""Offset-preserving cleaning: ``clean`` is ``text`` with noise blanked, same length.

The first pass of :func:`~actors.text.documents.parse_document`: characters and
inline noise (citation marks, flag-image names, HTML tags, comments and entities,
templates, wiki links, bold marks, Markdown marks in ``.md`` files) are replaced by
same-length strings, mostly spaces, so an offset found by matching on ``clean`` is
valid in ``text`` as it is. Whole noise lines are blanked later
(:mod:`actors.text.lines`), with the same :func:`_apply`.
"""

from __future__ import annotations

import html
import re
from types import MappingProxyType
from typing import Mapping

#: Everything here is internal to :func:`actors.text.documents.parse_document`.
__all__: list[str] = []


# --------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------


def _char_table() -> Mapping[int, str]:
    # Same-length, one-char-for-one-char normalisation of clean: control and
    # invisible characters become spaces, unusual spaces become " " (so a
    # pattern with a plain space matches "Amadou\xa0Toumani"), and the Unicode
    # line separators become "\n" (the only line break the parser knows).
    table: dict[int, str] = {}
    for cp in [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]:
        table[cp] = " "
    del table[0x0A]
    # A vertical tab or form feed is a control inside a line (a page break in text taken from a PDF
    # sits beside a newline): a space, so it never cuts a sentence and loses its relation.
    for cp in (0x2028, 0x2029):
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
# The characters _CHAR_TABLE changes, as one character class: str.translate looks every character
# of the text up in the table, a regex finds the few there are (most texts have none but tabs).
_CHARS_TO_CHANGE = re.compile("[" + "".join(re.escape(chr(cp)) for cp in sorted(_CHAR_TABLE)) + "]")
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
# In a saved web page: elements whose text is no part of the page's prose, and block elements,
# which end a line or a paragraph where the page shows one.
_HTML_DROP = re.compile(r"<(script|style|head|noscript|template|svg|nav|footer|form|button|select)\b[^>]{0,500}>"
                        r"[\s\S]{0,500000}?</\1\s*>", re.IGNORECASE)
_HTML_BLOCK = re.compile(r"</?(?:p|div|li|ul|ol|h[1-6]|tr|table|section|article|header|main|aside|blockquote|"
                         r"dd|dt|dl|figcaption|figure|pre|td|th)\b[^<>]{0,500}>", re.IGNORECASE)
_HTML_BREAK = re.compile(r"<br\s{0,4}/?>", re.IGNORECASE)
# In MDX (Markdown with JSX): the module lines that import components or export values.
_MDX_MODULE = re.compile(r"(?m)^(?:import|export)\s[^\n]{0,2000}$")
_TEMPLATE = re.compile(r"\{\{[^{}\n]{0,500}\}\}")
_WIKILINK = re.compile(r"\[\[([^\[\]\n]{1,300}?)\]\]")
_BOLD = re.compile(r"'{3,}")
_LONE_CR = re.compile(r"\r(?!\n)")
# Controls and invisible marks inside a word ("am\x01bushed", "Ma\u200bli"): kept as word joiners
# (U+2060), one for one, so tokens join across them (actors.text.tokens) and the word still matches;
# elsewhere they are spaces (_CHAR_TABLE).
_INVISIBLE = ("\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\xad\u200b-\u200f\u202a-\u202e\u2060-\u2064"
              "\u2066-\u2069\ufeff")  # not tabs, vertical tabs, form feeds, separators or NEL: those are spaces
_IN_WORD = re.compile(f"(?<=\\w)[{_INVISIBLE}]+(?=\\w)")
_INVISIBLE_CHAR = re.compile(f"[{_INVISIBLE}]")  # what _IN_WORD needs one of: most texts have none
# What a _FILE_MARK match ends with: only the lines holding one are searched for the whole mark
# (it never spans a line), a literal scan instead of a case-blind alternation at every word.
_FILE_EXT = re.compile(r"\.(?:svg|png|jpe?g|gif|tiff?|webp)\b", re.IGNORECASE)
WORD_JOINER = "\u2060"
# Markdown only (.md): emphasis/code marks, links, images, blockquote marks.
_MD_MARKS = re.compile(r"[*`]+|(?<!\w)__|__(?!\w)")
_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)")
_MD_LINK = re.compile(r"\[([^\]\n]{1,300})\]\(([^)\n]{0,500})\)")
_MD_QUOTE = re.compile(r"^[ \t]*>[> \t]*", re.MULTILINE)


# --------------------------------------------------------------------------
# Offsets
# --------------------------------------------------------------------------

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


def _file_marks(base: str) -> list[re.Match[str]]:
    """``_FILE_MARK.finditer(base)``, searched only in the lines that hold a file extension."""
    out: list[re.Match[str]] = []
    line_end = -1
    for ext in _FILE_EXT.finditer(base):
        if ext.start() < line_end:
            continue  # that line is done
        line_start = base.rfind("\n", 0, ext.start()) + 1
        line_end = base.find("\n", ext.end())
        if line_end < 0:
            line_end = len(base)
        out.extend(_FILE_MARK.finditer(base, line_start, line_end))
    return out


def _translate(text: str) -> str:
    """``text.translate(_CHAR_TABLE)``: the characters it changes, found with a regex (the same string)."""
    if _CHARS_TO_CHANGE.search(text) is None:
        return text
    return _CHARS_TO_CHANGE.sub(lambda m: _CHAR_TABLE[ord(m.group())], text)


def _char_clean(text: str, *, markdown: bool, latin1: bool, html: bool = False, mdx: bool = False) -> str:
    """First pass of clean: characters and inline noise, not yet whole lines. ``html``: a saved web
    page (scripts, styles and the head blanked; block elements end their paragraph); ``mdx``:
    Markdown with JSX (its import and export lines blanked; tags are blanked as HTML's are)."""
    base = text.translate(_CP1252_TABLE) if latin1 else text
    joined = [] if _INVISIBLE_CHAR.search(base) is None else list(_IN_WORD.finditer(base))
    base = _translate(base)
    spans: list[tuple[int, int, str]] = []

    def blank(m: re.Match[str]) -> None:
        spans.append((m.start(), m.end(), " " * (m.end() - m.start())))

    for m in _LONE_CR.finditer(text):
        spans.append((m.start(), m.end(), "\n"))
    for m in joined:
        spans.append((m.start(), m.end(), WORD_JOINER * (m.end() - m.start())))
    for m in _HTML_COMMENT.finditer(base):  # may span lines: keep the newlines
        spans.append((m.start(), m.end(), re.sub(r"[^\n]", " ", m.group())))
    if html:  # before the tags themselves: the first span at an offset wins
        for m in _HTML_DROP.finditer(base):
            spans.append((m.start(), m.end(), re.sub(r"[^\n]", " ", m.group())))
        for m in _HTML_BLOCK.finditer(base):
            n = m.end() - m.start()
            spans.append((m.start(), m.end(), " " * (n - 2) + "\n\n" if n >= 3 else " " * n))
        for m in _HTML_BREAK.finditer(base):
            spans.append((m.start(), m.end(), " " * (m.end() - m.start() - 1) + "\n"))
    if mdx:
        for m in _MDX_MODULE.finditer(base):
            blank(m)
    for m in _CITATION.finditer(base):
        blank(m)
    for m in _file_marks(base):
        blank(m)
    for rx in (_HTML_TAG, _TEMPLATE, _BOLD):
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

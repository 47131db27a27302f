"""Files -> documents -> sentences, every piece tied to character offsets.

The first stage of the pipeline. :func:`parse_document` is pure: it takes a
name and the decoded text and returns a :class:`Document` whose ``clean`` text
has the same length as ``text`` (citation marks, flag-image names, HTML
remnants, "edit" lines and similar noise are blanked with spaces), so an
offset found by matching on ``clean`` is valid in ``text`` as it is.
:func:`~actors.text.reading.read_document` and
:func:`~actors.text.reading.read_corpus` are the thin I/O edge: they
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

This module assembles the steps and decides the layout: cleaning with offsets
is :mod:`actors.text.cleaning`, lines, headings and paragraphs are
:mod:`actors.text.lines`, infobox fields and the title :mod:`actors.text.fields`,
sentence splitting :mod:`actors.text.sentences`.

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

from dataclasses import dataclass, field

from actors.text.cleaning import _CITATION, _apply, _char_clean
from actors.text.fields import InfoField, _first_line_title, _infobox, _md_table, _scraped_block, _front_matter
from actors.text.lines import _NOISE, _headings, _lines, _mark_noise, _paragraphs, _wrapped
from actors.text.sentences import Sentence, _sentences

__all__ = [
    "Sentence",
    "InfoField",
    "Document",
    "parse_document",
    "line_col",
]


# --------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------


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


# --------------------------------------------------------------------------
# parse
# --------------------------------------------------------------------------


def _parse(name: str, text: str, path: str, encoding: str) -> tuple[Document, int, int]:
    """parse_document, plus (number of over-long sentences cut, first such offset)."""
    lower = name.lower()
    markdown = lower.endswith((".md", ".markdown", ".mdx"))
    clean0 = _char_clean(text, markdown=markdown, latin1=encoding == "latin-1", html=lower.endswith((".html", ".htm")),
                         mdx=lower.endswith(".mdx"))
    lines = _lines(text, clean0)
    _mark_noise(lines, markdown=markdown)
    fields: list[InfoField] = []
    has_box, title = _infobox(lines, text, clean0, fields)
    has_table = _md_table(lines, text, clean0, fields)  # a Markdown pipe-table infobox
    if markdown:
        _front_matter(lines, text, clean0, fields)
    has_block, block_title = _scraped_block(lines, text, clean0, fields)
    title = title or block_title
    scraped = has_block or any(
        ln.kind == _NOISE and ln.text.lower() in ("edit", "[edit]", "last updated", "contents") for ln in lines
    )
    scraped = scraped or _CITATION.search(text) is not None
    layout = "infobox" if has_box or has_table else "scraped" if scraped else "plain"
    wrapped = layout == "plain" and _wrapped(lines)
    _headings(lines, wrapped=wrapped)
    if not has_box and not title:
        title = _first_line_title(lines, text, clean0, fields, plain=layout == "plain" or has_table)

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
    ``.md`` (or ``.markdown``, ``.mdx``) turns on Markdown clean-up, one ending in ``.html`` or
    ``.htm`` that of a saved web page (offsets stay those of the file's text). Sentences longer than 5,000
    characters are cut at whitespace (:func:`~actors.text.reading.read_document`
    reports it).
    """
    return _parse(name, text, path, encoding)[0]

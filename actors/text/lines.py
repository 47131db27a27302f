"""A page as lines: noise and navigation lines, headings, prose paragraphs.

The structure of a document's ``clean`` text, line by line: navigation and
apparatus lines (table of contents, "edit", hatnotes, maintenance templates,
Markdown rules, fences and front matter) are noise; explicit headings
(``== X ==``, ``# X``, underlined), known section names ("References", after
which nothing is prose) and bare heading lines are headings; hard-wrapped
paragraphs are recognised and re-joined; the rest are prose paragraphs, each with
its section and narrative scope. Infobox lines are marked by
:mod:`actors.text.fields`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from actors.text.cleaning import _strip_span
from actors.text.sentences import _CLOSERS, _OPENERS, _ends_sentence, _Para

#: Everything here is internal to :func:`actors.text.documents.parse_document`.
__all__: list[str] = []


# --------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------

#: Longest line that may be a bare heading or a title.
_MAX_HEADING = 100

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
    # a lone dash or bullet between items: a separator, no text
    r"|[-\u2013\u2014*\u2022\u00b7~]{1,2}"
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
_ITEM = re.compile(r"[ \t]*(?:[-*+•‣▪◦]|\d{1,3}[.)])[ \t]+")

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


def _squash(s: str) -> str:
    return " ".join(s.split())


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
            if adjacent and prev is not None and not prev.kind and len(s) >= 3 and _SETEXT.fullmatch(s):
                # "Title\n=====": the underlined line is a heading.
                if len(prev.text) <= _MAX_HEADING:
                    prev.kind, prev.name, prev.explicit = _HEADING, _squash(prev.text), True
                    prev.level = 1 if s[0] == "=" else 2
        elif markdown and _MD_LINKDEF.fullmatch(s):
            ln.kind = _NOISE
        prev = ln


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
# Paragraphs
# --------------------------------------------------------------------------


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

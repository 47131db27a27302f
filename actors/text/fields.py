"""Infobox fields and the title: the :class:`InfoField` values of a page.

Two infobox layouts are read: the wiki infobox (``= Title =``, an ``Infobox``
line, ``- Key: value`` lines) and the block of a scraped page (a run of adjacent
lines with at least two keys: ``Part of X``, ``DateNovember 24, 2023`` with the
key glued to its value, a "Belligerents" block, ...). Without either, a first
line that is a heading is the title. Values are spans of ``text``, stripped of
noise but keeping flag-image names (the extractor reads them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Mapping

from actors.text.cleaning import _FILE_MARK, _strip_span
from actors.text.lines import (
    _HEADING,
    _INFO,
    _MD_HEADING,
    _NOISE,
    _SUMMARIES,
    _TERMINAL,
    _TITLE,
    _WIKI_HEADING,
    _WIKI_TITLE,
    _heading_candidate,
    _Line,
    _squash,
)

__all__ = ["InfoField"]


@dataclass(frozen=True, slots=True)
class InfoField:
    """One infobox entry; ``value == Document.text[start:end]``."""

    key: str  # normalised lowercase key: "date", "combatant2", "belligerents", ...
    value: str
    start: int
    end: int


# --------------------------------------------------------------------------
# Constants
# --------------------------------------------------------------------------

_KV_LINE = re.compile(r"[ \t]*[-*•][ \t]*([A-Za-z][A-Za-z0-9 _()/]{0,40}?)[ \t]*:[ \t]?")
_SCRAPED_INLINE = re.compile(
    r"(Part of|Date|Location|Place|Result|Status|Territorial changes)"
    r"(?=$|[\s:]|[A-Z0-9])[ \t]*:?[ \t]*"
)
_INLINE_KEYS: Mapping[str, str] = MappingProxyType(
    {
        "part of": "partof",
        "date": "date",
        "location": "place",
        "place": "place",
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


def _norm_key(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", key.lower())


# --------------------------------------------------------------------------
# Infoboxes
# --------------------------------------------------------------------------


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


# A Markdown (pipe) table infobox: "| Date | 3-5 March 2019 |", "| **Belligerents** | |" with the
# sides in the next row's cells ("| Mali<br>France | JNIM |"), or "| Belligerents | Mali | JNIM |".
_MD_KEYS: Mapping[str, str] = MappingProxyType({
    "date": "date", "dates": "date", "location": "place", "place": "place", "result": "result",
    "part of": "partof", "status": "status", "belligerents": "sides", "combatants": "sides",
    "parties": "sides", "parties to the conflict": "sides", "perpetrator": "perpetrator",
    "perpetrators": "perpetrator"})
_MD_RULE = re.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?")


def _md_cells(text: str, ln: _Line) -> list[tuple[int, int]]:
    """The cells of a pipe-table line, as spans of ``text`` (outer pipes left out)."""
    a, b = ln.start, ln.end
    if text[a] == "|":
        a += 1
    if b > a and text[b - 1] == "|":
        b -= 1
    cells, pos = [], a
    for i in [x for x in range(a, b) if text[x] == "|"] + [b]:
        cells.append((pos, i))
        pos = i + 1
    return cells


def _md_table(lines: list[_Line], text: str, clean: str, fields: list[InfoField]) -> bool:
    """Infobox fields of a Markdown pipe table (see ``_MD_KEYS``); its lines are marked as the box's."""
    found, sides_next = False, False
    for ln in lines:
        if ln.kind not in ("", _NOISE) or not (ln.text.startswith("|") and ln.text.endswith("|") and ln.text.count("|") >= 3):
            sides_next = False
            continue
        if _MD_RULE.fullmatch(ln.text):
            ln.kind = _INFO
            continue
        cells = [c for c in _md_cells(text, ln)]
        spans = [_value_span(text, clean, a, b) for a, b in cells]
        words = [_squash(clean[a:b]).strip("*: ").lower() for a, b in spans]
        full = [sp for sp, w in zip(spans, words) if w]
        key = _MD_KEYS.get(words[0]) if words else None
        if sides_next and len(full) >= 2 and key is None:
            fields.extend(InfoField(f"combatant{n}", text[a:b], a, b) for n, (a, b) in enumerate(full, 1))
            ln.kind, sides_next, found = _INFO, False, True
            continue
        sides_next = False
        values = [sp for sp, w in zip(spans[1:], words[1:]) if w]
        if key is None or (key != "sides" and len(values) != 1):
            continue  # "| Date | Location | Perpetrators |" heads a table of events, not an infobox
        ln.kind, found = _INFO, True
        if key == "sides" and len(values) >= 2:
            fields.extend(InfoField(f"combatant{n}", text[a:b], a, b) for n, (a, b) in enumerate(values, 1))
        elif key == "sides":
            sides_next = True
        elif values:
            a, b = values[0]
            fields.append(InfoField(key, text[a:b], a, b))
    return found


# YAML front matter of a Markdown page (Jekyll, Hugo, Astro): its title, and its date as the day the
# page was filed (a dateline: the reference for "on Saturday", never an event's date)
_FRONT_KEY = re.compile(r"[ \t]*(title|date|published|pubDate|publishDate|publish_date)[ \t]*:[ \t]*", re.IGNORECASE)
_FRONT_KEYS: Mapping[str, str] = MappingProxyType({"title": "title", "date": "filed", "published": "filed",
                                                   "pubdate": "filed", "publishdate": "filed", "publish_date": "filed"})


def _front_matter(lines: list[_Line], text: str, clean: str, fields: list[InfoField]) -> None:
    """The title and date of a leading YAML front matter block (its lines are noise already)."""
    if not lines or lines[0].text != "---":
        return
    for ln in lines[1:]:
        if ln.text == "---":
            return
        m = _FRONT_KEY.match(text, ln.begin, ln.end)
        key = _FRONT_KEYS.get(m.group(1).lower()) if m else None
        if key is None or any(f.key == key for f in fields):
            continue
        a, b = m.end(), ln.end
        while b > a and text[b - 1] in " \t\r":
            b -= 1
        if b - a >= 2 and text[a] == text[b - 1] and text[a] in "'\"":
            a, b = a + 1, b - 1  # a quoted value
        if b > a:
            fields.append(InfoField(key, text[a:b], a, b))


def _scraped_key(s: str) -> tuple[str, int] | None:
    """(field key, value offset in s) for a key line of a scraped infobox."""
    if len(s) > 300:
        return None
    low = s.lower().rstrip(" |").rstrip(":").strip()  # "Belligerents | |||||||": a table row's pipes
    if low in _BLOCK_HEADERS:
        return _BLOCK_HEADERS[low], -1
    m = _SCRAPED_INLINE.match(s)
    if m is None:
        return None
    if m.group(1) == "Part of" and m.end() == len(s):
        return None
    return _INLINE_KEYS[m.group(1).lower()], m.end()


#: A label heading a side's entries in a scraped belligerents block ("Supported by:", "Jihadists:"),
#: the label's words as group 1.
SIDE_LABEL = re.compile(r"\s*([A-Za-z][\w'’ -]{0,40}?)\s*:\s*")
_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*(?:\[\d+\])*\s*$")


def _prose(line: str) -> bool:
    """A line of running text: long, many words, ending as a sentence ends; or, with no table
    pipe in it, a shorter sentence ("On October 1, 2023, rebels from the X attacked ... Mali.")."""
    if _SENTENCE_END.search(line) is None:
        return False
    if len(line) >= 120 and line.count(" ") >= 15:
        return True
    return "|" not in line and len(line) >= 60 and line.count(" ") >= 9 and line[:1].isupper()


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

    def is_key(i: int) -> bool:
        return not lines[i].kind and _scraped_key(lines[i].text) is not None

    for r, run in enumerate(runs):
        keys = sum(1 for i in run if is_key(i))
        if keys >= 2:
            block = list(run)
            # "Belligerents / side 1 entries / (blank) / side 2 entries / (blank) / Commanders and
            # leaders ...": a run of entries with no key, between a block header's entries and a key,
            # is more of that block (the blank line parts the two sides)
            while r + 2 < len(runs) and not any(is_key(i) for i in runs[r + 1]) and is_key(runs[r + 2][0]):
                last = next((_scraped_key(lines[i].text) for i in reversed(block) if is_key(i)), None)
                if last is None or last[1] >= 0 or last[0] != "belligerents":
                    break
                block += runs[r + 1] + runs[r + 2]
                r += 2
            last = next((_scraped_key(lines[i].text) for i in reversed(block) if is_key(i)), None)
            if last is not None and last[1] < 0 and last[0] == "belligerents":
                # sides headed by labels over several runs ("Supported by:", "Jihadists:"): up to the
                # run that holds the next key ("Commanders and leaders")
                more: list[int] = []
                for nxt in runs[r + 1 : r + 16]:
                    if any(_prose(lines[i].text) for i in nxt):
                        break
                    more += nxt
                    if any(is_key(i) for i in nxt):
                        if any(SIDE_LABEL.fullmatch(lines[i].text) for i in more):
                            block += more
                        break
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
        key = _scraped_key(ln.text)
        if key is None and seen_key and _prose(ln.text):
            break  # the article's text right under the infobox, with no blank line between: not a field
        ln.kind = _INFO
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


# --------------------------------------------------------------------------
# Title
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

"""What the layout says about dates: year headings, year lines and timeline items.

:func:`actors.text.dates.resolve_dates` walks a document's sentences keeping a
year in force; the layout can set it or fence it:

* a heading that is one year ("2013", "2013: ...", "Battle of Gao (2013)",
  "January 2013") puts that year in force; a range heading ("2014–2015: ...",
  "(2023–present)") bounds the dates under it (:func:`heading_years`);
* a paragraph that is only a year ("2015" on a line of its own, as timelines
  and monthly digests have it) is a year heading too (:func:`is_year_line`);
* a timeline item is a paragraph that opens with its date and a dash or colon
  ("November 28 – ...", "28 November: ...", "- 2013-01-16 – ..."):
  :func:`item_opener` finds that date. Items are independent of each other:
  none borrows a date from another.

>>> heading_years("2014–2015: Insurgents regroup"), heading_years("Aftermath")
((2014, 2015), None)
>>> is_year_line("2015"), is_year_line("In 2015, X.")
(True, False)
>>> item_opener("December 23 – An overnight raid killed two soldiers.")[0].text
'December 23'
>>> item_opener("On 23 December, an overnight raid killed two soldiers.") is None
True
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Sequence

from actors.text.date_mentions import _MONTH_FULL, _scan
from actors.text.date_values import DateMention, _nominal, _Span, implausible

__all__ = ["dateline", "date_title", "heading_years", "is_year_line", "item_opener"]

# Headings: "2014–2015: ...", "... (2023–present)", "2013", "2013: ...", "Battle (2013)".
_HEADING_RANGE = re.compile(
    r"(?<![\w.,])((?:19|20)\d\d)\s{0,4}(?:[-–—]|\bto\b)\s{0,4}((?:19|20)\d\d|\d\d|present|now|today|ongoing)(?!\w)",
    re.IGNORECASE,
)
_HEADING_YEARS = re.compile(r"(?<![\w.,])(?:19|20)\d\d(?!\w)")
_HEADING_SINGLE = (
    re.compile(rf"\s*(?:{_MONTH_FULL}\s+)?((?:19|20)\d\d)\s*[.:]?\s*"),  # the whole heading
    re.compile(r"\s*((?:19|20)\d\d)\s*[:–—-]"),  # "2013: French intervention"
    re.compile(r".*\(\s*((?:19|20)\d\d)\s*\)"),  # "Battle of Gao (2013)"
    re.compile(r".*(?:,|\bin)\s+((?:19|20)\d\d)\s*$"),  # "Events in 2013"
    re.compile(r"\s*((?:19|20)\d\d)\s+in\s+[A-Z]"),  # a year page: "2024 in Burkina Faso"
)
# A sentence that is nothing but a year: a heading set as a paragraph of its own.
_YEAR_LINE = re.compile(r"[\W_]{0,3}((?:19|20)\d\d)[\W_]{0,3}")
# After an item's leading date: a dash or a colon, then the item's text.
_ITEM_SEPARATOR = re.compile(r"\s{0,4}(?:[–—]|-{1,2}|:)\s{1,4}\S")
# Where an item's leading date may start: bullets and the like before it.
_ITEM_LEAD = 3
_ITEM_LOOK = 60  # characters of a paragraph's first sentence in which the leading date is looked for
_ITEM_START = re.compile(r"[\s\-*•·#]{0,3}(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\b)")


def heading_years(section: str) -> tuple[int, int | None] | None:
    """(first, last) years a heading puts in force; last None = open ("present").

    A single year gives (y, y); headings without a clear year or range give None.
    """
    years = _HEADING_YEARS.findall(section)
    ranges = list(_HEADING_RANGE.finditer(section))
    if len(ranges) == 1:
        r = ranges[0]
        first, tail = int(r.group(1)), r.group(2).lower()
        if tail.isdigit():
            last = int(tail) if len(tail) == 4 else first // 100 * 100 + int(tail)
            if last < first and len(tail) == 2:
                last += 100  # "1999–00"
        else:
            last = None
        inner = len(_HEADING_YEARS.findall(r.group()))
        if (last is None or last >= first) and len(years) == inner:
            return first, last
        return None
    if len(years) == 1 and not ranges:
        for pattern in _HEADING_SINGLE:
            hit = pattern.fullmatch(section) if pattern is _HEADING_SINGLE[0] else pattern.match(section)
            if hit:
                y = int(hit.group(1))
                return (y, y)
    return None


def is_year_line(clean: str) -> bool:
    """A sentence that is only a year ("2015", "2015:"): a heading written as a paragraph."""
    return len(clean) <= 12 and _YEAR_LINE.fullmatch(clean.strip()) is not None


def item_opener(clean: str, offset: int = 0) -> tuple[DateMention, bool] | None:
    """The leading date of a timeline item, if the sentence opens one: (date, impossible).

    A timeline item opens with its date, at most a bullet before it, then a dash
    or a colon: "November 28 – ...", "28 November 2013: ...". An impossible date
    ("February 30 – ...") is returned too, flagged, so the caller leaves the whole
    item undated; ``None`` when the sentence does not open an item.
    """
    if _ITEM_START.match(clean) is None:
        return None  # cheap: most paragraphs open with a word that no date starts with
    head = clean[:_ITEM_LOOK]
    for mention, impossible in _scan(head, offset):
        rel_start, rel_end = mention.start - offset, mention.end - offset
        if rel_start > _ITEM_LEAD or head[:rel_start].strip(" \t-*•·#") or mention.relative or mention.month is None:
            return None
        if _ITEM_SEPARATOR.match(clean, rel_end) is None:
            return None
        return mention, impossible
    return None


# What may stand before a report's dateline: a label ("Published:", "date") or its place in capitals
# ("BAMAKO,"); and after it: a news agency in brackets, a place, then a dash or a colon.
_DATELINE_LEAD = re.compile(r"\s*(?:(?i:(?:last\s+)?(?:date|dated|updated|published|posted))\b\s*:?\s*"
                            r"|[A-Z][A-Z'’.-]+(?:\s[A-Z][A-Z'’.-]+){0,2},\s*)")
_DATELINE_TAIL = re.compile(r"\s*(?:\([^()]{2,30}\)\s*)?(?:[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2}\s*)?[-–—:]\s")


def dateline(clean: str, offset: int = 0) -> DateMention | None:
    """The dateline opening a report's first sentence, if any: "BAMAKO, 3 November 2020 (Reuters) -
    ...", "Published: 2020-11-03 Mali: ...". It is the day the report was filed, not the day of
    what it tells: the caller makes it the reference and the year in force, never an event's date.
    Only a full date with its year counts; "On 3 November 2020, ..." opens a sentence, not a report.

    >>> dateline("BAMAKO, 3 November 2020 (Reuters) - Troops ...").text
    '3 November 2020'
    >>> dateline("On 3 November 2020, troops ...") is None, dateline("28 November 2013: troops ...") is None
    (True, True)
    >>> dateline("date 2023-02-17 The group claims the attack").text  # a label needs no dash after the date
    '2023-02-17'
    
    """
    lead = _DATELINE_LEAD.match(clean)
    if lead is None:
        return None
    for mention, impossible in _scan(clean[:90], offset):
        if impossible or mention.start - offset != lead.end() or mention.relative or mention.day is None \
                or mention.year is None:
            return None
        labelled = not lead.group().strip().endswith(",")  # "Published:", "date": the label says it
        return mention if labelled or _DATELINE_TAIL.match(clean, mention.end - offset) else None
    return None


def date_title(title: str) -> DateMention | None:
    """A document whose first line is a full date and nothing else ("28 January 2013", as scraped
    pages of news agencies open): the day it was filed, like a dateline.

    >>> date_title("28 January 2013").text, date_title("Mali: 28 January 2013") is None
    ('28 January 2013', True)
    """
    found = [m for m, impossible in _scan(title, 0) if not impossible]
    if len(found) != 1:
        return None
    m = found[0]
    if m.relative or m.day is None or m.year is None or title[: m.start].strip() or title[m.end :].strip(" .,"):
        return None
    return m


def _indent(text: str, start: int) -> int:
    """How far the line holding ``start`` is indented, when only white space comes before it."""
    line = text.rfind("\n", 0, start) + 1
    prefix = text[line:start]
    return len(prefix) if not prefix.strip() else 0


def _prose_indent(text: str, sentences: Sequence) -> int:
    """The indentation of most of a document's paragraphs (0 for plain prose)."""
    if not text:
        return 0
    seen, last = Counter(), None
    for s in sentences:
        if (s.scope, s.section, s.paragraph) != last:
            seen[_indent(text, s.start)] += 1
            last = (s.scope, s.section, s.paragraph)
    return seen.most_common(1)[0][0] if seen else 0


def _heading_dateline(heading: str, years: tuple[int, int]):
    """The span of a full date (day or month, with its year) that opens a heading, if any."""
    for mention, impossible in _scan(heading, 0):
        if mention.start > 12 or impossible or mention.relative or mention.year is None:
            return None
        if implausible(mention.year, years) or mention.month is None:
            return None
        try:
            return _nominal(mention, mention.year)
        except ValueError:
            return None
    return None


def _day_heading(heading: str, year: int | None) -> _Span | None:
    """A heading that is only a day and month ("May 13th", "28 June"), under a year heading's year."""
    if year is None:
        return None
    found = [m for m, impossible in _scan(heading, 0) if not impossible]
    if len(found) != 1 or found[0].relative or found[0].day is None or found[0].year is not None \
            or heading[: found[0].start].strip() or heading[found[0].end :].strip(" .,:"):
        return None
    try:
        return _nominal(found[0], year)
    except ValueError:
        return None

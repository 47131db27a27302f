"""Dates in conflict narratives: find what the text says, then resolve it in context.

Two steps. :func:`find_dates` reads one string and returns :class:`DateMention`
values: what the words say, before any context ("On 17 January" has no year).
:func:`resolve_dates` walks the sentences of one document in order, keeps the
*year in force* (from explicit dates, the infobox date, year headings) and gives
every mention a :class:`ResolvedDate` with a precision (``day``, ``month``,
``year`` or ``unknown``) and the interval it can denote.

This module is the second step, resolving in context, and the entry point of
both: the first step is :mod:`actors.text.date_mentions`, the values and their
calendar arithmetic are :mod:`actors.text.date_values` (its public names are
re-exported here).

The principle: **never invent a year**. A year-less date takes the year in
force; when the text puts none in force, the date is ``unknown`` (empty ISO).

>>> [(m.text, m.year, m.month, m.day) for m in find_dates("On 17 January, and on 5 April 2012.")]
[('17 January', None, 1, 17), ('5 April 2012', 2012, 4, 5)]
>>> from dataclasses import dataclass
>>> @dataclass
... class S:
...     doc: str; index: int; start: int; end: int; text: str; clean: str
...     section: str = ""; paragraph: int = 0; scope: int = 0
>>> texts = ["On 5 April 2012, the MNLA stopped.", "The following day, it declared independence.",
...          "On 17 January, attacks were reported.", "Nothing dated here."]
>>> sents, pos = [], 0
>>> for i, t in enumerate(texts):
...     sents.append(S("x.txt", i, pos, pos + len(t), t, t)); pos += len(t) + 1
>>> per_sentence, in_force, problems = resolve_dates(sents)
>>> [(d.iso, d.precision) for d in per_sentence[1]]
[('2012-04-06', 'day')]
>>> in_force[2].iso, in_force[2].precision   # takes the year in force
('2012-01-17', 'day')
>>> in_force[3].iso, in_force[3].precision, in_force[3].inherited
('2012', 'year', True)
>>> parse_iso("2012-06").latest
'2012-06-30'

Rules chosen where the text leaves room (the year in force: :func:`resolve_dates`):

* ``by X`` / ``until X``: ISO and precision of X; ``earliest`` is open (``""``),
  ``latest`` the last day of X. ``since X`` / ``starting in X``: ``earliest`` the
  first day of X, ``latest`` open. ``as of X``: the period of X itself. A part of a
  period under such a preposition ("by early June") counts as the whole period.
* Parts of periods: early/mid/late month = days 1-10 / 11-20 / 21-end; first/second
  half of a month = 1-15 / 16-end; early year = Jan 1-Apr 30, mid = Apr 1-Sep 30,
  late = Sep 1-Dec 31; first/second half = Jan 1-Jun 30 / Jul 1-Dec 31. "The first
  days of", "the beginning of" = early; "the end of", "the last days of" = late.
  The precision stays that of the period (month, year).
* Ranges ("8 and 9 March", "September 30 and October 1, 2019", "October–November
  2019") show at the precision that holds the whole range (``2022-03`` month,
  ``2019`` year: a day precision always means one day); ``earliest``/``latest``
  give the exact first and last day, and "the next day" counts from the last.
* Relative dates: ``same-day`` (also "at the time of the attack", "during the ambush"), ``next-day``, ``previous-day`` and "N days
  later/earlier" (``+Nd``/``-Nd``) count days from a day reference (from the end of
  a range going forward); from a month or year reference they keep that reference
  (a day is never made up). ``same-month``/``next-month``/``previous-month`` and
  ``same-year``/``following-year``/``previous-year`` give that month or year.
* Inexact relatives give a window: "days later" +2..+14 days, "days earlier"
  -14..-2, "weeks later" +7..+63, "months later" +28..+366, "the following week"
  +1..+13, "that week" -6..+6. The precision is month when the whole window lies in
  one month, year when in one year, else unknown (``earliest``/``latest`` still
  give the window).
"""

from __future__ import annotations

import re

from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Protocol, Sequence

from actors.errors import Problem
from actors.text.date_context import (_GLUED_TAG, _MAINTENANCE, _RETROSPECTIVE, _in_passing, _is_baseline,
                                      _is_framing, _is_modifier)
from actors.text.date_layout import dateline as report_dateline, _day_heading, _heading_dateline, heading_years, _indent, is_year_line, item_opener, _prose_indent
from actors.text.date_mentions import _scan, find_dates
from actors.text.date_values import (
    _DAY,
    _MONTH,
    _UNKNOWN,
    _YEAR,
    DateMention,
    ResolvedDate,
    _iso,
    _nominal,
    _range_bounds,
    _relative,
    _last_weekday,
    _resolved,
    _Span,
    _unknown,
    _window,
    PLAUSIBLE_YEARS,
    implausible,
    parse_iso,
)

__all__ = ["DateMention", "ResolvedDate", "find_dates", "resolve_dates", "parse_iso"]

_RANKED = (_UNKNOWN, _YEAR, _MONTH, _DAY)  # coarse to fine

# between the two ends of a range of years ("from 2012 to the end of 2017", "between 2015 and 2017")
_RANGE_GAP = re.compile(r"\s{0,4}(?:to|until|till|through|and|[-–—])\s{1,4}"
                        r"(?:(?:the\s{1,4})?(?:end|beginning|start|middle|close)\s{1,4}of\s{1,4})?", re.IGNORECASE)

# A year-less date this far before the reference means the narrative jumped back ...
_BACKWARD_DAYS = 92
# ... and this far after it, that it jumped forward past a year it did not state.
_FORWARD_DAYS = 183


def _rank(precision: str) -> int:
    return _RANKED.index(precision)


class SentenceLike(Protocol):
    """What :func:`resolve_dates` needs of a sentence (``documents.Sentence`` fits)."""

    @property
    def doc(self) -> str: ...
    @property
    def index(self) -> int: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def clean(self) -> str: ...
    @property
    def section(self) -> str: ...
    @property
    def paragraph(self) -> int: ...
    @property
    def scope(self) -> int: ...


# -- resolve_dates -----------------------------------------------------------------


@dataclass
class _State:
    year: int | None = None
    ref: _Span | None = None  # the last resolved date: base of relative dates and jump checks
    bounds: tuple[int, int | None] | None = None  # from a range heading
    heading_year: int | None = None  # the year the last year heading (or year line) put in force
    filing_day: _Span | None = None  # the day the report was filed, while it is the reference


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def resolve_dates(
    sentences: Sequence[SentenceLike],
    *,
    anchor: str = "",
    filed: str = "",
    headings: bool = True,
    ignore: Sequence[tuple[int, int]] = (),
    text: str = "",
    years: tuple[int, int] = PLAUSIBLE_YEARS,
) -> tuple[dict[int, list[ResolvedDate]], dict[int, ResolvedDate], list[Problem]]:
    """Resolve the dates of one document's sentences, walking them in order.

    Returns (the dates each sentence states, in text order, by sentence index; the
    date in force for each sentence index; problems). Every sentence index has an
    entry in both. Offsets are document offsets (``sentence.start`` based), as are
    those of ``ignore``.

    What puts a year in force:

    * ``anchor`` (the infobox Date value) at the start, with its date as the
      reference for relative dates. With no anchor, a report's dateline opening the
      first sentence ("BAMAKO, 18 September 2023 (AFP) - ...":
      :func:`~actors.text.date_layout.dateline`) is the anchor, and dates nothing told. A heading that is one year ("2013", "2013: ...",
      "Battle of Gao (2013)", "January 2013") puts that year in force; a range heading
      ("2014–2015: ...", "(2023–present)") puts none but bounds the year-less dates
      under it (``earliest``/``latest``; "present" leaves ``latest`` open). Other
      headings change nothing, except a dateline (a heading that opens with a full
      date, "Saturday, 3 August 2024": its year in force, itself the reference), and
      except that under an ``anchor`` a new section ("Attack",
      "Aftermath") starts again from the anchor's date: a background section's years do
      not run on into it. A change of ``scope`` resets everything (no anchor).
    * An explicit date with a month puts its year in force and becomes the
      reference. A year alone does so only when it opens the sentence ("In 2013,",
      "Starting in 2018", "In mid-2014,"); further in it is background ("formed in
      2017", "kidnapped in 2011"): it is the sentence's own date but not the
      narrative's. Within one sentence a date coarser than one already stated there
      moves nothing ("On 25 December, ..., which they had lost in 2012").
    * A year used as a modifier ("the 2015 Algiers agreement", "the 2012–2013
      crisis") and a baseline of comparison ("the worst since 1960", "the deadliest
      since the battle of Kidal in 2014") are not listed at all. A date named in
      passing ("back in October", "the March 2016 attack", "since March 2007"
      further in than the opening words) is listed but moves nothing.
    * A paragraph that is only a year ("2015") is a year heading. A timeline item
      (a paragraph opening with its date and a dash or colon, "December 23 – ...":
      :func:`~actors.text.date_layout.item_opener`) starts from what was in force
      before it and leaves nothing in force after it: items never borrow from each
      other. Under a year heading its month and day take the heading's year (no
      jump checks); its later sentences without a date of their own take the
      item's date (``inherited=True``).

    Resolving:

    * A year-less date takes the year in force. If that puts it more than 92 days
      before the reference, or (from an earlier sentence) more than 183 days after
      it, the narrative has jumped: the date is unknown, the year is no longer in
      force until one is stated again, and a warning Problem (``skipped=False``)
      says so. With no year in force a year-less date is unknown.
    * Relative dates resolve against the reference (see the module notes); with none
      they are unknown. A relative window that spans years also ends the year in force.
    * The date in force of a sentence: its first listed date that is not relative to
      nothing; else the year in force at year precision (``inherited=True``, never a
      month or day), unless the sentence looks back before the narrative ("prior
      to the insurgency", "originally", "formerly"); else unknown (bounded by a
      range heading if any).
    * Impossible dates ("31 February 2012", "29 February" in 2013, "99 March 2013")
      give a Problem and leave their sentence undated (its whole item, for an item's
      leading date): no other year stands in. So does a date whose year is outside
      ``years`` (the plausible years, default 1900-2100). These problems are warnings
      (``skipped=False``): the relation is kept, undated. Given the document's
      ``text``, a problem names the line and column of the date (and its sentence
      and character range). Dates overlapping ``ignore`` spans and the dates of Wikipedia
      maintenance notices ("This section needs to be updated. ... (August 2018)")
      are skipped.
    """
    plausible = years  # the name `years` is taken below by a heading's years
    # an infobox's single date: the date of the event the article tells (a range, "March 2022 - May 2023",
    # is not one event's date)
    event_anchor = bool(anchor.strip()) and sum(1 for _ in _scan(anchor, 0)) == 1
    reported = False  # the anchor is the day the report was filed, not an event's
    if filed.strip() and not anchor.strip():
        anchor, reported = filed, True  # the day the report was filed (a page's date line): the reference only
    dateline = report_dateline(sentences[0].clean, sentences[0].start) if sentences and not anchor.strip() else None
    if dateline is not None:  # the day the report was filed: the reference, never an event's date
        anchor, ignore, reported = dateline.text, [*ignore, (dateline.start, dateline.end)], True
    dates: dict[int, list[ResolvedDate]] = {}
    in_force: dict[int, ResolvedDate] = {}
    problems: list[Problem] = []
    state = _State()
    base: _State | None = None  # inside a timeline item: what was in force before it
    item: ResolvedDate | None = None  # the item's leading date, when it has one
    item_impossible = False  # the item's leading date cannot exist: the whole item is undated
    previous: SentenceLike | None = None
    anchored: _State | None = None  # what the infobox date put in force
    indented = _prose_indent(text, sentences)
    heading_day: tuple[_State, ResolvedDate] | None = None  # a day heading's section: what was before, its day
    for sentence in sentences:
        new_scope = previous is None or sentence.scope != previous.scope
        new_section = new_scope or sentence.section != previous.section  # type: ignore[union-attr]
        new_paragraph = new_section or sentence.paragraph != previous.paragraph  # type: ignore[union-attr]
        if base is not None and new_paragraph:  # an item ends: nothing it stated carries over
            state, base, item = base, None, None
        if new_scope:
            state = _State()
            anchored = None
            if previous is None and anchor.strip():
                _apply_anchor(anchor, sentence.doc, state, problems, plausible)
                anchored = replace(state) if state.year is not None else None
                if reported and state.ref is not None and state.ref.precision == _DAY:
                    state.filing_day = state.ref  # "on Sunday": the last Sunday up to that day
        if new_section and heading_day is not None:  # a day heading's section ends: its dates stay in it
            state, heading_day = heading_day[0], None
        if headings and new_section:
            years = heading_years(sentence.section)
            dateline = _heading_dateline(sentence.section, plausible) if years is None else None
            day = _day_heading(sentence.section, state.heading_year) if years is None and dateline is None else None
            if day is not None:
                # a timeline's day heading under its year ("2020" ... "May 13th"): the section's date
                heading_day = (replace(state), ResolvedDate(_iso(day), day.precision, day.first.isoformat(),
                                                            day.last.isoformat(), sentence.section, -1, -1, True))
                state.ref = day
            if dateline is not None:
                # a heading that opens with a full date ("Saturday, 3 August 2024"): a dateline; its
                # year is in force and it is the reference for what follows ("on July 27", "Friday")
                state.year, state.ref, state.bounds = dateline.first.year, dateline, None
            elif years is None and anchored is not None and not new_scope:
                # a section of an article about one dated event ("Attack", "Aftermath") starts again
                # from the event's date: a background section's years do not run on into it
                state = replace(anchored)
            if years is not None:
                lo, hi = years
                if lo == hi:
                    state.year, state.ref, state.bounds = lo, _Span(_YEAR, date(lo, 1, 1), date(lo, 12, 31)), None
                    state.heading_year = lo
                else:
                    state.year, state.ref, state.bounds = None, None, years
        opener = item_opener(sentence.clean, sentence.start) if new_paragraph else None
        if opener is not None:
            base = replace(state)
        elif new_paragraph and base is None and text and _indent(text, sentence.start) > indented:
            # a block indented deeper than the prose (a photo caption, a quotation): an aside, whose
            # dates put nothing in force for the prose after it
            base = replace(state)
        # under a year heading, an item's own month and day take the heading's year
        timeline = opener is not None and state.year is not None and state.year == state.heading_year
        own, first_eligible, impossible = _resolve_sentence(sentence, state, ignore, problems, timeline=timeline,
                                                            text=text, years=plausible)
        dates[sentence.index] = own
        if opener is not None:
            item_impossible = opener[1]
            item = next((d for d in own if d.start == opener[0].start and d.precision != _UNKNOWN), None)
        if is_year_line(sentence.clean) and state.year is not None:
            state.heading_year = state.year
        if first_eligible is not None:
            in_force[sentence.index] = first_eligible
        elif impossible or (base is not None and item_impossible):
            # an impossible date leaves its sentence (or its item) undated: no other year stands in
            in_force[sentence.index] = ResolvedDate("", _UNKNOWN, "", "", "", -1, -1, True)
        elif item is not None and not _RETROSPECTIVE.search(sentence.text):
            in_force[sentence.index] = replace(item, start=-1, end=-1, inherited=True)  # the item's date
        elif heading_day is not None and not _RETROSPECTIVE.search(sentence.text):
            in_force[sentence.index] = heading_day[1]  # the day heading's date
        elif event_anchor and anchored is not None and state == anchored and anchored.ref is not None \
                and anchored.ref.precision != _YEAR and not _RETROSPECTIVE.search(sentence.text):
            # an article about one dated event (its infobox date), before any other date is told: the
            # event's date ("The rebels claimed that they killed dozens": July 2024)
            ref = anchored.ref
            shown = ref if ref.first == ref.last else _window(ref.first, ref.last)  # "24-26 July 2024": July
            in_force[sentence.index] = ResolvedDate(_iso(shown), shown.precision, anchored.ref.first.isoformat(),
                                                    anchored.ref.last.isoformat(), "", -1, -1, True)
        elif state.year is not None and not _RETROSPECTIVE.search(sentence.text):
            y = state.year
            in_force[sentence.index] = ResolvedDate(
                f"{y:04d}", _YEAR, date(y, 1, 1).isoformat(), date(y, 12, 31).isoformat(), "", -1, -1, True
            )
        else:
            earliest, latest = _range_bounds(state.bounds) if state.bounds else ("", "")
            in_force[sentence.index] = ResolvedDate("", _UNKNOWN, earliest, latest, "", -1, -1, True)
        previous = sentence
    return dates, in_force, problems


def _place(index: int, start: int, end: int, text: str) -> str:
    """Where a date is: line and column when the document's text is known, and always its sentence and range."""
    at = f"sentence {index}, chars {start}-{end}"
    if not text:
        return at
    offset = min(max(start, 0), len(text))
    line = text.count("\n", 0, offset) + 1
    return f"line {line}, column {offset - text.rfind(chr(10), 0, offset)} ({at})"


def _apply_anchor(anchor: str, doc: str, state: _State, problems: list[Problem],
                  years: tuple[int, int] = PLAUSIBLE_YEARS) -> None:
    for mention, impossible in _scan(anchor, 0):
        why = implausible(mention.year, years) if mention.year is not None else ""
        if impossible or why:
            problems.append(Problem(doc, "infobox date", f"{'implausible' if why else 'impossible'} date "
                                    f"'{mention.text}'" + (f": {why}" if why else "") + "; left undated",
                                    skipped=False))
            return
        if mention.year is not None and not mention.relative:
            try:
                span = _nominal(mention, mention.year)
            except ValueError:
                break
            state.year, state.ref = span.first.year, span
            return
    problems.append(Problem(doc, "infobox date", f"no year in infobox date '{anchor.strip()}'", skipped=False))


def _resolve_sentence(
    sentence: SentenceLike,
    state: _State,
    ignore: Sequence[tuple[int, int]],
    problems: list[Problem],
    *,
    timeline: bool = False,
    text: str = "",
    years: tuple[int, int] = PLAUSIBLE_YEARS,
) -> tuple[list[ResolvedDate], ResolvedDate | None, bool]:
    """Resolve one sentence's mentions, updating ``state``; also its first eligible date
    and whether it states an impossible date.

    ``timeline``: the sentence opens a timeline item under a year heading, whose
    year-less dates take that year without the narrative's jump checks.
    """
    own: list[ResolvedDate] = []
    first_eligible: ResolvedDate | None = None
    finest = 0  # rank of the finest date that moved the state in this sentence
    previous_modifier_end: int | None = None
    framed_end: int | None = None  # where the last date that put its year in force ends
    clean, base = sentence.clean, sentence.start
    if _MAINTENANCE.match(clean):
        return own, None, False
    saw_impossible = False
    stated_here = False  # the reference was stated with its year in this very sentence
    for mention, impossible in _scan(clean, base):
        rel_start, rel_end = mention.start - base, mention.end - base
        if ignore and _overlaps(mention.start, mention.end, ignore):
            continue
        if _GLUED_TAG.search(clean, max(0, rel_start - 2), rel_start) and clean.startswith(")", rel_end):
            continue  # "...information.(August 2018)"
        words = sentence.text[rel_start:rel_end] or mention.text  # the words, citation marks intact
        m = mention if words == mention.text else replace(mention, text=words)
        why = implausible(m.year, years) if m.year is not None and not impossible else ""
        if impossible or why:
            what = f"implausible date '{m.text}': {why}" if why else f"impossible date '{m.text}'"
            problems.append(Problem(sentence.doc, _place(sentence.index, m.start, m.end, text),
                                    what + "; its sentence is left undated", skipped=False))
            saw_impossible = True
            continue
        # named in passing ("back in October", "the March 2016 attack", "since March 2007"):
        # the sentence's own date, but it puts nothing in force for what follows
        eligible, moves = True, not _in_passing(m, clean, rel_start)
        span: _Span | None = None
        resolved: ResolvedDate
        if m.relative:
            if state.ref is None:
                resolved, eligible, moves = _unknown(m, state.bounds), False, False
            else:
                span = _relative(m.relative, state.ref)
                if m.relative == "weekday" and state.filing_day is not None and state.ref is state.filing_day:
                    span = _last_weekday(m.text, state.filing_day) or span
                resolved = _resolved(span, m)
                if m.relative == "weekday":
                    moves = False  # "on Friday" is near the reference; the reference stays the day it was
        elif m.year is not None:
            span = _nominal(m, m.year)
            resolved = _resolved(span, m)
            year_only = m.month is None
            # Neither names a time of the sentence's events, so neither is listed:
            # a modifier ("the 2015 Algiers agreement") and a baseline ("since 1960").
            if year_only and m.qualifier == "" and _is_modifier(clean, rel_start, previous_modifier_end):
                previous_modifier_end = rel_end
                continue
            if m.day is None and _is_baseline(m, clean, rel_start):
                continue
            closes = framed_end is not None and _RANGE_GAP.fullmatch(clean, framed_end, rel_start) is not None
            if year_only and (m.text[:5].lower() == "since" or not _is_framing(clean, rel_start)) and not closes:
                # the sentence's own date, but background for what follows (except the end of a range
                # that opens the sentence: "From 2012 to the end of 2017, ..." leaves 2017 in force)
                moves = False
        elif state.year is None:
            resolved = _unknown(m, state.bounds)
        else:
            try:
                span = _nominal(m, state.year)
            except ValueError:
                what = f"impossible date '{m.text}' (year in force {state.year}); its sentence is left undated"
                problems.append(Problem(sentence.doc, _place(sentence.index, m.start, m.end, text), what,
                                        skipped=False))
                saw_impossible = True
                continue
            ref = state.ref
            # (before the day a report was filed, its year's months are the report's recent past:
            # "In January" in a report filed in July is that January, as a reader takes it)
            filed = state.filing_day is not None and ref is state.filing_day
            back = ref is not None and not timeline and not filed and span.last < ref.first - timedelta(days=_BACKWARD_DAYS)
            # "from January 2019 until November": forward within the sentence keeps the year
            ahead = (ref is not None and not timeline and not stated_here
                     and span.first > ref.last + timedelta(days=_FORWARD_DAYS))
            if (back or ahead) and not moves:  # named in passing: undated, and the year stays in force
                assert ref is not None
                gap = (ref.first - span.last).days if back else (span.first - ref.last).days
                problems.append(Problem(sentence.doc, _place(sentence.index, m.start, m.end, text),
                                        f"year-less date '{m.text}' named in passing would fall "
                                        f"{gap} days {'before' if back else 'after'} the date in force ({_iso(ref)}): "
                                        "left undated", skipped=False))
                resolved, span = _unknown(m, state.bounds), None
            elif back or ahead:
                assert ref is not None
                gap = (ref.first - span.last).days if back else (span.first - ref.last).days
                problems.append(
                    Problem(
                        sentence.doc,
                        _place(sentence.index, m.start, m.end, text),  # where (the line counted only here)
                        f"year-less date '{m.text}' would fall {gap} days {'before' if back else 'after'} "
                        f"the date in force ({_iso(ref)}): year no longer in force",
                        skipped=False,
                    )
                )
                resolved = _unknown(m, state.bounds)
                if _rank(span.precision) >= finest:
                    state.year = state.ref = None
                    finest = _rank(span.precision)
                span = None
                moves = False
            else:
                resolved = _resolved(span, m)
        if moves and span is not None:
            rank = max(_rank(span.precision), _rank(_YEAR))
            if rank >= finest:  # a coarser date later in the sentence is background
                finest = rank
                if span.precision == _UNKNOWN:  # the window spans years: no year can be kept
                    state.year = state.ref = None
                else:
                    state.year, state.ref = span.first.year, span
                    stated_here = stated_here or m.year is not None
                    framed_end = rel_end
        own.append(resolved)
        if eligible and first_eligible is None:
            first_eligible = resolved
    return own, first_eligible, saw_impossible

"""Dates in conflict narratives: find what the text says, then resolve it in context.

Two steps. :func:`find_dates` reads one string and returns :class:`DateMention`
values: what the words say, before any context ("On 17 January" has no year).
:func:`resolve_dates` walks the sentences of one document in order, keeps the
*year in force* (from explicit dates, the infobox date, year headings) and gives
every mention a :class:`ResolvedDate` with a precision (``day``, ``month``,
``year`` or ``unknown``) and the interval it can denote.

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
* Relative dates: ``same-day``, ``next-day``, ``previous-day`` and "N days
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

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Iterator, Protocol, Sequence

from actors.errors import Problem
from actors.schema import PRECISIONS

__all__ = ["DateMention", "ResolvedDate", "find_dates", "resolve_dates", "parse_iso"]

# The schema owns the vocabulary; unpacking fails loudly if it ever changes.
_DAY, _MONTH, _YEAR, _UNKNOWN = PRECISIONS
_RANKED = (_UNKNOWN, _YEAR, _MONTH, _DAY)  # coarse to fine

# A year-less date this far before the reference means the narrative jumped back ...
_BACKWARD_DAYS = 92
# ... and this far after it, that it jumped forward past a year it did not state.
_FORWARD_DAYS = 183


def _rank(precision: str) -> int:
    return _RANKED.index(precision)


# -- values ------------------------------------------------------------------------


@dataclass(frozen=True)
class DateMention:
    """What the text says, before context.

    ``end_day``/``end_month`` close a range ("8 and 9 March": day 8, end_day 9;
    "September 30 and October 1, 2019": end_month 10, end_day 1; "October-November":
    end_month 11). ``relative`` is set for expressions such as "The following day"
    (``next-day``) or "two days later" (``+2d``); they carry no year, month or day.
    """

    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    end_day: int | None = None
    qualifier: str = ""  # "", early, mid, late, by, first-half, second-half, as-of, since, until
    # "", same-day, next-day, previous-day, +Nd, -Nd, days-later, days-earlier, weeks-later,
    # months-later, next-week, same-week, same-month, next-month, previous-month,
    # same-year, following-year, previous-year
    relative: str = ""
    end_month: int | None = None


@dataclass(frozen=True)
class ResolvedDate:
    """A date in context: ISO at its precision and the interval it can denote."""

    iso: str  # "2012-06-08" | "2012-06" | "2012" | "" (unknown)
    precision: str  # day | month | year | unknown
    earliest: str  # ISO day; "" when unknown or open
    latest: str  # ISO day; "" when unknown or open
    text: str
    start: int
    end: int
    inherited: bool = False


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


# -- the grammar -------------------------------------------------------------------
# Every repetition is bounded ({1,4}) and every alternative has a bounded length, so
# the work per start position is bounded and a scan is linear in the text length.

_S = r"\s{1,4}"
_S0 = r"\s{0,4}"
_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTH_KEYS = tuple(name[:3].lower() for name in _MONTH_NAMES)
_NUMBER_WORDS = (
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen", "twenty", "twenty-one", "twenty-two", "twenty-three",
    "twenty-four", "twenty-five", "twenty-six", "twenty-seven", "twenty-eight",
    "twenty-nine", "thirty",
)  # fmt: skip
# A 4-digit number followed by one of these is a count or a measure, not a year.
_COUNT_NOUNS = (
    "soldiers", "troops", "men", "women", "children", "people", "persons", "civilians",
    "fighters", "militants", "rebels", "jihadists", "insurgents", "combatants",
    "militiamen", "police", "policemen", "gendarmes", "peacekeepers", "personnel",
    "refugees", "hostages", "prisoners", "dead", "killed", "wounded", "injured",
    "casualties", "deaths", "victims", "members", "recruits", "vehicles", "trucks",
    "tons", "tonnes", "km", "kilometres", "kilometers", "miles", "metres", "meters",
    "m", "kg", "hours", "hrs", "GMT", "UTC", "households", "families", "homes",
    "houses", "villages", "residents", "inhabitants", "displaced", "cattle", "head",
    "rounds", "others", "more", "strong",
)  # fmt: skip
# Words before a 4-digit number that make it a quantity or an identifier.
_NOT_YEAR_BEFORE = (
    "about ", "around ", "nearly ", "almost ", "over ", "some ", "least ", "roughly ",
    "estimated ", "approximately ", "Resolution ", "resolution ", "Resolutions ",
    "resolutions ", "UNSCR ", "No. ", "no. ", "Nos. ", "Flight ", "flight ", "Route ",
    "Article ", "article ", "Decree ", "decree ", "Mirage ",
)  # fmt: skip

_NOUNS = "|".join(_COUNT_NOUNS)
_LETTER = r"[^\W\d_]"
_MONTH_FULL = "(?:" + "|".join(_MONTH_NAMES) + ")"
_MONTH_ANY = "(?:" + "|".join(_MONTH_NAMES) + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"


def _month(name: str, full: bool = False) -> str:
    # "DateNovember 24, 2023": some flattened infoboxes glue the label to the value.
    body = _MONTH_FULL if full else _MONTH_ANY
    return rf"(?:(?<=Date)|(?<!\w))(?P<{name}>{body})(?!{_LETTER})"


def _day(name: str) -> str:
    return rf"(?<![\w.,:/])(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?(?![\w:])"


def _year(name: str) -> str:
    # Inside a full date the context says it is a year, unless a count noun follows:
    # "on 4 March, 2000 soldiers fled" is 4 March and a count.
    return rf"(?P<{name}>(?:19|20)\d\d)(?!\w|{_S}(?:{_NOUNS})\b)"


def _strict_year(name: str) -> str:
    # A bare year: not part of a number, a code (C-130, TZ-25C, Mirage 2000-D), a
    # citation mark [2012], a quantity ("2000 soldiers") or an identifier.
    before = "".join(f"(?<!{re.escape(w)})" for w in _NOT_YEAR_BEFORE)
    return (
        rf"(?<![\w.,/\[#$£€]){before}(?<!{_LETTER}[-‐‑])"
        rf"(?P<{name}>(?:19|20)\d\d)"
        rf"(?![\w\]%]|[-‐‑]{_LETTER}|[.,]\d|\s{{0,2}}%|{_S}(?:{_NOUNS})\b)"
    )


def _part(tag: str) -> str:
    return (
        rf"(?<!\w)(?P<{tag}_part>(?i:early|mid|late)(?:{_S}|-)"
        rf"|(?i:the{_S}(?:first|second|latter|later|last|early)"
        rf"{_S}(?:half|part|days|weeks|months){_S}of){_S}"
        rf"|(?i:the{_S}(?:end|beginning|start|middle|close){_S}of){_S})"
    )


_PREP = (
    rf"(?:(?<!\w)(?P<prep>(?i:by|since|until|till|as{_S}of"
    rf"|(?:starting|beginning)(?:{_S}(?:in|on|from))?)){_S})?"
)
_TOD = (
    rf"(?:(?<!\w)(?i:the{_S}(?:(?:early|late){_S})?(?:night|evening|morning|afternoon"
    rf"|dawn|early{_S}hours|small{_S}hours){_S}of){_S})"
)
_WEEKDAY = rf"(?:(?<!\w)(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?{_S})?"
_BETWEEN = rf"(?:(?<!\w)(?i:between|from){_S})"
_RSEP = rf"(?:{_S0}[-–—]{_S0}|{_S}(?:and|to|or|through|until|till){_S})"
_CUE = "|".join(
    f"(?<=\\b{w} )"
    for w in ("in", "In", "during", "During", "through", "throughout", "from", "From", "between", "Between")
)


def _dmy_year(name: str) -> str:
    return rf"(?:,?{_S}{_year(name)})?"


def _mdy_year(name: str) -> str:
    return rf"(?:,{_S0}|{_S}){_year(name)}"


_UNIT = r"(?:day|night|evening|morning|afternoon)"
_PUNCT_AHEAD = r"(?=\s{0,4}[,.;:)])"
_NUM = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + "|a|an)"
_FEW = rf"(?:(?:a{_S}few|several|some|few|many|{_NUM}){_S})?"

# (group name, relative value, pattern): all case-insensitive.
_RELATIVES = (
    ("r_nd", "", rf"(?P<r_n>{_NUM}){_S}days?{_S}(?P<r_dir>later|afterwards?|earlier)"),
    ("r_same_day", "same-day",
     rf"(?:(?:later|earlier){_S}(?:on{_S})?(?:that|the{_S}same)|that{_S}same|the{_S}same|that"
     rf"|the{_S}end{_S}of{_S}(?:the|that))(?:{_S}{_UNIT})"),
    ("r_next_day", "next-day",
     rf"the{_S}(?:following|next|subsequent){_S}{_UNIT}|the{_S}day{_S}after{_PUNCT_AHEAD}"),
    ("r_prev_day", "previous-day",
     rf"the{_S}(?:previous|preceding|prior){_S}{_UNIT}|the{_S}(?:day|night|evening){_S}before{_PUNCT_AHEAD}"),
    ("r_days_later", "days-later", rf"(?:(?:a{_S}few|several|some|few|many){_S})?days{_S}(?:later|afterwards?)"),
    ("r_days_earlier", "days-earlier", rf"(?:(?:a{_S}few|several|some|few|many){_S})?days{_S}earlier"),
    ("r_weeks_later", "weeks-later", rf"{_FEW}weeks?{_S}(?:later|afterwards?)"),
    ("r_months_later", "months-later", rf"{_FEW}months?{_S}(?:later|afterwards?)"),
    ("r_next_week", "next-week", rf"the{_S}(?:following|next){_S}week"),
    ("r_same_week", "same-week", rf"(?:(?:later|earlier){_S})?(?:that{_S}same|the{_S}same|that){_S}week"),
    ("r_same_month", "same-month",
     rf"(?:(?:later|earlier){_S}(?:in{_S})?)?(?:that{_S}same|the{_S}same|that){_S}month"),
    ("r_next_month", "next-month",
     rf"the{_S}(?:following|next|subsequent){_S}month|the{_S}month{_S}after{_PUNCT_AHEAD}"),
    ("r_prev_month", "previous-month",
     rf"the{_S}(?:previous|preceding|prior){_S}month|the{_S}month{_S}before{_PUNCT_AHEAD}"),
    ("r_same_year", "same-year",
     rf"(?:(?:later|earlier){_S}(?:in{_S})?)?(?:that{_S}same|the{_S}same|that){_S}year"),
    ("r_next_year", "following-year",
     rf"the{_S}(?:following|next|subsequent){_S}year|(?:a|one){_S}year{_S}(?:later|afterwards?)"
     rf"|the{_S}year{_S}after{_PUNCT_AHEAD}"),
    ("r_prev_year", "previous-year",
     rf"the{_S}(?:previous|preceding|prior){_S}year|(?:a|one){_S}year{_S}earlier"
     rf"|(?:a|the){_S}year{_S}before{_PUNCT_AHEAD}"),
)  # fmt: skip

_ALTERNATIVES = (
    # 2012-06-08 (references, curation): only complete ISO days.
    ("ISO", r"(?<![\w/.:-])(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)(?![\w-]|[.:]\d)"),
    # between 8 and 10 February (2013) | 16 and 17 January 2012 | 8-10 February
    ("DMYR", rf"(?:{_TOD}|{_BETWEEN})?{_WEEKDAY}{_day('a_d1')}{_RSEP}{_WEEKDAY}{_day('a_d2')}"
             rf"{_S}(?:of{_S})?{_month('a_m')}" + _dmy_year("a_y")),
    # 30 September - 1 October 2019
    ("DMYX", rf"{_BETWEEN}?{_WEEKDAY}{_day('b_d1')}{_S}{_month('b_m1')}{_RSEP}{_WEEKDAY}"
             rf"{_day('b_d2')}{_S}{_month('b_m2')}" + _dmy_year("b_y")),
    # 17 July 2012 | the night of 8 June | Monday, 8 June | the 8th of June
    ("DMY", rf"{_TOD}?{_WEEKDAY}(?:(?i:the){_S}(?=[0-3]?\d(?:st|nd|rd|th)?{_S}of\b))?"
            rf"{_day('c_d')}(?:{_S}of)?{_S}{_month('c_m')}"
            + _dmy_year("c_y")),
    # between September 30 and October 1, 2019 | October 23 and 24, 2017 | March 5-7
    ("MDYR", rf"{_BETWEEN}?{_WEEKDAY}{_month('d_m1')}{_S}{_day('d_d1')}{_RSEP}"
             rf"(?:{_month('d_m2')}{_S})?{_day('d_d2')}(?:" + _mdy_year("d_y") + ")?"),
    # December 20, 2008 | the morning of January 27, 2018
    ("MDYY", rf"{_TOD}?{_WEEKDAY}{_month('e_m')}{_S}{_day('e_d')}" + _mdy_year("e_y")),
    # January 2012 | early June 2012 | October-November 2019 | September of 2013
    ("MY", rf"{_part('f')}?{_month('f_m1')}(?:{_RSEP}{_month('f_m2')})?(?:,?{_S}of)?,?{_S}{_year('f_y')}"),
    # on January 27 (not "in January 12 soldiers": "in"/"during" + month + number is a count)
    ("MDY", rf"{_TOD}?{_WEEKDAY}(?<!\bin )(?<!\bIn )(?<!\bduring )(?<!\bDuring )"
            rf"{_month('g_m')}{_S}{_day('g_d')}(?![.,]\d)"),
    # early June | mid-June | the end of June | late January
    ("PM", rf"{_part('h')}{_month('h_m1', full=True)}(?:{_RSEP}{_month('h_m2', full=True)})?"),
    # in December | by December | during October-November: a bare month needs a cue
    ("M", rf"(?(prep)|(?:{_CUE})){_month('i_m1', full=True)}(?:{_RSEP}{_month('i_m2', full=True)})?"),
    # mid-2014 | early 2012 | the first half of 2018
    ("PY", rf"{_part('j')}(?P<j_y>(?:19|20)\d\d)(?![\w\]]|[-‐‑]{_LETTER}|[.,]\d)"),
    # 2013
    ("Y", _strict_year("k_y")),
    ("REL", "(?i:" + "|".join(rf"(?<!\w)(?P<{name}>{pat})(?![\w-])" for name, _, pat in _RELATIVES) + ")"),
)  # fmt: skip

# Where a date can start, tested first and cheaply so that most positions fail at once:
# a digit that looks like a day, a year or a count of days, a month or weekday name, or
# one of the few words that open the longer forms followed by a word that fits. It is
# only a filter (tests check it never drops a match); the full grammar runs after it.
_THE_NEXT = (
    "night", "evening", "morning", "afternoon", "dawn", "early", "late", "small", "first",
    "second", "latter", "later", "last", "end", "beginning", "start", "middle", "close",
    "following", "next", "subsequent", "previous", "preceding", "prior", "same", "day",
    "month", "year", "week",
)  # fmt: skip
# Words that can follow a preposition (by, since, ...) at the start of a date.
_OPENERS = (
    "the", "early", "mid", "late", "in", "on", "from", "between", "that", "later", "earlier",
    "a", "an", "several", "some", "few", "many", "days", "weeks", "week", "months", "month",
) + _NUMBER_WORDS  # fmt: skip
_UNITS = r"(?:days?|weeks?|months?|years?|nights?|evenings?|mornings?|afternoons?)"


def _words(words: Sequence[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


_START = (
    rf"(?:(?<=Date)(?={_MONTH_ANY})|(?<!\w)(?=[\dA-Za-z])(?="
    rf"\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?(?:{_S}(?:of{_S})?[A-Z]|{_S0}[-–—]{_S0}\d"
    rf"|{_S}(?:and|to|or|through|until|till){_S}\d|{_S}(?i:{_UNITS})\b)"
    rf"|{_MONTH_ANY}(?!{_LETTER})|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    rf"|(?i:by|since|until|till|starting|beginning){_S}(?:[\dA-Z]|(?i:{_words(_OPENERS)})\b)"
    rf"|(?i:as){_S}(?i:of)\b"
    rf"|(?i:the){_S}(?:\d|(?i:{_words(_THE_NEXT)})\b)"
    rf"|(?i:between|from){_S}[\dA-Z]"
    rf"|(?i:early|mid|late)(?:{_S}|-)[\dA-Z]"
    rf"|(?i:later|earlier){_S}(?i:that|the|on|in)\b"
    rf"|(?i:that){_S}(?i:same|{_UNITS})\b"
    rf"|(?i:{_words(('a', 'an', 'one', 'several', 'some', 'few', 'many') + _NUMBER_WORDS)}){_S}(?i:few|{_UNITS})\b"
    rf"|(?i:days|weeks?|months?){_S}(?i:later|afterwards?|earlier)\b))"
)
_DATE_RE = re.compile(_START + _PREP + "(?:" + "|".join(f"(?P<{n}>{p})" for n, p in _ALTERNATIVES) + ")")

_PREP_QUALIFIER = (("by", "by"), ("since", "since"), ("until", "until"), ("till", "until"),
                   ("as", "as-of"), ("starting", "since"), ("beginning", "since"))  # fmt: skip

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
)
# A year used as a modifier ("the 2015 Algiers agreement", "Mali's 2012 crisis").
_MODIFIER_BEFORE = re.compile(
    r"(?:(?<!\w)(?:the|a|an|this|that|these|those|its|their|his|her|our|whose)|['’]s)\s{1,4}$",
    re.IGNORECASE,
)
# A year alone frames the narrative only when it opens the sentence ("In 2013, ...",
# "Starting in 2018", "In the first half of 2018"); further in, it is background
# ("JNIM formed in 2017 ... since the outbreak of the war in 2012").
_FRAMING_BEFORE = re.compile(
    r"[\W_]*(?:(?:in|during|by|since|from|until|till|through|throughout|after|before|starting|beginning"
    r"|later|earlier|also|then|and|but|however|so|thus|again|already|around|about|circa|c\.)[\s,]{1,4}){0,4}",
    re.IGNORECASE,
)
_SINCE_BEFORE = re.compile(r"(?<!\w)since(?!\w)[^.;:!?]{0,60}$", re.IGNORECASE)
# A sentence that looks back before the narrative ("an offshoot of the MNA
# prior to the insurgency", "originally founded as") is not dated by the year
# in force: without a date of its own it stays undated.
_RETROSPECTIVE = re.compile(
    r"(?<!\w)(?:prior to|before the (?:insurgency|war|conflict|rebellion|uprising)|originally|formerly|"
    r"previously|in the past|long before)(?!\w)", re.IGNORECASE)
_DASH_GAP = re.compile(r"\s{0,4}[-–—]\s{0,4}")
# Wikipedia maintenance notices date the editing, not the events: "This section needs
# to be updated. Please help update this article ... information.(August 2018)". A
# sentence splitter may cut them into pieces, so each piece is recognised by how it
# starts; a dated tag glued to a sentence's end is recognised on its own.
_MAINTENANCE = re.compile(
    r"[\W_]{0,4}(?:This\s+(?:article|section|subsection|list|page|paragraph)\s+"
    r"(?:needs|is|may|has|relies|contains|does)\b|Please\s+(?:help|expand|improve|update)\b"
    r"|The\s+reason\s+given\s+is\b|Further\s+details\s+may\s+exist\b"
    rf"|\(\s*{_MONTH_FULL}\s+(?:19|20)\d\d\s*\)\s*\.?\s*$)",
    re.IGNORECASE,
)
_GLUED_TAG = re.compile(r"[.!?]\($")


# -- find_dates --------------------------------------------------------------------


def _month_number(word: str) -> int:
    return _MONTH_KEYS.index(word.rstrip(".")[:3].lower()) + 1


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _qualifier(prep: str | None, part: str | None) -> str:
    if prep:  # the preposition decides the open end; a part of period is then dropped
        head = prep.split()[0].lower()
        return next(q for word, q in _PREP_QUALIFIER if word == head)
    if not part:
        return ""
    p = " ".join(part.lower().replace("-", " ").split())
    if "first half" in p:
        return "first-half"
    if "second half" in p:
        return "second-half"
    if p.startswith("mid") or "middle" in p:
        return "mid"
    if any(w in p for w in ("late", "last", "end", "close")):
        return "late"
    return "early"  # early, beginning, start, first days/weeks/months/part


def _plausible(year: int | None, month: int, day: int) -> bool:
    # Without a year, 29 February stays possible (a leap year may be in force).
    return 1 <= day <= (_days_in(year, month) if year else (29 if month == 2 else _days_in(2001, month)))


def _scan(text: str, offset: int) -> Iterator[tuple[DateMention, bool]]:
    """Every date-like match as (mention, impossible)."""
    for m in _DATE_RE.finditer(text):
        alt = m.lastgroup  # each alternative is a named group around all of it: it closes last
        g = m.group
        qualifier_part: str | None = None
        year = month = day = end_day = end_month = None
        relative = ""
        lenient = False  # US "Month D" without a year: an invalid day means a count, not a date
        if alt == "ISO":
            year, month, day = int(g("iso_y")), int(g("iso_m")), int(g("iso_d"))
            if not 1 <= month <= 12:
                yield DateMention(m.start() + offset, m.end() + offset, m.group(), year, None, None), True
                continue
        elif alt == "DMYR":
            month, day, end_day = _month_number(g("a_m")), int(g("a_d1")), int(g("a_d2"))
            year = int(g("a_y")) if g("a_y") else None
        elif alt == "DMYX":
            month, day = _month_number(g("b_m1")), int(g("b_d1"))
            end_month, end_day = _month_number(g("b_m2")), int(g("b_d2"))
            year = int(g("b_y")) if g("b_y") else None
        elif alt == "DMY":
            month, day = _month_number(g("c_m")), int(g("c_d"))
            year = int(g("c_y")) if g("c_y") else None
        elif alt == "MDYR":
            month, day, end_day = _month_number(g("d_m1")), int(g("d_d1")), int(g("d_d2"))
            end_month = _month_number(g("d_m2")) if g("d_m2") else None
            year = int(g("d_y")) if g("d_y") else None
            lenient = year is None
        elif alt == "MDYY":
            year, month, day = int(g("e_y")), _month_number(g("e_m")), int(g("e_d"))
        elif alt == "MY":
            year, month = int(g("f_y")), _month_number(g("f_m1"))
            end_month = _month_number(g("f_m2")) if g("f_m2") else None
            qualifier_part = g("f_part")
        elif alt == "MDY":
            month, day = _month_number(g("g_m")), int(g("g_d"))
            lenient = True
        elif alt == "PM":
            month = _month_number(g("h_m1"))
            end_month = _month_number(g("h_m2")) if g("h_m2") else None
            qualifier_part = g("h_part")
        elif alt == "M":
            month = _month_number(g("i_m1"))
            end_month = _month_number(g("i_m2")) if g("i_m2") else None
        elif alt == "PY":
            year, qualifier_part = int(g("j_y")), g("j_part")
        elif alt == "Y":
            year = int(g("k_y"))
        else:  # REL
            name = next(n for n, _, _ in _RELATIVES if g(n) is not None)
            if name == "r_nd":
                word = g("r_n").lower()
                n = int(word) if word.isdigit() else (1 if word in ("a", "an") else _NUMBER_WORDS.index(word) + 1)
                relative = f"{'-' if g('r_dir').lower() == 'earlier' else '+'}{n}d"
            else:
                relative = next(value for n, value, _ in _RELATIVES if n == name)
        if end_month == month and end_day is None:
            end_month = None  # "June-June": not a range
        mention = DateMention(
            start=m.start() + offset,
            end=m.end() + offset,
            text=m.group(),
            year=year,
            month=month,
            day=day,
            end_day=end_day,
            qualifier=_qualifier(g("prep"), qualifier_part),
            relative=relative,
            end_month=end_month,
        )
        impossible = False
        if day is not None and month is not None:
            impossible = not _plausible(year, month, day) or (
                end_day is not None and not _plausible(year, end_month or month, end_day)
            )
            if not impossible and year is not None:
                try:
                    _nominal(mention, year)
                except ValueError:
                    impossible = True  # e.g. a range that ends before it starts
        if impossible and lenient:
            continue  # "March 35 people": a count after a month name
        yield mention, impossible


def find_dates(text: str, *, offset: int = 0) -> list[DateMention]:
    """The date expressions in ``text``, in order; offsets are ``offset`` + index in ``text``.

    Impossible dates ("31 February 2012") are not dates and are left out
    (:func:`resolve_dates` reports them as problems).

    >>> [(m.text, m.qualifier) for m in find_dates("In early June, and by mid-2014.")]
    [('early June', 'early'), ('by mid-2014', 'by')]
    >>> find_dates("2,354 tons, a C-130, the SU-25 TZ-25C, 3am, [12]")
    []
    """
    return [mention for mention, impossible in _scan(text, offset) if not impossible]


# -- intervals ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Span:
    """A nominal period: precision, first and last day (parts of periods applied)."""

    precision: str
    first: date
    last: date


def _month_end(year: int, month: int) -> date:
    return date(year, month, _days_in(year, month))


def _nominal(m: DateMention, year: int) -> _Span:
    """The period ``m`` denotes in ``year``; ValueError if it cannot exist."""
    if m.month is None:
        first, last = date(year, 1, 1), date(year, 12, 31)
        windows = {
            "early": ((1, 1), (4, 30)), "mid": ((4, 1), (9, 30)), "late": ((9, 1), (12, 31)),
            "first-half": ((1, 1), (6, 30)), "second-half": ((7, 1), (12, 31)),
        }  # fmt: skip
        if m.qualifier in windows:
            (fm, fd), (lm, ld) = windows[m.qualifier]
            first, last = date(year, fm, fd), date(year, lm, ld)
        return _Span(_YEAR, first, last)
    end_month = m.end_month or m.month
    end_year = year + 1 if end_month < m.month else year  # "December-January": the year is the start's
    if m.day is not None:
        first = date(year, m.month, m.day)
        last = date(end_year, end_month, m.end_day) if m.end_day is not None else first
        if last < first:
            raise ValueError("range ends before it starts")
        return _Span(_DAY, first, last)
    first, last = date(year, m.month, 1), _month_end(end_year, end_month)
    if m.end_month is None:
        n = _days_in(year, m.month)
        windows = {"early": (1, 10), "mid": (11, 20), "late": (21, n), "first-half": (1, 15), "second-half": (16, n)}
        if m.qualifier in windows:
            a, b = windows[m.qualifier]
            first, last = date(year, m.month, a), date(year, m.month, b)
    return _Span(_MONTH, first, last)


def _iso(span: _Span) -> str:
    if span.precision == _DAY:
        return span.first.isoformat()
    if span.precision == _MONTH:
        return f"{span.first.year:04d}-{span.first.month:02d}"
    if span.precision == _YEAR:
        return f"{span.first.year:04d}"
    return ""


def _open_ends(qualifier: str, earliest: str, latest: str) -> tuple[str, str]:
    if qualifier in ("by", "until"):
        return "", latest
    if qualifier == "since":
        return earliest, ""
    return earliest, latest


def _resolved(span: _Span, m: DateMention) -> ResolvedDate:
    # A range shows at the precision that holds all of it ("October 23 and 24, 2017" is
    # 2017-10, month); its days stay in earliest/latest and in the reference.
    shown = span
    if (span.precision == _DAY and span.first != span.last) or (
        span.precision == _MONTH and (span.first.year, span.first.month) != (span.last.year, span.last.month)
    ):
        shown = _window(span.first, span.last)
    earliest, latest = _open_ends(m.qualifier, span.first.isoformat(), span.last.isoformat())
    return ResolvedDate(_iso(shown), shown.precision, earliest, latest, m.text, m.start, m.end)


def _unknown(m: DateMention, bounds: tuple[int, int | None] | None) -> ResolvedDate:
    """A date with no year in force; a range heading still bounds it."""
    earliest = latest = ""
    if bounds is not None and m.relative == "":
        lo, hi = bounds
        spans = []
        for y in range(lo, (hi if hi is not None else lo + 4) + 1):
            try:
                spans.append(_nominal(m, y))
            except ValueError:
                continue  # 29 February outside leap years
        if spans:
            earliest = spans[0].first.isoformat()
            latest = spans[-1].last.isoformat() if hi is not None else ""
    elif bounds is not None:
        earliest, latest = _range_bounds(bounds)
    earliest, latest = _open_ends(m.qualifier, earliest, latest)
    return ResolvedDate("", _UNKNOWN, earliest, latest, m.text, m.start, m.end)


def _range_bounds(bounds: tuple[int, int | None]) -> tuple[str, str]:
    lo, hi = bounds
    return date(lo, 1, 1).isoformat(), (date(hi, 12, 31).isoformat() if hi is not None else "")


def _window(first: date, last: date) -> _Span:
    """The coarsest precision that still pins the window down."""
    if (first.year, first.month) == (last.year, last.month):
        return _Span(_MONTH, first, last)
    if first.year == last.year:
        return _Span(_YEAR, first, last)
    return _Span(_UNKNOWN, first, last)


def _shift_month(d: date, months: int) -> date:
    k = d.year * 12 + d.month - 1 + months
    return date(k // 12, k % 12 + 1, 1)


def _relative(kind: str, ref: _Span) -> _Span:
    """A relative expression against the reference; never finer than the reference allows."""
    one = timedelta(days=1)
    if kind == "same-day":
        return ref
    if kind in ("next-day", "previous-day") or re.fullmatch(r"[+-]\d+d", kind):
        n = 1 if kind == "next-day" else -1 if kind == "previous-day" else int(kind[:-1])
        if ref.precision == _DAY:
            d = ref.last + n * one if n > 0 else ref.first + n * one
            return _Span(_DAY, d, d)
        if kind in ("next-day", "previous-day"):
            return ref  # no day to count from: keep the reference's precision
        return _window(ref.first + n * one, ref.last + n * one)
    windows = {
        "days-later": (2, 14), "days-earlier": (-14, -2), "weeks-later": (7, 63),
        "months-later": (28, 366), "next-week": (1, 13), "same-week": (-6, 6),
    }  # fmt: skip
    if kind in windows:
        a, b = windows[kind]
        return _window(ref.first + a * one, ref.last + b * one)
    months = {"same-month": 0, "next-month": 1, "previous-month": -1}
    if kind in months:
        k = months[kind]
        first = _shift_month(ref.first, k)
        return _window(first, _shift_month(ref.last, k + 1) - one)
    years = {"same-year": 0, "following-year": 1, "previous-year": -1}
    k = years[kind]
    return _window(date(ref.first.year + k, 1, 1), date(ref.last.year + k, 12, 31))


# -- headings ----------------------------------------------------------------------


def _heading(section: str) -> tuple[int, int | None] | None:
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


# -- resolve_dates -----------------------------------------------------------------


@dataclass
class _State:
    year: int | None = None
    ref: _Span | None = None  # the last resolved date: base of relative dates and jump checks
    bounds: tuple[int, int | None] | None = None  # from a range heading


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _is_modifier(clean: str, rel_start: int, previous_modifier_end: int | None) -> bool:
    # pos/endpos instead of slices: a sentence may be megabytes long
    if _MODIFIER_BEFORE.search(clean, max(0, rel_start - 40), rel_start):
        return True
    # "the 2012–2013 crisis": the second year of a modifier range is a modifier too
    if previous_modifier_end is None:
        return False
    return _DASH_GAP.fullmatch(clean, previous_modifier_end, rel_start) is not None


def _is_baseline(m: DateMention, clean: str, rel_start: int) -> bool:
    """A point of comparison: "since 1960", "the deadliest since the battle of Kidal in 2014"."""
    if m.qualifier == "since" and m.text[:5].lower() == "since":
        return m.month is None  # "since June 2012, MOJWA has held Gao" dates a state: kept
    return m.qualifier == "" and _SINCE_BEFORE.search(clean, max(0, rel_start - 70), rel_start) is not None


def _is_framing(clean: str, rel_start: int) -> bool:
    # A few short words at most can open a sentence; bounding the look keeps it linear.
    return rel_start <= 80 and _FRAMING_BEFORE.fullmatch(clean, 0, rel_start) is not None


def resolve_dates(
    sentences: Sequence[SentenceLike],
    *,
    anchor: str = "",
    headings: bool = True,
    ignore: Sequence[tuple[int, int]] = (),
) -> tuple[dict[int, list[ResolvedDate]], dict[int, ResolvedDate], list[Problem]]:
    """Resolve the dates of one document's sentences, walking them in order.

    Returns (the dates each sentence states, in text order, by sentence index; the
    date in force for each sentence index; problems). Every sentence index has an
    entry in both. Offsets are document offsets (``sentence.start`` based), as are
    those of ``ignore``.

    What puts a year in force:

    * ``anchor`` (the infobox Date value) at the start, with its date as the
      reference for relative dates. A heading that is one year ("2013", "2013: ...",
      "Battle of Gao (2013)", "January 2013") puts that year in force; a range heading
      ("2014–2015: ...", "(2023–present)") puts none but bounds the year-less dates
      under it (``earliest``/``latest``; "present" leaves ``latest`` open). Other
      headings change nothing. A change of ``scope`` resets everything (no anchor).
    * An explicit date with a month puts its year in force and becomes the
      reference. A year alone does so only when it opens the sentence ("In 2013,",
      "Starting in 2018", "In mid-2014,"); further in it is background ("formed in
      2017", "kidnapped in 2011"): it is the sentence's own date but not the
      narrative's. Within one sentence a date coarser than one already stated there
      moves nothing ("On 25 December, ..., which they had lost in 2012").
    * A year used as a modifier ("the 2015 Algiers agreement", "the 2012–2013
      crisis") and a baseline of comparison ("the worst since 1960", "the deadliest
      since the battle of Kidal in 2014") are not listed at all.

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
    * Impossible dates ("31 February 2012", "29 February" in 2013) give a Problem and
      nothing else. Dates overlapping ``ignore`` spans and the dates of Wikipedia
      maintenance notices ("This section needs to be updated. ... (August 2018)")
      are skipped.
    """
    dates: dict[int, list[ResolvedDate]] = {}
    in_force: dict[int, ResolvedDate] = {}
    problems: list[Problem] = []
    state = _State()
    previous: SentenceLike | None = None
    for sentence in sentences:
        new_scope = previous is None or sentence.scope != previous.scope
        if new_scope:
            state = _State()
            if previous is None and anchor.strip():
                _apply_anchor(anchor, sentence.doc, state, problems)
        if headings and (new_scope or sentence.section != previous.section):  # type: ignore[union-attr]
            years = _heading(sentence.section)
            if years is not None:
                lo, hi = years
                if lo == hi:
                    state.year, state.ref, state.bounds = lo, _Span(_YEAR, date(lo, 1, 1), date(lo, 12, 31)), None
                else:
                    state.year, state.ref, state.bounds = None, None, years
        own, first_eligible = _resolve_sentence(sentence, state, ignore, problems)
        dates[sentence.index] = own
        if first_eligible is not None:
            in_force[sentence.index] = first_eligible
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


def _apply_anchor(anchor: str, doc: str, state: _State, problems: list[Problem]) -> None:
    for mention, impossible in _scan(anchor, 0):
        if impossible:
            problems.append(Problem(doc, "infobox date", f"impossible date '{mention.text}'"))
            return
        if mention.year is not None and not mention.relative:
            try:
                span = _nominal(mention, mention.year)
            except ValueError:
                break
            state.year, state.ref = span.first.year, span
            return
    problems.append(Problem(doc, "infobox date", f"no year in infobox date '{anchor.strip()}'"))


def _resolve_sentence(
    sentence: SentenceLike,
    state: _State,
    ignore: Sequence[tuple[int, int]],
    problems: list[Problem],
) -> tuple[list[ResolvedDate], ResolvedDate | None]:
    """Resolve one sentence's mentions, updating ``state``; also its first eligible date."""
    own: list[ResolvedDate] = []
    first_eligible: ResolvedDate | None = None
    finest = 0  # rank of the finest date that moved the state in this sentence
    previous_modifier_end: int | None = None
    clean, base = sentence.clean, sentence.start
    if _MAINTENANCE.match(clean):
        return own, None
    stated_here = False  # the reference was stated with its year in this very sentence
    for mention, impossible in _scan(clean, base):
        rel_start, rel_end = mention.start - base, mention.end - base
        if ignore and _overlaps(mention.start, mention.end, ignore):
            continue
        if _GLUED_TAG.search(clean, max(0, rel_start - 2), rel_start) and clean.startswith(")", rel_end):
            continue  # "...information.(August 2018)"
        words = sentence.text[rel_start:rel_end] or mention.text  # the words, citation marks intact
        m = mention if words == mention.text else replace(mention, text=words)
        where = f"sentence {sentence.index}, chars {m.start}-{m.end}"
        if impossible:
            problems.append(Problem(sentence.doc, where, f"impossible date '{m.text}'"))
            continue
        eligible, moves = True, True
        span: _Span | None = None
        resolved: ResolvedDate
        if m.relative:
            if state.ref is None:
                resolved, eligible, moves = _unknown(m, state.bounds), False, False
            else:
                span = _relative(m.relative, state.ref)
                resolved = _resolved(span, m)
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
            if year_only and not _is_framing(clean, rel_start):
                moves = False  # the sentence's own date, but background for what follows
        elif state.year is None:
            resolved = _unknown(m, state.bounds)
        else:
            try:
                span = _nominal(m, state.year)
            except ValueError:
                what = f"impossible date '{m.text}' (year in force {state.year})"
                problems.append(Problem(sentence.doc, where, what))
                continue
            ref = state.ref
            back = ref is not None and span.last < ref.first - timedelta(days=_BACKWARD_DAYS)
            # "from January 2019 until November": forward within the sentence keeps the year
            ahead = ref is not None and not stated_here and span.first > ref.last + timedelta(days=_FORWARD_DAYS)
            if back or ahead:
                assert ref is not None
                gap = (ref.first - span.last).days if back else (span.first - ref.last).days
                problems.append(
                    Problem(
                        sentence.doc,
                        where,
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
        own.append(resolved)
        if eligible and first_eligible is None:
            first_eligible = resolved
    return own, first_eligible


# -- parse_iso ---------------------------------------------------------------------

_ISO_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_iso(value: str) -> ResolvedDate:
    """Parse "2012", "2012-06" or "2012-06-08" (curation files); "" is unknown.

    >>> d = parse_iso("2012-06-08"); (d.precision, d.earliest, d.latest)
    ('day', '2012-06-08', '2012-06-08')
    >>> parse_iso("2012-02-30")
    Traceback (most recent call last):
    ...
    ValueError: impossible date '2012-02-30': February 2012 has 29 days
    """
    text = value.strip()
    if text == "":
        return ResolvedDate("", _UNKNOWN, "", "", "", -1, -1)
    hit = _ISO_RE.fullmatch(text)
    if hit is None:
        raise ValueError(f"malformed date '{value}': expected YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(hit.group(1))
    if year < 1:
        raise ValueError(f"impossible date '{value}': there is no year 0")
    if hit.group(2) is None:
        span = _Span(_YEAR, date(year, 1, 1), date(year, 12, 31))
    else:
        month = int(hit.group(2))
        if not 1 <= month <= 12:
            raise ValueError(f"impossible date '{value}': month {month} is not 01-12")
        if hit.group(3) is None:
            span = _Span(_MONTH, date(year, month, 1), _month_end(year, month))
        else:
            day, n = int(hit.group(3)), _days_in(year, month)
            if not 1 <= day <= n:
                raise ValueError(f"impossible date '{value}': {_MONTH_NAMES[month - 1]} {year} has {n} days")
            d = date(year, month, day)
            span = _Span(_DAY, d, d)
    return ResolvedDate(_iso(span), span.precision, span.first.isoformat(), span.last.isoformat(), "", -1, -1)

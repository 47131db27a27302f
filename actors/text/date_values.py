"""Date values and the periods they denote: the calendar arithmetic of dates.

:class:`DateMention` is what the text says (found by
:func:`actors.text.date_mentions.find_dates`); :class:`ResolvedDate` is a date in
context (given by :func:`actors.text.dates.resolve_dates`). Between them lies the
arithmetic here: the nominal period a mention denotes in a year (parts of periods,
ranges), open ends ("by", "since"), relative windows ("the next day", "weeks
later"), the coarsest precision that pins a window down, and ISO strings, which
:func:`parse_iso` reads back (curation files). The rules are listed in
:mod:`actors.text.dates`.

>>> parse_iso("2012-06").latest
'2012-06-30'
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Sequence

from actors.schema import PRECISIONS

__all__ = ["DateMention", "ResolvedDate", "parse_iso", "PLAUSIBLE_YEARS", "check_years", "covering"]

#: The years a date may fall in, first and last included (``actors run --years``). A date outside
#: them ("9999", "0012") is refused where it is read: in an overrides file the entry is not applied,
#: in a text the relation is left undated, each with a problem naming the line and the reason.
PLAUSIBLE_YEARS: tuple[int, int] = (1900, 2100)


def check_years(years: tuple[int, int]) -> tuple[int, int]:
    """``years`` as (first, last), checked: raises ValueError saying what was expected."""
    try:
        first, last = (int(y) for y in years)
    except (TypeError, ValueError):
        raise ValueError(f"expected two years (first, last), got {years!r}") from None
    if not 1 <= first <= last <= 9998:
        raise ValueError(f"expected years FIRST-LAST with 1 <= FIRST <= LAST <= 9998, got {first}-{last}")
    return first, last


def implausible(year: int, years: tuple[int, int]) -> str:
    """"" when ``year`` is within ``years``, else why not."""
    if years[0] <= year <= years[1]:
        return ""
    return f"year {year} is outside the plausible years {years[0]}-{years[1]}"

# The schema owns the vocabulary; unpacking fails loudly if it ever changes.
_DAY, _MONTH, _YEAR, _UNKNOWN = PRECISIONS

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


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


# -- intervals ---------------------------------------------------------------------


def _days_in(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


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
    if kind == "weekday":
        # "on Saturday": within a week of a dated day (which side is not said); with no day to
        # count from, no finer than the reference
        return _window(ref.first - 6 * one, ref.last + 6 * one) if ref.precision == _DAY else ref
    windows = {
        "days-later": (2, 14), "days-earlier": (-14, -2), "weeks-later": (7, 63),
        "months-later": (28, 366), "next-week": (1, 13), "same-week": (-6, 6), "previous-week": (-13, -1),
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


_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _last_weekday(words: str, filed: _Span) -> _Span | None:
    """"On Sunday" in a report filed on a day: the last Sunday up to that day (a report names the
    weekday of what happened in the week before it was filed)."""
    low = words.lower()
    hit = next((n for n, w in enumerate(_WEEKDAYS) if re.search(rf"\b{w}", low)), None)
    if hit is None or low.startswith(("next", "this coming")):
        return None
    day = filed.first - timedelta(days=(filed.first.weekday() - hit) % 7)
    return _Span(_DAY, day, day)



# -- parse_iso ---------------------------------------------------------------------

_ISO_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_iso(value: str, *, years: tuple[int, int] = PLAUSIBLE_YEARS) -> ResolvedDate:
    """Parse "2012", "2012-06" or "2012-06-08" (curation files); "" is unknown.

    A year outside ``years`` is refused (ValueError saying so).

    >>> d = parse_iso("2012-06-08"); (d.precision, d.earliest, d.latest)
    ('day', '2012-06-08', '2012-06-08')
    >>> parse_iso("2012-02-30")
    Traceback (most recent call last):
    ...
    ValueError: impossible date '2012-02-30': February 2012 has 29 days
    >>> parse_iso("9999")
    Traceback (most recent call last):
    ...
    ValueError: implausible date '9999': year 9999 is outside the plausible years 1900-2100
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
    why = implausible(year, years)
    if why:
        raise ValueError(f"implausible date '{value}': {why}")
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


def covering(dates: Sequence[ResolvedDate], *, open_end: bool = False) -> ResolvedDate | None:
    """The coarsest date that covers every one of ``dates``: a range ("16 – 20 January 2015",
    "January 2013 – May 2014") is the month or the year its ends share, else unknown with the
    range's bounds; ``open_end`` ("6 February 2015 – present") leaves the end open (unknown).

    >>> d = lambda iso, p, a, b: ResolvedDate(iso, p, a, b, iso, 0, 0)
    >>> covering([d("2015-01-16", "day", "2015-01-16", "2015-01-16"), d("2015-01-20", "day", "2015-01-20", "2015-01-20")]).iso
    '2015-01'
    >>> r = covering([d("2015-02-06", "day", "2015-02-06", "2015-02-06")], open_end=True)
    >>> (r.iso, r.precision, r.earliest, r.latest)
    ('', 'unknown', '2015-02-06', '')
    """
    known = [x for x in dates if x.earliest]
    if not known:
        return None
    lo = min(x.earliest for x in known)
    hi = "" if open_end or any(not x.latest for x in known) else max(x.latest for x in known)
    text = " – ".join(x.text for x in known)
    if hi and lo[:7] == hi[:7]:
        return ResolvedDate(lo[:7] if lo != hi else lo, "month" if lo != hi else "day", lo, hi, text, -1, -1)
    if hi and lo[:4] == hi[:4]:
        return ResolvedDate(lo[:4], "year", lo, hi, text, -1, -1)
    return ResolvedDate("", "unknown", lo, hi, text, -1, -1)

"""Find what the text says about dates: the date grammar and :func:`find_dates`.

The first of the two date steps (the second, resolving in context, is
:mod:`actors.text.dates`): one string in, :class:`~actors.text.date_values.DateMention`
values out, before any context ("On 17 January" has no year). The grammar is one
regular expression behind a cheap start filter, linear in the text length.

>>> [(m.text, m.year, m.month, m.day) for m in find_dates("On 17 January, and on 5 April 2012.")]
[('17 January', None, 1, 17), ('5 April 2012', 2012, 4, 5)]
"""

from __future__ import annotations

import functools
import re
from typing import Iterator, Sequence

from actors.text.date_values import _MONTH_NAMES, DateMention, _days_in, _nominal

__all__ = ["find_dates"]


# -- the grammar -------------------------------------------------------------------
# Every repetition is bounded ({1,4}) and every alternative has a bounded length, so
# the work per start position is bounded and a scan is linear in the text length.

_S = r"\s{1,4}"
_S0 = r"\s{0,4}"
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


# "DateNovember 24, 2023": some flattened infoboxes glue the label to the value. Only a text holding
# "Date" needs the label's lookbehind: the grammar is compiled twice, with and without it (``_matches``).
_GLUED = r"(?:(?<=Date)|(?<!\w))"


def _month(name: str, full: bool = False) -> str:
    body = _MONTH_FULL if full else _MONTH_ANY
    return rf"{_GLUED}(?P<{name}>{body})(?!{_LETTER})"


def _day(name: str) -> str:
    # Any one or two digits: "99 March 2013" is an impossible date (reported), never
    # "March 2013" with the number left over.
    return rf"(?<![\w.,:/])(?P<{name}>\d?\d)(?:st|nd|rd|th)?(?!\w|:\d)"  # "16:30" is a time; "September 16:" a date


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
        rf"(?![\w\]%]|[-‐‑]{_LETTER}|[.,]\d|\s{{0,2}}%)"
        # a count noun after it makes it a count ("2000 soldiers"), unless "in" puts it in time ("In 2020 fighters ...")
        rf"(?:(?<=[Ii]n (?:19|20)\d\d)|(?!{_S}(?:{_NOUNS})\b))"
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
    # right after "17 September" a year is one even before a count noun ("On 17 September 2024
    # militants attacked"); after a comma such a number is a count ("on 4 March, 2000 soldiers fled")
    return rf"(?:(?!,{_S}(?:19|20)\d\d{_S}(?:{_NOUNS})\b),?{_S}(?P<{name}>(?:19|20)\d\d)(?!\w))?"


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
    # "at the time of the attack", "during the ambush": the day of the attack just told
    ("r_event_day", "same-day",
     rf"(?:at{_S}the{_S}time{_S}of|during|in{_S}the{_S}course{_S}of){_S}the{_S}(?:attack|assault|ambush|raid)"),
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
    # "on Saturday" in a report or after a dated sentence: within a week of the reference (which
    # side is not said); "Monday, 8 June" and "Monday (January 28th)" are full dates, read above
    ("r_weekday", "weekday",
     rf"(?:(?:on|last|this|since|until|by){_S})?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?:'s)?"
     rf"(?!,?{_S}\d|,?{_S}\w+\.?{_S}\d|{_S}?\(\s*\d|{_S}?\(\s*\w+\.?{_S}\d)"),
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
    # a report's own present, counted from its dateline: "earlier this month", "last week", "this year"
    ("r_yesterday", "previous-day", rf"yesterday|(?<![Tt]he )(?<![Ii]ts )(?<![Tt]heir )(?<![Aa]t )last{_S}night"),
    ("r_this_morning", "same-day", rf"this{_S}(?:morning|afternoon|evening)|earlier{_S}today"),
    ("r_this_week", "same-week", rf"(?:(?:earlier|later){_S})?this{_S}week"),
    ("r_last_week", "previous-week", rf"(?<![Tt]he )(?<![Ii]ts )(?<![Tt]heir )last{_S}week"),
    ("r_this_month", "same-month", rf"(?:(?:earlier|later){_S})?this{_S}month"),
    ("r_last_month", "previous-month", rf"(?<![Tt]he )(?<![Ii]ts )(?<![Tt]heir )last{_S}month"),
    ("r_this_year", "same-year", rf"(?:(?:earlier|later){_S})?this{_S}year"),
    ("r_last_year", "previous-year", rf"(?<![Tt]he )(?<![Ii]ts )(?<![Tt]heir )last{_S}year"),
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
    # a weekday's own preposition after another ("by by Monday": the grammar reads both)
    "by", "since", "until", "till", "last", "this",
) + _NUMBER_WORDS  # fmt: skip
_UNITS = r"(?:days?|weeks?|months?|years?|nights?|evenings?|mornings?|afternoons?)"


def _words(words: Sequence[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _by_first_letter(openers: Sequence[tuple[Sequence[str], str]], written: Sequence[str] = ()) -> str:
    r"""Alternatives ``(?i:w1|w2|...)rest`` (each (words, rest) of ``openers``), and the alternatives
    ``written`` (each opening with a letter as written: "January(?!...)"), regrouped by their first
    letter as written: ``T(?:(?i:he)rest|(?i:his)rest2|...)|t(?:...)|J(?:anuary...)|...``. Inside the
    start filter's lookahead the alternatives are only tested, so their order and grouping do not
    matter; the filter runs at every word start, and an alternative opening with a letter is passed
    over at once where it does not fit (the engine compares the letter before it tries the rest), so
    only the words of one letter are tried there (the first letter is ASCII: ``T|t`` is ``(?i:t)``
    there, the letters that fold to others, "ſ" and the Kelvin sign, being no word's first)."""
    groups: dict[str, list[str]] = {}
    for words, rest in openers:
        for w in words:
            for c in dict.fromkeys((w[0].upper(), w[0].lower())):
                groups.setdefault(c, []).append((f"(?i:{w[1:]})" if w[1:] else "") + rest)
    for alternative in written:
        groups.setdefault(alternative[0], []).append(alternative[1:])
    return "|".join(f"{c}(?:{'|'.join(tails)})" for c, tails in groups.items())


_WEEKDAYS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec")
# What a capitalised word after a preposition that opens a date can begin: a month as the grammar
# writes it, a weekday, or a relative date's first word that _OPENERS lacks; a name there ("by Ansar
# Dine", "from Gao", "between Mali and ...") opens none, and the filter says so without the grammar.
_MONTH_HEADS = "|".join(sorted({m[:3] for m in _MONTH_NAMES}))
_WEEKDAY_HEADS = "|".join(w[0].upper() + w[1:3] for w in _WEEKDAYS)
_CAPITAL_OPENERS = (_MONTH_HEADS + "|" + "|".join(w[0].upper() + f"(?i:{w[1:]})" for w in _WEEKDAYS)
                    + r"|A(?i:t)\b|D(?i:uring)\b|Y(?i:esterday)\b")
# The words a date may open with (any case), each list with what must follow them.
_OPENING_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (_WEEKDAYS, "day"),
    (("on", "last", "this"), rf"{_S}(?i:{'|'.join(_WEEKDAYS)})day"),
    (("by", "since", "until", "till", "starting", "beginning"),
     rf"{_S}(?:\d|{_CAPITAL_OPENERS}|(?i:{_words(_OPENERS)})\b)"),
    (("as",), rf"{_S}(?i:of)\b"),
    (("the",), rf"{_S}(?:\d|(?i:{_words(_THE_NEXT)})\b)"),
    (("between", "from"), rf"{_S}(?:\d|{_MONTH_HEADS}|{_WEEKDAY_HEADS})"),
    (("early", "mid", "late"), rf"(?:{_S}|-)(?:\d|{_MONTH_HEADS})"),
    (("later", "earlier"), rf"{_S}(?i:that|the|on|in|this)\b"),
    (("this", "last"), rf"{_S}(?i:week|month|year)\b"),
    (("this",), rf"{_S}(?i:morning|afternoon|evening)\b"),
    (("last",), rf"{_S}(?i:night)\b"),
    (("earlier",), rf"{_S}(?i:today)\b"),
    (("yesterday",), ""),
    (("that",), rf"{_S}(?i:same|{_UNITS})\b"),
    (("a", "an", "one", "several", "some", "few", "many") + _NUMBER_WORDS, rf"{_S}(?i:few|{_UNITS})\b"),
    (("days", "weeks?", "months?"), rf"{_S}(?i:later|afterwards?|earlier)\b"),
    (("at",), rf"{_S}(?i:the){_S}(?i:time){_S}(?i:of)\b"),
    (("during", "in"), rf"{_S}(?i:the){_S}(?i:attack|assault|ambush|raid|course)\b"),
)
# Where a date can start (see above), tested at each word start (``\b`` before a letter or digit, a
# test the engine makes without a lookbehind): a digit that looks like a day, a year or a count of
# days (four digits, or one or two and what follows them), a month name, or an opening word (in any
# case) and what may follow it, by the first letter.
_START = (
    rf"\b(?=[\dA-Za-z])(?="
    rf"\d(?:\d{{3}}|\d?(?:st|nd|rd|th)?(?:{_S}(?:of{_S})?(?:{_MONTH_HEADS})|{_S0}[-–—]{_S0}\d"
    rf"|{_S}(?:and|to|or|through|until|till){_S}\d|{_S}(?i:{_UNITS})\b))|"
    + _by_first_letter(_OPENING_WORDS, [f"{m}(?!{_LETTER})" for m in _MONTH_NAMES]
                       + [rf"{m}\.?(?!{_LETTER})" for m in _MONTH_ABBREVIATIONS])
    + ")"
)
_GRAMMAR = _PREP + "(?:" + "|".join(f"(?P<{n}>{p})" for n, p in _ALTERNATIVES) + ")"
#: the grammar behind its start filter, for a text without the "Date" label, where the label's
#: lookbehinds could never hold: the same matches, found without testing them at every position ...
_UNLABELLED_RE = re.compile(_START + _GRAMMAR.replace(_GLUED, r"(?<!\w)"))


@functools.cache
def _labelled_re() -> re.Pattern:
    """... and for a text holding it (a month may follow it, glued): compiled when first needed, as
    compiling the grammar costs about as much as extracting a few pages."""
    return re.compile(rf"(?:(?<=Date)(?={_MONTH_ANY})|{_START})" + _GRAMMAR)


# What every date holds, whatever its form: a digit, a month (as written: "Jan" ... "Dec"), or, in any
# case, a word of time or the attack the day is told by (each relative form ends in one: "the
# following day", "that same week", "last night", "during the ambush"). A text holding none has no
# date, and is passed over with a few substring tests instead of the grammar's scan.
_DIGIT = re.compile(r"\d")
_MONTH_WORDS = tuple(_MONTH_HEADS.split("|"))
_TIME_WORDS = ("day", "night", "evening", "morning", "afternoon", "week", "month", "year",
               "attack", "assault", "ambush", "raid")
# the letters that match an ASCII one in any case with no lower case that is it (they would hide a
# time word from ``str.lower``): a text holding one is read by the grammar
_FOLDING = ("\u017f", "\u0130", "\u0131")  # long s, dotted capital I, dotless i


def _may_hold_a_date(text: str) -> bool:
    if _DIGIT.search(text) is not None or any(m in text for m in _MONTH_WORDS):
        return True
    if not text.isascii() and any(c in text for c in _FOLDING):
        return True
    low = text.lower()
    return any(w in low for w in _TIME_WORDS)


def _matches(text: str) -> Iterator[re.Match]:
    """The grammar's matches in ``text``, left to right."""
    if not _may_hold_a_date(text):
        return iter(())
    return (_labelled_re() if "Date" in text else _UNLABELLED_RE).finditer(text)

# A timeline item's dash after its date: "February 30 – ..." is an (impossible) date, not a count.
_ITEM_DASH = re.compile(r"\s{0,4}[–—:]\s")

_PREP_QUALIFIER = (("by", "by"), ("since", "since"), ("until", "until"), ("till", "until"),
                   ("as", "as-of"), ("starting", "since"), ("beginning", "since"))  # fmt: skip


# -- find_dates --------------------------------------------------------------------


def _month_number(word: str) -> int:
    return _MONTH_KEYS.index(word.rstrip(".")[:3].lower()) + 1


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


# A period in brackets inside a sentence, right after a capitalised word (a name): "Military Forces of Mali (2021-)",
# "Military Forces of Burkina Faso (2015-2022) and VDP clashed": the name's period (conflict-event
# datasets name state forces so), not the date of what the sentence tells. At the end of a line (a
# title: "Northern Mali conflict (2012-2013)") it is kept.
_NAME_PERIOD = re.compile(r"\b[A-Z][\w'’-]*[ \t]?(\((?:19|20)\d\d[ \t]*[-–—][ \t]*(?:(?:19|20)?\d\d|present)?\))"
                          r"(?=[ \t]*[^\s])")


def _scan(text: str, offset: int) -> Iterator[tuple[DateMention, bool]]:
    """Every date-like match as (mention, impossible), a name's period aside (``_NAME_PERIOD``)."""
    periods = [q.span(1) for q in _NAME_PERIOD.finditer(text)] if "(" in text else []
    for m in _matches(text):
        if periods and any(a <= m.start() and m.end() <= b for a, b in periods):
            continue
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
        if impossible and lenient and not _ITEM_DASH.match(text, m.end()):
            continue  # "March 35 people": a count after a month name (but "February 30 – ..." is a date)
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


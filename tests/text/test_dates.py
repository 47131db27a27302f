"""Tests of actors.text.dates, date_mentions and date_values: find_dates, resolve_dates, parse_iso.

The narratives are fictional and small enough to check by hand; the seed
checks read the real texts with plain Python (one line = one sentence).
"""

from __future__ import annotations

import calendar
import doctest
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import actors.text.date_mentions as mentions_module
import actors.text.date_values as values_module
import actors.text.dates as dates_module
from actors.text.dates import DateMention, ResolvedDate, find_dates, parse_iso, resolve_dates
from actors.errors import Problem
from actors.schema import PRECISIONS

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MONTHS = [calendar.month_name[i] for i in range(1, 13)]


# -- a tiny stand-in for documents.Sentence ------------------------------------------


@dataclass(frozen=True)
class Sentence:
    doc: str
    index: int
    start: int
    end: int
    text: str
    clean: str
    section: str = ""
    paragraph: int = 0
    scope: int = 0


def narrative(*items: str | tuple[str, dict], doc: str = "story.txt") -> list[Sentence]:
    """Sentences from texts (or (text, {"section": ..., "scope": ...})), one space apart."""
    out, pos = [], 0
    for i, item in enumerate(items):
        text, extra = (item, {}) if isinstance(item, str) else item
        clean = re.sub(r"\[[^\]]*\]", lambda m: " " * len(m.group()), text)
        out.append(Sentence(doc, i, pos, pos + len(text), text, clean, **extra))
        pos += len(text) + 1
    return out


def resolve(*items: str | tuple[str, dict], **kwargs):
    return resolve_dates(narrative(*items), **kwargs)


def first(text: str) -> DateMention:
    found = find_dates(text)
    assert found, f"no date in {text!r}"
    return found[0]


def fields(m: DateMention) -> tuple:
    return (m.text, m.year, m.month, m.day, m.end_day, m.end_month, m.qualifier, m.relative)


# -- find_dates: what is a date ---------------------------------------------------------

FULL_DATES = [
    ("On 17 July 2012, X.", ("17 July 2012", 2012, 7, 17, None, None, "", "")),
    ("On December 20, 2008, X.", ("December 20, 2008", 2008, 12, 20, None, None, "", "")),
    ("On November 24, 2023, X.", ("November 24, 2023", 2023, 11, 24, None, None, "", "")),
    ("signed on 20 February 2015 in", ("20 February 2015", 2015, 2, 20, None, None, "", "")),
    ("Retrieved 2012-06-08.", ("2012-06-08", 2012, 6, 8, None, None, "", "")),
    ("On 8 Feb 2013 it", ("8 Feb 2013", 2013, 2, 8, None, None, "", "")),
    ("By Sept. 3, 2013 it", ("By Sept. 3, 2013", 2013, 9, 3, None, None, "by", "")),
    ("By the night of 8 June, X.", ("By the night of 8 June", None, 6, 8, None, None, "by", "")),
    ("On the evening of 24 January Malian", ("the evening of 24 January", None, 1, 24, None, None, "", "")),
    ("on the morning of January 27, around 4am", ("the morning of January 27", None, 1, 27, None, None, "", "")),
    ("On Monday, 8 June 2012, X.", ("Monday, 8 June 2012", 2012, 6, 8, None, None, "", "")),
    ("On Sunday, January 27, 2018, X.", ("Sunday, January 27, 2018", 2018, 1, 27, None, None, "", "")),
    ("on the 8th of June 2012", ("the 8th of June 2012", 2012, 6, 8, None, None, "", "")),
    ("DateNovember 24, 2023 Location", ("November 24, 2023", 2023, 11, 24, None, None, "", "")),
]

DAY_MONTHS = [
    ("On 17 January, attacks", ("17 January", None, 1, 17, None, None, "", "")),
    ("on January 27, alleging", ("January 27", None, 1, 27, None, None, "", "")),
    ("By 1 April, with", ("By 1 April", None, 4, 1, None, None, "by", "")),
    ("On 16 and 17 January, X.", ("16 and 17 January", None, 1, 16, 17, None, "", "")),
    ("Between 8 and 10 February, MUJAO", ("Between 8 and 10 February", None, 2, 8, 10, None, "", "")),
    ("attacked on 8 and 9 March the", ("8 and 9 March", None, 3, 8, 9, None, "", "")),
    ("took place on 8–10 February.", ("8–10 February", None, 2, 8, 10, None, "", "")),
    (
        "took place between September 30 and October 1, 2019.",
        ("between September 30 and October 1, 2019", 2019, 9, 30, 1, 10, "", ""),
    ),
    ("occurred between October 23 and 24, 2017, between", ("between October 23 and 24, 2017", 2017, 10, 23, 24, None, "", "")),
    ("from 30 September – 1 October 2019", ("from 30 September – 1 October 2019", 2019, 9, 30, 1, 10, "", "")),
]

MONTHS_AND_YEARS = [
    ("started in January 2012 between", ("January 2012", 2012, 1, None, None, None, "", "")),
    ("In September 2023, X.", ("September 2023", 2023, 9, None, None, None, "", "")),
    ("In early June, Nigerien", ("early June", None, 6, None, None, None, "early", "")),
    ("in late January.", ("late January", None, 1, None, None, None, "late", "")),
    ("By December, the", ("By December", None, 12, None, None, None, "by", "")),
    ("In mid-June, X.", ("mid-June", None, 6, None, None, None, "mid", "")),
    ("During September 2023, four", ("September 2023", 2023, 9, None, None, None, "", "")),
    ("stated in early October that", ("early October", None, 10, None, None, None, "early", "")),
    ("in December.", ("December", None, 12, None, None, None, "", "")),
    ("during October–November, over", ("October–November", None, 10, None, None, 11, "", "")),
    ("In the first days of January 2022, X", ("the first days of January 2022", 2022, 1, None, None, None, "early", "")),
    ("at the end of June the", ("the end of June", None, 6, None, None, None, "late", "")),
    ("until November. The", ("until November", None, 11, None, None, None, "until", "")),
    ("In 2013, French forces", ("2013", 2013, None, None, None, None, "", "")),
    ("In early 2012, Tuareg", ("early 2012", 2012, None, None, None, None, "early", "")),
    ("In mid-2014, the French", ("mid-2014", 2014, None, None, None, None, "mid", "")),
    ("In the first half of 2018, there", ("the first half of 2018", 2018, None, None, None, None, "first-half", "")),
    ("In the second half of 2013, X", ("the second half of 2013", 2013, None, None, None, None, "second-half", "")),
    ("As of July 2018, northern", ("As of July 2018", 2018, 7, None, None, None, "as-of", "")),
    ("Starting in 2018, there", ("Starting in 2018", 2018, None, None, None, None, "since", "")),
    ("situation since 1962.", ("since 1962", 1962, None, None, None, None, "since", "")),
    ("the 2012 rebellion", ("2012", 2012, None, None, None, None, "", "")),
]

RELATIVES = [
    ("The following day, it", "The following day", "next-day"),
    ("The next day, the", "The next day", "next-day"),
    ("The next morning, Captain", "The next morning", "next-day"),
    ("on the previous day (30", "the previous day", "previous-day"),
    ("On the same day, RFI", "the same day", "same-day"),
    ("The same day, a car bomb", "The same day", "same-day"),
    ("Later that day, soldiers", "Later that day", "same-day"),
    ("was also taken that day.", "that day", "same-day"),
    ("At the time of the attack, the base", "At the time of the attack", "same-day"),
    ("Ten soldiers died during the ambush.", "during the ambush", "same-day"),
    ("In the same month, a splinter", "the same month", "same-month"),
    ("since its inception that month.", "that month", "same-month"),
    ("in September of the same year after", "the same year", "same-year"),
    ("the coup d'état that year led by", "that year", "same-year"),
    ("recaptured by the rebels days later.", "days later", "days-later"),
    ("Two days later, X.", "Two days later", "+2d"),
    ("3 days later, X.", "3 days later", "+3d"),
    ("a day earlier, X.", "a day earlier", "-1d"),
    ("Weeks later, X.", "Weeks later", "weeks-later"),
    ("The following year, X.", "The following year", "following-year"),
    ("the following month, X.", "the following month", "next-month"),
]


@pytest.mark.parametrize("text, expected", FULL_DATES + DAY_MONTHS + MONTHS_AND_YEARS)
def test_find_dates_recognises(text: str, expected: tuple) -> None:
    assert fields(first(text)) == expected


@pytest.mark.parametrize("text, words, relative", RELATIVES)
def test_find_dates_relative(text: str, words: str, relative: str) -> None:
    (m,) = [m for m in find_dates(text) if m.relative]
    assert (m.text, m.relative, m.year, m.month, m.day) == (words, relative, None, None, None)


def test_by_the_end_of_the_day_is_same_day_by() -> None:
    m = first("However, by the end of the day, the Tuaregs were beaten back.")
    assert (m.text, m.relative, m.qualifier) == ("by the end of the day", "same-day", "by")


def test_two_years_are_two_mentions() -> None:
    assert [m.year for m in find_dates("two coups in 2020 and 2021, both")] == [2020, 2021]
    assert [m.year for m in find_dates("Many sources are from 2012-2015, and")] == [2012, 2015]
    assert [m.year for m in find_dates("Tuareg rebellion (2007–2009)")] == [2007, 2009]


@pytest.mark.parametrize(
    "text",
    [
        "armed groups looted 2,354 tons of food",
        "a 1–0 win over Niger",
        "Konna, 600 km from the capital",
        "via C-130 Hercules aircraft and two C-130s",
        "the only SU-25 with the registration number TZ-25C",
        "The assault began around 3am, and at 8am",
        "were killed.[12] Then [2012] and [citation needed]",
        "in 1850 and 2150 and 12345 and 20121",
        "four Mirage 2000-D jets",
        "about 2000 soldiers and 1999 fighters",
        "Security Council Resolution 2085 was adopted",
        "kidnappings in the Sahel in the 2000s",
        "The militants may attack; they march on Bamako.",
        "killed between 40 and 85 Malian soldiers",
        "the 11th and the 12th",
        "Mi-8MT, L-39C, AK-47s, A109 and ISBN978-3-7489-0074-0",
        "",
    ],
)
def test_find_dates_rejects(text: str) -> None:
    assert find_dates(text) == []


def test_month_then_count_is_not_a_day() -> None:
    # "In January 12 soldiers": a month and a count, not 12 January
    assert [fields(m) for m in find_dates("In January 12 soldiers were killed.")] == [
        ("January", None, 1, None, None, None, "", "")
    ]
    assert [m.day for m in find_dates("In March 35 people died.")] == [None]


def test_a_year_after_in_holds_before_a_count_noun() -> None:
    # "In 2020 fighters loyal to ...": "in" puts the number in time; "about 2000 soldiers" stays a count
    assert [m.year for m in find_dates("In 2020 fighters loyal to the Islamic State attacked.")] == [2020]
    assert find_dates("about 2000 soldiers and some 2000 fighters") == []


def test_a_year_right_after_day_and_month_holds_before_a_count_noun() -> None:
    # "On 17 September 2024 militants attacked": the year; after a comma the number is a count
    assert [(m.day, m.month, m.year) for m in find_dates("On 17 September 2024 militants attacked.")] == [(17, 9, 2024)]
    assert [(m.day, m.month, m.year) for m in find_dates("On 4 March, 2000 soldiers fled.")] == [(4, 3, None)]


@pytest.mark.parametrize("text,relative", [
    ("Last night, drones struck.", "previous-day"), ("Yesterday the army said", "previous-day"),
    ("this morning", "same-day"), ("earlier today", "same-day"),
])
def test_a_reports_own_yesterday_and_today(text: str, relative: str) -> None:
    assert [m.relative for m in find_dates(text)] == [relative]


@pytest.mark.parametrize("text", ["the last night of the siege", "at last night fell"])
def test_last_night_of_something_is_no_date(text: str) -> None:
    assert find_dates(text) == []


def test_bare_month_needs_a_cue() -> None:
    assert find_dates("March on Bamako") == []
    assert [m.text for m in find_dates("the protests of May ended in May")] == ["May"]


@pytest.mark.parametrize("text", ["31 February 2012", "On 30 February, X.", "32 March", "2012-02-30", "April 31, 2013"])
def test_impossible_dates_are_not_found(text: str) -> None:
    assert find_dates(text) == []


def test_offsets_include_the_offset() -> None:
    text = "On 5 April 2012, and on 6 April."
    for m in find_dates(text, offset=100):
        assert text[m.start - 100 : m.end - 100] == m.text


# -- resolve_dates ------------------------------------------------------------------------


def test_no_year_in_force_is_unknown() -> None:
    per, in_force, problems = resolve("On 17 January, attacks were reported.", "Nothing else.")
    (d,) = per[0]
    assert (d.iso, d.precision, d.earliest, d.latest, d.text) == ("", "unknown", "", "", "17 January")
    assert in_force[0] == d
    assert (in_force[1].precision, in_force[1].iso, in_force[1].inherited) == ("unknown", "", True)
    assert problems == []


def test_year_in_force_and_inheritance() -> None:
    per, in_force, _ = resolve(
        "On 16 January 2012, insurgents attacked.",
        "The army retreated.",
        "On 24 January, the rebels retook Aguelhok.",
    )
    assert in_force[0].iso == "2012-01-16" and not in_force[0].inherited
    inherited = in_force[1]
    assert (inherited.iso, inherited.precision, inherited.inherited) == ("2012", "year", True)
    assert (inherited.earliest, inherited.latest, inherited.text, inherited.start) == ("2012-01-01", "2012-12-31", "", -1)
    assert (in_force[2].iso, in_force[2].precision) == ("2012-01-24", "day")


def test_month_and_day_are_never_inherited() -> None:
    _, in_force, _ = resolve("On 5 April 2012, X happened.", "Y happened.")
    assert (in_force[1].iso, in_force[1].precision) == ("2012", "year")


def test_offsets_are_document_offsets() -> None:
    sentences = narrative("First sentence.", "On 5 April 2012, X.")
    per, _, _ = resolve_dates(sentences)
    (d,) = per[1]
    assert (d.start, d.end) == (sentences[1].start + 3, sentences[1].start + 15)


def test_anchor_puts_its_year_and_date_in_force() -> None:
    _, in_force, _ = resolve(
        "On December 20, ATNM fighters attacked.", "The following day, they left.", anchor="December 20, 2008"
    )
    assert in_force[0].iso == "2008-12-20"
    assert in_force[1].iso == "2008-12-21"
    # an article about one dated event: a sentence with no date of its own, before any other date is
    # told, is about the event (../shared/annotation.md's annotators date it so)
    _, in_force, _ = resolve("Nothing dated.", anchor="January 27, 2018")
    assert (in_force[0].iso, in_force[0].inherited) == ("2018-01-27", True)
    # once another date is told, only the year stays in force
    _, in_force, _ = resolve("In March 2017, X formed.", "Nothing dated.", anchor="January 27, 2018")
    assert in_force[1].iso == "2017"
    # a range is no one event's day: its year (or nothing) is in force
    _, in_force, _ = resolve("Nothing dated.", anchor="March 8, 2022 - May 2023")
    assert in_force[0].precision != "day" and in_force[0].precision != "month"
    # a report's filing day dates nothing told
    _, in_force, _ = resolve("Nothing dated.", filed="28 January 2013")
    assert in_force[0].iso == "2013"


def test_anchor_without_a_year_is_a_problem() -> None:
    _, in_force, problems = resolve("On 3 May, X.", anchor="Unknown")
    assert in_force[0].precision == "unknown"
    assert problems == [Problem("story.txt", "infobox date", "no year in infobox date 'Unknown'", skipped=False)]


def test_relative_dates() -> None:
    per, in_force, _ = resolve(
        "On 5 April 2012, the MNLA called off its offensive.",
        "The following day, it proclaimed independence.",
        "The next day, it was ignored.",
        "On the same day, talks began.",
        "Two days later, talks failed.",
        "The previous day, nothing.",
        "In the same month, a split.",
        "That year, more.",
        "The following year, a deal.",
    )
    got = [(in_force[i].iso, in_force[i].precision) for i in range(9)]
    assert got == [
        ("2012-04-05", "day"),
        ("2012-04-06", "day"),
        ("2012-04-07", "day"),
        ("2012-04-07", "day"),
        ("2012-04-09", "day"),
        ("2012-04-08", "day"),
        ("2012-04", "month"),
        ("2012", "year"),
        ("2013", "year"),
    ]


def test_relative_to_a_month_never_fabricates_a_day() -> None:
    _, in_force, _ = resolve("In early June 2012, X.", "The following day, Y.")
    d = in_force[1]
    assert (d.iso, d.precision, d.earliest, d.latest) == ("2012-06", "month", "2012-06-01", "2012-06-10")


def test_relative_with_nothing_to_refer_to() -> None:
    per, in_force, _ = resolve("The following day, X.")
    assert per[0][0].precision == "unknown"
    assert (in_force[0].precision, in_force[0].inherited) == ("unknown", True)


def test_relative_after_a_range_counts_from_its_end() -> None:
    _, in_force, _ = resolve("On 16 and 17 January 2012, X.", "The next day, Y.")
    assert (in_force[0].iso, in_force[0].earliest, in_force[0].latest) == ("2012-01", "2012-01-16", "2012-01-17")
    assert in_force[1].iso == "2012-01-18"


def test_days_later_rule() -> None:
    # within one month: month precision, the window as interval
    _, in_force, _ = resolve("On 3 March 2013, X.", "Days later, Y.")
    d = in_force[1]
    assert (d.iso, d.precision, d.earliest, d.latest) == ("2013-03", "month", "2013-03-05", "2013-03-17")
    # across months of one year: year precision
    _, in_force, _ = resolve("On 24 July 2024, X.", "Days later, Y.")
    assert (in_force[1].iso, in_force[1].precision) == ("2024", "year")
    # across years: unknown, and the year is no longer in force
    _, in_force, _ = resolve("On 10 December 2012, X.", "Weeks later, Y.", "On 5 February, Z.", "W.")
    d = in_force[1]
    assert (d.iso, d.precision, d.earliest, d.latest) == ("", "unknown", "2012-12-17", "2013-02-11")
    assert [in_force[i].precision for i in (2, 3)] == ["unknown", "unknown"]


def test_backward_jump_breaks_the_year() -> None:
    sentences = narrative(
        "On 17 September 2024, JNIM attacked Bamako.",
        "On 17 January, a peacekeeper was killed.",
        "On 11 June, a car bomb exploded.",
        "Nothing dated.",
        "On 5 May 2017, a rocket hit a base.",
        "On 6 May, another.",
    )
    _, in_force, problems = resolve_dates(sentences)
    assert [in_force[i].iso for i in range(6)] == ["2024-09-17", "", "", "", "2017-05-05", "2017-05-06"]
    assert [in_force[i].precision for i in (1, 2, 3)] == ["unknown"] * 3
    assert len(problems) == 1 and not problems[0].skipped
    start = sentences[1].start + 3
    assert problems[0].where == f"sentence 1, chars {start}-{start + 10}"
    assert "17 January" in problems[0].what


def test_small_backward_steps_keep_the_year() -> None:
    _, in_force, problems = resolve("On 19 January 2013, X.", "On 16 January, Y.", "On 28 February, Z.", "On 1 December, W.")
    assert [in_force[i].iso for i in range(3)] == ["2013-01-19", "2013-01-16", "2013-02-28"]
    # 1 December is more than half a year after the last date: a forward jump, unknown
    assert in_force[3].iso == "" and len(problems) == 1


def test_forward_within_the_sentence_keeps_the_year() -> None:
    per, _, problems = resolve("HRW documented killings from January 2019 until November.")
    assert [(d.iso, d.earliest, d.latest) for d in per[0]] == [
        ("2019-01", "2019-01-01", "2019-01-31"),
        ("2019-11", "", "2019-11-30"),
    ]
    assert problems == []


def test_scope_change_resets_everything() -> None:
    _, in_force, _ = resolve(
        ("On 5 April 2020, X.", {"scope": 0}),
        ("The following day, Y.", {"scope": 1}),
        ("On 6 April, Z.", {"scope": 1}),
        ("Nothing dated.", {"scope": 2}),
        anchor="April 5, 2020",
    )
    assert in_force[0].iso == "2020-04-05"
    assert [in_force[i].precision for i in (1, 2, 3)] == ["unknown"] * 3


def test_range_heading_bounds_but_puts_no_year() -> None:
    section = "2014–2015: Insurgents regroup, Islamic State taking part"
    per, in_force, _ = resolve(
        "On 14 April 2013, Chad withdrew.",
        ("On 20 February, Germany and France announced a brigade.", {"section": section}),
        ("This is the first deployment.", {"section": section}),
        ("In 2015, X.", {"section": section}),
        ("On 3 March, Y.", {"section": section}),
    )
    d = per[1][0]
    assert (d.iso, d.precision, d.earliest, d.latest) == ("", "unknown", "2014-02-20", "2015-02-20")
    inherited = in_force[2]
    assert (inherited.precision, inherited.earliest, inherited.latest, inherited.inherited) == (
        "unknown",
        "2014-01-01",
        "2015-12-31",
        True,
    )
    assert in_force[4].iso == "2015-03-03"


def test_open_range_heading() -> None:
    section = "Resurgence and Mali counteroffensive (2023–present)"
    per, in_force, _ = resolve(("On 9 February, X.", {"section": section}), ("Y.", {"section": section}))
    assert (per[0][0].earliest, per[0][0].latest) == ("2023-02-09", "")
    assert (in_force[1].earliest, in_force[1].latest) == ("2023-01-01", "")


def test_single_year_heading_and_other_headings() -> None:
    _, in_force, _ = resolve(
        ("On 17 January, X.", {"section": "2013"}),
        ("On 20 January, Y.", {"section": "Aftermath"}),
        ("On 3 March, Z.", {"section": "Battle of Gao (2014)"}),
        ("On 4 March, W.", {"section": "2015: Peace"}),
    )
    assert [in_force[i].iso for i in range(4)] == ["2013-01-17", "2013-01-20", "2014-03-03", "2015-03-04"]


def test_headings_can_be_switched_off() -> None:
    _, in_force, _ = resolve(("On 17 January, X.", {"section": "2013"}), headings=False)
    assert in_force[0].precision == "unknown"


@pytest.mark.parametrize(
    "sentence, words",
    [("On 31 February 2012, X.", "31 February 2012"), ("On 30 February, X.", "30 February"), ("On 32 March, X.", "32 March")],
)
def test_impossible_date_is_a_problem_and_puts_nothing_in_force(sentence: str, words: str) -> None:
    per, in_force, problems = resolve(sentence, "On 5 March, Y.")
    start = 3
    # a warning, not "skipped": the relation is kept, undated (issue 17, point 14)
    assert problems == [Problem("story.txt", f"sentence 0, chars {start}-{start + len(words)}",
                                f"impossible date '{words}'; its sentence is left undated", skipped=False)]
    assert per[0] == []
    assert in_force[0].precision == "unknown"
    assert in_force[1].precision == "unknown"


def test_29_february_needs_a_leap_year() -> None:
    per, _, problems = resolve("In 2012, X.", "On 29 February, Y.")
    assert per[1][0].iso == "2012-02-29"
    per, _, problems = resolve("In 2013, X.", "On 29 February, Y.")
    assert per[1] == [] and len(problems) == 1 and "29 February" in problems[0].what


def test_ignore_spans_are_skipped() -> None:
    text = "His previous group May 23, 2006 Democratic Alliance for Change had signed."
    sentences = narrative("On December 18, 2008, ATNM attacked.", text, "On December 20, X.")
    start = sentences[1].start + text.index("May 23, 2006")
    per, in_force, _ = resolve_dates(sentences, ignore=[(start, start + len("May 23, 2006 Democratic"))])
    assert per[1] == []
    assert (in_force[1].iso, in_force[1].inherited) == ("2008", True)
    assert in_force[2].iso == "2008-12-20"


def test_modifier_year_does_not_move_the_year() -> None:
    per, in_force, _ = resolve(
        "On 11 September 2023, the CMA declared war.",
        "The next day, the CSP, who signed the 2015 Algiers peace agreement, seized Bourem.",
        "On 19 September, the CMA took two camps.",
        "The 2019 Aguelhok attack was an attack on January 20, 2019.",
    )
    assert [d.iso for d in per[1]] == ["2023-09-12"]  # find_dates still finds the 2015
    assert in_force[2].iso == "2023-09-19"
    assert in_force[3].iso == "2019-01-20"


def test_background_year_does_not_move_the_year() -> None:
    per, in_force, _ = resolve(
        "JNIM formed in 2017 as a coalition fighting since the outbreak of the war in 2012.",
        "The camp was attacked on the morning of January 27, around 4am.",
        anchor="January 27, 2018",
    )
    assert in_force[0].iso == "2017"  # its own date ...
    assert in_force[1].iso == "2018-01-27"  # ... but background for what follows


def test_framing_year_moves_the_year() -> None:
    _, in_force, _ = resolve("In 2013, French forces pushed back.", "On 8 November, a clash.", anchor="2011")
    assert in_force[1].iso == "2013-11-08"


def test_coarser_date_later_in_a_sentence_is_background() -> None:
    _, in_force, _ = resolve(
        "On 25 December 2023, the army recaptured Aguelhok, which they had lost in 2012.",
        "Tessalit was also recaptured in December.",
    )
    assert (in_force[1].iso, in_force[1].precision) == ("2023-12", "month")


def test_since_baseline_is_not_the_sentence_date() -> None:
    _, in_force, _ = resolve("In 2012, X.", "It was the worst situation since 1960.", "On 3 April, Y.")
    assert (in_force[1].iso, in_force[1].inherited) == ("2012", True)
    assert in_force[2].iso == "2012-04-03"
    per, _, _ = resolve("In May 2012, Amnesty reported the worst situation since 1960.")
    assert [d.text for d in per[0]] == ["May 2012"]
    per, in_force, _ = resolve(
        "The battle took place on 30 September 2019.",
        "It was the deadliest attack since the Second Battle of Kidal in 2014.",
    )
    assert per[1] == [] and (in_force[1].iso, in_force[1].inherited) == ("2019", True)


def test_maintenance_notice_dates_are_skipped() -> None:
    per, in_force, _ = resolve(
        "On 14 April 2013, Chad announced its withdrawal.",
        "This section needs to be updated.",
        "Please help update this article to reflect recent events or newly available information.(August 2018)",
        "(April 2022)",
        "The MNLA ended the ceasefire in September of the same year.",
    )
    assert per[2] == [] and per[3] == []
    assert in_force[4].iso == "2013-09"


def test_qualified_intervals() -> None:
    per, _, _ = resolve(
        "In 2012, X.",
        "By December, the MNLA began talks.",
        "In mid-2014, Serval ended.",
        "As of July 2018, the north was lost.",
        "Since June 2012, MOJWA has held Gao.",
        "Starting in 2018, attacks increased.",
        "In early June, Y.",
        "In mid-June, Y.",
        "In late June, Y.",
        "In the first half of 2018, Z.",
    )
    got = {i: (per[i][0].iso, per[i][0].precision, per[i][0].earliest, per[i][0].latest) for i in range(1, 10)}
    assert got[1] == ("2012-12", "month", "", "2012-12-31")
    assert got[2] == ("2014", "year", "2014-04-01", "2014-09-30")
    assert got[3] == ("2018-07", "month", "2018-07-01", "2018-07-31")
    assert got[4] == ("2012-06", "month", "2012-06-01", "")
    assert got[5] == ("2018", "year", "2018-01-01", "")
    assert got[6] == ("2018-06", "month", "2018-06-01", "2018-06-10")
    assert got[7] == ("2018-06", "month", "2018-06-11", "2018-06-20")
    assert got[8] == ("2018-06", "month", "2018-06-21", "2018-06-30")
    assert got[9] == ("2018", "year", "2018-01-01", "2018-06-30")


def test_ranges_resolve_to_intervals() -> None:
    texts = (
        "The battle took place between September 30 and October 1, 2019.",
        "For its part, IS attacked on 8 and 9 March the localities.",
        "In a surge during October–November, over 100 soldiers died.",
    )
    found = [resolve(text, anchor="2019")[0][0][0] for text in texts]
    # shown at the precision that holds the whole range; the days stay in the interval
    assert [(d.iso, d.precision, d.earliest, d.latest) for d in found] == [
        ("2019", "year", "2019-09-30", "2019-10-01"),
        ("2019-03", "month", "2019-03-08", "2019-03-09"),
        ("2019", "year", "2019-10-01", "2019-11-30"),
    ]
    (d,) = resolve("The raid occurred between October 23 and 24, 2017, in Tin Biden.")[0][0]
    assert (d.iso, d.precision) == ("2017-10", "month")  # as the gold set writes it


def test_every_sentence_has_an_entry() -> None:
    sentences = narrative("A.", "On 5 April 2012, B.", "C.")
    per, in_force, _ = resolve_dates(sentences)
    assert sorted(per) == sorted(in_force) == [0, 1, 2]


def test_module_doctests() -> None:
    for module in (dates_module, mentions_module, values_module):
        assert doctest.testmod(module).failed == 0


# -- parse_iso -----------------------------------------------------------------------------


def test_parse_iso_valid() -> None:
    assert parse_iso("2012") == ResolvedDate("2012", "year", "2012-01-01", "2012-12-31", "", -1, -1)
    assert parse_iso("2012-02") == ResolvedDate("2012-02", "month", "2012-02-01", "2012-02-29", "", -1, -1)
    assert parse_iso(" 2012-06-08 ").iso == "2012-06-08"
    assert parse_iso("") == ResolvedDate("", "unknown", "", "", "", -1, -1)


@pytest.mark.parametrize("value", ["2012-6-8", "12-06", "2012/06/08", "June 2012", "2012-06-08T00:00", "20120", "x"])
def test_parse_iso_malformed(value: str) -> None:
    with pytest.raises(ValueError, match="malformed date"):
        parse_iso(value)


@pytest.mark.parametrize("value, reason", [("2012-13", "month 13"), ("2012-02-30", "29 days"), ("2013-02-29", "28 days"), ("0000", "year 0")])
def test_parse_iso_impossible(value: str, reason: str) -> None:
    with pytest.raises(ValueError, match=f"impossible date '{value}'.*{reason}"):
        parse_iso(value)


# -- the seeds --------------------------------------------------------------------------------


def seed(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


HEADING = re.compile(r"^(?:\d{4}[–-]\d{4}:.*|.*\(\d{4}[–-]present\)|== .* ==)$")
SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+(?:\[[^\]]*\])*|$)")


def seed_sentences(prefix: str, scope_from: str | None = None) -> list[Sentence]:
    """Crude sentences: lines cut after . ! ? (and their citation marks); heading-like
    lines become sections; after ``scope_from`` each line is its own scope."""
    text, out, pos, section, scope = seed(prefix), [], 0, "", 0
    for paragraph, line in enumerate(text.split("\n")):
        start, pos = pos, pos + len(line) + 1
        if not line.strip():
            continue
        if HEADING.match(line):
            section = line.strip("= ")
            continue
        if scope_from is not None and (scope or line == scope_from):
            scope += 1  # each summary paragraph is its own scope
        for m in SENTENCE.finditer(line):
            if m.group().strip():
                clean = re.sub(r"\[[^\]]*\]", lambda c: " " * len(c.group()), m.group())
                begin = start + m.start()
                out.append(Sentence(prefix, len(out), begin, begin + len(clean), m.group(), clean, section, paragraph, scope))
    return out


def date_in_force(sentences: list[Sentence], in_force: dict[int, ResolvedDate], quote: str) -> ResolvedDate:
    (s,) = [s for s in sentences if quote in s.text]
    return in_force[s.index]


def test_seed_001_find_dates() -> None:
    texts = [m.text for line in seed("001").split("\n") for m in find_dates(line)]
    for expected in ("By 17 July 2012", "mid-2014", "early June", "By the night of 8 June", "Between 8 and 10 February"):
        assert expected in texts
    (july,) = [m for line in seed("001").split("\n") for m in find_dates(line) if "17 July 2012" in m.text]
    assert (july.year, july.month, july.day, july.qualifier) == (2012, 7, 17, "by")
    for line in seed("001").split("\n"):
        for m in find_dates(line):
            assert m.text == line[m.start : m.end]
            assert not re.search(r"2,354|C-130|TZ-25C|SU-25|1–0|600 km|3am|\d\]", m.text)


def test_seed_001_no_date_in_numbers() -> None:
    text = seed("001")
    for fragment in ("2,354 tons", "C-130 Hercules", "registration number TZ-25C", "a 1–0 win", "600 km from"):
        i = text.index(fragment)
        assert find_dates(text[i : i + len(fragment)]) == [], fragment


def test_seed_001_resolution() -> None:
    sentences = seed_sentences("001")
    _, in_force, problems = resolve_dates(sentences)

    def at(quote: str) -> tuple[str, str]:
        d = date_in_force(sentences, in_force, quote)
        return d.iso, d.precision

    assert at("The following day, it proclaimed") == ("2012-04-06", "day")
    assert at("In early June, Nigerien president") == ("2012-06", "month")
    assert at("By 8 February, the Islamist-held") == ("2013-02-08", "day")
    assert at("The next morning, Captain Amadou Sanogo") == ("2012-03-22", "day")
    assert at("On 28 February, Algerian television") == ("2013-02-28", "day")
    assert at("On 19 September, the CMA said") == ("2023-09-19", "day")  # not 2015 (the 2015 agreement)
    assert at("Tessalit was also recaptured") == ("2023-12", "month")  # not 2012 ("lost in 2012")
    assert at("The MNLA ended the ceasefire in September") == ("2013-09", "month")  # not 2018 (maintenance notice)
    assert at("ECOWAS adopted heavy sanctions on 9 January") == ("2022-01-09", "day")
    assert at("the Islamic State in the Greater Sahara attacked on 8 and 9 March") == ("2022-03", "month")
    # narrative jumps: never a wrong year
    assert at("On 9 February, Wagner and Malian forces") == ("", "unknown")
    assert at("On 17 January, a Chadian MINUSMA") == ("", "unknown")
    assert at("On 17 March, at least 33 soldiers") == ("", "unknown")
    assert at("By December, the now displaced MNLA") == ("", "unknown")
    # range heading: bounded, no year
    d = date_in_force(sentences, in_force, "On 20 February, Germany and France")
    assert (d.iso, d.earliest, d.latest) == ("", "2014-02-20", "2015-02-20")
    assert all(p.skipped is False for p in problems)


def test_seed_003_anchor_and_summaries() -> None:
    sentences = seed_sentences("003", scope_from="Related Research Articles")
    per, in_force, _ = resolve_dates(sentences, anchor="January 27, 2018")

    def at(quote: str) -> str:
        return date_in_force(sentences, in_force, quote).iso

    assert at("attacked on the morning of January 27") == "2018-01-27"
    assert at("JNIM claimed responsibility for the attack on January 29") == "2018-01-29"
    assert at("between September 30 and October 1, 2019") == "2019"
    assert at("making it the deadliest attack for the Malian army since") == "2019"  # not 2014
    assert at("A raid in retribution the following day") == "2020-04-07"
    assert at("since its inception that month") == "2017-03"
    assert at("took power in a coup in August") == "2020-08"
    assert at("Ba Ag Moussa was a Malian militant") == ""  # a new scope: nothing carries over


def test_seed_000_004_infobox_anchor() -> None:
    s0 = seed_sentences("000")
    text0 = seed("000")
    i = text0.index("May 23, 2006 Democratic Alliance for Change")
    _, in_force, _ = resolve_dates(s0, anchor="December 20, 2008", ignore=[(i, i + 43)])
    assert date_in_force(s0, in_force, "On December 20, ATNM fighters").iso == "2008-12-20"
    assert date_in_force(s0, in_force, "The Malian Ministry of Defense").iso == "2008-12-20"  # the attack's toll
    s4 = seed_sentences("004")
    _, in_force, _ = resolve_dates(s4, anchor="November 8, 2013")
    assert date_in_force(s4, in_force, "Ménaka Region, on November 8.").iso == "2013-11-08"


# -- properties ------------------------------------------------------------------------------

FRAGMENTS = st.sampled_from(
    [
        "On", "17", "January", "2012", ",", "the", "following", "day", "between", "and", "8", "–", "-",
        "mid", "early", "late", "by", "By", "since", "that", "same", "month", "year", "days", "later",
        "two", "weeks", "of", "night", "Monday", "Feb", "Sept.", "2,354", "C-130", "[12]", "in", "In",
        "During", "as", "of", "Starting", "first", "half", "31", "30", "February", "December", "1999",
        "2099", "1900", "2100", "0", "29", "Date", "May", "the next", "previous", ".", "(", ")", "mid-",
        "2012-06-08", "2013-02-29", "32", "October", "November", "to", "until", "As of",
        "later", "Later", "earlier", "a", "few", "several", "one", "three", "afterwards", "week",
        "weeks", "months", "following", "next", "That", "from", "8th", "morning", "end", "Sunday,",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from(["", " ", "  ", ", ", "\n", "\u00a0"])


@st.composite
def date_soup(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(FRAGMENTS, SEPARATORS), max_size=25))
    return "".join(a + b for a, b in parts)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=200), date_soup()), st.integers(min_value=0, max_value=10_000))
def test_find_dates_never_raises_and_slices(text: str, offset: int) -> None:
    for m in find_dates(text, offset=offset):
        assert m.text == text[m.start - offset : m.end - offset]
        assert m.start < m.end
        assert m.relative or m.year is not None or m.month is not None


# after a preposition that opens a date, capitalised names and the capitalised words the filter reads
# apart (the same words in lower case, "by yesterday", "by monday", still lose their preposition: the
# filter has never let them keep it)
AFTER_PREPOSITIONS = st.sampled_from(["Ansar", "Gao", "At", "AT", "the", "Yesterday", "Tuesday", "Thursdays",
                                      "During", "Mali", "Janvier", "Ju", "Wed", "Sat", "Sun", "Fri", "Mon", "Dec",
                                      "Aug"])


@st.composite
def prepositions_soup(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(st.one_of(FRAGMENTS, AFTER_PREPOSITIONS), SEPARATORS), max_size=25))
    return "".join(a + b for a, b in parts)


@settings(max_examples=300)
@given(st.one_of(date_soup(), prepositions_soup()))
def test_start_filter_never_drops_a_match(text: str) -> None:
    # The cheap start filter must find exactly what the full grammar alone finds.
    alternatives = "|".join(f"(?P<{n}>{p})" for n, p in mentions_module._ALTERNATIVES)
    unfiltered = re.compile(mentions_module._PREP + "(?:" + alternatives + ")")
    expected = [m.span() for m in unfiltered.finditer(text)]
    assert mentions_module._may_hold_a_date(text) or not expected  # the cheap gate never hides a date
    assert [m.span() for m in mentions_module._labelled_re().finditer(text)] == expected
    assert [m.span() for m in mentions_module._matches(text)] == expected
    # the grammar without the "Date" label's lookbehinds finds the same in any text without the label
    unlabelled = text.replace("Date", "Data")
    assert [m.span() for m in mentions_module._UNLABELLED_RE.finditer(unlabelled)] == \
        [m.span() for m in unfiltered.finditer(unlabelled)]


@pytest.mark.parametrize("text", ["the following DAY", "ye\u017fterday", "that same wee\u212a", "last n\u0130ght",
                                  "during the ambu\u017fh", "at the time of the attac\u212a", "the previous Year"])
def test_dates_without_digits_or_months_pass_the_gate(text: str) -> None:
    found = [m.span() for m in mentions_module._labelled_re().finditer(text)]
    assert found and mentions_module._may_hold_a_date(text) and [m.span() for m in mentions_module._matches(text)] == found


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_written_dates_round_trip(d: date) -> None:
    for text in (f"{d.day} {MONTHS[d.month - 1]} {d.year}", f"{MONTHS[d.month - 1]} {d.day}, {d.year}", d.isoformat()):
        (m,) = find_dates(f"On {text}, it happened.")
        assert (m.year, m.month, m.day, m.text) == (d.year, d.month, d.day, text)
        per, _, _ = resolve(f"On {text}, it happened.")
        assert per[0][0].iso == d.isoformat()


@given(st.dates(min_value=date(1, 1, 1), max_value=date(9998, 12, 31)), st.sampled_from(["day", "month", "year"]))
def test_parse_iso_round_trips(d: date, precision: str) -> None:
    iso = {"day": d.isoformat(), "month": d.isoformat()[:7], "year": d.isoformat()[:4]}[precision]
    every = (1, 9998)  # any year the calendar arithmetic can carry; the plausible years are tested apart
    parsed = parse_iso(iso, years=every)
    assert (parsed.iso, parsed.precision) == (iso, precision)
    assert parsed.earliest <= d.isoformat() <= parsed.latest
    assert parse_iso(parsed.iso, years=every) == parsed


@st.composite
def narratives(draw: st.DrawFn) -> list[Sentence]:
    sections = st.sampled_from(["", "2013", "2014–2015: Regroup", "Battle (2023–present)", "Aftermath"])
    items = []
    for _ in range(draw(st.integers(min_value=1, max_value=8))):
        items.append((draw(date_soup()), {"section": draw(sections), "scope": draw(st.integers(0, 2))}))
    return narrative(*items)


@settings(max_examples=200)
@given(narratives(), st.sampled_from(["", "December 20, 2008", "2012", "Unknown"]))
def test_resolved_dates_are_consistent(sentences: list[Sentence], anchor: str) -> None:
    per, in_force, problems = resolve_dates(sentences, anchor=anchor)
    assert set(per) == set(in_force) == {s.index for s in sentences}
    for d in [d for ds in per.values() for d in ds] + list(in_force.values()):
        assert d.precision in PRECISIONS
        assert (d.iso == "") == (d.precision == "unknown")
        if d.earliest and d.latest:
            assert d.earliest <= d.latest
        if d.iso and d.earliest:
            assert d.earliest[: len(d.iso)] >= d.iso[:4]  # the interval starts in the stated year or later
        if d.iso:
            parse_iso(d.iso)  # well-formed
    for p in problems:
        assert isinstance(p, Problem) and p.path == "story.txt"


def test_a_retrospective_sentence_does_not_take_the_year_in_force():
    from actors.text.documents import parse_document
    from actors.text.dates import resolve_dates

    doc = parse_document("r.txt", "On 15 August 2022 the French left.\nThe MNLA was an offshoot of the MNA prior to "
                         "the insurgency.\nThe MNLA attacked Gao.\n")
    _, in_force, _ = resolve_dates(doc.sentences)
    assert [in_force[s.index].iso for s in doc.sentences] == ["2022-08-15", "", "2022"]


@pytest.mark.parametrize("text,dates", [
    # a name's period, as conflict-event datasets name state forces: not a date of the sentence
    ("On 3 May 2021 Military Forces of Mali (2021-) clashed with rebels.", ["3 May 2021"]),
    ("Military Forces of Burkina Faso (2015-2022) and militiamen clashed in 2021.", ["2021"]),
    ("Operation Serval (2013–2014) preceded Barkhane.", []),
    # a title's period at the end of its line, and a bracketed year or range after a common noun, stay dates
    ("Northern Mali conflict (2012-2013)\nIn 2013 troops arrived.", ["2012", "2013", "2013"]),  # "In 2013": a year
    ("the fighting (2012-2013) spread", ["2012", "2013"]),
    ("The war (2012) began.", ["2012"]),
])
def test_a_names_period_in_brackets_is_no_date(text: str, dates: list[str]) -> None:
    assert [d.text for d in find_dates(text)] == dates


def test_a_range_opening_a_sentence_leaves_its_end_in_force():
    # "From 2012 to the end of 2017, ...": what follows is told at the range's end, not its start;
    # a year further in that closes no range stays background
    from actors.text.documents import parse_document
    from actors.text.dates import resolve_dates

    doc = parse_document("r.txt", "JNIM formed in 2017.\nFrom 2012 to the end of 2017, the US spent money.\n"
                         "Niger patrolled with Chad.\nIn 2016 the MNLA, founded in 2011, attacked Gao.\nIt left.\n")
    _, in_force, _ = resolve_dates(doc.sentences)
    assert [in_force[s.index].iso for s in doc.sentences] == ["2017", "2012", "2017", "2016", "2016"]

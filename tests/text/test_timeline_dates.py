"""Dates in timelines and in passing: year lines, timeline items, impossible dates.

Invented documents, small enough to check by hand (../shared/annotation.md, "Dates"):
a "November 28 – ..." item under a year heading takes that year; its later
sentences take the item's date; no item borrows a date from another; a year
named in passing does not change the year in force; an impossible date leaves
its relation undated, with a problem, and no other year stands in.
"""

from __future__ import annotations

import pytest

from actors.extract.pipeline import extract
from actors.text.date_layout import heading_years, is_year_line, item_opener
from actors.text.dates import resolve_dates
from actors.text.documents import parse_document


def dated(text: str, name: str = "t.txt"):
    """(sentence text, ISO in force, inherited) per sentence, and the problems."""
    doc = parse_document(name, text)
    _, in_force, problems = resolve_dates(doc.sentences, text=doc.text)
    return [(s.text, in_force[s.index].iso, in_force[s.index].inherited) for s in doc.sentences], problems


def edges(text: str) -> list[tuple]:
    x = extract([parse_document("t.txt", text)])
    return [(e["source"], e["relation"], e["target"], e["date"], e["date_precision"]) for e in x.edges], x.problems


TIMELINE = """Armed conflict in the region, a digest

2015

December 20 – A convoy is stopped near a river crossing. Nobody is hurt.

December 23 – An overnight raid hits a border post. Two guards die.

A note without a date of its own.

December 27 – Talks resume in the capital.
"""


# -- layout helpers -----------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("November 28 – Fighting resumes.", "November 28"),
    ("28 November: Fighting resumes.", "28 November"),
    ("28 November 2013 – Fighting resumes.", "28 November 2013"),
    ("- November 28 – Fighting resumes.", "November 28"),
])
def test_item_opener_finds_the_leading_date(text: str, expected: str) -> None:
    found = item_opener(text)
    assert found is not None and found[0].text == expected and found[1] is False


@pytest.mark.parametrize("text", [
    "On 28 November, fighting resumed.",
    "Fighting resumed on November 28 – a Sunday.",
    "The next day – fighting resumed.",
    "2013 – a year of war.",
])
def test_item_opener_needs_a_date_then_a_dash_at_the_start(text: str) -> None:
    assert item_opener(text) is None


def test_item_opener_flags_an_impossible_leading_date() -> None:
    found = item_opener("February 30 – Fighting resumes.")
    assert found is not None and found[1] is True


def test_year_lines_and_headings() -> None:
    assert is_year_line("2015") and is_year_line(" 2015: ")
    assert not is_year_line("In 2015, X.") and not is_year_line("2015 was a hard year.")
    assert heading_years("2013") == (2013, 2013)
    assert heading_years("2014–2015: Insurgents regroup") == (2014, 2015)


# -- timeline items --------------------------------------------------------------------


def test_items_take_the_year_line_and_their_later_sentences_the_item_date() -> None:
    got, problems = dated(TIMELINE)
    by_text = {t: (iso, inherited) for t, iso, inherited in got}
    assert by_text["December 20 – A convoy is stopped near a river crossing."] == ("2015-12-20", False)
    assert by_text["Nobody is hurt."] == ("2015-12-20", True)
    assert by_text["Two guards die."] == ("2015-12-23", True)
    assert by_text["December 27 – Talks resume in the capital."] == ("2015-12-27", False)
    assert problems == []


def test_a_paragraph_that_is_no_item_borrows_no_item_date() -> None:
    got, _ = dated(TIMELINE)
    assert ("A note without a date of its own.", "2015", True) in got  # the year line's year, no day


def test_an_item_date_in_passing_does_not_reach_the_next_item() -> None:
    text = ("2017\n\nAugust 17 – A court rules on damages. A fund is to decide until 16 February 2018 how to pay."
            "\n\nAugust 20 – A patrol is ambushed. Three soldiers die.\n")
    got, problems = dated(text)
    iso = {t: d for t, d, _ in got}
    assert iso["A fund is to decide until 16 February 2018 how to pay."] == "2018-02-16"
    assert iso["August 20 – A patrol is ambushed."] == "2017-08-20"
    assert iso["Three soldiers die."] == "2017-08-20"
    assert problems == []


def test_items_under_a_year_heading_may_run_backwards() -> None:
    text = "2016\n\nDecember 5 – A market is shelled.\n\nMarch 2 – A bridge is blown up.\n"
    got, problems = dated(text)
    assert [d for _, d, _ in got] == ["2016", "2016-12-05", "2016-03-02"]
    assert problems == []


def test_a_markdown_year_heading_dates_its_items() -> None:
    text = "# A digest\n\n## 2014\n\nMay 17 – A checkpoint is attacked. Four police officers die.\n"
    got, _ = dated(text, name="t.md")
    assert [d for _, d, _ in got] == ["2014-05-17", "2014-05-17"]


def test_without_a_year_items_stay_undated() -> None:
    got, _ = dated("A digest.\n\nMay 17 – A checkpoint is attacked. Four police officers die.\n")
    assert [d for _, d, _ in got] == ["", "", ""]


def test_relations_of_an_item_take_its_date() -> None:
    text = ("2014\n\nMay 3 – A bomb goes off in a market. Later, MUJAO fighters ambushed Malian soldiers "
            "near the town.\n\nMay 9 – The MNLA attacked Malian soldiers.\n")
    rows, _ = edges(text)
    assert ("mojwa", "fought-against", "mali", "2014-05-03", "day") in rows
    assert ("mnla", "fought-against", "mali", "2014-05-09", "day") in rows


# -- years named in passing -------------------------------------------------------------


@pytest.mark.parametrize("passing", [
    "Back in October, the town had been quiet.",
    "The convoy was hit near the site of the March 2016 attack.",
    "The post has been held by the army since March 2007.",
])
def test_a_date_in_passing_does_not_change_the_year_in_force(passing: str) -> None:
    text = f"On 5 January 2014, a patrol left the base.\n{passing}\nOn 20 January, the patrol returned.\n"
    got, problems = dated(text)
    assert got[2][1] == "2014-01-20"
    assert not [p for p in problems if "no longer in force" in p.what]


def test_a_framing_since_still_sets_the_year() -> None:
    got, _ = dated("Since June 2012, the militia has held the town.\nOn 3 July, it lost a checkpoint.\n")
    assert got[1][1] == "2012-07-03"


def test_a_previously_unknown_group_is_not_a_look_back() -> None:
    got, _ = dated("2013\n\nJanuary 16 – A gas plant is seized. A previously unknown group says it acted.\n")
    assert got[-1][1:] == ("2013-01-16", True)


# -- impossible dates --------------------------------------------------------------------


@pytest.mark.parametrize("words", ["31 February 2013", "99 March 2013", "30 February"])
def test_an_impossible_date_leaves_the_relation_undated(words: str) -> None:
    text = f"In 2013, the war went on.\nOn {words}, the MNLA attacked Malian soldiers.\n"
    rows, problems = edges(text)
    assert rows == [("mnla", "fought-against", "mali", "", "unknown")]
    (p,) = [p for p in problems if "impossible" in p.what]
    assert p.path == "t.txt" and p.where.startswith("line 2, column 4 (sentence 1, chars") and words in p.what
    assert not p.skipped  # the relation is kept, undated


def test_an_impossible_item_date_leaves_the_whole_item_undated() -> None:
    text = "2013\n\nFebruary 30 – A raid is reported. The MNLA attacked Malian soldiers.\n\nMarch 2 – Calm returns.\n"
    got, problems = dated(text)
    assert [d for _, d, _ in got] == ["2013", "", "", "2013-03-02"]
    assert len([p for p in problems if "impossible" in p.what]) == 1


def test_a_year_page_puts_its_year_in_force() -> None:
    # a year page's title ("2024 in Burkina Faso") and its lead ("Events in the year 2024 in Mali.")
    assert heading_years("2024 in Burkina Faso") == (2024, 2024)
    rows, _ = dated("Events in the year 2024 in Mali.\n\nMarch\n\n7 March – A joint force is announced.\n\n"
                    "A note without a date of its own.\n")
    assert [iso for _, iso, _ in rows] == ["2024", "2024-03-07", "2024"]  # "March" alone is a heading


def test_an_item_opened_by_a_date_and_a_colon_is_dated_and_a_clock_time_is_not_a_date() -> None:
    rows, _ = dated("2023\n\nSeptember 16: A pact is signed.\n\nAt 16:30 a note is read.\n")
    assert [iso for _, iso, _ in rows][1:] == ["2023-09-16", "2023"]


def test_a_page_opening_with_its_date_alone_puts_its_year_in_force() -> None:
    got, _ = edges("28 January 2013\n\nThe north in brief\n\nMalian troops backed by French troops pushed "
                   "north on Monday (January 28th).\n\nFrench troops later helped Malian troops.\n")
    assert [(d, p) for *_, d, p in got] == [("2013-01-28", "day"), ("2013", "year")]
    # a title that is more than a date is a title
    got, _ = edges("Mali, 28 January 2013\n\nMalian troops backed by French troops pushed north on January 28th.\n")
    assert [(d, p) for *_, d, p in got] == [("", "unknown")]


def test_an_indented_aside_puts_nothing_in_force_for_the_prose_after_it() -> None:
    text = ("Mali in 2012\n\nThe year 2012 was hard. On March 21 soldiers mutinied.\n\n"
            "    A press conference in Bamako on Sept. 20, 2012, drew a crowd.\n\n"
            "On April 6 the rebels declared independence.\n")
    rows, problems = dated(text)
    assert [iso for _, iso, _ in rows] == ["2012", "2012-03-21", "2012-09-20", "2012-04-06"]
    assert not problems
    # a document indented throughout is prose: its dates carry on
    rows, _ = dated("  On 21 March 2012, soldiers mutinied.\n\n  On April 6 the rebels declared independence.\n")
    assert [iso for _, iso, _ in rows] == ["2012-03-21", "2012-04-06"]


@pytest.mark.parametrize("words,iso", [("Last week,", "2023-09"), ("Earlier this month,", "2023-09"),
                                       ("Last year,", "2022"), ("This year,", "2023")])
def test_a_report_counts_its_present_from_its_dateline(words, iso) -> None:
    rows, _ = dated(f"BAMAKO, 18 September 2023 (AFP) - {words} the rebels seized a town.\n")
    assert rows[0][1] == iso
    # "the last year of the war" counts nothing
    rows, _ = dated("BAMAKO, 18 September 2023 (AFP) - It was the last year of the war.\n")
    assert rows[0][1] == "2023"


def test_a_report_dateline_is_the_reference_not_an_event_date_and_a_weekday_is_near_it() -> None:
    rows, _ = dated("BAMAKO, 18 September 2023 (AFP) - The leaders signed a pact on Saturday.\n\n"
                    "The pact had been discussed for months.\n")
    # "on Saturday" in a report filed on Monday 18 September 2023: the Saturday before, the 16th;
    # the next sentence: the year
    assert [iso for _, iso, _ in rows] == ["2023-09-16", "2023"]
    rows, _ = dated("BAMAKO, 18 September 2023 (AFP) - The leaders met on Monday.\n")
    assert [iso for _, iso, _ in rows] == ["2023-09-18"]  # the day itself
    rows, _ = dated("BAMAKO, 18 September 2023 (AFP) - The leaders signed a pact.\n")
    assert [iso for _, iso, _ in rows] == ["2023"]  # the day the report was filed dates nothing told
    rows, _ = dated("On Saturday the leaders signed a pact.\n")
    assert [iso for _, iso, _ in rows] == [""]  # a weekday with no dated day to count from


def test_a_month_before_a_reports_filing_day_is_of_its_year() -> None:
    # "In January" in a report filed in July is that January; the narrative's 92-day backward
    # check is for dates told after other dates, not for a report's recent past
    rows, problems = dated("BAMAKO, 6 July 2024 (AFP) - The leaders met on Saturday. "
                           "In January, the three states announced they were leaving the bloc.\n")
    assert [iso for _, iso, _ in rows] == ["2024-07-06", "2024-01"]
    assert not problems
    # a month after the filing day by more than half a year is no recent past: unknown, no year guessed
    rows, _ = dated("BAMAKO, 6 March 2024 (AFP) - The leaders met. In November, the states left the bloc.\n")
    assert [iso for _, iso, _ in rows] == ["2024", ""]
    # once another date is told, the narrative's checks hold again (five months back: undated)
    rows, _ = dated("BAMAKO, 6 July 2024 (AFP) - On 20 June the rebels took a town. In January, the army left it.\n")
    assert [iso for _, iso, _ in rows] == ["2024-06-20", ""]


def test_since_a_year_after_a_perfect_is_when_it_began_and_puts_nothing_in_force() -> None:
    # "has been supporting ... since 2022": the relation told began in 2022 (its own date)
    rows, _ = dated("BAMAKO, 6 July 2024 (AFP) - Wagner has been supporting the junta since 2022.\n")
    assert [iso for _, iso, _ in rows] == ["2022"]
    rows, _ = dated("In 2019 the war went on. Since 2015, the country has been embroiled in an insurgency. "
                    "On 3 May, the army attacked.\n")
    assert [iso for _, iso, _ in rows] == ["2019", "2015", "2019-05-03"]
    # a point of comparison dates nothing: "the deadliest since 2012"
    rows, _ = dated("In 2019 the war went on. It was the deadliest attack the army has been through since 2012.\n")
    assert [iso for _, iso, _ in rows] == ["2019", "2019"]

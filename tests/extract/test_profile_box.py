"""A group's profile box (actors.extract.profile_box): invented pages in the layouts scraped pages have."""

from __future__ import annotations

import pytest

from actors.extract.pipeline import Extractor, extract
from actors.text.documents import parse_document
from named_edges import ally, fight, member, named


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load()


def edges(extractor, text: str) -> set[tuple]:
    return named(extractor, extract([parse_document("g.txt", text)], extractor=extractor).edges)


def test_label_and_value_on_one_line_with_one_item_a_line_after(extractor):
    text = ("Ansar Dine\nLeaders Iyad Ag Ghaly\nPart of Jama'at Nasr al-Islam wal Muslimin\n"
            "Allies AQIM\nMOJWA (2012)\nOpponents Mali\nFrance\nMNLA (since 2012)\nBattles and wars Mali War\n\n"
            "Ansar Dine is a group of the Sahel.\n")
    assert edges(extractor, text) == {
        member("ansar-dine", "jnim", "member"), ally("ansar-dine", "aqim", "alliance"),
        ally("ansar-dine", "mojwa", "alliance"), fight("ansar-dine", "mali"), fight("ansar-dine", "france"),
        fight("ansar-dine", "mnla")}


def test_a_pipe_table_and_a_value_on_the_next_line(extractor):
    text = ("The group began in 2013.\nAl-Mourabitoun | |\nActive | 2013 |\nPart of |\nAl-Qaeda |\n"
            "Originated as |\nMOJWA al-Mulathameen |\nBecame | JNIM |\n")
    assert edges(extractor, text) == {
        member("al-mourabitoun", "al-qaeda", "member"), member("mojwa", "al-mourabitoun", "merger"),
        member("al-mulathameen", "al-mourabitoun", "merger"), member("al-mourabitoun", "jnim", "merger")}


def test_an_alleged_ally_is_alleged_and_the_rows_are_undated(extractor):
    text = "MNLA\nAllies Ansar Dine\nAQIM (alleged)\n"
    rows = extract([parse_document("g.txt", text)], extractor=extractor).edges
    assert {(e["target"], e["status"], e["date"]) for e in rows} == {("ansar-dine", "reported", ""),
                                                                       ("aqim", "alleged", "")}


def test_no_box_without_a_group_named_on_its_own_line_or_in_prose(extractor):
    # a battle's page names a war it is part of, no group of its own
    assert edges(extractor, "Battle of the Well\nPart of the Mali War\nDate 2015\n") == set()
    # prose that opens with a label word is no box row
    assert edges(extractor, "JNIM\n\nAllies said on Monday that France and Mali met in Bamako.\n") == set()


def test_glued_labels_labels_with_brackets_and_blank_lines_between_items(extractor):
    text = ("Imghad Tuareg Self-Defense Group and Allies\nPart ofPlatform\nAlliesState allies\n\nNon-state allies\n\n"
            "Opponent(s) Al-Qaeda\n\n ISIL\n\n  • Islamic State in the Greater Sahara\nBattles and war(s)Mali War\n")
    assert edges(extractor, text) == {
        member("gatia", "platform", "member"), fight("al-qaeda", "gatia"), fight("gatia", "islamic-state"),
        fight("gatia", "isgs")}


def test_an_items_own_period_dates_its_relation_from_its_start(extractor):
    text = ("MNLA\nAllies Libya (2011–2012)\nOpponents Mali\nAnsar Dine (since June 2012)\n"
            "MOJWA (until 2013)\n")
    x = extract([parse_document("g.txt", text)], extractor=extractor)
    dates = {(e["target"], e["date"], e["date_precision"]) for e in x.edges}
    assert dates == {("libya", "2011", "year"), ("mali", "", "unknown"), ("ansar-dine", "2012-06", "month"),
                     ("mojwa", "", "unknown")}  # an end ("until 2013") tells no start


def test_split_from_and_component_rows(extractor):
    text = ("Islamic State West Africa Province\nSplit from Boko Haram\n"
            "Group(s) Islamic State in the Greater Sahara (2019–2022)\nSize c. 5,000 (2019)\nPart of Islamic State\n"
            "Opponents Nigeria\n\nISWAP fights an insurgency against Chad.\n")
    x = extract([parse_document("g.txt", text)], extractor=extractor)
    got = {(e["source"], e["relation"], e["target"], e["date"]) for e in x.edges}
    assert ("iswap", "split-from", "boko-haram", "") in got
    assert ("isgs", "member-of", "iswap", "2019") in got  # the member's own period
    # the box's "(2019)" puts no year in force for the prose after it
    assert ("iswap", "fought-against", "chad", "") in got

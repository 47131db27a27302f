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

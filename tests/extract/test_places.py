"""Places inside a state (data/places.toml): whose army a sentence's place names, never an actor."""

from __future__ import annotations

import named_edges
import pytest
from named_edges import fight

from actors.errors import DataFileError
from actors.extract.dictionary import load_dictionary
from actors.extract.pipeline import extract
from actors.extract.places import load_places
from actors.text.documents import parse_document


named = named_edges.sentence_named


CASES = [
    ("Clashes between JNIM and the army erupted near Boulkessi.", {fight("jnim", "mali")}),
    ("JNIM attacked an army camp in Dioura.", {fight("jnim", "mali")}),
    ("ISGS militants attacked FDS positions in Tabatol (Tillaberi).", {fight("isgs", "niger")}),
    # two states' places: nobody's army
    ("JNIM fighters crossed from Djibo and attacked the army near Boulkessi.", {fight("jnim", "mali")}),
    ("JNIM attacked the army between Djibo and Boulkessi.", set()),
    # a place is never an actor, and only where the text capitalises it
    ("Fighting went on in Gao.", set()),
    ("JNIM attacked the army in the kita region.", set()),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_a_place_tells_whose_army(extractor, text, expected):
    assert named(extractor, text) == expected


def test_every_place_has_one_state(tmp_path):
    bad = tmp_path / "places.toml"
    bad.write_text('[[places]]\nstate = "mali"\nnames = ["Gao"]\n\n[[places]]\nstate = "niger"\nnames = ["gao"]\n')
    with pytest.raises(DataFileError, match=r"places.toml: \[\[places\]\] #2: 'gao' is already a place of 'mali'"):
        load_places(load_dictionary(), bad)


def test_a_place_belongs_to_a_state_of_the_dictionary(tmp_path):
    bad = tmp_path / "places.toml"
    bad.write_text('[[places]]\nstate = "jnim"\nnames = ["Gao"]\n')
    with pytest.raises(DataFileError, match="state 'jnim' is not a state"):
        load_places(load_dictionary(), bad)


def test_the_packaged_places_load():
    places = load_places(load_dictionary())
    assert places[("menaka",)] == "mali" and places[("djibo",)] == "burkina-faso"


def titled(extractor, title: str, text: str) -> set[tuple]:
    doc = parse_document("t.txt", f"{title}\n\n{text}\n")
    return named_edges.named(extractor, extract([doc], extractor=extractor).edges)


def test_the_country_a_title_names_owns_the_government_a_sentence_leaves_unplaced(extractor):
    text = "In 2012 Ansar Dine began fighting the government."
    assert titled(extractor, "Mali in 2012", text) == {fight("ansar-dine", "mali")}
    assert titled(extractor, "Battle of Boulkessi", text) == {fight("ansar-dine", "mali")}
    # a title naming two countries, or a sentence naming another state or place, leaves it open
    assert titled(extractor, "Mali and Niger in 2012", text) == set()
    assert titled(extractor, "Mali in 2012", "In 2012 Ansar Dine fought the government near Djibo.") == \
        {fight("ansar-dine", "burkina-faso")}
    assert titled(extractor, "Mali in 2012", "In 2012 French troops and the army fought Ansar Dine.") == \
        {fight("ansar-dine", "france")}

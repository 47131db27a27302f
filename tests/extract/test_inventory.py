"""The actor inventory for real reporting: every state, the missions, the Sahel's armed groups.

Sentences here are invented, about generic situations; the answers can be
checked by hand against ``actors/data/actors.toml`` and ``states.toml``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from actors.errors import DataFileError
from actors.extract.dictionary import load_dictionary
from actors.extract.matcher import build_matcher
from actors.extract.mentions import find_mentions
from actors.extract.pipeline import Extractor, extract
from actors.text.documents import parse_document
from actors.text.tokens import tokenize

D = dt.date
DATA = Path(__file__).resolve().parents[2] / "actors" / "data"


@pytest.fixture(scope="module")
def real():
    return load_dictionary()


@pytest.fixture(scope="module")
def matcher(real):
    return build_matcher(real)


def mentions(matcher, text: str, day: dt.date | None = None) -> list[tuple[str, str]]:
    """(actor, words) of each party mention of one sentence, dated ``day`` if given."""
    found = find_mentions(matcher, tokenize(text), text=text, day_range=(day, day) if day else None)
    return [(m.actor, m.text) for m in found if m.role == "party"]


def actors_in(matcher, text: str, day: dt.date | None = None) -> list[str]:
    return [a for a, _ in mentions(matcher, text, day)]


# -- every state ---------------------------------------------------------------

# The 193 UN member states, by the ids of the dictionary (the Sahel's own and the
# seeds' contributors in actors.toml, the rest in states.toml).
UN_MEMBERS = """
afghanistan albania algeria andorra angola antigua-and-barbuda argentina armenia australia austria
azerbaijan bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia
bosnia-and-herzegovina botswana brazil brunei bulgaria burkina-faso burundi cabo-verde cambodia
cameroon canada central-african-republic chad chile china colombia comoros republic-of-the-congo
costa-rica ivory-coast croatia cuba cyprus czechia dr-congo denmark djibouti dominica
dominican-republic ecuador egypt el-salvador equatorial-guinea eritrea estonia eswatini ethiopia fiji
finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guinea-bissau guyana
haiti honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
kazakhstan kenya kiribati kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya liechtenstein
lithuania luxembourg madagascar malawi malaysia maldives mali malta marshall-islands mauritania
mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia nauru
nepal netherlands new-zealand nicaragua niger nigeria north-korea north-macedonia norway oman pakistan
palau panama papua-new-guinea paraguay peru philippines poland portugal qatar south-korea romania
russia rwanda saint-kitts-and-nevis saint-lucia saint-vincent-and-the-grenadines samoa san-marino
sao-tome-and-principe saudi-arabia senegal serbia seychelles sierra-leone singapore slovakia slovenia
solomon-islands somalia south-africa south-sudan spain sri-lanka sudan suriname sweden switzerland
syria tajikistan tanzania thailand timor-leste togo tonga trinidad-and-tobago tunisia turkey
turkmenistan tuvalu uganda ukraine united-arab-emirates united-kingdom united-states uruguay
uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe
""".split()


def test_every_un_member_observer_and_kosovo_taiwan_is_a_state(real) -> None:
    assert len(UN_MEMBERS) == len(set(UN_MEMBERS)) == 193
    for sid in UN_MEMBERS + ["holy-see", "palestine", "kosovo", "taiwan"]:
        actor = real.get(sid)
        assert actor is not None and actor.kind in ("foreign state", "state armed force"), sid
        assert "state" in actor.tags and actor.country_names, sid
    # the Sahrawi Republic is the Polisario Front's: its armed movement
    assert real.lookup("SADR").id == real.lookup("Polisario Front").id == "polisario"
    assert real.lookup("Western Sahara") is None  # the territory: a place


def test_states_live_in_their_own_file_loaded_with_the_dictionary(real) -> None:
    assert (DATA / "states.toml").is_file()
    assert real.source.endswith("actors.toml")
    assert real.lookup("Togolese").id == "togo" and real.lookup("Vanuatu").id == "vanuatu"


@pytest.mark.parametrize(("text", "expected"), [
    ("Togolese peacekeepers were wounded.", [("togo", "Togolese peacekeepers")]),
    ("Ivorian special forces moved north.", [("ivory-coast", "Ivorian special forces")]),
    ("Burkinabe gendarmes and Burkinabè police held the road.",
     [("burkina-faso", "Burkinabe gendarmes"), ("burkina-faso", "Burkinabè police")]),
    ("US soldiers and U.S. troops were deployed.", [("united-states", "US soldiers"), ("united-states", "U.S. troops")]),
    ("A Dutch helicopter landed.", [("netherlands", "Dutch helicopter")]),
    ("Emirati drones flew over the border.", [("united-arab-emirates", "Emirati drones")]),
    ("American troops left.", [("united-states", "American troops")]),
    ("Ghanaian and Beninese soldiers patrolled.", [("ghana", "Ghanaian"), ("benin", "Beninese soldiers")]),
    ("Guinean, Sierra Leonean and Bissau-Guinean battalions arrived.",
     [("guinea", "Guinean"), ("sierra-leone", "Sierra Leonean"), ("guinea-bissau", "Bissau-Guinean battalions")]),
    ("Egyptian blue helmets and a Jordanian contingent arrived.",
     [("egypt", "Egyptian blue helmets"), ("jordan", "Jordanian contingent")]),
    ("The Cameroonian army and Kenyan warplanes struck.",
     [("cameroon", "Cameroonian army"), ("kenya", "Kenyan warplanes")]),
    ("Ghana Armed Forces and the Kenya Defence Forces trained together.",
     [("ghana", "Ghana Armed Forces"), ("kenya", "Kenya Defence Forces")]),
    # (bare "troops" is a place-bound generic: it stands only once a place or the one state named resolves it)
    ("The Netherlands, the Gambia and Togo sent troops.",
     [("netherlands", "The Netherlands"), ("gambia", "the Gambia"), ("togo", "Togo"),
      ("generic-state-forces-by-place", "troops")]),
])
def test_demonym_and_force_noun_name_the_state(matcher, text, expected) -> None:
    assert mentions(matcher, text) == expected


@pytest.mark.parametrize(("name", "actor_id"), [
    ("Guinea", "guinea"), ("Guinea-Bissau", "guinea-bissau"), ("Equatorial Guinea", "equatorial-guinea"),
    ("Papua New Guinea", "papua-new-guinea"), ("Niger", "niger"), ("Nigeria", "nigeria"),
    ("Nigerien", "niger"), ("Nigerian", "nigeria"), ("Sudan", "sudan"), ("South Sudan", "south-sudan"),
    ("Sudanese", "sudan"), ("South Sudanese", "south-sudan"), ("Dominica", "dominica"),
    ("Dominican Republic", "dominican-republic"), ("DR Congo", "dr-congo"),
    ("Republic of the Congo", "republic-of-the-congo"), ("Democratic Republic of the Congo", "dr-congo"),
    ("Côte d'Ivoire", "ivory-coast"), ("Cote d'Ivoire", "ivory-coast"), ("Ivorians", "ivory-coast"),
    ("North Korea", "north-korea"), ("South Korean", "south-korea"), ("People's Republic of China", "china"),
    ("Republic of China", "taiwan"), ("Burma", "myanmar"), ("Swaziland", "eswatini"), ("Holland", "netherlands"),
    ("Dutch", "netherlands"), ("Emirati", "united-arab-emirates"), ("UAE", "united-arab-emirates"),
    ("Upper Volta", "burkina-faso"), ("Tchad", "chad"), ("Kosovar", "kosovo"), ("Taiwanese", "taiwan"),
])
def test_names_that_look_alike_go_to_their_own_state(real, name, actor_id) -> None:
    assert real.lookup(name).id == actor_id


@pytest.mark.parametrize("word", [
    "Congo", "Congolese", "Korea", "Korean", "America", "Fulani", "Arab", "Arabs", "Tuareg", "Peul",
    "Swazi", "Serb", "Croat", "Uzbek", "Palestinian", "Sahrawi", "Kurdish", "Berber", "Western Sahara",
    "Macedonia",
])
def test_ambiguous_and_ethnic_words_name_no_state(real, word) -> None:
    found = real.lookup(word)
    assert found is None or found.is_generic, (word, found and found.id)


def test_micronesia_only_by_its_full_name(real) -> None:
    assert real.get("micronesia").country_names == ("Federated States of Micronesia",)


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen attacked a hotel in the Ivory Coast town of Sable.", []),
    ("Aid came from the Central African Republic.", []),
    ("The rebels fled north of the Central African Republic.", []),
    ("The government of the Central African Republic sent troops.", ["central-african-republic"]),
    ("The hostages were nationals from Ireland, Japan and Norway.", []),
    ("The camp lies along the borders of Togo, Ghana and Benin.", []),
    ("Ghana, Togo and Benin sent troops.", ["ghana", "togo", "benin"]),
    ("Chad and the Netherlands signed the accord.", ["chad", "netherlands"]),
    ("Talks were held in the Netherlands.", []),
    ("Boats crossed the Gulf of Guinea.", []),
    ("The Niger Delta and the Congo River flooded.", []),
])
def test_a_country_used_as_a_place_is_not_an_actor(matcher, text, expected) -> None:
    assert [a for a in actors_in(matcher, text) if not a.startswith("generic-")] == expected


# -- missions and international bodies ----------------------------------------

@pytest.mark.parametrize(("name", "actor_id"), [
    ("MINUSMA", "minusma"), ("MISMA", "afisma"), ("AFISMA", "afisma"), ("EUTM Mali", "eutm"),
    ("EUCAP Sahel", "eucap-sahel"), ("EUCAP Sahel Niger", "eucap-sahel"),
    ("G5 Sahel Joint Force", "g5-sahel"), ("FC-G5S", "g5-sahel"), ("MNJTF", "mnjtf"),
    ("Multinational Joint Task Force", "mnjtf"), ("Task Force Takuba", "takuba"), ("ECOWAS", "ecowas"),
    ("ECOMOG", "ecowas"), ("African Union", "african-union"), ("United Nations", "united-nations"),
    ("UN peacekeeping mission in Mali", "minusma"), ("Operation Serval", "france"),
    ("Operation Barkhane", "france"), ("Operation Sabre", "france"), ("Sabre", "france"),
    ("Operation Sangaris", "france"), ("MONUSCO", "monusco"), ("MINUSCA", "minusca"),
    ("United Nations Mission in South Sudan", "unmiss"), ("AMISOM", "amisom"), ("NATO", "nato"),
])
def test_missions_and_bodies(real, name, actor_id) -> None:
    assert real.lookup(name).id == actor_id


def test_sabre_the_blade_is_no_operation(real) -> None:
    assert real.lookup("sabre") is None or "Sabre" in real.get("france").exact_aliases
    assert all(s.casefold() != "sabre" for s in real.get("france").aliases)


@pytest.mark.parametrize(("text", "day", "expected"), [
    # MINUSMA's mandate in Mali: 1 July 2013 to the end of 2023
    ("UN peacekeepers were ambushed.", D(2016, 5, 2), ["minusma"]),
    ("Blue helmets were ambushed.", D(2019, 1, 9), ["minusma"]),
    ("U.N. peacekeepers were ambushed.", D(2023, 12, 31), ["minusma"]),
    ("United Nations peacekeepers were ambushed.", D(2014, 2, 1), ["minusma"]),
    ("Mortars hit the UN camp.", D(2017, 3, 3), ["minusma"]),
    ("A UN convoy was hit.", D(2018, 8, 8), ["minusma"]),
    # outside it, what the words say: unresolved peacekeepers or the UN itself
    ("UN peacekeepers were ambushed.", D(2012, 5, 2), ["generic-peacekeepers"]),
    ("Blue helmets were ambushed.", D(2024, 6, 1), ["generic-peacekeepers"]),
    ("UN troops were ambushed.", D(2011, 6, 1), ["united-nations"]),
    ("UN peacekeepers were ambushed.", None, ["generic-peacekeepers"]),
])
def test_un_peacekeepers_are_minusma_during_its_mandate_only(matcher, text, day, expected) -> None:
    assert actors_in(matcher, text, day) == expected


def test_french_un_is_never_the_un_camp(matcher) -> None:
    # "un camp" is French for "a camp": only "the UN camp" is bound to MINUSMA
    assert actors_in(matcher, "Attaque contre un camp militaire", D(2016, 5, 2)) == []


# -- juntas: whoever held power, at that date -----------------------------------

@pytest.mark.parametrize(("text", "day", "expected"), [
    ("The CNSP dissolved the assembly.", D(2020, 9, 1), ["mali"]),
    ("The CNSP dissolved the assembly.", D(2023, 8, 10), ["niger"]),
    ("The CNSP dissolved the assembly.", D(2017, 8, 10), []),
    ("The Burkinabe junta closed the border.", D(2015, 9, 19), ["presidential-guard"]),
    ("The Burkinabe junta closed the border.", D(2022, 6, 1), ["burkina-faso"]),
    ("The Burkinabe junta closed the border.", D(2018, 6, 1), []),
    ("The junta closed the border.", D(2015, 9, 19), ["presidential-guard"]),
    ("The junta closed the border.", D(2014, 11, 5), ["burkina-faso"]),
    ("The Nigerien junta closed the border.", D(2023, 9, 1), ["niger"]),
    ("The Nigerien junta closed the border.", D(2019, 9, 1), []),
    ("The Chadian junta closed the border.", D(2022, 2, 1), ["chad"]),
    ("The Chadian junta closed the border.", D(2019, 2, 1), []),
    ("The army disarmed the presidential guard.", D(2015, 9, 28), ["generic-government-forces", "presidential-guard"]),
    ("The army disarmed the presidential guard.", D(2012, 4, 30), ["generic-government-forces"]),
])
def test_the_junta_is_whoever_held_power_then(matcher, text, day, expected) -> None:
    assert actors_in(matcher, text, day) == expected


def test_junta_names_of_the_state(real) -> None:
    assert real.lookup("MPSR").id == "burkina-faso"
    assert real.lookup("National Council for the Safeguard of the Homeland").id == "niger"
    assert real.lookup("National Committee for the Salvation of the People").id == "mali"
    assert real.lookup("CNSP") is None  # two juntas: by date only (period aliases)
    assert real.period_lookup("CNSP", D(2020, 8, 20)).id == "mali"
    assert real.period_lookup("CNSP", D(2023, 7, 27)).id == "niger"


# -- armed groups of the Sahel and its neighbours ----------------------------------

@pytest.mark.parametrize(("name", "actor_id"), [
    ("JNIM", "jnim"), ("Jamaat Nusrat al-Islam wal Muslimin", "jnim"), ("Nusrat al-Islam", "jnim"),
    ("Ansar Dine", "ansar-dine"), ("Ansar ad-Din", "ansar-dine"), ("al-Mourabitoun", "al-mourabitoun"),
    ("Emirate of the Sahara", "emirate-of-the-sahara"), ("Sahara Emirate", "emirate-of-the-sahara"),
    ("Katiba Macina", "katiba-macina"), ("Katiba du Macina", "katiba-macina"),
    ("Katiba Salaheddine", "katiba-salaheddine"), ("Katiba Khalid Ibn Walid", "katiba-khalid-ibn-walid"),
    ("Masked Brigade", "al-mulathameen"), ("Those Who Sign in Blood", "al-mulathameen"),
    ("Islamic State in the Greater Sahara", "isgs"), ("Islamic State Sahel Province", "isgs"),
    ("ISSP", "isgs"), ("État islamique au Grand Sahara", "isgs"),
    ("Ansarul Islam", "ansarul-islam"), ("Ansaroul Islam", "ansarul-islam"),
    ("Boko Haram", "boko-haram"), ("JAS", "boko-haram"), ("ISWAP", "iswap"), ("Ansaru", "ansaru"),
    ("MNLA", "mnla"), ("HCUA", "hcua"), ("MAA", "maa"), ("MAA-Platform", "maa-platform"),
    ("CSP", "csp"), ("FLA", "fla"), ("CMA", "cma"), ("GATIA", "gatia"), ("MSA", "msa"),
    ("Ganda Izo", "ganda-iso"), ("Ganda Koy", "ganda-koy"), ("CMFPR", "cmfpr"), ("Platform", "platform"),
    ("Dan Na Ambassagou", "dan-na-ambassagou"), ("Koglweogo", "koglweogo"), ("VDP", "vdp"),
    ("Volunteers for the Defense of the Homeland", "vdp"), ("Volontaires pour la défense de la patrie", "vdp"),
    ("Wagner Group", "wagner"), ("Africa Corps", "africa-corps"), ("RSP", "presidential-guard"),
    ("Congress for Justice in Azawad", "cja"), ("Libyan National Army", "lna"), ("FACT", "fact"),
])
def test_armed_groups(real, name, actor_id) -> None:
    assert real.lookup(name).id == actor_id


def test_words_that_are_also_acronyms_stay_exact(real) -> None:
    for word in ("fact", "jas", "sabre", "epervier"):
        assert all(word not in (s.casefold() for s in a.aliases) for a in real.actors), word


def test_period_names_of_groups(real) -> None:
    assert real.period_lookup("Front for the Liberation of Azawad", D(2025, 1, 10)).id == "fla"
    assert real.period_lookup("Front for the Liberation of Azawad", D(2013, 1, 10)) is None
    assert real.period_lookup("Afrika Korps", D(2024, 3, 1)).id == "africa-corps"
    assert real.period_lookup("Afrika Korps", D(1942, 3, 1)) is None


def test_inventory_size(real) -> None:
    named = real.named()
    states = [a for a in named if a.kind == "foreign state" or (a.kind == "state armed force" and a.country_names)]
    assert len(states) >= 197
    assert sum(a.kind in ("international mission", "coalition") for a in named) >= 20
    assert sum(a.kind in ("jihadist group", "rebel movement", "militia", "private military company")
               for a in named) >= 45


# -- extraction through the pipeline ---------------------------------------------

@pytest.fixture(scope="module")
def extractor():
    return Extractor.load()


def edges_of(extractor, text: str) -> set[tuple[str, str, str]]:
    x = extract([parse_document("inventory.txt", text)], extractor=extractor)
    return {(e["source"], e["relation"], e["target"]) for e in x.edges}


def test_new_states_take_part_in_relations(extractor) -> None:
    text = "On 4 March 2019, Ivorian special forces attacked Ansarul Islam near the border.\n"
    assert ("ivory-coast", "fought-against", "ansarul-islam") in edges_of(extractor, text)
    text = "On 9 October 2016, Togolese peacekeepers repelled JNIM fighters near the camp.\n"
    assert {e[::2] for e in edges_of(extractor, text)} & {("togo", "jnim"), ("jnim", "togo")}


def test_peacekeepers_before_the_mandate_draw_no_minusma_edge(extractor) -> None:
    text = "On 2 May 2012, militants of AQIM attacked UN peacekeepers near the river.\n"
    assert all("minusma" not in (s, t) for s, _, t in edges_of(extractor, text))


# -- the loader: included files, validated together -------------------------------

def write(tmp_path: Path, main: str, **others: str) -> Path:
    for name, text in others.items():
        (tmp_path / f"{name}.toml").write_text(text, encoding="utf-8")
    path = tmp_path / "actors.toml"
    path.write_text(main, encoding="utf-8")
    return path


MAIN = '''include = ["lands.toml"]
force_nouns = ["forces"]

[[actor]]
id = "ruritania"
name = "Ruritania"
kind = "foreign state"
tags = ["state"]
demonyms = ["Ruritanian"]
country_names = ["Ruritania"]

[[generic]]
id = "generic-guards"
name = "Guards (unresolved)"
aliases = ["border guards of the league"]
resolves_to = ["state"]
'''

LANDS = '''[[actor]]
id = "borduria"
name = "Borduria"
kind = "foreign state"
tags = ["state"]
demonyms = ["Bordurian"]
country_names = ["Borduria"]
'''


def test_included_file_is_read_beside_the_dictionary(tmp_path) -> None:
    d = load_dictionary(write(tmp_path, MAIN, lands=LANDS))
    assert d.lookup("Bordurian").id == "borduria" and d.lookup("Ruritanian").id == "ruritania"
    assert d.source == str(tmp_path / "actors.toml")


@pytest.mark.parametrize(("lands", "expected"), [
    (LANDS.replace('demonyms = ["Bordurian"]', 'demonyms = ["RURITANIAN"]'),
     ["lands.toml: actor #1 (id 'borduria'): demonym 'RURITANIAN' is already claimed by actor #1 (id 'ruritania') of",
      "actors.toml as its demonym 'Ruritanian'"]),
    (LANDS.replace('id = "borduria"', 'id = "ruritania"'), ["lands.toml", "duplicate id 'ruritania'", "actors.toml"]),
    ('force_nouns = ["troops"]\n' + LANDS, ["lands.toml: top level", "unknown key(s) 'force_nouns'"]),
    (LANDS.replace('tags = ["state"]', 'tags = ["State"]'), ["lands.toml: actor #1 (id 'borduria')", "lowercase"]),
    ('include = ["more.toml"]\n' + LANDS, ["lands.toml: top level", "unknown key(s) 'include'"]),
])
def test_included_file_is_validated_with_the_rest(tmp_path, lands, expected) -> None:
    with pytest.raises(DataFileError) as err:
        load_dictionary(write(tmp_path, MAIN, lands=lands))
    for part in expected:
        assert part in str(err.value)


@pytest.mark.parametrize(("include", "expected"), [
    ('include = ["nowhere.toml"]', "nowhere.toml: cannot read"),
    ('include = ["../lands.toml"]', "name a file beside the dictionary"),
    ('include = "lands.toml"', "include: expected a list of file names"),
])
def test_bad_includes_are_reported(tmp_path, include, expected) -> None:
    with pytest.raises(DataFileError) as err:
        load_dictionary(write(tmp_path, MAIN.replace('include = ["lands.toml"]', include), lands=LANDS))
    assert expected in str(err.value)


def test_period_alias_may_repeat_a_generic_alias_but_not_a_named_one(tmp_path) -> None:
    period = '[[actor.period_aliases]]\nalias = "border guards of the league"\nstart = "2001-01-01"\nend = "2002-01-01"\n'
    d = load_dictionary(write(tmp_path, MAIN, lands=LANDS + period))
    assert d.lookup("border guards of the league").id == "generic-guards"
    assert d.period_lookup("border guards of the league", D(2001, 6, 1)).id == "borduria"
    taken = period.replace("border guards of the league", "Ruritania")
    with pytest.raises(DataFileError) as err:
        load_dictionary(write(tmp_path, MAIN, lands=LANDS + taken))
    assert "lands.toml: actor #1 (id 'borduria'): period alias 'Ruritania' is also the" in str(err.value)
    assert "of actor #1 (id 'ruritania') of " in str(err.value)


def test_did_you_mean_stays_focused_with_a_large_inventory(real) -> None:
    assert real.suggest("Ansar Dyne") == ["Ansar Dine"]
    assert real.suggest("Mujaoo") == ["MUJAO"]
    assert real.suggest("Togoo")[0] == "togo"


@pytest.mark.parametrize("text, expected", [
    ("On 3 May 2023, Sudanese Rapid Support Forces clashed with the Sudanese army near the river.", ("rsf", "sudan")),
    ("In 2016 the Free Syrian Army fought the Syrian army near the town.", ("free-syrian-army", "syria")),
    ("In 1990 the Irish Republican Army attacked British soldiers.", ("ira", "united-kingdom")),
])
def test_armed_groups_named_like_a_states_forces_are_not_the_state(text, expected):
    """Demonym + force noun ("Sudanese ... Forces", "Syrian Army") inside a group's name is the group."""
    from actors.extract.pipeline import extract
    from actors.text.documents import parse_document

    x = extract([parse_document("t.txt", text)])
    assert {frozenset((e["source"], e["target"])) for e in x.edges} == {frozenset(expected)}

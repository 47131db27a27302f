"""Tests of the actor dictionary: the loader and validator on a small fictional
dictionary, then the real data file against the seed texts."""

from __future__ import annotations

import dataclasses
import datetime
import doctest
import re
from pathlib import Path

import pytest

import actors.extract.dictionary as dictionary_module
from actors.extract import actor_entries, actor_toml
from actors.extract.dictionary import Actor, Dictionary, PeriodAlias, load_dictionary
from actors.errors import DataFileError
from actors.schema import ACTOR_KINDS, GENERIC_KIND

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
D = datetime.date

# -- a small fictional dictionary ------------------------------------------------

BASE = """\
force_nouns = ["forces", "troops", "army"]

[[actor]]
id = "ruritania"
name = "Ruritania"
kind = "state armed force"
tags = ["state"]
aliases = ["Ruritanian Army", "RA"]
exact_aliases = ["Rex"]
demonyms = ["Ruritanian"]
prefixes = ["Rurito"]
country_names = ["Ruritania"]
[[actor.period_aliases]]
alias = "the regime"
start = "2001-01-01"
end = "2005-01-01"

[[actor]]
id = "red-band"
name = "Red Band"
kind = "rebel movement"
tags = ["rebel"]
aliases = ["Banda Roja", "Jama’at al-Ahmar"]
[[actor.period_aliases]]
alias = "the regime"
start = 2005-01-01
end = ""

[[generic]]
id = "generic-rebels"
name = "Rebels (unresolved)"
aliases = ["rebels", "rebel forces"]
resolves_to = ["rebel"]
"""


def write(tmp_path: Path, text: str, name: str = "actors.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_text(tmp_path: Path, text: str) -> Dictionary:
    return load_dictionary(write(tmp_path, text))


def error_of(tmp_path: Path, text: str) -> str:
    with pytest.raises(DataFileError) as info:
        load_text(tmp_path, text)
    return str(info.value)


@pytest.fixture
def small(tmp_path: Path) -> Dictionary:
    return load_text(tmp_path, BASE)


def test_loads_every_field(small: Dictionary, tmp_path: Path) -> None:
    assert small.source == str(tmp_path / "actors.toml")
    assert small.force_nouns == ("forces", "troops", "army")
    assert [a.id for a in small.actors] == ["ruritania", "red-band", "generic-rebels"]
    assert [a.id for a in small.named()] == ["ruritania", "red-band"]
    assert [a.id for a in small.generics()] == ["generic-rebels"]
    r = small.get("ruritania")
    assert r == Actor(
        id="ruritania", name="Ruritania", kind="state armed force", tags=("state",),
        aliases=("Ruritanian Army", "RA"), exact_aliases=("Rex",), demonyms=("Ruritanian",),
        prefixes=("Rurito",), country_names=("Ruritania",),
        period_aliases=(PeriodAlias("the regime", D(2001, 1, 1), D(2005, 1, 1)),),
    )
    assert not r.is_generic and small.get("generic-rebels").is_generic
    # a bare TOML date and "" (open-ended) are both accepted
    assert small.get("red-band").period_aliases == (PeriodAlias("the regime", D(2005, 1, 1), None),)
    assert small.get("generic-rebels").resolves_to == ("rebel",)
    assert small.get("nobody") is None


def test_lookup_is_case_space_and_apostrophe_insensitive(small: Dictionary) -> None:
    for text, expected in [
        ("ruritania", "ruritania"),  # id and country name
        ("  ruritanian   ARMY ", "ruritania"),
        ("rex", "ruritania"),  # exact aliases are case-sensitive in text, not in look-ups
        ("Ruritanian", "ruritania"),
        ("rurito", "ruritania"),
        ("RED BAND", "red-band"),  # name
        ("Jama'at al-Ahmar", "red-band"),  # ’ in the file, ' in the query
        ("jama\u2019at  AL-AHMAR", "red-band"),
        ("Rebels", "generic-rebels"),
        ("RURITÁNIA", "ruritania"),  # accents
        ("jama ' at al - ahmar", "red-band"),  # spacing around punctuation
    ]:
        found = small.lookup(text)
        assert found is not None and found.id == expected, text
    assert small.lookup("the regime") is None  # period aliases need a day
    assert small.lookup("Blue Band") is None


def test_period_aliases_cover_half_open_intervals(small: Dictionary) -> None:
    (p,) = small.get("ruritania").period_aliases
    assert p.covers(D(2001, 1, 1)) and p.covers(D(2004, 12, 31))
    assert not p.covers(D(2005, 1, 1)) and not p.covers(D(2000, 12, 31))
    assert p.covers(datetime.datetime(2003, 5, 1, 12, 0))
    assert small.period_lookup("The  Regime", D(2004, 12, 31)).id == "ruritania"
    assert small.period_lookup("the regime", D(2005, 1, 1)).id == "red-band"
    assert small.period_lookup("the regime", D(2090, 1, 1)).id == "red-band"
    assert small.period_lookup("the regime", D(1999, 1, 1)) is None
    assert small.period_lookup("Red Band", D(2003, 1, 1)) is None


def test_suggest_offers_close_spellings(small: Dictionary) -> None:
    assert small.suggest("Banda Rojo")[0] == "Banda Roja"
    assert small.suggest("ruritanai")[0] == "ruritania"
    assert small.suggest("zzzzzz") == []
    assert len(small.suggest("r", n=1)) <= 1


def test_repr_is_short(small: Dictionary) -> None:
    assert repr(small).startswith("Dictionary(2 actors, 1 generics")


# -- validation messages: file, place, what was expected ---------------------------


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def test_toml_syntax_error_names_file_line_and_column(tmp_path: Path) -> None:
    message = error_of(tmp_path, BASE.replace('kind = "rebel movement"', 'kind = "rebel movement'))
    assert str(tmp_path / "actors.toml") in message
    assert re.search(r"line \d+, column \d+", message)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="nowhere.toml: cannot read"):
        load_dictionary(tmp_path / "nowhere.toml")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('id = "red-band"\n', "", ["actor #2:", "missing required key 'id'"]),
        ('id = "red-band"', 'id = "ruritania"', ["actor #2 (id 'ruritania')", "duplicate id 'ruritania'", "actor #1"]),
        ('id = "red-band"', 'id = "Red_Band"', ["actor #2 (id 'Red_Band')", "^[a-z0-9][a-z0-9-]*$"]),
        ('kind = "rebel movement"', 'kind = "rebels"', ["actor #2 (id 'red-band')", "unknown kind 'rebels'", *map(repr, ACTOR_KINDS)]),
        ('kind = "rebel movement"', 'kind = "generic"', ["actor #2 (id 'red-band')", "[[generic]]"]),
        ('aliases = ["Banda Roja", ', 'aliases = ["Banda Roja", 3, ', ["actor #2 (id 'red-band')", "aliases item #2 must be a non-empty string, got 3"]),
        ('aliases = ["Banda Roja", ', 'aliases = ["Banda Roja", "  ", ', ["aliases item #2 must be a non-empty string"]),
        ('aliases = ["Banda Roja", ', 'aliases = [" Banda Roja", ', ["leading or trailing spaces"]),
        ('aliases = ["Banda Roja", "Jama’at al-Ahmar"]', 'aliases = "Banda Roja"', ["aliases must be a list of strings"]),
        ('aliases = ["Banda Roja", ', 'aliases = ["RA", ', ["actor #2 (id 'red-band')", "'RA'", "actor #1 (id 'ruritania')", "exactly one actor"]),
        ('aliases = ["Banda Roja", ', 'aliases = ["ruritanian army", ', ["actor #2 (id 'red-band')", "'ruritanian army'", "actor #1 (id 'ruritania')"]),
        ('aliases = ["Ruritanian Army", "RA"]', 'aliases = ["Ruritanian Army", "RA", "Bánda  Roja"]', ["actor #2 (id 'red-band'): alias 'Banda Roja' is already claimed by actor #1 (id 'ruritania') as its alias 'Bánda  Roja'"]),
        ('tags = ["rebel"]', 'tags = ["rebel"]\ndemonyms = ["RURITANIAN"]', ["demonym 'RURITANIAN'", "actor #1 (id 'ruritania') as its demonym 'Ruritanian'"]),
        ('aliases = ["rebels", ', 'aliases = ["Rex", ', ["generic #1 (id 'generic-rebels')", "'Rex'", "actor #1 (id 'ruritania')"]),
        ('start = "2001-01-01"', 'start = "2001-13-01"', ["actor #1 (id 'ruritania')", "period_aliases #1 ('the regime'): start", "ISO date", "'2001-13-01'"]),
        ('end = "2005-01-01"', 'end = "1999-01-01"', ["actor #1 (id 'ruritania')", "start 2001-01-01 must be before end 1999-01-01"]),
        ('end = "2005-01-01"', 'end = "2001-01-01"', ["must be before end"]),
        ('end = "2005-01-01"', 'end = "2005-01-02"', ["actor #2 (id 'red-band')", "overlaps", "actor #1 (id 'ruritania')"]),
        ('end = "2005-01-01"', 'end = ""', ["overlaps"]),
        ('alias = "the regime"\nstart = 2005', 'alias = "the regime"\nstrat = 2005', ["actor #2 (id 'red-band')", "unknown key(s) 'strat'", "alias, start, end"]),
        ('aliases = ["Banda Roja", ', 'aliases = ["the regime", ', ["period alias 'the regime' is also the alias 'the regime' of actor #2 (id 'red-band')"]),
        ('force_nouns = [', 'force_noun = [', ["top level", "unknown key(s) 'force_noun'", "allowed: force_nouns, actor, generic"]),
        ('force_nouns = ["forces", ', 'force_nouns = ["Forces", "forces", ', ["force_nouns", "'forces' is listed twice"]),
        ('tags = ["state"]', 'tag = ["state"]', ["actor #1 (id 'ruritania')", "unknown key(s) 'tag'", "allowed in [[actor]]: id, name, kind, tags"]),
        ('tags = ["state"]', 'tags = ["State"]', ["tag 'State' must be lowercase"]),
        ('resolves_to = ["rebel"]', 'resolves_to = ["jihadist"]', ["generic #1 (id 'generic-rebels')", "resolves_to tag 'jihadist' is carried by no named actor"]),
        ('tags = ["rebel"]', 'tags = ["rebel"]\nresolves_to = ["state"]', ["actor #2 (id 'red-band')", "unknown key(s) 'resolves_to'"]),
        ('id = "generic-rebels"', 'id = "rebels"', ["generic #1 (id 'rebels')", "'generic-'"]),
        ('id = "red-band"', 'id = "generic-red"', ["actor #2 (id 'generic-red')", "'generic-'"]),
        ('resolves_to = ["rebel"]', 'resolves_to = ["rebel"]\ndemonyms = ["rebel"]', ["generic #1 (id 'generic-rebels')", "unknown key(s) 'demonyms'", "allowed in [[generic]]"]),
        ('name = "Rebels (unresolved)"', 'name = "Rebels (unresolved)"\nkind = "militia"', ["kind of a [[generic]] entry must be 'generic'"]),
    ],
)
def test_validation_names_file_place_and_expectation(tmp_path: Path, old: str, new: str, expected: list[str]) -> None:
    message = error_of(tmp_path, replace_once(BASE, old, new))
    assert str(tmp_path / "actors.toml") in message
    for part in expected:
        assert part in message, (part, message)


def test_adjacent_periods_are_fine_and_all_problems_are_reported(tmp_path: Path) -> None:
    # BASE has [2001, 2005) and [2005, open): touching, not overlapping.
    assert load_text(tmp_path, BASE).period_lookup("the regime", D(2005, 1, 1)).id == "red-band"
    text = replace_once(BASE, 'kind = "rebel movement"', 'kind = "rebels"')
    text = replace_once(text, 'start = "2001-01-01"', 'start = "soon"')
    message = error_of(tmp_path, text)
    assert "unknown kind 'rebels'" in message and "'soon'" in message
    assert len(message.splitlines()) == 2


def test_constructing_a_dictionary_directly_is_validated() -> None:
    a = Actor("a", "A", "militia", aliases=["Same"])  # a list is accepted and frozen
    b = Actor("b", "B", "militia", aliases=("same",))
    assert a.aliases == ("Same",) and hash(a)
    with pytest.raises(DataFileError, match=r"here: actor #2 \(id 'b'\): alias 'same' is already claimed by actor #1 \(id 'a'\) as its alias 'Same'"):
        Dictionary(actors=(a, b), force_nouns=(), source="here")
    g = Actor("generic-x", "X", GENERIC_KIND, aliases=("xs",))
    d = Dictionary(actors=(g, a), force_nouns=("forces",), source="here")
    assert [x.id for x in d.actors] == ["a", "generic-x"]  # named first


# -- with_additions ------------------------------------------------------------------


def test_with_additions_returns_a_new_validated_dictionary(small: Dictionary) -> None:
    blue = Actor("blue-band", "Blue Band", "militia", tags=("militia",), aliases=("Banda Azul",))
    bigger = small.with_additions([blue], {"red-band": ["Reds"]}, source="overrides.toml")
    assert bigger.lookup("banda azul").id == "blue-band"
    assert bigger.lookup("reds").id == "red-band"
    assert bigger.get("red-band").aliases[-1] == "Reds"
    assert [a.id for a in bigger.named()][-1] == "blue-band"
    assert bigger.source == small.source + " + overrides.toml"
    # the original is untouched
    assert small.lookup("reds") is None and small.get("blue-band") is None
    assert small.with_additions() == small.with_additions([], {})


@pytest.mark.parametrize(
    ("actors", "aliases", "expected"),
    [
        ([], {"red-band": ["RA"]}, ["'RA'", "actor #1 (id 'ruritania')", "actor #2 (id 'red-band') with added aliases"]),
        ([], {"red-bnad": ["Reds"]}, ["aliases for 'red-bnad'", "unknown actor id", "did you mean 'red-band'"]),
        ([], {"red-band": "Reds"}, ["expected a list of aliases, got the string 'Reds'"]),
        ([Actor("red-band", "Red Band 2", "militia")], {}, ["addition #1 (id 'red-band')", "duplicate id 'red-band'"]),
        ([Actor("x", "X", "band")], {}, ["addition #1 (id 'x')", "unknown kind 'band'"]),
        ([Actor("x", "X", "militia", aliases=("Banda Roja",))], {}, ["addition #1 (id 'x')", "'Banda Roja'", "(id 'red-band')"]),
        ([Actor("x", "X", "militia", period_aliases=(PeriodAlias("the regime", D(2010, 1, 1), None),))], {}, ["addition #1 (id 'x')", "overlaps"]),
        (["not an actor"], {}, ["addition #1", "expected an Actor, got str"]),
        ([Actor("x", "X", "militia", resolves_to=("rebel",))], {}, ["addition #1 (id 'x')", "resolves_to is only allowed on generic"]),
        ([Actor("generic-x", "X", "generic", demonyms=("Xish",))], {}, ["addition #1 (id 'generic-x')", "demonyms are not allowed on generic"]),
        ([Actor("x", "X", "militia", period_aliases=(PeriodAlias("then", "2001-01-01", None),))], {}, ["period_aliases #1 ('then'): start must be a date, got '2001-01-01'"]),
    ],
)
def test_with_additions_rejects_bad_additions(small: Dictionary, actors, aliases, expected: list[str]) -> None:
    with pytest.raises(DataFileError) as info:
        small.with_additions(actors, aliases, source="overrides.toml")
    message = str(info.value)
    assert "overrides.toml" in message
    for part in expected:
        assert part in message, (part, message)


# -- the real dictionary ------------------------------------------------------------

ORIGINAL_IDS = """mali cnrdr france chad niger nigeria burkina-faso mauritania algeria senegal
bangladesh united-states united-kingdom germany belgium canada denmark spain italy russia
turkey liberia sweden ukraine libya mnla mna fpa hcua maa cpa atnm mnj adc fnla cma csp fla
platform gatia msa ganda-iso ganda-koy dan-na-ambassagou ansar-dine mia mojwa aqim al-qaeda
al-mourabitoun katiba-macina ansarul-islam jnim islamic-state isgs boko-haram wagner
africa-corps minusma afisma eutm takuba g5-sahel ecowas african-union united-nations""".split()

# Spellings used in the seed texts (each checked to occur there) -> actor id.
SEED_SPELLINGS = {
    "Malian Armed Forces": "mali", "Malian": "mali", "Mali": "mali", "Malian Army": "mali",
    "CNRDR": "cnrdr", "National Committee for the Restoration of Democracy and State": "cnrdr",
    "French": "france", "France": "france", "Operation Serval": "france", "Opération Serval": "france",
    "Operation Barkhane": "france", "Franco": "france", "Armée de l'Air": "france",
    "Chadian": "chad", "Chad": "chad", "FATIM": "chad", "Chadian Forces in Mali": "chad", "Chadian Army": "chad",
    "Nigerien": "niger", "Niger": "niger", "Nigerian": "nigeria",
    "Burkina Faso": "burkina-faso", "Mauritania": "mauritania", "Mauritanian": "mauritania",
    "Algeria": "algeria", "Algerian": "algeria", "Bengali": "bangladesh",
    "United States": "united-states", "U.S.": "united-states", "U. S.": "united-states",
    "USAF": "united-states", "United States Air Force": "united-states", "U.S. Air Force": "united-states",
    "American": "united-states", "US": "united-states",
    "British": "united-kingdom", "RAF": "united-kingdom", "Royal Air Force": "united-kingdom",
    "Germany": "germany", "German": "germany", "Belgian": "belgium",
    "Royal Canadian Air Force": "canada", "Canada": "canada", "Danish": "denmark", "Spain": "spain",
    "Italy": "italy", "Russian": "russia", "Russian regular army": "russia", "Turkish": "turkey",
    "Liberian": "liberia", "Swedish": "sweden", "Ukraine": "ukraine", "Libya": "libya",
    "MNLA": "mnla", "National Movement for the Liberation of Azawad": "mnla",
    "National Movement for Azawad": "mna", "MNA": "mna",
    "FPA": "fpa", "Front for the Liberation of the Azawad": "fpa",
    "CPA": "cpa", "Coalition of the People of Azawad": "cpa",
    "ATNM": "atnm", "Niger-Mali Tuareg Alliance": "atnm",
    "MNJ": "mnj", "Niger Movement for Justice": "mnj",
    "ADC": "adc", "May 23, 2006 Democratic Alliance for Change": "adc",
    "FNLA": "fnla", "National Liberation Front of Azawad": "fnla",
    "CMA": "cma", "Coordination of Azawad Movements": "cma", "Coordination of Movements of Azawad": "cma",
    "Azawadian National Army": "cma",
    "CSP": "csp", "Permanent Strategic Framework": "csp",
    "GATIA": "gatia", "Imghad Tuareg Self-Defense Group and Allies": "gatia",
    "MSA": "msa", "Movement for the Salvation of Azawad": "msa",
    "Ganda Iso": "ganda-iso",
    "Ansar Dine": "ansar-dine", "Ansar al-Dine": "ansar-dine", "Ansar el Dine": "ansar-dine",
    "MIA": "mia", "Islamic Movement for Azawad": "mia", "Islamic Movement of Azawad": "mia",
    "MOJWA": "mojwa", "MUJAO": "mojwa", "Movement for Oneness and Jihad in West Africa": "mojwa",
    "AQIM": "aqim", "Al-Qaeda in the Islamic Maghreb": "aqim", "Al Qaeda's North African branch": "aqim",
    "Al Qaeda": "al-qaeda", "al-Qaeda": "al-qaeda",
    "al-Mourabitoun": "al-mourabitoun", "Ansarul Islam": "ansarul-islam",
    "JNIM": "jnim", "Jama'at Nasr al-Islam wal Muslimin": "jnim", "Jama'at Nasr al-Islam wal-Muslimin": "jnim",
    "Islamic State": "islamic-state",
    "Islamic State in the Greater Sahara": "isgs", "ISGS": "isgs",
    "Wagner Group": "wagner", "Wagner": "wagner", "PMC Wagner": "wagner",
    "Wagner mercenaries": "wagner", "Russian mercenaries": "wagner", "Russian mercenary forces": "wagner",
    "MINUSMA": "minusma", "MINUMSA": "minusma", "MISMA": "afisma",
    "Task Force Takuba": "takuba",
    "ECOWAS": "ecowas", "Economic Community of West African States": "ecowas",
    "African Union": "african-union", "European Union": "european-union",
    "United Nations": "united-nations", "UN Security Council": "united-nations",
    "United Nations Security Council": "united-nations", "UN": "united-nations",
}

# Spellings the brief names that the seeds do not use -> actor id.
OTHER_SPELLINGS = {
    "Movement for Unity and Jihad in West Africa": "mojwa",
    "Jama’at Nasr al-Islam wal Muslimin": "jnim", "Jama’at Nasr al-Islam wal-Muslimin": "jnim",
    "Group for the Support of Islam and Muslims": "jnim", "GSIM": "jnim",
    "AFISMA": "afisma", "AQMI": "aqim", "EIGS": "isgs", "Islamic State Sahel Province": "isgs",
    "Nigerien Movement for Justice": "mnj", "Serval": "france", "Barkhane": "france",
    "Bangladeshi": "bangladesh", "FAMa": "mali",
    "HCUA": "hcua", "MAA": "maa", "MAA-Platform": "maa-platform", "Platform": "platform",
    "Plateforme": "platform", "Katiba Macina": "katiba-macina", "Macina Liberation Front": "katiba-macina",
    "FLM": "katiba-macina", "Al-Mourabitoun": "al-mourabitoun", "Ansaroul Islam": "ansarul-islam",
    "Ganda Izo": "ganda-iso", "Ganda Koy": "ganda-koy", "Dan Na Ambassagou": "dan-na-ambassagou",
    "Africa Corps": "africa-corps", "EUTM": "eutm", "Takuba": "takuba", "G5 Sahel": "g5-sahel",
    "FLA": "fla", "Azawad Liberation Front": "fla", "Boko Haram": "boko-haram", "ISWAP": "iswap",
}

# Bare generic words: never a named actor.
GENERIC_WORDS = [
    "the army", "the military", "government forces", "government troops", "the rebels", "rebels",
    "Islamists", "the Islamists", "jihadists", "Tuareg rebels", "the Tuaregs", "Tuaregs",
    "Tuareg forces", "separatists", "insurgents", "militants", "gunmen", "unidentified gunmen",
    "assailants", "terrorists", "militia", "peacekeepers", "the junta", "junta", "forces", "troops",
]


@pytest.fixture(scope="module")
def real() -> Dictionary:
    return load_dictionary()


@pytest.fixture(scope="module")
def seed_text() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))


def test_real_file_loads_from_the_package(real: Dictionary) -> None:
    assert real.source.endswith("actors.toml")
    assert real == load_dictionary(Path(dictionary_module.__file__).parents[1] / "data" / "actors.toml")
    assert len(real.named()) >= 66 and len(real.generics()) >= 6
    assert {"forces", "army", "troops", "soldiers", "peacekeepers", "junta", "military base"} <= set(real.force_nouns)


def test_every_original_id_is_kept(real: Dictionary) -> None:
    assert len(ORIGINAL_IDS) == 66
    missing = [i for i in ORIGINAL_IDS if real.get(i) is None or real.get(i).is_generic]
    assert missing == []


@pytest.mark.parametrize(("spelling", "actor_id"), sorted(SEED_SPELLINGS.items()))
def test_seed_spelling_resolves(real: Dictionary, seed_text: str, spelling: str, actor_id: str) -> None:
    assert spelling in seed_text, "not a seed spelling: move it to OTHER_SPELLINGS"
    found = real.lookup(spelling)
    assert found is not None and found.id == actor_id


@pytest.mark.parametrize(("spelling", "actor_id"), sorted(OTHER_SPELLINGS.items()))
def test_other_spelling_resolves(real: Dictionary, spelling: str, actor_id: str) -> None:
    found = real.lookup(spelling)
    assert found is not None and found.id == actor_id


@pytest.mark.parametrize("words", GENERIC_WORDS)
def test_generic_words_never_name_an_actor(real: Dictionary, words: str) -> None:
    found = real.lookup(words)
    assert found is None or found.is_generic


def test_case_sensitive_words_are_exact_aliases_only(real: Dictionary) -> None:
    # common words in lower case must not be case-insensitive aliases of anyone
    for word in ["platform", "serval", "un", "us", "au", "eu", "mia"]:
        owners = [a.id for a in real.actors if word in (s.casefold() for s in a.aliases)]
        assert owners == [], word
    assert "Platform" in real.get("platform").exact_aliases
    assert "UN" in real.get("united-nations").exact_aliases


def test_the_junta_depends_on_the_date(real: Dictionary) -> None:
    for alias in ("the junta", "Malian junta", "military junta"):
        assert real.period_lookup(alias, D(2012, 3, 22)).id == "cnrdr"
        assert real.period_lookup(alias, D(2012, 4, 12)).id == "cnrdr"
        assert real.period_lookup(alias, D(2012, 4, 13)) is None
        assert real.period_lookup(alias, D(2015, 6, 1)) is None
        assert real.period_lookup(alias, D(2020, 8, 18)).id == "mali"
        assert real.period_lookup(alias, D(2024, 1, 25)).id == "mali"
        assert real.period_lookup(alias, D(2011, 1, 1)) is None


def test_tags_let_generics_resolve_to_the_right_groups(real: Dictionary) -> None:
    def tagged(tag: str) -> set[str]:
        return {a.id for a in real.named() if tag in a.tags}

    assert {"jnim", "ansar-dine", "mojwa", "aqim", "isgs", "al-mourabitoun", "katiba-macina", "ansarul-islam"} <= tagged("jihadist")
    assert {"mnla", "atnm", "mnj", "adc", "cma", "cpa", "fla", "hcua"} <= tagged("tuareg") & tagged("rebel")
    assert {"gatia", "msa", "ganda-iso", "ganda-koy", "dan-na-ambassagou"} <= tagged("militia")
    assert tagged("host-state") == {"mali", "cnrdr"}
    assert "mia" not in tagged("jihadist")  # the MIA broke away to seek peace
    for generic in real.generics():
        assert generic.id.startswith("generic-")
        for tag in generic.resolves_to:
            assert tagged(tag), (generic.id, tag)
    ids = {g.id for g in real.generics()}
    assert {"generic-islamists", "generic-jihadists", "generic-rebels", "generic-tuareg",
            "generic-militants", "generic-terrorists"} <= ids
    assert real.get("generic-islamists").resolves_to == ("jihadist",)
    assert real.get("generic-tuareg").resolves_to == ("tuareg",)


def test_demonyms_and_country_names_point_to_their_state(real: Dictionary) -> None:
    for actor in real.named():
        for demonym in actor.demonyms:
            assert real.lookup(demonym) is actor
        for country in actor.country_names:
            assert real.lookup(country) is actor
    assert real.get("france").prefixes == ("Franco",)


def test_module_doctests_pass() -> None:
    result = doctest.testmod(dictionary_module)
    assert result.attempted >= 5 and result.failed == 0
    for module in (actor_entries, actor_toml):  # the entries and their tables, split out of the dictionary
        result = doctest.testmod(module)
        assert result.attempted >= 1 and result.failed == 0


def test_public_api() -> None:
    assert dictionary_module.__all__ == ["PeriodAlias", "Actor", "Dictionary", "load_dictionary", "actor_from_table"]
    assert dataclasses.is_dataclass(Actor) and Actor.__dataclass_params__.frozen
    with pytest.raises(dataclasses.FrozenInstanceError):
        Actor("a", "A", "militia").id = "b"  # type: ignore[misc]

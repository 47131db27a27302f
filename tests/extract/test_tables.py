"""Event tables: layouts recognised by their header, rows traced to their lines, ACLED and UCDP rows
turned into relations with their dates' precision. Small invented rows; the fixtures in
tests/fixtures/events/ are checked in tests/extract/test_event_fixtures.py."""

from __future__ import annotations

import string

from hypothesis import given, settings, strategies as st

from actors.extract.dictionary import load_dictionary
from actors.extract.event_actors import EventActorMap
from actors.extract.tabular import import_table
from actors.text.tables import LAYOUTS, parse_table

_MAP = """
[[name]]
id = "acled-jnim"
source = "acled"
name = "JNIM: Group for Support of Islam and Muslims"
actor = "jnim"

[[generic]]
id = "acled-unidentified"
source = "acled"
prefix = "Unidentified Armed Group"
actor = "generic-militants"

[[generic]]
id = "acled-civilians"
source = "acled"
prefix = "Civilians"
actor = ""

[[component]]
member = "katiba-macina"
of = "jnim"
"""

ACLED = ",".join(("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
                  "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "location", "latitude", "longitude",
                  "source", "notes", "fatalities"))


def _map():
    return EventActorMap.load(load_dictionary(), _MAP, source="test map")


def _acled(*rows: str) -> str:
    return ACLED + "\n" + "\n".join(rows) + "\n"


def _rels(text: str, name: str = "t.csv"):
    got = import_table(parse_table(name, text), m := _map(), components=m.components)
    return [(e["source"], e["relation"], e["target"], e["date"], e["date_precision"], e["relation_kind"])
            for e in got.edges], got


def test_layouts_are_recognised_by_their_header():
    for layout, columns in LAYOUTS.items():
        assert parse_table("x.csv", ",".join(columns) + "\n").layout == layout
    bad = parse_table("x.csv", "a,b,c\n1,2,3\n")
    assert bad.layout == "" and "not an event table" in bad.problems[0].what and bad.problems[0].where == "line 1"
    short = parse_table("x.csv", "event_id_cnty,actor1,assoc_actor_1,inter1,event_type\n")
    assert short.layout == "" and "lacks the column(s) event_date, time_precision" in short.problems[0].what


def test_a_row_is_traced_to_its_line_and_its_exact_text():
    text = _acled('MLI1,2019-03-17,2019,1,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,'
                  'Military Forces of Mali (2013-2021),,1,Dioura,14.8,-5.3,AFP,"Fighters attacked the camp,\n'
                  'then left",23')
    t = parse_table("t.csv", text)
    (row,) = t.rows
    assert row.line == 2 and text[row.start:row.end].startswith("MLI1,") and text[row.start:row.end].endswith(",23")
    rels, got = _rels(text)
    assert rels == [("jnim", "fought-against", "mali", "2019-03-17", "day", "")]
    (e,) = got.edges
    assert e["evidence"] == text[e["char_start"]:e["char_end"]] and e["doc"] == "t.csv"
    (ev,) = got.events
    assert (ev["source_event_id"], ev["place"], ev["fatalities"], ev["latitude"]) == ("MLI1", "Dioura", 23, 14.8)


def test_associated_actors_components_generics_and_civilians():
    rels, _ = _rels(_acled(
        "A1,2019-03-17,2019,1,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,"
        "Katiba Macina; Ansarul Islam,2,Unidentified Armed Group (Mali),,3,Boni,,,x,,0",
        "A2,2019-03-18,2019,1,Violence against civilians,Attack,JNIM: Group for Support of Islam and Muslims,,2,"
        "Civilians (Mali),,7,Boni,,,x,,4",
        "A3,2019-03-19,2019,1,Strategic developments,Agreement,JNIM: Group for Support of Islam and Muslims,,2,"
        "CMA: Coordination of Azawad Movements,,2,Kidal,,,x,,0",
        "A4,2019-03-20,2019,1,Strategic developments,Headquarters or base established,"
        "JNIM: Group for Support of Islam and Muslims,,2,,,,Kidal,,,x,,0"))
    assert ("jnim", "fought-against", "generic-militants", "2019-03-17", "day", "") in rels
    assert ("katiba-macina", "member-of", "jnim", "2019-03-17", "day", "member") in rels  # a component
    assert ("ansarul-islam", "allied-with", "jnim", "2019-03-17", "day", "joint-action") in rels
    assert ("ansarul-islam", "fought-against", "generic-militants", "2019-03-17", "day", "") in rels
    assert not [r for r in rels if r[3] == "2019-03-18"]  # civilians are no armed side
    assert [r[:3] + (r[5],) for r in rels if r[3] == "2019-03-19"] == [("jnim", "allied-with", "cma", "alliance")]
    assert not [r for r in rels if r[3] == "2019-03-20"]


def test_dates_keep_their_precision():
    rels, got = _rels(_acled(
        "D1,17 March 2019,2019,2,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,"
        "Military Forces of Mali (2013-2021),,1,x,,,x,,0",
        "D2,2019-03-30,2019,2,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,"
        "Military Forces of Mali (2013-2021),,1,x,,,x,,0",
        "D3,2019-03-17,2019,3,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,"
        "Military Forces of Mali (2013-2021),,1,x,,,x,,0",
        "D4,2019-02-30,2019,1,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,"
        "Military Forces of Mali (2013-2021),,1,x,,,x,,many"))
    by_id = {e["event_id"]: e for e in got.edges}
    spans = [(e["date"], e["date_precision"], e["date_earliest"], e["date_latest"]) for e in by_id.values()]
    assert ("2019-03", "month", "2019-03-14", "2019-03-20") in spans  # the week around the 17th
    assert ("2019", "year", "2019-03-27", "2019-04-02") in spans  # a week across two months
    assert ("2019-03", "month", "2019-03-01", "2019-03-31") in spans
    assert ("", "unknown", "", "") in spans  # 30 February: left undated, never moved
    lines = {(p.where, p.what.split(":")[0]) for p in got.problems}
    assert ("line 5", "impossible or unreadable event_date '2019-02-30' (expected 2019-03-17 or 17 March 2019)") in lines
    assert any(p.where == "line 5" and "fatalities 'many'" in p.what for p in got.problems)


def test_ucdp_layouts():
    ged = ",".join(LAYOUTS["ucdp-ged"]) + ",best\n" + "7,Government of Mali,JNIM,2019-03-17 00:00:00.000," \
        "2019-03-19 00:00:00.000,2,1,12\n8,JNIM,Civilians,2019-04-01,2019-04-01,1,3,5\n"
    rels, got = _rels(ged)
    assert rels == [("mali", "fought-against", "jnim", "2019-03", "month", "")]
    assert got.events[0]["fatalities"] == 12
    acd = ",".join(LAYOUTS["ucdp-acd"]) + "\n" + '1,"Government of Mali","Government of France, Government of Chad",' \
        '"MNLA, Ansar Dine",,2012\n'
    rels, _ = _rels(acd)
    assert ("mali", "fought-against", "mnla", "2012", "year", "") in rels
    assert ("mali", "fought-against", "ansar-dine", "2012", "year", "") in rels
    assert ("france", "allied-with", "mali", "2012", "year", "support") in rels
    assert ("chad", "allied-with", "mali", "2012", "year", "support") in rels


def test_the_long_acled_layout_gathers_an_events_rows():
    head = ",".join(LAYOUTS["acled-actors"]) + ",inter,location\n"
    rows = ["E1,2019-03-17,1,Battles,Armed clash,actor1,JNIM: Group for Support of Islam and Muslims,2,Boni",
            "E1,2019-03-17,1,Battles,Armed clash,assoc_actor_1,Katiba Macina,2,Boni",
            "E1,2019-03-17,1,Battles,Armed clash,actor2,Military Forces of Mali (2013-2021),1,Boni"]
    rels, got = _rels(head + "\n".join(rows) + "\n")
    assert sorted(r[:3] for r in rels) == [("jnim", "fought-against", "mali"), ("katiba-macina", "fought-against", "mali"),
                                           ("katiba-macina", "member-of", "jnim")]
    assert len(got.events) == 1


def test_unmapped_named_actors_become_their_own_and_empty_actors_are_skipped():
    rels, got = _rels(_acled(
        "U1,2019-03-17,2019,1,Battles,Armed clash,Katiba Inventa,,2,Military Forces of Mali (2013-2021),,1,x,,,x,,0",
        "U2,2019-03-17,2019,1,Battles,Armed clash,,,2,Military Forces of Mali (2013-2021),,1,x,,,x,,0",
        "U3,2019-03-17,2019,1,Battles,Armed clash,too,few,fields"))
    assert rels == [("acled-katiba-inventa", "fought-against", "mali", "2019-03-17", "day", "")]
    assert got.new_actors == {"acled-katiba-inventa": ("Katiba Inventa", "rebel movement")}
    assert {(p.where, p.what) for p in got.problems} >= {("line 3", "actor1 is empty: row skipped")}
    assert any(p.where == "line 4" and "field(s) where the header has" in p.what for p in got.problems)


def _packaged(text: str):
    """Relations of ``text`` through the packaged name map, and what import_tables gives."""
    from actors.extract.tabular import import_tables

    got = import_tables([parse_table("p.csv", text)], load_dictionary())
    return [(e["source"], e["relation"], e["target"], e["date"], e["relation_kind"]) for e in got.edges], got


def test_the_maps_katibas_the_dictionary_lacks_are_jnims_members():
    rels, got = _packaged(_acled(
        "K1,2023-05-02,2023,1,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,Katiba Hanifa,"
        "Rebel group,Military Forces of Burkina Faso (2022-),,State forces,x,,,x,,0",
        "K2,2023-05-03,2023,1,Battles,Armed clash,Katiba Gourma,,Rebel group,Lakurawa,,Rebel group,x,,,x,,0"))
    assert ("katiba-hanifa", "member-of", "jnim", "2023-05-02", "member") in rels
    assert ("katiba-hanifa", "fought-against", "burkina-faso", "2023-05-02", "") in rels
    assert ("katiba-gourma", "fought-against", "lakurawa", "2023-05-03", "") in rels
    assert got.dictionary.get("katiba-hanifa").kind == "jihadist group"  # added by the import, of the map's kind
    (said,) = [p for p in got.problems if "'Katiba Hanifa'" in p.what]
    assert "is in the name map" in said.what and "not in the dictionary" in said.what
    assert {c.name for c in got.candidates} == {"Katiba Hanifa", "Katiba Gourma"}  # Lakurawa is in the dictionary


def test_ucdp_is_is_resolved_by_the_rows_country():
    head = ",".join(LAYOUTS["ucdp-ged"]) + ",country,adm_1\n"
    ged = head + "\n".join(f"{i},Government of {c},IS,2019-03-1{i},2019-03-1{i},1,1,{c},{r}" for i, (c, r) in
                           enumerate([("Mali", "Mopti region"), ("Nigeria", "Borno state"), ("Syria", ""),
                                      ("Niger", "Tillaberi region"), ("Niger", "Diffa region"), ("Cameroon", "")],
                                     1)) + "\n"
    rels, _ = _packaged(ged)
    assert [r[2] for r in rels] == ["isgs", "iswap", "islamic-state", "isgs", "iswap", "iswap"]  # Diffa: Lake Chad
    acd = ",".join(LAYOUTS["ucdp-acd"]) + ",location\n" + '1,Government of Niger,,IS,,2019,Niger\n' \
        '2,Government of Chad,,IS,,2019,Chad\n3,Government of Iraq,,IS,,2019,Iraq\n'
    rels, _ = _packaged(acd)
    assert [r[2] for r in rels] == ["isgs", "iswap", "islamic-state"]


def test_a_map_entry_by_country_or_for_an_actor_the_dictionary_lacks_is_checked():
    import pytest

    from actors.errors import DataFileError

    with pytest.raises(DataFileError, match="needs a kind"):
        EventActorMap.load(load_dictionary(), '[[name]]\nid = "x"\nsource = "acled"\nname = "X"\nactor = "nobody"\n')
    with pytest.raises(DataFileError, match="either prefix or contains"):
        EventActorMap.load(load_dictionary(), '[[generic]]\nid = "x"\nsource = "acled"\nactor = ""\n')


def test_two_forces_of_one_state_generic_identity_militias_and_acleds_inter_words():
    rels, got = _packaged(_acled(
        "S1,2025-04-01,2025,1,Battles,Armed clash,Military Forces of Mali (2021-) Eastern Guard,,State forces,"
        "Military Forces of Mali (2021-),,State forces,x,,,x,,0",
        "S2,2025-04-02,2025,1,Battles,Armed clash,Military Forces of Mali (2021-),,State forces,"
        "Police Forces of Mali (2021-),,State forces,x,,,x,,0",
        "S3,2025-04-03,2025,1,Battles,Armed clash,Inventa Sub-Clan Militia (Mali),,Identity militia,"
        "Unidentified Military Forces,,State forces,x,,,x,,0",
        "S4,2025-04-04,2025,1,Battles,Armed clash,Front Inventa,,Political militia,Inventa Farmers Union,,"
        "Civilians,x,,,x,,0"))
    unit = "acled-military-forces-of-mali-2021-eastern-guard"
    assert (unit, "fought-against", "mali", "2025-04-01", "") in rels  # the more specific force: a unit of its own
    assert got.new_actors[unit] == ("Military Forces of Mali (2021-) Eastern Guard", "state armed force")
    assert ("mali", "fought-against", "acled-police-forces-of-mali-2021", "2025-04-02", "") in rels
    assert ("generic-militias", "fought-against", "generic-international-forces", "2025-04-03", "") in rels
    assert got.new_actors["acled-front-inventa"] == ("Front Inventa", "militia")  # inter "Political militia"
    assert "acled-inventa-farmers-union" not in got.new_actors  # inter "Civilians": no armed side
    assert not [r for r in rels if r[3] == "2025-04-04"]


def test_numeric_day_first_dates_of_re_saved_exports():
    rels, got = _rels(_acled(
        "N1,31-12-19,2019,1,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,"
        "Military Forces of Mali (2013-2021),,1,x,,,x,,0",
        "N2,05/01/1998,1998,1,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,"
        "Military Forces of Mali (2013-2021),,1,x,,,x,,0",
        "N3,31-02-19,2019,1,Battles,Armed clash,JNIM: Group for Support of Islam and Muslims,,2,"
        "Military Forces of Mali (2013-2021),,1,x,,,x,,0"))
    assert [r[3] for r in rels] == ["2019-12-31", "1998-01-05", ""]  # day first; 31 February undated
    assert any(p.where == "line 4" and "'31-02-19'" in p.what for p in got.problems)


def test_a_new_actor_named_as_a_dictionary_spelling_keeps_its_own_name():
    acd = ",".join(LAYOUTS["ucdp-acd"]) + "\n" + '1,Government of Mali,,Presidential guard,,2012\n'
    rels, got = _packaged(acd)
    assert rels == [("mali", "fought-against", "ucdp-presidential-guard", "2012", "")]
    assert got.dictionary.get("ucdp-presidential-guard").name == "Presidential guard [ucdp-presidential-guard]"


_CELL = st.text(alphabet=string.ascii_letters + string.digits + ' ,"\n', max_size=12)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_CELL, min_size=6, max_size=6), max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_any_csv_parses_row_by_row_with_exact_offsets(rows, newline):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, lineterminator=newline)
    w.writerow(LAYOUTS["ucdp-acd"])
    w.writerows(rows)
    text = buf.getvalue()
    t = parse_table("x.csv", text)
    assert t.layout == "ucdp-acd" and not t.problems
    assert [list(r.fields.values()) for r in t.rows] == [[c.strip() for c in row] for row in rows]
    line = 2
    for r, row in zip(t.rows, rows):
        assert next(csv.reader([text[r.start:r.end]])) == row  # the row's exact text, quotes and all
        assert r.line == line
        line += 1 + sum(c.count("\n") for c in row)  # a newline inside a quoted field takes a line

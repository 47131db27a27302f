"""The curation overrides file: each operation, validation with line numbers, the report and curation.csv.

A two-article corpus whose edges can be checked by hand (see ``A_TXT`` and
``B_TXT``) plus an overrides file written by each test. Tests go through
:func:`actors.corpus.load_corpus` (0.03 s on this corpus); the report and
``--no-overrides`` go through ``actors run`` once each.
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actors.cli import main
from actors.corpus import load_corpus
from actors.curation import OPERATIONS, parse_curation, read_curation
from actors.errors import DataFileError
from actors.schema import RELATIONS, STATUSES

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

# What extraction finds (checked by hand, and by test_the_corpus_extracts_what_the_tests_assume):
#   a.txt  mojwa fought-against mali 2014-05-03 | mnla fought-against mali 2014-06-12 |
#          mia split-from ansar-dine 2013-01 | nothing for "Sahel Tigers" and "Blue Riders" (unknown names)
#   b.txt  ansar-dine member-of jnim 2017 | mnla fought-against ansar-dine 2015 (Tessalit) |
#          mnla fought-against ansar-dine 2015 (Aguelhok) | mnla fought-against mali 2016-02-02 |
#          mnla fought-against ansar-dine 2016-05-04, denied
A_TXT = ("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao. "
         "On 12 June 2014, the MNLA attacked Malian soldiers near Kidal.\n\n"
         "In January 2013, the MIA split from Ansar Dine. "
         "On 9 April 2015, the Sahel Tigers attacked Malian soldiers near Gao. "
         "In 2016 the Blue Riders attacked Malian soldiers near Kidal.\n")
B_TXT = ("In 2017, Ansar Dine joined JNIM. "
         "In 2015, the MNLA clashed with Ansar Dine near Tessalit <script>alert(1)</script> | x. "
         "In 2015, the MNLA clashed with Ansar Dine near Aguelhok. "
         "On 2 February 2016, the MNLA attacked Malian soldiers near Kidal. "
         "On 4 May 2016, the MNLA denied that it had fought Ansar Dine near Kidal.\n")


# ---------------------------------------------------------------------------
# Writing TOML by hand (no TOML writer is a dependency)

def toml_str(value: str) -> str:
    """A TOML basic string: quotes, backslashes and control characters escaped, the rest as is."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_value(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        return toml_str(value)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{toml_str(k)} = {toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def entry(op: str, **keys) -> str:
    """One ``[[op]]`` table, a key a line, ending with a newline."""
    return f"[[{op}]]\n" + "".join(f"{k if _BARE_KEY.match(k) else toml_str(k)} = {toml_value(v)}\n"
                                    for k, v in keys.items())


def doc(*entries: str) -> str:
    return "\n".join(entries)


def line_of(text: str, marker: str, after: int = 0) -> int:
    """1-based line of the first line at or after line ``after`` that contains ``marker``."""
    for n, line in enumerate(text.split("\n"), 1):
        if n >= after and marker in line:
            return n
    raise AssertionError(f"{marker!r} not in the text")


GOOD_ADD = entry("add", id="good", source="MOJWA", target="MNLA", relation="fought-against", date="2014-07",
                 evidence="MUJAO and the MNLA fought near Gao in July 2014.", reason="Missed by extraction.")


# ---------------------------------------------------------------------------
# Fixtures

@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "a.txt").write_text(A_TXT, encoding="utf-8")
    (folder / "b.txt").write_text(B_TXT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def base(corpus_dir):
    """The corpus as extraction found it."""
    return load_corpus(corpus_dir, overrides=False)


@pytest.fixture
def curate(tmp_path, corpus_dir):
    """Write ``text`` as tmp_path/overrides.toml and load the corpus with it: (corpus, path)."""

    def run(text: str, name: str = "overrides.toml"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return load_corpus(corpus_dir, overrides=path), path

    return run


def edges_of(c) -> list[dict]:
    return c.frames["edges"].to_dicts()


def find(edges: list[dict], *words: str) -> list[dict]:
    return [e for e in edges if all(w in e["evidence"] for w in words)]


def one(edges: list[dict], *words: str) -> dict:
    hits = find(edges, *words)
    assert len(hits) == 1, (words, hits)
    return hits[0]


def ids(edges) -> set[str]:
    return {e["edge_id"] for e in edges}


def row(c, oid: str) -> dict:
    rows = [r for r in c.frames["curation"].to_dicts() if r["id"] == oid]
    assert len(rows) == 1, (oid, c.frames["curation"])
    return rows[0]


def test_the_corpus_extracts_what_the_tests_assume(base):
    got = sorted((e["doc"], e["source"], e["relation"], e["target"], e["date"], e["status"]) for e in edges_of(base))
    assert got == sorted([
        ("a.txt", "mojwa", "fought-against", "mali", "2014-05-03", "reported"),
        ("a.txt", "mnla", "fought-against", "mali", "2014-06-12", "reported"),
        ("a.txt", "mia", "split-from", "ansar-dine", "2013-01", "reported"),
        ("b.txt", "ansar-dine", "member-of", "jnim", "2017", "reported"),
        ("b.txt", "mnla", "fought-against", "ansar-dine", "2015", "reported"),
        ("b.txt", "mnla", "fought-against", "ansar-dine", "2015", "reported"),
        ("b.txt", "mnla", "fought-against", "mali", "2016-02-02", "reported"),
        ("b.txt", "mnla", "fought-against", "ansar-dine", "2016-05-04", "denied"),
    ])
    assert base.curation is None and base.frames["curation"].height == 0
    assert not find(edges_of(base), "Sahel Tigers") and not find(edges_of(base), "Blue Riders")


# ---------------------------------------------------------------------------
# [[add]]

def test_add_appends_an_edge_traced_to_its_entry(curate, base):
    claimed = entry("add", id="claimed-add", source="ansar dine", target="Malian army", relation="fought-against",
                    date="2012-03", status="claimed",
                    claimed_by="Mouvement national pour la libération de l'Azawad",
                    evidence="A communiqué of March 2012.", reason="Extraction missed the claim.")
    plain = entry("add", id="plain-add", source="JNIM", target="mnla", relation="allied-with",
                  evidence="Cited in a later report.", reason="Undated alliance.")
    words = entry("add", id="words-add", source="AQIM", target="Mali", relation="fought-against", date="2013",
                  status="alleged", claimed_by="a local official", evidence="Quoted by a newspaper.",
                  reason="Allegation.")
    text = doc(claimed, plain, words)
    c, path = curate(text)
    edges = edges_of(c)
    assert ids(edges) == ids(edges_of(base)) | {"cur-claimed-add-0", "cur-plain-add-0", "cur-words-add-0"}
    e = next(x for x in edges if x["edge_id"] == "cur-claimed-add-0")
    assert (e["source"], e["relation"], e["target"]) == ("ansar-dine", "fought-against", "mali")
    assert (e["source_text"], e["target_text"]) == ("ansar dine", "Malian army")
    assert (e["doc"], e["cue"], e["curation"], e["section"]) == ("overrides.toml", "curation", "claimed-add", "curation")
    assert (e["date"], e["date_precision"], e["date_earliest"], e["date_latest"]) == \
        ("2012-03", "month", "2012-03-01", "2012-03-31")
    assert (e["status"], e["claimed_by"]) == ("claimed", "mnla")  # the claimant's name resolved to its id
    assert e["claim_text"] == "Mouvement national pour la libération de l'Azawad"
    assert e["evidence"] == "A communiqué of March 2012."
    assert text[e["char_start"]:e["char_end"]] == claimed  # the char range is exactly the entry in the file
    p = next(x for x in edges if x["edge_id"] == "cur-plain-add-0")
    assert (p["status"], p["claimed_by"], p["claim_text"]) == ("reported", "", "")
    assert (p["date"], p["date_precision"], p["date_earliest"], p["date_latest"]) == ("", "unknown", "", "")
    assert text[p["char_start"]:p["char_end"]] == plain
    w = next(x for x in edges if x["edge_id"] == "cur-words-add-0")
    assert (w["status"], w["claimed_by"], w["claim_text"]) == ("alleged", "a local official", "")
    assert (w["date"], w["date_precision"], w["date_earliest"], w["date_latest"]) == \
        ("2013", "year", "2013-01-01", "2013-12-31")
    # the event row and the graph edge
    ev = c.frames["events"].filter(pl.col("event_id") == "cur-claimed-add").to_dicts()
    assert len(ev) == 1 and ev[0]["kind"] == "curation" and ev[0]["sentence"] == "A communiqué of March 2012."
    assert c.graph.has_edge("ansar-dine", "mali", key="cur-claimed-add-0")
    assert c.graph.edges["ansar-dine", "mali", "cur-claimed-add-0"]["curation"] == "claimed-add"
    r = row(c, "claimed-add")
    assert (r["op"], r["line"], r["applied"], r["edges"]) == ("add", 1, "yes", "cur-claimed-add-0")
    assert r["after"] == "ansar-dine fought-against mali 2012-03 (month) [claimed]"
    assert r["reason"] == "Extraction missed the claim." and r["note"] == ""
    assert row(c, "plain-add")["line"] == line_of(text, "[[add]]", 2)
    assert not c.curation_problems


def test_add_with_a_bare_toml_date(curate):
    c, _ = curate('[[add]]\nid = "d"\nsource = "MNLA"\ntarget = "Mali"\nrelation = "fought-against"\n'
                  'date = 2012-01-17\nevidence = "Menaka."\nreason = "r"\n')
    e = next(x for x in edges_of(c) if x["edge_id"] == "cur-d-0")
    assert (e["date"], e["date_precision"]) == ("2012-01-17", "day")


def test_add_of_an_actor_with_itself_is_refused(curate, base):
    c, path = curate(entry("add", id="self", source="MNLA", target="Mouvement national de libération de l'Azawad",
                           relation="allied-with", evidence="e", reason="r"))
    assert ids(edges_of(c)) == ids(edges_of(base))
    assert row(c, "self")["applied"] == "no" and "both 'mnla'" in row(c, "self")["note"]
    assert [str(p) for p in c.curation_problems] == \
        [f"{path}: line 1 ([[add]] 'self'): source and target are both 'mnla'; entry not applied"]


# ---------------------------------------------------------------------------
# [[drop]]

def test_drop_by_edge_id(curate, base):
    target = one(edges_of(base), "ambushed Malian soldiers near Gao")
    c, _ = curate(entry("drop", id="no-ambush", edge=target["edge_id"], reason="Wrong."))
    assert ids(edges_of(c)) == ids(edges_of(base)) - {target["edge_id"]}
    r = row(c, "no-ambush")
    assert (r["op"], r["applied"], r["edges"], r["after"]) == ("drop", "yes", target["edge_id"], "dropped")
    assert r["before"] == "mojwa fought-against mali 2014-05-03 (day)"
    assert not c.graph.has_edge("mojwa", "mali")
    # its event (one sentence, one edge) goes with it; the others stay
    events = set(c.frames["events"]["event_id"])
    assert target["event_id"] not in events
    assert events == set(base.frames["events"]["event_id"]) - {target["event_id"]}


@pytest.mark.parametrize("selector, expected", [
    # symmetric relation: written either way round, any alias, any case
    ({"source": "Ansar Dine", "target": "MNLA", "relation": "fought-against"},
     {"Tessalit", "Aguelhok", "denied"}),
    ({"source": "mnla", "target": "ANSAR DINE", "relation": "fought-against", "contains": "AGUELHOK"},
     {"Aguelhok"}),
    ({"source": "ansar dine", "target": "mnla", "relation": "fought-against", "date": "2015"},
     {"Tessalit", "Aguelhok"}),
    ({"source": "mnla", "target": "ansar dine", "relation": "fought-against", "date": "2016-05-04"}, {"denied"}),
    ({"source": "mnla", "target": "Mali", "relation": "fought-against", "doc": "b.txt"}, {"2 February 2016"}),
    ({"source": "Mali", "target": "MNLA", "relation": "fought-against", "doc": "a.txt"}, {"12 June 2014"}),
    # split-from is directed: splinter -> parent
    ({"source": "MIA", "target": "Ansar Dine", "relation": "split-from"}, {"MIA split"}),
])
def test_drop_by_source_target_relation(curate, base, selector, expected):
    c, _ = curate(entry("drop", id="d", **selector, reason="r"))
    gone = ids(edges_of(base)) - ids(edges_of(c))
    assert gone == {e["edge_id"] for w in expected for e in find(edges_of(base), w)}
    assert len(gone) == len(expected)
    r = row(c, "d")
    assert r["applied"] == "yes" and set(r["edges"].split("|")) == gone
    assert not c.curation_problems


def test_drop_of_a_directed_relation_written_backwards_matches_nothing(curate, base):
    c, path = curate(entry("drop", id="backwards", source="Ansar Dine", target="MIA", relation="split-from",
                           reason="r"))
    assert ids(edges_of(c)) == ids(edges_of(base))
    assert [str(p) for p in c.curation_problems] == [
        f"{path}: line 1 ([[drop]] 'backwards'): no split-from edge ansar-dine -> mia matches (this pair has none); "
        "entry not applied"]


def test_a_second_drop_of_the_same_edge_is_not_applied(curate, base):
    target = one(edges_of(base), "Aguelhok")
    text = doc(entry("drop", id="first", edge=target["edge_id"], reason="r"),
               entry("drop", id="again", source="MNLA", target="Ansar Dine", relation="fought-against",
                     contains="Aguelhok", reason="r"))
    c, _ = curate(text)
    assert ids(edges_of(c)) == ids(edges_of(base)) - {target["edge_id"]}
    assert row(c, "first")["applied"] == "yes"
    assert row(c, "again")["applied"] == "no"
    assert row(c, "again")["note"] == "every edge it selects was already dropped by an earlier entry"


# ---------------------------------------------------------------------------
# [[redate]]

def test_redate_by_from_date_and_contains(curate, base):
    tessalit = one(edges_of(base), "Tessalit")
    aguelhok = one(edges_of(base), "Aguelhok")
    c, _ = curate(entry("redate", id="tessalit-day", source="ansar dine", target="MNLA", relation="fought-against",
                        from_date="2015", contains="tessalit", date="2015-08-02", reason="Other sources: 2 August."))
    edges = {e["edge_id"]: e for e in edges_of(c)}
    assert set(edges) == ids(edges_of(base))  # nothing added or dropped
    t = edges[tessalit["edge_id"]]
    assert (t["date"], t["date_precision"], t["date_earliest"], t["date_latest"], t["curation"]) == \
        ("2015-08-02", "day", "2015-08-02", "2015-08-02", "tessalit-day")
    assert t["evidence"] == tessalit["evidence"] and t["doc"] == "b.txt"  # still traced to its sentence
    a = edges[aguelhok["edge_id"]]
    assert (a["date"], a["date_precision"], a["curation"]) == ("2015", "year", "")
    assert c.graph.edges["mnla", "ansar-dine", tessalit["edge_id"]]["date"] == "2015-08-02"
    ev = {e["event_id"]: e for e in c.frames["events"].to_dicts()}
    assert (ev[t["event_id"]]["date"], ev[t["event_id"]]["date_precision"]) == ("2015-08-02", "day")  # in step
    assert ev[t["event_id"]]["date_text"] == "2015"  # the text's own words are kept
    assert ev[a["event_id"]]["date"] == "2015"
    r = row(c, "tessalit-day")
    assert (r["op"], r["applied"], r["edges"]) == ("redate", "yes", tessalit["edge_id"])
    assert (r["before"], r["after"]) == ("mnla fought-against ansar-dine 2015 (year)", "2015-08-02 (day)")


def test_redate_by_edge_to_a_month_and_to_undated(curate, base):
    gao = one(edges_of(base), "ambushed Malian soldiers near Gao")
    kidal = one(edges_of(base), "12 June 2014")
    c, _ = curate(doc(entry("redate", id="to-month", edge=gao["edge_id"], date="2014-05", reason="r"),
                      entry("redate", id="to-undated", edge=kidal["edge_id"], date="", reason="r")))
    edges = {e["edge_id"]: e for e in edges_of(c)}
    assert (edges[gao["edge_id"]]["date"], edges[gao["edge_id"]]["date_precision"]) == ("2014-05", "month")
    assert (edges[gao["edge_id"]]["date_earliest"], edges[gao["edge_id"]]["date_latest"]) == ("2014-05-01", "2014-05-31")
    k = edges[kidal["edge_id"]]
    assert (k["date"], k["date_precision"], k["date_earliest"], k["date_latest"]) == ("", "unknown", "", "")
    assert row(c, "to-undated")["after"] == "undated (unknown)"


def test_redate_whose_from_date_matches_nothing_lists_the_pairs_edges(curate, base):
    text = doc(GOOD_ADD, entry("redate", id="wrong-year", source="MNLA", target="Ansar Dine",
                               relation="fought-against", from_date="2014", date="2014-03", reason="r"))
    c, path = curate(text)
    pair = sorted(f"{e['edge_id']} dated {e['date']} ({e['date_precision']})" for e in edges_of(base)
                  if {e["source"], e["target"]} == {"mnla", "ansar-dine"})
    assert len(pair) == 3
    line = line_of(text, "[[redate]]")
    assert [str(p) for p in c.curation_problems] == [
        f"{path}: line {line} ([[redate]] 'wrong-year'): no fought-against edge mnla -> ansar-dine matches "
        f"(this pair has: {'; '.join(pair)}); entry not applied"]
    assert all(e["curation"] == "" for e in edges_of(c) if e["edge_id"] != "cur-good-0")  # nothing re-dated
    assert "cur-good-0" in ids(edges_of(c))  # the good entry still applied


# ---------------------------------------------------------------------------
# [[actor]] and [[alias]]

def test_actor_entry_makes_a_new_actor_extractable(curate, base):
    c, _ = curate(entry("actor", id="sahel-tigers", name="Sahel Tigers", kind="militia", tags=["militia"],
                        aliases=["Sahel Tigers"], reason="A militia the dictionary lacks."))
    e = one(edges_of(c), "Sahel Tigers")
    assert (e["source"], e["relation"], e["target"], e["date"], e["doc"]) == \
        ("sahel-tigers", "fought-against", "mali", "2015-04-09", "a.txt")
    assert A_TXT[e["char_start"]:e["char_end"]] == e["evidence"]
    assert e["curation"] == ""  # extracted, not added by hand
    assert ids(edges_of(c)) == ids(edges_of(base)) | {e["edge_id"]}
    actors = c.frames["actors"].filter(pl.col("id") == "sahel-tigers").to_dicts()
    assert len(actors) == 1 and (actors[0]["name"], actors[0]["kind"]) == ("Sahel Tigers", "militia")
    assert c.dictionary.lookup("sahel TIGERS").id == "sahel-tigers"
    r = row(c, "sahel-tigers")
    assert (r["op"], r["applied"], r["after"]) == ("actor", "yes", "new militia 'Sahel Tigers', aliases Sahel Tigers")


def test_alias_entry_is_matched_in_text(curate, base):
    c, _ = curate(entry("alias", id="blue-riders", actor="Mnla", aliases=["Blue Riders"], reason="A nickname."))
    e = one(edges_of(c), "Blue Riders")
    assert (e["source"], e["relation"], e["target"], e["date"], e["source_text"]) == \
        ("mnla", "fought-against", "mali", "2016", "Blue Riders")
    assert ids(edges_of(c)) == ids(edges_of(base)) | {e["edge_id"]}
    assert (row(c, "blue-riders")["applied"], row(c, "blue-riders")["after"]) == ("yes", "mnla: + Blue Riders")


def test_actor_and_alias_entries_that_clash_are_skipped(curate):
    text = doc(entry("actor", id="mnla", name="Another MNLA", kind="militia", reason="r"),
               entry("alias", id="stolen", actor="MOJWA", aliases=["MNLA"], reason="r"),
               entry("alias", id="unknown-actor", actor="Mnlaa", aliases=["Blue Riders"], reason="r"),
               entry("actor", id="ok", name="Sahel Tigers", kind="militia", aliases=["Sahel Tigers"], reason="r"))
    c, path = curate(text)
    assert [(r["id"], r["applied"]) for r in c.curation_rows] == \
        [("mnla", "no"), ("stolen", "no"), ("unknown-actor", "no"), ("ok", "yes")]
    assert "duplicate id 'mnla'" in row(c, "mnla")["note"]
    assert "alias 'MNLA' is already claimed" in row(c, "stolen")["note"]
    assert row(c, "unknown-actor")["note"].startswith("unknown actor 'Mnlaa'; did you mean 'mnla'")
    assert c.dictionary.get("mnla").name.endswith("(MNLA)")  # the packaged actor is untouched
    assert c.dictionary.lookup("MNLA").id == "mnla"
    assert find(edges_of(c), "Sahel Tigers")  # the good entry still applied
    where = {p.where: str(p) for p in c.curation_problems}
    assert f"line {line_of(text, 'Mnlaa') - 2} ([[alias]] 'unknown-actor')" in where


def test_alias_of_an_actor_added_above_it_in_the_file(curate):
    text = doc(entry("alias", id="blue-riders", actor="MNLA", aliases=["Blue Riders"], reason="r"),
               entry("actor", id="sahel-tigers", name="Sahel Tigers", kind="militia", aliases=["Sahel Tigers"],
                     reason="r"),
               entry("alias", id="tigers-short", actor="Sahel Tigers", aliases=["the Tigers of the Sahel"],
                     reason="r"))
    c, _ = curate(text)
    assert [(r["id"], r["applied"]) for r in c.curation_rows] == \
        [("blue-riders", "yes"), ("sahel-tigers", "yes"), ("tigers-short", "yes")]


def test_drops_and_redates_apply_in_file_order(curate, base):
    kidal = one(edges_of(base), "12 June 2014")["edge_id"]
    c, _ = curate(doc(entry("redate", id="r1", edge=kidal, date="2014-06", reason="r"),
                      entry("drop", id="d", edge=kidal, reason="r"),
                      entry("redate", id="r2", edge=kidal, date="2014-07", reason="r")))
    assert kidal not in ids(edges_of(c))
    assert [(r["id"], r["applied"]) for r in c.curation_rows] == [("r1", "yes"), ("d", "yes"), ("r2", "no")]


def test_bad_actor_kind_is_reported_once(curate):
    c, path = curate(entry("actor", id="gang", name="The Gang", kind="gang", reason="r"))
    (p,) = c.curation_problems
    assert "unknown kind 'gang'" in str(p)
    assert str(p).count(str(path)) == 1
    assert str(path) not in row(c, "gang")["note"]


# ---------------------------------------------------------------------------
# Validation: file, line and what was expected; bad entries skipped, the rest applied

BAD = [  # (name, entry text, marker of the line the message must name, fragments of the message)
    ("unknown key", entry("add", id="k", source="MNLA", target="Mali", relation="fought-against", evidence="e",
                          colour="red", reason="r"),
     "colour", ["unknown key(s) 'colour'", "[[add]] takes id, reason, source, target, relation, evidence"]),
    ("missing id", entry("add", source="MNLA", target="Mali", relation="fought-against", evidence="e", reason="r"),
     "[[add]]", ["([[add]] #2)", "missing required key 'id'"]),
    ("missing reason", entry("drop", id="no-reason", edge="ev-x"),
     "[[drop]]", ["missing required key 'reason'", "kept in report.md"]),
    ("bad relation", entry("add", id="rel", source="MNLA", target="Mali", relation="fought-with", evidence="e",
                           reason="r"),
     "fought-with", ["relation must be one of fought-against, allied-with, split-from, member-of",
                     "got 'fought-with'"]),
    ("bad status", entry("add", id="st", source="MNLA", target="Mali", relation="fought-against", status="rumoured",
                         evidence="e", reason="r"),
     "rumoured", ["status must be one of reported, claimed, alleged, denied", "got 'rumoured'"]),
    ("impossible date", entry("redate", id="feb", edge="ev-x", date="2012-02-30", reason="r"),
     "2012-02-30", ["impossible date '2012-02-30': February 2012 has 29 days"]),
    ("malformed date", entry("add", id="md", source="MNLA", target="Mali", relation="fought-against",
                             date="June 2012", evidence="e", reason="r"),
     "June 2012", ["malformed date 'June 2012': expected YYYY, YYYY-MM or YYYY-MM-DD"]),
    ("date not a string", entry("drop", id="di", source="MNLA", target="Mali", relation="fought-against", date=2012,
                                reason="r"),
     "date = 2012", ['expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD"', "got 2012"]),
    ("duplicate id", entry("drop", id="good", edge="ev-x", reason="r"),
     'id = "good"', ["id 'good' is already used by line 1 ([[add]] 'good'); ids must be unique"]),
    ("drop with no selector", entry("drop", id="nothing", date="2015", reason="r"),
     "[[drop]]", ["select the relation(s) by 'edge'", "or by 'source', 'target' and 'relation'"]),
    ("drop with edge and source", entry("drop", id="both", edge="ev-x", source="MNLA", reason="r"),
     "[[drop]]", ["give either 'edge' or 'source'/'target'/'relation', not both"]),
    ("redate without date", entry("redate", id="nodate", edge="ev-x", reason="r"),
     "[[redate]]", ["missing required key 'date'"]),
    ("id with a space", entry("drop", id="two words", edge="ev-x", reason="r"),
     "two words", ["id must be letters, digits and . _ : - (no spaces), got 'two words'"]),
    ("blank value", entry("add", id="blank", source="  ", target="Mali", relation="fought-against", evidence="e",
                          reason="r"),
     "source =", ["source must be a non-empty string, got '  '"]),
    ("aliases not a list", entry("alias", id="al", actor="MNLA", aliases="Blue Riders", reason="r"),
     "aliases", ["aliases must be a list of non-empty strings, got 'Blue Riders'"]),
]


@pytest.mark.parametrize("name, bad, marker, fragments", BAD, ids=[b[0] for b in BAD])
def test_a_bad_entry_names_file_line_and_what_was_expected(name, bad, marker, fragments):
    text = doc(GOOD_ADD, bad)
    cur = parse_curation(text, "cur/overrides.toml")
    header = line_of(text, "[[", 2)
    line = line_of(text, marker, header)
    assert [o.id for o in cur.overrides] == ["good"]  # the bad entry is skipped, the good one kept
    assert len(cur.problems) >= 1
    p = cur.problems[0]
    assert str(p).startswith(f"cur/overrides.toml: line {line} (")
    for fragment in fragments:
        assert fragment in str(p)
    assert all(q.what.endswith("; entry not applied") for q in cur.problems)


def test_bad_entries_are_reported_by_load_corpus_and_the_rest_applies(curate, base):
    text = doc(*(b[1] for b in BAD if b[0] != "duplicate id"), GOOD_ADD)
    c, path = curate(text)
    assert ids(edges_of(c)) == ids(edges_of(base)) | {"cur-good-0"}
    problems = c.curation_problems
    reported = [int(re.match(r"line (\d+) ", p.where).group(1)) for p in problems]
    start = 1
    for name, bad, _, _ in BAD:
        if name == "duplicate id":
            continue
        end = start + bad.count("\n") - 1
        assert any(start <= n <= end for n in reported), name  # every bad entry reported at one of its lines
        start = end + 2
    assert all(p.path == str(path) for p in problems)
    assert set(problems) <= set(c.problems)  # with the documents' problems, in problems.csv
    assert c.frames["problems"].filter(pl.col("path") == str(path)).height == len(problems)
    assert row(c, "good")["applied"] == "yes"


def test_unknown_table_is_reported_and_the_rest_applies():
    text = doc(entry("fix", id="f", reason="r"), GOOD_ADD)
    cur = parse_curation(text, "o.toml")
    assert [o.id for o in cur.overrides] == ["good"]
    (p,) = cur.problems
    assert p.path == "o.toml"
    assert "unknown table [[fix]]; expected [[add]], [[drop]], [[redate]], [[actor]], [[alias]]" in p.what


def test_unknown_table_names_its_line():
    text = doc(GOOD_ADD, entry("fix", id="f", reason="r"))
    (p,) = parse_curation(text, "o.toml").problems
    assert str(p).startswith(f"o.toml: line {line_of(text, '[[fix]]')} ")


def test_not_an_array_of_tables():
    cur = parse_curation('add = "MNLA fought Mali"\n[[drop]]\nid = "x"\nedge = "e"\nreason = "r"\n', "o.toml")
    assert [o.id for o in cur.overrides] == ["x"]
    assert [p.what for p in cur.problems] == ["'add' must be an array of tables, written [[add]]; not applied"]


def test_invalid_toml_is_one_problem_and_no_override(curate, base):
    c, path = curate(GOOD_ADD + '\n[[drop]\nid = "x"\n')
    (p,) = c.curation_problems
    assert p.path == str(path) and "invalid TOML" in p.what and "line 10" in p.what
    assert p.what.endswith("no override applied")
    assert ids(edges_of(c)) == ids(edges_of(base))  # not even the good entry above the error
    assert c.frames["curation"].height == 0
    assert c.graph.number_of_edges() == base.graph.number_of_edges()


def test_non_utf8_file_is_a_problem(tmp_path, corpus_dir, base):
    path = tmp_path / "overrides.toml"
    path.write_bytes(entry("alias", id="x", actor="MNLA", aliases=["Méka"], reason="r").encode("latin-1"))
    c = load_corpus(corpus_dir, overrides=path)
    (p,) = c.curation_problems
    at = path.read_bytes().index("é".encode("latin-1"))
    assert str(p) == f"{path}: byte {at}: not UTF-8 text; no override applied"
    assert ids(edges_of(c)) == ids(edges_of(base))


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "o.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD_ADD.encode("utf-8"))
    cur = read_curation(path)
    assert [o.id for o in cur.overrides] == ["good"] and not cur.problems and cur.overrides[0].line == 1


def test_missing_overrides_file(tmp_path, corpus_dir):
    missing = tmp_path / "nope.toml"
    with pytest.raises(DataFileError, match=re.escape(f"{missing}: cannot read the overrides file")):
        load_corpus(corpus_dir, overrides=missing)
    with pytest.raises(DataFileError):
        read_curation(tmp_path)  # a folder is not a file either
    assert load_corpus(corpus_dir).curation is None  # the default applies the folder's file only if there is one


# ---------------------------------------------------------------------------
# Entries that name unknown actors or select nothing

def test_selector_that_matches_nothing_and_unknown_names(curate, base):
    text = doc(
        entry("drop", id="no-2014", source="MNLA", target="Ansar Dine", relation="fought-against", date="2014",
              reason="r"),
        entry("drop", id="no-edge", edge="ev-000000000000-9", reason="r"),
        entry("drop", id="typo", source="Ansar Dyne", target="MNLA", relation="fought-against", reason="r"),
        entry("add", id="typo-add", source="MNLA", target="Mujaoo", relation="fought-against", evidence="e",
              reason="r"),
        GOOD_ADD,
    )
    c, path = curate(text)
    pair = sorted(f"{e['edge_id']} dated {e['date']} ({e['date_precision']})" for e in edges_of(base)
                  if {e["source"], e["target"]} == {"mnla", "ansar-dine"})
    notes = {
        "no-2014": f"no fought-against edge mnla -> ansar-dine matches (this pair has: {'; '.join(pair)})",
        "no-edge": "no edge with edge_id 'ev-000000000000-9' in this run's edges.csv",
        "typo": "source: unknown actor 'Ansar Dyne'; did you mean 'Ansar Dine'?",
        "typo-add": "target: unknown actor 'Mujaoo'; did you mean 'MUJAO'?",
    }
    for oid, note in notes.items():
        r = row(c, oid)
        assert (r["applied"], r["note"], r["edges"]) == ("no", note, ""), oid
        line = line_of(text, f'id = "{oid}"') - 1
        assert r["line"] == line
        op = r["op"]
        assert f"{path}: line {line} ([[{op}]] '{oid}'): {note}; entry not applied" in [str(p) for p in c.problems]
    assert ids(edges_of(c)) == ids(edges_of(base)) | {"cur-good-0"}
    assert row(c, "good")["applied"] == "yes"
    assert [r["id"] for r in c.curation_rows] == ["no-2014", "no-edge", "typo", "typo-add", "good"]  # file order


# ---------------------------------------------------------------------------
# Where the parser loses track of lines

def test_char_range_of_an_entry_with_a_multiline_evidence():
    text = ('[[add]]\nid = "quote"\nsource = "MNLA"\ntarget = "Mali"\nrelation = "fought-against"\n'
            'evidence = """The MNLA said:\n[...] we attacked the army."""\nreason = "r"\n')
    (o,) = parse_curation(text).overrides
    assert text[o.span[0]:o.span[1]] == text


def test_header_inside_a_multiline_string_does_not_shift_lines():
    text = doc(entry("add", id="first", source="MNLA", target="Mali", relation="fought-against", reason="r")
               + 'evidence = """Quoted:\n[[add]]\nend"""\n', GOOD_ADD)
    first, good = parse_curation(text).overrides
    assert (first.line, good.line) == (1, line_of(text, 'id = "good"') - 1)


@pytest.mark.parametrize("sep", ["\u2028", "\x85"])
def test_line_numbers_count_newlines_only(sep):
    text = f"# a note{sep}with a line separator\n" + GOOD_ADD
    (o,) = parse_curation(text).overrides
    assert o.line == 2


# ---------------------------------------------------------------------------
# report.md and curation.csv through `actors run`

REPORT_OVERRIDES = doc(
    entry("actor", id="sahel-tigers", name="Sahel Tigers", kind="militia", aliases=["Sahel Tigers"],
          reason="A militia the dictionary lacks."),
    entry("alias", id="blue-riders", actor="MNLA", aliases=["Blue Riders"], reason="A nickname of the MNLA."),
    entry("add", id="ally-2014", source="MNLA", target="Ansar Dine", relation="allied-with", date="2014-02",
          evidence="They <script>alert(2)</script> | joined *forces*", reason="Because | <b>bold</b> `code` [x](y)"),
    entry("drop", id="drop-aguelhok", source="Ansar Dine", target="MNLA", relation="fought-against",
          contains="Aguelhok", reason="Wrong town."),
    entry("redate", id="redate-tessalit", source="MNLA", target="Ansar Dine", relation="fought-against",
          from_date="2015", contains="Tessalit", date="2015-08-02", reason="Other sources give 2 August."),
    entry("drop", id="typo", source="Ansar Dyne", target="MNLA", relation="fought-against",
          reason="Reason with a | pipe."),
    entry("drop", id="no-2014", source="MNLA", target="Ansar Dine", relation="fought-against", date="2014",
          reason="Nothing in 2014."),
    entry("add", id="bad-relation", source="MNLA", target="Mali", relation="fought-with", evidence="e",
          reason="Malformed."),
)
APPLIED = ["sahel-tigers", "blue-riders", "ally-2014", "drop-aguelhok", "redate-tessalit"]
NOT_APPLIED = ["typo", "no-2014", "bad-relation"]


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """`actors run` on a corpus folder holding overrides.toml: with it, and with --no-overrides."""
    folder = tmp_path_factory.mktemp("run-corpus")
    (folder / "a.txt").write_text(A_TXT, encoding="utf-8")
    (folder / "b.txt").write_text(B_TXT, encoding="utf-8")
    (folder / "overrides.toml").write_text(REPORT_OVERRIDES, encoding="utf-8")
    out, raw = tmp_path_factory.mktemp("out"), tmp_path_factory.mktemp("raw")
    assert main(["run", "--corpus", str(folder), "--out", str(out), "-q"]) == 0
    assert main(["run", "--corpus", str(folder), "--out", str(raw), "-q", "--no-overrides"]) == 0
    return folder, out, raw


def _cells(table_row: str) -> list[str]:
    """The cells of a Markdown table row (a pipe escaped as \\| stays in its cell)."""
    parts = re.split(r"(?<!\\)\|", table_row)
    assert parts[0] == "" and parts[-1] == "", table_row
    return [p.strip() for p in parts[1:-1]]


def _section(report: str, heading: str) -> str:
    start = report.index(heading)
    end = report.find("\n## ", start + 1)
    return report[start:end if end != -1 else len(report)]


def test_report_lists_each_applied_entry_with_its_reason(runs):
    folder, out, _ = runs
    report = (out / "report.md").read_text(encoding="utf-8")
    cur = _section(report, "## Curation")
    assert f"`{folder / 'overrides.toml'}`: 5 entries applied, 3 not applied" in cur
    rows = [line for line in cur.splitlines() if line.startswith("| ")]
    assert _cells(rows[0]) == ["id (line)", "operation", "what changed", "reason"]
    body = [_cells(r) for r in rows[1:]]
    assert all(len(cells) == 4 for cells in body)  # no reason or evidence breaks the table
    assert [cells[0].split(" (")[0] for cells in body] == APPLIED
    by_id = {cells[0].split(" (")[0]: cells for cells in body}
    for oid in APPLIED:
        line = line_of(REPORT_OVERRIDES, f'id = "{oid}"') - 1
        assert by_id[oid][0] == f"{oid} ({line})"
    assert by_id["drop-aguelhok"][1:] == [
        "drop", f"mnla fought-against ansar-dine 2015 (year) → dropped \\[{_edge_id(runs, 'Aguelhok')}\\]",
        "Wrong town."]
    assert by_id["redate-tessalit"][2].endswith("→ 2015-08-02 (day) \\[" + _edge_id(runs, "Tessalit") + "\\]")
    assert by_id["ally-2014"][3] == "Because \\| &lt;b&gt;bold&lt;/b&gt; \\`code\\` \\[x\\](y)"
    assert by_id["sahel-tigers"][3] == "A militia the dictionary lacks."


def _edge_id(runs, word: str) -> str:
    raw = pl.read_csv(runs[2] / "edges.csv", infer_schema=False)
    (eid,) = raw.filter(pl.col("evidence").str.contains(word))["edge_id"].to_list()
    return eid


def test_report_lists_what_was_not_applied_and_why(runs):
    _, out, _ = runs
    cur = _section((out / "report.md").read_text(encoding="utf-8"), "## Curation")
    assert "Not applied:" in cur
    items = cur.split("Not applied:", 1)[1].strip().splitlines()
    assert len(items) == 3 and all(i.startswith("- ") for i in items)
    typo_line = line_of(REPORT_OVERRIDES, 'id = "typo"') - 1
    assert items[0] == (f"- typo (line {typo_line}, drop): source: unknown actor 'Ansar Dyne'; did you mean "
                        "'Ansar Dine'? Reason given: Reason with a \\| pipe.")
    assert items[1].startswith("- no-2014 (line ") and "no fought-against edge mnla -&gt; ansar-dine matches" in items[1]
    assert "Reason given: Nothing in 2014." in items[1]
    bad_line = line_of(REPORT_OVERRIDES, "fought-with")
    assert items[2].startswith("- bad-relation (line ")  # a malformed entry is listed like the others
    assert f"line {bad_line} (\\[\\[add\\]\\] 'bad-relation', key 'relation'): relation must be" in items[2]


def test_report_escapes_document_text_and_reasons(runs):
    _, out, _ = runs
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in report and "<b>" not in report and "</" not in report
    # both the document's sentence and the added evidence reached the report, escaped
    assert "near Tessalit &lt;script&gt;alert(1)&lt;/script&gt; \\| x." in report
    assert "They &lt;script&gt;alert(2)&lt;/script&gt; \\| joined \\*forces\\*" in report
    for line in report.splitlines():
        if line.startswith("|"):
            assert line.rstrip().endswith("|") and not line.rstrip().endswith("\\|"), line


def test_curation_csv_has_a_row_per_applied_or_skipped_entry(runs):
    _, out, _ = runs
    cur = pl.read_csv(out / "curation.csv", infer_schema=False)
    assert cur.columns == ["id", "op", "line", "applied", "edges", "before", "after", "reason", "note"]
    assert sorted(cur["id"].to_list()) == sorted(APPLIED + NOT_APPLIED)
    assert cur["line"].to_list() == sorted(cur["line"].to_list(), key=int)  # file order
    status = dict(zip(cur["id"], cur["applied"]))
    assert {k for k, v in status.items() if v == "yes"} == set(APPLIED)
    assert {k for k, v in status.items() if v == "no"} == set(NOT_APPLIED)
    reasons = dict(zip(cur["id"], cur["reason"]))
    assert reasons["ally-2014"] == "Because | <b>bold</b> `code` [x](y)"  # CSV keeps the analyst's own words


def test_curation_csv_has_a_row_for_a_malformed_entry_too(runs):
    _, out, _ = runs
    cur = pl.read_csv(out / "curation.csv", infer_schema=False)
    assert "bad-relation" in cur["id"].to_list()


def test_edges_csv_carries_the_curation(runs):
    folder, out, raw = runs
    edges = pl.read_csv(out / "edges.csv", infer_schema=False)
    added = edges.filter(pl.col("edge_id") == "cur-ally-2014-0").to_dicts()
    assert len(added) == 1 and added[0]["doc"] == "overrides.toml" and added[0]["cue"] == "curation"
    text = (folder / "overrides.toml").read_text(encoding="utf-8")
    span = text[int(added[0]["char_start"]):int(added[0]["char_end"])]
    assert span.startswith("[[add]]\nid = \"ally-2014\"") and "fought-with" not in span
    tessalit = edges.filter(pl.col("edge_id") == _edge_id(runs, "Tessalit")).to_dicts()[0]
    assert (tessalit["date"], tessalit["curation"]) == ("2015-08-02", "redate-tessalit")
    assert _edge_id(runs, "Aguelhok") not in edges["edge_id"].to_list()
    assert edges.filter(pl.col("source") == "sahel-tigers").height == 1
    assert edges.filter(pl.col("source_text") == "Blue Riders").height == 1


def test_no_overrides_leaves_edges_as_extraction_found_them(runs, base):
    _, out, raw = runs
    raw_edges = pl.read_csv(raw / "edges.csv", infer_schema=False)
    expected = sorted((e["edge_id"], e["date"], e["status"]) for e in edges_of(base))
    assert sorted(zip(raw_edges["edge_id"], raw_edges["date"].fill_null(""), raw_edges["status"])) == expected
    assert set(raw_edges["curation"].fill_null("")) == {""}
    assert "## Curation" not in (raw / "report.md").read_text(encoding="utf-8")
    assert pl.read_csv(raw / "curation.csv", infer_schema=False).height == 0
    curated = pl.read_csv(out / "edges.csv", infer_schema=False)
    assert set(curated["edge_id"]) != set(raw_edges["edge_id"])


def test_overrides_and_no_overrides_exclude_each_other(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", "--corpus", str(SEEDS), "--out", str(tmp_path / "o"), "--no-overrides",
              "--overrides", str(SEEDS / "overrides.toml")])
    assert exc.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_missing_overrides_option_exits_2(tmp_path, capsys):
    assert main(["run", "--corpus", str(SEEDS), "--out", str(tmp_path / "o"),
                 "--overrides", str(tmp_path / "nope.toml")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'nope.toml'}: cannot read the overrides file" in err and "Traceback" not in err
    assert not (tmp_path / "o").exists()


# ---------------------------------------------------------------------------
# The seeds' own overrides file

@pytest.fixture(scope="module")
def seeds_pair():
    return load_corpus(SEEDS), load_corpus(SEEDS, overrides=False)


def test_seeds_overrides_change_the_edges_exactly_as_written(seeds_pair):
    curated, raw = seeds_pair
    cur = read_curation(SEEDS / "overrides.toml")
    assert not cur.problems and len(cur.overrides) == 6
    assert [r["applied"] for r in curated.curation_rows] == ["yes"] * 6
    # curation works on mentions (mentions.csv), before they are resolved to events
    def mentions_of(c) -> dict:
        return {m["mention_id"]: {k: v for k, v in m.items() if k not in ("event_id", "edge_id")}
                for m in c.frames["mentions"].to_dicts()}

    before, after = mentions_of(raw), mentions_of(curated)
    adds, drops, redates = cur.of("add"), cur.of("drop"), cur.of("redate")
    assert (len(adds), len(drops), len(redates)) == (2, 1, 1)
    assert set(after) - set(before) == {f"cur-{o.id}-0" for o in adds}
    assert set(before) - set(after) == {drops[0].values["edge"]}
    for o in adds:
        e = after[f"cur-{o.id}-0"]
        assert e["date"] == o.values["date"] and e["evidence"] == o.values["evidence"]
        assert curated.dictionary.lookup(o.values["source"]).id == e["source"]
        assert curated.dictionary.lookup(o.values["target"]).id == e["target"]
    changed = {k for k in set(before) & set(after) if before[k] != after[k]}
    (redate,) = redates
    assert len(changed) == 1
    (k,) = changed
    assert redate.values["contains"] in after[k]["evidence"]
    assert (before[k]["date"], after[k]["date"], after[k]["date_precision"]) == ("", redate.values["date"], "day")
    assert after[k]["curation"] == redate.id
    diff = {x for x in after[k] if after[k][x] != before[k][x]}
    assert diff == {"date", "date_precision", "date_earliest", "date_latest", "curation"}
    # the dropped infobox mention told the same attack as a prose sentence: one event either way
    assert {e["edge_id"]: e["mentions"] for e in edges_of(raw)}[drops[0].values["edge"]] == 2
    # the alias and the actor entries reached the dictionary
    assert curated.dictionary.lookup("Azawad Salvation Movement").id == "msa"
    assert raw.dictionary.lookup("Azawad Salvation Movement") is None
    assert curated.dictionary.lookup("katiba hanifa").id == "katiba-hanifa"
    assert raw.dictionary.lookup("katiba hanifa") is None
    # two events added; the dropped mention's event stays, told by its other sentence
    assert curated.graph.number_of_edges() == raw.graph.number_of_edges() + 2


# ---------------------------------------------------------------------------
# Properties

_NO_LINE_BREAKS = st.characters(blacklist_categories=("Cs",),
                                blacklist_characters="\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_never_raises_on_any_text(text):
    cur = parse_curation(text, "o.toml")
    assert all(p.path == "o.toml" for p in cur.problems)
    nlines = text.count("\n") + 1
    for o in cur.overrides:
        assert 0 <= o.line <= len(text.splitlines()) + 1 and o.op in OPERATIONS
    for p in cur.problems:
        hit = re.match(r"line (\d+) ", p.where)
        if hit:
            assert 1 <= int(hit.group(1)) <= max(nlines, len(text.splitlines()))


_KEYS = ["id", "reason", "source", "target", "relation", "evidence", "date", "status", "claimed_by", "edge", "doc",
         "contains", "from_date", "name", "kind", "tags", "aliases", "exact_aliases", "demonyms", "prefixes",
         "country_names", "actor", "colour", "odd key"]
_scalar = st.one_of(
    st.text(alphabet=_NO_LINE_BREAKS, max_size=12),
    st.sampled_from(["mnla", "Ansar Dine", "fought-against", "allied-with", "reported", "2012", "2012-02-30",
                     "2012-06", "militia", "ev-x", "", " "]),
    st.integers(-5, 3000), st.booleans(), st.dates(), st.floats(allow_nan=False, allow_infinity=False))
_value = st.one_of(_scalar, st.lists(_scalar, max_size=3), st.dictionaries(st.sampled_from(["a", "b"]), _scalar,
                                                                           max_size=2))
_tables = st.lists(st.tuples(st.sampled_from([*OPERATIONS, "fix"]),
                             st.dictionaries(st.sampled_from(_KEYS), _value, max_size=9)), max_size=6)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_tables)
def test_parse_never_raises_on_toml_tables_and_accounts_for_every_entry(tables):
    texts = [entry(op, **keys) for op, keys in tables]
    text = doc(*texts)
    cur = parse_curation(text, "o.toml")
    nlines = text.count("\n") + 1
    lines = [int(m.group(1)) for p in cur.problems for m in [re.match(r"line (\d+) ", p.where)] if m]
    assert all(1 <= n <= nlines for n in lines)
    start = 1
    for (op, _), t in zip(tables, texts):
        end = start + t.count("\n") - 1
        if op in OPERATIONS:
            kept = [o for o in cur.overrides if o.line == start]
            flagged = [n for n in lines if start <= n <= end]
            assert len(kept) + bool(flagged) == 1, (t, cur)  # applied or reported, never both, never neither
            if kept:
                assert text[kept[0].span[0]:kept[0].span[1]] == t
        else:
            assert any("unknown table [[fix]]" in p.what for p in cur.problems)
        start = end + 2


_word = st.text(alphabet=_NO_LINE_BREAKS, min_size=1, max_size=20).filter(lambda s: s.strip() == s and s != "")
_id = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,15}", fullmatch=True)


@st.composite
def _date(draw, allow_empty=True):
    d = draw(st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31)))  # plausible
    forms = [d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]] + ([""] if allow_empty else [])
    return draw(st.sampled_from(forms))


@st.composite
def _valid_entry(draw):
    op = draw(st.sampled_from(OPERATIONS))
    v: dict = {}
    if op == "add":
        v = {"source": draw(_word), "target": draw(_word), "relation": draw(st.sampled_from(RELATIONS)),
             "evidence": draw(_word)}
        for key, strategy in (("date", _date()), ("status", st.sampled_from(STATUSES)), ("claimed_by", _word)):
            if draw(st.booleans()):
                v[key] = draw(strategy)
    elif op in ("drop", "redate"):
        if draw(st.booleans()):
            v["edge"] = draw(_word)
        else:
            v.update(source=draw(_word), target=draw(_word), relation=draw(st.sampled_from(RELATIONS)))
            for key in ("doc", "contains"):
                if draw(st.booleans()):
                    v[key] = draw(_word)
        if op == "redate":
            v["date"] = draw(_date())
            if draw(st.booleans()):
                v["from_date"] = draw(_date())
        elif draw(st.booleans()):
            v["date"] = draw(_date())
    elif op == "actor":
        v = {"name": draw(_word), "kind": draw(_word)}
        for key in ("tags", "aliases", "exact_aliases", "demonyms", "prefixes", "country_names"):
            if draw(st.booleans()):
                v[key] = draw(st.lists(_word, max_size=3))
    elif op == "merge":
        v = {"edges": draw(st.lists(_word, min_size=2, max_size=4))}
    else:
        v = {"actor": draw(_word), "aliases": draw(st.lists(_word, min_size=1, max_size=3))}
    return op, v


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_valid_entry(), _id, _word), max_size=5, unique_by=lambda t: t[1]))
def test_valid_entries_round_trip(items):
    texts = [entry(op, id=oid, **values, reason=reason) for (op, values), oid, reason in items]
    text = doc(*texts)
    cur = parse_curation(text, "o.toml")
    assert not cur.problems, cur.problems
    assert len(cur.overrides) == len(items)
    by_id = {o.id: o for o in cur.overrides}
    start = 1
    for ((op, values), oid, reason), t in zip(items, texts):
        o = by_id[oid]
        assert (o.op, o.reason, dict(o.values)) == (op, reason, values)
        assert o.line == start and text[o.span[0]:o.span[1]] == t
        start += t.count("\n") + 1

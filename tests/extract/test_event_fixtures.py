"""The hand-made ACLED and UCDP fixtures (tests/fixtures/events/, outcomes in its README): every layout
imports, from a corpus folder and from --events; bad files are refused with their lines; an event told
by a table and by an article is one event."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from actors.cli import main
from actors.corpus import load_corpus
from actors.extract.dictionary import load_dictionary
from actors.extract.tabular import import_tables
from actors.text.tables import read_table

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "events"


def _import(name: str):
    table = read_table(FIX / name)
    got = import_tables([table], load_dictionary())
    events, edges, problems, dictionary = got.events, got.edges, got.problems, got.dictionary
    line = {e["event_id"]: e["sentence_index"] for e in events}
    rels = {(line[e["event_id"]], e["source"], e["relation"], e["target"], e["relation_kind"], e["date"]) for e in edges}
    return table, events, edges, problems, dictionary, rels, got


def test_acled_classic_by_hand():
    table, events, edges, problems, dictionary, rels, got = _import("acled_classic.csv")
    assert table.layout == "acled" and len(table.rows) == 18
    assert len(edges) == 26 and len(events) == 16  # README: 25 + the unmapped katiba's, which is imported
    assert {(2, "jnim", "fought-against", "mali", "", "2019-09-30"),
            (2, "katiba-macina", "member-of", "jnim", "member", "2019-09-30"),  # a component of JNIM
            (3, "gatia", "allied-with", "msa", "joint-action", "2018"),  # a week across two months: the year
            (6, "mali", "fought-against", "generic-militants", "", "2021-11"),
            (12, "cma", "allied-with", "platform", "alliance", "2015-10"),
            (16, "jnim", "fought-against", "mali", "", "2022-06-18"),  # "Police Forces of Mali (2021-) Gendarmerie"
            (18, "generic-jihadists", "fought-against", "mali", "", "2021-10-05")} <= rels
    assert not [r for r in rels if r[0] in (10, 13)]  # civilians; a base established
    # the katiba the map lacks is an actor of its own, said so
    assert (14, "acled-katiba-al-ghoroub", "fought-against", "mali", "", "2021-05-22") in rels
    assert dictionary.get("acled-katiba-al-ghoroub").kind == "rebel movement"
    (named,) = [p for p in problems if "Katiba Al-Ghoroub" in p.what]
    assert named.what.startswith("actor 'Katiba Al-Ghoroub'") and named.where == "line 14"  # its first row
    (cand,) = got.candidates  # and a candidate, with the row it is named in
    assert (cand.name, cand.kind_guess, cand.doc) == ("Katiba Al-Ghoroub", "rebel movement", "acled_classic.csv")
    assert table.text[cand.start:cand.end] == "Katiba Al-Ghoroub"
    for e in edges:  # every relation traced to its row
        assert e["evidence"] == table.text[e["char_start"]:e["char_end"]] and e["doc"] == "acled_classic.csv"


@pytest.mark.parametrize("name, layout, relations", [("acled_actors.csv", "acled-actors", 12),
                                                    ("ucdp_ged.csv", "ucdp-ged", 13), ("ucdp_acd.csv", "ucdp-acd", 25)])
def test_the_other_layouts(name, layout, relations):
    table, events, edges, problems, _, rels, _ = _import(name)
    assert table.layout == layout and len(edges) == relations and not problems
    if layout == "ucdp-acd":
        assert (6, "chad", "allied-with", "mali", "support", "2013") in rels
        assert (3, "mali", "fought-against", "hcua", "", "2014") in rels
    if layout == "acled-actors":
        assert (5, "katiba-macina", "member-of", "jnim", "member", "2020-01-26") in rels
    if layout == "ucdp-ged":
        assert not [r for r in rels if r[0] in (11, 12)]  # one-sided violence
        assert {(8, "jnim", "fought-against", "isgs", "", "2020-04"),  # UCDP's "IS" by the row's country
                (14, "niger", "fought-against", "isgs", "", "2019-12-10"),
                (16, "nigeria", "fought-against", "iswap", "", "2018-11-18")} <= rels


def test_bad_files_are_refused_with_their_lines_and_the_rest_is_read(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(FIX / "bad", folder)
    (folder / "note.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n", encoding="utf-8")
    c = load_corpus(folder, overrides=None)
    p = {(r["path"], r["where"]): r["what"] for r in c.frames["problems"].iter_rows(named=True)}
    assert "lacks the column(s) event_date, actor2" in p[("missing_columns.csv", "line 1")]
    assert "not an event table" in p[("unknown_layout.csv", "line 1")]
    assert p[("bad_rows.csv", "line 4")] == "actor1 is empty: row skipped"
    assert "left undated" in p[("bad_rows.csv", "line 3")] and "'many'" in p[("bad_rows.csv", "line 5")]
    assert "field(s) where the header has" in p[("bad_rows.csv", "line 6")]
    docs = set(c.frames["edges"]["doc"].to_list())
    assert {"note.txt", "bad_rows.csv"} <= docs
    layouts = dict(c.frames["documents"].select("doc", "layout").iter_rows())
    assert layouts["bad_rows.csv"] == "acled" and layouts["unknown_layout.csv"] == "unknown table"


def test_one_event_told_by_a_table_and_an_article_is_one_event(tmp_path):
    c = load_corpus(FIX / "both_ways", overrides=None)
    dioura = c.frames["edges"].filter((pl.col("date") == "2019-03-17") & (pl.col("relation") == "fought-against"))
    (e,) = dioura.iter_rows(named=True)
    assert ({e["source"], e["target"]}, e["docs"], e["mentions"]) == ({"jnim", "mali"}, 2, 2)
    (ev,) = c.frames["events"].filter(pl.col("event_id") == e["event_id"]).iter_rows(named=True)
    assert ev["source_event_id"] == "MLI93001" and ev["place"] == "Dioura" and ev["documents"] == "events.csv|report.txt"
    from actors.analysis.dyads import dyads  # the dyad names both kinds of source

    d = dyads(c.frames["edges"], mentions=c.frames["mentions"], events=c.frames["events"],
              documents=c.frames["documents"]).filter((pl.col("a") == "jnim") & (pl.col("b") == "mali"))
    assert d.row(0, named=True)["sources"] == "acled|text"


def test_events_files_from_elsewhere_and_a_corpus_of_tables_alone(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(FIX / "both_ways"), "--events", str(FIX / "ucdp_acd.csv"),
                 "--out", str(out), "-q", "--figure-workers", "0"]) == 0
    docs = pl.read_csv(out / "documents.csv")
    assert set(docs["doc"]) >= {"report.txt", "events.csv", "ucdp_acd.csv"}
    assert "ucdp_acd.csv" in set(pl.read_csv(out / "edges.csv", infer_schema=False)["doc"])
    assert (out / "dyads.csv").exists()
    tables_only = tmp_path / "t"
    tables_only.mkdir()
    shutil.copy(FIX / "ucdp_ged.csv", tables_only / "ged.csv")
    assert load_corpus(tables_only, overrides=None).frames["edges"].height == 13
    assert main(["run", "--corpus", str(tables_only), "--events", str(tmp_path / "missing.csv"), "--out",
                 str(tmp_path / "o2"), "-q"]) != 0
    assert "--events" in capsys.readouterr().err

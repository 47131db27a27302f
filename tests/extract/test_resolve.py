"""Events, not mentions: actors.extract.resolve on hand-made mention rows and on short invented reports."""

from __future__ import annotations

import shutil
from pathlib import Path

import polars as pl
import pytest

from actors.corpus import load_corpus
from actors.extract.resolve import resolve_events
from actors.text.date_values import parse_iso

ROOT = Path(__file__).resolve().parents[2]


def mention(n: int, a: str, b: str, date: str, *, doc: str = "w.txt", rel: str = "fought-against",
            status: str = "reported", claimed_by: str = "", stated: bool = True, place: str = "",
            statement: str | None = None) -> tuple[dict, dict]:
    """A mention row of the fictional world (tests/world.py) and its statement row."""
    d = parse_iso(date)
    sid = statement or f"s{n}"
    row = {"event_id": sid, "edge_id": f"{sid}-{n}", "source": a, "target": b, "relation": rel, "date": d.iso,
           "date_precision": d.precision, "date_earliest": d.earliest, "date_latest": d.latest,
           "status": status, "claimed_by": claimed_by, "doc": doc, "char_start": 100 * n, "char_end": 100 * n + 50,
           "evidence": f"sentence {n}"}
    words = f"in {date}" if stated and date else "then"
    st = {"event_id": sid, "doc": doc, "char_start": 100 * n, "char_end": 100 * n + 50, "place": place,
          "date": d.iso, "date_precision": d.precision, "date_earliest": d.earliest, "date_latest": d.latest,
          "date_text": f"in {date}" if date else "", "sentence": f"The fight {words}."}
    return row, st


def resolve(*pairs):
    return resolve_events([m for m, _ in pairs], [s for _, s in pairs])


def test_a_battle_told_three_times_is_one_event():
    r = resolve(mention(1, "nf", "state", "2001-03-04"),  # the infobox
                mention(2, "state", "nf", "2001-03-04"),  # the lead, the other order
                mention(3, "nf", "state", "2001", stated=False))  # the body, in the year in force
    (e,) = r.edges
    assert (e["mentions"], e["docs"], e["date"], e["edge_id"]) == (3, 1, "2001-03-04", "s1-1")
    assert e["mention_ids"] == "s1-1|s2-2|s3-3"
    assert {m["event_id"] for m in r.mentions} == {"s1"} and len(r.events) == 1
    assert r.events[0]["mentions"] == 3 and r.events[0]["statements"] == 3


def test_two_attacks_on_different_days_stay_apart():
    r = resolve(mention(1, "nf", "state", "2001-03-04"), mention(2, "nf", "state", "2001-03-09"))
    assert len(r.edges) == 2 and len({m["event_id"] for m in r.mentions}) == 2


def test_the_same_day_across_documents_merges_but_a_stated_year_never_joins_across():
    r = resolve(mention(1, "nf", "state", "2001-03-04", doc="a.txt"),
                mention(2, "nf", "state", "2001-03-04", doc="b.txt"),
                mention(3, "nf", "state", "2001", doc="c.txt", stated=False))
    assert sorted(e["mentions"] for e in r.edges) == [1, 2]
    (two,) = [e for e in r.edges if e["mentions"] == 2]
    assert two["docs"] == 2 and two["doc"] == "a.txt"
    assert [(o["edge_id"], o["other_edge_id"]) for o in r.overlaps] == [("s1-1", "s3-3")]


def test_a_year_summary_next_to_dated_events_stays_its_own_event():
    r = resolve(mention(1, "crescent", "nf", "2001-07-02"), mention(2, "crescent", "nf", "2001-08-15"),
                mention(3, "crescent", "nf", "2001", stated=False))
    assert len(r.edges) == 3
    assert sorted(o["edge_id"] for o in r.overlaps) == ["s1-1", "s2-2"]
    # stated in its own sentence, even one dated fight does not swallow it
    r = resolve(mention(1, "crescent", "nf", "2001-07-02"), mention(3, "crescent", "nf", "2001"))
    assert len(r.edges) == 2 and len(r.overlaps) == 1


def test_undated_mentions_and_other_places_never_merge():
    assert len(resolve(mention(1, "nf", "state", ""), mention(2, "nf", "state", "")).edges) == 2
    a, b = mention(1, "nf", "state", "", doc="a.txt"), mention(2, "nf", "state", "", doc="b.txt")
    b[0]["evidence"] = a[0]["evidence"]  # one report copied word for word: one event
    assert len(resolve(a, b).edges) == 1
    r = resolve(mention(1, "nf", "state", "2001-03-04", place="Adar"),
                mention(2, "nf", "state", "2001-03-04", place="Brak, Veld"))
    assert len(r.edges) == 2
    r = resolve(mention(1, "nf", "state", "2001-03-04", place="Adar"),
                mention(2, "nf", "state", "2001-03-04", place="Adar, Veld"))
    assert len(r.edges) == 1


def test_a_denial_elsewhere_makes_the_event_disputed_and_the_most_explicit_mention_speaks():
    r = resolve(mention(1, "banner", "state", "2003-02-01", doc="b.txt", status="claimed", claimed_by="banner"),
                mention(2, "banner", "state", "2003-02-01", doc="c.txt", status="reported"),
                mention(3, "banner", "state", "2003-02-01", doc="a.txt", status="denied", claimed_by="state"))
    (e,) = r.edges
    assert e["status"] == "disputed" and e["statuses"] == "reported|claimed|denied"
    assert e["doc"] == "c.txt"  # reported over claimed over denied, before reading order
    assert e["claimed_by"] == "|state" and e["docs"] == 3  # ASSERTER|DENIER; the asserter: the text itself
    r = resolve(mention(1, "banner", "state", "2003-02-01", doc="b.txt", status="claimed", claimed_by="banner"),
                mention(3, "banner", "state", "2003-02-01", doc="a.txt", status="denied", claimed_by="state"))
    assert (r.edges[0]["status"], r.edges[0]["claimed_by"]) == ("disputed", "banner|state")


def test_pairs_told_in_one_sentence_share_the_event():
    r = resolve(mention(1, "nf", "state", "2001-03-04", statement="s1"),
                mention(2, "crescent", "state", "2001-03-04", statement="s1"),
                mention(3, "crescent", "state", "2001-03-04", statement="s9"),
                mention(4, "un", "state", "2001-03-04", rel="allied-with", statement="s9"))
    assert {m["event_id"] for m in r.mentions} == {"s1"}
    assert len(r.edges) == 3 and len(r.events) == 1 and r.events[0]["statements"] == 2


def test_resolution_does_not_change_its_input_and_is_deterministic():
    pairs = [mention(i, "nf", "state", "2001-03-04", doc=f"{i % 3}.txt") for i in range(6)]
    rows = [dict(m) for m, _ in pairs]
    first = resolve(*pairs)
    assert [m for m, _ in pairs] == rows
    assert resolve(*reversed(pairs)).edges == first.edges


# -- whole reports ------------------------------------------------------------------------------------


def _corpus(tmp_path: Path, texts: dict[str, str]):
    folder = tmp_path / "c"
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return load_corpus(folder, overrides=None)


def test_one_attack_in_two_reports_and_a_denial(tmp_path):
    c = _corpus(tmp_path, {
        "a.txt": "On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n",
        "b.txt": "On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao, the army said.\n\n"
                 "On 9 May 2014, MUJAO fighters attacked Malian soldiers near Gao.\n",
    })
    edges = c.frames["edges"].sort("date")
    assert edges.select("date", "mentions", "docs").rows() == [("2014-05-03", 2, 2), ("2014-05-09", 1, 1)]
    assert c.frames["mentions"].height == 3 and c.frames["events"].height == 2
    assert c.graph.number_of_edges() == 2


def test_seeds_plus_a_copied_seed_are_the_seeds_events(tmp_path):
    folder = tmp_path / "c"
    shutil.copytree(ROOT / "seeds", folder)
    copied = "004_2b72ca9f9093e46b.txt"
    shutil.copy(folder / copied, folder / "zz_copy.txt")
    alone, doubled = load_corpus(ROOT / "seeds"), load_corpus(folder)
    counts = ["mentions", "mention_ids", "docs", "statuses", "claimed_by", "status"]
    for table, extra in (("edges", counts), ("events", ["mentions", "statements", "documents"])):
        a, b = (c.frames[table].drop(extra).sort(c.frames[table].columns[0]) for c in (alone, doubled))
        assert a.equals(b), table
    m_a, m_b = alone.frames["mentions"], doubled.frames["mentions"]
    assert (m_b.filter(pl.col("doc") == "zz_copy.txt").height
            == m_a.filter(pl.col("doc") == copied).height > 0)
    assert m_b.height == m_a.height + m_a.filter(pl.col("doc") == copied).height
    # every event of the copied file is now told by two documents
    docs = dict(doubled.frames["edges"].select("edge_id", "docs").iter_rows())
    own = set(alone.frames["mentions"].filter(pl.col("doc") == copied)["edge_id"])
    undated = set(alone.frames["edges"].filter(pl.col("date") == "")["edge_id"])
    assert all(docs[e] == 2 for e in own - undated)


@pytest.mark.parametrize("n", [1, 3])
def test_copies_multiply_mentions_not_events(tmp_path, n):
    text = "On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n"
    c = _corpus(tmp_path, {f"r{i}.txt": text for i in range(n)})
    assert c.frames["mentions"].height == n and c.frames["edges"].height == 1
    assert c.frames["edges"]["mentions"].to_list() == [n]


def test_mention_ids_are_unique_and_one_statement_is_one_row():
    """A claim that fills an earlier sentence's attacker adds to that sentence's event (a news report
    on an ambush in Niger once gave two rows one id, and the graph refused the run)."""
    for folder in (ROOT / "seeds", ROOT.parent / "shared" / "realtext" / "current_events"):
        if not folder.is_dir():
            continue
        c = load_corpus(folder, overrides=None)
        ids = c.frames["mentions"]["mention_id"].to_list()
        assert len(ids) == len(set(ids)), folder
        edges = c.frames["edges"]["edge_id"].to_list()
        assert len(edges) == len(set(edges)) == c.graph.number_of_edges()


def test_roles_filled_across_sentences_say_which_sentence_filled_them(tmp_path):
    """A claim in the next sentence names the attacker; "the group" points back to the sentence before;
    a denial in the next sentence disputes; "suspected" makes a relation alleged. Each row says which
    other sentence filled which role, and the event merges them with the first report."""
    first = "Gunmen attacked a Malian army post near Boulkessi on 3 March 2020, killing ten soldiers."
    claim = "JNIM claimed responsibility for the attack the next day."
    told = "On 5 May 2020 the Islamic State in the Greater Sahara ambushed a MINUSMA convoy near Tessalit."
    back = "The group said it had killed six peacekeepers."
    c = _corpus(tmp_path, {
        "a.txt": f"{first} {claim}\n\n{told} {back}\n",
        "b.txt": "On 3 March 2020 JNIM attacked the Malian army post at Boulkessi. "
                 "JNIM denied that it attacked the army post.\n\n"
                 "On 9 June 2020 suspected JNIM fighters ambushed Burkinabe soldiers near Djibo.\n",
    })
    m = {(r["doc"], r["evidence"][:12]): r for r in c.frames["mentions"].iter_rows(named=True)}
    a1 = m[("a.txt", first[:12])]
    start = len(first) + 1
    assert (a1["source"], a1["target"], a1["status"], a1["claimed_by"]) == ("jnim", "mali", "claimed", "jnim")
    assert a1["filled_by"] == f"source:{start}-{start + len(claim)}|status:{start}-{start + len(claim)}"
    assert a1["context"] == claim
    a2 = m[("a.txt", back[:12])]
    assert (a2["source"], a2["target"]) == ("isgs", "minusma") and a2["context"] == told
    assert a2["filled_by"].startswith("source:") and "status" not in a2["filled_by"]
    b1 = m[("b.txt", "On 3 March 2")]
    assert b1["status"] == "disputed" and b1["filled_by"].startswith("status:") and "denied" in b1["context"]
    b2 = m[("b.txt", "On 9 June 20")]
    assert (b2["source"], b2["status"], b2["filled_by"]) == ("jnim", "alleged", "")
    # one event for the Boulkessi attack: the claimed report and the disputed one
    (e,) = c.frames["edges"].filter(pl.col("date") == "2020-03-03").iter_rows(named=True)
    assert (e["mentions"], e["docs"], e["status"]) == (2, 2, "disputed")
    assert set(e["statuses"].split("|")) == {"claimed", "disputed"}


def test_an_analyst_merges_what_resolution_kept_apart():
    r = resolve(mention(1, "nf", "state", "2001-03-04", doc="a.txt"),
                mention(2, "nf", "state", "2001", doc="b.txt"),  # another document's year: kept apart, an overlap
                mention(3, "nf", "state", "2001-05-09", doc="a.txt"),
                mention(4, "crescent", "state", "2001-03-04", doc="a.txt"))
    assert [(o["edge_id"], o["other_edge_id"], o["kind"]) for o in r.overlaps] == [
        ("s1-1", "s2-2", "inside"), ("s3-3", "s2-2", "inside")]
    merged = resolve_events([m for m, _ in (mention(1, "nf", "state", "2001-03-04", doc="a.txt"),
                                            mention(2, "nf", "state", "2001", doc="b.txt"),
                                            mention(3, "nf", "state", "2001-05-09", doc="a.txt"),
                                            mention(4, "crescent", "state", "2001-03-04", doc="a.txt"))],
                            merges=[("summary", ["s1-1", "s2-2"]), ("two-days", ["s1-1", "s3-3"]),
                                    ("typo", ["s1-1", "s9-9"]), ("sides", ["s1-1", "s4-4"]),
                                    ("again", ["s2-2", "s1-1"])])
    by_id = {m["id"]: m for m in merged.merges}
    assert (by_id["summary"]["applied"], by_id["summary"]["edges"]) == ("yes", "s1-1")
    assert by_id["two-days"]["applied"] == "no" and "dates conflict" in by_id["two-days"]["note"]
    assert by_id["typo"]["applied"] == "no" and "'s9-9'" in by_id["typo"]["note"]
    assert by_id["again"]["applied"] == "no" and "one event already" in by_id["again"]["note"]
    assert by_id["sides"]["applied"] == "yes"
    edges = {e["edge_id"]: e for e in merged.edges}
    assert (edges["s1-1"]["mentions"], edges["s1-1"]["docs"], edges["s1-1"]["date"]) == (2, 2, "2001-03-04")
    assert edges["s4-4"]["event_id"] == edges["s1-1"]["event_id"]  # another pair: the same occurrence, its own edge
    assert [(o["edge_id"], o["other_edge_id"]) for o in merged.overlaps] == [("s3-3", "s1-1")]


def test_equal_months_are_kept_apart_and_listed_as_overlaps():
    r = resolve(mention(1, "nf", "state", "2001-03", doc="a.txt"), mention(2, "nf", "state", "2001-03", doc="a.txt"))
    assert len(r.edges) == 2
    assert [(o["edge_id"], o["other_edge_id"], o["kind"]) for o in r.overlaps] == [("s1-1", "s2-2", "same-period")]


def test_merge_entries_of_an_overrides_file(tmp_path):
    c = _corpus(tmp_path, {
        "a.txt": "On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n",
        "b.txt": "In 2014, MUJAO fought the Malian army near Gao.\n",
    })
    day, year = sorted(c.frames["edges"]["edge_id"].to_list(), key=lambda e: not e.startswith(
        c.frames["edges"].filter(pl.col("date") == "2014-05-03")["event_id"][0]))
    assert c.frames["overlaps"].select("edge_id", "other_edge_id").rows() == [(day, year)]
    (tmp_path / "c" / "overrides.toml").write_text(
        f'[[merge]]\nid = "gao"\nreason = "b.txt sums up the ambush"\nedges = ["{day}", "{year}"]\n\n'
        f'[[merge]]\nid = "typo"\nreason = "x"\nedges = ["{day}", "ev-0000-0"]\n\n'
        f'[[merge]]\nid = "one"\nreason = "x"\nedges = "{day}"\n', encoding="utf-8")
    c = load_corpus(tmp_path / "c")
    (e,) = c.frames["edges"].iter_rows(named=True)
    assert (e["mentions"], e["docs"], e["date"]) == (2, 2, "2014-05-03") and c.frames["overlaps"].height == 0
    rows = {r["id"]: r for r in c.frames["curation"].iter_rows(named=True)}
    assert (rows["gao"]["applied"], rows["typo"]["applied"], rows["one"]["applied"]) == ("yes", "no", "no")
    problems = c.frames["problems"]["where"].to_list()
    assert any("[[merge]] 'typo'" in w and w.startswith("line 6") for w in problems)
    assert any("[[merge]] 'one'" in w for w in problems)


def test_an_undated_belligerents_list_joins_the_one_event_of_its_pair_in_its_document():
    def row(eid, doc, start, date, cue):
        day = {"date": date, "date_precision": "day" if date else "unknown",
               "date_earliest": date, "date_latest": date}
        return {"event_id": eid, "edge_id": eid + "-0", "source": "jnim", "target": "mali",
                "relation": "fought-against", **day, "status": "reported", "claimed_by": "", "doc": doc,
                "char_start": start, "char_end": start + 10, "cue": cue, "evidence": eid}
    box = row("box", "a.txt", 0, "", "belligerents")
    lead = row("lead", "a.txt", 50, "2022-03-04", "attack")
    assert len(resolve_events([box, lead]).edges) == 1
    # two events of the pair in the document: which one the list names is unknown
    other = row("other", "a.txt", 90, "2022-05-01", "attack")
    assert len(resolve_events([box, lead, other]).edges) == 3
    # another document's event is not the list's
    far = row("far", "b.txt", 0, "2022-03-04", "attack")
    assert len(resolve_events([box, far]).edges) == 2


def test_a_dated_belligerents_list_joins_the_one_event_of_its_pair_whose_date_fits():
    def row(eid, start, date, precision, lo, hi, cue):
        return {"event_id": eid, "edge_id": eid + "-0", "source": "jnim", "target": "mali",
                "relation": "fought-against", "date": date, "date_precision": precision, "date_earliest": lo,
                "date_latest": hi, "status": "reported", "claimed_by": "", "doc": "a.txt",
                "char_start": start, "char_end": start + 10, "cue": cue, "evidence": eid}
    box = row("box", 0, "2019", "year", "2019-09-29", "2019-10-01", "belligerents")
    lead = row("lead", 50, "2019", "year", "2019-09-30", "2019-10-01", "attack")
    assert len(resolve_events([box, lead]).edges) == 1
    older = row("older", 90, "2017", "year", "2017-01-01", "2017-12-31", "attack")  # a raid of 2017: not its date
    assert len(resolve_events([box, lead, older]).edges) == 2


def _at(pair: tuple[dict, dict], index: int, section: str = "body") -> tuple[dict, dict]:
    """The mention with its statement's place in the document: sentence ``index`` of ``section``."""
    row, st = pair
    return row, {**st, "sentence_index": index, "section": section}


def test_an_undated_sentence_that_goes_on_telling_a_story_joins_it_at_the_same_precision():
    # "In March 2001, NF attacked the state's post. NF then overran the post." (March inherited)
    told = _at(mention(1, "nf", "state", "2001-03"), 4)
    r = resolve(told, _at(mention(2, "nf", "state", "2001-03", stated=False), 5))
    (e,) = r.edges
    assert (e["mentions"], e["edge_id"]) == (2, "s1-1")
    # two sentences on is still the story; three is not
    assert len(resolve(told, _at(mention(2, "nf", "state", "2001-03", stated=False), 6)).edges) == 1
    assert len(resolve(told, _at(mention(2, "nf", "state", "2001-03", stated=False), 7)).edges) == 2
    # another section, or a sentence that states its own month, tells another fight
    assert len(resolve(told, _at(mention(2, "nf", "state", "2001-03", stated=False), 5, "aftermath")).edges) == 2
    assert len(resolve(told, _at(mention(2, "nf", "state", "2001-03"), 5)).edges) == 2
    # the story's sentence must state the date: an undated sentence after an undated one stays apart
    inherited = _at(mention(1, "nf", "state", "2001-03", stated=False), 4)
    assert len(resolve(inherited, _at(mention(2, "nf", "state", "2001-03", stated=False), 5)).edges) == 2
    # and other places never merge
    r = resolve(_at(mention(1, "nf", "state", "2001-03", place="Tessalit"), 4),
                _at(mention(2, "nf", "state", "2001-03", stated=False, place="Gao"), 5))
    assert len(r.edges) == 2


def test_in_place_gives_the_same_resolution_without_copying_the_rows():
    """in_place: the mention rows themselves become the mentions, the same values as the copies
    (merges, overlaps and events too); a row listed twice is copied, not changed twice."""
    pairs = [mention(1, "nf", "state", "2001-03-04"), mention(2, "state", "nf", "2001-03-04", doc="x.txt"),
             mention(3, "nf", "state", "2001"), mention(4, "nf", "ally", "2001-05", rel="allied-with")]
    statements = [s for _, s in pairs]
    copied = resolve_events([dict(m) for m, _ in pairs], statements, merges=[("m", ["s3-3", "s1-1"])])
    rows = [dict(m) for m, _ in pairs]
    inside = resolve_events(rows, statements, merges=[("m", ["s3-3", "s1-1"])], in_place=True)
    assert inside.mentions == copied.mentions and all(a is b for a, b in zip(inside.mentions, rows))
    assert (inside.edges, inside.events, inside.overlaps, inside.merges) == \
        (copied.edges, copied.events, copied.overlaps, copied.merges)
    twice = [dict(pairs[0][0])] * 2
    assert resolve_events(twice, statements[:1], in_place=True).mentions == \
        resolve_events([dict(pairs[0][0])] * 2, statements[:1]).mentions
    assert twice[0]["edge_id"] == "s1-1"  # left as it was


def test_a_documents_standing_contingent_is_one_event_other_standing_relations_stay_apart():
    def held(n, kind, doc="w.txt", rel="member-of", a="nf", b="blue-mission"):
        row, st = mention(n, a, b, "", doc=doc, rel=rel)
        row.update(relation_kind=kind, date_latest=f"2001-0{n}-01")  # undated, held by the date in force
        return row, st

    r = resolve(held(1, "contingent"), held(2, "contingent"), held(3, "contingent", doc="x.txt"))
    assert sorted(e["mentions"] for e in r.edges) == [1, 2]  # one per document
    r = resolve(held(1, "affiliate", b="crescent"), held(2, "affiliate", b="crescent"))
    assert len(r.edges) == 2

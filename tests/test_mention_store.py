"""Mentions held as columns while a corpus streams in (actors.mention_store, actors.extract.resolve_frames):
the same tables as from whole rows."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpus_copies import copy_seeds

from actors.corpus import load_corpus
from actors.extract.resolve import resolve_events
from actors.extract.resolve_frames import resolve_frames
from actors.mention_store import LEAN, ROW, STORED, MentionStore
from actors.schema import MENTION_COLUMNS

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "events"


def test_lean_rows_give_the_same_tables(tmp_path):
    """Kept whole (keep_documents) or streamed lean: every table the same, with the overrides'
    re-dating and additions and an event table's rows among the mentions."""
    folder = copy_seeds(tmp_path, 2)
    shutil.copy(FIXTURES / "acled_classic.csv", folder / "acled.csv")
    whole = load_corpus(folder, keep_documents=True)
    lean = load_corpus(folder, keep_documents=False)
    assert whole.extraction.edges and not lean.extraction.edges  # the streamed run keeps no rows
    assert sorted(whole.frames) == sorted(lean.frames)
    for name, frame in whole.frames.items():
        assert frame.equals(lean.frames[name]), name
    assert {"redate", "add"} <= {r["op"] for r in lean.curation_rows if r["applied"] == "yes"}
    assert lean.frames["mentions"]["curation"].str.len_chars().sum() > 0


def test_columns_give_the_same_tables(tmp_path):
    """Streamed without an overrides file, the mentions are resolved from the store's frames: every
    table the same as from whole rows, an event table's rows among them."""
    folder = copy_seeds(tmp_path, 2)
    shutil.copy(FIXTURES / "acled_classic.csv", folder / "acled.csv")
    whole = load_corpus(folder, keep_documents=True, overrides=False)
    streamed = load_corpus(folder, keep_documents=False, overrides=False)
    assert not streamed.extraction.edges
    for name, frame in whole.frames.items():
        assert frame.equals(streamed.frames[name]), name
    assert whole.frames["overlaps"].height and whole.frames["events"]["source_event_id"].str.len_chars().sum() > 0


def test_resolve_frames_is_resolve_events(tmp_path):
    """The same events, edges, mentions and overlaps from frames as from rows, on the seeds."""
    x = load_corpus(copy_seeds(tmp_path, 1), overrides=False).extraction
    store = MentionStore()
    store.add(x.edges, x.events)
    rows = resolve_events(x.edges, x.events)
    frames = resolve_frames(store.mentions(), store.statements())
    assert [e["edge_id"] for e in frames.edges] == [e["edge_id"] for e in rows.edges]
    assert [{k: e[k] for k in ("event_id", "status", "claimed_by", "mention_ids", "docs", "statuses")}
            for e in frames.edges] == [{k: e[k] for k in ("event_id", "status", "claimed_by", "mention_ids", "docs",
                                                          "statuses")} for e in rows.edges]
    assert frames.mentions.select("mention_id", "event_id", "edge_id").rows() == [
        (m["mention_id"], m["event_id"], m["edge_id"]) for m in rows.mentions]
    assert frames.events["event_id"].to_list() == [e["event_id"] for e in rows.events]
    assert frames.overlaps == rows.overlaps


def test_store_splits_every_mention_column():
    assert set(LEAN) | set(STORED) | {"mention_id", "statement_id"} == {n for n, _ in MENTION_COLUMNS}
    store = MentionStore()
    rows = [{"edge_id": f"e{i}", "doc": "a.txt", "char_start": i, "char_end": i + 1, "context": f"c{i}"}
            for i in range(25_000)]  # more than one chunk
    store.add(rows[:12_000], [{"event_id": "s"}])
    store.add(rows[12_000:])
    assert store.mentions().height == 25_000 and store.statements()["event_id"].to_list() == ["s"]
    lean, statements = store.take_rows()
    assert [r[ROW] for r in lean] == list(range(25_000)) and set(lean[0]) == {ROW, *LEAN}
    assert statements[0]["event_id"] == "s"
    got = store.columns([24_999, None, 3])
    assert got["char_end"].to_list() == [25_000, None, 4] and got["context"].to_list() == ["c24999", None, "c3"]

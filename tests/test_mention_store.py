"""Mentions held lean while a corpus streams in (actors.mention_store): the same tables as from whole rows."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpus_copies import copy_seeds

from actors.corpus import load_corpus
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


def test_store_splits_every_mention_column():
    assert set(LEAN) | set(STORED) | {"mention_id", "statement_id"} == {n for n, _ in MENTION_COLUMNS}
    store = MentionStore()
    rows = [{"edge_id": f"e{i}", "doc": "a.txt", "char_start": i, "char_end": i + 1, "context": f"c{i}"}
            for i in range(25_000)]  # more than one chunk
    lean = store.add(rows[:12_000]) + store.add(rows[12_000:])
    assert [r[ROW] for r in lean] == list(range(25_000))
    got = store.columns([24_999, None, 3])
    assert got["char_end"].to_list() == [25_000, None, 4] and got["context"].to_list() == ["c24999", None, "c3"]

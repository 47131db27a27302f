"""Events resolved from frames of mentions and statements, one block at a time.

:func:`actors.extract.resolve.resolve_events` takes every mention and statement as a Python row.
A streamed run holds them as polars frames instead (:class:`actors.mention_store.MentionStore`),
and :func:`resolve_frames` resolves them by the same rules and the same functions, reading one
block (a relation and pair) at a time as rows, with its statements: a block's rows are let go
once it is resolved, and of each of its events only the representative's row number, the
edge's own columns and, for each mention, the event's number are kept. Which statements tell one
occurrence is then found from those numbers, and the events table is made by polars. The tables
are the same as from rows (without an analyst's merges: a run with an overrides file takes its
rows back, :meth:`~actors.mention_store.MentionStore.take_rows`).

>>> import polars as pl
>>> from actors.mention_store import MentionStore
>>> store = MentionStore()
>>> m = {"relation": "fought-against", "date": "2013-01-11", "date_precision": "day", "date_earliest": "2013-01-11",
...      "date_latest": "2013-01-11", "status": "reported", "claimed_by": "", "evidence": "They fought."}
>>> store.add([{**m, "event_id": "s1", "edge_id": "s1-0", "source": "a", "target": "b", "doc": "x.txt",
...             "char_start": 0}, {**m, "event_id": "s2", "edge_id": "s2-0", "source": "b", "target": "a",
...             "doc": "y.txt", "char_start": 5}])
>>> r = resolve_frames(store.mentions(), store.statements())
>>> [(e["edge_id"], e["mentions"], e["docs"]) for e in r.edges], r.mentions["event_id"].to_list()
([('s1-0', 2, 2)], ['s1', 's1'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from actors.bulk import release_freed_memory
from actors.extract.resolve import _RANK, _edge_fields, _near, _overlap_row, _representative, _resolve_block
from actors.schema import SYMMETRIC_RELATIONS, TABLE_EVENT_FIELDS

if TYPE_CHECKING:
    import polars as pl

__all__ = ["FrameResolution", "resolve_frames"]

#: The columns of a mention that resolution reads.
_READ = ("event_id", "source", "target", "relation", "date", "date_precision", "date_earliest", "date_latest",
         "status", "claimed_by", "doc", "char_start", "edge_id", "cue", "evidence", "relation_kind")
#: The columns of a statement that resolution reads.
_STATEMENT = ("event_id", "place", "date_text", "sentence", "doc", "section", "sentence_index")
#: The columns of an event taken from its statements, not from its first one.
_TOLD = ("date", "date_precision", "date_earliest", "date_latest", "date_text", "place", *TABLE_EVENT_FIELDS)


@dataclass(frozen=True)
class FrameResolution:
    """What :func:`resolve_frames` returns: as :class:`actors.extract.resolve.Resolution`, with the
    mentions and the events as frames (in the order of the input, not sorted)."""

    mentions: pl.DataFrame
    edges: list[dict]
    events: pl.DataFrame
    overlaps: list[dict] = field(default_factory=list)


def resolve_frames(mentions: pl.DataFrame, statements: pl.DataFrame) -> FrameResolution:
    """Merge the mentions (a :meth:`~actors.mention_store.MentionStore.mentions` frame) into events,
    given their statements (its :meth:`~actors.mention_store.MentionStore.statements`); the result is
    :func:`actors.extract.resolve.resolve_events`' for the same rows."""
    import numpy as np
    import polars as pl

    swap = pl.col("relation").is_in(list(SYMMETRIC_RELATIONS)) & (pl.col("target") < pl.col("source"))
    # each mention's statement as a number (a statement id's code) and as a row of ``statements``
    codes = mentions.select("event_id").unique(maintain_order=True).with_row_index("_code")
    rows_of = statements.select("event_id").with_row_index("_srow").unique("event_id", keep="last")
    blocks = (mentions.select("event_id", "relation", pl.when(swap).then("target").otherwise("source").alias("_a"),
                              pl.when(swap).then("source").otherwise("target").alias("_b"))
              .with_row_index("_i")
              .join(codes, on="event_id", how="left", maintain_order="left")
              .join(rows_of, on="event_id", how="left", maintain_order="left")
              .sort("relation", "_a", "_b", maintain_order=True))  # blocks in key order, rows in input order
    sizes = blocks.group_by("relation", "_a", "_b", maintain_order=True).len()["len"].to_list()
    blocks = blocks.select("_i", "_code", "_srow")  # the keys' sorted copies let go: the sizes tell the blocks
    read = mentions.select(_READ).with_row_index("_i")
    told = statements.select(_STATEMENT)
    group_of = np.zeros(mentions.height, dtype=np.int64)  # each mention's event (its number)
    reps: list[int] = []  # each event's representative mention (its row)
    own: list[dict] = []  # each event's own columns
    rep_codes: list[int] = []  # each event's representative's statement
    parent = list(range(codes.height))  # statements told by one event: one occurrence (union-find)
    near: dict = {}
    start = 0
    for size in sizes:
        block = blocks.slice(start, size)
        start += size
        rows = read[block["_i"]].to_dicts()
        for r, code in zip(rows, block["_code"]):
            r["_code"] = code
        by_id = {s["event_id"]: s for s in told[block["_srow"].drop_nulls().unique()].to_dicts()}
        overlaps: list = []
        edge_of: dict[int, str] = {}
        for g in _resolve_block(rows, by_id, overlaps):
            rep = _representative(g.members)
            number = len(reps)
            reps.append(rep["_i"])
            own.append(_edge_fields(g, rep))
            rep_codes.append(rep["_code"])
            root = _find(parent, rep["_code"])
            for r in g.members:
                group_of[r["_i"]] = number
                edge_of[id(r)] = rep["edge_id"]
                other = _find(parent, r["_code"])
                if other != root:
                    parent[other] = root
        near.update(_near(overlaps, lambda m: edge_of[id(m)]))
    rows = by_id = None  # the last block's rows let go, like the others'
    release_freed_memory()  # the rows' freed memory back to the system before the tables are made
    # an occurrence's id: its statement first in document and reading order (one not among the statements first)
    where = (codes.with_columns(_root=pl.Series([_find(parent, c) for c in range(len(parent))], dtype=pl.Int64))
             .join(statements.select("event_id", "doc", "char_start").unique("event_id", keep="last"),
                   on="event_id", how="left", maintain_order="left")
             .with_columns(pl.col("doc").fill_null(""), pl.col("char_start").fill_null(0)))
    first = where.sort("doc", "char_start", "event_id").group_by("_root").agg(pl.col("event_id").first().alias("_id"))
    occurrence = where.join(first, on="_root", how="left", maintain_order="left")["_id"]
    event_ids = occurrence.gather(pl.Series(rep_codes, dtype=pl.Int64))
    index = pl.Series(group_of)
    resolved = mentions.with_columns(mention_id=pl.col("edge_id"), statement_id=pl.col("event_id"),
                                     event_id=event_ids.gather(index),
                                     edge_id=mentions["edge_id"].gather(pl.Series(reps, dtype=pl.Int64)).gather(index))
    edges = [{**row, "event_id": e, **fields} for row, e, fields in
             zip(mentions[pl.Series(reps, dtype=pl.Int64)].to_dicts(), event_ids, own)]
    overlap_rows = [_overlap_row(ea, eb, a, b) for (ea, eb), (a, b) in sorted(near.items())]
    return FrameResolution(resolved, edges, _events(statements, resolved), overlap_rows)


def _find(parent: list[int], x: int) -> int:
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x


def _events(statements: pl.DataFrame, mentions: pl.DataFrame) -> pl.DataFrame:
    """One row per occurrence, as :func:`actors.extract.resolve._events` makes it: its first statement's
    row, the most precise date its statements tell, the first place and table fields they give (in
    reading order), every document and the counts."""
    import polars as pl

    ms = mentions.select("event_id", "statement_id", "doc")
    counts = ms.group_by("event_id", maintain_order=True).agg(
        mentions=pl.len(), statements=pl.col("statement_id").n_unique(),
        documents=pl.col("doc").unique().sort().str.join("|"))
    # each statement's last row, as its row number: the rows are put in reading order by their keys alone,
    # then the columns read are gathered once (not joined and sorted whole: 9 MiB less at 300 copies)
    by_id = statements.select("event_id", "doc", "char_start").with_row_index("_srow").unique(
        "event_id", keep="last", maintain_order=True)
    order = (ms.select("event_id", "statement_id").unique()
             .join(by_id.rename({"event_id": "statement_id"}), on="statement_id", how="inner")
             .sort("doc", "char_start", maintain_order=True))  # reading order
    del by_id
    told = order.select("event_id").hstack(statements.select(_TOLD)[order["_srow"]])
    del order
    rank = pl.col("date_precision").replace_strict(_RANK, default=3, return_dtype=pl.Int64)
    strings = {name for name, dtype in told.schema.items() if dtype == pl.String}

    def given(name: str) -> pl.Expr:  # the first value a statement gives
        c = pl.col(name)
        return c.filter(c.is_not_null() & (c != "") if name in strings else c.is_not_null()).first()

    finest = told.group_by("event_id").agg(
        pl.col("date", "date_precision", "date_earliest", "date_latest", "date_text")
        .sort_by(rank, maintain_order=True).first(),
        given("place").fill_null(""), *(given(k) for k in TABLE_EVENT_FIELDS))
    del told
    # the events' own statements (their first), whole
    first = (statements.filter(pl.col("event_id").is_in(counts["event_id"].implode()))
             .unique("event_id", keep="last", maintain_order=True).drop(_TOLD))
    return (counts.join(first, on="event_id", how="inner", maintain_order="left")
            .join(finest, on="event_id", how="left", maintain_order="left"))

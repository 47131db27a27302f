"""Mentions and statements held as columns while a large corpus streams in.

Resolving mentions into events needs every mention of the corpus at once. :class:`MentionStore`
keeps each mention and each statement (a sentence's event row) as it arrives in polars frames
(Arrow buffers, a few bytes a value), gathered as lists :data:`_CHUNK` rows at a time, instead of
a Python dict per row: at 1,000 copies of the seeds (170,000 mentions, 110,000 statements) the
dicts, even lean ones, took some 210 MB. :func:`actors.extract.resolve_frames.resolve_frames`
resolves them from the frames, one block at a time.

An overrides file changes rows (:func:`actors.curation.apply_curation`), so a run with one takes
them back as rows, lean (:meth:`MentionStore.take_rows`): each mention's columns that resolution
and curation read (:data:`LEAN`, a dict a third the size) with its row number (:data:`ROW`);
:func:`actors.output.to_frames` then puts each table row's other columns back from its row number
(:meth:`MentionStore.columns`), and a value a row carries itself (an analyst's re-dating, an added
edge) is kept. The tables are the same values as from whole rows.

>>> store = MentionStore()
>>> store.add([{"edge_id": "e1-0", "doc": "a.txt", "char_start": 0, "char_end": 9, "context": "x"}],
...           [{"event_id": "e1", "doc": "a.txt", "sentence": "It was."}])
>>> store.mentions().select("edge_id", "char_end").rows(), store.statements().select("event_id", "sentence").rows()
([('e1-0', 9)], [('e1', 'It was.')])
>>> lean, statements = store.take_rows()
>>> sorted(k for k, v in lean[0].items() if v is not None)
['_row', 'char_start', 'doc', 'edge_id']
>>> store.columns([0, None]).select("char_end", "context").rows()
[(9, 'x'), (None, None)]
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterable, Sequence

from actors.errors import safe_text
from actors.schema import EVENT_COLUMNS, MENTION_COLUMNS, polars_schema

if TYPE_CHECKING:
    import polars as pl

__all__ = ["MentionStore"]

#: The columns of a mention that resolution (:mod:`actors.extract.resolve`) and curation
#: (:mod:`actors.curation.apply`) read or write: kept in its lean row.
LEAN = ("event_id", "source", "target", "relation", "date", "date_precision", "date_earliest",
        "date_latest", "status", "claimed_by", "doc", "char_start", "edge_id", "cue", "evidence", "curation",
        "relation_kind")
#: The key of a lean row's number in the store.
ROW = "_row"
#: Values of these columns repeat across rows: one string object each in the rows taken back.
_SHARED = frozenset({"source", "target", "relation", "date", "date_precision", "date_earliest", "date_latest",
                     "status", "claimed_by", "cue", "curation", "kind", "date_text", "place", "section", "doc"})
#: The columns of a mention the store holds (its ids after resolution excepted).
_MENTIONS = tuple((n, t) for n, t in MENTION_COLUMNS if n not in ("mention_id", "statement_id"))
#: The other columns of a mention: not in a lean row, put back from the store.
STORED = tuple(n for n, _ in _MENTIONS if n not in LEAN)
#: The columns of a statement the store holds (those resolution computes excepted).
_STATEMENTS = tuple((n, t) for n, t in EVENT_COLUMNS if n not in ("mentions", "statements", "documents"))
_CHUNK = 20_000  # rows gathered as lists before they become a frame


class _Columns:
    """Rows added as columns: lists, then a polars frame every :data:`_CHUNK` rows."""

    def __init__(self, columns: tuple[tuple[str, str], ...]) -> None:
        self.schema = polars_schema(columns)
        self.lists: dict[str, list] = {name: [] for name in self.schema}
        self.frames: list = []

    def add(self, rows: Iterable[dict]) -> None:
        appends = [(name, values.append) for name, values in self.lists.items()]
        for r in rows:
            for name, append in appends:
                append(r.get(name))
        if len(next(iter(self.lists.values()))) >= _CHUNK:
            self.flush()

    def flush(self) -> None:
        import polars as pl

        if next(iter(self.lists.values())):
            try:
                frame = pl.DataFrame(self.lists, schema=self.schema)
            except UnicodeEncodeError:  # a lone surrogate (a file name's): written out, as every table has it
                frame = pl.DataFrame({k: [safe_text(v) if isinstance(v, str) else v for v in values]
                                      for k, values in self.lists.items()}, schema=self.schema)
            self.frames.append(frame)
            self.lists = {name: [] for name in self.schema}

    def frame(self) -> pl.DataFrame:
        """Every row added, as one frame (of several chunks: nothing is copied)."""
        import polars as pl

        self.flush()
        if not self.frames:
            return pl.DataFrame(schema=self.schema)
        self.frames = [pl.concat(self.frames, rechunk=False)]
        return self.frames[0]


class MentionStore:
    """Every mention and statement added, as columns; see the module notes."""

    def __init__(self) -> None:
        self._mentions = _Columns(_MENTIONS)
        self._statements = _Columns(_STATEMENTS)
        self.taken = False  # the rows were taken back (take_rows)

    def add(self, mentions: Iterable[dict], statements: Iterable[dict] = ()) -> None:
        """Hold ``mentions`` (edge rows) and ``statements`` (event rows) in their columns."""
        self._mentions.add(mentions)
        self._statements.add(statements)

    def mentions(self) -> pl.DataFrame:
        """Every mention added, in order, with the columns of :data:`actors.schema.MENTION_COLUMNS` but its ids."""
        return self._mentions.frame()

    def statements(self) -> pl.DataFrame:
        """Every statement added, in order, with the columns of :data:`actors.schema.EVENT_COLUMNS` but the counts."""
        return self._statements.frame()

    def take_rows(self) -> tuple[list[dict], list[dict]]:
        """The mentions as lean rows (:data:`LEAN` and :data:`ROW`) and the statements as rows, for a caller
        that changes rows (curation); the frames are kept for :meth:`columns`."""
        import polars as pl

        self.taken = True
        lean = self.mentions().select(LEAN).with_row_index(ROW).with_columns(pl.col(ROW).cast(pl.Int64))
        statements = self.statements()
        self._statements = _Columns(_STATEMENTS)  # the rows hold them now
        return _shared(lean.to_dicts()), _shared(statements.to_dicts())

    def columns(self, rows: Sequence[int | None] | pl.Series) -> pl.DataFrame:
        """The :data:`STORED` columns of the given row numbers, in their order (None: a row not from the
        store, all nulls)."""
        import polars as pl

        index = rows if isinstance(rows, pl.Series) else pl.Series(list(rows), dtype=pl.Int64)
        return self.mentions().select(pl.col(STORED).gather(index))

    def clear(self) -> None:
        """Let go of every row."""
        self._mentions = _Columns(_MENTIONS)
        self._statements = _Columns(_STATEMENTS)


def _shared(rows: list[dict]) -> list[dict]:
    """``rows`` (changed in place) with one string object for each repeated value of :data:`_SHARED`."""
    intern = sys.intern
    for r in rows:
        for k in _SHARED.intersection(r):
            v = r[k]
            if type(v) is str:
                r[k] = intern(v)
    return rows

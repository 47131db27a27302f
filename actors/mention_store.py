"""Mention rows held lean while a large corpus streams in: what resolution reads as small dicts,
the rest as columns.

Resolving mentions into events (:func:`actors.extract.resolve.resolve_events`) needs every
mention of the corpus at once, as rows; it reads some of their columns and copies each row
once more. At 1,000 copies of the seeds (170,000 mentions) rows of all 24 columns took some
600 MB of the run's peak. :class:`MentionStore` keeps, for each mention as it arrives, a row of
the columns resolution and curation read (:data:`LEAN`, a dict a third the size) with a row
number (:data:`ROW`), and the other columns in polars frames (Arrow buffers, a few bytes a
value). :func:`actors.output.to_frames` puts each table row's columns back from its row number
(:meth:`MentionStore.columns`); a value a row carries itself (an analyst's re-dating, an added
edge) is kept. The tables are the same values as from whole rows.

>>> store = MentionStore()
>>> lean = store.add([{"edge_id": "e1-0", "doc": "a.txt", "char_start": 0, "char_end": 9, "context": "x"}])
>>> sorted(lean[0])
['_row', 'char_start', 'doc', 'edge_id']
>>> store.columns([0, None]).select("char_end", "context").rows()
[(9, 'x'), (None, None)]
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterable, Sequence

from actors.errors import safe_text
from actors.schema import MENTION_COLUMNS, polars_schema

if TYPE_CHECKING:
    import polars as pl

__all__ = ["MentionStore", "share_values"]

#: The columns of a mention that resolution (:mod:`actors.extract.resolve`) and curation
#: (:mod:`actors.curation.apply`) read or write: kept in its row.
LEAN = ("event_id", "source", "target", "relation", "date", "date_precision", "date_earliest",
        "date_latest", "status", "claimed_by", "doc", "char_start", "edge_id", "cue", "evidence", "curation")
#: The key of a lean row's number in the store.
ROW = "_row"
#: Values of these columns repeat across rows: one string object each.
_SHARED = frozenset({"source", "target", "relation", "date", "date_precision", "date_earliest", "date_latest",
                     "status", "claimed_by", "cue", "curation"})
#: Values of a statement row (an extraction's ``events``) that repeat across rows.
_STATEMENT_SHARED = ("kind", "date", "date_precision", "date_earliest", "date_latest", "date_text", "place",
                     "section")
#: The other columns of a mention, as the store keeps them.
STORED = tuple(name for name, _ in MENTION_COLUMNS if name not in LEAN and name not in ("mention_id", "statement_id"))
_CHUNK = 20_000  # rows gathered as lists before they become a frame


class MentionStore:
    """The :data:`STORED` columns of every mention added, by row number; see the module notes."""

    def __init__(self) -> None:
        self._lists: dict[str, list] = {name: [] for name in STORED}
        self._frames: list = []
        self._count = 0
        self._whole = None

    def add(self, rows: Iterable[dict]) -> list[dict]:
        """Store ``rows``' other columns and return their lean rows (:data:`LEAN` and :data:`ROW`)."""
        lean = []
        lists = [(name, self._lists[name].append) for name in STORED]
        intern = sys.intern
        for r in rows:
            row = {k: r[k] for k in LEAN if k in r}
            for k in _SHARED:
                v = row.get(k)
                if type(v) is str:
                    row[k] = intern(v)
            row[ROW] = self._count
            self._count += 1
            for name, append in lists:
                append(r.get(name))
            lean.append(row)
        if len(self._lists[STORED[0]]) >= _CHUNK:
            self._flush()
        return lean

    def _flush(self) -> None:
        import polars as pl

        if self._lists[STORED[0]]:
            schema = {k: v for k, v in polars_schema(MENTION_COLUMNS).items() if k in self._lists}
            try:
                frame = pl.DataFrame(self._lists, schema=schema)
            except UnicodeEncodeError:  # a lone surrogate (a file name's): written out, as every table has it
                frame = pl.DataFrame({k: [safe_text(v) if isinstance(v, str) else v for v in values]
                                      for k, values in self._lists.items()}, schema=schema)
            self._frames.append(frame)
            self._lists = {name: [] for name in STORED}
        self._whole = None

    def columns(self, rows: Sequence[int | None] | pl.Series) -> pl.DataFrame:
        """The stored columns of the given row numbers, in their order (None: a row not from the
        store, all nulls)."""
        import polars as pl

        if self._whole is None:
            self._flush()
            empty = pl.DataFrame(schema={k: v for k, v in polars_schema(MENTION_COLUMNS).items() if k in STORED})
            self._whole = pl.concat(self._frames, rechunk=True) if self._frames else empty
            self._frames = [self._whole]
        index = rows if isinstance(rows, pl.Series) else pl.Series(list(rows), dtype=pl.Int64)
        return self._whole.select(pl.all().gather(index))


def share_values(statements: list[dict]) -> list[dict]:
    """``statements`` (rows just received, changed in place) with one string object for each repeated
    value of a date, place, section or kind: 40 % of a row's memory.

    >>> a, b = share_values([{"date": "".join(["20", "12"])}, {"date": "2012"}])
    >>> a["date"] is b["date"]
    True
    """
    for r in statements:
        for k in _STATEMENT_SHARED:
            v = r.get(k)
            if type(v) is str:
                r[k] = sys.intern(v)
    return statements

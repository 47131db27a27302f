"""Event tables: ACLED and UCDP exports, recognised by their header and read row by row.

Four layouts are known, each by the columns its header must hold (:data:`LAYOUTS`):

* ``acled``: ACLED's classic export, one row per event (``event_id_cnty``,
  ``event_date``, ``time_precision``, ``event_type``, ``actor1``, ``assoc_actor_1``,
  ``actor2``, ``assoc_actor_2``, ...);
* ``acled-actors``: the long ("monadic") ACLED layout, one row per actor of an
  event (``type_of_actor`` is actor1, assoc_actor_1, actor2 or assoc_actor_2 and
  ``actor`` its name), the rows of one event sharing its ``event_id_cnty``;
* ``ucdp-ged``: the UCDP Georeferenced Event Dataset (``side_a``, ``side_b``,
  ``date_start``, ``date_end``, ``date_prec``, ``type_of_violence``, ...);
* ``ucdp-acd``: the UCDP/PRIO Armed Conflict Dataset, one row per conflict-year
  (``side_a``, ``side_a_2nd``, ``side_b``, ``side_b_2nd``, ``year``, ...).

Every row keeps its line number and its exact character range in the decoded
file, so an imported relation is traced to its row as a text relation is to its
sentence. A file whose header fits no layout, or lacks a layout's columns, is
refused with a problem naming the file and the missing columns; a row with too
few or too many fields is skipped with a problem naming its line.

>>> t = parse_table("x.csv", "side_a,side_b,date_start,date_end,date_prec,type_of_violence,id\\n"
...                 "Government of Mali,JNIM,2019-03-17,2019-03-17,1,1,7\\n")
>>> t.layout, [(r.line, r.fields["side_b"]) for r in t.rows], t.text[t.rows[0].start:t.rows[0].end][:18]
('ucdp-ged', [(2, 'JNIM')], 'Government of Mali')
"""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from actors.bulk import paused_gc
from actors.errors import Problem

__all__ = ["LAYOUTS", "Table", "TableRow", "parse_table", "read_table", "is_table"]

#: The columns each layout's header must hold; a header is recognised by them.
LAYOUTS = MappingProxyType({
    "acled": ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
              "actor1", "assoc_actor_1", "actor2", "assoc_actor_2"),
    "acled-actors": ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
                     "type_of_actor", "actor"),
    "ucdp-ged": ("id", "side_a", "side_b", "date_start", "date_end", "date_prec", "type_of_violence"),
    "ucdp-acd": ("conflict_id", "side_a", "side_a_2nd", "side_b", "side_b_2nd", "year"),
})
# Columns that tell a layout apart even when others are missing (for "missing columns" messages).
_MARKS = MappingProxyType({
    "acled": ("event_id_cnty", "actor1", "actor2", "assoc_actor_1", "inter1"),
    "acled-actors": ("event_id_cnty", "type_of_actor", "actor"),
    "ucdp-ged": ("side_a", "side_b", "date_prec", "type_of_violence", "dyad_name"),
    "ucdp-acd": ("conflict_id", "side_a_2nd", "side_b_2nd", "intensity_level"),
})


@dataclass(frozen=True)
class TableRow:
    """One data row: its 1-based line, its character range in the file's text and its fields."""

    line: int
    start: int
    end: int
    fields: dict


@dataclass(frozen=True)
class Table:
    """A parsed event table. ``layout`` is empty when the header fits none (see ``problems``)."""

    name: str
    text: str
    layout: str
    header: tuple[str, ...]
    rows: tuple[TableRow, ...] = ()
    problems: tuple[Problem, ...] = field(default=())


def is_table(path: str | os.PathLike[str]) -> bool:
    """A file the corpus reader hands to this module: a ``.csv``."""
    return Path(path).suffix.lower() == ".csv"


_QUOTE_OR_NEWLINE = re.compile(r'["\n]')


def _records(text: str):
    """(start, end) of each CSV record: a newline ends one unless it is inside quotes.

    Only the quotes and newlines are visited (one regular-expression scan), so a file's reading time
    grows with its size, not with a Python loop over its characters."""
    start, quoted, n = 0, False, len(text)
    for m in _QUOTE_OR_NEWLINE.finditer(text):
        i = m.start()
        if text[i] == '"':
            quoted = not quoted
        elif not quoted:
            end = i - 1 if i > start and text[i - 1] == "\r" else i
            yield start, end
            start = i + 1
    if start < n:
        yield start, n


def _layout(header: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """(layout, missing columns): the layout whose columns the header holds, else the closest one and
    what it lacks, else ("", ())."""
    cols = set(header)
    for name, needed in LAYOUTS.items():
        if all(c in cols for c in needed):
            return name, ()
    best = max(LAYOUTS, key=lambda name: sum(c in cols for c in _MARKS[name]))
    if sum(c in cols for c in _MARKS[best]) >= 2:
        return best, tuple(c for c in LAYOUTS[best] if c not in cols)
    return "", ()


def parse_table(name: str, text: str) -> Table:
    """Parse an event table's text (see the module docstring); never raises on bad content."""
    spans = list(_records(text))
    if not spans:
        return Table(name, text, "", (), (), (Problem(name, "line 1", "empty file: expected a header row of an "
                                                                   "ACLED or UCDP export"),))
    h0, h1 = spans[0]
    header = tuple(c.strip().lstrip("\ufeff").lower() for c in next(csv.reader([text[h0:h1]]), []))
    layout, missing = _layout(header)
    if not layout:
        return Table(name, text, "", header, (), (Problem(
            name, "line 1", "not an event table this tool knows: its header fits none of ACLED's export (one row "
            "per event or per actor), UCDP GED or the UCDP/PRIO Armed Conflict Dataset (first columns: "
            + ", ".join(header[:6]) + ")"),))
    if missing:
        return Table(name, text, "", header, (), (Problem(
            name, "line 1", f"looks like {_TITLES[layout]} but lacks the column(s) " + ", ".join(missing)
            + "; the file was not imported"),))
    rows, problems = [], []
    line, prev_start = 1 + text.count("\n", 0, h0), h0
    with paused_gc():
        rows, problems = _rows(name, text, header, spans, line, prev_start)
    return Table(name, text, layout, header, tuple(rows), tuple(problems))


def _rows(name: str, text: str, header: tuple, spans: list, line: int, prev_start: int) -> tuple[list, list]:
    rows, problems = [], []
    for a, b in spans[1:]:
        line += text.count("\n", prev_start, a)  # newlines inside quoted fields count too
        prev_start = a
        raw = text[a:b]
        if not raw.strip():
            continue
        values = next(csv.reader([raw]), [])
        if len(values) != len(header):
            problems.append(Problem(name, f"line {line}", f"{len(values)} field(s) where the header has "
                                    f"{len(header)}; row skipped"))
            continue
        rows.append(TableRow(line, a, b, dict(zip(header, (v.strip() for v in values)))))
    return rows, problems


_TITLES = {"acled": "an ACLED export", "acled-actors": "an ACLED export with one row per actor",
           "ucdp-ged": "a UCDP GED export", "ucdp-acd": "a UCDP/PRIO Armed Conflict Dataset export"}


def read_table(path: str | os.PathLike[str], name: str | None = None) -> Table:
    """Read and parse an event table file; a file that cannot be read gives a table with a problem."""
    p = Path(path)
    label = name or p.name
    try:
        data = p.read_bytes()
    except OSError as exc:
        return Table(label, "", "", (), (), (Problem(label, "", f"cannot read the file: {exc.strerror or exc}"),))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("latin-1")
        table = parse_table(label, text)
        return Table(table.name, table.text, table.layout, table.header, table.rows, table.problems + (Problem(
            label, f"byte {exc.start}", "not UTF-8: read as Latin-1, check the names", skipped=False),))
    return parse_table(label, text)

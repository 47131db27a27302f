r"""CSV cells a spreadsheet never evaluates, and the exact text back for programs.

Text cells come from the documents, file names and overrides files. A cell
that begins with ``=``, ``+``, ``-`` or ``@``, a TAB or a carriage return (the
OWASP list of "CSV injection" triggers) is read by Excel and LibreOffice as a
formula, so every CSV the library writes goes through :func:`write_csv`,
which escapes such cells the OWASP way, with one leading single quote ``'``.

To keep the escaping reversible, a cell that already begins with one or more
quotes followed by a trigger is escaped too (one more quote). So the rule is:

* escape: a text cell matching ``'*[=+\-@\t\r]`` at its start gets one more
  leading ``'``;
* unescape: a text cell matching ``'+[=+\-@\t\r]`` at its start loses one
  leading ``'``;

and ``unescape_cell(escape_cell(x)) == x`` for every string (tested with
Hypothesis). Any other cell, and every number column, is written as it is.
Parquet files are never escaped: they hold the exact text.
:func:`read_csv` reads a CSV back with the text unescaped.

>>> escape_cell("- Combatant1: MNLA"), escape_cell("'=1"), escape_cell("it's")
("'- Combatant1: MNLA", "''=1", "it's")
>>> unescape_cell("'- Combatant1: MNLA"), unescape_cell("''=1"), unescape_cell("'quoted'")
('- Combatant1: MNLA', "'=1", "'quoted'")
>>> import polars as pl
>>> df = pl.DataFrame({"evidence": ["=HYPERLINK(x)", "plain"], "char_start": [-1, 2]})
>>> escape_frame(df).rows()
[("'=HYPERLINK(x)", -1), ('plain', 2)]
>>> unescape_frame(escape_frame(df)).equals(df)
True
"""

from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import polars as pl

__all__ = ["CSV_TRIGGERS", "escape_cell", "escape_frame", "read_csv", "unescape_cell", "unescape_frame",
           "write_csv"]

#: The characters that make a spreadsheet read a cell as a formula when they begin it (OWASP).
CSV_TRIGGERS = "=+-@\t\r"

_CLASS = "[=+\\-@\\t\\r]"  # the triggers as a regex class (Python's and polars' Rust regex alike)
_NEEDS_ESCAPE = f"^'*{_CLASS}"
_ESCAPED = f"^'+{_CLASS}"
_NEEDS_ESCAPE_RE = re.compile(_NEEDS_ESCAPE)
_ESCAPED_RE = re.compile(_ESCAPED)


def escape_cell(text: str) -> str:
    """``text`` as written to a CSV: one more leading ``'`` if it starts (after any quotes) with a trigger."""
    return "'" + text if _NEEDS_ESCAPE_RE.match(text) else text


def unescape_cell(text: str) -> str:
    """The exact text of a cell :func:`escape_cell` wrote: one leading ``'`` dropped before ``'*`` + a trigger."""
    return text[1:] if _ESCAPED_RE.match(text) else text


def _text_columns(df: pl.DataFrame) -> list[str]:
    import polars as pl

    return [name for name, dtype in df.schema.items() if dtype in (pl.String, pl.Categorical) or
            isinstance(dtype, pl.Enum)]


def _rewrite_text(df: pl.DataFrame, pattern: str, rewrite, *, lazy: bool = False) -> pl.DataFrame | pl.LazyFrame:
    """``df`` with each text cell that matches ``pattern`` replaced by ``rewrite(cell expression)``
    (``lazy``: as a LazyFrame, to be streamed)."""
    import polars as pl

    cols = _text_columns(df)
    if not cols:
        return df.lazy() if lazy else df
    return (df.lazy() if lazy else df).with_columns(
        pl.when(pl.col(c).cast(pl.String).str.contains(pattern))
        .then(rewrite(pl.col(c).cast(pl.String)))
        .otherwise(pl.col(c).cast(pl.String))
        .alias(c)
        for c in cols
    )


def escape_frame(df: pl.DataFrame) -> pl.DataFrame:
    """``df`` with every text cell escaped (:func:`escape_cell`); number columns untouched. Vectorised."""
    import polars as pl

    return _rewrite_text(df, _NEEDS_ESCAPE, lambda cell: pl.lit("'") + cell)


def unescape_frame(df: pl.DataFrame) -> pl.DataFrame:
    """``df`` with every text cell unescaped (:func:`unescape_cell`): the exact text again."""
    return _rewrite_text(df, _ESCAPED, lambda cell: cell.str.slice(1))


def write_csv(df: pl.DataFrame, path: str | os.PathLike[str]) -> None:
    """Write ``df`` as CSV with its text cells escaped (the module notes): no spreadsheet evaluates one.

    The escaped cells are streamed to the file a chunk at a time (polars' ``sink_csv``, the same bytes
    as ``write_csv``): no escaped copy of a large table is held whole.
    """
    import polars as pl

    _rewrite_text(df, _NEEDS_ESCAPE, lambda cell: pl.lit("'") + cell, lazy=True).sink_csv(path)


def read_csv(path: str | os.PathLike[str], **kwargs) -> pl.DataFrame:
    """A CSV written by this library, with its text cells unescaped: the exact text.

    Keyword arguments go to :func:`polars.read_csv` (``infer_schema=False`` reads every column as text).
    """
    import polars as pl

    return unescape_frame(pl.read_csv(path, **kwargs))

"""XML text of snapshot columns, shared by the GEXF and GraphML writers: escaping and row templates.

What the formats cannot hold is decided here: None-valued attributes are
left out of the element, lists are joined with ``|``, XML-forbidden
characters become U+FFFD (:func:`actors.network.snapshot.xml_clean`), and
``<``, ``&``, quotes, tabs and line breaks are escaped as character
references. Each element is one row of a polars frame formatted by a single
expression (:func:`_fmt`, :func:`_field`).
"""

from __future__ import annotations

from typing import Any

from actors.network.snapshot import _REPLACEMENT, _Col, _text, xml_clean

__all__: list[str] = []

# What XML 1.0 forbids (snapshot's _FORBIDDEN) for polars (Rust regex); its
# strings are valid UTF-8, so no surrogates.
_FORBIDDEN_PL = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x{FFFE}\x{FFFF}]"
# "&" first. Escaping tab, LF and CR as character references keeps them
# through attribute-value and line-end normalisation of XML parsers.
_XML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))


# -- XML helpers -------------------------------------------------------------------
#
# An element is one row of a polars frame formatted by a single flat
# ``pl.format``: literal markup and column values. A value that may be None
# goes in as an optional part (its markup and value, or "" where it is null),
# the only part that costs an extra copy of its column.

# Any character that needs replacing or escaping (one scan tells whether a column needs any).
_SPECIAL_PL = r'[&<>"\n\r\t\x00-\x08\x0B\x0C\x0E-\x1F\x{FFFE}\x{FFFF}]'


def _escapes(text: Any) -> tuple[tuple[str, str, bool], ...]:
    """The replacements a string Series needs, as (pattern, replacement, literal)."""
    if text.len() == 0 or not text.str.contains(_SPECIAL_PL).any():
        return ()  # the usual case: one scan, and no copy of the column
    out = [(_FORBIDDEN_PL, _REPLACEMENT, False)] if text.str.contains(_FORBIDDEN_PL).any() else []
    return (*out, *((raw, ref, True) for raw, ref in _XML_ESCAPES if text.str.contains(raw, literal=True).any()))


def _xml_value(c: _Col) -> Any:
    """The column's values as escaped XML text (null where the value is None); cached."""
    import polars as pl

    if c.xml is None:
        expr, dtype = pl.col(c.col), c.series.dtype
        if dtype == pl.Boolean:
            expr = pl.when(expr).then(pl.lit("true")).when(~expr).then(pl.lit("false"))
        elif dtype.is_numeric():
            expr = expr.cast(pl.String)  # nothing to escape
        else:
            text = c.series
            if dtype == pl.List:
                expr, text = expr.list.join("|"), text.list.join("|")
            for pattern, ref, literal in _escapes(text):
                expr = expr.str.replace_all(pattern, ref, literal=literal)
        c.xml = expr
    return c.xml


def _esc(text: Any) -> str:
    """A Python value as escaped XML text (for the few values written one by one)."""
    text = xml_clean(_text(text))
    for raw, ref in _XML_ESCAPES:
        text = text.replace(raw, ref)
    return text


def _fmt(*parts: Any) -> Any:
    """One expression joining literal strings and expressions (null if any expression is null)."""
    import polars as pl

    merged: list[Any] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] += part
        elif not (isinstance(part, str) and not part):
            merged.append(part)
    literals = [x for x in merged if isinstance(x, str)]
    if any("{" in x or "}" in x for x in literals):
        return pl.concat_str([pl.lit(x) if isinstance(x, str) else x for x in merged])
    template = "".join(x if isinstance(x, str) else "{}" for x in merged)
    return pl.format(template, *(x for x in merged if not isinstance(x, str)))


def _field(c: _Col, before: str, after: str) -> tuple:
    """Parts writing ``before + value + after``, or nothing where the value is None."""
    if c.series.null_count() == 0:
        return before, _xml_value(c), after
    return (_fmt(before, _xml_value(c), after).fill_null(""),)

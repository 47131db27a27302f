"""Exports of the temporal network: GEXF (Gephi, with a playable timeline), GraphML and JSON.

All three take the ``MultiDiGraph`` of :func:`actors.network.graph.build_graph` (or
any networkx graph, or a window view of one) and give the same bytes for the
same graph: nodes are sorted, edges are sorted by (source, target, key), and
nothing depends on the clock (networkx's own GEXF writer stamps today's date
in ``lastmodifieddate``; this module writes no date at all).

* ``graph.gexf`` (GEXF 1.2) is dynamic: each dated edge carries ``start`` and
  ``end``, the first and last day its date covers. GEXF ends are inclusive,
  while the graph's ``end`` is exclusive, so the file holds ``end - 1 day``.
  Each node carries ``<spells>``: the days of its dated edges, with
  overlapping or touching intervals merged.

  **Undated edges** get no time bounds, so Gephi treats them as static. But
  Gephi draws an edge only while both its nodes are shown, and node spells
  come from *dated* edges only: an undated tie is drawn whenever both actors
  are active on the timeline, never on its own, and no date is invented for
  it (the alternative, bounds made up from the actors' first and last days,
  would put a guess in the file as if it were data). Their ``precision`` is
  "unknown", so they can be filtered out in Gephi. A node with no dated edge
  has no spells and is always shown.
* ``graph.graphml`` holds every attribute as it is in the graph (``start`` and
  ``end`` stay the half-open ``[start, end)`` of :mod:`actors.network.graph`).
* ``graph.json`` is networkx node-link data (``nx.node_link_data(G,
  edges="edges")``): sorted keys, UTF-8, None kept as null, lists kept.
  Read it back with ``nx.node_link_graph(json.load(fh), edges="edges")``.

GEXF and GraphML cannot hold None or lists: None-valued attributes are left
out of that element, lists are joined with ``|``, ints stay ints (``long``),
booleans stay booleans. Characters XML 1.0 forbids (control characters other
than tab, newline and carriage return, lone surrogates, U+FFFE, U+FFFF) are
replaced by U+FFFD so that a string keeps its length and every file parses
(:func:`xml_clean`); ``<``, ``&``, quotes, tabs and line breaks are escaped.

The writers stream: attributes are gathered into polars columns once and
escaped and formatted column-wise, then written in chunks, so a graph of a
million edges is written in seconds rather than the minutes (and gigabytes)
networkx's ElementTree-based writers need.

>>> import io, json
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", name="Alpha", aliases=["A", "Al"])
>>> G.add_edge("a", "b", key="e1", relation="fought-against", evidence='"<b>" & co',
...            start="2012-06-01", end="2012-07-01")
'e1'
>>> G.add_edge("a", "b", key="e2", relation="allied-with", evidence=None, start=None, end=None)
'e2'
>>> H = nx.read_gexf(io.BytesIO(to_gexf_bytes(G)))
>>> sorted(H.edges(keys=True)), H.edges["a", "b", "e1"]["end"]  # GEXF ends are inclusive
([('a', 'b', 'e1'), ('a', 'b', 'e2')], '2012-06-30')
>>> nx.read_graphml(io.BytesIO(to_graphml_bytes(G))).nodes["a"]["aliases"]
'A|Al'
>>> json.loads(to_json_bytes(G))["edges"][1]["evidence"] is None
True
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any, BinaryIO, Callable, Sequence

import networkx as nx

from actors.network.graph import paused_gc

__all__ = [
    "EXPORT_FORMATS",
    "xml_clean",
    "to_gexf_bytes",
    "to_graphml_bytes",
    "to_json_bytes",
    "write_to",
    "write_gexf",
    "write_graphml",
    "write_json",
    "export",
    "export_writers",
]

#: The export formats, also the file suffixes (``graph.gexf`` ...).
EXPORT_FORMATS: tuple[str, ...] = ("gexf", "graphml", "json")

# Rows formatted and written per polars batch: bounds the memory the output
# strings take (a 1M-edge GEXF is ~700 MB of text) without slowing the writes.
_CHUNK = 100_000

# What XML 1.0 forbids: C0 controls other than tab, LF and CR; surrogates
# (only lone ones can occur in a Python str); the non-characters U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# The same for polars (Rust regex); its strings are valid UTF-8, so no surrogates.
_FORBIDDEN_PL = r"[\x00-\x08\x0B\x0C\x0E-\x1F\x{FFFE}\x{FFFF}]"
_REPLACEMENT = "\ufffd"
# "&" first. Escaping tab, LF and CR as character references keeps them
# through attribute-value and line-end normalisation of XML parsers.
_XML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"),
                ("\n", "&#10;"), ("\r", "&#13;"), ("\t", "&#9;"))

_GEXF_NS = ('xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2"')
_GRAPHML_NS = ('xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
               'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"')
_GEXF_DESCRIPTION = ("Edge start and end are the first and last day (both inclusive) its date covers; "
                     "undated edges have no time bounds. Node spells cover the days of its dated edges.")


def xml_clean(text: str) -> str:
    """``text`` as the GEXF and GraphML exports keep it: XML-forbidden characters become U+FFFD.

    >>> xml_clean("a\\x00b\\tc\\ud800")
    'a\\ufffdb\\tc\\ufffd'
    """
    return _FORBIDDEN.sub(_REPLACEMENT, text) if _FORBIDDEN.search(text) else text


# -- gathering the graph into columns -------------------------------------------


@dataclass
class _Col:
    """One attribute (or id) as a polars column.

    ``xml_type`` is the GEXF/GraphML type ("string", "long", "boolean",
    "double"; None when every value is None). ``json_ok`` is false when the
    column cannot be JSON-encoded by polars exactly as Python's json would
    (mixed types, objects, surrogates, huge ints, NaN): JSON then takes the
    slow path.
    """

    name: Any
    col: str
    series: Any
    xml_type: str | None
    json_ok: bool
    xml: Any = None  # cached escaped-text expression (see _xml_value)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "|".join(map(_text, value))
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _column(name: Any, col: str, values: Sequence[Any]) -> _Col:
    import polars as pl

    types = set(map(type, values))
    types.discard(type(None))
    kind = next(iter(types)) if len(types) == 1 else None
    try:
        if not types:
            return _Col(name, col, pl.Series(col, values, dtype=pl.Null), None, True)
        if kind is str:
            return _Col(name, col, pl.Series(col, values, dtype=pl.String), "string", True)
        if kind is bool:
            return _Col(name, col, pl.Series(col, values, dtype=pl.Boolean), "boolean", True)
        if kind is int:
            return _Col(name, col, pl.Series(col, values, dtype=pl.Int64), "long", True)
        if kind is float:
            s = pl.Series(col, values, dtype=pl.Float64)
            return _Col(name, col, s, "double", bool(s.is_finite().all()))
        if kind in (list, tuple) and all(type(x) is str for v in values if v is not None for x in v):
            return _Col(name, col, pl.Series(col, values, dtype=pl.List(pl.String)), "string", True)
    except (UnicodeError, OverflowError, TypeError, ValueError, pl.exceptions.PolarsError):
        pass  # lone surrogates, ints beyond 64 bits...: written as text below
    texts = [None if v is None else xml_clean(_text(v)) for v in values]
    return _Col(name, col, pl.Series(col, texts, dtype=pl.String), "string", False)


@dataclass
class _Table:
    """Nodes or edges: fixed id columns plus one column per attribute, in a polars frame."""

    frame: Any
    raw: dict[str, list]  # the id columns as the graph has them
    ids: dict[str, _Col]
    attrs: list[_Col]
    dicts: list[dict]
    uniform: bool  # every element has every attribute (None counts): JSON can use columns

    def attr(self, name: str) -> _Col | None:
        return next((c for c in self.attrs if c.name == name), None)


def _table(ids: dict[str, list], dicts: list[dict]) -> _Table:
    import polars as pl

    names: set = set()
    for d in dicts:
        names.update(d)
    if not all(isinstance(n, str) for n in names):
        raise TypeError("attribute names must be strings to be exported")
    order = sorted(names)
    uniform = set(map(len, dicts)) <= {len(order)}
    if not order or not dicts:
        columns: list[Sequence[Any]] = [[] for _ in order]
    elif uniform and len(order) > 1:
        columns = list(zip(*map(itemgetter(*order), dicts)))  # one C-level pass per element
    else:
        columns = list(zip(*(tuple(map(d.get, order)) for d in dicts)))
    id_cols = {key: _column(key, key, values) for key, values in ids.items()}
    attrs = [_column(name, f"a{i}", values) for i, (name, values) in enumerate(zip(order, columns))]
    frame = pl.DataFrame([c.series for c in (*id_cols.values(), *attrs)])
    return _Table(frame, ids, id_cols, attrs, dicts, uniform)


def _sorted(items: Any) -> list:
    try:
        return sorted(items)
    except TypeError:  # mixed types: still a stable, reproducible order
        return sorted(items, key=lambda x: (type(x).__name__, repr(x)))


@dataclass
class _Snapshot:
    graph: nx.Graph
    nodes: _Table
    edges: _Table


def _snapshot(G: nx.Graph) -> _Snapshot:
    """The graph's nodes and edges in sorted order, gathered into columns."""
    with paused_gc():
        nodes = _sorted(G.nodes)
        node_data = G._node
        directed, multi = G.is_directed(), G.is_multigraph()
        rank = {n: i for i, n in enumerate(nodes)}
        us: list = []
        vs: list = []
        ks: list = []
        dicts: list[dict] = []
        adj = G._adj  # the successors of a directed graph; also works on subgraph views
        for u in nodes:
            nbrs = adj[u]
            for v in _sorted(nbrs):
                if not directed and rank[v] < rank[u]:
                    continue  # an undirected edge is listed under both its ends
                if multi:
                    kd = nbrs[v]
                    for k in (kd if len(kd) == 1 else _sorted(kd)):
                        us.append(u)
                        vs.append(v)
                        ks.append(k)
                        dicts.append(kd[k])
                else:
                    us.append(u)
                    vs.append(v)
                    dicts.append(nbrs[v])
        if not multi:
            ks = list(map(str, range(len(us))))  # GEXF and GraphML want an id per edge
        node_table = _table({"id": nodes}, [node_data[n] for n in nodes])
        edge_table = _table({"source": us, "target": vs, "key": ks}, dicts)
    return _Snapshot(G, node_table, edge_table)


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


def _write_rows(fh: BinaryIO, frame: Any, line: Any) -> None:
    """Write one formatted line per row of ``frame``, in chunks."""
    for offset in range(0, frame.height, _CHUNK):
        lines = frame.slice(offset, _CHUNK).select(line.alias("line"))
        buf = io.BytesIO()
        # quote_style="never" writes each string as is, followed by "\n".
        lines.write_csv(buf, include_header=False, quote_style="never")
        fh.write(buf.getvalue())


def _scalar_attrs(data: dict) -> list[tuple[str, str, str]]:
    """(name, xml type, escaped text) of a small dict's non-None values (graph attributes)."""
    out = []
    for name in sorted(k for k in data if isinstance(k, str)):
        value = data[name]
        if value is None or isinstance(value, dict):
            continue
        kind = {bool: "boolean", int: "long", float: "double"}.get(type(value), "string")
        out.append((name, kind, _esc(value)))
    return out


# -- GEXF ----------------------------------------------------------------------------


def _dates(c: _Col | None, height: int) -> Any:
    """An edge ``start``/``end`` column as polars dates (all null when absent)."""
    import polars as pl

    if c is None or c.xml_type is None:
        return pl.Series([None] * height, dtype=pl.Date)
    try:
        if c.series.dtype != pl.String:
            raise TypeError(c.series.dtype)
        return c.series.str.to_date("%Y-%m-%d", strict=True)
    except (TypeError, pl.exceptions.PolarsError) as exc:
        raise ValueError(f"GEXF: edge {c.name!r} values must be ISO days (YYYY-MM-DD) or dates: {exc}") from None


def _iso(expr: Any) -> Any:
    return expr.dt.to_string("%Y-%m-%d")


def _node_spells(frame: Any) -> dict[str, str]:
    """Escaped node id -> its ``<spell>`` elements: the merged days of its dated edges.

    ``frame`` has columns ``s``/``t`` (escaped source/target ids) and
    ``lo``/``hi`` (the edge's first day and its exclusive end).
    """
    import polars as pl

    lo_min, hi_max = dt.date.min, dt.date.max  # stand-ins for an open start or end
    iv = (pl.concat([frame.select(pl.col("s").alias("n"), "lo", "hi"),
                     frame.select(pl.col("t").alias("n"), "lo", "hi")])
          .filter(pl.col("lo").is_not_null() | pl.col("hi").is_not_null())
          .with_columns(pl.col("lo").fill_null(lo_min), pl.col("hi").fill_null(hi_max))
          .sort("n", "lo", "hi"))
    # A new spell starts where an interval begins after every earlier one of
    # the node has ended; [a, b) and [b, c) touch and merge.
    reach = pl.col("hi").cum_max().shift(1).over("n")
    iv = iv.with_columns((reach.is_null() | (pl.col("lo") > reach)).cum_sum().alias("g"))
    spells = iv.group_by("n", "g").agg(pl.col("lo").min(), pl.col("hi").max()).sort("n", "lo")
    last = pl.max_horizontal(pl.col("hi") - pl.duration(days=1), pl.col("lo"))  # inclusive, as GEXF wants
    spell = pl.concat_str([
        pl.lit("          <spell"),
        pl.when(pl.col("lo") != lo_min).then(_fmt(' start="', _iso(pl.col("lo")), '"')).otherwise(pl.lit("")),
        pl.when(pl.col("hi") != hi_max).then(_fmt(' end="', _iso(last), '"')).otherwise(pl.lit("")),
        pl.lit("/>\n")])
    joined = spells.group_by("n", maintain_order=True).agg(spell.str.join("").alias("xml"))
    always = "          <spell/>\n"  # open at both ends: no spells, always shown
    return {n: xml for n, xml in zip(joined["n"].to_list(), joined["xml"].to_list()) if xml != always}


def _attvalues(attrs: list[tuple[_Col, str]], indent: str) -> list:
    """The parts of an ``<attvalues>`` block of the non-None attributes (none at all when all are None)."""
    import polars as pl

    if not attrs:
        return []
    values = [p for c, aid in attrs for p in _field(c, f'{indent}  <attvalue for="{aid}" value="', '"/>\n')]
    if any(c.series.null_count() == 0 for c, _ in attrs):
        return [f"{indent}<attvalues>\n", *values, f"{indent}</attvalues>\n"]
    some = pl.any_horizontal([pl.col(c.col).is_not_null() for c, _ in attrs])
    return [pl.when(some).then(pl.lit(f"{indent}<attvalues>\n")).otherwise(pl.lit("")), *values,
            pl.when(some).then(pl.lit(f"{indent}</attvalues>\n")).otherwise(pl.lit(""))]


def _write_gexf(S: _Snapshot, fh: BinaryIO) -> None:
    import polars as pl

    nodes, edges = S.nodes, S.edges
    ids = iter(map(str, range(1 << 62)))
    node_attrs = [(c, next(ids)) for c in nodes.attrs if c.xml_type and c.name != "label"]
    # Gephi reads an edge's weight from its XML attribute, not from an attvalue.
    weight = next((c for c in edges.attrs if c.name == "weight" and c.xml_type in ("long", "double")), None)
    edge_xml = ("label", "start", "end", "weight") if weight else ("label", "start", "end")
    edge_attrs = [(c, next(ids)) for c in edges.attrs if c.xml_type and c.name not in edge_xml]

    # Edge time bounds: the graph's half-open [start, end) becomes GEXF's
    # inclusive [start, end - 1 day] (GEXF ends are inclusive). An edge with
    # neither has no bounds (see "Undated edges" above).
    n = edges.frame.height
    ef = edges.frame.with_columns(_dates(edges.attr("start"), n).alias("lo"), _dates(edges.attr("end"), n).alias("hi"),
                                  _xml_value(edges.ids["source"]).alias("s"),
                                  _xml_value(edges.ids["target"]).alias("t"))
    dynamic = n > 0 and (ef["lo"].null_count() < n or ef["hi"].null_count() < n)
    spells = _node_spells(ef) if dynamic else {}

    w = fh.write
    w(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    # No lastmodifieddate (networkx's writer puts today's date there): the
    # same graph must give the same bytes.
    w(f"<gexf {_GEXF_NS}>\n  <meta>\n    <creator>actors</creator>\n"
      f"    <description>{_GEXF_DESCRIPTION}</description>\n  </meta>\n".encode())
    edgetype = "directed" if S.graph.is_directed() else "undirected"
    mode = ' mode="dynamic" timeformat="date"' if dynamic else ' mode="static"'
    w(f'  <graph defaultedgetype="{edgetype}"{mode}>\n'.encode())
    for cls, attrs in (("node", node_attrs), ("edge", edge_attrs)):
        if attrs:
            w(f'    <attributes class="{cls}" mode="static">\n'.encode())
            for c, aid in attrs:
                w(f'      <attribute id="{aid}" title="{_esc(c.name)}" type="{c.xml_type}"/>\n'.encode())
            w(b"    </attributes>\n")

    # Nodes: label = the "label" attribute, else "name", else the id.
    labels = [_xml_value(c) for c in (nodes.attr("label"), nodes.attr("name")) if c and c.xml_type]
    nf = nodes.frame.with_columns(_xml_value(nodes.ids["id"]).alias("i"))
    nf = nf.with_columns(pl.Series("sp", [spells.get(i) for i in nf["i"].to_list()], dtype=pl.String))
    w(b"    <nodes>\n")
    _write_rows(fh, nf, _fmt(
        '      <node id="', pl.col("i"), '" label="', pl.coalesce(*labels, pl.col("i")), '">\n',
        *_attvalues(node_attrs, "        "),
        _fmt("        <spells>\n", pl.col("sp"), "        </spells>\n").fill_null(""),
        "      </node>"))
    w(b"    </nodes>\n    <edges>\n")
    label = next((c for c in (edges.attr("label"), edges.attr("relation")) if c and c.xml_type), None)
    last = pl.when(pl.col("hi").is_not_null()).then(
        pl.max_horizontal(pl.col("hi") - pl.duration(days=1), pl.col("lo")))  # an open end stays open
    _write_rows(fh, ef, _fmt(
        '      <edge id="', _xml_value(edges.ids["key"]), '" source="', pl.col("s"), '" target="', pl.col("t"), '"',
        *(_field(label, ' label="', '"') if label else ()),
        *(_field(weight, ' weight="', '"') if weight else ()),
        _fmt(' start="', _iso(pl.col("lo")), '"').fill_null(""),
        _fmt(' end="', _iso(last), '"').fill_null(""),
        ">\n",
        *_attvalues(edge_attrs, "        "),
        "      </edge>"))
    w(b"    </edges>\n  </graph>\n</gexf>\n")


# -- GraphML -------------------------------------------------------------------------


def _write_graphml(S: _Snapshot, fh: BinaryIO) -> None:
    nodes, edges = S.nodes, S.edges
    ids = iter(f"d{i}" for i in range(1 << 62))
    graph_attrs = [(name, kind, text, next(ids)) for name, kind, text in _scalar_attrs(S.graph.graph)]
    node_keys = [(c, next(ids)) for c in nodes.attrs if c.xml_type]
    edge_keys = [(c, next(ids)) for c in edges.attrs if c.xml_type]

    w = fh.write
    w(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    w(f"<graphml {_GRAPHML_NS}>\n".encode())
    for name, kind, _, kid in graph_attrs:
        w(f'  <key id="{kid}" for="graph" attr.name="{_esc(name)}" attr.type="{kind}"/>\n'.encode())
    for cls, keys in (("node", node_keys), ("edge", edge_keys)):
        for c, kid in keys:
            w(f'  <key id="{kid}" for="{cls}" attr.name="{_esc(c.name)}" attr.type="{c.xml_type}"/>\n'.encode())
    edgedefault = "directed" if S.graph.is_directed() else "undirected"
    w(f'  <graph edgedefault="{edgedefault}">\n'.encode())
    for _, _, text, kid in graph_attrs:
        w(f'    <data key="{kid}">{text}</data>\n'.encode())

    def datas(keys: list[tuple[_Col, str]]) -> list:
        return [p for c, kid in keys for p in _field(c, f'      <data key="{kid}">', "</data>\n")]

    _write_rows(fh, nodes.frame, _fmt('    <node id="', _xml_value(nodes.ids["id"]), '">\n',
                                      *datas(node_keys), "    </node>"))
    _write_rows(fh, edges.frame, _fmt(
        '    <edge id="', _xml_value(edges.ids["key"]), '" source="', _xml_value(edges.ids["source"]),
        '" target="', _xml_value(edges.ids["target"]), '">\n', *datas(edge_keys), "    </edge>"))
    w(b"  </graph>\n</graphml>\n")


# -- JSON ----------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return _sorted(value)
    raise TypeError(f"cannot write a {type(value).__name__} to JSON")


# Compact separators: the same text polars' JSON encoder gives, so both paths agree.
_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_json_default)


def _json_bytes(text: str) -> bytes:
    # A lone surrogate cannot be UTF-8; as a \\uXXXX escape (what json.dumps
    # writes too) it is valid JSON and reads back as the same string.
    return text.encode("utf-8", "backslashreplace")


def _write_json(S: _Snapshot, fh: BinaryIO, *, columnar: bool = True) -> None:
    """Node-link JSON, one node or edge per line.

    Edges are encoded column-wise by polars when every edge has the same
    attributes and all are plain (str, int, bool, finite float, None, lists
    of str); otherwise (or with ``columnar=False``) one by one by Python's
    json module. Both give the same text for plain values.
    """
    import polars as pl

    G, nodes, edges = S.graph, S.nodes, S.edges
    multi = G.is_multigraph()
    ends = ("source", "target", "key") if multi else ("source", "target")
    w = fh.write
    w(f'{{"directed":{_JSON.encode(G.is_directed())},"edges":['.encode())
    n = edges.frame.height
    id_cols = [edges.ids[k] for k in ends]
    attrs = [c for c in edges.attrs if c.name not in ends]  # node_link_data lets the ends win
    if n and columnar and edges.uniform and all(c.json_ok for c in (*id_cols, *attrs)):
        fields = sorted([(c.name, pl.col(c.col)) for c in (*id_cols, *attrs)], key=itemgetter(0))
        row = pl.struct([expr.alias(name) for name, expr in fields]).struct.json_encode()
        w(b"\n")
        for offset in range(0, n, _CHUNK):
            comma = pl.lit(",")
            if offset + _CHUNK >= n:  # no comma after the very last edge
                comma = pl.when(pl.int_range(pl.len()) < pl.len() - 1).then(comma).otherwise(pl.lit(""))
            _write_rows(fh, edges.frame.slice(offset, _CHUNK), pl.concat_str([row, comma]))
    elif n:
        w(b"\n")
        raw = edges.raw
        for offset in range(0, n, 10_000):
            items = []
            for i in range(offset, min(offset + 10_000, n)):
                item = {**edges.dicts[i], "source": raw["source"][i], "target": raw["target"][i]}
                if multi:
                    item["key"] = raw["key"][i]
                items.append(_JSON.encode(item))
            w(_json_bytes(",\n".join(items) + (",\n" if offset + 10_000 < n else "\n")))
    w(f'],"graph":{_JSON.encode(G.graph)},"multigraph":{_JSON.encode(multi)},"nodes":['.encode())
    if nodes.dicts:
        lines = (_JSON.encode({**d, "id": n}) for n, d in zip(nodes.raw["id"], nodes.dicts))
        w(b"\n" + _json_bytes(",\n".join(lines) + "\n"))
    w(b"]}\n")


# -- public API ------------------------------------------------------------------------

_WRITERS: dict[str, Callable[[_Snapshot, BinaryIO], None]] = {
    "gexf": _write_gexf, "graphml": _write_graphml, "json": _write_json}


def _check(format: str) -> str:
    if format not in _WRITERS:
        raise ValueError(f"unknown export format {format!r}: expected one of {', '.join(EXPORT_FORMATS)}")
    return format


def write_to(G: nx.Graph, fh: BinaryIO, *, format: str) -> None:
    """Stream the graph in ``format`` to an open binary file (standard output, a socket...)."""
    _WRITERS[_check(format)](_snapshot(G), fh)


def _bytes(G: nx.Graph, format: str) -> bytes:
    buf = io.BytesIO()
    write_to(G, buf, format=format)
    return buf.getvalue()


def to_gexf_bytes(G: nx.Graph) -> bytes:
    """The graph as GEXF 1.2 (dynamic: edge start/end and node spells, inclusive days)."""
    return _bytes(G, "gexf")


def to_graphml_bytes(G: nx.Graph) -> bytes:
    """The graph as GraphML (None left out, lists joined with "|")."""
    return _bytes(G, "graphml")


def to_json_bytes(G: nx.Graph) -> bytes:
    """The graph as node-link JSON (``nx.node_link_data(G, edges="edges")``, sorted keys, UTF-8)."""
    return _bytes(G, "json")


def export_writers(G: nx.Graph, out_dir: str | os.PathLike[str], *, formats: Sequence[str] = EXPORT_FORMATS,
                   stem: str = "graph") -> dict[Path, Callable[[Path], None]]:
    """``{out_dir/graph.<format>: write(tmp_path)}`` for :func:`actors.output.write_all`.

    The files are streamed to the temporary paths (no whole file is held in
    memory) and the graph is gathered once for all of them.
    """
    out = Path(out_dir)
    cache: list[_Snapshot] = []

    def writer(format: str) -> Callable[[Path], None]:
        def write(tmp: Path) -> None:
            if not cache:
                cache.append(_snapshot(G))
            with open(tmp, "wb") as fh:
                _WRITERS[format](cache[0], fh)
        return write

    return {out / f"{stem}.{_check(f)}": writer(f) for f in formats}


def export(G: nx.Graph, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write the graph to ``path`` atomically in ``format`` (default: the path's suffix)."""
    path = Path(path)
    fmt = _check(format if format is not None else path.suffix.lstrip(".").lower())
    from actors.output import write_all

    (write,) = export_writers(G, path.parent, formats=[fmt]).values()
    return write_all({path: write})[0]


def write_gexf(G: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph.gexf`` atomically (Gephi: the timeline plays the network)."""
    return export(G, path, format="gexf")


def write_graphml(G: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write GraphML atomically."""
    return export(G, path, format="graphml")


def write_json(G: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write node-link JSON atomically."""
    return export(G, path, format="json")

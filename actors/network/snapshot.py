"""The graph gathered for export: sorted nodes and edges, their attributes as polars columns.

Every export format starts from the same snapshot, so all give the same
bytes for the same graph: nodes are sorted, edges are sorted by (source,
target, key). Each attribute becomes one typed column ("string", "long",
"boolean", "double"); values no column type holds exactly are flattened to
text, lists joined with ``|``, and characters XML 1.0 forbids replaced by
U+FFFD (:func:`xml_clean`). Rows are formatted column-wise and written in
chunks (:func:`_write_rows`), so no whole file is held in memory.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from operator import itemgetter
from typing import Any, BinaryIO, Sequence

import networkx as nx

from actors.bulk import paused_gc

__all__ = ["xml_clean"]

# Rows formatted and written per polars batch: bounds the memory the output
# strings take (a 1M-edge GEXF is ~700 MB of text) without slowing the writes.
_CHUNK = 100_000

# What XML 1.0 forbids: C0 controls other than tab, LF and CR; surrogates
# (only lone ones can occur in a Python str); the non-characters U+FFFE/U+FFFF.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_REPLACEMENT = "\ufffd"


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


def _write_rows(fh: BinaryIO, frame: Any, line: Any) -> None:
    """Write one formatted line per row of ``frame``, in chunks."""
    for offset in range(0, frame.height, _CHUNK):
        lines = frame.slice(offset, _CHUNK).select(line.alias("line"))
        buf = io.BytesIO()
        # quote_style="never" writes each string as is, followed by "\n".
        lines.write_csv(buf, include_header=False, quote_style="never")
        fh.write(buf.getvalue())

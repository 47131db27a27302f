"""Node-link JSON export.

* ``graph.json`` is networkx node-link data (``nx.node_link_data(G,
  edges="edges")``): sorted keys, UTF-8, None kept as null, lists kept.
  Read it back with ``nx.node_link_graph(json.load(fh), edges="edges")``.
"""

from __future__ import annotations

import datetime as dt
import json
from operator import itemgetter
from typing import Any, BinaryIO

from actors.network.snapshot import _CHUNK, _Snapshot, _sorted, _write_rows

__all__: list[str] = []


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


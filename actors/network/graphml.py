"""GraphML export.

* ``graph.graphml`` holds every attribute as it is in the graph (``start`` and
  ``end`` stay the half-open ``[start, end)`` of :mod:`actors.network.graph`).
"""

from __future__ import annotations

from typing import BinaryIO

from actors.network.snapshot import _Col, _Snapshot, _write_rows
from actors.network.xmlmarkup import _esc, _field, _fmt, _xml_value

__all__: list[str] = []

_GRAPHML_NS = ('xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
               'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"')


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


"""Exports of the temporal network: GEXF (Gephi, with a playable timeline), GraphML and JSON.

All three take the ``MultiDiGraph`` of :func:`actors.network.graph.build_graph` (or
any networkx graph, or a window view of one) and give the same bytes for the
same graph: nodes are sorted, edges are sorted by (source, target, key), and
nothing depends on the clock (networkx's own GEXF writer stamps today's date
in ``lastmodifieddate``; this module writes no date at all).

* ``graph.gexf`` (GEXF 1.2) is dynamic: each dated edge carries ``start`` and
  ``end``, the first and last day its date covers, and each node its
  ``<spells>``; undated edges get no time bounds (:mod:`actors.network.gexf`).
* ``graph.graphml`` holds every attribute as it is in the graph
  (:mod:`actors.network.graphml`).
* ``graph.json`` is networkx node-link data (:mod:`actors.network.node_link`).

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

The graph is gathered once (:mod:`actors.network.snapshot`) and escaped for
XML by :mod:`actors.network.xmlmarkup`. Writing files atomically is
:mod:`actors.output`'s job (``export``, ``write_gexf``, ``write_graphml``,
``write_json``).

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

import io
import os
from pathlib import Path
from typing import BinaryIO, Callable, Sequence

import networkx as nx

from actors.network.export_choice import EXPORT_FORMATS
from actors.network.gexf import _write_gexf
from actors.network.graphml import _write_graphml
from actors.network.node_link import _write_json
from actors.network.snapshot import _Snapshot, _snapshot, xml_clean

__all__ = [
    "xml_clean",
    "to_gexf_bytes",
    "to_graphml_bytes",
    "to_json_bytes",
    "write_to",
    "export_writers",
]



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


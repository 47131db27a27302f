"""The temporal network: a networkx ``MultiDiGraph`` with one edge per event.

Nodes are actor ids. Each node carries ``name``, ``kind``, ``aliases`` (a
list), ``generic`` (True for unresolved mentions like "the Islamists"),
``first_seen`` / ``last_seen`` (ISO days, from its dated edges; None when it
has none) and ``mentions``.

Each edge is keyed by its stable ``edge_id`` (from ``edges.csv``) and carries
``relation``, ``date`` (ISO at its precision), ``precision``, ``status``,
``claimant`` (an actor id, or None), ``start`` and ``end`` (ISO days: the
half-open interval ``[start, end)`` the date's precision covers, so "2012-06"
is ``["2012-06-01", "2012-07-01")``; both None when the date is unknown),
``doc``, ``evidence``, ``char_start``, ``char_end`` and ``event_id``, plus the
text of both ends and the cue that found it.

fought-against and allied-with are stored in the direction the text gives
them, but mean the same both ways: analyses treat them as undirected
(:func:`edge_frame` adds an ordered pair ``a``/``b``). split-from points from
the splinter to its parent, member-of from the member to the whole.

>>> import polars as pl
>>> edges = pl.DataFrame([
...     {"edge_id": "e1", "source": "mnla", "target": "mali", "relation": "fought-against",
...      "date": "2012-01", "date_precision": "month", "status": "reported", "claimed_by": "",
...      "doc": "a.txt", "evidence": "In January 2012 the MNLA attacked Menaka.",
...      "char_start": 0, "char_end": 41, "date_earliest": "2012-01-01", "date_latest": "2012-01-31"}])
>>> G = build_graph(edges)
>>> d = G.edges["mnla", "mali", "e1"]
>>> d["relation"], d["start"], d["end"], d["claimant"]
('fought-against', '2012-01-01', '2012-02-01', None)
>>> G.nodes["mnla"]["first_seen"], G.nodes["mnla"]["last_seen"]
('2012-01-01', '2012-01-31')
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

import networkx as nx

from .dates import parse_iso
from .schema import GENERIC_KIND, RELATIONS, STATUSES, is_symmetric

__all__ = ["build_graph", "edge_frame", "EDGE_FRAME_SCHEMA", "sign"]

# Edge attributes copied from the edges table: (graph attribute, table column).
_EDGE_FIELDS: tuple[tuple[str, str], ...] = (
    ("relation", "relation"),
    ("date", "date"),
    ("precision", "date_precision"),
    ("status", "status"),
    ("claimant", "claimed_by"),
    ("doc", "doc"),
    ("evidence", "evidence"),
    ("char_start", "char_start"),
    ("char_end", "char_end"),
    ("event_id", "event_id"),
    ("source_text", "source_text"),
    ("target_text", "target_text"),
    ("cue", "cue"),
    ("section", "section"),
    ("claim_text", "claim_text"),
)


def sign(relation: str) -> int:
    """+1 for allied-with, -1 for fought-against, 0 for the structural relations.

    >>> sign("allied-with"), sign("fought-against"), sign("member-of")
    (1, -1, 0)
    """
    return {"allied-with": 1, "fought-against": -1}.get(relation, 0)


def _next_day(iso: str | None) -> str | None:
    if not iso:
        return None
    return (dt.date.fromisoformat(iso) + dt.timedelta(days=1)).isoformat()


def _interval(date: str | None, earliest: Any, latest: Any) -> tuple[str | None, str | None]:
    """First and last day an edge's date covers; (None, None) when undated.

    An edge whose date is unknown stays undated even if the text bounds it on
    one side (a section "2023–present"); an open end ("beginning on
    18 December 2008") is closed at the end of the date's own precision.
    """
    if not date:
        return None, None
    own = parse_iso(date)
    return (_blank(earliest) or own.earliest), (_blank(latest) or own.latest)


def _blank(value: Any) -> Any:
    return None if value is None or value == "" else value


def build_graph(edges, actors=None, *, include_unlinked: bool = False) -> nx.MultiDiGraph:
    """Build the temporal multigraph from an edges table (and optionally the actors table).

    ``edges`` and ``actors`` are polars DataFrames shaped like ``edges.csv``
    and ``actors.csv``. Actors that no edge touches are left out unless
    ``include_unlinked`` is true and they were mentioned at least once.
    The graph is built once; time windows are views over it
    (:func:`actors.windows.window`).
    """
    G = nx.MultiDiGraph(name="actors")
    info: dict[str, dict] = {}
    if actors is not None:
        for row in actors.iter_rows(named=True):
            aliases = [a for a in (row.get("aliases") or "").split("|") if a]
            info[row["id"]] = {
                "name": row.get("name") or row["id"],
                "kind": row.get("kind") or "",
                "aliases": aliases,
                "generic": (row.get("kind") == GENERIC_KIND),
                "mentions": int(row.get("mentions") or 0),
            }

    cols = edges.columns
    first: dict[str, str] = {}
    last: dict[str, str] = {}
    rows = []
    for row in edges.iter_rows(named=True):
        attrs = {name: _blank(row.get(col)) if col in cols else None for name, col in _EDGE_FIELDS}
        start, latest = _interval(attrs["date"], row.get("date_earliest"), row.get("date_latest"))
        attrs["start"] = start
        attrs["end"] = _next_day(latest)
        u, v = row["source"], row["target"]
        rows.append((u, v, row["edge_id"], attrs))
        if start:
            for n in (u, v):
                if n not in first or start < first[n]:
                    first[n] = start
                if n not in last or latest > last[n]:
                    last[n] = latest

    names = {n for u, v, _, _ in rows for n in (u, v)}
    if include_unlinked:
        names |= {k for k, i in info.items() if i["mentions"] > 0}
    for n in sorted(names):
        base = info.get(n) or {"name": n, "kind": GENERIC_KIND if n.startswith("generic-") else "",
                               "aliases": [], "generic": n.startswith("generic-"), "mentions": 0}
        G.add_node(n, **base, first_seen=first.get(n), last_seen=last.get(n))
    G.add_edges_from(rows)
    return G


#: Column types of :func:`edge_frame` (polars dtypes by name, resolved lazily).
EDGE_FRAME_SCHEMA: tuple[tuple[str, str], ...] = (
    ("edge_id", "str"), ("source", "str"), ("target", "str"), ("a", "str"), ("b", "str"),
    ("relation", "str"), ("sign", "int"), ("date", "str"), ("precision", "str"), ("status", "str"),
    ("claimant", "str"), ("start", "date"), ("end", "date"), ("doc", "str"), ("evidence", "str"),
    ("char_start", "int"), ("char_end", "int"), ("generic", "bool"),
)


def edge_frame(G: nx.MultiDiGraph, *, relations: Iterable[str] = RELATIONS,
               statuses: Iterable[str] = STATUSES):
    """The graph's edges as one polars DataFrame, one row per edge.

    Analyses work on this frame so that a time window is a vectorised filter
    rather than a new graph. ``a``/``b`` are the two ends in sorted order for
    the symmetric relations and ``source``/``target`` otherwise; ``generic`` is
true when either end is a generic mention ("the Islamists"), which the
analyses of named actors leave out by default; ``start`` and
    ``end`` are dates (``end`` exclusive, both null when undated). Pass the
    frame to several analyses with their ``edges=`` keyword to extract it once.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("b", "a", key="e1", relation="allied-with", status="reported", start="2001-01-01", end="2002-01-01")
    'e1'
    >>> edge_frame(G).select("a", "b", "sign", "start").row(0)
    ('a', 'b', 1, datetime.date(2001, 1, 1))
    """
    import polars as pl

    relations, statuses = frozenset(relations), frozenset(statuses)
    cols: dict[str, list] = {name: [] for name, _ in EDGE_FRAME_SCHEMA}
    for u, v, k, d in G.edges(keys=True, data=True):
        rel = d.get("relation")
        if rel not in relations or d.get("status", "reported") not in statuses:
            continue
        a, b = (u, v) if not is_symmetric(rel) or u <= v else (v, u)
        cols["edge_id"].append(k)
        cols["source"].append(u)
        cols["target"].append(v)
        cols["a"].append(a)
        cols["b"].append(b)
        cols["relation"].append(rel)
        cols["sign"].append(sign(rel))
        for name in ("date", "precision", "status", "claimant", "doc", "evidence", "char_start", "char_end"):
            cols[name].append(d.get(name))
        cols["generic"].append(bool(G.nodes[u].get("generic") or G.nodes[v].get("generic")))
        cols["start"].append(d.get("start"))
        cols["end"].append(d.get("end"))
    types = {"str": pl.Utf8, "int": pl.Int64, "date": pl.Utf8, "bool": pl.Boolean}
    df = pl.DataFrame(cols, schema={n: types[t] for n, t in EDGE_FRAME_SCHEMA})
    return df.with_columns(pl.col("start").str.to_date("%Y-%m-%d"), pl.col("end").str.to_date("%Y-%m-%d"))


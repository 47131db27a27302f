"""Genealogy: the forest of split-from and member-of links.

Each link points from a child (the splinter, or the member) to its parent
(the group it split from, or the whole it belongs to). A child can have
several parents (a group that split from one movement and later joined a
coalition); its *primary* parent, which places it in the forest, is its
split-from origin if it has one, else its earliest membership. Following
primary parents up gives each actor a ``root`` and a ``lineage`` such as
"mna → mnla → fpa" (→ marks a split, ⊃ a membership: "banner ⊃ crescent"
means the Crescent is a member of the Banner). Cycles (A member of B, B member of A) are cut where they
close and flagged.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for k, (u, v, y) in enumerate([("mnla", "mna", "2011"), ("fpa", "mnla", "2012")]):
...     _ = G.add_edge(u, v, key=f"k{k}", relation="split-from", status="reported", date=y,
...                    start=f"{y}-01-01", end=f"{int(y) + 1}-01-01", evidence="...", doc="d", char_start=k, char_end=k)
>>> genealogy(G).select("child", "parent", "depth", "lineage").rows()
[('mnla', 'mna', 1, 'mna → mnla'), ('fpa', 'mnla', 2, 'mna → mnla → fpa')]
"""

from __future__ import annotations

from typing import Iterable

import networkx as nx

from .graph import edge_frame
from .pairs import FACT_STATUSES

__all__ = ["genealogy", "genealogy_forest"]

_LINKS = ("split-from", "member-of")
#: In lineage texts: "a → b" b split from a; "a ⊃ b" b is a member of a.
_ARROW = {"split-from": "→", "member-of": "⊃"}


def _links(G: nx.MultiDiGraph, statuses, include_generic: bool, edges):
    import polars as pl

    f = edges if edges is not None else edge_frame(G)
    f = f.filter(pl.col("relation").is_in(_LINKS) & pl.col("status").is_in(list(statuses)))
    if not include_generic:
        f = f.filter(~pl.col("generic"))
    return (f.sort(["start", "end", "doc", "char_start", "edge_id"], nulls_last=True)
             .group_by(["source", "target", "relation"], maintain_order=True)
             .agg(pl.col("date").drop_nulls().first().alias("first_date"),
                  pl.col("start").min().alias("_start"), pl.len().alias("events"),
                  pl.col("status").unique().sort().str.join("|").alias("statuses"),
                  pl.col("evidence").first(), pl.col("doc").first(), pl.col("edge_id").first())
             .rename({"source": "child", "target": "parent"}))


def genealogy_forest(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES,
                     include_generic: bool = False, edges=None) -> nx.DiGraph:
    """The forest as a DiGraph from parent to child over primary links.

    Every link is an edge (attributes: relation, first_date, events, statuses,
    evidence, doc, edge_id, ``primary``); only primary links form the tree a
    renderer should draw; the others are the extra parents.
    """
    links = _links(G, statuses, include_generic, edges)
    T = nx.DiGraph()
    rank = {"split-from": 0, "member-of": 1}
    best: dict[str, tuple] = {}
    for r in links.iter_rows(named=True):
        T.add_edge(r["parent"], r["child"], relation=r["relation"], first_date=r["first_date"], events=r["events"],
                   statuses=r["statuses"], evidence=r["evidence"], doc=r["doc"], edge_id=r["edge_id"], primary=False)
        key = (rank[r["relation"]], r["_start"] is None, r["_start"] or "", r["parent"])
        if r["child"] not in best or key < best[r["child"]][0]:
            best[r["child"]] = (key, r["parent"])
    for child, (_, parent) in best.items():
        T.edges[parent, child]["primary"] = True
    for n in T:
        T.nodes[n]["name"] = G.nodes[n].get("name", n) if n in G else n
    return T


def _lineage(child: str, parent_of: dict[str, tuple[str, str]]) -> tuple[list[str], str, bool]:
    """Primary ancestors of ``child`` (root first), the lineage text, and whether a cycle was cut."""
    chain, text, seen = [child], child, {child}
    while chain[-1] in parent_of:
        up, relation = parent_of[chain[-1]]
        if up in seen:
            return chain[::-1], text, True
        chain.append(up)
        seen.add(up)
        text = f"{up} {_ARROW[relation]} {text}"
    return chain[::-1], text, False


def genealogy(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES,
              include_generic: bool = False, edges=None):
    """One row per split-from or member-of link, placed in the forest.

    Columns: child, parent, relation, first_date, events, statuses,
    ``primary`` (whether the link places the child in the tree), root, depth
    (of the child), lineage (root to child over primary links), cycle,
    evidence, doc, edge_id. Sorted by root, then lineage.
    """
    import polars as pl

    T = genealogy_forest(G, statuses=statuses, include_generic=include_generic, edges=edges)
    parent_of = {v: (u, d["relation"]) for u, v, d in T.edges(data=True) if d["primary"]}
    rows = []
    for parent, child, d in T.edges(data=True):
        chain, lineage, cycle = _lineage(child, parent_of)
        rows.append({"child": child, "parent": parent, "relation": d["relation"], "first_date": d["first_date"],
                     "events": d["events"], "statuses": d["statuses"], "primary": d["primary"], "root": chain[0],
                     "depth": len(chain) - 1, "lineage": lineage, "cycle": cycle,
                     "evidence": d["evidence"], "doc": d["doc"], "edge_id": d["edge_id"]})
    schema = {"child": pl.Utf8, "parent": pl.Utf8, "relation": pl.Utf8, "first_date": pl.Utf8, "events": pl.Int64,
              "statuses": pl.Utf8, "primary": pl.Boolean, "root": pl.Utf8, "depth": pl.Int64, "lineage": pl.Utf8,
              "cycle": pl.Boolean, "evidence": pl.Utf8, "doc": pl.Utf8, "edge_id": pl.Utf8}
    return (pl.DataFrame(rows, schema=schema, orient="row")
              .sort(["root", "lineage", "primary", "parent"], descending=[False, False, True, False]))

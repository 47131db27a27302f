"""Genealogy: the forest of split-from and member-of links.

Each link points from a child (the splinter, or the member) to its parent
(the group it split from, or the whole it belongs to). A child can have
several parents (a group that split from one movement and later joined a
coalition); its *primary* parent, which places it in the forest, is its
split-from origin if it has one, else its earliest membership. Following
primary parents up gives each actor a ``root`` and a ``lineage`` such as
"mna → mnla → fpa" (→ marks a split, ⊃ a membership: "banner ⊃ crescent"
means the Crescent is a member of the Banner). A cycle of
primary links (A member of B, B member of A) is cut at its smallest id,
which becomes a root; the cut link is flagged ``cycle``.

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

from actors.network.graph import edge_frame
from actors.analysis.pairs import FACT_STATUSES

__all__ = ["genealogy", "genealogy_forest"]

_LINKS = ("split-from", "member-of")
#: In lineage texts: "a → b" b split from a; "a ⊃ b" b is a member of a.
_ARROW = {"split-from": "→", "member-of": "⊃"}
#: Links shown in a lineage text before the middle is elided.
_SHOWN = 8


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


def _primary_parents(links) -> dict[str, str]:
    """Each child's primary parent: its split-from origin, else its earliest membership
    (undated last), then the smallest parent id."""
    import polars as pl

    best = (links.select("child", "parent", (pl.col("relation") == "member-of").alias("_rank"),
                         pl.col("_start").is_null().alias("_undated"), "_start")
            .sort(["child", "_rank", "_undated", "_start", "parent"])
            .group_by("child", maintain_order=True).agg(pl.col("parent").first()))
    return dict(zip(best["child"].to_list(), best["parent"].to_list()))


def genealogy_forest(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES,
                     include_generic: bool = False, edges=None) -> nx.DiGraph:
    """The forest as a DiGraph from parent to child over primary links.

    Every link is an edge (attributes: relation, first_date, events, statuses,
    evidence, doc, edge_id, ``primary``); only primary links form the tree a
    renderer should draw; the others are the extra parents.
    """
    links = _links(G, statuses, include_generic, edges)
    T = nx.DiGraph()
    for r in links.iter_rows(named=True):
        T.add_edge(r["parent"], r["child"], relation=r["relation"], first_date=r["first_date"], events=r["events"],
                   statuses=r["statuses"], evidence=r["evidence"], doc=r["doc"], edge_id=r["edge_id"], primary=False,
                   cycle=False)
    parent_of = _primary_parents(links)
    for child, parent in parent_of.items():
        T.edges[parent, child]["primary"] = True
    for child in _cycle_cuts(parent_of):
        # a cycle of primary links (A member of B, B member of A) has no root:
        # cut it at its smallest id, which becomes a root
        T.edges[parent_of[child], child].update(primary=False, cycle=True)
    for n in T:
        T.nodes[n]["name"] = G.nodes[n].get("name", n) if n in G else n
    return T


def _cycle_cuts(parent_of: dict[str, str]) -> list[str]:
    """One child per cycle of the parent function: the cycle's smallest id."""
    state: dict[str, int] = {}  # 1 on the current walk, 2 done
    cuts = []
    for start in sorted(parent_of):
        walk, n = [], start
        while n in parent_of and n not in state:
            state[n] = 1
            walk.append(n)
            n = parent_of[n]
        if state.get(n) == 1:  # came back onto this walk: a new cycle
            cuts.append(min(walk[walk.index(n):]))
        for m in walk:
            state[m] = 2
    return cuts


def _placements(parent_of: dict[str, tuple[str, str]]) -> dict[str, tuple[str, int, str]]:
    """(root, depth, lineage text) of every actor in the forest, each computed once.

    A lineage deeper than :data:`_SHOWN` links keeps the root and the last
    links: "a … → x → y".
    """
    done: dict[str, tuple[str, int, tuple]] = {}  # root, depth, last links as (arrow, actor)
    for start in sorted(parent_of):
        walk, n = [], start
        while n not in done and n in parent_of:
            walk.append(n)
            n = parent_of[n][0]
        done.setdefault(n, (n, 0, ()))
        for m in reversed(walk):
            up, relation = parent_of[m]
            root, depth, tail = done[up]
            done[m] = (root, depth + 1, (*tail, (_ARROW[relation], m))[-_SHOWN:])
    out = {}
    for n, (root, depth, tail) in done.items():
        gap = " …" if depth > len(tail) else ""
        out[n] = (root, depth, root + gap + "".join(f" {arrow} {m}" for arrow, m in tail))
    return out


def genealogy(G: nx.MultiDiGraph, *, statuses: Iterable[str] = FACT_STATUSES,
              include_generic: bool = False, edges=None):
    """One row per split-from or member-of link, placed in the forest.

    Columns: child, parent, relation, first_date, events, statuses,
    ``primary`` (whether the link places the child in the tree), root, depth
    (of the child), lineage (root to child over primary links), cycle (the
    link was cut to break a cycle of primary links),
    evidence, doc, edge_id. Sorted by root, then lineage.
    """
    import polars as pl

    links = _links(G, statuses, include_generic, edges)
    # one link per (parent, child), the last of the pair's (a DiGraph of the links keeps the last)
    last = links.with_row_index("_i").group_by("child", "parent").agg(pl.all().sort_by("_i").last())
    parent_of = _primary_parents(links)
    cuts = set(_cycle_cuts(parent_of))
    primary = {c: p for c, p in parent_of.items() if c not in cuts}
    relation = dict(zip(zip(last["child"].to_list(), last["parent"].to_list()), last["relation"].to_list()))
    placed = _placements({c: (p, relation[c, p]) for c, p in primary.items()})
    children = last["child"].unique().to_list()
    where = pl.DataFrame({"child": children,
                          "root": [placed.get(c, (c, 0, c))[0] for c in children],
                          "depth": [placed.get(c, (c, 0, c))[1] for c in children],
                          "lineage": [placed.get(c, (c, 0, c))[2] for c in children],
                          "_primary": [primary.get(c) for c in children],
                          "_cut": [parent_of[c] if c in cuts else None for c in children]},
                         schema={"child": pl.Utf8, "root": pl.Utf8, "depth": pl.Int64, "lineage": pl.Utf8,
                                 "_primary": pl.Utf8, "_cut": pl.Utf8})
    return (last.join(where, on="child", how="left")
            .with_columns((pl.col("parent") == pl.col("_primary")).fill_null(False).alias("primary"),
                          (pl.col("parent") == pl.col("_cut")).fill_null(False).alias("cycle"),
                          pl.col("events").cast(pl.Int64), pl.col("first_date").cast(pl.Utf8))
            .select("child", "parent", "relation", "first_date", "events", "statuses", "primary", "root", "depth",
                    "lineage", "cycle", "evidence", "doc", "edge_id")
            .sort(["root", "lineage", "primary", "parent"], descending=[False, False, True, False]))

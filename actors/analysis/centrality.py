"""Who matters in each time window: ties per relation, betweenness, and allied blocs.

Windows, statuses and undated edges follow :mod:`actors.analysis.balance`: the edges a
window holds (:func:`actors.network.windows.assign_periods`) with a status among
``statuses`` (denied left out by default), never an undated edge, never a
self-loop.

**centrality.** Per window and actor: ``degree``, the distinct counterparts
over all four relations, and the same per relation (``fought_against``,
``allied_with``, ``split_from``, ``member_of``; direction ignored, so a
splinter and its parent count each other); ``events``, the edges touching
the actor. ``betweenness`` is computed on the window's undirected simple
projection (one link per pair that any kept relation joins), normalised.
Exact betweenness costs one breadth-first search per actor, about n·(n+m)
steps for n actors and m links; while that fits ``betweenness_budget``
(default :data:`BETWEENNESS_BUDGET`) it is exact, above it networkx samples
k = budget // (n+m) source actors (at least :data:`MIN_PIVOTS`, seed fixed),
so the cost stays near the budget and grows only linearly with the window.
With the default a window of some 150 actors and 850 links is still exact; one
of 5,000 actors and 30,000 links gets 4 sources, a coarse estimate that tells
hubs from the periphery but not neighbours in the ranking apart (raise the
budget for more). ``betweenness_method`` says which ("exact" or "sampled, k of
n pivots"). Rank 1 is the highest betweenness, ties broken by degree, events,
then actor id.

**blocs.** Per window, the connected groups (two actors or more) of the
positive pair graph, each pair signed by its latest event in the window as
in :mod:`actors.analysis.balance`: actors allied with each other, directly or through
allies. A clean bloc has no hostile pair inside (``internal_hostile_pairs``
counts them) and ``enemies`` lists the outsiders at war with a member.
Member and enemy lists are sorted ids joined with "; " (plain text, so the
tables write to CSV as they are).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> for k, (u, v, rel) in enumerate([("x", "y", "allied-with"), ("y", "z", "allied-with"),
...                                  ("x", "w", "fought-against")]):
...     _ = G.add_edge(u, v, key=f"e{k}", relation=rel, status="reported", date="2001",
...                    start="2001-01-01", end="2002-01-01", doc="d.txt", evidence=f"Sentence {k}.")
>>> centrality(G).select("actor", "rank", "betweenness", "degree", "allied_with").row(0)
('x', 1, 0.6666666666666666, 2, 1)
>>> blocs(G).select("bloc", "members", "enemies").row(0)
(1, 'x; y; z', 'w')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx
import polars as pl

from actors.analysis.signed import DEFAULT_STATUSES, THIN, _cite, _period_frame, _prepare, _signed_windows, _windows
from actors.schema import RELATIONS
from actors.network.windows import Period

__all__ = ["centrality", "blocs", "BETWEENNESS_BUDGET"]

#: Breadth-first steps, actors plus links per source, allowed for a window's betweenness
#: (about 50 ms of networkx); exact while every actor fits as a source, sampled above.
BETWEENNESS_BUDGET = 150_000
#: Fewest sampled sources when a window is too big for the budget.
MIN_PIVOTS = 4
#: Allied-with sentences quoted per bloc (all their edge ids are listed).
BLOC_EVIDENCE = 3

_RELATION_COLUMNS = {r: r.replace("-", "_") for r in RELATIONS}


def _projection(lo: list[str], hi: list[str]) -> nx.Graph:
    """The undirected graph of the links ``lo[i]``-``hi[i]`` (distinct pairs), as ``add_edges_from`` makes it:
    nodes in order of first appearance, each node's neighbours in the order of its links.

    Filled in networkx's own adjacency storage (``H._adj``, ``H._node``: the layout of every Graph
    since networkx 2.0), one shared empty attribute dict per link, as ``add_edges_from`` leaves
    them; its checks and view lookups cost most of a second per window of 100,000 links. A test
    checks the result equals add_edges_from's, order included.
    """
    H = nx.Graph()
    adj, node = H._adj, H._node
    new_nbrs, new_attrs = H.adjlist_inner_dict_factory, H.node_attr_dict_factory
    for u, v in zip(lo, hi):
        nu, nv = adj.get(u), adj.get(v)
        if nu is None:
            nu = adj[u] = new_nbrs()
            node[u] = new_attrs()
        if nv is None:
            nv = adj[v] = new_nbrs()
            node[v] = new_attrs()
        nu[v] = nv[u] = {}
    return H


def _betweenness(lo: list[str], hi: list[str], budget: int, seed: int) -> tuple[dict[str, float], str]:
    """Betweenness of one window's simple projection and how it was computed."""
    H = _projection(lo, hi)  # links come sorted, so the node order (which sources are sampled) is fixed
    n, m = H.number_of_nodes(), H.number_of_edges()
    k = min(n, max(MIN_PIVOTS, budget // max(n + m, 1)))
    if k >= n:
        return nx.betweenness_centrality(H, normalized=True), "exact"
    return nx.betweenness_centrality(H, k=k, normalized=True, seed=seed), f"sampled, {k} of {n} pivots"


def centrality(G: Any, *, periods: Sequence[Period] | None = None,
               statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "within",
               edges: pl.DataFrame | None = None, include_generic: bool = False, top: int | None = None,
               betweenness_budget: int = BETWEENNESS_BUDGET, seed: int = 0) -> pl.DataFrame:
    """Per window and actor: ties per relation, events, betweenness and rank.

    One row per actor a window holds (or its ``top`` best ranked), sorted by
    period (in the given order) then rank. Columns: period, period_label,
    start, end (ISO; end exclusive, null when open), rank, actor, name (from
    the graph, else the id), betweenness, betweenness_method, degree,
    fought_against, allied_with, split_from, member_of, events (the actor's events
    counted in the window), imprecise_events (its events whose date only might fall
    in the window: left out in the default ``mode="within"``, counted with
    ``mode="overlap"``), window_events (every event counted in the window: the
    sample), thin (the actor's events fewer than :data:`~actors.schema.THIN`),
    and the actor's latest event in the window (by start, end, edge_id) as evidence:
    relation, date, status, edge_id, doc, evidence. An actor with no relation
    counted in a window is not ranked in it.
    """
    if top is not None and top < 1:
        raise ValueError("top must be a positive number of actors, or None for all")
    periods, full, rows, _, spill = _prepare(G, periods=periods, statuses=statuses, mode=mode, edges=edges,
                                             include_generic=include_generic, relations=RELATIONS)
    rows = rows.with_row_index("_ord")  # rows run by (start, end, edge_id) within each window
    ends = ("_p", "relation", "_row", "_ord", "imprecise")
    touch = pl.concat([
        rows.select(*ends, pl.col("source").alias("actor"), pl.col("target").alias("other")),
        rows.select(*ends, pl.col("target").alias("actor"), pl.col("source").alias("other")),
    ])
    ties = touch.group_by("_p", "actor").agg(
        pl.col("other").n_unique().cast(pl.Int64).alias("degree"),
        *[pl.col("other").filter(pl.col("relation") == r).n_unique().cast(pl.Int64).alias(c)
          for r, c in _RELATION_COLUMNS.items()],
        pl.len().cast(pl.Int64).alias("events"),
        pl.col("_row").get(pl.col("_ord").arg_max()).alias("_row"),
    )
    # the events that only might fall in the window, per actor (counted apart, whatever the mode)
    maybe = pl.concat([spill.select("_p", pl.col("source").alias("actor")),
                       spill.select("_p", pl.col("target").alias("actor"))]
                      ).group_by("_p", "actor").agg(pl.len().cast(pl.Int64).alias("imprecise_events"))
    window_events = rows.group_by("_p").agg(pl.len().cast(pl.Int64).alias("window_events"))
    ties = (ties.join(maybe, on=["_p", "actor"], how="left").join(window_events, on="_p", how="left")
            .with_columns(pl.col("imprecise_events").fill_null(0), (pl.col("events") < THIN).alias("thin")))

    links = (rows.select("_p", pl.min_horizontal("source", "target").alias("lo"),
                         pl.max_horizontal("source", "target").alias("hi"))
             .unique().sort("_p", "lo", "hi"))
    p_col, lo_col, hi_col = links["_p"].to_list(), links["lo"].to_list(), links["hi"].to_list()
    scores: dict[str, list] = {"_p": [], "actor": [], "betweenness": [], "betweenness_method": []}
    for w, (a, b) in sorted(_windows(p_col).items()):
        values, method = _betweenness(lo_col[a:b], hi_col[a:b], betweenness_budget, seed)
        for actor in sorted(values):
            scores["_p"].append(w)
            scores["actor"].append(actor)
            scores["betweenness"].append(float(values[actor]))
            scores["betweenness_method"].append(method)
    scores_df = pl.DataFrame(scores, schema={"_p": pl.Int64, "actor": pl.Utf8, "betweenness": pl.Float64,
                                             "betweenness_method": pl.Utf8})

    table = (_cite(ties, full).join(scores_df, on=["_p", "actor"], how="left")
             .sort(["_p", "betweenness", "degree", "events", "actor"],
                   descending=[False, True, True, True, False])
             .with_columns((pl.int_range(pl.len(), dtype=pl.Int64).over("_p") + 1).alias("rank")))
    if top is not None:
        table = table.filter(pl.col("rank") <= top)
    names = {}
    if G is not None:
        actors = set(table["actor"].unique().to_list())
        names = {n: str(G.nodes[n].get("name") or n) for n in actors if n in G}
    table = table.with_columns(pl.col("actor").replace_strict(names, default=pl.col("actor"),
                                                              return_dtype=pl.Utf8).alias("name"))
    meta = _period_frame(periods)
    return (table.join(meta, on="_p", how="left").sort("_p", "rank")
            .select("period", "period_label", "start", "end", "rank", "actor", "name", "betweenness",
                    "betweenness_method", "degree", *_RELATION_COLUMNS.values(), "events", "imprecise_events",
                    "window_events", "thin", "relation", "date", "status", "edge_id", "doc", "evidence"))


def blocs(G: Any, *, periods: Sequence[Period] | None = None,
          statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "within",
          edges: pl.DataFrame | None = None, include_generic: bool = False) -> pl.DataFrame:
    """Per window, groups of actors allied with each other (see the module docstring).

    One row per bloc, sorted by period (in the given order) then bloc.
    Columns: period, period_label, start, end, bloc (1-based, by size
    descending then first member), size, members, allied_pairs, events (the
    signed events of its allied pairs counted in the window: the sample), thin
    (events fewer than :data:`~actors.schema.THIN`), kinds (the kinds of the allied-with
    events that make its pairs positive: alliance, joint-action, support, link), internal_hostile_pairs, enemies (outsiders with a hostile pair to a
    member; they may belong to another bloc), evidence (the first
    :data:`BLOC_EVIDENCE` allied-with events, by date, that make the bloc's
    pairs positive, each as "date [edge_id, doc] sentence", joined with
    " | ") and edge_ids (all of them, joined with "; ").
    """
    periods, full, _, _, _, pairs = _signed_windows(G, periods=periods, statuses=statuses, mode=mode, edges=edges,
                                                    include_generic=include_generic)
    p_col, a_col, b_col = pairs["_p"].to_list(), pairs["a"].to_list(), pairs["b"].to_list()
    s_col, n_col = pairs["sign"].to_list(), pairs["events"].to_list()
    out: dict[str, list] = {k: [] for k in ("_p", "bloc", "size", "members", "allied_pairs", "events",
                                            "internal_hostile_pairs", "enemies")}
    links: dict[str, list[int]] = {"pair": [], "_p": [], "bloc": []}  # positive pair rows per bloc
    for w, (lo, hi) in sorted(_windows(p_col).items()):
        H = nx.Graph()
        H.add_edges_from((a_col[i], b_col[i]) for i in range(lo, hi) if s_col[i] > 0)
        groups = sorted((sorted(c) for c in nx.connected_components(H)), key=lambda c: (-len(c), c[0]))
        bloc_of = {x: i for i, members in enumerate(groups, 1) for x in members}
        hostile = [0] * (len(groups) + 1)
        allied = [0] * (len(groups) + 1)
        behind = [0] * (len(groups) + 1)  # events of the bloc's allied pairs
        enemies: list[set[str]] = [set() for _ in range(len(groups) + 1)]
        for i in range(lo, hi):
            a, b = a_col[i], b_col[i]
            ba, bb = bloc_of.get(a, 0), bloc_of.get(b, 0)
            if s_col[i] > 0:
                allied[ba] += 1
                behind[ba] += n_col[i]
                links["pair"].append(i)
                links["_p"].append(w)
                links["bloc"].append(ba)
            elif ba and ba == bb:
                hostile[ba] += 1
            else:
                if ba:
                    enemies[ba].add(b)
                if bb:
                    enemies[bb].add(a)
        for i, members in enumerate(groups, 1):
            out["_p"].append(w)
            out["bloc"].append(i)
            out["size"].append(len(members))
            out["members"].append("; ".join(members))
            out["allied_pairs"].append(allied[i])
            out["events"].append(behind[i])
            out["internal_hostile_pairs"].append(hostile[i])
            out["enemies"].append("; ".join(sorted(enemies[i])))
    table = pl.DataFrame(out, schema={"_p": pl.Int64, "bloc": pl.Int64, "size": pl.Int64, "members": pl.Utf8,
                                      "allied_pairs": pl.Int64, "events": pl.Int64,
                                      "internal_hostile_pairs": pl.Int64,
                                      "enemies": pl.Utf8})
    cited = pl.DataFrame(links, schema={"pair": pl.Int64, "_p": pl.Int64, "bloc": pl.Int64})
    cited = cited.with_columns(pairs["_row"].gather(cited["pair"]).alias("_row"))
    cited = _cite(cited, full, ("start", "end", "edge_id", "date", "doc", "evidence", "kind"))
    quotes = (cited.sort("_p", "bloc", "start", "end", "edge_id")
              .group_by("_p", "bloc", maintain_order=True)
              .agg(pl.concat_str(pl.col("date").fill_null(""), pl.lit(" ["), "edge_id", pl.lit(", "),
                                 pl.col("doc").fill_null(""), pl.lit("] "), pl.col("evidence").fill_null(""))
                   .head(BLOC_EVIDENCE).str.join(" | ").alias("evidence"),
                   pl.col("edge_id").str.join("; ").alias("edge_ids"),
                   pl.col("kind").drop_nulls().unique().sort().str.join("|").alias("kinds")))
    meta = _period_frame(periods)
    return (table.join(quotes, on=["_p", "bloc"], how="left").join(meta, on="_p", how="left")
            .sort("_p", "bloc")
            .with_columns((pl.col("events") < THIN).alias("thin"))
            .select("period", "period_label", "start", "end", "bloc", "size", "members", "allied_pairs",
                    "events", "thin", "kinds", "internal_hostile_pairs", "enemies", "evidence", "edge_ids"))

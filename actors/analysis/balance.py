"""Structural balance of the signed actor network, one time window at a time.

Each window's fought-against and allied-with edges become one undirected
signed pair graph, each pair signed by its latest event in the window
(:mod:`actors.analysis.signed`); its triangles are counted here, every
window's at once in polars, and its frustration index is found block by
block (:mod:`actors.analysis.frustration`). One row per window
(:func:`structural_balance`) and one per frustrated pair
(:func:`frustrated_edges`), each citing its evidence.

>>> import networkx as nx
>>> S = nx.Graph([("x", "y", {"sign": -1}), ("y", "z", {"sign": -1}), ("x", "z", {"sign": -1})])
>>> frustration_index(S)[:2]
(1, 'exact')
>>> G = nx.MultiDiGraph()
>>> for k, (u, v, rel) in enumerate([("x", "y", "fought-against"), ("y", "z", "allied-with"),
...                                  ("x", "z", "allied-with")]):
...     _ = G.add_edge(u, v, key=f"e{k}", relation=rel, status="reported", date="2001",
...                    start="2001-01-01", end="2002-01-01", doc="d.txt", evidence=f"Sentence {k}.")
>>> structural_balance(G).select("period", "triangles", "balanced_triangles", "frustration_index").row(0)
('2001', 1, 0, 1)
>>> frustrated_edges(G).select("a", "b", "relation", "edge_id").row(0)
('x', 'y', 'fought-against', 'e0')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import polars as pl

from actors.analysis.frustration import EXACT_LIMIT, HEURISTIC, _frustrated, _solve, frustration_index
from actors.analysis.signed import (_CITE, DEFAULT_STATUSES, THIN, _cite, _period_frame, _signed_windows, _windows,
                                    signed_pairs)
from actors.network.windows import Period

__all__ = ["structural_balance", "frustrated_edges", "balance_tables", "frustration_index", "signed_pairs",
           "EXACT_LIMIT"]

# -- each window's actors as numbers, and its triangles -------------------------------

def _numbered(pairs: pl.DataFrame) -> pl.DataFrame:
    """``pairs`` (of :func:`~actors.analysis.signed._pair_signs`) with ``u`` and ``v``: the numbers of ``a``
    and ``b`` among their window's actors in sorted order (from ``_a``, ``_b``: all windows' actors, sorted)."""
    ends = (pl.concat([pairs.select("_p", pl.col("_a").alias("_x")), pairs.select("_p", pl.col("_b").alias("_x"))])
            .unique().sort("_p", "_x").with_columns(pl.int_range(pl.len(), dtype=pl.Int64).over("_p").alias("_i")))
    return (pairs.join(ends.rename({"_x": "_a", "_i": "u"}), on=["_p", "_a"], how="left", maintain_order="left")
            .join(ends.rename({"_x": "_b", "_i": "v"}), on=["_p", "_b"], how="left", maintain_order="left"))


def _triangle_counts(pairs: pl.DataFrame) -> pl.DataFrame:
    """(``_p``, triangles, balanced) of each window with a triangle, from numbered pairs (``u``, ``v``, ``sign``).

    The forward algorithm, vectorised over every window at once: each pair is oriented towards its
    higher (degree, number) end, so that a triangle is found once, at its lowest actor, as two pairs
    out of it (a wedge) whose far ends are paired too; the orientation keeps the wedges near
    m·√m for m pairs. A triangle is balanced when the product of its three signs is positive.
    """
    n = int(pairs.select(pl.max_horizontal("u", "v").max()).item() or 0) + 1
    actor = [(pl.col("_p") * n + pl.col(c)).alias(f"k{c}") for c in ("u", "v")]  # (window, actor) as one number
    e = pairs.select("_p", "u", "v", (pl.col("sign") > 0).alias("pos"), *actor)
    deg = (pl.concat([e.select(pl.col("ku").alias("k")), e.select(pl.col("kv").alias("k"))])
           .group_by("k").agg(pl.len().alias("d")))
    e = e.join(deg.rename({"k": "ku", "d": "du"}), on="ku").join(deg.rename({"k": "kv", "d": "dv"}), on="kv")
    up = (pl.col("du") < pl.col("dv")) | ((pl.col("du") == pl.col("dv")) & (pl.col("u") < pl.col("v")))
    out = e.select(pl.when(up).then("ku").otherwise("kv").alias("k"), pl.when(up).then("v").otherwise("u").alias("hi"),
                   "pos")
    wedges = out.join(out, on="k", suffix="2").filter(pl.col("hi") < pl.col("hi2"))

    def pair(p, x, y):  # (window, pair) as one number
        return (p * n + pl.min_horizontal(x, y)) * n + pl.max_horizontal(x, y)

    # each pair with its sign, as one number: 2 * pair + 1 allied, 2 * pair hostile
    signed = e.select(pair(pl.col("_p"), "u", "v") * 2 + pl.col("pos").cast(pl.Int64))[:, 0].implode()
    w = wedges.select((pl.col("k") // n).alias("_p"), pair(pl.col("k") // n, "hi", "hi2").alias("t"),
                      (pl.col("pos") == pl.col("pos2")).alias("same"))
    w = w.with_columns((pl.col("t") * 2).is_in(signed).alias("hostile"),
                       (pl.col("t") * 2 + 1).is_in(signed).alias("allied"))
    return (w.filter(pl.col("hostile") | pl.col("allied"))
            .group_by("_p").agg(pl.len().cast(pl.Int64).alias("triangles"),
                                pl.when("same").then("allied").otherwise("hostile").sum().cast(pl.Int64)
                                .alias("balanced")))


# -- the per-window analyses -----------------------------------------------------

def balance_tables(G: Any, *, periods: Sequence[Period] | None = None,
                   statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "within",
                   edges: pl.DataFrame | None = None, include_generic: bool = False, exact_limit: int = EXACT_LIMIT
                   ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(:func:`structural_balance`, :func:`frustrated_edges`) from one pass: what a report wants."""
    if exact_limit < 1:
        raise ValueError("exact_limit must be at least 1")
    periods, full, rows, undated, spill, pairs = _signed_windows(
        G, periods=periods, statuses=statuses, mode=mode, edges=edges, include_generic=include_generic)
    counts = rows.group_by("_p").agg(pl.len().alias("events")).join(
        spill.group_by("_p").agg(pl.len().alias("imprecise_edges")), on="_p", how="full", coalesce=True)
    pairs = _numbered(pairs)
    actors = dict(pairs.group_by("_p").agg(pl.max_horizontal("u", "v").max() + 1).iter_rows())
    triangles = dict((p, (t, b)) for p, t, b in _triangle_counts(pairs).iter_rows())
    p_col, u_col, v_col = pairs["_p"].to_list(), pairs["u"].to_list(), pairs["v"].to_list()
    s_col, amb_col = (pairs["sign"] > 0).to_list(), pairs["ambivalent"].to_list()
    spans = _windows(p_col)
    summary = []
    hit: list[int] = []  # pair rows left frustrated
    example: list[int | None] = []  # one pair row cited per window
    for w in range(len(periods)):
        lo, hi = spans.get(w, (0, 0))
        n = actors.get(w, 0)
        eu, ev, es = u_col[lo:hi], v_col[lo:hi], s_col[lo:hi]
        value, exact, colour, largest = _solve(n, eu, ev, es, exact_limit)
        bad = _frustrated(eu, ev, es, colour)
        tri, bal = triangles.get(w, (0, 0))
        hit.extend(lo + e for e in bad)
        example.append(lo + bad[0] if bad else (lo if hi > lo else None))
        positive = sum(es)
        summary.append({
            "_p": w, "actors": n, "positive": positive, "negative": (hi - lo) - positive,
            "ambivalent_pairs": sum(amb_col[lo:hi]), "triangles": tri, "balanced_triangles": bal,
            "balanced_share": bal / tri if tri else None, "frustration_index": value,
            "frustration_share": value / (hi - lo) if hi > lo else None,
            "frustration_method": "exact" if exact else HEURISTIC, "largest_block": largest,
        })
        assert value == len(bad), "block counts must add up to the camps' frustrated pairs"
    schema = {"_p": pl.Int64, "actors": pl.Int64, "positive": pl.Int64, "negative": pl.Int64,
              "ambivalent_pairs": pl.Int64, "triangles": pl.Int64, "balanced_triangles": pl.Int64,
              "balanced_share": pl.Float64, "frustration_index": pl.Int64, "frustration_share": pl.Float64,
              "frustration_method": pl.Utf8, "largest_block": pl.Int64}
    table = pl.DataFrame(summary, schema=schema, orient="row")
    cited = _cite(pairs.select("_row", "a", "b").gather([i for i in example if i is not None]), full,
                  ("edge_id", "doc", "date", "evidence"))
    cited = cited.with_columns(pl.Series("_p", [w for w, i in enumerate(example) if i is not None], dtype=pl.Int64),
                               pl.concat_str("a", pl.lit("–"), "b").alias("example_pair"))
    meta = _period_frame(periods)
    table = (meta.join(table, on="_p", how="left")
             .join(counts, on="_p", how="left")
             .join(cited.select("_p", "example_pair", "edge_id", "doc", "date", "evidence"), on="_p", how="left")
             .with_columns(pl.col("events", "imprecise_edges").fill_null(0).cast(pl.Int64),
                           pl.lit(undated, dtype=pl.Int64).alias("undated_edges"),
                           (pl.col("triangles").fill_null(0) < THIN).alias("thin"))
             .sort("_p"))
    bad_pairs = (_cite(pairs.gather(hit), full)
                 .join(table.select("_p", "period", "period_label", "frustration_method"), on="_p", how="left")
                 .sort("_p", "a", "b")
                 .select("period", "period_label", "a", "b", "sign", *_CITE[:4], "edge_id", "doc", "evidence",
                         "events", "ambivalent", "imprecise", "frustration_method"))
    table = table.select("period", "period_label", "start", "end", "actors", "positive", "negative",
                         "ambivalent_pairs", "events", "imprecise_edges", "undated_edges", "triangles",
                         "thin", "balanced_triangles", "balanced_share", "frustration_index", "frustration_share",
                         "frustration_method", "largest_block", "example_pair", "edge_id", "doc", "date", "evidence")
    return table, bad_pairs


def structural_balance(G: Any, *, periods: Sequence[Period] | None = None,
                       statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "within",
                       edges: pl.DataFrame | None = None, include_generic: bool = False, exact_limit: int = EXACT_LIMIT) -> pl.DataFrame:
    """Balance of each window's signed graph: one row per period, in the given order.

    ``periods`` defaults to :func:`actors.network.windows.yearly` over the graph's
    dated span; ``edges`` is an optional precomputed (unfiltered)
    :func:`actors.network.graph.edge_frame`. Columns: period, period_label, start,
    end (ISO; end exclusive, null when open), actors, positive and negative
    (pairs by their sign in the window), ambivalent_pairs, events (signed
    edges counted in the window), imprecise_edges (signed edges whose date only
    might fall in the window: its interval spills over it; left out in the default
    ``mode="within"``, counted and flagged with ``mode="overlap"``), undated_edges
    (signed edges with a kept status and no date, in no window), triangles (the
    sample), thin (fewer than :data:`~actors.schema.THIN` triangles: too
    few to judge balance by), balanced_triangles, balanced_share
    (null without triangles), frustration_index, frustration_share (over the
    pairs), frustration_method, largest_block (actors in the largest
    biconnected block: above ``exact_limit`` the index is an upper bound),
    and a cited example: example_pair, edge_id, doc, date and evidence of the
    event that set the first frustrated pair's sign (by a, b), or the first
    pair's when none is frustrated (null for a window without pairs).
    """
    return balance_tables(G, periods=periods, statuses=statuses, mode=mode, edges=edges, exact_limit=exact_limit,
                          include_generic=include_generic)[0]


def frustrated_edges(G: Any, *, periods: Sequence[Period] | None = None,
                     statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "within",
                     edges: pl.DataFrame | None = None, include_generic: bool = False, exact_limit: int = EXACT_LIMIT) -> pl.DataFrame:
    """The pairs each window's best camps leave frustrated: allies across camps, enemies within one.

    One row per frustrated pair and window, sorted by period then a, b, with
    the pair's sign and the event that set it (relation, kind, date, status,
    edge_id, doc, evidence), its events in the window, ambivalent, imprecise
    and the window's frustration_method. Under the exact method another
    optimal split may frustrate other pairs (as many): the set shown is one
    optimum, chosen deterministically.
    """
    return balance_tables(G, periods=periods, statuses=statuses, mode=mode, edges=edges, exact_limit=exact_limit,
                          include_generic=include_generic)[1]

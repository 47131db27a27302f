"""Graph and analyses at scale: 1,000,000 edges among 5,000 actors over 30 years.

Run: python3 benchmarks/graph_scale.py [--edges 1000000] [--actors 5000] [--years 30]
Target (issue 19): build the graph and run every analysis in <= 20 s and
<= 3 GB (3,072 MB) on a 2-core machine, with cost linear in the number of edges
(run with --edges 250000 and 500000 to see the slope). Prints each stage's
seconds (the graph, the edge frame, then each analysis as ``analyse`` runs it),
their total against the target and the process's max RSS. The analyses take
their edge frame from the edges table, as ``actors run`` does; ``--from-graph``
takes it from the graph, as before.

The synthetic table is shaped like edges.csv. Actor activity is heavy-tailed
(a few groups appear in many events, as in real reporting): actor index =
floor(n * u**2) for uniform u. Relations: 60 % fought-against, 25 %
allied-with, 10 % member-of, 5 % split-from; statuses 85 % reported, 8 %
claimed, 5 % alleged, 2 % denied; precision 60 % day, 25 % month, 12 % year,
3 % unknown; every evidence sentence is distinct (~130 characters).
"""

from __future__ import annotations

import argparse
import resource
import time


def synthetic_edges(n_edges: int, n_actors: int, years: int, seed: int = 7):
    """A reproducible edges table (polars) of the given size."""
    import polars as pl

    rng = __import__("random").Random(seed)
    first_year = 2025 - years
    idx = pl.int_range(0, n_edges, eager=True)
    u = pl.Series([rng.random() for _ in range(n_edges)])
    v = pl.Series([rng.random() for _ in range(n_edges)])
    r = pl.Series([rng.random() for _ in range(n_edges)])
    s = pl.Series([rng.random() for _ in range(n_edges)])
    p = pl.Series([rng.random() for _ in range(n_edges)])
    day = pl.Series([rng.randrange(years * 365) for _ in range(n_edges)])
    df = pl.DataFrame({"i": idx, "u": u, "v": v, "r": r, "s": s, "p": p, "day": day})
    a = (pl.col("u").pow(2) * n_actors).floor().cast(pl.Int64)
    b = (pl.col("v").pow(2) * n_actors).floor().cast(pl.Int64)
    b = pl.when(b == a).then((b + 1) % n_actors).otherwise(b)
    date0 = pl.lit(__import__("datetime").date(first_year, 1, 1)) + pl.duration(days=pl.col("day"))
    df = df.with_columns(
        pl.format("g{}", a.cast(pl.Utf8).str.zfill(4)).alias("source"),
        pl.format("g{}", b.cast(pl.Utf8).str.zfill(4)).alias("target"),
        pl.when(pl.col("r") < 0.60).then(pl.lit("fought-against")).when(pl.col("r") < 0.85).then(pl.lit("allied-with"))
          .when(pl.col("r") < 0.95).then(pl.lit("member-of")).otherwise(pl.lit("split-from")).alias("relation"),
        pl.when(pl.col("s") < 0.85).then(pl.lit("reported")).when(pl.col("s") < 0.93).then(pl.lit("claimed"))
          .when(pl.col("s") < 0.98).then(pl.lit("alleged")).otherwise(pl.lit("denied")).alias("status"),
        pl.when(pl.col("p") < 0.60).then(pl.lit("day")).when(pl.col("p") < 0.85).then(pl.lit("month"))
          .when(pl.col("p") < 0.97).then(pl.lit("year")).otherwise(pl.lit("unknown")).alias("date_precision"),
        date0.alias("d0"),
    )
    prec = pl.col("date_precision")
    df = df.with_columns(
        pl.when(prec == "day").then(pl.col("d0").dt.to_string("%Y-%m-%d"))
          .when(prec == "month").then(pl.col("d0").dt.to_string("%Y-%m"))
          .when(prec == "year").then(pl.col("d0").dt.to_string("%Y")).otherwise(pl.lit("")).alias("date"),
    )
    df = df.with_columns(
        pl.format("ev-{}", pl.col("i")).alias("event_id"),
        pl.format("ev-{}-0", pl.col("i")).alias("edge_id"),
        pl.when(pl.col("status") == "claimed").then(pl.col("source")).otherwise(pl.lit("")).alias("claimed_by"),
        pl.format("doc{}.txt", (pl.col("i") // 2000)).alias("doc"),
        pl.format("On {} fighters of group {} and group {} were reported near town {} in an incident numbered {}.",
                  pl.col("date"), pl.col("source"), pl.col("target"), pl.col("day") % 997, pl.col("i")).alias("evidence"),
        ((pl.col("i") % 2000) * 140).alias("char_start"),
        ((pl.col("i") % 2000) * 140 + 130).alias("char_end"),
        pl.lit("").alias("date_earliest"), pl.lit("").alias("date_latest"),
        pl.col("source").alias("source_text"), pl.col("target").alias("target_text"),
        pl.lit("synthetic").alias("cue"), pl.lit("").alias("section"), pl.lit("").alias("claim_text"),
    )
    from actors.schema import EDGE_COLUMNS, polars_schema

    # Columns of the contract this table does not model (provenance added by later
    # issues, such as `curation`) are empty: the benchmark keeps up with the schema.
    schema = polars_schema(EDGE_COLUMNS)
    missing = [pl.lit("" if dtype == pl.Utf8 else 0, dtype=dtype).alias(name)
               for name, dtype in schema.items() if name not in df.columns]
    return df.with_columns(missing).select(list(schema)).cast(schema)


def _detail(G) -> dict[str, float]:
    """Each analysis timed alone over one shared edge frame, as analyse() runs them."""
    from actors.analysis.balance import balance_tables
    from actors.analysis.centrality import blocs, centrality
    from actors.analysis.coalition import coalition
    from actors.analysis.genealogy import genealogy
    from actors.network.graph import edge_frame, paused_gc
    from actors.analysis.pairs import alliance_shifts
    from actors.network.windows import phases, yearly

    out = {}
    with paused_gc():
        t0 = time.perf_counter()
        f = edge_frame(G)
        out["  edge frame of the graph, alone (not in target)"] = time.perf_counter() - t0
        years = yearly(first=1995, last=2024)
        for name, fn in (("shifts", lambda: alliance_shifts(G, edges=f)),
                         ("coalition", lambda: coalition(G, "g0001", edges=f)),
                         ("genealogy", lambda: genealogy(G, edges=f)),
                         ("balance, phases", lambda: balance_tables(G, periods=phases(), edges=f)),
                         ("balance, years", lambda: balance_tables(G, periods=years, edges=f)),
                         ("centrality", lambda: centrality(G, periods=phases(), edges=f, top=10)),
                         ("blocs", lambda: blocs(G, periods=phases(), edges=f))):
            t0 = time.perf_counter()
            fn()
            out[f"  {name}, alone (not in target)"] = time.perf_counter() - t0
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=5_000)
    ap.add_argument("--years", type=int, default=30)
    ap.add_argument("--exports", action="store_true", help="also time writing graph.gexf/.graphml/.json")
    ap.add_argument("--detail", action="store_true", help="also time each analysis alone (not in target)")
    ap.add_argument("--from-graph", action="store_true",
                    help="take the analyses' edge frame from the graph (as before), not from the edges table")
    args = ap.parse_args()

    from actors.analysis.analyses import analyse
    from actors.network.graph import build_graph, edge_frame_of_table

    t0 = time.perf_counter()
    edges = synthetic_edges(args.edges, args.actors, args.years)
    t_gen = time.perf_counter() - t0
    print(f"synthetic table: {edges.height:,} edges, {args.actors:,} actors, {args.years} years ({t_gen:.1f} s, not counted)")

    times = {}
    t0 = time.perf_counter()
    G = build_graph(edges)
    times["build graph"] = time.perf_counter() - t0

    t0 = time.perf_counter()  # as `actors run` does: the edge frame from the table, not the graph
    generic = [n for n, g in G.nodes(data="generic") if g]
    frame = None if args.from_graph else edge_frame_of_table(edges, generic=generic)
    t_frame = time.perf_counter() - t0
    del edges
    stages: dict[str, float] = {}
    A = analyse(G, edges=frame, timings=stages)
    del frame
    times["all analyses"] = time.perf_counter() - t0
    target = dict(times)
    times["  edge frame"] = t_frame + stages.pop("edge frame", 0.0)
    times.update({f"  {name}": seconds for name, seconds in stages.items()})
    if args.detail:
        times.update(_detail(G))
    if args.exports:
        import tempfile
        from pathlib import Path

        from actors.output import write_gexf, write_graphml, write_json

        with tempfile.TemporaryDirectory() as tmp:
            for name, fn in (("gexf", write_gexf), ("graphml", write_graphml), ("json", write_json)):
                t0 = time.perf_counter()
                fn(G, Path(tmp) / f"graph.{name}")
                times[f"export {name} (not in target)"] = time.perf_counter() - t0

    width = max(32, *map(len, times))
    for k, v in times.items():
        print(f"{k:>{width}}: {v:6.1f} s")
    total = target["build graph"] + target["all analyses"]
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'graph + analyses':>{width}}: {total:6.1f} s (target <= 20 s)")
    print(f"{'max RSS':>{width}}: {rss:,.0f} MB (target <= 3,072 MB)")
    print(f"graph: {G.number_of_nodes():,} nodes, {G.number_of_edges():,} edges; "
          f"{A.shifts.height:,} shifts, {A.balance.height} balance rows, {A.centrality.height:,} centrality rows")


if __name__ == "__main__":
    main()

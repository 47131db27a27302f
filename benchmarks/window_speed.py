"""Time windows at scale: yearly windows over 1,000,000 edges, against plain polars and raphtory.

Run: python3 benchmarks/window_speed.py [--edges 1000000] [--actors 5000] [--years 30]
         [--windows N] [--raphtory-python /tmp/raphvenv/bin/python]
Target (issue 16 §8): ``window(G, start, end)`` takes <= 0.5 s per yearly
window at 1,000,000 edges, and the windowed counts (edges per window) and
degrees (each actor's degree in the window) computed through it take no longer
than raphtory's.

The table is graph_scale.py's synthetic one (5,000 actors over 30 years). For
every calendar year (the first ``--windows`` of them when given) it times:

- ``window()``: the call alone (the first call, which builds the graph's
  interval index, is reported apart);
- through the window: ``W.number_of_edges()`` and ``dict(W.degree())``;
- plain polars: the same two from :func:`actors.network.graph.edge_frame`
  (a filter on ``end > w_start & start < w_end``, then a count per actor over
  both ends);
- raphtory, when ``--raphtory-python`` names an interpreter that has it
  (raphtory is not a dependency: install it in a venv of its own, e.g.
  ``python3 -m venv /tmp/raphvenv && /tmp/raphvenv/bin/pip install raphtory polars``).
  The edges go to it as a parquet file, in a subprocess. raphtory's edges are
  events at points in time, and its persistent graph merges the intervals of
  one pair (the first deletion ends them all), so an edge ``[start, end)`` is
  loaded as two events, one at ``start`` in layer "start" and one at ``end``
  in layer "end": the edges overlapping ``[ws, we)`` are then those started
  before ``we`` less those ended by ``ws``, counted with
  ``count_temporal_edges()`` and per actor with ``nodes.edge_history_count()``
  on ``layer(..).before(..)`` views. Loading is reported apart. For
  comparison it also times raphtory's plain window, which answers an easier
  question (the edges that *start* in the window: one ``window()`` of the
  "start" layer; checked against polars too).

All three must give the same counts and degrees (checked). Medians are printed;
the machine is shared, so run it twice.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# This checkout's package, not whichever one is installed: the benchmark measures the code beside it.
sys.path[:0] = [str(HERE.parent), str(HERE)]

#: Run by the raphtory interpreter: argv = parquet path, JSON list of [w_start, w_end] (days since 1970).
RAPHTORY_PART = r'''
import json, sys, time
import polars as pl
import raphtory

edges = pl.read_parquet(sys.argv[1])
windows = json.loads(sys.argv[2])
t0 = time.perf_counter()
g = raphtory.Graph()
g.load_edges(edges, time="s", src="source", dst="target", layer="start")
g.load_edges(edges, time="e", src="source", dst="target", layer="end")
load = time.perf_counter() - t0
started, ended = g.layer("start"), g.layer("end")
out = []
for ws, we in windows:
    t0 = time.perf_counter()
    a, b = started.before(we), ended.before(ws + 1)
    n = a.count_temporal_edges() - b.count_temporal_edges()
    gone = dict(zip(b.nodes.id, b.nodes.edge_history_count()))
    degree = {k: c - gone.get(k, 0) for k, c in zip(a.nodes.id, a.nodes.edge_history_count())}
    degree = {k: c for k, c in degree.items() if c}
    t1 = time.perf_counter()
    w = started.window(ws, we)  # not the same question: the edges that start in the window
    m = w.count_temporal_edges()
    starts = {k: c for k, c in zip(w.nodes.id, w.nodes.edge_history_count()) if c}
    out.append({"seconds": t1 - t0, "edges": n, "degree": degree,
                "starts": {"seconds": time.perf_counter() - t1, "edges": m, "degree": starts}})
print(json.dumps({"load": load, "windows": out, "version": raphtory.__version__}))
'''


def _raphtory(python: str, frame, periods) -> dict:
    import polars as pl

    epoch = dt.date(1970, 1, 1)
    spans = [[(p.start - epoch).days, (p.end - epoch).days] for p in periods]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "edges.parquet"
        frame.filter(pl.col("start").is_not_null()).select(
            "source", "target", pl.col("start").cast(pl.Int64).alias("s"), pl.col("end").cast(pl.Int64).alias("e"),
        ).write_parquet(path)
        script = Path(tmp) / "raphtory_part.py"
        script.write_text(RAPHTORY_PART)
        done = subprocess.run([python, "-I", str(script), str(path), json.dumps(spans)], cwd=tmp,
                              capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"raphtory part failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _median(xs: list[float]) -> str:
    return f"{statistics.median(xs):.4f} s" if xs else "-"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--edges", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=5_000)
    ap.add_argument("--years", type=int, default=30)
    ap.add_argument("--windows", type=int, default=None, help="time only the first N yearly windows")
    ap.add_argument("--raphtory-python", default=None, help="an interpreter with raphtory and polars")
    args = ap.parse_args()

    import polars as pl
    from graph_scale import synthetic_edges

    from actors.network.graph import build_graph, edge_frame, paused_gc
    from actors.network.windows import window, yearly

    t0 = time.perf_counter()
    G = build_graph(synthetic_edges(args.edges, args.actors, args.years))
    frame = edge_frame(G)
    print(f"graph: {G.number_of_nodes():,} actors, {G.number_of_edges():,} edges "
          f"({time.perf_counter() - t0:.1f} s to make, not counted)")
    periods = yearly(edges=frame)[:args.windows]

    t0 = time.perf_counter()
    window(G, periods[0].start, periods[0].end)
    first = time.perf_counter() - t0

    times: dict[str, list[float]] = {"window()": [], "view: counts + degrees": [], "polars: counts + degrees": []}
    ours, theirs = [], []
    with paused_gc():
        for p in periods:
            t0 = time.perf_counter()
            W = window(G, p.start, p.end)
            t1 = time.perf_counter()
            ours.append((W.number_of_edges(), dict(W.degree())))
            t2 = time.perf_counter()
            f = frame.filter((pl.col("end") > p.start) & (pl.col("start") < p.end))
            counts = pl.concat([f["source"], f["target"]]).value_counts()
            theirs.append((f.height, dict(zip(*counts.get_columns()))))
            t3 = time.perf_counter()
            times["window()"].append(t1 - t0)
            times["view: counts + degrees"].append(t2 - t1)
            times["polars: counts + degrees"].append(t3 - t2)
            del W
    assert ours == theirs, "window() and the polars filter disagree"

    raph = None
    if args.raphtory_python:
        raph = _raphtory(args.raphtory_python, frame, periods)
        got = [(w["edges"], w["degree"]) for w in raph["windows"]]
        assert got == ours, "raphtory and window() disagree"
        times["raphtory: counts + degrees"] = [w["seconds"] for w in raph["windows"]]
        starting = []
        for p in periods:
            f = frame.filter((pl.col("start") >= p.start) & (pl.col("start") < p.end))
            counts = pl.concat([f["source"], f["target"]]).value_counts()
            starting.append((f.height, dict(zip(*counts.get_columns()))))
        assert [(w["starts"]["edges"], w["starts"]["degree"]) for w in raph["windows"]] == starting
        times["raphtory: same, edges starting in it"] = [w["starts"]["seconds"] for w in raph["windows"]]

    per_window = [a + b for a, b in zip(times["window()"], times["view: counts + degrees"])]
    print(f"{len(periods)} yearly windows, median {statistics.median(n for n, _ in ours):,.0f} edges "
          f"and {statistics.median(len(d) for _, d in ours):,.0f} actors each; medians per window:")
    print(f"{'window() (target <= 0.5 s)':>36}: {_median(times['window()'])}  (first call, building the index: {first:.2f} s)")
    for name in list(times)[1:]:
        print(f"{name:>36}: {_median(times[name])}")
    print(f"{'window() + counts + degrees':>36}: {_median(per_window)}")
    if raph is None:
        print(f"{'raphtory':>36}: skipped (give --raphtory-python)")
    else:
        print(f"{'raphtory ' + raph['version'] + ' load (not counted)':>36}: {raph['load']:.2f} s")
    print("same counts and degrees: window(), polars" + (", raphtory" if raph else ""))


if __name__ == "__main__":
    main()

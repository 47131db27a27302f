"""How long `actors run` takes on the seeds, against the import time of its libraries.

Target (issue 5): `actors run` on the seeds, writing every output, takes at most
twice as long as `python -c "import networkx, polars, matplotlib, pyvis"`.
Both are timed as fresh processes, interleaved so a busy moment of the machine
hits both alike; the best and the median of N are reported, with the CPU time
the run used in all its processes (it draws the figures in two worker
processes while it writes the rest; they and their forkserver are counted).
Then the run's stages are timed one after the other in this process, to show
where the work is.

    python3 benchmarks/run_speed.py [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORTS = "import networkx, polars, matplotlib, pyvis"


def _adopt_orphans() -> None:
    """On Linux, become the reaper of our descendants' orphans: the figure workers' forkserver outlives
    `actors run` by a moment, and its CPU time is counted only if someone reaps it."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _reap() -> None:
    """Wait for every descendant left over (the forkserver ends when the run that started it has)."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def wall_and_cpu(cmd: list[str], **kw) -> tuple[float, float]:
    """Wall time of one fresh process, and the CPU time (user + system) of it and all its descendants."""
    before = os.times()
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    wall = time.perf_counter() - t
    _reap()
    after = os.times()
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def stages() -> list[tuple[str, float]]:
    """The run's stages one after the other in this process (imports included where they happen)."""
    out: list[tuple[str, float]] = []
    t = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal t
        now = time.perf_counter()
        out.append((name, now - t))
        t = now

    from actors.corpus import load_corpus
    lap("import actors, networkx, polars")
    corpus = load_corpus(ROOT / "seeds")
    lap("read, curate, extract, tables, graph")
    from actors.analysis.analyses import analyse, analysis_writers
    from actors.analysis.report import render_report
    A = analyse(corpus.graph)
    render_report(A)
    lap("analyses and report")
    from actors.render.layout import positions
    pos = positions(corpus.graph)
    lap("layout")
    from actors.render.explorer import explorer_writers
    from actors.network.export import export_writers
    from actors.render.figures import figure_writers
    from actors.output import table_writers, write_all
    with tempfile.TemporaryDirectory() as d:
        w = table_writers(corpus.frames, d)
        w.update(analysis_writers(A, d))
        w.update(export_writers(corpus.graph, d))
        write_all(w)
        lap("tables and exports")
        write_all(explorer_writers(A, d, pos=pos))
        lap("pages")
        write_all(figure_writers(A, d, pos=pos))
        lap("figures, 5 × PNG + SVG, matplotlib import included (in `actors run`: two worker processes)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    _adopt_orphans()
    base, run, serial, cpu = [], [], [], []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(args.repeat):  # interleaved: a busy moment slows both alike
            base.append(wall_and_cpu([sys.executable, "-c", IMPORTS])[0])
            wall, used = wall_and_cpu([sys.executable, "-m", "actors.cli", "run", "-q", "--out", out], cwd=ROOT)
            run.append(wall)
            cpu.append(used)
            serial.append(wall_and_cpu([sys.executable, "-m", "actors.cli", "run", "-q", "--figure-workers", "0",
                                        "--out", out], cwd=ROOT)[0])
    b, r, s = min(base), min(run), min(serial)
    print(f"{args.repeat} runs each, best (median); {os.cpu_count()} cores")
    print(f"  import {IMPORTS.removeprefix('import ')}: {b:.2f} s ({statistics.median(base):.2f} s)")
    print(f"  actors run on the seeds, every output:    {r:.2f} s ({statistics.median(run):.2f} s) = "
          f"{r / b:.2f} × the imports ({statistics.median(run) / statistics.median(base):.2f} × by medians); "
          f"target ≤ 2 ×, i.e. ≤ {2 * b:.2f} s")
    print(f"    CPU time in all its processes: {min(cpu):.2f} s ({statistics.median(cpu):.2f} s)")
    print(f"  the same with --figure-workers 0:         {s:.2f} s ({statistics.median(serial):.2f} s) = "
          f"{s / b:.2f} ×")
    print("stages, one after the other in one process:")
    for name, seconds in stages():
        print(f"  {seconds:5.2f} s  {name}")


if __name__ == "__main__":
    main()

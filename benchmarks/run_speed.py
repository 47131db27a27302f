"""How long `actors run` takes on the seeds, against the import time of its libraries.

Target (issue 5): `actors run` on the seeds, writing every output, takes at most
twice as long as `python -c "import networkx, polars, matplotlib, pyvis"`.
Both are timed as fresh processes (wall clock, best of N, so a busy moment
does not count), then the run's stages are timed in one process to show where
the time goes.

    python3 benchmarks/run_speed.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMPORTS = "import networkx, polars, matplotlib, pyvis"


def best_wall(cmd: list[str], repeat: int, **kw) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        times.append(time.perf_counter() - t)
    return min(times)


def stages() -> list[tuple[str, float]]:
    """The run's stages, timed in this process (imports included where they happen)."""
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
    from actors.analyses import analyse, analysis_writers
    from actors.report import render_report
    A = analyse(corpus.graph)
    render_report(A)
    lap("analyses and report")
    from actors.layout import positions
    pos = positions(corpus.graph)
    lap("layout")
    from actors.explorer import explorer_writers
    from actors.export import export_writers
    from actors.figures import figure_writers
    from actors.tables import table_writers, write_all
    with tempfile.TemporaryDirectory() as d:
        w = table_writers(corpus.frames, d)
        w.update(analysis_writers(A, d))
        w.update(export_writers(corpus.graph, d))
        write_all(w)
        lap("tables and exports")
        write_all(explorer_writers(A, d, pos=pos))
        lap("pages (pyvis import included)")
        write_all(figure_writers(A, d, pos=pos))
        lap("figures, 5 × PNG + SVG (matplotlib import included)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    base = best_wall([sys.executable, "-c", IMPORTS], args.repeat)
    with tempfile.TemporaryDirectory() as out:
        run = best_wall([sys.executable, "-m", "actors.cli", "run", "-q", "--out", out], args.repeat, cwd=ROOT)
    print(f"import {IMPORTS.removeprefix('import ')}: {base:.2f} s (best of {args.repeat})")
    print(f"actors run on the seeds, every output:    {run:.2f} s = {run / base:.1f} × the imports "
          f"(target ≤ 2.0 ×, i.e. ≤ {2 * base:.2f} s)")
    print("stages, in one process:")
    for name, seconds in stages():
        print(f"  {seconds:5.2f} s  {name}")


if __name__ == "__main__":
    main()

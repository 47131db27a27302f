"""`actors run` end to end on copies of the seeds: wall time, peak memory, and where the time goes.

Run: python3 benchmarks/scale_run.py [--copies 10,1000] [--workers 2] [--stages] [--where]
Targets (issue 19): 1,000 copies of the seeds (67 MB), `actors run` with every default output,
in at most 60 s on 2 cores; and the peak memory at 1,000 copies at most 1.5 times the peak at
10 copies, plus what the output tables themselves take in memory (polars' estimate of the
events, edges and mentions frames, read back from the run's Parquet files).

Each size is a folder of copies of the seeds' texts, each under its own name (as
``benchmarks/workers_speed.py`` makes them). ``actors run`` runs as a fresh process; its peak
resident memory is sampled (Linux ``/proc``, every 50 ms) for the main process alone and for the
whole process tree (extraction workers, figure workers). ``--stages`` then times the run's
steps in one process (reading and extraction, analyses, layout, writing), and prints the main
process's own CPU time beside each. ``--where`` runs each with a thread inside that samples the main
process's resident memory and the main thread's innermost frames every 10 ms (a few per cent of a
core), and prints where it was at its peak: the step (as the progress line names it) and the functions.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workers_speed import copies  # noqa: E402  (the same corpus of copies)

ROOT = Path(__file__).resolve().parent.parent


def _tree_rss(pid: int) -> tuple[int, int]:
    """Resident KiB of ``pid`` and of ``pid`` with all its descendants (0, 0 where /proc is missing)."""
    children: dict[int, list[int]] = {}
    try:
        entries = [int(p) for p in os.listdir("/proc") if p.isdigit()]
    except OSError:
        return 0, 0
    for p in entries:
        try:
            with open(f"/proc/{p}/stat") as f:
                children.setdefault(int(f.read().rsplit(")", 1)[1].split()[1]), []).append(p)
        except (OSError, IndexError, ValueError):
            continue
    own = total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                kib = next((int(line.split()[1]) for line in f if line.startswith("VmRSS:")), 0)
        except OSError:
            kib = 0
        own = kib if p == pid else own
        total += kib
        todo.extend(children.get(p, ()))
    return own, total


def run(folder: Path, out: Path, workers: int, where: Path | None = None) -> tuple[float, float, float]:
    """Wall seconds of one `actors run`, and its peak MiB: the main process's and the process tree's.
    ``where``: the run samples itself (``rss_where.py``) and writes where its peak was to that file."""
    args = ["run", str(folder), "--out", str(out), "--workers", str(workers), "-q"]
    cmd = [sys.executable, "-m", "actors.cli", *args]
    if where is not None:
        cmd = [sys.executable, str(Path(__file__).resolve()), "--sampled", str(where), "--", *args]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    own = tree = 0
    while proc.poll() is None:
        o, t_ = _tree_rss(proc.pid)
        own, tree = max(own, o), max(tree, t_)
        time.sleep(0.05)
    wall = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"actors run failed ({proc.returncode}): {' '.join(cmd)}")
    return wall, own / 1024, tree / 1024


_DEPTH = 4  # frames named for each sample, innermost first
_EVERY = 0.01


def _rss_mib() -> float:
    """This process's resident MiB (Linux)."""
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def sampled(report: str, rest: list[str]) -> None:
    """`actors` with ``rest`` in this process, sampled by a thread (``--where``); where it peaked goes to ``report``."""
    import actors.cli as cli

    stage = ["starting"]

    class Stages(cli._Progress):  # the run's steps, as its progress line names them
        def __init__(self, enabled: bool):
            super().__init__(False)

        def __call__(self, name: str, count: str = "") -> None:
            stage[0] = name

        def done(self) -> None:
            stage[0] = "done"

    cli._Progress = Stages
    seen: dict[str, float] = {}
    top = [0.0, 0.0, ""]
    stop = threading.Event()
    main_id = threading.main_thread().ident
    t0 = time.perf_counter()

    def sample() -> None:
        while not stop.is_set():
            rss = _rss_mib()
            frame, names = sys._current_frames().get(main_id), []
            while frame is not None and len(names) < _DEPTH:
                names.append(f"{frame.f_code.co_name} ({os.path.basename(frame.f_code.co_filename)}:{frame.f_lineno})")
                frame = frame.f_back
            where = f"[{stage[0]}] " + " < ".join(names)
            seen[where] = max(seen.get(where, 0.0), rss)
            if rss > top[0]:
                top[:] = [rss, time.perf_counter() - t0, where]
            time.sleep(_EVERY)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        code = cli.main(rest)
    finally:
        stop.set()
        thread.join()
        with open(report, "w", encoding="utf-8") as f:
            f.write(f"peak {top[0]:.0f} MiB at {top[1]:.1f} s: {top[2]}\n")
            for where, mib in sorted(seen.items(), key=lambda x: -x[1])[:25]:
                f.write(f"{mib:6.0f} MiB  {where}\n")
    sys.exit(code)


def table_mib(out: Path) -> float:
    """What the events, edges and mentions tables take in memory as polars frames, MiB."""
    import polars as pl

    return sum(pl.read_parquet(out / f"{n}.parquet").estimated_size() for n in ("events", "edges", "mentions")) / 2**20


def stages(folder: Path, out: Path, workers: int) -> list[tuple[str, float, float]]:
    """The run's steps in this process (its progress line's stages): wall and this process's CPU seconds."""
    import actors.cli as cli

    laps: list[tuple[str, float, float]] = []

    class Laps(cli._Progress):
        def __init__(self, enabled: bool):
            super().__init__(False)
            self.at = ("starting", time.perf_counter(), time.process_time())

        def __call__(self, stage: str, count: str = "") -> None:
            name, t, c = self.at
            laps.append((name, time.perf_counter() - t, time.process_time() - c))
            self.at = (stage, time.perf_counter(), time.process_time())

        def done(self) -> None:
            self("done")

    saved, cli._Progress = cli._Progress, Laps
    try:
        cli.main(["run", str(folder), "--out", str(out), "--workers", str(workers), "-q"])
    finally:
        cli._Progress = saved
    return laps


def main() -> None:
    if sys.argv[1:2] == ["--sampled"]:  # a run of --where's: `actors ARGS` sampled from inside
        sampled(sys.argv[2], sys.argv[4:])
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", default="10,1000", help="sizes, comma-separated; the first is the yardstick")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--stages", action="store_true", help="also time the steps of the largest size in this process")
    ap.add_argument("--where", action="store_true",
                    help="each run samples itself and prints where its main process peaked (rss_where.py)")
    args = ap.parse_args()
    sizes = [int(n) for n in args.copies.split(",")]
    peaks: dict[int, tuple[float, float, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            folder, out = Path(tmp) / f"x{n}", Path(tmp) / f"out{n}"
            mb = copies(folder, n) / 1e6
            where = Path(tmp) / f"where{n}.txt" if args.where else None
            wall, own, tree = run(folder, out, args.workers, where)
            peaks[n] = (own, tree, table_mib(out))
            print(f"{n:5d} copies ({mb:6.1f} MB): {wall:7.1f} s wall; peak {own:6.0f} MiB main process, "
                  f"{tree:6.0f} MiB process tree; tables {peaks[n][2]:.0f} MiB in memory")
            if where is not None:
                print("".join(f"    {line}" for line in where.read_text(encoding="utf-8").splitlines(True)[:12]))
        if args.stages:
            n = sizes[-1]
            print(f"stages at {n} copies, in this process (wall, this process's CPU):")
            for name, wall, cpu in stages(Path(tmp) / f"x{n}", Path(tmp) / f"stages{n}", args.workers):
                print(f"  {wall:7.2f} s  {cpu:7.2f} s CPU  {name}")
    base, top = sizes[0], sizes[-1]
    for i, what in enumerate(("main process", "process tree")):
        bound = 1.5 * peaks[base][i] + peaks[top][2]
        print(f"peak at {top} copies, {what}: {peaks[top][i]:.0f} MiB; target <= 1.5 x {peaks[base][i]:.0f} MiB "
              f"(at {base}) + {peaks[top][2]:.0f} MiB of tables = {bound:.0f} MiB "
              f"({peaks[top][i] / bound:.2f} of it)")


if __name__ == "__main__":
    main()

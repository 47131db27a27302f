"""Reading and extraction on several processes: throughput with 1 and with 2 (or N) workers.

Run: python3 benchmarks/workers_speed.py [--copies 100] [--small 1,3,6] [--repeat 5] [--workers 2]
Target (issue 19, part 1): on 2 cores, 2 workers extract at least 1.6 times as fast as one
(the same bytes out: the run's outputs are compared in tests/test_workers.py).

A corpus of ``--copies`` copies of the seeds (each under its own names) is read and extracted
(:func:`actors.extract.parallel.extract_files`) with one worker (in this process, as before) and with
``--workers`` processes, in turn, ``--repeat`` times; the medians, the throughput in MB/s and the
ratio of the medians are printed. The pool's start-up is in its time: each pass starts a new one.
Beside the wall times, the CPU seconds of each pass are printed (this process's own and its workers',
as the operating system accounts them): on a machine other work keeps busy, the wall time of 2 workers
says how many cores were free, while the CPU seconds say what the pool itself costs (its start, the
rows sent back, this process's merging) against one worker's.
The ``--small`` corpora show where the pool starts to pay (below
:data:`actors.extract.parallel.POOL_MIN_BYTES` a run extracts in its own process): each is timed
with the pool forced on.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from actors.extract.parallel import POOL_MIN_BYTES, extract_files
from actors.extract.pipeline import Extractor
from actors.text.reading import corpus_files

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def copies(folder: Path, n: int) -> int:
    """``n`` copies of the seeds' texts in ``folder``, each file under its own name; returns their bytes."""
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for i in range(n):
        for p in sorted(SEEDS.glob("*.txt")):
            shutil.copy(p, folder / f"c{i:04d}_{p.name}")
            size += p.stat().st_size
    return size


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process, and of its children that ended (the pool's workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, kids.ru_utime + kids.ru_stime


def timed_cpu(folder: Path, ex: Extractor, workers: int) -> tuple[float, int, float, float]:
    """Seconds to read and extract every file of ``folder`` (pool forced on for workers > 1), the edges,
    and the CPU seconds of this process and of its workers meanwhile."""
    own, kids = _cpu()
    t = time.perf_counter()
    edges = sum(len(f.edges) for f in extract_files(corpus_files(folder), ex, workers=workers, pool_min_bytes=0))
    wall = time.perf_counter() - t
    own2, kids2 = _cpu()
    return wall, edges, own2 - own, kids2 - kids


def timed(folder: Path, ex: Extractor, workers: int) -> tuple[float, int]:
    """Seconds to read and extract every file of ``folder`` (pool forced on for workers > 1), and the edges."""
    return timed_cpu(folder, ex, workers)[:2]


def compare(folder: Path, ex: Extractor, workers: int, repeat: int, cpu: dict | None = None) -> tuple[float, float]:
    """Medians of one worker and of ``workers``, interleaved so a busy moment of the machine hits both.
    ``cpu``, when given, gets the medians of the CPU seconds: ``one`` (1 worker), ``parent`` and
    ``workers`` (this process's and its workers', with ``workers``)."""
    one, many, cpu_one, cpu_parent, cpu_workers = [], [], [], [], []
    for _ in range(repeat):
        t1, e1, c1, _ = timed_cpu(folder, ex, 1)
        tn, en, cp, cw = timed_cpu(folder, ex, workers)
        assert e1 == en, (e1, en)
        one.append(t1)
        many.append(tn)
        cpu_one.append(c1)
        cpu_parent.append(cp)
        cpu_workers.append(cw)
    if cpu is not None:
        cpu.update(one=statistics.median(cpu_one), parent=statistics.median(cpu_parent),
                   workers=statistics.median(cpu_workers))
    return statistics.median(one), statistics.median(many)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=100)
    ap.add_argument("--small", default="1,3,6", help="copies of the smaller corpora that show the pool's cost")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    ex = Extractor.load()
    with tempfile.TemporaryDirectory() as tmp:
        for n in [int(x) for x in args.small.split(",") if x]:
            folder = Path(tmp) / f"small{n}"
            size = copies(folder, n)
            one, many = compare(folder, ex, args.workers, args.repeat)
            print(f"seeds x{n} ({size / 1e3:.0f} kB): 1 worker {one:.3f} s, {args.workers} workers {many:.3f} s "
                  f"(ratio {one / many:.2f}; below {POOL_MIN_BYTES / 1e3:.0f} kB a run uses no pool)")
        folder = Path(tmp) / "big"
        size = copies(folder, args.copies)
        cpu: dict = {}
        one, many = compare(folder, ex, args.workers, args.repeat, cpu)
    print(f"seeds x{args.copies} ({size / 1e6:.1f} MB), medians of {args.repeat}: 1 worker {one:.2f} s "
          f"({size / 1e6 / one:.2f} MB/s), {args.workers} workers {many:.2f} s ({size / 1e6 / many:.2f} MB/s): "
          f"{one / many:.2f} times as fast (target: 2 workers >= 1.6 × one, on 2 cores)")
    print(f"  CPU seconds, medians: 1 worker {cpu['one']:.2f} s; {args.workers} workers {cpu['workers']:.2f} s in "
          f"the workers + {cpu['parent']:.2f} s in this process ({(cpu['workers'] + cpu['parent']) / cpu['one']:.2f} "
          f"of one worker's: at most {cpu['one'] / (cpu['workers'] + cpu['parent']) * args.workers:.2f} times as fast "
          f"on {args.workers} free cores)")


if __name__ == "__main__":
    main()

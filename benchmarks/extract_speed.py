"""Extraction speed and memory on the seeds, once and repeated 100 times.

Run: python3 benchmarks/extract_speed.py [--repeat 100]
Target (issue 2): the seeds extracted in <= 0.2 s once imports are done.
Prints throughput in MB/s and peak memory (tracemalloc peak of Python
allocations, and the process's max RSS).
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
from pathlib import Path

from actors.text.documents import parse_document
from actors.text.reading import read_corpus
from actors.extract.pipeline import Extractor, extract

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=100)
    args = ap.parse_args()
    t0 = time.perf_counter()
    extractor = Extractor.load()
    t_load = time.perf_counter() - t0
    docs, _ = read_corpus(SEEDS)
    size = sum(len(d.text.encode("utf-8")) for d in docs)

    # warm-up, then best of 5 for the single pass (reading + parsing + extraction)
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        docs, _ = read_corpus(SEEDS)
        x = extract(docs, extractor=extractor)
        best = min(best, time.perf_counter() - t0)
    print(f"data load (dictionary, cues): {t_load:.3f} s")
    print(f"seeds: {len(docs)} docs, {size / 1e6:.3f} MB -> {len(x.events)} events, {len(x.edges)} edges")
    print(f"seeds once: {best:.3f} s  ({size / 1e6 / best:.2f} MB/s)  target <= 0.2 s")

    t0 = time.perf_counter()
    big = [parse_document(f"{i:03d}_{d.name}", d.text) for i in range(args.repeat) for d in docs]
    x = extract(big, extractor=extractor)
    dt = time.perf_counter() - t0
    print(f"seeds x{args.repeat} (parse + extract): {size * args.repeat / 1e6:.2f} MB in {dt:.2f} s "
          f"({size * args.repeat / 1e6 / dt:.2f} MB/s), {len(x.edges)} edges")
    del big, x
    # Python-level peak for one pass over the seeds (tracemalloc slows code down, so it is timed apart)
    tracemalloc.start()
    extract([parse_document(d.name, d.text) for d in docs], extractor=extractor)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"seeds once: traced Python peak {peak / 1e6:.1f} MB")
    print(f"max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

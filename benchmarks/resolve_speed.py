"""Event resolution speed: the seeds' mentions as if the seeds were copied N times, and one dense pair.

Run: python3 benchmarks/resolve_speed.py [--copies 1000] [--dense 20000]
Target (issue 14): resolving 1,000 copies of the seeds takes < 10 % of their extraction time.

Extraction is linear in the text (benchmarks/extract_speed.py), so the extraction time of N copies
is taken as N times the seeds' best single extraction; the copies' mentions are the seeds' own,
renamed per copy (new document names and ids), which is what extraction of the copies gives.
The dense pair (one pair fighting on a different day for years, a conflict-event export's shape)
checks that the cost grows with a pair's mentions, not with their square: doubling them should
about double the time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import resource
import time
from pathlib import Path

from actors.extract.pipeline import Extractor, extract
from actors.extract.resolve import resolve_events
from actors.text.reading import read_corpus

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def copies(mentions: list[dict], statements: list[dict], n: int) -> tuple[list[dict], list[dict]]:
    """The mentions and statements of ``n`` copies of the corpus, each under new document names and ids."""
    ms, ss = [], []
    for i in range(n):
        p = f"c{i:04d}-"
        ms += [{**m, "doc": p + m["doc"], "event_id": p + m["event_id"], "edge_id": p + m["edge_id"]}
               for m in mentions]
        ss += [{**s, "doc": p + s["doc"], "event_id": p + s["event_id"]} for s in statements]
    return ms, ss


def dense(n: int) -> list[dict]:
    """``n`` mentions of one pair, one per day from 2000 on, every third told again in a second document."""
    rows = []
    day = dt.date(2000, 1, 1)
    for i in range(n):
        d = (day + dt.timedelta(days=i // 2 if i % 3 == 0 else i)).isoformat()
        rows.append({"event_id": f"s{i}", "edge_id": f"s{i}-0", "source": "jnim", "target": "mali",
                     "relation": "fought-against", "date": d, "date_precision": "day", "date_earliest": d,
                     "date_latest": d, "status": "reported", "claimed_by": "", "doc": f"d{i % 7}.txt",
                     "char_start": i, "char_end": i + 10, "evidence": f"item {i}"})
    return rows


def _time(fn, *args) -> float:
    t0 = time.perf_counter()
    fn(*args)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=1000)
    ap.add_argument("--dense", type=int, default=20000)
    args = ap.parse_args()
    ex = Extractor.load()
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        docs, _ = read_corpus(SEEDS)
        x = extract(docs, extractor=ex)
        best = min(best, time.perf_counter() - t0)
    size = sum(len(d.text.encode("utf-8")) for d in docs)
    ms, ss = copies(x.edges, x.events, args.copies)
    t0 = time.perf_counter()
    r = resolve_events(ms, ss)
    t_resolve = time.perf_counter() - t0
    t_extract = best * args.copies
    print(f"seeds: {len(x.edges)} mentions -> {len(resolve_events(x.edges, x.events).edges)} event edges; "
          f"extracted once in {best:.3f} s")
    print(f"seeds x{args.copies} ({size * args.copies / 1e6:.1f} MB): {len(ms)} mentions -> {len(r.edges)} event "
          f"edges, {len(r.events)} events in {t_resolve:.2f} s = {100 * t_resolve / t_extract:.1f} % of their "
          f"extraction time ({t_extract:.1f} s)  target < 10 %")
    half, full = dense(args.dense // 2), dense(args.dense)
    t_half, t_full = _time(resolve_events, half), _time(resolve_events, full)
    print(f"one dense pair: {len(half)} mentions in {t_half:.2f} s, {len(full)} in {t_full:.2f} s "
          f"(x{t_full / max(t_half, 1e-9):.2f} for twice the mentions; quadratic would be x4)")
    print(f"max RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()

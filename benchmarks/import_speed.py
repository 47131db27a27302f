"""Event-table import speed: N synthetic ACLED rows read, parsed and turned into events and relations.

Run: python3 benchmarks/import_speed.py [--rows 100000] or --rows 100000 1000000 (each size in a
process of its own, for its own peak memory; then the time per row of each and their ratio).
Target (issue 15): 100,000 ACLED rows in <= 5 s on this machine; 1,000,000 linearly (the same time
per row: a total time ratio near 10). The rows are invented: a few dozen actor names
(mapped, ruled states, unmapped katibas, generics, civilians), every event type, all three
time precisions, notes of ~100 characters. Prints seconds per stage and rows per second.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's package, not an installed one

_HEADER = ("event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
           "actor2,assoc_actor_2,inter2,interaction,admin1,admin2,admin3,location,latitude,longitude,geo_precision,"
           "source,source_scale,notes,fatalities,timestamp")
_ARMED = ["JNIM: Group for Support of Islam and Muslims", "Islamic State (Greater Sahara)",
          "Military Forces of Mali (2021-)", "Military Forces of Burkina Faso (2022-)", "Wagner Group",
          "Police Forces of Mali (2021-) Gendarmerie", "Dan Na Ambassagou", "Katiba Inventa One",
          "Katiba Inventa Two", "Unidentified Armed Group (Mali)", "CMA: Coordination of Azawad Movements"]
_TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
          ("Violence against civilians", "Attack"), ("Strategic developments", "Agreement"),
          ("Protests", "Peaceful protest")]


def synthetic(n: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    lines = [_HEADER]
    for i in range(n):
        etype, sub = _TYPES[rng.randrange(len(_TYPES))]
        a1 = rng.choice(_ARMED)
        a2 = "Civilians (Mali)" if etype.startswith("Violence") and rng.random() < .8 else rng.choice(_ARMED)
        assoc = "Katiba Macina" if a1.startswith("JNIM") and rng.random() < .3 else ""
        day = f"20{rng.randrange(12, 25):02d}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        notes = f'"On {day}, fighters of group {i % 97} clashed near village {i % 389}; {rng.randrange(30)} reported dead."'
        lines.append(f"MLI{i},{day},{day[:4]},{rng.choice('1123')},{etype},{sub},\"{a1}\",{assoc},2,\"{a2}\",,1,12,"
                     f"Mopti,Douentza,Boni,Boni,15.1,-1.9,1,Source {i % 13},National,{notes},{rng.randrange(30)},1")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, nargs="+", default=[100_000])
    args = ap.parse_args()
    if len(args.rows) > 1:
        _compare(args.rows)
        return
    args.rows = args.rows[0]
    from actors.extract.dictionary import load_dictionary
    from actors.extract.tabular import import_tables
    from actors.text.tables import read_table

    text = synthetic(args.rows)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "acled.csv"
        path.write_text(text, encoding="utf-8")
        d = load_dictionary()
        t0 = time.perf_counter()
        table = read_table(path)
        t1 = time.perf_counter()
        got = import_tables([table], d)
        events, edges, problems, counts = got.events, got.edges, got.problems, got.counts
        t2 = time.perf_counter()
    total = t2 - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{args.rows:,} ACLED rows ({len(text) / 1e6:.1f} MB): read {t1 - t0:.2f} s, import {t2 - t1:.2f} s, "
          f"total {total:.2f} s ({args.rows / total:,.0f} rows/s; target 100,000 in <= 5 s)")
    print(f"{len(events):,} events, {len(edges):,} relations, {len(problems):,} problems; "
          + ", ".join(f"{k[1]} {v:,}" for k, v in sorted(counts.items())))
    print(f"max RSS: {rss:,.0f} MB")
    print(f"per row: {1e6 * total / args.rows:.1f} us")


def _compare(sizes: list[int]) -> None:
    """Each size in a process of its own; their time per row side by side."""
    import re
    import subprocess

    per_row = {}
    for n in sizes:
        out = subprocess.run([sys.executable, __file__, "--rows", str(n)], capture_output=True, text=True,
                             check=True).stdout
        print(out, end="")
        per_row[n] = float(re.search(r"per row: ([\d.]+) us", out).group(1))
    small, big = min(sizes), max(sizes)
    print(f"time per row {per_row[small]:.1f} us at {small:,} rows, {per_row[big]:.1f} us at {big:,}: total time x"
          f"{per_row[big] * big / (per_row[small] * small):.1f} for x{big / small:.0f} rows (linear: the same)")


if __name__ == "__main__":
    main()

"""Extraction throughput against a naive peer: spaCy's PhraseMatcher and co-occurrence in a sentence.

Run: python3 benchmarks/peer_speed.py [--copies 50] [--repeat 3] [--workers 2] [--peer-python /tmp/spacyvenv/bin/python]
Target (issue 19, part 2): extraction with 2 workers is at least 2 times as fast as the peer
(in MB/s of text, on 2 cores), the ratio taken in the same run.

The peer is what a quick co-occurrence network would be made of: a blank English spaCy
pipeline (``spacy.blank("en")`` and its rule-based ``sentencizer``, no model to download), a
``PhraseMatcher`` over every name of the dictionary (names, aliases, demonyms and country names
on lower-cased tokens, the exact aliases on the tokens as written), and one pair of actors for
every two actors named in one sentence. It runs in its own virtual environment, never a
dependency of this project::

    python3 -m venv /tmp/spacyvenv && /tmp/spacyvenv/bin/pip install spacy

and this script starts that Python on itself (``--peer-worker``), where only spaCy and the standard
library are imported. Without ``--peer-python`` (or when it cannot import spaCy) the peer is
skipped with a message, and only our own figures are printed.

A corpus of ``--copies`` copies of the seeds (each under its own names) is read and extracted:
by the peer in one process (reading, tokenising, sentences, matching, pairs: its pipeline and
matcher are built before the clock starts, as our extractor is loaded before it), and by
:func:`actors.extract.parallel.extract_files` with one worker and with ``--workers`` (the pool
forced on, its start-up in its time), in turn, ``--repeat`` times; the medians are compared. Each
side's CPU seconds are printed too: on a machine other work keeps busy the wall times say how many
cores were free; the CPU seconds bound what the same code does with every core free.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

#: The ratio to reach with 2 workers (issue 19).
TARGET = 2.0


# -- the peer (runs under the peer's Python: spaCy and the standard library only) ------------------

def peer_worker(names_file: str, folder: str, repeat: int) -> None:
    """Build the peer's pipeline and matcher, then time ``repeat`` passes over ``folder``'s files;
    print one JSON line: the seconds of each pass, the sentences and the co-occurring pairs."""
    import spacy
    from spacy.matcher import PhraseMatcher

    names = json.loads(Path(names_file).read_text(encoding="utf-8"))
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 10 ** 8
    folded = PhraseMatcher(nlp.vocab, attr="LOWER")
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    for actor, (lower, orth) in names.items():
        if lower:
            folded.add(actor, list(nlp.tokenizer.pipe(lower)))
        if orth:
            exact.add(actor, list(nlp.tokenizer.pipe(orth)))
    files = sorted(p for p in Path(folder).iterdir() if p.suffix in (".txt", ".md"))
    times, cpu, sentences, pairs = [], [], 0, 0
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        sentences, pairs = 0, 0
        texts = (p.read_text(encoding="utf-8") for p in files)
        for doc in nlp.pipe(texts):
            hits = [(s, nlp.vocab.strings[k]) for k, s, _ in folded(doc)]
            hits += [(s, nlp.vocab.strings[k]) for k, s, _ in exact(doc)]
            hits.sort()
            h = 0
            for sent in doc.sents:
                sentences += 1
                named = set()
                while h < len(hits) and hits[h][0] < sent.end:
                    if hits[h][0] >= sent.start:
                        named.add(hits[h][1])
                    h += 1
                n = len(named)
                pairs += n * (n - 1) // 2
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c)
    print(json.dumps({"times": times, "cpu": cpu, "sentences": sentences, "pairs": pairs, "spacy": spacy.__version__}))


# -- our side and the comparison -------------------------------------------------------------------

def dictionary_names(path: Path) -> None:
    """The dictionary's names for the peer, as JSON: actor id -> [lower-cased names, exact names]."""
    from actors.extract.dictionary import load_dictionary

    names = {}
    for a in load_dictionary().actors:
        if a.is_generic:
            continue
        lower = sorted({s.lower() for s in (a.name, *a.aliases, *a.demonyms, *a.country_names)})
        names[a.id] = [lower, sorted(set(a.exact_aliases))]
    path.write_text(json.dumps(names), encoding="utf-8")


def run_peer(python: str, names: Path, folder: Path, repeat: int) -> dict | None:
    """The peer's figures (its JSON line), or None with a message when it cannot run."""
    if not python:
        print("peer skipped: no --peer-python given (python3 -m venv /tmp/spacyvenv && "
              "/tmp/spacyvenv/bin/pip install spacy)")
        return None
    if not Path(python).exists():
        print(f"peer skipped: {python} does not exist (python3 -m venv /tmp/spacyvenv && "
              "/tmp/spacyvenv/bin/pip install spacy)")
        return None
    done = subprocess.run([python, __file__, "--peer-worker", str(names), str(folder), str(repeat)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ""})
    if done.returncode != 0:
        print(f"peer skipped: {python} failed: {done.stderr.strip().splitlines()[-1:] or done.returncode}")
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def ours(folder: Path, repeat: int, workers: int, cpu: dict | None = None) -> tuple[float, float, int]:
    """Medians of our extraction with one worker and with ``workers``, interleaved, and the edges;
    ``cpu``, when given, gets the medians of their CPU seconds (``one``; ``many``: the workers' and
    this process's)."""
    from actors.extract.pipeline import Extractor
    from workers_speed import timed_cpu

    ex = Extractor.load()
    one, many, cpu_one, cpu_many, edges = [], [], [], [], 0
    for _ in range(repeat):
        t1, edges, c1, _ = timed_cpu(folder, ex, 1)
        tn, en, cp, cw = timed_cpu(folder, ex, workers)
        assert edges == en, (edges, en)
        one.append(t1)
        many.append(tn)
        cpu_one.append(c1)
        cpu_many.append(cp + cw)
    if cpu is not None:
        cpu.update(one=statistics.median(cpu_one), many=statistics.median(cpu_many))
    return statistics.median(one), statistics.median(many), edges


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--peer-python", default="", help="the Python of the peer's environment (with spaCy)")
    ap.add_argument("--peer-worker", nargs=3, metavar=("NAMES", "FOLDER", "REPEAT"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.peer_worker:
        names, folder, repeat = args.peer_worker
        peer_worker(names, folder, int(repeat))
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from workers_speed import copies

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        size = copies(folder, args.copies) / 1e6
        names = Path(tmp) / "names.json"
        dictionary_names(names)
        peer = run_peer(args.peer_python, names, folder, args.repeat)
        cpu: dict = {}
        one, many, edges = ours(folder, args.repeat, args.workers, cpu)
    print(f"seeds x{args.copies} ({size:.2f} MB), medians of {args.repeat}:")
    print(f"  ours, 1 worker:  {one:.2f} s, {size / one:.2f} MB/s ({edges} edges)")
    print(f"  ours, {args.workers} workers: {many:.2f} s, {size / many:.2f} MB/s")
    if peer is None:
        print(f"  peer: skipped (target: {args.workers} workers >= {TARGET:g} × the peer)")
        return
    p = statistics.median(peer["times"])
    print(f"  peer (spaCy {peer['spacy']} PhraseMatcher co-occurrence, 1 process): {p:.2f} s, {size / p:.2f} MB/s "
          f"({peer['sentences']} sentences, {peer['pairs']} pairs)")
    print(f"  ratio ours/peer: 1 worker {p / one:.2f}, {args.workers} workers {p / many:.2f} "
          f"(target: {args.workers} workers >= {TARGET:g} × the peer)")
    if "cpu" in peer:  # what the wall times would be with every core free: each side's CPU seconds
        pc = statistics.median(peer["cpu"])
        print(f"  CPU seconds, medians: peer {pc:.2f} s, ours 1 worker {cpu['one']:.2f} s, {args.workers} workers "
              f"{cpu['many']:.2f} s in all; ratio ours/peer on {args.workers} free cores: 1 worker {pc / cpu['one']:.2f}, "
              f"{args.workers} workers at most {pc / cpu['many'] * args.workers:.2f}")


if __name__ == "__main__":
    main()

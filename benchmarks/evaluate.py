"""The one evaluation command: extraction scored on every gold set, per relation.

Run: python3 benchmarks/evaluate.py [--sets seeds,real-dev,synthetic] [--heldout] [--local DIR ...] [--errors]
     [--mentions]

Extracted mentions are resolved to events (actors.extract.resolve) before scoring, as the outputs
are; ``--mentions`` scores the sentence-level mentions instead, for comparison.

Sets (README, "How extraction is evaluated"):
- ``seeds``: the five seed articles at event level (``tests/gold/events.csv``);
- ``real-dev``: the development months of ``../shared/realtext`` (``tests/realtext``);
- ``real-heldout``: its held-out months, only with ``--heldout`` (once per milestone; never tune on it);
- ``synthetic``: the sentence-level development gold and the five synthetic held-out sets
  (regression guards, not evidence of generalisation);
- ``--local DIR``: a folder of real text kept outside the repository (third-party text never
  enters it), scored against ``gold_dev.csv``, ``gold_heldout.csv`` and ``split.toml``
  (``heldout_files = [...]``) from ``tests/realtext/web/<DIR's name>/`` (``ency``: encyclopedic
  articles on Sahel battles; ``news`` and ``news2``: news reports; ``timeline``: year pages and
  chronologies; ``sources.csv`` there says where each text is published), or from DIR itself;
  its held-out files only with ``--heldout``.

For each set it prints precision, recall and F1 per relation, with and without the
IMPLICIT/COREFERENCE lines (event-level sets), and the share of matched events
whose date and status agree.
Target (issue 13): real held-out F1 >= 0.60 at precision >= 0.85; seeds F1 >= 0.85.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
import tomllib
from pathlib import Path

from actors.extract.evaluate import (evaluate_corpus, event_edges, format_report, format_scores, load_event_gold,
                                     load_gold, score, score_events)
from actors.extract.pipeline import Extractor, extract
from actors.text.reading import read_corpus

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"
sys.path.insert(0, str(TESTS / "realtext"))
import measure  # noqa: E402  (the real text's split and gold files)

SETS = ("seeds", "real-dev", "real-heldout", "synthetic")
SYNTHETIC = ("gold", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")


def seeds(ex: Extractor, *, resolve: bool = True) -> dict:
    """The seeds at event level, inside the annotated ranges of ``tests/gold/coverage.toml``."""
    gold_dir = TESTS / "gold"
    docs, _ = read_corpus(ROOT / "seeds")
    x = extract(docs, extractor=ex)
    edges = event_edges(x.edges, x.events) if resolve else x.edges
    lines = load_event_gold([gold_dir / "events.csv"], ROOT / "seeds")
    with open(gold_dir / "coverage.toml", "rb") as fh:
        coverage = {doc: [(v["start"], v["end"])] for doc, v in tomllib.load(fh).items()}
    generic = {a.id for a in ex.dictionary.generics()}
    return {"files": sorted(coverage), "documents": len(docs), "skipped": [], "gold_lines": len(lines),
            "mentions": len(x.edges), "events": len(edges),
            **{key: score_events(edges, lines, docs=coverage, generic=generic, implicit=imp, coverage=coverage)
               for key, imp in (("with_implicit", True), ("explicit_only", False))}}


def synthetic(ex: Extractor) -> dict[str, dict]:
    """Sentence-level scores of the development gold and the synthetic held-out sets."""
    out = {}
    generic = {a.id for a in ex.dictionary.generics()}
    for name in SYNTHETIC:
        folder = TESTS / name
        articles = ROOT / "seeds" if name == "gold" else folder / "articles"
        docs, _ = read_corpus(articles)
        gold, coverage = load_gold(folder, articles)
        out[name] = score(extract(docs, extractor=ex).edges, gold, coverage, generic=generic)
    return out


def local(folder: Path, part: str, ex: Extractor, *, resolve: bool = True) -> dict:
    """A local folder of real text (kept outside the repository), with its split and gold: those in
    ``tests/realtext/web/<folder name>/`` when the repository has them, else the folder's own.

    Texts of the split that are not in the folder are counted (``missing``) and their gold lines
    left out; texts that differ from the ones annotated (``fingerprints.csv``: file, sha256) are
    named (``changed``): their gold ranges may no longer fall on the sentences meant."""
    kept = TESTS / "realtext" / "web" / folder.name
    meta = kept if (kept / "split.toml").is_file() else folder
    with open(meta / "split.toml", "rb") as fh:
        held = set(tomllib.load(fh)["heldout_files"])
    texts = sorted(p.name for p in folder.iterdir() if p.suffix == ".txt")
    files = [n for n in texts if (n in held) == (part == "heldout")]
    m = evaluate_corpus(folder, [meta / f"gold_{part}.csv"], files=files, extractor=ex, resolve=resolve)
    named = set()
    with open(meta / f"gold_{part}.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            named.update(p.strip().rpartition(":")[0] for p in row["evidence"].split(";") if p.strip())
    m["missing"] = sorted(named - set(texts))
    m["changed"] = []
    if (meta / "fingerprints.csv").is_file():
        with open(meta / "fingerprints.csv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                f = folder / row["file"]
                if row["file"] in files and hashlib.sha256(f.read_bytes()).hexdigest() != row["sha256"]:
                    m["changed"].append(row["file"])
    return m


def _summary(name: str, m: dict) -> str:
    a, e = m["with_implicit"]["all"], m["explicit_only"]["all"]
    gaps = "".join(f", {len(m[k])} texts {k}" for k in ("missing", "changed") if m.get(k))
    return (f"{name:<28} P {a['precision']:.2f} R {a['recall']:.2f} F1 {a['f1']:.2f}   explicit only: "
            f"P {e['precision']:.2f} R {e['recall']:.2f} F1 {e['f1']:.2f}   ({m['gold_lines']} gold lines, "
            f"dates agree {m['with_implicit']['date_agreement']:.2f}, status {m['with_implicit']['status_agreement']:.2f}{gaps})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="seeds,real-dev,synthetic",
                    help=f"comma-separated, of {', '.join(SETS)} (default: all but real-heldout)")
    ap.add_argument("--heldout", action="store_true", help="also the held-out parts (once per milestone)")
    ap.add_argument("--local", type=Path, action="append", default=[], metavar="DIR",
                    help="a local folder of real text with gold_dev.csv, gold_heldout.csv, split.toml")
    ap.add_argument("--errors", action="store_true", help="list false positives and negatives (never for held-out)")
    ap.add_argument("--mentions", action="store_true",
                    help="score the sentence-level mentions as they are, without resolving them to events")
    args = ap.parse_args(argv)
    chosen = [s.strip() for s in args.sets.split(",") if s.strip()]
    if args.heldout and "real-heldout" not in chosen:
        chosen.append("real-heldout")
    unknown = sorted(set(chosen) - set(SETS))
    if unknown:
        ap.error(f"unknown set(s) {', '.join(unknown)}; choose from {', '.join(SETS)}")
    t0 = time.perf_counter()
    ex = Extractor.load()
    results: list[tuple[str, dict, bool]] = []  # (name, measurement, may its errors be shown)
    if "seeds" in chosen:
        results.append(("seeds (event level)", seeds(ex, resolve=not args.mentions), True))
    if "real-dev" in chosen and measure.CORPUS.is_dir():
        results.append(("real development", measure.measure("dev", extractor=ex, resolve=not args.mentions), True))
    if "real-heldout" in chosen and measure.CORPUS.is_dir():
        results.append(("real held-out", measure.measure("heldout", extractor=ex, resolve=not args.mentions), False))
    for folder in args.local:
        results.append((f"{folder.name} development", local(folder, "dev", ex, resolve=not args.mentions), True))
        if args.heldout and any((d / "gold_heldout.csv").is_file() for d in (TESTS / "realtext" / "web" / folder.name, folder)):
            results.append((f"{folder.name} held-out", local(folder, "heldout", ex, resolve=not args.mentions), False))
    for name, m, show in results:
        print(f"\n=== {name}: {len(m['files'])} files")
        if m.get("missing"):
            print(f"{len(m['missing'])} annotated text(s) not in the folder, their gold lines left out: "
                  + ", ".join(m["missing"]))
        if m.get("changed"):
            print(f"{len(m['changed'])} text(s) differ from the annotated ones (fingerprints.csv): "
                  + ", ".join(m["changed"]))
        print(format_report(m, errors=args.errors and show))
    if "synthetic" in chosen:
        for name, s in synthetic(ex).items():
            print(f"\n=== synthetic/sentence level: tests/{name}\n{format_scores(s)}")
    print("\nsummary (event level, with implicit lines; target: held-out F1 >= 0.60 at P >= 0.85, seeds F1 >= 0.85)")
    for name, m, _ in results:
        print(_summary(name, m))
    print(f"evaluated in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Extraction measured on real reporting: the Current Events headlines in ``../shared/realtext``.

The text is read from ``../shared`` (never copied here); the gold files in this
folder refer to it by file and character range and follow
``../shared/annotation.md`` (event level). ``split.toml`` fixes which months are
held out. The development part is measured by ``tests/extract/test_realtext.py``
on every run; the held-out part only once per milestone, by hand (or with every
other set, by ``benchmarks/evaluate.py --heldout``):

    python3 tests/realtext/measure.py --part heldout

Scores are given per relation, with and without the IMPLICIT / COREFERENCE
lines, with the false positives and negatives listed by file and range.
"""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared" / "realtext"
CORPUS = SHARED / "current_events"
GOLD = {"dev": ["gold_dev_a.csv", "gold_dev_b.csv"], "heldout": ["gold_heldout.csv"]}


def part_files(part: str) -> list[str]:
    """The monthly files of one part (``dev`` or ``heldout``), by ``split.toml``."""
    with open(HERE / "split.toml", "rb") as fh:
        held = set(tomllib.load(fh)["heldout_months"])
    names = sorted(p.name for p in CORPUS.glob("ce_*.txt"))
    return [n for n in names if (n[3:10] in held) == (part == "heldout")]


def measure(part: str = "dev", *, extractor=None, resolve: bool = True) -> dict:
    """Extract the part's files and score them; returns ``{"all": scores, "explicit": scores, ...}``."""
    from actors.extract.evaluate import evaluate_corpus

    return evaluate_corpus(CORPUS, [HERE / g for g in GOLD[part]], files=part_files(part), extractor=extractor,
                           resolve=resolve)


def report(m: dict, *, errors: bool = True) -> str:
    """The scores as plain text, with the errors located by file and range."""
    from actors.extract.evaluate import format_report

    return format_report(m, errors=errors)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=sorted(GOLD), default="dev")
    print(report(measure(ap.parse_args().part)))


if __name__ == "__main__":
    main()

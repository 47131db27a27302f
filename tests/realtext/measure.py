"""Extraction measured on real reporting: the Current Events headlines in ``../shared/realtext``.

The text is read from ``../shared`` (never copied here); the gold files in this
folder refer to it by file and character range and follow
``../shared/annotation.md`` (event level). ``split.toml`` fixes which months are
held out. The development part is measured by ``tests/extract/test_realtext.py``
on every run; the held-out part only once per milestone, by hand:

    python3 tests/realtext/measure.py --part heldout

Scores are given per relation, with and without the IMPLICIT / COREFERENCE
lines, with the false positives and negatives listed by file and range.
"""

from __future__ import annotations

import argparse
import os
import tempfile
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


def measure(part: str = "dev") -> dict:
    """Extract the part's files and score them; returns ``{"all": scores, "explicit": scores, ...}``."""
    from actors.extract.evaluate import load_event_gold, score_events
    from actors.extract.pipeline import Extractor, extract
    from actors.text.reading import read_corpus

    files = part_files(part)
    with tempfile.TemporaryDirectory() as tmp:
        for name in files:  # the corpus reader reads a folder: give it just this part
            os.symlink(CORPUS / name, Path(tmp) / name)
        docs, problems = read_corpus(tmp)
    ex = Extractor.load()
    x = extract(docs, extractor=ex)
    gold = load_event_gold([HERE / g for g in GOLD[part]], CORPUS)
    generic = {a.id for a in ex.dictionary.generics()}
    return {
        "files": files,
        "documents": len(docs),
        "skipped": [p for p in problems if p.skipped],
        "gold_lines": len(gold),
        "with_implicit": score_events(x.edges, gold, docs=files, generic=generic, implicit=True),
        "explicit_only": score_events(x.edges, gold, docs=files, generic=generic, implicit=False),
    }


def report(m: dict) -> str:
    """The scores as plain text, with the errors located by file and range."""
    from actors.extract.evaluate import format_scores

    out = [f"{m['documents']} documents, {m['gold_lines']} gold lines"]
    for key in ("with_implicit", "explicit_only"):
        out += ["", key.replace("_", " ") + ":", format_scores(m[key])]
    s = m["with_implicit"]
    out += ["", "false positives:"]
    out += [f"  {e['doc']}:{e['char_start']}-{e['char_end']} {e['source']} {e['relation']} {e['target']} "
            f"{e.get('date') or '(undated)'}" for e in s["false_positives"]]
    out += ["false negatives:"]
    out += [f"  {g.event} {g.evidence[0][0]}:{g.evidence[0][1]}-{g.evidence[0][2]} {g.source} {g.relation} "
            f"{g.target} {g.date or '(undated)'}{' [implicit]' if g.implicit else ''}" for g in s["false_negatives"]]
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=sorted(GOLD), default="dev")
    print(report(measure(ap.parse_args().part)))


if __name__ == "__main__":
    main()

"""A corpus folder holding every bad case beside copies of the seeds (issue 17, "Done when").

The run exits 0, every problem is reported (with its line where it has
one), and the good files' outputs are byte-identical to a run without the bad
files. Before: the latin-1 file name alone ended the run with a traceback and
nothing written; the FIFO would have hung the reader.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polars as pl
import pytest

from actors.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

pytestmark = pytest.mark.skipif(os.name != "posix", reason="byte file names, symbolic links and FIFOs")

CALM = "The weather was calm and the market was busy.\n"

BAD_OVERRIDES = '''

[[add]]
id = "far-future"
source = "MNLA"
target = "JNIM"
relation = "fought-against"
date = "9999"
evidence = "nowhere"
reason = "a typo"

[[redate]]
id = "roman-times"
edge = "ev-0-0"
date = "0012"
reason = "a typo"

[[alias]]
id = "stop-word"
actor = "MNLA"
aliases = ["the"]
reason = "a slip"

[[actor]]
id = "punctuation"
name = "Dot"
kind = "militia"
aliases = ["."]
reason = "a slip"
'''


def _bad_files(folder: Path) -> dict[str, str]:
    """Write every bad case into ``folder``; returns {name: what its problem must say}."""
    f = os.fsencode(folder)

    def put(name: bytes, data: bytes) -> None:
        with open(os.path.join(f, name), "wb") as fh:
            fh.write(data)

    put(b"caf\xe9.txt", CALM.encode())  # a latin-1 file name: read, named safely
    put(b"scan\xff.pdf", b"%PDF-1.4\n")  # a latin-1 name that is not text: ignored
    os.mkdir(os.path.join(f, b"dossier\xe8"))
    put(os.path.join(b"dossier\xe8", b"note.md"), CALM.encode())
    put(b"late-nul.txt", CALM.encode() * 200 + b"a\x00b\n")  # NUL after the first 8 KB
    put(b"wide32.txt", (CALM * 5).encode("utf-32"))
    put(b"wide16.txt", (CALM * 5).encode("utf-16"))
    put(b"empty.txt", b"")
    put(b"blank.md", b"   \n\n\t\n")
    put(b"binary.txt", bytes(range(256)) * 4)
    put(b"latin1.txt", "Le caf\xe9 \xe9tait calme.\n".encode("latin-1"))
    put(b"dates.txt", b"In 2012, the rains came.\nOn 31 February 2013, the market opened.\n"
                      b"On 99 March 2013, the school closed.\n")
    put(b"controls.txt", "The\x01 market\x0b was\x0c quiet\u202e to\u200bday.\nNo\x7fthing\x1b else.\n".encode())
    put(b"bidi.md", "Evidence \u202ereversed\u202c and \u2067isolated.\n".encode())
    os.symlink(os.path.join(f, b"nowhere.txt"), os.path.join(f, b"dangling.txt"))
    os.mkfifo(os.path.join(f, b"pipe.txt"))
    return {
        "scan\\xff.pdf": "ignored: not .txt, .md, .html or .csv", "late-nul.txt": "NUL byte", "wide32.txt": "looks like UTF-32",
        "wide16.txt": "looks like UTF-16", "empty.txt": "empty file", "blank.md": "empty file",
        "binary.txt": "binary file", "latin1.txt": "not valid UTF-8", "dates.txt": "impossible date",
        "dangling.txt": "cannot read", "pipe.txt": "not a regular file",
    }


def _run(folder: Path, out: Path) -> None:
    assert main(["run", "--corpus", str(folder), "--out", str(out), "-q", "--figure-workers", "0"]) == 0


def test_bad_corpus_runs_reports_everything_and_leaves_good_outputs_alone(tmp_path, capsys) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    for folder in (good, bad):
        folder.mkdir()
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / seed.name)
    shutil.copy(SEEDS / "overrides.toml", good / "overrides.toml")
    (bad / "overrides.toml").write_text((SEEDS / "overrides.toml").read_text(encoding="utf-8") + BAD_OVERRIDES,
                                        encoding="utf-8")
    expected = _bad_files(bad)

    _run(good, tmp_path / "out-good")
    _run(bad, tmp_path / "out-bad")
    capsys.readouterr()

    problems = pl.read_csv(tmp_path / "out-bad" / "problems.csv", infer_schema=False).fill_null("")
    rows = problems.rows(named=True)
    for name, what in expected.items():
        hits = [r for r in rows if r["path"].endswith(name) and what in r["what"]]
        assert hits, f"{name}: no problem saying {what!r} in {rows}"
    by_path = {r["path"].rsplit("/", 1)[-1]: r for r in rows}
    assert by_path["late-nul.txt"]["where"] == "line 201"
    assert by_path["latin1.txt"]["where"].startswith("line 1, byte ")
    dates = [r for r in rows if r["path"] == "dates.txt"]
    assert {r["where"].split(" (")[0] for r in dates} == {"line 2, column 4", "line 3, column 4"}
    assert all(r["skipped"] == "no" for r in dates)
    curation = [r for r in rows if r["path"].endswith("overrides.toml")]
    assert len(curation) == 4 and all(r["where"].startswith("line ") for r in curation)
    assert {"implausible date '9999'", "implausible date '0012'", "alias 'the' is a stop word",
            "alias '.' is bare punctuation"} <= {w for r in curation for w in _phrases(r["what"])}
    for r in rows:  # no lone surrogate in any output: names come escaped
        assert "\\x" not in r["path"] or r["path"].encode("utf-8")

    docs = set(pl.read_csv(tmp_path / "out-bad" / "events.csv", infer_schema=False)["doc"])
    assert "caf\\xe9.txt" not in docs  # read, but it states no relation
    for path in sorted((tmp_path / "out-good").rglob("*")):
        rel = path.relative_to(tmp_path / "out-good")
        # manifest.json hashes the files that differ; .actors.lock holds the pid of the run that locked last;
        # documents.csv lists the bad corpus's extra files too
        if path.is_dir() or rel.name in ("problems.csv", "curation.csv", "report.md", "manifest.json", ".actors.lock",
                                         "documents.csv"):
            continue
        assert path.read_bytes() == (tmp_path / "out-bad" / rel).read_bytes(), f"{rel} differs"
    good_curation = (tmp_path / "out-good" / "curation.csv").read_text(encoding="utf-8").splitlines()
    bad_curation = (tmp_path / "out-bad" / "curation.csv").read_text(encoding="utf-8").splitlines()
    assert set(good_curation) <= set(bad_curation) and len(bad_curation) == len(good_curation) + 4


def _phrases(what: str) -> list[str]:
    return [what.split(":")[0], what.split(";")[0].split(": ")[-1]]

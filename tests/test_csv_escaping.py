"""CSV cells that a spreadsheet would read as formulas are escaped, reversibly; Parquet keeps the exact text."""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given, settings, strategies as st

from actors.cli import main
from actors.csv_cells import (CSV_TRIGGERS, escape_cell, escape_frame, read_csv, unescape_cell, unescape_frame,
                              write_csv)

ROOT = Path(__file__).resolve().parent.parent

# Text whose start is often a trigger, quotes before a trigger, or a quote alone.
_starts = st.sampled_from(["", "'", "''", "'''", *CSV_TRIGGERS, *(f"'{c}" for c in CSV_TRIGGERS), "\"", " ", "x"])
cells = st.one_of(st.text(), st.builds(lambda a, b, c: a + b + c, _starts, _starts, st.text(max_size=8)))


@given(cells)
def test_unescape_undoes_escape_for_every_string(text):
    escaped = escape_cell(text)
    assert unescape_cell(escaped) == text
    assert not escaped[:1] or escaped[0] not in CSV_TRIGGERS  # never begins a formula
    assert escaped in (text, "'" + text)


@settings(max_examples=50)
@given(st.lists(st.one_of(st.none(), cells), max_size=20))
def test_the_vectorised_frame_escape_is_the_cell_rule(values):
    df = pl.DataFrame({"text": values, "n": list(range(-len(values), 0))}, schema={"text": pl.String, "n": pl.Int64})
    escaped = escape_frame(df)
    assert escaped["text"].to_list() == [None if v is None else escape_cell(v) for v in values]
    assert escaped["n"].to_list() == df["n"].to_list()  # numbers stay numbers, negative ones too
    assert unescape_frame(escaped).equals(df)


def test_a_written_csv_reads_back_exactly(tmp_path):
    df = pl.DataFrame({"evidence": ["=1+1", "- Combatant1: MNLA", "'+x", "+", "@who", "\tTab", "\rCR", "it's", ""],
                       "char_start": [-1, 0, 1, 2, 3, 4, 5, 6, 7]})
    write_csv(df, tmp_path / "t.csv")
    with open(tmp_path / "t.csv", encoding="utf-8", newline="") as fh:
        raw = [row["evidence"] for row in csv.DictReader(fh)]
    assert raw == ["'=1+1", "'- Combatant1: MNLA", "''+x", "'+", "'@who", "'\tTab", "'\rCR", "it's", ""]
    back = read_csv(tmp_path / "t.csv")
    assert back.schema["char_start"] == pl.Int64 and back["evidence"].fill_null("").to_list() == df["evidence"].to_list()


@pytest.fixture(scope="module")
def formula_run(tmp_path_factory):
    """The seeds, plus documents whose names and sentences begin like formulas (they reach doc, evidence...)."""
    tmp = tmp_path_factory.mktemp("formulas")
    corpus = tmp / "corpus"
    shutil.copytree(ROOT / "seeds", corpus)
    text = "On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n"
    for name in ("=1+2.txt", "@SUM(1,2).txt", "+3.txt", "-4 report.txt"):
        (corpus / name).write_text(text, encoding="utf-8")
    (corpus / "sentences.txt").write_text(
        "Report.\n\n=HYPERLINK(\"http://x\") On 4 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n\n"
        "- On 5 May 2014, the MNLA attacked Malian soldiers near Kidal.\n", encoding="utf-8")
    out = tmp / "out"
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q", "--figure-workers", "0"]) == 0
    return corpus, out


def _cells(path: Path) -> list[str]:
    with open(path, encoding="utf-8", newline="") as fh:
        return [cell for row in csv.reader(fh) for cell in row]


def test_no_csv_cell_of_a_run_begins_with_a_trigger(formula_run):
    _, out = formula_run
    csvs = sorted(out.glob("*.csv"))
    assert len(csvs) == 17  # documents.csv and dyads.csv among them
    escaped = 0
    for path in csvs:
        for cell in _cells(path):  # numbers stay numbers: -1 in a number column is written as it is
            assert not cell[:1] or cell[0] not in CSV_TRIGGERS or re.fullmatch(r"-\d+(\.\d+)?", cell), (path.name, cell)
            escaped += cell.startswith("'") and unescape_cell(cell) != cell
    assert escaped >= 8  # the documents' names in events and edges, the seeds' "- Combatant1: ..." lines


def test_csv_evidence_unescaped_is_the_file_text_and_parquet_is_exact(formula_run):
    corpus, out = formula_run
    names = {"=1+2.txt", "@SUM(1,2).txt", "+3.txt", "-4 report.txt"}
    for table in ("edges", "mentions"):
        exact = pl.read_parquet(out / f"{table}.parquet")
        rows = read_csv(out / f"{table}.csv", infer_schema=False)
        assert rows["doc"].to_list() == exact["doc"].to_list()
        assert rows["evidence"].to_list() == exact["evidence"].to_list()
        for doc, evidence, start, end, cue in exact.select("doc", "evidence", "char_start", "char_end",
                                                           "cue").iter_rows():
            if cue != "curation":
                assert (corpus / doc).read_text(encoding="utf-8")[start:end] == evidence
    assert names <= set(exact["doc"])  # every mention, in its own document
    # the same ambush told by four documents is one event, told by its first document in reading order
    ambush = pl.read_parquet(out / "edges.parquet").filter(pl.col("date") == "2014-05-03")
    assert ambush.select("doc", "mentions", "docs").rows() == [("+3.txt", 4, 4)]
    events = pl.read_parquet(out / "events.parquet")
    assert read_csv(out / "events.csv", infer_schema=False)["sentence"].to_list() == events["sentence"].to_list()


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _xlsx_cells(path: Path):
    """(cell ref, type, has formula, text) of every cell of an .xlsx's first sheet."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", ns):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{ns['m']}}}t")))
        sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    for c in sheet.iter(f"{{{ns['m']}}}c"):
        v = c.find("m:v", ns)
        text = shared[int(v.text)] if c.get("t") == "s" and v is not None else (v.text if v is not None else "")
        yield c.get("r"), c.get("t"), c.find("m:f", ns) is not None, text


@pytest.mark.skipif(_soffice() is None, reason="LibreOffice (soffice) is not installed: apt-get install "
                    "libreoffice-calc-nogui to run the spreadsheet check")
def test_libreoffice_evaluates_no_formula_in_any_csv_of_a_run(formula_run, tmp_path):
    _, out = formula_run
    csvs = sorted(out.glob("*.csv"))
    control = tmp_path / "control.csv"  # unescaped: shows that this check does see formulas
    control.write_text("a\n=1+2\n", encoding="utf-8")
    converted = tmp_path / "xlsx"
    subprocess.run([_soffice(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(converted), *map(str, csvs), str(control)],
                   check=True, capture_output=True, timeout=300, env={**os.environ, "HOME": str(tmp_path)})
    assert any(formula for _, _, formula, _ in _xlsx_cells(converted / "control.xlsx"))
    for path in csvs:
        cells = list(_xlsx_cells(converted / f"{path.stem}.xlsx"))
        assert cells, path.name
        bad = [(ref, kind, text) for ref, kind, formula, text in cells if formula or kind == "e"]
        assert not bad, (path.name, bad[:5])
        texts = {text for _, kind, _, text in cells if kind in ("s", "str", "inlineStr")}
        for cell in _cells(path):  # every escaped cell is still there, as text
            if cell.startswith("'") and unescape_cell(cell) != cell:
                assert cell in texts, (path.name, cell)

"""The ``actors run`` command: outputs, the column contract, bad input, determinism."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polars as pl
import pytest

from actors.cli import main
from actors.corpus import load_corpus
from actors.csv_cells import unescape_cell

ROOT = Path(__file__).resolve().parent.parent
EDGE_CONTRACT = ["event_id", "source", "target", "relation", "date", "date_precision", "status",
                 "claimed_by", "doc", "evidence", "char_start", "char_end"]


@pytest.fixture(scope="module")
def seeds_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(out), "-q"]) == 0
    return out


OUTPUTS = ("actors.csv", "events.csv", "events.parquet", "edges.csv", "edges.parquet", "problems.csv",
           "shifts.csv", "coalition.csv", "genealogy.csv", "balance.csv", "frustrated_edges.csv",
           "centrality.csv", "blocs.csv", "graph.graphml", "graph.gexf", "graph.json", "report.md",
           "graph.html", "jnim.html", "mnla_ansar_dine.html",
           *(f"figures/{name}.{ext}" for name in ("snapshots", "pair_mnla_ansar-dine", "coalition_jnim",
                                                  "genealogy", "balance") for ext in ("png", "svg")))


def test_writes_every_output(seeds_run):
    for name in OUTPUTS:
        assert (seeds_run / name).stat().st_size > 0, name
        assert (seeds_run / name).stat().st_mode & 0o044 == 0o044 & ~_umask(), name  # not left private by staging


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_shifts_csv_contract_and_the_2012_shift(seeds_run):
    shifts = pl.read_csv(seeds_run / "shifts.csv", infer_schema_length=0)
    assert shifts.columns[:8] == ["a", "b", "from_relation", "to_relation", "last_before", "first_after",
                                  "evidence_before", "evidence_after"]
    row = shifts.filter((pl.col("a") == "ansar-dine") & (pl.col("b") == "mnla")).row(0, named=True)
    assert (row["from_relation"], row["to_relation"]) == ("allied-with", "fought-against")
    assert row["first_after"] <= "2012-06-30"


def test_report_tells_the_story_with_evidence(seeds_run):
    text = (seeds_run / "report.md").read_text(encoding="utf-8")
    for heading in ("## Alliance shifts", "## The JNIM coalition", "## Genealogy", "## Structural balance",
                    "## Most central actors per period"):
        assert heading in text
    assert "### Ansar Dine – MNLA: allied → fighting" in text
    assert "By the night of 8 June, MNLA and Ansar Dine rebels clashed" in text
    assert "2017–2019 JNIM era" in text
    assert "undated" in text and "order not given by the dates" in text  # says what shift detection left out
    assert "No membership of JNIM is stated in this corpus." in text  # an empty view said plainly
    assert "the analyst's own addition" in text and "Armed conflict in Mali" in text  # provenance: titles


def test_user_periods_and_coalition(tmp_path, capsys):
    periods = tmp_path / "p.toml"
    periods.write_text('[[period]]\nid = "early"\nlabel = "Early 2012"\nstart = 2012-01-01\nend = 2012-07-01\n')
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(out), "-q",
                 "--periods", str(periods), "--coalition", "Ansar Dine"]) == 0
    coal = pl.read_csv(out / "coalition.csv", infer_schema_length=0)
    assert set(coal["period_label"]) == {"Early 2012"}
    assert "## The Ansar Dine coalition" in (out / "report.md").read_text(encoding="utf-8")
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(out), "--coalition", "JNMI"]) == 2
    assert "did you mean" in capsys.readouterr().err
    periods.write_text('[[period]]\nlabel = "x"\nstart = 2012-05-01\nend = 2012-01-01\n')
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(out), "--periods", str(periods)]) == 2
    assert "p.toml: period #1" in capsys.readouterr().err


def test_edge_columns_are_the_contract(seeds_run):
    edges = pl.read_csv(seeds_run / "edges.csv", infer_schema_length=0)
    assert edges.columns[: len(EDGE_CONTRACT)] == EDGE_CONTRACT
    assert set(edges["relation"]) <= {"fought-against", "allied-with", "split-from", "member-of"}
    assert set(edges["status"]) <= {"reported", "claimed", "alleged", "denied", "disputed"}
    assert set(edges["date_precision"]) <= {"day", "month", "year", "unknown"}
    # the kind of an allied-with or member-of relation; empty for the others
    kinds = {"allied-with": {"alliance", "joint-action", "support", "link"},
             "member-of": {"member", "affiliate", "contingent", "merger"}}
    for rel, kind, cue in edges.select("relation", "relation_kind", "cue").iter_rows():
        assert kind in kinds[rel] if rel in kinds and cue != "curation" else not kind, (rel, kind, cue)
    assert pl.read_parquet(seeds_run / "edges.parquet").height == edges.height
    actors = pl.read_csv(seeds_run / "actors.csv", infer_schema_length=0)
    assert actors.columns[:4] == ["id", "name", "kind", "aliases"]
    ids = set(actors["id"])
    assert set(edges["source"]) <= ids and set(edges["target"]) <= ids


def test_every_edge_traces_to_its_sentence(seeds_run):
    """CSV evidence is the file's text at its offsets once unescaped (actors.csv_cells); Parquet's exactly."""
    exact = dict(pl.read_parquet(seeds_run / "edges.parquet").select("edge_id", "evidence").iter_rows())
    with open(seeds_run / "edges.csv", encoding="utf-8", newline="") as fh:
        for raw in csv.DictReader(fh):
            row = {k: unescape_cell(v) for k, v in raw.items()}
            assert row["evidence"] == exact[row["edge_id"]]
            text = (ROOT / "seeds" / row["doc"]).read_text(encoding="utf-8")
            span = text[int(row["char_start"]) : int(row["char_end"])]
            if row["cue"] == "curation":  # added by the analyst: the range is the entry in overrides.toml
                assert row["doc"] == "overrides.toml" and span.startswith("[[add]]")
                assert f'id = "{row["curation"]}"' in span and row["evidence"] in span
            else:
                assert span == row["evidence"]
            precision, date = row["date_precision"], row["date"]
            assert len(date) == {"day": 10, "month": 7, "year": 4, "unknown": 0}[precision]


def test_the_2012_shift_is_in_the_edges(seeds_run):
    edges = pl.read_csv(seeds_run / "edges.csv", infer_schema_length=0)
    pair = edges.filter(
        ((pl.col("source") == "mnla") & (pl.col("target") == "ansar-dine"))
        | ((pl.col("source") == "ansar-dine") & (pl.col("target") == "mnla"))
    )
    assert "allied-with" in set(pair["relation"]) and "fought-against" in set(pair["relation"])
    fights = pair.filter(pl.col("relation") == "fought-against")
    assert "2012-06-08" in set(fights["date"])


def test_same_input_same_bytes(seeds_run, tmp_path):
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path), "-q"]) == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (seeds_run / name).read_bytes(), name


def test_bad_input_is_reported_and_the_rest_processed(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(ROOT / "seeds" / "004_2b72ca9f9093e46b.txt", corpus / "good.txt")
    (corpus / "empty.txt").write_text("")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 100)
    (corpus / "latin1.txt").write_bytes("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Ménaka.\n".encode("latin-1"))
    (corpus / "bad_date.txt").write_text("On 31 February 2012, the MNLA attacked Malian soldiers.\n")
    (corpus / "huge.txt").write_text(("The MNLA attacked Malian soldiers near Gao " * 250_000))  # ~11 MB, one line
    (corpus / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (corpus / "notes.pdf").write_bytes(b"%PDF")
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q"]) == 0
    err = capsys.readouterr().err
    assert "empty.txt" in err and "binary.txt" in err and "broken.txt" in err  # skipped files: each named
    assert "latin1.txt" in err  # decoded as latin-1, with a warning
    assert "31 February" in err
    assert "notes.pdf" in err
    # one line per kind of problem, each saying what to do
    assert "skipped: 3 files or tables skipped, not read: see " in err
    assert "warning: 1 file not in UTF-8, read as Latin-1: check the names in them, or save them as UTF-8" in err
    assert "warning: 1 impossible or implausible date left undated: check the text" in err
    edges = pl.read_csv(out / "edges.csv", infer_schema_length=0)
    docs = set(edges["doc"])
    assert {"good.txt", "latin1.txt"} <= docs
    bad = edges.filter(pl.col("doc") == "bad_date.txt")
    assert bad.height == 1 and bad["date_precision"][0] == "unknown"
    problems = pl.read_csv(out / "problems.csv", infer_schema_length=0)
    assert set(problems.filter(pl.col("skipped") == "yes")["path"].map_elements(lambda p: Path(p).name, return_dtype=pl.Utf8)) >= {"empty.txt", "binary.txt", "broken.txt"}


def test_no_document_readable_exits_nonzero(tmp_path, capsys):
    (tmp_path / "empty.txt").write_text("")
    assert main(["run", "--corpus", str(tmp_path), "--out", str(tmp_path / "o")]) == 1
    assert "no document could be read" in capsys.readouterr().err
    assert main(["run", "--corpus", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 1
    assert "nope" in capsys.readouterr().err


def test_a_failed_write_leaves_previous_outputs_whole(tmp_path, monkeypatch):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\n")
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q"]) == 0
    before = (out / "edges.csv").read_bytes()
    (corpus / "a.txt").write_text("On 3 May 2015, the MNLA attacked Malian soldiers near Gao.\n")
    import polars

    def boom(self, path, **kw):
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(polars.DataFrame, "write_parquet", boom)
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q"]) == 1
    assert (out / "edges.parquet").exists()
    assert not [p for p in os.listdir(out) if p.endswith(".tmp")]
    assert (out / "edges.csv").read_bytes() == before  # nothing replaced: outputs stay consistent


def test_pair_option_takes_any_alias_and_refuses_unknown_names(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(out), "-q",
                 "--pair", "ANSAR DINE", "Mujao"]) == 0
    assert (out / "ansar_dine_mojwa.html").stat().st_size > 0
    assert (out / "figures" / "pair_ansar-dine_mojwa.svg").stat().st_size > 0
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / "x"), "-q",
                 "--pair", "Ansar Dyne", "MNLA"]) == 2
    err = capsys.readouterr().err
    assert "--pair: unknown actor 'Ansar Dyne'; did you mean 'Ansar Dine'?" in err
    assert "Traceback" not in err and not (tmp_path / "x").exists()


def test_help_has_examples():
    r = subprocess.run([sys.executable, "-m", "actors.cli", "run", "--help"], capture_output=True, text=True,
                       cwd=ROOT)
    assert r.returncode == 0 and "examples:" in r.stdout and "  actors run --verbose" in r.stdout


def _seeds_run(tmp_path, capsys, *extra):
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path), "--figure-workers", "0",
                 *extra]) == 0
    return capsys.readouterr()


def test_the_summary_comes_last_and_is_complete(tmp_path, capsys):
    out, err = _seeds_run(tmp_path, capsys)
    assert "wrote" not in out  # the files written are named with --verbose only
    lines = out.splitlines()
    assert lines[-1].startswith("done in ") and lines[-1].endswith("; 0 item(s) skipped, 5 warning(s)")
    summary = lines[lines.index("summary:") + 1: -1]
    assert [line.split(":")[0].strip() for line in summary] == [
        "read", "curation", "found", "candidates", "problems", "outputs", "open first"]
    text = "\n".join(summary)
    assert "read: 5 document(s) from " in text and ", 0 skipped" in text
    assert "curation: 6 override(s) applied from " in text
    frames = load_corpus(ROOT / "seeds").frames  # the counts are the run's own tables
    assert (f"found: {frames['events'].height} events, {frames['edges'].height} edges" in text
            and f"{frames['mentions'].height} mentions" in text and "38 actors in the network" in text)
    assert "candidates: 0 candidate organisation(s)" in text
    assert f"every one in {tmp_path / 'problems.csv'}" in text
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert f"outputs: {len(manifest['files'])} files in {tmp_path}" in text
    assert f"open first: {tmp_path / 'report.md'} " in text and str(tmp_path / "graph.html") in text
    assert not err.endswith("\n\n") and "summary:" not in err  # problems on stderr, the summary on stdout


def test_quiet_prints_problems_and_the_last_line_only(tmp_path, capsys):
    out, err = _seeds_run(tmp_path, capsys, "-q")
    assert out.count("\n") == 1 and out.startswith("done in ")
    assert err.startswith("warning: 5 dates left undated")


def test_warnings_are_grouped_with_the_action_to_take(tmp_path, capsys):
    out, err = _seeds_run(tmp_path, capsys)
    lines = err.splitlines()
    assert lines[0] == (f"warning: 5 dates left undated where the year was unclear: see {tmp_path / 'problems.csv'}, "
                        "or date them with [[redate]] in the overrides file")
    assert lines[1].startswith("  e.g. 001_59fab0586e337fd8.txt: line 38") and "year no longer in force" in lines[1]
    assert len(lines) == 2  # one example: the five are in problems.csv
    problems = pl.read_csv(tmp_path / "problems.csv", infer_schema_length=0)
    assert problems.height == 5  # problems.csv stays complete


def test_verbose_names_every_file_written_and_every_problem(tmp_path, capsys):
    out, err = _seeds_run(tmp_path, capsys, "--verbose")
    wrote = [line for line in out.splitlines() if line.startswith("  wrote ")]
    assert {Path(line.split("wrote ", 1)[1]).name for line in wrote} >= {"edges.csv", "report.md", "graph.html"}
    assert out.index("  wrote ") < out.index("summary:")  # the summary still last
    lines = err.splitlines()
    assert lines[0].startswith("warning: 5 dates left undated")
    assert len(lines) == 6 and all(line.startswith("  001_59fab0586e337fd8.txt: line ") for line in lines[1:])
    for place in ("line 38, column 1", "line 107", "line 117", "line 125", "line 136"):
        assert place in err
    with pytest.raises(SystemExit):  # -q and -v exclude each other
        main(["run", "-q", "-v"])


def test_outside_the_project_folder_says_what_to_do(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)  # no seeds/ here: the default --corpus
    for argv in (["run"], ["pair", "mnla", "mia"], ["actor", "mnla"], ["export", "--format", "json"]):
        assert main(argv) == 1, argv
        out, err = capsys.readouterr()
        assert err == (f"actors: no folder 'seeds' here ({tmp_path}): run from the project folder, "
                       "or give --corpus FOLDER\n") and out == ""
    assert not (tmp_path / "output").exists()


def test_progress_shows_stages_in_a_terminal_only(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True, raising=False)
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / "a")]) == 0
    err = capsys.readouterr().err
    for stage in ("[1/4] reading and extracting (5 files)", "[2/4] analysing", "[3/4] laying out",
                  "[4/4] writing tables, pages and figures (37 files)"):
        assert stage in err
    assert re.search(r"\[2/4\] analysing… \d+\.\d s, about \d+ s left", err)  # an estimate once a step is done
    assert "[1/4] reading and extracting (5/5 files)" in err  # each file as it is read
    assert err.count("\r\x1b[K") >= 5  # each stage overwrites the last, and the line is cleared at the end
    monkeypatch.setattr(sys.stderr, "isatty", lambda: False, raising=False)
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / "b")]) == 0
    assert "\x1b" not in capsys.readouterr().err  # nothing for logs and pipes


def test_quiet_when_stderr_is_not_a_terminal(tmp_path):
    """A real process with stderr to a pipe: the problems and nothing else, byte for byte as in a log."""
    r = subprocess.run([sys.executable, "-m", "actors.cli", "run", "--corpus", str(ROOT / "seeds"), "--out",
                        str(tmp_path / "o")], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0
    assert "\r" not in r.stderr and "\x1b" not in r.stderr and "…" not in r.stderr \
        and not re.search(r"about \d+ s left", r.stderr)
    assert r.stderr.splitlines()[0].startswith("warning: 5 dates left undated") and len(r.stderr.splitlines()) == 2
    assert r.stdout.splitlines()[-1].startswith("done in ")


def test_the_corpus_folder_may_be_given_as_the_run_commands_argument(tmp_path, capsys):
    assert main(["run", str(ROOT / "seeds"), "--out", str(tmp_path / "a"), "-q"]) == 0
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / "b"), "-q"]) == 0
    a, b = tmp_path / "a", tmp_path / "b"
    assert (a / "edges.csv").read_bytes() == (b / "edges.csv").read_bytes()
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["run", str(ROOT / "seeds"), "--corpus", str(tmp_path), "--out", str(tmp_path / "c")])
    assert "the corpus folder is given twice" in capsys.readouterr().err


def test_a_sigterm_turned_into_another_error_by_compiled_code_is_still_a_sigterm(monkeypatch, capsys):
    """A SIGTERM raised inside matplotlib's drawing comes back as its ValueError; the run says
    it was terminated and exits 143, as for any SIGTERM (no traceback)."""
    import actors.cli as cli

    def drawing(args, out):
        cli._stopping = True  # the handler ran, and its exception came back as another
        raise ValueError("Invalid affine transformation matrix")

    monkeypatch.setitem(cli._COMMANDS, "run", drawing)
    try:
        assert cli.main(["run", "--out", "/nonexistent/never"]) == 143
    finally:
        cli._stopping = False
    assert "terminated (SIGTERM)" in capsys.readouterr().err
    # without a SIGTERM the error is the program's own: raised
    def failing(args, out):
        raise ValueError("a bug")
    monkeypatch.setitem(cli._COMMANDS, "run", failing)
    with pytest.raises(ValueError):
        cli.main(["run", "--out", "/nonexistent/never"])

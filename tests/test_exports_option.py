"""``actors run --exports``: which of graph.gexf, graph.graphml and graph.json are written, the default's
size limit, the manifest, and no export left over from an earlier run."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import actors.network.export_choice as export_choice
from actors.cli import main
from actors.network.export_choice import EXPORT_FORMATS, default_exports, parse_exports
from actors.output_set import check_output_set, read_manifest

ROOT = Path(__file__).resolve().parent.parent
EXPORTS = {f"graph.{f}" for f in EXPORT_FORMATS}


def _run(out: Path, capsys, *extra: str) -> str:
    assert main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(out), "--figure-workers", "0",
                 *extra]) == 0
    return capsys.readouterr().out


def _exports_in(out: Path) -> tuple[set[str], set[str]]:
    """The export files in the folder, and those its manifest lists."""
    listed = {f["name"] for f in read_manifest(out)["files"]}
    return {p.name for p in out.iterdir() if p.name in EXPORTS}, listed & EXPORTS


def test_default_then_none_then_json_leaves_no_stale_export(tmp_path, capsys):
    out = tmp_path / "out"
    summary = _run(out, capsys)  # the seeds: 163 edges, far under the limit: all three
    assert _exports_in(out) == (EXPORTS, EXPORTS) and "exports:" not in summary
    files = {f["name"] for f in read_manifest(out)["files"]}
    (out / "mine.gexf").write_text("the user's own")  # listed by no manifest: never removed

    _run(out, capsys, "--exports", "none")  # the exports of the run before are removed, not left stale
    assert _exports_in(out) == (set(), set())
    assert {f["name"] for f in read_manifest(out)["files"]} == files - EXPORTS  # every other output as before
    assert check_output_set(out) == [] and (out / "mine.gexf").read_text() == "the user's own"

    _run(out, capsys, "-q", "--exports", "json")
    assert _exports_in(out) == ({"graph.json"}, {"graph.json"}) and check_output_set(out) == []

    _run(out, capsys, "-q", "--exports", "graphml,GEXF")
    assert _exports_in(out) == ({"graph.gexf", "graph.graphml"},) * 2 and check_output_set(out) == []


def test_the_chosen_exports_are_the_default_runs_bytes(tmp_path, capsys):
    _run(tmp_path / "all", capsys, "-q")
    _run(tmp_path / "json", capsys, "-q", "--exports", "json")
    assert (tmp_path / "json" / "graph.json").read_bytes() == (tmp_path / "all" / "graph.json").read_bytes()
    assert (tmp_path / "json" / "report.md").read_bytes() == (tmp_path / "all" / "report.md").read_bytes()


def test_above_the_limit_the_default_writes_none_and_says_how_to_ask(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(export_choice, "DEFAULT_EXPORT_EDGE_LIMIT", 100)  # the seeds' 163 edges are above it
    summary = _run(tmp_path / "big", capsys)
    assert _exports_in(tmp_path / "big") == (set(), set())
    line = next(line for line in summary.splitlines() if line.startswith("  exports:"))
    assert "graph.gexf, graph.graphml, graph.json not written: 163 edges" in line
    assert "limit of 100" in line and "--exports all" in line
    summary = _run(tmp_path / "asked", capsys, "--exports", "all")  # asked for: written whatever the size
    assert _exports_in(tmp_path / "asked") == (EXPORTS, EXPORTS) and "exports:" not in summary


@pytest.mark.parametrize("given, named", [("gexf,xml", "'xml'"), ("GEXF,", "an empty format"),
                                          ("none,json", "'none' stands alone")])
def test_an_unknown_format_is_named_with_the_valid_ones(given, named, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["run", "--corpus", str(ROOT / "seeds"), "--out", str(tmp_path / "x"), "--exports", given])
    err = capsys.readouterr().err
    assert exc.value.code == 2 and "--exports" in err and named in err and "Traceback" not in err
    if "stands alone" not in named:
        assert "expected gexf, graphml or json (comma-separated), all or none" in err
    assert not (tmp_path / "x").exists()  # refused before any work


def test_parse_and_default():
    assert parse_exports(" json , gexf,json") == ("gexf", "json")
    assert parse_exports("NONE") == () and parse_exports("all") == EXPORT_FORMATS
    limit = export_choice.DEFAULT_EXPORT_EDGE_LIMIT
    assert default_exports(limit) == EXPORT_FORMATS and default_exports(limit + 1) == ()


def test_help_shows_the_option_and_an_example():
    r = subprocess.run([sys.executable, "-m", "actors.cli", "run", "--help"], capture_output=True, text=True,
                       cwd=ROOT)
    assert r.returncode == 0 and "--exports FORMATS" in r.stdout and "  actors run --exports none" in r.stdout
    assert f"{export_choice.DEFAULT_EXPORT_EDGE_LIMIT:,} edges" in " ".join(r.stdout.split())

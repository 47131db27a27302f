"""The output set: one staging folder, a manifest written last, stale files removed, a lock per folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from actors.cli import main
from actors.errors import OutputLockedError
from actors.output import write_all
from actors.output_set import (LOCK_FILE, MANIFEST, check_output_set, lock_output, read_manifest,
                               remove_dead_staging, write_output_set)

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "seeds" / "002_9e1eb2eb3567d046.txt"  # JNIM, Mali, Wagner, al-Qaeda: a run of about a second


def _writers(out: Path, files: dict[str, str]) -> dict:
    return {out / name: (lambda p, text=text: p.write_text(text, encoding="utf-8")) for name, text in files.items()}


def _staging(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir() if p.name.startswith(".staging-"))


def test_manifest_lists_every_file_with_size_and_sha256_and_is_deterministic(tmp_path):
    files = {"b.csv": "x\n1\n", "a.html": "<p>a</p>", "figures/f.svg": "<svg/>"}
    write_output_set(_writers(tmp_path / "one", files), tmp_path / "one")
    write_output_set(_writers(tmp_path / "two", dict(reversed(files.items()))), tmp_path / "two")
    data = (tmp_path / "one" / MANIFEST).read_bytes()
    assert data == (tmp_path / "two" / MANIFEST).read_bytes()  # sorted, no timestamps
    doc = json.loads(data)
    assert doc["complete"] is True and "stale" not in doc
    assert [f["name"] for f in doc["files"]] == ["a.html", "b.csv", "figures/f.svg"]
    import hashlib
    for f in doc["files"]:
        raw = (tmp_path / "one" / f["name"]).read_bytes()
        assert (f["size"], f["sha256"]) == (len(raw), hashlib.sha256(raw).hexdigest())
    assert check_output_set(tmp_path / "one") == [] and read_manifest(tmp_path / "one") == doc
    assert not _staging(tmp_path / "one")


def test_check_output_set_names_what_is_wrong(tmp_path):
    assert check_output_set(tmp_path) == [f"{tmp_path}: no manifest.json: not a complete output set"]
    write_output_set(_writers(tmp_path, {"a.csv": "a", "b.csv": "b", "c.csv": "c"}), tmp_path)
    (tmp_path / "a.csv").unlink()
    (tmp_path / "b.csv").write_text("bigger")
    (tmp_path / "c.csv").write_text("C")  # same size, other bytes
    assert check_output_set(tmp_path) == ["a.csv: missing", "b.csv: 6 bytes, the manifest says 1",
                                          "c.csv: its sha256 differs from the manifest's"]
    (tmp_path / MANIFEST).write_text("{not json")
    assert check_output_set(tmp_path)[0].startswith(f"{tmp_path / MANIFEST}: not a manifest")


def test_everything_is_staged_in_one_folder_inside_the_output_folder(tmp_path):
    seen = []

    def spy(path: Path) -> None:
        seen.append(path)
        path.write_text("x")

    out = tmp_path / "out"
    write_all({out / "a.csv": spy, out / "figures" / "b.png": spy, out / "c.html": spy})
    staging = {p.relative_to(out).parts[0] for p in seen}
    assert len(staging) == 1 and next(iter(staging)).startswith(f".staging-{os.getpid()}-")
    assert [p.relative_to(out).parts[1:] for p in seen] == [("a.csv",), ("figures", "b.png"), ("c.html",)]
    assert sorted(p.name for p in out.rglob("*")) == ["a.csv", "b.png", "c.html", "figures"]  # nothing else left


@pytest.mark.parametrize("error", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_a_failed_or_interrupted_run_replaces_nothing_and_leaves_no_staging(tmp_path, error):
    write_output_set(_writers(tmp_path, {"a.csv": "old a", "b.csv": "old b"}), tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def fail(path: Path) -> None:
        raise error

    writers = _writers(tmp_path, {"a.csv": "new a"})
    writers[tmp_path / "b.csv"] = fail
    with pytest.raises(type(error)):
        write_output_set(writers, tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before
    assert check_output_set(tmp_path) == []


def test_stale_outputs_of_the_previous_set_are_removed_and_nothing_else(tmp_path):
    out = tmp_path / "out"
    write_output_set(_writers(out, {"graph.html": "g", "al_qaeda.html": "aq", "figures/pair_a_b.png": "p"}), out)
    (out / "my_notes.txt").write_text("mine")  # the user's own files: listed by no manifest
    (out / "figures" / "mine.png").write_text("mine")
    (tmp_path / "outside.txt").write_text("keep")
    (tmp_path / "abs.txt").write_text("keep")
    write_output_set(_writers(out, {"graph.html": "g2", "jnim.html": "j"}), out)
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == [
        LOCK_FILE, "figures/mine.png", "graph.html", "jnim.html", MANIFEST, "my_notes.txt"]
    # a manifest naming paths outside the folder (or odd ones) is never followed
    doc = read_manifest(out)
    doc["files"] += [{"name": n, "size": 1, "sha256": ""} for n in ("../outside.txt", str(tmp_path / "abs.txt"), "./graph.html",
                                                                   ".staging-1-x/a", MANIFEST)]
    (out / MANIFEST).write_text(json.dumps(doc))
    write_output_set(_writers(out, {"graph.html": "g3"}), out)
    assert (tmp_path / "outside.txt").read_text() == "keep" and (tmp_path / "abs.txt").read_text() == "keep"
    assert not (out / "jnim.html").exists() and (out / "my_notes.txt").exists()
    assert check_output_set(out) == []


def test_an_incomplete_manifest_is_reported_and_the_next_run_removes_its_stale_files_too(tmp_path):
    write_output_set(_writers(tmp_path, {"a.csv": "a", "old.html": "o"}), tmp_path)
    doc = read_manifest(tmp_path)
    # as a run leaves it when killed between its renames: "complete": false, the previous set's files as stale
    doc.update(complete=False, files=[f for f in doc["files"] if f["name"] == "a.csv"], stale=["old.html"])
    (tmp_path / MANIFEST).write_text(json.dumps(doc))
    assert check_output_set(tmp_path) == [
        "manifest.json: incomplete: the run that wrote it was stopped while moving its files in"]
    write_output_set(_writers(tmp_path, {"a.csv": "a"}), tmp_path)
    assert not (tmp_path / "old.html").exists() and check_output_set(tmp_path) == []


def test_staging_folders_of_dead_runs_are_removed_live_ones_kept(tmp_path):
    dead = tmp_path / ".staging-4194305-abc_1"  # above Linux's largest pid: no such process
    dead.mkdir()
    (dead / "edges.csv").write_text("half")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    unlocked = tmp_path / f".staging-{gone.pid}-x"  # its pid may be reused; its lock is held by nobody
    unlocked.mkdir()
    (unlocked / ".lock").write_text("")
    alive = tmp_path / ".staging-1-held"
    alive.mkdir()
    (alive / ".lock").write_text("")
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import fcntl, os, sys, time
        fd = os.open({str(alive / '.lock')!r}, os.O_RDWR)
        fcntl.flock(fd, fcntl.LOCK_EX)
        print("locked", flush=True)
        time.sleep(60)
        """)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        (tmp_path / ".staging-notes").mkdir()  # not a staging name: the user's
        os.symlink(tmp_path / "elsewhere", tmp_path / ".staging-4194305-link")
        removed = remove_dead_staging(tmp_path)
        assert sorted(p.name for p in removed) == sorted([dead.name, unlocked.name])
        assert alive.exists() and (tmp_path / ".staging-notes").exists()
    finally:
        holder.kill()
        holder.wait()
    assert [p.name for p in remove_dead_staging(tmp_path)] == [alive.name]  # its run is gone now


def test_the_next_run_removes_old_temporary_files_of_its_own_outputs(tmp_path):
    (tmp_path / ".edges.csv.k3j_x9a2.tmp").write_text("left by a killed run of an earlier version")
    (tmp_path / ".notes.txt.abcdefgh.tmp").write_text("not an output's")
    write_output_set(_writers(tmp_path, {"edges.csv": "e"}), tmp_path)
    assert not (tmp_path / ".edges.csv.k3j_x9a2.tmp").exists() and (tmp_path / ".notes.txt.abcdefgh.tmp").exists()


def test_targets_must_be_inside_the_output_folder(tmp_path):
    with pytest.raises(ValueError, match="not a file inside the output folder"):
        write_output_set(_writers(tmp_path, {"../x.csv": "x"}), tmp_path / "out")
    with pytest.raises(ValueError):
        write_output_set(_writers(tmp_path, {MANIFEST: "x"}), tmp_path)


_HOLD = """
import sys, time
from actors.output_set import lock_output
with lock_output(sys.argv[1]):
    print("locked", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_the_lock_refuses_a_second_holder_at_once_naming_the_folder_and_pid(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(tmp_path), "60"], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "locked\n"
        t0 = time.monotonic()
        with pytest.raises(OutputLockedError) as info:
            with lock_output(tmp_path):
                pass
        assert time.monotonic() - t0 < 1  # no waiting
        assert info.value.pid == holder.pid and info.value.folder == str(tmp_path)
        assert f"{tmp_path}: another actors run (pid {holder.pid}) is writing to this folder" in str(info.value)
        with pytest.raises(OutputLockedError):
            write_output_set(_writers(tmp_path, {"a.csv": "a"}), tmp_path)
        assert not (tmp_path / "a.csv").exists() and not _staging(tmp_path)
    finally:
        holder.kill()
        holder.wait()
    with lock_output(tmp_path):  # released with its holder's death
        with lock_output(tmp_path):  # and taken again by the process that holds it: a no-op
            write_output_set(_writers(tmp_path, {"a.csv": "a"}), tmp_path)
    assert check_output_set(tmp_path) == []


def _holder(out: Path) -> int | None:
    try:
        text = (out / LOCK_FILE).read_text()
    except FileNotFoundError:
        return None
    return int(text) if text.strip().isdigit() else None


def test_two_runs_on_one_folder_the_second_refuses_with_a_message(tmp_path, capsys):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL, corpus)
    out = tmp_path / "out"
    out.mkdir()
    (out / "mine.txt").write_text("a user's file")
    first = subprocess.Popen([sys.executable, "-m", "actors.cli", "run", "--corpus", str(corpus), "--out", str(out),
                              "-q", "--figure-workers", "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while _holder(out) != first.pid:
            assert time.monotonic() < deadline and first.poll() is None, "the first run never took the lock"
            time.sleep(0.005)
        assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q"]) == 1
        err = capsys.readouterr().err
        assert f"actors: {out}: another actors run (pid {first.pid}) is writing to this folder; wait for it to " \
               "finish, or give another --out" in err
        assert "Traceback" not in err
        assert first.poll() is None  # the second stopped while the first was still working
    finally:
        _, first_err = first.communicate(timeout=60)
    assert first.returncode == 0, first_err
    assert check_output_set(out) == [] and (out / "mine.txt").read_text() == "a user's file"
    assert not _staging(out)


def test_the_cli_writes_a_manifest_and_a_rerun_with_other_options_removes_stale_pages(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SMALL, corpus)
    out = tmp_path / "out"
    args = ["run", "--corpus", str(corpus), "--out", str(out), "-q", "--figure-workers", "0"]
    assert main([*args, "--coalition", "al-qaeda", "--pair", "jnim", "wagner"]) == 0
    assert (out / "al_qaeda.html").exists() and (out / "figures" / "pair_jnim_wagner.png").exists()
    assert check_output_set(out) == []
    assert main(args) == 0
    assert not (out / "al_qaeda.html").exists() and not (out / "figures" / "pair_jnim_wagner.png").exists()
    assert (out / "jnim.html").exists() and check_output_set(out) == []
    listed = {f["name"] for f in read_manifest(out)["files"]}
    on_disk = {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    assert on_disk == listed | {MANIFEST, LOCK_FILE}

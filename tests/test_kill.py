"""Kill test: runs killed at random moments (SIGKILL and SIGTERM), then the next run, never a broken set.

Twenty runs of ``actors run`` on a one-document corpus (about a second each)
are killed at a moment drawn by a seeded random generator, uniformly over the
run's whole length, with SIGKILL (sent to the process group: the run and its
figure workers) or SIGTERM (sent to the run alone, as ``kill PID`` does).
The runs alternate between two option sets, so each has files the previous
set lacks (``al_qaeda.html``, a pair page and its figures).

What is checked, honestly:

* Between a kill and the next run, the folder holds either the previous set,
  whole per its manifest, or the killed run's own set, whole (the kill came
  after the switch), or a set that :func:`check_output_set` reports as
  *incomplete* (its manifest says ``"complete": false``): that is what a kill
  within the renames of the switch leaves, since a POSIX file system renames
  one file at a time. It is never a mixed set that passes the check. A random
  moment rarely falls in those few milliseconds, so
  :func:`test_a_kill_within_the_renames_is_detected_and_repaired` kills a run
  there on purpose.
* After SIGTERM: exit code 143, no staging folder, no temporary file, and no
  traceback (the figure workers' included).
* After the next run: no staging folder or temporary file, and a whole set
  that matches its manifest, byte for byte the set a clean run with the same
  options writes (manifest included), with none of the other set's files left.

``ACTORS_KILLS`` sets the number of kills (default 20).
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from actors.cli import main
from actors.output_set import LOCK_FILE, MANIFEST, check_output_set, read_manifest

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "seeds" / "002_9e1eb2eb3567d046.txt"  # JNIM, Mali, Wagner, al-Qaeda
OPTIONS = ([], ["--coalition", "al-qaeda", "--pair", "jnim", "wagner"])
KILLS = int(os.environ.get("ACTORS_KILLS", "20"))


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """The corpus, and for each option set the manifest a clean run writes."""
    tmp = tmp_path_factory.mktemp("kill")
    corpus = tmp / "corpus"
    corpus.mkdir()
    shutil.copy(DOC, corpus)
    manifests = []
    for i, opts in enumerate(OPTIONS):
        out = tmp / f"ref{i}"
        assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q", "--figure-workers", "0", *opts]) == 0
        manifests.append((out / MANIFEST).read_bytes())
    assert manifests[0] != manifests[1]
    return corpus, manifests


def _command(corpus: Path, out: Path, opts: list[str], workers: int) -> list[str]:
    return [sys.executable, "-m", "actors.cli", "run", "--corpus", str(corpus), "--out", str(out), "-q",
            "--figure-workers", str(workers), *opts]


def _leftovers(out: Path) -> list[str]:
    """Staging folders and temporary files anywhere in the output folder."""
    return sorted(str(p.relative_to(out)) for p in out.rglob("*")
                  if p.name.startswith(".staging-") or p.name.endswith(".tmp") or p.name == ".manifest.json")


def _state(out: Path, manifests: list[bytes], previous: int, killed: int) -> str:
    problems = check_output_set(out)
    if problems:
        assert any("incomplete" in p for p in problems), problems  # detectably incomplete, nothing else
        return "incomplete (killed within the renames)"
    data = (out / MANIFEST).read_bytes()
    if data == manifests[previous]:
        return "previous set whole"
    assert data == manifests[killed]
    return "killed run's set whole (kill after its switch)"


def _whole(out: Path, manifest: bytes) -> None:
    assert check_output_set(out) == [] and (out / MANIFEST).read_bytes() == manifest
    assert _leftovers(out) == []
    listed = {f["name"] for f in read_manifest(out)["files"]}
    assert {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()} == listed | {MANIFEST, LOCK_FILE}


def test_random_kills_leave_the_previous_set_or_a_detectably_incomplete_one(world, tmp_path):
    corpus, manifests = world
    out = tmp_path / "out"
    t0 = time.monotonic()
    first = subprocess.run(_command(corpus, out, list(OPTIONS[0]), 0), capture_output=True, text=True)
    length = time.monotonic() - t0
    assert first.returncode == 0, first.stderr
    _whole(out, manifests[0])
    rng = random.Random(17)
    outcomes: Counter = Counter()
    previous = 0
    for i in range(KILLS):
        killed = 1 - previous
        sig = signal.SIGKILL if i % 2 else signal.SIGTERM
        workers = rng.choice((0, 2))
        delay = rng.uniform(0, 1.1 * length)
        proc = subprocess.Popen(_command(corpus, out, list(OPTIONS[killed]), workers), stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)
        time.sleep(delay)
        try:
            if sig == signal.SIGKILL:
                os.killpg(proc.pid, sig)  # the run and its figure workers
            else:
                proc.send_signal(sig)  # the run alone, as `kill PID` does
        except ProcessLookupError:
            pass
        _, err = proc.communicate(timeout=60)
        try:  # nothing of the group may outlive the test
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        code = proc.returncode
        if sig == signal.SIGTERM:
            assert "Traceback" not in err and "Error" not in err, err
            assert code in (0, 143, -signal.SIGTERM), (code, err)  # -15: killed while Python was starting
            if code != 0:
                assert _leftovers(out) == []  # SIGTERM cleans up like Ctrl-C
        state = "run had finished" if code == 0 else _state(out, manifests, previous, killed)
        if code == 0:
            _whole(out, manifests[killed])
        outcomes[(signal.Signals(sig).name, state)] += 1
        # the next run, to completion, with the killed run's options
        assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q", "--figure-workers", "0",
                     *OPTIONS[killed]]) == 0
        _whole(out, manifests[killed])
        previous = killed
    print("kill outcomes:", dict(outcomes))
    assert sum(outcomes.values()) == KILLS
    assert sum(n for (_, state), n in outcomes.items() if state != "run had finished") >= KILLS // 2


_KILL_AT_RENAME = """
import os, signal, sys
real = os.replace
count = [0]

def replace(src, dst):
    count[0] += 1
    if count[0] == int(sys.argv[1]):  # the first replace is the manifest saying "complete": false
        os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst)

os.replace = replace
from actors.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.mark.parametrize("at", [2, 12])
def test_a_kill_within_the_renames_is_detected_and_repaired(world, tmp_path, at):
    corpus, manifests = world
    out = tmp_path / "out"
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q", "--figure-workers", "0"]) == 0
    proc = subprocess.run([sys.executable, "-c", _KILL_AT_RENAME, str(at), "run", "--corpus", str(corpus),
                           "--out", str(out), "-q", "--figure-workers", "0", *OPTIONS[1]], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    problems = check_output_set(out)
    assert problems[0] == "manifest.json: incomplete: the run that wrote it was stopped while moving its files in"
    assert len(problems) > 1  # and files that differ from what it lists: a mixed set, reported as such
    assert read_manifest(out)["stale"] == ["figures/coalition_jnim.png", "figures/coalition_jnim.svg", "jnim.html"]
    assert main(["run", "--corpus", str(corpus), "--out", str(out), "-q", "--figure-workers", "0"]) == 0
    _whole(out, manifests[0])  # the killed run's staging folder, and its al_qaeda.html, are gone

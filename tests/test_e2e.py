"""End to end: clone the repository, run the README's commands in the clone, check what a user gets.

The commands are read from the README itself (the first ``sh`` block of "Two
commands", which makes the clone's own ``.venv`` and installs into it, and the
``actors ...`` lines of "More commands", run with that environment activated), so
a README that drifts from the tool fails here. The install is offline (no index,
no build isolation, no dependency resolution; this environment's packages on
PYTHONPATH): the test checks the repository, not the network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _blocks(section: str) -> list[str]:
    text = README.read_text(encoding="utf-8")
    start = text.index(section)
    nxt = re.search(r"^##+ ", text[start + len(section):], flags=re.M)
    body = text[start: start + len(section) + (nxt.start() if nxt else len(text))]
    return re.findall(r"```sh\n(.*?)```", body, flags=re.S)


def test_readme_commands_are_where_the_test_reads_them() -> None:
    first, second = (b.strip() for b in _blocks("## Two commands")[:2])
    assert first == "python3 -m venv .venv && .venv/bin/pip install -e . && .venv/bin/actors run"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert second.replace("pip install -e", "pip install --quiet -e") in ci  # CI runs the README's test command
    more = [line.split("#")[0].strip() for line in _blocks("### More commands")[0].splitlines()]
    assert {line.split()[1] for line in more if line} == {"run", "pair", "actor", "export"}
    assert (ROOT / "docs" / "snapshots.png").stat().st_size > 10_000  # the README's picture
    assert "](docs/snapshots.png)" in README.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def clone(tmp_path_factory):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        if os.environ.get("CI"):
            pytest.fail("CI must run from a git clone with git installed: the end-to-end test clones it")
        pytest.skip("not a git checkout")
    base = tmp_path_factory.mktemp("e2e")
    dest = base / "actors"
    subprocess.run(["git", "clone", "--quiet", str(ROOT), str(dest)], check=True)
    # The README's command makes the clone's own .venv and installs into it. Offline here (no
    # index, no build isolation, no dependency resolution): this environment's packages are on
    # PYTHONPATH, so the build finds its setuptools and the tool its dependencies; the clone's
    # own code still comes from the editable install in .venv.
    outer = [p for p in (*site.getsitepackages(), site.getusersitepackages()) if os.path.isdir(p)]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(PYTHONPATH=os.pathsep.join(outer), PIP_NO_INDEX="1", PIP_NO_BUILD_ISOLATION="0",
               PIP_NO_DEPS="1", PIP_DISABLE_PIP_VERSION_CHECK="1", PYTHONDONTWRITEBYTECODE="1")
    return dest, env


def _activated(dest: Path, env: dict) -> dict:
    """The environment with the clone's .venv activated (as `. .venv/bin/activate` does)."""
    venv = dest / ".venv"
    return {**env, "PATH": f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", "VIRTUAL_ENV": str(venv)}


def _sh(command: str, cwd: Path, env: dict) -> subprocess.CompletedProcess:
    r = subprocess.run(["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert "Traceback" not in r.stderr, r.stderr
    return r


def test_readme_first_command_in_a_fresh_clone(clone) -> None:
    dest, env = clone
    r = _sh(_blocks("## Two commands")[0].strip(), dest, env)
    assert r.returncode == 0, r.stdout + r.stderr
    # It ran the clone's code, installed in the clone's own virtual environment.
    where = _sh(".venv/bin/python -c 'import actors, sys; print(actors.__file__, sys.prefix)'", dest, env).stdout
    assert str(dest / "actors") in where and str(dest / ".venv") in where
    out = dest / "output"
    for name in ("edges.csv", "events.parquet", "curation.csv", "report.md", "shifts.csv", "graph.gexf",
                 "graph.html", "jnim.html", "mnla_ansar_dine.html", "figures/snapshots.png",
                 "figures/pair_mnla_ansar-dine.svg"):
        assert (out / name).stat().st_size > 0, name
    assert "curation: 6 override(s) applied" in r.stdout
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "## Curation" in report and "### Ansar Dine – MNLA: allied → fighting" in report
    # The page works offline: nothing is loaded from the network.
    page = (out / "graph.html").read_text(encoding="utf-8")
    assert not re.search(r"(src|href)=[\"']https?:", page)


def test_readme_more_commands_in_the_clone(clone) -> None:
    dest, env = clone
    env = _activated(dest, env)
    lines = [line.split("  #")[0].strip() for line in _blocks("### More commands")[0].splitlines()]
    ran = 0
    for command in lines:
        if not command or "~/" in command:  # a folder of the reader's own
            continue
        r = _sh(command, dest, env)
        assert r.returncode == 0, (command, r.stderr)
        ran += 1
        if command.startswith("actors pair"):
            assert "fighting by 2012-06-08" in r.stdout
            assert "By the night of 8 June, MNLA and Ansar Dine rebels clashed" in r.stdout
        elif command.startswith("actors actor"):
            assert "Movement for Oneness and Jihad in West Africa" in r.stdout and "split from AQIM" in r.stdout
        elif command.startswith("actors export"):
            path = dest / command.split("--out")[1].split()[0]
            root = ET.parse(path).getroot()
            assert root.tag.endswith("gexf")
    assert ran == 3
    # --out - writes the export to standard output.
    r = _sh("actors export --format json --out -", dest, env)
    data = json.loads(r.stdout)
    assert data and r.returncode == 0


def test_unknown_actor_in_the_clone_is_a_clean_error(clone) -> None:
    dest, env = clone
    env = _activated(dest, env)
    r = _sh("actors pair MNLA 'Ansar Dyne'", dest, env)
    assert r.returncode == 2 and "did you mean 'Ansar Dine'?" in r.stderr

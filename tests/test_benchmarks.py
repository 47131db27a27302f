"""Every benchmark in ``benchmarks/`` runs, at a small size, so none can rot unnoticed.

The full-size figures are for the notes (each script's docstring gives its
target and how to run it); here each script only has to run to the end on a
few seconds' worth of data and print the line that states its target.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"

#: The spaCy peer's own environment (benchmarks/peer_speed.py), when this machine has one: never a
#: dependency of the project; without it the benchmark runs our side alone and says the peer was skipped.
PEER_PYTHON = Path("/tmp/spacyvenv/bin/python")
PEER = ["--peer-python", str(PEER_PYTHON)] if PEER_PYTHON.exists() else []

#: script -> (small-size arguments, a line its output must contain)
SMALL = {
    "acled_realism.py": ([str(ROOT / "tests" / "fixtures" / "events" / "acled_classic.csv")], "target >= 98 %"),
    "evaluate.py": (["--sets", "seeds,real-dev"], "target: held-out F1 >= 0.60"),
    "explorer_interaction.py": (["--seeds-copies", "1", "--runs", "1"], "target: each under 1000 ms"),
    "extract_speed.py": (["--repeat", "2"], "target <= 0.2 s"),
    "graph_scale.py": (["--edges", "3000", "--actors", "60", "--years", "4", "--exports", "--detail"],
                       "target <= 20 s"),
    "peer_speed.py": (["--copies", "1", "--repeat", "1", *PEER], "target: 2 workers >= 2"),
    "label_placement.py": (["--copies", "3", "--placer", "ours"], "target: no label-label or label-node overlap"),
    "render_speed.py": (["--actors", "40", "--edges", "200", "--runs", "1"], "target: first render <= 3 s"),
    "import_speed.py": (["--rows", "2000"], "target 100,000 in <= 5 s"),
    "resolve_speed.py": (["--copies", "20", "--dense", "2000"], "target < 10 %"),
    "run_speed.py": (["--repeat", "1"], "target ≤ 2 ×"),
    "scale_run.py": (["--copies", "1,2", "--stages", "--where"], "target <= 1.5 x"),
    "workers_speed.py": (["--copies", "3", "--small", "1", "--repeat", "1"], "target: 2 workers >= 1.6"),
    "window_speed.py": (["--edges", "3000", "--actors", "60", "--years", "4"], "window() (target <= 0.5 s)"),
}


def test_every_benchmark_is_listed():
    assert sorted(p.name for p in BENCHMARKS.glob("*.py")) == sorted(SMALL)


@pytest.mark.parametrize("script", sorted(SMALL))
def test_benchmark_runs_small(script, tmp_path):
    if script in ("render_speed.py", "explorer_interaction.py") and not (shutil.which("chromium") and shutil.which("chromedriver")):
        pytest.skip("needs Debian's chromium and chromium-driver")
    args, expected = SMALL[script]
    done = subprocess.run([sys.executable, str(BENCHMARKS / script), *args], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    assert expected in done.stdout, done.stdout[-3000:]

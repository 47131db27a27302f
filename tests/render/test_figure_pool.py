"""The figure workers: same files as drawing in-process, whatever happens to the workers."""

from __future__ import annotations

import dataclasses
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from actors.analysis.analyses import analyse
from actors.corpus import load_corpus
from actors.render.figure_pool import _COST, FigurePool, _share, _usable_cores
from actors.render.figures import _specs
from actors.render.layout import positions
from actors.analysis.pairs import FOCUS_PAIR
from actors.output import write_all

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PAIRS = [FOCUS_PAIR, ("ansar-dine", "mojwa")]

two_cores = pytest.mark.skipif(_usable_cores() < 2, reason="the pool draws in-process on a single core")


@pytest.fixture(scope="module")
def seeds():
    corpus = load_corpus(SEEDS)
    A = analyse(corpus.graph)
    return A, positions(corpus.graph)


def _files(pool: FigurePool, seeds, out: Path) -> dict[str, bytes]:
    A, pos = seeds
    written = write_all(pool.figure_writers(A, out, pairs=PAIRS, pos=pos))
    return {p.name: p.read_bytes() for p in written}


@pytest.fixture(scope="module")
def reference(seeds, tmp_path_factory) -> dict[str, bytes]:
    with FigurePool(workers=0) as pool:
        return _files(pool, seeds, tmp_path_factory.mktemp("in_process"))


def test_in_process_draws_every_figure(reference):
    assert sorted(reference) == sorted(f"{n}.{x}" for n in ("snapshots", "pair_mnla_ansar-dine",
                                                              "pair_ansar-dine_mojwa", "coalition_jnim",
                                                              "genealogy", "balance") for x in ("png", "svg"))
    assert all(b for b in reference.values())


@two_cores
@pytest.mark.parametrize("workers", [1, 2])
def test_workers_give_the_same_bytes(seeds, reference, tmp_path, workers):
    with FigurePool(workers=workers) as pool:
        assert pool._proc is not None
        files = _files(pool, seeds, tmp_path)
        assert pool.fallback is None
    assert files == reference


@two_cores
def test_a_worker_that_dies_leaves_the_figures_to_this_process(seeds, reference, tmp_path):
    with FigurePool(workers=2) as pool:
        A, pos = seeds
        writers = pool.figure_writers(A, tmp_path, pairs=PAIRS, pos=pos)
        pool._proc.kill()
        written = write_all(writers)
        assert "ended without an answer" in pool.fallback
    assert {p.name: p.read_bytes() for p in written} == reference


@pytest.mark.parametrize("executable, why", [("", "no Python interpreter"),
                                             ("/nonexistent/python3", "could not start a figure worker")])
def test_no_worker_means_in_process(seeds, reference, tmp_path, monkeypatch, executable, why):
    if _usable_cores() < 2:
        pytest.skip("on a single core the pool never starts a worker")
    monkeypatch.setattr(sys, "executable", executable)
    with FigurePool(workers=2) as pool:
        assert pool._proc is None and why in pool.fallback
        assert _files(pool, seeds, tmp_path) == reference


@two_cores
def test_closing_an_unused_pool_stops_the_worker():
    pool = FigurePool(workers=2)
    proc = pool._proc
    pool.close()
    assert proc.poll() is not None
    pool.close()  # twice is harmless


def test_workers_argument_is_checked():
    with pytest.raises(ValueError, match="0, 1 or 2"):
        FigurePool(workers=3)


def test_drawing_needs_neither_polars_nor_the_analyses(seeds, reference, tmp_path):
    """A worker gets plain data: it draws without importing polars (a third of its start-up)."""
    A, pos = seeds
    job = tmp_path / "specs.pickle"
    job.write_bytes(pickle.dumps(_specs(A, pairs=PAIRS, pos=pos)))
    code = ("import pickle, sys\n"
            "from actors.render.figure_pool import _render\n"
            f"specs = pickle.loads(open({str(job)!r}, 'rb').read())\n"
            "files = _render(specs, list(specs))\n"
            "assert 'polars' not in sys.modules, 'polars was imported'\n"
            "sys.stdout.buffer.write(pickle.dumps(files))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    assert pickle.loads(r.stdout) == reference


def test_share_balances_by_drawing_cost():
    names = ["snapshots", "pair_mnla_ansar-dine", "coalition_jnim", "genealogy", "balance"]
    first, second = _share(names, 2)
    assert first[0] == "snapshots" and "snapshots" not in second  # the dearest goes first, alone at the start
    assert sorted(first + second) == sorted(names)
    cost = [sum(_COST.get(n.split("_")[0], 1.0) for n in share) for share in (first, second)]
    assert abs(cost[0] - cost[1]) <= min(_COST.values())  # the seeds' five split within one pair figure
    assert sorted(_share(names, 1)[0]) == sorted(names)
    many = names + [f"pair_a{i}_b{i}" for i in range(6)]  # `actors run --pair ...` six times
    shares = _share(many, 2)
    assert sorted(shares[0] + shares[1]) == sorted(many)  # every figure once
    cost = [sum(_COST.get(n.split("_")[0], 1.0) for n in share) for share in shares]
    assert abs(cost[0] - cost[1]) <= max(_COST.values())  # no better split is possible by more than one figure


@two_cores
def test_a_job_that_cannot_be_pickled_is_drawn_here(seeds, tmp_path):
    A, pos = seeds
    G = A.graph.copy()
    G.graph["note"] = lambda: None  # nothing in the pipeline does this; a user's own graph might
    A2 = dataclasses.replace(A, graph=G)
    with FigurePool(workers=2) as pool:
        written = write_all(pool.figure_writers(A2, tmp_path, pairs=[FOCUS_PAIR], pos=pos))
        assert "cannot be sent to a worker" in pool.fallback
    assert len(written) == 10


def test_cli_figure_workers_give_the_same_files(tmp_path):
    from actors.cli import main

    assert main(["run", "-q", "--corpus", str(SEEDS), "--out", str(tmp_path / "a")]) == 0
    assert main(["run", "-q", "--corpus", str(SEEDS), "--figure-workers", "0", "--out", str(tmp_path / "b")]) == 0
    a = {p.name: p.read_bytes() for p in (tmp_path / "a" / "figures").iterdir()}
    b = {p.name: p.read_bytes() for p in (tmp_path / "b" / "figures").iterdir()}
    assert a == b and len(a) == 10
    with pytest.raises(SystemExit) as exc:
        main(["run", "--figure-workers", "3"])
    assert exc.value.code == 2

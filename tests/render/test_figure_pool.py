"""The figure workers: same files as drawing in-process, whatever happens to the workers."""

from __future__ import annotations

import dataclasses
import multiprocessing
import multiprocessing.spawn
import os
import pickle
import subprocess
import sys
import time
from pathlib import Path

import pytest

from actors.analysis.analyses import analyse
from actors.corpus import load_corpus
from actors.render import figure_pool
from actors.render.figure_pool import _PRELOAD, FigurePool, _usable_cores
from actors.render.figures.writers import _specs
from actors.render.layout import positions
from actors.analysis.pairs import FOCUS_PAIR
from actors.output import write_all

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
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
        assert pool._executor is not None
        files = _files(pool, seeds, tmp_path)
        assert pool.fallback is None
        assert len(multiprocessing.active_children()) == workers
    assert files == reference
    assert multiprocessing.active_children() == []  # leaving the pool shut the workers down


@two_cores
def test_workers_that_die_leave_the_figures_to_this_process(seeds, reference, tmp_path):
    with FigurePool(workers=2) as pool:
        A, pos = seeds
        writers = pool.figure_writers(A, tmp_path, pairs=PAIRS, pos=pos)
        for worker in multiprocessing.active_children():  # while they draw
            worker.kill()
        t = time.perf_counter()
        written = write_all(writers)
        assert "ended without an answer" in pool.fallback
    assert time.perf_counter() - t < 60  # no writer waits for a worker that is gone
    assert {p.name: p.read_bytes() for p in written} == reference


@two_cores
def test_a_worker_pool_broken_before_the_job_draws_here(seeds, reference, tmp_path):
    with FigurePool(workers=1) as pool:
        pool._starter.join()
        pool._executor.submit(os._exit, 1)  # the worker dies before the figures are sent
        while multiprocessing.active_children():
            time.sleep(0.01)
        assert _files(pool, seeds, tmp_path) == reference
        assert "ended without an answer" in pool.fallback


def test_no_context_means_in_process(seeds, reference, tmp_path, monkeypatch):
    if _usable_cores() < 2:
        pytest.skip("on a single core the pool never starts a worker")

    def no_context():
        raise OSError("no interpreter to start it with")

    monkeypatch.setattr(figure_pool, "_context", no_context)
    with FigurePool(workers=2) as pool:
        assert pool._executor is None and "could not start a figure worker" in pool.fallback
        assert _files(pool, seeds, tmp_path) == reference


@two_cores
def test_a_worker_that_cannot_start_means_in_process(seeds, reference, tmp_path, monkeypatch):
    monkeypatch.setattr(figure_pool, "_context", lambda: multiprocessing.get_context("spawn"))
    monkeypatch.setattr(multiprocessing.spawn, "_python_exe", "/nonexistent/python3")
    with FigurePool(workers=2) as pool:
        files = _files(pool, seeds, tmp_path)
        assert "could not start a figure worker" in pool.fallback
    assert files == reference


@two_cores
def test_closing_an_unused_pool_stops_the_workers():
    t = time.perf_counter()
    pool = FigurePool(workers=2)
    pool.close()
    assert multiprocessing.active_children() == []
    pool.close()  # twice is harmless
    assert time.perf_counter() - t < 60


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
            "files = {}\n"
            "for name, spec in specs.items():\n"
            "    files.update(_render(name, spec))\n"
            "assert 'polars' not in sys.modules, 'polars was imported'\n"
            "sys.stdout.buffer.write(pickle.dumps(files))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    assert pickle.loads(r.stdout) == reference


def test_the_forkserver_preloads_no_polars():
    code = f"import sys\nfor m in {_PRELOAD!r}: __import__(m)\nassert 'polars' not in sys.modules, 'polars'\n"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


@two_cores
def test_a_job_that_cannot_be_pickled_is_drawn_here(seeds, tmp_path):
    A, pos = seeds
    G = A.graph.copy()
    G.graph["note"] = lambda: None  # nothing in the pipeline does this; a user's own graph might
    A2 = dataclasses.replace(A, graph=G)
    with FigurePool(workers=2) as pool:
        written = write_all(pool.figure_writers(A2, tmp_path, pairs=[FOCUS_PAIR], pos=pos))
        assert "the figure worker failed" in pool.fallback and "pickle" in pool.fallback
    assert len(written) == 10


def test_cli_figure_workers_give_the_same_files(tmp_path):
    """Through `actors run` as a process of its own: 0, 1 and 2 workers, the same figures, and it ends."""
    files = []
    for workers in ("2", "1", "0"):
        out = tmp_path / workers
        r = subprocess.run([sys.executable, "-m", "actors.cli", "run", "-q", "--corpus", str(SEEDS),
                            "--figure-workers", workers, "--out", str(out)], capture_output=True, text=True,
                           cwd=tmp_path, timeout=300)
        assert r.returncode == 0, r.stderr
        assert "drawn in this process instead" not in r.stderr
        files.append({p.name: p.read_bytes() for p in (out / "figures").iterdir()})
    assert files[0] == files[1] == files[2] and len(files[0]) == 10

    from actors.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["run", "--figure-workers", "3"])
    assert exc.value.code == 2


def test_a_worker_whose_caller_is_gone_ends_quietly_but_other_errors_are_printed(capsys):
    """The forkserver's hook: a worker that finds its caller's semaphore gone (the caller was killed
    while it forked) says nothing; any other error keeps its traceback."""
    import sys

    from actors.render.figure_pool import _quiet_when_the_caller_is_gone

    try:
        exec(compile("raise FileNotFoundError(2, 'No such file or directory')",
                     "/lib/python3/multiprocessing/synchronize.py", "exec"))
    except FileNotFoundError:
        _quiet_when_the_caller_is_gone(*sys.exc_info())
    assert capsys.readouterr().err == ""
    try:
        raise ValueError("a real error")
    except ValueError:
        _quiet_when_the_caller_is_gone(*sys.exc_info())
    err = capsys.readouterr().err
    assert "Traceback" in err and "ValueError: a real error" in err

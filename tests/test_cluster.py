"""Extraction on a Dask cluster (issue 19, part 4): a real local cluster, a scheduler and two worker processes,
gives the same outputs, byte for byte, as the local run.

The cluster tests need ``dask[distributed]`` (the ``cluster`` extra, in the ``test`` extra too) and are
skipped without it; the messages for a missing Dask or an unreachable scheduler are tested either way.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from corpus_copies import copy_seeds

import actors.extract.cluster as cluster
from actors.cli import main
from actors.corpus import load_corpus
from actors.extract.cluster import ClusterError, extract_on_cluster
from actors.extract.parallel import extract_files
from actors.extract.pipeline import Extractor
from actors.text.reading import corpus_files

ROOT = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def copied(tmp_path_factory) -> Path:
    return copy_seeds(tmp_path_factory.mktemp("copied"), 2, latin=True)


@pytest.fixture(scope="module")
def address():
    """A real local Dask cluster: a scheduler and two worker processes of one thread each."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0",
                                  silence_logs=40) as local:
        yield local.scheduler_address


def _rows(files) -> list:
    return [(f.name, f.read_problems, f.row, f.events, f.edges, f.counts, f.problems, f.candidates, f.document)
            for f in files]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".actors.lock"}


def test_run_on_a_cluster_writes_the_same_bytes_as_the_local_run(copied, address, tmp_path):
    outs = {}
    for how, more in (("local", ["--workers", "1"]), ("cluster", ["--scheduler", address])):
        out = tmp_path / how
        assert main(["run", "--corpus", str(copied), "--out", str(out), "-q", *more]) == 0
        outs[how] = _files(out)
    assert len(outs["local"]) > 30 and outs["local"] == outs["cluster"]


def test_extract_on_a_cluster_gives_the_local_values_in_order(copied, address, monkeypatch):
    ex = Extractor.load()
    listed = corpus_files(copied)
    alone = _rows(extract_files(listed, ex, keep_documents=True))
    monkeypatch.setattr(cluster, "BATCH_BYTES", 5_000)  # many small batches, more than are under way at once
    got = _rows(extract_files(listed, ex, keep_documents=True, scheduler=address))
    assert len(got) == 12 and got == alone
    one = load_corpus(copied)
    other = load_corpus(copied, scheduler=address, keep_documents=False)
    assert other.documents == () and other.document_count == one.document_count == 11
    assert other.problems == one.problems
    for name, frame in one.frames.items():
        assert frame.equals(other.frames[name]), name


def test_nothing_to_extract_asks_no_cluster():
    assert list(extract_on_cluster([], Extractor.load(), "tcp://127.0.0.1:9")) == []


def test_an_unreachable_scheduler_is_a_message_naming_it(copied, tmp_path, monkeypatch, capsys):
    pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 0.5)
    assert main(["run", "--corpus", str(copied), "--out", str(tmp_path / "out"), "-q",
                 "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9 within 0.5 s" in err and "Traceback" not in err
    assert not (tmp_path / "out").exists()


def test_without_dask_the_message_says_what_to_install(copied, tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed: importing it fails
    with pytest.raises(ClusterError, match=r"install actors\[cluster\]"):
        list(extract_files(corpus_files(copied), Extractor.load(), scheduler="tcp://127.0.0.1:9"))
    assert main(["run", "--corpus", str(copied), "--out", str(tmp_path / "out"), "-q",
                 "--scheduler", "tcp://127.0.0.1:9"]) == 2
    assert "install actors[cluster]" in capsys.readouterr().err


def test_workers_and_scheduler_are_one_or_the_other(copied):
    with pytest.raises(SystemExit):
        main(["run", "--corpus", str(copied), "--workers", "2", "--scheduler", "tcp://127.0.0.1:9"])


def test_a_cluster_with_no_worker_is_a_message(copied, monkeypatch):
    distributed = pytest.importorskip("distributed")
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 0.5)
    with distributed.LocalCluster(n_workers=0, processes=False, dashboard_address=":0", silence_logs=40) as empty:
        with pytest.raises(ClusterError, match=f"no worker joined the Dask scheduler at {empty.scheduler_address}"):
            list(extract_files(corpus_files(copied), Extractor.load(), scheduler=empty.scheduler_address))

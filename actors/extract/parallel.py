"""A corpus folder's documents read and extracted batch by batch, on every core.

:func:`extract_files` takes the files :func:`actors.text.reading.corpus_files`
lists and yields, for each in the listing's order, what reading it and
extracting it gave (:class:`ExtractedFile`). With more than one worker the
files go in batches to a :class:`concurrent.futures.ProcessPoolExecutor`:
each worker reads a batch's files, extracts each document
(:meth:`actors.extract.pipeline.Extractor.document`, which takes nothing from
the documents before it) and sends back plain rows; a document's text and
sentences stay in the worker (unless ``keep_documents``) and are released
with its batch. Only a few batches per worker are under way at a time, and
the results are taken in the listing's order, so what a run holds at once
depends on the batch, not on the corpus, and the results are the same
values, in the same order, with 1, 2 or N workers (tested: the outputs of
``actors run`` are the same bytes).

On Linux the workers are forked, each with the caller's :class:`Extractor`
as it is; elsewhere they come from a "forkserver" where the platform has one,
else "spawn", and each gets the extractor once, pickled, when it starts. A
corpus smaller than :data:`POOL_MIN_BYTES` is extracted in the calling
process: below it the pool's start-up and its workers' 5-10 % more CPU are
not won back (measured on a shared 2-core machine). Should the pool fail to
start or a worker die, the batches not yet back are extracted in the calling
process, where a real error
then raises with its own traceback: nothing goes missing.

What the pool itself costs, measured on a shared 2-core machine: the rows sent back for the seeds x20
(1.3 MB of text, 2 CPU-seconds of extraction) pickle in 0.04 s and unpickle in 0.04 s; the caller's
own work is 1 % of the workers' CPU, and the workers together take about 3 % more CPU than one
process (up to 12 % more while other work keeps the machine busy).
With both cores free, 2 workers extract the seeds x100 2.0 times as fast as one (10.1 s against
5.1 s); with other work on the machine their wall time says how many cores were free, not what the
pool costs (``benchmarks/workers_speed.py`` prints the CPU seconds beside the wall times).

>>> import tempfile, pathlib
>>> from actors.extract.pipeline import Extractor
>>> from actors.text.reading import corpus_files
>>> tmp = tempfile.TemporaryDirectory()
>>> _ = (pathlib.Path(tmp.name) / "a.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\\n")
>>> [(f.name, [e["source"] for e in f.edges]) for f in extract_files(corpus_files(tmp.name), Extractor.load())]
[('a.txt', ['mojwa'])]
>>> tmp.cleanup()
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
from collections import Counter, deque
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from actors.errors import Problem
from actors.pools import shutdown
from actors.extract.pipeline import Extractor
from actors.text.reading import CorpusFile, _read

__all__ = ["ExtractedFile", "POOL_MIN_BYTES", "extract_files", "usable_cores"]

#: A corpus of fewer bytes is extracted in the calling process: starting the workers (a process
#: each, the extraction code's imports, the extractor sent over) costs more than they save on it.
POOL_MIN_BYTES = 400_000
#: Bytes of text in one batch, at most (a batch is at least one file): small enough that every
#: worker has several, large enough that sending them costs little.
BATCH_BYTES = 256_000
#: What a forkserver started for the workers imports once, before it forks them.
_PRELOAD = ["actors.extract.parallel"]
#: Batches under way per worker: one being extracted, one waiting so no worker idles.
_AHEAD = 2


@dataclass(frozen=True)
class ExtractedFile:
    """One corpus file, read and extracted: ``read_problems`` from reading it; with a ``document``
    row (``doc``, ``title``, ``layout``, ``sentences``, as documents.csv has it) when it could be
    read, and then its events, edges, mention counts, problems and candidate organisations as
    :meth:`Extractor.document` gives them; ``document`` is the parsed document itself when asked."""

    name: str
    read_problems: tuple[Problem, ...]
    row: dict | None = None
    events: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    problems: tuple[Problem, ...] = ()
    candidates: tuple = ()
    document: Any = None


def usable_cores() -> int:
    """The processors this process may run on (a container's or taskset's limit, not the machine's).

    >>> usable_cores() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_files(files: Iterable[CorpusFile | Problem], extractor: Extractor, *, workers: int = 1,
                  keep_documents: bool = False, max_bytes: int = 50_000_000,
                  pool_min_bytes: int | None = None, scheduler: str | None = None) -> Iterator[ExtractedFile]:
    """Read and extract ``files`` (a listing's problems are skipped), yielding one :class:`ExtractedFile`
    per file in their order, the same with any number of ``workers`` (at least 1; 1 starts no process).

    ``keep_documents`` sends each parsed document back too (the notebooks look at their sentences);
    else only its rows come back. ``pool_min_bytes`` (default :data:`POOL_MIN_BYTES`): files of fewer
    bytes in all are extracted in this process. ``scheduler``, a Dask scheduler's address, extracts
    them on that cluster's workers instead (:func:`actors.extract.cluster.extract_on_cluster`; the
    same values; ``workers`` and ``pool_min_bytes`` are then not used).
    """
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers!r}")
    if scheduler is not None:
        from actors.extract.cluster import extract_on_cluster

        yield from extract_on_cluster(files, extractor, scheduler, keep_documents=keep_documents,
                                      max_bytes=max_bytes)
        return
    todo = [f for f in files if isinstance(f, CorpusFile)]
    total = sum(f.size for f in todo)
    if workers == 1 or len(todo) < 2 or total < (POOL_MIN_BYTES if pool_min_bytes is None else pool_min_bytes):
        for f in todo:
            yield _extract_one(extractor, f, max_bytes, keep_documents)
        return
    batches = _batches(todo, min(BATCH_BYTES, max(1, total // (workers * 4))))
    yield from _pooled(batches, extractor, workers, max_bytes, keep_documents)


def _batches(files: Sequence[CorpusFile], size: int) -> list[list[CorpusFile]]:
    """``files`` in runs of about ``size`` bytes, in order."""
    out: list[list[CorpusFile]] = []
    run: list[CorpusFile] = []
    got = 0
    for f in files:
        run.append(f)
        got += f.size
        if got >= size:
            out.append(run)
            run, got = [], 0
    if run:
        out.append(run)
    return out


def _pooled(batches: list[list[CorpusFile]], extractor: Extractor, workers: int, max_bytes: int,
            keep: bool) -> Iterator[ExtractedFile]:
    from concurrent.futures import ProcessPoolExecutor

    done = 0  # batches whose results were yielded
    try:
        pool = ProcessPoolExecutor(max_workers=min(workers, len(batches)), mp_context=_context(),
                                   initializer=_worker_start, initargs=(extractor, max_bytes, keep))
    except Exception:  # e.g. no interpreter to start the forkserver with: extracted here instead
        pool = None
    if pool is not None:
        stopped = False  # Ctrl-C or SIGTERM: the workers are killed, not waited for
        try:
            pending: deque = deque()
            try:
                # The workers start with the first batch. Forked, each would run this process's signal
                # handlers until it has set its own: a Ctrl-C or SIGTERM for the group waits meanwhile.
                with _signals_held():
                    for batch in batches[: workers * _AHEAD]:
                        pending.append(pool.submit(_extract_batch, batch))
                while pending:
                    results = pending.popleft().result()
                    nxt = done + len(pending) + 1
                    if nxt < len(batches):
                        pending.append(pool.submit(_extract_batch, batches[nxt]))
                    done += 1
                    yield from results
            except Exception:  # a worker died or failed: the rest is extracted here (a real error raises here)
                pass
            except KeyboardInterrupt:
                stopped = True
                raise
        finally:
            shutdown(pool, stop=stopped)  # returns even after a worker died, on Debian 12's Python too
    for batch in batches[done:]:
        for f in batch:
            yield _extract_one(extractor, f, max_bytes, keep)


_HELD = ("SIGINT", "SIGTERM")


@contextmanager
def _signals_held():
    """Ctrl-C and SIGTERM held back from this thread (and the processes forked meanwhile) until the end."""
    import signal

    held = {getattr(signal, name) for name in _HELD if hasattr(signal, name)}
    if not hasattr(signal, "pthread_sigmask") or not held:
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _context() -> multiprocessing.context.BaseContext:
    """On Linux, "fork": a worker starts at once with this process's extraction code and extractor, where a
    forkserver would first wait for its own imports (the figures' server imports matplotlib) and then each
    worker for the extraction code's (the seeds x10 extracted in 2.3-2.8 s with fork against 3.6-4.5 s from
    the figures' forkserver and 4.3-4.6 s with spawn, on a busy 2-core machine). The workers touch nothing
    the caller's other threads hold: they read files and extract. Elsewhere a forkserver (importing the
    extraction code once for all the workers) where the platform has one, else spawn."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" not in methods:
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


def _extract_one(extractor: Extractor, f: CorpusFile, max_bytes: int, keep: bool) -> ExtractedFile:
    doc, read_problems = _read(f.path, f.name, max_bytes)
    return _extracted(extractor, f.name, doc, read_problems, keep)


def _extracted(extractor: Extractor, name: str, doc, read_problems, keep: bool) -> ExtractedFile:
    """A file's :class:`ExtractedFile`, from its document (None: it could not be read) and the problems of reading it."""
    if doc is None:
        return ExtractedFile(name, tuple(read_problems))
    found: list = []
    events, edges, counts, problems = extractor.document(doc, found)
    row = {"doc": doc.name, "title": " ".join(doc.title.split()), "layout": doc.layout,
           "sentences": len(doc.sentences)}
    return ExtractedFile(doc.name, tuple(read_problems), row, events, edges, counts, tuple(problems), tuple(found),
                         doc if keep else None)


# -- the worker side ------------------------------------------------------------

_WORKER: dict[str, Any] = {}


def _worker_start(extractor: Extractor, max_bytes: int, keep: bool) -> None:  # pragma: no cover - in the workers
    """A worker's start: its extractor kept for every batch; quiet on Ctrl-C and SIGTERM, like the figures'."""
    import signal

    for sig in (signal.SIGINT, signal.SIGTERM):  # Ctrl-C and a SIGTERM reach the whole group: leave quietly,
        if signal.getsignal(sig) is not signal.SIG_IGN:  # unless the caller ignores them (a job run in the
            signal.signal(sig, signal.SIG_DFL)  # background): then the worker goes on with it
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # a caller that is gone: end on the next write, silently
    if hasattr(signal, "pthread_sigmask"):  # held back by the caller while it forked (_signals_held): now quiet
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    gc.freeze()  # what a forked worker shares with its caller is never scanned (nor its pages copied) by gc
    # Extraction's objects (tokens, mentions, rows) hold no cycles: the automatic collections that
    # their allocations trigger find nothing (2-3 % of a worker's CPU). Off; one after each batch.
    gc.disable()
    _WORKER.update(extractor=extractor, max_bytes=max_bytes, keep=keep)


def _extract_batch(batch: list[CorpusFile]) -> list[ExtractedFile]:  # pragma: no cover - in the workers
    w = _WORKER
    try:
        return [_extract_one(w["extractor"], f, w["max_bytes"], w["keep"]) for f in batch]
    finally:
        gc.collect()  # whatever cycle a batch left (none is known): freed before the next

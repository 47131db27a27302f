"""A corpus extracted on a Dask distributed cluster: ``actors run --scheduler ADDRESS``.

:func:`extract_on_cluster` does what :func:`actors.extract.parallel.extract_files` does on the local
process pool, on the workers of an existing Dask cluster (``distributed.Client(ADDRESS)``), and yields
the same :class:`~actors.extract.parallel.ExtractedFile` values in the listing's order, so the outputs
of ``actors run`` are the same bytes as the local run's (tested on a local cluster of two worker
processes, ``tests/test_cluster.py``).

What moves over the network:

* once, the extractor (the dictionary with the curation's actors, the cue words, the plausible years),
  pickled, about 0.3 MB: scattered to every worker (``Client.scatter(broadcast=True)``);
* in: each batch's files as **bytes**, read here (files of about :data:`BATCH_BYTES` in all, with their
  names and paths): the workers need not see this machine's file system, only have ``actors`` (the
  same version) installed. A file that cannot be read here is not sent; its problem comes back in place;
* back: plain rows, the :class:`ExtractedFile` of each file (its document row, events, edges, mention
  counts, problems and candidate organisations; the parsed document too only with ``keep_documents``).

Batches go to the cluster with ``Client.submit``, a few per worker thread under way at a time
(:data:`AHEAD`), and are taken back in their order: what this process holds at once depends on the
batch and the cluster's size, not on the corpus. The engine does the rest: placing the batches,
moving them, running a lost worker's batches again elsewhere. Dask is imported here only, when a
cluster is asked for; without it, or without a scheduler at the address, :class:`ClusterError` says so
(the command line turns it into a message).

>>> import tempfile, pathlib
>>> from actors.text.reading import corpus_files
>>> tmp = tempfile.TemporaryDirectory()
>>> _ = (pathlib.Path(tmp.name) / "a.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\\n")
>>> try:  # no scheduler listens there (or no Dask here): said, not hung
...     list(extract_on_cluster(corpus_files(tmp.name), Extractor.load(), "tcp://127.0.0.1:9", timeout=0.5))
... except ClusterError as exc:
...     print(str(exc).startswith(("cannot reach the Dask scheduler at tcp://127.0.0.1:9", "a Dask scheduler")))
True
>>> tmp.cleanup()
"""

from __future__ import annotations

import os
from collections import deque
from typing import Iterable, Iterator

from actors.errors import ActorsError, Problem, safe_text
from actors.extract.parallel import ExtractedFile, _batches, _extracted
from actors.extract.pipeline import Extractor
from actors.text.reading import CorpusFile, _decode, _load

__all__ = ["ClusterError", "extract_on_cluster"]

#: Bytes of text in one batch sent to a worker, at most (a batch is at least one file).
BATCH_BYTES = 256_000
#: Batches under way per worker thread: one being extracted, one on its way or waiting.
AHEAD = 2
#: Seconds to wait for the scheduler to answer, and for a first worker to join it.
CONNECT_TIMEOUT = 10.0

_INSTALL = "install actors[cluster] (pip install 'actors[cluster]')"


class ClusterError(ActorsError):
    """Dask is not installed, or the scheduler at the address cannot be reached, has no worker, or was lost."""


def extract_on_cluster(files: Iterable[CorpusFile | Problem], extractor: Extractor, scheduler: str, *,
                       keep_documents: bool = False, max_bytes: int = 50_000_000,
                       timeout: float | None = None) -> Iterator[ExtractedFile]:
    """Read ``files`` (a listing's problems are skipped) here and extract them on the workers of the Dask
    scheduler at ``scheduler`` (an address such as ``tcp://10.0.0.5:8786``), yielding one
    :class:`ExtractedFile` per file in their order: the values :func:`~actors.extract.parallel.extract_files`
    gives. ``timeout``: seconds to wait for the scheduler, and then for a first worker (default
    :data:`CONNECT_TIMEOUT`). Raises
    :class:`ClusterError` without Dask, without a scheduler or a worker there, or when the cluster is lost;
    an error of the extraction itself on a worker is raised here as it was raised there.
    """
    todo = [f for f in files if isinstance(f, CorpusFile)]
    if not todo:
        return
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    client = _connect(scheduler, timeout)
    try:
        yield from _mapped(client, scheduler, todo, extractor, keep_documents, max_bytes, timeout)
    finally:
        client.close()


def _connect(scheduler: str, timeout: float):
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClusterError(f"a Dask scheduler ({scheduler}) needs Dask distributed, which is not installed "
                           f"({exc.name or exc}): {_INSTALL}") from None
    try:
        return Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, ValueError, TypeError) as exc:  # TimeoutError is an OSError; a malformed address a ValueError
        why = "" if isinstance(exc, TimeoutError) else f" ({_reason(exc)})"
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler} within {timeout:g} s{why}: "
                           "is it running, and is the address right?") from None


def _mapped(client, scheduler: str, todo: list[CorpusFile], extractor: Extractor, keep: bool, max_bytes: int,
            timeout: float) -> Iterator[ExtractedFile]:
    from concurrent.futures import CancelledError

    from distributed import KilledWorker

    try:
        client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError):
        raise ClusterError(f"no worker joined the Dask scheduler at {scheduler} within {timeout:g} s") from None
    slots = max(1, sum(client.nthreads().values()))
    total = sum(f.size for f in todo)
    batches = _batches(todo, min(BATCH_BYTES, max(1, total // (slots * 4))))
    lost = (KilledWorker, CancelledError, OSError)  # a worker died again and again; the scheduler went away
    try:
        shared = client.scatter(extractor, broadcast=True, hash=False)
        pending: deque = deque()
        sent = 0
        while sent < len(batches) and len(pending) < slots * AHEAD:
            pending.append(_submit(client, shared, batches[sent], keep, max_bytes))
            sent += 1
        while pending:
            results = pending.popleft().result()
            if sent < len(batches):
                pending.append(_submit(client, shared, batches[sent], keep, max_bytes))
                sent += 1
            yield from results
    except ImportError as exc:  # a worker without actors (or another version of it)
        raise ClusterError(f"a worker of the Dask scheduler at {scheduler} cannot import {exc.name or 'actors'}: "
                           "install the same actors on every worker") from None
    except lost as exc:
        raise ClusterError(f"lost the Dask cluster at {scheduler} while extracting ({_reason(exc)})") from None


def _submit(client, shared, batch: list[CorpusFile], keep: bool, max_bytes: int):
    """One batch read here (bytes, or the problem of reading each file) and sent to the cluster."""
    sent = []
    for f in batch:
        data, problems = _load(f.path, max_bytes)
        sent.append((f.name, safe_text(os.fspath(f.path)), data, tuple(problems)))
    return client.submit(_extract_batch, shared, sent, keep, pure=False)


def _reason(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


def _extract_batch(extractor: Extractor, batch: list[tuple], keep: bool) -> list[ExtractedFile]:
    """On a worker: each file's bytes decoded, parsed and extracted, as the local pool does it."""
    out = []
    for name, shown, data, problems in batch:
        if data is None:
            out.append(ExtractedFile(name, problems))
            continue
        doc, read_problems = _decode(data, shown, name)
        out.append(_extracted(extractor, name, doc, read_problems, keep))
    return out

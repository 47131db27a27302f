"""Figures drawn by worker processes while the caller writes everything else.

matplotlib needs about 0.8 CPU-seconds to draw the seeds' five figures and
encode them as PNG and SVG, more than reading, extracting, analysing and
writing every other output together, and its import alone is a third of a
second. :class:`FigurePool` is a :class:`concurrent.futures.ProcessPoolExecutor`
started before the caller's own heavy imports. Where the platform has it,
its workers come from a "forkserver" that imports matplotlib and the figure
code once, on another core, while the corpus is read, and forks each worker
ready to draw. Once the analyses exist the caller submits each figure's spec
(plain data from :func:`actors.render.figures.writers._specs`: the tables are
read on the caller's side, so the workers never import polars), the dearest
first, and gets back the files' bytes, which its writers put into
:func:`actors.output.write_all`'s staged files, so the outputs are still
replaced all together.

The workers draw with :mod:`actors.render.figures`' own functions, so the bytes are
the same as those drawn in the calling process (tested). Whenever a worker
cannot be started, dies, or fails on a figure, that figure is drawn in the
calling process instead, where a real error then raises with its own
traceback; :attr:`FigurePool.fallback` says why. Nothing goes missing: the
parallel path only changes when the work is done.

A SIGTERM is the caller's to handle (``actors`` handles it like Ctrl-C: the
pool is shut down as the run unwinds). Sent to the whole process group, it
ends the workers quietly, as Ctrl-C does; and a worker whose caller was killed
ends quietly too, with no ``BrokenPipeError`` traceback.

>>> from actors.analysis.analyses import analyse
>>> import networkx as nx
>>> with FigurePool(workers=0) as pool:  # workers=0: draw in this process
...     writers = pool.figure_writers(analyse(nx.MultiDiGraph()), "out", pairs=())
>>> sorted(p.name for p in writers)[:2], pool.fallback
(['balance.png', 'balance.svg'], None)
"""

from __future__ import annotations

import gc
import io
import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, Callable, Iterable

from actors.pools import shutdown

__all__ = ["FigurePool"]

# What the forkserver imports once, before it forks the workers: this module (the workers'
# tasks), the figure code (networkx, no polars), matplotlib's figure, dates and two renderers.
# A figure drawn after these imports costs no more the first time than the next.
_PRELOAD = ["actors.render.figure_pool", "actors.render.figures.writers", "matplotlib.figure", "matplotlib.dates",
            "matplotlib.backends.backend_agg", "matplotlib.backends.backend_svg"]
# The forkserver and its workers: no thread pools (forking with threads is unsafe), one thread
# each is plenty for two workers on two cores.
_WORKER_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "POLARS_MAX_THREADS": "1",
               "ACTORS_FIGURE_SERVER": "1"}


def _quiet_when_the_caller_is_gone(kind, value, tb) -> None:
    """The forkserver's hook for a worker that fails to start: when its caller has gone (killed while
    it was forking a worker: the worker finds its semaphore or pipe already gone), it ends quietly;
    any other error is printed as usual."""
    frames, step = [], tb
    while step is not None:
        frames.append(step.tb_frame.f_code.co_filename)
        step = step.tb_next
    gone = issubclass(kind, (FileNotFoundError, EOFError, BrokenPipeError, ConnectionResetError))
    if not (gone and frames and "multiprocessing" in frames[-1]):
        sys.__excepthook__(kind, value, tb)


if os.environ.get("ACTORS_FIGURE_SERVER") == "1":  # imported by the forkserver (_PRELOAD), never by a caller
    sys.excepthook = _quiet_when_the_caller_is_gone


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # a container's or taskset's limit, not the machine's
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _context() -> multiprocessing.context.BaseContext:
    """A forkserver with the figure code preloaded where the platform has one, else spawn (each worker imports)."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    from multiprocessing import forkserver

    saved = {k: os.environ.get(k) for k in _WORKER_ENV}
    os.environ.update(_WORKER_ENV)  # the forkserver's environment only: started now, and ours put back at once
    try:
        forkserver.ensure_running()  # starts it without waiting for its imports
    finally:
        for k, v in saved.items():
            if v is None:
                del os.environ[k]
            else:
                os.environ[k] = v
    return ctx


def _unstarted(exc: Exception) -> str:
    return f"could not start a figure worker ({type(exc).__name__}: {exc}); drawn in this process instead"


class FigurePool:
    """Worker processes that draw :func:`actors.render.figures.figure_writers`' figures.

    ``workers`` is 2 (the default), 1, or 0 (draw in the calling process); on
    a single usable core no worker is started. Start the pool first, before
    importing polars or reading anything, and use it as a context manager:
    leaving it shuts the workers down.
    """

    def __init__(self, *, workers: int = 2) -> None:
        if workers not in (0, 1, 2):
            raise ValueError(f"workers must be 0, 1 or 2, not {workers!r}")
        self.fallback: str | None = None
        self._executor: ProcessPoolExecutor | None = None
        self._starter: threading.Thread | None = None
        self._futures: dict[str, Future] | None = None
        if workers == 0 or _usable_cores() < 2:  # one core: a worker would only add its imports
            return
        try:
            self._executor = ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                                                 initializer=_worker_start)
        except Exception as exc:  # e.g. no interpreter to start the forkserver with: drawn here instead
            self.fallback = _unstarted(exc)
            return
        # Each worker is started by a task submitted to it. Starting one waits for the forkserver's
        # imports, so it is done from a thread: the caller goes on reading meanwhile.
        self._starter = threading.Thread(target=self._start, args=(self._executor, workers), daemon=True)
        self._starter.start()

    def __enter__(self) -> "FigurePool":
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        # stopped by Ctrl-C or SIGTERM (a KeyboardInterrupt): the workers are not waited for
        self.close(stop=exc_type is not None and issubclass(exc_type, KeyboardInterrupt))

    def _start(self, executor: ProcessPoolExecutor, workers: int) -> None:
        try:
            for _ in range(workers):
                executor.submit(os.getpid)
        except Exception as exc:  # e.g. no interpreter to start a worker with
            self.fallback = _unstarted(exc)

    def close(self, *, stop: bool = False) -> None:
        """Shut the workers down (a figure being drawn is finished first) and cancel what is left;
        ``stop``: the run is being stopped, the workers are killed rather than waited for."""
        executor, self._executor = self._executor, None
        if self._starter is not None:
            self._starter.join()
        if executor is not None:
            shutdown(executor, stop=stop)  # returns even after a worker died, on Debian 12's Python too

    def figure_writers(self, analyses: Any, out_dir: str | os.PathLike[str], *,
                       pairs: Iterable[tuple[str, str]] | None = None,
                       pos: dict | None = None) -> dict[Path, Callable[[Path], None]]:
        """The writers of :func:`actors.render.figures.figure_writers`, with the drawing done by the workers.

        The figures go to the workers at once, the dearest first; a writer
        waits, when it is called, until its figure's files are back. Same
        arguments, same files, same bytes. ``pairs`` defaults to MNLA and
        Ansar Dine. A pool takes one job: writers asked of it a second time
        draw in this process.
        """
        from actors.render.figures.writers import _spec_writers, _specs
        from actors.analysis.pairs import FOCUS_PAIR

        pairs = [FOCUS_PAIR] if pairs is None else [tuple(p) for p in pairs]
        specs = _specs(analyses, pairs=pairs, pos=pos)  # checks the pairs; plain data, tables already read
        serial = _spec_writers(specs, out_dir)  # draws nothing until called: the fallback
        if self._executor is None or self._futures is not None:
            return serial
        self._starter.join()
        if self.fallback is not None:
            self.close()
            return serial
        # The snapshots' nine panels cost about as much as the other figures together: sent first,
        # they take one worker while the other draws the rest.
        order = sorted(specs, key=lambda name: name != "snapshots")
        self._futures = {}
        try:
            for name in order:
                self._futures[name] = self._executor.submit(_render, name, specs[name])
        except BrokenProcessPool as exc:  # a worker has died already
            self._failed(exc)
            return serial

        def writer(path: Path, in_process: Callable[[Path], None]) -> Callable[[Path], None]:
            name = path.name.rsplit(".", 1)[0]

            def write(tmp: Path) -> None:
                try:
                    files = self._futures[name].result()
                except Exception as exc:  # drawn again here, where a real error raises with its traceback
                    self._failed(exc)
                    in_process(tmp)
                else:
                    tmp.write_bytes(files[path.name])
            return write

        return {path: writer(path, draw) for path, draw in serial.items()}

    def _failed(self, exc: BaseException) -> None:
        if self.fallback is None:
            self.fallback = (f"the figure worker ended without an answer ({exc}); drawn in this process instead"
                             if isinstance(exc, BrokenProcessPool) else
                             f"the figure worker failed ({type(exc).__name__}: {exc}); drawn in this process instead")


# -- the worker side ------------------------------------------------------------

def _render(name: str, spec: tuple[str, dict[str, Any]]) -> dict[str, bytes]:
    """The PNG and SVG bytes of the figure ``name``, drawn from its spec."""
    from actors.render.figures.draw import FORMATS, save_figure
    from actors.render.figures.writers import _draw

    files = {}
    fig = _draw(spec)
    for fmt in FORMATS:
        buf = io.BytesIO()
        save_figure(fig, buf, format=fmt)
        files[f"{name}.{fmt}"] = buf.getvalue()
    del fig
    gc.collect()  # the workers run with automatic collection off: free each figure's cycles here
    return files


def _worker_start() -> None:  # pragma: no cover - runs in the worker processes (tested through the pool)
    """A worker's start: quiet on Ctrl-C and SIGTERM, and garbage collection only between figures."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches the whole group: leave quietly
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # so does a SIGTERM sent to the group: the same
    # A caller that is gone (killed) closes the result pipe: the worker then ends silently on its
    # next write, where Python's default (SIGPIPE ignored) would print a BrokenPipeError traceback.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # What the forkserver loaded lives as long as the worker: freeze it, so collections never scan
    # it (nor copy the pages the worker shares with the forkserver), and collect only between
    # figures. About 15 % less drawing time.
    gc.freeze()
    gc.disable()

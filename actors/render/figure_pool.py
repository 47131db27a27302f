"""Figures drawn by worker processes while the caller writes everything else.

matplotlib needs about 0.8 CPU-seconds to draw the seeds' five figures and
encode them as PNG and SVG, more than reading, extracting, analysing and
writing every other output together, and its import alone is a third of a
second. :class:`FigurePool` starts a worker process before the caller's own
heavy imports, so matplotlib is imported on another core while the corpus is
read. On Linux with two or more usable cores the worker, once matplotlib is
loaded and before any other thread exists, forks a second one; the figures
are shared out between the two by their usual drawing cost. Once the
analyses exist the caller sends each figure's spec (plain data from
``actors.render.figures._specs``: the tables are read on the caller's side, so the
workers never import polars) and gets back the files' bytes, which its
writers put into :func:`actors.output.write_all`'s staged files, so the
outputs are still replaced all together.

The workers draw with :mod:`actors.render.figures`' own functions, so the bytes are
the same as those drawn in the calling process (tested). Whenever a worker
cannot be started, dies, or fails on a figure, the figures are drawn in the
calling process instead, where a real error then raises with its own
traceback; :attr:`FigurePool.fallback` says why. Nothing goes missing: the
parallel path only changes when the work is done.

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
import os
import pickle
import struct
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO, Any, Callable, Iterable

__all__ = ["FigurePool"]

# Relative drawing cost of each figure (PNG and SVG), measured on the seeds in a run (the
# second worker starts while the caller still writes): the snapshots' nine panels cost
# about as much as the four other figures together.
_COST = {"snapshots": 4.0, "balance": 1.8, "coalition": 1.2, "genealogy": 1.1, "pair": 1.0}
_HEADER = struct.Struct("!Q")  # every message: its length, then a pickle
# The worker's entry point. The package's own folder goes first on sys.path, so the
# worker runs this very code even when it is not installed (a source checkout).
_BOOT = "import sys; sys.path.insert(0, sys.argv[1]); from actors.render.figure_pool import _serve; _serve(int(sys.argv[2]))"


def _usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # a container's or taskset's limit, not the machine's
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _cost(name: str) -> float:
    return _COST.get(name.split("_")[0], 1.0)  # "pair_mnla_ansar-dine" costs as a "pair"


def _share(names: list[str], k: int) -> list[list[str]]:
    """``names`` split into ``k`` lists of about equal drawing cost (largest first, each to the lightest)."""
    bins: list[tuple[float, list[str]]] = [(0.0, []) for _ in range(k)]
    for name in sorted(names, key=lambda n: -_cost(n)):
        i = min(range(k), key=lambda j: bins[j][0])
        cost, members = bins[i]
        bins[i] = (cost + _cost(name), members + [name])
    return [members for _, members in bins]


def _message(obj: Any) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _send(fh: IO[bytes], obj: Any) -> None:
    fh.write(_message(obj))
    fh.flush()


def _receive(fh: IO[bytes]) -> Any:
    """The next message, or ``EOFError`` if the other side has gone."""
    head = fh.read(_HEADER.size)
    if len(head) < _HEADER.size:
        raise EOFError("no message")
    size = _HEADER.unpack(head)[0]
    data = fh.read(size)
    if len(data) < size:
        raise EOFError("message cut short")
    return pickle.loads(data)


class FigurePool:
    """Worker processes that draw :func:`actors.render.figures.figure_writers`' figures.

    ``workers`` is 2 (the default: a second worker where the platform can fork
    one and two cores are free), 1, or 0 (draw in the calling process). Start
    the pool first, before importing polars or reading anything, and use it as
    a context manager: leaving it stops any worker still running.
    """

    def __init__(self, *, workers: int = 2) -> None:
        if workers not in (0, 1, 2):
            raise ValueError(f"workers must be 0, 1 or 2, not {workers!r}")
        self.fallback: str | None = None
        self._proc: subprocess.Popen | None = None
        self._files: dict[str, bytes] | None = None
        self._sender: threading.Thread | None = None
        if workers == 0 or _usable_cores() < 2:  # one core: a worker would only add its imports
            return
        if not sys.executable:
            self.fallback = "no Python interpreter to start a worker with (sys.executable is empty)"
            return
        env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1",  # no thread before the fork
                   POLARS_MAX_THREADS="1")  # two workers on two cores: one thread each is plenty
        try:
            self._proc = subprocess.Popen(
                [sys.executable, "-c", _BOOT, str(Path(__file__).resolve().parents[2]), str(workers)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        except OSError as exc:
            self.fallback = f"could not start a figure worker: {exc}"

    def __enter__(self) -> "FigurePool":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def close(self) -> None:
        """Stop the workers (if any is still running) and release their pipes."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()  # its own child sees its pipe close and leaves too
        for fh in (proc.stdin, proc.stdout):
            try:
                fh.close()
            except OSError:  # a pipe whose reader has gone
                pass
        proc.wait()

    def figure_writers(self, analyses: Any, out_dir: str | os.PathLike[str], *,
                       pairs: Iterable[tuple[str, str]] | None = None,
                       pos: dict | None = None) -> dict[Path, Callable[[Path], None]]:
        """The writers of :func:`actors.render.figures.figure_writers`, with the drawing done by the workers.

        The job goes to the workers at once; a writer waits, when it is
        called, until their files are back. Same arguments, same files,
        same bytes. ``pairs`` defaults to MNLA and Ansar Dine. A pool takes
        one job: writers asked of it a second time draw in this process.
        """
        from actors.render.figures import _spec_writers, _specs
        from actors.analysis.pairs import FOCUS_PAIR

        pairs = [FOCUS_PAIR] if pairs is None else [tuple(p) for p in pairs]
        specs = _specs(analyses, pairs=pairs, pos=pos)  # checks the pairs; plain data, tables already read
        serial = _spec_writers(specs, out_dir)  # draws nothing until called: the fallback
        if self._proc is None or self._sender is not None:
            return serial
        try:  # the workers need no polars, only matplotlib and networkx
            job = _message(specs)
        except (pickle.PicklingError, TypeError, AttributeError) as exc:  # e.g. a graph attribute no pickle takes
            self.fallback = f"the figures cannot be sent to a worker ({exc}); drawn in this process instead"
            self.close()
            return serial
        # Sent from a thread: the pipe holds 64 KB and the worker may still be importing.
        self._sender = threading.Thread(target=self._post, args=(job,), daemon=True)
        self._sender.start()

        def writer(path: Path, in_process: Callable[[Path], None]) -> Callable[[Path], None]:
            def write(tmp: Path) -> None:
                files = self._collect()
                if files is None:
                    in_process(tmp)
                else:
                    tmp.write_bytes(files[path.name])
            return write

        return {path: writer(path, draw) for path, draw in serial.items()}

    def _post(self, job: bytes) -> None:
        try:
            self._proc.stdin.write(job)
            self._proc.stdin.close()
        except (OSError, ValueError, AttributeError):  # the worker has gone (or the pool was closed): seen in _collect
            pass

    def _collect(self) -> dict[str, bytes] | None:
        """The workers' files, or None (and :attr:`fallback` set) if they could not give them all."""
        if self._files is not None or self.fallback is not None:
            return self._files
        proc = self._proc
        try:
            answer = _receive(proc.stdout)
        except (EOFError, OSError, pickle.UnpicklingError, AttributeError) as exc:
            answer = ("gone", str(exc))
        if self._sender is not None:
            self._sender.join()
        if isinstance(answer, dict):
            self._files = answer
        else:
            code = proc.poll() if proc is not None else None
            self.fallback = (f"the figure worker failed ({answer[1]}); drawn in this process instead"
                             if answer[0] == "error" else
                             f"the figure worker ended without an answer (exit code {code}); drawn in this "
                             "process instead")
        self.close()
        return self._files


# -- the worker side ------------------------------------------------------------

def _render(specs: dict[str, Any], names: list[str]) -> dict[str, bytes]:
    """The PNG and SVG bytes of the figures ``names``, drawn from their specs."""
    from actors.render.figures import FORMATS, _draw, save_figure

    files = {}
    for name in names:
        fig = _draw(specs[name])
        for fmt in FORMATS:
            buf = io.BytesIO()
            save_figure(fig, buf, format=fmt)
            files[f"{name}.{fmt}"] = buf.getvalue()
        del fig
        gc.collect()  # the workers run with automatic collection off: free each figure's cycles here
    return files


def _work(specs: dict[str, Any], names: list[str]) -> Any:
    try:
        return _render(specs, names)
    except Exception as exc:  # the caller draws again in its own process, where the error raises for real
        return ("error", f"{type(exc).__name__}: {exc}")


def _warm_up() -> None:
    """Draw a small figure to PNG and SVG, so fonts and renderers are loaded once, before the fork."""
    from actors.render.figures import FORMATS, _draw, save_figure

    fig = _draw(("balance", {"rows": [], "periodisation": "year", "heuristic": ""}))
    for fmt in FORMATS:
        save_figure(fig, io.BytesIO(), format=fmt)


def _fork_second(workers: int, stdout: IO[bytes]) -> tuple[int, IO[bytes], IO[bytes]] | None:
    """In the first worker: fork the second, which draws its share of the job the first forwards to it.

    Returns (pid, job pipe, answer pipe), or None where there is to be no
    second worker. Only on Linux, with two usable cores and no thread but
    this one (forking is unsafe with others).
    """
    if workers < 2 or not hasattr(os, "fork") or not sys.platform.startswith("linux") or _usable_cores() < 2 \
            or len(os.listdir("/proc/self/task")) != 1:
        return None
    job_r, job_w = os.pipe()
    out_r, out_w = os.pipe()
    pid = os.fork()
    if pid:
        os.close(job_r)
        os.close(out_w)
        return pid, os.fdopen(job_w, "wb"), os.fdopen(out_r, "rb")
    # The second worker: its own pipes only, never the caller's.
    os.close(job_w)
    os.close(out_r)
    os.dup2(os.open(os.devnull, os.O_RDWR), 0)
    stdout.close()
    try:
        with os.fdopen(job_r, "rb") as jr, os.fdopen(out_w, "wb") as ow:
            specs = _receive(jr)
            _send(ow, _work(specs, _share(list(specs), 2)[1]))
    finally:
        os._exit(0)


def _serve(workers: int) -> None:  # pragma: no cover - runs in the worker processes (tested through the pool)
    """The worker: import matplotlib, maybe fork a second worker, read the job, draw, answer."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C reaches the whole group: leave quietly
    stdin, stdout = sys.stdin.buffer, os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not corrupt the answer
    _warm_up()  # imports matplotlib, its two backends and the figure code (networkx; no polars)
    # What is loaded now lives as long as the worker: freeze it, so collections never scan it again
    # (and a fork shares its pages), and collect only between figures. About 15 % less drawing time.
    gc.collect()
    gc.freeze()
    gc.disable()
    child = _fork_second(workers, stdout)
    try:
        data = stdin.read()  # the whole job: the caller closes the pipe after it
        specs = _receive(io.BytesIO(data))
    except Exception:  # the caller has gone or sent nothing: nothing to draw
        os._exit(1)
    if child is None:
        answer = _work(specs, list(specs))
    else:
        pid, job_w, out_r = child
        try:
            job_w.write(data)
            job_w.close()
        except OSError:
            pass
        answer = _work(specs, _share(list(specs), 2)[0])
        try:
            theirs = _receive(out_r)
        except (EOFError, OSError, pickle.UnpicklingError):
            theirs = ("gone", "the second figure worker ended without an answer")
        os.waitpid(pid, 0)
        if isinstance(answer, dict) and isinstance(theirs, dict):
            answer = {**answer, **theirs}
        elif isinstance(answer, dict):
            answer = ("error", theirs[1])
    _send(stdout, answer)
    stdout.close()
    os._exit(0)

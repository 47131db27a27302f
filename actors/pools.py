"""Process pools: one shutdown that returns even after a worker died, on every supported Python.

CPython before 3.11.5 (Debian 12 ships 3.11.2) can hang for ever in
:meth:`concurrent.futures.ProcessPoolExecutor.shutdown` once a worker has died
(killed, or out of memory): the pool's manager thread waits for the thread that
feeds the call queue, and that thread is blocked writing to a pipe that no
worker reads any more (CPython issue gh-94777, fixed in 3.11.5 and 3.12). The
fix there closes the queue's reading end, so the blocked write fails and the
feeder ends; :func:`shutdown` does the same on the Pythons that lack it, and
nothing else.

>>> from concurrent.futures import ProcessPoolExecutor
>>> pool = ProcessPoolExecutor(max_workers=1)
>>> shutdown(pool)
"""

from __future__ import annotations

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

__all__ = ["shutdown"]

# The first releases whose executor closes the reading end itself when a worker dies.
_FIXED = (3, 11, 5)


def shutdown(pool: ProcessPoolExecutor, *, fixed: tuple[int, int, int] = _FIXED, stop: bool = False) -> None:
    """Shut ``pool`` down, waiting for the work under way and cancelling the rest, even if a worker died.

    ``stop``: the caller is being stopped (Ctrl-C, SIGTERM) and wants nothing more from the workers:
    they are killed first. Once a worker has died, those that do not end within ``_BROKEN_GRACE``
    seconds are killed too: a worker still starting (a forkserver's child that missed a Ctrl-C sent
    to the group while it waited for its task) would otherwise hold the shutdown for ever.

    ``fixed`` is the first Python version that needs no help (a parameter so the
    workaround can be tested on any version).
    """
    if stop:
        _kill(list((getattr(pool, "_processes", None) or {}).values()))
    if sys.version_info[:3] < fixed and os.name == "posix" and getattr(pool, "_broken", False):
        # The executor's own private state, as the fix upstream uses it: the call queue's reader,
        # which only the dead workers read. Closed, the feeder's blocked write fails and it ends.
        reader = getattr(getattr(pool, "_call_queue", None), "_reader", None)
        handle = getattr(reader, "_handle", None)
        if handle is not None:
            # taken from the connection before it is closed: the feeder, woken by the close, may close
            # the reader too when it ends, and must then find it closed, not close the number again
            reader._handle = None
            os.close(handle)
    processes = dict(getattr(pool, "_processes", None) or {})  # the manager forgets them as it ends
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    broken_since = None
    while manager is not None and manager.is_alive():
        manager.join(timeout=0.2)
        if not getattr(pool, "_broken", False):
            continue  # work under way (a figure being drawn) is waited for, however long
        broken_since = broken_since or time.monotonic()
        if time.monotonic() - broken_since > _BROKEN_GRACE:
            # a worker died and the manager waits for one that will not end (a forkserver's child that
            # missed the signal while it started): nothing more is wanted from the workers
            _kill(processes.values())
    pool.shutdown(wait=True, cancel_futures=True)


# How long, once a worker has died, the others are given to end before they are killed.
_BROKEN_GRACE = 2.0


def _kill(processes) -> None:
    for process in processes:
        try:
            process.kill()
        except (OSError, ValueError, AttributeError):  # already gone, or never started
            pass

"""Bulk work over many small Python objects: helpers shared by every stage.

>>> import gc
>>> with paused_gc():
...     gc.isenabled()
False
>>> gc.isenabled()
True
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

__all__ = ["paused_gc", "release_freed_memory"]


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a bulk job, then restore it as it was.

    Building or scanning a million rows or edge dicts triggers full collections that re-walk every
    object already made (seconds of work, nothing to free: such rows hold no cycles), so that the
    work grows faster than its input (14 times, not 10, from 100,000 to 1,000,000 table rows).
    Reference counting still frees memory.
    """
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def release_freed_memory() -> None:
    """Hand the C allocator's freed pages back to the system (glibc's ``malloc_trim``; elsewhere nothing).

    Python objects larger than 512 bytes (a row dict's key table, a long sentence) come from the C
    allocator, which returns freed memory to the system only from the top of its heap: after a bulk
    job's rows are let go, a few long-lived objects above them kept some 150 MiB resident at 1,000
    copies of the seeds, more or less from run to run (README, "Memory at scale"). A few milliseconds.
    """
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (AttributeError, OSError):  # not glibc (musl has none)
        return
    trim.argtypes = [ctypes.c_size_t]
    trim(0)

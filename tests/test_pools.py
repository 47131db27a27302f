"""actors.pools.shutdown: a pool whose worker died shuts down, on every Python (CPython gh-94777)."""

import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

import pytest

from actors.pools import shutdown


def _hang_or_die(seconds: float) -> None:
    time.sleep(seconds)
    os._exit(1)


_STDLIB_FIXED = sys.version_info[:3] >= (3, 11, 5)


@pytest.mark.parametrize("fixed", [None, pytest.param((99, 0, 0), marks=pytest.mark.skipif(
    _STDLIB_FIXED, reason="this Python's executor closes the reader itself: forcing the workaround would race it"))],
    ids=["this-python", "workaround"])
def test_a_pool_whose_worker_died_shuts_down(fixed):
    pool = ProcessPoolExecutor(max_workers=1)
    # Far more work than the call queue holds, each item large enough to fill the pipe: the queue's
    # feeder is writing when the worker dies, the case that hung on Python 3.11.2.
    big = b"x" * 1_000_000
    futures = [pool.submit(_hang_or_die, 0.2)] + [pool.submit(len, big) for _ in range(20)]
    with pytest.raises(BrokenProcessPool):
        futures[0].result(timeout=60)
    done = threading.Event()
    closer = threading.Thread(target=lambda: (shutdown(pool, **({} if fixed is None else {"fixed": fixed})), done.set()), daemon=True)
    closer.start()
    assert done.wait(60), "shutdown hung after a worker died"


def test_a_healthy_pool_finishes_its_work_first():
    pool = ProcessPoolExecutor(max_workers=1)
    future = pool.submit(sum, [1, 2, 3])
    shutdown(pool, fixed=(99, 0, 0))  # not broken: the workaround does nothing
    assert future.result() == 6

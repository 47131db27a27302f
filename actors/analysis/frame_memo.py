"""Work kept for an edge frame while the frame lives, so that analyses of one frame share it.

Several analyses of one :func:`~actors.network.graph.edge_frame` need the same
intermediate results (its rows sorted by date, the signed windows of the named
periods, the events whose order the dates do not give). :func:`_frame_memo`
gives each frame one dict for them, found by the frame's ``id`` and checked
through a weak reference, and dropped when the frame is collected; a frame
made again (even with equal contents) starts empty. Polars frames are not
changed in place by the analyses, so what is kept stays true. No polars here:
modules that only need this (and figure workers that import them) stay light.

>>> class Frame: pass
>>> f = Frame()
>>> _frame_memo(f)["sorted"] = [1, 2]
>>> _frame_memo(f)["sorted"], _frame_memo(Frame())
([1, 2], {})
"""

from __future__ import annotations

import weakref
from typing import Any

__all__: list[str] = []  # internal: the analyses share it

_MEMO: dict[int, tuple[weakref.ref, dict]] = {}


def _frame_memo(frame: Any) -> dict:
    """The dict of work kept for ``frame`` (empty at first); it goes when the frame does."""
    key = id(frame)
    held = _MEMO.get(key)
    if held is None or held[0]() is not frame:
        held = _MEMO[key] = (weakref.ref(frame, lambda _, key=key: _MEMO.pop(key, None)), {})
    return held[1]

"""What every figure shares: fonts and sizes, the empty figure, small text helpers, and saving.

A figure is built without pyplot (no global state, no GUI backend) on its own
Agg canvas (:func:`_new_figure`), inside :func:`_rc`'s fixed fonts and hash
salt, and written by :func:`save_figure` as PNG or SVG, byte for byte the
same on every run. Actor names are data, and matplotlib reads ``$...$`` as
mathematics: every text taken from the data goes through :func:`_plain`
first. matplotlib is imported only when a figure is made.
"""

from __future__ import annotations

import os
import textwrap
from contextlib import contextmanager
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterator

import networkx as nx

from actors.network.graph import label

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["DPI", "FORMATS", "MAX_WIDTH_PX", "MAX_HEIGHT_PX", "save_figure"]

#: Resolution of the PNG files (the SVG files are vector).
DPI = 150
#: No figure's PNG is wider or higher than this, in pixels, however large the corpus:
#: each figure aggregates or leaves out what does not fit, and says so ("+k more").
MAX_WIDTH_PX = 3000
MAX_HEIGHT_PX = 3000
#: The file formats every figure is written in, by :func:`figure_writers`.
FORMATS = ("png", "svg")
#: Smallest font used anywhere, in points at the saved size.
_SMALL = 8
# Fixed fonts and hash salt: the same figure gives the same bytes on every run.
_RC = MappingProxyType({
    "svg.hashsalt": "actors", "svg.fonttype": "none", "text.usetex": False, "font.family": "DejaVu Sans",
    "font.size": 9, "axes.titlesize": 10, "legend.fontsize": _SMALL, "legend.title_fontsize": 9,
    "xtick.labelsize": _SMALL, "ytick.labelsize": _SMALL, "axes.titlelocation": "left",
    # Unhinted glyphs: as legible at 150 dpi, and a tenth less drawing time than hinted ones.
    "text.hinting": "none",
})
_NOTE_COLOUR = "#555555"


def _plain(text: Any) -> str:
    """Text shown literally: a ``$`` would otherwise start matplotlib mathtext."""
    return str(text).replace("$", r"\$")


def _short(G: nx.MultiDiGraph, node: str, limit: int = 28) -> str:
    name = label(G, node)
    return name if len(name) <= limit else name[: limit - 1] + "…"


def _styles():
    from actors.render.style import KIND_COLOURS, RELATION_STYLE  # the vocabulary shared with the explorer

    return RELATION_STYLE, KIND_COLOURS


@contextmanager
def _rc() -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(dict(_RC)):
        yield


def _new_figure(width: float, height: float) -> "Figure":
    """A figure with its own Agg canvas: text can be measured, nothing global is touched.

    Never larger than :data:`MAX_WIDTH_PX` × :data:`MAX_HEIGHT_PX` (each figure
    fits its content within that first; this is the last guard).

    >>> fig = _new_figure(100, 2)
    >>> [round(v * DPI) for v in fig.get_size_inches()]
    [3000, 300]
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(min(width, MAX_WIDTH_PX / DPI), min(height, MAX_HEIGHT_PX / DPI)), dpi=DPI)
    FigureCanvasAgg(fig)
    return fig


def _note(ax: "Axes", text: str, **kw: Any) -> None:
    """A message in the middle of an empty axes: the figure says why it is empty."""
    ax.text(0.5, 0.5, text, ha="center", va="center", transform=ax.transAxes, fontsize=10,
            color=_NOTE_COLOUR, wrap=True, **kw)


def _blank(ax: "Axes") -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)


def _wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def save_figure(fig: "Figure", path: str | os.PathLike[str], *, format: str | None = None) -> None:
    """Write ``fig`` as PNG or SVG (``format``, else the path's suffix), byte for byte reproducibly.

    >>> import tempfile, pathlib
    >>> from actors.render.figures import balance_figure
    >>> fig = balance_figure(None)
    >>> with tempfile.TemporaryDirectory() as d:
    ...     save_figure(fig, pathlib.Path(d, "a.svg")); save_figure(fig, pathlib.Path(d, "b.svg"))
    ...     pathlib.Path(d, "a.svg").read_bytes() == pathlib.Path(d, "b.svg").read_bytes()
    True
    """
    fmt = (format or Path(path).suffix.lstrip(".")).lower()
    if fmt not in ("png", "svg"):
        raise ValueError(f"format must be png or svg, not {fmt!r}")
    # No date, no software version in the file: the same figure, the same bytes.
    metadata = {"Date": None} if fmt == "svg" else {"Software": None}
    with _rc():
        fig.savefig(path, format=fmt, dpi=DPI, metadata=metadata, facecolor="white",
                    **({"pil_kwargs": {"compress_level": 3}} if fmt == "png" else {}))

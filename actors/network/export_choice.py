"""Which network exports ``actors run`` writes: ``--exports`` and the default's size limit.

Kept apart from :mod:`actors.network.export` (which imports networkx and polars) so that the command
line can check ``--exports`` before anything heavy is imported.

Without ``--exports``, a run writes all three (``graph.gexf``, ``graph.graphml``, ``graph.json``)
up to :data:`DEFAULT_EXPORT_EDGE_LIMIT` edges, and none above it: the summary then says so, and
``--exports all`` (or a list) writes them whatever the size.
"""

from __future__ import annotations

__all__ = ["DEFAULT_EXPORT_EDGE_LIMIT", "EXPORT_FORMATS", "default_exports", "parse_exports"]

#: The export formats, also the file suffixes (``graph.gexf`` ...).
EXPORT_FORMATS: tuple[str, ...] = ("gexf", "graphml", "json")

#: Above this many edges, ``actors run`` without ``--exports`` writes none of the three exports. They
#: take about 0.8 kB (GEXF), 0.6 kB (GraphML) and 0.45 kB (JSON) an edge: at 200,000 edges (measured,
#: benchmarks/graph_scale.py's edges) 381 MB in 6.3 s, so some 190 MB and 3 s at this limit: files
#: already too big for Gephi or yEd to open at ease.
DEFAULT_EXPORT_EDGE_LIMIT = 100_000


def default_exports(edge_count: int) -> tuple[str, ...]:
    """The exports ``actors run`` writes when ``--exports`` is not given: all three up to
    :data:`DEFAULT_EXPORT_EDGE_LIMIT` edges, none above it.

    >>> default_exports(158), default_exports(DEFAULT_EXPORT_EDGE_LIMIT + 1)
    (('gexf', 'graphml', 'json'), ())
    """
    return EXPORT_FORMATS if edge_count <= DEFAULT_EXPORT_EDGE_LIMIT else ()


def parse_exports(text: str) -> tuple[str, ...]:
    """``--exports``: formats separated by commas (any case; returned once each, in the order of
    :data:`EXPORT_FORMATS`), ``all`` or ``none``; ValueError naming an unknown format and the valid ones.

    >>> parse_exports("json,GEXF"), parse_exports("none"), parse_exports("all")
    (('gexf', 'json'), (), ('gexf', 'graphml', 'json'))
    >>> parse_exports("gexf,xml")
    Traceback (most recent call last):
    ...
    ValueError: unknown export format 'xml': expected gexf, graphml or json (comma-separated), all or none
    """
    valid = f"{', '.join(EXPORT_FORMATS[:-1])} or {EXPORT_FORMATS[-1]} (comma-separated), all or none"
    words = [w.strip().lower() for w in text.split(",")]
    if words == ["none"]:
        return ()
    if words == ["all"]:
        return EXPORT_FORMATS
    for w in words:
        if w in ("none", "all"):
            raise ValueError(f"{w!r} stands alone, not in a list such as {text!r}")
        if w not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {w!r}: expected {valid}" if w else
                             f"an empty format in {text!r}: expected {valid}")
    return tuple(f for f in EXPORT_FORMATS if f in words)

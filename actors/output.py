"""The output set: the extraction's tables as polars DataFrames, and every file written atomically.

Every file is written into one staging folder inside the output folder and
then renamed over the old one (:func:`write_all`; a whole run's set, with its
manifest and lock, is :mod:`actors.output_set`'s), so a killed run leaves the
previous outputs whole. The CSV tables escape text cells that a spreadsheet
would read as formulas (:mod:`actors.csv_cells`). Rows are
sorted on stable keys so the same input gives the same bytes. The graph
exports are written the same way (:func:`export`, :func:`write_gexf`,
:func:`write_graphml`, :func:`write_json`; the formats are
:mod:`actors.network.export`'s).

>>> from collections import Counter
>>> frames = to_frames(Extraction((), [], [], Counter()), dictionary=None)
>>> sorted(frames)
['actors', 'candidates', 'edges', 'events', 'mentions', 'overlaps', 'problems']
>>> frames["edges"].columns[:4]
['event_id', 'source', 'target', 'relation']
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from actors.csv_cells import write_csv
from actors.extract.pipeline import Extraction
from actors.extract.candidates import candidate_rows
from actors.extract.resolve import resolve_events
from actors.schema import (ACTOR_COLUMNS, CANDIDATE_COLUMNS, EDGE_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS,
                           OVERLAP_COLUMNS, polars_schema)

if TYPE_CHECKING:
    import networkx as nx
    import polars as pl

__all__ = ["to_frames", "problem_frame", "event_counts", "table_writers", "write_tables", "write_all", "export", "write_gexf", "write_graphml",
           "write_json"]

PROBLEM_COLUMNS = (("path", "str"), ("where", "str"), ("what", "str"), ("skipped", "str"))


def to_frames(extraction: Extraction, *, dictionary=None, merges=(), merged: list | None = None,
              store=None) -> dict:
    """The actors, events, edges, mentions, overlaps, problems and candidates tables as polars DataFrames.

    The extraction's edges are mentions (one per sentence); :func:`actors.extract.resolve.resolve_events`
    turns them into events and one edge per (event, pair, relation), with an analyst's ``merges``
    (``(id, edge ids)``, :func:`actors.curation.merge_requests`); what became of each is appended
    to ``merged`` when given. ``store``: the :class:`actors.mention_store.MentionStore` of a streamed run.
    While it holds the mentions and statements themselves, they are resolved from its frames
    (:mod:`actors.extract.resolve_frames`) and it is emptied; once they were taken back as lean rows
    (:meth:`~actors.mention_store.MentionStore.take_rows`, as curation needs them), it holds the other
    columns of the extraction's lean mention rows, and the extraction's ``edges`` and ``events`` lists are
    emptied once resolved, to free their rows. The tables are the same as from whole rows.
    """
    import polars as pl

    d = dictionary if dictionary is not None else extraction.dictionary
    actor_rows = []
    if d is not None:
        for a in d.actors:
            names = list(dict.fromkeys([*a.aliases, *a.exact_aliases, *a.country_names, *(p.alias for p in a.period_aliases)]))
            actor_rows.append({"id": a.id, "name": a.name, "kind": a.kind, "aliases": "|".join(names),
                               "mentions": int(extraction.mention_counts.get(a.id, 0))})
    if store is not None and not store.taken and merges:  # an analyst's merges are applied to rows
        edges, events = store.take_rows()
        extraction = replace(extraction, edges=edges, events=events)
    if store is not None and not store.taken:  # a streamed run's rows, held as columns: resolved from them
        return {"actors": pl.DataFrame(actor_rows, schema=polars_schema(ACTOR_COLUMNS), orient="row"),
                **_resolved_frames(store), "problems": problem_frame(extraction.problems),
                "candidates": _candidate_frame(extraction)}
    # a streamed run's mention rows become the mentions table's rows, not copied (some 140 MB at 1,000 copies)
    resolved = resolve_events(extraction.edges, extraction.events, merges=merges, in_place=store is not None)
    if store is not None:  # a streamed run's rows are let go once resolved: the resolution holds what is needed
        extraction.edges.clear()
        extraction.events.clear()
    if merged is not None:
        merged.extend(resolved.merges)
    # each table's rows are let go once its frame is built: at 1,000 copies of the seeds the mention
    # rows alone are some 200 MB of dicts
    return {
        "actors": pl.DataFrame(actor_rows, schema=polars_schema(ACTOR_COLUMNS), orient="row"),
        "events": _sorted_frame(resolved.events, ("doc", "char_start", "char_end"), EVENT_COLUMNS),
        "edges": _sorted_frame(resolved.edges, ("doc", "char_start", "edge_id"), EDGE_COLUMNS, store),
        "mentions": _sorted_frame(resolved.mentions, ("doc", "char_start", "mention_id"), MENTION_COLUMNS, store),
        "overlaps": pl.DataFrame(_safe(resolved.overlaps), schema=polars_schema(OVERLAP_COLUMNS), orient="row"),
        "problems": problem_frame(extraction.problems),
        "candidates": _candidate_frame(extraction),
    }


def _resolved_frames(store) -> dict:
    """The events, edges, mentions and overlaps tables of the mentions and statements a
    :class:`~actors.mention_store.MentionStore` holds (:mod:`actors.extract.resolve_frames`); the store
    is emptied."""
    import polars as pl

    from actors.extract.resolve_frames import resolve_frames

    resolved = resolve_frames(store.mentions(), store.statements())
    store.clear()
    # the mentions frame is handed over (this function keeps no reference): it is sorted a column at a time
    mentions = [resolved.mentions]
    tables = {"events": _sorted_table([resolved.events], ("doc", "char_start", "char_end"), EVENT_COLUMNS),
              "edges": _sorted_frame(resolved.edges, ("doc", "char_start", "edge_id"), EDGE_COLUMNS),
              "overlaps": pl.DataFrame(_safe(resolved.overlaps), schema=polars_schema(OVERLAP_COLUMNS), orient="row")}
    del resolved
    tables["mentions"] = _sorted_table(mentions, ("doc", "char_start", "mention_id"), MENTION_COLUMNS)
    return {name: tables[name] for name in ("events", "edges", "mentions", "overlaps")}


def _candidate_frame(extraction: Extraction) -> pl.DataFrame:
    import polars as pl

    return pl.DataFrame(_safe(candidate_rows(extraction.candidates)), schema=polars_schema(CANDIDATE_COLUMNS),
                        orient="row")


def problem_frame(problems) -> pl.DataFrame:
    """The problems table (problems.csv): one row per :class:`~actors.errors.Problem`."""
    import polars as pl

    rows = _safe([{"path": p.path, "where": p.where, "what": p.what, "skipped": "yes" if p.skipped else "no"}
                  for p in problems])
    return pl.DataFrame(rows, schema=polars_schema(PROBLEM_COLUMNS), orient="row")


def event_counts(frames: dict) -> dict:
    """How many mentions, events, and events told by more than one sentence and by more than one document.

    >>> from collections import Counter
    >>> event_counts(to_frames(Extraction((), [], [], Counter()), dictionary=None))
    {'mentions': 0, 'events': 0, 'multi_sentence_events': 0, 'multi_document_events': 0}
    """
    import polars as pl

    ev = frames["events"]
    return {"mentions": frames["mentions"].height, "events": ev.height,
            "multi_sentence_events": ev.filter(pl.col("statements") > 1).height,
            "multi_document_events": ev.filter(pl.col("documents").str.contains("|", literal=True)).height}


def _sorted_frame(rows: list[dict], key: tuple[str, ...], columns, store=None) -> pl.DataFrame:
    """``rows`` sorted on ``key`` as a frame of ``columns``; ``rows`` is emptied (its dicts let go).
    With a ``store``, a lean row's other columns come from it (:mod:`actors.mention_store`)."""
    import polars as pl
    from operator import itemgetter

    from actors.mention_store import ROW

    ordered = sorted(rows, key=itemgetter(*key))
    rows.clear()
    schema = polars_schema(columns)
    full = schema if store is None else {**schema, ROW: pl.Int64}
    try:  # polars refuses a lone surrogate: only then is every cell looked at
        df = pl.DataFrame(ordered, schema=full, orient="row")
    except UnicodeEncodeError:
        df = pl.DataFrame(_safe(ordered), schema=full, orient="row")
    del ordered
    if store is None:
        return df
    stored = store.columns(df[ROW])
    # a value the row carries itself (curation's, an added or imported edge's) over the stored one
    return df.with_columns(pl.coalesce(df[c], stored[c]).alias(c) for c in stored.columns
                           if c in schema).select(list(schema))


def _sorted_table(held: list, key: tuple[str, ...], columns) -> pl.DataFrame:
    """The frame ``held`` holds (taken out of it) sorted on ``key`` (ties in its order) with the given
    ``columns``, as :func:`_sorted_frame` makes them from rows. It is sorted one column at a time (the
    stable order's row numbers gathered, as ``sort`` does), each unsorted column let go once gathered, so
    a large table is not held twice: the caller keeps no other reference."""
    import polars as pl

    frame = held.pop()
    order = frame.select(pl.arg_sort_by(key, maintain_order=True)).to_series()
    height, names = frame.height, frame.columns
    sorted_columns = {}
    for name in names:
        sorted_columns[name] = frame.get_column(name).gather(order)
        frame = frame.drop(name)
    del frame, order
    return pl.DataFrame(list(sorted_columns.values()), height=height).select(
        (pl.col(n) if n in names else pl.lit(None)).cast(t).alias(n) for n, t in polars_schema(columns).items())


def _safe(rows: list[dict]) -> list[dict]:
    """Rows whose text cells hold no lone surrogate (:func:`actors.errors.safe_text`): polars, XML and
    terminals refuse them. Files read from disk never give one in their text, only in their names.
    A row that holds none is passed on as it is (no copy), so is the list when no row does."""
    from actors.errors import safe_text

    out = rows
    for i, r in enumerate(rows):
        if any(isinstance(v, str) and safe_text(v) is not v for v in r.values()):
            if out is rows:
                out = list(rows)
            out[i] = {k: safe_text(v) if isinstance(v, str) else v for k, v in r.items()}
    return out


def write_all(writers: dict) -> list[Path]:
    """Write every file into one staging folder first, then rename them all into place.

    The staging folder (``.staging-<pid>-<random>``) is made inside the
    folder that holds every target, with the same subfolders. If any write
    fails, or the run is interrupted (Ctrl-C, SIGTERM), no output is replaced
    and the staging folder is removed; one left by a killed run is removed by
    the next write into that folder. A target that is a folder is refused
    before anything is written. (Renames within one folder do not fail in
    practice; if one did, the files renamed before it would already be new,
    and the error names the file.) No manifest is written: a whole run's set
    goes through :func:`actors.output_set.write_output_set`, which also locks
    the folder and writes ``manifest.json``.
    """
    from actors.output_set import _switch

    return _switch(writers)


def table_writers(frames: dict, out_dir: str | os.PathLike) -> dict:
    """Writers for actors.csv, events.csv/.parquet, edges.csv/.parquet, problems.csv (and curation.csv,
    candidates.csv).

    For :func:`write_all`, so the tables can be staged with other outputs and
    replaced together. Every CSV's text cells are escaped against spreadsheet
    formulas (:mod:`actors.csv_cells`); the Parquet files hold the exact text.
    """
    out = Path(out_dir)
    writers = {out / "actors.csv": lambda p: write_csv(frames["actors"], p)}
    for name in ("events", "edges", "mentions"):
        df = frames[name]
        writers[out / f"{name}.csv"] = lambda p, df=df: write_csv(df, p)
        writers[out / f"{name}.parquet"] = lambda p, df=df: df.write_parquet(p, compression="zstd", statistics=False)
    writers[out / "problems.csv"] = lambda p: write_csv(frames["problems"], p)
    if "overlaps" in frames:  # events left apart that may be one (actors.extract.resolve)
        writers[out / "overlaps.csv"] = lambda p: write_csv(frames["overlaps"], p)
    if "documents" in frames:  # from actors.corpus.load_corpus: each document's title
        writers[out / "documents.csv"] = lambda p: write_csv(frames["documents"], p)
    if "curation" in frames:  # from actors.corpus.load_corpus: one row per overrides entry
        writers[out / "curation.csv"] = lambda p: write_csv(frames["curation"], p)
    if "candidates" in frames:  # organisation names the dictionary lacks (actors.extract.candidates)
        writers[out / "candidates.csv"] = lambda p: write_csv(frames["candidates"], p)
    return writers


def write_tables(frames: dict, out_dir: str | os.PathLike) -> list[Path]:
    """Write actors.csv, events.csv/.parquet, edges.csv/.parquet and problems.csv."""
    return write_all(table_writers(frames, out_dir))


def export(G: nx.Graph, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write the graph to ``path`` atomically in ``format`` (default: the path's suffix)."""
    from actors.network.export import _check, export_writers

    path = Path(path)
    fmt = _check(format if format is not None else path.suffix.lstrip(".").lower())
    (write,) = export_writers(G, path.parent, formats=[fmt]).values()
    return write_all({path: write})[0]


def write_gexf(G: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write ``graph.gexf`` atomically (Gephi: the timeline plays the network)."""
    return export(G, path, format="gexf")


def write_graphml(G: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write GraphML atomically."""
    return export(G, path, format="graphml")


def write_json(G: nx.Graph, path: str | os.PathLike[str]) -> Path:
    """Write node-link JSON atomically."""
    return export(G, path, format="json")

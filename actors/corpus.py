"""A corpus folder, read, curated and extracted: the one call behind the CLI and the notebooks.

:func:`load_corpus` chains the stages (documents -> dictionary with the
curation file's actors and aliases -> extraction -> curation of the
relations -> polars tables -> temporal graph) and keeps every intermediate
value, so a notebook can look at any of them and the CLI commands
(``run``, ``pair``, ``actor``, ``export``) all see the same network.

>>> import tempfile, pathlib
>>> tmp = tempfile.TemporaryDirectory()
>>> folder = pathlib.Path(tmp.name)
>>> _ = (folder / "a.txt").write_text("On 3 May 2014, MUJAO fighters ambushed Malian soldiers near Gao.\\n")
>>> _ = (folder / "overrides.toml").write_text('''[[redate]]
... id = "fix"
... source = "mujao"
... target = "Mali"
... relation = "fought-against"
... date = "2014-05-04"
... reason = "The ambush was at night, after midnight."
... ''')
>>> c = load_corpus(folder)
>>> c.frames["edges"].select("source", "target", "date", "curation").row(0)
('mojwa', 'mali', '2014-05-04', 'fix')
>>> c.graph.number_of_edges(), [r["applied"] for r in c.curation_rows]
(1, ['yes'])
>>> tmp.cleanup()
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Sequence

from actors.curation import Curation, apply_curation, extend_dictionary, merge_requests, merge_rows, read_curation
from actors.extract.dictionary import Dictionary, load_dictionary
from actors.text.date_values import PLAUSIBLE_YEARS, check_years
from actors.text.documents import Document
from actors.text.reading import CURATION_FILE, corpus_files, read_corpus
from actors.text.tables import is_table, read_table
from actors.errors import CorpusError, DataFileError, Problem
from actors.extract.parallel import extract_files, usable_cores
from actors.extract.pipeline import Extraction, Extractor
from actors.extract.tabular import import_tables
from actors.mention_store import MentionStore

__all__ = ["Corpus", "load_corpus", "CURATION_FILE"]  # CURATION_FILE: the folder's curation file name


@dataclass(frozen=True)
class Corpus:
    """Everything one run knows about a corpus folder."""

    path: str
    documents: tuple[Document, ...]
    extraction: Extraction  # with the curation applied
    frames: dict  # actors, events, edges, problems, curation (polars DataFrames)
    graph: Any  # networkx.MultiDiGraph, one edge per event
    curation: Curation | None = None
    curation_rows: tuple[dict, ...] = field(default=(), repr=False)
    document_count: int = 0  # documents read (``documents`` is empty when load_corpus kept none)

    @property
    def dictionary(self) -> Dictionary:
        assert self.extraction.dictionary is not None
        return self.extraction.dictionary

    @property
    def problems(self) -> tuple[Problem, ...]:
        return self.extraction.problems

    @property
    def curation_problems(self) -> list[Problem]:
        """Problems with the overrides file and its entries."""
        if self.curation is None:
            return []
        return [p for p in self.extraction.problems if p.path == self.curation.source]

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.extraction.problems if p.skipped]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.extraction.problems if not p.skipped]


def _overrides_path(folder: Path, overrides: str | os.PathLike[str] | bool | None) -> Path | None:
    if overrides is None or overrides is False:
        return None
    if overrides is True:
        candidate = folder / CURATION_FILE
        # one that is there but is no file (a folder, a dangling link) is refused by read_curation, not ignored
        return candidate if candidate.is_file() or os.path.lexists(candidate) else None
    return Path(overrides)


def load_corpus(path: str | os.PathLike[str] = "seeds", *,
                overrides: str | os.PathLike[str] | bool | None = True,
                dictionary: Dictionary | None = None,
                years: tuple[int, int] = PLAUSIBLE_YEARS, events: Sequence[str | os.PathLike[str]] = (),
                workers: int | None = 1, keep_documents: bool = True,
                progress: Callable[[int, int], None] | None = None, scheduler: str | None = None) -> Corpus:
    """Read, curate and extract the ``.txt``/``.md``/``.html`` articles of ``path``, and import its event tables.

    Every ``.csv`` file of ``path`` (and each file in ``events``) is read as an ACLED or
    UCDP export (:mod:`actors.text.tables`, :mod:`actors.extract.tabular`): its rows become
    events beside the articles', and an event told both by a table and by a text is one
    event (:mod:`actors.extract.resolve`).

    ``overrides``: True (default) applies ``path/overrides.toml`` when it
    exists; a path applies that file (it must exist); None or False applies
    none. Raises :class:`CorpusError` when no document can be read and
    :class:`DataFileError` for an unreadable overrides file or a bad
    dictionary; bad entries of the overrides file are skipped and reported in
    ``problems``, like unreadable documents.

    ``years`` (first, last) are the plausible years: a date outside them, in
    the overrides file or in a text, is refused with a problem (default
    1900-2100; a ValueError when ``years`` is not such a pair).

    ``workers``: processes that read and extract the documents (:mod:`actors.extract.parallel`);
    1 (the default) starts none, None takes every usable core. The result is the same with any
    number. ``keep_documents`` False keeps no document (``documents`` is empty, ``document_count``
    says how many were read): each is released once extracted, so a large corpus is never held
    whole in memory, as `actors run` does; its mentions and statements are then held as columns until
    the tables are made (:mod:`actors.mention_store`; lean rows when an overrides file changes them), and
    ``extraction`` keeps no rows (``frames`` has them).
    ``progress``, when given, is called with (files read, files listed) as each file is extracted
    (the command line's progress line). ``scheduler``, the
    address of a Dask scheduler (``tcp://host:8786``), extracts them on that cluster's workers instead
    (:mod:`actors.extract.cluster`, the ``cluster`` extra; ``workers`` is then not used): the same result;
    :class:`~actors.extract.cluster.ClusterError` when Dask is not installed or the scheduler not reached.
    """
    from actors.network.graph import build_graph
    from actors.output import problem_frame, to_frames

    years = check_years(years)
    if workers is None:
        workers = usable_cores()
    if workers < 1:
        raise ValueError(f"workers must be at least 1, not {workers!r}")
    folder = Path(path)
    cur_path = _overrides_path(folder, overrides)
    skip = {CURATION_FILE}
    if cur_path is not None and cur_path.parent.resolve() == folder.resolve():
        skip.add(cur_path.name)  # a curation file kept in the corpus folder is not a stray file
    files = corpus_files(folder, skip=skip)
    tables = [read_table(p, name=p.relative_to(folder).as_posix()) for p in _table_files(folder)]
    tables += [read_table(p, name=Path(p).name) for p in events]
    try:
        base = dictionary if dictionary is not None else load_dictionary()
        curation = read_curation(cur_path, years=years) if cur_path is not None else None
    except DataFileError:
        _no_documents(path, folder, skip, tables)  # a corpus with nothing to read says so first
        raise
    problems: list[Problem] = []
    rows: list[dict] = []
    if curation is not None:
        problems += curation.problems
        rows += curation.rejected  # malformed entries: a row each, applied "no"
        base, actor_rows, actor_problems = extend_dictionary(base, curation)
        rows += actor_rows
        problems += actor_problems
    # streamed (nothing kept), the mentions are held as columns until the tables are made (actors.mention_store)
    store = None if keep_documents else MentionStore()
    extraction, read_problems, doc_rows, documents = _extract(
        files, replace(Extractor.load(dictionary=base), years=years), workers=workers, keep=keep_documents,
        progress=progress, scheduler=scheduler, store=store)
    if not doc_rows and not any(t.rows for t in tables):
        _fail(path, [*read_problems, *(p for t in tables for p in t.problems)])
    extraction = replace(extraction, problems=(*read_problems, *problems, *extraction.problems))
    if tables:
        got = import_tables(tables, base)
        base = got.dictionary
        if store is not None:
            store.add(got.edges, got.events)
        extraction = replace(extraction, documents=extraction.documents + tuple(t.name for t in tables),
                             events=extraction.events + (got.events if store is None else []),
                             edges=extraction.edges + (got.edges if store is None else []),
                             problems=extraction.problems + tuple(got.problems), dictionary=base,
                             mention_counts=extraction.mention_counts + got.mentions,
                             candidates=extraction.candidates + tuple(got.candidates))
    if curation is not None:
        if store is not None:  # curation changes rows: the mentions as lean rows (actors.mention_store)
            lean, statements = store.take_rows()
            extraction = replace(extraction, edges=lean, events=statements)
        edges, events, edge_rows, edge_problems = apply_curation(extraction.edges, extraction.events, curation, base)
        rows += edge_rows
        extraction = replace(extraction, edges=edges, events=events,
                             problems=extraction.problems + tuple(edge_problems))
    merged: list[dict] = []
    frames = to_frames(extraction, merges=merge_requests(curation) if curation is not None else (), merged=merged,
                       store=store)
    if not keep_documents:  # the frames hold them now
        extraction = replace(extraction, edges=[], events=[])
    del store
    if curation is not None and merged:
        merge_rows_, merge_problems = merge_rows(curation, merged)
        rows += merge_rows_
        if merge_problems:
            extraction = replace(extraction, problems=extraction.problems + tuple(merge_problems))
            frames["problems"] = problem_frame(extraction.problems)
    rows.sort(key=lambda r: r["line"])  # file order (the order of application is in the module doc)
    frames["curation"] = _curation_frame(rows)
    frames["documents"] = _document_frame(doc_rows, curation, tables)
    graph = build_graph(frames["edges"], frames["actors"], documents=frames["documents"])
    return Corpus(os.fspath(path), tuple(documents), extraction, frames, graph, curation, tuple(rows),
                  document_count=len(doc_rows))


def _extract(files, extractor: Extractor, *, workers: int, keep: bool, progress=None, scheduler=None, store=None):
    """The listed files read and extracted (:func:`actors.extract.parallel.extract_files`), merged in their
    order as :func:`actors.extract.pipeline.extract` merges documents: the extraction (its own problems),
    the problems of listing and reading, the documents' rows and, when ``keep``, the documents. With a
    ``store`` (:class:`actors.mention_store.MentionStore`) the extraction's mentions and statements are in it,
    not in the extraction."""
    rows: list[dict] = []
    kept = []
    names: list[str] = []
    events: list[dict] = []
    edges: list[dict] = []
    counts: Counter = Counter()
    found: list[Problem] = []
    candidates: list = []
    # the listing's problems and each file's, in the listing's order
    ordered: list[tuple[int, tuple[Problem, ...]]] = [(i, (p,)) for i, p in enumerate(files) if isinstance(p, Problem)]
    listed = [i for i, item in enumerate(files) if not isinstance(item, Problem)]
    read_at = iter(listed)
    for done, f in enumerate(extract_files(files, extractor, workers=workers, keep_documents=keep,
                                                  scheduler=scheduler), 1):
        ordered.append((next(read_at), f.read_problems))
        if progress is not None:
            progress(done, len(listed))
        if f.row is None:
            continue
        rows.append(f.row)
        names.append(f.name)
        if store is None:
            events.extend(f.events)
            edges.extend(f.edges)
        else:
            store.add(f.edges, f.events)
        counts.update(f.counts)
        found.extend(f.problems)
        candidates.extend(f.candidates)
        if keep:
            kept.append(f.document)
    ordered.sort(key=lambda x: x[0])
    read_problems = [p for _, ps in ordered for p in ps]
    return (Extraction(tuple(names), events, edges, counts, tuple(found), extractor.dictionary, tuple(candidates)),
            read_problems, rows, kept)


def _no_documents(path, folder: Path, skip, tables) -> None:
    """Raise :class:`CorpusError` when no document of ``folder`` can be read and no table has a row."""
    if not any(t.rows for t in tables):
        documents, problems = read_corpus(folder, skip=skip)
        if not documents:
            _fail(path, [*problems, *(p for t in tables for p in t.problems)])


def _fail(path, problems) -> None:
    detail = "; ".join(str(p) for p in problems[:5])
    raise CorpusError(f"no document could be read in {os.fspath(path)}" + (f" ({detail})" if detail else ""))


def _table_files(folder: Path) -> list[Path]:
    """The ``.csv`` files of a corpus folder, its sub-folders included (hidden ones not), in name order."""
    return sorted(p for p in folder.rglob("*") if is_table(p) and p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def _document_frame(documents: list[dict], curation: Curation | None, tables=()):
    """documents.csv: each document's name and title; each event table (its layout, rows for sentences);
    the overrides file, when there is one, too."""
    import polars as pl

    from actors.schema import DOCUMENT_COLUMNS, polars_schema

    rows = list(documents)  # their rows, from actors.extract.parallel
    rows += [{"doc": t.name, "title": "", "layout": t.layout or "unknown table", "sentences": len(t.rows)}
             for t in tables]
    if curation is not None:
        rows.append({"doc": curation.name, "title": "the analyst's overrides", "layout": "curation", "sentences": 0})
    return pl.DataFrame(rows, schema=polars_schema(DOCUMENT_COLUMNS), orient="row")


def _curation_frame(rows: list[dict]):
    import polars as pl

    from actors.schema import CURATION_COLUMNS, polars_schema

    return pl.DataFrame(rows, schema=polars_schema(CURATION_COLUMNS), orient="row")

"""The ``actors`` command: a thin layer over the library.

It catches the library's named exceptions and turns them into messages; user
errors never show a traceback. Commands: run, pair, actor, export. Exit codes:
0 success, 1 nothing could be read or written (or another run holds the output
folder's lock), 2 bad usage, an unknown actor name, a bad data file or a Dask
scheduler that cannot be used (``--scheduler``: no Dask, not reached), 130
interrupted by Ctrl-C, 143 stopped by SIGTERM (handled like Ctrl-C: staged files
removed, previous outputs left as they were).
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

from actors.cli_parser import _parser
from actors.errors import ActorsError, CorpusError, DataFileError, OutputLockedError
from actors.text.reading import TEXT_SUFFIXES

__all__ = ["main", "console"]

#: polars' allocator (jemalloc, read when polars is first imported) keeps the pages a table operation
#: freed for seconds, so every sort, join and gather of a large run stayed in its resident memory; these
#: settings hand them back at once (at 1,000 copies of the seeds, resolution and the tables peaked some
#: 100 MiB lower in one process; README, "Memory at scale"). Decay times already set in
#: ``_RJEM_MALLOC_CONF`` are kept (see :func:`_allocator`); the workers inherit it.
_ALLOCATOR = ("_RJEM_MALLOC_CONF", "dirty_decay_ms:0,muzzy_decay_ms:0")
#: What polars itself writes into ``_RJEM_MALLOC_CONF`` when it is imported: a command started by a
#: Python process that imported polars (a benchmark, a notebook) inherits it, and it is no choice of theirs.
_POLARS_DEFAULTS = "dirty_decay_ms:500,muzzy_decay_ms:1000"


def _allocator(environ) -> None:
    """:data:`_ALLOCATOR`'s settings put into ``environ`` (``os.environ``), after any already there,
    unless those name decay times of their own (polars' defaults, inherited, do not count).

    >>> env = {}; _allocator(env); env["_RJEM_MALLOC_CONF"]
    'dirty_decay_ms:0,muzzy_decay_ms:0'
    >>> env = {"_RJEM_MALLOC_CONF": _POLARS_DEFAULTS}; _allocator(env); env["_RJEM_MALLOC_CONF"]
    'dirty_decay_ms:500,muzzy_decay_ms:1000,dirty_decay_ms:0,muzzy_decay_ms:0'
    >>> env = {"_RJEM_MALLOC_CONF": "dirty_decay_ms:2000"}; _allocator(env); env["_RJEM_MALLOC_CONF"]
    'dirty_decay_ms:2000'
    """
    key, ours = _ALLOCATOR
    given = environ.get(key, "")
    if "decay_ms" not in given.removeprefix(_POLARS_DEFAULTS):  # jemalloc: a later setting wins
        environ[key] = f"{given},{ours}" if given else ours


def _actor_id(dictionary, name: str, option: str) -> str:
    """The id of the actor ``name`` names (any alias, any case), or an error with suggestions."""
    found = dictionary.lookup(name)
    if found is None:
        raise ActorsError(f"{option}: unknown actor {name!r}" + _did_you_mean(dictionary, name))
    return found.id


def _did_you_mean(dictionary, name: str) -> str:
    """"; did you mean 'Ansar Dine'? (id ansar-dine)": names to type (an actor's name where the closest spelling
    is its bare id), then which actor each is: its id, and its name when the spelling to type is an alias."""
    from actors.console import safe

    hints = [(h, dictionary.lookup(h)) for h in dictionary.suggest(name)]
    if not hints:
        return ""
    typed = [a.name if a is not None and h == a.id else h for h, a in hints]
    who = "; ".join(("" if t == a.name else f"{a.name}, ") + f"id {a.id}" for t, (_, a) in zip(typed, hints)
                    if a is not None)
    return safe(f"; did you mean {' or '.join(map(repr, typed))}?" + (f" ({who})" if who else ""))


class _Progress:
    """What the run is doing, on one line of the terminal: the step, its count, the time so far and an
    estimate of the time left. Only when stderr is a terminal: never in logs or pipes."""

    #: Share of a run's time each step takes (measured on the seeds and the dev corpora): the estimate.
    STEPS = {"reading and extracting": 0.2, "analysing": 0.1, "laying out": 0.1,
             "writing tables, pages and figures": 0.6}

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.t0 = time.perf_counter()
        self.done_share = 0.0
        self.current = None
        self.stage_t0 = self.t0
        self.drawn = 0.0  # when the line was last drawn (a file's progress redraws it at most 10 times a second)

    def __call__(self, stage: str, count: str = "") -> None:
        if not self.enabled:
            return
        if self.current is not None:
            self.done_share += self.STEPS.get(self.current, 0.0)
        self.current = stage
        self.stage_t0 = time.perf_counter()
        elapsed = self.stage_t0 - self.t0
        left = ""
        if self.done_share > 0:  # from the share of the run done so far
            left = f", about {max(1, round(elapsed * (1 - self.done_share) / self.done_share))} s left"
        self._draw(stage, count, elapsed, left)

    def files(self, done: int, total: int) -> None:
        """A file of the current stage done: "(1,234/5,000 files)" and the time its rate leaves."""
        now = time.perf_counter()
        if not self.enabled or self.current is None or (now - self.drawn < 0.1 and done < total):
            return
        spent = now - self.stage_t0
        # the step's time left from its pace so far, once a few files tell it
        settled = done >= max(3, total // 50) and done < total
        left = f", about {max(1, round(spent * (total - done) / done))} s left to read" if settled else ""
        self._draw(self.current, f"{done:,}/{total:,} files", now - self.t0, left)

    def _draw(self, stage: str, count: str, elapsed: float, left: str) -> None:
        self.drawn = time.perf_counter()
        steps = list(self.STEPS)
        step = f"[{steps.index(stage) + 1}/{len(steps)}] " if stage in steps else ""
        line = f"{step}{stage}{f' ({count})' if count else ''}… {elapsed:.1f} s{left}"
        import shutil

        width = shutil.get_terminal_size().columns - 1  # a line that wraps could not be overwritten
        print(f"\r\x1b[K{line[:width]}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.enabled:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)


def _files_to_read(folder: str) -> int:
    """How many text (.txt, .md, .html, ...) and .csv files the corpus holds (the progress line's count); 0 if unknown."""
    try:
        return sum(1 for p in Path(folder).rglob("*") if p.suffix.lower() in TEXT_SUFFIXES + (".csv",)
                   and not any(part.startswith(".") for part in p.relative_to(folder).parts))
    except OSError:
        return 0


def _load(args, progress=None):
    from actors.corpus import load_corpus

    if args.corpus == "seeds" and not os.path.isdir("seeds"):  # the default: run outside the project folder
        raise CorpusError(f"no folder 'seeds' here ({os.getcwd()}): run from the project folder, "
                          "or give --corpus FOLDER")
    if progress:
        n = _files_to_read(args.corpus)
        progress("reading and extracting", f"{n} file{'s' if n != 1 else ''}" if n else "")
    overrides = False if args.no_overrides else (args.overrides or True)
    events = tuple(getattr(args, "events", ()) or ())
    for path in events:
        if not os.path.isfile(path):
            raise ActorsError(f"--events {path}: no such file")
    # no command keeps a document once extracted; they are extracted on --workers processes (every usable core)
    more = {"workers": getattr(args, "workers", None), "keep_documents": False,
            "progress": progress.files if progress else None}
    if getattr(args, "scheduler", None):  # or on a Dask cluster's workers (actors.extract.cluster)
        more["scheduler"] = args.scheduler
    if args.years is not None:
        return load_corpus(args.corpus, overrides=overrides, years=args.years, events=events, **more)
    return load_corpus(args.corpus, overrides=overrides, events=events, **more)


def _report_problems(corpus, out_dir, *, full: bool, verbose: bool = False) -> None:
    """Problems on stderr. After `actors run` (``full``): one line per kind, with what to do, and
    an example (``verbose``: every one). Read-only commands: the overrides file's problems only, with a
    note that `actors run` lists the rest."""
    from actors.console import format_problems, safe  # file names and texts come from the user's folder

    source = corpus.curation.source if corpus.curation is not None else ""
    if not full:
        if corpus.curation_problems:
            for p in corpus.curation_problems:
                print(f"warning: {safe(p)}", file=sys.stderr)
            others = len(corpus.problems) - len(corpus.curation_problems)
            print(f"note: {len(corpus.curation_problems)} problem(s) in the overrides file {safe(source)}: those "
                  "entries were not applied" + (f"; {others} other problem(s) while reading {safe(corpus.path)}: "
                                                "`actors run` lists them" if others else ""), file=sys.stderr)
        return
    for line in format_problems(corpus.problems, curation_source=source,
                                csv=str(Path(out_dir) / "problems.csv"), verbose=verbose):
        print(line, file=sys.stderr)


def _run(args, out) -> int:
    from contextlib import ExitStack

    from actors.output_set import lock_output
    from actors.render.figure_pool import FigurePool

    with ExitStack() as stack:
        if Path(args.out).is_dir():  # a second run on this folder stops here, before any work (OutputLockedError)
            stack.enter_context(lock_output(args.out))  # a new folder is locked when its files are written
        # Started before anything heavy is imported: matplotlib loads in the workers while we read.
        with FigurePool(workers=args.figure_workers) as pool:
            return _run_with(args, out, pool)


def _run_with(args, out, pool) -> int:
    from actors.analysis.analyses import analyse, analysis_writers
    from actors.analysis.dyads import dyads
    from actors.csv_cells import write_csv
    from actors.render.explorer import explorer_writers
    from actors.network.export import export_writers
    from actors.network.export_choice import default_exports
    from actors.network.graph import edge_frame_of_table
    from actors.render.layout import positions
    from actors.analysis.pairs import FOCUS_PAIR
    from actors.analysis.report import render_report
    from actors.output import event_counts
    from actors.output import table_writers
    from actors.output_set import write_output_set
    from actors.network.windows import load_periods

    t0 = time.perf_counter()
    progress = _Progress(sys.stderr.isatty() and not args.quiet)
    periods = load_periods(args.periods) if args.periods else None
    corpus = _load(args, progress)
    if args.coalition == "jnim" and corpus.dictionary.lookup("jnim") is None:  # the default is in every whole file
        d = corpus.dictionary
        raise DataFileError(f"{d.source}: the actor dictionary has no actor 'jnim' (the default --coalition; "
                            f"{len(d.named())} actors, {len(d.generics())} generics): is it truncated, or the "
                            "wrong file? Give --coalition an actor it holds")
    coalition_id = _actor_id(corpus.dictionary, args.coalition, "--coalition")
    pairs = [tuple(_actor_id(corpus.dictionary, name, "--pair") for name in pair) for pair in args.pair]
    for (a, b), names in zip(pairs, args.pair):
        if a == b:
            raise ActorsError(f"--pair {names[0]} {names[1]}: both name {a!r}; give two different actors")
    graph = corpus.graph
    progress("analysing")
    generic = {n for n, g in graph.nodes(data="generic") if g}
    # the analyses' edge frame from the edges table: the same rows as from the graph, several times faster
    analyses = analyse(graph, periods=periods, coalition_actor=coalition_id,
                       edges=edge_frame_of_table(corpus.frames["edges"], generic=generic))
    cur = corpus.curation
    fr = corpus.frames
    dyad_table = dyads(fr["edges"], mentions=fr["mentions"], events=fr["events"], documents=fr["documents"],
                       generic=generic)
    report = render_report(analyses, summary={"documents": corpus.document_count, "skipped": len(corpus.skipped),
                                              "warnings": len(corpus.warnings),
                                              "candidates": corpus.frames["candidates"].height,
                                              "dyads": dyad_table,
                                              **event_counts(corpus.frames)},
                           curation_source=cur.source if cur else "", curation_rows=corpus.curation_rows,
                           curation_problems=cur.file_problems if cur else ())
    out_dir = Path(args.out)
    # Every output is staged in one folder, then all are renamed in and manifest.json is written last: a
    # killed run leaves the previous set whole, or (killed amid the renames) marked incomplete.
    writers = table_writers(corpus.frames, out_dir)
    writers.update(analysis_writers(analyses, out_dir))
    writers[out_dir / "dyads.csv"] = lambda p: write_csv(dyad_table, p)
    exports = getattr(args, "exports", None)
    exports = exports if exports is not None else default_exports(graph.number_of_edges())
    writers.update(export_writers(graph, out_dir, formats=exports))
    pairs = [FOCUS_PAIR, *pairs]
    progress("laying out")
    pos = positions(graph)  # one layout for the explorer and the snapshots: an actor stays where it was
    writers.update(explorer_writers(analyses, out_dir, pairs=pairs, pos=pos, mentions=corpus.frames["mentions"]))
    drawable = [p for p in pairs if p[0] in graph and p[1] in graph]
    for a, b in pairs[1:]:
        if (a, b) not in drawable:
            missing = " and ".join(x for x in (a, b) if x not in graph)
            print(f"note: --pair {a} {b}: {missing} has no relation in this corpus; no timeline or page", file=sys.stderr)
    writers.update(pool.figure_writers(analyses, out_dir, pairs=drawable, pos=pos))
    writers[out_dir / "report.md"] = lambda p: p.write_text(report, encoding="utf-8")
    progress("writing tables, pages and figures", f"{len(writers)} files")
    written = write_output_set(writers, out_dir)
    progress.done()
    if args.verbose:
        for path in written:
            print(f"  wrote {path}", file=out)
    out.flush()  # what is written comes before the problems, the summary after them
    if pool.fallback:  # the figures are whole either way; this says why the run took longer
        print(f"note: {pool.fallback}", file=sys.stderr)
    _report_problems(corpus, out_dir, full=True, verbose=args.verbose)
    sys.stderr.flush()
    if not args.quiet:
        for line in _summary(args, corpus, graph, written, out_dir, exports=exports):
            print(line, file=out)
    print(f"done in {time.perf_counter() - t0:.2f} s; {len(corpus.skipped)} item(s) skipped, "
          f"{len(corpus.warnings)} warning(s)", file=out)
    return 0


def _summary(args, corpus, graph, written, out_dir: Path, *, exports=None) -> list[str]:
    """The run in a few lines: what was read and skipped, what was found, where the outputs are, what to open."""
    from actors.console import safe
    from actors.network.export_choice import DEFAULT_EXPORT_EDGE_LIMIT, EXPORT_FORMATS

    fr = corpus.frames
    cur = corpus.curation
    by_relation = Counter(fr["edges"]["relation"].to_list())
    docs = fr["documents"]
    tables = docs.filter(~docs["layout"].is_in(["infobox", "scraped", "plain", "curation", "unknown table"]))
    texts_skipped = sum(1 for p in corpus.skipped if not p.path.lower().endswith(".csv") and p.path != (
        cur.source if cur else None))
    tables_skipped = sum(1 for p in corpus.skipped if p.path.lower().endswith(".csv") and "row skipped" not in p.what)
    lines = ["", "summary:",
             f"  read: {corpus.document_count} document(s) from {safe(args.corpus)}, {texts_skipped} skipped"
             + (f"; {tables.height} event table(s) ({int(tables['sentences'].sum())} rows)" if tables.height else "")
             + (f", {tables_skipped} table(s) not imported" if tables_skipped else "")]
    if cur is not None:
        applied = sum(1 for r in corpus.curation_rows if r["applied"] == "yes")
        lines.append(f"  curation: {applied} override(s) applied from {safe(cur.source)}, "
                     f"{len(corpus.curation_rows) - applied + len(cur.file_problems)} not applied")
    lines.append(f"  found: {fr['events'].height} events, {fr['edges'].height} edges (one per event, pair and "
                 f"relation) from {fr['mentions'].height} mentions: "
                 + ", ".join(f"{k} {v}" for k, v in sorted(by_relation.items()))
                 + f"; {graph.number_of_nodes()} actors in the network")
    cands = fr["candidates"]
    from_tables = cands.filter(cands["doc"].is_in(tables["doc"].to_list())).height
    lines.append(f"  candidates: {cands.height - from_tables} candidate organisation(s) the dictionary lacks, in "
                 "candidates.csv (never drawn as actors; an [[actor]] entry in the overrides file accepts one)"
                 + (f"; {from_tables} actor(s) named by event tables that the name map lacks, imported as actors "
                    "of their own (listed there too: map them in actors/data/event_actors.toml)"
                    if from_tables else ""))
    if corpus.problems:
        lines.append(f"  problems: {len(corpus.skipped)} skipped, {len(corpus.warnings)} warning(s), grouped "
                     f"above; every one in {safe(out_dir / 'problems.csv')}")
    lines.append(f"  outputs: {len(written)} files in {safe(out_dir)}"
                 + ("" if args.verbose else " (--verbose names each; manifest.json lists them)"))
    left_out = [f"graph.{f}" for f in EXPORT_FORMATS if exports is not None and f not in exports]
    if left_out and getattr(args, "exports", None) is None:  # the default left them out: say why and how to ask for them
        lines.append(f"  exports: {', '.join(left_out)} not written: {graph.number_of_edges():,} edges, above the "
                     f"default's limit of {DEFAULT_EXPORT_EDGE_LIMIT:,}; --exports all (or gexf, graphml, json, "
                     "comma-separated) writes them")
    lines.append(f"  open first: {safe(out_dir / 'report.md')} (the story, with its evidence), then "
                 f"{safe(out_dir / 'graph.html')} (the network to explore, offline in a browser)")
    return lines


def _pair(args, out) -> int:
    from actors.console import format_pair
    from actors.analysis.pairs import FACT_STATUSES
    from actors.schema import STATUSES

    corpus = _load(args)
    a, b = (_actor_id(corpus.dictionary, name, option) for name, option in ((args.a, "A"), (args.b, "B")))
    if a == b:
        raise ActorsError(f"A and B both name {a!r}: give two different actors")
    _report_problems(corpus, None, full=False)
    print(format_pair(corpus.graph, a, b, statuses=FACT_STATUSES if args.facts_only else STATUSES,
                      mentions=corpus.frames["mentions"]), file=out)
    return 0


def _actor(args, out) -> int:
    from actors.console import format_profile, safe
    from actors.analysis.profile import actor_profile
    from actors.network.windows import load_periods

    periods = load_periods(args.periods) if args.periods else None
    corpus = _load(args)
    actor = _actor_id(corpus.dictionary, args.name, "NAME")
    _report_problems(corpus, None, full=False)
    if actor not in corpus.graph:
        found = corpus.dictionary.get(actor)
        print(f"{safe(found.name)} ({actor}), {found.kind}: no relation in this corpus "
              f"({corpus.extraction.mention_counts.get(actor, 0)} mention(s))", file=out)
        return 0
    print(format_profile(corpus.graph, actor_profile(corpus.graph, actor, periods=periods)), file=out)
    return 0


def _export(args, out) -> int:
    from actors.network.export import write_to
    from actors.output import export

    corpus = _load(args)
    _report_problems(corpus, None, full=False)
    if args.out == "-":
        out.flush()
        write_to(corpus.graph, sys.stdout.buffer, format=args.format)
        sys.stdout.buffer.flush()
        return 0
    path = Path(args.out) if args.out else Path("output") / f"graph.{args.format}"
    written = export(corpus.graph, path, format=args.format)
    print(f"wrote {written} ({corpus.graph.number_of_nodes()} actors, {corpus.graph.number_of_edges()} "
          "relations)", file=out)
    return 0


_COMMANDS = {"run": _run, "pair": _pair, "actor": _actor, "export": _export}


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread: it unwinds like Ctrl-C, so staged files are removed."""


_stopping = False  # a SIGTERM is being handled: a second one must not cut the clean-up short


def _on_sigterm(signum, frame) -> None:
    global _stopping
    if not _stopping:
        _stopping = True
        raise _Terminated()


def _unraisable(hook):
    """Python drops an exception raised in a finaliser or weakref callback; a SIGTERM caught there is sent again."""
    def unraisable(info) -> None:
        global _stopping
        if isinstance(info.exc_value, _Terminated):
            _stopping = False
            # sent again once this hook has returned, and handled at the next step of ordinary code
            # (raised inside the hook, it would be dropped too, with a traceback)
            again = threading.Timer(0.05, os.kill, (os.getpid(), signal.SIGTERM))
            again.daemon = True
            again.start()
        else:
            hook(info)
    return unraisable


def main(argv: Sequence[str] | None = None) -> int:
    global _stopping
    _allocator(os.environ)  # before anything imports polars (see _ALLOCATOR)
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # told with the usage of the command it was given to, not the program's
        where = args.commands.get(args.command, parser) if args.command else parser
        where.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command is None:
        parser.print_help()
        return 2
    folder = getattr(args, "folder", None)
    if folder is not None:  # `actors run FOLDER`, as `--corpus FOLDER`
        if args.corpus not in ("seeds", folder):
            args.commands[args.command].error(f"the corpus folder is given twice ({folder} and --corpus "
                                              f"{args.corpus}): give it once")
        args.corpus = folder
    previous = None
    if threading.current_thread() is threading.main_thread():  # signal handlers live in the main thread only
        previous, hook = signal.signal(signal.SIGTERM, _on_sigterm), sys.unraisablehook
        sys.unraisablehook = _unraisable(hook)
    try:
        return _main(args)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
            sys.unraisablehook = hook
            _stopping = False


def _main(args) -> int:
    try:
        code = _COMMANDS[args.command](args, sys.stdout)
        sys.stdout.flush()  # here, not at exit: a reader that has gone is handled below
        return code
    except OutputLockedError as exc:  # another run writes to the folder: this one stops, nothing written
        print(f"actors: {exc}", file=sys.stderr)
        return 1
    except DataFileError as exc:
        print(f"actors: bad data file: {exc}", file=sys.stderr)
        return 2
    except CorpusError as exc:
        print(f"actors: {exc}", file=sys.stderr)
        return 1
    except ActorsError as exc:
        print(f"actors: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `actors pair ... | head`: the reader has gone, nothing to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit's flush
        return 0
    except OSError as exc:
        print(f"actors: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt as exc:  # Ctrl-C (130) or SIGTERM (143): staged files are already removed
        what = "terminated (SIGTERM)" if isinstance(exc, _Terminated) else "interrupted"
        print(f"actors: {what}; previous outputs are left as they were", file=sys.stderr)
        return 143 if isinstance(exc, _Terminated) else 130
    except Exception:
        if not _stopping:
            raise
        # a SIGTERM raised inside a library's compiled code comes back as that code's own error
        # (matplotlib's "Invalid affine transformation matrix"): it is still the SIGTERM
        print("actors: terminated (SIGTERM); previous outputs are left as they were", file=sys.stderr)
        return 143


def console() -> None:
    """The ``actors`` program: :func:`main` on the command line's arguments, then exit with its code."""
    code = main()
    # The process ends here. Frozen, the objects it loaded (polars, networkx, numpy, the corpus) are
    # not walked once more by the collector at interpreter exit: 0.08 s of every command.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    console()

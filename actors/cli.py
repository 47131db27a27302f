"""The ``actors`` command: a thin layer over the library.

It catches the library's named exceptions and turns them into messages; user
errors never show a traceback. Commands: run, pair, actor, export. Exit codes:
0 success, 1 nothing could be read or written (or another run holds the output
folder's lock), 2 bad usage, an unknown actor name or a bad data file, 130
interrupted by Ctrl-C, 143 stopped by SIGTERM (handled like Ctrl-C: staged files
removed, previous outputs left as they were).
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

from actors.errors import ActorsError, CorpusError, DataFileError, OutputLockedError

__all__ = ["main", "console"]

_MAX_WIDTH = 90  # help text is wrapped to the terminal, never wider than this

_EXAMPLES = {  # one block per command, lines under 80 columns (kept as written, not wrapped)
    None: """examples:
  actors run                          read seeds/, write every output to output/
  actors run --corpus ~/articles --out /tmp/out
  actors pair MNLA "ansar dine"       a pair's timeline, every event with its sentence
  actors actor mujao                  a profile: names, relations by period, splits
  actors export --format gexf --out net.gexf

`actors COMMAND --help` tells more about each command.""",
    "run": """examples:
  actors run                          read seeds/ (and its overrides), write output/
  actors run --corpus ~/articles --out /tmp/out
  actors run --periods my_periods.toml --coalition "Ansar Dine"
  actors run --pair "Ansar Dine" MOJWA    also chart (and page) this pair over time
  actors run --verbose                also name every file written and every problem""",
    "pair": """examples:
  actors pair MNLA "ansar dine"       every event between them, with its sentence
  actors pair mnla mia --facts-only   leave out denied and disputed relations
  actors pair MNLA JNIM | less        page through a long timeline""",
    "actor": """examples:
  actors actor mujao                  names, relations by period, splits, memberships
  actors actor "Ansar Dine" --periods my_periods.toml""",
    "export": """examples:
  actors export --format gexf --out net.gexf   for Gephi, with time intervals
  actors export --format graphml               to output/graph.graphml (yEd, Cytoscape)
  actors export --format json --out -          to standard output""",
}

_FOOTER = """
Names are accepted by any alias, in any case ("mujao", "MOJWA", "Movement for Oneness and Jihad in West Africa").
Exit codes: 0 done (problems with single files are reported and skipped), 1 nothing could be read or written, or
another run is writing to the output folder, 2 bad usage, unknown actor name or bad data file, 130 Ctrl-C, 143
SIGTERM (previous outputs are left as they were)."""


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Help wrapped to the terminal (at most ``_MAX_WIDTH`` columns): prose paragraphs are filled, indented
    lines (the examples) are kept as written."""

    def __init__(self, prog: str, **kw) -> None:
        import shutil

        kw.setdefault("width", max(40, min(shutil.get_terminal_size().columns, _MAX_WIDTH) - 2))
        super().__init__(prog, **kw)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        import textwrap

        out = []
        for para in text.strip("\n").split("\n\n"):
            lines = para.split("\n")
            if any(line.startswith("  ") for line in lines[1:]) or para.startswith("  "):
                out.append("\n".join(indent + line for line in lines))  # an example block: as written
            else:
                out.append(textwrap.fill(" ".join(para.split()), width, initial_indent=indent,
                                         subsequent_indent=indent))
        return "\n\n".join(out) + "\n"


_OUTPUTS_HELP = ("Read every .txt and .md file of a corpus folder, import its ACLED and UCDP .csv exports "
                 "(and --events files), and write actors.csv, documents.csv, events.csv/.parquet, "
                 "edges.csv/.parquet, mentions.csv/.parquet, overlaps.csv, problems.csv, curation.csv, "
                 "candidates.csv and dyads.csv; "
                 "build the temporal network and write shifts.csv, coalition.csv, genealogy.csv, balance.csv, "
                 "frustrated_edges.csv, centrality.csv, blocs.csv, graph.graphml, graph.gexf, graph.json and "
                 "report.md; draw figures/*.png and *.svg; and write the offline explorer graph.html with its "
                 "focus pages (jnim.html, mnla_ansar_dine.html); and, last, manifest.json (every file's size and "
                 "sha256). A second run on the same --out stops at once while the first holds the folder's lock.")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="actors",
        description="Turn reporting on armed conflict into a temporal network of armed actors.",
        epilog=_EXAMPLES[None] + "\n" + _FOOTER,
        formatter_class=_HelpFormatter,
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    corpus = argparse.ArgumentParser(add_help=False)
    corpus.add_argument("--corpus", default="seeds",
                        help="folder of articles and event tables (.txt, .md; ACLED or UCDP .csv exports) "
                        "(default: seeds)")
    corpus.add_argument("--events", action="append", default=[], metavar="FILE",
                        help="an ACLED or UCDP export (.csv) kept elsewhere, imported beside the corpus "
                        "(repeatable)")
    cur = corpus.add_mutually_exclusive_group()
    cur.add_argument("--overrides", metavar="FILE",
                     help="curation overrides to apply (default: overrides.toml in the corpus folder, if any)")
    cur.add_argument("--no-overrides", action="store_true", help="apply no curation file: extraction as it is")
    corpus.add_argument("--years", type=_years, default=None, metavar="FIRST-LAST",
                        help="plausible years (default 1900-2100): a date outside them, in a text or the "
                        "overrides file, is refused with a problem naming its line")

    def command(name: str, help: str, description: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[corpus], help=help, description=description,
                              epilog=_EXAMPLES[name] + "\n" + _FOOTER, formatter_class=_HelpFormatter)

    run = command("run", "extract, analyse, draw and write every output", _OUTPUTS_HELP)
    run.add_argument("--out", default="output", help="output folder (default: output)")
    run.add_argument("--periods", metavar="FILE", help="TOML file of [[period]] tables (id, label, start, end) "
                     "to use instead of the named phases of Mali's wars")
    run.add_argument("--coalition", default="jnim", metavar="ACTOR",
                     help="actor whose coalition report.md and coalition.csv describe (default: jnim)")
    run.add_argument("--pair", nargs=2, action="append", default=[], metavar=("A", "B"),
                     help="also draw the timeline of this pair of actors (any alias; repeatable); "
                     "MNLA and Ansar Dine are always drawn when both are in the corpus")
    shown = run.add_mutually_exclusive_group()
    shown.add_argument("--quiet", "-q", action="store_true", help="print only problems and the last line")
    shown.add_argument("--verbose", "-v", action="store_true",
                       help="also name every file written, and every problem (not one example of each kind)")
    run.add_argument("--figure-workers", type=int, choices=(0, 1, 2), default=2, metavar="N",
                     help="processes that draw the figures while the rest is written: 2 (the default; "
                     "none on a single core), 1, or 0 to draw them in this process. The files are the same "
                     "either way")

    pair = command("pair", "print a pair's timeline, every event with its evidence sentence",
                   "Print every relation between two actors, by date (undated last), each with its date "
                   "precision, status, claimant, document and character range, and the sentence it rests on. "
                   "Shifts between alliance and fighting are summarised first.")
    pair.add_argument("a", metavar="A", help="an actor: id, name or any alias, any case")
    pair.add_argument("b", metavar="B", help="the other actor")
    pair.add_argument("--facts-only", action="store_true", help="leave out denied and disputed relations")

    actor = command("actor", "print an actor's profile",
                    "Print an actor's names and aliases, its relations period by period, the groups it split "
                    "from or that split from it, and its memberships.")
    actor.add_argument("name", metavar="NAME", help="id, name or any alias, any case")
    actor.add_argument("--periods", metavar="FILE", help="TOML file of [[period]] tables (default: the named "
                       "phases of Mali's wars)")

    export = command("export", "write the temporal network as GEXF, GraphML or JSON",
                     "Write the network, one edge per event with its dates, status and evidence, for Gephi "
                     "(gexf, with time intervals), yEd/Cytoscape (graphml) or any program (json).")
    export.add_argument("--format", required=True, choices=("gexf", "graphml", "json"))
    export.add_argument("--out", metavar="FILE", help="file to write (default: output/graph.FORMAT; - for "
                        "standard output)")
    p.set_defaults(commands=sub.choices)  # each command's parser: a wrong flag is told with its own usage
    return p


def _years(text: str) -> tuple[int, int]:
    """``--years 1900-2100``, checked (argparse turns the error into a usage message, exit 2)."""
    from actors.text.date_values import check_years

    first, sep, last = text.partition("-")
    try:
        if not sep:
            raise ValueError(f"expected FIRST-LAST such as 1900-2100, got {text!r}")
        return check_years((int(first), int(last)))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).replace("invalid literal for int() with base 10",
                                                          "not a year")) from None


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

    def __call__(self, stage: str, count: str = "") -> None:
        if not self.enabled:
            return
        if self.current is not None:
            self.done_share += self.STEPS.get(self.current, 0.0)
        self.current = stage
        steps = list(self.STEPS)
        step = f"[{steps.index(stage) + 1}/{len(steps)}] " if stage in steps else ""
        elapsed = time.perf_counter() - self.t0
        left = ""
        if self.done_share > 0:  # from the share of the run done so far
            left = f", about {max(1, round(elapsed * (1 - self.done_share) / self.done_share))} s left"
        line = f"{step}{stage}{f' ({count})' if count else ''}… {elapsed:.1f} s{left}"
        import shutil

        width = shutil.get_terminal_size().columns - 1  # a line that wraps could not be overwritten
        print(f"\r\x1b[K{line[:width]}", end="", file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.enabled:
            print("\r\x1b[K", end="", file=sys.stderr, flush=True)


def _files_to_read(folder: str) -> int:
    """How many .txt, .md and .csv files the corpus holds (the progress line's count); 0 if unknown."""
    try:
        return sum(1 for p in Path(folder).rglob("*") if p.suffix.lower() in (".txt", ".md", ".csv")
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
    if args.years is not None:
        return load_corpus(args.corpus, overrides=overrides, years=args.years, events=events)
    return load_corpus(args.corpus, overrides=overrides, events=events)


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
    analyses = analyse(graph, periods=periods, coalition_actor=coalition_id)
    cur = corpus.curation
    fr = corpus.frames
    dyad_table = dyads(fr["edges"], mentions=fr["mentions"], events=fr["events"], documents=fr["documents"],
                       generic={n for n, g in graph.nodes(data="generic") if g})
    report = render_report(analyses, summary={"documents": len(corpus.documents), "skipped": len(corpus.skipped),
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
    writers.update(export_writers(graph, out_dir))
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
        for line in _summary(args, corpus, graph, written, out_dir):
            print(line, file=out)
    print(f"done in {time.perf_counter() - t0:.2f} s; {len(corpus.skipped)} item(s) skipped, "
          f"{len(corpus.warnings)} warning(s)", file=out)
    return 0


def _summary(args, corpus, graph, written, out_dir: Path) -> list[str]:
    """The run in a few lines: what was read and skipped, what was found, where the outputs are, what to open."""
    from actors.console import safe

    fr = corpus.frames
    cur = corpus.curation
    by_relation = Counter(fr["edges"]["relation"].to_list())
    docs = fr["documents"]
    tables = docs.filter(~docs["layout"].is_in(["infobox", "scraped", "plain", "curation", "unknown table"]))
    texts_skipped = sum(1 for p in corpus.skipped if not p.path.lower().endswith(".csv") and p.path != (
        cur.source if cur else None))
    tables_skipped = sum(1 for p in corpus.skipped if p.path.lower().endswith(".csv") and "row skipped" not in p.what)
    lines = ["", "summary:",
             f"  read: {len(corpus.documents)} document(s) from {safe(args.corpus)}, {texts_skipped} skipped"
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
            os.kill(os.getpid(), signal.SIGTERM)  # handled again at the next step of ordinary code
        else:
            hook(info)
    return unraisable


def main(argv: Sequence[str] | None = None) -> int:
    global _stopping
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # told with the usage of the command it was given to, not the program's
        where = args.commands.get(args.command, parser) if args.command else parser
        where.error(f"unrecognized arguments: {' '.join(extra)}")
    if args.command is None:
        parser.print_help()
        return 2
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


def console() -> None:
    """The ``actors`` program: :func:`main` on the command line's arguments, then exit with its code."""
    code = main()
    # The process ends here. Frozen, the objects it loaded (polars, networkx, numpy, the corpus) are
    # not walked once more by the collector at interpreter exit: 0.08 s of every command.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    console()

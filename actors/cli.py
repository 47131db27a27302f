"""The ``actors`` command: a thin layer over the library.

It catches the library's named exceptions and turns them into messages; user
errors never show a traceback. Exit codes: 0 success, 1 nothing could be read,
2 bad usage or a bad data file.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Sequence

from .errors import ActorsError, CorpusError, DataFileError

__all__ = ["main"]

_MAX_WARNINGS = 20  # more go to problems.csv only, so real errors stay visible

_EPILOG = """examples:
  actors run                              read seeds/, write tables to output/
  actors run --corpus ~/articles --out /tmp/out
  actors run --periods my_periods.toml --coalition "Ansar Dine"
  actors run --pair "Ansar Dine" MOJWA     also chart (and page) this pair's relation over time
"""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="actors",
        description="Turn reporting on armed conflict into a temporal network of armed actors.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    run = sub.add_parser(
        "run",
        help="extract actors, events and relations from a corpus folder",
        description="Read every .txt and .md file of a corpus folder and write actors.csv, "
        "events.csv/.parquet, edges.csv/.parquet and problems.csv; build the temporal network and write "
        "shifts.csv, coalition.csv, genealogy.csv, balance.csv, frustrated_edges.csv, centrality.csv, "
        "blocs.csv, graph.graphml, graph.gexf, graph.json and report.md; draw figures/*.png and *.svg; "
        "and write the offline explorer graph.html with its focus pages (jnim.html, mnla_ansar_dine.html).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    run.add_argument("--corpus", default="seeds", help="folder of articles (default: seeds)")
    run.add_argument("--out", default="output", help="output folder (default: output)")
    run.add_argument("--periods", metavar="FILE", help="TOML file of [[period]] tables (id, label, start, end) "
                     "to use instead of the named phases of Mali's wars")
    run.add_argument("--coalition", default="jnim", metavar="ACTOR",
                     help="actor id whose coalition report.md and coalition.csv describe (default: jnim)")
    run.add_argument("--pair", nargs=2, action="append", default=[], metavar=("A", "B"),
                     help="also draw the timeline of this pair of actors (any alias; repeatable); "
                     "MNLA and Ansar Dine are always drawn when both are in the corpus")
    run.add_argument("--quiet", "-q", action="store_true", help="print only problems and the summary line")
    return p


def _actor_id(dictionary, name: str, option: str) -> str:
    """The id of the actor ``name`` names (any alias, any case), or an error with suggestions."""
    found = dictionary.lookup(name)
    if found is None:
        hint = dictionary.suggest(name)
        raise ActorsError(f"{option}: unknown actor {name!r}"
                          + (f"; did you mean {', '.join(map(repr, hint))}?" if hint else ""))
    return found.id


def _run(args, out) -> int:
    from .analyses import analyse, analysis_writers
    from .documents import read_corpus
    from .explorer import explorer_writers
    from .figures import figure_writers
    from .layout import positions
    from .pairs import FOCUS_PAIR
    from .export import export_writers
    from .graph import build_graph
    from .pipeline import Extractor, extract
    from .report import render_report
    from .tables import table_writers, to_frames, write_all
    from .windows import load_periods

    t0 = time.perf_counter()
    periods = load_periods(args.periods) if args.periods else None
    extractor = Extractor.load()
    coalition_id = _actor_id(extractor.dictionary, args.coalition, "--coalition")
    pairs = [tuple(_actor_id(extractor.dictionary, name, "--pair") for name in pair) for pair in args.pair]
    documents, problems = read_corpus(args.corpus)
    if not documents:
        for p in problems:
            print(f"problem: {p}", file=sys.stderr)
        print(f"actors: no document could be read in {args.corpus}", file=sys.stderr)
        return 1
    extraction = extract(documents, extractor=extractor, problems=problems)
    frames = to_frames(extraction)
    skipped = [p for p in extraction.problems if p.skipped]
    warnings = [p for p in extraction.problems if not p.skipped]
    graph = build_graph(frames["edges"], frames["actors"])
    analyses = analyse(graph, periods=periods, coalition_actor=coalition_id)
    report = render_report(analyses, summary={"documents": len(documents), "skipped": len(skipped),
                                              "warnings": len(warnings)})
    out_dir = Path(args.out)
    # Every output is staged, then all are renamed together: a killed run
    # leaves the previous set whole and consistent.
    writers = table_writers(frames, out_dir)
    writers.update(analysis_writers(analyses, out_dir))
    writers.update(export_writers(graph, out_dir))
    pairs = [FOCUS_PAIR, *pairs]
    pos = positions(graph)  # one layout for the explorer and the snapshots: an actor stays where it was
    writers.update(explorer_writers(analyses, out_dir, pairs=pairs, pos=pos))
    drawable = [p for p in pairs if p[0] in graph and p[1] in graph]
    for a, b in pairs[1:]:
        if (a, b) not in drawable:
            missing = " and ".join(x for x in (a, b) if x not in graph)
            print(f"note: --pair {a} {b}: {missing} has no relation in this corpus; no timeline or page", file=sys.stderr)
    writers.update(figure_writers(analyses, out_dir, pairs=drawable, pos=pos))
    writers[out_dir / "report.md"] = lambda p: p.write_text(report, encoding="utf-8")
    written = write_all(writers)
    for p in skipped:
        print(f"skipped: {p}", file=sys.stderr)
    for p in warnings[:_MAX_WARNINGS]:
        print(f"warning: {p}", file=sys.stderr)
    if len(warnings) > _MAX_WARNINGS:
        print(f"warning: ... and {len(warnings) - _MAX_WARNINGS} more: every one is in "
              f"{Path(args.out) / 'problems.csv'}", file=sys.stderr)
    by_relation = Counter(e["relation"] for e in extraction.edges)
    if not args.quiet:
        print(f"read {len(documents)} document(s) from {args.corpus}", file=out)
        print(f"{len(extraction.events)} events, {len(extraction.edges)} edges: "
              + ", ".join(f"{k} {v}" for k, v in sorted(by_relation.items())), file=out)
        for path in written:
            print(f"  wrote {path}", file=out)
    print(f"done in {time.perf_counter() - t0:.2f} s; {len(skipped)} item(s) skipped, {len(warnings)} warning(s)", file=out)
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    try:
        if args.command == "run":
            return _run(args, sys.stdout)
    except DataFileError as exc:
        print(f"actors: bad data file: {exc}", file=sys.stderr)
        return 2
    except CorpusError as exc:
        print(f"actors: {exc}", file=sys.stderr)
        return 1
    except ActorsError as exc:
        print(f"actors: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"actors: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

"""The ``actors`` command's arguments: the parser, its wrapped help and one example block per command.

Part of the command-line layer (:mod:`actors.cli` runs the commands); kept apart because the help
text is long and is data for the reader, not logic.
"""

from __future__ import annotations

import argparse

from actors.network.export_choice import DEFAULT_EXPORT_EDGE_LIMIT, parse_exports

__all__: list[str] = []  # the command line's own; actors.cli uses _parser


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
  actors run ~/articles --out /tmp/out    the same for a folder of your own
  actors run --periods my_periods.toml --coalition "Ansar Dine"
  actors run --pair "Ansar Dine" MOJWA    also chart (and page) this pair over time
  actors run big/ --scheduler tcp://10.0.0.5:8786    extract on a Dask cluster
  actors run --verbose                also name every file written and every problem
  actors run --exports json           of the network exports, graph.json only
  actors run --exports none           no graph.gexf, graph.graphml or graph.json""",
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
another run is writing to the output folder, 2 bad usage, unknown actor name, bad data file or a --scheduler that cannot be used, 130 Ctrl-C, 143
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


_OUTPUTS_HELP = ("Read every .txt, .md (.mdx) and .html file of a corpus folder, import its ACLED and UCDP .csv exports "
                 "(and --events files), and write actors.csv, documents.csv, events.csv/.parquet, "
                 "edges.csv/.parquet, mentions.csv/.parquet, overlaps.csv, problems.csv, curation.csv, "
                 "candidates.csv and dyads.csv; "
                 "build the temporal network and write shifts.csv, coalition.csv, genealogy.csv, balance.csv, "
                 "frustrated_edges.csv, centrality.csv, blocs.csv, report.md and (see --exports) graph.gexf, "
                 "graph.graphml and graph.json; draw figures/*.png and *.svg; and write the offline explorer "
                 "graph.html with its focus pages (jnim.html, mnla_ansar_dine.html); and, last, manifest.json (every file's size and "
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
                        help="folder of articles and event tables (.txt, .md, .mdx, .html; ACLED or UCDP .csv exports) "
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
    run.add_argument("folder", nargs="?", metavar="FOLDER", help="the corpus folder (the same as --corpus FOLDER)")
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
    where = run.add_mutually_exclusive_group()
    where.add_argument("--workers", type=_workers, default=None, metavar="N",
                       help="processes that read and extract the documents (default: every usable core; 1 "
                       "starts none). The outputs are the same bytes with any number")
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="extract on the workers of this Dask cluster (tcp://host:8786) instead: the files "
                       "are read here and their bytes sent, plain rows come back; the outputs are the same "
                       "bytes. Needs actors[cluster] here and actors on every worker")
    run.add_argument("--figure-workers", type=int, choices=(0, 1, 2), default=2, metavar="N",
                     help="processes that draw the figures while the rest is written: 2 (the default; "
                     "none on a single core), 1, or 0 to draw them in this process. The files are the same "
                     "either way")
    run.add_argument("--exports", type=_exports, default=None, metavar="FORMATS",
                     help="the network exports to write: gexf, graphml, json (comma-separated), all or none "
                     f"(default: all three up to {DEFAULT_EXPORT_EDGE_LIMIT:,} edges, none above; the summary "
                     "says when it left them out)")

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


def _exports(text: str) -> tuple[str, ...]:
    """``--exports gexf,json``, ``all`` or ``none`` (:func:`actors.network.export_choice.parse_exports`)."""
    try:
        return parse_exports(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _workers(text: str) -> int:
    """``--workers N``: a whole number, at least 1."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"at least 1, not {n}")
    return n


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

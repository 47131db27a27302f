"""Score extracted edges against a hand-annotated gold set.

A gold row names a document, a quote that locates its evidence (sentence or
infobox block), two actor ids, a relation, and the status and date it should
carry. An extracted edge matches a gold row when it is in the same document,
its evidence span contains the quote, the relation is the same and the actors
are the same (in either order for symmetric relations). Only edges between two
named actors whose evidence lies in the covered ranges count for precision.

>>> gold = [GoldRow("d.txt", 0, 10, "a", "b", "fought-against", "reported", "", "2012", "year")]
>>> edges = [{"doc": "d.txt", "char_start": 0, "char_end": 10, "source": "b", "target": "a",
...           "relation": "fought-against", "status": "reported", "date": "2012"}]
>>> s = score(edges, gold, {"d.txt": [(0, 100)]}, generic=set())
>>> s["fought-against"]["precision"], s["fought-against"]["recall"]
(1.0, 1.0)
"""

from __future__ import annotations

import csv
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from actors.schema import RELATIONS, is_symmetric

__all__ = ["GoldRow", "load_gold", "score", "format_scores", "GoldLine", "load_event_gold", "dates_compatible",
           "score_events", "event_edges", "evaluate_corpus", "format_report"]


@dataclass(frozen=True)
class GoldRow:
    doc: str
    quote_start: int
    quote_end: int
    source: str
    target: str
    relation: str
    status: str
    claimed_by: str
    date: str
    date_precision: str


def load_gold(folder: str | Path, corpus: str | Path) -> tuple[list[GoldRow], dict[str, list[tuple[int, int]]]]:
    """Read ``edges.csv`` and ``coverage.toml`` of a gold folder, locating quotes in the corpus."""
    folder, corpus = Path(folder), Path(corpus)
    with open(folder / "coverage.toml", "rb") as fh:
        cov = tomllib.load(fh)
    coverage = {doc: [(int(v["start"]), int(v["end"]))] for doc, v in cov.items()}
    texts: dict[str, str] = {}
    rows = []
    with open(folder / "edges.csv", encoding="utf-8", newline="") as fh:
        for n, r in enumerate(csv.DictReader(fh), 2):
            text = texts.setdefault(r["doc"], (corpus / r["doc"]).read_text(encoding="utf-8"))
            at = text.find(r["quote"])
            if at < 0:
                raise ValueError(f"{folder / 'edges.csv'}: line {n}: quote not found in {r['doc']}: {r['quote']!r}")
            rows.append(GoldRow(r["doc"], at, at + len(r["quote"]), r["source"], r["target"], r["relation"],
                                r["status"], r["claimed_by"], r["date"], r["date_precision"]))
    return rows, coverage


def _same(edge: dict, g: GoldRow) -> bool:
    if edge["doc"] != g.doc or edge["relation"] != g.relation:
        return False
    if not (edge["char_start"] <= g.quote_start and g.quote_end <= edge["char_end"]):
        return False
    if is_symmetric(g.relation):
        return {edge["source"], edge["target"]} == {g.source, g.target}
    return (edge["source"], edge["target"]) == (g.source, g.target)


def score(edges: Iterable[dict], gold: list[GoldRow], coverage: dict, *, generic: set[str]) -> dict:
    """Precision, recall, F1 per relation (and ``all``), plus status and date agreement.

    Also returns the unmatched rows, for inspection: ``false_positives`` and
    ``false_negatives``.
    """
    def covered(e):
        return any(lo <= e["char_start"] and e["char_end"] <= hi for lo, hi in coverage.get(e["doc"], []))

    candidates = [e for e in edges if covered(e) and e["source"] not in generic and e["target"] not in generic]
    used: set[int] = set()
    matched: list[tuple[dict, GoldRow]] = []
    missed: list[GoldRow] = []
    for g in gold:
        hit = next((i for i, e in enumerate(candidates) if i not in used and _same(e, g)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            matched.append((candidates[hit], g))
    spurious = [e for i, e in enumerate(candidates) if i not in used]
    return _tally(matched, spurious, missed)


def _tally(matched: list[tuple[dict, Any]], spurious: list[dict], missed: list) -> dict:
    """Precision, recall and F1 per relation and in all, agreement on matches, and the errors."""
    out: dict = {}
    for rel in (*RELATIONS, "all"):
        tp = sum(1 for _, g in matched if rel in ("all", g.relation))
        fp = sum(1 for e in spurious if rel in ("all", e["relation"]))
        fn = sum(1 for g in missed if rel in ("all", g.relation))
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        out[rel] = {"tp": tp, "fp": fp, "fn": fn, "precision": round(p, 3), "recall": round(r, 3),
                    "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}
    n = len(matched)
    out["status_agreement"] = round(sum(e["status"] == g.status for e, g in matched) / n, 3) if n else 1.0
    out["date_agreement"] = round(sum((e.get("date") or "") == g.date for e, g in matched) / n, 3) if n else 1.0
    out["date_disagreements"] = [(e, g) for e, g in matched if (e.get("date") or "") != g.date]
    out["false_positives"] = spurious
    out["false_negatives"] = missed
    return out


def format_scores(s: dict) -> str:
    """A small plain-text table of the scores."""
    lines = [f"{'relation':<16}{'P':>7}{'R':>7}{'F1':>7}{'tp':>5}{'fp':>5}{'fn':>5}"]
    for rel in (*RELATIONS, "all"):
        r = s[rel]
        lines.append(f"{rel:<16}{r['precision']:>7.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}{r['tp']:>5}{r['fp']:>5}{r['fn']:>5}")
    lines.append(f"status agreement on matches: {s['status_agreement']:.3f}; date agreement: {s['date_agreement']:.3f}")
    return "\n".join(lines)


# --- Event-level gold (../shared/annotation.md): one line per (event, pair, relation) ---

@dataclass(frozen=True)
class GoldLine:
    """One line of an event-level gold file: an event, a pair, a relation, its evidence ranges."""

    event: str
    evidence: tuple[tuple[str, int, int], ...]  # (file, start, end), end exclusive
    source: str
    target: str
    relation: str
    kind: str
    status: str
    claimed_by: str
    date: str
    date_precision: str
    note: str

    @property
    def implicit(self) -> bool:
        """Stated across sentences (the note starts IMPLICIT or COREFERENCE)."""
        return self.note.upper().startswith(("IMPLICIT", "COREFERENCE"))


def load_event_gold(paths: Iterable[str | Path], corpus: str | Path, *,
                    files: Iterable[str] | None = None) -> list[GoldLine]:
    """Read event-level gold CSV files whose evidence is ``FILE:START-END`` ranges joined by ``;``.

    Every range is checked against the corpus file it names; a bad one raises
    ``ValueError`` naming the gold file, its line and what was expected. Given ``files``, ranges in
    other files are left out unread, and a line with none left is left out (a part of a split, or a
    corpus some of whose texts are not on this machine).
    """
    corpus = Path(corpus)
    only = set(files) if files is not None else None
    sizes: dict[str, int] = {}
    lines = []
    for path in paths:
        with open(path, encoding="utf-8", newline="") as fh:
            for n, r in enumerate(csv.DictReader(fh), 2):
                ranges = []
                for part in filter(None, (p.strip() for p in r["evidence"].split(";"))):
                    name, _, span = part.rpartition(":")
                    lo, _, hi = span.partition("-")
                    if only is not None and name not in only:
                        continue
                    if name not in sizes:
                        f = corpus / name
                        if not f.is_file():
                            raise ValueError(f"{path}: line {n}: evidence names {name!r}, not a file in {corpus}")
                        sizes[name] = len(f.read_text(encoding="utf-8"))
                    if not (lo.isdigit() and hi.isdigit() and int(lo) < int(hi) <= sizes[name]):
                        raise ValueError(f"{path}: line {n}: evidence {part!r} is not FILE:START-END inside {name}")
                    ranges.append((name, int(lo), int(hi)))
                if not ranges and only is not None and r["evidence"].strip():
                    continue  # every range in a file outside ``files``
                if not ranges:
                    raise ValueError(f"{path}: line {n}: no evidence range")
                if r["relation"] not in RELATIONS:
                    raise ValueError(f"{path}: line {n}: unknown relation {r['relation']!r}")
                lines.append(GoldLine(r["event"], tuple(ranges), r["source"], r["target"], r["relation"],
                                      r.get("kind", ""), r["status"], r.get("claimed_by", ""), r.get("date", ""),
                                      r.get("date_precision", ""), r.get("note", "")))
    return lines


def dates_compatible(predicted: str, gold: str) -> bool:
    """Equal at the gold's precision, or coarser but consistent (an undated prediction is coarsest).

    >>> dates_compatible("2013-01-11", "2013-01"), dates_compatible("2013", "2013-01-11")
    (True, True)
    >>> dates_compatible("2013-01-12", "2013-01-11"), dates_compatible("2013", "")
    (False, False)
    """
    if not predicted:
        return True
    if not gold:  # the text fixes no year: a dated prediction invented one
        return False
    n = min(len(predicted), len(gold))
    return predicted[:n] == gold[:n]


def _matches(edge: dict, g: GoldLine) -> bool:
    if edge["relation"] != g.relation:
        return False
    if is_symmetric(g.relation):
        if {edge["source"], edge["target"]} != {g.source, g.target}:
            return False
    elif (edge["source"], edge["target"]) != (g.source, g.target):
        return False
    if not dates_compatible(edge.get("date") or "", g.date):
        return False
    spans = edge.get("spans") or ((edge["doc"], edge["char_start"], edge["char_end"]),)
    return any(doc == f and start < hi and lo < end for doc, start, end in spans for f, lo, hi in g.evidence)


def event_edges(mentions: Iterable[dict], statements: Iterable[dict] = ()) -> list[dict]:
    """Mentions resolved to events (:func:`actors.extract.resolve.resolve_events`), each edge with the
    ``spans`` (doc, start, end) of all its mentions, for :func:`score_events`."""
    from actors.extract.resolve import resolve_events

    r = resolve_events(list(mentions), list(statements))
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for m in r.mentions:
        spans.setdefault(m["edge_id"], []).append((m["doc"], m["char_start"], m["char_end"]))
        # a sentence that filled a role ("AQIM claimed the attack" naming the attacker of the one before)
        # is evidence of the edge too: the edge cites it in ``filled_by``
        for part in filter(None, (m.get("filled_by") or "").split("|")):
            lo, _, hi = part.partition(":")[2].partition("-")
            if lo.isdigit() and hi.isdigit():
                spans[m["edge_id"]].append((m["doc"], int(lo), int(hi)))
    return [{**e, "spans": spans[e["edge_id"]]} for e in r.edges]


def score_events(edges: Iterable[dict], gold: list[GoldLine], *, docs: Iterable[str], generic: set[str],
                 implicit: bool = True, coverage: dict[str, list[tuple[int, int]]] | None = None) -> dict:
    """Event-level precision and recall per relation, as ``../shared/annotation.md`` defines them.

    A predicted edge matches a gold line when the relation and pair agree
    (either order for symmetric relations), the dates are compatible
    (:func:`dates_compatible`) and its evidence span (or, for a resolved event,
    the span of any of its mentions: ``spans``, from :func:`event_edges`) overlaps one of the line's
    ranges. Each gold line takes at most one prediction; a second prediction
    of the same gold event is a false positive. Only predictions between two
    named actors in ``docs`` count (and, given ``coverage``, only those whose
    evidence lies inside the document's annotated ranges). With ``implicit=False`` the IMPLICIT and
    COREFERENCE lines leave the gold, and predictions that match only them are
    not counted either way.

    >>> g = [GoldLine("e1", (("d.txt", 0, 40),), "a", "b", "fought-against", "", "reported", "", "2013-01-11",
    ...                "day", "")]
    >>> e = {"doc": "d.txt", "char_start": 5, "char_end": 30, "source": "b", "target": "a",
    ...      "relation": "fought-against", "status": "reported", "date": "2013-01-11"}
    >>> s = score_events([e, dict(e)], g, docs=["d.txt"], generic=set())
    >>> s["all"]["tp"], s["all"]["fp"], s["all"]["recall"]
    (1, 1, 1.0)
    """
    docs = set(docs)
    preds = [e for e in edges if e["doc"] in docs and e["source"] not in generic and e["target"] not in generic
             and (coverage is None or any(lo <= e["char_start"] and e["char_end"] <= hi
                                          for lo, hi in coverage.get(e["doc"], ())))]
    kept = [g for g in gold if implicit or not g.implicit]
    dropped = [g for g in gold if not (implicit or not g.implicit)]
    used: set[int] = set()
    matched: list[tuple[dict, GoldLine]] = []
    missed: list[GoldLine] = []
    for g in kept:
        hit = next((i for i, e in enumerate(preds) if i not in used and _matches(e, g)), None)
        if hit is None:
            missed.append(g)
        else:
            used.add(hit)
            matched.append((preds[hit], g))
    spurious = [e for i, e in enumerate(preds)
                if i not in used and not any(_matches(e, g) for g in dropped)]
    return _tally(matched, spurious, missed)


def evaluate_corpus(corpus: str | Path, gold: Iterable[str | Path], *, files: Iterable[str] | None = None,
                    extractor: Any = None, resolve: bool = True) -> dict:
    """Extract a folder of real text (or the named ``files`` in it) and score it against event-level gold.

    Returns ``{"files", "documents", "skipped", "gold_lines", "with_implicit", "explicit_only"}``, the last
    two as :func:`score_events` gives them, and the counts of ``mentions`` and ``events``. Text is read
    where it lies (never copied); ``files`` limits the run to one part of a split. The extraction's
    mentions are resolved to events first (:func:`event_edges`); ``resolve=False`` scores the mentions
    themselves, as the sentence-level extractor gives them.

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("On 3 May 2014, France fought the MNLA.", encoding="utf-8")
    >>> _ = (d / "g.csv").write_text("event,evidence,source,target,relation,kind,status,claimed_by,date,"
    ...     "date_precision,note" + chr(10) + "e1,a.txt:0-38,france,mnla,fought-against,,reported,,2014-05-03,day,"
    ...     + chr(10))
    >>> m = evaluate_corpus(d, [d / "g.csv"], files=["a.txt"])
    >>> m["documents"], m["with_implicit"]["all"]["recall"]
    (1, 1.0)
    """
    import os
    import tempfile

    from actors.extract.pipeline import Extractor, extract
    from actors.text.reading import TEXT_SUFFIXES, read_corpus

    corpus = Path(corpus)
    files = sorted(files) if files is not None else sorted(
        p.name for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
    with tempfile.TemporaryDirectory() as tmp:
        for name in files:  # the corpus reader reads a folder: give it just these files
            os.symlink(corpus.resolve() / name, Path(tmp) / name)
        docs, problems = read_corpus(tmp)
    ex = extractor or Extractor.load()
    x = extract(docs, extractor=ex)
    edges = event_edges(x.edges, x.events) if resolve else x.edges
    lines = load_event_gold(gold, corpus, files=files)
    generic = {a.id for a in ex.dictionary.generics()}
    return {
        "files": files,
        "documents": len(docs),
        "skipped": [p for p in problems if p.skipped],
        "gold_lines": len(lines),
        "mentions": len(x.edges),
        "events": len(edges),
        "with_implicit": score_events(edges, lines, docs=files, generic=generic, implicit=True),
        "explicit_only": score_events(edges, lines, docs=files, generic=generic, implicit=False),
    }


def format_report(m: dict, *, errors: bool = True) -> str:
    """:func:`evaluate_corpus`'s figures as plain text, with and without implicit lines, and (``errors``)
    every false positive and negative located by file and range."""
    out = [f"{m['documents']} documents, {m['gold_lines']} gold lines"
           + (f"; {m['mentions']} mentions resolved to {m['events']} event edges" if "events" in m else "")]
    for key in ("with_implicit", "explicit_only"):
        out += ["", key.replace("_", " ") + ":", format_scores(m[key])]
    if not errors:
        return "\n".join(out)
    s = m["with_implicit"]
    out += ["", "false positives:"]
    out += [f"  {e['doc']}:{e['char_start']}-{e['char_end']} {e['source']} {e['relation']} {e['target']} "
            f"{e.get('date') or '(undated)'}" for e in s["false_positives"]]
    out += ["false negatives:"]
    out += [f"  {g.event} {g.evidence[0][0]}:{g.evidence[0][1]}-{g.evidence[0][2]} {g.source} {g.relation} "
            f"{g.target} {g.date or '(undated)'}{' [implicit]' if g.implicit else ''}" for g in s["false_negatives"]]
    out += ["dates that disagree on matches (extracted, gold):"]
    out += [f"  {g.event} {e['doc']}:{e['char_start']}-{e['char_end']} {e['source']} {e['relation']} {e['target']} "
            f"{e.get('date') or '(undated)'} vs {g.date or '(undated)'}" for e, g in s.get("date_disagreements", [])]
    return "\n".join(out)

"""Curation overrides: an analyst's corrections, applied on every run.

An overrides file (TOML; ``overrides.toml`` in the corpus folder is picked up
by ``actors run``) holds arrays of tables, one per operation. Every entry has
a stable ``id`` and the analyst's ``reason``:

* ``[[add]]`` a relation the text supports but extraction missed: ``source``,
  ``target`` (any alias, any case), ``relation``, ``date`` ("2012", "2012-06",
  "2012-06-08" or "" for undated), ``status`` (default reported),
  ``claimed_by``, and ``evidence`` (the quote or citation it rests on);
* ``[[drop]]`` extracted relations that are wrong;
* ``[[redate]]`` extracted relations whose date is wrong: the new ``date``;
* ``[[actor]]`` a new actor, with the keys of the dictionary's ``[[actor]]``;
* ``[[alias]]`` extra ``aliases`` for an existing ``actor``.

``drop`` and ``redate`` select edges either by ``edge`` (an ``edge_id`` of
``edges.csv``) or by ``source``, ``target`` and ``relation``, narrowed by
``date`` (the edge's date as written in ``edges.csv``), ``doc`` and
``contains`` (words of the evidence sentence).

Reading (:func:`parse_curation`) checks the shape of each entry; extending the
dictionary (:func:`extend_dictionary`) and applying to extracted rows
(:func:`apply_curation`) resolve names and find the edges. An entry that is
malformed, names an unknown actor or selects no edge is skipped with a
:class:`~actors.errors.Problem` naming the file, line and what was expected;
the other entries still apply. Every entry, applied or not, gets a row of the
curation table (``curation.csv`` and the report's Curation section).

>>> text = '''
... [[drop]]
... id = "no-such-fight"
... source = "MUJAO"
... target = "mnla"
... relation = "allied-with"
... reason = "The sentence says they fought."
... '''
>>> cur = parse_curation(text, "overrides.toml")
>>> [(o.op, o.id, o.line) for o in cur.overrides]
[('drop', 'no-such-fight', 2)]
>>> bad = parse_curation('[[redate]]\\nid = "x"\\nedge = "ev-1-0"\\ndate = "2012-02-30"\\nreason = "r"\\n', "o.toml")
>>> print(bad.problems[0])
o.toml: line 4 ([[redate]] 'x', key 'date'): impossible date '2012-02-30': February 2012 has 29 days; entry not applied
"""

from __future__ import annotations

import datetime
import os
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping, Sequence

from actors.text.dates import parse_iso
from actors.extract.dictionary import Dictionary, actor_from_table
from actors.errors import DataFileError, Problem
from actors.schema import RELATIONS, STATUSES, is_symmetric

__all__ = ["Override", "Curation", "parse_curation", "read_curation", "extend_dictionary", "apply_curation",
           "OPERATIONS"]

#: The operations and the keys each accepts (required ones first in the message).
_SELECTOR = ("edge", "source", "target", "relation", "date", "doc", "contains")
_KEYS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = MappingProxyType({
    # op: (required keys, optional keys); id and reason are required everywhere
    "add": (("source", "target", "relation", "evidence"), ("date", "status", "claimed_by")),
    "drop": ((), _SELECTOR),
    "redate": (("date",), tuple(k for k in _SELECTOR if k != "date") + ("from_date",)),
    "actor": (("name", "kind"), ("tags", "aliases", "exact_aliases", "demonyms", "prefixes", "country_names")),
    "alias": (("actor", "aliases"), ()),
})
OPERATIONS: tuple[str, ...] = tuple(_KEYS)
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_HEADER_RE = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_-]+)\s*\]\]\s*(?:#.*)?$")
_TABLE_RE = re.compile(r"^\s*\[")


@dataclass(frozen=True)
class Override:
    """One validated entry of an overrides file."""

    op: str
    id: str
    reason: str
    line: int  # line of its [[op]] header, 0 when unknown (inline tables)
    values: Mapping[str, Any]  # the other keys, checked for shape
    span: tuple[int, int] = (0, 0)  # character range of the entry in the file

    @property
    def where(self) -> str:
        return _where(self.line, f"[[{self.op}]] {self.id!r}")


@dataclass(frozen=True)
class Curation:
    """A parsed overrides file: the valid entries, and problems with the others."""

    source: str  # the path, for messages
    overrides: tuple[Override, ...] = ()
    problems: tuple[Problem, ...] = ()  # every problem, for problems.csv
    rejected: tuple[dict, ...] = ()  # curation rows of the malformed entries (applied "no", with why)
    file_problems: tuple[Problem, ...] = ()  # of the file as a whole (not TOML, unknown table): no row holds them

    @property
    def name(self) -> str:
        """The file name, used as the ``doc`` of the relations it adds."""
        return Path(self.source).name

    def of(self, *ops: str) -> tuple[Override, ...]:
        return tuple(o for o in self.overrides if o.op in ops)


def _where(line: int, what: str) -> str:
    """A problem's place: "line 12 ([[drop]] 'x')", or the entry alone when the line is unknown."""
    return (f"line {line} " if line else "") + f"({what})"


class _Lines:
    """Line numbers of array-of-table headers and of keys inside them (tomllib gives none).

    Lines are split at LF only, as TOML counts them (U+2028 may sit in a
    comment); lines inside a multi-line string are never taken for headers,
    keys or the end of a table.
    """

    def __init__(self, text: str):
        self.lines = [line.removesuffix("\r") for line in text.split("\n")]
        self.offsets = [0]
        for line in text.split("\n"):
            self.offsets.append(self.offsets[-1] + len(line) + 1)
        self.quoted: list[bool] = []  # does line n (0-based) start inside a multi-line string?
        inside: str | None = None
        for line in self.lines:
            self.quoted.append(inside is not None)
            inside = _string_state(line, inside)
        self.headers: dict[str, list[int]] = {}
        for n, line in enumerate(self.lines, 1):
            hit = None if self.quoted[n - 1] else _HEADER_RE.match(line)
            if hit:
                self.headers.setdefault(hit.group(1), []).append(n)

    def header(self, op: str, index: int) -> int:
        found = self.headers.get(op, [])
        return found[index] if index < len(found) else 0

    def end(self, header: int) -> int:
        """The last line of the table opened at ``header``."""
        n = header
        while n < len(self.lines) and (self.quoted[n] or not _TABLE_RE.match(self.lines[n])):
            n += 1
        while n > header and not self.lines[n - 1].strip():
            n -= 1
        return n

    def key(self, header: int, key: str) -> int:
        if not header:
            return 0
        pattern = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\")\s*=")
        for n in range(header + 1, self.end(header) + 1):
            if not self.quoted[n - 1] and pattern.match(self.lines[n - 1]):
                return n
        return header

    def span(self, header: int) -> tuple[int, int]:
        if not header:
            return (0, 0)
        return (self.offsets[header - 1], min(self.offsets[self.end(header)], self.offsets[-1] - 1))


def _string_state(line: str, inside: str | None) -> str | None:
    """Which multi-line string (\"\"\" or \'\'\') is open after ``line``, given the one open before it."""
    i = 0
    while i < len(line):
        if inside is not None:
            end = line.find(inside, i)
            while end > 0 and inside == '"""' and _escaped(line, end):
                end = line.find(inside, end + 1)
            if end < 0:
                return inside
            i, inside = end + 3, None
            continue
        ch = line[i]
        if ch == "#":
            return None
        if line.startswith(('"""', "'''"), i):
            inside, i = line[i:i + 3], i + 3
        elif ch in "\"'":  # a one-line string: skip to its end
            j = i + 1
            while j < len(line) and (line[j] != ch or (ch == '"' and _escaped(line, j))):
                j += 1
            i = j + 1
        else:
            i += 1
    return inside


def _escaped(line: str, at: int) -> bool:
    n = 0
    while at - n - 1 >= 0 and line[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _date(value: Any) -> str:
    """An ISO date string at its precision; raises ValueError with what was expected."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = value.isoformat()  # a bare TOML date (date = 2012-06-08)
    if not isinstance(value, str):
        raise ValueError(f'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or "" for undated), got {value!r}')
    return parse_iso(value).iso


def _check_entry(op: str, raw: Any, where: str, place: Any, add: Any) -> dict | None:
    """The entry's values (dates normalised), or None after reporting what is wrong."""
    if not isinstance(raw, dict):
        add(where, f"expected a table of keys, got {type(raw).__name__}")
        return None
    required, optional = _KEYS[op]
    allowed = ("id", "reason", *required, *optional)
    ok = True
    unknown = [k for k in raw if k not in allowed]
    if unknown:
        add(place(unknown[0]), f"unknown key(s) {', '.join(map(repr, unknown))}; [[{op}]] takes "
            + ", ".join(allowed))
        ok = False
    for key in ("id", "reason", *required):
        if key not in raw:
            add(where, f"missing required key {key!r}" + (" (the analyst's reason is kept in report.md)"
                                                          if key == "reason" else ""))
            ok = False
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key in unknown:
            continue
        if key in ("aliases", "exact_aliases", "demonyms", "prefixes", "country_names", "tags"):
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                add(place(key), f"{key} must be a list of non-empty strings, got {value!r}")
                ok = False
            values[key] = value
            continue
        if key in ("date", "from_date"):
            try:
                values[key] = _date(value)
            except ValueError as exc:
                add(place(key), str(exc))
                ok = False
            continue
        if not isinstance(value, str) or not value.strip():
            add(place(key), f"{key} must be a non-empty string, got {value!r}")
            ok = False
            continue
        values[key] = value.strip()
    if "id" in values and not _ID_RE.match(values["id"]):
        add(place("id"), f"id must be letters, digits and . _ : - (no spaces), got {values['id']!r}")
        ok = False
    if "relation" in values and values["relation"] not in RELATIONS:
        add(place("relation"), f"relation must be one of {', '.join(RELATIONS)}; got {values['relation']!r}")
        ok = False
    if "status" in values and values["status"] not in STATUSES:
        add(place("status"), f"status must be one of {', '.join(STATUSES)}; got {values['status']!r}")
        ok = False
    if op in ("drop", "redate") and "edge" not in values and not all(k in values for k in ("source", "target", "relation")):
        add(where, "select the relation(s) by 'edge' (an edge_id of edges.csv) or by 'source', 'target' and "
            "'relation' (narrowed by 'date', 'doc', 'contains')")
        ok = False
    if op in ("drop", "redate") and "edge" in values and any(k in values for k in ("source", "target", "relation")):
        add(where, "give either 'edge' or 'source'/'target'/'relation', not both")
        ok = False
    return values if ok else None


def parse_curation(text: str, source: str = "overrides.toml") -> Curation:
    """Parse and check the shape of an overrides file's text (names are resolved later).

    Never raises on bad content: a file that is not TOML gives one problem and
    no override; a bad entry gives a problem and a row in ``rejected`` and is
    left out. Entries come in file order, the order they are applied in.
    """
    problems: list[Problem] = []

    def add(where: str, what: str) -> None:
        problems.append(Problem(source, where, what + "; entry not applied"))

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:  # its message names line and column
        bad = (Problem(source, "", f"invalid TOML ({exc}); no override applied"),)
        return Curation(source, (), bad, (), bad)
    lines = _Lines(text)
    overrides: list[Override] = []
    rejected: list[dict] = []
    file_problems: list[Problem] = []
    seen: dict[str, str] = {}
    for key, entries in data.items():
        if key not in _KEYS:
            at = lines.header(key, 0)
            file_problems.append(Problem(source, f"line {at} ([[{key}]])" if at else "top level",
                                         f"unknown table [[{key}]]; expected "
                                         + ", ".join(f"[[{op}]]" for op in OPERATIONS) + "; not applied"))
            problems.append(file_problems[-1])
            continue
        if not isinstance(entries, list):
            file_problems.append(Problem(source, "top level", f"{key!r} must be an array of tables, written "
                                         f"[[{key}]]; not applied"))
            problems.append(file_problems[-1])
            continue
        for i, raw in enumerate(entries):
            header = lines.header(key, i)
            rid = raw.get("id") if isinstance(raw, dict) else None
            label = f"[[{key}]] " + (repr(rid) if isinstance(rid, str) else f"#{i + 1}")
            where = _where(header, label)

            def place(k: str, header: int = header, label: str = label) -> str:
                return _where(lines.key(header, k), f"{label}, key {k!r}")

            before = len(problems)
            values = _check_entry(key, raw, where, place, add)
            oid = values.pop("id") if values is not None else None
            if oid is not None and oid in seen:
                add(place("id"), f"id {oid!r} is already used by {seen[oid]}; ids must be unique")
                values = None
            if values is None:  # a row all the same: every entry is accounted for in curation.csv
                reason = raw.get("reason") if isinstance(raw, dict) else None
                rejected.append({"id": rid if isinstance(rid, str) else "", "op": key, "line": header,
                                 "applied": "no", "edges": "", "before": "", "after": "",
                                 "reason": reason if isinstance(reason, str) else "",
                                 "note": "; ".join(f"{p.where}: {p.what.removesuffix('; entry not applied')}"
                                                   for p in problems[before:])})
                continue
            seen[oid] = where
            reason = values.pop("reason")
            overrides.append(Override(key, oid, reason, header, MappingProxyType(values), lines.span(header)))
    # In file order: an alias may name an actor added above it, a re-date follow a drop.
    overrides.sort(key=lambda o: o.line)
    return Curation(source, tuple(overrides), tuple(problems), tuple(rejected), tuple(file_problems))


def read_curation(path: str | os.PathLike[str]) -> Curation:
    """Read an overrides file. A missing or unreadable file raises :class:`DataFileError`;
    bad content is reported as problems (see :func:`parse_curation`)."""
    source = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DataFileError(f"{source}: cannot read the overrides file: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = (Problem(source, f"byte {exc.start}", "not UTF-8 text; no override applied"),)
        return Curation(source, (), bad, (), bad)
    return parse_curation(text.removeprefix("\ufeff"), source)


def extend_dictionary(dictionary: Dictionary, curation: Curation) -> tuple[Dictionary, list[dict], list[Problem]]:
    """The dictionary with the file's ``[[actor]]`` and ``[[alias]]`` entries added.

    Entries are added one by one, so a clash (an alias another actor owns)
    skips that entry only. Returns the dictionary, the curation rows of these
    entries and the problems.
    """
    rows: list[dict] = []
    problems: list[Problem] = []
    d = dictionary
    for o in curation.of("actor", "alias"):
        try:
            if o.op == "actor":
                actor = actor_from_table({"id": o.id, **o.values}, source=curation.source, place=o.where)
                d = d.with_additions([actor], source=curation.source)
                change = f"new {actor.kind} {actor.name!r}" + (f", aliases {', '.join(actor.aliases)}"
                                                               if actor.aliases else "")
            else:
                target = d.lookup(o.values["actor"])
                if target is None:
                    raise DataFileError(_unknown(d, o.values["actor"]))
                d = d.with_additions(aliases={target.id: o.values["aliases"]}, source=curation.source)
                change = f"{target.id}: + " + ", ".join(o.values["aliases"])
        except DataFileError as exc:
            why = _first_line(exc, curation.source, o.where)
            problems.append(Problem(curation.source, o.where, f"{why}; entry not applied"))
            rows.append(_row(o, applied=False, note=why))
            continue
        rows.append(_row(o, applied=True, after=change))
    return d, rows, problems


def _first_line(exc: Exception, source: str, where: str) -> str:
    """What was wrong, without the file and place the problem names again."""
    text = str(exc).splitlines()[0]
    text = text.split(f"{source}: ", 1)[-1]  # "<dictionary> + <this file>: " or "<this file>: "
    text = re.sub(r"^addition #\d+ \(id '[^']*'\): ", "", text)
    return text.removeprefix(f"{where}: ")


def _unknown(d: Dictionary, name: str) -> str:
    hint = d.suggest(name)
    return f"unknown actor {name!r}" + (f"; did you mean {', '.join(map(repr, hint))}?" if hint else "")


def _row(o: Override, *, applied: bool, edges: Sequence[str] = (), before: str = "", after: str = "",
         note: str = "") -> dict:
    return {"id": o.id, "op": o.op, "line": o.line, "applied": "yes" if applied else "no",
            "edges": "|".join(edges), "before": before, "after": after, "reason": o.reason, "note": note}


def _when(row: Mapping[str, Any]) -> str:
    return f"{row['date'] or 'undated'} ({row['date_precision']})"


def _select(o: Override, edges: Sequence[dict], d: Dictionary) -> list[int]:
    """Indexes of the edges the entry selects; raises ValueError saying why none."""
    v = o.values
    if "edge" in v:
        hits = [i for i, e in enumerate(edges) if e["edge_id"] == v["edge"]]
        if not hits:
            raise ValueError(f"no edge with edge_id {v['edge']!r} in this run's edges.csv")
        return hits
    ids = []
    for key in ("source", "target"):
        actor = d.lookup(v[key])
        if actor is None:
            raise ValueError(f"{key}: {_unknown(d, v[key])}")
        ids.append(actor.id)
    a, b = ids
    rel = v["relation"]
    pair = [i for i, e in enumerate(edges) if e["relation"] == rel and (
        (e["source"], e["target"]) == (a, b) or (is_symmetric(rel) and (e["source"], e["target"]) == (b, a)))]
    hits = [i for i in pair
            if (o.op != "drop" or "date" not in v or edges[i]["date"] == v["date"])
            and ("from_date" not in v or edges[i]["date"] == v["from_date"])
            and ("doc" not in v or edges[i]["doc"] == v["doc"])
            and ("contains" not in v or v["contains"].casefold() in edges[i]["evidence"].casefold())]
    if not hits:
        found = "; ".join(sorted({f"{edges[i]['edge_id']} dated {_when(edges[i])}" for i in pair})[:5])
        raise ValueError(f"no {rel} edge {a} -> {b} matches" + (f" (this pair has: {found})" if found
                                                                 else " (this pair has none)"))
    return hits


def apply_curation(edges: Sequence[dict], events: Sequence[dict], curation: Curation, dictionary: Dictionary
                   ) -> tuple[list[dict], list[dict], list[dict], list[Problem]]:
    """Apply the file's ``drop``, ``redate`` and ``add`` entries to extracted rows.

    Returns new (edges, events, curation rows, problems); the inputs are not
    changed. Drops and re-dates apply to extracted edges only (in file order),
    then additions are appended. A changed or added edge names its entry in
    its ``curation`` column. An event left without edges is removed; an event
    whose edges were all re-dated alike takes their date (its ``date_text``
    keeps the text's words).
    """
    out = [dict(e) for e in edges]
    new_events = list(events)
    rows: list[dict] = []
    problems: list[Problem] = []
    dropped: set[int] = set()

    def skip(o: Override, why: str) -> None:
        problems.append(Problem(curation.source, o.where, f"{why}; entry not applied"))
        rows.append(_row(o, applied=False, note=why))

    for o in curation.of("drop", "redate"):
        try:
            hits = [i for i in _select(o, out, dictionary) if i not in dropped]
        except ValueError as exc:
            skip(o, str(exc))
            continue
        if not hits:
            skip(o, "every edge it selects was already dropped by an earlier entry")
            continue
        ids = [out[i]["edge_id"] for i in hits]
        before = "; ".join(f"{out[i]['source']} {out[i]['relation']} {out[i]['target']} {_when(out[i])}"
                           for i in hits)
        if o.op == "drop":
            dropped.update(hits)
            rows.append(_row(o, applied=True, edges=ids, before=before, after="dropped"))
            continue
        new = parse_iso(o.values["date"])
        for i in hits:
            out[i].update(date=new.iso, date_precision=new.precision, date_earliest=new.earliest,
                          date_latest=new.latest, curation=_join(out[i].get("curation", ""), o.id))
        rows.append(_row(o, applied=True, edges=ids, before=before,
                         after=f"{new.iso or 'undated'} ({new.precision})"))
    out = [e for i, e in enumerate(out) if i not in dropped]
    new_events = _events_after(new_events, out)

    for o in curation.of("add"):
        v = o.values
        ends = [dictionary.lookup(v[k]) for k in ("source", "target")]
        bad = [f"{k}: {_unknown(dictionary, v[k])}" for k, a in zip(("source", "target"), ends) if a is None]
        if bad:
            skip(o, "; ".join(bad))
            continue
        if ends[0].id == ends[1].id:
            skip(o, f"source and target are both {ends[0].id!r}")
            continue
        new = parse_iso(v.get("date", ""))
        claimant = v.get("claimed_by", "")
        who = dictionary.lookup(claimant) if claimant else None
        eid = f"cur-{o.id}"
        start, end = o.span
        edge = {
            "event_id": eid, "source": ends[0].id, "target": ends[1].id, "relation": v["relation"],
            "date": new.iso, "date_precision": new.precision, "status": v.get("status", "reported"),
            "claimed_by": who.id if who is not None else claimant, "doc": curation.name,
            "evidence": v["evidence"], "char_start": start, "char_end": end, "edge_id": f"{eid}-0",
            "date_earliest": new.earliest, "date_latest": new.latest, "source_text": v["source"],
            "target_text": v["target"], "cue": "curation", "section": "curation",
            "claim_text": claimant if who is not None else "", "curation": o.id,
        }
        out.append(edge)
        new_events.append({
            "event_id": eid, "kind": "curation", "date": new.iso, "date_precision": new.precision,
            "date_earliest": new.earliest, "date_latest": new.latest, "date_text": v.get("date", ""),
            "place": "", "doc": curation.name, "section": "curation", "sentence_index": -1,
            "sentence": v["evidence"], "char_start": start, "char_end": end,
        })
        rows.append(_row(o, applied=True, edges=[edge["edge_id"]],
                         after=f"{edge['source']} {edge['relation']} {edge['target']} {_when(edge)} "
                               f"[{edge['status']}]"))
    return out, new_events, rows, problems


def _events_after(events: Sequence[dict], edges: Sequence[dict]) -> list[dict]:
    """Events kept in step with curated edges: an event whose edges were all dropped
    goes (curation.csv says why); one whose edges all carry the same new date takes it."""
    by_event: dict[str, list[dict]] = {}
    for e in edges:
        by_event.setdefault(e["event_id"], []).append(e)
    out = []
    for ev in events:
        mine = by_event.get(ev["event_id"])
        if not mine:
            continue
        dates = {(e["date"], e["date_precision"], e["date_earliest"], e["date_latest"]) for e in mine}
        if len(dates) == 1 and all(e.get("curation") for e in mine):
            (iso, precision, earliest, latest), = dates
            if (iso, precision) != (ev["date"], ev["date_precision"]):
                ev = {**ev, "date": iso, "date_precision": precision, "date_earliest": earliest,
                      "date_latest": latest}
        out.append(ev)
    return out


def _join(old: str, new: str) -> str:
    return f"{old}|{new}" if old else new

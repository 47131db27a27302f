"""Reading an overrides file: its entries checked for shape, each with its line.

:func:`parse_curation` never raises on bad content: a malformed entry becomes
a :class:`~actors.errors.Problem` and a row of ``rejected``, and the other
entries still apply. Names are resolved and edges found later
(:mod:`actors.curation.apply`).
"""

from __future__ import annotations

import datetime
import os
import re
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from actors.curation.lines import _Lines
from actors.errors import DataFileError, Problem
from actors.schema import RELATIONS, STATUSES
from actors.text.date_values import PLAUSIBLE_YEARS
from actors.text.dates import parse_iso

__all__ = ["Override", "Curation", "parse_curation", "read_curation", "OPERATIONS"]

#: The operations and the keys each accepts (required ones first in the message).
_SELECTOR = ("edge", "source", "target", "relation", "date", "doc", "contains")
_KEYS: Mapping[str, tuple[tuple[str, ...], tuple[str, ...]]] = MappingProxyType({
    # op: (required keys, optional keys); id and reason are required everywhere
    "add": (("source", "target", "relation", "evidence"), ("date", "status", "claimed_by")),
    "drop": ((), _SELECTOR),
    "redate": (("date",), tuple(k for k in _SELECTOR if k != "date") + ("from_date",)),
    "actor": (("name", "kind"), ("tags", "aliases", "exact_aliases", "demonyms", "prefixes", "country_names")),
    "alias": (("actor", "aliases"), ()),
    "merge": (("edges",), ()),  # edge ids (edges.csv, overlaps.csv) or mention ids (mentions.csv): one event
})
OPERATIONS: tuple[str, ...] = tuple(_KEYS)
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


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


def _date(value: Any, years: tuple[int, int] = PLAUSIBLE_YEARS) -> str:
    """An ISO date string at its precision; raises ValueError with what was expected."""
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = value.isoformat()  # a bare TOML date (date = 2012-06-08)
    if not isinstance(value, str):
        raise ValueError(f'expected a date "YYYY", "YYYY-MM" or "YYYY-MM-DD" (or "" for undated), got {value!r}')
    return parse_iso(value, years=years).iso


def _check_entry(op: str, raw: Any, where: str, place: Any, add: Any,
                 years: tuple[int, int] = PLAUSIBLE_YEARS) -> dict | None:
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
        if key == "edges":
            if not isinstance(value, list) or len(value) < 2 or not all(isinstance(v, str) and v.strip()
                                                                        for v in value):
                add(place(key), f"edges must be a list of two or more edge ids (edges.csv, overlaps.csv), "
                    f"got {value!r}")
                ok = False
            values[key] = [v.strip() for v in value] if isinstance(value, list) else value
            continue
        if key in ("date", "from_date"):
            try:
                values[key] = _date(value, years)
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


def parse_curation(text: str, source: str = "overrides.toml", *,
                   years: tuple[int, int] = PLAUSIBLE_YEARS) -> Curation:
    """Parse and check the shape of an overrides file's text (names are resolved later).

    Never raises on bad content: a file that is not TOML gives one problem and
    no override; a bad entry gives a problem and a row in ``rejected`` and is
    left out. Entries come in file order, the order they are applied in.
    A date outside ``years`` (default 1900-2100) is refused like an impossible one.
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
            values = _check_entry(key, raw, where, place, add, years)
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


def read_curation(path: str | os.PathLike[str], *, years: tuple[int, int] = PLAUSIBLE_YEARS) -> Curation:
    """Read an overrides file. A missing or unreadable file, or one that is not a regular file (a
    folder, a dangling symbolic link, a FIFO: never opened, so never waited on), raises
    :class:`DataFileError`; bad content is reported as problems (see :func:`parse_curation`)."""
    source = str(path)
    check_regular(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise DataFileError(f"{source}: cannot read the overrides file: {exc.strerror or exc}") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = (Problem(source, f"byte {exc.start}", "not UTF-8 text; no override applied"),)
        return Curation(source, (), bad, (), bad)
    return parse_curation(text.removeprefix("\ufeff"), source, years=years)


def check_regular(path: str | os.PathLike[str]) -> None:
    """Raise :class:`DataFileError` unless ``path`` is a regular file (or a symbolic link to one)."""
    source = str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        if os.path.islink(path):
            raise DataFileError(f"{source}: the overrides file is a symbolic link to "
                                f"{os.readlink(path)!r}, which does not exist") from exc
        raise DataFileError(f"{source}: cannot read the overrides file: {exc.strerror or exc}") from exc
    except OSError as exc:
        raise DataFileError(f"{source}: cannot read the overrides file: {exc.strerror or exc}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise DataFileError(f"{source}: the overrides file is a folder; expected a TOML file")
    if not stat.S_ISREG(st.st_mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else "not a regular file"
        raise DataFileError(f"{source}: the overrides file is {kind}; expected a regular TOML file")

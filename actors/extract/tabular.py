"""Relations from event tables: ACLED and UCDP rows turned into the rows text extraction gives.

Each row of an ACLED export is one event; each row of UCDP GED one event; each
row of the UCDP/PRIO Armed Conflict Dataset one conflict-year; the rows of one
event in ACLED's one-row-per-actor layout are gathered by ``event_id_cnty``. An
event gives a statement row (``events.csv``: its ``kind`` is the layout, its
``sentence`` the row's exact text, with the source's event id, location,
coordinates, sources and fatalities) and mention rows (``mentions.csv``, then
``edges.csv`` once resolved with the text's: :mod:`actors.extract.resolve`),
whose ``evidence`` is the row's line and whose character range is the row's:

* ACLED battles and explosions/remote violence: actor1 fought-against actor2; each
  associated actor allied-with its side's main actor (kind ``joint-action``), or is
  its member (``member``) when the map says it is one of its components, and
  fought the other side;
* violence against civilians: a relation only when both sides are named armed actors;
* strategic developments: only an agreement between two armed actors (allied-with, ``alliance``);
* UCDP GED: side_a fought-against side_b (none for one-sided violence);
* UCDP/PRIO conflict-years: side_a fought-against each side_b group, at year
  precision; each secondary state of a side allied-with its side (``support``).

Dates keep their precision: ACLED's ``time_precision`` 1 is the day, 2 the week
around it (three days either side), 3 the month; UCDP's ``date_start`` and
``date_end`` bound the interval. An interval of several days shows at the
precision that holds it all (month, else year). A date that is no date leaves
the row's relations undated, with a problem naming its line.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field

from actors.errors import Problem
from actors.extract.actor_entries import _key
from actors.extract.candidates import Candidate
from actors.extract.event_actors import INTER_KINDS, EventActorMap, Resolved, _slug
from actors.extract.events import UNKNOWN_DATE, _edge, _Span, event_id
from actors.bulk import paused_gc
from actors.text.tables import Table, TableRow

__all__ = ["TableImport", "import_table", "import_tables"]

_FIGHTS = ("battles", "explosions/remote violence")
_CIVILIANS = "violence against civilians"
_STRATEGIC = "strategic developments"
_MONTHS = {m: i for i, m in enumerate("january february march april may june july august september october "
                                      "november december".split(), 1)}
_SPELLED = re.compile(r"^(\d{1,2})[\s-]+([A-Za-z]+)[\s-]+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$")


@dataclass
class TableImport:
    """What one table gave: statement rows, mention rows, problems, the new actors it names
    ({id: (name, kind)}) and how many rows gave relations, none, or were skipped."""

    events: list = field(default_factory=list)
    edges: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    new_actors: dict = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    candidates: list = field(default_factory=list)  # Candidate occurrences of the new actors (candidates.csv)
    dictionary: object = None  # import_tables: the dictionary with the new actors added
    mentions: Counter = field(default_factory=Counter)  # import_tables: mentions per actor id


def _day(text: str, year: str = "") -> dt.date | None:
    """A day as exports spell it: ISO ("2019-03-17", with a time or not), "17 March 2019",
    "17-March-2019", or day first in numbers ("17/03/2019", "17-03-19": a spreadsheet's re-save), whose
    two-digit year takes its century from the row's ``year`` (else 19xx from 90 on, 20xx before)."""
    text = text.strip()[:10] if re.match(r"^\d{4}-\d{2}-\d{2}", text.strip()) else text.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    m = _SPELLED.match(text)
    if m and m.group(2).lower() in _MONTHS:
        try:
            return dt.date(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
        except ValueError:
            return None
    m = _NUMERIC.match(text)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if len(m.group(4)) == 2:
            year = year.strip()
            y = int(year) if re.fullmatch(r"\d{4}", year) and int(year) % 100 == y else (1900 if y >= 90 else 2000) + y
        try:
            return dt.date(y, mo, d)
        except ValueError:
            return None
    return None


def _interval(lo: dt.date, hi: dt.date, text: str) -> dict:
    """A date dict (events.py's shape) for the days ``lo``..``hi``, at the precision that holds them."""
    if lo == hi:
        iso, precision = lo.isoformat(), "day"
    elif (lo.year, lo.month) == (hi.year, hi.month):
        iso, precision = lo.isoformat()[:7], "month"
    elif lo.year == hi.year:
        iso, precision = str(lo.year), "year"
    else:
        iso, precision = "", "unknown"
    return {"iso": iso, "precision": precision, "earliest": lo.isoformat(), "latest": hi.isoformat(), "text": text}


def _month(day: dt.date, text: str) -> dict:
    last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return _interval(day.replace(day=1), last, text)


def _date(table: Table, row: TableRow, problems: list) -> dict:
    f = row.fields
    if table.layout in ("acled", "acled-actors"):
        day = _day(f.get("event_date", ""), f.get("year", ""))
        if day is None:
            problems.append(Problem(table.name, f"line {row.line}", f"impossible or unreadable event_date "
                                    f"{f.get('event_date')!r} (expected 2019-03-17 or 17 March 2019): left undated",
                                    skipped=False))
            return dict(UNKNOWN_DATE)
        prec = f.get("time_precision", "1").strip() or "1"
        if prec == "2":
            return _interval(day - dt.timedelta(days=3), day + dt.timedelta(days=3), f["event_date"])
        if prec == "3":
            return _month(day, f["event_date"])
        return _interval(day, day, f["event_date"])
    if table.layout == "ucdp-ged":
        lo, hi = _day(f.get("date_start", "")), _day(f.get("date_end", "") or f.get("date_start", ""))
        if lo is None or hi is None or hi < lo:
            problems.append(Problem(table.name, f"line {row.line}", f"impossible date_start/date_end "
                                    f"{f.get('date_start')!r}/{f.get('date_end')!r}: left undated", skipped=False))
            return dict(UNKNOWN_DATE)
        return _interval(lo, hi, f.get("date_start", ""))
    year = f.get("year", "").strip()
    if not re.fullmatch(r"\d{4}", year):
        problems.append(Problem(table.name, f"line {row.line}", f"year {year!r} is no year: left undated",
                                skipped=False))
        return dict(UNKNOWN_DATE)
    return _interval(dt.date(int(year), 1, 1), dt.date(int(year), 12, 31), year)


def _number(table: Table, row: TableRow, column: str, problems: list, kind=int):
    raw = row.fields.get(column, "").strip()
    if not raw:
        return None
    try:
        return kind(raw)
    except ValueError:
        problems.append(Problem(table.name, f"line {row.line}", f"{column} {raw!r} is not a number: left empty",
                                skipped=False))
        return None


def _names(cell: str, sep: str = ";") -> list[str]:
    return [n.strip() for n in cell.split(sep) if n.strip()]


def _sides(table: Table, rows: list[TableRow]) -> tuple[list, list, str, str]:
    """(side 1 names with their inter code, side 2 ..., event type, sub-event type) of one event."""
    f = rows[0].fields
    etype, sub = f.get("event_type", "").strip().lower(), f.get("sub_event_type", "").strip().lower()
    if table.layout == "acled":
        one = [(f.get("actor1", ""), f.get("inter1", ""), True)] + [(n, f.get("inter1", ""), False)
                                                                     for n in _names(f.get("assoc_actor_1", ""))]
        two = [(f.get("actor2", ""), f.get("inter2", ""), True)] + [(n, f.get("inter2", ""), False)
                                                                     for n in _names(f.get("assoc_actor_2", ""))]
        return one, two, etype, sub
    one, two = [], []
    for r in rows:
        t = r.fields.get("type_of_actor", "").strip().lower()
        entry = (r.fields.get("actor", ""), r.fields.get("inter", ""), t in ("actor1", "actor2"))
        (one if t in ("actor1", "assoc_actor_1") else two if t in ("actor2", "assoc_actor_2") else []).append(entry)
    one.sort(key=lambda e: not e[2])
    two.sort(key=lambda e: not e[2])
    return one, two, etype, sub


def import_table(table: Table, emap: EventActorMap, *, components: frozenset = frozenset()) -> TableImport:
    """The statement and mention rows of ``table`` (see the module docstring). ``components`` holds
    (member, whole) actor-id pairs: an associated actor that is its main actor's component is its member."""
    out = TableImport(problems=list(table.problems))
    if not table.layout:
        return out
    if table.layout == "acled-actors":
        groups: dict[str, list[TableRow]] = {}
        for r in table.rows:
            groups.setdefault(r.fields.get("event_id_cnty", "") or f"line {r.line}", []).append(r)
        events = list(groups.values())
    else:
        events = [(r,) for r in table.rows]  # tuples: out of the garbage collector's watch, unlike lists
    with paused_gc():  # a million events' dicts hold no cycles: no collection walks them all, again and again
        for rows in events:
            _event(table, rows, emap, components, out)
    return out


def _resolve(emap: EventActorMap, out: TableImport, name: str, inter: str, source: str,
             table: Table | None = None, row: TableRow | None = None) -> Resolved:
    kind = INTER_KINDS.get(inter.strip().lower(), "rebel movement") if source == "acled" else "rebel movement"
    country = "" if row is None else row.fields.get("country") or row.fields.get("location", "")
    region = "" if row is None else row.fields.get("adm_1") or row.fields.get("admin1", "")
    r = emap.resolve(name, source, kind=kind, country=country, region=region)
    if r.new:
        out.new_actors.setdefault(r.actor, (r.name, r.kind))
        if table is not None and row is not None:  # where it is named: for candidates.csv
            text = table.text[row.start:row.end]
            at = text.find(name.strip())
            at = row.start + (at if at >= 0 else 0)
            out.candidates.append(Candidate(r.name, tuple(r.name.casefold().split()), r.kind, at,
                                            at + len(name.strip()), table.name, text, row.start, row.end))
    return r


def _unit(out: TableImport, state: Resolved, table: Table, row: TableRow) -> Resolved:
    """A state's force named apart from the state (an actor of its own, a state armed force)."""
    r = Resolved(state.name, "acled-" + _slug(state.name), "new", new=True, kind="state armed force")
    out.new_actors.setdefault(r.actor, (r.name, r.kind))
    text = table.text[row.start:row.end]
    at = row.start + max(text.find(r.name), 0)
    out.candidates.append(Candidate(r.name, tuple(r.name.casefold().split()), r.kind, at, at + len(r.name),
                                    table.name, text, row.start, row.end))
    return r


def _event(table: Table, rows: list[TableRow], emap: EventActorMap, components: frozenset, out: TableImport) -> None:
    row = rows[0]
    f = row.fields
    problems = out.problems
    source = "acled" if table.layout.startswith("acled") else "ucdp"
    date = _date(table, row, problems)
    pairs: list[tuple[Resolved, Resolved, str, str]] = []  # (source, target, relation, kind)
    if table.layout.startswith("acled"):
        one, two, etype, sub = _sides(table, rows)
        if not one or not one[0][0].strip():
            problems.append(Problem(table.name, f"line {row.line}", "actor1 is empty: row skipped"))
            out.counts["skipped"] += 1
            return
        s1 = [_resolve(emap, out, n, i, source, table, row) for n, i, _ in one]
        s2 = [_resolve(emap, out, n, i, source, table, row) for n, i, _ in two if n.strip()]
        if s2 and s1[0].actor == s2[0].actor and s1[0].how == s2[0].how == "state" and s1[0].name != s2[0].name:
            # two forces of one state fought ("Military Forces of Somalia (2022-)" and its "... Jubaland Security
            # Force"): the more specific one is a unit of its own, so the event keeps its two sides
            a, b = s1[0].name, s2[0].name
            if a.startswith(b):
                s1[0] = _unit(out, s1[0], table, row)
            else:
                s2[0] = _unit(out, s2[0], table, row)
        main1, main2 = s1[0], (s2[0] if s2 else None)
        fight = etype in _FIGHTS or (etype == _CIVILIANS and main2 is not None and main2.actor
                                     and not _generic(emap, main2.actor) and not _generic(emap, main1.actor))
        if fight and main2 is not None:
            for a in s1:  # the main actor and its associates fought the other side's main actor
                pairs.append((a, main2, "fought-against", ""))
            for b in s2[1:]:
                pairs.append((main1, b, "fought-against", ""))
        elif etype == _STRATEGIC and sub == "agreement" and main2 is not None:
            pairs.append((main1, main2, "allied-with", "alliance"))
        if fight or (etype == _STRATEGIC and sub == "agreement"):
            for side in (s1, s2):
                for assoc in side[1:]:
                    whole = side[0]
                    if (assoc.actor, whole.actor) in components:
                        pairs.append((assoc, whole, "member-of", "member"))
                    else:
                        pairs.append((assoc, whole, "allied-with", "joint-action"))
        cue = "acled:" + (re.sub(r"[^a-z]+", "-", etype).strip("-") or "event")
    elif table.layout == "ucdp-ged":
        if not f.get("side_a", "").strip() or not f.get("side_b", "").strip():
            problems.append(Problem(table.name, f"line {row.line}", "side_a or side_b is empty: row skipped"))
            out.counts["skipped"] += 1
            return
        a = _resolve(emap, out, f["side_a"], "", source, table, row)
        b = _resolve(emap, out, f["side_b"], "", source, table, row)
        if f.get("type_of_violence", "").strip() != "3":
            pairs.append((a, b, "fought-against", ""))
        cue = "ucdp-ged:" + {"1": "state-based", "2": "non-state", "3": "one-sided"}.get(
            f.get("type_of_violence", "").strip(), "event")
    else:
        side_a = [_resolve(emap, out, n, "", source, table, row) for n in _names(f.get("side_a", ""), ",")]
        side_b = [_resolve(emap, out, n, "", source, table, row) for n in _names(f.get("side_b", ""), ",")]
        if not side_a or not side_b:
            problems.append(Problem(table.name, f"line {row.line}", "side_a or side_b is empty: row skipped"))
            out.counts["skipped"] += 1
            return
        pairs += [(a, b, "fought-against", "") for a in side_a for b in side_b]
        for main, second in ((side_a, "side_a_2nd"), (side_b, "side_b_2nd")):
            for helper in _names(f.get(second, ""), ","):
                h = _resolve(emap, out, helper, "", source, table, row)
                pairs += [(h, m, "allied-with", "support") for m in main[:1]]
        cue = "ucdp-acd:conflict-year"
    pairs = [(a, b, rel, kind) for a, b, rel, kind in pairs if a.actor and b.actor and a.actor != b.actor]
    out.counts["with relations" if pairs else "no relation"] += 1
    if not pairs:
        return
    start, end = row.start, row.end
    eid = event_id(table.name, start, end)
    span = _Span(table.text[start:end], start, end, section=table.layout)
    place = f.get("location", "") or f.get("where_description", "")
    out.events.append({
        "event_id": eid, "kind": table.layout, "date": date["iso"], "date_precision": date["precision"],
        "date_earliest": date["earliest"], "date_latest": date["latest"], "date_text": date["text"],
        "place": place.split(",")[0].strip(), "doc": table.name, "section": table.layout,
        "sentence_index": row.line, "sentence": span.text, "char_start": start, "char_end": end,
        "source_event_id": f.get("event_id_cnty") or f.get("id") or f.get("conflict_id") or "",
        "event_type": f.get("sub_event_type") or f.get("event_type") or cue.split(":", 1)[1],
        "sources": f.get("source") or f.get("source_office") or "",
        "latitude": _number(table, row, "latitude", problems, float),
        "longitude": _number(table, row, "longitude", problems, float),
        "fatalities": _number(table, row, "fatalities" if source == "acled" else "best", problems),
    })
    seen = set()
    for a, b, rel, kind in pairs:
        key = (rel, a.actor, b.actor)
        if key in seen:
            continue
        seen.add(key)
        out.edges.append(_edge(eid, len(seen) - 1, a.actor, b.actor, rel, date, "reported", "", table.name, span,
                               a.name, b.name, cue, "", kind))


def _generic(emap: EventActorMap, actor_id: str) -> bool:
    actor = emap.dictionary.get(actor_id)
    return actor is not None and actor.is_generic


def import_tables(tables, dictionary, *, emap: EventActorMap | None = None):
    """Import several tables over ``dictionary``: one :class:`TableImport` holding every table's rows,
    problems and new actors' occurrences (as :class:`~actors.extract.candidates.Candidate` values), rows
    per (layout, outcome) in ``counts``, the dictionary with the new actors added and mentions per actor.

    A named actor the map lacks becomes an actor of its own (id ``acled-…`` or ``ucdp-…``, the kind its
    source gives), listed with a problem that says so (not skipped), so an analyst can map it.
    """
    with paused_gc():  # see actors.bulk.paused_gc: linear in the rows, not more
        return _import_tables(tables, dictionary, emap)


def _import_tables(tables, dictionary, emap):
    from actors.extract.actor_toml import actor_from_table

    emap = emap if emap is not None else EventActorMap.load(dictionary)
    events, edges, problems, candidates = [], [], [], []
    new: dict[str, tuple[str, str]] = {}
    counts: Counter = Counter()
    where: dict[str, tuple[str, int]] = {}
    for table in tables:
        got = import_table(table, emap, components=emap.components)
        events += got.events
        edges += got.edges
        problems += got.problems
        candidates += got.candidates
        first = {}  # each new actor's first row: its line, for the problem that names it
        for c in got.candidates:
            if c.name not in first:  # counted once a name: counting for every row is quadratic
                first[c.name] = 1 + table.text.count("\n", 0, c.char_start)
        for actor_id, spec in got.new_actors.items():
            if actor_id not in new:
                new[actor_id] = spec
                where[actor_id] = (table.name, first.get(spec[0], 0))
        for outcome, n in got.counts.items():
            counts[(table.layout or "unknown", outcome)] += n
    if new:
        taken = set()  # a new actor's name is one of its spellings: never one the dictionary or another has
        actors = []
        for i, (name, kind) in sorted(new.items()):
            key = _key(name)
            if key in taken or dictionary.lookup(name) is not None or key in dictionary._periods:
                name = f"{name} [{i}]"  # UCDP's "Presidential guard", a period alias of the dictionary
            taken.add(_key(name))
            actors.append(actor_from_table({"id": i, "name": name, "kind": kind, "tags": ["event-table"]},
                                           source="event tables", place=f"actor {i!r}"))
        dictionary = dictionary.with_additions(actors, source="actors named by event tables")
        for i, (name, kind) in sorted(new.items()):
            doc, line = where[i]
            if i in emap.unlisted:
                text = (f"actor {name!r} is in the name map (actors/data/event_actors.toml) as {i!r} but not in "
                        f"the dictionary: imported as a {kind} of its own")
            else:
                text = (f"actor {name!r} is not in the name map (actors/data/event_actors.toml): "
                        f"imported as a {kind} of its own, id {i!r}")
            problems.append(Problem(doc, f"line {line}" if line else "", text, skipped=False))
    mentions = Counter(a for e in edges for a in (e["source"], e["target"]))
    return TableImport(events, edges, problems, new, counts, candidates, dictionary, mentions)

"""Applying an overrides file: new actors and aliases to the dictionary, drops, re-dates and additions to the edges.

Each entry is applied on its own: one that names an unknown actor, clashes
with the dictionary or selects no edge is skipped with a problem, and every
entry, applied or not, gets a row of the curation table.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any, Mapping, Sequence

from actors.curation.overrides import Curation, Override
from actors.errors import DataFileError, Problem
from actors.extract.actor_entries import _SURFACE_FIELDS, Actor, _key, _raise, _validate
from actors.extract.dictionary import Dictionary, _auto_places, actor_from_table
from actors.schema import is_symmetric
from actors.text.dates import parse_iso

__all__ = ["extend_dictionary", "apply_curation", "merge_requests", "merge_rows"]

_CHECKED = (1, 9998)  # dates were checked against the plausible years when the file was read


def extend_dictionary(dictionary: Dictionary, curation: Curation) -> tuple[Dictionary, list[dict], list[Problem]]:
    """The dictionary with the file's ``[[actor]]`` and ``[[alias]]`` entries added.

    Entries are checked one by one, so a clash (an alias another actor owns)
    skips that entry only. Returns the dictionary, the curation rows of these
    entries and the problems.

    Each entry is checked against the actors that own one of its spellings
    (an index kept up to date), not against the whole dictionary, and the
    extended dictionary is built and validated once at the end: the cost
    grows linearly with the number of entries (it was quadratic).
    """
    rows: list[dict] = []
    problems: list[Problem] = []
    label = f"{dictionary.source} + {curation.source}"
    grown = _Grown(dictionary)
    for o in curation.of("actor", "alias"):
        try:
            if o.op == "actor":
                actor = actor_from_table({"id": o.id, **o.values}, source=curation.source, place=o.where)
                grown.check(actor, "addition #1 (id {!r})".format(actor.id), label)
                grown.add(actor)
                change = f"new {actor.kind} {actor.name!r}" + (f", aliases {', '.join(actor.aliases)}"
                                                               if actor.aliases else "")
            else:
                target = grown.lookup(o.values["actor"])
                if target is None:
                    raise DataFileError(_unknown(grown.dictionary(), o.values["actor"]))
                more = dataclasses.replace(target, aliases=target.aliases + tuple(o.values["aliases"]))
                grown.check(more, grown.place(target.id).removesuffix(" with added aliases") + " with added aliases",
                            label, new=False)
                grown.add(more, aliases=True)
                change = f"{target.id}: + " + ", ".join(o.values["aliases"])
        except DataFileError as exc:
            why = _first_line(exc, curation.source, o.where)
            problems.append(Problem(curation.source, o.where, f"{why}; entry not applied"))
            rows.append(_row(o, applied=False, note=why))
            continue
        rows.append(_row(o, applied=True, after=change))
    return grown.dictionary(label), rows, problems


class _Grown:
    """A dictionary growing entry by entry: the actors, an index of who owns each spelling, and their places."""

    def __init__(self, base: Dictionary):
        self.base = base
        self.actors: dict[str, Actor] = {a.id: a for a in base.actors}  # in order; new ones appended
        self.owner: dict[str, str] = {}  # spelling key -> actor id
        self.periods: dict[str, dict[str, None]] = {}  # period alias key -> actor ids (in order)
        for a in base.actors:
            self._index(a)
        named = [a for a in base.actors if not a.is_generic]
        self.places = dict(zip((a.id for a in base.actors), _auto_places(base.actors)))
        self.named = len(named)
        self.aliased: set[str] = set()
        self.rank = {a.id: (2 if a.is_generic else 0, i) for i, a in enumerate(base.actors)}
        self._built: Dictionary | None = base

    def _index(self, actor: Actor) -> None:
        for text in (actor.id, actor.name, *(s for f in _SURFACE_FIELDS for s in getattr(actor, f))):
            if isinstance(text, str):
                self.owner.setdefault(_key(text), actor.id)
        for period in actor.period_aliases:
            self.periods.setdefault(_key(period.alias), {})[actor.id] = None

    def place(self, actor_id: str) -> str:
        return self.places[actor_id] + (" with added aliases" if actor_id in self.aliased else "")

    def lookup(self, name: str) -> Actor | None:
        found = self.owner.get(_key(name))
        return self.actors[found] if found is not None else None

    def check(self, actor: Actor, place: str, label: str, *, new: bool = True) -> None:
        """Raise DataFileError as validating the whole dictionary would, for this one entry:
        it is validated beside the actors that own one of its spellings (or its id)."""
        others: dict[str, Actor] = {}
        if new and actor.id in self.actors:
            others[actor.id] = self.actors[actor.id]
        texts = (actor.id, actor.name, *(s for f in _SURFACE_FIELDS for s in getattr(actor, f)))
        for text in texts:
            if isinstance(text, str) and text.strip():
                key = _key(text)
                for owner in (self.owner.get(key), *self.periods.get(key, ())):
                    if owner is not None and owner != actor.id:
                        others.setdefault(owner, self.actors[owner])
        # in the order validating the whole dictionary would take them, so the first problem is the same
        entries = sorted([(self._rank(i), self.place(i), a) for i, a in others.items()]
                         + [((3, 0) if new else self._rank(actor.id), place, actor)], key=lambda e: e[0])
        _raise(_validate([(p, a) for _, p, a in entries], label))

    def _rank(self, actor_id: str) -> tuple[int, int]:
        """Named actors of the base, then added actors, then generics: a dictionary's order."""
        return self.rank[actor_id]

    def add(self, actor: Actor, *, aliases: bool = False) -> None:
        if aliases:
            self.aliased.add(actor.id)
        else:
            self.places[actor.id] = f"actor #{self.named + 1} (id {actor.id!r})"
            self.rank[actor.id] = (1, self.named)
            self.named += 1
        self.actors[actor.id] = actor
        self._index(actor)
        self._built = None

    def dictionary(self, label: str | None = None) -> Dictionary:
        if label is None and self._built is not None:
            return self._built
        built = Dictionary(actors=tuple(self.actors.values()), force_nouns=self.base.force_nouns,
                           source=label or self.base.source)
        if label is None:
            self._built = built
        return built


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


def merge_requests(curation: Curation) -> list[tuple[str, tuple[str, ...]]]:
    """The file's ``[[merge]]`` entries as ``(id, edge ids)``, for :func:`actors.extract.resolve.resolve_events`.

    >>> from actors.curation.overrides import parse_curation
    >>> c = parse_curation('[[merge]]\\nid = "m"\\nreason = "one raid"\\nedges = ["ev-a-0", "ev-b-1"]\\n')
    >>> merge_requests(c)
    [('m', ('ev-a-0', 'ev-b-1'))]
    """
    return [(o.id, tuple(o.values["edges"])) for o in curation.of("merge")]


def merge_rows(curation: Curation, outcomes: Sequence[Mapping[str, Any]]) -> tuple[list[dict], list[Problem]]:
    """Curation rows and problems of the file's ``[[merge]]`` entries, given what resolution did
    with each (:attr:`actors.extract.resolve.Resolution.merges`, in the same order)."""
    rows, problems = [], []
    for o, done in zip(curation.of("merge"), outcomes):
        applied = done["applied"] == "yes"
        if not applied:
            problems.append(Problem(curation.source, o.where, f"{done['note']}; entry not applied"))
        rows.append(_row(o, applied=applied, edges=[e for e in done.get("edges", "").split("|") if e],
                         before=" + ".join(o.values["edges"]), after="one event" if applied else "",
                         note=done["note"]))
    return rows, problems


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
        new = parse_iso(o.values["date"], years=_CHECKED)
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
        new = parse_iso(v.get("date", ""), years=_CHECKED)
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
            "relation_kind": "",  # an analyst's addition states no kind
            "filled_by": "", "context": "",
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

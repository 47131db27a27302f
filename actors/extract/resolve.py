"""From mentions to events: one event per occurrence, however many sentences and documents tell it.

The extractor finds *mentions*: one relation between two actors in one
sentence (or one belligerents list). A battle told in the infobox, the lead
and the body is three mentions of one event. :func:`resolve_events` merges
them, conservatively, by this rule:

1. Mentions are compared only within a *block*: the same relation between the
   same pair (either order for the symmetric relations). Cost grows with the
   mentions of each pair, never with the square of the corpus.
2. Mentions whose evidence is the same text with the same date (a report
   copied or syndicated word for word) merge, whatever the date's precision.
   Otherwise an undated mention is never merged: nothing shows it is the same occurrence.
3. Two mentions dated alike at day precision (the same interval) merge, within
   a document or across documents, as a conflict-event dataset merges the
   same actors on the same day. At month or year precision equal dates merge
   nothing by themselves: two sentences on "a clash in 2012" may tell two clashes.
   Each is recorded as an overlap (below) with the first event of that period.
4. A belligerents list (an infobox), or a row of a group's profile box, joins the one event
   of its pair that its own document tells at a date that fits the list's (any date, when the
   list is undated), if there is exactly one: the article's battle, or the alliance its body tells.
5. A coarser mention (a year, a month) joins a finer event only when it comes
   from the same document, its own sentence states no date (it inherits the
   date in force, so it goes on telling the story just told), and exactly one
   finer event of its block in that document fits its interval; at the same precision
   (both in December 2015), only when it comes one or two sentences after a sentence of
   that event which states the date, in the same section, and that event is the only one
   that fits. Otherwise it
   stays its own event: a year summary ("fought throughout 2012") never swallows
   the day-dated fights it summarises. Each finer event it fits is recorded as
   an *overlap*, so an analyst can merge them by hand (``merges``, the overrides
   file's ``[[merge]]``).
6. Two mentions whose sentences name different places (``place`` of the
   statement) never merge.
7. A state's contingent in a mission told as it stands ("the Chadian peacekeepers"), undated
   but held by the date in force, is one event in its document however many sentences name it
   (other standing relations stay apart: annotators list a document's repeated descriptions of
   an affiliation apart or together, by no rule one can read off the text).

The pair-level events are then joined into *occurrences*: mentions stated in
one sentence belong to one occurrence, so the sides of a battle ("France and
Mali fought Ansar Dine") share one ``event_id``. An occurrence's id is the id
of the first statement that tells it (in document and reading order), so a
document added later never renames an event it only repeats.

Each resolved edge takes its evidence, document and offsets from its most
explicit mention (reported over claimed over alleged, then the most precise
date, then the first in reading order) and the most precise date, which every
mention's interval contains. Its ``status`` is that mention's, except that a
relation both asserted and denied is ``disputed``, its ``claimed_by``
``ASSERTER|DENIER`` (the asserter empty when a mention reports it as fact);
``statuses`` lists every status seen and ``claimed_by`` otherwise every claimant.

>>> m = [{"event_id": "s1", "edge_id": "s1-0", "source": "a", "target": "b", "relation": "fought-against",
...       "date": "2013-01-11", "date_precision": "day", "date_earliest": "2013-01-11",
...       "date_latest": "2013-01-11", "status": "reported", "claimed_by": "", "doc": "x.txt",
...       "char_start": 0, "char_end": 20},
...      {"event_id": "s2", "edge_id": "s2-0", "source": "b", "target": "a", "relation": "fought-against",
...       "date": "2013-01-11", "date_precision": "day", "date_earliest": "2013-01-11",
...       "date_latest": "2013-01-11", "status": "claimed", "claimed_by": "b", "doc": "y.txt",
...       "char_start": 5, "char_end": 30}]
>>> r = resolve_events(m)
>>> [(e["edge_id"], e["mentions"], e["docs"], e["statuses"]) for e in r.edges]
[('s1-0', 2, 2, 'reported|claimed')]
>>> [x["event_id"] for x in r.mentions]
['s1', 's1']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from actors.schema import PRECISIONS, STATUSES, TABLE_EVENT_FIELDS, is_symmetric

__all__ = ["Resolution", "resolve_events", "mention_block"]

_RANK = {p: i for i, p in enumerate(PRECISIONS)}  # day 0 ... unknown 3
_STATUS_RANK = {s: i for i, s in enumerate(STATUSES)}
_ASSERTED = frozenset({"reported", "claimed", "alleged"})
_BOX_CUES = frozenset({"belligerents", "profile-box"})  # an infobox's lists (actors.extract.infobox, profile_box)


@dataclass(frozen=True)
class Resolution:
    """What :func:`resolve_events` returns.

    ``mentions``: every input row, with ``mention_id`` (its own ``edge_id``),
    ``statement_id`` (its sentence's id), and the ``event_id`` and ``edge_id``
    it was resolved to. ``edges``: one row per (event, pair, relation), with
    ``mentions``, ``mention_ids``, ``docs``, ``statuses`` and ``claimed_by``.
    ``events``: one row per occurrence (given the statements). ``overlaps``:
    rows of :data:`actors.schema.OVERLAP_COLUMNS`, events left apart that may be one.
    ``merges``: one row per requested merge: ``id``, ``applied`` (yes | no), ``edges`` (the
    edge ids it joined, "|"-joined) and ``note`` (why not).
    """

    mentions: list[dict]
    edges: list[dict]
    events: list[dict] = field(default_factory=list)
    overlaps: list[dict] = field(default_factory=list)
    merges: list[dict] = field(default_factory=list)


def mention_block(row: dict) -> tuple:
    """The block a mention is compared in: its relation and pair (unordered when symmetric)."""
    pair = (row["source"], row["target"])
    if is_symmetric(row["relation"]):
        pair = tuple(sorted(pair))
    return (row["relation"], *pair)


@dataclass(eq=False)  # compared and hashed by identity
class _Group:
    members: list[dict]  # the first has the most precise date (a block is read finest first)
    docs: set[str]
    places: set[str]
    texts: set[tuple[str, str]]  # (evidence, date) of every member

    @property
    def finest(self) -> dict:
        return self.members[0]


def _interval(row: dict) -> tuple[str, str] | None:
    lo, hi = row.get("date_earliest") or "", row.get("date_latest") or ""
    return (lo, hi) if lo and hi else None


def _inside(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Interval ``a`` lies inside ``b``."""
    return b[0] <= a[0] and a[1] <= b[1]


def _text(row: dict) -> tuple[str, str]:
    return " ".join((row.get("evidence") or "").split()), row.get("date") or ""


def _norm_place(place: str) -> str:
    return place.split(",")[0].strip().casefold()


def _stated(row: dict, statements: dict[str, dict]) -> bool:
    """The mention's own sentence states its date (rather than inheriting the date in force)."""
    st = statements.get(row.get("event_id", ""))
    if st is None:
        return True  # nothing shows it inherits: treat as stated (keeps it apart)
    text = (st.get("date_text") or "").strip()
    return bool(text) and text.casefold() in (st.get("sentence") or "").casefold()


def _continues(m: dict, g: _Group, statements: dict[str, dict]) -> bool:
    """``m``'s sentence comes one or two sentences after one of ``g``'s that states its own date
    (the story's dated opening, not another sentence that inherits it), in the same section of
    the same document."""
    st = statements.get(m.get("event_id", ""))
    if st is None or st.get("sentence_index") is None:
        return False
    for r in g.members:
        o = statements.get(r.get("event_id", ""))
        if (o is not None and o["doc"] == st["doc"] and o.get("section") == st.get("section")
                and o.get("sentence_index") is not None and 0 < st["sentence_index"] - o["sentence_index"] <= 2
                and _stated(r, statements)):
            return True
    return False


def _fits(m: dict, g: _Group, place: str) -> bool:
    if place and g.places and place not in g.places:
        return False
    a, b = _interval(m), _interval(g.finest)
    return a is not None and b is not None and (_inside(a, b) or _inside(b, a))


def _place_of(row: dict, statements: dict[str, dict]) -> str:
    st = statements.get(row.get("event_id", ""))
    return _norm_place(st.get("place") or "") if st else ""


def _years(interval: tuple[str, str]) -> range:
    return range(int(interval[0][:4]), int(interval[1][:4]) + 1)


def _resolve_block(rows: list[dict], statements: dict[str, dict], overlaps: list) -> list[_Group]:
    """One block's mentions, finest date first, each joined to a group or starting one. Groups are
    indexed by text, by exact interval and by year, so a mention is compared only with the groups
    of its own year: the cost grows with the mentions of the pair in that year."""
    groups: list[_Group] = []
    by_text: dict[tuple[str, str], _Group] = {}
    standing: dict[str, _Group] = {}  # a document's one contingent as it stands (rule 7)
    by_interval: dict[tuple[str, str], list[_Group]] = {}
    by_year: dict[int, list[_Group]] = {}
    order = sorted(rows, key=lambda r: (_RANK.get(r.get("date_precision", "unknown"), 3), r["doc"],
                                        r["char_start"], r["edge_id"]))
    for m in order:
        place = _place_of(m, statements)
        rank = _RANK.get(m.get("date_precision", "unknown"), 3)
        text, span = _text(m), _interval(m)
        target = by_text.get(text)
        if target is None and _standing_contingent(m):
            target = standing.get(m["doc"])
        elif target is None and span is not None and rank < _RANK["unknown"]:
            same = [g for g in by_interval.get(span, ()) if _fits(m, g, place)] if rank == _RANK["day"] else []
            if same:
                target = same[0]
            else:
                near = dict.fromkeys(g for y in _years(span) for g in by_year.get(y, ()))
                finer = [g for g in near if _RANK.get(g.finest.get("date_precision", "unknown"), 3) < rank
                         and _fits(m, g, place)]
                local = [g for g in finer if m["doc"] in g.docs]
                inherited = not _stated(m, statements)
                if len(local) == 1 and inherited:
                    target = local[0]
                elif not local and inherited and rank > _RANK["day"]:
                    # rule 5 at equal precision: a sentence with no date of its own that goes on
                    # telling the story just told, within two sentences, is the same event
                    level = [g for g in near if _RANK.get(g.finest.get("date_precision", "unknown"), 3) == rank
                             and _fits(m, g, place) and _continues(m, g, statements)]
                    target = level[0] if len(level) == 1 else None
                if target is None:
                    overlaps.extend((g.finest, m) for g in finer)
                if target is None and rank > _RANK["day"]:
                    # the same month or year: maybe one, maybe two. Listed against the period's first
                    # event only, so a pair told in a hundred sentences of 2012 lists a hundred, not 5,000
                    first = next((g for g in by_interval.get(span, ()) if _fits(m, g, place)), None)
                    if first is not None:
                        overlaps.append((first.finest, m))
        if target is None:
            target = _Group([m], {m["doc"]}, {place} if place else set(), {text})
            groups.append(target)
            if span is not None:
                by_interval.setdefault(span, []).append(target)
                for y in _years(span):
                    by_year.setdefault(y, []).append(target)
        else:
            target.members.append(m)
            target.docs.add(m["doc"])
            target.texts.add(text)
            if place:
                target.places.add(place)
        by_text.setdefault(text, target)
        if _standing_contingent(m):
            standing.setdefault(m["doc"], target)
    return _join_belligerents(groups)


def _standing_contingent(row: dict) -> bool:
    """A state's contingent in a mission told as it stands ("the Chadian peacekeepers"): undated, held by
    the date in force."""
    return row.get("relation_kind") == "contingent" and not row.get("date") and bool(row.get("date_latest"))


def _join_belligerents(groups: list[_Group]) -> list[_Group]:
    """A belligerents list (an infobox) names the sides of its article's one battle: its event joins
    the one other event of its pair in the same document whose date fits it (one interval inside the
    other; any date when the list is undated); with none or several, it stays apart."""
    for box in [g for g in groups if len(g.docs) == 1 and all(m.get("cue") in _BOX_CUES for m in g.members)]:
        (doc,) = box.docs
        undated = _interval(box.finest) is None  # (an infobox without a readable date)
        fits = [g for g in groups if g is not box and doc in g.docs
                and (undated or _compatible(_interval(g.finest), _interval(box.finest)))]
        if len(fits) != 1:
            continue
        into = fits[0]
        into.members.extend(box.members)
        into.members.sort(key=lambda r: (_RANK.get(r.get("date_precision", "unknown"), 3), r["doc"],
                                         r["char_start"], r["edge_id"]))  # finest first
        into.places |= box.places
        into.texts |= box.texts
        groups.remove(box)
    return groups


def _representative(members: Sequence[dict]) -> dict:
    return min(members, key=lambda r: (_STATUS_RANK.get(r.get("status", ""), 9) if r.get("status") in _ASSERTED
                                       else 9, _RANK.get(r.get("date_precision", "unknown"), 3),
                                       r["doc"], r["char_start"], r["edge_id"]))


def _joined(values: Iterable[str]) -> str:
    seen: list[str] = []
    for v in values:
        for part in (v or "").split("|"):
            if part and part not in seen:
                seen.append(part)
    return "|".join(seen)


def resolve_events(mentions: Sequence[dict], statements: Sequence[dict] = (), *,
                   merges: Sequence[tuple[str, Sequence[str]]] = (), in_place: bool = False) -> Resolution:
    """Merge mention rows (today's edge rows, one per sentence) into events; see the module's rule.

    ``statements`` are the sentence-level event rows (``event_id``, ``place``,
    ``date_text``, ``sentence``, ``doc``, ``char_start``); without them no place
    is compared and every date counts as stated. ``merges``: an analyst's
    ``(id, mention ids)`` requests that those mentions' events are one (see
    :func:`_merge`). The inputs are not changed, unless ``in_place``: then the mention rows
    themselves become the resolution's ``mentions`` (the same values, without a second row for each
    mention held at once; for a caller that lets go of its rows, as a streamed run does).
    """
    by_id = {s["event_id"]: s for s in statements}
    blocks: dict[tuple, list[dict]] = {}
    for m in mentions:
        blocks.setdefault(mention_block(m), []).append(m)
    overlaps: list[tuple[dict, dict]] = []
    groups = [g for key in sorted(blocks) for g in _resolve_block(blocks[key], by_id, overlaps)]
    merged, joined = _merge(groups, merges)

    # occurrences: the statements of one group, and the groups of one statement, are one event
    def where(sid: str) -> tuple:
        s = by_id.get(sid)
        return (s["doc"], s["char_start"], sid) if s else ("", 0, sid)

    from networkx.utils import UnionFind  # lazily: reading and extraction never need networkx

    union = UnionFind()
    for g in groups:
        union.union(*(m["event_id"] for m in g.members))
    for statement_ids in joined:  # an analyst's merge across pairs: one occurrence
        union.union(*statement_ids)
    first_of: dict[str, str] = {}
    for m in mentions:
        root = union[m["event_id"]]
        if root not in first_of or where(m["event_id"]) < where(first_of[root]):
            first_of[root] = m["event_id"]

    edges, resolved = [], {}
    for g in groups:
        rep = _representative(g.members)
        event_id = first_of[union[rep["event_id"]]]
        edges.append({**rep, "event_id": event_id, **_edge_fields(g, rep)})
        for r in g.members:
            resolved[id(r)] = (event_id, rep["edge_id"])
    if in_place and len({id(m) for m in mentions}) == len(mentions):  # (a row listed twice is copied)
        out_mentions = list(mentions)
        for m in out_mentions:
            m["mention_id"], m["statement_id"] = m["edge_id"], m["event_id"]
            m["event_id"], m["edge_id"] = resolved[id(m)]
    else:
        out_mentions = [{**m, "mention_id": m["edge_id"], "statement_id": m["event_id"],
                         "event_id": resolved[id(m)][0], "edge_id": resolved[id(m)][1]} for m in mentions]
    near = _near(overlaps, lambda m: resolved[id(m)][1])
    rows = [_overlap_row(ea, eb, a, b) for (ea, eb), (a, b) in sorted(near.items())]
    for row in merged:
        row["edges"] = "|".join(dict.fromkeys(resolved[id(m)][1] for m in row.pop("members")))
    return Resolution(out_mentions, edges, _events(statements, out_mentions), rows, merged)


def _edge_fields(g: _Group, rep: dict) -> dict:
    """An edge's own columns (beside its representative mention's): status, date, claimants, counts."""
    finest = g.finest
    ordered = sorted(g.members, key=lambda r: (r["doc"], r["char_start"], r["edge_id"]))
    statuses = _joined(r.get("status", "") for r in sorted(
        g.members, key=lambda r: _STATUS_RANK.get(r.get("status", ""), 9)))
    seen = set(statuses.split("|"))
    status = "disputed" if ("denied" in seen and seen & _ASSERTED) or "disputed" in seen else rep["status"]
    claimants = _joined(r.get("claimed_by", "") for r in ordered)
    if status == "disputed" and "disputed" not in seen:  # ASSERTER|DENIER, as a disputed sentence gives it
        asserted = [r for r in ordered if r.get("status") in _ASSERTED]
        asserter = "" if any(r["status"] == "reported" for r in asserted) else _joined(
            r.get("claimed_by", "") for r in asserted)
        claimants = asserter + "|" + _joined(r.get("claimed_by", "") for r in ordered if r["status"] == "denied")
    return {"status": status,
            "date": finest.get("date", ""), "date_precision": finest.get("date_precision", "unknown"),
            "date_earliest": finest.get("date_earliest", ""), "date_latest": finest.get("date_latest", ""),
            "claimed_by": claimants,
            "mentions": len(g.members), "mention_ids": "|".join(r["edge_id"] for r in ordered),
            "docs": len(g.docs), "statuses": statuses}


def _near(overlaps: Iterable[tuple[dict, dict]], edge_of) -> dict[tuple[str, str], tuple[dict, dict]]:
    """The overlapping pairs by their resolved edge ids (``edge_of`` of a mention), the last pair of each."""
    return {(edge_of(a), edge_of(b)): (a, b) for a, b in overlaps if edge_of(a) != edge_of(b)}


def _overlap_row(ea: str, eb: str, a: dict, b: dict) -> dict:
    return {"edge_id": ea, "other_edge_id": eb, "source": a["source"], "target": a["target"],
            "relation": a["relation"], "date": a.get("date", ""), "other_date": b.get("date", ""),
            "kind": "same-period" if _interval(a) == _interval(b) else "inside"}


def _merge(groups: list[_Group], merges: Sequence[tuple[str, Sequence[str]]]) -> tuple[list[dict], list[list[str]]]:
    """Apply an analyst's merges to ``groups`` (in place).

    Each request names mentions by id (``edge_id``: an ``edge_id`` of edges.csv is its first
    mention's). The events of those mentions that share a relation and pair become one edge,
    unless their dates conflict (neither interval inside the other) or one is undated while
    another is dated: then nothing of the request is applied. Events of different pairs are
    joined as one occurrence (one ``event_id``) and keep their own edges. Returns a row per
    request (``id``, ``applied``, ``note``, ``members``) and the statement ids to join.
    """
    of: dict[str, _Group] = {m["edge_id"]: g for g in groups for m in g.members}
    rows: list[dict] = []
    joined: list[list[str]] = []
    for merge_id, ids in merges:
        row = {"id": merge_id, "applied": "no", "note": "", "members": []}
        rows.append(row)
        unknown = [i for i in ids if i not in of]
        if unknown:
            row["note"] = "no mention or edge has the id " + ", ".join(map(repr, unknown))
            continue
        chosen = list(dict.fromkeys(of[i] for i in ids))
        if len(chosen) < 2:
            row["note"] = "the ids name one event already"
            continue
        by_block: dict[tuple, list[_Group]] = {}
        for g in chosen:
            by_block.setdefault(mention_block(g.finest), []).append(g)
        clash = next((f"{a.finest['edge_id']} ({a.finest.get('date') or 'undated'}) and "
                      f"{b.finest['edge_id']} ({b.finest.get('date') or 'undated'})"
                      for gs in by_block.values() for a in gs for b in gs if a is not b
                      and not _compatible(_interval(a.finest), _interval(b.finest))), None)
        if clash:
            row["note"] = f"dates conflict: {clash}; an event has one date"
            continue
        for gs in by_block.values():
            into = gs[0]
            for g in gs[1:]:
                into.members.extend(g.members)
                into.docs |= g.docs
                into.places |= g.places
                into.texts |= g.texts
                groups.remove(g)
                for m in g.members:
                    of[m["edge_id"]] = into
            into.members.sort(key=lambda r: (_RANK.get(r.get("date_precision", "unknown"), 3), r["doc"],
                                             r["char_start"], r["edge_id"]))  # finest first, as a block is read
        row["applied"] = "yes"
        row["members"] = [g.finest for g in chosen]
        joined.append([g.finest["event_id"] for g in chosen])
    return rows, joined


def _compatible(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Two dates one event can have: both undated, or one interval inside the other."""
    if a is None or b is None:
        return a is None and b is None
    return _inside(a, b) or _inside(b, a)


def _events(statements: Sequence[dict], mentions: Sequence[dict]) -> list[dict]:
    """One row per occurrence: its first statement's row, with every document and the mention count."""
    if not statements:
        return []
    by_id = {s["event_id"]: s for s in statements}
    members: dict[str, list[dict]] = {}
    for m in mentions:
        members.setdefault(m["event_id"], []).append(m)
    out = []
    for eid, ms in members.items():
        base = by_id.get(eid)
        if base is None:
            continue
        told = sorted((by_id[s] for s in {m["statement_id"] for m in ms} if s in by_id),
                      key=lambda s: (s["doc"], s["char_start"]))  # reading order
        finest = min(told, key=lambda s: _RANK.get(s.get("date_precision", "unknown"), 3))
        docs = sorted({m["doc"] for m in ms})
        places = [s["place"] for s in told if s.get("place")]
        # a table's own fields (its event id, place, fatalities) from whichever statement has them
        table = {k: next((st[k] for st in told if st.get(k) not in (None, "")), None) for k in TABLE_EVENT_FIELDS}
        out.append({**base, **table, "date": finest["date"], "date_precision": finest["date_precision"],
                    "date_earliest": finest["date_earliest"], "date_latest": finest["date_latest"],
                    "date_text": finest.get("date_text", ""), "place": places[0] if places else "",
                    "mentions": len(ms), "statements": len({m["statement_id"] for m in ms}),
                    "documents": "|".join(docs)})
    return out

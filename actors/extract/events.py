"""From matches to rows: dated events and the edges between actors in them.

An event is one statement (a sentence) or one belligerents list that yields at
least one relation; an edge is one relation between two actors in one event.
Rows are plain dicts keyed by the columns of :mod:`actors.schema`.

Each edge is dated by the date its sentence gives nearest before the cue word
(else the first in the sentence, else the date in force for the sentence, at
year precision at best): a date never borrows more precision than the text has.

>>> ids = event_id("a.txt", 10, 42)
>>> ids.startswith("ev-") and len(ids) == 15
True
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from itertools import combinations
from typing import Sequence

from actors.extract.infobox import Belligerent, Sides, period_date
from actors.extract.relations import RelationMatch
from actors.schema import is_symmetric
from actors.text.tokens import Token

__all__ = ["event_id", "sentence_event", "belligerents_event", "fill_role", "fill_context", "UNKNOWN_DATE"]

UNKNOWN_DATE = {"iso": "", "precision": "unknown", "earliest": "", "latest": "", "text": ""}

_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "around"})
_PLACE_NOUNS = frozenset({"town", "city", "village", "region", "locality", "localities", "camp", "base", "cercle", "commune", "area"})
_NOT_PLACES = frozenset(
    "january february march april may june july august september october november december "
    "the a an early late mid his her their its this that".split()
)


def event_id(doc: str, start: int, end: int) -> str:
    """A stable id for the event stated at ``doc[start:end]``."""
    return "ev-" + hashlib.sha1(f"{doc}\x00{start}\x00{end}".encode()).hexdigest()[:12]


def _date_dict(d) -> dict:
    if d is None:
        return dict(UNKNOWN_DATE)
    return {"iso": d.iso, "precision": d.precision, "earliest": d.earliest, "latest": d.latest, "text": d.text}




def _edge_date(dates: Sequence, in_force, cue_offset: int, tokens: Sequence[Token] = (), other_clause: frozenset = frozenset(),
               statement_words: frozenset = frozenset()) -> dict:
    """The date nearest before the cue; a later one only if no clause about something
    else ("..., making it the deadliest attack since ... 2014") comes between. A date right
    after a verb of saying ("X said on Tuesday that ...", "claimed responsibility Friday for an
    attack") dates the statement, not what it tells."""
    own = [d for d in dates if d.precision != "unknown" or d.earliest]
    said = [d for d in own if statement_words and _dates_statement(d, cue_offset, tokens, statement_words)]
    if said:
        own = [d for d in own if d not in said]
        if in_force is not None and any(d.iso == in_force.iso for d in said) and in_force.iso:
            in_force = _year_of(in_force)  # the statement's day is in force: of the events, only its year
    before = [d for d in own if d.start <= cue_offset and not _in_aside(d, cue_offset, tokens)]
    after = [d for d in own if d.start > cue_offset]
    if before and after and any(w in other_clause for w in (t.norm for t in tokens if before[-1].end <= t.start < cue_offset)) \
            and not _new_clause([t.norm for t in tokens if cue_offset <= t.start < after[0].start], other_clause):
        # "In January 2020 troops suffered losses in the region, which is where four soldiers were killed
        # in 2017": the cue's own clause dates it
        return _date_dict(after[0])
    if before and after and statement_words and before[-1].precision != "unknown" and any(
            t.norm in statement_words for t in tokens if before[-1].end <= t.start < cue_offset) \
            and not _new_clause([t.norm for t in tokens if cue_offset <= t.start < after[0].start], other_clause):
        # "On 29 December JNIM released a statement claiming the attack ... carried out on 30 November": the
        # first date is the statement's, the one after the attack the attack's
        return _date_dict(after[0])
    if before:
        span = _year_range(before, tokens)
        if span is None:
            span = _subordinate_to(before[-1], cue_offset, tokens)
        return span if span is not None else _date_dict(before[-1])
    for d in after:  # (a date in an aside before the cue dates the aside only)
        between = [t.norm for t in tokens if cue_offset <= t.start < d.start]
        if not any(w in other_clause for w in between):
            return _date_dict(d)
    if in_force is not None and not in_force.inherited and in_force.start <= cue_offset and tokens \
            and _in_aside(in_force, cue_offset, tokens):
        return _date_dict(None)  # the sentence's only date is its aside's: what the cue tells is undated
    if in_force is not None and not in_force.inherited and in_force.start > cue_offset and any(
            t.norm in other_clause and t.norm in _RELATIVES for t in tokens
            if cue_offset <= t.start < in_force.start):
        # "A and B are engaged in the battle against X, who first crossed into Niger in 2015": the
        # sentence's date is the later clause's, not the cue's
        return _date_dict(None)
    return _date_dict(in_force)


def _subordinate_to(d, cue_offset: int, tokens: Sequence[Token]) -> dict | None:
    """"X seized the north in 2012 before being ousted by Y", "... in 2015, after being driven out by Y":
    the cue is in a clause of time after the date, which dates the main clause; the cue's event is
    only bounded by it (after it for "before" and "until", before it for "after")."""
    between = [t for t in tokens if d.end <= t.start < cue_offset]
    for n, t in enumerate(between[:-1]):
        nxt = between[n + 1].norm
        if t.norm in ("before", "until", "after") and (nxt == "being" or nxt.endswith("ing")) and t.text.islower():
            if t.norm == "after":
                return {"iso": "", "precision": "unknown", "earliest": "", "latest": d.latest, "text": ""}
            return {"iso": "", "precision": "unknown", "earliest": d.earliest, "latest": "", "text": ""}
    return None


def _in_aside(d, cue_offset: int, tokens: Sequence[Token]) -> bool:
    """The date stands in a relative clause or a participle's aside closed before the cue ("JNIM,
    which fought the MNLA in 2012, attacked ...", "the MNLA, founded in October 2011, attacked ..."):
    it dates that clause, not the cue's."""
    norms = [(t.start, t.norm) for t in tokens]
    opening = [i for i, (start, w) in enumerate(norms) if start < d.start and i > 0 and norms[i - 1][1] == ","
               and (w in ("which", "who", "whose", "led", "born") or (w.endswith("ed") and tokens[i].text.islower())
                    or (w in _APPOSITION_OPENERS and _relative_before(norms, i, d.start)))]
    if not opening:
        return False
    i = opening[-1]
    closing = next((start for start, w in norms[i:] if start >= d.end and w == ","), None)
    return closing is not None and closing < cue_offset and not any(
        w == "," for start, w in norms[i + 1:] if start < d.start)


_APPOSITION_OPENERS = frozenset({"a", "an", "the", "one"})
_RELATIVES = frozenset({"that", "which", "who", "whose"})


def _relative_before(norms: list, i: int, date_start: int) -> bool:
    """An apposition holding a relative clause or a participle that the date belongs to ("the CSP, a
    coalition of groups that had signed the accord in 2015, said ...", "the MSA, a splinter of the
    MNLA formed in 2016, fought ...")."""
    inside = [w for start, w in norms[i + 1:] if start < date_start]
    participle = len(inside) >= 2 and inside[-1] in {"in", "on", "since"} and inside[-2].endswith("ed")
    return participle or any(w in _RELATIVES for w in inside)


_RANGE_JOINS = frozenset({"and", "to", "until", "till", "-", "–", "—"})


def _year_range(dates: Sequence, tokens: Sequence[Token]) -> dict | None:
    """"Between 2015 and 2017, X attacked Y", "from 2012 to 2014": the last two years before the cue,
    joined as a range, are the span of what happened (an unknown date bounded by both years), never
    the second year alone."""
    if len(dates) < 2 or not tokens:
        return None
    a, b = dates[-2], dates[-1]
    if a.precision != "year" or b.precision != "year" or not a.earliest or not b.latest or a.earliest >= b.earliest:
        return None
    between = [t.norm for t in tokens if a.end <= t.start < b.start]
    opener = [t.norm for t in tokens if t.end <= a.start][-1:]
    if len(between) != 1 or between[0] not in _RANGE_JOINS or not (opener in (["between"], ["from"]) or between[0] in "-–—"):
        return None
    return {"iso": "", "precision": "unknown", "earliest": a.earliest, "latest": b.latest, "text": f"{a.text}–{b.text}"}


def _year_of(d):
    """A date in force at its year only."""
    year = d.iso[:4]
    return replace(d, iso=year, precision="year", earliest=f"{year}-01-01", latest=f"{year}-12-31")


def _dates_statement(d, cue_offset: int, tokens: Sequence[Token], statement_words: frozenset) -> bool:
    """The date follows a verb of saying, within three words, and comes before the cue."""
    if d.start > cue_offset:
        return False
    near = [t.norm for t in tokens if t.end <= d.start][-3:]
    if near[-1:] == ["the"] and not any(d.end <= t.start < cue_offset for t in tokens):
        return False  # "claimed responsibility for the 21 September ambush": the date is the attack's
    return any(w in statement_words for w in near)


def _new_clause(words: Sequence[str], other_clause: frozenset) -> bool:
    """Words opening a clause about something else, or a coordinated clause of its own (", and on
    28 November ..."): a date after them is that clause's."""
    return any(w in other_clause for w in words) or any(
        a == "," and b in {"and", "but", "while", "whereas"} for a, b in zip(words, words[1:]))


def _place(tokens: Sequence[Token], covered: set[int], start: int) -> str:
    """A place named after the cue: "in Nampala", "at the town of Konna"."""
    n = len(tokens)
    for i in range(start, n - 1):
        if tokens[i].norm not in _PLACE_PREPS:
            continue
        j = i + 1
        if tokens[j].norm == "the" and j + 2 < n and tokens[j + 1].norm in _PLACE_NOUNS and tokens[j + 2].norm == "of":
            j += 3
        k = j
        while k < n and tokens[k].text[:1].isupper() and k not in covered and tokens[k].norm not in _NOT_PLACES:
            k += 1
        if k > j:
            return " ".join(t.text for t in tokens[j:k])
    return ""


def sentence_event(
    doc_name: str,
    sentence,
    tokens: Sequence[Token],
    relations: Sequence[RelationMatch],
    dates: Sequence,
    in_force,
    *,
    other_clause: frozenset = frozenset(),
    founding_words: frozenset = frozenset(),
    statement_words: frozenset = frozenset(),
) -> tuple[dict, list[dict]]:
    """The event row and edge rows for one sentence's relations.

    ``other_clause``: words opening a clause about something else (the cue file's
    ``other_clause_openers``); a date after them does not date the relation.
    A relation described as it stands (``RelationMatch.standing``) is undated (its
    ``date_latest`` the date it held by), unless the sentence tells a founding (one of
    ``founding_words``) and states a date.
    """
    founding = any(r.standing for r in relations) and any(t.norm in founding_words for t in tokens)
    eid = event_id(doc_name, sentence.start, sentence.end)
    covered = set()
    for r in relations:
        covered.update(range(r.source.tok_start, r.source.tok_end))
        covered.update(range(r.target.tok_start, r.target.tok_end))
    first_cue = min(r.cue_start for r in relations)
    dated: dict[int, dict] = {}  # cue offset -> its date, read only (the relations of one cue share it)

    def date_at(cue_offset: int) -> dict:
        if cue_offset not in dated:
            dated[cue_offset] = _edge_date(dates, in_force, cue_offset, tokens, other_clause, statement_words)
        return dated[cue_offset]

    event_date = date_at(tokens[first_cue].start if first_cue < len(tokens) else sentence.start)
    event = {
        "event_id": eid,
        "kind": "statement",
        "date": event_date["iso"],
        "date_precision": event_date["precision"],
        "date_earliest": event_date["earliest"],
        "date_latest": event_date["latest"],
        "date_text": event_date["text"],
        "place": _place(tokens, covered, first_cue),
        "doc": doc_name,
        "section": sentence.section,
        "sentence_index": sentence.index,
        "sentence": sentence.text,
        "char_start": sentence.start,
        "char_end": sentence.end,
    }
    edges = []
    for n, r in enumerate(relations):
        cue_offset = tokens[r.cue_start].start if r.cue_start < len(tokens) else sentence.start
        d = date_at(cue_offset)
        if r.standing and not (founding and any(x.precision != "unknown" for x in dates)):
            # "X, an affiliate of Y": when the affiliation began is not told ("formed in 2015 as an
            # affiliate of Y" tells it); it held by the date in force
            d = {**UNKNOWN_DATE, "latest": d["latest"]}
        elif _perfect(tokens, r.cue_start) and not any(x.precision != "unknown" for x in dates) and d["precision"] != "unknown":
            # "JNIM has pledged allegiance to al-Qaeda", with no date of its own: some time before the date in
            # force (the report's year), not in it
            d = {**UNKNOWN_DATE, "latest": d["latest"]}
        elif r.cue_start > 1 and tokens[r.cue_start - 1].norm == "had" and tokens[r.cue_start - 2].norm in ("which", "who") \
                and d["precision"] != "unknown" and not _own_date(dates, tokens, r.cue_start):
            # "In 2020 the islands were taken by ISWAP, which had split from Boko Haram": before then (but "the
            # army said it had killed 75 fighters" is reported speech, of the date told)
            d = {**UNKNOWN_DATE, "latest": d["latest"]}
        e = _edge(eid, n, r.source.actor, r.target.actor, r.relation, d, r.status, r.claimed_by,
                  doc_name, sentence, r.source.text, r.target.text, r.cue, r.claim_text, r.relation_kind)
        for role, m in (("source", r.source), ("target", r.target)):
            if m.filled_from is not None:
                fill_role(e, role, m.filled_from)
                if m.via == "claim" and r.status != "reported":  # a later claim named the attacker, and says so
                    fill_role(e, "status", m.filled_from)
        edges.append(e)
    return event, edges


def _perfect(tokens: Sequence[Token], cue_start: int) -> bool:
    """The cue is a verb in the present perfect: "has pledged", "have long carried out", "has been
    fighting"."""
    words = [t.norm for t in tokens[max(0, cue_start - 3) : cue_start]]
    while words and (words[-1].endswith("ly") or words[-1] in ("been", "also", "long", "repeatedly", "since")):
        words.pop()
    return bool(words) and words[-1] in ("has", "have")


def _own_date(dates, tokens, cue_start: int) -> bool:
    """A date stated after the cue, in its own clause ("had split from Y in 2016")."""
    return any(x.start >= tokens[cue_start].start for x in dates if x.precision != "unknown" and x.start >= 0)


def fill_role(edge: dict, role: str, span: tuple[int, int]) -> None:
    """Note on ``edge`` (in place) that the sentence at ``span`` (character range) filled its
    ``role`` (source, target or status).

    >>> e = {"filled_by": ""}
    >>> fill_role(e, "source", (90, 140)); fill_role(e, "status", (90, 140)); e["filled_by"]
    'source:90-140|status:90-140'
    """
    entry = f"{role}:{span[0]}-{span[1]}"
    have = [x for x in edge.get("filled_by", "").split("|") if x]
    if entry not in have:
        edge["filled_by"] = "|".join([*have, entry])


def fill_context(edges: Sequence[dict], text: str) -> None:
    """Set each edge's ``context`` (in place): the text of the sentences its ``filled_by`` names,
    in reading order, one per line (the document ``text`` they index).

    >>> e = {"filled_by": "source:4-9|status:4-9"}
    >>> fill_context([e], "One. Two. "); e["context"]
    'Two.'
    """
    for e in edges:
        spans = sorted({tuple(int(x) for x in entry.split(":", 1)[1].split("-"))
                        for entry in e.get("filled_by", "").split("|") if entry})
        e["context"] = "\n".join(text[a:b].strip() for a, b in spans)


def _edge(eid, n, source, target, relation, d, status, claimed_by, doc_name, span, source_text, target_text, cue,
          claim_text="", relation_kind="") -> dict:
    return {
        "event_id": eid,
        "source": source,
        "target": target,
        "relation": relation,
        "date": d["iso"],
        "date_precision": d["precision"],
        "status": status,
        "claimed_by": claimed_by,
        "doc": doc_name,
        "evidence": span.text,
        "char_start": span.start,
        "char_end": span.end,
        "edge_id": f"{eid}-{n}",
        "date_earliest": d["earliest"],
        "date_latest": d["latest"],
        "source_text": source_text,
        "target_text": target_text,
        "cue": cue,
        "section": getattr(span, "section", ""),
        "claim_text": claim_text,
        "curation": "",
        "relation_kind": relation_kind,
        "filled_by": "",
        "context": "",
    }


class _Span:
    def __init__(self, text: str, start: int, end: int, section: str = "infobox"):
        self.text, self.start, self.end, self.section = text, start, end, section


#: Kinds of armed group whose "*" items in a belligerents list are their branches (``belligerents_event``).
_GROUP_KINDS = frozenset({"jihadist group"})


def belligerents_event(doc, sides: Sides, date, place: str = "", *,
                       kinds: dict[str, str] | None = None,
                       rivals: frozenset = frozenset()) -> tuple[dict | None, list[dict]]:
    """Rows for an infobox belligerents list: opposing sides fought, side-mates allied; an item
    listed under another is its member (under a coalition or mission, ``kinds`` giving each
    actor's kind) or its ally (under a state). Side-mates in ``rivals`` (pairs of actor ids,
    "Jihadists: al-Qaeda, Islamic State") are listed together, not allied."""
    kinds = kinds or {}
    span = _Span(doc.text[sides.start : sides.end], sides.start, sides.end)
    eid = event_id(doc.name, sides.start, sides.end)
    d = _date_dict(date)
    edges: list[dict] = []
    seen: set = set()

    def add(a, b, relation, kind=None):
        if a.mention.actor == b.mention.actor:
            return
        key = (relation, frozenset((a.mention.actor, b.mention.actor)) if is_symmetric(relation) else (a.mention.actor, b.mention.actor))
        if key in seen:
            return
        seen.add(key)
        claimant = a.claimed_by or b.claimed_by
        status = "claimed" if claimant else "reported"
        since = max((x.since for x in (a, b) if x.since is not None), default=None)
        dated = d
        if since is not None:
            # an entry's own period ("France (2014–23)"): the relation began that year
            dated = period_date(since)
        # sides of a belligerents list: co-belligerents are allies (annotation.md: alliance); an
        # item listed under a coalition or mission is its member (a state's troops: a contingent)
        kind = kind or {"allied-with": "alliance", "member-of": "member"}.get(relation, "")
        if relation == "member-of" and kinds.get(a.mention.actor) in ("foreign state", "state armed force") \
                and kinds.get(b.mention.actor) == "international mission":
            kind = "contingent"
        elif relation == "member-of" and since is None:
            # "Platform, * GATIA": GATIA's membership as it stood, not an event of the battle: undated,
            # held by the battle's date (a state's contingent is the battle's: it fought there)
            dated = {**UNKNOWN_DATE, "latest": d["latest"]}
        edges.append(_edge(eid, len(edges), a.mention.actor, b.mention.actor, relation, dated, status, claimant,
                           doc.name, span, a.mention.text, b.mention.text, "belligerents", claimant, kind))

    # the sides' own items; an item listed under another ("Platform, * GATIA") is that one's
    # component (member-of) or, under a state, a force fighting with it (allied-with)
    groups = [[b for b in side if b.under is None and not b.support] for side in sides.sides]
    together = [g for n, g in enumerate(groups) if g and n not in sides.listed]  # side-mates stated as allies
    groups = [g for g in groups if g]
    for x, y in combinations(range(len(groups)), 2):
        for a in groups[x]:
            for b in groups[y]:
                add(a, b, "fought-against")
    for side in together:
        for a, b in combinations(side, 2):
            if frozenset((a.mention.actor, b.mention.actor)) not in rivals:
                add(a, b, "allied-with")
    for side in sides.sides:
        main = [b for b in side if b.under is None and not b.support]
        for b in side:
            if b.support:  # "Supported by: X": X backs the side's belligerents, fights no one here
                for a in main:
                    add(b, a, "allied-with", "support")
                continue
            if b.under is None:
                continue
            head = Belligerent(b.under, b.claimed_by)
            if kinds.get(b.under.actor) in ("coalition", "international mission"):
                add(b, head, "member-of")
            elif kinds.get(b.under.actor) in _GROUP_KINDS and kinds.get(b.mention.actor) in _GROUP_KINDS:
                add(b, head, "member-of", "affiliate")  # "Islamic State, * West Africa Province (ISWAP)": a branch
            else:
                add(b, head, "allied-with")
    if not edges:
        return None, []
    event = {
        "event_id": eid,
        "kind": "belligerents",
        "date": d["iso"],
        "date_precision": d["precision"],
        "date_earliest": d["earliest"],
        "date_latest": d["latest"],
        "date_text": d["text"],
        "place": place,
        "doc": doc.name,
        "section": "infobox",
        "sentence_index": -1,
        "sentence": span.text,
        "char_start": span.start,
        "char_end": span.end,
    }
    return event, edges

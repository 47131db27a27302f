"""Frames naming two sides together.

``symmetric``   NOUN between A and B (and C); A and B VERB each other; A VERB with B.
``companion``   X ... with the help of / alongside / embedded with Y.
``group``       co-belligerents A, B and C: every pair.
``modifier``    X-linked / X-backed / X-affiliated Y.
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.agents import agent, governed, pairs_across
from actors.extract.frames.sentence import COPULAS, MONTHS, Occurrence, Sentence

__all__ = ["FRAME_FUNCS", "between"]


def _led_side(s: Sentence, end: int) -> tuple[list[int], int] | None:
    """After "between A": (A's backers, first named actor of the other side) when the other side
    is a generic phrase that names its leaders ("and Islamist fighters led by Ansar Dine",
    "and a coalition of rebel groups including the MNLA and the HCUA"); else None."""
    backers: list[int] = []
    markers = s.cues.words("led_markers")
    j = end
    if j < len(s.toks) and s.norms[j] == "," and j + 1 < len(s.toks) and s.norms[j + 1] in s.cues.single("backing_participles"):
        close = next((x for x in range(j + 1, min(len(s.toks), j + 14)) if s.norms[x] == ","), None)
        if close is None:
            return None
        backers = [s.at_start[x] for x in range(j + 2, close) if x in s.at_start and s.party(s.at_start[x])]
        j = close + 1
    if j >= len(s.toks) or s.norms[j] != "and":
        return None
    for x in range(j + 1, min(len(s.toks), j + 9)):
        if x in s.at_start and not s.mentions[s.at_start[x]].generic:
            m = s.mentions[s.at_start[x]]
            inside = s.norms[m.tok_start:m.tok_end]
            if any(tuple(inside[i:i + len(mk)]) == mk for mk in markers for i in range(len(inside))):
                return backers, s.at_start[x]  # "rebel groups led by the MNLA", found as one mention
            return None  # a named actor: an ordinary list, handled by the caller
        for marker in markers:
            if tuple(s.norms[x:x + len(marker)]) == marker:
                k = s.right_mention(x + len(marker), reach=3, stop_comma=False)
                return (backers, k) if k is not None else None
        if s.is_break(x) or s.norms[x] == ",":
            return None
    return None


def _one_side(s: Sentence, end: int) -> int | None:
    """After "between A and B", the first mention of the other side in "on one side and C on the other"."""
    words = s.norms[end:end + 5]
    for opener in (["on", "one", "side", "and"], ["on", "the", "one", "side", "and"]):
        if words[:len(opener)] == opener:
            k = s.right_mention(end + len(opener), reach=6, stop_comma=False)
            if k is None:
                return None
            last = s.group(k, forward_only=True)[-1]
            tail = s.norms[s.mentions[last].tok_end:s.mentions[last].tok_end + 3]
            return k if tail[:3] == ["on", "the", "other"] else None
    return None


def between(s: Sentence, j: int, relation: str) -> list:
    """ "between A and B (and C)": every pair; "between A and B against C": two sides."""
    if j > 0 and (s.norms[j - 1],) in s.cues.words("peace_nouns"):
        return []  # "negotiations between A and B"
    k = s.right_mention(j + 1, reach=3, stop_comma=False)
    if k is None:
        return []
    members = [m for m in s.group(k, forward_only=True) if s.party(m)]
    end = s.mentions[members[-1]].tok_end if members else j + 1
    led = _led_side(s, end)
    if led is not None:
        # "between A, supported by B, and rebel groups led by C and D" (A and B are
        # allies through the support frame already)
        backers, other = led
        enemies = [m for m in s.group(other, forward_only=True) if s.party(m) and not s.mentions[m].generic]
        return _two_sides(s, members + backers, enemies, relation, allies=(False, True))
    sides = _one_side(s, end)
    if sides is not None:
        # "between A and B on one side and C on the other"
        enemies = [m for m in s.group(sides, forward_only=True) if s.party(m)]
        return _two_sides(s, members, enemies, relation, allies=(True, True))
    if end < len(s.toks) and s.norms[end] in {"against", "versus", "vs"}:
        other = s.right_mention(end + 1, reach=4, stop_comma=False)
        if other is None:
            return []
        enemies = [m for m in s.group(other, forward_only=True) if s.party(m)]
        return _two_sides(s, members, enemies, relation, allies=(True, False))
    return [(s.mentions[a], s.mentions[b], relation) for a, b in combinations(members, 2)]


def _two_sides(s: Sentence, one: list[int], other: list[int], relation: str, *,
               allies: tuple[bool, bool]) -> list:
    """The relation across two sides, and allied-with within the sides ``allies`` names."""
    out = list(pairs_across(s, one, other, relation))
    for side, within in zip((one, other), allies):
        if within:
            out += [(s.mentions[a], s.mentions[b], "allied-with") for a, b in combinations(side, 2)]
    return out


def _symmetric(s: Sentence, occ: Occurrence, cue: Cue):
    # "clashes (broke out) between A and B"
    j = s.find_word(occ.end, {"between"}, 16)
    while j is not None and j + 1 < len(s.toks) and (s.toks[j + 1].text[:1].isdigit() or s.norms[j + 1] in MONTHS | {"early", "late", "mid"}):
        # "was fought between 17 and 21 May 2014 in Kidal, between A and B": a span of days first
        j = s.find_word(j + 1, {"between"}, 30)
    if j is not None and not any(x in s.at_start and s.party(s.at_start[x]) and not s.mentions[s.at_start[x]].generic
                                 for x in range(occ.end, j)):
        yield from between(s, j, cue.kind)
        return
    # "A and B clashed against each other", "found themselves in conflict with each other"
    recip = None
    for r in range(occ.end, min(len(s.toks), occ.end + 4)):
        for size in (2, 1):
            if tuple(s.norms[r : r + size]) in s.reciprocal:
                recip = r
    word = s.norms[occ.start]
    k, _ = s.left_mention(occ.start)
    if k is None:
        return
    subjects = [m for m in s.group(k) if s.party(m)]
    if recip is not None or (word.startswith("clash") or word.startswith("skirmish")) and len(subjects) > 1 and s.right_mention(occ.end, reach=2) is None:
        for a, b in combinations(subjects, 2):
            yield s.mentions[a], s.mentions[b], cue.kind
        if recip is not None:
            return
    # "A clashed with B", "A at war with B"
    j = s.find_word(occ.end, {"with"}, 2)
    if j is not None:
        p = s.right_mention(j + 1, reach=3)
        if p is not None:
            for m in s.group(p, forward_only=True):
                for a in subjects:
                    yield s.mentions[a], s.mentions[m], cue.kind


def _companion(s: Sentence, occ: Occurrence, cue: Cue):
    p = s.right_mention(occ.end, reach=4, allow_possessor=True)
    if p is None:
        return
    t = occ.start
    if t >= 3 and s.norms[t - 1] in {"of", "with", "for"} and s.norms[t - 2] in s.cues.single("accusation_participles"):
        # "officials accused of collaborating with the army": the accused is the noun
        # before the participle; unless that is an actor (or "X was accused of"), no relation
        before = t - 3
        if s.norms[before] not in COPULAS | {"been", "being", ","} and not (before in s.at_end and s.party(s.at_end[before])):
            return
    partners = s.group(p, forward_only=True)
    k, status_tok = s.left_mention(occ.start)
    principals: list[int] = []
    if k is not None:
        if k in s.patient_of:
            return  # "X killed Y along with Z": co-victims, not a stated alliance
        first = s.mentions[s.group(k)[0]].tok_start
        if governed(s, first):
            return  # "a ceasefire between A and B, with the support of C": A is no subject
        principals = [m for m in s.group(k) if s.party(m)]
    elif status_tok is not None:
        principals = agent(s, occ)
    if not principals and occ.start == 0 or (occ.start > 0 and s.norms[occ.start - 1] == "," and not principals):
        # "Along with Y, X attacked ...": the principal follows
        q = s.right_mention(partners and s.mentions[partners[-1]].tok_end or occ.end, reach=4, stop_comma=False)
        if q is not None:
            principals = [q]
    for a in principals:
        for b in partners:
            yield s.mentions[a], s.mentions[b], cue.kind
    if principals:
        for a, b in combinations([p for p in partners if s.party(p)], 2):
            yield s.mentions[a], s.mentions[b], cue.kind  # "fought alongside AQIM and MOJWA"


def _group(s: Sentence, occ: Occurrence, cue: Cue):
    k = s.right_mention(occ.end, reach=3, allow_possessor=False)
    members = s.group(k, forward_only=True) if k is not None else []
    if len(members) < 2:
        k, _ = s.left_mention(occ.start, reach=5)
        members = s.group(k) if k is not None else []
    members = [m for m in members if s.party(m)]
    for a, b in combinations(members, 2):
        yield s.mentions[a], s.mentions[b], cue.kind


def _modifier(s: Sentence, occ: Occurrence, cue: Cue):
    # "al-Qaeda-linked jihadists from JNIM": [X] "-" cue ... [Y]  ->  Y relation X
    if occ.start >= 2 and s.norms[occ.start - 1] == "-":
        head = s.at_end.get(occ.start - 2)
    else:
        head = s.at_end.get(occ.start - 1)  # "al-Qaeda linked group JNIM"
    if head is None:
        return
    y = s.right_mention(occ.end, reach=4, allow_possessor=False)
    if y is None:
        return
    for m in s.group(y, forward_only=True):
        yield s.mentions[m], s.mentions[head], cue.kind


FRAME_FUNCS = {
    "symmetric": _symmetric,
    "companion": _companion,
    "group": _group,
    "modifier": _modifier,
}

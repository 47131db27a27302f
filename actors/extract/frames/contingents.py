"""Frames of a state's troops in a mission or coalition: its contingent.

``contribution``  X sent troops to Y (a mission or coalition).
``garrison``      a MINUSMA camp garrisoned by Chadian peacekeepers (two states' troops holding
                  one place acted together).
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.countries import countries_at
from actors.extract.frames.sentence import Occurrence, Sentence

__all__ = ["FRAME_FUNCS"]


def _contribution(s: Sentence, occ: Occurrence, cue: Cue):
    """"Chad sent 2,000 troops to MINUSMA", "Sweden contributed a contingent to MINUSMA": the state's
    contingent; "Chad sent 2,000 troops to Mali": troops sent to another state's aid."""
    to = s.find_word(occ.end, {"to"}, 6)
    while to is not None and _in_a_range(s, to):
        to = s.find_word(to + 2, {"to"}, 7)  # "450 to 500 (non-combat) troops to Mali"
    if to is None or not any(s.norms[x] in s.cues.single("contributed_nouns") for x in range(occ.end, to)):
        return
    k, _ = s.left_mention(occ.start, reach=4)
    actor = s.matcher.dictionary.get(s.mentions[k].actor) if k is not None else None
    if actor is None or actor.kind not in _STATES | {"international mission"} or s.mentions[k].generic:
        return
    org = s.right_mention(to + 1, reach=3, allow_possessor=False)  # the mission, coalition or state named
    org_actor = s.matcher.dictionary.get(s.mentions[org].actor) if org is not None else None
    if org_actor is not None and org_actor.kind in ("international mission", "coalition"):
        if actor.kind in _STATES:  # (a body's troops sent to a mission are no state's contingent)
            yield s.mentions[k], s.mentions[org], cue.kind
        return
    hosts = countries_at(s, to + 1, s.mentions[k]) if org is None else (
        [s.mentions[org]] if org_actor is not None and org_actor.kind in _STATES else [])
    for host in hosts:
        if host.actor != actor.id:
            # "Chad sent 2,000 troops to Mali", "... to Nigeria, Niger and Cameroon": troops sent to a
            # state's aid (annotation.md, support)
            yield s.mentions[k], host, "allied-with", "support"


_STATES = frozenset({"state armed force", "foreign state"})


def _in_a_range(s: Sentence, to: int) -> bool:
    """"to" between two numbers ("450 to 500 troops"): a range, not a destination."""
    return 0 < to < len(s.toks) - 1 and s.norms[to - 1].replace(",", "").isdigit() \
        and s.norms[to + 1].replace(",", "").isdigit()


def _garrison(s: Sentence, occ: Occurrence, cue: Cue):
    """"a MINUSMA camp garrisoned by Chadian peacekeepers": the state's troops are the mission's
    contingent; "defended by Chadian and Bengali peacekeepers": the two acted together."""
    k = s.right_mention(occ.end, reach=4, allow_possessor=False)
    if k is None:
        return
    states = [m for m in s.group(k, forward_only=True)
              if s.mentions[m].via == "force" and not s.mentions[m].generic and s.party(m)]
    for a, b in combinations(states, 2):
        if s.mentions[a].actor != s.mentions[b].actor:
            yield s.mentions[a], s.mentions[b], "allied-with", "joint-action"
    j = occ.start - 1
    while j >= 0 and s.norms[j] in {"was", "were", "is", "are", "been", "being", "had", "has", "then", "still", ","}:
        j -= 1
    holder = s.at_end.get(j)  # "a MINUSMA camp" (the place noun is absorbed into the mission's mention)
    if holder is None or s.mentions[holder].generic:
        return
    mission = s.matcher.dictionary.get(s.mentions[holder].actor)
    if mission is None or mission.kind != "international mission":
        return
    for m in states:
        if s.mentions[m].actor != s.mentions[holder].actor:
            yield s.mentions[m], s.mentions[holder], cue.kind


FRAME_FUNCS = {"contribution": _contribution, "garrison": _garrison}

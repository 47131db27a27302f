"""Frames of one side acting on another.

``transitive``  agent VERB patient ("JNIM ambushed Malian soldiers"); passive with
                an agent ("Malian forces were ambushed by JNIM", "X, backed by Y");
                "VERB ... from Y" for captures.
``nominal``     NOUN against/on Y, with the agent before the noun, after "by", or
                the clause subject ("X launched an offensive against Y").
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.agents import agent, by_agent, pairs_across, passive, with_contingents
from actors.extract.frames.attribution import claimant_mention, status_before
from actors.extract.frames.sentence import Occurrence, Sentence
from actors.extract.frames.sides import between

__all__ = ["FRAME_FUNCS"]

_OBJECT_REACH = 11  # the direct object of a verb: "attacked a civilian boat on the Niger and a Malian base"


def _transitive(s: Sentence, occ: Occurrence, cue: Cue):
    if passive(s, occ):
        agents = by_agent(s, occ.end, reach=6)
        if cue.kind == "fought-against" and len(agents) > 1:
            for a, b in combinations(agents, 2):  # "retaken by the Malian army and Wagner mercenaries"
                yield s.mentions[a], s.mentions[b], "allied-with"
        start = occ.start
        if start >= 2 and s.norms[start - 1] == "being" and s.norms[start - 2] in {"before", "after", "until", "without"}:
            start -= 2  # "X took the north, before being expelled by Y": X was expelled
            if start > 0 and s.norms[start - 1] == ",":
                start -= 1
        k, status_tok = s.left_mention(start, stop_at_status=True)
        if k is None:
            # "X attacked the village, but the attack was repelled by Y": the attack's agent
            earlier = _back_reference(s, occ.start)
            if agents and earlier:
                yield from pairs_across(s, agents, earlier, cue.kind)
            elif agents and earlier is None and s.previous_attackers:
                for a in with_contingents(s, agents):
                    for p in s.previous_attackers:
                        yield a, p, cue.kind
            return
        patients = [m for m in s.group(k) if s.party(m, allow_possessor=True)]
        if not agents:
            # "JNIM claimed that fifty Malian soldiers were killed": a party's claim of
            # the other side's losses states that the party fought them.
            st = status_before(s, s.mentions[k].tok_start)
            if cue.kind != "fought-against" or tuple(s.norms[occ.start : occ.end]) not in s.cues.words("casualty_verbs") or st is None:
                return
            c = claimant_mention(s, st.start)
            if c is None or s.mentions[c].generic or s.mentions[c].role != "party" or st.cues[0].kind not in ("claimed", "alleged"):
                return
            agents = [c]
        yield from pairs_across(s, agents, patients, cue.kind)
        return
    possessor = None
    if occ.start >= 1 and s.norms[occ.start - 1] in {"'s", "'"}:
        owner = s.at_end.get(occ.start - 2)
        target = s.find_word(occ.end, {"for", "to", "of", "on", "against"}, 2)
        if target is not None:
            # "Ukraine's support for rebel groups": the possessor acts; unnamed, nothing is drawn
            k = s.right_mention(target + 1, reach=3)
            if owner is None or k is None:
                return
            yield from pairs_across(s, [owner], [p for p in s.group(k, forward_only=True) if p != owner], cue.kind)
            return
        if owner is None:
            return
        # "came to the Malians' aid": the possessor is the one aided
        possessor = owner
        agents = agent(s, Occurrence(occ.cues, s.mentions[possessor].tok_start, occ.end))
    else:
        agents = agent(s, occ)
    if not agents:
        return
    s.agent_of_cue[occ.start] = agents
    if possessor is not None:
        yield from pairs_across(s, agents, [possessor], cue.kind)
        return
    reciprocal = any(tuple(s.norms[r : r + z]) in s.reciprocal for r in range(occ.end, min(len(s.toks), occ.end + 4)) for z in (1, 2))
    nxt = s.norms[occ.end] if occ.end < len(s.toks) else "."
    intransitive = nxt in s.cues.single("intransitive_next")  # "A and B fought repeatedly in Koro": with or against?
    if cue.kind == "fought-against" and len(agents) > 1 and not reciprocal and not intransitive:
        for a, b in combinations(agents, 2):  # attackers together are on one side
            yield s.mentions[a], s.mentions[b], "allied-with"
    k = s.right_mention(occ.end, reach=_OBJECT_REACH)
    if k is None and cue.kind == "fought-against":
        # "captured Konna, 600 km from the capital, from the Malian army"
        j = occ.end
        while j < min(len(s.toks), occ.end + 16) and not s.is_break(j):
            if s.norms[j] == "from":
                k2 = s.right_mention(j + 1, reach=3)
                if k2 is not None:
                    k = k2
                    break
            j += 1
    if k is None and cue.kind == "fought-against":
        k = _previous_holder(s, occ.end)  # "took over Ménaka, which had been held by the MNLA"
    if k is None:
        return
    patients = [p for p in s.group(k, forward_only=True) if p not in agents]
    for p in patients:
        s.patient_of[p] = occ.start
    yield from pairs_across(s, agents, patients, cue.kind)


def _back_reference(s: Sentence, c: int) -> list[int]:
    """Agents of an earlier attack in the sentence, when the subject is "the attack"."""
    j = c - 1
    while j >= 0 and ((s.norms[j],) in s.aux or s.norms[j] in {"later", "also", "eventually", "successfully", "quickly"}):
        j -= 1
    if j >= 1 and s.norms[j] in {"but", "and"} and c - j >= 2:
        # "X attacked Ténenkou but were beaten back by Y": the elided subject is the attacker
        earlier = [start for start in s.agent_of_cue if start < j]
        return s.agent_of_cue[max(earlier)] if earlier else []
    if j < 1 or s.norms[j - 1] not in {"the", "this", "that"}:
        return []
    noun = next((o for o in s.relation_occ if o.start == j), None)
    if noun is None or not any(x.kind == "fought-against" for x in noun.cues):
        return []
    earlier = [start for start in s.agent_of_cue if start < j - 1]
    if earlier:
        return s.agent_of_cue[max(earlier)]
    # "The attack was repulsed by X" opening the sentence: the previous sentence's attack
    return None if j - 1 == 0 else []


def _previous_holder(s: Sentence, after: int) -> int | None:
    """", which had (previously) been held by Y" right after a captured place: Y lost it."""
    for j in range(after, min(len(s.toks) - 3, after + 10)):
        if s.norms[j] in {"held", "controlled", "occupied"} and s.norms[j + 1] == "by":
            return s.right_mention(j + 2, reach=4, stop_comma=False)  # "the parts of Kidal held by the MNLA"
        if s.norms[j] == "," and s.norms[j + 1] == "which":
            words = s.norms[j + 2 : j + 8]
            if "by" in words and any(w in words for w in ("held", "controlled", "occupied", "defended")):
                by = j + 2 + words.index("by")
                return s.right_mention(by + 1, reach=6, stop_comma=False)
            return None
        if s.is_break(j) or j in s.verb_starts:
            return None
    return None


def _nominal(s: Sentence, occ: Occurrence, cue: Cue):
    # "X's offensive against Y", "operations against Y", "offensives launched by X against Y",
    # "The raid on Tin Biden occurred ... between A and B"
    hi = min(len(s.toks), occ.end + 24)
    patients: list[int] = []
    agents: list[int] = []
    j = occ.end
    while j < hi and not s.is_break(j):
        w = s.norms[j]
        if w in {"against", "on", "upon", "targeting"} and (not patients or s.norms[j - 1] in {"and", "as"}):
            k = s.right_mention(j + 1, reach=4)
            if k is not None:
                patients = patients + [p for p in s.group(k, forward_only=True) if p not in patients]
        elif w == "by" and not agents:
            k = s.right_mention(j + 1, reach=3, allow_possessor=False)
            if k is not None:
                agents = s.group(k, forward_only=True)
        elif w == "between" and not patients and not agents:
            pairs = between(s, j, cue.kind)
            if pairs:
                yield from pairs
                return
        j += 1
    if not patients:
        return
    if not agents:
        # a modifier or possessor right before the noun: "the JNIM attack", "MOJWA's attacks"
        j = occ.start - 1
        while j >= 0 and s.norms[j] in {"the", "a", "an", "'s", "new", "first", "latest", "major", "joint", "renewed"}:
            j -= 1
        if j >= 0 and j in s.at_end:
            agents = s.group(s.at_end[j])
        else:
            agents = agent(s, occ)
            if agents:
                # "X was killed in an attack on Y" names a victim, not an attacker: the
                # subject is the agent only through a verb such as "launched", "carried out"
                span = s.norms[s.mentions[agents[-1]].tok_end : occ.start]
                verbs = s.cues.words("agentive_verbs")
                if not any(tuple(span[x : x + z]) in verbs for x in range(len(span)) for z in (1, 2)):
                    if not any(o.start < occ.start and o.cues[0].kind != "reported" for o in s.status_occ):
                        agents = []
    agents = [a for a in agents if a not in patients]
    s.agent_of_cue[occ.start] = agents
    yield from pairs_across(s, agents, patients, cue.kind)
    if len(agents) > 1:
        for a, b in combinations(agents, 2):
            yield s.mentions[a], s.mentions[b], "allied-with"


FRAME_FUNCS = {
    "transitive": _transitive,
    "nominal": _nominal,
}

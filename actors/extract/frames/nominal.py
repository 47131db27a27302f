"""Frames of an attack told as a noun, and of coming under fire.

``nominal``     NOUN against/on/at Y, with the agent before the noun, after "by", or
                the clause subject ("X launched an offensive against Y", "the ambush of Y
                by X", "X fired rockets at Y", "an IED planted by X exploded under a Y vehicle");
                several agents with no target acted together.
``under_fire``  Y came under fire from X; Y was fired upon by X.
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.agents import (agent, aside_companions, loyal_to,
                                         pairs_across)
from actors.extract.frames.joint import examples, rivals_apart
from actors.extract.frames.sentence import Occurrence, Sentence
from actors.extract.frames.sides import between
from actors.extract.frames.targets import (_agentive_subject, _claimant_of_noun, _detonation_target, _joint_noun, _owner_before, _sufferer,
                                          _supported_before)

__all__ = ["nominal", "under_fire"]


def nominal(s: Sentence, occ: Occurrence, cue: Cue):
    # "X's offensive against Y", "operations against Y", "offensives launched by X against Y",
    # "The raid on Tin Biden occurred ... between A and B", "the ambush of Y by X",
    # "X fired rockets at Y"
    hi = min(len(s.toks), occ.end + 24)
    patients: list[int] = []
    agents: list[int] = []
    of_patients: list[int] = []
    joint: list[int] = []
    head = occ  # where the agent search starts
    k = s.at_end.get(occ.start - 1)
    prefix = s.mentions[k].tok_start - 2 if k is not None else -1
    if prefix >= 0 and s.norms[prefix + 1] == "-" and s.norms[prefix] in s.cues.single("opposing_prefixes"):
        # "a counter-Islamic State operation", "an anti-JNIM offensive": X is its target, the agent before the prefix
        patients, head = [k], Occurrence(occ.cues, prefix, occ.end)
    # "officials blamed the ambush on X": "on X" names who is blamed, not the target
    blamed = any(w in s.cues.single("blame_on_verbs") for w in s.norms[max(0, occ.start - 3) : occ.start])
    j = occ.end
    while j < hi and not s.is_break(j):
        w = s.norms[j]
        hit = _detonation_target(s, j) if not patients else None
        if hit is not None:
            patients = s.group(hit, forward_only=True)  # "an IED planted by X exploded under a Y vehicle"
            break
        at = w == "at" and j - occ.end <= 4 and (j + 1 >= len(s.toks) or s.norms[j + 1] not in {"least", "most"}) \
            and j not in s.companion_starts  # (not "at the request of X": who asked, not the target)
        if w == "on" and s.norms[j - 1] in s.cues.single("blame_on_verbs") and not agents:
            # "244 raids blamed on Boko Haram": who is blamed did them
            k = s.right_mention(j + 1, reach=4)
            if k is not None:
                agents = [m for m in s.group(k, forward_only=True) if s.party(m)]
        elif (w in {"against", "on", "upon", "targeting"} or at) and not (blamed and w == "on") \
                and (not patients or s.norms[j - 1] in {"and", "as"}):
            k = s.right_mention(j + 1, reach=5 if at else 4)
            if k is not None:
                patients = patients + [p for p in s.group(k, forward_only=True) if p not in patients]
        elif w in {"in", "into", "across", "through"} and not patients and _infested(s, j + 1):
            # "an offensive in the ISWAP-infested community of X": those who infest it are the target
            k = s.right_mention(j + 1, reach=3)
            patients = s.group(k, forward_only=True)
        elif w == "of" and j == occ.end:
            k = s.right_mention(j + 1, reach=4)
            if k is not None:
                of_patients = s.group(k, forward_only=True)
        elif w == "with" and not patients and j - occ.end <= 3:
            # "launched an operation with Burkinabe and Malian forces against JNIM": those it was launched with
            k = s.right_mention(j + 1, reach=3)
            if k is not None:
                joint = [m for m in s.group(k, forward_only=True) if s.party(m) and not s.mentions[m].generic]
        elif w == "by" and not agents and not (patients and j > occ.end and s.norms[j - 1].endswith("ed")
                                               and s.norms[j - 1] not in s.cues.single("authorship_participles")):
            # "against the Malian forces that were supported by Y": after its target, a participle's "by"
            # names who backed the target, not the offensive's agent
            k = s.right_mention(j + 1, reach=3, allow_possessor=False)
            if k is not None:
                agents = s.group(k, forward_only=True)
        elif w == "between" and not patients and not agents and not any(
                occ.end <= o.start < j for o in s.relation_occ):  # (else "between" is that other noun's)
            pairs = between(s, j, cue.kind)
            if pairs and all(p[2] == "fought-against" for p in pairs) and any(
                    x in s.cues.single("joint_markers") for x in s.norms[max(0, occ.start - 3) : occ.start]):
                # "a joint operation between Burkinabe and Nigerien forces": they acted together (with no
                # other side named), no fight between them
                pairs = [(a, b, "allied-with", "joint-action") for a, b, *_ in pairs]
            if pairs:
                yield from pairs
                return
        j += 1
    if not agents:
        agents = [a for a in _owner_before(s, occ.start) if a not in patients]  # "the JNIM attack", "MOJWA's attacks"
    if not patients and agents:
        patients = of_patients  # "the ambush of a Malian convoy by ISGS"
    if not patients and agents:
        patients = _sufferer(s, occ.start)  # "Burkina Faso has faced an insurgency by X"
    if not patients and of_patients:
        # "X claimed the killing of four Y soldiers"; "X carried out executions of Y soldiers"
        by = _claimant_of_noun(s, occ) or _agentive_subject(s, head, agent(s, head))
        if by:
            agents, patients = by, of_patients
    if not patients and not _joint_noun(s, occ):
        return
    if not agents:
        supported = _supported_before(s, occ.start)
        if supported:
            agents = supported  # "X supported the Nigerien army in operations against Y": the army fought Y
        else:
            agents = agent(s, head)
            if agents:
                # "X was killed in an attack on Y" names a victim, not an attacker: the
                # subject is the agent only through a verb such as "launched", "carried out"
                acting = _agentive_subject(s, head, agents)
                if acting:
                    agents = acting  # (with the subject a companion acts with: "X patrolled with Y in the fight ...")
                elif not any(o.start < occ.start and o.cues[0].kind != "reported" for o in s.status_occ):
                    agents = []
                reacting = s.cues.single("reaction_verbs")
                if agents and any(w in reacting for w in s.norms[max(s.mentions[a].tok_end for a in agents) : occ.start]):
                    agents = []  # "the Security Council condemned the attacks against MINUSMA": no attacker
                if agents:
                    agents = agents + aside_companions(s, agents, occ)  # "A, along with B, launched an offensive"
            else:
                agents = _claimant_of_noun(s, occ)  # "JNIM claimed a landmine attack on Y"
    agents = [a for a in agents if a not in patients]
    if agents and patients and joint:
        agents += [m for m in joint if m not in agents and m not in patients]
    if not agents and cue.kind == "fought-against":
        s.unattributed[occ.start] = [m for m in patients if not s.mentions[m].generic]
    s.agent_of_cue[occ.start] = agents
    for p in patients:
        s.patient_of.setdefault(p, occ.start)  # "the attack on the MINUSMA base killed ...": not its subject
    yield from pairs_across(s, agents, patients, cue.kind)
    # "A and B have carried out attacks", "A and B began a rebellion against Y": each its own campaign
    plural = (s.norms[occ.end - 1].endswith("s") or s.norms[occ.end - 1] in s.cues.single("campaign_nouns")) and not any(
        w in s.cues.single("joint_markers") for w in s.norms[max(0, occ.start - 3) : occ.start])
    lo = min([s.mentions[a].tok_start for a in agents] + [occ.end]) if agents else 0
    listed = examples(s, agents, lo)  # (from the noun on: "attacks by groups including A and B")
    ongoing = len(agents) > 1 and s.ongoing(max(s.mentions[a].tok_end for a in agents), occ.start)
    if len(agents) > 1 and not s.separate() and not plural and not listed and not ongoing and not loyal_to(s, lo):
        # "Burkinabe and French troops launched an operation" (one event); but "A and B have carried out
        # attacks in the area" sums up a campaign of each: no joint action; nor do examples ("an
        # insurgency by jihadist groups including A, B and C") or owners ("groups loyal to A and B") act together
        for a, b in combinations(agents, 2):
            if not rivals_apart(s, a, b, occ):
                yield s.mentions[a], s.mentions[b], "allied-with", "joint-action"


def under_fire(s: Sentence, occ: Occurrence, cue: Cue):
    """"A Malian convoy came under fire from MNLA fighters", "peacekeepers were fired upon by
    JNIM": the attacker follows the cue, the attacked is its subject."""
    k = s.right_mention(occ.end, reach=4, allow_possessor=False)
    if k is None:
        if cue.kind == "fought-against":  # "the army camp came under attack": a claim may name who
            p, _ = s.left_mention(occ.start, reach=10)
            if p is not None:
                s.unattributed[occ.start] = [m for m in s.group(p) if s.party(m) and not s.mentions[m].generic]
        return
    agents = [m for m in s.group(k, forward_only=True) if s.party(m)]
    if len(agents) > 1 and not s.separate():
        for a, b in combinations(agents, 2):  # "Tessalit came under attack by MNLA and Ansar Dine rebels"
            yield s.mentions[a], s.mentions[b], "allied-with", "joint-action"
    s.agent_of_cue[occ.start] = agents
    p, _ = s.left_mention(occ.start, reach=10)
    if p is None:
        return
    patients = [m for m in s.group(p) if s.party(m) and m not in agents]
    yield from pairs_across(s, agents, patients, cue.kind)


def _infested(s: Sentence, j: int) -> bool:
    """Whether a name within three words of ``j`` is followed by "-infested" ("the BH/ISWAP-infested community")."""
    k = s.right_mention(j, reach=3)
    if k is None:
        return False
    end = s.mentions[s.group(k, forward_only=True)[-1]].tok_end
    return s.norms[end : end + 2] in (["-", "infested"], ["infested"])

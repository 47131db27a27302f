"""Frames of one side acting on another, told with a verb.

``transitive``  agent VERB patient ("JNIM ambushed Malian soldiers"); passive with
                an agent ("Malian forces were ambushed by JNIM", "X, backed by Y");
                "VERB ... from Y" for captures. "Y fought them off" after a sentence that
                named attackers: Y fought those.
``changed_hands`` a place that changed hands between two sides.

The noun frames (``nominal``, ``under_fire``) are in :mod:`~actors.extract.frames.nominal`;
this module's ``FRAME_FUNCS`` lists them with its own.
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.agents import (accuser, accusing_verb, agent, aside_companions, by_agent, loyal_to, nominal_at,
                                         noun_participle, pairs_across, passive, with_contingents)
from actors.extract.frames.attribution import claimant_mention, status_before
from actors.extract.frames.joint import examples, rivals_apart
from actors.extract.frames.nominal import nominal, under_fire
from actors.extract.frames.sentence import Occurrence, Sentence
from actors.extract.frames.targets import (_back_reference, _attack_noun_agents, _clause_start,
                                          _co_victims, _device_agents, _device_object, _fled,
                                          _holder_before, _leader_apposition, _leader_group,
                                          _previous_holder, _reduced_relative, _noun_target, _told_attack, formerly_owned)

__all__ = ["FRAME_FUNCS"]

_OBJECT_REACH = 11  # the direct object of a verb: "attacked a civilian boat on the Niger and a Malian base"


def _transitive(s: Sentence, occ: Occurrence, cue: Cue):
    if _compound_noun(s, occ):
        return  # "another Burkina attack killed ten VDP": a noun after a name after a determiner, no verb
    if passive(s, occ):
        agents = by_agent(s, occ.end, reach=6)
        if not agents and cue.kind == "fought-against":
            agents = _attack_noun_agents(s, occ.end)  # "killed in a suspected JNIM attack"
        if not agents and cue.kind == "fought-against":
            agents = _device_agents(s, occ.end)  # "killed by an IED planted by JNIM"
        if cue.kind == "fought-against" and len(agents) > 1 and not s.separate():
            for a, b in combinations(agents, 2):  # "retaken by the Malian army and Wagner mercenaries"
                yield s.mentions[a], s.mentions[b], "allied-with"
        start = occ.start
        if start >= 2 and s.norms[start - 1] == "being" and s.norms[start - 2] in {"before", "after", "until", "without"}:
            start -= 2  # "X took the north, before being expelled by Y": X was expelled
            if start > 0 and s.norms[start - 1] == ",":
                start -= 1
        k, status_tok = s.left_mention(start, stop_at_status=True)
        if k is not None and start == occ.start and _reduced_relative(s, start):
            k = None  # "a convoy escorted by VDP": the participle describes the noun before it, no actor
        if k is not None and s.norms[occ.start - 2 : occ.start] in (["and", "was"], ["and", "were"]) \
                and s.norms[s.mentions[s.group(k)[0]].tok_start - 1] in {"of", "in", "after", "by", "from", "with"}:
            k = None  # "abandoned the city in the wake of Operation Serval, and was captured by X": the city
        if k is None and agents and cue.kind == "allied-with" and occ.start >= 1 \
                and s.norms[occ.start - 1] in s.cues.single("state_action_nouns"):
            # "the army killed 30 militants in an operation supported by Russian instructors": the
            # operation is the clause's subject's
            earlier = [c for c in s.agent_of_cue if c < occ.start and s.agent_of_cue[c]]
            if earlier:
                yield from pairs_across(s, agents, s.agent_of_cue[max(earlier)], cue.kind)
                return
        if k is None and agents and cue.kind == "fought-against":
            # "One of AQIM's commanders, X, was killed by Y": the commander's group was fought
            leader = _leader_group(s, _clause_start(s, start), start)
            if leader is not None:
                yield from pairs_across(s, agents, [leader], cue.kind)
                return
        if k is None and agents and cue.kind == "fought-against" and tuple(s.norms[occ.start : occ.end]) in \
                s.cues.words("retaking_verbs") and "which" in s.norms[max(0, start - 4) : start]:
            # "X seized scores of towns, some of which were recaptured by Y": Y took them back from X
            verbs = s.cues.words("capture_verbs")
            c = next((c for c in range(start - 1, -1, -1) if tuple(s.norms[c : c + 1]) in verbs), None)
            k2 = s.left_mention(c, reach=4)[0] if c is not None else None
            takers = [m for m in s.group(k2) if s.party(m) and m not in agents] if k2 is not None else []
            if takers:
                yield from pairs_across(s, agents, takers, cue.kind)
                return
        if k is None and agents and cue.kind == "fought-against":
            # "Douentza, a town held by Ganda Iso, was seized by MOJWA": the holder lost it
            holder = _holder_before(s, _clause_start(s, start), start)
            if holder is not None:
                yield from pairs_across(s, agents, [m for m in s.group(holder, forward_only=True)
                                                    if s.party(m) and m not in agents], cue.kind)
                return
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
        if cue.kind == "allied-with" and s.norms[start - 1 : start] == [","] and _noun_target(s, s.group(k)[0]):
            return  # "an attack on AQIM positions, supported by French forces": the attack was backed, not its target
        patients = [m for m in s.group(k) if s.party(m, allow_possessor=True)]
        if cue.kind == "allied-with" and _between_pair(s, patients):
            patients = [k]  # "between the CSP and Malian forces backed by Wagner": the sides are apart
        if not agents and cue.kind == "fought-against" and s.previous_attackers and _told_attack(s, occ.end):
            # "JNIM attacked a base near Boni. Seven Malian soldiers were killed in the attack.": its attackers
            for p in with_contingents(s, patients):
                for a in s.previous_attackers:
                    yield a, p, cue.kind
            return
        if not agents and cue.kind == "fought-against":
            # "two Malian soldiers were killed near X" (a claim of responsibility may name who)
            s.unattributed[occ.start] = [m for m in patients if not s.mentions[m].generic]
        if not agents:
            # "JNIM claimed that fifty Malian soldiers were killed": a party's claim of
            # the other side's losses states that the party fought them.
            st = status_before(s, s.mentions[k].tok_start)
            if cue.kind != "fought-against" or tuple(s.norms[occ.start : occ.end]) not in s.cues.words("casualty_verbs") or st is None:
                return
            c = claimant_mention(s, st.start)
            if c is None or s.mentions[c].generic or s.mentions[c].role != "party" or st.cues[0].kind not in ("claimed", "alleged") \
                    or any(w in s.cues.single("individual_nouns") for w in s.norms[s.mentions[c].tok_end - 1 : s.mentions[c].tok_end + 1]):
                return  # ("a Nigerian intelligence officer said 150 ISWAP members were killed": one man's count)
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
            named = [p for p in s.group(k, forward_only=True) if p != owner and not s.mentions[p].generic]
            yield from pairs_across(s, [owner], named, cue.kind)
            return
        if owner is None:
            return
        # "came to the Malians' aid": the possessor is the one aided
        possessor = owner
        agents = agent(s, Occurrence(occ.cues, s.mentions[possessor].tok_start, occ.end))
    else:
        if cue.kind == "allied-with" and noun_participle(s, occ):
            return  # "JNIM attacked a convoy supplying the Malian army": the convoy supplies, not JNIM
        if cue.kind == "allied-with" and any(
                (o.start == occ.end or (o.start == occ.end + 1 and s.norms[occ.end] == "to"))
                and any(c.kind == "fought-against" for c in o.cues) for o in s.relation_occ):
            return  # "to help fight Boko Haram": the help is for the fight, Boko Haram is its enemy
        agents = _accused(s, occ) or agent(s, occ)
        if cue.kind == "fought-against":
            agents = agents + aside_companions(s, agents, occ)
    t = occ.start
    if agents and t >= 3 and s.norms[t - 1] in {"of", "for"} and s.norms[t - 2] in s.cues.single("accusation_participles"):
        # "civilians suspected of supporting JNIM": the accused is the noun before the participle;
        # unless that is an actor ("X, accused of supporting Y"), no relation
        before = t - 3
        if not (before in s.at_end and s.party(s.at_end[before])) and s.norms[before] not in {"was", "were", "been",
                                                                                              "being", "is", "are", ","}:
            return
    if not agents:
        if cue.kind == "fought-against" and possessor is None and not s.determined(occ):
            # "individuals on motorbikes attacked the Chadian peacekeepers' camp": no named attacker;
            # a claim of responsibility may name one (context.claimed_attacks)
            k = s.right_mention(occ.end, reach=_OBJECT_REACH)
            if k is not None:
                named = [p for p in s.group(k, forward_only=True) if s.party(p, allow_possessor=True)
                         and not s.mentions[p].generic]
                if named and _they_open(s, occ) and s.previous_attackers:
                    # "X attacked the base at dawn. They then stormed the town hall held by Y": "they"
                    # opening the sentence are the attackers just named
                    for a in s.previous_attackers:
                        for p in named:
                            if s.mentions[p].actor != a.actor:
                                yield a, s.mentions[p], cue.kind
                elif named:
                    s.unattributed[occ.start] = named
        return
    if cue.kind == "fought-against" and possessor is None and _device_object(s, occ):
        # "a FAMa vehicle hit an IED", "a MINUSMA convoy struck a mine": the subject is the one hit;
        # "... a mine planted by X": X laid it; else a claim of responsibility may name who did
        makers = next((by_agent(s, j, reach=1) for j in range(occ.end + 2, min(len(s.toks), occ.end + 7))
                       if s.norms[j] == "by" and s.norms[j - 1] in s.cues.single("device_participles")), [])
        s.agent_of_cue[occ.start] = makers
        for a in agents:
            s.patient_of.setdefault(a, occ.start)  # (what follows, "..., killing two peacekeepers", is not theirs)
        if makers:
            yield from pairs_across(s, makers, [a for a in agents if a not in makers], cue.kind)
            return
        s.unattributed[occ.start] = [a for a in agents if not s.mentions[a].generic]
        return
    s.agent_of_cue[occ.start] = agents
    if possessor is not None:
        yield from pairs_across(s, agents, [possessor], cue.kind)
        return
    reciprocal = not s.cues.first_words("reciprocal").isdisjoint(s.norms[occ.end : occ.end + 4]) and any(
        tuple(s.norms[r : r + z]) in s.reciprocal for r in range(occ.end, min(len(s.toks), occ.end + 4)) for z in (1, 2))
    nxt = s.norms[occ.end] if occ.end < len(s.toks) else "."
    intransitive = nxt in s.cues.single("intransitive_next")  # "A and B fought repeatedly in Koro": with or against?
    first = min(s.mentions[a].tok_start for a in agents) if agents else 0
    each = s.norms[occ.start - 1 : occ.start] == ["each"] or (
        s.norms[first - 1 : first] == ["both"] and s.norms[occ.start - 1 : occ.start] in (["have"], ["has"])) or (
        first >= 2 and s.norms[first - 1] == "by" and s.norms[first - 2].endswith("s")
        and any(o.end == first - 1 for o in s.relation_occ))  # "attacks by JNIM and the ISGS killed ...": each its own
    ongoing = len(agents) > 1 and s.ongoing(max(s.mentions[a].tok_end for a in agents), occ.start)
    if cue.kind == "fought-against" and len(agents) > 1 and not reciprocal and not intransitive and not s.separate() \
            and not each and not ongoing and not loyal_to(s, first) and not examples(s, agents):
        # ("A and B continued to attack", "are battling": each its own campaign; "JNIM and the ISGS each
        # attacked", "both A and B have attacked": each on its own; "groups loyal to A and B": the groups;
        # "jihadist groups, including A and B, attacked": examples of who attacks)
        for a, b in combinations(agents, 2):  # attackers together are on one side
            if not rivals_apart(s, a, b, occ):
                yield s.mentions[a], s.mentions[b], "allied-with", "joint-action"
    if cue.kind == "fought-against" and len(agents) > 1 and tuple(s.norms[occ.end : occ.end + 2]) in s.reciprocal:
        # "JNIM and the ISGS attacked each other", "turned on one another"
        yield from ((s.mentions[a], s.mentions[b], cue.kind) for a, b in combinations(agents, 2)
                    if s.mentions[a].actor != s.mentions[b].actor)
        return
    if cue.kind == "fought-against" and _repelled_them(s, occ):
        # "X overran the village. Y fought them off": "them" are the attackers just named
        for a in with_contingents(s, agents):
            for p in s.previous_attackers:
                if p.actor != a.actor:
                    yield a, p, cue.kind
        return
    k = s.right_mention(occ.end, reach=_OBJECT_REACH)
    if k is None and cue.kind == "fought-against" and _possessive_object(s, occ.end):
        k = accuser(s, agents)  # "the CSP accused FAMa of attacking its positions": the accuser's
    if k is not None and cue.kind == "allied-with" and s.norms[occ.end : occ.end + 1] == ["in"]:
        k = None  # "was assisting in a search for an Islamic State member": the help went to the search, not to them
    if k is not None and cue.kind == "allied-with" and "against" in s.norms[occ.end : s.mentions[k].tok_start]:
        return  # "received French military support against JNIM": JNIM is what the support was against
    if k is not None and formerly_owned(s, k):
        k = None  # "targeted the former MINUSMA base now held by the CSP": the base's holder, not its old owner
    if k is not None and _companion_mention(s, k, occ.end):
        k = None  # "retook Konna with French support": who came with the subject is not its object
    if k is not None and _civilians_first(s, occ.end, s.mentions[k].tok_start):
        k = None  # "killed 200 civilians digging trenches for the army": the civilians were the object
    if k is not None and "under" in s.norms[occ.end : s.mentions[k].tok_start]:
        k = None  # "fought under the banner of the CSP", "under the command of X": whose side, not whom
    if k is None and cue.kind == "fought-against":
        k = _leader_apposition(s, occ.end)  # "killed X, an AQIM commander"
    if s.norms[occ.end - 1] == "over" and s.norms[occ.end : occ.end + 1] == ["from"]:
        return  # "Africa Corps took over from Wagner": a successor, not a capture
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
    holders: list[int] = []
    if k is None and cue.kind == "fought-against":
        holders = _previous_holder(s, occ.end)  # "took over Ménaka, which had been held by the MNLA"
        k = holders[0] if holders else None
    if k is None and cue.kind == "fought-against":
        k = _fled(s, occ)  # "re-took Tessalit, and the Malian military forces fled"
    if k is None and cue.kind == "fought-against":
        victims = _casualties_before(s, agents)
        if victims:
            # "54 Malian soldiers were killed after JNIM fighters assaulted their base"
            yield from pairs_across(s, agents, victims, cue.kind)
            return
    if k is None:
        return
    patients = [p for p in s.group(k, forward_only=True) if p not in agents]
    patients += [p for p in holders[1:] if p not in agents and p not in patients]
    patients += [p for p in _co_victims(s, patients) if p not in agents]
    if tuple(s.norms[occ.start : occ.end]) in s.cues.words("expulsion_verbs") and any(_is_state(s, a) for a in agents):
        # "Burkina Faso expelled French troops": a state sending another's away fights no one
        patients = [p for p in patients if not _is_state(s, p)]
    for p in patients:
        s.patient_of[p] = occ.start
    yield from pairs_across(s, agents, patients, cue.kind)


def _compound_noun(s: Sentence, occ: Occurrence) -> bool:
    """A present-looking cue right after a name that a determiner opens ("another Burkina attack", "the JNIM
    raid"): the name modifies the noun."""
    k = s.at_end.get(occ.start - 1)
    if k is None or s.norms[occ.end - 1].endswith("ed") or (s.norms[occ.start - 1],) in s.matcher.absorbed \
            or nominal_at(s, occ.start) is None:
        return False  # ("the JNIM fighters attack": a plural subject and its verb; "the MNLA re-took": no noun)
    before = s.mentions[k].tok_start - 1
    if occ.end < len(s.toks) and (occ.end in s.at_start or s.norms[occ.end] in {"the", "a", "an", "their", "its"}):
        return False  # "Ukraine helped the CSP ambush Wagner": an object follows, a verb
    return before >= 0 and s.norms[before] in s.cues.single("noun_markers") | {"another"}


def _changed_hands(s: Sentence, occ: Occurrence, cue: Cue):
    """A place changing hands: "the MNLA lost control of Gao to MUJAO", "the Platform took Anefis
    from the CMA": the subject fought the one it lost the place to, or took it from."""
    j = s.find_word(occ.end, {"to", "from"}, 8)
    if j is None or any(x in s.at_start for x in range(occ.end, j)):
        return  # "lost the MNLA's support to X": no place
    gap = range(occ.end, j)
    if any(s.toks[x].text[:1].isdigit() for x in gap) or not any(
            s.toks[x].is_capitalized or s.norms[x] in s.cues.single("place_nouns") for x in gap):
        return  # "lost two soldiers to an ambush", "lost 2-0 to Senegal": no place was lost
    winner = s.right_mention(j + 1, reach=3)
    losers = agent(s, occ)
    if winner is not None and losers:
        yield from pairs_across(s, losers, s.group(winner, forward_only=True), cue.kind)


def _between_pair(s: Sentence, group: list[int]) -> bool:
    """The group is the two sides of "between A and B" (words describing A may stand between)."""
    j = s.mentions[group[0]].tok_start - 1
    while j >= 0 and s.mentions[group[0]].tok_start - j <= 4 and s.norms[j] != "between":
        j -= 1
    return len(group) > 1 and j >= 0 and s.norms[j] == "between" and not any(
        x in s.covered for x in range(j + 1, s.mentions[group[0]].tok_start))


def _is_state(s: Sentence, k: int) -> bool:
    return "state" in getattr(s.matcher.dictionary.get(s.mentions[k].actor), "tags", ())


def _civilians_first(s: Sentence, start: int, end: int) -> bool:
    """A noun of unarmed people (``civilian_nouns``) is the verb's object before the mention at
    ``end``, and is not listed with it ("killed civilians and two soldiers" lists both)."""
    nouns = s.cues.single("civilian_nouns")
    for j in range(start, end):
        if s.norms[j] in nouns:
            return not any(w in {"and", ",", "including", "as", "well", "among", "&"} for w in s.norms[j + 1 : end])
    return False


def _casualties_before(s: Sentence, agents: list[int]) -> list[int]:
    """The victims of a casualty told with no attacker earlier in the sentence, when this
    attack's subject opens a clause of time or cause after it ("N soldiers were killed when /
    after / as X attacked their post"). The casualty is then no longer unattributed."""
    first = min(s.mentions[a].tok_start for a in agents)
    subordinators = s.cues.single("casualty_subordinators")
    j = first - 1
    while j >= max(0, first - 5) and s.norms[j] not in subordinators and not s.is_break(j) and s.norms[j] != "," \
            and (j not in s.at_end or s.mentions[s.at_end[j]].generic):
        j -= 1  # "after fighters of the Islamic State", "after jihadists loyal to X": the subject's phrase
    if j < 0 or s.norms[j] not in subordinators:
        return []
    earlier = [c for c in s.unattributed if c < j]
    if not earlier:
        return []
    c = max(earlier)
    if any(s.is_break(x) for x in range(c, j)):
        return []
    return s.unattributed.pop(c)


def _accused(s: Sentence, occ: Occurrence) -> list[int]:
    """"ISGS accused the MSA (and GATIA, ...) of allying with France": the accused act (the
    accusation, a status cue, makes it alleged)."""
    t = occ.start
    if t < 3 or s.norms[t - 1] != "of":
        return []
    k, _ = s.left_mention(t - 1, stop_at_status=False)
    if k is None:
        return []
    group = s.group(k)
    return [m for m in group if s.party(m)] if accusing_verb(s, group) is not None else []


def _companion_mention(s: Sentence, k: int, after: int) -> bool:
    """The mention comes after a "with" that is not the cue's own ("with French air support";
    but "allied with France")."""
    w = s.mentions[k].tok_start - 1
    if w >= 0 and s.norms[w] == "the":
        w -= 1
    return w >= after and s.norms[w] in {"with", "without"}


def _possessive_object(s: Sentence, j: int) -> bool:
    """The object at token ``j`` is owned by "its" or "their", maybe after a count ("its positions", "one of
    its drones")."""
    words = s.norms[j : j + 4]
    if words[:1] in (["its"], ["their"]):
        return True
    return len(words) >= 3 and (words[0].isdigit() or words[0] in s.cues.single("quantity_words") or words[0] == "one") \
        and words[1] == "of" and words[2] in ("its", "their")


def _they_open(s: Sentence, occ: Occurrence) -> bool:
    """The verb's subject is a "They" opening the sentence ("They attacked an army post",
    "They then ambushed ...")."""
    words = [w for w in s.norms[: occ.start] if w not in {"then", "also", "later", "subsequently", "again"}]
    return words == ["they"]


def _repelled_them(s: Sentence, occ: Occurrence) -> bool:
    """"Y fought them off", "Y repelled them", "Y drove them back": a verb of repelling
    (``repelling_verbs``, its particle before or after the pronoun) whose object is "them",
    when the sentence before named attackers (and this one names no other attack before it)."""
    if not s.previous_attackers or occ.end >= len(s.toks) or s.norms[occ.end] != "them":
        return False
    verb = tuple(s.norms[occ.start : occ.end])
    particle = (s.norms[occ.end + 1],) if occ.end + 1 < len(s.toks) else ()
    verbs = s.cues.words("repelling_verbs")
    if verb not in verbs and verb + particle not in verbs:
        return False
    return not any(o.start < occ.start and any(c.kind == "fought-against" for c in o.cues) for o in s.relation_occ)



FRAME_FUNCS = {
    "changed_hands": _changed_hands,
    "transitive": _transitive,
    "nominal": nominal,
    "under_fire": under_fire,
}

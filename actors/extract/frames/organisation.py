"""Frames of how groups are made of groups: splits, membership, coalitions.

``split``       X, a splinter group of Y; a Y breakaway group; ..., calling itself X.
``split_verb``  X broke away from Y.
``member``      X, a member / an affiliate / a branch of Y (apposition or copula only).
``member_verb``  X joined Y; X pledged allegiance to Y.
``possessive_member``  X, Y's branch in the Sahel.
``coalition``   Y, a coalition of A, B and C; Y, formed by A and B.
``merger``      A, B and C merged to form Y.
``recognition`` Y recognised X as one of its affiliates.
``merged_with``  X merged with A and B to form Y.
``listed_members``  the movements of Y, including A and B.

:func:`actors.extract.frames.partners.components` reads an umbrella and its component
named in one reference ("JNIM's Katiba Serma", "Katiba Macina (JNIM)", "JNIM/Katiba Macina").
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.asides import apposed_name, offshoot_after
from actors.extract.frames.agents import owners_of_others, verb_governing
from actors.extract.frames.attribution import claimant_mention, controls
from actors.extract.frames.sentence import COPULAS, Occurrence, Sentence
from actors.extract.frames.targets import _leader_group

__all__ = ["FRAME_FUNCS"]

_ORGANISATIONS = frozenset({"coalition", "international mission", "jihadist group", "rebel movement"})


def _appositive_head(s: Sentence, c: int) -> int | None:
    """The named actor an apposition describes.

    "X, a splinter group of ...", "X, the Sahelian branch of ...", "X was an offshoot of",
    "X presented itself as the official branch of ...".
    """
    j = c - 1
    skipped = 0
    while j >= 0 and (s.norms[j] in {"a", "an", "the", "its", "their"} or (j in s.covered and j not in s.at_end)
                      or (skipped < 3 and s.toks[j].text.isalpha() and s.norms[j] not in _APPOSITION_STOPS and j not in s.at_end)):
        if s.norms[j] in {"a", "an", "the", "its", "their"}:
            j -= 1
            break
        skipped += 1
        j -= 1
    # skip a parent named before the noun: "X, an Ansar Dine breakaway group"
    if j >= 0 and j in s.at_end and s.norms[j + 1] not in {",", "was", "is"}:
        start = s.mentions[s.at_end[j]].tok_start
        j = start - 1
        while j >= 0 and s.norms[j] in {"a", "an", "the"}:
            j -= 1
    if j >= 0 and s.norms[j] in {"was", "is", "were", "are", "became", "remains", "been", "remained"}:
        j -= 1
        while j >= 0 and s.norms[j] in {"has", "have", "had", "long", "also", "always"}:
            j -= 1  # "Chad has long been a major ally of Nigeria"
    elif j >= 0 and s.norms[j] in {",", "("}:  # ("the GATIA armed group (part of the Platform)")
        j -= 1
    elif j >= 0 and s.norms[j] == "as":
        # "X presented itself as ...", "X operated as ..."
        k, _ = s.left_mention(j, reach=5)
        verbs = s.norms[s.mentions[k].tok_end : j] if k is not None else []
        return k if k is not None and any(v in s.cues.single("self_description_verbs") for v in verbs) else None
    else:
        return None
    if j >= 0 and j in s.at_end:
        return s.at_end[j]
    if j >= 0 and s.norms[j] == ")":  # "X (ABC), a splinter ..."
        while j >= 0 and s.norms[j] != "(":
            j -= 1
        j -= 1
    return s.at_end.get(j)


_APPOSITION_STOPS = frozenset({"became", "becomes", "remained", "remains", "and", "or", "of", "from", "by", "with", "was", "is", "were", "are", "as", "to", "in", "on", "at", "for", "which", "who", "that", "it", "itself", "had", "has", "been"})


def _named_after(s: Sentence, start: int) -> int | None:
    """"..., calling itself X" / "known as X" anywhere after ``start`` in the sentence."""
    for j in range(start, len(s.toks)):
        for words in s.cues.words("naming_phrases"):
            if tuple(s.norms[j : j + len(words)]) == words:
                return s.right_mention(j + len(words), reach=3, allow_possessor=False)
    return None


def _parent_after(s: Sentence, end: int) -> int | None:
    j = s.find_word(end, {"of", "from"}, 3)
    if j is None:
        return None
    k = s.right_mention(j + 1, reach=4, allow_possessor=False)
    if k is None:
        # "an offshoot of a political movement known as the MNA"
        for words in s.cues.words("naming_phrases"):
            for x in range(j + 1, min(len(s.toks), j + 8)):
                if tuple(s.norms[x : x + len(words)]) == words:
                    return s.right_mention(x + len(words), reach=3, allow_possessor=False)
    return k


def _split(s: Sentence, occ: Occurrence, cue: Cue):
    parent = _parent_after(s, occ.end)
    if parent is None and occ.start > 0 and (occ.start - 1) in s.at_end:
        parent = s.at_end[occ.start - 1]  # "an Ansar Dine breakaway group"
    if parent is None:
        # "a splinter group broke off from the MNLA; calling itself the FPA"
        j = s.find_word(occ.end, {"from"}, 5)
        if j is not None:
            parent = s.right_mention(j + 1, reach=3, allow_possessor=False)
    conj = next((j for j in range(occ.start - 2, max(0, occ.start - 4), -1) if s.norms[j] == "and"), None)
    if parent is None and conj is not None and (conj - 1) in s.at_end:
        # "Boko Haram and a splinter group, ISWAP,", "... and its rival offshoot, ISWAP": the splinter of
        # the name before, named after
        a, b = s.at_end[conj - 1], s.at_start.get(next((x for x in range(occ.end, min(len(s.toks), occ.end + 3))
                                                        if x in s.at_start), -1))
        if b is not None and offshoot_after(s, s.norms[s.mentions[a].tok_end : s.mentions[b].tok_start]) is not None \
                and not s.mentions[a].generic and not s.mentions[b].generic and s.mentions[a].actor != s.mentions[b].actor:
            yield s.mentions[b], s.mentions[a], cue.kind
        return
    if parent is None:
        return
    splinter = _appositive_head(s, occ.start)
    if splinter is None and occ.start >= 2 and s.norms[occ.start - 1] in {"a", "an"} and s.norms[occ.start - 2] == "as":
        k, _ = s.left_mention(occ.start - 2, reach=10)  # "MOJWA was formed in 2011 as a splinter of AQIM"
        splinter = k if k is not None and k not in s.patient_of and not s.mentions[k].generic else None
    if splinter is None or splinter == parent:
        splinter = _named_after(s, s.mentions[parent].tok_end)
    if splinter is None:
        # "a splinter group of Y (X)": the parenthesised name is the splinter's
        pend = s.mentions[parent].tok_end
        if pend < len(s.toks) and s.norms[pend] == "(" and pend + 1 in s.at_start:
            splinter = s.at_start[pend + 1]
    if splinter is None or s.mentions[splinter].actor == s.mentions[parent].actor:
        return
    yield s.mentions[splinter], s.mentions[parent], cue.kind


def _split_verb(s: Sentence, occ: Occurrence, cue: Cue):
    parent = s.right_mention(occ.end, reach=3, allow_possessor=False)
    if parent is None:
        return
    k, _ = s.left_mention(occ.start, reach=8)
    if k is None:
        k = _named_after(s, s.mentions[parent].tok_end)
    if k is None or s.mentions[k].generic or s.mentions[k].actor == s.mentions[parent].actor:
        return
    yield s.mentions[k], s.mentions[parent], cue.kind


def _left_organisation(s: Sentence, occ: Occurrence, cue: Cue):
    """"Mali, Burkina Faso and Niger withdrew from ECOWAS": each left the coalition or mission (a
    place left is no organisation; "withdrew 600 troops from the G5" is no leaving)."""
    org = s.right_mention(occ.end, reach=2, allow_possessor=False)
    if org is None or s.mentions[org].generic or any(s.norms[x] != "the" for x in range(occ.end, s.mentions[org].tok_start)):
        return  # "clashes left twelve JNIM militants dead": no organisation left
    actor = s.matcher.dictionary.get(s.mentions[org].actor)
    if actor is None or actor.kind not in ("coalition", "international mission"):
        return
    k, status_tok = s.left_mention(occ.start, reach=6)
    if k is None and status_tok is not None and controls(s, status_tok, occ.start):
        k = claimant_mention(s, status_tok)  # "X, Y and Z announced they were leaving ECOWAS"
    for x in s.group(k) if k is not None else []:
        if s.party(x) and not s.mentions[x].generic and s.mentions[x].actor != s.mentions[org].actor:
            yield s.mentions[x], s.mentions[org], cue.kind


def _member(s: Sentence, occ: Occurrence, cue: Cue):
    org = s.right_mention(occ.end, reach=4, allow_possessor=False)
    led = _leader_group(s, occ.end, min(len(s.toks), occ.end + 9)) if cue.relation_kind == "affiliate" else None
    if led is not None and (org is None or s.mentions[led].tok_start <= s.mentions[org].tok_start):
        org = led  # "pledged allegiance to the leader of the Islamic State": to the group he leads
    if org is None or any(occ.end <= o.start < s.mentions[org].tok_start for o in s.relation_occ):
        return  # "took part in the attack on Boko Haram": the attack, not Boko Haram, is what was joined
    if cue.frame == "member_verb" and org != led and not all(
            s.toks[x].is_capitalized or s.norms[x] in _JOINED_WORDS or s.norms[x] in s.cues.single("coalition_nouns")
            or s.norms[x] in s.cues.single("descriptor_adjectives") for x in range(occ.end, s.mentions[org].tok_start)):
        return  # "took part in talks with the CMA": the talks were joined, not the CMA
    org_actor = s.matcher.dictionary.get(s.mentions[org].actor)
    if org_actor is None:
        return
    if org_actor.kind not in _ORGANISATIONS:
        if cue.id == "joined" and s.mentions[org].via == "force" and s.norms[occ.start] == "joined":
            # "Chadian troops joined French forces in the advance": fighting on the same side
            end = s.mentions[org].tok_end
            if any((w,) in s.cues.words("peace_nouns") for w in s.norms[end:end + 5]):
                return  # "joined Malian officials in talks"
            k, _ = s.left_mention(occ.start, reach=6)
            for m in s.group(k) if k is not None else []:
                if s.party(m) and s.mentions[m].actor != s.mentions[org].actor and not s.mentions[m].generic:
                    yield s.mentions[m], s.mentions[org], "allied-with"
        return
    # a noun's apposition ("X, a member of Y"); a verb's subject is found below ("X, an offshoot of Z, joined Y")
    member = _appositive_head(s, occ.start) if cue.frame != "member_verb" else None
    if member is None and occ.start >= 1 and s.norms[occ.start - 1] == "as" and s.norms[occ.start] == "part":
        # "Chad deployed 1,200 soldiers to the tri-border area as part of the G5 Sahel force":
        # the clause's subject, when it is a state
        k, _ = s.left_mention(occ.start - 1, reach=16)
        while k is not None and k in s.patient_of:
            k = None  # the deployed object is not the member
        actor = s.matcher.dictionary.get(s.mentions[k].actor) if k is not None else None
        if actor is not None and actor.kind in ("state armed force", "foreign state"):
            member = k
    elif member is None and occ.start >= 1 and s.norms[occ.start - 1] == "as":
        # "Katiba Macina was formed in 2015 as an affiliate of Ansar Dine": the clause's subject, a group
        k, _ = s.left_mention(occ.start - 1, reach=12)
        actor = s.matcher.dictionary.get(s.mentions[k].actor) if k is not None and k not in s.patient_of else None
        if actor is not None and actor.kind in _ORGANISATIONS | {"militia"} and not s.mentions[k].generic:
            member = k
    members = [member] if member is not None else []
    if member is not None and s.mentions[member].tok_end < len(s.toks) and s.norms[s.mentions[member].tok_end] in COPULAS:
        members = s.group(member)  # "A, B and C became founding members of Y"
    elif member is not None and s.norms[occ.start] == "members":
        members = s.group(member)  # "A, B and C, the three members of Y"
    if member is None and cue.frame == "member_verb":
        k, _ = s.left_mention(occ.start, reach=6)
        if k is None and s.norms[occ.start - 1] in {"a", "an", "its", "their"}:
            # "X announced a re-merger with Y": the one announcing its own (claimed by it)
            k, _ = s.left_mention(occ.start, reach=4, stop_at_status=False)
        if k is not None and _gerund_object(s, k):
            return  # "quitting the group and joining the MNLA": the group quit is no joiner
        if k is not None and any(w in {"he", "she"} for w in s.norms[s.mentions[k].tok_end : occ.start]):
            return  # "a former spokesman of MUJAO, he joined Al-Mourabitoun": a person joined, not MUJAO
        first = s.group(k)[0] if k is not None else None
        verb = verb_governing(s, first) if first is not None else None
        if verb is not None and "and" in s.norms[s.mentions[k].tok_end : occ.start]:
            k, _ = s.left_mention(verb.start, reach=6)  # "X broke away from Y and pledged allegiance to Z": X
        member = k
        members = s.group(k) if k is not None else []
        owned = owners_of_others(s, members)  # "a faction of al-Mourabitoun pledged allegiance": the faction did
        members = [m for m in members if m not in owned]
        member = member if member not in owned else None
        oend = s.mentions[org].tok_end
        if s.norms[oend : oend + 1] == ["in"] and oend + 1 < len(s.toks) and s.norms[oend + 1].endswith("ing"):
            # "Ansar Dine joined the MNLA in attacking the army": acting together, not a membership
            for m in members:
                if s.party(m) and not s.mentions[m].generic and s.mentions[m].actor != s.mentions[org].actor:
                    yield s.mentions[m], s.mentions[org], "allied-with", "joint-action"
            return
        within = s.right_mention(oend + 1, reach=4, allow_possessor=False) if s.norms[oend : oend + 1] == ["in"] else None
        if members and within is not None and getattr(s.matcher.dictionary.get(s.mentions[within].actor), "kind", "") == "coalition":
            # "the HCUA and the MAA joined the MNLA in the CMA": all of them are members of the coalition
            for m in members + [org]:
                if s.party(m) and not s.mentions[m].generic and s.mentions[m].actor != s.mentions[within].actor:
                    yield s.mentions[m], s.mentions[within], cue.kind
            return
    if member is None:
        oend = s.mentions[org].tok_end  # "an affiliate of Islamic State (ISGS)"
        if oend < len(s.toks) and s.norms[oend] == "(" and oend + 1 in s.at_start:
            member = s.at_start[oend + 1]
            members = [member]
        elif cue.frame != "member_verb" and s.norms[oend : oend + 1] == [","] and any(
                s.norms[j] in {"the", "a", "an"} for j in range(max(0, occ.start - 4), occ.start)) and not any(
                x in s.covered and x not in s.modifier_toks for x in range(max(0, occ.start - 4), occ.start)):
            # "the Sahel-based branch of al-Qaeda, JNIM, claimed ...": the name in apposition to the noun
            # (but "the Sahara Emirate subgroup of AQIM, JNIM and ...": that part is named, a list goes on)
            at = oend + 2 if s.norms[oend + 1 : oend + 2] == ["the"] else oend + 1
            k = s.at_start.get(at)
            if k is not None and s.party(k) and not s.mentions[k].generic:
                member, members = k, [k]
    if member is None:
        return
    oend = s.mentions[org].tok_end
    broke_away = s.norms[oend : oend + 1] in (["that"], ["which"]) and any(
        o.start in (oend + 1, oend + 2) and any(c.kind == "split-from" for c in o.cues) for o in s.relation_occ)
    for m in members:
        if s.party(m) and s.mentions[m].actor != s.mentions[org].actor:
            # "ISWAP is a faction of Boko Haram that broke away": a splinter, no longer a member
            yield s.mentions[m], s.mentions[org], "split-from" if broke_away else cue.kind


# words between "joined" and what was joined: "joined the ranks of the jihadist group JNIM"
_JOINED_WORDS = frozenset({"the", "a", "an", "ranks", "of", "newly", "new", "formed", "created", "larger", "so-called"})


def _gerund_object(s: Sentence, k: int) -> bool:
    """The mention is the object of an "-ing" verb just before it ("quitting the group")."""
    j = s.mentions[k].tok_start - 1
    if j >= 0 and s.norms[j] in {"the", "its", "their"}:
        j -= 1
    return j >= 0 and s.toks[j].text.islower() and s.norms[j].endswith("ing") and j not in s.covered


def _counted_list(s: Sentence, c: int) -> int | None:
    """Token after the colon of "the merger of four jihadist groups active in Mali: A, B and C"."""
    plural = s.cues.single("plural_group_nouns")
    seen_plural = False
    for j in range(c, min(len(s.toks), c + 14)):
        if s.norms[j] == ":":
            return j + 1 if seen_plural else None
        if j in s.at_start and s.party(s.at_start[j]) and not seen_plural:
            m = s.mentions[s.at_start[j]]
            if not m.generic:
                return None  # a named actor right away: the list starts here
            seen_plural = s.norms[m.tok_end - 1] in plural  # "four jihadist groups ...:"
        seen_plural = seen_plural or s.norms[j] in plural
        if s.is_break(j):
            return None
    return None


def _founded_subject(s: Sentence, c: int) -> int | None:
    """"Y (Y; Arabic for ...) was formed on 2 March 2017 by the merger of": Y.

    The subject of a founding passive ending right before the cue's clause.
    """
    for j in range(c - 1, max(-1, c - 10), -1):
        if s.norms[j] in s.cues.single("founding_participles"):
            t = j - 1
            if t >= 0 and s.norms[t] in {"was", "were", "been"}:
                t -= 1
            if t >= 0 and s.norms[t] == ")":  # skip a bracketed gloss after the name
                depth = 0
                while t >= 0:
                    depth += {")": 1, "(": -1}.get(s.norms[t], 0)
                    if depth == 0:
                        break
                    t -= 1
                t -= 1
            # the mention holding token t ("X (X)" may be matched as one mention)
            for k, m in enumerate(s.mentions):
                if t >= 0 and m.tok_start <= t < m.tok_end and s.party(k) and not m.generic:
                    return k
            return None
        if s.is_break(j):
            return None
    return None


def _possessive_member(s: Sentence, occ: Occurrence, cue: Cue):
    """"JNIM, al-Qaeda's branch in the Sahel": JNIM member-of al-Qaeda."""
    org = s.at_end.get(occ.start - 1)
    if org is None:
        # "GSIM, al-Qaeda's West African franchise": words of place between the possessive and the noun
        j = next((j for j in range(occ.start - 2, max(0, occ.start - 5), -1) if s.norms[j] == "'s"), None)
        if j is None or any(x in s.covered or not s.toks[x].text[:1].isalpha() for x in range(j + 1, occ.start)):
            return
        org = s.at_end.get(j - 1)
        if org is None:
            return
    org_actor = s.matcher.dictionary.get(s.mentions[org].actor)
    if org_actor is None or org_actor.kind not in _ORGANISATIONS or s.mentions[org].generic:
        return
    member = _appositive_head(s, s.mentions[org].tok_start)
    lead = s.mentions[org].tok_start - 1
    at = occ.end + 1 if s.norms[occ.end : occ.end + 1] == [","] and (
        (lead >= 0 and s.norms[lead] in {"a", "an", "the"}) or apposed_name(s, occ.end) is not None) \
        else occ.end  # "an al-Qaeda affiliate, JNIM, claimed", "al-Qaeda's Sahel affiliate, JNIM,": the name in apposition
    if member is None and at in s.at_start:
        # "Al-Qaeda affiliate Nusrat al-Islam (JNIM)": the noun is the title of the name after it
        after = s.mentions[s.at_start[at]]
        kind = getattr(s.matcher.dictionary.get(after.actor), "kind", None)
        if kind in _ORGANISATIONS and not after.generic:
            member = s.at_start[at]
    if member is not None and s.party(member) and s.mentions[member].actor != s.mentions[org].actor:
        yield s.mentions[member], s.mentions[org], cue.kind


def _coalition(s: Sentence, occ: Occurrence, cue: Cue):
    after = _counted_list(s, occ.end)
    k = s.right_mention(after if after is not None else occ.end, reach=8, allow_possessor=False)
    if k is None:
        return
    members = [m for m in s.group(k, forward_only=True) if s.party(m) and not s.mentions[m].generic]
    between = s.norms[after if after is not None else occ.end : s.mentions[k].tok_start]
    defectors = any(w in s.cues.single("defector_nouns") for w in between) and any(w in {"from", "of"} for w in between)
    coal = _appositive_head(s, occ.start)
    including = s.norms[occ.start] in s.cues.single("inclusion_verbs")
    if coal is None and (s.norms[occ.start].endswith("ed") or including
                         or s.norms[occ.start] in {"comprising", "consisting", "bringing", "consists", "comprises", "is", "was", "are"}
                         or (occ.start > 0 and s.norms[occ.start - 1] == "as")):
        # "X, formed by A and B"; "X formed in 2017 as a coalition of A and B"
        c, _ = s.left_mention(occ.start, reach=8)
        coal = c
    if coal is None and occ.start > 1 and s.norms[occ.start - 2] == "as" and s.norms[occ.start - 1] in ("a", "an"):
        coal = _founded_subject(s, occ.start - 2)  # "the CMA was founded in 2014 as an alliance of A, B and C"
    if coal is None and occ.start >= 2 and s.norms[occ.start - 1] == "the" and s.norms[occ.start - 2] in {
            "by", "from", "through", "via", "after", "following"}:
        # "Y was formed in 2017 by the merger of A and B", "Y was created ... after the merging of A and B"
        coal = _founded_subject(s, occ.start - 2)
    if coal is None and s.norms[occ.start] in {"which", "that"}:
        # "the Platform, a coalition of ... formed in 2014, which included A and B"
        for x in range(len(s.mentions) - 1, -1, -1):
            actor = s.matcher.dictionary.get(s.mentions[x].actor)
            if s.mentions[x].tok_end <= occ.start and actor is not None and actor.kind in ("coalition", "international mission"):
                coal = x
                break
    if coal is None and s.norms[occ.start] in {"alliance", "coalition", "union", "grouping", "federation"}:
        # "the Tuareg alliance of GATIA and the MSA": no name for the whole, but its parts are allied
        for a, b in combinations([m for m in members if not _is_part(s, m)], 2):
            if s.mentions[a].actor != s.mentions[b].actor:
                yield s.mentions[a], s.mentions[b], "allied-with", "alliance"
        return
    if coal is None or s.mentions[coal].generic or "state" in getattr(s.matcher.dictionary.get(s.mentions[coal].actor), "tags", ()):
        return  # (no state is a coalition: "rivals on fronts like Syria, the network created by X and the Islamic State")
    if including and getattr(s.matcher.dictionary.get(s.mentions[coal].actor), "kind", "") not in (
            "coalition", "international mission"):
        return  # "the MNJTF includes troops from A and B"; but what a group's attacks include names no member
    if s.norms[occ.start] in s.cues.single("leading_participles") and \
            getattr(s.matcher.dictionary.get(s.mentions[coal].actor), "kind", "") != "coalition":
        return  # "a coalition spearheaded by GATIA"; but "an offensive led by France" names no member
    for m in members:
        if s.mentions[m].actor != s.mentions[coal].actor and not _is_part(s, m):
            if defectors:  # "the MSA was created by dissidents from the MNLA": a splinter, no member
                yield s.mentions[coal], s.mentions[m], "split-from"
            else:
                yield s.mentions[m], s.mentions[coal], cue.kind


def _is_part(s: Sentence, k: int) -> bool:
    """"the Sahara branch of AQIM": the mention names a part of the actor, not the actor."""
    t = s.mentions[k].tok_start
    return t >= 2 and s.norms[t - 1] == "of" and s.norms[t - 2] in s.cues.single("part_nouns")


def _recognition(s: Sentence, occ: Occurrence, cue: Cue):
    """"The Islamic State recognised the ISGS as one of its affiliates": ISGS member-of IS."""
    k = s.right_mention(occ.end, reach=3, allow_possessor=False)
    if k is None:
        return
    end = s.mentions[k].tok_end
    if end >= len(s.toks) or s.norms[end] != "as":
        return
    nouns = s.cues.single("member_nouns")
    if not any(s.norms[x] in nouns for x in range(end + 1, min(len(s.toks), end + 6))):
        return
    org, _ = s.left_mention(occ.start, reach=5)
    if org is None:
        return
    actor = s.matcher.dictionary.get(s.mentions[org].actor)
    if actor is None or actor.kind not in _ORGANISATIONS or s.mentions[org].actor == s.mentions[k].actor:
        return
    yield s.mentions[k], s.mentions[org], cue.kind


def _founders(s: Sentence, occ: Occurrence) -> tuple[int, list[int]] | None:
    """"Y was formed (in 2021) by A and B": the new whole Y and its founders, two or more named
    organisations or states ("by the merger of ..." is read by the merger frames)."""
    j = occ.start - 1
    while j >= 0 and s.norms[j] in {"jointly", "officially", "formally", "later", "first"}:
        j -= 1
    if j < 0 or (s.norms[j],) not in s.aux:
        return None
    by = s.find_word(occ.end, {"by"}, 6)
    if by is not None and "to" in s.norms[occ.end : by]:
        return None  # "formed to counter the threat posed by A and B": a purpose, and another verb's agents
    if by is None or s.norms[by + 1 : by + 3] in (["the", "merger"], ["merging"]) or any(
            s.is_break(x) or x in s.covered for x in range(occ.end, by)):
        return None
    whole, _ = s.left_mention(j, reach=4)
    first = s.right_mention(by + 1, reach=2, allow_possessor=False)
    if whole is None or first is None or s.mentions[whole].generic:
        return None
    founders = [x for x in s.group(first, forward_only=True) if s.party(x) and not s.mentions[x].generic]
    return (whole, founders) if len(founders) >= 2 else None


def _merger(s: Sentence, occ: Occurrence, cue: Cue):
    founded = _founders(s, occ)
    if founded is not None:
        whole, founders = founded
        org = s.matcher.dictionary.get(s.mentions[whole].actor)
        if org is not None and org.kind in _ORGANISATIONS:
            yield from ((s.mentions[x], s.mentions[whole], cue.kind) for x in founders
                        if s.mentions[x].actor != s.mentions[whole].actor)
        return
    k = s.right_mention(occ.end, reach=3, allow_possessor=False)
    # (the founders may end with a part: "..., Katiba Macina and AQIM's Saharan branch merged")
    if k is None and s.norms[occ.end : occ.end + 1] in (["a"], ["an"], ["the"]):
        # "formed a confederation, the Alliance of Sahel States": the name in apposition to the noun
        comma = s.find_word(occ.end, {","}, 5)
        if comma is not None and any(w in s.cues.single("coalition_nouns") for w in s.norms[occ.end : comma]):
            k = s.right_mention(comma + 1, reach=3, allow_possessor=False, stop_comma=False)
    m, _ = s.left_mention(occ.start, reach=6)
    if k is None or m is None or s.mentions[k].generic:
        return
    if any(x in s.verb_starts or s.norms[x] in {"against", "on", "in", "with", "from", "by"} or
           any(o.start == x for o in s.relation_occ) for x in range(occ.end, s.mentions[k].tok_start)):
        return  # "launched operations against JNIM": what was launched is no organisation
    org = s.matcher.dictionary.get(s.mentions[k].actor)
    if org is None or org.kind not in _ORGANISATIONS or len(s.group(m)) < 2 and org.kind != "coalition":
        return  # "X formed Y": only a coalition or a group formed by several is a membership
    for x in s.group(m):
        if s.party(x) and not s.mentions[x].generic and not _is_part(s, x) and s.mentions[x].actor != s.mentions[k].actor:
            yield s.mentions[x], s.mentions[k], cue.kind


FRAME_FUNCS = {
    "split": _split,
    "split_verb": _split_verb,
    "member": _member,
    "member_verb": _member,
    "merger": _merger,
    "left_organisation": _left_organisation,
    "recognition": _recognition,
    "coalition": _coalition,
    "possessive_member": _possessive_member,
}

"""The companion frame: one side named with another by a preposition phrase.

``companion``   X ... with the help of / alongside / embedded with / linked to Y: X and Y are
                allies (the cue's kind), or Y backed X; a companion's description ("X, a group
                affiliated with Y") is X's.
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.agents import agent, governed, pairs_across, verb_governing
from actors.extract.frames.countries import country_at
from actors.extract.frames.sentence import COPULAS, Occurrence, Sentence

__all__ = ["FRAME_FUNCS"]


def _first_verbs_subject(s: Sentence, occ: Occurrence, k: int | None) -> int | None:
    """The principal before "and" + the cue: "the junta broke off ties with (former colonial power)
    France and pivoted toward Russia": the second verb's subject is the first's, not its object."""
    if k is None:
        return k
    # "and" right before the cue, or before its verb ("and pursued closer ties with")
    conj = next((j for j in range(occ.start - 1, max(s.mentions[k].tok_end - 1, occ.start - 4), -1)
                 if s.norms[j] == "and"), None)
    if conj is None or any(not s.toks[x].text.islower() or x in s.covered for x in range(conj + 1, occ.start)):
        return k
    prior = verb_governing(s, s.group(k)[0], describing=4)
    if prior is not None:
        return s.left_mention(prior.start)[0]
    start = s.mentions[s.group(k)[0]].tok_start
    if start >= 2 and s.norms[start - 1] == "," and s.toks[start - 2].text.islower() \
            and s.norms[s.mentions[s.group(k)[-1]].tok_end : conj] == [","]:
        # "X has turned its back on its former ruler, France, and has forged ties with Russia": the
        # apposition is the first verb's object; the subject before it goes on
        before, _ = s.left_mention(start - 1)
        return before if before is not None else k
    return k


def _held_by_object(s: Sentence, start: int) -> bool:
    """The cue follows "with" after an unnamed noun that a preposition or verb governs ("against Islamist insurgencies
    with links to X"): that noun holds what the cue tells."""
    j = start - 1
    if j < 1 or s.norms[j] != "with":
        return False
    j -= 1
    while j >= 0 and start - j <= 5 and j not in s.covered and s.norms[j].isalpha() and not governed(s, j + 1):
        j -= 1
    return 0 <= j < start - 2 and governed(s, j + 1)


def _support_words(s: Sentence, occ: Occurrence) -> bool:
    # (and a rapprochement: "grown closer to Russia", "pursued closer ties with Russia")
    return any(w in {"help", "support", "assistance", "backing", "aid", "closer", "ties", "toward", "towards",
                     "rapprochement"} for w in s.norms[occ.start : occ.end])


def _counted_object(s: Sentence, first: int) -> bool:
    """The mention starting at ``first`` is counted in an "of" phrase ("the deaths of ten MNLA
    fighters", "the capture of the MNLA's men"): the object of a noun, no one acting."""
    j = first - 1
    quantities = s.cues.single("quantity_words")
    while j >= 0 and (s.norms[j] in quantities or s.norms[j].isdigit() or s.norms[j] == "the"):
        j -= 1
    return j >= 0 and s.norms[j] == "of"


def _companion(s: Sentence, occ: Occurrence, cue: Cue):
    if cue.id == "at-request" and any(tuple(s.norms[j : j + z]) in s.cues.words("flight_words")
                                       for j in range(max(0, occ.start - 8), occ.start) for z in (1, 2)):
        return  # "MINUSMA pulled out at the request of Mali's authorities": a departure asked for, no backing
    if _held_by_object(s, occ.start):
        return  # "operations against insurgencies with links to al-Qaeda": the insurgencies' links, not the subject's
    p = s.right_mention(occ.end, reach=4, allow_possessor=True)
    if p is None:
        country = country_at(s, occ.end) if _support_words(s, occ) else None
        k, _ = s.left_mention(occ.start) if country is not None else (None, None)
        k = _first_verbs_subject(s, occ, k)
        if k is not None and k not in s.patient_of and not governed(s, s.mentions[s.group(k)[0]].tok_start):
            for a in s.group(k):
                if s.party(a):
                    yield s.mentions[a], country, cue.kind
        return
    t = occ.start
    if t >= 3 and s.norms[t - 1] in {"of", "with", "for"} and s.norms[t - 2] in s.cues.single("accusation_participles"):
        # "officials accused of collaborating with the army": the accused is the noun
        # before the participle; unless that is an actor (or "X was accused of"), no relation
        before = t - 3
        if s.norms[before] not in COPULAS | {"been", "being", ","} and not (before in s.at_end and s.party(s.at_end[before])):
            return
    partners = [b for b in s.group(p, forward_only=True)
                if not (s.mentions[b].tok_start > 0 and s.norms[s.mentions[b].tok_start - 1] in {"no", "without"})]
    if not partners:
        return  # "along with no GATIA casualties": nobody acts with anyone
    if occ.start >= 2 and s.norms[occ.start - 1] in {"'s", "'"}:
        # "France expressed concern over Mali's alliance with Wagner": the possessor is the ally
        # (a possessor not read as an actor leaves the relation untold, never the subject's)
        owner = s.at_end.get(occ.start - 2)
        if owner is None:
            return
        yield from ((s.mentions[owner], s.mentions[b], cue.kind) for b in partners
                    if not s.mentions[owner].generic and s.mentions[b].actor != s.mentions[owner].actor)
        return
    apposed = _apposed_group(s, occ) if cue.standing else None
    if cue.standing and apposed is None and _describes_a_noun(s, occ):
        return  # "a jihadist leader linked to al-Qaida", "movements linked to al-Qaida": no one named is tied
    k, status_tok = s.left_mention(occ.start) if apposed is None else (apposed, None)
    k = _first_verbs_subject(s, occ, k)
    principals: list[int] = []
    if k is not None and occ.end + 1 < len(s.toks) and s.norms[occ.end] in {"its", "their"} \
            and s.norms[occ.end + 1] in {"ally", "allies", "partner", "partners"}:
        principals = [k]  # "between A and B, along with its ally C": C is the ally of B, named just before
    elif k is not None and cue.standing and _described(s, k, occ):
        # "attributed to JNIM, which is linked to al-Qaeda": the description is JNIM's wherever it stands
        principals = [k] if s.party(k) else []
    elif k is not None and k in s.patient_of:
        if tuple(s.norms[occ.start : occ.end]) not in s.cues.words("subject_companions"):
            return  # "X killed Y along with Z": co-victims, not a stated alliance
        # "French troops fought the rebels alongside Malian troops": the fighters' companion
        principals = [m for m in s.agent_of_cue.get(s.patient_of[k], []) if s.party(m)]
        if not principals:
            return
        verb = next((o for o in s.relation_occ if o.start == s.patient_of[k]), None)
        if cue.relation_kind == "joint-action" and verb is not None and any(c.kind == "fought-against" for c in verb.cues):
            # ... and the companion fought them too
            yield from pairs_across(s, partners, [m for m in s.group(k) if s.party(m) and m not in partners],
                                    "fought-against")
    elif k is not None:
        first = s.mentions[s.group(k)[0]].tok_start
        absolute = s.norms[first - 1 : first] == ["with"] and any(  # "with French units weighing in on the side of Y"
            w.endswith("ing") for w in s.norms[s.mentions[k].tok_end : occ.end])
        if (governed(s, first) and not absolute) or _counted_object(s, first):
            # "a ceasefire between A and B, with the support of C": A is no subject;
            # "the deaths of ten A fighters, along with ...": A is what was counted
            return
        principals = [m for m in s.group(k) if s.party(m)]
    elif status_tok is not None:
        principals = agent(s, occ)
    if not principals and occ.start == 0 or (occ.start > 0 and s.norms[occ.start - 1] == "," and not principals
                                             and not cue.standing):
        # "Along with Y, X attacked ...": the principal follows (but ", linked to Y, the army said" describes
        # what comes before the comma, named or not)
        q = s.right_mention(partners and s.mentions[partners[-1]].tok_end or occ.end, reach=4, stop_comma=False)
        if q is not None:
            principals = [q]
    for a in principals:
        for b in partners:
            yield s.mentions[a], s.mentions[b], cue.kind
    if cue.relation_kind == "joint-action" and not s.separate():
        # "GATIA and MSA fighters took part in joint operations with French forces": together, all of them
        yield from ((s.mentions[a], s.mentions[b], cue.kind) for a, b in combinations(principals, 2)
                    if s.mentions[a].actor != s.mentions[b].actor)
    end = s.mentions[partners[-1]].tok_end
    if principals and cue.relation_kind == "joint-action" and s.norms[end : end + 1] == ["against"]:
        # "Wagner fought alongside Malian troops against the CSP": both sides of the companion fought it
        e = s.right_mention(end + 1, reach=4)
        if e is not None:
            yield from pairs_across(s, principals + partners, s.group(e, forward_only=True), "fought-against")
    if principals and cue.kind == "allied-with" and cue.relation_kind != "link":
        # "fought alongside AQIM and MOJWA"; "with the support of A and B": A and B backed the
        # principal together, in one event (but "linked to al-Qaeda and the Islamic State" ties
        # the principal to each, not the two to each other)
        kind = "joint-action" if cue.relation_kind == "support" else ""
        for a, b in combinations([p for p in partners if s.party(p)], 2):
            yield (s.mentions[a], s.mentions[b], cue.kind) + ((kind,) if kind else ())


def _describes_a_noun(s: Sentence, occ: Occurrence) -> bool:
    """A participle of description ("linked", "affiliated": ``description_heads``) right after a
    common noun that is no actor's ("a jihadist leader linked to", "movements affiliated with"):
    it describes that noun. After a name, a name's noun ("JNIM fighters"), a comma, a bracket or a
    verb ("is closely linked") it describes the actor named before."""
    if s.norms[occ.start] not in s.cues.single("description_heads"):
        return False
    j = occ.start - 1
    while j >= 0 and s.norms[j].endswith("ly") and j not in s.covered:
        j -= 1  # "closely linked"
    if j < 0 or j in s.covered:
        return False
    w = s.norms[j]
    if w in s.cues.single("absorbed_nouns") and j - 1 in s.covered:
        return False  # "JNIM fighters linked to al-Qaeda"
    return w.isalpha() and s.toks[j].text.islower() and w not in COPULAS | {"been", "being", "be", "which", "who",
                                                                            "that", "also", "and", "or", "both"}


def _apposed_group(s: Sentence, occ: Occurrence) -> int | None:
    """The name an organisation noun before the cue stands in apposition to: "Katiba Macina, a
    (jihadist) group affiliated with JNIM" describes Katiba Macina."""
    j = occ.start - 1
    if j < 2 or s.norms[j] not in s.cues.single("organisation_nouns") or j in s.covered:
        return None
    j -= 1
    while j > 1 and occ.start - j <= 3 and s.norms[j].isalpha() and s.toks[j].text.islower() \
            and s.norms[j] not in {"a", "an", "the"} and j not in s.covered:
        j -= 1  # "a jihadist group"
    if s.norms[j] not in {"a", "an"} or s.norms[j - 1] != ",":
        return None
    k = s.at_end.get(j - 2)
    return k if k is not None and s.party(k) and not s.mentions[k].generic else None


def _described(s: Sentence, k: int, occ: Occurrence) -> bool:
    """Only a description opener (``description_openers``: a comma or bracket, "which is") between
    the mention and the cue."""
    gap = tuple(s.norms[s.mentions[k].tok_end : occ.start])
    return bool(gap) and gap in s.cues.words("description_openers")


FRAME_FUNCS = {"companion": _companion}

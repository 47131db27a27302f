"""Pacts and mergers: the signatories of a pact, allied, and the members of what a pact or a
merger creates.

``signatories``     "A, B and C signed a mutual defence pact": A, B and C allied; "... a pact named the
                    Alliance of Sahel States": each is a member of it (the cue file's ``pact_naming``).
``merged_with``     "X merged with A, B and C to form Y": all are members of Y.
``listed_members``  "the main movements of the CSP, including the MNLA and the HCUA": members of the CSP.
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.agents import governed, passive
from actors.extract.frames.organisation import _ORGANISATIONS, _is_part
from actors.extract.frames.sentence import MONTHS, Occurrence, Sentence
from actors.extract.frames.sides import between

__all__ = ["FRAME_FUNCS"]

# when-words between a subject and its signing verb: "A and B on Saturday signed"
_WHEN_WORDS = MONTHS | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                        "today", "recently", "formally", "officially"}


def _signatories(s: Sentence, occ: Occurrence, cue: Cue):
    """"The governments of Niger, Mali and Burkina Faso sign a mutual defence pact": the
    coordinated subject of a signing verb whose object (within a few words) is an agreement
    noun (``agreement_nouns``) allied, each pair."""
    nouns = s.cues.single("agreement_nouns")
    reduced = occ.start >= 1 and s.norms[occ.start - 1] in nouns  # "peace agreements signed between A and B"
    if passive(s, occ) or reduced:
        # "a peace deal was signed between A and B": the parties named after "between" allied
        before = s.norms[max(0, occ.start - 6) : occ.start]
        j = s.find_word(occ.end, {"between"}, 6)  # (past a date: "signed in June 2015 between A and B")
        if j is not None and any(w in nouns for w in before) and not any(w in s.cues.single("truce_words") for w in before):
            yield from between(s, j, cue.kind)
        return
    if s.determined(occ):
        return
    if not any(s.norms[x] in nouns for x in range(occ.end, min(len(s.toks), occ.end + 8))):
        return
    noun = next(x for x in range(occ.end, min(len(s.toks), occ.end + 8)) if s.norms[x] in nouns)
    if any(w in s.cues.single("truce_words") for w in s.norms[occ.end : noun]):
        return  # "A and B signed a ceasefire agreement": a truce, no alliance
    k, _ = s.left_mention(occ.start, reach=6)
    if k is None or k in s.patient_of:
        return
    first = s.mentions[s.group(k)[0]].tok_start
    heads = first >= 2 and s.norms[first - 1] == "of" and (s.norms[first - 2],) in s.matcher.force_nouns
    if governed(s, first) and not heads:  # but "the governments of A, B and C signed": they did
        return
    subjects = [m for m in s.group(k) if s.party(m) and not s.mentions[m].generic]
    gap = s.norms[s.mentions[k].tok_end : occ.start]
    if gap[:1] == ["on"] and len(gap) > 1 and gap[1] in _WHEN_WORDS:
        gap = [w for w in gap[2:] if not w.isdigit()]  # "A and B on Saturday signed"
    if any(w not in {"have", "has", "had", "also", "then", "later", "jointly", "together", "both", "finally"}
           and w not in _WHEN_WORDS for w in gap):
        return  # the verb is not the coordinated subject's own ("A and B on Saturday signed" is)
    for a, b in combinations(subjects, 2):
        if s.mentions[a].actor != s.mentions[b].actor:
            yield s.mentions[a], s.mentions[b], cue.kind
    # "... sign a pact named the Alliance of Sahel States": each signatory is a member of what it creates
    named = next((noun + 1 + z for z in (1, 2, 3) if tuple(s.norms[noun + 1 : noun + 1 + z]) in s.cues.words("pact_naming")), None)
    whole = s.right_mention(named, reach=2) if named is not None else None
    if whole is not None and s.party(whole) and not s.mentions[whole].generic:
        yield from ((s.mentions[m], s.mentions[whole], "member-of", "member") for m in subjects
                    if s.mentions[m].actor != s.mentions[whole].actor)


def _merged_with(s: Sentence, occ: Occurrence, cue: Cue):
    """"X merged with A, B and C to form Y" (or ", forming Y", "into Y"): all are members of Y."""
    k = s.right_mention(occ.end, reach=3, allow_possessor=False)
    if k is None:
        # "merged with Mokhtar Belmokhtar's Al-Mulathameen group": past a leader's possessive
        j = occ.end
        while j < len(s.toks) and j - occ.end < 4 and s.toks[j].text[:1].isupper() and j not in s.covered:
            j += 1
        if j > occ.end and s.norms[j : j + 1] == ["'s"]:
            k = s.right_mention(j + 1, reach=2, allow_possessor=False)
    m, _ = s.left_mention(occ.start, reach=4)
    if m is None:
        return
    if k is None:
        # "X merged in 2017 with three other groups to form Y": no partner named, X a member of Y all the same
        end = next((x for x in range(occ.end, min(len(s.toks), occ.end + 12))
                    if s.norms[x] in {"to", "forming", "into"} or s.is_break(x)), occ.end)
        partners = []
    else:
        partners = s.group(k, forward_only=True)
        end = s.mentions[partners[-1]].tok_end
    end = _part_of_possessor(s, end) or end  # "... and AQIM's Sahara branch" (a part, not its owner)
    at = next((x for x in range(end, min(len(s.toks), end + 6)) if s.norms[x] in {"to", "forming", "into"}), end)
    if any(s.is_break(x) for x in range(end, at)):
        at = end  # "... earlier this year to form JNIM", but no further clause between
    words = s.norms[at : at + 2]
    step = 2 if words[:2] in (["to", "form"], ["to", "create"], ["to", "found"]) else 1 if words[:1] in (["forming"], ["into"]) else 0
    whole = s.right_mention(at + step, reach=3, allow_possessor=False) if step else None
    if whole is None or s.mentions[whole].generic:
        return
    org = s.matcher.dictionary.get(s.mentions[whole].actor)
    if org is None or org.kind not in _ORGANISATIONS:
        return
    for x in s.group(m) + partners:
        if s.party(x) and not s.mentions[x].generic and not _is_part(s, x) and s.mentions[x].actor != s.mentions[whole].actor:
            yield s.mentions[x], s.mentions[whole], cue.kind


def _part_of_possessor(s: Sentence, end: int) -> int | None:
    """"(and) AQIM's Sahara branch" right after a list ending at ``end``: the end of the part noun
    (``part_nouns``, ``member_nouns``) within three words."""
    t = end
    if s.norms[end : end + 1] == ["and"] and (end + 1) in s.at_start and not s.mentions[s.at_start[end + 1]].generic:
        t = s.mentions[s.at_start[end + 1]].tok_end
    if s.norms[t : t + 1] != ["'s"]:
        return None
    nouns = s.cues.single("part_nouns") | s.cues.single("member_nouns")
    noun = next((x for x in range(t + 1, min(len(s.toks), t + 4)) if s.norms[x] in nouns), None)
    return noun + 1 if noun is not None else None


def _listed_members(s: Sentence, occ: Occurrence, cue: Cue):
    """"the main movements of the CSP, including the MNLA and the HCUA": members of the CSP."""
    org = s.right_mention(occ.end, reach=3, allow_possessor=False)
    if org is None or s.mentions[org].generic:
        return
    actor = s.matcher.dictionary.get(s.mentions[org].actor)
    if actor is None or actor.kind not in _ORGANISATIONS:
        return
    j = s.mentions[org].tok_end + (1 if s.mentions[org].tok_end < len(s.toks) and s.norms[s.mentions[org].tok_end] == "," else 0)
    marker = next((w for w in s.cues.words("example_markers") if tuple(s.norms[j : j + len(w)]) == w), None)
    if marker is None:
        return
    k = s.right_mention(j + len(marker), reach=3, allow_possessor=False)
    if k is None:
        return
    for x in s.group(k, forward_only=True):
        if s.party(x) and not s.mentions[x].generic and s.mentions[x].actor != s.mentions[org].actor:
            yield s.mentions[x], s.mentions[org], cue.kind


FRAME_FUNCS = {"signatories": _signatories, "merged_with": _merged_with, "listed_members": _listed_members}

"""The signatories of a pact: allied, each pair, and members of what the pact creates.

``signatories``  "A, B and C signed a mutual defence pact": A, B and C allied; "... a pact named the
                 Alliance of Sahel States": each is a member of it (the cue file's ``pact_naming``).
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.agents import governed, passive
from actors.extract.frames.sentence import MONTHS, Occurrence, Sentence

__all__ = ["FRAME_FUNCS"]

# when-words between a subject and its signing verb: "A and B on Saturday signed"
_WHEN_WORDS = MONTHS | {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday",
                        "today", "recently", "formally", "officially"}


def _signatories(s: Sentence, occ: Occurrence, cue: Cue):
    """"The governments of Niger, Mali and Burkina Faso sign a mutual defence pact": the
    coordinated subject of a signing verb whose object (within a few words) is an agreement
    noun (``agreement_nouns``) allied, each pair."""
    if passive(s, occ) or s.determined(occ):
        return
    nouns = s.cues.single("agreement_nouns")
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


FRAME_FUNCS = {"signatories": _signatories}

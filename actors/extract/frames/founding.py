"""Frames of a group founded by those who left another.

``splinter_founding``  members of A split from the group and created B; A's mediator defected to
                       form B; B was formed as the result of a split within A. B split from A.
``formed_when``        B, the group that formed after A and C came together (A and C members of B);
                       B emerged when its leader's followers split from A (B split from A).

The departure word is the cue; a founding verb (``founding_verbs``) must follow it within a
few words and name the new group, or, for "a split within A", a founding participle
(``founding_participles``) must come before it with the new group as its subject.
"""

from __future__ import annotations

from actors.extract.cues import Cue
from actors.extract.frames.sentence import Occurrence, Sentence

__all__ = ["FRAME_FUNCS"]

_FOUNDING_REACH = 5  # "split from the group and then created B", "defected to form B"


def _named(s: Sentence, k: int | None) -> bool:
    return k is not None and not s.mentions[k].generic


def _new_group(s: Sentence, start: int) -> int | None:
    """The group a founding verb after ``start`` names: "... and created B", "... to form B"."""
    verbs = s.cues.words("founding_verbs")
    for j in range(start, min(len(s.toks), start + _FOUNDING_REACH)):
        if s.hard(j):
            return None
        size = next((z for z in (2, 1) if tuple(s.norms[j : j + z]) in verbs), 0)
        if size:
            k = s.right_mention(j + size, reach=4, allow_possessor=False)
            return k if _named(s, k) else None
    return None


def _origin_before(s: Sentence, start: int) -> int | None:
    """The group the leavers came from, named before the departure word: "Key members of A",
    "A lead mediator X" (as a party, a modifier or a possessor)."""
    for j in range(start - 1, max(-1, start - 10), -1):
        if s.hard(j):
            return None
        k = s.at_end.get(j)
        if _named(s, k):
            return k
    return None


def _splinter_founding(s: Sentence, occ: Occurrence, cue: Cue):
    last = s.norms[occ.end - 1]
    if last in {"within", "in"}:
        # "B was formed on 15 May 2015 as the result of a split within A"
        parent = s.right_mention(occ.end, reach=4, allow_possessor=False)
        founded = next((j for j in range(occ.start - 1, max(-1, occ.start - 15), -1)
                        if s.norms[j] in s.cues.single("founding_participles")), None)
        if not _named(s, parent) or founded is None:
            return
        k, _ = s.left_mention(founded, reach=4)
        if _named(s, k) and s.mentions[k].actor != s.mentions[parent].actor:
            yield s.mentions[k], s.mentions[parent], cue.kind
        return
    if last == "from":
        parent = s.right_mention(occ.end, reach=3, allow_possessor=False)
        after = s.mentions[parent].tok_end if parent is not None else occ.end
    else:
        parent, after = _origin_before(s, occ.start), occ.end
    new = _new_group(s, after)
    if _named(s, parent) and new is not None and s.mentions[new].actor != s.mentions[parent].actor:
        yield s.mentions[new], s.mentions[parent], cue.kind


def _formed_when(s: Sentence, occ: Occurrence, cue: Cue):
    """"JNIM, the group that formed after A, B and C came together", "X was formed when A and B
    merged": each is a member of X; "X emerged when its leader and his followers split from Y": X
    split from Y. The new group is named before the cue (an apposition's head: "X, the group
    that"); the clause after it tells how (``merging_verbs``, ``departure_verbs``)."""
    new = _founded_group(s, occ.start)
    if new is None:
        return
    clause = []
    for j in range(occ.end, min(len(s.toks), occ.end + 40)):
        if s.hard(j) or s.norms[j] == ";":
            break
        clause.append(j)
    merging, leaving = s.cues.words("merging_verbs"), s.cues.words("departure_verbs")
    for j in clause:
        size = next((z for z in (3, 2, 1) if tuple(s.norms[j : j + z]) in merging), 0)
        if size and cue.kind != "member-of":
            return
        if size:
            members = [k for k in s.real if occ.end <= s.mentions[k].tok_start and s.mentions[k].tok_end <= j
                       and _named(s, k) and s.party(k) and s.mentions[k].actor != s.mentions[new].actor]
            yield from ((s.mentions[k], s.mentions[new], "member-of", "member") for k in members)
            return
        size = next((z for z in (3, 2, 1) if tuple(s.norms[j : j + z]) in leaving), 0)
        if size and cue.kind != "split-from":
            return
        if size:
            parent = s.right_mention(j + size, reach=3, allow_possessor=False)
            if _named(s, parent) and s.mentions[parent].actor != s.mentions[new].actor:
                yield s.mentions[new], s.mentions[parent], "split-from"
            return


def _founded_group(s: Sentence, start: int) -> int | None:
    """The named group a founding clause is about: right before it ("X formed when", "X was formed
    when") or the head of the apposition it closes ("X, the group that formed after")."""
    filler = s.cues.single("organisation_nouns") | {",", "the", "a", "an", "that", "which", "was", "is", "had",
                                                      "has", "been", "first", "originally", "officially"}
    if start > 0 and s.norms[start - 1] == ",":
        # "X, originally part of Y, became a separate organization": the head before the aside
        opening = s.aside_opening(start - 1)
        k = s.at_end.get(opening - 1) if opening is not None else None
        if _named(s, k) and s.party(k):
            return k
    for j in range(start - 1, max(-1, start - 8), -1):
        k = s.at_end.get(j)
        if _named(s, k) and s.party(k):
            return k
        if s.norms[j] not in filler:
            return None
    return None


FRAME_FUNCS = {"splinter_founding": _splinter_founding, "formed_when": _formed_when}

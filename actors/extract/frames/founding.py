"""Frames of a group founded by those who left another.

``splinter_founding``  members of A split from the group and created B; A's mediator defected to
                       form B; B was formed as the result of a split within A. B split from A.

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


FRAME_FUNCS = {"splinter_founding": _splinter_founding}

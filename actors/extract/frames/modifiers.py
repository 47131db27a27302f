"""Frames reading a name used as a description of another: "the al-Qaeda-linked JNIM",
"French-backed Malian forces", "Ansarul Islam, by then a JNIM-aligned group,", "the French-led
Takuba Task Force".

``modifier``      [X]-cue ... [Y]: Y relation X (the cue's relation and kind: linked, affiliated,
                  backed, ...).
``led_modifier``  [X]-led [Y]: X is a member of the coalition or mission Y it leads.
"""

from __future__ import annotations

from actors.extract.cues import Cue
from actors.extract.frames.asides import apposed_name
from actors.extract.frames.sentence import Occurrence, Sentence

__all__ = ["FRAME_FUNCS"]


def _modifier(s: Sentence, occ: Occurrence, cue: Cue):
    # "al-Qaeda-linked jihadists from JNIM": [X] "-" cue ... [Y]  ->  Y relation X
    if occ.start >= 2 and s.norms[occ.start - 1] == "-":
        head = s.at_end.get(occ.start - 2)
    else:
        head = s.at_end.get(occ.start - 1)  # "al-Qaeda linked group JNIM"
    if head is None:
        return
    after = _past_modifiers(s, occ.end)
    if after + 1 < len(s.toks) and s.norms[after] in s.cues.single("part_nouns") and s.norms[after + 1] == "of" \
            and after not in s.covered:  # (not the first word of a name: "the al-Qaeda-linked Emirate of the Sahara")
        # "the IS-backed faction of Boko Haram, ISWAP": what is described is the part, not the whole after "of"
        k = s.right_mention(after + 2, reach=3, allow_possessor=False)
        end = s.mentions[k].tok_end if k is not None else after + 2
        y = s.right_mention(end + 1, reach=3, allow_possessor=False) if s.norms[end : end + 1] == [","] else None
        if y is not None and s.mentions[y].actor != s.mentions[head].actor:
            yield s.mentions[y], s.mentions[head], cue.kind
        return
    y = s.right_mention(after, reach=4, allow_possessor=False)
    if y is None:
        # "an al-Qaeda-affiliated group, JNIM, claimed": the name the described noun is apposed to
        comma = next((j for j in range(after, min(len(s.toks), after + 3)) if s.norms[j] == ","), None)
        if comma is not None and all(s.toks[x].text.islower() for x in range(after, comma)):
            y = apposed_name(s, comma)
            if y is not None and s.mentions[y].actor != s.mentions[head].actor:
                yield s.mentions[y], s.mentions[head], cue.kind
                return
        y = _described(s, occ.start - (2 if s.norms[occ.start - 1] == "-" else 1))
        if y is not None:  # "Ansarul Islam, by then a JNIM-aligned group, ...": the apposition's head
            yield s.mentions[y], s.mentions[head], cue.kind
        return
    # "the al-Qaeda-aligned JNIM and the ISGS": the description is the first name's only
    yield s.mentions[y], s.mentions[head], cue.kind


def _led_modifier(s: Sentence, occ: Occurrence, cue: Cue):
    """"the French-led Takuba Task Force": the leader is a member of the force it leads (a
    coalition or mission only: who leads a state's army is no member of it)."""
    for described, leader, relation in _modifier(s, occ, cue):
        kind = getattr(s.matcher.dictionary.get(described.actor), "kind", "")
        if kind in ("coalition", "international mission") and not leader.generic:
            yield leader, described, relation


def _described(s: Sentence, head_end: int) -> int | None:
    """The named actor an apposition ", (by then) a X-linked group," describes."""
    start = s.mentions[s.at_end[head_end]].tok_start if head_end in s.at_end else head_end
    j = start - 1
    if j < 1 or s.norms[j] not in {"a", "an"}:
        return None
    j -= 1
    if j >= 1 and (s.norms[j - 1], s.norms[j]) == ("by", "then"):
        j -= 2
    elif s.norms[j] in {"now", "still", "already"}:
        j -= 1
    if j >= 1 and s.norms[j] == "," and (j - 1) in s.at_end and s.party(s.at_end[j - 1]):
        return s.at_end[j - 1]
    return None


def _past_modifiers(s: Sentence, j: int) -> int:
    """The token after stacked modifiers: "al-Qaeda-linked, Mali-based "Katiba X"" -> the name."""
    heads = s.cues.single("modifier_heads") | {"based"}
    start = j
    while j < len(s.toks) and j - start < 10:
        if s.norms[j] in {",", "and", '"', "“", "”"}:
            j += 1
        elif j + 2 < len(s.toks) and s.norms[j + 1] == "-" and s.norms[j + 2] in heads and j not in s.covered:
            j += 3
        else:
            break
    # a comma or quote alone is no stack of modifiers
    return j if any(s.norms[x] == "-" for x in range(start, j)) else start



FRAME_FUNCS = {"modifier": _modifier, "led_modifier": _led_modifier}

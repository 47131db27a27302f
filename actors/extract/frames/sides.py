"""Frames naming two sides together.

``symmetric``   NOUN between A and B (and C); A and B VERB each other; A VERB with B.
(``companion``, X with the help of / alongside Y, is in :mod:`actors.extract.frames.companions`.)
``group``       co-belligerents A, B and C: every pair.
``joint_subject``  A and B entered Gao: a coordinated subject acting as one.
(``signatories``, A, B and C signing a pact, is in :mod:`actors.extract.frames.agreements`;
``backing_noun``, "with French support", in :mod:`actors.extract.frames.backing`.)

Descriptions ("the X-linked Y") are read in :mod:`actors.extract.frames.modifiers`.
"""

from __future__ import annotations

from itertools import combinations

from actors.extract.cues import Cue
from actors.extract.frames.attribution import clause_subject, claimant_mention, controls
from actors.extract.frames.agents import agent, pairs_across, passive
from actors.extract.frames.sentence import MONTHS, Occurrence, Sentence

__all__ = ["FRAME_FUNCS", "between"]

def _led_side(s: Sentence, end: int) -> tuple[list[int], int] | None:
    """After "between A": (A's backers, first named actor of the other side) when the other side
    is a generic phrase that names its leaders ("and Islamist fighters led by Ansar Dine",
    "and a coalition of rebel groups including the MNLA and the HCUA"); else None."""
    backers: list[int] = []
    j = end
    if j < len(s.toks) and s.norms[j] == "," and j + 1 < len(s.toks) and s.norms[j + 1] in s.cues.single("backing_participles"):
        close = next((x for x in range(j + 1, min(len(s.toks), j + 14)) if s.norms[x] == ","), None)
        if close is None:
            return None
        backers = [s.at_start[x] for x in range(j + 2, close) if x in s.at_start and s.party(s.at_start[x])]
        j = close + 1
    if j >= len(s.toks) or s.norms[j] != "and":
        return None
    k = named_by(s, j + 1)
    return (backers, k) if k is not None else None


def named_by(s: Sentence, start: int, reach: int = 8) -> int | None:
    """From ``start`` on a generic phrase, the first named actor the phrase names its members or
    leaders by (``led_markers``): "rebel groups led by the MNLA", "jihadist groups, including AQIM
    and Ansar Dine", "groups of Islamist militants such as AQIM"; None when a named actor comes
    first (an ordinary list) or the clause ends."""
    markers = s.cues.words("led_markers")
    for x in range(start, min(len(s.toks), start + reach + 1)):
        if x in s.at_start and not s.mentions[s.at_start[x]].generic:
            m = s.mentions[s.at_start[x]]
            inside = s.norms[m.tok_start:m.tok_end]
            if any(tuple(inside[i:i + len(mk)]) == mk for mk in markers for i in range(len(inside))):
                return s.at_start[x]  # "rebel groups led by the MNLA", found as one mention
            return None  # a named actor: an ordinary list, handled by the caller
        for marker in markers:
            if tuple(s.norms[x:x + len(marker)]) == marker:
                return s.right_mention(x + len(marker), reach=3, stop_comma=False)
        if s.is_break(x) or (s.norms[x] == "," and not any(tuple(s.norms[x + 1:x + 1 + len(mk)]) == mk for mk in markers)):
            return None  # (a comma right before the marker: "jihadist groups, including A")
    return None


def _one_side(s: Sentence, end: int) -> int | None:
    """After "between A and B", the first mention of the other side in "on one side and C on the other"."""
    words = s.norms[end:end + 5]
    for opener in (["on", "one", "side", "and"], ["on", "the", "one", "side", "and"]):
        if words[:len(opener)] == opener:
            k = s.right_mention(end + len(opener), reach=6, stop_comma=False)
            if k is None:
                return None
            last = s.group(k, forward_only=True)[-1]
            tail = s.norms[s.mentions[last].tok_end:s.mentions[last].tok_end + 3]
            return k if tail[:3] == ["on", "the", "other"] else None
    return None


def between(s: Sentence, j: int, relation: str) -> list:
    """ "between A and B (and C)": every pair; "between A and B against C": two sides."""
    if j > 0 and (s.norms[j - 1],) in s.cues.words("peace_nouns"):
        return []  # "negotiations between A and B"
    if j > 0 and s.norms[j - 1] in s.cues.single("shared_place_nouns") | {"lake", "basin", "river", "islands"}:
        return []  # "the vast lake area between Chad, Nigeria, Niger and Cameroon": a place the states share
    k = s.right_mention(j + 1, reach=3, stop_comma=False)
    if k is None:
        k = s.right_mention(_past_compound(s, j + 1), reach=3, stop_comma=False)  # "between the IS-affiliated ISGS"
    if k is None:
        return []
    members = _with_possessed([m for m in s.group(k, forward_only=True) if s.party(m)], s)
    end = s.mentions[members[-1]].tok_end if members else j + 1
    for x, g in enumerate(members[1:], 1):
        first = named_by(s, s.mentions[g].tok_end) if s.mentions[g].generic else None
        if first in members[x + 1:]:
            # "between Malian forces and jihadist groups, including A and B": A and B are that side, as
            # examples of it (not allies for that)
            return _two_sides(s, members[:x], members[members.index(first):], relation, allies=(True, False))
    led = _led_side(s, end)
    if led is not None:
        # "between A, supported by B, and rebel groups led by C and D" (A and B are
        # allies through the support frame already)
        backers, other = led
        enemies = [m for m in s.group(other, forward_only=True) if s.party(m) and not s.mentions[m].generic]
        return _two_sides(s, members + backers, enemies, relation, allies=(False, True))
    sides = _one_side(s, end)
    if sides is not None:
        # "between A and B on one side and C on the other"
        enemies = [m for m in s.group(sides, forward_only=True) if s.party(m)]
        return _two_sides(s, members, enemies, relation, allies=(True, True))
    if end + 1 < len(s.toks) and s.norms[end] == "," and s.norms[end + 1] in {"against", "versus", "vs"}:
        end += 1  # "fought between government forces of Mali, against groups of Islamists"
    far = _against_after(s, end)
    if far is not None:
        # "between French and Malian forces aided by Tuareg rebels against JNIM and ISGS": who
        # aided the first side is on it
        members = members + [x for x in s.real if end <= s.mentions[x].tok_start < far
                             and s.party(x) and not s.mentions[x].generic and x not in members]
        end = far
    if end < len(s.toks) and s.norms[end] in {"against", "versus", "vs"}:
        other = s.right_mention(end + 1, reach=4, stop_comma=False)
        examples = other is not None and s.mentions[other].via == "example"  # ("militants such as AQIM", read as one)
        if other is not None and s.mentions[other].generic:
            # "against groups of Islamist militants such as AQIM and Ansar Dine": the named examples
            first = named_by(s, s.mentions[other].tok_end)
            other, examples = (first, True) if first is not None else (other, False)
        if other is None:
            return []
        enemies = [m for m in s.group(other, forward_only=True) if s.party(m)]
        return _two_sides(s, members, enemies, relation, allies=(True, not examples))
    slashed = _slash_sides(s, members) or _shared_noun_sides(s, members)
    if slashed is not None:
        # "clashes between GATIA/MSA and ISGS": the slash joins one side
        return _two_sides(s, slashed[0], slashed[1], relation, allies=(True, True))
    owned = _owned_sides(s, members)
    if owned is not None:
        # "the war between the Malian army, its Wagner auxiliaries and the rebels": the possessed
        # partner is on its owner's side
        return [(s.mentions[a], s.mentions[b], relation) for x, y in combinations(owned, 2) for a in x for b in y]
    pairs = [(s.mentions[a], s.mentions[b], relation) for a, b in combinations(members, 2)]
    ally = _ally_after(s, end) if len(members) == 2 and relation == "fought-against" else None
    if ally is not None and ally not in members:
        # "between the MNLA and MOJWA, along with its ally Ansar Dine": the ally fought on B's side
        pairs.append((s.mentions[members[0]], s.mentions[ally], relation))
    return pairs


def _with_possessed(members: list[int], s: Sentence) -> list[int]:
    """A "between" list that goes on past a possessed partner ("between the Malian army, its Wagner
    auxiliaries and the CSP"): the partner and what is listed after it."""
    allies = s.cues.single("ally_nouns")
    seen = set(members)
    while members:
        t = s.mentions[members[-1]].tok_end
        noun = t < len(s.toks) and s.norms[t] in allies
        t += 1 if noun else 0  # "its Wagner auxiliaries"
        if s.norms[t : t + 1] in ([","], ["and"]) and s.norms[t + 1 : t + 2] in (["its"], ["their"]):
            nxt = s.at_start.get(t + 2)
        elif noun and s.norms[t : t + 1] in ([","], ["and"]):
            nxt = s.at_start.get(t + 2) if s.norms[t + 1 : t + 2] == ["the"] else s.at_start.get(t + 1)
        else:
            break
        if nxt is None or nxt in seen or not s.party(nxt) or s.mentions[nxt].generic:
            break
        found = [m for m in s.group(nxt, forward_only=True) if s.party(m) and m not in seen]
        members = members + found
        seen.update(found)
    return members


def _owned_sides(s: Sentence, members: list[int]) -> list[list[int]] | None:
    """The sides of a "between" list in which a member is possessed ("its", "their") by the one
    before it; None when no member is."""
    sides: list[list[int]] = []
    for m in members:
        t = s.mentions[m].tok_start
        if sides and t >= 1 and s.norms[t - 1] in {"its", "their"}:
            sides[-1].append(m)
        else:
            sides.append([m])
    return sides if len(sides) < len(members) else None


def _against_after(s: Sentence, end: int) -> int | None:
    """The "against" of "between A aided by B against C", past a participle phrase on A's side
    (a backing participle first, nothing breaking the clause), else None."""
    if end + 1 >= len(s.toks) or s.norms[end] not in s.cues.single("backing_participles"):
        return None
    for x in range(end + 1, min(len(s.toks), end + 10)):
        if s.norms[x] in {"against", "versus", "vs"}:
            return x
        if s.norms[x] in {".", ";", ","} or s.is_break(x):
            return None
    return None


def _ally_after(s: Sentence, end: int) -> int | None:
    """", along with its ally C" right after a list: C (the companion frame allies it with the last)."""
    words = s.norms[end : end + 6]
    if words[:1] == [","]:
        words = words[1:]
        end += 1
    for opener in s.cues.words("ally_openers"):
        if tuple(words[: len(opener)]) == opener:
            k = s.right_mention(end + len(opener), reach=3, allow_possessor=False)
            return k if k is not None and s.party(k) and not s.mentions[k].generic else None
    return None


def _slash_sides(s: Sentence, members: list[int]) -> tuple[list[int], list[int]] | None:
    """Two sides when a list joins some names by "/" ("GATIA/MSA and ISGS"), else None."""
    sides: list[list[int]] = [[members[0]]] if members else []
    slash = False
    for a, b in zip(members, members[1:]):
        if s.norms[s.mentions[a].tok_end : s.mentions[b].tok_start] == ["/"]:
            sides[-1].append(b)
            slash = True
        else:
            sides.append([b])
    return (sides[0], sides[1]) if slash and len(sides) == 2 else None


def _shared_noun_sides(s: Sentence, members: list[int]) -> tuple[list[int], list[int]] | None:
    """Two sides when a list of three or more opens with states' demonyms sharing one force noun
    ("between Mauritanian and Malian forces and AQIM": the forces are one side), else None."""
    if len(members) < 3:
        return None
    a, b = s.mentions[members[0]], s.mentions[members[1]]
    if not (a.via == "force" == b.via and s.norms[a.tok_end : b.tok_start] == ["and"]
            and a.tok_end - a.tok_start == 1 and (s.norms[b.tok_end - 1],) in s.matcher.force_nouns):
        return None
    return members[:2], members[2:]


def _two_sides(s: Sentence, one: list[int], other: list[int], relation: str, *,
               allies: tuple[bool, bool]) -> list:
    """The relation across two sides, and allied-with within the sides ``allies`` names."""
    out = list(pairs_across(s, one, other, relation))
    for side, within in zip((one, other), allies):
        if within:
            out += [(s.mentions[a], s.mentions[b], "allied-with") for a, b in combinations(side, 2)]
    return out


def _symmetric(s: Sentence, occ: Occurrence, cue: Cue):
    # "clashes (broke out) between A and B"
    j = s.find_word(occ.end, {"between"}, 16)
    while j is not None and j + 1 < len(s.toks) and (s.toks[j + 1].text[:1].isdigit() or s.norms[j + 1] in MONTHS | {"early", "late", "mid"}):
        # "was fought between 17 and 21 May 2014 in Kidal, between A and B": a span of days first
        j = s.find_word(j + 1, {"between"}, 30)
    if j is not None and any(occ.end <= o.start < j and any(c.frame in ("group", "symmetric") for c in o.cues)
                             for o in s.relation_occ if o is not occ):
        j = None  # "clashed ..., ending years of cooperation between the two groups": another noun's "between"
    if j is not None and not any(x in s.at_start and s.party(s.at_start[x]) and not s.mentions[s.at_start[x]].generic
                                 for x in range(occ.end, j)):
        yield from between(s, j, cue.kind)
        return
    # "A and B clashed against each other", "found themselves in conflict with each other"
    recip = None
    for r in range(occ.end, min(len(s.toks), occ.end + 4)):
        for size in (2, 1):
            if tuple(s.norms[r : r + size]) in s.reciprocal:
                recip = r
    word = s.norms[occ.start]
    k, status_tok = s.left_mention(occ.start)
    if k is None and status_tok is not None and controls(s, status_tok, occ.start):
        k = claimant_mention(s, status_tok)  # "the CMA said it was at war with the army": the speaker
    if k is None and cue.kind == "fought-against":
        k = _subordinate_subject(s, occ)  # "the army retook the base after fierce fighting with ISWAP"
    if k is None:
        yield from _clash_casualties(s, occ, cue)
        return
    subjects = [m for m in s.group(k) if s.party(m)]
    # "A and B exchanged fire"; an alliance of a coordinated subject is mutual too ("A and B agreed to merge")
    mutual = word.startswith("clash") or word.startswith("skirmish") or s.norms[occ.end - 1] in s.cues.single("exchanged_nouns") \
        or cue.kind == "allied-with"
    opposite = s.norms[occ.end : occ.end + 1] in (["with"], ["against"])  # "A and B clashed with (black-robed) C"
    if recip is not None or mutual and len(subjects) > 1 and not opposite and s.right_mention(occ.end, reach=2) is None:
        slashed = _slash_sides(s, subjects)
        if slashed is not None:  # "GATIA/MSA and ISGS clashed": the slash joins one side
            yield from _two_sides(s, slashed[0], slashed[1], cue.kind, allies=(True, True))
            return
        for a, b in combinations(subjects, 2):
            yield s.mentions[a], s.mentions[b], cue.kind
        if recip is not None:
            return
    # "A clashed with B", "A at war with B"
    j = s.find_word(occ.end, {"with"}, 2)
    if j is not None:
        p = s.right_mention(j + 1, reach=3)
        if p is not None:
            opponents = s.group(p, forward_only=True)
            for m in opponents:
                for a in subjects:
                    yield s.mentions[a], s.mentions[m], cue.kind
            if mutual and cue.kind == "fought-against" and not s.separate():
                # "A and B forces clashed with C": a coordinated subject clashing with a third
                # side stood together (never "A and B clashed", which is between them)
                named = [a for a in subjects if a not in opponents and not s.mentions[a].generic]
                for a, b in combinations(named, 2):
                    if s.mentions[a].actor != s.mentions[b].actor:
                        yield s.mentions[a], s.mentions[b], "allied-with", "joint-action"


def _subordinate_subject(s: Sentence, occ: Occurrence) -> int | None:
    """A clash noun in a phrase of time after the main clause ("X retook the base after fierce fighting
    with Y", ``fight_subordinators``), followed by "with": the subject the sentence opens with."""
    if s.norms[occ.end : occ.end + 1] != ["with"]:
        return None
    subordinators = s.cues.single("fight_subordinators")
    j = occ.start - 1
    while j >= 0 and (s.toks[j].text.islower() and s.norms[j] not in subordinators
                      and j not in s.covered and not s.is_break(j)) and occ.start - j <= 4:
        j -= 1  # "after days of intense fighting"
    if j < 1 or s.norms[j] not in subordinators:
        return None
    return clause_subject(s, j)


def _clash_casualties(s: Sentence, occ: Occurrence, cue: Cue):
    """"Clashes near X kill 30 Boko Haram militants and five Nigerien soldiers": the dead of
    both sides fought each other (a list of casualties is no alliance)."""
    verbs = s.cues.words("clash_casualty_verbs")
    for j in range(occ.end, min(len(s.toks), occ.end + 16)):
        size = next((z for z in (4, 3, 2, 1) if tuple(s.norms[j : j + z]) in verbs), 0)
        if s.is_break(j) or (not size and j in s.verb_starts):
            return
        if not size:
            continue
        k = s.right_mention(j + size, reach=8)
        if k is None:
            return
        dead = [m for m in s.group(k, forward_only=True) if s.party(m) and not s.mentions[m].generic]
        for a, b in combinations(dead, 2):
            if s.mentions[a].actor != s.mentions[b].actor:
                yield s.mentions[a], s.mentions[b], cue.kind
        return


def _group(s: Sentence, occ: Occurrence, cue: Cue):
    owned = (occ.start > 0 and s.norms[occ.start - 1] in {"its", "their", "his", "her"}) \
        or s.norms[max(0, occ.start - 2) : occ.start] == ["it", "'s"]  # (also misspelt "it's allies")
    if owned and s.right_mention(occ.end, reach=1, allow_possessor=False) is None:
        return  # "the Malian government and its allies": someone's unnamed allies, not the names before
    if s.norms[occ.end - 1] == "allied" and s.norms[occ.end : occ.end + 1] in (["to"], ["with"]):
        return  # "X is allied to A and B": X's allies (the verb's frame), not allies of each other
    k = s.right_mention(occ.end, reach=3, allow_possessor=False)
    members = s.group(k, forward_only=True) if k is not None else []
    whole = s.at_end.get(occ.start - (2 if s.norms[occ.start - 1 : occ.start] == [","] else 1))
    named_whole = occ.start == 0 or (whole is not None and not s.mentions[whole].generic)
    if members and named_whole and tuple(s.norms[occ.start : occ.end]) in s.cues.words("composition_openers"):
        # "JNIM, composed of A, B and C", "Composed of A, B and C, JNIM ...": a named whole's parts are its
        # members (member-of), not allies
        return
    if len(members) == 1 and s.norms[occ.start] == "allied" and s.norms[occ.start - 1 : occ.start] == ["and"]:
        # "the Malian Armed Forces and allied Wagner mercenaries": the ally of the one named just before
        before = s.at_end.get(occ.start - 2)
        if before is not None and s.party(before) and s.mentions[before].actor != s.mentions[k].actor:
            yield s.mentions[before], s.mentions[k], cue.kind
        return
    if len(members) < 2:
        k, _ = s.left_mention(occ.start, reach=5)
        members = s.group(k) if k is not None else []
    if len(members) < 2 and cue.relation_kind == "joint-action" and not s.separate():
        members = agent(s, occ)  # "A and B fighters were reported to have carried out joint attacks"
    members = [m for m in members if s.party(m)]
    for a, b in combinations(members, 2):
        yield s.mentions[a], s.mentions[b], cue.kind


def _past_compound(s: Sentence, j: int) -> int:
    """The token after an article and a hyphen compound ("the al-Qaeda-aligned", "the IS-affiliated")."""
    n = len(s.toks)
    p = j + 1 if j < n and s.norms[j] == "the" else j
    start = p
    if p in s.at_start and s.mentions[s.at_start[p]].role == "modifier":
        p = s.mentions[s.at_start[p]].tok_end  # a named modifier: "al-Qaeda"
    else:
        p += 1  # a word: "IS"
    if p + 1 < n and s.norms[p] == "-" and s.norms[p + 1] in s.cues.single("modifier_heads"):
        return p + 2
    return start


def _joint_subject(s: Sentence, occ: Occurrence, cue: Cue):
    """"French and Malian troops entered Gao", "A and B jointly patrol the border": a
    coordinated subject of a verb of movement or control acted together."""
    if s.separate() or passive(s, occ) or s.determined(occ):
        return
    k, _ = s.left_mention(occ.start, reach=8)
    if k is None or k in s.patient_of:
        return
    subjects = [m for m in s.group(k) if s.party(m) and not s.mentions[m].generic]
    if len({s.mentions[m].actor for m in subjects}) < 2:
        return
    gap = s.norms[s.mentions[subjects[-1]].tok_end : occ.start]
    if any(w not in s.cues.single("participle_adverbs") | {"also", "then", "later", "jointly", "together", "both",
                                                             "had", "have", "has", "finally", "eventually"} for w in gap):
        return  # the verb is not the coordinated subject's own
    for a, b in combinations(subjects, 2):
        if s.mentions[a].actor != s.mentions[b].actor:
            yield s.mentions[a], s.mentions[b], cue.kind


def _pitted(s: Sentence, occ: Occurrence, cue: Cue):
    """"the fighting pitted A against B", "clashes pitting A and B against C": the side after the verb
    fought the side after "against"; "A was pitted against B": the subject is the first side."""
    j = s.find_word(occ.end, {"against"}, 24)
    if j is None:
        return
    k = next((s.at_start[x] for x in range(occ.end, j) if x in s.at_start and s.party(s.at_start[x])
              and not s.mentions[s.at_start[x]].generic), None)
    if k is None and passive(s, occ):
        k, _ = s.left_mention(occ.start)
    # ("against ex-rebels from the CMA": the first name after "against")
    other = next((s.at_start[x] for x in range(j + 1, min(len(s.toks), j + 9)) if x in s.at_start
                  and s.party(s.at_start[x]) and not s.mentions[s.at_start[x]].generic), None)
    if other is not None and any(s.is_break(x) for x in range(j + 1, s.mentions[other].tok_start)):
        other = None
    if k is None or other is None:
        return
    one = [m for m in s.group(k, forward_only=True) if s.party(m) and s.mentions[m].tok_start < j]
    enemies = [m for m in s.group(other, forward_only=True) if s.party(m)]
    yield from _two_sides(s, one, enemies, cue.kind, allies=(True, True))


FRAME_FUNCS = {
    "pitted": _pitted,
    "symmetric": _symmetric,
    "group": _group,
    "joint_subject": _joint_subject,
}

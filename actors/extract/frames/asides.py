"""Stretches a subject search passes over: a parenthetical or an apposition between a subject
and its verb ("JNIM, the Malian army said, attacked ...", "X, a splinter group of AQIM, attacked
..."), and the named head of an apposition whose relative clause holds the verb ("the CMA, an
alliance of armed groups that had signed ...").

Helpers of :class:`actors.extract.frames.sentence.Sentence` (its subject search and its lists); each
takes the sentence (or its words) first. Also: what only names (a former name, a part's parent in
an apposition), a name set off by commas, a splinter listed with its parent, a source phrase.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actors.extract.frames.sentence import Sentence

__all__ = ["apposition_head", "apposed_name", "branch_apposition", "in_source", "names_only", "offshoot_after",
           "parenthetical_start", "relative_aside"]

# words opening an adverbial aside between a subject and its verb (", despite their rivalry,")
_ADVERBIAL_OPENERS = frozenset({"despite", "in", "on", "during", "after", "before", "at", "near", "since", "following",
                                "amid", "notably", "reportedly", "however", "meanwhile", "then", "also", "once", "again"})


def apposition_head(s: Sentence, rel: int) -> int | None:
    """The party named before an apposition ("X, a coalition of armed groups") whose relative
    clause opens at ``rel``; no name may stand inside the apposition but in a description
    ("X, a coalition of five al-Qaeda aligned groups that ...")."""
    p = rel - 1
    while p > max(0, rel - 11) and s.norms[p] != "," and not s.is_break(p):
        if p in s.at_end and not s.mentions[s.at_end[p]].generic and s.mentions[s.at_end[p]].role == "party":
            return None
        p -= 1
    if p < 1 or s.norms[p] != "," or s.norms[p + 1] not in {"a", "an", "the"} or (p - 1) not in s.at_end:
        return None
    return s.at_end[p - 1] if s.party(s.at_end[p - 1]) else None


def parenthetical_start(s: Sentence, comma: int) -> int | None:
    """", backed by French troops," ends at ``comma``: the opening comma's index."""
    p = comma
    while p > max(0, comma - 40):
        p -= 1
        if s.norms[p] == "," and (p + 1) in s.at_start and (p - 1) in s.at_end and any(
                s.norms[x] == "and" for x in range(p + 1, comma)):
            continue  # "along with A, B and C,": a comma inside the aside's list
        if s.norms[p] == ",":
            first = s.norms[p + 1] if p + 1 < comma else ""
            occ = next((o for o in s.relation_occ if o.start == p + 1), None)
            if comma - p <= 12 and (first.endswith("ed") or (occ is not None and any(c.frame == "companion" for c in occ.cues))):
                return p
            if comma - p <= 8 and s.norms[comma - 1] in s.cues.single("statement_verbs") and p > 0 \
                    and (p - 1) in s.at_end:
                return p  # "JNIM, the Malian army said, attacked ...": the speaker's aside is no subject
            if comma - p <= 8 and first in {"with", "without"} and p > 0 and (p - 1) in s.at_end:
                return p  # "the Malian army, with French air support, recaptured Gao": the aside is no subject
            if comma - p <= 12 and first.endswith("ing") and any(
                    p < o.start < comma and any(c.frame == "companion" for c in o.cues) for o in s.relation_occ):
                return p  # ", working alongside the Malian army,": who came along is no subject
            if first in _ADVERBIAL_OPENERS and comma - p <= 10 and p > 0 and (p - 1) in s.at_end and not any(
                    x in s.at_start and s.party(s.at_start[x]) for x in range(p + 1, comma)):
                return p  # "JNIM and the ISGS, despite their rivalry, attacked ...": an adverbial aside
            listed = comma + 1 < len(s.toks) and s.norms[comma + 1] in {"and", "or"}
            if first in {"by", "now", "then", "still", "already", "long"} and p + 3 < comma and {"a", "an"} & set(s.norms[p + 2 : p + 4]):
                first = "a"  # ", by then a JNIM-aligned group,": an apposition all the same
            if first in {"both", "all", "each"} and p + 2 < comma and (s.norms[p + 2] in s.cues.single("member_nouns") or s.norms[p + 2] in {"part", "a", "an"}):
                first = "a"  # "the MNLA and the HCUA, both members of the CMA, clashed": an apposition
            if first in {"both", "all", "each"} and p + 2 < comma and (
                    s.norms[p + 2].endswith("ed") or (s.norms[p + 2],) in s.cues.words("irregular_participles")):
                return p  # "Burkina Faso, Mali and Niger, all run by military juntas, quit ECOWAS": a participle aside
            if first in {"a", "an"} and not listed:  # ", a Mi-8, and a L-39" is a list
                # ", a predominantly Tuareg Islamist group,", ", a splinter group of AQIM,",
                # ", a group founded by X with support from Y,": an apposition, whoever it names
                return p
            if first in {"which", "who"} and comma - p <= 14 and relative_aside(s, p, comma):
                return p  # "Ansarul Islam, which is linked to JNIM, attacked": the relative clause is aside
            if first == "the" and branch_apposition(s, p, comma):
                return p  # "X, the Sahel branch of the Islamic State, attacked": an apposition too
            # "the G5 Sahel Joint Force, which includes troops from Mali, Niger and Chad, launched":
            # a relative clause holding a list of its own is aside too
            rel = next((q for q in range(p - 1, max(0, comma - 26), -1) if s.norms[q] == ","
                        and s.norms[q + 1] in {"which", "who"}), None)
            if rel is not None and rel > 0 and (rel - 1) in s.at_end and not any(
                    s.is_break(x) and s.norms[x] != "," for x in range(rel + 2, comma)):
                return rel
            return None
        if s.norms[p] == ")":  # "(AQIM)" inside the apposition
            depth, q = 0, p
            while q >= 0:
                depth += {")": 1, "(": -1}.get(s.norms[q], 0)
                if depth == 0:
                    break
                q -= 1
            p = q
            continue
        if s.is_break(p) and not (s.norms[p] == "then" and s.norms[p - 1] == "by") \
                and not (s.norms[p] in {"which", "who"} and s.norms[p - 1] == ",") \
                and not (s.norms[p] in _ADVERBIAL_OPENERS and s.norms[p - 1] == ","):
            return None
    return None


def relative_aside(s: Sentence, p: int, comma: int) -> bool:
    """", which is linked to JNIM," between a named head and the verb that follows it."""
    if (p - 1) not in s.at_end or comma + 1 >= len(s.toks):
        return False
    nxt = s.toks[comma + 1]
    return nxt.text.islower() and nxt.norm not in {"and", "or", "but", "which", "who"} and (comma + 1) not in s.at_start


def branch_apposition(s: Sentence, p: int, comma: int) -> bool:
    """", the Sahel branch of the Islamic State," between a named head and its verb: the
    segment names a part of a group ("branch of", "'s wing") and the clause goes on with a verb."""
    nouns = s.cues.single("member_nouns") | s.cues.single("part_nouns")
    if (p - 1) not in s.at_end or comma + 1 >= len(s.toks):
        return False
    nxt = s.toks[comma + 1]
    if not nxt.text.islower() or nxt.norm in {"and", "or"} or (comma + 1) in s.at_start:
        return False  # "A, the armed wing of B, and C": a list
    return any(s.norms[x] in nouns and (s.norms[x + 1] == "of" or s.norms[x - 1] == "'s")
               for x in range(p + 2, comma - 1))


def offshoot_after(s: Sentence, gap: list[str]) -> int | None:
    """In the words between two names, "and a splinter group," / "and its offshoot" (``offshoot_nouns``):
    where the noun ends in ``gap``; else None."""
    if len(gap) < 3 or gap[0] != "and" or gap[1] not in {"its", "their", "a", "an"}:
        return None
    nouns = s.cues.words("offshoot_nouns")
    starts = (2, 3) if gap[2] in s.cues.single("splinter_adjectives") else (2,)  # "and its rival offshoot,"
    for at in starts:
        for z in (2, 1):
            if tuple(gap[at : at + z]) in nouns and all(w in {",", "the"} for w in gap[at + z :]):
                return at + z
    return None


def apposed_name(s: Sentence, comma: int) -> int | None:
    """The named party set off by the comma at ``comma`` as an apposition ("an al-Qaeda affiliate,
    JNIM, claimed"): a name right after it that a comma, a bracket, a dash or the sentence's end
    closes; else None."""
    k = s.at_start.get(comma + 1) if comma < len(s.norms) and s.norms[comma] == "," else None
    if k is None or s.mentions[k].generic or not s.party(k):
        return None
    end = s.mentions[k].tok_end
    if end + 1 < len(s.norms) and s.norms[end] == "," and (end + 1) in s.at_start and \
            any(s.norms[x] in ("and", "or") for x in range(end + 1, min(len(s.norms), end + 12))) and \
            not any(s.norms[x] in ("(", ")", "—", "–", ".", ";") for x in range(end + 1, min(len(s.norms), end + 3))):
        return None  # "formed by AQIM's Sahara branch, al-Murabitoun, Ansar Dine and ...": a list, no apposition
    return k if end >= len(s.norms) or s.norms[end] in {",", "(", ")", "—", "–", ".", ";"} else None


def in_source(s: Sentence, a: int, b: int) -> bool:
    """Mention ``a`` ends a source phrase ("according to the UN and a statement by the US, Boko Haram
    is believed ...") that the comma before ``b`` closes: the source is no item of the list after it."""
    ms = s.mentions
    if [s.norms[x] for x in range(ms[a].tok_end, ms[b].tok_start)] != [","]:
        return False
    words = s.cues.words("source_openers")
    for j in range(ms[a].tok_start - 1, -1, -1):
        if s.norms[j] in {",", ";", ":"}:
            return False
        if any(tuple(s.norms[j : j + z]) in words for z in (1, 2, 3)):
            return True
    return False


def names_only(norms: list[str], m, cues) -> bool:
    """A party mention that only names: another's former or other name ("ISWAP, formerly known as
    X"), or the parent in an apposition of a part ("Katiba Serma, a JNIM unit, attacked")."""
    a, b = m.tok_start, m.tok_end
    former = cues.words("other_name_markers")
    if a > 1 and norms[a - 1] in cues.last_words("other_name_markers") and any(
            tuple(norms[max(0, a - z) : a]) in former for z in (2, 3)):
        return True
    parts = cues.single("part_nouns")
    return a > 1 and norms[a - 1] in ("a", "an") and norms[a - 2] == "," and (
        norms[b - 1] in parts or (b < len(norms) and norms[b] in parts))

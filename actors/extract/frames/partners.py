"""Frames naming an actor's partner through a possessive.

``possessed_ally``  A and its ally B; A and their (Russian) allies / partners / collaborators.
``possessed_part``  A ... its (Saharan) affiliate, B: B is a member of A.
``under_umbrella``  A operates under the B umbrella / the banner of B: A is a member of B.
``ally_of``         A, a close ally of B; A is an important partner to B: A and B are allies.

:func:`components` reads an umbrella and its component named in one reference ("JNIM's Katiba
Serma", "Katiba Macina (JNIM)", "JNIM/Katiba Macina").

"The Malian army and its ally the Wagner Group", "Malian soldiers and their Russian
collaborators", "the army, with its French partners": the possessive refers to the
actor named just before it, and the noun (``ally_nouns``) says the two are allies.
A state named only by its demonym before the noun ("their Russian collaborators") is
a mention of its own (:func:`actors.extract.state_references.group_reference`).
"""

from __future__ import annotations

from actors.extract.cues import Cue
from actors.extract.frames.countries import country_at
from actors.extract.frames.organisation import _ORGANISATIONS, _appositive_head
from actors.extract.frames.sentence import COPULAS, Occurrence, Sentence

__all__ = ["FRAME_FUNCS", "components"]

# words between the owner and the possessive: "A and their allies", "A, with its partners"
_LINKS = frozenset({"and", ",", "with", "alongside", "by"})


def _owner(s: Sentence, t: int) -> int | None:
    """The named party just before the possessive at token ``t`` ("A and their ...")."""
    j = t - 1
    while j >= 0 and t - j <= 2 and s.norms[j] in _LINKS:
        j -= 1
    if j == t - 1 or j not in s.at_end:
        return None
    k = s.at_end[j]
    first = s.mentions[s.group(k)[0]].tok_start
    before = s.toks[first - 1] if first > 0 and s.norms[first - 1] != "the" else s.toks[first - 2] if first > 1 else None
    if "," in s.norms[j + 1 : t] and before is not None and before.text.islower() and before.norm.endswith(("ing", "ed")):
        return None  # "while Cameroon has had success curbing Boko Haram, their Nigerian counterparts ...": an object
    return k if s.party(k) and not s.mentions[k].generic else None


def _partners(s: Sentence, t: int) -> list[int]:
    """The partners the possessive at ``t`` introduces: a demonym reference ending in an ally
    noun ("their African and French allies"), or the name after the noun ("its ally, Wagner")."""
    allies = s.cues.single("ally_nouns")
    j = t + 1
    while j < len(s.toks) and j - t <= 5 and j not in s.at_start and s.norms[j] not in allies \
            and not s.is_break(j):
        j += 1  # "their African and French allies": words that name no actor
    if j in s.at_start:
        found = [k for k in s.group(s.at_start[j], forward_only=True) if s.party(k)]
        # "A and its Russian allies and B": the partners end at the ally noun
        ends = [i for i, k in enumerate(found) if s.norms[s.mentions[k].tok_end - 1] in allies
                or (s.mentions[k].tok_end < len(s.toks) and s.norms[s.mentions[k].tok_end] in allies)]
        return found[: ends[0] + 1] if ends else []
    if j < len(s.toks) and s.norms[j] in allies:
        # from the noun itself, so that a verb right after it ends the search ("its allies attacked Y");
        # "its ally, the Wagner Group": past the comma
        comma = j + 1 < len(s.toks) and s.norms[j + 1] == ","
        k = s.right_mention(j + 1 if comma else j, reach=6, allow_possessor=False, stop_comma=not comma)
        finite = s.cues.single("finite_verbs")
        if k is None or s.mentions[k].generic or any(x in s.verb_starts or s.norms[x] in finite
                                                     for x in range(j + 1, s.mentions[k].tok_start)):
            return []  # "France and its partners announced the withdrawal of Takuba": a verb's object, no name of theirs
        return [x for x in s.group(k, forward_only=True) if s.party(x) and not s.mentions[x].generic]
    return []


def _possessed_ally(s: Sentence, occ: Occurrence, cue: Cue):
    owner = _owner(s, occ.start)
    if owner is None:
        return
    for k in _partners(s, occ.start):
        if s.mentions[k].actor != s.mentions[owner].actor:
            yield s.mentions[owner], s.mentions[k], cue.kind


def _possessed_part(s: Sentence, occ: Occurrence, cue: Cue):
    """"AQIM said it carried out the attack, using fighters from its Saharan affiliate,
    al-Mourabitoun": the part named after the noun is a member of the group "its" refers to,
    the nearest named organisation before it."""
    t = next((j for j in range(occ.start - 1, max(-1, occ.start - 4), -1) if s.norms[j] in {"its", "their"}), None)
    if t is None or any(j in s.covered or s.is_break(j) for j in range(t + 1, occ.start)):
        return
    owner = next((k for k in sorted(s.real, key=lambda k: -s.mentions[k].tok_end)
                  if s.mentions[k].tok_end <= t and not s.mentions[k].generic), None)
    if owner is None or getattr(s.matcher.dictionary.get(s.mentions[owner].actor), "kind", "") not in _GROUPS:
        return
    comma = occ.end < len(s.toks) and s.norms[occ.end] == ","
    k = s.right_mention(occ.end + 1 if comma else occ.end, reach=4, allow_possessor=False, stop_comma=not comma)
    if k is not None and not s.mentions[k].generic and s.mentions[k].actor != s.mentions[owner].actor:
        if s.cues.single("splinter_adjectives") & set(s.norms[t + 1 : occ.start]):
            yield s.mentions[k], s.mentions[owner], "split-from"  # "its dissident branch, ISWAP": a splinter
        else:
            yield s.mentions[k], s.mentions[owner], cue.kind


_GROUPS = frozenset({"jihadist group", "rebel movement", "coalition", "militia"})


def _under_umbrella(s: Sentence, occ: Occurrence, cue: Cue):
    """"Ansarul Islam operates under the JNIM umbrella", "... under the banner of the CSP": the
    subject is a member of the organisation named with the noun."""
    if occ.start >= 3 and s.norms[occ.start - 1] != "of" and (occ.start - 1) in s.at_end:
        org = s.at_end[occ.start - 1]  # "under the JNIM umbrella"
        opening = s.mentions[org].tok_start - 2
    elif occ.end < len(s.toks) and s.norms[occ.end] == "of":
        org = s.right_mention(occ.end + 1, reach=3, allow_possessor=False)  # "under the umbrella of JNIM"
        opening = occ.start - 2
    else:
        return
    if org is None or opening < 1 or s.norms[opening : opening + 2] != ["under", "the"] \
            or getattr(s.matcher.dictionary.get(s.mentions[org].actor), "kind", "") not in _GROUPS:
        return
    k, _ = s.left_mention(opening, reach=8)
    for m in s.group(k) if k is not None else []:
        if s.party(m) and not s.mentions[m].generic and s.mentions[m].actor != s.mentions[org].actor:
            yield s.mentions[m], s.mentions[org], cue.kind


def _ally_of(s: Sentence, occ: Occurrence, cue: Cue):
    """"Chad, a close ally of France,", "Mali is an important regional partner to the United
    States", "Chad and Niger remained key partners of France": the actor the noun describes (by
    apposition or a copula) and each one named right after it are allies. A past partnership
    ("a former ally of") is not drawn: the text gives no date for its end."""
    if any(w in s.cues.single("former_markers") for w in s.norms[max(0, occ.start - 4) : occ.start]):
        return
    head = _appositive_head(s, occ.start)
    if head is None or s.mentions[head].generic or not s.party(head):
        return
    heads = [head]
    if s.mentions[head].tok_end < len(s.toks) and s.norms[s.mentions[head].tok_end] in COPULAS:
        heads = [k for k in s.group(head) if s.party(k) and not s.mentions[k].generic]
    k = s.right_mention(occ.end, reach=3, allow_possessor=False)
    if k is not None:
        partners = [s.mentions[b] for b in s.group(k, forward_only=True) if s.party(b)]
    else:  # "a close ally of France": a country's name after the noun is the state
        state = country_at(s, occ.end + (s.norms[occ.end : occ.end + 1] == ["the"]), s.mentions[head])
        partners = [state] if state is not None else []
    for a in heads:
        for b in partners:
            if not b.generic and b.actor != s.mentions[a].actor:
                yield s.mentions[a], b, cue.kind


_COMPONENT_KINDS = frozenset({"jihadist group", "rebel movement", "militia"})


def components(s: Sentence) -> list[tuple]:
    """Umbrella and component named together, in one reference: "JNIM's Katiba Serma",
    "Katiba Macina (JNIM)", "JNIM/Katiba Macina": (component, whole) pairs, member-of.

    The whole is a coalition (or, after a possessive, any organisation); the component a
    group. "Ansar Dine's MNLA allies" names a counterpart, not a component.
    """
    out = []
    d = s.matcher.dictionary
    ms = s.mentions
    for k in range(len(ms) - 1):
        a, b = ms[k], ms[k + 1]
        if a.generic or b.generic or a.actor == b.actor:
            continue
        gap = tuple(s.norms[a.tok_end : b.tok_start])
        ka, kb = d.get(a.actor), d.get(b.actor)
        if ka is None or kb is None:
            continue
        after = s.norms[b.tok_end] if b.tok_end < len(s.toks) else ""
        parts = s.cues.single("part_nouns")
        if gap[:1] in (("'s",), ("'",)) and all(w in parts for w in gap[1:]) and a.role == "possessor" and b.role == "party":
            # "JNIM's Katiba Serma", "AQIM's Katibat al-Murabitun" (a unit noun before the name)
            whole, part = (a, ka), (b, kb)  # "JNIM's Katiba Serma"; "al-Qaeda's JNIM", a coalition under a group
            if after in s.cues.single("counterpart_nouns") or ka.kind not in _ORGANISATIONS - {"international mission"}:
                continue
            if kb.kind == "coalition" and ka.kind != "coalition":
                out.append((b, a))
                continue
        elif gap == ("(",) and after == ")" and a.role == "party":
            whole, part = (b, kb), (a, ka)  # "Katiba Macina (JNIM)"
            if kb.kind != "coalition" or a.tok_start > 0 and s.norms[a.tok_start - 1] in {"against", "versus", "vs"}:
                continue  # (but "the Multinational Joint Task Force against Boko Haram (MNJTF)": the name's end)
        elif gap == ("/",) and a.role == b.role == "party" and (ka.kind == "coalition") != (kb.kind == "coalition"):
            whole, part = ((a, ka), (b, kb)) if ka.kind == "coalition" else ((b, kb), (a, ka))  # "JNIM/Katiba Macina"
        else:
            continue
        if part[1].kind in _COMPONENT_KINDS:
            out.append((part[0], whole[0]))
    return out


FRAME_FUNCS = {"ally_of": _ally_of, "possessed_ally": _possessed_ally, "possessed_part": _possessed_part, "under_umbrella": _under_umbrella}

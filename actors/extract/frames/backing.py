"""Support named by a noun: the owner of "support" after "with" backed the clause's subject.

``backing_noun``  "X retook Konna with French (air) support": France backed X.
``provision``     "X provided airlift to Y", "X gave Y training": X backed Y.
:func:`backing_mentions` reads a state's force named by its support ("French air support").
"""

from __future__ import annotations

from actors.extract.cues import Cue
from actors.extract.frames.agents import governed
from actors.extract.frames.countries import countries_at
from actors.extract.frames.attribution import RelationMatch
from actors.extract.frames.sentence import Occurrence, Sentence

__all__ = ["FRAME_FUNCS", "backing_mentions"]


def _backing_noun(s: Sentence, occ: Occurrence, cue: Cue):
    """"Malian forces retook Konna with French military support": France backed Mali.

    The noun's owner is the mention right before it (past words such as "military" or "air"
    from the ``support_modifiers`` list), itself right after "with"; the backed side is the
    clause's subject before "with".
    """
    j = occ.start - 1
    k = s.at_end.get(j)  # "French military" may be one mention (a state's force)
    while k is None and j >= 0 and s.norms[j] in s.cues.single("support_modifiers"):
        j -= 1
        k = s.at_end.get(j)
    if k is not None:
        yield from _backed(s, k, cue.kind)


def _provision(s: Sentence, occ: Occurrence, cue: Cue):
    """"The United States provided airlift to Chad and Togo", "provided significant support for
    Chad's special forces", "France provided the Malian army with intelligence": the giver (the
    subject) backed each recipient. What is given is one of ``provided_nouns`` (support, training,
    weapons, not troops: those are a contribution); the recipient, after "to" or "for" (past
    words of ``recipient_words``: "the governments of"), or right after the verb before "with"."""
    nouns = s.cues.single("provided_nouns")
    giver, _ = s.left_mention(occ.start, reach=4)
    if giver is None or s.mentions[giver].generic or not s.party(giver) or giver in s.patient_of:
        return
    with_ = s.find_word(occ.end, {"with"}, 6)
    first = s.right_mention(occ.end, reach=4, allow_possessor=True)
    if with_ is not None and first is not None and s.mentions[first].tok_end <= with_ \
            and any(s.norms[x] in nouns for x in range(with_ + 1, min(len(s.toks), with_ + 5))):
        recipient = first  # "provided the Malian army with intelligence"
    else:
        to = s.find_word(occ.end, {"to", "for"}, 9)
        if to is None or not any(s.norms[x] in nouns for x in range(occ.end, to)) \
                or any(x in s.at_start for x in range(occ.end, to)):
            return
        j = to + 1
        words = s.cues.single("recipient_words")
        while j < len(s.toks) and j not in s.at_start and j - to <= 4 and s.norms[j] in words:
            j += 1  # "to the governments of Chad, ...", not "to fight JNIM"
        recipient = s.at_start.get(j)
    recipients = countries_at(s, j, s.mentions[giver]) if recipient is None else [  # "airlift to Chad and Togo"
        s.mentions[b] for b in s.group(recipient, forward_only=True) if s.party(b, allow_possessor=True)]
    for a in s.group(giver):
        for b in recipients:
            if s.party(a) and not b.generic and s.mentions[a].actor != b.actor:
                yield s.mentions[a], b, cue.kind


def backing_mentions(s: Sentence):
    """"retook Konna with French air support": a state's force named by its support ("air
    support" is a force noun) after "with" backed the clause's subject (allied-with, support)."""
    nouns = s.cues.single("support_nouns")
    for k, m in enumerate(s.mentions):
        if m.tok_end - m.tok_start > 1 and s.norms[m.tok_end - 1] in nouns:
            for a, b, relation in _backed(s, k, "allied-with"):
                yield RelationMatch(a, b, relation, "with-backing", b.tok_start, b.tok_end, relation_kind="support")


def _backed(s: Sentence, k: int, relation: str):
    if s.mentions[k].generic or not s.party(k):
        return
    w = s.mentions[s.group(k)[0]].tok_start - 1
    if w >= 0 and s.norms[w] == "the":
        w -= 1
    if w < 0 or s.norms[w] != "with":
        return
    verb = next((o for o in s.relation_occ if o.end == w and any(c.kind == "fought-against" for c in o.cues)), None)
    if verb is not None and s.norms[verb.end - 1].endswith("ed") and verb.start >= 1 \
            and (verb.start - 1) not in s.at_end and s.toks[verb.start - 1].text[:1].isalpha():
        return  # "ISIS Bases On Lake Chad Bombed With U.S. Support": a passive, the unnamed bomber backed, not ISIS
    principal, _ = s.left_mention(w)
    if principal is None:
        return
    first = s.mentions[s.group(principal)[0]].tok_start
    opener = first - (2 if s.norms[first - 1 : first] == ["the"] else 1)
    if opener >= 0 and s.norms[opener] in {"after", "before", "following", "amid", "during", "despite"}:
        # "seized Kidal after the UN withdrawal, with Wagner support": the support is the subject's
        principal, _ = s.left_mention(opener)
        if principal is None:
            return
    if principal in s.patient_of:
        # "retook Konna from Islamist rebels with French support": the support is the attackers'
        principals = [m for m in s.agent_of_cue.get(s.patient_of[principal], [])]
    elif governed(s, s.mentions[s.group(principal)[0]].tok_start):
        return
    else:
        principals = s.group(principal)
    for a in principals:
        for b in s.group(k):
            if s.party(a) and s.mentions[a].actor != s.mentions[b].actor:
                yield s.mentions[a], s.mentions[b], relation


FRAME_FUNCS = {"backing_noun": _backing_noun, "provision": _provision}

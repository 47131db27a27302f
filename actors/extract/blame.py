"""Blame: someone says a named party carried out the attack just told (alleged, by the one who blames).

"Officials blamed the attack on X", "the ambush was attributed to X", "X is
suspected", "Y accused X of the attack", "Y blamed X for the ambush": X is the
party; the relation it gets is ``alleged``, by the subject (``Party.by``). It
refers back, like a claim, only to what was just told: the attack noun after
the preposition is definite ("the attack", "it"), and nothing new is named
(:mod:`actors.extract.context` has the claims and denials;
:mod:`actors.extract.claims` applies them).

The words are data: the cue file's word lists ``suspicion_phrases``,
``blame_on_verbs``, ``blame_to_verbs``, ``accusing_verbs`` and ``accused_acts``.

>>> from actors.extract.pipeline import Extractor
>>> from actors.text.tokens import tokenize
>>> from actors.extract.mentions import find_mentions
>>> ex = Extractor.load()
>>> toks = tokenize("The CMA accused Malian forces of the attack.")
>>> party = blame(ex.cues, toks, find_mentions(ex.matcher, toks))
>>> party.actor, party.by, party.status
('mali', 'cma', 'alleged')
"""

from __future__ import annotations

from typing import Sequence

from actors.extract.context import (_CLAUSE_END, Party, _attack_forms, _claimant_after, _coordinated, _maybe,
                                    _negated, _party_before, _phrases, _speech)
from actors.extract.cues import CueSet
from actors.extract.mentions import Mention
from actors.text.tokens import Token

__all__ = ["blame"]

_PASSIVE = frozenset({"is", "are", "was", "were", "been", "being"})  # "the attack was attributed to", "X was accused"


def blame(cues: CueSet, tokens: Sequence[Token], mentions: Sequence[Mention],
          norms: Sequence[str] | None = None) -> Party | None:
    """Someone blames an attack told before on a named party: "officials blamed the attack on X",
    "the army attributed the ambush to X", "the attack was attributed to X". The party is X; the
    relation is alleged, by the subject (``Party.by``)."""
    norms = norms if norms is not None else [t.norm for t in tokens]
    found = None
    suspicion = cues.words("suspicion_phrases")
    for a, b in _phrases(norms, suspicion) if _maybe(norms, suspicion) else ():
        # "JNIM is widely suspected", "X is believed to be behind the attack", "X was blamed for it"
        if _negated(cues, norms, a):
            continue
        p = _party_before(cues, mentions, tokens, norms, a)
        rest = norms[b : b + 3]
        back = (not rest or rest[0] in _CLAUSE_END or rest[0] in ("it", "this", "them")
                or (len(rest) > 1 and (rest[0],) in cues.words("definite_determiners")
                    and any(rest[1] == f[0] for f in _attack_forms(cues))))
        if p.named and back:  # suspected of what was just told, nothing new
            # "ISGS and MOJWA militants were responsible": suspected together
            found = Party(p.mention, p.words, a, True, blamed=True,
                          others=_coordinated(mentions, norms, p.mention, articles=True, speech=_speech(cues)))
    for words, prep in (("blame_on_verbs", "on"), ("blame_to_verbs", "to")):
        verbs = cues.single(words)
        if verbs.isdisjoint(norms):
            continue  # no such verb in the sentence
        for j, w in enumerate(norms):
            if w not in verbs or _negated(cues, norms, j):
                continue
            at = next((x for x in range(j + 1, min(len(norms), j + 6)) if norms[x] == prep), None)
            if at is None or any(w2 in _CLAUSE_END for w2 in norms[j + 1 : at]):
                continue
            if at > j + 1 and not any((w2,) in cues.words("definite_determiners") for w2 in norms[j + 1 : at]):
                continue  # "blamed the attack on", "attributed it to": what is blamed points back
            party = _claimant_after(cues, mentions, norms, at + 1)
            if party is None or party.generic:
                continue
            passive = j > 0 and norms[j - 1] in _PASSIVE
            if passive:  # "the attack is attributed to JNIM by local sources": who says so follows "by"
                at_by = next((x for x in range(party.tok_end, min(len(norms), party.tok_end + 3)) if norms[x] == "by"),
                             None)
                named = next((m for m in mentions if at_by is not None and at_by < m.tok_start <= at_by + 3
                              and not m.generic), None)
                words = " ".join(t.text for t in tokens[at_by + 1 : at_by + 4]
                                 if t.norm not in _CLAUSE_END) if at_by is not None else ""
                by_id, by_words = (named.actor, named.text) if named else (words, words)
            else:
                by = _party_before(cues, mentions, tokens, norms, j)
                by_id, by_words = by.actor, by.words
            # "blamed the attack on the Malian military and the Wagner Group": blamed together
            found = Party(party, party.text, j, True, blamed=True, by=by_id, by_words=by_words,
                          others=_coordinated(mentions, norms, party, articles=True, speech=_speech(cues)))
    return _accusation(cues, tokens, mentions, norms) or found


def _accusation(cues: CueSet, tokens: Sequence[Token], mentions: Sequence[Mention],
                norms: Sequence[str]) -> Party | None:
    """"The CMA accused Malian forces of the attack", "... of perpetrating it", "Y blamed X for the
    ambush": the accused right after the verb (and those named with it), then "of" or "for", words
    of acting (``accused_acts``), and the attack told before (definite) or "it"."""
    verbs = cues.single("accusing_verbs")
    if verbs.isdisjoint(norms):
        return None
    acts = cues.words("accused_acts")
    for j, w in enumerate(norms):
        if w not in verbs or _negated(cues, norms, j) or (j > 0 and norms[j - 1] in _PASSIVE):
            continue
        party = _claimant_after(cues, mentions, norms, j + 1)
        if party is None or party.generic:
            continue
        # the accused listed up to "of"/"for": "Malian forces and the Russian paramilitary Wagner Group of"
        end = next((x for x in range(party.tok_end, min(len(norms), party.tok_end + 10)) if norms[x] in ("of", "for")
                    and not any(m.tok_start < x < m.tok_end for m in mentions)), None)
        listed = _listed_to_the_end(mentions, norms, party)
        if end is None and listed is not None:
            # "The army blamed the Islamic State in the Greater Sahara.": for what was just told
            by = _party_before(cues, mentions, tokens, norms, j)
            return Party(party, party.text, j, True, blamed=True, by=by.actor, by_words=by.words, others=listed)
        if end is None or any(w in _CLAUSE_END and w != "," for w in norms[party.tok_end : end]):
            continue
        others = tuple(m for m in mentions if party.tok_end <= m.tok_start < end and not m.generic
                       and m.role == "party" and m.actor != party.actor)
        x = end + 1
        for size in (3, 2, 1):
            if tuple(norms[x : x + size]) in acts:
                x += size
                break
        rest = norms[x : x + 2]
        back = rest[:1] in (["it"], ["this"]) or (len(rest) == 2 and (rest[0],) in cues.words("definite_determiners")
                                                 and any(rest[1] == f[0] for f in _attack_forms(cues)))
        if not back or any(m.tok_start > x for m in mentions if m.tok_start <= x + 6 and m not in others):
            continue  # "of the attack on X": it names something new
        by = _party_before(cues, mentions, tokens, norms, j)
        return Party(party, party.text, j, True, blamed=True, by=by.actor, by_words=by.words, others=others)
    return None


def _listed_to_the_end(mentions: Sequence[Mention], norms: Sequence[str], party: Mention) -> tuple | None:
    """The others named with ``party`` when nothing but them follows it to the sentence's end
    ("blamed JNIM and the ISGS."); None when more follows."""
    others, x = [], party.tok_end
    while x < len(norms) and norms[x] in {"and", ",", "the", "or"}:
        nxt = next((m for m in mentions if m.tok_start == x + 1 or (m.tok_start == x + 2 and norms[x + 1] == "the")), None)
        if nxt is None or nxt.generic:
            break
        others.append(nxt)
        x = nxt.tok_end
    return tuple(others) if x >= len(norms) or norms[x] in {".", "!"} and x == len(norms) - 1 else None

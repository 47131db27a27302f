"""Relation finding: which actor mentions a cue word binds, and how.

Cue words live in ``data/cues.toml``; the frame families of :mod:`actors.extract.frames`
define what each *frame* means, and this module runs every cue of a sentence through
its frame. Matching returns :class:`RelationMatch` values (find first); turning them
into dated events and table rows is :mod:`actors.extract.events`' job.

Frames (general clause patterns, never fitted to one sentence):

``transitive``  agent VERB patient ("JNIM ambushed Malian soldiers"); passive with
                an agent ("Malian forces were ambushed by JNIM", "X, backed by Y");
                "VERB ... from Y" for captures.
``nominal``     NOUN against/on Y, with the agent before the noun, after "by", or
                the clause subject ("X launched an offensive against Y").
``symmetric``   NOUN between A and B (and C); A and B VERB each other; A VERB with B.
``companion``   X ... with the help of / alongside / embedded with Y.
``group``       co-belligerents A, B and C: every pair.
``modifier``    X-linked / X-backed / X-affiliated Y.
``split``       X, a splinter group of Y; a Y breakaway group; ..., calling itself X.
``split_verb``  X broke away from Y.
``member``      X, a member / an affiliate / a branch of Y (apposition or copula only).
``member_verb``  X joined Y; X pledged allegiance to Y.
``coalition``   Y, a coalition of A, B and C; Y, formed by A and B.
``merger``      A, B and C merged to form Y.
``recognition`` Y recognised X as one of its affiliates.

A status (claimed, alleged, denied) comes from the nearest attributing verb
before the cue in the same clause chain, "according to"/"per" anywhere in it,
or a hedging adverb; the claimant is the actor (or words) before that verb.

>>> from actors.extract.dictionary import load_dictionary
>>> from actors.extract.mentions import build_matcher, find_mentions
>>> from actors.text.tokens import tokenize
>>> matcher, cues = build_matcher(load_dictionary()), load_cues()
>>> toks = tokenize("Malian security sources alleged that the MNJ was embedded with the ATNM.")
>>> [(r.source.actor, r.relation, r.target.actor, r.status, r.claimed_by)
...  for r in find_relations(cues, matcher, toks, find_mentions(matcher, toks))]
[('mnj', 'allied-with', 'atnm', 'alleged', 'mali')]
"""

from __future__ import annotations

from itertools import combinations
from typing import Sequence

from actors.extract.cues import FRAMES, CueSet, load_cues
from actors.extract.frames import action, organisation, sides
from actors.extract.frames.attribution import RelationMatch, attribute, status_before
from actors.extract.frames.sentence import Sentence
from actors.extract.matcher import Matcher
from actors.extract.mentions import Mention
from actors.text.tokens import Token

__all__ = ["RelationMatch", "find_relations", "load_cues", "FRAMES"]

# every frame of the cue file, by name: each frame family registers its own
_FRAME_FUNCS = {**action.FRAME_FUNCS, **sides.FRAME_FUNCS, **organisation.FRAME_FUNCS}


def find_relations(
    cues: CueSet,
    matcher: Matcher,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    *,
    previous_attackers: Sequence[Mention] = (),
) -> list[RelationMatch]:
    """Relations stated in one sentence (tokens and mentions of that sentence).

    ``previous_attackers`` are the attackers named by the previous sentence of the
    paragraph: "The attack was repulsed by X" then says X fought them.
    """
    s = Sentence(cues, matcher, tokens, mentions, previous_attackers)
    found: list[RelationMatch] = []
    for occ in s.relation_occ:
        if s.irrealis(occ):
            st = status_before(s, occ.start)
            if st is None or st.cues[0].kind != "denied":
                continue  # an intention or offer; under a denial it is still denied, so kept
        for cue in occ.cues:
            if cue.frame == "transitive" and s.determined(occ):
                continue  # "the attack", "an ambush": a noun, not a verb
            frame = _FRAME_FUNCS[cue.frame]
            for src, dst, relation in frame(s, occ, cue):
                found.append(attribute(s, occ, cue.id, src, dst, relation))
    found.extend(_unit_relations(s))
    return _dedupe(found, matcher)


def _unit_relations(s: Sentence) -> list[RelationMatch]:
    """Relations inside one reference: joint units and mission contingents."""
    out = []
    groups: dict[int, list[Mention]] = {}
    for m in s.mentions:
        if m.group >= 0:
            groups.setdefault(m.group, []).append(m)
        if m.contingent_of and m.contingent_of != m.actor:
            mission = Mention(m.contingent_of, m.start, m.end, m.tok_start, m.tok_end, m.text, via="contingent")
            out.append(RelationMatch(m, mission, "member-of", "contingent", m.tok_start, m.tok_end))
    for members in groups.values():
        for a, b in combinations(members, 2):
            out.append(RelationMatch(a, b, "allied-with", "joint-unit", a.tok_start, b.tok_end))
    # what a reference itself says is not under the sentence's claims or denials
    return out


def _dedupe(found: list[RelationMatch], matcher: Matcher) -> list[RelationMatch]:
    out, seen = [], set()
    for r in found:
        if r.source.actor == r.target.actor:
            continue
        if r.source.generic and r.target.generic:
            continue  # two unnamed sides say nothing about named actors
        if r.relation in ("split-from", "member-of") and (r.source.generic or r.target.generic):
            continue
        if r.relation in ("fought-against", "allied-with"):
            key = (r.relation, frozenset((r.source.actor, r.target.actor)))
        else:
            key = (r.relation, r.source.actor, r.target.actor)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out

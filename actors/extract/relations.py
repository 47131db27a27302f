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
``under_fire``  Y came under fire from X; Y was fired upon by X.
``joint_subject``  A and B entered Gao (a coordinated subject acting as one).

Inside one reference, without a cue: a joint unit ("Franco-Malian forces"), a
state's contingent in a mission ("Chadian MINUSMA peacekeepers") and an umbrella
with its component ("JNIM's Katiba Serma", "Katiba Macina (JNIM)").

Every allied-with and member-of relation carries its kind (``relation_kind``,
:data:`actors.schema.RELATION_KINDS`): the cue's own, as data, when the cue is of
that relation; ``joint-action`` for allies drawn from a fight ("A and B attacked
C"); ``contingent`` for a state's troops in an international mission.

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
from actors.extract.frames import (action, agreements, backing, companions, contingents, founding, modifiers, organisation,
                                   partners, sides)
from actors.extract.frames.agents import with_contingents
from actors.extract.frames.attribution import DESCRIPTIVE_FRAMES, RelationMatch, attribute, status_before
from actors.extract.frames.sentence import Sentence
from actors.extract.frames.targets import evaluation
from actors.extract.host_country import one_country
from actors.extract.matcher import Matcher, longest
from actors.extract.mentions import Mention
from actors.text.tokens import Token

__all__ = ["RelationMatch", "find_relations", "load_cues", "FRAMES"]

# every frame of the cue file, by name: each frame family registers its own
_FRAME_FUNCS = {**action.FRAME_FUNCS, **sides.FRAME_FUNCS, **companions.FRAME_FUNCS, **backing.FRAME_FUNCS, **agreements.FRAME_FUNCS, **organisation.FRAME_FUNCS, **partners.FRAME_FUNCS,
                **founding.FRAME_FUNCS, **contingents.FRAME_FUNCS, **modifiers.FRAME_FUNCS}


def find_relations(
    cues: CueSet,
    matcher: Matcher,
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    *,
    previous_attackers: Sequence[Mention] = (),
    attackers: list | None = None,
    unattributed: list | None = None,
    host: str | None = None,
) -> list[RelationMatch]:
    """Relations stated in one sentence (tokens and mentions of that sentence).

    ``previous_attackers`` are the attackers named by the previous sentence of the
    paragraph: "The attack was repulsed by X" or "Y fought them off" then says X
    fought them. ``attackers``, when given, receives this sentence's attackers,
    even those whose target is no actor ("X overran the village"), for the next.
    ``unattributed``, when given, receives ``(cue start, target mention)`` for each attack
    told with a named target and no attacker ("an attack on a Malian post"), which a claim of
    responsibility may attribute (:func:`actors.extract.context.claimed_attacks`). ``host``: the
    document's own state, if known (whose government "pro-government" means when the sentence names
    no country).
    """
    if tokens and tokens[-1].norm == "?":
        return []  # a question asserts nothing: "Did JNIM attack the base?"
    if not mentions and not previous_attackers:
        return []  # every relation, attacker and victim is one of the mentions (or the attackers before)
    s = Sentence(cues, matcher, tokens, mentions, previous_attackers)
    found: list[RelationMatch] = []
    verb_ends = {o.end - 1 for o in s.relation_occ if not s.determined(o)}  # ("an operation supported by": a noun)
    for occ in s.relation_occ:
        if s.irrealis(occ) and not all(c.standing and c.frame in DESCRIPTIVE_FRAMES for c in occ.cues):
            # (a description inside a noun phrase, "the al-Qaeda-aligned JNIM", holds whatever the verb)
            st = status_before(s, occ.start)
            if st is None or st.cues[0].kind != "denied":
                continue  # an intention or offer; under a denial it is still denied, so kept
        if occ.start > 0 and s.norms[occ.start - 1] in ("no", "without"):
            continue  # "there was no fighting between A and B", "took the town without a fight"
        if _purpose_of_founding(s, occ):
            continue  # "the four states set up the MNJTF to fight Boko Haram": what it was for, not an event
        if evaluation(s, occ):
            continue  # "This is the deadliest attack on security forces in Niger's history": the one told before
        for cue in occ.cues:
            if cue.kind == "allied-with" and s.irrealis(occ, "ended_relations"):
                continue  # "ending years of cooperation between the two groups": no alliance from here on
            if cue.kind == "allied-with" and _truce_or_left(s, occ):
                continue  # "signed a ceasefire agreement with X", "withdrew from the peace agreement with X"
            if cue.kind == "member-of" and _former(s, occ):
                continue  # "X, a former faction of Y": a past membership, its end undated
            if cue.frame == "transitive" and s.determined(occ):
                continue  # "the attack", "an ambush": a noun, not a verb
            if cue.frame == "transitive" and occ.end - occ.start == 1 and occ.end < len(s.toks) \
                    and s.toks[occ.end].text.islower() and s.norms[occ.end] in s.cues.single("adjectival_cue_heads") \
                    and not s.norms[occ.start].endswith(("ed", "ing")):
                continue  # "1,200 combat forces", "attack helicopters": an adjective
            if cue.frame == "transitive" and cue.kind == "allied-with" and occ.start - 1 in verb_ends:
                continue  # "fought armed jihadist groups": right after a verb, an adjective
            if cue.frame == "transitive" and occ.start > 0 and s.norms[occ.start - 1] == "-":
                continue  # "French-backed Malian troops": a compound adjective, not a verb (the modifier frame reads it)
            frame = _FRAME_FUNCS[cue.frame]
            for found_pair in frame(s, occ, cue):
                src, dst, relation = found_pair[:3]
                if relation in ("member-of", "split-from") and (_state_in_armed_group(matcher, src.actor, dst.actor)
                                                                or _hosts(matcher, dst.actor, src.actor)):
                    continue  # "JNIM, active in the Sahel, which includes Niger": no state is a member of an armed group
                    # (nor splits from one: "founded by Chadian army officers who had split from the UFDD")
                kind = found_pair[3] if len(found_pair) > 3 else relation_kind(cue, relation)
                if relation == "member-of" and src.via == "force" and _is_mission(matcher, dst.actor):
                    kind = "contingent"  # "a Dutch helicopter serving as part of MINUSMA": a state's troops
                # "JNIM and the ISGS, once allies, ...": an alliance told as past, its date not told
                past = relation == "allied-with" and occ.start > 0 and s.norms[occ.start - 1] in s.cues.single("past_relation_markers")
                # (a description is as it stands whatever it names: "its dissident branch, X" a split)
                described = cue.standing and (relation == cue.kind or cue.frame in DESCRIPTIVE_FRAMES)
                found.append(attribute(s, occ, cue.id, src, dst, relation, relation_kind=kind,
                                       standing=(described and kind != "contingent") or past))
    found.extend(_unit_relations(s, host))
    found.extend(backing.backing_mentions(s))
    if attackers is not None:
        attackers.extend(_attackers(s))
    if unattributed is not None:
        # a contingent's victims include its mission ("the Chadian peacekeepers' camp": MINUSMA's too)
        unattributed.extend((start, m) for start, ks in sorted(s.unattributed.items())
                            for m in with_contingents(s, list(ks)))
    return _dedupe(found, matcher)


def _attackers(s: Sentence) -> list[Mention]:
    """The subjects of this sentence's attack verbs (active: "X overran the village"), stated as
    fact (not denied, claimed, alleged or intended); a noun's attackers come with its relations."""
    out: list[Mention] = []
    if not s.agent_of_cue:
        return out
    for occ in s.relation_occ:
        agents = s.agent_of_cue.get(occ.start)
        if not agents or not any(c.kind == "fought-against" and c.frame == "transitive" for c in occ.cues):
            continue
        st = status_before(s, occ.start)
        if st is not None and st.cues[0].kind != "reported":
            continue  # "Mali accused X of attacking the village. Y repelled them": who "them" are is hearsay
        out.extend(s.mentions[a] for a in agents if s.party(a))
    return out


# the kind of a relation a frame draws from a cue of another relation: allies drawn
# from a fight acted together in it ("A and B attacked C"); a membership drawn from
# another cue is a plain membership
_DERIVED_KIND = {"allied-with": "joint-action", "member-of": "member"}


def relation_kind(cue, relation: str) -> str:
    """The kind of a relation found through ``cue``: the cue's own (data) when the
    relations agree, else the kind its frame implies."""
    if relation == cue.kind and cue.relation_kind:
        return cue.relation_kind
    return _DERIVED_KIND.get(relation, "")


def _is_mission(matcher: Matcher, actor_id: str) -> bool:
    actor = matcher.dictionary.get(actor_id)
    return actor is not None and actor.kind == "international mission"


def _hosts(matcher: Matcher, mission: str, state: str) -> bool:
    """The state is where the mission serves (its tag ``hosted-by-STATE``): its forces are no contingent
    of it ("the Malian army" beside "MINUSMA camps")."""
    actor = matcher.dictionary.get(mission)
    return actor is not None and f"hosted-by-{state}" in actor.tags


def _state_in_armed_group(matcher: Matcher, member: str, whole: str) -> bool:
    """A state named as a member of an armed group (one tagged with ``armed_group_tags``): never so."""
    a, b = matcher.dictionary.get(member), matcher.dictionary.get(whole)
    return a is not None and b is not None and "state" in a.tags \
        and bool(set(b.tags) & matcher.single("armed_group_tags"))


def _unit_relations(s: Sentence, host: str | None = None) -> list[RelationMatch]:
    """Relations inside one reference: joint units and mission contingents."""
    out = []
    groups: dict[int, list[Mention]] = {}
    for m in s.mentions:
        if m.group >= 0 and m.role != "modifier" and m.via != "resolved":
            # "the Malian-Mauritanian border" is no joint unit; nor is "the two groups" (read as both)
            groups.setdefault(m.group, []).append(m)
        if m.contingent_of and m.contingent_of != m.actor and not _hosts(s.matcher, m.contingent_of, m.actor):
            mission = Mention(m.contingent_of, m.start, m.end, m.tok_start, m.tok_end, m.text, via="contingent")
            # "the Chadian MINUSMA contingent": the contingent as it stands, not when it joined
            out.append(RelationMatch(m, mission, "member-of", "contingent", m.tok_start, m.tok_end,
                                     relation_kind="contingent", standing=True))
    for part, whole in partners.components(s):
        out.append(RelationMatch(part, whole, "member-of", "component", part.tok_start, whole.tok_end,
                                 relation_kind="member", standing=True))
    for members in groups.values():
        for a, b in combinations(members, 2):
            out.append(RelationMatch(a, b, "allied-with", "joint-unit", a.tok_start, b.tok_end,
                                     relation_kind="joint-action"))
    out.extend(_leanings(s, host))
    for a, b in _shared_unit(s):
        out.append(RelationMatch(a, b, "allied-with", "joint-unit", a.tok_start, b.tok_end, relation_kind="joint-action"))
    # what a reference itself says is not under the sentence's claims or denials
    return out


def _leanings(s: Sentence, host: str | None = None) -> list[RelationMatch]:
    """"the pro-Russian junta of Mali", "the pro-French militia GATIA": the named actor the phrase
    describes leans to that state (allied-with, kind link, as it stands); "the pro-government GATIA"
    to the government of the one country the sentence names, else of the document's ``host``."""
    out = []
    prefixes = s.cues.single("leaning_prefixes")
    if prefixes.isdisjoint(s.norms):
        return out
    for i in range(len(s.toks) - 2):
        if s.norms[i] not in prefixes or s.norms[i + 1] != "-":
            continue
        ln, state = longest(s.toks, i + 2, s.matcher.demonyms, 2)
        if not ln and s.norms[i + 2] in s.cues.single("government_nouns"):
            ln, state = 1, one_country(s.matcher, s.toks, s.mentions) or host
        k = s.right_mention(i + 2 + ln, reach=4) if ln and state else None
        if k is None or s.mentions[k].generic or s.mentions[k].actor == state:
            continue
        m = s.mentions[k]
        leaned = Mention(state, s.toks[i].start, s.toks[i + 1 + ln].end, i, i + 2 + ln, "pro-" + s.toks[i + 2].text)
        out.append(RelationMatch(m, leaned, "allied-with", "leaning", i, m.tok_end, relation_kind="link", standing=True))
    return out


def _shared_unit(s: Sentence) -> list[tuple[Mention, Mention]]:
    """Two names sharing one unit noun ("a FAMa and Wagner Group convoy", "the MINUSMA and
    Barkhane camp"): a joint unit. Only a singular unit (``installation_nouns``), after an article:
    "FAMa and MINUSMA positions" may be each one's own."""
    units = s.cues.single("installation_nouns")
    out = []
    for i, m in enumerate(s.mentions[:-1]):
        n = s.mentions[i + 1]
        last = n.tok_end - 1 if s.norms[n.tok_end - 1] in units else n.tok_end
        if s.norms[m.tok_end : n.tok_start] != ["and"] or last >= len(s.toks) or s.norms[last] not in units \
                or s.norms[last].endswith("s") or m.tok_start == 0 or s.norms[m.tok_start - 1] not in {"a", "an", "the", "joint"}:
            continue
        if not m.generic and not n.generic and m.actor != n.actor:
            out.append((m, n))
    return out


def _truce_or_left(s: Sentence, occ) -> bool:
    """A truce word (``truce_words``) right before an alliance cue, or a withdrawal
    (``withdrawal_verbs``) within the four words before it, no name between ("withdrew from Gao
    and allied with X" left a place)."""
    if any(w in s.cues.single("truce_words") for w in s.norms[max(0, occ.start - 2) : occ.start]):
        return True
    left = s.cues.words("withdrawal_verbs")
    if s.cues.first_words("withdrawal_verbs").isdisjoint(s.norms[max(0, occ.start - 4) : occ.start]):
        return False  # no withdrawal verb starts in the four words before (most cues)
    return any(tuple(s.norms[j : j + z]) in left and all(s.toks[x].text.islower() for x in range(j + z, occ.start))
               for j in range(max(0, occ.start - 4), occ.start) for z in (1, 2, 3) if j + z <= occ.start)


def _purpose_of_founding(s: Sentence, occ) -> bool:
    """The cue is an infinitive of purpose ("to fight") after a founding verb of its clause ("set up a
    force ... to fight Y", "was created to counter Y"): what the founded body was for."""
    if occ.start < 2 or s.norms[occ.start - 1] != "to":
        return False
    verbs = s.cues.words("purpose_founding_verbs")
    for j in range(occ.start - 2, max(-1, occ.start - 30), -1):
        if s.norms[j] in {".", ";"}:
            return False
        if (s.norms[j],) in verbs or tuple(s.norms[j : j + 2]) in verbs:
            return True
    return False


def _former(s: Sentence, occ) -> bool:
    """A past-membership word (``former_markers``) right before the cue, or one word before it
    ("a former member of", "formerly part of", "once a faction of")."""
    words = s.cues.single("former_markers")
    return any(s.norms[j] in words for j in range(max(0, occ.start - 2), occ.start))


def _dedupe(found: list[RelationMatch], matcher: Matcher) -> list[RelationMatch]:
    """One match per (relation, pair); none between an actor and itself or two unnamed sides.

    Joint action is read from coordination ("A and B attacked C"); when the same
    sentence says the two fought each other ("fighting between A and B"), the
    coordination named the two sides of that fight, not allies, and the joint
    action goes.
    """
    opposed = {frozenset((r.source.actor, r.target.actor)) for r in found if r.relation == "fought-against"}
    out: list[RelationMatch] = []
    seen: dict = {}  # key -> its index in out
    # a relation told as an event ("a splinter group broke off from Y") before the same described as it stands
    for r in sorted(found, key=lambda r: r.standing):
        if (r.relation == "allied-with" and r.relation_kind == "joint-action"
                and frozenset((r.source.actor, r.target.actor)) in opposed):
            continue
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
            kept = seen[key]
            if r.relation == "fought-against" and r.standing == out[kept].standing and r.status == out[kept].status \
                    and out[kept].cue_end <= r.cue_start and r.cue_end <= max(r.source.tok_start, r.target.tok_start):
                # "claimed several attacks, including the 4 October 2017 attack on Y": the one nearer
                # the patient is the event meant (its date is that attack's)
                out[kept] = r
            continue
        seen[key] = len(out)
        out.append(r)
    return out

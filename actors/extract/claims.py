"""Claims of responsibility and blame, applied: who the relation's attacker is, and who says so.

:mod:`actors.extract.context` finds a claim or a blame in a sentence (a :class:`Party`); the
functions here apply it to the relations of the same sentence (:func:`claim_relations`), to the
edges of an attack told before it (:func:`claim_edges`), to attacks told with no attacker
(:func:`claimed_attacks`), and draw the claimants' joint action (:func:`joint_claimants`).
A claim makes a relation ``claimed``, by the claimant; a blame or a suspicion makes it
``alleged``, by whoever blames. A generic attacker ("gunmen") becomes the named party only when
its class fits (its ``resolves_to`` tags meet the party's tags).

>>> from actors.extract.dictionary import load_dictionary
>>> from actors.extract.mentions import Mention
>>> jnim = Mention("jnim", 0, 4, 0, 1, "JNIM")
>>> mali = Mention("mali", 20, 25, 5, 6, "Malian army")
>>> [(r.source.actor, r.target.actor, r.status, r.claimed_by)
...  for r in claimed_attacks([(3, mali)], Party(jnim, "JNIM", 8, True), load_dictionary())]
[('jnim', 'mali', 'claimed', 'jnim')]
"""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from actors.extract.context import _ATTACK, _CLAIMANT_CLASS, Party, _fits
from actors.extract.dictionary import Dictionary
from actors.extract.events import fill_role
from actors.extract.frames.attribution import RelationMatch
from actors.extract.mentions import Mention

__all__ = ["claim_relations", "claim_edges", "claimed_attacks", "joint_claimants"]


def claim_relations(relations: list[RelationMatch], claim: Party, dictionary: Dictionary) -> list[RelationMatch]:
    """A claim later in the same sentence than an attack's cue: the attack is claimed."""
    out = []
    for r in relations:
        if r.relation == _ATTACK and claim.back and r.cue_start < claim.tok and r.status != "denied":
            r = _claimed_match(r, claim, dictionary)
        out.append(r)
    return _unique(out)


def _claimed_match(r: RelationMatch, claim: Party, dictionary: Dictionary) -> RelationMatch:
    src, dst = r.source, r.target
    if claim.named:
        party = claim.mention
        assert party is not None
        if src.generic and not dst.generic and dst.actor != party.actor and _fits(dictionary, src.actor, party.actor):
            src = replace(party, via="claim")
        elif dst.generic and not src.generic and src.actor != party.actor and _fits(dictionary, dst.actor, party.actor):
            dst = replace(party, via="claim")
        if party.actor not in (src.actor, dst.actor):
            return r  # someone else's claim: not this relation's attacker
    elif not (src.generic or dst.generic):
        return r  # an unnamed party claims what the text pins on a named one: leave it
    return replace(r, source=src, target=dst, status=claim.status, claimed_by=claim.source,
                   claim_text=claim.source_words)


def claim_edges(edges: list[dict], claim: Party, dictionary: Dictionary,
                *, span: tuple[int, int] | None = None) -> list[dict]:
    """A claim in a later sentence, for an attack told earlier: those edges become claimed.

    ``span``: the claim's sentence (character range), noted on each edge as filling its status
    (and its attacker, when the claim names a generic one: :func:`~actors.extract.events.fill_role`).
    Returns the edges that now repeat another of the same event (to be dropped).
    """
    for e in edges:
        if e["relation"] != _ATTACK or e["status"] == "denied":
            continue
        generic = {a for a in (e["source"], e["target"]) if (x := dictionary.get(a)) is not None and x.is_generic}
        if claim.named:
            party = claim.actor
            for side in ("source", "target"):
                other = e["target" if side == "source" else "source"]
                if e[side] in generic and other not in generic and other != party and _fits(dictionary, e[side], party):
                    e[side] = party
                    if span is not None:
                        fill_role(e, side, span)
                    break
            if party not in (e["source"], e["target"]):
                continue
        elif not generic:
            continue
        e["status"], e["claimed_by"], e["claim_text"] = claim.status, claim.source, claim.source_words
        if span is not None and not claim.stated:  # the narrator naming the attacker changes no status
            fill_role(e, "status", span)
    for other in claim.others:
        # "claimed by AQIM and al-Mourabitoun": each claimant fought the target it claims; "officials
        # said ISGS and MOJWA were responsible": each of the blamed did, as the officials say
        status, by = (claim.status, claim.source) if claim.blamed else ("claimed", claim.actor)
        for e in list(edges):
            if e["relation"] == _ATTACK and e["status"] == status and e["claimed_by"] == by \
                    and claim.actor in (e["source"], e["target"]) and other.actor not in (e["source"], e["target"]):
                copy = dict(e)
                side = "source" if e["source"] == claim.actor else "target"
                copy[side] = other.actor
                if not claim.blamed:
                    copy["claimed_by"], copy["claim_text"] = other.actor, other.text
                copy["edge_id"] = f"{e['edge_id']}-{other.actor}"
                if span is not None:
                    fill_role(copy, side, span)
                edges.append(copy)
    seen, repeats = set(), []
    for e in edges:
        key = (e["relation"], frozenset((e["source"], e["target"])))
        if key in seen:
            repeats.append(e)
        seen.add(key)
    return repeats


def claimed_attacks(victims: Sequence[tuple[int, Mention]], claim: Party, dictionary: Dictionary,
                    *, before: int | None = None, span: tuple[int, int] | None = None) -> list[RelationMatch]:
    """Attacks told with a target and no attacker (``victims``: cue token, target mention), claimed
    by a named armed group: that group fought the target, ``claimed`` by it.

    Only a party that a generic "militants" could stand for claims an attack this way (a state's
    "claim" of a strike is not a claim of responsibility); anyone may be blamed for one, and all
    those blamed together are said to have done it ("Y accused the army and Wagner of the
    attack"); ``before``: only cues before that
    token (a claim in the same sentence refers back only to what came before it); ``span``: the
    claim's sentence, when the attack was told in another (the claimant's ``filled_from``).
    """
    if not (claim.named and claim.back and (claim.blamed or _fits(dictionary, _CLAIMANT_CLASS, claim.actor))):
        return []
    parties = [claim.mention] + list(claim.others)
    out = [RelationMatch(replace(party, via="claim", filled_from=span), victim, _ATTACK, "attack", start, start + 1,
                         status=claim.status,
                         claimed_by=claim.source if party is claim.mention or claim.blamed else party.actor,
                         claim_text=claim.source_words if party is claim.mention or claim.blamed else party.text)
           for party in parties
           for start, victim in victims
           if victim.actor != party.actor and (before is None or start < before)]
    return _unique(out)


def joint_claimants(relations: Sequence[RelationMatch], claim: Party) -> list[RelationMatch]:
    """"Responsibility was claimed by AQIM and al-Mourabitoun": the claimants acted together, as
    they say (allied-with, joint-action, claimed), unless the sentence already pairs them; "blame
    the attack on the Malian military and the Wagner Group": the blamed acted together, as those
    who blame say (alleged)."""
    if not claim.named or not claim.others:
        return []
    # (a pair the sentence already relates: allied, or one a part of the other, "the Sahel branch of al-Qaeda,
    # JNIM, claimed": one claimant and its parent, not two)
    have = {frozenset((r.source.actor, r.target.actor)) for r in relations
            if r.relation in ("allied-with", "member-of", "split-from")}
    out = []
    for other in claim.others:
        if frozenset((claim.actor, other.actor)) not in have:
            out.append(RelationMatch(claim.mention, other, "allied-with", "claim", claim.tok, claim.tok + 1,
                                     status=claim.status if claim.blamed else "claimed",
                                     claimed_by=claim.source if claim.blamed else claim.actor,
                                     claim_text=claim.source_words if claim.blamed else claim.words,
                                     relation_kind="joint-action"))
    return out


def _unique(relations: list[RelationMatch]) -> list[RelationMatch]:
    seen, out = set(), []
    for r in relations:
        key = (r.relation, frozenset((r.source.actor, r.target.actor)))
        if r.source.actor == r.target.actor or key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out

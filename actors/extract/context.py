"""Context beyond one sentence: claims of responsibility, denials, separate events.

The frames read one sentence; some of what makes a relation true, or who says
so, comes after it, in the same sentence or the next ones of the paragraph
(../shared/annotation.md, "Actors" and "Status and claimant"):

* **A claim of responsibility** ("X claimed responsibility for the attack",
  "the attack was claimed by X") makes the attack it refers back to ``claimed``,
  ``claimed_by`` X. When that attack's attacker is a generic ("gunmen",
  "militants", "the attackers") whose class fits X (the generic's
  ``resolves_to`` tags meet X's tags), the relation is drawn from X: a later claim
  for that very event ties the generic to the named group. It refers back when
  it names nothing new ("for the attack", "for it", or nothing after it) and no
  other attack was told in between, within the paragraph, or, in the next
  paragraphs (news reports give each sentence its own), when the claim points back
  with a definite "the attack".
* **An attack told without its attacker** ("an attack on a Burkinabe army post killed ten
  soldiers", "a MINUSMA convoy was ambushed") and then claimed by a named armed group (one
  that a generic "militants" could stand for) gives that group fought-against the target,
  ``claimed``, by it (:func:`actors.extract.claims.claimed_attacks`), under the same conditions of
  referring back. The module finds claims, blame and denials; :mod:`actors.extract.claims` applies claims.
* **Blame** ("officials blamed the attack on X", "the ambush was attributed to X", "Y accused X
  of the attack") works as a claim does, but the relation is ``alleged``, by the one who blames
  (:func:`actors.extract.blame.blame`).
* **A denial** ("Y denied it", "which Y denied", "Y denied the claim") of a
  relation one of whose actors is Y, after it in the same sentence or in the
  next one, makes that relation ``disputed``: asserted and denied. A relation
  asserted in one sentence and denied in the next (or the reverse) is one
  disputed relation. ``claimed_by`` then names both sources: ``ASSERTER|DENIER``,
  each an actor id or the text's words, the asserter empty when the text itself
  states the relation (``claim_text`` the same in the text's words).
* **A separate event** ("And, separately, ...", "In a separate attack, ...")
  takes no actor from the sentence before it (the pipeline passes no context to
  :func:`~actors.extract.generics.resolve_generics`).

The words are data: the cue file's word lists ``responsibility_claims``,
``responsibility_passives``, ``claim_negators``, ``denial_objects``,
``definite_determiners`` and ``separate_event_markers``, and its deny-verb status
cues. Nothing is guessed: a claim by an unnamed party ("a previously unknown
group") changes a status but never an actor.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Sequence

from actors.extract.cues import CueSet
from actors.extract.dictionary import Dictionary
from actors.extract.events import fill_role
from actors.extract.frames.attribution import RelationMatch
from actors.extract.mentions import Mention
from actors.text.tokens import Token

__all__ = ["Party", "responsibility_claim", "denial", "separate_event", "tells_an_attack", "tells_a_toll", "names_the_attack",
           "dispute_relations", "dispute_edges"]

_DISPUTED = "disputed"
_STOPS = frozenset({".", ";", ":", "!", "?"})
_CLAUSE_END = frozenset({".", ",", ";", ":", "!", "?", ")", "(", '"', "”", "–", "—"})
_REACH = 12  # tokens left of a claim or denial in which its party is looked for
_ATTACK = "fought-against"
_CLAIMANT_CLASS = "generic-militants"  # a party claims an attack when this generic could stand for it
_FORMS: dict[tuple, tuple[dict, frozenset]] = {}  # (cue table id, filter) -> (the table, its phrases)


@dataclass(frozen=True)
class Party:
    """Who claims or denies, where, and whether it refers back to what was told."""

    mention: Mention | None  # the party as the text names it (None: unnamed)
    words: str  # the party in the text's words
    tok: int  # token index where the claim or denial starts
    back: bool  # it refers back ("for the attack", "denied it", nothing after it)
    # blamed by someone else ("officials blamed the attack on X"): X is the party, the relation is
    # alleged by ``by`` (an actor id or the text's words)
    blamed: bool = False
    by: str = ""
    by_words: str = ""
    # claimants named together with it ("claimed by AQIM and al-Mourabitoun")
    others: tuple[Mention, ...] = ()
    # the narrator names the perpetrator ("the attack was carried out by X"): reported, nobody claims
    stated: bool = False

    @property
    def status(self) -> str:
        return "reported" if self.stated else "alleged" if self.blamed else "claimed"

    @property
    def source(self) -> str:
        """Who says so: the blamer, or the claimant itself (nobody when the narrator states it)."""
        return "" if self.stated else self.by if self.blamed else self.actor

    @property
    def source_words(self) -> str:
        return "" if self.stated else self.by_words if self.blamed else self.words

    @property
    def actor(self) -> str:
        """The party's actor id when named, else its words."""
        return self.mention.actor if self.mention is not None and not self.mention.generic else self.words

    @property
    def named(self) -> bool:
        return self.mention is not None and not self.mention.generic


@lru_cache(maxsize=64)
def _trie(phrases: frozenset) -> dict:
    """A phrase list as a trie of words: first word -> node, a node being a dict of the next words'
    nodes with ``None`` (never a word) in it where a phrase ends."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for word in phrase:
            node = node.setdefault(word, {})
        node[None] = True
    return trie


@lru_cache(maxsize=64)
def _anchors(phrases: frozenset) -> frozenset:
    """One word of each phrase, its longest (the least common, as a rule)."""
    return frozenset(max(p, key=len) for p in phrases)


def _maybe(norms: Sequence[str], phrases: frozenset) -> bool:
    """Cheaply: whether a phrase may be in the sentence (one of its words is)."""
    return not _anchors(phrases).isdisjoint(norms)


def _phrases(norms: Sequence[str], phrases: frozenset) -> list[tuple[int, int]]:
    """Non-overlapping occurrences of any phrase, longest first at each position."""
    trie = _trie(phrases)
    out, after, n = [], 0, len(norms)  # ``after``: where the last occurrence found ends
    for i in [x for x, w in enumerate(norms) if w in trie]:  # only where a phrase may start
        if i < after:
            continue
        node, end = trie, 0
        for j in range(i, n):  # the longest phrase from here, word by word
            node = node.get(norms[j])
            if node is None:
                break
            if None in node:
                end = j + 1
        if end:
            out.append((i, end))
            after = end
    return out


def _negated(cues: CueSet, norms: Sequence[str], at: int) -> bool:
    """"No group has claimed", "did not deny", "has yet to claim": nothing was claimed or denied."""
    lo = max(0, at - 4)
    for j in range(at - 1, lo - 1, -1):
        if norms[j] in _CLAUSE_END:
            lo = j + 1  # "killed no one; JNIM claimed it": the negation is another clause's
            break
    window = norms[lo:at]
    negators = cues.words("claim_negators")
    if cues.first_words("claim_negators").isdisjoint(window):
        return False  # no negator starts in the window
    return any(tuple(window[i : i + k]) in negators for k in (1, 2) for i in range(len(window)))


def _party_before(cues: CueSet, mentions: Sequence[Mention], tokens: Sequence[Token], norms: Sequence[str],
                  at: int) -> Party:
    """The nearest mention ending before token ``at`` in its clause, else the words there.

    A description is not the party: "an al-Qaeda-linked group", "a group allied to X"."""
    heads = cues.single("modifier_heads")
    best = None
    for m in mentions:
        t = m.tok_start
        if m.via == "compound" or (t >= 2 and norms[t - 1] in ("to", "with", "by") and norms[t - 2] in heads):
            continue
        if m.tok_end <= at and at - m.tok_end <= _REACH and not any(w in _STOPS for w in norms[m.tok_end : at]):
            best = m
    j, idx = at - 1, []
    while j >= 0 and len(idx) < 10 and norms[j] not in _CLAUSE_END and norms[j] not in ("which", "who", "that"):
        idx.insert(0, j)
        j -= 1
    while idx and norms[idx[0]] in ("the", "a", "an", "and", "but"):
        idx.pop(0)
    if best is not None and any(w in _CLAUSE_END for w in norms[best.tok_end : at] if w != ","):
        best = None  # "..., which the army denied": the party is past a clause boundary
    if best is not None and at >= 1 and norms[at - 1] == ",":
        # "the MNLA, accused of supporting JNIM, denied it": the subject stands before the parenthesis
        opening = next((q for q in range(at - 2, max(-1, at - 12), -1) if norms[q] == ","), None)
        if opening is not None and opening < best.tok_start:
            head = next((m for m in mentions if m.tok_end == opening and not m.generic), None)
            if head is not None:
                best = head
    # the words as the text spaces them ("al-Qaeda-linked", not "al - Qaeda - linked")
    words = "".join((" " if n and tokens[x].start > tokens[idx[n - 1]].end else "") + tokens[x].text
                    for n, x in enumerate(idx))
    return Party(best, best.text if best is not None else words, at, True)


def _refers_back(cues: CueSet, mentions: Sequence[Mention], norms: Sequence[str], end: int, objects: frozenset,
                 *, loose: bool = False) -> bool:
    """Nothing new after ``end``: the end of the clause, a definite "for the attack", a pronoun
    (``loose``, for claims: also "claimed responsibility on Monday", "... in a statement")."""
    if end >= len(norms) or norms[end] in _CLAUSE_END:
        return True
    if loose and norms[end] != "for":
        # "claimed responsibility the next day", "... via its media outlet", "... in a statement":
        # a claim names its attack only after "for"
        return True
    if objects and any(tuple(norms[end : end + k]) in objects for k in (1, 2, 3)):
        return True
    if norms[end] == "for" and end + 1 < len(norms):
        nxt = norms[end + 1]
        if (nxt,) in cues.words("definite_determiners") or (nxt,) in objects:
            # "for the attack" but not "for the attack on Malian soldiers" naming someone new
            new = [m for m in mentions if end < m.tok_start <= end + 8]
            return not new
    return False


def responsibility_claim(cues: CueSet, tokens: Sequence[Token], mentions: Sequence[Mention],
                         norms: Sequence[str] | None = None) -> Party | None:
    """The last claim of responsibility in a sentence, if any, and who makes it."""
    norms = norms if norms is not None else [t.norm for t in tokens]
    if not _maybe(norms, cues.words("responsibility_claims")) and not _maybe(norms, cues.words("responsibility_passives")) \
            and not _maybe(norms, cues.words("perpetrator_passives")):
        return None
    found = None
    for a, b in _phrases(norms, cues.words("responsibility_claims")):
        if _negated(cues, norms, a):
            continue
        p = _party_before(cues, mentions, tokens, norms, a)
        found = replace(p, back=_refers_back(cues, mentions, norms, b, frozenset(), loose=True),
                        others=_coordinated(mentions, norms, p.mention, speech=_speech(cues)) if p.named else ())
    passives = list(_phrases(norms, cues.words("responsibility_passives")))
    for j in range(1, len(norms) - 2) if "claimed" in norms else ():
        # "which was claimed, 24 hours later, by X": the passive parted from its "by" by a parenthesis
        if norms[j] == "claimed" and norms[j - 1] in ("was", "were", "been") and norms[j + 1] == ",":
            by = next((x for x in range(j + 2, min(len(norms), j + 10)) if norms[x] == "by" and norms[x - 1] == ","),
                      None)
            if by is not None and not any(w in _STOPS for w in norms[j:by]):
                passives.append((j - 1, by + 1))
    stated = set(_phrases(norms, cues.words("perpetrator_passives")))
    for a, b in sorted(passives + list(stated)):
        if _negated(cues, norms, a):
            continue
        after = _claimant_after(cues, mentions, norms, b)
        if after is not None:
            found = Party(after, after.text, a, True, stated=(a, b) in stated,
                          others=_coordinated(mentions, norms, after, speech=_speech(cues)) if not after.generic else ())
    return found


def _speech(cues: CueSet) -> frozenset:
    """The verbs by which a party says something ("said", "stated"): the claim verbs."""
    return _forms(cues.status_cues, lambda c: c.kind == "claimed" and c.frame == "verb")


def _coordinated(mentions: Sequence[Mention], norms: Sequence[str], m: Mention | None, *,
                 articles: bool = False, speech: frozenset = frozenset()) -> tuple[Mention, ...]:
    """The named mentions listed with ``m`` by "and" or commas ("AQIM and al-Mourabitoun claimed");
    with ``articles``, "the" may stand between them too ("the Malian military and the Wagner Group")."""
    if m is None:
        return ()
    ordered = sorted((x for x in mentions if not x.generic), key=lambda x: x.tok_start)
    at = next((i for i, x in enumerate(ordered) if x.tok_start == m.tok_start), None)
    if at is None:
        return ()
    glue = {"and", ",", "&", "the"} if articles else {"and", ",", "&"}

    def joined(a: Mention, b: Mention) -> bool:
        gap = norms[a.tok_end : b.tok_start]
        # "claimed by JNIM, the army said": the one who speaks after a comma opens a clause of its own
        speaks = "," in gap and tuple(norms[b.tok_end : b.tok_end + 1]) in speech
        return bool(gap) and all(w in glue for w in gap) and not speaks

    out = []
    i = at
    while i > 0 and joined(ordered[i - 1], ordered[i]):
        i -= 1
        out.append(ordered[i])
    i = at
    while i + 1 < len(ordered) and joined(ordered[i], ordered[i + 1]):
        i += 1
        out.append(ordered[i])
    # a possessor is not listed: "AQIM, al-Qaeda's North Africa branch, claimed": al-Qaeda owns a noun
    return tuple(x for x in out if x.actor != m.actor and norms[x.tok_end : x.tok_end + 1] != ["'s"])


def _fighters_of(cues: CueSet, words: Sequence[str]) -> bool:
    """The words between "by" and a name are a force noun and its link ("fighters of the")."""
    words = list(words[:-1]) if words[-1:] == ["the"] else list(words)
    return any(len(words) > n and tuple(words[-n:]) in cues.words("fighter_links")
               and " ".join(words[:-n]) in cues.single("absorbed_nouns") for n in (1, 2))


def _claimant_after(cues: CueSet, mentions: Sequence[Mention], norms: Sequence[str], b: int) -> Mention | None:
    """The party named after a passive claim's "by": right after it ("claimed by JNIM"), after a
    descriptor ("claimed by Al-Qaeda affiliate Nusrat al-Islam (JNIM)"), as the apposition of a
    description ("claimed by a powerful jihadist alliance, the Group to Support Islam and Muslims"),
    or as the group of generic fighters ("carried out by militants of JNIM": ``fighter_links``)."""
    after = next((m for m in mentions if b <= m.tok_start <= b + 2), None)
    if after is not None and not after.generic:
        head = next((m for m in mentions if after.tok_end < m.tok_start <= after.tok_end + 2
                     and not m.generic and norms[after.tok_end] in cues.single("claim_descriptors")), None)
        return head or after
    if after is not None:
        # "carried out by militants of JNIM", "by fighters loyal to the Islamic State": their group
        group = next((m for m in mentions if not m.generic and after.tok_end < m.tok_start <= after.tok_end + 3
                      and _fighters_of(cues, norms[after.tok_end - 1 : m.tok_start])), None)
        return group or after
    for m in mentions:
        if b < m.tok_start <= b + 8 and not m.generic:
            between = norms[b : m.tok_start]
            if any(w in _STOPS for w in between):
                return None
            if "," in between and (norms[m.tok_start - 1] == "," or norms[m.tok_start - 2 : m.tok_start] == [",", "the"]):
                return m  # the description's apposition names it
            if _fighters_of(cues, between):
                return m  # "carried out by fighters of the Islamic State"
            return None
    return None


def denial(cues: CueSet, tokens: Sequence[Token], mentions: Sequence[Mention],
           norms: Sequence[str] | None = None) -> Party | None:
    """The last denial of what was just told ("Y denied it", "which Y denied"), and who denies."""
    norms = norms if norms is not None else [t.norm for t in tokens]
    verbs = _forms(cues.status_cues, lambda c: c.kind == "denied" and c.frame == "verb")
    if not _maybe(norms, verbs):
        return None
    found = None
    for a, b in _phrases(norms, verbs):
        if _negated(cues, norms, a) or not _refers_back(cues, mentions, norms, b, cues.words("denial_objects")):
            continue
        found = _party_before(cues, mentions, tokens, norms, a)
    return found


def separate_event(cues: CueSet, tokens: Sequence[Token], norms: Sequence[str] | None = None) -> bool:
    """"And, separately, ...", "In a separate attack, ...": another event than the sentence before."""
    markers = cues.words("separate_event_markers")
    norms = norms if norms is not None else [t.norm for t in tokens]
    return _maybe(norms, markers) and bool(_phrases(norms, markers))


def tells_an_attack(cues: CueSet, tokens: Sequence[Token]) -> bool:
    """Whether a sentence tells an attack of its own: an attack cue word not pointing back with a
    definite determiner ("The attack was claimed by X" tells none; a later "the attack" may refer
    to one it tells)."""
    norms = [t.norm for t in tokens]
    definite = cues.words("definite_determiners")
    return any(not (a > 0 and (norms[a - 1],) in definite) for a, _ in _phrases(norms, _attack_forms(cues)))


def tells_a_toll(cues: CueSet, tokens: Sequence[Token], mentions: Sequence[Mention],
                 norms: Sequence[str] | None = None) -> bool:
    """Whether a sentence only counts the dead and wounded of what was told before ("2 soldiers
    killed.", "Three peacekeepers were killed and five wounded."): it names no actor but the
    victims' before the verb ("38 Malian soldiers were killed"), and its only
    attack words are ``toll_verbs``. An attack's claim may still come after it."""
    norms = norms if norms is not None else [t.norm for t in tokens]
    tolls = cues.words("toll_verbs")
    if not _maybe(norms, tolls):
        return False  # no toll word at all (most sentences): the attack words are not looked for
    found = _phrases(norms, _attack_forms(cues))
    first = min((a for a, _ in found), default=0)
    if any(not m.generic and m.via != "resolved" and m.tok_end > first for m in mentions) or "by" in norms[first:]:
        return False  # a name after the verb, or an agent: more than a count ("38 Malian soldiers were killed" is one)
    # the verb takes no object: "2 soldiers killed.", "were killed and five wounded" (never "Gunmen killed two")
    return bool(found) and all(tuple(norms[a:b]) in tolls and norms[b : b + 1] in ([], ["."], [","], ["and"], [";"])
                               for a, b in found)


def names_the_attack(cues: CueSet, tokens: Sequence[Token]) -> bool:
    """Whether a sentence points back to an attack already told ("the attack, which was claimed
    ...", "responsibility for this ambush"): an attack cue word after a definite determiner."""
    norms = [t.norm for t in tokens]
    definite = cues.words("definite_determiners")
    return any(a > 0 and (norms[a - 1],) in definite for a, _ in _phrases(norms, _attack_forms(cues)))


def _attack_forms(cues: CueSet) -> frozenset:
    return _forms(cues.relation_cues, lambda c: c.kind == _ATTACK)


def _forms(table: dict, keep) -> frozenset:
    """The phrases of a cue table whose cues pass ``keep``, computed once per table."""
    hit = _FORMS.get((id(table), keep.__code__))
    if hit is None or hit[0] is not table:  # the table is held, so its id cannot be reused meanwhile
        hit = _FORMS[(id(table), keep.__code__)] = (table, frozenset(
            k for k, entries in table.items() if any(keep(c) for c in entries)))
    return hit[1]


def _fits(dictionary: Dictionary, generic_id: str, named_id: str) -> bool:
    """A generic may stand for the named actor: its resolves_to tags meet the actor's tags."""
    gen, actor = dictionary.get(generic_id), dictionary.get(named_id)
    return gen is not None and actor is not None and bool(set(gen.resolves_to) & set(actor.tags))


# -- denials -----------------------------------------------------------------------


def _asserter(status: str, claimed_by: str) -> str:
    return claimed_by if status in ("claimed", "alleged") else ""


def dispute_relations(relations: list[RelationMatch], denier: Party) -> list[RelationMatch]:
    """A denial later in the same sentence by one of a relation's actors: it is disputed."""
    out = []
    for r in relations:
        if (denier.named and r.cue_start < denier.tok and r.status != "denied"
                and (denier.actor in (r.source.actor, r.target.actor) or _claimed_by_another(r.status, r.claimed_by, denier))):
            r = replace(r, status=_DISPUTED, claimed_by=f"{_asserter(r.status, r.claimed_by)}|{denier.actor}",
                        claim_text=f"{r.claim_text}|{denier.words}")
        out.append(r)
    return out


def dispute_edges(edges: list[dict], denier: Party | None, relations: list[RelationMatch],
                  *, span: tuple[int, int] | None = None) -> list[RelationMatch]:
    """The next sentence denies (or restates as denied, or asserts what was denied) an edge.

    ``edges`` are the previous sentence's; they are updated in place, and ``span`` (the next
    sentence's character range), when given, is noted as filling their status. Returns the
    next sentence's relations without those merged into a disputed edge.
    """
    for e in edges:
        if denier is not None and denier.named and e["status"] not in ("denied", _DISPUTED) \
                and (denier.actor in (e["source"], e["target"]) or _claimed_by_another(e["status"], e["claimed_by"], denier)):
            _dispute(e, e["status"], e["claimed_by"], e["claim_text"], denier.actor, denier.words)
            if span is not None:
                fill_role(e, "status", span)
    kept = []
    for r in relations:
        twin = next((e for e in edges if e["relation"] == r.relation
                     and {e["source"], e["target"]} == {r.source.actor, r.target.actor}
                     and (e["status"] == "denied") != (r.status == "denied") and _DISPUTED not in (e["status"], r.status)),
                    None)
        if twin is None:
            kept.append(r)
        elif twin["status"] == "denied":  # denied before, asserted now
            denied_by, denied_words = twin["claimed_by"], twin["claim_text"]
            _dispute(twin, r.status, r.claimed_by, r.claim_text, denied_by, denied_words)
        else:  # asserted before, denied now
            _dispute(twin, twin["status"], twin["claimed_by"], twin["claim_text"], r.claimed_by, r.claim_text)
        if twin is not None and span is not None:
            fill_role(twin, "status", span)
    return kept


def _claimed_by_another(status: str, claimed_by: str, denier: Party) -> bool:
    """"JNIM claimed it took part in the battle, but the CSP denied their involvement": a third
    party's denial of a party's claim disputes it."""
    return status == "claimed" and claimed_by not in ("", denier.actor)


def _dispute(e: dict, status: str, claimed_by: str, claim_text: str, denier: str, denier_words: str) -> None:
    e["status"] = _DISPUTED
    e["claimed_by"] = f"{_asserter(status, claimed_by)}|{denier}"
    e["claim_text"] = f"{claim_text if status in ('claimed', 'alleged') else ''}|{denier_words}"

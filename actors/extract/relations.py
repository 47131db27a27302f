"""Relation finding: which actor mentions a cue word binds, and how.

Cue words live in ``data/cues.toml``; this module defines what each *frame*
means. Matching returns :class:`RelationMatch` values (find first); turning them
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

from dataclasses import dataclass
from itertools import combinations
from typing import Sequence

from actors.extract.cues import FRAMES, Cue, CueSet, load_cues
from actors.extract.mentions import Matcher, Mention
from actors.text.tokens import Token, phrase_key

__all__ = ["RelationMatch", "find_relations", "load_cues", "FRAMES"]

_AGENT_REACH = 15  # tokens left of a cue in which the agent (subject) is looked for
_PATIENT_REACH = 8  # tokens right of a cue in which an object is looked for
_OBJECT_REACH = 11  # the direct object of a verb: "attacked a civilian boat on the Niger and a Malian base"
_VERB_FRAMES = frozenset({"transitive", "split_verb", "member_verb", "merger", "contribution"})
_LIST_GLUE = frozenset({",", "and", "the", "both", "other", "its", "their", "well", "as", "&", "also", "including", "such", "notably", "-", "linked", "aligned", "affiliated", "backed"})
_HARD = frozenset({";", ":", "(", ")", "[", "]", '"', "“", "”", "—", "–"})
_CONTRAST = frozenset({"but", "while", "whereas", "meanwhile", "however", "although", "though", "yet"})
_PRONOUN_LEAD = frozenset({"for", "to", "they", "it", "we", "its", "their", "any", "having", "been", "being", "no", "our"})
_SKIP_IN_CLAIM = frozenset({"that", ",", "on", "in", "the", "also", "had", "have", "has", "then", "later"})
_MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)


@dataclass(frozen=True)
class RelationMatch:
    """A relation found in one sentence, before dating (find, then write)."""

    source: Mention
    target: Mention
    relation: str
    cue: str
    cue_start: int  # token index of the cue
    cue_end: int
    status: str = "reported"
    claimed_by: str = ""  # actor id when the claimant is an actor, else the text's words
    claim_text: str = ""  # the claimant as the text words it ("Malian security sources")


# -- the sentence view the frames work on -------------------------------------------


@dataclass
class _Occurrence:
    cues: tuple[Cue, ...]
    start: int  # token index
    end: int  # exclusive


class _Sentence:
    """Tokens, mentions and cue occurrences of one sentence, with navigation helpers."""

    def __init__(self, cues: CueSet, matcher: Matcher, tokens: Sequence[Token], mentions: Sequence[Mention],
                 previous_attackers: Sequence[Mention] = ()):
        self.cues = cues
        self.matcher = matcher
        self.toks = tokens
        self.norms = [t.norm for t in tokens]
        self.mentions = [m for m in mentions]
        self.at_start = {m.tok_start: k for k, m in enumerate(self.mentions)}
        self.at_end = {m.tok_end - 1: k for k, m in enumerate(self.mentions)}
        covered = set()
        for m in self.mentions:
            covered.update(range(m.tok_start, m.tok_end))
        self.covered = covered
        self.modifier_toks = {x for m in self.mentions if m.role == "modifier" for x in range(m.tok_start, m.tok_end)}
        self.real = [i for i, m in enumerate(self.mentions) if m.role != "modifier"]
        self.real_pos = {k: p for p, k in enumerate(self.real)}
        self.breaks = cues.words("clause_breaks")
        self.aux = cues.words("auxiliaries")
        self.reciprocal = cues.words("reciprocal")
        self.relation_occ = [o for o in self._scan(cues.relation_cues) if not self._adjectival(o)]
        # "an attack by X": the object of "repulsed" is X's attack
        self.noun_ends = {o.end - 1 for o in self.relation_occ if any(c.frame == "nominal" for c in o.cues)}
        # objects are not looked for past another verb ("X attacked a town and killed Y")
        self.verb_starts = {o.start for o in self.relation_occ
                            if (any(c.frame in _VERB_FRAMES for c in o.cues) and not self.determined(o))
                            or any(c.frame == "companion" for c in o.cues)}
        self.status_occ = self._scan(cues.status_cues)
        self.previous_attackers = list(previous_attackers)
        self.patient_of: dict[int, int] = {}  # mention index -> cue start that took it as object
        self.agent_of_cue: dict[int, list[int]] = {}

    def determined(self, o: _Occurrence) -> bool:
        """After a determiner or quantifier ("the attack", "several raids") a cue is a noun."""
        return o.start > 0 and self.norms[o.start - 1] in self.cues.single("noun_markers")

    def irrealis(self, o: _Occurrence) -> bool:
        """An intention, threat, offer or condition governs the cue: nothing happened."""
        lo = max(0, o.start - 7)
        for j in range(o.start - 1, lo - 1, -1):
            if self.norms[j] in _HARD or self.norms[j] in {".", ";"}:
                return False
            for size in (3, 2, 1):
                if tuple(self.norms[j : j + size]) in self.cues.words("irrealis") and j + size <= o.start:
                    if size == 1 and not self.toks[j].text.islower():
                        continue  # "May" the month, not the modal
                    return True
        return False

    def _adjectival(self, o: _Occurrence) -> bool:
        """"the besieged Malian soldiers": a participle after a determiner describes a noun."""
        word = self.norms[o.end - 1]
        if o.end - o.start != 1 or not word.endswith("ed") or not all(c.frame in ("transitive",) for c in o.cues):
            return False
        j = o.start - 1
        if j >= 0 and (self.norms[j] in self.cues.single("participle_adverbs") or self.norms[j].endswith("ly")):
            j -= 1  # "the better financed Ansar Dine"
        return j >= 0 and self.norms[j] in {"the", "a", "an"}

    def _scan(self, table: dict) -> list[_Occurrence]:
        out, i, n = [], 0, len(self.toks)
        while i < n:
            if i in self.covered:
                i += 1
                continue
            hit_len, hit = 0, None
            for k in range(min(self.cues.max_len, n - i), 0, -1):
                key = tuple(self.norms[i : i + k])
                if key in table and not any(j in self.covered for j in range(i, i + k)):
                    hit_len, hit = k, table[key]
                    break
            if hit:
                out.append(_Occurrence(hit, i, i + hit_len))
                # a shorter cue ending the phrase keeps its own frame: "joint operations against"
                for k in range(1, hit_len):
                    tail = table.get(tuple(self.norms[i + k : i + hit_len]))
                    if tail and any(c.frame in ("nominal", "symmetric") for c in tail):
                        out.append(_Occurrence(tuple(c for c in tail if c.frame in ("nominal", "symmetric")), i + k, i + hit_len))
                i += hit_len
            else:
                i += 1
        return out

    # -- navigation ---------------------------------------------------------
    def hard(self, i: int) -> bool:
        return self.norms[i] in _HARD

    def is_break(self, i: int) -> bool:
        return self.norms[i] in _HARD or (self.norms[i],) in self.breaks

    def group(self, k: int, *, forward_only: bool = False) -> list[int]:
        """Mention indexes coordinated with mention k ("A, B and the C").

        Modifier mentions inside the list ("the al-Qaeda-aligned JNIM") are passed
        over, never members.
        """
        real = self.real if k in self.real_pos else sorted(self.real + [k])
        pos = self.real_pos[k] if k in self.real_pos else real.index(k)
        members = [k]
        j = pos
        while not forward_only and j > 0 and self._glued(real[j - 1], real[j]):
            j -= 1
            members.insert(0, real[j])
        if len(members) > 1 and "and" not in self._gap(members[-2], k) and any(
            "and" in self._gap(a, b) for a, b in zip(members, members[1:-1] + [k]) if b != k
        ):
            members = [k]  # "between Mali, Niger and Burkina Faso, ISGS ...": that list ended before k
        j = pos
        while j + 1 < len(real) and self._glued(real[j], real[j + 1]):
            if forward_only and len(members) == 1 and "," in self._gap(real[j], real[j + 1]) and self._opens_clause(real[j + 1]):
                break  # "captured Ménaka from the MNLA, and MINUSMA demanded ...": a new subject
            if len(members) == 1 and [w for w in self._gap(real[j], real[j + 1]) if w not in self.cues.single("quantity_words")][:2] == [",", "and"]:
                break  # "A, supported by B, and C": ", and" after one item closes a phrase (a list needs three)
            j += 1
            members.append(real[j])
        return members

    def _leaders_of(self, k: int) -> bool:
        end = self.mentions[k].tok_end
        return end < len(self.toks) and self.norms[end] in self.cues.single("leader_nouns")

    def _opens_clause(self, k: int) -> bool:
        end = self.mentions[k].tok_end
        if end >= len(self.toks):
            return False
        w = self.toks[end]
        return w.text.islower() and (w.norm.endswith("ed") or w.norm in self.cues.single("finite_verbs"))

    def _gap(self, a: int, b: int) -> list[str]:
        return self.norms[self.mentions[a].tok_end : self.mentions[b].tok_start]

    def _glued(self, a: int, b: int) -> bool:
        ms = self.mentions
        gap_idx = [x for x in range(ms[a].tok_end, ms[b].tok_start) if x not in self.modifier_toks]
        gap = [self.norms[x] for x in gap_idx]
        for intro in ("including", "notably"):
            if intro in gap and (gap[0] == "," or ms[a].generic) and gap.index(intro) <= 6 and not any(self.is_break(x) for x in gap_idx):
                return True  # "A, Tuareg groups including B": B is listed with A
        if len(gap) >= 3 and gap[-1] == "of" and gap[-2] in self.cues.single("part_nouns") and gap[0] in {",", "and"} and len(gap) <= 6:
            return True  # "A, B and the Sahara branch of C": the part is listed with A and B
        if gap and gap[0] in {"in", "at", "near", "around"}:
            # "MINUSMA camps in Timbuktu and Kidal and French troops": skip the place phrase
            x = 1
            while x < len(gap) and (self.toks[gap_idx[x]].is_capitalized or gap[x] in {",", "and"}) and not (gap[x] == "and" and x == len(gap) - 1):
                x += 1
            if x == len(gap) - 1 and gap[x] == "and":
                return True
        if not gap:
            return ms[a].group >= 0 and ms[a].group == ms[b].group or ms[a].via == "force" and ms[b].via == "force"
        t = ms[a].tok_start
        quantities = self.cues.single("quantity_words")
        counted = t >= 1 and (self.norms[t - 1].replace(",", "").isdigit() or self.norms[t - 1] in quantities)
        if counted and ("and" in gap or "," in gap):
            # "84 Wagner fighters and 47 Malian soldiers": parallel counts are not words
            gap = [w for w in gap if not (w.replace(",", "").isdigit() or w in quantities)] or gap
        if len(gap) >= 2 and gap[-1] == "against" and gap[-2] in {"and", "as"}:
            gap = gap[:-1]  # "against A as well as against B": the preposition repeated
        conjunction = "," in gap or "and" in gap or "&" in gap or "as well as" in " ".join(gap)
        return all(w in _LIST_GLUE for w in gap) and conjunction

    def party(self, k: int, *, allow_possessor: bool = False) -> bool:
        role = self.mentions[k].role
        return role == "party" or (allow_possessor and role == "possessor")

    def left_mention(self, c: int, reach: int = _AGENT_REACH, *, stop_at_status: bool = True) -> tuple[int | None, int | None]:
        """Nearest party mention ending left of token c in the clause: (mention, status token hit)."""
        j = c - 1
        lo = max(0, c - reach)
        status_starts = {o.start for o in self.status_occ} if stop_at_status else set()
        while j >= lo:
            if self.norms[j] == "," and j > 0:
                p = self._parenthetical_start(j)
                if p is not None:
                    lo = max(0, lo - (j - p))  # the reach does not count the skipped apposition
                    j = p - 1
                    continue
            if j in self.at_end and self.party(self.at_end[j]):
                t = self.mentions[self.at_end[j]].tok_start
                if t >= 2 and self.norms[t - 1] == "by" and self.norms[t - 2] in self.cues.single("backing_participles"):
                    j = t - 3  # "Malian troops backed by French aircraft recaptured": the backer is no subject
                    continue
                return self.at_end[j], None
            if self.norms[j] == ")" and (j - 1) in self.at_end and self.party(self.at_end[j - 1]):
                return self.at_end[j - 1], None  # "the Movement for Oneness ... (MOJWA)"
            if j in status_starts:
                return None, j
            if self.norms[j] in {"which", "who"}:
                # "the MIA, which had split from Ansar Dine": the relative clause's subject
                a = j - 1 if j > 0 and self.norms[j - 1] == "," else j
                if (a - 1) in self.at_end and self.party(self.at_end[a - 1]):
                    return self.at_end[a - 1], None
                return None, None
            if self.is_break(j):
                return None, None
            j -= 1
        return None, None

    def _parenthetical_start(self, comma: int) -> int | None:
        """", backed by French troops," ends at ``comma``: the opening comma's index."""
        p = comma
        while p > max(0, comma - 26):
            p -= 1
            if self.norms[p] == ",":
                first = self.norms[p + 1] if p + 1 < comma else ""
                occ = next((o for o in self.relation_occ if o.start == p + 1), None)
                if comma - p <= 12 and (first.endswith("ed") or (occ is not None and any(c.frame == "companion" for c in occ.cues))):
                    return p
                listed = comma + 1 < len(self.toks) and self.norms[comma + 1] in {"and", "or"}
                if first in {"a", "an"} and not listed:  # ", a Mi-8, and a L-39" is a list
                    # ", a predominantly Tuareg Islamist group,", ", a splinter group of AQIM,",
                    # ", a group founded by X with support from Y,": an apposition, whoever it names
                    return p
                return None
            if self.norms[p] == ")":  # "(AQIM)" inside the apposition
                depth, q = 0, p
                while q >= 0:
                    depth += {")": 1, "(": -1}.get(self.norms[q], 0)
                    if depth == 0:
                        break
                    q -= 1
                p = q
                continue
            if self.is_break(p):
                return None
        return None

    def right_mention(self, c: int, reach: int = _PATIENT_REACH, *, allow_possessor: bool = True, stop_comma: bool = True) -> int | None:
        """First mention starting right of token c (exclusive end index) in the clause."""
        j, hi = c, min(len(self.toks), c + reach)
        occ_starts = self.verb_starts
        while j < hi:
            if j in self.at_start:
                k = self.at_start[j]
                if self.party(k, allow_possessor=allow_possessor):
                    return k
                if self.mentions[k].role == "modifier":
                    if allow_possessor and self._leaders_of(k):
                        return k  # "killed several AQIM commanders": their group was fought
                    return None  # "the MNLA's spokesman" is not an object
            if self.is_break(j) or (stop_comma and self.norms[j] == ","):
                return None
            if j in occ_starts and j > c:
                return None
            if self.norms[j] == "by" and j > c and (j - 1) not in self.noun_ends:
                return None  # "prisoners held captive by JNIM": a passive modifier, not the object
            j += 1
        return None

    def find_word(self, start: int, words: set, reach: int) -> int | None:
        for j in range(start, min(len(self.toks), start + reach)):
            if self.norms[j] in words:
                return j
            if self.hard(j):
                return None
        return None


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
    s = _Sentence(cues, matcher, tokens, mentions, previous_attackers)
    found: list[RelationMatch] = []
    for occ in s.relation_occ:
        if s.irrealis(occ):
            st = _status_before(s, occ.start)
            if st is None or st.cues[0].kind != "denied":
                continue  # an intention or offer; under a denial it is still denied, so kept
        for cue in occ.cues:
            if cue.frame == "transitive" and s.determined(occ):
                continue  # "the attack", "an ambush": a noun, not a verb
            frame = _FRAME_FUNCS[cue.frame]
            for src, dst, relation in frame(s, occ, cue):
                found.append(_attribute(s, occ, cue.id, src, dst, relation))
    found.extend(_unit_relations(s))
    return _dedupe(found, matcher)


# -- frames ------------------------------------------------------------------------------


def _with_contingents(s: _Sentence, ks: list[int]) -> list[Mention]:
    """Mentions, plus the mission a state's contingent serves ("Nigerien MINUSMA peacekeepers")."""
    out = []
    for k in ks:
        m = s.mentions[k]
        out.append(m)
        if m.contingent_of:
            out.append(Mention(m.contingent_of, m.start, m.end, m.tok_start, m.tok_end, m.text, via="contingent"))
    return out


def _pairs_across(s: _Sentence, agents: list[int], patients: list[int], relation: str):
    for a in _with_contingents(s, agents):
        for p in _with_contingents(s, patients):
            yield a, p, relation


def _is_participle(s: _Sentence, occ: _Occurrence) -> bool:
    key = tuple(s.norms[occ.start : occ.end])
    irregular = s.cues.words("irregular_participles")
    return key[-1].endswith(("ed", "en")) or key in irregular or key[:1] in irregular


def _passive(s: _Sentence, occ: _Occurrence) -> bool:
    if not _is_participle(s, occ):
        return False
    if occ.end < len(s.toks) and s.norms[occ.end] == "by":
        return True
    for j in range(occ.start - 1, max(-1, occ.start - 4), -1):
        if (s.norms[j],) in s.aux:
            return True
        if j in s.at_end or s.is_break(j):
            return False
    return False


def _agent(s: _Sentence, occ: _Occurrence) -> list[int]:
    """The subject group of a verb or noun cue, with claim control."""
    reach = _AGENT_REACH
    if occ.start > 1 and s.norms[occ.start - 1] == "to":
        before = occ.start - 2
        if before not in s.covered and ((s.norms[before],) in s.matcher.force_nouns or s.norms[before] in {"mission", "coalition", "group", "unit", "contingent"}):
            j = before - 1
            while j >= 0 and s.norms[j] not in {"a", "an", "the"} and before - j <= 4:
                j -= 1
            if not (j > 0 and s.norms[j - 1] in _PREPOSITIONS | {"from", "of"}):
                return []  # "an African-led force to assist X": the unnamed force acts
    k, status_tok = s.left_mention(occ.start, reach)
    owner = _owner_of_action(s, occ.start)
    if owner is not None and (k is None or s.mentions[k].tok_end <= s.mentions[owner].tok_start):
        return [owner]  # "Katiba Macina's first attacks, in January 2015, targeted ..."
    if k is not None:
        # "X attacked Y and killed Z": Y is an object; the agent of "killed" is X's
        if k in s.patient_of and "and" in s.norms[s.mentions[k].tok_end : occ.start]:
            return s.agent_of_cue.get(s.patient_of[k], [])
        first = s.mentions[s.group(k)[0]].tok_start
        relative = any(w in ("which", "who") for w in s.norms[s.mentions[k].tok_end : occ.start])
        verb = None if relative else _verb_before(s, first)
        if verb is not None:
            # "a rocket hit a MINUSMA base, killing ...": the object of a verb is not the next subject
            return s.agent_of_cue.get(verb.start, [])
        return [m for m in s.group(k) if s.party(m)]
    if status_tok is not None:
        claimant = _claimant_mention(s, status_tok)
        if claimant is not None and _controls(s, status_tok, occ.start):
            return [m for m in s.group(claimant) if s.party(m) or s.mentions[m].role == "modifier"]
    return []


# "of" and "from" are left out: "jets from Operation Barkhane were dispatched" keeps its subject
_PREPOSITIONS = frozenset({"between", "in", "to", "against", "with", "on", "at", "for", "into", "over", "toward", "towards", "near", "among"})


def _governed(s: _Sentence, tok: int) -> bool:
    """Whether the noun phrase at ``tok`` is the object of a preposition or a verb."""
    j = tok - 1
    while j >= 0 and tok - j <= 4 and (s.norms[j] in {"the", "a", "an", "its", "their", "both", "three", "two", "several"} or s.norms[j].isdigit()):
        j -= 1
    if j < 0:
        return False
    return s.norms[j] in _PREPOSITIONS or _verb_before(s, j + 1) is not None


def _owner_of_action(s: _Sentence, c: int) -> int | None:
    """A possessor whose attack noun is the subject of the cue: "X's attacks ... targeted"."""
    for o in s.relation_occ:
        if o.start >= c or c - o.end > 8 or not any(x.frame == "nominal" and x.kind == "fought-against" for x in o.cues):
            continue
        j = o.start - 1
        while j >= 0 and s.norms[j] in {"first", "latest", "new", "repeated", "several", "main"}:
            j -= 1
        if j >= 1 and s.norms[j] == "'s" and (j - 1) in s.at_end and s.mentions[s.at_end[j - 1]].role == "possessor":
            between = s.norms[o.end : c]
            if not any(w in between for w in ("against", "on", "by")) and not any(s.is_break(x) for x in range(o.end, c)):
                return s.at_end[j - 1]
    return None


def _verb_before(s: _Sentence, tok: int):
    """A transitive verb cue right before token ``tok`` (skipping articles and adjectives)."""
    j = tok - 1
    while j >= 0 and tok - j <= 3 and s.norms[j] in {"the", "a", "an", "its", "their", "several", "two", "three", "some", "many"}:
        j -= 1
    occ = next((o for o in s.relation_occ if o.end - 1 == j), None)
    if occ is not None and any(c.frame == "transitive" for c in occ.cues) and not s.determined(occ):
        return occ
    return None


def _controls(s: _Sentence, status_tok: int, cue_start: int) -> bool:
    """Whether the claimant is also the cue's subject: "X claimed to have shot down",
    "X claimed that they repulsed", "X denied any collaboration", "X accused of carrying out"."""
    occ_status = next(o for o in s.status_occ if o.start == status_tok)
    between = [w for w in s.norms[occ_status.end : cue_start]
               if w not in _SKIP_IN_CLAIM and not w.isdigit() and w not in _MONTHS]
    return not between or between[0] in _PRONOUN_LEAD or between[0].endswith("ing") or between[0] == "of"


def _by_agent(s: _Sentence, after: int, reach: int = 4) -> list[int]:
    j = None
    for x in range(after, min(len(s.toks), after + reach)):
        if s.norms[x] == "by":
            j = x
            break
        if s.is_break(x) or s.norms[x] == "," or x in s.at_start:
            return []
    if j is None:
        return []
    k = s.right_mention(j + 1, reach=4, allow_possessor=False)
    return s.group(k, forward_only=True) if k is not None else []


def _transitive(s: _Sentence, occ: _Occurrence, cue: Cue):
    if _passive(s, occ):
        agents = _by_agent(s, occ.end, reach=6)
        if cue.kind == "fought-against" and len(agents) > 1:
            for a, b in combinations(agents, 2):  # "retaken by the Malian army and Wagner mercenaries"
                yield s.mentions[a], s.mentions[b], "allied-with"
        start = occ.start
        if start >= 2 and s.norms[start - 1] == "being" and s.norms[start - 2] in {"before", "after", "until", "without"}:
            start -= 2  # "X took the north, before being expelled by Y": X was expelled
            if start > 0 and s.norms[start - 1] == ",":
                start -= 1
        k, status_tok = s.left_mention(start, stop_at_status=True)
        if k is None:
            # "X attacked the village, but the attack was repelled by Y": the attack's agent
            earlier = _back_reference(s, occ.start)
            if agents and earlier:
                yield from _pairs_across(s, agents, earlier, cue.kind)
            elif agents and earlier is None and s.previous_attackers:
                for a in _with_contingents(s, agents):
                    for p in s.previous_attackers:
                        yield a, p, cue.kind
            return
        patients = [m for m in s.group(k) if s.party(m, allow_possessor=True)]
        if not agents:
            # "JNIM claimed that fifty Malian soldiers were killed": a party's claim of
            # the other side's losses states that the party fought them.
            st = _status_before(s, s.mentions[k].tok_start)
            if cue.kind != "fought-against" or tuple(s.norms[occ.start : occ.end]) not in s.cues.words("casualty_verbs") or st is None:
                return
            c = _claimant_mention(s, st.start)
            if c is None or s.mentions[c].generic or s.mentions[c].role != "party" or st.cues[0].kind not in ("claimed", "alleged"):
                return
            agents = [c]
        yield from _pairs_across(s, agents, patients, cue.kind)
        return
    possessor = None
    if occ.start >= 1 and s.norms[occ.start - 1] in {"'s", "'"}:
        owner = s.at_end.get(occ.start - 2)
        target = s.find_word(occ.end, {"for", "to", "of", "on", "against"}, 2)
        if target is not None:
            # "Ukraine's support for rebel groups": the possessor acts; unnamed, nothing is drawn
            k = s.right_mention(target + 1, reach=3)
            if owner is None or k is None:
                return
            yield from _pairs_across(s, [owner], [p for p in s.group(k, forward_only=True) if p != owner], cue.kind)
            return
        if owner is None:
            return
        # "came to the Malians' aid": the possessor is the one aided
        possessor = owner
        agents = _agent(s, _Occurrence(occ.cues, s.mentions[possessor].tok_start, occ.end))
    else:
        agents = _agent(s, occ)
    if not agents:
        return
    s.agent_of_cue[occ.start] = agents
    if possessor is not None:
        yield from _pairs_across(s, agents, [possessor], cue.kind)
        return
    reciprocal = any(tuple(s.norms[r : r + z]) in s.reciprocal for r in range(occ.end, min(len(s.toks), occ.end + 4)) for z in (1, 2))
    nxt = s.norms[occ.end] if occ.end < len(s.toks) else "."
    intransitive = nxt in s.cues.single("intransitive_next")  # "A and B fought repeatedly in Koro": with or against?
    if cue.kind == "fought-against" and len(agents) > 1 and not reciprocal and not intransitive:
        for a, b in combinations(agents, 2):  # attackers together are on one side
            yield s.mentions[a], s.mentions[b], "allied-with"
    k = s.right_mention(occ.end, reach=_OBJECT_REACH)
    if k is None and cue.kind == "fought-against":
        # "captured Konna, 600 km from the capital, from the Malian army"
        j = occ.end
        while j < min(len(s.toks), occ.end + 16) and not s.is_break(j):
            if s.norms[j] == "from":
                k2 = s.right_mention(j + 1, reach=3)
                if k2 is not None:
                    k = k2
                    break
            j += 1
    if k is None and cue.kind == "fought-against":
        k = _previous_holder(s, occ.end)  # "took over Ménaka, which had been held by the MNLA"
    if k is None:
        return
    patients = [p for p in s.group(k, forward_only=True) if p not in agents]
    for p in patients:
        s.patient_of[p] = occ.start
    yield from _pairs_across(s, agents, patients, cue.kind)


def _back_reference(s: _Sentence, c: int) -> list[int]:
    """Agents of an earlier attack in the sentence, when the subject is "the attack"."""
    j = c - 1
    while j >= 0 and ((s.norms[j],) in s.aux or s.norms[j] in {"later", "also", "eventually", "successfully", "quickly"}):
        j -= 1
    if j >= 1 and s.norms[j] in {"but", "and"} and c - j >= 2:
        # "X attacked Ténenkou but were beaten back by Y": the elided subject is the attacker
        earlier = [start for start in s.agent_of_cue if start < j]
        return s.agent_of_cue[max(earlier)] if earlier else []
    if j < 1 or s.norms[j - 1] not in {"the", "this", "that"}:
        return []
    noun = next((o for o in s.relation_occ if o.start == j), None)
    if noun is None or not any(x.kind == "fought-against" for x in noun.cues):
        return []
    earlier = [start for start in s.agent_of_cue if start < j - 1]
    if earlier:
        return s.agent_of_cue[max(earlier)]
    # "The attack was repulsed by X" opening the sentence: the previous sentence's attack
    return None if j - 1 == 0 else []


def _previous_holder(s: _Sentence, after: int) -> int | None:
    """", which had (previously) been held by Y" right after a captured place: Y lost it."""
    for j in range(after, min(len(s.toks) - 3, after + 10)):
        if s.norms[j] in {"held", "controlled", "occupied"} and s.norms[j + 1] == "by":
            return s.right_mention(j + 2, reach=4, stop_comma=False)  # "the parts of Kidal held by the MNLA"
        if s.norms[j] == "," and s.norms[j + 1] == "which":
            words = s.norms[j + 2 : j + 8]
            if "by" in words and any(w in words for w in ("held", "controlled", "occupied", "defended")):
                by = j + 2 + words.index("by")
                return s.right_mention(by + 1, reach=6, stop_comma=False)
            return None
        if s.is_break(j) or j in s.verb_starts:
            return None
    return None


def _status_before(s: _Sentence, tok: int):
    """The attributing verb governing token ``tok``, if any (nearest before, same clause chain)."""
    best = None
    for st in s.status_occ:
        if st.end > tok:
            break
        span = s.norms[st.end : tok]
        if ";" in span or any(w in _CONTRAST for w in span):
            best = None
            continue
        if st.cues[0].frame == "verb":
            best = st
    return best


def _nominal(s: _Sentence, occ: _Occurrence, cue: Cue):
    # "X's offensive against Y", "operations against Y", "offensives launched by X against Y",
    # "The raid on Tin Biden occurred ... between A and B"
    hi = min(len(s.toks), occ.end + 24)
    patients: list[int] = []
    agents: list[int] = []
    j = occ.end
    while j < hi and not s.is_break(j):
        w = s.norms[j]
        if w in {"against", "on", "upon", "targeting"} and (not patients or s.norms[j - 1] in {"and", "as"}):
            k = s.right_mention(j + 1, reach=4)
            if k is not None:
                patients = patients + [p for p in s.group(k, forward_only=True) if p not in patients]
        elif w == "by" and not agents:
            k = s.right_mention(j + 1, reach=3, allow_possessor=False)
            if k is not None:
                agents = s.group(k, forward_only=True)
        elif w == "between" and not patients and not agents:
            pairs = _between(s, j, cue.kind)
            if pairs:
                yield from pairs
                return
        j += 1
    if not patients:
        return
    if not agents:
        # a modifier or possessor right before the noun: "the JNIM attack", "MOJWA's attacks"
        j = occ.start - 1
        while j >= 0 and s.norms[j] in {"the", "a", "an", "'s", "new", "first", "latest", "major", "joint", "renewed"}:
            j -= 1
        if j >= 0 and j in s.at_end:
            agents = s.group(s.at_end[j])
        else:
            agents = _agent(s, occ)
            if agents:
                # "X was killed in an attack on Y" names a victim, not an attacker: the
                # subject is the agent only through a verb such as "launched", "carried out"
                span = s.norms[s.mentions[agents[-1]].tok_end : occ.start]
                verbs = s.cues.words("agentive_verbs")
                if not any(tuple(span[x : x + z]) in verbs for x in range(len(span)) for z in (1, 2)):
                    if not any(o.start < occ.start and o.cues[0].kind != "reported" for o in s.status_occ):
                        agents = []
    agents = [a for a in agents if a not in patients]
    s.agent_of_cue[occ.start] = agents
    yield from _pairs_across(s, agents, patients, cue.kind)
    if len(agents) > 1:
        for a, b in combinations(agents, 2):
            yield s.mentions[a], s.mentions[b], "allied-with"




def _led_side(s: _Sentence, end: int) -> tuple[list[int], int] | None:
    """After "between A": (A's backers, first named actor of the other side) when the other side
    is a generic phrase that names its leaders ("and Islamist fighters led by Ansar Dine",
    "and a coalition of rebel groups including the MNLA and the HCUA"); else None."""
    backers: list[int] = []
    markers = s.cues.words("led_markers")
    j = end
    if j < len(s.toks) and s.norms[j] == "," and j + 1 < len(s.toks) and s.norms[j + 1] in s.cues.single("backing_participles"):
        close = next((x for x in range(j + 1, min(len(s.toks), j + 14)) if s.norms[x] == ","), None)
        if close is None:
            return None
        backers = [s.at_start[x] for x in range(j + 2, close) if x in s.at_start and s.party(s.at_start[x])]
        j = close + 1
    if j >= len(s.toks) or s.norms[j] != "and":
        return None
    for x in range(j + 1, min(len(s.toks), j + 9)):
        if x in s.at_start and not s.mentions[s.at_start[x]].generic:
            m = s.mentions[s.at_start[x]]
            inside = s.norms[m.tok_start:m.tok_end]
            if any(tuple(inside[i:i + len(mk)]) == mk for mk in markers for i in range(len(inside))):
                return backers, s.at_start[x]  # "rebel groups led by the MNLA", found as one mention
            return None  # a named actor: an ordinary list, handled by the caller
        for marker in markers:
            if tuple(s.norms[x:x + len(marker)]) == marker:
                k = s.right_mention(x + len(marker), reach=3, stop_comma=False)
                return (backers, k) if k is not None else None
        if s.is_break(x) or s.norms[x] == ",":
            return None
    return None


def _one_side(s: _Sentence, end: int) -> int | None:
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


def _between(s: _Sentence, j: int, relation: str) -> list:
    """ "between A and B (and C)": every pair; "between A and B against C": two sides."""
    if j > 0 and (s.norms[j - 1],) in s.cues.words("peace_nouns"):
        return []  # "negotiations between A and B"
    k = s.right_mention(j + 1, reach=3, stop_comma=False)
    if k is None:
        return []
    members = [m for m in s.group(k, forward_only=True) if s.party(m)]
    end = s.mentions[members[-1]].tok_end if members else j + 1
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
    if end < len(s.toks) and s.norms[end] in {"against", "versus", "vs"}:
        other = s.right_mention(end + 1, reach=4, stop_comma=False)
        if other is None:
            return []
        enemies = [m for m in s.group(other, forward_only=True) if s.party(m)]
        return _two_sides(s, members, enemies, relation, allies=(True, False))
    return [(s.mentions[a], s.mentions[b], relation) for a, b in combinations(members, 2)]


def _two_sides(s: _Sentence, one: list[int], other: list[int], relation: str, *,
               allies: tuple[bool, bool]) -> list:
    """The relation across two sides, and allied-with within the sides ``allies`` names."""
    out = list(_pairs_across(s, one, other, relation))
    for side, within in zip((one, other), allies):
        if within:
            out += [(s.mentions[a], s.mentions[b], "allied-with") for a, b in combinations(side, 2)]
    return out


def _symmetric(s: _Sentence, occ: _Occurrence, cue: Cue):
    # "clashes (broke out) between A and B"
    j = s.find_word(occ.end, {"between"}, 16)
    while j is not None and j + 1 < len(s.toks) and (s.toks[j + 1].text[:1].isdigit() or s.norms[j + 1] in _MONTHS | {"early", "late", "mid"}):
        # "was fought between 17 and 21 May 2014 in Kidal, between A and B": a span of days first
        j = s.find_word(j + 1, {"between"}, 30)
    if j is not None and not any(x in s.at_start and s.party(s.at_start[x]) and not s.mentions[s.at_start[x]].generic
                                 for x in range(occ.end, j)):
        yield from _between(s, j, cue.kind)
        return
    # "A and B clashed against each other", "found themselves in conflict with each other"
    recip = None
    for r in range(occ.end, min(len(s.toks), occ.end + 4)):
        for size in (2, 1):
            if tuple(s.norms[r : r + size]) in s.reciprocal:
                recip = r
    word = s.norms[occ.start]
    k, _ = s.left_mention(occ.start)
    if k is None:
        return
    subjects = [m for m in s.group(k) if s.party(m)]
    if recip is not None or (word.startswith("clash") or word.startswith("skirmish")) and len(subjects) > 1 and s.right_mention(occ.end, reach=2) is None:
        for a, b in combinations(subjects, 2):
            yield s.mentions[a], s.mentions[b], cue.kind
        if recip is not None:
            return
    # "A clashed with B", "A at war with B"
    j = s.find_word(occ.end, {"with"}, 2)
    if j is not None:
        p = s.right_mention(j + 1, reach=3)
        if p is not None:
            for m in s.group(p, forward_only=True):
                for a in subjects:
                    yield s.mentions[a], s.mentions[m], cue.kind




def _companion(s: _Sentence, occ: _Occurrence, cue: Cue):
    p = s.right_mention(occ.end, reach=4, allow_possessor=True)
    if p is None:
        return
    t = occ.start
    if t >= 3 and s.norms[t - 1] in {"of", "with", "for"} and s.norms[t - 2] in s.cues.single("accusation_participles"):
        # "officials accused of collaborating with the army": the accused is the noun
        # before the participle; unless that is an actor (or "X was accused of"), no relation
        before = t - 3
        if s.norms[before] not in _COPULAS | {"been", "being", ","} and not (before in s.at_end and s.party(s.at_end[before])):
            return
    partners = s.group(p, forward_only=True)
    k, status_tok = s.left_mention(occ.start)
    principals: list[int] = []
    if k is not None:
        if k in s.patient_of:
            return  # "X killed Y along with Z": co-victims, not a stated alliance
        first = s.mentions[s.group(k)[0]].tok_start
        if _governed(s, first):
            return  # "a ceasefire between A and B, with the support of C": A is no subject
        principals = [m for m in s.group(k) if s.party(m)]
    elif status_tok is not None:
        principals = _agent(s, occ)
    if not principals and occ.start == 0 or (occ.start > 0 and s.norms[occ.start - 1] == "," and not principals):
        # "Along with Y, X attacked ...": the principal follows
        q = s.right_mention(partners and s.mentions[partners[-1]].tok_end or occ.end, reach=4, stop_comma=False)
        if q is not None:
            principals = [q]
    for a in principals:
        for b in partners:
            yield s.mentions[a], s.mentions[b], cue.kind
    if principals:
        for a, b in combinations([p for p in partners if s.party(p)], 2):
            yield s.mentions[a], s.mentions[b], cue.kind  # "fought alongside AQIM and MOJWA"


def _group(s: _Sentence, occ: _Occurrence, cue: Cue):
    k = s.right_mention(occ.end, reach=3, allow_possessor=False)
    members = s.group(k, forward_only=True) if k is not None else []
    if len(members) < 2:
        k, _ = s.left_mention(occ.start, reach=5)
        members = s.group(k) if k is not None else []
    members = [m for m in members if s.party(m)]
    for a, b in combinations(members, 2):
        yield s.mentions[a], s.mentions[b], cue.kind


def _modifier(s: _Sentence, occ: _Occurrence, cue: Cue):
    # "al-Qaeda-linked jihadists from JNIM": [X] "-" cue ... [Y]  ->  Y relation X
    if occ.start >= 2 and s.norms[occ.start - 1] == "-":
        head = s.at_end.get(occ.start - 2)
    else:
        head = s.at_end.get(occ.start - 1)  # "al-Qaeda linked group JNIM"
    if head is None:
        return
    y = s.right_mention(occ.end, reach=4, allow_possessor=False)
    if y is None:
        return
    for m in s.group(y, forward_only=True):
        yield s.mentions[m], s.mentions[head], cue.kind




def _appositive_head(s: _Sentence, c: int) -> int | None:
    """The named actor an apposition describes.

    "X, a splinter group of ...", "X, the Sahelian branch of ...", "X was an offshoot of",
    "X presented itself as the official branch of ...".
    """
    j = c - 1
    skipped = 0
    while j >= 0 and (s.norms[j] in {"a", "an", "the", "its", "their"} or (j in s.covered and j not in s.at_end)
                      or (skipped < 3 and s.toks[j].text.isalpha() and s.norms[j] not in _APPOSITION_STOPS and j not in s.at_end)):
        if s.norms[j] in {"a", "an", "the", "its", "their"}:
            j -= 1
            break
        skipped += 1
        j -= 1
    # skip a parent named before the noun: "X, an Ansar Dine breakaway group"
    if j >= 0 and j in s.at_end and s.norms[j + 1] not in {",", "was", "is"}:
        start = s.mentions[s.at_end[j]].tok_start
        j = start - 1
        while j >= 0 and s.norms[j] in {"a", "an", "the"}:
            j -= 1
    if j >= 0 and s.norms[j] in {"was", "is", "became", "remains", "been", "remained"}:
        j -= 1
    elif j >= 0 and s.norms[j] == ",":
        j -= 1
    elif j >= 0 and s.norms[j] == "as":
        # "X presented itself as ...", "X operated as ..."
        k, _ = s.left_mention(j, reach=5)
        verbs = s.norms[s.mentions[k].tok_end : j] if k is not None else []
        return k if k is not None and any(v in s.cues.single("self_description_verbs") for v in verbs) else None
    else:
        return None
    if j >= 0 and j in s.at_end:
        return s.at_end[j]
    if j >= 0 and s.norms[j] == ")":  # "X (ABC), a splinter ..."
        while j >= 0 and s.norms[j] != "(":
            j -= 1
        j -= 1
    return s.at_end.get(j)


_APPOSITION_STOPS = frozenset({"became", "becomes", "remained", "remains", "and", "or", "of", "from", "by", "with", "was", "is", "were", "are", "as", "to", "in", "on", "at", "for", "which", "who", "that", "it", "itself", "had", "has", "been"})


def _named_after(s: _Sentence, start: int) -> int | None:
    """"..., calling itself X" / "known as X" anywhere after ``start`` in the sentence."""
    for j in range(start, len(s.toks)):
        for words in s.cues.words("naming_phrases"):
            if tuple(s.norms[j : j + len(words)]) == words:
                return s.right_mention(j + len(words), reach=3, allow_possessor=False)
    return None


def _parent_after(s: _Sentence, end: int) -> int | None:
    j = s.find_word(end, {"of", "from"}, 3)
    if j is None:
        return None
    k = s.right_mention(j + 1, reach=4, allow_possessor=False)
    if k is None:
        # "an offshoot of a political movement known as the MNA"
        for words in s.cues.words("naming_phrases"):
            for x in range(j + 1, min(len(s.toks), j + 8)):
                if tuple(s.norms[x : x + len(words)]) == words:
                    return s.right_mention(x + len(words), reach=3, allow_possessor=False)
    return k


def _split(s: _Sentence, occ: _Occurrence, cue: Cue):
    parent = _parent_after(s, occ.end)
    if parent is None and occ.start > 0 and (occ.start - 1) in s.at_end:
        parent = s.at_end[occ.start - 1]  # "an Ansar Dine breakaway group"
    if parent is None:
        # "a splinter group broke off from the MNLA; calling itself the FPA"
        j = s.find_word(occ.end, {"from"}, 5)
        if j is not None:
            parent = s.right_mention(j + 1, reach=3, allow_possessor=False)
    if parent is None:
        return
    splinter = _appositive_head(s, occ.start)
    if splinter is None or splinter == parent:
        splinter = _named_after(s, s.mentions[parent].tok_end)
    if splinter is None:
        # "a splinter group of Y (X)": the parenthesised name is the splinter's
        pend = s.mentions[parent].tok_end
        if pend < len(s.toks) and s.norms[pend] == "(" and pend + 1 in s.at_start:
            splinter = s.at_start[pend + 1]
    if splinter is None or s.mentions[splinter].actor == s.mentions[parent].actor:
        return
    yield s.mentions[splinter], s.mentions[parent], cue.kind


def _split_verb(s: _Sentence, occ: _Occurrence, cue: Cue):
    parent = s.right_mention(occ.end, reach=3, allow_possessor=False)
    if parent is None:
        return
    k, _ = s.left_mention(occ.start, reach=8)
    if k is None:
        k = _named_after(s, s.mentions[parent].tok_end)
    if k is None or s.mentions[k].generic or s.mentions[k].actor == s.mentions[parent].actor:
        return
    yield s.mentions[k], s.mentions[parent], cue.kind


_COPULAS = frozenset({"was", "is", "were", "are", "became", "become", "remained", "remains", "becomes"})
_ORGANISATIONS = frozenset({"coalition", "international mission", "jihadist group", "rebel movement"})


def _member(s: _Sentence, occ: _Occurrence, cue: Cue):
    org = s.right_mention(occ.end, reach=4, allow_possessor=False)
    if org is None:
        return
    org_actor = s.matcher.dictionary.get(s.mentions[org].actor)
    if org_actor is None:
        return
    if org_actor.kind not in _ORGANISATIONS:
        if cue.id == "joined" and s.mentions[org].via == "force" and s.norms[occ.start] == "joined":
            # "Chadian troops joined French forces in the advance": fighting on the same side
            end = s.mentions[org].tok_end
            if any((w,) in s.cues.words("peace_nouns") for w in s.norms[end:end + 5]):
                return  # "joined Malian officials in talks"
            k, _ = s.left_mention(occ.start, reach=6)
            for m in s.group(k) if k is not None else []:
                if s.party(m) and s.mentions[m].actor != s.mentions[org].actor and not s.mentions[m].generic:
                    yield s.mentions[m], s.mentions[org], "allied-with"
        return
    member = _appositive_head(s, occ.start)
    if member is None and occ.start >= 1 and s.norms[occ.start - 1] == "as" and s.norms[occ.start] == "part":
        # "Chad deployed 1,200 soldiers to the tri-border area as part of the G5 Sahel force":
        # the clause's subject, when it is a state
        k, _ = s.left_mention(occ.start - 1, reach=16)
        while k is not None and k in s.patient_of:
            k = None  # the deployed object is not the member
        actor = s.matcher.dictionary.get(s.mentions[k].actor) if k is not None else None
        if actor is not None and actor.kind in ("state armed force", "foreign state"):
            member = k
    members = [member] if member is not None else []
    if member is not None and s.mentions[member].tok_end < len(s.toks) and s.norms[s.mentions[member].tok_end] in _COPULAS:
        members = s.group(member)  # "A, B and C became founding members of Y"
    elif member is not None and s.norms[occ.start] == "members":
        members = s.group(member)  # "A, B and C, the three members of Y"
    if member is None and cue.frame == "member_verb":
        k, _ = s.left_mention(occ.start, reach=6)
        member = k
        members = s.group(k) if k is not None else []
    if member is None:
        oend = s.mentions[org].tok_end  # "an affiliate of Islamic State (ISGS)"
        if oend < len(s.toks) and s.norms[oend] == "(" and oend + 1 in s.at_start:
            member = s.at_start[oend + 1]
            members = [member]
    if member is None:
        return
    for m in members:
        if s.party(m) and s.mentions[m].actor != s.mentions[org].actor:
            yield s.mentions[m], s.mentions[org], cue.kind




def _counted_list(s: _Sentence, c: int) -> int | None:
    """Token after the colon of "the merger of four jihadist groups active in Mali: A, B and C"."""
    plural = s.cues.single("plural_group_nouns")
    seen_plural = False
    for j in range(c, min(len(s.toks), c + 14)):
        if s.norms[j] == ":":
            return j + 1 if seen_plural else None
        if j in s.at_start and s.party(s.at_start[j]) and not seen_plural:
            m = s.mentions[s.at_start[j]]
            if not m.generic:
                return None  # a named actor right away: the list starts here
            seen_plural = s.norms[m.tok_end - 1] in plural  # "four jihadist groups ...:"
        seen_plural = seen_plural or s.norms[j] in plural
        if s.is_break(j):
            return None
    return None


def _founded_subject(s: _Sentence, c: int) -> int | None:
    """"Y (Y; Arabic for ...) was formed on 2 March 2017 by the merger of": Y.

    The subject of a founding passive ending right before the cue's clause.
    """
    for j in range(c - 1, max(-1, c - 10), -1):
        if s.norms[j] in s.cues.single("founding_participles"):
            t = j - 1
            if t >= 0 and s.norms[t] in {"was", "were", "been"}:
                t -= 1
            if t >= 0 and s.norms[t] == ")":  # skip a bracketed gloss after the name
                depth = 0
                while t >= 0:
                    depth += {")": 1, "(": -1}.get(s.norms[t], 0)
                    if depth == 0:
                        break
                    t -= 1
                t -= 1
            # the mention holding token t ("X (X)" may be matched as one mention)
            for k, m in enumerate(s.mentions):
                if t >= 0 and m.tok_start <= t < m.tok_end and s.party(k) and not m.generic:
                    return k
            return None
        if s.is_break(j):
            return None
    return None


def _possessive_member(s: _Sentence, occ: _Occurrence, cue: Cue):
    """"JNIM, al-Qaeda's branch in the Sahel": JNIM member-of al-Qaeda."""
    org = s.at_end.get(occ.start - 1)
    if org is None:
        return
    org_actor = s.matcher.dictionary.get(s.mentions[org].actor)
    if org_actor is None or org_actor.kind not in _ORGANISATIONS or s.mentions[org].generic:
        return
    member = _appositive_head(s, s.mentions[org].tok_start)
    if member is not None and s.party(member) and s.mentions[member].actor != s.mentions[org].actor:
        yield s.mentions[member], s.mentions[org], cue.kind


def _contribution(s: _Sentence, occ: _Occurrence, cue: Cue):
    """"Chad sent 2,000 troops to MINUSMA", "Sweden contributed a contingent to MINUSMA"."""
    to = s.find_word(occ.end, {"to"}, 6)
    if to is None or not any(s.norms[x] in s.cues.single("contributed_nouns") for x in range(occ.end, to)):
        return
    org = s.right_mention(to + 1, reach=3, allow_possessor=False)
    if org is None:
        return
    org_actor = s.matcher.dictionary.get(s.mentions[org].actor)
    if org_actor is None or org_actor.kind not in ("international mission", "coalition"):
        return
    k, _ = s.left_mention(occ.start, reach=4)
    actor = s.matcher.dictionary.get(s.mentions[k].actor) if k is not None else None
    if actor is not None and actor.kind in ("state armed force", "foreign state") and not s.mentions[k].generic:
        yield s.mentions[k], s.mentions[org], cue.kind




def _coalition(s: _Sentence, occ: _Occurrence, cue: Cue):
    after = _counted_list(s, occ.end)
    k = s.right_mention(after if after is not None else occ.end, reach=8, allow_possessor=False)
    if k is None:
        return
    members = [m for m in s.group(k, forward_only=True) if s.party(m) and not s.mentions[m].generic]
    coal = _appositive_head(s, occ.start)
    if coal is None and (s.norms[occ.start].endswith("ed") or s.norms[occ.start] in {"comprising", "consisting", "bringing"}
                         or (occ.start > 0 and s.norms[occ.start - 1] == "as")):
        # "X, formed by A and B"; "X formed in 2017 as a coalition of A and B"
        c, _ = s.left_mention(occ.start, reach=8)
        coal = c
    if coal is None and occ.start >= 2 and s.norms[occ.start - 1] == "the" and s.norms[occ.start - 2] in {"by", "from", "through", "via"}:
        coal = _founded_subject(s, occ.start - 2)  # "Y was formed in 2017 by the merger of A and B"
    if coal is None and s.norms[occ.start] in {"which", "that"}:
        # "the Platform, a coalition of ... formed in 2014, which included A and B"
        for x in range(len(s.mentions) - 1, -1, -1):
            actor = s.matcher.dictionary.get(s.mentions[x].actor)
            if s.mentions[x].tok_end <= occ.start and actor is not None and actor.kind in ("coalition", "international mission"):
                coal = x
                break
    if coal is None or s.mentions[coal].generic:
        return
    for m in members:
        if s.mentions[m].actor != s.mentions[coal].actor and not _is_part(s, m):
            yield s.mentions[m], s.mentions[coal], cue.kind


def _is_part(s: _Sentence, k: int) -> bool:
    """"the Sahara branch of AQIM": the mention names a part of the actor, not the actor."""
    t = s.mentions[k].tok_start
    return t >= 2 and s.norms[t - 1] == "of" and s.norms[t - 2] in s.cues.single("part_nouns")


def _recognition(s: _Sentence, occ: _Occurrence, cue: Cue):
    """"The Islamic State recognised the ISGS as one of its affiliates": ISGS member-of IS."""
    k = s.right_mention(occ.end, reach=3, allow_possessor=False)
    if k is None:
        return
    end = s.mentions[k].tok_end
    if end >= len(s.toks) or s.norms[end] != "as":
        return
    nouns = s.cues.single("member_nouns")
    if not any(s.norms[x] in nouns for x in range(end + 1, min(len(s.toks), end + 6))):
        return
    org, _ = s.left_mention(occ.start, reach=5)
    if org is None:
        return
    actor = s.matcher.dictionary.get(s.mentions[org].actor)
    if actor is None or actor.kind not in _ORGANISATIONS or s.mentions[org].actor == s.mentions[k].actor:
        return
    yield s.mentions[k], s.mentions[org], cue.kind


def _merger(s: _Sentence, occ: _Occurrence, cue: Cue):
    k = s.right_mention(occ.end, reach=3, allow_possessor=False)
    m, _ = s.left_mention(occ.start, reach=4)
    if k is None or m is None or s.mentions[k].generic:
        return
    org = s.matcher.dictionary.get(s.mentions[k].actor)
    if org is None or org.kind not in _ORGANISATIONS or len(s.group(m)) < 2 and org.kind != "coalition":
        return  # "X formed Y": only a coalition or a group formed by several is a membership
    for x in s.group(m):
        if s.party(x) and not s.mentions[x].generic and not _is_part(s, x) and s.mentions[x].actor != s.mentions[k].actor:
            yield s.mentions[x], s.mentions[k], cue.kind


_FRAME_FUNCS = {
    "transitive": _transitive,
    "nominal": _nominal,
    "symmetric": _symmetric,
    "companion": _companion,
    "group": _group,
    "modifier": _modifier,
    "split": _split,
    "split_verb": _split_verb,
    "member": _member,
    "member_verb": _member,
    "merger": _merger,
    "recognition": _recognition,
    "coalition": _coalition,
    "possessive_member": _possessive_member,
    "contribution": _contribution,
}


def _unit_relations(s: _Sentence) -> list[RelationMatch]:
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


# -- status and claimant ----------------------------------------------------------------


def _claimant_mention(s: _Sentence, status_tok: int) -> int | None:
    before = tuple(s.norms[max(0, status_tok - 2) : status_tok])
    if before[-1:] in (("but",), ("and",)) or before == (",", "but"):
        # a second verb of the same subject: find the first verb's claimant
        prev = [o for o in s.status_occ if o.start < status_tok - 1 and o.cues[0].frame == "verb"]
        if prev:
            return _claimant_mention(s, prev[-1].start)
    j = status_tok - 1
    if j > 0 and s.norms[j] == ",":
        # "The Platform, a coalition of ... GATIA, denied": the head before the apposition
        p = j - 1
        while p >= 0 and s.norms[p] != "," and not s.hard(p):
            p -= 1
        if p > 0 and s.norms[p] == "," and (p - 1) in s.at_end:
            return s.at_end[p - 1]
    while j >= 0 and status_tok - j <= 10:
        if j in s.at_end:
            return s.at_end[j]
        if s.is_break(j) and s.norms[j] not in {","}:
            return None
        j -= 1
    return None


def _claimant_words(s: _Sentence, status_tok: int) -> str:
    j = status_tok - 1
    words = []
    while j >= 0 and len(words) < 8:
        w = s.norms[j]
        if s.is_break(j) or w in {",", "."} or w in _CONTRAST:
            break
        words.insert(0, j)
        j -= 1
    while words and s.norms[words[0]] in {"the", "a", "an", "also", "then", "later", "instead"}:
        words.pop(0)
    while words and s.norms[words[-1]] in {"also", "then", "later", "instead", "for", "its", "part", "had", "has", "have"}:
        words.pop()
    if not words:
        return ""
    return " ".join(s.toks[x].text for x in words)


def _according_party(s: _Sentence, occ: _Occurrence) -> str:
    k = s.right_mention(occ.end, reach=3, allow_possessor=True, stop_comma=True)
    if k is not None:
        return s.mentions[k].actor
    words = []
    for j in range(occ.end, min(len(s.toks), occ.end + 6)):
        if s.norms[j] in {",", ".", ";", ")", "("} or s.norms[j] in {"of", "that", "who"}:
            break
        words.append(s.toks[j].text)
    while words and words[0].lower() in {"the", "a", "an"}:
        words.pop(0)
    return " ".join(words)


_RANK = {"reported": 0, "claimed": 1, "alleged": 2, "denied": 3}


def _attribute(s: _Sentence, occ: _Occurrence, cue_id: str, src: Mention, dst: Mention, relation: str) -> RelationMatch:
    status, claimed_by, claim_text = "reported", "", ""
    best = _status_before(s, occ.start)
    if best is not None:
        cue = best.cues[0]
        before = s.norms[max(0, best.start - 3) : best.start]
        negated = "not" in before or "never" in before  # "did not deny": no status from this verb
        if cue.kind == "denied" and "neither" in before:
            status = "alleged"  # "neither denied nor confirmed"
        elif not negated:
            status = cue.kind
            k = _claimant_mention(s, best.start)
            claim_text = _claimant_words(s, best.start)
            claimed_by = s.mentions[k].actor if k is not None else claim_text
            if k is None and phrase_key(claim_text) in s.cues.words("impersonal_sources"):
                status, claimed_by, claim_text = "reported", "", ""  # "it was reported that"
    for st in s.status_occ:
        cue = st.cues[0]
        span_lo, span_hi = min(st.start, occ.start), max(st.end, occ.end)
        span = s.norms[span_lo:span_hi]
        if ";" in span:
            continue
        if cue.frame == "according" and cue.kind == "claimed":
            if s.norms[st.start] == "per" and not (st.end < len(s.toks) and s.toks[st.end].is_capitalized):
                continue  # "per day", "per cent"
            if status == "reported":
                status, claimed_by = "claimed", _according_party(s, st)
                claim_text = claimed_by
        elif cue.frame == "adverb" and st.end <= occ.start and not any(w in _CONTRAST for w in span):
            if _RANK[cue.kind] > _RANK[status]:
                status = cue.kind
    return RelationMatch(src, dst, relation, cue_id, occ.start, occ.end, status, claimed_by, claim_text)


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

"""Status and claimant: what a found pair becomes.

A status (claimed, alleged, denied) comes from the nearest attributing verb
before the cue in the same clause chain, "according to"/"per" anywhere in it,
or a hedging adverb; the claimant is the actor (or words) before that verb.
:func:`attribute` turns a frame's (source, target, relation) into a
:class:`RelationMatch` carrying them.
"""

from __future__ import annotations

from dataclasses import dataclass

from actors.extract.frames.sentence import MONTHS, Occurrence, Sentence
from actors.extract.generics import opening_subject
from actors.extract.mentions import Mention
from actors.text.tokens import phrase_key

__all__ = ["RelationMatch", "attribute", "status_before", "claimant_mention", "controls", "DESCRIPTIVE_FRAMES"]

_CONTRAST = frozenset({"but", "while", "whereas", "meanwhile", "however", "although", "though", "yet"})
_PRONOUN_LEAD = frozenset({"for", "to", "they", "it", "we", "its", "their", "any", "having", "been", "being", "no", "our"})
_SKIP_IN_CLAIM = frozenset({"that", ",", "on", "in", "the", "also", "had", "have", "has", "then", "later", "be",
                            # "X indicated Monday evening that it ...": when it was said
                            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                            "morning", "afternoon", "evening", "night", "yesterday", "today", "last", "late", "early"})


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
    relation_kind: str = ""  # schema.RELATION_KINDS: "support", "affiliate", ... (set by relations.find_relations)
    standing: bool = False  # a relation described as it stands ("X, an affiliate of Y"): no event date


def status_before(s: Sentence, tok: int):
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


def status_after(s: Sentence, tok: int):
    """A speaker's verb closing the sentence after token ``tok`` (", the army said.", ", a Malian
    official and residents said on Friday."): the whole sentence is what the speaker says."""
    for st in s.status_occ:
        if st.start <= tok or st.cues[0].frame != "verb" or st.cues[0].kind != "claimed":
            continue
        rest = [w for w in s.norms[st.end :] if w not in _CLOSING]
        comma = max((j for j in range(tok, st.start) if s.norms[j] == ","), default=None)
        if rest or comma is None or st.start - comma > 9:
            continue
        between = s.norms[comma + 1 : st.start]
        if any(s.is_break(j) for j in range(comma + 1, st.start)) or "that" in between:
            continue
        return st
    return None


# what may follow a closing speaker's verb: the sentence's end and when it was said
_CLOSING = frozenset({".", "!", "?", '"', "”", "on", "in", "a", "statement", "late", "early", "yesterday", "today",
                      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night",
                      "morning", "evening", "afternoon", "last", "week", "this"})


def controls(s: Sentence, status_tok: int, cue_start: int) -> bool:
    """Whether the claimant is also the cue's subject: "X claimed to have shot down",
    "X claimed that they repulsed", "X denied any collaboration", "X accused of carrying out"."""
    occ_status = next(o for o in s.status_occ if o.start == status_tok)
    words = s.norms[occ_status.end : cue_start]
    dashes = [i for i, w in enumerate(words) if w in ("–", "—")]
    if len(dashes) >= 2:
        words = words[: dashes[0]] + words[dashes[1] + 1 :]  # "claimed on 2 October – two days before – that it ..."
    if len(words) > 1 and words[0] in s.cues.single("report_nouns") and words[1] == "that":
        words = words[1:]  # "rejected accusations that it ...": the clause is the speaker's
    between = [w for w in words if w not in _SKIP_IN_CLAIM and not w.isdigit() and w not in MONTHS]
    if not between or between[0] in _PRONOUN_LEAD or between[0].endswith("ing") or between[0] == "of":
        return True
    # "X announced an alliance with Y": the companion cue's noun is the verb's own object
    cue = next((o for o in s.relation_occ if o.start == cue_start), None)
    return between in (["a"], ["an"], ["a", "new"], ["an", "new"]) and cue is not None and any(
        c.frame == "companion" for c in cue.cues)


def claimant_mention(s: Sentence, status_tok: int) -> int | None:
    if s.norms[status_tok].endswith("ing") and status_tok > 0 and s.norms[status_tok - 1] == ",":
        # "X claimed the attack in a statement sent to the Mauritanian agency Al Akhbar, saying ...":
        # the participle's speaker is the clause's, never the name just before the comma
        prev = [o for o in s.status_occ if o.start < status_tok - 1 and o.cues[0].frame == "verb"]
        return claimant_mention(s, prev[0].start) if prev else None  # the clause's first verb of saying
    before = tuple(s.norms[max(0, status_tok - 2) : status_tok])
    if before[-1:] in (("but",), ("and",)) or before == (",", "but"):
        # a second verb of the same subject: find the first verb's claimant
        prev = [o for o in s.status_occ if o.start < status_tok - 1 and o.cues[0].frame == "verb"]
        if prev:
            return claimant_mention(s, prev[-1].start)
    if before == ("and", "has") or before == ("and", "have"):
        # "ISIS-GS is based in Mali, operating along the border, and has claimed ...": the clause's subject
        return clause_subject(s, status_tok - 2)
    j = status_tok - 1
    while j > 1 and s.toks[j].text.islower() and (s.norms[j] in s.cues.single("verb_adverbs") or s.norms[j].endswith("ly")):
        j -= 1  # "X, an al-Qaeda affiliate, earlier said": the adverb is the verb's
    if j > 0 and s.norms[j] == ",":
        # "The Platform, a coalition of ... GATIA, denied": the head before the apposition
        p = s.aside_opening(j)
        if p is not None and (p - 1) in s.at_end:
            middle = s.at_start.get(p + 1)
            head = s.mentions[s.at_end[p - 1]]
            if middle is not None and s.mentions[middle].tok_end == j and not s.mentions[middle].generic and \
                    head.tok_start >= 2 and s.norms[head.tok_start - 1] == "of" and \
                    s.norms[head.tok_start - 2] in s.cues.single("other_org_nouns"):
                return middle  # "the Sahel branch of al-Qaeda, JNIM, claimed": the branch named, not its owner
            return s.at_end[p - 1]
    heads = s.cues.single("modifier_heads")
    while j >= 0 and status_tok - j <= 10:
        if j in s.at_end:
            m = s.mentions[s.at_end[j]]
            t = m.tok_start
            if m.via == "compound":  # "an al-Qaeda-linked group said": not al-Qaeda
                j = t - 1
                continue
            if m.role == "modifier" and m.tok_end < len(s.norms) and s.norms[m.tok_end] in s.cues.single("other_org_nouns"):
                return None  # "an ISIS offshoot group claimed": another, unnamed group (a spokesman would be X's)
            if t >= 2 and s.norms[t - 1] in ("to", "with", "by") and s.norms[t - 2] in heads:
                j = t - 3  # "a group allied to al-Qaeda's branch says": the group, not al-Qaeda
                continue
            return s.at_end[j]
        if s.is_break(j) and s.norms[j] not in {","}:
            return None
        j -= 1
    return None


def clause_subject(s: Sentence, before: int) -> int | None:
    """The one named actor the sentence opens with, as its subject (:func:`opening_subject`), when it
    stands before token ``before``."""
    m = opening_subject([s.mentions[k] for k in s.real], s.toks)
    if m is None or m.tok_start >= before:
        return None
    return next(k for k in s.real if s.mentions[k] is m)


def _words(s: Sentence, idx: list[int]) -> str:
    """Tokens as the text spaces them ("al-Qaeda's", not "al - Qaeda 's")."""
    out = []
    for n, x in enumerate(idx):
        if n and s.toks[x].start > s.toks[idx[n - 1]].end:
            out.append(" ")
        out.append(s.toks[x].text)
    return "".join(out)


def _claimant_words(s: Sentence, status_tok: int) -> str:
    before = tuple(s.norms[max(0, status_tok - 2) : status_tok])
    if before[-1:] in (("but",), ("and",)) or before == (",", "but"):
        # "X stated that ..., and accused Y": the first verb's claimant, never "and"
        prev = [o for o in s.status_occ if o.start < status_tok - 1 and o.cues[0].frame == "verb"]
        return _claimant_words(s, prev[-1].start) if prev else ""
    j = status_tok - 1
    words = []
    while j >= 0 and len(words) < 12:
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
    return _words(s, words)


def _according_party(s: Sentence, occ: Occurrence) -> tuple[str, bool]:
    """Who "according to" names: (actor id, True) for an actor, else (the words, False)."""
    k = s.right_mention(occ.end, reach=3, allow_possessor=True, stop_comma=True)
    if k is not None:
        return s.mentions[k].actor, True
    words = []
    for j in range(occ.end, min(len(s.toks), occ.end + 6)):
        if s.norms[j] in {",", ".", ";", ")", "("} or s.norms[j] in {"of", "that", "who"}:
            break
        words.append(s.toks[j].text)
    while words and words[0].lower() in {"the", "a", "an"}:
        words.pop(0)
    return " ".join(words), False


_RANK = {"reported": 0, "claimed": 1, "alleged": 2, "denied": 3, "disputed": 3}


def _suspicion(s: Sentence, *sides: Mention):
    """"Suspected X fighters", "a suspected X attack", "alleged X militants": an alleged-status
    word used as an adjective right before one side's name (not "Mali suspected X of ...")."""
    before_ok = s.cues.words("noun_markers") | s.cues.words("locative_words")
    for st in s.status_occ:
        if st.cues[0].kind != "alleged" or not any(st.end == m.tok_start for m in sides):
            continue
        j = st.start - 1
        if j < 0 or (s.norms[j],) in before_ok or s.norms[j].isdigit() or s.norms[j] == "(":
            return st
    return None


# frames that describe an actor inside a noun phrase ("al-Qaeda's affiliate JNIM", "the
# al-Qaeda-linked JNIM"): a verb of saying around them does not make the description anyone's claim
DESCRIPTIVE_FRAMES = frozenset({"possessive_member", "modifier", "possessed_part", "possessed_ally"})


def attribute(s: Sentence, occ: Occurrence, cue_id: str, src: Mention, dst: Mention, relation: str, *,
              relation_kind: str = "", standing: bool = False) -> RelationMatch:
    """The relation the cue ``occ`` tells between ``src`` and ``dst``, with the status and claimant the
    sentence gives it (``relation_kind`` and ``standing`` are the match's own)."""
    status, claimed_by, claim_text = "reported", "", ""
    best = status_before(s, occ.start)
    if best is not None and relation == "member-of" and best.end < len(s.norms) and s.norms[best.end] == "by" \
            and min(src.tok_start, dst.tok_start) > best.end:
        best = None  # "claimed by Al-Qaeda affiliate JNIM": the party's description is the narrator's
    own = next((c for c in occ.cues if c.id == cue_id), None)
    if best is None and not (own is not None and own.standing):
        best = status_after(s, occ.end)  # "JNIM attacked the post, the army said."
    if best is None:  # "an attack on a MINUSMA base claimed by Ansar Dine": claimed, by the party after "by"
        best = next((o for o in s.status_occ if occ.end <= o.start <= occ.end + 12 and o.cues[0].kind == "claimed"
                     and s.norms[o.end : o.end + 1] == ["by"] and not any(s.is_break(j) for j in range(occ.end, o.start))),
                    None)
    if best is not None and own is not None and own.standing and own.frame in DESCRIPTIVE_FRAMES:
        best = None  # "IS blamed al-Qaeda's Sahel affiliate JNIM": the description is the narrator's
    if best is not None and best.cues[0].kind != "denied":
        # "rejected claims that ...", "denied the reports that ...": a denial of the claim governs it
        best = next((o for o in s.status_occ if o.cues[0].kind == "denied" and o.cues[0].frame == "verb"
                     and 0 <= best.start - o.end <= 2 and all(w in {"the", "any", "all"} for w in s.norms[o.end:best.start])),
                    best)
    if best is not None:
        cue = best.cues[0]
        before = s.norms[max(0, best.start - 3) : best.start]
        negated = "not" in before or "never" in before  # "did not deny": no status from this verb
        if cue.kind == "denied" and "neither" in before:
            status = "alleged"  # "neither denied nor confirmed"
        elif not negated:
            status = cue.kind
            k = claimant_mention(s, best.start)
            claim_text = _claimant_words(s, best.start)
            by = best.end < len(s.norms) and s.norms[best.end] == "by"
            if best.start > occ.start and k is not None and not by:
                comma = max(j for j in range(occ.start, best.start) if s.norms[j] == ",")
                if s.mentions[k].tok_start < comma:
                    k = None  # ", residents said": the speaker is after the comma, never a name before it
            if by:
                # "a rocket attack claimed by X hit ...", "accused by Y of ...": the party follows
                k = s.right_mention(best.end + 1, reach=4, allow_possessor=True)
                claim_text = s.mentions[k].text if k is not None else ""
            claimed_by = s.mentions[k].actor if k is not None else claim_text
            if k is None and phrase_key(claim_text) in s.cues.words("impersonal_sources"):
                status, claimed_by, claim_text = "reported", "", ""  # "it was reported that"
    suspicion = _suspicion(s, src, dst)
    if suspicion is not None:
        if best is not None and best.start == suspicion.start:
            claimed_by = claim_text = ""  # "a raid by suspected X militants": nobody is named as saying so
        if _RANK[status] < _RANK["alleged"]:
            status = "alleged"
    descriptive = own is not None and own.standing and own.frame in DESCRIPTIVE_FRAMES
    for st in s.status_occ:
        if descriptive:
            break  # "al-Qaeda's affiliate, JNIM, said ..., according to SITE": the description is the narrator's
        cue = st.cues[0]
        span_lo, span_hi = min(st.start, occ.start), max(st.end, occ.end)
        span = s.norms[span_lo:span_hi]
        if ";" in span:
            continue
        if cue.frame == "according" and cue.kind == "claimed":
            if s.norms[st.start] == "per" and not (st.end < len(s.toks) and s.toks[st.end].is_capitalized):
                continue  # "per day", "per cent"
            if status == "reported":
                # a party's word is its claim; a medium's or an unnamed source's ("according
                # to SITE", "according to witnesses") is hearsay: alleged
                claimed_by, party = _according_party(s, st)
                status, claim_text = "claimed" if party else "alleged", claimed_by
        elif cue.frame == "adverb" and st.end <= occ.start and not any(w in _CONTRAST for w in span):
            if _RANK[cue.kind] > _RANK[status]:
                status = cue.kind
    return RelationMatch(src, dst, relation, cue_id, occ.start, occ.end, status, claimed_by, claim_text,
                         relation_kind, standing)

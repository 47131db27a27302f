"""Who acts: the subject group of a cue (with claim control), a passive's "by"
agent, and the pairs across two sides (with the mission a state's contingent serves).
"""

from __future__ import annotations

from actors.extract.frames.asides import parenthetical_start
from actors.extract.frames.attribution import claimant_mention, controls
from actors.extract.frames.dependents import blamed_for, deployer, formers, sender, unowned_thing
from actors.extract.frames.sentence import AGENT_REACH, Occurrence, Sentence
from actors.extract.mentions import Mention

__all__ = ["accuser", "accusing_verb", "agent", "aside_companions", "by_agent", "loyal_to", "nominal_at", "noun_participle", "governed", "pairs_across", "passive", "verb_governing", "with_contingents"]


def with_contingents(s: Sentence, ks: list[int]) -> list[Mention]:
    """Mentions, plus the mission a state's contingent serves ("Nigerien MINUSMA peacekeepers")."""
    out = []
    for k in ks:
        m = s.mentions[k]
        out.append(m)
        if m.contingent_of:
            out.append(Mention(m.contingent_of, m.start, m.end, m.tok_start, m.tok_end, m.text, via="contingent"))
    return out


def pairs_across(s: Sentence, agents: list[int], patients: list[int], relation: str):
    for a in with_contingents(s, agents):
        for p in with_contingents(s, patients):
            yield a, p, relation


def _is_participle(s: Sentence, occ: Occurrence) -> bool:
    key = tuple(s.norms[occ.start : occ.end])
    irregular = s.cues.words("irregular_participles")
    return key[-1].endswith(("ed", "en")) or key in irregular or key[:1] in irregular


def passive(s: Sentence, occ: Occurrence) -> bool:
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


def agent(s: Sentence, occ: Occurrence) -> list[int]:
    """The subject group of a verb or noun cue, with claim control; never the owners in
    "affiliates of al-Qaeda and ISIL stepped up attacks" (other groups act: :func:`owners_of_others`)."""
    found = _agent(s, occ)
    described = _described_by(s, found)
    if found and described >= set(found):
        # "the Malian army and a militia allied with France attacked JNIM": the subject is before the description
        t = min(s.mentions[m].tok_start for m in found)
        while t > 0 and s.norms[t - 1] not in s.cues.single("description_heads"):
            t -= 1
        k, _ = s.left_mention(t - 1) if t > 1 else (None, None)
        found = [m for m in s.group(k) if s.party(m)] if k is not None else []
        described = _described_by(s, found)
    owned = owners_of_others(s, found) | described
    return [m for m in found if m not in owned]


def nominal_at(s: Sentence, tok: int) -> Occurrence | None:
    """The cue occurrence starting at token ``tok`` that can be read as an attack noun, if any."""
    return next((o for o in s.relation_occ if o.start == tok and any(c.frame == "nominal" for c in o.cues)), None)


def _reacted_to(s: Sentence, c: int) -> bool:
    """Whether a verb of reacting (``reaction_verbs``) stands a few lower-case words before the cue at
    ``c``, no name between: the cue is its object ("condemns militant attack on"), a noun."""
    reacting = s.cues.single("reaction_verbs")
    for j in range(c - 1, max(-1, c - 4), -1):
        if s.norms[j] in reacting:
            return True
        if j in s.covered or not s.toks[j].text.islower():
            return False
    return False


def _described_by(s: Sentence, group: list[int]) -> set[int]:
    """Those named in a description of the subject ("a group linked to al-Qaeda and the Islamic State
    attacked": ``description_heads`` before "to" or "with"), with the names coordinated with them."""
    heads = s.cues.single("description_heads")
    out: set[int] = set()
    described = False
    for m in sorted(group, key=lambda k: s.mentions[k].tok_start):
        t = s.mentions[m].tok_start - (1 if s.norms[s.mentions[m].tok_start - 1 : s.mentions[m].tok_start] == ["the"] else 0)
        if t >= 3 and s.norms[t - 1] in {"both", "either"} and s.norms[t - 2] in {"to", "with"}:
            t -= 1  # "groups linked to both AQIM and the ISGS"
        if t >= 2 and s.norms[t - 1] in {"to", "with"} and s.norms[t - 2] in heads:
            described = True
        elif not (t >= 1 and s.norms[t - 1] in {"and", ",", "or"}):
            described = False
        if described:
            out.add(m)
    return out


def aside_companions(s: Sentence, agents: list[int], occ: Occurrence) -> list[int]:
    """Those who act with the subject, named in an aside between it and the verb ("the Malian army,
    along with Wagner, retook Kidal": Wagner retook it too); only a joint action's companions
    (``alongside``), not a supporter's ("with the support of")."""
    if not agents:
        return []
    end = max(s.mentions[a].tok_end for a in agents)
    if s.norms[end : end + 1] == [","]:
        end += 1
    o = next((o for o in s.relation_occ if o.start == end
              and any(c.frame == "companion" and c.relation_kind == "joint-action" for c in o.cues)), None)
    if o is None:
        return []
    p = s.right_mention(o.end, reach=3)
    if p is None:
        return []
    partners = [m for m in s.group(p, forward_only=True) if s.party(m) and not s.mentions[m].generic and m not in agents]
    close = s.mentions[partners[-1]].tok_end if partners else None
    if close is not None and occ.start >= 1 and s.norms[occ.start - 1] == "," and parenthetical_start(s, occ.start - 1) == close:
        return partners  # "... in collaboration with the Wagner Group, a Russian mercenary outfit, targeted"
    if close is not None and close == occ.start and s.norms[end - 1] != ",":
        return partners  # "the Malian army alongside Wagner attacked the CSP"
    if close is not None and s.norms[close : close + 1] == [","] and 3 < occ.start - close <= 6 \
            and _agentive_gap(s, close + 1, occ.start):
        return partners  # "Ansar Dine, along with AQIM, launched an offensive against ..."
    if close is None or s.norms[close : close + 1] != [","] or occ.start - close > 3 or any(
            s.is_break(x) and s.norms[x] not in s.cues.single("subject_adverbs") for x in range(close + 1, occ.start)):
        return []
    return partners


def _agentive_gap(s: Sentence, a: int, b: int) -> bool:
    """Tokens a..b are an agentive verb and a determiner before an attack noun ("launched an", "carried out a")."""
    words = s.cues.words("agentive_verbs")
    size = next((z for z in (3, 2, 1) if tuple(s.norms[a : a + z]) in words), 0)
    return bool(size) and all(w in s.cues.single("noun_markers") for w in s.norms[a + size : b])


def owners_of_others(s: Sentence, group: list[int]) -> set[int]:
    """Those of a coordinated group named after "affiliates of", "a branch of", "allies of"
    (``other_org_nouns``), with the names coordinated with them: they own the ones meant, other
    organisations, and do not act themselves."""
    out: set[int] = set()
    owned = False
    for m in sorted(group, key=lambda k: s.mentions[k].tok_start):
        j = s.mentions[m].tok_start - 1
        while j >= 0 and s.norms[j] in {"the", "its", "their"}:
            j -= 1
        k = j  # "a faction of the Sahel-based terror group al-Mourabitoun": past the description
        while k > 0 and j - k < 7 and s.norms[k] != "of" and (s.toks[k].text.islower() or s.norms[k] == "-"
                                                              or s.norms[k + 1 : k + 2] == ["-"]):
            k -= 1
        if k >= 1 and s.norms[k] == "of" and k != j and (s.norms[j] in s.cues.single("organisation_nouns")):
            j = k
        if j >= 1 and s.norms[j] == "of" and s.norms[j - 1] in s.cues.single("other_org_nouns"):
            owned = True
        elif j >= 3 and s.norms[j] == "of" and s.norms[j - 1] in s.cues.single("unit_nouns") \
                and s.norms[j - 2] in {"a", "an"} and s.norms[j - 3] == "," and (j - 4) in s.at_end:
            owned = True  # "Al Murabitoon, a battalion of AQIM, claimed": the battalion named before acts
        elif not (j >= 0 and s.norms[j] in {"and", ",", "or"}):
            owned = False
        if owned:
            out.add(m)
    return out


def _relative_noun(s: Sentence, start: int) -> Occurrence | None:
    """The attack noun whose relative clause the verb at ``start`` opens ("the attack that killed")."""
    if start < 2 or s.norms[start - 1] not in ("that", "which"):
        return None
    return next((o for o in s.relation_occ if o.end == start - 1 and any(c.frame == "nominal" for c in o.cues)), None)



def _after_preposition(s: Sentence, noun: Occurrence) -> bool:
    """Whether an attack noun ("the (November) attack") follows a preposition ("responsible for",
    "behind") and has no agent of its own ("by X", "X's attack")."""
    markers = s.cues.single("noun_markers")
    det = next((d for d in range(noun.start - 1, max(0, noun.start - 4), -1) if s.norms[d] in markers), 0)
    if det < 1 or s.norms[det - 1] not in _PREPOSITIONS | {"behind", "of", "from", "after"}:
        return False
    claimed = any(0 <= det - st.end <= 3 for st in s.status_occ)  # "claimed responsibility for the attack that ..."
    return not claimed and _owner_of_action(s, noun.start) is None and not by_agent(s, noun.end, reach=4)


def _noun_cue(s: Sentence, start: int) -> bool:
    """Whether the cue at ``start`` is an attack noun ("the attack on X"), not a verb."""
    occ = next((o for o in s.relation_occ if o.start == start), None)
    return occ is not None and any(c.frame == "nominal" for c in occ.cues) and (
        s.determined(occ) or s.norms[occ.start - 1 : occ.start] in (["'s"], ["'"]))  # ("Sunday's attack on X")


def verb_governing(s: Sentence, k: int, *, describing: int = 0) -> Occurrence | None:
    """A relation cue of another kind whose object the mention is ("split from the MNLA",
    "allied with Ansar Dine"): the cue ends right before it (an article between), or, with
    ``describing``, up to that many lower-case words before it ("ties with former colonial power France")."""
    start = s.mentions[k].tok_start
    if start > 0 and s.norms[start - 1] == "the":
        start -= 1
    return next((o for o in s.relation_occ if o.end <= start and start - o.end <= describing
                 and s.norms[o.end - 1] in {"from", "with", "to", "against"}
                 and all(s.toks[x].text.islower() or s.norms[x] == "the" for x in range(o.end, start))), None)


def _agent(s: Sentence, occ: Occurrence) -> list[int]:
    reach = AGENT_REACH
    subordinate = _subordinate_subject(s, occ)
    if subordinate is not None:
        return subordinate
    blamed = blamed_for(s, occ)
    if blamed is not None:
        return blamed
    noun = _relative_noun(s, occ.start)
    if noun is not None:
        if _after_preposition(s, noun):
            # "... responsible for the attack that killed dozens of police officers": the attack killed them,
            # and it names no agent of its own (a claim may): not the subject of the sentence
            return []
        if s.agent_of_cue.get(noun.start):
            return s.agent_of_cue[noun.start]  # "JNIM claimed the attack which killed ten soldiers"
        if unowned_thing(s, noun.start):
            return []  # "the second was a roadside bomb that killed X": no name further back (a claim may name one)
    if _reacted_to(s, occ.start):
        return []  # "Security Council condemns militant attack on Chadian army": who condemns did not attack
    t = occ.start - 1 if occ.start > 2 and s.norms[occ.start - 1] == "help" else occ.start  # "a force to help defeat X"
    if t > 1 and s.norms[t - 1] == "to":
        before = t - 2
        if before not in s.covered and ((s.norms[before],) in s.matcher.force_nouns or s.norms[before] in {"mission", "unit", "contingent"} | s.cues.single("coalition_nouns")):
            j = before - 1
            while j >= 0 and s.norms[j] not in {"a", "an", "the"} and before - j <= 4:
                j -= 1
            if not (j > 0 and s.norms[j - 1] in _PREPOSITIONS | {"from", "of"}):
                # "A, B and C formed a military alliance to defeat X": who formed it; "an African-led force
                # to assist X": the unnamed force acts for its sender
                return formers(s, j) or sender(s, before)
            if j > 1 and s.norms[j - 1] == "of" and s.norms[j - 2] in s.cues.single("deployment_nouns"):
                return deployer(s, j - 2)  # "the deployment of a force to help defeat X": a state's, or no one's
    j = occ.start - 1
    while j > 0 and (s.norms[j] in {"then", "later", "subsequently", "also"} or s.norms[j] in s.cues.single("aspect_verbs")):
        j -= 1  # "..., and also began attacking Mali": the subject goes on
    if j > 1 and s.norms[j] == "and" and s.norms[j - 1] == ",":
        # "X captured the outpost, and then ambushed Y": the subject goes on past the comma
        earlier = [c for c in s.agent_of_cue if c < occ.start and s.agent_of_cue[c]]
        if earlier and not any(t in s.covered for t in range(j, occ.start)):
            last = max(earlier)
            if not any(w in {".", ";", "while", "whereas", "but"} for w in s.norms[last:j]):
                return s.agent_of_cue[last]
    k, status_tok = s.left_mention(occ.start, reach)
    if k is not None and occ.start >= 2 and s.norms[occ.start - 1] == ",":
        # "Boko Haram, a group which pledged allegiance to the Islamic State, attacked ...": the aside's
        # object is no subject; the name the aside describes is
        p = s.aside_opening(occ.start - 1)
        if p is not None and s.mentions[k].tok_start > p and s.norms[p + 1 : p + 2] in (["a"], ["an"], ["which"], ["who"]) \
                and (p - 1) in s.at_end and s.party(s.at_end[p - 1]):
            k = s.at_end[p - 1]
    if k is not None and s.mentions[k].via == "country":
        noun = nominal_at(s, s.mentions[k].tok_end)
        if noun is not None and noun.end <= occ.start:
            return s.agent_of_cue.get(noun.start, [])  # "another Burkina attack killed ten VDP": the place's name
    owner = _owner_of_action(s, occ.start)
    if owner is not None and (k is None or s.mentions[k].tok_end <= s.mentions[owner].tok_start):
        return [owner]  # "Katiba Macina's first attacks, in January 2015, targeted ..."
    if k is not None:
        # "X attacked Y and killed Z": Y is an object; the agent of "killed" is X's
        if k in s.patient_of and "and" in s.norms[s.mentions[k].tok_end : occ.start]:
            return s.agent_of_cue.get(s.patient_of[k], [])
        if k in s.patient_of and _noun_cue(s, s.patient_of[k]):
            # "the attack on the MINUSMA base killed seven peacekeepers": the target named inside the
            # subject is no agent; the attack's own agents are (none: a claim may name them)
            return s.agent_of_cue.get(s.patient_of[k], [])
        verb = verb_governing(s, k)
        if verb is not None and "and" in s.norms[s.mentions[k].tok_end : occ.start]:
            # "the MNLA split from Ansar Dine and attacked the MAA": the first verb's subject goes on
            k2, _ = s.left_mention(verb.start, reach)
            return [m for m in s.group(k2) if s.party(m)] if k2 is not None else []
        group = s.group(k)
        if s.patient_of.get(k, -1) >= s.mentions[k].tok_end:
            # a subject that was hit ("a UN vehicle hit a mine, killing two peacekeepers"): the device's maker, if named
            return s.agent_of_cue.get(s.patient_of[k], [])
        if len(group) > 1 and group[0] in s.patient_of and k == group[-1]:
            prev_end = s.mentions[group[-2]].tok_end
            if s.norms[prev_end : prev_end + 2] == [",", "and"] and s.party(k):
                # "X attacked the Y outpost, and the Z ambushed W": a new clause's subject, not
                # one more object of the first verb
                return [k]
        first = s.mentions[group[0]].tok_start
        companions = _purpose_companions(s, group, occ)
        if companions:
            # "X fought alongside Y to seize Z": X and Y both seized it
            return companions + [m for m in group if s.party(m)]
        relative = any(w in ("which", "who") for w in s.norms[s.mentions[k].tok_end : occ.start])
        verb = None if relative else _verb_before(s, first)
        gap = s.norms[s.mentions[group[-1]].tok_end : occ.start]
        if verb is not None and gap in ([], ["to"]) and any(
                c.kind == "allied-with" and c.frame == "transitive" for c in verb.cues):
            # "Ukraine helped the CSP ambush Wagner": the one helped does what follows
            return [m for m in group if s.party(m)]
        if verb is not None:
            # "a rocket hit a MINUSMA base, killing ...": the object of a verb is not the next subject
            return s.agent_of_cue.get(verb.start, [])
        det = next((x for x in range(first - 1, max(0, first - 4), -1) if s.norms[x] in {"the", "a", "an"}), None)
        if s.norms[occ.start].endswith("ing") and gap[-1:] == [","] and len(gap) <= 10 and "and" not in gap \
                and det is not None and det > 1 and s.toks[det - 1].text.islower() and s.norms[det - 1].endswith("ed"):
            # "JNIM controlled the Togo army barracks (in Dapaong), killing six soldiers": the object of a verb
            # no cue names is not the next subject either; the verb's subject is
            k2, st = s.left_mention(det - 1, reach)
            if k2 is None and st is not None and controls(s, st, occ.start):
                k2 = claimant_mention(s, st)  # "X was quoted as saying the fighters controlled ..."
            return [m for m in s.group(k2) if s.party(m)] if k2 is not None else []
        return [m for m in s.group(k) if s.party(m)]
    if status_tok is not None:
        claimant = claimant_mention(s, status_tok)
        if claimant is not None and controls(s, status_tok, occ.start):
            return [m for m in s.group(claimant) if s.party(m) or s.mentions[m].role == "modifier"]
    return []



def _subordinate_subject(s: Sentence, occ: Occurrence) -> list[int] | None:
    """"Ansar Dine took over Timbuktu after driving out the MNLA", "... after it drove out the MNLA":
    a gerund or a pronoun's verb after a subordinator (``gerund_subordinators``) has the main
    clause's subject; None where the cue is no such verb."""
    t = occ.start
    words = s.cues.single("gerund_subordinators")
    if t >= 1 and s.norms[t - 1] in words and s.norms[t].endswith("ing"):
        opener = t - 1
    elif t >= 2 and s.norms[t - 1] in {"it", "they"} and s.norms[t - 2] in words:
        opener = t - 2
    else:
        return None
    earlier = [c for c in s.agent_of_cue if c < opener and s.agent_of_cue[c]]
    if earlier:
        return s.agent_of_cue[max(earlier)]
    k, _ = s.left_mention(opener, AGENT_REACH)
    first = s.mentions[s.group(k)[0]].tok_start if k is not None else 0
    if k is None or k in s.patient_of or governed(s, first) or s.norms[first - 1 : first] == ["by"]:
        return []  # "the MNLA was defeated by Ansar Dine after fighting ...": not the passive's agent
    return [m for m in s.group(k) if s.party(m)]


def _purpose_companions(s: Sentence, group: list[int], occ: Occurrence) -> list[int]:
    """The subjects of a joint-action companion cue ("fought alongside", "together with") whose
    object is ``group``, when the cue at ``occ`` is that joint action's purpose ("to seize ...")."""
    if s.norms[s.mentions[group[-1]].tok_end : occ.start] != ["to"]:
        return []
    start = s.mentions[group[0]].tok_start
    if start > 0 and s.norms[start - 1] == "the":
        start -= 1
    joint = next((o for o in s.relation_occ if o.end == start
                  and any(c.frame == "companion" and c.relation_kind == "joint-action" for c in o.cues)), None)
    if joint is None:
        return []
    k, _ = s.left_mention(joint.start)
    if k is None or governed(s, s.mentions[s.group(k)[0]].tok_start):
        return []
    return [m for m in s.group(k) if s.party(m) and m not in group]



# "of" and "from" are left out: "jets from Operation Barkhane were dispatched" keeps its subject
_PREPOSITIONS = frozenset({"between", "in", "to", "against", "with", "on", "at", "for", "into", "over", "toward", "towards", "near", "among"})


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "both", "two", "three", "four", "five", "ten", "several",
                          "multiple", "many", "numerous", "some"})


def governed(s: Sentence, tok: int) -> bool:
    """Whether the noun phrase at ``tok`` is the object of a preposition or a verb."""
    j = tok - 1
    while j >= 0 and tok - j <= 4 and (s.norms[j] in _DETERMINERS
                                        or s.norms[j].isdigit() and not _year(s.norms[j])):
        j -= 1  # "against two Malian units"; but "In 2019 X, with the support of Y": a date, X the subject
    if j < 0:
        return False
    return s.norms[j] in _PREPOSITIONS or _verb_before(s, j + 1) is not None


def _year(word: str) -> bool:
    return len(word) == 4 and word[:2] in ("19", "20")


def _owner_of_action(s: Sentence, c: int) -> int | None:
    """A possessor whose attack noun is the subject of the cue: "X's attacks ... targeted"."""
    for o in s.relation_occ:
        if o.start >= c or c - o.end > 8 or not any(x.frame == "nominal" and x.kind == "fought-against" for x in o.cues):
            continue
        j = o.start - 1
        while j >= 0 and s.norms[j] in {"first", "latest", "new", "repeated", "several", "main"}:
            j -= 1
        led = j >= 2 and s.norms[j - 1 : j + 1] == ["-", "led"] and (j - 2) in s.at_end  # "a Wagner-led raid"
        owner = s.at_end[j - 2] if led else s.at_end.get(j - 1) if j >= 1 and s.norms[j] == "'s" else None
        if owner is not None and (led or s.mentions[owner].role == "possessor"):
            between = s.norms[o.end : c]
            if not any(w in between for w in ("against", "on", "by")) and not any(s.is_break(x) for x in range(o.end, c)):
                return owner
    return None


def _verb_before(s: Sentence, tok: int):
    """A transitive verb cue right before token ``tok`` (skipping articles and adjectives)."""
    j = tok - 1
    while j >= 0 and tok - j <= 3 and s.norms[j] in {"the", "a", "an", "its", "their", "several", "two", "three", "some", "many"}:
        j -= 1
    occ = next((o for o in s.relation_occ if o.end - 1 == j), None)
    if occ is not None and any(c.frame == "transitive" for c in occ.cues) and not s.determined(occ) \
            and not (occ.start > 0 and s.norms[occ.start - 1] == "-"):  # "French-backed": an adjective
        return occ
    return None


def by_agent(s: Sentence, after: int, reach: int = 4) -> list[int]:
    """The agent after "by", within ``reach`` tokens of ``after``; a place's apposition may stand
    between ("pushed out of Léré, Timbuktu Region, by Ansar Dine")."""
    j = None
    x = after
    hi = min(len(s.toks), after + reach)
    phrases = s.cues.words("agent_phrases")
    while x < hi:
        if s.norms[x] == "by":
            j = x
            break
        z = next((z for z in (4, 3) if tuple(s.norms[x : x + z]) in phrases), 0)
        if z:
            j = x + z - 1  # "killed at the hands of JNIM": as "by"
            break
        if s.norms[x] == "," and x + 1 < len(s.toks) and s.toks[x + 1].is_capitalized and x + 1 not in s.at_start:
            # ", Timbuktu Region," names a place: skip it to its closing comma
            y = x + 1
            while y < min(len(s.toks), x + 5) and s.toks[y].is_capitalized and y not in s.at_start:
                y += 1
            if y < len(s.toks) and s.norms[y] == "," and y + 1 < len(s.toks) and s.norms[y + 1] == "by":
                j = y + 1
                break
            return []
        if s.is_break(x) or s.norms[x] == "," or x in s.at_start:
            return []
        x += 1
    if j is None:
        return []
    k = s.right_mention(j + 1, reach=4, allow_possessor=False)
    return s.group(k, forward_only=True) if k is not None else []


def noun_participle(s: Sentence, occ: Occurrence) -> bool:
    """An "-ing" cue right after a common noun ("a convoy supplying X"): it describes that noun."""
    t = occ.start
    if not s.norms[t].endswith("ing") or t == 0 or (t - 1) in s.at_end:
        return False
    prev = s.toks[t - 1]
    status = any(o.end == t for o in s.status_occ)
    return prev.text.isalpha() and prev.text.islower() and not status and not s.is_break(t - 1) \
        and prev.norm not in s.cues.single("aspect_verbs") and prev.norm not in s.cues.single("accusation_participles") \
        and prev.norm not in {"and", "or", "by", "of", "for", "in", "on", "without", "while", "after", "before", "also", "been", "was", "were", "is", "are"}


def accusing_verb(s: Sentence, accused: list[int]) -> int | None:
    """The token of the accusing verb (``accusing_verbs``) right before the coordinated group
    ``accused`` ("the CSP accused the MSA and GATIA of ..."), articles aside; None if there is none."""
    if not accused:
        return None
    first = s.mentions[s.group(accused[0])[0]].tok_start - 1
    while first >= 0 and s.norms[first] in {"the", "a", "an", "its", "their"}:
        first -= 1
    return first if first >= 0 and s.norms[first] in s.cues.single("accusing_verbs") else None


def accuser(s: Sentence, accused: list[int]) -> int | None:
    """The named party that accuses ``accused`` ("the CSP accused FAMa and Wagner of ..."), if any."""
    verb = accusing_verb(s, accused)
    if verb is None:
        return None
    k, _ = s.left_mention(verb, stop_at_status=False)
    return k if k is not None and not s.mentions[k].generic and k not in accused else None


def loyal_to(s: Sentence, first: int) -> bool:
    """The names from token ``first`` on own the subject ("groups loyal to A and B": ``allegiance_phrases``):
    each its own groups, no joint action of A and B."""
    return any(tuple(s.norms[max(0, first - z) : first]) in s.cues.words("allegiance_phrases") for z in (2, 3))

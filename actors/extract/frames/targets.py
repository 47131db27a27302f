"""Who the other side of an attack is, when it is not the verb's plain object or subject.

Helpers of :mod:`actors.extract.frames.action`: the holder of a place taken ("Douentza, a town
held by Ganda Iso, was seized by MOJWA"; "took over Ménaka, which had been held by the MNLA"),
co-victims, the group of a leader killed ("One of AQIM's commanders, X, was killed by Y"), the
maker of a device ("killed by an IED planted by JNIM"), a device as the object ("a convoy hit an
IED"), the attackers of an attack noun ("killed in a suspected JNIM attack"), the target a
device went off at ("exploded under a MINUSMA vehicle"), the state that underwent an attack noun
("Burkina Faso has faced an insurgency by X") and a participle describing a noun that is no actor
("a convoy escorted by VDP").
"""

from __future__ import annotations

from actors.extract.frames.agents import by_agent, governed
from actors.extract.frames.attribution import claimant_mention
from actors.extract.frames.sentence import COPULAS, Occurrence, Sentence
from actors.extract.generics import opens

__all__: list[str] = []  # helpers of the frames (action) and of actors.extract.relations (evaluation)


def _holder_before(s: Sentence, lo: int, hi: int) -> int | None:
    """A holder phrase ("held by Y", "until then controlled by Y") in the subject of a passive
    capture, between ``lo`` and ``hi``: the mention of Y."""
    phrases = s.cues.words("holder_phrases")
    for j in range(lo, hi):
        for size in (4, 3, 2):
            if tuple(s.norms[j : j + size]) in phrases:
                k = s.right_mention(j + size, reach=6, stop_comma=False)
                if k is not None and s.mentions[k].tok_end <= hi:
                    return k
    return None


def _previous_holder(s: Sentence, after: int) -> list[int]:
    """The place taken right after the cue was held by Y: ", which had (previously) been held
    by Y", "a town under the control of Y", "which had been under attack by Y" (the cue file's
    ``holder_phrases``): Y lost it, so Y was fought. Returns Y's mention, and those named with it
    as modifiers of "control" ("under MNLA and Ansar Dine control"); empty when none."""
    phrases = s.cues.words("holder_phrases")
    also: list[int] = []

    def phrase_at(j: int) -> int | None:
        if s.norms[j] == "under" and j + 1 in s.at_start:
            # "a city under MNLA control" (the name a modifier of "control")
            k = s.at_start[j + 1]
            end = s.mentions[k].tok_end
            named = [k]
            while end + 1 < len(s.toks) and s.norms[end] in {"and", ","} and end + 1 in s.at_start:
                named.append(s.at_start[end + 1])
                end = s.mentions[named[-1]].tok_end  # "under MNLA and Ansar Dine control"
            if end < len(s.toks) and s.norms[end] == "control" and not s.mentions[k].generic:
                also.extend(x for x in named[1:] if not s.mentions[x].generic)
                return k
        for size in (4, 3, 2):
            if tuple(s.norms[j : j + size]) in phrases:
                # "held by a Songhai militia, the Ganda Iso" (an apposition), but not ", and the army ..."
                k = s.right_mention(j + size, reach=6, stop_comma=False)
                gap = s.norms[j + size : s.mentions[k].tok_start] if k is not None else []
                if any(a == "," and b in {"and", "but", "while", "as"} for a, b in zip(gap, gap[1:])):
                    return None
                return k
        return None

    for j in range(after, min(len(s.toks) - 2, after + 10)):
        if s.norms[j] in {"which", "that"}:
            # ", which had (previously) been held by Y": the relative clause's first words
            for x in range(j + 1, min(len(s.toks) - 1, j + 7)):
                k = phrase_at(x)
                if k is not None:
                    return [k, *also]
                if s.is_break(x) or x in s.verb_starts:
                    return []
            return []
        k = phrase_at(j)
        if k is not None:
            return [k, *also]
        if s.is_break(j) or j in s.verb_starts:
            return []
    return []


def _co_victims(s: Sentence, patients: list[int]) -> list[int]:
    """"killed three Malian soldiers along with two Burkinabe gendarmes": the companion of an
    object (not "alongside", which goes with the subject) shares its fate."""
    if not patients:
        return []
    end = s.mentions[patients[-1]].tok_end
    occ = next((o for o in s.relation_occ if o.start == end and any(c.frame == "companion" for c in o.cues)), None)
    if occ is None or tuple(s.norms[occ.start : occ.end]) in s.cues.words("subject_companions"):
        return []
    if not any(w in {"along", "together"} for w in s.norms[occ.start : occ.end]):
        return []
    k = s.right_mention(occ.end, reach=4)
    victims = s.group(k, forward_only=True) if k is not None else []
    if any(_state_side(s, v) != _state_side(s, patients[0]) for v in victims):
        return []  # "Malian troops attacked JNIM along with French troops": the French came with the subject
    return victims


def _state_side(s: Sentence, k: int) -> bool:
    """A state's forces, or a mission's or a private military company's."""
    actor = s.matcher.dictionary.get(s.mentions[k].actor)
    return actor is not None and ("state" in actor.tags or actor.kind in ("international mission", "private military company"))


def _clause_start(s: Sentence, c: int) -> int:
    """The first token of the stretch before ``c`` that no hard break or full stop interrupts."""
    j = c - 1
    while j >= 0 and not s.hard(j) and s.norms[j] not in {".", ";"}:
        j -= 1
    return j + 1


def _leader_group(s: Sentence, lo: int, hi: int) -> int | None:
    """A named group whose leader the words between ``lo`` and ``hi`` name: "an al-Qaeda
    commander", "one of AQIM's most feared commanders", "the leader of AQIM" (the cue file's
    ``person_leader_nouns``)."""
    leaders = s.cues.single("person_leader_nouns")
    for k, m in enumerate(s.mentions):
        if m.tok_start < lo or m.tok_end > hi or m.generic:
            continue
        b = m.tok_start - (2 if s.norms[m.tok_start - 1 : m.tok_start] == ["the"] else 1)
        if b > lo and s.norms[b] == "of" and s.norms[b - 1] in leaders:
            return k  # "the leader of AQIM", "a senior commander of the ISGS"
        j = m.tok_end + (1 if m.tok_end < hi and s.norms[m.tok_end] == "'s" else 0)
        for x in range(j, min(hi, j + 4)):
            if s.norms[x] in leaders:
                return k
            if not s.toks[x].text.isalpha() or x in s.at_start:
                break
    return None


def _leader_apposition(s: Sentence, after: int) -> int | None:
    """"killed Mokhtar Belmokhtar, an al-Qaeda commander": the object is a person, the
    apposition names the group he led; that group was fought."""
    j = after
    particles = s.cues.single("name_particles")  # "Bah ag Moussa", "Iyad ag Ghaly", "Ould Daha"
    while j < len(s.toks) and j - after < 5 and (s.toks[j].is_capitalized or s.norms[j] in particles) and j not in s.covered:
        j += 1
    if j == after or j >= len(s.toks) or s.norms[j] != ",":
        return None
    end = j + 1
    while end < len(s.toks) and end - j <= 9 and not s.is_break(end) and s.norms[end] != ",":
        end += 1
    return _leader_group(s, j + 1, end)


def _device_object(s: Sentence, occ: Occurrence) -> bool:
    """The verb's object is a device ("hit an IED", "struck a landmine", "ran over a mine")."""
    devices = s.cues.single("device_nouns")
    j = occ.end
    while j < len(s.toks) and j < occ.end + 4 and s.norms[j] in {"an", "a", "the", "over", "improvised", "explosive",
                                                                     "roadside", "buried", "hidden", "anti-tank"}:
        j += 1
    return j < len(s.toks) and s.norms[j] in devices and j not in s.covered


def _device_agents(s: Sentence, after: int) -> list[int]:
    """"killed by an IED planted by JNIM", "hit by a mine laid by ISGS": the device's maker acted."""
    if after >= len(s.toks) or s.norms[after] != "by":
        return []
    devices = s.cues.single("device_nouns")
    for j in range(after + 2, min(len(s.toks) - 1, after + 7)):
        if s.norms[j] == "by" and s.norms[j - 1] in s.cues.single("device_participles") \
                and any(w in devices for w in s.norms[after + 1 : j - 1]):
            return by_agent(s, j, reach=1)
        if s.is_break(j) or j in s.covered:
            return []
    return []


def _attack_noun_agents(s: Sentence, after: int) -> list[int]:
    """"killed in a suspected JNIM attack", "wounded in an ambush claimed by JNIM": the attackers."""
    if after >= len(s.toks) or s.norms[after] not in {"in", "during", "following", "after", "amid"}:
        return []  # (and "killed following an attack by ISWAP fighters")
    for o in s.relation_occ:
        if o.start <= after or o.start > after + 8:
            continue
        if not any(c.frame == "nominal" and c.kind == "fought-against" for c in o.cues):
            continue
        j = o.start - 1
        if j > after and j in s.at_end and s.party(s.at_end[j]) and s.mentions[s.at_end[j]].tok_start > after:
            return s.group(s.at_end[j])
        return by_agent(s, o.end, reach=4)
    return []


def _detonation_target(s: Sentence, j: int) -> int | None:
    """"(an IED ...) exploded under a MINUSMA vehicle", "(shells) landed inside the MINUSMA camp",
    "(a bomb) went off as a Malian convoy passed": at token ``j`` a verb of a device going off
    (``detonation_verbs``), then a word of where it hit (``detonation_preps``) and the actor
    whose vehicle, camp or convoy it hit."""
    verbs = s.cues.words("detonation_verbs")
    if s.norms[j] not in s.cues.first_words("detonation_verbs"):
        return None
    preps = s.cues.words("detonation_preps")
    size = next((z for z in (2, 1) if tuple(s.norms[j : j + z]) in verbs), 0)
    if not size:
        return None
    at = j + size
    width = next((z for z in (3, 2, 1) if tuple(s.norms[at : at + z]) in preps), 0)
    if not width:
        return None
    return s.right_mention(at + width, reach=5)


def _fled(s: Sentence, occ: Occurrence) -> int | None:
    """A place taken and, later in the sentence, a party leaving it ("the MNLA re-took Tessalit, and the
    Malian military forces fled", "... when the Malian army operated a tactical retreat"): that party
    lost the place, so it was fought. Only after a capture verb (``capture_verbs``); the party is the
    nearest one before the flight word (``flight_words``), at most six words before it."""
    if tuple(s.norms[occ.start : occ.end]) not in s.cues.words("capture_verbs"):
        return None
    flight = s.cues.words("flight_words")
    for j in range(occ.end, len(s.toks)):
        size = next((n for n in (2, 1) if tuple(s.norms[j : j + n]) in flight), 0)
        if not size:
            continue
        near = [k for k, m in enumerate(s.mentions) if occ.end <= m.tok_start and m.tok_end <= j
                and j - m.tok_end <= 6 and s.party(k)]
        if near and getattr(s.matcher.dictionary.get(s.mentions[near[-1]].actor), "kind", "") == "international mission":
            return None  # "seized Kidal after the UN withdrawal": a mission leaving is no side losing a fight
        return near[-1] if near else None
    return None


def _sufferer(s: Sentence, c: int) -> list[int]:
    """The subject of a verb of undergoing (``suffering_verbs``) right before the noun at ``c``:
    "Burkina Faso has faced an insurgency by X", "Niger suffered a wave of attacks by X"."""
    verbs, phrases = s.cues.single("suffering_verbs"), s.cues.words("suffering_verbs")

    def verb_at(j: int) -> int:  # where the verb ending at j starts ("embroiled in"), or -1
        return j if s.norms[j] in verbs else (j - 1 if j >= 1 and tuple(s.norms[j - 1 : j + 1]) in phrases else -1)
    j = c - 1
    while j >= 0 and s.norms[j] in {"the", "a", "an", "'s"}:
        j -= 1
    if j in s.at_end:  # "died in a Boko Haram attack": past the noun's own agent
        c = j = s.mentions[s.at_end[j]].tok_start
        j -= 1
    else:
        j = c - 1
    while j >= 0 and c - j <= 5 and verb_at(j) < 0:
        if s.is_break(j) or j in s.at_end:
            return []
        j -= 1
    if j < 0 or verb_at(j) < 0:
        return []
    k, _ = s.left_mention(verb_at(j))
    return [m for m in s.group(k) if s.party(m)] if k is not None else []


def _reduced_relative(s: Sentence, c: int) -> bool:
    """A passive participle at ``c`` right after a common noun that names no actor ("a convoy
    escorted by soldiers", "the town seized by MOJWA"): it describes that noun."""
    j = c - 1
    if j < 1 or j in s.at_end or (s.norms[j],) in s.aux:
        return False
    w = s.toks[j].text
    return w.isalpha() and w.islower() and not w.endswith("ly") and s.norms[j - 1] in {"a", "an", "the"}


def _owner_before(s: Sentence, c: int) -> list[int]:
    """A modifier or possessor right before the noun: "the JNIM attack", "MOJWA's attacks"."""
    j = c - 1
    while j >= 0 and s.norms[j] in {"the", "a", "an", "'s", "new", "first", "latest", "major", "joint", "renewed"}:
        j -= 1
    if j >= 0 and j in s.at_end and s.mentions[s.at_end[j]].via == "country" and s.norms[j + 1] != "'s":
        return []  # "another Burkina attack killed ten VDP": a country's bare name before the noun says where
    return s.group(s.at_end[j]) if j >= 0 and j in s.at_end else []


def _supported_before(s: Sentence, c: int) -> list[int]:
    """"supported the Nigerien army in operations against Y": the supported side is the noun's agent."""
    j = c - 1
    while j >= 0 and s.norms[j] in {"the", "a", "an", "its", "their", "joint"}:
        j -= 1
    if j < 1 or s.norms[j] not in {"in", "during"} or (j - 1) not in s.at_end:
        return []
    k = s.at_end[j - 1]
    verb = next((o for o in s.relation_occ if o.start == s.patient_of.get(k, -1)), None)
    if verb is None or not any(x.kind == "allied-with" and x.frame == "transitive" for x in verb.cues):
        return []
    return s.group(k)


def _joint_noun(s: Sentence, occ: Occurrence) -> bool:
    """An action noun whose agents may be several with nobody named as its target:
    "A and B launched an operation": worth finding the agents for."""
    if occ.start < 2 or any(c.frame == "symmetric" for c in occ.cues):
        return False  # "A and B began fighting": together or against each other?
    if not s.cues.first_words("reciprocal").isdisjoint(s.norms[occ.end : occ.end + 4]) and any(
            tuple(s.norms[r : r + z]) in s.reciprocal for r in range(occ.end, min(len(s.toks), occ.end + 4)) for z in (1, 2)):
        return False
    verbs = s.cues.words("agentive_verbs")
    if s.cues.first_words("agentive_verbs").isdisjoint(s.norms[max(0, occ.start - 4) : occ.start]):
        return False  # no such verb starts in the four words before the noun
    return any(tuple(s.norms[x : x + z]) in verbs for x in range(max(0, occ.start - 4), occ.start) for z in (1, 2))


def _claimant_of_noun(s: Sentence, occ: Occurrence) -> list[int]:
    """"JNIM claimed a landmine attack on Y": the claimant of the attack noun is its agent; so is
    the party that denies it ("X denied involvement in the attack on Y": drawn as denied)."""
    st = next((o for o in reversed(s.status_occ) if o.end <= occ.start and o.cues[0].kind in ("claimed", "denied")
               and o.cues[0].frame == "verb"), None)
    if st is None or occ.start - st.end > 4:
        return []
    if st.cues[0].kind == "claimed" and tuple(s.norms[st.start : st.end]) not in s.cues.words("authorship_verbs"):
        return []  # "an official confirmed an attack on Y": a witness, not the attacker
    if st.cues[0].kind == "denied" and not _denial_of_part(s, st.end, occ.start):
        return []  # "Mali denied the attack on X": that it happened, not that Mali did it
    if any(x in s.covered or s.is_break(x) or s.norms[x] == "," for x in range(st.end, occ.start)):
        return []
    k = claimant_mention(s, st.start)
    if k is None or not s.party(k) or s.mentions[k].generic:
        return []
    return [k]


def _denial_of_part(s: Sentence, lo: int, hi: int) -> bool:
    """Between a denial and an attack noun, words that deny a part in it ("involvement in",
    "responsibility for", "any role in"): the cue file's ``denial_objects`` and a preposition."""
    words = s.norms[lo:hi]
    objects = s.cues.words("denial_objects")
    return any(tuple(words[:z]) in objects and words[z:z + 1] in (["in"], ["for"], ["of"])
               for z in range(1, len(words)))


def _agentive_subject(s: Sentence, occ: Occurrence, agents: list[int]) -> list[int]:
    """``agents`` (the clause subject of an action noun) when a verb such as "launched" or "carried
    out" (``agentive_verbs``) joins them to the noun, or when they take part in the campaign the noun
    names ("in the fight against Y"), with the subject's companions ("with Chad", "alongside A and B");
    else none."""
    if not agents:
        return []
    span = s.norms[s.mentions[agents[-1]].tok_end : occ.start]
    verbs = s.cues.words("agentive_verbs")
    if any(tuple(span[x : x + z]) in verbs for x in range(len(span)) for z in (1, 2, 3)):
        return agents
    # "Niger deployed troops to Diffa in the fight against Boko Haram": taking part in a campaign
    openers = s.cues.words("participation_openers")
    taking_part = s.norms[occ.end - 1] in s.cues.single("participation_nouns") and any(
        tuple(span[len(span) - z :]) in openers for z in (2, 3) if len(span) >= z)
    if not taking_part:
        return []
    first = s.mentions[agents[0]].tok_start
    subjects = _opening_group(s, first) if first > 0 and s.norms[first - 1] in s.cues.single("companion_prepositions") \
        else []
    if not subjects:
        # (the clause's subject, not a noun governed by a preposition: "cooperation with LCBC member states")
        return [] if governed(s, first) else agents + _companions(s, s.mentions[agents[-1]].tok_end, occ.start)
    # "Niger patrolled with Chad in the fight against Y", "A and B are engaged alongside C in the battle
    # against Y": the subject's companions take part with it
    if not _stands_alone(s, s.mentions[agents[-1]].tok_end):
        return subjects  # a name that modifies a noun is no companion ("cooperation with LCBC member countries")
    return subjects + [a for a in agents if a not in subjects]


def _companions(s: Sentence, lo: int, hi: int) -> list[int]:
    """Named between tokens ``lo`` and ``hi`` after a companion preposition ("with Chad", "alongside A and B"),
    not modifying a noun after them."""
    preps = s.cues.single("companion_prepositions")
    for k in s.real:
        j = s.mentions[k].tok_start
        if lo <= j < hi and j > 0 and s.norms[j - 1] in preps and s.party(k) and not s.mentions[k].generic:
            group = [m for m in s.group(k, forward_only=True) if s.mentions[m].tok_end <= hi]
            end = max(s.mentions[m].tok_end for m in group)
            return group if _stands_alone(s, end) else []
    return []


def _stands_alone(s: Sentence, end: int) -> bool:
    """A name ending at token ``end`` is followed by a preposition or comma, not by a noun it modifies
    ("with Chad in the fight", not "with LCBC member countries")."""
    return s.norms[end : end + 1] in (["in"], ["as"], [","])


def _opening_group(s: Sentence, before: int) -> list[int]:
    """The named subject the sentence opens with, before token ``before``: one actor or a list ("Chad
    and Cameroon are engaged alongside ...")."""
    named = sorted((k for k in s.real if s.party(k) and not s.mentions[k].generic), key=lambda k: s.mentions[k].tok_start)
    if not named or s.mentions[named[0]].tok_start >= before or not opens(s.toks, s.mentions[named[0]].tok_start):
        return []
    return [m for m in s.group(named[0]) if s.party(m) and not s.mentions[m].generic and s.mentions[m].tok_start < before]


def formerly_owned(s: Sentence, k: int) -> bool:
    """An object named by its former owner: "the former MINUSMA base", "the ex-MINUSMA camp", "former
    MNLA fighters"."""
    j = s.mentions[k].tok_start - 1
    if j >= 0 and s.norms[j] == "-":
        j -= 1
    return j >= 0 and s.norms[j] in s.cues.single("former_markers")


def evaluation(s: Sentence, occ: Occurrence) -> bool:
    """"This/It was the deadliest attack ...": a superlative judging an event already told."""
    return len(s.toks) > 3 and s.norms[0] in {"this", "it", "that"} and s.norms[1] in COPULAS \
        and any(w.endswith("est") or w in {"worst", "most"} for w in s.norms[max(2, occ.start - 3) : occ.start])


def _back_reference(s: Sentence, c: int) -> list[int]:
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


def _told_attack(s: Sentence, after: int) -> bool:
    """After a passive, "in the attack" (or "in that raid", "during the assault"): an attack told before."""
    if s.norms[after : after + 1] not in (["in"], ["during"]) or after + 2 >= len(s.toks) \
            or s.norms[after + 1] not in {"the", "that", "this", "these", "those"}:
        return False
    return any(o.start == after + 2 and any(c.frame == "nominal" and c.kind == "fought-against" for c in o.cues)
               for o in s.relation_occ)


def _noun_target(s: Sentence, k: int) -> bool:
    """Mention ``k`` is what an attack noun is on or against ("an attack on AQIM positions")."""
    j = s.mentions[k].tok_start - 1
    if j >= 0 and s.norms[j] == "the":
        j -= 1
    return j >= 0 and s.norms[j] in {"on", "against"} and any(
        o.end == j and any(c.kind == "fought-against" for c in o.cues) for o in s.relation_occ)

"""State references: how a text names a state's forces without an alias.

- a group reference: a state's demonym or possessive name before a force noun
  ("Malian soldiers", "Mali's army", "French and Malian troops", "Franco-Chadian
  forces", "Nigerien MINUSMA peacekeepers"), or before the noun of its action ("the
  French operation", "a Malian offensive": the demonym alone is the mention);
- a bare country name used as a belligerent ("Mali launched ..."), but not as a
  place ("in Mali", "Nampala, Mali", "the Mali War", "Lake Chad");
- a state's peacekeepers: the mission they serve in at the date (:func:`mission_in_force`;
  "Nigerian UN peacekeepers" in 2019 are MINUSMA's, :func:`un_body`).

Both return token spans and actor ids; :func:`actors.extract.mentions.find_mentions`
makes the mentions.

>>> from actors.extract.dictionary import load_dictionary
>>> from actors.extract.matcher import build_matcher
>>> from actors.text.tokens import tokenize
>>> m = build_matcher(load_dictionary())
>>> group_reference(m, tokenize("French and Malian troops"), 0)
(4, [('france', (0, 1)), ('mali', (2, 4))], '', False, 'party')
>>> bare_country(m, tokenize("in Mali"), 1, False) is None
True
"""

from __future__ import annotations

from typing import Sequence

from actors.extract.matcher import Matcher, heads, longest, phrase_at
from actors.text.tokens import Token

__all__ = ["group_reference", "bare_country", "mission_in_force", "peacekeepers", "troops_from", "un_body"]


def _reference_item(matcher: Matcher, tokens: Sequence[Token], j: int, *, allow_alias: bool):
    """One coordinated item of a group reference: (next index, [(actor, (a, b))])."""
    n = len(tokens)
    word = tokens[j].norm if j < n else None
    # "Franco-Chadian": prefix, hyphen, demonym
    ln, hit = longest(tokens, j, matcher.prefixes, 2) if _may_start(matcher.prefixes, word) else (0, None)
    if ln and j + ln + 1 < n and tokens[j + ln].norm == "-":
        ln2, hit2 = longest(tokens, j + ln + 1, matcher.demonyms, 3)
        if ln2:
            return j + ln + 1 + ln2, [(hit, (j, j + ln)), (hit2, (j + ln + 1, j + ln + 1 + ln2))]
    ln, hit = longest(tokens, j, matcher.demonyms, 3) if _may_start(matcher.demonyms, word) else (0, None)
    if ln:
        return j + ln, [(hit, (j, j + ln))]
    # "Mali's army": a country name in the possessive
    ln, hit = longest(tokens, j, matcher.countries, 3) if _may_start(matcher.countries, word) else (0, None)
    if ln and j + ln < n and tokens[j + ln].norm == "'s":
        return j + ln + 1, [(hit, (j, j + ln))]
    if allow_alias:  # "Malian and Wagner Group forces": a named actor joined to a demonym
        ln, hit = longest(tokens, j, matcher.aliases, matcher.max_len)
        if ln and len(hit) == 1 and hit[0] not in matcher.generic_ids:
            return j + ln, [(hit[0], (j, j + ln))]
        # "French, MINUSMA, and Mali forces": a country's name as the last item before the noun
        ln, hit = longest(tokens, j, matcher.countries, 3) if _may_start(matcher.countries, word) else (0, None)
        if ln and phrase_at(tokens, j + ln, matcher.force_nouns, 4):
            return j + ln, [(hit, (j, j + ln))]
    return None


def _may_start(table: dict, word: str | None) -> bool:
    """Whether a key of ``table`` may start with ``word`` (its first-word index says; a table without
    one may have any): when not, :func:`longest` there finds nothing."""
    index = heads(table)
    return index is None or word in index


def _may_open(matcher: Matcher, word: str) -> bool:
    """Whether a group reference can open with ``word``: a prefix, demonym or country name starts
    with it (:func:`_reference_item` without an alias finds nothing otherwise)."""
    for table in (matcher.prefixes, matcher.demonyms, matcher.countries):
        index = heads(table)
        if index is None or word in index:
            return True
    return False


def un_body(matcher: Matcher, actor_id: str) -> bool:
    """The United Nations itself, not one of its missions (tags ``un`` without ``peacekeeping``): whose
    peacekeepers serve in the mission of the place and period."""
    tags = set(getattr(matcher.dictionary.get(actor_id), "tags", ()))
    return "un" in tags and "peacekeeping" not in tags


def group_reference(matcher: Matcher, tokens: Sequence[Token], i: int):
    """A demonym-led reference: "Malian (and French) (MINUSMA) (security) forces".

    Returns (length, [(actor, (tok_start, tok_end))...], contingent mission id, joint unit?, role)
    or None.
    """
    n = len(tokens)
    if not _may_open(matcher, tokens[i].norm):
        return None
    if i >= 2 and tokens[i - 1].norm == "-" and (tokens[i - 2].norm in matcher.single("leaning_prefixes")
                                                  or tokens[i - 2].norm in matcher.single("opposing_prefixes")):
        return None  # "the pro-Russian junta": a leaning, not Russia's forces
    item = _reference_item(matcher, tokens, i, allow_alias=False)
    if item is None:
        return None
    j, actors = item
    while j + 1 < n and tokens[j].norm in {"and", ",", "-", "or"}:
        # "French and Malian troops"; "a joint Malian-French operation" (two demonyms joined);
        # "ambushes on Malian or French forces", "a Russian/Malian column" (each of them)
        if tokens[j].norm == "-" and not longest(tokens, j + 1, matcher.demonyms, 3)[0] \
                and not longest(tokens, j + 1, matcher.aliases, matcher.max_len)[0]:
            break  # "the Malian-Wagner column" goes on; "the Mali-Algeria border" does not
        if tokens[j].norm == "," and j + 2 < n and tokens[j + 1].norm in {"and", "or"} and len(actors) > 1:
            j += 1  # the serial comma: "French, MINUSMA, and Mali forces"
        # (a name after a comma too: "French, MINUSMA and Malian forces"; the list must still end in a
        # force noun, or it is no reference)
        nxt = _reference_item(matcher, tokens, j + 1, allow_alias=tokens[j].norm in {"and", "-", ","})
        if nxt is None:
            # "Malian and international forces", "Nigerien and foreign troops": the state's forces
            # beside others left unnamed, sharing the noun
            m = j + 1
            others = matcher.single("unnamed_force_adjectives")
            while m < n and (tokens[m].norm in others or (  # "international peacekeeping and military forces"
                    tokens[m].norm in {"and", "or", ","} and m > j + 1 and m + 1 < n and tokens[m + 1].norm in others)):
                m += 1
            if tokens[j].norm in {"and", "or"} and m > j + 1 and phrase_at(tokens, m, matcher.force_nouns, 4):
                j = m
            break
        j, more = nxt
        actors = actors + more
    # an optional mission name between demonym and noun: "Nigerien MINUSMA peacekeepers"
    contingent = ""
    # (an exact alias too: "Nigerian UN peacekeepers", where "UN peacekeepers" alone is a generic's alias)
    for ln, hit in (longest(tokens, j, matcher.aliases, matcher.max_len),
                    longest(tokens, j, matcher.exact, matcher.max_len, raw=True)):
        actor = matcher.dictionary.get(hit[0]) if ln and len(hit) == 1 else None
        if actor is not None and actor.kind in ("international mission", "coalition"):
            contingent = actor.id
            j += ln
            break
    for _ in range(2):  # "Malian security forces", "Malian regular army"
        k = phrase_at(tokens, j, matcher.fillers, 2)
        if k and phrase_at(tokens, j + k, matcher.force_nouns, 4):
            j += k
    # a model name before a machine: "French Mirage 2000 jets", "French Tiger helicopters"
    model = 0
    while model < 3 and j + model < len(tokens) and (tokens[j + model].is_capitalized or tokens[j + model].text.isdigit()):
        model += 1
    if 0 < model < 3 and phrase_at(tokens, j + model, matcher.words.get("machine_nouns", frozenset()), 2):
        j += model
    k = phrase_at(tokens, j, matcher.force_nouns, 4)
    if not k and j < n and tokens[j].norm in matcher.single("ally_nouns") and _after_possessive(tokens, i):
        k = 1  # "their Russian collaborators", "its French allies": the partners are that state's
    if not k and model and not contingent and phrase_at(tokens, j, matcher.words.get("machine_models", frozenset()), 2):
        # "a French Mirage 2000D that routed ...": the model itself names the state's aircraft
        k = model
    if not k and len(actors) == 1 and not contingent:
        # "Malian security sources", "the Malian Minister of Defense": the state speaking,
        # a claimant but never a party
        k2 = phrase_at(tokens, j, matcher.non_party, 3)
        if not k2:
            k1 = phrase_at(tokens, j, matcher.fillers, 2)
            k2 = k1 + phrase_at(tokens, j + k1, matcher.non_party, 3) if k1 else 0
            k2 = k2 if k2 > k1 else 0
        if k2:
            aid, (a, _) = actors[0]
            return (j + k2 - i, [(aid, (a, j + k2))], "", True, "modifier")
    if not k and len(actors) == 2 and j - i >= 3 and tokens[i + 1].norm == "-" and not contingent:
        if j < n and tokens[j].norm in matcher.single("shared_place_nouns"):
            return (j - i, actors, "", True, "modifier")  # "the Malian-Mauritanian border": a place
        return (j - i, actors, "", True, "party")  # "Franco-Malian counteroffensive": two states acting as one
    if not k and not contingent and j + 2 < n and tokens[j].norm == "-" and tokens[j + 1].norm in matcher.single("leading_heads"):
        # "a French-led military force", "the French-led intervention": the state leads it, and acts
        m = j + 2
        while m < n and m - j < 5 and tokens[m].text.islower() and not phrase_at(tokens, m, matcher.force_nouns, 4) \
                and tokens[m].norm not in matcher.single("state_action_nouns"):
            m += 1  # "military", "international"
        head = phrase_at(tokens, m, matcher.force_nouns, 4) if m < n else 0
        if not head and m < n and tokens[m].norm in matcher.single("state_action_nouns"):
            head = 1
        if head:
            return (m + head - i, actors, "", len(actors) > 1, "party")
    if not k and not contingent and j + 1 < n and tokens[j].norm == "-" and (
            tokens[j + 1].norm in matcher.single("modifier_heads") or tokens[j + 1].norm in matcher.single("hyphen_modifier_heads")):
        # "French-backed Malian troops", "a US-owned hotel": the state describes what follows
        return (j - i, actors, "", len(actors) > 1, "modifier")
    if not k and not contingent and j < n and tokens[j].text.islower() and tokens[j].norm in matcher.single("state_action_nouns"):
        # "the French operation", "a Malian offensive": the state acts; the noun is left to the frames;
        # but in "retook the town with French support" France is no object of the verb: a modifier
        backing = i > 0 and tokens[i - 1].norm == "with" and tokens[j].norm in matcher.single("backing_nouns")
        return (j - i, actors, "", len(actors) > 1, "modifier" if backing else "party")
    if not k:
        # "the French" used as a noun phrase of its own: "the French withdrew"
        if (
            len(actors) == 1 and not contingent and i > 0 and tokens[i - 1].norm == "the"
            and (j >= n or not tokens[j].text[:1].isalpha() or tokens[j].norm in matcher.single("verbs_after_people"))
        ):
            return (j - i, actors, "", True, "party")
        return None
    head = tokens[j + k - 1].norm
    j += k
    if j < len(tokens) and tokens[j].text.islower() and tokens[j].norm.endswith("s") and len(tokens[j].norm) > 3:
        head = tokens[j].norm  # "Nigerien and Malian army posts": the head is plural
    if len(actors) > 1 and (head.endswith("s") and not any(t.norm == "-" for t in tokens[i:j])
                            or any(t.norm == "or" for t in tokens[i:j])):
        # "Malian and French forces": one reference to two forces, not one unit ("a Malian or French
        # soldier": either, never a joint unit)
        return (j - i, [(aid, span) for aid, span in actors[:-1]] + [(actors[-1][0], (actors[-1][1][0], j))], contingent, False, "party")
    # the shared head noun belongs to the last item; all items are one unit
    aid, (a, _) = actors[-1]
    actors[-1] = (aid, (a, j))
    return (j - i, actors, contingent, True, "party")


def _after_possessive(tokens: Sequence[Token], i: int) -> bool:
    """"its"/"their" opens the phrase at ``i``, perhaps a few words before ("their African and
    French allies")."""
    for j in range(i - 1, max(-1, i - 5), -1):
        if tokens[j].norm in {"its", "their"}:
            return True
        if not (tokens[j].text[:1].isupper() or tokens[j].norm in {"and", ","}):
            return False
    return False


# words after "attack(s) on COUNTRY" that leave the country the target (not "an attack on Niger mosque")
_AFTER_TARGET = frozenset({"and", "or", "in", "on", "at", "by", "with", "from", "over", "after", "since", "during", "last",
                           "this", "that", "which", "who", "as", "for", "to", "'s", "but", "were", "was", "is", "are"})

# "In February, Chad deployed ...": a date before the comma, not a place
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def bare_country(matcher: Matcher, tokens: Sequence[Token], i: int, listing: bool):
    ln, aid = longest(tokens, i, matcher.countries, 3)
    if not ln:
        return None
    n = len(tokens)
    prev = tokens[i - 1].norm if i > 0 else ""
    if prev in {"in", "into", "inside", "near", "across", "throughout", "within"}:
        return None  # "an attack in Mali / ...": a place, even at the head of a list
    if prev in {"on", "upon", "against"} and i > 1 and tokens[i - 2].norm in matcher.single("state_target_nouns") \
            and (i + ln >= len(tokens) or not tokens[i + ln].text[:1].isalpha() or tokens[i + ln].norm in _AFTER_TARGET
                 or phrase_at(tokens, i + ln, matcher.force_nouns, 4)):
        return ln, aid  # "declared war on Mali", "the attacks on Niger": the state is the target
        # (but in "an attack on Niger mosque" the country names where the mosque is)
    nxt = tokens[i + ln] if i + ln < n else None
    if prev == "(" and nxt is not None and nxt.norm == ")" and i > 1 and tokens[i - 2].is_capitalized:
        return None  # "Unidentified Armed Group (Mali)", "Ansar al-Sharia (Mali)": the name's country, no actor
    if listing:
        return ln, aid
    if nxt is not None:
        if nxt.norm == "-" and i + ln + 1 < n and tokens[i + ln + 1].norm in matcher.single("modifier_heads"):
            return ln, aid  # "Russia-backed Wagner forces": the state describes what follows (a modifier)
        if nxt.norm == "'s" or nxt.norm == "-" and _joined(tokens, i + ln - 1):
            return None  # "Mali-Algeria border"; possessives are handled as group references
            # (a dash with a space on either side ends a list: "Mali, Niger and Chad - decided")
        if (nxt.text[:1].isupper() and nxt.norm not in {"and", "the"}) or nxt.norm.isdigit():
            return None  # part of a name: "Mali War", "Niger River", "France 24"
    if prev == "-" and i > 1 and tokens[i - 2].is_capitalized and tokens[i - 2].end == tokens[i - 1].start \
            and tokens[i - 1].end == tokens[i].start:
        return None  # "the Mali-Niger border", "the Mali-Niger-Burkina Faso tri-border area": a compound of places
    f = i - 2 if prev in matcher.single("country_epithets") else i - 1  # "from neighbouring Chad"
    if troops_from(matcher, tokens, f):
        return ln, aid  # "soldiers from Niger", "peacekeepers from Burkina Faso": that state's troops
    j = i - 2 if prev == "the" else i - 1
    if j > 0 and tokens[j].norm == "from" and tokens[j - 1].norm in matcher.single("backing_nouns"):
        return ln, aid  # "with air support from the United States": the state backs
    if prev == "of":
        before = tokens[i - 2].norm if i > 1 else ""
        if _acting_for(matcher, before):
            return ln, aid  # "the government of Mali", "the governments of Mali", "the leaders of Mali"
        if _composition(matcher, tokens, i - 1):
            return ln, aid  # "an alliance made up of Mali, Burkina Faso and Niger": its members
        return None
    if prev in {",", "and"} and _composition(matcher, tokens, _list_opening(matcher, tokens, i)):
        return ln, aid  # "made up of Mali, Burkina Faso and Niger"
    if prev in {",", "and"} and _after_force_of(matcher, tokens, i):
        return ln, aid  # "the governments of Mali, Burkina Faso and Niger"
    if prev in {",", "and"} and _aftertroops_from(matcher, tokens, i):
        return ln, aid  # "troops from Mali, Niger, Chad and Mauritania": each state's troops
    if prev in {",", "and", "or"} and _before_country_list(matcher, tokens, i) in matcher.single("locative_words"):
        return None  # "nationals from Ireland, Japan and France", "the borders of Mali and Niger": places
    if prev in {",", "and"} and _before_country_list(matcher, tokens, i) == "between" and _border_between(tokens, i):
        return None  # "the border between Mali and Niger"
    if prev in matcher.single("locative_words"):
        return None
    if prev in {"with", "of", "between"} and i > 1 and tokens[i - 2].norm in {"border", "borders", "frontier", "frontiers"}:
        return None  # "near the border with Mali", "the border between Mali and Niger": a place
    if i > 0 and tokens[i - 1].is_capitalized and prev in matcher.single("place_name_heads"):
        return None  # "Lake Chad", "the Niger River" aside: part of a place's name
    if prev == "the" and i > 1 and tokens[i - 2].norm in matcher.single("locative_words"):
        # "in the Ivory Coast town of ...", "north of the Central African Republic" are places,
        # "the government of the Central African Republic" is the state
        before = tokens[i - 3].norm if i > 2 and tokens[i - 2].norm == "of" else ""
        forces = (before,) in matcher.force_nouns or (before.endswith("s") and (before[:-1],) in matcher.force_nouns)
        return (ln, aid) if forces else None
    if prev == "the" and ln == 1:
        return None  # "crossed the Niger": a river or region, not the state
    if prev == "," and i > 1 and tokens[i - 2].is_capitalized and tokens[i - 2].norm not in _CALENDAR:
        # "Nampala, Mali" is a place; "Burkina Faso, Mali and Niger" is a list of states
        k = i - 2
        while k > 0 and tokens[k - 1].is_capitalized:
            k -= 1
        if not longest(tokens, k, matcher.countries, 3)[0] and not longest(tokens, k, matcher.aliases, matcher.max_len)[0]:
            return None
    return ln, aid


def _border_between(tokens: Sequence[Token], i: int) -> bool:
    """Whether the "between" that opens the list token i continues follows "border(s)"."""
    j = next((x for x in range(i - 1, max(-1, i - 12), -1) if tokens[x].norm == "between"), None)
    return j is not None and j > 0 and tokens[j - 1].norm in {"border", "borders", "frontier", "frontiers"}


def _list_opening(matcher: Matcher, tokens: Sequence[Token], i: int) -> int:
    """The index of the word before the list of country names that token i continues (``from`` in
    "from Ireland, the Netherlands and France"); -1 when the list opens the sentence."""
    j = i - 1
    while j >= 0:
        while j >= 0 and tokens[j].norm in {",", "and", "or"}:
            j -= 1
        size = next((k for k in (3, 2, 1) if j - k + 1 >= 0
                     and tuple(t.norm for t in tokens[j - k + 1 : j + 1]) in matcher.countries), 0)
        if not size:
            return j - 1 if j > 0 and tokens[j].norm in matcher.single("country_epithets") else j
        j -= size
        if j >= 0 and tokens[j].norm == "the":
            j -= 1
    return -1


def _before_country_list(matcher: Matcher, tokens: Sequence[Token], i: int) -> str:
    """The word before the list of country names that token i continues ("from" in
    "from Ireland, Japan and France"); "" when the list opens the sentence."""
    j = _list_opening(matcher, tokens, i)
    return tokens[j].norm if j >= 0 else ""


def _aftertroops_from(matcher: Matcher, tokens: Sequence[Token], i: int) -> bool:
    """Whether token i continues a list of countries opened by "<troop noun> from"."""
    return troops_from(matcher, tokens, _list_opening(matcher, tokens, i))


def troops_from(matcher: Matcher, tokens: Sequence[Token], f: int) -> bool:
    """Whether token ``f`` is the "from" of "<troop noun> from COUNTRY": that state's troops ("soldiers
    from Niger", "forces from Nigeria, Cameroon and Chad"). Not when the troops are someone's or are
    moved ("France withdrew its troops from Mali", "pulled troops from Mali": a place), nor for forces
    a descriptor makes another's ("rebel forces from Libya")."""
    if f < 1 or tokens[f].norm != "from":
        return False
    noun = tokens[f - 1].norm
    before = tokens[f - 2].norm if f > 1 else ""
    if noun == "forces":
        if before in matcher.single("descriptor_adjectives") or (f > 1 and tokens[f - 2].is_capitalized):
            return False
    elif noun not in matcher.single("state_troop_nouns"):
        return False
    if before in {"its", "their", "his", "her", "our"}:
        return False
    return not any(t.norm in matcher.single("troop_moving_verbs") for t in tokens[max(0, f - 4) : f - 1])


def _joined(tokens: Sequence[Token], k: int) -> bool:
    """Whether the hyphen after token ``k`` joins it to the next word with no space on either side."""
    return k + 2 < len(tokens) and tokens[k].end == tokens[k + 1].start and tokens[k + 1].end == tokens[k + 2].start


def _composition(matcher: Matcher, tokens: Sequence[Token], j: int) -> bool:
    """Whether the words ending at token ``j`` ("of") say what a whole is made of: one of the cue
    file's ``composition_openers`` ("made up of", "composed of")."""
    openers = matcher.words.get("composition_openers", ())
    return j >= 1 and tokens[j].norm == "of" and any(
        tuple(t.norm for t in tokens[j - k + 1 : j + 1]) in openers for k in (2, 3, 4) if j - k + 1 >= 0)


def _acting_for(matcher: Matcher, noun: str) -> bool:
    """A noun before "of COUNTRY" that makes the country the acting state: a force noun ("the
    armies of"), or one of ``state_head_nouns`` ("the leaders of", "the heads of state of")."""
    return ((noun,) in matcher.force_nouns or (noun.endswith("s") and (noun[:-1],) in matcher.force_nouns)
            or noun in matcher.single("state_head_nouns"))


def _after_force_of(matcher: Matcher, tokens: Sequence[Token], i: int) -> bool:
    """Whether token i continues a list opened by "<force noun> of": "armies of Mali, Niger and
    Chad", "the governments of Belgium, the Netherlands and Norway"."""
    j = _list_opening(matcher, tokens, i)
    return j >= 1 and tokens[j].norm == "of" and _acting_for(matcher, tokens[j - 1].norm)


def mission_in_force(matcher: Matcher, tokens: Sequence[Token], a: int, b: int, day_range, state: str) -> str:
    """"Nigerien peacekeepers" (``tokens[a:b]`` one of ``peacekeeper_nouns``): the state's contingent of
    the one peacekeeping mission whose period aliases cover the date, else ""."""
    if not day_range or day_range[0] is None or day_range[1] is None:
        return ""
    if not peacekeepers(matcher, tokens, a, b):
        return ""
    lo, hi = day_range
    hits = {x.id for x in matcher.dictionary.named() if x.kind == "international mission" and "peacekeeping" in x.tags
            and x.id != state and any(pa.covers(lo) and pa.covers(hi) for pa in x.period_aliases)}
    return hits.pop() if len(hits) == 1 else ""


def peacekeepers(matcher: Matcher, tokens: Sequence[Token], a: int, b: int) -> bool:
    """Whether the state's force ``tokens[a:b]`` ends in one of ``peacekeeper_nouns`` ("Nigerien
    peacekeepers"): the mission it serves depends on the date."""
    nouns = matcher.words.get("peacekeeper_nouns", frozenset())
    words = tuple(t.norm for t in tokens[a:b])
    return any(words[k:] in nouns for k in range(1, len(words)))

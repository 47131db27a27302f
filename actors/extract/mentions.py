"""Actor mentions: find where a sentence names an armed actor.

Matching returns :class:`Mention` values; nothing here decides relations.
Three ways to name an actor are recognised, all driven by the dictionary:

- an alias ("MUJAO", "Ansar al-Dine", "Operation Serval"), optionally followed by
  a noun that still denotes the actor ("MNLA fighters");
- a group reference: a state's demonym or possessive name before a force noun
  ("Malian soldiers", "Mali's army", "French and Malian troops", "Franco-Chadian
  forces", "Nigerien MINUSMA peacekeepers");
- a bare country name used as a belligerent ("Mali launched ..."), but not as a
  place ("in Mali", "Nampala, Mali", "the Mali War").

Generic mentions ("the Islamists", "unidentified gunmen") are kept with the
generic actor's id; :func:`resolve_generics` folds one into a named group only
when the text names that group unambiguously.

>>> from actors.extract.dictionary import load_dictionary
>>> from actors.text.tokens import tokenize
>>> m = build_matcher(load_dictionary())
>>> [x.actor for x in find_mentions(m, tokenize("Malian soldiers fought MUJAO fighters in Mali."))]
['mali', 'mojwa']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import Sequence

from actors.extract.cues import load_cues
from actors.extract.dictionary import Dictionary
from actors.text.tokens import Token, phrase_key, tokenize

__all__ = ["Mention", "Matcher", "build_matcher", "find_mentions", "resolve_generics"]

# Key under which a phrase table keeps its first-word index (never a real phrase key).
_HEADS_KEY = ("\x00heads",)

# "the north of Mali" is a place, "the government of Mali" is the state.
_DETERMINERS = frozenset("the a an its their his her".split())


@dataclass(frozen=True, slots=True)
class Mention:
    """One actor mention in a sentence.

    ``tok_start``/``tok_end`` index the sentence's tokens; ``start``/``end`` are
    character offsets in the document. ``role`` is ``party`` (can take part in a
    relation), ``possessor`` ("the MNLA's operations centre") or ``modifier``
    ("MNLA spokesman", "JNIM media outlet"), which never takes part.
    ``group`` links mentions that share one head noun ("Malian and French forces").
    """

    actor: str
    start: int
    end: int
    tok_start: int
    tok_end: int
    text: str
    generic: bool = False
    via: str = "alias"
    role: str = "party"
    group: int = -1
    contingent_of: str = ""


@dataclass(frozen=True)
class Matcher:
    """Lookup tables compiled once from a dictionary and the word lists."""

    dictionary: Dictionary
    aliases: dict  # key tuple -> tuple of actor ids (case-insensitive)
    exact: dict  # key tuple of raw token texts -> tuple of actor ids
    periods: dict  # key tuple -> tuple of (actor id, PeriodAlias)
    demonyms: dict  # key tuple -> actor id
    prefixes: dict  # key tuple -> actor id
    countries: dict  # key tuple -> actor id
    force_nouns: frozenset
    fillers: frozenset
    absorbed: frozenset
    non_party: frozenset
    max_len: int
    generic_ids: frozenset = field(default_factory=frozenset)
    starts: frozenset = field(default_factory=frozenset)  # every word a mention can start with
    words: dict = field(default_factory=dict)  # the cue file's word lists (phrase keys)
    singles: dict = field(default_factory=dict)  # their one-word entries, as strings

    def single(self, list_id: str) -> frozenset:
        return self.singles.get(list_id, frozenset())


def build_matcher(dictionary: Dictionary, *, word_lists: dict | None = None) -> Matcher:
    """Compile the dictionary into lookup tables (done once per run).

    ``word_lists`` are the cue file's word lists (default: the packaged cue file's).
    """
    lists = word_lists if word_lists is not None else load_cues().word_lists
    aliases: dict[tuple, set] = {}
    exact: dict[tuple, set] = {}
    periods: dict[tuple, list] = {}
    demonyms: dict[tuple, str] = {}
    prefixes: dict[tuple, str] = {}
    countries: dict[tuple, str] = {}

    def add(table, key, value):
        if key:
            table.setdefault(key, set()).add(value)

    for actor in dictionary.actors:
        for alias in actor.aliases:
            add(aliases, phrase_key(alias), actor.id)
        for alias in actor.exact_aliases:
            add(exact, _raw_key(alias), actor.id)
        for pa in actor.period_aliases:
            periods.setdefault(phrase_key(pa.alias), []).append((actor.id, pa))
        for d in actor.demonyms:
            demonyms[phrase_key(d)] = actor.id
        for p in actor.prefixes:
            prefixes[phrase_key(p)] = actor.id
        for c in actor.country_names:
            countries[phrase_key(c)] = actor.id
    keys = list(aliases) + list(exact) + list(periods) + list(countries) + list(demonyms)
    def indexed(table: dict) -> dict:
        table = dict(table)
        table[_HEADS_KEY] = _heads(table)
        return table

    return Matcher(
        dictionary=dictionary,
        aliases=indexed({k: tuple(sorted(v)) for k, v in aliases.items()}),
        exact=indexed({k: tuple(sorted(v)) for k, v in exact.items()}),
        periods=indexed({k: tuple(v) for k, v in periods.items()}),
        demonyms=indexed(demonyms),
        prefixes=indexed(prefixes),
        countries=indexed(countries),
        force_nouns=frozenset(phrase_key(n) for n in dictionary.force_nouns),
        fillers=frozenset(lists.get("force_fillers", ())),
        absorbed=frozenset(lists.get("absorbed_nouns", ())),
        non_party=frozenset(lists.get("non_party_nouns", ())),
        max_len=max((len(k) for k in keys), default=1),
        generic_ids=frozenset(a.id for a in dictionary.generics()),
        words={k: frozenset(v) for k, v in lists.items()},
        singles={k: frozenset(w[0] for w in v if len(w) == 1) for k, v in lists.items()},
        starts=frozenset(k[0] for table in (aliases, periods, demonyms, prefixes, countries) for k in table if k)
        | frozenset(k[0].lower() for k in exact if k),
    )


def _raw_key(phrase: str) -> tuple[str, ...]:
    """Exact aliases are matched on raw token texts (case kept)."""
    return tuple(t.text for t in tokenize(phrase))


def _heads(table: dict) -> dict:
    """First word -> longest key starting with it (a cheap pre-check for _longest)."""
    heads: dict = {}
    for key in table:
        if key:
            heads[key[0]] = max(heads.get(key[0], 0), len(key))
    return heads


def _longest(tokens: Sequence[Token], i: int, table: dict, max_len: int, raw: bool = False, heads: dict | None = None) -> tuple[int, object]:
    if i >= len(tokens):
        return 0, None
    if heads is None:
        heads = table.get(_HEADS_KEY)
    if heads is not None:
        max_len = heads.get(tokens[i].text if raw else tokens[i].norm, 0)
        if not max_len:
            return 0, None
    n_max = min(max_len, len(tokens) - i)
    for n in range(n_max, 0, -1):
        key = tuple((t.text if raw else t.norm) for t in tokens[i : i + n])
        hit = table.get(key)
        if hit is not None:
            return n, hit
    return 0, None


def _phrase_at(tokens: Sequence[Token], i: int, phrases: frozenset, max_len: int = 3) -> int:
    """Length of the longest phrase of ``phrases`` starting at token i (0 if none)."""
    for n in range(min(max_len, len(tokens) - i), 0, -1):
        if tuple(t.norm for t in tokens[i : i + n]) in phrases:
            return n
    return 0


def _period_actor(options, day_range) -> str | None:
    if not day_range:
        return None
    lo, hi = day_range
    if lo is None or hi is None:
        return None
    hits = {aid for aid, pa in options if pa.covers(lo) and pa.covers(hi)}
    return hits.pop() if len(hits) == 1 else None


def find_mentions(
    matcher: Matcher,
    tokens: Sequence[Token],
    *,
    text: str | None = None,
    day_range: tuple[dt.date | None, dt.date | None] | None = None,
    listing: bool = False,
) -> list[Mention]:
    """Mentions in one sentence's tokens, left to right, not overlapping.

    ``day_range`` (earliest, latest) resolves period aliases ("the junta");
    ``listing`` is for infobox lists, where a bare country name is a belligerent.
    ``text``, when given, is the document text the token offsets refer to (for
    ``Mention.text``); otherwise token texts are joined.
    """
    out: list[Mention] = []
    group_id = 0
    i, n = 0, len(tokens)

    def surface(a: int, b: int) -> str:
        if text is not None:
            return text[tokens[a].start : tokens[b - 1].end]
        return " ".join(t.text for t in tokens[a:b])

    starts = matcher.starts
    while i < n:
        if tokens[i].norm not in starts:
            i += 1
            continue
        # 1. a named alias, exact alias, period alias or generic
        best_len, best_ids, via = 0, (), "alias"
        ln, hit = _longest(tokens, i, matcher.exact, matcher.max_len, raw=True)
        if ln > best_len:
            best_len, best_ids = ln, hit
        ln, hit = _longest(tokens, i, matcher.aliases, matcher.max_len)
        if ln > best_len:
            best_len, best_ids = ln, hit
        ln, hit = _longest(tokens, i, matcher.periods, matcher.max_len)
        if ln > best_len:
            actor = _period_actor(hit, day_range)
            if actor is not None:
                best_len, best_ids, via = ln, (actor,), "period"
            else:  # the alias is ambiguous at this date: not a mention, skip its words
                i += ln
                continue
        # a demonym-led group reference may be longer than an alias ("Malian Armed Forces" aside)
        ref = _group_reference(matcher, tokens, i)
        if ref and ref[0] > best_len:
            length, actors, contingent, joint, ref_role = ref
            group = group_id if len(actors) > 1 and joint else -1
            group_id += 1 if group >= 0 else 0
            for aid, (a, b) in actors:
                out.append(Mention(aid, tokens[a].start, tokens[b - 1].end, a, b, surface(a, b), via="force", group=group, role=ref_role))
            if contingent:
                out[-1] = replace(out[-1], contingent_of=contingent)
                # the mission is named inside the reference: record it as a mention too
            i += length
            continue
        if best_len == 0:
            country = _country(matcher, tokens, i, listing)
            if country:
                length, aid = country
                out.append(Mention(aid, tokens[i].start, tokens[i + length - 1].end, i, i + length, surface(i, i + length), via="country"))
                i += length
                continue
            i += 1
            continue
        if len(best_ids) != 1:  # an alias claimed by two actors cannot be resolved here
            i += best_len
            continue
        aid = best_ids[0]
        generic = aid in matcher.generic_ids
        end = i + best_len
        role = "party"
        # absorb "fighters", "forces"; mark "spokesman", "flags"; possessives
        if end < n and tokens[end].norm == "'s":
            k = _phrase_at(tokens, end + 1, matcher.absorbed)
            if k:
                end = end + 1 + k
            elif _phrase_at(tokens, end + 1, matcher.non_party):
                role = "modifier"
            else:
                role = "possessor"
        else:
            k = _phrase_at(tokens, end, matcher.absorbed)
            if k and not generic:
                end += k
            elif not generic and _phrase_at(tokens, end, matcher.non_party):
                role = "modifier"
            elif not generic and _compound_modifier(matcher, tokens, end):
                role = "modifier"  # "al-Qaeda-linked jihadists", "French-backed": describes another actor
        out.append(Mention(aid, tokens[i].start, tokens[end - 1].end, i, end, surface(i, end), generic=generic, via="generic" if generic else via, role=role))
        i = end
    return _contingents(matcher, tokens, _merge_repeats(tokens, _fold_appositions(matcher, tokens, out)))


def _contingents(matcher: Matcher, tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """"Chadian troops from MISMA", "Chadian soldiers of AFISMA": one mention of the state's
    contingent, serving the mission (``contingent_of``)."""
    out: list[Mention] = []
    skip = -1
    for k, m in enumerate(mentions):
        if k == skip:
            continue
        if m.via == "force" and m.group < 0 and not m.contingent_of and k + 1 < len(mentions):
            nxt = mentions[k + 1]
            gap = tuple(t.norm for t in tokens[m.tok_end : nxt.tok_start])
            org = matcher.dictionary.get(nxt.actor)
            if gap in (("from",), ("of",), ("of", "the"), ("from", "the")) and org is not None \
                    and org.kind in ("international mission", "coalition") and nxt.actor != m.actor:
                out.append(replace(m, end=nxt.end, tok_end=nxt.tok_end, contingent_of=nxt.actor))
                skip = k + 1
                continue
        out.append(m)
    return out


_REPEAT_GAPS = frozenset({("(",), ("(", "/"), ("/",), ("of",), ("from",), ("of", "the"), ("from", "the"), ("-",)})


def _merge_repeats(tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """One mention for "Niger Movement for Justice (MNJ)", "French forces of Operation Barkhane"."""
    out: list[Mention] = []
    for m in mentions:
        if out and out[-1].actor == m.actor and out[-1].generic == m.generic and out[-1].role == "party":
            prev = out[-1]
            gap = tuple(t.norm for t in tokens[prev.tok_end : m.tok_start])
            if gap in _REPEAT_GAPS or gap == ():
                end_tok = m.tok_end
                while end_tok < len(tokens) and tokens[end_tok].norm in {")", "/"} and end_tok - m.tok_end < 2:
                    end_tok += 1
                    if tokens[end_tok - 1].norm == ")":
                        break
                out[-1] = replace(prev, end=tokens[end_tok - 1].end, tok_end=end_tok, text=prev.text, role=m.role)
                continue
        out.append(m)
    # "MOJWA/MUJAO)": absorb a closing parenthesis after an acronym that repeats the name
    return out


def _reference_item(matcher: Matcher, tokens: Sequence[Token], j: int, *, allow_alias: bool):
    """One coordinated item of a group reference: (next index, [(actor, (a, b))])."""
    n = len(tokens)
    # "Franco-Chadian": prefix, hyphen, demonym
    ln, hit = _longest(tokens, j, matcher.prefixes, 2)
    if ln and j + ln + 1 < n and tokens[j + ln].norm == "-":
        ln2, hit2 = _longest(tokens, j + ln + 1, matcher.demonyms, 3)
        if ln2:
            return j + ln + 1 + ln2, [(hit, (j, j + ln)), (hit2, (j + ln + 1, j + ln + 1 + ln2))]
    ln, hit = _longest(tokens, j, matcher.demonyms, 3)
    if ln:
        return j + ln, [(hit, (j, j + ln))]
    # "Mali's army": a country name in the possessive
    ln, hit = _longest(tokens, j, matcher.countries, 3)
    if ln and j + ln < n and tokens[j + ln].norm == "'s":
        return j + ln + 1, [(hit, (j, j + ln))]
    if allow_alias:  # "Malian and Wagner Group forces": a named actor joined to a demonym
        ln, hit = _longest(tokens, j, matcher.aliases, matcher.max_len)
        if ln and len(hit) == 1 and hit[0] not in matcher.generic_ids:
            return j + ln, [(hit[0], (j, j + ln))]
    return None




def _compound_modifier(matcher: Matcher, tokens: Sequence[Token], end: int) -> bool:
    heads = matcher.single("modifier_heads")
    if end < len(tokens) and tokens[end].norm in heads:
        return True
    return end + 1 < len(tokens) and tokens[end].norm == "-" and tokens[end + 1].norm in heads


def _group_reference(matcher: Matcher, tokens: Sequence[Token], i: int):
    """A demonym-led reference: "Malian (and French) (MINUSMA) (security) forces".

    Returns (length, [(actor, (tok_start, tok_end))...], contingent mission id, joint unit?, role)
    or None.
    """
    n = len(tokens)
    item = _reference_item(matcher, tokens, i, allow_alias=False)
    if item is None:
        return None
    j, actors = item
    while j + 1 < n and tokens[j].norm in {"and", ","}:
        nxt = _reference_item(matcher, tokens, j + 1, allow_alias=tokens[j].norm == "and")
        if nxt is None:
            break
        j, more = nxt
        actors = actors + more
    # an optional mission name between demonym and noun: "Nigerien MINUSMA peacekeepers"
    contingent = ""
    ln, hit = _longest(tokens, j, matcher.aliases, matcher.max_len)
    if ln and len(hit) == 1:
        actor = matcher.dictionary.get(hit[0])
        if actor is not None and actor.kind in ("international mission", "coalition"):
            contingent = actor.id
            j += ln
    for _ in range(2):  # "Malian security forces", "Malian regular army"
        k = _phrase_at(tokens, j, matcher.fillers, 2)
        if k and _phrase_at(tokens, j + k, matcher.force_nouns, 3):
            j += k
    # a model name before a machine: "French Mirage 2000 jets", "French Tiger helicopters"
    model = 0
    while model < 3 and j + model < len(tokens) and (tokens[j + model].is_capitalized or tokens[j + model].text.isdigit()):
        model += 1
    if 0 < model < 3 and _phrase_at(tokens, j + model, matcher.words.get("machine_nouns", frozenset()), 2):
        j += model
    k = _phrase_at(tokens, j, matcher.force_nouns, 3)
    if not k and len(actors) == 1 and not contingent:
        # "Malian security sources", "the Malian Minister of Defense": the state speaking,
        # a claimant but never a party
        k2 = _phrase_at(tokens, j, matcher.non_party, 3)
        if not k2:
            k1 = _phrase_at(tokens, j, matcher.fillers, 2)
            k2 = k1 + _phrase_at(tokens, j + k1, matcher.non_party, 3) if k1 else 0
            k2 = k2 if k2 > k1 else 0
        if k2:
            aid, (a, _) = actors[0]
            return (j + k2 - i, [(aid, (a, j + k2))], "", True, "modifier")
    if not k and len(actors) == 2 and j - i >= 3 and tokens[i + 1].norm == "-" and not contingent:
        return (j - i, actors, "", True, "party")  # "Franco-Malian counteroffensive": two states acting as one
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
    if len(actors) > 1 and head.endswith("s") and not any(t.norm == "-" for t in tokens[i:j]):
        # "Malian and French forces": one reference to two forces, not one unit
        return (j - i, [(aid, span) for aid, span in actors[:-1]] + [(actors[-1][0], (actors[-1][1][0], j))], contingent, False, "party")
    # the shared head noun belongs to the last item; all items are one unit
    aid, (a, _) = actors[-1]
    actors[-1] = (aid, (a, j))
    return (j - i, actors, contingent, True, "party")




def _country(matcher: Matcher, tokens: Sequence[Token], i: int, listing: bool):
    ln, aid = _longest(tokens, i, matcher.countries, 3)
    if not ln:
        return None
    if listing:
        return ln, aid
    n = len(tokens)
    prev = tokens[i - 1].norm if i > 0 else ""
    nxt = tokens[i + ln] if i + ln < n else None
    if nxt is not None:
        if nxt.norm == "-" or nxt.norm == "'s":
            return None  # "Mali-Algeria border"; possessives are handled as group references
        if (nxt.text[:1].isupper() and nxt.norm not in {"and", "the"}) or nxt.norm.isdigit():
            return None  # part of a name: "Mali War", "Niger River", "France 24"
    if prev == "of":
        before = tokens[i - 2].norm if i > 1 else ""
        if (before,) in matcher.force_nouns or (before.endswith("s") and (before[:-1],) in matcher.force_nouns):
            return ln, aid  # "the government of Mali", "the governments of Mali"
        return None
    if prev in {",", "and"} and _after_force_of(matcher, tokens, i):
        return ln, aid  # "the governments of Mali, Burkina Faso and Niger"
    if prev in matcher.single("locative_words"):
        return None
    if prev == "the" and ln == 1:
        return None  # "crossed the Niger": a river or region, not the state
    if prev == "," and i > 1 and tokens[i - 2].is_capitalized:
        # "Nampala, Mali" is a place; "Burkina Faso, Mali and Niger" is a list of states
        k = i - 2
        while k > 0 and tokens[k - 1].is_capitalized:
            k -= 1
        if not _longest(tokens, k, matcher.countries, 3)[0] and not _longest(tokens, k, matcher.aliases, matcher.max_len)[0]:
            return None
    return ln, aid


def _after_force_of(matcher: Matcher, tokens: Sequence[Token], i: int) -> bool:
    """Whether token i continues a list opened by "<force noun> of": "armies of Mali, Niger and Chad"."""
    j = i - 1
    while j > 1:
        w = tokens[j].norm
        if w == "of":
            before = tokens[j - 1].norm
            return (before,) in matcher.force_nouns or (before.endswith("s") and (before[:-1],) in matcher.force_nouns)
        if w not in {",", "and"} and not tokens[j].is_capitalized:
            return False
        j -= 1
    return False


def _fold_appositions(matcher: Matcher, tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """Fold a generic into the named group its own phrase names.

    "jihadist militants from JNIM", "Tuareg rebels under the MNLA", "the Islamist
    group Ansar Dine" are JNIM, MNLA, Ansar Dine; in "jihadist groups such as Ansar
    Dine and MOJWA" the named groups stand for the generic, which is dropped.
    """
    out: list[Mention] = []
    skip: set[int] = set()
    for k, m in enumerate(mentions):
        if k in skip:
            continue
        if m.generic and k + 1 < len(mentions):
            nxt = mentions[k + 1]
            gap = [t.norm for t in tokens[m.tok_end : nxt.tok_start]]
            gap_core = tuple(w for w in gap if w not in _DETERMINERS)
            if not nxt.generic and nxt.role == "party":
                if gap_core and gap_core[-1:] and len(gap_core) == 2 and gap_core[:1] in matcher.words["appositive_links"] and tokens[nxt.tok_start - 1].text.islower():
                    gap_core = gap_core[:1]  # "Tuareg rebels under the moderate MNLA"
                if not gap_core or gap_core in matcher.words["appositive_links"]:
                    # the generic's words are the named actor's description
                    out.append(replace(nxt, start=m.start, tok_start=m.tok_start, text=m.text + " … " + nxt.text if gap else nxt.text, via="apposition"))
                    skip.add(k + 1)
                    # "militants from JNIM and the CPA": the coordination shares the description
                    j = k + 2
                    while j < len(mentions):
                        between = tuple(t.norm for t in tokens[mentions[j - 1].tok_end : mentions[j].tok_start] if t.norm not in _DETERMINERS)
                        if between in ((",",), ("and",), (",", "and")) and not mentions[j].generic:
                            out.append(mentions[j])
                            skip.add(j)
                            j += 1
                        else:
                            break
                    continue
                if gap_core in matcher.words["example_markers"]:
                    continue  # the named examples stand for the generic
        out.append(m)
    return out


def resolve_generics(
    matcher: Matcher,
    mentions: list[Mention],
    context: Sequence[Mention] = (),
) -> list[Mention]:
    """Resolve generic mentions named unambiguously in this or the previous sentence.

    A generic (e.g. "the Islamists", tags it may resolve to: ``jihadist``) becomes
    the named actor when exactly one named actor carrying one of those tags is
    mentioned in the same sentence (else, if none is, in ``context``, the previous
    sentence), and no other generic of the same class is there to compete.
    Otherwise it stays generic: nothing is guessed.
    """
    d = matcher.dictionary
    out = []
    for m in mentions:
        if not m.generic:
            out.append(m)
            continue
        gen = d.get(m.actor)
        tags = set(gen.resolves_to) if gen is not None else set()
        if not tags or m.text.lower().rstrip(").").endswith(tuple(matcher.single("plural_group_nouns"))):
            # "five jihadist groups" names several groups: never one named group
            out.append(m)
            continue

        def candidates(pool: Sequence[Mention], *, this: Mention) -> tuple[set[str], bool]:
            named, rival = set(), False
            for x in pool:
                if x is this:
                    continue
                if x.generic:
                    if x.actor == this.actor and (x.start, x.end) != (this.start, this.end):
                        rival = True  # a second "Islamist groups" makes the reference plural or open
                    continue
                if x.role == "modifier":
                    continue  # "al-Qaeda-linked jihadists" are not al-Qaeda
                actor = d.get(x.actor)
                if actor is not None and tags & set(actor.tags):
                    named.add(actor.id)
            return named, rival

        same, rival = candidates(mentions, this=m)
        if rival:
            out.append(m)
            continue
        if len(same) == 1:
            out.append(replace(m, actor=same.pop(), generic=False, via="resolved"))
            continue
        if not same and context:
            prev, rival = candidates(context, this=m)
            if len(prev) == 1 and not rival:
                out.append(replace(m, actor=prev.pop(), generic=False, via="resolved"))
                continue
        out.append(m)
    return out

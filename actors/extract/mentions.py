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
generic actor's id; :func:`actors.extract.generics.resolve_generics` folds one
into a named group only when the text names that group unambiguously.

The lookup tables are :mod:`actors.extract.matcher`'s (:class:`Matcher` and
:func:`build_matcher` are re-exported here); group references and bare country
names are read by :mod:`actors.extract.state_references`.

>>> from actors.extract.dictionary import load_dictionary
>>> from actors.text.tokens import tokenize
>>> m = build_matcher(load_dictionary())
>>> [x.actor for x in find_mentions(m, tokenize("Malian soldiers fought MUJAO fighters in Mali."))]
['mali', 'mojwa']
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Sequence

from actors.extract.matcher import _HEADS_KEY, Matcher, build_matcher, heads, longest, phrase_at
from actors.extract.mission_contingents import state_contingents
from actors.extract.state_references import (bare_country, group_reference, mission_in_force, peacekeepers, troops_from,
                                              un_body)
from actors.text.tokens import Token

__all__ = ["Mention", "Matcher", "build_matcher", "find_mentions"]

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
    ``via`` says how it was found: ``alias``, ``period``, ``force``, ``country``,
    ``generic``, ``resolved``, ``apposition``, ``compound`` (a modifier inside a
    compound, "al-Qaeda-linked"), ``claim`` (named by a claim of responsibility).
    ``filled_from`` is the character range of the other sentence that named it, when one did
    ("the group" resolved from the sentence before, an attacker named by a later claim).
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
    filled_from: tuple[int, int] | None = None  # the other sentence that named it (its character range)


def _period_actor(options, day_range, host: str | None = None, named: set[str] | None = None) -> str | None:
    """The one actor a period alias names at these days; of several (two states' "the junta"), the
    document's own state (``host``), else none."""
    if not day_range:
        return None
    lo, hi = day_range
    if lo is None or hi is None:
        return None
    hits = {aid for aid, pa in options if pa.covers(lo) and pa.covers(hi)}
    if len(hits) > 1 and named is not None:
        here = hits & named  # "the junta which took power in Bamako": the state the sentence names
        if len(here) == 1:
            return here.pop()
    if len(hits) > 1 and host in hits:
        return host
    return hits.pop() if len(hits) == 1 else None


def _states_named(matcher: Matcher, tokens: Sequence[Token]) -> set[str]:
    """The states a sentence names by country, place or demonym (places never being mentions)."""
    out = set()
    tables = [(table, heads(table)) for table in (matcher.countries, matcher.demonyms, matcher.places)]
    for k, t in enumerate(tokens):
        for table, index in tables if t.text[:1].isupper() else tables[:2]:
            if index is not None and t.norm not in index:
                continue  # no key of the table starts with this word
            ln, hit = longest(tokens, k, table, matcher.max_len, heads=index)
            if ln:
                out.add(hit)
    return out



#: id of a matcher -> (the matcher, its openers: see :func:`_openers`)
_OPENERS: dict[int, tuple] = {}


def _openers(matcher: Matcher) -> tuple[frozenset, frozenset, dict, dict]:
    """What the tables that can name an actor at a word (aliases, period aliases, prefixes,
    demonyms, country names; exact aliases on the words as written) hold at their start: the words
    that are a whole key, and for each first word the words a longer key goes on with. A word that is
    no whole key, followed by none of those words, names no one there (:func:`find_mentions_dated`
    passes it at once: most are "the")."""
    entry = _OPENERS.get(id(matcher))
    if entry is not None and entry[0] is matcher:
        return entry[1]
    lone, lone_raw, seconds, seconds_raw = set(), set(), {}, {}
    for tables, whole, after in (((matcher.aliases, matcher.periods, matcher.prefixes, matcher.demonyms,
                                   matcher.countries), lone, seconds), ((matcher.exact,), lone_raw, seconds_raw)):
        for table in tables:
            for key in table:
                if not key or key == _HEADS_KEY:
                    continue
                if len(key) == 1:
                    whole.add(key[0])
                else:
                    after.setdefault(key[0], set()).add(key[1])
    found = (frozenset(lone), frozenset(lone_raw), seconds, seconds_raw)
    if len(_OPENERS) > 8:
        _OPENERS.clear()
    _OPENERS[id(matcher)] = (matcher, found)
    return found


def _force_of_start(matcher: Matcher, tokens: Sequence[Token], i: int) -> int:
    """Where "<force noun> of" ends right before the country at ``i`` ("military forces of Mali",
    "the security forces of Niger"), the force noun's first word; else ``i``. "forces from" too
    ("fought forces from Nigeria"): the state's forces, the object of what goes before."""
    if i >= 2 and tokens[i - 2].norm == "forces" and troops_from(matcher, tokens, i - 1):
        return i - 2
    if i < 2 or tokens[i - 1].norm != "of":
        return i
    for size in (3, 2, 1):
        a = i - 1 - size
        if a >= 0 and tuple(t.norm for t in tokens[a : i - 1]) in matcher.force_nouns:
            return a
    return i



def find_mentions(
    matcher: Matcher,
    tokens: Sequence[Token],
    *,
    text: str | None = None,
    day_range: tuple[dt.date | None, dt.date | None] | None = None,
    listing: bool = False,
    host: str | None = None,
) -> list[Mention]:
    """Mentions in one sentence's tokens, left to right, not overlapping.

    ``day_range`` (earliest, latest) resolves period aliases ("the junta");
    ``listing`` is for infobox lists, where a bare country name is a belligerent; ``host``, the
    document's own state, chooses between states a period alias names at once ("the junta").
    ``text``, when given, is the document text the token offsets refer to (for
    ``Mention.text``); otherwise token texts are joined.
    """
    return find_mentions_dated(matcher, tokens, text=text, day_range=day_range, listing=listing, host=host)[0]


def find_mentions_dated(
    matcher: Matcher,
    tokens: Sequence[Token],
    *,
    text: str | None = None,
    day_range: tuple[dt.date | None, dt.date | None] | None = None,
    listing: bool = False,
    host: str | None = None,
) -> tuple[list[Mention], bool]:
    """:func:`find_mentions`, and whether its answer depends on the date: whether a period alias
    ("the junta") was read, or the contingent of a state's peacekeepers. When it does not, the same
    tokens give the same mentions at any ``day_range`` and ``host`` (the only uses of either), so a
    sentence's mentions found before its date was known stand (:class:`actors.extract.pipeline.Extractor`).
    """
    out: list[Mention] = []
    dated = False
    group_id = 0
    i, n = 0, len(tokens)

    def surface(a: int, b: int) -> str:
        if text is not None:
            return text[tokens[a].start : tokens[b - 1].end]
        return " ".join(t.text for t in tokens[a:b])

    starts = matcher.starts
    # the first-word indexes: a table is looked up only where a key of it can start
    exact_heads, alias_heads, period_heads = heads(matcher.exact), heads(matcher.aliases), heads(matcher.periods)
    ref_heads = [heads(matcher.prefixes), heads(matcher.demonyms), heads(matcher.countries)]
    if None in ref_heads:
        ref_heads = []  # a table without its index: always try
    country_heads = ref_heads[2] if ref_heads else None
    lone, lone_raw, seconds, seconds_raw = _openers(matcher)
    none: frozenset = frozenset()
    # only the words a mention may start with are tried; ``i`` is where the next may start
    for at in [x for x, t in enumerate(tokens) if t.norm in starts]:
        if at < i:
            continue
        i = at
        tok = tokens[i]
        if tok.norm not in lone and tok.text not in lone_raw and (
                i + 1 == n or (tokens[i + 1].norm not in seconds.get(tok.norm, none)
                               and tokens[i + 1].text not in seconds_raw.get(tok.text, none))):
            i += 1  # no key of any table starts here: every look-up below would find nothing
            continue
        # 1. a named alias, exact alias, period alias or generic
        best_len, best_ids, via = 0, (), "alias"
        if exact_heads is None or tok.text in exact_heads:
            ln, hit = longest(tokens, i, matcher.exact, matcher.max_len, raw=True, heads=exact_heads)
            if ln > best_len:
                best_len, best_ids = ln, hit
        if alias_heads is None or tok.norm in alias_heads:
            ln, hit = longest(tokens, i, matcher.aliases, matcher.max_len, heads=alias_heads)
            while ln > 1 and tokens[i + ln - 1].text[:1].islower() and (i == 0 or tokens[i - 1].norm != "the") \
                    and tuple(t.norm for t in tokens[i : i + ln]) in matcher.cased:
                ln, hit = longest(tokens[: i + ln - 1], i, matcher.aliases, matcher.max_len, heads=alias_heads)  # "an Islamic state"
            if ln > best_len:
                best_len, best_ids = ln, hit
        ln, hit = longest(tokens, i, matcher.periods, matcher.max_len, heads=period_heads) \
            if period_heads is None or tok.norm in period_heads else (0, None)
        if ln and ln >= best_len:
            dated = True
            actor = _period_actor(hit, day_range, host, _states_named(matcher, tokens))
            if actor is not None:  # "UN peacekeepers" in 2016: MINUSMA, not the generic
                best_len, best_ids, via = ln, (actor,), "period"
            elif not best_len:  # the alias is ambiguous at this date: not a mention, skip its words
                i += ln
                continue
            # else outside its period it is what its plain alias says ("UN peacekeepers", "UN" troops)
        # a demonym-led group reference may be longer than an alias ("Malian Armed Forces" aside)
        norm = tok.norm
        if not best_len and _language_label(tokens, i):
            i += 1  # "(... in French - CSP)", "(French: Opération Serval)": a language, not a state's force
            continue
        ref = group_reference(matcher, tokens, i) \
            if not ref_heads or norm in ref_heads[0] or norm in ref_heads[1] or norm in ref_heads[2] else None
        if ref and ref[0] > best_len:
            length, actors, contingent, joint, ref_role = ref
            each = ""  # "Chadian and Bangladeshi peacekeepers": each state's contingent of the mission in force
            if len(actors) == 1 and un_body(matcher, contingent):  # "Nigerian UN peacekeepers": its mission then
                dated = dated or peacekeepers(matcher, tokens, i + length - 2, i + length)
                contingent = mission_in_force(matcher, tokens, i + length - 2, i + length, day_range, actors[0][0]) or contingent
            if not contingent and len(actors) == 1:
                dated = dated or peacekeepers(matcher, tokens, *actors[0][1])
                contingent = mission_in_force(matcher, tokens, *actors[0][1], day_range, actors[0][0])
            elif not contingent:
                dated = dated or peacekeepers(matcher, tokens, i, i + length)
                each = mission_in_force(matcher, tokens, i, i + length, day_range, "")
            group = group_id if len(actors) > 1 and joint else -1
            group_id += 1 if group >= 0 else 0
            for aid, (a, b) in actors:
                out.append(Mention(aid, tokens[a].start, tokens[b - 1].end, a, b, surface(a, b), via="force", group=group,
                                   role=ref_role, contingent_of=each if each != aid else ""))
            if contingent:
                out[-1] = replace(out[-1], contingent_of=contingent)
                # the mission is named inside the reference: record it as a mention too
            i += length
            continue
        if best_len == 0:
            country = bare_country(matcher, tokens, i, listing) \
                if country_heads is None or norm in country_heads else None
            if country:
                length, aid = country
                a = _force_of_start(matcher, tokens, i)  # "Military Forces of Mali": one mention of the state's forces
                compound = a == i and _compound_modifier(matcher, tokens, i + length) and tokens[i + length].norm == "-"
                # "three peacekeepers from Guinea": the state's contingent of the mission in force then
                serving = i >= 3 and tokens[i - 1].norm == "from" and peacekeepers(matcher, tokens, i - 3, i - 1)
                dated = dated or serving
                out.append(Mention(aid, tokens[a].start, tokens[i + length - 1].end, a, i + length, surface(a, i + length),
                                   via="compound" if compound else "country" if a == i else "force",
                                   role="modifier" if compound else "party",
                                   contingent_of=mission_in_force(matcher, tokens, i - 3, i - 1, day_range, aid)
                                   if serving else ""))
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
        role, how = "party", via
        # absorb "fighters", "forces"; mark "spokesman", "flags"; possessives
        if end < n and tokens[end].norm == "'s":
            k = phrase_at(tokens, end + 1, matcher.absorbed)
            if k and longest(tokens, end + 1, matcher.aliases, matcher.max_len)[0] > k:
                k = 0  # "al-Qaeda's Group for Support of Islam and Muslims": a name follows, not the owner's fighters
            if k:
                end = end + 1 + k
            elif phrase_at(tokens, end + 1, matcher.non_party):
                role = "modifier"
            else:
                role = "possessor"
        else:
            k = phrase_at(tokens, end, matcher.absorbed)
            if k and not generic:
                end += k
            elif not generic and _names_another(matcher, tokens, end):
                role = "modifier"
            elif not generic and _compound_modifier(matcher, tokens, end):
                # "al-Qaeda-linked jihadists", "French-backed": describes another actor
                role, how = "modifier", "compound"
        out.append(Mention(aid, tokens[i].start, tokens[end - 1].end, i, end, surface(i, end), generic=generic, via="generic" if generic else how, role=role))
        i = end
    out = _hyphen_joint_units(matcher, tokens, out, group_id)
    return state_contingents(matcher, tokens, _merge_repeats(tokens, _fold_appositions(matcher, tokens, out))), dated


_STATE_KINDS = ("foreign state", "state armed force")
_LABEL_ENDS = frozenset({"-", "–", "—", ")", ",", ":", ";", "."})


def _language_label(tokens: Sequence[Token], i: int) -> bool:
    """A word naming the language of a name given in it: "(CSP-DPA in French)", "known in Arabic as",
    "(French: Opération Serval)": "in" before it and punctuation or "as" after it, or a bracket
    before it and a colon after it."""
    after = tokens[i + 1].norm if i + 1 < len(tokens) else "."
    before = tokens[i - 1].norm if i > 0 else ""
    return (before == "in" and (after in _LABEL_ENDS or after == "as")) or (before == "(" and after == ":")


def _hyphen_joint_units(matcher: Matcher, tokens: Sequence[Token], mentions: list[Mention],
                        group_id: int) -> list[Mention]:
    """"a joint US-Nigerien patrol": a state named by an alias, a hyphen, then another state's
    force: one unit of the two states (one ``group``), as "Franco-Malian forces" is."""
    out = list(mentions)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        if not (a.tok_end + 1 == b.tok_start and tokens[a.tok_end].norm == "-" and a.group < 0 and b.group < 0
                and b.via == "force" and a.via in ("alias", "country") and a.actor != b.actor):
            continue
        kinds = [getattr(matcher.dictionary.get(m.actor), "kind", None) for m in (a, b)]
        if all(kind in _STATE_KINDS for kind in kinds):
            out[k], out[k + 1] = replace(a, group=group_id, role="party"), replace(b, group=group_id)
            group_id += 1
    return out


_QUOTES = frozenset('"\'\u201c\u201d\u2018\u2019\u00ab\u00bb')
_REPEAT_GAPS = frozenset({("(",), ("(", "the"), ("(", "/"), ("/",), ("of",), ("from",), ("of", "the"), ("from", "the"), ("-",)})


def _merge_repeats(tokens: Sequence[Token], mentions: list[Mention]) -> list[Mention]:
    """One mention for "Niger Movement for Justice (MNJ)", "French forces of Operation Barkhane"."""
    out: list[Mention] = []
    for m in mentions:
        if out and out[-1].actor == m.actor and out[-1].generic == m.generic and out[-1].role == "party":
            prev = out[-1]
            # a closing quote after a quoted name: '"Jama'at Nasr al-Islam wal-Muslimin" (JNIM)'
            gap = tuple(t.norm for t in tokens[prev.tok_end : m.tok_start] if t.norm not in _QUOTES)
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


def _names_another(matcher: Matcher, tokens: Sequence[Token], end: int) -> bool:
    """Whether a noun of ``non_party_nouns`` right after the name makes it a modifier of another party ("MNLA
    spokesman", "a JNIM constituent group"); a part noun followed by "of" names the part itself ("the Sahara
    Emirate subgroup of AQIM")."""
    k = phrase_at(tokens, end, matcher.non_party)
    return bool(k) and not (end + k < len(tokens) and tokens[end + k].norm == "of"
                            and tokens[end + k - 1].norm in matcher.single("part_nouns"))


def _compound_modifier(matcher: Matcher, tokens: Sequence[Token], end: int) -> bool:
    heads = matcher.single("modifier_heads")
    if end < len(tokens) and tokens[end].norm in heads:
        # "al Qaeda linked group"; but "FAMa supported by Wagner" is a participle with its agent, and
        # "the MNLA led an assault", "the MNLA allied with Y" are verbs (verb_next)
        return not (end + 1 < len(tokens) and tokens[end + 1].norm in matcher.single("verb_next"))
    hyphen_heads = heads | matcher.single("hyphen_modifier_heads")
    if end + 1 < len(tokens) and tokens[end].norm in {"-", "–"} and tokens[end + 1].norm in {"and", "or"}:
        # a hanging hyphen: "al-Qaeda- and IS-linked militants" (both describe the militants)
        return any(tokens[x].norm in {"-", "–"} and tokens[x + 1].norm in hyphen_heads
                   for x in range(end + 2, min(len(tokens) - 1, end + 8)))
    return end + 1 < len(tokens) and tokens[end].norm == "-" and tokens[end + 1].norm in hyphen_heads


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
                    # the named examples stand for the generic, in its place ("fighting between the army
                    # and jihadist groups like JNIM": JNIM is the army's enemy)
                    out.append(replace(nxt, start=m.start, tok_start=m.tok_start, text=m.text + " … " + nxt.text,
                                       via="example"))
                    skip.add(k + 1)
                    continue
        if not m.generic and m.role == "party" and k + 1 < len(mentions) and mentions[k + 1].generic:
            # "Gatia pro-government militia": the generic after a name, with only descriptors between,
            # describes it
            nxt = mentions[k + 1]
            if _descriptors_only([t.norm for t in tokens[m.tok_end : nxt.tok_start]],
                                 matcher.words.get("descriptor_adjectives", frozenset())):
                out.append(replace(m, end=nxt.end, tok_end=nxt.tok_end, text=m.text + " … " + nxt.text))
                skip.add(k + 1)
                continue
        out.append(m)
    return out


def _descriptors_only(words: Sequence[str], descriptors: frozenset) -> bool:
    """Whether ``words`` are one or more descriptors ("pro-government", "rebel"), and nothing else."""
    i = 0
    while i < len(words):
        size = next((z for z in (3, 2, 1) if tuple(words[i : i + z]) in descriptors), 0)
        if not size:
            return False
        i += size
    return bool(words)

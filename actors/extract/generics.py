"""Generic mentions resolved: which named actor "the group", "the army" or "the Islamists" is, when
the text leaves only one reading.

:func:`resolve_generics` takes a sentence's mentions (:mod:`actors.extract.mentions`) and
folds a generic into the named actor its own phrase, its sentence, the sentence before or the
document's title names unambiguously; otherwise the generic stays generic: nothing is guessed.
A place is never an actor: a country name or a place inside a state
(:mod:`actors.extract.places`) only tells whose "the army" is.

>>> from actors.extract.dictionary import load_dictionary
>>> from actors.extract.matcher import build_matcher
>>> from actors.extract.mentions import find_mentions
>>> from actors.text.tokens import tokenize
>>> m = build_matcher(load_dictionary())
>>> t = tokenize("Clashes between the MNLA and the army erupted near Boulkessi.")
>>> [x.actor for x in resolve_generics(m, find_mentions(m, t), (), t)]
['mnla', 'mali']
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from typing import Sequence

from actors.extract.host_country import border_states, told_elsewhere, place_at, places_named, one_country
from actors.extract.matcher import Matcher, longest
from actors.extract.mentions import Mention
from actors.text.tokens import Token

__all__ = ["resolve_generics"]


def _set_apart(matcher: Matcher, tokens: Sequence[Token], start: int, end: int) -> bool:
    """A clause of contrast (``contrast_clause_openers``) between offsets ``start`` and ``end``: a
    name after it is not what a generic before it refers to."""
    words = matcher.single("contrast_clause_openers")
    return any(t.norm in words for t in tokens if start <= t.start < end)


def _pair(d, tags: set, pool: Sequence[Mention]) -> list[str]:
    """The two named actors of ``pool`` carrying one of ``tags`` (a party or a possessor), if
    exactly two; else none."""
    named: list[str] = []
    for x in pool:
        actor = d.get(x.actor)
        if x.generic or x.role == "modifier" or actor is None or not tags & set(actor.tags):
            continue
        if actor.id not in named:
            named.append(actor.id)
    return named if len(named) == 2 else []


def _placed_in(matcher: Matcher, tokens: Sequence[Token], m: Mention) -> str | None:
    """The state a generic's own phrase places it in: "government forces in Mali", "government
    troops in the Northern Mali conflict", "... of the Malian town of X", "the army camp in Dioura,
    Mali" (an installation noun of ``installation_nouns`` may stand between; a place may be followed
    by ", COUNTRY"). One country, else None."""
    n, j = len(tokens), m.tok_end
    installations = matcher.single("installation_nouns")
    while j < n and j < m.tok_end + 2 and tokens[j].norm in installations:
        j += 1
    if j >= n or tokens[j].norm not in ("in", "of", "at", "near"):
        return None
    found = set()
    k = j + 1
    while k < min(n, j + 7):
        if tokens[k].norm == "," and found:
            break
        if tokens[k].norm in ("and", "or") and k + 1 < n and place_at(matcher, tokens, k + 1):
            found.add(place_at(matcher, tokens, k + 1))  # "near the border between Mali and Niger": two
            break
        if tokens[k].norm in (";", ".", "(", ")", "and", "or"):
            break
        ln, hit = longest(tokens, k, matcher.demonyms, matcher.max_len)
        if ln:
            found.add(hit)
        elif hit := place_at(matcher, tokens, k):
            found.add(hit)
        if tokens[k].norm == ",":  # "in Dioura, Mali": only a country may follow the comma
            nxt = [longest(tokens, k + 1, t, matcher.max_len) for t in (matcher.countries,)]
            if not any(ln for ln, _ in nxt):
                break
        k += 1
    if found & border_states(matcher, tokens[j : min(n, j + 8)]):
        return None  # "soldiers near the Burkina Faso border": either side of it
    return found.pop() if len(found) == 1 else None


def _names_no_state(matcher: Matcher, tokens: Sequence[Token], mentions: Sequence[Mention]) -> bool:
    """Whether a sentence names no state, as an actor or by a demonym or place."""
    d = matcher.dictionary
    if any(not m.generic and (a := d.get(m.actor)) is not None and "state" in a.tags for m in mentions):
        return False
    return not places_named(matcher, tokens) and not any(
        longest(tokens, k, matcher.demonyms, matcher.max_len)[0] for k in range(len(tokens)))


def _apposed_to(m: Mention, mentions: Sequence[Mention], tokens: Sequence[Token]) -> Mention | None:
    """The named mention whose apposition the generic ``m`` heads: "X, a jihadist group", "X, one of
    the separatist groups" (a plural only after "one of")."""
    q = m.tok_start - 1
    while q > 0 and m.tok_start - q <= 5 and tokens[q].norm != "," and not any(x.tok_end == q + 1 for x in mentions):
        q -= 1
    if q < 1 or tokens[q].norm != ",":
        return None
    opener = [t.norm for t in tokens[q + 1 : m.tok_start]]
    if opener[:2] == ["one", "of"]:
        opener = opener[2:]
    elif opener[:1] in (["a"], ["an"]):
        opener = opener[1:]
    else:
        return None
    if "of" in opener:
        return None  # "X, an alliance of armed groups": the groups are X's members, not X
    owner = next((x for x in mentions if x.tok_end == q and not x.generic and x.role == "party"), None)
    return owner


def _named_in_apposition(m: Mention, mentions: Sequence[Mention], tokens: Sequence[Token]) -> Mention | None:
    """The named mention set in commas right after the generic ``m``: "the rebel group, the CSP-PSD,
    said": the same group (one name only, closed by a comma or a bracket)."""
    j = m.tok_end
    if j >= len(tokens) or tokens[j].norm != ",":
        return None
    j += 1
    if j < len(tokens) and tokens[j].norm == "the":
        j += 1
    x = next((x for x in mentions if x.tok_start == j and not x.generic and x.role == "party"), None)
    if x is None or x.tok_end >= len(tokens) or tokens[x.tok_end].norm not in {",", ")"}:
        return None
    if x.tok_end + 1 < len(tokens) and tokens[x.tok_end + 1].norm in {"and", "or"}:
        return None  # "the rebels, the MNLA, and the army": a list
    return x


def _glossed_owner(m: Mention, mentions: Sequence[Mention], tokens: Sequence[Token]) -> Mention | None:
    """The named mention a bracketed gloss follows, right before the generic ``m``: "ISGS (Sahel
    Province) militants", "JNIM (al-Qaeda) fighters" are that group's, as "ISGS militants" are."""
    close = m.tok_start - 1
    if close < 2 or tokens[close].norm != ")":
        return None
    opening = next((j for j in range(close - 1, max(-1, close - 8), -1) if tokens[j].norm == "("), None)
    if opening is None:
        return None
    return next((x for x in mentions if x.tok_end == opening and not x.generic and x.role == "party"), None)


def _losses(matcher: Matcher, tokens: Sequence[Token], m: Mention) -> bool:
    """The generic counts the subject's own losses ("claimed the attack, losing four soldiers"): a verb of
    ``loss_verbs`` before it, a number between."""
    j = m.tok_start - 1
    while j >= 0 and (tokens[j].norm.isdigit() or tokens[j].norm in matcher.single("quantity_words")):
        j -= 1
    return j >= 0 and tokens[j].norm in matcher.single("loss_verbs")


def _names_state(d, mentions) -> bool:
    """Whether one of the mentions names a state."""
    return any(not x.generic and (a := d.get(x.actor)) is not None and "state" in a.tags for x in mentions)


def _described_by(matcher: Matcher, tokens: Sequence[Token], x: Mention) -> bool:
    """The mention is the object of an organisation's description ("a group linked to X"): another
    organisation than X."""
    j = x.tok_start
    if not 0 <= j <= len(tokens):
        return False
    if j > 0 and tokens[j - 1].norm == "the":
        j -= 1
    return j >= 3 and tokens[j - 1].norm in {"to", "with"} and tokens[j - 2].norm in matcher.single("description_heads") \
        and tokens[j - 3].norm in matcher.single("organisation_nouns")


def resolve_generics(
    matcher: Matcher,
    mentions: list[Mention],
    context: Sequence[Mention] = (),
    tokens: Sequence[Token] = (),
    *,
    host: str | None = None,
    context_span: tuple[int, int] | None = None,
) -> list[Mention]:
    """Resolve generic mentions named unambiguously in this or the previous sentence.

    ``host``: the one country the document's title names ("Mali in 2012"); the state a
    government's generic forces belong to when the sentence names no state or place at all.

    A generic (e.g. "the Islamists", tags it may resolve to: ``jihadist``) becomes
    the state its own phrase places it in ("government forces in Niger", given
    ``tokens``), or else the named actor when exactly one named actor carrying one
    of those tags is mentioned in the same sentence (else in ``context``, the
    previous sentence), and no other generic of the same class is there to
    compete. A definite anaphor ("the group", "the movement": an alias with its
    article) points back: its one candidate in the sentence must come before it,
    and a possessor or a spokesman's group counts ("Ansar Dine's spokesman said
    the group ..."), an "X-linked" description never. Otherwise it stays generic:
    nothing is guessed. ``context_span``: the previous sentence's character range, kept as
    ``filled_from`` on a mention that sentence named.
    """
    if not any(m.generic for m in mentions):
        return list(mentions)  # nothing to resolve
    d = matcher.dictionary
    # generic ids (hyphenated, so several tokens each) that stand only when placed in a country
    bound = {"".join(key) for key in matcher.words.get("place_bound_generics", ())}
    pair_ids = {"".join(key) for key in matcher.words.get("pair_anaphors", ())}  # "the two groups"
    out = []
    for m in mentions:
        if not m.generic:
            out.append(m)
            continue
        gen = d.get(m.actor)
        tags = set(gen.resolves_to) if gen is not None else set()
        if m.actor in pair_ids:
            here = [x for x in mentions if x.end <= m.start]
            pair = _pair(d, tags, here or list(context))
            if pair:  # "the two groups": both of the two named just before, as one coordinated reference
                gid = max([x.group for x in out + list(mentions)] + [-1]) + 1000
                before = None if here else context_span
                out.extend(replace(m, actor=a, generic=False, via="resolved", group=gid, filled_from=before)
                           for a in pair)
            else:
                out.append(m)
            continue
        owner = (_apposed_to(m, mentions, tokens) or _named_in_apposition(m, mentions, tokens)
                 or _glossed_owner(m, mentions, tokens)) if tokens else None
        if owner is not None and (actor := d.get(owner.actor)) is not None and tags & set(actor.tags):
            # "the CSP-DPA, one of the separatist groups that ...": the apposition is the named one's
            out.append(replace(m, actor=owner.actor, generic=False, via="resolved"))
            continue
        if not tags or m.text.lower().rstrip(").").endswith(tuple(matcher.single("plural_group_nouns"))):
            # "five jihadist groups" names several groups: never one named group
            out.append(m)
            continue
        if m.actor in bound:  # its own place, or the one state the sentence names, names its state
            place = _placed_in(matcher, tokens, m) if tokens else None
            if place is None and tokens:
                place = one_country(matcher, tokens, mentions)
            if place is None and tokens and host is not None and not _names_state(d, mentions) \
                    and not _losses(matcher, tokens, m) and not told_elsewhere(matcher, tokens, host):
                # the document's (or its section's) one country, when the sentence names no state nor the
                # places of several others ("attacks in Burkina Faso, Mali and Niger, killing 22 troops"): not when
                # one may own them ("Chad dispatched soldiers to ...") or be fighting its host's enemies
                # ("an air attack on the police station by French helicopters": the station was held by others)
                place = host
            if place is not None and (actor := d.get(place)) is not None and "state" in actor.tags:
                out.append(replace(m, actor=place, generic=False, via="resolved"))
            continue

        # a definite anaphor ("the group", "the movement") points back: to what was named
        # before it, whether as a party or not ("Ansar Dine's spokesman said the group ...")
        anaphor = m.text[:4].lower() == "the " or bool(
            tokens and 0 < m.tok_start <= len(tokens) and tokens[m.tok_start - 1].norm in {"the", "these", "those"})

        def candidates(pool: Sequence[Mention], *, this: Mention, before: int | None = None) -> tuple[set[str], bool]:
            named, rival = set(), False
            for x in pool:
                if x is this:
                    continue
                if x.generic:
                    if x.actor == this.actor and (x.start, x.end) != (this.start, this.end):
                        rival = True  # a second "Islamist groups" makes the reference plural or open
                    continue
                if before is not None and x.end > before:
                    continue
                if tokens and x.start > this.end and _set_apart(matcher, tokens, this.end, x.start):
                    continue  # "gunmen killed two soldiers; no group claimed it, but JNIM operates there"
                if x.role == "modifier" and not (anaphor and x.via != "compound"):
                    continue  # "al-Qaeda-linked jihadists" are not al-Qaeda
                if tokens and any(x is y for y in mentions) and _described_by(matcher, tokens, x):
                    continue  # "claimed by a group linked to al-Qaeda": nor are those linked to it
                if x.role == "possessor" and not anaphor:
                    continue  # "rebels ... al-Qaeda's regional branch": the branch, not al-Qaeda
                actor = d.get(x.actor)
                if actor is not None and tags & set(actor.tags):
                    named.add(actor.id)
            return named, rival

        own = _placed_in(matcher, tokens, m) if tokens else None
        if own is not None and (actor := d.get(own)) is not None and (
                tags & set(actor.tags) or ("host-state" in tags and "state" in actor.tags)):
            # its own phrase places it ("government forces in Niger"): that, before any other name around
            out.append(replace(m, actor=own, generic=False, via="resolved"))
            continue
        # an anaphor points back: what the sentence names after it is not what it refers to ("quitting
        # the group and joining the MNLA", "The group cooperates with JNIM"); the previous sentence may name it
        same, rival = candidates(mentions, this=m, before=m.start if anaphor else None)
        if rival:
            out.append(m)
            continue
        if len(same) == 1:
            out.append(replace(m, actor=same.pop(), generic=False, via="resolved"))
            continue
        place = _placed_in(matcher, tokens, m) if tokens and not same else None
        if place is not None and (actor := d.get(place)) is not None and (
                tags & set(actor.tags) or ("host-state" in tags and "state" in actor.tags)):
            # a government's own forces placed in a country are that country's, whichever it is
            out.append(replace(m, actor=place, generic=False, via="resolved"))
            continue
        if not same and "host-state" in tags and tokens:
            here = one_country(matcher, tokens, mentions)
            if here is None and host is not None and _names_no_state(matcher, tokens, mentions):
                here = host  # "Ansar Dine began fighting the government", in "Mali in 2012"
            if here is not None:
                # "clashes between the MNLA and the army erupted in northern Mali": the one country
                # the sentence names, where no other state is named, is the government's
                out.append(replace(m, actor=here, generic=False, via="resolved"))
                continue
        if not same and context and (anaphor or tags & {"host-state", "peacekeeping"}):
            # only a definite anaphor ("the group", "the jihadists") points back to the sentence before;
            # a bare "jihadists" or "gunmen" there is no one named (a state's forces or a mission's
            # peacekeepers may be)
            prev, rival = candidates(context, this=m)
            if len(prev) == 1 and not rival:
                out.append(replace(m, actor=prev.pop(), generic=False, via="resolved", filled_from=context_span))
                continue
        out.append(m)
    return out


_MONTH_WORDS = frozenset(w.lower() for w in list(calendar.month_name[1:]) + list(calendar.month_abbr[1:]))
#: words that may open a sentence before its subject: a phrase of time ("On 3 May 2014,", "Later,")
_OPENING_WORDS = frozenset({"on", "in", "by", "since", "later", "then", "meanwhile", "earlier", "early", "late",
                            "mid", "the", ",", "also", "however", "subsequently"})
#: after "It", verbs that make it a dummy subject ("It is unclear who ...", "It was the third attack")
_DUMMY_VERBS = frozenset({"is", "was", "remains", "remained", "seems", "seemed", "appears", "appeared", "'s",
                          "will", "would", "could", "may", "might", "has been", "had been"})


def opens(tokens: Sequence[Token], tok: int) -> bool:
    """Whether only a phrase of time stands before token ``tok`` ("On 3 May 2014, ...").

    >>> from actors.text.tokens import tokenize
    >>> opens(tokenize("On 3 May 2014, JNIM attacked Boni."), 5), opens(tokenize("Residents said JNIM attacked."), 2)
    (True, False)
    """
    return all(t.norm in _OPENING_WORDS or t.norm.isdigit() or t.norm in _MONTH_WORDS for t in tokens[:tok])


def opening_subject(mentions: Sequence[Mention], tokens: Sequence[Token]) -> Mention | None:
    """The one named actor a sentence opens with, as its subject: the first mention, after nothing
    but a phrase of time ("On 3 May 2014, JNIM ..."), a party, and not the first of a list.

    >>> from actors.text.tokens import tokenize
    >>> toks = tokenize("On 3 May 2014, JNIM attacked Boni.")
    >>> opening_subject([Mention("jnim", 15, 19, 5, 6, "JNIM")], toks).actor
    'jnim'
    """
    named = sorted((m for m in mentions if m.role == "party" and not m.generic), key=lambda m: m.tok_start)
    if not named:
        return None
    m = named[0]
    if not opens(tokens, m.tok_start):
        return None
    after = tokens[m.tok_end].norm if m.tok_end < len(tokens) else "."
    if after in {"and", ",", "or", "/", "("} or (m.group >= 0 and any(x.group == m.group for x in named[1:])):
        return None  # "JNIM and the ISGS ...", "Malian and French forces ...": a list, not one subject
    return m


_OPENING_REACH = 14  # an opening phrase before "it" is a few words


def pronoun_subject(tokens: Sequence[Token], subject: Mention | None, span: tuple[int, int] | None, *,
                    describing: frozenset = frozenset()) -> Mention | None:
    """"It" or "They" opening a sentence, as the subject of a verb, refers to the named subject of
    the sentence before (``subject``, named in ``span``): a mention of that actor, resolved
    (``filled_from`` the span). A dummy "It is unclear ..." refers to nothing; "They" after a
    plural noun ("Malian troops") is left alone, as it may point at any plural told there."""
    if subject is None or len(tokens) < 3:
        return None
    p = 0
    if tokens[0].norm not in ("it", "they") or not tokens[0].text[0].isupper():
        # after an opening phrase: "Active in the Mopti region, it is affiliated with ..." ("it" only)
        p = next((k for k in range(2, min(len(tokens) - 2, _OPENING_REACH)) if tokens[k].norm == "it"
                  and tokens[k].text == "it" and tokens[k - 1].norm == ","
                  and not any(t.norm in (",", ";", "that", "which", "who") for t in tokens[: k - 1])), 0)
        if not p:
            return None
    if tokens[p].norm == "they" and subject.via != "alias":
        return None  # "Malian troops arrived. They ...": a plural noun's "they" may be anyone's (villagers'...)
    nxt = tokens[p + 1].norm
    two = f"{nxt} {tokens[p + 2].norm}"
    described = nxt in ("is", "was") and tokens[p + 2].norm in describing  # "It is affiliated with X": no dummy
    if (nxt in _DUMMY_VERBS or two in _DUMMY_VERBS or not nxt.isalpha()) and not described:
        return None
    t = tokens[p]
    return Mention(subject.actor, t.start, t.end, p, p + 1, t.text, via="resolved", filled_from=span)

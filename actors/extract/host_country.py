"""The country a sentence or a document is about: the one country a sentence names as a place (its name or a
place inside it, ``data/places.toml``), the one a title names, the one a report names throughout. A
country named at a border, as a group's base ("based in Mali") or as its origin ("Algeria's former GSPC"),
or inside a place's name ("Lake Chad") is no such place.

These say whose "the army" or "soldiers" are when a sentence names no state
(:func:`actors.extract.generics.resolve_generics`).

>>> from actors.text.tokens import tokenize
>>> from actors.extract.pipeline import Extractor
>>> m = Extractor.load().matcher
>>> document_country(m, tokenize("Jihadist insurgency in Burkina Faso")), document_country(m, tokenize("Lake Chad"))
('burkina-faso', None)
"""

from __future__ import annotations

from typing import Sequence

from actors.extract.matcher import Matcher, heads, longest
from actors.extract.mentions import Mention
from actors.text.tokens import Token

__all__ = ["document_country", "main_country", "one_country"]


def one_country(matcher: Matcher, tokens: Sequence[Token], mentions: Sequence[Mention]) -> str | None:
    """The one country a sentence names as a place, when no other state is named in it (as a place
    or as an actor); else None."""
    d = matcher.dictionary
    states = {m.actor for m in mentions if not m.generic and (a := d.get(m.actor)) is not None and "state" in a.tags}
    skip = {k for m in mentions for k in range(m.tok_start, m.tok_end)} | _origins(matcher, tokens, mentions)
    places = places_named(matcher, tokens, skip)
    if places & border_states(matcher, tokens):
        return None  # "near the Burkina Faso border", "the border with Niger": either side of it
    if places & _base_states(matcher, tokens):
        return None  # "JNIM, a group based in Mali, said it killed 70 soldiers": its base, not where they fell
    return next(iter(places)) if len(places) == 1 and states <= places else None


def _origins(matcher: Matcher, tokens: Sequence[Token], mentions: Sequence[Mention]) -> set[int]:
    """Tokens of a country named as a group's origin by its possessive ("Algeria's former GSPC"): no place of
    what the sentence tells."""
    d = matcher.dictionary
    out: set[int] = set()
    for m in mentions:
        entry = d.get(m.actor)
        if m.generic or entry is None or "state" in entry.tags:
            continue
        j = m.tok_start - 1
        while j >= 0 and m.tok_start - j <= 3 and tokens[j].text.islower() and tokens[j].norm != "'s":
            j -= 1
        if j >= 1 and tokens[j].norm == "'s":
            k = j - 1
            while k >= 0 and j - k <= 3 and tokens[k].is_capitalized:
                k -= 1
            if longest(tokens, k + 1, matcher.countries, 3)[0]:
                out.update(range(k + 1, j))
    return out


def _base_states(matcher: Matcher, tokens: Sequence[Token]) -> set[str]:
    """Countries a sentence names as where a group is based ("based in Mali", "active in Niger")."""
    lead = matcher.single("base_words")
    if not any(t.norm in lead for t in tokens):
        return set()
    out = set()
    for k in range(len(tokens)):
        if k >= 2 and tokens[k - 1].norm == "in" and tokens[k - 2].norm in lead:
            ln, hit = longest(tokens, k, matcher.countries, matcher.max_len)
            if ln:
                out.add(hit)
        else:
            ln, hit = longest(tokens, k, matcher.countries, matcher.max_len)
            if ln and k + ln + 1 < len(tokens) and tokens[k + ln].norm == "-" and tokens[k + ln + 1].norm in lead:
                out.add(hit)  # "the Nigeria-based group"
    return out


def border_states(matcher: Matcher, tokens: Sequence[Token]) -> set[str]:
    """States a sentence names by their border ("the Burkina Faso border", "the border with Niger")."""
    borders = matcher.single("border_words")
    if not any(t.norm in borders for t in tokens):
        return set()  # most sentences name no border: no country name is looked up
    out = set()
    for k in range(len(tokens)):
        ln, hit = longest(tokens, k, matcher.countries, matcher.max_len)
        if not ln:
            continue
        after = tokens[k + ln].norm if k + ln < len(tokens) else ""
        before = [t.norm for t in tokens[max(0, k - 3) : k]]
        if after in borders or (before[-1:] in (["with"], ["of"]) and any(w in borders for w in before)):
            out.add(hit)
    return out


def document_country(matcher: Matcher, tokens: Sequence[Token]) -> str | None:
    """The one country a document's title names ("Mali in 2012", "Jihadist insurgency in Burkina
    Faso"), as a country name or a place inside it; None when it names none or two."""
    return one_country(matcher, tokens, ())


def main_country(matcher: Matcher, sentences: Sequence[Sequence[Token]]) -> str | None:
    """The country a document is about, when its title names none: the state whose name or places
    (``data/places.toml``) its sentences name, in at least three sentences and in at least twice as
    many as any other state; else None.

    >>> from actors.text.tokens import tokenize
    >>> from actors.extract.pipeline import Extractor
    >>> m = Extractor.load().matcher
    >>> main_country(m, [tokenize(t) for t in ("Clashes in Kidal.", "Gao was shelled.", "Mali and Niger met.")])
    'mali'
    """
    counts: dict[str, int] = {}
    for tokens in sentences:
        for state in places_named(matcher, tokens):
            counts[state] = counts.get(state, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


def places_named(matcher: Matcher, tokens: Sequence[Token], skip: set[int] = frozenset()) -> set[str]:
    """The states whose names or places (outside the tokens ``skip``) the tokens name."""
    countries, places = heads(matcher.countries), heads(matcher.places)
    if countries is None or places is None:
        return {hit for k in range(len(tokens)) if k not in skip and (hit := place_at(matcher, tokens, k))}
    # only where a country's or a place's name can start (the tables' first-word indexes)
    return {hit for k, t in enumerate(tokens) if (t.norm in countries or t.norm in places) and k not in skip
            and (hit := place_at(matcher, tokens, k))}


def place_at(matcher: Matcher, tokens: Sequence[Token], k: int) -> str | None:
    """The state a country name or a capitalised place inside it (``data/places.toml``) at token k names."""
    ln, hit = longest(tokens, k, matcher.countries, matcher.max_len)
    if ln and _in_place_name(matcher, tokens, k, ln):
        return None  # "the Lake Chad Basin", "the Niger River": a place's name, no state's
    if not ln and tokens[k].text[:1].isupper():
        ln, hit = longest(tokens, k, matcher.places, matcher.max_len)
    return hit if ln else None


def _in_place_name(matcher: Matcher, tokens: Sequence[Token], k: int, ln: int) -> bool:
    """Whether the country name at ``tokens[k:k+ln]`` is part of a place's name: a capitalised word of
    ``place_name_heads`` right before or after it ("Lake Chad", "Niger River", "Niger Delta")."""
    heads = matcher.single("place_name_heads")
    before = k > 0 and tokens[k - 1].is_capitalized and tokens[k - 1].norm in heads
    after = k + ln < len(tokens) and tokens[k + ln].is_capitalized and tokens[k + ln].norm in heads
    return before or after


def told_elsewhere(matcher: Matcher, tokens: Sequence[Token], host: str) -> bool:
    """The sentence names the places of several other states and none of the host's ("attacks in Burkina
    Faso, Mali and Niger" in a report on Togo): what it tells happened elsewhere."""
    places = places_named(matcher, tokens)
    return host not in places and len(places) >= 2

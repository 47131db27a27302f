"""The matcher: the dictionary and word lists compiled into phrase lookup tables,
and the longest-match lookups over them that mention finding is made of.

>>> from actors.extract.dictionary import load_dictionary
>>> from actors.text.tokens import tokenize
>>> m = build_matcher(load_dictionary())
>>> longest(tokenize("MUJAO fighters"), 0, m.aliases, m.max_len)
(1, ('mojwa',))
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from actors.extract.cues import load_cues
from actors.extract.dictionary import Dictionary
from actors.extract.places import load_places
from actors.text.tokens import Token, phrase_key, tokenize

__all__ = ["Matcher", "build_matcher", "heads", "longest", "phrase_at"]

# Key under which a phrase table keeps its first-word index (never a real phrase key).
_HEADS_KEY = ("\x00heads",)


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
    places: dict = field(default_factory=dict)  # key tuple -> state id (data/places.toml): never mentions
    # alias keys of two words or more whose last word is a capitalised name in every spelling
    # ("Islamic State", "Wagner Group"): written in lower case without "the" before ("an Islamic
    # state", "to create Islamic state of Azawad") that word is a common noun, and the name is the
    # shorter one before it, if any ("the African corps" is still the Africa Corps)
    cased: frozenset = field(default_factory=frozenset)

    def single(self, list_id: str) -> frozenset:
        return self.singles.get(list_id, frozenset())


def _serial_comma_variants(key: tuple) -> list[tuple]:
    """A name listing three things, with and without the serial comma: "Peace, Security and
    Development" and "Peace, Security, and Development" are one name."""
    out = [key]
    if "," in key and "and" in key:
        a = key.index("and")
        if a >= 2 and key[a - 1] == ",":
            out.append(key[: a - 1] + key[a:])
        elif a >= 3 and key[a - 2] == ",":
            out.append(key[:a] + (",",) + key[a:])
    return out


_ARTICLES = frozenset({"al", "el", "ul"})


def _article_variants(key: tuple) -> list[tuple]:
    """An Arabic article written with or without its hyphen: "al-Murabitoon" and "al Murabitoon",
    "Ansar ul-Islam" and "Ansar ul Islam" are one name."""
    out = [key]
    for i, w in enumerate(key[:-2]):
        if w in _ARTICLES and key[i + 1] == "-":
            out.append(key[: i + 1] + key[i + 2 :])
        elif w in _ARTICLES and key[i + 1] != "-" and key[i + 1].isalpha() and (i == 0 or key[i - 1] != "-"):
            out.append(key[: i + 1] + ("-",) + key[i + 1 :])
    return out


def build_matcher(dictionary: Dictionary, *, word_lists: dict | None = None, places: dict | None = None) -> Matcher:
    """Compile the dictionary into lookup tables (done once per run).

    ``word_lists`` are the cue file's word lists (default: the packaged cue file's);
    ``places`` the places inside states (default: the packaged ``places.toml``).
    """
    lists = word_lists if word_lists is not None else load_cues().word_lists
    places = places if places is not None else load_places(dictionary)
    aliases: dict[tuple, set] = {}
    exact: dict[tuple, set] = {}
    periods: dict[tuple, list] = {}
    demonyms: dict[tuple, str] = {}
    prefixes: dict[tuple, str] = {}
    countries: dict[tuple, str] = {}

    cased: dict[tuple, bool] = {}

    def add(table, key, value):
        if key:
            table.setdefault(key, set()).add(value)

    for actor in dictionary.actors:
        for alias in actor.aliases:
            last = alias.split()[-1] if alias.split() else ""
            capital = len(alias.split()) > 1 and last[:1].isupper()
            for key in _serial_comma_variants(phrase_key(alias)):
                for variant in _article_variants(key):
                    add(aliases, variant, actor.id)
                    cased[variant] = cased.get(variant, True) and capital
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
        places=indexed(places),
        cased=frozenset(k for k, v in cased.items() if v),
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
    """The keys of a phrase table as a trie of words: first word -> node, a node being a dict of
    the next words' nodes with, under ``None`` (never a word), the value of the key ending there.
    Its first level is the table's first-word index (:func:`heads`); :func:`longest` walks it
    word by word instead of trying every length a key there may have."""
    trie: dict = {}
    for key, value in table.items():
        if key:
            node = trie
            for word in key:
                node = node.setdefault(word, {})
            node[None] = value
    return trie


def heads(table: dict) -> dict | None:
    """A phrase table's first-word index (its trie: a word it lacks starts no key, and
    :func:`longest` finds nothing there), None for a table built without one: callers in a hot
    loop test a word against it before calling."""
    return table.get(_HEADS_KEY)


def longest(tokens: Sequence[Token], i: int, table: dict, max_len: int, raw: bool = False, heads: dict | None = None) -> tuple[int, object]:
    """The longest key of ``table`` that the tokens from ``i`` on spell (their norms, or their texts
    when ``raw``), as (its length, its value); (0, None) when none does. ``heads`` is the table's
    index when the caller has it at hand. A table without an index (built by hand) is tried at
    every length up to ``max_len``; with one, ``max_len`` is not consulted (as before)."""
    if heads is None:
        heads = table.get(_HEADS_KEY)
    n = len(tokens)
    if heads is None:
        if i >= n:
            return 0, None
        for size in range(min(max_len, n - i), 0, -1):
            key = tuple([t.text for t in tokens[i : i + size]] if raw else [t.norm for t in tokens[i : i + size]])
            hit = table.get(key)
            if hit is not None:
                return size, hit
        return 0, None
    found, hit, node, j = 0, None, heads, i
    while j < n:
        node = node.get(tokens[j].text if raw else tokens[j].norm)
        if node is None:
            break
        j += 1
        value = node.get(None)
        if value is not None:
            found, hit = j - i, value
    return found, hit


#: id of a phrase set -> (the set, the words its phrases start with), for :func:`phrase_at`
_FIRSTS: dict[int, tuple[frozenset, frozenset]] = {}


def _first_words(phrases: frozenset) -> frozenset:
    """The words the phrases of ``phrases`` start with (kept per set: the sets are the matcher's)."""
    entry = _FIRSTS.get(id(phrases))
    if entry is None or entry[0] is not phrases:
        if len(_FIRSTS) > 256:
            _FIRSTS.clear()
        entry = _FIRSTS[id(phrases)] = (phrases, frozenset(p[0] for p in phrases if p))
    return entry[1]


def phrase_at(tokens: Sequence[Token], i: int, phrases: frozenset, max_len: int = 3) -> int:
    """Length of the longest phrase of ``phrases`` starting at token i (0 if none)."""
    top = min(max_len, len(tokens) - i)
    if top <= 0 or tokens[i].norm not in _first_words(phrases):
        return 0  # no phrase starts with this word
    for n in range(top, 0, -1):
        if (tuple([t.norm for t in tokens[i : i + n]]) if n > 1 else (tokens[i].norm,)) in phrases:
            return n
    return 0

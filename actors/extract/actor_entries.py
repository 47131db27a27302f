"""The dictionary's entries and the rules a set of them must satisfy.

An :class:`Actor` (a named actor or a generic class of mentions) carries the
strings texts name it by, and :class:`PeriodAlias` the ones that name it only
for a while. Spellings are compared by one key (:func:`_key`: case, accents,
spacing and typographic variants ignored); :func:`_validate` lists every
problem of a set of entries, each with its place (ids, kinds, tags, one owner
per alias, period aliases that never name two actors on one day).
:mod:`actors.extract.dictionary` builds the look-ups on top.
"""

from __future__ import annotations

import datetime
import functools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from actors.errors import DataFileError, Problem
from actors.extract.data_checks import alias_problem
from actors.schema import ACTOR_KINDS, GENERIC_KIND

__all__ = ["PeriodAlias", "Actor"]

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_GENERIC_PREFIX = "generic-"

# Fields holding lists of surface strings (after id and name, the look-up
# index's order; across actors every string has exactly one owner).
_SURFACE_FIELDS = ("aliases", "exact_aliases", "demonyms", "prefixes", "country_names")
_SINGULAR = {"aliases": "alias", "exact_aliases": "exact alias", "demonyms": "demonym",
             "prefixes": "prefix", "country_names": "country name"}


# Typographic variants that texts and hand-typed queries mix freely.
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")


@functools.lru_cache(maxsize=65536)  # the dictionary is checked again when an overrides file extends it
def _key(text: str) -> str:
    """Comparison key: case, accents, spacing and typographic variants ignored.

    Words and punctuation marks are split apart as a token matcher would see
    them, so the one-owner-per-alias check is at least as strict as matching
    ("U. S." and "U.S.", "Opération" and "Operation" are one key).

    >>> _key("  Opération   SERVAL "), _key("U. S."), _key("Jama’at")
    ('operation serval', 'u . s .', "jama ' at")
    """
    text = unicodedata.normalize("NFKD", text.translate(_FOLD))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORD_OR_MARK.findall(text.casefold()))


@dataclass(frozen=True)
class PeriodAlias:
    """An alias that names its actor only on days in ``[start, end)``.

    >>> p = PeriodAlias("the junta", datetime.date(2012, 3, 22), datetime.date(2012, 4, 13))
    >>> p.covers(datetime.date(2012, 4, 12)), p.covers(datetime.date(2012, 4, 13))
    (True, False)
    """

    alias: str
    start: datetime.date
    end: datetime.date | None  # exclusive; None = open-ended

    def covers(self, day: datetime.date) -> bool:
        """True when ``day`` falls in the alias's period."""
        if isinstance(day, datetime.datetime):  # a datetime does not compare with a date
            day = day.date()
        return self.start <= day and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Actor:
    """One named actor, or one generic class of mentions (``kind == "generic"``)."""

    id: str
    name: str
    kind: str
    tags: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    exact_aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    prefixes: tuple[str, ...] = ()
    country_names: tuple[str, ...] = ()
    period_aliases: tuple[PeriodAlias, ...] = ()
    resolves_to: tuple[str, ...] = ()  # generics only

    def __post_init__(self) -> None:
        # Accept lists from callers (e.g. curation overrides) but keep the
        # object hashable and immutable. Other wrong types are left for the
        # validator to report with a place.
        for name in ("tags", *_SURFACE_FIELDS, "period_aliases", "resolves_to"):
            value = getattr(self, name)
            if isinstance(value, list):
                object.__setattr__(self, name, tuple(value))

    @property
    def is_generic(self) -> bool:
        """True for generic mentions ("the Islamists"), which are not actors."""
        return self.kind == GENERIC_KIND


# -- validation ------------------------------------------------------------------


def _check_strings(values: Any, what: str, add: Any) -> list[str]:
    """The valid strings of a list field; reports the rest through ``add``."""
    if not isinstance(values, tuple):
        add(f"{what} must be a list of strings, got {type(values).__name__} {values!r}")
        return []
    good = []
    for i, value in enumerate(values, 1):
        if not isinstance(value, str) or not value.strip():
            add(f"{what} item #{i} must be a non-empty string, got {value!r}")
        elif value != value.strip():
            add(f"{what} item #{i} {value!r} has leading or trailing spaces")
        else:
            good.append(value)
    return good


def _validate(entries: Sequence[tuple[str, Actor]], source: str,
              paths: Sequence[str] | None = None) -> list[Problem]:
    """Every problem of a set of actors, each with its place (empty list: valid).

    ``paths``, when given, names the file of each entry (an included file of
    the dictionary); problems are reported against it, and a clash with an
    entry of another file names that file too.
    """
    problems: list[Problem] = []
    ids: dict[str, tuple[str, str]] = {}  # id -> (place, path)
    owners: dict[str, tuple[str, str, str, bool, str]] = {}  # key -> (actor id, place, "alias 'X'", generic?, path)
    periods: dict[str, list[tuple[PeriodAlias, str, str, str]]] = {}  # key -> [(p, id, place, path)]
    state_ids: set[str] = set()  # states' period aliases may overlap: the document's state chooses
    named_tags: set[str] = set()
    resolves: list[tuple[str, str, str]] = []  # (place, tag, path)
    files = list(paths) if paths is not None else [source] * len(entries)

    for (place, actor), path in zip(entries, files):
        def add(what: str, place: str = place, path: str = path) -> None:
            problems.append(Problem(path=path, where=place, what=what))

        def other(place: str, its_path: str, path: str = path) -> str:
            """Another entry's place, with its file when that is not this one's."""
            return place if its_path == path else f"{place} of {its_path}"

        # -- identity
        if not isinstance(actor.id, str) or not _ID_RE.match(actor.id):
            add(f"id {actor.id!r} must match ^[a-z0-9][a-z0-9-]*$ (lowercase letters, digits, hyphens)")
        elif actor.is_generic != actor.id.startswith(_GENERIC_PREFIX):
            add(f"id {actor.id!r}: ids starting with {_GENERIC_PREFIX!r} are for generic entries "
                f"(kind {GENERIC_KIND!r}) and generic entries need one")
        if isinstance(actor.id, str):
            if actor.id in ids:
                add(f"duplicate id {actor.id!r}, already used by {other(*ids[actor.id])}")
            else:
                ids[actor.id] = (place, path)
        if not isinstance(actor.name, str) or not actor.name.strip():
            add(f"name must be a non-empty string, got {actor.name!r}")
        if actor.kind != GENERIC_KIND and actor.kind not in ACTOR_KINDS:
            allowed = ", ".join(repr(k) for k in ACTOR_KINDS)
            add(f"unknown kind {actor.kind!r}; expected one of {allowed} "
                f"(or {GENERIC_KIND!r} in a [[generic]] entry)")

        # -- tags
        for tag in _check_strings(actor.tags, "tags", add):
            if not _ID_RE.match(tag):
                add(f"tag {tag!r} must be lowercase letters, digits and hyphens")
            elif not actor.is_generic:
                named_tags.add(tag)
        if actor.resolves_to and not actor.is_generic:
            add("resolves_to is only allowed on generic entries")
        if actor.is_generic:
            for fname in ("demonyms", "prefixes", "country_names", "period_aliases"):
                if getattr(actor, fname):
                    add(f"{fname} are not allowed on generic entries (spell the phrases out as aliases)")
        for tag in _check_strings(actor.resolves_to, "resolves_to", add):
            resolves.append((place, tag, path))

        # -- surface strings: each has one owner across actors
        own: list[tuple[str, str]] = []
        if isinstance(actor.id, str) and actor.id:
            own.append(("id", actor.id))
        if isinstance(actor.name, str) and actor.name.strip():
            own.append(("name", actor.name))
        for fname in _SURFACE_FIELDS:
            for spelling in _check_strings(getattr(actor, fname), fname, add):
                why = alias_problem(spelling, exact=fname == "exact_aliases")
                if why:  # "the" or "." would name the actor everywhere
                    add(f"{_SINGULAR[fname]} {spelling!r} {why}; expected a name")
                else:
                    own.append((_SINGULAR[fname], spelling))
        for label, spelling in own:
            key = _key(spelling)
            prior = owners.get(key)
            if prior is None:
                owners[key] = (actor.id, place, f"{label} {spelling!r}", actor.is_generic, path)
            elif prior[0] != actor.id:
                add(f"{label} {spelling!r} is already claimed by {other(prior[1], prior[4])} as its {prior[2]}; "
                    "each alias must belong to exactly one actor (case-insensitively)")

        # -- period aliases
        if not isinstance(actor.period_aliases, tuple):
            add(f"period_aliases must be a list, got {type(actor.period_aliases).__name__}")
            continue
        for i, period in enumerate(actor.period_aliases, 1):
            where = f"period_aliases #{i}"
            if not isinstance(period, PeriodAlias):
                add(f"{where} must be a PeriodAlias, got {period!r}")
                continue
            if not isinstance(period.alias, str) or not period.alias.strip():
                add(f"{where}: alias must be a non-empty string, got {period.alias!r}")
                continue
            bad_date = False
            for label, value in (("start", period.start), ("end", period.end)):
                if label == "end" and value is None:
                    continue
                if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
                    add(f"{where} ({period.alias!r}): {label} must be a date, got {value!r}")
                    bad_date = True
            if bad_date:
                continue
            if period.end is not None and period.start >= period.end:
                add(f"{where} ({period.alias!r}): start {period.start.isoformat()} must be "
                    f"before end {period.end.isoformat()} (end is exclusive; \"\" = open-ended)")
                continue
            why = alias_problem(period.alias)
            if why:
                add(f"{where}: alias {period.alias!r} {why}; expected a name")
                continue
            periods.setdefault(_key(period.alias), []).append((period, actor.id, place, path))
            if "state" in actor.tags:
                state_ids.add(actor.id)

    for place, tag, path in resolves:
        if tag not in named_tags:
            problems.append(Problem(path, place, f"resolves_to tag {tag!r} is carried by no named actor"))

    # A shared period alias must never name two actors on the same day, and
    # must not shadow a named actor's ordinary alias (which would name someone
    # every day). It may repeat a generic's alias: the generic is what the
    # words mean outside the period ("UN peacekeepers" are MINUSMA during its
    # mandate, unresolved peacekeepers before and after).
    for key, claims in periods.items():
        if key in owners and not owners[key][3]:
            _, owner_place, owned_as, _, owner_path = owners[key]
            for period, _, place, path in claims:
                where = owner_place if owner_path == path else f"{owner_place} of {owner_path}"
                problems.append(Problem(path, place, f"period alias {period.alias!r} is also "
                                        f"the {owned_as} of {where}"))
        claims.sort(key=lambda c: c[0].start)
        for (p1, a1, place1, path1), (p2, a2, place2, path2) in zip(claims, claims[1:]):
            if a1 in state_ids and a2 in state_ids and a1 != a2:
                continue  # "the junta" of two states at once: the document's own state tells which
            if p1.end is None or p1.end > p2.start:
                until = p1.end.isoformat() if p1.end else "open-ended"
                where1 = place1 if path1 == path2 else f"{place1} of {path1}"
                problems.append(Problem(path2, place2, (
                    f"period alias {p2.alias!r} from {p2.start.isoformat()} overlaps the same "
                    f"alias of {where1} ({p1.start.isoformat()} to {until}); periods for one "
                    "alias must not overlap")))
    return problems


def _check_force_nouns(nouns: Any, source: str) -> list[Problem]:
    problems: list[Problem] = []

    def add(what: str) -> None:
        problems.append(Problem(source, "force_nouns", what))

    seen: set[str] = set()
    for noun in _check_strings(nouns, "force_nouns", add):
        if _key(noun) in seen:
            add(f"{noun!r} is listed twice")
        seen.add(_key(noun))
    return problems


def _raise(problems: Sequence[Problem]) -> None:
    if problems:
        raise DataFileError("\n".join(str(p) for p in problems))


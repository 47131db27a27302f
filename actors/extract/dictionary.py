"""The actor dictionary: who the armed actors are and every way texts name them.

The content is data (``actors/data/actors.toml``); this module loads it,
validates it and answers look-ups. Matching mentions in running text is the
extractor's job; the dictionary only says which strings belong to whom.

>>> d = load_dictionary()
>>> d.lookup("MUJAO").id, d.lookup("  ansar  AL-dine ").id
('mojwa', 'ansar-dine')
>>> d.lookup("Nigerien").id, d.lookup("Nigerian").id
('niger', 'nigeria')
>>> d.lookup("the rebels") is None   # generic words never name an actor
True
>>> d.get("generic-islamists").resolves_to
('jihadist',)
>>> import datetime
>>> d.period_lookup("the junta", datetime.date(2012, 3, 30)).id
'cnrdr'
>>> d.period_lookup("the junta", datetime.date(2023, 9, 11)).id
'mali'
>>> d.suggest("MOJAO")   # "did you mean", one spelling per actor
['MUJAO']
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import os
import pathlib
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from actors.errors import DataFileError, Problem
from actors.schema import ACTOR_KINDS, GENERIC_KIND

__all__ = ["PeriodAlias", "Actor", "Dictionary", "load_dictionary", "actor_from_table"]

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_GENERIC_PREFIX = "generic-"

# Fields holding lists of surface strings (after id and name, the look-up
# index's order; across actors every string has exactly one owner).
_SURFACE_FIELDS = ("aliases", "exact_aliases", "demonyms", "prefixes", "country_names")
_SINGULAR = {"aliases": "alias", "exact_aliases": "exact alias", "demonyms": "demonym",
             "prefixes": "prefix", "country_names": "country name"}

_TOP_KEYS = ("force_nouns", "actor", "generic")
_ACTOR_KEYS = (
    "id", "name", "kind", "tags", "aliases", "exact_aliases", "demonyms",
    "prefixes", "country_names", "period_aliases",
)
# Generics are word classes, not states or periods: no demonyms (a matcher
# would build "Islamist positions" like "Malian positions", a named group),
# country names, prefixes or period aliases; `resolves_to` is theirs alone.
_GENERIC_KEYS = ("id", "name", "kind", "tags", "aliases", "exact_aliases", "resolves_to")
_PERIOD_KEYS = ("alias", "start", "end")

# Typographic variants that texts and hand-typed queries mix freely.
_FOLD = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})


_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]")


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


def _auto_places(actors: Sequence[Actor]) -> list[str]:
    """Places as the TOML file numbers them: ``actor #N`` and ``generic #N``."""
    places, counts = [], {"actor": 0, "generic": 0}
    for actor in actors:
        table = "generic" if actor.is_generic else "actor"
        counts[table] += 1
        places.append(f"{table} #{counts[table]} (id {actor.id!r})")
    return places


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


def _validate(entries: Sequence[tuple[str, Actor]], source: str) -> list[Problem]:
    """Every problem of a set of actors, each with its place (empty list: valid)."""
    problems: list[Problem] = []
    ids: dict[str, str] = {}  # id -> place
    owners: dict[str, tuple[str, str, str]] = {}  # key -> (actor id, place, "alias 'X'")
    periods: dict[str, list[tuple[PeriodAlias, str, str]]] = {}  # key -> [(p, id, place)]
    named_tags: set[str] = set()
    resolves: list[tuple[str, str]] = []  # (place, tag)

    for place, actor in entries:
        def add(what: str, place: str = place) -> None:
            problems.append(Problem(path=source, where=place, what=what))

        # -- identity
        if not isinstance(actor.id, str) or not _ID_RE.match(actor.id):
            add(f"id {actor.id!r} must match ^[a-z0-9][a-z0-9-]*$ (lowercase letters, digits, hyphens)")
        elif actor.is_generic != actor.id.startswith(_GENERIC_PREFIX):
            add(f"id {actor.id!r}: ids starting with {_GENERIC_PREFIX!r} are for generic entries "
                f"(kind {GENERIC_KIND!r}) and generic entries need one")
        if isinstance(actor.id, str):
            if actor.id in ids:
                add(f"duplicate id {actor.id!r}, already used by {ids[actor.id]}")
            else:
                ids[actor.id] = place
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
            resolves.append((place, tag))

        # -- surface strings: each has one owner across actors
        own: list[tuple[str, str]] = []
        if isinstance(actor.id, str) and actor.id:
            own.append(("id", actor.id))
        if isinstance(actor.name, str) and actor.name.strip():
            own.append(("name", actor.name))
        for fname in _SURFACE_FIELDS:
            own += [(_SINGULAR[fname], s) for s in _check_strings(getattr(actor, fname), fname, add)]
        for label, spelling in own:
            key = _key(spelling)
            prior = owners.get(key)
            if prior is None:
                owners[key] = (actor.id, place, f"{label} {spelling!r}")
            elif prior[0] != actor.id:
                add(f"{label} {spelling!r} is already claimed by {prior[1]} as its {prior[2]}; "
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
            periods.setdefault(_key(period.alias), []).append((period, actor.id, place))

    for place, tag in resolves:
        if tag not in named_tags:
            problems.append(Problem(source, place, f"resolves_to tag {tag!r} is carried by no named actor"))

    # A shared period alias must never name two actors on the same day, and
    # must not shadow an ordinary alias (which would name someone every day).
    for key, claims in periods.items():
        if key in owners:
            _, owner_place, owned_as = owners[key]
            for period, _, place in claims:
                problems.append(Problem(source, place, f"period alias {period.alias!r} is also "
                                        f"the {owned_as} of {owner_place}"))
        claims.sort(key=lambda c: c[0].start)
        for (p1, id1, place1), (p2, _, place2) in zip(claims, claims[1:]):
            if p1.end is None or p1.end > p2.start:
                until = p1.end.isoformat() if p1.end else "open-ended"
                problems.append(Problem(source, place2, (
                    f"period alias {p2.alias!r} from {p2.start.isoformat()} overlaps the same "
                    f"alias of {place1} ({p1.start.isoformat()} to {until}); periods for one "
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


# -- the dictionary --------------------------------------------------------------

_EMPTY: Mapping[str, Iterable[str]] = MappingProxyType({})


@dataclass(frozen=True)
class Dictionary:
    """A validated set of actors with cheap look-ups (indexes built once).

    Constructing one validates it: a clash raises :class:`DataFileError`.
    """

    actors: tuple[Actor, ...]  # named actors then generics, in file order
    force_nouns: tuple[str, ...]
    source: str  # path(s) it was loaded from, for messages

    def __post_init__(self) -> None:
        actors = tuple(self.actors)
        # Named first, generics after, each in their given order.
        actors = tuple(a for a in actors if not a.is_generic) + tuple(a for a in actors if a.is_generic)
        object.__setattr__(self, "actors", actors)
        object.__setattr__(self, "force_nouns", tuple(self.force_nouns))
        _raise(_check_force_nouns(self.force_nouns, self.source)
               + _validate(list(zip(_auto_places(actors), actors)), self.source))

        by_key: dict[str, Actor] = {}
        spelling: dict[str, str] = {}  # key -> first spelling, for suggestions
        periods: dict[str, list[tuple[PeriodAlias, Actor]]] = {}
        for actor in actors:
            for text in (actor.id, actor.name, *(s for f in _SURFACE_FIELDS for s in getattr(actor, f))):
                by_key.setdefault(_key(text), actor)
                spelling.setdefault(_key(text), text)
            for period in actor.period_aliases:
                periods.setdefault(_key(period.alias), []).append((period, actor))
        # Private caches on a frozen instance; not fields, so not compared.
        object.__setattr__(self, "_by_id", {a.id: a for a in actors})
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_spelling", spelling)
        object.__setattr__(self, "_periods", periods)
        object.__setattr__(self, "_named", tuple(a for a in actors if not a.is_generic))
        object.__setattr__(self, "_generics", tuple(a for a in actors if a.is_generic))

    def __repr__(self) -> str:
        return (f"Dictionary({len(self._named)} actors, {len(self._generics)} generics, "
                f"{len(self.force_nouns)} force nouns, source={self.source!r})")

    def get(self, actor_id: str) -> Actor | None:
        """The actor with this exact id, or None."""
        return self._by_id.get(actor_id)

    def named(self) -> tuple[Actor, ...]:
        """Named (non-generic) actors, in file order."""
        return self._named

    def generics(self) -> tuple[Actor, ...]:
        """Generic entries, in file order."""
        return self._generics

    def lookup(self, name: str) -> Actor | None:
        """The actor whose id, name, alias, exact alias, demonym, prefix or country
        name is ``name``, ignoring case, accents, spacing and curly apostrophes.

        Period aliases are not looked up here: they need a day (:meth:`period_lookup`).
        """
        return self._by_key.get(_key(name))

    def period_lookup(self, name: str, day: datetime.date) -> Actor | None:
        """The actor a period alias ("the junta") names on ``day``, or None."""
        for period, actor in self._periods.get(_key(name), ()):
            if period.covers(day):
                return actor
        return None

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Up to ``n`` ids or spellings close to ``name``, best first ("did you mean").

        One spelling per actor, so the hints point at different actors.
        """
        found: dict[str, str] = {}  # actor id -> best spelling
        for k in difflib.get_close_matches(_key(name), self._spelling, n=max(n, 0) * 8, cutoff=0.6):
            found.setdefault(self._by_key[k].id, self._spelling[k])
            if len(found) >= n:
                break
        return list(found.values())

    def with_additions(
        self,
        actors: Iterable[Actor] = (),
        aliases: Mapping[str, Iterable[str]] = _EMPTY,
        *,
        source: str = "",
    ) -> Dictionary:
        """A new dictionary with extra actors and extra aliases for existing ids.

        Validated like a loaded file; ``source`` names where the additions come
        from, for messages. ``self`` is unchanged.
        """
        label = f"{self.source} + {source or 'additions'}"
        problems: list[Problem] = []
        extra: dict[str, tuple[str, ...]] = {}
        for actor_id, spellings in aliases.items():
            where = f"aliases for {actor_id!r}"
            if isinstance(spellings, str):  # {"mali": "FAMa"} would add four letters
                problems.append(Problem(label, where, f"expected a list of aliases, got the string {spellings!r}"))
            elif actor_id not in self._by_id:
                hint = self.suggest(actor_id)
                problems.append(Problem(label, where, "unknown actor id"
                                        + (f"; did you mean {', '.join(map(repr, hint))}?" if hint else "")))
            else:
                extra[actor_id] = extra.get(actor_id, ()) + tuple(spellings)

        old = [dataclasses.replace(a, aliases=a.aliases + extra[a.id]) if a.id in extra else a
               for a in self.actors]
        new = list(actors)
        places = [p + (" with added aliases" if a.id in extra else "")
                  for p, a in zip(_auto_places(old), old)]
        places += [f"addition #{i} (id {getattr(a, 'id', None)!r})" for i, a in enumerate(new, 1)]
        for place, actor in zip(places[len(old):], new):
            if not isinstance(actor, Actor):
                problems.append(Problem(label, place, f"expected an Actor, got {type(actor).__name__}"))
        entries = [(p, a) for p, a in zip(places, old + new) if isinstance(a, Actor)]
        _raise(problems + _validate(entries, label))
        return Dictionary(actors=tuple(a for _, a in entries), force_nouns=self.force_nouns, source=label)


# -- loading -----------------------------------------------------------------------


def _parse_date(value: Any, what: str, add: Any, *, optional: bool) -> datetime.date | None | bool:
    """A date from an ISO string or a TOML date; False (after reporting) when invalid."""
    if optional and value == "":
        return None
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        return value  # a bare TOML date (start = 2012-03-22)
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            pass
    expected = 'an ISO date "YYYY-MM-DD"' + (' or "" (open-ended)' if optional else "")
    add(f"{what} must be {expected}, got {value!r}")
    return False


def _parse_entry(raw: Any, table: str, place: str, add: Any) -> Actor | None:
    """One [[actor]] / [[generic]] table as an Actor; None if it cannot be built."""
    if not isinstance(raw, dict):
        add(f"expected a table, got {type(raw).__name__}")
        return None
    allowed = _GENERIC_KEYS if table == "generic" else _ACTOR_KEYS
    unknown = [k for k in raw if k not in allowed]
    if unknown:
        add(f"unknown key(s) {', '.join(map(repr, unknown))}; allowed in [[{table}]]: {', '.join(allowed)}")
    ok = True
    for key in ("id", "name") + (("kind",) if table == "actor" else ()):
        if key not in raw:
            add(f"missing required key {key!r}")
            ok = False
        elif not isinstance(raw[key], str):
            add(f"{key} must be a string, got {raw[key]!r}")
            ok = False
    kind = raw.get("kind", GENERIC_KIND)
    if table == "actor" and kind == GENERIC_KIND:
        add(f"kind {GENERIC_KIND!r} belongs in a [[generic]] entry, not [[actor]]")
        ok = False
    if table == "generic" and kind != GENERIC_KIND:
        add(f"kind of a [[generic]] entry must be {GENERIC_KIND!r} (or omitted), got {kind!r}")
        ok = False

    lists: dict[str, Any] = {}
    for key in ("tags", *_SURFACE_FIELDS, "resolves_to"):
        if key in raw and key in allowed:
            value = raw[key]
            # A bare string would otherwise be split into letters downstream.
            lists[key] = tuple(value) if isinstance(value, list) else value

    periods: list[PeriodAlias] = []
    raw_periods = raw.get("period_aliases", []) if "period_aliases" in allowed else []
    if not isinstance(raw_periods, list):
        add("period_aliases must be an array of tables ([[actor.period_aliases]])")
        raw_periods = []
    for i, rp in enumerate(raw_periods, 1):
        where = f"period_aliases #{i}"
        if not isinstance(rp, dict):
            add(f"{where} must be a table with keys {', '.join(_PERIOD_KEYS)}")
            continue
        bad = [k for k in rp if k not in _PERIOD_KEYS]
        if bad:
            add(f"{where}: unknown key(s) {', '.join(map(repr, bad))}; allowed: {', '.join(_PERIOD_KEYS)}")
        if "alias" not in rp or "start" not in rp:
            add(f"{where}: 'alias' and 'start' are required ('end' is optional)")
            continue
        label = f"{where} ({rp['alias']!r})"
        start = _parse_date(rp["start"], f"{label}: start", add, optional=False)
        end = _parse_date(rp.get("end", ""), f"{label}: end", add, optional=True)
        if start is False or end is False:
            continue
        periods.append(PeriodAlias(alias=rp["alias"], start=start, end=end))

    if not ok:
        return None
    return Actor(id=raw["id"], name=raw["name"], kind=kind, period_aliases=tuple(periods), **lists)


def actor_from_table(raw: Mapping[str, Any], *, source: str, place: str) -> Actor:
    """An :class:`Actor` from one ``[[actor]]`` table (as in ``actors.toml``), checked the same way.

    Raises :class:`DataFileError` naming ``source`` and ``place``. Clashes with
    other actors are checked when it is added (:meth:`Dictionary.with_additions`).

    >>> actor_from_table({"id": "fla", "name": "Front de libération de l'Azawad", "kind": "rebel movement",
    ...                   "aliases": ["FLA"]}, source="o.toml", place="line 3").aliases
    ('FLA',)
    """
    problems: list[Problem] = []
    actor = _parse_entry(dict(raw), "actor", place, lambda what: problems.append(Problem(source, place, what)))
    if actor is not None:
        problems += _validate([(place, actor)], source)
    _raise(problems)
    assert actor is not None  # _raise raised otherwise
    return actor


def _default_path() -> Any:
    return resources.files("actors").joinpath("data", "actors.toml")


def load_dictionary(path: str | os.PathLike[str] | None = None) -> Dictionary:
    """Load and validate an actor dictionary (default: the packaged ``actors/data/actors.toml``).

    Raises :class:`DataFileError` naming the file, the place (TOML line and
    column, or ``actor #N (id 'x')``) and what was expected.
    """
    target = _default_path() if path is None else pathlib.Path(path)
    source = str(target)
    try:
        data = tomllib.loads(target.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{source}: cannot read the actor dictionary: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{source}: not UTF-8 text (byte {exc.start}): {exc.reason}") from exc
    except tomllib.TOMLDecodeError as exc:  # its message carries line and column
        raise DataFileError(f"{source}: invalid TOML: {exc}") from exc

    problems: list[Problem] = []
    unknown = [k for k in data if k not in _TOP_KEYS]
    if unknown:
        problems.append(Problem(source, "top level", f"unknown key(s) {', '.join(map(repr, unknown))}; "
                                f"allowed: {', '.join(_TOP_KEYS)}"))
    raw_nouns = data.get("force_nouns", [])
    nouns = tuple(raw_nouns) if isinstance(raw_nouns, list) else raw_nouns
    problems += _check_force_nouns(nouns, source)

    entries: list[tuple[str, Actor]] = []
    for table in ("actor", "generic"):
        raw_list = data.get(table, [])
        if not isinstance(raw_list, list):
            problems.append(Problem(source, "top level", f"{table!r} must be an array of tables ([[{table}]])"))
            continue
        for n, raw in enumerate(raw_list, 1):
            rid = raw.get("id") if isinstance(raw, dict) else None
            place = f"{table} #{n}" + (f" (id {rid!r})" if isinstance(rid, str) else "")

            def add(what: str, place: str = place) -> None:
                problems.append(Problem(source, place, what))

            actor = _parse_entry(raw, table, place, add)
            if actor is not None:
                entries.append((place, actor))
    problems += _validate(entries, source)
    _raise(problems)
    return Dictionary(actors=tuple(a for _, a in entries), force_nouns=nouns, source=source)

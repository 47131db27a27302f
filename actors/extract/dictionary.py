"""The actor dictionary: who the armed actors are and every way texts name them.

The content is data (``actors/data/actors.toml``); this module loads it,
validates it and answers look-ups. Matching mentions in running text is the
extractor's job; the dictionary only says which strings belong to whom.

The entries and their rules are :mod:`actors.extract.actor_entries`; reading
one TOML table into an entry is :mod:`actors.extract.actor_toml`.

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
>>> d.suggest("MUJAOO")[0], d.suggest("Ansar Dyne")   # "did you mean", one spelling per actor
('MUJAO', ['Ansar Dine'])
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import os
import pathlib
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

from actors.errors import DataFileError, Problem
from actors.extract.actor_entries import (_SURFACE_FIELDS, Actor, PeriodAlias, _check_force_nouns, _key, _raise,
                                          _validate)
from actors.extract.actor_toml import _parse_entry, actor_from_table
from actors.extract.data_checks import header_lines

__all__ = ["PeriodAlias", "Actor", "Dictionary", "load_dictionary", "actor_from_table"]

_TOP_KEYS = ("force_nouns", "actor", "generic", "include")
_INCLUDED_KEYS = ("actor", "generic")  # an included file adds entries only
_HINT_MARGIN = 0.1  # "did you mean": spellings scoring within this of the best one


def _auto_places(actors: Sequence[Actor]) -> list[str]:
    """Places as the TOML file numbers them: ``actor #N`` and ``generic #N``."""
    places, counts = [], {"actor": 0, "generic": 0}
    for actor in actors:
        table = "generic" if actor.is_generic else "actor"
        counts[table] += 1
        places.append(f"{table} #{counts[table]} (id {actor.id!r})")
    return places


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

        One spelling per actor, so the hints point at different actors; and only
        those nearly as close as the best one, so a clear match ("Ansar Dyne":
        Ansar Dine) is not followed by every name that shares a few letters.
        """
        key = _key(name)
        found: dict[str, str] = {}  # actor id -> best spelling
        best = None
        for k in difflib.get_close_matches(key, self._spelling, n=max(n, 0) * 8, cutoff=0.6):
            score = difflib.SequenceMatcher(None, key, k).ratio()  # the order get_close_matches sorts by
            best = score if best is None else best
            if score < best - _HINT_MARGIN or len(found) >= n:
                break
            found.setdefault(self._by_key[k].id, self._spelling[k])
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


# -- loading the file ------------------------------------------------------------


def _default_path() -> Any:
    return resources.files("actors").joinpath("data", "actors.toml")


def _read_toml(target: Any, source: str) -> dict:
    try:
        return tomllib.loads(target.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{source}: cannot read the actor dictionary: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise DataFileError(f"{source}: not UTF-8 text (byte {exc.start}): {exc.reason}") from exc
    except tomllib.TOMLDecodeError as exc:  # its message carries line and column
        raise DataFileError(f"{source}: invalid TOML: {exc}") from exc


def _text(target: Any) -> str:
    """The file's text, for the lines of its entries ("" if it cannot be read again)."""
    try:
        return target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _included(target: Any, data: dict, source: str, problems: list[Problem]) -> list[tuple[Any, str]]:
    """The files an ``include = ["states.toml"]`` key names, beside ``target``: (file, its path)."""
    names = data.get("include", [])
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        problems.append(Problem(source, "include", f"expected a list of file names, got {names!r}"))
        return []
    out = []
    for name in names:
        if pathlib.PurePath(name).is_absolute() or ".." in pathlib.PurePath(name).parts:
            problems.append(Problem(source, "include", f"{name!r}: name a file beside the dictionary"))
            continue
        sub = target.parent.joinpath(name)
        out.append((sub, str(sub)))
    return out


def load_dictionary(path: str | os.PathLike[str] | None = None) -> Dictionary:
    """Load and validate an actor dictionary (default: the packaged ``actors/data/actors.toml``).

    The files its ``include`` key names (``states.toml``: every state of the
    world) are read beside it and hold more ``[[actor]]`` (and ``[[generic]]``)
    tables, validated with the rest: one owner per alias across all of them.

    Raises :class:`DataFileError` naming the file, the place (TOML line and
    column, or ``actor #N (id 'x')``) and what was expected.
    """
    target = _default_path() if path is None else pathlib.Path(path)
    source = str(target)
    data = _read_toml(target, source)

    problems: list[Problem] = []
    unknown = [k for k in data if k not in _TOP_KEYS]
    if unknown:
        problems.append(Problem(source, "top level", f"unknown key(s) {', '.join(map(repr, unknown))}; "
                                f"allowed: {', '.join(_TOP_KEYS)}"))
    raw_nouns = data.get("force_nouns", [])
    nouns = tuple(raw_nouns) if isinstance(raw_nouns, list) else raw_nouns
    problems += _check_force_nouns(nouns, source)

    files = [(source, data)]
    texts = {source: _text(target)}
    for sub, sub_source in _included(target, data, source, problems):
        sub_data = _read_toml(sub, sub_source)
        texts[sub_source] = _text(sub)
        extra = [k for k in sub_data if k not in _INCLUDED_KEYS]
        if extra:
            problems.append(Problem(sub_source, "top level", f"unknown key(s) {', '.join(map(repr, extra))}; "
                                    f"allowed in an included file: {', '.join(_INCLUDED_KEYS)}"))
        files.append((sub_source, sub_data))

    entries: list[tuple[str, Actor]] = []
    paths: list[str] = []
    at_line: dict[tuple[str, str], int] = {}  # (file, entry place) -> line of its [[actor]] header
    for file_source, file_data in files:
        for table in ("actor", "generic"):
            lines = header_lines(texts.get(file_source, ""), table)
            raw_list = file_data.get(table, [])
            if not isinstance(raw_list, list):
                problems.append(Problem(file_source, "top level",
                                        f"{table!r} must be an array of tables ([[{table}]])"))
                continue
            for n, raw in enumerate(raw_list, 1):
                rid = raw.get("id") if isinstance(raw, dict) else None
                place = f"{table} #{n}" + (f" (id {rid!r})" if isinstance(rid, str) else "")
                if n <= len(lines):
                    at_line[(file_source, place)] = lines[n - 1]

                def add(what: str, place: str = place, file_source: str = file_source) -> None:
                    problems.append(Problem(file_source, place, what))

                actor = _parse_entry(raw, table, place, add)
                if actor is not None:
                    entries.append((place, actor))
                    paths.append(file_source)
    problems += _validate(entries, source, paths)
    # the line of the entry, at the end so "file: actor #N (id 'x'): what" reads as before
    problems = [dataclasses.replace(p, what=f"{p.what} (line {at_line[(p.path, p.where)]})")
                if (p.path, p.where) in at_line else p for p in problems]
    if not entries and not problems:  # else "--coalition: unknown actor 'jnim'" would be the first word of it
        problems.append(Problem(source, "top level", "no [[actor]] entry: the actor dictionary is empty or "
                                "truncated; expected [[actor]] tables (id, name, kind, aliases)"))
    _raise(problems)
    return Dictionary(actors=tuple(a for _, a in entries), force_nouns=nouns, source=source)

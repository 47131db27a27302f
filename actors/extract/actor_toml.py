"""Actor entries read from TOML tables: ``[[actor]]`` and ``[[generic]]``, as in ``actors.toml``.

Each table's keys, types and dates are checked here, with the place they
occur (``actor #N (id 'x')``, ``period_aliases #N``); the rules across
entries are :func:`actors.extract.actor_entries._validate`'s. The same
reading serves the actor file (:func:`actors.extract.dictionary.load_dictionary`)
and an analyst's ``[[actor]]`` override (:func:`actor_from_table`).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from actors.errors import Problem
from actors.extract.actor_entries import _SURFACE_FIELDS, Actor, PeriodAlias, _raise, _validate
from actors.schema import GENERIC_KIND

__all__ = ["actor_from_table"]

_ACTOR_KEYS = (
    "id", "name", "kind", "tags", "aliases", "exact_aliases", "demonyms",
    "prefixes", "country_names", "period_aliases",
)
# Generics are word classes, not states or periods: no demonyms (a matcher
# would build "Islamist positions" like "Malian positions", a named group),
# country names, prefixes or period aliases; `resolves_to` is theirs alone.
_GENERIC_KEYS = ("id", "name", "kind", "tags", "aliases", "exact_aliases", "resolves_to")
_PERIOD_KEYS = ("alias", "start", "end")


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


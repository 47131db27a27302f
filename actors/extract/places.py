"""Places inside a state (``data/places.toml``): the state a sentence's place names point to.

A place is never an actor. It tells whose "the army" or "an army camp" is when the
sentence names no state otherwise (:func:`actors.extract.generics.resolve_generics`).

>>> from actors.extract.dictionary import load_dictionary
>>> places = load_places(load_dictionary())
>>> places[("boulkessi",)], places[("tillaberi",)]
('mali', 'niger')
"""

from __future__ import annotations

from actors.errors import DataFileError
from actors.extract.data_checks import read_data_file
from actors.extract.dictionary import Dictionary
from actors.text.tokens import phrase_key

__all__ = ["load_places"]


def load_places(dictionary: Dictionary, path=None) -> dict[tuple[str, ...], str]:
    """Place name key -> state id. Every state must be in ``dictionary``, every place have one state.

    Raises :class:`~actors.errors.DataFileError` naming the file and the entry.
    """
    data, _, where = read_data_file("places.toml", path, tables=frozenset({"places"}))
    out: dict[tuple[str, ...], str] = {}
    entries = data.get("places", [])
    if not isinstance(entries, list):
        raise DataFileError(f"{where}: places must be an array of tables ([[places]])")
    for n, entry in enumerate(entries, 1):
        place = f"{where}: [[places]] #{n}"
        if not isinstance(entry, dict) or set(entry) != {"state", "names"}:
            raise DataFileError(f"{place}: expected the keys state and names")
        state, names = entry["state"], entry["names"]
        actor = dictionary.get(state) if isinstance(state, str) else None
        if actor is None or "state" not in actor.tags:
            raise DataFileError(f"{place}: state {state!r} is not a state of the actor dictionary")
        if not isinstance(names, list) or not all(isinstance(x, str) and x.strip() for x in names):
            raise DataFileError(f"{place}: names must be a list of place names")
        for name in names:
            key = phrase_key(name)
            if out.get(key, state) != state:
                raise DataFileError(f"{place}: {name!r} is already a place of {out[key]!r}; a place has one state")
            out[key] = state
    return out

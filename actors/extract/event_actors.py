"""ACLED and UCDP actor names mapped to the dictionary's actors.

The map is data (``actors/data/event_actors.toml``): ``[[name]]`` entries give a
source's spelling of one actor ("JNIM: Group for Support of Islam and Muslims" →
``jnim``); ``[[generic]]`` entries give a prefix (or a part) for the generic parties
("Unidentified Armed Group (Mali)" → ``generic-militants``; "Civilians (Mali)" → no
party at all); ``[[component]]`` entries (``member``, ``of``) say which actors are
components of which (Katiba Macina of JNIM), so an associated actor is drawn as
its main actor's member, not its ally. A name is resolved, in this order, by

1. the map's exact spelling for that source (case, accents and spacing ignored);
2. a generic prefix, then a generic part ("... Clan Militia (Somalia)");
3. the rule for states: "Military Forces of X (2021-)", "Police Forces of X (2021-)
   Gendarmerie" and "Government of X" are state X, when the dictionary knows X;
4. the dictionary itself, on the whole name, the part before a colon and the part
   after it ("Wagner Group", "CMA: Coordination of Azawad Movements");
5. otherwise a new actor of its own, of the kind the source's actor type gives
   (ACLED's ``inter`` code; a UCDP side), listed as such: never a guess at a
   dictionary actor.

>>> from actors.extract.dictionary import load_dictionary
>>> m = EventActorMap.load(load_dictionary())
>>> [m.resolve(n, "acled").actor for n in ("Military Forces of Mali (2021-)", "Civilians (Mali)")]
['mali', '']
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources

from actors.errors import DataFileError
from actors.extract.actor_entries import _key
from actors.extract.dictionary import Dictionary

__all__ = ["EventActorMap", "Resolved", "INTER_KINDS"]

#: ACLED's ``inter`` codes: the kind of a named actor the map lacks; None for parties that are never
#: a relation's side (rioters, protesters, civilians).
INTER_KINDS = {"1": "state armed force", "2": "rebel movement", "3": "militia", "4": "militia",
               "5": None, "6": None, "7": None, "8": "foreign state",
               # the words exports since 2023 give instead of the numbers (lower case)
               "state forces": "state armed force", "rebel group": "rebel movement",
               "political militia": "militia", "identity militia": "militia", "rioters": None,
               "protesters": None, "civilians": None, "external/other forces": "foreign state"}

_STATE_RULE = re.compile(r"^(?:(?:military|police)\s+forces\s+of|government\s+of)\s+(?:the\s+)?(?P<x>.+?)"
                         r"\s*(?:\(.*)?$", re.IGNORECASE)  # not "Mutiny of Military Forces of ...": anchored
_SOURCES = ("acled", "ucdp")


@dataclass(frozen=True)
class Resolved:
    """A source's actor name resolved: ``actor`` a dictionary id, a new id (``new``), or "" for no party."""

    name: str
    actor: str
    how: str  # map | generic | state | dictionary | new | none
    new: bool = False
    kind: str = ""


@dataclass(frozen=True)
class EventActorMap:
    """The name map of :mod:`actors.data` and the dictionary it resolves into."""

    dictionary: Dictionary
    names: dict = field(default_factory=dict)  # (source, key) -> actor id
    prefixes: tuple = ()  # (source, key prefix, actor id or "")
    source: str = "event_actors.toml"
    components: frozenset = frozenset()  # (member id, whole id): an associated actor that is a component
    within: tuple = ()  # (source, key part, actor id or ""): generic names by a part ("Clan Militia")
    unlisted: dict = field(default_factory=dict)  # actor id -> kind: the map's actors the dictionary lacks
    _cache: dict = field(default_factory=dict, repr=False, compare=False)  # resolve's answers: names recur

    @classmethod
    def load(cls, dictionary: Dictionary, text: str | None = None, *,
             source: str = "event_actors.toml") -> "EventActorMap":
        """The packaged map (or ``text``, a TOML document of the same shape) over ``dictionary``.

        Raises :class:`DataFileError` naming the entry for a map entry that names an unknown actor.
        """
        if text is None:
            text = resources.files("actors.data").joinpath("event_actors.toml").read_text(encoding="utf-8")
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise DataFileError(f"{source}: not valid TOML ({exc})") from None
        names: dict = {}
        prefixes, within = [], []
        unlisted: dict = {}
        for kind in ("name", "generic"):
            for n, entry in enumerate(data.get(kind, []), 1):
                where = f"{source}: [[{kind}]] #{n} (id {entry.get('id')!r})"
                src, actor = entry.get("source"), entry.get("actor", "")
                if src not in _SOURCES:
                    raise DataFileError(f"{where}: source must be one of {', '.join(_SOURCES)}, got {src!r}")
                if actor and dictionary.get(actor) is None:
                    if kind != "name" or not entry.get("kind"):
                        raise DataFileError(f"{where}: unknown actor {actor!r} (an actor the dictionary lacks "
                                            "needs a kind)")
                    unlisted[actor] = entry["kind"]
                if kind == "name" and entry.get("region") and not entry.get("country"):
                    raise DataFileError(f"{where}: a region needs its country")
                if kind == "name" and entry.get("country"):
                    countries = entry["country"] if isinstance(entry["country"], list) else [entry["country"]]
                    regions = entry.get("region", [])
                    for c in countries:
                        if regions:  # (source, name, country) -> [(region key, actor)]
                            for r in regions if isinstance(regions, list) else [regions]:
                                names.setdefault((src, _key(entry["name"]), _key(c), "regions"), []).append(
                                    (_key(r).casefold(), actor))
                        else:
                            names[(src, _key(entry["name"]), _key(c))] = actor
                elif kind == "name":
                    names[(src, _key(entry["name"]))] = actor
                elif ("prefix" in entry) == ("contains" in entry):
                    raise DataFileError(f"{where}: give either prefix or contains")
                elif "prefix" in entry:
                    prefixes.append((src, _key(entry["prefix"]), actor))
                else:
                    within.append((src, _key(entry["contains"]).casefold(), actor))
        components = set()
        for n, entry in enumerate(data.get("component", []), 1):
            pair = (entry.get("member", ""), entry.get("of", ""))
            if any(dictionary.get(x) is None and x not in unlisted for x in pair):
                raise DataFileError(f"{source}: [[component]] #{n}: unknown actor in {pair!r}")
            components.add(pair)
        prefixes.sort(key=lambda p: -len(p[1]))  # the longest prefix first
        return cls(dictionary, names, tuple(prefixes), source, frozenset(components), tuple(within), unlisted)

    def resolve(self, name: str, source: str, *, kind: str | None = "rebel movement", country: str = "",
                region: str = "") -> Resolved:
        """Resolve one actor name of ``source`` ("acled" or "ucdp"); ``kind`` is the kind a new actor
        gets (None: the source says it is no armed party, so it is none). ``country`` is the row's
        country (several comma-separated for a UCDP/PRIO conflict): a name the map gives per country
        (UCDP's "IS" in Mali and in Nigeria) resolves by it first; ``region`` (the row's first-level
        region, UCDP's ``adm_1``, ACLED's ``admin1``) before that, for a map entry that names one
        (UCDP's "IS" in Niger's Diffa region is the West Africa Province).

        >>> from actors.extract.dictionary import load_dictionary
        >>> m = EventActorMap.load(load_dictionary())
        >>> [m.resolve("IS", "ucdp", country=c).actor for c in ("Mali", "Nigeria", "Syria")]
        ['isgs', 'iswap', 'islamic-state']
        >>> m.resolve("IS", "ucdp", country="Niger", region="Diffa region").actor
        'iswap'
        """
        at = (name, source, kind, country, region)
        cached = self._cache.get(at)
        if cached is None:
            cached = self._cache[at] = self._resolve(name, source, kind, country, region)
        return cached

    def _resolve(self, name: str, source: str, kind: str | None, country: str, region: str) -> Resolved:
        name = " ".join(name.split())
        if not name:
            return Resolved(name, "", "none")
        key = _key(name)
        place = _key(region).casefold() if region.strip() else ""
        for c in (country.split(",") if country and place else ()):
            for part, actor in self.names.get((source, key, _key(c.strip()), "regions"), ()):
                if place.startswith(part):  # "Diffa" for UCDP's "Diffa region"
                    return self._mapped(name, actor)
        for c in (country.split(",") if country else ()):
            if c.strip() and (source, key, _key(c.strip())) in self.names:
                return self._mapped(name, self.names[(source, key, _key(c.strip()))])
        if (source, key) in self.names:
            return self._mapped(name, self.names[(source, key)])
        for src, prefix, actor in self.prefixes:
            if src == source and key.startswith(prefix):
                return Resolved(name, actor, "generic")
        folded = key.casefold()
        for src, part, actor in self.within:
            if src == source and part in folded:
                return Resolved(name, actor, "generic")
        m = _STATE_RULE.match(name)
        if m:
            state = self.dictionary.lookup(m.group("x"))
            if state is not None and ("state" in state.tags or state.kind in ("state armed force", "foreign state")):
                return Resolved(name, state.id, "state")
        head, _, tail = name.partition(":")
        for part in (name, head, tail):
            actor = self.dictionary.lookup(part.strip()) if part.strip() else None
            if actor is not None and not actor.is_generic:
                return Resolved(name, actor.id, "dictionary")
        if kind is None:
            return Resolved(name, "", "none")
        return Resolved(name, f"{source}-" + _slug(name), "new", new=True, kind=kind)

    def _mapped(self, name: str, actor: str) -> Resolved:
        """A name the map gives: its dictionary actor, or an actor of the map's own the dictionary lacks
        (new, of the map's kind; a curated dictionary that adds it takes it over)."""
        if actor and actor in self.unlisted and self.dictionary.get(actor) is None:
            return Resolved(name, actor, "map", new=True, kind=self.unlisted[actor])
        return Resolved(name, actor, "map")


def _slug(name: str) -> str:
    """A stable id part for a name the map lacks ("Katiba Hanifa (Mali)" → "katiba-hanifa-mali")."""
    return re.sub(r"[^a-z0-9]+", "-", _key(name).casefold()).strip("-") or "unnamed"

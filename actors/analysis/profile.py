"""One actor's profile: who it is, and its relations period by period.

:func:`actor_profile` gathers what an analyst asks first about an actor: its
names, every relation it has in each period, the groups it split from and
those that split from it, and its memberships in both directions. A relation
counts in a period when its date interval lies within it; one that only might
fall in it (dated "2012", in a period ending in April 2012) is kept apart, in
``imprecise`` (``mode="overlap"`` counts it in ``relations`` too, flagged
``imprecise``).

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("fpa", name="Front pour le salut de l'Azawad (FPA)", kind="rebel movement", aliases=["FPA"])
>>> G.add_node("mnla", name="MNLA", kind="rebel movement", aliases=[])
>>> _ = G.add_edge("fpa", "mnla", key="e1", relation="split-from", status="reported", date="2012-05",
...                start="2012-05-01", end="2012-06-01", doc="d.txt", evidence="The FPA split from the MNLA.",
...                char_start=0, char_end=28)
>>> p = actor_profile(G, "fpa")
>>> p.splits.select("direction", "other", "first_date").row(0)
('split from', 'mnla', '2012-05')
>>> p.relations.select("period_label", "relation", "other").row(0)
('2012 Islamist takeover of the north', 'split-from', 'mnla')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

import networkx as nx

from actors.network.graph import edge_frame, label
from actors.schema import STATUSES
from actors.network.windows import Period, assign_periods, phases

__all__ = ["Profile", "actor_profile"]


@dataclass(frozen=True)
class Profile:
    """An actor's identity and relations (polars DataFrames)."""

    id: str
    name: str
    label: str
    kind: str
    aliases: tuple[str, ...]
    mentions: int
    events: Any  # every edge touching the actor: other, direction, relation, status, date, ... evidence
    relations: Any  # events placed in periods (period, period_label, imprecise, ...); undated ones are not
    imprecise: Any  # events that only might fall in a period (their date spills over it), placed there
    splits: Any  # split-from links: direction ("split from" | "splinter"), other, first_date, events
    memberships: Any  # member-of links: direction ("member of" | "has member"), other, first_date, events
    periods: tuple[Period, ...]


def _links(events, relation: str, out: str, into: str):
    import polars as pl

    f = events.filter(pl.col("relation") == relation)
    return (f.with_columns(pl.when(pl.col("outgoing")).then(pl.lit(out)).otherwise(pl.lit(into)).alias("direction"))
             .sort(["start", "end", "edge_id"], nulls_last=True)
             .group_by(["direction", "other"], maintain_order=True)
             .agg(pl.col("date").drop_nulls().first().alias("first_date"), pl.len().alias("events"),
                  pl.col("status").unique().sort().str.join("|").alias("statuses"),
                  pl.col("evidence").first(), pl.col("doc").first())
             .sort(["direction", "first_date", "other"], nulls_last=True))


def actor_profile(G: nx.MultiDiGraph, actor: str, *, periods: Sequence[Period] | None = None,
                  statuses: Iterable[str] = STATUSES, mode: str = "within") -> Profile:
    """The profile of node ``actor`` (an id; see :meth:`actors.extract.dictionary.Dictionary.lookup`).

    ``statuses`` defaults to all four, so denials are listed with their status;
    ``periods`` defaults to the named phases of Mali's wars; ``mode`` ("within" or "overlap")
    says whether an event that only might fall in a period counts in it. Raises KeyError
    for an id that is not a node of ``G``.
    """
    import polars as pl

    if actor not in G:
        raise KeyError(actor)
    periods = tuple(periods if periods is not None else phases())
    f = edge_frame(G, statuses=statuses)
    f = f.filter((pl.col("source") == actor) | (pl.col("target") == actor))
    events = (f.with_columns((pl.col("source") == actor).alias("outgoing"),
                             pl.when(pl.col("source") == actor).then(pl.col("target")).otherwise(pl.col("source"))
                             .alias("other"))
               .sort(["start", "end", "doc", "char_start", "edge_id"], nulls_last=True))
    placed = assign_periods(events, periods)
    maybe = placed.filter(pl.col("imprecise"))
    if mode == "within":
        placed = placed.filter(~pl.col("imprecise"))
    data = G.nodes[actor]
    aliases = data.get("aliases") or []
    if isinstance(aliases, str):
        aliases = [a for a in aliases.split("|") if a]
    return Profile(
        id=actor, name=data.get("name") or actor, label=label(G, actor), kind=data.get("kind") or "",
        aliases=tuple(aliases), mentions=int(data.get("mentions") or 0),
        events=events, relations=placed, imprecise=maybe,
        splits=_links(events, "split-from", "split from", "splinter"),
        memberships=_links(events, "member-of", "member of", "has member"),
        periods=periods,
    )

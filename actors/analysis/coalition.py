"""One actor's coalition over time: members and founders, parents, splinters, allies and enemies.

For each period, every relation that touches the actor is summarised by
counterpart and role:

* ``member``: the counterpart is member-of the actor. A member counts as a
  *founder* when it joined within ``founding_days`` of the actor's first
  dated appearance, or on the actor's earliest membership date.
* ``parent``: the actor is member-of the counterpart (an affiliation);
* ``splinter``: the counterpart split from the actor; ``origin``: the actor
  split from the counterpart;
* ``linked``: allied-with of kind ``link`` ("al-Qaeda-linked"): an affinity the text names,
  kept apart from alliances;
* ``ally`` / ``enemy``: allied-with (an alliance, joint action or support: ``kinds`` says
  which) / fought-against, either direction.

With ``through_members=True`` (the default) the allies and enemies of each
member, from the day it joined on, are the coalition's too; ``via`` names the
member they run through (``via`` equals the actor for its own relations).
Denied relations and generic counterparts ("Tuareg rebel groups") are left
out by default (``statuses``, ``include_generic``), undated ones belong
to no period. An event counts in a period only when its date interval lies
within it; one that only might fall in it (a "2012" event in a phase ending in
April 2012) is counted apart, in ``imprecise_events`` (``mode="overlap"`` counts
it too and flags the row ``imprecise``; see :mod:`actors.network.windows`).

>>> import networkx as nx
>>> from actors.network.windows import make_periods
>>> G = nx.MultiDiGraph()
>>> G.add_edge("m1", "c", key="k1", relation="member-of", status="reported", date="2017-03-02",
...            start="2017-03-02", end="2017-03-03", evidence="M1 joined C.", doc="d", char_start=0, char_end=1)
'k1'
>>> G.add_edge("m1", "gov", key="k2", relation="fought-against", status="reported", date="2017-05",
...            start="2017-05-01", end="2017-06-01", evidence="M1 attacked the government.", doc="d", char_start=2, char_end=3)
'k2'
>>> t = coalition(G, "c", periods=make_periods([("2017", "2017-01-01", "2018-01-01")]))
>>> t.select("role", "actor", "via", "founder").rows()
[('member', 'm1', 'c', True), ('enemy', 'gov', 'm1', False)]
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable, Sequence

import networkx as nx

from actors.network.graph import edge_frame
from actors.analysis.pairs import FACT_STATUSES
from actors.schema import THIN
from actors.network.windows import Period, assign_periods, phases

__all__ = ["coalition", "ROLES"]

#: Roles in the order tables list them.
ROLES: tuple[str, ...] = ("member", "parent", "origin", "splinter", "linked", "ally", "enemy")


def coalition(G: nx.MultiDiGraph, actor: str = "jnim", *, periods: Sequence[Period] | None = None,
              statuses: Iterable[str] = FACT_STATUSES, through_members: bool = True,
              founding_days: int = 31, include_generic: bool = False, mode: str = "within", edges=None):
    """Members, founders, parents, splinters, allies and enemies of ``actor``, per period.

    One row per (period, role, counterpart, via) with first and last days
    (``first``, ``last``) and the first and last dates as the text gives them
    (``date``, ``last_date``, at their precision), the relation kinds seen (``kinds``: alliance,
    joint-action, support, link, member, affiliate, ...), the number of events counted (``events``; ``thin``
    when fewer than :data:`~actors.schema.THIN`), the events whose date only might fall in
    the period (``imprecise_events``: left out in the default ``mode="within"``, counted and flagged
    ``imprecise`` with ``mode="overlap"``), the statuses seen, the first event's evidence and
    edge id. ``periods`` defaults to the named phases of Mali's wars.
    """
    import polars as pl


    periods = list(periods) if periods is not None else phases()
    f = edges if edges is not None else edge_frame(G)
    f = f.filter(pl.col("status").is_in(list(statuses)))
    if not include_generic:  # "the Islamists" is not a named group: kept apart
        f = f.filter(~pl.col("generic"))
    own = pl.lit(actor)
    roles = [
        f.filter((pl.col("relation") == "member-of") & (pl.col("target") == actor))
         .with_columns(pl.lit("member").alias("role"), pl.col("source").alias("actor"), own.alias("via")),
        f.filter((pl.col("relation") == "member-of") & (pl.col("source") == actor))
         .with_columns(pl.lit("parent").alias("role"), pl.col("target").alias("actor"), own.alias("via")),
        f.filter((pl.col("relation") == "split-from") & (pl.col("source") == actor))
         .with_columns(pl.lit("origin").alias("role"), pl.col("target").alias("actor"), own.alias("via")),
        f.filter((pl.col("relation") == "split-from") & (pl.col("target") == actor))
         .with_columns(pl.lit("splinter").alias("role"), pl.col("source").alias("actor"), own.alias("via")),
    ]
    joined = (roles[0].filter(pl.col("start").is_not_null())
              .group_by("actor").agg(pl.col("start").min().alias("joined")))
    members = joined["actor"].to_list() if through_members else []
    # the allied and hostile events of the actor, then of each member once it has joined, in that order
    # (members by id, each one's events in frame order): one join for all, not one pass per member
    since = dict(zip(joined["actor"].to_list(), joined["joined"].to_list()))
    order = [actor, *sorted(members)]
    vias = pl.DataFrame({"_via": order, "_v": list(range(len(order))), "_since": [None, *map(since.get, order[1:])]},
                        schema={"_via": pl.Utf8, "_v": pl.Int64, "_since": pl.Date})
    signed = f.filter(pl.col("relation").is_in(["allied-with", "fought-against"])).with_row_index("_r")
    sides = pl.concat([
        signed.join(vias, left_on="a", right_on="_via").with_columns(pl.col("a").alias("_via"),
                                                                     pl.col("b").alias("_other")),
        signed.join(vias, left_on="b", right_on="_via").filter(pl.col("a") != pl.col("b"))
              .with_columns(pl.col("b").alias("_via"), pl.col("a").alias("_other")),
    ])
    # a member's relations count only once it has joined
    sides = sides.filter((pl.col("_v") == 0) | ((pl.col("start") >= pl.col("_since")) & (pl.col("_other") != actor)))
    roles.append(sides.sort("_v", "_r").with_columns(
        pl.when(pl.col("relation") == "fought-against").then(pl.lit("enemy"))
        .when(pl.col("kind") == "link").then(pl.lit("linked")).otherwise(pl.lit("ally")).alias("role"),
        pl.col("_other").alias("actor"), pl.col("_via").alias("via")).drop("_r", "_v", "_since", "_via", "_other"))
    rows = pl.concat(roles)
    placed = assign_periods(rows, periods)  # every period an event may fall in; ``imprecise`` where it spills
    key = ["period", "period_label", "period_start", "role", "actor", "via"]
    maybe = placed.filter(pl.col("imprecise")).group_by(key).agg(pl.len().cast(pl.Int64).alias("imprecise_events"))
    if mode == "within":
        placed = placed.filter(~pl.col("imprecise"))

    first_seen = G.nodes[actor].get("first_seen") if actor in G else None
    first_join = joined["joined"].min() if joined.height else None
    out = (placed.sort(["start", "end", "doc", "char_start", "edge_id"])
           .group_by(key, maintain_order=True)
           .agg(pl.col("start").min().alias("first"), (pl.col("end").max().dt.offset_by("-1d")).alias("last"),
                pl.len().alias("events"), pl.col("status").unique().sort().str.join("|").alias("statuses"),
                pl.col("kind").drop_nulls().unique().sort().str.join("|").alias("kinds"),
                pl.col("imprecise").any().alias("imprecise"), pl.col("date").first().alias("date"),
                pl.col("date").last().alias("last_date"),
                pl.col("evidence").first().alias("evidence"), pl.col("doc").first().alias("doc"),
                pl.col("edge_id").first().alias("edge_id"))
           .join(maybe, on=key, how="left")
           .with_columns(pl.col("imprecise_events").fill_null(0), (pl.col("events") < THIN).alias("thin")))
    founder = pl.lit(False)
    if first_join is not None:
        limit = first_join  # joined at the first membership, or soon after the actor first appears
        if first_seen:
            limit = max(limit, dt.date.fromisoformat(first_seen) + dt.timedelta(days=founding_days))
        founder = (pl.col("role") == "member") & (pl.col("first") <= pl.lit(limit))
    order = {r: i for i, r in enumerate(ROLES)}
    return (out.with_columns(founder.alias("founder"),
                             pl.col("role").replace_strict(order, return_dtype=pl.Int64).alias("_r"),
                             (pl.col("via") != actor).alias("_v"))
               .sort(["period_start", "_r", "_v", "first", "actor", "via"])
               .select("period", "period_label", "role", "actor", "via", "founder",
                       pl.col("first").cast(pl.Utf8), pl.col("last").cast(pl.Utf8), "events", "imprecise_events",
                       "thin", "statuses", "kinds", "imprecise", "date", "last_date", "evidence", "doc", "edge_id"))

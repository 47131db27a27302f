"""Dyads: one row per pair of actors and relation, the table conflict analysts work from.

For each pair (either order for the symmetric relations) and relation: the first
and last date any of its events may hold (``first``: the earliest day, ``last``:
the latest), how many events, documents and kinds of source (text, ACLED, UCDP)
tell it, the statuses seen and the fatalities the event tables give for its
events (each event's total once; an event's fatalities are not split between the
dyads it joins, as in ACLED). Undated events count, with no day.

>>> import polars as pl
>>> edges = pl.DataFrame({"event_id": ["e1", "e2"], "source": ["b", "a"], "target": ["a", "b"],
...                       "relation": ["fought-against"] * 2, "date": ["2019-03-17", "2019-04"],
...                       "date_earliest": ["2019-03-17", "2019-04-01"], "date_latest": ["2019-03-17", "2019-04-30"],
...                       "status": ["reported", "claimed"], "doc": ["x.txt", "t.csv"], "edge_id": ["e1-0", "e2-0"]})
>>> dyads(edges).select("a", "b", "first", "last", "events", "statuses").row(0)
('a', 'b', '2019-03-17', '2019-04-30', 2, 'claimed|reported')
"""

from __future__ import annotations

from typing import Any

from actors.schema import SYMMETRIC_RELATIONS

__all__ = ["dyads", "DYAD_COLUMNS"]

#: The columns of dyads.csv.
DYAD_COLUMNS: tuple[str, ...] = ("a", "b", "relation", "first", "last", "events", "documents", "sources",
                                 "statuses", "fatalities", "generic")

_SOURCE_OF_LAYOUT = {"acled": "acled", "acled-actors": "acled", "ucdp-ged": "ucdp", "ucdp-acd": "ucdp",
                     "curation": "analyst"}


def dyads(edges: Any, *, mentions: Any = None, events: Any = None, documents: Any = None,
          generic: frozenset | set = frozenset()):
    """The dyads of an edges table (edges.csv's shape; see the module docstring), sorted by events
    (most first), then a, b, relation.

    ``mentions`` (mentions.csv) counts every document that tells an event, not only the one its
    edge cites; ``events`` (events.csv) gives fatalities; ``documents`` (documents.csv) the layout
    of each document, hence its kind of source; ``generic`` ids mark a dyad with an unnamed side.
    """
    import polars as pl

    cols = set(edges.columns)
    sym = pl.col("relation").is_in(sorted(SYMMETRIC_RELATIONS))
    swap = sym & (pl.col("source") > pl.col("target"))
    f = edges.with_columns(
        pl.when(swap).then(pl.col("target")).otherwise(pl.col("source")).alias("a"),
        pl.when(swap).then(pl.col("source")).otherwise(pl.col("target")).alias("b"),
        (pl.col("date_earliest") if "date_earliest" in cols else pl.lit(None, dtype=pl.Utf8)).alias("_lo"),
        (pl.col("date_latest") if "date_latest" in cols else pl.lit(None, dtype=pl.Utf8)).alias("_hi"))
    f = f.with_columns(pl.when(pl.col("_lo") == "").then(None).otherwise(pl.col("_lo")).alias("_lo"),
                       pl.when(pl.col("_hi") == "").then(None).otherwise(pl.col("_hi")).alias("_hi"))
    docs = f.select("edge_id", "doc")
    if mentions is not None and mentions.height:
        docs = mentions.select("edge_id", "doc")
    layout = {}
    if documents is not None and documents.height:
        layout = dict(documents.select("doc", "layout").iter_rows())
    docs = docs.with_columns(pl.col("doc").replace_strict(
        {d: _SOURCE_OF_LAYOUT.get(lay, "text") for d, lay in layout.items()}, default="text",
        return_dtype=pl.Utf8).alias("_source"))
    key = ["a", "b", "relation"]
    by_doc = (docs.join(f.select("edge_id", *key), on="edge_id", how="inner")
              .group_by(key).agg(pl.col("doc").n_unique().cast(pl.Int64).alias("documents"),
                                 pl.col("_source").unique().sort().str.join("|").alias("sources")))
    if events is not None and "fatalities" in events.columns:
        f = f.join(events.select("event_id", pl.col("fatalities").alias("_dead")), on="event_id", how="left")
    else:
        f = f.with_columns(pl.lit(None, dtype=pl.Int64).alias("_dead"))
    dead = (f.select(*key, "event_id", "_dead").unique()  # each event's toll once per dyad
            .group_by(key).agg(pl.when(pl.col("_dead").is_not_null().any()).then(pl.col("_dead").sum())
                               .otherwise(None).cast(pl.Int64).alias("fatalities")))
    out = (f.group_by(key)
           .agg(pl.col("_lo").min().alias("first"), pl.col("_hi").max().alias("last"),
                pl.col("event_id").n_unique().cast(pl.Int64).alias("events"),
                pl.col("status").unique().sort().str.join("|").alias("statuses"))
           .join(by_doc, on=key, how="left").join(dead, on=key, how="left")
           .with_columns((pl.col("a").is_in(sorted(generic)) | pl.col("b").is_in(sorted(generic))).alias("generic"))
           .sort(["events", "a", "b", "relation"], descending=[True, False, False, False]))
    return out.select(DYAD_COLUMNS)

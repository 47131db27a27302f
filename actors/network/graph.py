"""The temporal network: a networkx ``MultiDiGraph`` with one edge per event.

Nodes are actor ids. Each node carries ``name``, ``kind``, ``aliases`` (a
list), ``generic`` (True for unresolved mentions like "the Islamists"),
``first_seen`` / ``last_seen`` (ISO days, from its dated edges; None when it
has none) and ``mentions``.

Each edge is keyed by its stable ``edge_id`` (from ``edges.csv``) and carries
``relation``, ``date`` (ISO at its precision), ``precision``, ``status``,
``claimant`` (an actor id, or None), ``start`` and ``end`` (ISO days: the
half-open interval ``[start, end)`` the date's precision covers, so "2012-06"
is ``["2012-06-01", "2012-07-01")``; both None when the date is unknown),
``doc``, ``evidence``, ``char_start``, ``char_end`` and ``event_id``. The
other columns of ``edges.csv`` (the text of both ends, the cue, the section)
stay in the table: join on the edge id (the key) when you need them.

fought-against and allied-with are stored in the direction the text gives
them, but mean the same both ways: analyses treat them as undirected
(:func:`edge_frame` adds an ordered pair ``a``/``b``). split-from points from
the splinter to its parent, member-of from the member to the whole.

>>> import polars as pl
>>> edges = pl.DataFrame([
...     {"edge_id": "e1", "source": "mnla", "target": "mali", "relation": "fought-against",
...      "date": "2012-01", "date_precision": "month", "status": "reported", "claimed_by": "",
...      "doc": "a.txt", "evidence": "In January 2012 the MNLA attacked Menaka.",
...      "char_start": 0, "char_end": 41, "date_earliest": "2012-01-01", "date_latest": "2012-01-31"}])
>>> G = build_graph(edges)
>>> d = G.edges["mnla", "mali", "e1"]
>>> d["relation"], d["start"], d["end"], d["claimant"]
('fought-against', '2012-01-01', '2012-02-01', None)
>>> G.nodes["mnla"]["first_seen"], G.nodes["mnla"]["last_seen"]
('2012-01-01', '2012-01-31')
"""

from __future__ import annotations

from operator import itemgetter
from typing import Iterable

import networkx as nx

from actors.bulk import paused_gc
from actors.schema import GENERIC_KIND, RELATIONS, STATUSES, SYMMETRIC_RELATIONS

__all__ = ["build_graph", "edge_frame", "edge_frame_of_table", "EDGE_FRAME_SCHEMA", "sign", "label", "document_label"]

# Edge attributes copied from the edges table: (graph attribute, table column).
_EDGE_FIELDS: tuple[tuple[str, str], ...] = (
    ("relation", "relation"),
    ("date", "date"),
    ("precision", "date_precision"),
    ("status", "status"),
    ("claimant", "claimed_by"),
    ("doc", "doc"),
    ("evidence", "evidence"),
    ("char_start", "char_start"),
    ("char_end", "char_end"),
    ("event_id", "event_id"),
    ("curation", "curation"),
    ("kind", "relation_kind"),  # alliance, joint-action, support, link; member, affiliate, contingent, merger
    ("cue", "cue"),  # the cue or rule that found it; "curation" for an analyst's addition
)
# Attributes with few distinct values: one shared string object each, which
# saves about half a gigabyte on a million edges.
_REPEATED = frozenset({"relation", "date", "precision", "status", "claimant", "doc", "start", "end", "kind", "cue"})


def sign(relation: str) -> int:
    """+1 for allied-with, -1 for fought-against, 0 for the structural relations.

    >>> sign("allied-with"), sign("fought-against"), sign("member-of")
    (1, -1, 0)
    """
    return {"allied-with": 1, "fought-against": -1}.get(relation, 0)


def label(G: nx.MultiDiGraph, node: str) -> str:
    """A short display name: the acronym a name ends with, else the name before any parenthesis.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("mnla", name="National Movement for the Liberation of Azawad (MNLA)")
    >>> G.add_node("mali", name="Mali (armed forces and government)")
    >>> label(G, "mnla"), label(G, "mali"), label(G, "unknown-id")
    ('MNLA', 'Mali', 'unknown-id')
    """
    name = (G.nodes[node].get("name") if node in G else None) or node
    if name.endswith(")") and "(" in name:
        head, _, inner = name[:-1].partition("(")
        if inner and " " not in inner.strip() and inner.strip().replace("/", "").replace("-", "").isupper():
            return inner.strip()
        return head.strip() or name
    return name


def document_label(G: nx.MultiDiGraph, doc: str | None) -> str:
    """How a document is shown: its title with the file name beside it, or the file name alone
    (titles from :func:`build_graph`'s ``documents``, kept in ``G.graph["documents"]``).

    >>> G = nx.MultiDiGraph(documents={"001_59fa.txt": "Mali War"})
    >>> document_label(G, "001_59fa.txt"), document_label(G, "other.txt")
    ('Mali War — 001_59fa.txt', 'other.txt')
    """
    if not doc:
        return ""
    title = (G.graph.get("documents") or {}).get(doc)
    return f"{title} — {doc}" if title else str(doc)


def _prepared(edges):
    """The edges table with graph attribute names, blanks as nulls and each date's interval.

    An edge whose date is unknown stays undated even if the text bounds it on
    one side (a section "2023–present"); an open end ("beginning on
    18 December 2008") is closed at the end of the date's own precision.
    Vectorised, so a million edges take a second, not a minute.
    """
    import polars as pl

    cols = set(edges.columns)
    text = [pl.when(pl.col(c).cast(pl.Utf8) == "").then(None).otherwise(pl.col(c).cast(pl.Utf8)).alias(name)
            if c in cols else pl.lit(None, dtype=pl.Utf8).alias(name)
            for name, c in _EDGE_FIELDS if c not in ("char_start", "char_end")]
    ints = [pl.col(c).cast(pl.Int64).alias(c) if c in cols else pl.lit(None, dtype=pl.Int64).alias(c)
            for c in ("char_start", "char_end")]
    bounds = [pl.when(pl.col(c).cast(pl.Utf8) == "").then(None).otherwise(pl.col(c).cast(pl.Utf8)).alias(c)
              if c in cols else pl.lit(None, dtype=pl.Utf8).alias(c) for c in ("date_earliest", "date_latest")]
    f = edges.select(pl.col("source").cast(pl.Utf8), pl.col("target").cast(pl.Utf8),
                     pl.col("edge_id").cast(pl.Utf8), *text, *ints, *bounds)
    n = pl.col("date").str.len_chars()
    own_start = (pl.when(n == 4).then(pl.col("date") + "-01-01").when(n == 7).then(pl.col("date") + "-01")
                 .otherwise(pl.col("date")))
    own_latest = (pl.when(n == 4).then(pl.col("date") + "-12-31")
                  .when(n == 7).then((pl.col("date") + "-01").str.to_date("%Y-%m-%d", strict=False)
                                     .dt.month_end().dt.to_string("%Y-%m-%d"))
                  .otherwise(pl.col("date")))
    dated = pl.col("date").is_not_null()
    f = f.with_columns(
        pl.when(dated).then(pl.coalesce("date_earliest", own_start)).alias("start"),
        pl.when(dated).then(pl.coalesce("date_latest", own_latest)).alias("latest"))
    return f.with_columns(
        (pl.col("latest").str.to_date("%Y-%m-%d") + pl.duration(days=1)).dt.to_string("%Y-%m-%d").alias("end"))


#: Every edge's attribute names, in the order of its dict: the table's fields, then the date's interval.
_ATTRIBUTES: tuple[str, ...] = (*(name for name, _ in _EDGE_FIELDS), "start", "end")


def _column(values, repeated: bool) -> list:
    """A column as a Python list; a ``repeated`` one (few distinct values) holds one shared object per value.

    The distinct values are numbered by polars and each row takes its value's object by its number:
    a fraction of the time of interning a million strings through a dict.
    """
    import polars as pl

    if not repeated or values.dtype != pl.Utf8:
        return values.to_list()
    distinct = values.drop_nulls().unique().to_list()
    if not distinct:
        return [None] * values.len()
    codes = values.cast(pl.Enum(distinct)).to_physical().fill_null(len(distinct)).to_list()
    return list(map([*distinct, None].__getitem__, codes))


def _edge_dicts(columns: list[list]) -> list[dict]:
    """One attribute dict per edge from the columns of :data:`_ATTRIBUTES`.

    A dict display with constant keys is built in one step, about twice as fast as ``dict(zip(...))``
    (0.8 s against 1.4 s a million edges); a test checks its keys are :data:`_ATTRIBUTES`.
    """
    return [{"relation": relation, "date": date, "precision": precision, "status": status, "claimant": claimant,
             "doc": doc, "evidence": evidence, "char_start": char_start, "char_end": char_end, "event_id": event_id,
             "curation": curation, "kind": kind, "cue": cue, "start": start, "end": end}
            for (relation, date, precision, status, claimant, doc, evidence, char_start, char_end, event_id, curation,
                 kind, cue, start, end) in zip(*columns)]


def build_graph(edges, actors=None, *, include_unlinked: bool = False, documents=None) -> nx.MultiDiGraph:
    """Build the temporal multigraph from an edges table (and optionally the actors table).

    ``edges`` and ``actors`` are polars DataFrames shaped like ``edges.csv``
    and ``actors.csv``. Actors that no edge touches are left out unless
    ``include_unlinked`` is true and they were mentioned at least once.
    ``documents`` (shaped like ``documents.csv``) gives each document's title, kept in
    ``G.graph["documents"]`` for :func:`document_label`.
    The graph is built once; time windows are read-only graphs of its edges
    (:func:`actors.network.windows.window`).
    """
    with paused_gc():
        G = _build(edges, actors, include_unlinked)
    if documents is not None:
        G.graph["documents"] = {d: t for d, t in documents.select("doc", "title").iter_rows() if t}
    return G


def _build(edges, actors, include_unlinked: bool) -> nx.MultiDiGraph:
    import polars as pl

    G = nx.MultiDiGraph(name="actors")
    info: dict[str, dict] = {}
    if actors is not None:
        for row in actors.iter_rows(named=True):
            aliases = [a for a in (row.get("aliases") or "").split("|") if a]
            info[row["id"]] = {
                "name": row.get("name") or row["id"],
                "kind": row.get("kind") or "",
                "aliases": aliases,
                "generic": (row.get("kind") == GENERIC_KIND),
                "mentions": int(row.get("mentions") or 0),
            }

    f = _prepared(edges)
    dup = f.filter(pl.col("edge_id").is_duplicated())["edge_id"].unique().sort()
    if dup.len():
        raise ValueError(f"edge ids must be unique; repeated: {', '.join(dup.head(5).to_list())}"
                         + (f" and {dup.len() - 5} more" if dup.len() > 5 else ""))
    attrs = _edge_dicts([_column(f[name], name in _REPEATED) for name in _ATTRIBUTES])
    sources, targets = _column(f["source"], True), _column(f["target"], True)  # one object per actor
    both = pl.concat([f.select(pl.col("source").alias("n"), "start", "latest"),
                      f.select(pl.col("target").alias("n"), "start", "latest")])
    seen = both.drop_nulls("start").group_by("n").agg(pl.col("start").min(), pl.col("latest").max())
    first = dict(zip(seen["n"].to_list(), seen["start"].to_list()))
    last = dict(zip(seen["n"].to_list(), seen["latest"].to_list()))

    names = set(sources) | set(targets)
    if include_unlinked:
        names |= {k for k, i in info.items() if i["mentions"] > 0}
    for n in sorted(names):
        base = info.get(n) or {"name": n, "kind": GENERIC_KIND if n.startswith("generic-") else "",
                               "aliases": [], "generic": n.startswith("generic-"), "mentions": 0}
        G.add_node(n, **base, first_seen=first.get(n), last_seen=last.get(n))
    # Filled in networkx's own adjacency storage (G._succ/G._pred, the layout
    # of every MultiDiGraph since networkx 2.0): add_edges_from copies each
    # attribute dict and looks every edge up through views, which costs
    # seconds per million edges. A test checks the result equals add_edges_from's.
    succ, pred, new_keys = G._succ, G._pred, G.edge_key_dict_factory
    for u, nbrs, v, k, d in zip(sources, map(succ.__getitem__, sources), targets, f["edge_id"].to_list(), attrs):
        keys = nbrs.get(v)
        if keys is None:
            keys = nbrs[v] = pred[v][u] = new_keys()
        keys[k] = d
    return G


#: Column types of :func:`edge_frame` (polars dtypes by name, resolved lazily).
EDGE_FRAME_SCHEMA: tuple[tuple[str, str], ...] = (
    ("edge_id", "str"), ("source", "str"), ("target", "str"), ("a", "str"), ("b", "str"),
    ("relation", "str"), ("sign", "int"), ("date", "str"), ("precision", "str"), ("status", "str"),
    ("claimant", "str"), ("start", "date"), ("end", "date"), ("doc", "str"), ("evidence", "str"),
    ("char_start", "int"), ("char_end", "int"), ("generic", "bool"), ("kind", "str"), ("curated", "bool"),
)


def edge_frame(G: nx.MultiDiGraph, *, relations: Iterable[str] = RELATIONS,
               statuses: Iterable[str] = STATUSES):
    """The graph's edges as one polars DataFrame, one row per edge.

    Analyses work on this frame so that a time window is a vectorised filter
    rather than a new graph. ``a``/``b`` are the two ends in sorted order for
    the symmetric relations and ``source``/``target`` otherwise; ``generic`` is
true when either end is a generic mention ("the Islamists"), which the
analyses of named actors leave out by default; ``start`` and
    ``end`` are dates (``end`` exclusive, both null when undated). Pass the
    frame to several analyses with their ``edges=`` keyword to extract it once.

    >>> import networkx as nx
    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("b", "a", key="e1", relation="allied-with", status="reported", start="2001-01-01", end="2002-01-01")
    'e1'
    >>> edge_frame(G).select("a", "b", "sign", "start").row(0)
    ('a', 'b', 1, datetime.date(2001, 1, 1))
    """
    import polars as pl

    relations, statuses = frozenset(relations), frozenset(statuses)
    us, vs, ks, ds = [], [], [], []
    for u, nbrs in G.adjacency():  # raw dicts: much faster than the edge view
        for v, keys in nbrs.items():
            for k, d in keys.items():
                if d.get("relation") in relations and d.get("status", "reported") in statuses:
                    us.append(u)
                    vs.append(v)
                    ks.append(k)
                    ds.append(d)
    # Column by column: one comprehension per attribute is several times
    # faster than appending 18 values per edge.
    cols = {"edge_id": ks, "source": us, "target": vs}
    names = ("relation", "date", "precision", "status", "claimant", "start", "end", "doc", "evidence",
             "char_start", "char_end", "kind", "cue")
    try:  # one C-level call per edge, when every edge has every attribute (build_graph's do)
        get = itemgetter(*names)
        values = list(zip(*(get(d) for d in ds))) or [()] * len(names)
    except KeyError:  # edges added by hand may lack some
        values = [[d.get(name) for d in ds] for name in names]
    cols.update(zip(names, map(list, values)))
    cols["curated"] = [c == "curation" for c in cols.pop("cue")]  # an analyst's addition, not the text's
    generic = {n for n, g in G.nodes(data="generic") if g}
    cols["generic"] = [u in generic or v in generic for u, v in zip(us, vs)] if generic else [False] * len(us)
    types = {"str": pl.Utf8, "int": pl.Int64, "date": pl.Utf8, "bool": pl.Boolean}
    schema = {n: types[t] for n, t in EDGE_FRAME_SCHEMA if n not in ("a", "b", "sign")}
    df = pl.DataFrame({n: cols[n] for n in schema}, schema=schema)
    df = df.with_columns(*_pair_and_sign())
    df = df.select([n for n, _ in EDGE_FRAME_SCHEMA])
    return df.with_columns(pl.col("start").str.to_date("%Y-%m-%d"), pl.col("end").str.to_date("%Y-%m-%d"))



def _pair_and_sign() -> list:
    """The edge frame's ``a`` and ``b`` (a symmetric relation's pair sorted) and ``sign`` (+1 allied,
    -1 fought, 0 otherwise), as polars expressions over ``source``, ``target`` and ``relation``."""
    import polars as pl

    swap = pl.col("relation").is_in(sorted(SYMMETRIC_RELATIONS)) & (pl.col("source") > pl.col("target"))
    return [pl.when(swap).then(pl.col("target")).otherwise(pl.col("source")).alias("a"),
            pl.when(swap).then(pl.col("source")).otherwise(pl.col("target")).alias("b"),
            pl.col("relation").replace_strict({"allied-with": 1, "fought-against": -1}, default=0,
                                              return_dtype=pl.Int64).alias("sign")]


def edge_frame_of_table(edges, *, generic: Iterable[str] = (), relations: Iterable[str] = RELATIONS,
                        statuses: Iterable[str] = STATUSES):
    """:func:`edge_frame` of ``build_graph(edges)``, made from the edges table without the graph.

    The same frame, row for row (the graph's adjacency order: sources sorted, each source's targets in
    the order of their first edge, then the table's order), in a fraction of the time that walking a
    million edges of a graph takes. ``generic`` names the generic nodes (``G.nodes(data="generic")``).

    >>> import polars as pl
    >>> t = pl.DataFrame({"edge_id": ["e1", "e2"], "source": ["b", "a"], "target": ["a", "c"],
    ...                   "relation": ["allied-with", "fought-against"], "status": ["reported", "claimed"],
    ...                   "date": ["2001", ""]})
    >>> edge_frame_of_table(t).equals(edge_frame(build_graph(t)))
    True
    """
    import polars as pl

    f = _prepared(edges).with_row_index("_row")
    # sorted by source, then by target in the order of its first edge from the source, then table order;
    # the actors numbered in sorted order (a polars Enum) sort faster than their names
    names = pl.Enum(pl.concat([f["source"], f["target"]]).unique().sort().to_list())
    source = pl.col("source").cast(names).to_physical().cast(pl.Int64)
    pair = source * len(names.categories) + pl.col("target").cast(names).to_physical().cast(pl.Int64)
    order = f.select(pl.col("_row").sort_by(source, pl.col("_row").min().over(pair), pl.col("_row")))["_row"]
    f = f.gather(order)
    f = f.filter(pl.col("relation").is_in(sorted(set(relations))) & pl.col("status").is_in(sorted(set(statuses))))
    generic = sorted(set(generic))
    f = f.with_columns(
        *_pair_and_sign(),
        (pl.col("cue") == "curation").fill_null(False).alias("curated"),
        (pl.col("source").is_in(generic) | pl.col("target").is_in(generic)).alias("generic"),
        pl.col("start").str.to_date("%Y-%m-%d"), pl.col("end").str.to_date("%Y-%m-%d"))
    return f.select([n for n, _ in EDGE_FRAME_SCHEMA])

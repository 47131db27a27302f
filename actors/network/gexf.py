"""GEXF 1.2 export (Gephi) with a playable timeline.

* ``graph.gexf`` (GEXF 1.2) is dynamic: each dated edge carries ``start`` and
  ``end``, the first and last day its date covers. GEXF ends are inclusive,
  while the graph's ``end`` is exclusive, so the file holds ``end - 1 day``.
  Each node carries ``<spells>``: the days of its dated edges, with
  overlapping or touching intervals merged.

  **Undated edges** get no time bounds, so Gephi treats them as static. But
  Gephi draws an edge only while both its nodes are shown, and node spells
  come from *dated* edges only: an undated tie is drawn whenever both actors
  are active on the timeline, never on its own, and no date is invented for
  it (the alternative, bounds made up from the actors' first and last days,
  would put a guess in the file as if it were data). Their ``precision`` is
  "unknown", so they can be filtered out in Gephi. A node with no dated edge
  has no spells and is always shown.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, BinaryIO

from actors.network.snapshot import _Col, _Snapshot, _write_rows
from actors.network.xmlmarkup import _esc, _field, _fmt, _xml_value

__all__: list[str] = []

_GEXF_NS = ('xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2"')
_GEXF_DESCRIPTION = ("Edge start and end are the first and last day (both inclusive) its date covers; "
                     "undated edges have no time bounds. Node spells cover the days of its dated edges.")


# -- GEXF ----------------------------------------------------------------------------


def _dates(c: _Col | None, height: int) -> Any:
    """An edge ``start``/``end`` column as polars dates (all null when absent)."""
    import polars as pl

    if c is None or c.xml_type is None:
        return pl.Series([None] * height, dtype=pl.Date)
    try:
        if c.series.dtype != pl.String:
            raise TypeError(c.series.dtype)
        return c.series.str.to_date("%Y-%m-%d", strict=True)
    except (TypeError, pl.exceptions.PolarsError) as exc:
        raise ValueError(f"GEXF: edge {c.name!r} values must be ISO days (YYYY-MM-DD) or dates: {exc}") from None


def _iso(expr: Any) -> Any:
    return expr.dt.to_string("%Y-%m-%d")


def _node_spells(frame: Any) -> dict[str, str]:
    """Escaped node id -> its ``<spell>`` elements: the merged days of its dated edges.

    ``frame`` has columns ``s``/``t`` (escaped source/target ids) and
    ``lo``/``hi`` (the edge's first day and its exclusive end).
    """
    import polars as pl

    lo_min, hi_max = dt.date.min, dt.date.max  # stand-ins for an open start or end
    iv = (pl.concat([frame.select(pl.col("s").alias("n"), "lo", "hi"),
                     frame.select(pl.col("t").alias("n"), "lo", "hi")])
          .filter(pl.col("lo").is_not_null() | pl.col("hi").is_not_null())
          .with_columns(pl.col("lo").fill_null(lo_min), pl.col("hi").fill_null(hi_max))
          .sort("n", "lo", "hi"))
    # A new spell starts where an interval begins after every earlier one of
    # the node has ended; [a, b) and [b, c) touch and merge.
    reach = pl.col("hi").cum_max().shift(1).over("n")
    iv = iv.with_columns((reach.is_null() | (pl.col("lo") > reach)).cum_sum().alias("g"))
    spells = iv.group_by("n", "g").agg(pl.col("lo").min(), pl.col("hi").max()).sort("n", "lo")
    last = pl.max_horizontal(pl.col("hi") - pl.duration(days=1), pl.col("lo"))  # inclusive, as GEXF wants
    spell = pl.concat_str([
        pl.lit("          <spell"),
        pl.when(pl.col("lo") != lo_min).then(_fmt(' start="', _iso(pl.col("lo")), '"')).otherwise(pl.lit("")),
        pl.when(pl.col("hi") != hi_max).then(_fmt(' end="', _iso(last), '"')).otherwise(pl.lit("")),
        pl.lit("/>\n")])
    joined = spells.group_by("n", maintain_order=True).agg(spell.str.join("").alias("xml"))
    always = "          <spell/>\n"  # open at both ends: no spells, always shown
    return {n: xml for n, xml in zip(joined["n"].to_list(), joined["xml"].to_list()) if xml != always}


def _attvalues(attrs: list[tuple[_Col, str]], indent: str) -> list:
    """The parts of an ``<attvalues>`` block of the non-None attributes (none at all when all are None)."""
    import polars as pl

    if not attrs:
        return []
    values = [p for c, aid in attrs for p in _field(c, f'{indent}  <attvalue for="{aid}" value="', '"/>\n')]
    if any(c.series.null_count() == 0 for c, _ in attrs):
        return [f"{indent}<attvalues>\n", *values, f"{indent}</attvalues>\n"]
    some = pl.any_horizontal([pl.col(c.col).is_not_null() for c, _ in attrs])
    return [pl.when(some).then(pl.lit(f"{indent}<attvalues>\n")).otherwise(pl.lit("")), *values,
            pl.when(some).then(pl.lit(f"{indent}</attvalues>\n")).otherwise(pl.lit(""))]


def _write_gexf(S: _Snapshot, fh: BinaryIO) -> None:
    import polars as pl

    nodes, edges = S.nodes, S.edges
    ids = iter(map(str, range(1 << 62)))
    node_attrs = [(c, next(ids)) for c in nodes.attrs if c.xml_type and c.name != "label"]
    # Gephi reads an edge's weight from its XML attribute, not from an attvalue.
    weight = next((c for c in edges.attrs if c.name == "weight" and c.xml_type in ("long", "double")), None)
    edge_xml = ("label", "start", "end", "weight") if weight else ("label", "start", "end")
    edge_attrs = [(c, next(ids)) for c in edges.attrs if c.xml_type and c.name not in edge_xml]

    # Edge time bounds: the graph's half-open [start, end) becomes GEXF's
    # inclusive [start, end - 1 day] (GEXF ends are inclusive). An edge with
    # neither has no bounds (see "Undated edges" above).
    n = edges.frame.height
    ef = edges.frame.with_columns(_dates(edges.attr("start"), n).alias("lo"), _dates(edges.attr("end"), n).alias("hi"),
                                  _xml_value(edges.ids["source"]).alias("s"),
                                  _xml_value(edges.ids["target"]).alias("t"))
    dynamic = n > 0 and (ef["lo"].null_count() < n or ef["hi"].null_count() < n)
    spells = _node_spells(ef) if dynamic else {}

    w = fh.write
    w(b'<?xml version="1.0" encoding="UTF-8"?>\n')
    # No lastmodifieddate (networkx's writer puts today's date there): the
    # same graph must give the same bytes.
    w(f"<gexf {_GEXF_NS}>\n  <meta>\n    <creator>actors</creator>\n"
      f"    <description>{_GEXF_DESCRIPTION}</description>\n  </meta>\n".encode())
    edgetype = "directed" if S.graph.is_directed() else "undirected"
    mode = ' mode="dynamic" timeformat="date"' if dynamic else ' mode="static"'
    w(f'  <graph defaultedgetype="{edgetype}"{mode}>\n'.encode())
    for cls, attrs in (("node", node_attrs), ("edge", edge_attrs)):
        if attrs:
            w(f'    <attributes class="{cls}" mode="static">\n'.encode())
            for c, aid in attrs:
                w(f'      <attribute id="{aid}" title="{_esc(c.name)}" type="{c.xml_type}"/>\n'.encode())
            w(b"    </attributes>\n")

    # Nodes: label = the "label" attribute, else "name", else the id.
    labels = [_xml_value(c) for c in (nodes.attr("label"), nodes.attr("name")) if c and c.xml_type]
    nf = nodes.frame.with_columns(_xml_value(nodes.ids["id"]).alias("i"))
    nf = nf.with_columns(pl.Series("sp", [spells.get(i) for i in nf["i"].to_list()], dtype=pl.String))
    w(b"    <nodes>\n")
    _write_rows(fh, nf, _fmt(
        '      <node id="', pl.col("i"), '" label="', pl.coalesce(*labels, pl.col("i")), '">\n',
        *_attvalues(node_attrs, "        "),
        _fmt("        <spells>\n", pl.col("sp"), "        </spells>\n").fill_null(""),
        "      </node>"))
    w(b"    </nodes>\n    <edges>\n")
    label = next((c for c in (edges.attr("label"), edges.attr("relation")) if c and c.xml_type), None)
    last = pl.when(pl.col("hi").is_not_null()).then(
        pl.max_horizontal(pl.col("hi") - pl.duration(days=1), pl.col("lo")))  # an open end stays open
    _write_rows(fh, ef, _fmt(
        '      <edge id="', _xml_value(edges.ids["key"]), '" source="', pl.col("s"), '" target="', pl.col("t"), '"',
        *(_field(label, ' label="', '"') if label else ()),
        *(_field(weight, ' weight="', '"') if weight else ()),
        _fmt(' start="', _iso(pl.col("lo")), '"').fill_null(""),
        _fmt(' end="', _iso(last), '"').fill_null(""),
        ">\n",
        *_attvalues(edge_attrs, "        "),
        "      </edge>"))
    w(b"    </edges>\n  </graph>\n</gexf>\n")


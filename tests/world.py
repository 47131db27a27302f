"""A small fictional war whose answers can be checked by hand.

The Republic of Veld (``state``) faces the Northern Front (``nf``), a rebel
movement that split from the Old Front (``oldfront``) in 2000. In March 2001
the Crescent Brigade (``crescent``) fights alongside the Front; by July 2001
they fight each other (shift 1). The Desert Lions (``lions``) split from the
Crescent in May 2002. On 1 February 2003 the Crescent and the Lions found the
Black Banner coalition (``banner``), which fights the state and the UN mission
(``un``). In September 2003 the Front signs an accord and allies with the
state (shift 2: fought in 2001, allied from 2003-09-20).

Traps a correct analysis must not fall into:

* ``w05`` denies a renewed Front–Crescent alliance: no flip back to allied;
* ``w06`` is an undated alliance: it belongs to no window and no shift;
* ``w15`` is dated only "2003": it is imprecise in any window shorter than 2003;
* ``w12`` is the Banner's own claim; ``w14`` an allegation by the UN;
* 2004 holds one unbalanced triangle (nf+state, state+un, nf-un), so the
  frustration index of 2004 is 1 and 2003's is 0;
* ``w20``'s evidence holds markup and quotes that renderers must escape.

Signed pairs per year (allied +, fought -; denied and undated left out):

* 2001: nf-state -, crescent-nf (+ in March, - from July: the latest is -),
  crescent-state -; one triangle (nf, crescent, state): - - - -> unbalanced.
* 2003: banner-state -, banner-un -, nf-state +, banner-nf -, state-un +;
  triangles (banner, state, un) and (banner, nf, state), both balanced.
* 2004: nf-state +, state-un +, nf-un -; one triangle, unbalanced.
"""

from __future__ import annotations

ACTORS = [
    # id, name, kind, aliases, mentions
    ("state", "Republic of Veld", "state armed force", "Veld|Veldian army", 9),
    ("nf", "Northern Front", "rebel movement", "NF|the Front", 8),
    ("oldfront", "Old Front", "rebel movement", "OF", 1),
    ("crescent", "Crescent Brigade", "jihadist group", "CB", 6),
    ("lions", "Desert Lions", "jihadist group", "", 3),
    ("banner", "Black Banner", "coalition", "BB", 5),
    ("un", "Veld Mission", "international mission", "UNVM", 4),
    ("generic-rebels", "rebels", "generic", "the rebels", 2),
]

# id, source, target, relation, date, precision, status, claimant, evidence
EDGES = [
    ("w01", "nf", "state", "fought-against", "2001-03-05", "day", "reported", "",
     "On 5 March 2001 the Northern Front attacked Veldian soldiers at Arlo."),
    ("w02", "crescent", "nf", "allied-with", "2001-03", "month", "reported", "",
     "In March 2001 the Crescent Brigade fought alongside the Northern Front."),
    ("w03", "crescent", "state", "fought-against", "2001-04-10", "day", "reported", "",
     "On 10 April 2001 the Crescent Brigade ambushed a Veldian convoy."),
    ("w04", "nf", "crescent", "fought-against", "2001-07-02", "day", "reported", "",
     "On 2 July 2001 the Northern Front and the Crescent Brigade clashed in Arlo."),
    ("w05", "nf", "crescent", "allied-with", "2001-09", "month", "denied", "nf",
     "In September 2001 the Front denied any renewed alliance with the Crescent Brigade."),
    ("w06", "nf", "crescent", "allied-with", "", "unknown", "reported", "",
     "The Front once cooperated with the Crescent Brigade."),
    ("w07", "nf", "oldfront", "split-from", "2000", "year", "reported", "",
     "The Northern Front split from the Old Front in 2000."),
    ("w08", "lions", "crescent", "split-from", "2002-05", "month", "reported", "",
     "In May 2002 the Desert Lions broke away from the Crescent Brigade."),
    ("w09", "crescent", "banner", "member-of", "2003-02-01", "day", "reported", "",
     "On 1 February 2003 the Crescent Brigade and the Desert Lions merged into the Black Banner."),
    ("w10", "lions", "banner", "member-of", "2003-02-01", "day", "reported", "",
     "On 1 February 2003 the Crescent Brigade and the Desert Lions merged into the Black Banner."),
    ("w11", "banner", "state", "fought-against", "2003-06-01", "day", "reported", "",
     "On 1 June 2003 the Black Banner attacked the Veldian army at Dorn."),
    ("w12", "banner", "un", "fought-against", "2003-08", "month", "claimed", "banner",
     "In August 2003 the Black Banner claimed an attack on a UNVM camp."),
    ("w13", "nf", "state", "allied-with", "2003-09-20", "day", "reported", "",
     "On 20 September 2003 the Northern Front joined the Veldian army against the Black Banner."),
    ("w14", "nf", "banner", "fought-against", "2003-10", "month", "alleged", "un",
     "According to the UNVM, the Front fought the Black Banner in October 2003."),
    ("w15", "un", "state", "allied-with", "2003", "year", "reported", "",
     "Throughout 2003 the UNVM supported the Veldian army."),
    ("w16", "nf", "state", "allied-with", "2004-01-15", "day", "reported", "",
     "On 15 January 2004 Front fighters patrolled with the Veldian army."),
    ("w17", "nf", "un", "fought-against", "2004-02", "month", "reported", "",
     "In February 2004 Front fighters fired on a UNVM patrol."),
    ("w18", "un", "state", "allied-with", "2004-03-03", "day", "reported", "",
     "On 3 March 2004 the UNVM and the Veldian army opened a joint base."),
    ("w19", "generic-rebels", "state", "fought-against", "2004-05", "month", "reported", "",
     "In May 2004 the rebels shelled a Veldian post."),
    ("w20", "banner", "state", "fought-against", "2004-06-06", "day", "reported", "",
     'On 6 June 2004 the Banner\'s radio said "<script>alert(1)</script>" & fled.'),
]


# the kind of each allied-with and member-of relation, as the extraction would give it
KINDS = {"w02": "joint-action", "w05": "alliance", "w06": "link", "w09": "merger", "w10": "merger",
         "w13": "alliance", "w15": "support", "w16": "joint-action", "w18": "joint-action"}


def _interval(date: str, precision: str) -> tuple[str, str]:
    import calendar

    if precision == "year":
        return f"{date}-01-01", f"{date}-12-31"
    if precision == "month":
        y, m = map(int, date.split("-"))
        return f"{date}-01", f"{date}-{calendar.monthrange(y, m)[1]:02d}"
    if precision == "day":
        return date, date
    return "", ""


def edge_rows() -> list[dict]:
    """The world's edges as rows shaped like ``edges.csv``."""
    rows = []
    for i, (eid, s, t, rel, date, prec, status, claimant, text) in enumerate(EDGES):
        earliest, latest = _interval(date, prec)
        rows.append({
            "event_id": f"ev-{eid}", "source": s, "target": t, "relation": rel, "date": date,
            "date_precision": prec, "status": status, "claimed_by": claimant, "doc": "veld.txt",
            "evidence": text, "char_start": i * 100, "char_end": i * 100 + len(text), "edge_id": eid,
            "date_earliest": earliest, "date_latest": latest, "source_text": s, "target_text": t,
            "cue": "fiction", "section": "", "claim_text": "", "relation_kind": KINDS.get(eid, ""),
        })
    return rows


def frames():
    """(edges, actors) polars DataFrames shaped like ``edges.csv`` and ``actors.csv``."""
    import polars as pl

    from actors.schema import ACTOR_COLUMNS, EDGE_COLUMNS, polars_schema

    edges = pl.DataFrame(edge_rows(), schema=polars_schema(EDGE_COLUMNS), orient="row")
    actors = pl.DataFrame([dict(zip(("id", "name", "kind", "aliases", "mentions"), a)) for a in ACTORS],
                          schema=polars_schema(ACTOR_COLUMNS), orient="row")
    return edges, actors


def graph():
    """The world's temporal multigraph."""
    from actors.network.graph import build_graph

    return build_graph(*frames())

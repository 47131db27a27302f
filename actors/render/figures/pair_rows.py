"""The pair timeline's rows, as plain data: what :mod:`actors.render.figures.pair` draws, one line each.

:func:`pair_rows` turns a pair's events (plain dicts, from
:func:`pair_events`) into bands, one per relation, of labelled rows:

* a day-precise event is a dot at its day; an imprecise one (a month, a
  year, a range) a thin bar over its whole interval;
* identical events (same relation, status, interval, and both the
  analyst's or both the text's) share one row, with a count ("×3");
* above ``limit`` rows, events are binned by month (one row per month,
  relation and status, with counts); above ``limit`` month rows, by year,
  then by 2, 5, 10... years; and if even those give more rows, the rows
  with the fewest events are left out and counted, so the figure's height
  is bounded whatever the pair;
* each row is labelled with its date and a few words: the status when it is
  not "reported", "analyst's addition" for an event an overrides file
  added, the cue and the first words of the evidence.

:func:`shift_labels` names the evidence of each alliance shift: its dates
and documents; when an analyst's addition and a text's evidence tie (same
relation, same interval), the text's is named. Nothing here needs
matplotlib; building events needs polars (:mod:`actors.analysis.pairs`).

>>> ev = [{"edge_id": "e1", "relation": "allied-with", "status": "reported", "precision": "year",
...        "date": "2012", "start": "2012-01-01", "last_day": "2012-12-31", "doc": "d.txt",
...        "evidence": "In 2012 X backed Y.", "cue": "support", "curated": ""}]
>>> ev.append(dict(ev[0], edge_id="e2"))
>>> [r["label"] for band in pair_rows(ev)["bands"] for r in band["rows"]]
['2012 ×2 · support: In 2012 X backed Y.']
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Iterable

import networkx as nx

from actors.analysis.pairs import FACT_STATUSES  # the statuses alliance_shifts counts by default
from actors.schema import RELATIONS, STATUSES

__all__ = ["PAIR_ROW_LIMIT", "PAIR_MAX_HEIGHT_PX", "pair_rows"]

#: Rows (events, or identical events merged) above which events are binned by month, then by year.
PAIR_ROW_LIMIT = 40
#: The pair figure's PNG is never higher than this, in pixels, however many events the pair has.
PAIR_MAX_HEIGHT_PX = 2000
#: A row's label is at most this many characters.
LABEL_CHARS = 56
#: A shift label names a document in at most this many characters.
_DOC_CHARS = 32



def _curated(d: dict, overrides: str) -> str:
    """"added" for an event an overrides file added, "redated" for a text's event it re-dated, else ""."""
    doc = d.get("doc") or ""
    if d.get("cue") == "curation":  # the graph says so (build_graph keeps each edge's cue)
        return "added"
    if doc == overrides or str(d.get("event_id") or "").startswith("cur-") or (
            d.get("curation") and doc.endswith(".toml")):
        return "added"
    return "redated" if d.get("curation") else ""


def _pair_graph(G: nx.MultiDiGraph, a: str, b: str) -> nx.MultiDiGraph:
    """The pair's edges alone: their tables cost nothing, however large ``G`` is."""
    H = nx.MultiDiGraph()
    ends = ((a, b),) if a == b else ((a, b), (b, a))
    H.add_edges_from((u, v, k, d) for u, v in ends for k, d in (G.get_edge_data(u, v) or {}).items())
    return H


def pair_events(G: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    """Every event between ``a`` and ``b`` (either direction, every status) as plain dicts, by date.

    The order is :func:`actors.analysis.pairs.pair_timeline`'s (undated last);
    ``cue`` is the edge's own when it has one, ``curated`` "added", "redated" or "".
    """
    from actors.analysis.pairs import pair_timeline
    from actors.text.reading import CURATION_FILE

    if a not in G or b not in G:
        return []
    H = _pair_graph(G, a, b)
    out = []
    for e in pair_timeline(H, a, b).rows(named=True):
        d = H.edges[e["source"], e["target"], e["edge_id"]]
        cue = d.get("cue") or ""
        out.append({**e, "cue": "" if cue == "curation" else cue, "curated": _curated(d, CURATION_FILE)})
    return out


def pair_shifts(G: nx.MultiDiGraph, a: str, b: str) -> list[dict[str, Any]]:
    """The alliance shifts of ``a`` and ``b`` (:func:`actors.analysis.pairs.alliance_shifts`), as plain dicts."""
    from actors.analysis.pairs import alliance_shifts

    if a not in G or b not in G:
        return []
    return alliance_shifts(_pair_graph(G, a, b)).rows(named=True)


# -- dates and words ---------------------------------------------------------------

def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _month_end(d: dt.date) -> dt.date:
    return (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)


def _span_text(start: str, last: str) -> str:
    """An interval as briefly as its bounds allow: "2012", "2012-03", "2012-03–2012-05", "2012-03-02–2012-03-09"."""
    s, t = _day(start), _day(last)
    if s.day == 1 and t == _month_end(t):
        if s.month == 1 and t.month == 12:
            return f"{s.year}" if s.year == t.year else f"{s.year}–{t.year}"
        return f"{start[:7]}" if start[:7] == last[:7] else f"{start[:7]}–{last[:7]}"
    return start if start == last else f"{start}–{last}"


def _when(e: dict) -> str:
    if e.get("precision") == "day" and e["start"] == e["last_day"]:
        return e["start"]
    return _span_text(e["start"], e["last_day"])


def _words(text: str, limit: int) -> str:
    """The first words of ``text``, at most ``limit`` characters, "…" when cut."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def _label(when: str, count: int, group: list[dict]) -> str:
    """``when``, the count, the status (when not reported), whose the event is, the cue and first words."""
    first = group[0]
    head = when + (f" ×{count}" if count > 1 else "") + " · "
    words = []
    if first["status"] != "reported":
        words.append(first["status"])
    if first["curated"] == "added":
        words.append("analyst's addition")
    elif first["curated"] == "redated":
        words.append("re-dated by analyst")
    cues = list(dict.fromkeys(e["cue"] for e in group if e.get("cue")))
    if cues:
        words.append(", ".join(cues[:2]) + (", …" if len(cues) > 2 else ""))
    lead = ", ".join(words) + ": " if words else ""
    room = max(LABEL_CHARS - len(head) - len(lead), 12)
    return head + lead + _words(first.get("evidence") or "", room)


# -- rows --------------------------------------------------------------------------

#: The bins tried in turn until the rows fit: a month, a year, then several years.
UNITS: tuple[str, ...] = ("month", "year", "2 years", "5 years", "10 years", "25 years", "100 years")


def _period(start: str, unit: str) -> tuple[str, str, str]:
    """The month, year or years (aligned on multiples: 2010–2014) ``start`` falls in: (name, first day, last day)."""
    s = _day(start)
    if unit == "month":
        return start[:7], s.replace(day=1).isoformat(), _month_end(s).isoformat()
    n = 1 if unit == "year" else int(unit.split()[0])
    first = s.year - s.year % n
    last = first + n - 1
    return (f"{first}" if n == 1 else f"{first}–{last}"), f"{first:04d}-01-01", f"{last:04d}-12-31"


def _key(e: dict, unit: str | None) -> tuple:
    """What events share a row: identical ones, or (binned) those of one month or year."""
    base = (e["relation"], e["status"], e["curated"])
    if unit is None:
        return (*base, "dot" if e["precision"] == "day" and e["start"] == e["last_day"] else "bar",
                e["start"], e["last_day"])
    name, _, last = _period(e["start"], unit)
    if e["last_day"] <= last:
        return (*base, "bin", name)
    if unit == "month":  # wider than its month: kept whole, merged only with identical intervals
        return (*base, "bar", e["start"], e["last_day"])
    return (*base, "span", name)  # wider than its years: one bar from the first start to the last end


def _rows(events: list[dict], unit: str | None, named: frozenset) -> list[dict]:
    groups: dict[tuple, list[dict]] = {}
    for e in events:
        groups.setdefault(_key(e, unit), []).append(e)
    rows = []
    for key, group in groups.items():
        mark = key[3]
        if mark in ("bin", "span"):  # drawn from its first event to its last, named by its period (bins)
            start, last = min(e["start"] for e in group), max(e["last_day"] for e in group)
            when = _period(start, unit)[0] if mark == "bin" else _span_text(start, last)
        else:
            start, last = group[0]["start"], group[0]["last_day"]
            when = _when(group[0])
        rows.append({"mark": mark, "relation": key[0], "status": key[1], "curated": key[2],
                     "start": start, "last_day": last, "count": len(group),
                     "label": _label(when, len(group), group), "gid": f"event:{group[0]['edge_id']}",
                     "named": any(e["edge_id"] in named for e in group)})
    rows.sort(key=lambda r: (r["start"], r["last_day"], STATUSES.index(r["status"]) if r["status"] in STATUSES else 9,
                             r["curated"], r["gid"]))
    return rows


def pair_rows(events: Iterable[dict], *, limit: int = PAIR_ROW_LIMIT, first: str | None = None,
              named: Iterable[str] = ()) -> dict[str, Any]:
    """The dated ``events`` as bands of rows: see the module's docstring.

    ``first`` is the relation whose band comes first (the relation an
    alliance shift leaves); the others follow by their first date, then in
    :data:`actors.schema.RELATIONS` order. ``named`` edge ids (a shift's
    evidence) mark their rows ``named``. Returns ``bands`` (each with its
    ``relation``, number of ``events``, ``direction`` (source, target) when
    a split-from or member-of goes one way only, and ``rows``), ``unit``
    (None, or how events were binned: one of :data:`UNITS`), and
    ``hidden_rows`` and ``hidden_events``, those left out when even a
    century's bins give more than ``limit`` rows.
    """
    dated = [e for e in events if e.get("start")]
    named = frozenset(named)
    unit = None
    for unit in (None, *UNITS):
        rows = _rows(dated, unit, named)
        if len(rows) <= limit:
            break
    hidden_rows = hidden_events = 0
    if len(rows) > limit:  # still too many (relations × statuses alone): keep the rows that hold the most events
        keep = sorted(range(len(rows)), key=lambda i: (-rows[i]["count"], i))[:limit]
        kept = sorted(keep)
        hidden_rows = len(rows) - limit
        hidden_events = sum(r["count"] for r in rows) - sum(rows[i]["count"] for i in kept)
        rows = [rows[i] for i in kept]
    order = {r: i for i, r in enumerate(RELATIONS)}
    rels = sorted({e["relation"] for e in dated},
                  key=lambda r: (r != first, min(e["start"] for e in dated if e["relation"] == r), order.get(r, 9), r))
    bands = []
    for rel in rels:
        evs = [e for e in dated if e["relation"] == rel]
        directions = {(e.get("source"), e.get("target")) for e in evs}
        bands.append({"relation": rel, "events": len(evs),
                      "direction": next(iter(directions)) if rel in ("split-from", "member-of") and len(directions) == 1
                      else None,
                      "rows": [r for r in rows if r["relation"] == rel]})
    return {"bands": [b for b in bands if b["rows"]], "unit": unit, "hidden_rows": hidden_rows,
            "hidden_events": hidden_events}


# -- shifts ------------------------------------------------------------------------

def _doc(doc: str | None) -> str:
    doc = doc or "no document"
    return doc if len(doc) <= _DOC_CHARS else doc[: _DOC_CHARS - 1] + "…"


def _text_over_curated(chosen: dict, events: list[dict], last: bool) -> dict:
    """``chosen``, or when it is an analyst's addition, the text evidence it ties with (same relation and interval)."""
    if chosen["curated"] != "added":
        return chosen
    ties = [e for e in events if e["relation"] == chosen["relation"] and e["status"] in FACT_STATUSES
            and e["start"] == chosen["start"] and e["last_day"] == chosen["last_day"] and e["curated"] != "added"]
    if not ties:
        return chosen
    return ties[-1] if last else ties[0]  # the analysis' own tie rule: the later before, the earlier after


def shift_labels(shift_rows: Iterable[dict], events: list[dict]) -> list[dict[str, Any]]:
    """Each alliance shift (rows of :func:`actors.analysis.pairs.alliance_shifts`) as what the figure writes.

    ``when`` is the last day of the first evidence after the shift ("fighting
    by" then); ``text`` its label: the dates and documents of the last
    evidence before and the first after, a text's evidence named over an
    analyst's addition it ties with; ``edges`` the two edge ids named.
    """
    by_id = {e["edge_id"]: e for e in events}
    out = []
    for s in shift_rows:
        before = _text_over_curated(by_id[s["edge_before"]], events, last=True)
        after = _text_over_curated(by_id[s["edge_after"]], events, last=False)
        word = "fighting" if s["to_relation"] == "fought-against" else "allied"
        was = "fighting" if s["from_relation"] == "fought-against" else "allied"

        def whose(e: dict) -> str:
            return f"analyst's addition, {_doc(e['doc'])}" if e["curated"] == "added" else _doc(e["doc"])

        text = f"{word} by {_when(after)}" + ("" if after["start"] == after["last_day"]
                                              else f" (at the latest {after['last_day']})")
        text += f" · {whose(after)}\nlast {was}: {_when(before)} · {whose(before)}"
        if s["order"] != "dates":
            text += "\n(order from overlapping dates)"
        out.append({"when": after["last_day"], "text": text, "edges": (before["edge_id"], after["edge_id"])})
    return out

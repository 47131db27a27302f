"""The interactive explorer: one self-contained, offline HTML page per view.

The page draws with vis-network, whose script and style are read from the
pyvis package (which ships them) and inlined. The node and edge records have
the shape pyvis' ``Network.add_node``/``add_edge`` give (nodes at fixed
positions from :mod:`actors.render.layout`, one edge per actor pair and relation), but
are built here as plain dicts: importing ``pyvis.network`` pulls in IPython,
a quarter of a second for nothing. The page itself comes from our own template
(``actors/render/templates/explorer.html``), because pyvis' template loads Bootstrap,
and in its default mode vis-network, from a CDN. Here every script and style is
inlined and a Content-Security-Policy forbids any network load.

Every event stays: the edges drawn between two actors are merged per relation
with a count, and clicking one lists every event behind it (date and
precision, status, claimant, document, character range and the evidence
sentence). A time range slider shows only the events whose date interval
overlaps the window (the rule of :func:`actors.network.windows.window`; a "wholly
inside" switch gives ``mode="within"``) and the actors they touch; toggles hide
relation types and statuses. Denied relations are hidden by default and, when
shown, drawn grey and labelled: never as fact. Long lists (a link's events, an
actor's) are shown 50 at a time. The window has dated ticks, date fields, a
button per named period (``periods``) and a play button that steps through
them; the window and filters are kept in the URL fragment
(``#from=…&to=…&rel=…&st=…``), so a view can be shared. Dot sizes grow with
an actor's events up to 40 px. Document text reaches the page
only as JSON inside a ``<script type="application/json">`` block with ``<``,
``>`` and ``&`` escaped, and is put on screen with ``textContent``.

>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", name="Alpha", kind="militia")
>>> G.add_node("b", name="Beta", kind="militia")
>>> _ = G.add_edge("a", "b", "e1", relation="fought-against", date="2001-02-03", precision="day",
...            status="reported", claimant=None, doc="x.txt", evidence="Alpha hit <Beta>.",
...            char_start=0, char_end=17, start="2001-02-03", end="2001-02-04")
>>> page = explorer_html(G, title="Test")
>>> "<Beta>" in page, "\\\\u003cBeta\\\\u003e" in page, 'src="http' in page
(False, True, False)
"""

from __future__ import annotations

import datetime as dt
import html
import importlib.util
import json
import math
import os
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any, Callable, Hashable, Iterable, Iterator, Sequence

import networkx as nx

from actors.errors import ActorsError
from actors.network.graph import document_label, label
from actors.render.layout import positions
from actors.analysis.pairs import FOCUS_PAIR
from actors.schema import GENERIC_KIND, PRECISIONS, RELATIONS, STATUSES, SYMMETRIC_RELATIONS
from actors.render.style import KIND_COLOURS, RELATION_STYLE, STATUS_NOTE
from actors.text.display import isolate_bidi

__all__ = ["explorer_html", "neighbourhood", "explorer_writers", "notebook_view", "NotebookView"]

_EPOCH = dt.date(1970, 1, 1).toordinal()
_DASHES = MappingProxyType({"solid": False, "dashed": (8, 6), "dotted": (2, 5)})
_DENIED_COLOUR = "#9e9e9e"
_MAX_CURVED = 4000  # curved parallel edges cost more to draw; past this many, straight lines
_NODE_MIN, _NODE_MAX = 8.0, 40.0  # a dot's radius in pixels: 8 + 3·√degree, scaled down to fit under 40


def _day(iso: str | None) -> int | None:
    return None if not iso else dt.date.fromisoformat(iso).toordinal() - _EPOCH


def _script_json(obj: Any) -> str:
    """JSON that cannot close the <script> element it sits in, nor open a comment."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                     ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _asset(name: str) -> str:
    return resources.files("actors.render").joinpath("templates", name).read_text(encoding="utf-8")


def _vis_assets() -> tuple[str, str]:
    """vis-network's script and style as shipped inside the pyvis package (found, not imported)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ActorsError("the pyvis package, which ships vis-network, is not installed")
    lib = Path(list(spec.submodule_search_locations)[0]) / "lib"
    versions = sorted(lib.glob("vis-*/vis-network.min.js"),
                      key=lambda p: tuple(int(x) for x in p.parent.name[4:].split(".") if x.isdigit()))
    if not versions:
        raise ActorsError(f"pyvis at {lib} ships no vis-network script; reinstall pyvis")
    js = versions[-1].read_text(encoding="utf-8")
    css = (versions[-1].parent / "vis-network.css").read_text(encoding="utf-8")
    for text in (js, css):
        low = text.lower()
        if "</script" in low or "</style" in low or "<!--" in low:  # would break out of the inline element
            raise ActorsError(f"{versions[-1]} cannot be inlined safely")
    return js, css


def neighbourhood(G: nx.MultiDiGraph, actors: Iterable[Hashable]) -> nx.MultiDiGraph:
    """A read-only view of ``G`` with the events that touch any of ``actors``.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> sorted(neighbourhood(G, ["b"]).edges())
    [('a', 'b'), ('b', 'c')]
    """
    keep = set(actors)
    touched = {n for u, v in G.edges() if u in keep or v in keep for n in (u, v)} | (keep & set(G))
    return nx.subgraph_view(G, filter_node=lambda n: n in touched,
                            filter_edge=lambda u, v, k: u in keep or v in keep)


def _pair_key(u: Hashable, v: Hashable, relation: str) -> tuple:
    if relation in SYMMETRIC_RELATIONS and str(v) < str(u):
        u, v = v, u
    return (u, v, relation)


_TOLD_SHOWN = 10  # other sentences listed per event; the rest are counted (mentions.csv has them all)


def _told(mentions, G: nx.MultiDiGraph | None = None) -> dict[str, tuple[list, str, int]]:
    """Per edge id: the other sentences that tell its event (one entry per distinct text: text,
    status, date, how many mentions, first document and its character range), the sentences
    that filled its roles (``context`` of its own mention), and how many mentions were left out.

    ``mentions`` is the mentions table (a polars DataFrame or dicts), as ``mentions.csv`` holds it.
    Of a frame, only the edges of ``G`` and the columns shown are read, one edge at a time (at
    1,000 copies of the seeds, 170,000 rows of 26 columns).
    """
    out = {}
    for edge_id, ms, own in _by_edge(mentions, G):
        entries: dict[str, list] = {}
        for m in sorted(ms, key=lambda m: (str(m.get("doc")), m.get("char_start") or 0)):
            if m is own:
                continue
            text = " ".join(str(m.get("evidence") or "").split())
            if text in entries:
                entries[text][3] += 1
                continue
            entries[text] = [isolate_bidi(text), str(m.get("status") or ""), str(m.get("date") or ""), 1,
                             isolate_bidi(document_label(G, m.get("doc")) if G is not None else str(m.get("doc") or "")),
                             m.get("char_start"), m.get("char_end"),
                             isolate_bidi(str(m.get("context") or ""))]
        listed = list(entries.values())
        context = isolate_bidi(str(own.get("context") or "")) if own is not None else ""
        if listed or context:
            out[edge_id] = (listed[:_TOLD_SHOWN], context, sum(e[3] for e in listed[_TOLD_SHOWN:]))
    return out


_TOLD_COLUMNS = ("edge_id", "mention_id", "doc", "char_start", "char_end", "evidence", "status", "date", "context")


def _by_edge(mentions, G: nx.MultiDiGraph | None) -> Iterator[tuple[str, list[dict], dict | None]]:
    """Each edge id with its mentions (in the table's order) and its own mention (the first whose
    ``mention_id`` is the edge id). A frame is narrowed to ``G``'s edges and :data:`_TOLD_COLUMNS`,
    sorted by edge id (the table's order kept within one) and read one edge at a time."""
    if not hasattr(mentions, "iter_rows"):  # rows: grouped here, in the order they come
        by_edge: dict[str, list[dict]] = {}
        for r in mentions:
            by_edge.setdefault(str(r["edge_id"]), []).append(r)
        for edge_id, ms in by_edge.items():
            yield edge_id, ms, next((m for m in ms if m.get("mention_id") == edge_id), None)
        return
    import polars as pl

    df = mentions.select([c for c in _TOLD_COLUMNS if c in mentions.columns])
    df = df.with_columns(pl.col("edge_id").cast(pl.Utf8).fill_null("None").alias("_edge"))  # as str() has it
    if G is not None:  # a page looks up the edges of its graph only
        df = df.filter(pl.col("_edge").is_in([str(k) for _, _, k in G.edges(keys=True)]))
    df = df.sort("_edge", maintain_order=True)
    edge_id, ms = "", []
    for r in df.iter_rows(named=True):
        if r["_edge"] != edge_id:
            if ms:
                yield edge_id, ms, next((m for m in ms if m.get("mention_id") == edge_id), None)
            edge_id, ms = r["_edge"], []
        ms.append(r)
    if ms:
        yield edge_id, ms, next((m for m in ms if m.get("mention_id") == edge_id), None)


def _curation_mark(d: dict) -> str:
    """"added" for an analyst's addition (cue "curation", or an overrides file's own event),
    "redated" for a text's event whose date an overrides entry set, else ""."""
    doc = str(d.get("doc") or "")
    if d.get("cue") == "curation" or (d.get("curation") and doc.endswith(".toml")):
        return "added"
    return "redated" if d.get("curation") else ""


def _period_record(p: Any) -> dict:
    """A named period for the page: id, label, first day and the day after its last (None: open)."""
    def day(x):
        return None if x is None else _day(x if isinstance(x, str) else x.isoformat())
    return {"id": str(p.id), "label": str(p.label), "start": day(p.start), "end": day(p.end)}


def _network(G: nx.MultiDiGraph, pos: dict, highlight: set[frozenset], told: dict | None = None):
    """vis-network node and edge records (merged per pair and relation) and the event rows behind the edges."""
    told = told or {}
    nodes = sorted(G.nodes, key=str)
    side = max(600.0, 110.0 * math.sqrt(len(nodes)))
    index = {n: i for i, n in enumerate(nodes)}
    degree = {n: 0 for n in nodes}
    for u, v in G.edges():
        degree[u] += 1
        degree[v] += 1
    # 8 + 3·√degree as before while the busiest actor fits under the cap; past it, every
    # size is scaled alike, so the busiest is drawn at the cap and the order of sizes stays.
    top = 3 * math.sqrt(max(degree.values(), default=0))
    scale = min(1.0, (_NODE_MAX - _NODE_MIN) / top) if top else 1.0
    node_records, edge_records = [], []
    for n in nodes:
        d = G.nodes[n]
        generic = bool(d.get("generic"))
        kind = d.get("kind") or (GENERIC_KIND if generic else "unknown")
        x, y = pos.get(n, (0.5, 0.5))
        aliases = d.get("aliases") or []
        node_records.append({  # keys in the order pyvis' add_node gives them: the pages keep their bytes
            "color": KIND_COLOURS.get(kind, "#888888"), "x": round(x * side, 1), "y": round((1.0 - y) * side, 1),
            "size": round(_NODE_MIN + scale * 3 * math.sqrt(degree[n]), 1), "actor": str(n), "name": str(d.get("name") or n),
            "kind": kind, "generic": generic, "aliases": [str(a) for a in aliases],
            "font": {"color": "#777777" if generic else "#222222"}, "id": index[n], "label": label(G, n) or str(n),
            "shape": "dot"})
    groups: dict[tuple, list] = {}
    for u, v, k, d in G.edges(keys=True, data=True):
        groups.setdefault(_pair_key(u, v, d.get("relation")), []).append((u, v, k, d))
    relations_of_pair: dict[frozenset, list[str]] = {}
    for (u, v, rel) in groups:
        relations_of_pair.setdefault(frozenset((u, v)), []).append(rel)
    curved = len(groups) <= _MAX_CURVED
    events, marks = [], {}
    for g, key in enumerate(sorted(groups, key=lambda t: (str(t[0]), str(t[1]), RELATIONS.index(t[2])
                                                          if t[2] in RELATIONS else 99))):
        u, v, rel = key
        style = RELATION_STYLE.get(rel, RELATION_STYLE["split-from"])  # an unknown relation is refused below
        rels = sorted(relations_of_pair[frozenset((u, v))], key=lambda r: RELATIONS.index(r) if r in RELATIONS else 99)
        smooth: Any = False
        if curved and len(rels) > 1:  # parallel relations of one pair: fan them out so none hides another
            i = rels.index(rel)
            smooth = {"enabled": True, "type": "curvedCW" if i % 2 else "curvedCCW",
                      "roundness": round(0.12 * (1 + i // 2), 2)}
        edge_records.append({
            "id": g, "relation": rel, "color": style["color"],
            "dashes": list(_DASHES[style["linestyle"]]) if _DASHES[style["linestyle"]] else False, "smooth": smooth,
            "arrows": {"to": {"enabled": bool(style["arrow"]), "scaleFactor": 0.6}},
            "highlight": frozenset((u, v)) in highlight, "from": index[u], "to": index[v]})
        for s, t, k, d in sorted(groups[key], key=lambda r: (r[3].get("start") or "9999", str(r[2]))):
            if d.get("status") not in STATUSES or rel not in RELATION_STYLE:
                # An unknown status must not be shown as "reported", nor an unknown relation as another.
                raise ActorsError(f"edge {k!r} ({s} → {t}): relation {rel!r} and status {d.get('status')!r} "
                                  f"must be among {', '.join(RELATIONS)} and {', '.join(STATUSES)}")
            events.append([
                g, _day(d.get("start")), _day(d.get("end")), STATUSES.index(d["status"]),
                d.get("date") or "", PRECISIONS.index(d["precision"]) if d.get("precision") in PRECISIONS else 3,
                # shown as text; bidirectional controls isolated (actors.text.display), the data keeps them
                isolate_bidi(str(d.get("claimant") or "")), isolate_bidi(document_label(G, d.get("doc"))),
                isolate_bidi(str(d.get("evidence") or "")), str(k),
                d.get("char_start"), d.get("char_end"), index[s], index[t],
                *told.get(str(k), ([], "", 0)),
            ])
            mark = _curation_mark(d)
            if mark:
                marks[str(len(events) - 1)] = mark
    _share_texts(events)
    return node_records, edge_records, events, marks


# Text slots of an event row: claimant, document, evidence, the other sentences, the role-filling sentences.
_SHARED_SLOTS = (6, 7, 8, 14, 15)


def _share_texts(events: list[list]) -> None:
    """Where a text slot repeats the same slot of an earlier event, put that event's index there.

    The same document label, sentence or list of other sentences often comes back
    hundreds of times (a corpus of copies, a long report): the page carries each
    once and the page script puts the text back before anything is shown.
    Texts shorter than the index would be are kept.
    """
    first: dict[tuple, int] = {}
    for i, ev in enumerate(events):
        for slot in _SHARED_SLOTS:
            value = ev[slot]
            if not value:
                continue
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            j = first.setdefault((slot, text), i)
            if j != i and len(text) > len(str(j)) + 2:
                ev[slot] = j


def explorer_html(G: nx.MultiDiGraph, *, title: str = "Armed actors: the network over time",
                  intro: Sequence[str] = (), pos: dict | None = None,
                  initial: tuple[str, str] | None = None,
                  highlight: Iterable[tuple[Hashable, Hashable]] = (), mentions=None,
                  periods: Iterable[Any] = ()) -> str:
    """The explorer page for ``G`` as one HTML string (inline scripts, no network loads).

    ``intro`` paragraphs are shown under the title (as text). ``pos`` gives
    node positions in the unit square (default :func:`actors.render.layout.positions`).
    ``initial`` sets the slider's starting window (ISO days, inclusive);
    the slider always spans the earliest to the latest date. Pairs in
    ``highlight`` are drawn thicker. ``mentions`` (the mentions table, as
    ``mentions.csv`` holds it): the panel then lists, under each event, every other
    sentence that tells it and the sentences that filled its roles. ``periods``
    (objects with ``id``, ``label``, ``start`` and ``end`` dates, ``end`` the day
    after the last or None, as :func:`actors.network.windows.phases` gives them)
    become buttons that set the window, and the steps of the play button.
    """
    from jinja2 import Environment

    pos = positions(G) if pos is None else pos
    nodes, edges, events, marks = _network(G, pos, {frozenset(p) for p in highlight},
                                    _told(mentions, G) if mentions is not None else None)
    options = {
        "physics": {"enabled": False},  # positions are computed beforehand: the first render does no layout work
        "layout": {"improvedLayout": False},
        "interaction": {"hover": True, "multiselect": False, "hideEdgesOnDrag": len(edges) > 3000,
                        "hideEdgesOnZoom": len(edges) > 3000, "navigationButtons": False,
                        "keyboard": False, "tooltipDelay": 300},
        "nodes": {"shape": "dot", "font": {"size": 16, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {"selectionWidth": 3, "hoverWidth": 1, "font": {"size": 11, "align": "middle"}},
    }
    days = [d for ev in events for d in (ev[1], ev[2] - 1 if ev[2] is not None else None) if d is not None]
    first, last = (min(days), max(days)) if days else (None, None)
    start = _day(initial[0]) if initial else first
    end = _day(initial[1]) if initial else last
    window = [max(first, min(start, last)), max(first, min(end, last))] if days else None
    data = {
        "nodes": nodes, "groups": edges, "events": events, "options": options,
        "relations": [{"id": r, "label": RELATION_STYLE[r]["label"], "color": RELATION_STYLE[r]["color"]}
                      for r in RELATIONS],
        "statuses": list(STATUSES), "precisions": list(PRECISIONS), "denied_colour": _DENIED_COLOUR,
        "first": first, "last": last, "initial": window, "curated": marks,
        "periods": [_period_record(p) for p in periods],
    }
    vis_js, vis_css = _vis_assets()
    env = Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string(_asset("explorer.html"))
    kinds_present = sorted({n["kind"] for n in nodes}, key=lambda k: (k == GENERIC_KIND, k))
    return template.render(
        title=title, intro=list(intro), data_json=_script_json(data), vis_js=vis_js, vis_css=vis_css,
        page_js=_asset("explorer.js"), page_css=_asset("explorer.css"),
        relations=[(r, RELATION_STYLE[r]) for r in RELATIONS],
        statuses=[(s, STATUS_NOTE[s]) for s in STATUSES],
        kinds=[(k, KIND_COLOURS.get(k, "#888888")) for k in kinds_present],
        names=sorted({n["label"] for n in nodes} | {n["name"] for n in nodes}
                     | {a for n in nodes for a in n["aliases"]}, key=lambda s: (s.lower(), s)),  # no ties: same bytes
        counts={"actors": len(nodes), "events": len(events)},
    )


def _shift_intro(G: nx.MultiDiGraph, rows: list[dict]) -> list[str]:
    out = []
    for r in rows:
        before, after = (RELATION_STYLE[r[c]]["label"] for c in ("from_relation", "to_relation"))
        whose = {side: ("the analyst's own addition" if r.get(f"curated_{side}")
                        else document_label(G, r.get(f"doc_{side}"))) for side in ("before", "after")}
        out.append(f"{label(G, r['a'])} and {label(G, r['b'])}: {before} (last evidence "
                   f"{r['last_before']}, {isolate_bidi(whose['before'])}: “{isolate_bidi(str(r['evidence_before']))}”), "
                   f"then {after} by {r['first_after']} ({isolate_bidi(whose['after'])}: "
                   f"“{isolate_bidi(str(r['evidence_after']))}”). The dates give the order.")
    return out


def _coalition_intro(A) -> list[str]:
    G = A.graph
    out = []
    for period in A.phases:
        rows = [r for r in A.coalition.iter_rows(named=True) if r["period"] == period.id]
        if not rows:
            continue
        roles: dict[str, list[str]] = {}
        for r in rows:
            roles.setdefault(r["role"], []).append(label(G, r["actor"]) + (" (founder)" if r.get("founder") else ""))
        out.append(f"{period.label}: " + "; ".join(f"{role}: {', '.join(sorted(names))}"
                                                  for role, names in roles.items()))
    return out


def _pair_page(A, a: str, b: str, mentions=None, periods: Iterable[Any] = ()) -> Callable[[], str]:
    G = A.graph
    shift_rows = [r for r in A.shifts.iter_rows(named=True) if {r["a"], r["b"]} == {a, b}]
    initial = None
    if shift_rows:  # open on the years of the shift
        years = [int(str(r[c])[:4]) for r in shift_rows for c in ("last_before", "first_after") if r[c]]
        initial = (f"{min(years)}-01-01", f"{max(years)}-12-31")
    title = f"{label(G, a)} and {label(G, b)}"
    intro = ([f"Every event of {label(G, a)} or {label(G, b)}; their own links are drawn thicker."]
             + (_shift_intro(G, shift_rows) or [f"No alliance shift between {label(G, a)} and {label(G, b)} was found."]))
    return lambda: explorer_html(neighbourhood(G, [a, b]), title=title, initial=initial,
                                 highlight=[(a, b)], intro=intro, mentions=mentions, periods=periods)


def explorer_writers(analyses, out_dir: str | os.PathLike, *,
                     pairs: Iterable[tuple[str, str]] = (FOCUS_PAIR,),
                     pos: dict | None = None, mentions=None,
                     periods: Iterable[Any] | None = None) -> dict[Path, Callable[[Path], None]]:
    """Writers (for :func:`actors.output.write_all`) of graph.html and the focus pages.

    ``graph.html`` shows the whole network. ``<coalition actor>.html`` (by
    default ``jnim.html``) shows the coalition actor, its members and origins
    and everyone they had relations with. ``<a>_<b>.html`` (by default
    ``mnla_ansar_dine.html``), one per pair in ``pairs``, shows the events of
    both actors, opening on the years of their alliance shift. A focus page
    whose actors are not in the graph is not written. ``pos`` places the
    actors of graph.html (default :func:`actors.render.layout.positions`). ``mentions``
    (the mentions table): each event's panel lists every other sentence that tells it.
    ``periods`` give every page its window presets (default: the analyses' named
    periods, :func:`actors.network.windows.phases` unless the run chose others).
    """
    A = analyses
    G = A.graph
    out = Path(out_dir)
    pos = positions(G) if pos is None else pos
    if periods is None:
        periods = getattr(A, "phases", None)
        if periods is None:
            from actors.network.windows import phases
            periods = phases()
    periods = tuple(periods)
    pages: dict[Path, Callable[[], str]] = {
        out / "graph.html": lambda: explorer_html(G, pos=pos, intro=[
            f"{G.number_of_nodes()} actors and {G.number_of_edges()} events. Drag the sliders to choose a "
            "time window; click a link to read every event behind it, with its sentence."], mentions=mentions,
            periods=periods),
    }
    focus = A.coalition_actor
    if focus in G:
        core = {focus} | {r["actor"] for r in A.coalition.iter_rows(named=True)
                          if r["role"] in ("member", "parent", "origin")}
        name = label(G, focus)
        # Focus pages get a layout of their own: the whole graph's would crowd a few actors together.
        pages[out / f"{str(focus).replace('-', '_')}.html"] = lambda: explorer_html(
            neighbourhood(G, core), title=f"{name} and its neighbours",
            intro=[f"{name}, its members and origins, and every actor they had relations with."]
            + _coalition_intro(A), mentions=mentions, periods=periods)
    for a, b in dict.fromkeys(tuple(p) for p in pairs):
        if a in G and b in G:
            pages[out / f"{str(a).replace('-', '_')}_{str(b).replace('-', '_')}.html"] = _pair_page(A, a, b, mentions, periods)
    return {path: (lambda p, make=make: p.write_text(make(), encoding="utf-8")) for path, make in pages.items()}


class NotebookView:
    """An explorer page that Jupyter displays inline (``_repr_html_``).

    The page goes into an ``<iframe srcdoc>``: nothing is served or fetched,
    so it works offline and in front-ends that cannot reach files beside the
    notebook. The iframe is sandboxed to scripts only.
    """

    def __init__(self, page: str, *, height: int = 650) -> None:
        self.page = page
        self.height = int(height)

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" sandbox="allow-scripts" '
                f'style="width:100%;height:{self.height}px;border:1px solid #ddd" '
                f'title="actors explorer"></iframe>')

    def __repr__(self) -> str:
        return f"<NotebookView: {len(self.page):,} characters of HTML; display it in Jupyter>"


def notebook_view(G_or_page: nx.MultiDiGraph | str, *, height: int = 650, **options: Any) -> NotebookView:
    """A displayable explorer for a notebook: the last line of a cell shows it.

    Takes a graph (``options`` go to :func:`explorer_html`) or a page made
    already.

    >>> view = notebook_view("<p>hello</p>")
    >>> view._repr_html_().startswith('<iframe srcdoc="&lt;p&gt;hello')
    True
    """
    page = G_or_page if isinstance(G_or_page, str) else explorer_html(G_or_page, **options)
    return NotebookView(page, height=height)

"""The pair timeline: every relation between two actors over time, alliance shifts marked.

Each event is drawn over the interval its date covers, in sub-rows so that
events overlapping in time never hide one another; undated events are in no
timeline, and the figure says how many it left out.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable

import networkx as nx

from actors.render.figures.draw import _NOTE_COLOUR, _SMALL, _blank, _new_figure, _note, _plain, _rc, _short, _styles
from actors.schema import RELATIONS, STATUSES

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["pair_figure"]


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _lanes(spans: list[tuple[float, float]]) -> list[int]:
    """Sub-row of each interval so that no two overlapping ones share one (first free lane)."""
    ends: list[float] = []
    out = []
    for s, e in spans:
        for lane, end in enumerate(ends):
            if end <= s:
                ends[lane] = e
                out.append(lane)
                break
        else:
            ends.append(e)
            out.append(len(ends) - 1)
    return out


def _pair_depth(dated: list[dict], rels: list[str]) -> int:
    """Rough number of sub-rows a pair figure needs, to size the figure before drawing."""
    depth = 0
    for rel in rels:
        spans: dict[tuple, int] = {}
        for e in dated:
            if e["relation"] == rel:
                spans[(e["start"], e["last_day"])] = spans.get((e["start"], e["last_day"]), 0) + 1
        depth += max(spans.values(), default=1) + 1
    return depth


_STATUS_LEGEND = MappingProxyType({"reported": "reported (solid)", "claimed": "claimed (light fill)",
                  "alleged": "alleged (hollow)", "denied": "denied (grey ×, not a fact)",
                  "disputed": "disputed (grey +, asserted and denied: not a fact)"})
_NOT_FACT_MARK = MappingProxyType({"denied": "x", "disputed": "P"})  # drawn grey, never as fact


def pair_figure(G: nx.MultiDiGraph, a: str, b: str, *, statuses: Iterable[str] = STATUSES,
                ax: "Axes | None" = None) -> "Figure":
    """Every relation between ``a`` and ``b`` over time, one band per relation.

    Each event covers the days its date allows: a day-precise event is a dot,
    a month a bar, a year a lighter hatched bar; events that overlap in time
    stack in sub-rows so none hides another. Reported events are solid,
    claimed ones lightly filled, alleged ones hollow, denied ones a grey ×
    (``statuses`` chooses which are shown; all by default). Alliance shifts
    (:func:`actors.analysis.pairs.alliance_shifts`) are vertical lines, and the
    figure says how many undated events it left out. A pair without events
    gives a figure that says so.

    >>> import networkx as nx
    >>> fig = pair_figure(nx.MultiDiGraph(), "x", "y")
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['No recorded relation between x and y.']
    """
    return _draw_pair(**_pair_spec(G, a, b, statuses=statuses), ax=ax)


def _pair_spec(G: nx.MultiDiGraph, a: str, b: str, *, statuses: Iterable[str] = STATUSES) -> dict[str, Any]:
    """What :func:`_draw_pair` draws: the pair's events and alliance shifts as plain rows."""
    import polars as pl

    from actors.analysis.pairs import alliance_shifts, pair_timeline

    statuses = [statuses] if isinstance(statuses, str) else list(statuses)
    tl = pair_timeline(G, a, b, statuses=statuses) if a in G and b in G else None
    events = tl.rows(named=True) if tl is not None else []
    shift_rows = []
    if any(e["start"] for e in events):
        shifts = alliance_shifts(G).filter((pl.col("a") == min(a, b)) & (pl.col("b") == max(a, b)))
        shift_rows = shifts.rows(named=True)
    return {"G": G, "a": a, "b": b, "statuses": statuses, "events": events, "shift_rows": shift_rows}


def _draw_pair(G: nx.MultiDiGraph, a: str, b: str, *, statuses: list[str], events: list[dict],
               shift_rows: list[dict], ax: "Axes | None" = None) -> "Figure":
    import matplotlib.dates as mdates
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Rectangle

    rel_style, _ = _styles()
    dated = [e for e in events if e["start"]]
    undated = [e for e in events if not e["start"]]
    rels = [r for r in RELATIONS if any(e["relation"] == r for e in dated)]
    name_a, name_b = _plain(_short(G, a)), _plain(_short(G, b))

    with _rc():
        if ax is None:
            height = 3.4 + 0.4 * _pair_depth(dated, rels)
            fig = _new_figure(10, height)
            ax = fig.add_axes((0.17, 1.2 / height, 0.78, 1 - 2.35 / height))
        fig = ax.figure
        title = ax.set_title(f"{name_a} – {name_b}: relations over time", fontsize=11, fontweight="bold")
        if not dated:
            _blank(ax)
            if not events:
                _note(ax, f"No recorded relation between {name_a} and {name_b}.")
            else:
                _note(ax, f"No dated relation between {name_a} and {name_b}: "
                          f"{len(undated)} undated event{'s' if len(undated) != 1 else ''} cannot be placed in time.")
            return fig

        lo = min(_day(e["start"]) for e in dated)
        hi = max(_day(e["last_day"]) + dt.timedelta(days=1) for e in dated)
        span = max((hi - lo).days, 60)
        pad = dt.timedelta(days=max(15, span // 25))
        x0, x1 = mdates.date2num(lo - pad), mdates.date2num(hi + pad)
        dot = (x1 - x0) * 0.012  # a dot's width in days, so dots close in time stack apart
        y = 0.0
        ticks, ticklabels, bands = [], [], []
        for rel in rels:
            evs = [e for e in dated if e["relation"] == rel]
            spans = []
            for e in evs:
                s = mdates.date2num(_day(e["start"]))
                t = mdates.date2num(_day(e["last_day"]) + dt.timedelta(days=1))
                spans.append((s - dot, max(t, s + dot)) if e["precision"] == "day" else (s, t))
            order = sorted(range(len(evs)), key=lambda i: spans[i])
            lanes = [0] * len(evs)
            for i, lane in zip(order, _lanes([spans[i] for i in order])):
                lanes[i] = lane
            depth = max(lanes) + 1
            colour = rel_style[rel]["color"]
            for e, lane in zip(evs, lanes):
                yc = y + lane + 0.5
                s = mdates.date2num(_day(e["start"]))
                t = mdates.date2num(_day(e["last_day"]) + dt.timedelta(days=1))
                status = e["status"]
                gid = f"event:{e['edge_id']}"
                if e["precision"] == "day" or t - s <= 1:
                    if status in _NOT_FACT_MARK:
                        ax.plot([s], [yc], marker=_NOT_FACT_MARK[status], color="#777777", markersize=8, mew=2,
                                gid=gid, zorder=3)
                    else:
                        ax.plot([s], [yc], marker="o", markersize=8, linestyle="", gid=gid, zorder=3,
                                markerfacecolor={"reported": colour, "claimed": colour}.get(status, "white"),
                                markeredgecolor=colour, markeredgewidth=1.5,
                                alpha=0.45 if status == "claimed" else 1.0)
                else:
                    yearly = e["precision"] == "year" or t - s > 62
                    face = {"reported": colour, "claimed": colour}.get(status, "none")
                    edge = "#777777" if status in _NOT_FACT_MARK else colour
                    rect = Rectangle((s, yc - 0.3), t - s, 0.6, facecolor=face if status not in _NOT_FACT_MARK else "none",
                                     edgecolor=edge, linewidth=1.2, gid=gid, zorder=2,
                                     alpha=(0.35 if yearly else 0.7) if status == "reported" else
                                     (0.25 if status == "claimed" else 1.0),
                                     linestyle="--" if status in ("alleged", *_NOT_FACT_MARK) else "-",
                                     hatch="///" if yearly and status == "reported" else None)
                    ax.add_patch(rect)
                    if status in _NOT_FACT_MARK:
                        ax.plot([(s + t) / 2], [yc], marker=_NOT_FACT_MARK[status], color="#777777", markersize=8,
                                mew=2, zorder=3)
            directions = {(e["source"], e["target"]) for e in evs}
            name = rel.replace("-", " ")
            if rel in ("split-from", "member-of") and len(directions) == 1:
                (u, v), = directions
                name = f"{name}\n({_plain(_short(G, u, 14))} → {_plain(_short(G, v, 14))})"
            ticks.append(y + depth / 2)
            ticklabels.append(name)
            bands.append((y, y + depth))
            y += depth + 0.4
        for i, (b0, b1) in enumerate(bands):
            if i % 2 == 0:
                ax.axhspan(b0 - 0.2, b1 + 0.2, color="#f3f3f3", zorder=0)
        ax.set_ylim(y - 0.2, -0.2)  # first relation at the top
        ax.set_yticks(ticks, ticklabels)
        ax.set_xlim(x0, x1)
        locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.tick_params(axis="y", length=0)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)

        shift_handle = None
        line_h = 11  # points per line of small text
        shift_h = 0
        if shift_rows:
            shift_h = (2 if any(s["order"] != "dates" for s in shift_rows) else 1) * line_h + 4
            shift_h += shift_h * (len(shift_rows) > 1)  # alternate shifts on two levels
        # The pair's edges by id, both directions: a shift names the edge that dates it.
        pair_edges = {k: d for u, v in ((a, b), (b, a)) for k, d in (G.get_edge_data(u, v) or {}).items()}
        for k, s in enumerate(shift_rows):
            # "by" the date: at the last day of the interval its precision covers ("2012": 31 December 2012).
            after = pair_edges[s["edge_after"]]
            last_day = _day(after["end"]) - dt.timedelta(days=1)
            when = mdates.date2num(last_day)
            word = "fighting" if s["to_relation"] == "fought-against" else "allied"
            text = f"{word} by {s['first_after']}" + (
                "" if after["precision"] == "day" else f" (at the latest {last_day.isoformat()})")
            if s["order"] != "dates":
                text += "\n(order from overlapping dates)"
            ax.axvline(when, color="#333333", linestyle=(0, (4, 2)), linewidth=1.2, zorder=4, gid=f"shift:{k}")
            level = (k % 2) * shift_h / 2
            right = (when - x0) > 0.6 * (x1 - x0)  # keep the label inside the figure
            ax.annotate(_plain(text), xy=(when, 1), xycoords=("data", "axes fraction"),
                        xytext=(-3 if right else 3, 3 + level), textcoords="offset points", fontsize=_SMALL,
                        ha="right" if right else "left", va="bottom", color="#333333",
                        gid=f"shift-label:{k}", annotation_clip=False)
            shift_handle = Line2D([], [], color="#333333", linestyle=(0, (4, 2)), label="alliance shift")

        seen = {e["status"] for e in dated}
        handles = []
        for st in STATUSES:
            if st in seen:
                c = "#555555"
                if st in _NOT_FACT_MARK:
                    handles.append(Line2D([], [], marker=_NOT_FACT_MARK[st], color="#777777", linestyle="",
                                          markersize=8, mew=2, label=_STATUS_LEGEND[st]))
                else:
                    handles.append(Line2D([], [], marker="o", linestyle="", markersize=8, markeredgecolor=c,
                                          markerfacecolor="white" if st == "alleged" else c,
                                          alpha=0.45 if st == "claimed" else 1.0, label=_STATUS_LEGEND[st]))
        precisions = {("day" if e["precision"] == "day" else "year" if e["precision"] == "year" else "month")
                      for e in dated}
        if "day" in precisions:
            handles.append(Line2D([], [], marker="o", linestyle="", color="#555555", label="dated to the day"))
        if "month" in precisions:
            handles.append(Patch(facecolor="#555555", alpha=0.7, label="dated to the month (bar: whole month)"))
        if "year" in precisions:
            handles.append(Patch(facecolor="#555555", alpha=0.35, hatch="///",
                                 label="dated to the year (bar: whole year)"))
        if shift_handle is not None:
            handles.append(shift_handle)
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.0, -0.14), ncol=3, frameon=False)
        notes = []
        if undated:
            counts: dict[str, int] = {}
            for e in undated:
                counts[e["relation"]] = counts.get(e["relation"], 0) + 1
            what = ", ".join(f"{n} {r}" for r, n in counts.items())
            notes.append(f"Not shown: {len(undated)} undated event{'s' if len(undated) != 1 else ''} ({what}); "
                         "the text gives no date, and none is guessed.")
        hidden = [s for s in STATUSES if s not in statuses]
        if hidden:
            notes.append(f"Statuses not shown: {', '.join(hidden)}.")
        if notes:  # between the title and the plot: the title moves up to make room
            ax.annotate("\n".join(notes), xy=(0, 1), xycoords="axes fraction", xytext=(0, 5 + shift_h),
                        textcoords="offset points", fontsize=_SMALL, color=_NOTE_COLOUR, va="bottom",
                        gid="note:undated", annotation_clip=False)
        ax.set_title(title.get_text(), fontsize=11, fontweight="bold",
                     pad=8 + shift_h + (line_h * len(notes) + 4 if notes else 0))
    return fig

"""The pair timeline: every relation between two actors over time, one labelled row per event.

The rows are :mod:`actors.render.figures.pair_rows`' (plain data, tested on
their own): one band per relation, in it one row per event, labelled with
its date and first words, a dot at its day or a thin bar over the whole
interval an imprecise date covers; identical events share a row with a
count, and a pair with more than
:data:`~actors.render.figures.pair_rows.PAIR_ROW_LIMIT` rows is binned by month
(then by year), so the figure is never higher than
:data:`~actors.render.figures.pair_rows.PAIR_MAX_HEIGHT_PX` pixels. An analyst's
addition is starred; an alliance shift is a dashed line labelled with the
dates and documents of its evidence. Undated events are in no timeline, and
the figure says how many it left out.
"""

from __future__ import annotations

import datetime as dt
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Iterable

import networkx as nx

from actors.render.figures.draw import (DPI, _NOTE_COLOUR, _SMALL, _blank, _new_figure, _note, _plain, _rc, _short,
                                        _styles)
from actors.render.figures.pair_rows import (PAIR_MAX_HEIGHT_PX, PAIR_ROW_LIMIT, pair_events, pair_rows, pair_shifts,
                                             shift_labels)
from actors.schema import STATUSES

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["pair_figure"]

_STATUS_LEGEND = MappingProxyType({"reported": "reported (solid)", "claimed": "claimed (light fill)",
                  "alleged": "alleged (hollow)", "denied": "denied (grey ×, not a fact)",
                  "disputed": "disputed (grey +, asserted and denied: not a fact)"})
_NOT_FACT_MARK = MappingProxyType({"denied": "x", "disputed": "P"})  # drawn grey, never as fact
_GREY = "#777777"
_CURATED_MARK = MappingProxyType({"added": ("*", 10, "analyst's addition (overrides file)"),
                                  "redated": ("v", 6, "date set by the analyst (overrides file)")})
#: Alliance shifts labelled by their line; past _SHIFT_LINES shifts, the unlabelled ones are ticks along the top.
_SHIFT_LABELS, _SHIFT_LINES = 3, 10
# Sizes, in inches: figure width, label column, one row, a gap between bands, a line of small text.
_WIDTH, _LEFT, _ROW, _GAP, _LINE = 11.0, 3.85, 0.2, 0.1, _SMALL * 1.4 / 72


def pair_figure(G: nx.MultiDiGraph, a: str, b: str, *, statuses: Iterable[str] = STATUSES,
                ax: "Axes | None" = None) -> "Figure":
    """Every relation between ``a`` and ``b`` over time: one labelled row per event, one band per relation.

    A day-precise event is a dot at its day, an imprecise one (a month, a
    year, a range) a thin bar over its whole interval; identical events share
    one row with a count ("×3"), and above
    :data:`~actors.render.figures.pair_rows.PAIR_ROW_LIMIT` rows events are binned
    by month (then by year), so the figure stays under
    :data:`~actors.render.figures.pair_rows.PAIR_MAX_HEIGHT_PX` pixels. Reported
    events are solid, claimed ones lightly filled, alleged ones hollow,
    denied and disputed ones grey (× and +), never as fact (``statuses``
    chooses which are shown; all by default). An analyst's addition is
    starred. Alliance shifts (:func:`actors.analysis.pairs.alliance_shifts`)
    are dashed lines labelled with the dates and documents of their evidence;
    the figure says how many undated events it left out. A pair without
    events gives a figure that says so.

    >>> import networkx as nx
    >>> fig = pair_figure(nx.MultiDiGraph(), "x", "y")
    >>> [t.get_text() for t in fig.axes[0].texts]
    ['No recorded relation between x and y.']
    """
    return _draw_pair(**_pair_spec(G, a, b, statuses=statuses), ax=ax)


def _pair_spec(G: nx.MultiDiGraph, a: str, b: str, *, statuses: Iterable[str] = STATUSES) -> dict[str, Any]:
    """What :func:`_draw_pair` draws, as plain data: names, rows, shift labels and what was left out."""
    statuses = [statuses] if isinstance(statuses, str) else list(statuses)
    everything = pair_events(G, a, b)
    events = [e for e in everything if e["status"] in statuses]
    dated = [e for e in events if e["start"]]
    shift_rows = pair_shifts(G, a, b) if dated else []
    shifts = shift_labels(shift_rows, everything)
    first = shift_rows[0]["from_relation"] if shift_rows else None
    layout = pair_rows(dated, first=first, named=[k for s in shifts[:_SHIFT_LABELS] for k in s["edges"]])
    undated: dict[str, int] = {}
    for e in events:
        if not e["start"]:
            undated[e["relation"]] = undated.get(e["relation"], 0) + 1
    ends = {n: _plain(_short(G, n, 14)) for band in layout["bands"] for n in band["direction"] or ()}
    return {"names": (_plain(_short(G, a)), _plain(_short(G, b))), "statuses": statuses, "any_event": bool(events),
            "dated": len(dated), "undated": undated, "layout": layout, "shifts": shifts, "ends": ends}


def _band_name(band: dict, ends: dict[str, str]) -> str:
    name = band["relation"].replace("-", " ")
    if band["direction"]:
        u, v = band["direction"]
        name += f" ({ends[u]} → {ends[v]})"
    return f"{name} · {band['events']} event{'s' if band['events'] != 1 else ''}"


def _draw_mark(ax: "Axes", row: dict, y: float, colour: str, dot: float) -> None:
    """One row's dot or bar, in its status' style."""
    import matplotlib.dates as mdates
    from matplotlib.colors import to_rgba
    from matplotlib.patches import Rectangle

    status, gid = row["status"], row["gid"]
    s = mdates.date2num(dt.date.fromisoformat(row["start"]))
    t = mdates.date2num(dt.date.fromisoformat(row["last_day"]) + dt.timedelta(days=1))
    if row["mark"] == "dot":
        if status in _NOT_FACT_MARK:
            ax.plot([s], [y], marker=_NOT_FACT_MARK[status], color=_GREY, markersize=7, mew=2, gid=gid, zorder=3)
        else:
            ax.plot([s], [y], marker="o", markersize=7, linestyle="", gid=gid, zorder=3,
                    markerfacecolor=to_rgba(colour, {"reported": 1.0, "claimed": 0.35}.get(status, 0.0)),
                    markeredgecolor=colour, markeredgewidth=1.5)
    else:
        if t - s < dot:  # a range of a few days, at a scale of years: still visible
            s, t = (s + t - dot) / 2, (s + t + dot) / 2
        if status in _NOT_FACT_MARK:
            face, edge, style = "none", _GREY, "--"
        else:
            face = to_rgba(colour, {"reported": 0.8, "claimed": 0.3}.get(status, 0.0))
            edge, style = colour, "--" if status == "alleged" else "-"
        ax.add_patch(Rectangle((s, y - 0.13), t - s, 0.26, facecolor=face, edgecolor=edge, linewidth=1.1,
                               linestyle=style, hatch="////" if row["mark"] == "bin" else None, gid=gid, zorder=2))
        if status in _NOT_FACT_MARK:
            ax.plot([(s + t) / 2], [y], marker=_NOT_FACT_MARK[status], color=_GREY, markersize=7, mew=2, zorder=3)
    if row["curated"]:
        marker, size, _ = _CURATED_MARK[row["curated"]]
        ax.plot([s - dot], [y], marker=marker, color="#111111", markersize=size, linestyle="",
                gid=f"curated:{gid[len('event:'):]}", zorder=4)


def _legend_handles(rows: list[dict], unit: str | None, shifted: bool) -> list:
    """The legend's entries: what is drawn, only."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = []
    seen = {r["status"] for r in rows}
    for st in STATUSES:
        if st not in seen:
            continue
        if st in _NOT_FACT_MARK:
            handles.append(Line2D([], [], marker=_NOT_FACT_MARK[st], color=_GREY, linestyle="", markersize=7, mew=2,
                                  label=_STATUS_LEGEND[st]))
        else:
            handles.append(Line2D([], [], marker="o", linestyle="", markersize=7, markeredgecolor="#555555",
                                  markerfacecolor={"reported": "#555555", "claimed": "#55555559"}.get(st, "white"),
                                  label=_STATUS_LEGEND[st]))
    marks = {r["mark"] for r in rows}
    if "dot" in marks:
        handles.append(Line2D([], [], marker="o", linestyle="", color="#555555", markersize=7,
                              label="dated to the day (dot)"))
    if marks & {"bar", "span"}:
        handles.append(Patch(facecolor="#555555", alpha=0.8, label="imprecise date (bar: its whole interval)"))
    if "bin" in marks:
        handles.append(Patch(facecolor="#55555566", edgecolor="#555555", hatch="////",
                             label=f"events binned by {unit} (bar: first to last)"))
    for kind in ("added", "redated"):
        if any(r["curated"] == kind for r in rows):
            marker, size, text = _CURATED_MARK[kind]
            handles.append(Line2D([], [], marker=marker, color="#111111", linestyle="", markersize=size, label=text))
    if shifted:
        handles.append(Line2D([], [], color="#333333", linestyle=(0, (4, 2)), label="alliance shift"))
    return handles


def _legend(ax: "Axes", handles: list, anchor: tuple[float, float] | None) -> None:
    """The legend under the plot: at ``anchor`` (figure fraction), else under the axes."""
    where = ({"bbox_to_anchor": anchor, "bbox_transform": ax.figure.transFigure} if anchor else
             {"bbox_to_anchor": (0.0, -0.08)})
    ax.legend(handles=handles, loc="upper left", ncol=3, frameon=False, borderaxespad=0.0, **where)


def _notes(*, statuses: list[str], dated: int, undated: dict[str, int], layout: dict, shifts: list[dict]) -> list[str]:
    """What the figure says it left out or binned, one line each."""
    notes = []
    n_undated = sum(undated.values())
    if n_undated:
        what = ", ".join(f"{n} {r}" for r, n in undated.items())
        notes.append(f"Not shown: {n_undated} undated event{'s' if n_undated != 1 else ''} ({what}); "
                     "the text gives no date, and none is guessed.")
    if layout["unit"]:
        unit = layout["unit"]
        notes.append(f"{dated} dated events, more than {PAIR_ROW_LIMIT} rows: binned by {unit} "
                     f"(one row per relation, status and {unit}; ×n: its events).")
    if layout["hidden_rows"]:
        notes.append(f"Not shown: the {layout['hidden_rows']} rows with the fewest events "
                     f"({layout['hidden_events']} events).")
    hidden = [s for s in STATUSES if s not in statuses]
    if hidden:
        notes.append(f"Statuses not shown: {', '.join(hidden)}.")
    if len(shifts) > _SHIFT_LABELS:
        how = "drawn unlabelled" if len(shifts) <= _SHIFT_LINES else "ticks along the top"
        notes.append(f"{len(shifts) - _SHIFT_LABELS} more alliance shifts: {how} (shifts.csv lists them all).")
    return notes


def _draw_rows(ax: "Axes", bands: list[dict], ends: dict[str, str], x0: float, x1: float) -> None:
    """Each band's header and rows, labelled on the left, and the date axis."""
    import matplotlib.dates as mdates

    rel_style, _ = _styles()
    dot = (x1 - x0) * 0.012  # a dot's width in days
    y = 0.0
    ticks, ticklabels, styles = [], [], []
    for i, band in enumerate(bands):
        colour = rel_style[band["relation"]]["color"]
        start = y
        ticks.append(y)
        ticklabels.append(_band_name(band, ends))
        styles.append({"color": colour, "fontweight": "bold", "fontstyle": "normal"})
        for row in band["rows"]:
            y += 1
            _draw_mark(ax, row, y, colour, dot)
            ticks.append(y)
            ticklabels.append(_plain(row["label"]))
            # a shift's evidence in bold, an analyst's event in italics
            styles.append({"color": "#222222", "fontweight": "bold" if row["named"] else "normal",
                           "fontstyle": "italic" if row["curated"] else "normal"})
        if i % 2 == 0:
            ax.axhspan(start - 0.5, y + 0.5, color="#f3f3f3", zorder=0, lw=0)
        y += 1 + _GAP / _ROW
    ax.set_ylim(y - 1 - _GAP / _ROW + 0.5, -0.5)  # the first band at the top
    ax.set_yticks(ticks, ticklabels)
    for label, style in zip(ax.get_yticklabels(), styles):
        label.set(**style)
    ax.set_xlim(x0, x1)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.tick_params(axis="y", length=0)
    ax.grid(axis="x", color="#e0e0e0", linewidth=0.6, zorder=0)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)


def _draw_shifts(ax: "Axes", shifts: list[dict], x0: float, x1: float) -> None:
    """A dashed line per alliance shift, the first ones labelled above the plot, each on its own level;
    past :data:`_SHIFT_LINES` shifts, the unlabelled ones are ticks along the top, not lines over the rows."""
    import matplotlib.dates as mdates

    level = 0.0
    rug = []
    for k, s in enumerate(shifts):
        when = mdates.date2num(dt.date.fromisoformat(s["when"]))
        if k >= _SHIFT_LABELS and len(shifts) > _SHIFT_LINES:
            rug.append(when)
            continue
        ax.axvline(when, color="#333333", linestyle=(0, (4, 2)), linewidth=1.2, zorder=4, gid=f"shift:{k}")
        if k >= _SHIFT_LABELS:
            continue
        right = (when - x0) > 0.6 * (x1 - x0)  # keep the label inside the figure
        ax.annotate(_plain(s["text"]), xy=(when, 1), xycoords=("data", "axes fraction"),
                    xytext=(-3 if right else 3, 3 + level), textcoords="offset points", fontsize=_SMALL,
                    ha="right" if right else "left", va="bottom", color="#333333",
                    gid=f"shift-label:{k}", annotation_clip=False)
        level += (s["text"].count("\n") + 1) * _LINE * 72 + 4
    if rug:
        ax.vlines(rug, 0.97, 1.0, transform=ax.get_xaxis_transform(), color="#333333", linewidth=0.8,
                  zorder=4, gid="shifts:ticks")


def _draw_pair(*, names: tuple[str, str], statuses: list[str], any_event: bool, dated: int, undated: dict[str, int],
               layout: dict, shifts: list[dict], ends: dict[str, str], ax: "Axes | None" = None) -> "Figure":
    import matplotlib.dates as mdates

    name_a, name_b = names
    bands = layout["bands"]
    rows = [r for band in bands for r in band["rows"]]
    notes = _notes(statuses=statuses, dated=dated, undated=undated, layout=layout, shifts=shifts) if rows else []
    line_pt = _LINE * 72
    shift_h = sum((s["text"].count("\n") + 1) * line_pt + 4 for s in shifts[:_SHIFT_LABELS])
    notes_h = len(notes) * line_pt + 4 if notes else 0
    title = f"{name_a} – {name_b}: relations over time"
    own = ax is None  # a figure of its own: sized by its rows, the labels' column measured
    with _rc():
        handles = _legend_handles(rows, layout["unit"], bool(shifts)) if rows else []
        if own:
            lines = len(rows) + len(bands)
            top = 0.5 + (shift_h + notes_h) / 72
            bottom = 0.45 + -(-len(handles) // 3) * 0.2 + 0.1
            plot = max(lines * _ROW + max(len(bands) - 1, 0) * _GAP, 0.8)
            height = min(top + plot + bottom, PAIR_MAX_HEIGHT_PX / DPI)  # bounded: rows shrink a little past it
            fig = _new_figure(_WIDTH, height)
            ax = fig.add_axes((_LEFT / _WIDTH, bottom / height, 1 - (_LEFT + 0.35) / _WIDTH,
                               1 - (top + bottom) / height))
        fig = ax.figure
        if not rows:
            ax.set_title(title, fontsize=11, fontweight="bold")
            _blank(ax)
            if not any_event:
                _note(ax, f"No recorded relation between {name_a} and {name_b}.")
            else:
                n = sum(undated.values())
                _note(ax, f"No dated relation between {name_a} and {name_b}: "
                          f"{n} undated event{'s' if n != 1 else ''} cannot be placed in time.")
            return fig

        lo = min(dt.date.fromisoformat(r["start"]) for r in rows)
        hi = max(dt.date.fromisoformat(r["last_day"]) + dt.timedelta(days=1) for r in rows)
        hi = max(hi, *(dt.date.fromisoformat(s["when"]) for s in shifts)) if shifts else hi
        pad = dt.timedelta(days=max(15, max((hi - lo).days, 60) // 25))
        x0, x1 = mdates.date2num(lo - pad), mdates.date2num(hi + pad)
        _draw_rows(ax, bands, ends, x0, x1)
        _draw_shifts(ax, shifts, x0, x1)
        left = 0.0  # notes and title start at the labels' column
        if own:  # the labels' column as wide as its widest label (measured: the same on every run)
            renderer = fig.canvas.get_renderer()
            widest = max(t.get_window_extent(renderer).width for t in ax.get_yticklabels()) / DPI
            left = min(max(widest + 0.25, 1.5), _WIDTH / 2)
            box = ax.get_position()
            ax.set_position((left / _WIDTH, box.y0, 1 - (left + 0.35) / _WIDTH, box.height))
            _legend(ax, handles, (0.17 / _WIDTH, (bottom - 0.42) / height))
        else:
            _legend(ax, handles, None)
        back = -(left - 0.17) if own else 0.0  # inches left of the axes
        if notes:  # between the title and the plot: the title moves up to make room
            ax.annotate("\n".join(_plain(n) for n in notes), xy=(0, 1), xycoords="axes fraction",
                        xytext=(back * 72, 5 + shift_h), textcoords="offset points", fontsize=_SMALL,
                        color=_NOTE_COLOUR, va="bottom", gid="note:undated", annotation_clip=False)
        ax.set_title(title, fontsize=11, fontweight="bold", loc="left",
                     x=back / (_WIDTH - left - 0.35) if own else 0.0, pad=8 + shift_h + notes_h)
    return fig

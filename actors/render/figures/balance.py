"""The balance figure: structural balance per year (or per phase)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from actors.render.figures.draw import (DPI, MAX_HEIGHT_PX, MAX_WIDTH_PX, _NOTE_COLOUR, _SMALL, _blank, _new_figure,
                                        _note, _plain, _rc, _wrap)
from actors.schema import THIN

if TYPE_CHECKING:  # for type hints only: matplotlib is imported when a figure is made
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["balance_figure"]


def balance_figure(balance: Any, *, periodisation: str = "year", ax: "Axes | None" = None) -> "Figure":
    """Structural balance over time: frustration and balanced triangles, with the signed pairs.

    ``balance`` is :attr:`actors.analysis.analyses.Analyses.balance` (rows of one
    ``periodisation``, "year" or "phase", are drawn) or a table from
    :func:`actors.analysis.balance.structural_balance`. The upper panel gives the
    frustration share (frustrated pairs over signed pairs, with the index
    written at each point) and the balanced share of triangles; the lower
    one the allied and hostile pairs. Indices found by the local search
    are upper bounds and drawn hollow. With ``ax`` both go into one axes
    (pairs on a second y axis).

    >>> fig = balance_figure(None)
    >>> fig.axes[0].texts[0].get_text()
    'No signed pairs to weigh.'
    """
    return _draw_balance(**_balance_spec(balance, periodisation=periodisation), ax=ax)


def _balance_spec(balance: Any, *, periodisation: str = "year") -> dict[str, Any]:
    """What :func:`_draw_balance` draws: the rows of one periodisation as plain dicts."""
    import polars as pl

    from actors.analysis.balance import HEURISTIC

    rows = []
    if balance is not None and balance.height:
        b = balance
        if "periodisation" in b.columns:
            b = b.filter(pl.col("periodisation") == periodisation)
        rows = b.rows(named=True)
    return {"rows": rows, "periodisation": periodisation, "heuristic": HEURISTIC}


def _draw_balance(*, rows: list[dict], periodisation: str, heuristic: str, ax: "Axes | None" = None) -> "Figure":
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    what = {"year": "per year", "phase": "per phase"}.get(periodisation, f"per {periodisation}")
    # Within the pixel budget: a period's column narrows (0.55 to 0.25 in a year, 1.15 to 0.6 in a
    # phase); past that, the earliest periods are left out, and counted in the note.
    per, least, margin = (0.55, 0.25, 1.2) if periodisation == "year" else (1.15, 0.6, 1.4)
    room = MAX_WIDTH_PX / DPI - margin
    left_out = max(0, len(rows) - int(room / least)) if ax is None else 0
    rows = rows[left_out:]
    narrow = ax is None and room / max(len(rows), 1) < 0.45  # inches a period: "n=" dropped, the number kept
    with _rc():
        single = ax is not None
        if ax is None:
            width = max(8.0, margin + min(per, room / max(len(rows), 1)) * len(rows))
            fig = _new_figure(width, 6.4)
            ax = fig.add_axes((0.8 / width, 3.0 / 6.4, 1 - 1.1 / width, 2.35 / 6.4))
            counts_ax = fig.add_axes((0.8 / width, 1.15 / 6.4, 1 - 1.1 / width, 1.35 / 6.4), sharex=ax)
        else:
            counts_ax = ax.twinx()
        fig = ax.figure
        ax.set_title(f"Structural balance {what}", fontsize=11, fontweight="bold")
        if not rows or not any(r["positive"] + r["negative"] for r in rows):
            _blank(ax)
            counts_ax.set_visible(False)
            _note(ax, "No signed pairs to weigh.")
            return fig
        xs = list(range(len(rows)))
        nan = float("nan")
        frus = [r["frustration_share"] if r["frustration_share"] is not None else nan for r in rows]
        bal = [r["balanced_share"] if r["balanced_share"] is not None else nan for r in rows]
        ax.plot(xs, frus, color="#d62728", linewidth=1.8, zorder=3, label="frustration share (frustrated / signed pairs)")
        ax.plot(xs, bal, color="#1f77b4", linewidth=1.8, linestyle="--", zorder=3, label="balanced share of triangles")
        # the share's sample: filled where it rests on THIN triangles or more, hollow (thin) below, n written
        tri = [r.get("triangles") or 0 for r in rows]
        solid = [i for i in xs if bal[i] == bal[i] and tri[i] >= THIN]
        thin = [i for i in xs if bal[i] == bal[i] and tri[i] < THIN]
        ax.plot(solid, [bal[i] for i in solid], linestyle="", marker="s", markersize=5, color="#1f77b4", zorder=4)
        ax.plot(thin, [bal[i] for i in thin], linestyle="", marker="s", markersize=6, markerfacecolor="white",
                markeredgecolor="#1f77b4", zorder=4, gid="thin-balance")
        # n under the balanced share and the index over the frustration share, or the other way round
        # when the balanced share is the higher: the two never meet.
        above = [bal[i] == bal[i] and frus[i] == frus[i] and bal[i] >= frus[i] and bal[i] < 1.0 for i in xs]
        for i in xs:
            if bal[i] == bal[i]:
                ax.annotate(f"{tri[i]}" if narrow else f"n={tri[i]}", xy=(i, bal[i]), xytext=(0, 6 if above[i] else -11),
                            textcoords="offset points", ha="center", fontsize=_SMALL, color="#1f77b4",
                            gid=f"triangles:{i}")
        exact = [i for i, r in enumerate(rows) if r["frustration_method"] != heuristic and frus[i] == frus[i]]
        bound = [i for i, r in enumerate(rows) if r["frustration_method"] == heuristic and frus[i] == frus[i]]
        ax.plot([xs[i] for i in exact], [frus[i] for i in exact], linestyle="", marker="o", color="#d62728",
                markersize=6, zorder=4)
        ax.plot([xs[i] for i in bound], [frus[i] for i in bound], linestyle="", marker="o", markerfacecolor="white",
                markeredgecolor="#d62728", markersize=7, zorder=4, gid="upper-bound")
        for i, r in enumerate(rows):
            if frus[i] == frus[i] and r["frustration_index"]:
                ax.annotate(f"{r['frustration_index']}", xy=(i, frus[i]), xytext=(0, -11 if above[i] else 6),
                            textcoords="offset points", ha="center", fontsize=_SMALL, color="#d62728")
        ax.set_ylim(-0.05, 1.1)
        ax.set_ylabel("share")
        ax.grid(axis="y", color="#eeeeee")
        pos = [r["positive"] for r in rows]
        neg = [r["negative"] for r in rows]
        counts_ax.bar(xs, neg, color="#d62728", alpha=0.35 if single else 0.75, width=0.6, label="hostile pairs")
        counts_ax.bar(xs, pos, bottom=neg, color="#1f77b4", alpha=0.35 if single else 0.75, width=0.6,
                      label="allied pairs")
        counts_ax.set_ylabel("signed pairs")
        counts_ax.yaxis.get_major_locator().set_params(integer=True)
        if single:
            counts_ax.set_zorder(ax.get_zorder() - 1)
            ax.patch.set_visible(False)
        labels = [_plain(str(r["period_label"]) if periodisation == "year" else _wrap(str(r["period_label"]), 14))
                  for r in rows]
        target = ax if single else counts_ax
        target.set_xticks(xs, labels, rotation=90 if periodisation == "year" and len(rows) > 30 else 0)
        if not single:
            ax.tick_params(labelbottom=False)
        for a in (ax, counts_ax):
            a.spines["top"].set_visible(False)
        handles = [Line2D([], [], color="#d62728", linewidth=1.8, marker="o",
                          label="frustration share (number: frustration index)"),
                   Line2D([], [], color="#1f77b4", linewidth=1.8, linestyle="--", marker="s",
                          label="balanced share of triangles")]
        if bound:
            handles.append(Line2D([], [], linestyle="", marker="o", markerfacecolor="white", markeredgecolor="#d62728",
                                  label="upper bound (local-search upper bound)"))
        if thin:
            handles.append(Line2D([], [], linestyle="", marker="s", markerfacecolor="white", markeredgecolor="#1f77b4",
                                  label=f"thin: fewer than {THIN} triangles (n)"))
        handles += [Patch(color="#1f77b4", alpha=0.75, label="allied pairs"),
                    Patch(color="#d62728", alpha=0.75, label="hostile pairs")]
        ax.legend(handles=handles, loc="lower left", bbox_to_anchor=(0.0, 1.02), ncol=3, frameon=False)
        ax.set_title(ax.get_title(loc="left"), fontsize=11, fontweight="bold", pad=44)
        note = ("Gaps: no signed pair, or no triangle, in the period. One sign per pair and period (its latest "
                "event dated within it);\ndenied and undated events, and those dated less precisely than the period, "
                "are left out.")
        if narrow:
            note += "\nBlue numbers: the triangles each balanced share rests on."
        if left_out:
            note += (f"\n+{left_out} earlier period{'s' if left_out != 1 else ''} not shown: no room within "
                     f"{MAX_WIDTH_PX} × {MAX_HEIGHT_PX} pixels.")
        fig.text(0.8 / fig.get_figwidth(), 0.015, note, fontsize=_SMALL, color=_NOTE_COLOUR, va="bottom")
    return fig

"""The signed pairs of each time window: one sign per pair, and the event that set it.

**The signed graph of a window.** The fought-against and allied-with edges a
window holds (:func:`actors.network.windows.assign_periods`; undated edges belong to
no window) whose status is among ``statuses`` become one undirected signed
pair graph: allied-with is +1, fought-against -1. Denied edges are left out
by default, claimed and alleged ones kept. split-from and member-of carry no
sign and stay out; so do self-loops (an actor "against itself" is an
extraction slip, not a relation).

**Imprecise dates.** By default (``mode="within"``) an edge counts in a window
only when its date interval lies wholly inside it. One whose interval overlaps
the window but spills over it (a "2012" edge in a window of spring 2012) only
*might* fall there: it is left out, and every table counts such edges apart
(``imprecise_edges``, ``imprecise_events``). ``mode="overlap"`` counts them too,
flagged ``imprecise``.

**One sign per pair.** Several events for one pair in a window may disagree
(allies in March, enemies by July). The pair's sign in the window is the
sign of its *latest* event that lies wholly inside the window, events ordered
by ``start``, then ``end``, then ``edge_id``; only when every event of the
pair spills over the window (a "2012" edge in a window of 2012's spring) does
the latest imprecise one decide. So a year-dated "2013" edge cannot overturn
a dated clash in a window ending on 11 January 2013. That event is the
evidence cited for the pair; a pair whose events carry both signs counts in
``ambivalent_pairs``. Generic mentions ("the Islamists") are left out unless
``include_generic=True``: one generic node stands for many actors.

The windowing helpers here are shared by :mod:`actors.analysis.balance` and
:mod:`actors.analysis.centrality`.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import Any

import polars as pl

from actors.analysis.frame_memo import _frame_memo
from actors.network.graph import edge_frame
from actors.schema import STATUSES, THIN  # noqa: F401  (THIN: the analyses' threshold, imported from here)
from actors.network.windows import MODES, Period, _period_rule, yearly

__all__ = ["signed_pairs", "DEFAULT_STATUSES", "SIGNED"]

DEFAULT_STATUSES: tuple[str, ...] = ("reported", "claimed", "alleged")
SIGNED: tuple[str, ...] = ("fought-against", "allied-with")

# Columns of the cited event, gathered from the edge frame by row number.
_CITE = ("relation", "kind", "date", "status", "edge_id", "doc", "evidence")


# -- windows and pair signs (shared with actors.analysis.centrality) ---------------------

def _check(statuses: Iterable[str], mode: str) -> tuple[str, ...]:
    if isinstance(statuses, str):  # a lone status, not its letters
        statuses = (statuses,)
    statuses = tuple(statuses)
    unknown = sorted(set(statuses) - set(STATUSES))
    if unknown:
        raise ValueError(f"unknown status {', '.join(map(repr, unknown))}; expected some of {STATUSES}")
    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}, not {mode!r}")
    return statuses


def _prepare(G: Any, *, periods: Sequence[Period] | None, statuses: Iterable[str], mode: str,
             edges: pl.DataFrame | None, relations: Iterable[str], include_generic: bool = False
             ) -> tuple[list[Period], pl.DataFrame, pl.DataFrame, int, pl.DataFrame]:
    """(periods, edge frame with ``_row``, kept rows placed in windows with ``_p``, undated kept rows,
    spill rows).

    The rows are narrowed to a few columns before windowing (copying the
    evidence text once per window is what costs) and sorted by
    (start, end, edge_id), so "last in its group" is "latest". The spill rows are those whose
    date only might fall in a window (their interval overlaps it and spills over it), whatever
    the ``mode``: in ``within`` mode they are not among the kept rows, and every table counts
    them apart.
    """
    statuses = _check(statuses, mode)
    if edges is None:
        edges = edge_frame(G)
    periods = yearly(edges=edges) if periods is None else list(periods)
    full = edges.with_row_index("_row")
    kept = (_by_date(edges)
            .filter(pl.col("relation").is_in(list(relations))
                    & pl.col("status").fill_null("reported").is_in(list(statuses))
                    & (pl.col("a") != pl.col("b"))
                    # a generic mention ("the Islamists") is many actors at once: kept apart
                    & (pl.lit(include_generic) | ~pl.col("generic").fill_null(False)))
            .select("_row", "a", "b", "source", "target", "relation", "sign", "start", "end", "edge_id"))
    undated = kept.filter(pl.col("start").is_null()).height
    dated = kept.filter(pl.col("start").is_not_null())
    parts = []
    for i, p in enumerate(periods):  # assign_periods' rule, without its period columns
        hit, inside = _period_rule(p)
        parts.append(dated.filter(hit).with_columns((~inside).alias("imprecise"), pl.lit(i, dtype=pl.Int64).alias("_p")))
    if parts:
        rows = pl.concat(parts)
    else:
        rows = kept.head(0).with_columns(pl.lit(False).alias("imprecise"), pl.lit(0, dtype=pl.Int64).alias("_p"))
    spill = rows.filter(pl.col("imprecise"))
    if mode == "within":
        rows = rows.filter(~pl.col("imprecise"))
    return periods, full, rows, undated, spill


def _by_date(edges: pl.DataFrame) -> pl.DataFrame:
    """The frame's rows (``_row``), the columns windows need, sorted by (start, end, edge_id): "last in its
    group" is "latest". Sorted once per frame (the sort of a million rows is what costs), then filtered."""
    entry = _frame_memo(edges)
    if "by_date" not in entry:
        entry["by_date"] = (edges.with_row_index("_row")
                            .select("_row", "a", "b", "source", "target", "relation", "sign", "start", "end",
                                    "edge_id", "status", "generic")
                            .sort("start", "end", "edge_id", "_row", nulls_last=True))
    return entry["by_date"]


def _signed_windows(G: Any, *, periods: Sequence[Period] | None, statuses: Iterable[str], mode: str,
                    edges: pl.DataFrame | None, include_generic: bool = False) -> tuple:
    """:func:`_prepare` of the signed relations and the windows' :func:`_pair_signs`, kept for the frame
    until it is asked with other arguments (balance and blocs of the same periods share one)."""
    if edges is None:
        edges = edge_frame(G)
    periods = yearly(edges=edges) if periods is None else list(periods)
    statuses = (statuses,) if isinstance(statuses, str) else tuple(statuses)  # a lone status, or any iterable
    key = (tuple(periods), statuses, mode, include_generic)
    entry = _frame_memo(edges)
    if entry.get("signed_key") != key:
        entry.pop("signed", None)  # let the last one go first
        prepared = _prepare(G, periods=periods, statuses=statuses, mode=mode, edges=edges,
                            include_generic=include_generic, relations=SIGNED)
        entry["signed"], entry["signed_key"] = (*prepared, _pair_signs(prepared[2])), key
    return entry["signed"]


def _period_frame(periods: Sequence[Period]) -> pl.DataFrame:
    """One row per period: ``_p`` and the period columns every result starts with."""
    return pl.DataFrame({
        "_p": list(range(len(periods))),
        "period": [p.id for p in periods],
        "period_label": [p.label for p in periods],
        "start": [p.start.isoformat() for p in periods],
        "end": [p.end.isoformat() if p.end else None for p in periods],
    }, schema={"_p": pl.Int64, "period": pl.Utf8, "period_label": pl.Utf8, "start": pl.Utf8, "end": pl.Utf8})


def _cite(frame: pl.DataFrame, full: pl.DataFrame, cols: Sequence[str] = _CITE) -> pl.DataFrame:
    """``frame`` with the cited event's columns, gathered by its ``_row``."""
    return frame.hstack(full.select(cols).gather(frame["_row"]).get_columns())


def _pair_signs(rows: pl.DataFrame) -> pl.DataFrame:
    """One row per (window, pair): the latest event's sign and row, events, ambivalence; by window, a, b.

    ``_a`` and ``_b`` number the actors of every window together, in sorted order."""
    signed = rows.filter(pl.col("sign") != 0)
    # the actors numbered in sorted order: pairs are grouped and sorted by number, not by name
    names = pl.Enum(pl.concat([signed["a"], signed["b"]]).unique().sort().to_list())
    signed = signed.with_columns(pl.col("a").cast(names).to_physical().alias("_a"),
                                 pl.col("b").cast(names).to_physical().alias("_b"))
    # rows are sorted by (start, end, edge_id) and polars keeps row order within a
    # group; the latest event precise in the window wins over imprecise ones
    precise = ~pl.col("imprecise")
    return signed.group_by("_p", "_a", "_b").agg(
        pl.col("a").first(), pl.col("b").first(),
        pl.coalesce(pl.col("_row").filter(precise).last(), pl.col("_row").last()),
        pl.coalesce(pl.col("sign").filter(precise).last(), pl.col("sign").last()),
        pl.col("imprecise").all(),
        pl.len().cast(pl.Int64).alias("events"),
        (pl.col("sign").min() != pl.col("sign").max()).alias("ambivalent"),
    ).sort("_p", "_a", "_b")


def _windows(p_col: list[int]) -> dict[int, tuple[int, int]]:
    """Slices [lo, hi) of each window in a list sorted by window index (a binary search per window)."""
    out: dict[int, tuple[int, int]] = {}
    lo = 0
    while lo < len(p_col):
        hi = bisect_right(p_col, p_col[lo], lo)
        out[p_col[lo]] = (lo, hi)
        lo = hi
    return out


def signed_pairs(G: Any, *, periods: Sequence[Period] | None = None,
                 statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "within",
                 edges: pl.DataFrame | None = None, include_generic: bool = False) -> pl.DataFrame:
    """The signed pairs of each window with the event that set each pair's sign.

    Columns: period, period_label, a, b, sign, events (the pair's signed
    events in the window), ambivalent (both signs among them), imprecise (the
    deciding event spills over the window), then the deciding event's
    relation, kind (for allied-with: alliance, joint-action, support or link),
    date, status, edge_id, doc and evidence. Sorted by period (in
    the given order), a, b.
    """
    periods, full, rows, _, _ = _prepare(G, periods=periods, statuses=statuses, mode=mode, edges=edges, include_generic=include_generic,
                                      relations=SIGNED)
    pairs = _cite(_pair_signs(rows), full)
    meta = _period_frame(periods).select("_p", "period", "period_label")
    return (pairs.join(meta, on="_p", how="left").sort("_p", "a", "b")
            .select("period", "period_label", "a", "b", "sign", "events", "ambivalent", "imprecise", *_CITE))


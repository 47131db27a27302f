"""Structural balance of the signed actor network, one time window at a time.

**The signed graph of a window.** The fought-against and allied-with edges a
window holds (:func:`actors.network.windows.assign_periods`; undated edges belong to
no window) whose status is among ``statuses`` become one undirected signed
pair graph: allied-with is +1, fought-against -1. Denied edges are left out
by default, claimed and alleged ones kept. split-from and member-of carry no
sign and stay out; so do self-loops (an actor "against itself" is an
extraction slip, not a relation).

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

**Balance.** A triangle is balanced when the product of its three signs is
positive (the enemy of my enemy is my friend). The frustration index is the
fewest pairs whose removal leaves a balanced graph: the minimum, over all
splits of the actors into two camps, of the allied pairs across camps plus
the hostile pairs within a camp. It is NP-hard in general but adds up over
the graph's biconnected blocks (camps of two blocks can be swapped
independently at the actor they share), so each block is solved on its own:

* a bridge (a block of one pair) is never frustrated;
* exactly, when the block has at most ``exact_limit`` actors (default
  :data:`EXACT_LIMIT` = 18): every split with one actor's camp fixed is
  visited in Gray-code order, one actor switching camp per step and the
  count updated from that actor's pairs only (2**17 steps, under 0.1 s). So
  that many such blocks cannot add up to minutes, a graph gets at most
  :data:`EXACT_BUDGET` steps in all; blocks past it go to the heuristic;
* otherwise by the ``"local-search upper bound"``: from deterministic starts
  (everyone in one camp, and greedy breadth-first splits grown from the
  best-connected actors, as many as :data:`START_BUDGET` pair visits allow,
  1 to :data:`MAX_STARTS`), switch single actors to the other camp while that
  lowers the count (at most :data:`MAX_SWEEPS` sweeps, each linear in the
  block's pairs) and keep the best. It is never below the true index and is
  exact on balanced blocks, where the greedy split is already the answer.

``frustration_method`` says "exact" only when every block was solved
exactly. The camps found also name the frustrated pairs
(:func:`frustrated_edges`): one optimal (or best found) split, chosen
deterministically; another split may frustrate other pairs, never fewer.

>>> import networkx as nx
>>> S = nx.Graph([("x", "y", {"sign": -1}), ("y", "z", {"sign": -1}), ("x", "z", {"sign": -1})])
>>> frustration_index(S)[:2]
(1, 'exact')
>>> G = nx.MultiDiGraph()
>>> for k, (u, v, rel) in enumerate([("x", "y", "fought-against"), ("y", "z", "allied-with"),
...                                  ("x", "z", "allied-with")]):
...     _ = G.add_edge(u, v, key=f"e{k}", relation=rel, status="reported", date="2001",
...                    start="2001-01-01", end="2002-01-01", doc="d.txt", evidence=f"Sentence {k}.")
>>> structural_balance(G).select("period", "triangles", "balanced_triangles", "frustration_index").row(0)
('2001', 1, 0, 1)
>>> frustrated_edges(G).select("a", "b", "relation", "edge_id").row(0)
('x', 'y', 'fought-against', 'e0')
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any

import networkx as nx
import polars as pl

from actors.network.graph import edge_frame
from actors.schema import STATUSES
from actors.network.windows import MODES, Period, assign_periods, yearly

__all__ = ["structural_balance", "frustrated_edges", "balance_tables", "frustration_index", "signed_pairs",
           "EXACT_LIMIT"]

#: Largest biconnected block (in actors) whose frustration is found by exhaustive enumeration.
EXACT_LIMIT = 18
#: Exhaustive colourings allowed per graph (about a second of work); blocks beyond it get the heuristic.
EXACT_BUDGET = 1 << 21
#: Most sweeps of single-actor switching per start in the heuristic.
MAX_SWEEPS = 50
#: Greedy starts of the heuristic: as many as fit START_BUDGET pair visits, 1 to MAX_STARTS.
MAX_STARTS = 16
START_BUDGET = 40_000
HEURISTIC = "local-search upper bound"
DEFAULT_STATUSES: tuple[str, ...] = ("reported", "claimed", "alleged")
SIGNED: tuple[str, ...] = ("fought-against", "allied-with")

# Columns of the cited event, gathered from the edge frame by row number.
_CITE = ("relation", "date", "status", "edge_id", "doc", "evidence")


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
             ) -> tuple[list[Period], pl.DataFrame, pl.DataFrame, int]:
    """(periods, edge frame with ``_row``, kept rows placed in windows with ``_p``, undated kept rows).

    The rows are narrowed to a few columns before windowing (copying the
    evidence text once per window is what costs) and sorted by
    (start, end, edge_id), so "last in its group" is "latest".
    """
    statuses = _check(statuses, mode)
    if edges is None:
        edges = edge_frame(G)
    periods = yearly(edges=edges) if periods is None else list(periods)
    full = edges.with_row_index("_row")
    kept = (full.filter(pl.col("relation").is_in(list(relations))
                        & pl.col("status").fill_null("reported").is_in(list(statuses))
                        & (pl.col("a") != pl.col("b"))
                        # a generic mention ("the Islamists") is many actors at once: kept apart
                        & (pl.lit(include_generic) | ~pl.col("generic").fill_null(False)))
            .select("_row", "a", "b", "source", "target", "relation", "sign", "start", "end", "edge_id")
            .sort("start", "end", "edge_id", nulls_last=True))
    undated = kept.filter(pl.col("start").is_null()).height
    parts = [assign_periods(kept, [p], mode=mode).with_columns(pl.lit(i, dtype=pl.Int64).alias("_p"))
             for i, p in enumerate(periods)]
    if parts:
        rows = pl.concat(parts)
    else:
        rows = kept.head(0).with_columns(pl.lit(False).alias("imprecise"), pl.lit(0, dtype=pl.Int64).alias("_p"))
    return periods, full, rows, undated


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
    """One row per (window, pair): the latest event's sign and row, events, ambivalence."""
    signed = rows.filter(pl.col("sign") != 0)
    # rows are sorted by (start, end, edge_id) and polars keeps row order within a
    # group; the latest event precise in the window wins over imprecise ones
    precise = ~pl.col("imprecise")
    return signed.group_by("_p", "a", "b").agg(
        pl.coalesce(pl.col("_row").filter(precise).last(), pl.col("_row").last()),
        pl.coalesce(pl.col("sign").filter(precise).last(), pl.col("sign").last()),
        pl.col("imprecise").all(),
        pl.len().cast(pl.Int64).alias("events"),
        (pl.col("sign").min() != pl.col("sign").max()).alias("ambivalent"),
    ).sort("_p", "a", "b")


def _windows(p_col: list[int]) -> dict[int, tuple[int, int]]:
    """Slices [lo, hi) of each window in a list sorted by window index."""
    out: dict[int, tuple[int, int]] = {}
    lo = 0
    for i in range(1, len(p_col) + 1):
        if i == len(p_col) or p_col[i] != p_col[lo]:
            out[p_col[lo]] = (lo, i)
            lo = i
    return out


def signed_pairs(G: Any, *, periods: Sequence[Period] | None = None,
                 statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "overlap",
                 edges: pl.DataFrame | None = None, include_generic: bool = False) -> pl.DataFrame:
    """The signed pairs of each window with the event that set each pair's sign.

    Columns: period, period_label, a, b, sign, events (the pair's signed
    events in the window), ambivalent (both signs among them), imprecise (the
    deciding event spills over the window), then the deciding event's
    relation, date, status, edge_id, doc and evidence. Sorted by period (in
    the given order), a, b.
    """
    periods, full, rows, _ = _prepare(G, periods=periods, statuses=statuses, mode=mode, edges=edges, include_generic=include_generic,
                                      relations=SIGNED)
    pairs = _cite(_pair_signs(rows), full)
    meta = _period_frame(periods).select("_p", "period", "period_label")
    return (pairs.join(meta, on="_p", how="left").sort("_p", "a", "b")
            .select("period", "period_label", "a", "b", "sign", "events", "ambivalent", "imprecise", *_CITE))


# -- frustration on an integer-labelled signed graph ---------------------------

# Adjacency below holds plain ints, never tuples: a window's graph has tens of
# thousands of pairs, and that many small tracked objects makes the cyclic
# garbage collector cost more than the algorithms themselves. A block's
# neighbour entry is ``2 * j + 1`` for an allied pair with j, ``2 * j`` for a
# hostile one.

def _blocks(n: int, eu: list[int], ev: list[int]) -> list[list[int]]:
    """Biconnected blocks as lists of edge numbers, in Tarjan's (post-)order.

    Iterative, linear. Reversed, each block after the first of its component
    shares exactly one actor (its cut vertex) with the blocks before it.
    """
    inc: list[list[int]] = [[] for _ in range(n)]
    for e, (u, v) in enumerate(zip(eu, ev)):
        inc[u].append(e)
        inc[v].append(e)
    disc = [-1] * n
    low = [0] * n
    blocks: list[list[int]] = []
    clock = 0
    for root in range(n):
        if disc[root] != -1 or not inc[root]:
            continue
        disc[root] = low[root] = clock
        clock += 1
        stack = [(root, -1, iter(inc[root]), 0)]
        estack: list[int] = []
        while stack:
            u, pe, it, at = stack[-1]
            for e in it:
                if e == pe:
                    continue
                v = eu[e] + ev[e] - u
                if disc[v] == -1:
                    estack.append(e)
                    disc[v] = low[v] = clock
                    clock += 1
                    stack.append((v, e, iter(inc[v]), len(estack) - 1))
                    break
                if disc[v] < disc[u]:  # back edge to an ancestor, pushed once from below
                    estack.append(e)
                    if disc[v] < low[u]:
                        low[u] = disc[v]
            else:
                stack.pop()
                if stack:
                    p = stack[-1][0]
                    if low[u] < low[p]:
                        low[p] = low[u]
                    if low[u] >= disc[p]:  # p separates u's subtree: close a block
                        blocks.append(estack[at:])  # from the tree edge p-u on
                        del estack[at:]
    return blocks


def _exact(adj: list[list[int]]) -> tuple[int, list[int]]:
    """Minimum frustration of a block by Gray-code enumeration of its 2-colourings.

    Actors are renumbered by rising degree so the ones switched most often
    have the fewest pairs to update; the last (best connected) stays in camp 0.
    """
    k = len(adj)
    order = sorted(range(k), key=lambda i: len(adj[i]))
    new = [0] * k
    for i, old in enumerate(order):
        new[old] = i
    adj = [[2 * new[x >> 1] + (x & 1) for x in adj[old]] for old in order]
    colour = [0] * k
    # all in camp 0: the hostile pairs are frustrated; switching i changes the count by gain[i]
    cur = sum(1 for row in adj for x in row if not x & 1) // 2
    gain = [sum(1 if x & 1 else -1 for x in row) for row in adj]
    best, best_t = cur, 0
    if best:
        for t in range(1, 1 << (k - 1)):
            i = (t & -t).bit_length() - 1
            cur += gain[i]
            ci = colour[i]
            for x in adj[i]:
                if (ci != colour[x >> 1]) == (x & 1):  # frustrated before the switch, satisfied after
                    gain[x >> 1] += 2
                else:
                    gain[x >> 1] -= 2
            colour[i] = ci ^ 1
            gain[i] = -gain[i]
            if cur < best:
                best, best_t = cur, t
                if not best:
                    break
    gray = best_t ^ (best_t >> 1)
    return best, [(gray >> new[old]) & 1 for old in range(k)]


def _descend(adj: list[list[int]], colour: list[int]) -> int:
    """Switch single actors while that lowers the count (in place); return the count."""
    gain = [0] * len(adj)
    twice = 0  # each frustrated pair is seen from both ends
    for i, row in enumerate(adj):
        g = 0
        ci = colour[i]
        for x in row:
            if (ci == colour[x >> 1]) == (x & 1):
                g += 1
            else:
                g -= 1
                twice += 1
        gain[i] = g
    cur = twice // 2
    for _ in range(MAX_SWEEPS):
        moved = False
        for i, g in enumerate(gain):
            if g < 0:
                cur += g
                ci = colour[i]
                for x in adj[i]:
                    if (ci != colour[x >> 1]) == (x & 1):
                        gain[x >> 1] += 2
                    else:
                        gain[x >> 1] -= 2
                colour[i] = ci ^ 1
                gain[i] = -g
                moved = True
        if not moved:
            break
    return cur


def _greedy_start(adj: list[list[int]], root: int) -> list[int]:
    """Camps by breadth-first search from ``root``, each actor taking the camp that
    frustrates fewer pairs with those already placed."""
    colour = [-1] * len(adj)
    colour[root] = 0
    queue = [root]
    for u in queue:  # the list grows as we go: a breadth-first queue
        for y in adj[u]:
            v = y >> 1
            if colour[v] != -1:
                continue
            lean = 0  # pairs camp 1 would frustrate minus those camp 0 would
            for x in adj[v]:
                cw = colour[x >> 1]
                if cw != -1:
                    lean += -1 if cw == x & 1 else 1  # camp cw suits an ally, the other an enemy
            colour[v] = 1 if lean < 0 else 0
            queue.append(v)
    return colour


def _heuristic(adj: list[list[int]]) -> tuple[int, list[int]]:
    """Best of local searches from everyone in one camp and from greedy camps grown
    from the best-connected actors (as many roots as :data:`START_BUDGET` allows)."""
    pairs = sum(map(len, adj)) // 2
    roots = sorted(range(len(adj)), key=lambda i: (-len(adj[i]), i))
    roots = roots[:max(1, min(MAX_STARTS, START_BUDGET // max(pairs, 1)))]
    best: tuple[int, list[int]] | None = None
    for colour in [[0] * len(adj)] + [_greedy_start(adj, r) for r in roots]:
        value = _descend(adj, colour)
        if best is None or value < best[0]:
            best = (value, colour)
    assert best is not None
    return best


def _solve(n: int, eu: list[int], ev: list[int], es: list[bool], exact_limit: int
           ) -> tuple[int, bool, list[int], int]:
    """(frustration, exact?, camp of each actor, largest block) of a simple signed graph.

    ``es[e]`` is True for an allied pair. Blocks are solved apart and their
    camps aligned at shared actors (swapping a block's camps keeps its count).
    """
    colour = [-1] * n
    total, exact, largest = 0, True, 0
    # exhaustive steps left: many mid-sized blocks must not add up to minutes
    budget = max(EXACT_BUDGET, 1 << (exact_limit - 1))
    for block in reversed(_blocks(n, eu, ev)):
        if len(block) == 1:  # a bridge is never frustrated
            e = block[0]
            nodes = [min(eu[e], ev[e]), max(eu[e], ev[e])]
            value, local = 0, [0, 0 if es[e] else 1]
        else:
            nodes = sorted({x for e in block for x in (eu[e], ev[e])})
            index = {x: i for i, x in enumerate(nodes)}
            adj: list[list[int]] = [[] for _ in nodes]
            for e in block:
                i, j, p = index[eu[e]], index[ev[e]], es[e]
                adj[i].append(2 * j + p)
                adj[j].append(2 * i + p)
            if len(nodes) <= exact_limit and 1 << (len(nodes) - 1) <= budget:
                budget -= 1 << (len(nodes) - 1)
                value, local = _exact(adj)
            else:
                value, local = _heuristic(adj)
                exact = False
        largest = max(largest, len(nodes))
        total += value
        # the first block of a component holds its lowest actor (the search's root): put it in
        # camp 0; later blocks share exactly one placed actor and follow it
        flip = local[0]
        for x, c in zip(nodes, local):
            if colour[x] != -1:
                flip = colour[x] ^ c
                break
        for x, c in zip(nodes, local):
            colour[x] = c ^ flip
    return total, exact, [max(c, 0) for c in colour], largest


def _frustrated(eu: list[int], ev: list[int], es: list[bool], colour: list[int]) -> list[int]:
    """Edge numbers the camps leave frustrated (allied across, hostile within)."""
    return [e for e, (u, v, p) in enumerate(zip(eu, ev, es)) if (colour[u] == colour[v]) != p]


def _triangles(n: int, eu: list[int], ev: list[int], es: list[bool]) -> tuple[int, int]:
    """(triangles, balanced triangles) by the forward algorithm on signed neighbour sets.

    Each pair is oriented towards its higher (degree, number) end and a
    triangle found once, at its lowest pair, by intersecting out-sets. Entries
    are ``2 * w + 1`` (allied) or ``2 * w`` (hostile), so intersecting u's set
    with v's counts the third actors w whose pairs with u and v agree in sign
    (product +1) and with v's flipped set those that differ: only set sizes
    are counted, no triangle is visited in Python.
    """
    deg = [0] * n
    for u, v in zip(eu, ev):
        deg[u] += 1
        deg[v] += 1
    rank = [0] * n
    for r, x in enumerate(sorted(range(n), key=deg.__getitem__)):
        rank[x] = r
    out: list[set[int]] = [set() for _ in range(n)]
    flipped: list[set[int]] = [set() for _ in range(n)]
    low, high = [], []
    for u, v, p in zip(eu, ev, es):
        if rank[u] > rank[v]:
            u, v = v, u
        out[u].add(2 * v + p)
        flipped[u].add(2 * v + 1 - p)
        low.append(u)
        high.append(v)
    total = balanced = 0
    for u, v, p in zip(low, high, es):
        ou, ov = out[u], out[v]
        if not ou or not ov:
            continue
        same = len(ou & ov)
        cross = len(ou & flipped[v])
        total += same + cross
        balanced += same if p else cross
    return total, balanced


def _node_order(nodes: Iterable[Hashable]) -> list[Hashable]:
    nodes = list(nodes)
    try:
        return sorted(nodes)
    except TypeError:  # mixed types: keep the graph's own order
        return nodes


def frustration_index(S: nx.Graph, *, exact_limit: int = EXACT_LIMIT) -> tuple[int, str, dict[Hashable, int]]:
    """(frustration index, method, camp 0/1 of each actor) of a signed graph.

    ``S`` is undirected with an edge attribute ``sign`` (positive or negative
    number; anything else is an error). The method is ``"exact"`` when every
    biconnected block has at most ``exact_limit`` actors, else
    ``"local-search upper bound"`` (see the module docstring). A hostile
    self-loop is always frustrated and counts; an allied one never does.

    >>> import networkx as nx
    >>> S = nx.Graph([(1, 2, {"sign": 1}), (2, 3, {"sign": -1}), (1, 3, {"sign": -1})])
    >>> frustration_index(S)
    (0, 'exact', {1: 0, 2: 0, 3: 1})
    """
    if exact_limit < 1:
        raise ValueError("exact_limit must be at least 1")
    nodes = _node_order(S.nodes)
    index = {x: i for i, x in enumerate(nodes)}
    eu, ev, es = [], [], []
    loops = 0
    for u, v, s in S.edges(data="sign"):
        if not isinstance(s, (int, float)) or s == 0 or s != s:
            raise ValueError(f"edge {u!r}-{v!r} needs a positive or negative 'sign', not {s!r}")
        if u == v:
            loops += s < 0
            continue
        eu.append(index[u])
        ev.append(index[v])
        es.append(s > 0)
    total, exact, colour, _ = _solve(len(nodes), eu, ev, es, exact_limit)
    return total + loops, "exact" if exact else HEURISTIC, dict(zip(nodes, colour))


# -- the per-window analyses -----------------------------------------------------

def balance_tables(G: Any, *, periods: Sequence[Period] | None = None,
                   statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "overlap",
                   edges: pl.DataFrame | None = None, include_generic: bool = False, exact_limit: int = EXACT_LIMIT
                   ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(:func:`structural_balance`, :func:`frustrated_edges`) from one pass: what a report wants."""
    if exact_limit < 1:
        raise ValueError("exact_limit must be at least 1")
    periods, full, rows, undated = _prepare(G, periods=periods, statuses=statuses, mode=mode, edges=edges, include_generic=include_generic,
                                            relations=SIGNED)
    pairs = _pair_signs(rows)
    counts = rows.group_by("_p").agg(pl.len().alias("events"), pl.col("imprecise").sum().alias("imprecise_edges"))
    p_col, a_col, b_col = pairs["_p"].to_list(), pairs["a"].to_list(), pairs["b"].to_list()
    s_col, amb_col = pairs["sign"].to_list(), pairs["ambivalent"].to_list()
    spans = _windows(p_col)
    summary = []
    hit: list[int] = []  # pair rows left frustrated
    example: list[int | None] = []  # one pair row cited per window
    for w in range(len(periods)):
        lo, hi = spans.get(w, (0, 0))
        names = sorted(set(a_col[lo:hi]) | set(b_col[lo:hi]))
        index = {x: i for i, x in enumerate(names)}
        eu = [index[x] for x in a_col[lo:hi]]
        ev = [index[x] for x in b_col[lo:hi]]
        es = [s > 0 for s in s_col[lo:hi]]
        value, exact, colour, largest = _solve(len(names), eu, ev, es, exact_limit)
        bad = _frustrated(eu, ev, es, colour)
        tri, bal = _triangles(len(names), eu, ev, es)
        hit.extend(lo + e for e in bad)
        example.append(lo + bad[0] if bad else (lo if hi > lo else None))
        positive = sum(es)
        summary.append({
            "_p": w, "actors": len(names), "positive": positive, "negative": (hi - lo) - positive,
            "ambivalent_pairs": sum(amb_col[lo:hi]), "triangles": tri, "balanced_triangles": bal,
            "balanced_share": bal / tri if tri else None, "frustration_index": value,
            "frustration_share": value / (hi - lo) if hi > lo else None,
            "frustration_method": "exact" if exact else HEURISTIC, "largest_block": largest,
        })
        assert value == len(bad), "block counts must add up to the camps' frustrated pairs"
    schema = {"_p": pl.Int64, "actors": pl.Int64, "positive": pl.Int64, "negative": pl.Int64,
              "ambivalent_pairs": pl.Int64, "triangles": pl.Int64, "balanced_triangles": pl.Int64,
              "balanced_share": pl.Float64, "frustration_index": pl.Int64, "frustration_share": pl.Float64,
              "frustration_method": pl.Utf8, "largest_block": pl.Int64}
    table = pl.DataFrame(summary, schema=schema, orient="row")
    cited = _cite(pairs.select("_row", "a", "b").gather([i for i in example if i is not None]), full,
                  ("edge_id", "doc", "date", "evidence"))
    cited = cited.with_columns(pl.Series("_p", [w for w, i in enumerate(example) if i is not None], dtype=pl.Int64),
                               pl.concat_str("a", pl.lit("–"), "b").alias("example_pair"))
    meta = _period_frame(periods)
    table = (meta.join(table, on="_p", how="left")
             .join(counts, on="_p", how="left")
             .join(cited.select("_p", "example_pair", "edge_id", "doc", "date", "evidence"), on="_p", how="left")
             .with_columns(pl.col("events", "imprecise_edges").fill_null(0).cast(pl.Int64),
                           pl.lit(undated, dtype=pl.Int64).alias("undated_edges"))
             .sort("_p"))
    bad_pairs = (_cite(pairs.gather(hit), full)
                 .join(table.select("_p", "period", "period_label", "frustration_method"), on="_p", how="left")
                 .sort("_p", "a", "b")
                 .select("period", "period_label", "a", "b", "sign", *_CITE[:3], "edge_id", "doc", "evidence",
                         "events", "ambivalent", "imprecise", "frustration_method"))
    table = table.select("period", "period_label", "start", "end", "actors", "positive", "negative",
                         "ambivalent_pairs", "events", "imprecise_edges", "undated_edges", "triangles",
                         "balanced_triangles", "balanced_share", "frustration_index", "frustration_share",
                         "frustration_method", "largest_block", "example_pair", "edge_id", "doc", "date", "evidence")
    return table, bad_pairs


def structural_balance(G: Any, *, periods: Sequence[Period] | None = None,
                       statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "overlap",
                       edges: pl.DataFrame | None = None, include_generic: bool = False, exact_limit: int = EXACT_LIMIT) -> pl.DataFrame:
    """Balance of each window's signed graph: one row per period, in the given order.

    ``periods`` defaults to :func:`actors.network.windows.yearly` over the graph's
    dated span; ``edges`` is an optional precomputed (unfiltered)
    :func:`actors.network.graph.edge_frame`. Columns: period, period_label, start,
    end (ISO; end exclusive, null when open), actors, positive and negative
    (pairs by their sign in the window), ambivalent_pairs, events (signed
    edges in the window), imprecise_edges (of those, the ones whose date
    spills over the window), undated_edges (signed edges with a kept status
    and no date, in no window), triangles, balanced_triangles, balanced_share
    (null without triangles), frustration_index, frustration_share (over the
    pairs), frustration_method, largest_block (actors in the largest
    biconnected block: above ``exact_limit`` the index is an upper bound),
    and a cited example: example_pair, edge_id, doc, date and evidence of the
    event that set the first frustrated pair's sign (by a, b), or the first
    pair's when none is frustrated (null for a window without pairs).
    """
    return balance_tables(G, periods=periods, statuses=statuses, mode=mode, edges=edges, exact_limit=exact_limit,
                          include_generic=include_generic)[0]


def frustrated_edges(G: Any, *, periods: Sequence[Period] | None = None,
                     statuses: Iterable[str] = DEFAULT_STATUSES, mode: str = "overlap",
                     edges: pl.DataFrame | None = None, include_generic: bool = False, exact_limit: int = EXACT_LIMIT) -> pl.DataFrame:
    """The pairs each window's best camps leave frustrated: allies across camps, enemies within one.

    One row per frustrated pair and window, sorted by period then a, b, with
    the pair's sign and the event that set it (relation, date, status,
    edge_id, doc, evidence), its events in the window, ambivalent, imprecise
    and the window's frustration_method. Under the exact method another
    optimal split may frustrate other pairs (as many): the set shown is one
    optimum, chosen deterministically.
    """
    return balance_tables(G, periods=periods, statuses=statuses, mode=mode, edges=edges, exact_limit=exact_limit,
                          include_generic=include_generic)[1]

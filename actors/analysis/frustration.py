"""The frustration index of a signed graph.

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
(:func:`actors.analysis.balance.frustrated_edges`): one optimal (or best found) split, chosen
deterministically; another split may frustrate other pairs, never fewer.

>>> import networkx as nx
>>> S = nx.Graph([("x", "y", {"sign": -1}), ("y", "z", {"sign": -1}), ("x", "z", {"sign": -1})])
>>> frustration_index(S)[:2]
(1, 'exact')
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable

import networkx as nx

__all__ = ["frustration_index", "EXACT_LIMIT", "HEURISTIC"]

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


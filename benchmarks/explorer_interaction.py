"""The explorer as an analyst uses it: first render and each interaction, timed in Chromium.

Run: python3 benchmarks/explorer_interaction.py PAGE.html [--shots DIR] [--runs 3]
     python3 benchmarks/explorer_interaction.py --seeds-copies 2 [--shots DIR]
     python3 benchmarks/explorer_interaction.py --synthetic 2000 20000 [--shots DIR]

Opens a written explorer page (``graph.html`` of ``actors run``) in headless
Chromium, offline, and times, inside the page (``performance.now()`` around the
page's own handlers, then until the next frame is painted):

- first render: navigation start until vis-network has drawn;
- the busiest link's panel (its events, 50 at a time);
- the busiest actor's panel (its own event timeline);
- a search for the busiest actor's name;
- a phase preset: the first named period with events.

Target (issue 18): the first render and every interaction under 1 s at 1,000
times the seeds. With ``--shots DIR`` each step is also saved as a PNG
(initial, link panel, actor panel, search, preset), to be looked at.
``--seeds-copies N`` builds the page from N copies of the seeds first (CI runs
it with a small N so the script never rots); copies of one text are one event
told N times, so ``--synthetic ACTORS EVENTS`` builds a page of that many
distinct events too (the stress case). Needs Debian's chromium and
chromium-driver.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]

# Runs a handler, then waits for two animation frames (the browser has painted what it changed).
_TIMED = """
var done = arguments[arguments.length - 1], api = window.actorsExplorer, t0 = performance.now();
(function () { %s })();
requestAnimationFrame(function () { requestAnimationFrame(function () { done(performance.now() - t0); }); });
"""

_BUSIEST = """
var api = window.actorsExplorer, edges = api.edges.get(), best = null;
edges.forEach(function (e) { if (best === null || (e.value || 0) > (best.value || 0)) best = e; });
var deg = {};
edges.forEach(function (e) { deg[e.from] = (deg[e.from] || 0) + (e.value || 1); deg[e.to] = (deg[e.to] || 0) + (e.value || 1); });
var node = Object.keys(deg).sort(function (a, b) { return deg[b] - deg[a]; })[0];
var n = api.nodes.get(isNaN(Number(node)) ? node : Number(node));
return {edge: best ? best.id : null, node: n ? n.id : null, label: n ? String(n.label) : ""};
"""


def _drawn(driver, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not driver.execute_script("return document.body && document.body.dataset.drawn === 'true'"):
        if time.monotonic() > deadline:
            raise SystemExit("the page was never drawn")
        time.sleep(0.02)


def measure(page: Path, *, runs: int = 3, shots: Path | None = None) -> dict[str, float]:
    """Median milliseconds of each step over ``runs`` fresh loads of ``page``."""
    import chromium

    times: dict[str, list[float]] = {}
    with chromium.browser() as driver:
        driver.set_script_timeout(60)
        for run in range(runs):
            driver.get("about:blank")
            t0 = time.perf_counter()
            driver.get(page.resolve().as_uri())
            _drawn(driver)
            wall = (time.perf_counter() - t0) * 1000
            nav = driver.execute_script(
                "return window.actorsExplorer.firstDrawMs || performance.now()")
            times.setdefault("first render (in page)", []).append(nav)
            times.setdefault("first render (wall)", []).append(wall)
            shot = shots if (shots is not None and run == 0) else None
            if shot:
                driver.save_screenshot(str(shot / "1-initial.png"))
            busiest = driver.execute_script(_BUSIEST)
            steps = [
                ("busiest link panel", f"api.showLink({busiest['edge']!r});", "2-link-panel.png"),
                ("busiest actor panel", f"api.showActor({busiest['node']!r});", "3-actor-panel.png"),
                ("search", f"document.getElementById('search').value = {busiest['label']!r};"
                           " document.getElementById('search').dispatchEvent(new Event('change'));",
                 "4-search.png"),
                ("phase preset", "var b = Array.from(document.querySelectorAll('#presets button.preset'))"
                                 ".filter(function (x) { return x.dataset.period && !x.disabled; })[0];"
                                 " if (b) b.click();", "5-preset.png"),
            ]
            for name, code, png in steps:
                ms = driver.execute_async_script(_TIMED % code)
                times.setdefault(name, []).append(ms)
                if shot:
                    driver.save_screenshot(str(shot / png))
    return {k: statistics.median(v) for k, v in times.items()}


def _seed_copies_page(copies: int, folder: Path) -> Path:
    import shutil

    from actors.corpus import load_corpus
    from actors.render.explorer import explorer_html
    from actors.render.layout import positions

    corpus = folder / "corpus"
    corpus.mkdir()
    seeds = HERE.parent / "seeds"
    for n in range(copies):
        for f in sorted(seeds.glob("*.txt")):
            shutil.copy(f, corpus / f"c{n:04d}_{f.name}")
    graph = load_corpus(corpus).graph
    page = folder / "graph.html"
    page.write_text(explorer_html(graph, pos=positions(graph)), encoding="utf-8")
    return page


def _synthetic_page(actors: int, edges: int, folder: Path) -> Path:
    from graph_scale import synthetic_edges

    from actors.network.windows import phases
    from actors.network.graph import build_graph
    from actors.render.explorer import explorer_html
    from actors.render.layout import positions

    graph = build_graph(synthetic_edges(edges, actors, 20))
    page = folder / "graph.html"
    page.write_text(explorer_html(graph, pos=positions(graph), periods=phases()), encoding="utf-8")
    return page


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("page", nargs="?", type=Path, help="an explorer page (graph.html of actors run)")
    ap.add_argument("--seeds-copies", type=int, default=0, help="build the page from N copies of the seeds")
    ap.add_argument("--synthetic", nargs=2, type=int, metavar=("ACTORS", "EVENTS"),
                    help="build the page from a synthetic graph (benchmarks/graph_scale.py) of that size")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shots", type=Path, help="save a PNG of each step here")
    args = ap.parse_args()
    import chromium

    if not chromium.available():
        raise SystemExit(f"needs {chromium.CHROMIUM} and {chromium.CHROMEDRIVER}")
    with tempfile.TemporaryDirectory() as tmp:
        if args.synthetic:
            page = _synthetic_page(*args.synthetic, Path(tmp))
        else:
            page = args.page or _seed_copies_page(max(1, args.seeds_copies), Path(tmp))
        if args.shots:
            args.shots.mkdir(parents=True, exist_ok=True)
        result = measure(page, runs=args.runs, shots=args.shots)
        size = page.stat().st_size
    print(f"page: {size / 1e6:.2f} MB; medians of {args.runs} loads (target: each under 1000 ms)")
    for name, ms in result.items():
        print(f"  {name:26s} {ms:8.0f} ms{'' if ms < 1000 else '  OVER 1 s'}")


if __name__ == "__main__":
    main()

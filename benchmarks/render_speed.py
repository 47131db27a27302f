"""The explorer at scale: graph.html for 2,000 actors and 20,000 events.

Run: python3 benchmarks/render_speed.py [--actors 2000] [--edges 20000] [--runs 3]
Target (issue 4): the first render in headless Chromium takes <= 3 s. Measured
in the page as the time from navigation start to vis-network's first
"afterDrawing" event (parsing the inline scripts and data, building the data
sets and drawing), and from outside as the wall time from the driver's
navigation call until the page reports it has drawn. Also prints the Python
side: layout, page building, and the page's size.

The graph comes from graph_scale.synthetic_edges (heavy-tailed activity, all
four relations and statuses). Needs Debian's chromium and chromium-driver.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "tests")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--actors", type=int, default=2000)
    ap.add_argument("--edges", type=int, default=20000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()

    import chromium
    from graph_scale import synthetic_edges

    from actors.render.explorer import explorer_html
    from actors.network.graph import build_graph
    from actors.render.layout import positions

    G = build_graph(synthetic_edges(args.edges, args.actors, 20))
    print(f"graph: {G.number_of_nodes():,} actors, {G.number_of_edges():,} events")
    t = time.perf_counter()
    pos = positions(G)
    print(f"layout: {time.perf_counter() - t:.2f} s")
    t = time.perf_counter()
    page = explorer_html(G, pos=pos)
    print(f"page: {time.perf_counter() - t:.2f} s, {len(page.encode()) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp, chromium.browser() as driver:
        path = Path(tmp) / "graph.html"
        path.write_text(page, encoding="utf-8")
        for run in range(1, args.runs + 1):
            driver.get("about:blank")
            t = time.perf_counter()
            driver.get(path.as_uri())
            while not driver.execute_script("return document.body && document.body.dataset.drawn === 'true'"):
                time.sleep(0.01)
            wall = time.perf_counter() - t
            first = driver.execute_script("return window.actorsExplorer.firstDrawMs") / 1000
            links = driver.execute_script("return window.actorsExplorer.firstDrawLinks")
            # Moving the slider re-filters every event and redraws.
            t2 = driver.execute_script("""
                var s = document.getElementById('to'), t = performance.now();
                s.value = Math.round((Number(s.min) + Number(s.max)) / 2); s.dispatchEvent(new Event('input'));
                return performance.now() - t;""") / 1000
            errors = chromium.console_errors(driver)
            if run == 1:
                driver.save_screenshot(str(HERE / "render_speed.png"))
            print(f"run {run}: first render {first:.2f} s in the page, {wall:.2f} s wall; {links:,} links in that first draw; "
                  f"slider move {t2:.2f} s; console errors: {len(errors)}")
    print("target: first render <= 3 s")


if __name__ == "__main__":
    main()

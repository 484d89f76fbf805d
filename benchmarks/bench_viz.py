"""Benchmark `kg viz`: export time and file size of synthetic claim graphs.

Builds claim records between synthetic actors (one actor per four edges, skewed so
a few actors take part in many claims, as in news), folds them into a graph and
writes the HTML page, for 1k, 5k and 20k distinct (subject, relation, object)
edges. With --browser, also opens each page in headless Chromium with the network
blocked and times how long until the network is drawn.

    python benchmarks/bench_viz.py [--edges 1000 5000 20000] [--browser]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from extract.records import ACTOR_TYPES, RELATIONS
from kg.browser import find_chromium, headless_chromium
from kg.network import build_graph
from kg.viz import LAYOUT_THRESHOLD, write_html


def synthetic_claims(edges: int, *, seed: int = 7) -> list[dict[str, Any]]:
    """Return claim records making `edges` distinct edges (plus repeats) between actors."""
    rng = random.Random(seed)
    n_actors = max(10, edges // 4)
    actors = [
        {"id": f"a{i}", "label": f"Actor {i}", "type": rng.choice(ACTOR_TYPES)}
        for i in range(n_actors)
    ]
    weights = [1.0 / (i + 1) ** 0.6 for i in range(n_actors)]  # a few busy actors
    seen: set[tuple[str, str, str]] = set()
    claims: list[dict[str, Any]] = []
    while len(seen) < edges:
        subject, obj = rng.choices(actors, weights, k=2)
        if subject is obj:
            continue
        relation = rng.choice(RELATIONS)
        seen.add((subject["id"], relation, obj["id"]))
        n = len(claims)
        claims.append(
            {
                "id": f"c{n}",
                "doc": f"doc{n % 500}",
                "source": f"articles/{n % 500}.txt",
                "date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                "relation": relation,
                "subject": subject,
                "object": obj,
                "speaker": subject,
                "cue": "said",
                "quote": f"Quote number {n} about the matter at hand." if n % 3 == 0 else None,
                "text": f"Sentence {n}: {subject['label']} and {obj['label']} in the news.",
                "start": 0,
                "end": 40,
                "polarity": "affirmed",
                "modality": "asserted",
                "confidence": round(rng.uniform(0.3, 1.0), 2),
            }
        )
    return claims


def browser_draw_seconds(page: Path) -> float | None:
    """Seconds until the page has drawn its network in headless Chromium, or None."""
    from selenium.webdriver.support.ui import WebDriverWait

    if find_chromium() is None:
        return None
    profile = tempfile.mkdtemp(prefix="kg-bench-")
    try:
        with headless_chromium(Path(profile), page_load_timeout=300) as browser:
            start = time.perf_counter()
            browser.get(page.as_uri())
            WebDriverWait(browser, 300).until(
                lambda b: b.execute_script("return document.body.dataset.kgReady === 'true'")
            )
            # One more frame, so the first drawing of the canvas is included.
            browser.execute_async_script(
                "var done = arguments[arguments.length - 1]; requestAnimationFrame(function () {"
                " requestAnimationFrame(function () { done(); }); });"
            )
            return time.perf_counter() - start
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def main() -> None:
    """Run the benchmark and print one line per graph size."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edges", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--browser", action="store_true", help="also time drawing in Chromium")
    args = parser.parse_args()
    print(f"layout threshold: {LAYOUT_THRESHOLD} actors (above it: Python layout, physics off)")
    header = f"{'edges':>7} {'actors':>7} {'claims':>7} {'build s':>8} {'html s':>7} {'MiB':>6}"
    print(header + ("  browser s" if args.browser else ""))
    with tempfile.TemporaryDirectory() as folder:
        for edges in args.edges:
            claims = synthetic_claims(edges)
            start = time.perf_counter()
            graph = build_graph(claims)
            built = time.perf_counter() - start
            page = Path(folder) / f"graph-{edges}.html"
            start = time.perf_counter()
            summary = write_html(graph, page)
            written = time.perf_counter() - start
            line = (
                f"{graph.number_of_edges():>7} {graph.number_of_nodes():>7} {len(claims):>7} "
                f"{built:>8.2f} {written:>7.2f} {summary.bytes / 2**20:>6.1f}"
            )
            if args.browser:
                seconds = browser_draw_seconds(page)
                line += f"  {seconds:>9.2f}" if seconds is not None else "  (no chromium)"
            print(line, flush=True)


if __name__ == "__main__":
    main()

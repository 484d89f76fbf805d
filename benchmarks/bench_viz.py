"""Benchmark `kg viz`: export time and file size of synthetic claim graphs.

Builds claim records between synthetic actors (one actor per four edges, skewed so
a few actors take part in many claims, as in news), folds them into a graph and
writes the HTML page, for 1k, 5k and 20k distinct (subject, relation, object)
edges. With --browser, also opens each page in headless Chromium with the network
blocked and measures: seconds until the network is drawn; seconds until physics has
stopped (the layout is stable, or physics was off from the start; ">N" when it still
runs after N seconds); and frames per second while the view is dragged (panned), while
the busiest actor is dragged, and while the mouse wheel zooms in and out. Frames are the
browser's animation frames (requestAnimationFrame callbacks, which a long drawing
delays) during three seconds of trusted input sent through the DevTools protocol. A
frame can only show a move that has arrived, so the mouse moves per second that got
through while panning are printed too: a page is as smooth as the smaller of the two.
Pages that show the most central actors first are measured again after "Show all".
The machine may be shared: compare pages measured in the same run (--keep the pages
of one version, then --measure both versions' pages together).

    python benchmarks/bench_viz.py [--edges 1000 5000 20000] [--browser] [--keep DIR]
    python benchmarks/bench_viz.py --measure PAGE.html ...
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
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


#: Seconds of dragging per frame-rate measurement, and the longest wait for physics.
DRAG_SECONDS = 3.0
SETTLE_LIMIT = 60.0

_PHYSICS_RUNNING = (
    "var p = network.physics; return !!(p.options.enabled && p.physicsEnabled && !p.stabilized);"
)
_COUNT_FRAMES = (
    "window.__kgFrames = 0; window.__kgCounting = true;"
    "(function tick() { if (window.__kgCounting) { window.__kgFrames += 1;"
    " requestAnimationFrame(tick); } })();"
)
_STOP_COUNTING = "window.__kgCounting = false; return window.__kgFrames;"


@dataclass(frozen=True)
class BrowserFigures:
    """What one page measured in headless Chromium."""

    draw: float  # seconds until the network is drawn
    settle: float | None  # seconds until physics stopped; None: still running at the limit
    pan_fps: float  # frames per second while the view is dragged
    moves: float  # mouse moves per second that arrived while panning
    node_fps: float  # frames per second while a node is dragged
    zoom_fps: float  # frames per second while the wheel zooms
    shown: int  # actors drawn at first (a page may show the most central ones first)
    all_pan_fps: float | None  # the same after "Show all" (None: all were shown)
    all_node_fps: float | None
    all_zoom_fps: float | None


def _next_frames(browser: Any) -> None:
    browser.execute_async_script(
        "var done = arguments[arguments.length - 1]; requestAnimationFrame(function () {"
        " requestAnimationFrame(function () { done(); }); });"
    )


def _drag_fps(browser: Any, start: tuple[float, float]) -> tuple[float, float]:
    """Frames and mouse moves per second while the mouse drags from `start` in circles."""
    x0, y0 = start

    def mouse(kind: str, x: float, y: float) -> None:
        browser.execute_cdp_cmd(
            "Input.dispatchMouseEvent",
            {"type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1},
        )

    mouse("mousePressed", x0, y0)
    browser.execute_script(_COUNT_FRAMES)
    begin = time.perf_counter()
    step = 0
    while time.perf_counter() - begin < DRAG_SECONDS:
        step += 1
        angle = step / 8
        mouse("mouseMoved", x0 + 20 + 60 * math.cos(angle), y0 + 60 * math.sin(angle))
    frames = int(browser.execute_script(_STOP_COUNTING))
    elapsed = time.perf_counter() - begin
    mouse("mouseReleased", x0, y0)
    return frames / elapsed, step / elapsed


def _zoom_fps(browser: Any) -> float:
    """Frames per second while the mouse wheel zooms in and out at the centre."""
    x, y = browser.execute_script(
        "var r = document.getElementById('network').getBoundingClientRect();"
        "return [r.left + r.width / 2, r.top + r.height / 2];"
    )
    browser.execute_script(_COUNT_FRAMES)
    begin = time.perf_counter()
    step = 0
    while time.perf_counter() - begin < DRAG_SECONDS:
        step += 1
        browser.execute_cdp_cmd(
            "Input.dispatchMouseEvent",
            {"type": "mouseWheel", "x": x, "y": y, "deltaX": 0,
             "deltaY": 40 if (step // 10) % 2 else -40},
        )  # fmt: skip
    frames = int(browser.execute_script(_STOP_COUNTING))
    fps = frames / (time.perf_counter() - begin)
    browser.execute_script("network.fit();")
    time.sleep(0.5)  # the zoom ends
    return fps


def _pan_and_drag(browser: Any) -> tuple[float, float, float]:
    """Frames per second panning from an empty corner, then dragging the busiest actor."""
    left, top, _width, _height = browser.execute_script(
        "var r = document.getElementById('network').getBoundingClientRect();"
        "return [r.left, r.top, r.width, r.height];"
    )
    pan, moves = _drag_fps(browser, (left + 5, top + 5))
    node = browser.execute_script(
        "var ids = network.body.nodeIndices, best = ids[0];"
        "ids.forEach(function (id) { if (network.getConnectedEdges(id).length >"
        " network.getConnectedEdges(best).length) best = id; });"
        "network.moveTo({position: network.getPosition(best), scale: 1.0});"
        "var p = network.canvasToDOM(network.getPosition(best));"
        "var r = document.getElementById('network').getBoundingClientRect();"
        "return [r.left + p.x, r.top + p.y];"
    )
    _next_frames(browser)
    dragged, _ = _drag_fps(browser, (node[0], node[1]))
    browser.execute_script("network.fit();")
    _next_frames(browser)
    return pan, moves, dragged


def browser_figures(page: Path) -> BrowserFigures | None:
    """Measure a page in headless Chromium (see the module docstring), or None."""
    from selenium.webdriver.support.ui import WebDriverWait

    if find_chromium() is None:
        return None
    profile = tempfile.mkdtemp(prefix="kg-bench-")
    try:
        with headless_chromium(Path(profile), page_load_timeout=300) as browser:
            browser.set_window_size(1280, 900)
            start = time.perf_counter()
            browser.get(page.as_uri())
            WebDriverWait(browser, 300).until(
                lambda b: b.execute_script("return document.body.dataset.kgReady === 'true'")
            )
            _next_frames(browser)  # so the first drawing of the canvas is included
            draw = time.perf_counter() - start
            settle: float | None = None
            while time.perf_counter() - start < SETTLE_LIMIT:
                if not browser.execute_script(_PHYSICS_RUNNING):
                    settle = time.perf_counter() - start
                    break
                time.sleep(0.1)
            pan, moves, dragged = _pan_and_drag(browser)
            zoom = _zoom_fps(browser)
            shown = int(
                browser.execute_script(
                    "return network.body.data.nodes.get("
                    "{filter: function (n) { return !n.hidden; }}).length;"
                )
            )
            all_pan = all_node = all_zoom = None
            if shown < int(browser.execute_script("return network.body.data.nodes.length;")):
                browser.execute_script("kgShowAll(); network.fit();")
                _next_frames(browser)
                all_pan, _, all_node = _pan_and_drag(browser)
                all_zoom = _zoom_fps(browser)
            return BrowserFigures(
                draw=draw,
                settle=settle,
                pan_fps=pan,
                moves=moves,
                node_fps=dragged,
                zoom_fps=zoom,
                shown=shown,
                all_pan_fps=all_pan,
                all_node_fps=all_node,
                all_zoom_fps=all_zoom,
            )
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _figures_text(figures: BrowserFigures | None) -> str:
    if figures is None:
        return "  (no chromium)"
    settle = f"{figures.settle:.1f}" if figures.settle is not None else f">{SETTLE_LIMIT:.0f}"
    text = (
        f"  {figures.draw:>6.2f} {settle:>8} {figures.shown:>6} "
        f"{figures.pan_fps:>7.1f} {figures.moves:>7.1f} {figures.node_fps:>8.1f}"
        f" {figures.zoom_fps:>8.1f}"
    )
    if figures.all_pan_fps is not None:
        text += (
            f" {figures.all_pan_fps:>7.1f} {figures.all_node_fps or 0:>8.1f}"
            f" {figures.all_zoom_fps or 0:>8.1f}"
        )
    return text


BROWSER_HEADER = (
    f"  {'draw s':>6} {'settle s':>8} {'shown':>6} {'pan fps':>7} {'moves/s':>7} {'node fps':>8}"
    f" {'zoom fps':>8} {'all pan':>7} {'all node':>8} {'all zoom':>8}"
)


def main() -> None:
    """Run the benchmark and print one line per graph size (or per page measured)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edges", type=int, nargs="+", default=[1000, 5000, 20000])
    parser.add_argument("--browser", action="store_true", help="also measure in Chromium")
    parser.add_argument("--keep", type=Path, help="write the pages to this folder and keep them")
    parser.add_argument(
        "--measure",
        type=Path,
        nargs="+",
        help="only measure these pages in Chromium (e.g. pages kept from another version)",
    )
    args = parser.parse_args()
    if args.measure:
        print(f"{'page':<40}" + BROWSER_HEADER)
        for page in args.measure:
            print(f"{str(page)[-40:]:<40}" + _figures_text(browser_figures(page)), flush=True)
        return
    print(f"layout threshold: {LAYOUT_THRESHOLD} actors (above it: Python layout, physics off)")
    header = f"{'edges':>7} {'actors':>7} {'claims':>7} {'build s':>8} {'html s':>7} {'MiB':>6}"
    print(header + (BROWSER_HEADER if args.browser else ""))
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        for edges in args.edges:
            claims = synthetic_claims(edges)
            start = time.perf_counter()
            graph = build_graph(claims)
            built = time.perf_counter() - start
            page = folder / f"graph-{edges}.html"
            start = time.perf_counter()
            summary = write_html(graph, page)
            written = time.perf_counter() - start
            line = (
                f"{graph.number_of_edges():>7} {graph.number_of_nodes():>7} {len(claims):>7} "
                f"{built:>8.2f} {written:>7.2f} {summary.bytes / 2**20:>6.1f}"
            )
            if args.browser:
                line += _figures_text(browser_figures(page))
            print(line, flush=True)


if __name__ == "__main__":
    main()

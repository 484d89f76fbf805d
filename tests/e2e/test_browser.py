"""The exported page in a real browser: headless Chromium with the network blocked.

Checks that `kg viz`'s single file draws the expected vis network offline, logs no
console error, and that hostile article text stays inert text. Skips cleanly when
Chromium, chromedriver or selenium is missing (`.ci/run` installs Debian's
`chromium` and `chromium-driver`).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kg.browser import find_chromium, headless_chromium
from kg.network import build_graph
from kg.viz import write_html

pytestmark = pytest.mark.browser

HOSTILE = (
    '<img src=x onerror="window.__pwned = 1"> </script>'
    "<script>window.__pwned = 2</script><b>bold?</b>"
)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    pytest.importorskip("selenium.webdriver")
    if find_chromium() is None:
        pytest.skip("headless Chromium or chromedriver is not installed")
    profile = tempfile.mkdtemp(prefix="kg-chromium-")
    try:
        with headless_chromium(Path(profile), console_log=True) as browser:
            yield browser
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _ref(actor_id: str, label: str, type_: str = "ArmedGroup") -> dict[str, str]:
    return {"id": actor_id, "label": label, "type": type_}


def _claim(n: int, subject: dict, relation: str, obj: dict | None, **extra: Any) -> dict:
    return {
        "id": f"c{n}",
        "doc": "https://w3id.org/claimgraph/id/doc/d1",
        "source": "articles/one.txt",
        "date": "2024-02-01",
        "relation": relation,
        "subject": subject,
        "object": obj,
        "speaker": subject,
        "cue": "said",
        "quote": None,
        "text": f"Sentence {n}.",
        "start": 0,
        "end": 11,
        "polarity": "affirmed",
        "modality": "asserted",
        "confidence": 0.8,
    } | extra


def _wait_ready(browser: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 30).until(
        lambda b: b.execute_script("return document.body.dataset.kgReady === 'true'")
    )


def _errors(browser: Any) -> list[str]:
    return [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]


@pytest.mark.parametrize(
    ("threshold", "physics"),
    [
        (750, True),  # small graph: the browser lays it out
        (2, False),  # forced over the threshold: positions from Python, physics off
    ],
)
def test_page_draws_offline_with_hostile_text_inert(
    driver: Any, tmp_path: Path, threshold: int, physics: bool
) -> None:
    kh = _ref("kh", "Kataib Hezbollah")
    us = _ref("us", "US government", "Government")
    pmf = _ref("pmf", "PMF <script>window.__pwned = 3</script>")
    claims = [
        _claim(1, us, "ACCUSE", kh, quote=HOSTILE),
        _claim(2, us, "ACCUSE", kh),
        _claim(3, kh, "DENY", us),
        _claim(4, kh, "AFFILIATED_WITH", pmf),
        _claim(5, pmf, "STATEMENT", None),
    ]
    graph = build_graph(claims, [{"id": "kh", "label": "Kataib Hezbollah", "aliases": [HOSTILE]}])
    page = tmp_path / "graph.html"
    write_html(graph, page, source="<b>store</b>", layout_threshold=threshold)

    driver.get(page.as_uri())
    _wait_ready(driver)

    counts = driver.execute_script(
        "return [network.body.data.nodes.length, network.body.data.edges.length,"
        " network.physics.options.enabled, network.body.data.nodes.get('kh').physics];"
    )
    assert counts[:2] == [graph.number_of_nodes(), graph.number_of_edges()] == [3, 3]
    assert counts[2] is physics
    assert counts[3] is (None if physics else False)  # large graphs pin every node
    assert _errors(driver) == []

    # Show every tooltip: vis-network builds the popup from our DOM element.
    titles = driver.execute_script(
        "var out = [];"
        "kgEdges.forEach(function (e) { out.push(e.title.textContent); });"
        "kgNodes.forEach(function (n) { out.push(n.title.textContent); });"
        "return out;"
    )
    assert any(HOSTILE in title for title in titles)  # shown as text, character for character
    driver.execute_script(
        "kgEdges.forEach(function (e) { document.body.appendChild(e.title); });"
        "kgNodes.forEach(function (n) { document.body.appendChild(n.title); });"
    )
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert driver.execute_script("return document.querySelectorAll('img, b').length") == 0
    header = driver.execute_script("return document.querySelector('header').textContent")
    assert "<b>store</b>" in header


def test_hovering_shows_hostile_text_as_text(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    kh, us = _ref("kh", "Kataib Hezbollah"), _ref("us", "US government", "Government")
    # Hostile in the node's alias and in the edge's quote: the pointer lands on the node,
    # where the edge also ends, and vis-network may show either tooltip.
    claims = [_claim(1, us, "ACCUSE", kh, quote=HOSTILE)]
    graph = build_graph(claims, [{"id": "kh", "aliases": [HOSTILE]}])
    page = tmp_path / "hover.html"
    write_html(graph, page, layout_threshold=1)  # fixed positions: the node stays put
    driver.get(page.as_uri())
    _wait_ready(driver)
    x, y, width, height = driver.execute_script(
        "var p = network.canvasToDOM(network.getPosition('kh'));"
        "var box = document.getElementById('network').getBoundingClientRect();"
        "return [p.x, p.y, box.width, box.height];"
    )
    container = driver.find_element(By.ID, "network")
    ActionChains(driver).move_to_element_with_offset(
        container, int(x - width / 2), int(y - height / 2)
    ).pause(0.2).move_by_offset(1, 0).perform()
    tooltip = WebDriverWait(driver, 10).until(
        lambda d: d.execute_script(
            "var t = document.querySelector('.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' && t.textContent ? t : null;"
        )
    )
    assert HOSTILE in tooltip.text  # shown character for character
    assert tooltip.find_elements(By.CSS_SELECTOR, "img, script, b") == []
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert _errors(driver) == []


def test_page_loads_nothing_from_the_network(driver: Any, tmp_path: Path) -> None:
    claims = [_claim(1, _ref("a", "Alpha"), "REQUEST", _ref("b", "Beta"))]
    page = tmp_path / "one.html"
    write_html(build_graph(claims), page)
    driver.get(page.as_uri())
    _wait_ready(driver)
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (r) { return r.name; });"
    )
    assert resources == []
    assert driver.execute_script("return typeof vis.Network") == "function"
    assert _errors(driver) == []

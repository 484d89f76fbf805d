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


def _wait_settled(browser: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, 30).until(
        lambda b: b.execute_script("return document.body.dataset.kgSettled === 'true'")
    )


def _next_frame(browser: Any) -> None:
    browser.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        " requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });"
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
        " KG_OPTIONS.physics.enabled, network.body.data.nodes.get('kh').physics];"
    )
    assert counts[:2] == [graph.number_of_nodes(), graph.number_of_edges()] == [3, 3]
    assert counts[2] is physics
    assert counts[3] is (None if physics else False)  # large graphs pin every node
    # Physics stops once the layout is stable: the page stops computing.
    _wait_settled(driver)
    assert driver.execute_script("return network.physics.options.enabled") is False
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


# ---- the controls: search, details panel, time slider, contested edges, show all -------


def _dispute_page(tmp_path: Path, *, threshold: int = 750, view: int = 300) -> Path:
    """A page where the US accuses KH (answered by KH's denial), the KRG accuses KH
    later, KH is part of the PMF, and the PMF says something with no target."""
    from kg.visnetwork import PageData

    kh = _ref("kh", "Kataib Hezbollah")
    us = _ref("us", "US government", "Government")
    krg = _ref("krg", "Kurdistan Regional Government", "Government")
    pmf = _ref("pmf", "PMF " + HOSTILE)
    claims = [
        _claim(1, us, "ACCUSE", kh, quote=HOSTILE, date="2024-01-10", text="Washington blamed KH."),
        _claim(2, kh, "DENY", us, date="2024-01-11", text="KH denied the charge " + HOSTILE),
        _claim(3, krg, "ACCUSE", kh, date="2024-03-02", text="Erbil blamed KH too."),
        _claim(4, kh, "AFFILIATED_WITH", pmf, date=None, text="KH is part of the PMF."),
        _claim(5, pmf, "STATEMENT", None, date="2024-03-05", text="The PMF spoke."),
    ]
    graph = build_graph(claims, [{"id": "kh", "label": "Kataib Hezbollah", "aliases": ["KH"]}])
    records = {c["id"]: c for c in claims}
    records["c1"] = records["c1"] | {"event_date": "2024-01-08", "title": "Drones " + HOSTILE}
    records["c3"] = records["c3"] | {"sources": 4}
    graph.nodes["pmf"]["own_claims"] = ("c5",)
    page = PageData(graph=graph, claims=records, responds=frozenset({("c2", "c1")}))
    path = tmp_path / "controls.html"
    write_html(page, path, layout_threshold=threshold, view=view)
    return path


def _edge_id(browser: Any, source: str, relation: str, target: str) -> str:
    return browser.execute_script(
        "var s = arguments[0], r = arguments[1], t = arguments[2];"
        "return kgEdges.get({filter: function (e) {"
        " return e.from === s && e.relation === r && e.to === t; }})[0].id;",
        source,
        relation,
        target,
    )


def _panel_claims(browser: Any) -> list[str]:
    return browser.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#details .kg-claim'),"
        " function (li) { return li.getAttribute('data-claim'); });"
    )


def _click_canvas(browser: Any, x: float, y: float) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    container = browser.find_element(By.ID, "network")
    width, height = browser.execute_script(
        "var r = document.getElementById('network').getBoundingClientRect();"
        "return [r.width, r.height];"
    )
    ActionChains(browser).move_to_element_with_offset(
        container, int(x - width / 2), int(y - height / 2)
    ).click().perform()


def test_search_focuses_the_actor_by_alias_any_case(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    page = _dispute_page(tmp_path)
    driver.get(page.as_uri())
    _wait_ready(driver)
    _wait_settled(driver)
    # Suggestions: every label and alias is an option of the search box's list.
    options = driver.execute_script(
        "return Array.prototype.map.call(document.querySelectorAll('#kg-names option'),"
        " function (o) { return o.value; });"
    )
    assert {"Kataib Hezbollah", "KH", "US government"} <= set(options)
    box = driver.find_element(By.ID, "kg-search")
    box.send_keys("kh", Keys.ENTER)  # an alias, in lower case
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script("return document.body.dataset.kgFocus") == "kh"
    )
    assert driver.execute_script("return network.getSelectedNodes()") == ["kh"]
    # The view moves to the actor (the focus animation takes 0.4 s).
    WebDriverWait(driver, 10).until(
        lambda d: d.execute_script(
            "var p = network.getPosition('kh'), v = network.getViewPosition();"
            "return Math.abs(p.x - v.x) < 1 && Math.abs(p.y - v.y) < 1;"
        )
    )
    assert driver.find_element(By.ID, "details").get_attribute("data-kg-showing") == "node:kh"
    box.clear()
    box.send_keys("Nobody Here", Keys.ENTER)
    status = driver.find_element(By.ID, "kg-search-status").text
    assert "no actor named" in status and "Nobody Here" in status
    assert _errors(driver) == []


def test_clicking_an_actor_and_an_edge_pins_their_claims(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    page = _dispute_page(tmp_path, threshold=1)  # fixed positions: nothing moves
    driver.get(page.as_uri())
    _wait_ready(driver)
    x, y = driver.execute_script("return network.canvasToDOM(network.getPosition('us'));").values()
    _click_canvas(driver, x, y)
    details = driver.find_element(By.ID, "details")
    assert details.get_attribute("data-kg-showing") == "node:us"
    assert sorted(_panel_claims(driver)) == ["c1", "c2"]  # made c1, received c2
    text = details.text
    assert "Washington blamed KH." in text and HOSTILE in text  # the quote, as text
    assert "Answered by" in text and "KH denied the charge" in text
    assert "event 2024-01-08 (article 2024-01-10)" in text
    assert "Drones " + HOSTILE in text  # the document's title

    # The midpoint of KRG -> KH: a click there hits the edge, not a node.
    edge = _edge_id(driver, "krg", "ACCUSE", "kh")
    x, y = driver.execute_script(
        "var a = network.canvasToDOM(network.getPosition('krg')),"
        " b = network.canvasToDOM(network.getPosition('kh'));"
        "return [(a.x + b.x) / 2, (a.y + b.y) / 2];"
    )
    _click_canvas(driver, x, y)
    assert details.get_attribute("data-kg-showing") == f"edge:{edge}"
    assert _panel_claims(driver) == ["c3"]
    assert "4 independent sources" in details.text
    # Clicking empty space keeps the panel pinned; the close button unpins it.
    _click_canvas(driver, 3, 3)
    assert details.get_attribute("data-kg-showing") == f"edge:{edge}"
    details.find_element(By.CSS_SELECTOR, ".kg-close").click()
    assert not details.is_displayed()
    # Nothing the articles said became markup anywhere on the page.
    assert driver.execute_script("return document.querySelectorAll('img, b').length") == 0
    assert driver.execute_script("return typeof window.__pwned") == "undefined"
    assert _errors(driver) == []


def test_time_slider_hides_edges_outside_the_range(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page = _dispute_page(tmp_path, threshold=1)
    driver.get(page.as_uri())
    _wait_ready(driver)
    ids = {
        key: _edge_id(driver, *key)
        for key in [
            ("us", "ACCUSE", "kh"),
            ("kh", "DENY", "us"),
            ("krg", "ACCUSE", "kh"),
            ("kh", "AFFILIATED_WITH", "pmf"),
        ]
    }

    def hidden() -> set[tuple[str, str, str]]:
        return {
            key
            for key, edge in ids.items()
            if driver.execute_script(f"return !!kgEdges.get({edge!r}).hidden;")
        }

    assert hidden() == set()
    days = driver.execute_script("return KG_DATA.days;")
    # The US accusation sits at its event date (8 Jan), not its article's (10 Jan).
    assert days == ["2024-01-08", "2024-01-11", "2024-03-02", "2024-03-05"]
    # Drag the end of the range back by keyboard: January only.
    end = driver.find_element(By.ID, "kg-to")
    end.send_keys(Keys.LEFT, Keys.LEFT)
    assert driver.find_element(By.ID, "kg-range-label").text.startswith("2024-01-08 to 2024-01-11")
    # KRG's March accusation and the undated affiliation are outside the range.
    assert hidden() == {("krg", "ACCUSE", "kh"), ("kh", "AFFILIATED_WITH", "pmf")}
    driver.execute_script("kgSetRange('2024-01-11', '2024-03-05');")
    assert hidden() == {("us", "ACCUSE", "kh"), ("kh", "AFFILIATED_WITH", "pmf")}
    # The pinned panel drops the claims outside the range, and says so.
    driver.execute_script("kgShowNode('kh');")
    assert sorted(_panel_claims(driver)) == ["c2", "c3"]
    assert "outside the time range" in driver.find_element(By.ID, "details").text
    driver.execute_script("kgSetRange('2024-01-08', '2024-03-05');")
    assert hidden() == set()
    assert _errors(driver) == []


def test_contested_edges_stand_out(driver: Any, tmp_path: Path) -> None:
    page = _dispute_page(tmp_path)
    driver.get(page.as_uri())
    _wait_ready(driver)
    styles = driver.execute_script(
        "var out = {}; kgEdges.forEach(function (e) {"
        " out[e.from + ' ' + e.relation + ' ' + e.to] = [!!e.contested,"
        " network.body.edges[e.id].options.shadow.enabled]; }); return out;"
    )
    assert styles == {
        "us ACCUSE kh": [True, True],  # answered by KH's denial
        "kh DENY us": [False, False],
        "krg ACCUSE kh": [False, False],
        "kh AFFILIATED_WITH pmf": [False, False],
    }
    legend = driver.execute_script("return document.getElementById('legend').textContent")
    assert "contested" in legend and "verbal conflict" in legend


def test_show_all_reveals_the_less_central_actors(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page = _dispute_page(tmp_path, threshold=1, view=2)
    driver.get(page.as_uri())
    _wait_ready(driver)
    shown = "return kgNodes.get({filter: function (n) { return !n.hidden; }}).length;"
    assert driver.execute_script(shown) == 2
    # Searching a hidden actor shows it with its neighbours.
    driver.find_element(By.ID, "kg-search").send_keys("kurdistan", Keys.ENTER)
    assert driver.execute_script("return kgNodes.get('krg').hidden") is False
    button = driver.find_element(By.ID, "kg-show-all")
    assert button.text == "Show all 4 actors"
    button.click()
    assert driver.execute_script(shown) == 4
    assert not button.is_displayed()
    assert _errors(driver) == []


def test_panning_a_large_view_moves_a_picture_of_it(
    driver: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("kg.viz.SNAPSHOT_ABOVE", 2)  # this page's 4 actors count as many
    page = _dispute_page(tmp_path, threshold=1)
    driver.get(page.as_uri())
    _wait_ready(driver)
    _next_frame(driver)
    left, top = driver.execute_script(
        "var r = document.getElementById('network').getBoundingClientRect();return [r.left, r.top];"
    )

    def mouse(kind: str, x: float, y: float) -> None:
        driver.execute_cdp_cmd(
            "Input.dispatchMouseEvent",
            {"type": kind, "x": x, "y": y, "button": "left", "buttons": 1, "clickCount": 1},
        )

    before = driver.execute_script("return network.getViewPosition();")
    mouse("mousePressed", left + 5, top + 5)
    for step in range(1, 15):
        mouse("mouseMoved", left + 5 + 5 * step, top + 5 + 3 * step)
    during = driver.execute_script(
        "var s = document.querySelector('.kg-snapshot');"
        "return s ? [s.style.transform, network.renderer.options.hideNodesOnDrag] : null;"
    )
    mouse("mouseReleased", left + 75, top + 47)
    assert during is not None and during[0].startswith("translate(") and during[1] is True
    after = driver.execute_script(
        "return [document.querySelectorAll('.kg-snapshot').length,"
        " network.renderer.options.hideNodesOnDrag, network.getViewPosition()];"
    )
    assert after[:2] == [0, False]
    assert after[2] != before  # the view itself moved
    assert _errors(driver) == []


def test_zooming_a_large_view_scales_a_picture_of_it(
    driver: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    monkeypatch.setattr("kg.viz.SNAPSHOT_ABOVE", 2)
    page = _dispute_page(tmp_path, threshold=1)
    driver.get(page.as_uri())
    _wait_ready(driver)
    _next_frame(driver)
    x, y = driver.execute_script(
        "var r = document.getElementById('network').getBoundingClientRect();"
        "return [r.left + r.width / 2, r.top + r.height / 2];"
    )
    scale = driver.execute_script("return network.getScale();")
    driver.execute_cdp_cmd(
        "Input.dispatchMouseEvent",
        {"type": "mouseWheel", "x": x, "y": y, "deltaX": 0, "deltaY": -120},
    )
    during = driver.execute_script(
        "var s = document.querySelector('.kg-snapshot');"
        "return s ? [s.style.transform, network.getScale()] : null;"
    )
    assert during is not None and during[1] > scale
    k = float(during[0].split("scale(")[1].rstrip(")"))
    assert k == pytest.approx(during[1] / scale)  # the picture grows as the view does
    time.sleep(0.6)  # the zoom has ended
    assert driver.execute_script("return document.querySelectorAll('.kg-snapshot').length") == 0
    assert driver.execute_script("return network.renderer.dragging") is False
    assert _errors(driver) == []

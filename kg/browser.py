"""Open exported pages in a headless Chromium with the network blocked.

Used by the real-browser tests and `benchmarks/bench_viz.py` to check that a page from
`kg viz` draws offline. Selenium is a development dependency (`pip install -e '.[dev]'`)
and is imported only when a browser is started.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: Command-line flags of every headless run: no sandbox or GPU (containers), no
#: background traffic, and no network at all (a dead proxy, and no host resolves).
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--window-size=1280,900",
    "--proxy-server=127.0.0.1:9",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)


def find_chromium() -> tuple[str, str] | None:
    """Return the paths of a Chromium binary and of chromedriver, or None if one is missing."""
    chromium = next(
        (
            found
            for name in ("chromium", "chromium-browser", "google-chrome")
            if (found := shutil.which(name))
        ),
        None,
    )
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


@contextmanager
def headless_chromium(
    profile: Path, *, page_load_timeout: float = 60, console_log: bool = False
) -> Iterator[Any]:
    """Start a headless Chromium (a selenium WebDriver) and quit it on exit.

    Args:
        profile: an empty folder for the browser's profile.
        page_load_timeout: seconds a page may take to load.
        console_log: keep the page's console messages (`driver.get_log("browser")`).

    Raises:
        RuntimeError: when Chromium or chromedriver is not installed.
    """
    from selenium import webdriver

    found = find_chromium()
    if found is None:
        raise RuntimeError("headless Chromium or chromedriver is not installed")
    chromium, driver_path = found
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={profile}"):
        options.add_argument(flag)
    if console_log:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = webdriver.ChromeService(executable_path=driver_path)
    browser = webdriver.Chrome(service=service, options=options)
    try:
        browser.set_page_load_timeout(page_load_timeout)
        yield browser
    finally:
        browser.quit()

"""Headless Chromium for the browser tests and the render benchmark, with the network cut.

Debian's ``chromium`` and ``chromium-driver`` packages, driven by Selenium.
The network is cut three ways: Chromium runs with its background services
off, the DevTools protocol puts the page offline, and every request the page
makes is recorded so a test can check that only ``file:`` and ``data:``
resources were loaded.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

CHROMIUM = os.environ.get("ACTORS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("ACTORS_CHROMEDRIVER", "/usr/bin/chromedriver")

# Chromium's own background traffic is refused on a closed network; these
# flags keep it quiet (as the workplace's probe does).
_FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-dev-shm-usage", "--window-size=1400,900", "--hide-scrollbars",
          "--disable-features=Translate,OptimizationHints,MediaRouter")

# Alerts are recorded rather than shown, so a test can tell that none ran.
_ALERT_TRAP = ("window.__alerts = []; window.alert = function (m) { window.__alerts.push(String(m)); };"
               "window.confirm = window.prompt = window.alert;")


def available() -> bool:
    """True when both Chromium and its driver are installed."""
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


@contextmanager
def browser() -> Iterator:
    """A Selenium Chrome driver on headless Chromium, offline, alerts trapped."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="actors-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in _FLAGS:
        opts.add_argument(flag)
    opts.add_argument(f"--user-data-dir={profile}")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
            "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
        driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": _ALERT_TRAP})
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def console_errors(driver) -> list[str]:
    """Messages at level SEVERE logged since the last call (console errors, uncaught exceptions)."""
    return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


def requested_urls(driver) -> list[str]:
    """URLs the page asked for since the last call (from the DevTools performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls

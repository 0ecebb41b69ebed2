"""Playwright driving Debian's Chromium against the live test server.

Never downloads a browser: ./scripts/test installs Chromium with apt-get and passes its
path in THAWING_CHROMIUM.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# (to check the database) are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               "--disable-quic"]
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


def chromium_path() -> str:
    path = os.environ.get("THAWING_CHROMIUM") or shutil.which("chromium")
    if not path:
        pytest.fail("Chromium is not installed; ./scripts/test installs it with apt-get.")
    return path


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=chromium_path(), headless=True,
                                              args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts() -> Path:
    folder = Path(os.environ.get("THAWING_ARTIFACTS", "test-artifacts"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def open_page(browser, live_server):
    """A new page at a viewport size; every request outside the test server is blocked."""
    contexts = []

    def make(viewport=DESKTOP, javascript=True):
        context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
        outside: list[str] = []

        def guard(route):
            if route.request.url.startswith(live_server.url):
                return route.continue_()
            outside.append(route.request.url)
            return route.abort()

        context.route("**/*", guard)
        context.outside_requests = outside
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.base = live_server.url
        return page

    yield make
    for context in contexts:
        assert context.outside_requests == [], "a page asked for something outside Thawing"
        context.close()

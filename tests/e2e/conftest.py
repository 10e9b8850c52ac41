"""Browser tests: Playwright for Python driving the system's Chromium against live_server.

Playwright's own browser download is not used. The browser is found through the
CHROMIUM_PATH environment variable or on PATH. Without one the tests are skipped,
except under CI, where a missing browser fails the run.
"""

import os
import shutil
from pathlib import Path

import pytest

from tests.real_guide import parsed_guide

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "static" / "vendor" / "axe-core-4.14.1" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# around it are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def find_chromium():
    candidates = [os.environ.get("CHROMIUM_PATH")]
    candidates += [shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome")]
    return next((path for path in candidates if path and os.path.exists(path)), None)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    executable = find_chromium()
    if executable is None:
        message = "no Chromium found: set CHROMIUM_PATH or install the chromium package"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


def _new_page(browser, locale, viewport):
    context = browser.new_context(locale=locale, viewport=viewport)
    context.set_default_timeout(10_000)
    return context, context.new_page()


@pytest.fixture
def page(browser):
    """A Japanese desktop browser."""
    context, page = _new_page(browser, "ja-JP", DESKTOP)
    yield page
    context.close()


@pytest.fixture
def english_page(browser):
    """An English browser at a phone's width."""
    context, page = _new_page(browser, "en-US", PHONE)
    yield page
    context.close()


def axe_violations(page, impacts=("serious", "critical")):
    """Run axe-core in the page; return the violations at the given impacts.

    The page is checked at rest, as a reader sees it: the pointer leaves the control a
    test clicked last, and colour transitions end first (axe would read colours half-way).
    """
    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getAnimations().every(a => a.playState !== 'running')")
    # evaluate() is not subject to the page's Content-Security-Policy, unlike a script tag.
    page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in result["violations"]
        if v["impact"] in impacts
    ]


@pytest.fixture
def live_guide(transactional_db):
    """The real guide in the database that live_server serves; returns the parsed data file.

    Every test database holds the guide, loaded again after each transactional test's
    flush (see tests/conftest.py): only the transactional database is asked for here."""
    return parsed_guide()

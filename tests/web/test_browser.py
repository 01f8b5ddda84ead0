"""The site in a real browser: headless Chromium (Debian's) driven by Playwright.

Loads the home page, changes the map's date (htmx swap), submits the ask form, and
signs in as an editor to confirm a detected trip, then finds it in the audit log.
Any console error (a CSP violation, a missing file) fails the test. Screenshots go to
``tests/web/artifacts/``. Without Chromium the tests skip, except under CI.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sqlalchemy.orm import Session
from tests.conftest import FIXTURE_DATA
from tests.web.conftest import EDITOR
from tests.web.seed import seed_reports

from warrantwatch.config import Settings
from warrantwatch.kb.service import open_kb
from warrantwatch.web.accounts import add_user
from warrantwatch.web.app import create_app

CHROMIUM = os.environ.get("WARRANTWATCH_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).parent / "artifacts"


def _need_browser() -> None:
    problem = None
    if not Path(CHROMIUM).exists() and not shutil.which("chromium"):
        problem = (
            f"Chromium not found at {CHROMIUM} (apt-get install chromium; .ci/setup-browser.sh)"
        )
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the playwright package is not installed (pip install -e '.[dev]')"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem}: browser tests must run under CI")
        pytest.skip(problem)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _need_browser()
    db = tmp_path_factory.mktemp("browser") / "ww.sqlite3"
    settings = Settings(database_url=f"sqlite:///{db}", data_dir=FIXTURE_DATA)
    kb = open_kb(settings)
    with Session(kb.engine) as s, s.begin():
        add_user(s, *EDITOR, "editor", "test")
    seed_reports(kb, settings)
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, kb), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(live_server: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.console_errors = errors
    yield pg
    context.close()
    assert errors == [], f"browser console errors: {errors}"


def shot(pg: Any, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def test_home_page_and_map_date(page: Any, live_server: str) -> None:
    page.goto(live_server + "/")
    assert page.locator("h1").inner_text() == "Who must arrest whom"
    assert page.locator("svg.worldmap").is_visible()
    assert page.locator("#atlarge-h").is_visible()
    shot(page, "01-home")
    tj = page.locator('#status-map a[href="/states/TJ"] path')
    assert tj.get_attribute("class") == "s-party"
    page.fill("#status-map-on", "2001-01-01")
    page.locator("#status-map-on").dispatch_event("change")
    from playwright.sync_api import expect

    expect(page.locator('#status-map a[href="/states/TJ"] path')).to_have_attribute(
        "class", "s-not_yet_party"
    )
    assert page.url.endswith("/?on=2001-01-01")  # the swap pushed a shareable address
    assert "1 January 2001" in page.locator("#status-map figcaption").inner_text()
    shot(page, "02-map-2001")


def test_ask_form(page: Any, live_server: str) -> None:
    page.goto(live_server + "/assess")
    page.get_by_label("Person").fill("putin")
    page.get_by_label("State").fill("Tajikistan")
    page.get_by_label("Date").fill("2025-10-09")
    page.get_by_role("button", name="Assess").click()
    page.wait_for_url(re.compile(r"/assess/vladimir-putin/TJ/2025-10-09$"))
    verdict = page.locator(".verdict").inner_text()
    assert "Tajikistan must arrest Vladimir Putin" in verdict
    assert "Mongolia" in page.locator("main").inner_text()
    shot(page, "03-assess")


def test_editor_confirms_an_event(page: Any, live_server: str) -> None:
    page.goto(live_server + "/review")
    page.wait_for_url(re.compile(r"/login\?next="))
    page.get_by_label("User name").fill(EDITOR[0])
    page.get_by_label("Password").fill(EDITOR[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/review$"))
    card = page.locator("article.review", has_text="Vladimir Putin")
    assert "plans to visit Dushanbe" in card.inner_text()
    shot(page, "04-review")
    card.get_by_role("button", name="Confirm").click()
    page.wait_for_url(re.compile(r"/review\?notice="))
    assert "confirmed" in page.locator(".notice").inner_text()
    page.get_by_role("link", name="Audit log", exact=True).click()
    row = page.locator("tbody tr", has_text="confirm").first
    assert EDITOR[0] in row.inner_text()
    shot(page, "05-audit")

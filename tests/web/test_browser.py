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
    assert "Tajikistan must arrest and surrender Vladimir Putin" in verdict
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


def test_one_click_gives_the_pdf_briefing_in_english_or_french(page: Any, live_server: str) -> None:
    page.goto(live_server + "/assess/putin/TJ/2025-10-09")
    for lang in ("en", "fr"):
        link = page.locator(f'.downloads li[lang="{lang}"] a[data-format="pdf"]')
        with page.expect_download() as info:
            link.click()
        dl = info.value
        assert dl.suggested_filename == f"warrantwatch-vladimir-putin-TJ-2025-10-09-{lang}.pdf"
        assert Path(dl.path()).read_bytes().startswith(b"%PDF-")
    shot(page, "06-assess-downloads")
    # the HTML briefing opens in the browser under its own policy, with no console error
    page.locator('.downloads li[lang="fr"] a[data-format="html"]').click()
    page.wait_for_url(re.compile(r"/briefing\.html\?lang=fr$"))
    assert page.locator("html").get_attribute("lang") == "fr"


def test_feeds_are_announced_and_listed(page: Any, live_server: str) -> None:
    page.goto(live_server + "/persons/vladimir-putin")
    alt = page.locator('link[rel="alternate"]')
    assert {alt.nth(i).get_attribute("href") for i in range(alt.count())} == {
        "/feeds/alerts.atom",
        "/feeds/trips.ics",
    }
    page.get_by_role("link", name="Feeds and downloads").click()
    page.wait_for_url(re.compile(r"/feeds$"))
    text = page.locator("main").inner_text()
    assert f"{live_server}/feeds/alerts.atom" in text and "webcal://" in text


def test_where_page_lists_and_maps(page: Any, live_server: str) -> None:
    page.goto(live_server + "/where")
    page.get_by_label("Person").fill("putin")
    page.get_by_label("Date").fill("2025-10-09")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url(re.compile(r"/where/vladimir-putin\?on=2025-10-09$"))
    party = page.locator("#g-state_party")
    assert party.locator('li[data-iso2="TJ"]').is_visible()
    assert page.locator('#g-none li[data-iso2="RU"]').count() == 1
    assert (
        page.locator('#owed-map a[href="/assess/vladimir-putin/TJ/2025-10-09"] path').get_attribute(
            "class"
        )
        == "s-owed"
    )
    shot(page, "07-where")
    party.locator('li[data-iso2="TJ"] a').click()
    page.wait_for_url(re.compile(r"/assess/vladimir-putin/TJ/2025-10-09$"))


def test_counts_and_timeline_explain_themselves(page: Any, live_server: str) -> None:
    """Issue 12: each count has its legend in view, and the timeline has its key."""
    page.goto(live_server + "/")
    notes = page.locator(".count-note")
    assert notes.count() >= 2 and notes.first.is_visible()
    assert "Counts the persons" in notes.first.inner_text()
    page.goto(live_server + "/states/TJ")
    assert "must arrest and surrender" in page.locator(".count-note").inner_text()
    page.goto(live_server + "/persons/vladimir-putin?on=2025-10-09")
    legend = page.locator(".timeline-legend")
    assert legend.is_visible() and "warrant or summons issued" in legend.inner_text()
    shot(page, "count-notes-timeline")


PHONE = {"width": 390, "height": 844}
PHONE_PAGES = [
    "/",
    "/assess/putin/TJ/2025-10-09",
    "/persons/vladimir-putin?on=2025-10-09",
    "/states/TJ",
    "/states",
    "/persons",
    "/where/putin?on=2025-10-09",
    "/feeds",
    "/api/v1/docs",
]


@pytest.fixture
def phone(browser: Any) -> Iterator[Any]:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    pg = context.new_page()
    errors: list[str] = []
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert errors == [], f"browser console errors: {errors}"


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_phone_nothing_is_cut(phone: Any, live_server: str, path: str) -> None:
    """At 390 px the page is no wider than the screen; a table wider than its box
    scrolls sideways inside it (and can be scrolled to its last column)."""
    phone.goto(live_server + path)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{path} is {width}px wide"
    wide = phone.evaluate(
        """() => [...document.querySelectorAll('table')].map(t => {
            const box = t.closest('.table-wrap');
            if (!box) return {wrapped: false, wider: t.scrollWidth > t.parentElement.clientWidth};
            const before = box.scrollLeft; box.scrollLeft = 10000;
            const moved = box.scrollLeft > before; box.scrollLeft = 0;
            return {wrapped: true, wider: t.scrollWidth > box.clientWidth, moved,
                    overflow: getComputedStyle(box).overflowX};
        })"""
    )
    for t in wide:
        assert t["wrapped"] or not t["wider"], f"{path}: a table wider than the screen is cut"
        if t["wrapped"] and t["wider"]:
            assert t["overflow"] == "auto" and t["moved"], f"{path}: a wide table does not scroll"
    shot(phone, "phone" + (path.replace("/", "-").split("?")[0] or "-home"))


def test_phone_ask_form_first_and_map_usable(phone: Any, live_server: str) -> None:
    phone.goto(live_server + "/")
    ask = phone.locator("form.ask").bounding_box()
    at_large = phone.locator("#atlarge-h").bounding_box()
    trips = phone.locator("#trips-h").bounding_box()
    assert ask["y"] < at_large["y"] < trips["y"]
    assert ask["y"] < PHONE["height"]  # the form is on the first screen
    # the map is drawn wider than the screen inside a box that scrolls; countries can be
    # tapped (Tajikistan is at least 12 px wide) and lead to their page
    tj = phone.locator('#status-map a[href="/states/TJ"] path').bounding_box()
    assert tj["width"] >= 12
    assert phone.locator('#status-map a[href^="/states?on="]').count() == 1  # as a list
    phone.locator('#status-map a[href="/states/TJ"]').tap()
    phone.wait_for_url(re.compile(r"/states/TJ$"))


def test_phone_long_source_lists_are_collapsed(phone: Any, live_server: str) -> None:
    """The first five sources are shown; the rest wait behind a summary that opens them.
    (The fixture's pages cite fewer, so the site's own macro renders eight here.)"""
    import datetime as dt

    from warrantwatch.law.records import SourceRef
    from warrantwatch.web.templating import make_templates

    srcs = [
        SourceRef(
            url=f"https://example.org/s{i}",
            publisher="Example",
            title=f"Page {i}",
            date=dt.date(2025, 10, i),
            accessed=None,
        )
        for i in range(1, 9)
    ]
    env = make_templates().env
    macro = env.from_string('{% from "macros.html" import sources %}{{ sources(items) }}')
    phone.goto(live_server + "/feeds")  # the site's stylesheet and origin
    phone.evaluate(
        "html => { document.querySelector('main').innerHTML = html; }", macro.render(items=srcs)
    )
    section = phone.locator("section.sources")
    assert section.locator(":scope > ol > li").count() == 5
    more = section.locator("details.more-sources")
    assert more.get_attribute("open") is None and "3 more sources" in more.inner_text()
    hidden = more.locator("li", has_text="Page 8")
    assert not hidden.is_visible()
    more.locator("summary").tap()
    assert hidden.is_visible()
    # a page with five sources or fewer shows them all, with nothing to open
    phone.goto(live_server + "/assess/putin/TJ/2025-10-09")
    n = phone.locator("section.sources li").count()
    assert 0 < n <= 5 and phone.locator("details.more-sources").count() == 0

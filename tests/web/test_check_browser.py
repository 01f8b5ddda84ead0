"""The statement checker in headless Chromium: paste a statement, submit, and see the
sentences highlighted by verdict with links to their claims; no console error (CSP)."""

from __future__ import annotations

from typing import Any

from tests.check.statements import EN
from tests.web.test_browser import browser, live_server, page, shot  # noqa: F401  (fixtures)


def test_check_page_highlights_sentences(page: Any, live_server: str) -> None:  # noqa: F811
    page.goto(live_server + "/check")
    page.get_by_label("Statement").fill(EN)
    page.get_by_label("As of").fill("2025-10-01")
    page.get_by_role("button", name="Check").click()
    page.wait_for_selector(".check-text")
    wrong = page.locator('mark[data-verdict="disagrees"]')
    assert "since 30 November 1998" in wrong.first.inner_text()
    right = page.locator('mark[data-verdict="agrees"]', has_text="17 March 2023")
    assert right.count() == 1
    colour = wrong.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour != right.first.evaluate("e => getComputedStyle(e).backgroundColor")
    wrong.first.locator("sup a").first.click()
    assert page.url.endswith("#claim-1")
    item = page.locator("#claim-1")
    assert "disagrees" in item.inner_text() and "1 July 2002" in item.inner_text()
    shot(page, "10-check")

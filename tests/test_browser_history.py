"""The history pages in Chromium: differences readable without colour, accessible in both schemes, on a phone.

The paragraph-history fragment is not on the paragraph pages until pages.py takes it; here it is put
into the real page of paragraph 20, with the site's stylesheets, and checked there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page


HISTORY_PAGES = ["2364/changes/", "series/minusma/", "series/"]


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    yield context.new_page()
    context.close()


def dark(page: Page) -> None:
    """Material's slate scheme, as its palette toggle sets it."""
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")


def violations(page: Page) -> list:
    return [(v["id"], [n["target"] for n in v["nodes"][:5]]) for v in Axe().run(page).response["violations"]]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", HISTORY_PAGES)
def test_history_pages_have_no_axe_violations_in_either_scheme(page: Page, origin: str, path: str, scheme: str) -> None:
    page.goto(origin + path, wait_until="networkidle")
    if scheme == "slate":
        dark(page)
    assert violations(page) == []


def test_removed_and_added_words_are_marked_without_colour(page: Page, origin: str) -> None:
    page.goto(origin + "2364/changes/", wait_until="networkidle")
    removed = page.locator(".res-changes del.res-removed").first
    added = page.locator(".res-changes ins.res-added").first
    assert "line-through" in removed.evaluate("e => getComputedStyle(e).textDecorationLine")
    assert "underline" in added.evaluate("e => getComputedStyle(e).textDecorationLine")
    # Brackets are seen, the words "removed:" and "added:" are read; neither depends on colour.
    content = "(e, where) => getComputedStyle(e, where).content"
    assert removed.evaluate(content, "::before") == '"[−" / "removed: "' and added.evaluate(content, "::before") == '"[+" / "added: "'
    assert removed.evaluate(content, "::after") == added.evaluate(content, "::after") == '"]" / ""'
    # What a screen reader is given: the words, not the brackets.
    removed_read, added_read = removed.aria_snapshot(), added.aria_snapshot()
    assert "removed:" in removed_read and "[−" not in removed_read
    assert "added:" in added_read and "[+" not in added_read
    legend = page.locator(".res-diff-legend")
    assert legend.is_visible() and "How to read the differences" in legend.inner_text()
    statuses = page.locator(".res-changes .res-change-status").all_inner_texts()
    assert {text.strip().lower() for text in statuses} >= {"new", "changed", "dropped"}


def test_the_chart_follows_the_dark_scheme(page: Page, origin: str) -> None:
    page.goto(origin + "series/minusma/", wait_until="networkidle")
    script = "([text, body]) => [getComputedStyle(text).fill, getComputedStyle(body).color]"
    fill, colour = page.evaluate(script, [page.locator(".res-chart-text").first.element_handle(), page.locator(".md-content").element_handle()])
    dark(page)
    dark_fill, dark_colour = page.evaluate(script, [page.locator(".res-chart-text").first.element_handle(), page.locator(".md-content").element_handle()])
    assert fill != dark_fill
    assert (fill, dark_fill) == (colour, dark_colour)  # chart text is the page's text colour in both schemes
    assert page.locator("svg .res-chart-bar").count() == 11


def test_history_pages_fit_a_phone(browser: Browser, origin: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    page = context.new_page()
    for path in HISTORY_PAGES:
        page.goto(origin + path, wait_until="networkidle")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 376, f"{path} is {width}px wide"
    page.goto(origin + "series/minusma/", wait_until="networkidle")
    cell = page.locator(".res-series-table tbody tr").nth(4).locator("td[data-label='Troop ceiling']")
    # On a phone each row stacks: every cell on its own line, named by its column (td::before, from data-label).
    assert cell.evaluate("e => getComputedStyle(e).display") != "table-cell"
    assert cell.evaluate("e => getComputedStyle(e, '::before').content") == '"Troop ceiling"'
    assert cell.inner_text() == "13,289"
    context.close()


def test_a_paragraph_history_in_the_paragraph_page_is_accessible(page: Page, origin: str) -> None:
    """The built op 20 carries its history after its text, once, readable in both schemes."""
    for scheme in ("default", "slate"):
        page.goto(origin + "2364/op/20/", wait_until="networkidle")
        if scheme == "slate":
            dark(page)
        assert page.locator(".res-history").count() == 1
        assert page.locator(".res-history dt").first.inner_text() == "In S/RES/2295 (2016)"
        assert page.locator(".res-history a", has_text="paragraph 19").first.get_attribute("href") == "../../../2295/op/19/"
        text_top = page.locator(".res-text").first.bounding_box()["y"]
        assert page.locator(".res-history").bounding_box()["y"] > text_top  # the text comes first
        assert violations(page) == []

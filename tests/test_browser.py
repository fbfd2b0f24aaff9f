"""The built site in a real browser: offline, accessible, citable, usable by keyboard, on a phone and on paper.

Runs Debian's Chromium through Playwright against the `site` fixture served on 127.0.0.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

from tests.browser import PAGE_KINDS, serve

TARGET = "op-20-c-ii"
TARGET_PAGES = ["2364/text/", "2364/op/20/"]


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_page_makes_no_third_party_requests(context: BrowserContext, origin: str, path: str) -> None:
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    page = context.new_page()
    page.goto(origin + path, wait_until="networkidle")
    assert requested, "the recorder saw no requests at all"
    assert [url for url in requested if not url.startswith(origin)] == []


@pytest.mark.parametrize("path", PAGE_KINDS.values(), ids=PAGE_KINDS.keys())
def test_page_has_no_axe_violations(page: Page, origin: str, path: str) -> None:
    page.goto(origin + path, wait_until="networkidle")
    results = Axe().run(page)
    problems = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:5]]) for v in results.response["violations"]]
    assert problems == []


def test_highlighted_target_has_no_axe_violations(page: Page, origin: str) -> None:
    page.goto(f"{origin}2364/op/20/#{TARGET}", wait_until="networkidle")
    assert Axe().run(page).response["violations"] == []


@pytest.mark.parametrize("path", TARGET_PAGES)
def test_linked_paragraph_opens_below_the_header_and_highlighted(page: Page, origin: str, path: str) -> None:
    page.goto(f"{origin}{path}#{TARGET}", wait_until="networkidle")
    target = page.locator(f"#{TARGET}")
    header = page.locator(".md-header").bounding_box()
    box = target.bounding_box()
    assert header is not None and box is not None
    viewport = page.viewport_size
    assert viewport is not None
    assert box["y"] >= header["y"] + header["height"] - 1, "the sticky header hides the target"
    assert box["y"] < viewport["height"], "the target is not scrolled into view"
    assert target.evaluate("element => element.matches(':target')")
    style = "element => { const s = getComputedStyle(element); return [s.backgroundColor, s.outlineStyle]; }"
    assert target.evaluate(style) != page.locator("#op-20-c-i").evaluate(style)


def test_copy_button_copies_its_text(page: Page, origin: str) -> None:
    # Copying from a label's Cite menu, the style and element named, is in test_browser_reader.py.
    page.goto(origin + "2364/op/20/", wait_until="networkidle")
    button = page.locator("button.res-copy[data-style]").first
    expected = "S/RES/2364 (2017), para. 20"
    assert button.get_attribute("aria-label") == f"Copy the UN citation of {expected}"
    button.click()
    page.wait_for_function("expected => navigator.clipboard.readText().then(text => text === expected)", arg=expected)
    assert page.locator(".res-status").inner_text() == f"Copied the UN citation of {expected}"


def test_keyboard_alone_reaches_paragraph_20_from_the_overview(page: Page, origin: str) -> None:
    page.goto(origin + "2364/", wait_until="networkidle")
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("() => (document.activeElement.getAttribute('href') || '') === 'op/20/'"):
            break
    else:
        pytest.fail("Tab never reached the link to paragraph 20")
    page.keyboard.press("Enter")
    page.wait_for_url(origin + "2364/op/20/")


def test_skip_link_moves_focus_to_the_content(page: Page, origin: str) -> None:
    page.goto(origin + "2364/op/20/", wait_until="networkidle")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.classList.contains('md-skip')")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.closest('.md-content') !== null"), "focus did not move past the header and navigation"


@pytest.mark.parametrize("path", ["2364/op/20/", "2364/text/"])
def test_phone_width_has_no_horizontal_scroll(browser: Browser, origin: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 812})
    try:
        page = context.new_page()
        page.goto(origin + path, wait_until="networkidle")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 375
    finally:
        context.close()


def test_print_hides_site_chrome_and_keeps_labels(page: Page, origin: str) -> None:
    page.goto(origin + "2364/op/20/", wait_until="networkidle")
    page.emulate_media(media="print")
    for selector in [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer"]:
        assert page.locator(selector).evaluate("element => getComputedStyle(element).display") == "none", selector
    label = page.locator(f"#{TARGET} > p > a.res-label")
    assert label.is_visible()


def search(page: Page, origin: str, query: str) -> list[dict[str, str]]:
    """Type ``query`` on the search page; the results as title, meta and href."""
    page.goto(origin + "search/", wait_until="networkidle")
    page.fill("#res-search-input", query)
    # search.js marks the panel with the query once its answer is shown.
    page.wait_for_function("query => document.getElementById('res-search-panel').getAttribute('data-query') === query", arg=query)
    return page.locator("#res-search-panel .res-search-results > li").evaluate_all(
        "items => items.map(li => ({title: li.querySelector('a').textContent, href: li.querySelector('a').href,"
        " meta: (li.querySelector('.res-search-meta') || {}).textContent || ''}))"
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [("cantonment", "2364/op/2/"), ("quick impact projects", "2364/op/22/"), ("zero-tolerance", "2364/op/28/"), ("Algiers", "2364/pp/28/")],
)
def test_a_phrase_finds_the_paragraph_that_holds_it(page: Page, origin: str, query: str, expected: str) -> None:
    # The MINUSMA series repeats many phrases, so 2364's paragraph is one hit among the renewals'.
    results = search(page, origin, query)
    assert any(r["href"].startswith(origin + expected) for r in results), results
    # Each hit opens at the element holding the words, which Pagefind's highlight script marks.
    assert all("?pagefind-highlight=" in r["href"] and "#" in r["href"] for r in results[:3])


def test_results_show_the_paragraph_and_its_section(page: Page, origin: str) -> None:
    hit = next(r for r in search(page, origin, "quick impact projects") if "/2364/op/22/" in r["href"])
    assert hit["title"].startswith("Paragraph 22")
    assert hit["meta"] == "S/RES/2364 (2017) · MINUSMA’s mandate"
    assert "pagefind-highlight=quick" in hit["href"] and "#op-22" in hit["href"]


def test_a_hit_opens_at_the_words_found(page: Page, origin: str) -> None:
    search(page, origin, "Algiers")
    page.locator("#res-search-panel .res-search-results > li a[href*='/2364/pp/28/']").click()
    page.wait_for_url(re.compile(r".*/2364/pp/28/\?pagefind-highlight=Algiers#pp-28$"))
    # Pagefind's highlight script marks the words; the browser has scrolled to the paragraph.
    mark = page.locator("#pp-28 mark.pagefind-highlight").first
    mark.wait_for()
    assert mark.inner_text() == "Algiers" and mark.is_visible()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("S/RES/2364 (2017), para. 22 (d)", "2364/op/22/#op-22-d"),
        ("2364 (2017) 20 (c) (ii)", "2364/op/20/#op-20-c-ii"),
        ("S/RES/2364 (2017) pp 3", "2364/pp/3/"),
        ("2295 (2016), paragraph 19", "2295/op/19/"),
    ],
)
def test_a_citation_takes_the_reader_to_the_paragraph(page: Page, origin: str, query: str, expected: str) -> None:
    results = search(page, origin, query)
    assert results[0]["href"] == origin + expected
    page.press("#res-search-input", "Enter")
    page.wait_for_url(origin + expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("paragraph 20", "2364/op/20/"), ("op 20", "2364/op/20/"), ("20 (c) (ii)", "2364/op/20/#op-20-c-ii"), ("pp 3", "2364/pp/3/")],
)
def test_a_bare_paragraph_number_offers_that_paragraph_of_each_resolution(page: Page, origin: str, query: str, expected: str) -> None:
    # Many resolutions have a paragraph 20: each is offered, named by its resolution, and Enter searches.
    results = search(page, origin, query)
    hit = next(r for r in results if r["href"] == origin + expected)
    assert hit["meta"] == "S/RES/2364 (2017)" and hit["title"].startswith("Go to ")
    assert len({r["meta"] for r in results if r["title"].startswith("Go to ")}) > 1


def test_a_first_query_downloads_little(page: Page, origin: str) -> None:
    sizes: list[int] = []
    page.on("response", lambda response: sizes.append(len(response.body())) if "/pagefind/" in response.url else None)
    search(page, origin, "protection of civilians")
    assert 0 < sum(sizes) < 300_000, sum(sizes)


@pytest.fixture(scope="module")
def subpath_origin(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site served from a sub-path, as GitHub Pages serves a project: /resolution-site/."""
    parent = tmp_path_factory.mktemp("pages")
    (parent / "resolution-site").symlink_to(site, target_is_directory=True)
    with serve(parent) as url:
        yield url + "resolution-site/"


@pytest.mark.parametrize("path", ["", "2364/", "2364/op/20/", "actors/minusma/", "2364/references-map/", "search/"])
def test_everything_loads_from_a_sub_path(page: Page, subpath_origin: str, path: str) -> None:
    failures: list[str] = []
    page.on("response", lambda response: failures.append(response.url) if response.status >= 400 else None)
    page.goto(subpath_origin + path, wait_until="networkidle")
    links = page.locator("a[href]").evaluate_all("links => links.map(link => new URL(link.getAttribute('href'), document.baseURI).href)")
    assert failures == []
    internal = [href for href in links if href.startswith("http://127.0.0.1")]
    assert internal and all(href.startswith(subpath_origin) for href in internal), [h for h in internal if not h.startswith(subpath_origin)]


def test_search_and_permalinks_work_from_a_sub_path(page: Page, subpath_origin: str) -> None:
    results = search(page, subpath_origin, "cantonment")
    assert any(r["href"].startswith(subpath_origin + "2364/op/2/") for r in results)
    page.goto(subpath_origin + "2364/text/", wait_until="networkidle")
    page.locator("#op-20-c-ii > p > a.res-label").click()
    page.wait_for_url(subpath_origin + "2364/op/20/#op-20-c-ii")


def test_the_light_dark_toggle_works_from_a_sub_path_and_the_choice_holds_on_the_next_page(page: Page, subpath_origin: str) -> None:
    """The toggle's options and Material's helpers come from assets/javascripts/palette.js: the options are
    Material's, one shows at a time, and the choice is stored under the site's root, as Material stores it."""
    page.goto(subpath_origin + "2364/op/16/", wait_until="networkidle")
    palette = page.locator("form[data-md-component=palette]")
    assert palette.locator("input.md-option").count() == 3 and palette.locator("label.md-header__button:visible").count() == 1
    assert page.evaluate("__md_scope.pathname") == "/resolution-site/"
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    palette.locator("label.md-header__button:visible").click()  # automatic → light
    palette.locator("label.md-header__button:visible").click()  # light → dark
    assert page.evaluate(scheme) == "slate"
    assert page.evaluate("Object.keys(localStorage)") == ["/resolution-site/.__palette"]
    page.goto(subpath_origin + "2364/op/17/", wait_until="networkidle")
    assert page.evaluate(scheme) == "slate"
    assert palette.locator("label.md-header__button:visible").get_attribute("title") == "Use the system's setting"


def test_the_home_page_search_box_leads_to_results(page: Page, origin: str) -> None:
    page.goto(origin, wait_until="networkidle")
    page.fill("#res-home-search", "cantonment")
    page.press("#res-home-search", "Enter")
    page.wait_for_url(re.compile(r".*/search/\?q=cantonment$"))
    page.locator("#res-search-panel .res-search-results > li a[href*='/2364/op/2/']").first.wait_for()

"""Resolution pages in Chromium: citing any element in every style, the way on at the top of the page,
paper, accessibility at desktop and phone widths, and what the search index holds.

Runs Debian's Chromium through Playwright against the ``site`` fixture served on 127.0.0.1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page

from build_scripts.citations import citations
from build_scripts.pipeline import load_resolution
from tests.conftest import ROOT

DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SOURCES = {
    2364: "s-res-2364-2017.txt",
    2253: "S_RES_2253_1522456E.xml",
    2640: "S_RES_2640 (2022)-2210294E.xml",
    2531: "S_RES_2531 (2020)-2008609E.xml",
    1526: "S_RES_1526_N0422669.xml",
}
"""Resolutions whose citations are compared: sub-sub-paragraphs, annexes (December: 'Dec.' in the
Bluebook), a 9082nd meeting, a file that names no meeting (no BibTeX note)."""


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context(viewport=DESKTOP, permissions=["clipboard-read", "clipboard-write"])
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()


def metadata(number: int):
    model, _ = load_resolution(ROOT / "source_texts" / SOURCES[number])
    assert model is not None
    return model.metadata


def clipboard(page: Page) -> str:
    return page.evaluate("navigator.clipboard.readText()")


# --- the same citations in the browser as in citations.py --------------------------------------------


@pytest.mark.parametrize(
    ("path", "element"),
    [
        ("2364/op/20/", "op-20-c-ii"),
        ("2364/op/20/", "op-20-a-ii-2"),
        ("2364/op/20/", "op-20"),
        ("2364/pp/3/", "pp-3"),
        ("2364/", None),
        ("2253/annex/1/", "annex-1-a-iii"),
        ("2253/annex/1/", "annex-1-p1"),
        ("2253/annex/2/", "annex-2"),
        ("2640/op/1/", "op-1"),
        ("2531/pp/2/", "pp-2"),
        ("1526/op/1/", "op-1"),
    ],
)
def test_the_browser_builds_every_citation_exactly_as_citations_py(page: Page, origin: str, path: str, element: str | None) -> None:
    page.goto(origin + path, wait_until="networkidle")
    built = page.evaluate("id => resolutionCite.citations(resolutionCite.pageData(), id)", element)
    number = int(path.split("/")[0])
    expected = [{"style": c.style, "text": c.text} for c in citations(metadata(number), element)]
    assert built == expected


def test_every_label_on_the_page_gets_the_citation_of_its_own_element(page: Page, origin: str) -> None:
    page.goto(origin + "2364/op/20/", wait_until="networkidle")
    cited = page.locator(".res-text a.res-label").evaluate_all("labels => labels.map(l => [l.closest('.res-el').id, l.dataset.cite])")
    meta = metadata(2364)
    model, _ = load_resolution(ROOT / "source_texts" / SOURCES[2364])
    assert [element for element, _ in cited] == [element.id for element in model.operative[19].walk()]
    assert all(text == citations(meta, element)[0].text for element, text in cited)


# --- "Cite this paragraph" ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("path", "element", "unfolded"), [("2364/op/20/", "op-20", False), ("2364/pp/3/", "pp-3", False), ("2364/", None, True)])
def test_the_cite_section_gets_copy_buttons_and_every_style_exactly_as_citations_py(page: Page, origin: str, path: str, element: str | None, unfolded: bool) -> None:
    page.goto(origin + path, wait_until="networkidle")
    expected = citations(metadata(2364), element)
    cited = expected[0].text
    details = page.locator("details.res-cite-all")
    assert details.count() == 1 and details.evaluate("details => details.open") is unfolded
    built = details.locator(".res-citation").evaluate_all("blocks => blocks.map(b => [b.querySelector('.res-citation-style').firstChild.textContent.trim(), b.querySelector('pre').textContent])")
    assert built == [[c.style, c.text] for c in expected]
    assert page.locator(".res-cite-main > button.res-copy").get_attribute("aria-label") == f"Copy the UN citation of {cited}"
    permalink = page.locator(".res-cite-link > button.res-copy")
    assert permalink.get_attribute("aria-label") == f"Copy the permalink of {cited}"
    permalink.click()
    page.wait_for_function("expected => navigator.clipboard.readText().then(text => text === expected)", arg=expected[-1].text)


def test_without_javascript_the_cite_section_holds_the_citation_and_the_permalink(browser: Browser, origin: str) -> None:
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(origin + "2364/op/20/")
        assert page.locator(".res-cite-main").inner_text() == "S/RES/2364 (2017), para. 20"
        link = page.locator(".res-cite-link a")
        assert link.is_visible() and link.inner_text() == citations(metadata(2364), "op-20")[-1].text
        assert page.locator("#cite ~ * button, details.res-cite-all").count() == 0  # nothing that needs a script
    finally:
        context.close()


# --- the cite menu --------------------------------------------------------------------------------------


def open_menu(page: Page, element: str) -> None:
    page.locator(f"#{element} > p > button.res-cite-toggle").click()
    page.locator(".res-cite-menu").wait_for()


@pytest.mark.parametrize(("path", "element", "cited"), [("2364/op/20/", "op-20-c-ii", "S/RES/2364 (2017), para. 20 (c) (ii)"), ("2364/pp/3/", "pp-3", "S/RES/2364 (2017), preambular paragraph 3")])
def test_each_copy_button_names_its_style_and_element_and_copies_that_citation(page: Page, origin: str, path: str, element: str, cited: str) -> None:
    page.goto(origin + path, wait_until="networkidle")
    toggle = page.locator(f"#{element} > p > button.res-cite-toggle")
    assert toggle.get_attribute("aria-label") == f"Cite {cited}" and toggle.get_attribute("aria-expanded") == "false"
    open_menu(page, element)
    assert toggle.get_attribute("aria-expanded") == "true"
    expected = {c.style: c.text for c in citations(metadata(2364), element)}
    for style in ("OSCOLA", "BibTeX", "Permalink"):
        name = f"Copy the permalink of {cited}" if style == "Permalink" else f"Copy the {style} citation of {cited}"
        page.locator(".res-cite-menu").get_by_role("button", name=name, exact=True).click()
        page.wait_for_function("expected => navigator.clipboard.readText().then(text => text === expected)", arg=expected[style])
        status = page.locator(".res-status[role=status][aria-live=polite]")
        assert status.inner_text() == "Copied " + name[len("Copy ") :]
    assert set(page.locator(".res-cite-menu button").all_inner_texts()) == set(expected)


def test_escape_closes_the_menu_and_returns_to_its_button(page: Page, origin: str) -> None:
    page.goto(origin + "2364/op/20/", wait_until="networkidle")
    open_menu(page, "op-20-b")
    assert page.evaluate("document.activeElement.closest('.res-cite-menu') !== null")
    page.keyboard.press("Escape")
    assert page.locator(".res-cite-menu").count() == 0
    assert page.evaluate("document.activeElement.closest('#op-20-b') !== null && document.activeElement.classList.contains('res-cite-toggle')")


@pytest.mark.parametrize("path", ["2364/op/20/", "2364/text/"])
def test_a_label_is_a_plain_permalink_and_copies_nothing(page: Page, origin: str, path: str) -> None:
    page.goto(origin + path, wait_until="networkidle")
    page.evaluate("navigator.clipboard.writeText('untouched')")
    page.locator("#op-20-c-ii > p > a.res-label").click()
    page.wait_for_url(f"{origin}2364/op/20/#op-20-c-ii")
    assert clipboard(page) == "untouched"
    assert page.locator(".res-status").inner_text() == ""


# --- the way on -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_the_next_paragraph_is_in_the_first_screen_and_a_few_tabs_away(browser: Browser, origin: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(origin + "2364/op/20/", wait_until="networkidle")
        following = page.locator(".res-pager--top a[rel=next]")
        assert following.inner_text().startswith("Paragraph 21")
        box = following.bounding_box()
        assert box is not None and box["y"] + box["height"] <= viewport["height"], box
        assert tabs_to_next(page) <= 40  # 99 before the pager moved to the top; most are the site's header and menus
        page.reload(wait_until="networkidle")
        page.keyboard.press("Tab")  # the skip link, then Enter: focus moves to the content
        page.keyboard.press("Enter")
        assert tabs_to_next(page) <= 5
    finally:
        context.close()


def tabs_to_next(page: Page) -> int:
    """Tab presses from where focus is to the top pager's link to the next paragraph."""
    for presses in range(1, 120):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.res-pager--top a[rel=next]')"):
            return presses
    pytest.fail("Tab never reached the next paragraph")


# --- paper ---------------------------------------------------------------------------------------------


def test_paragraph_20_prints_on_about_three_a4_pages_with_each_label_citable(page: Page, origin: str) -> None:
    page.goto(origin + "2364/op/20/", wait_until="networkidle")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    assert 1 <= pages <= 3, pages
    page.emulate_media(media="print")
    for selector in [".res-cite-toggle", ".res-pager", ".res-breadcrumb", "details.res-facet", ".md-header", ".md-sidebar--secondary"]:
        assert page.locator(selector).first.evaluate("element => getComputedStyle(element).display") == "none", selector
    label = page.locator("#op-20-c-ii > p > a.res-label")
    printed = label.evaluate("element => getComputedStyle(element, '::after').content")
    assert printed == '" [S/RES/2364 (2017), para. 20 (c) (ii)]"'
    # Seven editorial notes are folded on screen and printed on paper.
    assert page.locator("details.res-editorial:not([open]) ol").is_visible()


# --- accessibility ---------------------------------------------------------------------------------------

AXE_PAGES = ["2364/op/20/", "2364/pp/3/", "2364/", "2364/text/", "2253/annex/1/", ""]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_no_axe_violations(browser: Browser, origin: str, path: str, viewport: dict) -> None:
    context = browser.new_context(viewport=viewport)
    try:
        page = context.new_page()
        page.goto(origin + path, wait_until="networkidle")
        if path == "2364/op/20/":
            open_menu(page, "op-20-c-ii")
            page.locator("details.res-cite-all summary").click()
        results = Axe().run(page)
        problems = [(v["id"], v["impact"], [n["target"] for n in v["nodes"][:5]]) for v in results.response["violations"]]
        assert problems == []
    finally:
        context.close()


@pytest.mark.parametrize("path", ["2364/op/20/", "2364/text/"])
def test_phone_width_has_no_horizontal_scroll_with_a_menu_open(browser: Browser, origin: str, path: str) -> None:
    context = browser.new_context(viewport=PHONE)
    try:
        page = context.new_page()
        page.goto(origin + path, wait_until="networkidle")
        open_menu(page, "op-20-c-ii")
        assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


# --- what the search index holds ---------------------------------------------------------------------------

PAGEFIND = """async ([query, filters]) => {
  const pagefind = await import(new URL("pagefind/pagefind.js", document.baseURI).href);
  await pagefind.options({ baseUrl: "/" });
  if (query === null && filters === null) return await pagefind.filters();
  const search = await pagefind.search(query, filters ? { filters } : {});
  return Promise.all(search.results.map(r => r.data().then(d => ({ url: d.url, meta: d.meta, filters: d.filters }))));
}"""


def pagefind(page: Page, origin: str, query: str | None, filters: dict | None = None):
    page.goto(origin, wait_until="networkidle")
    return page.evaluate(PAGEFIND, [query, filters])


def test_words_only_in_labels_or_around_the_text_find_nothing(page: Page, origin: str) -> None:
    # "PP3" is printed only as the label of preambular paragraph 3; "Barkhane" is in no text of 2364.
    # Quoted, as search.js checks each word: unquoted, Pagefind falls back to the longest prefix it knows.
    for query in ('"PP3"', '"Barkhane"'):
        hits = [hit["url"] for hit in pagefind(page, origin, query)]
        assert not [url for url in hits if url.startswith("/2364/")], (query, hits)
    assert [hit["url"] for hit in pagefind(page, origin, "cantonment")]  # the index answers at all


def test_the_index_filters_by_resolution_and_theme(page: Page, origin: str) -> None:
    # One page per resolution (its full text); the part of a paragraph is read from its id by search.js.
    filters = pagefind(page, origin, None, None)
    assert "S/RES/2364 (2017)" in filters["resolution"] and "S/RES/2253 (2015)" in filters["resolution"]
    assert "Protection of civilians" in filters["theme"] and "part" not in filters
    hits = pagefind(page, origin, "Algiers", {"resolution": "S/RES/2364 (2017)"})
    assert [hit["url"] for hit in hits] == ["/2364/text/"]
    assert hits[0]["meta"]["resolution"] == "S/RES/2364 (2017)" and hits[0]["meta"]["number"] == "2364"

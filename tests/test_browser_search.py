"""Search in the header, dark mode and the 404 page, in Debian's Chromium on the built site.

The site is served from a sub-path (/resolution-site/, as GitHub Pages serves a project) by a server
that answers a missing path with 404.html, as GitHub Pages does.
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page


DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


class _PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the parent of the site; a missing file gets 404.html with status 404, as on GitHub Pages."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "resolution-site" / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def origin(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site at http://127.0.0.1:PORT/resolution-site/ (the default site_url's path)."""
    parent = tmp_path_factory.mktemp("pages")
    (parent / "resolution-site").symlink_to(site, target_is_directory=True)
    handler = functools.partial(_PagesHandler, directory=str(parent))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/resolution-site/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport=DESKTOP)
    yield context.new_page()
    context.close()


HEADER_INPUT = "#res-header-search"
HEADER_PANEL = "[data-res-search-output=header]"


def header_search(page: Page, query: str) -> list[dict[str, str]]:
    """Type ``query`` into the header's box; the results shown, as title, meta and href."""
    page.fill(HEADER_INPUT, query)
    return answered(page, HEADER_PANEL, query)


def answered(page: Page, panel: str, query: str) -> list[dict[str, str]]:
    """Wait until ``panel`` shows its answer to ``query`` (search.js sets data-query when done)."""
    page.wait_for_function("([panel, query]) => document.querySelector(panel).getAttribute('data-query') === query", arg=[panel, query.strip()])
    return results(page, panel)


def results(page: Page, panel: str) -> list[dict[str, str]]:
    return page.locator(f"{panel} .res-search-results > li").evaluate_all(
        "items => items.map(li => ({title: li.querySelector('a').textContent, href: li.querySelector('a').href,"
        " meta: (li.querySelector('.res-search-meta') || {}).textContent || ''}))"
    )


def status(page: Page, panel: str = HEADER_PANEL) -> str:
    return page.locator(f"{panel} .res-search-status").inner_text()


# ---- The header ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["", "2364/", "2253/op/2/", "themes/", "search/"])
def test_every_page_has_the_search_box_in_the_header(page: Page, origin: str, path: str) -> None:
    page.goto(origin + path)
    box = page.locator(f".md-header {HEADER_INPUT}")
    assert box.is_visible()
    assert page.locator("form[name=search], [data-md-component=search]").count() == 0, "Material's lunr search would fetch its index"


def test_pagefind_loads_only_when_search_opens(page: Page, origin: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(origin + "2364/op/20/", wait_until="networkidle")
    assert not [url for url in requested if "/pagefind/" in url or "resolutions.json" in url]
    page.focus(HEADER_INPUT)
    page.wait_for_load_state("networkidle")
    assert any(url.endswith("/pagefind/pagefind.js") for url in requested)


@pytest.mark.parametrize("key", ["/", "s"])
def test_slash_and_s_open_search_but_not_while_typing(page: Page, origin: str, key: str) -> None:
    page.goto(origin + "2364/op/20/", wait_until="networkidle")
    page.keyboard.press(key)
    assert page.evaluate("document.activeElement.id") == "res-header-search"
    assert page.input_value(HEADER_INPUT) == "", "the key itself was typed into the box"
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") != "res-header-search"
    # In another field the keys are text.
    page.goto(origin + "search/", wait_until="networkidle")
    page.focus("#res-search-input")
    page.keyboard.type(f"a{key}b")
    assert page.input_value("#res-search-input") == f"a{key}b"
    assert page.input_value(HEADER_INPUT) == ""


def test_on_a_phone_one_tap_opens_search(browser: Browser, origin: str) -> None:
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    try:
        page = context.new_page()
        page.goto(origin + "2364/op/20/", wait_until="networkidle")
        # Material's own phone layout: the box sits folded away (no width, transparent) until opened.
        inner = page.locator(".md-header .md-search__inner")
        shown = "element => { const s = getComputedStyle(element); return s.opacity === '1' && element.getBoundingClientRect().width > 300; }"
        assert not inner.evaluate(shown)
        page.locator(".md-header label.md-header__button[for=__search]").tap()
        page.wait_for_function(f"() => ({shown})(document.querySelector('.md-header .md-search__inner'))")
        assert page.evaluate("document.activeElement.id") == "res-header-search"
        found = header_search(page, "cantonment")
        assert found and page.locator(f"{HEADER_PANEL} .res-search-results a").first.is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    finally:
        context.close()


# ---- Honest results ------------------------------------------------------------------------------


@pytest.mark.parametrize("query", ["Barkhane", "Barkhane Mali", "xylophone"])
def test_a_word_in_no_paragraph_finds_nothing(page: Page, origin: str, query: str) -> None:
    # Pagefind alone answers "Barkhane" with the paragraphs holding "(b)": the longest prefix it knows.
    page.goto(origin)
    assert header_search(page, query) == []
    assert status(page).startswith("No paragraph contains “")


def test_a_partly_typed_word_still_finds_the_words_it_begins(page: Page, origin: str) -> None:
    page.goto(origin + "2364/")
    found = header_search(page, "cantonm")
    hit = next(r for r in found if "/2364/op/2/" in r["href"])
    assert "pagefind-highlight=cantonment" in hit["href"]


def test_counts_are_true_and_more_results_shows_the_rest(page: Page, origin: str) -> None:
    # The index has one page per resolution: until every resolution's hit is read the count is of
    # resolutions, then of paragraphs, and it is the number of paragraphs listed.
    page.goto(origin)
    header_search(page, "protection of civilians")
    resolutions = int(re.match(r"Results from (\d+) resolutions", status(page)).group(1))
    assert resolutions > 2
    shown = page.locator(f"{HEADER_PANEL} .res-search-results > li")
    assert shown.count() == 10
    more = page.locator(f"{HEADER_PANEL} .res-search-more")
    assert re.fullmatch(r"More results \((\d+ more, and )?from \d+ more resolutions\)", more.inner_text())
    while more.is_visible():
        before = shown.count()
        more.click()
        page.wait_for_function(f"n => document.querySelectorAll('{HEADER_PANEL} .res-search-results > li').length > n", arg=before)
    total = int(re.match(r"(\d+) results for", status(page)).group(1))
    assert shown.count() == total > resolutions
    hrefs = [r["href"].split("?")[0] for r in results(page, HEADER_PANEL)]
    assert len(set(hrefs)) == total, "a page listed twice"
    assert len({r["meta"].split(" · ")[0] for r in results(page, HEADER_PANEL)}) <= resolutions


def test_common_words_are_not_looked_up(page: Page, origin: str) -> None:
    # "of" stands in nearly every paragraph: the list of where is larger than the rest of a first query.
    fetched: list[str] = []
    page.on("request", lambda request: fetched.append(request.url) if "/pagefind/index/" in request.url else None)
    page.goto(origin + "2364/")
    found = header_search(page, "protection of civilians")
    assert found and status(page).startswith(f"{len(found)} result")
    assert len(fetched) == 2, fetched


def test_filtering_by_part_narrows_the_count(page: Page, origin: str) -> None:
    # Within a resolution every hit is read at once, so each filter value has its count of paragraphs.
    page.goto(origin + "2364/")
    header_search(page, "Mali")
    total = int(re.match(r"(\d+) results", status(page)).group(1))
    page.locator(f"{HEADER_PANEL} .res-search-filters summary").click()
    part = page.locator(f"{HEADER_PANEL} select[name=part]")
    part.wait_for()
    options = part.locator("option").all_inner_texts()
    preamble = next(o for o in options if o.startswith("Preamble ("))
    expected = int(re.search(r"\((\d+)\)", preamble).group(1))
    assert 0 < expected < total
    part.select_option("Preamble")
    answered(page, HEADER_PANEL, "Mali")
    assert status(page).startswith(f"{expected} result")
    assert all(r["title"].startswith("Preambular paragraph") for r in results(page, HEADER_PANEL))


def test_filtering_by_theme_keeps_the_paragraphs_of_that_theme(page: Page, origin: str) -> None:
    page.goto(origin + "2364/")
    header_search(page, "Mali")
    page.locator(f"{HEADER_PANEL} .res-search-filters summary").click()
    theme = page.locator(f"{HEADER_PANEL} select[name=theme]")
    theme.wait_for()
    option = next(o for o in theme.locator("option").all_inner_texts() if o.startswith("Protection of civilians ("))
    expected = int(re.search(r"\((\d+)\)", option).group(1))
    theme.select_option("Protection of civilians")
    answered(page, HEADER_PANEL, "Mali")
    assert status(page).startswith(f"{expected} result")
    hrefs = [r["href"].split("?")[0] for r in results(page, HEADER_PANEL)]
    for href in hrefs[:3]:  # each paragraph's own page lists the theme
        page.goto(href)
        assert page.locator(".res-facet a[href$='themes/protection-of-civilians/']").count(), href


# ---- Hits open at the sub-paragraph, highlighted -----------------------------------------------


def test_a_hit_opens_at_its_sub_paragraph_with_the_words_highlighted(page: Page, origin: str) -> None:
    page.goto(origin + "2364/")
    found = header_search(page, "anticipate deter counter")
    assert found[0]["href"].startswith(origin + "2364/op/20/?pagefind-highlight=") and found[0]["href"].endswith("#op-20-c-ii")
    assert found[0]["title"] == "Paragraph 20 (c) (ii)"
    page.locator(f"{HEADER_PANEL} .res-search-results a").first.click()
    anchor = "op-20-c-ii"
    page.wait_for_url(re.compile(".*#" + anchor))
    assert "pagefind-highlight=" in page.url
    marks = page.locator(f"#{anchor} mark.pagefind-highlight")
    marks.first.wait_for()
    assert marks.first.is_visible(), "the highlighted words are not in view"
    assert page.locator(".res-label mark").count() == 0


def test_a_second_resolution_hit_opens_at_its_sub_paragraph(page: Page, origin: str) -> None:
    page.goto(origin + "2253/")
    found = header_search(page, "freeze without delay")
    assert found and all("/2253/" in r["href"] for r in found), "a search from 2253's pages looks in 2253 first"
    assert found[0]["href"].startswith(origin + "2253/op/2/?pagefind-highlight=") and found[0]["href"].endswith("#op-2-a")
    page.locator(f"{HEADER_PANEL} .res-search-results a").first.click()
    page.locator("#op-2-a mark.pagefind-highlight").first.wait_for()


# ---- Go to paragraph, within the resolution ------------------------------------------------------


@pytest.mark.parametrize(("number", "query", "expected"), [
    (2364, "20 (c) (ii)", "2364/op/20/#op-20-c-ii"),
    (2364, "op 20", "2364/op/20/"),
    (2364, "pp 3", "2364/pp/3/"),
    (2253, "2 (a)", "2253/op/2/#op-2-a"),
    (2253, "paragraph 5", "2253/op/5/"),
])
def test_a_paragraph_number_on_a_resolutions_page_means_its_paragraph(page: Page, origin: str, number: int, query: str, expected: str) -> None:
    page.goto(f"{origin}{number}/op/1/")
    found = header_search(page, query)
    assert found[0]["href"] == origin + expected
    assert len([r for r in found if r["title"].startswith("Go to ")]) == 1
    assert all(f"/{number}/" in r["href"] for r in found), "results from other resolutions before widening"
    page.press(HEADER_INPUT, "Enter")
    page.wait_for_url(origin + expected)
    if "#" in expected:
        target = page.locator("#" + expected.split("#")[1])
        assert target.evaluate("element => element.matches(':target')") and target.is_visible()


@pytest.mark.parametrize(("query", "expected"), [
    ("S/RES/2364 (2017), para. 34", "2364/op/34/"),
    ("resolution 2295 para 19", "2295/op/19/"),
    ("2364 (2017) 20 (c) (ii)", "2364/op/20/#op-20-c-ii"),
])
def test_a_citation_of_another_resolution_goes_there(page: Page, origin: str, query: str, expected: str) -> None:
    page.goto(origin + "2253/")
    found = header_search(page, query)
    assert found[0]["href"] == origin + expected


def test_one_click_searches_all_resolutions(page: Page, origin: str) -> None:
    page.goto(origin + "2364/op/20/")
    header_search(page, "cantonment")
    within = int(re.match(r"(\d+) results", status(page)).group(1))
    widen = page.locator(f"{HEADER_PANEL} .res-search-widen")
    label = widen.inner_text()
    everywhere = int(re.search(r"\((\d+) resolutions have these words\)", label).group(1))
    assert everywhere > 1 and within > 0
    widen.click()
    answered(page, HEADER_PANEL, "cantonment")
    said = status(page)
    counted = re.match(r"(\d+) results for", said)
    assert (counted and int(counted.group(1)) > within) or said.startswith(f"Results from {everywhere} resolutions"), said
    assert {r["meta"].split(" · ")[0] for r in results(page, HEADER_PANEL)} - {"S/RES/2364 (2017)"}
    # And a paragraph number now means that paragraph of every resolution that has one.
    found = header_search(page, "op 20")
    assert len([r for r in found if r["title"].startswith("Go to ")]) > 1


def test_the_search_page_uses_the_same_search(page: Page, origin: str) -> None:
    panel = "[data-res-search-output=page]"
    page.goto(origin + "search/?q=Barkhane")
    assert answered(page, panel, "Barkhane") == []
    assert status(page, panel).startswith("No paragraph contains")
    page.fill("#res-search-input", "20 (c) (ii)")
    found = answered(page, panel, "20 (c) (ii)")
    assert origin + "2364/op/20/#op-20-c-ii" in [r["href"] for r in found]


@pytest.mark.parametrize("path", ["", "2364/op/20/"])
def test_a_first_query_downloads_little(page: Page, origin: str, path: str) -> None:
    # Measured, not assumed: every response the search fetches (scripts, index, the texts it reads).
    sizes: dict[str, int] = {}
    page.on("response", lambda response: sizes.__setitem__(response.url, len(response.body())) if "/pagefind/" in response.url or "resolutions.json" in response.url else None)
    page.goto(origin + path, wait_until="networkidle")
    header_search(page, "protection of civilians")
    page.wait_for_load_state("networkidle")
    total = sum(sizes.values())
    print(f"first query from a paragraph page: {total} bytes in {len(sizes)} files")
    assert 0 < total < 300_000, sizes


# ---- Dark mode -----------------------------------------------------------------------------------


def scheme(page: Page) -> str:
    return page.evaluate("document.body.getAttribute('data-md-color-scheme')")


def test_dark_mode_follows_the_system_and_the_toggle_persists(browser: Browser, origin: str) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(origin + "2364/", wait_until="networkidle")
        assert scheme(page) == "slate"
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        # The toggle cycles system → light → dark; the visible button is the next step.
        for _ in range(3):
            if scheme(page) == "default":
                break
            page.locator("form[data-md-component=palette] label.md-header__button:visible").click()
        assert scheme(page) == "default"
        assert page.evaluate("getComputedStyle(document.body).backgroundColor") != background
        page.goto(origin + "2253/op/2/", wait_until="networkidle")
        assert scheme(page) == "default", "the choice did not persist to the next page"
    finally:
        context.close()


AXE_PAGES = ["", "2364/", "2364/text/", "2364/op/20/", "search/", "2364/op/99/"]


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("color_scheme", ["light", "dark"])
@pytest.mark.parametrize("path", AXE_PAGES, ids=["home", "overview", "text", "op-20", "search", "404"])
def test_no_axe_violations_in_either_scheme(browser: Browser, origin: str, path: str, color_scheme: str, viewport: dict[str, int]) -> None:
    context = browser.new_context(viewport=viewport, color_scheme=color_scheme)
    try:
        page = context.new_page()
        page.goto(origin + path, wait_until="networkidle")
        assert scheme(page) == ("slate" if color_scheme == "dark" else "default")
        violations = Axe().run(page).response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"][:5]]) for v in violations] == []
    finally:
        context.close()


def test_search_results_have_no_axe_violations_in_the_dark(browser: Browser, origin: str) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(origin + "2364/", wait_until="networkidle")
        header_search(page, "protection of civilians")
        page.locator(f"{HEADER_PANEL} .res-search-filters summary").click()
        page.locator(f"{HEADER_PANEL} select[name=part]").wait_for()
        violations = Axe().run(page).response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"][:5]]) for v in violations] == []
    finally:
        context.close()


# ---- 404 -----------------------------------------------------------------------------------------


def hint(page: Page, origin: str, path: str) -> tuple[str, list[str]]:
    response = page.goto(origin + path, wait_until="networkidle")
    assert response is not None and response.status == 404
    text = page.locator("#res-404-hint")
    page.wait_for_function("() => !document.getElementById('res-404-hint').textContent.startsWith('There is no page')")
    links = text.locator("a").evaluate_all("links => links.map(a => a.href)")
    return text.inner_text(), links


@pytest.mark.parametrize(("path", "says", "link"), [
    ("2364/op/99/", "S/RES/2364 (2017) has 49 operative paragraphs", "2364/#operative-part"),
    ("2364/pp/50/", "S/RES/2364 (2017) has 41 preambular paragraphs", "2364/#preamble"),
    ("2364/op/20/c/ii/", "S/RES/2364 (2017), paragraph 20 (c) (ii)", "2364/op/20/#op-20-c-ii"),
    ("2253/op/20/a/", "S/RES/2253 (2015), paragraph 20 (a)", "2253/op/20/#op-20-a"),
    ("2253/op/500/", "S/RES/2253 (2015) has 99 operative paragraphs", "2253/#operative-part"),
    ("9999/op/1/", "no resolution 9999", ""),
])
def test_the_404_page_says_what_the_resolution_has(page: Page, origin: str, path: str, says: str, link: str) -> None:
    text, links = hint(page, origin, path)
    assert says in text
    assert origin + link in links
    for href in links:
        assert page.request.get(href.split("#")[0]).status == 200, href


def test_the_404_page_has_search(page: Page, origin: str) -> None:
    page.goto(origin + "2364/op/99/")
    assert page.locator(f".md-header {HEADER_INPUT}").is_visible()
    page.fill("#res-404-search", "cantonment")
    page.press("#res-404-search", "Enter")
    page.wait_for_url(re.compile(r".*/resolution-site/search/\?q=cantonment$"))
    page.locator("[data-res-search-output=page] .res-search-results a[href*='/2364/op/2/']").first.wait_for()


def test_highlighted_words_have_no_axe_violations_in_the_dark(browser: Browser, origin: str) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(origin + "2364/op/20/?pagefind-highlight=anticipate&pagefind-highlight=deter#op-20-c-ii", wait_until="networkidle")
        page.locator("#op-20-c-ii mark.pagefind-highlight").first.wait_for()
        violations = Axe().run(page).response["violations"]
        assert [(v["id"], [n["target"] for n in v["nodes"][:5]]) for v in violations] == []
    finally:
        context.close()

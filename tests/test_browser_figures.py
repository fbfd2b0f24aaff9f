"""The pictures and tables of the insight and corpus pages in a real browser, on a desktop and a phone.

Debian's Chromium through Playwright, against the `site` fixture: at 1280×800 and 390×844 no page
scrolls sideways, no axe-core violation, every visible picture's text is at least 14 px and its
links at least 24 px, no two labels overlap, links in pictures are not underlined; on a phone a
wide picture gives way to its table and every table of three columns or more stacks its rows; in Material's dark scheme
the pictures' text keeps its contrast.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page


PICTURES = ["2364/matrix/", "2364/references-map/", "2364/strength/", "2640/matrix/", "2253/references-map/", "1325/strength/"]
TABLES = ["2364/obligations/", "2364/timeline/", "2364/mandate/", "2690/obligations/"]
CORPUS = [
    "actors/", "actors/1/", "actors/minusma/", "actors/minusma/years/2017/", "themes/", "themes/human-rights/", "themes/human-rights/years/2017/",
    "verbs/", "verbs/years/2017/", "glossary/", "references/", "references/resolutions/1/", "references/cited/s-res-1325-2000/",
]
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}


@pytest.fixture(params=list(SIZES), ids=list(SIZES))
def size(request) -> str:
    return request.param


@pytest.fixture
def page(browser: Browser, size: str) -> Iterator[Page]:
    width, height = SIZES[size]
    context = browser.new_context(viewport={"width": width, "height": height})
    yield context.new_page()
    context.close()


# Every <text> of every visible picture: its rendered size, box, slant and whether it is in a link.
VISIBLE_TEXTS = """() => [...document.querySelectorAll('figure.res-figure svg')].filter(svg => svg.getClientRects().length).flatMap(svg => {
  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
  return [...svg.querySelectorAll('text')].map(text => {
    const box = text.getBoundingClientRect();
    return {figure: svg.id, text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale,
            box: [box.left, box.top, box.right, box.bottom], slant: text.getAttribute('transform') || '',
            x: parseFloat(text.getAttribute('x')), decoration: getComputedStyle(text).textDecorationLine,
            linkDecoration: text.closest('a') ? getComputedStyle(text.closest('a')).textDecorationLine : 'none'};
  });
})"""
VISIBLE_LINKS = """() => [...document.querySelectorAll('figure.res-figure svg a')].filter(a => a.getClientRects().length).map(a => {
  const box = a.getBoundingClientRect(); return {name: a.getAttribute('aria-label'), width: box.width, height: box.height};
})"""


def overflow(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("path", PICTURES + TABLES + CORPUS)
def test_no_page_scrolls_sideways_and_axe_finds_nothing(page: Page, origin: str, path: str) -> None:
    page.goto(origin + path, wait_until="networkidle")
    assert overflow(page) <= 0
    problems = [(v["id"], [n["target"] for n in v["nodes"][:3]]) for v in Axe().run(page).response["violations"]]
    assert problems == []


@pytest.mark.parametrize("path", PICTURES)
def test_visible_picture_text_is_14px_links_24px_never_underlined(page: Page, origin: str, size: str, path: str) -> None:
    page.goto(origin + path, wait_until="networkidle")
    texts = page.evaluate(VISIBLE_TEXTS)
    figure_shown = page.locator("figure.res-figure").is_visible()
    table_shown = page.locator("figure.res-figure ~ table, .md-typeset__scrollwrap table, table").first.is_visible()
    assert table_shown, "the table alternative is always there"
    if not figure_shown:
        # Only a wide picture steps aside, only on a phone, and it says so.
        assert size == "phone" and "res-figure--wide" in page.locator("figure.res-figure").get_attribute("class")
        assert page.locator(".res-figure__instead").is_visible()
        return
    assert texts
    assert min(text["px"] for text in texts) >= 14 - 0.01
    assert {text["decoration"] for text in texts} | {text["linkDecoration"] for text in texts} == {"none"}
    links = page.evaluate(VISIBLE_LINKS)
    assert links and min(min(link["width"], link["height"]) for link in links) >= 24 - 0.01


def _overlap(a: list[float], b: list[float]) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 1 and min(a[3], b[3]) - max(a[1], b[1]) > 1


@pytest.mark.parametrize("path", ["2364/matrix/", "2640/matrix/", "2364/references-map/", "2253/references-map/", "2364/strength/"])
def test_no_two_labels_of_a_picture_overlap(browser: Browser, origin: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(origin + path, wait_until="networkidle")
    texts = page.evaluate(VISIBLE_TEXTS)
    rows = page.evaluate("""() => [...document.querySelectorAll('#actor-theme-matrix a')].filter(a => a.getAttribute('aria-label').startsWith('What is asked of'))
        .map(a => [...a.querySelectorAll('text')].map(t => t.textContent).join(' '))""")
    context.close()
    upright = [t for t in texts if not t["slant"]]
    clashes = [(a["text"], b["text"]) for i, a in enumerate(upright) for b in upright[i + 1 :] if _overlap(a["box"], b["box"])]
    assert clashes == []
    slanted = sorted((t for t in texts if t["slant"]), key=lambda t: t["x"])
    for left, right in zip(slanted, slanted[1:]):
        angle = float(re.match(r"rotate\(-?([\d.]+)", left["slant"]).group(1))
        # Parallel slanted labels: the gap between their baselines, across the slant, exceeds a line.
        assert (right["x"] - left["x"]) * math.sin(math.radians(angle)) >= 14 * 1.2
    assert len(rows) == len(set(rows)), "each row of the matrix has a label of its own"


@pytest.mark.parametrize("path", TABLES + ["actors/", "actors/1/"])
def test_tables_stack_their_rows_on_a_phone(browser: Browser, origin: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(origin + path, wait_until="networkidle")
    cells = page.evaluate("""() => [...document.querySelectorAll('.md-typeset td[data-label]:nth-child(3)')].flatMap(td => [...td.parentNode.children]).slice(0, 40).map(td => ({
        label: td.dataset.label, before: getComputedStyle(td, '::before').content, right: td.getBoundingClientRect().right,
        display: getComputedStyle(td).display}))""")
    context.close()
    assert cells
    assert all(cell["display"] == "grid" and cell["before"] == f'"{cell["label"]}"' for cell in cells)
    assert max(cell["right"] for cell in cells) <= 390


def _luminance(rgb: tuple[float, ...]) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb[:3])
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(v) for v in re.findall(r"[\d.]+", css)[:3])


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("path", ["2364/matrix/", "2364/references-map/", "2364/strength/"])
def test_picture_text_keeps_its_contrast_in_both_schemes(browser: Browser, origin: str, scheme: str, path: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(origin + path, wait_until="networkidle")
    page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    page.wait_for_timeout(500)  # Material eases link colours in over 125 ms
    fills = page.evaluate("() => [...new Set([...document.querySelectorAll('figure.res-figure svg text')].map(t => getComputedStyle(t).fill))]")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    back = _luminance(_rgb(background))
    for fill in fills:
        front = _luminance(_rgb(fill))
        ratio = (max(front, back) + 0.05) / (min(front, back) + 0.05)
        assert ratio >= 4.5, (scheme, fill, background)

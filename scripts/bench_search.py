"""What a reader's first search query downloads, with Material's lunr search and with Pagefind.

Material's search worker fetches search/search_index.json whole before it can answer anything, so its
first-query payload is that file plus the worker script, read here from the disk. Pagefind fetches its
script, its WebAssembly, an entry file, the index chunks holding the query's words and one fragment per
shown result: that is measured by running a query in Debian's Chromium through Pagefind's JS API and
summing the bodies of the responses under /pagefind/. What a reader's first query downloads through
the site's own search (search.js: common words left out, a resolution's pages searching it first,
paragraphs read from each resolution's hit until ten are shown) is measured by typing the query into
the header's box, from the home page and from a paragraph page. Sizes are raw and gzipped (GitHub Pages gzips text;
Pagefind's own chunks are already compressed).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench_measure import gzipped

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402 - the repository root is on the path only now

# A phrase on every resolution (many hits, common words) and a rare place name (one paragraph per resolution) (few hits).
QUERIES = ("protection of civilians", "Timbuktu")
SHOWN_RESULTS = 5  # Pagefind's default UI loads fragments for the first five results

PAGEFIND_QUERY = """
async ([query, shown]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.options({ baseUrl: "/" });
  const search = await pagefind.search(query);
  const shownResults = await Promise.all(search.results.slice(0, shown).map((r) => r.data()));
  return { hits: search.results.length, top: shownResults.map((d) => d.url) };
}
"""


@dataclass(frozen=True, slots=True)
class Payload:
    """Bytes a first query downloads."""

    engine: str
    """lunr, pagefind (Pagefind's JS API, five results' data) or search.js from PAGE (the header's box)."""
    query: str
    """The query, or "(any)" when the payload does not depend on it."""
    raw: int
    """Bytes as stored."""
    gzip: int
    """Bytes if served gzipped."""
    requests: int
    """How many files."""
    hits: int
    """Results found, -1 when not run in a browser."""


def lunr_payload(site: Path) -> Payload:
    """search_index.json plus Material's search worker script."""
    files = [site / "search" / "search_index.json", *sorted((site / "assets/javascripts/workers").glob("search.*.js"))]
    data = [path.read_bytes() for path in files if path.is_file()]
    return Payload("lunr", "(any)", sum(map(len, data)), sum(map(gzipped, data)), len(data), -1)


@contextmanager
def _chromium(site: Path) -> Iterator[tuple[str, object]]:
    """(origin, browser): ``site`` served locally and Debian's Chromium, closed afterwards."""
    from playwright.sync_api import sync_playwright

    with serve(site) as origin, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield origin, browser
        finally:
            browser.close()


def _payload(engine: str, query: str, responses: list, hits: int) -> Payload:
    bodies = [response.body() for response in responses]
    return Payload(engine, query, sum(map(len, bodies)), sum(map(gzipped, bodies)), len(bodies), hits)


def pagefind_payloads(site: Path) -> list[Payload]:
    """One fresh browser context per query, so nothing is cached between them."""
    if not CHROMIUM.exists():
        return []
    payloads = []
    with _chromium(site) as (origin, browser):
        for query in QUERIES:
            context = browser.new_context()
            page = context.new_page()
            page.goto(origin + "2364/", wait_until="load")
            responses = []
            page.on("response", lambda response: responses.append(response) if "/pagefind/" in response.url else None)
            result = page.evaluate(PAGEFIND_QUERY, [query, SHOWN_RESULTS])
            page.wait_for_load_state("networkidle")
            payloads.append(_payload("pagefind", query, responses, result["hits"]))
            context.close()
    return payloads


UI_PAGES = ("", "2364/op/20/")
"""The home page searches every resolution; a resolution's page searches it first."""


def ui_payloads(site: Path) -> list[Payload]:
    """Each query typed into the header's box on each of UI_PAGES, in a fresh browser context."""
    if not CHROMIUM.exists():
        return []
    payloads = []
    with _chromium(site) as (origin, browser):
        for path in UI_PAGES:
            for query in QUERIES:
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                page.goto(origin + path, wait_until="networkidle")
                responses = []
                page.on("response", lambda response: responses.append(response) if "/pagefind/" in response.url or "resolutions.json" in response.url else None)
                page.fill("#res-header-search", query)
                done = "q => document.querySelector('[data-res-search-output=header]').getAttribute('data-query') === q"
                page.wait_for_function(done, arg=query, timeout=120_000)
                page.wait_for_load_state("networkidle")
                hits = page.locator("[data-res-search-output=header] .res-search-results > li").count()
                payloads.append(_payload(f"search.js from /{path}", query, responses, hits))
                context.close()
    return payloads

"""The corpus-wide pages (actors, themes, verbs, glossary, references) do not grow with the corpus.

The real resolutions of source_texts/ are read once, then published ten times over under other
numbers and years (a corpus of 390): every page must stay as small as at 39, the indexes must
link onward to every element, and the actors' kinds must read as a reader expects.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from build_scripts.analyse.actors import ActorKind
from build_scripts.analyse.analysis import analyse
from build_scripts.pipeline import load_resolution
from build_scripts.read.header import symbol_of
from build_scripts.render import listing
from build_scripts.render.analysis_pages import ACTORS_PER_PAGE, analysis_pages, kind_name
from build_scripts.render.references_page import references_pages
from build_scripts.sources import resolution_files

SOURCES = Path(__file__).resolve().parent.parent / "source_texts"
LIMIT = 40_000
"""Bytes of a page's Markdown (raw HTML, nearly all of it) that keep it under 50 KB once MkDocs
adds the theme's ~11 KB of header, navigation and footer."""


@pytest.fixture(scope="module")
def corpus():
    entries = []
    for path in resolution_files(SOURCES):
        resolution, _diagnostics = load_resolution(path)
        if resolution is not None:
            found, _warnings = analyse(resolution)
            entries.append((resolution, found))
    entries.sort(key=lambda entry: entry[0].metadata.number)
    assert len(entries) >= 39
    return entries


def copies(corpus, times: int):
    """The corpus ``times`` over, each copy under new numbers (10000 + …) and years, as if adopted later."""
    out = []
    for copy in range(times):
        for resolution, found in corpus:
            meta = resolution.metadata
            number, year = meta.number + 10000 * (copy + 1), meta.year + copy
            new = dataclasses.replace(meta, number=number, year=year, symbol=symbol_of(number, year))
            out.append((dataclasses.replace(resolution, metadata=new), found))
    return out


def soup(page):
    """The page as MkDocs would render its body (headings get their { #id })."""
    body = page.markdown.split("---\n", 2)[2]
    return BeautifulSoup(markdown.markdown(body, extensions=["attr_list", "tables"]), "lxml")


def pages_of(corpus):
    pages = list(analysis_pages([(r, found.annotations) for r, found in corpus]))
    pages += references_pages([(r, found.references) for r, found in corpus])
    return {page.path: page for page in pages}


@pytest.fixture(scope="module")
def at_39(corpus):
    return pages_of(corpus)


@pytest.fixture(scope="module")
def at_390(corpus):
    return pages_of(copies(corpus, 10))


def test_no_page_grows_past_the_limit_at_ten_times_the_corpus(at_39, at_390):
    for pages in (at_39, at_390):
        largest = max(pages.values(), key=lambda page: len(page.markdown.encode()))
        assert len(largest.markdown.encode()) < LIMIT, largest.path
    for path in ("actors/", "actors/secretary-general/", "themes/human-rights/", "verbs/", "glossary/", "references/"):
        # An index is no larger at 390 resolutions than a fixed bound, whatever it held at 39.
        assert len(at_390[path].markdown.encode()) < LIMIT, path


def test_a_long_list_of_resolutions_goes_by_year(at_390):
    page = soup(at_390["actors/secretary-general/"])
    years = [a["href"] for a in page.find(id="asked").find_next("table").find_all("a")]
    heading_rows = page.find_all("th")
    assert "Year" in [th.get_text() for th in heading_rows]
    assert years and all(href.startswith("years/") and href.endswith("/#asked") for href in years)
    year_page = at_390["actors/secretary-general/" + years[0].partition("#")[0]]
    # A year's page lists the elements themselves, each resolution under its own heading.
    asked = soup(year_page).find(id="asked").find_next("div")
    headings = [h3["id"] for h3 in asked.find_all("h3")]
    assert headings and all(heading.startswith("asked-") for heading in headings)
    assert all(a["href"].startswith("../../../../") and "/op/" in a["href"] for a in asked.find_all("a"))


def test_every_element_asked_of_an_actor_is_one_page_away_from_its_resolution_row(corpus, at_39):
    resolution, found = next((r, f) for r, f in corpus if r.metadata.number == 2364)
    asked = {e for e in found.annotations.addressing("secretary-general")}
    row = next(a["href"] for a in soup(at_39["actors/secretary-general/"]).find(id="asked").find_next("table").find_all("a") if a.get_text() == "S/RES/2364 (2017)")
    assert row == "years/2017/#asked-2364"
    year = soup(at_39["actors/secretary-general/years/2017/"])
    hrefs = {a["href"] for a in year.find(id="asked-2364").find_next("ul").find_all("a")}
    from build_scripts import ids

    expected = {"../../../../" + ids.permalink(2364, element) for element in asked}
    assert expected and expected == hrefs


def test_the_actors_index_is_split_into_pages_that_list_every_actor(at_390):
    index = soup(at_390["actors/"])
    pages = [a["href"] for a in index.find("tbody").find_all("a")]
    assert pages[0] == "1/"
    listed = []
    for href in pages:
        rows = soup(at_390[f"actors/{href}"]).find("tbody").find_all("tr")
        assert len(rows) <= ACTORS_PER_PAGE
        listed += [row.a["href"] for row in rows]
    own = {path for path in at_390 if path.count("/") == 2 and path.startswith("actors/") and not path.split("/")[1].isdigit()}
    assert {f"actors/{href.removeprefix('../')}" for href in listed} == own


def test_a_page_lists_its_elements_itself_while_they_fit(at_39):
    actors = [path for path in at_39 if re.fullmatch(r"actors/[a-z][a-z0-9-]*/", path)]
    by_year = {path: [p for p in at_39 if p.startswith(path + "years/")] for path in actors}
    inline, split = [path for path in actors if not by_year[path]], [path for path in actors if by_year[path]]
    assert inline and split
    for path in inline:
        listed = soup(at_39[path]).select(".res-listing li")
        assert 0 < len(listed) <= listing.INLINE_ELEMENTS, path
    for path in split:
        assert not soup(at_39[path]).select(".res-listing li")
        assert sum(len(soup(at_39[year]).select(".res-listing li")) for year in by_year[path]) > listing.INLINE_ELEMENTS, path


def test_kinds_read_as_words_a_reader_uses():
    assert kind_name(ActorKind.UN_ORGAN_OR_OFFICIAL) == "UN organ or official"
    assert kind_name(ActorKind.UN_MISSION) == "UN mission"
    assert all(kind_name(kind)[0].isupper() for kind in ActorKind)


def test_the_actor_page_shows_its_kind_capitalised(at_39):
    page = soup(at_39["actors/secretary-general/"])
    assert page.find("th", string="Kind").find_next("td").get_text() == "UN organ or official"


def test_the_home_page_lists_years_once_the_site_is_large(corpus):
    from build_scripts.render.pages import HOME_LISTED, home_page, year_pages

    small = [resolution for resolution, _found in corpus]
    large = [resolution for resolution, _found in copies(corpus, 3)]
    assert len(small) <= HOME_LISTED < len(large)
    assert year_pages(small) == []
    listed = soup(home_page(small)).select("table a[href$='/text/']")
    assert len(listed) == len(small)

    home, years = home_page(large), year_pages(large)
    assert len(home.markdown) < len(home_page(small).markdown)
    assert not soup(home).select("table a[href$='/text/']")
    links = {a["href"]: a.get_text() for a in soup(home).select(".res-years a")}
    assert set(links) == {page.path for page in years}
    # Every resolution is on exactly one year's page, with links back from that page's depth.
    rows = [a["href"] for page in years for a in soup(page).select("table a[href$='/text/']")]
    assert len(rows) == len(large)
    page = next(page for page in years if page.path == f"years/{large[0].metadata.year}/")
    assert f"../../{large[0].metadata.number}/text/" in page.markdown


def test_a_year_with_many_elements_continues_on_numbered_pages_that_rows_find(corpus, monkeypatch):
    monkeypatch.setattr(listing, "PAGE_ELEMENTS", 6)
    pages = pages_of(corpus)
    continued = sorted(path for path in pages if re.fullmatch(r"actors/secretary-general/years/\d{4}/\d+/", path))
    assert continued, "a year of the Secretary-General's requests should need a second page at 6 elements a page"
    first = continued[0].rsplit("/", 2)[0] + "/"
    numbers = [a.get_text() for a in soup(pages[first]).select(".res-parts a")]
    assert numbers and numbers[0] == "2"
    # Every row of the actor's page lands on the heading of its resolution, on whichever page holds it.
    rows = soup(pages["actors/secretary-general/"]).find(id="asked").find_next("table").find_all("a")
    for a in rows:
        target, _, anchor = a["href"].partition("#")
        assert soup(pages["actors/secretary-general/" + target]).find(id=anchor), a["href"]
    # No page holds more than its share, save a resolution that alone has more.
    for path in continued:
        page = soup(pages[path])
        resolutions = {h3["id"].rsplit("-", 1)[1] for h3 in page.select(".res-listing h3")}
        assert len(page.select(".res-listing li")) <= 6 or len(resolutions) == 1, path

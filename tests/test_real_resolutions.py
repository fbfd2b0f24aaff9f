"""Real resolutions other than the seed build into the same site, each with only the pages that apply.

The site is built from the seed text plus the fixtures in tests/fixtures/ (the words of the UN's
Akoma Ntoso files, laid out like a PDF extraction):

- S/RES/1826 (2008), a mandate renewal: paragraph 1 renews the mandates of UNOCI and of the
  French forces until 31 January 2009 "in particular to support the organization … of free, open,
  fair and transparent elections"; it lists no tasks in sub-paragraphs, and paragraphs 2 and 17
  request UNOCI to act;
- S/RES/2250 (2015), youth, peace and security: thematic, no mission and no mandate.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from build_scripts.analyse.actors import load_gazetteer
from tests.conftest import ROOT, build_site_into
from tests.linkcheck import ids_in, target_file
from tests.update_urls import public_urls, read_manifest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path("/work/corpus/Pre-2020")
UN_FILES = {"s-res-1826-2008": "2008/S_RES_1826_N0844260.xml", "s-res-2250-2015": "2015/S_RES_2250_1521698E.xml"}
INSIGHTS = ("obligations", "timeline", "mandate", "references-map", "matrix", "strength")


@pytest.fixture(scope="module")
def real_site(tmp_path_factory) -> Path:
    source = tmp_path_factory.mktemp("real") / "texts"
    source.mkdir()
    for path in [*(ROOT / "source_texts").glob("s-res-2364-2017.*"), *FIXTURES.glob("s-res-*")]:
        shutil.copy(path, source)
    return build_site_into(source, tmp_path_factory.mktemp("real-build"))


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the UN's Akoma Ntoso files are not on this machine")
@pytest.mark.parametrize("name", sorted(UN_FILES))
def test_each_fixture_holds_exactly_the_words_of_the_un_file(name):
    from lxml import etree

    namespace = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
    root = etree.parse(str(CORPUS / UN_FILES[name])).getroot()
    blocks = [node for node in root.iter(f"{namespace}docTitle")]
    blocks += [node for tag in ("preamble", "mainBody") for body in root.iter(f"{namespace}{tag}") for node in body.iter(f"{namespace}num", f"{namespace}p", f"{namespace}subheading")]
    text = " ".join("".join(node.itertext()) for node in blocks)  # words split by markup ('<i>Recallin</i>g') stay whole
    expected = words(re.sub(r"\bon(?=\d)", "on ", text))  # the file runs 'on' into the date: 'on29 July 2008'
    assert words((FIXTURES / f"{name}.txt").read_text(encoding="utf-8")) == expected


def test_every_real_resolution_has_its_overview_text_and_data(real_site):
    for number, operative in ((1826, 19), (2250, 22), (2364, 49)):
        assert (real_site / str(number) / "text" / "index.html").is_file()
        assert sorted(int(p.name) for p in (real_site / str(number) / "op").iterdir()) == list(range(1, operative + 1))
        for extension in ("json", "csv", "akn.xml"):
            assert (real_site / "data" / f"{number}.{extension}").is_file()


def test_the_renewal_s_mandate_page_gives_the_paragraph_that_renews_it_and_what_unoci_is_asked(real_site):
    mandate = page(real_site, "1826/mandate")
    text = " ".join(mandate.get_text(" ").split())
    assert "UNOCI and French forces" in text and "31 January 2009" in text
    assert "in particular to support the organization in Côte d’Ivoire of free, open, fair and transparent elections" in text
    hrefs = [a["href"] for a in mandate.find(class_="md-content").find_all("a", href=True)]
    assert {"../op/1/", "../op/2/", "../op/17/"} <= set(hrefs)
    requests = mandate.find(id="requests").find_next("table")
    assert [row.find("a").get_text() for row in requests.find("tbody").find_all("tr")] == ["Paragraph 2", "Paragraph 17"]
    assert "Requests to UNOCI" in mandate.find(id="requests").get_text()
    assert "mandate/" in [a["href"] for a in page(real_site, "1826").find_all("a", href=True)]


def test_a_thematic_resolution_has_no_mandate_page_and_no_link_to_one(real_site):
    assert not (real_site / "2250" / "mandate").exists()
    for html in [real_site / "index.html", *(real_site / "2250").rglob("index.html")]:
        soup = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        targets = {posixpath.normpath(posixpath.join(html.parent.relative_to(real_site).as_posix(), a["href"].partition("#")[0])) for a in soup.find_all("a", href=True)}
        assert "2250/mandate" not in targets, html
    assert "Mandate at a glance" not in page(real_site, "2250").get_text()


def test_the_overview_links_exactly_the_insight_pages_that_were_made(real_site):
    for number in (1826, 2250, 2364):
        made = {name for name in INSIGHTS if (real_site / str(number) / name / "index.html").is_file()}
        linked = {a["href"].strip("/") for a in page(real_site, str(number)).find_all("a", href=True)} & set(INSIGHTS)
        assert linked == made, number
    assert {name for name in INSIGHTS if (real_site / "2250" / name).exists()} == {"timeline", "references-map", "matrix", "strength"}
    assert {name for name in INSIGHTS if (real_site / "2364" / name).exists()} == set(INSIGHTS)


@pytest.mark.parametrize("number", [1826, 2250, 2364])
def test_the_data_file_lists_only_the_actors_the_resolution_names(real_site, number):
    model = json.loads((real_site / "data" / f"{number}.json").read_text(encoding="utf-8"))

    def named(elements):
        for element in elements:
            yield from element["addressees"]
            yield from element["mentions"]
            yield from named(element["items"])

    listed = [actor["id"] for actor in model["actors"]]
    gazetteer, _ = load_gazetteer()
    assert set(listed) == set(named(model["preamble"] + model["operative"]))
    assert 0 < len(listed) < len(gazetteer.actors)
    assert [a for a in listed if a in gazetteer.by_id] == [actor.id for actor in gazetteer.actors if actor.id in listed], "in gazetteer order"


def test_adding_real_resolutions_keeps_every_locked_url_of_the_seed(real_site):
    built = set(public_urls(real_site))
    assert [url for url in read_manifest() if url not in built] == []


def test_every_internal_link_on_the_new_resolutions_pages_resolves(real_site):
    """The seed's pages are checked in test_site.py; here the pages of 1826 and 2250 and the shared pages."""
    pages = [real_site / "index.html", *(real_site / "1826").rglob("*.html"), *(real_site / "2250").rglob("*.html")]
    known: dict[Path, set[str]] = {}
    problems = []
    for html in pages:
        for anchor in BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").find_all("a", href=True):
            href = anchor["href"]
            if href.startswith(("http://", "https://", "mailto:")):
                continue
            target, fragment = target_file(real_site, html, href)
            if target is None:
                problems.append(f"{html.relative_to(real_site)}: {href} (no such file)")
            elif fragment and target.suffix == ".html":
                if target not in known:
                    known[target] = ids_in(target)
                if fragment not in known[target]:
                    problems.append(f"{html.relative_to(real_site)}: {href} (no id {fragment!r})")
    assert problems == []

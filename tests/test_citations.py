"""Citations: the exact formats readers paste, and on every paragraph page the citation, permalink and JSON-LD."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from build_scripts.citations import citations


def by_style(meta, element_id):
    return {c.style: c.text for c in citations(meta, element_id)}


def test_sub_paragraph_citations_in_every_style(resolution):
    cited = by_style(resolution.metadata, "op-20-c-ii")
    assert cited["UN"] == "S/RES/2364 (2017), para. 20 (c) (ii)"
    assert cited["UN, in prose"] == "paragraph 20 (c) (ii) of resolution 2364 (2017)"
    assert cited["OSCOLA"] == "UNSC Res 2364 (29 June 2017) UN Doc S/RES/2364, para 20(c)(ii)"
    assert cited["Bluebook"] == "S.C. Res. 2364, ¶ 20(c)(ii) (June 29, 2017)"
    assert cited["Permalink"].endswith("/2364/op/20/#op-20-c-ii")
    assert cited["BibTeX"].startswith("@misc{unsc-res-2364-2017-op-20-c-ii,")
    csl = json.loads(cited["CSL-JSON"])
    assert csl["type"] == "legislation" and csl["issued"] == {"date-parts": [[2017, 6, 29]]} and csl["number"] == "S/RES/2364 (2017)"


def test_preambular_paragraphs_cite_as_preambular(resolution):
    cited = by_style(resolution.metadata, "pp-3")
    assert cited["UN"] == "S/RES/2364 (2017), preambular paragraph 3"
    assert cited["Permalink"].endswith("/2364/pp/3/")


@pytest.mark.parametrize("number", range(1, 50))
def test_every_operative_page_offers_its_citation_and_permalink_without_javascript(site, number):
    html = (site / "2364" / "op" / str(number) / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "lxml")
    citation = f"S/RES/2364 (2017), para. {number}"
    main = page.find("p", class_="res-cite-main")
    assert main.code.get_text() == citation and main["data-element"] == f"op-{number}"
    link = page.find("p", class_="res-cite-link").a
    assert link.get_text() == link["href"] == f"https://resolution-site.github.io/resolution-site/2364/op/{number}/"
    # Copy buttons and every other style are cite.js's (test_browser_reader.py): no dead buttons without it.
    assert page.select(".res-cite-main button, .res-cite-link button, .res-cite-all") == []
    assert page.find("link", rel="canonical")["href"].endswith(f"/2364/op/{number}/")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Legislation" and data["legislationIdentifier"] == citation
    assert data["isPartOf"]["legislationIdentifier"] == "S/RES/2364 (2017)" and data["legislationDate"] == "2017-06-29"


def test_the_overview_lists_its_parts_in_json_ld(site):
    page = BeautifulSoup((site / "2364" / "index.html").read_text(encoding="utf-8"), "lxml")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert len(data["hasPart"]) == 90


def test_pages_carry_open_graph_and_highwire_metadata_each_once(site):
    page = BeautifulSoup((site / "2364" / "op" / "20" / "index.html").read_text(encoding="utf-8"), "lxml")
    tags = [tag for tag in page.find_all("meta") if tag.get("content")]
    keys = [key for tag in tags for key in (tag.get("property"), tag.get("name")) if key]
    assert len(keys) == len(set(keys)), keys
    meta = {key: tag["content"] for tag in tags for key in (tag.get("property"), tag.get("name")) if key}
    assert meta["og:title"] == "S/RES/2364 (2017), paragraph 20"
    assert meta["og:url"].endswith("/2364/op/20/")
    assert meta["citation_title"] == "S/RES/2364 (2017), para. 20"
    assert meta["citation_publication_date"] == "2017/06/29"
    assert meta["citation_author"] == "United Nations Security Council"
    assert meta["citation_technical_report_number"] == "S/RES/2364 (2017)"
    # One tag is both the description search engines show and the one link previews show.
    description = page.find("meta", attrs={"name": "description"})
    assert description["property"] == "og:description" and description["content"].startswith("Paragraph 20 of Security Council resolution 2364 (2017): ")
    # No Dublin Core (it repeated the citation_* tags) and no generator tag.
    assert not [key for key in keys if key.startswith("DC.") or key == "generator"]
    assert page.find("title").get_text().startswith("S/RES/2364 (2017), paragraph 20")


def test_the_404_page_points_to_the_paragraph_lists(site):
    page = BeautifulSoup((site / "404.html").read_text(encoding="utf-8"), "lxml")
    assert page.find("h1").get_text() == "Page not found"
    assert "/2364/op/20/" in page.get_text()
    assert page.find(id="res-404-hint") is not None
    assert any(a["href"].endswith("/cite/") for a in page.find_all("a"))


def test_the_sitemap_lists_every_paragraph_page(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert sitemap.count("/2364/op/") == 49 and sitemap.count("/2364/pp/") == 41

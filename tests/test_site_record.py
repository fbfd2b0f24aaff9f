"""The built pages of the record: what the UN's files add to an overview, annex pages, footnotes, attribution."""

from __future__ import annotations

from bs4 import BeautifulSoup


def page(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def rows(soup):
    return {row.th.get_text(strip=True): row.td for row in soup.find("article").find("table").find_all("tr")}


def test_the_overview_of_2364_shows_its_record(site):
    overview = rows(page(site, "2364"))
    assert overview["Adopted"].get_text(" ", strip=True).startswith("29 June 2017, at the Council’s 7991st meeting")
    assert overview["Adopted"].a["href"] == "https://undocs.org/S/PV.7991"
    assert overview["Vote"].get_text(" ", strip=True).startswith("15 in favour, none against, none abstaining (adopted unanimously)")
    assert "Bolivia (Plurinational State of)" in overview["Vote"].find("details").get_text()
    assert overview["Draft"].a["href"] == "https://undocs.org/S/2017/558" and "France" in overview["Draft"].get_text()
    assert "Chapter VII" in overview["Charter"].get_text()
    assert overview["Agenda item"].get_text(strip=True) == "The situation in Mali"


def test_the_overview_says_the_text_was_checked_against_the_uns_file(site):
    note = page(site, "2364").find(class_="res-source").get_text(" ", strip=True)
    assert "checked word for word" in note and "S_RES_2364_1710886E.xml" in note


def test_an_abstention_and_a_resolution_built_from_the_uns_file(site):
    # 2295 (2016) is built from the UN's file alone: the page says so.
    note = page(site, "2295").find(class_="res-source").get_text(" ", strip=True)
    assert "Akoma Ntoso file" in note and "unofficial copy" in note


def test_every_annex_has_its_page_and_items_have_anchors(site):
    first = page(site, "2253/annex/1")
    assert first.find("h1").get_text(strip=True) == "Annex I"
    assert first.find(id="annex-1-dd") and first.find(id="annex-1-i") and first.find(id="annex-1-a-i")
    assert page(site, "2253/annex/2").find("h1").get_text(strip=True) == "Annex II"
    overview_links = {a["href"] for a in page(site, "2253").find_all("a")}
    assert {"annex/1/", "annex/2/"} <= overview_links


def test_annex_ii_of_this_resolution_links_to_that_annex(site):
    links = page(site, "2253/op/56").find(id="op-56").find_all("a", class_="res-ref-internal")
    assert "../../annex/2/" in {a["href"] for a in links}


def test_the_footer_credits_the_united_nations_as_the_source_and_links_the_sources_in_full(site):
    footer = page(site, "2295").find("footer")
    assert footer.get_text(" ", strip=True).startswith("Source: United Nations.")
    assert [a["href"] for a in footer.find_all("a")] == ["../cite/#sources"]
    sources = page(site, "cite").find(id="sources").find_next("p")
    assert "United Nations" in sources.get_text() and "UNxml/SCresolutions" in sources.get_text()

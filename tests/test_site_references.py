"""Cross-references on the built pages: each one a working link, both ways; the traps left alone."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup


def page(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def facet(paragraph_page, heading):
    """The list under ``heading`` ('Referred to in'…), folded in a <details> after the paragraph's text."""
    return next(d for d in paragraph_page.find_all("details", class_="res-facet") if d.summary.contents[0].strip() == heading).ul


def links_in(site, path, element_id):
    node = page(site, path).find(id=element_id)
    own = [a for a in node.find_all("a", class_="res-ref-internal") if a.find_parent(class_="res-el") is node]
    return [(a.get_text(), a["href"]) for a in own]


@pytest.mark.parametrize(
    ("path", "element_id", "expected"),
    [
        ("2364/op/16", "op-16", [("paragraph 34 below", "../34/")]),
        ("2364/op/21", "op-21", [("paragraph 20 (a) (ii)", "../20/#op-20-a-ii")]),
        ("2364/op/45", "op-45", [("paragraph 20 (a) (ii) above", "../20/#op-20-a-ii")]),
        ("2364/op/23", "op-23", [("20", "../20/"), ("22", "../22/"), ("paragraph 48 of this resolution", "../48/")]),
        ("2364/op/47", "op-47-ii", [("31", "../31/"), ("36", "../36/")]),
        ("2364/op/47", "op-47-iii", [("paragraph 42 above", "../42/")]),
        ("2364/op/46", "op-46", [("paragraph 14 above", "../14/")]),
        ("2364/op/37", "op-37", [("paragraph 47 below", "../47/")]),
        ("2364/pp/30", "pp-30", [("the paragraph above", "../29/")]),
    ],
)
def test_internal_references_link_to_the_paragraph_page(site, path, element_id, expected):
    assert links_in(site, path, element_id) == expected


def test_the_full_text_links_references_within_the_page(site):
    assert links_in(site, "2364/text", "op-16") == [("paragraph 34 below", "#op-34")]


def test_a_range_lists_every_paragraph_it_covers(site):
    outgoing = facet(page(site, "2364/op/47"), "References in this paragraph")
    hrefs = [a["href"] for a in outgoing.find_all("a")]
    assert [h for h in hrefs if h.startswith("../3")] == ["../31/", "../32/", "../33/", "../34/", "../35/", "../36/"]


def test_a_paragraph_of_another_resolution_links_to_that_resolution_not_here(site):
    node = page(site, "2364/op/22").find(id="op-22-d")
    assert node.find_all("a", class_="res-ref-internal") == []
    # 2253 (2015) is on the site (source_texts/ holds the UN's file), so the link goes to its paragraph 2.
    corpus = [a["href"] for a in node.find_all("a", class_="res-ref-corpus")]
    assert "../../../2253/op/2/" in corpus


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("2364/op/34", ["Paragraph 16", "Paragraph 47 (ii)"]),
        ("2364/op/20", ["Paragraph 23", "Paragraph 21 — to paragraph 20 (a) (ii)", "Paragraph 45 — to paragraph 20 (a) (ii)"]),
        ("2364/op/31", ["Paragraph 47 (ii)"]),
        ("2364/op/47", ["Paragraph 37"]),
        ("2364/pp/29", ["Preambular paragraph 30"]),
    ],
)
def test_incoming_references_are_listed_and_linked(site, path, expected):
    items = facet(page(site, path), "Referred to in").find_all("li")
    assert [li.get_text() for li in items] == expected
    assert all(li.a["href"].startswith("../") for li in items)


def test_every_cited_resolution_links_to_its_page_here_or_its_official_document(site):
    text = page(site, "2364/text")
    external = {a["href"] for a in text.find_all("a", class_="res-ref-external")}
    here = {a["href"].split("/")[2] for a in text.find_all("a", class_="res-ref-corpus")}
    # 29 of the 30 cited resolutions are on the site. 1265 (1999) predates the UN's files; "2242 (2016)"
    # is printed so in the official text (2242 was adopted in 2015), so no page answers to it.
    assert here == {"1296", "1325", "1526", "1612", "1674", "1738", "1820", "1882", "1888", "1889", "1894", "1960", "1998", "2017",
                    "2068", "2100", "2106", "2117", "2122", "2133", "2143", "2162", "2220", "2225", "2253", "2295", "2331", "2359"}
    assert {h for h in external if h.startswith("https://undocs.org/S/RES/")} == {"https://undocs.org/S/RES/1265(1999)", "https://undocs.org/S/RES/2242(2016)"}
    assert "https://undocs.org/S/PRST/2015/22" in external


def test_the_references_index_lists_instruments_without_links(site):
    index = page(site, "references")
    assert index.find(id="instruments")
    names = [h.get_text() for h in index.find_all("h3")]
    assert any("Rome Statute" in n for n in names) and any("Charter of the United Nations" in n for n in names)
    assert any("Agreement on Peace and Reconciliation in Mali" in n for n in names)


def cited_documents(site):
    """Every (symbol, 'Cited in' cell) of the references, following the index to its pages."""
    index = page(site, "references")
    rows = []
    for anchor in ("resolutions", "documents"):
        table = index.find(id=anchor).find_next("table")
        if [th.get_text() for th in table.find_all("th")] == ["Page", "Documents"]:
            for link in table.find_all("a"):
                chunk = page(site, f"references/{link['href']}".rstrip("/"))
                rows += [(tr.td.get_text(), tr.find_all("td")[1]) for tr in chunk.find("tbody").find_all("tr")]
        else:
            rows += [(tr.td.get_text(), tr.find_all("td")[1]) for tr in table.find("tbody").find_all("tr")]
    return rows


def test_every_cited_document_is_on_a_page_of_the_references(site):
    symbols = [symbol for symbol, _ in cited_documents(site)]
    for symbol in ("S/RES/1265 (1999)", "S/RES/2295 (2016)", "S/RES/2359 (2017)", "S/RES/2253 (2015)", "S/PRST/2015/22"):
        assert symbol in symbols
    assert len(symbols) == len(set(symbols))


def test_a_document_cited_by_many_resolutions_lists_each_citing_paragraph_on_its_own_page(site):
    cells = dict(cited_documents(site))
    # 1325 (2000) is cited by most resolutions on the site: too many for its row.
    link = cells["S/RES/1325 (2000)"].a
    assert link.get_text().endswith(" resolutions") and link["href"] == "../../cited/s-res-1325-2000/"
    own = page(site, "references/cited/s-res-1325-2000")
    rows = {tr.td.get_text(): [a["href"] for a in tr.find_all("td")[1].find_all("a")] for tr in own.find("tbody").find_all("tr")}
    assert len(rows) == int(link.get_text().split()[0]) > 3
    assert all(hrefs for hrefs in rows.values())
    cited_here = {a["href"] for a in page(site, "2364/text").find_all("a", class_="res-ref-corpus") if a["href"].startswith("../../1325/")}
    assert cited_here and "../../../2364/pp/12/" in rows["S/RES/2364 (2017)"]
    # A document cited once names its citing paragraph in its row.
    once = [cell for symbol, cell in cited_documents(site) if not cell.get_text().endswith(" resolutions")]
    assert once and all(cell.a["href"].startswith("../../../") for cell in once if cell.a)

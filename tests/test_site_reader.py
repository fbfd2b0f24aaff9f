"""Resolution pages as a reader meets them: text first, where the page sits, the way on, what is
indexed for search, editorial notes in plain words, correct English and a page that does not grow.

Static checks on the built ``site`` fixture (real resolutions from source_texts/); the browser
checks (copying, print, search) are in test_browser_reader.py.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from markupsafe import Markup

from build_scripts.citations import ordinal
from build_scripts.model import Repair, RepairRule
from build_scripts.pipeline import load_resolution
from build_scripts.render.links import ResolutionLinks
from build_scripts.render.pages import describe_repair, neighbours, overview_page, paragraph_page, reading_order
from tests.conftest import ROOT

OP20_BYTES_BEFORE = 42_658
"""site/2364/op/20/index.html before issue 15 (commit 1153edd): the page must not grow."""


def soup(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def source(name: str):
    model, _ = load_resolution(ROOT / "source_texts" / name)
    assert model is not None
    return model


def test_paragraph_20_is_no_heavier_than_before(site):
    assert (site / "2364/op/20/index.html").stat().st_size <= OP20_BYTES_BEFORE


@pytest.mark.parametrize(
    ("path", "crumbs"),
    [
        ("2364/op/16", [("S/RES/2364 (2017)", "../../"), ("MINUSMA’s mandate", "../../text/#section-15"), ("Paragraph 16", None)]),
        ("2364/pp/3", [("S/RES/2364 (2017)", "../../"), ("Preamble", "../../text/#preamble"), ("Preambular paragraph 3", None)]),
        ("1325/op/1", [("S/RES/1325 (2000)", "../../"), ("Operative part", "../../text/#operative"), ("Paragraph 1", None)]),
        ("2253/annex/1", [("S/RES/2253 (2015)", "../../"), ("Annex I", None)]),
    ],
)
def test_the_breadcrumb_names_the_resolution_the_part_and_the_page(site, path, crumbs):
    nav = soup(site, path).find("nav", class_="res-breadcrumb")
    found = [(li.get_text(strip=True), li.a["href"] if li.a else None) for li in nav.find_all("li")]
    assert found == crumbs
    assert nav.find(attrs={"aria-current": "page"}).get_text() == crumbs[-1][0]


def pager(site: Path, path: str) -> list[list[tuple[str, str]]]:
    """(rel, href) of the pager at the top and the one at the bottom."""
    page = soup(site, path)
    return [[(a["rel"][0], a["href"]) for a in nav.find_all("a")] for nav in page.find_all("nav", class_="res-pager")]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("2364/op/16", [("prev", "../15/"), ("next", "../17/")]),
        ("2364/pp/1", [("next", "../2/")]),
        ("2364/pp/41", [("prev", "../40/"), ("next", "../../op/1/")]),
        ("2364/op/1", [("prev", "../../pp/41/"), ("next", "../2/")]),
        ("2364/op/49", [("prev", "../48/")]),
        ("2253/op/99", [("prev", "../98/"), ("next", "../../annex/1/")]),
        ("2253/annex/1", [("prev", "../../op/99/"), ("next", "../2/")]),
    ],
)
def test_previous_and_next_run_through_preamble_operative_part_and_annexes_top_and_bottom(site, path, expected):
    assert pager(site, path) == [expected, expected]


def test_the_last_annex_has_no_next_page(site):
    resolution = source("S_RES_2253_1522456E.xml")
    last = reading_order(resolution)[-1][1]
    assert last == f"2253/annex/{len(resolution.annexes)}/"
    assert [rel for rel, _, _ in neighbours(resolution, last)] == ["prev"]


def test_the_top_pager_comes_before_the_text_and_the_text_before_everything_else(site):
    html = (site / "2364/op/20/index.html").read_text(encoding="utf-8")
    order = [html.index(marker) for marker in ('class="res-pager res-pager--top"', 'class="res-text"', 'id="about"', 'id="cite"', 'class="res-pager res-pager--bottom"')]
    assert order == sorted(order)
    link = BeautifulSoup(html, "lxml").find("p", class_="res-context").a
    assert (link.get_text(), link["href"]) == ("Paragraph 20 in the full text", "../../text/#op-20")
    # Preambular paragraph 3 is one sentence: its text must come before any list or citation.
    html = (site / "2364/pp/3/index.html").read_text(encoding="utf-8")
    assert html.index('id="pp-3"') < html.index('id="cite"')


def test_long_lists_are_folded_and_the_citation_is_plain_html(site):
    page = soup(site, "2364/op/20")
    facets = {d.summary.contents[0].strip(): d for d in page.find_all("details", class_="res-facet")}
    assert facets["Asked of"].has_attr("open")  # one entry: shown
    assert not facets["Also mentioned"].has_attr("open")  # many: folded
    assert page.find(class_="res-cite-main").code.get_text() == "S/RES/2364 (2017), para. 20"
    # Every style, folded, is written by cite.js (test_browser_reader.py checks it against citations.py).
    assert page.find("details", class_="res-cite-all") is None


def test_the_contents_list_holds_the_sub_paragraphs_by_their_ids(site):
    toc = soup(site, "2364/op/20").select("nav.md-nav--secondary > ul > li")
    top = [li.a["href"] for li in toc]
    assert top[:7] == [f"#op-20-{letter}" for letter in "abcdefg"] and top[7:] == ["#about", "#cite"]
    nested = [a["href"] for a in toc[2].find("ul").find_all("a")]
    assert nested == ["#op-20-c-i", "#op-20-c-ii", "#op-20-c-iii"]
    assert toc[1].a.get_text(" ", strip=True) == "(b) Good offices and reconciliation"
    html = (site / "2364/op/20/index.html").read_text(encoding="utf-8")
    assert "data-toc" not in html
    assert len(soup(site, "2364/op/20").find_all(id="op-20-c-ii")) == 1


def test_a_paragraph_without_sub_paragraphs_has_no_contents_list(site):
    """A list of just "About" and "Cite" would repeat what the page shows at a glance; the headings stay."""
    page = soup(site, "2364/op/16")
    assert page.select("nav.md-nav--secondary a") == []
    assert [h2["id"] for h2 in page.select("article h2")] == ["history-title", "about", "cite"]


# --- search markup -----------------------------------------------------------------------------------


def pagefind_pages(site: Path) -> set[str]:
    return {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")}


def test_only_the_full_texts_are_indexed(site):
    # One page per resolution: Pagefind's list of pages, fetched before any answer, stays small.
    indexed = pagefind_pages(site)
    assert {"2364/text", "2253/text"} <= indexed
    assert all(re.fullmatch(r"\d+/text", path) for path in indexed), sorted(p for p in indexed if not re.fullmatch(r"\d+/text", p))[:5]


def search_data(page) -> list[tuple[str, str]]:
    return [(name[len("data-pagefind-"):], value) for span in page.select("div[hidden] > span") for name, value in span.attrs.items()]


@pytest.mark.parametrize(("number", "symbol"), [("2364", "S/RES/2364 (2017)"), ("2253", "S/RES/2253 (2015)")])
def test_the_full_text_carries_filters_and_meta_and_leaves_labels_out(site, number, symbol):
    page = soup(site, f"{number}/text")
    data = search_data(page)
    assert ("filter", f"resolution:{symbol}") in data and ("meta", f"resolution:{symbol}") in data and ("meta", f"number:{number}") in data
    bodies = page.find_all(attrs={"data-pagefind-body": True})
    assert bodies and all(body.get("class") == ["res-text"] for body in bodies)
    labels = [label for body in bodies for label in body.find_all("a", class_="res-label")]
    assert labels and all(label.has_attr("data-pagefind-ignore") for label in labels)
    for body in bodies:
        for element in body.find_all("div", class_="res-el"):
            assert re.fullmatch(r"(pp|op|annex)-\d+(-[a-z0-9]+)*", element["id"])
    if number == "2253":
        assert page.select("[data-pagefind-body] [id^=annex-]"), "the annexes are indexed with the text"
    # Pagefind indexes only the bodies: the page's other parts stay out of the index by being outside them.
    for selector in ("nav.res-breadcrumb", "nav.res-pager", ".res-context"):
        assert all(node.find_parent(attrs={"data-pagefind-body": True}) is None for node in page.select(selector)), selector


def test_each_theme_of_a_paragraph_is_in_the_full_texts_search_data(site):
    # search.js narrows the resolution's theme filters to the paragraphs that carry each theme.
    listed = next(d for d in soup(site, "2364/op/20").find_all("details", class_="res-facet") if d.summary.contents[0].strip() == "Themes")
    themes = [li.a.get_text() for li in listed.find_all("li")]
    data = search_data(soup(site, "2364/text"))
    encoded = next(value for kind, value in data if kind == "meta" and value.startswith("themes:"))
    names, *paragraphs = encoded[len("themes:"):].split(";")
    names = names.split("|")
    of_op_20 = next(entry.split("=")[1] for entry in paragraphs if entry.startswith("op-20="))
    assert themes and [names[int(i)] for i in of_op_20.split(",")] == themes
    assert {("filter", f"theme:{theme}") for theme in themes} <= set(data)
    sections = next(value for kind, value in data if kind == "meta" and value.startswith("sections:"))
    assert "op-15=MINUSMA’s mandate" in sections.split(";")


# --- notes and English -------------------------------------------------------------------------------


def test_editorial_notes_say_what_was_repaired_and_why_without_source_lines(site):
    notes = soup(site, "2364/op/20").find(class_="res-editorial").get_text(" ", strip=True)
    assert "Corrected from the official document" in notes and "restored and marked in the text" in notes
    assert "Joined “M ali” into “Mali”: the PDF extraction had split the word in two." in notes
    assert "source line" not in notes and "line " not in notes
    full_text = soup(site, "2364/text").find(class_="res-notes").get_text(" ", strip=True)
    assert "source line" not in full_text
    # The line stays in the data.
    repairs = json.loads((site / "data/2364.json").read_text(encoding="utf-8"))["repairs"]
    assert all(isinstance(repair["line"], int) and repair["line"] > 0 for repair in repairs)


@pytest.mark.parametrize(
    ("repair", "sentence"),
    [
        (Repair(9, "S/RES/2364 (2017)", "", RepairRule.PAGE_FURNITURE), "Removed “S/RES/2364 (2017)”: a page header or footer of the PDF that had slipped into the text."),
        (Repair(51, "d ialogue,", "dialogue,", RepairRule.SPLIT_WORD), "Joined “d ialogue,” into “dialogue,”: the PDF extraction had split the word in two."),
        (Repair(60, "gender -based", "gender-based", RepairRule.SPACED_HYPHEN), "Closed up “gender -based” as “gender-based”: the PDF extraction had put a space before the hyphen."),
        (Repair(70, "peace-\nkeeping", "peacekeeping", RepairRule.LINE_HYPHEN), "Rejoined “peace- keeping” as “peacekeeping”: the word was broken across two lines of the PDF."),
        (
            Repair(353, "20.\ntasks:", "20. Decides that the mandate shall include the following tasks:", RepairRule.ERRATUM, "The extraction lost the first words.", "Decides that the mandate shall include the following"),
            "Corrected from the official document: the PDF extraction reads “20. tasks:”, shown here as “20. Decides that the mandate shall include the following tasks:”. "
            "The extraction lost the first words. The missing words, “Decides that the mandate shall include the following”, are restored and marked in the text.",
        ),
    ],
    ids=lambda value: value.rule.value if isinstance(value, Repair) else "",
)
def test_every_repair_rule_reads_as_a_plain_sentence_without_its_line(repair, sentence):
    assert describe_repair(repair) == sentence


@pytest.mark.parametrize(("number", "expected"), [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"), (22, "22nd"), (111, "111th"), (112, "112th"), (7991, "7991st"), (9082, "9082nd")])
def test_ordinals(number, expected):
    assert ordinal(number) == expected


WRONG_ORDINAL = re.compile(r"\b\d*(?:(?<!1)1th|(?<!1)2th|(?<!1)3th|11st|12nd|13rd)\b")


def test_no_wrong_ordinal_anywhere_on_the_site(site):
    wrong = {}
    for path in site.rglob("*.html"):
        found = WRONG_ORDINAL.findall(path.read_text(encoding="utf-8"))
        if found:
            wrong[path.relative_to(site).as_posix()] = found[:3]
    assert wrong == {}
    assert "the Council’s 7991st meeting" in (site / "2364/index.html").read_text(encoding="utf-8")


# --- a slot for the mandate history ------------------------------------------------------------------


def test_history_goes_after_the_record_and_after_the_text(resolution):
    links = ResolutionLinks(resolution)
    fragment = Markup('<div class="res-history">history</div>')
    page = paragraph_page(resolution, resolution.operative[19], links, history=fragment).markdown
    assert page.index('class="res-text"') < page.index('class="res-history"') < page.index("{ #cite }")
    overview = overview_page(resolution, history=fragment).markdown
    assert overview.index("</table>") < overview.index('class="res-history"') < overview.index("## Operative part")
    assert "res-history" not in paragraph_page(resolution, resolution.operative[19], links).markdown

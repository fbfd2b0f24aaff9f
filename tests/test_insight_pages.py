"""The insight pages of S/RES/2364 (2017): content, well-formed SVG, and every link target real."""

from __future__ import annotations

import posixpath
import re

import pytest
from bs4 import BeautifulSoup
from lxml import etree

from build_scripts.analyse.analysis import analyse
from build_scripts.render.insight_pages import INSIGHT_LINKS, insight_pages

SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)


@pytest.fixture(scope="module")
def analysis(resolution):
    found, warnings = analyse(resolution)
    assert warnings == []
    return found


@pytest.fixture(scope="module")
def annotations(analysis):
    return analysis.annotations


@pytest.fixture(scope="module")
def pages(resolution, analysis):
    return {page.path: page for page in insight_pages(resolution, analysis)}


def html(page):
    return BeautifulSoup(page.markdown.split("---\n", 2)[2], "lxml")


def resolve(page_path, href):
    """Site-relative path an href points at, fragment dropped; absolute URLs unchanged."""
    if href.startswith(("http://", "https://")):
        return href
    path = href.partition("#")[0]
    if not path:
        return page_path
    resolved = posixpath.normpath(posixpath.join(page_path, path))
    return "" if resolved == "." else resolved + "/"


def valid_target(target, number, resolution, actor_ids, own_pages):
    paragraphs = {f"{number}/pp/{p.number}/" for p in resolution.preamble} | {f"{number}/op/{p.number}/" for p in resolution.operative}
    actors = {f"actors/{actor}/" for actor in actor_ids}
    extra = {f"{number}/", "verbs/"} | set(own_pages)
    return target in paragraphs | actors | extra or target.startswith("https://undocs.org/")


def test_the_six_pages_are_those_the_overview_links(pages):
    assert list(pages) == [f"2364/{suffix}" for _, suffix in INSIGHT_LINKS]


@pytest.mark.parametrize(("element_id", "href"), [
    ("op-47", "../op/47/"),
    ("op-48", "../op/48/"),
    ("op-37", "../op/37/"),
    ("op-20-a-ii-1", "../op/20/#op-20-a-ii-1"),
    ("op-20-f-ii", "../op/20/#op-20-f-ii"),
    ("op-27", "../op/27/"),
    ("op-28", "../op/28/"),
    ("op-36", "../op/36/"),
])
def test_the_obligations_page_links_each_request(pages, element_id, href):
    assert href in [a["href"] for a in html(pages["2364/obligations/"]).find_all("a")]


def test_the_obligations_page_gives_the_computed_dates(pages):
    soup = html(pages["2364/obligations/"])
    dates = [t["datetime"] for t in soup.find_all("time")]
    assert dates == ["2017-09-29", "2017-12-29", "2018-03-29", "2018-06-29", "2017-12-26"]
    assert "No date given" in soup.get_text()


def test_the_timeline_lists_dates_in_order_each_linked(pages):
    rows = html(pages["2364/timeline/"]).find("tbody").find_all("tr")
    printed = [row.find("time").get_text() for row in rows]
    for earlier, later in [("13 July 2012", "16 January 2013"), ("23 May 2014", "5 June 2015"), ("22 October 2015", "25 November 2015"),
                           ("22 and 23 May 2017", "23 May 2017"), ("29 June 2017", "26 December 2017"), ("26 December 2017", "30 June 2018")]:
        assert printed.index(earlier) < printed.index(later)
    assert all(row.find_all("td")[-1].find("a") for row in rows)


def test_the_mandate_page_gives_figures_force_and_tasks(pages):
    text = " ".join(html(pages["2364/mandate/"]).get_text(" ").split())
    for words in ("30 June 2018", "13,289", "1,920", "all necessary means", "support, monitor, supervise", "decides (4 of 4)", "authorizes (4 of 4)", "Weapons and ammunition management"):
        assert words in text
    hrefs = [a["href"] for a in html(pages["2364/mandate/"]).find_all("a")]
    assert "../op/18/" in hrefs and "../op/37/" in hrefs and "../op/22/#op-22-d" in hrefs


@pytest.mark.parametrize("path", ["2364/references-map/", "2364/matrix/", "2364/strength/"])
def test_each_picture_is_well_formed_and_accessible(pages, path):
    svgs = SVG.findall(pages[path].markdown)
    assert len(svgs) == 1
    root = etree.fromstring(svgs[0].encode("utf-8"))
    namespace = "{http://www.w3.org/2000/svg}"
    labelled = root.get("aria-labelledby").split()
    assert [root.find(f"{namespace}title").get("id"), root.find(f"{namespace}desc").get("id")] == labelled
    # Drawn at its own size, never scaled: the 14-unit text is 14 px wherever the picture shows.
    assert root.get("role") in ("img", "group") and root.get("viewBox") == f"0 0 {root.get('width')} {root.get('height')}"
    assert root.get("font-size") == "14" and not [t for t in root.iter(f"{namespace}text") if t.get("font-size")]
    assert all(a.get("aria-label") for a in root.iter(f"{namespace}a"))
    soup = html(pages[path])
    assert soup.find("figure").find("figcaption").get_text()
    assert soup.find("table"), "a table alternative"


def test_every_link_target_exists(pages, resolution, annotations):
    actor_ids = {actor.id for actor in annotations.gazetteer.actors}
    for path, page in pages.items():
        for anchor in html(page).find_all("a"):
            target = resolve(path, anchor["href"])
            assert valid_target(target, 2364, resolution, actor_ids, pages), (path, anchor["href"])


@pytest.mark.parametrize("path", ["2364/references-map/", "2364/matrix/", "2364/strength/"])
def test_links_inside_pictures_go_to_paragraphs_actors_or_undocs(pages, resolution, annotations, path):
    actor_ids = {actor.id for actor in annotations.gazetteer.actors}
    root = etree.fromstring(SVG.search(pages[path].markdown).group(0).encode("utf-8"))
    hrefs = [a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert hrefs
    for href in hrefs:
        assert valid_target(resolve(path, href), 2364, resolution, actor_ids, ()), href


def test_the_strength_grid_has_one_square_per_operative_paragraph(pages, resolution):
    root = etree.fromstring(SVG.search(pages["2364/strength/"].markdown).group(0).encode("utf-8"))
    labels = [a.get("aria-label") for a in root.iter("{http://www.w3.org/2000/svg}a")]
    assert len(labels) == len(resolution.operative) == 49
    assert labels[15] == "Paragraph 16: decides, strength 4 of 4"


def test_the_matrix_links_each_count_to_the_actor_s_asks(pages):
    root = etree.fromstring(SVG.search(pages["2364/matrix/"].markdown).group(0).encode("utf-8"))
    names = {a.get("aria-label"): a.get("href") for a in root.iter("{http://www.w3.org/2000/svg}a")}
    assert names["France, Mission mandate, strength and capabilities: 1"] == "../../actors/france/#asked"


def test_the_reference_map_table_lists_each_internal_edge(pages):
    rows = [[td.get_text() for td in tr.find_all("td")] for tr in html(pages["2364/references-map/"]).find("tbody").find_all("tr")]
    assert ["37", "this resolution", "47"] in rows
    assert ["47 (ii)", "this resolution", "34"] in rows


def test_the_obligations_page_links_its_calendar_file(pages):
    assert "[The due dates as a calendar file (iCalendar)](obligations.ics)" in pages["2364/obligations/"].markdown


def test_a_text_without_headings_still_has_a_square_per_paragraph():
    from pathlib import Path

    from build_scripts.pipeline import load_resolution

    resolution, _ = load_resolution(Path(__file__).resolve().parent / "fixtures" / "golden" / "S_RES_1373_N0155743.xml")
    assert resolution.sections == ()
    analysis, _warnings = analyse(resolution)
    [page] = [p for p in insight_pages(resolution, analysis) if p.path.endswith("/strength/")]
    root = etree.fromstring(SVG.search(page.markdown).group(0).encode("utf-8"))
    assert len(list(root.iter("{http://www.w3.org/2000/svg}a"))) == len(resolution.operative) == 9


SVG_NS = "{http://www.w3.org/2000/svg}"
OTHER_RESOLUTIONS = ["S_RES_2640 (2022)-2210294E.xml", "S_RES_2253_1522456E.xml", "S_RES_2690_E.xml", "S_RES_1325_N0072018.xml"]


@pytest.fixture(scope="module", params=OTHER_RESOLUTIONS)
def other_pages(request):
    """The insight pages of another real resolution: a sanctions text (2253), MINUSMA’s last renewal, women and peace and security (1325)."""
    from pathlib import Path

    from build_scripts.pipeline import load_resolution

    resolution, _ = load_resolution(Path(__file__).resolve().parent.parent / "source_texts" / request.param)
    found, _warnings = analyse(resolution)
    return {page.path.split("/", 1)[1]: page for page in insight_pages(resolution, found)}


def svg_root(page):
    return etree.fromstring(SVG.search(page.markdown).group(0).encode("utf-8"))


def test_matrix_row_labels_are_whole_and_unique(pages, other_pages):
    for matrix in (pages["2364/matrix/"], other_pages["matrix/"]):
        rows = [a.get("aria-label") for a in svg_root(matrix).iter(f"{SVG_NS}a") if a.get("aria-label").startswith("What is asked of ")]
        assert rows and len(rows) == len(set(rows))
        for anchor in svg_root(matrix).iter(f"{SVG_NS}a"):
            if anchor.get("aria-label").startswith("What is asked of "):
                shown = " ".join(t.text for t in anchor.iter(f"{SVG_NS}text"))
                assert shown == anchor.get("aria-label").removeprefix("What is asked of "), "the row label is the whole name"


def test_two_actors_with_one_name_get_two_labels():
    from build_scripts.render.svg import unique_labels

    assert unique_labels(["Special Representative", "Member States", "Special Representative"]) == ["Special Representative", "Member States", "Special Representative (2)"]


def _ends(path):
    """(start y, end y) of an SVG path 'M x y C … x y'."""
    numbers = path.get("d").replace(",", " ").split()
    return float(numbers[2]), float(numbers[-1])


def test_each_cited_document_has_its_own_end_of_line(pages, other_pages):
    for page in (pages["2364/references-map/"], other_pages.get("references-map/")):
        if page is None:
            continue
        root = svg_root(page)
        documents = [a for a in root.iter(f"{SVG_NS}a") if not a.get("aria-label").lower().startswith(("paragraph", "preambular", "annex"))]
        cited = {row.find_all("td")[2].get_text() for row in html(page).find("tbody").find_all("tr") if row.find_all("td")[1].get_text() != "this resolution"}
        ends = {_ends(path)[1] for path in root.iter(f"{SVG_NS}path") if path.get("class") == "fig-edge"}
        # One row, so one end point, per cited document: lines no longer meet at one corner of a box.
        assert len(ends) == len(cited) >= len(documents) > 0


def test_internal_arcs_join_the_citing_paragraph_to_the_cited_one(pages):
    root = svg_root(pages["2364/references-map/"])
    nodes = {a.get("aria-label"): float(a.find(f"{SVG_NS}text").get("y")) - 5 for a in root.iter(f"{SVG_NS}a") if a.get("aria-label").startswith("paragraph")}
    arcs = {_ends(path) for path in root.iter(f"{SVG_NS}path") if path.get("class") == "fig-arc"}
    # 37 cites 47 and 47 (ii) cites 34 (see the table test above): arcs run between those rows.
    assert (nodes["paragraph 37"], nodes["paragraph 47"]) in arcs
    assert (nodes["paragraph 47"], nodes["paragraph 34"]) in arcs


@pytest.mark.parametrize("path", ["references-map/", "matrix/", "strength/"])
def test_pictures_take_their_colours_from_the_stylesheet(pages, path):
    svg = SVG.search(pages[f"2364/{path}"].markdown).group(0)
    assert not re.search(r"#[0-9a-fA-F]{3,6}\b", svg), "no hard-coded colour: the dark scheme must be able to recolour it"
    assert 'fill="currentColor"' in svg


def test_every_table_cell_carries_its_column_name(pages, other_pages):
    for page in [*pages.values(), *other_pages.values()]:
        for table in html(page).find_all("table"):
            headers = [th.get_text() for th in table.find("thead").find_all("th")]
            for row in table.find("tbody").find_all("tr"):
                assert [td["data-label"] for td in row.find_all("td")] == headers, page.path

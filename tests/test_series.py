"""Series of mandates: found in the texts of MINUSMA, UNIFIL and UNFICYP; the status line, a
paragraph's history, N/changes/ and series/ pages; the reviewed data file's errors."""

from __future__ import annotations

import datetime
import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup

from build_scripts.analyse.history import histories
from build_scripts.analyse.series import Role, ceilings, find_series, load_series_data, mandate_actions
from build_scripts.model import Severity
from build_scripts.render.history import overview_status, paragraph_history
from tests.conftest import ROOT
from tests.linkcheck import broken_links

FIXTURES = ROOT / "tests" / "fixtures" / "series"
MINUSMA = [2100, 2164, 2227, 2295, 2364, 2423, 2480, 2531, 2584, 2640, 2690]


@pytest.fixture(scope="module")
def corpus():
    """Every resolution of source_texts/, read and analysed as the build does."""
    from build_scripts.render.site import analyse_corpus

    entries, ok = analyse_corpus(ROOT / "source_texts")
    assert ok
    return {e.resolution.metadata.number: (e.resolution, e.analysis) for e in entries}


@pytest.fixture(scope="module")
def history(corpus):
    found, series, problems = histories(list(corpus.values()))
    assert problems == []
    return found, series


@pytest.fixture(scope="module")
def fixtures():
    """UNIFIL 2373 (2017) and 2433 (2018), UNFICYP 2430 (2018) and 2453 (2019), from the UN's files."""
    from build_scripts.render.site import analyse_corpus

    entries, ok = analyse_corpus(FIXTURES, jobs=1)
    assert ok
    return [(e.resolution, e.analysis) for e in entries]


def test_the_minusma_series_runs_from_its_establishment_to_its_termination(history):
    _, series = history
    minusma = next(s for s in series if s.id == "minusma")
    assert [m.number for m in minusma.members] == MINUSMA
    assert minusma.body == "MINUSMA"
    assert minusma.name == "United Nations Multidimensional Integrated Stabilization Mission in Mali"
    roles = [m.role for m in minusma.members]
    assert roles == [Role.ESTABLISHES] + [Role.RENEWS] * 9 + [Role.TERMINATES]
    by_number = {m.number: m for m in minusma.members}
    assert (by_number[2364].element_id, by_number[2364].until, by_number[2364].until_date) == ("op-15", "30 June 2018", datetime.date(2018, 6, 30))
    assert by_number[2100].element_id == "op-7"  # "Decides to establish the United Nations … (MINUSMA)"
    assert by_number[2690].element_id == "op-1"  # "Decides to terminate MINUSMA’s mandate under resolution 2640 (2022)"
    assert [m.until_date.year for m in minusma.members[1:-1]] == list(range(2015, 2024))


@pytest.mark.parametrize(
    "number, military, police",
    [
        (2100, 11200, 1440),  # "up to 11,200 military personnel, including reserve battalions …, and 1,440 police personnel"
        (2164, 11200, 1440),  # "within the authorized troop ceiling of 11,200 military personnel …"
        (2227, 11240, 1440),
        (2295, 13289, 1920),  # "up to a ceiling of 13,289 military personnel, and 1,920 police personnel"
        (2364, 13289, 1920),  # "shall continue to comprise up to 13,289 military personnel and 1,920 police personnel"
        (2690, None, None),  # the termination states no ceiling
    ],
)
def test_ceilings_are_read_as_each_text_states_them(corpus, number, military, police):
    found, found_police, _element = ceilings(corpus[number][0])
    assert (found, found_police) == (military, police)


def test_the_recalling_chain_confirms_the_renewals_that_name_their_predecessor(history):
    _, series = history
    minusma = {m.number: m for m in next(s for s in series if s.id == "minusma").members}
    assert minusma[2364].recalled  # "Recalling its previous resolutions, in particular 2359 (2017), 2295 (2016) …"
    assert minusma[2295].recalled
    assert not minusma[2100].recalled  # the first has nothing to recall


def test_a_thematic_resolution_has_no_history(history):
    found, _ = history
    for number in (1325, 1612, 2242):
        assert number not in found
    # 2253 (2015) renews the Ombudsperson's mandate: a series of one on this site, with no page.
    assert not found[2253].has_page and found[2253].predecessor is None and found[2253].since is None


def test_unifil_and_unficyp_are_found_from_their_own_words(fixtures):
    series, problems = find_series(fixtures, load_series_data()[0])
    assert problems == []
    by_id = {s.id: s for s in series}
    unifil, unficyp = by_id["unifil"], by_id["unficyp"]
    assert [(m.number, m.until) for m in unifil.members] == [(2373, "31 August 2018"), (2433, "31 August 2019")]  # "extend the present mandate of UNIFIL until …"
    assert [m.military for m in unifil.members] == [None, None]  # the ceiling of resolution 1701 (2006) is not restated
    assert [(m.number, m.until) for m in unficyp.members] == [(2430, "31 January 2019"), (2453, "31 July 2019")]  # "decides to extend its mandate for a further period ending …"
    assert unifil.members[1].recalled and unifil.predecessor(2433).number == 2373 and unifil.successor(2373).number == 2433


@pytest.mark.parametrize(
    "text, body, until, role",
    [
        ("Decides to extend the mandate of MINUSMA until 30 June 2018;", "MINUSMA", "30 June 2018", Role.RENEWS),
        ("Decides to extend until 31 March 2018 the mandate of MONUSCO in the Democratic Republic of the Congo", "MONUSCO in the Democratic Republic of the Congo", "31 March 2018", Role.RENEWS),
        ("Decides to extend the present mandate of UNIFIL until 31 August 2019;", "UNIFIL", "31 August 2019", Role.RENEWS),
        ("Expresses its full support for UNFICYP, and decides to extend its mandate for a further period ending on 31January 2021;", "UNFICYP", "31 January 2021", Role.RENEWS),
        ("Decides to establish the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA), requests", "MINUSMA", "", Role.ESTABLISHES),
        ("Decides to terminate MINUSMA’s mandate under resolution 2640 (2022) as of June 30 2023;", "MINUSMA", "", Role.TERMINATES),
    ],
)
def test_mandate_actions_read_the_phrasings_of_real_resolutions(text, body, until, role):
    from dataclasses import replace

    from build_scripts.model import Element, ElementKind

    resolution = next(iter(_seed()))
    paragraph = Element("op-1", ElementKind.OPERATIVE, "1", 1, text, 1)
    found = mandate_actions(replace(resolution, operative=(paragraph,)))
    assert [(f.body, f.until, f.role) for f in found] == [(body, until, role)]


def test_a_generic_body_is_told_apart_by_the_resolution_that_established_it():
    from dataclasses import replace

    from build_scripts.model import Element, ElementKind

    resolution = next(iter(_seed()))
    text = "Decides to extend until 28 March 2018 the mandate of the Panel of Experts established by resolution 2140 (2014);"
    found = mandate_actions(replace(resolution, operative=(Element("op-1", ElementKind.OPERATIVE, "1", 1, text, 1),)))
    assert [(f.body, f.key) for f in found] == [("Panel of Experts", "Panel of Experts 2140")]


def _seed():
    from build_scripts.pipeline import load_resolution

    resolution, _ = load_resolution(ROOT / "source_texts" / "s-res-2364-2017.txt")
    yield resolution


def test_the_status_line_of_2364_names_and_links_both_neighbours(history):
    found, _ = history
    fragment = BeautifulSoup(str(overview_status(found[2364], "2364/")), "lxml")
    line = " ".join(fragment.find(class_="res-history-line").get_text().split())
    assert line == "Renewed the mandate given by S/RES/2295 (2016) until 30 June 2018; superseded by S/RES/2423 (2018)."
    links = {a.get_text(): a["href"] for a in fragment.find_all("a")}
    assert links["S/RES/2295 (2016)"] == "../2295/"
    assert links["S/RES/2423 (2018)"] == "../2423/"
    assert links["What changed since S/RES/2295 (2016)"] == "changes/"
    assert links["Every MINUSMA mandate, 2013–2023"] == "../series/minusma/"


def test_the_first_and_last_of_a_series_and_a_thematic_text(history):
    found, _ = history
    first = BeautifulSoup(str(overview_status(found[2100], "2100/")), "lxml")
    assert " ".join(first.get_text().split()).startswith("Established the mandate of MINUSMA; renewed by S/RES/2164 (2014).")
    assert "What changed" not in first.get_text()
    last = BeautifulSoup(str(overview_status(found[2690], "2690/")), "lxml")
    assert " ".join(last.find(class_="res-history-line").get_text().split()) == "Terminated the mandate given by S/RES/2640 (2022)."
    assert str(overview_status(None, "1325/")) == ""


def test_a_paragraph_history_shows_its_predecessor_successor_and_word_differences(history, corpus):
    found, _ = history
    resolution = corpus[2364][0]
    paragraph = next(p for p in resolution.operative if p.number == 20)
    fragment = BeautifulSoup(str(paragraph_history(found[2364], resolution, paragraph, "2364/op/20/", corpus[2295][0])), "lxml")
    neighbours = fragment.find(class_="res-history-neighbours").get_text(" ")
    assert "In S/RES/2295 (2016)" in neighbours and "paragraph 19" in neighbours
    assert "In S/RES/2423 (2018)" in neighbours
    hrefs = [a["href"] for a in fragment.find_all("a")]
    assert "../../../2295/op/19/" in hrefs
    assert any(href.startswith("../../../2423/op/") for href in hrefs)
    # Op 20's 23 tasks and sub-paragraphs are counted here, word by word on the what-changed page.
    counts = " ".join(fragment.find(class_="res-history-counts").get_text().split())
    assert counts.startswith("Its sub-paragraphs and tasks since S/RES/2295 (2016): 9 unchanged, 11 changed, 1 new, 1 dropped.")
    assert "../../changes/" in hrefs
    assert not fragment.find_all("li", class_="res-change")
    assert not fragment.find_all(id=re.compile(r"^(?:pp|op)-\d"))  # element ids stay unique to the page's own text


def test_a_paragraph_with_few_changes_shows_them_word_by_word(history, corpus):
    found, _ = history
    resolution = corpus[2364][0]
    since = found[2364].since
    changed = next(p for p in resolution.operative if since.by_element[p.id].status.value == "changed" and len(p.walk()) == 1)
    fragment = BeautifulSoup(str(paragraph_history(found[2364], resolution, changed, f"2364/op/{changed.number}/", corpus[2295][0])), "lxml")
    changes = fragment.find(class_="res-changes")
    insertion, deletion = changes.find("ins"), changes.find("del")
    # Only the words: the brackets and "added:"/"removed:" come from the stylesheet, once for every page.
    assert insertion["class"] == ["res-added"] and not insertion.find_all(True)
    assert deletion["class"] == ["res-removed"] and not deletion.find_all(True)
    assert "How to read the differences" in fragment.find(class_="res-diff-legend").get_text()
    assert not fragment.find_all(id=re.compile(r"^(?:pp|op)-\d"))  # element ids stay unique to the page's own text


def test_an_unchanged_paragraph_says_so_and_a_new_one_has_no_predecessor(history, corpus):
    found, _ = history
    resolution = corpus[2364][0]
    unchanged = next(p for p in resolution.operative if p.number == 3)
    text = " ".join(BeautifulSoup(str(paragraph_history(found[2364], resolution, unchanged, "2364/op/3/", corpus[2295][0])), "lxml").get_text(" ").split())
    assert "paragraph 3 — unchanged" in text
    assert "How to read" not in text  # nothing to show
    new = next(p for p in resolution.operative if p.number == 11)
    text = " ".join(BeautifulSoup(str(paragraph_history(found[2364], resolution, new, "2364/op/11/", corpus[2295][0])), "lxml").get_text(" ").split())
    assert "Not there: new in this resolution" in text


def test_a_bad_series_file_is_reported_with_its_line(tmp_path):
    bad = tmp_path / "series.yml"
    bad.write_text(
        "series:\n"
        "  - id: MINUSMA\n"
        "    body: MINUSMA\n"
        "    note: checked\n"
        "    include: [{number: 2359}]\n"
        "  - id: unifil\n"
        "    colour: red\n",
        encoding="utf-8",
    )
    data, problems = load_series_data(bad)
    assert data == ()
    messages = [str(p) for p in problems]
    assert f"{bad}:2: error: series id 'MINUSMA' must be lower case words joined by '-' ('minusma')" in messages
    assert f"{bad}:5: error: each entry of 'include' needs a resolution 'number' and a 'reason'" in messages
    assert f"{bad}:7: error: series 'unifil' has unknown key 'colour'" in messages
    assert all(p.severity is Severity.ERROR for p in problems)


def test_the_build_stops_on_a_bad_series_file_without_a_traceback(tmp_path, monkeypatch, capsys):
    from build_scripts.analyse import series
    from build_scripts.cli import main

    bad = tmp_path / "series.yml"
    bad.write_text("series:\n  - id: unifil\n    body: [UNIFIL\n", encoding="utf-8")
    monkeypatch.setattr(series, "SERIES_FILE", bad)
    source = tmp_path / "texts"
    source.mkdir()
    for name in ("S_RES_2373_1715142E.xml", "S_RES_2433_1814358E.xml"):
        shutil.copy(FIXTURES / name, source)
    code = main(["build", "--source", str(source), "--docs", str(tmp_path / "docs")])
    error = capsys.readouterr().err
    assert code == 1
    assert re.search(rf"^{re.escape(str(bad))}:4: error: malformed YAML", error, re.M), error
    assert "Traceback" not in error


# The built site (the `site` fixture: source_texts/ with mkdocs build --strict).


def page(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def test_the_changes_page_of_2364_lists_new_dropped_and_changed_paragraphs(site):
    soup = page(site, "2364/changes")
    assert soup.find("h1").get_text() == "What changed in S/RES/2364 (2017)"
    figures = {row.find("td").get_text(): [td.get_text() for td in row.find_all("td")[1:]] for row in soup.find(id="figures").find_next("table").find("tbody").find_all("tr")}
    assert figures["Mandate until"] == ["30 June 2017", "30 June 2018", "changed"]
    assert figures["Troop ceiling"] == ["13,289", "13,289", "same"]
    added = soup.find(id="tasks-added").find_next("ol").get_text(" ")
    assert "paragraph 20 (a) (ii), indent 2" in added and "joint security patrols" in added
    removed = soup.find(id="tasks-removed").find_next("ol").get_text(" ")
    assert "paragraph 19 (a) (v)" in removed
    changed = [" ".join(li.find(class_="res-change-head").get_text(" ").split()) for li in soup.find(id="paragraphs").find_next("ol", class_="res-changes").find_all("li")]
    assert "changed paragraph 37 — was paragraph 35 of S/RES/2295 (2016)" in changed
    assert "new paragraph 11" in changed
    assert "dropped paragraph 41 of S/RES/2295 (2016) — the text in S/RES/2295 (2016)" in changed
    assert "paragraph 20 (was paragraph 19)" in soup.find(class_="res-unchanged").get_text()


def test_changes_pages_exist_only_where_there_is_a_predecessor(site):
    assert not (site / "2100" / "changes").exists()  # the first of its series
    assert not (site / "1325" / "changes").exists()  # a thematic resolution
    assert all((site / str(number) / "changes" / "index.html").is_file() for number in MINUSMA[1:])
    overview = page(site, "2364").get_text()
    assert "What changed since S/RES/2295 (2016)" in overview


def test_the_series_page_has_a_chart_and_the_same_figures_as_a_table(site):
    soup = page(site, "series/minusma")
    rows = soup.find("table", class_="res-series-table").find("tbody").find_all("tr")
    assert [row.find("a").get_text() for row in rows] == [f"S/RES/{n} ({year})" for n, year in zip(MINUSMA, [2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023])]
    cells = {td["data-label"]: td.get_text() for td in rows[4].find_all("td")}
    assert cells == {
        "Resolution": "S/RES/2364 (2017)",
        "Adopted": "2017-06-29",
        "What it does": "renews",
        "Mandate until": "30 June 2018",
        "Troop ceiling": "13,289",
        "Police ceiling": "1,920",
        "Operative paragraphs": "49",
        "Mandated tasks": "25",
        "What changed": "since S/RES/2295 (2016)",
    }
    svg = soup.find("figure", class_="res-series-chart").find("svg")
    assert svg.find("title").get_text() == "MINUSMA: mandate periods and ceilings"
    assert len(svg.find_all("rect", class_="res-chart-bar")) == len(MINUSMA)
    assert len(svg.find_all("circle", class_="res-chart-troops")) == len(MINUSMA) - 1  # 2690 states no ceiling
    assert soup.find("figure", class_="res-series-chart").find("figcaption").find("a")["href"] == "#resolutions"
    index = page(site, "series")
    assert [a.get_text() for a in index.find("table").find_all("a")][:1] == ["United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)"]


def test_the_data_file_gives_predecessor_successor_and_the_alignment(site):
    data = json.loads((site / "data" / "2364.json").read_text(encoding="utf-8"))
    assert data["predecessor"] == {"number": 2295, "symbol": "S/RES/2295 (2016)", "url": "2295/"}
    assert data["successor"]["number"] == 2423
    assert data["series"] == {"id": "minusma", "body": "MINUSMA", "role": "renews"}
    by_element = {row["element"]: row for row in data["alignment"] if row["element"]}
    assert by_element["op-20"]["predecessor"] == "op-19" and by_element["op-20"]["status"] == "unchanged"
    assert by_element["op-11"]["status"] == "new"
    assert {row["predecessor"] for row in data["alignment"] if row["status"] == "dropped"} >= {"op-40", "op-41", "op-19-a-v"}
    thematic = json.loads((site / "data" / "1325.json").read_text(encoding="utf-8"))
    assert (thematic["series"], thematic["predecessor"], thematic["alignment"]) == (None, None, [])


def test_every_link_of_the_history_pages_resolves(site):
    broken = [link for link in broken_links(site) if "/changes/" in link or "series/" in link]
    assert broken == []


def test_the_reviewed_file_can_exclude_and_include_members(fixtures):
    from build_scripts.analyse.series import SeriesEntry

    exclude = SeriesEntry("unifil", "UNIFIL", "", (), ((2433, "a test: not a renewal"),), 3, "series.yml")
    series, problems = find_series(fixtures, (exclude,))
    assert [m.number for m in next(s for s in series if s.id == "unifil").members] == [2373]
    assert problems == []
    include = SeriesEntry("unficyp-and-unifil", "UNFICYP", "", ((2373, "a test: reviewed by hand"),), (), 9, "series.yml")
    series, _ = find_series(fixtures, (include,))
    members = next(s for s in series if s.id == "unficyp-and-unifil").members
    assert [(m.number, m.reason) for m in members] == [(2373, "a test: reviewed by hand"), (2430, ""), (2453, "")]
    stale = SeriesEntry("unficyp", "UNFICYP", "", (), ((2373, "a test"),), 12, "series.yml")
    _, problems = find_series(fixtures, (stale,))
    assert [str(p) for p in problems] == ["series.yml:12: warning: series 'unficyp' excludes 2373, which its text does not show as a member: is the entry stale?"]

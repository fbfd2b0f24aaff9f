"""Many resolutions on one site: links between them both ways, synthetic texts never published."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from build_scripts.render.site import build_site
from build_scripts.synthetic import write_corpus
from tests.conftest import ROOT, SEED, build_site_into
from tests.linkcheck import broken_links


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory):
    """The seed plus two synthetic renewals: 9001 (2018) cites 2364 (2017), 9002 (2019) cites 9001."""
    source = tmp_path_factory.mktemp("corpus") / "texts"
    write_corpus(SEED, source, 2)
    shutil.copy(SEED, source)
    shutil.copy(SEED.with_suffix(".yml"), source)
    return build_site_into(source, tmp_path_factory.mktemp("corpus-build"), synthetic=True)


def page(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def test_every_resolution_has_its_pages_and_data(corpus_site):
    for number in (2364, 9001, 9002):
        assert (corpus_site / str(number) / "op" / "49" / "index.html").is_file()
        assert (corpus_site / str(number) / "text" / "index.html").is_file()
        for extension in ("json", "csv", "akn.xml"):
            assert (corpus_site / "data" / f"{number}.{extension}").is_file()


def test_the_home_page_lists_every_resolution(corpus_site):
    rows = page(corpus_site, ".").find("table").find("tbody").find_all("tr")
    assert [r.find("a").get_text() for r in rows] == ["S/RES/2364 (2017)", "S/RES/9001 (2018)", "S/RES/9002 (2019)"]


def test_a_paragraph_of_another_resolution_on_the_site_links_to_that_paragraph(corpus_site):
    node = page(corpus_site, "9001/op/22").find(id="op-22-d")
    links = [(a.get_text(), a["href"]) for a in node.find_all("a", class_="res-ref-corpus")]
    assert ("paragraph 2 of resolution 2364 (2017)", "../../../2364/op/2/") in links
    assert node.find_all("a", class_="res-ref-internal") == []


def test_a_whole_resolution_on_the_site_links_to_its_overview(corpus_site):
    node = page(corpus_site, "9002/pp/1").find(id="pp-1")
    assert ("9001 (2018)", "../../../9001/") in [(a.get_text(), a["href"]) for a in node.find_all("a", class_="res-ref-corpus")]


def test_resolutions_absent_from_the_site_still_link_to_the_official_document(corpus_site):
    node = page(corpus_site, "9001/pp/1").find(id="pp-1")
    assert "https://undocs.org/S/RES/2359(2017)" in [a["href"] for a in node.find_all("a", class_="res-ref-external")]


def test_incoming_references_cross_resolutions(corpus_site):
    referred = next(d for d in page(corpus_site, "2364/op/2").find_all("details", class_="res-facet") if d.summary.contents[0].strip() == "Referred to in").ul
    assert "Resolution 9001 (2018), paragraph 22 (d)" in [li.get_text() for li in referred.find_all("li")]
    cited = page(corpus_site, "2364").find("h2", string="Cited by other resolutions on this site").find_next("ul")
    labels = [li.get_text() for li in cited.find_all("li")]
    assert "Resolution 9001 (2018), preambular paragraph 1" in labels and "Resolution 9001 (2018), paragraph 47 (i)" in labels


def test_synthetic_resolutions_are_marked(corpus_site):
    assert page(corpus_site, "9001/op/20").find(class_="res-synthetic")
    assert not page(corpus_site, "2364/op/20").find(class_="res-synthetic")


def test_actor_pages_group_by_resolution(corpus_site):
    headings = [h.get_text() for h in page(corpus_site, "actors/secretary-general").find_all("h3")]
    assert headings[:3] == ["S/RES/2364 (2017)", "S/RES/9001 (2018)", "S/RES/9002 (2019)"]


def test_the_corpus_site_has_no_broken_links(corpus_site):
    assert broken_links(corpus_site) == []


def test_synthetic_texts_are_skipped_unless_asked_for(tmp_path, capsys):
    write_corpus(SEED, tmp_path / "texts", 1)
    assert build_site(tmp_path / "texts", tmp_path / "docs") == 1
    assert "every text is marked synthetic" in capsys.readouterr().err
    assert not (tmp_path / "docs" / "9001").exists()


def test_index_pages_split_by_resolution_when_the_corpus_is_large(tmp_path, monkeypatch):
    """Beyond INLINE_ELEMENTS, actor, theme and verb pages keep their headings
    and anchors but list resolutions, each linking to its heading on a page of its year's elements:
    no page grows with the corpus."""
    from build_scripts.render import analysis_pages as module
    from build_scripts.render import listing
    from build_scripts.render.site import analyse_corpus

    write_corpus(SEED, tmp_path, 1)
    shutil.copy(SEED, tmp_path)
    shutil.copy(SEED.with_suffix(".yml"), tmp_path)
    entries, ok = analyse_corpus(tmp_path, include_synthetic=True, jobs=1)
    assert ok
    monkeypatch.setattr(listing, "INLINE_ELEMENTS", 1)
    pages = {page.path: page.markdown for page in module.analysis_pages([(e.resolution, e.annotations) for e in entries])}

    def hrefs(path):
        return [(a.get_text(), a["href"]) for a in BeautifulSoup(pages[path], "lxml").find_all("a")]

    main = pages["actors/secretary-general/"]
    assert "## Asked of it { #asked }" in main and ("S/RES/2364 (2017)", "years/2017/#asked-2364") in hrefs("actors/secretary-general/")
    year = BeautifulSoup(pages["actors/secretary-general/years/2017/"], "lxml")
    assert "../../../../2364/op/47/" in [a["href"] for a in year.find(id="asked-2364").find_next("ul").find_all("a")]
    assert any(href.startswith("years/") and href.endswith("/#strength-4-9001") for _, href in hrefs("verbs/"))
    assert any(path.startswith("themes/human-rights/years/") for path in pages)
    assert not any(path.startswith("themes/human-rights/9001") for path in pages)


def test_adding_resolutions_keeps_every_locked_url(corpus_site):
    """The URL manifest of the one-resolution site holds in the three-resolution site too."""
    from tests.update_urls import public_urls, read_manifest

    missing = sorted(set(read_manifest()) - set(public_urls(corpus_site)))
    assert missing == []

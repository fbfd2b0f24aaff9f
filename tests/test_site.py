"""The built site: the URL contract, ids on the full text, links that all resolve, determinism."""

from __future__ import annotations

import filecmp
import re

from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_site_into
from tests.linkcheck import broken_links, ids_in


def soup(site, path):
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "lxml")


def test_every_internal_link_and_fragment_resolves(site):
    assert broken_links(site) == []


def test_every_paragraph_has_its_page_and_no_other_exists(site):
    pp = sorted(int(p.name) for p in (site / "2364" / "pp").iterdir())
    op = sorted(int(p.name) for p in (site / "2364" / "op").iterdir())
    assert pp == list(range(1, 42)) and op == list(range(1, 50))
    for kind, count in (("pp", 41), ("op", 49)):
        for number in range(1, count + 1):
            assert (site / "2364" / kind / str(number) / "index.html").is_file()
    assert (site / "index.html").is_file() and (site / "2364" / "index.html").is_file() and (site / "2364" / "text" / "index.html").is_file()


def test_the_full_text_carries_every_element_id(site, resolution):
    ids = ids_in(site / "2364" / "text" / "index.html")
    assert {e.id for e in resolution.elements()} <= ids


def test_a_paragraph_page_carries_the_same_ids_as_the_full_text(site, resolution):
    op20 = resolution.operative[19]
    ids = ids_in(site / "2364" / "op" / "20" / "index.html")
    assert {e.id for e in op20.walk()} <= ids
    assert not any(i.startswith("op-21") for i in ids)


def test_the_text_shown_equals_the_model_text(site, resolution):
    """Every character of the model's text and headings, exactly, with labels and links around it."""
    page = soup(site, "2364/text/index.html")
    for element in resolution.elements():
        node = page.find(id=element.id)
        for label in node.find_all("a", class_="res-label"):
            label.decompose()
        paragraphs = node.find_all("p", recursive=False)
        heading = next((p.find(class_="res-heading-text") for p in paragraphs if "res-subheading" in (p.get("class") or [])), None)
        texts = [p.get_text().strip() for p in paragraphs if "res-subheading" not in (p.get("class") or [])]
        assert (heading.get_text() if heading else "") == element.heading
        assert texts == ([element.text] if element.text else []), element.id


def test_restored_words_are_marked_and_the_note_explains_them(site):
    page = soup(site, "2364/op/20/index.html")
    restored = page.find("ins", class_="res-restored")
    assert restored.get_text() == "Decides that MINUSMA’s mandate shall include the following priority"
    notes = page.find(class_="res-editorial").get_text(" ", strip=True)
    assert "Corrected from the official document" in notes and "restored and marked in the text" in notes


def test_paragraph_pages_show_their_section_and_neighbours(site):
    page = soup(site, "2364/op/16/index.html")
    assert "MINUSMA’s mandate" in page.find(class_="res-breadcrumb").get_text()
    pagers = page.find_all(class_="res-pager")
    assert [[a["href"] for a in pager.find_all("a")] for pager in pagers] == [["../15/", "../17/"]] * 2


def test_paragraph_pages_stay_small(site):
    sizes = [p.stat().st_size for p in (site / "2364" / "op").rglob("index.html")]
    assert max(sizes) < 50_000


def test_two_builds_give_identical_files(site, tmp_path):
    again = build_site_into(ROOT / "source_texts", tmp_path)
    differences = []

    def compare(dcmp, where=""):
        differences.extend(where + name for name in dcmp.diff_files + dcmp.left_only + dcmp.right_only)
        for name, sub in dcmp.subdirs.items():
            compare(sub, f"{where}{name}/")

    compare(filecmp.dircmp(site, again))
    # Pagefind writes its filter indexes (and so the meta file and entry that name them by hash) in
    # an arbitrary order on each run (Pagefind/pagefind#638: fragments and word index are stable,
    # filter and meta indexes are not). Everything else, Pagefind's word index included, must match.
    unstable = re.compile(r"^pagefind/(filter/[^/]+\.pf_filter|pagefind\.[^/]+\.pf_meta|pagefind-entry\.json)$")
    assert [path for path in differences if not unstable.match(path)] == []
    assert len(list((site / "pagefind" / "filter").iterdir())) == len(list((again / "pagefind" / "filter").iterdir()))

"""Nothing from the source is ever interpreted as Markdown, HTML, Jinja or Material syntax.

A site is built from a copy of the seed in which some paragraphs, a section heading and a
sub-paragraph heading are replaced by hostile strings; the built HTML must show each string as
itself, in the text, in <title> and in the meta description, and contain no element it could
have injected. A Hypothesis test (fixed seed) checks ``render_text`` on random text through
Python-Markdown with the project's own extensions.
"""

from __future__ import annotations

import json
import re
import shutil
from functools import cache
from pathlib import Path

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given, settings
from hypothesis import strategies as st

from build_scripts.render.markup import _MARKDOWN_SPECIAL, escape, render_text
from tests.conftest import ROOT, SEED, build_site_into

RAW = SEED.read_text(encoding="utf-8")

HOSTILE = {
    3: "<script>alert(1)</script>",
    4: "<b>bold</b>",
    5: "*emph* _u_ [x](javascript:alert(1)) # | `backticks` ``two``",
    6: "{{ config.site_name }}",
    7: "{% raw %} {# comment #} {% endraw %}",
    8: "!!! note",
    9: ":material-home: :octicons-alert-16: ==mark== ^^ins^^ ~~del~~ ++ctrl++",
    11: "&amp; &lt;i&gt; &#60;u&#62; <!-- comment --> <img src=x onerror=alert(1)>",
    12: "\\*not emphasis\\* [^1] *[HTML]: Hyper <div markdown=1>*x*</div> { #evil .cls }",
}
"""Operative paragraph number → the whole text it is given."""
SECTION_HEADING = ("G5 Sahel contribution", "G5 Sahel <b>bold</b> *contribution* {{ x }}")
SUBJECT = ("subject: The situation in Mali", 'subject: The situation in Mali "x" onmouseover="alert(3)" &amp;')
"""The agenda item comes from the YAML, and goes into the meta description of the overview and full text."""
SUBHEADING = ("Good offices and reconciliation", "Good offices <script>alert(2)</script> _and_ reconciliation")


def hostile_source() -> str:
    lines = RAW.split("\n")
    starts = {int(m[1]): index for index, line in enumerate(lines) if (m := re.match(r"^\s*(\d{1,2})\.(?:\s|$)", line))}
    for number in sorted(HOSTILE, reverse=True):
        lines[starts[number] : starts[number + 1]] = [f"{number}. {HOSTILE[number]}"]
    text = "\n".join(lines)
    for old, new in (SECTION_HEADING, SUBHEADING):
        assert text.count(f"\n{old}\n") == 1
        text = text.replace(f"\n{old}\n", f"\n{new}\n")
    return text


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = tmp_path_factory.mktemp("hostile-source")
    (source / SEED.name).write_text(hostile_source(), encoding="utf-8")
    meta = SEED.with_suffix(".yml").read_text(encoding="utf-8")
    assert SUBJECT[0] in meta
    (source / SEED.with_suffix(".yml").name).write_text(meta.replace(SUBJECT[0], f"subject: '{SUBJECT[1][9:]}'"), encoding="utf-8")
    return build_site_into(source, tmp_path_factory.mktemp("hostile-build"))


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "lxml")


def element_text(page: BeautifulSoup, element: str) -> str:
    node = page.find(id=element)
    for label in node.find_all("a", class_="res-label"):
        label.decompose()
    return " ".join(p.get_text().strip() for p in node.find_all("p", recursive=False))


@pytest.mark.parametrize("number", sorted(HOSTILE))
def test_hostile_paragraph_text_is_shown_as_itself(hostile_site, number):
    for page in ("2364/text", f"2364/op/{number}"):
        assert element_text(soup(hostile_site, page), f"op-{number}") == HOSTILE[number], page




def test_page_titles_hold_no_source_text(hostile_pages):
    """<title> comes from front matter too; it carries only symbols and fixed words, never element text."""
    for where, _, page in hostile_pages:
        title = page.find("title")
        assert title.find_all(True) == [] and not re.search(r"[<>&{}*`]", title.get_text()), where


@pytest.mark.parametrize("number", sorted(HOSTILE))
def test_hostile_text_is_literal_in_the_meta_description(hostile_site, number):
    html = (hostile_site / "2364" / "op" / str(number) / "index.html").read_text(encoding="utf-8")
    description = BeautifulSoup(html, "lxml").find("meta", attrs={"name": "description"})["content"]
    assert description.endswith(HOSTILE[number]), description
    assert "<script>alert" not in html and "<b>bold" not in html


def test_a_quote_in_the_subject_cannot_leave_the_meta_description(hostile_site):
    for page in ("2364", "2364/text"):
        meta = soup(hostile_site, page).find("meta", attrs={"name": "description"})
        assert "onmouseover" not in meta.attrs, page
        assert SUBJECT[1][9:] in meta["content"], page


def test_meta_descriptions_cannot_leave_their_attribute_from_element_text(hostile_pages):
    """Front matter values are HTML-escaped (the theme writes them raw), and the cleaner turns
    straight double quotes into “ or ”: text from the .txt cannot close the attribute."""
    for where, _, page in hostile_pages:
        if where.startswith("2364/op/") or where.startswith("2364/pp/"):
            meta = page.find("meta", attrs={"name": "description"})
            assert set(meta.attrs) == {"name", "property", "content"}, where  # property: the same tag is og:description


def test_hostile_headings_are_shown_as_themselves(hostile_site):
    text_page = soup(hostile_site, "2364/text")
    assert text_page.find(id="section-42").get_text().strip() == SECTION_HEADING[1]
    assert text_page.find(id="op-20-b").find(class_="res-heading-text").get_text() == SUBHEADING[1]
    context = soup(hostile_site, "2364/op/42").find(class_="res-breadcrumb").get_text()
    assert SECTION_HEADING[1] in context


def test_hostile_heading_is_literal_in_the_table_of_contents(hostile_site):
    text_page = soup(hostile_site, "2364/text")
    toc_links = [a for a in text_page.select("nav a") if a.get("href", "").endswith("#section-42")]
    assert toc_links, "no table-of-contents entry for section-42"
    for link in toc_links:
        assert link.get_text().strip() == SECTION_HEADING[1]


def all_pages(site: Path) -> list[tuple[str, str, BeautifulSoup]]:
    return [(path.relative_to(site).as_posix(), html, BeautifulSoup(html, "lxml")) for path in sorted(site.rglob("*.html")) for html in [path.read_text(encoding="utf-8")]]


@pytest.fixture(scope="module")
def hostile_pages(hostile_site):
    return all_pages(hostile_site)


def test_no_markup_from_the_text_exists_on_any_page(hostile_pages):
    for where, html, page in hostile_pages:
        body = html[html.index("<body"):]
        assert "<script>alert" not in body and "alert(1)</script>" not in body, where
        assert not [s for s in page.find_all("script") if "alert(" in (s.string or "") and s.get("type") != "application/ld+json"], where
        for data in page.find_all("script", type="application/ld+json"):
            json.loads(data.string)
        assert page.find_all("b") == [], where
        assert not [e for e in page.find_all("em") if e.get_text() in ("emph", "u", "and", "contribution", "x")], where
        assert not [a for a in page.find_all(href=True) if a["href"].strip().lower().startswith("javascript:")], where
        assert page.find_all("img", attrs={"onerror": True}) == [], where
        assert page.find_all(["mark", "del", "kbd", "u", "i"], string=re.compile("mark|ins|del|ctrl")) == [], where
        assert page.find_all(class_="admonition") == [], where
        assert page.find_all(id="evil") == [] and page.find_all(class_="cls") == [], where
        assert not [t for t in page.find_all("span", class_="twemoji") if "home" in str(t)], where
        assert "Security Council resolutions" not in (page.find(id="op-6").get_text() if page.find(id="op-6") else ""), where


def test_jinja_and_markdown_are_left_as_typed_in_the_json_model(hostile_site):
    model = json.loads((hostile_site / "data" / "2364.json").read_text(encoding="utf-8"))
    texts = {element["id"]: element["text"] for element in model["operative"]}
    assert all(texts[f"op-{number}"] == HOSTILE[number] for number in HOSTILE)


# --- render_text through Python-Markdown ------------------------------------------------------------


@cache
def project_extensions() -> tuple[list, dict]:
    """markdown_extensions from mkdocs.yml, as Python-Markdown takes them."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_IgnoreTags)
    names, options = [], {}
    for entry in config["markdown_extensions"]:
        if isinstance(entry, dict):
            (name, value), = entry.items()
            names.append(name)
            options[name] = value or {}
        else:
            names.append(entry)
    return names, options


class _IgnoreTags(yaml.SafeLoader):
    """mkdocs.yml uses !ENV; its value does not matter here."""


_IgnoreTags.add_multi_constructor("!", lambda loader, suffix, node: None)


def through_markdown(text: str) -> str:
    names, options = project_extensions()
    # The same raw block as render/elements.py writes: one line, a <div> per element, a <p> of text.
    block = f'<div class="res-text"><div class="res-el" id="x"><p>{render_text(text, [])}</p></div></div>'
    html = markdown.markdown(block, extensions=names, extension_configs=options)
    return BeautifulSoup(html, "html.parser").find(id="x").p.get_text()


printable = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=80)
markup_heavy = st.text(alphabet="*_`[]{}()|\\#!:~^=+<>&\"'%-. abc1\u00a0’", max_size=60)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(text=st.one_of(printable, markup_heavy))
def test_rendered_text_reads_back_as_itself_through_markdown(text):
    assert through_markdown(text) == text


@settings(derandomize=True, max_examples=200, deadline=None)
@given(text=st.one_of(printable, markup_heavy))
def test_escape_leaves_no_markup_character_raw(text):
    escaped = escape(text)
    raw_specials = set(chr(code) for code in _MARKDOWN_SPECIAL) - {"&", "#"}
    assert not raw_specials & set(escaped)
    assert re.sub(r"&#\d+;", "", escaped) == "".join(c for c in text if ord(c) not in _MARKDOWN_SPECIAL)
    # Escaping escaped text escapes its '&' and '#' again; it never un-escapes anything.
    assert escape(escaped) != escaped or not (set(text) & set("&#"))

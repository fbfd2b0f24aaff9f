"""Markdown pages of one resolution: overview, full text, one page per paragraph, one per annex, and home.

The markup is in templates/page_*.html.j2 and _reader_macros.html.j2 (Jinja2, autoescape on); this
module decides what each page says and hands the model to the template.

URL contract (directory URLs, documented on /cite/): ``N/`` overview, ``N/text/`` full text,
``N/pp/K/`` preambular paragraph K, ``N/op/K/`` operative paragraph K. Every element keeps the
same HTML id on the full text and on its paragraph page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Protocol

import yaml
from markupsafe import Markup

from .. import ids
from ..analyse.facts import key_facts
from ..citations import absolute_permalink, citation_meta, citations, cite_data, json_ld
from ..model import Annex, Element, ElementKind, Repair, RepairRule, Resolution
from .elements import element_view, macros, text_block, with_contents
from .markup import Span
from .record import long_date, record_rows, source_note, subjects_html
from .templating import render


@dataclass(frozen=True, slots=True)
class Page:
    """A generated Markdown page."""

    path: str
    """Site-relative directory URL, e.g. '2364/op/20/'."""
    markdown: str
    """The page's source, front matter included."""

    @property
    def file(self) -> str:
        """Path under docs/: '2364/op/20/' → '2364/op/20.md', '2364/' → '2364/index.md'."""
        if not self.path:
            return "index.md"
        parent, _, leaf = self.path.rstrip("/").rpartition("/")
        return f"{self.path}index.md" if "/" not in self.path.rstrip("/") else f"{parent}/{leaf}.md"


@dataclass(frozen=True, slots=True)
class LinkItem:
    """One entry of a list of links: a label, its site-relative URL (or an absolute one) and a note."""

    label: str
    url: str
    note: str = ""


THEMES = "Themes"
"""The facet (``Links.facets``) whose entries are the search filter 'theme'."""


class Links(Protocol):
    """What the pages need from the reference and annotation stages."""

    def spans(self, element: Element, page: str) -> list[Span]:
        """Spans to mark in the element's text when shown on ``page``."""

    def outgoing(self, element: Element) -> list[LinkItem]:
        """What the element refers to."""

    def incoming(self, element: Element) -> list[LinkItem]:
        """Elements that refer to this one (or to its items)."""

    def facets(self, element: Element) -> list[tuple[str, list[LinkItem]]]:
        """Named lists shown under a paragraph: addressees, mentions, themes, verbs."""



SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""yaml.safe_dump's dumper, in libyaml's C version where PyYAML has it: the same output, ten times faster."""
UNWRAPPED = 1 << 30
"""A line width no value reaches: every value stays on one line."""


def front_matter(title: str, description: str, tags: list[tuple[str, str]] = ()) -> str:
    """YAML front matter, written by a YAML emitter so that no value can end it or fail to parse.

    Values are HTML-escaped, because the theme writes them into <title> and <meta> unescaped (MkDocs
    renders templates with autoescape off). Every value is double-quoted on one line: control
    characters, line breaks and '---' come out as YAML escapes, so MkDocs always reads the front
    matter back (a front matter it cannot parse would be dropped and rendered as Markdown).
    ``tags`` are extra <meta name content> pairs (citation_*) for overrides/main.html."""
    values: dict[str, object] = {"title": html.escape(title, quote=True), "description": html.escape(description, quote=True)}
    if tags:
        values["meta_tags"] = [[html.escape(name, quote=True), html.escape(content, quote=True)] for name, content in tags]
    text = yaml.dump(values, Dumper=SAFE_DUMPER, allow_unicode=True, default_style='"', width=UNWRAPPED, sort_keys=False)
    return f"---\n{text}---\n\n"


def _excerpt(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def synthetic_notice(resolution: Resolution) -> bool:
    """Whether pages carry the banner of a synthetic resolution (tests and benchmarks only)."""
    return resolution.metadata.synthetic


def paragraph_title(resolution: Resolution, element: Element) -> str:
    """'Preambular paragraph 3' or 'Paragraph 20'."""
    return f"Preambular paragraph {element.number}" if element.kind is ElementKind.PREAMBULAR else f"Paragraph {element.number}"


def annex_title(annex: Annex) -> str:
    """'Annex I' as printed; 'Annex' (or 'Annex 2') where the source prints no title."""
    return annex.title or ("Annex" if annex.number == 1 else f"Annex {annex.number}")


def repairs_in(resolution: Resolution, element: Element) -> list[Repair]:
    """Logged repairs inside an element or its items."""
    inside = {item.id for item in element.walk()}
    return [repair for repair in resolution.repairs if repair.element_id in inside]


def describe_repair(repair: Repair) -> str:
    """What was repaired and why, as a reader-facing sentence (plain text; the template escapes it).

    The source line is not in the sentence: it is in the published data (``repairs`` in N.json)."""
    original, replacement = " ".join(repair.original.split()), repair.replacement
    if repair.rule is RepairRule.PAGE_FURNITURE:
        return f"Removed “{original}”: a page header or footer of the PDF that had slipped into the text."
    if repair.rule is RepairRule.SPLIT_WORD:
        return f"Joined “{original}” into “{replacement}”: the PDF extraction had split the word in two."
    if repair.rule is RepairRule.SPACED_HYPHEN:
        return f"Closed up “{original}” as “{replacement}”: the PDF extraction had put a space before the hyphen."
    if repair.rule is RepairRule.LINE_HYPHEN:
        return f"Rejoined “{original}” as “{replacement}”: the word was broken across two lines of the PDF."
    restored = f" The missing words, “{repair.restored}”, are restored and marked in the text." if repair.restored else ""
    return f"Corrected from the official document: the PDF extraction reads “{original}”, shown here as “{replacement}”. {repair.reason}{restored}"


def _note_label(element_id: str) -> str:
    return f"PP{element_id[3:]}" if element_id.startswith(f"{ids.PREAMBULAR_PREFIX}-") else ids.citation_label(element_id)


def notes(repairs: list[Repair]) -> list[tuple[str, str, str]]:
    """(element id, its label, the sentence) for each repair, for the notes macro."""
    return [(repair.element_id, _note_label(repair.element_id) if repair.element_id else "", describe_repair(repair)) for repair in repairs]


def _links_to_paragraphs(elements: tuple[Element, ...], number: int, label) -> list[LinkItem]:
    return [LinkItem(label(element), ids.page_path(number, element.id), _excerpt(element.text)) for element in elements]


def overview_page(resolution: Resolution, extra_sections: list[tuple[str, list[LinkItem]]] = (), history: str = "") -> Page:
    """N/: adoption, key figures, sections with their paragraphs, the official document, the data.

    ``history`` is pre-rendered HTML (the mandate's status line), placed after the record table."""
    meta = resolution.metadata
    page = f"{meta.number}/"
    annexes = f" and {len(resolution.annexes)} annex{'es' if len(resolution.annexes) > 1 else ''}" if resolution.annexes else ""
    count = f"{len(resolution.preamble)} preambular and {len(resolution.operative)} operative paragraphs{annexes}"
    facts = [(fact.name, fact.value, ids.permalink(meta.number, fact.element_id)) for fact in key_facts(resolution)]
    sections = [
        (section, _links_to_paragraphs(tuple(p for p in resolution.operative if section.first <= p.number <= section.last), meta.number, lambda p: f"{p.number}."))
        for section in resolution.sections
    ]
    unsectioned = _links_to_paragraphs(tuple(p for p in resolution.operative if resolution.section_of(p.number) is None), meta.number, lambda p: f"{p.number}.")
    about = f" on {meta.subject}" if meta.subject else ""
    markdown = render(
        "page_overview.html.j2",
        front_matter=Markup(front_matter(meta.symbol, f"Security Council resolution {meta.number} ({meta.year}){about}, adopted {long_date(meta)}: overview, sections and paragraphs.", citation_meta(meta))),
        page=page,
        meta=meta,
        synthetic=synthetic_notice(resolution),
        record=record_rows(resolution),
        count=count,
        data=[(f"data/{meta.number}.{ext}", label) for ext, label in (("json", "JSON"), ("csv", "CSV"), ("akn.xml", "Akoma Ntoso XML"))],
        facts=facts,
        history=Markup(history),
        source=source_note(resolution),
        sections=sections,
        unsectioned=unsectioned,
        preamble=_links_to_paragraphs(resolution.preamble, meta.number, lambda p: f"PP{p.number}"),
        annexes=[LinkItem(annex_title(annex), ids.page_path(meta.number, annex.id), " ".join(annex.headings)) for annex in resolution.annexes],
        subjects=subjects_html(resolution),
        extra_sections=extra_sections,
        permalink=absolute_permalink(meta),
        cite_data=Markup(cite_data(meta)),
        json_ld=Markup(json_ld(meta, parts=[p.id for p in (*resolution.preamble, *resolution.operative)])),
    )
    return Page(page, markdown)


def search_data(resolution: Resolution, links: Links) -> list[tuple[str, str]]:
    """What the search index keeps of N/text/ beside its words, as Pagefind (attribute, key:value) pairs.

    The full text is the one page per resolution that search indexes: an index of every paragraph page
    grew ~7 bytes a page in the list Pagefind fetches before any answer (272 KB at the whole record).
    search.js splits a hit into its paragraphs by the elements' ids, and reads from here what a
    paragraph's page showed: its section (``sections``: the first paragraph of each) and its themes
    (``themes``: the names, then each paragraph's as positions in them); ``theme`` filters are the
    resolution's themes, which search.js narrows to paragraphs."""
    meta = resolution.metadata
    sections = ";".join(f"op-{s.first}={s.heading}" for s in resolution.sections)
    themes: dict[str, list[str]] = {}
    for paragraph in (*resolution.preamble, *resolution.operative):
        names = [item.label for heading, items in links.facets(paragraph) if heading == THEMES for item in items]
        if names:
            themes[paragraph.id] = names
    data = [("filter", f"resolution:{meta.symbol}"), ("meta", f"resolution:{meta.symbol}"), ("meta", f"number:{meta.number}")]
    if sections:
        data.append(("meta", f"sections:{sections}"))
    named = list(dict.fromkeys(name for names in themes.values() for name in names))
    if themes:
        each = ";".join(f"{id_}={','.join(str(named.index(name)) for name in names)}" for id_, names in themes.items())
        data.append(("meta", f"themes:{'|'.join(named)};{each}"))
    data.extend(("filter", f"theme:{name}") for name in named)
    return data


def text_page(resolution: Resolution, links: Links) -> Page:
    """N/text/: the whole resolution, every element with its id; the page that search indexes."""
    meta = resolution.metadata
    page = f"{meta.number}/text/"
    about = f" on {meta.subject}" if meta.subject else ""
    blocks: list[tuple[str, str, Markup]] = []
    if resolution.operative and resolution.section_of(resolution.operative[0].number) is None:
        blocks.append(("Operative part", "operative", Markup("")))
    for paragraph in resolution.operative:
        section = next((s for s in resolution.sections if s.first == paragraph.number), None)
        heading = (section.heading, section.slug) if section else ("", "")
        blocks.append((*heading, text_block([element_view(resolution, paragraph, page, links.spans)], searchable=True)))
    markdown = render(
        "page_text.html.j2",
        front_matter=Markup(front_matter(f"{meta.symbol}: full text", f"The full text of Security Council resolution {meta.number} ({meta.year}){about}, with every paragraph linkable.", citation_meta(meta))),
        page=page,
        meta=meta,
        synthetic=synthetic_notice(resolution),
        header=resolution.header,
        preamble=text_block([element_view(resolution, p, page, links.spans) for p in resolution.preamble], searchable=True),
        blocks=blocks,
        annexes=[(annex_title(annex), annex.id, annex_body(resolution, annex, page, links)) for annex in resolution.annexes],
        search=search_data(resolution, links),
        footnotes=footnotes(resolution, page),
        notes=notes(list(resolution.repairs)),
        cite_data=Markup(cite_data(meta)),
    )
    return Page(page, markdown)


def reading_order(resolution: Resolution) -> list[tuple[str, str]]:
    """(title, page path) of every paragraph and annex page, preamble → operative part → annexes."""
    return [_page_at(resolution, position) for position in range(_page_count(resolution))]


def neighbours(resolution: Resolution, page: str) -> list[tuple[str, str, str]]:
    """('prev' | 'next', title, path) of the pages before and after ``page`` in reading order."""
    position = _position(resolution, page)
    found = []
    if position > 0:
        found.append(("prev", *_page_at(resolution, position - 1)))
    if position + 1 < _page_count(resolution):
        found.append(("next", *_page_at(resolution, position + 1)))
    return found


def _page_count(resolution: Resolution) -> int:
    return len(resolution.preamble) + len(resolution.operative) + len(resolution.annexes)


def _page_at(resolution: Resolution, position: int) -> tuple[str, str]:
    number, preamble, operative = resolution.metadata.number, len(resolution.preamble), len(resolution.operative)
    if position < preamble + operative:
        paragraph = resolution.preamble[position] if position < preamble else resolution.operative[position - preamble]
        return paragraph_title(resolution, paragraph), ids.page_path(number, paragraph.id)
    annex = resolution.annexes[position - preamble - operative]
    return annex_title(annex), ids.page_path(number, annex.id)


def _position(resolution: Resolution, page: str) -> int:
    # From the page's number where the page is where its number says: reading the whole order on
    # every page would make generation quadratic in the paragraph count.
    prefix, number = page.rstrip("/").split("/")[-2:]
    guess = {"pp": 0, "op": len(resolution.preamble), "annex": len(resolution.preamble) + len(resolution.operative)}[prefix] + int(number) - 1
    if 0 <= guess < _page_count(resolution) and _page_at(resolution, guess)[1] == page:
        return guess
    return next(position for position, (_, path) in enumerate(reading_order(resolution)) if path == page)


def _crumbs(resolution: Resolution, element: Element) -> tuple[str, list[tuple[str, str, list[tuple[str, str]]]]]:
    """The part of the resolution ('Preamble', 'Operative part') and the breadcrumb's links to it."""
    meta = resolution.metadata
    text = f"{meta.number}/text/"
    home = (meta.symbol, f"{meta.number}/", [])
    if element.kind is ElementKind.PREAMBULAR:
        return "Preamble", [home, ("Preamble", f"{text}#preamble", [])]
    section = resolution.section_of(element.number)
    if section:
        return "Operative part", [home, (section.heading, f"{text}#{section.slug}", [])]
    first = resolution.operative[0].number if resolution.operative else 0
    anchor = "operative" if resolution.section_of(first) is None else element.id
    return "Operative part", [home, ("Operative part", f"{text}#{anchor}", [])]


def paragraph_page(resolution: Resolution, element: Element, links: Links, history: str = "") -> Page:
    """N/pp/K/ or N/op/K/: the paragraph's text first, then what it refers to, its facets, notes and citations.

    ``history`` is pre-rendered HTML (predecessor and successor paragraphs), placed after the text."""
    meta = resolution.metadata
    page = ids.page_path(meta.number, element.id)
    title = paragraph_title(resolution, element)
    _, crumbs = _crumbs(resolution, element)
    cited = citations(meta, element.id)[0].text
    facets = links.facets(element)
    view = with_contents(element_view(resolution, element, page, links.spans))
    short_title = title.lower() if element.kind is ElementKind.PREAMBULAR else f"paragraph {element.number}"
    markdown = render(
        "page_paragraph.html.j2",
        front_matter=Markup(front_matter(f"{meta.symbol}, {short_title}", f"{title} of Security Council resolution {meta.number} ({meta.year}): {_excerpt(element.text, 24)}", citation_meta(meta, element.id))),
        page=page,
        title=title,
        synthetic=synthetic_notice(resolution),
        full_text=f"{meta.number}/text/#{element.id}",
        crumbs=[*crumbs, (title, "", [])],
        neighbours=neighbours(resolution, page),
        text=text_block([view]),
        contents_listed=any(item.toc for item in view.items),
        history=Markup(history),
        notes=notes(repairs_in(resolution, element)),
        facets=[(heading, items, "") for heading, items in facets if items],
        incoming=links.incoming(element),
        outgoing=links.outgoing(element),
        cited=cited,
        permalink=absolute_permalink(meta, element.id),
        element_id=element.id,
        cite_data=Markup(cite_data(meta)),
        json_ld=Markup(json_ld(meta, element.id, title=f"{meta.symbol}, {title.lower()}")),
    )
    return Page(page, markdown)


HOME_LISTED = 60
"""The home page lists up to this many resolutions itself; a larger site lists years, each with its own
page (``years/YYYY/``), so that the home page stays small however many resolutions the site holds."""


def home_page(resolutions: list[Resolution]) -> Page:
    """The home page: what the site is, the resolutions (or their years), where to start."""
    metadata = [resolution.metadata for resolution in resolutions]
    years = sorted({meta.year for meta in metadata}) if len(metadata) > HOME_LISTED else []
    markdown = render(
        "page_home.html.j2",
        front_matter=Markup(front_matter("Security Council resolutions, paragraph by paragraph", "Read, search and cite UN Security Council resolutions paragraph by paragraph, with every cross-reference linked.")),
        resolutions=[] if years else metadata,
        years=[(year, sum(meta.year == year for meta in metadata)) for year in years],
        first=metadata[0],
    )
    return Page("", markdown)


def year_pages(resolutions: list[Resolution]) -> list[Page]:
    """``years/YYYY/``: the resolutions of one year, when the home page lists years (see HOME_LISTED)."""
    if len(resolutions) <= HOME_LISTED:
        return []
    by_year: dict[int, list] = {}
    for resolution in resolutions:
        by_year.setdefault(resolution.metadata.year, []).append(resolution.metadata)
    return [
        Page(
            f"years/{year}/",
            render(
                "page_year.html.j2",
                front_matter=Markup(front_matter(f"Resolutions of {year}", f"The Security Council resolutions of {year} on this site, with their overviews and full texts.")),
                page=f"years/{year}/",
                year=year,
                resolutions=listed,
            ),
        )
        for year, listed in sorted(by_year.items())
    ]


def annex_body(resolution: Resolution, annex: Annex, page: str, links: Links, searchable: bool = True) -> Markup:
    """The annex's title lines and its paragraphs and items."""
    views = [element_view(resolution, item, page, links.spans) for item in annex.items]
    return macros().annex_body(annex.headings, text_block(views, searchable=searchable))


def footnotes(resolution: Resolution, page: str, element_prefix: str = "") -> list[tuple[str, str, str, str]]:
    """The official text's footnotes as (marker, text, link to the element or '', the element's label)."""
    number = resolution.metadata.number
    return [
        (note.marker, note.text, ids.permalink(number, note.element_id) if note.element_id else "", ids.citation_label(note.element_id) if note.element_id else "")
        for note in resolution.footnotes
        if note.element_id.startswith(element_prefix)
    ]


def annex_page(resolution: Resolution, annex: Annex, links: Links) -> Page:
    """N/annex/K/: one annex of the resolution, every paragraph and item with its own anchor."""
    meta = resolution.metadata
    page = ids.page_path(meta.number, annex.id)
    title = annex_title(annex)
    summary = " ".join(annex.headings) or _excerpt(" ".join(item.text for item in annex.items[:1]), 20)
    crumbs = [(meta.symbol, f"{meta.number}/", []), (title, "", [])]
    markdown = render(
        "page_annex.html.j2",
        front_matter=Markup(front_matter(f"{meta.symbol}, {title.lower()}", f"{title} to Security Council resolution {meta.number} ({meta.year}): {summary}", citation_meta(meta))),
        page=page,
        title=title,
        annex_id=annex.id,
        meta=meta,
        synthetic=synthetic_notice(resolution),
        crumbs=crumbs,
        neighbours=neighbours(resolution, page),
        body=annex_body(resolution, annex, page, links, searchable=False),
        footnotes=footnotes(resolution, page, f"{annex.id}-"),
        cite_data=Markup(cite_data(meta)),
    )
    return Page(page, markdown)

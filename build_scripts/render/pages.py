"""Markdown pages of one resolution: overview, full text, one page per paragraph.

URL contract (directory URLs, documented on /cite/): ``N/`` overview, ``N/text/`` full text,
``N/pp/K/`` preambular paragraph K, ``N/op/K/`` operative paragraph K. Every element keeps the
same HTML id on the full text and on its paragraph page.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace
from typing import Protocol

import yaml

from .. import ids
from ..citations import citation_meta, citations, json_ld
from ..analyse.facts import key_facts
from ..model import Annex, Element, ElementKind, Metadata, Repair, RepairRule, Resolution
from .elements import element_html, label_text, text_block
from .record import long_date, record_rows, source_note, subjects_html
from .markup import Span, attribute, escape, relative_url


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
    ``tags`` are extra <meta name content> pairs (citation_*, DC.*) for overrides/main.html."""
    values: dict[str, object] = {"title": html.escape(title, quote=True), "description": html.escape(description, quote=True)}
    if tags:
        values["meta_tags"] = [[html.escape(name, quote=True), html.escape(content, quote=True)] for name, content in tags]
    text = yaml.dump(values, Dumper=SAFE_DUMPER, allow_unicode=True, default_style='"', width=UNWRAPPED, sort_keys=False)
    return f"---\n{text}---\n\n"


def _link_list(page: str, items: list[LinkItem]) -> str:
    lines = []
    for item in items:
        url = item.url if item.url.startswith(("http://", "https://")) else relative_url(page, item.url)
        note = f" — {escape(item.note)}" if item.note else ""
        lines.append(f'<li><a href="{attribute(url)}">{escape(item.label)}</a>{note}</li>')
    return "<ul>" + "".join(lines) + "</ul>"


def _excerpt(text: str, words: int = 14) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def synthetic_notice(resolution: Resolution) -> str:
    """A banner on every page of a synthetic resolution (tests and benchmarks only)."""
    if not resolution.metadata.synthetic:
        return ""
    return '<p class="res-synthetic" role="note"><strong>Synthetic test resolution.</strong> Generated from a real text under a new number for tests and benchmarks; not a Council text.</p>\n'


def paragraph_title(resolution: Resolution, element: Element) -> str:
    """'Preambular paragraph 3' or 'Paragraph 20'."""
    return f"Preambular paragraph {element.number}" if element.kind is ElementKind.PREAMBULAR else f"Paragraph {element.number}"


def repairs_in(resolution: Resolution, element: Element) -> list[Repair]:
    """Logged repairs inside an element or its items."""
    inside = {item.id for item in element.walk()}
    return [repair for repair in resolution.repairs if repair.element_id in inside]


def describe_repair(repair: Repair) -> str:
    """A reader-facing sentence for one repair (HTML-escaped)."""
    original, replacement = escape(repair.original.replace("\n", " ⏎ ")), escape(repair.replacement)
    where = f"source line {repair.line}"
    if repair.rule is RepairRule.PAGE_FURNITURE:
        return f"Page furniture “{original}” removed ({where})."
    if repair.rule is RepairRule.SPLIT_WORD:
        return f"“{original}” joined as “{replacement}”: a word split by the PDF extraction ({where})."
    if repair.rule is RepairRule.SPACED_HYPHEN:
        return f"“{original}” closed up as “{replacement}”: a stray space before a hyphen ({where})."
    if repair.rule is RepairRule.LINE_HYPHEN:
        return f"“{original}” rejoined as “{replacement}” across a line break ({where})."
    restored = f" Restored words: “{escape(repair.restored)}” (marked in the text)." if repair.restored else ""
    return f"Erratum: the extracted text reads “{original}”; it is shown as “{replacement}”. {escape(repair.reason)}{restored} ({where})"


def notes_html(resolution: Resolution, repairs: list[Repair], page: str, with_links: bool = False) -> str:
    """Editorial notes as a list; on the full text each note links to its element."""
    items = []
    for repair in repairs:
        prefix = ""
        if with_links and repair.element_id:
            prefix = f'<a href="#{repair.element_id}">{escape(ids.citation_label(repair.element_id) if repair.element_id.startswith("op") else "PP" + repair.element_id[3:])}</a>: '
        items.append(f'<li class="res-note res-note-{repair.rule.value}">{prefix}{describe_repair(repair)}</li>')
    return '<ol class="res-notes">' + "".join(items) + "</ol>"


def overview_page(resolution: Resolution, extra_sections: list[tuple[str, list[LinkItem]]] = ()) -> Page:
    """N/: adoption, key figures, sections with their paragraphs, the official document, the data."""
    meta = resolution.metadata
    page = f"{meta.number}/"
    adopted = long_date(meta)
    annexes = f" and {len(resolution.annexes)} annex{'es' if len(resolution.annexes) > 1 else ''}" if resolution.annexes else ""
    rows = [
        ("Symbol", escape(meta.symbol)),
        *record_rows(resolution),
        ("Official document", f'<a href="{attribute(meta.official_url)}">{escape(meta.official_url)}</a>'),
        ("Full text", f'<a href="text/">Read the whole resolution</a> ({len(resolution.preamble)} preambular and {len(resolution.operative)} operative paragraphs{annexes})'),
        ("Data", " · ".join(f'<a href="{relative_url(page, f"data/{meta.number}.{ext}")}">{label}</a>' for ext, label in (("json", "JSON"), ("csv", "CSV"), ("akn.xml", "Akoma Ntoso XML")))),
    ]
    for fact in key_facts(resolution):
        rows.append((escape(fact.name), f'<a href="{relative_url(page, ids.permalink(meta.number, fact.element_id))}">{escape(fact.value)}</a>'))
    table = "<table><tbody>" + "".join(f"<tr><th scope=\"row\">{name}</th><td>{value}</td></tr>" for name, value in rows) + "</tbody></table>"
    about = f" on {meta.subject}" if meta.subject else ""
    body = [front_matter(meta.symbol, f"Security Council resolution {meta.number} ({meta.year}){about}, adopted {adopted}: overview, sections and paragraphs.", citation_meta(meta)), f"# {escape(meta.symbol)}\n", synthetic_notice(resolution), table, ""]
    body.append(f'<p class="res-source">{source_note(resolution)}</p>\n')
    body.append("## Operative part\n")
    for section in resolution.sections:
        body.append(f"### {escape(section.heading)}\n")
        paragraphs = [p for p in resolution.operative if section.first <= p.number <= section.last]
        body.append(_link_list(page, [LinkItem(f"{p.number}.", ids.page_path(meta.number, p.id), _excerpt(p.text)) for p in paragraphs]) + "\n")
    unsectioned = [p for p in resolution.operative if resolution.section_of(p.number) is None]
    if unsectioned:
        body.append(_link_list(page, [LinkItem(f"{p.number}.", ids.page_path(meta.number, p.id), _excerpt(p.text)) for p in unsectioned]) + "\n")
    body.append("## Preamble\n")
    body.append(_link_list(page, [LinkItem(f"PP{p.number}", ids.page_path(meta.number, p.id), _excerpt(p.text)) for p in resolution.preamble]) + "\n")
    if resolution.annexes:
        body.append("## Annexes\n")
        body.append(_link_list(page, [LinkItem(annex_title(annex), ids.page_path(meta.number, annex.id), " ".join(annex.headings)) for annex in resolution.annexes]) + "\n")
    subjects = subjects_html(resolution)
    if subjects:
        body.append("## Subjects { #subjects }\n")
        body.append(f'<div class="res-subjects">{subjects}</div>\n')
    for heading, items in extra_sections:
        body.append(f"## {escape(heading)}\n")
        body.append(_link_list(page, items) + "\n")
    body.append("## Cite this resolution { #cite }\n")
    body.append(_citation_list(citations(meta)) + "\n")
    parts = [p.id for p in (*resolution.preamble, *resolution.operative)]
    body.append(f'<script type="application/ld+json">{json_ld(meta, parts=parts)}</script>\n')
    return Page(page, "\n".join(body))


def text_page(resolution: Resolution, links: Links) -> Page:
    """N/text/: the whole resolution, every element with its id."""
    meta = resolution.metadata
    page = f"{meta.number}/text/"
    header = resolution.header
    body = [
        front_matter(f"{meta.symbol}: full text", f"The full text of Security Council resolution {meta.number} ({meta.year}){' on ' + meta.subject if meta.subject else ''}, with every paragraph linkable.", citation_meta(meta)),
        f"# {escape(meta.symbol)}: full text\n",
        synthetic_notice(resolution),
        f'<div class="res-header"><p class="res-title">{escape(header.title)}</p><p>{escape(header.adoption)}</p></div>\n',
        f'<p class="res-organ">{escape(header.organ)}</p>\n',
        "## Preamble { #preamble }\n",
        text_block([element_html(resolution, p, page, links.spans) for p in resolution.preamble]) + "\n",
    ]
    for paragraph in resolution.operative:
        section = next((s for s in resolution.sections if s.first == paragraph.number), None)
        if section:
            body.append(f"## {escape(section.heading)} {{ #{section.slug} }}\n")
        body.append(text_block([element_html(resolution, paragraph, page, links.spans)]) + "\n")
    for annex in resolution.annexes:
        body.append(f"## {escape(annex_title(annex))} {{ #{annex.id} }}\n")
        body.append(annex_body(resolution, annex, page, links) + "\n")
    if resolution.footnotes:
        body.append("## Footnotes { #footnotes }\n")
        body.append(footnotes_html(resolution, page) + "\n")
    if resolution.repairs:
        body.append("## Editorial notes { #editorial-notes }\n")
        body.append("The text above is the text extracted from the official PDF, repaired as listed here. Nothing else was changed.\n")
        body.append(notes_html(resolution, list(resolution.repairs), page, with_links=True) + "\n")
    return Page(page, "\n".join(body))


def paragraph_page(resolution: Resolution, element: Element, links: Links) -> Page:
    """N/pp/K/ or N/op/K/: one paragraph with its context, references both ways and notes."""
    meta = resolution.metadata
    page = ids.page_path(meta.number, element.id)
    title = paragraph_title(resolution, element)
    siblings = resolution.preamble if element.kind is ElementKind.PREAMBULAR else resolution.operative
    body = [front_matter(f"{meta.symbol}, {title.lower() if element.kind is ElementKind.PREAMBULAR else 'paragraph ' + str(element.number)}", f"{title} of Security Council resolution {meta.number} ({meta.year}): {_excerpt(element.text, 24)}", citation_meta(meta, element.id))]
    body.append(f"# {title}\n")
    body.append(synthetic_notice(resolution))
    # data-pagefind-meta: search results show the resolution and the section of each hit.
    context = [f'<a href="{relative_url(page, f"{meta.number}/")}" data-pagefind-meta="resolution">{escape(meta.symbol)}</a>']
    if element.kind is ElementKind.PREAMBULAR:
        context.append(f'<a href="{relative_url(page, f"{meta.number}/text/")}#preamble" data-pagefind-meta="section">Preamble</a>')
    elif section := resolution.section_of(element.number):
        context.append(f'Section: <a href="{relative_url(page, f"{meta.number}/text/")}#{section.slug}" data-pagefind-meta="section">{escape(section.heading)}</a>')
    context.append(f'<a href="{relative_url(page, f"{meta.number}/text/")}#{element.id}">In the full text</a>')
    body.append('<p class="res-context">' + " · ".join(context) + "</p>\n")
    body.append(text_block([element_html(resolution, element, page, links.spans)], searchable=True) + "\n")
    themes = next((items for heading, items in links.facets(element) if heading == "Themes"), [])
    part = "Preamble" if element.kind is ElementKind.PREAMBULAR else "Operative part"
    body.append(search_filters(meta, part, [theme.label for theme in themes]))
    repairs = repairs_in(resolution, element)
    if repairs:
        body.append('<div class="res-editorial" role="note"><p class="res-editorial-title">Editorial notes</p>' + notes_html(resolution, repairs, page) + "</div>\n")
    for heading, items in links.facets(element):
        if items:
            body.append(f"## {escape(heading)}\n")
            body.append(_link_list(page, items) + "\n")
    incoming = links.incoming(element)
    if incoming:
        body.append("## Referred to in\n")
        body.append(_link_list(page, incoming) + "\n")
    outgoing = links.outgoing(element)
    if outgoing:
        body.append("## References in this paragraph\n")
        body.append(_link_list(page, outgoing) + "\n")
    body.append(cite_section(resolution, element))
    body.append(f'<script type="application/ld+json">{json_ld(meta, element.id, title=f"{meta.symbol}, {title.lower()}")}</script>\n')
    body.append(_previous_next(resolution, element, siblings, page))
    return Page(page, "\n".join(body))


def search_filters(meta: Metadata, part: str, themes: list[str]) -> str:
    """What Pagefind files the page under: resolution, part and themes (filters), and its number (meta)."""
    values = [("resolution", meta.symbol), ("part", part), *(("theme", theme) for theme in themes)]
    spans = "".join(f'<span data-pagefind-filter="{key}">{escape(value)}</span>' for key, value in values)
    return f'<div hidden data-pagefind-meta="number:{meta.number}">{spans}</div>\n'


def _copy_button(text: str, what: str) -> str:
    return f'<button class="res-copy md-button" type="button" data-copy="{attribute(text)}" aria-label="Copy the {attribute(what)} citation">Copy</button>'


def _citation_list(entries) -> str:
    rows = "".join(
        f'<div class="res-citation"><p class="res-citation-style">{escape(c.style)} {_copy_button(c.text, c.style)}</p><pre><code>{escape(c.text)}</code></pre></div>'
        for c in entries
    )
    return f'<div class="res-citations">{rows}</div>'


def cite_section(resolution: Resolution, element: Element) -> str:
    """'Cite this paragraph': every format with a copy button; each sub-paragraph in UN style."""
    meta = resolution.metadata
    parts = ["## Cite this paragraph { #cite }\n", _citation_list(citations(meta, element.id)) + "\n"]
    items = element.walk()[1:]
    if items:
        cited = [(item.id, citations(meta, item.id)[0].text) for item in items]
        rows = "".join(f'<tr><td><a href="#{element}">{escape(text)}</a></td><td>{_copy_button(text, "UN")}</td></tr>' for element, text in cited)
        parts.append(f'<details class="res-cite-items"><summary>Cite a sub-paragraph</summary><table><thead><tr><th scope="col">Citation</th><th scope="col">Copy</th></tr></thead><tbody>{rows}</tbody></table></details>\n')
    return "\n".join(parts)


def _previous_next(resolution: Resolution, element: Element, siblings: tuple[Element, ...], page: str) -> str:
    # By position, not tuple.index: comparing whole elements made every page cost the length of the list.
    index = element.number - 1
    if not (0 <= index < len(siblings) and siblings[index] is element):
        index = next(position for position, sibling in enumerate(siblings) if sibling is element)
    parts = []
    number = resolution.metadata.number
    if index > 0:
        previous = siblings[index - 1]
        parts.append(f'<a class="res-prev" rel="prev" href="{relative_url(page, ids.page_path(number, previous.id))}">← {escape(paragraph_title(resolution, previous))}</a>')
    if index + 1 < len(siblings):
        following = siblings[index + 1]
        parts.append(f'<a class="res-next" rel="next" href="{relative_url(page, ids.page_path(number, following.id))}">{escape(paragraph_title(resolution, following))} →</a>')
    return '<nav class="res-pager" aria-label="Previous and next paragraph">' + "".join(parts) + "</nav>\n"


def home_page(resolutions: list[Resolution]) -> Page:
    """The home page: what the site is, the resolutions, where to start."""
    rows = "".join(
        f'<tr><td><a href="{r.metadata.number}/">{escape(r.metadata.symbol)}</a></td><td>{r.metadata.adopted.isoformat()}</td><td>{escape(r.metadata.subject)}</td>'
        f'<td><a href="{r.metadata.number}/text/">full text</a></td></tr>'
        for r in resolutions
    )
    first = resolutions[0].metadata
    body = [
        front_matter("Security Council resolutions, paragraph by paragraph", "Read, search and cite UN Security Council resolutions paragraph by paragraph, with every cross-reference linked."),
        "# Security Council resolutions, paragraph by paragraph\n",
        "Read UN Security Council resolutions in the browser, jump to any paragraph, follow every cross-reference, "
        "see who is asked to do what, and cite each paragraph by a URL that never changes. "
        "The text is the official text, repaired only where the PDF extraction damaged it, and every repair is shown.\n",
        '<form class="res-search" role="search" action="search/"><label for="res-home-search">Search every paragraph, or go to one (“20 (c) (ii)”, “op 20”, “pp 3”)</label>'
        '<div class="res-search-row"><input id="res-home-search" type="search" name="q" autocomplete="off">'
        '<button class="md-button md-button--primary" type="submit">Search</button></div></form>\n',
        "## Resolutions\n",
        '<table><thead><tr><th scope="col">Resolution</th><th scope="col">Adopted</th><th scope="col">Subject</th><th scope="col">Text</th></tr></thead><tbody>' + rows + "</tbody></table>\n",
        "## Where to start\n",
        f"- [The overview of {escape(first.symbol)}]({first.number}/index.md): its sections, key figures and every paragraph.",
        f"- [The full text]({first.number}/text.md), with every paragraph and sub-paragraph linkable.",
        "- [How to cite](cite.md): stable URLs and ready-made citations.",
        "",
    ]
    return Page("", "\n".join(body))


def annex_title(annex: Annex) -> str:
    """'Annex I' as printed; 'Annex' (or 'Annex 2') where the source prints no title."""
    return annex.title or ("Annex" if annex.number == 1 else f"Annex {annex.number}")


def annex_body(resolution: Resolution, annex: Annex, page: str, links: Links) -> str:
    """The annex's title lines and its paragraphs and items."""
    headings = "".join(f'<p class="res-annex-heading">{escape(heading)}</p>' for heading in annex.headings)
    return headings + text_block([element_html(resolution, item, page, links.spans) for item in annex.items], searchable=True)


def footnotes_html(resolution: Resolution, page: str) -> str:
    """The official text's footnotes, each linked to the element it belongs to."""
    items = []
    for note in resolution.footnotes:
        where = ""
        if note.element_id:
            target = relative_url(page, ids.permalink(resolution.metadata.number, note.element_id))
            where = f' (<a href="{attribute(target)}">{escape(ids.citation_label(note.element_id))}</a>)'
        items.append(f"<li><strong>{escape(note.marker)}</strong> {escape(note.text)}{where}</li>")
    return '<ol class="res-footnotes">' + "".join(items) + "</ol>"


def annex_page(resolution: Resolution, annex: Annex, links: Links) -> Page:
    """N/annex/K/: one annex of the resolution, every paragraph and item with its own anchor."""
    meta = resolution.metadata
    page = ids.page_path(meta.number, annex.id)
    title = annex_title(annex)
    summary = " ".join(annex.headings) or _excerpt(" ".join(item.text for item in annex.items[:1]), 20)
    body = [
        front_matter(f"{meta.symbol}, {title.lower()}", f"{title} to Security Council resolution {meta.number} ({meta.year}): {summary}", citation_meta(meta)),
        f"# {escape(title)}\n",
        synthetic_notice(resolution),
        f'<p class="res-context"><a href="{relative_url(page, f"{meta.number}/")}" data-pagefind-meta="resolution">{escape(meta.symbol)}</a>'
        f' · <a href="{relative_url(page, f"{meta.number}/text/")}#{annex.id}">In the full text</a></p>\n',
        annex_body(resolution, annex, page, links) + "\n",
        search_filters(meta, "Annex", []),
    ]
    notes = [note for note in resolution.footnotes if note.element_id.startswith(f"{annex.id}-")]
    if notes:
        body.append("## Footnotes\n")
        body.append(footnotes_html(replace(resolution, footnotes=tuple(notes)), page) + "\n")
    return Page(page, "\n".join(body))

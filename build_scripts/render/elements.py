"""The elements of a resolution as the templates show them, the same on the full text and on paragraph pages.

Each element is a ``<div id="op-20-a">`` whose label is a plain permalink; the same fragment names
the same element on every page. Sub-headings, labels and indents are kept as printed. Python decides
what each element says (its escaped, annotated text, its label, its link); the markup is in
``templates/_reader_macros.html.j2``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .. import ids
from ..model import Element, ElementKind, Resolution
from ..read.parse import PREAMBULAR_OPENING
from .markup import Span, escape, relative_url, render_text
from .templating import environment

SpansFor = Callable[[Element, str], list[Span]]
"""Given an element and the page it is shown on, the spans to mark in its text."""
TOC_WORDS = 6
"""Words of a sub-paragraph's heading or text shown after its label in the page's contents list."""


@dataclass(frozen=True, slots=True)
class ElementView:
    """One element as a template shows it."""

    id: str
    """The element's id, which is also its fragment: 'op-20-c-ii'."""
    kind: str
    """ElementKind value, used as a class: 'operative', 'item'…"""
    href: str
    """Where the label leads: '#op-20-c-ii' on its paragraph page, the paragraph page from elsewhere."""
    label: str
    """The label as printed: '20.', '(c)', 'PP3'."""
    spoken: str
    """The label's accessible name: 'paragraph 20 (c) (ii)'."""
    heading: str
    """A sub-heading printed above the text, or ''."""
    text: Markup
    """The escaped text with its links, abbreviations and restored words."""
    items: tuple[ElementView, ...]
    """Sub-paragraphs, in order."""
    toc: str = ""
    """Entry in the page's contents list ('(c) Protection of civilians'), or '' for none."""


def spoken_label(resolution: Resolution, element: Element) -> str:
    """What a screen reader should say for the label: 'paragraph 20 (a) (ii)', 'preambular paragraph 3'."""
    if element.kind is ElementKind.PREAMBULAR:
        return f"preambular paragraph {element.number}"
    if element.id.startswith(ids.ANNEX_PREFIX):
        return ids.citation_label(element.id)
    return f"paragraph {ids.citation_label(element.id)}"


def label_text(element: Element) -> str:
    """The label as printed: '20.', '(a)', '(ii)', '–'; 'PP3' for unnumbered preambular paragraphs."""
    if element.kind is ElementKind.PREAMBULAR:
        return f"PP{element.number}"
    if not element.label:
        return "¶"  # an unnumbered paragraph still needs a permalink to click
    if element.kind in (ElementKind.OPERATIVE, ElementKind.ANNEX_PARAGRAPH):
        return f"{element.label}."
    return element.label


def element_view(resolution: Resolution, element: Element, page: str, spans_for: SpansFor) -> ElementView:
    """The element and its items, as shown on ``page``."""
    number = resolution.metadata.number
    link = relative_url(page, ids.permalink(number, element.id))
    if link.startswith("#") or page == ids.page_path(number, element.id):
        link = f"#{element.id}"
    text = render_text(element.text, spans_for(element, page))
    if element.kind is ElementKind.PREAMBULAR:
        text = _italicise_opening(element.text, text)
    items = tuple(element_view(resolution, item, page, spans_for) for item in element.items)
    return ElementView(element.id, element.kind.value, link, label_text(element), spoken_label(resolution, element), element.heading, Markup(text), items)


def with_contents(view: ElementView, depth: int = 2) -> ElementView:
    """The paragraph with a contents-list entry on its items ``depth`` levels down (indents excepted)."""

    def entry(item: ElementView, levels: int) -> ElementView:
        if levels <= 0 or item.label in ("–", "-", "•", "¶") or item.label.isdigit():
            return item
        words = (item.heading or _plain(item.text)).split()
        summary = " ".join(words[:TOC_WORDS]) + (" …" if len(words) > TOC_WORDS else "")
        children = tuple(entry(child, levels - 1) for child in item.items)
        return ElementView(item.id, item.kind, item.href, item.label, item.spoken, item.heading, item.text, children, f"{item.label} {summary}".strip())

    return ElementView(view.id, view.kind, view.href, view.label, view.spoken, view.heading, view.text, tuple(entry(item, depth) for item in view.items))


def _plain(html: Markup) -> str:
    return Markup(html).striptags()


def _italicise_opening(raw: str, rendered: str) -> str:
    """Preambular paragraphs open in italics in the official text: 'Recalling', 'Strongly condemning'."""
    match = PREAMBULAR_OPENING.match(raw)
    if not match or escape(match.group()) != rendered[: len(escape(match.group()))]:
        return rendered
    opening = escape(match.group())
    return f"<em>{opening}</em>{rendered[len(opening):]}"


def text_block(views: list[ElementView], searchable: bool = False) -> Markup:
    """Element views in one raw block that Markdown passes through untouched.

    ``searchable`` marks it as what the search index holds (Pagefind's data-pagefind-body), with
    its labels left out of the index: only the full text (N/text/) is indexed, one page per resolution,
    and search.js splits a hit into paragraphs by the elements' ids.
    """
    return macros().text_block(views, searchable)


def macros():
    """The reader's macros (templates/_reader_macros.html.j2), callable from Python."""
    return environment().get_template("_reader_macros.html.j2").module

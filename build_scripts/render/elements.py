"""HTML for the elements of a resolution, the same on the full text and on paragraph pages.

Each element is a ``<div id="op-20-a">`` whose label is a permalink; the same fragment names the
same element on every page. Sub-headings, labels and indents are kept as printed.
"""

from __future__ import annotations

from collections.abc import Callable

from .. import ids
from ..model import Element, ElementKind, Resolution
from ..read.parse import PREAMBULAR_OPENING
from .markup import Span, attribute, escape, relative_url, render_text

SpansFor = Callable[[Element, str], list[Span]]
"""Given an element and the page it is shown on, the spans to mark in its text."""


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


def element_html(resolution: Resolution, element: Element, page: str, spans_for: SpansFor) -> str:
    """The element and its items as one HTML fragment without blank lines (one raw HTML block)."""
    number = resolution.metadata.number
    link = relative_url(page, ids.permalink(number, element.id))
    if link.startswith("#") or page == ids.page_path(number, element.id):
        link = f"#{element.id}"
    label = (
        f'<a class="res-label" href="{attribute(link)}" data-permalink="{attribute(ids.permalink(number, element.id))}" '
        f'aria-label="{attribute(spoken_label(resolution, element))}" data-pagefind-ignore>{escape(label_text(element))}</a>'
    )
    text = render_text(element.text, spans_for(element, page))
    if element.kind is ElementKind.PREAMBULAR:
        text = _italicise_opening(element.text, text)
    parts = [f'<div class="res-el res-{element.kind.value}" id="{element.id}">']
    if element.heading:
        parts.append(f'<p class="res-subheading">{label} <span class="res-heading-text">{escape(element.heading)}</span></p>')
        if element.text:
            parts.append(f"<p>{text}</p>")
    else:
        parts.append(f"<p>{label} {text}</p>")
    parts.extend(element_html(resolution, item, page, spans_for) for item in element.items)
    parts.append("</div>")
    return "".join(parts)


def _italicise_opening(raw: str, rendered: str) -> str:
    """Preambular paragraphs open in italics in the official text: 'Recalling', 'Strongly condemning'."""
    match = PREAMBULAR_OPENING.match(raw)
    if not match or escape(match.group()) != rendered[: len(escape(match.group()))]:
        return rendered
    opening = escape(match.group())
    return f"<em>{opening}</em>{rendered[len(opening):]}"


def text_block(html_fragments: list[str], searchable: bool = False) -> str:
    """Wrap element HTML in one raw block that Markdown passes through untouched.

    ``searchable`` marks it as what the search index holds (Pagefind's data-pagefind-body): only
    paragraph pages are indexed, so each hit is one paragraph and the full text adds no duplicates.
    """
    marker = " data-pagefind-body" if searchable else ""
    return f'<div class="res-text"{marker}>' + "".join(html_fragments) + "</div>"

"""Inline SVG pictures drawn at build time: no script, no third-party request, readable at 375px.

Each function takes what to draw (labels, site-relative or absolute hrefs, counts) and returns a
``<figure>`` holding one ``<svg>`` with a ``viewBox`` and ``width="100%"``, a ``<title>`` and a
``<desc>`` named by ``aria-labelledby``, and a ``<figcaption>``. Every link is an ``<a href>``
with an ``aria-label``. A picture with links has ``role="group"``: ``role="img"`` would make its
links presentational, which axe reports as nested-interactive; a picture without links has
``role="img"``. The text or table alternative is the page's business, written next to the figure.

All text goes through ``escape`` and every attribute through ``attribute``, so the SVG is
well-formed XML whatever the source says.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from .markup import attribute, escape

WIDTH = 360
"""viewBox width: about the CSS width of a phone, so 12-unit text stays about 12px there."""

STRENGTH_COLOURS = {4: "#1a237e", 3: "#3f51b5", 2: "#7986cb", 1: "#c5cae9"}
"""Fill per verb strength, darkest for decisions; shape height carries the same information."""


@dataclass(frozen=True, slots=True)
class Link:
    """Something drawn that links somewhere."""

    label: str
    """Visible text."""
    href: str
    """Relative or absolute URL; '' when the thing links nowhere."""
    name: str = ""
    """Accessible name when it should say more than ``label``."""


def _anchor(link: Link, inner: str) -> str:
    if not link.href:
        return inner
    return f'<a href="{attribute(link.href)}" aria-label="{attribute(link.name or link.label)}">{inner}</a>'


def _text(x: float, y: float, text: str, size: int = 11, anchor: str = "start", weight: str = "normal", fill: str = "#1f1f1f") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
        f'fill="{fill}" font-family="system-ui, sans-serif">{escape(text)}</text>'
    )


def figure(figure_id: str, title: str, description: str, height: float, body: str, caption: str, *, linked: bool = True) -> str:
    """The ``<figure>`` around one SVG of width :data:`WIDTH`, as one raw HTML block."""
    role = "group" if linked else "img"
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" id="{attribute(figure_id)}" viewBox="0 0 {WIDTH} {math.ceil(height)}" width="100%" '
        f'style="max-width: {WIDTH * 2}px; height: auto" role="{role}" aria-labelledby="{attribute(figure_id)}-title {attribute(figure_id)}-desc">'
        f'<title id="{attribute(figure_id)}-title">{escape(title)}</title><desc id="{attribute(figure_id)}-desc">{escape(description)}</desc>'
        f"{body}</svg>"
    )
    return f'<figure class="res-figure">{svg}<figcaption>{escape(caption)}</figcaption></figure>\n'


def reference_map(
    paragraphs: list[Link],
    internal: list[tuple[int, int]],
    groups: list[tuple[str, list[Link]]],
    external: list[tuple[int, int]],
) -> tuple[str, float]:
    """Paragraphs down the left with internal references as arcs; cited documents grouped on the right.

    ``internal`` holds (citing, cited) indexes into ``paragraphs``; ``external`` holds (citing
    paragraph, group) indexes, drawn once per pair.
    """
    row, top, node_x, box_x = 16, 24, 64, 196
    parts = [_text(node_x, 12, "Paragraphs", 11, "middle", "bold"), _text(box_x, 12, "Cited elsewhere", 11, "start", "bold")]
    y_of = [top + index * row for index in range(len(paragraphs))]
    for citing, cited in sorted(set(internal)):
        y1, y2 = y_of[citing], y_of[cited]
        bulge = min(node_x - 6, 10 + abs(citing - cited) * 3)
        parts.append(
            f'<path d="M {node_x - 4} {y1} C {node_x - 4 - bulge} {y1}, {node_x - 4 - bulge} {y2}, {node_x - 4} {y2}" '
            f'fill="none" stroke="#3f51b5" stroke-width="1.5"/>'
        )
        parts.append(f'<circle cx="{node_x - 4}" cy="{y2}" r="2.5" fill="#3f51b5"/>')
    box_tops, y = [], top - 10
    for title, documents in groups:
        box_tops.append(y)
        height = 18 + 14 * len(documents)
        parts.append(f'<rect x="{box_x}" y="{y}" width="{WIDTH - box_x - 2}" height="{height}" rx="4" fill="#f5f5ff" stroke="#7986cb"/>')
        parts.append(_text(box_x + 6, y + 13, textwrap.shorten(title, 24, placeholder="…"), 11, weight="bold"))
        for index, document in enumerate(documents):
            # The box is 160 units wide; the table alternative below the picture gives every full name.
            label = textwrap.shorten(document.label, 27, placeholder="…")
            parts.append(_anchor(document, _text(box_x + 10, y + 27 + 14 * index, label, 10, fill="#1a237e" if document.href else "#1f1f1f")))
        y += height + 10
    for citing, group in sorted(set(external)):
        parts.append(f'<line x1="{node_x + 44}" y1="{y_of[citing] - 3}" x2="{box_x}" y2="{box_tops[group] + 9}" stroke="#9e9e9e" stroke-width="0.6"/>')
    for index, paragraph in enumerate(paragraphs):
        node = f'<circle cx="{node_x}" cy="{y_of[index] - 4}" r="4" fill="#1a237e"/>' + _text(node_x + 8, y_of[index], paragraph.label, 10, fill="#1a237e")
        parts.append(_anchor(paragraph, node))
    height = max(y, top + row * len(paragraphs)) + 4
    return "".join(parts), height


def matrix(rows: list[Link], columns: list[str], cells: list[tuple[int, int, int, str]]) -> tuple[str, float]:
    """Rows × columns of counts; each non-zero cell (row, column, count, href) is a link.

    Column labels are numbered (1, 2, …) above the grid and named in a key below it, so the grid
    stays narrow enough for a phone.
    """
    label_width, cell, top = 132, min(18, (WIDTH - 132) // max(1, len(columns))), 28
    parts = [_text(label_width + index * cell + cell / 2, top - 6, str(index + 1), 9, "middle", "bold") for index in range(len(columns))]
    for index, actor in enumerate(rows):
        y = top + index * cell
        parts.append(_anchor(actor, _text(label_width - 4, y + cell * 0.7, textwrap.shorten(actor.label, 24, placeholder="…"), 10, "end", fill="#1a237e")))
        parts.append(f'<line x1="{label_width}" y1="{y}" x2="{label_width + cell * len(columns)}" y2="{y}" stroke="#e0e0e0"/>')
    largest = max((count for _, _, count, _ in cells), default=1)
    for row, column, count, href in cells:
        x, y = label_width + column * cell, top + row * cell
        radius = 2.5 + (cell / 2 - 3) * math.sqrt(count / largest)
        name = f"{rows[row].label}, {columns[column]}: {count}"
        dot = (
            f'<circle cx="{x + cell / 2:.1f}" cy="{y + cell / 2:.1f}" r="{radius:.1f}" fill="#3f51b5" fill-opacity="0.35" stroke="#1a237e"/>'
            + _text(x + cell / 2, y + cell / 2 + 3.5, str(count), 9, "middle", "bold", "#1a237e")
        )
        parts.append(_anchor(Link(str(count), href, name), dot))
    y = top + cell * len(rows) + 16
    for index, name in enumerate(columns):
        parts.append(_text(4 + (index % 2) * WIDTH / 2, y + (index // 2) * 13, f"{index + 1}. {textwrap.shorten(name, 30, placeholder='…')}", 9))
    return "".join(parts), y + ((len(columns) + 1) // 2) * 13


def strength_grid(sections: list[tuple[str, list[tuple[Link, int]]]], legend: list[tuple[int, str]]) -> tuple[str, float]:
    """One square per paragraph, grouped by section: its number on top, a bar as high as its strength.

    The bar's height (1–4 quarters) and its colour both give the strength of the strongest verb,
    so the picture does not rely on colour alone; the legend says it in words.
    """
    size, gap, per_row = 30, 4, 10
    parts, y = [], 4
    for strength, text in legend:
        parts.append(_gauge(4, y, 16, strength))
        parts.append(_text(26, y + 12, f"{strength}: {text}", 10))
        y += 20
    y += 6
    for heading, squares in sections:
        for line in textwrap.wrap(heading, 52):
            y += 13
            parts.append(_text(4, y, line, 11, weight="bold"))
        y += 5
        for index, (link, strength) in enumerate(squares):
            x = 4 + (index % per_row) * (size + gap)
            top = y + (index // per_row) * (size + gap)
            inner = _gauge(x, top, size, strength) + _text(x + size / 2, top + 11, link.label, 10, "middle", "bold")
            parts.append(_anchor(link, inner))
        y += math.ceil(len(squares) / per_row) * (size + gap) + 4
    return "".join(parts), y + 4


def _gauge(x: float, y: float, size: float, strength: int) -> str:
    """A square outline filled from the bottom by ``strength`` quarters."""
    fill_height = size * 0.6 * strength / 4
    colour = STRENGTH_COLOURS.get(strength, "#ffffff")
    return (
        f'<rect x="{x}" y="{y}" width="{size}" height="{size}" fill="#ffffff" stroke="#1a237e"/>'
        f'<rect x="{x + 1}" y="{y + size - 1 - fill_height:.1f}" width="{size - 2}" height="{fill_height:.1f}" fill="{colour}"/>'
    )

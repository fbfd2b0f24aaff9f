"""Inline SVG pictures drawn at build time: no script, no third-party request, text at 14 px.

Each drawing function takes what to draw (labels, hrefs relative to the page, counts) and returns
a :class:`Drawing`: the SVG's inner markup and its size in CSS pixels. The SVG is shown at that
size, never scaled down, so its 14-unit text is 14 px wherever it is visible; the page template
(``templates/_figures.html.j2``) wraps it in a ``<figure>`` with ``<title>``, ``<desc>`` and a
caption. A picture wider than a phone (the matrix, the map) scrolls sideways inside its figure on a
desktop and gives way, below 45em, to the table beside it, which says the same in words.

Colours come from the stylesheet (the figures part of ``extra.css``) through classes, with ``currentColor`` as
the fallback, so the pictures follow Material's light and dark schemes. Every link is an ``<a
href>`` with an ``aria-label`` around a transparent hit area at least 24 px high. All text goes
through ``escape`` and every attribute through ``attribute``, so the SVG is well-formed XML
whatever the source says.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass

from markupsafe import Markup

from .markup import attribute, escape

TEXT = 14
"""Font size of every label, in px (the SVG is never scaled)."""
CHARACTER = 0.58 * TEXT
"""Generous width of one character of system-ui at :data:`TEXT`, to lay labels out without overlap."""
TARGET = 24
"""Smallest height and width of a link's hit area (WCAG 2.2 target size)."""
PHONE_WIDTH = 340
"""Widest picture shown whole on a 390 px phone (its content column is about 358 px)."""


@dataclass(frozen=True, slots=True)
class Link:
    """Something drawn that links somewhere."""

    label: str
    """Visible text."""
    href: str
    """Relative or absolute URL; '' when the thing links nowhere."""
    name: str = ""
    """Accessible name when it should say more than ``label``."""


@dataclass(frozen=True, slots=True)
class Drawing:
    """The inside of one ``<svg>`` and its size in CSS pixels."""

    body: Markup
    width: int
    height: int

    @property
    def wide(self) -> bool:
        """Too wide for a phone: the figure scrolls on a desktop and gives way to the table below 45em."""
        return self.width > PHONE_WIDTH


def _anchor(link: Link, inner: str, box: tuple[float, float, float, float]) -> str:
    """``inner`` as a link with a hit area ``box`` (x, y, width, height), grown to :data:`TARGET`."""
    if not link.href:
        return inner
    x, y, width, height = box
    grow_x, grow_y = max(0.0, TARGET - width) / 2, max(0.0, TARGET - height) / 2
    hit = f'<rect class="fig-hit" x="{x - grow_x:.1f}" y="{y - grow_y:.1f}" width="{width + 2 * grow_x:.1f}" height="{height + 2 * grow_y:.1f}" fill="transparent"/>'
    return f'<a href="{attribute(link.href)}" aria-label="{attribute(link.name or link.label)}">{hit}{inner}</a>'


def _text(x: float, y: float, text: str, css: str = "", anchor: str = "start", bold: bool = False, transform: str = "") -> str:
    # Size, family and fill are set once on the <svg> (see templates/_figures.html.j2) and inherited.
    align = f' text-anchor="{anchor}"' if anchor != "start" else ""
    weight = ' font-weight="bold"' if bold else ""
    rotate = f' transform="{transform}"' if transform else ""
    kind = f' class="{css}"' if css else ""
    return f'<text{kind} x="{x:.1f}" y="{y:.1f}"{align}{weight}{rotate}>{escape(text)}</text>'


def _lines(label: str, characters: int, most: int = 3) -> list[str]:
    """``label`` wrapped to ``characters`` per line, at most ``most`` lines (the last shortened)."""
    lines = textwrap.wrap(label, characters) or [""]
    if len(lines) > most:
        lines = lines[: most - 1] + [textwrap.shorten(" ".join(lines[most - 1 :]), characters, placeholder=" …")]
    return lines


def unique_labels(names: list[str]) -> list[str]:
    """The names, with a repeated one told apart by its place ('Mali (2)'): row labels never repeat."""
    seen: dict[str, int] = {}
    labels = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        labels.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return labels


def _width(text: str) -> float:
    return len(text) * CHARACTER


def reference_map(
    paragraphs: list[Link],
    internal: list[tuple[int, int]],
    groups: list[tuple[str, list[Link]]],
    external: list[tuple[int, int, int]],
) -> Drawing:
    """An arc diagram of the paragraphs that refer or are referred to, and the documents they cite.

    Paragraphs run down the middle in document order. An arc on the left joins a paragraph to each
    one it cites, with an arrowhead at the cited end. On the right, every cited document has a row
    of its own under its kind, and a line runs from each citing paragraph to that row.
    ``internal`` holds (citing, cited) indexes into ``paragraphs``; ``external`` holds (citing
    paragraph, group, document) indexes.
    """
    line, gap = TARGET + 2, 10
    arc_x = 120.0  # the arcs' common end, left of the paragraph labels
    label_x = arc_x + 10
    label_width = max((_width(p.label) for p in paragraphs), default=40)
    edge_start = label_x + label_width + 10
    document_x = edge_start + 150
    columns = 36
    parts: list[str] = []
    # The documents' rows first, since the paragraphs are spread over the same height.
    document_y: dict[tuple[int, int], float] = {}
    y = 30.0
    rows: list[str] = []
    for group_index, (title, documents) in enumerate(groups):
        y += TEXT + 6
        rows.append(_text(document_x, y, title))
        y += 6
        for document_index, document in enumerate(documents):
            lines = _lines(document.label, columns, 2)
            top = y + 2
            document_y[(group_index, document_index)] = top + line / 2
            text = "".join(_text(document_x + 8, top + 17 + 16 * n, part, "fig-link" if document.href else "") for n, part in enumerate(lines))
            marker = f'<circle class="fig-node" cx="{document_x:.1f}" cy="{top + line / 2:.1f}" r="3" fill="currentColor"/>'
            box = (document_x - 4, top, 8 + _width(max(lines, key=len)) + 8, 16 * len(lines) + 8)
            rows.append(marker + _anchor(document, text, box))
            y = top + max(line, 16 * len(lines) + 10)
        y += gap
    documents_bottom = y
    step = max(float(line), (documents_bottom - 40) / max(1, len(paragraphs)))
    paragraph_y = [40 + index * step for index in range(len(paragraphs))]
    parts.append(_text(label_x, 18, "Paragraphs", bold=True))
    if groups:
        parts.append(_text(document_x, 18, "Cited elsewhere", bold=True))
    for citing, cited in sorted(set(internal)):
        y1, y2 = paragraph_y[citing], paragraph_y[cited]
        bulge = min(arc_x - 8, 14 + abs(citing - cited) * 6)
        parts.append(
            f'<path class="fig-arc" d="M {arc_x:.1f} {y1:.1f} C {arc_x - bulge:.1f} {y1:.1f}, {arc_x - bulge:.1f} {y2:.1f}, {arc_x - 6:.1f} {y2:.1f}" '
            f'fill="none" stroke="currentColor" stroke-width="1.5"/>'
            f'<path class="fig-arrow" d="M {arc_x - 8:.1f} {y2 - 4:.1f} L {arc_x - 1:.1f} {y2:.1f} L {arc_x - 8:.1f} {y2 + 4:.1f} Z" fill="currentColor"/>'
        )
    for citing, group, document in sorted(set(external)):
        y1, y2 = paragraph_y[citing], document_y[(group, document)]
        middle = (edge_start + document_x) / 2
        parts.append(
            f'<path class="fig-edge" d="M {edge_start:.1f} {y1:.1f} C {middle:.1f} {y1:.1f}, {middle:.1f} {y2:.1f}, {document_x - 4:.1f} {y2:.1f}" '
            f'fill="none" stroke="currentColor" stroke-width="1"/>'
        )
    for index, paragraph in enumerate(paragraphs):
        y = paragraph_y[index]
        node = f'<circle class="fig-node" cx="{arc_x:.1f}" cy="{y:.1f}" r="4" fill="currentColor"/>'
        text = _text(label_x, y + 5, paragraph.label, "fig-link")
        parts.append(node + _anchor(paragraph, text, (label_x - 4, y - 12, _width(paragraph.label) + 8, 24)))
    parts += rows
    width = math.ceil(document_x + 8 + columns * CHARACTER + 8) if groups else math.ceil(edge_start)
    height = math.ceil(max(documents_bottom, (paragraph_y[-1] if paragraph_y else 0) + line))
    return Drawing(Markup("".join(parts)), width, height)


def matrix(rows: list[Link], columns: list[str], cells: list[tuple[int, int, int, str]]) -> Drawing:
    """Rows × columns of counts; each non-zero cell (row, column, count, href) is a link.

    Row labels are whole (wrapped to three lines at most, made unique), column labels are whole
    and slanted, so that no two labels share a place; a cell is a 30 px square.
    """
    cell, slant = 30, 55
    row_labels = [_lines(label, 30) for label in unique_labels([row.label for row in rows])]
    label_width = max((_width(line) for lines in row_labels for line in lines), default=60) + 12
    longest = max((_width(name) for name in columns), default=0)
    header = longest * math.sin(math.radians(slant)) + 16
    overhang = longest * math.cos(math.radians(slant))
    heights = [max(cell, 17 * len(lines) + 8) for lines in row_labels]
    tops = [header + sum(heights[:index]) for index in range(len(rows))]
    grid_right = label_width + cell * len(columns)
    parts = []
    for index, name in enumerate(columns):
        x, y = label_width + index * cell + cell / 2 + 4, header - 6
        parts.append(_text(x, y, name, transform=f"rotate(-{slant} {x:.1f} {y:.1f})"))
        parts.append(f'<line class="fig-grid" x1="{label_width + index * cell:.1f}" y1="{header:.1f}" x2="{label_width + index * cell:.1f}" y2="{header + sum(heights):.1f}" stroke="currentColor" stroke-width="0.5"/>')
    for index, (link, lines) in enumerate(zip(rows, row_labels)):
        top, height = tops[index], heights[index]
        parts.append(f'<line class="fig-grid" x1="0" y1="{top:.1f}" x2="{grid_right:.1f}" y2="{top:.1f}" stroke="currentColor" stroke-width="0.5"/>')
        first = top + height / 2 - 17 * (len(lines) - 1) / 2 + 5
        text = "".join(_text(label_width - 8, first + 17 * n, part, "fig-link", "end") for n, part in enumerate(lines))
        widest = max(_width(part) for part in lines)
        parts.append(_anchor(link, text, (label_width - 8 - widest - 4, top + 2, widest + 8, height - 4)))
    largest = max((count for _, _, count, _ in cells), default=1)
    for row, column, count, href in cells:
        x, top, height = label_width + column * cell, tops[row], heights[row]
        middle = top + height / 2
        radius = 6 + (cell / 2 - 8) * math.sqrt(count / largest)
        name = f"{rows[row].label}, {columns[column]}: {count}"
        dot = (
            f'<circle class="fig-dot" cx="{x + cell / 2:.1f}" cy="{middle:.1f}" r="{radius:.1f}" fill="currentColor" fill-opacity="0.25"/>'
            + _text(x + cell / 2, middle + 5, str(count), "", "middle", bold=True)
        )
        parts.append(_anchor(Link(str(count), href, name), dot, (x + 1, middle - cell / 2 + 1, cell - 2, cell - 2)))
    width = math.ceil(grid_right + overhang + 8)
    height = math.ceil(header + sum(heights) + 4)
    return Drawing(Markup("".join(parts)), width, height)


def strength_grid(sections: list[tuple[str, list[tuple[Link, int]]]], legend: list[tuple[int, str]]) -> Drawing:
    """One square per paragraph, grouped by section: its number on top, a bar as high as its strength.

    The bar's height (1–4 quarters) and its shade both give the strength of the strongest verb,
    so the picture does not rely on colour alone; the legend says it in words. The grid is
    :data:`PHONE_WIDTH` wide, so it is shown whole, at 14 px, on a phone.
    """
    size, gap = 36, 4
    per_row = (PHONE_WIDTH - 4) // (size + gap)
    parts, y = [], 4.0
    for strength, text in legend:
        parts.append(_gauge(4, y, 20, strength))
        lines = _lines(f"{strength}: {text}", 38, 2)
        parts += [_text(32, y + 15 + 17 * n, part) for n, part in enumerate(lines)]
        y += max(26, 17 * len(lines) + 8)
    y += 6
    for heading, squares in sections:
        for line in _lines(heading, 38, 4):
            y += 18
            parts.append(_text(4, y, line, bold=True))
        y += 8
        for index, (link, strength) in enumerate(squares):
            x = 4 + (index % per_row) * (size + gap)
            top = y + (index // per_row) * (size + gap)
            inner = _gauge(x, top, size, strength) + _text(x + size / 2, top + 15, link.label, "", "middle", bold=True)
            parts.append(_anchor(link, inner, (x, top, size, size)))
        y += math.ceil(len(squares) / per_row) * (size + gap) + 4
    return Drawing(Markup("".join(parts)), PHONE_WIDTH, math.ceil(y + 4))


def _gauge(x: float, y: float, size: float, strength: int) -> str:
    """A square outline filled from the bottom by ``strength`` quarters, shaded by strength."""
    fill_height = size * 0.55 * strength / 4
    return (
        f'<rect class="fig-gauge" x="{x}" y="{y}" width="{size}" height="{size}" fill="none" stroke="currentColor"/>'
        f'<rect class="fig-strength fig-strength-{strength}" x="{x + 1}" y="{y + size - 1 - fill_height:.1f}" width="{size - 2}" height="{fill_height:.1f}" fill="currentColor"/>'
    )

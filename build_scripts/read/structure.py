"""Structure inference shared by both readers: a sequence of blocks → the typed model.

A reader (the text parser or the Akoma Ntoso reader) only says what it sees: a run of preambular
paragraphs, then operative blocks, each with a printed label ('12.', '(c)', '(ii)', '•', '–') or
none, and marked as a heading or not; then the annexes. It never decides the nesting: the UN's
files flatten sub-paragraphs to the top level and a PDF has no nesting at all. This step does, by
the degrees of the UN Editorial Manual (see shared/REFERENCE.md):

- 'N.' opens operative paragraph N (in an annex: annex paragraph N);
- '(a)', '(b)', … open sub-paragraphs; after '(z)' come '(aa)', '(bb)', …; '(i)' right after
  '(h)' is the letter, otherwise '(i)', '(ii)', … are items under the open letter or paragraph;
- '•' and '–' open indents under the deepest open label;
- a block without a label continues the deepest open element (its words join with a space);
- a heading right after a lettered label without text is that sub-paragraph's heading; other
  headings open a section before the next operative paragraph.

``infer_structure`` guarantees: every block's words end up in the model exactly once and in order
(a block that fits nowhere is an error, never dropped); ids come from printed labels only; numbers
are checked (a duplicate, a gap or an out-of-sequence label is an error naming the line).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .. import ids
from ..model import Annex, Diagnostic, Element, ElementKind, Header, Metadata, Repair, Resolution, Section, Severity
from .labels import OPERATIVE_LABEL, PART_LABEL
from .nesting import _Builder


@dataclass(frozen=True, slots=True)
class Block:
    """What a reader saw: one labelled or unlabelled run of text, or a heading."""

    line: int
    """Where it starts in the source (a line of the text, or of the XML file)."""
    text: str
    """Its words, without the label; may be '' for a label standing alone."""
    label: str = ""
    """The printed label: '12.', '(c)', '(ii)', '•', '–'; '' for none."""
    heading: bool = False
    """True for an unnumbered heading line ('MINUSMA’s mandate', 'Good offices and reconciliation')."""


@dataclass(frozen=True, slots=True)
class AnnexBlocks:
    """The blocks of one annex, after its title."""

    title: str
    """The title as printed ('Annex', 'Annex I'); 'Annex' when the source prints none."""
    line: int
    """Where the annex starts."""
    blocks: tuple[Block, ...]
    """Its headings, paragraphs and items; leading headings become the annex's title lines."""


@dataclass(frozen=True, slots=True)
class Layout:
    """Everything a reader hands to the structure step."""

    header: Header
    """Title, adoption line and organ line."""
    preamble: tuple[Block, ...]
    """One block per preambular paragraph, in order."""
    operative: tuple[Block, ...]
    """The operative part, block by block."""
    annexes: tuple[AnnexBlocks, ...] = ()
    """Annexes, in order."""
    end_line: int = 0
    """The last line of the source, for problems at its end."""


def infer_structure(layout: Layout, metadata: Metadata, *, source: str = "", repairs: tuple[Repair, ...] = ()) -> tuple[Resolution | None, list[Diagnostic]]:
    """The model from a reader's blocks; problems come back as diagnostics, never exceptions."""
    diagnostics: list[Diagnostic] = []

    def report(line: int, message: str, severity: Severity = Severity.ERROR) -> None:
        diagnostics.append(Diagnostic(source, line, severity, message))

    preamble = _preamble(layout.preamble, report)
    operative, sections = _operative(layout.operative, layout.end_line, report)
    parts = [part for annex in layout.annexes for part in split_restarts(annex)]
    annexes = tuple(_annex(number, annex, report) for number, annex in enumerate(parts, start=1))
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return None, diagnostics
    resolution = Resolution(metadata, layout.header, tuple(preamble), tuple(sections), tuple(operative), annexes=annexes)
    return replace(resolution, repairs=_place_repairs(repairs, resolution)), diagnostics


def _preamble(blocks: tuple[Block, ...], report) -> list[Element]:
    elements = []
    for number, block in enumerate(blocks, start=1):
        if not block.text.endswith(","):
            report(block.line, f"preambular paragraph does not end with a comma: {block.text[-40:]!r}", Severity.WARNING)
        element_id = ids.element_id(ids.PREAMBULAR_PREFIX, number)
        elements.append(Element(id=element_id, kind=ElementKind.PREAMBULAR, label="", number=number, text=block.text, line=block.line))
    return elements


HEADING_WORDS = 15
"""An unlabelled line of at most this many words standing before a number, unpunctuated, is a heading."""


def _unmarked_headings(blocks: tuple[Block, ...]) -> list[Block]:
    """'Reports by the Secretary-General' right before '25.', unpunctuated and unmarked, is a heading."""
    found = list(blocks)
    for index in range(len(found) - 1, -1, -1):
        block = found[index]
        following = found[index + 1] if index + 1 < len(found) else None
        if block.label or block.heading or following is None:
            continue
        if not (OPERATIVE_LABEL.match(following.label) or following.heading):
            continue
        previous = found[index - 1] if index else None
        if previous is not None and previous.label and not previous.text:
            continue  # the words of a bare '2.', not a heading
        text = block.text.rstrip("”’\"')")
        if text[:1].isupper() and not text.endswith((",", ";", ".", ":")) and len(text.split()) <= HEADING_WORDS:
            found[index] = replace(block, heading=True)
    return found


def _operative(blocks: tuple[Block, ...], end_line: int, report) -> tuple[list[Element], list[Section]]:
    blocks = tuple(_unmarked_headings(tuple(_part_headings(blocks))))
    numbered = any(OPERATIVE_LABEL.match(block.label) for block in blocks)
    texts = [block for block in blocks if not block.heading]
    if not numbered and not (texts and not any(block.label for block in texts)):
        report(blocks[-1].line if blocks else end_line, "no operative paragraph found (a line starting '1.'): the file may be truncated")
        return [], []
    builder = _Builder(report, annex=False)
    sections: list[Section] = []
    pending: list[Block] = []
    seen: dict[int, int] = {}
    previous = 0
    for block in blocks:
        number = OPERATIVE_LABEL.match(block.label)
        if block.heading or (numbered and builder.paragraph is None and not block.label):
            # Unlabelled text before the first number ('Renewal of the mandate', '*') heads it.
            if not pending and builder.heading_for_label(block):
                continue
            pending.append(block)
            continue
        if number and builder.paragraph is not None and int(number["number"]) != previous + 1 and _nested_number(number, builder):
            # '1.', '2.' inside a paragraph (a quoted list) before the next paragraph number: a lower degree.
            builder.add(block)
            continue
        if number:
            value = int(number["number"])
            if value in seen:
                report(block.line, f"duplicated operative paragraph number {value} (first at line {seen[value]})")
            elif value != previous + 1:
                gap = f"{previous + 1}" if value == previous + 2 else f"{previous + 1}–{value - 1}"
                report(block.line, f"missing operative paragraph {gap}: paragraph {previous or 'start'} is followed by {value}")
            seen.setdefault(value, block.line)
            previous = max(previous, value)
            if pending:
                sections.append(Section(" ".join(b.text for b in pending), value, value, pending[0].line))
                pending = []
            elif sections:
                sections[-1] = replace(sections[-1], last=value)
            builder.open_paragraph(block, value)
            continue
        if pending:
            _heading_as_text(builder, pending, report)
            pending = []
        if not numbered and builder.paragraph is None and not block.label:
            builder.open_unnumbered(block)
        elif block.label and builder.paragraph is None:
            report(block.line, f"label {block.label} before the first operative paragraph")
        elif block.label:
            builder.add(block)
        else:
            builder.continue_text(block)
    if pending:
        _heading_as_text(builder, pending, report)
    paragraphs = builder.paragraphs
    for draft in paragraphs:
        if not draft.text and not draft.items:
            report(draft.line, f"operative paragraph {draft.label} has no text")
    if paragraphs:
        last = paragraphs[-1]
        while last.items:
            last = last.items[-1]
        if not " ".join(last.text).endswith("."):
            report(end_line or last.line, "the last operative paragraph does not end with a full stop: the file may be truncated", Severity.WARNING)
    frozen = [
        draft.freeze(ids.element_id(ids.OPERATIVE_PREFIX, int(draft.label or 1)), int(draft.label or 1))
        for draft in paragraphs
        if draft.text or draft.items
    ]
    return frozen, sections


def _nested_number(number: re.Match, builder: _Builder) -> bool:
    """A number that restarts at 1 inside an open paragraph, or continues such a restart."""
    value = int(number["number"])
    host = builder.deepest()
    if host is None:
        return False
    points = [item for item in host.items if item.kind is ElementKind.POINT and item.label.startswith("(") and item.key.isdigit()]
    if builder.point is not None and builder.point.key.isdigit():
        return value == int(builder.point.key) + 1
    return value == 1 and not points


def _part_headings(blocks: tuple[Block, ...]) -> list[Block]:
    """Parts of the operative text ('I', 'A.', 'B. Sanctions measures') are headings, label and all."""
    found = []
    for block in blocks:
        if block.label and PART_LABEL.match(block.label):
            found.append(Block(block.line, f"{block.label} {block.text}".strip(), heading=True))
        else:
            found.append(block)
    return found


def _heading_as_text(builder: _Builder, pending: list[Block], report) -> None:
    """A heading inside a paragraph (not before a number) stays where it is, as text: never lost."""
    text = " ".join(b.text for b in pending)
    target = builder.deepest()
    if target is None:
        report(pending[0].line, f"heading {text[:40]!r} stands before any operative paragraph")
        return
    where = builder.paragraph.label if builder.paragraph else ""
    report(pending[0].line, f"heading {text[:40]!r} inside paragraph {where} is kept as its text", Severity.WARNING)
    target.text.append(text)


def split_restarts(annex: AnnexBlocks) -> list[AnnexBlocks]:
    """An annex whose numbering starts again at 1 holds several lists: each from there on is a part of its own.

    The headings right before the new '1.' become the new part's title; 'Annex I (continued)' otherwise.
    """
    parts: list[AnnexBlocks] = []
    current: list[Block] = []
    title, line = annex.title, annex.line
    seen_number = False
    for block in annex.blocks:
        if block.label == "1." and seen_number:
            headings = []
            while current and current[-1].heading:
                headings.insert(0, current.pop())
            parts.append(AnnexBlocks(title, line, tuple(current)))
            title = " ".join(b.text for b in headings)
            line, current, seen_number = block.line, [], False
        if OPERATIVE_LABEL.match(block.label):
            seen_number = True
        current.append(block)
    parts.append(AnnexBlocks(title, line, tuple(current)))
    return parts


def _annex(number: int, annex: AnnexBlocks, report) -> Annex:
    annex = replace(annex, blocks=tuple(_part_headings(annex.blocks)))
    builder = _Builder(report, annex=True)
    headings: list[str] = []
    expected = 1
    previous_ended = True
    for block in annex.blocks:
        label = OPERATIVE_LABEL.match(block.label)
        if block.heading:
            if not builder.paragraphs:
                headings.append(block.text)
            elif not builder.heading_for_label(block):
                # A heading between annex paragraphs is a paragraph of its own: kept in order.
                builder.open_unlabelled(block)
            continue
        if label:
            value = int(label["number"])
            if value != expected:
                report(block.line, f"annex paragraph {value} where {expected} was expected")
            expected = value + 1
            builder.open_paragraph(block, value)
        elif block.label:
            builder.add(block)
        elif previous_ended or builder.deepest() is None:
            builder.open_unlabelled(block)
        else:
            builder.continue_text(block)
        previous_ended = _ends_sentence(block.text)
    element = ids.element_id(ids.ANNEX_PREFIX, number)
    items = tuple(draft.freeze(f"{element}-{draft.key}", position) for position, draft in enumerate(builder.paragraphs, start=1))
    return Annex(id=element, number=number, title=annex.title, headings=tuple(headings), line=annex.line, items=items)


def _ends_sentence(text: str) -> bool:
    return text.rstrip("”’\"')").endswith((".", ":", ";"))


def _place_repairs(repairs: tuple[Repair, ...], resolution: Resolution) -> tuple[Repair, ...]:
    """Attach each repair to the element whose lines hold it (the last one starting at or before it)."""
    starts = [(element.line, element.id) for element in (*resolution.elements(), *resolution.annex_elements())]
    starts.sort(key=lambda start: start[0])
    placed = []
    for repair in repairs:
        owner = ""
        for line, element in starts:
            if line <= repair.line:
                owner = element
        placed.append(replace(repair, element_id=owner))
    return tuple(placed)

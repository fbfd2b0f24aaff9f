"""Nesting labelled blocks into paragraphs, sub-paragraphs, items, points and indents, by their labels."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .. import ids
from ..model import Element, ElementKind
from .labels import INDENT_MARKS, LETTER_LABEL, LOWER_LABEL, ROMAN, next_letter, roman

if TYPE_CHECKING:
    from .structure import Block

@dataclass
class _Draft:
    """A mutable element while blocks are read; frozen into an Element at the end."""

    kind: ElementKind
    label: str
    key: str
    line: int
    heading: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    items: list[_Draft] = field(default_factory=list)

    def freeze(self, element: str, number: int) -> Element:
        children = [item.freeze(f"{element}-{item.key}", position) for position, item in enumerate(self.items, start=1)]
        return Element(
            id=element,
            kind=self.kind,
            label=self.label,
            number=number,
            text=" ".join(part for part in self.text if part),
            line=self.line,
            heading=" ".join(self.heading),
            items=tuple(children),
        )


class _Builder:
    """Nests the labelled blocks of one operative part or one annex."""

    def __init__(self, report, *, annex: bool) -> None:
        self.report = report
        self.annex = annex
        self.paragraphs: list[_Draft] = []
        self.letter: _Draft | None = None
        self.roman: _Draft | None = None
        self.point: _Draft | None = None
        self.indent: _Draft | None = None
        self.inverted = False
        """True when romans come first in this paragraph ('(i) Protection of civilians' over '(a)', '(b)')."""
        self.heading_open = False
        self.unlabelled = 0

    @property
    def paragraph(self) -> _Draft | None:
        return self.paragraphs[-1] if self.paragraphs else None

    def deepest(self) -> _Draft | None:
        return self.indent or self.point or self._inner() or self.paragraph

    def _inner(self) -> _Draft | None:
        """The deepest of the open letter and roman, whichever order they nest in."""
        if self.inverted:
            return self.letter or self.roman
        return self.roman or self.letter

    def _reset(self) -> None:
        self.letter = self.roman = self.point = self.indent = None
        self.inverted = False
        self.heading_open = False

    def open_paragraph(self, block: Block, number: int) -> None:
        kind = ElementKind.ANNEX_PARAGRAPH if self.annex else ElementKind.OPERATIVE
        draft = _Draft(kind, str(number), str(number), block.line)
        self.paragraphs.append(draft)
        self._reset()
        if block.text:
            draft.text.append(block.text)

    def open_unnumbered(self, block: Block) -> None:
        """The one paragraph of a resolution whose operative part is a single, unnumbered paragraph."""
        draft = _Draft(ElementKind.OPERATIVE, "", "", block.line)
        self.paragraphs.append(draft)
        self._reset()
        draft.text.append(block.text)

    def open_unlabelled(self, block: Block) -> None:
        """An annex paragraph without a label (a new one, not a continuation)."""
        self.unlabelled += 1
        draft = _Draft(ElementKind.ANNEX_PARAGRAPH, "", f"{ids.UNLABELLED_PREFIX}{self.unlabelled}", block.line)
        self.paragraphs.append(draft)
        self._reset()
        draft.text.append(block.text)

    def add(self, block: Block) -> None:
        label = block.label
        letter = LETTER_LABEL.match(label)
        if letter and letter["key"] == next_letter(self.letter.key if self.letter else None):
            self._open_letter(block, letter["key"])
        elif letter and letter["key"] in ROMAN:
            self._open_roman(block, letter["key"])
        elif letter and self.inverted and self.roman is not None and self.letter is not None and self.letter not in self.roman.items and letter["key"] in ("a", next_letter(self.letter.key)):
            self._open_letter(block, letter["key"])
        elif letter and letter["key"] == "a" and self.roman is not None and not self.inverted:
            # '(a)' again under a roman item: the letters run under each roman ('(i)' heads '(a)' to '(h)').
            self._open_letter(block, "a")
        elif letter:
            after = self.letter.label if self.letter else "the paragraph's text"
            where = f"paragraph {self.paragraph.label}" if self.paragraph and self.paragraph.label else "this part"
            self.report(block.line, f"unknown sub-paragraph label sequence in {where}: ({letter['key']}) after {after}")
        elif label in INDENT_MARKS:
            self._open_indent(block, label)
        elif LOWER_LABEL.match(label):
            self._open_point(block, label)
        else:
            self.report(block.line, f"unknown label {label!r}: expected a number, a letter or numeral in brackets, or an indent mark")

    def _open_letter(self, block: Block, key: str) -> None:
        parent = self.paragraph
        if self.roman is not None and (self.inverted or self.letter is None):
            # Letters after a roman item that stands straight under the paragraph nest under it.
            self.inverted = True
            parent = self.roman
            if self.letter is not None and self.letter not in self.roman.items:
                # A new roman item: its letters start again at (a) or run on from the last one.
                if key == next_letter(self.letter.key):
                    self.letter = self.letter
                else:
                    self.letter = None
            elif self.letter is None:
                pass
            expected = {next_letter(self.letter.key if self.letter else None)}
            if self.letter is not None and self.letter not in self.roman.items:
                expected = {next_letter(self.letter.key)}
            if key not in expected:
                where = f"paragraph {self.paragraph.label}" if self.paragraph and self.paragraph.label else "this part"
                self.report(block.line, f"unknown sub-paragraph label sequence in {where}: ({key}) after {self.letter.label if self.letter else self.roman.label}")
                return
        letter = _Draft(ElementKind.SUBPARAGRAPH, f"({key})", key, block.line)
        if self.annex and not self.inverted and (parent is None or parent.kind is not ElementKind.ANNEX_PARAGRAPH or not parent.label):
            # An annex's list of items (a) to (dd) stands at its top level: annex-1-dd.
            self.paragraphs.append(letter)
        elif parent is None:
            self.report(block.line, f"label ({key}) before any paragraph")
            return
        else:
            parent.items.append(letter)
        self.letter = letter
        if not self.inverted:
            self.roman = None
        self.point = self.indent = None
        self.heading_open = not block.text
        if block.text:
            letter.text.append(block.text)

    def _open_roman(self, block: Block, key: str) -> None:
        if self.letter is None and self.roman is None and self.paragraph is not None and not self.annex:
            self.inverted = key == "i"
        parent = self.paragraph if self.inverted else (self.letter or self.paragraph)
        if parent is None:
            parent = self._anonymous(block)
        count = len([item for item in parent.items if item.kind is ElementKind.ITEM])
        expected = roman(count + 1)
        if key != expected:
            where = f"paragraph {self.paragraph.label}" if self.paragraph and self.paragraph.label else "this part"
            self.report(block.line, f"unexpected label ({key}) in {where}: expected ({expected})")
            return
        self.roman = _Draft(ElementKind.ITEM, f"({key})", key, block.line)
        parent.items.append(self.roman)
        if self.inverted:
            self.letter = None
        self.point = self.indent = None
        self.heading_open = self.inverted and not block.text
        if block.text:
            self.roman.text.append(block.text)

    def _open_point(self, block: Block, label: str) -> None:
        parent = self._inner() or self.paragraph or self._anonymous(block)
        if self.point is not None and self.point in parent.items:
            parent = parent
        key = label.strip("().").lower()
        if any(item.key == key for item in parent.items):
            where = f"paragraph {self.paragraph.label}" if self.paragraph and self.paragraph.label else "this part"
            self.report(block.line, f"label {label} appears twice in the same list in {where}")
            return
        self.point = _Draft(ElementKind.POINT, label, key, block.line)
        parent.items.append(self.point)
        self.indent = None
        self.heading_open = False
        if block.text:
            self.point.text.append(block.text)

    def _open_indent(self, block: Block, mark: str) -> None:
        parent = self.point or self._inner() or self.paragraph or self._anonymous(block)
        self.indent = _Draft(ElementKind.INDENT, mark, str(len(parent.items) + 1), block.line)
        parent.items.append(self.indent)
        self.heading_open = False
        self.indent.text.append(block.text)

    def _anonymous(self, block: Block) -> _Draft:
        """An annex whose first items come before any paragraph: they hang on an empty paragraph."""
        self.unlabelled += 1
        draft = _Draft(ElementKind.ANNEX_PARAGRAPH, "", f"{ids.UNLABELLED_PREFIX}{self.unlabelled}", block.line)
        self.paragraphs.append(draft)
        return draft

    def continue_text(self, block: Block) -> bool:
        """Add an unlabelled block to the deepest open element; False when nothing is open."""
        target = self.deepest()
        if target is None:
            return False
        self.heading_open = False
        target.text.append(block.text)
        return True

    def heading_for_label(self, block: Block) -> bool:
        """A heading right after a bare '(c)' (or continuing that heading) belongs to it."""
        target = self._inner()
        if self.heading_open and target is not None and not target.text and self.indent is None and self.point is None:
            target.heading.append(block.text)
            return True
        return False

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
from dataclasses import dataclass, field, replace

from .. import ids
from ..model import Annex, Diagnostic, Element, ElementKind, Header, Metadata, Repair, Resolution, Section, Severity


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


OPERATIVE_LABEL = re.compile(r"^(?P<number>\d{1,4})\.$")
LETTER_LABEL = re.compile(r"^\((?P<key>[a-z]{1,5})\)$")
LOWER_LABEL = re.compile(
    r"""^(?:(?:[a-z]|[ivx]{1,6})\.  # third degree 'a.' or fourth degree 'iii.'
        | \(\d{1,2}\)          # '(1)'
        | \d{1,2}\.            # '1.' of a list inside a paragraph (placed by the caller, never a paragraph)
        | (?:\d{1,2}|[a-z]{1,4})\)  # '1)', 'a)', 'iv)'
    )$""",
    re.X,
)
PART_LABEL = re.compile(
    r"""^(?:[IVXL]{1,6}|[A-Z])\.?$   # a part of the operative text: 'I', 'II.', 'A', 'B.'
    """,
    re.X,
)
INDENT_MARKS = ("•", "–", "—", "-")
ROMAN_VALUES = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
MAX_ROMAN = 39


def roman(number: int) -> str:
    """3 → 'iii', 14 → 'xiv' (up to 39, as far as sub-items ever run)."""
    digits = []
    for value, numeral in ROMAN_VALUES:
        while number >= value:
            digits.append(numeral)
            number -= value
    return "".join(digits)


ROMAN = {roman(number): number for number in range(1, MAX_ROMAN + 1)}


def next_letter(key: str | None) -> str:
    """The letter after ``key``: None → 'a', 'c' → 'd', 'z' → 'aa', 'aa' → 'bb'."""
    if key is None:
        return "a"
    if key == "z":
        return "aa"
    if len(key) > 1 and len(set(key)) == 1 and key[0] != "z":
        return chr(ord(key[0]) + 1) * len(key)
    if len(key) == 1:
        return chr(ord(key) + 1)
    return ""


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


def known_label(label: str) -> bool:
    """Whether a printed label is one the structure step can place."""
    return bool(
        OPERATIVE_LABEL.match(label) or LETTER_LABEL.match(label) or LOWER_LABEL.match(label) or PART_LABEL.match(label) or label in INDENT_MARKS
    )


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

"""Stage 2: cut cleaned lines into the typed model: header, preamble, sections, operative part.

The rules follow the UN Editorial Manual (see shared/REFERENCE.md):

- a preambular paragraph starts on a line after one ending in a comma, with a participle or an
  adjective ('Recalling', 'Strongly condemning', 'Mindful'); a wrapped line such as
  'Al Mourabitoune, Ansar Eddine, …' starts with a capital but is not a new paragraph;
- an operative paragraph starts at a number and a full stop ('10.'), alone on its line or not;
- a section heading is an unpunctuated line (or two) standing right before an operative number;
- inside an operative paragraph: (a), (b), … sub-paragraphs, optionally with a heading line;
  (i), (ii), … items; • and – indents, numbered in order under the deepest open label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import ids
from .clean import CleanText, Line
from ..model import Diagnostic, Element, ElementKind, Header, Metadata, Repair, Resolution, Section, Severity

OPERATIVE_NUMBER = re.compile(
    r"""^(?P<number>\d{1,3})\.     # the paragraph number and its full stop, e.g. '10.'
        (?:\s+(?P<rest>.*))?$      # the start of its text, when on the same line
    """,
    re.X,
)

LETTER_LABEL = re.compile(
    r"""^\((?P<key>[a-z]{1,5})\)   # a lettered or roman label in brackets, e.g. '(c)' or '(ii)'
        (?:\s+(?P<rest>.*))?$      # text on the same line, if any
    """,
    re.X,
)

INDENT = re.compile(
    r"""^(?P<mark>[•–—])          # a bullet or a dash (en or em)
        \s*(?P<rest>.*)$           # the indent's text
    """,
    re.X,
)

PREAMBULAR_OPENING = re.compile(
    r"""^(?:
        (?:[A-Z][a-z]+ly|Further|Also|Again)\s+[a-z]+(?:ing|ed)\b   # adverb and participle: 'Strongly condemning'
      | [A-Z][a-z]+(?:ing|ed)\b                                   # a participle: 'Recalling', 'Concerned'
      | (?:Mindful|Aware|Conscious|Cognizant|Convinced|Determined|Desirous|Alarmed|Bearing)\b  # adjectives
    )""",
    re.X,
)

# Sub-paragraph text in Council mandates opens with an infinitive or a framing phrase; a heading does not.
TASK_OPENING = re.compile(r"^(?:To|In)\s")
WRAPPED_HEADING_LENGTH = 55
"""A heading line at least this long may wrap onto the next line ('… and Al-Qaida' / 'Sanctions Committee')."""

ROMAN = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv"]


@dataclass
class _Draft:
    """A mutable element while its lines are read; frozen into an Element at the end."""

    kind: ElementKind
    label: str
    key: str
    line: int
    heading: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    items: list[_Draft] = field(default_factory=list)

    def freeze(self, parent_id: str, number: int) -> Element:
        element = parent_id if not self.key else f"{parent_id}-{self.key}"
        children = [item.freeze(element, position) for position, item in enumerate(self.items, start=1)]
        return Element(
            id=element,
            kind=self.kind,
            label=self.label,
            number=number,
            text=" ".join(self.text),
            line=self.line,
            heading=" ".join(self.heading),
            items=tuple(children),
        )


def _ends_clause(text: str) -> bool:
    return text.endswith((",", ";", ".", ":"))


def parse_resolution(clean: CleanText, metadata: Metadata, *, source: str = "") -> tuple[Resolution | None, list[Diagnostic]]:
    """Build the model from cleaned lines; problems come back as diagnostics, never exceptions."""
    diagnostics: list[Diagnostic] = []

    def report(line: int, message: str, severity: Severity = Severity.ERROR) -> None:
        diagnostics.append(Diagnostic(source, line, severity, message))

    lines = list(clean.lines)
    organ_at = next((i for i, line in enumerate(lines) if line.text.rstrip(",") .endswith("Security Council")), None)
    if organ_at is None:
        report(lines[-1].number if lines else 1, "no 'The Security Council,' line: this is not the text of a Council resolution, or its start is missing")
        return None, diagnostics
    header = Header(
        title=lines[0].text if organ_at > 0 else "",
        adoption=" ".join(line.text for line in lines[1:organ_at]),
        organ=lines[organ_at].text,
    )
    body = lines[organ_at + 1 :]
    starts = [i for i, line in enumerate(body) if OPERATIVE_NUMBER.match(line.text)]
    if not starts:
        report(body[-1].number if body else lines[-1].number, "no operative paragraph found (a line starting '1.'): the file may be truncated")
        return None, diagnostics

    heading_runs = {start: _heading_run(body, start) for start in starts}
    preamble_end = starts[0] - len(heading_runs[starts[0]])
    preamble = _preamble(body[:preamble_end], report)

    operative: list[Element] = []
    sections: list[Section] = []
    previous_number = 0
    seen: dict[int, int] = {}
    for position, start in enumerate(starts):
        end = starts[position + 1] - len(heading_runs[starts[position + 1]]) if position + 1 < len(starts) else len(body)
        match = OPERATIVE_NUMBER.match(body[start].text)
        assert match
        number = int(match["number"])
        if number in seen:
            report(body[start].number, f"duplicated operative paragraph number {number} (first at line {seen[number]})")
            continue
        seen[number] = body[start].number
        if number != previous_number + 1:
            gap = f"{previous_number + 1}" if number == previous_number + 2 else f"{previous_number + 1}–{number - 1}"
            report(body[start].number, f"missing operative paragraph {gap}: paragraph {previous_number or 'start'} is followed by {number}")
        previous_number = number
        run = heading_runs[start]
        if run:
            sections.append(Section(" ".join(line.text for line in run), number, number, run[0].number))
        elif sections:
            sections[-1] = replace(sections[-1], last=number)
        first_text = [Line(body[start].number, match["rest"])] if match["rest"] else []
        paragraph = _operative(number, body[start].number, first_text + body[start + 1 : end], report)
        if paragraph is not None:
            operative.append(paragraph)

    if operative and not operative[-1].walk()[-1].text.endswith("."):
        report(lines[-1].number, "the last operative paragraph does not end with a full stop: the file may be truncated", Severity.WARNING)
    if any(d.severity is Severity.ERROR for d in diagnostics):
        return None, diagnostics
    resolution = Resolution(metadata, header, tuple(preamble), tuple(sections), tuple(operative))
    return replace(resolution, repairs=_place_repairs(clean.repairs, resolution)), diagnostics


def _heading_run(body: list[Line], start: int) -> list[Line]:
    """Unpunctuated heading lines (at most two) standing right before the number line at ``start``."""
    run: list[Line] = []
    index = start - 1
    while index >= 0 and len(run) < 2 and not _ends_clause(body[index].text):
        run.insert(0, body[index])
        index -= 1
    if not run or index < 0 or not run[0].text[:1].isupper():
        return []
    return run


def _preamble(lines: list[Line], report) -> list[Element]:
    drafts: list[_Draft] = []
    for line in lines:
        opens = not drafts or (_ends_clause(drafts[-1].text[-1]) and PREAMBULAR_OPENING.match(line.text))
        if opens:
            drafts.append(_Draft(ElementKind.PREAMBULAR, "", "", line.number))
        drafts[-1].text.append(line.text)
    for draft in drafts:
        if not draft.text[-1].endswith(","):
            report(draft.line, f"preambular paragraph does not end with a comma: {draft.text[-1][-40:]!r}", Severity.WARNING)
    return [draft.freeze(ids.element_id(ids.PREAMBULAR_PREFIX, number), number) for number, draft in enumerate(drafts, start=1)]


def _operative(number: int, line: int, lines: list[Line], report) -> Element | None:
    paragraph = _Draft(ElementKind.OPERATIVE, str(number), "", line)
    letter: _Draft | None = None
    roman: _Draft | None = None
    indent: _Draft | None = None
    heading_open = False
    for entry in lines:
        text = entry.text
        label = LETTER_LABEL.match(text)
        mark = INDENT.match(text)
        if label and _is_next_letter(label["key"], letter):
            letter = _Draft(ElementKind.SUBPARAGRAPH, f"({label['key']})", label["key"], entry.number)
            paragraph.items.append(letter)
            roman = indent = None
            heading_open = not label["rest"]
            if label["rest"]:
                letter.text.append(label["rest"])
        elif label and label["key"] in ROMAN:
            parent = letter or paragraph
            expected = ROMAN[len([item for item in parent.items if item.kind is ElementKind.ITEM])]
            if label["key"] != expected:
                report(entry.number, f"unexpected label ({label['key']}) in paragraph {number}: expected ({expected})")
            roman = _Draft(ElementKind.ITEM, f"({label['key']})", label["key"], entry.number)
            parent.items.append(roman)
            indent = None
            heading_open = False
            if label["rest"]:
                roman.text.append(label["rest"])
        elif label:
            after = letter.label if letter else "the paragraph's text"
            report(entry.number, f"unknown sub-paragraph label sequence in paragraph {number}: ({label['key']}) after {after}")
        elif mark:
            parent = roman or letter or paragraph
            indent = _Draft(ElementKind.INDENT, mark["mark"].replace("—", "–"), str(len(parent.items) + 1), entry.number)
            parent.items.append(indent)
            heading_open = False
            indent.text.append(mark["rest"])
        elif heading_open and letter is not None:
            if _continues_heading(letter.heading, text):
                letter.heading.append(text)
            else:
                heading_open = False
                letter.text.append(text)
        else:
            (indent or roman or letter or paragraph).text.append(text)
    if not paragraph.text and not paragraph.items:
        report(line, f"operative paragraph {number} has no text")
        return None
    return paragraph.freeze(ids.element_id(ids.OPERATIVE_PREFIX, number), number)


def _is_next_letter(key: str, letter: _Draft | None) -> bool:
    """'(a)' opens the list and '(c)' follows '(b)'; '(i)' after '(h)' is a letter, otherwise roman."""
    return key == ("a" if letter is None else chr(ord(letter.key) + 1))


def _continues_heading(heading: list[str], text: str) -> bool:
    """Whether ``text`` is the heading's next line rather than the start of the sub-paragraph's text."""
    if not heading:
        return text[:1].isupper() and not _ends_clause(text) and not TASK_OPENING.match(text)
    if text[:1].islower():
        return True
    return len(heading[-1]) >= WRAPPED_HEADING_LENGTH and not _ends_clause(text) and not TASK_OPENING.match(text)


def _place_repairs(repairs: tuple[Repair, ...], resolution: Resolution) -> tuple[Repair, ...]:
    """Attach each repair to the element whose lines hold it (the last one starting at or before it)."""
    starts = [(element.line, element.id) for element in resolution.elements()]
    placed = []
    for repair in repairs:
        owner = ""
        for line, element in starts:
            if line <= repair.line:
                owner = element
        placed.append(replace(repair, element_id=owner))
    return tuple(placed)

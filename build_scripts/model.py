"""The typed model of a resolution: what the parser returns and every later stage reads.

All classes are frozen: a stage never mutates what an earlier stage produced.
``as_dict()`` gives the JSON model written by ``python -m build_scripts parse --json``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a diagnostic is: an error stops the build, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem with the input, reported as ``FILE:LINE: severity: message``."""

    file: str
    """Path of the file the problem is in, as given on the command line."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    severity: Severity
    """Whether the build can go on."""
    message: str
    """What is wrong and why, in one sentence."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.severity.value}: {self.message}"


class RepairRule(str, Enum):
    """Why the cleaner changed the extracted text."""

    PAGE_FURNITURE = "page-furniture"
    """A running header, footer, job number or page number line was removed."""
    SPLIT_WORD = "split-word"
    """A word broken by a stray space was joined."""
    SPACED_HYPHEN = "spaced-hyphen"
    """A space before a hyphen inside a compound was removed."""
    LINE_HYPHEN = "line-hyphen"
    """A compound broken at a hyphen across two lines was rejoined."""
    ERRATUM = "erratum"
    """A reviewed correction from the errata file."""


@dataclass(frozen=True, slots=True)
class Repair:
    """One logged change between the extracted text and the model's text."""

    line: int
    """Line of the source file where the original text starts."""
    original: str
    """The text as extracted from the PDF."""
    replacement: str
    """The text in the model ('' when furniture was removed)."""
    rule: RepairRule
    """Which rule or erratum made the change."""
    reason: str = ""
    """Why, for errata: the reviewer's explanation shown to readers."""
    restored: str = ""
    """Words supplied editorially that the extraction lost, if any (shown as restored)."""
    element_id: str = ""
    """Id of the element the repair falls in ('' for furniture between elements)."""

    def as_dict(self) -> dict[str, object]:
        return {
            "line": self.line,
            "original": self.original,
            "replacement": self.replacement,
            "rule": self.rule.value,
            "reason": self.reason,
            "restored": self.restored,
            "element": self.element_id,
        }


class ElementKind(str, Enum):
    """The structural degree of an element."""

    PREAMBULAR = "preambular"
    OPERATIVE = "operative"
    SUBPARAGRAPH = "subparagraph"
    """Lettered: (a), (b), …"""
    ITEM = "item"
    """Roman: (i), (ii), …"""
    INDENT = "indent"
    """Unlabelled bullet (•) or dash (–) indent, numbered in order."""


@dataclass(frozen=True, slots=True)
class Element:
    """A paragraph, sub-paragraph, item or indent, with its nested items."""

    id: str
    """Stable id such as ``op-20-a-ii``; the URL fragment everywhere on the site."""
    kind: ElementKind
    """Structural degree."""
    label: str
    """Label as printed: '20', '(a)', '(ii)', '•' or '–'; '' for preambular paragraphs."""
    number: int
    """Position among its siblings, from 1 (the paragraph number for paragraphs)."""
    text: str
    """The element's own text (its chapeau), without its items."""
    line: int
    """Source line where the element starts."""
    heading: str = ""
    """Sub-heading printed after the label, as in 20 (c), if any."""
    items: tuple[Element, ...] = ()
    """Nested elements, in order."""

    def walk(self) -> list[Element]:
        """This element and all its descendants, in document order."""
        found = [self]
        for item in self.items:
            found.extend(item.walk())
        return found

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "kind": self.kind.value,
            "label": self.label,
            "heading": self.heading or None,
            "text": self.text,
            "line": self.line,
            "items": [item.as_dict() for item in self.items],
        }


@dataclass(frozen=True, slots=True)
class Section:
    """An unnumbered heading of the operative part and the paragraphs under it."""

    heading: str
    """The heading as printed, e.g. 'MINUSMA’s mandate'."""
    first: int
    """Number of the first operative paragraph under it."""
    last: int
    """Number of the last operative paragraph under it."""
    line: int
    """Source line of the heading."""

    @property
    def slug(self) -> str:
        """Fragment id of the section on the full text page, e.g. 'section-15'."""
        return f"section-{self.first}"

    def as_dict(self) -> dict[str, object]:
        return {"heading": self.heading, "first": self.first, "last": self.last}


@dataclass(frozen=True, slots=True)
class Header:
    """The lines above the preamble."""

    title: str
    """'Resolution 2364 (2017)'."""
    adoption: str
    """'Adopted by the Security Council at its 7991st meeting, on 29 June 2017'."""
    organ: str
    """'The Security Council,'."""


@dataclass(frozen=True, slots=True)
class Metadata:
    """Facts about the resolution from the YAML file beside its text."""

    symbol: str
    """'S/RES/2364 (2017)'."""
    number: int
    """2364."""
    year: int
    """2017."""
    adopted: datetime.date
    """Date of adoption."""
    meeting: int
    """Number of the Council meeting that adopted it."""
    subject: str
    """Agenda item, e.g. 'The situation in Mali'."""
    official_url: str
    """The official document, e.g. https://undocs.org/S/RES/2364(2017)."""
    synthetic: bool = False
    """True for generated test corpora, which are never published."""


@dataclass(frozen=True, slots=True)
class Erratum:
    """A reviewed correction for damage no general rule can repair."""

    original: str
    """Text as extracted (whitespace-insensitive match)."""
    correction: str
    """Text the model carries instead."""
    reason: str
    """Why, as shown to readers."""
    line: int
    """Line of the erratum in the errata file, for error messages."""
    restored: str = ""
    """Words in the correction that are not in the source, supplied from the official text."""


@dataclass(frozen=True, slots=True)
class Resolution:
    """A whole resolution: metadata, header, preamble, sections, operative part, repairs."""

    metadata: Metadata
    header: Header
    preamble: tuple[Element, ...]
    """Preambular paragraphs, pp-1 … pp-N."""
    sections: tuple[Section, ...]
    """Headings of the operative part, in order."""
    operative: tuple[Element, ...]
    """Operative paragraphs, op-1 … op-N."""
    repairs: tuple[Repair, ...] = field(default=())
    """Every change from the extracted text, in source order."""

    def elements(self) -> list[Element]:
        """Every element in document order, nested ones included."""
        found: list[Element] = []
        for paragraph in (*self.preamble, *self.operative):
            found.extend(paragraph.walk())
        return found

    def section_of(self, paragraph_number: int) -> Section | None:
        """The section heading an operative paragraph sits under."""
        for section in self.sections:
            if section.first <= paragraph_number <= section.last:
                return section
        return None

    def as_dict(self) -> dict[str, object]:
        meta = self.metadata
        return {
            "symbol": meta.symbol,
            "number": meta.number,
            "year": meta.year,
            "adopted": meta.adopted.isoformat(),
            "meeting": meta.meeting,
            "subject": meta.subject,
            "official_url": meta.official_url,
            "header": {"title": self.header.title, "adoption": self.header.adoption, "organ": self.header.organ},
            "sections": [section.as_dict() for section in self.sections],
            "preamble": [element.as_dict() for element in self.preamble],
            "operative": [element.as_dict() for element in self.operative],
            "repairs": [repair.as_dict() for repair in self.repairs],
        }

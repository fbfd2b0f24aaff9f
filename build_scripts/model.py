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
    column: int = 0
    """1-based column on the line, for a problem at one character; 0 when not given."""

    def __str__(self) -> str:
        where = f"{self.line}:{self.column}" if self.column else f"{self.line}"
        return f"{self.file}:{where}: {self.severity.value}: {self.message}"


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
    POINT = "point"
    """A lower degree: 'a.', 'i.', '(1)', '1)', under the deepest open label."""
    ANNEX_PARAGRAPH = "annex-paragraph"
    """A top-level paragraph of an annex: numbered ('3.') or unlabelled."""


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


class SubjectScheme(str, Enum):
    """The thesaurus a subject term comes from."""

    UNBIS = "UNBIS"
    """The UN Bibliographic Information System thesaurus."""
    EUROVOC = "EuroVoc"
    """The European Union's multilingual thesaurus."""
    SDG = "SDG"
    """A Sustainable Development Goal."""
    OTHER = "other"
    """Any other dictionary the file names (DHLAUTH names, agenda lists)."""


@dataclass(frozen=True, slots=True)
class Subject:
    """A subject term the UN's file classifies the resolution under."""

    term: str
    """The term as shown, e.g. 'civil society' or 'SDG 16'."""
    scheme: SubjectScheme
    """Which thesaurus the term belongs to."""
    url: str = ""
    """The term's address in its thesaurus, if the file gives one."""


@dataclass(frozen=True, slots=True)
class Vote:
    """How the Council voted: counts and, where the file names them, the members."""

    in_favour: tuple[str, ...]
    """Members voting in favour, as named in the file (may be empty when only counts are known)."""
    against: tuple[str, ...]
    """Members voting against."""
    abstaining: tuple[str, ...]
    """Members abstaining."""
    counts: tuple[int, int, int]
    """(in favour, against, abstaining)."""
    description: str = ""
    """The record's own words, e.g. 'Adopted unanimously'."""

    @property
    def tally(self) -> str:
        """'15-0-0'."""
        return "-".join(str(count) for count in self.counts)

    def as_dict(self) -> dict[str, object]:
        return {
            "in_favour": list(self.in_favour),
            "against": list(self.against),
            "abstaining": list(self.abstaining),
            "counts": {"in_favour": self.counts[0], "against": self.counts[1], "abstaining": self.counts[2]},
            "description": self.description,
        }


@dataclass(frozen=True, slots=True)
class Metadata:
    """Facts about the resolution: from its header, the YAML beside a text, or the UN's XML file."""

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
    """Agenda item, e.g. 'The situation in Mali'; '' when no source gives it."""
    official_url: str
    """The official document, e.g. https://undocs.org/S/RES/2364(2017)."""
    synthetic: bool = False
    """True for generated test corpora, which are never published."""
    meeting_record: str = ""
    """Symbol of the meeting record, e.g. 'S/PV.7991'."""
    vote: Vote | None = None
    """The vote, when the source records it."""
    draft: str = ""
    """Symbol of the draft resolution, e.g. 'S/2017/558'."""
    sponsors: tuple[str, ...] = ()
    """Sponsors of the draft, e.g. ('France',)."""
    chapter_vii: bool = False
    """True when the record says the Council acted under Chapter VII of the Charter."""
    title: str = ""
    """The library's descriptive title, e.g. '… [on extension of the mandate of …]'."""
    subjects: tuple[Subject, ...] = ()
    """Subject terms from the UNBIS and EuroVoc thesauri and the SDGs."""
    source_kind: str = "text"
    """Where the model was read from: 'text' (a PDF extraction) or 'akn' (the UN's Akoma Ntoso file)."""
    checked_against: str = ""
    """Name of the UN XML file the text's words were checked against, if any."""

    def as_dict(self) -> dict[str, object]:
        return {
            "symbol": self.symbol,
            "number": self.number,
            "year": self.year,
            "adopted": self.adopted.isoformat(),
            "meeting": self.meeting,
            "subject": self.subject,
            "official_url": self.official_url,
            "meeting_record": self.meeting_record or None,
            "vote": self.vote.as_dict() if self.vote else None,
            "draft": self.draft or None,
            "sponsors": list(self.sponsors),
            "chapter_vii": self.chapter_vii,
            "title": self.title or None,
            "subjects": [{"term": s.term, "scheme": s.scheme.value, "url": s.url or None} for s in self.subjects],
        }


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
class Footnote:
    """A footnote of the official text, kept apart from the words of the element it sits in."""

    marker: str
    """As printed, e.g. '1'."""
    element_id: str
    """Id of the element the note is attached to."""
    text: str
    """The note's words."""
    line: int
    """Source line of the note."""

    def as_dict(self) -> dict[str, object]:
        return {"marker": self.marker, "element": self.element_id, "text": self.text}


@dataclass(frozen=True, slots=True)
class Annex:
    """An annex to the resolution: its title lines and its paragraphs and items."""

    id: str
    """'annex-1'; its page is N/annex/1/."""
    number: int
    """1 for the first annex."""
    title: str
    """The title as printed, e.g. 'Annex' or 'Annex I'; 'Annex' when the file prints none."""
    headings: tuple[str, ...]
    """Title lines under it, e.g. ('Package of Measures for the Implementation of the Minsk Agreements',)."""
    line: int
    """Source line of the annex title."""
    items: tuple[Element, ...] = ()
    """Its paragraphs and items, in order."""

    def walk(self) -> list[Element]:
        """Every element of the annex in document order, nested ones included."""
        found: list[Element] = []
        for item in self.items:
            found.extend(item.walk())
        return found

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "headings": list(self.headings),
            "items": [item.as_dict() for item in self.items],
        }


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
    annexes: tuple[Annex, ...] = field(default=())
    """Annexes, in order; never part of the operative paragraphs."""
    footnotes: tuple[Footnote, ...] = field(default=())
    """Footnotes of the official text, in order."""

    def elements(self) -> list[Element]:
        """Every element of the preamble and operative part in document order, nested ones included."""
        found: list[Element] = []
        for paragraph in (*self.preamble, *self.operative):
            found.extend(paragraph.walk())
        return found

    def annex_elements(self) -> list[Element]:
        """Every element of every annex, in document order."""
        return [element for annex in self.annexes for element in annex.walk()]

    def section_of(self, paragraph_number: int) -> Section | None:
        """The section heading an operative paragraph sits under."""
        for section in self.sections:
            if section.first <= paragraph_number <= section.last:
                return section
        return None

    def as_dict(self) -> dict[str, object]:
        return {
            **self.metadata.as_dict(),
            "header": {"title": self.header.title, "adoption": self.header.adoption, "organ": self.header.organ},
            "sections": [section.as_dict() for section in self.sections],
            "preamble": [element.as_dict() for element in self.preamble],
            "operative": [element.as_dict() for element in self.operative],
            "annexes": [annex.as_dict() for annex in self.annexes],
            "footnotes": [footnote.as_dict() for footnote in self.footnotes],
            "repairs": [repair.as_dict() for repair in self.repairs],
        }

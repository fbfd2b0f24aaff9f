"""Stage 3: find what each element's text refers to, as typed spans on that text.

``find_references`` reads every element's ``text`` (not headings) and returns its references,
sorted by document order and then by start, with warnings for references it cannot resolve.
What the output promises:

- ``text[start:end]`` is exactly the phrase cited, and spans in one element never overlap;
- an INTERNAL reference always has targets, each an existing element id; a paragraph number that
  does not exist gives a warning and no reference, so it renders as plain text;
- "paragraph N of resolution X (Y)" is a paragraph of *that* resolution, and "article 63 of the
  Agreement" a provision of the Agreement: neither ever points into this resolution;
- "paragraphs 21 above and 30 and 31 below" is one reference to three paragraphs, each checked
  against the direction printed after it (or after the numbers that follow it);
- "paragraph 8.1 of the Ouagadougou political Agreement" is never this resolution's paragraph 8;
- "resolutions 2250 and 2419", printed without years, are resolutions: their years come from
  ``data/resolution_years.yml`` (0, and a link by number alone, where no range holds them);
- "the Agreement" is an instrument only where this resolution defines it ("… in Mali (“the
  Agreement”)", see :mod:`definitions`), and then the one it defines;
- committee names such as "the 1267/1989/2253 ISIL (Da’esh) and Al-Qaida Sanctions Committee" are
  deliberately not resolution citations: they name a body, and the text cites resolution 2253
  (2015) itself where it means it;
- a citation of the resolution's own number is never external.

Markup is no business of this stage: links are inserted when Markdown is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import yaml

from .. import ids
from ..data_files import DATA
from ..model import Diagnostic, Element, Resolution, Severity
from .dates import year_of
from .definitions import Definition, find_definitions, slug

UNDOCS = "https://undocs.org/"


class ReferenceKind(str, Enum):
    """What a reference points at."""

    INTERNAL = "internal"
    """A paragraph, sub-paragraph or item of this resolution."""
    RESOLUTION = "resolution"
    """Another Security Council resolution, possibly one of its paragraphs."""
    DOCUMENT = "document"
    """Another UN document with a symbol, such as S/PRST/2015/22."""
    INSTRUMENT = "instrument"
    """A named agreement, statute or policy without a UN document to link to."""


@dataclass(frozen=True, slots=True)
class Instrument:
    """A named instrument the texts cite, listed on the references index page."""

    slug: str
    """Stable id for the index page anchor, e.g. 'peace-agreement'."""
    name: str
    """Full name as shown on the index page."""
    pattern: re.Pattern[str]
    """How the text names it; the match is the span (without a leading 'the')."""


@dataclass(frozen=True, slots=True)
class CitedResolution:
    """Another resolution, by number and year, with the paragraphs of it that are cited."""

    number: int
    """Resolution number, e.g. 2295."""
    year: int
    """Year of adoption, e.g. 2016; 0 where the text gives none and no known range holds the number."""
    paragraphs: tuple[str, ...] = ()
    """Paragraphs of that resolution as printed without the word 'paragraph': ('2',), ('20 (a) (ii)',)."""

    @property
    def symbol(self) -> str:
        """The document symbol: 'S/RES/2295 (2016)'; 'S/RES/1265' when the year is unknown."""
        return f"S/RES/{self.number} ({self.year})" if self.year else f"S/RES/{self.number}"


@dataclass(frozen=True, slots=True)
class Reference:
    """One reference: a span of an element's text and what it points at."""

    element_id: str
    """Id of the element whose text holds the span."""
    start: int
    """Offset of the first character of the phrase in the element's text."""
    end: int
    """Offset just past the phrase."""
    kind: ReferenceKind
    """What sort of thing is referred to."""
    targets: tuple[str, ...] = ()
    """INTERNAL: ids of the elements referred to, in order ('op-31', …, 'op-36' for a range)."""
    resolution: CitedResolution | None = None
    """RESOLUTION: the resolution cited and the paragraphs of it."""
    symbol: str = ""
    """RESOLUTION and DOCUMENT: normalized symbol, e.g. 'S/RES/2295 (2016)' or 'S/PRST/2015/22'."""
    url: str = ""
    """RESOLUTION and DOCUMENT: the official document, e.g. https://undocs.org/S/RES/2295(2016)."""
    instrument: Instrument | None = None
    """INSTRUMENT: which instrument."""
    provision: str = ""
    """INSTRUMENT: the part of it cited, if any, e.g. 'article 63' or 'Part III and Annex 2'."""

    def as_dict(self) -> dict[str, object]:
        return {
            "element": self.element_id,
            "start": self.start,
            "end": self.end,
            "kind": self.kind.value,
            "targets": list(self.targets),
            "resolution": None if self.resolution is None else self.resolution.symbol,
            "paragraphs": [] if self.resolution is None else list(self.resolution.paragraphs),
            "symbol": self.symbol or None,
            "url": self.url or None,
            "instrument": None if self.instrument is None else self.instrument.slug,
            "provision": self.provision or None,
        }


INSTRUMENTS_FILE = DATA / "instruments.yml"


def load_instruments(path: Path = INSTRUMENTS_FILE) -> tuple[Instrument, ...]:
    """The instruments table from its YAML file; a malformed entry is reported as FILE:LINE."""
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["instruments"]
    instruments = []
    for index, entry in enumerate(entries, start=1):
        missing = [key for key in ("slug", "name", "pattern") if not entry.get(key)]
        if missing:
            raise ValueError(f"{path}: error: instruments[{index}] lacks key '{missing[0]}'")
        instruments.append(Instrument(entry["slug"], entry["name"], re.compile(entry["pattern"].replace(" ", r"\s+"))))
    return tuple(instruments)


INSTRUMENTS: tuple[Instrument, ...] = load_instruments()
"""Agreements, statutes and policies the texts name (build_scripts/data/instruments.yml)."""


SYMBOL = re.compile(
    r"""(?<![\w/])
        (?P<organ>[AS])                          # principal organ: S = Security Council, A = General Assembly
        /(?P<series>(?:[A-Z]+(?:\.\d+)?/)*)      # series, e.g. 'RES/', 'PRST/', 'AC.51/' ('' for reports and letters)
        (?P<numbers>\d+(?:/\d+)*)                # year and serial number, e.g. '2015/22', '70/1', '2295'
        (?:\s?\((?P<year>\d{4})\))?              # year of a Security Council resolution, e.g. '(2016)'
        (?![\w/])
    """,
    re.X,
)

CITATION = re.compile(
    r"""(?P<number>\d{1,4})                      # resolution number, e.g. '2295'
        \s+\((?P<year>(?:19|20)\d{2})\)          # year of adoption in brackets, e.g. '(2016)'
    """,
    re.X,
)

RESOLUTION_LIST = re.compile(
    r"""\b(?P<keyword>resolutions?)              # the word that makes the numbers resolutions
        (?P<lead>
            (?:\s+on\s+[A-Z][^,;:()\d]{0,60}?)?   # 'resolutions on Countering Terrorism', before 'including'
            ,?\s+(?:in\s+particular|including|notably),?   # words allowed before the first number, as in pp 1
        )?
        \s+
        (?P<items>                               # the numbers and years: '1265 (1999), … and 1894 (2009)'
            \d{1,4}\s+\(\d{4}\)
            (?:(?:,\s+(?:and\s+)?|\s+and\s+)\d{1,4}\s+\(\d{4}\))*
        )
    """,
    re.X,
)

BARE_RESOLUTIONS = re.compile(
    r"""(?<!Assembly\s)(?<!Assembly\sresolution\s)
        \b(?P<keyword>resolutions?)\s+
        (?P<items>                               # numbers printed without their year: '2250 and 2419'
            \d{3,4}(?![\d/.])(?!\s*\()
            (?:(?:,\s+(?:and\s+)?|\s+and\s+)\d{3,4}(?![\d/.])(?!\s*\())*
        )
        (?!\s*\(|[\d/])
    """,
    re.X,
)

PARAGRAPH = re.compile(
    r"""\b(?:(?P<part>preambular|operative)\s+)?   # which part, when said; otherwise numbers are operative
        paragraphs?\s+
        (?P<numbers>                             # '34', '20 (a) (ii)', '20 and 22', '31 to 36', '21 above and 30'
            \d{1,3}(?![\d]|\.\d)(?:\s?\([a-z]{1,5}\))*  # never '8' of '8.1': that numbering is another text's
            (?:\s+(?:above|below)(?=,|\s+and\b|\s+to\b))?
            (?:(?:,\s+(?:and\s+)?|\s+and\s+|\s+to\s+)\d{1,3}(?![\d]|\.\d)(?:\s?\([a-z]{1,5}\))*
               (?:\s+(?:above|below)(?=,|\s+and\b|\s+to\b))?)*
        )
        (?:\s+(?P<direction>above|below))?      # where the text says the paragraph is
        (?:\s+of\s+(?:                           # whose paragraph it is, when said:
            (?P<this>this|the\s+present)\s+resolution          # this one ...
          | (?:its\s+|Security\s+Council\s+)?resolution\s+
            (?P<number>\d{1,4})\s+\((?P<year>\d{4})\)          # ... or another resolution
        ))?
    """,
    re.X,
)

PARAGRAPH_NUMBER = re.compile(
    r"""(?P<range>\bto\s+)?                      # 'to' makes a range with the previous number
        (?P<number>\d{1,3})                      # paragraph number
        (?P<labels>(?:\s?\([a-z]{1,5}\))*)       # sub-paragraph and item labels: ' (a) (ii)'
        (?:\s+(?P<direction>above|below))?      # 'paragraphs 21 above and 30 and 31 below'
    """,
    re.X,
)

NEIGHBOUR = re.compile(
    r"""\bthe\s+(?:
        paragraph\s+(?P<direction>above|below)   # 'the paragraph above', as in pp 30
      | (?P<ordinal>preceding|following)\s+paragraph
    )""",
    re.X,
)

PROVISION = re.compile(
    r"""(?P<provision>                           # the part cited: 'article 63', 'Part III and Annex 2'
            (?:article|Article|Part|Annex|paragraph)\s+[0-9IVXL]+(?:\.\d+)*   # 'article 63', 'paragraph 8.1'
            (?:\s+and\s+(?:article|Article|Part|Annex)\s+[0-9IVXL]+)*
        )
        (?P<owner>\s+of\s+(?:the\s+)?)?          # ' of the ' before the instrument's name, if written
    """,
    re.X,
)

POSSESSIVE_REACH = 40
"""'its Part II' belongs to an instrument named at most this many characters before it."""


def official_url(symbol: str, language: str = "") -> str:
    """The official document: 'S/RES/2295 (2016)' → https://undocs.org/S/RES/2295(2016).

    undocs.org takes the symbol without the space before a resolution's year; ``language``
    ('en', 'fr', …) adds the optional language prefix.
    """
    path = re.sub(r"\s+\(", "(", symbol.strip())
    return f"{UNDOCS}{language + '/' if language else ''}{path}"


ANNEX_REFERENCE = re.compile(
    r"""\b(?P<phrase>
        annex(?:\x20(?P<which>[IVX]{1,4}|\d{1,2}))?   # 'annex', 'annex II', 'annex 2'
        \s+(?:to|of)\s+(?:this|the\s+present)\s+resolution  # 'to this resolution', 'of the present resolution'
      | annexed\s+to\s+(?:this|the\s+present)\s+resolution  # 'annexed to this resolution'
    )""",
    re.X | re.I,
)

ROMAN_NUMBERS = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9, "X": 10}


def find_references(resolution: Resolution, *, source: str = "") -> tuple[tuple[Reference, ...], list[Diagnostic]]:
    """Every reference in every element's text, and a warning for each one that cannot be resolved.

    ``source`` is the text file's path, used in the diagnostics (``FILE:LINE: warning: …``).
    """
    finder = _Finder(resolution, source)
    found: list[Reference] = []
    for element in resolution.elements():
        found.extend(finder.element(element))
    return tuple(found), finder.diagnostics


def incoming(references: Iterable[Reference]) -> dict[str, tuple[str, ...]]:
    """A derived view of the INTERNAL references: element id → ids of the elements citing it.

    Sources are listed once each, in document order. Nothing is stored: recompute it from the
    references whenever it is needed.
    """
    cited_by: dict[str, list[str]] = {}
    for reference in references:
        if reference.kind is not ReferenceKind.INTERNAL:
            continue
        for target in reference.targets:
            sources = cited_by.setdefault(target, [])
            if reference.element_id not in sources:
                sources.append(reference.element_id)
    return {target: tuple(sources) for target, sources in cited_by.items()}


def cited_instruments(references: Iterable[Reference]) -> tuple[Instrument, ...]:
    """The instruments cited, once each, in the order of the INSTRUMENTS table (the index page)."""
    cited = {reference.instrument.slug for reference in references if reference.instrument is not None}
    return tuple(instrument for instrument in INSTRUMENTS if instrument.slug in cited)


class _Finder:
    """Looks through one resolution; holds what every element's search needs."""

    def __init__(self, resolution: Resolution, source: str) -> None:
        self.resolution = resolution
        self.source = source
        self.order = {element.id: index for index, element in enumerate(resolution.elements())}
        self.diagnostics: list[Diagnostic] = []
        self.instruments = INSTRUMENTS + bound_terms(find_definitions(resolution))

    def warn(self, element: Element, message: str) -> None:
        self.diagnostics.append(Diagnostic(self.source, element.line, Severity.WARNING, f"{element.id}: {message}"))

    def element(self, element: Element) -> list[Reference]:
        """The references in one element's text, by start; earlier finders win overlaps."""
        accepted: list[Reference] = []
        for finder in (self._symbols, self._annexes, self._provisions, self._paragraphs, self._neighbours, self._resolutions, self._instruments):
            for reference in finder(element):
                if not any(reference.start < other.end and other.start < reference.end for other in accepted):
                    accepted.append(reference)
        return sorted(accepted, key=lambda reference: reference.start)

    def _is_own(self, number: int, year: int) -> bool:
        return (number, year) == (self.resolution.metadata.number, self.resolution.metadata.year)

    def _cited(self, element: Element, start: int, end: int, cited: CitedResolution) -> Reference:
        return Reference(element.id, start, end, ReferenceKind.RESOLUTION, resolution=cited,
                         symbol=cited.symbol, url=official_url(cited.symbol))

    def _symbols(self, element: Element) -> list[Reference]:
        found = []
        for match in SYMBOL.finditer(element.text):
            if match["series"] == "RES/" and match["organ"] == "S" and match["year"]:
                number, year = int(match["numbers"]), int(match["year"])
                if not self._is_own(number, year):
                    found.append(self._cited(element, match.start(), match.end(), CitedResolution(number, year)))
                continue
            symbol = re.sub(r"\s+", " ", match.group())
            found.append(Reference(element.id, match.start(), match.end(), ReferenceKind.DOCUMENT,
                                   symbol=symbol, url=official_url(symbol)))
        return found

    def _annexes(self, element: Element) -> list[Reference]:
        """'the annex to this resolution', 'annex II to this resolution': a link to that annex's page."""
        found = []
        for match in ANNEX_REFERENCE.finditer(element.text):
            which = match["which"] or "I"
            number = ROMAN_NUMBERS.get(which.upper()) or (int(which) if which.isdigit() else 0)
            if not 0 < number <= len(self.resolution.annexes):
                self.warn(element, f"{match['phrase']!r} refers to annex {which}, which this text does not hold; left as plain text")
                continue
            found.append(Reference(element.id, match.start("phrase"), match.end("phrase"), ReferenceKind.INTERNAL, targets=(f"annex-{number}",)))
        return found

    def _provisions(self, element: Element) -> list[Reference]:
        """'article 63 of the Agreement', and 'its Part II' just after the Agreement is named."""
        found: list[Reference] = []
        text = element.text
        for match in PROVISION.finditer(text):
            provision = re.sub(r"\s+", " ", match["provision"])
            if match["owner"]:
                for instrument in self.instruments:
                    named = instrument.pattern.match(text, match.end())
                    if named:
                        found.append(Reference(element.id, match.start(), named.end(), ReferenceKind.INSTRUMENT,
                                               instrument=instrument, provision=provision))
                        break
                continue
            if not text[: match.start()].endswith("its "):
                continue
            window = text[max(0, match.start() - POSSESSIVE_REACH): match.start()]
            named_before = [(found_at.end(), instrument) for instrument in self.instruments for found_at in instrument.pattern.finditer(window)]
            if named_before:
                instrument = max(named_before, key=lambda pair: pair[0])[1]  # the instrument named last
                found.append(Reference(element.id, match.start(), match.end(), ReferenceKind.INSTRUMENT,
                                       instrument=instrument, provision=provision))
        return found

    def _paragraphs(self, element: Element) -> list[Reference]:
        found: list[Reference] = []
        for match in PARAGRAPH.finditer(element.text):
            paths, directions = _paths(match["numbers"], match["direction"])
            if match["number"] and not self._is_own(int(match["number"]), int(match["year"])):
                labels = tuple(" ".join([path[0], *(f"({part})" for part in path[1:])]) for path in paths)
                cited = CitedResolution(int(match["number"]), int(match["year"]), labels)
                found.append(self._cited(element, match.start(), match.end(), cited))
                continue
            if re.match(r"\s+(?:of\s|thereof\b)", element.text[match.end():]):
                continue  # a paragraph of some other text ('of the Agreement', 'thereof'): not ours, nothing to link to
            prefix = ids.PREAMBULAR_PREFIX if match["part"] == "preambular" else ids.OPERATIVE_PREFIX
            targets = tuple(ids.element_id(prefix, int(path[0]), *path[1:]) for path in paths)
            reference = self._internal(element, match.start(), match.end(), targets, directions)
            if reference:
                found.append(reference)
        return found

    def _neighbours(self, element: Element) -> list[Reference]:
        """'the paragraph above': the paragraph before this one in the same part."""
        found: list[Reference] = []
        prefix, number = ids.paragraph_of(element.id)
        for match in NEIGHBOUR.finditer(element.text):
            direction = match["direction"] or ("above" if match["ordinal"] == "preceding" else "below")
            target = ids.element_id(prefix, number - 1 if direction == "above" else number + 1)
            reference = self._internal(element, match.start(), match.end(), (target,), (direction,))
            if reference:
                found.append(reference)
        return found

    def _internal(self, element: Element, start: int, end: int, targets: tuple[str, ...], directions: tuple[str | None, ...]) -> Reference | None:
        """An INTERNAL reference, or None with a warning when a target does not exist.

        ``directions`` gives, for each target, 'above', 'below' or None as printed.
        """
        phrase = element.text[start:end]
        missing = [target for target in targets if target not in self.order]
        for target in missing:
            self.warn(element, f"{phrase!r} refers to {target}, which does not exist; left as plain text")
        if missing:
            return None
        here = self.order[element.id]
        for target, direction in zip(targets, directions):
            if (direction == "above" and self.order[target] >= here) or (direction == "below" and self.order[target] <= here):
                self.warn(element, f"{phrase!r} says {direction}, but {target} is not {direction} it")
        return Reference(element.id, start, end, ReferenceKind.INTERNAL, targets=targets)

    def _resolutions(self, element: Element) -> list[Reference]:
        """Each resolution of a list; 'resolution N (Y)' alone keeps the word in its span."""
        found: list[Reference] = []
        for match in RESOLUTION_LIST.finditer(element.text):
            citations = list(CITATION.finditer(element.text, match.start("items"), match.end("items")))
            for citation in citations:
                number, year = int(citation["number"]), int(citation["year"])
                if self._is_own(number, year):
                    continue
                start = match.start() if match["keyword"] == "resolution" and len(citations) == 1 and not match["lead"] else citation.start()
                found.append(self._cited(element, start, citation.end(), CitedResolution(number, year)))
        for match in BARE_RESOLUTIONS.finditer(element.text):
            numbers = list(re.finditer(r"\d{3,4}", match["items"]))
            for number in numbers:
                value = int(number.group(0))
                if value == self.resolution.metadata.number:
                    continue
                start = match.start() if match["keyword"] == "resolution" and len(numbers) == 1 else match.start("items") + number.start()
                found.append(self._cited(element, start, match.start("items") + number.end(), CitedResolution(value, year_of(value))))
        return found

    def _instruments(self, element: Element) -> list[Reference]:
        return [
            Reference(element.id, match.start(), match.end(), ReferenceKind.INSTRUMENT, instrument=instrument)
            for instrument in self.instruments
            for match in instrument.pattern.finditer(element.text)
        ]


WIDEST_RANGE = 250
"""A range such as 'paragraphs 31 to 36' names every paragraph between; one wider than any resolution
(the longest has fewer than 200 operative paragraphs) keeps only its two ends, so that a text of
'paragraphs 1 to 999' repeated cannot make work and memory grow with the width of its ranges."""


def _paths(numbers: str, last_direction: str | None = None) -> tuple[list[tuple[str, ...]], tuple[str | None, ...]]:
    """'20 (a) (ii)' → [('20', 'a', 'ii')]; '31 to 36' → [('31',), …, ('36',)]; '20 and 22' → two.

    With each path its direction: the one printed after its number, else the next one printed
    after it ('21 above and 30 and 31 below': above, below, below), else ``last_direction``.
    """
    paths: list[tuple[str, ...]] = []
    printed: list[str | None] = []
    for match in PARAGRAPH_NUMBER.finditer(numbers):
        number = int(match["number"])
        labels = tuple(ids.label_key(label) for label in re.findall(r"\([a-z]+\)", match["labels"]))
        if match["range"] and paths and not labels and len(paths[-1]) == 1 and number - int(paths[-1][0]) <= WIDEST_RANGE:
            between = range(int(paths[-1][0]) + 1, number)
            paths.extend((str(value),) for value in between)
            printed.extend(None for _ in between)
        paths.append((str(number), *labels))
        printed.append(match["direction"])
    directions: list[str | None] = []
    following = last_direction
    for direction in reversed(printed):
        following = direction or following
        directions.append(following)
    return paths, tuple(reversed(directions))


def bound_terms(definitions: tuple[Definition, ...]) -> tuple[Instrument, ...]:
    """The instruments this resolution defines short names for, each as a pattern for its term.

    'Agreement on Peace and Reconciliation in Mali (“the Agreement”)' gives the table's
    peace-agreement under the pattern 'the Agreement'; a name the table does not hold becomes an
    instrument of its own, matched by its full name and by its term.
    """
    bound: list[Instrument] = []
    for definition in definitions:
        known = next((i for i in INSTRUMENTS if i.pattern.fullmatch(definition.name) or i.pattern.search(definition.name)), None)
        if known is None:
            full = re.compile(r"\s+".join(map(re.escape, definition.name.split())))
            known = Instrument(slug(definition.name), definition.name, full)
            bound.append(known)
        term = r"\s+".join(map(re.escape, definition.term.split()))
        bound.append(Instrument(known.slug, known.name, re.compile(rf"(?<=\bthe\s){term}\b(?!\s+(?:on|of|for)\s+[A-Z])")))
    return tuple(bound)

"""The corpus: every resolution on the site, so references between resolutions link inside it.

A reference to "resolution 2295 (2016)" or "paragraph 2 of resolution 2253 (2015)" links to that
resolution's page, or to the exact paragraph, when the resolution is on the site; otherwise to
the official document. ``cited_by`` is the reverse view, across resolutions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import ids
from ..analyse.analysis import Analysis
from ..analyse.annotate import Annotations
from ..model import Resolution
from ..analyse.references import CitedResolution, Reference, ReferenceKind

PARAGRAPH_PARTS = re.compile(
    r"""(?P<number>\d+)          # the paragraph number, e.g. 20
      | \((?P<label>[a-z]+)\)    # a sub-paragraph or item label, e.g. (a) or (ii)
    """,
    re.X,
)


@dataclass(frozen=True, slots=True)
class Entry:
    """One resolution on the site with what the stages found in it."""

    resolution: Resolution
    analysis: Analysis
    """Everything the analysis stage found in it, computed once."""

    @property
    def references(self) -> tuple[Reference, ...]:
        return self.analysis.references

    @property
    def annotations(self) -> Annotations:
        return self.analysis.annotations


def cited_element(paragraph: str) -> str:
    """'20 (a) (ii)' → 'op-20-a-ii': a cited paragraph of another resolution, as our id."""
    parts = [m["number"] or m["label"] for m in PARAGRAPH_PARTS.finditer(paragraph)]
    return ids.element_id(ids.OPERATIVE_PREFIX, int(parts[0]), *parts[1:])


class Corpus:
    """Every resolution being built, indexed by number."""

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self._by_number = {entry.resolution.metadata.number: entry for entry in entries}
        self._cited_by: dict[tuple[int, str], list[tuple[int, str]]] = {}
        for entry in entries:
            source = entry.resolution.metadata.number
            for reference in entry.references:
                for target in self.targets(reference):
                    self._cited_by.setdefault(target, []).append((source, reference.element_id))

    def entry(self, number: int) -> Entry | None:
        return self._by_number.get(number)

    def targets(self, reference: Reference) -> list[tuple[int, str]]:
        """(number, element id or '') inside the site for a reference to another resolution; [] if absent."""
        cited = reference.resolution
        if reference.kind is not ReferenceKind.RESOLUTION or cited is None:
            return []
        entry = self._by_number.get(cited.number)
        if entry is None or (cited.year and entry.resolution.metadata.year != cited.year):  # year 0: cited by number alone
            return []
        known = {element.id for element in entry.resolution.elements()}
        elements = [cited_element(p) for p in cited.paragraphs]
        found = [(cited.number, e) for e in elements if e in known]
        return found or [(cited.number, "")]

    def url(self, number: int, element_id: str) -> str:
        """Site-relative URL of a resolution ('' element) or one of its elements."""
        return ids.permalink(number, element_id) if element_id else f"{number}/"

    def cited_by(self, number: int, element_id: str = "") -> list[tuple[int, str]]:
        """Elements of other resolutions citing this resolution ('') or this element."""
        return list(dict.fromkeys(self._cited_by.get((number, element_id), [])))


def describe(cited: CitedResolution) -> str:
    """'Resolution 2253 (2015), paragraph 2'."""
    paragraphs = ", ".join(f"paragraph {p}" for p in cited.paragraphs)
    return f"Resolution {cited.number} ({cited.year})" + (f", {paragraphs}" if paragraphs else "")

"""The analysis stage: everything read from one resolution's words, computed once.

``analyse(resolution)`` runs after reading and returns ``(Analysis, warnings)``, like the other
stages. ``render/`` only reads the result. The steps, each a module of this folder:

    references   what each element cites (this resolution, others, documents, instruments)
    annotate     actors named and asked, themes, operative verbs
    verbs        the verb that opens each operative paragraph (unknown ones are warnings)
    obligations  who must report, inform, plan or act, and by when
    timeline     every date the text names, and the due dates computed from it
    facts        the mandate's end and the authorized strength
    mandate      the mandate's grants, task lists, requests and use of force

What it promises: lookups by element id are dictionaries, built once here; every warning of
every step is returned, as ``FILE:LINE: warning: …`` where the step knows the line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import Diagnostic, Resolution, Severity
from .annotate import AnnotationData, Annotations, ElementAnnotations, annotate
from .facts import Fact, key_facts
from .mandate import Mandate, find_mandate
from .obligations import Obligation, find_obligations
from .references import Reference, find_references
from .timeline import Event, build_timeline
from .verbs import VerbUse, opening_text, unknown_opening


@dataclass(frozen=True, slots=True)
class Analysis:
    """What one resolution says, who it asks to do what and by when, with the evidence spans."""

    references: tuple[Reference, ...]
    """Every reference, in document order (spans on the elements' text)."""
    annotations: Annotations
    """Actors, addressees, themes and verbs of every element, and the data they come from."""
    obligations: tuple[Obligation, ...]
    """Every request to report, inform, plan or act by a time, in document order."""
    timeline: tuple[Event, ...]
    """Every dated event, in date order: named in the text, the adoption, computed due dates."""
    facts: tuple[Fact, ...]
    """The mandate's end and the authorized strength, where the text states them."""
    mandate: Mandate
    """Grants, task lists, requests to mandated bodies and use of force."""
    opening_verbs: Mapping[str, VerbUse]
    """Operative paragraph id → the verb that opens it; absent where the lexicon knows none."""
    by_element: Mapping[str, ElementAnnotations]
    """Element id → its annotations."""
    obligations_by_element: Mapping[str, tuple[Obligation, ...]]
    """Element id → the obligations its text holds."""
    references_by_element: Mapping[str, tuple[Reference, ...]]
    """Element id → the references in its text."""

    def annotations_of(self, element_id: str) -> ElementAnnotations:
        """The annotations of one element; KeyError for an unknown id."""
        return self.by_element[element_id]

    def as_dict(self) -> dict[str, object]:
        """What ``/data/N.json`` adds to the model: obligations, timeline and key facts."""
        return {
            "obligations": [obligation.as_dict() for obligation in self.obligations],
            "timeline": [event.as_dict() for event in self.timeline],
            "facts": [{"name": fact.name, "value": fact.value, "element": fact.element_id} for fact in self.facts],
        }


def _grouped(pairs: list[tuple[str, object]]) -> dict[str, tuple]:
    grouped: dict[str, list] = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return {key: tuple(values) for key, values in grouped.items()}


def analyse(resolution: Resolution, data: AnnotationData | None = None, *, source: str = "") -> tuple[Analysis, list[Diagnostic]]:
    """The analysis of one resolution and every warning its steps found (see the module docstring).

    ``data`` is the actors, themes and verbs files, loaded once by the caller (the defaults when
    None); ``source`` names the file in warnings.
    """
    references, warnings = find_references(resolution, source=source)
    annotations = annotate(resolution, data)
    by_element = dict(annotations.elements)
    obligations, obligation_warnings = find_obligations(resolution, annotations, source=source, by_element=by_element)
    mandate, mandate_problems = find_mandate(resolution, annotations)
    lexicon = annotations.lexicon
    openings: dict[str, VerbUse] = {}
    verb_warnings = []
    for paragraph in resolution.operative:
        text = opening_text(paragraph)
        if (verb := lexicon.opening(text)) is not None:
            openings[paragraph.id] = verb
        elif word := unknown_opening(lexicon, text):
            verb_warnings.append(Diagnostic(source, paragraph.line, Severity.WARNING, f"{paragraph.id}: unknown opening verb “{word}” (not in data/verbs.yml)"))
    analysis = Analysis(
        references=references,
        annotations=annotations,
        obligations=obligations,
        timeline=build_timeline(resolution, obligations),
        facts=tuple(key_facts(resolution)),
        mandate=mandate,
        opening_verbs=openings,
        by_element=by_element,
        obligations_by_element=_grouped([(o.element_id, o) for o in obligations]),
        references_by_element=_grouped([(r.element_id, r) for r in references]),
    )
    return analysis, warnings + obligation_warnings + mandate_problems + verb_warnings

"""Annotation: who each element addresses, which actors it names, its themes and its verbs.

``annotate(resolution)`` runs after parsing and returns :class:`Annotations`, read by the page
renderer. All spans are ``(start, end)`` offsets into an element's ``text``; actors named in a
sub-paragraph's heading ("(d) Countering asymmetric attacks in active defence of MINUSMA’s
mandate") are kept apart in ``heading_mentions`` with offsets into ``heading``, and the heading
counts as text for themes.

Actors come from the generic lexicon, the gazetteers of the situations the text names and the
places (:mod:`.actors`); addressees from the zones the operative verbs govern
(:mod:`.addressees`), where a phrase the gazetteer does not know becomes an actor of its own,
marked as not in the gazetteer. A sub-paragraph without a verb of its own takes the addressees
of the paragraph above it, so the tasks listed under "Decides that X’s mandate shall include the
following tasks:" are X's. Preambular paragraphs address nobody: even "Urging …" there sets the
context of the decisions, it asks nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ..data_files import DATA
from ..model import Diagnostic, Element, ElementKind, Resolution, Severity
from .actors import Actor, ActorMention, Gazetteer, Knowledge, Matcher, load_knowledge
from .addressees import find_addressees
from .themes import THEMES_FILE, Taxonomy, load_taxonomy
from .verbs import VERBS_FILE, Lexicon, VerbUse, load_lexicon


class AnnotationDataError(Exception):
    """The YAML data files have errors; ``diagnostics`` lists them as FILE:LINE: error: … for the CLI."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(map(str, diagnostics)))
        self.diagnostics = diagnostics


@dataclass(frozen=True, slots=True)
class AnnotationData:
    """The data files, loaded."""

    knowledge: Knowledge
    """Lexicon, places and situations: who a resolution may name."""
    taxonomy: Taxonomy
    lexicon: Lexicon


@dataclass(frozen=True, slots=True)
class ElementAnnotations:
    """What one element says about whom, and how strongly."""

    addressees: tuple[str, ...]
    """Ids of the actors asked or authorized, in order of first mention."""
    mentions: tuple[ActorMention, ...]
    """Every actor named in ``text``, addressees included, as spans on ``text``."""
    heading_mentions: tuple[ActorMention, ...]
    """Actors named in the element's heading, as spans on ``heading``."""
    themes: tuple[str, ...]
    """Ids of the themes, in taxonomy order."""
    verbs: tuple[VerbUse, ...]
    """Operative verbs in ``text``, in order (none for preambular paragraphs)."""


@dataclass(frozen=True, slots=True)
class Annotations:
    """The annotations of every element of one resolution, with the data they were made from."""

    elements: tuple[tuple[str, ElementAnnotations], ...]
    """(element id, annotations) in document order."""
    gazetteer: Gazetteer
    """The actors the ids in ``addressees`` and ``mentions`` refer to."""
    taxonomy: Taxonomy
    """The themes the ids in ``themes`` refer to."""
    lexicon: Lexicon
    """The verbs the ``verbs`` were found with, and whether each addresses an actor."""
    by_element: dict[str, ElementAnnotations] = field(default_factory=dict)
    """The same annotations by element id."""
    asked: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Actor id → ids of the elements that ask something of it."""
    named_in: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Actor id → ids of the elements that name it in their text or heading."""

    @classmethod
    def of(cls, elements: list[tuple[str, ElementAnnotations]], gazetteer: Gazetteer, taxonomy: Taxonomy, lexicon: Lexicon) -> Annotations:
        """Annotations with their lookups by element and by actor."""
        asked: dict[str, list[str]] = {}
        named_in: dict[str, list[str]] = {}
        for element_id, found in elements:
            for actor in found.addressees:
                asked.setdefault(actor, []).append(element_id)
            for actor in dict.fromkeys(m.actor for m in (*found.mentions, *found.heading_mentions)):
                named_in.setdefault(actor, []).append(element_id)
        return cls(
            tuple(elements), gazetteer, taxonomy, lexicon, dict(elements),
            {a: tuple(ids) for a, ids in asked.items()}, {a: tuple(ids) for a, ids in named_in.items()},
        )

    def for_element(self, element_id: str) -> ElementAnnotations:
        """The annotations of one element; KeyError for an unknown id."""
        return self.by_element[element_id]

    def addressing(self, actor_id: str) -> tuple[str, ...]:
        """Ids of the elements that ask something of the actor."""
        return self.asked.get(actor_id, ())

    def named(self) -> tuple[str, ...]:
        """Ids of the actors the resolution names (addressees are always named), in gazetteer order."""
        found = set(self.named_in) | set(self.asked)
        return tuple(actor.id for actor in self.gazetteer.actors if actor.id in found)

    def mentioning(self, actor_id: str) -> tuple[str, ...]:
        """Ids of the elements that name the actor in their text or heading."""
        return self.named_in.get(actor_id, ())

    def with_theme(self, theme_id: str) -> tuple[str, ...]:
        """Ids of the elements tagged with the theme."""
        return tuple(i for i, a in self.elements if theme_id in a.themes)

    def unlisted(self) -> tuple[Actor, ...]:
        """The actors the open-world fallback made from this resolution: not in the gazetteer."""
        return tuple(actor for actor in self.gazetteer.actors if not actor.listed)

    def as_dict(self) -> dict[str, object]:
        def spans(mentions: tuple[ActorMention, ...]) -> list[dict[str, object]]:
            return [{"actor": m.actor, "start": m.start, "end": m.end} for m in mentions]

        return {
            element_id: {
                "addressees": list(a.addressees),
                "mentions": spans(a.mentions),
                "heading_mentions": spans(a.heading_mentions),
                "themes": list(a.themes),
                "verbs": [{"lemma": v.lemma, "strength": v.strength, "start": v.start, "end": v.end} for v in a.verbs],
            }
            for element_id, a in self.elements
        }


def load_annotation_data(
    knowledge: Path = DATA, themes: Path = THEMES_FILE, verbs: Path = VERBS_FILE
) -> tuple[AnnotationData | None, list[Diagnostic]]:
    """The actors' data (lexicon, places, situations under ``knowledge``), taxonomy and verbs, or None with every problem."""
    found, problems = load_knowledge(knowledge)
    taxonomy, theme_problems = load_taxonomy(themes)
    lexicon, verb_problems = load_lexicon(verbs)
    problems += theme_problems + verb_problems
    if found is None or taxonomy is None or lexicon is None or any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return AnnotationData(found, taxonomy, lexicon), problems


@cache
def _default_data() -> tuple[AnnotationData | None, tuple[Diagnostic, ...]]:
    data, problems = load_annotation_data()
    return data, tuple(problems)


@dataclass(slots=True)
class _Annotator:
    """One resolution's annotation: its matcher, and the actors made from its text so far."""

    data: AnnotationData
    matcher: Matcher
    made: dict[str, Actor] = field(default_factory=dict)

    def known(self, actor_id: str) -> Actor | None:
        try:
            return self.matcher.actor(actor_id)
        except KeyError:
            return self.made.get(actor_id)

    def element(self, element: Element, inherited: tuple[str, ...]) -> list[tuple[str, ElementAnnotations]]:
        """The element's annotations and its items', passing its addressees down to items without verbs."""
        mentions = self.matcher.find_mentions(element.text)
        verbs = self.data.lexicon.find(element.text) if element.kind is not ElementKind.PREAMBULAR else ()
        addressees = inherited
        if verbs:
            found = find_addressees(element.text, verbs, mentions, self.data.lexicon, self.known)
            self.made.update({actor.id: actor for actor in found.made if actor.id not in self.made})
            addressees = found.actors
            mentions = tuple(sorted((*mentions, *found.mentions), key=lambda m: (m.start, m.end)))
        annotations = ElementAnnotations(
            addressees=addressees,
            mentions=mentions,
            heading_mentions=self.matcher.find_mentions(element.heading),
            themes=self.data.taxonomy.tag(element.text, element.heading),
            verbs=verbs,
        )
        found_here = [(element.id, annotations)]
        for item in element.items:
            found_here += self.element(item, addressees)
        return found_here


def annotate(resolution: Resolution, data: AnnotationData | None = None) -> Annotations:
    """Annotations for every element of ``resolution``, from ``data`` or the default data files.

    Raises :class:`AnnotationDataError` when the default data files have errors.
    """
    if data is None:
        data, problems = _default_data()
        if data is None:
            raise AnnotationDataError(list(problems))
    annotator = _Annotator(data, data.knowledge.matcher_for(resolution))
    found: list[tuple[str, ElementAnnotations]] = []
    for paragraph in (*resolution.preamble, *resolution.operative):
        found += annotator.element(paragraph, ())
    named = [m.actor for _, a in found for m in (*a.mentions, *a.heading_mentions)] + [x for _, a in found for x in a.addressees]
    gazetteer = annotator.matcher.gazetteer((n for n in named if n not in annotator.made), annotator.made.values())
    return Annotations.of(found, gazetteer, data.taxonomy, data.lexicon)

"""Annotation: who each element addresses, which actors it names, its themes and its verbs.

``annotate(resolution)`` runs after parsing and returns :class:`Annotations`, read by the page
renderer. All spans are ``(start, end)`` offsets into an element's ``text``; actors named in a
sub-paragraph's heading ("(d) Countering asymmetric attacks in active defence of MINUSMA’s
mandate") are kept apart in ``heading_mentions`` with offsets into ``heading``, and the heading
counts as text for themes.

Addressees are the actors the Council asks, urges, requests, authorizes, encourages or calls
upon. For each verb whose lexicon entry ``addresses``:

- "Verb X … to …": the actors named between the verb and its "to" (or the next verb), less
  asides such as "with the assistance of MINUSMA,";
- "Verb that X shall …" ("Decides that MINUSMA’s mandate shall include", "Demands that all armed
  groups in Mali put aside …"): the actors that open the that-clause.

"Decides to extend the mandate of MINUSMA" therefore addresses nobody: the Council acts itself.
A sub-paragraph without a verb of its own takes the addressees of the paragraph above it, so the
tasks listed under "Decides that X’s mandate shall include the following tasks:" are X's.
Preambular paragraphs address nobody: even "Urging …" there sets the context of the decisions,
it asks nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .actors import ACTORS_FILE, ActorMention, Gazetteer, load_gazetteer
from ..data_files import phrase_pattern
from ..model import Diagnostic, Element, ElementKind, Resolution, Severity
from .themes import THEMES_FILE, Taxonomy, load_taxonomy
from .verbs import VERBS_FILE, Lexicon, VerbUse, load_lexicon

_ADDRESSEE_END = re.compile(
    r"""
    \bto\b     # the infinitive that says what the addressee is asked to do
    | [;:]     # or the end of the clause
    """,
    re.VERBOSE,
)
_LIST_LINK = re.compile(
    r"""
    ^ (?: \s*,\s* (?:and\s+)? | \s+and\s+ )   # ', ' or ' and ' or ', and ' between two actors
      (?: the\s+ )? $                         # before an optional article
    """,
    re.VERBOSE,
)


class AnnotationDataError(Exception):
    """The YAML data files have errors; ``diagnostics`` lists them as FILE:LINE: error: … for the CLI."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(map(str, diagnostics)))
        self.diagnostics = diagnostics


@dataclass(frozen=True, slots=True)
class AnnotationData:
    """The three data files, loaded."""

    gazetteer: Gazetteer
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

    def for_element(self, element_id: str) -> ElementAnnotations:
        """The annotations of one element; KeyError for an unknown id."""
        for found_id, annotations in self.elements:
            if found_id == element_id:
                return annotations
        raise KeyError(element_id)

    def addressing(self, actor_id: str) -> tuple[str, ...]:
        """Ids of the elements that ask something of the actor."""
        return tuple(i for i, a in self.elements if actor_id in a.addressees)

    def named(self) -> tuple[str, ...]:
        """Ids of the actors the resolution names (addressees are always named), in gazetteer order."""
        found = {m.actor for _, a in self.elements for m in (*a.mentions, *a.heading_mentions)}
        found |= {actor for _, a in self.elements for actor in a.addressees}
        return tuple(actor.id for actor in self.gazetteer.actors if actor.id in found)

    def mentioning(self, actor_id: str) -> tuple[str, ...]:
        """Ids of the elements that name the actor in their text or heading."""
        return tuple(i for i, a in self.elements if any(m.actor == actor_id for m in (*a.mentions, *a.heading_mentions)))

    def with_theme(self, theme_id: str) -> tuple[str, ...]:
        """Ids of the elements tagged with the theme."""
        return tuple(i for i, a in self.elements if theme_id in a.themes)

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
    actors: Path = ACTORS_FILE, themes: Path = THEMES_FILE, verbs: Path = VERBS_FILE
) -> tuple[AnnotationData | None, list[Diagnostic]]:
    """The gazetteer, taxonomy and lexicon, or None with every problem in the three files."""
    gazetteer, problems = load_gazetteer(actors)
    taxonomy, theme_problems = load_taxonomy(themes)
    lexicon, verb_problems = load_lexicon(verbs)
    problems += theme_problems + verb_problems
    if gazetteer is None or taxonomy is None or lexicon is None or any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return AnnotationData(gazetteer, taxonomy, lexicon), problems


def _unique(ids: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(ids))


def _that_clause_subjects(text: str, mentions: list[ActorMention]) -> list[str]:
    """The actors opening a that-clause: the first named and those listed with it."""
    subjects: list[ActorMention] = []
    for mention in mentions:
        if subjects and not _LIST_LINK.match(text[subjects[-1].end : mention.start]):
            break
        subjects.append(mention)
    return [m.actor for m in subjects]


def find_addressees(text: str, verbs: tuple[VerbUse, ...], mentions: tuple[ActorMention, ...], lexicon: Lexicon) -> tuple[str, ...]:
    """Ids of the actors the verbs of ``text`` ask or authorize (see the module docstring)."""
    found: list[str] = []
    for index, use in enumerate(verbs):
        if not lexicon.by_lemma(use.lemma).addresses:
            continue
        end = verbs[index + 1].start if index + 1 < len(verbs) else len(text)
        rest = text[use.end : end]
        in_zone = [m for m in mentions if use.end <= m.start and m.end <= end]
        if re.match(r"\s+that\b", rest):
            found += _that_clause_subjects(text, in_zone)
            continue
        stop = _ADDRESSEE_END.search(rest)
        zone_end = use.end + (stop.start() if stop else len(rest))
        asides = [
            (match.start(), match.end())
            for opening in lexicon.asides
            for match in re.finditer(phrase_pattern(opening).pattern + r"[^,;]*", text[:zone_end])
        ]
        found += [
            m.actor
            for m in in_zone
            if m.end <= zone_end and not any(s <= m.start < e for s, e in asides)
        ]
    return _unique(found)


def _annotate(element: Element, inherited: tuple[str, ...], data: AnnotationData) -> list[tuple[str, ElementAnnotations]]:
    """The element's annotations and its items', passing its addressees down to items without verbs."""
    mentions = data.gazetteer.find_mentions(element.text)
    verbs = data.lexicon.find(element.text) if element.kind is not ElementKind.PREAMBULAR else ()
    addressees = find_addressees(element.text, verbs, mentions, data.lexicon) if verbs else inherited
    annotations = ElementAnnotations(
        addressees=addressees,
        mentions=mentions,
        heading_mentions=data.gazetteer.find_mentions(element.heading),
        themes=data.taxonomy.tag(element.text, element.heading),
        verbs=verbs,
    )
    found = [(element.id, annotations)]
    for item in element.items:
        found += _annotate(item, addressees, data)
    return found


def annotate(resolution: Resolution, data: AnnotationData | None = None) -> Annotations:
    """Annotations for every element of ``resolution``, from ``data`` or the default data files.

    Raises :class:`AnnotationDataError` when the default data files have errors.
    """
    if data is None:
        data, problems = load_annotation_data()
        if data is None:
            raise AnnotationDataError(problems)
    found: list[tuple[str, ElementAnnotations]] = []
    for paragraph in (*resolution.preamble, *resolution.operative):
        found += _annotate(paragraph, (), data)
    return Annotations(tuple(found), data.gazetteer, data.taxonomy, data.lexicon)

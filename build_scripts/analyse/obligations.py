"""Obligations: what the resolution asks actors to report, tell, plan or do, and by when.

``find_obligations(resolution, annotations)`` reads the operative part, clause by clause, and
returns one :class:`Obligation` per trigger of ``data/obligations.yml`` (a report, keeping the
Council informed, a plan) and one per other request that sets a time ("submit a work programme
within 30 days"), in document order, with warnings. What the output promises:

- only operative elements, and only clauses governed by a request-type verb (one whose lexicon
  entry ``addresses`` an actor: requests, calls upon, urges, directs, decides that …); "Decides
  to …" is the Council acting itself, and a preambular mention of a report is no obligation;
  items under a chapeau that ends with a colon are governed by the chapeau's verb;
- ``text[start:end]`` is the trigger phrase, or for a request with a time and no trigger the
  words that give the time;
- ``actors`` are ids of the gazetteer: the addressees of the verb that governs the phrase;
- each :class:`Deadline` is one time the clause sets (see :mod:`deadlines`): a day, an interval
  anchored to the adoption, a day printed before it or the end of the mandate, a recurrence or
  "regularly"; an obligation's ``due`` lists the days they give, with how they were computed;
- a deadline before the first trigger of its clause belongs to that trigger, any other to the
  trigger before it ("keep it regularly informed …, and … a report no later than 15 October 2008").
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..data_files import DATA, missing_keys, read_entries
from ..model import Diagnostic, Element, Resolution, Severity
from .annotate import Annotations, ElementAnnotations
from .dates import add_months
from .deadlines import Deadline, Deadlines, Timing, mandate_end
from .mandate import phrase_search
from .verbs import Lexicon, VerbUse

OBLIGATIONS_FILE = DATA / "obligations.yml"

__all__ = ["Deadline", "Obligation", "ObligationKind", "Timing", "Trigger", "add_months", "find_obligations", "load_triggers", "mandate_end"]


class ObligationKind(str, Enum):
    """What the actor must produce."""

    REPORT = "report"
    """A report to the Council."""
    INFORM = "inform"
    """Keeping the Council informed, or briefing it."""
    PLAN = "plan"
    """A plan to develop."""
    ACT = "act"
    """Any other request that sets a time: 'submit a work programme within 30 days'."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """One entry of ``data/obligations.yml``."""

    kind: ObligationKind
    meaning: str
    """What the kind means, as the page explains it."""
    phrases: tuple[str, ...]
    """Phrases that signal the obligation; '…' stands for one to six words."""
    line: int
    """Line of the entry in the YAML file."""


@dataclass(frozen=True, slots=True)
class Obligation:
    """A request to report, inform, plan or act, with who, when and the element that says so."""

    element_id: str
    """The element whose text holds the trigger."""
    kind: ObligationKind
    start: int
    """Offset of the trigger phrase (or of the time, for ACT) in the element's text."""
    end: int
    """Offset just past it."""
    actors: tuple[str, ...]
    """Gazetteer ids of who must act."""
    timing: Timing
    """How the first of its deadlines says when; UNSPECIFIED when none does."""
    timing_text: str
    """The words that say when, as printed ('every three months after the adoption'); '' if none."""
    due: tuple[datetime.date, ...]
    """Every due date: the deadlines, then a recurrence's dates within the mandate; () if none."""
    computation: str
    """How ``due`` was computed, or why there is no date."""
    focus: tuple[str, ...]
    """Ids of the items that list what to cover (47 (i)–(iii)), if any."""
    clause_start: int = 0
    """Offset of the request's clause: from the verb that governs the trigger to the next verb."""
    clause_end: int = 0
    deadlines: tuple[Deadline, ...] = ()
    """Each time the text sets for it, in text order."""
    text: str = ""
    """The words of the request's clause."""

    @property
    def recurrence(self) -> str:
        """The first recurrence of its deadlines ('P3M', 'regular'), or ''."""
        return next((d.recurrence for d in self.deadlines if d.recurrence), "")

    def as_dict(self) -> dict[str, object]:
        return {
            "element": self.element_id,
            "kind": self.kind.value,
            "actors": list(self.actors),
            "due": self.due[0].isoformat() if self.due else None,
            "due_dates": [day.isoformat() for day in self.due],
            "recurrence": self.recurrence or None,
            "timing": self.timing.value,
            "timing_text": self.timing_text or None,
            "computation": self.computation,
            "text": self.text,
            "focus": list(self.focus),
        }


COUNCIL_ACTS = re.compile(r"\s+(?:(?:also|further|therefore)\s+)?to\b")
"""'Decides to …' right after the verb: the Council acts itself and asks nobody."""


def load_triggers(path: Path = OBLIGATIONS_FILE) -> tuple[tuple[Trigger, ...], list[Diagnostic]]:
    """The triggers in ``path``, with every problem found (file, line and key)."""
    entries, problems = read_entries(path, "triggers")
    triggers = []
    kinds = {kind.value: kind for kind in ObligationKind}
    for line, values, _lines in entries:
        required = ("kind", "meaning") if values.get("kind") == ObligationKind.ACT.value else ("kind", "meaning", "phrases")
        missing = missing_keys(path, line, values, required, "trigger")
        if not missing and values["kind"] not in kinds:
            missing.append(Diagnostic(str(path), line, Severity.ERROR, f"unknown kind {values['kind']!r}: use one of {', '.join(kinds)}"))
        problems += missing
        if not missing:
            phrases = values.get("phrases") or []
            phrases = tuple(str(p) for p in phrases) if isinstance(phrases, list) else (str(phrases),)
            triggers.append(Trigger(kinds[str(values["kind"])], str(values["meaning"]), phrases, line))
    return tuple(triggers), problems


def _trigger_spans(text: str, start: int, end: int, triggers: tuple[Trigger, ...]) -> list[tuple[int, int, ObligationKind]]:
    """The trigger phrases in ``text[start:end]``, earliest and longest first, none overlapping."""
    spans = sorted(
        ((match.start(), -match.end(), trigger.kind) for trigger in triggers for phrase in trigger.phrases
         for match in phrase_search(phrase).finditer(text, start, end)),
    )
    taken: list[tuple[int, int, ObligationKind]] = []
    for first, negative_end, kind in spans:
        last = -negative_end
        if all(last <= s or first >= e for s, e, _ in taken):
            taken.append((first, last, kind))
    return taken


def _actors(found: ElementAnnotations, start: int) -> tuple[str, ...]:
    """Who the verb governing ``text[start]`` addresses: the addressees it names before ``start``, or all of the element's."""
    before = [v for v in found.verbs if v.start < start]
    if not before:
        return found.addressees
    named = [m.actor for m in found.mentions if before[-1].end <= m.start < start and m.actor in found.addressees]
    return tuple(dict.fromkeys(named)) or found.addressees


def _requests(verb: VerbUse | None, text: str, lexicon: Lexicon, own: bool) -> bool:
    """Whether a clause governed by ``verb`` asks something of an actor."""
    if verb is None or verb.closing or not lexicon.by_lemma(verb.lemma).addresses:
        return False
    return not (own and COUNCIL_ACTS.match(text, verb.end))


def find_obligations(
    resolution: Resolution,
    annotations: Annotations,
    triggers: tuple[Trigger, ...] | None = None,
    *,
    source: str = "",
    by_element: dict[str, ElementAnnotations] | None = None,
) -> tuple[tuple[Obligation, ...], list[Diagnostic]]:
    """Every request to report, inform, plan or act by a time, in document order, with warnings.

    ``source`` names the text file in warnings, which give the element's source line;
    ``by_element`` is the annotations by element id, when the caller has it already.
    """
    problems: list[Diagnostic] = []
    if triggers is None:
        triggers, problems = load_triggers()
    lookup = by_element if by_element is not None else dict(annotations.elements)
    timings = Deadlines(resolution, source)
    found: list[Obligation] = []

    def visit(element: Element, inherited: VerbUse | None, inherited_requests: bool) -> None:
        annotated = lookup[element.id]
        verbs = annotated.verbs
        text = element.text
        bounds = [(0, verbs[0].start if verbs else len(text), inherited, inherited_requests)] if not verbs or verbs[0].start > 0 else []
        for index, verb in enumerate(verbs):
            bounds.append((verb.start, verbs[index + 1].start if index + 1 < len(verbs) else len(text), verb, _requests(verb, text, annotations.lexicon, True)))
        for start, end, verb, requests in bounds:
            if requests and end > start:
                found.extend(_clause(element, annotated, start, end, triggers, timings, problems, source))
        governing = verbs[-1] if verbs else inherited
        chapeau_requests = bounds[-1][3] if bounds else inherited_requests
        if text.rstrip().endswith(":") and governing is not None and not chapeau_requests:
            chapeau_requests = _requests(governing, text, annotations.lexicon, False)  # 'Decides to establish X to undertake the following tasks:'
        for item in element.items:
            visit(item, governing, chapeau_requests)

    for paragraph in resolution.operative:
        visit(paragraph, None, False)
    return tuple(found), problems + timings.warnings


def _clause(
    element: Element, annotated: ElementAnnotations, start: int, end: int, triggers: tuple[Trigger, ...],
    timings: Deadlines, problems: list[Diagnostic], source: str,
) -> list[Obligation]:
    """The obligations of one clause governed by a request-type verb."""
    text = element.text
    spans = _trigger_spans(text, start, end, triggers)
    deadlines = timings.find(element, start, end)
    focus = tuple(item.id for item in element.items) if text.rstrip().endswith(":") else ()
    words = text[start:end].strip(" ,;")
    if not spans:
        if not deadlines or all(d.timing is Timing.WHEN_OCCURRING for d in deadlines):
            return []
        first = deadlines[0]
        return [_obligation(element, annotated, ObligationKind.ACT, first.start, first.end, tuple(deadlines), focus, start, end, words, timings, problems, source)]
    owned: dict[int, list[Deadline]] = {index: [] for index in range(len(spans))}
    for deadline in deadlines:
        earlier = [index for index, (s, _e, _k) in enumerate(spans) if s <= deadline.start]
        owned[earlier[-1] if earlier else 0].append(deadline)
    return [
        _obligation(element, annotated, kind, s, e, tuple(owned[index]), focus, start, end, words, timings, problems, source)
        for index, (s, e, kind) in enumerate(spans)
    ]


def _obligation(
    element: Element, annotated: ElementAnnotations, kind: ObligationKind, start: int, end: int, deadlines: tuple[Deadline, ...],
    focus: tuple[str, ...], clause_start: int, clause_end: int, words: str, timings: Deadlines, problems: list[Diagnostic], source: str,
) -> Obligation:
    actors = _actors(annotated, start)
    if not actors:
        problems.append(Diagnostic(source, element.line, Severity.WARNING, f"{element.id}: no actor found for “{element.text[start:end]}”"))
    if not deadlines:
        return Obligation(element.id, kind, start, end, actors, Timing.UNSPECIFIED, "", (), "No date given.", focus, clause_start, clause_end, (), words)
    due, how = timings.due_dates(deadlines)
    said = "; ".join(d.said for d in deadlines)
    return Obligation(element.id, kind, start, end, actors, deadlines[0].timing, said, due, how, focus, clause_start, clause_end, deadlines, words)



"""The mandate: which paragraphs give a mission, force, panel or committee its mandate and tasks.

``find_mandate(resolution, annotations)`` reads the operative part for the phrases of
``data/mandate.yml`` and the pattern of ``facts.MANDATE_END``, and returns a :class:`Mandate`
with the problems of the data file. Nothing is known in advance about any one resolution: the
paragraphs are found from their words and the bodies are named as the text names them. What the
output promises:

- ``grants`` are the elements that extend or renew a mandate ("Decides to extend the mandate of
  X until …", "renew the mandates of A (ACRONYM) and of B …, until …"), with the bodies named and
  the end date as printed ('' when the text gives none);
- ``task_lists`` are the operative paragraphs with sub-paragraphs whose chapeau holds a
  task-list phrase ("Decides that X’s mandate shall include the following priority tasks:",
  "Further authorizes X to … the following tasks:"), each with every sub-paragraph, item and
  indent as a :class:`Task`;
- ``requests`` are the other operative paragraphs whose verb asks or authorizes a mandated body
  by name ("Requests X, within its existing resources and mandate, to support …");
- ``force`` are the elements that authorize force: a force phrase and an authorizing word;
- ``applies`` is False when no element gives a mandate (a thematic or sanctions text): such a
  resolution has no mandate page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..data_files import DATA, missing_keys, phrase_pattern, read_entries
from ..model import Diagnostic, Element, ElementKind, Resolution, Severity
from .annotate import Annotations
from .facts import body_names, mandate_until

MANDATE_FILE = DATA / "mandate.yml"

LEADING_VERBS = re.compile(
    r"""
    ^ (?P<lead>[^,;]*?,\s*)?                                     # 'In support of the national authorities, '
    to \s+ (?:(?:continue \s+ to|further|also|fully) \s+)?        # 'to continue to', 'to further': not the task itself
    (?P<first>(?:help\s+)?[a-z]+)                                 # 'To support'
    (?P<more>(?: ,\s* (?:help\s+)?[a-z]+ )* \s+ and \s+ (?:help\s+)?[a-z]+)?   # ', monitor and supervise': only a list closed by 'and'
    """,
    re.VERBOSE | re.IGNORECASE,
)

CHAPEAU_BODIES = (
    re.compile(r"""(?P<body>\b[A-Z][\w-]*[A-Z][\w-]*)['’]s \s+ mandate\b   # 'X’s mandate shall include'""", re.X),
    re.compile(
        r"""\bmandates? \s+ of \s+ (?P<body>[^,;:]+?)                         # 'the mandate of X shall include'
            (?= \s+ (?:shall|should|will|is|until|for|as|to)\b | [,;:] )""",
        re.X,
    ),
    re.compile(r"""\b(?i:authori[sz]e[sd]?) \s+ (?P<body>[A-Z][^,;:]*?) (?= \s+to\b | , )   # 'Authorizes X to use', 'Further authorizes X, …'""", re.X),
    re.compile(r"""\bthat \s+ (?P<body>[^,;:]+?) \s+ (?:shall|should|will)\b   # 'Decides that X shall have the following mandate'""", re.X),
    re.compile(r"""(?P<body>\b[A-Z][^,;:]*?) \s+ (?:is|are) \s+ (?i:authori[sz]ed)\b    # 'Decides that, until …, X is authorized to fulfil'""", re.X),
)
"""Where a task list's chapeau names the body, tried in this order."""


class PhraseKind(str, Enum):
    """What a group of phrases in ``data/mandate.yml`` signals."""

    TASK_LIST = "task-list"
    """A chapeau whose sub-paragraphs are mandated tasks."""
    PRIORITY = "priority"
    """A task list of priority tasks."""
    FORCE = "force"
    """The words of force ('all necessary means')."""
    AUTHORIZING = "authorizing"
    """The words of an authorization ('authorizes')."""


@dataclass(frozen=True, slots=True)
class MandatePhrases:
    """The phrases of ``data/mandate.yml``, by kind."""

    task_list: tuple[str, ...]
    priority: tuple[str, ...]
    force: tuple[str, ...]
    authorizing: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Task:
    """One task of a task list: a sub-paragraph, item or indent."""

    element_id: str
    heading: str
    """The sub-paragraph's heading, inherited by its items ('Good offices and reconciliation')."""
    modality: tuple[str, ...]
    """The leading verbs, lower case: ('support', 'monitor', 'supervise'); () when none leads."""
    depth: int
    """1 for a sub-paragraph, 2 for its items, 3 for their indents."""


@dataclass(frozen=True, slots=True)
class Grant:
    """An element that extends or renews a mandate."""

    element_id: str
    bodies: tuple[str, ...]
    """As the text names them: ('UNOCI', 'French forces')."""
    until: str
    """The end date as printed ('31 January 2009'); '' when the text gives none."""


@dataclass(frozen=True, slots=True)
class TaskList:
    """An operative paragraph whose sub-paragraphs are mandated tasks."""

    element_id: str
    bodies: tuple[str, ...]
    """Who is given the tasks, as the chapeau names them; () when it names none."""
    priority: bool
    """Whether the chapeau calls them priority tasks."""
    tasks: tuple[Task, ...]


@dataclass(frozen=True, slots=True)
class Request:
    """An operative paragraph that asks or authorizes a mandated body by name."""

    element_id: str
    bodies: tuple[str, ...]
    modality: tuple[str, ...]
    """The verbs of what it is asked to do: ('support',) for "Requests X … to support …"."""


@dataclass(frozen=True, slots=True)
class Force:
    """An element that authorizes force."""

    element_id: str
    phrase: str
    """The words of force as printed: 'all necessary means'."""
    bodies: tuple[str, ...]
    """Who is authorized, as the text names them; () when it cannot tell."""


@dataclass(frozen=True, slots=True)
class Mandate:
    """What one resolution mandates, and to whom (see the module docstring)."""

    grants: tuple[Grant, ...] = ()
    task_lists: tuple[TaskList, ...] = ()
    requests: tuple[Request, ...] = ()
    force: tuple[Force, ...] = ()

    @property
    def applies(self) -> bool:
        """Whether any element gives a mandate: the resolution has a mandate page."""
        return bool(self.grants or self.task_lists)

    @property
    def bodies(self) -> tuple[str, ...]:
        """Every mandated body, in order of first mention."""
        return tuple(dict.fromkeys(b for found in (*self.grants, *self.task_lists) for b in found.bodies))


def load_phrases(path: Path = MANDATE_FILE) -> tuple[MandatePhrases | None, list[Diagnostic]]:
    """The phrases in ``path``, or None with every problem found (file, line and key)."""
    entries, problems = read_entries(path, "phrases")
    kinds = {kind.value: kind for kind in PhraseKind}
    found: dict[PhraseKind, list[str]] = {kind: [] for kind in PhraseKind}
    for line, values, _lines in entries:
        missing = missing_keys(path, line, values, ("kind", "meaning", "phrases"), "phrase group")
        if not missing and values["kind"] not in kinds:
            missing.append(Diagnostic(str(path), line, Severity.ERROR, f"unknown kind {values['kind']!r}: use one of {', '.join(kinds)}"))
        problems += missing
        if not missing:
            phrases = values["phrases"] if isinstance(values["phrases"], list) else [values["phrases"]]
            found[kinds[str(values["kind"])]] += [str(phrase) for phrase in phrases]
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return MandatePhrases(*(tuple(found[kind]) for kind in PhraseKind)), problems


def phrase_search(phrase: str) -> re.Pattern[str]:
    """A phrase of ``data/mandate.yml`` as a pattern: whole words, any case; '…' stands for one to six words."""
    parts = [phrase_pattern(part).pattern for part in phrase.split("…")]
    return re.compile(r"\s+(?:\S+\s+){0,5}?".join(parts), re.IGNORECASE)


def is_task_list(chapeau: str, phrases: MandatePhrases) -> bool:
    """Whether a chapeau introduces mandated tasks (its paragraph must also have sub-paragraphs)."""
    return _contains(chapeau, phrases.task_list) is not None


def _contains(text: str, phrases: tuple[str, ...]) -> re.Match[str] | None:
    matches = [m for phrase in phrases if (m := phrase_search(phrase).search(text))]
    return min(matches, key=lambda m: m.start()) if matches else None


def leading_verbs(text: str) -> tuple[str, ...]:
    """The verbs a task opens with: 'To support, monitor and supervise …' → ('support', 'monitor', 'supervise')."""
    match = LEADING_VERBS.match(text)
    if not match:
        return ()
    more = re.split(r"\s*,\s*|\s*\band\s+", match["more"].strip()) if match["more"] else []
    return tuple(dict.fromkeys(word.lower() for word in (match["first"], *more) if word.strip(", ")))


def tasks_of(paragraph: Element) -> tuple[Task, ...]:
    """The sub-paragraphs, items and indents of a paragraph, each with its heading and modality."""
    tasks: list[Task] = []

    def visit(element: Element, heading: str, depth: int) -> None:
        heading = element.heading or heading
        tasks.append(Task(element.id, heading, leading_verbs(element.text), depth))
        for item in element.items:
            visit(item, heading, depth + 1)

    for item in paragraph.items:
        visit(item, "", 1)
    return tuple(tasks)


def mandate_tasks(resolution: Resolution, paragraph: int) -> tuple[Task, ...]:
    """The tasks under operative paragraph ``paragraph``; () when there is no such paragraph."""
    return next((tasks_of(p) for p in resolution.operative if p.number == paragraph), ())


def chapeau_bodies(chapeau: str) -> tuple[str, ...]:
    """Who a task list's chapeau gives the tasks to, as it names them; () when it names none."""
    for pattern in CHAPEAU_BODIES:
        if match := pattern.search(chapeau):
            return body_names(match["body"])
    return ()


def _request(paragraph: Element, annotations: Annotations, names: tuple[str, ...]) -> Request | None:
    """The paragraph as a request to the bodies it asks by name right after an addressing verb."""
    if not names:
        return None
    alternatives = "|".join(phrase_pattern(name).pattern for name in sorted(names, key=len, reverse=True))
    addressed = re.compile(rf"\s*(?:the\s+)?(?P<body>{alternatives})(?!['’]s\b)")
    for use in annotations.for_element(paragraph.id).verbs:
        if not annotations.lexicon.by_lemma(use.lemma).addresses:
            continue
        if match := addressed.match(paragraph.text, use.end):
            body = next(name for name in names if phrase_pattern(name).fullmatch(match["body"]))
            rest = paragraph.text[match.end() :]
            infinitive = re.search(r"\bto\s+(?!the\b)", rest)  # 'X and all military forces in Mali to take …'
            modality = leading_verbs(rest.lstrip(" ,")) or (leading_verbs(rest[infinitive.start() :]) if infinitive else ())
            return Request(paragraph.id, (body,), modality)
    return None


def find_mandate(resolution: Resolution, annotations: Annotations, phrases: MandatePhrases | None = None) -> tuple[Mandate, list[Diagnostic]]:
    """What the resolution mandates, and to whom (see the module docstring), with the data file's problems."""
    problems: list[Diagnostic] = []
    if phrases is None:
        phrases, problems = load_phrases()
        if phrases is None:
            return Mandate(), problems
    grants, task_lists, force = [], [], []
    for element in resolution.elements():
        if element.kind is not ElementKind.PREAMBULAR and (found := mandate_until(element.text)):
            grants.append(Grant(element.id, *found))
        if (words := _contains(element.text, phrases.force)) and _contains(element.text, phrases.authorizing):
            force.append(Force(element.id, words.group(0), chapeau_bodies(element.text[: words.start()])))
    for paragraph in resolution.operative:
        if paragraph.items and is_task_list(paragraph.text, phrases):
            priority = _contains(paragraph.text, phrases.priority) is not None
            task_lists.append(TaskList(paragraph.id, chapeau_bodies(paragraph.text), priority, tasks_of(paragraph)))
    mandate = Mandate(tuple(grants), tuple(task_lists), force=tuple(force))
    names = mandate.bodies
    listed = {g.element_id for g in grants} | {t.element_id for t in task_lists}
    requests = [r for p in resolution.operative if p.id not in listed and (r := _request(p, annotations, names))]
    return Mandate(mandate.grants, mandate.task_lists, tuple(requests), mandate.force), problems

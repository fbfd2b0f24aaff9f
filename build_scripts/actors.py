"""Actors: the gazetteer in ``data/actors.yml`` and the spans where each actor is named.

``load_gazetteer`` reads the YAML into typed :class:`Actor` values; ``Gazetteer.find_mentions``
returns ``(start, end)`` spans on an element's text. Where surface forms overlap the longest
wins and spans never overlap, so "the Secretary-General" is never found inside "Special
Representative of the Secretary-General for Mali".

The two helpers ``read_entries`` and ``phrase_pattern`` are shared with ``themes`` and ``verbs``,
which read YAML data files the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import yaml

from .model import Diagnostic, Severity

DATA = Path(__file__).resolve().parent / "data"
ACTORS_FILE = DATA / "actors.yml"


class ActorKind(str, Enum):
    """What sort of actor an entry is."""

    UN_ORGAN_OR_OFFICIAL = "un-organ-or-official"
    UN_MISSION = "un-mission"
    STATE_OR_GOVERNMENT = "state-or-government"
    ARMED_GROUP_PARTY = "armed-group-party"
    """A party to the conflict or to the Agreement (the Plateforme, the Coordination, …)."""
    TERRORIST_GROUP = "terrorist-group"
    REGIONAL_OR_INTERNATIONAL_ORGANIZATION = "regional-or-international-organization"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Acronym:
    """A short form and what it stands for."""

    acronym: str
    """As printed: 'MINUSMA', 'EUTM Mali', 'MoUs'."""
    expansion: str
    """The full name."""
    description: str = ""
    """For terms that are not actors: what the thing is."""


@dataclass(frozen=True, slots=True)
class Actor:
    """One entry of the gazetteer."""

    id: str
    """URL slug, e.g. 'secretary-general'."""
    name: str
    """Display name."""
    kind: ActorKind
    """What sort of actor it is."""
    description: str
    """One line for readers."""
    aliases: tuple[str, ...]
    """Surface forms matched in the text (case-sensitive)."""
    acronyms: tuple[Acronym, ...]
    """Short forms with expansions; each short form is matched like an alias."""
    absent: str
    """Why the actor has no mention of its own in the text ('' when it has)."""
    line: int
    """Line of the entry in the YAML file."""

    @property
    def surface_forms(self) -> tuple[str, ...]:
        """Everything that names the actor: aliases, then acronyms."""
        return self.aliases + tuple(acronym.acronym for acronym in self.acronyms)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor named at ``text[start:end]``."""

    actor: str
    """Id of the actor."""
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """The loaded actors, glossary terms and the phrases that must not count as actors."""

    actors: tuple[Actor, ...]
    """In file order."""
    terms: tuple[Acronym, ...]
    """Acronyms that name no actor (HRDDP, SSR, …)."""
    matchers: tuple[tuple[re.Pattern[str], str], ...]
    """One compiled pattern per surface form with its actor id ('' for a not-an-actor phrase)."""

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id; KeyError for an unknown id (a bug, not bad input)."""
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)

    def acronyms(self) -> tuple[Acronym, ...]:
        """Every acronym, of actors and of terms, for a glossary."""
        return tuple(a for actor in self.actors for a in actor.acronyms) + self.terms

    def find_mentions(self, text: str) -> tuple[ActorMention, ...]:
        """Non-overlapping actor spans in ``text``, in order; the longest match wins."""
        candidates = [
            (match.start(), match.end(), actor_id)
            for pattern, actor_id in self.matchers
            for match in pattern.finditer(text)
        ]
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        taken: list[tuple[int, int, str]] = []
        for start, end, actor_id in candidates:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, actor_id))
        return tuple(ActorMention(a, s, e) for s, e, a in sorted(taken) if a)


def phrase_pattern(phrase: str, *, ignore_case: bool = False) -> re.Pattern[str]:
    """A pattern for a literal phrase as whole words; ' matches ’ and any spaces match any spaces."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    body = re.sub("['’]", "['’]", body)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE if ignore_case else 0)


def _python(node: yaml.Node) -> object:
    """The plain Python value of a YAML node (str, int, bool, list, dict)."""
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def read_entries(path: Path, section: str) -> tuple[list[tuple[int, dict[str, object], dict[str, int]]], list[Diagnostic]]:
    """The mappings listed under ``section`` as (line, values, line of each key), or the problems.

    Lines are 1-based so that diagnostics read ``FILE:LINE: error: …``.
    """
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
    except OSError as problem:
        return [], [Diagnostic(str(path), 0, Severity.ERROR, f"cannot read the file: {problem.strerror}")]
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        return [], [Diagnostic(str(path), mark.line + 1 if mark else 0, Severity.ERROR, f"malformed YAML: {problem}")]
    if not isinstance(root, yaml.MappingNode):
        return [], [Diagnostic(str(path), 1, Severity.ERROR, f"expected a mapping with the key '{section}'")]
    sections = {key.value: value for key, value in root.value}
    node = sections.get(section)
    if node is None:
        return [], []
    if not isinstance(node, yaml.SequenceNode):
        return [], [Diagnostic(str(path), node.start_mark.line + 1, Severity.ERROR, f"'{section}' must be a list")]
    entries: list[tuple[int, dict[str, object], dict[str, int]]] = []
    problems: list[Diagnostic] = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            problems.append(Diagnostic(str(path), line, Severity.ERROR, f"each entry of '{section}' must be a mapping"))
            continue
        values = {key.value: _python(value) for key, value in item.value}
        lines = {key.value: key.start_mark.line + 1 for key, _ in item.value}
        entries.append((line, values, lines))
    return entries, problems


def missing_keys(path: Path, line: int, values: dict[str, object], required: tuple[str, ...], what: str) -> list[Diagnostic]:
    """One error per required key that is absent or empty, naming the entry and the key."""
    name = values.get("id") or values.get("verb") or values.get("acronym") or values.get("phrase") or "?"
    return [
        Diagnostic(str(path), line, Severity.ERROR, f"{what} '{name}' is missing key '{key}'")
        for key in required
        if values.get(key) in (None, "", [])
    ]


def _strings(value: object) -> tuple[str, ...]:
    return tuple(str(item) for item in value) if isinstance(value, list) else ()


def load_gazetteer(path: Path = ACTORS_FILE) -> tuple[Gazetteer | None, list[Diagnostic]]:
    """The gazetteer in ``path``, or None with every problem found (file, line and key)."""
    actor_entries, problems = read_entries(path, "actors")
    term_entries, term_problems = read_entries(path, "terms")
    excluded_entries, excluded_problems = read_entries(path, "not_actors")
    problems += term_problems + excluded_problems
    actors: list[Actor] = []
    kinds = {kind.value: kind for kind in ActorKind}
    for line, values, lines in actor_entries:
        missing = missing_keys(path, line, values, ("id", "name", "kind", "description"), "actor")
        if not values.get("aliases") and not values.get("acronyms"):
            missing.append(Diagnostic(str(path), line, Severity.ERROR, f"actor '{values.get('id', '?')}' needs 'aliases' or 'acronyms'"))
        if values.get("kind") and values["kind"] not in kinds:
            missing.append(Diagnostic(str(path), lines["kind"], Severity.ERROR, f"actor '{values.get('id')}' has unknown kind '{values['kind']}' (one of: {', '.join(kinds)})"))
        acronyms = values.get("acronyms") or []
        if not isinstance(acronyms, list) or not all(isinstance(a, dict) and a.get("acronym") and a.get("expansion") for a in acronyms):
            missing.append(Diagnostic(str(path), lines.get("acronyms", line), Severity.ERROR, f"actor '{values.get('id')}': each acronym needs keys 'acronym' and 'expansion'"))
            acronyms = []
        if any(actor.id == values.get("id") for actor in actors):
            missing.append(Diagnostic(str(path), line, Severity.ERROR, f"duplicate actor id '{values['id']}'"))
        if missing:
            problems += missing
            continue
        actors.append(
            Actor(
                id=str(values["id"]),
                name=str(values["name"]),
                kind=kinds[str(values["kind"])],
                description=str(values["description"]),
                aliases=_strings(values.get("aliases")),
                acronyms=tuple(Acronym(str(a["acronym"]), str(a["expansion"])) for a in acronyms),
                absent=str(values.get("absent") or ""),
                line=line,
            )
        )
    terms: list[Acronym] = []
    for line, values, _ in term_entries:
        missing = missing_keys(path, line, values, ("acronym", "expansion", "description"), "term")
        problems += missing
        if not missing:
            terms.append(Acronym(str(values["acronym"]), str(values["expansion"]), str(values["description"])))
    excluded: list[str] = []
    for line, values, _ in excluded_entries:
        missing = missing_keys(path, line, values, ("phrase", "reason"), "not_actors entry")
        problems += missing
        if not missing:
            excluded.append(str(values["phrase"]))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    matchers = tuple((phrase_pattern(form), actor.id) for actor in actors for form in actor.surface_forms)
    matchers += tuple((phrase_pattern(phrase), "") for phrase in excluded)
    return Gazetteer(tuple(actors), tuple(terms), matchers), problems

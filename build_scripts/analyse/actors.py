"""Actors: the gazetteer in ``data/actors.yml`` and the spans where each actor is named.

``load_gazetteer`` reads the YAML into typed :class:`Actor` values; ``Gazetteer.find_mentions``
returns ``(start, end)`` spans on an element's text. Where surface forms overlap the longest
wins and spans never overlap, so "the Secretary-General" is never found inside "Special
Representative of the Secretary-General for Mali".

The YAML is read with ``data_files``, as the themes, verbs and obligations are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..data_files import DATA, missing_keys, phrase_pattern, read_entries
from ..model import Diagnostic, Severity

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

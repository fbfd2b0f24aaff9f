"""Obligations: what the resolution asks actors to report, tell or plan, and when.

``find_obligations(resolution, annotations)`` reads every element's text for the triggers in
``data/obligations.yml`` and returns one :class:`Obligation` per trigger found, in document order,
with warnings for triggers it cannot attribute to an actor. What the output promises:

- ``text[start:end]`` is the trigger phrase, in the element that is the evidence;
- ``actors`` are ids of the gazetteer: the addressees of the Council's verb that governs the
  phrase (the last verb before it), or of the element when no verb does;
- ``due`` is computed only from a date the resolution gives itself (its adoption, its mandate's
  end), and ``computation`` says how; an obligation with no computable date says "no date given".
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from ..data_files import DATA, missing_keys, phrase_pattern, read_entries
from .annotate import Annotations
from .facts import mandate_until, parse_date
from ..model import Diagnostic, Element, Resolution, Severity

OBLIGATIONS_FILE = DATA / "obligations.yml"


class ObligationKind(str, Enum):
    """What the actor must produce."""

    REPORT = "report"
    """A report to the Council."""
    INFORM = "inform"
    """Keeping the Council informed."""
    PLAN = "plan"
    """A plan to develop."""


class Timing(str, Enum):
    """How the text says when."""

    RECURRING = "recurring"
    """At a fixed interval from the adoption: 'every three months after the adoption'."""
    DEADLINE = "deadline"
    """Once, by a time after the adoption: 'within 180 days after the adoption'."""
    REGULAR = "regular"
    """Regularly, with no interval given."""
    WHEN_OCCURRING = "when-occurring"
    """Whenever something happens: 'if such cases of misconduct occur'."""
    UNSPECIFIED = "unspecified"
    """The text gives no time."""


@dataclass(frozen=True, slots=True)
class Trigger:
    """One entry of ``data/obligations.yml``."""

    kind: ObligationKind
    meaning: str
    """What the kind means, as the page explains it."""
    phrases: tuple[str, ...]
    """Literal phrases that signal the obligation."""
    line: int
    """Line of the entry in the YAML file."""


@dataclass(frozen=True, slots=True)
class Obligation:
    """A request to report, inform or plan, with who, when and the element that says so."""

    element_id: str
    """The element whose text holds the trigger."""
    kind: ObligationKind
    start: int
    """Offset of the trigger phrase in the element's text."""
    end: int
    """Offset just past it."""
    actors: tuple[str, ...]
    """Gazetteer ids of who must act."""
    timing: Timing
    timing_text: str
    """The words that say when, as printed ('every three months after the adoption'); '' if none."""
    due: tuple[datetime.date, ...]
    """The deadline, or the due dates of a recurring obligation within the mandate; () if none."""
    computation: str
    """How ``due`` was computed, or why there is no date."""
    focus: tuple[str, ...]
    """Ids of the items that list what to cover (47 (i)–(iii)), if any."""
    clause_start: int = 0
    """Offset of the request's clause: from the verb that governs the trigger to the next verb."""
    clause_end: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "element": self.element_id,
            "kind": self.kind.value,
            "actors": list(self.actors),
            "timing": self.timing.value,
            "timing_text": self.timing_text or None,
            "due": [day.isoformat() for day in self.due],
            "computation": self.computation,
            "focus": list(self.focus),
        }


NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")

RECURRING = re.compile(
    r"""
    every \s+ (?P<count>\d+|[a-z]+) \s+        # 'every three'
    (?P<unit>day|week|month|year)s? \s+         # 'months'
    after \s+ the \s+ adoption                  # counted from the adoption
    """,
    re.VERBOSE | re.IGNORECASE,
)
DEADLINE = re.compile(
    r"""
    within \s+ (?P<count>\d+|[a-z]+) \s+       # 'within 180'
    (?P<unit>day|week|month|year)s? \s+         # 'days'
    (?:after|of) \s+ the \s+ adoption           # counted from the adoption
    """,
    re.VERBOSE | re.IGNORECASE,
)
REGULAR = re.compile(
    r"""
    \b (?P<manner>regularly|periodically|continuously)\b   # an unstated interval
    """,
    re.VERBOSE | re.IGNORECASE,
)
WHEN_OCCURRING = re.compile(
    r"""
    \b (?P<condition>if \s+ such \s+ [^,;]*? \s+ occur)\b   # 'if such cases of misconduct occur'
    """,
    re.VERBOSE | re.IGNORECASE,
)
def load_triggers(path: Path = OBLIGATIONS_FILE) -> tuple[tuple[Trigger, ...], list[Diagnostic]]:
    """The triggers in ``path``, with every problem found (file, line and key)."""
    entries, problems = read_entries(path, "triggers")
    triggers = []
    for line, values, _lines in entries:
        missing = missing_keys(path, line, values, ("kind", "meaning", "phrases"), "trigger")
        kinds = {kind.value: kind for kind in ObligationKind}
        if not missing and values["kind"] not in kinds:
            missing.append(Diagnostic(str(path), line, Severity.ERROR, f"unknown kind {values['kind']!r}: use one of {', '.join(kinds)}"))
        problems += missing
        if not missing:
            phrases = tuple(str(p) for p in values["phrases"]) if isinstance(values["phrases"], list) else (str(values["phrases"]),)
            triggers.append(Trigger(kinds[str(values["kind"])], str(values["meaning"]), phrases, line))
    return tuple(triggers), problems


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month ``months`` later, or that month's last day when it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _count(word: str) -> int | None:
    return int(word) if word.isdigit() else (NUMBER_WORDS.index(word.lower()) if word.lower() in NUMBER_WORDS else None)


def _after(day: datetime.date, count: int, unit: str) -> datetime.date:
    unit = unit.lower()
    if unit == "day":
        return day + datetime.timedelta(days=count)
    if unit == "week":
        return day + datetime.timedelta(weeks=count)
    return add_months(day, count * (12 if unit == "year" else 1))


def mandate_end(resolution: Resolution) -> tuple[datetime.date, str] | None:
    """The date the mandate ends and the element that says so ("extend the mandate of X until 30 June 2018")."""
    for element in resolution.elements():
        if (found := mandate_until(element.text)) and (end := parse_date(found[1])):
            return end, element.id
    return None


def _long(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _timing(clause: str, resolution: Resolution) -> tuple[Timing, str, tuple[datetime.date, ...], str]:
    adopted = resolution.metadata.adopted
    if (match := RECURRING.search(clause)) and (count := _count(match["count"])):
        end = mandate_end(resolution)
        limit = end[0] if end else _after(adopted, 4 * count, match["unit"])
        dates, step = [], 1
        while (due := _after(adopted, step * count, match["unit"])) <= limit:
            dates.append(due)
            step += 1
        bound = f"up to the end of the mandate on {_long(end[0])} (paragraph {end[1].split('-')[1]})" if end else "the first four"
        how = (f"The adoption on {_long(adopted)} plus {count} {match['unit'].lower()}s, then every {count} {match['unit'].lower()}s, "
               f"on the same day of the month (the month's last day when it is shorter), {bound}.")
        return Timing.RECURRING, match.group(0), tuple(dates), how
    if (match := DEADLINE.search(clause)) and (count := _count(match["count"])):
        due = _after(adopted, count, match["unit"])
        how = f"The adoption on {_long(adopted)} plus {count} {match['unit'].lower()}s gives {_long(due)}."
        return Timing.DEADLINE, match.group(0), (due,), how
    if match := WHEN_OCCURRING.search(clause):
        return Timing.WHEN_OCCURRING, match.group(0), (), "No date given: whenever such a case occurs."
    if match := REGULAR.search(clause):
        return Timing.REGULAR, match.group(0), (), f"No date given: “{match.group(0)}”, with no interval."
    return Timing.UNSPECIFIED, "", (), "No date given."


def _actors(element: Element, annotations: Annotations, start: int) -> tuple[tuple[str, ...], int, int]:
    """Who the verb governing ``text[start]`` addresses, and the bounds of that verb's clause."""
    found = annotations.for_element(element.id)
    before = [v for v in found.verbs if v.start < start]
    after = [v for v in found.verbs if v.start > start]
    clause_start = before[-1].start if before else 0
    clause_end = after[0].start if after else len(element.text)
    if not before:
        return found.addressees, clause_start, clause_end
    named = [m.actor for m in found.mentions if before[-1].end <= m.start < start and m.actor in found.addressees]
    return (tuple(dict.fromkeys(named)) or found.addressees), clause_start, clause_end


def find_obligations(
    resolution: Resolution, annotations: Annotations, triggers: tuple[Trigger, ...] | None = None, *, source: str = ""
) -> tuple[tuple[Obligation, ...], list[Diagnostic]]:
    """Every request to report, inform or plan, in document order, with warnings (see the module docstring).

    ``source`` names the text file in warnings, which give the element's source line.
    """
    problems: list[Diagnostic] = []
    if triggers is None:
        triggers, problems = load_triggers()
    found: list[Obligation] = []
    for element in resolution.elements():
        spans = sorted(
            (match.start(), match.end(), trigger.kind)
            for trigger in triggers
            for phrase in trigger.phrases
            for match in phrase_pattern(phrase, ignore_case=True).finditer(element.text)
        )
        taken: list[tuple[int, int, ObligationKind]] = []
        for start, end, kind in spans:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, kind))
        for start, end, kind in taken:
            actors, clause_start, clause_end = _actors(element, annotations, start)
            timing, said, due, how = _timing(element.text[clause_start:clause_end], resolution)
            focus = tuple(item.id for item in element.items) if element.text.rstrip().endswith(":") else ()
            if not actors:
                problems.append(Diagnostic(source, element.line, Severity.WARNING, f"{element.id}: no actor found for “{element.text[start:end]}”"))
            found.append(Obligation(element.id, kind, start, end, actors, timing, said, due, how, focus, clause_start, clause_end))
    return tuple(found), problems

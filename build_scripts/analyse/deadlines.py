"""Deadlines: when the text says an obligation falls due, as printed and as a day.

``Deadlines(resolution).find(element, start, end)`` reads one clause and returns its
:class:`Deadline` values, in text order and never overlapping; ``due_dates`` lists every due date
of an obligation's deadlines, with how they were computed. What it promises:

- a day ("no later than 15 October 2008", "by 31 January 2023", "before 1 May 2021", "by
  September 2020", its last day);
- an interval anchored to the adoption (also when it is only implied: "within 30 days"), to a
  day printed before it ("three weeks before this date") or to the end of the mandate ("prior to
  its expiration", "before the end of MINUSMA’s current mandate");
- a recurrence ("every three months", "every month thereafter", "annually", "a biennial report")
  or an unstated interval ("regularly", "periodically", "on a regular basis", "regular reports");
- "for a period of thirteen months" says how long, not by when, and is no deadline; nor are
  "regular briefings" that only say where information goes ("include … in … regular briefings");
- ``due`` is computed only from dates the resolution gives itself, and ``computation`` says how;
  a printed day no calendar has ("31 June 2021") is a warning, never an exception.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from enum import Enum

from ..model import Diagnostic, Element, Resolution, Severity
from .dates import COUNT, DAY, MONTHS, Period, count, long_form, month_end, parse_day, unit
from .facts import mandate_until

class Timing(str, Enum):
    """How the text says when."""

    RECURRING = "recurring"
    """At a fixed interval: 'every three months after the adoption', 'annually'."""
    DEADLINE = "deadline"
    """Once, by a day given or implied: 'no later than 15 October 2008', 'within 180 days after the adoption'."""
    REGULAR = "regular"
    """Regularly, with no interval given."""
    WHEN_OCCURRING = "when-occurring"
    """Whenever something happens: 'if such cases of misconduct occur'."""
    UNSPECIFIED = "unspecified"
    """The text gives no time."""

@dataclass(frozen=True, slots=True)
class Deadline:
    """One time the text sets, as printed, and the day it gives."""

    timing: Timing
    start: int
    """Offset of the words in the element's text."""
    end: int
    said: str
    """The words as printed: 'no later than 15 October 2008'."""
    due: datetime.date | None
    """The day it falls due (the first one, for a recurrence); None where the text gives no day to count from."""
    computation: str
    """How ``due`` was computed, or why there is none."""
    period: Period | None = None
    """The interval of a recurrence: 3 months for 'every three months'."""
    counted_from: datetime.date | None = None
    """The day a recurrence counts from: the adoption, or the deadline before it ('… thereafter')."""

    @property
    def recurrence(self) -> str:
        """ISO 8601 period ('P3M'), 'regular' for an unstated interval, '' for a one-off."""
        if self.period is not None:
            return self.period.iso
        return "regular" if self.timing is Timing.REGULAR else ""

FIXED = re.compile(
    rf"""
    (?P<lead> (?:no|not) \s+ later \s+ than | on \s+ or \s+ before | by | before | prior \s+ to )   # 'no later than', 'by'
    \s+ (?: the \s+ end \s+ of \s+ )?                          # 'by the end of June 2022'
    (?: (?P<day>\d{{1,2}} \s+ (?:{MONTHS}) \s+ (?:19|20)\d\d)   # '15 October 2008', '31 June 2021' (checked later)
      | (?P<month>(?:{MONTHS}) \s+ (?:19|20)\d\d)              # 'September 2020': its last day
    ) \b
    """,
    re.VERBOSE,
)
INTERVAL = re.compile(
    rf"""
    (?: (?P<lead> within | (?:no|not) \s+ later \s+ than ) \s+   # 'within', 'no later than'
        (?P<article> the \s+ )?                                  # 'within the 18-month timeline': a period set elsewhere
      )?
    (?P<count>{COUNT}) [\s-]+ (?P<unit>day|week|month|year)s?    # '90 days', 'three weeks', '18-month'
    (?: \s+ (?:timeline|period) )?
    (?: ,? \s+ (?P<direction> of | after | from | following | before | prior \s+ to ) \s+
        (?P<anchor> [^,;:]{{1,80}}? )                            # 'the adoption of this resolution', 'this date'
        (?= [,;:.] | \s+ (?:and|or|on|to|a|an|the|recommendations)\b | $ )
    )?
    """,
    re.VERBOSE | re.IGNORECASE,
)
MANDATE_END = re.compile(
    r"""
    (?: well \s+ )? (?: before | prior \s+ to | by ) \s+         # 'well before', 'prior to'
    (?: the \s+ end \s+ of \s+ (?:the|its|this|[\w’'-]+['’]s) \s+ (?:current \s+)? mandate (?: \s+ period)?   # 'the end of MINUSMA’s current mandate'
      | (?:its|the) \s+ (?:expiration|expiry) (?: \s+ of \s+ (?:the|its) \s+ mandate)?   # 'its expiration'
    )
    """,
    re.VERBOSE | re.IGNORECASE,
)
RECURRING = re.compile(
    rf"""
    \b every \s+ (?: (?P<count>{COUNT}) \s+ )? (?P<unit>day|week|month|year)s?   # 'every three months', 'every month'
       (?P<adoption> \s+ (?:after|from) \s+ the \s+ (?:date \s+ of \s+ (?:the \s+)?)? adoption )?   # counted from the adoption
       (?P<thereafter> \s+ thereafter )?                                       # counted from the deadline before it
    | \b (?P<adverb> annually | quarterly | monthly | biannually | semi-annually | biennially ) \b
    | \b (?P<adjective> annual | quarterly | monthly | biannual | semi-annual | biennial ) \s+
         (?:reports? | updates? | briefings? | letters?) \b                     # 'a biennial report'
    """,
    re.VERBOSE | re.IGNORECASE,
)
REGULAR = re.compile(
    r"""
    \b (?: regularly | periodically                                    # 'report publicly and regularly'
         | on \s+ a \s+ regular \s+ basis
         | (?P<adjective> (?:regular|periodic) \s+ (?:reports | updates | briefings) )   # 'present regular reports'
    ) \b
    """,
    re.VERBOSE | re.IGNORECASE,
)
WHERE_INFORMATION_GOES = re.compile(
    r"""
    \b in \s+ (?: [^\s,;:]+ \s+ ){0,6} $    # 'include … in thematic and geographic reports and regular briefings'
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""Just before 'regular reports': the reports are where information goes, not a recurrence asked for."""
WHEN_OCCURRING = re.compile(
    r"""
    \b (?P<condition>if \s+ such \s+ [^,;]*? \s+ occur)\b   # 'if such cases of misconduct occur'
    """,
    re.VERBOSE | re.IGNORECASE,
)
ADOPTION = re.compile(r"\b(?:adoption|this\s+resolution|the\s+present\s+resolution|renewal)\b", re.IGNORECASE)
"""An anchor that means the day of adoption: 'the adoption of this resolution', 'this mandate’s renewal'."""
THIS_DATE = re.compile(r"^(?:this|that|the\s+said)\s+date$", re.IGNORECASE)
"""An anchor that means the last day printed before it."""
MANDATE_ANCHOR = re.compile(r"\b(?:end\s+of\s+(?:the|its|this|[\w’'-]+['’]s)\s+(?:current\s+)?mandate|expir(?:ation|y))\b", re.IGNORECASE)
"""An anchor that means the end of the mandate the resolution sets."""
ADJECTIVE_PERIODS = {"annual": (1, "year"), "annually": (1, "year"), "quarterly": (3, "month"), "monthly": (1, "month"),
                     "biannual": (6, "month"), "biannually": (6, "month"), "semi-annual": (6, "month"), "semi-annually": (6, "month"),
                     "biennial": (2, "year"), "biennially": (2, "year")}
"""How often an adverb or adjective of time recurs."""


def mandate_end(resolution: Resolution) -> tuple[datetime.date, str] | None:
    """The date the mandate ends and the element that says so ("extend the mandate of X until 30 June 2018")."""
    for element in resolution.elements():
        if (found := mandate_until(element.text)) and (end := parse_day(found[1])):
            return end, element.id
    return None


def _paragraph_label(element_id: str) -> str:
    return element_id.split("-")[1]


class Deadlines:
    """Finds the deadlines of one resolution's clauses; holds the days they are counted from."""

    def __init__(self, resolution: Resolution, source: str) -> None:
        self.adopted = resolution.metadata.adopted
        self.end = mandate_end(resolution)
        self.source = source
        self.warnings: list[Diagnostic] = []

    def _warn(self, element: Element, message: str) -> None:
        self.warnings.append(Diagnostic(self.source, element.line, Severity.WARNING, f"{element.id}: {message}"))

    def _mandate(self) -> tuple[datetime.date | None, str]:
        if self.end is None:
            return None, "No date given: the text does not say when the mandate ends."
        day, element_id = self.end
        return day, f"The end of the mandate on {long_form(day)} (paragraph {_paragraph_label(element_id)})."

    def find(self, element: Element, start: int, end: int) -> list[Deadline]:
        """Every deadline in ``element.text[start:end]``, in order, none overlapping."""
        found: list[Deadline] = []
        for finder in (self._fixed, self._mandate_end, self._recurring, self._interval, self._regular, self._when):
            for deadline in finder(element, start, end):
                if all(deadline.end <= other.start or deadline.start >= other.end for other in found):
                    found.append(deadline)
        found.sort(key=lambda d: d.start)
        return [self._thereafter(found, d) for d in found]

    def _fixed(self, element: Element, start: int, end: int) -> list[Deadline]:
        found = []
        for match in FIXED.finditer(element.text, start, end):
            if match["day"]:
                due = parse_day(match["day"])
                if due is None:
                    self._warn(element, f"“{' '.join(match['day'].split())}” is not a day of the calendar; the deadline has no date")
                    how = f"No date given: “{' '.join(match['day'].split())}” is not a day of the calendar."
                else:
                    how = f"Given in the text: {long_form(due)}."
            else:
                due = month_end(match["month"])
                how = f"The last day of {' '.join(match['month'].split())}, the month the text gives."
            found.append(Deadline(Timing.DEADLINE, match.start(), match.end(), match.group(0), due, how))
        return found

    def _mandate_end(self, element: Element, start: int, end: int) -> list[Deadline]:
        found = []
        for match in MANDATE_END.finditer(element.text, start, end):
            due, how = self._mandate()
            found.append(Deadline(Timing.DEADLINE, match.start(), match.end(), match.group(0), due, how))
        return found

    def _interval(self, element: Element, start: int, end: int) -> list[Deadline]:
        found = []
        for match in INTERVAL.finditer(element.text, start, end):
            backwards = (match["direction"] or "").lower().startswith(("before", "prior"))
            if not match["lead"] and not backwards:
                continue  # 'for a period of thirteen months from …' says how long, not by when
            number = count(match["count"])
            if number is None:
                continue
            period = Period(number, unit(match["unit"]))
            due, how = self._anchored(element, match, period, backwards)
            found.append(Deadline(Timing.DEADLINE, match.start(), match.end(), match.group(0).rstrip(" ,"), due, how))
        return found

    def _anchored(self, element: Element, match: re.Match[str], period: Period, backwards: bool) -> tuple[datetime.date | None, str]:
        """The day an interval gives, counted from its anchor; None with the reason when it has no day."""
        anchor = " ".join((match["anchor"] or "").split())
        if match["article"]:
            return None, f"No date given: “{' '.join(match.group(0).split())}” is a period the text does not date."
        if not anchor or ADOPTION.search(anchor):
            base, said = self.adopted, f"The adoption on {long_form(self.adopted)}"
        elif THIS_DATE.match(anchor):
            printed = [day for day in re.findall(DAY, element.text[: match.start()])]
            base = parse_day(printed[-1]) if printed else None
            if base is None:
                return None, f"No date given: “{anchor}” names no day printed before it."
            said = f"“{anchor}”, {long_form(base)}"
        elif MANDATE_ANCHOR.search(anchor):
            base, how = self._mandate()
            if base is None:
                return None, how
            said = f"The end of the mandate on {long_form(base)}"
        else:
            return None, f"No date given: counted from “{anchor}”, which the text does not date."
        due = period.before(base) if backwards else period.after(base)
        return due, f"{said} {'less' if backwards else 'plus'} {period.words()} gives {long_form(due)}."

    def _recurring(self, element: Element, start: int, end: int) -> list[Deadline]:
        found = []
        for match in RECURRING.finditer(element.text, start, end):
            word = (match["adverb"] or match["adjective"] or "").lower()
            if word:
                number, name = ADJECTIVE_PERIODS[word]
                period = Period(number, unit(name))
            else:
                number = count(match["count"]) if match["count"] else 1
                if number is None:
                    continue
                period = Period(number, unit(match["unit"]))
            first = period.after(self.adopted)
            how = f"The adoption on {long_form(self.adopted)} plus {period.words()}, then every {period.words()}."
            found.append(Deadline(Timing.RECURRING, match.start(), match.end(), match.group(0), first, how, period, self.adopted))
        return found

    def _regular(self, element: Element, start: int, end: int) -> list[Deadline]:
        return [
            Deadline(Timing.REGULAR, m.start(), m.end(), m.group(0), None, f"No date given: “{m.group(0)}”, with no interval.")
            for m in REGULAR.finditer(element.text, start, end)
            if not (m["adjective"] and WHERE_INFORMATION_GOES.search(element.text, start, m.start()))
        ]

    def _when(self, element: Element, start: int, end: int) -> list[Deadline]:
        return [
            Deadline(Timing.WHEN_OCCURRING, m.start(), m.end(), m.group(0), None, "No date given: whenever such a case occurs.")
            for m in WHEN_OCCURRING.finditer(element.text, start, end)
        ]

    def _thereafter(self, found: list[Deadline], deadline: Deadline) -> Deadline:
        """'within 30 days and every month thereafter': the recurrence counts from the deadline before it."""
        if deadline.period is None or not deadline.said.lower().endswith("thereafter"):
            return deadline
        before = [d for d in found if d.end <= deadline.start and d.due is not None and d.period is None]
        if not before:
            return deadline
        first = deadline.period.after(before[-1].due)
        how = f"{long_form(before[-1].due)}, the deadline before it, plus {deadline.period.words()}, then every {deadline.period.words()}."
        return Deadline(Timing.RECURRING, deadline.start, deadline.end, deadline.said, first, how, deadline.period, before[-1].due)

    def due_dates(self, deadlines: tuple[Deadline, ...]) -> tuple[tuple[datetime.date, ...], str]:
        """Every due date of an obligation, and how they were computed.

        A recurrence counted from the adoption runs to the end of the mandate (the first four
        dates where the text sets no end); one counted from a deadline starts there.
        """
        dates: list[datetime.date] = []
        how: list[str] = []
        for deadline in deadlines:
            if deadline.period is None:
                if deadline.due is not None:
                    dates.append(deadline.due)
                how.append(deadline.computation)
                continue
            start = deadline.counted_from or self.adopted
            limit = self.end[0] if self.end else deadline.period.after(start, 4)
            step, recurring = 1, []
            while (day := deadline.period.after(start, step)) <= limit and step <= 120:
                recurring.append(day)
                step += 1
            dates += recurring
            bound = (f"up to the end of the mandate on {long_form(self.end[0])} (paragraph {_paragraph_label(self.end[1])})"
                     if self.end else "the first four")
            origin = f"The adoption on {long_form(self.adopted)}" if start == self.adopted else f"{long_form(start)}"
            how.append(f"{origin} plus {deadline.period.words()}, then every {deadline.period.words()}, "
                       f"on the same day of the month (the month's last day when it is shorter), {bound}.")
        return tuple(dates), " ".join(how) or "No date given."

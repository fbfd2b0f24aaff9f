"""Timeline: every date the resolution names, in date order, each with the element that names it.

``build_timeline(resolution, obligations)`` returns :class:`Event` values sorted by date. What the
output promises:

- an event from the text has ``text[start:end]`` equal to the date as printed in its element
  ("22 and 23 May 2017", "January 2016", "in 2015" gives "2015");
- its precision is what the text gives (day, month or year): "March 2017" is never made a day;
- the adoption comes from the metadata (no element), and due dates computed from the text come
  from :mod:`obligations`, marked as computed, with the element that sets them;
- events sort by the first day of their period, then by how precise they are (a year before a
  month before a day that starts on the same day), then in document order.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import Enum

from ..model import Resolution
from .dates import long_form
from .obligations import Obligation, ObligationKind, Timing

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"

DATE = re.compile(
    rf"""
    (?<![\w/])
    (?: (?P<day>\d{{1,2}}) \s+                       # '22'
        (?: and \s+ (?P<last_day>\d{{1,2}}) \s+ )?   # 'and 23' for a two-day event
    )?
    (?P<month>{MONTHS}) \s+                         # 'May'
    (?P<year>(?:19|20)\d\d) \b                       # '2017'
    """,
    re.VERBOSE,
)
YEAR = re.compile(
    r"""
    \b in \s+
    (?P<year>(?:19|20)\d\d)                          # 'in 2015': a year alone
    (?: \s+ and \s+ (?P<second>(?:19|20)\d\d) )?     # 'in 2017 and 2018': two years
    \b (?!\s*\))                                      # not a resolution's year such as '(2016)'
    """,
    re.VERBOSE,
)


class Precision(str, Enum):
    """How precisely the text gives a date."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class EventSource(str, Enum):
    """Where an event's date comes from."""

    TEXT = "text"
    """Named in an element's text."""
    METADATA = "metadata"
    """The resolution's metadata: its adoption."""
    COMPUTED = "computed"
    """Computed from the text: a deadline or a due date."""


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event, linked to its evidence."""

    first: datetime.date
    """First day of the period the date names (1 March 2017 for 'March 2017')."""
    last: datetime.date
    """Last day of that period (31 March 2017; 23 May 2017 for '22 and 23 May 2017')."""
    precision: Precision
    printed: str
    """The date as printed, or as computed ('26 December 2017')."""
    description: str
    """What happened, from the surrounding words (trimmed, with '…' where words were left out)."""
    element_id: str
    """The element that names or sets it; '' for the adoption."""
    source: EventSource
    start: int = 0
    """Offset of the date in the element's text (TEXT events only)."""
    end: int = 0

    def as_dict(self) -> dict[str, object]:
        return {
            "first": self.first.isoformat(),
            "last": self.last.isoformat(),
            "precision": self.precision.value,
            "printed": self.printed,
            "description": self.description,
            "element": self.element_id or None,
            "source": self.source.value,
        }


_PRECISION_ORDER = (Precision.YEAR, Precision.MONTH, Precision.DAY)
_CLAUSE_BREAK = re.compile(r"[,;:]\s*")
_MIN_CLAUSE_WORDS = 5
_WORDS_BEFORE = 14
_WORDS_AFTER = 10


def _month_number(name: str) -> int:
    return MONTHS.split("|").index(name) + 1


def describe(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``, widened when it is only a few words, then trimmed."""
    breaks = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(text)), len(text)]
    left = max(b for b in breaks if b <= start)
    right = min((m.start() for m in _CLAUSE_BREAK.finditer(text) if m.start() >= end), default=len(text))
    if len(text[left:right].split()) - len(text[start:end].split()) < _MIN_CLAUSE_WORDS:
        left = max((b for b in breaks if b < left), default=0)
        right = min((m.start() for m in _CLAUSE_BREAK.finditer(text) if m.start() > right), default=len(text))
    before, after = text[left:start].split(), text[end:right].split()
    if len(before) > _WORDS_BEFORE:
        before = before[:7] + ["…"] + before[-(_WORDS_BEFORE - 7) :]
    if len(after) > _WORDS_AFTER:
        after = after[:_WORDS_AFTER] + ["…"]
    return re.sub(r"\s+([,;:.])", r"\1", " ".join([*before, text[start:end], *after])).strip(" ,;:")


def dates_in(text: str) -> list[tuple[int, int, datetime.date, datetime.date, Precision]]:
    """Every date in ``text`` as (start, end, first day, last day, precision), in order.

    A day that no calendar has ('31 February 2019', '0 May 2017') is not a date and is skipped.
    """
    found = []
    for match in DATE.finditer(text):
        year, month = int(match["year"]), _month_number(match["month"])
        if match["day"]:
            try:
                first = datetime.date(year, month, int(match["day"]))
                last = datetime.date(year, month, int(match["last_day"] or match["day"]))
            except ValueError:
                continue
            found.append((match.start(), match.end(), first, last, Precision.DAY))
        else:
            last_day = calendar.monthrange(year, month)[1]
            found.append((match.start(), match.end(), datetime.date(year, month, 1), datetime.date(year, month, last_day), Precision.MONTH))
    for match in YEAR.finditer(text):
        for group in ("year", "second"):
            if match[group]:
                year = int(match[group])
                found.append((match.start(group), match.end(group), datetime.date(year, 1, 1), datetime.date(year, 12, 31), Precision.YEAR))
    return sorted(found, key=lambda found_date: found_date[0])


def _computed(obligation: Obligation) -> list[Event]:
    label = {ObligationKind.PLAN: "Strategic plan due", ObligationKind.REPORT: "Report due", ObligationKind.INFORM: "Council to be informed",
             ObligationKind.ACT: "Due"}
    events = []
    for index, due in enumerate(obligation.due, start=1):
        what = label[obligation.kind]
        if obligation.timing is Timing.RECURRING and len(obligation.due) > 1:
            what = f"{what} ({index} of {len(obligation.due)}, {obligation.timing_text})"
        else:
            what = f"{what} ({obligation.timing_text})"
        events.append(Event(due, due, Precision.DAY, long_form(due), what, obligation.element_id, EventSource.COMPUTED))
    return events


def build_timeline(resolution: Resolution, obligations: tuple[Obligation, ...] = ()) -> tuple[Event, ...]:
    """Every dated event, sorted as the module docstring says."""
    adopted = resolution.metadata.adopted
    events = [Event(adopted, adopted, Precision.DAY, long_form(adopted), f"Adoption of {resolution.metadata.symbol} by the Security Council", "", EventSource.METADATA)]
    order = {element.id: index for index, element in enumerate(resolution.elements())}
    for element in resolution.elements():
        for start, end, first, last, precision in dates_in(element.text):
            description = describe(element.text, start, end)
            events.append(Event(first, last, precision, element.text[start:end], description, element.id, EventSource.TEXT, start, end))
    for obligation in obligations:
        events.extend(_computed(obligation))
    return tuple(
        sorted(events, key=lambda e: (e.first, _PRECISION_ORDER.index(e.precision), order.get(e.element_id, -1), e.start))
    )

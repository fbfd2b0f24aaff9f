"""``/N/obligations.ics``: the due dates of a resolution's obligations as an iCalendar file (RFC 5545).

Made from the same obligations as the obligations page and the timeline, so the three never
disagree. One all-day event per due date, each naming the paragraph that sets it. What the file
promises:

- it exists only where an obligation has a date (``obligations_calendar`` returns '' otherwise);
- it is the same bytes on every build: the stamp is the adoption date, the UIDs come from the
  resolution, the element and the date;
- lines end with CRLF, are folded at 75 octets, and text values are escaped as the RFC says.
"""

from __future__ import annotations

from ..analyse.dates import long_form
from ..analyse.obligations import Obligation
from ..ids import citation_label
from ..model import Resolution

PRODUCT = "-//resolution-site//Security Council resolutions//EN"
WHAT = {"report": "Report due", "inform": "Council to be informed", "plan": "Plan due", "act": "Due"}


def _escape(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line: str) -> list[str]:
    """One content line folded into lines of at most 75 octets, each continuation led by a space."""
    parts, current, limit = [], "", 75
    for character in line:
        if len((current + character).encode("utf-8")) > limit:
            parts.append(current)
            current, limit = "", 74  # the leading space of a continuation counts
        current += character
    parts.append(current)
    return [parts[0], *(" " + part for part in parts[1:])]


def obligations_calendar(resolution: Resolution, obligations: tuple[Obligation, ...]) -> str:
    """The iCalendar file of the dated obligations, or '' when none has a date."""
    meta = resolution.metadata
    stamp = f"{meta.adopted:%Y%m%d}T000000Z"
    events: list[list[str]] = []
    for obligation in obligations:
        for day in obligation.due:
            where = f"paragraph {citation_label(obligation.element_id)}"
            summary = f"{meta.symbol}, {where}: {WHAT[obligation.kind.value]}"
            description = f"{obligation.text} — {obligation.computation}".strip(" —")
            events.append([
                "BEGIN:VEVENT",
                f"UID:{meta.number}-{meta.year}-{obligation.element_id}-{obligation.start}-{day:%Y%m%d}@resolution-site",
                f"DTSTAMP:{stamp}",
                f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
                f"SUMMARY:{_escape(summary)}",
                f"DESCRIPTION:{_escape(description)}",
                f"COMMENT:{_escape(f'Due {long_form(day)}, as computed from the text of {meta.symbol}.')}",
                "END:VEVENT",
            ])
    if not events:
        return ""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN",
             f"X-WR-CALNAME:{_escape(f'Obligations in {meta.symbol}')}"]
    for event in events:
        lines += event
    lines.append("END:VCALENDAR")
    return "".join(f"{folded}\r\n" for line in lines for folded in _fold(line))

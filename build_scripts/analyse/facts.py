"""Key facts read from a mandate resolution's own words: mandate end and authorized strength.

Each fact carries the id of the element that states it, so pages can link to the evidence.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..model import Resolution

MANDATE_END = re.compile(
    r"""extend\s+the\s+mandate\s+of\s+(?P<mission>[A-Z][A-Za-z-]+)   # 'extend the mandate of MINUSMA'
        \s+until\s+(?P<date>\d{1,2}\s+[A-Z][a-z]+\s+\d{4})          # 'until 30 June 2018'
    """,
    re.X,
)

STRENGTH = re.compile(
    r"""up\s+to\s+(?P<military>[\d,]+)\s+military\s+personnel   # 'up to 13,289 military personnel'
        \s+and\s+(?P<police>[\d,]+)\s+police\s+personnel         # 'and 1,920 police personnel'
    """,
    re.X,
)


@dataclass(frozen=True, slots=True)
class Fact:
    """A figure or date the text states, with where it says so."""

    name: str
    """What it is: 'Mandate until', 'Military personnel (ceiling)'."""
    value: str
    """As the text gives it: '30 June 2018', '13,289'."""
    element_id: str
    """The element that states it."""


def parse_date(text: str) -> datetime.date | None:
    """'30 June 2018' → date(2018, 6, 30); None when it is not such a date."""
    try:
        return datetime.datetime.strptime(" ".join(text.split()), "%d %B %Y").date()
    except ValueError:
        return None


def key_facts(resolution: Resolution) -> list[Fact]:
    """Mandate end and authorized strength, where the text states them."""
    facts = []
    for element in resolution.elements():
        if match := MANDATE_END.search(element.text):
            facts.append(Fact(f"Mandate of {match['mission']} until", match["date"], element.id))
        if match := STRENGTH.search(element.text):
            facts.append(Fact("Military personnel, up to", match["military"], element.id))
            facts.append(Fact("Police personnel, up to", match["police"], element.id))
    return facts

"""Key facts read from a mandate resolution's own words: mandate end and authorized strength.

Each fact carries the id of the element that states it, so pages can link to the evidence.
Nothing here knows any one resolution: the mandated body is named as the text names it
('MINUSMA'; 'UNOCI' for "the United Nations Operation in Côte d’Ivoire (UNOCI)").
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from ..model import Resolution

DATE = r"\d{1,2}\s+[A-Z][a-z]+\s+\d{4}"
"""A date as resolutions print it: '30 June 2018'."""

MANDATE_END = re.compile(
    rf"""
    \b(?:extend|renew)(?:s|ed)? \s+                   # 'extend', 'renew', 'renews'
    (?:until \s+ (?P<date_first>{DATE}) \s+)?         # 'extend until 15 September 2020 the mandate of UNSMIL'
    (?: (?:the \s+)? mandates? \s+ of \s+             # 'the mandate of', 'the mandates of'
        (?P<mission>[^,;:]+?)                         # 'MINUSMA'; 'the United Nations Operation in … (UNOCI) and of the French forces which support it'
        (?= \s+ (?:until|for|as|under)\b | [,;:.] | $ ) # up to the words that say how long or on what terms
      | (?P<owner>[A-Z][\w-]*)['’]s \s+ mandate\b     # or 'UNSOM’s mandate'
    )
    (?: [^;]{{0,200}}? \b until \s+ (?P<date>{DATE}) )?  # 'until 30 June 2018', perhaps after an aside ', as determined in resolution 1739 (2007),'
    """,
    re.X,
)

STRENGTH = re.compile(
    r"""up\s+to\s+(?P<military>[\d,]+)\s+military\s+personnel   # 'up to 13,289 military personnel'
        (?:[^;]{0,160}?                                          # perhaps ', including reserve battalions …,'
        \band\s+(?P<police>[\d,]+)\s+police\s+personnel)?      # 'and 1,920 police personnel'
    """,
    re.X,
)

_BODY_SEPARATOR = re.compile(
    r"""
    \s*,?\s+ and \s+ (?:of \s+)?              # ' and of ' between two bodies: 'of UNOCI and of the French forces'
    (?= the \s+ [A-Z] | [A-Z][\w-]*[A-Z]\b )  # only before 'the Name' or an acronym: 'Ethiopia and Eritrea' is one name
    """,
    re.X,
)
_ACRONYM = re.compile(
    r"""
    \( (?P<acronym>[A-Z][A-Za-z-]*[A-Z]) \) \s* $    # a name that ends with its acronym: '… (UNOCI)'
    """,
    re.X,
)
_QUALIFIER = re.compile(
    r"""
    \s* \( [^()]* \) \s* $                               # a gloss that is no acronym: ' (the Panel)', ' (“the Group”)'
    | \s+ (?: which | that | who | is | are | to | at | with | as | under | within | pursuant
           | established | appointed | originally | referred | set\s+up | created
           | and\s+its | on\s+the\s+basis | in\s+order
      ) \b .* $                                            # ' which support it', ' and its members', ' at the troop … levels'
    """,
    re.X,
)


@dataclass(frozen=True, slots=True)
class Fact:
    """A figure or date the text states, with where it says so."""

    name: str
    """What it is: 'Mandate of MINUSMA until', 'Military personnel, up to'."""
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


def body_names(words: str) -> tuple[str, ...]:
    """The bodies a phrase names, each by its shortest name in the text.

    'the United Nations Operation in Côte d’Ivoire (UNOCI) and of the French forces which support
    it' → ('UNOCI', 'French forces'); 'MINUSMA' → ('MINUSMA',); 'the Panel of Experts' → ('Panel of Experts',).
    """
    names = []
    for part in _BODY_SEPARATOR.split(" ".join(words.split())):
        if match := _ACRONYM.search(part):
            name = match["acronym"]
        else:
            name = re.sub(r"^(?:the\s+)?(?:current\s+|present\s+)?", "", part)
            while (shorter := _QUALIFIER.sub("", name)) != name:
                name = shorter
            name = name.strip(" ,")
        if name and name not in names:
            names.append(name)
    return tuple(names)


def mandate_until(text: str) -> tuple[tuple[str, ...], str] | None:
    """The bodies whose mandate the text extends or renews, and until when as printed ('' if it does not say)."""
    match = MANDATE_END.search(text)
    if not match:
        return None
    bodies = body_names(match["mission"] or match["owner"])
    return (bodies, match["date_first"] or match["date"] or "") if bodies else None


def strength_facts(resolution: Resolution) -> list[Fact]:
    """The authorized strength, where the text states it."""
    facts = []
    for element in resolution.elements():
        if match := STRENGTH.search(element.text):
            facts.append(Fact("Military personnel, up to", match["military"], element.id))
            if match["police"]:
                facts.append(Fact("Police personnel, up to", match["police"], element.id))
    return facts


def key_facts(resolution: Resolution) -> list[Fact]:
    """Mandate end and authorized strength, where the text states them."""
    facts = []
    for element in resolution.operative:
        for part in element.walk():
            found = mandate_until(part.text)
            if found and found[1]:
                facts.append(Fact(f"Mandate of {' and '.join(found[0])} until", found[1], part.id))
    return facts + strength_facts(resolution)

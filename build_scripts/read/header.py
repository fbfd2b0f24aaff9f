"""The resolution's own header: its number, year, meeting and date, and the metadata they give.

A resolution text opens with lines such as::

     Resolution 2364 (2017)
    Adopted by the Security Council at its 7991st meeting, on
    29 June 2017
    The Security Council,

``read_header`` reads those lines (the cleaned ones, so page furniture such as ``S/RES/2364 (2017)``
or ``17-10886`` standing on its own line is already gone; a wrapped adoption line is read as one).
``resolve_metadata`` then combines what the header says with what the optional ``NAME.yml`` beside
the text says: either may give a value, and where both do they must agree.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import Diagnostic, Metadata, Severity
from .clean import Line
from .source import MetadataFile

ORGAN = re.compile(
    r"""^The\s+Security\s+Council,?$   # the formula that ends the header and opens the preamble
    """,
    re.X,
)

TITLE = re.compile(
    r"""\b(?i:Resolution)\s+      # 'Resolution', or 'RESOLUTION' in texts of 2000
        (?P<number>\d{1,5})\s*     # the resolution's number: '2364'
        \((?P<year>\d{4})\)        # its year in brackets: '(2017)'
    """,
    re.X,
)

# The start of an adoption line, so that one ADOPTION cannot read is reported rather than ignored.
ADOPTED = re.compile(r"Adopted\s+by\s+the\s+Security\s+Council\b")

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

ADOPTION = re.compile(
    r"""Adopted\s+by\s+the\s+Security\s+Council
        (?:\s+at\s+its\s+
            (?P<meeting>\d{1,5})\x20?                 # the meeting's number: '7991'
            (?P<ordinal>st|nd|rd|th)                  # its ordinal suffix: '7991st', '5911th'
            (?:\s*\((?P<session>closed|resumed)\))?   # a closed or resumed meeting: '4337th (closed) meeting'
            \s+meeting
            (?:\s*\((?P<part>Part\s+[IVX]+)\))?       # a meeting held in parts: '4820th meeting(Part II)'
        )?                                            # absent for a written procedure: 'Adopted by the Security Council on 30 March 2020'
        ,?\s+on\s*
        (?P<date>                                     # the date as printed, for messages: '29 June 2017'
            (?P<day>\d{1,2})\s*                       # the day of adoption: '29'
            (?P<month>"""
    + "|".join(MONTHS)
    + r""")\s+                                        # the month, in words: 'June'
            (?P<year>\d{4})                           # the year: '2017'
        )
    """,
    re.X,
)


@dataclass(frozen=True, slots=True)
class HeaderFacts:
    """What the lines above 'The Security Council,' say; None (or '') where they are silent."""

    number: int | None = None
    """2364, from 'Resolution 2364 (2017)'."""
    year: int | None = None
    """2017, from the title or else from the date of adoption."""
    adopted: datetime.date | None = None
    """From 'on 29 June 2017'."""
    meeting: int | None = None
    """7991, from 'at its 7991st meeting'; None for a resolution adopted without a meeting."""
    title: str = ""
    """The title as printed: 'Resolution 2364 (2017)'."""
    meeting_words: str = ""
    """The meeting as printed: '7991st meeting'."""
    date_words: str = ""
    """The date as printed: '29 June 2017'."""
    title_line: int = 0
    """Source line of the title (0 when there is none)."""
    adoption_line: int = 0
    """Source line where 'Adopted by the Security Council' starts (0 when there is none)."""


def ordinal(number: int) -> str:
    """The English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 112th."""
    if number % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def read_header(lines: Sequence[Line], *, source: str = "") -> tuple[HeaderFacts, list[Diagnostic]]:
    """Number, year, meeting and date from the cleaned lines above 'The Security Council,'.

    A header that says nothing is not an error here (the .yml may give the values); a header that
    contradicts itself or gives an impossible date is.
    """
    diagnostics: list[Diagnostic] = []
    organ_at = next((index for index, line in enumerate(lines) if ORGAN.match(line.text)), 0)
    header = lines[:organ_at]
    # The header is read as one string so that an adoption line wrapped after 'on' reads whole.
    text = " ".join(line.text for line in header)
    starts = []
    offset = 0
    for line in header:
        starts.append(offset)
        offset += len(line.text) + 1

    def line_at(position: int) -> int:
        return header[bisect.bisect_right(starts, position) - 1].number

    facts = HeaderFacts()
    title = TITLE.search(text)
    if title:
        facts = HeaderFacts(number=int(title["number"]), year=int(title["year"]), title=title[0], title_line=line_at(title.start()))
    adopted_at = ADOPTED.search(text)
    adoption = ADOPTION.search(text)
    if adopted_at and not adoption:
        words = " ".join(text[adopted_at.start() :].split()[:14])
        diagnostics.append(
            Diagnostic(source, line_at(adopted_at.start()), Severity.WARNING, f"cannot read the meeting and date of adoption from {words!r}; correct it with an erratum or give 'meeting' and 'adopted' in the .yml")
        )
    if adoption is None:
        return facts, diagnostics
    line = line_at(adoption.start())
    date_words = " ".join(adoption["date"].split())
    try:
        adopted = datetime.date(int(adoption["year"]), MONTHS.index(adoption["month"]) + 1, int(adoption["day"]))
    except ValueError:
        diagnostics.append(Diagnostic(source, line, Severity.ERROR, f"the date of adoption {date_words!r} in the header is not a calendar date"))
        return facts, diagnostics
    if facts.year is not None and facts.year != adopted.year:
        diagnostics.append(Diagnostic(source, line, Severity.ERROR, f"the header says {facts.title!r} but adopted on {date_words}: the years differ"))
    meeting = int(adoption["meeting"]) if adoption["meeting"] else None
    meeting_words = f"{adoption['meeting']}{adoption['ordinal']} meeting" if meeting is not None else ""
    if meeting is not None and adoption["ordinal"] != ordinal(meeting):
        # A wrong suffix is how a misread digit shows ('7997st'): the number may not be the one printed.
        diagnostics.append(Diagnostic(source, line, Severity.WARNING, f"{meeting_words!r} should read '{meeting}{ordinal(meeting)}': check the meeting number against the official text"))
    facts = replace(
        facts,
        year=facts.year if facts.year is not None else adopted.year,
        adopted=adopted,
        meeting=meeting,
        meeting_words=meeting_words,
        date_words=date_words,
        adoption_line=line,
    )
    return facts, diagnostics


def symbol_of(number: int, year: int) -> str:
    """'S/RES/2364 (2017)'."""
    return f"S/RES/{number} ({year})"


def official_url_of(number: int, year: int) -> str:
    """'https://undocs.org/S/RES/2364(2017)': undocs.org drops the space before the year's bracket."""
    return f"https://undocs.org/S/RES/{number}({year})"


def resolve_metadata(header: HeaderFacts, given: MetadataFile, *, source: str = "") -> tuple[Metadata | None, list[Diagnostic]]:
    """The resolution's metadata from its header and the .yml beside it (``given``, maybe empty).

    Number, year, date and meeting come from either; where both give one they must agree, and a
    disagreement is an error at the key's line in the .yml. Symbol and official address are derived
    unless the .yml gives them; the subject is '' unless the .yml gives it. ``source`` is the text.
    """
    diagnostics: list[Diagnostic] = []
    yml = given.path
    printed = {
        "number": header.title,
        "year": header.title or header.date_words,
        "adopted": header.date_words,
        "meeting": header.meeting_words,
    }
    wanted = {
        "number": "the resolution's number (as in 'Resolution 2364 (2017)')",
        "year": "the year of the resolution (as in 'Resolution 2364 (2017)')",
        "adopted": "the date of adoption (as in '…, on 29 June 2017')",
        "meeting": "the meeting that adopted it (as in 'at its 7991st meeting')",
    }

    def agreed(key: str):
        """The value of ``key`` from the .yml or the header; an error when they differ or both are silent."""
        from_header, from_file = getattr(header, key), getattr(given, key)
        if from_header is not None and from_file is not None and from_header != from_file:
            message = f"key '{key}' is {_shown(from_file)} but the text's header says {printed[key]}"
            hint = "; if the extraction misread the header, correct it with an erratum"
            diagnostics.append(Diagnostic(yml, given.line_of(key), Severity.ERROR, message + hint))
        if from_file is None and from_header is None:
            name = Path(yml).name
            message = f"neither the text's header nor {name} gives {wanted[key]}: add key '{key}' to {name}"
            diagnostics.append(Diagnostic(source, header.adoption_line or header.title_line or 1, Severity.ERROR, message))
        return from_file if from_file is not None else from_header

    number, year, adopted, meeting = [agreed(key) for key in ("number", "year", "adopted", "meeting")]
    if diagnostics or number is None or year is None or adopted is None or meeting is None:
        return None, diagnostics
    if adopted.year != year:
        line = given.line_of("adopted") or given.line_of("year")
        where = (yml, line) if line else (source, header.adoption_line or 1)
        diagnostics.append(Diagnostic(*where, Severity.ERROR, f"the date of adoption ({adopted}) is not in the year of the resolution ({year})"))
    symbol = symbol_of(number, year)
    if given.symbol is not None and given.symbol != symbol:
        diagnostics.append(Diagnostic(yml, given.line_of("symbol"), Severity.ERROR, f"key 'symbol' is {given.symbol!r} but resolution {number} ({year}) is {symbol}"))
    if diagnostics:
        return None, diagnostics
    metadata = Metadata(
        symbol=symbol,
        number=number,
        year=year,
        adopted=adopted,
        meeting=meeting,
        subject=given.subject or "",
        official_url=given.official_url or official_url_of(number, year),
        synthetic=given.synthetic,
    )
    return metadata, diagnostics


def _shown(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else str(value)

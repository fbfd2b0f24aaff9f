"""The resolution's own header: its number, year, meeting and date, and the metadata they give.

A resolution text opens with lines such as::

     Resolution 2364 (2017)
    Adopted by the Security Council at its 7991st meeting, on
    29 June 2017
    The Security Council,

``split_header`` finds where the header ends by its grammar: an optional title line, an optional
adoption line (wrapped over at most four lines), then the organ, 'The Security Council,' (on one
line or wrapped over two). Anything else where the organ belongs is an error: 'The General
Assembly,' is an unknown organ, never a header that runs on into the preamble.
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
from .source import MAX_NUMBER_DIGITS, MetadataFile

ORGAN = re.compile(
    r"""^(?i:The\s+Security\s+Council)   # the formula that ends the header and opens the preamble
        \s*[,:]?$                        # with its comma (a colon, or nothing, in a few texts)
    """,
    re.X,
)

ORGAN_LIKE = re.compile(
    r"""^The                              # a formula naming some organ where the Council's belongs:
        (?:\s+(?:[A-Z][\w’'-]*|and|of|for|on|the)){1,6}   # 'The General Assembly', 'The Economic and Social Council'
        \s*[,:]?$
    """,
    re.X,
)

TITLE_LINE = re.compile(
    r"""^(?i:Resolution)\s+\d+\s*\(\d{4}\)$   # the title standing on its own line: 'Resolution 2364 (2017)'
    """,
    re.X,
)

ADOPTION_LINE = re.compile(r"^Adopted\b")
"""The start of the adoption line, as a line of the header grammar."""

HEADER_LINES = 12
"""The title stands within this many lines of the start (after a PDF's front page lines, if any)."""
ADOPTION_LINES = 4
"""An adoption line wraps over at most this many lines before the organ."""

TITLE = re.compile(
    r"""\b(?i:Resolution)\s+      # 'Resolution', or 'RESOLUTION' in texts of 2000
        (?P<number>\d+)\s*        # the resolution's number: '2364' (any length; too long is an error)
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
            (?P<meeting>\d{1,6})\x20?                 # the meeting's number: '7991'
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


@dataclass(frozen=True, slots=True)
class HeaderLines:
    """The lines of the header and of the organ, as the grammar found them."""

    header: tuple[Line, ...]
    """Title and adoption lines, and any lines of a PDF's front page before the title."""
    title_lines: int
    """How many of ``header`` make the title (front page lines and the title line); 0 without a title."""
    organ: tuple[Line, ...]
    """'The Security Council,' on one line, or wrapped over two."""

    @property
    def body_start(self) -> int:
        """Index of the first line after the organ."""
        return len(self.header) + len(self.organ)


def split_header(lines: Sequence[Line], *, source: str = "") -> tuple[HeaderLines | None, list[Diagnostic]]:
    """The header and organ lines by the header's grammar, or an error where the organ should stand.

    Grammar: [front page lines] [title] [adoption, up to four lines] organ. The title is a line
    'Resolution N (YYYY)' within the first twelve; the adoption starts 'Adopted'; the organ is 'The
    Security Council,' (its two words may wrap). With neither title nor adoption, the organ must stand
    within the first twelve lines. Linear: it looks at a bounded number of lines.
    """
    limit = min(len(lines), HEADER_LINES)
    title = next((i for i in range(limit) if TITLE_LINE.match(lines[i].text)), None)
    start = title + 1 if title is not None else 0
    adoption = next((i for i in range(start, min(len(lines), start + ADOPTION_LINES)) if ADOPTION_LINE.match(lines[i].text)), None)
    if adoption is not None:
        start = adoption + 1
    end = min(len(lines), start + ADOPTION_LINES) if title is not None or adoption is not None else limit
    for index in range(start, end):
        text = lines[index].text
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        for count, organ in ((1, text), (2, f"{text} {following}")):
            if ORGAN.match(organ) and (count == 1 or following):
                return HeaderLines(tuple(lines[:index]), title + 1 if title is not None else 0, tuple(lines[index : index + count])), []
        if ORGAN_LIKE.match(text):
            message = f"unknown organ {text!r} where 'The Security Council,' opens the preamble: this is not the text of a Council resolution, or its header is misread"
            return None, [Diagnostic(source, lines[index].number, Severity.ERROR, message)]
    where = lines[min(end, len(lines) - 1)].number if lines else 1
    message = "no 'The Security Council,' line: this is not the text of a Council resolution, or its start is missing"
    return None, [Diagnostic(source, where, Severity.ERROR, message)]


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
    found, _ = split_header(lines, source=source)
    # Without an organ the parser reports the error; the header then says nothing.
    header = found.header if found is not None else ()
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
    if title and len(title["number"]) > MAX_NUMBER_DIGITS:
        shown = title["number"][:12] + ("…" if len(title["number"]) > 12 else "")
        diagnostics.append(Diagnostic(source, line_at(title.start()), Severity.ERROR, f"the resolution number {shown} in the header has {len(title['number'])} digits: a resolution number has at most {MAX_NUMBER_DIGITS}"))
    elif title:
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

"""Metadata from the UN's Akoma Ntoso file: what no PDF says.

Symbol, number and year (from ``<docNumber>``, else the FRBR Work URI), the adoption date, the meeting
and its record (S/PV.N), the vote with the members named in ``akn4un:voters``, the draft and its
sponsors (``<workflow>``), Chapter VII, the agenda item and the descriptive title (``<classification>``),
and the UNBIS, EuroVoc and SDG subjects.
"""

from __future__ import annotations

import datetime
import re

from lxml import etree

from ..model import Diagnostic, Metadata, Severity, Subject, SubjectScheme, Vote
from .akn_text import clean_text as _clean
from .akn_text import local_name as _local

SYMBOL = re.compile(
    r"""S/RES/(?P<number>\d{1,5})    # the resolution number, e.g. 'S/RES/2364'
        \s*\((?P<year>\d{4})\)       # its year in brackets, e.g. '(2017)'
    """,
    re.X,
)


WORK_URI = re.compile(
    r"""/(?P<number>\d{1,5})-(?P<year>\d{4})/   # '/2364-2017/' in the FRBR Work URI
    """,
    re.X,
)


MEETING = re.compile(
    r"""(?P<meeting>\d{1,5})(?:st|nd|rd|th|d)?   # '7991st' or '7991'
        (?:\s+meeting)?                          # optionally followed by 'meeting'
    """,
    re.X,
)


def read_akn_metadata(statement: etree._Element, source: str) -> tuple[Metadata | None, list[Diagnostic]]:
    """Symbol, number, year, date, meeting, record, vote, draft, sponsors, Chapter VII, agenda and subjects."""
    diagnostics: list[Diagnostic] = []

    def attribute(local: str, key: str, **where: str) -> tuple[str, int]:
        for element in statement.iter():
            if _local(element) == local and all(element.get(k) == v for k, v in where.items()):
                value = element.get(key) if key else "".join(element.itertext())
                if value:
                    return _clean(value), element.sourceline or 0
        return "", 0

    symbol_text, symbol_line = attribute("docNumber", "")
    symbol = SYMBOL.search(symbol_text)
    work, _ = attribute("FRBRuri", "value")
    work_match = WORK_URI.search(work)
    if symbol:
        number, year = int(symbol["number"]), int(symbol["year"])
    elif work_match:
        number, year = int(work_match["number"]), int(work_match["year"])
    else:
        diagnostics.append(Diagnostic(source, symbol_line or statement.sourceline or 1, Severity.ERROR, f"no resolution symbol S/RES/N (YYYY) in <docNumber> ({symbol_text!r}) or the FRBR URI"))
        return None, diagnostics
    date_text, date_line = attribute("docDate", "date", refersTo="#adoptionDate")
    if not date_text:
        date_text, date_line = attribute("FRBRdate", "date", name="adoption")
    try:
        adopted = datetime.date.fromisoformat(date_text)
    except ValueError:
        diagnostics.append(Diagnostic(source, date_line, Severity.ERROR, f"no adoption date (YYYY-MM-DD) in the file: found {date_text!r}"))
        return None, diagnostics
    steps = [element for element in statement.iter() if _local(element) == "step"]
    adoption = next((step for step in steps if step.get("outcome") == "adopted"), None)
    meeting_text, _ = attribute("inline", "title", name="adoptionMeeting")
    record = _clean(adoption.get("as", "")) if adoption is not None else ""
    meeting_match = MEETING.match(meeting_text) or (re.search(r"S/PV\.(\d+)", record) and MEETING.match(record.split(".")[-1]))
    meeting = int(meeting_match["meeting"]) if meeting_match else 0
    if not meeting:
        diagnostics.append(Diagnostic(source, 0, Severity.WARNING, "no adoption meeting in the file"))
    draft_steps = [step for step in steps if (step.get("outcome") or "").startswith("draftResolution")]
    draft = next((_clean(step.get("as", "")) for step in draft_steps if step.get("as")), "")
    sponsors = tuple(name for step in draft_steps for name in _names(step.get("by", "")))
    agenda = next(
        (
            _clean(keyword.get("showAs", "")).rstrip(".")
            for keyword in statement.iter()
            if _local(keyword) == "keyword" and keyword.get("refersTo") == "agenda" and keyword.get("dictionary") == "S/"
        ),
        "",
    )
    title = next((_clean(k.get("showAs", "")) for k in statement.iter() if _local(k) == "keyword" and k.get("refersTo") == "title"), "")
    description = _clean((adoption.get("by") or "").split(",")[0]) if adoption is not None else ""
    metadata = Metadata(
        symbol=f"S/RES/{number} ({year})",
        number=number,
        year=year,
        adopted=adopted,
        meeting=meeting,
        subject=agenda,
        official_url=f"https://undocs.org/S/RES/{number}({year})",
        meeting_record=record,
        vote=_vote(statement, description),
        draft=draft,
        sponsors=sponsors,
        chapter_vii=adoption is not None and "Chapter VII" in (adoption.get("refersTo") or ""),
        title=title,
        subjects=_subjects(statement),
        source_kind="akn",
    )
    return metadata, diagnostics


def _names(text: str) -> list[str]:
    return [name for name in (_clean(part) for part in re.split(r",|\band\b", text or "")) if name]


def _vote(statement: etree._Element, description: str) -> Vote | None:
    counts: dict[str, tuple[int, tuple[str, ...]]] = {}
    for count in statement.iter():
        if _local(count) != "count":
            continue
        kind = count.get("refersTo", "")
        try:
            value = int(count.get("value", "0") or 0)
        except ValueError:
            value = 0
        voters = tuple(_clean("".join(org.itertext())) for org in count.iter() if _local(org) == "organization")
        counts[kind] = (value or len(voters), voters)
    if not counts:
        return None
    favour, against, abstain = (counts.get(kind, (0, ())) for kind in ("inFavour", "against", "abstaining"))
    return Vote(favour[1], against[1], abstain[1], (favour[0], against[0], abstain[0]), description)


def _subjects(statement: etree._Element) -> tuple[Subject, ...]:
    schemes = {"UNBIS": SubjectScheme.UNBIS, "EuroVoc": SubjectScheme.EUROVOC, "SDGO": SubjectScheme.SDG}
    seen: dict[tuple[str, SubjectScheme], Subject] = {}
    for keyword in statement.iter():
        if _local(keyword) != "keyword" or keyword.get("dictionary") not in schemes:
            continue
        scheme = schemes[keyword.get("dictionary")]
        value = keyword.get("value", "")
        term = f"SDG {value}" if scheme is SubjectScheme.SDG else _clean(value.replace("_", " "))
        if term and (term, scheme) not in seen:
            seen[(term, scheme)] = Subject(term, scheme, keyword.get("href", ""))
    return tuple(seen.values())

"""Series: the resolutions that establish, renew and end the same mandate, in order.

``find_series(entries, data)`` reads every resolution on the site and returns the series it finds,
with the problems of the reviewed data file ``data/series.yml``. A resolution joins a series by
what its operative part says:

- it **establishes** a body: "Decides to establish the United Nations … in Mali (MINUSMA)";
- it **renews** a mandate: "Decides to extend the mandate of MINUSMA until 30 June 2018",
  "extend until 31 March 2018 the mandate of MONUSCO", "extend the present mandate of UNIFIL
  until …", "decides to extend its mandate for a further period ending 31 January 2020" (its: the
  body the paragraph named just before);
- it **terminates** one: "Decides to terminate MINUSMA’s mandate under resolution 2640 (2022)".

Resolutions are grouped by the body they name. An acronym (MINUSMA, UNFICYP) names one body; a
generic name ("the Panel of Experts") is told apart by the resolution that established it ("…
established by resolution 2140 (2014)") or, failing that, by the agenda item. The "Recalling its
previous resolutions, in particular …" chain confirms each link: ``Member.recalled`` says whether a
renewal cites the member before it. ``data/series.yml`` names the series and settles what the
text leaves ambiguous: resolutions to include or exclude, each with a reason.

What the output promises: members are in order of adoption; each has its end date as printed and
as a date, its troop and police ceilings where its text states them (``None`` where it does not),
and its numbers of paragraphs and mandated tasks; ``Series.predecessor`` and ``successor`` are the
members before and after. A body named by one resolution only is still a series of one: it gives
that resolution its status, but no series page.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from ..data_files import DATA, read_entries
from ..model import Diagnostic, Resolution, Severity
from .analysis import Analysis
from .facts import body_names, parse_date
from .references import ReferenceKind

SERIES_FILE = DATA / "series.yml"

DATE = r"\d{1,2}\s*[A-Z][a-z]+\s+\d{4}"
"""A date as resolutions print it: '30 June 2018' (and the UN file's '31January 2021')."""

RENEWAL = re.compile(
    rf"""
    \b(?:extend|renew)(?:s|ed)? \s+                                # 'extend', 'renews'
    (?:until \s+ (?P<date_first>{DATE}) \s+)?                      # 'extend until 31 March 2018 the mandate of MONUSCO'
    (?: (?:the \s+)? (?:present \s+ | current \s+)? mandates? \s+ of \s+
        (?P<body>[^,;:]{{1,300}}?)                                 # 'MINUSMA', 'the Panel of Experts established by …' (bounded: linear time)
        (?= \s+ (?:until|for|as|under|from)\b | [,;:.] | $ )
      | (?P<owner>[A-Z][\w-]*)['’]s \s+ mandate\b                  # 'UNSOM’s mandate'
      | (?P<its>its \s+ mandate)\b                                 # 'extend its mandate': the body named before
    )
    (?: [^;]{{0,200}}? \b (?:until|ending(?:\s+on)?) \s+ (?P<date>{DATE}) )?   # 'until 30 June 2018', 'for a further period ending 31 January 2020'
    """,
    re.X,
)

ESTABLISHMENT = re.compile(
    r"""
    \b[Dd]ecides \s+ to \s+ establish \s+
    (?P<name>(?:the \s+)? [A-Z][^,;()]{0,300}?) \s*               # 'the United Nations Multidimensional … in Mali'
    \( (?P<acronym>[A-Z][A-Za-z-]*[A-Z]) \)                        # '(MINUSMA)'
    """,
    re.X,
)

TERMINATION = re.compile(
    r"""
    \bterminate \s+
    (?: (?:the \s+)? mandate \s+ of \s+ (?P<body>[^,;:]{1,300}?) (?= \s+ (?:as|on|from|with|under)\b | [,;:.] )
      | (?P<owner>[A-Z][\w-]*)['’]s \s+ mandate\b                  # 'terminate MINUSMA’s mandate'
    )
    """,
    re.X,
)

ACRONYM = re.compile(r"\b[A-Z][A-Za-z-]*[A-Z]\b")
"""A body's acronym: 'MINUSMA', 'UNFICYP', 'FC-G5S'."""

ESTABLISHED_BY = re.compile(
    r"""
    established \s+ (?:by|pursuant \s+ to) \s+                     # 'established by', 'established pursuant to'
    (?:paragraph \s+ \d+ \s+ of \s+)? resolution \s+ (?P<number>\d+)   # '(paragraph 21 of) resolution 2140'
    """,
    re.X,
)

CEILING = re.compile(
    r"""
    (?: up \s+ to \s+ (?:a \s+ ceiling \s+ of \s+)?                # 'up to', 'up to a ceiling of'
        (?P<military>\d{1,3}(?:,\d{3})+|\d+) \s+ (?:military \s+ personnel|troops)\b
      | troop \s+ ceiling \s+ of \s+                                   # 'within the authorized troop ceiling of 11,200 military personnel',
        (?P<troops>\d{1,3}(?:,\d{3})+|\d+) \s+ (?:military \s+ personnel|troops|personnel)\b   # 'a troop ceiling of 17,000 personnel'
    )
    (?: [^;]{0,240}? \b (?: (?P<police>\d{1,3}(?:,\d{3})+|\d+) \s+ police \s+ personnel   # '… and 1,920 police personnel'
                         | police \s+ ceiling \s+ of \s+ (?P<ceiling>\d{1,3}(?:,\d{3})+|\d+) \s+ (?:police \s+)? personnel ) )?   # 'a police ceiling of 2,101 personnel'
    """,
    re.X,
)


class Role(str, Enum):
    """What a member of a series does to the mandate."""

    ESTABLISHES = "establishes"
    RENEWS = "renews"
    TERMINATES = "terminates"


@dataclass(frozen=True, slots=True)
class Member:
    """One resolution of a series, with the figures a series page compares."""

    number: int
    year: int
    symbol: str
    adopted: datetime.date
    role: Role
    element_id: str
    """The paragraph that establishes, renews or terminates the mandate ('' when only the data file says so)."""
    until: str = ""
    """The mandate's end as printed: '30 June 2018'; '' when the text gives none."""
    until_date: datetime.date | None = None
    military: int | None = None
    """Troop ceiling the text states ('up to 13,289 military personnel'); None when it states none."""
    police: int | None = None
    """Police ceiling the text states; None when it states none."""
    ceiling_element: str = ""
    """The element that states the ceilings."""
    paragraphs: int = 0
    """Operative paragraphs."""
    preambular: int = 0
    """Preambular paragraphs."""
    tasks: int = 0
    """Mandated tasks: sub-paragraphs, items and indents of its task lists."""
    recalled: bool = False
    """Whether its text cites the member before it (the "Recalling its previous resolutions" chain)."""
    reason: str = ""
    """Why the data file includes it, when the text alone does not say."""

    def as_dict(self) -> dict[str, object]:
        return {
            "number": self.number,
            "symbol": self.symbol,
            "adopted": self.adopted.isoformat(),
            "role": self.role.value,
            "element": self.element_id or None,
            "until": self.until_date.isoformat() if self.until_date else None,
            "military": self.military,
            "police": self.police,
            "paragraphs": self.paragraphs,
            "preambular": self.preambular,
            "tasks": self.tasks,
            "recalled": self.recalled,
        }


@dataclass(frozen=True, slots=True)
class Series:
    """The members of one mandate's series, in order of adoption."""

    id: str
    """Slug of the page: 'minusma' → /series/minusma/."""
    body: str
    """The body as the texts name it: 'MINUSMA', 'Panel of Experts'."""
    name: str
    """Its full name, from the data file or the establishing text ('' when neither gives it)."""
    members: tuple[Member, ...]

    @property
    def title(self) -> str:
        return f"{self.name} ({self.body})" if self.name and self.name != self.body else self.body

    def index(self, number: int) -> int | None:
        return next((i for i, member in enumerate(self.members) if member.number == number), None)

    def member(self, number: int) -> Member | None:
        index = self.index(number)
        return None if index is None else self.members[index]

    def predecessor(self, number: int) -> Member | None:
        index = self.index(number)
        return self.members[index - 1] if index else None

    def successor(self, number: int) -> Member | None:
        index = self.index(number)
        return self.members[index + 1] if index is not None and index + 1 < len(self.members) else None

    def pairs(self) -> list[tuple[Member, Member]]:
        """Every consecutive (predecessor, successor) pair."""
        return list(zip(self.members, self.members[1:]))

    def as_dict(self) -> dict[str, object]:
        return {"id": self.id, "body": self.body, "name": self.name or None, "members": [m.as_dict() for m in self.members]}


@dataclass(frozen=True, slots=True)
class SeriesEntry:
    """One reviewed entry of ``data/series.yml``."""

    id: str
    body: str
    name: str
    include: tuple[tuple[int, str], ...]
    """(number, reason): resolutions of the series that the text does not show as such."""
    exclude: tuple[tuple[int, str], ...]
    """(number, reason): resolutions whose words look like a renewal of it but are not."""
    line: int
    file: str = ""
    """The data file, for warnings."""


@dataclass(frozen=True, slots=True)
class Found:
    """What one resolution's text does to one body's mandate."""

    body: str
    key: str
    role: Role
    element_id: str
    until: str


def slug(text: str) -> str:
    """'Panel of Experts 2140' → 'panel-of-experts-2140'."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _key(body: str, text: str, subject: str) -> str:
    """The series a body's mandate belongs to: its acronym, or a generic name told apart by its origin."""
    if ACRONYM.fullmatch(body):
        return body
    if origin := ESTABLISHED_BY.search(text):
        return f"{body} {origin['number']}"
    return f"{body} ({subject})" if subject else body


def _named_before(text: str, position: int) -> str:
    """The last acronym before ``position``: 'Expresses its full support for UNFICYP, and decides to extend its mandate'."""
    names = ACRONYM.findall(text[max(0, position - 300) : position])
    return names[-1] if names else ""


def mandate_actions(resolution: Resolution) -> list[Found]:
    """Every body whose mandate the operative part establishes, renews or terminates, in order."""
    found: list[Found] = []
    subject = resolution.metadata.subject
    for paragraph in resolution.operative:
        for element in paragraph.walk():
            text = element.text
            for match in ESTABLISHMENT.finditer(text):
                found.append(Found(match["acronym"], match["acronym"], Role.ESTABLISHES, element.id, ""))
            for match in TERMINATION.finditer(text):
                for body in body_names(match["body"] or match["owner"]):
                    found.append(Found(body, _key(body, text, subject), Role.TERMINATES, element.id, ""))
            for match in RENEWAL.finditer(text):
                words = match["body"] or match["owner"] or _named_before(text, match.start())
                until = re.sub(r"(?<=\d)(?=[A-Z])", " ", " ".join((match["date_first"] or match["date"] or "").split()))  # '31January 2021'
                for body in body_names(words) if words else ():
                    found.append(Found(body, _key(body, text[match.start() :], subject), Role.RENEWS, element.id, until))
    return found


def ceilings(resolution: Resolution) -> tuple[int | None, int | None, str]:
    """(troops, police, element) as the operative part states the ceilings; (None, None, '') when it does not."""
    for paragraph in resolution.operative:
        for element in paragraph.walk():
            if match := CEILING.search(element.text):
                police = match["police"] or match["ceiling"]
                return _number(match["military"] or match["troops"]), _number(police) if police else None, element.id
    return None, None, ""


def _number(printed: str) -> int:
    return int(printed.replace(",", ""))


def _cites(analysis: Analysis, number: int) -> bool:
    return any(r.kind is ReferenceKind.RESOLUTION and r.resolution is not None and r.resolution.number == number for r in analysis.references)


def _member(resolution: Resolution, analysis: Analysis, role: Role, element_id: str, until: str, reason: str = "") -> Member:
    meta = resolution.metadata
    military, police, where = ceilings(resolution)
    return Member(
        number=meta.number,
        year=meta.year,
        symbol=meta.symbol,
        adopted=meta.adopted,
        role=role,
        element_id=element_id,
        until=until,
        until_date=parse_date(until) if until else None,
        military=military,
        police=police,
        ceiling_element=where,
        paragraphs=len(resolution.operative),
        preambular=len(resolution.preamble),
        tasks=sum(len(task_list.tasks) for task_list in analysis.mandate.task_lists),
        reason=reason,
    )


def load_series_data(path: Path | None = None) -> tuple[tuple[SeriesEntry, ...], list[Diagnostic]]:
    """The reviewed entries of ``path`` (``data/series.yml`` when None), or () with every problem (``FILE:LINE: error: …``)."""
    path = path or SERIES_FILE
    entries, problems = read_entries(path, "series")
    found: list[SeriesEntry] = []
    seen: dict[str, int] = {}
    for line, values, lines in entries:
        unknown = sorted(set(values) - {"id", "body", "name", "include", "exclude", "note"})
        for key in unknown:
            problems.append(Diagnostic(str(path), lines[key], Severity.ERROR, f"series '{values.get('id', '?')}' has unknown key '{key}'"))
        for key in ("id", "body", "note"):
            if not isinstance(values.get(key), str) or not str(values[key]).strip():
                problems.append(Diagnostic(str(path), line, Severity.ERROR, f"series '{values.get('id', '?')}' is missing key '{key}' (text)"))
        lists: dict[str, list[tuple[int, str]]] = {"include": [], "exclude": []}
        for key in lists:
            value = values.get(key, [])
            if not isinstance(value, list):
                problems.append(Diagnostic(str(path), lines[key], Severity.ERROR, f"'{key}' must be a list of {{number, reason}}"))
                continue
            for item in value:
                number, reason = (item.get("number"), item.get("reason")) if isinstance(item, dict) else (None, None)
                if not isinstance(number, int) or isinstance(number, bool) or not isinstance(reason, str) or not reason.strip():
                    problems.append(Diagnostic(str(path), lines[key], Severity.ERROR, f"each entry of '{key}' needs a resolution 'number' and a 'reason'"))
                    continue
                lists[key].append((number, reason))
        identifier = str(values.get("id", ""))
        if identifier in seen:
            problems.append(Diagnostic(str(path), line, Severity.ERROR, f"series '{identifier}' is listed twice (line {seen[identifier]})"))
        elif identifier and identifier != slug(identifier):
            problems.append(Diagnostic(str(path), lines.get("id", line), Severity.ERROR, f"series id '{identifier}' must be lower case words joined by '-' ('{slug(identifier)}')"))
        seen.setdefault(identifier, line)
        if not any(p.severity is Severity.ERROR and p.line >= line for p in problems):
            found.append(SeriesEntry(identifier, str(values["body"]), str(values.get("name") or ""), tuple(lists["include"]), tuple(lists["exclude"]), line, str(path)))
    if any(p.severity is Severity.ERROR for p in problems):
        return (), problems
    return tuple(found), problems


def find_series(entries: Iterable[tuple[Resolution, Analysis]], data: tuple[SeriesEntry, ...] = ()) -> tuple[tuple[Series, ...], list[Diagnostic]]:
    """Every series the resolutions form (see the module docstring), in order of their first member."""
    entries = sorted(entries, key=lambda pair: (pair[0].metadata.adopted, pair[0].metadata.number))
    by_number = {resolution.metadata.number: (resolution, analysis) for resolution, analysis in entries}
    reviewed = {entry.body: entry for entry in data}
    groups: dict[str, list[Member]] = {}
    bodies: dict[str, str] = {}
    names: dict[str, str] = {}
    for resolution, analysis in entries:
        taken: set[str] = set()
        for action in mandate_actions(resolution):
            if action.key in taken:  # one member per resolution: the first paragraph that acts on the mandate
                continue
            taken.add(action.key)
            bodies[action.key] = action.body
            groups.setdefault(action.key, []).append(_member(resolution, analysis, action.role, action.element_id, action.until))
            if action.role is Role.ESTABLISHES and (match := ESTABLISHMENT.search(_text(resolution, action.element_id))):
                names.setdefault(action.key, re.sub(r"^the\s+", "", " ".join(match["name"].split())))
    problems: list[Diagnostic] = []
    found: list[Series] = []
    for entry in data:
        if entry.body not in groups and any(number in by_number for number, _ in entry.include):
            groups[entry.body], bodies[entry.body] = [], entry.body
    for key, members in groups.items():
        entry = reviewed.get(key)
        if entry is not None:
            excluded = {number for number, _ in entry.exclude}
            for number in sorted(excluded & set(by_number) - {m.number for m in members}):
                problems.append(Diagnostic(entry.file, entry.line, Severity.WARNING, f"series '{entry.id}' excludes {number}, which its text does not show as a member: is the entry stale?"))
            members = [m for m in members if m.number not in excluded]
            present = {m.number for m in members}
            for number, reason in entry.include:
                if number in by_number and number not in present:
                    resolution, analysis = by_number[number]
                    members.append(_member(resolution, analysis, Role.RENEWS, "", "", reason))
            members.sort(key=lambda m: (m.adopted, m.number))
        if not members:
            continue
        members = _chained(members, by_number)
        series_id = entry.id if entry else slug(key)
        found.append(Series(series_id, bodies[key], entry.name if entry and entry.name else names.get(key, ""), tuple(members)))
    return tuple(sorted(found, key=lambda s: (s.members[0].adopted, s.id))), problems


def _text(resolution: Resolution, element_id: str) -> str:
    return next((e.text for e in resolution.elements() if e.id == element_id), "")


def _chained(members: list[Member], by_number: dict[int, tuple[Resolution, Analysis]]) -> list[Member]:
    """Members with ``recalled`` set: whether each one's text cites the member before it."""
    chained = []
    for index, member in enumerate(members):
        recalled = index > 0 and _cites(by_number[member.number][1], members[index - 1].number)
        chained.append(replace(member, recalled=recalled))
    return chained


def series_of(series: tuple[Series, ...], number: int) -> Series | None:
    """The series a resolution renews: the longest one it belongs to (a mission over a force that supports it)."""
    holding = [s for s in series if s.member(number) is not None]
    return max(holding, key=lambda s: len(s.members), default=None)

"""Pages and fragments of a mandate's history, from ``analyse.history``; nothing is computed here.

- ``overview_status(history, page)``: the status line of an overview ("Renewed the mandate given by
  S/RES/2295 (2016) until 30 June 2018; superseded by S/RES/2423 (2018)") with links to what
  changed and to the series;
- ``paragraph_history(history, element, page)``: a paragraph's predecessor and successor, with the
  word-level difference of it and of each of its items;
- ``changes_page(resolution, history)``: ``N/changes/``, everything that changed since the
  predecessor;
- ``series_pages(series)``: ``series/`` and one page per series of more than one resolution,
  with a chart of the ceilings and the mandate's end dates and the same figures as a table.

Differences never rely on colour: removed words are struck through, added words underlined, each
stretch also bracketed and prefixed "removed:" or "added:" for screen readers, and every list of
differences comes with a legend.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from markupsafe import Markup

from .. import ids
from ..analyse.alignment import Alignment, DiffKind, DiffPart, Match, Status, VerbChange
from ..analyse.history import History
from ..analyse.series import Member, Role, Series
from ..model import Element, Resolution
from .links import element_name
from .pages import Page, front_matter
from .templating import render

ROWS_SHOWN = 3
"""A paragraph page shows the word-by-word difference of up to this many changed, new or dropped
elements; a paragraph with more (a long list of tasks) shows its own words and counts the rest, which
its resolution's "what changed" page shows in full, so that a paragraph page stays light."""

STATUS_WORDS = {Status.UNCHANGED: "unchanged", Status.CHANGED: "changed", Status.NEW: "new", Status.DROPPED: "dropped"}


@dataclass(frozen=True, slots=True)
class Row:
    """One element in a list of differences."""

    status: str
    name: str
    """'paragraph 20 (a) (ii)' in the successor; the predecessor's name for a dropped element."""
    url: str
    before_name: str
    """The predecessor's element, named; '' when new."""
    before_url: str
    parts: tuple[DiffPart, ...]
    """The difference (changed), or the whole text as one stretch (new: added; dropped: removed)."""
    verb: VerbChange | None
    moved: bool
    task: bool
    depth: int
    """0 for a paragraph, 1 for its sub-paragraphs, and so on."""


def _depth(element_id: str) -> int:
    return len(element_id.split("-")) - 2


def _text_of(resolution: Resolution) -> dict[str, Element]:
    return {element.id: element for element in resolution.elements()}


def _whole(text: str, kind: DiffKind) -> tuple[DiffPart, ...]:
    return (DiffPart(kind, text),)


def rows(alignment: Alignment, before: Resolution, after: Resolution, matches: list[Match] | None = None) -> list[Row]:
    """The matches as rows to show, with names, links and differences."""
    old, new = _text_of(before), _text_of(after)
    found = []
    for match in alignment.matches if matches is None else matches:
        element, previous = new.get(match.element_id), old.get(match.predecessor_id)
        if match.status is Status.NEW:
            parts = _whole(_own(element), DiffKind.ADDED)
        elif match.status is Status.DROPPED:
            parts = _whole(_own(previous), DiffKind.REMOVED)
        elif match.status is Status.CHANGED:
            parts = match.diff
        else:
            parts = _whole(_own(element), DiffKind.SAME)
        found.append(
            Row(
                STATUS_WORDS[match.status],
                element_name(match.element_id or match.predecessor_id),
                ids.permalink(alignment.successor, match.element_id) if match.element_id else "",
                element_name(match.predecessor_id) if match.predecessor_id else "",
                ids.permalink(alignment.predecessor, match.predecessor_id) if match.predecessor_id else "",
                parts,
                match.verb,
                match.moved,
                match.task,
                _depth(match.element_id or match.predecessor_id),
            )
        )
    return found


def _own(element: Element | None) -> str:
    if element is None:
        return ""
    return f"{element.heading} {element.text}".strip()


def status_sentence(history: History) -> tuple[str, str, str, str]:
    """(before the first link, the first link's symbol, between the links, the second link's symbol):
    the words of the status line, the links left to the template."""
    member, before, after = history.member, history.predecessor, history.successor
    until = f" until {member.until}" if member.until else ""
    if member.role is Role.ESTABLISHES:
        opening = f"Established the mandate of {history.series.body}{until}"
        return opening + ("; renewed by " if after else "."), "", "", after.symbol if after else ""
    if member.role is Role.TERMINATES:
        if before is None:
            return f"Terminated the mandate of {history.series.body}.", "", "", ""
        return "Terminated the mandate given by ", before.symbol, ".", ""
    if before is None:
        return f"Renewed the mandate of {history.series.body}{until}" + ("; superseded by " if after else "."), "", "", after.symbol if after else ""
    return "Renewed the mandate given by ", before.symbol, until + ("; superseded by " if after else "."), after.symbol if after else ""


def overview_status(history: History | None, page: str) -> Markup:
    """The status line of an overview and links to what changed and to the series; empty without a history."""
    if history is None:
        return Markup("")
    opening, first, middle, second = status_sentence(history)
    number = history.member.number
    return Markup(
        render(
            "history_status.html.j2",
            page=page,
            opening=opening,
            first=first,
            first_url=f"{history.predecessor.number}/" if history.predecessor else "",
            middle=middle,
            second=second,
            second_url=f"{history.successor.number}/" if history.successor else "",
            changes_url=f"{number}/changes/" if history.since else "",
            predecessor=history.predecessor,
            series=history.series if history.has_page else None,
        )
    )


def paragraph_history(history: History | None, resolution: Resolution, element: Element, page: str, before: Resolution | None = None) -> Markup:
    """A paragraph's predecessor and successor, and the difference of it and of each of its items.

    ``before`` is the predecessor's model, for the words of what was dropped; empty without a history.
    """
    if history is None:
        return Markup("")
    inside = {part.id for part in element.walk()}
    earlier = later = None
    listed: list[Row] = []
    counts: list[tuple[str, int]] = []
    if history.since is not None:
        match = history.since.by_element.get(element.id)
        earlier = match if match and match.predecessor_id else None
        chosen = [m for m in history.since.matches if m.element_id in inside or (m.status is Status.DROPPED and _within(history.since, m, inside))]
        shown = [m for m in chosen if m.status is not Status.UNCHANGED]
        if len(shown) > ROWS_SHOWN:  # a long list of tasks: the paragraph's own words here, the rest counted
            counted = [(STATUS_WORDS[status], sum(m.status is status for m in chosen if m.element_id != element.id)) for status in Status]
            counts = [(word, count) for word, count in counted if count]
            shown = [m for m in shown if m.element_id == element.id]
        if before is not None and shown:
            listed = rows(history.since, before, resolution, shown)
    if history.until is not None:
        later = history.until.by_predecessor.get(element.id)
        later = later if later and later.element_id else None
    number = resolution.metadata.number
    return Markup(
        render(
            "history_paragraph.html.j2",
            page=page,
            name=element_name(element.id),
            predecessor=history.predecessor,
            successor=history.successor,
            earlier=earlier,
            earlier_name=element_name(earlier.predecessor_id) if earlier else "",
            earlier_url=ids.permalink(history.predecessor.number, earlier.predecessor_id) if earlier and history.predecessor else "",
            later=later,
            later_name=element_name(later.element_id) if later else "",
            later_url=ids.permalink(history.successor.number, later.element_id) if later and history.successor else "",
            rows=listed,
            counts=counts,
            changes_url=f"{number}/changes/" if history.since else "",
        )
    )


def _within(alignment: Alignment, dropped: Match, inside: set[str]) -> bool:
    """Whether a dropped item was under the paragraph that this paragraph continues."""
    paragraph = "-".join(dropped.predecessor_id.split("-")[:2])
    continued = alignment.by_predecessor.get(paragraph)
    return dropped.predecessor_id != paragraph and continued is not None and continued.element_id in inside


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One line of the comparison of two members (mandate end, ceilings, counts)."""

    name: str
    before: str
    after: str
    changed: bool


def _figure(value: int | None) -> str:
    return "not stated" if value is None else f"{value:,}"


def compare(before: Member, after: Member) -> list[FigureRow]:
    """The figures of two consecutive members side by side."""
    pairs = [
        ("Mandate until", before.until or "not stated", after.until or "not stated"),
        ("Troop ceiling", _figure(before.military), _figure(after.military)),
        ("Police ceiling", _figure(before.police), _figure(after.police)),
        ("Operative paragraphs", str(before.paragraphs), str(after.paragraphs)),
        ("Preambular paragraphs", str(before.preambular), str(after.preambular)),
        ("Mandated tasks", str(before.tasks), str(after.tasks)),
    ]
    return [FigureRow(name, old, new, old != new) for name, old, new in pairs]


def changes_page(resolution: Resolution, before: Resolution, history: History) -> Page | None:
    """N/changes/: what changed since the predecessor; None for the first of a series."""
    alignment = history.since
    if alignment is None or history.predecessor is None:
        return None
    meta = resolution.metadata
    page = f"{meta.number}/changes/"
    listed = rows(alignment, before, resolution)
    def kind(match: Match) -> str:
        element = match.element_id or match.predecessor_id
        if _depth(element):
            return "Mandated tasks" if match.task else "Other sub-paragraphs and items"
        return "Preambular paragraphs" if element.startswith("pp-") else "Operative paragraphs"

    kinds = ("Preambular paragraphs", "Operative paragraphs", "Mandated tasks", "Other sub-paragraphs and items")
    counts = [(what, [sum(1 for m in alignment.matches if kind(m) == what and m.status is status) for status in Status]) for what in kinds]
    description = f"What changed in Security Council resolution {meta.number} ({meta.year}) since {history.predecessor.symbol}: paragraphs new, dropped and changed, tasks, verbs, ceilings and dates."
    body = render(
        "changes.html.j2",
        page=page,
        symbol=meta.symbol,
        number=meta.number,
        predecessor=history.predecessor,
        series=history.series if history.has_page else None,
        statuses=[STATUS_WORDS[status] for status in Status],
        summary=[[what, *numbers] for what, numbers in counts],
        figures=[[f.name, f.before, f.after, "changed" if f.changed else "same"] for f in compare(history.predecessor, history.member)],
        added_tasks=[row for row in listed if row.task and row.status == "new"],
        removed_tasks=[row for row in listed if row.task and row.status == "dropped"],
        verbs=[row for row in listed if row.verb is not None],
        changed=[row for row in listed if row.status != "unchanged"],
        unchanged=[row for row in listed if row.status == "unchanged" and row.depth == 0],
    )
    return Page(page, front_matter(f"{meta.symbol}: what changed", description) + body)


CHART_WIDTH = 360


def _when(day: datetime.date, first: datetime.date, last: datetime.date, left: float, width: float) -> float:
    span = max((last - first).days, 1)
    return left + width * (day - first).days / span


def chart(series: Series) -> dict[str, object]:
    """Where to draw each member: a bar from adoption to the mandate's end, and the ceilings as points."""
    members = series.members
    first = min(m.adopted for m in members)
    last = max([m.until_date or m.adopted for m in members] + [m.adopted for m in members])
    left, width, row = 44.0, CHART_WIDTH - 56.0, 16
    bars = []
    for index, member in enumerate(members):
        start = _when(member.adopted, first, last, left, width)
        end = _when(member.until_date, first, last, left, width) if member.until_date else start
        bars.append({"member": member, "y": 28 + index * row, "x": start, "width": max(end - start, 2.0)})
    ceiling_top = 28 + len(members) * row + 36
    height = 120
    highest = max([m.military or 0 for m in members] + [m.police or 0 for m in members] + [1])
    points = []
    for member in members:
        x = _when(member.adopted, first, last, left, width)
        for kind, value in (("troops", member.military), ("police", member.police)):
            if value is not None:
                points.append({"kind": kind, "x": x, "y": ceiling_top + height - height * value / highest, "value": value, "member": member})
    years = [
        {"x": _when(datetime.date(year, 1, 1), first, last, left, width), "year": year}
        for year in range(first.year + 1, last.year + 1)
    ]
    return {
        "bars": bars,
        "points": points,
        "lines": {kind: [p for p in points if p["kind"] == kind] for kind in ("troops", "police")},
        "years": years,
        "ceiling_top": ceiling_top,
        "ceiling_bottom": ceiling_top + height,
        "highest": highest,
        "height": ceiling_top + height + 24,
        "left": left,
        "right": left + width,
        "timeline_bottom": 28 + len(members) * row,
    }


def series_pages(series: tuple[Series, ...]) -> list[Page]:
    """series/ and one page per series with more than one member; [] when there is none."""
    shown = [s for s in series if len(s.members) > 1]
    if not shown:
        return []
    pages = [
        Page(
            "series/",
            front_matter("Mandates and their renewals", "Every mandate on this site with the resolutions that established, renewed and ended it.")
            + render("series_index.html.j2", page="series/", series=shown),
        )
    ]
    for each in shown:
        page = f"series/{each.id}/"
        description = f"The resolutions that established, renewed and ended the mandate of {each.body}: dates, mandate ends, ceilings, paragraphs and tasks."
        pages.append(Page(page, front_matter(f"{each.body}: mandate history", description) + render("series_page.html.j2", page=page, series=each, chart=chart(each))))
    return pages

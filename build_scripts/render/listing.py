"""Lists across the corpus that never grow with it: elements by year of adoption, in pages of bounded size.

A corpus-wide page (an actor, a theme, the verbs, a cited document) lists the elements of every
resolution that concern it. Its :class:`Section` objects say what to list; :func:`split` decides
where, so that no page's size depends on the number of resolutions on the site:

- up to :data:`INLINE_ELEMENTS` elements, however many resolutions hold them, the page lists
  the elements itself, each resolution under its own heading;
- beyond, the elements go on one page per year of adoption (``PAGE/years/YYYY/``), each
  resolution under a heading of its own (``#asked-2364``); a year with more than
  :data:`PAGE_ELEMENTS` elements continues on ``PAGE/years/YYYY/2/`` and so on, whole
  resolutions to a page;
- the page itself lists the resolutions with their counts, each linked to its heading on its
  year's page, or beyond :data:`RESOLUTIONS_PER_PAGE` resolutions, the years.

A page per year rather than per resolution: at the whole record (1,509 resolutions) the same
links took ~43,000 pages of which four fifths were the theme's chrome; by year they take a few
thousand. Every level keeps the section anchors (``#asked``, ``#strength-4``), so a deep link to
an exact element is one or two clicks from the page that was linked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ..model import Resolution
from .pages import Page, front_matter
from .templating import render

INLINE_ELEMENTS = 120
"""Up to this many elements (about 30 KB), a page of a few resolutions lists them itself."""
PAGE_ELEMENTS = 120
"""A year's page holds whole resolutions up to this many elements, then continues on another."""
RESOLUTIONS_PER_PAGE = 40
"""Up to this many resolutions, a page lists them; beyond, it lists years."""


@dataclass(frozen=True, slots=True)
class Item:
    """One element listed: a link to it, what to say about it."""

    text: str
    """The link's text: 'Paragraph 20 (a)'."""
    url: str
    """Site-relative target: '2364/op/20/#op-20-a'."""
    excerpt: str
    """Its first words."""
    note: str = ""
    """A word on why it is listed (its verbs)."""


@dataclass(frozen=True, slots=True)
class Group:
    """The items of one resolution, optionally under subheadings (its sections)."""

    title: str
    """The resolution's symbol."""
    parts: tuple[tuple[str, tuple[Item, ...]], ...]
    """(subheading or '', items)."""
    anchor: str = ""
    """The id of its heading, on a page that lists several resolutions' groups ('asked-2364')."""

    @property
    def count(self) -> int:
        return sum(len(items) for _, items in self.parts)


@dataclass(frozen=True, slots=True)
class Row:
    """A resolution or a year in a summary table, linked to where its elements are listed."""

    label: str
    url: str
    elements: int
    resolutions: int = 1


@dataclass(frozen=True, slots=True)
class Section:
    """One heading of a page and what it lists: elements (``groups``) or a summary (``rows``)."""

    title: str
    anchor: str
    empty: str = "None."
    """What to say when nothing is listed."""
    groups: tuple[Group, ...] = ()
    rows: tuple[Row, ...] = ()
    by_year: bool = False
    """``rows`` are years, each with its number of resolutions."""
    summary: bool = field(default=False)
    """The section lists rows, not elements."""

    @property
    def count(self) -> int:
        return sum(group.count for group in self.groups) if not self.summary else sum(row.elements for row in self.rows)


Corpus = Sequence[tuple[Resolution, object]]
Sections = Callable[[str, Corpus], list[Section]]
"""``sections(page, part)``: the sections of ``page`` for a part of the corpus (elements only)."""


def page(path: str, title: str, description: str, sections: list[Section], template: str = "corpus_list.html.j2", **context: object) -> Page:
    """A page of ``sections`` after an optional intro (``template`` decides what comes first)."""
    return Page(path, front_matter(title, description) + render(template, page=path, title=title, sections=sections, **context))


def split(path: str, title: str, corpus: Corpus, sections: Sections, relevant: Callable[[tuple[Resolution, object]], bool] = lambda entry: True) -> tuple[list[Section], list[Page]]:
    """The sections of ``path`` for the whole corpus and the pages they link onward to (see above).

    ``relevant(entry)`` is a cheap test that a resolution has something to list: only those are
    read element by element, so that a corpus of N resolutions and M actors costs N + M, not N × M.
    """
    years: dict[int, list[tuple[Resolution, list[Section]]]] = {}
    for entry in corpus:
        parts = sections(path, [entry]) if relevant(entry) else []
        if any(section.count for section in parts):
            years.setdefault(entry[0].metadata.year, []).append((entry[0], parts))
    empty = sections(path, [])
    listed = [(resolution, parts) for _, members in sorted(years.items()) for resolution, parts in members]
    if sum(section.count for _, parts in listed for section in parts) <= INLINE_ELEMENTS:
        return _merged(empty, listed), []
    pages, where = [], {}
    for year, members in sorted(years.items()):
        chunks = _chunks(members)
        paths = [f"{path}years/{year}/" + (f"{number}/" if number > 1 else "") for number in range(1, len(chunks) + 1)]
        for number, (chunk, chunk_path) in enumerate(zip(chunks, paths), 1):
            where.update((resolution.metadata.number, chunk_path) for resolution, _ in chunk)
            name = f"{title}: {year}" + (f" ({number} of {len(chunks)})" if len(chunks) > 1 else "")
            pages.append(page(chunk_path, name, f"{title} in the Security Council resolutions of {year}.", _merged(empty, chunk), up=(title, path), parts=list(zip(range(1, len(chunks) + 1), paths)) if len(chunks) > 1 else []))
    if len(listed) <= RESOLUTIONS_PER_PAGE:
        return [
            replace(section, summary=True, rows=tuple(
                Row(resolution.metadata.symbol, f"{where[resolution.metadata.number]}#{section.anchor}-{resolution.metadata.number}", parts[index].count)
                for resolution, parts in listed if parts[index].count
            ))
            for index, section in enumerate(empty)
        ], pages
    summary = []
    for index, section in enumerate(empty):
        rows = []
        for year, members in sorted(years.items()):
            counted = [(resolution, parts[index].count) for resolution, parts in members if parts[index].count]
            if counted:
                rows.append(Row(str(year), f"{where[counted[0][0].metadata.number]}#{section.anchor}", sum(count for _, count in counted), len(counted)))
        summary.append(replace(section, summary=True, by_year=True, rows=tuple(rows)))
    return summary, pages


def _merged(empty: list[Section], listed: list[tuple[Resolution, list[Section]]]) -> list[Section]:
    """Each section with the groups of every resolution listed, each headed by its own anchor ('asked-2364')."""
    return [
        replace(section, groups=tuple(replace(group, anchor=f"{section.anchor}-{resolution.metadata.number}") for resolution, parts in listed for group in parts[index].groups))
        for index, section in enumerate(empty)
    ]


def _chunks(members: list[tuple[Resolution, list[Section]]]) -> list[list[tuple[Resolution, list[Section]]]]:
    """Whole resolutions, in order, to pages of at most :data:`PAGE_ELEMENTS` elements (a larger one alone)."""
    chunks: list[list[tuple[Resolution, list[Section]]]] = [[]]
    size = 0
    for member in members:
        count = sum(section.count for section in member[1])
        if chunks[-1] and size + count > PAGE_ELEMENTS:
            chunks.append([])
            size = 0
        chunks[-1].append(member)
        size += count
    return chunks

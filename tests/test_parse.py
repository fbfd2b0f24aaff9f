"""The model of S/RES/2364 (2017): counts, headings, sections and every id of the nested paragraphs."""

from __future__ import annotations

import pytest

from build_scripts.ids import element_id
from build_scripts.model import ElementKind

EXPECTED_ITEM_IDS = {
    2: ["op-2-1", "op-2-2"],
    20: [
        "op-20-a", "op-20-a-i", "op-20-a-ii", "op-20-a-ii-1", "op-20-a-ii-2", "op-20-a-ii-3", "op-20-a-ii-4",
        "op-20-a-ii-5", "op-20-a-iii", "op-20-a-iv", "op-20-b", "op-20-c", "op-20-c-i", "op-20-c-ii",
        "op-20-c-iii", "op-20-d", "op-20-e", "op-20-f", "op-20-f-i", "op-20-f-ii", "op-20-g",
    ],
    22: ["op-22-a", "op-22-b", "op-22-c", "op-22-d"],
    34: ["op-34-1", "op-34-2", "op-34-3", "op-34-4", "op-34-5", "op-34-6"],
    47: ["op-47-i", "op-47-ii", "op-47-iii"],
    48: ["op-48-i", "op-48-ii"],
}

SUBHEADINGS = {
    "op-20-a": "Support to the implementation of the Agreement on Peace and Reconciliation in Mali",
    "op-20-b": "Good offices and reconciliation",
    "op-20-c": "Protection of civilians and stabilization, including against asymmetric threats",
    "op-20-d": "Countering asymmetric attacks in active defence of MINUSMA’s mandate",
    "op-20-e": "Protection, safety and security of United Nations personnel",
    "op-20-f": "Promotion and protection of human rights",
    "op-20-g": "Humanitarian assistance",
    "op-22-a": "Projects for stabilization",
    "op-22-b": "Weapons and ammunition management",
    "op-22-c": "Support for cultural preservation",
    "op-22-d": "Cooperation with the 1267/1989/2253 ISIL (Da’esh) and Al-Qaida Sanctions Committee",
}

SECTIONS = [
    ("Implementation of the Agreement on Peace and Reconciliation in Mali", 1, 14),
    ("MINUSMA’s mandate", 15, 30),
    ("Capacities of MINUSMA, safety and security of MINUSMA’s personnel", 31, 36),
    ("French forces mandate", 37, 37),
    ("Obligations under international humanitarian and human rights law", 38, 40),
    ("Environmental impact of MINUSMA’s operations", 41, 41),
    ("G5 Sahel contribution", 42, 42),
    ("Regional and international cooperation on the Sahel", 43, 44),
    ("European Union contribution", 45, 45),
    ("Small arms and light weapons", 46, 46),
    ("Reports by the Secretary-General", 47, 49),
]


def test_the_model_has_41_preambular_and_49_operative_paragraphs(resolution):
    assert [p.id for p in resolution.preamble] == [f"pp-{n}" for n in range(1, 42)]
    assert [p.id for p in resolution.operative] == [f"op-{n}" for n in range(1, 50)]


def test_preamble_runs_from_recalling_to_acting_under_chapter_vii(resolution):
    assert resolution.preamble[0].text.startswith("Recalling its previous resolutions, in particular 2359 (2017)")
    assert resolution.preamble[-1].text == "Acting under Chapter VII of the Charter of the United Nations,"
    assert all(p.text.endswith(",") for p in resolution.preamble)


def test_a_wrapped_line_after_a_comma_is_not_a_new_preambular_paragraph(resolution):
    pp17 = resolution.preamble[16]
    assert pp17.text.startswith("Strongly condemning the activities in Mali")
    assert "Al-Qaida in the Islamic Maghreb (AQIM), Al Mourabitoune, Ansar Eddine, and associated individuals" in pp17.text


def test_the_eleven_sections_cover_their_paragraphs(resolution):
    assert [(s.heading, s.first, s.last) for s in resolution.sections] == SECTIONS


@pytest.mark.parametrize("number", sorted(EXPECTED_ITEM_IDS))
def test_nested_items_have_exactly_the_expected_ids(resolution, number):
    paragraph = resolution.operative[number - 1]
    assert [e.id for e in paragraph.walk()[1:]] == EXPECTED_ITEM_IDS[number]


def test_only_the_expected_paragraphs_have_items(resolution):
    with_items = {p.number for p in resolution.operative if p.items}
    assert with_items == set(EXPECTED_ITEM_IDS)


def test_sub_paragraph_headings_are_kept_apart_from_their_text(resolution):
    headings = {e.id: e.heading for e in resolution.elements() if e.heading}
    assert headings == SUBHEADINGS
    twenty_two_d = next(e for e in resolution.elements() if e.id == "op-22-d")
    assert twenty_two_d.text.startswith("To assist, within its capabilities")


def test_labels_and_kinds_follow_the_printed_degrees(resolution):
    by_id = {e.id: e for e in resolution.elements()}
    assert (by_id["op-20"].label, by_id["op-20"].kind) == ("20", ElementKind.OPERATIVE)
    assert (by_id["op-20-c"].label, by_id["op-20-c"].kind) == ("(c)", ElementKind.SUBPARAGRAPH)
    assert (by_id["op-20-c-ii"].label, by_id["op-20-c-ii"].kind) == ("(ii)", ElementKind.ITEM)
    assert (by_id["op-20-a-ii-2"].label, by_id["op-20-a-ii-2"].kind) == ("–", ElementKind.INDENT)
    assert (by_id["op-2-1"].label, by_id["op-2-1"].kind) == ("•", ElementKind.INDENT)
    assert by_id["op-47-iii"].kind is ElementKind.ITEM


def test_paragraph_numbers_alone_on_their_line_or_with_a_leading_space(resolution):
    assert resolution.operative[9].text.startswith("Affirms that the gradual restoration")
    assert resolution.operative[14].text == "Decides to extend the mandate of MINUSMA until 30 June 2018;"
    assert resolution.operative[48].text == "Decides to remain actively seized of the matter."


def test_chapeau_text_excludes_items(resolution):
    op2 = resolution.operative[1]
    assert op2.text.endswith("bearing in mind the need to ensure the full implementation of the Agreement, notably:")
    assert op2.items[1].text.startswith("defence and security aspects")


def test_header(resolution):
    assert resolution.header.title == "Resolution 2364 (2017)"
    assert resolution.header.adoption == "Adopted by the Security Council at its 7991st meeting, on 29 June 2017"
    assert resolution.header.organ == "The Security Council,"


@pytest.mark.parametrize(
    ("prefix", "paragraph", "path", "expected"),
    [
        ("pp", 3, (), "pp-3"),
        ("op", 20, (), "op-20"),
        ("op", 20, ("a",), "op-20-a"),
        ("op", 20, ("a", "ii"), "op-20-a-ii"),
        ("op", 20, ("a", "ii", "2"), "op-20-a-ii-2"),
        ("op", 2, ("1",), "op-2-1"),
        ("op", 47, ("iii",), "op-47-iii"),
    ],
)
def test_element_ids_come_from_one_function(prefix, paragraph, path, expected):
    assert element_id(prefix, paragraph, *path) == expected


def test_the_same_text_gives_the_same_ids(resolution):
    from tests.conftest import SEED
    from build_scripts.pipeline import load_resolution

    again, _ = load_resolution(SEED)
    assert again.as_dict() == resolution.as_dict()

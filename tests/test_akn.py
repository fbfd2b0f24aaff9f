"""The Akoma Ntoso reader on the UN's own files: structure from printed labels, metadata, annexes, bad input.

Every expectation below was read off the XML files by hand (tests/fixtures/akn-shapes/ holds one real
file for each shape of markup; source_texts/ holds the vendored MINUSMA series and citations).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from build_scripts.cli import main
from build_scripts.model import ElementKind, SubjectScheme
from build_scripts.pipeline import load_resolution, load_source
from build_scripts.read.akn import load_akn
from build_scripts.sources import Source, number_in_name, pairs, resolution_files
from tests.conftest import ROOT

SOURCES = ROOT / "source_texts"
SHAPES = ROOT / "tests" / "fixtures" / "akn-shapes"
XML_2364 = SOURCES / "S_RES_2364_1710886E.xml"
TEXT_2364 = SOURCES / "s-res-2364-2017.txt"


def load(path: Path):
    resolution, diagnostics = load_resolution(path)
    assert resolution is not None, [str(d) for d in diagnostics]
    return resolution


def shape(resolution):
    return [(e.id, e.kind, e.label, e.heading, e.text) for e in resolution.elements()], [(s.heading, s.first, s.last) for s in resolution.sections]


def test_the_uns_file_of_2364_gives_the_same_model_as_its_pdf_text():
    assert shape(load(XML_2364)) == shape(load(TEXT_2364))


def test_2364_metadata_comes_from_the_file():
    meta = load(XML_2364).metadata
    assert (meta.symbol, meta.number, meta.year, meta.adopted.isoformat(), meta.meeting) == ("S/RES/2364 (2017)", 2364, 2017, "2017-06-29", 7991)
    assert meta.meeting_record == "S/PV.7991"
    assert meta.vote.tally == "15-0-0" and len(meta.vote.in_favour) == 15 and "FRANCE" in meta.vote.in_favour
    assert meta.vote.description == "Adopted unanimously"
    assert (meta.draft, meta.sponsors, meta.chapter_vii) == ("S/2017/558", ("France",), True)
    assert meta.subject == "The situation in Mali"
    assert {("SDG 16", SubjectScheme.SDG), ("civil society", SubjectScheme.UNBIS)} <= {(s.term, s.scheme) for s in meta.subjects}
    assert meta.official_url == "https://undocs.org/S/RES/2364(2017)"


def test_flattened_sub_paragraphs_nest_under_their_paragraph_by_their_labels():
    # In the file, 20 (c) to (g) and 22 (b) to (d) are top-level <paragraph>s with sequential eIds.
    elements = {e.id: e for e in load(XML_2364).elements()}
    assert elements["op-20-c"].heading == "Protection of civilians and stabilization, including against asymmetric threats"
    assert elements["op-20-c-ii"].text.startswith("In support of the Malian authorities, to stabilize the key population centres")
    assert elements["op-22-d"].heading.startswith("Cooperation with the 1267/1989/2253")
    assert [item.label for item in elements["op-20"].items] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)"]
    assert not any("para_" in element for element in elements)


def test_a_vote_with_abstentions_and_a_meeting_by_written_procedure():
    meta = load(next(SHAPES.glob("S_RES_2556*"))).metadata
    assert meta.vote.counts == (14, 0, 1) and meta.vote.abstaining == ("RUSSIAN FEDERATION",)
    assert meta.meeting == 0  # adopted by written procedure in 2020: the file names no meeting


def test_roman_items_over_letters_nest_the_letters_under_each_roman():
    paragraph = next(p for p in load(next(SHAPES.glob("S_RES_2556*"))).operative if p.number == 29)
    assert [item.id for item in paragraph.items] == ["op-29-i", "op-29-ii"]
    assert paragraph.items[0].heading == "Protection of civilians"
    assert paragraph.items[1].heading.startswith("Support to stabilisation and the strengthening of State institutions in the DRC")
    assert [item.id for item in paragraph.items[0].items] == [f"op-29-i-{key}" for key in "abcdefgh"]
    assert paragraph.items[1].items[-1].id == "op-29-ii-k"


def test_a_single_unnumbered_operative_paragraph_is_paragraph_1_without_a_label():
    resolution = load(SHAPES / "S_RES_2580_2107516E.xml")
    assert [(p.id, p.label) for p in resolution.operative] == [("op-1", "")]
    assert resolution.operative[0].text.startswith("Recommends to the General Assembly that Mr. António Guterres")


def test_a_number_in_an_empty_paragraph_takes_the_text_that_follows_it():
    resolution = load(SHAPES / "S_RES_1285_N0023963.xml")
    assert len(resolution.operative) == 7 and resolution.metadata.year == 2000
    assert resolution.operative[0].text.startswith("Authorizes the United Nations military observers")


def test_operative_paragraphs_marked_up_inside_the_preamble_are_operative():
    resolution = load(SHAPES / "S_RES_1977_N1130679.xml")
    assert resolution.preamble[-1].text.startswith("Acting under Chapter VII of the Charter")
    assert [p.number for p in resolution.operative] == list(range(1, 24))
    assert [item.id for item in resolution.operative[4].items] == ["op-5-a", "op-5-b"]


def test_a_quoted_list_inside_a_paragraph_keeps_its_labels():
    elements = {e.id: e for e in load(SHAPES / "S_RES_2699-2318982E.xml").elements()}
    assert elements["op-14-a"].kind is ElementKind.POINT and elements["op-14-a"].label == "a."
    assert elements["op-14-a"].text.startswith("The supply, sale, or transfer of small arms")


def test_annex_items_run_from_a_to_dd_with_i_after_h_read_as_a_letter():
    resolution = load(SOURCES / "S_RES_2253_1522456E.xml")
    first, second = resolution.annexes
    assert (first.title, second.title) == ("Annex I", "Annex II")
    letters = [item.label for item in first.items if item.kind is ElementKind.SUBPARAGRAPH]
    assert letters[:10] == ["(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)"] and letters[-1] == "(dd)"
    items = {e.id: e for e in first.walk()}
    assert items["annex-1-i"].kind is ElementKind.SUBPARAGRAPH  # the letter after (h)
    assert items["annex-1-a-i"].kind is ElementKind.ITEM  # a roman item under (a)
    # The annexes are never operative paragraphs, nor part of the last one.
    assert resolution.operative[-1].text.endswith("remain actively seized of the matter.")
    assert not any(e.id.startswith("annex") for e in resolution.elements())


def test_an_annex_typed_into_the_main_body_is_an_annex():
    resolution = load(ROOT / "tests" / "fixtures" / "akn" / "S_RES_2803-2518686E.xml")
    assert len(resolution.operative) == 11
    assert resolution.annexes[0].title.startswith("ANNEX 1 - President Donald J. Trump")


def test_the_json_model_has_the_same_keys_from_xml_and_from_text(tmp_path):
    assert main(["parse", str(XML_2364), "--json", str(tmp_path / "x.json")]) == 0
    assert main(["parse", str(TEXT_2364), "--json", str(tmp_path / "t.json")]) == 0
    from_xml, from_text = (json.loads((tmp_path / name).read_text(encoding="utf-8")) for name in ("x.json", "t.json"))
    assert from_xml.keys() == from_text.keys()
    assert from_xml["operative"][19]["items"][2]["id"] == "op-20-c"
    assert from_xml["vote"]["counts"] == {"in_favour": 15, "against": 0, "abstaining": 0}


@pytest.mark.parametrize(
    ("name", "number"),
    [
        ("S_RES_2364_1710886E.xml", 2364),
        ("SC_2584_2021-E.xml", 2584),
        ("S_RES_2531 (2020)-2008609E.xml", 2531),
        ("S_RES-2612-2119989E.xml", 2612),
        ("s-res-2364-2017.txt", 2364),
        ("S_PRST_2020_11.xml", None),
        ("notes.txt", None),
    ],
)
def test_the_resolution_number_is_read_from_every_naming_the_un_used(name, number):
    assert number_in_name(Path(name)) == number


def test_a_text_and_the_uns_file_of_the_same_resolution_are_one_source():
    sources = pairs(resolution_files(SOURCES))
    (source,) = [s for s in sources if number_in_name(s.path) == 2364]
    assert (source.path.name, source.partner.name) == ("s-res-2364-2017.txt", "S_RES_2364_1710886E.xml")
    assert len(sources) == 38


def test_the_text_is_checked_against_the_uns_file_and_takes_its_record():
    resolution, diagnostics = load_source(Source(TEXT_2364, XML_2364))
    assert resolution is not None and not [d for d in diagnostics if d.severity.value == "error"]
    assert resolution.metadata.checked_against == "S_RES_2364_1710886E.xml"
    assert resolution.metadata.source_kind == "text" and resolution.metadata.draft == "S/2017/558"


def test_a_word_that_differs_from_the_uns_file_fails_the_build_naming_the_paragraph(tmp_path):
    changed = tmp_path / XML_2364.name
    text = XML_2364.read_text(encoding="utf-8")
    assert text.count("early warning") >= 1
    changed.write_text(text.replace("early warning", "early warming", 1), encoding="utf-8")
    resolution, diagnostics = load_source(Source(TEXT_2364, changed))
    assert resolution is None
    (error,) = [d for d in diagnostics if d.severity.value == "error"]
    assert "differ in" in error.message and "warming" in error.message
    assert error.file == str(changed)


def test_the_uns_file_lists_only_english_resolutions_of_a_repository_copy(tmp_path):
    for relative in ("Pre-2020/2017/S_RES_2364_1710886E.xml", "2021/English/SC_2584_2021-E.xml", "2021/French/SC_2584_2021-F.xml",
                     "PRST/2017/S_PRST_2017_1.xml", "Not adopted/English/S_2017_1.xml", "2023/test.txt"):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<x/>", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in resolution_files(tmp_path)] == [
        "2021/English/SC_2584_2021-E.xml",
        "Pre-2020/2017/S_RES_2364_1710886E.xml",
    ]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"", 1, "the file is empty"),
        (b"<akomaNtoso><statement>\n<preamble>", 2, "malformed XML"),
        (b"<html><body/></html>", 1, "expected <akomaNtoso><statement"),
        (b'<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><meta/></statement></akomaNtoso>', 1, "no resolution symbol"),
    ],
)
def test_bad_xml_gives_file_line_error_and_exit_1(tmp_path, capsys, content, line, message):
    path = tmp_path / "S_RES_9999_bad.xml"
    path.write_bytes(content)
    assert main(["parse", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:{line}: error: {message}" in err
    assert "Traceback" not in err


def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-WORDS", encoding="utf-8")
    hostile = XML_2364.read_text(encoding="utf-8").replace(
        "<akomaNtoso ", f'<!DOCTYPE akomaNtoso [<!ENTITY leak SYSTEM "file://{secret}">]>\n<akomaNtoso ', 1
    ).replace("Recognizing</span> the legitimate aspiration", "Recognizing</span> &leak; the legitimate aspiration", 1)
    path = tmp_path / "S_RES_2364_hostile.xml"
    path.write_text(hostile, encoding="utf-8")
    resolution, diagnostics = load_akn(path)
    words = json.dumps(resolution.as_dict() if resolution else [str(d) for d in diagnostics])
    assert "TOP-SECRET-WORDS" not in words


def test_a_missing_main_body_is_an_error_not_a_traceback(tmp_path, capsys):
    path = tmp_path / XML_2364.name
    text = XML_2364.read_text(encoding="utf-8")
    start, end = text.index("<mainBody>"), text.index("</mainBody>") + len("</mainBody>")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert main(["parse", str(path)]) == 1
    assert "no <mainBody>" in capsys.readouterr().err


def test_a_copy_of_the_repository_builds_beside_source_texts(tmp_path):
    corpus = tmp_path / "corpus" / "Pre-2020" / "2000"
    corpus.mkdir(parents=True)
    shutil.copy(SHAPES / "S_RES_1285_N0023963.xml", corpus)
    sources = pairs([*resolution_files(SOURCES), *resolution_files(tmp_path / "corpus")])
    assert any(source.path.name == "S_RES_1285_N0023963.xml" for source in sources)

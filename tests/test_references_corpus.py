"""References in resolutions other than 2364: the cases that once failed, on the UN's own files."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from pathlib import Path

from build_scripts.analyse.definitions import find_definitions
from build_scripts.analyse.dates import year_of
from build_scripts.analyse.references import ReferenceKind, find_references
from build_scripts.pipeline import load_resolution

GOLDEN = Path(__file__).resolve().parent / "fixtures" / "golden"


@cache
def load(name: str):
    resolution, diagnostics = load_resolution(GOLDEN / name)
    assert resolution is not None, diagnostics
    return resolution


def printed(resolution, reference) -> str:
    text = {e.id: e.text for e in resolution.elements()}[reference.element_id]
    return text[reference.start : reference.end]


def test_paragraphs_above_and_below_in_one_phrase_link_all_three():
    resolution = load("SC_2584_2021-E.xml")
    references, warnings = find_references(resolution)
    [reference] = [r for r in references if r.element_id == "op-22" and r.kind is ReferenceKind.INTERNAL]
    assert printed(resolution, reference) == "paragraphs 21 above and 30 and 31 below"
    assert reference.targets == ("op-21", "op-30", "op-31")
    assert not [w for w in warnings if "op-22" in w.message]


def test_resolutions_printed_without_years_are_linked_with_their_years():
    resolution = load("S_RES_2535 (2020)-2009488E.xml")
    references, _ = find_references(resolution)
    cited = [(printed(resolution, r), r.symbol) for r in references if r.element_id == "op-26" and r.kind is ReferenceKind.RESOLUTION]
    assert cited == [("2250", "S/RES/2250 (2015)"), ("2419", "S/RES/2419 (2018)")]
    alone = [(printed(resolution, r), r.symbol) for r in references if r.element_id == "op-19" and r.kind is ReferenceKind.RESOLUTION]
    assert alone == [("resolution 2250", "S/RES/2250 (2015)")]


def test_the_list_after_including_is_linked():
    resolution = load("S_RES_2535 (2020)-2009488E.xml")
    references, _ = find_references(resolution)
    numbers = [r.resolution.number for r in references if r.element_id == "pp-5" and r.kind is ReferenceKind.RESOLUTION]
    assert numbers == [2178, 2195, 2354, 2395, 2396, 2462, 2482]


def test_a_paragraph_of_another_agreement_is_not_this_resolution_s_paragraph():
    resolution = load("S_RES_1826_N0844260.xml")
    references, warnings = find_references(resolution)
    assert [r for r in references if r.element_id in ("op-16", "op-17") and r.kind is ReferenceKind.INTERNAL] == []
    assert not [w for w in warnings if "op-16" in w.message or "op-17" in w.message]


def test_the_agreement_is_the_one_this_resolution_defines():
    resolution = load("SC_2584_2021-E.xml")
    [definition] = [d for d in find_definitions(resolution) if d.term == "Agreement"]
    assert (definition.name, definition.element_id) == ("Agreement on Peace and Reconciliation in Mali", "pp-8")
    references, _ = find_references(resolution)
    bound = {r.instrument.slug for r in references if r.kind is ReferenceKind.INSTRUMENT and printed(resolution, r) == "Agreement"}
    assert bound == {"peace-agreement"}


def test_without_its_definition_the_agreement_is_plain_text():
    resolution = load("SC_2584_2021-E.xml")
    preamble = tuple(replace(p, text=p.text.replace(" (“the Agreement”)", "")) for p in resolution.preamble)
    references, _ = find_references(replace(resolution, preamble=preamble))
    assert not [r for r in references if r.kind is ReferenceKind.INSTRUMENT and printed(replace(resolution, preamble=preamble), r) == "Agreement"]


def test_an_instrument_the_table_does_not_know_is_bound_by_its_definition(resolution):
    text = ("Recalling the Arusha Peace and Reconciliation Agreement for Burundi, signed at Arusha on 28 August 2000 "
            "(hereafter “the Arusha Agreement”), and the implementation of the Arusha Agreement,")
    changed = replace(resolution, preamble=tuple(replace(p, text=text) if p.id == "pp-2" else p for p in resolution.preamble))
    references, _ = find_references(changed)
    slugs = [r.instrument.slug for r in references if r.element_id == "pp-2" and r.kind is ReferenceKind.INSTRUMENT]
    assert slugs and set(slugs) == {"arusha-peace-and-reconciliation-agreement-for-burundi"}


def test_years_of_numbers_printed_alone():
    assert (year_of(1325), year_of(2250), year_of(2419), year_of(1454), year_of(999)) == (2000, 2015, 2018, 0, 0)


def test_paragraphs_thereof_belong_to_the_document_named_before(resolution):
    text = "Reaffirming the relevant provisions of the 2005 World Summit Outcome Document, including paragraphs 138 and 139 thereof regarding the responsibility to protect,"
    changed = replace(resolution, preamble=tuple(replace(p, text=text) if p.id == "pp-7" else p for p in resolution.preamble))
    references, warnings = find_references(changed)
    assert [r for r in references if r.element_id == "pp-7"] == [] and warnings == []

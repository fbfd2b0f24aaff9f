"""References in S/RES/2364 (2017): tables of real phrases, the traps, and synthetic warnings."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from hypothesis import given, seed, settings
from hypothesis import strategies as st

from build_scripts.model import Resolution, Severity
from build_scripts.analyse.references import (
    INSTRUMENTS,
    SYMBOL,
    Reference,
    ReferenceKind,
    cited_instruments,
    find_references,
    incoming,
    official_url,
)

SOURCE = "source_texts/s-res-2364-2017.txt"

INTERNAL = [
    # (element, phrase as printed, targets)
    ("op-16", "paragraph 34 below", ("op-34",)),
    ("op-21", "paragraph 20 (a) (ii)", ("op-20-a-ii",)),
    ("op-45", "paragraph 20 (a) (ii) above", ("op-20-a-ii",)),
    ("op-23", "paragraphs 20 and 22 of this resolution", ("op-20", "op-22")),
    ("op-23", "paragraph 48 of this resolution", ("op-48",)),
    ("op-47-ii", "paragraphs 31 to 36 above", ("op-31", "op-32", "op-33", "op-34", "op-35", "op-36")),
    ("op-47-iii", "paragraph 42 above", ("op-42",)),
    ("op-46", "paragraph 14 above", ("op-14",)),
    ("op-37", "paragraph 47 below", ("op-47",)),
    ("pp-30", "the paragraph above", ("pp-29",)),
]

RESOLUTIONS = [
    # (element, phrase as printed, symbol, paragraphs of that resolution)
    ("pp-1", "2359 (2017)", "S/RES/2359 (2017)", ()),
    ("pp-1", "2295 (2016)", "S/RES/2295 (2016)", ()),
    ("pp-1", "2100 (2013)", "S/RES/2100 (2013)", ()),
    ("pp-12", "resolution 1325 (2000)", "S/RES/1325 (2000)", ()),
    ("pp-28", "2133 (2014)", "S/RES/2133 (2014)", ()),
    ("pp-28", "2253 (2015)", "S/RES/2253 (2015)", ()),
    ("pp-39", "resolution 2162 (2014)", "S/RES/2162 (2014)", ()),
    ("pp-39", "resolution 2295 (2016)", "S/RES/2295 (2016)", ()),
    ("op-22-d", "resolution 1526 (2004)", "S/RES/1526 (2004)", ()),
    ("op-22-d", "paragraph 2 of resolution 2253 (2015)", "S/RES/2253 (2015)", ("2",)),
    ("op-40", "1265 (1999)", "S/RES/1265 (1999)", ()),
    ("op-40", "1894 (2009)", "S/RES/1894 (2009)", ()),
    ("op-40", "2143 (2014)", "S/RES/2143 (2014)", ()),  # its year wraps onto the next line in the source
    ("op-40", "2242 (2016)", "S/RES/2242 (2016)", ()),
    ("op-40", "2331 (2016)", "S/RES/2331 (2016)", ()),  # after 'and 2242 (2016), '
    ("op-46", "2017 (2011)", "S/RES/2017 (2011)", ()),
    ("op-46", "2220 (2015)", "S/RES/2220 (2015)", ()),
    ("op-47-i", "resolution 2295 (2016)", "S/RES/2295 (2016)", ()),
]

CITED_RESOLUTIONS = {
    1265, 1296, 1325, 1526, 1612, 1674, 1738, 1820, 1882, 1888, 1889, 1894, 1960, 1998, 2017,
    2068, 2100, 2106, 2117, 2122, 2133, 2143, 2162, 2220, 2225, 2242, 2253, 2295, 2331, 2359,
}

INSTRUMENT_PHRASES = [
    # (element, phrase as printed, instrument slug, provision)
    ("pp-5", "Agreement on Peace and Reconciliation in Mali", "peace-agreement", ""),
    ("pp-6", "Agreement", "peace-agreement", ""),
    ("op-9", "article 63 of the Agreement", "peace-agreement", "article 63"),
    ("op-2-1", "Part II of the Agreement", "peace-agreement", "Part II"),
    ("op-2-2", "Part III and Annex 2 of the Agreement", "peace-agreement", "Part III and Annex 2"),
    ("op-20-a-ii", "Part III and Annex 2", "peace-agreement", "Part III and Annex 2"),  # 'the Agreement, especially its Part III'
    ("pp-30", "Rome Statute", "rome-statute", ""),
    ("op-38", "Rome Statute", "rome-statute", ""),
    ("pp-41", "Charter of the United Nations", "un-charter", ""),
    ("op-26", "Human Rights Due Diligence Policy on United Nations support to non-United Nations security forces", "hrddp", ""),
    ("op-46", "ECOWAS Convention on Small Arms and Light Weapons, Their Ammunition and Other Related Materials",
     "ecowas-salw-convention", ""),
    ("op-46", "United Nations Programme of Action on Small Arms and Light Weapons", "salw-programme-of-action", ""),
    ("pp-28", "Algiers Memorandum on Good Practices on Preventing and Denying the Benefits of Kidnapping for Ransom by Terrorists",
     "algiers-memorandum", ""),
    ("op-3", "Arrangement sécuritaire pour une cessation des hostilités of 5 June 2015", "arrangement-securitaire", ""),
    ("op-3", "ceasefire agreement of 23 May 2014", "ceasefire-2014", ""),
    ("op-40", "Communiqué sur la prévention des violences sexuelles liées au conflit au Mali", "plateforme-communique", ""),
    ("op-13", "Plan de sécurisation intégrée des regions du centre", "psirc", ""),
]

SYMBOLS = [
    # (text, symbol found, official URL); None when the text holds no symbol
    ("recalling its Presidential Statement of 25 November 2015 (S/PRST/2015/22),", "S/PRST/2015/22",
     "https://undocs.org/S/PRST/2015/22"),
    ("S/RES/2364 (2017)", "S/RES/2364 (2017)", "https://undocs.org/S/RES/2364(2017)"),
    ("S/RES/2295(2016)", "S/RES/2295(2016)", "https://undocs.org/S/RES/2295(2016)"),
    ("the report of the Secretary-General (S/2017/478)", "S/2017/478", "https://undocs.org/S/2017/478"),
    ("S/AC.51/2008/5", "S/AC.51/2008/5", "https://undocs.org/S/AC.51/2008/5"),
    ("General Assembly resolution A/RES/70/1.", "A/RES/70/1", "https://undocs.org/A/RES/70/1"),
    ("the 1267/1989/2253 ISIL (Da’esh) and Al-Qaida Sanctions Committee", None, None),
    ("up to 13,289 military personnel", None, None),
    ("press statements, including of 23 May 2017", None, None),
]


@pytest.fixture(scope="module")
def found(resolution: Resolution) -> tuple[Reference, ...]:
    references, diagnostics = find_references(resolution, source=SOURCE)
    assert diagnostics == []
    return references


def texts(resolution: Resolution) -> dict[str, str]:
    return {element.id: element.text for element in resolution.elements()}


def phrase(resolution: Resolution, reference: Reference) -> str:
    return texts(resolution)[reference.element_id][reference.start:reference.end]


def find_one(resolution: Resolution, references, element: str, printed: str) -> Reference:
    matches = [r for r in references if r.element_id == element and phrase(resolution, r) == printed]
    assert len(matches) == 1, f"{printed!r} in {element}: {matches}"
    return matches[0]


def with_text(resolution: Resolution, element: str, text: str) -> Resolution:
    """The resolution with one top-level paragraph's text replaced."""
    preamble = tuple(replace(p, text=text) if p.id == element else p for p in resolution.preamble)
    operative = tuple(replace(p, text=text) if p.id == element else p for p in resolution.operative)
    return replace(resolution, preamble=preamble, operative=operative)


@pytest.mark.parametrize(("element", "printed", "targets"), INTERNAL)
def test_internal_reference_points_at_the_paragraphs_it_names(resolution, found, element, printed, targets):
    reference = find_one(resolution, found, element, printed)
    assert reference.kind is ReferenceKind.INTERNAL
    assert reference.targets == targets
    assert reference.url == "" and reference.resolution is None


@pytest.mark.parametrize(("element", "printed", "symbol", "paragraphs"), RESOLUTIONS)
def test_resolution_reference_has_symbol_url_and_paragraphs(resolution, found, element, printed, symbol, paragraphs):
    reference = find_one(resolution, found, element, printed)
    assert reference.kind is ReferenceKind.RESOLUTION
    assert reference.symbol == symbol == reference.resolution.symbol
    assert reference.url == "https://undocs.org/" + symbol.replace(" (", "(")
    assert reference.resolution.paragraphs == paragraphs
    assert reference.targets == ()


@pytest.mark.parametrize(("element", "printed", "slug", "provision"), INSTRUMENT_PHRASES)
def test_named_instrument_is_an_unlinked_instrument_reference(resolution, found, element, printed, slug, provision):
    reference = find_one(resolution, found, element, printed)
    assert reference.kind is ReferenceKind.INSTRUMENT
    assert reference.instrument.slug == slug
    assert reference.provision == provision
    assert reference.url == "" and reference.targets == ()


@pytest.mark.parametrize(("text", "symbol", "url"), SYMBOLS)
def test_symbol_pattern_on_real_and_typical_phrases(text, symbol, url):
    match = SYMBOL.search(text)
    if symbol is None:
        assert match is None
    else:
        assert match.group() == symbol
        assert official_url(symbol) == url


@pytest.mark.parametrize(("symbol", "language", "url"), [
    ("S/RES/2295 (2016)", "", "https://undocs.org/S/RES/2295(2016)"),
    ("S/RES/2364 (2017)", "en", "https://undocs.org/en/S/RES/2364(2017)"),
    ("S/PRST/2015/22", "", "https://undocs.org/S/PRST/2015/22"),
])
def test_official_url_drops_the_space_before_the_year(symbol, language, url):
    assert official_url(symbol, language) == url


def test_presidential_statement_is_a_document_with_its_undocs_url(resolution, found):
    reference = find_one(resolution, found, "pp-3", "S/PRST/2015/22")
    assert reference.kind is ReferenceKind.DOCUMENT
    assert (reference.symbol, reference.url) == ("S/PRST/2015/22", "https://undocs.org/S/PRST/2015/22")


def test_the_text_cites_30_distinct_resolutions_in_34_places(found):
    cited = [r.resolution for r in found if r.kind is ReferenceKind.RESOLUTION]
    assert len(cited) == 34
    assert {c.number for c in cited} == CITED_RESOLUTIONS
    assert len({(c.number, c.year) for c in cited}) == 30


def test_the_text_has_ten_internal_references_to_fourteen_elements(found):
    internal = [r for r in found if r.kind is ReferenceKind.INTERNAL]
    assert len(internal) == 10
    assert {t for r in internal for t in r.targets} == {
        "pp-29", "op-14", "op-20", "op-20-a-ii", "op-22", "op-31", "op-32", "op-33", "op-34", "op-35", "op-36",
        "op-42", "op-47", "op-48",
    }


@pytest.mark.parametrize("element", ["op-22-d", "op-9", "op-2-1", "op-2-2", "op-20-a-ii", "pp-21"])
def test_paragraphs_of_other_texts_never_point_into_this_resolution(found, element):
    assert [r for r in found if r.element_id == element and r.kind is ReferenceKind.INTERNAL] == []


def test_sanctions_committee_name_dates_and_figures_are_not_resolutions(found):
    numbers = {r.resolution.number for r in found if r.resolution is not None}
    assert numbers.isdisjoint({1267, 1989, 13289, 1920, 23, 2364})
    assert [r for r in found if r.element_id in ("pp-21", "op-15", "op-16") and r.kind is not ReferenceKind.INTERNAL] == []
    assert [r.symbol for r in found if r.element_id == "op-22-d"] == ["S/RES/1526 (2004)", "S/RES/2253 (2015)"]


def test_spans_are_exact_sorted_and_never_overlap(resolution, found):
    order = [element.id for element in resolution.elements()]
    text = texts(resolution)
    assert [order.index(r.element_id) for r in found] == sorted(order.index(r.element_id) for r in found)
    for element in order:
        spans = [(r.start, r.end) for r in found if r.element_id == element]
        assert spans == sorted(spans)
        assert all(0 <= start < end <= len(text[element]) for start, end in spans)
        assert all(earlier[1] <= later[0] for earlier, later in zip(spans, spans[1:]))
        assert all(text[element][start:end] == text[element][start:end].strip() for start, end in spans)


def test_incoming_lists_the_citing_elements_of_each_target(found):
    cited_by = incoming(found)
    assert cited_by["op-34"] == ("op-16", "op-47-ii")
    assert cited_by["op-20-a-ii"] == ("op-21", "op-45")
    assert cited_by["pp-29"] == ("pp-30",)
    assert "op-1" not in cited_by


def test_every_instrument_of_the_table_is_cited_in_the_text(found):
    assert cited_instruments(found) == INSTRUMENTS


def test_references_serialize_to_json(found):
    rows = json.loads(json.dumps([r.as_dict() for r in found]))
    assert rows[0]["url"] == "https://undocs.org/S/RES/2359(2017)"


def test_missing_paragraph_is_warned_at_its_line_and_left_unlinked(resolution):
    changed = with_text(resolution, "op-46", "Calls upon the Malian authorities, consistent with paragraph 99 above, to act;")
    references, diagnostics = find_references(changed, source=SOURCE)
    line = next(p.line for p in resolution.operative if p.id == "op-46")
    assert [r for r in references if r.element_id == "op-46"] == []
    assert len(diagnostics) == 1
    assert diagnostics[0].severity is Severity.WARNING
    assert str(diagnostics[0]).startswith(f"{SOURCE}:{line}: warning: op-46: 'paragraph 99 above' refers to op-99")


def test_missing_sub_paragraph_is_warned_too(resolution):
    changed = with_text(resolution, "op-46", "consistent with paragraph 20 (h) above;")
    references, diagnostics = find_references(changed, source=SOURCE)
    assert [r for r in references if r.element_id == "op-46"] == []
    assert "op-20-h" in diagnostics[0].message


def test_wrong_direction_is_warned_but_still_linked(resolution):
    changed = with_text(resolution, "op-37", "as referred to in paragraph 47 above;")
    references, diagnostics = find_references(changed, source=SOURCE)
    assert [r.targets for r in references if r.element_id == "op-37"] == [("op-47",)]
    assert [d.message for d in diagnostics] == ["op-37: 'paragraph 47 above' says above, but op-47 is not above it"]


@pytest.mark.parametrize(("text", "kind", "printed", "targets", "paragraphs"), [
    ("recalling paragraph 20 (a) of resolution 2364 (2017);", ReferenceKind.INTERNAL,
     "paragraph 20 (a) of resolution 2364 (2017)", ("op-20-a",), ()),
    ("recalling paragraphs 2 to 4 of resolution 2295 (2016);", ReferenceKind.RESOLUTION,
     "paragraphs 2 to 4 of resolution 2295 (2016)", (), ("2", "3", "4")),
    ("recalling paragraph 20 (c) (ii) of its resolution 2295 (2016);", ReferenceKind.RESOLUTION,
     "paragraph 20 (c) (ii) of its resolution 2295 (2016)", (), ("20 (c) (ii)",)),
    ("as set out in preambular paragraph 3 above;", ReferenceKind.INTERNAL,
     "preambular paragraph 3 above", ("pp-3",), ()),
    ("in line with its report S/2017/478 and A/RES/70/1;", ReferenceKind.DOCUMENT, "S/2017/478", (), ()),
])
def test_synthetic_forms(resolution, text, kind, printed, targets, paragraphs):
    references, diagnostics = find_references(with_text(resolution, "op-46", text), source=SOURCE)
    assert diagnostics == []
    reference = find_one(with_text(resolution, "op-46", text), references, "op-46", printed)
    assert reference.kind is kind and reference.targets == targets
    assert (reference.resolution.paragraphs if reference.resolution else ()) == paragraphs


def test_own_number_is_never_an_external_reference(resolution):
    changed = with_text(resolution, "op-46", "the mandate set out in resolution 2364 (2017) and S/RES/2364 (2017);")
    references, _ = find_references(changed, source=SOURCE)
    assert [r for r in references if r.element_id == "op-46"] == []


@seed(2364)
@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("paragraphs resolution 0123456789()aiv,;/SRESPRT of the above below to and Agreement")), max_size=120))
def test_never_crashes_and_spans_stay_inside_the_text(resolution, text):
    references, _ = find_references(with_text(resolution, "op-49", text))
    spans = sorted((r.start, r.end) for r in references if r.element_id == "op-49")
    assert all(0 <= start < end <= len(text) for start, end in spans)
    assert all(earlier[1] <= later[0] for earlier, later in zip(spans, spans[1:]))


def test_a_range_wider_than_any_resolution_keeps_only_its_ends():
    from build_scripts.analyse.references import WIDEST_RANGE, _paths

    assert _paths("31 to 36")[0] == [("31",), ("32",), ("33",), ("34",), ("35",), ("36",)]
    assert _paths("1 to 999")[0] == [("1",), ("999",)]
    assert len(_paths(f"1 to {WIDEST_RANGE + 1}")[0]) == WIDEST_RANGE + 1

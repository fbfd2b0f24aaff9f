"""Cleaning: each repair category on the real seed, logged with its line, and nothing else touched."""

from __future__ import annotations

import re

import pytest

from build_scripts.read.clean import FURNITURE, clean_text
from build_scripts.model import Erratum, RepairRule
from tests.conftest import SEED

RAW = SEED.read_text(encoding="utf-8")


def repairs_of(resolution, rule):
    return [(r.original, r.replacement) for r in resolution.repairs if r.rule is rule]


def all_text(resolution):
    return "\n".join(e.heading + " " + e.text for e in resolution.elements())


def test_page_furniture_is_removed_and_logged_with_its_line(resolution):
    furniture = [(r.line, r.original) for r in resolution.repairs if r.rule is RepairRule.PAGE_FURNITURE]
    assert furniture == [
        (183, "4/14"), (185, "17-10886"), (187, "S/RES/2364 (2017)"),
        (239, "17-10886"),
        (608, "12/14"), (610, "17-10886"), (612, "S/RES/2364 (2017)"),
    ]
    text = all_text(resolution)
    assert "17-10886" not in text and "4/14" not in text and "12/14" not in text


@pytest.mark.parametrize(
    ("original", "joined"),
    [
        ("the ir", "their"), ("c omplex", "complex"), ("communi cation", "communication"),
        ("Sta tes", "States"), ("M ali", "Mali"), ("t o", "to"), ("a nd", "and"),
        ("wel l", "well"), ("se cure", "secure"), ("ranso ms", "ransoms"), ("d ialogue,", "dialogue,"),
        ("envi ronment", "environment"), ("adop tion", "adoption"), ("l aw,", "law,"),
    ],
)
def test_words_split_by_a_stray_space_are_joined(resolution, original, joined):
    assert (original, joined) in repairs_of(resolution, RepairRule.SPLIT_WORD)


@pytest.mark.parametrize("phrase", ["in situ training", "per cent quota", "a new counterterrorist centre", "insecurity which hinders"])
def test_real_word_pairs_stay_apart(resolution, phrase):
    assert phrase in all_text(resolution)


def test_no_split_word_is_left():
    """Every seed line, cleaned, has no pair of fragments that the document spells whole elsewhere."""
    cleaned, _ = clean_text(RAW)
    text = " ".join(line.text for line in cleaned.lines)
    for broken in ["the ir", "c omplex", "Sta tes", "M ali", " t o ", " a nd ", "wher e", "promp t", "partn ers", "coordin ation"]:
        assert broken not in text


@pytest.mark.parametrize(
    "original", ["non -United", "Secretary -General", "Al -Qaida", "ill -treatment", "long -term", "cross -border", "gender -based", "mine -protected"]
)
def test_hyphens_with_a_space_before_them_are_closed(resolution, original):
    assert (original, original.replace(" -", "-")) in repairs_of(resolution, RepairRule.SPACED_HYPHEN)
    assert original not in all_text(resolution)


def test_suspended_hyphens_are_kept(resolution):
    assert "troop- and police-contributing countries" in all_text(resolution)


def test_line_end_hyphenation_is_rejoined_but_suspended_hyphens_are_not():
    raw = "a possible long-\nterm exit, troop-\nand police\n"
    cleaned, _ = clean_text(raw)
    assert [line.text for line in cleaned.lines] == ["a possible long-term", "exit, troop-", "and police"]
    assert [(r.rule, r.replacement) for r in cleaned.repairs] == [(RepairRule.LINE_HYPHEN, "long-term")]


def test_errata_are_applied_with_their_reasons(resolution):
    errata = {r.original.split()[0]: r for r in resolution.repairs if r.rule is RepairRule.ERRATUM}
    assert errata["peaceand"].replacement == "peace- and security-related"
    assert errata["Secretary"].replacement == "Secretary-General for Mali"
    assert errata["articulates"].replacement == "articulates a concrete phased approach to implementation of MINUSMA’s mandate;"
    assert errata["20."].restored == "Decides that MINUSMA’s mandate shall include the following priority"
    assert all(r.reason for r in errata.values())
    by_id = {e.id: e for e in resolution.elements()}
    assert "peace- and security-related initiatives" in by_id["pp-2"].text
    assert "Special Representative of the Secretary-General for Mali" in by_id["pp-36"].text
    assert by_id["op-48-i"].text == "articulates a concrete phased approach to implementation of MINUSMA’s mandate;"
    assert by_id["op-20"].text == "Decides that MINUSMA’s mandate shall include the following priority tasks:"


def test_the_councils_own_wording_is_not_corrected(resolution):
    assert "support to the FC-GS5 of 50 million Euros" in resolution.preamble[26].text


def test_every_repair_is_attached_to_the_element_that_holds_it(resolution):
    by_original = {r.original: r.element_id for r in resolution.repairs}
    assert by_original["the ir"] == "pp-37"
    assert by_original["non -United"] == "op-26"
    assert by_original["t o"] in {"op-20-f-i", "op-32"}
    assert by_original["Secretary General for Mali"] == "pp-36"


def test_a_stale_erratum_is_an_error_naming_its_line():
    _, diagnostics = clean_text(RAW, (Erratum("no such words here", "x", "test", 7),), errata_source="e.yml")
    assert [str(d) for d in diagnostics] == ["e.yml:7: error: erratum original 'no such words here' is not found in the text; a stale erratum must be fixed or removed"]


def test_an_ambiguous_erratum_is_an_error():
    _, diagnostics = clean_text(RAW, (Erratum("the Agreement", "x", "test", 3),), errata_source="e.yml")
    assert "matches" in str(diagnostics[0]) and diagnostics[0].line == 3


def test_furniture_pattern_matches_only_whole_furniture_lines():
    assert FURNITURE.match("17-10886") and FURNITURE.match(" 4/14 ") and FURNITURE.match("S/RES/2364 (2017)")
    assert not FURNITURE.match("Resolution 2364 (2017)")
    assert not FURNITURE.match("recalling resolution S/RES/2364 (2017) and")


def test_clean_lines_keep_their_source_line_numbers():
    cleaned, _ = clean_text(RAW)
    source_lines = RAW.split("\n")
    first = cleaned.lines[0]
    assert (first.number, first.text) == (1, "Resolution 2364 (2017)")
    unchanged = [line for line in cleaned.lines if line.text == source_lines[line.number - 1].strip()]
    assert len(unchanged) > 0.9 * len(cleaned.lines)
    assert not any(re.search(r"\s{2,}|\t", line.text) for line in cleaned.lines)

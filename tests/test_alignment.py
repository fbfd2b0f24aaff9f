"""Paragraph alignment between consecutive resolutions, measured against hand-made golden files.

tests/golden/alignment-2295-2364.yml was labelled by reading both texts before the matcher was
written; tests/golden/alignment-2373-2433.yml (UNIFIL) before the matcher was ever run on it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from build_scripts.analyse.alignment import (
    DiffKind,
    Status,
    align,
    leftover_pairs,
    ordered_pairs,
    same_words,
    word_diff,
)
from build_scripts.analyse.analysis import analyse
from build_scripts.analyse.annotate import load_annotation_data
from build_scripts.analyse.series import find_series
from build_scripts.pipeline import load_resolution
from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
SOURCES = ROOT / "source_texts"
FIXTURES = ROOT / "tests" / "fixtures" / "series"
MINUSMA = {
    2100: "S_RES_2100_1331417e.xml",
    2164: "S_RES_2164_1456271E.xml",
    2227: "S_RES_2227_1510778E.xml",
    2295: "S_RES_2295_1611177E.xml",
    2364: "s-res-2364-2017.txt",
    2423: "S_RES_2423_1810687E.xml",
    2480: "S_RES_2480_1911057E.xml",
    2531: "S_RES_2531 (2020)-2008609E.xml",
    2584: "SC_2584_2021-E.xml",
    2640: "S_RES_2640 (2022)-2210294E.xml",
    2690: "S_RES_2690_E.xml",
}


def analysed(path: Path):
    resolution, diagnostics = load_resolution(path)
    assert resolution is not None, diagnostics
    data, problems = load_annotation_data()
    analysis, _warnings = analyse(resolution, data)
    return resolution, analysis


@pytest.fixture(scope="module")
def minusma() -> dict[int, tuple]:
    """Every MINUSMA resolution, read and analysed as the build does (from its cache after `make site`)."""
    from build_scripts.render.site import analyse_corpus

    entries, ok = analyse_corpus(SOURCES)
    assert ok
    found = {e.resolution.metadata.number: (e.resolution, e.analysis) for e in entries if e.resolution.metadata.number in MINUSMA}
    assert sorted(found) == sorted(MINUSMA)
    return found


@pytest.fixture(scope="module")
def golden() -> dict:
    return yaml.safe_load((GOLDEN / "alignment-2295-2364.yml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def aligned(minusma):
    return align(minusma[2295], minusma[2364])


def agreement(alignment, rows: list[dict]) -> tuple[int, list[tuple]]:
    """How many golden rows the matcher gives the same predecessor and status; the ones it does not."""
    wrong = []
    for row in rows:
        match = alignment.by_element[row["element"]]
        found = (match.predecessor_id or None, match.status.value)
        if found != (row["predecessor"], row["status"]):
            wrong.append((row["element"], (row["predecessor"], row["status"]), found))
    return len(rows) - len(wrong), wrong


def test_the_golden_file_covers_every_element_of_both_texts(golden, minusma):
    before, after = minusma[2295][0], minusma[2364][0]
    rows = [row for section in ("preamble", "operative", "subparagraphs", "tasks") for row in golden[section]]
    assert sorted(row["element"] for row in rows) == sorted(e.id for e in after.elements())
    continued = [row["predecessor"] for row in rows if row["predecessor"]] + [row["predecessor"] for row in golden["dropped"]]
    assert sorted(continued) == sorted(e.id for e in before.elements())
    assert len(golden["operative"]) == 49


def test_every_operative_paragraph_of_2364_is_matched_as_by_hand(aligned, golden):
    agreed, wrong = agreement(aligned, golden["operative"])
    print(f"operative paragraphs: {agreed}/{len(golden['operative'])}")
    assert wrong == []


def test_the_mandated_tasks_agree_with_the_hand_alignment(aligned, golden):
    agreed, wrong = agreement(aligned, golden["tasks"])
    print(f"tasks: {agreed}/{len(golden['tasks'])}", wrong)
    assert agreed / len(golden["tasks"]) >= 0.95, wrong


def test_the_other_sub_paragraphs_agree_with_the_hand_alignment(aligned, golden):
    agreed, wrong = agreement(aligned, golden["subparagraphs"])
    assert wrong == []


def test_the_preamble_agrees_but_for_the_rewritten_paragraphs(aligned, golden):
    """pp 8 and pp 11 are rewritten (27–29 % of words in common, as much as unrelated paragraphs):
    the matcher calls them new and their old versions dropped; the hand alignment pairs them."""
    agreed, wrong = agreement(aligned, golden["preamble"])
    print(f"preamble: {agreed}/{len(golden['preamble'])}", wrong)
    assert agreed / len(golden["preamble"]) >= 0.95
    assert [element for element, _, _ in wrong] == ["pp-8", "pp-11"]


def test_the_dropped_operative_paragraphs_and_tasks_are_the_ones_read_by_hand(aligned, golden):
    dropped = sorted(m.predecessor_id for m in aligned.matches if m.status is Status.DROPPED and not m.predecessor_id.startswith("pp-"))
    expected = sorted(row["predecessor"] for row in golden["dropped"] if not row["predecessor"].startswith("pp-"))
    assert dropped == expected


def test_renumbered_paragraphs_are_matched_by_their_words(aligned):
    assert aligned.by_element["op-20"].predecessor_id == "op-19"
    assert aligned.by_element["op-37"].predecessor_id == "op-35"
    assert aligned.by_element["op-37"].status is Status.CHANGED  # "paragraph 46 below" became "paragraph 47 below"
    assert aligned.by_predecessor["op-19-a-ii-2"].element_id == "op-20-a-ii-3"


def test_unifil_2373_to_2433_agrees_with_its_hand_alignment():

    before = analysed(FIXTURES / "S_RES_2373_1715142E.xml")
    after = analysed(FIXTURES / "S_RES_2433_1814358E.xml")
    golden = yaml.safe_load((GOLDEN / "alignment-2373-2433.yml").read_text(encoding="utf-8"))
    alignment = align(before, after)
    agreed, wrong = agreement(alignment, golden["operative"])
    assert wrong == []
    assert [m.predecessor_id for m in alignment.matches if m.status is Status.DROPPED and m.predecessor_id.startswith("op-")] == []
    verb = alignment.by_element["op-8"].verb
    assert (verb.before, verb.after, verb.direction) == ("welcomes", "encourages", "stronger")
    assert alignment.by_element["op-10"].verb.direction == "weaker"  # now opens with "Condemns"


def test_every_element_of_both_texts_is_in_exactly_one_match(minusma):
    for old, new in ((2295, 2364), (2364, 2423), (2640, 2690)):
        alignment = align(minusma[old], minusma[new])
        successors = [m.element_id for m in alignment.matches if m.element_id]
        predecessors = [m.predecessor_id for m in alignment.matches if m.predecessor_id]
        assert sorted(successors) == sorted(e.id for e in minusma[new][0].elements())
        assert sorted(predecessors) == sorted(e.id for e in minusma[old][0].elements())


def test_matches_follow_the_successor_with_each_dropped_element_after_its_neighbour(aligned):
    ids = [m.element_id or f"dropped {m.predecessor_id}" for m in aligned.matches]
    assert ids.index("dropped op-12") == ids.index("op-12") + 1  # 2295 op 11 is 2364 op 12; 2295 op 12 is dropped after it
    assert ids.index("dropped op-19-a-v") == ids.index("op-20-a-iv") + 1
    assert ids.index("dropped pp-9") < ids.index("op-1")


@pytest.mark.parametrize(
    "before, after, removed, added",
    [
        ("to urgently commit to a concrete timeline for its implementation;", "to urgently agree on new timelines for its implementation;", ["commit to a concrete timeline"], ["agree on new timelines"]),
        ("in particular 2227 (2015) and 2100 (2013),", "in particular 2359 (2017), 2295 (2016) and 2100 (2013),", ["2227 (2015)"], ["2359 (2017), 2295 (2016)"]),
        ("the International Criminal Court, in accordance", "the ICC, in accordance", ["International Criminal Court"], ["ICC"]),
        ("paragraph 46 below;", "paragraph 47 below;", ["46"], ["47"]),
    ],
)
def test_a_word_difference_shows_what_was_removed_and_added(before, after, removed, added):
    parts = word_diff(before, after)
    assert [p.text.strip() for p in parts if p.kind is DiffKind.REMOVED] == removed
    assert [p.text.strip() for p in parts if p.kind is DiffKind.ADDED] == added
    assert "".join(p.text for p in parts if p.kind is not DiffKind.REMOVED).split() == after.split()
    assert "".join(p.text for p in parts if p.kind is not DiffKind.ADDED).split() == before.split()


def test_every_difference_of_the_series_rebuilds_both_texts(minusma):
    for old, new in ((2295, 2364), (2423, 2480)):
        alignment = align(minusma[old], minusma[new])
        before = {e.id: e for e in minusma[old][0].elements()}
        after = {e.id: e for e in minusma[new][0].elements()}
        for match in alignment.matches:
            if match.status is Status.CHANGED:
                kept_after = "".join(p.text for p in match.diff if p.kind is not DiffKind.REMOVED)
                kept_before = "".join(p.text for p in match.diff if p.kind is not DiffKind.ADDED)
                assert kept_after.split() == f"{after[match.element_id].heading} {after[match.element_id].text}".split()
                assert kept_before.split() == f"{before[match.predecessor_id].heading} {before[match.predecessor_id].text}".split()


@pytest.mark.parametrize(
    "before, after, same",
    [
        ("and security arrangements;", "and security arrangements,", True),  # the separator depends on the place in a list
        ("Mali’s obligations", "Mali's  obligations", True),
        ("terrorist organisations", "terrorist organizations", False),  # spelling is a change, shown as one
        ("the ceasefire", "the ceasefire since 2015", False),
    ],
)
def test_unchanged_means_the_same_words(before, after, same):
    assert same_words(before, after) is same


def test_pairs_kept_in_order_never_cross_and_only_alike_texts_pair():
    scores = [
        [0.9, 0.1, 0.1],
        [0.1, 0.2, 0.8],
        [0.1, 0.7, 0.1],
    ]
    in_order = ordered_pairs(scores, 0.5)
    assert in_order == [(0, 0), (1, 2)]
    assert leftover_pairs(scores, in_order, 0.6) == [(2, 1)]
    assert leftover_pairs(scores, in_order, 0.75) == []
    assert ordered_pairs([[0.4]], 0.5) == []
    assert ordered_pairs([], 0.5) == []


def test_aligning_every_consecutive_pair_of_the_series_takes_a_few_seconds(minusma):
    (series,), _ = find_series(list(minusma.values()))
    start = time.perf_counter()
    alignments = [align(minusma[a.number], minusma[b.number]) for a, b in series.pairs()]
    elapsed = time.perf_counter() - start
    assert len(alignments) == 10
    assert elapsed < 5.0, f"{elapsed:.2f} s"

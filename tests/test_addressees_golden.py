"""Addressees of eight resolutions other than 2364, against hand labels (tests/golden/addressees.yml).

The labels were written by reading the UN's files before the rules were changed for them, so
this is the test of whether the annotator generalizes. ``test_precision_and_recall`` prints the
micro-averaged figures and every disagreement (run with ``-s``); the targets are precision ≥ 0.95
and recall ≥ 0.90. Scored as (paragraph, actor id) pairs over every labelled operative paragraph.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml

from build_scripts.analyse.annotate import Annotations, annotate
from build_scripts.pipeline import load_resolution

GOLDEN = Path(__file__).parent / "golden" / "addressees.yml"
FILES = Path(__file__).parent / "fixtures" / "golden"
PRECISION, RECALL = 0.95, 0.90


def _golden() -> list[dict]:
    return yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["resolutions"]


@cache
def _annotations(file: str) -> Annotations:
    resolution, diagnostics = load_resolution(FILES / file)
    assert resolution is not None, diagnostics
    return annotate(resolution)


def score() -> tuple[float, float, int, int, int, list[str]]:
    """Precision, recall, true and false positives, false negatives, and the disagreements."""
    true_positives = false_positives = false_negatives = 0
    disagreements: list[str] = []
    for entry in _golden():
        annotations = _annotations(entry["file"])
        for label in entry["paragraphs"]:
            expected = set(label["addressees"])
            found = set(annotations.for_element(label["id"]).addressees)
            true_positives += len(expected & found)
            false_positives += len(found - expected)
            false_negatives += len(expected - found)
            if expected != found:
                disagreements.append(f"{entry['file'][:16]} {label['id']}: extra {sorted(found - expected)}, missing {sorted(expected - found)}")
    precision = true_positives / (true_positives + false_positives) if true_positives + false_positives else 1.0
    recall = true_positives / (true_positives + false_negatives) if true_positives + false_negatives else 1.0
    return precision, recall, true_positives, false_positives, false_negatives, disagreements


def test_golden_set_is_large_varied_and_labels_real_paragraphs() -> None:
    golden = _golden()
    assert len(golden) >= 6
    assert sum(len(entry["paragraphs"]) for entry in golden) >= 60
    assert not any("2364" in entry["file"] for entry in golden)
    for entry in golden:
        ids = [label["id"] for label in entry["paragraphs"]]
        assert len(set(ids)) == len(ids), entry["file"]
        operative = [p.id for p in load_resolution(FILES / entry["file"])[0].operative]
        assert ids == operative, f"{entry['file']}: every operative paragraph is labelled, in order"


def test_precision_and_recall() -> None:
    precision, recall, true_positives, false_positives, false_negatives, disagreements = score()
    paragraphs = sum(len(entry["paragraphs"]) for entry in _golden())
    print(
        f"\naddressees: precision {precision:.3f} ({true_positives}/{true_positives + false_positives}), "
        f"recall {recall:.3f} ({true_positives}/{true_positives + false_negatives}) on {paragraphs} paragraphs"
    )
    for line in disagreements:
        print("  ", line)
    assert precision >= PRECISION and recall >= RECALL


@pytest.mark.parametrize(
    ("file", "element_id", "expected"),
    [
        ("S_RES_1826_N0844260.xml", "op-13", ("donors",)),  # "Calls upon the donors"
        ("S_RES_1826_N0844260.xml", "op-8", ("signatories-of-the-ouagadougou-political-agreement",)),
        ("S_RES_2541 (2020)-2011324E.xml", "op-4", ("panel-of-experts-mali",)),
        ("S_RES_2535 (2020)-2009488E.xml", "op-15", ("peacebuilding-commission",)),
        ("S_RES_2535 (2020)-2009488E.xml", "op-13", ("member-states",)),  # "Member states"
        ("S_RES_2535 (2020)-2009488E.xml", "op-22", ("secretary-general",)),
        ("S_RES_1572_N0460737.xml", "op-6", ("government-of-cote-d-ivoire", "unoci", "forces-nouvelles")),
    ],
)
def test_phrases_the_issue_names(file: str, element_id: str, expected: tuple[str, ...]) -> None:
    assert _annotations(file).for_element(element_id).addressees == expected

"""The obligations and opening verbs of nine resolutions other than 2364, scored against hand labels.

``tests/golden/obligations.yml`` was written by reading the UN's files before the rules were
changed for them. Each deadline is compared as (element, due date, recurrence), so a deadline
found with the wrong date counts as one false positive and one miss. Run with ``-s`` to see the
figures.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import yaml

from build_scripts.analyse.analysis import analyse
from build_scripts.analyse.obligations import Timing
from build_scripts.analyse.verbs import load_lexicon
from build_scripts.pipeline import load_resolution

ROOT = Path(__file__).resolve().parent
GOLDEN = ROOT / "golden" / "obligations.yml"
FIXTURES = ROOT / "fixtures" / "golden"

Key = tuple[str, str, str, str]
"""(file, element, due date or '', recurrence or '')."""


@dataclass(frozen=True, slots=True)
class Score:
    """Precision and recall with the counts they come from."""

    found: int
    labelled: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0

    def __str__(self) -> str:
        return f"precision {self.precision:.3f} ({self.correct}/{self.found}), recall {self.recall:.3f} ({self.correct}/{self.labelled})"


def _labels() -> list[dict]:
    return yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["resolutions"]


@cache
def _analysed(file: str):
    resolution, diagnostics = load_resolution(FIXTURES / file)
    assert resolution is not None, diagnostics
    analysis, _warnings = analyse(resolution)
    return resolution, analysis


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime.date) else ("" if value is None else str(value))


def labelled_deadlines() -> Counter[Key]:
    found: Counter[Key] = Counter()
    for entry in _labels():
        for paragraph in entry["paragraphs"]:
            for deadline in paragraph.get("deadlines") or ():
                element = deadline.get("element", paragraph["id"])
                found[(entry["file"], element, _iso(deadline.get("due")), str(deadline.get("recurrence") or ""))] += 1
    return found


def found_deadlines() -> Counter[Key]:
    found: Counter[Key] = Counter()
    for entry in _labels():
        _resolution, analysis = _analysed(entry["file"])
        for obligation in analysis.obligations:
            for deadline in obligation.deadlines:
                if deadline.timing is Timing.WHEN_OCCURRING:
                    continue
                due = "" if deadline.period is not None else _iso(deadline.due)
                found[(entry["file"], obligation.element_id, due, deadline.recurrence)] += 1
    return found


def score(labelled: Counter, found: Counter) -> Score:
    return Score(sum(found.values()), sum(labelled.values()), sum((labelled & found).values()))


def opening_verbs() -> tuple[Counter, Counter]:
    """(labelled, found) as (file, paragraph, lemma) counts; a paragraph with no verb found counts as none found."""
    lexicon, _problems = load_lexicon()
    labelled: Counter = Counter()
    found: Counter = Counter()
    for entry in _labels():
        _resolution, analysis = _analysed(entry["file"])
        for paragraph in entry["paragraphs"]:
            labelled[(entry["file"], paragraph["id"], paragraph["verb"])] += 1
            verb = analysis.opening_verbs.get(paragraph["id"])
            if verb is not None:
                found[(entry["file"], paragraph["id"], verb.lemma)] += 1
    return labelled, found


def test_the_sample_is_large_and_varied_enough():
    labels = _labels()
    assert len(labels) >= 6
    assert sum(len(entry["paragraphs"]) for entry in labels) >= 60
    assert "2364" not in " ".join(entry["file"] for entry in labels)


def test_every_operative_paragraph_of_each_file_is_labelled():
    for entry in _labels():
        resolution, _analysis = _analysed(entry["file"])
        assert [p["id"] for p in entry["paragraphs"]] == [p.id for p in resolution.operative], entry["file"]


def test_deadlines_reach_095_precision_and_recall():
    labelled, found = labelled_deadlines(), found_deadlines()
    result = score(labelled, found)
    print(f"\ndeadlines: {result}")
    print("  missed:", sorted(labelled - found))
    print("  extra: ", sorted(found - labelled))
    assert result.precision >= 0.95 and result.recall >= 0.95, str(result)


def test_opening_verbs_are_all_right():
    labelled, found = opening_verbs()
    result = score(labelled, found)
    print(f"\nopening verbs: {result}")
    assert labelled == found, (sorted(labelled - found), sorted(found - labelled))


@pytest.mark.parametrize("file", sorted({entry["file"] for entry in _labels()}))
def test_closing_formula_is_no_decision(file):
    _resolution, analysis = _analysed(file)
    closing = [verb for verb in analysis.opening_verbs.values() if verb.closing]
    assert len(closing) == 1 and closing[0].lemma.startswith("decides to remain")
    assert all(obligation.element_id not in {key for key, verb in analysis.opening_verbs.items() if verb.closing} for obligation in analysis.obligations)

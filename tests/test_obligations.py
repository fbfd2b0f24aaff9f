"""Obligations to report, inform and plan in S/RES/2364 (2017): who, when, and the evidence."""

from __future__ import annotations

import datetime

import pytest

from build_scripts.analyse.annotate import annotate
from build_scripts.analyse.obligations import (
    ObligationKind,
    Timing,
    add_months,
    find_obligations,
    load_triggers,
    mandate_end,
)


@pytest.fixture(scope="module")
def obligations(resolution):
    found, warnings = find_obligations(resolution, annotate(resolution))
    assert warnings == []
    return {o.element_id: o for o in found}


def test_the_trigger_file_loads_without_problems():
    triggers, problems = load_triggers()
    assert problems == []
    assert {t.kind for t in triggers} == set(ObligationKind)


@pytest.mark.parametrize(
    ("element_id", "kind", "actors", "timing"),
    [
        ("op-47", ObligationKind.REPORT, ("secretary-general",), Timing.RECURRING),  # "report … every three months after the adoption"
        ("op-48", ObligationKind.PLAN, ("secretary-general",), Timing.DEADLINE),  # "within 180 days after the adoption a mission-wide strategic plan"
        ("op-37", ObligationKind.REPORT, ("france",), Timing.UNSPECIFIED),  # "requests France to report to the Council"
        ("op-20-a-ii-1", ObligationKind.REPORT, ("minusma",), Timing.UNSPECIFIED),  # "to report to the Security Council on violations of it"
        ("op-20-f-ii", ObligationKind.REPORT, ("minusma",), Timing.REGULAR),  # "report publicly and regularly"
        ("op-27", ObligationKind.REPORT, ("minusma",), Timing.UNSPECIFIED),  # "enhanced reporting by MINUSMA"
        ("op-28", ObligationKind.INFORM, ("secretary-general",), Timing.WHEN_OCCURRING),  # "keep the Council fully informed if such cases … occur"
        ("op-36", ObligationKind.INFORM, ("secretary-general",), Timing.UNSPECIFIED),  # "requests the Secretary-General to keep it informed"
    ],
)
def test_each_request_is_found_with_who_and_when(obligations, element_id, kind, actors, timing):
    obligation = obligations[element_id]
    assert (obligation.kind, obligation.actors, obligation.timing) == (kind, actors, timing)


def test_reports_every_three_months_fall_due_within_the_mandate(obligations):
    report = obligations["op-47"]
    assert report.timing_text == "every three months after the adoption"
    assert report.due == (datetime.date(2017, 9, 29), datetime.date(2017, 12, 29), datetime.date(2018, 3, 29), datetime.date(2018, 6, 29))
    assert "30 June 2018" in report.computation and "paragraph 15" in report.computation
    assert report.focus == ("op-47-i", "op-47-ii", "op-47-iii")


def test_the_strategic_plan_is_due_180_days_after_adoption(obligations):
    plan = obligations["op-48"]
    assert plan.due == (datetime.date(2017, 12, 26),)
    assert "29 June 2017 plus 180 days" in plan.computation


def test_obligations_without_a_date_say_so(obligations):
    for element_id in ("op-37", "op-36", "op-20-a-ii-1", "op-27"):
        assert obligations[element_id].due == ()
        assert obligations[element_id].computation.startswith("No date given")


def test_trigger_spans_are_the_phrases_in_the_text(resolution, obligations):
    texts = {e.id: e.text for e in resolution.elements()}
    assert [texts[i][o.start : o.end] for i, o in obligations.items() if i in ("op-28", "op-48", "op-27")] == [
        "enhanced reporting",
        "keep the Council fully informed",
        "strategic plan",
    ]


def test_mandate_end_is_read_from_paragraph_15(resolution):
    assert mandate_end(resolution) == (datetime.date(2018, 6, 30), "op-15")


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (datetime.date(2017, 6, 29), 3, datetime.date(2017, 9, 29)),
        (datetime.date(2017, 6, 29), 12, datetime.date(2018, 6, 29)),
        (datetime.date(2017, 8, 31), 1, datetime.date(2017, 9, 30)),  # a shorter month ends the count
        (datetime.date(2019, 11, 30), 3, datetime.date(2020, 2, 29)),
    ],
)
def test_adding_months_keeps_the_day_or_takes_the_month_end(day, months, expected):
    assert add_months(day, months) == expected

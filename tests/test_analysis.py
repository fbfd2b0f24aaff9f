"""The analysis stage: one object per resolution, its warnings returned, obligations and dates from real phrases."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace

import pytest

from build_scripts.analyse.analysis import analyse
from build_scripts.analyse.deadlines import FIXED, INTERVAL, RECURRING, REGULAR, Timing
from build_scripts.render.calendar import obligations_calendar
from build_scripts.render.site import data_model

D = datetime.date


@pytest.fixture(scope="module")
def analysis(resolution):
    found, warnings = analyse(resolution)
    assert warnings == []
    return found


def with_text(resolution, element_id, text):
    """The resolution with one top-level paragraph's text replaced."""
    preamble = tuple(replace(p, text=text) if p.id == element_id else p for p in resolution.preamble)
    operative = tuple(replace(p, text=text) if p.id == element_id else p for p in resolution.operative)
    return replace(resolution, preamble=preamble, operative=operative)


def test_lookups_are_by_element(analysis, resolution):
    assert set(analysis.by_element) == {element.id for element in resolution.elements()}
    assert [o.element_id for o in analysis.obligations_by_element["op-47"]] == ["op-47"]
    assert {r.element_id for r in analysis.references_by_element["op-40"]} == {"op-40"}
    assert analysis.opening_verbs["op-49"].closing and analysis.opening_verbs["op-15"].lemma == "decides"


def test_the_published_json_carries_obligations_and_timeline(resolution, analysis):
    model = json.loads(json.dumps(data_model(resolution, analysis)))
    report = next(o for o in model["obligations"] if o["element"] == "op-47")
    assert (report["due"], report["recurrence"], report["kind"], report["actors"]) == ("2017-09-29", "P3M", "report", ["secretary-general"])
    assert report["text"].startswith("Requests the Secretary-General to report")
    plan = next(o for o in model["obligations"] if o["element"] == "op-48")
    assert (plan["due"], plan["recurrence"]) == ("2017-12-26", None)
    assert {"first", "last", "precision", "printed", "element", "source"} <= set(model["timeline"][0])
    assert {"name": "Mandate of MINUSMA until", "value": "30 June 2018", "element": "op-15"} in model["facts"]


def test_preambular_mentions_of_reports_are_no_obligations(analysis):
    assert not [o for o in analysis.obligations if o.element_id.startswith("pp-")]


def test_the_closing_formula_asks_nothing(resolution):
    changed = with_text(resolution, "op-49", "Decides to remain seized of the matter and to report by 1 May 2018.")
    found, _ = analyse(changed)
    assert not found.obligations_by_element.get("op-49")
    assert found.opening_verbs["op-49"].closing


@pytest.mark.parametrize(("text", "due", "recurrence"), [
    ("Requests the Secretary-General to submit a report no later than 15 October 2008;", D(2008, 10, 15), ""),
    ("Requests the Panel to provide a final report by 31 January 2023;", D(2023, 1, 31), ""),
    ("Requests the Secretary-General to report before 1 May 2018 on progress;", D(2018, 5, 1), ""),
    ("Calls upon all States to report to the Committee, no later than 90 days from the date of adoption of this resolution;", D(2017, 9, 27), ""),
    ("Directs the Committee to submit a work programme within 30 days of the adoption of this resolution;", D(2017, 7, 29), ""),
    ("Requests the Secretary-General to provide to it a report in this regard three weeks before this date, 31 January 2009;", None, ""),
    ("Expresses its intention to review by 31 January 2009 the mandate, and requests the Secretary-General to provide to it a report three weeks before this date;", D(2009, 1, 10), ""),
    ("Requests the Secretary-General to report to the Council every 90 days;", D(2017, 9, 27), "P90D"),
    ("Requests the Secretary-General to report annually on the implementation of this resolution;", D(2018, 6, 29), "P1Y"),
    ("Requests the Secretary-General to keep the Council regularly informed;", None, "regular"),
    ("Requests the Secretary-General to brief the Council on the situation before the end of the mandate;", D(2018, 6, 30), ""),
])
def test_deadlines_from_real_phrases(resolution, text, due, recurrence):
    found, _ = analyse(with_text(resolution, "op-46", text))
    deadlines = [d for o in found.obligations_by_element["op-46"] for d in o.deadlines]
    assert [(d.due, d.recurrence) for d in deadlines][-1] == (due, recurrence)


def test_an_impossible_day_is_a_warning_not_a_traceback(resolution):
    found, warnings = analyse(with_text(resolution, "op-46", "Requests the Secretary-General to report no later than 31 June 2018;"))
    [obligation] = found.obligations_by_element["op-46"]
    assert obligation.deadlines[0].due is None and obligation.due == ()
    assert [w.message for w in warnings] == ["op-46: “31 June 2018” is not a day of the calendar; the deadline has no date"]


def test_an_unknown_opening_verb_is_a_warning(resolution):
    _found, warnings = analyse(with_text(resolution, "op-46", "Ponders the situation in Mali;"))
    assert [w.message for w in warnings] == ["op-46: unknown opening verb “Ponders” (not in data/verbs.yml)"]
    assert str(warnings[0]).startswith(":") and ": warning: " in str(warnings[0])


@pytest.mark.parametrize(("pattern", "text", "matched"), [
    (FIXED, "a midterm report no later than 28 February 2021, a final", "no later than 28 February 2021"),
    (FIXED, "to finalise its equipment review by September 2020 with UN support", "by September 2020"),
    (INTERVAL, "within ninety days from the date of adoption of this resolution, on the actions", "within ninety days from the date of adoption of this resolution"),
    (INTERVAL, "a report in this regard three weeks before this date, including", "three weeks before this date"),
    (INTERVAL, "no later than 30 days after the conclusion of Iraq’s forthcoming elections;", "no later than 30 days after the conclusion of Iraq’s forthcoming elections"),
    (RECURRING, "within 30 days and every month thereafter, and requests", "every month thereafter"),
    (RECURRING, "to submit a biennial report to the Security Council", "biennial report"),
    (REGULAR, "brief the Security Council on a regular basis, and at any time", "on a regular basis"),
])
def test_time_patterns_on_real_phrases(pattern, text, matched):
    assert pattern.search(text).group(0).rstrip(" ,") == matched


def test_a_period_of_validity_is_no_deadline(resolution):
    text = "Decides that all States shall, for a period of thirteen months from the date of adoption of this resolution, take the necessary measures;"
    found, _ = analyse(with_text(resolution, "op-46", text))
    assert not found.obligations_by_element.get("op-46")


def test_the_calendar_has_one_event_per_due_date(resolution, analysis):
    calendar = obligations_calendar(resolution, analysis.obligations)
    lines = calendar.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert calendar.count("BEGIN:VEVENT") == sum(len(o.due) for o in analysis.obligations) == 5
    assert "DTSTART;VALUE=DATE:20171226" in lines
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    assert obligations_calendar(resolution, ()) == ""


def test_timing_of_a_recurring_report(analysis):
    [report] = analysis.obligations_by_element["op-47"]
    assert report.timing is Timing.RECURRING and report.recurrence == "P3M"

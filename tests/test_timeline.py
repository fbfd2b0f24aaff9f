"""The timeline of S/RES/2364 (2017): every date it names, in order, linked to the element."""

from __future__ import annotations

import datetime

import pytest

from build_scripts.analyse.annotate import annotate
from build_scripts.analyse.obligations import find_obligations
from build_scripts.analyse.timeline import EventSource, Precision, build_timeline, dates_in, describe

D = datetime.date

EXPECTED = [  # (first day, precision, element, words the description must contain)
    (D(2012, 1, 1), Precision.MONTH, "pp-30", "since January 2012"),
    (D(2012, 7, 13), Precision.DAY, "pp-30", "referral"),
    (D(2013, 1, 16), Precision.DAY, "pp-30", "investigation"),
    (D(2014, 5, 23), Precision.DAY, "op-3", "ceasefire agreement"),
    (D(2014, 7, 7), Precision.DAY, "op-40", "working group"),
    (D(2014, 7, 24), Precision.DAY, "op-3", "declarations of cessation of hostilities"),
    (D(2015, 2, 19), Precision.DAY, "op-3", "declarations of cessation of hostilities"),
    (D(2015, 6, 5), Precision.DAY, "op-3", "Arrangement sécuritaire"),
    (D(2015, 10, 22), Precision.DAY, "op-12", "Paris"),
    (D(2015, 11, 25), Precision.DAY, "pp-3", "Presidential Statement"),
    (D(2015, 12, 1), Precision.MONTH, "pp-12", "30 per cent quota"),
    (D(2016, 1, 1), Precision.MONTH, "pp-12", "National Action Plan"),
    (D(2016, 6, 1), Precision.MONTH, "op-40", "au conflit au Mali of June 2016"),
    (D(2016, 9, 27), Precision.DAY, "pp-30", "Al Mahdi"),
    (D(2016, 12, 1), Precision.MONTH, "op-47-i", "benchmarks"),
    (D(2017, 3, 1), Precision.MONTH, "pp-8", "Conference d’Entente nationale"),
    (D(2017, 3, 1), Precision.MONTH, "pp-31", "action plan"),
    (D(2017, 5, 22), Precision.DAY, "pp-39", "Secretary-General on 22 and 23 May 2017"),
    (D(2017, 5, 23), Precision.DAY, "pp-1", "press statements"),
    (D(2017, 6, 29), Precision.DAY, "", "Adoption"),
    (D(2017, 12, 26), Precision.DAY, "op-48", "Strategic plan due"),
    (D(2018, 6, 30), Precision.DAY, "op-15", "extend the mandate"),
]


@pytest.fixture(scope="module")
def timeline(resolution):
    obligations, _ = find_obligations(resolution, annotate(resolution))
    return build_timeline(resolution, obligations)


def test_the_timeline_is_in_date_order(timeline):
    assert [e.first for e in timeline] == sorted(e.first for e in timeline)


def test_the_named_dates_appear_in_order_each_with_its_element(timeline):
    positions = []
    for first, precision, element_id, words in EXPECTED:
        matches = [i for i, e in enumerate(timeline) if (e.first, e.precision, e.element_id) == (first, precision, element_id) and words in e.description]
        assert matches, (first, element_id, words)
        positions.append(matches[0])
    assert positions == sorted(positions)


def test_text_events_span_the_date_as_printed(resolution, timeline):
    texts = {e.id: e.text for e in resolution.elements()}
    for event in timeline:
        if event.source is EventSource.TEXT:
            assert texts[event.element_id][event.start : event.end] == event.printed


def test_the_two_day_conference_keeps_both_days(timeline):
    conference = next(e for e in timeline if e.element_id == "pp-39")
    assert (conference.printed, conference.first, conference.last) == ("22 and 23 May 2017", D(2017, 5, 22), D(2017, 5, 23))


def test_adoption_comes_from_the_metadata(timeline):
    adoption = next(e for e in timeline if e.source is EventSource.METADATA)
    assert (adoption.first, adoption.element_id) == (D(2017, 6, 29), "")


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("the ceasefire agreement of 23 May 2014, the Arrangement", [("23 May 2014", Precision.DAY)]),
        ("in January 2016, of Mali’s second National Action Plan", [("January 2016", Precision.MONTH)]),
        ("signed in 2015 by the Government of Mali", [("2015", Precision.YEAR)]),
        ("a constitutional referendum in 2017 and 2018 by", [("2017", Precision.YEAR), ("2018", Precision.YEAR)]),
        ("in particular 2359 (2017), 2295 (2016) and 2100 (2013)", []),  # resolution numbers and years are not dates
        ("up to 13,289 military personnel", []),
    ],
)
def test_dates_in_real_phrases(text, found):
    assert [(text[s:e], p) for s, e, _, _, p in dates_in(text)] == found


def test_a_short_clause_is_widened_to_its_neighbours():
    text = "the Prosecutor of the International Criminal Court (ICC) opened, on 16 January 2013, an investigation into alleged crimes"
    start = text.index("16 January 2013")
    assert describe(text, start, start + len("16 January 2013")) == text

"""The mandate stage: which paragraphs give a mission its mandate and tasks, read from the words alone.

Phrases are real chapeaus of Security Council resolutions (the UN's Akoma Ntoso files); the
resolutions are S/RES/2364 (2017) (the seed), and S/RES/1826 (2008) and S/RES/2250 (2015) (the
fixtures in tests/fixtures/, words of the UN's XML files).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.analyse.annotate import annotate
from build_scripts.analyse.facts import STRENGTH, body_names, key_facts, mandate_until
from build_scripts.analyse.mandate import chapeau_bodies, find_mandate, is_task_list, leading_verbs, load_phrases, mandate_tasks
from build_scripts.pipeline import load_resolution

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def analysed(name: str):
    resolution, diagnostics = load_resolution(FIXTURES / name)
    assert resolution is not None and diagnostics == []
    annotations = annotate(resolution)
    mandate, problems = find_mandate(resolution, annotations)
    assert problems == []
    return resolution, mandate


@pytest.fixture(scope="module")
def seed_mandate(resolution):
    mandate, problems = find_mandate(resolution, annotate(resolution))
    assert problems == []
    return mandate


def test_the_phrase_file_loads_without_problems():
    phrases, problems = load_phrases()
    assert problems == [] and phrases is not None
    assert phrases.task_list and phrases.priority and phrases.force and phrases.authorizing


@pytest.mark.parametrize(
    ("text", "bodies", "until"),
    [
        ("Decides to extend the mandate of MINUSMA until 30 June 2018;", ("MINUSMA",), "30 June 2018"),
        (
            "Decides to renew the mandates of the United Nations Operation in Côte d’Ivoire (UNOCI) and of the French forces which support it, "
            "as determined in resolution 1739 (2007), until 31 January 2009, in particular to support the organization",
            ("UNOCI", "French forces"),
            "31 January 2009",
        ),
        ("Decides to extend until 15 September 2020 the mandate of UNSMIL, under the leadership of the Special Representative", ("UNSMIL",), "15 September 2020"),
        ("Decides to extend the mandate of the Panel of Experts, established by paragraph 24 of resolution 1973 (2011), for a period of thirteen months", ("Panel of Experts",), ""),
        ("Decides to extend UNSOM’s mandate for a period of 12 months as follows:", ("UNSOM",), ""),
    ],
)
def test_a_mandate_extended_or_renewed_is_read_with_its_bodies_and_end(text, bodies, until):
    assert mandate_until(text) == (bodies, until)


@pytest.mark.parametrize(
    "text",
    [
        "Requests MINUSMA to achieve its more proactive and robust posture to carry out its mandate;",
        "Expresses its intention to review by 31 January 2009 the mandates of UNOCI and the French forces which support it",
        "Requests UNOCI, within its existing resources and mandate, to support the full implementation",
    ],
)
def test_words_about_a_mandate_that_do_not_extend_it_are_not_a_renewal(text):
    assert mandate_until(text) is None


@pytest.mark.parametrize(
    ("chapeau", "listed"),
    [
        ("Decides that MINUSMA’s mandate shall include the following priority tasks:", True),
        ("Decides that the mandate of MINUSMA shall be the following:", True),
        ("Decides that MINUSMA shall perform the following tasks:", True),
        ("Decides that, until 31 December 2023, MINUSMA is authorized to fulfil the following functions within its capabilities", True),
        ("Decides that UNMISS shall have the following mandate, and authorizes UNMISS to use all necessary means to implement its mandate:", True),
        ("Requests the Secretary-General to report to the Council every three months on the implementation of MONUSCO’s mandate, including on:", False),
        ("Urges the Malian authorities to fulfil the following priority measures before the end of MINUSMA’s current mandate:", False),
        ("Requests the Secretary-General to implement the following activities in the planning and conduct of UNISFA’s operations", False),
        ("Calls on all relevant actors, including when negotiating and implementing peace agreements, to take into account, as appropriate, the participation and views of youth", False),
    ],
)
def test_a_chapeau_introduces_tasks_only_in_the_words_of_a_mandate(chapeau, listed):
    phrases, _ = load_phrases()
    assert is_task_list(chapeau, phrases) is listed


@pytest.mark.parametrize(
    ("chapeau", "bodies"),
    [
        ("Decides that MINUSMA’s mandate shall include the following priority tasks:", ("MINUSMA",)),
        ("Further authorizes MINUSMA to use its existing capacities to assist in implementing the following tasks:", ("MINUSMA",)),
        ("Decides that the mandate of MINUSCA shall include the following priority tasks:", ("MINUSCA",)),
        ("Decides that UNMISS shall have the following mandate, and authorizes UNMISS to use all necessary means to implement its mandate:", ("UNMISS",)),
        ("Decides to authorize AMISOM to carry out the following priority tasks:", ("AMISOM",)),
        ("Decides that the mandate of the Panel of Experts shall include the following tasks, to:", ("Panel of Experts",)),
        ("Further authorises MINUSCA to carry out the following additional tasks:", ("MINUSCA",)),
        ("Decides that the mandate of MINUSMA shall be the following:", ("MINUSMA",)),
        ("Decides that, until 31 December 2023, MINUSMA is authorized to fulfil the following functions", ("MINUSMA",)),
    ],
)
def test_a_task_list_names_its_body_as_the_chapeau_does(chapeau, bodies):
    assert chapeau_bodies(chapeau) == bodies


@pytest.mark.parametrize(
    ("text", "military", "police"),
    [
        ("Decides that MINUSMA shall continue to comprise up to 13,289 military personnel and 1,920 police personnel, and requests", "13,289", "1,920"),
        (
            "Decides that MINUSMA will comprise up to 11,200 military personnel, including reserve battalions capable of deploying rapidly "
            "within the country as and when required, and 1,440 police personnel, calls upon Member States",
            "11,200",
            "1,440",
        ),
        ("Decides that the Mission shall comprise up to 3,000 military personnel;", "3,000", None),
    ],
)
def test_the_authorized_strength_is_read_as_printed(text, military, police):
    match = STRENGTH.search(text)
    assert (match["military"], match["police"]) == (military, police)


@pytest.mark.parametrize(
    ("words", "names"),
    [
        ("the United Nations Support Mission in Libya (UNSMIL)", ("UNSMIL",)),
        ("the United Nations Mission in Ethiopia and Eritrea (UNMEE)", ("UNMEE",)),
        ("the United Nations Operation in Côte d’Ivoire (UNOCI) and of the French forces which support it", ("UNOCI", "French forces")),
        ("UNMIS and UNAMID", ("UNMIS", "UNAMID")),
        ("the current New York-based Monitoring Team and its members", ("New York-based Monitoring Team",)),
        ("the Panel of Experts (the Panel)", ("Panel of Experts",)),
        ("UNMEE at the troop and military observer levels authorized by its resolution 1320 (2000)", ("UNMEE",)),
        ("UNAMA is in support of Afghanistan’s full assumption of leadership", ("UNAMA",)),
        ("the Monitoring Group referred to in paragraph 3 of resolution 1558 (2004)", ("Monitoring Group",)),
    ],
)
def test_body_names_prefer_the_acronym_and_drop_qualifiers(words, names):
    assert body_names(words) == names


@pytest.mark.parametrize(
    ("text", "verbs"),
    [
        ("to support, monitor and supervise the ceasefire and to report to the Security Council on violations of it,", ("support", "monitor", "supervise")),
        ("To monitor, help investigate and report publicly and regularly to the Security Council,", ("monitor", "help investigate", "report")),
        ("To protect, without prejudice to the primary responsibility of the Malian authorities, civilians", ("protect",)),
        ("In support of the Malian authorities, to stabilize the key population centres", ("stabilize",)),
        ("In pursuit of its priorities and active defence of its mandate, to anticipate and deter threats", ("anticipate", "deter")),
        ("To assist the Malian authorities with the removal and destruction of mines", ("assist",)),
        ("to continue to assist him and his Special Representative in Abidjan", ("assist",)),
        ("to further enhance its interaction with the civilian population", ("enhance",)),
    ],
)
def test_a_task_s_modality_is_its_leading_verbs(text, verbs):
    assert leading_verbs(text) == verbs


def test_mandate_tasks_cover_every_item_of_a_task_list(resolution):
    tasks = {t.element_id: t for t in mandate_tasks(resolution, 20)}
    assert tasks["op-20-a-ii-1"].heading == "Support to the implementation of the Agreement on Peace and Reconciliation in Mali"
    assert tasks["op-20-f-ii"].modality == ("monitor", "help investigate", "report")
    assert [t.element_id for t in mandate_tasks(resolution, 22)] == ["op-22-a", "op-22-b", "op-22-c", "op-22-d"]
    assert mandate_tasks(resolution, 999) == ()


def test_the_seed_s_task_lists_are_found_from_their_chapeaus(seed_mandate):
    assert [(t.element_id, t.bodies, t.priority) for t in seed_mandate.task_lists] == [("op-20", ("MINUSMA",), True), ("op-22", ("MINUSMA",), False)]
    assert [(g.element_id, g.bodies, g.until) for g in seed_mandate.grants] == [("op-15", ("MINUSMA",), "30 June 2018")]
    assert [(f.element_id, f.bodies) for f in seed_mandate.force] == [("op-18", ("MINUSMA",)), ("op-37", ("French forces",))]
    requested = {r.element_id: r.modality for r in seed_mandate.requests}
    assert requested["op-19"] == ("achieve",) and requested["op-40"] == ("take",)
    assert "op-20" not in requested and "op-46" not in requested  # a task list; MINUSMA only assists ("with the assistance of")


def test_a_renewal_without_a_task_list_is_a_mandate_with_its_requests():
    resolution, mandate = analysed("s-res-1826-2008.txt")
    assert mandate.applies
    assert [(g.element_id, g.bodies, g.until) for g in mandate.grants] == [("op-1", ("UNOCI", "French forces"), "31 January 2009")]
    assert mandate.task_lists == ()
    assert [(r.element_id, r.bodies, r.modality) for r in mandate.requests] == [("op-2", ("UNOCI",), ("support",)), ("op-17", ("UNOCI",), ("assist",))]
    assert [(f.name, f.value, f.element_id) for f in key_facts(resolution)] == [("Mandate of UNOCI and French forces until", "31 January 2009", "op-1")]


def test_a_thematic_resolution_gives_no_mandate():
    _resolution, mandate = analysed("s-res-2250-2015.txt")
    assert not mandate.applies
    assert (mandate.grants, mandate.task_lists, mandate.requests, mandate.force) == ((), (), (), ())

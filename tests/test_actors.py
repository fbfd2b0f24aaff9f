"""Actors: the generic lexicon, the situations' gazetteers and the places, on real phrases.

Each table is (text, expected spans and ids) with phrases as printed in real resolutions: 2364
(Mali) for the Mali gazetteer, and the files of tests/fixtures/golden/ for the rest.
"""

from __future__ import annotations

import shutil
from functools import cache
from pathlib import Path

import pytest

from build_scripts.analyse.actors import ActorKind, Knowledge, Matcher, load_gazetteer, load_knowledge
from build_scripts.analyse.phrases import Spelling, tokens
from build_scripts.data_files import DATA
from build_scripts.model import Resolution
from build_scripts.pipeline import load_resolution

GOLDEN = Path(__file__).parent / "fixtures" / "golden"


@cache
def _knowledge() -> Knowledge:
    loaded, problems = load_knowledge()
    assert problems == []
    assert loaded is not None
    return loaded


@cache
def _matcher(file: str) -> Matcher:
    resolution, _ = load_resolution(GOLDEN / file)
    assert resolution is not None
    return _knowledge().matcher_for(resolution)


@pytest.fixture(scope="module")
def mali(resolution: Resolution) -> Matcher:
    return _knowledge().matcher_for(resolution)


def _found(matcher: Matcher, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.actor) for m in matcher.find_mentions(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requests the Special Representative of the Secretary-General for Mali (SRSG) to use",
         [("Special Representative of the Secretary-General for Mali", "srsg-mali"), ("SRSG", "srsg-mali")]),
        ("encourages in this regard the Special Representative of the Secretary-General for West Africa and the Sahel to continue",
         [("Special Representative of the Secretary-General for West Africa and the Sahel", "srsg-west-africa")]),
        ("Urges the Government of Mali, the Plateforme and Coordination armed groups to",
         [("Government of Mali", "government-of-mali"), ("Plateforme", "plateforme"), ("Coordination armed groups", "coordination")]),
        ("the Coordination des Mouvements de l’Azawad coalition of armed groups",
         [("Coordination des Mouvements de l’Azawad coalition of armed groups", "coordination")]),
        ("Urges MINUSMA’s troop and police contributing countries to expedite",
         [("MINUSMA’s troop and police contributing countries", "troop-police-contributors")]),
        ("calls on troop- and police-contributing countries to fully and effectively implement",
         [("troop- and police-contributing countries", "troop-police-contributors")]),
        ("Condemning the attacks against the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA)",
         [("United Nations Multidimensional Integrated Stabilization Mission in Mali", "minusma"), ("MINUSMA", "minusma")]),
        ("between MINUSMA and the United Nations Country Team (UNCT)",
         [("MINUSMA", "minusma"), ("United Nations Country Team", "unct"), ("UNCT", "unct")]),
        ("the European Union Training Mission Mali (EUTM Mali) and the French forces",
         [("European Union Training Mission Mali", "eutm-mali"), ("EUTM Mali", "eutm-mali"), ("French forces", "france")]),
        ("the European Union’s pledge to provide support to the FC-GS5", [("European Union", "european-union"), ("FC-GS5", "fc-g5s")]),
        ("enhance cooperation between MINUSMA and the G5 Sahel Member States", [("MINUSMA", "minusma"), ("G5 Sahel Member States", "g5-sahel")]),
        ("the 1267/1989/2253 ISIL (Da’esh) and Al-Qaida Sanctions Committee",
         [("1267/1989/2253 ISIL (Da’esh) and Al-Qaida Sanctions Committee", "sanctions-committee")]),
        ("the Prosecutor of the International Criminal Court (ICC) opened", [("Prosecutor of the International Criminal Court", "icc"), ("ICC", "icc")]),
        ("acting under Chapter VII of the Charter of the United Nations", []),
        ("signed between the United Nations and the troop- and police-contributing countries",
         [("the United Nations", "united-nations"), ("troop- and police-contributing countries", "troop-police-contributors")]),
        ("in close coordination with humanitarian actors", [("humanitarian actors", "humanitarian-actors")]),
        ("to promote partnerships between equipment", []),
        ("requests the SRSG to use his good offices", [("SRSG", "srsg-mali")]),  # the resolution is about Mali
        ("to support the Mission in its tasks", [("the Mission", "minusma")]),  # the mission 2364 names most
    ],
)
def test_real_phrases_of_2364_resolve_to_one_actor_each(mali: Matcher, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(mali, text) == expected


def test_secretary_general_is_not_found_inside_the_special_representatives_title(mali: Matcher) -> None:
    text = "Reiterating its strong support for the Special Representative of the Secretary-General for Mali"
    assert [m.actor for m in mali.find_mentions(text)] == ["srsg-mali"]


@pytest.mark.parametrize(
    ("file", "text", "expected"),
    [
        # Case, hyphens and spelling do not matter (S/RES/2535 (2020) prints both).
        ("S_RES_2535 (2020)-2009488E.xml", "Requests the Secretary General to provide guidance", [("Secretary General", "secretary-general")]),
        ("S_RES_2535 (2020)-2009488E.xml", "Calls on Member states to take steps", [("Member states", "member-states")]),
        ("S_RES_2535 (2020)-2009488E.xml", "regional and subregional organisations", [("regional and subregional organisations", "regional-organizations")]),
        ("S_RES_2535 (2020)-2009488E.xml", "the Peace-building Commission", [("Peace-building Commission", "peacebuilding-commission")]),
        # A Government is the Government of the place named, never Mali's.
        ("S_RES_1572_N0460737.xml", "urges the Government of Côte d’Ivoire and the Forces nouvelles",
         [("Government of Côte d’Ivoire", "government-of-cote-d-ivoire")]),
        ("S_RES_1826_N0844260.xml", "urges the Ivorian authorities to allow", [("Ivorian authorities", "government-of-cote-d-ivoire")]),
        ("S_RES_1572_N0460737.xml", "demands that all Ivoirian parties", [("Ivoirian parties", "ivorian-parties")]),
        ("SC_2576_2021-E.xml", "calls upon the Government of Iraq", [("Government of Iraq", "government-of-iraq")]),
        ("S_RES_2118_N1348923.xml", "Decides that the Syrian Arab Republic shall", [("Syrian Arab Republic", "syrian-arab-republic")]),
        # OCHA is not the Azawad coalition, and Mali's gazetteer is not used where Mali is not named.
        ("S_RES_2602 (2021)-2115752E.xml", "the Office for the Coordination of Humanitarian Affairs",
         [("Office for the Coordination of Humanitarian Affairs", "ocha")]),
        ("S_RES_2602 (2021)-2115752E.xml", "the Plateforme and Coordination armed groups", [("armed groups", "armed-groups")]),
        # 'the Mission', 'the Special Representative …', 'the Panel of Experts' are the resolution's own.
        ("S_RES_2602 (2021)-2115752E.xml", "about the Mission’s progress", [("the Mission", "minurso")]),
        ("SC_2576_2021-E.xml", "the Special Representative of the Secretary-General and UNAMI",
         [("the Special Representative of the Secretary-General", "srsg-iraq"), ("UNAMI", "unami")]),
        ("S_RES_1826_N0844260.xml", "requests the Special Representative of the Secretary-General to certify it",
         [("the Special Representative of the Secretary-General", "srsg-cote-d-ivoire")]),
        ("S_RES_2541 (2020)-2011324E.xml", "Requests the Panel of Experts to provide", [("the Panel of Experts", "panel-of-experts-mali")]),
        # Committees by the resolution that established them; 'the Committee' is the first one named.
        ("S_RES_1572_N0460737.xml", "the Committee established by paragraph 14 below", [("Committee established by paragraph 14 below", "committee-1572")]),
        ("S_RES_1572_N0460737.xml", "authorizes the Committee to request", [("the Committee", "committee-1572")]),
        ("S_RES_1373_N0155743.xml", "Directs the Committee to delineate its tasks", [("the Committee", "committee-1373")]),
        ("S_RES_2541 (2020)-2011324E.xml", "the Committee established pursuant to resolution 2374 (2017)",
         [("Committee established pursuant to resolution 2374 (2017)", "committee-2374")]),
        ("S_RES_2118_N1348923.xml", "the Counter-Terrorism Committee", [("Counter-Terrorism Committee", "committee-1373")]),
        # A place is matched with its capitals; a Special Representative on a topic is not a place's.
        ("S_RES_2535 (2020)-2009488E.xml", "to chad the surface", []),
        ("S_RES_2535 (2020)-2009488E.xml", "the Special Representative of the Secretary-General for Children and Armed Conflict",
         [("Special Representative of the Secretary-General for Children and Armed Conflict", "srsg-children-armed-conflict")]),
    ],
)
def test_generic_lexicon_and_places_on_real_phrases(file: str, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(_matcher(file), text) == expected


@pytest.mark.parametrize(
    ("file", "place", "mission", "committee", "situations"),
    [
        ("S_RES_1826_N0844260.xml", "cote-d-ivoire", "unoci", "", ()),
        ("S_RES_2541 (2020)-2011324E.xml", "mali", "minusma", "committee-2374", ("mali",)),
        ("S_RES_2602 (2021)-2115752E.xml", "western-sahara", "minurso", "", ()),
        ("S_RES_2118_N1348923.xml", "syrian-arab-republic", "", "", ()),
        ("S_RES_2535 (2020)-2009488E.xml", "", "", "", ()),
    ],
)
def test_what_a_resolution_is_about_comes_from_its_text(file: str, place: str, mission: str, committee: str, situations: tuple[str, ...]) -> None:
    context = _matcher(file).context
    assert (context.place, context.mission, context.committee, context.situations) == (place, mission, committee, situations)


def test_tokens_ignore_case_accents_hyphens_and_spelling() -> None:
    spelling = Spelling({"organisations": "organizations"}, frozenset({"peacebuilding"}))
    keys = [t.key for t in tokens("Côte d’Ivoire, Secretary-General: peace-building organisations", spelling)]
    assert keys == ["cote", "d", "ivoire", ",", "secretary", "general", ":", "peacebuilding", "organizations"]


def test_acronyms_have_expansions() -> None:
    gazetteer, _ = load_gazetteer()
    assert gazetteer is not None
    expansions = {a.acronym: a.expansion for a in gazetteer.acronyms()}
    assert expansions["MINUSMA"] == "United Nations Multidimensional Integrated Stabilization Mission in Mali"
    assert expansions["SRSG"] == "Special Representative of the Secretary-General"
    assert expansions["FC-G5S"] == "Force Conjointe des Etats du G5 Sahel"
    for acronym in ("MDSF", "CSA", "EUTM Mali", "EUCAP Sahel Mali", "UNCT", "UNOWAS", "ICC", "AQIM", "MUJAO", "GCTF",
                    "HRDDP", "PSIRC", "SSR", "MoUs", "ECOWAS", "UNESCO", "UNOCI", "ISIL", "OCHA", "UNAMI"):
        assert expansions[acronym], acronym


def test_kinds_are_enum_members_and_ids_are_unique() -> None:
    knowledge = _knowledge()
    assert knowledge.by_id["minusma"].kind is ActorKind.UN_MISSION
    assert knowledge.by_id["aqim"].kind is ActorKind.TERRORIST_GROUP
    assert knowledge.by_id["government-of-cote-d-ivoire"].kind is ActorKind.STATE_OR_GOVERNMENT
    assert all(isinstance(actor.kind, ActorKind) for actor in knowledge.by_id.values())
    assert len({actor.id for actor in knowledge.listed}) == len(knowledge.listed)
    assert not knowledge.by_id["security-council"].addressed


def _data_folder(tmp_path: Path, lexicon: str) -> Path:
    (tmp_path / "situations").mkdir()
    shutil.copy(DATA / "places.yml", tmp_path / "places.yml")
    (tmp_path / "lexicon.yml").write_text(lexicon, encoding="utf-8")
    return tmp_path


def test_missing_key_names_file_line_and_key(tmp_path: Path) -> None:
    folder = _data_folder(tmp_path, "# a lexicon\nactors:\n  - id: france\n    name: France\n    description: France.\n    aliases: [France]\n")
    knowledge, problems = load_knowledge(folder)
    assert knowledge is None
    assert [str(p) for p in problems] == [f"{folder / 'lexicon.yml'}:3: error: actor 'france' is missing key 'kind'"]


def test_unknown_kind_names_the_line_of_the_key(tmp_path: Path) -> None:
    folder = _data_folder(tmp_path, "actors:\n  - id: france\n    name: France\n    kind: country\n    description: France.\n    aliases: [France]\n")
    _, problems = load_knowledge(folder)
    assert len(problems) == 1 and str(problems[0]).startswith(f"{folder / 'lexicon.yml'}:4: error: actor 'france' has unknown kind 'country'")


def test_a_situation_id_already_in_the_lexicon_is_an_error(tmp_path: Path) -> None:
    folder = _data_folder(tmp_path, "actors:\n  - {id: donors, name: Donors, kind: other, description: Donors., aliases: [donors]}\n")
    (folder / "situations" / "x.yml").write_text(
        "situation: {id: x, name: X, places: [mali]}\nactors:\n  - {id: donors, name: Donors, kind: other, description: Donors., aliases: [donors]}\n",
        encoding="utf-8",
    )
    _, problems = load_knowledge(folder)
    assert [p.line for p in problems] == [3] and "duplicate actor id 'donors'" in str(problems[0])


def test_malformed_yaml_is_one_diagnostic_not_an_exception(tmp_path: Path) -> None:
    folder = _data_folder(tmp_path, "actors:\n  - id: [unclosed\n")
    knowledge, problems = load_knowledge(folder)
    assert knowledge is None and len(problems) == 1 and "malformed YAML" in str(problems[0])

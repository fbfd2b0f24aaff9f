"""The gazetteer: real phrases of S/RES/2364 (2017) resolve to one actor each, longest form first."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.analyse.actors import ActorKind, Gazetteer, load_gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    loaded, problems = load_gazetteer()
    assert problems == []
    assert loaded is not None
    return loaded


def _found(gazetteer: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.actor) for m in gazetteer.find_mentions(text)]


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
    ],
)
def test_real_phrases_resolve_to_one_actor_each(gazetteer: Gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(gazetteer, text) == expected


def test_secretary_general_is_not_found_inside_the_special_representatives_title(gazetteer: Gazetteer) -> None:
    text = "Reiterating its strong support for the Special Representative of the Secretary-General for Mali"
    assert [m.actor for m in gazetteer.find_mentions(text)] == ["srsg-mali"]


def test_acronyms_have_expansions(gazetteer: Gazetteer) -> None:
    expansions = {a.acronym: a.expansion for a in gazetteer.acronyms()}
    assert expansions["MINUSMA"] == "United Nations Multidimensional Integrated Stabilization Mission in Mali"
    assert expansions["SRSG"] == "the Special Representative of the Secretary-General for Mali"
    assert expansions["FC-G5S"] == "Force Conjointe des Etats du G5 Sahel"
    for acronym in ("MDSF", "CSA", "EUTM Mali", "EUCAP Sahel Mali", "UNCT", "UNOWAS", "ICC", "AQIM", "MUJAO", "GCTF",
                    "HRDDP", "PSIRC", "SSR", "MoUs", "ECOWAS", "UNESCO", "UNOCI", "ISIL"):
        assert expansions[acronym], acronym


def test_kinds_are_enum_members(gazetteer: Gazetteer) -> None:
    assert gazetteer.actor("minusma").kind is ActorKind.UN_MISSION
    assert gazetteer.actor("aqim").kind is ActorKind.TERRORIST_GROUP
    assert all(isinstance(actor.kind, ActorKind) for actor in gazetteer.actors)


def test_missing_key_names_file_line_and_key(tmp_path: Path) -> None:
    broken = tmp_path / "actors.yml"
    broken.write_text(
        "# a gazetteer\nactors:\n  - id: france\n    name: France\n    description: France.\n    aliases: [France]\n",
        encoding="utf-8",
    )
    gazetteer, problems = load_gazetteer(broken)
    assert gazetteer is None
    assert [str(p) for p in problems] == [f"{broken}:3: error: actor 'france' is missing key 'kind'"]


def test_unknown_kind_names_the_line_of_the_key(tmp_path: Path) -> None:
    broken = tmp_path / "actors.yml"
    broken.write_text("actors:\n  - id: france\n    name: France\n    kind: country\n    description: France.\n    aliases: [France]\n", encoding="utf-8")
    _, problems = load_gazetteer(broken)
    assert len(problems) == 1 and str(problems[0]).startswith(f"{broken}:4: error: actor 'france' has unknown kind 'country'")


def test_malformed_yaml_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    broken = tmp_path / "actors.yml"
    broken.write_text("actors:\n  - id: [unclosed\n", encoding="utf-8")
    gazetteer, problems = load_gazetteer(broken)
    assert gazetteer is None and "malformed YAML" in str(problems[0])

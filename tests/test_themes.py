"""The theme taxonomy: real phrases of S/RES/2364 (2017) and the themes they do or do not carry."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.analyse.themes import Taxonomy, load_taxonomy


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    loaded, problems = load_taxonomy()
    assert problems == []
    assert loaded is not None
    return loaded


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("to support, monitor and supervise the ceasefire and to report to the Security Council on violations of it,", "ceasefire"),
        ("the timely holding of district, regional, legislative and presidential elections", "elections"),
        ("the gradual restoration and extension of State authority across the territory of Mali", "state-authority-governance"),
        ("within the framework of the reform of the security sector;", "security-sector-reform"),
        ("the cantonment, disarmament, demobilization and reintegration of armed combatants", "ddr"),
        ("To protect, without prejudice to the primary responsibility of the Malian authorities, civilians under threat of physical violence;", "protection-of-civilians"),
        ("in strict compliance with the Human Rights Due Diligence Policy", "human-rights"),
        ("ensuring the full and effective participation, involvement and representation of women at all levels", "women-peace-security"),
        ("Requests MINUSMA to take fully into account child protection as a cross-cutting issue", "children-armed-conflict"),
        ("to address the stigma of sexual violence and the reintegration of survivors", "sexual-violence"),
        ("Urges the Malian authorities to further combat impunity", "justice-accountability"),
        ("the expansion of terrorist and other criminal activities into central and southern Mali", "counter-terrorism"),
        ("Expresses its readiness to consider targeted sanctions against those who", "sanctions"),
        ("the safe, civilian-led delivery of humanitarian assistance", "humanitarian-assistance"),
        ("to contribute to the creation of a secure environment for projects, including quick impact projects", "stabilization-development"),
        ("the removal and destruction of mines and other explosive devices and weapons and ammunition management", "weapons-management"),
        ("in protecting from attack the cultural and historical sites in Mali, in collaboration with UNESCO", "cultural-heritage"),
        ("Requests MINUSMA to consider the environmental impacts of its operations", "environment"),
        ("drug trafficking, smuggling of migrants and human trafficking", "organized-crime"),
        ("Decides that MINUSMA shall continue to comprise up to 13,289 military personnel", "mission-mandate"),
        ("to review and enhance the safety and security of MINUSMA’s personnel", "peacekeeper-safety"),
        ("the United Nations zero-tolerance policy on sexual exploitation and abuses", "conduct-discipline"),
        ("notably coordination with the G5 Sahel and the African Union Nouakchott Process", "regional-cooperation"),
        ("to develop within 180 days after the adoption of this resolution a mission-wide strategic plan", "reporting-planning"),
        ("to accelerate the implementation of the Agreement on Peace and Reconciliation in Mali", "political-process"),
    ],
)
def test_real_phrases_carry_their_theme(taxonomy: Taxonomy, text: str, theme: str) -> None:
    assert theme in taxonomy.tag(text)


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("to implement its mandate in a complex security environment", "environment"),  # not the natural environment
        ("the reformed and reconstituted Malian Defence and Security Forces", "state-authority-governance"),
        ("the sexual exploitation and abuses", "sexual-violence"),  # conduct and discipline instead
        ("to abide by international humanitarian, human rights and refugee law", "humanitarian-assistance"),
        ("the United Nations Multidimensional Integrated Stabilization Mission in Mali", "stabilization-development"),
        ("its EUTM Mali and EUCAP Sahel Mali missions", "regional-cooperation"),
        ("the Organisation of Al-Qaida in the Islamic Maghreb", "regional-cooperation"),
        ("the development of an effective communication strategy", "stabilization-development"),
        ("the ceasefire agreement of 23 May 2014", "political-process"),  # not "the Agreement" of 2015
        ("district, regional, legislative and presidential elections", "regional-cooperation"),
    ],
)
def test_look_alike_phrases_do_not_carry_the_theme(taxonomy: Taxonomy, text: str, theme: str) -> None:
    assert theme not in taxonomy.tag(text)


def test_heading_counts_as_text(taxonomy: Taxonomy) -> None:
    assert taxonomy.tag("", heading="Promotion and protection of human rights") == ("human-rights",)


def test_every_theme_has_a_name_and_a_one_line_definition(taxonomy: Taxonomy) -> None:
    assert len(taxonomy.themes) == 25
    for theme in taxonomy.themes:
        assert theme.name and theme.definition and "\n" not in theme.definition


def test_invalid_pattern_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "themes.yml"
    broken.write_text("themes:\n  - id: ceasefire\n    name: Ceasefire\n    definition: Ceasefires.\n    patterns: ['cease(fire']\n", encoding="utf-8")
    taxonomy, problems = load_taxonomy(broken)
    assert taxonomy is None
    assert str(problems[0]).startswith(f"{broken}:5: error: pattern 'cease(fire' is not a valid regular expression")

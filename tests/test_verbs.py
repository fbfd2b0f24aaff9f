"""Operative verbs: real openings and mid-paragraph verbs of S/RES/2364 (2017), with their strengths."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.analyse.verbs import Lexicon, load_lexicon


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    loaded, problems = load_lexicon()
    assert problems == []
    assert loaded is not None
    return loaded


def _found(lexicon: Lexicon, text: str) -> list[tuple[str, str, int]]:
    return [(text[v.start : v.end], v.lemma, v.strength) for v in lexicon.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Decides to extend the mandate of MINUSMA until 30 June 2018;", [("Decides", "decides", 4)]),
        ("Demands that all armed groups in Mali put aside their arms", [("Demands", "demands", 4)]),
        ("Further authorizes MINUSMA to use its existing capacities", [("Further authorizes", "authorizes", 4)]),
        ("Further requests the Secretary-General, seeking perspectives", [("Further requests", "requests", 3)]),
        ("Calls on the members of the CSA …, and recognizes the role of the CSA",
         [("Calls on", "calls on", 3), ("recognizes", "recognizes", 1)]),
        ("Calls for the inclusion within national and regional strategies", [("Calls for", "calls for", 3)]),
        ("Affirms that the gradual restoration …, and encourages bilateral and multilateral partners",
         [("Affirms", "affirms", 1), ("encourages", "encourages", 2)]),
        ("Requests the SRSG to use his good offices to encourage and support …, and further requests the SRSG to use",
         [("Requests", "requests", 3), ("further requests", "requests", 3)]),
        ("Urges the Malian authorities to further combat impunity …, and also urges the Malian authorities",
         [("Urges", "urges", 3), ("also urges", "urges", 3)]),
        ("Commends the commitment …, and in this connection, takes note of the Memoranda",
         [("Commends", "commends", 1), ("takes note", "takes note", 1)]),
        ("Expresses its readiness to consider targeted sanctions", [("Expresses its readiness", "expresses its readiness", 1)]),
        ("Decides to remain actively seized of the matter.", [("Decides to remain actively seized", "decides to remain actively seized", 1)]),
        ("to intervene in support of elements of MINUSMA when under imminent and serious threat upon request of the Secretary-General", []),
        ("as authorized in this resolution, and requests France to report", [("requests", "requests", 3)]),
        ("the division of tasks with the UNCT requested in paragraph 48", []),
    ],
)
def test_real_phrases(lexicon: Lexicon, text: str, expected: list[tuple[str, str, int]]) -> None:
    assert _found(lexicon, text) == expected


def test_elliptical_upon_only_after_and(lexicon: Lexicon) -> None:
    assert _found(lexicon, "of June 2016 and upon the Coordination armed group to make") == [("upon", "calls upon", 3)]
    assert _found(lexicon, "Acting, upon the referral of the transitional authorities") == []


def test_a_capitalised_verb_mid_paragraph_is_not_an_operative_verb(lexicon: Lexicon) -> None:
    assert _found(lexicon, "on Women, Peace and Security, Calls upon") == []


def test_strength_scale(lexicon: Lexicon) -> None:
    strengths = {verb.words: verb.strength for verb in lexicon.verbs}
    assert strengths["decides"] == strengths["demands"] == strengths["authorizes"] == 4
    assert strengths["requests"] == strengths["urges"] == strengths["calls upon"] == strengths["calls on"] == strengths["calls for"] == 3
    assert strengths["encourages"] == strengths["invites"] == 2
    assert {strengths[w] for w in ("welcomes", "commends", "affirms", "reiterates", "recalls", "stresses", "takes note", "condemns")} == {1}


def test_bad_strength_names_file_line_and_key(tmp_path: Path) -> None:
    broken = tmp_path / "verbs.yml"
    broken.write_text("verbs:\n  - {verb: decides, strength: 5, addresses: true}\n  - {verb: urges, addresses: true}\n", encoding="utf-8")
    lexicon, problems = load_lexicon(broken)
    assert lexicon is None
    assert [str(p) for p in problems] == [
        f"{broken}:2: error: verb 'decides' has strength 5; expected 1, 2, 3 or 4",
        f"{broken}:3: error: verb 'urges' is missing key 'strength'",
    ]

"""Operative verbs: real openings and mid-paragraph verbs of S/RES/2364 (2017) and the UN's other files, with their strengths."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_scripts.analyse.verbs import Lexicon, load_lexicon, unknown_opening


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


@pytest.mark.parametrize(
    ("text", "lemma", "printed"),
    [  # openings of real operative paragraphs in the UN's files, once unknown
        ("Reminds Member States of their obligation to", "reminds", "Reminds"),
        ("Approves the updated list of", "approves", "Approves"),
        ("Endorses the Joint Communiqué", "endorses", "Endorses"),
        ("Insists that the parties", "insists", "Insists"),
        ("Appeals to all States to", "appeals", "Appeals to"),
        ("Requires any Member State when it undertakes an inspection", "requires", "Requires"),
        ("Directs the Committee to delineate its tasks", "directs", "Directs"),
        ("Emphasises the importance of", "emphasizes", "Emphasises"),
        ("Authorises MINUSCA to", "authorizes", "Authorises"),
        ("Further strongly condemns the attacks", "condemns", "Further strongly condemns"),
        ("Calls once again on all the parties", "calls on", "Calls once again on"),
        ("Continues to urge the parties", "urges", "Continues to urge"),
        ("Decides to remain seized of the matter.", "decides to remain seized", "Decides to remain seized"),
    ],
)
def test_openings_once_unknown(lexicon: Lexicon, text: str, lemma: str, printed: str) -> None:
    verb = lexicon.opening(text)
    assert verb is not None and (verb.lemma, text[verb.start : verb.end]) == (lemma, printed)


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("Acting under Chapter VII of the Charter of the United Nations, decides that MONUC may take", "decides"),
        ("In this context demands that all parties abstain from any offensive action", "demands"),
        ("Recalling paragraph 4 of UNSCR 2676 (2023), having considered the measures, expresses its intention", "expresses"),
    ],
)
def test_a_verb_after_an_introduction_opens_the_paragraph(lexicon: Lexicon, text: str, lemma: str) -> None:
    assert lexicon.opening(text).lemma == lemma


def test_the_closing_formula_is_kept_apart_from_decisions(lexicon: Lexicon) -> None:
    for text in ("Decides to remain seized of the matter.", "Decides to remain actively seized of this matter."):
        verb = lexicon.opening(text)
        assert verb.closing and verb.lemma != "decides"
    assert not lexicon.opening("Decides to extend the mandate of MINUSMA").closing


def test_an_unknown_opening_is_named_for_the_warning(lexicon: Lexicon) -> None:
    assert unknown_opening(lexicon, "Ensure the protection of United Nations personnel") == "Ensure"
    assert unknown_opening(lexicon, "Reminds Member States") is None
    assert unknown_opening(lexicon, "") is None


def test_nouns_that_are_verbs_only_at_the_start_stay_nouns(lexicon: Lexicon) -> None:
    assert _found(lexicon, "Urges Member States and states concerned to act") == [("Urges", "urges", 3)]
    assert _found(lexicon, "States that it will review") == [("States", "states", 1)]

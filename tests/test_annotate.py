"""Annotation of S/RES/2364 (2017) against hand labels, and the facts a reader checks first.

tests/golden/labels.yml was written by reading the text. ``test_golden_precision_and_recall``
prints micro-averaged precision and recall for themes and addressees and requires both ≥ 0.85;
at the time of writing they stand at themes P 0.98 / R 1.00 and addressees P 1.00 / R 1.00
(run with ``-s`` to see the current figures). The labels and the rules were written by one person
with this text in view, so expect lower figures on another resolution.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from build_scripts.analyse.annotate import AnnotationDataError, Annotations, annotate, load_annotation_data
from build_scripts.model import Resolution

GOLDEN = Path(__file__).parent / "golden" / "labels.yml"
THRESHOLD = 0.85


@pytest.fixture(scope="module")
def annotations(resolution: Resolution) -> Annotations:
    return annotate(resolution)


def _labels() -> list[dict[str, object]]:
    return yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))["labels"]


def _score(annotations: Annotations, field: str) -> tuple[float, float, list[str]]:
    """Micro-averaged precision and recall of (element, label) pairs, and the disagreements."""
    true_positives = false_positives = false_negatives = 0
    disagreements: list[str] = []
    for label in _labels():
        expected = set(label[field])
        found = set(getattr(annotations.for_element(str(label["id"])), field))
        true_positives += len(expected & found)
        false_positives += len(found - expected)
        false_negatives += len(expected - found)
        if expected != found:
            disagreements.append(f"{label['id']}: extra {sorted(found - expected)}, missing {sorted(expected - found)}")
    precision = true_positives / (true_positives + false_positives) if true_positives + false_positives else 1.0
    recall = true_positives / (true_positives + false_negatives) if true_positives + false_negatives else 1.0
    return precision, recall, disagreements


def test_golden_set_is_large_and_uses_known_ids(annotations: Annotations) -> None:
    labels = _labels()
    assert len(labels) >= 40
    assert len({label["id"] for label in labels}) == len(labels)
    theme_ids = {theme.id for theme in annotations.taxonomy.themes}
    actor_ids = {actor.id for actor in annotations.gazetteer.actors}
    for label in labels:
        annotations.for_element(str(label["id"]))  # KeyError for an id the parser does not produce
        assert set(label["themes"]) <= theme_ids, label
        assert set(label["addressees"]) <= actor_ids, label


@pytest.mark.parametrize("field", ["themes", "addressees"])
def test_golden_precision_and_recall(annotations: Annotations, field: str) -> None:
    precision, recall, disagreements = _score(annotations, field)
    print(f"\n{field}: precision {precision:.2f}, recall {recall:.2f} on {len(_labels())} hand-labelled elements")
    for line in disagreements:
        print("  ", line)
    assert precision >= THRESHOLD and recall >= THRESHOLD


@pytest.mark.parametrize("element_id", ["op-16", "op-23", "op-31", "op-47", "op-48", "op-47-ii", "op-48-i"])
def test_paragraphs_asked_of_the_secretary_general(annotations: Annotations, element_id: str) -> None:
    assert "secretary-general" in annotations.for_element(element_id).addressees


def test_op_8_is_asked_of_the_special_representative_not_the_secretary_general(annotations: Annotations) -> None:
    assert annotations.for_element("op-8").addressees == ("srsg-mali",)
    assert "secretary-general" not in {m.actor for m in annotations.for_element("op-8").mentions}


def test_op_37_authorizes_french_forces(annotations: Annotations) -> None:
    assert annotations.for_element("op-37").addressees == ("france",)


@pytest.mark.parametrize(
    ("element_id", "expected"),
    [
        ("op-1", ("government-of-mali", "plateforme", "coordination")),  # "the Plateforme and Coordination armed groups" names two
        ("op-15", ()),  # "Decides to extend the mandate": the Council acts itself
        ("op-20", ("minusma",)),  # "Decides that MINUSMA’s mandate shall include"
        ("op-20-c-ii", ("minusma",)),  # a task inherits its chapeau's addressee
        ("op-22-c", ("minusma",)),  # "Further authorizes MINUSMA to …"
        ("op-46", ("government-of-mali", "international-partners")),  # "with the assistance of MINUSMA," is an aside
        ("op-49", ()),
        ("pp-9", ()),  # "Urging …" in the preamble asks nothing
    ],
)
def test_addressees(annotations: Annotations, element_id: str, expected: tuple[str, ...]) -> None:
    assert annotations.for_element(element_id).addressees == expected


@pytest.mark.parametrize(
    ("element_id", "theme"),
    [("op-20-f", "human-rights"), ("op-20-c", "protection-of-civilians"), ("op-29", "children-armed-conflict"), ("op-41", "environment")],
)
def test_themes_of_key_paragraphs(annotations: Annotations, element_id: str, theme: str) -> None:
    assert theme in annotations.for_element(element_id).themes


def test_heading_mentions_are_spans_on_the_heading(resolution: Resolution, annotations: Annotations) -> None:
    element = next(e for e in resolution.elements() if e.id == "op-22-d")
    (mention,) = annotations.for_element("op-22-d").heading_mentions
    assert element.heading[mention.start : mention.end] == "1267/1989/2253 ISIL (Da’esh) and Al-Qaida Sanctions Committee"


def test_verbs_of_op_12_in_order(annotations: Annotations) -> None:
    verbs = annotations.for_element("op-12").verbs
    assert [(v.lemma, v.strength) for v in verbs] == [("calls upon", 3), ("welcomes", 1), ("encourages", 2), ("urges", 3)]


def test_verbs_of_op_40_in_order(resolution: Resolution, annotations: Annotations) -> None:
    element = next(e for e in resolution.elements() if e.id == "op-40")
    verbs = annotations.for_element("op-40").verbs
    assert [(element.text[v.start : v.end], v.lemma, v.strength) for v in verbs] == [
        ("Reiterates", "reiterates", 1),
        ("further recalls", "recalls", 1),
        ("calls upon", "calls upon", 3),
        ("recalls", "recalls", 1),
        ("urges", "urges", 3),
        ("calls upon", "calls upon", 3),
        ("further calls upon", "calls upon", 3),
        ("upon", "calls upon", 3),  # "… and upon the Coordination armed group": the verb is left out
    ]


def test_every_actor_of_the_mali_gazetteer_is_found_or_says_why_not(annotations: Annotations) -> None:
    for actor in annotations.gazetteer.actors:
        if actor.source != "situations/mali.yml":
            continue  # the generic lexicon's actors are for any resolution
        found = annotations.mentioning(actor.id)
        assert found or actor.absent, f"{actor.id} is never named and has no 'absent' note"
        assert not (found and actor.absent), f"{actor.id} is named in {found[:3]} but says it is absent"


def test_every_theme_has_a_definition_and_is_used(annotations: Annotations) -> None:
    for theme in annotations.taxonomy.themes:
        assert theme.definition.strip() and theme.name.strip()
        assert annotations.with_theme(theme.id), f"theme {theme.id} tags no element"


def test_every_element_is_annotated(resolution: Resolution, annotations: Annotations) -> None:
    assert [element_id for element_id, _ in annotations.elements] == [e.id for e in resolution.elements()]


def test_mention_spans_point_into_the_text(resolution: Resolution, annotations: Annotations) -> None:
    for element in resolution.elements():
        found = annotations.for_element(element.id)
        for mention in found.mentions:
            assert 0 <= mention.start < mention.end <= len(element.text)
        for verb in found.verbs:
            assert element.text[verb.start : verb.end].strip() == element.text[verb.start : verb.end]


def test_bad_data_file_is_an_error_naming_file_line_and_key(tmp_path: Path, resolution: Resolution) -> None:
    broken = tmp_path / "themes.yml"
    broken.write_text("themes:\n  - id: ceasefire\n    name: Ceasefire\n    phrases: [ceasefire]\n", encoding="utf-8")
    data, problems = load_annotation_data(themes=broken)
    assert data is None
    assert [str(p) for p in problems] == [f"{broken}:2: error: theme 'ceasefire' is missing key 'definition'"]
    error = AnnotationDataError(problems)
    assert error.diagnostics == problems and "missing key 'definition'" in str(error)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Things, not agents: no actor is made from the object of the verb.
        ("Urges renewed efforts to determine conclusively the Safe Demilitarized Border Zone (SDBZ) centreline on the ground;", ()),
        ("Encourages the incorporation, as appropriate, of HIV prevention, treatment, care, and support in the implementation of mandated tasks;", ()),
        ("Further requests enhanced reporting by MINUSMA to the Security Council on this issue;", ()),
        # Shared nouns and lists: "international, regional and subregional organisations" is one actor.
        ("Urges all parties, and all Member States, as well as international, regional and subregional organisations to ensure cooperation with the Panel of Experts;",
         ("all-parties", "member-states", "international-organizations")),
        ("Calls upon all Afghan and international parties to coordinate with UNAMA;", ("all-afghan-and-international-parties",)),
        ("Urges States whose naval vessels and military aircraft operate on the high seas off the coast of Somalia to be vigilant to acts of piracy;", ("member-states",)),
        # Asides name helpers, not addressees, even after "in particular".
        ("Requests the Analytical Support and Sanctions Monitoring Team, in close cooperation with all relevant United Nations counter-terrorism bodies, in particular CTED, to devote special focus;",
         ("monitoring-team",)),
        ("Requests UNOCI, within its existing resources and mandate, to support the full implementation of the Ouagadougou political Agreement;", ("unoci",)),
        # A verb without 'to' after a known actor, and committees named by their resolutions.
        ("Requests the Secretary-General report to the Council on progress with implementing the benchmarked exit strategy;", ("secretary-general",)),
        ("Requests the Committee established pursuant to resolutions 1267 (1999) and 1989 (2011) and the Counter-Terrorism Committee to update the Security Council;",
         ("sanctions-committee", "committee-1373")),
        # That-clauses: the subject, up to its verb.
        ("Demands once again that Ugandan and Rwandan forces and all other foreign forces withdraw from the territory;", ("ugandan-and-rwandan-forces",)),
        ("Decides that the measures imposed by paragraph 7 above shall not apply to supplies;", ()),
        ("Requests that cooperating States take appropriate steps;", ("member-states",)),
    ],
)
def test_addressee_rules_on_real_phrases(resolution: Resolution, text: str, expected: tuple[str, ...]) -> None:
    from build_scripts.analyse.addressees import find_addressees
    from build_scripts.analyse.annotate import _default_data

    data, _ = _default_data()
    assert data is not None
    matcher = data.knowledge.matcher_for(resolution)
    found = find_addressees(text, data.lexicon.find(text), matcher.find_mentions(text), data.lexicon, data.knowledge.by_id.get)
    assert found.actors == expected
    assert all(not actor.listed and actor.description.startswith("Not in the gazetteer") for actor in found.made)

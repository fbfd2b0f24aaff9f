"""The CSV table of S/RES/2364 (2017): one row per element, annotations joined with ';'."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

import pytest

from build_scripts.model import Resolution
from build_scripts.render.tables import COLUMNS, to_csv


def rows(table: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(table, newline="")))


@dataclass(frozen=True)
class Verb:
    lemma: str


@dataclass(frozen=True)
class Actor:
    name: str


@dataclass(frozen=True)
class Annotation:
    addressees: tuple[object, ...] = ()
    themes: tuple[object, ...] = ()
    verbs: tuple[Verb, ...] = ()


@dataclass
class Annotations:
    by_id: dict[str, Annotation] = field(default_factory=dict)

    def for_element(self, element_id: str) -> Annotation | None:
        return self.by_id.get(element_id)


def test_header_is_the_documented_columns(resolution: Resolution) -> None:
    first_line = to_csv(resolution).split("\n", 1)[0]
    assert first_line == "id,kind,label,text,url,section,addressees,themes,verbs"
    assert tuple(first_line.split(",")) == COLUMNS


def test_one_row_per_element_in_document_order(resolution: Resolution) -> None:
    table = rows(to_csv(resolution))
    assert [row["id"] for row in table] == [element.id for element in resolution.elements()]
    assert len(table) == 128
    for row, element in zip(table, resolution.elements(), strict=True):
        assert row["kind"] == element.kind.value
        assert row["label"] == element.label
        assert row["text"] == element.text


@pytest.mark.parametrize(
    ("element_id", "url", "section"),
    [
        ("pp-1", "/2364/pp/1/", ""),
        ("op-1", "/2364/op/1/", "Implementation of the Agreement on Peace and Reconciliation in Mali"),
        ("op-20", "/2364/op/20/", "MINUSMA’s mandate"),
        ("op-20-a", "/2364/op/20/#op-20-a", "MINUSMA’s mandate"),
        ("op-20-a-ii-2", "/2364/op/20/#op-20-a-ii-2", "MINUSMA’s mandate"),
        ("op-47-iii", "/2364/op/47/#op-47-iii", "Reports by the Secretary-General"),
    ],
)
def test_url_is_the_absolute_permalink_and_section_the_heading(
    resolution: Resolution, element_id: str, url: str, section: str
) -> None:
    row = next(row for row in rows(to_csv(resolution)) if row["id"] == element_id)
    assert (row["url"], row["section"]) == (url, section)


def test_without_annotations_the_annotation_columns_are_empty(resolution: Resolution) -> None:
    for row in rows(to_csv(resolution)):
        assert (row["addressees"], row["themes"], row["verbs"]) == ("", "", "")


ANNOTATION = Annotation(
    addressees=(Actor("Secretary-General"), "MINUSMA"),
    themes=("protection of civilians",),
    verbs=(Verb("request"), Verb("urge")),
)


@pytest.mark.parametrize(
    "source",
    [Annotations({"op-20": ANNOTATION}), {"op-20": ANNOTATION}, {"op-20": ANNOTATION}.get],
    ids=["for_element", "mapping", "callable"],
)
def test_annotations_fill_their_columns_joined_with_semicolons(resolution: Resolution, source: object) -> None:
    table = {row["id"]: row for row in rows(to_csv(resolution, source))}
    assert table["op-20"]["addressees"] == "Secretary-General;MINUSMA"
    assert table["op-20"]["themes"] == "protection of civilians"
    assert table["op-20"]["verbs"] == "request;urge"
    assert table["op-21"]["verbs"] == ""


def test_rows_end_with_newline_and_output_is_deterministic(resolution: Resolution) -> None:
    table = to_csv(resolution)
    assert table == to_csv(resolution)
    assert "\r" not in table
    assert table.endswith("\n")

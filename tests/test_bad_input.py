"""Bad input never raises: every file gives either a model or FILE:LINE diagnostics, and exit 0 or 1.

Complements the table in tests/test_cli.py with the cases it lacks, and with Hypothesis runs
(fixed seed: ``derandomize=True``) over truncated files, mutated seeds and random text.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts import pipeline
from build_scripts.cli import main
from build_scripts.model import Severity
from build_scripts.pipeline import load_resolution
from tests.conftest import SEED, build_site_into

RAW = SEED.read_text(encoding="utf-8")
META = SEED.with_suffix(".yml").read_text(encoding="utf-8")
DIAGNOSTIC = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<severity>error|warning): \S")

FUZZ = settings(derandomize=True, max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def variant(directory, text: str | bytes, meta: str = META):
    path = directory / "variant.txt"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    path.with_suffix(".yml").write_text(meta, encoding="utf-8")
    return path


def run_cli(directory, capsys, text: str | bytes, meta: str = META) -> tuple[int, list[str]]:
    """Exit code and stderr lines of `parse` on a variant; asserts the contract on both."""
    path = variant(directory, text, meta)
    code = main(["parse", str(path), "--json", str(directory / "model.json")])
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.strip()]
    assert "Traceback" not in err
    assert code in (0, 1)
    assert all(DIAGNOSTIC.match(line) for line in lines), lines
    if code == 1:
        assert any(": error: " in line for line in lines)
    else:
        assert not any(": error: " in line for line in lines)
    return code, lines


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


# --- single cases the table in test_cli.py lacks ------------------------------------------------


def test_non_utf8_names_the_expected_encoding(tmp_path, capsys):
    code, lines = run_cli(tmp_path, capsys, RAW.replace("’", "'").encode("utf-8").replace(b"S\xc3\xa9curitaire", b"S\xe9curitaire").replace("sécuritaire".encode(), b"s\xe9curitaire"))
    assert code == 1
    assert "expected in UTF-8" in lines[0] and f":{line_of(RAW, 'sécuritaire')}:" in lines[0]


def test_a_gap_of_several_paragraphs_is_named(tmp_path, capsys):
    text = RAW.replace("11. Calls for the inclusion", "13. Calls for the inclusion").replace("12. Calls upon the Government", "14. Calls upon the Government")
    code, lines = run_cli(tmp_path, capsys, text)
    assert code == 1 and any("missing operative paragraph 11–12: paragraph 10 is followed by 13" in line for line in lines)


def test_the_second_of_duplicated_numbers_is_reported_at_its_line(tmp_path, capsys):
    text = RAW.replace("31. Requests the Secretary-General", "30. Requests the Secretary-General")
    code, lines = run_cli(tmp_path, capsys, text)
    assert code == 1
    assert any(f":{line_of(text, '30. Requests the Secretary-General')}: error: duplicated operative paragraph number 30 (first at line {line_of(text, '30. Requests MINUSMA')})" in line for line in lines)


def test_a_roman_item_out_of_order_is_an_error(tmp_path, capsys):
    text = RAW.replace("(iii) on coordination and exchange", "(iv) on coordination and exchange")
    code, lines = run_cli(tmp_path, capsys, text)
    assert code == 1 and any(f":{line_of(text, '(iv) on coordination')}: error: unexpected label (iv) in paragraph 47: expected (iii)" in line for line in lines)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("adopted: 2017-06-29", "adopted: 29 June 2017", "error: key 'adopted' must be a date"),
        ("year: 2017", "year: 2016", "error: key 'adopted' (2017-06-29) is not in key 'year' (2016)"),
        ("official_url: https://undocs.org/S/RES/2364(2017)", "official_url: http://undocs.org/x", "error: key 'official_url' must be an https:// address"),
        ("subject: The situation in Mali", "subject: ''", "error: key 'subject' must be a non-empty value"),
        ("errata:\n", "errata: not a list\nunused:\n", "error: key 'errata' must be a list"),
        ("  - original: peaceand security-related", "  - just a string\n  - original: peaceand security-related", "error: errata[1] must be a mapping"),
        ("    restored: Decides that", "    restored: Decides nothing that", "error: errata[4] key 'restored' is not part of its correction"),
    ],
)
def test_malformed_metadata_names_the_key_and_line(tmp_path, capsys, old, new, expected):
    assert old in META
    meta = META.replace(old, new, 1)
    code, lines = run_cli(tmp_path, capsys, RAW, meta)
    assert code == 1
    assert any(line.startswith(f"{tmp_path / 'variant.yml'}:") and expected in line for line in lines), lines


def test_a_stale_erratum_is_an_error_at_its_line_in_the_yaml(tmp_path, capsys):
    text = RAW.replace("ranso ms", "ransoms")
    meta = META + "  - original: ranso ms\n    correction: ransoms\n    reason: split word\n"
    code, lines = run_cli(tmp_path, capsys, text, meta)
    assert code == 1
    assert any(f"variant.yml:{line_of(meta, '- original: ranso ms')}: error: erratum original 'ranso ms' is not found in the text; a stale erratum" in line for line in lines)


def test_the_errata_of_the_seed_are_all_in_use(tmp_path, capsys):
    """Fixing the source text makes its erratum stale: the build fails rather than skipping it."""
    code, lines = run_cli(tmp_path, capsys, RAW.replace("peaceand security-related", "peace- and security-related"))
    assert code == 1 and any("erratum original 'peaceand security-related' is not found" in line for line in lines)


def test_a_missing_metadata_file_is_not_an_error_the_header_gives_the_metadata(tmp_path, capsys):
    path = variant(tmp_path, RAW)
    path.with_suffix(".yml").unlink()
    assert main(["parse", str(path), "--json", str(tmp_path / "model.json")]) == 0
    assert capsys.readouterr().err == ""


# --- nothing lost ----------------------------------------------------------------------------------


def test_a_parser_that_drops_an_element_fails_the_load(monkeypatch):
    """The fidelity check in load_resolution catches a parser bug, not only bad input."""
    real = pipeline.parse_resolution

    def dropping(clean, metadata, *, source=""):
        resolution, diagnostics = real(clean, metadata, source=source)
        op34 = resolution.operative[33]
        damaged = replace(op34, items=op34.items[:2] + op34.items[3:])
        return replace(resolution, operative=resolution.operative[:33] + (damaged,) + resolution.operative[34:]), diagnostics

    monkeypatch.setattr(pipeline, "parse_resolution", dropping)
    model, diagnostics = load_resolution(SEED)
    assert model is None
    assert [d.severity for d in diagnostics] == [Severity.ERROR]
    assert "fidelity" in diagnostics[0].message and "improving logistics in mission" in diagnostics[0].message


def test_a_parser_that_drops_a_heading_fails_the_load(monkeypatch):
    real = pipeline.parse_resolution

    def dropping(clean, metadata, *, source=""):
        resolution, diagnostics = real(clean, metadata, source=source)
        return replace(resolution, sections=resolution.sections[1:]), diagnostics

    monkeypatch.setattr(pipeline, "parse_resolution", dropping)
    model, diagnostics = load_resolution(SEED)
    assert model is None and any("Implementation of the Agreement" in d.message for d in diagnostics)


# --- cross-references to paragraphs that do not exist ----------------------------------------------


def test_a_reference_to_a_missing_paragraph_is_a_warning_and_plain_text(tmp_path, capsys):
    source = tmp_path / "source"
    source.mkdir()
    text = RAW.replace("including as set out in paragraph 34 below;", "including as set out in paragraph 94 below;")
    assert text != RAW
    (source / SEED.name).write_text(text, encoding="utf-8")
    shutil.copy(SEED.with_suffix(".yml"), source / SEED.with_suffix(".yml").name)
    from build_scripts.analyse.references import find_references

    model, diagnostics = load_resolution(source / SEED.name)
    assert diagnostics == [] and model is not None
    _, warnings = find_references(model, source="s.txt")
    assert [str(w) for w in warnings] == [f"s.txt:{line_of(text, '16. Decides')}: warning: op-16: 'paragraph 94 below' refers to op-94, which does not exist; left as plain text"]

    site = build_site_into(source, tmp_path / "build")
    for page in ("2364/op/16/index.html", "2364/text/index.html"):
        html = BeautifulSoup((site / page).read_text(encoding="utf-8"), "lxml")
        element = html.find(id="op-16")
        assert "paragraph 94 below" in element.get_text()
        assert not [a for a in element.find_all("a") if "94" in a.get_text() or "94" in a.get("href", "")]
    assert not (site / "2364" / "op" / "94").exists()


# --- Hypothesis: never a traceback -----------------------------------------------------------------


@FUZZ
@given(cut=st.integers(min_value=0, max_value=len(RAW)))
def test_a_file_cut_anywhere_gives_a_model_or_diagnostics(tmp_path, capsys, cut):
    run_cli(tmp_path, capsys, RAW[:cut])


@FUZZ
@given(cut=st.integers(min_value=0, max_value=len(RAW.encode("utf-8"))))
def test_a_file_cut_at_any_byte_gives_a_model_or_diagnostics(tmp_path, capsys, cut):
    """A cut inside a multi-byte character is invalid UTF-8: an error, not a traceback."""
    run_cli(tmp_path, capsys, RAW.encode("utf-8")[:cut])


SEED_LINES = RAW.split("\n")
mutation = st.tuples(st.sampled_from(["delete", "duplicate", "swap"]), st.integers(min_value=0, max_value=len(SEED_LINES) - 2))


@FUZZ
@given(mutations=st.lists(mutation, min_size=1, max_size=6))
def test_a_mutated_seed_gives_a_model_or_diagnostics(tmp_path, capsys, mutations):
    lines = list(SEED_LINES)
    for operation, index in mutations:
        index %= max(len(lines) - 1, 1)
        if operation == "delete" and lines:
            del lines[index]
        elif operation == "duplicate" and lines:
            lines.insert(index, lines[index])
        elif len(lines) > index + 1:
            lines[index], lines[index + 1] = lines[index + 1], lines[index]
    run_cli(tmp_path, capsys, "\n".join(lines))


@FUZZ
@given(text=st.text(max_size=400))
def test_random_text_gives_diagnostics(tmp_path, capsys, text):
    code, lines = run_cli(tmp_path, capsys, text)
    assert code == 1 and lines


structural_line = st.one_of(
    st.sampled_from(["The Security Council,", "1.", "2. Decides;", "(a)", "(i) To do;", "• x,", "– y;", "Heading", "Recalling x,", "17-10886", ""]),
    st.text(alphabet="abc (),;.:•–1234\t\u00a0'\"", max_size=30),
)


@FUZZ
@given(lines=st.lists(structural_line, max_size=30))
def test_random_structure_gives_a_model_or_diagnostics(tmp_path, capsys, lines):
    run_cli(tmp_path, capsys, "Resolution 1 (2017)\nThe Security Council,\n" + "\n".join(lines))


@FUZZ
@given(text=st.text(max_size=300))
def test_random_metadata_gives_diagnostics_naming_the_yaml(tmp_path, capsys, text):
    code, lines = run_cli(tmp_path, capsys, RAW, text)
    assert code == 1 and any("variant.yml:" in line for line in lines)

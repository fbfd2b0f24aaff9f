"""Metamorphic properties: changes of layout and encoding that a PDF extraction may bring give the same model.

Each test takes the real seed, changes how it is laid out (line widths, line endings, spaces,
quotes, page furniture) without changing a word, and checks that ``load_resolution`` gives an
identical model: the same ids, kinds, labels, headings and text of every element, the same
sections and header, and the same repairs apart from their line numbers. Hypothesis runs with
``derandomize=True``, so every run tries the same examples.

What "re-broken at another width" covers (see :func:`rewrap`):

- the lines of each block are joined and wrapped again, greedily, at the given width; a block is
  a paragraph, sub-paragraph, item or indent from its number, label or mark to the next one, or a
  run of body lines after a heading; blocks are never joined;
- kept exactly as they are: the header (down to 'The Security Council,'), section and
  sub-paragraph heading lines, blank lines and page furniture lines;
- a wrapped line never starts with something that reads as structure: a label '(a)', a
  paragraph number '12.', a bullet or dash, or a hyphen starting a compound ('-border'); such a
  token stays on the line of the word before it. Plain text cannot tell 'paragraph 20 (a)' broken
  before '(a)' from a new sub-paragraph, and no UN document breaks there;
- a word split by a stray space in the extraction ('the ir') stays on one line. The stray space
  comes from the letter-spacing of one printed line, so such a pair never straddles a line break
  in a real extraction; a space at a line break is always a word boundary, and the cleaner joins
  split words within a line only.
"""

from __future__ import annotations

import re
import shutil
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.read.clean import FURNITURE
from build_scripts.model import RepairRule, Resolution, Severity
from build_scripts.pipeline import load_resolution
from tests.conftest import SEED

RAW = SEED.read_text(encoding="utf-8")
SEED_LINES = RAW.split("\n")
FURNITURE_LINES = ("S/RES/2364 (2017)", "17-10886", "3/14", "14/14", " 17-10886 (E) ")

PROPERTY = settings(derandomize=True, max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@cache
def seed_model() -> Resolution:
    """The seed's model, loaded once (not a fixture, so Hypothesis does not print it)."""
    model, diagnostics = load_resolution(SEED)
    assert model is not None and diagnostics == []
    return model


def signature(resolution: Resolution) -> dict[str, object]:
    """Everything a reader sees, without source line numbers."""
    return {
        "header": resolution.header,
        "sections": [section.as_dict() for section in resolution.sections],
        "elements": [(e.id, e.kind, e.label, e.number, e.heading, e.text) for e in resolution.elements()],
        "repairs": sorted(
            (" ".join(r.original.split()), r.replacement, r.rule.value, r.element_id)
            for r in resolution.repairs
            if r.rule is not RepairRule.PAGE_FURNITURE
        ),
    }


def load_variant(directory: Path, text: str | bytes):
    """The model and diagnostics of a variant of the seed saved as a file with the seed's YAML."""
    path = directory / "variant.txt"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    shutil.copy(SEED.with_suffix(".yml"), path.with_suffix(".yml"))
    return load_resolution(path)


def assert_same_model(directory: Path, text: str | bytes, expected: Resolution) -> None:
    model, diagnostics = load_variant(directory, text)
    assert [str(d) for d in diagnostics] == []
    assert model is not None
    found, wanted = signature(model), signature(expected)
    for key in wanted:
        if isinstance(wanted[key], list):
            differences = [(a, b) for a, b in zip(found[key], wanted[key]) if a != b]  # type: ignore[call-overload]
            assert differences == [] and len(found[key]) == len(wanted[key]), key  # type: ignore[arg-type]
        assert found[key] == wanted[key], key


# --- re-breaking lines ---------------------------------------------------------------------------

STRUCTURE_LINE = re.compile(r"^\s*(?:\d{1,3}\.(?:\s|$)|\([a-z]{1,5}\)(?:\s|$)|[•–—])")
STRUCTURE_TOKEN = re.compile(r"^(?:\d{1,3}\.$|\([a-z]{1,5}\)|[•–—-])")


def _layout(resolution: Resolution) -> tuple[set[int], set[int], set[tuple[str, str]]]:
    """Lines kept as they are, lines that start a block, and split-word pairs, from the seed's model."""
    organ = next(n for n, line in enumerate(SEED_LINES, start=1) if line.strip() == "The Security Council,")
    headings = [s.heading for s in resolution.sections] + [e.heading for e in resolution.elements() if e.heading]
    kept = set(range(1, organ + 1))
    for number, line in enumerate(SEED_LINES, start=1):
        text = line.strip()
        if text and not text.endswith((",", ";", ".", ":")) and any(text in heading for heading in headings):
            kept.add(number)
    starts = {e.line for e in resolution.preamble} | {n for n, line in enumerate(SEED_LINES, start=1) if STRUCTURE_LINE.match(line)}
    pairs = {tuple(r.original.split(" ")) for r in resolution.repairs if r.rule is RepairRule.SPLIT_WORD}
    return kept, starts, pairs  # type: ignore[return-value]


def rewrap(resolution: Resolution, width: int) -> str:
    """The seed with every block re-wrapped at ``width``; see the module docstring for the rules."""
    kept, starts, pairs = _layout(resolution)
    out: list[str] = []
    block: list[str] = []

    def flush() -> None:
        if not block:
            return
        indent = block[0][: len(block[0]) - len(block[0].lstrip())]
        units: list[str] = []
        for token in " ".join(block).split():
            previous = units[-1].split(" ")[-1] if units else ""
            if units and (STRUCTURE_TOKEN.match(token) or (previous, token) in pairs):
                units[-1] += " " + token
            else:
                units.append(token)
        line = indent + units[0]
        for unit in units[1:]:
            if len(line) + 1 + len(unit) <= width:
                line += " " + unit
            else:
                out.append(line)
                line = unit
        out.append(line)
        block.clear()

    for number, line in enumerate(SEED_LINES, start=1):
        if not line.strip() or number in kept or FURNITURE.match(line):
            flush()
            out.append(line)
            continue
        if number in starts:
            flush()
        block.append(line)
    flush()
    return "\n".join(out)


def test_rewrap_at_the_seeds_own_width_changes_only_line_breaks(resolution):
    for width in (50, 120):
        rewrapped = rewrap(seed_model(), width)
        assert rewrapped.split() == RAW.split()
        assert rewrapped != RAW


@PROPERTY
@given(width=st.integers(min_value=50, max_value=120))
def test_re_broken_lines_give_the_same_model(tmp_path, width):
    assert_same_model(tmp_path, rewrap(seed_model(), width), seed_model())


# --- encodings of the same characters ------------------------------------------------------------


def test_crlf_line_endings_give_the_same_model(tmp_path, resolution):
    assert_same_model(tmp_path, RAW.replace("\n", "\r\n"), seed_model())


def test_a_utf8_byte_order_mark_gives_the_same_model(tmp_path, resolution):
    assert_same_model(tmp_path, b"\xef\xbb\xbf" + RAW.encode("utf-8"), seed_model())


def test_straight_quotes_and_apostrophes_give_the_same_model(tmp_path, resolution):
    straight = RAW.replace("’", "'").replace("“", '"').replace("”", '"')
    assert straight.count("'") > 20 and straight.count('"') == 4
    assert_same_model(tmp_path, straight, seed_model())


line_choices = st.sets(st.integers(min_value=0, max_value=len(SEED_LINES) - 1), max_size=80)


@PROPERTY
@given(lines=line_choices, padding=st.sampled_from([" ", "  ", "\t", " \t ", "\u00a0"]))
def test_trailing_spaces_give_the_same_model(tmp_path, lines, padding):
    text = "\n".join(line + padding if index in lines else line for index, line in enumerate(SEED_LINES))
    assert_same_model(tmp_path, text, seed_model())


def _replace_spaces(seed: int, share: float, replacement: str) -> str:
    """The seed with about ``share`` of its single spaces between words replaced, chosen by ``seed``."""
    import random

    chooser = random.Random(seed)
    return re.sub(r"(?<=\S) (?=\S)", lambda m: replacement if chooser.random() < share else " ", RAW)


@PROPERTY
@given(seed=st.integers(min_value=0, max_value=2**16), share=st.sampled_from([0.1, 0.5, 1.0]))
def test_tabs_instead_of_spaces_give_the_same_model(tmp_path, seed, share):
    assert_same_model(tmp_path, _replace_spaces(seed, share, "\t"), seed_model())


@PROPERTY
@given(seed=st.integers(min_value=0, max_value=2**16), share=st.sampled_from([0.1, 0.5, 1.0]), space=st.sampled_from(["\u00a0", "\u202f", "\u2009", "\u2007"]))
def test_non_breaking_spaces_give_the_same_model(tmp_path, seed, share, space):
    assert_same_model(tmp_path, _replace_spaces(seed, share, space), seed_model())


@PROPERTY
@given(insertions=st.lists(st.tuples(st.integers(min_value=1, max_value=len(SEED_LINES) - 1), st.sampled_from(FURNITURE_LINES)), min_size=1, max_size=12))
def test_page_furniture_between_any_two_lines_gives_the_same_model(tmp_path, insertions):
    lines = list(SEED_LINES)
    for position, furniture in sorted(insertions, reverse=True):
        lines.insert(position, furniture)
    assert_same_model(tmp_path, "\n".join(lines), seed_model())


@PROPERTY
@given(width=st.integers(min_value=50, max_value=120), crlf=st.booleans(), bom=st.booleans(), straight=st.booleans())
def test_variations_combined_give_the_same_model(tmp_path, width, crlf, bom, straight):
    text = rewrap(seed_model(), width)
    if straight:
        text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    if crlf:
        text = text.replace("\n", "\r\n")
    assert_same_model(tmp_path, (b"\xef\xbb\xbf" if bom else b"") + text.encode("utf-8"), seed_model())


@pytest.mark.parametrize(
    ("straight", "typographic"),
    [
        ("Mali's second", "Mali’s second"),
        ("(\"the Agreement\")", "(“the Agreement”)"),
        ("Da'esh", "Da’esh"),
        ("\"Algiers Memorandum", "“Algiers Memorandum"),
        ("Terrorists\",", "Terrorists”,"),
    ],
)
def test_straight_quotes_become_typographic(straight, typographic):
    from build_scripts.read.clean import clean_text

    cleaned, _ = clean_text(straight)
    assert cleaned.lines[0].text == typographic

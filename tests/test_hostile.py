"""Hostile and faulty input, round two (issue 14): every case ends in a clean diagnostic or a safe site.

One table per defect of the issue, each case with what it must give:

1. front matter: generated values never reach a YAML parser unescaped; every page's front matter
   reads back with MkDocs's own reader, and markup in a paragraph stays text;
2. strict: a broken link fails `make site`, a shard build, and so the deploy workflow, which builds
   through those make targets (never `--strict --quiet`, mkdocs/mkdocs#4126);
3. linear cleaning: input ×2 costs at most ×2.5 (best of 3, sizes large enough to measure);
4. nothing silently lost: header grammar, numbers of any size, truncation, unknown labels, dashes
   that re-wrapping puts at a line start;
5. ``FILE:LINE[:COL]: error`` for every fault, from ``build`` as from ``parse``, file-system faults included;
6. repeated warnings are capped and the cache is sized by the input;
7. metadata consistent with itself, one line per value; CSV cells a spreadsheet would evaluate are inert;
8. linear generation: parsing and building scale like the input.

Inputs derive from the seed (``source_texts/s-res-2364-2017.txt``), a vendored UN XML file or a small
template; where a position is chosen, ``random.Random(SEED_NUMBER)`` chooses it, and Hypothesis runs
derandomized. The module ends with one ``mkdocs build --strict`` over a site built from hostile
paragraphs, whose every page's front matter is read back.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import gc
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from build_scripts.cli import main
from build_scripts.model import Severity
from build_scripts.pipeline import load_resolution
from build_scripts.read.clean import clean_text
from build_scripts.render import site
from build_scripts.render.pages import front_matter
from build_scripts.render.tables import neutralised
from tests import test_properties
from tests.conftest import ROOT, SEED, build_site_into

SEED_NUMBER = 14
RAW = SEED.read_text(encoding="utf-8")
META = SEED.with_suffix(".yml").read_text(encoding="utf-8")
XML = ROOT / "source_texts" / "S_RES_2017_N1157333.xml"
DIAGNOSTIC = re.compile(r"^(?P<file>.+?):(?P<line>\d+)(?::(?P<column>\d+))?: (?P<severity>error|warning): \S")
HEADER = "Resolution 2364 (2017)\nAdopted by the Security Council at its 7991st meeting, on\n29 June 2017\nThe Security Council,\nRecalling its previous resolutions,\n"


def template(paragraphs: int, last: int | None = None) -> str:
    """A small resolution with ``paragraphs`` operative paragraphs (the last numbered ``last``)."""
    body = "\n".join(f"{number}. Requests the Secretary-General to report on paragraph {number} above;" for number in range(1, paragraphs))
    return f"{HEADER}{body}\n{last or paragraphs}. Decides to remain seized of the matter.\n"


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def at_line(text: str, line: int, insert: str) -> str:
    """``insert`` as a new line before line ``line``."""
    lines = text.split("\n")
    return "\n".join([*lines[: line - 1], insert, *lines[line - 1 :]])


def spot(text: str, needle: str, offset: int = 0) -> tuple[int, int]:
    """Line and column (1-based) of ``needle`` + ``offset`` in ``text``."""
    at = text.index(needle) + offset
    return text.count("\n", 0, at) + 1, at - (text.rfind("\n", 0, at) + 1) + 1


CHOOSER = random.Random(SEED_NUMBER)
PLACES = CHOOSER.sample([m.start() for m in re.finditer(r"(?<= )[a-z]{4,}", RAW)], 6)
"""Where in the seed the control characters go: six word starts chosen by the seeded generator."""


def inject(character: str, place: int) -> str:
    return RAW[: PLACES[place]] + character + RAW[PLACES[place] :]


def place_of(place: int) -> str:
    line, column = RAW.count("\n", 0, PLACES[place]) + 1, PLACES[place] - (RAW.rfind("\n", 0, PLACES[place]) + 1) + 1
    return f":{line}:{column}: error: "


# --- running parse and build --------------------------------------------------------------------


def run_parse(directory: Path, capsys, text: str | bytes, meta: str | None, name: str = "s-res-2364-2017") -> tuple[int, str]:
    """Exit code and stderr of `parse`, after checking the contract: no traceback, every line a diagnostic."""
    path = write_source(directory, text, meta, name)
    code = main(["parse", str(path), "--json", str(directory / "model.json")])
    err = capsys.readouterr().err
    assert_contract(code, err)
    return code, err


def write_source(directory: Path, text: str | bytes, meta: str | None, name: str = "s-res-2364-2017") -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name}.txt"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    if meta is not None:
        path.with_suffix(".yml").write_text(meta, encoding="utf-8")
    return path


def run_build(source: Path | list[Path], docs: Path, cache: Path) -> tuple[int, str]:
    """Exit code and stderr of `build` (build_site), with its own cache, after checking the contract."""
    errors = io.StringIO()
    with mock.patch.object(site, "CACHE", cache), contextlib.redirect_stderr(errors):
        code = site.build_site(source, docs)
    err = errors.getvalue()
    assert_contract(code, err, build=True)
    return code, err


def assert_contract(code: int, err: str, build: bool = False) -> None:
    lines = [line for line in err.splitlines() if line.strip() and not (build and line.startswith("wrote "))]
    assert "Traceback" not in err
    assert code in (0, 1)
    assert all(DIAGNOSTIC.match(line) for line in lines), lines
    assert (code == 1) == any(": error: " in line for line in lines), lines


# --- 4, 5, 7: parse and build give the same clean diagnostics --------------------------------------


@dataclass(frozen=True)
class Case:
    defect: int
    name: str
    text: str | bytes
    expected: str
    """A substring of the diagnostics, with its line (and column) where the case has one."""
    meta: str | None = META
    code: int = 1


DEEP = "x: " + "[" * 500 + "]" * 500 + "\n"
ITEMS = "\n".join(f"({numeral}) item {numeral};" for numeral in "i ii iii iv v vi vii viii ix x xi xii xiii xiv xv".split())
AFTER_ITEM = line_of(RAW, "pursuant to resolution 2295 (2016);\n(ii) on progress") + 1
A_LABEL = at_line(RAW, AFTER_ITEM, "(A) on the situation in the north;")
LAST = RAW.rindex("49.")

CASES = [
    # 4: nothing silently lost
    Case(4, "an unknown organ", RAW.replace("The Security Council,", "The General Assembly,", 1), ":4: error: unknown organ 'The General Assembly,'"),
    Case(4, "a truncated last paragraph", RAW.replace("seized of the matter.", "seized of the"), f":{line_of(RAW, 'seized of the matter.')}: error: the text ends mid-sentence"),
    Case(4, "a file cut after a paragraph", RAW[: RAW.index("\n", RAW.index("48. "))], ": error: the text ends mid-sentence"),
    Case(4, "a label (A) after (i)", A_LABEL, f":{AFTER_ITEM}: warning: unknown label '(A)'", code=0),
    Case(4, "a number past 9999 after 2", template(3, 12345), ":8: error: missing operative paragraph 3–12344", meta=None),
    Case(4, "a paragraph number of 5,000 digits", template(2) + "9" * 5000 + ". Decides.\n", ":8: error: paragraph number 999999999999… has 5000 digits", meta=None),
    # 5: FILE:LINE:COL errors, never a traceback
    Case(5, "an escape character", inject("\x1b", 0), place_of(0) + "control character U+001B"),
    Case(5, "a DEL", inject("\x7f", 1), place_of(1) + "control character U+007F"),
    Case(5, "a C1 control (mojibake)", inject("\x93", 2), place_of(2) + "C1 control character U+0093 (Windows-1252 '“' read as Latin-1?)"),
    Case(5, "a non-character", inject("\ufffe", 3), place_of(3) + "non-character U+FFFE"),
    Case(5, "a bidi override", inject("\u202e", 4), place_of(4) + "bidirectional control U+202E"),
    Case(5, "a vertical tab", inject("\x0b", 5), place_of(5) + "control character U+000B"),
    Case(5, "(i) to (xv), then (i)", RAW[:LAST] + "49. Decides the following:\n" + ITEMS + "\n(i) again;\n50. Decides to remain seized of the matter.\n", ": error: unexpected label (i) in paragraph 49: expected (xvi)"),
    Case(5, "number '²' in the yml", RAW, "s-res-2364-2017.yml:5: error: key 'number' must be a whole number, not '²'", META.replace("number: 2364", "number: '²'")),
    Case(5, "YAML nested 500 deep", RAW, f"s-res-2364-2017.yml:{META.count(chr(10)) + 1}: error: nested more than 8 levels deep", META + DEEP),
    Case(5, "a 300-digit number in the header", RAW.replace("Resolution 2364 (2017)", f"Resolution {'9' * 300} (2017)"), ":1: error: the resolution number 999999999999… in the header has 300 digits", None),
    Case(5, "a 300-digit number in the yml", RAW, "s-res-2364-2017.yml:5: error: key 'number' must be a number of at most 5 digits", META.replace("number: 2364", f"number: {'9' * 300}")),
    # 7: metadata consistent with itself
    Case(7, "a key given twice", RAW, f"s-res-2364-2017.yml:{META.count(chr(10)) + 1}: error: key 'number' is given twice (first at line 5)", META + "number: 2365\n"),
    Case(7, "a symbol other than the number's", RAW, "s-res-2364-2017.yml:4: error: key 'symbol' is 'S/RES/2365 (2017)' but resolution 2364 (2017) is S/RES/2364 (2017)", META.replace("symbol: S/RES/2364 (2017)", "symbol: S/RES/2365 (2017)")),
    Case(7, "a year other than the header's", RAW, "s-res-2364-2017.yml:6: error: key 'year' is 2016 but the text's header says Resolution 2364 (2017)", META.replace("year: 2017", "year: 2016").replace("adopted: 2017-06-29", "adopted: 2016-06-29")),
    Case(7, "a line break in the symbol", RAW, "s-res-2364-2017.yml:4: error: key 'symbol' must be one line", META.replace("symbol: S/RES/2364 (2017)", 'symbol: "S/RES/2364 (2017)\\n# Owned"')),
    Case(7, "a line break in the subject", RAW, "s-res-2364-2017.yml:9: error: key 'subject' must be one line", META.replace("subject: The situation in Mali", 'subject: "Mali\\n\\n<script>alert(1)</script>"')),
    Case(7, "a DEL in the subject", RAW, "s-res-2364-2017.yml:9: error: key 'subject' holds the control character U+007F", META.replace("subject: The situation in Mali", 'subject: "\\x7f[x](javascript:alert(1))"')),
    Case(7, "a YAML alias", RAW, "error: YAML alias *mali", META.replace("subject: The situation in Mali", "subject: &mali The situation in Mali\nofficial_url: *mali")),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{case.defect}-{case.name}" for case in CASES])
def test_parse_and_build_give_the_same_clean_diagnostic(tmp_path, capsys, case):
    code, err = run_parse(tmp_path / "parse", capsys, case.text, case.meta)
    assert code == case.code and case.expected in err, err[-2000:]
    source = tmp_path / "build"
    write_source(source, case.text, case.meta)
    built, built_err = run_build(source, tmp_path / "docs", tmp_path / "cache")
    assert built == case.code and case.expected in built_err, built_err[-2000:]
    assert (tmp_path / "docs" / "2364").is_dir() == (case.code == 0)


def test_a_wrapped_organ_line_gives_the_same_model(tmp_path):
    wrapped = RAW.replace("The Security Council,", "The Security\nCouncil,", 1)
    test_properties.assert_same_model(tmp_path, wrapped, test_properties.seed_model())


def test_paragraph_numbers_past_999_and_9999_are_paragraphs(tmp_path):
    path = write_source(tmp_path, template(10_002), None)
    model, diagnostics = load_resolution(path)
    assert diagnostics == [] and model is not None
    assert [p.id for p in model.operative[998:1001]] == ["op-999", "op-1000", "op-1001"]
    assert model.operative[-1].id == "op-10002" and len(model.operative) == 10_002


SPACES = {"\u00a0": " ", "\u200b": "", "\u00ad": "", "\x0c": " ", "\u2009": " ", "\ufeff": ""}


def test_spaces_and_invisible_characters_are_normalised_and_logged(tmp_path):
    """Each kind is logged once with its count and first place; the model is the seed's."""
    lines = RAW.split("\n")
    chosen = random.Random(SEED_NUMBER).sample(range(10, len(lines) - 10), 3 * len(SPACES))
    where: dict[str, list[int]] = {}
    for position, character in enumerate(SPACES):
        for index in chosen[3 * position : 3 * position + 3]:
            # At a line start: a page break (form feed), a zero-width space or a soft hyphen there joins no words.
            lines[index] = character + lines[index]
            where.setdefault(character, []).append(index + 1)
    text = "\n".join(lines)
    test_properties.assert_same_model(tmp_path, text, test_properties.seed_model())
    cleaned, diagnostics = clean_text(text)
    assert diagnostics == []
    logged = {entry.character: entry for entry in cleaned.normalised}
    assert set(logged) == set(SPACES)
    for character, entry in logged.items():
        assert (entry.replacement, entry.count, entry.line, entry.column) == (SPACES[character], 3, min(where[character]), 1)
        assert str(entry).startswith("3 × U+")


# --- 4: re-wrapping running text at any width gives the same model ---------------------------------


@settings(derandomize=True, max_examples=40, deadline=None)
@given(width=st.integers(min_value=40, max_value=200))
@example(width=181)  # '— PSIRC)' starts a line: an em dash in running text, not an indent
@example(width=182)
def test_rewrapping_at_any_width_gives_the_same_model(width):
    """As tests/test_properties.py, but at 40 to 200 columns and letting an em dash start a line."""
    import tempfile

    with mock.patch.object(test_properties, "STRUCTURE_TOKEN", re.compile(r"^(?:\d{1,3}\.$|\([a-z]{1,5}\)|[•–-])")):
        text = test_properties.rewrap(test_properties.seed_model(), width)
    if width in (181, 182):
        assert "\n— PSIRC)" in text
    with tempfile.TemporaryDirectory() as folder:
        test_properties.assert_same_model(Path(folder), text, test_properties.seed_model())


# --- 5: file-system faults in build are FILE: errors, as in parse -----------------------------------


def _seed_into(source: Path) -> None:
    source.mkdir(parents=True, exist_ok=True)
    (source / "s-res-2364-2017.txt").write_text(template(3), encoding="utf-8")


def _dangling_text(tmp: Path, source: Path) -> Path:
    _seed_into(source)
    (source / "s-res-1-2017.txt").symlink_to(tmp / "missing.txt")
    return tmp / "docs"


def _looping_yml(tmp: Path, source: Path) -> Path:
    _seed_into(source)
    (source / "s-res-2364-2017.yml").symlink_to(source / "s-res-2364-2017.yml")
    return tmp / "docs"


def _folder_named_yml(tmp: Path, source: Path) -> Path:
    _seed_into(source)
    (source / "s-res-2364-2017.yml").mkdir()
    return tmp / "docs"


def _folder_named_txt(tmp: Path, source: Path) -> Path:
    (source / "s-res-1-2017.txt").mkdir(parents=True)
    return tmp / "docs"


def _docs_is_a_file(tmp: Path, source: Path) -> Path:
    _seed_into(source)
    (tmp / "docs").write_text("not a folder", encoding="utf-8")
    return tmp / "docs"


def _cache_is_a_file(tmp: Path, source: Path) -> Path:
    _seed_into(source)
    (tmp / "cache").write_text("not a folder", encoding="utf-8")
    return tmp / "docs"


FILE_FAULTS: dict[str, tuple[Callable[[Path, Path], Path], int, str]] = {
    "a dangling link as a text": (_dangling_text, 1, "source/s-res-1-2017.txt:0: error: cannot read the file: No such file or directory"),
    "a link to itself as the yml": (_looping_yml, 1, "source/s-res-2364-2017.yml:0: error: cannot read the file: Too many levels of symbolic links"),
    "a folder named like the yml": (_folder_named_yml, 1, "source/s-res-2364-2017.yml:0: error: cannot read the file: Is a directory"),
    "a folder named like a text": (_folder_named_txt, 1, "source:0: error: no resolution texts"),
    "docs/ is a file": (_docs_is_a_file, 1, "docs/2364:0: error: cannot write the generated pages: Not a directory"),
    "the cache is a file": (_cache_is_a_file, 0, "cache:0: warning: cannot write the analysis cache"),
}


@pytest.mark.parametrize("fault", sorted(FILE_FAULTS))
def test_a_file_system_fault_in_build_is_a_file_error(tmp_path, fault):
    make, code, expected = FILE_FAULTS[fault]
    docs = make(tmp_path, tmp_path / "source")
    built, err = run_build(tmp_path / "source", docs, tmp_path / "cache")
    assert built == code and expected in err, err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_an_unreadable_text_is_a_file_error(tmp_path):
    _seed_into(tmp_path / "source")
    (tmp_path / "source" / "s-res-2364-2017.txt").chmod(0)
    built, err = run_build(tmp_path / "source", tmp_path / "docs", tmp_path / "cache")
    assert built == 1 and "s-res-2364-2017.txt:0: error: cannot read the file: Permission denied" in err


def test_cached_diagnostics_name_the_path_of_this_build(tmp_path):
    """The same bytes in another folder: the cache key holds the path, so no stale path is printed."""
    for folder in ("first", "second"):
        write_source(tmp_path / folder, at_line(template(3), 7, "(A) a label the structure does not know;"), None)
        code, err = run_build(tmp_path / folder, tmp_path / f"docs-{folder}", tmp_path / "cache")
        assert code == 0 and f"{tmp_path / folder}/s-res-2364-2017.txt:7: warning: unknown label '(A)'" in err
        assert folder == "first" or str(tmp_path / "first") not in err


def test_a_corrupt_cache_entry_is_computed_again(tmp_path):
    write_source(tmp_path / "source", template(3), None)
    assert run_build(tmp_path / "source", tmp_path / "docs", tmp_path / "cache")[0] == 0
    for entry in (tmp_path / "cache").glob("*.pickle"):
        entry.write_bytes(b"\x80\x04not a pickle")
    assert run_build(tmp_path / "source", tmp_path / "docs", tmp_path / "cache")[0] == 0


# --- 6: repeated warnings are capped; the cache is sized by the input -------------------------------

MEMORY_PROBE = """
import contextlib, io, resource, sys
from pathlib import Path
from build_scripts.render import site
site.CACHE = Path(sys.argv[2]) / "cache"
errors = io.StringIO()
with contextlib.redirect_stderr(errors):
    code = site.build_site(Path(sys.argv[1]), Path(sys.argv[2]) / "docs")
print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, len(errors.getvalue().splitlines()))
"""


def _ranges(tmp_path: Path, kilobytes: int) -> tuple[int, int, int, int]:
    """Exit code, peak MB, lines printed and cache bytes of building 'paragraphs 1 to 999' repeated."""
    repeats = kilobytes * 1024 // len("paragraphs 1 to 999, ")
    text = HEADER + "1. Recalls " + "paragraphs 1 to 999, " * repeats + "and decides to remain seized of the matter.\n"
    source, out = tmp_path / f"source-{kilobytes}", tmp_path / f"out-{kilobytes}"
    write_source(source, text, None)
    out.mkdir()
    result = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(source), str(out)], cwd=ROOT, capture_output=True, text=True, check=True)
    code, peak, printed = (int(value) for value in result.stdout.split())
    cache = sum(path.stat().st_size for path in (out / "cache").glob("*.pickle"))
    return code, peak, printed, cache


def test_repeated_warnings_are_capped_and_the_cache_stays_small(tmp_path):
    code, _, printed, cache = _ranges(tmp_path, 8)
    assert code == 0
    assert printed <= site.SHOWN_PER_KIND + 3  # 20 shown, one count, the 'wrote' line
    assert cache < 2_000_000  # was 328 MB for 63 KB of input


def test_memory_does_not_grow_with_repeated_ranges(tmp_path):
    _, small, _, _ = _ranges(tmp_path, 8)
    _, large, _, _ = _ranges(tmp_path, 32)
    assert large - small < 50, (small, large)


def test_the_cache_keeps_two_entries_per_source(tmp_path, monkeypatch):
    monkeypatch.setattr(site, "CACHE_MIN_ENTRIES", 2)
    for variant in range(5):
        write_source(tmp_path / f"source-{variant}", template(3 + variant), None)
        assert run_build(tmp_path / f"source-{variant}", tmp_path / "docs", tmp_path / "cache")[0] == 0
    assert len(list((tmp_path / "cache").glob("*.pickle"))) == 2


# --- 7: CSV cells a spreadsheet would evaluate are inert ---------------------------------------------

FORMULAS = [
    ("=HYPERLINK(\"https://evil.example\")", "'=HYPERLINK(\"https://evil.example\")"),
    ("+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
    ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"),
    ("Decides = 1", "Decides = 1"),
    ("–", "–"),
    ("", ""),
]


@pytest.mark.parametrize(("cell", "expected"), FORMULAS)
def test_a_cell_a_spreadsheet_would_evaluate_is_neutralised(cell, expected):
    assert neutralised(cell) == expected


# --- 1: front matter is written by a YAML emitter and always reads back -----------------------------

HOSTILE_VALUES = [
    "\x7f[x](javascript:alert(1))",
    "\x93quoted\x94 { onclick=\"alert(2)\" }",
    "line\nbreak\n---\nsecond document",
    "title: injected\ndescription: also",
    "'single' \"double\" # not a comment",
    "--- ... ---",
    "\u2028\u2029\x85 separators",
    "{{ config.site_name }} {% raw %}",
    "![t](https://evil.example/t.png)",
    "\ufeff\U0001f600 é’“”",
    "x" * 5000,
]


@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=range(len(HOSTILE_VALUES)))
def test_front_matter_reads_back_whatever_its_values(value):
    import html

    markdown, meta = get_data(front_matter(value, value, [(value, value)]) + "# Body\n")
    assert markdown == "# Body\n"
    expected = html.escape(value, quote=True)
    assert meta == {"title": expected, "description": expected, "meta_tags": [[expected, expected]]}


# --- 2: strict is strict: a broken link fails make site, a shard, and so the workflow ----------------

MAKE_OLD = ["-o", ".venv/.installed", "-o", ".venv/.installed-test", "-o", ".venv/bin/python"]
"""Never reinstall the project's shared virtualenv from a temporary copy."""


def _project(tmp_path: Path, link: str) -> Path:
    """A copy of the Makefile beside a one-page MkDocs project whose page links to ``link``."""
    project = tmp_path / "project"
    (project / "docs").mkdir(parents=True)
    shutil.copy(ROOT / "Makefile", project)
    shutil.copy(ROOT / "pyproject.toml", project)
    (project / ".venv").symlink_to(ROOT / ".venv")
    (project / "mkdocs.yml").write_text("site_name: Strict test\n", encoding="utf-8")
    (project / "docs" / "index.md").write_text(f"# Home\n\n[A link]({link})\n", encoding="utf-8")
    (project / "docs" / "cite.md").write_text("# Cite\n", encoding="utf-8")
    return project


def _make(project: Path, *targets: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    return subprocess.run(["make", "--no-print-directory", *MAKE_OLD, *targets], cwd=project, capture_output=True, text=True, env=env, timeout=600)


@pytest.mark.parametrize("link", ["cite.md", "missing.md"])
def test_a_broken_link_fails_make_site(tmp_path, link):
    project = _project(tmp_path, link)
    result = _make(project, "-o", "pages", "site")
    if link == "missing.md":
        assert result.returncode != 0 and "Aborted with 1 warnings in strict mode!" in result.stderr + result.stdout
    else:
        assert result.returncode == 0, result.stderr[-2000:]


def test_a_broken_link_fails_a_shard_build(tmp_path):
    project = _project(tmp_path, "missing.md")
    shard = project / "build" / "shards" / "0"
    shard.parent.mkdir(parents=True)
    shutil.copytree(project / "docs", shard / "docs")
    shutil.copy(project / "mkdocs.yml", shard)
    result = _make(project, "shard-0")
    assert result.returncode != 0 and "Aborted with 1 warnings in strict mode!" in result.stderr + result.stdout


def test_the_workflow_and_the_makefile_never_build_with_quiet_strict():
    """The workflow builds through `make pages` and `make shard-N`, so it is as strict as they are."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    runs = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any("make pages" in run for run in runs) and any('make "shard-${{ matrix.shard }}"' in run for run in runs)
    assert not any("mkdocs build" in run for run in runs)
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    builds = [line for line in makefile.splitlines() if "mkdocs build" in line and not line.startswith("#")]
    assert builds and all("--strict" in line for line in builds)
    assert not any(re.search(r"(?:^|\s)(?:-q|--quiet)(?:\s|$)", line) for line in builds), builds


# --- 3 and 8: time linear in the input ---------------------------------------------------------------


def _best_of_3(run: Callable[[object], object], small: object, large: object) -> tuple[float, float]:
    """Best of three timings of each size, interleaved so that a burst of load hits both alike.

    CPU time of this process, not wall time: on a loaded machine other jobs' time is not ours."""
    times: dict[int, list[float]] = {0: [], 1: []}
    for _ in range(3):
        for index, argument in enumerate((small, large)):
            gc.collect()
            gc.disable()  # a collection landing in one run is the collector's time, not the algorithm's
            try:
                start = time.process_time()
                run(argument)
                times[index].append(time.process_time() - start)
            finally:
                gc.enable()
    return min(times[0]), min(times[1])


def assert_linear(run: Callable[[object], object], small: object, large: object) -> None:
    run(small)  # warm up: word lists, regex caches
    fast, slow = _best_of_3(run, small, large)
    assert slow <= 2.5 * fast, f"input ×2 took ×{slow / fast:.1f} ({fast:.2f} s → {slow:.2f} s)"


CLEANING = {
    # name: (input of size n, n) with n large enough that the smaller run takes a few tenths of a second
    "a long word with a spaced hyphen": (lambda n: "a" * n + " -b", 3_000_000),
    "a long word ending a line in a hyphen": (lambda n: "x " + "a" * n + "-\nbc", 2_000_000),
    "many spaced hyphens": (lambda n: "ab -cd " * (n // 7), 600_000),
    "many blank lines after a hyphen": (lambda n: "long-\n" + "\n" * n + "term", 300_000),
    "non-breaking spaces and control characters": (lambda n: "a\u00a0\u200b" * (n // 3) + "\x1b" * 100, 300_000),
}


@pytest.mark.parametrize("case", sorted(CLEANING))
def test_cleaning_time_is_linear(case):
    make, size = CLEANING[case]
    assert_linear(clean_text, make(size), make(2 * size))


def test_cleaning_a_40000_letter_word_takes_well_under_a_second():
    start = time.process_time()
    clean_text("a" * 40_000 + " -b\n" + "c" * 40_000 + "-\nd")
    assert time.process_time() - start < 1.0  # was 15 s


def test_parsing_time_is_linear(tmp_path):
    paths = {}
    for count in (4000, 8000):
        paths[count] = write_source(tmp_path / str(count), template(count), None)

    def parse(path: Path) -> None:
        model, diagnostics = load_resolution(path)
        assert model is not None and not any(d.severity is Severity.ERROR for d in diagnostics)

    assert_linear(parse, paths[4000], paths[8000])


def test_generation_time_is_linear(tmp_path):
    """2,000 and 4,000 paragraphs: where generation took ×2.6 (13.9 s → 36.3 s) before."""
    sources = {}
    for count in (2000, 4000):
        sources[count] = tmp_path / str(count)
        write_source(sources[count], template(count), None)

    def build(source: Path) -> None:
        assert run_build(source, tmp_path / f"docs-{source.name}", tmp_path / f"cache-{time.perf_counter_ns()}")[0] == 0

    assert_linear(build, sources[2000], sources[4000])


# --- the end: a site from hostile paragraphs builds strict, and every front matter reads back ---------

HOSTILE_STARTS = {
    5: "[x](javascript:alert(1)){ onclick=\"alert(2)\" } ![t](https://evil.example/t.png)",
    6: "=HYPERLINK(\"https://evil.example\",\"click\")",
    7: "--- title: injected ---",
    8: "\"quoted\": 'colon' # hash",
}
"""Operative paragraph → words put before its text (allowed characters: the text path refuses controls)."""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    workdir = tmp_path_factory.mktemp("hostile")
    source = workdir / "source"
    source.mkdir()
    text = RAW
    for number, words in HOSTILE_STARTS.items():
        text = re.sub(rf"(?m)^( ?{number}\.\s+)", lambda match: f"{match.group()}{words} ", text, count=1)
    (source / SEED.name).write_text(text, encoding="utf-8")
    shutil.copy(SEED.with_suffix(".yml"), source)
    # The UN's XML may hold DEL and C1 characters (XML 1.0 allows them): they reach the front matter.
    xml = XML.read_text(encoding="utf-8").replace(
        '<span class="italic">Calls upon</span> the Libyan authorities', '&#x7F;&#x93;[x](javascript:alert(3)) <span class="italic">Calls upon</span> the Libyan authorities', 1
    )
    (source / XML.name).write_text(xml, encoding="utf-8")
    build_site_into(source, workdir)  # mkdocs build --strict
    return workdir


def test_every_generated_page_s_front_matter_reads_back(hostile_site):
    pages = sorted((hostile_site / "docs").rglob("*.md"))
    generated = [page for page in pages if page.read_text(encoding="utf-8").startswith("---\n")]
    assert len(generated) > 200
    for page in generated:
        markdown, meta = get_data(page.read_text(encoding="utf-8"))
        assert meta.get("title") and "description" in meta, page
        assert not markdown.startswith("---"), page


@pytest.mark.parametrize("page", ["2364/op/5/index.html", "2017/op/1/index.html", "2364/text/index.html", "2017/index.html"])
def test_markup_in_a_paragraph_stays_text_on_the_built_site(hostile_site, page):
    html = BeautifulSoup((hostile_site / "site" / page).read_text(encoding="utf-8"), "lxml")
    assert not html.select('a[href^="javascript:"]')
    assert not html.select("[onclick]")
    assert not html.select('img[src*="evil.example"]')
    description = html.find("meta", attrs={"name": "description"})
    assert description is not None


def test_the_csv_of_the_hostile_site_holds_no_formula(hostile_site):
    import csv

    rows = list(csv.DictReader(io.StringIO((hostile_site / "site" / "data" / "2364.csv").read_text(encoding="utf-8"), newline="")))
    op6 = next(row for row in rows if row["id"] == "op-6")
    assert op6["text"].startswith("'=HYPERLINK(")
    assert not any(value.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for value in row.values())

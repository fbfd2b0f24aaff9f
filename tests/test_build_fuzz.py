"""The build step never crashes: any mutation of a real text gives an exit code, never a traceback.

Parsing is fuzzed in test_bad_input.py and test_properties.py; this fuzzes what comes after it:
analysis and the generation of every page and data file (``build_site``). Hypothesis mutates one
of the real texts (the seed and the two fixtures) line by line: it deletes, duplicates, swaps and
truncates lines and injects odd characters and phrases that steer the analysis (a task-list
chapeau, a renewal with an impossible date, a dangling reference, markup). Every example must
return 0 or 1 and write no traceback to stderr. ``derandomize=True``: every run tries the same
examples.
"""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.render import site
from tests.conftest import SEED

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEXTS = (FIXTURES / "s-res-1826-2008.txt", FIXTURES / "s-res-2250-2015.txt", SEED)
LINES = {path: path.read_text(encoding="utf-8").split("\n") for path in TEXTS}

INJECTIONS = (
    "\x00", "\ufeff", "\u2028", "\t", "’", "–", "(", ")", ":", ";", "1.", "(a)", "(ii)", "20.", "<script>", "{{ x }}", "*", "[x](y)",
    "Decides that UNXX’s mandate shall include the following priority tasks:",
    "Further authorizes UNXX to carry out the following tasks:",
    "Decides to extend the mandate of UNXX until 31 February 2019;",
    "Decides to renew the mandates of the (UN) and of until",
    "Authorizes the to use all necessary means",
    "Requests UNXX to",
    "as set out in paragraph 99 (z) (iv) below",
    "every three months after the adoption of this resolution",
    "up to 1,000 military personnel and 0 police personnel",
    "",
)

BUILD = settings(derandomize=True, max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, str]:
    """One of the real texts with one to four line edits."""
    path = draw(st.sampled_from(TEXTS))
    lines = list(LINES[path])
    for _ in range(draw(st.integers(1, 4))):
        edit = draw(st.sampled_from(("delete", "duplicate", "swap", "inject", "truncate")))
        index = draw(st.integers(0, len(lines) - 1)) if lines else 0
        if not lines:
            lines = [draw(st.sampled_from(INJECTIONS))]
        elif edit == "delete":
            del lines[index]
        elif edit == "duplicate":
            lines.insert(index, lines[index])
        elif edit == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif edit == "inject":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(st.sampled_from(INJECTIONS)) + line[at:]
        else:
            lines = lines[: index + 1]
    return path, "\n".join(lines)


@BUILD
@given(mutated())
def test_building_a_mutated_text_returns_an_exit_code_and_never_raises(case):
    path, text = case
    with tempfile.TemporaryDirectory() as folder:
        source, docs = Path(folder) / "texts", Path(folder) / "docs"
        source.mkdir()
        (source / path.name).write_text(text, encoding="utf-8")
        shutil.copy(path.with_suffix(".yml"), source)
        errors = io.StringIO()
        cache, site.CACHE = site.CACHE, Path(folder) / "cache"
        try:
            with contextlib.redirect_stderr(errors):
                code = site.build_site(source, docs)
        finally:
            site.CACHE = cache
        built = [path.name for path in docs.glob("[0-9]*")]
    assert code in (0, 1)
    assert "Traceback" not in errors.getvalue()
    assert (code == 0) == (len(built) == 1), "a build that succeeds writes the resolution's pages, and only then"


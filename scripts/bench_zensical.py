"""Build the same docs/ and mkdocs.yml with Zensical and compare the result with MkDocs'.

Zensical lives in its own virtual environment (`--zensical /tmp/zvenv/bin/zensical`), never in .venv.
The comparison covers what readers and citations depend on: which HTML files exist (the URLs), and
which element ids each operative paragraph page carries (the fragments).
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from bench_measure import SiteStats, StageResult, run_stage, site_stats

ID = re.compile(r'\bid="([^"]+)"')


@dataclass(frozen=True, slots=True)
class ZensicalRun:
    """Zensical's cost and how its site differs from MkDocs'."""

    build: StageResult
    """`zensical build --clean`."""
    site: SiteStats
    """The Zensical site's sizes."""
    only_mkdocs: list[str]
    """HTML files MkDocs wrote and Zensical did not."""
    only_zensical: list[str]
    """HTML files Zensical wrote and MkDocs did not."""
    op_pages: int
    """Operative paragraph pages compared."""
    op_pages_same_ids: int
    """Of those, pages whose paragraph ids (op-…) are the same set in both."""
    other_ids_differing: int
    """Op pages whose non-paragraph ids (theme, headings) differ."""
    example: str
    """One differing id set, for the report."""


def _ids(page: Path) -> set[str]:
    return set(ID.findall(page.read_text(encoding="utf-8", errors="replace")))


def compare_zensical(project: Path, mkdocs_site: Path, zensical: str, work: Path, env: dict[str, str]) -> ZensicalRun:
    """Copy ``project`` (docs/ + mkdocs.yml), build it with Zensical and compare with ``mkdocs_site``."""
    copy = work / "zensical-project"
    shutil.copytree(project, copy, ignore=shutil.ignore_patterns("site", ".cache"))
    build = run_stage("zensical", [zensical, "build", "--clean", "-f", str(copy / "mkdocs.yml")], copy, env, work / "zensical.log")
    site = copy / "site"

    def html(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*.html")}

    left, right = html(mkdocs_site), html(site)
    op_pages = sorted(name for name in left & right if "/op/" in name)
    same = other = 0
    example = ""
    for name in op_pages:
        ours, theirs = _ids(mkdocs_site / name), _ids(site / name)
        paragraph_ours = {i for i in ours if i.startswith("op-")}
        paragraph_theirs = {i for i in theirs if i.startswith("op-")}
        same += paragraph_ours == paragraph_theirs
        if ours - paragraph_ours != theirs - paragraph_theirs:
            other += 1
            if not example:
                example = f"{name}: only MkDocs {sorted(ours - theirs)[:6]}, only Zensical {sorted(theirs - ours)[:6]}"
    return ZensicalRun(build, site_stats(site), sorted(left - right), sorted(right - left), len(op_pages), same, other, example)

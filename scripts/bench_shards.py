"""Build one site as K MkDocs builds over K docs folders, then merge them: a sketch of building past one machine.

Each shard holds a contiguous run of resolutions (their folders and data files) plus every page the nav
names, so every shard renders the same sidebar; shard 0 also holds the shared pages (actors, themes,
glossary, …). Generated pages link to each other with plain HTML, so MkDocs does not need the other
shards' pages to resolve links. After the merge the site is compared file by file with the one-build
site: the HTML must be identical. Material's search index and sitemap are per-build, so they are the
expected differences; Pagefind, run on the merged tree, gives the one search index.
"""

from __future__ import annotations

import filecmp
import os
import shlex
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench_measure import StageResult, run_stage

# Files each MkDocs build writes for its own pages only: expected to differ between shards.
PER_BUILD = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"}


@dataclass(frozen=True, slots=True)
class ShardRun:
    """What building in shards cost, and whether the result matches the single build."""

    shards: int
    """How many MkDocs builds ran side by side."""
    build: StageResult
    """The parallel MkDocs builds, as one stage."""
    merge_seconds: float
    """Copying the shard sites into one tree."""
    html_compared: int
    """HTML files compared with the single build."""
    differing: list[str]
    """Files whose bytes differ from the single build, or that one of the two lacks (PER_BUILD excluded)."""


def _nav_pages(config: Path) -> set[str]:
    """Markdown files the nav names, read from lines like `  - Home: index.md`."""
    pages = set()
    for line in config.read_text(encoding="utf-8").splitlines():
        value = line.strip().rsplit(":", 1)[-1].strip()
        if line.strip().startswith("- ") and value.endswith(".md"):
            pages.add(value)
    return pages


def split_docs(docs: Path, config: Path, count: int, work: Path) -> list[Path]:
    """Hard-link ``docs`` into ``count`` shard folders, each with its own copy of mkdocs.yml; their configs."""
    resolutions = sorted((p.name for p in docs.iterdir() if p.is_dir() and p.name.isdigit()), key=int)
    per_shard = -(-len(resolutions) // count)
    nav = _nav_pages(config)
    configs = []
    for index in range(count):
        mine = set(resolutions[index * per_shard:(index + 1) * per_shard])
        root = work / f"shard-{index}"
        for path in sorted(docs.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(docs)
            top = relative.parts[0]
            if top.isdigit():
                keep = top in mine or relative.as_posix() in nav
            elif top == "data":
                keep = path.name.split(".", 1)[0] in mine
            else:
                keep = index == 0 or relative.as_posix() in nav or top == "assets"
            if keep:
                target = root / "docs" / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(path, target)
        shutil.copy(config, root / "mkdocs.yml")
        for extra in config.parent.iterdir():  # the theme's custom_dir and anything else beside docs/
            if extra.is_dir() and extra.name not in ("docs", "site"):
                shutil.copytree(extra, root / extra.name)
        configs.append(root / "mkdocs.yml")
    return configs


def merge(sites: list[Path], merged: Path) -> None:
    """Copy every shard site into ``merged``; a file already there from an earlier shard is kept."""
    for site in sites:
        shutil.copytree(site, merged, dirs_exist_ok=True, copy_function=_copy_if_absent)


def _copy_if_absent(source: str, target: str) -> None:
    if not os.path.exists(target):
        shutil.copy2(source, target)


def compare(merged: Path, single: Path) -> tuple[int, list[str]]:
    """(HTML files compared, paths that differ or exist on one side only)."""
    def listing(site: Path) -> set[str]:
        return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] != "pagefind"}

    left, right = listing(merged), listing(single)
    differing = sorted((left ^ right) - PER_BUILD)
    for relative in sorted(left & right - PER_BUILD):
        if not filecmp.cmp(merged / relative, single / relative, shallow=False):
            differing.append(relative)
    return sum(1 for name in left & right if name.endswith(".html")), differing


def build_in_shards(docs: Path, config: Path, count: int, work: Path, env: dict[str, str], single: Path, strict: bool = True) -> tuple[ShardRun, Path]:
    """Split, build the shards side by side with --strict, merge, compare with ``single``; the run and the merged site."""
    configs = split_docs(docs, config, count, work)
    commands = [shlex.join([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--quiet", "-f", str(c), "-d", str(c.parent / "site")]) for c in configs]
    # Wait for each shard by its pid: a bare `wait` would report success when a shard failed.
    script = "pids=(); " + " ".join(f"{c} & pids+=($!);" for c in commands) + ' for p in "${pids[@]}"; do wait "$p" || exit 1; done'
    build = run_stage(f"mkdocs ×{count}", ["bash", "-c", script], work, env, work / "shards.log")
    sites = [c.parent / "site" for c in configs]
    started = time.perf_counter()
    merged = work / "merged"
    merge(sites, merged)
    merge_seconds = time.perf_counter() - started
    compared, differing = compare(merged, single)
    return ShardRun(count, build, merge_seconds, compared, differing), merged

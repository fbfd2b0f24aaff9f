"""Build one site as K MkDocs builds over K docs folders, then merge them, as `make site SHARDS=K -jJ` and
the Pages workflow's matrix do.

``build_sharded`` is how the benchmark builds the largest corpus: K shards, J at a time, each shard's
cost measured on its own (one shard is one job of the workflow's matrix), then the merge. ``build_in_shards``
builds a corpus in shards a second time beside its single build and compares the two trees.

Each shard holds a contiguous run of resolutions (their folders and data files) plus every page the nav
names, so every shard renders the same sidebar; shard 0 also holds the shared pages (actors, themes,
glossary, …). Generated pages link to each other with plain HTML, so MkDocs does not need the other
shards' pages to resolve links. After the merge the site is compared file by file with the one-build
site: the HTML must be identical. Material's search index and sitemap are per-build, so they are the
expected differences; Pagefind, run on the merged tree, gives the one search index.
"""

from __future__ import annotations

import filecmp
import shlex
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from bench_measure import StageResult, run_stage

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from build_scripts.shards import merge, split  # noqa: E402 - the product's own split and merge

# Files each MkDocs build writes for its own pages only: expected to differ between shards.
PER_BUILD = {"search/search_index.json", "sitemap.xml", "sitemap.xml.gz"}
"""The merge joins the sitemaps; Material's lunr index (when on) stays per build."""


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
    configs = split(docs, config, count, work / "shards")
    commands = [shlex.join([sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "--quiet", "-f", str(c), "-d", str(c.parent / "site")]) for c in configs]
    # Wait for each shard by its pid: a bare `wait` would report success when a shard failed.
    script = "pids=(); " + " ".join(f"{c} & pids+=($!);" for c in commands) + ' for p in "${pids[@]}"; do wait "$p" || exit 1; done'
    build = run_stage(f"mkdocs ×{count}", ["bash", "-c", script], work, env, work / "shards.log")
    sites = [c.parent / "site" for c in configs]
    started = time.perf_counter()
    merged = work / "merged"
    merge(sites, merged)  # also joins the sitemaps
    merge_seconds = time.perf_counter() - started
    compared, differing = compare(merged, single)
    return ShardRun(count, build, merge_seconds, compared, differing), merged


@dataclass(frozen=True, slots=True)
class ShardedBuild:
    """The site built as K shards, J at a time, then merged."""

    mkdocs: StageResult
    """All shard builds as one stage: wall from the first start to the last end, CPU summed, the largest
    process, and as tree peak the sum of the J largest shard peaks (an upper bound)."""
    shards: list[StageResult]
    """Each shard's build: what one job of the workflow's matrix runs."""
    merge: StageResult
    """Copying the shard sites into one tree and joining the sitemaps (in this process: wall = CPU)."""
    pages: list[int]
    """Markdown pages each shard built."""


def build_sharded(docs: Path, config: Path, count: int, jobs: int, work: Path, env: dict[str, str], site: Path, strict: bool = True) -> ShardedBuild:
    """Split ``docs`` into ``count`` shards, build them ``jobs`` at a time with `mkdocs build`, merge into ``site``."""
    configs = split(docs, config, count, work / "shards")
    pages = [sum(1 for _ in (c.parent / "docs").rglob("*.md")) for c in configs]

    def build(index_config: tuple[int, Path]) -> StageResult:
        index, shard = index_config
        command = [sys.executable, "-m", "mkdocs", "build", *(["--strict"] if strict else []), "-f", str(shard), "-d", str(shard.parent / "site")]
        return run_stage(f"shard {index}", command, shard.parent, env, work / f"shard-{index}.log")

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        stages = list(pool.map(build, enumerate(configs)))
    wall = time.perf_counter() - started
    peaks = sorted((stage.peak_tree_rss for stage in stages), reverse=True)[:jobs]
    mkdocs = StageResult("mkdocs", wall, sum(s.cpu for s in stages), max(s.max_process_rss for s in stages), sum(peaks))
    started = time.perf_counter()
    merge([c.parent / "site" for c in configs], site)
    seconds = time.perf_counter() - started
    return ShardedBuild(mkdocs, stages, StageResult("merge", seconds, seconds, 0, 0), pages)

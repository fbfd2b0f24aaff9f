"""Build one site as several MkDocs builds, for corpora past what one process builds in time.

``split`` hard-links the generated docs/ into K shard folders, each with a copy of mkdocs.yml and
the theme overrides: shard I holds a contiguous range of resolutions (pages and data files), ranges
cut so that every shard has about as many pages to build (shard 0 counts the shared pages too), plus
every page the nav names and every file those pages link to in Markdown (cite.md's
``data/2364.json``), so every shard renders the same sidebar and `mkdocs build --strict` finds
every link it checks; shard 0 also holds the shared
pages (home, actors, themes, …). Generated pages link to each other with plain relative HTML, so
no shard needs another shard's pages. ``merge`` copies the shard sites into one tree and joins
their sitemaps; Pagefind then indexes the merged tree once. The shards are built by `make -j`
locally and by a matrix of jobs in the deploy workflow: the scheduling is theirs, not ours.
"""

from __future__ import annotations

import gzip
import os
import posixpath
import re
import shutil
from pathlib import Path

CONFIG = "mkdocs.yml"
BESIDE_CONFIG = ("overrides",)
"""Folders that mkdocs.yml names (the theme's custom_dir) and each shard needs beside its copy."""
SITEMAP = "sitemap.xml"


def nav_pages(config: Path) -> set[str]:
    """Markdown files the nav names, from lines like '  - Home: index.md'."""
    pages = set()
    for line in config.read_text(encoding="utf-8").splitlines():
        match = re.match(r"\s*-\s+[^:]+:\s+(\S+\.md)\s*$", line)
        if match:
            pages.add(match.group(1))
    return pages


MARKDOWN_LINK = re.compile(r"\]\((?P<target>[^)\s#]+)")
"""The target of a Markdown link, '[JSON](data/2364.json)', without its anchor."""


def linked_from(docs: Path, pages: set[str]) -> set[str]:
    """Files under ``docs`` that ``pages`` link to in Markdown: MkDocs checks those links in strict mode."""
    linked = set()
    for page in pages:
        path = docs / page
        if not path.is_file():
            continue
        for match in MARKDOWN_LINK.finditer(path.read_text(encoding="utf-8")):
            target = match["target"]
            if ":" in target or target.startswith("/"):
                continue  # another site, or an absolute path MkDocs does not resolve
            relative = posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
            if not relative.startswith("..") and (docs / relative).is_file():
                linked.add(relative)
    return linked


PAGES_PER_SHARD = 12_000
"""Pages one shard builds at most when the count is sized from the corpus: MkDocs takes ~9 ms of CPU a
page, so a shard is ~2 minutes and ~0.5 GB, well inside a 10-minute job (setup included) on any runner."""
MAX_SHARDS = 32


def page_counts(docs: Path) -> tuple[dict[str, int], int]:
    """Markdown pages per resolution folder of ``docs`` (by number), and the pages outside them (shared)."""
    per_resolution: dict[str, int] = {}
    shared = 0
    for path in docs.rglob("*.md"):
        top = path.relative_to(docs).parts[0]
        if top.isdigit():
            per_resolution[top] = per_resolution.get(top, 0) + 1
        else:
            shared += 1
    return per_resolution, shared


def shard_count(docs: Path, pages_per_shard: int = PAGES_PER_SHARD) -> int:
    """How many shards ``docs`` needs so that none builds more than ``pages_per_shard`` pages (about)."""
    per_resolution, shared = page_counts(docs)
    total = sum(per_resolution.values()) + shared
    return max(1, min(MAX_SHARDS, -(-total // pages_per_shard)))


def ranges(per_resolution: dict[str, int], shared: int, count: int) -> list[list[str]]:
    """The resolutions in number order cut into ``count`` contiguous ranges of about equal page counts;
    the first range also carries the ``shared`` pages. A range may be empty when there are fewer
    resolutions than shards."""
    numbers = sorted(per_resolution, key=int)
    total = shared + sum(per_resolution.values())
    cut: list[list[str]] = [[] for _ in range(count)]
    done = shared
    index = 0
    for number in numbers:
        # Move on once this shard holds its share; the last shard takes whatever is left.
        while index < count - 1 and done + per_resolution[number] / 2 > total * (index + 1) / count:
            index += 1
        cut[index].append(number)
        done += per_resolution[number]
    return cut


def split(docs: Path, config: Path, count: int, into: Path) -> list[Path]:
    """Write ``count`` shard folders under ``into``; their mkdocs.yml paths."""
    per_resolution, shared = page_counts(docs)
    for folder in docs.iterdir():
        if folder.is_dir() and folder.name.isdigit():
            per_resolution.setdefault(folder.name, 0)
    shard_ranges = ranges(per_resolution, shared, count)
    nav = nav_pages(config)
    nav |= linked_from(docs, nav)
    if into.exists():
        shutil.rmtree(into)
    configs = []
    for index in range(count):
        mine = set(shard_ranges[index])
        root = into / str(index)
        for path in sorted(docs.rglob("*")):
            if not path.is_file():
                continue
            relative = path.relative_to(docs)
            top = relative.parts[0]
            if top.isdigit():
                keep = top in mine or relative.as_posix() in nav
            elif top == "data":
                keep = path.name.split(".", 1)[0] in mine or relative.as_posix() in nav
            else:
                keep = index == 0 or relative.as_posix() in nav or top == "assets"
            if keep:
                target = root / "docs" / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                os.link(path, target)
        shutil.copy(config, root / CONFIG)
        for name in BESIDE_CONFIG:
            if (config.parent / name).is_dir():
                shutil.copytree(config.parent / name, root / name)
        configs.append(root / CONFIG)
    return configs


def shard_order(site: Path) -> int:
    """Shard number of a built site: the last number in its path (build/shards/1/site, site-shard-1)."""
    numbers = re.findall(r"\d+", site.as_posix())
    return int(numbers[-1]) if numbers else 0


def merge(sites: list[Path], into: Path) -> int:
    """Copy the shard sites into ``into`` in shard order (the first copy of a shared file wins) and
    join their sitemaps; the number of sites merged."""
    sites = sorted((site for site in sites if site.is_dir()), key=shard_order)
    if into.exists():
        shutil.rmtree(into)
    urls: dict[str, str] = {}
    for site in sites:
        shutil.copytree(site, into, dirs_exist_ok=True, copy_function=_copy_if_absent)
        sitemap = site / SITEMAP
        if sitemap.exists():
            for entry in re.findall(r"<url>.*?</url>", sitemap.read_text(encoding="utf-8"), re.S):
                location = re.search(r"<loc>(.*?)</loc>", entry).group(1)
                urls.setdefault(location, entry)
    if urls:
        body = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        body += "\n".join(f"    {urls[location].strip()}" for location in sorted(urls)) + "\n</urlset>\n"
        (into / SITEMAP).write_text(body, encoding="utf-8")
        (into / f"{SITEMAP}.gz").write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    return len(sites)


def _copy_if_absent(source: str, target: str) -> None:
    if not os.path.exists(target):
        shutil.copy2(source, target)


def main(argv: list[str] | None = None) -> int:
    """`python -m build_scripts.shards count [DOCS]`: print the shard count DOCS needs, and, for a
    GitHub Actions matrix, the list of shard numbers as JSON (`count=…` and `matrix=[0, 1, …]` lines,
    ready for $GITHUB_OUTPUT)."""
    import argparse
    import json

    parser = argparse.ArgumentParser(prog="python -m build_scripts.shards", description=main.__doc__)
    parser.add_argument("command", choices=["count"])
    parser.add_argument("docs", nargs="?", default="docs", type=Path, help="the generated docs folder (default: docs)")
    parser.add_argument("--pages-per-shard", type=int, default=PAGES_PER_SHARD, help=f"default: {PAGES_PER_SHARD}")
    args = parser.parse_args(argv)
    count = shard_count(args.docs, args.pages_per_shard)
    print(f"count={count}")
    print(f"matrix={json.dumps(list(range(count)))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

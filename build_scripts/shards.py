"""Build one site as several MkDocs builds, for corpora past what one process builds in time.

``split`` hard-links the generated docs/ into K shard folders, each with a copy of mkdocs.yml and
the theme overrides: shard I holds a contiguous run of resolutions (pages and data files) plus
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


def split(docs: Path, config: Path, count: int, into: Path) -> list[Path]:
    """Write ``count`` shard folders under ``into``; their mkdocs.yml paths."""
    resolutions = sorted((p.name for p in docs.iterdir() if p.is_dir() and p.name.isdigit()), key=int)
    per_shard = -(-len(resolutions) // count)
    nav = nav_pages(config)
    nav |= linked_from(docs, nav)
    if into.exists():
        shutil.rmtree(into)
    configs = []
    for index in range(count):
        mine = set(resolutions[index * per_shard : (index + 1) * per_shard])
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

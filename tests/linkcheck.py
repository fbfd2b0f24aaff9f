"""Walk a built site and report every internal link or fragment that does not resolve."""

from __future__ import annotations

import posixpath
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def ids_in(path: Path) -> set[str]:
    return {tag["id"] for tag in _soup(path).find_all(id=True)} | {tag["name"] for tag in _soup(path).find_all("a", attrs={"name": True})}


BASE_PATH = "/resolution-site/"
"""Path of the default site_url in mkdocs.yml: absolute links (only the 404 page has them) start with it."""


def target_file(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file a relative href points to from ``page``, and its fragment."""
    parts = urlsplit(href)
    base = page.parent.relative_to(site).as_posix()
    path = unquote(parts.path)
    if path.startswith("/"):
        if not path.startswith(BASE_PATH):
            return None, parts.fragment
        base, path = "", path[len(BASE_PATH) :] or "."
    joined = posixpath.normpath(posixpath.join(base, path)) if path else page.relative_to(site).as_posix()
    if joined.startswith(".."):
        return None, parts.fragment
    candidate = site / joined
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return (candidate if candidate.is_file() else None), unquote(parts.fragment)


def broken_links(site: Path) -> list[str]:
    """'page: href (reason)' for every internal link that does not resolve."""
    problems = []
    for page in html_pages(site):
        soup = _soup(page)
        for tag in soup.find_all(["a", "link", "script", "img"]):
            href = tag.get("href") or tag.get("src")
            if not href or urlsplit(href).scheme in ("http", "https", "mailto", "data", "javascript"):
                continue
            target, fragment = target_file(site, page, href)
            where = page.relative_to(site).as_posix()
            if target is None:
                problems.append(f"{where}: {href} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in ids_in(target):
                problems.append(f"{where}: {href} (no id {fragment!r})")
    return problems

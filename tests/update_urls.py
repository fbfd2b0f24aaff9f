"""Regenerate tests/urls.txt, the locked list of the site's public URLs: ``python -m tests.update_urls``.

Run it only on purpose. tests/test_urls.py fails when a URL in the manifest disappears from
the build, because readers cite and bookmark these addresses. A new page or id is fine (the test
prints it; add it here when it should be locked too). Removing or renaming one needs a redirect
from the old address first (mkdocs-redirects), then this script, then a commit that says why.

The manifest holds, one per line and sorted:

- the directory URL of every HTML page (``2364/op/20/``), the home page as ``./``;
- every data file (``data/2364.json``);
- every element and section fragment of the resolution pages (``2364/op/20/#op-20-c-ii``,
  ``2364/text/#op-20-c-ii``, ``2364/text/#section-15``).
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

MANIFEST = Path(__file__).resolve().parent / "urls.txt"
FRAGMENT = re.compile(r"^(?:(?:pp|op)-\d+(?:-[a-z0-9]+)*|section-\d+)$")
"""Ids that are part of the URL contract: element ids from build_scripts/ids.py and section slugs."""
RESOLUTION_PAGE = re.compile(r"^\d+/(?:text/|(?:pp|op)/\d+/)?$")


def public_urls(site: Path) -> list[str]:
    """Every page, data file and element fragment of a built site, as site-relative URLs."""
    urls: set[str] = set()
    for page in site.rglob("index.html"):
        directory = page.parent.relative_to(site).as_posix()
        url = "./" if directory == "." else f"{directory}/"
        urls.add(url)
        if RESOLUTION_PAGE.match(url):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
            urls.update(f"{url}#{tag['id']}" for tag in soup.find_all(id=FRAGMENT))
    urls.update(path.relative_to(site).as_posix() for path in (site / "data").rglob("*") if path.is_file())
    return sorted(urls)


def read_manifest() -> list[str]:
    return [line for line in MANIFEST.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]


def main() -> int:
    from tests.conftest import ROOT, build_site_into

    with tempfile.TemporaryDirectory() as workdir:
        urls = public_urls(build_site_into(ROOT / "source_texts", Path(workdir)))
    old = set(read_manifest()) if MANIFEST.exists() else set()
    header = "# Locked public URLs of the site built from source_texts/; regenerate with `python -m tests.update_urls` (see its docstring).\n"
    MANIFEST.write_text(header + "\n".join(urls) + "\n", encoding="utf-8")
    removed, added = sorted(old - set(urls)), sorted(set(urls) - old)
    for url in removed:
        print(f"removed: {url}  (does it have a redirect?)", file=sys.stderr)
    print(f"{MANIFEST}: {len(urls)} URLs, {len(added)} added, {len(removed)} removed", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

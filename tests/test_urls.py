"""Locked URLs and reproducible builds: a public address never disappears without a redirect.

tests/urls.txt lists every page, data file and element fragment of the site built from the
seed (see tests/update_urls.py for what it holds and how to change it on purpose).
"""

from __future__ import annotations

import datetime
import gzip
import re
import xml.etree.ElementTree as ElementTree

from bs4 import BeautifulSoup

from tests import conftest
from tests.update_urls import public_urls, read_manifest

UNDOCS_LINK = re.compile(
    r"""^https://undocs\.org/
        (?:(?P<language>ar|en|es|fr|ru|zh)/)?             # optional language prefix, e.g. en/
        (?P<symbol>
            S/RES/\d{1,4}\(\d{4}\)                        # Council resolution, no space: S/RES/2295(2016)
          | S/RES/\d{1,4}                                 # as printed without its year in 1888 (2009): S/RES/1882
          | S/PRST/\d{4}/\d{1,3}                          # presidential statement: S/PRST/2015/22
          | S/PV\.\d{1,5}                                 # meeting record: S/PV.7991
          | S/\d{4}/\d{1,4}                               # report or letter: S/2017/478
          | S/AC\.\d{1,3}/\d{4}/\d{1,3}                   # subsidiary body document: S/AC.51/2008/5
          | A/RES/\d{1,3}/\d{1,4}                         # General Assembly resolution: A/RES/70/1
          | A/(?:[A-Z]{2,5}/)?(?:\d{1,3}/)?\d{1,4}(?:/Add\.\d{1,2})?  # General Assembly documents: A/45/594, A/HRC/17/26
        )$""",
    re.X,
)


def test_every_locked_url_still_exists(site):
    built = set(public_urls(site))
    locked = read_manifest()
    new = sorted(built - set(locked))
    if new:
        print(f"{len(new)} new public URL(s), not locked yet (python -m tests.update_urls):", *new, sep="\n  ")
    missing = [url for url in locked if url not in built]
    assert missing == [], "removed or renamed URLs need a redirect and a deliberate `python -m tests.update_urls`"


def test_the_manifest_locks_every_element_on_the_full_text_and_its_paragraph_page(resolution):
    locked = set(read_manifest())
    for element in resolution.elements():
        prefix, paragraph = element.id.split("-")[:2]
        assert f"2364/text/#{element.id}" in locked
        assert f"2364/{prefix}/{paragraph}/#{element.id}" in locked
    assert {f"2364/text/#{section.slug}" for section in resolution.sections} <= locked
    assert {"./", "2364/", "2364/text/", "data/2364.json"} <= locked


def test_the_manifest_is_sorted_and_without_duplicates():
    locked = read_manifest()
    assert locked == sorted(set(locked))


def test_builds_are_dated_by_source_date_epoch(site):
    """The second build in test_site.py compares bytes; this pins the dates that could differ by day."""
    setting = re.search(r'"SOURCE_DATE_EPOCH": "(\d+)"', open(conftest.__file__, encoding="utf-8").read())
    assert setting, "conftest.build_site_into must set SOURCE_DATE_EPOCH"
    epoch = int(setting[1])
    day = datetime.datetime.fromtimestamp(epoch, tz=datetime.timezone.utc).date().isoformat()
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    dates = {node.text for node in ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url/s:lastmod", namespace)}
    assert dates == {day}
    with gzip.open(site / "sitemap.xml.gz") as compressed:
        assert compressed.read() == (site / "sitemap.xml").read_bytes()
    header_mtime = int.from_bytes((site / "sitemap.xml.gz").read_bytes()[4:8], "little")
    assert header_mtime in (0, epoch)


def test_every_undocs_link_is_a_document_symbol(site):
    hrefs = set()
    for page in site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "lxml")
        hrefs.update(a["href"] for a in soup.find_all("a", href=True) if "undocs.org" in a["href"])
    assert hrefs, "no link to undocs.org at all"
    assert sorted(href for href in hrefs if not UNDOCS_LINK.match(href)) == []

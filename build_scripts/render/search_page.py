"""/search/: a search form over Pagefind's index, which also jumps straight to a cited paragraph.

The same form sits in the header of every page (overrides/partials/search.html); this page is its
full-page form, for a shared link (/search/?q=…) and for readers without the header's dropdown.
Pagefind's index is split into small chunks fetched on demand, so the first query downloads about
the same few hundred kilobytes whether the site holds one resolution or a thousand.

``resolutions_json`` lists each resolution's paragraph counts: the "go to paragraph" shortcut and the
404 page read it to tell a paragraph that exists from one that does not.
"""

from __future__ import annotations

import json

from ..model import Resolution
from .pages import Page, front_matter

RESOLUTIONS_FILE = "search/resolutions.json"
"""Under docs/: number, symbol and the counts of preambular and operative paragraphs and annexes."""


def resolutions_json(resolutions: list[Resolution]) -> tuple[str, str]:
    """(path under docs/, JSON): one compact line per resolution, in the order of the site."""
    rows = [
        {"number": r.metadata.number, "symbol": r.metadata.symbol, "pp": len(r.preamble), "op": len(r.operative), "annexes": len(r.annexes)}
        for r in resolutions
    ]
    return RESOLUTIONS_FILE, "[\n" + ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows) + "\n]\n"


def search_page(resolutions: list[Resolution]) -> Page:
    body = [
        front_matter("Search", "Search the text of every paragraph, or go straight to a paragraph by its number or citation."),
        "# Search\n",
        '<form class="res-search" role="search" action="./" data-res-search="page">'
        '<label for="res-search-input">Words to find, or a paragraph such as “20 (c) (ii)”, “op 20” or “pp 3”</label>'
        '<div class="res-search-row"><input id="res-search-input" type="search" name="q" autocomplete="off" spellcheck="false">'
        '<button class="md-button md-button--primary" type="submit">Search</button></div></form>\n',
        '<div class="res-search-panel" id="res-search-panel" data-res-search-output="page"></div>\n',
        "<noscript><p>Search needs JavaScript. Every paragraph is listed on the overview page of its resolution.</p></noscript>\n",
    ]
    return Page("search/", "\n".join(body))

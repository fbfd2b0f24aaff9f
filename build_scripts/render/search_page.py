"""/search/: a search form over Pagefind's index, which also jumps straight to a cited paragraph.

Pagefind's index is split into small chunks fetched on demand, so the first query downloads about
the same few hundred kilobytes whether the site holds one resolution or a thousand. The page
carries the list of resolutions and their paragraph counts for the "go to paragraph" shortcut.
"""

from __future__ import annotations

import json

from ..model import Resolution
from .markup import attribute
from .pages import Page, front_matter


def search_page(resolutions: list[Resolution]) -> Page:
    data = [{"number": r.metadata.number, "symbol": r.metadata.symbol, "pp": len(r.preamble), "op": len(r.operative)} for r in resolutions]
    body = [
        front_matter("Search", "Search the text of every paragraph, or go straight to a paragraph by its number or citation."),
        "# Search\n",
        f'<form class="res-search" role="search" action="./" data-resolutions="{attribute(json.dumps(data, separators=(",", ":")))}">'
        '<label for="res-search-input">Words to find, or a paragraph such as “20 (c) (ii)”, “op 20” or “pp 3”</label>'
        '<div class="res-search-row"><input id="res-search-input" type="search" name="q" autocomplete="off" spellcheck="false">'
        '<button class="md-button md-button--primary" type="submit">Search</button></div></form>\n',
        '<p id="res-search-status" role="status" aria-live="polite"></p>\n',
        '<ol id="res-search-results" class="res-search-results"></ol>\n',
        "<noscript><p>Search needs JavaScript. Every paragraph is listed on the overview page of its resolution.</p></noscript>\n",
    ]
    return Page("search/", "\n".join(body))

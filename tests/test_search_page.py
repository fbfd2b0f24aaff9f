"""The search page and the per-resolution counts that search and the 404 page read."""

from __future__ import annotations

import json

from build_scripts.render.search_page import RESOLUTIONS_FILE, resolutions_json, search_page


def test_resolutions_json_gives_each_resolutions_paragraph_counts(resolution):
    path, text = resolutions_json([resolution])
    assert path == RESOLUTIONS_FILE == "search/resolutions.json"
    assert json.loads(text) == [{"number": 2364, "symbol": "S/RES/2364 (2017)", "pp": 41, "op": 49, "annexes": 0}]


def test_resolutions_json_stays_small_per_resolution(resolution):
    # The header's search and the 404 page fetch it whole: about 80 bytes a resolution, 120 KB at 1,500.
    _, text = resolutions_json([resolution] * 10)
    assert len(text.encode("utf-8")) / 10 < 80


def test_the_search_page_has_a_form_that_works_without_javascript(resolution):
    page = search_page([resolution])
    assert page.file == "search/index.md"
    assert '<form class="res-search" role="search" action="./"' in page.markdown
    assert 'name="q"' in page.markdown and "<noscript>" in page.markdown

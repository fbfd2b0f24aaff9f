"""Actor, theme, verb and glossary pages on the built site, and the annotations on paragraph pages."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup


def page(site, path):
    return BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "lxml")


def facet(site, path, heading):
    """The links listed under ``heading`` ('Asked of', 'Themes'…), folded in a <details> after the text."""
    found = [d for d in page(site, path).find_all("details", class_="res-facet") if d.summary.contents[0].strip() == heading]
    return [li.a.get_text() for li in found[0].ul.find_all("li")] if found else []


def test_paragraph_pages_list_addressees_themes_and_verbs(site):
    assert facet(site, "2364/op/37", "Asked of") == ["France"]  # "French forces" is an alias of France
    assert any("Secretary-General" == name for name in facet(site, "2364/op/47", "Asked of"))
    assert any("Special Representative" in name for name in facet(site, "2364/op/8", "Asked of"))
    assert any("Children" in name for name in facet(site, "2364/op/29", "Themes"))
    assert any("nvironment" in name for name in facet(site, "2364/op/41", "Themes"))
    verbs = facet(site, "2364/op/12", "Operative verbs")
    assert verbs[0].startswith("calls upon") or verbs[0].startswith("urges")


def test_the_secretary_general_page_lists_what_is_asked_of_it(site):
    # With more than ten resolutions on the site, each actor lists its requests year by year,
    # each resolution under its own heading, which the actor's page links.
    year = page(site, "actors/secretary-general/years/2017")
    hrefs = {a["href"] for a in year.find(id="asked-2364").find_next("ul").find_all("a")}
    for number in (16, 23, 31, 47, 48):
        assert f"../../../../2364/op/{number}/" in hrefs
    assert "years/2017/#asked-2364" in {a["href"] for a in page(site, "actors/secretary-general").find_all("a")}


def test_the_human_rights_theme_links_to_20_f(site):
    hrefs = [a["href"] for a in page(site, "themes/human-rights/years/2017").find_all("a")]
    assert "../../../../2364/op/20/#op-20-f" in hrefs


def test_acronyms_carry_their_expansion_in_the_text(site):
    abbrs = {a.get_text(): a["title"] for a in page(site, "2364/op/8").find_all("abbr")}
    assert "CSA" in abbrs and "suivi" in abbrs["CSA"]
    glossary = {a.get_text() for a in page(site, "glossary").find_all("abbr")}
    assert {"MINUSMA", "SRSG", "MDSF", "CSA", "FC-G5S"} <= glossary


def test_the_published_json_carries_annotations(site):
    model = json.loads((site / "data" / "2364.json").read_text(encoding="utf-8"))
    op37 = model["operative"][36]
    assert op37["addressees"] and op37["verbs"][0] == "authorizes"
    f = model["operative"][19]["items"][5]
    assert f["id"] == "op-20-f" and "human-rights" in f["themes"]
    assert {"id", "name", "aliases", "kind"} <= set(model["actors"][0])
    assert {"id", "name", "definition"} <= set(model["themes"][0])

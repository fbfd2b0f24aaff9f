"""The built site: obligations and timeline in /data/N.json, and /N/obligations.ics where a date is due."""

from __future__ import annotations

import json
import posixpath

from bs4 import BeautifulSoup


def test_the_calendar_is_published_and_linked_from_the_obligations_page(site):
    calendar = (site / "2364" / "obligations.ics").read_bytes().decode("utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR\r\n") and calendar.count("BEGIN:VEVENT") == 5
    soup = BeautifulSoup((site / "2364" / "obligations" / "index.html").read_text(encoding="utf-8"), "lxml")
    [link] = [a["href"] for a in soup.find_all("a") if a["href"].endswith("obligations.ics")]
    assert posixpath.normpath(posixpath.join("2364/obligations/", link)) == "2364/obligations.ics"


def test_a_calendar_exists_only_where_a_date_is_due(site):
    for model_path in (site / "data").glob("*.json"):
        model = json.loads(model_path.read_text(encoding="utf-8"))
        dated = any(obligation["due"] for obligation in model["obligations"])
        assert (site / str(model["number"]) / "obligations.ics").exists() == dated, model["number"]


def test_the_published_json_carries_obligations_and_the_timeline(site):
    model = json.loads((site / "data" / "2364.json").read_text(encoding="utf-8"))
    plan = next(o for o in model["obligations"] if o["element"] == "op-48")
    assert {key: plan[key] for key in ("kind", "actors", "due", "recurrence")} == {
        "kind": "plan", "actors": ["secretary-general"], "due": "2017-12-26", "recurrence": None,
    }
    assert plan["text"].startswith("Further requests the Secretary-General")
    assert model["timeline"][0]["first"] <= model["timeline"][-1]["first"]

"""Dates and periods as resolutions print them: '15 October 2008', 'ninety days', 'every three months'.

One place for the calendar arithmetic the obligations and the timeline share. What it promises:

- :func:`parse_day` never raises: a day no calendar has ('31 June 2021') gives None, and the
  caller reports it;
- :func:`add_months` keeps the day of the month, or takes the month's last day when it is shorter;
- :class:`Period` is an ISO 8601 duration ('P3M', 'P90D', 'P1Y'): its ``iso`` is what the data
  files publish;
- :func:`year_of` gives the year of a resolution cited by number alone, from the ranges of
  ``data/resolution_years.yml``, or 0.
"""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import yaml

from ..data_files import DATA

MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
"""Month names, as a regex alternative."""

DAY = rf"\d{{1,2}}\s+(?:{MONTHS})\s+(?:19|20)\d\d"
"""A day as printed: '15 October 2008'."""

NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "eighteen": 18, "twenty": 20, "twenty-four": 24, "thirty": 30, "forty-five": 45, "sixty": 60,
    "ninety": 90, "one hundred and twenty": 120, "one hundred and eighty": 180,
}
"""Numbers the texts write in words."""

COUNT = r"(?:\d{1,3}|" + "|".join(sorted((re.escape(word) for word in NUMBERS), key=len, reverse=True)) + r")(?:\s+\(\d{1,3}\))?"
"""A count in figures or words, perhaps with the figure after it: '90', 'ninety', 'three (3)'."""


class Unit(str, Enum):
    """The unit of a period."""

    DAY = "D"
    WEEK = "W"
    MONTH = "M"
    YEAR = "Y"


@dataclass(frozen=True, slots=True)
class Period:
    """A length of time: 90 days, three months."""

    count: int
    unit: Unit

    @property
    def iso(self) -> str:
        """ISO 8601 duration: 'P3M'."""
        return f"P{self.count}{self.unit.value}"

    def after(self, day: datetime.date, times: int = 1) -> datetime.date:
        """The day ``times`` periods after ``day``."""
        count = self.count * times
        if self.unit is Unit.DAY:
            return day + datetime.timedelta(days=count)
        if self.unit is Unit.WEEK:
            return day + datetime.timedelta(weeks=count)
        return add_months(day, count * (12 if self.unit is Unit.YEAR else 1))

    def before(self, day: datetime.date) -> datetime.date:
        """The day one period before ``day``."""
        if self.unit is Unit.DAY:
            return day - datetime.timedelta(days=self.count)
        if self.unit is Unit.WEEK:
            return day - datetime.timedelta(weeks=self.count)
        return add_months(day, -self.count * (12 if self.unit is Unit.YEAR else 1))

    def words(self) -> str:
        """'3 months', '1 day'."""
        name = {Unit.DAY: "day", Unit.WEEK: "week", Unit.MONTH: "month", Unit.YEAR: "year"}[self.unit]
        return f"{self.count} {name}{'s' if self.count != 1 else ''}"


def count(text: str) -> int | None:
    """'90', 'ninety', 'three (3)' → the number; None when it is none of these."""
    word = " ".join(re.sub(r"\(\d+\)", "", text).lower().split())
    if word.isdigit():
        return int(word)
    return NUMBERS.get(word)


def unit(text: str) -> Unit:
    """'days', 'month', 'years' → the unit."""
    return {"d": Unit.DAY, "w": Unit.WEEK, "m": Unit.MONTH, "y": Unit.YEAR}[text.strip().lower()[0]]


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day of the month ``months`` later, or that month's last day when it is shorter."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def parse_day(text: str) -> datetime.date | None:
    """'15 October 2008' → date(2008, 10, 15); None when it is not a day any calendar has."""
    try:
        return datetime.datetime.strptime(" ".join(text.split()), "%d %B %Y").date()
    except ValueError:
        return None


def month_end(text: str) -> datetime.date | None:
    """'September 2020' → date(2020, 9, 30), the last day of the month; None when it is no month."""
    try:
        first = datetime.datetime.strptime(" ".join(text.split()), "%B %Y").date()
    except ValueError:
        return None
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def long_form(day: datetime.date) -> str:
    """date(2017, 6, 29) → '29 June 2017', as the Council prints dates."""
    return f"{day.day} {day:%B %Y}"


YEARS_FILE = DATA / "resolution_years.yml"


def load_years(path: Path = YEARS_FILE) -> tuple[tuple[int, int, int], ...]:
    """(year, first number, last number) of each year in the file, by year."""
    years = yaml.safe_load(path.read_text(encoding="utf-8"))["years"]
    return tuple(sorted((int(year), int(span[0]), int(span[1])) for year, span in years.items()))


YEARS = load_years()
"""The range of resolution numbers of each year (build_scripts/data/resolution_years.yml)."""


def year_of(number: int) -> int:
    """The year of a resolution cited by number alone: 2250 → 2015; 0 when no known range holds it."""
    return next((year for year, first, last in YEARS if first <= number <= last), 0)

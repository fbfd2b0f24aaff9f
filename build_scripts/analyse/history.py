"""Each resolution's place in the history of its mandate: its series, neighbours and alignments.

``histories(entries)`` runs once the whole corpus is read: it finds the series (``series.py``),
aligns every consecutive pair of each series (``alignment.py``), and returns one
:class:`History` per resolution that belongs to a series, with the data file's problems. A
resolution in no series (a thematic text) has no history; the first of a series has no
predecessor and the last no successor. ``render/`` only reads the result.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..model import Diagnostic, Resolution
from .alignment import Alignment, align
from .analysis import Analysis
from .series import Member, Series, find_series, load_series_data, series_of


@dataclass(frozen=True, slots=True)
class History:
    """One resolution in its series, with the alignments to the members before and after it."""

    series: Series
    member: Member
    predecessor: Member | None
    successor: Member | None
    since: Alignment | None
    """This resolution aligned against its predecessor; None for the first of a series."""
    until: Alignment | None
    """Its successor aligned against it; None for the last."""

    @property
    def has_page(self) -> bool:
        """Whether the series has a page: it has more than one member on the site."""
        return len(self.series.members) > 1

    def as_dict(self) -> dict[str, object]:
        """What ``/data/N.json`` adds: the series, the neighbours and the alignment per element."""

        def neighbour(member: Member | None) -> dict[str, object] | None:
            return None if member is None else {"number": member.number, "symbol": member.symbol, "url": f"{member.number}/"}

        return {
            "series": {"id": self.series.id, "body": self.series.body, "role": self.member.role.value},
            "predecessor": neighbour(self.predecessor),
            "successor": neighbour(self.successor),
            "alignment": [match.as_dict() for match in self.since.matches] if self.since else [],
        }


def histories(entries: Iterable[tuple[Resolution, Analysis]], path: Path | None = None) -> tuple[dict[int, History], tuple[Series, ...], list[Diagnostic]]:
    """The history of every resolution in a series, by number; every series; the problems of the data
    file (``path``, ``data/series.yml`` when None)."""
    entries = list(entries)
    data, problems = load_series_data(path)
    series, warnings = find_series(entries, data)
    by_number = {resolution.metadata.number: (resolution, analysis) for resolution, analysis in entries}
    aligned: dict[tuple[int, int], Alignment] = {}
    found: dict[int, History] = {}
    for resolution, _analysis in entries:
        number = resolution.metadata.number
        own = series_of(series, number)
        if own is None:
            continue
        before, after = own.predecessor(number), own.successor(number)
        for pair in ((before, own.member(number)), (own.member(number), after)):
            if pair[0] is not None and pair[1] is not None and (key := (pair[0].number, pair[1].number)) not in aligned:
                aligned[key] = align(by_number[key[0]], by_number[key[1]])
        found[number] = History(
            own,
            own.member(number),
            before,
            after,
            aligned.get((before.number, number)) if before else None,
            aligned.get((number, after.number)) if after else None,
        )
    return found, series, problems + warnings

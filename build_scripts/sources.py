"""Finding the sources of a site: texts (.txt) and the UN's Akoma Ntoso files (.xml), paired by resolution.

A folder may hold, for one resolution, its PDF text and the UN's XML file. The text is then the
source of the site and the XML file its check: ``pairs`` puts them together by the resolution
number in the file name, whatever naming the UN used that year (``S_RES_2364_1710886E.xml``,
``SC_2584_2021-E.xml``, ``S_RES_2531 (2020)-2008609E.xml``, our ``s-res-2364-2017.txt``).

A local copy of the UN repository (UNxml/SCresolutions) holds other languages, presidential
statements and drafts not adopted: ``resolution_files`` keeps the English resolutions only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

NUMBER_IN_NAME = re.compile(
    r"""^(?:s[-_]res[-_]?|sc[-_])   # 's-res-', 'S_RES_', 'S_RES-', 'SC_'
        (?P<number>\d{1,5})          # the resolution number
        (?!\d)
    """,
    re.X | re.I,
)

SKIPPED_FOLDERS = {"PRST", "Not adopted", "Arabic", "Chinese", "French", "Russian", "Spanish", "German", "data_extract"}
"""Folders of the UN repository that hold no English resolution."""


@dataclass(frozen=True, slots=True)
class Source:
    """One resolution's files."""

    path: Path
    """The file the site is built from: the text when there is one, else the XML file."""
    partner: Path | None = None
    """The UN's XML file of the same resolution, when ``path`` is a text: its words are checked against it."""


def number_in_name(path: Path) -> int | None:
    """The resolution number a file name carries, or None."""
    match = NUMBER_IN_NAME.match(path.name)
    return int(match["number"]) if match else None


def resolution_files(folder: Path) -> list[Path]:
    """Every English resolution file (.txt, .xml) under ``folder``, in a stable order.

    Texts are taken whatever their name; a text without a resolution number in its name inside a
    copy of the UN repository (its ``2023/test.txt``) is not a resolution and is left out.
    """
    found = []
    repository = (folder / "Pre-2020").is_dir()
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        # A dangling or looping link is kept, so that reading it reports the fault (FILE:0: error);
        # folders and special files (a FIFO would block the read) are not sources.
        if path.suffix.lower() not in (".txt", ".xml") or not (path.is_file() or (path.is_symlink() and not path.exists())):
            continue
        if any(part in SKIPPED_FOLDERS for part in relative[:-1]) or "PRST" in path.name.upper():
            continue
        if repository and path.suffix.lower() == ".txt" and number_in_name(path) is None:
            continue
        found.append(path)
    return found


def pairs(paths: list[Path]) -> list[Source]:
    """One source per file, except that a text and an XML file of the same resolution are one source."""
    by_number: dict[int, list[Path]] = {}
    alone: list[Path] = []
    for path in paths:
        number = number_in_name(path)
        if number is None:
            alone.append(path)
        else:
            by_number.setdefault(number, []).append(path)
    sources = [Source(path) for path in alone]
    for number in sorted(by_number):
        files = by_number[number]
        texts = [path for path in files if path.suffix.lower() == ".txt"]
        xmls = [path for path in files if path.suffix.lower() == ".xml"]
        if len(texts) == 1 and len(xmls) == 1:
            sources.append(Source(texts[0], xmls[0]))
        else:
            # Several files of one kind: each is built, and the duplicate number is reported later.
            sources += [Source(path) for path in files]
    return sources

"""The printed labels of resolutions and their order: '12.', '(c)', '(ii)', 'a.', '(1)', '•', 'I', 'A.'.

The degrees of the UN Editorial Manual: (a), (b), …; (i), (ii), …; a., b., …; i., ii., …; after (z)
come (aa), (bb), …; bullets and dashes are unlabelled indents; 'I', 'A.' name parts of a text.
"""

from __future__ import annotations

import re

OPERATIVE_LABEL = re.compile(r"^(?P<number>\d{1,9})\.$")  # any paragraph number a resolution reaches; parse refuses longer ones
LETTER_LABEL = re.compile(r"^\((?P<key>[a-z]{1,5})\)$")
LOWER_LABEL = re.compile(
    r"""^(?:(?:[a-z]|[ivx]{1,6})\.  # third degree 'a.' or fourth degree 'iii.'
        | \(\d{1,2}\)          # '(1)'
        | \d{1,2}\.            # '1.' of a list inside a paragraph (placed by the caller, never a paragraph)
        | (?:\d{1,2}|[a-z]{1,4})\)  # '1)', 'a)', 'iv)'
    )$""",
    re.X,
)
PART_LABEL = re.compile(
    r"""^(?:[IVXL]{1,6}|[A-Z])\.?$   # a part of the operative text: 'I', 'II.', 'A', 'B.'
    """,
    re.X,
)
INDENT_MARKS = ("•", "–", "—", "-")
ROMAN_VALUES = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
MAX_ROMAN = 39


def roman(number: int) -> str:
    """3 → 'iii', 14 → 'xiv' (up to 39, as far as sub-items ever run)."""
    digits = []
    for value, numeral in ROMAN_VALUES:
        while number >= value:
            digits.append(numeral)
            number -= value
    return "".join(digits)


ROMAN = {roman(number): number for number in range(1, MAX_ROMAN + 1)}


def next_letter(key: str | None) -> str:
    """The letter after ``key``: None → 'a', 'c' → 'd', 'z' → 'aa', 'aa' → 'bb'."""
    if key is None:
        return "a"
    if key == "z":
        return "aa"
    if len(key) > 1 and len(set(key)) == 1 and key[0] != "z":
        return chr(ord(key[0]) + 1) * len(key)
    if len(key) == 1:
        return chr(ord(key) + 1)
    return ""


def known_label(label: str) -> bool:
    """Whether a printed label is one the structure step can place."""
    return bool(
        OPERATIVE_LABEL.match(label) or LETTER_LABEL.match(label) or LOWER_LABEL.match(label) or PART_LABEL.match(label) or label in INDENT_MARKS
    )

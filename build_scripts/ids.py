"""The one place that turns structure into element ids, URLs and anchors.

Ids are the URL fragments of the whole site, so the same text must always give the same ids:
``pp-3``; ``op-20``, ``op-20-a``, ``op-20-a-ii``; ``op-20-a-ii-2`` (second dash of 20 (a) (ii));
``op-2-1`` (first bullet of paragraph 2); ``op-47-iii`` (roman item straight under a paragraph);
``annex-1`` (the first annex), ``annex-1-3`` (its paragraph 3), ``annex-1-dd`` (its item (dd)),
``annex-1-p2`` (its second paragraph, which has no label).
"""

from __future__ import annotations

import re

PREAMBULAR_PREFIX = "pp"
OPERATIVE_PREFIX = "op"
ANNEX_PREFIX = "annex"
UNLABELLED_PREFIX = "p"
"""Key of an unlabelled annex paragraph: 'p2' is the second paragraph of its annex, counted among all."""


def element_id(prefix: str, paragraph: int, *path: str) -> str:
    """Id of a paragraph (``prefix``, ``paragraph``) or of an item below it.

    ``path`` holds one part per level: a letter ('a'), a roman numeral ('ii') or an indent's
    position ('2'), each without brackets.
    """
    return "-".join([prefix, str(paragraph), *path])


def label_key(label: str) -> str:
    """The id part for a printed label: '(a)' → 'a', '(ii)' → 'ii'."""
    return label.strip("()").strip(".").lower()


_ID = re.compile(r"^(?P<prefix>pp|op|annex)-(?P<paragraph>\d+)(?P<rest>(?:-[a-z0-9]+)*)$")


def paragraph_of(element: str) -> tuple[str, int]:
    """The paragraph an id belongs to: 'op-20-a-ii' → ('op', 20)."""
    match = _ID.match(element)
    if not match:
        raise ValueError(f"not an element id: {element!r}")
    return match["prefix"], int(match["paragraph"])


def page_path(number: int, element: str) -> str:
    """Site-relative path of the page holding an element: 'op-20-a' → '2364/op/20/'."""
    prefix, paragraph = paragraph_of(element)
    return f"{number}/{prefix}/{paragraph}/"


def permalink(number: int, element: str) -> str:
    """Site-relative permalink: the paragraph page, plus a fragment below paragraph level."""
    prefix, paragraph = paragraph_of(element)
    path = page_path(number, element)
    return path if element == element_id(prefix, paragraph) else f"{path}#{element}"


def citation_label(element: str) -> str:
    """How the UN cites an element: 'op-20-c-ii' → '20 (c) (ii)', 'op-2-1' → '2, first indent'.

    Annex elements: 'annex-1' → 'annex', 'annex-1-3-b' → 'annex, para. 3 (b)', 'annex-2-a' → 'annex 2, (a)'.
    """
    prefix, paragraph = paragraph_of(element)
    parts = element.split("-")[2:]
    if prefix == ANNEX_PREFIX:
        return _annex_label(paragraph, parts)
    labels = [str(paragraph)]
    for part in parts:
        labels.append(f"indent {part}" if part.isdigit() else f"({part})")
    if parts and parts[-1].isdigit():
        return " ".join(labels[:-1]) + f", {labels[-1]}"
    return " ".join(labels)


def _annex_label(annex: int, parts: list[str]) -> str:
    name = "annex" if annex == 1 else f"annex {annex}"
    if not parts:
        return name
    first, rest = parts[0], parts[1:]
    if first.isdigit():
        head = f"para. {first}"
    elif first.startswith(UNLABELLED_PREFIX) and first[1:].isdigit():
        head = f"paragraph {first[1:]} (unnumbered)"
    else:
        head = f"({first})"
    tail = [f"indent {part}" if part.isdigit() else f"({part})" for part in rest]
    return f"{name}, " + " ".join([head, *tail])

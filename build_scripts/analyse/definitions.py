"""Defined terms: what a resolution means by "the Agreement", read from its own definition.

A resolution names an instrument in full once and gives it a short name in brackets: "the
Agreement on Peace and Reconciliation in Mali (“the Agreement”)", "Arusha Peace and
Reconciliation Agreement for Burundi, signed at Arusha on 28 August 2000 (hereafter “the Arusha
Agreement”)". ``find_definitions(resolution, instruments)`` returns each such definition whose
term names an instrument (an agreement, convention, treaty, charter, statute …), bound to the
instrument of the table it matches, or to a new one named as the text names it. What it promises:

- a term is bound only in the resolution that defines it: "the Agreement" is the Mali agreement
  in 2364 and nothing in a resolution that does not say so;
- ``text[start:end]`` of the defining element is the full name;
- a new instrument's slug comes from its name, so the same name gives the same slug everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..model import Resolution

DEFINITION = re.compile(
    r"""
    \( \s*
    (?: here(?:in)?after \s+ (?:referred \s+ to \s+ as \s+)? )?   # '(hereafter “the Arusha Agreement”)'
    (?: the \s+ )? [“"]                                           # '(“the …' or '(the “…'
    (?: the \s+ )?
    (?P<term> [A-Z][^”"()]{1,60}? )                               # 'Agreement', 'Arusha Agreement'
    [”"] \s* \)
    """,
    re.VERBOSE,
)

NAME = re.compile(
    r"""
    [A-Z][\w’'-]*                                                  # 'Agreement'
    (?: (?: \s+ (?: on | and | of | in | for | the | to | de | la | le | des | du | pour | et | sur | une | d[’'] ) )*
        \s+ [A-Z][\w’'-]* )*                                       # ' on Peace and Reconciliation in Mali'
    """,
    re.VERBOSE,
)

LEAD = re.compile(
    r"""
    (?: [A-Z]\w*ing \s+ )?    # the paragraph's opening participle: 'Recalling the …'
    (?: [Tt]he \s+ )          # the article before the name
    """,
    re.VERBOSE,
)
"""Words that open a capitalised run without being part of the name."""

INSTRUMENT_WORDS = {
    "agreement", "agreements", "accord", "accords", "convention", "treaty", "charter", "statute", "protocol",
    "communiqué", "declaration", "plan", "roadmap", "arrangement", "memorandum", "framework", "pact",
}
"""A term whose last word is one of these names an instrument; other terms (the Committee, the Panel) name bodies."""

REACH = 300
"""How far before the brackets the full name may start, in characters."""


@dataclass(frozen=True, slots=True)
class Definition:
    """A term the resolution defines, and the full name it stands for."""

    term: str
    """The short name as printed, without its article: 'Agreement'."""
    name: str
    """The full name: 'Agreement on Peace and Reconciliation in Mali'."""
    element_id: str
    """The element that defines it."""
    start: int
    """Offset of the full name in that element's text."""
    end: int


def slug(name: str) -> str:
    """'Agreement on Peace and Reconciliation in Mali' → 'agreement-on-peace-and-reconciliation-in-mali'."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def _full_name(text: str, before: int, head: str) -> tuple[int, int] | None:
    """The span of the capitalised name before ``before`` that holds ``head``; the last name when none does."""
    window_start = max(0, before - REACH)
    names = [m for m in NAME.finditer(text, window_start, before) if len(m.group(0).split()) > 1 or m.group(0) == head]
    holding = [m for m in names if re.search(rf"\b{re.escape(head)}\b", m.group(0))]
    chosen = holding[-1] if holding else None
    if chosen is None:
        return None
    start, end = chosen.start(), chosen.end()
    if lead := LEAD.match(text, start, end):
        start = lead.end()
    return start, end


def find_definitions(resolution: Resolution) -> tuple[Definition, ...]:
    """Every instrument the resolution defines a short name for, in document order."""
    found: list[Definition] = []
    for element in resolution.elements():
        for match in DEFINITION.finditer(element.text):
            term = " ".join(match["term"].split())
            head = term.split()[-1]
            if head.lower() not in INSTRUMENT_WORDS:
                continue
            span = _full_name(element.text, match.start(), head)
            if span is None or element.text[span[0] : span[1]] == term:
                continue
            found.append(Definition(term, " ".join(element.text[span[0] : span[1]].split()), element.id, *span))
    return tuple(found)

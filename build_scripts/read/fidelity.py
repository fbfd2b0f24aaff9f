"""The fidelity check: every word of the source is in the model, in order, apart from logged repairs.

It runs on every build. It does not trust the cleaner or the parser: it compares the raw file's
words with the words the model will publish, and every difference must be explained by a logged
repair. A parser that drops or duplicates a line fails it.
"""

from __future__ import annotations

import difflib
import re

from .clean import _normalise
from ..model import Diagnostic, Element, ElementKind, RepairRule, Resolution, Severity


def model_words(resolution: Resolution) -> list[str]:
    """The model's words in reading order: header, preamble, headings, labels and texts."""
    header = resolution.header
    words = f"{header.title} {header.adoption} {header.organ}".split()
    for paragraph in resolution.preamble:
        words += paragraph.text.split()
    for paragraph in resolution.operative:
        section = next((s for s in resolution.sections if s.first == paragraph.number), None)
        if section:
            words += section.heading.split()
        words += _element_words(paragraph, top=True)
    for annex in resolution.annexes:
        words += annex.title.split()
        for heading in annex.headings:
            words += heading.split()
        for item in annex.items:
            words += _element_words(item, top=item.kind is ElementKind.ANNEX_PARAGRAPH)
    return words


def _element_words(element: Element, top: bool = False) -> list[str]:
    label = f"{element.label}." if top and element.label else element.label
    words = [label] if label else []
    words += element.heading.split() + element.text.split()
    for item in element.items:
        words += _element_words(item)
    return words


def _squash(words: list[str]) -> str:
    return "".join(words)


def check_fidelity(raw: str, resolution: Resolution, *, source: str = "") -> list[Diagnostic]:
    """Errors for every stretch of source words that the model lacks without a logged repair."""
    if _same_characters(raw, resolution):
        return []
    source_text = " ".join(" ".join(_normalise(raw)).split())
    for repair in resolution.repairs:
        if repair.rule is RepairRule.ERRATUM:
            source_text = source_text.replace(" ".join(repair.original.split()), repair.replacement, 1)
    source_words = source_text.split()
    target = model_words(resolution)
    furniture = {repair.original for repair in resolution.repairs if repair.rule is RepairRule.PAGE_FURNITURE}
    diagnostics = []
    matcher = difflib.SequenceMatcher(a=source_words, b=target, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        lost = " ".join(source_words[i1:i2])
        for line in sorted(furniture, key=len, reverse=True):
            lost = lost.replace(line, " ")
        # Joined split words and closed hyphens change spaces only.
        if re.sub(r"\s", "", lost) == _squash(target[j1:j2]):
            continue
        context = " ".join(source_words[max(0, i1 - 4) : i2 + 1])[:80]
        what = f"source words {' '.join(source_words[i1:i2])[:60]!r} are missing from the model" if i2 > i1 else f"the model adds {' '.join(target[j1:j2])[:60]!r}"
        diagnostics.append(Diagnostic(source, _line_of(raw, source_words, i1), Severity.ERROR, f"fidelity: {what} (near {context!r}) with no logged repair"))
    return diagnostics


def _same_characters(raw: str, resolution: Resolution) -> bool:
    """Fast path: the model holds every character of the source in order, furniture lines and errata aside.

    The word diff below is quadratic in the worst case (about two seconds on a 14-page
    resolution); this comparison is linear. It accepts exactly what the diff accepts when only
    spaces differ (joined split words, closed hyphens), so the diff runs only to explain a failure.
    Furniture is removed by its logged line number, never by matching its text elsewhere.
    """
    furniture_lines = {repair.line for repair in resolution.repairs if repair.rule is RepairRule.PAGE_FURNITURE}
    lines = [line for number, line in enumerate(_normalise(raw), start=1) if number not in furniture_lines]
    text = " ".join(" ".join(lines).split())
    for repair in resolution.repairs:
        if repair.rule is RepairRule.ERRATUM:
            text = text.replace(" ".join(repair.original.split()), repair.replacement, 1)
    return re.sub(r"\s", "", text) == _squash(model_words(resolution))


def _line_of(raw: str, words: list[str], index: int) -> int:
    """Approximate source line of the ``index``-th word, for the error message."""
    seen = 0
    for number, line in enumerate(raw.splitlines(), start=1):
        seen += len(line.split())
        if seen > index:
            return number
    return max(1, raw.count("\n"))


def check_against(resolution: Resolution, official: Resolution, *, source: str = "") -> list[Diagnostic]:
    """Errors where a text's model differs from the model of the UN's XML file of the same resolution.

    Both are compared element by element (labels, headings, words), so the error names the
    paragraph: 'paragraph 20 (c) (ii): the text reads … where the UN's file reads …'.
    """
    from .. import ids

    def shape(model: Resolution) -> list[tuple[str, str, str, str]]:
        rows = [(f"section before {s.first}", "", s.heading, "") for s in model.sections]
        rows += [(e.id, e.label, e.heading, e.text) for e in (*model.elements(), *model.annex_elements())]
        return rows

    mine, theirs = shape(resolution), shape(official)
    for ours, official_row in zip(mine, theirs):
        if ours == official_row:
            continue
        where = ours[0] if ours[0] != official_row[0] else ours[0]
        name = ids.citation_label(where) if where[:3] in ("pp-", "op-", "ann") else where
        ours_text = " ".join(part for part in ours[1:] if part)
        theirs_text = " ".join(part for part in official_row[1:] if part)
        at = next((i for i, (a, b) in enumerate(zip(ours_text, theirs_text)) if a != b), min(len(ours_text), len(theirs_text)))
        return [
            Diagnostic(
                source,
                0,
                Severity.ERROR,
                f"the text and the UN's file differ in {name} ({ours[0]} / {official_row[0]}): the text reads "
                f"{ours_text[max(0, at - 30):at + 30]!r} where the file reads {theirs_text[max(0, at - 30):at + 30]!r}",
            )
        ]
    if len(mine) != len(theirs):
        extra = mine[len(theirs)][0] if len(mine) > len(theirs) else theirs[len(mine)][0]
        return [Diagnostic(source, 0, Severity.ERROR, f"the text and the UN's file differ: {extra} is in only one of them ({len(mine)} elements against {len(theirs)})")]
    return []

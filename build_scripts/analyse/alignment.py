"""Alignment: which element of a resolution continues which element of the one it renews.

``align(before, after)`` takes two resolutions with their analyses (the predecessor first) and
returns an :class:`Alignment`: one :class:`Match` per element of either, in the successor's order,
each marked unchanged, changed, new or dropped. How it matches:

1. The preambles, then the operative parts, are aligned paragraph by paragraph, each paragraph
   taken with its sub-paragraphs. Similarity is the share of words two texts have in common in
   the same order (rapidfuzz's Indel distance on word sequences, case and punctuation aside).
   A dynamic programme keeps the order: renumbering is the rule (2364 op 20 is 2295 op 19), so
   the best set of pairs that never cross wins, and only pairs at least ``THRESHOLD`` alike count.
2. Paragraphs left over on both sides are paired when they are at least ``MOVED`` alike, most
   alike first, and marked ``moved``: a paragraph that changed places.
3. Inside each pair of paragraphs, their sub-paragraphs, items and indents are aligned the same
   way, as one flat list, so that a task moved from (c) to (d) is still found.

What it promises: every element of both resolutions is in exactly one match; ``unchanged`` means
the same words (spaces, the kind of apostrophe and the separator that ends the element aside);
each changed match carries its word-level difference, and a change of the verb that opens it
with the verbs' strengths from ``data/verbs.yml``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum

from rapidfuzz.distance import Indel

from ..model import Element, ElementKind, Resolution
from .analysis import Analysis
from .verbs import VerbUse

THRESHOLD = 0.5
"""Least similarity for two elements in order to be one element renewed."""
MOVED = 0.6
"""Least similarity for two leftover elements to be one element that changed places."""

_WORD = re.compile(r"\w+")
_TOKEN = re.compile(r"\s*(?:\w[\w’'‑-]*|[^\w\s])")
"""A word with the spaces before it, or one punctuation mark: the unit of a shown difference."""


class Status(str, Enum):
    """What became of an element from one resolution to the next."""

    UNCHANGED = "unchanged"
    CHANGED = "changed"
    NEW = "new"
    DROPPED = "dropped"


class DiffKind(str, Enum):
    """A stretch of a word-level difference."""

    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class DiffPart:
    """A stretch of text in a difference: kept, added or removed."""

    kind: DiffKind
    text: str
    """As printed, with the spaces before each word."""


@dataclass(frozen=True, slots=True)
class VerbChange:
    """The verb that opens an element, before and after, with their strengths (1–4)."""

    before: str
    after: str
    before_strength: int
    after_strength: int

    @property
    def direction(self) -> str:
        """'stronger', 'weaker' or 'as strong'."""
        if self.after_strength > self.before_strength:
            return "stronger"
        return "weaker" if self.after_strength < self.before_strength else "as strong"

    def as_dict(self) -> dict[str, object]:
        return {"before": self.before, "after": self.after, "direction": self.direction, "strengths": [self.before_strength, self.after_strength]}


@dataclass(frozen=True, slots=True)
class Match:
    """One element of the successor and the element of the predecessor it continues."""

    element_id: str
    """The successor's element; '' when dropped."""
    predecessor_id: str
    """The predecessor's element; '' when new."""
    status: Status
    similarity: float = 0.0
    """Share of words in common, in order (1.0 for the same words); 0 when new or dropped."""
    moved: bool = False
    """True when the pair was found out of order."""
    task: bool = False
    """True when the element is a task of a task list (either side's, for a dropped one)."""
    verb: VerbChange | None = None
    """The opening verb changed; None when it did not, or either has none."""
    diff: tuple[DiffPart, ...] = ()
    """Word-level difference of the element's own words, predecessor to successor (changed only)."""

    def as_dict(self) -> dict[str, object]:
        return {
            "element": self.element_id or None,
            "predecessor": self.predecessor_id or None,
            "status": self.status.value,
            "similarity": round(self.similarity, 3),
            "moved": self.moved,
            "task": self.task,
            "verb": self.verb.as_dict() if self.verb else None,
        }


@dataclass(frozen=True, slots=True)
class Alignment:
    """Every element of two consecutive resolutions, matched (see the module docstring)."""

    predecessor: int
    """Number of the earlier resolution."""
    successor: int
    """Number of the later resolution."""
    matches: tuple[Match, ...]
    """In the successor's order; a dropped element right after the match of the element before it."""
    by_element: Mapping[str, Match] = field(default_factory=dict)
    """Successor element id → its match."""
    by_predecessor: Mapping[str, Match] = field(default_factory=dict)
    """Predecessor element id → its match."""

    def counts(self) -> dict[Status, int]:
        """How many matches of each status."""
        return {status: sum(1 for m in self.matches if m.status is status) for status in Status}

    def as_dict(self) -> dict[str, object]:
        return {"predecessor": self.predecessor, "successor": self.successor, "elements": [m.as_dict() for m in self.matches]}


def words(text: str) -> list[str]:
    """The words compared: lower case, punctuation and apostrophes aside."""
    return _WORD.findall(text.lower().replace("’", "'"))


def own_text(element: Element) -> str:
    """An element's own words: its heading, then its text (its items aside)."""
    return f"{element.heading} {element.text}".strip()


def full_text(element: Element) -> str:
    """An element with everything under it."""
    return " ".join(own_text(part) for part in element.walk())


def same_words(before: str, after: str) -> bool:
    """Whether two texts say the same: spaces, apostrophes and the closing separator aside."""

    def normal(text: str) -> str:
        return " ".join(text.replace("’", "'").split()).rstrip(";,.: ")

    return normal(before) == normal(after)


def similarity(before: list[str], after: list[str]) -> float:
    """Share of words in common in the same order, 0 to 1."""
    if not before and not after:
        return 1.0
    return Indel.normalized_similarity(before, after)


def ordered_pairs(scores: list[list[float]], threshold: float = THRESHOLD) -> list[tuple[int, int]]:
    """The pairs (i, j) that never cross and whose scores above ``threshold`` add up to the most."""
    rows, columns = len(scores), len(scores[0]) if scores else 0
    best = [[0.0] * (columns + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        above, here, row = best[i - 1], best[i], scores[i - 1]
        for j in range(1, columns + 1):
            value = max(above[j], here[j - 1])
            gain = row[j - 1] - threshold
            if gain >= 0 and above[j - 1] + gain + 1e-9 > value:
                value = above[j - 1] + gain + 1e-9  # a pair, even at the threshold, beats no pair
            here[j] = value
    pairs, i, j = [], rows, columns
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def leftover_pairs(scores: list[list[float]], taken: list[tuple[int, int]], threshold: float = MOVED) -> list[tuple[int, int]]:
    """Pairs among what ``taken`` left over, most alike first, each at least ``threshold`` alike."""
    used_rows, used_columns = {i for i, _ in taken}, {j for _, j in taken}
    candidates = sorted(
        ((scores[i][j], i, j) for i in range(len(scores)) if i not in used_rows for j in range(len(scores[i])) if j not in used_columns and scores[i][j] >= threshold),
        reverse=True,
    )
    pairs = []
    for _, i, j in candidates:
        if i not in used_rows and j not in used_columns:
            pairs.append((i, j))
            used_rows.add(i)
            used_columns.add(j)
    return pairs


def match_lists(before: list[str], after: list[str]) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[list[float]]]:
    """(pairs in order, pairs moved, scores) for two lists of texts."""
    before_words, after_words = [words(text) for text in before], [words(text) for text in after]
    scores = [[similarity(b, a) for a in after_words] for b in before_words]
    in_order = ordered_pairs(scores)
    return in_order, leftover_pairs(scores, in_order), scores


SHORT_RUN = 2
"""Words kept between two changes that are shown inside the change: "[−2227 (2015)][+2359 (2017)]"
reads better than "[−2227][+2359] ([−2015][+2017])"."""


def word_diff(before: str, after: str) -> tuple[DiffPart, ...]:
    """The words removed from ``before`` and added in ``after``, between the words both keep.

    Runs of at most ``SHORT_RUN`` kept words between two changes join the change on both sides.
    """
    old, new = _TOKEN.findall(" " + before), _TOKEN.findall(" " + after)  # every word after a space, the first too
    runs: list[tuple[bool, list[str], list[str]]] = []  # (kept, words before, words after)
    for opcode in Indel.opcodes([t.strip() for t in old], [t.strip() for t in new]):
        kept = opcode.tag == "equal"
        removed, added = old[opcode.src_start : opcode.src_end], new[opcode.dest_start : opcode.dest_end]
        if runs and not kept and not runs[-1][0]:
            runs[-1][1].extend(removed)
            runs[-1][2].extend(added)
        else:
            runs.append((kept, list(removed), list(added)))
    merged: list[tuple[bool, list[str], list[str]]] = []
    for index, (kept, removed, added) in enumerate(runs):
        between = 0 < index < len(runs) - 1 and not runs[index - 1][0] and not runs[index + 1][0]
        if kept and between and len(added) <= SHORT_RUN:
            merged[-1][1].extend(removed)
            merged[-1][2].extend(added)
        elif merged and not kept and not merged[-1][0]:
            merged[-1][1].extend(removed)
            merged[-1][2].extend(added)
        else:
            merged.append((kept, list(removed), list(added)))
    for index in range(1, len(merged) - 1):  # '[−2227 (2015][+2359 (2017]) and' → '[−2227 (2015)][+2359 (2017)] and'
        kept, removed, added = merged[index]
        following = merged[index + 1]
        while not kept and following[0] and following[2] and following[2][0].strip() == ")" and all(_open(side) for side in (removed, added) if side):
            removed.append(following[1].pop(0))
            added.append(following[2].pop(0))
    parts: list[DiffPart] = []
    for index, (kept, removed, added) in enumerate(merged):
        if kept and not added:
            continue
        if kept:
            parts.append(DiffPart(DiffKind.SAME, "".join(added)))
            continue
        # The space before a change stays outside it: "particular [−2227 (2015)][+2359 (2017)]".
        old_text, new_text = "".join(removed), "".join(added)
        sides = [text for text in (old_text, new_text) if text]
        spaces = {text[: len(text) - len(text.lstrip())] for text in sides}
        between_words = index + 1 == len(merged) or "".join(merged[index + 1][2])[:1].isspace()
        space = spaces.pop() if len(spaces) == 1 and (len(sides) == 2 or between_words) else ""  # a space both sides open with
        if space:
            parts.append(DiffPart(DiffKind.SAME, space))
        if old_text:
            parts.append(DiffPart(DiffKind.REMOVED, old_text[len(space) :]))
        if new_text:
            parts.append(DiffPart(DiffKind.ADDED, new_text[len(space) :]))
    if parts:
        parts[0] = DiffPart(parts[0].kind, parts[0].text.lstrip())
    return tuple(part for part in parts if part.text)


def _open(tokens: list[str]) -> bool:
    """Whether a stretch opens more brackets than it closes."""
    return sum(t.strip() == "(" for t in tokens) > sum(t.strip() == ")" for t in tokens)


def opening_verb(analysis: Analysis, element: Element) -> VerbUse | None:
    """The verb an element opens with: a paragraph's from the analysis, an item's when it starts with one."""
    if element.id in analysis.opening_verbs:
        return analysis.opening_verbs[element.id]
    annotations = analysis.by_element.get(element.id)
    found = annotations.verbs if annotations else ()
    return found[0] if found and found[0].start <= 1 else None


def verb_change(before: VerbUse | None, after: VerbUse | None) -> VerbChange | None:
    if before is None or after is None or before.lemma == after.lemma:
        return None
    return VerbChange(before.lemma, after.lemma, before.strength, after.strength)


class _Aligner:
    """One pair of resolutions being aligned: the matches found so far."""

    def __init__(self, before: tuple[Resolution, Analysis], after: tuple[Resolution, Analysis]) -> None:
        self.before, self.after = before, after
        self.tasks = {t.element_id for _, a in (before, after) for task_list in a.mandate.task_lists for t in task_list.tasks}
        self.found: dict[str, Match] = {}
        """Successor element id → match."""
        self.paired: dict[str, str] = {}
        """Predecessor element id → successor element id."""

    def pair(self, old: Element, new: Element, score: float, moved: bool) -> None:
        before_text, after_text = own_text(old), own_text(new)
        unchanged = same_words(before_text, after_text)
        change = verb_change(opening_verb(self.before[1], old), opening_verb(self.after[1], new))
        self.found[new.id] = Match(
            new.id,
            old.id,
            Status.UNCHANGED if unchanged else Status.CHANGED,
            1.0 if unchanged else score,
            moved,
            new.id in self.tasks,
            change,
            () if unchanged else word_diff(before_text, after_text),
        )
        self.paired[old.id] = new.id

    def align(self, old: list[Element], new: list[Element], text) -> list[tuple[Element, Element]]:
        in_order, moved, scores = match_lists([text(e) for e in old], [text(e) for e in new])
        for group, was_moved in ((in_order, False), (moved, True)):
            for i, j in group:
                self.pair(old[i], new[j], scores[i][j], was_moved)
        return [(old[i], new[j]) for i, j in in_order + moved]

    def run(self) -> Alignment:
        old, new = self.before[0], self.after[0]
        paragraphs = self.align(list(old.preamble), list(new.preamble), full_text)
        paragraphs += self.align(list(old.operative), list(new.operative), full_text)
        for old_paragraph, new_paragraph in paragraphs:
            self.align(old_paragraph.walk()[1:], new_paragraph.walk()[1:], own_text)
        return self.assemble()

    def assemble(self) -> Alignment:
        """Matches in the successor's order, each dropped element after the match of the one before it."""
        old, new = self.before[0], self.after[0]
        order = {element.id: index for index, element in enumerate(new.elements())}
        keyed: list[tuple[tuple[int, int, int], Match]] = []
        for element in new.elements():
            match = self.found.get(element.id) or Match(element.id, "", Status.NEW, task=element.id in self.tasks)
            keyed.append(((order[element.id], 0, 0), match))
        anchor, preamble_end = -1, sum(len(p.walk()) for p in new.preamble) - 1
        for index, element in enumerate(old.elements()):
            if element.id in self.paired:
                anchor = order[self.paired[element.id]]
                continue
            if element.kind is not ElementKind.PREAMBULAR and anchor < preamble_end:
                anchor = preamble_end  # a dropped operative paragraph never lands in the preamble
            keyed.append(((anchor, 1, index), Match("", element.id, Status.DROPPED, task=element.id in self.tasks)))
        matches = tuple(match for _, match in sorted(keyed, key=lambda pair: pair[0]))
        return Alignment(
            old.metadata.number,
            new.metadata.number,
            matches,
            {m.element_id: m for m in matches if m.element_id},
            {m.predecessor_id: m for m in matches if m.predecessor_id},
        )


def align(before: tuple[Resolution, Analysis], after: tuple[Resolution, Analysis]) -> Alignment:
    """Every element of ``after`` matched to the element of ``before`` it continues (see the module docstring)."""
    return _Aligner(before, after).run()

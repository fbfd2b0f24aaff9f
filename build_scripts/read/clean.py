"""Stage 1: repair the damage of PDF extraction, log every change, lose nothing.

``clean_text`` returns lines that promise:

- only characters a resolution can hold: C0 and C1 controls, DEL, non-characters and bidi
  controls are refused as ``FILE:LINE:COL: error`` (see :func:`characters`, the one policy,
  applied before anything else); tabs, form feeds, non-breaking and other spaces become plain
  spaces and zero-width characters and soft hyphens are dropped, each kind logged as a
  :class:`Normalisation` with its count and first place;
- no page furniture: job numbers (``17-10886``), page numbers (``4/14``) and running heads
  (``S/RES/2364 (2017)``) standing on their own line are gone;
- every reviewed erratum applied exactly once (an erratum that matches nowhere, or more than once,
  is an error: a stale erratum must never pass silently);
- no compound broken at a hyphen across lines, no space before a hyphen inside a compound;
- no word split by a stray space, judged with an English word list and the document's own words
  (``in situ`` stays two words, ``the ir`` becomes ``their``);
- plain spaces only (no tabs, no non-breaking spaces), typographic apostrophes and quotes,
  no trailing spaces, blank lines dropped, each line keeping its source line number;
- every change recorded as a :class:`Repair` with its line and rule;
- time linear in the length of the text: no pattern backtracks over a word more than once.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..model import Diagnostic, Erratum, Repair, RepairRule, Severity


@dataclass(frozen=True, slots=True)
class Line:
    """A line of cleaned text and where it stands in the source file."""

    number: int
    """1-based line number in the source file."""
    text: str
    """The cleaned text, never empty."""


@dataclass(frozen=True, slots=True)
class Normalisation:
    """One kind of invisible or spacing character the cleaner replaced: how often, and where first."""

    character: str
    """The character as found, e.g. '\\u00a0'."""
    replacement: str
    """What it became: ' ' or ''."""
    count: int
    """How many times it occurs in the file."""
    line: int
    """1-based line of its first occurrence."""
    column: int
    """1-based column of its first occurrence."""

    def __str__(self) -> str:
        name = unicodedata.name(self.character, f"U+{ord(self.character):04X}")
        became = "a space" if self.replacement == " " else "nothing"
        return f"{self.count} × U+{ord(self.character):04X} {name} became {became} (first at {self.line}:{self.column})"


@dataclass(frozen=True, slots=True)
class CleanText:
    """What the cleaner returns: lines to parse and the log of what changed."""

    lines: tuple[Line, ...]
    repairs: tuple[Repair, ...]
    normalised: tuple[Normalisation, ...] = ()
    """Spaces and invisible characters replaced before anything else, one entry per character."""


def _noncharacters() -> str:
    planes = "".join(rf"\U{plane:04X}FFFE\U{plane:04X}FFFF" for plane in range(1, 17))
    return r"\uFDD0-\uFDEF\uFFFE\uFFFF" + planes


REFUSED = re.compile(
    "["
    r"\x00-\x08\x0b\x0e-\x1f"   # C0 controls, apart from tab, line feed, form feed and carriage return
    r"\x7f"                        # DEL
    r"\x80-\x9f"                  # C1 controls (a Windows-1252 quote or dash decoded as Latin-1 lands here)
    r"\u202a-\u202e\u2066-\u2069"  # bidi embeddings, overrides and isolates (the marks U+200E, U+200F stay: UN files use them)
    + _noncharacters()              # non-characters: U+FDD0 to U+FDEF and the last two of every plane
    + "]"
)
"""Characters no resolution holds: refused with their line and column, never guessed at."""

SPACE_LIKE = "\t\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
"""Tab, form feed (a page break in pdftotext's output), non-breaking, thin and other spaces, line and paragraph separators."""
INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"
"""Soft hyphen, zero-width spaces and joiners, word joiner, and a byte-order mark inside the text."""
_TRANSLATION = {**{ord(c): " " for c in SPACE_LIKE}, **{ord(c): None for c in INVISIBLE}}
_TRANSLATION_CHARACTERS = SPACE_LIKE + INVISIBLE
_REFUSED_SHOWN = 20
"""Refused characters reported one by one; past this, one line says how many more."""


def characters(raw: str, *, source: str = "") -> tuple[str, tuple[Normalisation, ...], list[Diagnostic]]:
    """The one character policy, applied before any other cleaning.

    Refused characters (:data:`REFUSED`) are errors at ``FILE:LINE:COL`` (the first 20, then a count)
    and are dropped from the returned text so that later stages see text only; spaces and invisible
    characters (:data:`SPACE_LIKE`, :data:`INVISIBLE`) are replaced, each kind logged once with its count.
    Linear in the length of ``raw``.
    """
    starts = [0] + [match.end() for match in re.finditer("\n", raw)]

    def place(offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    diagnostics: list[Diagnostic] = []
    refused = 0
    for match in REFUSED.finditer(raw):  # refused characters are rare: an error is the expected outcome
        refused += 1
        if refused <= _REFUSED_SHOWN:
            line, column = place(match.start())
            diagnostics.append(Diagnostic(source, line, Severity.ERROR, _refusal(match.group()), column))
    if refused > _REFUSED_SHOWN:
        diagnostics.append(Diagnostic(source, 0, Severity.ERROR, f"{refused - _REFUSED_SHOWN} more characters refused as above"))
    # One scan per kind of character (a few dozen), at the speed of str.find, not one Python step per character.
    found = sorted((offset, character) for character in _TRANSLATION_CHARACTERS if (offset := raw.find(character)) >= 0)
    normalised = tuple(Normalisation(character, _TRANSLATION[ord(character)] or "", raw.count(character), *place(offset)) for offset, character in found)
    text = REFUSED.sub("", raw).translate(_TRANSLATION) if refused else raw.translate(_TRANSLATION)
    return text, normalised, diagnostics


def _refusal(character: str) -> str:
    code = f"U+{ord(character):04X}"
    name = unicodedata.name(character, "")
    if "\x80" <= character <= "\x9f":
        guess = bytes([ord(character)]).decode("cp1252", errors="replace")
        hint = f" (Windows-1252 {guess!r} read as Latin-1?)" if guess != "\ufffd" else ""
        return f"C1 control character {code}{hint} is not text: re-extract the text or re-save it as UTF-8"
    if character == "\x7f" or character < "\x20":
        return f"control character {code} is not text: remove it or re-extract the text"
    if unicodedata.category(character) == "Cf":
        return f"bidirectional control {code} {name} is not allowed in a resolution: it can make text display other than it reads"
    return f"non-character {code} is not text: remove it or re-extract the text"


FURNITURE = re.compile(
    r"""^\s*(?:
        \d{2}-\d{5}(?:\s*\(E\))?          # job number of the document, e.g. 17-10886
      | \d{1,3}/\d{1,3}                   # page number, e.g. 4/14
      | S/RES/\d+\s*\(\d{4}\)             # running head, e.g. S/RES/2364 (2017)
    )\s*$""",
    re.X,
)

# Both hyphen patterns start only where a word starts (the look-behind): a pattern free to start
# at every letter of a long word would re-scan the rest of the word from each one, in time quadratic
# in its length (a 40,000-letter word took 15 s).
SPACED_HYPHEN = re.compile(
    r"""(?<![^\W\d_])           # at the start of a word, never inside one
        (?P<left>[^\W\d_]+)   # the first part of the compound, letters only
        \x20-                 # a stray space before the hyphen
        (?P<right>[^\W\d_]+)  # the second part, starting right after the hyphen
    """,
    re.X,
)

LINE_END_HYPHEN = re.compile(
    r"""(?<![^\W\d_])              # at the start of a word, never inside one
        (?P<left>[^\W\d_]{2,})-$   # a line ending in a word and a hyphen, e.g. 'long-'
    """,
    re.X,
)

# A word for the split-word test: letters and apostrophes, with any punctuation around it kept apart.
WORD_TOKEN = re.compile(
    r"""^(?P<before>[(“"‘']*)        # opening brackets or quotes
        (?P<word>[^\W\d_][^\W\d_’']*) # the letters
        (?P<after>[,;:.)”"’']*)$      # closing punctuation
    """,
    re.X,
)

# After a suspended hyphen ('troop- and police-contributing') the next word is a conjunction.
SUSPENDED_HYPHEN_FOLLOWERS = {"and", "or", "to", "nor"}

COMMON_WORD_FREQUENCY = 10_000
"""A half at least this frequent is a word in its own right ('in', 'security'): never joined."""
FRAGMENT_FREQUENCY = 1_000
"""Below this a half is a fragment ('ir', 'ranso'); then an English word list alone may join it."""
KNOWN_WORD_FREQUENCY = 100
"""A join at least this frequent in English is a real word ('ransoms')."""


@cache
def _english() -> object:
    from spellchecker import SpellChecker

    return SpellChecker(distance=1).word_frequency


def _frequency(word: str) -> int:
    return _english()[word.lower()]  # type: ignore[index]


def typography(text: str) -> str:
    """Straight apostrophes and quotes into the typographic forms the official texts use."""
    text = re.sub(r"(?<=\w)'(?=\w)", "’", text)
    text = re.sub(r'"(?=\w)', "“", text)
    return text.replace('"', "”")


def _normalise(raw: str, characters_done: bool = False) -> list[str]:
    """Characters, line endings, spaces and quotes: changes of encoding, not of words."""
    text = raw if characters_done else characters(raw)[0]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = typography(text)
    return [line.rstrip() for line in text.split("\n")]


def clean_text(raw: str, errata: tuple[Erratum, ...] = (), *, source: str = "", errata_source: str = "") -> tuple[CleanText, list[Diagnostic]]:
    """Repair extraction damage in ``raw``; see the module docstring for what the output promises."""
    text, normalised, refused = characters(raw, source=source)
    lines = _normalise(text, characters_done=True)
    repairs: list[Repair] = []
    lines = _remove_furniture(lines, repairs)
    lines, diagnostics = _apply_errata(lines, errata, repairs, errata_source or source)
    diagnostics = refused + diagnostics
    lines = _join_line_end_hyphens(lines, repairs)
    vocabulary = _vocabulary(lines)
    cleaned = []
    for index, line in enumerate(lines):
        line = _close_spaced_hyphens(line, index + 1, repairs)
        line = _join_split_words(line, index + 1, vocabulary, repairs)
        if line.strip():
            cleaned.append(Line(index + 1, line.strip()))
    repairs.sort(key=lambda repair: repair.line)
    return CleanText(tuple(cleaned), tuple(repairs), normalised), diagnostics


def _remove_furniture(lines: list[str], repairs: list[Repair]) -> list[str]:
    kept = []
    for number, line in enumerate(lines, start=1):
        if FURNITURE.match(line):
            repairs.append(Repair(number, line.strip(), "", RepairRule.PAGE_FURNITURE))
            kept.append("")
        else:
            kept.append(line)
    return kept


def _apply_errata(lines: list[str], errata: tuple[Erratum, ...], repairs: list[Repair], errata_source: str) -> tuple[list[str], list[Diagnostic]]:
    """Apply each erratum once, keeping every later line on its source line number."""
    text = "\n".join(lines)
    diagnostics = []
    for erratum in errata:
        pattern = re.compile(r"\s+".join(re.escape(word) for word in erratum.original.split()))
        matches = list(pattern.finditer(text))
        if len(matches) != 1:
            found = "is not found in the text" if not matches else f"matches {len(matches)} places"
            diagnostics.append(
                Diagnostic(errata_source, erratum.line, Severity.ERROR, f"erratum original {erratum.original!r} {found}; a stale erratum must be fixed or removed")
            )
            continue
        match = matches[0]
        breaks = match.group().count("\n") - erratum.correction.count("\n")
        # The line breaks the original spanned are kept so later lines keep their numbers, but after
        # the word the match ends in ('Mali,' stays whole when 'Secretary General for Mali' was
        # wrapped over two lines), never between a word and its punctuation.
        rest = text[match.end() :]
        attached = re.match(r"[^\s]*", rest).group()  # type: ignore[union-attr]
        text = text[: match.start()] + erratum.correction + attached + "\n" * max(breaks, 0) + rest[len(attached) :]
        line = text.count("\n", 0, match.start()) + 1
        repairs.append(Repair(line, match.group(), erratum.correction, RepairRule.ERRATUM, erratum.reason, erratum.restored))
    return text.split("\n"), diagnostics


def _join_line_end_hyphens(lines: list[str], repairs: list[Repair]) -> list[str]:
    """'long-' + 'term exit' → 'long-term' + 'exit'; a suspended 'troop-' + 'and' stays."""
    lines = list(lines)
    following = len(lines)
    upcoming = [len(lines)] * len(lines)
    for index in range(len(lines) - 1, -1, -1):
        # The next non-blank line after each line, found in one pass (blank lines can be many).
        upcoming[index] = following
        if lines[index].strip():
            following = index
    for index, line in enumerate(lines):
        match = LINE_END_HYPHEN.search(line) if line.endswith("-") else None
        following = upcoming[index]
        if not match or following >= len(lines):
            continue
        rest = lines[following].strip()
        first, _, remainder = rest.partition(" ")
        if not first[:1].islower() or first.rstrip(",;:.").lower() in SUSPENDED_HYPHEN_FOLLOWERS:
            continue
        lines[index] = line + first
        lines[following] = remainder
        repairs.append(Repair(index + 1, f"{match.group()}\n{first}", match.group() + first, RepairRule.LINE_HYPHEN))
    return lines


def _close_spaced_hyphens(line: str, number: int, repairs: list[Repair]) -> str:
    def close(match: re.Match[str]) -> str:
        joined = f"{match['left']}-{match['right']}"
        repairs.append(Repair(number, match.group(), joined, RepairRule.SPACED_HYPHEN))
        return joined

    return SPACED_HYPHEN.sub(close, line)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The document's own words: which it spells, how often each stands alone, how often each pair occurs."""

    words: frozenset[str]
    """Every word, lower-cased."""
    counts: dict[str, int]
    """How often each exact token (as printed) stands alone."""
    pairs: dict[tuple[str, str], int]
    """How often each two printed words follow each other on a line."""

    def __contains__(self, word: str) -> bool:
        return word in self.words

    def alone_beside_a_common_word(self, left: str, right: str, frequency) -> bool:
        """One half is used on its own elsewhere and the other is a common word: 'Yemen is', 'to Mali'."""
        together = self.pairs.get((left, right), 0)
        if min(len(left), len(right)) < 2:
            return False  # a letter alone ('t o', 'M ali') is a fragment, not a word
        return (self.counts.get(left, 0) > together and frequency(right) >= COMMON_WORD_FREQUENCY) or (
            self.counts.get(right, 0) > together and frequency(left) >= COMMON_WORD_FREQUENCY
        )

    def stands_alone_elsewhere(self, left: str, right: str) -> bool:
        """True when both halves occur somewhere outside this pair: 'Iraq is', 'counter terrorism', not 'the ir'."""
        together = self.pairs.get((left, right), 0)
        if min(len(left), len(right)) < 2:
            return False
        return self.counts.get(left, 0) > together and self.counts.get(right, 0) > together


def _vocabulary(lines: list[str]) -> Vocabulary:
    """Every word the document itself spells, with counts of tokens and of pairs."""
    words: set[str] = set()
    counts: dict[str, int] = {}
    pairs: dict[tuple[str, str], int] = {}
    for line in lines:
        previous = None
        for token in line.split():
            match = WORD_TOKEN.match(token)
            word = match["word"] if match else None
            if word:
                words.add(word.lower())
                counts[word] = counts.get(word, 0) + 1
                if previous and not match["before"]:
                    pairs[(previous, word)] = pairs.get((previous, word), 0) + 1
            previous = word if match and not match["after"] else None
    return Vocabulary(frozenset(words), counts, pairs)


def _join_split_words(line: str, number: int, vocabulary: Vocabulary, repairs: list[Repair]) -> str:
    """Join 'the ir' → 'their' where the halves are fragments and the whole is a word.

    A pair is joined when the whole is a word the document spells whole elsewhere and one half is
    not a common word ('se cure'), or when the whole is an English word and one half is a mere
    fragment ('ranso ms'). So 'in situ', 'a new', 'in security' and 'per cent' stay apart.
    Where candidates overlap ('a c omplex'), the more frequent whole wins.
    """
    tokens = line.split(" ")
    candidates = []
    for index in range(len(tokens) - 1):
        left, right = WORD_TOKEN.match(tokens[index]), WORD_TOKEN.match(tokens[index + 1])
        if not left or not right or left["after"] or right["before"]:
            continue
        whole = left["word"] + right["word"]
        if any(len(half) > 1 and half.isupper() for half in (left["word"], right["word"])):
            continue
        if vocabulary.stands_alone_elsewhere(left["word"], right["word"]) or right["word"][:1].isupper():
            continue  # 'Iraq is' used apart elsewhere; 'Inter Continental': a split never capitalises its second half
        if vocabulary.alone_beside_a_common_word(left["word"], right["word"], _frequency):
            continue  # 'Yemen is' where the text has 'is' only once
        capitalised = left["word"][:1].isupper() and len(left["word"]) > 1 and right["word"].islower()
        if capitalised and whole.lower() not in vocabulary:
            continue
        commonest_half = min(_frequency(left["word"]), _frequency(right["word"]))
        in_document = whole.lower() in vocabulary and commonest_half < COMMON_WORD_FREQUENCY
        in_english = _frequency(whole) >= KNOWN_WORD_FREQUENCY and commonest_half < FRAGMENT_FREQUENCY
        if not (in_document or in_english):
            continue
        candidates.append((-_frequency(whole), index))
    taken: set[int] = set()
    joins = []
    for _, index in sorted(candidates):
        if index in taken or index + 1 in taken:
            continue
        taken.update((index, index + 1))
        joins.append(index)
    for index in sorted(joins, reverse=True):
        original = f"{tokens[index]} {tokens[index + 1]}"
        tokens[index : index + 2] = [tokens[index] + tokens[index + 1]]
        repairs.append(Repair(number, original, tokens[index], RepairRule.SPLIT_WORD))
    return " ".join(tokens)

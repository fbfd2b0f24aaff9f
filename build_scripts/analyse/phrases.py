"""Finding known phrases in a text whatever its case, accents, hyphens and spelling.

``tokens(text)`` cuts a text into :class:`Token` values; ``PhraseIndex`` holds phrases (the forms
of actors) and ``PhraseIndex.find`` returns, at every token where one starts, the longest one.

What the tokens guarantee:

- a token is a run of letters and digits, or one of ``, ; : .``, with its ``(start, end)`` span on
  the text; every other mark (hyphens, apostrophes, brackets, slashes, quotes) and every run of
  spaces only separates tokens, so "Secretary General" and "Secretary-General", "Côte d’Ivoire"
  and "Cote d'Ivoire" give the same tokens;
- ``key`` is the token in lower case without accents, with one spelling for words spelt two ways
  ("organisations" → "organizations"); ``cased`` keeps the capitals, for forms that are matched
  only as printed ("Chad", "the Mission");
- a compound written with a hyphen or as one word ("peace-building", "peacebuilding") is one token.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

_TOKEN = re.compile(r"\w+|[,;:.]")
_HYPHENS = "-\u2010\u2011"
Value = TypeVar("Value")


@dataclass(frozen=True, slots=True)
class Token:
    """One word or clause mark of a text."""

    key: str
    """Lower case, no accents, one spelling: what phrases are looked up by."""
    cased: str
    """No accents, capitals as printed: what exact forms are compared with."""
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Spelling:
    """Words written more than one way: each maps to the form the data is written in."""

    words: Mapping[str, str] = field(default_factory=dict)
    """'organisations' → 'organizations' (one word to one word)."""
    compounds: frozenset[str] = frozenset()
    """Words also written with a hyphen, as one word: 'peacebuilding' for 'peace-building'."""


def _plain(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def tokens(text: str, spelling: Spelling = Spelling()) -> list[Token]:
    """The tokens of ``text`` (see the module docstring)."""
    found: list[Token] = []
    for match in _TOKEN.finditer(text):
        cased = _plain(match.group())
        previous = found[-1] if found else None
        if (
            previous is not None
            and text[previous.end : match.start()] in tuple(_HYPHENS)
            and (previous.key + cased.lower()) in spelling.compounds
        ):
            joined = previous.cased + cased
            found[-1] = Token(joined.lower(), joined, previous.start, match.end())
            continue
        key = cased.lower()
        found.append(Token(spelling.words.get(key, key), cased, match.start(), match.end()))
    return found


@dataclass(frozen=True, slots=True)
class Match(Generic[Value]):
    """A phrase of the index found at ``text[start:end]``, tokens ``first`` to ``last`` inclusive."""

    value: Value
    start: int
    end: int
    first: int
    last: int


@dataclass(slots=True)
class PhraseIndex(Generic[Value]):
    """Phrases by their token keys, each with a value; exact phrases also keep their capitals."""

    spelling: Spelling = field(default_factory=Spelling)
    _phrases: dict[tuple[str, ...], list[tuple[tuple[str, ...] | None, Value]]] = field(default_factory=dict)
    _longest: dict[str, int] = field(default_factory=dict)
    """Longest phrase, in tokens, by first token: how far to look from each token."""

    def add(self, phrase: str, value: Value, exact: bool = False) -> None:
        """Add a phrase; with ``exact`` it matches only with its capitals as written."""
        found = tokens(phrase, self.spelling)
        if not found:
            return
        keys = tuple(t.key for t in found)
        self._phrases.setdefault(keys, []).append((tuple(t.cased for t in found) if exact else None, value))
        self._longest[keys[0]] = max(self._longest.get(keys[0], 0), len(keys))

    def update(self, phrases: Iterable[tuple[str, Value, bool]]) -> None:
        for phrase, value, exact in phrases:
            self.add(phrase, value, exact)

    def find(self, found: list[Token]) -> list[Match[Value]]:
        """At each token, the longest phrase starting there (its first value when several share it)."""
        matches: list[Match[Value]] = []
        for first, token in enumerate(found):
            longest = self._longest.get(token.key, 0)
            for length in range(min(longest, len(found) - first), 0, -1):
                candidates = self._phrases.get(tuple(t.key for t in found[first : first + length]))
                if not candidates:
                    continue
                cased = tuple(t.cased for t in found[first : first + length])
                values = [value for exact, value in candidates if exact is None or exact == cased]
                if values:
                    last = first + length - 1
                    matches.append(Match(values[0], token.start, found[last].end, first, last))
                    break
        return matches


def slug(phrase: str) -> str:
    """A URL slug: lower case, accents dropped, anything not a letter or digit a hyphen."""
    return re.sub(r"[^a-z0-9]+", "-", _plain(phrase).lower()).strip("-")

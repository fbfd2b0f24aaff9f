"""Operative verbs: the lexicon in ``data/verbs.yml`` and every verb an operative paragraph uses.

A paragraph opens with a capitalised verb ("Calls upon") and may carry more in lower case after
a comma, a semicolon or "and" ("…, welcomes …, encourages …, and urges …"). Each one found is a
:class:`VerbUse` with its span, lemma and strength (1–4, documented in the YAML file).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..data_files import DATA, missing_keys, read_entries
from ..model import Diagnostic, Severity

VERBS_FILE = DATA / "verbs.yml"


@dataclass(frozen=True, slots=True)
class Verb:
    """One entry of the lexicon."""

    words: str
    """The words as printed, lower case: 'calls upon'."""
    lemma: str
    """The verb reported: usually ``words``; 'calls upon' for the elliptical 'upon'."""
    strength: int
    """1 (states a view) to 4 (decides, demands, authorizes)."""
    addresses: bool
    """Whether the actor after the verb is being asked or authorized."""
    elliptical: bool
    """True for a verb recalled only by its preposition, matched only right after 'and'."""
    line: int
    """Line of the entry in the YAML file."""


@dataclass(frozen=True, slots=True)
class VerbUse:
    """An operative verb at ``text[start:end]`` (the span includes a modifier such as 'further')."""

    lemma: str
    """The verb without modifier: 'requests' for 'Further requests'."""
    strength: int
    """1–4, from the lexicon."""
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The loaded verbs, the modifiers that may precede them and the openings of asides."""

    verbs: tuple[Verb, ...]
    modifiers: tuple[str, ...]
    """'further', 'also', …"""
    asides: tuple[str, ...]
    """'with the assistance of', …: a parenthetical that names a helper, not an addressee."""
    pattern: re.Pattern[str]
    """Built by :func:`verb_pattern` from the verbs and modifiers."""

    def verb(self, words: str) -> Verb:
        """The entry for these printed words (any case); KeyError when there is none."""
        for verb in self.verbs:
            if verb.words == words.lower():
                return verb
        raise KeyError(words)

    def by_lemma(self, lemma: str) -> Verb:
        """The entry reported under this lemma (the non-elliptical one when there are two)."""
        return min((v for v in self.verbs if v.lemma == lemma), key=lambda v: v.elliptical)

    def find(self, text: str) -> tuple[VerbUse, ...]:
        """Every operative verb in a paragraph's text, in order."""
        found: list[VerbUse] = []
        for match in self.pattern.finditer(text):
            words = re.sub(r"\s+", " ", match["verb"]).lower()
            verb = self.verb(words)
            opening = match.start() == 0
            first = match.group(0).lstrip()[0]
            if opening != first.isupper():
                continue  # a verb opens a paragraph capitalised and is lower case elsewhere
            if verb.elliptical and match["after_and"] is None:
                continue
            start = match.start("modifier") if match["modifier"] else match.start("verb")
            found.append(VerbUse(verb.lemma, verb.strength, start, match.end("verb")))
        return tuple(found)


def verb_pattern(verbs: tuple[Verb, ...], modifiers: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for any verb of the lexicon at a clause boundary, longest words first."""
    words = sorted((v.words for v in verbs), key=len, reverse=True)
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    adverbs = "|".join(map(re.escape, modifiers)) or "(?!)"
    return re.compile(
        rf"""
        (?: ^                              # the paragraph's opening words
          | (?<=[,;])\s+                   # after a comma or a semicolon
          | (?P<after_and>(?<=\band)\s+)   # after 'and' (also the only place for an elliptical verb)
        )
        (?P<modifier>(?:{adverbs})\s+)?    # 'further', 'also', … (not part of the lemma)
        (?P<verb>{alternatives})           # the verb itself, longest form first
        (?!\w)
        """,
        re.IGNORECASE | re.VERBOSE,
    )


def load_lexicon(path: Path = VERBS_FILE) -> tuple[Lexicon | None, list[Diagnostic]]:
    """The verb lexicon in ``path``, or None with every problem found (file, line and key)."""
    entries, problems = read_entries(path, "verbs")
    verbs: list[Verb] = []
    for line, values, lines in entries:
        missing = missing_keys(path, line, values, ("verb", "strength"), "verb")
        if "addresses" not in values:
            missing.append(Diagnostic(str(path), line, Severity.ERROR, f"verb '{values.get('verb', '?')}' is missing key 'addresses'"))
        strength = values.get("strength")
        if strength is not None and strength not in (1, 2, 3, 4):
            missing.append(Diagnostic(str(path), lines["strength"], Severity.ERROR, f"verb '{values.get('verb')}' has strength {strength!r}; expected 1, 2, 3 or 4"))
        if missing:
            problems += missing
            continue
        words = str(values["verb"]).lower()
        verbs.append(
            Verb(
                words=words,
                lemma=str(values.get("lemma") or words),
                strength=int(str(values["strength"])),
                addresses=bool(values["addresses"]),
                elliptical=bool(values.get("elliptical", False)),
                line=line,
            )
        )
    if not verbs and not problems:
        problems.append(Diagnostic(str(path), 0, Severity.ERROR, "no 'verbs' list in the file"))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    root = yaml.safe_load(path.read_text(encoding="utf-8"))  # the two plain lists below need no lines
    modifiers = tuple(str(m) for m in root.get("modifiers") or ())
    asides = tuple(str(a) for a in root.get("asides") or ())
    return Lexicon(tuple(verbs), modifiers, asides, verb_pattern(tuple(verbs), modifiers)), problems

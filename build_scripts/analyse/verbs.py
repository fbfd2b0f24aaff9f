"""Operative verbs: the lexicon in ``data/verbs.yml`` and every verb an operative paragraph uses.

A paragraph opens with a capitalised verb ("Calls upon") and may carry more in lower case after
a comma, a semicolon or "and" ("…, welcomes …, encourages …, and urges …"). Each one found is a
:class:`VerbUse` with its span, lemma and strength (1–4, documented in the YAML file).

What ``Lexicon.find`` promises:

- ``text[start:end]`` is the verb as printed, with its modifiers ("Further strongly condemns");
- an entry written with -ize also matches -ise ("Authorises", "Emphasises");
- the closing formula ("Decides to remain seized of the matter") is found as itself, never as
  "decides", and its lexicon entry says ``closing``.

``Lexicon.opening`` gives the verb that opens a paragraph, also after an introduction ("In this
context demands …") or an opening clause ("Acting under Chapter VII …, decides …"); a paragraph
whose opening verb is not in the lexicon is what ``unknown_opening`` names, for a warning.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..data_files import DATA, missing_keys, read_entries
from ..model import Diagnostic, Element, Severity

VERBS_FILE = DATA / "verbs.yml"

_OPENING_WORD = re.compile(
    r"""
    ^ \W* (?P<word>[A-Z][\w’'-]*)     # the first word, capitalised: 'Reminds', 'Re-emphasizes'
    """,
    re.VERBOSE,
)


def spelling_key(words: str) -> str:
    """The words in one spelling: lower case, single spaces, -ise as -ize ('Authorises' → 'authorizes')."""
    return re.sub(r"(?<=i)s(?=e)", "z", " ".join(words.lower().split()))


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
    closing: bool = False
    """True for the closing formula ('decides to remain seized'): procedural, never a decision."""
    opening: bool = False
    """True for words that are a verb only where they open a paragraph ('States that …')."""


@dataclass(frozen=True, slots=True)
class VerbUse:
    """An operative verb at ``text[start:end]`` (the span includes a modifier such as 'further')."""

    lemma: str
    """The verb without modifier: 'requests' for 'Further requests'."""
    strength: int
    """1–4, from the lexicon."""
    start: int
    end: int
    closing: bool = False
    """True for the closing formula."""


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
    introductions: tuple[str, ...] = ()
    """'in this context', …: words that may open a paragraph before its verb."""
    by_words: Mapping[str, Verb] = field(default_factory=dict)
    """Each entry by its words in :func:`spelling_key` form."""
    lemmas: Mapping[str, Verb] = field(default_factory=dict)
    """The entry reported under each lemma (the non-elliptical one when there are two)."""

    def verb(self, words: str) -> Verb:
        """The entry for these printed words (any case, either spelling); KeyError when there is none."""
        return self.by_words[spelling_key(words)]

    def by_lemma(self, lemma: str) -> Verb:
        """The entry reported under this lemma (the non-elliptical one when there are two)."""
        return self.lemmas[lemma]

    def find(self, text: str) -> tuple[VerbUse, ...]:
        """Every operative verb in a paragraph's text, in order."""
        found: list[VerbUse] = []
        for match in self.pattern.finditer(text):
            verb = self.verb(match["verb"])
            introduced = match["introduction"] is not None
            opening = match.start() == 0 and not introduced
            first = match.group(0).lstrip()[0] if not introduced else match["verb"][0]
            if opening != first.isupper() and not introduced:
                continue  # a verb opens a paragraph capitalised and is lower case elsewhere
            if verb.elliptical and match["after_and"] is None:
                continue
            if verb.opening and match.start() != 0:
                continue
            start = match.start("modifier") if match["modifier"] else match.start("verb")
            found.append(VerbUse(verb.lemma, verb.strength, start, match.end("verb"), verb.closing))
        return tuple(found)

    def opening(self, text: str) -> VerbUse | None:
        """The verb that opens a paragraph: at its start, after an introduction, or after an opening clause.

        "Acting under Chapter VII of the Charter, decides that …" opens with 'decides': the first
        verb follows a clause that ends at a comma and holds no verb of its own.
        """
        found = self.find(text)
        if not found:
            return None
        first = found[0]
        before = text[: first.start]
        if not before.strip() or self._introduction(before) or (before.rstrip().endswith(",") and ";" not in before):
            return first
        return None

    def _introduction(self, before: str) -> bool:
        return any(re.fullmatch(rf"\s*{re.escape(words)}\s*,?\s*", before, re.IGNORECASE) for words in self.introductions)


def opening_text(paragraph: Element) -> str:
    """The words a paragraph opens with: its own, or its first sub-paragraph's when it has none."""
    while not paragraph.text.strip() and paragraph.items:
        paragraph = paragraph.items[0]
    return paragraph.text


def unknown_opening(lexicon: Lexicon, text: str) -> str | None:
    """The first word of a paragraph that opens with no verb of the lexicon ('Ensure'), or None.

    An empty text (the verb is in the first sub-paragraph) is not unknown here.
    """
    if not text.strip() or lexicon.opening(text) is not None:
        return None
    match = _OPENING_WORD.match(text)
    return match["word"] if match else " ".join(text.split()[:1])


def _words_pattern(words: str) -> str:
    """One entry's words as a pattern: any spaces between words, -ize also as -ise."""
    return r"\s+".join(re.escape(word).replace("iz", "i[sz]") for word in words.split())


def verb_pattern(verbs: tuple[Verb, ...], modifiers: tuple[str, ...], introductions: tuple[str, ...] = ()) -> re.Pattern[str]:
    """One pattern for any verb of the lexicon at a clause boundary, longest words first."""
    words = sorted((v.words for v in verbs), key=len, reverse=True)
    alternatives = "|".join(_words_pattern(w) for w in words)
    adverbs = "|".join(_words_pattern(m) for m in sorted(modifiers, key=len, reverse=True)) or "(?!)"
    openers = "|".join(_words_pattern(i) for i in sorted(introductions, key=len, reverse=True)) or "(?!)"
    return re.compile(
        rf"""
        (?: ^ (?P<introduction>(?:{openers}),?\s+)  # 'In this context demands …': the verb after an introduction
          | ^                              # the paragraph's opening words
          | (?<=[,;])\s+                   # after a comma or a semicolon
          | (?P<after_and>(?<=\band)\s+)   # after 'and' (also the only place for an elliptical verb)
        )
        (?P<modifier>(?:(?:{adverbs})\s+)+)?  # 'further', 'also strongly', … (not part of the lemma)
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
                closing=bool(values.get("closing", False)),
                opening=bool(values.get("opening", False)),
            )
        )
    by_words: dict[str, Verb] = {}
    for verb in verbs:
        if spelling_key(verb.words) in by_words:
            problems.append(Diagnostic(str(path), verb.line, Severity.ERROR, f"verb '{verb.words}' is listed twice (line {by_words[spelling_key(verb.words)].line})"))
        by_words[spelling_key(verb.words)] = verb
    if not verbs and not problems:
        problems.append(Diagnostic(str(path), 0, Severity.ERROR, "no 'verbs' list in the file"))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    root = yaml.safe_load(path.read_text(encoding="utf-8"))  # the plain lists below need no lines
    modifiers = tuple(str(m) for m in root.get("modifiers") or ())
    asides = tuple(str(a) for a in root.get("asides") or ())
    introductions = tuple(str(i) for i in root.get("introductions") or ())
    lemmas: dict[str, Verb] = {}
    for verb in sorted(verbs, key=lambda v: v.elliptical, reverse=True):
        lemmas[verb.lemma] = verb  # the non-elliptical entry, read last, wins
    pattern = verb_pattern(tuple(verbs), modifiers, introductions)
    return Lexicon(tuple(verbs), modifiers, asides, pattern, introductions, by_words, lemmas), problems

"""Themes: the taxonomy in ``data/themes.yml`` and which elements belong to each theme.

An element belongs to a theme when its heading or its own text matches one of the theme's
phrases or patterns outside the theme's exceptions. Nothing is inherited from the paragraph
above, so each sub-paragraph is tagged on what it says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..data_files import DATA, missing_keys, phrase_pattern, read_entries
from ..model import Diagnostic, Severity

THEMES_FILE = DATA / "themes.yml"


@dataclass(frozen=True, slots=True)
class Theme:
    """One theme of the taxonomy with its compiled match rules."""

    id: str
    """URL slug, e.g. 'protection-of-civilians'."""
    name: str
    """Display name."""
    definition: str
    """One line saying which paragraphs belong to it."""
    rules: tuple[re.Pattern[str], ...]
    """Phrases and patterns; any match outside an exception tags the element."""
    exceptions: tuple[re.Pattern[str], ...]
    """Phrases inside which a rule match does not count."""
    line: int
    """Line of the entry in the YAML file."""

    def spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Where the theme's rules match ``text``, outside its exceptions, in order."""
        excluded = [(m.start(), m.end()) for pattern in self.exceptions for m in pattern.finditer(text)]
        found = {
            (m.start(), m.end())
            for rule in self.rules
            for m in rule.finditer(text)
            if not any(s <= m.start() and m.end() <= e for s, e in excluded)
        }
        return tuple(sorted(found))

    def matches(self, text: str) -> bool:
        """True when the theme applies to ``text``."""
        return bool(self.spans(text))


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """The loaded themes, in file order (the order pages list them in)."""

    themes: tuple[Theme, ...]

    def theme(self, theme_id: str) -> Theme:
        """The theme with this id; KeyError for an unknown id (a bug, not bad input)."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise KeyError(theme_id)

    def tag(self, text: str, heading: str = "") -> tuple[str, ...]:
        """Ids of the themes an element with this heading and own text belongs to, in taxonomy order."""
        return tuple(theme.id for theme in self.themes if theme.matches(heading) or theme.matches(text))


def _compile(path: Path, line: int, pattern: str) -> tuple[re.Pattern[str] | None, list[Diagnostic]]:
    try:
        return re.compile(pattern, re.IGNORECASE), []
    except re.error as problem:
        return None, [Diagnostic(str(path), line, Severity.ERROR, f"pattern {pattern!r} is not a valid regular expression: {problem}")]


def load_taxonomy(path: Path = THEMES_FILE) -> tuple[Taxonomy | None, list[Diagnostic]]:
    """The taxonomy in ``path``, or None with every problem found (file, line and key)."""
    entries, problems = read_entries(path, "themes")
    themes: list[Theme] = []
    for line, values, lines in entries:
        missing = missing_keys(path, line, values, ("id", "name", "definition"), "theme")
        if not values.get("phrases") and not values.get("patterns"):
            missing.append(Diagnostic(str(path), line, Severity.ERROR, f"theme '{values.get('id', '?')}' needs 'phrases' or 'patterns'"))
        if any(theme.id == values.get("id") for theme in themes):
            missing.append(Diagnostic(str(path), line, Severity.ERROR, f"duplicate theme id '{values['id']}'"))
        rules = [phrase_pattern(str(phrase), ignore_case=True) for phrase in values.get("phrases") or []]
        for pattern in values.get("patterns") or []:
            compiled, bad = _compile(path, lines.get("patterns", line), str(pattern))
            missing += bad
            if compiled:
                rules.append(compiled)
        if missing:
            problems += missing
            continue
        exceptions = tuple(phrase_pattern(str(phrase), ignore_case=True) for phrase in values.get("except") or [])
        themes.append(
            Theme(
                id=str(values["id"]),
                name=str(values["name"]),
                definition=str(values["definition"]),
                rules=tuple(rules),
                exceptions=exceptions,
                line=line,
            )
        )
    if not entries and not problems:
        problems.append(Diagnostic(str(path), 0, Severity.ERROR, "no 'themes' list in the file"))
    if any(p.severity is Severity.ERROR for p in problems):
        return None, problems
    return Taxonomy(tuple(themes)), problems

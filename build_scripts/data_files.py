"""Reading the YAML data files (actors, themes, verbs, obligations) with lines for every problem.

A domain expert edits these files without reading Python, so a mistake must come back as
``FILE:LINE: error: …`` naming the entry and the key, never as a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .model import Diagnostic, Severity

DATA = Path(__file__).resolve().parent / "data"
"""The package's data folder."""


def phrase_pattern(phrase: str, *, ignore_case: bool = False) -> re.Pattern[str]:
    """A pattern for a literal phrase as whole words; ' matches ’ and any spaces match any spaces."""
    body = r"\s+".join(re.escape(word) for word in phrase.split())
    body = re.sub("['’]", "['’]", body)
    return re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE if ignore_case else 0)


def _python(node: yaml.Node) -> object:
    """The plain Python value of a YAML node (str, int, bool, list, dict)."""
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def read_entries(path: Path, section: str) -> tuple[list[tuple[int, dict[str, object], dict[str, int]]], list[Diagnostic]]:
    """The mappings listed under ``section`` as (line, values, line of each key), or the problems.

    Lines are 1-based so that diagnostics read ``FILE:LINE: error: …``.
    """
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text)
    except OSError as problem:
        return [], [Diagnostic(str(path), 0, Severity.ERROR, f"cannot read the file: {problem.strerror}")]
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        return [], [Diagnostic(str(path), mark.line + 1 if mark else 0, Severity.ERROR, f"malformed YAML: {problem}")]
    if not isinstance(root, yaml.MappingNode):
        return [], [Diagnostic(str(path), 1, Severity.ERROR, f"expected a mapping with the key '{section}'")]
    sections = {key.value: value for key, value in root.value}
    node = sections.get(section)
    if node is None:
        return [], []
    if not isinstance(node, yaml.SequenceNode):
        return [], [Diagnostic(str(path), node.start_mark.line + 1, Severity.ERROR, f"'{section}' must be a list")]
    entries: list[tuple[int, dict[str, object], dict[str, int]]] = []
    problems: list[Diagnostic] = []
    for item in node.value:
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            problems.append(Diagnostic(str(path), line, Severity.ERROR, f"each entry of '{section}' must be a mapping"))
            continue
        values = {key.value: _python(value) for key, value in item.value}
        lines = {key.value: key.start_mark.line + 1 for key, _ in item.value}
        entries.append((line, values, lines))
    return entries, problems


def missing_keys(path: Path, line: int, values: dict[str, object], required: tuple[str, ...], what: str) -> list[Diagnostic]:
    """One error per required key that is absent or empty, naming the entry and the key."""
    name = values.get("id") or values.get("verb") or values.get("acronym") or values.get("phrase") or "?"
    return [
        Diagnostic(str(path), line, Severity.ERROR, f"{what} '{name}' is missing key '{key}'")
        for key in required
        if values.get(key) in (None, "", [])
    ]

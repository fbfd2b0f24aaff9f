"""Reading a resolution's files: the extracted text and the optional YAML beside it.

The YAML holds reviewed errata, the agenda item (``subject``) and, where the text's header is
silent, its number, year, date or meeting: every key is optional, since the header usually says
them (see :mod:`build_scripts.read.header`). Bad input never raises: every problem comes back as
a :class:`Diagnostic` naming the file, the line and, for YAML, the key.

The YAML is read as data, never trusted: a key given twice, nesting deeper than
:data:`MAX_DEPTH`, an alias, a value over several lines or holding a control character, and a
number that is not plain ASCII digits of a sensible length are each an error at their line.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model import Diagnostic, Erratum, Severity
from .clean import REFUSED

MAX_NUMBER_DIGITS = 5
"""Resolution numbers have at most this many digits (2364; 99999 is a century away). A longer one is
an error, never a file name: a 300-digit number would make paths longer than any file system allows."""
MAX_MEETING_DIGITS = 6
MAX_DEPTH = 8
"""The metadata nests three levels (errata → list → erratum); deeper is not metadata. PyYAML builds
nodes recursively, so 500 levels would raise RecursionError: the depth is checked on the event stream first."""
_DIGITS = {"number": MAX_NUMBER_DIGITS, "year": 4, "meeting": MAX_MEETING_DIGITS}
_ASCII_NUMBER = re.compile(r"[0-9]+")
_VALUE_KEYS = ("symbol", "number", "year", "adopted", "meeting", "subject", "official_url")
_KNOWN_KEYS = (*_VALUE_KEYS, "errata", "synthetic")
_ERRATUM_KEYS = ("original", "correction", "reason")


@dataclass(frozen=True, slots=True)
class MetadataFile:
    """What a NAME.yml beside a text gives: each value is None when the file does not give it."""

    path: str
    """The YAML file, as named in diagnostics (it need not exist)."""
    symbol: str | None = None
    """'S/RES/2364 (2017)'."""
    number: int | None = None
    year: int | None = None
    adopted: datetime.date | None = None
    meeting: int | None = None
    subject: str | None = None
    """The agenda item, e.g. 'The situation in Mali': the header never gives it."""
    official_url: str | None = None
    synthetic: bool = False
    """True for generated test corpora, which are never published."""
    errata: tuple[Erratum, ...] = ()
    """Reviewed corrections of the extracted text."""
    lines: Mapping[str, int] = field(default_factory=dict)
    """Line of each key the file gives, for diagnostics that point at it."""

    def line_of(self, key: str) -> int:
        """Line of ``key`` in the file; 0 when the file does not give it."""
        return self.lines.get(key, 0)


def _error(file: Path | str, line: int, message: str) -> Diagnostic:
    return Diagnostic(str(file), line, Severity.ERROR, message)


def read_text(path: Path) -> tuple[str | None, list[Diagnostic]]:
    """The file's text, decoded as UTF-8 (a byte-order mark is allowed), or the reason it is unusable."""
    try:
        data = path.read_bytes()
    except OSError as problem:
        return None, [_error(path, 0, f"cannot read the file: {problem.strerror}")]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [_error(path, line, "binary data (a NUL byte): expected the plain text of a resolution")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        line = data[: problem.start].count(b"\n") + 1
        column = problem.start - (data.rfind(b"\n", 0, problem.start) + 1) + 1
        byte = data[problem.start]
        return None, [
            _error(
                path,
                line,
                f"not valid UTF-8 (byte 0x{byte:02X} at column {column}); the text was expected in UTF-8, "
                "re-save it as UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)",
            )
        ]
    if not text.strip():
        return None, [_error(path, 1, "the file is empty: expected the text of a resolution")]
    return text, []


def _scalar(node: yaml.Node) -> str | None:
    return node.value if isinstance(node, yaml.ScalarNode) else None


def _shape(path: Path, text: str) -> Diagnostic | None:
    """An error for nesting deeper than MAX_DEPTH or an alias, read from the event stream (no recursion)."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    return _error(path, event.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep: the metadata is a flat mapping with a list of errata")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
            elif isinstance(event, yaml.AliasEvent):
                return _error(path, event.start_mark.line + 1, f"YAML alias *{event.anchor}: write each value out in full")
    except yaml.YAMLError:
        return None  # composing reports it, with its line
    return None


def _mapping(path: Path, node: yaml.MappingNode, diagnostics: list[Diagnostic]) -> dict[str | None, tuple[yaml.Node, yaml.Node]]:
    """The key and value nodes of a mapping, by key; a key given twice is an error at the second."""
    nodes: dict[str | None, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        name = _scalar(key)
        if name in nodes and name is not None:
            first = nodes[name][0].start_mark.line + 1
            diagnostics.append(_error(path, key.start_mark.line + 1, f"key '{name}' is given twice (first at line {first}): which one is meant?"))
            continue
        nodes.setdefault(name, (key, value))
    return nodes


def _one_line(path: Path, line: int, what: str, value: str) -> Diagnostic | None:
    """An error when a value spans lines or holds a character no text holds: it would reach a page as markup."""
    if "\n" in value or "\r" in value:
        return _error(path, line, f"{what} must be one line: a line break would reach the pages")
    refused = REFUSED.search(value)
    if refused:
        return _error(path, line, f"{what} holds the control character U+{ord(refused.group()):04X}: it is not text")
    return None


def read_metadata(path: Path) -> tuple[MetadataFile | None, list[Diagnostic]]:
    """The values and errata the YAML file gives, or None with each problem at its key and line."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    shape = _shape(path, text)
    if shape is not None:
        return None, [shape]
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        # PyYAML's own message spans several lines with a caret drawing; a diagnostic is one line.
        parts = [getattr(problem, "context", None), getattr(problem, "problem", None)]
        what = ", ".join(part for part in parts if part) or " ".join(str(problem).split())
        where = f" at column {mark.column + 1}" if mark else ""
        return None, [_error(path, mark.line + 1 if mark else 0, f"malformed YAML: {what}{where}")]
    if not isinstance(root, yaml.MappingNode):
        return None, [_error(path, 1, "expected a mapping of metadata keys (errata, subject, number, …)")]
    diagnostics: list[Diagnostic] = []
    nodes = _mapping(path, root, diagnostics)
    for key, (key_node, _) in nodes.items():
        if key not in _KNOWN_KEYS:
            known = ", ".join(_KNOWN_KEYS)
            name = repr(key) if key is not None else "that is not text"
            diagnostics.append(_error(path, key_node.start_mark.line + 1, f"unknown key {name}: the keys are {known}"))
    values: dict[str, str] = {}
    for key in _VALUE_KEYS:
        if key not in nodes:
            continue
        key_node, value_node = nodes[key]
        value = _scalar(value_node)
        if value is None or not value.strip():
            diagnostics.append(_error(path, key_node.start_mark.line + 1, f"key '{key}' must be a non-empty value"))
            continue
        problem = _one_line(path, key_node.start_mark.line + 1, f"key '{key}'", value.strip())
        if problem:
            diagnostics.append(problem)
            continue
        values[key] = value.strip()
    given = _values(path, values, nodes, diagnostics)
    errata = _errata(path, nodes.get("errata"), diagnostics)
    if diagnostics:
        return None, diagnostics
    return MetadataFile(**given, errata=errata), diagnostics


def _values(path: Path, values: dict[str, str], nodes: dict, diagnostics: list[Diagnostic]) -> dict:
    """Keyword arguments of :class:`MetadataFile` for the values given, each checked for its type."""

    def line_of(key: str) -> int:
        return nodes[key][0].start_mark.line + 1

    given: dict = {"path": str(path), "lines": {key: line_of(key) for key in nodes if key in _KNOWN_KEYS}}
    for key in ("symbol", "subject"):
        if key in values:
            given[key] = values[key]
    for key in ("number", "year", "meeting"):
        if key in values:
            # ASCII digits only: str.isdigit() also accepts '²', which int() refuses.
            if not _ASCII_NUMBER.fullmatch(values[key]):
                diagnostics.append(_error(path, line_of(key), f"key '{key}' must be a whole number, not {values[key][:40]!r}"))
            elif len(values[key].lstrip("0")) > _DIGITS[key] or (key == "year" and len(values[key]) != 4) or not int(values[key]):
                what = "a year of four digits" if key == "year" else f"a number of at most {_DIGITS[key]} digits"
                diagnostics.append(_error(path, line_of(key), f"key '{key}' must be {what}, not {values[key][:40]!r}"))
            else:
                given[key] = int(values[key])
    if "adopted" in values:
        try:
            given["adopted"] = datetime.date.fromisoformat(values["adopted"])
        except ValueError:
            diagnostics.append(_error(path, line_of("adopted"), f"key 'adopted' must be a date YYYY-MM-DD, not {values['adopted']!r}"))
    if "official_url" in values:
        if values["official_url"].startswith("https://"):
            given["official_url"] = values["official_url"]
        else:
            diagnostics.append(_error(path, line_of("official_url"), "key 'official_url' must be an https:// address"))
    adopted, year = given.get("adopted"), given.get("year")
    if adopted and year and adopted.year != year:
        diagnostics.append(_error(path, line_of("adopted"), f"key 'adopted' ({adopted}) is not in key 'year' ({year})"))
    given["synthetic"] = "synthetic" in nodes and _scalar(nodes["synthetic"][1]) in ("true", "True", "yes")
    return given


def _errata(path: Path, entry: tuple | None, diagnostics: list[Diagnostic]) -> tuple[Erratum, ...]:
    if entry is None:
        return ()
    key_node, node = entry
    if not isinstance(node, yaml.SequenceNode):
        diagnostics.append(_error(path, key_node.start_mark.line + 1, "key 'errata' must be a list of corrections"))
        return ()
    errata = []
    for index, item in enumerate(node.value, start=1):
        line = item.start_mark.line + 1
        if not isinstance(item, yaml.MappingNode):
            diagnostics.append(_error(path, line, f"errata[{index}] must be a mapping with original, correction and reason"))
            continue
        fields = {key: _scalar(value) for key, (_, value) in _mapping(path, item, diagnostics).items()}
        problems = [_one_line(path, line, f"errata[{index}] key '{key}'", fields.get(key) or "") for key in ("original", "restored")]
        problems += [_one_line(path, line, f"errata[{index}] key '{key}'", (fields.get(key) or "").replace("\n", " ")) for key in ("correction", "reason")]
        if any(problems):
            diagnostics.extend(problem for problem in problems if problem)
            continue
        missing = [key for key in _ERRATUM_KEYS if not (fields.get(key) or "").strip()]
        if missing:
            diagnostics.append(_error(path, line, f"errata[{index}] lacks key '{missing[0]}'"))
            continue
        restored = (fields.get("restored") or "").strip()
        if restored and restored not in fields["correction"]:
            diagnostics.append(_error(path, line, f"errata[{index}] key 'restored' is not part of its correction"))
            continue
        errata.append(
            Erratum(
                original=fields["original"],
                correction=fields["correction"],
                reason=" ".join(fields["reason"].split()),
                line=line,
                restored=restored,
            )
        )
    return tuple(errata)

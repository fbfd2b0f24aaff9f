"""Reading a resolution's files: the extracted text and the optional YAML beside it.

The YAML holds reviewed errata, the agenda item (``subject``) and, where the text's header is
silent, its number, year, date or meeting: every key is optional, since the header usually says
them (see :mod:`build_scripts.read.header`). Bad input never raises: every problem comes back as
a :class:`Diagnostic` naming the file, the line and, for YAML, the key.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..model import Diagnostic, Erratum, Severity

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


def read_metadata(path: Path) -> tuple[MetadataFile | None, list[Diagnostic]]:
    """The values and errata the YAML file gives, or None with each problem at its key and line."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        # PyYAML's own message spans several lines with a caret drawing; a diagnostic is one line.
        parts = [getattr(problem, "context", None), getattr(problem, "problem", None)]
        what = ", ".join(part for part in parts if part) or " ".join(str(problem).split())
        where = f" at column {mark.column + 1}" if mark else ""
        return None, [_error(path, mark.line + 1 if mark else 0, f"malformed YAML: {what}{where}")]
    if not isinstance(root, yaml.MappingNode):
        return None, [_error(path, 1, "expected a mapping of metadata keys (errata, subject, number, …)")]
    nodes = {_scalar(key): (key, value) for key, value in root.value}
    diagnostics: list[Diagnostic] = []
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
            if values[key].isdigit():
                given[key] = int(values[key])
            else:
                diagnostics.append(_error(path, line_of(key), f"key '{key}' must be a whole number, not {values[key]!r}"))
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
        fields = {_scalar(key): _scalar(value) for key, value in item.value}
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

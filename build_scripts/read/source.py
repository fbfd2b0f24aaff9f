"""Reading a resolution's files: the extracted text and the YAML of metadata and errata beside it.

Bad input never raises: every problem comes back as a :class:`Diagnostic` naming the file, the
line and, for YAML, the key.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml

from ..model import Diagnostic, Erratum, Metadata, Severity

_REQUIRED_KEYS = ("symbol", "number", "year", "adopted", "meeting", "subject", "official_url")
_ERRATUM_KEYS = ("original", "correction", "reason")


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


def read_metadata(path: Path) -> tuple[Metadata | None, tuple[Erratum, ...], list[Diagnostic]]:
    """Metadata and errata from the YAML file; each problem names its key and line."""
    text, problems = read_text(path)
    if text is None:
        return None, (), problems
    try:
        root = yaml.compose(text)
    except yaml.YAMLError as problem:
        mark = getattr(problem, "problem_mark", None)
        # PyYAML's own message spans several lines with a caret drawing; a diagnostic is one line.
        parts = [getattr(problem, "context", None), getattr(problem, "problem", None)]
        what = ", ".join(part for part in parts if part) or " ".join(str(problem).split())
        where = f" at column {mark.column + 1}" if mark else ""
        return None, (), [_error(path, mark.line + 1 if mark else 0, f"malformed YAML: {what}{where}")]
    if not isinstance(root, yaml.MappingNode):
        return None, (), [_error(path, 1, "expected a mapping of metadata keys (symbol, number, …)")]
    nodes = {_scalar(key): (key, value) for key, value in root.value}
    diagnostics: list[Diagnostic] = []
    values: dict[str, str] = {}
    for key in _REQUIRED_KEYS:
        if key not in nodes:
            diagnostics.append(_error(path, 1, f"missing key '{key}'"))
            continue
        key_node, value_node = nodes[key]
        value = _scalar(value_node)
        if value is None or not value.strip():
            diagnostics.append(_error(path, key_node.start_mark.line + 1, f"key '{key}' must be a non-empty value"))
            continue
        values[key] = value.strip()
    metadata = _metadata(path, values, nodes, diagnostics)
    errata = _errata(path, nodes.get("errata"), diagnostics)
    return (metadata if not diagnostics else None), errata, diagnostics


def _metadata(path: Path, values: dict[str, str], nodes: dict, diagnostics: list[Diagnostic]) -> Metadata | None:
    def line_of(key: str) -> int:
        return nodes[key][0].start_mark.line + 1

    numbers: dict[str, int] = {}
    for key in ("number", "year", "meeting"):
        if key in values:
            if values[key].isdigit():
                numbers[key] = int(values[key])
            else:
                diagnostics.append(_error(path, line_of(key), f"key '{key}' must be a whole number, not {values[key]!r}"))
    adopted = None
    if "adopted" in values:
        try:
            adopted = datetime.date.fromisoformat(values["adopted"])
        except ValueError:
            diagnostics.append(_error(path, line_of("adopted"), f"key 'adopted' must be a date YYYY-MM-DD, not {values['adopted']!r}"))
    if "official_url" in values and not values["official_url"].startswith("https://"):
        diagnostics.append(_error(path, line_of("official_url"), "key 'official_url' must be an https:// address"))
    if adopted and "year" in numbers and adopted.year != numbers["year"]:
        diagnostics.append(_error(path, line_of("adopted"), f"key 'adopted' ({adopted}) is not in key 'year' ({numbers['year']})"))
    synthetic = "synthetic" in nodes and _scalar(nodes["synthetic"][1]) in ("true", "True", "yes")
    if diagnostics or adopted is None or len(numbers) < 3 or len(values) < len(_REQUIRED_KEYS):
        return None
    return Metadata(
        symbol=values["symbol"],
        number=numbers["number"],
        year=numbers["year"],
        adopted=adopted,
        meeting=numbers["meeting"],
        subject=values["subject"],
        official_url=values["official_url"],
        synthetic=synthetic,
    )


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

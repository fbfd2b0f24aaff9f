"""Check a corpus: read every English resolution under some folders and measure the readers.

``find_resolution_files`` says which files count; ``check_file`` reads one (in a worker process)
and never raises; ``check_corpus`` runs them all and ``report`` prints the figures:

- files found, parsed and refused, the refusals grouped by kind of error (numbers, quoted text and
  labels taken out of the message, so that one rule's refusals group together);
- tracebacks: exceptions are bugs, never an answer to bad input, so each one is listed and counted;
- word fidelity: for each parsed XML file, whether the model's words equal the file's words;
- the round trip: each parsed model laid out as a PDF extraction and read back by the text path
  (``read.layout``) must give the identical model.
"""

from __future__ import annotations

import json
import re
import sys
import traceback
from collections import defaultdict
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .model import Diagnostic, Resolution, Severity
from .pipeline import load_resolution
from .sources import number_in_name, resolution_files

EXAMPLES = 3
"""Refused files shown per kind of error, unless --verbose."""
LISTED = 20
"""Files shown with a round-trip difference, unless --verbose."""
TEXT_PATH = "text path: "
"""How a refusal by the text path starts, in a round trip's differences."""


@dataclass(frozen=True, slots=True)
class FileReport:
    """What checking one file found."""

    file: str
    """The file, as found under the folder given."""
    number: int = 0
    """The resolution's number, when it parsed."""
    errors: tuple[str, ...] = ()
    """Why it was refused, as ``FILE:LINE: error: …`` lines; empty when it parsed."""
    kind: str = ""
    """The first error's message without its numbers and quotations: what groups refusals."""
    tracebacks: tuple[str, ...] = ()
    """Exceptions raised while reading ('read: KeyError: … (at structure.py:120)')."""
    fidelity: bool | None = None
    """For a parsed XML file: whether the model's words equal the file's words."""
    round_trip: tuple[str, ...] | None = None
    """For a parsed file: () when the text path gives the identical model, else where it differs."""

    @property
    def parsed(self) -> bool:
        return self.number > 0


@dataclass(slots=True)
class CorpusReport:
    """The figures of one run, as written by --json."""

    folders: list[str]
    files: int = 0
    parsed: int = 0
    refused: int = 0
    refused_by_kind: dict[str, list[str]] = field(default_factory=dict)
    """Kind of error → the refused files' first error lines, commonest kind first."""
    tracebacks: list[str] = field(default_factory=list)
    """'FILE: stage: Exception: message (at module.py:line)'."""
    fidelity_checked: int = 0
    fidelity_identical: int = 0
    fidelity_differing: list[str] = field(default_factory=list)
    round_trip_checked: int = 0
    round_trip_identical: int = 0
    round_trip_by_kind: dict[str, int] = field(default_factory=dict)
    """Where read-back models first differ (indices taken out), commonest first."""
    round_trip_differing: dict[str, list[str]] = field(default_factory=dict)
    """File → its differences, or the text path's errors."""
    duplicates: dict[int, list[str]] = field(default_factory=dict)
    """Resolution number → the parsed files that give it, when more than one does."""

    def as_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["fidelity_percent"] = _percent(self.fidelity_identical, self.fidelity_checked)
        data["round_trip_percent"] = _percent(self.round_trip_identical, self.round_trip_checked)
        return data


def find_resolution_files(folder: Path) -> list[Path]:
    """Every English resolution file under ``folder`` (see ``sources.resolution_files``), or ``folder`` itself if a file."""
    return [folder] if folder.is_file() else resolution_files(folder)


def error_kind(message: str) -> str:
    """A message without what differs between files: quotations, labels and numbers."""
    # A quotation opens and closes beside a space or a bracket, so an apostrophe ("model's") is no quote.
    message = re.sub(r"(?<!\w)(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")(?!\w)", "'…'", message)
    message = re.sub(r"\((?:[a-z]{1,5})\)", "(x)", message)
    return re.sub(r"\d+", "N", message)


def difference_kind(difference: str) -> str:
    """Where a difference is, without indices: 'annexes[0].headings: …' → 'annexes[].headings'.

    A refusal by the text path is grouped by its error: 'text path: error: no operative paragraph …'.
    """
    if difference.startswith(TEXT_PATH):
        return f"{TEXT_PATH}error: {error_kind(difference.partition(' error: ')[2])}"
    return re.sub(r"\[\d+\]", "[]", difference.split(": ", 1)[0])


def check_file(path: Path, round_trip: bool = True) -> FileReport:
    """Read one file and measure it; every exception is caught and reported, never raised."""
    try:
        resolution, diagnostics = load_resolution(path)
    except Exception as problem:  # noqa: BLE001 - an exception here is the bug being counted
        return FileReport(str(path), tracebacks=(f"read: {_exception(problem)}",))
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    if resolution is None or errors:
        lines = tuple(str(d) for d in errors) or (f"{path}:0: error: refused without an error message",)
        return FileReport(str(path), errors=lines, kind=error_kind(errors[0].message) if errors else "refused without an error message")
    tracebacks: list[str] = []
    fidelity = None
    if path.suffix.lower() == ".xml":
        try:
            fidelity = _same_words(path, resolution)
        except Exception as problem:  # noqa: BLE001
            tracebacks.append(f"fidelity: {_exception(problem)}")
    differences = None
    if round_trip:
        try:
            differences = _round_trip(resolution, str(path))
        except Exception as problem:  # noqa: BLE001
            tracebacks.append(f"round trip: {_exception(problem)}")
    return FileReport(str(path), resolution.metadata.number, tracebacks=tuple(tracebacks), fidelity=fidelity, round_trip=differences)


def _exception(problem: Exception) -> str:
    frame = traceback.extract_tb(problem.__traceback__)[-1]
    return f"{type(problem).__name__}: {problem} (at {Path(frame.filename).name}:{frame.lineno})"


def _same_words(path: Path, resolution: Resolution) -> bool:
    """The file's words (preamble, body, annexes) against the model's, header aside, as read.akn checks them."""
    from .read.akn import akn_words, read_akn
    from .read.fidelity import model_words

    statement, _ = read_akn(path)
    if statement is None:
        return False
    header = resolution.header
    skip = len(f"{header.title} {header.adoption} {header.organ}".split())
    return "".join(model_words(resolution)[skip:]) == "".join(akn_words(statement))


def _round_trip(resolution: Resolution, source: str) -> tuple[str, ...]:
    from .read.layout import differences, round_trip

    read, diagnostics = round_trip(resolution, source=f"{source} (laid out)")
    if read is None:
        errors = [d for d in diagnostics if d.severity is Severity.ERROR] or [Diagnostic(source, 0, Severity.ERROR, "the text path refused it")]
        return tuple(f"{TEXT_PATH}{d}" for d in errors[:3])
    return tuple(differences(resolution, read))


def _check_one(job: tuple[Path, bool]) -> FileReport:
    return check_file(*job)


def check_corpus(paths: Sequence[Path], *, jobs: int = 2, round_trip: bool = True, progress: bool = False) -> list[FileReport]:
    """Every file checked, in order, in ``jobs`` processes."""
    work = [(path, round_trip) for path in paths]
    if jobs <= 1 or len(paths) < 2:
        return [_check_one(job) for job in work]
    reports: list[FileReport] = []
    with ProcessPoolExecutor(jobs) as pool:
        for report in pool.map(_check_one, work, chunksize=8):
            reports.append(report)
            if progress and len(reports) % 100 == 0:
                print(f"checked {len(reports)} of {len(work)}", file=sys.stderr, flush=True)
    return reports


def summarise(folders: Sequence[Path], reports: Iterable[FileReport]) -> CorpusReport:
    """The figures of a run, from each file's report."""
    summary = CorpusReport([str(folder) for folder in folders])
    refused: dict[str, list[str]] = defaultdict(list)
    by_number: dict[int, list[str]] = defaultdict(list)
    differences: dict[str, int] = defaultdict(int)
    for report in reports:
        summary.files += 1
        summary.tracebacks += [f"{report.file}: {line}" for line in report.tracebacks]
        if report.errors:
            summary.refused += 1
            refused[report.kind].append(report.errors[0])
        if not report.parsed:
            continue
        summary.parsed += 1
        by_number[report.number].append(report.file)
        if report.fidelity is not None:
            summary.fidelity_checked += 1
            summary.fidelity_identical += report.fidelity
            if not report.fidelity:
                summary.fidelity_differing.append(report.file)
        if report.round_trip is not None:
            summary.round_trip_checked += 1
            if not report.round_trip:
                summary.round_trip_identical += 1
                continue
            summary.round_trip_differing[report.file] = list(report.round_trip)
            differences[difference_kind(report.round_trip[0])] += 1
    summary.refused_by_kind = dict(sorted(refused.items(), key=lambda kind: (-len(kind[1]), kind[0])))
    summary.round_trip_by_kind = dict(sorted(differences.items(), key=lambda kind: (-kind[1], kind[0])))
    summary.duplicates = {number: files for number, files in sorted(by_number.items()) if len(files) > 1}
    return summary


def report(summary: CorpusReport, reports: Sequence[FileReport], *, verbose: bool = False) -> str:
    """The figures as text: counts first, then a few examples of each kind (all with ``verbose``)."""
    lines = [
        f"checked {', '.join(summary.folders)}",
        f"files found     {summary.files:6}",
        f"parsed          {summary.parsed:6}  ({_percent(summary.parsed, summary.files)} %)",
        f"refused         {summary.refused:6}",
    ]
    for kind, errors in summary.refused_by_kind.items():
        lines.append(f"  {len(errors):5}  {kind}")
        lines += [f"           {error}" for error in (errors if verbose else errors[:EXAMPLES])]
    lines.append(f"tracebacks      {len(summary.tracebacks):6}")
    lines += [f"  {line}" for line in summary.tracebacks]
    lines.append(
        f"word fidelity   {summary.fidelity_identical:6} of {summary.fidelity_checked} parsed XML files at 100 % "
        f"({_percent(summary.fidelity_identical, summary.fidelity_checked)} %)"
    )
    lines += [f"  differs: {file}" for file in summary.fidelity_differing]
    if summary.parsed and not summary.round_trip_checked:
        lines.append("round trip      skipped")
    else:
        lines.append(
            f"round trip      {summary.round_trip_identical:6} of {summary.round_trip_checked} parsed files identical "
            f"({_percent(summary.round_trip_identical, summary.round_trip_checked)} %)"
        )
    for kind, count in summary.round_trip_by_kind.items():
        lines.append(f"  {count:5}  {kind}")
    differing = list(summary.round_trip_differing.items())
    if differing:
        shown = differing if verbose else differing[:LISTED]
        lines.append(f"  differing files{'' if verbose else f' (first {len(shown)} of {len(differing)})'}:")
        for file, found in shown:
            lines.append(f"    {file}: {found[0]}")
            lines += [f"      {more}" for more in found[1:]] if verbose else []
    for number, files in summary.duplicates.items():
        lines.append(f"warning: resolution {number} comes from {len(files)} files: {', '.join(files)}")
    if verbose:
        lines.append("refused files:")
        lines += [error for item in reports for error in item.errors]
    return "\n".join(lines)


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def link_parsed(reports: Sequence[FileReport], into: Path, besides: Sequence[Path] = ()) -> int:
    """Link each parsed file (and a text's .yml) into ``into``, one file per resolution.

    For `build --source FOLDER --source INTO`: resolutions that a ``besides`` folder gives (by the
    number in a file's name) are left to it, and of several files of one resolution the first
    wins. ``into`` is emptied of earlier links first. Returns how many resolutions were linked.
    """
    into.mkdir(parents=True, exist_ok=True)
    for old in into.iterdir():
        if old.is_symlink():
            old.unlink()
    given = {number_in_name(path) for folder in besides for path in find_resolution_files(folder)}
    seen: set[int] = set()
    for item in reports:
        if not item.parsed or item.tracebacks or item.number in seen or item.number in given:
            continue
        seen.add(item.number)
        source = Path(item.file).resolve()
        for path in (source, source.with_suffix(".yml")):
            if path.exists() and not (into / path.name).exists():
                (into / path.name).symlink_to(path)
    return len(seen)


def run_check(folders: Sequence[Path], *, jobs: int = 2, verbose: bool = False, json_out: Path | None = None,
              round_trip: bool = True, parsed_into: Path | None = None, besides: Sequence[Path] = ()) -> int:
    """The `check` command: 0 unless an exception was raised while reading some file."""
    paths: list[Path] = []
    for folder in folders:
        if not folder.exists():
            print(f"{folder}:0: error: no such file or folder", file=sys.stderr)
            return 1
        paths += [path for path in find_resolution_files(folder) if path not in paths]
    reports = check_corpus(paths, jobs=jobs, round_trip=round_trip, progress=sys.stderr.isatty())
    summary = summarise(folders, reports)
    print(report(summary, reports, verbose=verbose))
    if json_out:
        json_out.write_text(json.dumps(summary.as_dict(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if parsed_into:
        linked = link_parsed(reports, parsed_into, besides)
        print(f"linked {linked} parsed resolution(s) into {parsed_into}", file=sys.stderr)
    return 1 if summary.tracebacks else 0

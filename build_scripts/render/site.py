"""Write every generated page and data file under docs/, from every resolution in a source folder.

Two passes: first each resolution is read and analysed on its own (parse, fidelity check, then
``analyse.analysis.analyse``), cached by content hash and run in parallel, and every warning is
printed; then, with the whole corpus known, pages are rendered from the analysis, so that
references between resolutions link both ways.

Generated paths (``GENERATED_*``, git-ignored) are replaced on each build, so a page that no
longer exists does not linger. Hand-written pages are never touched.

File-system faults are input problems, reported like parse's: an unreadable, missing or dangling
source is ``FILE:LINE: error`` from the reader, a docs/ folder that cannot be written is
``PATH:0: error``, and a cache that cannot be read or written is only slower (a warning). The
cache key holds each file's path as given as well as its bytes, because cached diagnostics name
the path; warnings of one kind are shown 20 at a time, then counted; and the cache keeps at most
two entries per source of the build (the most recently used), so it is sized by the input.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

from .. import ids
from ..analyse.analysis import Analysis, analyse
from ..analyse.annotate import load_annotation_data
from ..analyse.history import History, histories
from ..model import Diagnostic, Resolution, Severity
from ..pipeline import load_source, metadata_path
from ..read.header import symbol_of
from ..sources import Source, pairs, resolution_files
from .akoma_ntoso import to_akoma_ntoso
from .calendar import obligations_calendar
from .analysis_pages import analysis_pages
from .corpus import Corpus, Entry
from .history import changes_page, overview_status, paragraph_history, series_pages
from .insight_pages import INSIGHT_LINKS, insight_pages
from .links import ResolutionLinks
from .pages import LinkItem, Page, annex_page, home_page, overview_page, paragraph_page, text_page, year_pages
from .references_page import references_pages
from .search_page import resolutions_json, search_page
from .tables import to_csv

GENERATED_FILES = ("index.md",)
GENERATED_DIRECTORIES = ("data", "references", "actors", "themes", "verbs", "glossary", "search", "series", "years")
PACKAGE = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("RESOLUTION_SITE_CACHE", ".cache/analysis"))
CACHE_ENTRIES_PER_SOURCE = 2
"""Entries kept per source of the current build (the most recently used), and at least CACHE_MIN_ENTRIES."""
CACHE_MIN_ENTRIES = 200
SHOWN_PER_KIND = 20
"""Diagnostics of one kind shown per resolution; the rest are counted in one line."""


def _code_fingerprint() -> bytes:
    """Hash of the package's code and data: a change to either invalidates the cache."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.yml")]):
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + path.read_bytes())
    return digest.digest()


@cache
def _annotation_data():
    """The actors, themes and verbs files, read once per process (each worker of the pool)."""
    return load_annotation_data()


def _file_key(path: Path | None) -> bytes:
    """What the cache key takes from one file: its path as given (cached diagnostics name it) and its
    bytes, or the kind of fault that keeps it from being read (load_source reports it as FILE: error)."""
    if path is None:
        return b"\0"
    try:
        return os.fsencode(path) + b"\0" + path.read_bytes()
    except OSError as problem:
        return os.fsencode(path) + b"\0" + type(problem).__name__.encode()


def _cached(path: Path) -> tuple[Entry | None, list[Diagnostic]] | None:
    """The cached result, or None when there is none or it cannot be read: then it is computed again."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        result = pickle.loads(data)
    except Exception:  # a truncated or foreign file in the cache is a miss, not a failure of the build
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept when the cache is pruned
    return result


def _store(path: Path, result: tuple[Entry | None, list[Diagnostic]]) -> None:
    """Write a result whole or not at all; a cache that cannot be written only makes builds slower."""
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(pickle.dumps(result))
        os.replace(partial, path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink()


def _kind(diagnostic: Diagnostic) -> tuple[str, str, str]:
    """Diagnostics of one kind differ only in numbers and quoted words."""
    return diagnostic.file, diagnostic.severity.value, re.sub(r"'[^']*'|\d+", "…", diagnostic.message)


def capped(diagnostics: list[Diagnostic], shown: int = SHOWN_PER_KIND) -> list[Diagnostic]:
    """The first ``shown`` diagnostics of each kind, then one line per kind saying how many more."""
    seen: dict[tuple[str, str, str], int] = {}
    kept = []
    for diagnostic in diagnostics:
        kind = _kind(diagnostic)
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= shown:
            kept.append(diagnostic)
    for (file, severity, message), count in seen.items():
        if count > shown:
            kept.append(Diagnostic(file, 0, Severity(severity), f"{count - shown} more like {message[:80]!r}, not shown"))
    return kept


def _consistent(resolution: Resolution | None, path: Path) -> list[Diagnostic]:
    """The symbol published must be the one of the number and year the pages are published under."""
    if resolution is None:
        return []
    meta = resolution.metadata
    expected = symbol_of(meta.number, meta.year)
    if meta.symbol == expected:
        return []
    return [Diagnostic(str(path), 0, Severity.ERROR, f"the symbol {meta.symbol[:40]!r} is not that of resolution {meta.number} ({meta.year}), {expected}")]


def _analyse(source: Source, fingerprint: bytes) -> tuple[Entry | None, list[Diagnostic]]:
    """Read, check and analyse one resolution; reused from the cache when nothing changed."""
    key = hashlib.sha256(fingerprint)
    for path in (source.path, metadata_path(source.path), source.partner):
        key.update(_file_key(path))
    cached = CACHE / f"{key.hexdigest()}.pickle"
    if (result := _cached(cached)) is not None:
        return result
    resolution, diagnostics = load_source(source)
    diagnostics += _consistent(resolution, source.path)
    path = source.path
    entry = None
    if resolution is not None and not any(d.severity is Severity.ERROR for d in diagnostics):
        data, problems = _annotation_data()
        diagnostics += problems
        if data is not None:
            analysis, warnings = analyse(resolution, data, source=str(path))
            diagnostics += warnings
            entry = Entry(resolution, analysis)
    result = (entry, capped(diagnostics))
    _store(cached, result)
    return result


def _prune_cache(keep: int) -> None:
    """Keep the ``keep`` most recently used cache entries; remove the rest (and stray partial writes)."""
    try:
        entries = [(path.stat().st_mtime, path) for path in CACHE.glob("*.pickle")]
    except OSError:
        return
    entries.sort(reverse=True)
    for _, path in entries[keep:]:
        with contextlib.suppress(OSError):
            path.unlink()


def _cache_writable() -> str | None:
    """None when the cache folder can be written, else why not."""
    probe = CACHE / f".probe.{os.getpid()}"
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as problem:
        return problem.strerror or str(problem)
    return None


def analyse_corpus(source: Path | list[Path], include_synthetic: bool = False, jobs: int | None = None) -> tuple[list[Entry], bool]:
    """Every resolution under the source folders, by number; False when any has an error (printed).

    Texts (.txt) and the UN's Akoma Ntoso files (.xml) are both read; where a folder holds both for
    one resolution, the text is built and checked against the XML file.
    """
    folders = source if isinstance(source, list) else [source]
    texts = pairs([path for folder in folders for path in resolution_files(folder)])
    if not texts:
        print(f"{folders[0]}:0: error: no resolution texts (*.txt) or UN XML files (*.xml) found", file=sys.stderr)
        return [], False
    fingerprint = _code_fingerprint()
    unwritable = _cache_writable()
    if unwritable:
        print(f"{CACHE}:0: warning: cannot write the analysis cache ({unwritable}); every text is analysed again on every build", file=sys.stderr)
    jobs = jobs or min(len(texts), os.cpu_count() or 1)
    if jobs > 1:
        with ProcessPoolExecutor(jobs) as pool:
            results = list(pool.map(_analyse, texts, [fingerprint] * len(texts)))
    else:
        results = [_analyse(path, fingerprint) for path in texts]
    entries, ok = [], True
    for entry, diagnostics in results:
        for diagnostic in diagnostics:
            print(diagnostic, file=sys.stderr)
        if entry is None or any(d.severity is Severity.ERROR for d in diagnostics):
            ok = False
        elif include_synthetic or not entry.resolution.metadata.synthetic:
            entries.append(entry)
    _prune_cache(max(CACHE_ENTRIES_PER_SOURCE * len(texts), CACHE_MIN_ENTRIES))
    numbers = [entry.resolution.metadata.number for entry in entries]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        print(f"{folders[0]}:0: error: resolution number {duplicates[0]} comes from more than one text", file=sys.stderr)
        ok = False
    return sorted(entries, key=lambda e: e.resolution.metadata.number), ok


def resolution_pages(entry: Entry, links: ResolutionLinks, history: History | None = None, predecessor: Resolution | None = None) -> list[Page]:
    """Overview, full text, one page per paragraph, the insight pages and, in a series, what changed."""
    resolution = entry.resolution
    number = resolution.metadata.number
    insights = insight_pages(resolution, entry.analysis)
    if history is not None and predecessor is not None and (changes := changes_page(resolution, predecessor, history)):
        insights.append(changes)
    made = {page.path for page in insights}
    glance = [LinkItem(title, f"{number}/{path}") for title, path in INSIGHT_LINKS if f"{number}/{path}" in made]
    sections = [("At a glance", glance)] if glance else []
    cited_by = links.cited_by_resolutions()
    if cited_by:
        sections.append(("Cited by other resolutions on this site", cited_by))
    status = overview_status(history, f"{number}/")
    pages = [overview_page(resolution, sections, history=status), text_page(resolution, links)]
    pages += [
        paragraph_page(resolution, element, links, history=paragraph_history(history, resolution, element, ids.page_path(number, element.id), predecessor))
        for element in (*resolution.preamble, *resolution.operative)
    ]
    pages += [annex_page(resolution, annex, links) for annex in resolution.annexes]
    return pages + insights


def data_model(resolution: Resolution, analysis: Analysis, history: History | None = None) -> dict[str, object]:
    """The published JSON: the parse model, with each element's annotations, the actors it names and the
    themes, its references, its obligations, timeline and key facts, and, in a series, its predecessor,
    successor and the alignment of every element with the predecessor's."""
    model = resolution.as_dict()
    annotations = analysis.annotations
    per_element = annotations.as_dict()

    def enrich(element: dict) -> None:
        found = per_element[element["id"]]
        element["addressees"] = found["addressees"]
        element["mentions"] = sorted({m["actor"] for m in found["mentions"] + found["heading_mentions"]})
        element["themes"] = found["themes"]
        element["verbs"] = [v["lemma"] for v in found["verbs"]]
        for item in element["items"]:
            enrich(item)

    for element in model["preamble"] + model["operative"]:
        enrich(element)
    model["references"] = [reference.as_dict() for reference in analysis.references]
    model.update(analysis.as_dict())
    named = set(annotations.named())
    model["actors"] = [{"id": a.id, "name": a.name, "aliases": list(a.aliases), "kind": a.kind.value} for a in annotations.gazetteer.actors if a.id in named]
    model["themes"] = [{"id": t.id, "name": t.name, "definition": t.definition} for t in annotations.taxonomy.themes]
    model.update(history.as_dict() if history else {"series": None, "predecessor": None, "successor": None, "alignment": []})
    return model


def render_corpus(entries: list[Entry], history: tuple[dict[int, History], tuple] | None = None) -> dict[str, str | bytes]:
    """Every generated file, by path under docs/; ``history`` is what ``analyse.history.histories``
    found (computed here when not given)."""
    corpus = Corpus(entries)
    if history is None:
        found, series, _problems = histories([(e.resolution, e.analysis) for e in entries])
    else:
        found, series = history
    outputs: dict[str, str | bytes] = {}
    for entry in entries:
        resolution = entry.resolution
        number = resolution.metadata.number
        links = ResolutionLinks(resolution, entry.references, entry.annotations, corpus)
        own = found.get(number)
        predecessor = corpus.entry(own.predecessor.number).resolution if own and own.predecessor else None
        for page in resolution_pages(entry, links, own, predecessor):
            outputs[page.file] = page.markdown
        outputs[f"data/{number}.json"] = json.dumps(data_model(resolution, entry.analysis, own), ensure_ascii=False, separators=(",", ":")) + "\n"
        if calendar := obligations_calendar(resolution, entry.analysis.obligations):
            outputs[f"{number}/obligations.ics"] = calendar
        outputs[f"data/{number}.csv"] = to_csv(resolution, entry.annotations)
        outputs[f"data/{number}.akn.xml"] = to_akoma_ntoso(resolution)
    resolutions = [entry.resolution for entry in entries]
    shared = (
        home_page(resolutions),
        search_page(resolutions),
        *references_pages([(e.resolution, e.references) for e in entries]),
        *analysis_pages([(e.resolution, e.annotations) for e in entries]),
        *series_pages(series),
        *year_pages(resolutions),
    )
    for page in shared:
        outputs[page.file] = page.markdown
    outputs.update([resolutions_json(resolutions)])
    return outputs


def write_if_changed(path: Path, content: str | bytes) -> None:
    """Write only when different, so `mkdocs serve` reloads only what changed."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def build_site(source: Path | list[Path], docs: Path, include_synthetic: bool = False) -> int:
    """Generate docs/ from source/; returns the exit code."""
    entries, ok = analyse_corpus(source, include_synthetic)
    if ok and not entries:
        folder = source[0] if isinstance(source, list) else source
        print(f"{folder}:0: error: every text is marked synthetic; build them with --synthetic (tests and benchmarks only)", file=sys.stderr)
        return 1
    if not ok:
        return 1
    found, series, problems = histories([(e.resolution, e.analysis) for e in entries])
    for problem in problems:
        print(problem, file=sys.stderr)
    if any(p.severity is Severity.ERROR for p in problems):
        return 1
    outputs = render_corpus(entries, (found, series))
    try:
        _clear_generated(docs, set(outputs))
        for relative, content in outputs.items():
            write_if_changed(docs / relative, content)
    except OSError as problem:
        where = problem.filename or docs
        print(f"{where}:0: error: cannot write the generated pages: {problem.strerror or problem}", file=sys.stderr)
        return 1
    print(f"wrote {len(outputs)} files for {len(entries)} resolution(s) under {docs}/", file=sys.stderr)
    return 0


def _clear_generated(docs: Path, keep: set[str]) -> None:
    """Remove generated files that this build will not write again."""
    directories = [docs / name for name in GENERATED_DIRECTORIES] + [p for p in docs.glob("[0-9]*") if p.is_dir()]
    for directory in directories:
        for path in sorted(directory.rglob("*"), reverse=True):
            relative = path.relative_to(docs).as_posix()
            if path.is_file() and relative not in keep:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    for name in GENERATED_FILES:
        if name not in keep and (docs / name).exists():
            (docs / name).unlink()

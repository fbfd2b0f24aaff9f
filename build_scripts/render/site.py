"""Write every generated page and data file under docs/, from every resolution in a source folder.

Two passes: first each resolution is read and analysed on its own (parse, fidelity check, then
``analyse.analysis.analyse``), cached by content hash and run in parallel, and every warning is
printed; then, with the whole corpus known, pages are rendered from the analysis, so that
references between resolutions link both ways.

Generated paths (``GENERATED_*``, git-ignored) are replaced on each build, so a page that no
longer exists does not linger. Hand-written pages are never touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

from ..analyse.analysis import Analysis, analyse
from ..analyse.annotate import load_annotation_data
from ..model import Diagnostic, Resolution, Severity
from ..pipeline import load_source, metadata_path
from ..sources import Source, pairs, resolution_files
from .akoma_ntoso import to_akoma_ntoso
from .calendar import obligations_calendar
from .analysis_pages import analysis_pages
from .corpus import Corpus, Entry
from .insight_pages import INSIGHT_LINKS, insight_pages
from .links import ResolutionLinks
from .pages import LinkItem, Page, annex_page, home_page, overview_page, paragraph_page, text_page
from .references_page import references_page
from .search_page import search_page
from .tables import to_csv

GENERATED_FILES = ("index.md",)
GENERATED_DIRECTORIES = ("data", "references", "actors", "themes", "verbs", "glossary", "search")
PACKAGE = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("RESOLUTION_SITE_CACHE", ".cache/analysis"))


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


def _analyse(source: Source, fingerprint: bytes) -> tuple[Entry | None, list[Diagnostic]]:
    """Read, check and analyse one resolution; reused from the cache when nothing changed."""
    key = hashlib.sha256(fingerprint)
    for path in (source.path, metadata_path(source.path), source.partner):
        if path is not None and path.is_file():
            try:
                key.update(path.name.encode() + path.read_bytes())
            except OSError:
                key.update(b"unreadable")  # load_source reports it as FILE: error
    cached = CACHE / f"{key.hexdigest()}.pickle"
    if cached.exists():
        return pickle.loads(cached.read_bytes())
    resolution, diagnostics = load_source(source)
    path = source.path
    entry = None
    if resolution is not None and not any(d.severity is Severity.ERROR for d in diagnostics):
        data, problems = _annotation_data()
        diagnostics += problems
        if data is not None:
            analysis, warnings = analyse(resolution, data, source=str(path))
            diagnostics += warnings
            entry = Entry(resolution, analysis)
    result = (entry, diagnostics)
    CACHE.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(pickle.dumps(result))
    return result


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
    numbers = [entry.resolution.metadata.number for entry in entries]
    duplicates = sorted({n for n in numbers if numbers.count(n) > 1})
    if duplicates:
        print(f"{folders[0]}:0: error: resolution number {duplicates[0]} comes from more than one text", file=sys.stderr)
        ok = False
    return sorted(entries, key=lambda e: e.resolution.metadata.number), ok


def resolution_pages(entry: Entry, links: ResolutionLinks) -> list[Page]:
    """Overview, full text, one page per paragraph, and the insight pages."""
    resolution = entry.resolution
    number = resolution.metadata.number
    insights = insight_pages(resolution, entry.analysis)
    made = {page.path for page in insights}
    glance = [LinkItem(title, f"{number}/{path}") for title, path in INSIGHT_LINKS if f"{number}/{path}" in made]
    sections = [("At a glance", glance)] if glance else []
    cited_by = links.cited_by_resolutions()
    if cited_by:
        sections.append(("Cited by other resolutions on this site", cited_by))
    pages = [overview_page(resolution, sections), text_page(resolution, links)]
    pages += [paragraph_page(resolution, element, links) for element in (*resolution.preamble, *resolution.operative)]
    pages += [annex_page(resolution, annex, links) for annex in resolution.annexes]
    return pages + insights


def data_model(resolution: Resolution, analysis: Analysis) -> dict[str, object]:
    """The published JSON: the parse model, with each element's annotations, the actors it names and the
    themes, its references, and its obligations, timeline and key facts."""
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
    return model


def render_corpus(entries: list[Entry]) -> dict[str, str | bytes]:
    """Every generated file, by path under docs/."""
    corpus = Corpus(entries)
    outputs: dict[str, str | bytes] = {}
    for entry in entries:
        resolution = entry.resolution
        links = ResolutionLinks(resolution, entry.references, entry.annotations, corpus)
        for page in resolution_pages(entry, links):
            outputs[page.file] = page.markdown
        number = resolution.metadata.number
        outputs[f"data/{number}.json"] = json.dumps(data_model(resolution, entry.analysis), ensure_ascii=False, indent=1) + "\n"
        if calendar := obligations_calendar(resolution, entry.analysis.obligations):
            outputs[f"{number}/obligations.ics"] = calendar
        outputs[f"data/{number}.csv"] = to_csv(resolution, entry.annotations)
        outputs[f"data/{number}.akn.xml"] = to_akoma_ntoso(resolution)
    resolutions = [entry.resolution for entry in entries]
    shared = (
        home_page(resolutions),
        search_page(resolutions),
        references_page([(e.resolution, e.references) for e in entries]),
        *analysis_pages([(e.resolution, e.annotations) for e in entries]),
    )
    for page in shared:
        outputs[page.file] = page.markdown
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
        print(f"{source}:0: error: every text is marked synthetic; build them with --synthetic (tests and benchmarks only)", file=sys.stderr)
        return 1
    if not ok:
        return 1
    outputs = render_corpus(entries)
    _clear_generated(docs, set(outputs))
    for relative, content in outputs.items():
        write_if_changed(docs / relative, content)
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

"""Write every generated page and data file under docs/, from every resolution in source_texts/.

Generated paths are listed in ``GENERATED`` (and git-ignored); they are replaced on each build,
so a page that no longer exists does not linger. Hand-written pages are never touched.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from ..model import Resolution, Severity
from ..pipeline import load_resolution
from ..annotate import Annotations, annotate, load_annotation_data
from ..references import find_references
from .analysis_pages import analysis_pages
from .akoma_ntoso import to_akoma_ntoso
from .links import ResolutionLinks
from .pages import Page, home_page, overview_page, paragraph_page, text_page
from .references_page import references_page
from .tables import to_csv

GENERATED_FILES = ("index.md",)
GENERATED_DIRECTORIES = ("data", "references", "actors", "themes", "verbs", "glossary")


def resolution_pages(resolution: Resolution, links: ResolutionLinks) -> list[Page]:
    """Overview, full text and one page per paragraph."""
    pages = [overview_page(resolution), text_page(resolution, links)]
    pages += [paragraph_page(resolution, element, links) for element in (*resolution.preamble, *resolution.operative)]
    return pages


def load_corpus(source: Path) -> tuple[list[Resolution], bool]:
    """Every resolution under ``source``, by number; False when any has an error (printed)."""
    texts = sorted(source.glob("*.txt"))
    if not texts:
        print(f"{source}:0: error: no resolution texts (*.txt) found", file=sys.stderr)
        return [], False
    resolutions, ok = [], True
    for path in texts:
        resolution, diagnostics = load_resolution(path)
        for diagnostic in diagnostics:
            print(diagnostic, file=sys.stderr)
        if resolution is None or any(d.severity is Severity.ERROR for d in diagnostics):
            ok = False
        elif not resolution.metadata.synthetic or source.name != "source_texts":
            resolutions.append(resolution)
    return sorted(resolutions, key=lambda r: r.metadata.number), ok


def data_model(resolution: Resolution, references, annotations: Annotations) -> dict[str, object]:
    """The published JSON: the parse model, with each element's annotations and the actors and themes."""
    model = resolution.as_dict()
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
    model["references"] = [reference.as_dict() for reference in references]
    model["actors"] = [{"id": a.id, "name": a.name, "aliases": list(a.aliases), "kind": a.kind.value} for a in annotations.gazetteer.actors]
    model["themes"] = [{"id": t.id, "name": t.name, "definition": t.definition} for t in annotations.taxonomy.themes]
    return model


def resolution_source(source: Path, resolution: Resolution) -> str:
    """The text file a resolution came from, for diagnostics."""
    meta = resolution.metadata
    return str(source / f"s-res-{meta.number}-{meta.year}.txt")


def write_if_changed(path: Path, content: str | bytes) -> None:
    """Write only when different, so `mkdocs serve` reloads only what changed."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    if path.exists() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def build_site(source: Path, docs: Path) -> int:
    """Generate docs/ from source/; returns the exit code."""
    resolutions, ok = load_corpus(source)
    if not ok:
        return 1
    data, problems = load_annotation_data()
    for problem in problems:
        print(problem, file=sys.stderr)
    if data is None:
        return 1
    outputs: dict[str, str | bytes] = {}
    corpus = []
    annotated = []
    for resolution in resolutions:
        references, diagnostics = find_references(resolution, source=resolution_source(source, resolution))
        for diagnostic in diagnostics:
            print(diagnostic, file=sys.stderr)
        corpus.append((resolution, references))
        annotations = annotate(resolution, data)
        annotated.append((resolution, annotations))
        links = ResolutionLinks(resolution, references, annotations)
        for page in resolution_pages(resolution, links):
            outputs[page.file] = page.markdown
        number = resolution.metadata.number
        outputs[f"data/{number}.json"] = json.dumps(data_model(resolution, references, annotations), ensure_ascii=False, indent=1) + "\n"
        outputs[f"data/{number}.csv"] = to_csv(resolution, annotations)
        outputs[f"data/{number}.akn.xml"] = to_akoma_ntoso(resolution)
    for page in (home_page(resolutions), references_page(corpus), *analysis_pages(annotated)):
        outputs[page.file] = page.markdown
    _clear_generated(docs, {str(r.metadata.number) for r in resolutions}, set(outputs))
    for relative, content in outputs.items():
        write_if_changed(docs / relative, content)
    print(f"wrote {len(outputs)} files for {len(resolutions)} resolution(s) under {docs}/", file=sys.stderr)
    return 0


def _clear_generated(docs: Path, numbers: set[str], keep: set[str]) -> None:
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

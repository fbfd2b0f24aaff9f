"""How well the actors generalize over a corpus of UN XML files: ``python scripts/actor_coverage.py [FOLDER …]``.

Reads every English resolution under the folders (default: /work/corpus, a copy of
UNxml/SCresolutions) that parses, annotates it, and prints:

- the share of request-type operative paragraphs with an addressee: paragraphs whose opening
  verb asks something of someone (requests, urges, calls upon, encourages, invites, demands,
  authorizes, …; "Decides" is left out, since the Council often acts itself: "Decides to
  extend the mandate");
- the actors most often addressed that the gazetteer does not know (made by the open-world
  fallback), with how many paragraphs address them: what the lexicon should learn next;
- with --verbose, request-type paragraphs without an addressee.

Options: --top N (30), --jobs N (CPUs), --json FILE (the figures as JSON).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.analyse.annotate import annotate  # noqa: E402
from build_scripts.model import Severity  # noqa: E402
from build_scripts.pipeline import load_resolution  # noqa: E402
from build_scripts.sources import resolution_files  # noqa: E402

ACTS_ITSELF = ("decides",)
"""Opening verbs that address someone only in some of their uses ("Decides that all States shall")."""


@dataclass(slots=True)
class FileFigures:
    """What one file contributes."""

    parsed: bool = False
    requests: int = 0
    """Operative paragraphs opened by a request-type verb."""
    addressed: int = 0
    """Of those, the ones with at least one addressee."""
    unlisted: dict[str, int] = field(default_factory=dict)
    """Id of an actor not in the gazetteer → paragraphs that address it."""
    names: dict[str, str] = field(default_factory=dict)
    """Id → the phrase as printed."""
    without: list[str] = field(default_factory=list)
    """'S/RES/N (Y) op-K: opening words' of request-type paragraphs without an addressee."""


def measure(path: Path) -> FileFigures:
    """The figures of one file; a file that does not parse counts for nothing."""
    figures = FileFigures()
    resolution, diagnostics = load_resolution(path)
    if resolution is None or any(d.severity is Severity.ERROR for d in diagnostics):
        return figures
    figures.parsed = True
    annotations = annotate(resolution)
    unlisted = {actor.id: actor for actor in annotations.gazetteer.actors if not actor.listed}
    for paragraph in resolution.operative:
        found = annotations.for_element(paragraph.id)
        opening = found.verbs[0] if found.verbs else None
        if opening is None or opening.lemma in ACTS_ITSELF or not annotations.lexicon.by_lemma(opening.lemma).addresses:
            continue
        figures.requests += 1
        if found.addressees:
            figures.addressed += 1
        else:
            figures.without.append(f"{resolution.metadata.symbol} {paragraph.id}: {' '.join(paragraph.text.split()[:14])}")
        for element in paragraph.walk():
            for actor in dict.fromkeys(annotations.for_element(element.id).addressees):
                if actor in unlisted:
                    figures.unlisted[actor] = figures.unlisted.get(actor, 0) + 1
                    figures.names[actor] = unlisted[actor].name
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, default=[Path("/work/corpus")])
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    files = [path for folder in args.folders for path in ([folder] if folder.is_file() else resolution_files(folder)) if path.suffix.lower() == ".xml"]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(measure, files, chunksize=8))
    parsed = sum(r.parsed for r in results)
    requests = sum(r.requests for r in results)
    addressed = sum(r.addressed for r in results)
    unlisted: Counter[str] = Counter()
    names: dict[str, str] = {}
    for result in results:
        unlisted.update(result.unlisted)
        names.update(result.names)
    share = addressed / requests if requests else 1.0
    print(f"{len(files)} files, {parsed} parsed")
    print(f"request-type operative paragraphs with an addressee: {addressed} of {requests} ({share:.1%}; target 95%)")
    print(f"actors not in the gazetteer: {len(unlisted)} distinct, addressed in {sum(unlisted.values())} paragraphs; the top {args.top}:")
    for actor, count in unlisted.most_common(args.top):
        print(f"  {count:5d}  {actor}  ({names[actor]})")
    if args.verbose:
        print("request-type paragraphs without an addressee:")
        for result in results:
            for line in result.without:
                print("  ", line)
    if args.json:
        figures = {"files": len(files), "parsed": parsed, "requests": requests, "addressed": addressed, "share": share,
                   "unlisted": [{"id": a, "name": names[a], "paragraphs": n} for a, n in unlisted.most_common()]}
        args.json.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

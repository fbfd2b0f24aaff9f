"""The share of operative paragraphs whose opening verb the lexicon knows, over a corpus of resolutions.

    python scripts/verb_coverage.py FOLDER [--top N] [--jobs J]

Reads every English resolution under FOLDER (a copy of UNxml/SCresolutions, or source_texts/) that
parses, finds the opening verb of each operative paragraph with ``data/verbs.yml`` (a paragraph
with no words of its own opens with its first sub-paragraph's verb), and prints the share known and
the most frequent unknown first words, each with one file where it occurs. Exit code 0 always: this
measures, it does not judge.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_scripts.analyse.verbs import load_lexicon, opening_text, unknown_opening  # noqa: E402
from build_scripts.pipeline import load_resolution  # noqa: E402
from build_scripts.sources import resolution_files  # noqa: E402


def openings(path: Path) -> tuple[int, list[str]]:
    """(operative paragraphs, unknown first words) of one file; (0, []) when it does not parse."""
    lexicon, _problems = load_lexicon()
    try:
        resolution, _diagnostics = load_resolution(path)
    except Exception:  # noqa: BLE001 - the check command counts reader bugs; here a file that fails is skipped
        return 0, []
    if resolution is None or lexicon is None:
        return 0, []
    unknown = [word for paragraph in resolution.operative if (word := unknown_opening(lexicon, opening_text(paragraph)))]
    return len(resolution.operative), unknown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=20, help="unknown first words to list (default 20)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all CPUs)")
    args = parser.parse_args(argv)
    files = resolution_files(args.folder)
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(openings, files, chunksize=8))
    paragraphs = sum(count for count, _ in results)
    unknown: Counter[str] = Counter()
    where: dict[str, str] = {}
    for path, (_count, words) in zip(files, results):
        for word in words:
            unknown[word] += 1
            where.setdefault(word, path.name)
    parsed = sum(1 for count, _ in results if count)
    known = paragraphs - sum(unknown.values())
    print(f"{parsed} of {len(files)} resolutions parsed, {paragraphs} operative paragraphs")
    print(f"known opening verb: {known} of {paragraphs} ({known / max(paragraphs, 1):.2%})")
    for word, count in unknown.most_common(args.top):
        print(f"  {count:5d}  {word}  (e.g. {where[word]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

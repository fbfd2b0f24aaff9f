"""Time the alignment of every consecutive pair of each series: `python scripts/bench_alignment.py [DIR …]`.

Reads and analyses the resolutions under each DIR (source_texts/ when none is given; the build's
analysis cache makes a second run quick), finds their series, then aligns every consecutive pair of
every series of more than one resolution ``--repeat`` times and prints the best and median time of
one full pass, and the slowest pair. Reading and analysing are not timed: only the alignment.
Exit code 0, or 1 when no series with two resolutions is found.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from build_scripts.analyse.alignment import align  # noqa: E402
from build_scripts.analyse.series import find_series, load_series_data  # noqa: E402
from build_scripts.render.site import analyse_corpus  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folders", nargs="*", type=Path, help="folders of resolution texts or UN XML files (default: source_texts)")
    parser.add_argument("--repeat", type=int, default=5, help="full passes to time (default 5)")
    args = parser.parse_args(argv)
    entries, _ok = analyse_corpus(args.folders or [ROOT / "source_texts"])
    by_number = {e.resolution.metadata.number: (e.resolution, e.analysis) for e in entries}
    data, problems = load_series_data()
    for problem in problems:
        print(problem, file=sys.stderr)
    series, _warnings = find_series(list(by_number.values()), data)
    pairs = [(each.id, a.number, b.number) for each in series for a, b in each.pairs()]
    if not pairs:
        print("no series of two or more resolutions found", file=sys.stderr)
        return 1
    passes, slowest = [], (0.0, "")
    for _ in range(max(args.repeat, 1)):
        start = time.perf_counter()
        for name, before, after in pairs:
            begun = time.perf_counter()
            align(by_number[before], by_number[after])
            took = time.perf_counter() - begun
            slowest = max(slowest, (took, f"{name} {before} → {after}"))
        passes.append(time.perf_counter() - start)
    names = sorted({name for name, _, _ in pairs})
    elements = sum(len(by_number[n][0].elements()) for _, n, _ in pairs) + sum(len(by_number[n][0].elements()) for _, _, n in pairs)
    print(f"alignment: {len(pairs)} consecutive pairs in {len(names)} series ({', '.join(names)}), {elements} elements")
    print(f"alignment: one pass {min(passes):.3f} s best, {statistics.median(passes):.3f} s median of {len(passes)}; {1000 * min(passes) / len(pairs):.0f} ms a pair")
    print(f"alignment: slowest pair {slowest[1]}, {1000 * slowest[0]:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

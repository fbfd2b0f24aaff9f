"""Build corpora of real or synthetic resolutions and print what each stage costs.

A measurement, not a test: it exits non-zero only when a build fails. Corpus N is the real seed plus
N - 1 other resolutions: with --corpus DIR (e.g. a copy of UNxml/SCresolutions), real ones from DIR
that parse (`build_scripts.check`), spread evenly over it in file order, at sizes 10, 100 and all;
without it, synthetic copies of the seed (`python -m build_scripts synthetic`) at sizes 1, 10 and 100.
Each corpus is built in a temporary folder with a cold analysis cache, in three timed stages: generation (`python -m build_scripts build`), MkDocs
(`mkdocs build --strict`, which also writes Material's lunr index) and Pagefind (`python -m pagefind`).
Each stage is a subprocess; its CPU time and largest process come from wait4, the peak of its whole
process tree from /proc. Then it sizes the site and the payload of a first search query with each engine,
and checks the targets of issue 8.

Usage: python scripts/bench.py [--corpus DIR] [--sizes 10,100,all] [--shards K] [--zensical BIN] [--json OUT] [--keep]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_measure import SiteStats, StageResult, folder_bytes, run_stage, site_stats  # noqa: E402
from bench_search import QUERIES, Payload, lunr_payload, pagefind_payloads  # noqa: E402
from bench_shards import ShardRun, build_in_shards  # noqa: E402
from bench_zensical import ZensicalRun, compare_zensical  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = "s-res-2364-2017"
SEED_NUMBER = 2364
PARAGRAPH_PAGE = "2364/op/20/index.html"  # the same paragraph of the seed at every corpus size
KB, MB = 1024, 1024 * 1024


@dataclass(slots=True)
class Run:
    """Everything measured for one corpus size."""

    resolutions: int
    """Corpus size: the seed plus resolutions - 1 real or synthetic others."""
    real: bool = False
    """True when the others are real resolutions from --corpus, not synthetic copies."""
    stages: list[StageResult] = field(default_factory=list)
    """Generation, MkDocs and Pagefind, in order."""
    site: SiteStats | None = None
    """The site without Pagefind's folder."""
    paragraph_page: int = 0
    """Bytes of PARAGRAPH_PAGE."""
    lunr_index: int = 0
    """Bytes of search/search_index.json."""
    pagefind_bytes: int = 0
    """Bytes of the pagefind/ folder."""
    pagefind_files: int = 0
    """Files in the pagefind/ folder."""
    payloads: list[Payload] = field(default_factory=list)
    """First-query downloads: lunr, then Pagefind per query."""
    shards: ShardRun | None = None
    """Set when run with --shards."""
    strict_failure: list[str] = field(default_factory=list)
    """The warnings when `mkdocs build --strict` failed and the stage was measured without --strict."""
    zensical: ZensicalRun | None = None
    """Set when run with --zensical."""


def generated_patterns() -> list[str]:
    """The docs/ paths .gitignore marks as generated, relative to docs/ (e.g. "[0-9]*/", "index.md")."""
    lines = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return [line.removeprefix("docs/").rstrip("/") for line in lines if line.startswith("docs/")]


def copy_hand_written_docs(target: Path) -> None:
    """Copy docs/ without the generated paths, as tests/conftest.py does, so stale pages never leak in."""
    patterns = generated_patterns()

    def ignore(folder: str, names: list[str]) -> list[str]:
        if Path(folder).resolve() != (ROOT / "docs").resolve():
            return []
        return [name for name in names if any(fnmatch.fnmatch(name, pattern) for pattern in patterns)]

    shutil.copytree(ROOT / "docs", target, ignore=ignore)


def parsed_resolutions(corpus: Path, jobs: int = 2) -> list[Path]:
    """One file per resolution in ``corpus`` that parses, in file order, without the seed's number."""
    from build_scripts.check import check_corpus, find_resolution_files

    reports = check_corpus(find_resolution_files(corpus), jobs=jobs, round_trip=False)
    chosen: dict[int, Path] = {}
    for report in reports:
        if report.parsed and not report.tracebacks and report.number != SEED_NUMBER:
            chosen.setdefault(report.number, Path(report.file))
    return sorted(chosen.values())


def spread(files: list[Path], count: int) -> list[Path]:
    """``count`` files spread evenly over ``files`` (all of them when there are fewer)."""
    if count >= len(files):
        return list(files)
    return [files[index * len(files) // count] for index in range(count)]


def build_corpus(count: int, work: Path, env: dict[str, str], real: list[Path] | None = None) -> tuple[Path, Path, Path, Run]:
    """Write the corpus, generate its pages and build the site; (docs, config, site, run)."""
    source = work / "source"
    source.mkdir()
    for suffix in (".txt", ".yml"):
        shutil.copy(ROOT / "source_texts" / f"{SEED}{suffix}", source)
    if real is not None:
        for path in spread(real, count - 1):
            shutil.copy(path, source)
    elif count > 1:
        subprocess.run([sys.executable, "-m", "build_scripts", "synthetic", str(source), "--count", str(count - 1)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
    project = work / "project"
    docs = project / "docs"
    copy_hand_written_docs(docs)
    config = project / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", config)
    # The theme's custom_dir (e.g. overrides/) sits beside mkdocs.yml: copy it along.
    for custom in re.findall(r"^\s*custom_dir:\s*['\"]?([^'\"#\s]+)", config.read_text(encoding="utf-8"), re.M):
        if (ROOT / custom).is_dir():
            shutil.copytree(ROOT / custom, project / custom)
    site = work / "site"
    run = Run(count, real=real is not None)
    python = sys.executable
    run.stages.append(run_stage("generation", [python, "-m", "build_scripts", "build", "--source", str(source), "--docs", str(docs), "--synthetic"], ROOT, env, work / "generation.log"))
    mkdocs = [python, "-m", "mkdocs", "build", "-f", str(config), "-d", str(site)]
    try:
        run.stages.append(run_stage("mkdocs", [*mkdocs, "--strict"], project, env, work / "mkdocs.log"))
    except subprocess.CalledProcessError as failure:
        # Keep measuring, but say so: the strict build's warnings are a finding in themselves.
        run.strict_failure = [line for line in failure.output.splitlines() if "WARNING" in line or "Error" in line][:10]
        print(f"{count}: mkdocs --strict failed; measuring without --strict:\n" + "\n".join(run.strict_failure), file=sys.stderr)
        run.stages.append(run_stage("mkdocs", mkdocs, project, env, work / "mkdocs.log"))
    run.stages.append(run_stage("pagefind", [python, "-m", "pagefind", "--site", str(site)], work, env, work / "pagefind.log"))
    run.site = site_stats(site, skip=("pagefind",))
    run.paragraph_page = (site / PARAGRAPH_PAGE).stat().st_size
    # The site searches with Pagefind; Material's lunr index exists only if its search plugin is on
    # (add `- search` under plugins: in mkdocs.yml to measure it again).
    lunr = site / "search" / "search_index.json"
    run.lunr_index = lunr.stat().st_size if lunr.exists() else 0
    run.pagefind_bytes, run.pagefind_files = folder_bytes(site / "pagefind")
    run.payloads = ([lunr_payload(site)] if lunr.exists() else []) + pagefind_payloads(site)
    return docs, config, site, run


def measure(count: int, shards: int, zensical: str | None, keep: bool, real: list[Path] | None = None) -> Run:
    """Build corpus ``count`` in a fresh temporary folder (removed afterwards unless ``keep``)."""
    work = Path(tempfile.mkdtemp(prefix=f"resolution-bench-{count}-"))
    env = {**os.environ, "RESOLUTION_SITE_CACHE": str(work / "cache"), "SOURCE_DATE_EPOCH": "1498694400", "NO_MKDOCS_2_WARNING": "1"}
    try:
        docs, config, site, run = build_corpus(count, work, env, real)
        if shards > 1:
            shard_work = work / "shards"
            shard_work.mkdir()
            run.shards, _ = build_in_shards(docs, config, shards, shard_work, env, site, strict=not run.strict_failure)
        if zensical:
            run.zensical = compare_zensical(docs.parent, site, zensical, work, env)
        return run
    finally:
        if keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def _stage(run: Run, name: str) -> StageResult:
    return next(stage for stage in run.stages if stage.name == name)


def _worst_pagefind(run: Run) -> Payload | None:
    browser = [p for p in run.payloads if p.engine == "pagefind"]
    return max(browser, key=lambda p: p.raw) if browser else None


def table(runs: list[Run]) -> str:
    """The measurements as a Markdown table, one column per corpus size."""
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, value) -> None:
        rows.append((label, [value(run) for run in runs]))

    row("resolutions", lambda r: f"{r.resolutions} ({'real' if r.real else 'synthetic'})")
    row("HTML pages", lambda r: str(r.site.html_pages))
    for name in ("generation", "mkdocs", "pagefind"):
        row(f"{name}: wall / CPU s", lambda r, n=name: f"{_stage(r, n).wall:.1f} / {_stage(r, n).cpu:.1f}")
        row(f"{name}: peak MB tree (largest process)", lambda r, n=name: f"{_stage(r, n).peak_tree_rss / MB:.0f} ({_stage(r, n).max_process_rss / MB:.0f})")
    row("generation + mkdocs: ms/page (wall)", lambda r: f"{1000 * (_stage(r, 'generation').wall + _stage(r, 'mkdocs').wall) / r.site.html_pages:.1f}")
    row("mkdocs alone: ms/page (wall)", lambda r: f"{1000 * _stage(r, 'mkdocs').wall / r.site.html_pages:.1f}")
    row("median / largest page KB", lambda r: f"{r.site.median_html / KB:.1f} / {r.site.largest_html / KB:.0f}")
    row("largest page", lambda r: r.site.largest_html_path)
    row(f"paragraph page ({PARAGRAPH_PAGE}) KB", lambda r: f"{r.paragraph_page / KB:.1f}")
    def lunr(r: Run) -> str:
        found = [p for p in r.payloads if p.engine == "lunr"]
        return f"{found[0].raw / KB:.0f} / {found[0].gzip / KB:.0f}" if found else "off (Pagefind)"
    row("lunr first query KB raw / gzip", lunr)
    for query in QUERIES:
        def pagefind(r: Run, q: str = query) -> str:
            found = [p for p in r.payloads if p.engine == "pagefind" and p.query == q]
            return f"{found[0].raw / KB:.0f} / {found[0].gzip / KB:.0f} ({found[0].requests} files, {found[0].hits} hits)" if found else "no Chromium"
        row(f"Pagefind first query “{query}” KB raw / gzip", pagefind)
    row("site without pagefind/: MB / files", lambda r: f"{r.site.total_bytes / MB:.1f} / {r.site.files}")
    row("pagefind/ folder: MB / files", lambda r: f"{r.pagefind_bytes / MB:.1f} / {r.pagefind_files}")
    if any(r.shards for r in runs):
        row("shards: parallel mkdocs wall s, peak MB", lambda r: f"{r.shards.build.wall:.1f}, {r.shards.build.peak_tree_rss / MB:.0f} (×{r.shards.shards})" if r.shards else "")
        row("shards: merge s; files differing from one build", lambda r: f"{r.shards.merge_seconds:.1f}; {len(r.shards.differing)} of {r.shards.html_compared} HTML compared" if r.shards else "")
    if any(r.zensical for r in runs):
        def zensical(r: Run) -> str:
            z = r.zensical
            return f"{z.build.wall:.1f} / {z.build.cpu:.1f}, {z.build.peak_tree_rss / MB:.0f} MB, median {z.site.median_html / KB:.1f} KB" if z else ""

        def differences(r: Run) -> str:
            z = r.zensical
            if not z:
                return ""
            return (f"{len(z.only_mkdocs)} pages only MkDocs, {len(z.only_zensical)} only Zensical; "
                    f"op ids same on {z.op_pages_same_ids}/{z.op_pages}; other ids differ on {z.other_ids_differing}")
        row("Zensical: wall / CPU s, peak, median page", zensical)
        row("Zensical vs MkDocs: URLs and fragments", differences)
    lines = ["| measure | " + " | ".join(f"{r.resolutions}" for r in runs) + " |", "|---|" + "---|" * len(runs)]
    lines += [f"| {label} | " + " | ".join(values) + " |" for label, values in rows]
    return "\n".join(lines)


def targets(runs: list[Run]) -> list[str]:
    """Issue 8's targets, each as `ok` or `MISSED` with the figures."""
    checks = []
    by_size = {r.resolutions: r for r in runs}
    if not runs:
        return []
    first, last = runs[0], runs[-1]
    if 100 in by_size:
        r = by_size[100]
        total = sum(stage.wall for stage in r.stages)
        peak = max(stage.peak_tree_rss for stage in r.stages)
        checks.append((total <= 600, f"100 resolutions build in {total:.0f} s (≤ 600 s)"))
        checks.append((peak <= 2 * 1024 * MB, f"100 resolutions peak {peak / MB:.0f} MB (≤ 2048 MB)"))
    if last is not first:
        def per_page(r: Run) -> float:
            return (_stage(r, "generation").wall + _stage(r, "mkdocs").wall) / r.site.html_pages
        ratio = per_page(last) / per_page(first)
        checks.append((ratio <= 1.2, f"ms/page at {last.resolutions} is {ratio:.2f}× that at {first.resolutions} (≤ 1.2×)"))
        growth = last.paragraph_page / first.paragraph_page
        checks.append((growth <= 1.1, f"paragraph page at {last.resolutions} is {growth:.2f}× its size at {first.resolutions} (≤ 1.1×)"))
    largest = max(r.paragraph_page for r in runs)
    checks.append((largest <= 50 * KB, f"paragraph page at most {largest / KB:.1f} KB (≤ 50 KB)"))
    for engine in ("lunr", "pagefind"):
        sizes = [p.raw for r in runs for p in r.payloads if p.engine == engine]
        if sizes:
            checks.append((max(sizes) <= 300 * KB, f"{engine}: a first query downloads at most {max(sizes) / KB:.0f} KB raw (≤ 300 KB)"))
    return [f"{'ok    ' if passed else 'MISSED'} {text}" for passed, text in checks]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", metavar="DIR", help="measure real resolutions from DIR (e.g. a copy of UNxml/SCresolutions) instead of synthetic copies")
    parser.add_argument("--sizes", help="corpus sizes, comma-separated; 'all' is every resolution of --corpus (default: 10,100,all with --corpus, else 1,10,100)")
    parser.add_argument("--shards", type=int, default=1, help="also build the largest corpus as K MkDocs builds side by side and merge them")
    parser.add_argument("--zensical", metavar="BIN", help="also build each corpus with this `zensical` executable (its own venv) and compare")
    parser.add_argument("--zensical-up-to", type=int, default=10, metavar="N", help="run Zensical only on corpora of at most N resolutions (default: 10)")
    parser.add_argument("--json", metavar="OUT", help="also write the measurements as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)
    real = None
    if args.corpus:
        print(f"finding the resolutions of {args.corpus} that parse…", file=sys.stderr, flush=True)
        real = parsed_resolutions(Path(args.corpus))
        print(f"{len(real)} resolutions besides the seed", file=sys.stderr, flush=True)
    everything = len(real) + 1 if real is not None else None
    words = (args.sizes or ("10,100,all" if real is not None else "1,10,100")).split(",")
    if "all" in words and everything is None:
        parser.error("--sizes all needs --corpus")
    sizes = sorted({everything if word == "all" else min(int(word), everything or int(word)) for word in words})
    runs = []
    for size in sizes:
        print(f"building {size} resolution(s)…", file=sys.stderr, flush=True)
        try:
            runs.append(measure(size, args.shards if size == sizes[-1] else 1, args.zensical if size <= args.zensical_up_to else None, args.keep, real))
        except subprocess.CalledProcessError as failure:
            print(f"{size}: {' '.join(failure.cmd[:4])}… failed:\n{failure.output}", file=sys.stderr)
            break
    print(table(runs))
    print()
    print("\n".join(targets(runs)))
    for run in runs:
        if run.strict_failure:
            print(f"{run.resolutions}: measured WITHOUT --strict, which failed with: {run.strict_failure}")
        if run.shards and run.shards.differing:
            print(f"shards: differing from one build: {run.shards.differing[:10]}")
        if run.zensical:
            z = run.zensical
            print(f"zensical at {run.resolutions}: only MkDocs {z.only_mkdocs[:5]}, only Zensical {z.only_zensical[:5]}; {z.example}")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(run) for run in runs], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

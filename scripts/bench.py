"""Build corpora of real or synthetic resolutions, print what each stage costs and check issue 17's targets.

A measurement, not a test: it exits non-zero only when a build fails. Corpus N is the real seed (2364)
plus N - 1 other resolutions: with --corpus DIR (e.g. the UN's Akoma Ntoso files), real ones from DIR that
parse (`build_scripts.check`), spread evenly over it in file order, at sizes 1, 100, 500 and all; without
it, synthetic copies of the seed (`python -m build_scripts synthetic`) at sizes 1, 10 and 100.

Each corpus is built in a temporary folder with a cold analysis cache, in timed stages: generation
(`python -m build_scripts build`), MkDocs (`mkdocs build --strict`) and Pagefind (`python -m pagefind`).
With --shards K the largest corpus is built as `make site SHARDS=K -jJ` builds it: split, K MkDocs builds
J at a time (--jobs, default 2), each measured alone (one shard is one job of the Pages workflow's
matrix), merge, then Pagefind once. At --compare-at N (default 100) the corpus is also built in 2 shards
beside its single build and the two trees are compared byte for byte. Each stage is a subprocess; its
CPU time and largest process come from wait4, the peak of its whole process tree from /proc.

Then it sizes the site, each kind of page (scripts/page_bytes.py), the payload of a first search query
(Chromium), optionally Lighthouse (--web), and prints each target as `ok` or `MISSED` with its figure.

Usage: python scripts/bench.py [--corpus DIR] [--sizes 1,100,500,all] [--shards K] [--jobs J]
       [--compare-at N] [--web] [--zensical BIN] [--json OUT] [--keep]
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_measure import SiteStats, StageResult, folder_bytes, run_stage, site_stats  # noqa: E402
from bench_search import QUERIES, Payload, pagefind_payloads, ui_payloads  # noqa: E402
from bench_shards import ShardedBuild, ShardRun, build_in_shards, build_sharded  # noqa: E402
from bench_zensical import ZensicalRun, compare_zensical  # noqa: E402
from page_bytes import KindBytes, kind_of  # noqa: E402
from page_bytes import measure as page_bytes  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = "s-res-2364-2017"
SEED_NUMBER = 2364
PARAGRAPH_PAGE = "2364/op/20/index.html"  # the same paragraph of the seed at every corpus size
KB, MB = 1024, 1024 * 1024
GB = 10**9  # GitHub Pages: "no larger than 1 GB"; counted in decimal bytes, the stricter reading
WEB_TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 100}


@dataclass(slots=True)
class Run:
    """Everything measured for one corpus size."""

    resolutions: int
    """Corpus size: the seed plus resolutions - 1 real or synthetic others."""
    real: bool = False
    """True when the others are real resolutions from --corpus, not synthetic copies."""
    stages: list[StageResult] = field(default_factory=list)
    """Generation, MkDocs (one build, or the shards as one stage), merge (shards only) and Pagefind, in order."""
    site: SiteStats | None = None
    """The site without Pagefind's folder."""
    paragraph_page: int = 0
    """Bytes of PARAGRAPH_PAGE."""
    paragraph_pages: int = 0
    """How many paragraph pages (N/op/X/, N/pp/X/) the site has."""
    paragraph_median: float = 0
    """Median bytes of a paragraph page."""
    kinds: list[KindBytes] = field(default_factory=list)
    """Where the bytes of each kind of page go (sampled: at most 300 pages a kind)."""
    html_by_kind: dict[str, int] = field(default_factory=dict)
    """Bytes of all HTML pages of each kind."""
    data_bytes: int = 0
    """Bytes of the data/ folder (a resolution's JSON, CSV and Akoma Ntoso files)."""
    pagefind_bytes: int = 0
    """Bytes of the pagefind/ folder."""
    pagefind_files: int = 0
    """Files in the pagefind/ folder."""
    payloads: list[Payload] = field(default_factory=list)
    """First-query downloads with Pagefind, one per query."""
    sharded: ShardedBuild | None = None
    """Set when this corpus was built in shards (--shards, largest corpus)."""
    compared: ShardRun | None = None
    """Set at --compare-at: the corpus built again in 2 shards and compared with the single build."""
    strict_failure: list[str] = field(default_factory=list)
    """The warnings when `mkdocs build --strict` failed and the stage was measured without --strict."""
    web: dict[str, dict[str, int]] = field(default_factory=dict)
    """Lighthouse scores per page (--web, largest corpus)."""
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


def html_sizes(site: Path) -> dict[str, int]:
    """Bytes of every HTML page of ``site`` (Pagefind's folder aside), by path."""
    return {p.relative_to(site).as_posix(): p.stat().st_size for p in site.rglob("*.html") if p.relative_to(site).parts[0] != "pagefind"}


def build_corpus(count: int, work: Path, env: dict[str, str], real: list[Path] | None, shards: int, jobs: int) -> tuple[Path, Path, Path, Run]:
    """Write the corpus, generate its pages and build the site (in ``shards`` shards if > 1); (docs, config, site, run)."""
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
    # The theme's custom_dir (overrides/, which also holds the build hook) sits beside mkdocs.yml: copy it along.
    for custom in re.findall(r"^\s*custom_dir:\s*['\"]?([^'\"#\s]+)", config.read_text(encoding="utf-8"), re.M):
        if (ROOT / custom).is_dir():
            shutil.copytree(ROOT / custom, project / custom)
    site = work / "site"
    run = Run(count, real=real is not None)
    python = sys.executable
    run.stages.append(run_stage("generation", [python, "-m", "build_scripts", "build", "--source", str(source), "--docs", str(docs), "--synthetic"], ROOT, env, work / "generation.log"))
    if shards > 1:
        run.sharded = build_sharded(docs, config, shards, jobs, work / "sharded", env, site)
        run.stages += [run.sharded.mkdocs, run.sharded.merge]
    else:
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
    run.pagefind_bytes, run.pagefind_files = folder_bytes(site / "pagefind")
    run.data_bytes, _ = folder_bytes(site / "data")
    run.payloads = pagefind_payloads(site) + ui_payloads(site)
    run.kinds = page_bytes(site, sample=300)
    return docs, config, site, run


def lighthouse_scores(site: Path) -> dict[str, dict[str, int]]:
    """Lighthouse's four scores on home, paragraph 20 and the full text (scripts/bench_web.py's pages)."""
    from bench_web import CATEGORIES, PAGES, lighthouse
    from tests.browser import serve

    scores = {}
    with serve(site, compress=True) as origin:
        for name, path in PAGES.items():
            report = lighthouse(origin + path)
            scores[name] = {c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES}
    return scores


def measure(count: int, args: argparse.Namespace, real: list[Path] | None, largest: bool, sizes: dict[int, dict[str, int]]) -> Run:
    """Build corpus ``count`` in a fresh temporary folder (removed afterwards unless --keep)."""
    work = Path(tempfile.mkdtemp(prefix=f"resolution-bench-{count}-"))
    env = {**os.environ, "RESOLUTION_SITE_CACHE": str(work / "cache"), "SOURCE_DATE_EPOCH": "1498694400", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    shards = args.shards if largest else 1
    try:
        docs, config, site, run = build_corpus(count, work, env, real, shards, args.jobs)
        sizes[count] = html_sizes(site)
        if count == args.compare_at and shards == 1:
            shard_work = work / "compare"
            shard_work.mkdir()
            run.compared, _ = build_in_shards(docs, config, 2, shard_work, env, site, strict=not run.strict_failure)
        if args.web and largest:
            run.web = lighthouse_scores(site)
        if args.zensical and count <= args.zensical_up_to:
            run.zensical = compare_zensical(docs.parent, site, args.zensical, work, env)
        return run
    finally:
        if args.keep:
            print(f"kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def _stage(run: Run, name: str) -> StageResult:
    return next(stage for stage in run.stages if stage.name == name)


def _cpu_per_page(run: Run) -> float:
    """CPU ms per HTML page of generation and MkDocs: the cost of a page, whatever the parallelism."""
    return 1000 * (_stage(run, "generation").cpu + _stage(run, "mkdocs").cpu) / run.site.html_pages


def _site_bytes(run: Run) -> int:
    return run.site.total_bytes + run.pagefind_bytes


def table(runs: list[Run]) -> str:
    """The measurements as a Markdown table, one column per corpus size."""
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, value) -> None:
        rows.append((label, [value(run) for run in runs]))

    row("resolutions", lambda r: f"{r.resolutions} ({'real' if r.real else 'synthetic'})")
    row("HTML pages", lambda r: f"{r.site.html_pages:,}")
    row("MkDocs", lambda r: f"{len(r.sharded.shards)} shards" if r.sharded else "one build")
    for name in ("generation", "mkdocs", "merge", "pagefind"):
        def wall(r: Run, n: str = name) -> str:
            found = [s for s in r.stages if s.name == n]
            return f"{found[0].wall:.1f} / {found[0].cpu:.1f}" if found else ""

        def peak(r: Run, n: str = name) -> str:
            found = [s for s in r.stages if s.name == n]
            return f"{found[0].peak_tree_rss / MB:,.0f} ({found[0].max_process_rss / MB:,.0f})" if found else ""
        row(f"{name}: wall / CPU s", wall)
        if name != "merge":
            row(f"{name}: peak MB tree (largest process)", peak)
    row("shards: pages each; slowest shard wall / CPU s", lambda r: f"{', '.join(f'{p:,}' for p in r.sharded.pages)}; {max(s.wall for s in r.sharded.shards):.0f} / {max(s.cpu for s in r.sharded.shards):.0f}" if r.sharded else "")
    row("generation + mkdocs: CPU ms/page", lambda r: f"{_cpu_per_page(r):.1f}")
    row("median / largest page KB", lambda r: f"{r.site.median_html / KB:.1f} / {r.site.largest_html / KB:,.0f}")
    row("largest page", lambda r: f"`{r.site.largest_html_path}`")
    row("paragraph pages: count, median KB", lambda r: f"{r.paragraph_pages:,}, {r.paragraph_median / KB:.1f}")
    row(f"paragraph page `{PARAGRAPH_PAGE}` KB", lambda r: f"{r.paragraph_page / KB:.1f}")
    engines = list(dict.fromkeys(p.engine for r in runs for p in r.payloads if p.engine != "lunr")) or ["pagefind"]
    for engine in engines:
        for query in QUERIES:
            def pagefind(r: Run, q: str = query, e: str = engine) -> str:
                found = [p for p in r.payloads if p.query == q and p.engine == e]
                return f"{found[0].raw / KB:.0f} / {found[0].gzip / KB:.0f} ({found[0].requests} files, {found[0].hits} hits)" if found else "no Chromium"
            row(f"first query “{query}”, {engine}: KB raw / gzip", pagefind)
    row("site without pagefind/: MB / files", lambda r: f"{r.site.total_bytes / MB:,.1f} / {r.site.files:,}")
    row("pagefind/: MB / files", lambda r: f"{r.pagefind_bytes / MB:,.1f} / {r.pagefind_files:,}")
    row("whole site: MB", lambda r: f"{_site_bytes(r) / MB:,.1f}")
    row("of which HTML by kind: MB", lambda r: ", ".join(f"{kind} {bytes_ / MB:,.1f}" for kind, bytes_ in r.html_by_kind.items()))
    row("of which data/ (JSON, CSV, AKN): MB", lambda r: f"{r.data_bytes / MB:,.1f}")
    if any(r.compared for r in runs):
        row("2 shards vs one build: merge s; files differing", lambda r: f"{r.compared.merge_seconds:.1f}; {len(r.compared.differing)} of {r.compared.html_compared:,} HTML" if r.compared else "")
    lines = ["| measure | " + " | ".join(f"{r.resolutions:,}" for r in runs) + " |", "|---|" + "---|" * len(runs)]
    lines += [f"| {label} | " + " | ".join(values) + " |" for label, values in rows]
    return "\n".join(lines)


def growth(runs: list[Run], sizes: dict[int, dict[str, int]]) -> tuple[Run, int, int, list[tuple[float, str, int, int]]]:
    """Pages present at the last two sizes (the smallest and the largest if there are only two): (the
    earlier run, how many pages, how many grew > 10 %, the growers as (ratio, path, bytes before, bytes
    after), largest ratio first). Between the last two sizes, a page that lists the corpus grows; a page
    that lists one resolution or a bounded number of entries does not, even if it held less on a
    one-resolution site."""
    before = runs[-2] if len(runs) > 2 else runs[0]
    first, last = sizes[before.resolutions], sizes[runs[-1].resolutions]
    common = first.keys() & last.keys()
    grown = sorted(((last[p] / first[p], p, first[p], last[p]) for p in common if last[p] > 1.1 * first[p]), reverse=True)
    return before, len(common), len(grown), grown


def targets(runs: list[Run], sizes: dict[int, dict[str, int]], check_seconds: float) -> list[str]:
    """Issue 17's targets, each as `ok` or `MISSED` with its figure."""
    checks: list[tuple[bool, str]] = []
    if not runs:
        return []
    first, last = runs[0], runs[-1]
    for r in runs:
        checks.append((_site_bytes(r) <= GB, f"size at {r.resolutions:,}: whole site {_site_bytes(r) / GB:.2f} GB with Pagefind's {r.pagefind_bytes / GB:.3f} GB (≤ 1 GB)"))
    for r in runs:
        checks.append((r.paragraph_median <= 12 * KB, f"size at {r.resolutions:,}: median paragraph page {r.paragraph_median / KB:.1f} KB over {r.paragraph_pages:,} pages (≤ 12 KB)"))
    if last is not first:
        # A page that grew but stays under the 50 KB bound is a bounded page that held less at the smaller
        # size (a year's page when the corpus had part of that year); one that grew past it is growing.
        before, common, grown, growers = growth(runs, sizes)
        past = [grower for grower in growers if grower[3] > 50 * KB]
        worst = ", ".join(f"`{p}` {a / KB:.0f}→{b / KB:,.0f} KB" for _, p, a, b in (past or growers)[:5])
        checks.append((not past, f"no page grows past 50 KB: {grown:,} of the {common:,} pages present at {before.resolutions:,} and {last.resolutions:,} grew > 10 %, {len(past)} of them to more than 50 KB" + (f"; {'those' if past else 'most'}: {worst}" if grown else "")))
    for r in runs:
        corpus_wide = {path: size for path, size in sizes[r.resolutions].items() if kind_of(path) == "corpus-wide"}
        if corpus_wide:
            path = max(corpus_wide, key=corpus_wide.get)
            checks.append((corpus_wide[path] <= 50 * KB, f"corpus-wide pages at {r.resolutions:,}: the largest of {len(corpus_wide):,} is {corpus_wide[path] / KB:.1f} KB (`{path}`) (≤ 50 KB)"))
    for r in runs:
        if r.sharded:
            total = check_seconds + sum(stage.wall for stage in r.stages)
            cpu = sum(stage.cpu for stage in r.stages)
            checks.append((total <= 15 * 60, f"build at {r.resolutions:,}: check {check_seconds:.0f} s + generation, {len(r.sharded.shards)} shards side by side, merge, Pagefind = {total / 60:.1f} min wall, {cpu / 60:.1f} min CPU (≤ 15 min wall)"))
            # A job of the workflow's matrix builds one shard of at most PAGES_PER_SHARD pages on its own runner,
            # where wall ≈ CPU: scale the slowest shard's CPU time to that size (setup, ~1 min, not counted).
            from build_scripts.shards import PAGES_PER_SHARD

            slowest = max(range(len(r.sharded.shards)), key=lambda i: r.sharded.shards[i].cpu)
            stage, pages = r.sharded.shards[slowest], r.sharded.pages[slowest]
            job = stage.cpu * min(1.0, PAGES_PER_SHARD / pages)
            checks.append((job <= 10 * 60, f"matrix job at {r.resolutions:,}: a {min(pages, PAGES_PER_SHARD):,}-page shard ≈ {job / 60:.1f} min CPU (slowest shard here: {pages:,} pages, {stage.cpu / 60:.1f} min CPU, {stage.wall / 60:.1f} min wall) (≤ 10 min)"))
    for r in runs[1:]:
        ratio = _cpu_per_page(r) / _cpu_per_page(first)
        checks.append((ratio <= 1.2, f"cost per page at {r.resolutions:,}: {_cpu_per_page(r):.1f} CPU ms, {ratio:.2f}× the {first.resolutions:,}-resolution site's {_cpu_per_page(first):.1f} (≤ 1.2×)"))
    for r in runs:
        peak = max(stage.max_process_rss for stage in r.stages)
        name = max(r.stages, key=lambda stage: stage.max_process_rss).name
        checks.append((peak <= 4 * 1024 * MB, f"memory at {r.resolutions:,}: largest process {peak / MB:,.0f} MB ({name}) (≤ 4,096 MB)"))
    for r in runs:
        # A reader's first query is the site's search (search.js); Pagefind's bare API is shown beside it.
        readers = [p for p in r.payloads if p.engine.startswith("search.js")]
        if readers:
            worst = max(readers, key=lambda p: p.raw)
            bare = max((p for p in r.payloads if p.engine == "pagefind"), key=lambda p: p.raw, default=None)
            beside = f"; Pagefind's API with five results' data: {bare.raw / KB:.0f} KB (“{bare.query}”)" if bare else ""
            checks.append((worst.raw <= 300 * KB, f"search at {r.resolutions:,}: a first query downloads at most {worst.raw / KB:.0f} KB raw (“{worst.query}”, {worst.engine}){beside} (≤ 300 KB)"))
        else:
            checks.append((False, f"search at {r.resolutions:,}: not measured (no Chromium)"))
    for r in runs:
        for page, scores in r.web.items():
            passed = all(scores[c] >= minimum for c, minimum in WEB_TARGETS.items())
            figures = "/".join(str(scores[c]) for c in WEB_TARGETS)
            checks.append((passed, f"browser at {r.resolutions:,}: Lighthouse on {page} {figures} (≥ 95/100/95/100)"))
    if any(r.compared for r in runs):
        r = next(r for r in runs if r.compared)
        checks.append((not r.compared.differing, f"2 shards merged at {r.resolutions:,}: {len(r.compared.differing)} files differ from the single build ({r.compared.html_compared:,} HTML compared; sitemaps joined, Pagefind after the merge)"))
    return [f"{'ok    ' if passed else 'MISSED'} {text}" for passed, text in checks]


def kinds_table(run: Run) -> str:
    """Where the bytes of each kind of page go at one size."""
    from page_bytes import table as bytes_table

    return f"Bytes per kind of page at {run.resolutions:,} resolutions (means over ≤ 300 pages a kind, KB):\n\n" + bytes_table(run.kinds)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", metavar="DIR", help="measure real resolutions from DIR (e.g. the UN's Akoma Ntoso files) instead of synthetic copies")
    parser.add_argument("--sizes", help="corpus sizes, comma-separated; 'all' is every resolution of --corpus (default: 1,100,500,all with --corpus, else 1,10,100)")
    parser.add_argument("--shards", type=int, default=1, help="build the largest corpus as K MkDocs builds, --jobs at a time, and merge them")
    parser.add_argument("--jobs", type=int, default=2, help="shard builds side by side (default: 2)")
    parser.add_argument("--compare-at", type=int, default=100, metavar="N", help="also build corpus N in 2 shards and compare with its single build (default: 100; 0: never)")
    parser.add_argument("--web", action="store_true", help="also run Lighthouse (scripts/bench_web.py) on the largest site")
    parser.add_argument("--zensical", metavar="BIN", help="also build each corpus with this `zensical` executable (its own venv) and compare")
    parser.add_argument("--zensical-up-to", type=int, default=10, metavar="N", help="run Zensical only on corpora of at most N resolutions (default: 10)")
    parser.add_argument("--json", metavar="OUT", help="also write the measurements as JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)
    real = None
    check_seconds = 0.0
    if args.corpus:
        print(f"finding the resolutions of {args.corpus} that parse…", file=sys.stderr, flush=True)
        started = time.perf_counter()
        real = parsed_resolutions(Path(args.corpus))
        check_seconds = time.perf_counter() - started
        print(f"{len(real)} resolutions besides the seed ({check_seconds:.0f} s)", file=sys.stderr, flush=True)
    everything = len(real) + 1 if real is not None else None
    words = (args.sizes or ("1,100,500,all" if real is not None else "1,10,100")).split(",")
    if "all" in words and everything is None:
        parser.error("--sizes all needs --corpus")
    sizes = sorted({everything if word == "all" else min(int(word), everything or int(word)) for word in words})
    runs: list[Run] = []
    pages: dict[int, dict[str, int]] = {}
    for size in sizes:
        print(f"{time.strftime('%H:%M:%S')} building {size} resolution(s)…", file=sys.stderr, flush=True)
        try:
            run = measure(size, args, real, size == sizes[-1], pages)
        except subprocess.CalledProcessError as failure:
            print(f"{size}: {' '.join(map(str, failure.cmd[:4]))}… failed:\n{failure.output}", file=sys.stderr)
            break
        paragraphs = [bytes_ for path, bytes_ in pages[size].items() if kind_of(path) == "paragraph"]
        for path, bytes_ in pages[size].items():
            run.html_by_kind[kind_of(path)] = run.html_by_kind.get(kind_of(path), 0) + bytes_
        run.paragraph_pages, run.paragraph_median = len(paragraphs), statistics.median(paragraphs) if paragraphs else 0
        runs.append(run)
        print(f"{time.strftime('%H:%M:%S')} {size}: {run.site.html_pages:,} pages", file=sys.stderr, flush=True)
    print(table(runs))
    print()
    for run in runs:
        if run.resolutions > 1:
            print(kinds_table(run))
            print()
    print("\n".join(targets(runs, pages, check_seconds)))
    for run in runs:
        if run.strict_failure:
            print(f"{run.resolutions}: measured WITHOUT --strict, which failed with: {run.strict_failure}")
        if run.compared and run.compared.differing:
            print(f"shards at {run.resolutions}: differing from one build: {run.compared.differing[:10]}")
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(run) for run in runs], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

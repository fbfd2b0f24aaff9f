"""The command line: ``python -m build_scripts COMMAND``. Each command's docstring is its --help."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .model import Diagnostic, Severity
from .pipeline import load_resolution


def _print(diagnostics: list[Diagnostic]) -> bool:
    """Print problems as FILE:LINE: severity: message; True when any is an error."""
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)
    return any(d.severity is Severity.ERROR for d in diagnostics)


def command_parse(args: argparse.Namespace) -> int:
    """Parse one resolution text (with its .yml beside it) and write the model as JSON.

    The JSON goes to --json OUT, or to standard output. Problems are printed as
    FILE:LINE: error|warning: message, and any error gives exit code 1.
    """
    resolution, diagnostics = load_resolution(Path(args.file))
    if _print(diagnostics) or resolution is None:
        return 1
    text = json.dumps(resolution.as_dict(), ensure_ascii=False, indent=2) + "\n"
    if args.json:
        Path(args.json).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def command_build(args: argparse.Namespace) -> int:
    """Generate the site's Markdown pages and data files under --docs from every text in --source.

    Every text (NAME.txt, with an optional NAME.yml) and every UN Akoma Ntoso file (.xml) becomes one
    resolution; a text and the XML file of the same resolution are one, the text checked against the file. Generated paths are
    replaced on each run; hand-written pages under docs/ are left alone. Run mkdocs afterwards.
    """
    from .render.site import build_site

    return build_site([Path(folder) for folder in args.source or ["source_texts"]], Path(args.docs), include_synthetic=args.synthetic)


def command_synthetic(args: argparse.Namespace) -> int:
    """Write a synthetic corpus for tests and benchmarks: the seed under new numbers and dates.

    Writes COUNT resolutions (numbers from 9001, years from the seed's plus one) into OUT,
    each marked synthetic, with references rewired to the previous one. Build them with
    `build --source OUT --synthetic`; they are never published from source_texts/.
    """
    from .synthetic import write_corpus

    written = write_corpus(Path(args.seed), Path(args.out), args.count)
    print(f"wrote {len(written)} synthetic resolution(s) into {args.out}", file=sys.stderr)
    return 0


def command_shard_split(args: argparse.Namespace) -> int:
    """Split the generated docs into COUNT shard folders under --into, each buildable by mkdocs.

    Shard I gets a run of resolutions plus every page the nav names; shard 0 also gets the shared
    pages. Build each with `mkdocs build -f INTO/I/mkdocs.yml -d INTO/I/site` (in parallel), then
    run shard-merge. `make site SHARDS=K -jK` does all of it.
    """
    from .shards import split

    if args.count < 1:
        print(f"{args.docs}:0: error: the number of shards must be at least 1", file=sys.stderr)
        return 1
    configs = split(Path(args.docs), Path(args.config), args.count, Path(args.into))
    print(f"split {args.docs} into {len(configs)} shard(s) under {args.into}", file=sys.stderr)
    return 0


def command_shard_merge(args: argparse.Namespace) -> int:
    """Merge built shard sites (SITE..., e.g. build/shards/*/site) into one site at --into.

    Shared files are taken from the lowest shard and the sitemaps are joined. Run Pagefind on the
    merged site afterwards, so the search index covers every shard.
    """
    from .shards import merge

    count = merge([Path(site) for site in args.sites], Path(args.into))
    if not count:
        print(f"{' '.join(args.sites)}:0: error: no built shard site to merge", file=sys.stderr)
        return 1
    print(f"merged {count} shard site(s) into {args.into}", file=sys.stderr)
    return 0


def command_check(args: argparse.Namespace) -> int:
    """Read every English resolution under DIR (UNxml/SCresolutions, or a folder like source_texts/).

    Finds Pre-2020/YEAR/*.xml and YEAR/English/*.xml (not PRST/, 'Not adopted/', other languages
    or files named PRST), and *.xml and *.txt in plain folders. Prints the files found, parsed and
    refused (grouped by kind of error, 3 examples each; every FILE:LINE: error: line with
    --verbose), tracebacks (exceptions while reading: must be 0), word fidelity (parsed XML files
    whose model has exactly the file's words) and the round trip (each model laid out as a PDF
    extraction and read back by the text path must be identical). --json OUT writes the figures;
    --parsed-into OUT links there one parsed file per resolution that no --besides folder gives,
    for `build --source FOLDER --source OUT`. Exit code 1 only when some file raised an exception.
    """
    from .check import run_check

    return run_check(
        [Path(folder) for folder in args.dirs],
        jobs=args.jobs,
        verbose=args.verbose,
        json_out=Path(args.json) if args.json else None,
        round_trip=not args.no_round_trip,
        parsed_into=Path(args.parsed_into) if args.parsed_into else None,
        besides=[Path(folder) for folder in args.besides or []],
    )


COMMANDS = {
    "parse": command_parse,
    "build": command_build,
    "synthetic": command_synthetic,
    "shard-split": command_shard_split,
    "shard-merge": command_shard_merge,
    "check": command_check,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help=command_parse.__doc__.splitlines()[0], description=command_parse.__doc__)
    parse.add_argument("file", help="the resolution's text, e.g. source_texts/s-res-2364-2017.txt")
    parse.add_argument("--json", metavar="OUT", help="write the model here instead of standard output")
    build = commands.add_parser("build", help=command_build.__doc__.splitlines()[0], description=command_build.__doc__)
    build.add_argument(
        "--source",
        action="append",
        help="folder of texts (NAME.txt, with an optional NAME.yml) and UN XML files, or a copy of UNxml/SCresolutions; repeat for several (default: source_texts)",
    )
    build.add_argument("--docs", default="docs", help="MkDocs docs folder to write into (default: docs)")
    build.add_argument("--synthetic", action="store_true", help="also build texts marked synthetic (tests and benchmarks only)")
    synthetic = commands.add_parser("synthetic", help=command_synthetic.__doc__.splitlines()[0], description=command_synthetic.__doc__)
    synthetic.add_argument("out", help="folder to write the synthetic texts into (never source_texts/)")
    synthetic.add_argument("--count", type=int, default=1, help="how many resolutions (default: 1)")
    synthetic.add_argument("--seed", default="source_texts/s-res-2364-2017.txt", help="the text to copy")
    shard_split = commands.add_parser("shard-split", help=command_shard_split.__doc__.splitlines()[0], description=command_shard_split.__doc__)
    shard_split.add_argument("count", type=int, help="how many shards")
    shard_split.add_argument("--docs", default="docs", help="the generated docs folder (default: docs)")
    shard_split.add_argument("--config", default="mkdocs.yml", help="the MkDocs configuration (default: mkdocs.yml)")
    shard_split.add_argument("--into", default="build/shards", help="where to write the shards (default: build/shards)")
    shard_merge = commands.add_parser("shard-merge", help=command_shard_merge.__doc__.splitlines()[0], description=command_shard_merge.__doc__)
    shard_merge.add_argument("sites", nargs="+", help="the built shard sites, e.g. build/shards/*/site")
    shard_merge.add_argument("--into", default="site", help="the merged site (default: site)")
    check = commands.add_parser("check", help=command_check.__doc__.splitlines()[0], description=command_check.__doc__)
    check.add_argument("dirs", nargs="+", metavar="DIR", help="folders (or files) to read, e.g. a copy of UNxml/SCresolutions")
    check.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    check.add_argument("--verbose", action="store_true", help="list every refused file and every round-trip difference")
    check.add_argument("--jobs", type=int, default=2, help="worker processes (default: 2)")
    check.add_argument("--no-round-trip", action="store_true", help="skip the round trip through the text path")
    check.add_argument("--parsed-into", metavar="OUT", help="link one parsed file per resolution into OUT, for build --source OUT")
    check.add_argument("--besides", metavar="FOLDER", action="append", help="with --parsed-into: leave out resolutions this folder gives (repeatable)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; returns the exit code (tests call this directly)."""
    args = _parser().parse_args(argv)
    return COMMANDS[args.command](args)

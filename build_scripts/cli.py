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

    Every source_texts/NAME.txt with its NAME.yml becomes one resolution. Generated paths are
    replaced on each run; hand-written pages under docs/ are left alone. Run mkdocs afterwards.
    """
    from .render.site import build_site

    return build_site(Path(args.source), Path(args.docs), include_synthetic=args.synthetic)


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


COMMANDS = {
    "parse": command_parse,
    "build": command_build,
    "synthetic": command_synthetic,
    "shard-split": command_shard_split,
    "shard-merge": command_shard_merge,
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m build_scripts", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    parse = commands.add_parser("parse", help=command_parse.__doc__.splitlines()[0], description=command_parse.__doc__)
    parse.add_argument("file", help="the resolution's text, e.g. source_texts/s-res-2364-2017.txt")
    parse.add_argument("--json", metavar="OUT", help="write the model here instead of standard output")
    build = commands.add_parser("build", help=command_build.__doc__.splitlines()[0], description=command_build.__doc__)
    build.add_argument("--source", default="source_texts", help="folder of NAME.txt + NAME.yml (default: source_texts)")
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
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run a command; returns the exit code (tests call this directly)."""
    args = _parser().parse_args(argv)
    return COMMANDS[args.command](args)

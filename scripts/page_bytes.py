"""Where a page's bytes go, per kind of page: text, navigation, icons, scripts, meta tags, JSON-LD, rest.

A measurement, not a test. Every byte of every HTML page under SITE is given to exactly one part, the
most specific element that holds it:

- icons: inline ``<svg>`` (Material inlines every icon it shows);
- JSON-LD: ``<script type="application/ld+json">``;
- scripts: every other ``<script>`` element, inline or not (Material's config, its bundle, ours);
- meta tags: ``<meta>``, ``<link>`` and ``<title>``;
- navigation: the header, both sidebars (site navigation and table of contents), the footer, the
  back-to-top button and the paragraph pager;
- text: the article (``.md-content``), i.e. what the page is about;
- rest: the document's skeleton (``<html>``, ``<body>``, wrappers, toggles, the dialog).

``whitespace`` counts, across all parts, the bytes of runs of whitespace that hold a line break:
indentation and blank lines that the templates leave and a browser ignores.

Usage: python scripts/page_bytes.py SITE [--kind paragraph] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from dataclasses import asdict, dataclass
from html.parser import HTMLParser
from pathlib import Path

PARTS = ("text", "navigation", "icons", "scripts", "meta tags", "JSON-LD", "rest")
KINDS = ("home", "overview", "full text", "paragraph", "resolution, other", "corpus-wide", "other")
LINE_BREAK_WHITESPACE = re.compile(r"[ \t]*\n[ \t\n]*")
NAVIGATION_CLASSES = ("md-header", "md-sidebar", "md-footer", "md-top", "res-pager")
VOID = {"meta", "link", "input", "br", "img", "hr", "wbr", "source", "col", "area", "base", "embed", "param", "track"}


def kind_of(relative: str) -> str:
    """The kind of page at ``relative`` (a path under the site, e.g. '2364/op/20/index.html')."""
    parts = relative.split("/")[:-1]
    if not parts:
        return "home"
    if parts[0].isdigit():
        if len(parts) == 1:
            return "overview"
        if parts[1] == "text" and len(parts) == 2:
            return "full text"
        if parts[1] in ("op", "pp") and len(parts) == 3:
            return "paragraph"
        return "resolution, other"
    if parts[0] in ("actors", "themes", "verbs", "references", "glossary"):
        return "corpus-wide"
    return "other"


class _Parts(HTMLParser):
    """Collects (start, end, part) spans of the elements that define a part, in source offsets."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.spans: list[tuple[int, int, str]] = []
        self.open: list[tuple[str, int, str | None]] = []  # (tag, start offset, part or None)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _part(self, tag: str, attributes: dict[str, str | None]) -> str | None:
        classes = (attributes.get("class") or "").split()
        if tag == "svg":
            return "icons"
        if tag == "script":
            return "JSON-LD" if attributes.get("type") == "application/ld+json" else "scripts"
        if tag in ("meta", "link", "title"):
            return "meta tags"
        if tag in ("header", "footer", "nav", "div", "button") and any(name in NAVIGATION_CLASSES for name in classes):
            return "navigation"
        if "md-content" in classes:
            return "text"
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        part = self._part(tag, dict(attrs))
        if tag in VOID:
            if part:
                self.spans.append((start, start + len(self.get_starttag_text() or ""), part))
            return
        self.open.append((tag, start, part))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        part = self._part(tag, dict(attrs))
        if part:
            self.spans.append((start, start + len(self.get_starttag_text() or ""), part))

    def handle_endtag(self, tag: str) -> None:
        end = self._offset() + len(f"</{tag}>")
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                _, start, part = self.open[index]
                del self.open[index:]
                if part:
                    self.spans.append((start, end, part))
                return


def page_parts(html: str) -> dict[str, int]:
    """Bytes of ``html`` (UTF-8) per part, plus 'whitespace' and 'total'."""
    parser = _Parts(html)
    parser.feed(html)
    parser.close()
    labels = ["rest"] * len(html)
    # Outer spans first, so that the innermost element decides (an icon inside the header is an icon).
    for start, end, part in sorted(parser.spans, key=lambda span: (span[0], -span[1])):
        labels[start:end] = [part] * (min(end, len(html)) - start)
    sizes = dict.fromkeys(PARTS, 0)
    for character, label in zip(html, labels):
        sizes[label] += len(character.encode("utf-8")) if ord(character) > 127 else 1
    sizes["whitespace"] = sum(len(match[0]) for match in LINE_BREAK_WHITESPACE.finditer(html))
    sizes["total"] = len(html.encode("utf-8"))
    return sizes


@dataclass(slots=True)
class KindBytes:
    """The pages of one kind: how many, their median size and the mean bytes of each part."""

    kind: str
    """One of KINDS."""
    pages: int
    """HTML pages of this kind."""
    median_total: float
    """Median page size, bytes."""
    mean: dict[str, float]
    """Mean bytes per page of each part, 'whitespace' and 'total'."""
    example: str
    """The page whose size is the median."""


def measure(site: Path, sample: int = 0) -> list[KindBytes]:
    """Per kind of page of ``site``; with ``sample`` > 0, at most that many pages per kind, evenly spread."""
    by_kind: dict[str, list[Path]] = {kind: [] for kind in KINDS}
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site).as_posix()
        if relative.startswith(("pagefind/", "assets/")):
            continue
        by_kind[kind_of(relative)].append(path)
    results = []
    for kind, paths in by_kind.items():
        if not paths:
            continue
        if sample and len(paths) > sample:
            paths = [paths[index * len(paths) // sample] for index in range(sample)]
        measured = [(page_parts(path.read_text(encoding="utf-8")), path) for path in paths]
        measured.sort(key=lambda item: item[0]["total"])
        keys = [*PARTS, "whitespace", "total"]
        mean = {key: statistics.fmean(sizes[key] for sizes, _ in measured) for key in keys}
        median = statistics.median(sizes["total"] for sizes, _ in measured)
        example = measured[len(measured) // 2][1].relative_to(site).as_posix()
        results.append(KindBytes(kind, len(by_kind[kind]), median, mean, example))
    return results


def table(results: list[KindBytes]) -> str:
    """A Markdown table: one row per kind, KB per part (means), the median page and an example."""
    header = ["kind", "pages", "median KB", "mean KB", *PARTS, "of which whitespace", "median page"]
    lines = ["| " + " | ".join(header) + " |", "|---" * len(header) + "|"]
    for result in results:
        cells = [result.kind, f"{result.pages:,}", f"{result.median_total / 1024:.1f}", f"{result.mean['total'] / 1024:.1f}"]
        cells += [f"{result.mean[part] / 1024:.1f}" for part in PARTS]
        cells += [f"{result.mean['whitespace'] / 1024:.1f}", f"`{result.example}`"]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a built site (e.g. site/)")
    parser.add_argument("--sample", type=int, default=0, metavar="N", help="measure at most N pages of each kind, evenly spread (default: all)")
    parser.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: error: not a folder", file=sys.stderr)
        return 1
    results = measure(args.site, args.sample)
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps([asdict(result) for result in results], indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Lighthouse (mobile profile) on three pages of the built site, served on 127.0.0.1.

Prints the four category scores and the total transfer size of each page. The local server gzips text
as GitHub Pages does, so "transfer" is what a reader downloads; "gzipped" recomputes it from the files. A measurement, not a test:
it exits non-zero only when Lighthouse itself fails. Usage: python scripts/bench_web.py [SITE_DIR]
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.browser import CHROMIUM, serve  # noqa: E402 - the repository root is on the path only now

LIGHTHOUSE = "lighthouse@12.2.3"  # pinned: scores move between Lighthouse versions
PAGES = {"home": "", "paragraph 20": "2364/op/20/", "full text": "2364/text/"}
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def lighthouse(url: str) -> dict:
    """One Lighthouse run with its default mobile emulation and throttling; the JSON report."""
    command = [
        "npx", "-y", LIGHTHOUSE, url,
        "--output=json", "--output-path=stdout", "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
    ]  # fmt: skip
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def gzipped_kib(report: dict, origin: str, site: Path) -> float:
    """What the page's requests would weigh gzipped, as GitHub Pages serves them (http.server does not compress)."""
    total = 0
    for item in report["audits"]["total-byte-weight"]["details"]["items"]:
        relative = item["url"].removeprefix(origin).split("#")[0].split("?")[0]
        path = site / relative
        if path.is_dir() or relative == "":
            path = path / "index.html"
        total += len(gzip.compress(path.read_bytes())) if path.is_file() else item["totalBytes"]
    return total / 1024


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0] if args else "site")
    if not (site / "index.html").exists():
        print(f"{site}: no built site; run `make site` first", file=sys.stderr)
        return 2
    print(f"{'page':<14}" + "".join(f"{name:>16}" for name in CATEGORIES) + f"{'transfer (KiB)':>16}{'gzipped (KiB)':>16}")
    with serve(site, compress=True) as origin:
        for name, path in PAGES.items():
            report = lighthouse(origin + path)
            scores = [report["categories"][category]["score"] for category in CATEGORIES]
            transfer = report["audits"]["total-byte-weight"]["numericValue"] / 1024
            cells = "".join(f"{'n/a' if score is None else round(score * 100):>16}" for score in scores)
            print(f"{name:<14}{cells}{transfer:>16.1f}{gzipped_kib(report, origin, site):>16.1f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Building in shards gives the same site as one build: same files, same bytes, one sitemap."""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import subprocess
import sys

import pytest

from build_scripts.shards import merge, ranges, split
from build_scripts.synthetic import write_corpus
from tests.conftest import ROOT, SEED, build_site_into


def test_two_shards_merge_into_the_single_build(tmp_path):
    source = tmp_path / "texts"
    write_corpus(SEED, source, 2)
    shutil.copy(SEED, source)
    shutil.copy(SEED.with_suffix(".yml"), source)
    single = build_site_into(source, tmp_path / "single", synthetic=True)
    project = tmp_path / "single"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": "1498694400"}
    configs = split(project / "docs", project / "mkdocs.yml", 2, tmp_path / "shards")
    assert len(configs) == 2
    for config in configs:
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(config.parent / "site")], check=True, env=env, capture_output=True)
    # Each resolution is built by exactly one shard.
    built = [{p.parent.name for p in (config.parent / "site").glob("*/op")} for config in configs]
    assert not built[0] & built[1] and built[0] | built[1] == {"2364", "9001", "9002"}
    merged = tmp_path / "merged"
    assert merge(sorted((tmp_path / "shards").glob("*/site")), merged) == 2

    def files(site):
        return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file() and p.relative_to(site).parts[0] != "pagefind"}

    assert files(merged) == files(single)
    differing = [f for f in files(single) if not filecmp.cmp(merged / f, single / f, shallow=False)]
    assert set(differing) <= {"sitemap.xml", "sitemap.xml.gz"}

    def locations(site):
        return sorted(re.findall(r"<loc>(.*?)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8")))

    assert locations(merged) == locations(single)


@pytest.mark.parametrize(
    ("pages", "shared", "count", "expected"),
    [
        ({"1": 10, "2": 10, "3": 10, "4": 10}, 0, 2, [["1", "2"], ["3", "4"]]),  # equal resolutions: equal halves
        ({"1": 30, "2": 5, "3": 5, "4": 20}, 0, 2, [["1"], ["2", "3", "4"]]),  # cut by pages, not by resolutions
        ({"1": 10, "2": 10, "3": 10, "4": 10}, 40, 2, [[], ["1", "2", "3", "4"]]),  # shard 0 also builds the shared pages
        ({"1": 10, "2": 10, "3": 10}, 10, 2, [["1"], ["2", "3"]]),
        ({"10": 5, "9": 5, "100": 5}, 0, 3, [["9"], ["10"], ["100"]]),  # in number order, not string order
        ({"1": 5}, 0, 3, [[], ["1"], []]),  # more shards than resolutions: some shards build only the nav pages
    ],
)
def test_shards_are_contiguous_ranges_with_balanced_page_counts(pages, shared, count, expected):
    assert ranges(pages, shared, count) == expected

"""Measuring helpers for `make bench`: run one stage as a subprocess, and describe a built site.

A stage's CPU time and largest single process come from os.wait4, which covers the stage and every
process it waited for (the generator's worker pool included). Because the pool's workers run at the same
time, the peak of the whole process tree is sampled from /proc as well: that is the figure to hold
against a machine's memory.
"""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


@dataclass(frozen=True, slots=True)
class StageResult:
    """What one stage cost."""

    name: str
    """Which stage: generation, mkdocs, pagefind, …"""
    wall: float
    """Elapsed seconds."""
    cpu: float
    """User + system seconds of the stage and all its children."""
    max_process_rss: int
    """Bytes: the largest resident set of any single process in the stage (wait4's ru_maxrss)."""
    peak_tree_rss: int
    """Bytes: the largest sum of resident sets over the stage's process tree, sampled every 50 ms."""


def _children_of() -> dict[int, list[int]]:
    """Map of parent pid to child pids, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue
        # The command name is in parentheses and may contain spaces: split after the last ")".
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    return children


def _tree_rss(root: int) -> int:
    """Bytes resident in ``root`` and all its descendants right now."""
    children = _children_of()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE
        except (OSError, IndexError, ValueError):
            pass
        stack.extend(children.get(pid, []))
    return total


def run_stage(name: str, command: list[str], cwd: Path, env: dict[str, str], log: Path) -> StageResult:
    """Run ``command`` to completion, its output into ``log``; raises CalledProcessError on failure."""
    with log.open("w") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.is_set():
                peak = max(peak, _tree_rss(process.pid))
                done.wait(0.05)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = log.read_text(errors="replace")[-3000:]
        raise subprocess.CalledProcessError(process.returncode, command, output=tail)
    return StageResult(name, wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024, peak)


@dataclass(frozen=True, slots=True)
class SiteStats:
    """Sizes of a built site."""

    html_pages: int
    """Number of .html files."""
    files: int
    """Number of files of any kind."""
    total_bytes: int
    """Sum of all file sizes."""
    median_html: int
    """Median .html file size in bytes."""
    largest_html: int
    """Largest .html file size in bytes."""
    largest_html_path: str
    """Path of the largest page, relative to the site."""


def site_stats(site: Path, skip: tuple[str, ...] = ()) -> SiteStats:
    """Count and size every file under ``site``, leaving out top-level folders named in ``skip``."""
    html: list[tuple[int, str]] = []
    files = total = 0
    for path in site.rglob("*"):
        if not path.is_file() or path.relative_to(site).parts[0] in skip:
            continue
        size = path.stat().st_size
        files += 1
        total += size
        if path.suffix == ".html":
            html.append((size, str(path.relative_to(site))))
    sizes = sorted(size for size, _ in html)
    largest = max(html)
    return SiteStats(len(html), files, total, int(statistics.median(sizes)), largest[0], largest[1])


def gzipped(data: bytes) -> int:
    """Bytes on the wire if the host gzips it (GitHub Pages does, for text); never more than raw."""
    return min(len(data), len(gzip.compress(data, 6)))


def folder_bytes(folder: Path) -> tuple[int, int]:
    """(bytes, files) under ``folder``."""
    sizes = [path.stat().st_size for path in folder.rglob("*") if path.is_file()]
    return sum(sizes), len(sizes)

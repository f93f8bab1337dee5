"""``validate --changed-since``: the whole plan is checked, only changed files reported."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.conftest import make_plan


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


def test_only_changed_files_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_plan(tmp_path, {"a.yaml": "kind: Agrement\n"})
    git(root, "init", "-q")
    git(root, "-c", "user.name=t", "-c", "user.email=t@e", "add", ".")
    git(root, "-c", "user.name=t", "-c", "user.email=t@e", "commit", "-qm", "base")
    (root / "b.yaml").write_text("kind: Peopel\n", encoding="utf-8")
    code = main(["validate", str(root), "-f", "parsable", "--changed-since", "HEAD"])
    out = capsys.readouterr().out
    assert code == 1
    assert out.splitlines() == [
        "b.yaml:1:7: [error] unknown kind 'Peopel'; known kinds: Plan, Strategy, OrgChart,"
        " Framework, Agreement, OSMatrix, JobFamilies, JobDescription, People, Actuals"
        " (did you mean 'People'?) (SPEC002)"
    ]
    assert main(["validate", str(root), "--changed-since", "nope"]) == 2

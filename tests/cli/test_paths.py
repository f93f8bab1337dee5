"""Reported file names resolve from where their reader stands (docs/ci.md).

A real git repository in tmp_path holds the minimal plan in ``plans/x``,
with the weights of ``agreements/units/SVC.yaml`` summing to 105 (WGT001 at
9:1).  CI formats name files from the repository root wherever cascade runs;
``text`` from the current folder; ``--path-base`` overrides both.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.conftest import MINIMAL

SVC = "agreements/units/SVC.yaml"
MESSAGE = "the weights of SVC's KPIs sum to 105, not 100"


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The repository's top folder; the plan is in ``plans/x``."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    top = tmp_path / "repo"
    plan = top / "plans" / "x"
    shutil.copytree(MINIMAL, plan, ignore=shutil.ignore_patterns(".cascade-cache"))
    svc = plan / SVC
    svc.write_text(svc.read_text("utf-8").replace("weight: 30\n", "weight: 35\n"), "utf-8")
    subprocess.run(["git", "init", "-q"], cwd=top, check=True, capture_output=True)
    return top


def output(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    """What ``cascade validate ARGV --no-cache`` prints; it must exit 1 (the plan errs)."""
    code = main(["validate", *argv, "--no-cache"])
    out = capsys.readouterr().out
    assert code == 1, out
    return out


def names(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    """The file names each CI format prints for the plan's one problem."""
    github = output(capsys, *argv, "-f", "github")
    sarif = json.loads(output(capsys, *argv, "-f", "sarif"))["runs"][0]["results"]
    gitlab = json.loads(output(capsys, *argv, "-f", "gitlab"))
    junit = output(capsys, *argv, "-f", "junit")
    report = json.loads(output(capsys, *argv, "-f", "json"))
    return {
        "github": github.split("::")[1],
        "sarif": [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in sarif],
        "gitlab": [issue["location"] for issue in gitlab],
        "junit": [line.strip() for line in junit.splitlines() if "SVC" in line],
        "json": (report["root"], report["files"][2], report["diagnostics"][0]["file"]),
        "parsable": output(capsys, *argv, "-f", "parsable"),
    }


def expected(path: str, root: str) -> dict[str, object]:
    """What :func:`names` gives when SVC.yaml is named ``path`` and the plan ``root``."""
    return {
        "github": f"error file={path},line=9,col=1,title=WGT001 weights-total",
        "sarif": [{"uri": path}],
        "gitlab": [{"path": path, "lines": {"begin": 9}}],
        "junit": [
            f'<testcase name="{path}" classname="cascade">',
            f'<failure message="{MESSAGE}" type="WGT001">{path}:9:1: [error] {MESSAGE}'
            " (WGT001)</failure>",
        ],
        "json": (root, path, path),
        "parsable": f"{path}:9:1: [error] {MESSAGE} (WGT001)\n",
    }


def test_from_the_repository_root(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    assert names(capsys, "plans/x") == expected(f"plans/x/{SVC}", "plans/x")
    text = output(capsys, "plans/x", "-f", "text")
    assert text.splitlines()[:2] == [f"plans/x/{SVC}", f"  9:1  error    {MESSAGE}  WGT001"]


def test_from_inside_the_plan(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo / "plans" / "x")
    assert names(capsys) == expected(f"plans/x/{SVC}", "plans/x")
    assert output(capsys, "-f", "text").splitlines()[0] == SVC
    monkeypatch.chdir(repo / "plans" / "x" / "agreements")
    assert output(capsys, "..", "-f", "text").splitlines()[0] == "units/SVC.yaml"
    assert output(capsys, "..", "-f", "github").startswith(f"::error file=plans/x/{SVC},")


def test_path_base_overrides(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo)
    assert names(capsys, "plans/x", "--path-base", "plans") == expected(f"x/{SVC}", "x")
    inside = ("plans/x", "--path-base", "plans/x/agreements", "-f")
    assert output(capsys, *inside, "parsable").startswith("units/SVC.yaml:9:1: ")
    assert output(capsys, *inside, "text").startswith("units/SVC.yaml\n")
    assert main(["validate", "plans/x", "--path-base", "nowhere"]) == 2
    (repo.parent / "elsewhere").mkdir()
    beside = output(capsys, "plans/x", "--path-base", str(repo.parent / "elsewhere"), "-f", "json")
    assert json.loads(beside)["root"] == "../repo/plans/x"


def test_github_workspace(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(repo / "plans" / "x")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo / "plans"))
    assert names(capsys) == expected(f"x/{SVC}", "x")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo.parent / "other"))  # not holding the plan
    assert output(capsys, "-f", "github").startswith(f"::error file=plans/x/{SVC},")
    shutil.rmtree(repo / ".git")  # a checkout without git: the workspace is the base
    monkeypatch.setenv("GITHUB_WORKSPACE", str(repo))
    assert output(capsys, "-f", "gitlab").count(f'"path": "plans/x/{SVC}"') == 1


def test_outside_a_work_tree_names_stay_plan_relative(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.rmtree(repo / ".git")
    monkeypatch.chdir(repo)
    assert names(capsys, "plans/x") == expected(SVC, ".")
    assert output(capsys, "plans/x", "-f", "text").startswith(f"plans/x/{SVC}\n")

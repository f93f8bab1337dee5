"""The pre-commit hooks and the CI snippets in docs/ci.md are valid and agree."""

from __future__ import annotations

import re
from typing import Any

import yaml

from tests.conftest import ROOT

HOOKS = ROOT / ".pre-commit-hooks.yaml"
CI_DOC = ROOT / "docs" / "ci.md"


def _hooks() -> dict[str, dict[str, Any]]:
    return {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text(encoding="utf-8"))}


def _blocks() -> list[Any]:
    text = CI_DOC.read_text(encoding="utf-8")
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]


def test_the_hooks_run_cascade() -> None:
    hooks = _hooks()
    assert set(hooks) == {"cascade-validate", "cascade-fmt"}
    validate, fmt = hooks["cascade-validate"], hooks["cascade-fmt"]
    assert (validate["entry"], validate["language"], validate["pass_filenames"]) == (
        "cascade validate",
        "python",
        False,
    )
    assert (fmt["entry"], fmt["language"]) == ("cascade fmt", "python")
    assert fmt.get("pass_filenames", True)


def test_the_hooks_pick_the_right_files() -> None:
    hooks = _hooks()
    validate, fmt = hooks["cascade-validate"], hooks["cascade-fmt"]
    for name in ("plan/cascade.yaml", "a.yml", "actuals/2569-Q2.csv", "actuals/q.xlsx"):
        assert re.search(validate["files"], name)
    assert not re.search(validate["files"], "README.md")
    for name, picked in {"agreements/LAW.yaml": True, "x.yml": True, "q.csv": False}.items():
        assert bool(re.search(fmt["files"], name)) is picked
    for name in (".pre-commit-config.yaml", ".github/workflows/plan.yml"):
        assert re.search(fmt["exclude"], name)
    assert not re.search(fmt["exclude"], "plans/probation/people.yaml")


def test_the_ci_snippets_are_yaml_and_run_both_checks() -> None:
    github, gitlab, *precommit = _blocks()
    steps = github["jobs"]["check"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert any(r.startswith("cascade validate") and "--format github" in r for r in runs)
    assert any(r.startswith("cascade fmt --check") for r in runs)
    assert any(step.get("uses", "").startswith("actions/setup-python") for step in steps)
    script = gitlab["plan:validate"]["script"]
    assert "cascade validate plans/probation --format junit -o report.xml" in script
    assert gitlab["plan:validate"]["artifacts"]["reports"]["junit"] == "report.xml"
    assert "cascade fmt --check plans/probation" in gitlab["plan:fmt"]["script"]
    configs = [config for config in precommit if "repos" in config]  # not the reminder workflow
    ids = {hook["id"] for config in configs for repo in config["repos"] for hook in repo["hooks"]}
    assert set(_hooks()) <= ids

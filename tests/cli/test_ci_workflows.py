"""The workflows in docs/ci.md work in a plan-only repository and call cascade correctly.

Every ``cascade …`` command in a ``run:`` or ``script:`` line is parsed by
the real command line (typer's click commands) without running it, so an
option that does not exist, or a value it refuses, fails here.
"""

from __future__ import annotations

import re
import shlex
from typing import Any

import pytest
import typer.main
import yaml

from cascade.cli.app import app
from cascade.diff import RENDERERS
from cascade.reporters import CHOICES
from tests.conftest import ROOT

CI_DOC = ROOT / "docs" / "ci.md"


def _blocks() -> list[Any]:
    text = CI_DOC.read_text(encoding="utf-8")
    return [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]


def _github() -> dict[str, Any]:
    (workflow,) = [b for b in _blocks() if isinstance(b, dict) and "check" in b.get("jobs", {})]
    return workflow


def _gitlab() -> dict[str, Any]:
    (pipeline,) = [b for b in _blocks() if isinstance(b, dict) and "plan:validate" in b]
    return pipeline


def _commands(lines: list[str]) -> list[list[str]]:
    """The arguments of every ``cascade`` command in shell lines (``${{ }}`` and
    ``|| true`` left out)."""
    found = []
    for line in "\n".join(lines).splitlines():
        line = re.sub(r"\$\{\{.*?\}\}", "EXPR", line).split("||")[0].split("#")[0]
        words = shlex.split(line)
        if words[:1] == ["cascade"]:
            found.append(words[1:])
    return found


def _subcommands(command: Any) -> dict[str, Any]:
    return getattr(command, "commands", None) or {}


def _parse(args: list[str]) -> Any:
    """``cascade ARGS`` parsed as the CLI parses it, without running it (the
    command's context); the parser's usage error when it refuses them."""
    command: Any = typer.main.get_command(app)
    parent = command.make_context("cascade", [], resilient_parsing=True)
    while args and args[0] in _subcommands(command):
        name, *args = args
        command = _subcommands(command)[name]
        if args and args[0] in _subcommands(command):
            parent = command.make_context(name, [], parent=parent, resilient_parsing=True)
    return command.make_context(command.name or "", list(args), parent=parent)


def test_the_github_workflow_fits_a_plan_only_repository() -> None:
    workflow = _github()
    assert workflow["permissions"] == {
        "contents": "read",
        "security-events": "write",
        "pull-requests": "write",
    }
    steps = workflow["jobs"]["check"]["steps"]
    uses = {step.get("uses", "").split("@")[0]: step for step in steps if "uses" in step}
    assert uses["actions/checkout"]["with"] == {"fetch-depth": 0}
    assert "cache" not in uses["actions/setup-python"]["with"]
    assert uses["github/codeql-action/upload-sarif"]["with"]["sarif_file"] == "cascade.sarif"
    assert uses["marocchino/sticky-pull-request-comment"]["with"]["path"] == "plan-diff.md"
    runs = "\n".join(step.get("run", "") for step in steps)
    assert 'cat plan-diff.md >> "$GITHUB_STEP_SUMMARY"' in runs
    assert "${{" not in runs  # expressions reach scripts through env:, never pasted in
    assert _commands([runs]) == [
        ["validate", "plans/probation", "--format", "github"],
        ["fmt", "--check", "plans/probation"],
        ["validate", "plans/probation", "--format", "sarif", "-o", "cascade.sarif"],
        ["diff", "origin/$BASE...HEAD", "plans/probation", "--format", "md", "-o", "plan-diff.md"],
    ]


def test_the_gitlab_job_reports_code_quality_and_junit() -> None:
    job = _gitlab()["plan:validate"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"] == {
        "codequality": "gl-code-quality-report.json",
        "junit": "report.xml",
    }
    assert _commands(job["script"]) == [
        ["validate", "plans/probation", "--format", "gitlab", "-o", "gl-code-quality-report.json"],
        ["validate", "plans/probation", "--format", "junit", "-o", "report.xml"],
    ]


def test_every_cascade_command_in_the_doc_is_accepted() -> None:
    lines: list[str] = []
    for step in _github()["jobs"]["check"]["steps"]:
        lines.append(step.get("run", ""))
    for job in _gitlab().values():
        lines.extend(job["script"])
    commands = _commands(lines)
    assert len(commands) == 7
    formats = {"validate": set(CHOICES), "diff": set(RENDERERS)}
    for args in commands:
        context = _parse(args)
        if "--format" in args:
            assert context.params["format"] == args[args.index("--format") + 1]
            assert context.params["format"] in formats[args[0]], args


def test_the_scheduled_reminder_runs_status() -> None:
    (workflow,) = [b for b in _blocks() if isinstance(b, dict) and "status" in b.get("jobs", {})]
    assert workflow[True]["schedule"] == [{"cron": "0 1 * * 1-5"}]  # YAML 1.1 reads 'on' as True
    runs = [step.get("run", "") for step in workflow["jobs"]["status"]["steps"]]
    commands = [args[: args.index(">")] for args in _commands(runs)]
    assert commands == [
        ["status", "plans/probation", "--period", "2569-Q2", "--format", "markdown"],
        ["status", "plans/probation", "--period", "2569-Q2", "--exit-code"],
    ]
    assert [_parse(args).params["exit_code"] for args in commands] == [False, True]


@pytest.mark.parametrize(
    "args", [["validate", ".", "--bogus"], ["diff", "--format"], ["fmt", "--nope"]]
)
def test_the_check_refuses_what_the_cli_refuses(args: list[str]) -> None:
    with pytest.raises(Exception) as refused:
        _parse(args)
    assert getattr(refused.value, "exit_code", None) == 2  # a usage error, as main() treats it

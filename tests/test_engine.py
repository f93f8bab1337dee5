"""The pipeline: rule levels, crashing rules, collecting everything, exit codes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cascade.diagnostics import Finding, Level
from cascade.engine import PlanRootError, validate_plan
from cascade.model.build import build_model
from cascade.pipeline import run_rules
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import SELF
from tests.conftest import MINIMAL, assert_diags, make_plan

PLAN = (MINIMAL / "cascade.yaml").read_text(encoding="utf-8")
UNIT = (MINIMAL / "agreements/units/SVC.yaml").read_text(encoding="utf-8")


def test_not_a_plan_folder(tmp_path: Path) -> None:
    with pytest.raises(PlanRootError, match=r"no cascade\.yaml"):
        validate_plan(tmp_path)
    with pytest.raises(PlanRootError, match="no such folder"):
        validate_plan(tmp_path / "missing")


def test_rule_levels_from_cascade_yaml(tmp_path: Path) -> None:
    unit = UNIT.replace("weight: 30}", "weight: 20}")  # the common KPI: total 90
    root = make_plan(tmp_path, {"agreements/units/SVC.yaml": unit})
    assert_diags(root, [("WGT001", "agreements/units/SVC.yaml", 9, 1)])
    plan = PLAN + "rules: {WGT001: warning}\n"
    root = make_plan(tmp_path / "w", {"agreements/units/SVC.yaml": unit, "cascade.yaml": plan})
    result = assert_diags(root, [("WGT001", "agreements/units/SVC.yaml", 9, 1)])
    assert result.diagnostics[0].level is Level.WARNING
    assert result.exit_code() == 0 and result.exit_code(strict=True) == 1
    plan = PLAN + "rules: {WGT001: off}\n"
    root = make_plan(tmp_path / "o", {"agreements/units/SVC.yaml": unit, "cascade.yaml": plan})
    assert_diags(root, [])


def test_unknown_rule_code_in_cascade_yaml(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {"cascade.yaml": PLAN + "rules: {WGT01: off}\n"})
    result = assert_diags(root, [("PLN003", "cascade.yaml", 18, 9)])
    assert result.diagnostics[0].hint == "did you mean 'WGT001'?"


def test_a_crashing_rule_is_one_internal_error(tmp_path: Path) -> None:
    @rule("ZZZ001", "explodes", reads=(SELF,))
    def explodes(ctx: Context) -> Iterator[Finding]:
        """Always crashes."""
        yield from ()
        raise RuntimeError("boom")

    @rule("ZZZ002", "says-hello", Level.WARNING, reads=(SELF,))
    def hello(ctx: Context) -> Iterator[Finding]:
        """Always reports."""
        yield Finding("hello", "cascade.yaml")

    from cascade.load.files import read_file
    from cascade.spec.validate import validate_document

    read = read_file(MINIMAL / "cascade.yaml", "cascade.yaml")
    doc, _ = validate_document(read.documents[0], "cascade.yaml", 0)
    assert doc is not None
    model, _ = build_model([doc])
    findings = run_rules(model, [explodes, hello])
    assert [(f.code, f.message[:40]) for f in findings] == [
        ("INT001", "rule ZZZ001 (explodes) crashed: RuntimeE"),
        ("ZZZ002", "hello"),
    ]


def test_every_problem_in_one_run(tmp_path: Path) -> None:
    unit = UNIT.replace("weight: 30}", "weight: 20}").replace("supports: [G2]", "supports: [G9]")
    root = make_plan(tmp_path, {"agreements/units/SVC.yaml": unit})
    assert_diags(
        root,
        [
            ("WGT001", "agreements/units/SVC.yaml", 9, 1),
            ("REF001", "agreements/units/SVC.yaml", 8, 90),
        ],
    )


def test_exit_codes_follow_the_worst_problem() -> None:
    from cascade.diagnostics import Diagnostic
    from cascade.result import RunResult

    def result(*codes: tuple[str, Level]) -> RunResult:
        diags = tuple(Diagnostic("f.yaml", 1, 1, c, lvl, "m") for c, lvl in codes)
        return RunResult("r", ("f.yaml",), diags)

    assert result().exit_code() == 0
    assert result(("CRT004", Level.WARNING)).exit_code() == 0
    assert result(("CRT004", Level.WARNING)).exit_code(strict=True) == 1
    assert result(("WGT001", Level.ERROR)).exit_code() == 1
    assert result(("WGT001", Level.ERROR), ("LOAD009", Level.ERROR)).exit_code() == 2
    assert result(("LOAD009", Level.ERROR), ("INT001", Level.ERROR)).exit_code() == 3


def test_unreadable_file_exits_2(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    os.mkfifo(root / "link.yaml")  # a link to /dev/null is not followed at all now
    result = assert_diags(root, [("LOAD009", "link.yaml", 1, 1)])
    assert result.diagnostics[0].message == "cannot read the file: not a regular file"
    assert result.exit_code() == 2

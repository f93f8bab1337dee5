"""Plans to draft into: copies of the example plans, with parties that have no agreement yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.cli.app import main
from cascade.diagnostics import Level
from cascade.engine import check_plan, validate_plan
from cascade.model.plan import PlanModel
from cascade.result import RunResult
from tests.conftest import MINIMAL, ROOT, make_plan

PROBATION = ROOT / "plans" / "probation"

NEW_PERSON = {
    "jobs/descriptions/1237.yaml": (
        "kind: JobDescription\n"
        'position: "1237"\n'
        "line_title: นิติกร\n"
        "unit: LAW-1\n"
        'supervisor: "1234"\n'
        "responsibilities:\n"
        "  - {id: R1, text: ตรวจร่างสัญญา, results: [ร่างสัญญาตรวจเสร็จตามเวลา]}\n"
        "  - {id: R2, text: ให้คำปรึกษาทางกฎหมาย}\n"
    ),
}
"""A job description for P0015, a legal officer of LAW-1 under P0012 (position 1234)."""


def probation(tmp_path: Path, person: bool = False) -> Path:
    """A copy of plans/probation; with ``person``, P0015 joins it without an agreement."""
    root = make_plan(tmp_path, NEW_PERSON if person else {}, base=PROBATION)
    if person:
        roster = root / "people.yaml"
        extra = '  - {id: P0015, name: นายทดสอบ ระบบดี, position: "1237", unit: LAW-1}\n'
        roster.write_text(roster.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root


def minimal_unsigned(tmp_path: Path) -> Path:
    """The minimal plan without SVC's and P001's agreements."""
    return make_plan(
        tmp_path,
        {"agreements/units/SVC.yaml": "<delete>", "agreements/people/P001.yaml": "<delete>"},
        base=MINIMAL,
    )


def model_of(root: Path) -> PlanModel:
    checked = check_plan(root)
    assert checked.model is not None and not checked.result.errors
    return checked.model


def errors(result: RunResult) -> list[tuple[str, str]]:
    """``(code, file)`` of every error."""
    return [(d.code, d.file) for d in result.diagnostics if d.level is Level.ERROR]


def validate(root: Path) -> RunResult:
    return validate_plan(root)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err

"""Spec errors: every pydantic error is a diagnostic at the exact key or value."""

from __future__ import annotations

from pathlib import Path

from cascade.engine import validate_plan
from cascade.pipeline import CROSS_FILE_PARTIAL
from tests.conftest import assert_diags, make_plan

AGREEMENT = """\
kind: Agreement
party: ORG
kpis:
  - id: "1"
    name: ชื่อ
    goal: G1
    dimension: effectiveness
    weigth: 60
    weight: 60
    target: abc
    criteria: {thresholds: [70, 75, 80, 85, 90], milestone: {}}
  - id: "2"
    name: {th: ชื่อ, eng: name}
    kind: identicl
"""


def test_every_error_is_reported_at_its_place(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {"agreements/ORG.yaml": AGREEMENT})
    result = assert_diags(
        root,
        [
            ("SPEC003", "agreements/ORG.yaml", 8, 5),  # weigth: at the key
            ("SPEC005", "agreements/ORG.yaml", 10, 13),  # target: abc at the value
            ("SPEC003", "agreements/ORG.yaml", 11, 50),  # milestone inside criteria
            ("SPEC003", "agreements/ORG.yaml", 13, 22),  # eng inside a bilingual name
            ("SPEC005", "agreements/ORG.yaml", 14, 11),  # kind: identicl
            ("SPEC004", "agreements/ORG.yaml", 12, 5),  # the second KPI has no weight
        ],
    )
    hints = {(d.line, d.column): d.hint for d in result.diagnostics}
    assert hints[(8, 5)] == "did you mean 'weight'?"
    assert hints[(11, 50)] == "did you mean 'milestones'?"
    assert hints[(13, 22)] == "did you mean 'en'?"
    assert hints[(14, 11)] == "did you mean 'identical'?"
    # only the organisation's agreement is broken: the rules run without it, and
    # every finding they make reads it, so none is shown
    assert result.notes == (CROSS_FILE_PARTIAL,)


def test_unknown_and_missing_kind(tmp_path: Path) -> None:
    root = make_plan(
        tmp_path,
        {"a.yaml": "kind: Agrement\nparty: X\n", "b.yaml": "party: X\n", "c.yaml": "- 1\n"},
    )
    result = assert_diags(
        root,
        [("SPEC002", "a.yaml", 1, 7), ("SPEC001", "b.yaml", 1, 1), ("SPEC001", "c.yaml", 1, 1)],
    )
    assert result.diagnostics[0].hint == "did you mean 'Agreement'?"


def test_messages_are_plain(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {"people.yaml": "kind: People\npeople:\n  - {id: P 1, name: x}\n"})
    result = validate_plan(root)
    assert [(d.code, d.line, d.column, d.message) for d in result.diagnostics] == [
        ("SPEC004", 3, 5, "missing required key 'unit'"),
        ("SPEC005", 3, 10, "'P 1' is not a valid id (no spaces or '/')"),
    ]


def test_weight_expression_syntax_is_checked_by_the_spec(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    org = (root / "agreements/ORG.yaml").read_text(encoding="utf-8")
    (root / "agreements/ORG.yaml").write_text(org.replace("weight: 60", "weight: 30 +"), "utf-8")
    result = assert_diags(root, [("SPEC005", "agreements/ORG.yaml", 12, 13)])
    assert result.diagnostics[0].message == (
        "'30 +' is not a valid weight expression: the expression ends too early"
    )

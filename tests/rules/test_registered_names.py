"""The session check of tests/registered_names.py: it catches what it must, and only that."""

from __future__ import annotations

import pytest

from cascade.checks import DECLARED, StageCheck
from cascade.checks.load import SYNTAX, TABLE_SYNTAX
from cascade.diagnostics import Diagnostic, Level
from cascade.rules import ALL, STAGE_CHECKS
from tests.registered_names import MISNAMED, fail_on_misnamed, misnamed


def test_misnamed_names_the_wrong_name_and_the_unknown_code() -> None:
    assert misnamed([("LOAD001", "yaml-syntax"), ("WGT001", "weights-total")]) == []
    assert misnamed([("LOAD001", "table-syntax"), ("XYZ999", "made-up")]) == [
        "LOAD001 is named 'table-syntax'; the registry says 'yaml-syntax'",
        "XYZ999 ('made-up') is not a registered code",
    ]


def test_a_misnamed_diagnostic_built_by_cascade_fails_the_test() -> None:
    wrong = StageCheck("LOAD001", "table-syntax", Level.ERROR, "")  # the old CSV bug
    wrong.diagnostic("actuals/2569-Q2.csv", "no 'kpi' column")
    TABLE_SYNTAX.diagnostic("actuals/2569-Q2.csv", "no 'kpi' column")
    assert MISNAMED == [
        "actuals/2569-Q2.csv:1:1: [error] no 'kpi' column (LOAD001): "
        "LOAD001 is named 'table-syntax'; the registry says 'yaml-syntax'"
    ]
    with pytest.raises(pytest.fail.Exception, match="LOAD001 is named 'table-syntax'"):
        fail_on_misnamed()  # what the autouse fixture does after each test
    assert MISNAMED == []


def test_diagnostics_a_test_builds_itself_are_not_checked() -> None:
    Diagnostic("a.yaml", 1, 1, "X1", Level.ERROR, "a reporter's input")
    assert MISNAMED == []


def test_every_declared_stage_check_is_registered_as_declared() -> None:
    assert len(STAGE_CHECKS) == len(DECLARED) == 28
    for check in DECLARED:
        rule = ALL[check.code]
        assert (rule.name, rule.level, rule.doc, rule.family) == (
            check.name,
            check.level,
            check.doc,
            "stage",
        )
    assert ALL["LOAD001"].name == SYNTAX.name == "yaml-syntax"
    assert ALL["LOAD010"].name == TABLE_SYNTAX.name == "table-syntax"

"""Meta-tests: every rule is documented, unique, and has cases of its own."""

from __future__ import annotations

import re

import yaml

from cascade.rules import ALL, RULES, STAGE_CHECKS
from tests.conftest import DATA

CODE = re.compile(r"^[A-Z]{3,4}\d{3}$")
# engine, CLI, scoring and report tests
# (SCR003 and SCR004: tests/scoring/test_year.py; RPT002: tests/cli/test_signed_drafts.py)
UNTESTED_BY_CASES = {"FMT001", "INT001", "LOAD009", "RPT001", "RPT002"} | {
    "SCR001",
    "SCR002",
    "SCR003",
    "SCR004",
}


def _codes_with_cases() -> set[str]:
    found: set[str] = set()
    for case in (DATA / "plans" / "invalid").glob("*/case.yaml"):
        spec = yaml.safe_load(case.read_text(encoding="utf-8"))
        found |= {line.split()[0] for line in spec["expect"]}
    return found


def test_codes_are_unique_and_well_formed() -> None:
    codes = [r.code for r in (*RULES, *STAGE_CHECKS)]
    assert len(codes) == len(set(codes))
    assert all(CODE.match(c) for c in codes)
    names = [r.name for r in ALL.values()]
    assert len(names) == len(set(names))


def test_every_rule_documents_a_failing_and_a_passing_example() -> None:
    for rule in RULES:
        assert "Fails::" in rule.doc and "Passes::" in rule.doc, rule.code
        assert rule.summary.endswith("."), rule.code


def test_every_code_has_an_invalid_case() -> None:
    missing = set(ALL) - UNTESTED_BY_CASES - _codes_with_cases()
    assert not missing, f"no tests/data/plans/invalid case produces: {sorted(missing)}"

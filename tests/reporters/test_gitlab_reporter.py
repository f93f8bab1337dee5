"""The ``gitlab`` reporter: GitLab Code Quality issues with stable fingerprints."""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from reporter_cases import SAMPLE, render

from cascade.diagnostics import Diagnostic, Level
from cascade.result import RunResult


def _issues(result: RunResult) -> Any:
    return json.loads(render("gitlab", result))


def test_shape_and_severities() -> None:
    issues = _issues(SAMPLE)
    assert [sorted(issue) for issue in issues] == [
        ["check_name", "description", "fingerprint", "location", "severity"]
    ] * 4
    assert [(i["check_name"], i["severity"]) for i in issues] == [
        ("KPI003", "major"),
        ("SPEC001", "major"),
        ("YAML001", "major"),
        ("GRAPH002", "minor"),
    ]
    assert issues[1]["description"] == "unknown key 'wieght' (did you mean 'weight'?)"
    assert issues[2]["location"] == {"path": "people/สมชาย.yaml", "lines": {"begin": 1}}
    assert all(len(i["fingerprint"]) == 32 for i in issues)
    assert len({i["fingerprint"] for i in issues}) == 4


def test_fingerprints_survive_moved_lines_and_tell_twins_apart() -> None:
    twin = Diagnostic("a.yaml", 5, 3, "X1", Level.ERROR, "same words")
    before = RunResult(".", ("a.yaml",), (twin, replace(twin, line=9)))
    after = RunResult(".", ("a.yaml",), (replace(twin, line=7), replace(twin, line=11)))
    first, second = (i["fingerprint"] for i in _issues(before))
    assert first != second
    assert [i["fingerprint"] for i in _issues(after)] == [first, second]
    moved = RunResult(".", ("b.yaml",), (replace(twin, file="b.yaml"),))
    assert _issues(moved)[0]["fingerprint"] != first

"""Golden reports of the example plans: every HTML and Markdown file, byte for byte.

Regenerate with ``pytest --update-golden`` (never silently) and review the
diff: the golden files are what an agency prints and signs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cascade.engine import check_plan
from cascade.periods import parse_period
from cascade.report.site import ReportOptions, make_report
from tests.conftest import ROOT
from tests.report.report_helpers import run, snapshot

GOLDEN = ROOT / "tests" / "golden" / "report"
CASES = {
    "probation": ["--period", "2569-Q2"],
    "acme": [],
}


@pytest.mark.parametrize("plan", sorted(CASES))
def test_golden_report(
    plan: str, tmp_path: Path, update_golden: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    code, stdout, err = run(
        ["report", str(ROOT / "plans" / plan), "-o", str(out), *CASES[plan]], capsys
    )
    assert code == 0, err
    assert stdout.splitlines() == [
        f"wrote {out / 'report' / 'html' / 'index.html'}",
        f"wrote {out / 'report' / 'md' / 'index.md'}",
    ]
    golden = GOLDEN / plan
    if update_golden:
        shutil.rmtree(golden, ignore_errors=True)
        shutil.copytree(out / "report", golden)
    got, want = snapshot(out / "report"), snapshot(golden)
    assert sorted(got) == sorted(want), "the set of report files changed (--update-golden)"
    for rel in sorted(want):
        assert got[rel] == want[rel], f"{rel} differs from {golden / rel} (--update-golden)"


def test_same_inputs_give_byte_identical_output() -> None:
    checked = check_plan(ROOT / "plans" / "probation")
    assert checked.model is not None
    options = ReportOptions(period=parse_period("2569-Q2"))
    _, first = make_report(checked.model, options)
    _, second = make_report(check_plan(ROOT / "plans" / "probation").model, options)  # type: ignore[arg-type]
    assert first == second
    assert ("html", "LAW.html") in first and ("md", "LAW.md") in first


def test_stamp_only_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(ROOT / "plans" / "acme")
    assert run(["report", plan, "-o", str(tmp_path / "a")], capsys)[0] == 0
    assert run(["report", plan, "-o", str(tmp_path / "b"), "--stamp"], capsys)[0] == 0
    plain = (tmp_path / "a" / "report" / "html" / "index.html").read_text(encoding="utf-8")
    stamped = (tmp_path / "b" / "report" / "html" / "index.html").read_text(encoding="utf-8")
    assert "Generated" not in plain
    assert "Generated" in stamped

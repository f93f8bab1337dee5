"""The probation plan's two rounds, scored end to end against golden files.

Regenerate with ``pytest --update-golden`` (never silently) and review the
diff: every figure in these files is a claim about the scoring method.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.conftest import ROOT

PLAN = ROOT / "plans" / "probation"
GOLDEN = Path(__file__).resolve().parent.parent / "golden"


@pytest.mark.parametrize("period", ["2569-Q1", "2569-Q2"])
def test_probation_scorecards(
    period: str,
    tmp_path: Path,
    update_golden: bool,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(PLAN)  # warnings name files from the current folder
    monkeypatch.setenv("COLUMNS", "140")  # the table fits the terminal; pytest-xdist says 80
    code = main(
        [
            "score",
            str(PLAN),
            "--period",
            period,
            "--format",
            "json",
            "--out",
            str(tmp_path),
            "--incentives",
        ]
    )
    out, err = capsys.readouterr()
    assert code == 0, err
    got = (tmp_path / f"scorecards-{period}.json").read_text(encoding="utf-8")
    shown = (err + out).replace(str(tmp_path), "<out>")
    golden = GOLDEN / f"scorecards-{period}.json"
    text_golden = GOLDEN / f"scorecards-{period}.txt"
    if update_golden:
        golden.write_text(got, encoding="utf-8")
        text_golden.write_text(shown, encoding="utf-8")
    assert got == golden.read_text(encoding="utf-8")
    assert shown == text_golden.read_text(encoding="utf-8")
    data = json.loads(got)
    allocated = sum(float(p["amount"]) for p in data["incentives"]["people"])
    assert allocated <= float(data["incentives"]["pool"])

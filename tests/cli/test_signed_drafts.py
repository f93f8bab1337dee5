"""``cascade report`` refuses a signed agreement that still holds a draft's
placeholder (RPT002, exit 1, at file:line:col); unsigned, it only warns (DRF001)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.conftest import MINIMAL, make_plan

SVC = (MINIMAL / "agreements/units/SVC.yaml").read_text(encoding="utf-8")
DRAFT = SVC.replace("unit_of_measure: hours", "unit_of_measure: TODO หน่วยวัด")
SIGNED = "{role: evaluatee, person: P001, signed_on: 2568-10-01}"


def test_report_refuses_a_signed_agreement_with_placeholders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    signed = DRAFT.replace("{role: evaluatee, person: P001}", SIGNED)
    root = make_plan(tmp_path, {"agreements/units/SVC.yaml": signed})
    out_dir = tmp_path / "out"
    code = main(["report", str(root), "--out", str(out_dir)])
    err = capsys.readouterr().err
    assert code == 1
    lines = err.splitlines()
    at = lines.index(
        "  17:22  error    the agreement of SVC is signed but still holds a "
        "placeholder: 'TODO หน่วยวัด'  RPT002"
    )
    assert lines[at - 1].endswith("agreements/units/SVC.yaml")
    assert [ln for ln in lines if "RPT002" in ln] == [lines[at]]
    assert "signed agreements hold placeholders; the report was not written" in err
    assert not out_dir.exists()
    root.joinpath("cascade.yaml").write_text(
        (MINIMAL / "cascade.yaml").read_text(encoding="utf-8") + "rules: {RPT002: warning}\n",
        encoding="utf-8",
    )
    assert main(["report", str(root), "--out", str(out_dir), "-f", "md"]) == 0


def test_an_unsigned_draft_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_plan(tmp_path, {"agreements/units/SVC.yaml": DRAFT})
    assert main(["report", str(root), "--out", str(tmp_path / "out"), "-f", "md"]) == 0
    assert "RPT002" not in capsys.readouterr().err

"""``cascade status``, ``cascade history`` and ``cascade new year`` on the probation plan."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.conftest import MINIMAL, ROOT

PLAN = str(ROOT / "plans" / "probation")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_status_json_csv_markdown_and_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["status", PLAN, "-p", "2569-Q2", "--as-of", "2569-05-05"]
    code, out, _ = run([*argv, "-f", "json", "--exit-code"], capsys)
    data = json.loads(out)
    assert (code, data["due"], data["as_of"], data["overdue"]) == (
        1,
        "2569-04-30",
        "2569-05-05",
        True,
    )
    late = [k for k in data["kpis"] if k["state"] != "reported"]
    assert [(k["kpi"], k["state"]) for k in late] == [("DOP/1.3", "n/a"), ("REHAB/5-6", "late")]
    assert len(data["kpis"]) == 77  # every KPI of the ten agreements
    code, out, _ = run([*argv, "-f", "csv"], capsys)
    assert code == 0
    lines = out.removeprefix("\ufeff").splitlines()
    assert lines[0] == (
        "period,due,party,kpi,name,state,at_risk,no_evidence,collector,contact,evidence_asked"
    )
    assert [ln for ln in lines if ",late," in ln] == [
        "2569-Q2,2569-04-30,REHAB,REHAB/5-6,"
        "จำนวนหลักสูตรการฟื้นฟูสมรรถภาพผู้ติดยาเสพติดที่ได้รับการปรับปรุง,late,,,,,"
    ]
    code, out, _ = run(
        ["status", PLAN, "-p", "2569-Q2", "--as-of", "2569-04-30", "-f", "markdown"], capsys
    )
    assert out.splitlines()[0] == (
        "## 2569-Q2: due 2569-04-30, as of 2569-04-30: 0 late, 1 missing, 19 at risk, "
        "0 without evidence"
    )
    assert "| REHAB | 5/6 reported |" in out.splitlines()


def test_status_refuses_a_date_that_is_none(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["status", PLAN, "-p", "2569-Q2", "--as-of", "2569-13-05"], capsys)
    assert code == 2
    assert "'2569-13-05' is not a date; write YYYY-MM-DD in the Buddhist era" in err


def test_status_refuses_a_christian_era_date(capsys: pytest.CaptureFixture[str]) -> None:
    # 2026-05-05 was read as the Buddhist-era year 2026: nothing was late
    code, out, err = run(["status", PLAN, "-p", "2569-Q2", "--as-of", "2026-05-05"], capsys)
    assert (code, out) == (2, "")
    assert (
        "'2026-05-05' is not a Buddhist-era date: the year is not 2400-2700 "
        "(a Christian-era year? 2026 + 543 = 2569), e.g. 2569-05-01" in " ".join(err.split())
    )


def test_history_text_and_sparkline(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["history", "PROB/4-1", PLAN], capsys)
    assert code == 0
    assert out.splitlines()[1:] == [
        "  period    status           result     target    score",
        "  2569-Q1   reported           76.8         80   2.6800",
        "  2569-Q2   reported           73.8         80   2.3800  at risk",
        "  scores ▄▄ (0–5)",
    ]


def test_new_year_copies_the_plan_forward(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_dir = tmp_path / "next"
    code, out, _ = run(["new", "year", PLAN, "--out", str(out_dir)], capsys)
    assert code == 0
    assert out.splitlines()[0] == (
        f"started fiscal year 2570 in {out_dir}: 71 baselines added, "
        "3 signatures cleared, actuals left empty"
    )
    plan = (out_dir / "cascade.yaml").read_text(encoding="utf-8")
    assert "\nfiscal_year: 2570\n" in plan
    assert "    6: 2570-04-30   # รอบ 6 เดือน ส่งภายใน 30 เม.ย. 2569 / the 6-month round\n" in plan
    law = (out_dir / "agreements/units/LAW.yaml").read_text(encoding="utf-8")
    assert "    baseline: {2566: 78, 2567: 82, 2568: 85, 2569: 88}\n" in law
    assert "signed_on" not in law and "# ลงนาม 15 ต.ค. 2568" in law
    assert sorted(p.name for p in (out_dir / "actuals").iterdir()) == []
    assert run(["validate", str(out_dir)], capsys)[0] == 0


def test_new_year_refuses_a_folder_inside_the_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Written inside the plan, the next year's agreements would be read as duplicates."""
    root = tmp_path / "plan"
    shutil.copytree(MINIMAL, root)
    code, out, err = run(["new", "year", str(root), "--out", str(root / "2570")], capsys)
    assert (code, out) == (2, "")
    assert (
        err == f"cascade: {root / '2570'} is inside the plan {root}; choose a folder outside it\n"
    )
    assert not (root / "2570").exists()

"""``cascade score``, ``explain-score``, ``whatif`` and ``actuals template`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from cascade.cli.app import main
from cascade.load.tables import read_table
from tests.conftest import ROOT, make_plan

PLAN = str(ROOT / "plans" / "probation")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_score_writes_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for fmt in ("json", "yaml", "csv", "xlsx"):
        code, _, _ = run(
            ["score", PLAN, "-p", "2569-Q2", "--party", "LAW", "-f", fmt, "-o", str(tmp_path)],
            capsys,
        )
        assert code == 0
        assert (tmp_path / f"scorecards-2569-Q2.{fmt}").is_file()
    data = json.loads((tmp_path / "scorecards-2569-Q2.json").read_text(encoding="utf-8"))
    assert [c["party"] for c in data["scorecards"]] == ["LAW"]
    assert data["scorecards"][0]["score"] == "2.9420"


@pytest.mark.parametrize(
    ("argv", "code"),
    [
        (["score", PLAN, "-p", "2569-Q5"], 2),  # not a period
        (["score", PLAN, "-p", "2569-Q3"], 2),  # no actuals for it
        (["score", PLAN, "-p", "2569-Q2", "--party", "LAWW"], 2),
        (["score", PLAN], 2),  # --period is required
        (["explain-score", "LAW/9-9", "-p", "2569-Q2", "--plan", PLAN], 2),
        (["whatif", "LAW/2-5", "--plan", PLAN], 2),  # neither --score nor --total
    ],
)
def test_usage_errors(argv: list[str], code: int, capsys: pytest.CaptureFixture[str]) -> None:
    got, _, err = run(argv, capsys)
    assert got == code
    assert "Traceback" not in err


def test_plan_errors_stop_scoring(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = make_plan(tmp_path, {"extra.yaml": "kind: Agrement\n"})
    code, _, err = run(["score", str(root), "-p", "2569-Q2"], capsys)
    assert code == 1
    assert "fix them before scoring" in err


def test_explain_score(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["explain-score", "LAW/2-5", "-p", "2569-Q2", "--plan", PLAN], capsys)
    assert code == 0
    assert out.splitlines()[2:6] == [
        "  completed / received * 100 with completed = 88, received = 100",
        "  result 88; thresholds 70, 75, 80, 85, 90 (higher is better)",
        "  between T4 = 85 and T5 = 90: 4 + (5 − 4) × 3 / 5 = 4.6",
        "  rounded to 4 decimals: 4.6000",
    ]


def test_whatif(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["whatif", "LAW/2-5", "--score", "4.5", "--plan", PLAN], capsys)
    assert (code, out) == (0, "LAW/2-5 needs a result of 87.5000 to score 4.5000\n")
    code, out, _ = run(["whatif", "LAW/A3", "--score", "3.5", "--plan", PLAN], capsys)
    assert (code, out) == (0, "LAW/A3 needs a milestone level of 3.5000 to score 3.5000\n")
    code, out, _ = run(
        ["whatif", "LAW/2-5", "--total", "3", "-p", "2569-Q2", "--plan", PLAN], capsys
    )
    assert code == 0
    assert out.splitlines()[0] == "for a total of 3, LAW/2-5 must score 4.9867"


def test_actuals_template_reads_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        [
            "actuals",
            "template",
            PLAN,
            "-p",
            "2569-Q3",
            "--unit",
            "LAW",
            "-f",
            "xlsx",
            "-o",
            str(tmp_path),
        ],
        capsys,
    )
    assert code == 0 and out == f"wrote {tmp_path}/2569-Q3-LAW.xlsx (12 KPIs)\n"
    path = tmp_path / "2569-Q3-LAW.xlsx"
    read = read_table(path.read_bytes(), "2569-Q3-LAW.xlsx")
    assert read.diagnostics == []
    assert read.documents == [{"kind": "Actuals", "period": "2569-Q3", "results": []}]


def test_score_without_out_writes_json_yaml_csv_to_stdout_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    argv = ["score", PLAN, "-p", "2569-Q2", "--party", "LAW", "-f"]
    code, out, err = run([*argv, "json"], capsys)
    assert (code, err) == (0, "")
    data = json.loads(out)  # nothing but the JSON on stdout
    assert [(c["party"], c["score"]) for c in data["scorecards"]] == [("LAW", "2.9420")]
    code, out, _ = run([*argv, "yaml"], capsys)
    assert code == 0 and yaml.safe_load(out) == data
    code, out, _ = run([*argv, "csv"], capsys)
    assert code == 0 and out.startswith("party,kpi,name,dimension,")  # no BOM on a pipe
    assert list(tmp_path.iterdir()) == []  # no out/ folder


def test_score_with_out_still_writes_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["score", PLAN, "-p", "2569-Q2", "--party", "LAW", "-f", "json", "-o", str(tmp_path)]
    code, out, _ = run(argv, capsys)
    assert code == 0 and out.endswith(f"wrote {tmp_path}/scorecards-2569-Q2.json\n")
    assert json.loads((tmp_path / "scorecards-2569-Q2.json").read_text(encoding="utf-8"))

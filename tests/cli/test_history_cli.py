"""``cascade history`` across fiscal years: a real git repository with two
tagged years (``2567``, ``plan-2568``) below this year's plan, ``--rev``,
the SVG chart, and the refusals."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.conftest import MINIMAL, make_plan

PLAN = (MINIMAL / "cascade.yaml").read_text(encoding="utf-8")
ORG = (MINIMAL / "agreements/ORG.yaml").read_text(encoding="utf-8")


def _actuals(period: str, value: str) -> str:
    return f"kind: Actuals\nperiod: {period}\nresults:\n  - {{kpi: ORG/1, value: {value}}}\n"


def _git(top: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=top,
        check=True,
        capture_output=True,
    )


def _year(top: Path, year: int, files: dict[str, str], tag: str) -> None:
    plan = top / "plan"
    (plan / "cascade.yaml").write_text(PLAN.replace("2569", str(year)), encoding="utf-8")
    for rel, text in files.items():
        (plan / rel).parent.mkdir(parents=True, exist_ok=True)
        (plan / rel).write_text(text, encoding="utf-8")
    _git(top, "add", "-A")
    _git(top, "commit", "-q", "-m", f"fiscal {year}")
    _git(top, "tag", tag)


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """2567 (tag ``2567``, target 90, no agreement for P001), 2568 (tag
    ``plan-2568``, target 85, two rounds) and 2569 on disk, not committed; a
    tag ``v1`` that is no year."""
    top = tmp_path_factory.mktemp("history")
    make_plan(top, {})
    _git(top, "init", "-q")
    person = top / "plan/agreements/people/P001.yaml"
    kept = person.read_text(encoding="utf-8")
    person.unlink()  # P001 had no agreement in 2567
    _year(top, 2567, {"actuals/2567-Q4.yaml": _actuals("2567-Q4", "70")}, "2567")
    (top / "plan/actuals/2567-Q4.yaml").unlink()
    person.write_text(kept, encoding="utf-8")
    q2, q4 = _actuals("2568-Q2", "80"), _actuals("2568-Q4", "88")
    org = ORG.replace("target: 90", "target: 85")
    files = {"actuals/2568-Q2.yaml": q2, "actuals/2568-Q4.yaml": q4, "agreements/ORG.yaml": org}
    _year(top, 2568, files, "plan-2568")
    _git(top, "tag", "v1")
    for rel in ("2568-Q2", "2568-Q4"):
        (top / f"plan/actuals/{rel}.yaml").unlink()
    (top / "plan/agreements/ORG.yaml").write_text(ORG, encoding="utf-8")
    (top / "plan/cascade.yaml").write_text(PLAN, encoding="utf-8")
    (top / "plan/actuals/2569-Q2.yaml").write_text(_actuals("2569-Q2", "85"), encoding="utf-8")
    return top / "plan"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_history_reads_earlier_years_from_tags(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chart = tmp_path / "ORG-1.svg"
    code, out, err = run(["history", "ORG/1", str(repo), "--chart", str(chart)], capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[1:] == [
        "  period    status           result     target    score",
        "  2567-Q4   reported             70         90   1.0000  [2567]",
        "  2568-Q2   reported             80         85   3.0000  [plan-2568]",
        "  2568-Q4   reported             88         85   4.6000  [plan-2568]",
        "  2569-Q2   reported             85         90   4.0000",
        "  scores ▂▅▇▆ (0–5)",
    ]
    svg = chart.read_text(encoding="utf-8")
    assert re.findall(r'class="point"[^>]*data-value="([^"]+)"', svg) == ["70", "80", "88", "85"]
    assert re.findall(r'class="target"[^>]*data-value="([^"]+)"', svg) == ["90", "85", "85", "90"]
    assert ">ผลการดำเนินงาน<" in svg and ">ค่าเป้าหมาย<" in svg


def test_history_rev_without_tags_and_json(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["history", "ORG/1", str(repo), "--no-tags", "--rev", "2567", "-f", "json"]
    code, out, _ = run(argv, capsys)
    data = json.loads(out)
    assert code == 0
    assert [(p["period"], p["target"], p["source"]) for p in data["periods"]] == [
        ("2567-Q4", "90", "2567"),
        ("2569-Q2", "90", None),
    ]
    code, out, _ = run(["history", "P001/1", str(repo), "--rev", "2567"], capsys)
    assert (code, out.splitlines()[-1]) == (0, "  note: 2567: the plan there has no KPI P001/1")


def test_history_refuses_an_unknown_rev_and_a_rev_outside_git(
    repo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["history", "ORG/1", str(repo), "--rev", "2560"], capsys)
    assert (code, err) == (2, "cascade: unknown revision '2560'\n")
    outside = make_plan(tmp_path, {})
    code, out, _ = run(["history", "ORG/1", str(outside)], capsys)
    assert (code, out.splitlines()[-1]) == (0, "  scores  (0–5)")  # no actuals, no git: no error
    code, _, err = run(["history", "ORG/1", str(outside), "--rev", "HEAD"], capsys)
    assert code == 2 and err.startswith("cascade: ") and "is not inside a git repository" in err


def test_history_names_the_files_a_revision_could_not_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # a tag whose P001.yaml has a syntax error said "the plan there has no KPI P001/1"
    plan = make_plan(tmp_path, {})
    person = plan / "agreements/people/P001.yaml"
    kept = person.read_text(encoding="utf-8")
    person.write_text(kept + "  - {id: [\n", encoding="utf-8")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "broken")
    person.write_text(kept, encoding="utf-8")
    code, out, _ = run(["history", "P001/1", str(plan), "--no-tags", "--rev", "HEAD"], capsys)
    assert (code, out.splitlines()[-1]) == (
        0,
        "  note: HEAD: no KPI P001/1 in the plan there, where files do not load: "
        "agreements/people/P001.yaml",
    )

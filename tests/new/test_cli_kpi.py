"""``cascade new kpi``: the KPI-template skeleton, printed or appended with comments kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.diagnostics import Level
from tests.new.helpers import probation, run, validate

CAP = pytest.CaptureFixture[str]
TEMPLATE = (
    "name:",
    "goal:",
    "dimension:",
    "kind:",
    "unit_of_measure:",
    "weight:",
    "target:",
    "definition:",
    "# formula:",
    "criteria:",
    "baseline:",
    "# round_targets:",
    "data_source:",
    "collection_method:",
    "overseer:",
    "collector:",
)


def test_prints_every_template_field_in_order(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    argv = ["new", "kpi", str(root), "--party", "LAW", "--id", "2-8"]
    code, out, _ = run([*argv, "--kind", "contributory", "--contributes-to", "DOP/3.1"], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# KPI 2-8 for LAW: paste it under 'kpis:' in agreements/units/LAW.yaml"
    assert lines[1] == "  - id: 2-8"
    fields = [line.strip() for line in lines[2:] if not line.startswith("      ")]
    found = [
        next(f for f in (*TEMPLATE, "contributes_to:") if line.startswith(f)) for line in fields
    ]
    assert found == [*TEMPLATE[:4], "contributes_to:", *TEMPLATE[4:]]
    assert "    contributes_to: [DOP/3.1]" in lines
    assert "    goal: LAW-G2" in lines  # LAW-G2 supports G6, which DOP/3.1 serves
    assert any(line.startswith("    target: 5  # TODO: LAW's own target") for line in lines)
    assert not (root / "agreements/units/LAW.yaml").read_text("utf-8").count("2-8")


def test_append_keeps_the_file_and_adds_at_the_end_of_kpis(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    path = root / "agreements" / "units" / "LAW.yaml"
    before = path.read_text(encoding="utf-8").splitlines(keepends=True)
    argv = ["new", "kpi", str(root), "-p", "LAW", "--contributes-to", "DOP/3.1", "--append"]
    code, out, err = run(argv, capsys)
    assert code == 0, err
    assert out == f"appended KPI A4 to {path}\n"
    after = path.read_text(encoding="utf-8").splitlines(keepends=True)
    cut = next(i for i, line in enumerate(before) if line.startswith("# ผู้ลงนาม")) - 1
    added = len(after) - len(before)
    assert after[:cut] == before[:cut]  # every comment and line above is as it was
    assert after[cut + added :] == before[cut:]  # and the signatories' comment stays below
    assert after[cut : cut + 3] == [
        "\n",
        "  # added by 'cascade new kpi': TODO fill in the KPI template\n",
        "  - id: A4\n",
    ]
    # weight 0 is the one error left: the planner must give it weight
    found = [(d.code, d.line) for d in validate(root).diagnostics if d.level is Level.ERROR]
    weight_line = next(i for i, line in enumerate(after, 1) if line.startswith("    weight: 0"))
    assert found == [("WGT001", weight_line)]


def test_append_twice_even_though_the_plan_now_has_an_error(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    for _ in range(2):
        code, _, err = run(["new", "kpi", str(root), "-p", "P0012", "--append"], capsys)
        assert code == 0, err
    text = (root / "agreements/people/P0012.yaml").read_text(encoding="utf-8")
    assert '  - id: "8"\n' in text and '  - id: "9"\n' in text
    assert "    kind: assignment\n" in text


def test_taken_over_as_is_gets_only_its_own_fields(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    argv = ["new", "kpi", str(root), "-p", "LAW", "--same-as", "C1", "--weight", "5"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    assert out.splitlines()[1:] == [
        "  - id: A4",
        "    goal: LAW-G1  # TODO: one of LAW-G1, LAW-G2, LAW-G3, LAW-G4, LAW-G5",
        "    dimension: quality",
        "    kind: common",
        "    same_as: C1  # the rest is inherited: only goal, dimension and weight are its own",
        "    weight: 5",
    ]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-p", "LAW", "--contributes-to", "DOP/3.9"], "no KPI 'DOP/3.9' in the plan"),
        (["-p", "LAW", "--id", "2-1"], "already has a KPI '2-1'"),
        (["-p", "LAW", "--kind", "job"], "kind 'job' is not used in a unit's agreement"),
        (["-p", "LAW", "--kind", "contributory"], "a contributory KPI needs --contributes-to"),
        (["-p", "LAW", "--same-as", "C9", "--kind", "common"], "not one of the plan's common"),
        (["-p", "P0012", "--responsibility", "R9"], "(it has R1, R2)"),
        (["-p", "LAW", "--goal", "LAW-G9"], "unknown goal 'LAW-G9'; known: LAW-G1, "),
        (["-p", "CSS", "--append"], "CSS has no agreement to append to"),
        (["-p", "LAW", "--weight", "x"], "'x' is not a number"),
    ],
)
def test_refusals_exit_2(tmp_path: Path, capsys: CAP, argv: list[str], message: str) -> None:
    code, out, err = run(["new", "kpi", str(probation(tmp_path)), *argv], capsys)
    assert code == 2
    assert message in err + out

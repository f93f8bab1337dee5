"""Every command finds its plan as git finds a repository: upward from the
current folder, or from the folder or file given."""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.cli.app import main
from cascade.engine import PlanRootError, find_plan_root
from tests.conftest import ROOT, make_plan

CAP = pytest.CaptureFixture[str]
PROBATION = ROOT / "plans" / "probation"


def run(argv: list[str], capsys: CAP) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_found_upward_from_a_folder_or_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_plan(tmp_path, {})
    units = root / "agreements" / "units"
    assert find_plan_root(root) == root  # given as it was written
    assert find_plan_root(units) == root
    assert find_plan_root(units / "SVC.yaml") == root
    monkeypatch.chdir(units)
    assert find_plan_root(Path(".")) == Path("../..")
    assert find_plan_root(Path("SVC.yaml")) == Path("../..")


def test_outside_a_plan_names_the_folder_searched(tmp_path: Path) -> None:
    with pytest.raises(PlanRootError) as caught:
        find_plan_root(tmp_path)
    assert str(caught.value) == (
        f"{tmp_path}: no cascade.yaml in {tmp_path} or in any folder above it, so this is "
        "not a plan folder (give the plan folder, or start one with: cascade init DIR)"
    )
    with pytest.raises(PlanRootError, match="no such file or folder"):
        find_plan_root(tmp_path / "missing")


def test_validate_inside_a_plan_and_on_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> None:
    root = make_plan(tmp_path, {"extra.yaml": "kind: Agrement\n", "more/x.yaml": "kind: Nope\n"})
    monkeypatch.chdir(root / "agreements" / "units")
    code, out, _ = run(["validate", "--no-cache", "-f", "parsable"], capsys)
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()] == ["extra.yaml", "more/x.yaml"]
    code, out, _ = run(["validate", "--no-cache", "-f", "parsable", "../../more/x.yaml"], capsys)
    assert code == 1
    assert out.startswith("more/x.yaml:1:7: [error] unknown kind 'Nope'")
    assert "extra.yaml" not in out
    code, out, _ = run(["validate", "--no-cache", "SVC.yaml"], capsys)
    assert code == 0
    assert out.splitlines()[-1] == (
        "only problems in agreements/units/SVC.yaml are shown; the whole plan was checked"
    )


@pytest.mark.parametrize(
    "argv",
    [
        ["validate", "--no-cache"],
        ["score", "-p", "2569-Q2"],
        ["explain-score", "LAW/2-5", "-p", "2569-Q2"],
        ["whatif", "LAW/2-5", "--score", "4"],
        ["report"],
        ["actuals", "template", "-p", "2569-Q2"],
        ["cache", "clear"],
        ["new", "kpi", "-p", "LAW"],
        ["new", "agreement", "-p", "LAW-1"],
        ["new", "unit", "--id", "X", "--parent", "LAW", "--name", "X"],
    ],
)
def test_outside_any_plan_every_command_exits_2(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(argv, capsys)
    assert (code, out) == (2, "")
    assert err.startswith(f"cascade: .: no cascade.yaml in {tmp_path} or in any folder above it")


def test_explain_score_and_whatif_take_the_plan_like_the_others(
    monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> None:
    monkeypatch.chdir(PROBATION / "agreements" / "units")
    code, out, _ = run(["whatif", "LAW/2-5", "--score", "4.5"], capsys)
    assert (code, out) == (0, "LAW/2-5 needs a result of 87.5000 to score 4.5000\n")
    code, out, _ = run(["explain-score", "LAW/2-5", "LAW.yaml", "-p", "2569-Q2"], capsys)
    assert code == 0 and out.startswith("LAW/2-5 ")


def test_cache_clear_and_schema_from_inside_a_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> None:
    root = make_plan(tmp_path, {})
    (root / ".cascade-cache").mkdir()
    monkeypatch.chdir(root / "agreements")
    assert run(["cache", "clear"], capsys) == (0, "removed ../.cascade-cache\n", "")
    assert not (root / ".cascade-cache").exists()
    code, out, _ = run(["schema"], capsys)
    assert (code, out) == (0, "11 schemas in ../schemas (11 updated)\n")
    assert (root / "schemas" / "agreement.schema.json").is_file()


def test_outputs_go_to_the_plans_out_folder_from_inside_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: CAP
) -> None:
    """Not into the subfolder, where the next validate would read them as plan files."""
    root = make_plan(tmp_path, {})
    monkeypatch.chdir(root / "agreements" / "units")
    code, out, err = run(["actuals", "template", "-p", "2569-Q2", "-f", "csv"], capsys)
    assert code == 0, err
    assert out == (
        "wrote ../../out/actuals/2569-Q2-ORG.csv (2 KPIs)\n"
        "wrote ../../out/actuals/2569-Q2-SVC.csv (4 KPIs)\n"
    )
    assert (root / "out" / "actuals" / "2569-Q2-SVC.csv").is_file()
    assert run(["validate", "--no-cache"], capsys)[:2] == (0, "✓ no problems in 9 files\n")

"""``cascade new unit``: an org-chart entry, printed or appended in the chart's own style."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import make_plan
from tests.new.helpers import errors, minimal_unsigned, probation, run, validate

CAP = pytest.CaptureFixture[str]


def test_prints_a_block_entry_with_todos(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    argv = ["new", "unit", str(root), "--id", "LAW-2", "--parent", "LAW", "--name", "กลุ่มงาน 2"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    assert out.splitlines() == [
        "# unit LAW-2: paste it under 'units:' in org.yaml",
        "  - id: LAW-2",
        "    name: กลุ่มงาน 2",
        "    parent: LAW  # TODO type: department | bureau | division | office | centre | group;"
        ' head: "<position number of its head>" (optional)',
    ]


def test_append_matches_the_flow_style_and_keeps_the_file(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    org = root / "org.yaml"
    before = org.read_text(encoding="utf-8")
    argv = ["new", "unit", str(root), "--id", "LAW-2", "--parent", "LAW", "--name", "กลุ่มงาน 2"]
    extra = ["--name-en", "Group 2", "--type", "group", "--head", "1235", "--append"]
    code, out, err = run([*argv, *extra], capsys)
    assert code == 0, err
    assert out.startswith(f"added unit LAW-2 to {org}; next: cascade new agreement")
    after = org.read_text(encoding="utf-8")
    assert after == before + (
        "  - {id: LAW-2, name: {th: กลุ่มงาน 2, en: Group 2}, type: group, parent: LAW, "
        'head: "1235"}\n'
    )
    assert errors(validate(root)) == []


def test_append_with_todo_on_the_entrys_line(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    argv = ["new", "unit", str(root), "--id", "LAW-2", "--parent", "LAW", "--name", "x", "--append"]
    assert run(argv, capsys)[0] == 0
    last = (root / "org.yaml").read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith("  - {id: LAW-2, name: x, parent: LAW}  # TODO type: ")


def test_a_block_style_chart_gets_a_block_entry(tmp_path: Path, capsys: CAP) -> None:
    chart = "kind: OrgChart\nunits:\n- id: ORG\n  name: Org\n"
    chart += "- id: SVC\n  name: Service\n  parent: ORG\n"
    root = make_plan(tmp_path, {"org.yaml": chart})
    argv = ["new", "unit", str(root), "--id", "SVC-1", "--parent", "SVC", "--name", "Desk"]
    assert run([*argv, "--type", "group", "--append"], capsys)[0] == 0
    text = (root / "org.yaml").read_text(encoding="utf-8")
    assert text == chart + (
        "- id: SVC-1\n  name: Desk\n  type: group\n"
        '  parent: SVC  # TODO head: "<position number of its head>" (optional)\n'
    )


def test_a_plan_without_org_chart_gets_org_yaml(tmp_path: Path, capsys: CAP) -> None:
    root = minimal_unsigned(tmp_path)
    (root / "org.yaml").unlink()
    argv = ["new", "unit", str(root), "--id", "SVC", "--parent", "ORG", "--name", "Service"]
    code, _, err = run([*argv, "--append"], capsys)
    assert code == 0, err
    text = (root / "org.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[:4] == [
        "# yaml-language-server: $schema=schemas/orgchart.schema.json",
        "kind: OrgChart",
        "version: cascade/v1",
        "units:",
    ]
    assert "no schemas/ folder" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--id", "LAW-1", "--parent", "LAW"], "unit 'LAW-1' already exists"),
        (["--id", "P0012", "--parent", "LAW"], "'P0012' is a person's id"),
        (["--id", "LAW 2", "--parent", "LAW"], "'LAW 2' is not an id"),
        (["--id", "LAW-2", "--parent", "LAX"], "did you mean 'LAW'?"),
        (["--id", "LAW-2", "--parent", "LAW", "--head", "1300"], "unknown position '1300'"),
    ],
)
def test_refusals_exit_2(tmp_path: Path, capsys: CAP, argv: list[str], message: str) -> None:
    root = probation(tmp_path)
    code, _, err = run(["new", "unit", str(root), *argv, "--name", "x", "--append"], capsys)
    assert code == 2
    assert message in err
    assert "LAW-2" not in (root / "org.yaml").read_text(encoding="utf-8")

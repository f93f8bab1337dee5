"""``cascade new agreement``: where it writes, what it refuses, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.new.helpers import errors, probation, run, validate

CAP = pytest.CaptureFixture[str]


def test_writes_the_default_path_and_the_plan_validates(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    code, out, err = run(["new", "agreement", str(root), "--party", "CSS"], capsys)
    assert code == 0, err
    target = root / "agreements" / "units" / "CSS.yaml"
    assert out.startswith(f"drafted CSS's agreement in {target} (2 KPIs; weights total 100)")
    assert "the plan does not say who heads CSS" in err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/agreement.schema.json\n")
    assert errors(validate(root)) == []


def test_never_overwrites_without_force(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    stray = root / "agreements" / "units" / "CSS.yaml"
    stray.write_text("# notes, not a plan document yet\n", encoding="utf-8")
    code, _, err = run(["new", "agreement", str(root), "-p", "CSS"], capsys)
    assert code == 2
    assert "already exists; nothing written (use --force" in err
    assert stray.read_text(encoding="utf-8") == "# notes, not a plan document yet\n"
    assert run(["new", "agreement", str(root), "-p", "CSS", "--force"], capsys)[0] == 0
    assert "kind: Agreement" in stray.read_text(encoding="utf-8")


def test_an_existing_agreement_is_replaced_only_with_force(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    code, _, err = run(["new", "agreement", str(root), "-p", "LAW"], capsys)
    assert code == 2
    assert "LAW already has an agreement in" in err and "agreements/units/LAW.yaml" in err
    elsewhere = ["new", "agreement", str(root), "-p", "LAW", "--force", "-o", str(root / "x.yaml")]
    code, _, err = run(elsewhere, capsys)
    assert code == 2 and "would be a duplicate" in err
    assert not (root / "x.yaml").exists()


def test_never_over_another_partys_agreement(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    law = root / "agreements" / "units" / "LAW.yaml"
    code, _, err = run(
        ["new", "agreement", str(root), "-p", "CSS", "-o", str(law), "--force"], capsys
    )
    assert code == 2 and "holds LAW's agreement" in err
    assert "party: LAW\n" in law.read_text(encoding="utf-8")


def test_head_redrafted_after_its_unit(tmp_path: Path, capsys: CAP) -> None:
    """LAW-1 signs, so its head P0012 now cascades from LAW-1: redraft P0012.

    The plan then has errors only in P0012's file, which --force replaces."""
    root = probation(tmp_path)
    shutil.rmtree(root / "actuals")  # results of P0012's old KPIs
    code, _, err = run(["new", "agreement", str(root), "-p", "LAW-1"], capsys)
    assert code == 0 and "P0012 heads LAW-1" in err
    code, _, err = run(["new", "agreement", str(root), "-p", "P0012"], capsys)
    assert code == 1 and "they are all in agreements/people/P0012.yaml" in err
    code, _, err = run(["new", "agreement", str(root), "-p", "P0012", "--force"], capsys)
    assert code == 0, err
    assert "3 error(s) in agreements/people/P0012.yaml, which this draft replaces" in err
    assert errors(validate(root)) == []


def test_a_unit_its_people_already_trace_to(tmp_path: Path, capsys: CAP) -> None:
    """P0012 (head of LAW-1) already names LAW-1/1..3: the draft gives those KPIs,
    the errors its absence caused are resolved, and no file but LAW-1's is touched."""
    root = probation(tmp_path)
    head = root / "agreements" / "people" / "P0012.yaml"
    text = head.read_text(encoding="utf-8")
    head.write_text(text.replace("[P0001/", "[LAW-1/"), encoding="utf-8")
    code, out, err = run(["new", "agreement", str(root), "-p", "LAW-1"], capsys)
    assert code == 0, err
    assert out.splitlines()[-1] == "the plan's 6 error(s) are resolved"
    assert "note: 6 error(s) come from LAW-1 having no agreement yet" in err
    assert "--force" not in err and "P0012 heads LAW-1" not in err
    assert errors(validate(root)) == []


def test_out_dash_prints_and_writes_nothing(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path, person=True)
    code, out, _ = run(["new", "agreement", str(root), "-p", "P0015", "-o", "-"], capsys)
    assert code == 0
    assert out.startswith("# yaml-language-server: $schema=../../schemas/agreement.schema.json")
    assert "party: P0015" in out
    assert not (root / "agreements" / "people" / "P0015.yaml").exists()


def test_out_file(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path, person=True)
    target = root / "agreements" / "P0015-draft.yaml"
    code, _, _ = run(["new", "agreement", str(root), "-p", "P0015", "-o", str(target)], capsys)
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../schemas/agreement.schema.json"
    )
    assert errors(validate(root)) == []


def test_unknown_party_exits_2_with_a_suggestion(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    code, _, err = run(["new", "agreement", str(root), "-p", "P0O12"], capsys)
    assert code == 2
    assert "unknown party 'P0O12'" in err and "did you mean 'P0012'?" in err


def test_refuses_a_plan_with_errors(tmp_path: Path, capsys: CAP) -> None:
    root = probation(tmp_path)
    law = root / "agreements" / "units" / "LAW.yaml"
    law.write_text(law.read_text(encoding="utf-8").replace("weight: 20", "weight: 25"), "utf-8")
    code, out, err = run(["new", "agreement", str(root), "-p", "CSS"], capsys)
    assert code == 1
    assert "WGT001" in err and "the plan has errors" in err and out == ""
    assert not (root / "agreements" / "units" / "CSS.yaml").exists()


def test_not_a_plan_folder_exits_2(tmp_path: Path, capsys: CAP) -> None:
    code, _, err = run(["new", "agreement", str(tmp_path), "-p", "LAW"], capsys)
    assert code == 2 and "not a plan folder" in err


def test_organisation_exits_2(tmp_path: Path, capsys: CAP) -> None:
    code, _, err = run(["new", "agreement", str(probation(tmp_path)), "-p", "DOP"], capsys)
    assert code == 2 and "DOP is the organisation" in err

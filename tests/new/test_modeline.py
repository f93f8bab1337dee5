"""The schema modeline of a new file: the plan's schemas/, what its files use, or a note."""

from __future__ import annotations

from pathlib import Path

from cascade.new.modeline import modeline, schema_ref
from tests.conftest import ROOT
from tests.new.helpers import PROBATION


def test_the_plans_own_schemas_folder(tmp_path: Path) -> None:
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "agreement.schema.json").write_text("{}")
    target = tmp_path / "agreements" / "people" / "P1.yaml"
    assert schema_ref(tmp_path, target, "Agreement") == (
        "../../schemas/agreement.schema.json",
        "",
    )


def test_where_the_plans_files_of_that_kind_point() -> None:
    target = PROBATION / "agreements" / "units" / "LAW-1.yaml"
    sibling = PROBATION / "agreements" / "units" / "LAW.yaml"
    ref, note = schema_ref(PROBATION, target, "Agreement", [sibling])
    assert ref == "../../../../schemas/agreement.schema.json"
    assert (target.parent / ref).resolve() == ROOT / "schemas" / "agreement.schema.json"
    assert note == ""


def test_a_url_is_kept(tmp_path: Path) -> None:
    sibling = tmp_path / "org.yaml"
    sibling.write_text(
        "# yaml-language-server: $schema=https://example.org/s/orgchart.schema.json\n"
    )
    ref, _ = schema_ref(tmp_path, tmp_path / "a.yaml", "Agreement", [sibling])
    assert ref == "https://example.org/s/agreement.schema.json"


def test_no_schemas_anywhere_points_at_the_plan_root_and_says_so(tmp_path: Path) -> None:
    sibling = tmp_path / "agreements" / "ORG.yaml"
    sibling.parent.mkdir()
    sibling.write_text("# yaml-language-server: $schema=../nowhere/agreement.schema.json\n")
    ref, note = schema_ref(tmp_path, tmp_path / "agreements" / "X.yaml", "Agreement", [sibling])
    assert ref == "../schemas/agreement.schema.json"
    assert "no schemas/ folder" in note and "cascade schema --out" in note


def test_the_line() -> None:
    assert modeline("s.json") == "yaml-language-server: $schema=s.json"

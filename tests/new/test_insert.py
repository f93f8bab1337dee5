"""``cascade.new.insert``: a drafted KPI or unit pasted or appended, called directly."""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.engine import check_plan
from cascade.new.common import NewError
from cascade.new.insert import Added, add_unit, append_kpi, kpi_snippet, unit_snippet
from cascade.new.kpi import KpiRequest, kpi_skeleton
from cascade.new.unit import UnitRequest, unit_entry
from tests.conftest import make_plan
from tests.new.helpers import minimal_unsigned, model_of

SVC_FILE = "agreements/units/SVC.yaml"
KPI = KpiRequest("SVC", "1-4", "contributory", contributes_to=("ORG/2",))
UNIT = UnitRequest("SVC-1", "SVC", "Desk", type="group")


def test_kpi_snippet_says_where_to_paste_it(tmp_path: Path) -> None:
    model = model_of(make_plan(tmp_path, {}))
    lines = kpi_snippet(model, kpi_skeleton(model, KPI), "SVC").splitlines()
    assert lines[:2] == [
        f"# KPI 1-4 for SVC: paste it under 'kpis:' in {SVC_FILE}",
        "  - id: 1-4",
    ]
    assert "    contributes_to: [ORG/2]" in lines


def test_append_kpi_adds_it_to_the_agreement(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    model = model_of(root)
    added = append_kpi(root, kpi_skeleton(model, KPI), "SVC")
    path = root / SVC_FILE  # its long flow-style 1-3 is folded
    assert added == Added(path, (f"ruamel.yaml rewrote 2 other line(s) of {path}: check them",))
    checked = check_plan(root)
    assert checked.model is not None
    assert [k.spec.id for k in checked.model.agreements["SVC"].kpis][-1] == "1-4"


def test_append_kpi_needs_an_agreement(tmp_path: Path) -> None:
    root = minimal_unsigned(tmp_path)
    model = model_of(root)
    with pytest.raises(NewError) as caught:
        append_kpi(root, kpi_skeleton(model, KPI), "SVC")
    assert str(caught.value) == (
        "SVC has no agreement to append to; draft one first: "
        f"cascade new agreement {root} --party SVC"
    )


def test_unit_snippet_says_where_to_paste_it(tmp_path: Path) -> None:
    model = model_of(make_plan(tmp_path, {}))
    assert unit_snippet(model, unit_entry(model, UNIT), "SVC-1").splitlines() == [
        "# unit SVC-1: paste it under 'units:' in org.yaml",
        "  - id: SVC-1",
        "    name: Desk",
        "    type: group",
        '    parent: SVC  # TODO head: "<position number of its head>" (optional)',
    ]


def test_add_unit_appends_to_the_org_chart(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    model = model_of(root)
    path = root / "org.yaml"  # SVC's flow entry on two lines is joined
    assert add_unit(root, model, unit_entry(model, UNIT)) == Added(
        path, (f"ruamel.yaml rewrote 2 other line(s) of {path}: check them",)
    )
    checked = check_plan(root)
    assert checked.model is not None and checked.model.units["SVC-1"].spec.parent == "SVC"


def test_add_unit_writes_org_yaml_when_there_is_no_chart(tmp_path: Path) -> None:
    root = minimal_unsigned(tmp_path)
    (root / "org.yaml").unlink()
    model = check_plan(root).model
    assert model is not None and not model.units
    added = add_unit(root, model, unit_entry(model, UnitRequest("SVC", "ORG", "Service")))
    assert added.path == root / "org.yaml"
    assert added.notes == (
        "the plan has no schemas/ folder; the modeline points at schemas/orgchart.schema.json "
        f"at the plan root: write it with 'cascade schema --out {(root / 'schemas').as_posix()}'",
    )
    assert (root / "org.yaml").read_text(encoding="utf-8").splitlines()[1:4] == [
        "kind: OrgChart",
        "version: cascade/v1",
        "units:",
    ]

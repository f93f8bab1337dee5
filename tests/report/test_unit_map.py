"""A party's own strategy map: its goals with a perspective, their drives, no empty map."""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.engine import check_plan
from cascade.model.plan import PlanModel
from cascade.report.build import ViewOptions, build_view
from cascade.report.refs import Refs
from cascade.report.strategy_unit import map_goals
from cascade.report.svg import MapGoal
from cascade.report.view import AgreementView
from tests.conftest import ROOT, make_plan
from tests.report.svg.helpers import NS, find, parse


def _model(root: Path) -> PlanModel:
    checked = check_plan(root)
    assert checked.model is not None, [d.format() for d in checked.result.diagnostics]
    return checked.model


@pytest.fixture(scope="module")
def agreements() -> dict[str, AgreementView]:
    view = build_view(_model(ROOT / "plans" / "probation"), ViewOptions("th"))
    return {a.party.ref.id: a for a in view.agreements}


def test_prob_map_has_its_goals_lanes_and_drives(agreements: dict[str, AgreementView]) -> None:
    drawn = agreements["PROB"].goal_map
    assert drawn is not None
    svg = parse(drawn.svg)
    goals = [g.get("data-goal") for g in find(svg, "g", "goal")]
    assert sorted(goals) == [f"PROB-G{i}" for i in range(1, 7)]
    lanes = [lane.findtext(f".//{NS}tspan") for lane in find(svg, "g", "lane")]
    assert lanes == ["ประสิทธิผลตาม", "คุณภาพการให้", "ประสิทธิภาพ", "การพัฒนาองค์กร"]
    edges = sorted((p.get("data-from"), p.get("data-to")) for p in find(svg, "path", "drive"))
    assert edges == [
        ("PROB-G1", "PROB-G3"),
        ("PROB-G2", "PROB-G1"),
        ("PROB-G4", "PROB-G2"),
        ("PROB-G4", "PROB-G5"),
        ("PROB-G5", "PROB-G1"),
        ("PROB-G6", "PROB-G2"),
        ("PROB-G6", "PROB-G4"),
    ]
    arrows = [line.strip() for line in drawn.mermaid.splitlines() if "-->" in line]
    node = {f"PROB-G{i}": f"goal_PROB_G{i}" for i in range(1, 7)}
    assert arrows == [f"{node[a]} --> {node[b]}" for a, b in edges if a and b]


def test_parties_without_perspectives_get_no_map(agreements: dict[str, AgreementView]) -> None:
    assert sorted(p for p, a in agreements.items() if a.goal_map is not None) == ["PROB"]


def test_map_goals_keep_drives_on_the_map_and_take_issues_from_supported_goals(
    tmp_path: Path,
) -> None:
    """SVC-G2 (development) drives SVC-G1 (effectiveness) and SVC-G3, which has
    no perspective: SVC-G3 is not drawn, so the arrow to it is dropped."""
    goals = """
goals:
  - {id: SVC-G1, name: บริการรวดเร็ว, supports: [G1], perspective: effectiveness}
  - {id: SVC-G2, name: บุคลากรพร้อม, supports: [G2, G1], perspective: development,
     drives: [SVC-G1, SVC-G3]}
  - {id: SVC-G3, name: ไม่มีมิติ, additional: true}
kpis:"""
    path = ROOT / "tests" / "data" / "plans" / "valid" / "minimal" / "agreements" / "units"
    text = (path / "SVC.yaml").read_text("utf-8")
    start, end = text.index("\ngoals:"), text.index("\nkpis:")
    svc = text[:start] + goals + text[end + len("\nkpis:") :]
    plan = make_plan(tmp_path, {"agreements/units/SVC.yaml": svc})
    model = _model(plan)
    found = map_goals(model, model.agreements["SVC"], Refs(model, "th", frozenset()))
    assert found == [
        MapGoal("SVC-G1", "บริการรวดเร็ว", "effectiveness", ("SI1",), ()),
        MapGoal("SVC-G2", "บุคลากรพร้อม", "development", ("SI1",), ("SVC-G1",)),
    ]

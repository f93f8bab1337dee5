"""The view model: what the pages show, as plain records."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from cascade.engine import check_plan
from cascade.model.plan import PlanModel
from cascade.periods import parse_period
from cascade.report.build import ViewOptions, build_view
from cascade.report.refs import slug
from cascade.report.site_view import SiteView
from cascade.report.view import TreeNode
from cascade.scoring.status import round_status
from tests.conftest import ROOT, make_plan


def _model(root: Path) -> PlanModel:
    checked = check_plan(root)
    assert checked.model is not None, [d.format() for d in checked.result.diagnostics]
    return checked.model


@pytest.fixture(scope="module")
def probation() -> SiteView:
    model = _model(ROOT / "plans" / "probation")
    return build_view(model, ViewOptions("th", parse_period("2569-Q2")))


def _walk(value: object) -> list[object]:
    """Every value reachable from a view record."""
    found: list[object] = [value]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            found += _walk(getattr(value, f.name))
    elif isinstance(value, tuple | list):
        for item in value:
            found += _walk(item)
    elif isinstance(value, dict):
        for item in value.values():
            found += _walk(item)
    return found


def test_no_model_or_spec_object_reaches_the_templates(probation: SiteView) -> None:
    for value in _walk(probation):
        module = type(value).__module__
        assert not module.startswith(("cascade.model", "cascade.spec", "pydantic")), type(value)
        if dataclasses.is_dataclass(value):
            assert type(value).__dataclass_params__.frozen, type(value)  # type: ignore[attr-defined]
        assert not isinstance(value, list | dict | set), type(value)


def test_agreement_form(probation: SiteView) -> None:
    law = next(a for a in probation.agreements if a.party.ref.id == "LAW")
    assert law.evaluator.name == "นายสุรชัย ธรรมรักษา"
    assert law.evaluator.position == "อธิบดีกรมคุมประพฤติ"
    assert law.evaluatee.name == "นางสาวกานดา นิติธรรม"
    assert law.weights_ok and law.total_weight == Decimal(100)
    assert [d.id for d in law.dimensions] == ["quality", "efficiency", "development"]
    assert law.parent is not None and law.parent.id == "DOP"
    assert law.goals[3].additional and law.goals[0].supports[0].id == "G10"
    dop = probation.agreements[0]
    assert dop.party.ref.id == "DOP" and dop.framework.startswith("กรอบการประเมินผล")
    assert not dop.evaluator.name  # outside the plan: lines to fill in
    effectiveness = dop.dimensions[0]
    assert (effectiveness.weight, effectiveness.expected) == (Decimal(60), Decimal(60))


def test_kpi_card_traces_up_and_down(probation: SiteView) -> None:
    p0012 = next(a for a in probation.agreements if a.party.ref.id == "P0012")
    card = p0012.cards[0]
    assert [[s.ref.qid for s in chain] for chain in card.up] == [["P0001/1", "LAW/2-1", "DOP/4.5"]]
    law = next(a for a in probation.agreements if a.party.ref.id == "LAW")
    identical = law.cards[0]
    assert identical.inherits is not None and identical.inherits.qid == "DOP/4.5"
    assert identical.baseline == ((2566, Decimal(60)), (2567, Decimal(75)), (2568, Decimal(80)))
    assert identical.overseer is not None and identical.overseer.phone == "02-000-1200"
    assert [n.ref.qid for n in identical.down] == ["P0001/1"]
    assert [n.ref.qid for n in identical.down[0].children] == ["P0012/1"]
    assert identical.criteria.kind == "thresholds" and len(identical.criteria.levels) == 5
    a3 = next(c for c in law.cards if c.ref.id == "A3")
    assert a3.criteria.kind == "milestones" and a3.criteria.levels[2].text.startswith("ดำเนินการ")


def test_cascade_tree_has_kinds(probation: SiteView) -> None:
    roots = {n.ref.qid: n for n in probation.tree.roots}
    assert len(roots) == 15

    def kinds(node: TreeNode) -> set[tuple[str, str]]:
        found = {(node.ref.qid, node.kind)}
        for child in node.children:
            found |= kinds(child)
        return found

    assert ("LAW/2-1", "identical") in kinds(roots["DOP/4.5"])
    assert ("P0012/1", "supervisor") in kinds(roots["DOP/4.5"])
    untraced = {u.party.id: [k.id for k, _ in u.kpis] for u in probation.tree.untraced}
    assert untraced["LAW"] == ["2-3", "2-4", "2-6", "2-7"]


def test_jobs(probation: SiteView) -> None:
    jobs = {j.position: j for j in probation.jobs.jobs}
    head = jobs["1234"]
    assert head.holder is not None and head.holder.id == "P0012"
    assert head.supervisor == "1200 ผู้อำนวยการสำนักกฎหมาย"
    assert [k.qid for k in head.responsibilities[0].kpis] == ["P0012/4"]
    legal = next(f for f in probation.jobs.families if f.id == "legal")
    assert legal.total == 3


def test_scores_and_trend(probation: SiteView) -> None:
    assert probation.period is not None
    assert probation.period.rounds == ("2569-Q1", "2569-Q2")
    assert [s.party.id for s in probation.period.summary][:2] == ["DOP", "SEC"]
    dop = probation.agreements[0].scorecard
    assert dop is not None and dop.score == Decimal("3.5988")
    assert [label for label, _ in dop.trend] == ["2569-Q1", "2569-Q2"]
    assert dop.bar_svg.startswith("<svg") and dop.trend_svg.startswith("<svg")


def test_progress_page_and_status_agree_on_at_risk(probation: SiteView) -> None:
    """The pages count at risk as ``cascade status`` does: round target or forecast."""
    period = parse_period("2569-Q2")
    assert period is not None
    status = round_status(_model(ROOT / "plans" / "probation"), period, date(2026, 5, 5))
    on_pages = [
        line.ref.qid
        for a in probation.agreements
        if a.scorecard is not None
        for line in a.scorecard.lines
        if line.at_risk
    ]
    assert sorted(on_pages) == sorted(ln.kpi for ln in status.lines if ln.at_risk)
    assert len(on_pages) == 19
    # no round target: at risk by its forecast only (the trend ends at 4.5 < 5)
    assert "DOP/3.4" in on_pages


def test_os_matrix_gaps(tmp_path: Path) -> None:
    files = {
        "os-matrix.yaml": "kind: OSMatrix\nrows:\n  - {kpi: ORG/1, owner: SVC}\n",
        "cascade.yaml": (ROOT / "tests/data/plans/valid/minimal/cascade.yaml").read_text("utf-8")
        + "rules: {OSM001: warning, OSM002: warning}\n",
        "agreements/units/SVC.yaml": (
            ROOT / "tests/data/plans/valid/minimal/agreements/units/SVC.yaml"
        )
        .read_text("utf-8")
        .replace("same_as: ORG/1", "same_as: C1")
        .replace("kind: identical", "kind: common")
        .replace(
            "same_as: C1, goal: SVC-G1, dimension: quality", "goal: SVC-G1, dimension: quality"
        )
        .replace(
            "kind: common, goal",
            "kind: unit_specific, unit_of_measure: percent, target: 80,"
            " criteria: {thresholds: [60, 65, 70, 75, 80]}, goal",
        ),
    }
    root = make_plan(tmp_path, files)
    view = build_view(_model(root), ViewOptions("en"))
    rows = {r.kpi.qid: r for r in view.matrix.rows}
    assert rows["ORG/1"].cells[0].role == "O" and rows["ORG/1"].cells[0].gap
    assert rows["ORG/1"].gaps == ("ORG/1: owner SVC does not carry it in its agreement",)
    assert rows["ORG/2"].gaps == ("ORG/2: no row in the OS matrix (no owner)",)
    assert rows["ORG/2"].cells[0].carries and not rows["ORG/2"].cells[0].gap


def test_slug_is_safe_and_injective() -> None:
    assert slug("LAW-1") == "LAW-1"
    assert slug("1.1") == "1.1"
    assert slug("..") == "_.."
    assert slug("a/b") == "a_2fb"
    assert slug("a_2fb") == "a_5f2fb"
    assert slug("ก") == "_e0_b8_81"


def test_a_parent_dimension_group_sums_its_sub_dimensions(tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "plans" / "probation", plan, ignore=shutil.ignore_patterns("actuals"))
    dop = plan / "agreements" / "DOP.yaml"
    text = dop.read_text("utf-8")
    dop.write_text(text.replace("dimension: quality", "dimension: external", 1), "utf-8")
    view = build_view(_model(plan), ViewOptions("en"))
    groups = {d.id: (d.weight, d.expected, len(d.rows)) for d in view.agreements[0].dimensions}
    assert groups["external"] == (Decimal(70), Decimal(70), 1)
    assert groups["quality"] == (Decimal(5), Decimal(10), 1)
    assert groups["effectiveness"] == (Decimal(60), Decimal(60), 3)


def test_a_dimension_weighted_by_an_expression_shows_its_value(tmp_path: Path) -> None:
    """``60 - A`` (A = 5 in the plan's params) is shown as 55, as the model evaluates it."""
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "plans" / "probation", plan, ignore=shutil.ignore_patterns("actuals"))
    framework = plan / "frameworks" / "opdc-2556.yaml"
    text = framework.read_text("utf-8")
    framework.write_text(text.replace("weight: 60\n", "weight: 60 - A\n", 1), "utf-8")
    view = build_view(_model(plan), ViewOptions("en"))
    groups = {d.id: d.expected for d in view.agreements[0].dimensions}
    assert groups["effectiveness"] == Decimal(55)

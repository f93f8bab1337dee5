"""Sections 2–4 of SCORING.md on the minimal plan, hand-computed."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from cascade.engine import check_plan
from cascade.periods import parse_period
from cascade.pipeline import to_diagnostics
from cascade.scoring.people_score import band_for
from cascade.scoring.policy import DEFAULT_BANDS
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.scoring.scorecard import Scorecard, ScoreRun
from tests.conftest import MINIMAL, make_plan

PLAN = (MINIMAL / "cascade.yaml").read_text(encoding="utf-8")
ORG = (MINIMAL / "agreements/ORG.yaml").read_text(encoding="utf-8")

Q2 = """\
kind: Actuals
period: 2569-Q2
results:
  - {kpi: ORG/1, value: 85}        # exactly T4 → 4
  - {kpi: ORG/2, value: 72.5}      # 3 + 2.5/5 → 3.5
  - {kpi: SVC/1-2, value: 14}      # 2 + 2/4 → 2.5
  - {kpi: SVC/1-3, status: n/a}    # its 30 is spread over 1-1 and 1-2
  - {kpi: P001/2, value: 95}       # exactly T4 → 4
people:
  - {person: P001, competency: 90}
"""


def run(
    tmp_path: Path, files: dict[str, str], period: str = "2569-Q2", incentives: bool = False
) -> tuple[ScoreRun, list[tuple[str, str, int, int]]]:
    root = make_plan(tmp_path, files)
    checked = check_plan(root)
    assert checked.model is not None, [d.format() for d in checked.result.diagnostics]
    when = parse_period(period)
    assert when is not None
    result, findings = score_plan(checked.model, ScoreOptions(when, incentives=incentives))
    diags = to_diagnostics(findings, root, checked.levels, checked.cells)
    return result, [d.key for d in diags]


def card(result: ScoreRun, party: str) -> Scorecard:
    return next(c for c in result.scorecards if c.party == party)


def test_organisation_weighted_scores(tmp_path: Path) -> None:
    result, _ = run(tmp_path, {"actuals/2569-Q2.yaml": Q2})
    org = card(result, "ORG")
    assert [(ln.score, ln.weighted) for ln in org.lines] == [
        (D("4.0000"), D("2.4000")),
        (D("3.5000"), D("1.4000")),
    ]
    assert (org.score, org.percent) == (D("3.8000"), D("76.0000"))
    assert org.dimensions == (("effectiveness", D("2.4000")), ("development", D("1.4000")))


def test_identical_inherits_and_na_redistributes(tmp_path: Path) -> None:
    result, _ = run(tmp_path, {"actuals/2569-Q2.yaml": Q2})
    svc = card(result, "SVC")
    assert [(ln.status, ln.score, ln.weighted) for ln in svc.lines] == [
        ("inherited", D("4.0000"), D("2.2857")),  # 4 × 40 / 70
        ("reported", D("2.5000"), D("1.0714")),  # 2.5 × 30 / 70
        ("n/a", None, None),
    ]
    assert (svc.score, svc.percent) == (D("3.3571"), D("67.1420"))


def test_person_not_reported_components_and_rating(tmp_path: Path) -> None:
    result, diags = run(tmp_path, {"actuals/2569-Q2.yaml": Q2})
    person = card(result, "P001")
    assert [(ln.status, ln.score) for ln in person.lines] == [
        ("not reported", D("0.0000")),  # a supervisor KPI never inherits a result
        ("reported", D("4.0000")),
    ]
    assert (person.score, person.percent) == (D("1.2000"), D("24.0000"))
    assert person.combined == D("43.8000")  # 24 × 0.7 + 90 × 0.3
    assert person.rating is not None and person.rating.id == "improve"
    not_reported = [d for d in diags if d[0] == "SCR001"]
    assert not_reported == [("SCR001", "agreements/people/P001.yaml", 7, 10)]


def test_exactly_90_is_outstanding(tmp_path: Path) -> None:
    q2 = Q2.replace("P001/2, value: 95}", "P001/2, value: 97.5}\n  - {kpi: P001/1, value: 87.5}")
    result, _ = run(tmp_path, {"actuals/2569-Q2.yaml": q2})
    person = card(result, "P001")
    assert [ln.score for ln in person.lines] == [D("4.5000"), D("4.5000")]
    assert (person.percent, person.combined) == (D("90.0000"), D("90.0000"))
    assert person.rating is not None and person.rating.id == "outstanding"
    assert band_for(D("89.9999"), DEFAULT_BANDS).id == "very-good"


def test_no_component_row_rates_on_achievement_alone(tmp_path: Path) -> None:
    result, _ = run(tmp_path, {"actuals/2569-Q2.yaml": Q2.split("people:")[0]})
    person = card(result, "P001")
    assert person.combined == person.percent == D("24.0000")
    assert person.notes == ("rated on achievement alone: no competency for P001",)


def test_half_up_rounding_of_a_weighted_score(tmp_path: Path) -> None:
    q2 = Q2.replace("ORG/1, value: 85", "ORG/1, value: 86.3025")  # 4.2605
    org = ORG.replace("weight: 60", "weight: 10").replace("weight: 40", "weight: 90")
    result, _ = run(
        tmp_path,
        {
            "actuals/2569-Q2.yaml": q2,
            "agreements/ORG.yaml": org,
            "cascade.yaml": PLAN + "rules: {WGT001: off}\n",
        },
    )
    first = card(result, "ORG").lines[0]
    assert (first.score, first.weighted) == (D("4.2605"), D("0.4261"))  # 0.42605 half-up


def test_weights_totalling_102_divide_by_102(tmp_path: Path) -> None:
    org = ORG.replace("weight: 40", "weight: 42")
    result, _ = run(
        tmp_path,
        {
            "actuals/2569-Q2.yaml": Q2,
            "agreements/ORG.yaml": org,
            "cascade.yaml": PLAN + "rules: {WGT001: off}\n",
        },
    )
    org_card = card(result, "ORG")
    assert org_card.total_weight == D(102)
    # 4 × 60 / 102 = 2.352941… → 2.3529; 3.5 × 42 / 102 = 1.441176… → 1.4412
    assert [ln.weighted for ln in org_card.lines] == [D("2.3529"), D("1.4412")]
    assert org_card.score == D("3.7941")


def test_round_targets_and_forecast(tmp_path: Path) -> None:
    org = ORG.replace("    target: 90\n", "    target: 90\n    round_targets: {3: 75, 6: 86}\n")
    q1 = Q2.replace("2569-Q2", "2569-Q1").replace("value: 85", "value: 80")
    result, _ = run(
        tmp_path,
        {"actuals/2569-Q1.yaml": q1, "actuals/2569-Q2.yaml": Q2, "agreements/ORG.yaml": org},
    )
    first = card(result, "ORG").lines[0]
    assert (first.round_target, first.at_risk) == (D(86), True)  # 85 < 86
    # rounds 3 → 80 and 6 → 85: +5 per 3 months, year end (month 12) → 95 → score 5
    assert (first.forecast, first.forecast_score) == (D("95.0000"), D("5.0000"))


def test_incentives_never_exceed_the_pool(tmp_path: Path) -> None:
    people = (
        (MINIMAL / "people.yaml")
        .read_text(encoding="utf-8")
        .replace("unit: SVC}", "unit: SVC, salary: 30000}")
    )
    plan = PLAN + (
        "scoring:\n  incentives:\n    pool_percent: 3\n"
        "    ranges: {outstanding: [4, 6], very-good: [3, 4], good: [2, 3], fair: [0, 2],"
        " improve: [0, 1]}\n"
    )
    result, _ = run(
        tmp_path,
        {"actuals/2569-Q2.yaml": Q2, "people.yaml": people, "cascade.yaml": plan},
        incentives=True,
    )
    assert result.pool == D("900.00")
    (share,) = result.allocations
    assert (share.band, share.percent, share.amount) == ("improve", D("1.0000"), D("300.00"))
    assert sum(a.amount for a in result.allocations) <= result.pool


def test_top_band_quota_moves_the_rest_to_the_next_band() -> None:
    from cascade.scoring.people_score import pay_bands
    from cascade.scoring.policy import Policy
    from cascade.scoring.scorecard import Scorecard as Card
    from cascade.spec.plan import Incentives

    def person(pid: str, combined: str) -> Card:
        return Card(
            pid,
            "person",
            pid,
            "2569-Q2",
            (),
            D(100),
            D(5),
            D(100),
            D(5),
            combined=D(combined),
            rating=DEFAULT_BANDS[0] if D(combined) >= 90 else DEFAULT_BANDS[1],
        )

    cards = [person("P1", "95"), person("P2", "91"), person("P3", "93"), person("P4", "85")]
    policy = Policy(incentives=Incentives(top_quota_percent=D(50)))
    assert pay_bands(cards, policy) == {
        "P1": "outstanding",
        "P3": "outstanding",
        "P2": "very-good",
        "P4": "very-good",
    }

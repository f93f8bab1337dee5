"""Issue 16 part 2 on the minimal plan: signing (SCR003), remarks and the
explanation policy (SCR004), unit incentives, round status and due dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal as D
from pathlib import Path

from cascade.engine import check_plan
from cascade.periods import be_date, default_due, parse_be_date, parse_period
from cascade.scoring.policy import Policy
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.scoring.scorecard import Scorecard, UnitAllocation
from cascade.scoring.status import round_status
from cascade.scoring.status_out import render
from cascade.scoring.unit_incentives import allocate_units
from cascade.spec.plan import UnitIncentives
from tests.conftest import MINIMAL, make_plan
from tests.scoring.test_scorecards import Q2, run

PLAN = (MINIMAL / "cascade.yaml").read_text(encoding="utf-8")
SVC = (MINIMAL / "agreements/units/SVC.yaml").read_text(encoding="utf-8")
SIGNED_SVC = SVC.replace(
    "{role: evaluatee, person: P001}",
    "{role: evaluatee, person: P001, signed_on: 2568-10-01, acknowledged_on: 2568-10-02}",
)


def test_buddhist_era_dates_and_default_due() -> None:
    assert parse_be_date("2568-10-01") == date(2025, 10, 1)
    assert parse_be_date("2567-02-30") is None
    q2, q1, year = (parse_period(p) for p in ("2569-Q2", "2569-Q1", "2569"))
    assert q2 is not None and q1 is not None and year is not None
    assert [be_date(default_due(p)) for p in (q1, q2, year)] == [
        "2569-01-30",
        "2569-04-30",
        "2569-10-30",
    ]


def test_scoring_unsigned_agreements_warns_at_the_signatory(tmp_path: Path) -> None:
    result, diags = run(tmp_path, {"actuals/2569-Q2.yaml": Q2, "agreements/units/SVC.yaml": SVC})
    assert [d for d in diags if d[0] == "SCR003"] == [
        ("SCR003", "agreements/ORG.yaml", 5, 8),  # no signatories: at the party
        ("SCR003", "agreements/people/P001.yaml", 17, 5),
        ("SCR003", "agreements/units/SVC.yaml", 24, 5),
    ]
    assert [c.signed for c in result.scorecards] == [False, False, False]


def test_a_signed_agreement_scores_without_warning(tmp_path: Path) -> None:
    result, diags = run(
        tmp_path, {"actuals/2569-Q2.yaml": Q2, "agreements/units/SVC.yaml": SIGNED_SVC}
    )
    assert ("SCR003", "agreements/units/SVC.yaml", 24, 5) not in diags
    assert [(c.party, c.signed) for c in result.scorecards if c.party == "SVC"] == [("SVC", True)]


def test_signing_dates_must_be_dates(tmp_path: Path) -> None:
    bad = SVC.replace("person: P001}", "person: P001, signed_on: 2568-02-30}")
    checked = check_plan(make_plan(tmp_path, {"agreements/units/SVC.yaml": bad}))
    assert [(d.code, d.file, d.line, d.column) for d in checked.result.diagnostics] == [
        ("SPEC005", "agreements/units/SVC.yaml", 24, 48)  # the value
    ]


def test_signing_dates_are_buddhist_era_with_ascii_digits(tmp_path: Path) -> None:
    # A Christian-era year (2025) was taken as the year 1482, Thai digits as a date,
    # and a pattern mismatch was reported as "not a valid id".
    messages = []
    for day in ("2025-10-15", "๒๕๖๘-๑๐-๑๕", "2568-10-15T09:00"):
        bad = SVC.replace("person: P001}", f"person: P001, signed_on: '{day}'}}")
        checked = check_plan(make_plan(tmp_path / day[:4], {"agreements/units/SVC.yaml": bad}))
        messages += [(d.code, d.line, d.column, d.message) for d in checked.result.diagnostics]
    assert messages == [
        (
            "SPEC005",
            24,
            48,
            "'2025-10-15' is not a Buddhist-era date: the year is not 2400-2700 "
            "(a Christian-era year? 2025 + 543 = 2568)",
        ),
        (
            "SPEC005",
            24,
            48,
            "'๒๕๖๘-๑๐-๑๕' is not a date; write YYYY-MM-DD in the Buddhist era with digits 0-9",
        ),
        (
            "SPEC005",
            24,
            48,
            "'2568-10-15T09:00' is not a date; write YYYY-MM-DD in the Buddhist era "
            "with digits 0-9",
        ),
    ]


def test_a_period_in_thai_digits_is_refused(tmp_path: Path) -> None:
    q2 = Q2.replace("period: 2569-Q2", "period: ๒๕๖๙-Q2")
    checked = check_plan(make_plan(tmp_path, {"actuals/2569-Q2.yaml": q2}))
    assert [(d.code, d.line, d.column, d.message) for d in checked.result.diagnostics] == [
        (
            "SPEC005",
            2,
            9,
            "'๒๕๖๙-Q2' is not a period; write 2569-Q2, 2569-H1, 2569-M04 or 2569",
        )
    ]


def test_explanation_required_below_target(tmp_path: Path) -> None:
    plan = PLAN + "  explanation_required: below-target\n"
    q2 = Q2.replace("{kpi: SVC/1-2, value: 14}", "{kpi: SVC/1-2, value: 14, remark: ครูลาออก}")
    result, diags = run(tmp_path, {"cascade.yaml": plan, "actuals/2569-Q2.yaml": q2})
    assert [d for d in diags if d[0] == "SCR004"] == [
        ("SCR004", "actuals/2569-Q2.yaml", 4, 5),  # ORG/1 85 < 90
        ("SCR004", "actuals/2569-Q2.yaml", 5, 5),  # ORG/2 72.5 < 80
        ("SCR004", "actuals/2569-Q2.yaml", 8, 5),  # P001/2 95 < 100; SVC/1-2 has a remark
    ]
    svc = next(c for c in result.scorecards if c.party == "SVC")
    assert [ln.remark for ln in svc.lines] == ["", "ครูลาออก", ""]


def test_a_blank_remark_explains_nothing(tmp_path: Path) -> None:
    """Spaces, an empty pair or a zero-width space were taken as the remark; 10 printed as 1E+1."""
    plan = PLAN + "  explanation_required: below-target\n"
    q2 = Q2.replace("{kpi: ORG/1, value: 85}", '{kpi: ORG/1, value: 10, remark: " "}')
    q2 = q2.replace("value: 72.5}", 'value: 72.5, remark: {th: "", en: "\\u200b"}}')
    checked = check_plan(make_plan(tmp_path, {"cascade.yaml": plan, "actuals/2569-Q2.yaml": q2}))
    assert checked.model is not None
    period = parse_period("2569-Q2")
    assert period is not None
    _, findings = score_plan(checked.model, ScoreOptions(period))
    assert [f.message for f in findings if f.code == "SCR004"] == [
        "ORG/1 is short of its target 90 with 10; the policy asks for a remark explaining why",
        "ORG/2 is short of its target 80 with 72.5; the policy asks for a remark explaining why",
        "P001/2 is short of its target 100 with 95; the policy asks for a remark explaining why",
        "SVC/1-2 is short of its target 24 with 14; the policy asks for a remark explaining why",
    ]


def test_no_explanation_finding_unless_the_policy_asks(tmp_path: Path) -> None:
    _, diags = run(tmp_path, {"actuals/2569-Q2.yaml": Q2})
    assert [d for d in diags if d[0] == "SCR004"] == []


def _card(party: str, percent: str) -> Scorecard:
    return Scorecard(party, "unit", party, "2569", (), D(100), None, D(percent), D(5))


def test_unit_pool_by_band_shares_and_quota() -> None:
    spec = UnitIncentives(pool=D(1000), top_quota_percent=D(34))
    policy = Policy(incentives_for_units=spec)
    cards = [_card("A", "95"), _card("B", "92"), _card("C", "75"), _card("P", "99")]
    cards[3] = replace(cards[3], party_type="person")
    allocations, pool = allocate_units(cards, policy)
    assert pool == D(1000)
    # 3 units × 34 % → one keeps the top band; B is paid as very-good; shares 3 + 2 + 1
    assert allocations == (
        UnitAllocation("A", "outstanding", D(95), D(3), D("500.00")),
        UnitAllocation("B", "very-good", D(92), D(2), D("333.33")),
        UnitAllocation("C", "good", D(75), D(1), D("166.66")),
    )
    assert allocate_units(cards, Policy()) == ((), None)


def test_incentive_pools_shares_and_quotas_are_bounded(tmp_path: Path) -> None:
    """A negative share let the others be paid more than the pool; a negative pool paid -5 baht."""
    pools = "scoring:\n  unit_incentives: {pool: -5, shares: {good: 1, fair: -1}}\n"
    plan = PLAN + pools + "  incentives: {pool_percent: -3, top_quota_percent: 101}\n"
    checked = check_plan(make_plan(tmp_path, {"cascade.yaml": plan}))
    assert [(d.code, d.line, d.column, d.message) for d in checked.result.diagnostics] == [
        ("SPEC005", 19, 27, "'-5' is below the smallest allowed value, 0"),
        ("SPEC005", 19, 55, "'-1' is below the smallest allowed value, 0"),
        ("SPEC005", 20, 30, "'-3' is below the smallest allowed value, 0"),
        ("SPEC005", 20, 53, "'101' is above the largest allowed value, 100"),
    ]


def test_round_status_reported_missing_late_and_due_dates(tmp_path: Path) -> None:
    plan = PLAN + "  evidence_required: true\nrounds:\n  due: {6: 2569-05-15}\n"
    q2 = Q2.replace("{kpi: ORG/2, value: 72.5}", "{kpi: ORG/2, value: 72.5, evidence: https://x/2}")
    checked = check_plan(make_plan(tmp_path, {"cascade.yaml": plan, "actuals/2569-Q2.yaml": q2}))
    assert checked.model is not None
    period = parse_period("2569-Q2")
    assert period is not None
    before = round_status(checked.model, period, date(2026, 5, 15))
    after = round_status(checked.model, period, date(2026, 5, 16))
    assert be_date(before.due) == "2569-05-15"
    # rounds.due dates belong to the plan's year: next year's Q2 is due by the default rule,
    # not on 2569-05-15 (a year before it starts, with every KPI "late")
    next_q2 = parse_period("2570-Q2")
    assert next_q2 is not None
    ahead = round_status(checked.model, next_q2, date(2026, 5, 16))
    assert (be_date(ahead.due), {ln.state for ln in ahead.lines}) == ("2570-04-30", {"missing"})
    assert [(ln.kpi, ln.state, ln.no_evidence) for ln in after.lines] == [
        ("ORG/1", "reported", True),
        ("ORG/2", "reported", False),
        ("P001/1", "late", False),
        ("P001/2", "reported", True),
        ("SVC/1-1", "reported", False),  # inherited from ORG/1: its evidence is ORG's
        ("SVC/1-2", "reported", True),
        ("SVC/1-3", "n/a", False),
    ]
    assert [ln.state for ln in before.lines if ln.kpi == "P001/1"] == ["missing"]
    assert (before.overdue, after.overdue) == (True, True)
    assert render(after, "text").splitlines() == [
        "2569-Q2: due 2569-05-15, as of 2569-05-16: 1 late, 0 missing, 0 at risk, "
        "3 without evidence",
        "ORG  2/2 reported",
        "  ORG/1  reported, no evidence",
        "P001  1/2 reported",
        "  P001/1  late",
        "  P001/2  reported, no evidence",
        "SVC  3/3 reported",
        "  SVC/1-2  reported, no evidence",
    ]


def test_round_months_are_months_of_the_fiscal_year(tmp_path: Path) -> None:
    """Months 13 and 0, and a due date for month 14, were taken without a word."""
    plan = PLAN + "rounds:\n  months: [3, 6, 13, 0]\n  due: {6: 2569-04-30, 14: 2569-05-01}\n"
    checked = check_plan(make_plan(tmp_path, {"cascade.yaml": plan}))
    assert [(d.code, d.line, d.column, d.message) for d in checked.result.diagnostics] == [
        ("SPEC005", 19, 18, "'13' is above the largest allowed value, 12"),
        ("SPEC005", 19, 22, "'0' is below the smallest allowed value, 1"),
        ("SPEC005", 20, 24, "'14' is above the largest allowed value, 12"),
    ]


def test_a_kpi_evidence_overrides_the_policy_in_status(tmp_path: Path) -> None:
    """No policy: SVC/1-2 asks by its own list; with the policy: ORG/2 is exempt."""
    asked = "    evidence: [{th: ทะเบียนผู้เข้าอบรม, en: training register}, ภาพถ่าย]\n"
    svc = SVC.replace(
        "thresholds: [8, 12, 16, 20, 24]}\n", "thresholds: [8, 12, 16, 20, 24]}\n" + asked
    )
    org = (MINIMAL / "agreements/ORG.yaml").read_text(encoding="utf-8")
    exempt = org.replace(
        "[60, 65, 70, 75, 80]}\n", "[60, 65, 70, 75, 80]}\n    evidence: optional\n"
    )
    period = parse_period("2569-Q2")
    assert period is not None
    found = []
    for plan in (PLAN, PLAN + "  evidence_required: true\n"):
        files = {"cascade.yaml": plan, "actuals/2569-Q2.yaml": Q2}
        files |= {"agreements/units/SVC.yaml": svc, "agreements/ORG.yaml": exempt}
        checked = check_plan(make_plan(tmp_path / str(len(found)), files))
        assert checked.model is not None
        status = round_status(checked.model, period, date(2026, 5, 1))
        found.append([ln.kpi for ln in status.lines if ln.no_evidence])
    assert found == [["SVC/1-2"], ["ORG/1", "P001/2", "SVC/1-2"]]
    assert "  SVC/1-2  reported, no evidence (ทะเบียนผู้เข้าอบรม; ภาพถ่าย)" in render(status, "text")

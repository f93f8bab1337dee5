"""``cascade.scoring.selection``: what score, report, explain-score and whatif
refuse, called directly on the minimal plan."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cascade.engine import check_plan
from cascade.exitcodes import ExitCode
from cascade.model.plan import PlanModel
from cascade.periods import Period, parse_period
from cascade.scoring.selection import (
    SelectionError,
    actual_periods,
    kpi_named,
    kpi_scorecard,
    party_with_agreement,
    period_with_actuals,
)
from tests.conftest import make_plan

Q2_ACTUALS = "kind: Actuals\nperiod: 2569-Q2\nresults:\n  - {kpi: ORG/1, value: 85}\n"


def period(text: str) -> Period:
    found = parse_period(text)
    assert found is not None
    return found


@pytest.fixture(scope="module")
def model(tmp_path_factory: pytest.TempPathFactory) -> PlanModel:
    """The minimal plan with Actuals for 2569-Q2 (ORG/1 at exactly T4)."""
    root = make_plan(tmp_path_factory.mktemp("plan"), {"actuals/2569-Q2.yaml": Q2_ACTUALS})
    checked = check_plan(root)
    assert checked.model is not None and not checked.result.errors
    return checked.model


def test_periods_with_actuals(model: PlanModel) -> None:
    assert actual_periods(model) == ["2569-Q2"]
    assert period_with_actuals(model, period("2569-Q2")) == period("2569-Q2")


def test_a_period_without_actuals_names_those_there_are(model: PlanModel) -> None:
    with pytest.raises(SelectionError) as caught:
        period_with_actuals(model, period("2569-Q3"))
    assert caught.value.lines() == ["cascade: no Actuals for 2569-Q3 (found: 2569-Q2)"]
    assert caught.value.exit_code is ExitCode.USAGE


def test_a_plan_without_actuals_says_none(tmp_path: Path) -> None:
    checked = check_plan(make_plan(tmp_path, {}))
    assert checked.model is not None
    with pytest.raises(SelectionError, match=r"^no Actuals for 2569-Q2 \(found: none\)$"):
        period_with_actuals(checked.model, period("2569-Q2"))


def test_party_with_agreement(model: PlanModel) -> None:
    assert party_with_agreement(model, "SVC") == "SVC"
    with pytest.raises(
        SelectionError, match=r"^no agreement for party 'SVX'. did you mean 'SVC'\?$"
    ):
        party_with_agreement(model, "SVX")
    with pytest.raises(SelectionError, match=r"^no agreement for party 'QQQQQ'.$"):
        party_with_agreement(model, "QQQQQ")


def test_kpi_named(model: PlanModel) -> None:
    assert kpi_named(model, "ORG/1").qid == "ORG/1"
    with pytest.raises(
        SelectionError, match=r"^no KPI 'ORG/9' \(write PARTY/ID\). did you mean 'ORG/2'\?$"
    ):
        kpi_named(model, "ORG/9")


def test_kpi_scorecard_is_its_agreements_card_and_its_line(model: PlanModel) -> None:
    card, line = kpi_scorecard(model, "ORG/1", period("2569-Q2"))
    assert (card.party, line.qid, line.result, line.score) == (
        "ORG",
        "ORG/1",
        Decimal(85),
        Decimal(4),
    )
    assert line.steps  # explained, for explain-score


def test_kpi_scorecard_checks_the_period_first(model: PlanModel) -> None:
    with pytest.raises(SelectionError, match=r"^no Actuals for 2569-Q3"):
        kpi_scorecard(model, "ORG/9", period("2569-Q3"))
    with pytest.raises(SelectionError, match=r"^no KPI 'ORG/9'"):
        kpi_scorecard(model, "ORG/9", period("2569-Q2"))

"""``cascade.new.ready``: which plans ``cascade new`` drafts into, called directly."""

from __future__ import annotations

import pytest

from cascade.diagnostics import Diagnostic, Level
from cascade.exitcodes import ExitCode
from cascade.model.plan import PlanModel
from cascade.new.ready import REFUSED, model_to_draft_in, model_to_replace_in
from cascade.result import PlanHasErrors, RunResult
from tests.conftest import MINIMAL
from tests.new.helpers import model_of

SVC_FILE = "agreements/units/SVC.yaml"


def result(*files: str, level: Level = Level.ERROR) -> RunResult:
    """A run with one WGT001 of ``level`` in each of ``files``."""
    diags = tuple(Diagnostic(f, 9, 5, "WGT001", level, "weights total 90") for f in files)
    return RunResult("plan", files, diags)


@pytest.fixture(scope="module")
def model() -> PlanModel:
    return model_of(MINIMAL)


def test_any_model_can_be_drafted_into(model: PlanModel) -> None:
    assert model_to_draft_in(result("org.yaml"), model) is model


def test_no_model_is_refused() -> None:
    with pytest.raises(PlanHasErrors) as caught:
        model_to_draft_in(result("org.yaml"), None)
    assert (caught.value.lines(), caught.value.exit_code) == ([f"cascade: {REFUSED}"], 1)


def test_a_clean_plan_is_replaced_in_without_notes(model: PlanModel) -> None:
    clean = result("org.yaml", level=Level.WARNING)
    assert model_to_replace_in(clean, model, "SVC", force=False) == (model, ())


def test_errors_elsewhere_are_refused_even_with_force(model: PlanModel) -> None:
    with pytest.raises(PlanHasErrors) as caught:
        model_to_replace_in(result(SVC_FILE, "org.yaml"), model, "SVC", force=True)
    assert caught.value.lines() == [f"cascade: {REFUSED}"]


def test_errors_only_in_the_replaced_agreement_need_force(model: PlanModel) -> None:
    with pytest.raises(PlanHasErrors) as caught:
        model_to_replace_in(result(SVC_FILE), model, "SVC", force=False)
    assert caught.value.lines() == [
        f"cascade: {REFUSED}",
        f"they are all in {SVC_FILE}, SVC's agreement: fix them there "
        "(a draft to compare: cascade new agreement --party SVC --out -)",
    ]
    assert caught.value.exit_code is ExitCode.PLAN


def test_with_force_they_are_ignored_with_a_note(model: PlanModel) -> None:
    found = model_to_replace_in(result(SVC_FILE), model, "SVC", force=True)
    assert found == (model, (f"1 error(s) in {SVC_FILE}, which this draft replaces, are ignored",))


def test_a_party_without_agreement_has_no_errors_of_its_own(model: PlanModel) -> None:
    with pytest.raises(PlanHasErrors) as caught:
        model_to_replace_in(result(SVC_FILE), model, "NEW-1", force=True)
    assert caught.value.lines() == [f"cascade: {REFUSED}"]

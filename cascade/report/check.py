"""``cascade validate --render``: run the whole report into a throwaway folder,
so that a template or data problem fails CI like a plan error does."""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path

from cascade.diagnostics import Diagnostic
from cascade.model.plan import PlanModel
from cascade.periods import Period, parse_period
from cascade.report.bounded import Limits
from cascade.report.errors import RenderError
from cascade.report.site import ReportOptions, prepare_report, writing_report
from cascade.result import RunResult


def latest_period(model: PlanModel) -> Period | None:
    """The last period the plan has actuals for (so scorecards render too)."""
    periods = [p for a, _ in model.actuals if (p := parse_period(a.period)) is not None]
    return max(periods, default=None)


def render_check(
    model: PlanModel, templates: Path | None = None, limits: Limits | None = None
) -> Diagnostic | None:
    """Render every format in every language of the plan; the first problem, if any."""
    langs = list(model.plan.languages) if model.plan else ["th"]
    period = latest_period(model)
    with tempfile.TemporaryDirectory(prefix="cascade-render-") as tmp:
        for lang in dict.fromkeys(langs):
            options = ReportOptions(
                lang=lang, period=period, templates=templates, limits=limits or Limits()
            )
            try:
                with writing_report(prepare_report(model, options), Path(tmp) / lang):
                    pass
            except RenderError as exc:
                return exc.diagnostic
    return None


def with_render_check(
    result: RunResult, model: PlanModel | None, templates: Path | None = None
) -> tuple[RunResult, bool]:
    """``result`` with the render check's problem joined in, and whether there was one.

    A plan with errors is not rendered (a note says so): its report would
    only echo them.
    """
    if model is None or result.errors:
        note = "the report was not rendered: fix the errors above first"
        return replace(result, notes=(*result.notes, note)), False
    problem = render_check(model, templates)
    if problem is None:
        return result, False
    return replace(result, diagnostics=tuple(sorted((*result.diagnostics, problem)))), True

"""``cascade score``, ``cascade explain-score`` and ``cascade whatif``."""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

import typer

from cascade.cli.color import use_color
from cascade.cli.common import (
    OUT_HELP,
    PLAN_HELP,
    checked_plan,
    number_option,
    output_dir,
    period_option,
    plan_language,
)
from cascade.diagnostics import Diagnostic, Level
from cascade.engine import find_plan_root
from cascade.exitcodes import CascadeError, ExitCode
from cascade.pipeline import to_diagnostics
from cascade.reporters import REPORTERS
from cascade.reporters.paths import rebase_for
from cascade.result import RunResult

# cascade.scoring is imported inside the functions: 'cascade validate' and
# 'cascade --help' should not pay for it.

FORMATS = ("text", "json", "yaml", "csv", "xlsx")
PLAN_OPTION = "Same as PLAN_DIR (kept for scripts written before it)."


def _report(findings: list[Diagnostic], root: str) -> None:
    if findings:
        files = tuple(sorted({d.file for d in findings}))
        result = RunResult(root, files, tuple(sorted(findings)))
        result = rebase_for(result, Path(root), "text")
        REPORTERS["text"](result, sys.stderr, color=use_color(sys.stderr))


def score(
    plan_dir: Path = typer.Argument(Path("."), help=PLAN_HELP, show_default=False),
    period: str = typer.Option(
        ..., "--period", "-p", help="Period to close: 2569-Q2, 2569-H1, 2569."
    ),
    party: str | None = typer.Option(None, "--party", help="Only this party's scorecard."),
    format: str = typer.Option(
        "text",
        "--format",
        "-f",
        help=f"Output: {', '.join(FORMATS)}. json, yaml, csv go to stdout without --out.",
    ),
    out: Path | None = typer.Option(
        None, "--out", "-o", help=f"Folder for scorecard files ({OUT_HELP}).", show_default=False
    ),
    incentives: bool = typer.Option(False, "--incentives", help="Allocate the incentive pool."),
    lang: str | None = typer.Option(None, "--lang", help="th or en (default: the plan's first)."),
) -> int:
    """Close a period: every KPI score, agreement score, roll-up and rating.

    Validates the plan first (plan errors stop it, exit 1) and prints a
    scorecard per agreement.  With --format json|yaml|csv and no --out, the
    scorecards go to stdout instead (nothing else does: messages go to
    stderr), ready for a pipe; with --out DIR (always for xlsx, default
    out/) they are written to DIR/scorecards-<period>.<format> atomically.

    Examples:

      cascade score plans/probation --period 2569-Q2 --party LAW

      cascade score plans/probation -p 2569-Q2 --format json | jq '.scorecards[0].score'

      cascade score plans/probation -p 2569-Q2 --format xlsx --out out
    """
    from cascade.scoring.run import ScoreOptions, score_plan
    from cascade.scoring.selection import party_with_agreement, period_with_actuals
    from cascade.scoring.show import show
    from cascade.scoring.write import TEXT_FORMATS, scorecards_text, write_scorecards

    if format not in FORMATS:
        raise typer.BadParameter(f"choose one of {', '.join(FORMATS)}", param_hint="--format")
    when = period_option(period)
    plan_dir = find_plan_root(plan_dir)
    checked = checked_plan(plan_dir, "scoring")
    model = checked.model
    assert model is not None
    lang = plan_language(lang, model)
    options = ScoreOptions(
        period_with_actuals(model, when),
        party_with_agreement(model, party) if party is not None else None,
        incentives,
    )
    run, findings = score_plan(model, options)
    diags = to_diagnostics(findings, plan_dir, checked.levels, checked.cells)
    _report(diags, str(plan_dir))
    if format in TEXT_FORMATS and out is None:  # a pipe: the scorecards and nothing else
        sys.stdout.write(scorecards_text(run, format, lang))
        return _exit_code(diags)
    show(run, sys.stdout, color=use_color(sys.stdout), lang=lang)
    if format != "text":
        path = write_scorecards(run, format, output_dir(out, plan_dir, model), lang)
        typer.echo(f"wrote {path}")
    return _exit_code(diags)


def _exit_code(diags: list[Diagnostic]) -> ExitCode:
    """1 when scoring found errors in the plan, else 0."""
    return ExitCode.PLAN if any(d.level is Level.ERROR for d in diags) else ExitCode.OK


def explain_score(
    kpi: str = typer.Argument(..., help="The KPI as PARTY/ID, e.g. LAW/2-5."),
    plan_dir: Path = typer.Argument(Path("."), help=PLAN_HELP, show_default=False),
    period: str = typer.Option(..., "--period", "-p", help="The period, e.g. 2569-Q2."),
    plan: Path | None = typer.Option(None, "--plan", hidden=True, help=PLAN_OPTION),
) -> int:
    """Show every step of one KPI's score: result, thresholds, bracket,
    interpolation, rounding, weight and weighted score.

    Example:  cascade explain-score LAW/2-5 plans/probation --period 2569-Q2
    """
    from cascade.scoring.explain import explain_lines
    from cascade.scoring.selection import kpi_scorecard

    when = period_option(period)
    model = checked_plan(find_plan_root(plan or plan_dir), "scoring").model
    assert model is not None
    card, line = kpi_scorecard(model, kpi, when)
    sys.stdout.write("\n".join(explain_lines(card, line)) + "\n")
    return ExitCode.OK


def whatif(
    kpi: str = typer.Argument(..., help="The KPI as PARTY/ID, e.g. LAW/2-5."),
    score_: str | None = typer.Option(None, "--score", "-s", help="The score wanted, e.g. 4.5."),
    total: str | None = typer.Option(
        None, "--total", help="Instead: the agreement total wanted (needs --period)."
    ),
    plan_dir: Path = typer.Argument(Path("."), help=PLAN_HELP, show_default=False),
    period: str | None = typer.Option(None, "--period", "-p", help="Period for --total."),
    plan: Path | None = typer.Option(None, "--plan", hidden=True, help=PLAN_OPTION),
) -> int:
    """The result a KPI needs for a score (or for its agreement to reach --total).

    Example:  cascade whatif LAW/2-5 plans/probation --score 4.5
    """
    from cascade.scoring.explain import needed_result, score_for_total
    from cascade.scoring.policy import resolve
    from cascade.scoring.selection import kpi_named, kpi_scorecard

    if (score_ is None) == (total is None):
        raise typer.BadParameter("give either --score or --total", param_hint="--score")
    wanted = number_option(score_, "--score") if score_ is not None else Decimal(0)
    goal = number_option(total, "--total") if total is not None else None
    if goal is not None and period is None:
        raise typer.BadParameter("--total needs --period", param_hint="--period")
    model = checked_plan(find_plan_root(plan or plan_dir), "asking what if").model
    assert model is not None
    target = kpi_named(model, kpi)
    policy = resolve(model.plan.scoring if model.plan else None)
    if goal is not None and period is not None:
        card, line = kpi_scorecard(model, kpi, period_option(period))
        needed = score_for_total(card, line, goal)
        if needed is None:
            raise CascadeError("no agreement score this period to start from")
        wanted = needed
        typer.echo(f"for a total of {goal}, {kpi} must score {policy.round(wanted)}")
    answer = needed_result(target, wanted, policy)
    if answer.result is None:
        typer.echo(
            f"no result of {kpi} scores {policy.round(wanted)} (the scale tops at {policy.top})"
        )
        return ExitCode.CHANGED
    what = "milestone level" if answer.milestone else "result"
    typer.echo(
        f"{kpi} needs a {what} of {policy.round(answer.result)} to score {policy.round(wanted)}"
    )
    return ExitCode.OK

"""``cascade new``: draft plan documents from what the plan already says.

``new agreement`` drafts a unit's or a person's agreement, ``new kpi`` a KPI
skeleton with the whole KPI template, ``new unit`` an org-chart entry; each
prints or writes YAML with TODO comments where a planner must decide.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cascade.cli.common import PLAN_HELP, number_option
from cascade.engine import check_plan, find_plan_root
from cascade.exitcodes import ExitCode
from cascade.model.plan import PlanModel
from cascade.result import PlanHasErrors

if TYPE_CHECKING:
    from cascade.new.agreement import Draft

# cascade.new (and ruamel.yaml behind it) is imported inside the commands:
# 'cascade validate' and 'cascade --help' should not pay for it.

app = typer.Typer(
    help="Draft plan documents from what the plan already says: agreements, KPIs, units.",
    no_args_is_help=True,
)

PLAN_DIR = typer.Argument(Path("."), help=PLAN_HELP, show_default=False)


def _draftable(plan_dir: Path) -> PlanModel:
    """The plan's model, errors or not (``new kpi``, ``new unit``)."""
    from cascade.new.ready import model_to_draft_in

    checked = check_plan(plan_dir)
    return model_to_draft_in(checked.result, checked.model)


def _notes(notes: list[str] | tuple[str, ...]) -> None:
    for line in notes:
        typer.echo(f"note: {line}", err=True)


def _report(draft: Draft, target: Path, root: Path) -> None:
    what = f"{draft.kpis} KPIs" + (f", {draft.goals} goals" if draft.goals else "")
    typer.echo(f"drafted {draft.party}'s agreement in {target} ({what}; weights total 100)")
    _notes(draft.notes)
    typer.echo(f"next: settle every TODO, then run: cascade validate {root}")


@app.command("agreement")
def agreement(
    plan_dir: Path = PLAN_DIR,
    party: str = typer.Option(..., "--party", "-p", help="The unit or person id."),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="File to write (default: agreements/units/<ID>.yaml or agreements/people/<ID>.yaml "
        "in the plan); '-' prints it.",
    ),
    force: bool = typer.Option(False, "--force", help="Replace an existing file."),
) -> int:
    """Draft a unit's or a person's agreement from what the plan already says.

    A unit: identical KPIs for the organisation KPIs the OS matrix makes it
    owner of, contributory placeholders for those it supports, the plan's
    common KPIs, and a goal per organisation goal they serve.  A person:
    supervisor KPIs from the parent party's agreement and job KPIs from the
    job description.  Weights total exactly 100; TODO comments mark what a
    planner must decide.  The plan must have no errors.

    Example:  cascade new agreement plans/probation --party LAW-1
    """
    from cascade.new.agreement import default_path, draft_agreement
    from cascade.new.files import write_new
    from cascade.new.ready import model_to_replace_in
    from cascade.new.target import STDOUT, agreement_target

    plan_dir = find_plan_root(plan_dir)
    checked = check_plan(plan_dir)
    printing = out is not None and out == STDOUT
    model, notes = model_to_replace_in(checked.result, checked.model, party, force or printing)
    _notes(notes)
    default = plan_dir / default_path(model, party)
    target = agreement_target(plan_dir, model, party, out, force)
    draft = draft_agreement(model, party, plan_dir, default if target == STDOUT else target)
    if target == STDOUT:
        typer.echo(draft.text, nl=False)
        _notes(draft.notes)
        return ExitCode.OK
    write_new(target, draft.text, force=force)
    _report(draft, target, plan_dir)
    if checked.result.errors:  # those the draft was to resolve (cascade.new.ready)
        after = check_plan(plan_dir).result
        if after.errors:
            raise PlanHasErrors(after, f"{target} is written, but the plan still has errors")
        typer.echo(f"the plan's {checked.result.errors} error(s) are resolved")
    return ExitCode.OK


def _weight(text: str) -> Decimal:
    value = number_option(text, "--weight")
    if value < 0:
        raise typer.BadParameter("give a number, 0 or more", param_hint="--weight")
    return value


@app.command("kpi")
def kpi(
    plan_dir: Path = PLAN_DIR,
    party: str = typer.Option(..., "--party", "-p", help="The party whose agreement gets it."),
    kpi_id: str | None = typer.Option(None, "--id", help="KPI id (default: after the last one)."),
    kind: str | None = typer.Option(None, "--kind", help="KPI kind (default: from the links)."),
    contributes_to: list[str] = typer.Option(
        [], "--contributes-to", help="Parent KPI it drives (repeatable): DOP/3.1 or 3.1."
    ),
    same_as: str | None = typer.Option(None, "--same-as", help="Parent KPI taken over as is."),
    responsibility: str | None = typer.Option(
        None, "--responsibility", help="Job-description responsibility (job KPIs): R1."
    ),
    goal: str | None = typer.Option(None, "--goal", help="Goal it measures."),
    dimension: str | None = typer.Option(None, "--dimension", help="Perspective or dimension."),
    weight: str = typer.Option("0", "--weight", help="Weight (default 0: a TODO)."),
    append: bool = typer.Option(
        False, "--append", help="Append it to the party's agreement file (comments kept)."
    ),
) -> int:
    """Print a KPI skeleton with every KPI-template field and TODO comments.

    With --append, add it to the end of the party's agreement instead.

    Example:  cascade new kpi plans/probation --party LAW --id 2-8 --contributes-to DOP/3.1
    """
    from cascade.new.insert import append_kpi, kpi_snippet
    from cascade.new.kpi import KpiRequest, kpi_skeleton

    request = KpiRequest(
        party,
        kpi_id,
        kind,
        same_as,
        tuple(contributes_to),
        responsibility,
        goal,
        dimension,
        _weight(weight),
    )
    plan_dir = find_plan_root(plan_dir)
    model = _draftable(plan_dir)
    skeleton = kpi_skeleton(model, request)
    if not append:
        typer.echo(kpi_snippet(model, skeleton, party), nl=False)
        return ExitCode.OK
    added = append_kpi(plan_dir, skeleton, party)
    typer.echo(f"appended KPI {skeleton.id} to {added.path}")
    _notes(added.notes)
    return ExitCode.OK


@app.command("unit")
def unit(
    plan_dir: Path = PLAN_DIR,
    unit_id: str = typer.Option(..., "--id", help="The new unit's id, e.g. LAW-2."),
    parent: str = typer.Option(..., "--parent", help="Its parent unit."),
    name: str = typer.Option(..., "--name", help="Its name (in the plan's first language)."),
    name_en: str | None = typer.Option(None, "--name-en", help="Its English name, if any."),
    unit_type: str | None = typer.Option(None, "--type", help="bureau, division, group, …"),
    head: str | None = typer.Option(None, "--head", help="Position number of its head."),
    append: bool = typer.Option(
        False, "--append", help="Append it to the org chart file (comments kept)."
    ),
) -> int:
    """Print an org-chart entry for a new unit (or append it with --append).

    Example:  cascade new unit plans/probation --id LAW-2 --parent LAW --name "กลุ่มกฎหมาย 2"
    """
    from cascade.new.insert import add_unit, unit_snippet
    from cascade.new.unit import UnitRequest, unit_entry

    request = UnitRequest(unit_id, parent, name, name_en, unit_type, head)
    plan_dir = find_plan_root(plan_dir)
    model = _draftable(plan_dir)
    entry = unit_entry(model, request)
    if not append:
        typer.echo(unit_snippet(model, entry, unit_id), nl=False)
        return ExitCode.OK
    added = add_unit(plan_dir, model, entry)
    typer.echo(
        f"added unit {unit_id} to {added.path}; "
        f"next: cascade new agreement {plan_dir} --party {unit_id}"
    )
    _notes(added.notes)
    return ExitCode.OK


@app.command("year")
def year(
    plan_dir: Path = PLAN_DIR,
    out: Path | None = typer.Option(
        None, "--out", "-o", help="The new plan's folder (default: <plan>-<next year>)."
    ),
) -> int:
    """Start the next fiscal year's plan from this one: fiscal_year + 1, due
    dates a year on, each KPI's baseline gains this year's result (latest
    period), signatures cleared, no actuals; comments are kept."""
    from cascade.cli.common import checked_plan
    from cascade.new.year import start_next_year

    model = checked_plan(plan_dir, "starting the next year").model
    assert model is not None and model.plan is not None
    target = out or plan_dir.resolve().with_name(
        f"{plan_dir.resolve().name}-{model.plan.fiscal_year + 1}"
    )
    done = start_next_year(plan_dir, model, target)
    typer.echo(
        f"started fiscal year {done.year} in {done.out}: {done.baselines} baselines added, "
        f"{done.unsigned} signatures cleared, actuals left empty"
    )
    _notes(done.notes)
    typer.echo(f"next: review the targets, then run: cascade validate {done.out}")
    return ExitCode.OK

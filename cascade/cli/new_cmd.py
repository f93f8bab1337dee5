"""``cascade new``: draft plan documents from what the plan already says.

``new agreement`` drafts a unit's or a person's agreement, ``new kpi`` a KPI
skeleton with the whole KPI template, ``new unit`` an org-chart entry; each
prints or writes YAML with TODO comments where a planner must decide.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from cascade.cli.common import Stop as _Stop
from cascade.engine import PlanRootError, check_plan
from cascade.fileio import atomic_write
from cascade.load.reader import parse_text
from cascade.model.plan import PlanModel
from cascade.reporters import REPORTERS
from cascade.result import RunResult

if TYPE_CHECKING:
    from cascade.new.agreement import Draft

# cascade.new (and ruamel.yaml behind it) is imported inside the commands:
# 'cascade validate' and 'cascade --help' should not pay for it.

app = typer.Typer(
    help="Draft plan documents from what the plan already says: agreements, KPIs, units.",
    no_args_is_help=True,
)

PLAN_DIR = typer.Argument(Path("."), help="The plan folder (holds cascade.yaml).")
STDOUT = Path("-")


def _refuse(result: RunResult, hint: str = "") -> _Stop:
    REPORTERS["text"](result, typer.get_text_stream("stderr"))
    typer.echo("cascade: the plan has errors; fix them first, nothing was drafted", err=True)
    if hint:
        typer.echo(hint, err=True)
    return _Stop(result.exit_code() or 1)


def _model(plan_dir: Path, clean: bool, party: str = "", force: bool = False) -> PlanModel:
    """The plan's model; with ``clean``, only when the plan has no errors but
    those in ``party``'s agreement file, which ``force`` replaces."""
    try:
        checked = check_plan(plan_dir)
    except PlanRootError as exc:
        typer.echo(f"cascade: {exc}", err=True)
        raise _Stop(2) from None
    result, model = checked.result, checked.model
    if model is None:
        raise _refuse(result)
    if not clean or not result.errors:
        return model
    own = model.agreements.get(party)
    mine = own.where.file if own is not None else None
    rest = RunResult(
        result.root, result.files, tuple(d for d in result.diagnostics if d.file != mine)
    )
    if rest.errors:
        raise _refuse(result)
    if not force:
        raise _refuse(result, f"they are all in {mine}, {party}'s agreement: --force replaces it")
    _notes([f"{result.errors} error(s) in {mine}, which this draft replaces, are ignored"])
    return model


def _notes(notes: list[str] | tuple[str, ...]) -> None:
    for line in notes:
        typer.echo(f"note: {line}", err=True)


def _replacing(root: Path, model: PlanModel, party: str, out: Path | None, force: bool) -> Path:
    """Where the draft goes; an agreement the party already has is replaced only with --force."""
    from cascade.new.agreement import default_path
    from cascade.new.common import NewError

    target = out if out is not None else root / default_path(model, party)
    if target == STDOUT:
        return target
    others = {
        (root / a.where.file).resolve(): a.party
        for a in model.agreements.values()
        if a.party != party
    }
    if target.resolve() in others:
        raise NewError(f"{target} holds {others[target.resolve()]}'s agreement; nothing written")
    existing = model.agreements.get(party)
    if existing is None:
        return target
    where = root / existing.where.file
    if not force:
        raise NewError(
            f"{party} already has an agreement in {where}; nothing written "
            "(use --force to replace that file)"
        )
    if out is not None and out.resolve() != where.resolve():
        raise NewError(
            f"{party}'s agreement is in {where}; a second one in {out} would be a duplicate "
            f"(REF002): write over {where} or remove it first"
        )
    text = where.read_text(encoding="utf-8")
    if len([d for d in parse_text(text, existing.where.file).documents if d is not None]) > 1:
        raise NewError(f"{where} holds other documents too; move {party}'s agreement out first")
    return where


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
    from cascade.new.common import NewError
    from cascade.new.files import write_new

    try:
        model = _model(plan_dir, clean=True, party=party, force=force)
        default = plan_dir / default_path(model, party)
        target = _replacing(plan_dir, model, party, out, force)
        draft = draft_agreement(model, party, plan_dir, default if target == STDOUT else target)
        if target == STDOUT:
            typer.echo(draft.text, nl=False)
            _notes(draft.notes)
            return 0
        write_new(target, draft.text, force=force)
    except _Stop as stop:
        return stop.code
    except NewError as exc:
        typer.echo(f"cascade: {exc}", err=True)
        return exc.code
    _report(draft, target, plan_dir)
    return 0


def _agreement_file(model: PlanModel, party: str) -> str:
    """Where ``party``'s agreement would go."""
    from cascade.new.agreement import default_path
    from cascade.new.common import NewError

    try:
        return default_path(model, party)
    except NewError:  # the organisation
        return f"agreements/{party}.yaml"


def _weight(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise typer.BadParameter(f"'{text}' is not a number", param_hint="--weight") from None
    if not value.is_finite() or value < 0:
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
    from cascade.new.common import NewError
    from cascade.new.files import append_item
    from cascade.new.kpi import KpiRequest, kpi_skeleton
    from cascade.new.yamlout import cmap, cseq, dump

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
    try:
        model = _model(plan_dir, clean=False)
        skeleton = kpi_skeleton(model, request)
        agreement = skeleton.agreement
        if not append:
            where = agreement.where.file if agreement is not None else _agreement_file(model, party)
            typer.echo(f"# KPI {skeleton.id} for {party}: paste it under 'kpis:' in {where}")
            typer.echo(dump(cmap([("kpis", cseq([skeleton.kpi]))])).split("\n", 1)[1], nl=False)
            return 0
        if agreement is None:
            raise NewError(
                f"{party} has no agreement to append to; draft one first: "
                f"cascade new agreement {plan_dir} --party {party}"
            )
        path = plan_dir / agreement.where.file
        done = append_item(
            path,
            agreement.where.doc,
            "kpis",
            skeleton.kpi,
            "Agreement",
            "added by 'cascade new kpi': TODO fill in the KPI template",
        )
        atomic_write(path, done.text)
    except _Stop as stop:
        return stop.code
    except NewError as exc:
        typer.echo(f"cascade: {exc}", err=True)
        return exc.code
    typer.echo(f"appended KPI {skeleton.id} to {path}")
    if done.rewritten:
        _notes([f"ruamel.yaml rewrote {done.rewritten} other line(s) of {path}: check them"])
    return 0


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
    from cascade.new.common import NewError
    from cascade.new.files import append_item, write_new
    from cascade.new.modeline import modeline, schema_ref
    from cascade.new.unit import UnitRequest, orgchart_at, unit_entry
    from cascade.new.yamlout import cmap, cseq, dump, header, note_last

    request = UnitRequest(unit_id, parent, name, name_en, unit_type, head)
    try:
        model = _model(plan_dir, clean=False)
        where = orgchart_at(model)
        entry = unit_entry(model, request)
        notes: list[str] = []
        units = cseq([entry.unit])
        if entry.todo and (not append or where is None):
            note_last(units, entry.todo)
        if not append:
            file = where.file if where is not None else "org.yaml"
            typer.echo(f"# unit {unit_id}: paste it under 'units:' in {file}")
            typer.echo(dump(cmap([("units", units)])).split("\n", 1)[1], nl=False)
            return 0
        if where is None:
            path = plan_dir / "org.yaml"
            ref, where_note = schema_ref(plan_dir, path, "OrgChart")
            doc = cmap([("kind", "OrgChart"), ("version", "cascade/v1"), ("units", units)])
            write_new(path, header([modeline(ref)]) + dump(doc))
            notes.extend([where_note] if where_note else [])
            rewritten = 0
        else:
            path = plan_dir / where.file
            done = append_item(
                path, where.doc, "units", entry.unit, "OrgChart", match_flow=True, todo=entry.todo
            )
            atomic_write(path, done.text)
            rewritten = done.rewritten
    except _Stop as stop:
        return stop.code
    except NewError as exc:
        typer.echo(f"cascade: {exc}", err=True)
        return exc.code
    typer.echo(
        f"added unit {unit_id} to {path}; next: cascade new agreement {plan_dir} --party {unit_id}"
    )
    if rewritten:
        notes.append(f"ruamel.yaml rewrote {rewritten} other line(s) of {path}: check them")
    _notes(notes)
    return 0

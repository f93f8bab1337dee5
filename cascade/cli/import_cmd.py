"""``cascade import xlsx|docx``: draft a party's agreement from the Excel KPI
table or the Word KPI templates an agency already has (cascade.office)."""

from __future__ import annotations

from pathlib import Path

import typer

from cascade.exitcodes import ExitCode

app = typer.Typer(
    help="Draft an agreement from an Excel KPI table or Word KPI templates.",
    no_args_is_help=True,
)

FILE = typer.Argument(..., help="The .xlsx or .docx file (never modified).")
PARTY = typer.Option(..., "--party", "-p", help="The unit or person whose agreement it is.")
PLAN = typer.Option(
    None, "--plan", help="The plan: names dimensions, and the draft goes to the party's file."
)
OUT = typer.Option(None, "--out", "-o", help="File to write (default: the party's file in --plan).")
DRY = typer.Option(False, "--dry-run", help="Print the draft; write nothing.")
FORCE = typer.Option(False, "--force", help="Replace the party's existing agreement file.")


def _run(
    command: str,
    read: object,
    party: str,
    plan: Path | None,
    out: Path | None,
    dry_run: bool,
    force: bool,
) -> int:
    from cascade.engine import check_plan
    from cascade.new.common import party_type
    from cascade.new.ready import model_to_draft_in
    from cascade.office.context import Context, plan_context
    from cascade.office.draft import draft_import
    from cascade.office.place import draft_target, schema_for, write_draft
    from cascade.office.source import Source
    from cascade.office.workbook import ImportFailed

    model = None
    context = Context()
    if plan is not None:
        checked = check_plan(plan)
        model = model_to_draft_in(checked.result, checked.model)
        party_type(model, party)
        context = plan_context(model, party)
    target = None if dry_run else draft_target(plan, model, party, out)
    assert callable(read)
    source: Source = read()
    schema = schema_for(plan, model, target) if target is not None else None
    draft = draft_import(source, party, context, command, schema)
    for problem in draft.problems:
        typer.echo(f"warning: {problem.line()}", err=True)
    if not source.kpis:
        raise ImportFailed(
            f"{source.file}: no KPI found, nothing drafted (a KPI needs a name: a row under "
            "the ตัวชี้วัด column, or a Word table with a ตัวชี้วัด row); see docs/import.md"
        )
    if target is None:
        typer.echo(draft.text, nl=False)
        return ExitCode.OK
    written = write_draft(plan, model, party, target, draft.text, force)
    state = "imported" if written else "unchanged:"
    typer.echo(f"{state} {draft.kpis} KPIs of {party} in {target}", nl=False)
    typer.echo(
        f"; {len(draft.problems)} cell(s) could not be used (TODO)" if draft.problems else ""
    )
    typer.echo(f"next: settle every TODO, then run: cascade validate {plan or '<plan>'}")
    return ExitCode.OK


@app.command("xlsx")
def import_xlsx(
    file: Path = FILE,
    party: str = PARTY,
    sheet: str | None = typer.Option(None, "--sheet", help="The sheet (default: the first)."),
    mapping: Path | None = typer.Option(
        None, "--mapping", help="A YAML file naming the columns of any other layout."
    ),
    plan: Path | None = PLAN,
    out: Path | None = OUT,
    dry_run: bool = DRY,
    force: bool = FORCE,
) -> int:
    """Draft an agreement from an Excel KPI table (one row a KPI).

    The header row is found by its titles (ตัวชี้วัด, น้ำหนัก, ค่าเป้าหมาย,
    เกณฑ์การให้คะแนน 1–5, … or KPI, Weight, Target, …); section rows such as
    "มิติที่ 1 ด้านประสิทธิผล (น้ำหนักร้อยละ 60)" give the dimension.  Every
    cell that cannot be used is listed with its place (KPI!C7) and marked
    TODO in the draft; the exit code is still 0.  See docs/import.md.

    Example:  cascade import xlsx kpi-2569.xlsx --party LAW --plan plans/probation
    """
    from cascade.office.mapping import read_mapping
    from cascade.office.xlsx_read import read_xlsx

    layout = read_mapping(mapping) if mapping is not None else None
    return _run(
        "cascade import xlsx",
        lambda: read_xlsx(file, sheet, layout),
        party,
        plan,
        out,
        dry_run,
        force,
    )


@app.command("docx")
def import_docx(
    file: Path = FILE,
    party: str = PARTY,
    plan: Path | None = PLAN,
    out: Path | None = OUT,
    dry_run: bool = DRY,
    force: bool = FORCE,
) -> int:
    """Draft an agreement from Word KPI templates (รายละเอียดตัวชี้วัด).

    Each table of labels and values (ตัวชี้วัด, หน่วยวัด, น้ำหนัก, คำอธิบาย,
    เกณฑ์การให้คะแนน, ระดับ 1–5, ข้อมูลพื้นฐาน, แหล่งข้อมูล, ผู้กำกับดูแลตัวชี้วัด,
    ผู้จัดเก็บข้อมูล, …) becomes a KPI.  See docs/import.md.

    Example:  cascade import docx kpi-templates.docx --party LAW --plan plans/probation
    """
    from cascade.office.docx_read import read_docx

    return _run("cascade import docx", lambda: read_docx(file), party, plan, out, dry_run, force)

"""``cascade export xlsx|docx``: agreements written in the forms agencies
still use — the Excel KPI table and the Word KPI templates (cascade.office);
``cascade import`` reads them back."""

from __future__ import annotations

from pathlib import Path

import typer

from cascade.exitcodes import CascadeError, ExitCode

app = typer.Typer(
    help="Write agreements as an Excel KPI table or Word KPI templates.", no_args_is_help=True
)

PLAN_DIR = typer.Argument(Path("."), help="The plan folder (holds cascade.yaml).")
PARTIES = typer.Option([], "--party", "-p", help="The party whose agreement (repeatable).")
ALL = typer.Option(False, "--all", help="Every agreement of the plan.")
OUT = typer.Option(..., "--out", "-o", help="Folder to write <PARTY>.xlsx / <PARTY>.docx into.")


def _export(plan_dir: Path, parties: list[str], every: bool, out: Path, kind: str) -> int:
    from cascade.engine import check_plan
    from cascade.fileio import atomic_write
    from cascade.new.ready import model_to_draft_in
    from cascade.office.docx_write import document_bytes
    from cascade.office.forms import agreement_form
    from cascade.office.xlsx_write import workbook_bytes

    if every == bool(parties):
        raise CascadeError("give --party X (one or more) or --all")
    checked = check_plan(plan_dir)
    model = model_to_draft_in(checked.result, checked.model)
    chosen = sorted(model.agreements) if every else parties
    for party in chosen:
        if party not in model.agreements:
            raise CascadeError(f"{party} has no agreement in {plan_dir}")
    out.mkdir(parents=True, exist_ok=True)
    write = workbook_bytes if kind == "xlsx" else document_bytes
    for party in chosen:
        target = out / f"{party}.{kind}"
        atomic_write(target, write(agreement_form(model, model.agreements[party])))
        typer.echo(f"wrote {target}")
    return ExitCode.OK


@app.command("xlsx")
def export_xlsx(
    plan_dir: Path = PLAN_DIR, party: list[str] = PARTIES, every: bool = ALL, out: Path = OUT
) -> int:
    """Write agreements as the Excel KPI table (Thai headers, dimension sections, criteria).

    Example:  cascade export xlsx plans/probation --all --out out/xlsx
    """
    return _export(plan_dir, party, every, out, "xlsx")


@app.command("docx")
def export_docx(
    plan_dir: Path = PLAN_DIR, party: list[str] = PARTIES, every: bool = ALL, out: Path = OUT
) -> int:
    """Write agreements as Word KPI templates (รายละเอียดตัวชี้วัด), one table a KPI.

    Example:  cascade export docx plans/probation --party LAW --out out/docx
    """
    return _export(plan_dir, party, every, out, "docx")

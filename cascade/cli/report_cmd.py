"""``cascade report``: agreements, KPI cards, strategy map, OS matrix, cascade
tree, jobs and scorecards as a static HTML site and Markdown files."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import typer

from cascade.cli.common import Stop as _Stop
from cascade.cli.common import checked_plan
from cascade.engine import PlanRootError, check_plan
from cascade.model.plan import PlanModel

if TYPE_CHECKING:
    from cascade.model.periods import Period
    from cascade.report.bounded import Limits
    from cascade.report.site_view import SiteView

# cascade.report (jinja2, the SVG charts, ...) and cascade.scoring are imported
# inside the functions: 'cascade validate' and 'cascade --help' should not pay for them.

FORMATS = ("html", "md", "pdf")
LANGS = ("th", "en")


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise typer.BadParameter(
            f"choose from {', '.join(FORMATS)} (comma-separated)", param_hint="--format"
        )
    return chosen


class PdfWriter(Protocol):
    """``cascade.report.pdf.write_pdf``: the PDF of a view into the report folder."""

    def __call__(
        self, view: SiteView, out_dir: Path, lang: str, thai_digits: bool = ...
    ) -> Path: ...


def _pdf_writer() -> PdfWriter:
    """``cascade.report.pdf.write_pdf``, or stop with exit 2 when PDF is not there."""
    if importlib.util.find_spec("cascade.report.pdf") is None:
        typer.echo("cascade: PDF output is not available yet; use --format html,md", err=True)
        raise _Stop(2)
    try:
        module = importlib.import_module("cascade.report.pdf")
    except ImportError as exc:
        typer.echo(f"cascade: PDF output is not available: {exc}", err=True)
        raise _Stop(2) from None
    writer: PdfWriter = module.write_pdf
    return writer


def _period(text: str | None, model: PlanModel) -> Period | None:
    from cascade.model.periods import parse_period

    if text is None:
        return None
    period = parse_period(text)
    if period is None:
        raise typer.BadParameter(
            f"'{text}' is not a period; write 2569-Q2, 2569-H1, 2569-M06 or 2569",
            param_hint="--period",
        )
    found = sorted({a.period for a, _ in model.actuals})
    if period.label not in found:
        typer.echo(
            f"cascade: no Actuals for {period.label} (found: {', '.join(found) or 'none'})",
            err=True,
        )
        raise _Stop(2)
    return period


def _model(plan_dir: Path) -> PlanModel:
    """Validate first: a plan with errors is not reported."""
    model = checked_plan(plan_dir, "reporting").model
    assert model is not None
    return model


def _lang(lang: str | None, model: PlanModel) -> str:
    if lang is None:
        return model.plan.languages[0] if model.plan and model.plan.languages else "th"
    if lang not in LANGS:
        raise typer.BadParameter("choose th or en", param_hint="--lang")
    return lang


def report(
    plan_dir: Path = typer.Argument(Path("."), help="The plan folder (holds cascade.yaml)."),
    period: str | None = typer.Option(
        None, "--period", "-p", help="Add scorecards for this period: 2569-Q2, 2569-H1, 2569."
    ),
    lang: str | None = typer.Option(None, "--lang", help="th or en (default: the plan's first)."),
    format: str = typer.Option("html,md", "--format", "-f", help="Comma-separated: html, md, pdf."),
    out: Path = typer.Option(
        Path("out"), "--out", "-o", help="Output folder (writes OUT/report/)."
    ),
    templates: Path | None = typer.Option(
        None, "--templates", help="Folder of templates that override the built-in ones."
    ),
    thai_digits: bool = typer.Option(False, "--thai-digits", help="Write numbers in Thai digits."),
    stamp: bool = typer.Option(False, "--stamp", help="Add the generation time to the pages."),
    serve_: bool = typer.Option(False, "--serve", help="Serve the HTML site and rebuild on save."),
    port: int = typer.Option(8000, "--port", help="Port for --serve (on 127.0.0.1)."),
    timeout: float = typer.Option(
        5.0, "--template-timeout", help="Seconds a page of --templates may take to render."
    ),
    memory: int = typer.Option(1024, "--template-memory", help="MiB a --templates render may use."),
) -> int:
    """Write the report: agreements, KPI cards, strategy map, OS matrix, cascade
    tree, jobs (and scorecards with --period) as HTML and Markdown.

    Writes OUT/report/html/ and OUT/report/md/, each replaced at once; the
    output is byte-identical for the same inputs (no time unless --stamp).
    A template error is reported as template:line with exit code 2, and
    nothing is written.

    Examples:

      cascade report plans/probation --period 2569-Q2

      cascade report plans/acme --lang en --templates my-templates/

      cascade report plans/probation --serve
    """
    from cascade.report.bounded import Limits
    from cascade.report.errors import RenderError
    from cascade.report.site import ReportOptions, make_report, site_dir, write_report

    formats = _formats(format)
    if templates is not None and not templates.is_dir():
        raise typer.BadParameter(f"{templates} is not a folder", param_hint="--templates")
    limits = Limits(timeout, memory)
    if serve_:
        return _serve(plan_dir, out, lang, period, thai_digits, templates, limits, port)
    try:
        writer = _pdf_writer() if "pdf" in formats else None
        model = _model(plan_dir)
        options = ReportOptions(
            lang=_lang(lang, model),
            period=_period(period, model),
            formats=tuple(f for f in formats if f != "pdf"),
            templates=templates,
            thai_digits=thai_digits,
            stamp=stamp,
            limits=limits,
        )
    except _Stop as stop:
        return stop.code
    written: dict[str, Path] = {}
    try:
        view, pages = make_report(model, options)
        if writer is not None:  # first: a PDF problem leaves every format untouched
            written["pdf"] = writer(view, site_dir(out), options.lang, options.thai_digits)
    except RenderError as exc:
        typer.echo(exc.diagnostic.format(), err=True)
        typer.echo("cascade: the report was not written", err=True)
        return 2
    written.update(write_report(pages, out))
    for fmt in formats:
        if fmt in written:
            typer.echo(f"wrote {written[fmt]}")
    return 0


def _serve(
    plan_dir: Path,
    out: Path,
    lang: str | None,
    period: str | None,
    thai_digits: bool,
    templates: Path | None,
    limits: Limits,
    port: int,
) -> int:
    """Serve even a broken plan: its errors show on the page until fixed."""
    from cascade.model.periods import parse_period
    from cascade.report.serve import Site, serve
    from cascade.report.site import ReportOptions

    when = parse_period(period) if period else None
    if period and when is None:
        raise typer.BadParameter(f"'{period}' is not a period", param_hint="--period")
    try:
        checked = check_plan(plan_dir)
    except PlanRootError as exc:
        typer.echo(f"cascade: {exc}", err=True)
        return 2
    chosen = _lang(lang, checked.model) if checked.model is not None else (lang or "th")
    options = ReportOptions(chosen, when, ("html",), templates, thai_digits, False, limits)

    def log(line: str) -> None:
        typer.echo(line, err=True)

    site = Site(plan_dir, out, options, log)
    try:
        serve(site, port, [templates] if templates else [], log)
    except OSError as exc:
        typer.echo(f"cascade: cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}", err=True)
        return 2
    return 0

"""``cascade report``: agreements, KPI cards, strategy map, OS matrix, cascade
tree, jobs and scorecards as a static HTML site and Markdown files."""

from __future__ import annotations

import importlib
import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import typer

from cascade.cli.common import (
    OUT_HELP,
    PLAN_HELP,
    checked_plan,
    output_dir,
    period_option,
    plan_language,
)
from cascade.engine import Checked, LoadOptions, check_plan, find_plan_root
from cascade.exitcodes import CascadeError, ExitCode
from cascade.result import PlanHasErrors, RunResult

if TYPE_CHECKING:
    from cascade.report.bounded import Limits
    from cascade.report.lazy import Warm
    from cascade.report.pdf import PdfOptions, PdfResult
    from cascade.report.reuse import Reuse
    from cascade.report.site_view import SiteView

# cascade.report (jinja2, the SVG charts, ...) and cascade.scoring are imported
# inside the functions: 'cascade validate' and 'cascade --help' should not pay for them.

FORMATS = ("html", "md", "pdf")


def _formats(text: str) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise typer.BadParameter(
            f"choose from {', '.join(FORMATS)} (comma-separated)", param_hint="--format"
        )
    return chosen


class PdfWriter(Protocol):
    """``cascade.report.pdf.write_pdf``: the PDFs of a view into the report folder."""

    def __call__(
        self,
        view: SiteView,
        out_dir: Path,
        options: PdfOptions | None = ...,
        progress: Callable[[int, int, int], None] | None = ...,
        reuse: Reuse | None = ...,
    ) -> PdfResult: ...


def _pdf_writer() -> PdfWriter:
    """``cascade.report.pdf.write_pdf``; a :class:`CascadeError` (exit 2) when PDF is not there."""
    if importlib.util.find_spec("cascade.report.pdf") is None:
        raise CascadeError("PDF output is not available yet; use --format html,md")
    try:
        module = importlib.import_module("cascade.report.pdf")
    except ImportError as exc:
        raise CascadeError(f"PDF output is not available: {exc}") from None
    writer: PdfWriter = module.write_pdf
    return writer


def _refuse_signed_drafts(checked: Checked, plan_dir: Path) -> None:
    """:class:`PlanHasErrors` (exit 1) at each placeholder of a signed agreement (RPT002)."""
    from cascade.diagnostics import Level
    from cascade.pipeline import to_diagnostics
    from cascade.rules.drafts import signed_placeholders

    assert checked.model is not None
    found = signed_placeholders(checked.model)
    diags = to_diagnostics(found, plan_dir, checked.levels, checked.cells)
    errors = tuple(sorted(d for d in diags if d.level is Level.ERROR))
    if errors:
        files = tuple(sorted({d.file for d in errors}))
        result = RunResult(checked.result.root, files, errors)
        message = "signed agreements hold placeholders; the report was not written"
        raise PlanHasErrors(result, message)


def report(
    plan_dir: Path = typer.Argument(Path("."), help=PLAN_HELP, show_default=False),
    period: str | None = typer.Option(
        None, "--period", "-p", help="Add scorecards for this period: 2569-Q2, 2569-H1, 2569."
    ),
    lang: str | None = typer.Option(None, "--lang", help="th or en (default: the plan's first)."),
    format: str = typer.Option("html,md", "--format", "-f", help="Comma-separated: html, md, pdf."),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help=f"Output folder, writes OUT/report/ ({OUT_HELP}).",
        show_default=False,
    ),
    templates: Path | None = typer.Option(
        None, "--templates", help="Folder of templates that override the built-in ones."
    ),
    thai_digits: bool = typer.Option(False, "--thai-digits", help="Write numbers in Thai digits."),
    stamp: bool = typer.Option(False, "--stamp", help="Add the generation time to the pages."),
    serve_: bool = typer.Option(False, "--serve", help="Serve the HTML site and rebuild on save."),
    port: int = typer.Option(
        8000, "--port", min=0, max=65535, help="Port for --serve (on 127.0.0.1)."
    ),
    timeout: float = typer.Option(
        5.0, "--template-timeout", help="Seconds a page of --templates may take to render."
    ),
    memory: int = typer.Option(512, "--template-memory", help="MiB a --templates render may use."),
    jobs: int = typer.Option(
        0, "--jobs", "-j", min=0, help="PDF worker processes (default: one per core)."
    ),
    pdf_book: str = typer.Option(
        "none", "--pdf-book", help="Also bind PDF books: none, unit (one per unit) or org."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress on the terminal."),
    cache: bool | None = typer.Option(
        None,
        "--cache/--no-cache",
        help="Use the cache (.cascade-cache/): parsed files, and render only the pages whose "
        "inputs changed since the last report in --out. Default: on, except in CI (CI is set).",
    ),
) -> int:
    """Write the report: agreements, KPI cards, strategy map, OS matrix, cascade
    tree, jobs (and scorecards with --period) as HTML, Markdown and PDF.

    Writes OUT/report/html/, OUT/report/md/ and OUT/report/pdf/ (one PDF per
    party, made by --jobs workers), each replaced at once; a folder holding
    files cascade did not write is never replaced (exit 2). The output is
    byte-identical for the same inputs (no time unless --stamp). A template
    error is reported as template:line with exit code 2, and nothing is written.

    Examples:

      cascade report plans/probation --period 2569-Q2

      cascade report plans/acme --lang en --templates my-templates/

      cascade report plans/probation -f pdf --pdf-book unit --jobs 4

      cascade report plans/probation --serve
    """
    from cascade.report.bounded import Limits
    from cascade.report.errors import RenderError
    from cascade.report.output import NotOurs, check_ours
    from cascade.report.pdf_docs import BOOKS
    from cascade.report.progress import ReportProgress, wanted
    from cascade.report.reuse import Unknown, reuse_for
    from cascade.report.site import (
        INDEX,
        ReportOptions,
        make_report,
        prepare_report,
        site_dir,
        write_report,
        writing_report,
    )
    from cascade.scoring.selection import period_with_actuals

    formats = _formats(format)
    if pdf_book not in BOOKS:
        raise typer.BadParameter(f"choose {', '.join(BOOKS)}", param_hint="--pdf-book")
    if templates is not None and not templates.is_dir():
        raise typer.BadParameter(f"{templates} is not a folder", param_hint="--templates")
    limits = Limits(timeout, memory)
    plan_dir = find_plan_root(plan_dir)
    use_cache = cache if cache is not None else not os.environ.get("CI")
    if serve_:
        where = output_dir(out, plan_dir, None)
        asked = (lang, period, thai_digits, templates)
        return _serve(plan_dir, where, asked, limits, port, use_cache)
    writer = _pdf_writer() if "pdf" in formats else None
    when = period_option(period) if period is not None else None
    warm: Warm | None = None
    if use_cache and writer is None and not stamp:  # the incremental report (lazy.py)
        key = (lang, when, formats, templates and str(templates), thai_digits)
        warm = _warm(plan_dir, out, key, templates)
        if warm.unchanged and warm.site is not None:
            for fmt in formats:  # a file put there by hand is refused, as in any report
                try:
                    check_ours(warm.site / fmt)
                except NotOurs as exc:
                    raise CascadeError(f"{exc}; the report was not written") from None
            for fmt in formats:
                typer.echo(f"wrote {warm.site / fmt / INDEX[fmt]}")
            return ExitCode.OK
    # after the warm validate run, the model only: the rules' findings are known
    known = warm.digests if warm is not None else None
    checked = checked_plan(plan_dir, "reporting", LoadOptions(cache=use_cache, rules=not known))
    if known and known != {f: r.digest for f, r in checked.records.items()}:
        checked = checked_plan(plan_dir, "reporting", LoadOptions(cache=True))  # edited since
    _refuse_signed_drafts(checked, plan_dir)
    model = checked.model
    assert model is not None
    files = _files(checked)
    del checked  # the file positions and records: only the model is needed from here
    out = output_dir(out, plan_dir, model)
    options = ReportOptions(
        lang=plan_language(lang, model),
        period=period_with_actuals(model, when) if when is not None else None,
        formats=tuple(f for f in formats if f != "pdf"),
        templates=templates,
        thai_digits=thai_digits,
        stamp=stamp,
        limits=limits,
    )
    from cascade.report.pdf import PdfOptions, pdf_folder

    reuse = reuse_for(plan_dir, site_dir(out)) if use_cache else None
    written: dict[str, Path] = {}
    pdf_note = ""
    try:
        for fmt in formats:  # refuse before anything is written
            check_ours(site_dir(out) / fmt)
        with ReportProgress(wanted(quiet), options.lang) as progress:
            progress.view()
            lazy = options
            if warm is not None and reuse is not None:
                lazy = warm.prepare(model, files, options, reuse)
                warm.remember(model, files)
            if lazy.only is not None:  # few views, few pages: rendered in memory
                try:
                    view, pages = make_report(model, lazy, progress.pages, reuse)
                except Unknown:  # a page of an agreement not built must be made: build all
                    assert reuse is not None
                    reuse.ghosts = None
                    view, pages = make_report(model, options, progress.pages, reuse)
                written.update(write_report(pages, out, reuse))
            else:
                prepared = prepare_report(model, options, reuse)
                del model  # the view holds what the pages show: the plan's memory is freed
                view = prepared.view
                with writing_report(prepared, out, reuse, progress.pages) as pages_written:
                    if writer is not None:  # inside: a PDF problem leaves every format as it was
                        chosen = PdfOptions(options.lang, thai_digits, pdf_book, jobs)
                        result = writer(view, site_dir(out), chosen, progress.pdf, reuse)
                        written["pdf"] = pdf_folder(site_dir(out))
                        pdf_note = f" ({len(result.documents):,} files, {result.pages:,} pages)"
                written.update(pages_written)
            if warm is not None and reuse is not None:
                warm.record(view, reuse)
    except RenderError as exc:
        message = f"{exc.diagnostic.format()}\ncascade: the report was not written"
        raise CascadeError(message, prefix="") from None
    except NotOurs as exc:
        raise CascadeError(f"{exc}; the report was not written") from None
    for fmt in formats:
        if fmt in written:
            typer.echo(f"wrote {written[fmt]}" + (pdf_note if fmt == "pdf" else ""))
    return ExitCode.OK


def _warm(
    plan_dir: Path, out: Path | None, options: tuple[object, ...], templates: Path | None
) -> Warm:
    """The warm validate run (:class:`PlanHasErrors` on errors) and what the last report
    into the output folder left; ``unchanged`` when it still stands as written.
    ``options``: what the pages depend on besides the plan, ``formats`` third."""
    from cascade.incremental.run import validate
    from cascade.report.env import EnvOptions
    from cascade.report.lazy import Warm, run_key
    from cascade.report.reuse import reuse_for
    from cascade.report.site import site_dir

    outcome = validate(plan_dir, LoadOptions(cache=True))
    if outcome.result.errors:
        raise PlanHasErrors(outcome.result, "the plan has errors; fix them before reporting")
    snapshot = outcome.snapshot
    digests = {f: e.digest for f, e in snapshot.files.items()} if snapshot is not None else None
    here, root = Path.cwd(), Path(os.path.abspath(plan_dir))
    inside = out is None and root in here.parents  # the folder comes from the model
    reuse = None if inside else reuse_for(plan_dir, site_dir(output_dir(out, plan_dir, None)))
    key = run_key(options, EnvOptions(templates=templates).roots())
    formats = options[2]
    assert isinstance(formats, tuple)
    return Warm.start(key, digests, reuse, formats)


def _files(checked: Checked) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Each plan file's digest and kinds, as the model was read."""
    return {file: (r.digest, r.kinds) for file, r in checked.records.items()}


def _serve(
    plan_dir: Path,
    out: Path,
    chosen: tuple[str | None, str | None, bool, Path | None],
    limits: Limits,
    port: int,
    cache: bool,
) -> int:
    """Serve even a broken plan: its errors show on the page until fixed.
    ``chosen``: ``--lang``, ``--period``, ``--thai-digits`` and ``--templates``."""
    from cascade.report.serve import Site, serve
    from cascade.report.site import ReportOptions

    lang, period, thai_digits, templates = chosen
    when = period_option(period) if period else None
    checked = check_plan(plan_dir, options=LoadOptions(cache=cache))
    words = plan_language(lang, checked.model) if checked.model is not None else (lang or "th")
    options = ReportOptions(words, when, ("html",), templates, thai_digits, False, limits)

    def log(line: str) -> None:
        typer.echo(line, err=True)

    site = Site(plan_dir, out, options, log, cache)
    try:
        serve(site, port, [templates] if templates else [], log)
    except OSError as exc:
        raise CascadeError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}") from None
    return ExitCode.OK

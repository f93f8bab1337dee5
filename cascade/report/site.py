"""The report's library entry point: plan model → view → pages → folders.

``prepare_report(model, options)`` builds the view and lists the pages; it
is all the report needs of the model, which the caller can drop then.
``writing_report(prepared, out)`` stages ``out/report/html`` and
``out/report/md``, writes each page into them as soon as it is rendered
(no page text is kept: the parent's memory is the view's, whatever the
number of pages) and swaps both in when its block ends without an error
(the PDFs are made inside it, so a failure anywhere leaves every format as
it was).  ``make_report`` renders every page in memory instead (``--serve``,
``validate --render``'s callers, tests).  The output depends only
on the plan, the options and the templates: no time stamp unless
``stamp=True``, every list in a fixed order.  Given a
:class:`~cascade.report.reuse.Reuse` (the cache on), both render only the
pages whose inputs changed since the last report in that folder and keep
the others as they are: the same files as a full render.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from itertools import groupby
from pathlib import Path

from cascade.fileio import naming
from cascade.model.plan import PlanModel
from cascade.periods import Period
from cascade.report.bounded import Limits
from cascade.report.build import ViewOptions, build_view
from cascade.report.digits import PASSES, plan_codes
from cascade.report.env import FORMATS, EnvOptions
from cascade.report.fonts import font_assets
from cascade.report.inplace import update, worth_it
from cascade.report.output import link_files, put, replace_tree, staged
from cascade.report.pages import Page
from cascade.report.registry import HOME, PageEntry, registered
from cascade.report.render import (
    PageProgress,
    Rendered,
    RenderOptions,
    all_pages,
    stream_site,
)
from cascade.report.reuse import Reuse
from cascade.report.site_view import SiteView
from cascade.report.thai import format_stamp, to_thai_digits

SITE_DIR = "report"
INDEX = {fmt: f"{HOME}.{fmt}" for fmt in FORMATS}


@dataclass(frozen=True, slots=True)
class ReportOptions:
    """Everything ``cascade report`` can be asked for, as plain values (and the
    pages to make: the registry's, :mod:`cascade.report.registry`, unless given)."""

    lang: str = "th"
    period: Period | None = None
    formats: tuple[str, ...] = FORMATS
    templates: Path | None = None
    thai_digits: bool = False
    stamp: bool = False
    limits: Limits = field(default_factory=Limits)
    pages: tuple[PageEntry, ...] = field(default_factory=registered)
    only: frozenset[str] | None = None
    """The parties whose agreement views to build (``None``: all; see ``reuse.Ghosts``)."""


def site_dir(out: Path) -> Path:
    """The folder holding one sub-folder per format: ``out/report``."""
    return out / SITE_DIR


def _stamp(options: ReportOptions) -> str:
    if not options.stamp:
        return ""
    text = format_stamp(datetime.now(), options.lang)
    return to_thai_digits(text) if options.thai_digits else text


def make_view(model: PlanModel, options: ReportOptions) -> SiteView:
    """The view of ``model`` for the options' language and period."""
    return build_view(
        model,
        ViewOptions(options.lang, options.period, _stamp(options), options.pages, options.only),
    )


@dataclass(frozen=True, slots=True)
class Prepared:
    """A report ready to render, holding nothing of the model: the view, the
    pages to render (with a ``Reuse``: those whose inputs changed), how, and
    with ``--thai-digits`` the plan's codes that keep their digits."""

    view: SiteView
    pages: list[Page]
    render: RenderOptions
    codes: frozenset[str] | None = None


def prepare_report(
    model: PlanModel, options: ReportOptions, reuse: Reuse | None = None
) -> Prepared:
    """The view of ``model`` and the pages to render (with ``reuse``: only those
    whose inputs changed, ``reuse`` knows the rest)."""
    view = make_view(model, options)
    formats = tuple(f for f in options.formats if f in FORMATS)
    env = EnvOptions(options.lang, options.thai_digits, options.templates)
    chosen = RenderOptions(formats, env, options.limits, options.pages)
    todo = all_pages(view, chosen)
    if reuse is not None:
        todo = reuse.pages_to_render(view, todo, env, model)
    codes = plan_codes(model) if options.thai_digits else None
    return Prepared(view, todo, chosen, codes)


def rendered_pages(
    prepared: Prepared, progress: PageProgress | None = None
) -> Iterator[tuple[tuple[str, str], str]]:
    """``((fmt, path), text)`` of each page as it is rendered (with ``--thai-digits``,
    every number of its visible text in Thai digits); raises ``RenderError``."""
    pages = stream_site(prepared.view, prepared.render, progress, prepared.pages)
    codes = prepared.codes
    for (fmt, rel), text in pages:
        yield (fmt, rel), (text if codes is None else PASSES[fmt](text, codes))


def make_report(
    model: PlanModel,
    options: ReportOptions,
    progress: PageProgress | None = None,
    reuse: Reuse | None = None,
) -> tuple[SiteView, Rendered]:
    """The view and every rendered page, in memory (with ``reuse``: only those
    whose inputs changed); raises ``RenderError`` on a template problem."""
    prepared = prepare_report(model, options, reuse)
    return prepared.view, dict(rendered_pages(prepared, progress))


def split(pages: Rendered) -> dict[str, dict[str, str]]:
    """``(fmt, path) → text`` as ``fmt → {path: text}``."""
    out: dict[str, dict[str, str]] = {}
    for (fmt, rel), text in pages.items():
        out.setdefault(fmt, {})[rel] = text
    return out


@contextmanager
def writing_report(
    prepared: Prepared,
    out: Path,
    reuse: Reuse | None = None,
    progress: PageProgress | None = None,
) -> Iterator[dict[str, Path]]:
    """Render every page straight into a staged ``out/report/<fmt>`` for each
    format, then hand over the index of each; the folders replace the old ones
    when the block ends without an error (else they are removed and nothing
    changed).  Raises ``RenderError``, or ``NotOurs`` before anything is written."""
    formats = prepared.render.formats
    with ExitStack() as stack:
        folders = {fmt: stack.enter_context(staged(site_dir(out) / fmt)) for fmt in formats}
        for fmt, folder in folders.items():
            for rel, data in (font_assets() if fmt == "html" else {}).items():
                put(folder, rel, data)
            link_files(folder, reuse.kept_files(fmt) if reuse is not None else {})
        pages = rendered_pages(prepared, progress)
        for fmt, group in groupby(pages, key=lambda page: page[0][0]):  # a format after another
            with naming(site_dir(out) / fmt):  # a full disk names the folder
                for (_, rel), text in group:
                    put(folders[fmt], rel, text)
        yield {fmt: site_dir(out) / fmt / INDEX[fmt] for fmt in formats}
    if reuse is not None:
        for fmt in formats:
            reuse.save(fmt)


def write_report(pages: Rendered, out: Path, reuse: Reuse | None = None) -> dict[str, Path]:
    """Replace ``out/report/<fmt>`` for each format of ``pages``, rendered in memory
    by :func:`make_report` (with ``reuse``: the pages rendered now and those it
    kept); the index of each."""
    written: dict[str, Path] = {}
    rendered = split(pages)
    formats = set(rendered) | (set(reuse.wanted) & set(FORMATS) if reuse is not None else set())
    for fmt in sorted(formats):
        folder = site_dir(out) / fmt
        content: dict[str, str | bytes] = dict(rendered.get(fmt, {}))
        if fmt == "html":
            content.update(font_assets())
        listed = reuse.wanted.get(fmt, {}) if reuse is not None else {}
        if reuse is not None and worth_it(folder, len(rendered.get(fmt, {})), len(listed)):
            update(folder, content, listed.keys())  # few pages changed
        else:
            replace_tree(folder, content, reuse.kept_files(fmt) if reuse is not None else None)
        if reuse is not None:
            reuse.save(fmt)
        written[fmt] = folder / INDEX[fmt]
    return written

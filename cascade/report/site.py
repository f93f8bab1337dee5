"""The report's library entry point: plan model → view → pages → folders.

``make_report(model, options)`` builds the view and renders every page in
memory (all or nothing); ``write_report(pages, out)`` then replaces
``out/report/html`` and ``out/report/md`` at once.  The output depends only
on the plan, the options and the templates: no time stamp unless
``stamp=True``, every list in a fixed order.  Given a
:class:`~cascade.report.reuse.Reuse` (the cache on), both render only the
pages whose inputs changed since the last report in that folder and keep
the others as they are: the same files as a full render.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from cascade.model.plan import PlanModel
from cascade.periods import Period
from cascade.report.bounded import Limits
from cascade.report.build import ViewOptions, build_view
from cascade.report.digits import thai_digit_pages
from cascade.report.env import FORMATS, EnvOptions
from cascade.report.fonts import font_assets
from cascade.report.inplace import update, worth_it
from cascade.report.output import replace_tree
from cascade.report.registry import HOME, PageEntry, registered
from cascade.report.render import (
    PageProgress,
    Rendered,
    RenderOptions,
    all_pages,
    render_site,
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


def make_report(
    model: PlanModel,
    options: ReportOptions,
    progress: PageProgress | None = None,
    reuse: Reuse | None = None,
) -> tuple[SiteView, Rendered]:
    """The view and every rendered page (with ``reuse``: only those whose inputs
    changed, ``reuse`` knows the rest); raises ``RenderError`` on a template problem."""
    view = make_view(model, options)
    formats = tuple(f for f in options.formats if f in FORMATS)
    env = EnvOptions(options.lang, options.thai_digits, options.templates)
    chosen = RenderOptions(formats, env, options.limits, options.pages)
    todo = all_pages(view, chosen)
    if reuse is not None:
        todo = reuse.pages_to_render(view, todo, env, model)
    pages = render_site(view, chosen, progress, todo)
    if options.thai_digits:  # every number of the visible text, wherever it came from
        pages = thai_digit_pages(pages, model)
    return view, pages


def split(pages: Rendered) -> dict[str, dict[str, str]]:
    """``(fmt, path) → text`` as ``fmt → {path: text}``."""
    out: dict[str, dict[str, str]] = {}
    for (fmt, rel), text in pages.items():
        out.setdefault(fmt, {})[rel] = text
    return out


def write_report(pages: Rendered, out: Path, reuse: Reuse | None = None) -> dict[str, Path]:
    """Replace ``out/report/<fmt>`` for each rendered format (with ``reuse``: the
    pages rendered now and those it kept); the index of each."""
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

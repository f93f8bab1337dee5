"""Render a :class:`SiteView` into pages: ``(fmt, path) → text``, one at a time.

Built-in templates render here, in this process; with ``--templates DIR``
every page renders in a bounded child (:mod:`cascade.report.bounded`).
Either way a failure is a :class:`RenderError` carrying one ``RPT001``
diagnostic at ``template:line``.  :func:`stream_site` hands each page over as
soon as it is rendered and keeps none (the report writes it and lets it go);
:func:`render_site` collects them all (``--serve``, tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from jinja2 import Environment

from cascade.report.bounded import Job, Limits, stream_bounded
from cascade.report.env import FORMATS, EnvOptions, make_env
from cascade.report.errors import RenderError, spot_of
from cascade.report.pages import Page, render_all, site_pages
from cascade.report.registry import PageEntry, registered
from cascade.report.site_view import SiteView

BUILTIN_LABEL = "templates/report"
Rendered = dict[tuple[str, str], str]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """Formats to render, the environment, the bounds for user templates and
    the pages (the registry's unless given)."""

    formats: tuple[str, ...] = FORMATS
    env: EnvOptions = field(default_factory=EnvOptions)
    limits: Limits = field(default_factory=Limits)
    pages: tuple[PageEntry, ...] = field(default_factory=registered)

    def shown(self) -> tuple[str, ...]:
        """How each template folder is named in diagnostics."""
        user = (str(self.env.templates),) if self.env.templates is not None else ()
        return (*user, BUILTIN_LABEL)


_ENVS: dict[tuple[str, EnvOptions], Environment] = {}


def _env(fmt: str, options: EnvOptions) -> Environment:
    """Built-in environments are cached: their templates compile once per process."""
    key = (fmt, options)
    if key not in _ENVS:
        _ENVS[key] = make_env(fmt, options)
    return _ENVS[key]


PageProgress = Callable[[int, int], None]
"""Told before each page: pages done, pages in all."""


def _in_process(
    pages: list[Page], options: RenderOptions, progress: PageProgress | None = None
) -> Iterator[tuple[tuple[str, str], str]]:
    envs = {fmt: _env(fmt, options.env) for fmt in options.formats}
    current = ""
    done = 0

    def started(page: Page) -> None:
        nonlocal current, done
        current = page.template
        if progress is not None:
            progress(done, len(pages))
        done += 1

    try:
        for page, text in render_all(envs, pages, started):
            yield (page.fmt, page.out), text
    except Exception as exc:  # a broken built-in template is reported, not raised
        spot = spot_of(exc, current, options.env.roots(), list(options.shown()))
        raise RenderError(spot.diagnostic()) from exc


def all_pages(view: SiteView, options: RenderOptions) -> list[Page]:
    """Every page of every format in ``options``, in order (a party's page sees
    the whole site only with user templates)."""
    unknown = [f for f in options.formats if f not in FORMATS]
    if unknown:
        raise ValueError(f"unknown report format(s): {', '.join(unknown)}")
    whole = options.env.templates is not None
    return [p for fmt in options.formats for p in site_pages(view, fmt, options.pages, whole)]


def stream_site(
    view: SiteView,
    options: RenderOptions,
    progress: PageProgress | None = None,
    pages: list[Page] | None = None,
) -> Iterator[tuple[tuple[str, str], str]]:
    """``((fmt, path), text)`` of every page of every format in ``options`` (or
    just ``pages``, some of :func:`all_pages`), each as soon as it is rendered;
    raises :class:`RenderError` at the page that fails.  ``progress`` hears of
    each built-in page (user templates render in a child)."""
    if pages is None:
        pages = all_pages(view, options)
    if not pages:
        return iter(())
    if options.env.templates is None:
        return _in_process(pages, options, progress)
    return stream_bounded(Job(options.env, tuple(pages), options.shown(), options.limits))


def render_site(
    view: SiteView,
    options: RenderOptions,
    progress: PageProgress | None = None,
    pages: list[Page] | None = None,
) -> Rendered:
    """Every page of :func:`stream_site` at once; raises :class:`RenderError`."""
    return dict(stream_site(view, options, progress, pages))

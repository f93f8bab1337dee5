"""Which pages a site has, and rendering them with an environment.

A page is a template name, the output path and its context.  The HTML site
and the Markdown set have the same pages, those of the registry
(:data:`cascade.report.registry.PAGES`): ``index``, ``strategy-map``,
``os-matrix``, ``cascade``, ``jobs`` and one per party with an agreement.

A party's page is rendered from the party's agreement and :func:`party_site`,
the site-wide fields without the lists of everyone (with built-in
templates): so its text depends only on what is in those two, which is what
its fingerprint covers (:mod:`cascade.report.prints`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from cascade.report.labels import labels
from cascade.report.registry import PageEntry, registered
from cascade.report.site_view import JobsView, MatrixView, SiteView, StrategyView, TreeView

_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Page:
    """One output file: ``template`` rendered with ``context`` into ``out``."""

    fmt: str
    template: str
    out: str
    context: dict[str, Any]


_NO_STRATEGY = StrategyView((), (), (), (), Markup(""), Markup(""))


def party_site(view: SiteView) -> SiteView:
    """What a party's page and PDF see as ``site``: the site-wide fields (name,
    year, navigation, stamp, the period without its summary of every party)
    and none of the lists of everyone (parties, agreements, strategy, OS
    matrix, cascade tree, jobs, parts, progress) nor the vision and mission, which the
    built-in party templates never read."""
    period = replace(view.period, summary=()) if view.period is not None else None
    return replace(
        view,
        vision="",
        mission=(),
        parties=(),
        without_agreement=(),
        agreements=(),
        strategy=_NO_STRATEGY,
        matrix=MatrixView((), (), ()),
        tree=TreeView((), ()),
        jobs=JobsView((), (), ()),
        period=period,
        parts=(),
        progress=(),
    )


def _entry_pages(
    view: SiteView, fmt: str, entry: PageEntry, words: dict[str, str], trimmed: SiteView
) -> list[Page]:
    """The files of one registered page: one, or one per agreement (these see
    ``trimmed``); a page that says what it ``reads`` sees ``trimmed`` and those."""
    template = entry.template(fmt)
    base: dict[str, Any] = {"site": view, "t": words}
    if entry.build is not None:
        base["part"] = dict(view.parts)[entry.slug]
    if not entry.per_party:
        if entry.reads is not None and trimmed is not view:
            base["site"] = replace(trimmed, **{name: getattr(view, name) for name in entry.reads})
        return [Page(fmt, template, f"{entry.slug}.{fmt}", base | {"page": entry.slug})]
    base["site"] = trimmed
    pages = []
    for agreement in view.agreements:
        stem = agreement.party.ref.page
        context = base | {"page": stem, "agreement": agreement}
        pages.append(Page(fmt, template, f"{stem}.{fmt}", context))
    return pages


def site_pages(
    view: SiteView, fmt: str, entries: tuple[PageEntry, ...] | None = None, whole: bool = False
) -> list[Page]:
    """Every page of the site in ``fmt`` (``html`` or ``md``), in registry order.

    A party's page sees :func:`party_site` as ``site``; with ``whole`` (user
    templates, which may read anything) it sees the whole site."""
    chosen = registered() if entries is None else entries
    words = labels(view.lang, view.sector)  # the organisation's words: a company's or not
    trimmed = view if whole else party_site(view)
    return [page for entry in chosen for page in _entry_pages(view, fmt, entry, words, trimmed)]


def tidy(text: str, fmt: str) -> str:
    """One newline at the end; in Markdown, never more than one blank line."""
    if fmt == "md":
        text = _BLANKS.sub("\n\n", text)
    return text.rstrip("\n") + "\n"


def render_page(env: Environment, page: Page) -> str:
    """The text of one page."""
    return tidy(env.get_template(page.template).render(page.context), page.fmt)


def render_all(
    envs: Mapping[str, Environment],
    pages: Iterable[Page],
    started: Callable[[Page], None] | None = None,
) -> Iterator[tuple[Page, str]]:
    """Render pages one by one (``started`` is told before each)."""
    for page in pages:
        if started is not None:
            started(page)
        yield page, render_page(envs[page.fmt], page)

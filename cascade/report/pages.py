"""Which pages a site has, and rendering them with an environment.

A page is a template name, the output path and its context.  The HTML site
and the Markdown set have the same pages, those of the registry
(:data:`cascade.report.registry.PAGES`): ``index``, ``strategy-map``,
``os-matrix``, ``cascade``, ``jobs`` and one per party with an agreement.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from cascade.report.labels import labels
from cascade.report.registry import PageEntry, registered
from cascade.report.site_view import SiteView

_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Page:
    """One output file: ``template`` rendered with ``context`` into ``out``."""

    fmt: str
    template: str
    out: str
    context: dict[str, Any]


def _entry_pages(view: SiteView, fmt: str, entry: PageEntry, words: dict[str, str]) -> list[Page]:
    """The files of one registered page: one, or one per agreement."""
    template = entry.template(fmt)
    base: dict[str, Any] = {"site": view, "t": words}
    if entry.build is not None:
        base["part"] = dict(view.parts)[entry.slug]
    if not entry.per_party:
        return [Page(fmt, template, f"{entry.slug}.{fmt}", base | {"page": entry.slug})]
    pages = []
    for agreement in view.agreements:
        stem = agreement.party.ref.page
        context = base | {"page": stem, "agreement": agreement}
        pages.append(Page(fmt, template, f"{stem}.{fmt}", context))
    return pages


def site_pages(
    view: SiteView, fmt: str, entries: tuple[PageEntry, ...] | None = None
) -> list[Page]:
    """Every page of the site in ``fmt`` (``html`` or ``md``), in registry order."""
    chosen = registered() if entries is None else entries
    words = labels(view.lang, view.sector)  # the organisation's words: a company's or not
    return [page for entry in chosen for page in _entry_pages(view, fmt, entry, words)]


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

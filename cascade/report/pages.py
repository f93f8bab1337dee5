"""Which pages a site has, and rendering them with an environment.

A page is a template name, the output path and its context.  The HTML site
and the Markdown set have the same pages: ``index``, one per party with an
agreement, ``strategy-map``, ``os-matrix``, ``cascade`` and ``jobs``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from cascade.report.site_view import SiteView

SITE_PAGES = ("index", "strategy-map", "os-matrix", "cascade", "jobs")
_BLANKS = re.compile(r"\n{3,}")


@dataclass(frozen=True, slots=True)
class Page:
    """One output file: ``template`` rendered with ``context`` into ``out``."""

    fmt: str
    template: str
    out: str
    context: dict[str, Any]


def site_pages(view: SiteView, fmt: str) -> list[Page]:
    """Every page of the site in ``fmt`` (``html`` or ``md``), in a fixed order."""
    pages = [
        Page(fmt, f"{name}.{fmt}", f"{name}.{fmt}", {"site": view, "page": name})
        for name in SITE_PAGES
    ]
    for agreement in view.agreements:
        stem = agreement.party.ref.page
        context = {"site": view, "page": stem, "agreement": agreement}
        pages.append(Page(fmt, f"party.{fmt}", f"{stem}.{fmt}", context))
    return pages


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

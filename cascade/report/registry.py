"""The report's pages, in one place: what a page is called, where its data and
templates come from, and how the navigation names it.

Every other part of the report derives from :data:`PAGES`: the pages that are
rendered (:mod:`cascade.report.pages`), the navigation and the index
(``site.nav``), the words templates see (``t.<word>``), the names a party page
may not take (:func:`reserved_stems`), ``--serve``'s rebuild,
``validate --render``'s check and the PDF (:func:`pdf_parts`).

Adding a page is one :class:`PageEntry` here plus its templates
``templates/report/<slug>.html`` and ``<slug>.md`` (and ``pdf/<pdf>`` when it
has a PDF form).  When it needs data the view does not have yet, give it a
``build`` function: it gets :class:`PartSources` and its result reaches the
templates as ``part``; like the rest of the view it should be frozen records
of plain values.  The order of
:data:`PAGES` is the order of rendering, of the navigation and of the PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cascade.model.plan import PlanModel
    from cascade.report.kpis import KpiViews
    from cascade.report.refs import Refs

HOME = "index"
# Template names that are not pages but still may not be a party page's name.
NOT_PAGES = frozenset({"style", "error"})


@dataclass(frozen=True, slots=True)
class PartSources:
    """What a page's ``build`` function may read: the plan and the view's helpers."""

    model: PlanModel
    refs: Refs
    kpis: KpiViews


PartBuilder = Callable[[PartSources], object]


@dataclass(frozen=True, slots=True)
class PageEntry:
    """One page of the report (HTML and Markdown, and PDF when ``pdf`` is set).

    ``slug`` names its templates (``<slug>.html``, ``<slug>.md``) and, unless
    ``per_party``, its output file.  A ``per_party`` page is written once per
    agreement, named by the party (``LAW.html``), with ``agreement`` in its
    context.  ``nav`` is its label in the navigation and the index as
    (Thai, English), also ``t.<word>`` in templates; ``None`` keeps it out.
    """

    slug: str
    word: str = ""
    nav: tuple[str, str] | None = None
    per_party: bool = False
    pdf: str | None = None
    build: PartBuilder | None = None
    reads: tuple[str, ...] | None = None
    """The ``site`` fields its built-in templates read besides the site-wide ones
    (name, year, navigation, stamp: :func:`cascade.report.pages.party_site`); it is
    rendered from only those, so only their changes render it again.  ``None``:
    the whole site.  A party page reads only ``agreement`` and the site-wide fields."""

    def template(self, fmt: str) -> str:
        """The template of this page in ``fmt`` (``html`` or ``md``)."""
        return f"{self.slug}.{fmt}"


def _org_chart(sources: PartSources) -> object:
    """The org chart page's data (imported here: that module reads this one)."""
    from cascade.report.orgchart import org_chart_part

    return org_chart_part(sources)


PAGES: tuple[PageEntry, ...] = (
    PageEntry(
        HOME,
        reads=("parties", "without_agreement", "matrix", "vision", "mission", "period"),
    ),
    # These four read site.strategy, site.matrix, site.tree and site.jobs (build.py).
    PageEntry(
        "strategy-map",
        word="strategy_map",
        nav=("แผนที่ยุทธศาสตร์", "Strategy map"),
        reads=("strategy", "vision"),
    ),
    PageEntry(
        "os-matrix",
        word="os_matrix",
        nav=("ตาราง OS Matrix (เจ้าภาพ/ผู้สนับสนุน)", "OS matrix (owner/supporter)"),
        reads=("matrix",),
    ),
    PageEntry(
        "cascade",
        word="cascade_tree",
        nav=("แผนภูมิการถ่ายทอดตัวชี้วัด", "KPI cascade tree"),
        reads=("tree",),
    ),
    PageEntry(
        "org-chart",
        word="org_chart",
        nav=("แผนผังโครงสร้างองค์กร", "Organisation chart"),
        build=_org_chart,
        reads=(),
    ),
    PageEntry(
        "jobs",
        word="jobs",
        nav=("สายงานและใบกำหนดหน้าที่งาน", "Job families and job descriptions"),
        reads=("jobs",),
    ),
    # Reads site.progress, the agreements' scorecards (report --period): share reported,
    # KPIs at risk.
    PageEntry(
        "progress",
        word="progress",
        nav=("ความก้าวหน้าการรายงานผล", "Reporting progress"),
        reads=("progress", "period"),
    ),
    PageEntry("party", per_party=True, pdf="party.typ"),
)


def registered() -> tuple[PageEntry, ...]:
    """The pages of the report as registered now (read at call time)."""
    return PAGES


def page_words(pages: Iterable[PageEntry], lang: str) -> dict[str, str]:
    """``word → label`` of every page in the navigation, in ``lang``."""
    return {p.word: p.nav[0] if lang == "th" else p.nav[1] for p in pages if p.nav}


def reserved_stems(pages: Iterable[PageEntry]) -> frozenset[str]:
    """File stems a party page may not take: the site pages' and the non-page templates'."""
    return NOT_PAGES | {p.slug for p in pages if not p.per_party}


def pdf_parts(pages: Iterable[PageEntry]) -> tuple[tuple[str, bool], ...]:
    """``(template, per_party)`` of every page with a PDF form, in order."""
    return tuple((p.pdf, p.per_party) for p in pages if p.pdf is not None)

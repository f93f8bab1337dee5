"""Build the :class:`SiteView` of a plan: the one library call the report
needs before rendering (``build_view(model, ViewOptions(...))``).  The
navigation and the parts of pages with a ``build`` function come from the
registered pages (:mod:`cascade.report.registry`)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from cascade.model.plan import PlanModel
from cascade.periods import Period
from cascade.report.agreements import AgreementViews
from cascade.report.jobs import jobs_view
from cascade.report.kpis import KpiViews
from cascade.report.labels import PUBLIC, labels, pick
from cascade.report.matrix import matrix_view, tree_view
from cascade.report.orgchart import units_depth_first
from cascade.report.refs import Refs
from cascade.report.registry import PageEntry, PartSources, registered, reserved_stems
from cascade.report.scores import score_views
from cascade.report.site_view import Progress, SiteView
from cascade.report.strategy import strategy_view
from cascade.report.thai import fiscal_bounds
from cascade.report.view import AgreementView, Party, Ref


@dataclass(frozen=True, slots=True)
class ViewOptions:
    """What to show: the language, the period to score (if any), a time stamp,
    the pages (the registry's unless given) and the agreements."""

    lang: str = "th"
    period: Period | None = None
    stamp: str = ""
    pages: tuple[PageEntry, ...] = field(default_factory=registered)
    only: frozenset[str] | None = None
    """Build the views of these parties' agreements only (``None``: every one); the
    incremental report (:mod:`cascade.report.lazy`) knows the others' fingerprints."""


def _unit_order(model: PlanModel) -> list[tuple[str, int]]:
    """Units depth first from the root, in org-chart order; then any left over."""
    roots = [(model.organisation, 0), *((unit, 1) for unit in model.units)]
    return units_depth_first(model, roots)


def parties(model: PlanModel, refs: Refs) -> list[Party]:
    """Every unit (with its depth) and every person, in navigation order."""
    out: list[Party] = []
    org = model.organisation
    if org not in model.units:
        out.append(Party(refs.party(org), "organisation", refs.party_type_label(org)))
    for unit, depth in _unit_order(model):
        kind = model.party_type(unit) or "unit"
        out.append(Party(refs.party(unit), kind, refs.party_type_label(unit), depth))
    for person in model.people.values():
        out.append(
            Party(
                refs.party(person.id),
                "person",
                refs.party_type_label(person.id),
                position=refs.position_title(person.id),
                unit=refs.party_name(person.unit),
                unit_id=person.unit,
            )
        )
    signed = {party for party, agreement in model.agreements.items() if agreement.signed}
    return [
        replace(p, has_agreement=p.ref.id in model.agreements, signed=p.ref.id in signed)
        for p in out
    ]


def nav_links(pages: tuple[PageEntry, ...], lang: str, sector: str = PUBLIC) -> tuple[Ref, ...]:
    """A link per page in the navigation, labelled in ``lang`` (in the words of the
    organisation's ``sector``), in registry order."""
    return tuple(Ref(p.slug, p.slug, pick(p.nav, lang, sector), p.slug) for p in pages if p.nav)


def build_parts(
    pages: tuple[PageEntry, ...], sources: PartSources
) -> tuple[tuple[str, object], ...]:
    """What each page with a ``build`` function needs, as ``(slug, part)`` pairs."""
    return tuple((p.slug, p.build(sources)) for p in pages if p.build is not None)


def build_view(model: PlanModel, options: ViewOptions) -> SiteView:
    """Everything the templates show, for ``options.lang``."""
    lang = options.lang
    refs = Refs(model, lang, reserved_stems(options.pages))
    kpis = KpiViews(model, refs)
    everyone = parties(model, refs)
    by_id = {p.ref.id: p for p in everyone}
    builder = AgreementViews(model, refs, kpis, by_id)
    order = {p.ref.id: i for i, p in enumerate(everyone)}
    ordered = sorted(model.agreements, key=lambda p: order.get(p, len(order)))
    only = options.only
    agreements: list[AgreementView] = [
        builder.build(model.agreements[party]) for party in ordered if only is None or party in only
    ]
    period = None
    progress: tuple[Progress, ...] = ()
    if options.period is not None:
        scores = score_views(model, refs, options.period)
        agreements = [replace(a, scorecard=scores.cards.get(a.party.ref.id)) for a in agreements]
        cards = ((by_id[party], scores.cards.get(party)) for party in ordered)
        progress = tuple(Progress(party, card) for party, card in cards if card is not None)
        ranked = sorted(scores.period.summary, key=lambda s: order.get(s.party.id, len(order)))
        period = replace(scores.period, summary=tuple(ranked))
    plan = model.plan
    year = plan.fiscal_year if plan else 0
    start, end = fiscal_bounds(year)
    strategy = model.strategy
    name = refs.party_name(model.organisation)
    return SiteView(
        lang=lang,
        name=name,
        organisation=refs.party(model.organisation),
        fiscal_year=year,
        fy_start=start,
        fy_end=end,
        vision=refs.text(strategy.vision) if strategy else "",
        mission=tuple(refs.text(m) for m in strategy.mission) if strategy else (),
        parties=tuple(p for p in everyone if p.has_agreement),
        without_agreement=tuple(p for p in everyone if not p.has_agreement and p.type != "person"),
        agreements=tuple(agreements),
        strategy=strategy_view(model, refs, f"{labels(lang, refs.sector)['strategy_map']} {name}"),
        matrix=matrix_view(model, refs),
        tree=tree_view(model, refs, kpis),
        jobs=jobs_view(model, refs),
        period=period,
        stamp=options.stamp,
        nav=nav_links(options.pages, lang, refs.sector),
        parts=build_parts(options.pages, PartSources(model, refs, kpis)),
        sector=refs.sector,
        progress=progress,
    )

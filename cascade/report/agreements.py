"""Agreement pages: the form's header, goals, the KPI table grouped by
dimension, signature blocks and the KPI cards."""

from __future__ import annotations

from decimal import Decimal

from cascade.model.frameworks import dimension_totals, walk_dimensions
from cascade.model.plan import Agreement, PlanModel
from cascade.periods import parse_be_date
from cascade.report.kpis import KpiViews
from cascade.report.labels import ROLE_WORDS, WORDS, labels, pick, word
from cascade.report.refs import Refs
from cascade.report.strategy_unit import goal_map
from cascade.report.thai import fiscal_bounds
from cascade.report.view import AgreementView, DimensionGroup, Goal, GoalRef, Party, Signature
from cascade.scoring.policy import resolve
from cascade.spec.agreement import Signatory

HUNDRED = Decimal(100)


def dimension_names(model: PlanModel, agreement: Agreement, refs: Refs) -> dict[str, str]:
    """Dimension id → name: the framework's named dimensions, then the strategy's
    perspectives; ``""`` (no dimension) → "ไม่ระบุมิติ"; a dimension named
    nowhere keeps its id (last), so a subtotal line never has an empty name."""
    perspectives = {
        p.id: refs.text(p.name) for p in (model.strategy.perspectives if model.strategy else [])
    }
    names: dict[str, str] = {}
    if agreement.framework is not None:
        for dim, _ in walk_dimensions(agreement.framework.dimensions):
            names.setdefault(dim.id, refs.text(dim.name) or perspectives.get(dim.id) or dim.id)
    for perspective, name in perspectives.items():
        names.setdefault(perspective, name or perspective)
    names[""] = pick(WORDS["no_dimension"], refs.lang)
    return names


def scale_levels(model: PlanModel) -> tuple[int, ...]:
    """The levels of the plan's scoring scale: ``(1, 2, 3)`` on ``opdc-2563``,
    one per score of a plan-defined scale, ``(1, …, 5)`` by default."""
    return tuple(range(1, resolve(model.plan.scoring if model.plan else None).levels + 1))


def _expected(agreement: Agreement) -> dict[str, Decimal]:
    """The framework's fixed weight of each dimension, as the model evaluated it
    (a weight written as an expression, ``30 + A``, shows its value)."""
    if agreement.framework is None:
        return {}
    return {
        dim.id: dim.weight
        for dim, _ in walk_dimensions(agreement.framework.dimensions)
        if dim.weight is not None
    }


def _subtotals(agreement: Agreement) -> dict[str, Decimal]:
    """The KPI weights in each framework dimension, sub-dimensions included."""
    if agreement.framework is None:
        return {}
    weights = ((k.dimension, k.weight or Decimal(0)) for k in agreement.kpis)
    return {d.id: t for d, t in dimension_totals(agreement.framework.dimensions, weights)}


class AgreementViews:
    """Builds :class:`AgreementView` records for one model and language."""

    def __init__(self, model: PlanModel, refs: Refs, kpis: KpiViews, party: dict[str, Party]):
        self.model = model
        self.refs = refs
        self.kpis = kpis
        self.parties = party
        self.lang = refs.lang
        self.levels = scale_levels(model)
        self.map_word = labels(self.lang, refs.sector)["strategy_map"]

    def goals(self, agreement: Agreement) -> tuple[Goal, ...]:
        strategy = self.model.strategy
        org_goals = {g.id: self.refs.text(g.name) for g in strategy.goals} if strategy else {}
        return tuple(
            Goal(
                g.id,
                self.refs.text(g.name),
                tuple(GoalRef(s, org_goals.get(s, s)) for s in g.supports),
                g.additional,
            )
            for g in agreement.goals
        )

    def dimensions(self, agreement: Agreement) -> tuple[DimensionGroup, ...]:
        names = dimension_names(self.model, agreement, self.refs)
        expected = _expected(agreement)
        subtotals = _subtotals(agreement)
        order = [d for d in names if d]
        groups: dict[str, list[int]] = {}
        for i, kpi in enumerate(agreement.kpis):
            groups.setdefault(kpi.dimension or "", []).append(i)
        ranked = sorted(
            groups, key=lambda d: (d == "", order.index(d) if d in order else len(order))
        )
        out: list[DimensionGroup] = []
        for dim in ranked:
            kpis = [agreement.kpis[i] for i in groups[dim]]
            total = subtotals.get(dim, sum((k.weight or Decimal(0) for k in kpis), Decimal(0)))
            name = names.get(dim, dim)
            rows = tuple(self.kpis.row(k) for k in kpis)
            out.append(DimensionGroup(dim, name, self.refs.number(total), expected.get(dim), rows))
        return tuple(out)

    def signature(self, role: str, signer: Signatory | None) -> Signature:
        """The signature block of ``role``: who, and when they signed and acknowledged."""
        label = word(ROLE_WORDS, role, self.lang, self.refs.sector)
        if signer is None:
            return Signature(role, label)
        person = signer.person
        name = self.refs.party_name(person) if person in self.model.people else person
        return Signature(
            role,
            label,
            name,
            self.refs.position_title(person),
            parse_be_date(signer.signed_on) if signer.signed_on else None,
            parse_be_date(signer.acknowledged_on) if signer.acknowledged_on else None,
        )

    def build(self, agreement: Agreement) -> AgreementView:
        refs = self.refs
        year = self.model.plan.fiscal_year if self.model.plan else 0
        start, end = fiscal_bounds(year)
        signers = {s.role: s for s in reversed(agreement.signatories)}
        witnesses = tuple(
            self.signature("witness", s) for s in agreement.signatories if s.role == "witness"
        )
        names = dimension_names(self.model, agreement, refs)
        cards = tuple(
            self.kpis.card(k, names.get(k.dimension, k.dimension) if k.dimension else "")
            for k in agreement.kpis
        )
        total = sum((k.weight or Decimal(0) for k in agreement.kpis), Decimal(0))
        framework = agreement.framework
        return AgreementView(
            party=self.parties[agreement.party],
            title=refs.text(agreement.title) or self.default_title(agreement.party, year),
            fiscal_year=year,
            fy_start=start,
            fy_end=end,
            framework=(refs.text(framework.name) or framework.id) if framework else "",
            parent=refs.party(agreement.parent) if agreement.parent else None,
            evaluator=self.signature("evaluator", signers.get("evaluator")),
            evaluatee=self.signature("evaluatee", signers.get("evaluatee")),
            witnesses=witnesses,
            goals=self.goals(agreement),
            dimensions=self.dimensions(agreement),
            total_weight=self.refs.number(total),
            weights_ok=total == HUNDRED,
            cards=cards,
            levels=self.levels,
            signed=agreement.signed,
            goal_map=goal_map(
                self.model, agreement, refs, f"{self.map_word} {refs.party_name(agreement.party)}"
            ),
        )

    def default_title(self, party: str, year: int) -> str:
        name = self.refs.party_name(party)
        if self.lang == "th":
            return f"คำรับรองการปฏิบัติราชการของ{name} ประจำปีงบประมาณ พ.ศ. {year}"
        return f"Performance agreement of {name}, fiscal year {year}"

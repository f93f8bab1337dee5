"""A resolved plan as sections of comparable facts.

Each side's :class:`~cascade.model.plan.PlanModel` becomes
``{(section kind, id): SectionFacts}``: one section per agreement (its own
fields, its goals and its KPIs, and its weight total), then the OS matrix
(a row per organisation KPI), the strategy (perspectives, issues, goals,
strategies, projects), the plan (``cascade.yaml``: params, policies, common
KPIs), each framework, the org chart (units), the roster and the jobs
(:mod:`facts_people`), a section per period of actuals
(:mod:`facts_actuals`) and the documents that duplicate or conflict
(:mod:`conflicts`).  Identity is by id, never by file: a section or item
that moved to another file is the same one.

KPI facts are the resolved ones: the weight as written and, for an
expression, its value (``30 + A = 35``); ``same_as`` and ``contributes_to``
qualified as ``PARTY/ID``; and the fields an ``identical`` / ``common`` /
``supervisor`` KPI inherits (name, unit of measure, target, formula,
criteria) taken from its parent, marked as inherited.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import partial

from pydantic import BaseModel

from cascade.diagnostics import Finding
from cascade.diff.conflicts import documents
from cascade.diff.entities import (
    Entity,
    ItemKey,
    PlanFacts,
    SectionFacts,
    fields_of,
    spec_entity,
)
from cascade.diff.facts_actuals import actuals
from cascade.diff.facts_people import frameworks, jobs, roster
from cascade.diff.values import SKIPPED, Value, flatten, inherited, leaf, number
from cascade.model.plan import Agreement, Kpi, PlanModel
from cascade.qid import qualified_in
from cascade.spec.agreement import Kpi as KpiSpec
from cascade.spec.plan import CommonKpi

INHERITED = ("name", "unit_of_measure", "target", "formula", "criteria")
STRATEGY_LISTS = {
    "perspectives": "perspective",
    "issues": "issue",
    "goals": "goal",
    "strategies": "strategy",
    "projects": "project",
}
MAX_CHAIN = 64


def sources(kpi: Kpi) -> list[BaseModel]:
    """The specs a KPI's inherited fields come from: itself, then up its ``same_as`` chain.

    Bounded and cycle-safe: a plan with a ``same_as`` cycle (an error the
    rules report) still diffs.
    """
    chain: list[BaseModel] = [kpi.spec]
    seen = {id(kpi)}
    source: Kpi | CommonKpi | None = kpi.same_as if kpi.spec.same_as is not None else None
    while source is not None and len(chain) < MAX_CHAIN:
        if isinstance(source, CommonKpi):
            chain.append(source)
            break
        if id(source) in seen:
            break
        seen.add(id(source))
        chain.append(source.spec)
        source = source.same_as if source.spec.same_as is not None else None
    return chain


def inherited_value(chain: list[BaseModel], name: str) -> object:
    """A template field: the KPI's own, else the nearest ``same_as`` parent's."""
    for spec in chain:
        value = getattr(spec, name, None)
        if value is not None:
            return value
    return None


class _Facts:
    """Builds the (lazy) facts of one model in the report language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def entity(self, kind: str, ident: str, spec: BaseModel, name: object) -> Entity:
        return spec_entity(kind, ident, spec, name, self.lang)

    def kpi(self, kpi: Kpi, parent: str | None) -> Entity:
        chain = sources(kpi)
        token = (tuple(chain), kpi.weight, parent, type(kpi.same_as))
        name = partial(lambda c: leaf(inherited_value(c, "name"), self.lang), chain)
        fields = partial(self.kpi_fields, kpi, chain, parent)
        return Entity("kpi", kpi.id, token, name, fields, fields_of(kpi.spec))

    def kpi_fields(self, kpi: Kpi, chain: list[BaseModel], parent: str | None) -> dict[str, Value]:
        spec = kpi.spec
        fields: dict[str, Value] = {}
        for name in KpiSpec.model_fields:
            if name == "weight":
                fields["weight"] = weight_value(spec.weight, kpi.weight)
            elif name == "same_as" and spec.same_as is not None:
                common = spec.kind == "common" or isinstance(kpi.same_as, CommonKpi)
                ref = spec.same_as if common else qualified(spec.same_as, parent)
                fields["same_as"] = Value(ref, ref)
            elif name == "contributes_to" and spec.contributes_to:
                refs = [qualified(r, parent) for r in spec.contributes_to]
                fields["contributes_to"] = Value(tuple(refs), f"[{', '.join(refs)}]")
            elif name in INHERITED and getattr(spec, name) is None and spec.same_as is not None:
                value = inherited_value(chain, name)
                fields.update(inherited(flatten(value, self.lang, name)))
            elif name not in ("id", *SKIPPED):
                fields.update(flatten(getattr(spec, name), self.lang, name))
        return fields

    def agreement(self, model: PlanModel, agreement: Agreement) -> SectionFacts:
        spec = agreement.spec
        items: dict[ItemKey, Entity] = {}
        for goal in spec.goals:
            items.setdefault(("goal", goal.id), self.entity("goal", goal.id, goal, goal.name))
        for kpi in agreement.kpis:
            items[("kpi", kpi.id)] = self.kpi(kpi, agreement.parent)
        weights = [k.weight for k in agreement.kpis]
        total = number(sum((w for w in weights if w is not None), Decimal(0)))
        fields = partial(flatten, spec, self.lang, "", ("kind", "party", "goals", "kpis"))
        return SectionFacts(
            "agreement",
            agreement.party,
            leaf(model.party_name(agreement.party), self.lang),
            agreement.party_type,
            items=items,
            weight=total if None not in weights else f"{total} + ?",
            order=fields_of(spec),
            token=(spec,),
            lazy=fields,
        )

    def osmatrix(self, model: PlanModel) -> SectionFacts | None:
        if model.osmatrix is None:
            return None
        items: dict[ItemKey, Entity] = {}
        for row in model.osmatrix.rows:
            qid = qualified(row.kpi, model.organisation or None)
            kpi = model.kpis.get(qid)
            name = inherited_value(sources(kpi), "name") if kpi is not None else None
            fields = partial(flatten, row, self.lang, "", ("kpi",))
            entity = Entity(
                "row", qid, (row, name), partial(leaf, name, self.lang), fields, fields_of(row)
            )
            items.setdefault(("row", qid), entity)
        return SectionFacts("osmatrix", "", items=items)

    def strategy(self, model: PlanModel) -> SectionFacts | None:
        strategy = model.strategy
        if strategy is None:
            return None
        items: dict[ItemKey, Entity] = {}
        for attr, kind in STRATEGY_LISTS.items():
            for spec in getattr(strategy, attr):
                items.setdefault((kind, spec.id), self.entity(kind, spec.id, spec, spec.name))
        fields = flatten(strategy, self.lang, skip=("kind", *STRATEGY_LISTS))
        return SectionFacts("strategy", "", fields=fields, items=items, order=fields_of(strategy))

    def plan(self, model: PlanModel) -> SectionFacts | None:
        plan = model.plan
        if plan is None:
            return None
        items: dict[ItemKey, Entity] = {}
        for common in plan.common_kpis:
            entity = self.entity("common_kpi", common.id, common, common.name)
            items.setdefault(("common_kpi", common.id), entity)
        fields = flatten(plan, self.lang, skip=("kind", "common_kpis"))
        return SectionFacts("plan", "", fields=fields, items=items, order=fields_of(plan))

    def orgchart(self, model: PlanModel) -> SectionFacts | None:
        if not model.units:
            return None
        items = {
            ("unit", u.id): self.entity("unit", u.id, u.spec, u.spec.name)
            for u in model.units.values()
        }
        return SectionFacts("orgchart", "", items=items)


def qualified(ref: str, party: str | None) -> str:
    """``PARTY/ID`` for a plain reference made in an agreement whose parent is ``party``."""
    return qualified_in(ref, party) if party else ref


def weight_value(written: str, value: Decimal | None) -> Value:
    """A weight as written; an expression also shows its value (``30 + A = 35``)."""
    if value is None:
        return Value(written, written)
    try:
        Decimal(written.strip())
    except InvalidOperation:
        return Value(value, f"{written} = {number(value)}")
    return Value(value, written.strip())


def plan_facts(model: PlanModel, lang: str, findings: Iterable[Finding] = ()) -> PlanFacts:
    """Every section of ``model``, in the report language.

    ``findings``: the model's duplicates and conflicts
    (:func:`~cascade.diff.conflicts.conflict_findings`), a section of their own.
    """
    facts = _Facts(lang)
    sections: PlanFacts = {}
    for agreement in model.agreements.values():
        sections[("agreement", agreement.party)] = facts.agreement(model, agreement)
    periods, repeats = actuals(model, lang)
    for section in (
        facts.osmatrix(model),
        facts.strategy(model),
        facts.plan(model),
        *frameworks(model, lang),
        facts.orgchart(model),
        roster(model, lang),
        jobs(model, lang),
        *periods,
        documents(findings, repeats),
    ):
        if section is not None:
            sections[(section.kind, section.id)] = section
    return sections

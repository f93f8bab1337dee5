"""Build the resolved :class:`PlanModel` from validated spec documents.

Indexes every kind by id (first definition wins; later ones are duplicate
findings), resolves the chain of command and each agreement's parent party,
evaluates weight expressions with the plan's params, and resolves the KPI
links (``same_as``, ``contributes_to``) as PLAN-FORMAT.md says, with
:mod:`cascade.model.links` (who reads whom).  References that name nothing are
kept in ``model.unresolved`` for the reference rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from cascade.checks.plan import DUPLICATE_ID, SINGLE_DOCUMENT, WEIGHT_EXPRESSION
from cascade.diagnostics import Finding
from cascade.expr import ExpressionError, evaluate_text
from cascade.model.frameworks import walk_dimensions
from cascade.model.links import parent_party, referenced_parties, resolve_links
from cascade.model.plan import (
    Agreement,
    Dimension,
    Kpi,
    Person,
    PlanModel,
    Slot,
    Unit,
    Unresolved,
    Where,
)
from cascade.model.plan import Framework as ModelFramework
from cascade.spec import (
    Actuals,
    Framework,
    JobDescription,
    JobFamilies,
    OrgChart,
    OSMatrix,
    People,
    Plan,
    Strategy,
)
from cascade.spec.agreement import Agreement as AgreementSpec
from cascade.spec.framework import Dimension as DimensionSpec
from cascade.spec.validate import SpecDoc

DUPLICATE = DUPLICATE_ID.code
SINGLE_KIND = SINGLE_DOCUMENT.code
BAD_WEIGHT = WEIGHT_EXPRESSION.code
PLAN_FILE = "cascade.yaml"


class _Builder:
    def __init__(self) -> None:
        self.model = PlanModel()
        self.findings: list[Finding] = []

    def duplicate(self, what: str, ident: str, where: Where, first: Where) -> None:
        self.findings.append(
            Finding(
                f"duplicate {what} '{ident}' (first defined in {first.file})",
                where.file,
                where.doc,
                DUPLICATE,
                where.path,
                related=((first.file, first.doc, first.path, "first defined here"),),
            )
        )

    def single(self, kind: str, where: Where, first: Where) -> None:
        msg = f"a plan has one {kind} document; another is in {first.file}"
        self.findings.append(
            Finding(
                msg,
                where.file,
                where.doc,
                SINGLE_KIND,
                ("kind",),
                related=((first.file, first.doc, (), "the first one"),),
            )
        )

    def index(self, docs: Iterable[SpecDoc]) -> list[tuple[AgreementSpec, Where]]:
        model = self.model
        firsts: dict[str, Where] = {}
        agreements: list[tuple[AgreementSpec, Where]] = []
        for doc in docs:
            where = Where(doc.file, doc.doc)
            spec = doc.model
            kind = type(spec).__name__
            if isinstance(spec, Plan | Strategy | OrgChart | OSMatrix | JobFamilies):
                if kind in firsts:
                    self.single(kind, where, firsts[kind])
                    continue
                firsts[kind] = where
            if isinstance(spec, Plan):
                if doc.file != PLAN_FILE:
                    msg = f"the Plan document belongs in {PLAN_FILE} at the plan root"
                    self.findings.append(Finding(msg, doc.file, doc.doc, SINGLE_KIND, ("kind",)))
                model.plan, model.plan_where = spec, where
                model.organisation = spec.organisation
                model.params = dict(spec.params)
                first_common: dict[str, Where] = {}
                for i, common in enumerate(spec.common_kpis):
                    here = where.at("common_kpis", i, "id")
                    if common.id in first_common:
                        self.duplicate("common KPI", common.id, here, first_common[common.id])
                        continue
                    first_common[common.id] = here
                    model.common_kpis[common.id] = common
            elif isinstance(spec, Strategy):
                model.strategy, model.strategy_where = spec, where
            elif isinstance(spec, OrgChart):
                self.units(spec, where)
            elif isinstance(spec, OSMatrix):
                model.osmatrix, model.osmatrix_where = spec, where
            elif isinstance(spec, JobFamilies):
                model.families.append((spec, where))
            elif isinstance(spec, Framework):
                if spec.id in model.frameworks:
                    self.duplicate(
                        "framework", spec.id, where.at("id"), model.frameworks[spec.id].where
                    )
                    continue
                model.frameworks[spec.id] = self.framework(spec, where)
            elif isinstance(spec, JobDescription):
                if spec.position in model.jobs:
                    self.duplicate(
                        "job description for position",
                        spec.position,
                        where.at("position"),
                        model.jobs[spec.position][1],
                    )
                    continue
                model.jobs[spec.position] = (spec, where)
            elif isinstance(spec, People):
                self.people(spec, where)
            elif isinstance(spec, Actuals):
                model.actuals.append((spec, where))
            elif isinstance(spec, AgreementSpec):
                agreements.append((spec, where))
        return agreements

    def framework(self, spec: Framework, where: Where) -> ModelFramework:
        """The resolved framework: every dimension and slot weight evaluated once."""
        dimensions = self.dimensions(spec.dimensions, where.at("dimensions"))
        first: dict[str, Where] = {}
        for dim, _ in walk_dimensions(dimensions):
            if dim.id in first:
                self.duplicate("dimension id", dim.id, dim.where.at("id"), first[dim.id])
            first.setdefault(dim.id, dim.where.at("id"))
        slots = []
        for i, slot in enumerate(spec.slots):
            here = where.at("slots", i)
            weight = self.weight(slot.weight, here.at("weight"))
            slots.append(
                Slot(
                    slot.id,
                    weight,
                    slot.dimension,
                    slot.optional,
                    slot.transfer_to,
                    here,
                    slot.weight,
                    slot.name,
                )
            )
        return ModelFramework(spec.id, spec.name, where, dimensions, slots)

    def dimensions(self, specs: list[DimensionSpec], where: Where) -> list[Dimension]:
        """Resolved dimensions, depth first (as WGT004 reports them), sub-dimensions nested."""
        out = []
        for i, spec in enumerate(specs):
            here = where.at(i)
            weight = self.weight(spec.weight, here.at("weight"))
            below = self.dimensions(spec.dimensions, here.at("dimensions"))
            out.append(Dimension(spec.id, spec.name, weight, spec.weight, here, below))
        return out

    def units(self, chart: OrgChart, where: Where) -> None:
        units = self.model.units
        for i, spec in enumerate(chart.units):
            here = where.at("units", i)
            if spec.id in units:
                self.duplicate("unit", spec.id, here.at("id"), units[spec.id].where)
                continue
            units[spec.id] = Unit(spec.id, spec, here)
        for unit in units.values():
            parent = unit.parent
            if parent in units:
                units[parent].children.append(unit.id)

    def people(self, roster: People, where: Where) -> None:
        model = self.model
        for i, spec in enumerate(roster.people):
            here = where.at("people", i)
            if spec.id in model.people:
                self.duplicate("person", spec.id, here.at("id"), model.people[spec.id].where)
                continue
            model.people[spec.id] = Person(spec.id, spec, here)
            if spec.position is not None:
                if spec.position in model.holders:
                    first = model.people[model.holders[spec.position]].where
                    self.duplicate("holder of position", spec.position, here.at("position"), first)
                    continue
                model.holders[spec.position] = spec.id

    def chain_of_command(self) -> None:
        """Supervisors by position, and who heads each unit."""
        model = self.model
        named_heads = {unit.head: unit.id for unit in model.units.values() if unit.head}
        for person in model.people.values():
            position = person.position
            job = model.jobs.get(position)[0] if position in model.jobs else None  # type: ignore[index]
            boss_position = job.supervisor if job is not None else None
            boss = model.holders.get(boss_position) if boss_position else None
            person.supervisor = boss if boss != person.id else None
            holds = position is not None and model.holders.get(position) == person.id
            if holds and position in named_heads:
                person.heads = named_heads[position]
                continue
            unit = model.units.get(person.unit)
            if unit is None or unit.head:
                continue
            boss_unit = model.people[boss].unit if boss else None
            if boss_unit != person.unit:
                person.heads = unit.id

    def agreements(self, specs: list[tuple[AgreementSpec, Where]]) -> None:
        model = self.model
        signed = {spec.party for spec, _ in specs}
        for spec, where in specs:
            party_type = model.party_type(spec.party)
            if party_type is None:
                candidates = (*model.units, *model.people)
                model.unresolved.append(
                    Unresolved(where.at("party"), "party", spec.party, tuple(candidates))
                )
                continue
            if spec.party in model.agreements:
                self.duplicate(
                    "agreement for",
                    spec.party,
                    where.at("party"),
                    model.agreements[spec.party].where,
                )
                continue
            framework_id = spec.framework or (
                model.plan.framework if party_type == "organisation" and model.plan else None
            )
            framework = model.frameworks.get(framework_id or "")
            if spec.framework and framework is None:  # the plan's own is checked by REF001
                model.unresolved.append(
                    Unresolved(
                        where.at("framework"), "framework", spec.framework, tuple(model.frameworks)
                    )
                )
            agreement = Agreement(
                spec.party,
                party_type,
                spec,
                where,
                parent_party(model, spec.party, signed),
                framework,
            )
            agreement.reads = frozenset(referenced_parties(spec, agreement.parent))
            model.agreements[spec.party] = agreement
            self.kpis(agreement)

    def kpis(self, agreement: Agreement) -> None:
        model = self.model
        seen: dict[str, Where] = {}
        for i, spec in enumerate(agreement.spec.kpis):
            here = agreement.where.at("kpis", i)
            if spec.id in seen:
                self.duplicate("KPI id", spec.id, here.at("id"), seen[spec.id])
                agreement.complete = False
                continue
            seen[spec.id] = here.at("id")
            kpi = Kpi(agreement.party, spec, here, self.weight(spec.weight, here.at("weight")))
            agreement.kpis.append(kpi)
            model.kpis[kpi.qid] = kpi

    def weight(self, text: str, where: Where) -> Decimal | None:
        try:
            return evaluate_text(text, self.model.params)
        except ExpressionError as exc:
            hint = f"params are: {', '.join(self.model.params) or 'none'}"
            self.findings.append(
                Finding(
                    f"weight '{text}' cannot be evaluated: {exc}",
                    where.file,
                    where.doc,
                    BAD_WEIGHT,
                    where.path,
                    hint=hint,
                )
            )
            return None


def build_model(docs: Iterable[SpecDoc]) -> tuple[PlanModel, list[Finding]]:
    """The resolved plan and the findings of building it."""
    builder = _Builder()
    agreements = builder.index(docs)
    builder.chain_of_command()
    builder.agreements(agreements)
    resolve_links(builder.model)
    return builder.model, builder.findings

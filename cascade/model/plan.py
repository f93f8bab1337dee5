"""The resolved plan: parties, agreements, goals and KPIs with qualified ids.

Pure data.  Every object keeps a back-pointer (:class:`Where`) to the spec
document it came from, so rules can speak in paths and the engine can turn
them into line:column.  Rules and scoring read this model, never the YAML.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from cascade.diagnostics import DocPath
from cascade.qid import qualified_in, qualify
from cascade.spec import (
    Actuals,
    JobDescription,
    JobFamilies,
    OSMatrix,
    Strategy,
)
from cascade.spec import Plan as PlanSpec
from cascade.spec.agreement import Agreement as AgreementSpec
from cascade.spec.agreement import AgreementGoal, Criteria, KpiKind, Signatory
from cascade.spec.agreement import Kpi as KpiSpec
from cascade.spec.common import Bilingual, Contact
from cascade.spec.orgchart import Unit as UnitSpec
from cascade.spec.people import Person as PersonSpec
from cascade.spec.plan import CommonKpi

PartyType = Literal["organisation", "unit", "person"]
Text = str | Bilingual


@dataclass(frozen=True, slots=True)
class Where:
    """A place in a plan file: file, document index, path inside the document."""

    file: str
    doc: int = 0
    path: DocPath = ()

    def at(self, *parts: str | int) -> Where:
        """The place of a child of this one."""
        return Where(self.file, self.doc, self.path + parts)


@dataclass(eq=False, slots=True)
class Dimension:
    """A framework dimension, its weight evaluated once (``None``: it cannot be, WGT004)."""

    id: str
    name: Text | None
    weight: Decimal | None
    written: str
    """The weight as written (the report shows a dimension's weight only when a plain number)."""
    where: Where
    dimensions: list[Dimension] = field(default_factory=list)
    """Its sub-dimensions."""


@dataclass(frozen=True, slots=True)
class Slot:
    """A standard KPI slot of a framework, its weight evaluated once (``None``: WGT004)."""

    id: str
    weight: Decimal | None
    dimension: str
    optional: bool
    transfer_to: str | None
    where: Where
    written: str = ""
    """The weight as written (``30 + A``)."""
    name: Text | None = None


@dataclass(eq=False, slots=True)
class Framework:
    """An evaluation framework: dimensions (nested) and standard KPI slots."""

    id: str
    name: Text | None
    where: Where
    dimensions: list[Dimension] = field(default_factory=list)
    slots: list[Slot] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Unit:
    """A unit of the org chart."""

    id: str
    spec: UnitSpec
    where: Where
    children: list[str] = field(default_factory=list)

    @property
    def name(self) -> Text:
        return self.spec.name

    @property
    def parent(self) -> str | None:
        """The parent unit's id as written (``None`` at the top)."""
        return self.spec.parent

    @property
    def head(self) -> str | None:
        """The position that heads the unit, when the chart names one."""
        return self.spec.head

    @property
    def exempt(self) -> bool:
        """Whether the chart marks the unit as having no agreement of its own."""
        return self.spec.exempt is not None


@dataclass(eq=False, slots=True)
class Person:
    """A person of the roster, with the chain of command resolved."""

    id: str
    spec: PersonSpec
    where: Where
    supervisor: str | None = None  # person id
    heads: str | None = None  # unit id this person heads

    @property
    def name(self) -> Text:
        return self.spec.name

    @property
    def position(self) -> str | None:
        return self.spec.position

    @property
    def unit(self) -> str:
        return self.spec.unit

    @property
    def salary(self) -> Decimal | None:
        return self.spec.salary


@dataclass(eq=False, slots=True)
class Kpi:
    """A KPI of an agreement, its links resolved and its template inherited."""

    party: str
    spec: KpiSpec
    where: Where
    weight: Decimal | None = None
    same_as: Kpi | CommonKpi | None = None
    contributes_to: list[Kpi] = field(default_factory=list)
    qid: str = field(init=False)
    """The qualified id ``PARTY/ID``."""

    def __post_init__(self) -> None:
        self.qid = qualify(self.party, self.spec.id)

    @property
    def id(self) -> str:
        return self.spec.id

    @property
    def kind(self) -> KpiKind | None:
        return self.spec.kind

    @property
    def goal(self) -> str | None:
        return self.spec.goal

    @property
    def dimension(self) -> str | None:
        return self.spec.dimension

    @property
    def responsibility(self) -> str | None:
        return self.spec.responsibility

    @property
    def remark(self) -> Text | None:
        return self.spec.remark

    @property
    def same_as_ref(self) -> str | None:
        """The ``same_as`` reference as written (:attr:`same_as` is what it names)."""
        return self.spec.same_as

    @property
    def contributes_to_refs(self) -> list[str]:
        """The ``contributes_to`` references as written (:attr:`contributes_to` resolves them)."""
        return self.spec.contributes_to

    @property
    def own_criteria(self) -> Criteria | None:
        """The criteria written in this KPI itself (:attr:`criteria` also inherits)."""
        return self.spec.criteria

    @property
    def collector(self) -> Contact | None:
        """The collector written in this KPI itself (not inherited)."""
        return self.spec.collector

    @property
    def overseer(self) -> Contact | None:
        """The overseer written in this KPI itself (not inherited)."""
        return self.spec.overseer

    def needs_evidence(self, by_policy: bool) -> bool:
        """Whether its results must give ``evidence``: as its own ``evidence``
        says (``required`` or a list of what: yes; ``optional``: no), else as
        the plan's ``policy.evidence_required`` (``by_policy``) says."""
        own = self.spec.evidence
        return by_policy if own is None else own != "optional"

    @property
    def evidence_asked(self) -> list[Text]:
        """What counts as evidence, when its ``evidence`` lists it (else empty)."""
        own = self.spec.evidence
        return own if isinstance(own, list) else []

    @property
    def round_targets(self) -> dict[int, Decimal]:
        """Targets by month: its own, else (none written) those its ``same_as`` KPI writes."""
        own = self.spec.round_targets
        if not own and isinstance(self.same_as, Kpi):
            return self.same_as.spec.round_targets
        return own

    def written(self, name: str) -> object:
        """A field as written in this KPI's own entry, before inheritance.

        For what compares the written value with the inherited one (TRC004)
        and the report's walk over template fields.
        """
        return getattr(self.spec, name)

    def template_field(self, name: str) -> object:
        """A KPI template field as the KPI has it: its own, else inherited along
        ``same_as`` (an identical or common KPI takes its parent's template)."""
        return self._inherited(name)

    def _inherited(self, name: str) -> object:
        """A template field: the KPI's own, or its ``same_as`` parent's, up the chain.

        ``same_as`` links that loop (TRC006 reports them) give nothing: the
        walk stops where it would go round, never recursing without end.
        """
        kpi: Kpi = self
        seen: set[int] = set()
        while True:
            own = getattr(kpi.spec, name)
            if own is not None or kpi.spec.same_as is None:
                return own
            source = kpi.same_as
            if not isinstance(source, Kpi):
                return getattr(source, name, None) if source is not None else None
            seen.add(id(kpi))
            if id(source) in seen:
                return None
            kpi = source

    @property
    def name(self) -> Text | None:
        value = self._inherited("name")
        return value if isinstance(value, str | Bilingual) else None

    @property
    def criteria(self) -> Criteria | None:
        value = self._inherited("criteria")
        return value if isinstance(value, Criteria) else None

    @property
    def unit_of_measure(self) -> str | None:
        value = self._inherited("unit_of_measure")
        return value if isinstance(value, str) else None

    @property
    def target(self) -> Decimal | None:
        value = self._inherited("target")
        return value if isinstance(value, Decimal) else None

    @property
    def formula(self) -> str | None:
        value = self._inherited("formula")
        return value if isinstance(value, str) else None

    @property
    def variables(self) -> dict[str, Text]:
        """What each variable of the formula counts (``variables:``), by name; may be empty."""
        value = self._inherited("variables")
        return value if isinstance(value, dict) else {}


@dataclass(eq=False, slots=True)
class Agreement:
    """The agreement of one party."""

    party: str
    party_type: PartyType
    spec: AgreementSpec
    where: Where
    parent: str | None  # the parent party (whose KPIs plain references name)
    framework: Framework | None = None
    kpis: list[Kpi] = field(default_factory=list)
    complete: bool = True
    """False when a KPI was dropped (a duplicate id): sums are not checked."""
    reads: frozenset[str] = frozenset()
    """Parties whose agreements its references name (its parent party too)."""

    @property
    def title(self) -> Text | None:
        return self.spec.title

    @property
    def goals(self) -> list[AgreementGoal]:
        """The party's own goals (an organisation's are the strategy's)."""
        return self.spec.goals

    @property
    def signatories(self) -> list[Signatory]:
        return self.spec.signatories

    @property
    def signed(self) -> bool:
        """Whether it is signed: it names signatories and each has a ``signed_on`` date."""
        return bool(self.spec.signatories) and all(s.signed_on for s in self.spec.signatories)

    def kpi(self, kpi_id: str) -> Kpi | None:
        return next((k for k in self.kpis if k.id == kpi_id), None)

    def carries(self, qid: str) -> bool:
        """Whether a KPI of this agreement is (``same_as``) or contributes to ``qid``."""
        for kpi in self.kpis:
            if getattr(kpi.same_as, "qid", None) == qid:
                return True
            if any(parent.qid == qid for parent in kpi.contributes_to):
                return True
        return False


@dataclass(frozen=True, slots=True)
class Unresolved:
    """A reference that names nothing: where, what, and what it could have meant."""

    where: Where
    what: str
    ref: str
    candidates: tuple[str, ...] = ()


@dataclass(eq=False)
class PlanModel:
    """Everything the rules and scoring need, indexed by id."""

    organisation: str = ""
    plan: PlanSpec | None = None
    plan_where: Where = Where("cascade.yaml")
    strategy: Strategy | None = None
    strategy_where: Where = Where("")
    units: dict[str, Unit] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    holders: dict[str, str] = field(default_factory=dict)  # position → person id
    jobs: dict[str, tuple[JobDescription, Where]] = field(default_factory=dict)
    families: list[tuple[JobFamilies, Where]] = field(default_factory=list)
    frameworks: dict[str, Framework] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)
    kpis: dict[str, Kpi] = field(default_factory=dict)
    common_kpis: dict[str, CommonKpi] = field(default_factory=dict)
    params: dict[str, Decimal] = field(default_factory=dict)
    osmatrix: OSMatrix | None = None
    osmatrix_where: Where = Where("")
    actuals: list[tuple[Actuals, Where]] = field(default_factory=list)
    unresolved: list[Unresolved] = field(default_factory=list)

    def party_type(self, party: str) -> PartyType | None:
        if party == self.organisation:
            return "organisation"
        if party in self.units:
            return "unit"
        if party in self.people:
            return "person"
        return None

    def party_name(self, party: str) -> Text | None:
        if party in self.units:
            return self.units[party].name
        if party in self.people:
            return self.people[party].name
        return self.plan.name if self.plan and party == self.organisation else None

    def org_agreement(self) -> Agreement | None:
        return self.agreements.get(self.organisation)

    def row_qid(self, ref: str) -> str:
        """The qualified id an OS matrix row names: a plain id is the organisation's KPI."""
        return qualified_in(ref, self.organisation)

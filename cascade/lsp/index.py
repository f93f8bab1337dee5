"""The symbol index: where each id is defined and where each reference to it sits.

Built from the resolved model, whose every object keeps its :class:`Where`
(file, document, path); nothing here reads YAML.  A symbol is a key such as
``("kpi", "DOP/1.1")``, ``("unit", "LAW")`` or ``("goal", "LAW", "LAW-G1")``
(goals belong to a party: the organisation's are the strategy's).  Turning a
path into a range is :mod:`cascade.lsp.spans`' job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from cascade.diagnostics import DocPath
from cascade.model.frameworks import walk_dimensions
from cascade.model.plan import Agreement, PlanModel, Where
from cascade.qid import is_qualified, qualified_in

Key = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One place an id is written: its definition or a reference to it."""

    key: Key
    file: str
    doc: int
    path: DocPath
    definition: bool = False
    within: tuple[int, int] | None = None
    """The part of the node's text that names it (a name in a weight expression)."""
    at_key: bool = False
    """The mapping key at ``path`` names it, not its value (``params: {A: 5}``)."""


@dataclass(frozen=True, slots=True)
class Weight:
    """A weight as written, where, and its value (``None``: it cannot be evaluated)."""

    owner: str
    """What it weighs: ``KPI DOP/1.1``, ``slot 1.1``, ``dimension quality``."""
    where: Where
    written: str
    value: Decimal | None


@dataclass(slots=True)
class SymbolIndex:
    """Occurrences by file and by key."""

    model: PlanModel
    by_file: dict[str, list[Occurrence]] = field(default_factory=dict)
    by_key: dict[Key, list[Occurrence]] = field(default_factory=dict)
    weights: dict[str, list[Weight]] = field(default_factory=dict)
    """Every written weight (of a KPI, a slot, a dimension) by file, for hover."""

    def add(
        self,
        key: Key,
        where: Where,
        definition: bool = False,
        within: tuple[int, int] | None = None,
        at_key: bool = False,
    ) -> None:
        """Record that ``key`` is written at ``where`` (in part ``within`` of it)."""
        found = Occurrence(key, where.file, where.doc, where.path, definition, within, at_key)
        self.by_file.setdefault(where.file, []).append(found)
        self.by_key.setdefault(key, []).append(found)

    def definitions(self, key: Key) -> list[Occurrence]:
        """Where ``key`` is defined (one place, or several when duplicated)."""
        return [o for o in self.by_key.get(key, ()) if o.definition]

    def references(self, key: Key) -> list[Occurrence]:
        """Every place that names ``key`` without defining it."""
        return [o for o in self.by_key.get(key, ()) if not o.definition]

    def ids(self, kind: str) -> list[Key]:
        """Every defined key of one kind (``"kpi"``, ``"unit"``, …), in plan order."""
        return [
            k for k, occ in self.by_key.items() if k[0] == kind and any(o.definition for o in occ)
        ]


def build_index(model: PlanModel) -> SymbolIndex:
    """The symbol index of a resolved plan."""
    index = SymbolIndex(model)
    _plan(index, model)
    _strategy(index, model)
    _organisation(index, model)
    for agreement in model.agreements.values():
        _agreement(index, model, agreement)
    _osmatrix(index, model)
    _actuals(index, model)
    return index


NAME = re.compile(r"[0-9]+(?:\.[0-9]+)?|([A-Za-z_\u0E01-\u0E4F][\w\u0E00-\u0E7F]*)")
"""A number or a name of a weight expression (:mod:`cascade.expr`'s tokens)."""


def _expression(
    index: SymbolIndex, written: object, where: Where, owner: str, value: Decimal | None
) -> None:
    """A written weight, and the ``params`` names it uses, each at its part of the text."""
    if written is None or written == "":
        return
    shown = written if isinstance(written, str) else str(written)
    index.weights.setdefault(where.file, []).append(Weight(owner, where, shown, value))
    if not isinstance(written, str):
        return
    for found in NAME.finditer(written):
        if found.group(1):
            index.add(("param", found.group(1)), where, within=found.span(1))


def _plan(index: SymbolIndex, model: PlanModel) -> None:
    where = model.plan_where
    if model.plan is not None:
        for i, common in enumerate(model.plan.common_kpis):
            index.add(("common", common.id), where.at("common_kpis", i, "id"), True)
        if model.plan.framework:
            index.add(("framework", model.plan.framework), where.at("framework"))
        for name in model.plan.params:
            index.add(("param", name), where.at("params", name), True, at_key=True)
    for framework in model.frameworks.values():
        index.add(("framework", framework.id), framework.where.at("id"), True)
        for dim, _ in walk_dimensions(framework.dimensions):
            index.add(("dimension", framework.id, dim.id), dim.where.at("id"), True)
            _expression(
                index, dim.written, dim.where.at("weight"), f"dimension {dim.id}", dim.weight
            )
        for slot in framework.slots:
            here = slot.where
            index.add(("slot", framework.id, slot.id), here.at("id"), True)
            index.add(("dimension", framework.id, slot.dimension), here.at("dimension"))
            if slot.transfer_to:
                index.add(("slot", framework.id, slot.transfer_to), here.at("transfer_to"))
            written = slot.written or ("" if slot.weight is None else str(slot.weight))
            _expression(index, written, here.at("weight"), f"slot {slot.id}", slot.weight)


def _strategy(index: SymbolIndex, model: PlanModel) -> None:
    strategy, where, org = model.strategy, model.strategy_where, model.organisation
    if strategy is None:
        return
    for i, perspective in enumerate(strategy.perspectives):
        index.add(("perspective", perspective.id), where.at("perspectives", i, "id"), True)
    for i, issue in enumerate(strategy.issues):
        index.add(("issue", issue.id), where.at("issues", i, "id"), True)
    for i, goal in enumerate(strategy.goals):
        here = where.at("goals", i)
        index.add(("goal", org, goal.id), here.at("id"), True)
        index.add(("perspective", goal.perspective), here.at("perspective"))
        _many(index, "issue", goal.issues, here.at("issues"))
        _many(index, ("goal", org), goal.drives, here.at("drives"))
    for i, item in enumerate(strategy.strategies):
        _many(index, ("goal", org), item.goals, where.at("strategies", i, "goals"))
    for i, project in enumerate(strategy.projects):
        if project.owner:
            index.add(("unit", project.owner), where.at("projects", i, "owner"))


def _organisation(index: SymbolIndex, model: PlanModel) -> None:
    for unit in model.units.values():
        index.add(("unit", unit.id), unit.where.at("id"), True)
        if unit.parent:
            index.add(("unit", unit.parent), unit.where.at("parent"))
        if unit.head:
            index.add(("position", unit.head), unit.where.at("head"))
    for person in model.people.values():
        index.add(("person", person.id), person.where.at("id"), True)
        index.add(("unit", person.unit), person.where.at("unit"))
        if person.position:
            index.add(("position", person.position), person.where.at("position"))
    for position, (job, where) in model.jobs.items():
        index.add(("position", position), where.at("position"), True)
        if job.supervisor:
            index.add(("position", job.supervisor), where.at("supervisor"))
        if job.family:
            index.add(("family", job.family), where.at("family"))
    for families, where in model.families:
        for i, family in enumerate(families.families):
            index.add(("family", family.id), where.at("families", i, "id"), True)


def _agreement(index: SymbolIndex, model: PlanModel, agreement: Agreement) -> None:
    where, party = agreement.where, agreement.party
    kind = "person" if agreement.party_type == "person" else "unit"
    index.add((kind, party), where.at("party"))
    if agreement.spec.framework:
        index.add(("framework", agreement.spec.framework), where.at("framework"))
    org = model.organisation
    goal_owner = org if agreement.party_type == "organisation" else party
    for i, goal in enumerate(agreement.goals):
        here = where.at("goals", i)
        index.add(("goal", goal_owner, goal.id), here.at("id"), True)
        _many(index, ("goal", org), goal.supports, here.at("supports"))
    for i, signatory in enumerate(agreement.signatories):
        index.add(("person", signatory.person), where.at("signatories", i, "person"))
    framework = agreement.framework
    slots = {slot.id for slot in framework.slots} if framework is not None else set()
    for kpi in agreement.kpis:
        index.add(("kpi", kpi.qid), kpi.where.at("id"), True)
        spec = kpi.spec
        if framework is not None and kpi.id in slots:
            index.add(("slot", framework.id, kpi.id), kpi.where.at("id"))
        _expression(index, spec.weight, kpi.where.at("weight"), f"KPI {kpi.qid}", kpi.weight)
        if spec.same_as is not None:
            if spec.kind == "common" and not is_qualified(spec.same_as):
                index.add(("common", spec.same_as), kpi.where.at("same_as"))
            else:
                target = qualified_in(spec.same_as, agreement.parent or "")
                index.add(("kpi", target), kpi.where.at("same_as"))
        for i, ref in enumerate(spec.contributes_to):
            target = qualified_in(ref, agreement.parent or "")
            index.add(("kpi", target), kpi.where.at("contributes_to", i))
        if spec.goal:
            index.add(("goal", goal_owner, spec.goal), kpi.where.at("goal"))
        if spec.dimension:
            key = (
                ("dimension", framework.id, spec.dimension)
                if framework is not None
                else ("perspective", spec.dimension)
            )
            index.add(key, kpi.where.at("dimension"))


def _osmatrix(index: SymbolIndex, model: PlanModel) -> None:
    matrix, where = model.osmatrix, model.osmatrix_where
    if matrix is None:
        return
    for i, row in enumerate(matrix.rows):
        here = where.at("rows", i)
        index.add(("kpi", model.row_qid(row.kpi)), here.at("kpi"))
        if row.owner:
            index.add(("unit", row.owner), here.at("owner"))
        _many(index, "unit", row.supporters, here.at("supporters"))


def _actuals(index: SymbolIndex, model: PlanModel) -> None:
    for actuals, where in model.actuals:
        for i, result in enumerate(actuals.results):
            index.add(("kpi", result.kpi), where.at("results", i, "kpi"))
        for i, person in enumerate(actuals.people):
            index.add(("person", person.person), where.at("people", i, "person"))


def _many(index: SymbolIndex, kind: str | Key, ids: Iterable[str], where: Where) -> None:
    prefix = (kind,) if isinstance(kind, str) else kind
    for i, ident in enumerate(ids):
        index.add((*prefix, ident), where.at(i))

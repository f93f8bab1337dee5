"""A unit's agreement, drafted from the OS matrix, its parent unit's agreement
and the plan's common KPIs.

* Owner (O) of an organisation KPI: ``identical``, ``same_as`` it (3 shares).
* Supporter (S): a ``contributory`` placeholder that drives it (2 shares).
* Named by no row: a ``contributory`` placeholder for each KPI of the parent
  unit's agreement but its common ones, when the parent is not the
  organisation and has an agreement (2 shares).
* Every common KPI of the plan: ``common``, ``same_as: C1`` (1 share).
* A goal per organisation goal (or set of goals) those KPIs serve,
  ``supports: [G…]``, named TODO.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap

from cascade.model.plan import Kpi, PlanModel
from cascade.new.common import dimension_for, head_of, org_goals, perspectives
from cascade.new.kpis import Item, linked, paren, taken_over
from cascade.new.words import say
from cascade.new.yamlout import cmap, cseq, note
from cascade.qid import qualify
from cascade.spec.common import text_of

OWNED, SUPPORTED, COMMON = 3, 2, 1


@dataclass(slots=True)
class Parts:
    """What a drafter found: goals, KPIs, where they came from, and notes for the planner."""

    goals: list[CommentedMap] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    shares: str = ""
    todo: list[str] = field(default_factory=list)


def os_rows(model: PlanModel, unit: str) -> tuple[list[Kpi], list[Kpi]]:
    """The KPIs the OS matrix makes ``unit`` the owner of, and those it supports."""
    owned: list[Kpi] = []
    supported: list[Kpi] = []
    if model.osmatrix is None:
        return owned, supported
    for row in model.osmatrix.rows:
        qid = model.row_qid(row.kpi)
        kpi = model.kpis.get(qid)
        if kpi is None:
            continue
        if row.owner == unit:
            owned.append(kpi)
        elif unit in row.supporters:
            supported.append(kpi)
    return owned, supported


def common_dimension(model: PlanModel, common: str) -> str | None:
    """The perspective other units most often give common KPI ``common``."""
    known = perspectives(model)
    seen = Counter(
        kpi.spec.dimension
        for agreement in model.agreements.values()
        if agreement.party_type == "unit"
        for kpi in agreement.kpis
        if kpi.spec.kind == "common" and kpi.spec.same_as == common and kpi.spec.dimension in known
    )
    return seen.most_common(1)[0][0] if seen else None


class _UnitDraft:
    def __init__(self, model: PlanModel, unit: str, lang: str) -> None:
        self.model, self.unit, self.lang = model, unit, lang
        self.parts = Parts()
        self.goal_ids: dict[tuple[str, ...], str] = {}

    def goal(self, goals: tuple[str, ...]) -> str | None:
        """The id of the unit goal that supports ``goals``, drafted on first use."""
        if not goals:
            return None
        if goals not in self.goal_ids:
            gid = self.new_goal_id(goals)
            strategy = self.model.strategy
            names = {g.id: g.name for g in strategy.goals} if strategy is not None else {}
            shown = " ".join(f"{g} {paren(names.get(g), self.lang)}".strip() for g in goals)
            name = say(self.lang, "goal", party=self.unit, goal=shown, name="")
            entry = cmap([("id", gid), ("name", name), ("supports", cseq(goals, flow=True))])
            note(entry, "name", "TODO: name the unit's own goal / ตั้งชื่อเป้าประสงค์ของหน่วยงาน")
            self.parts.goals.append(entry)
        return self.goal_ids[goals]

    def additional(self, kpi: Kpi) -> str | None:
        """The unit goal for a parent KPI whose goal is additional (serves no organisation goal)."""
        agreement = self.model.agreements.get(kpi.party)
        goals = agreement.spec.goals if agreement is not None else []
        source = next((g for g in goals if g.id == kpi.spec.goal and g.additional), None)
        if source is None:
            return None
        key = ("additional", kpi.party, source.id)
        if key not in self.goal_ids:
            gid = self.new_goal_id(key)
            shown = qualify(kpi.party, source.id)
            name = say(
                self.lang,
                "additional",
                party=self.unit,
                goal=shown,
                name=paren(source.name, self.lang),
            )
            entry = cmap([("id", gid), ("name", name), ("additional", True)])
            note(entry, "name", "TODO: name the unit's own goal / ตั้งชื่อเป้าประสงค์ของหน่วยงาน")
            self.parts.goals.append(entry)
        return self.goal_ids[key]

    def goal_of(self, kpi: Kpi) -> str | None:
        """The unit goal a KPI drafted from ``kpi`` measures."""
        return self.goal(org_goals(self.model, kpi)) or self.additional(kpi)

    def new_goal_id(self, key: tuple[str, ...]) -> str:
        gid = f"{self.unit}-G{len(self.goal_ids) + 1}"
        self.goal_ids[key] = gid
        return gid

    def identical(self, kpi: Kpi, group: str) -> None:
        goal = self.goal_of(kpi)
        name = text_of(kpi.name, self.lang)
        entry = taken_over(
            self.model, "identical", kpi.qid, name, goal, dimension_for(self.model, kpi)
        )
        self.parts.items.append(Item(entry, OWNED, group))

    def contributory(self, kpi: Kpi, group: str) -> None:
        goal = self.goal_of(kpi)
        dimension = dimension_for(self.model, kpi)
        entry = linked(self.model, self.lang, self.unit, "contributory", kpi, goal, dimension)
        self.parts.items.append(Item(entry, SUPPORTED, group))

    def common(self) -> None:
        group = (
            "The plan's common KPIs: every unit carries each one (ตัวชี้วัดร่วม).\n"
            "TODO: give each a goal (one of the goals above) and check its dimension"
        )
        for cid, common in self.model.common_kpis.items():
            name = text_of(common.name, self.lang)
            entry = taken_over(
                self.model, "common", cid, name, None, common_dimension(self.model, cid)
            )
            self.parts.items.append(Item(entry, COMMON, group))

    def draft(self) -> Parts:
        model, unit, parts = self.model, self.unit, self.parts
        owned, supported = os_rows(model, unit)
        parent = model.units[unit].spec.parent or model.organisation
        from_parent = model.agreements.get(parent) if not owned and not supported else None
        if owned or supported:
            parts.sources.append("the OS matrix")
        for kpi in owned:
            self.identical(
                kpi,
                "Owner (O) in the OS matrix: the organisation's KPI taken over as is "
                "(identical; เจ้าภาพ)",
            )
        for kpi in supported:
            self.contributory(
                kpi,
                "Supporter (S) in the OS matrix: the unit's own KPI that drives it "
                "(contributory; ผู้สนับสนุน).\nTODO: name it, set its target and criteria",
            )
        if from_parent is not None and parent != model.organisation:
            parts.sources.append(f"{parent}'s agreement")
            group = (
                f"From {parent}'s agreement (the OS matrix names no KPI for {unit}).\n"
                f"TODO: keep the KPIs {unit} drives, delete the others, re-spread the weights"
            )
            for kpi in from_parent.kpis:
                if kpi.spec.kind != "common":
                    self.contributory(kpi, group)
        elif not owned and not supported:
            parts.notes.append(
                f"the OS matrix names {unit} for no organisation KPI: "
                "the draft holds only the common KPIs"
            )
        if model.common_kpis:
            parts.sources.append("the plan's common KPIs")
            self.common()
        shares = [
            ("owned (O) 3", bool(owned)),
            ("supported (S) 2", bool(supported)),
            (f"{parent}'s 2", from_parent is not None and parent != model.organisation),
            ("common 1", bool(model.common_kpis)),
        ]
        parts.shares = ", ".join(label for label, present in shares if present) or "none"
        self.head_note()
        return parts

    def head_note(self) -> None:
        """Warn when the unit's head cascades from someone else (not already from
        this unit's KPIs, which the draft then gives)."""
        head = head_of(self.model, self.unit)
        agreement = self.model.agreements.get(head or "")
        if head is None or agreement is None or agreement.parent == self.unit:
            return
        links = [
            link
            for k in agreement.kpis
            if k.spec.kind == "supervisor"
            for link in [
                *(k.spec.contributes_to or []),
                *([k.spec.same_as] if k.spec.same_as else []),
            ]
        ]
        if any(not link.startswith(f"{self.unit}/") for link in links):
            self.parts.notes.append(
                f"{head} heads {self.unit}: once this agreement is in the plan, {head}'s "
                f"parent party becomes {self.unit}, so the supervisor KPIs in "
                f"{agreement.where.file} must cascade from {self.unit}'s KPIs (TRC008)"
            )


def unit_parts(model: PlanModel, unit: str, lang: str) -> Parts:
    """Goals and KPIs of a draft agreement for ``unit``."""
    return _UnitDraft(model, unit, lang).draft()

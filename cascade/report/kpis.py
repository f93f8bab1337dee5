"""KPI rows, KPI cards and traces: up to the organisation, down the cascade."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal

from cascade.model.plan import Kpi, PlanModel
from cascade.periods import month_name
from cascade.report.formula import formula_text
from cascade.report.labels import KIND_WORDS, RELATION_WORDS, UNIT_WORDS, WORDS, pick, word
from cascade.report.refs import Refs
from cascade.report.view import (
    Contact,
    Criteria,
    GoalRef,
    KpiCard,
    KpiRow,
    Level,
    TraceStep,
    TreeNode,
)
from cascade.spec.agreement import Criteria as CriteriaSpec
from cascade.spec.common import Bilingual
from cascade.spec.common import Contact as ContactSpec

MAX_CHAINS = 20  # trace-up chains shown per KPI (a DAG can have many)
MAX_DEPTH = 40
"""Levels of a trace or a cascade tree shown: deeper than any organisation; a
generated chain of 100,000 identical KPIs is cut here, never walked by recursion."""
CARD_TREE_MAX = 60
"""KPIs below a KPI that its card lists as a whole tree; beyond, one level."""


def children_index(model: PlanModel) -> dict[str, list[tuple[Kpi, str]]]:
    """Parent qid → the KPIs that cascade from it, with the relation."""
    index: dict[str, list[tuple[Kpi, str]]] = defaultdict(list)
    for kpi in model.kpis.values():
        if isinstance(kpi.same_as, Kpi):
            index[kpi.same_as.qid].append((kpi, "same_as"))
        for parent in kpi.contributes_to:
            if parent is not kpi.same_as:
                index[parent.qid].append((kpi, "contributes_to"))
    return index


def parents(kpi: Kpi) -> list[tuple[Kpi, str]]:
    """The KPIs this one cascades from, with the relation."""
    found: list[tuple[Kpi, str]] = []
    if isinstance(kpi.same_as, Kpi):
        found.append((kpi.same_as, "same_as"))
    found += [(p, "contributes_to") for p in kpi.contributes_to if p is not kpi.same_as]
    return found


def criteria_view(spec: CriteriaSpec | None, refs: Refs) -> Criteria:
    if spec is None:
        return Criteria("")
    if spec.thresholds is not None:
        values = spec.thresholds
        levels = tuple(Level(i + 1, refs.number(v)) for i, v in enumerate(values))
        return Criteria("thresholds", levels, len(values) > 1 and values[0] > values[-1])
    steps = spec.milestones or {}
    return Criteria("milestones", tuple(Level(n, None, refs.text(steps[n])) for n in sorted(steps)))


def contact_view(spec: ContactSpec | None, refs: Refs) -> Contact | None:
    if spec is None:
        return None
    return Contact(
        refs.text(spec.name), refs.text(spec.position), spec.phone or "", spec.email or ""
    )


class KpiViews:
    """Builds rows, cards and trees for the KPIs of one model."""

    def __init__(self, model: PlanModel, refs: Refs) -> None:
        self.model = model
        self.refs = refs
        self.lang = refs.lang
        self.children = children_index(model)
        self._criteria: dict[tuple[object, ...], Criteria] = {}

    def criteria(self, spec: CriteriaSpec | None) -> Criteria:
        """:func:`criteria_view`, one object for equal criteria (numbers as written):
        a KPI's row and card, and KPIs with the same levels, share it."""
        found = criteria_view(spec, self.refs)
        levels = tuple(
            (v.level, v.value.as_tuple() if v.value is not None else None, v.text)
            for v in found.levels
        )
        return self._criteria.setdefault((found.kind, found.descending, levels), found)

    def kind_label(self, kpi: Kpi) -> str:
        return word(KIND_WORDS, kpi.kind, self.lang)

    def unit_label(self, kpi: Kpi) -> str:
        return word(UNIT_WORDS, kpi.unit_of_measure, self.lang)

    def row(self, kpi: Kpi) -> KpiRow:
        return KpiRow(
            self.refs.kpi(kpi),
            self.refs.one(kpi.kind or ""),
            self.kind_label(kpi),
            self.refs.number(kpi.weight),
            self.unit_label(kpi),
            self.refs.number(kpi.target),
            self.criteria(kpi.criteria),
        )

    def trace_up(self, kpi: Kpi) -> tuple[tuple[TraceStep, ...], ...]:
        """Every chain from the KPI's parents up to a KPI with no parent
        (at most :data:`MAX_CHAINS` chains of :data:`MAX_DEPTH` steps)."""
        chains: list[tuple[TraceStep, ...]] = []
        stack: list[tuple[Kpi, tuple[TraceStep, ...], frozenset[str]]] = [
            (kpi, (), frozenset({kpi.qid}))
        ]
        while stack and len(chains) < MAX_CHAINS:
            node, path, seen = stack.pop()
            ups = [(p, r) for p, r in parents(node) if p.qid not in seen]
            if path and (not ups or len(path) >= MAX_DEPTH):
                chains.append(path)
                continue
            for parent, relation in reversed(ups):  # popped in the parents' order
                step = TraceStep(
                    self.refs.kpi(parent),
                    self.refs.party_name(parent.party),
                    relation,
                    word(RELATION_WORDS, relation, self.lang),
                )
                stack.append((parent, (*path, step), seen | {parent.qid}))
        return tuple(chains)

    def tree(self, kpi: Kpi, relation: str = "") -> TreeNode:
        """The KPI and the KPIs that cascade from it, :data:`MAX_DEPTH` levels
        at most (built with a stack of frames, not by recursion)."""
        root = _Frame(kpi, relation, frozenset({kpi.qid}), iter(self.children.get(kpi.qid, ())))
        stack = [root]
        while True:
            frame = stack[-1]
            step = next(frame.pending, None) if len(stack) < MAX_DEPTH else None
            if step is not None:
                child, rel = step
                if child.qid not in frame.seen:
                    pending = iter(self.children.get(child.qid, ()))
                    stack.append(_Frame(child, rel, frame.seen | {child.qid}, pending))
                continue
            node = self._node(frame)
            stack.pop()
            if not stack:
                return node
            stack[-1].built.append(node)

    def down(self, kpi: Kpi) -> tuple[TreeNode, ...]:
        """What a KPI card lists under "cascades down to": the whole tree below
        ``kpi`` while it has at most :data:`CARD_TREE_MAX` KPIs, else the next
        level only, each with the number further down (on the organisation's
        card of a large plan the whole tree would list everyone: thousands of
        printed pages; the cascade page has it all)."""
        if self._count_below(kpi, frozenset({kpi.qid})) <= CARD_TREE_MAX:
            return self.tree(kpi).children
        return self.next_level(kpi)

    def next_level(self, kpi: Kpi) -> tuple[TreeNode, ...]:
        """The KPIs that cascade straight from ``kpi``, each with the number of
        KPIs further down from it."""
        nodes = []
        for child, relation in self.children.get(kpi.qid, ()):
            if child.qid == kpi.qid:
                continue
            frame = _Frame(child, relation, frozenset({kpi.qid, child.qid}), iter(()))
            node = self._node(frame)
            nodes.append(replace(node, below=self._count_below(child, frame.seen)))
        return tuple(nodes)

    def _count_below(self, kpi: Kpi, seen: frozenset[str]) -> int:
        """How many distinct KPIs cascade from ``kpi`` (not those in ``seen``),
        :data:`MAX_DEPTH` levels at most, walked with a stack."""
        counted = set(seen)
        stack = [(kpi, 0)]
        while stack:
            current, depth = stack.pop()
            if depth >= MAX_DEPTH:
                continue
            for child, _ in self.children.get(current.qid, ()):
                if child.qid not in counted:
                    counted.add(child.qid)
                    stack.append((child, depth + 1))
        return len(counted) - len(seen)

    def _node(self, frame: _Frame) -> TreeNode:
        kpi, relation = frame.kpi, frame.relation
        return TreeNode(
            self.refs.kpi(kpi),
            self.refs.party_name(kpi.party),
            self.refs.one(kpi.kind or ""),
            self.kind_label(kpi),
            word(RELATION_WORDS, relation, self.lang) if relation else "",
            self.refs.number(kpi.weight),
            tuple(frame.built),
        )

    def card(self, kpi: Kpi, dimension: str) -> KpiCard:
        refs = self.refs
        own = kpi.written("round_targets")  # the card shows only the KPI's own
        targets = sorted(own.items()) if isinstance(own, dict) else []
        rounds = tuple((month_name(m, self.lang), v) for m, v in targets)
        inherits = kpi.same_as if isinstance(kpi.same_as, Kpi) else None
        found = self._inherited(kpi, "baseline")
        years = found if isinstance(found, dict) else {}
        baseline: tuple[tuple[int, Decimal], ...] = tuple(sorted(years.items()))
        return KpiCard(
            ref=refs.kpi(kpi),
            party=refs.party(kpi.party),
            dimension=dimension,
            kind=refs.one(kpi.kind or ""),
            kind_label=self.kind_label(kpi),
            unit=self.unit_label(kpi),
            weight=refs.number(kpi.weight),
            target=refs.number(kpi.target),
            definition=self._text(kpi, "definition"),
            formula=refs.one(formula_text(kpi.formula or "", kpi.variables, refs.text)),
            criteria=self.criteria(kpi.criteria),
            baseline=baseline,
            round_targets=rounds,
            data_source=self._text(kpi, "data_source"),
            collection_method=self._text(kpi, "collection_method"),
            overseer=contact_view(self._contact(kpi, "overseer"), refs),
            collector=contact_view(self._contact(kpi, "collector"), refs),
            remark=refs.text(kpi.remark),
            goal=self.goal(kpi),
            inherits=refs.kpi(inherits) if inherits is not None else None,
            up=self.trace_up(kpi),
            down=self.down(kpi),
            evidence=self._evidence(kpi),
        )

    def _evidence(self, kpi: Kpi) -> str:
        """The evidence the KPI asks for, as the card prints it."""
        if kpi.evidence_asked:
            return " · ".join(self.refs.text(what) for what in kpi.evidence_asked)
        return (
            pick(WORDS["evidence_required"], self.lang) if kpi.spec.evidence == "required" else ""
        )

    def _inherited(self, kpi: Kpi, name: str) -> object:
        """A template field of the KPI, or of the KPI (or common KPI) it is the
        same as: a KPI taken over as is keeps its source's whole template."""
        seen: set[int] = set()
        current: object = kpi
        while isinstance(current, Kpi) and id(current) not in seen:
            seen.add(id(current))
            own = current.written(name)
            if own or current.same_as_ref is None:
                return own
            current = current.same_as
        return getattr(current, name, None) if current is not None else None

    def _text(self, kpi: Kpi, name: str) -> str:
        value = self._inherited(kpi, name)
        return self.refs.text(value) if isinstance(value, str | Bilingual) else ""

    def _contact(self, kpi: Kpi, name: str) -> ContactSpec | None:
        value = self._inherited(kpi, name)
        return value if isinstance(value, ContactSpec) else None

    def goal(self, kpi: Kpi) -> GoalRef | None:
        goal_id = kpi.goal
        if goal_id is None:
            return None
        agreement = self.model.agreements.get(kpi.party)
        goals = agreement.goals if agreement is not None else []
        if agreement is not None and agreement.party_type == "organisation":
            strategy = self.model.strategy
            goals = []
            for goal in strategy.goals if strategy else []:
                if goal.id == goal_id:
                    return GoalRef(goal.id, self.refs.text(goal.name))
        for own in goals:
            if own.id == goal_id:
                return GoalRef(own.id, self.refs.text(own.name))
        return GoalRef(goal_id, goal_id)


@dataclass(slots=True)
class _Frame:
    """A KPI of the tree being built: its children still to visit and those built."""

    kpi: Kpi
    relation: str
    seen: frozenset[str]
    pending: Iterator[tuple[Kpi, str]]
    built: list[TreeNode] = field(default_factory=list)

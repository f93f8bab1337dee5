"""PlanGraph: the plan's links over ``networkx.DiGraph``.

Nodes are typed strings (``goal:G1``, ``ugoal:LAW/LAW-G1``, ``kpi:LAW/2-1``,
``unit:LAW``, ``person:P0012``); each edge has a ``rel``:

=============== ===================================== =========================
rel             from → to                             source
=============== ===================================== =========================
supports        unit goal → organisation goal          ``goals[].supports``
measures        KPI → goal                             ``kpis[].goal``
contributes_to  KPI → parent KPI                       ``kpis[].contributes_to``
same_as         KPI → parent KPI                       ``kpis[].same_as``
owns            unit → organisation KPI                OS matrix owner
supports_kpi    unit → organisation KPI                OS matrix supporters
reports_to      person → supervisor                    job descriptions
part_of         unit → parent unit                     org chart
drives          goal → goal                            strategy map
=============== ===================================== =========================

Rules ask it questions (:meth:`traces_to_root`, :meth:`cycles`,
:meth:`unreachable_units`); they never touch networkx themselves.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

import networkx as nx

from cascade.model.plan import Kpi, PlanModel
from cascade.model.qid import qualify

TRACE_RELS = frozenset({"same_as", "contributes_to"})


def kpi_node(qid: str) -> str:
    return f"kpi:{qid}"


class PlanGraph:
    """Answers the rules' questions about links; built once per run."""

    def __init__(self, model: PlanModel) -> None:
        self.model = model
        self.g: nx.DiGraph = nx.DiGraph()
        self._traced: set[str] | None = None

    def add(self, source: str, target: str, rel: str) -> None:
        self.g.add_edge(source, target, rel=rel)

    def edges(self, rel: str) -> Iterable[tuple[str, str]]:
        return ((u, v) for u, v, r in self.g.edges(data="rel") if r == rel)

    def traced_kpis(self) -> set[str]:
        """Qualified ids of every KPI that reaches an organisation KPI.

        One reverse breadth-first walk from the organisation's KPIs along
        same_as / contributes_to, so the question costs O(edges) for the whole
        plan, not per KPI.
        """
        if self._traced is None:
            org = self.model.org_agreement()
            start = [kpi_node(k.qid) for k in org.kpis] if org else []
            seen = set(start)
            queue = deque(start)
            pred = self.g.pred
            while queue:
                node = queue.popleft()
                for source, attrs in pred[node].items() if node in pred else ():
                    if attrs["rel"] in TRACE_RELS and source not in seen:
                        seen.add(source)
                        queue.append(source)
            self._traced = {node.removeprefix("kpi:") for node in seen}
        return self._traced

    def traces_to_root(self, qid: str) -> bool:
        return qid in self.traced_kpis()

    def cycles(self, rels: Iterable[str]) -> list[list[str]]:
        """Simple cycles among edges of the given kinds (one per strongly connected part)."""
        wanted = set(rels)
        sub = nx.DiGraph((u, v) for u, v, r in self.g.edges(data="rel") if r in wanted)
        found: list[list[str]] = []
        for component in nx.strongly_connected_components(sub):
            if len(component) > 1 or any(sub.has_edge(n, n) for n in component):
                start = min(component)  # deterministic, whatever the hash seed
                cycle = nx.find_cycle(sub.subgraph(component), source=start)
                found.append([edge[0] for edge in cycle])
        return sorted(found)

    def unreachable_units(self) -> list[str]:
        """Units that the root unit does not reach through the org chart."""
        root = f"unit:{self.model.organisation}"
        units = {f"unit:{u}" for u in self.model.units}
        if root not in units:
            return []
        part_of = nx.DiGraph(list(self.edges("part_of")))
        reached = {root} | (nx.ancestors(part_of, root) if root in part_of else set())
        return sorted(u.removeprefix("unit:") for u in units - reached)


def build_graph(model: PlanModel) -> PlanGraph:
    """The graph of every resolved link of ``model``."""
    graph = PlanGraph(model)
    add = graph.add
    if model.strategy is not None:
        for goal in model.strategy.goals:
            graph.g.add_node(f"goal:{goal.id}")
            for target in goal.drives:
                add(f"goal:{goal.id}", f"goal:{target}", "drives")
    for unit in model.units.values():
        graph.g.add_node(f"unit:{unit.id}")
        if unit.spec.parent:
            add(f"unit:{unit.id}", f"unit:{unit.spec.parent}", "part_of")
    for person in model.people.values():
        if person.supervisor:
            add(f"person:{person.id}", f"person:{person.supervisor}", "reports_to")
    for agreement in model.agreements.values():
        org = agreement.party_type == "organisation"
        for own_goal in agreement.spec.goals:
            node = f"ugoal:{qualify(agreement.party, own_goal.id)}"
            graph.g.add_node(node)
            for target in own_goal.supports:
                add(node, f"goal:{target}", "supports")
        for kpi in agreement.kpis:
            node = kpi_node(kpi.qid)
            graph.g.add_node(node)
            if kpi.spec.goal:
                measured = (
                    f"goal:{kpi.spec.goal}" if org else f"ugoal:{qualify(kpi.party, kpi.spec.goal)}"
                )
                add(node, measured, "measures")
            if isinstance(kpi.same_as, Kpi):
                add(node, kpi_node(kpi.same_as.qid), "same_as")
            for parent in kpi.contributes_to:
                add(node, kpi_node(parent.qid), "contributes_to")
    if model.osmatrix is not None:
        for row in model.osmatrix.rows:
            qid = model.row_qid(row.kpi)
            if row.owner:
                add(f"unit:{row.owner}", kpi_node(qid), "owns")
            for supporter in row.supporters:
                add(f"unit:{supporter}", kpi_node(qid), "supports_kpi")
    return graph

"""PlanGraph: the plan's links over ``networkx.DiGraph``, holding what the rules ask.

One graph per kind of link, each over one kind of id:

=============== ===================== ========================== ===================
links           nodes                 from → to                  asked by
=============== ===================== ========================== ===================
``kpi``         qualified KPI ids     KPI → parent KPI           TRC001, TRC006
                                      (``same_as``,
                                      ``contributes_to``)
``drives``      organisation goals,   cause → effect             MAP001
                an agreement's goals
                as ``PARTY/GOAL``
``part_of``     units                 unit → parent unit         ORG001, ORG002
``reports_to``  people                person → supervisor        ORG003
=============== ===================== ========================== ===================

Rules ask it questions (:meth:`PlanGraph.traced_kpis`, :meth:`PlanGraph.cycles`,
:meth:`PlanGraph.unreachable_units`) and get ids back; they never touch
networkx.  Answers do not depend on the order the plan's files were read in
(edges are sorted), so a smaller model of the same links answers the same.
"""

from __future__ import annotations

from collections import deque
from typing import Literal

import networkx as nx

from cascade.model.plan import Kpi, PlanModel

Links = Literal["kpi", "drives", "part_of", "reports_to"]


class PlanGraph:
    """Answers the rules' questions about links; built once per run."""

    def __init__(self, model: PlanModel, edges: dict[Links, list[tuple[str, str]]]) -> None:
        self.model = model
        self.graphs: dict[Links, nx.DiGraph] = {}
        for links, pairs in edges.items():
            graph = nx.DiGraph()
            graph.add_edges_from(sorted(pairs))
            self.graphs[links] = graph
        self._traced: set[str] | None = None

    def traced_kpis(self) -> set[str]:
        """Qualified ids of every KPI that reaches an organisation KPI.

        One reverse breadth-first walk from the organisation's KPIs along the
        KPI links, so the question costs O(links) for the whole plan.
        """
        if self._traced is None:
            org = self.model.org_agreement()
            seen = {k.qid for k in org.kpis} if org else set()
            queue = deque(seen)
            pred = self.graphs["kpi"].pred
            while queue:
                node = queue.popleft()
                for source in pred.get(node, ()):
                    if source not in seen:
                        seen.add(source)
                        queue.append(source)
            self._traced = seen
        return self._traced

    def cycles(self, links: Links) -> list[list[str]]:
        """One cycle of each strongly connected part of ``links``, as ids, sorted."""
        graph = self.graphs[links]
        found: list[list[str]] = []
        for component in nx.strongly_connected_components(graph):
            if len(component) > 1 or any(graph.has_edge(n, n) for n in component):
                start = min(component)  # deterministic, whatever the hash seed
                cycle = nx.find_cycle(graph.subgraph(component), source=start)
                found.append([edge[0] for edge in cycle])
        return sorted(found)

    def unreachable_units(self) -> list[str]:
        """Units that the root unit does not reach through the org chart."""
        root = self.model.organisation
        if root not in self.model.units:
            return []
        part_of = self.graphs["part_of"]
        reached = {root} | (nx.ancestors(part_of, root) if root in part_of else set())
        return sorted(set(self.model.units) - reached)


def build_graph(model: PlanModel) -> PlanGraph:
    """The graph of every resolved link of ``model`` that a rule asks about."""
    edges: dict[Links, list[tuple[str, str]]] = {
        "kpi": [],
        "drives": [],
        "part_of": [],
        "reports_to": [],
    }
    if model.strategy is not None:
        edges["drives"] = [(g.id, target) for g in model.strategy.goals for target in g.drives]
    edges["drives"] += [
        (f"{a.party}/{g.id}", f"{a.party}/{target}")
        for a in model.agreements.values()
        for g in a.goals
        for target in g.drives
    ]
    edges["part_of"] = [(u.id, u.parent) for u in model.units.values() if u.parent]
    edges["reports_to"] = [(p.id, p.supervisor) for p in model.people.values() if p.supervisor]
    kpi_links = edges["kpi"]
    for kpi in model.kpis.values():
        if isinstance(kpi.same_as, Kpi):
            kpi_links.append((kpi.qid, kpi.same_as.qid))
        kpi_links.extend((kpi.qid, parent.qid) for parent in kpi.contributes_to)
    return PlanGraph(model, edges)

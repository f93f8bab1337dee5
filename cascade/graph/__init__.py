"""Graph stage: the plan's links as a directed graph the rules ask questions of."""

from cascade.graph.plan_graph import PlanGraph, build_graph

__all__ = ["PlanGraph", "build_graph"]

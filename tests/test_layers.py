"""The house has one way through: no import cycle between cascade's parts.

Each top-level module or package of ``cascade/`` is a part (``load``, ``spec``,
``model``, ``rules``, ``pipeline``, ``incremental``, ``engine``, ``scoring``,
``report``, ``cli`` …).  Every ``import`` between parts, including those only
made for type checking, is an edge; the graph of edges must have no cycle, and
the validate pipeline's stages must only import earlier ones.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parent.parent / "cascade"
STAGES = ["load", "spec", "model", "graph", "rules", "pipeline", "incremental", "engine"]
"""The validate pipeline, in order: a stage may import only the ones before it."""


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


@functools.cache
def _imports() -> nx.DiGraph:
    """Which part of cascade imports which (parsed once; frozen, as the tests share it)."""
    graph = nx.DiGraph()
    for path in sorted(PACKAGE.rglob("*.py")):
        source = _part(".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts))
        graph.add_node(source)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                if node.module == "cascade":
                    targets = [alias.name for alias in node.names]
                elif node.module.startswith("cascade."):
                    targets = [_part(node.module)]
                else:
                    continue
            elif isinstance(node, ast.Import):
                targets = [_part(a.name) for a in node.names if a.name.startswith("cascade.")]
            else:
                continue
            for target in targets:
                if target != source and target != "__init__":
                    graph.add_edge(source, target)
    return nx.freeze(graph)


def test_no_import_cycle_between_parts() -> None:
    cycles = sorted(sorted(c) for c in nx.simple_cycles(_imports()))
    assert cycles == []


def test_stages_import_only_earlier_stages() -> None:
    graph = _imports()
    late = [
        (stage, later)
        for i, stage in enumerate(STAGES)
        for later in STAGES[i + 1 :]
        if graph.has_edge(stage, later)
    ]
    assert late == []


def test_scoring_and_report_do_not_reach_into_the_validate_pipeline() -> None:
    graph = _imports()
    inside = {"pipeline", "incremental", "rules", "graph"}
    for part in ("scoring", "report"):
        assert not set(graph.successors(part)) & inside, part

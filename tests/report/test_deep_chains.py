"""A chain of units, each carrying its parent's KPI as identical, deeper than
the interpreter's recursion limit: the report walks it without recursion
(it printed exit 3, a RecursionError, at 3,000 units) and cuts what it shows."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cascade.engine import check_plan
from cascade.report.build import _unit_order
from cascade.report.kpis import MAX_DEPTH, KpiViews
from cascade.report.refs import Refs
from tests.conftest import make_plan

DEPTH = 300


def _chain_plan(tmp_path: Path) -> Path:
    units = [
        "kind: OrgChart",
        "units:",
        "  - {id: ORG, name: Org, type: department}",
        "  - {id: SVC, name: S, type: division, parent: ORG, head: '1001'}",
    ]
    files: dict[str, str] = {}
    parent = "SVC"
    for i in range(DEPTH):
        unit = f"U{i}"
        units.append(f"  - {{id: {unit}, name: {unit}, type: division, parent: {parent}}}")
        files[f"agreements/units/{unit}.yaml"] = (
            f"kind: Agreement\nparty: {unit}\n"
            f"goals:\n  - {{id: {unit}-G, name: g, supports: [G1]}}\nkpis:\n"
            f"  - {{id: 1-1, goal: {unit}-G, dimension: effectiveness, kind: identical,"
            f" same_as: {parent}/1-1, weight: 70}}\n"
            f"  - {{id: 1-3, goal: {unit}-G, dimension: quality, kind: common,"
            f" same_as: C1, weight: 30}}\n"
        )
        parent = unit
    files["org.yaml"] = "\n".join(units) + "\n"
    return make_plan(tmp_path, files)


@contextmanager
def _shallow_stack(frames: int) -> Iterator[None]:
    """Allow only ``frames`` more frames than the caller's depth: any walk that
    recursed once per unit of the chain would fail."""
    depth = 0
    frame = sys._getframe()
    while frame is not None:
        depth, frame = depth + 1, frame.f_back  # type: ignore[assignment]
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(depth + frames)
    try:
        yield
    finally:
        sys.setrecursionlimit(old)


def test_a_chain_deeper_than_the_stack_is_walked_and_cut(tmp_path: Path) -> None:
    checked = check_plan(_chain_plan(tmp_path))
    model = checked.model
    assert model is not None and not checked.result.errors
    views = KpiViews(model, Refs(model, "en"))
    org_kpi = model.agreements["ORG"].kpis[0]
    deepest = model.agreements[f"U{DEPTH - 1}"].kpis[0]
    with _shallow_stack(60):
        order = _unit_order(model)
        tree = views.tree(org_kpi)
        (chain,) = views.trace_up(deepest)
    assert order[: DEPTH + 2][-1] == (f"U{DEPTH - 1}", DEPTH + 1)
    levels, node = 1, tree
    while node.children:  # down the chain: SVC/1-1, U0/1-1, U1/1-1, …
        (node,) = [c for c in node.children if c.ref.qid.split("/")[0] in {"SVC", f"U{levels - 2}"}]
        levels += 1
    assert levels == MAX_DEPTH
    assert len(chain) == MAX_DEPTH
    assert [step.ref.qid for step in chain[:2]] == [f"U{DEPTH - 2}/1-1", f"U{DEPTH - 3}/1-1"]

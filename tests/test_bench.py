"""The benchmarks stay runnable: every bench module imports, and the warm
benchmark's edit changes exactly one weight (``make bench`` is not run in CI)."""

from __future__ import annotations

import importlib
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from bench.score import synthetic_actuals
from bench.warm import _edit

MODULES = (
    "bench.generate",
    "bench.run",
    "bench.score",
    "bench.whatif",
    "bench.peers",
    "bench.warm",
    "bench.lsp",
    "bench.report_warm",
)


@pytest.mark.parametrize("name", MODULES)
def test_bench_module_imports(name: str) -> None:
    assert importlib.import_module(name).__doc__


def test_warm_edit_changes_the_first_weight_and_alternates(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes(b"kpis:\n  - {id: '1', weight: 40}\n  - {id: '2', weight: 60}\n")
    _edit(path, 0)
    assert path.read_bytes() == b"kpis:\n  - {id: '1', weight: 39}\n  - {id: '2', weight: 60}\n"
    _edit(path, 1)
    assert path.read_bytes() == b"kpis:\n  - {id: '1', weight: 40}\n  - {id: '2', weight: 60}\n"


def test_synthetic_actuals_hold_numbers_a_result_accepts() -> None:
    thresholds = [Decimal(60), Decimal(70), Decimal(80), Decimal(90), Decimal(100)]
    kpi = SimpleNamespace(criteria=SimpleNamespace(milestones=None, thresholds=thresholds))
    kpis = {q: SimpleNamespace(qid=q, formula=None, criteria=kpi.criteria) for q in ("A/1", "A/2")}
    model: Any = SimpleNamespace(kpis=kpis)
    actuals = synthetic_actuals(model, "2569-Q2")
    assert [(r.kpi, r.value) for r in actuals.results] == [
        ("A/1", Decimal("60.00")),
        ("A/2", Decimal("66.67")),
    ]

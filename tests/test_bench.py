"""The benchmarks stay runnable: every bench module imports, and the warm
benchmark's edit changes exactly one weight (``make bench`` is not run in CI)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from bench.warm import _edit

MODULES = (
    "bench.generate",
    "bench.run",
    "bench.score",
    "bench.whatif",
    "bench.peers",
    "bench.warm",
    "bench.lsp",
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

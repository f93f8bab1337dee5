"""Unsaved buffers through the engine: the overlay is checked, the disk's
warm-run snapshot is left alone, and files find their plan."""

from __future__ import annotations

import shutil
from pathlib import Path

from cascade.engine import LoadOptions, validate_plan
from cascade.incremental.run import validate
from cascade.lsp.documents import overlay, plan_root
from tests.conftest import MINIMAL


def test_an_overlay_is_checked_and_the_warm_snapshot_stays_the_disks(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    shutil.copytree(MINIMAL, root)
    cold = validate_plan(root)
    assert validate(root).how == "full"  # writes the snapshot of the disk
    plan_text = (root / "cascade.yaml").read_text(encoding="utf-8")
    broken = (("cascade.yaml", plan_text + "bogus: 1\n"),)
    seen = validate_plan(root, options=LoadOptions(cache=True, overlay=broken))
    assert [(d.file, d.line, d.column, d.code) for d in seen.diagnostics] == [
        ("cascade.yaml", plan_text.count("\n") + 1, 1, "SPEC003")
    ]
    warm = validate(root)
    assert warm.how == "unchanged"
    assert warm.result.diagnostics == cold.diagnostics == ()


def test_each_file_belongs_to_the_nearest_plan(tmp_path: Path) -> None:
    for name in ("a", "b"):
        shutil.copytree(MINIMAL, tmp_path / name)
    (tmp_path / "notes.yaml").write_text("x: 1\n", encoding="utf-8")
    assert plan_root(tmp_path / "a" / "cascade.yaml") == tmp_path / "a"
    assert plan_root(tmp_path / "notes.yaml") is None
    buffers = {
        tmp_path / "a" / "cascade.yaml": "A",
        tmp_path / "b" / "cascade.yaml": "B",
        tmp_path / "notes.yaml": "N",
    }
    assert overlay(tmp_path / "a", buffers) == (("cascade.yaml", "A"),)
    assert overlay(tmp_path / "b", buffers) == (("cascade.yaml", "B"),)

"""A file that fails to load or its schema, and rule levels set in cascade.yaml.

While a file that is not an agreement has load or schema errors a warm run takes the
"files" path: only the changed files are re-read and cross-file rules are skipped, until
a fix brings a full run.  While only agreements are broken, the full run runs the rules
without them (the warm run is a full one).  Rule levels from cascade.yaml apply on the
agreements path as in a full run, and load levels while a file is broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.pipeline import CROSS_FILE_PARTIAL, CROSS_FILE_SKIPPED
from tests.incremental.helpers import (
    FILES_PATH,
    FULL_PATH,
    LEAF,
    PEOPLE_PATH,
    apply,
    codes,
    copy_plan,
    copy_run,
    replace,
    step,
)
from tests.incremental.mutations import BY_NAME

STRATEGY = "strategy.yaml"


def test_files_path_then_fix(generated: Path, tmp_path: Path) -> None:
    """A broken file: only changed files are re-read; after the fix a full run."""
    root = copy_run(generated, tmp_path)
    good = (root / STRATEGY).read_text(encoding="utf-8")
    (root / STRATEGY).write_text(good.replace("goals:", "goals: [\n", 1), encoding="utf-8")
    broken = step(root, FILES_PATH, "syntax error")
    assert broken.result.notes == (CROSS_FILE_SKIPPED,)
    # while the plan is broken, other edits are file by file too
    other = "agreements/people/P00059.yaml"
    apply(root, other, BY_NAME["weight"].edit)
    step(root, FILES_PATH, "weight while broken")
    apply(root, other, BY_NAME["unknown-key"].edit)
    step(root, FILES_PATH, "unknown key while broken")
    apply(root, "agreements/units/D001-4.yaml", replace("weight: ", "weight: 1"))
    step(root, FILES_PATH, "unit edit while broken")
    (root / STRATEGY).write_text(good, encoding="utf-8")
    partial = step(root, FULL_PATH, "the strategy fixed, an agreement still broken")
    assert partial.result.notes == (CROSS_FILE_PARTIAL,)
    apply(root, other, replace("colour: red\n", ""))
    fixed = step(root, FULL_PATH, "all fixed")
    assert fixed.result.notes == ()
    apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, PEOPLE_PATH, "after the fix, a leaf edit is re-checked alone again")


@pytest.mark.parametrize("name", ["syntax-error", "unknown-key"])
def test_broken_then_restored(generated: Path, tmp_path: Path, name: str) -> None:
    root = copy_run(generated, tmp_path)
    good = (root / LEAF).read_text(encoding="utf-8")
    apply(root, LEAF, BY_NAME[name].edit)
    assert step(root, FULL_PATH, name).result.notes == (CROSS_FILE_PARTIAL,)
    (root / LEAF).write_text(good, encoding="utf-8")
    restored = step(root, FULL_PATH, f"{name} undone")
    assert restored.result.diagnostics == ()


def test_rule_levels_from_the_plan(generated: Path, tmp_path: Path) -> None:
    """cascade.yaml sets rule levels: the agreements path applies them like a full run."""
    root = copy_plan(generated, tmp_path)
    plan = root / "cascade.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        + "rules:\n  WGT001: warning\n  CRT004: 'off'\n  SIG001: error\n",
        encoding="utf-8",
    )
    step(root, FULL_PATH, "first run")
    for name in ("weight", "target-off", "evaluator-other"):
        apply(root, LEAF, BY_NAME[name].edit)
        outcome = step(root, PEOPLE_PATH, name)
    levels = {d.code: d.level.value for d in outcome.result.diagnostics}
    assert levels.get("WGT001") == "warning"
    assert levels.get("SIG001") == "error"
    assert "CRT004" not in levels


@pytest.mark.parametrize("level", ["off", "error"])
def test_load_levels_when_a_file_breaks(generated: Path, tmp_path: Path, level: str) -> None:
    """An empty file (LOAD007, a warning that does not block) with its level set in
    cascade.yaml: levels apply while the rules run, and not once a file fails to load."""
    root = copy_plan(generated, tmp_path)
    plan = root / "cascade.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8") + f"rules:\n  LOAD007: '{level}'\n", encoding="utf-8"
    )
    (root / "agreements" / "empty.yaml").write_text("# nothing yet\n", encoding="utf-8")
    first_run = step(root, FULL_PATH, "first run")
    assert ("LOAD007" in codes(first_run.result)) == (level != "off")
    apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, PEOPLE_PATH, "weight")
    good = (root / LEAF).read_text(encoding="utf-8")
    apply(root, LEAF, BY_NAME["syntax-error"].edit)
    broken = step(root, FULL_PATH, "syntax error")
    assert ("LOAD007" in codes(broken.result)) == (level != "off")
    (root / LEAF).write_text(good, encoding="utf-8")
    step(root, FULL_PATH, "fixed")

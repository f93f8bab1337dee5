"""Every invalid case, and random edits of it, warm and cold: the same diagnostics.

Each case of ``tests/data/plans/invalid/`` is played as a story a planner lives
through with the cache on: the valid base plan is validated (a full run that
writes the snapshot), the case's files are put in (the edit that breaks it),
each agreement file then gets one edit picked at random (seeded by the case), and
finally the base's files come back.  The bundled plans get the same random
edits, agreement after agreement.  After every step the warm run must equal a
cold full run in every field of every diagnostic (:func:`helpers.step`).  A new
rule, scope or case is covered here without anyone remembering to add it.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml

from tests.cases import base_of, case_files, put
from tests.conftest import DATA
from tests.incremental.helpers import Edit, Env, copy_run, on_data, on_text, step
from tests.incremental.mutations import BY_NAME

CASES = sorted(p for p in (DATA / "plans" / "invalid").iterdir() if p.is_dir())
ANY = frozenset({"unchanged", "files", "agreements", "full"})
EDITS = (
    "weight",
    "weight-zero",
    "weight-expression",
    "same-as-missing",
    "contributes-missing",
    "thresholds-order",
    "thresholds-count",
    "target-off",
    "milestones",
    "kind-link",
    "untraced-cap",
    "remove-kpi",
    "add-kpi",
    "rename-kpi",
    "duplicate-id",
    "comment",
    "syntax-error",
    "unknown-key",
)
"""Edits that need nothing but the file itself (no roster, no model)."""


def _agreement_files(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.yaml")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(".cascade-cache"):
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if "kind: Agreement" in text:
            found.append(rel)
    return found


def _try(root: Path, rel: str, edit: Edit) -> bool:
    """Apply ``edit`` to ``rel`` if it fits the file (it changes it and does not fail)."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    try:
        new = edit(text, Env("", "", None, (), ""))
    except (AssertionError, KeyError, IndexError, StopIteration, TypeError, ValueError):
        return False
    except yaml.YAMLError:
        return False
    if new == text:
        return False
    path.write_text(new, encoding="utf-8")
    return True


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.name)
def test_case_warm_equals_cold(case: Path, tmp_path: Path) -> None:
    base = base_of(case)
    if base is None:
        root = tmp_path / "plan"
        root.mkdir()
    else:  # the base plan after its first full run (made and checked once per base)
        root = copy_run(base, tmp_path)
    put(root, case_files(case))
    step(root, ANY, f"{case.name} put in")
    rng = random.Random(case.name)
    for rel in _agreement_files(root):
        for name in rng.sample(EDITS, len(EDITS)):
            if _try(root, rel, BY_NAME[name].edit):
                step(root, ANY, f"{case.name}, then {name} of {rel}")
                break
    if base is not None:
        for rel in case_files(case):
            (root / rel).unlink(missing_ok=True)
        shutil.copytree(base, root, dirs_exist_ok=True)
        step(root, ANY, f"{case.name} taken out again")


BUNDLED = sorted(p for p in (DATA.parent.parent / "plans").iterdir() if p.is_dir())


@pytest.mark.parametrize("plan", BUNDLED, ids=lambda p: p.name)
@pytest.mark.parametrize("seed", range(2))
def test_bundled_plan_random_edits(plan: Path, seed: int, tmp_path: Path) -> None:
    """Each agreement of a bundled plan gets a seeded random edit, one after another,
    each warm run equal to a cold one; then the plan comes back as it was."""
    root = copy_run(plan, tmp_path)
    rng = random.Random(f"{plan.name}-{seed}")
    files = _agreement_files(root)
    for rel in rng.sample(files, len(files)):
        for name in rng.sample(EDITS, len(EDITS)):
            if _try(root, rel, BY_NAME[name].edit):
                step(root, ANY, f"{plan.name}: {name} of {rel}")
                break
    shutil.copytree(plan, root, dirs_exist_ok=True)
    step(root, ANY, f"{plan.name} back as bundled")


def test_the_cases_are_there() -> None:
    """The differential test above sees every invalid case (more than 150 today)."""
    assert len(CASES) > 150
    assert all((case / "case.yaml").is_file() for case in CASES)


def test_edits_exist() -> None:
    assert set(EDITS) <= set(BY_NAME)
    assert isinstance(on_data, object) and isinstance(on_text, object)

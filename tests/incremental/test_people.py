"""Edits of persons' agreements in the generated plan, compared with full runs.

A leaf (nobody cascades from it) and other leaves, every mutation; a supervisor, whose
edits re-check the people below; leaves that start to depend on each other; edits in
a row and random edits.  The shared machinery is in :mod:`tests.incremental.helpers`.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import yaml

from cascade.incremental import snapshot
from cascade.incremental.run import validate
from cascade.pipeline import CROSS_FILE_PARTIAL, CROSS_FILE_SKIPPED
from tests.incremental.helpers import (
    FULL_PATH,
    LEAF,
    PEOPLE_OR_FULL,
    PEOPLE_PATH,
    SUPERVISOR,
    Env,
    apply,
    assert_same,
    codes,
    cold,
    copy_plan,
    copy_run,
    leaves,
    on_data,
    step,
    subordinate_with,
)
from tests.incremental.mutations import BY_NAME, HINTED, MUTATIONS, Mutation, first

# ---- the generated plan ----------------------------------------------------------


def test_generated_plan_is_clean_and_its_leaf_is_a_leaf(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    outcome = validate(root)
    assert outcome.how == "full"
    assert_same(outcome.result, cold(root), "first run")
    assert outcome.result.diagnostics == ()
    assert snapshot.load(root) is not None
    found = leaves(root)
    assert LEAF in found
    assert SUPERVISOR not in found
    assert "agreements/people/P00048.yaml" in found


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda mutation: mutation.name)
def test_leaf_edit(generated: Path, tmp_path: Path, mutation: Mutation) -> None:
    root = copy_run(generated, tmp_path)
    apply(root, LEAF, mutation.edit)
    outcome = step(root, mutation.how, mutation.name)
    assert mutation.shows <= codes(outcome.result), f"{mutation.name}: {codes(outcome.result)}"
    if mutation.name in HINTED:
        hints = [d.hint for d in outcome.result.diagnostics if d.code == "REF001"]
        assert any(hint.startswith("did you mean") for hint in hints), hints
    if not mutation.shows and mutation.how == PEOPLE_PATH:
        assert outcome.result.diagnostics == ()
    if outcome.how == "agreements":
        assert LEAF in outcome.checked
    if outcome.how == "files":
        assert outcome.result.notes == (CROSS_FILE_SKIPPED,)
        assert outcome.checked == (LEAF,)


@pytest.mark.parametrize("rel", ["agreements/people/P00001.yaml", "agreements/people/P00003.yaml"])
@pytest.mark.parametrize(
    "name", ["weight", "same-as-missing", "evaluator-other", "cycle", "rename-kpi"]
)
def test_other_leaves(generated: Path, tmp_path: Path, rel: str, name: str) -> None:
    """P00001 heads the organisation (no supervisor); P00003 reports to a division head."""
    root = copy_run(generated, tmp_path)
    assert rel in leaves(root)
    apply(root, rel, BY_NAME[name].edit)
    step(root, BY_NAME[name].how, f"{name} of {rel}")


# ---- a supervisor: the people below re-checked too ------------------------------


def kpi_text(root: Path, rel: str, kpi_id: str) -> dict[str, Any]:
    doc = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    found: dict[str, Any] = next(k for k in doc["kpis"] if k["id"] == kpi_id)
    return found


def test_supervisor_field_repeated_by_subordinate(generated: Path, tmp_path: Path) -> None:
    """TRC004: a subordinate repeats the supervisor's KPI name; the supervisor renames it."""
    root = copy_run(generated, tmp_path)
    child = subordinate_with(root, "2")
    source = kpi_text(root, SUPERVISOR, "2")

    def repeat(doc: dict[str, Any], env: Env) -> None:
        kpi = doc["kpis"][0]
        kpi.update(name=source["name"], target=source["target"])

    apply(root, child, on_data(repeat))
    step(root, PEOPLE_PATH, "subordinate repeats the supervisor's name and target")

    def rename(doc: dict[str, Any], env: Env) -> None:
        kpi = next(k for k in doc["kpis"] if k["id"] == "2")
        kpi["name"] = "ชื่อใหม่ของตัวชี้วัด"
        kpi["target"] = kpi["criteria"]["thresholds"][-1] if "thresholds" in kpi["criteria"] else 5

    apply(root, SUPERVISOR, on_data(rename))
    outcome = step(root, PEOPLE_OR_FULL, "supervisor renames the KPI")
    assert "TRC004" in codes(outcome.result)
    assert any(d.file == child and d.code == "TRC004" for d in outcome.result.diagnostics)
    if outcome.how == "agreements":
        assert {SUPERVISOR, child} <= set(outcome.checked)


@pytest.mark.parametrize(
    "name",
    [
        "remove-kpi",
        "rename-kpi",
        "weight",
        "milestones",
        "thresholds-order",
        "cycle",
        "comment",
        "redump",
    ],
)
def test_supervisor_edit(generated: Path, tmp_path: Path, name: str) -> None:
    root = copy_run(generated, tmp_path)
    apply(root, SUPERVISOR, BY_NAME[name].edit)
    step(root, PEOPLE_OR_FULL, f"{name} of the supervisor")


def test_supervisor_removes_kpi_subordinates_name(generated: Path, tmp_path: Path) -> None:
    root = copy_run(generated, tmp_path)

    def drop_two(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"] = [k for k in doc["kpis"] if k["id"] != "2"]

    apply(root, SUPERVISOR, on_data(drop_two))
    outcome = step(root, PEOPLE_OR_FULL, "supervisor drops KPI 2")
    named = {d.file for d in outcome.result.diagnostics if d.code == "REF001"}
    assert subordinate_with(root, "2") in named
    if outcome.how == "agreements":
        assert len(outcome.checked) > 1


def test_cycle_between_supervisor_and_subordinate(generated: Path, tmp_path: Path) -> None:
    """P00047's KPI 2 contributes to a subordinate's KPI that is P00047/2: a cycle over
    two files (TRC006, TRC001), reported at the smallest KPI id of the cycle."""
    root = copy_run(generated, tmp_path)
    child = subordinate_with(root, "2")
    party = child.rsplit("/", 1)[-1].removesuffix(".yaml")

    def loop(doc: dict[str, Any], env: Env) -> None:
        next(k for k in doc["kpis"] if k["id"] == "2")["contributes_to"] = [f"{party}/1"]

    apply(root, SUPERVISOR, on_data(loop))
    outcome = step(root, PEOPLE_OR_FULL, "a cycle through the supervisor and a subordinate")
    assert "TRC006" in codes(outcome.result)


def test_supervisor_and_subordinate_together(generated: Path, tmp_path: Path) -> None:
    root = copy_run(generated, tmp_path)
    apply(root, SUPERVISOR, BY_NAME["rename-kpi"].edit)
    apply(root, LEAF, BY_NAME["thresholds-order"].edit)
    step(root, PEOPLE_OR_FULL, "two files at once")


def test_leaf_starts_to_depend_on_another_leaf(generated: Path, tmp_path: Path) -> None:
    """After the first edit P00060 names P00059's KPI: editing P00059 must re-check P00060."""
    root = copy_run(generated, tmp_path)
    other = "agreements/people/P00059.yaml"

    def name_other(doc: dict[str, Any], env: Env) -> None:
        first(doc, "contributes_to")["contributes_to"] = ["P00059/3"]

    apply(root, LEAF, on_data(name_other))
    step(root, PEOPLE_PATH, "P00060 contributes to P00059/3")
    assert LEAF in leaves(root)
    assert other not in leaves(root)

    def drop_three(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"] = [k for k in doc["kpis"] if k["id"] != "3"]

    apply(root, other, on_data(drop_three))
    outcome = step(root, PEOPLE_OR_FULL, "P00059 drops KPI 3")
    assert any(d.file == LEAF and d.code == "REF001" for d in outcome.result.diagnostics)


# ---- two edits in a row, and random ones -------------------------------------------


def test_edits_in_a_row(generated: Path, tmp_path: Path) -> None:
    root = copy_run(generated, tmp_path)
    sequence = [
        (LEAF, "weight"),
        ("agreements/people/P00058.yaml", "thresholds-order"),
        (LEAF, "comment"),
        (LEAF, "same-as-missing"),
        ("agreements/people/P00010.yaml", "evaluatee-other"),
        ("agreements/people/P00058.yaml", "cycle"),
    ]
    for rel, name in sequence:
        apply(root, rel, BY_NAME[name].edit)
        step(root, BY_NAME[name].how, f"{name} of {rel}")


RANDOM_SAFE = [
    mutation
    for mutation in MUTATIONS
    if mutation.name not in {"party-other", "party-unknown", "second-document", "emptied"}
]


@pytest.mark.parametrize("seed", range(10))
def test_random_leaf_edits(generated: Path, tmp_path: Path, seed: int) -> None:
    """A random leaf, two random edits in a row; a full run's result each time."""
    rng = random.Random(seed)
    root = copy_run(generated, tmp_path)
    candidates = leaves(root)
    broken = False
    for round_ in range(2):
        rel = rng.choice(candidates)
        mutation = rng.choice(RANDOM_SAFE if round_ == 0 else MUTATIONS)
        try:
            apply(root, rel, mutation.edit)
        except (AssertionError, StopIteration, KeyError, IndexError, yaml.YAMLError):
            # the mutation does not fit this file (e.g. already applied): another one
            mutation = BY_NAME["comment"]
            apply(root, rel, mutation.edit)
        expected = mutation.how
        if broken:
            expected = frozenset({"files", "full"})
        elif round_ > 0:
            expected = expected | FULL_PATH  # e.g. a leaf now named by the first edit
        outcome = step(root, expected, f"seed {seed}, round {round_}: {mutation.name} of {rel}")
        broken = outcome.how == "files" or CROSS_FILE_PARTIAL in outcome.result.notes
        candidates = leaves(root) if not broken else candidates

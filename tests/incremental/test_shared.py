"""Edits outside one person's agreement, and files added, removed or moved.

Shared files, divisions and the organisation (a full run), groups (re-checked with
their people); the roster, org chart and job descriptions a re-check reads, and
signatories far from the party;
new, deleted and moved files and files that are not plan files; a duplicate
agreement's related location and an OS matrix that names a person.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from cascade.incremental.run import validate
from tests.incremental.helpers import (
    FULL_PATH,
    LEAF,
    PEOPLE_OR_FULL,
    PEOPLE_PATH,
    SUPERVISOR,
    Edit,
    Env,
    apply,
    assert_same,
    codes,
    cold,
    copy_plan,
    copy_run,
    on_data,
    replace,
    rows,
    step,
)
from tests.incremental.mutations import BY_NAME

# ---- shared files, units, the organisation ----------------------------------------


AGREEMENT_EDITS: list[tuple[str, str, Edit]] = [
    ("division", "agreements/units/D001.yaml", replace("weight: ", "weight: 1")),
    ("organisation", "agreements/DPS.yaml", replace("weight: 10", "weight: 11")),
]
SHARED_EDITS: list[tuple[str, str, Edit]] = [
    ("strategy", "strategy.yaml", replace("  - id: G10\n", "  - id: G11\n")),
    ("roster", "people/people-001.yaml", replace('position: "10060"', 'position: "10059"')),
    ("job", "jobs/descriptions/D001-4.yaml", replace("id: R2", "id: R7")),
    ("families", "jobs/families.yaml", replace("D001-2: 1,", "D001-2: 2,")),
    ("framework", "frameworks/kpr-2569.yaml", replace("weight: 70", "weight: 75")),
    ("os-matrix", "os-matrix.yaml", replace("owner: D001", "owner: D002")),
    ("org-chart", "org.yaml", replace('head: "10047"', 'head: "10048"')),
    ("plan", "cascade.yaml", replace("untraced_max_weight: 30", "untraced_max_weight: 10")),
    ("plan-schema", "cascade.yaml", replace("individual_untraced_max_weight: 30", "x: 1")),
]


@pytest.mark.parametrize(
    ("rel", "edit"),
    [(rel, edit) for _, rel, edit in SHARED_EDITS],
    ids=[name for name, _, _ in SHARED_EDITS],
)
def test_shared_file_edit(generated: Path, tmp_path: Path, rel: str, edit: Edit) -> None:
    """Every shared file: a full run (cascade.yaml even when it fails its schema; the
    others here change what the rules say)."""
    root = copy_plan(generated, tmp_path)
    before = step(root, FULL_PATH, "first run")
    apply(root, rel, edit, Env("", "", None, (), ""))
    after = step(root, FULL_PATH, f"edit of {rel}")
    assert rows(after.result) != rows(before.result), "the edit changed no diagnostic"


@pytest.mark.parametrize(
    ("rel", "edit"),
    [(rel, edit) for _, rel, edit in AGREEMENT_EDITS],
    ids=[name for name, _, _ in AGREEMENT_EDITS],
)
def test_high_agreement_edit(generated: Path, tmp_path: Path, rel: str, edit: Edit) -> None:
    """A division (named in the OS matrix, units below it) and the organisation: what
    the OS matrix and the strategy read of them is unchanged, so the agreements below
    them are re-checked warm (60 people: well under the re-check limit)."""
    root = copy_plan(generated, tmp_path)
    before = step(root, FULL_PATH, "first run")
    apply(root, rel, edit, Env("", "", None, (), ""))
    after = step(root, PEOPLE_PATH, f"edit of {rel}")
    assert rows(after.result) != rows(before.result), "the edit changed no diagnostic"


def test_group_edit_rechecks_the_group_and_its_people(generated: Path, tmp_path: Path) -> None:
    """A group (a unit with no units below, not in the OS matrix) renames a KPI its
    members cascade: the group and the people below it are re-checked."""
    root = copy_plan(generated, tmp_path)
    before = step(root, FULL_PATH, "first run")
    rel = "agreements/units/D001-4.yaml"
    apply(root, rel, replace('  - id: "2"\n', '  - id: "2x"\n'), Env("", "", None, (), ""))
    after = step(root, PEOPLE_PATH, f"edit of {rel}")
    assert rows(after.result) != rows(before.result), "the edit changed no diagnostic"
    assert rel in after.checked
    assert SUPERVISOR in after.checked


# ---- the roster and job descriptions a re-check reads ----------------------------


ROSTER = "people/people-001.yaml"
JOBS = "jobs/descriptions/D001-4.yaml"


def roster_entry(person: str, old: str, new: str) -> tuple[str, Edit]:
    """Change ``old`` to ``new`` in the roster entry of ``person``."""

    def edit(text: str, env: Env) -> str:
        lines = text.split("\n")
        (i,) = [n for n, line in enumerate(lines) if f"{{id: {person}," in line]
        assert old in lines[i], f"{old!r} not in {lines[i]!r}"
        lines[i] = lines[i].replace(old, new, 1)
        return "\n".join(lines)

    return ROSTER, edit


def append_to_roster(line: str) -> tuple[str, Edit]:
    def edit(text: str, env: Env) -> str:
        return text.rstrip("\n") + f"\n  {line}\n"

    return ROSTER, edit


ROSTER_SETUPS: dict[str, list[tuple[str, Edit]]] = {
    "as-generated": [],
    # 10047 is vacant: P00060's supervisor is nobody, its parent its unit
    "vacant-supervisor": [roster_entry("P00047", 'position: "10047"', 'position: "19999"')],
    # P00046 comes first in the roster and now holds 10047 too: first holder wins
    "earlier-holder": [roster_entry("P00046", 'position: "10046"', 'position: "10047"')],
    "later-holder": [roster_entry("P00059", 'position: "10059"', 'position: "10047"')],
    "no-position": [roster_entry("P00060", 'position: "10060", ', "")],
    "duplicate-person": [
        append_to_roster('- {id: P00060, name: ซ้ำ, position: "10005", unit: D001-1}')
    ],
    "headless-unit": [("org.yaml", replace('parent: D001, head: "10047"', "parent: D001"))],
    "no-job": [(JOBS, replace('position: "10060"', 'position: "10960"'))],
}
"""Setups of the roster, org chart and jobs, each made before the first (full) run."""

ROSTER_EDITS = [
    "weight",
    "evaluator-other",
    "evaluatee-other",
    "responsibility-unknown",
    "supervisor-trace",
    "signatory-unknown",
]


@pytest.mark.parametrize("setup", list(ROSTER_SETUPS))
def test_roster_variants(generated: Path, tmp_path: Path, setup: str) -> None:
    """A re-check reads only part of the roster and the job descriptions: the parties,
    the signatories and the supervisors above them must resolve as in a full run."""
    root = copy_plan(generated, tmp_path)
    none = Env("", "", None, (), "")
    for rel, edit in ROSTER_SETUPS[setup]:
        apply(root, rel, edit, none)
    step(root, FULL_PATH, f"{setup}: first run")
    # Each edit once per setup, half of them in each file; which half alternates
    # between setups, so every (file, edit) pair is played under some setups.
    flip = list(ROSTER_SETUPS).index(setup) % 2
    for index, name in enumerate(ROSTER_EDITS):
        rel = (LEAF, "agreements/people/P00059.yaml")[(index + flip) % 2]
        apply(root, rel, BY_NAME[name].edit)
        step(root, PEOPLE_OR_FULL, f"{setup}: {name} of {rel}")


def signatories(*pairs: tuple[str, str]) -> Edit:
    def change(doc: dict[str, Any], env: Env) -> None:
        doc["signatories"] = [{"role": role, "person": person} for role, person in pairs]

    return on_data(change)


SIGNATORY_CASES: dict[str, list[tuple[str, str]]] = {
    # another group's head evaluates: SIG001 names P00047, P00060's supervisor
    "evaluator-other-group": [("evaluatee", "P00060"), ("evaluator", "P00005")],
    # P00010 (under P00005) signs as evaluatee, P00005 evaluates: SIG002 only
    "evaluatee-other-group": [("evaluatee", "P00010"), ("evaluator", "P00005")],
    # ... evaluated by the division head: SIG001 names P00005, P00010's supervisor
    "evaluatee-and-evaluator-far": [("evaluatee", "P00010"), ("evaluator", "P00002")],
    "evaluatee-head-of-org": [("evaluatee", "P00001"), ("evaluator", "P00047")],
    "evaluator-unknown": [("evaluatee", "P00060"), ("evaluator", "P0047")],
    "evaluator-only": [("evaluator", "P00033")],
    "none": [],
}


@pytest.mark.parametrize("case", list(SIGNATORY_CASES))
def test_signatories_far_away(generated: Path, tmp_path: Path, case: str) -> None:
    root = copy_run(generated, tmp_path)
    apply(root, LEAF, signatories(*SIGNATORY_CASES[case]))
    step(root, PEOPLE_PATH, case)


# ---- files added and removed --------------------------------------------------


def test_new_file(generated: Path, tmp_path: Path) -> None:
    root = copy_run(generated, tmp_path)
    text = (root / LEAF).read_text(encoding="utf-8")
    (root / "agreements/people/P00060b.yaml").write_text(text, encoding="utf-8")
    outcome = step(root, FULL_PATH, "a second agreement for P00060")
    assert "REF002" in codes(outcome.result)


def test_deleted_file(generated: Path, tmp_path: Path) -> None:
    root = copy_run(generated, tmp_path)
    (root / LEAF).unlink()
    step(root, FULL_PATH, "leaf removed")
    (root / SUPERVISOR).unlink()
    step(root, FULL_PATH, "supervisor removed")


def test_file_moved(generated: Path, tmp_path: Path) -> None:
    root = copy_run(generated, tmp_path)
    (root / LEAF).rename(root / "agreements" / "P00060.yaml")
    step(root, FULL_PATH, "leaf moved")


@pytest.mark.parametrize(
    "rel", ["out/report.yaml", ".hidden/x.yaml", "notes.txt", "agreements/.draft.yaml"]
)
def test_files_that_are_not_plan_files(generated: Path, tmp_path: Path, rel: str) -> None:
    root = copy_plan(generated, tmp_path)
    first_run = step(root, FULL_PATH, "first run")
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text("kind: Nonsense\n", encoding="utf-8")
    outcome = validate(root)
    assert outcome.how == "unchanged"
    assert_same(outcome.result, cold(root), f"{rel} added")
    assert_same(outcome.result, first_run.result, f"{rel} added")


# ---- bugs found by these tests -------------------------------------------------------


def test_related_location_in_a_duplicate_follows_the_first_file(
    generated: Path, tmp_path: Path
) -> None:
    """REF002 in a second agreement for P00060 points at P00060.yaml ("first defined
    here"); lines added at the top of P00060.yaml move that place."""
    root = copy_plan(generated, tmp_path)
    shutil.copy(root / LEAF, root / "agreements/people/P00060b.yaml")
    step(root, FULL_PATH, "first run")
    apply(root, LEAF, BY_NAME["comment"].edit)
    step(root, PEOPLE_OR_FULL, "comment lines above P00060's party")


def test_os_matrix_supporter_that_is_a_person(generated: Path, tmp_path: Path) -> None:
    """OSM003 reads the agreement of every party the OS matrix names, a person too.

    The OS matrix names P00060 as a supporter of DPS/1.1 (REF001: not a unit, and
    OSM003: P00060 has no KPI contributing to DPS/1.1).  P00060 then contributes to
    DPS/1.1: a full run drops the OSM003; the agreements path keeps the OS matrix's
    diagnostics from the snapshot.
    """
    root = copy_plan(generated, tmp_path)
    none = Env("", "", None, (), "")
    apply(
        root,
        "os-matrix.yaml",
        replace("{kpi: DPS/1.1, owner: D001}", "{kpi: DPS/1.1, owner: D001, supporters: [P00060]}"),
        none,
    )
    first_run = step(root, FULL_PATH, "first run")
    assert "OSM003" in codes(first_run.result)
    apply(root, LEAF, replace('contributes_to: ["1"]', 'contributes_to: ["DPS/1.1"]'), none)
    step(root, PEOPLE_OR_FULL, "P00060 contributes to DPS/1.1")

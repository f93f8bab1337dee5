"""Edits of unit agreements, compared with full runs.

A group of the generated plan (a unit with no unit below it, which the OS matrix
does not name) is re-checked with the people below it, on a roster that keeps its
members and the holders of its head position: who heads it (its ``head:``
position, or else the member whose supervisor is outside it) decides the evaluatee
of its agreement (SIG002).  A division the OS matrix names, the organisation, a
changed party or a second document take a full run, and so do the unit agreements
of plans/probation and plans/acme (the OS matrix names every one of them).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from cascade.result import RunResult
from tests.conftest import ROOT
from tests.incremental.helpers import (
    FULL_PATH,
    LEAF,
    PEOPLE_OR_FULL,
    PEOPLE_PATH,
    Edit,
    Env,
    apply,
    codes,
    copy_plan,
    copy_run,
    on_data,
    replace,
    step,
)
from tests.incremental.mutations import BY_NAME, set_signatory

GROUPS = {"D001-1": "agreements/people/P00005.yaml", "D001-4": "agreements/people/P00047.yaml"}
"""Two groups of the generated plan and their heads' agreements (by ``head:`` position)."""
GROUP, HEAD = "agreements/units/D001-4.yaml", GROUPS["D001-4"]
NONE = Env("", "", None, (), "")


def unit_file(unit: str) -> str:
    return f"agreements/units/{unit}.yaml"


def fresh(generated: Path, tmp_path: Path) -> Path:
    root = copy_run(generated, tmp_path)
    return root


def read(root: Path, rel: str) -> dict[str, Any]:
    doc: dict[str, Any] = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    return doc


def of_kind(doc: dict[str, Any], kind: str) -> dict[str, Any]:
    return next(k for k in doc["kpis"] if k.get("kind") == kind)


def signed(role: str, person: str) -> Edit:
    return on_data(lambda doc, env: set_signatory(doc, role, person))


def found(result: RunResult) -> list[tuple[str, str]]:
    """(file, code) of every diagnostic."""
    return [(d.file, d.code) for d in result.diagnostics]


def where(result: RunResult, code: str) -> set[str]:
    return {file for file, c in found(result) if c == code}


# ---- 1. a group's own KPIs and goals ------------------------------------------------


def _kind_for_people(doc: dict[str, Any], env: Env) -> None:
    of_kind(doc, "unit_specific")["kind"] = "job"


def _drop_common(doc: dict[str, Any], env: Env) -> None:
    common = next(k for k in doc["kpis"] if k.get("same_as") == "C2")
    doc["kpis"].remove(common)
    of_kind(doc, "unit_specific")["weight"] += common["weight"]  # weights still sum to 100


def _goal_without_kpi(doc: dict[str, Any], env: Env) -> None:
    doc["goals"].append({"id": f"{env.party}-G9", "name": "เป้าประสงค์ใหม่", "supports": ["G1"]})


def _goal_unlinked(doc: dict[str, Any], env: Env) -> None:
    doc["goals"][0].pop("supports")


def _goal_unknown(doc: dict[str, Any], env: Env) -> None:
    doc["goals"][0]["supports"] = ["G99"]


GROUP_EDITS: dict[str, tuple[Edit, str]] = {
    "weight": (BY_NAME["weight"].edit, "WGT001"),
    "kind-not-allowed": (on_data(_kind_for_people), "TRC005"),
    "common-kpi-removed": (on_data(_drop_common), "TRC007"),
    "goal-without-kpi": (on_data(_goal_without_kpi), "GOAL001"),
    "goal-unlinked": (on_data(_goal_unlinked), "GOAL002"),
    "goal-supports-unknown": (on_data(_goal_unknown), "REF001"),
}


@pytest.mark.parametrize("name", list(GROUP_EDITS))
@pytest.mark.parametrize("unit", list(GROUPS))
def test_group_edit(generated: Path, tmp_path: Path, unit: str, name: str) -> None:
    root = fresh(generated, tmp_path)
    edit, code = GROUP_EDITS[name]
    apply(root, unit_file(unit), edit)
    outcome = step(root, PEOPLE_PATH, f"{name} of {unit}")
    assert where(outcome.result, code) == {unit_file(unit)}, found(outcome.result)
    assert {unit_file(unit), GROUPS[unit]} <= set(outcome.checked)


@pytest.mark.parametrize("renamed", [True, False], ids=["renamed", "removed"])
@pytest.mark.parametrize("unit", list(GROUPS))
def test_group_drops_kpi_its_head_cascades(
    generated: Path, tmp_path: Path, unit: str, renamed: bool
) -> None:
    """The head's KPI names the group's KPI, which is renamed or removed: REF001 in the
    head's agreement (a hint names the new id), the members below no longer trace."""
    root = fresh(generated, tmp_path)
    head = GROUPS[unit]
    named = next(k["same_as"] for k in read(root, head)["kpis"] if "same_as" in k)

    def drop(doc: dict[str, Any], env: Env) -> None:
        kpi = next(k for k in doc["kpis"] if k["id"] == named)
        if renamed:
            kpi["id"] = f"{named}0"
        else:
            doc["kpis"].remove(kpi)

    apply(root, unit_file(unit), on_data(drop))
    outcome = step(root, PEOPLE_PATH, f"{unit} drops KPI {named}")
    hints = [d.hint for d in outcome.result.diagnostics if d.code == "REF001" and d.file == head]
    assert hints == [f"did you mean '{named}0'?" if renamed else ""], found(outcome.result)
    assert len(where(outcome.result, "TRC001")) > 1


def test_group_renames_field_its_head_repeats(generated: Path, tmp_path: Path) -> None:
    """TRC004: the head's KPI repeats the group's KPI name and target; the group changes them."""
    root = fresh(generated, tmp_path)
    source = of_kind(read(root, GROUP), "unit_specific")

    def repeat(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"][0].update(same_as=source["id"], name=source["name"], target=source["target"])

    apply(root, HEAD, on_data(repeat))
    outcome = step(root, PEOPLE_PATH, "the head repeats the group's name and target")
    assert "TRC004" not in codes(outcome.result)

    def change(doc: dict[str, Any], env: Env) -> None:
        kpi = of_kind(doc, "unit_specific")
        kpi["name"] = "ชื่อใหม่ของตัวชี้วัด"
        kpi["target"] = kpi["criteria"]["thresholds"][-1] = kpi["target"] + 1

    apply(root, GROUP, on_data(change))
    outcome = step(root, PEOPLE_PATH, "the group changes the name and target")
    assert where(outcome.result, "TRC004") == {HEAD}, found(outcome.result)
    assert len([d for d in outcome.result.diagnostics if d.code == "TRC004"]) == 2


# ---- 2. a group's signatories ---------------------------------------------------------


SIGNATORY_EDITS = {
    # a member, and a person of another group, sign as evaluatee: not the head
    "evaluatee-member": ("evaluatee", "P00048", "SIG002"),
    "evaluatee-other-group": ("evaluatee", "P00010", "SIG002"),
    # the head's supervisor is P00002: another group's head, or a member, evaluates
    "evaluator-other-group": ("evaluator", "P00005", "SIG001"),
    "evaluator-member": ("evaluator", "P00060", "SIG001"),
    # nobody: "did you mean" looks at the whole roster (P00033 is in another group)
    "evaluator-unknown": ("evaluator", "P00033x", "REF001"),
}


@pytest.mark.parametrize("case", list(SIGNATORY_EDITS))
def test_group_signatories(generated: Path, tmp_path: Path, case: str) -> None:
    root = fresh(generated, tmp_path)
    role, person, code = SIGNATORY_EDITS[case]
    apply(root, GROUP, signed(role, person))
    outcome = step(root, PEOPLE_PATH, case)
    assert where(outcome.result, code) == {GROUP}, found(outcome.result)
    if code == "REF001":
        (hint,) = [d.hint for d in outcome.result.diagnostics if d.code == code]
        assert hint == "did you mean 'P00033'?"


# ---- 3. who heads the group ---------------------------------------------------------------

ROSTER = "people/people-001.yaml"
JOBS = "jobs/descriptions/D001-4.yaml"
HEADLESS = ("org.yaml", replace('parent: D001, head: "10047"', "parent: D001"))


def holds(person: str, position: str) -> tuple[str, Edit]:
    """``person`` (P0xxxx, who holds 1xxxx) holds ``position`` in the roster instead."""
    return ROSTER, replace(f'position: "{person.replace("P0", "1")}"', f'position: "{position}"')


def supervised(text: str, env: Env) -> str:
    """The job description of position 10060 names 10002 as its supervisor."""
    return re.sub(r'(position: "10060"\n(?:.*\n)*?supervisor: )"10047"', r'\1"10002"', text)


HEAD_SETUPS: dict[str, tuple[list[tuple[str, Edit]], str | None]] = {
    "named": ([], "P00047"),
    # no head: the member whose supervisor is in another unit heads it
    "headless": ([HEADLESS], "P00047"),
    # ... two such members: the later one in the roster
    "headless-two": ([HEADLESS, (JOBS, supervised)], "P00060"),
    # the head position has two holders: the first in the roster heads the group
    "earlier-holder": ([holds("P00046", "10047")], "P00046"),
    "later-holder": ([holds("P00059", "10047")], "P00047"),
    # D001-1's head position, named again by D001-4 (later in the org chart), heads D001-4
    "shared-position": ([("org.yaml", replace('head: "10047"', 'head: "10005"'))], "P00005"),
    # nobody holds the head position, or it is one nobody has
    "holder-left": ([holds("P00047", "19999")], None),
    "vacant-position": ([("org.yaml", replace('head: "10047"', 'head: "19999"'))], None),
}
"""Org chart, roster and job edits made after the first run, and who then heads D001-4."""


@pytest.mark.parametrize("setup", list(HEAD_SETUPS))
def test_group_head(generated: Path, tmp_path: Path, setup: str) -> None:
    root = fresh(generated, tmp_path)
    edits, head = HEAD_SETUPS[setup]

    def evaluatee_is(result: RunResult, signer: str) -> None:
        got = [d.message for d in result.diagnostics if d.code == "SIG002" and d.file == GROUP]
        message = f"the evaluatee of D001-4's agreement is {head}, not {signer}"
        assert got == ([] if head in (None, signer) else [message]), setup

    for rel, edit in edits:
        apply(root, rel, edit, NONE)
    evaluatee_is(step(root, FULL_PATH if edits else {"unchanged"}, f"{setup}").result, "P00047")
    apply(root, GROUP, BY_NAME["weight"].edit)
    outcome = step(root, PEOPLE_PATH, f"{setup}: weight")
    assert "WGT001" in codes(outcome.result)
    evaluatee_is(outcome.result, "P00047")
    for person in ("P00048", "P00047"):
        apply(root, GROUP, signed("evaluatee", person))
        evaluatee_is(step(root, PEOPLE_PATH, f"{setup}: evaluatee {person}").result, person)
    apply(root, GROUP, BY_NAME["evaluator-other"].edit)
    step(root, PEOPLE_PATH, f"{setup}: evaluator other")


# ---- 4. a division and the organisation: re-checked warm --------------------------------------


@pytest.mark.parametrize(
    ("rel", "name"),
    [
        ("agreements/units/D001.yaml", "weight"),
        ("agreements/units/D001.yaml", "evaluatee-other"),
        ("agreements/DPS.yaml", "weight"),
    ],
)
def test_division_and_organisation(generated: Path, tmp_path: Path, rel: str, name: str) -> None:
    root = fresh(generated, tmp_path)
    apply(root, rel, BY_NAME[name].edit)
    outcome = step(root, PEOPLE_PATH, f"{name} of {rel}")
    assert BY_NAME[name].shows <= codes(outcome.result), found(outcome.result)


# ---- 5. a group with people ------------------------------------------------------------------


def test_group_and_person_together(generated: Path, tmp_path: Path) -> None:
    root = fresh(generated, tmp_path)
    apply(root, GROUP, BY_NAME["weight"].edit)
    apply(root, "agreements/people/P00010.yaml", BY_NAME["thresholds-order"].edit)
    outcome = step(root, PEOPLE_PATH, "D001-4 and P00010")
    assert {GROUP, "agreements/people/P00010.yaml"} <= set(outcome.checked)
    assert {"WGT001", "CRT001"} <= codes(outcome.result)
    apply(root, unit_file("D001-1"), on_data(_goal_unlinked))
    apply(root, LEAF, BY_NAME["same-as-missing"].edit)
    outcome = step(root, PEOPLE_PATH, "D001-1 and P00060")
    assert {"WGT001", "CRT001", "GOAL002", "REF001"} <= codes(outcome.result)


def test_group_then_members_in_a_row(generated: Path, tmp_path: Path) -> None:
    root = fresh(generated, tmp_path)
    apply(root, GROUP, replace('  - id: "2"\n', '  - id: "2x"\n'), NONE)
    outcome = step(root, PEOPLE_PATH, "D001-4 renames KPI 2")
    assert HEAD in where(outcome.result, "REF001")
    apply(root, HEAD, replace('same_as: "2"', 'same_as: "2x"'), NONE)
    outcome = step(root, PEOPLE_PATH, "P00047 follows")
    assert HEAD not in where(outcome.result, "REF001")
    apply(root, LEAF, BY_NAME["weight"].edit)
    outcome = step(root, PEOPLE_PATH, "then a member")
    assert where(outcome.result, "WGT001") == {LEAF}
    apply(root, GROUP, signed("evaluatee", "P00060"))
    outcome = step(root, PEOPLE_PATH, "P00060 signs the group's agreement")
    assert where(outcome.result, "SIG002") == {GROUP}


def test_groups_that_name_each_other(generated: Path, tmp_path: Path) -> None:
    """D001-1's unit-specific KPI contributes to D001-4's, then D001-4's back to D001-1's:
    a cycle over two groups (TRC006); each group's edit re-checks the other."""
    root = fresh(generated, tmp_path)
    ids = {unit: of_kind(read(root, unit_file(unit)), "unit_specific")["id"] for unit in GROUPS}

    def link(other: str) -> Edit:
        def change(doc: dict[str, Any], env: Env) -> None:
            kpi = of_kind(doc, "unit_specific")
            kpi.update(kind="contributory", contributes_to=[f"{other}/{ids[other]}"])

        return on_data(change)

    apply(root, unit_file("D001-1"), link("D001-4"))
    step(root, PEOPLE_PATH, "D001-1 contributes to D001-4")
    apply(root, GROUP, link("D001-1"))
    outcome = step(root, PEOPLE_PATH, "D001-4 contributes back")
    assert "TRC006" in codes(outcome.result)
    assert unit_file("D001-1") in outcome.checked
    apply(root, GROUP, BY_NAME["evaluatee-other"].edit)
    outcome = step(root, PEOPLE_PATH, "then D001-4's evaluatee")
    assert {"TRC006", "SIG002"} <= codes(outcome.result)


# ---- 6. no longer the one agreement of the same unit ----------------------------------------


@pytest.mark.parametrize(
    ("edit", "code"),
    [
        (replace("party: D001-4", "party: D001-3"), "REF002"),
        (replace("party: D001-4", "party: D001-9"), "REF001"),
        (BY_NAME["second-document"].edit, "REF002"),
    ],
    ids=["party-other-group", "party-unknown", "second-document"],
)
def test_group_file_changes(generated: Path, tmp_path: Path, edit: Edit, code: str) -> None:
    root = fresh(generated, tmp_path)
    apply(root, GROUP, edit, NONE)
    outcome = step(root, FULL_PATH, "the group file changes")
    assert code in codes(outcome.result)


# ---- 7. plans/probation and plans/acme --------------------------------------------------------


UNIT_FILES = [
    (plan, f"agreements/units/{path.name}")
    for plan in ("probation", "acme")
    for path in sorted((ROOT / "plans" / plan / "agreements" / "units").glob("*.yaml"))
]


@pytest.mark.parametrize(("plan", "rel"), UNIT_FILES, ids=[rel for _, rel in UNIT_FILES])
def test_example_plan_unit(tmp_path: Path, plan: str, rel: str) -> None:
    """A unit the OS matrix names (all of them in these plans) is re-checked warm: the
    edit changes no KPI the matrix's rows ask about."""
    root = copy_plan(ROOT / "plans" / plan, tmp_path)
    step(root, FULL_PATH, "first run")
    apply(root, rel, BY_NAME["weight"].edit)
    outcome = step(root, PEOPLE_OR_FULL, f"weight of {rel}")
    assert rel in where(outcome.result, "WGT001")
    assert outcome.how == "agreements"

"""Actuals that name persons' KPIs: what the actuals read decides the path.

plans/probation, whose actuals name P0014's KPIs (re-checked alone while the actuals
see the same KPIs, a full run otherwise); actuals added to the generated plan, naming
a KPI a subordinate inherits from its supervisor, or KPIs no agreement has.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from cascade.incremental import snapshot
from tests.conftest import ROOT
from tests.incremental.helpers import (
    FILES_PATH,
    FULL_PATH,
    LEAF,
    PEOPLE_OR_FULL,
    PEOPLE_PATH,
    PROBATION_LEAF,
    SUPERVISOR,
    Env,
    apply,
    copy_plan,
    leaves,
    on_data,
    replace,
    step,
    subordinate_with,
)
from tests.incremental.mutations import BY_NAME

# ---- plans/probation: actuals name the persons' KPIs -------------------------------


def test_probation_leaves(tmp_path: Path) -> None:
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")
    assert leaves(root) == ["agreements/people/P0013.yaml", PROBATION_LEAF]
    snap = snapshot.load(root)
    assert snap is not None
    assert snap.files[PROBATION_LEAF].fingerprints["actuals"], "the actuals name P0014's KPIs"


PROBATION_CASES: list[tuple[str, str, frozenset[str]]] = [
    # actuals see the same KPIs: re-checked alone
    ("weight", PROBATION_LEAF, PEOPLE_PATH),
    ("thresholds-order", PROBATION_LEAF, PEOPLE_PATH),
    ("evaluator-other", PROBATION_LEAF, PEOPLE_PATH),
    ("kind-not-allowed", PROBATION_LEAF, PEOPLE_PATH),
    ("comment", PROBATION_LEAF, PEOPLE_PATH),
    ("contributes-missing", PROBATION_LEAF, PEOPLE_PATH),
    # actuals see other KPIs: a full run
    ("remove-kpi", PROBATION_LEAF, FULL_PATH),
    ("rename-kpi", PROBATION_LEAF, FULL_PATH),
    ("add-kpi", PROBATION_LEAF, FULL_PATH),
    ("milestones", PROBATION_LEAF, FULL_PATH),
    ("duplicate-id", PROBATION_LEAF, FULL_PATH),
    ("syntax-error", PROBATION_LEAF, FULL_PATH),
    # P0012 is P0013's and P0014's supervisor; P0001 heads LAW and is P0012's
    ("weight", "agreements/people/P0012.yaml", PEOPLE_PATH),
    ("thresholds-order", "agreements/people/P0012.yaml", PEOPLE_OR_FULL),
    ("remove-kpi", "agreements/people/P0012.yaml", FULL_PATH),
    ("milestones", "agreements/people/P0012.yaml", FULL_PATH),
    ("weight", "agreements/people/P0001.yaml", PEOPLE_PATH),
    ("same-as-missing", "agreements/people/P0001.yaml", PEOPLE_OR_FULL),
    ("comment", "agreements/people/P0001.yaml", PEOPLE_PATH),
]


@pytest.mark.parametrize(
    ("name", "rel", "how"),
    PROBATION_CASES,
    ids=[f"{rel.rsplit('/', 1)[-1][:-5]}-{name}" for name, rel, _ in PROBATION_CASES],
)
def test_probation(tmp_path: Path, name: str, rel: str, how: frozenset[str]) -> None:
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")
    apply(root, rel, BY_NAME[name].edit)
    outcome = step(root, how, f"{name} of {rel}")
    if rel == "agreements/people/P0012.yaml" and outcome.how == "agreements":
        assert set(outcome.checked) == {
            rel,
            "agreements/people/P0013.yaml",
            "agreements/people/P0014.yaml",
        }


def test_probation_actuals_see_a_removed_kpi(tmp_path: Path) -> None:
    """P0014 drops KPI 6, which both quarters' actuals name: REF001 in the actuals."""
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")

    def drop_six(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"] = [k for k in doc["kpis"] if k["id"] != "6"]
        doc["kpis"][0]["weight"] += 10

    apply(root, PROBATION_LEAF, on_data(drop_six))
    outcome = step(root, FULL_PATH, "P0014/6 removed")
    files = {d.file for d in outcome.result.diagnostics if d.code == "REF001"}
    assert {"actuals/2569-Q1.yaml", "actuals/2569-Q2.yaml"} <= files


def test_probation_actuals_see_milestones(tmp_path: Path) -> None:
    """P0014/1 switches to milestones: the actuals' values no longer fit (ACT001)."""
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")
    apply(root, PROBATION_LEAF, BY_NAME["milestones"].edit)
    outcome = step(root, FULL_PATH, "P0014/1 by milestones")
    assert any(
        d.code == "ACT001" and d.file.startswith("actuals/") for d in outcome.result.diagnostics
    )


def test_probation_formula_added(tmp_path: Path) -> None:
    """A formula changes what the actuals read (ACT001 asks for its variables when
    there is no value); the actuals give a value, so no new diagnostic, but a full run."""
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")

    def formula(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"][2]["formula"] = "filed / received * 100"

    apply(root, PROBATION_LEAF, on_data(formula))
    step(root, FULL_PATH, "P0014/3 computed by a formula")


def test_probation_table_actuals_edit(tmp_path: Path) -> None:
    root = copy_plan(ROOT / "plans" / "probation", tmp_path)
    step(root, FULL_PATH, "first run")
    rel = "actuals/2569-Q2-PROB.csv"
    apply(root, rel, replace(",97.4,", ",abc,"), Env("", "", None, (), ""))
    step(root, FULL_PATH | FILES_PATH, "CSV actuals edited")


# ---- actuals in the generated plan -----------------------------------------------


def test_actuals_read_criteria_a_subordinate_inherits(generated: Path, tmp_path: Path) -> None:
    """Actuals name a subordinate's KPI that is ``same_as`` the supervisor's: when the
    supervisor's KPI turns to milestones, what the actuals read of the subordinate
    changes although the subordinate's file did not."""
    root = copy_plan(generated, tmp_path)
    child = subordinate_with(root, "2")
    party = child.rsplit("/", 1)[-1].removesuffix(".yaml")
    (root / "actuals").mkdir()
    (root / "actuals" / "2569-Q1.yaml").write_text(
        f"kind: Actuals\nperiod: 2569-Q1\nresults:\n  - {{kpi: {party}/1, value: 70}}\n",
        encoding="utf-8",
    )
    step(root, FULL_PATH, "first run")

    def milestones(doc: dict[str, Any], env: Env) -> None:
        kpi = next(k for k in doc["kpis"] if k["id"] == "2")
        kpi.update(unit_of_measure="level", target=5)
        kpi["criteria"] = {"milestones": {n: f"ขั้นที่ {n}" for n in range(1, 6)}}
        kpi.pop("formula", None)
        kpi.pop("baseline", None)

    apply(root, SUPERVISOR, on_data(milestones))
    outcome = step(root, FULL_PATH, "the supervisor's KPI 2 by milestones")
    assert any(
        d.code == "ACT001" and d.file.startswith("actuals/") for d in outcome.result.diagnostics
    )


def test_actuals_messages_follow_kpis_of_persons_they_do_not_name(
    generated: Path, tmp_path: Path
) -> None:
    """REF001 in actuals reads every KPI of the plan for its hint and example.

    A row that names no party (``X9``) says "e.g. P00060/X9" once some agreement
    has a KPI X9; a row naming an unknown KPI gets "did you mean" over every KPI.
    P00060 is not named by the actuals, so its edit takes the agreements path, which
    does not recompute the actuals' diagnostics.
    """
    root = copy_plan(generated, tmp_path)
    (root / "actuals").mkdir()
    (root / "actuals" / "2569-Q1.yaml").write_text(
        "kind: Actuals\nperiod: 2569-Q1\nresults:\n"
        '  - {kpi: "X9", value: 1}\n'
        "  - {kpi: P0006/1, value: 1}\n",
        encoding="utf-8",
    )
    step(root, FULL_PATH, "first run")

    def rename(doc: dict[str, Any], env: Env) -> None:
        doc["kpis"][0]["id"] = "9"
        doc["kpis"][-1]["id"] = "X9"

    apply(root, LEAF, on_data(rename))
    step(root, PEOPLE_OR_FULL, "P00060's KPIs renamed")

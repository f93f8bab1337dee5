"""plans/acme, the repository's example plan: edits of its one leaf, a unit and a job."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.incremental.helpers import (
    ACME_LEAF,
    FULL_PATH,
    PEOPLE_PATH,
    Env,
    apply,
    copy_plan,
    leaves,
    replace,
    step,
)
from tests.incremental.mutations import BY_NAME

# ---- plans/acme --------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "weight",
        "same-as-missing",
        "thresholds-count",
        "signatory-unknown",
        "kind-link",
        "cycle",
        "comment",
        "syntax-error",
        "party-other",
    ],
)
def test_acme(tmp_path: Path, name: str) -> None:
    root = copy_plan(ROOT / "plans" / "acme", tmp_path)
    step(root, FULL_PATH, "first run")
    assert leaves(root) == [ACME_LEAF]
    apply(root, ACME_LEAF, BY_NAME[name].edit)
    step(root, BY_NAME[name].how, name)


def test_acme_unit_and_job_edits(tmp_path: Path) -> None:
    root = copy_plan(ROOT / "plans" / "acme", tmp_path)
    step(root, FULL_PATH, "first run")
    none = Env("", "", None, (), "")
    apply(root, "agreements/units/OPS.yaml", replace("O-3", "O-33"), none)
    step(root, FULL_PATH, "OPS renames O-3")
    apply(root, "jobs/descriptions/3001.yaml", replace("id: R1", "id: R5"), none)
    step(root, FULL_PATH, "job 3001 renames R1")
    apply(root, ACME_LEAF, BY_NAME["weight"].edit)
    step(root, PEOPLE_PATH, "then a leaf edit")

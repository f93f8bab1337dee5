"""``cascade.new.target``: where ``cascade new agreement`` writes, called directly."""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.engine import check_plan
from cascade.new.common import NewError
from cascade.new.target import STDOUT, agreement_file, agreement_target
from tests.conftest import make_plan
from tests.new.helpers import minimal_unsigned, model_of

SVC_FILE = "agreements/units/SVC.yaml"


def test_a_party_without_agreement_gets_its_usual_file(tmp_path: Path) -> None:
    root = minimal_unsigned(tmp_path)
    model = model_of(root)
    assert agreement_target(root, model, "SVC", None, force=False) == root / SVC_FILE
    assert agreement_target(root, model, "SVC", tmp_path / "x.yaml", False) == tmp_path / "x.yaml"
    assert agreement_target(root, model, "SVC", STDOUT, force=False) == STDOUT


def test_never_over_another_partys_agreement(tmp_path: Path) -> None:
    root = minimal_unsigned(tmp_path)
    out = root / "agreements" / "ORG.yaml"
    with pytest.raises(NewError) as caught:
        agreement_target(root, model_of(root), "SVC", out, force=True)
    assert str(caught.value) == f"{out} holds ORG's agreement; nothing written"


def test_an_existing_agreement_needs_force(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    model = model_of(root)
    where = root / SVC_FILE
    with pytest.raises(NewError) as caught:
        agreement_target(root, model, "SVC", None, force=False)
    assert str(caught.value) == (
        f"SVC already has an agreement in {where}; nothing written "
        "(use --force to replace that file)"
    )
    assert agreement_target(root, model, "SVC", None, force=True) == where


def test_force_never_makes_a_second_agreement(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    where, out = root / SVC_FILE, tmp_path / "SVC-2.yaml"
    with pytest.raises(NewError) as caught:
        agreement_target(root, model_of(root), "SVC", out, force=True)
    assert str(caught.value) == (
        f"SVC's agreement is in {where}; a second one in {out} would be a duplicate "
        f"(REF002): write over {where} or remove it first"
    )


def test_force_never_replaces_a_file_with_other_documents(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    path = root / SVC_FILE
    path.write_text(path.read_text(encoding="utf-8") + "---\nkind: Strategy\n", encoding="utf-8")
    model = model_of(make_plan(tmp_path / "clean", {}))  # SVC's agreement at the same place
    with pytest.raises(NewError, match="holds other documents too; move SVC's agreement out"):
        agreement_target(root, model, "SVC", None, force=True)


def test_agreement_file(tmp_path: Path) -> None:
    model = model_of(minimal_unsigned(tmp_path))
    assert agreement_file(model, "ORG") == "agreements/ORG.yaml"  # it has one
    assert agreement_file(model, "SVC") == SVC_FILE
    assert agreement_file(model, "P001") == "agreements/people/P001.yaml"


def test_agreement_file_of_an_organisation_without_one(tmp_path: Path) -> None:
    checked = check_plan(make_plan(tmp_path, {"agreements/ORG.yaml": "<delete>"}))
    assert checked.model is not None and "ORG" not in checked.model.agreements
    assert agreement_file(checked.model, "ORG") == "agreements/ORG.yaml"

"""``new agreement`` drafts that validate once written into the plan, and
what they hold: identical, contributory and common KPIs, goals, weights."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from cascade.load.reader import parse_text
from cascade.new.agreement import Draft, default_path, draft_agreement
from cascade.new.common import NewError
from tests.new.helpers import errors, minimal_unsigned, model_of, probation, validate


def draft_into(root: Path, party: str) -> Draft:
    """Draft ``party``'s agreement and write it at its default path."""
    model = model_of(root)
    target = root / default_path(model, party)
    draft = draft_agreement(model, party, root, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(draft.text, encoding="utf-8")
    return draft


def data(draft: Draft) -> dict[str, Any]:
    """The draft as the plan loader reads it (every scalar text)."""
    read = parse_text(draft.text, "draft.yaml")
    assert not read.diagnostics
    (doc,) = read.documents
    assert isinstance(doc, dict)
    return doc


def total(doc: dict[str, Any]) -> Decimal:
    return sum((Decimal(k["weight"]) for k in doc["kpis"]), Decimal(0))


def test_unit_without_agreement_validates(tmp_path: Path) -> None:
    root = probation(tmp_path)
    draft_into(root, "CSS")
    assert errors(validate(root)) == []


def test_sub_unit_draft_validates_but_moves_its_heads_parent(tmp_path: Path) -> None:
    root = probation(tmp_path)
    draft = draft_into(root, "LAW-1")
    assert any("P0012 heads LAW-1" in n and "TRC008" in n for n in draft.notes)
    found = errors(validate(root))
    assert found and set(found) == {("TRC008", "agreements/people/P0012.yaml")}


def test_person_without_agreement_validates(tmp_path: Path) -> None:
    root = probation(tmp_path, person=True)
    draft = draft_into(root, "P0015")
    assert errors(validate(root)) == []
    doc = data(draft)
    kinds = [(k["kind"], k.get("contributes_to"), k.get("responsibility")) for k in doc["kpis"]]
    assert kinds == [
        ("supervisor", ["P0012/1"], None),
        ("supervisor", ["P0012/2"], None),
        ("supervisor", ["P0012/3"], None),
        ("supervisor", ["P0012/4"], None),
        ("supervisor", ["P0012/5"], None),
        ("supervisor", ["P0012/6"], None),  # an assignment; P0012/7 is personal, not cascaded
        ("job", None, "R1"),
        ("job", None, "R2"),
    ]
    assert total(doc) == 100
    assert doc["signatories"] == [
        {"role": "evaluatee", "person": "P0015"},
        {"role": "evaluator", "person": "P0012"},
    ]


def test_minimal_plan_unit_then_its_head(tmp_path: Path) -> None:
    root = minimal_unsigned(tmp_path)
    unit = data(draft_into(root, "SVC"))
    assert errors(validate(root)) == []
    person = data(draft_into(root, "P001"))
    assert errors(validate(root)) == []
    assert [(k["kind"], k["same_as"], k["weight"]) for k in unit["kpis"]] == [
        ("identical", "ORG/1", "42"),
        ("identical", "ORG/2", "42"),
        ("common", "C1", "16"),
    ]
    assert unit["goals"] == [
        {"id": "SVC-G1", "name": unit["goals"][0]["name"], "supports": ["G1"]},
        {"id": "SVC-G2", "name": unit["goals"][1]["name"], "supports": ["G2"]},
    ]
    assert [k["goal"] for k in unit["kpis"][:2]] == ["SVC-G1", "SVC-G2"]
    # the head of SVC takes the unit's identical and common KPIs over as is
    assert [(k["kind"], k.get("same_as")) for k in person["kpis"]] == [
        ("supervisor", "SVC/1"),
        ("supervisor", "SVC/2"),
        ("supervisor", "SVC/3"),
        ("job", None),
    ]


def test_unit_kpis_follow_the_os_matrix(tmp_path: Path) -> None:
    root = probation(tmp_path)
    (root / "agreements/units/LAW.yaml").unlink()
    (root / "agreements/people/P0001.yaml").unlink()  # cascades from LAW's KPIs
    for person in ("P0012", "P0013", "P0014"):
        (root / f"agreements/people/{person}.yaml").unlink()
    shutil.rmtree(root / "actuals")
    draft = draft_into(root, "LAW")
    doc = data(draft)
    rows = [
        (k["id"], k["kind"], k.get("same_as"), k.get("contributes_to"), k.get("goal"), k["weight"])
        for k in doc["kpis"]
    ]
    assert rows == [
        ("1", "identical", "DOP/4.5", None, "LAW-G1", "33"),  # owner (O)
        ("2", "contributory", None, ["DOP/2.1"], "LAW-G2", "22"),  # supporter (S)
        ("3", "contributory", None, ["DOP/3.5"], "LAW-G3", "22"),
        ("4", "common", "C1", None, None, "11"),
        ("5", "common", "C2", None, None, "12"),  # takes the remainder
    ]
    assert [(g["id"], g["supports"]) for g in doc["goals"]] == [
        ("LAW-G1", ["G10"]),
        ("LAW-G2", ["G5"]),
        ("LAW-G3", ["G6"]),
    ]
    # dimension: the perspective of the organisation goal; common: as other units have it
    assert [k["dimension"] for k in doc["kpis"]] == [
        "development",
        "quality",
        "efficiency",
        "quality",
        "development",
    ]
    # a contributory placeholder starts from the parent's unit, target and criteria
    assert doc["kpis"][1]["unit_of_measure"] == "percent"
    assert doc["kpis"][1]["target"] == "80"
    assert doc["kpis"][1]["criteria"] == {"thresholds": ["70", "75", "80", "85", "90"]}
    assert doc["signatories"] == [
        {"role": "evaluatee", "person": "P0001"},
        {"role": "evaluator", "person": "P0100"},
    ]
    assert errors(validate(root)) == []


def test_sub_unit_cascades_from_its_parent_units_agreement(tmp_path: Path) -> None:
    doc = data(draft_into(probation(tmp_path), "LAW-1"))
    linked = [k["contributes_to"] for k in doc["kpis"] if k["kind"] == "contributory"]
    assert linked == [["LAW/2-1"], ["LAW/2-2"], ["LAW/2-4"], ["LAW/2-5"], ["LAW/2-6"], ["LAW/A3"]]
    additional = [g for g in doc["goals"] if g.get("additional") == "true"]
    assert [g["id"] for g in additional] == ["LAW-1-G3"]  # from LAW-G4, additional in LAW
    assert total(doc) == 100


def test_todo_notes_are_comments_not_values(tmp_path: Path) -> None:
    root = probation(tmp_path)
    draft = draft_agreement(model_of(root), "LAW-1", root, root / "agreements/units/LAW-1.yaml")
    assert draft.text.count("# TODO") >= 10
    assert "# TODO" not in repr(data(draft))
    # the copy has no schemas/ folder and its files point at one it lacks
    first = draft.text.splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schemas/agreement.schema.json"
    assert any("no schemas/ folder" in n for n in draft.notes)


def test_organisation_is_not_drafted(tmp_path: Path) -> None:
    root = probation(tmp_path)
    with pytest.raises(NewError, match="is the organisation"):
        draft_agreement(model_of(root), "DOP", root, root / "x.yaml")


def test_unknown_party_suggests_one(tmp_path: Path) -> None:
    root = probation(tmp_path)
    with pytest.raises(NewError, match="did you mean 'LAW-1'"):
        draft_agreement(model_of(root), "LAW-2", root, root / "x.yaml")

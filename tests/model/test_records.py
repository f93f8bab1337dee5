"""Model records answer what rules, scoring and the report ask, without their spec."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cascade.model.build import build_model
from cascade.model.plan import PlanModel
from cascade.spec.validate import validate_document

DOCS: list[tuple[str, dict[str, Any]]] = [
    ("cascade.yaml", {"kind": "Plan", "name": "Org", "organisation": "ORG", "fiscal_year": 2569}),
    (
        "orgchart.yaml",
        {
            "kind": "OrgChart",
            "units": [
                {"id": "LAW", "name": "Law", "head": "9"},
                {"id": "L1", "name": "L1", "parent": "LAW"},
            ],
        },
    ),
    (
        "people.yaml",
        {
            "kind": "People",
            "people": [
                {"id": "P1", "name": "Ann", "position": "9", "unit": "LAW", "salary": "30000.50"}
            ],
        },
    ),
    (
        "agreements/org.yaml",
        {
            "kind": "Agreement",
            "party": "ORG",
            "kpis": [{"id": "1", "weight": "100", "goal": "G1", "round_targets": {"6": "40"}}],
        },
    ),
    (
        "agreements/law.yaml",
        {
            "kind": "Agreement",
            "party": "LAW",
            "title": "Law's",
            "goals": [{"id": "g", "name": "Goal", "supports": ["G1"]}],
            "kpis": [
                {
                    "id": "2-1",
                    "kind": "identical",
                    "same_as": "1",
                    "dimension": "d",
                    "weight": "60",
                },
                {
                    "id": "2-2",
                    "kind": "contributory",
                    "contributes_to": ["ORG/1"],
                    "weight": "40",
                    "round_targets": {"9": "70"},
                    "collector": {"name": "Bo"},
                },
            ],
            "signatories": [{"role": "evaluatee", "person": "P1"}],
        },
    ),
]


def build() -> PlanModel:
    docs = []
    for file, data in DOCS:
        doc, errors = validate_document(data, file, 0)
        assert doc is not None and not errors, errors
        docs.append(doc)
    model, findings = build_model(docs)
    assert findings == []
    return model


def test_units_people_and_agreements_answer_with_resolved_values() -> None:
    model = build()
    law, l1 = model.units["LAW"], model.units["L1"]
    assert (law.name, law.parent, law.head, l1.parent) == ("Law", None, "9", "LAW")
    person = model.people["P1"]
    assert (person.name, person.position, person.unit) == ("Ann", "9", "LAW")
    assert person.salary == Decimal("30000.50")
    agreement = model.agreements["LAW"]
    assert agreement.title == "Law's"
    assert [(g.id, g.supports) for g in agreement.goals] == [("g", ["G1"])]
    assert [(s.role, s.person) for s in agreement.signatories] == [("evaluatee", "P1")]


def test_kpis_answer_with_written_links_and_inherited_round_targets() -> None:
    model = build()
    same, contributes = model.agreements["LAW"].kpis
    assert (same.kind, same.dimension, same.goal, same.same_as_ref) == ("identical", "d", None, "1")
    assert same.same_as is model.kpis["ORG/1"]
    assert same.round_targets == {6: Decimal(40)}  # none written: its same_as KPI's
    assert same.written("round_targets") == {}
    assert contributes.contributes_to_refs == ["ORG/1"]
    assert contributes.round_targets == {9: Decimal(70)}
    assert contributes.collector is not None and contributes.collector.name == "Bo"
    assert (contributes.overseer, contributes.own_criteria) == (None, None)

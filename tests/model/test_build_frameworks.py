"""The model evaluates framework dimension and slot weights once, with the plan's params."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from cascade.model.build import build_model
from cascade.model.plan import PlanModel
from cascade.spec.validate import validate_document

PLAN: dict[str, Any] = {
    "kind": "Plan",
    "name": "Org",
    "organisation": "ORG",
    "fiscal_year": 2569,
    "params": {"A": "5"},
}
FRAMEWORK: dict[str, Any] = {
    "kind": "Framework",
    "id": "F",
    "dimensions": [
        {"id": "outer", "weight": "70", "dimensions": [{"id": "inner", "weight": "30 + A"}]},
        {"id": "other", "weight": "B"},
    ],
    "slots": [
        {"id": "1.2", "dimension": "inner", "weight": "27 - A"},
        {"id": "1.3", "dimension": "inner", "weight": "3", "optional": True, "transfer_to": "1.2"},
    ],
}


def build(*documents: tuple[str, dict[str, Any]]) -> tuple[PlanModel, list[str]]:
    docs = []
    for file, data in documents:
        doc, errors = validate_document(data, file, 0)
        assert doc is not None and not errors
        docs.append(doc)
    model, findings = build_model(docs)
    return model, [f"{f.code} {f.path} {f.message}" for f in findings]


def test_dimension_and_slot_weights_are_evaluated_values() -> None:
    model, findings = build(("cascade.yaml", PLAN), ("frameworks/f.yaml", FRAMEWORK))
    framework = model.frameworks["F"]
    outer, other = framework.dimensions
    (inner,) = outer.dimensions
    assert (outer.weight, inner.weight, other.weight) == (Decimal(70), Decimal(35), None)
    assert (inner.written, inner.where.path) == ("30 + A", ("dimensions", 0, "dimensions", 0))
    assert [(s.id, s.weight, s.optional, s.transfer_to) for s in framework.slots] == [
        ("1.2", Decimal(22), False, None),
        ("1.3", Decimal(3), True, "1.2"),
    ]
    assert framework.slots[1].where.path == ("slots", 1)
    assert findings == [
        "WGT004 ('dimensions', 1, 'weight') weight 'B' cannot be evaluated: unknown name 'B'"
    ]

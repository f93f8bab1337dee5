"""Dimension subtotals: nested sums, depth first, in the framework's order."""

from __future__ import annotations

from decimal import Decimal

from cascade.model.frameworks import dimension_totals
from cascade.spec.framework import Dimension

OPDC = [
    Dimension.model_validate(
        {
            "id": "external",
            "weight": "70",
            "dimensions": [
                {"id": "effectiveness", "weight": "60"},
                {"id": "quality", "weight": "10"},
            ],
        }
    ),
    Dimension.model_validate({"id": "internal", "weight": "30"}),
]


def totals(values: list[tuple[str | None, str]]) -> list[tuple[str, Decimal]]:
    return [(d.id, t) for d, t in dimension_totals(OPDC, ((k, Decimal(v)) for k, v in values))]


def test_a_parent_sums_its_own_kpis_and_its_sub_dimensions() -> None:
    values = [
        ("effectiveness", "35"),
        ("effectiveness", "25.5"),
        ("quality", "10"),
        ("external", "1.25"),
        ("internal", "30"),
    ]
    assert totals(values) == [
        ("external", Decimal("71.75")),
        ("effectiveness", Decimal("60.5")),
        ("quality", Decimal("10")),
        ("internal", Decimal("30")),
    ]


def test_kpis_outside_the_framework_count_nowhere_and_empty_dimensions_are_zero() -> None:
    assert totals([(None, "50"), ("finance", "20"), ("quality", "7")]) == [
        ("external", Decimal("7")),
        ("effectiveness", Decimal("0")),
        ("quality", Decimal("7")),
        ("internal", Decimal("0")),
    ]

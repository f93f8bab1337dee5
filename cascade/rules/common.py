"""Small helpers the rule families share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

from cascade.diagnostics import Finding
from cascade.expr import ExpressionError, evaluate_text
from cascade.model.plan import Agreement, Where
from cascade.spec.framework import Dimension


def finding(
    where: Where,
    message: str,
    *,
    at_key: bool = False,
    hint: str = "",
    related: tuple[tuple[str, int, tuple[str | int, ...], str], ...] = (),
) -> Finding:
    """A finding at ``where``."""
    return Finding(
        message, where.file, where.doc, path=where.path, at_key=at_key, hint=hint, related=related
    )


def totals_at(agreement: Agreement) -> Where:
    """Where sums are reported: the agreement's ``kpis:`` key."""
    return agreement.where.at("kpis")


def number(value: Decimal) -> str:
    """A decimal as people write it: ``35``, ``2.5``."""
    text = format(value.normalize(), "f")
    return text


def evaluate(text: str, params: dict[str, Decimal]) -> Decimal | None:
    """A weight expression's value, or ``None`` when it cannot be evaluated."""
    try:
        return evaluate_text(text, params)
    except ExpressionError:
        return None


def known_sum(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of ``values``, or ``None`` when any of them is unknown."""
    total = Decimal(0)
    for value in values:
        if value is None:
            return None
        total += value
    return total


def walk_dimensions(
    dimensions: Iterable[Dimension], path: tuple[str | int, ...] = ("dimensions",)
) -> Iterator[tuple[Dimension, tuple[str | int, ...]]]:
    """Every dimension of a framework, depth first, with its path."""
    for i, dim in enumerate(dimensions):
        here = (*path, i)
        yield dim, here
        yield from walk_dimensions(dim.dimensions, (*here, "dimensions"))


def leaf_ids(dim: Dimension) -> set[str]:
    """The ids of a dimension and everything below it."""
    found = {dim.id}
    for child in dim.dimensions:
        found |= leaf_ids(child)
    return found

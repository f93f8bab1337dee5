"""Small helpers the rule families share."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from cascade.diagnostics import Finding
from cascade.model.plan import Agreement, Where


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


def known_sum(values: Iterable[Decimal | None]) -> Decimal | None:
    """The sum of ``values``, or ``None`` when any of them is unknown."""
    total = Decimal(0)
    for value in values:
        if value is None:
            return None
        total += value
    return total


__all__ = ["finding", "known_sum", "number", "totals_at"]

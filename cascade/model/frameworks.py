"""A framework's nested dimensions: walking them, and the one home of
dimension subtotals (weights for rules and the report, scores for scoring).

The helpers take any nested dimension with an ``id`` and ``dimensions``: the
model's resolved :class:`~cascade.model.plan.Dimension` (what rules, scoring
and the report read) or the spec's, as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Protocol, Self, TypeVar


class Nested(Protocol):
    """A dimension: an id and sub-dimensions of its own kind."""

    @property
    def id(self) -> str: ...

    @property
    def dimensions(self) -> Sequence[Self]: ...


D = TypeVar("D", bound=Nested)


def walk_dimensions(
    dimensions: Iterable[D], path: tuple[str | int, ...] = ("dimensions",)
) -> Iterator[tuple[D, tuple[str | int, ...]]]:
    """Every dimension of a framework, depth first, with its path."""
    for i, dim in enumerate(dimensions):
        here = (*path, i)
        yield dim, here
        yield from walk_dimensions(dim.dimensions, (*here, "dimensions"))


def dimension_totals(
    dimensions: Iterable[D], values: Iterable[tuple[str | None, Decimal]]
) -> list[tuple[D, Decimal]]:
    """Every dimension, depth first, with the sum of the ``values`` in it or below it.

    ``values`` are ``(dimension id, value)`` pairs, one per KPI (its weight,
    or its weighted score); a KPI that names no dimension, or one the
    framework does not have, counts in no subtotal.
    """
    own: dict[str, Decimal] = {}
    for dim_id, value in values:
        if dim_id is not None:
            own[dim_id] = own.get(dim_id, Decimal(0)) + value
    out: list[tuple[D, Decimal]] = []
    for dim in dimensions:
        _total(dim, own, out)
    return out


def _total(dim: D, own: dict[str, Decimal], out: list[tuple[D, Decimal]]) -> Decimal:
    """``dim``'s total, written into ``out`` before its sub-dimensions'.

    (A module function, not a closure that calls itself: such a closure is a
    reference cycle, garbage only the cyclic collector frees, and a run
    freezes the collector's generations, so a long-running server kept one
    per run.)"""
    at = len(out)
    out.append((dim, Decimal(0)))  # its place, before its sub-dimensions
    found = own.get(dim.id, Decimal(0)) + sum(
        (_total(c, own, out) for c in dim.dimensions), Decimal(0)
    )
    out[at] = (dim, found)
    return found

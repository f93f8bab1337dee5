"""Walking a framework's nested dimensions (shared by rules and scoring)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cascade.spec.framework import Dimension


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

"""Weights: exact decimals that sum to exactly 100, the last takes the remainder."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cascade.new.weights import spread


def test_owned_first_then_supported_then_common() -> None:
    assert spread([3, 2, 2, 1, 1]) == [33, 22, 22, 11, 12]


def test_whole_numbers_while_the_remainder_stays_small() -> None:
    assert spread([1] * 7) == [14] * 6 + [16]


def test_tenths_when_whole_numbers_would_leave_the_last_too_much() -> None:
    weights = spread([1] * 30)
    assert weights[:-1] == [Decimal("3.3")] * 29
    assert weights[-1] == Decimal("4.3")


def test_one_kpi_takes_everything() -> None:
    assert spread([2]) == [100]


def test_nothing_to_spread() -> None:
    assert spread([]) == []


def test_points_must_be_positive() -> None:
    with pytest.raises(ValueError):
        spread([1, 0])


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=60))
def test_always_exactly_100_positive_and_at_most_hundredths(points: list[int]) -> None:
    weights = spread(points)
    assert sum(weights) == Decimal(100)
    assert all(w > 0 for w in weights)
    assert all(w == w.quantize(Decimal("0.01")) for w in weights)
    exact_last = Decimal(100) * points[-1] / sum(points)
    assert weights[-1] >= exact_last

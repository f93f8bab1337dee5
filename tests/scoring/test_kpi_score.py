"""Section 1 of SCORING.md, case by case, with hand-computed values."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cascade.scoring.kpi_score import (
    invert,
    invert_level,
    score_milestones,
    score_thresholds,
)
from cascade.scoring.policy import BUILTIN_SCALES, Policy

UP = [D(v) for v in (70, 75, 80, 85, 90)]
DOWN = [D(v) for v in (6, 5, 4, 3, 2)]
FIVE = Policy()
S1_POLICY = Policy(below_first="S1")
OPDC = Policy(scores=BUILTIN_SCALES["opdc-2563"])


@pytest.mark.parametrize(
    ("x", "expected"),
    [
        ("70", "1.0000"),  # exactly T1
        ("90", "5.0000"),  # exactly T5
        ("95", "5.0000"),  # beyond T5
        ("72.5", "1.5000"),  # halfway T1..T2
        ("84.99", "3.9980"),
        ("69.99", "0.0000"),  # short of T1, below_first 0
        ("86.3025", "4.2605"),
    ],
)
def test_ascending(x: str, expected: str) -> None:
    assert str(score_thresholds(D(x), UP, FIVE).score) == expected


@pytest.mark.parametrize(
    ("x", "expected"),
    [("6", "1.0000"), ("2", "5.0000"), ("1", "5.0000"), ("3.6", "3.4000"), ("7", "0.0000")],
)
def test_descending(x: str, expected: str) -> None:
    assert str(score_thresholds(D(x), DOWN, FIVE).score) == expected


def test_below_first_level_under_both_policies() -> None:
    assert score_thresholds(D("50"), UP, FIVE).score == D("0.0000")
    assert score_thresholds(D("50"), UP, S1_POLICY).score == D("1.0000")
    assert score_thresholds(D("9"), DOWN, S1_POLICY).score == D("1.0000")


def test_opdc_2563_scale() -> None:
    thresholds = [D(60), D(80), D(100)]
    assert score_thresholds(D(70), thresholds, OPDC).score == D("60.0000")
    assert score_thresholds(D(100), thresholds, OPDC).score == D("100.0000")


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        ("0", "0.0000"),
        ("1", "1.0000"),
        ("3", "3.0000"),
        ("3.5", "3.5000"),
        ("5", "5.0000"),
        ("0.5", "0.5000"),
        ("6", "5.0000"),
    ],
)
def test_milestones(level: str, expected: str) -> None:
    assert str(score_milestones(D(level), FIVE).score) == expected


def test_milestone_fractions_off_takes_the_whole_step() -> None:
    assert score_milestones(D("3.5"), Policy(milestone_fractions=False)).score == D("3.0000")


def test_rounding_half_up_and_half_even() -> None:
    assert FIVE.round(D("0.42605")) == D("0.4261")
    assert Policy(rounding="ROUND_HALF_EVEN").round(D("0.42605")) == D("0.4260")


def test_explanation_names_the_bracket() -> None:
    steps = score_thresholds(D("72.5"), UP, FIVE).steps
    assert steps == (
        "result 72.5; thresholds 70, 75, 80, 85, 90 (higher is better)",
        "between T1 = 70 and T2 = 75: 1 + (2 − 1) × 2.5 / 5 = 1.5",
        "rounded to 4 decimals: 1.5000",
    )


def test_whatif() -> None:
    assert invert(D("4.5"), UP, FIVE) == D("87.5")
    assert invert(D("4.5"), DOWN, FIVE) == D("2.5")
    assert invert(D("5.1"), UP, FIVE) is None
    assert invert_level(D("3.5"), FIVE) == D("3.5")


_numbers = st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False)
_thresholds = st.lists(
    st.decimals(min_value=-500, max_value=500, places=2, allow_nan=False),
    min_size=5,
    max_size=5,
    unique=True,
).map(sorted)


@given(_numbers, _numbers, _thresholds, st.booleans(), st.sampled_from([FIVE, S1_POLICY]))
def test_scores_stay_in_scale_and_are_monotone(
    a: D, b: D, thresholds: list[D], descending: bool, policy: Policy
) -> None:
    if descending:
        thresholds = thresholds[::-1]
    low, high = sorted((a, b))
    s_low = score_thresholds(low, thresholds, policy).score
    s_high = score_thresholds(high, thresholds, policy).score
    for s in (s_low, s_high):
        assert 0 <= s <= policy.top
    if descending:
        assert s_low >= s_high
    else:
        assert s_low <= s_high


@given(st.decimals(min_value=1, max_value=5, places=4), _thresholds, st.booleans())
def test_whatif_inverts_score_within_rounding(
    score: D, thresholds: list[D], descending: bool
) -> None:
    if descending:
        thresholds = thresholds[::-1]
    needed = invert(score, thresholds, FIVE)
    assert needed is not None
    got = score_thresholds(needed, thresholds, FIVE).score
    assert abs(got - FIVE.round(score)) <= D("0.0001")

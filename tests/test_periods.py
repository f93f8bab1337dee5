"""Periods of the fiscal year: parsing, order, rounds up to a period, names."""

from __future__ import annotations

import re

import pytest

from cascade.periods import (
    PERIOD_PATTERN,
    Period,
    month_name,
    parse_period,
    period_in_name,
    rounds_up_to,
)


@pytest.mark.parametrize(
    ("text", "year", "month"),
    [
        ("2569", 2569, 12),
        ("2569-Q1", 2569, 3),
        ("2569-Q2", 2569, 6),
        ("2569-Q3", 2569, 9),
        ("2569-Q4", 2569, 12),
        ("2569-H1", 2569, 6),
        ("2569-H2", 2569, 12),
        ("2569-M01", 2569, 1),
        ("2570-M12", 2570, 12),
        (" 2569-Q2 ", 2569, 6),
    ],
)
def test_parse_period(text: str, year: int, month: int) -> None:
    assert parse_period(text) == Period(year, month, text.strip())


@pytest.mark.parametrize(
    "text", ["", "2569-Q5", "2569-H3", "2569-M00", "2569-M13", "2569-M6", "569-Q1", "2569Q1", "q"]
)
def test_not_a_period(text: str) -> None:
    assert parse_period(text) is None
    assert re.match(PERIOD_PATTERN, text) is None


def test_periods_order_by_year_round_then_label() -> None:
    texts = ["2570-Q1", "2569", "2569-Q2", "2569-H1", "2569-M01"]
    ordered = sorted(p for t in texts if (p := parse_period(t)) is not None)
    assert [p.label for p in ordered] == ["2569-M01", "2569-H1", "2569-Q2", "2569", "2570-Q1"]


def test_rounds_up_to_keeps_the_year_up_to_the_period_once_each() -> None:
    q2 = Period(2569, 6, "2569-Q2")
    written = ["2569-Q3", "2568-Q1", "2569-Q1", "2569-Q1", "2569-M02", "nonsense", "2569-H1"]
    assert [p.label for p in rounds_up_to(q2, written)] == [
        "2569-M02",
        "2569-Q1",
        "2569-H1",
        "2569-Q2",
    ]
    assert rounds_up_to(q2, []) == [q2]


def test_closes_by() -> None:
    q2 = Period(2569, 6, "2569-Q2")
    assert Period(2569, 6, "2569-H1").closes_by(q2)
    assert not Period(2569, 9, "2569-Q3").closes_by(q2)
    assert not Period(2568, 3, "2568-Q1").closes_by(q2)


@pytest.mark.parametrize(
    ("name", "period"),
    [
        ("2569-Q2-LAW", "2569-Q2"),
        ("LAW-2569-M06", "2569-M06"),
        ("2569", "2569"),
        ("actuals-2569-Q5", "2569"),
        ("12569-Q1", None),
        ("LAW", None),
    ],
)
def test_period_in_name(name: str, period: str | None) -> None:
    assert period_in_name(name) == period


def test_month_names_and_span() -> None:
    assert (month_name(1), month_name(12, "en"), month_name(4, "en")) == ("ต.ค.", "Sep", "Jan")
    assert Period(2569, 6, "2569-Q2").span() == "ต.ค. 2568 – มี.ค. 2569"
    assert Period(2569, 3, "2569-Q1").span("en") == "Oct 2568 – Dec 2568"

"""The strict readers: exact types, never truthiness (``"false"`` is not ``True``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from cascade.load import strict

GOOD: list[tuple[Callable[[object], object], object]] = [
    (strict.text, "x"),
    (strict.text, ""),
    (strict.flag, False),
    (strict.flag, True),
    (strict.count, 0),
    (strict.count, 2**64 - 1),
    (strict.items, []),
    (strict.table, {"a": 1}),
    (strict.texts, ["a", ""]),
    (strict.text_table, {"a": "b"}),
    (strict.plain, {"a": [None, "1", {"b": []}]}),
]

BAD: list[tuple[Callable[[object], object], object]] = [
    (strict.text, None),
    (strict.text, 1),
    (strict.text, ["x"]),
    (strict.flag, "false"),
    (strict.flag, 0),
    (strict.flag, 1),
    (strict.flag, None),
    (strict.count, True),
    (strict.count, 1.0),
    (strict.count, "1"),
    (strict.count, -1),
    (strict.count, 2**64),
    (strict.items, {}),
    (strict.items, "ab"),
    (strict.table, []),
    (strict.texts, "ab"),
    (strict.texts, ["a", 1]),
    (strict.texts, {"a": "b"}),
    (strict.text_table, {"a": None}),
    (strict.text_table, [["a", "b"]]),
    (strict.plain, {"a": [{"b": 1}]}),
    (strict.plain, [True]),
    (strict.plain, 1.5),
]


def _id(value: object) -> str:
    return value.__name__ if callable(value) else repr(value)


@pytest.mark.parametrize(("read", "value"), GOOD, ids=_id)
def test_right_types_come_back_as_they_are(read: Callable[[object], object], value: object) -> None:
    assert read(value) == value


@pytest.mark.parametrize(("read", "value"), BAD, ids=_id)
def test_wrong_types_are_damage(read: Callable[[object], object], value: object) -> None:
    with pytest.raises(strict.Damaged):
        read(value)


def test_count_range_and_length() -> None:
    assert strict.count(-5, low=strict.STAMP_LOW) == -5
    assert strict.items([1, 2], 2) == [1, 2]
    with pytest.raises(strict.Damaged, match="expected 3 items, got 2"):
        strict.items([1, 2], 3)
    with pytest.raises(strict.Damaged, match=r"7 is not in \[0, 6\]"):
        strict.count(7, high=6)

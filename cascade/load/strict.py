"""Strict reading of cascade's own JSON (cache entries, the snapshot): types, not truthiness.

A cache folder is data that may come from anywhere, so its JSON is checked
field by field before use: a string where a bool belongs (``"false"``, which
``bool()`` would turn into ``True``), a bool where an int belongs (``True`` is
an ``int`` to Python), a float, a dict for a list, a list of the wrong
length — every one is damage, raised as :class:`Damaged`, which the readers
turn into "no cache" (a cold run), never into a value.
"""

from __future__ import annotations

from typing import Any

STAMP_LOW = -(2**63)
"""The lowest value of a signed 64-bit field (an mtime before 1970 is negative)."""
STAMP_HIGH = 2**64 - 1
"""The highest value of an unsigned 64-bit field (sizes, inodes, nanosecond times)."""


class Damaged(ValueError):
    """A value of the wrong type or out of range in data cascade wrote itself."""


def text(value: object) -> str:
    """``value`` if it is a string."""
    if type(value) is not str:
        raise Damaged(f"expected a string, got {type(value).__name__}")
    return value


def flag(value: object) -> bool:
    """``value`` if it is a real bool (not ``0``/``1``, not ``"false"``)."""
    if type(value) is not bool:
        raise Damaged(f"expected a bool, got {type(value).__name__}")
    return value


def count(value: object, low: int = 0, high: int = STAMP_HIGH) -> int:
    """``value`` if it is an int (not a bool, not a float) with ``low <= value <= high``."""
    if type(value) is not int:
        raise Damaged(f"expected an int, got {type(value).__name__}")
    if not low <= value <= high:
        raise Damaged(f"{value} is not in [{low}, {high}]")
    return value


def items(value: object, length: int | None = None) -> list[Any]:
    """``value`` if it is a list (of exactly ``length`` items when given)."""
    if type(value) is not list:
        raise Damaged(f"expected a list, got {type(value).__name__}")
    if length is not None and len(value) != length:
        raise Damaged(f"expected {length} items, got {len(value)}")
    return value


def table(value: object) -> dict[str, Any]:
    """``value`` if it is a JSON object (a dict; JSON keys are always strings)."""
    if type(value) is not dict:
        raise Damaged(f"expected an object, got {type(value).__name__}")
    return value


def is_texts(value: object) -> bool:
    """Whether ``value`` is a list of strings (a check cheap enough for every row)."""
    return type(value) is list and all(type(item) is str for item in value)


def texts(value: object) -> list[str]:
    """``value`` if it is a list of strings."""
    if not is_texts(value):
        raise Damaged("expected a list of strings")
    return value  # type: ignore[return-value]


def text_table(value: object) -> dict[str, str]:
    """``value`` if it is an object whose values are strings."""
    return {key: text(item) for key, item in table(value).items()}


def plain(value: object) -> Any:
    """``value`` if it is what the YAML reader makes: dicts with string keys, lists,
    strings and ``None`` (never a number or a bool: every scalar stays text)."""
    stack = [value]
    pop, extend = stack.pop, stack.extend
    while stack:
        node = pop()
        kind = type(node)
        if kind is str or node is None:
            continue
        if kind is dict:
            extend(node.values())  # type: ignore[attr-defined]
        elif kind is list:
            extend(node)  # type: ignore[arg-type]
        else:
            raise Damaged(f"a document holds a {kind.__name__}")
    return value

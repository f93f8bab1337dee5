"""Exact numbers: the one range cascade accepts, and the arithmetic it runs in.

Every number a plan, an actuals file (YAML, CSV or workbook) or a
command-line option gives cascade is a ``decimal.Decimal`` that is

* written with the digits 0-9, an optional sign, point and exponent
  (``80``, ``-2.5``, ``1e3``); Thai (๐-๙), full-width and other digits are
  refused with the number rewritten in 0-9, so that a value means the same to
  cascade, to the JSON Schemas and to every other YAML tool;
* finite, with at most :data:`INTEGER_DIGITS` digits before the point (its
  size is below 10^18) and :data:`PLACES` digits after it;
* never ``-0``: minus zero is zero.

Anything else is refused where it is written: a plan error at its position,
a usage error for an option. Within that range :data:`ARITHMETIC` (60
significant digits) computes sums of up to 10^20 numbers and the product of
any two exactly (more digits is an error, never a rounded value); the value
of an expression that divides is rounded to 28 significant digits
(:data:`QUOTIENT`, Python's default), the only rounding before the scoring
policy's own.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow

INTEGER_DIGITS = 18
"""Digits before the point: every number is smaller than 10^18 in size."""

PLACES = 10
"""Digits after the point."""

ARITHMETIC = Context(prec=60, traps=[InvalidOperation, DivisionByZero, Overflow])
"""The context of weight expressions and formulas (see the module docstring)."""

QUOTIENT = Context(prec=28, traps=[InvalidOperation, DivisionByZero, Overflow])
"""The context of an expression that divides: 28 significant digits (Python's default)."""

RANGE = f"below 10^{INTEGER_DIGITS} in size, at most {PLACES} decimal places"
"""The range in plain words, for messages."""

_SYNTAX = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\Z", re.ASCII)
_LIMIT = Decimal(10) ** INTEGER_DIGITS
_QUANTUM = Decimal(1).scaleb(-PLACES)


class NumberError(ValueError):
    """A number outside the range, or not written as one."""


def parse(text: str) -> Decimal:
    """The exact value of ``text``, or :class:`NumberError` in plain words."""
    stripped = text.strip()
    if not _SYNTAX.match(stripped):
        ascii_form = _ascii_digits(stripped)
        if ascii_form != stripped and _SYNTAX.match(ascii_form):
            raise NumberError(f"'{_shown(text)}' is written with other digits; write {ascii_form}")
        raise NumberError(f"'{_shown(text)}' is not a number")
    if len(stripped) > 200:  # longer than any number in the range, however written
        raise NumberError(f"'{_shown(text)}' is beyond the numbers cascade accepts ({RANGE})")
    return check(Decimal(stripped), stripped)


def check(value: Decimal, written: str | None = None) -> Decimal:
    """``value`` itself (``-0`` made ``0``) when it is within the range;
    ``written`` is how the number was written, for the message."""
    if not value.is_finite():
        raise NumberError(f"'{value}' is not a finite number")
    if value.is_zero():
        return abs(value)
    places = -value.as_tuple().exponent  # type: ignore[operator]
    if value.adjusted() >= INTEGER_DIGITS or abs(value) >= _LIMIT:
        raise NumberError(f"'{_shown(written or value)}' is too large; numbers are {RANGE}")
    if places > PLACES and value != value.quantize(_QUANTUM, context=Context(prec=60)):
        shown = _shown(written or value)
        raise NumberError(f"'{shown}' has too many decimal places; numbers are {RANGE}")
    return value


def _ascii_digits(text: str) -> str:
    """``text`` with every decimal digit of any script as 0-9 (NFKC for full-width)."""
    folded = unicodedata.normalize("NFKC", text)
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in folded)


def _shown(value: object) -> str:
    """A number as shown in a message: at most 40 characters."""
    text = str(value)
    return text if len(text) <= 40 else f"{text[:20]}…{text[-10:]} ({len(text)} characters)"

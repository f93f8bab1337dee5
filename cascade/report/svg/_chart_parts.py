"""Pieces shared by the charts: the 0..top axis ticks, scaling, title and description."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from cascade.report.svg._svg import dec, text_block
from cascade.report.svg._text import LINE_HEIGHT, wrap

MARGIN, SIZE, TITLE_SIZE = 12.0, 12.0, 15.0
NO_SCORE = "ไม่มีคะแนน (no score)"


def ticks(top: Decimal) -> list[Decimal]:
    """0, a round step (1, 2, 2.5 or 5 × 10ⁿ, at most 6 steps) and ``top``."""
    if not top > 0:
        raise ValueError(f"axis top must be positive, got {top}")
    exp = top.adjusted()
    step = next(
        m.scaleb(k)
        for k in range(exp - 2, exp + 2)
        for m in (Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5))
        if top / m.scaleb(k) <= 6
    )
    out, v = [], Decimal(0)
    while v < top and (top - v) >= step * Decimal("0.4"):
        out.append(v)
        v += step
    return [*out, top]


def frac(value: Decimal, top: Decimal) -> float:
    """Where ``value`` sits on the axis 0..top, for drawing only.

    The score itself stays a ``Decimal`` (labels print it exactly); only the
    pixel geometry of the chart is float.
    """
    return float(min(max(value, Decimal(0)), top) / top)


def describe(items: Sequence[tuple[str, Decimal | None]], top: Decimal) -> str:
    parts = [f"{label}: {NO_SCORE if v is None else dec(v)}" for label, v in items]
    return f"0–{dec(top)}. " + "; ".join(parts)


def title_block(title: str, width: float) -> tuple[str, float]:
    """The wrapped title and the y where the chart below it starts."""
    lines = wrap(title, width - 2 * MARGIN, TITLE_SIZE, bold=True)
    block = text_block(lines, width / 2, MARGIN, TITLE_SIZE, bold=True)
    return block, MARGIN + len(lines) * TITLE_SIZE * LINE_HEIGHT + (8 if lines else 0)

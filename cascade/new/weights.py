"""Weights that sum to exactly 100: shares by points, rounded down, the last
KPI takes the remainder."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

HUNDRED = Decimal(100)
QUANTA = (Decimal(1), Decimal("0.5"), Decimal("0.1"), Decimal("0.01"))


def spread(points: Sequence[int], total: Decimal = HUNDRED) -> list[Decimal]:
    """``total`` shared in proportion to ``points``, as exact decimals.

    Every share but the last is rounded down, to whole numbers when that
    works: no share rounds to 0 and the last one, which takes what is left
    so that the sum is exactly ``total``, stays under twice its own share.
    Otherwise to halves, tenths, then hundredths.

    >>> [str(w) for w in spread([3, 2, 2, 1, 1])]
    ['33', '22', '22', '11', '12']
    """
    if not points:
        return []
    if any(p <= 0 for p in points):
        raise ValueError("points must be positive")
    whole = sum(points)
    exact = [total * p / whole for p in points]
    shares: list[Decimal] = []
    for quantum in QUANTA:
        shares = [(e / quantum).to_integral_value(ROUND_FLOOR) * quantum for e in exact[:-1]]
        last = total - sum(shares, Decimal(0))
        if all(share > 0 for share in shares) and last < 2 * exact[-1]:
            break
    return [*shares, total - sum(shares, Decimal(0))]

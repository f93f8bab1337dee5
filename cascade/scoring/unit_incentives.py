"""Incentives for units (SCORING.md section 3, for units): a pool in baht
shared among the units by the rating band of their agreement's percentage,
under the same bands and top-band quota as people's (``pay_bands``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from cascade.scoring.people_score import band_for, pay_bands
from cascade.scoring.policy import Policy
from cascade.scoring.scorecard import Scorecard, UnitAllocation

ZERO = Decimal(0)
SATANG = Decimal("0.01")
DEFAULT_SHARES: dict[str, Decimal] = {
    "outstanding": Decimal(3),
    "very-good": Decimal(2),
    "good": Decimal(1),
    "fair": ZERO,
    "improve": ZERO,
}
"""Shares per band when ``unit_incentives.shares`` is not given (SCORING.md)."""


def allocate_units(
    cards: Sequence[Scorecard], policy: Policy
) -> tuple[tuple[UnitAllocation, ...], Decimal | None]:
    """Share ``unit_incentives.pool`` among units with a score; never more than the pool.

    Each unit is rated by its agreement's percentage (the people's bands),
    the top-band quota applies as for people, and the pool is split in
    proportion to each unit's band shares, rounded down to the satang.
    ``((), None)`` when the plan sets no unit pool.
    """
    spec = policy.incentives_for_units
    if spec is None:
        return (), None
    rated = [
        replace(c, combined=c.percent, rating=band_for(c.percent, policy.bands))
        for c in cards
        if c.party_type == "unit" and c.percent is not None
    ]
    bands = pay_bands(rated, policy, spec.top_quota_percent)
    shares_of = spec.shares or DEFAULT_SHARES
    shares = {c.party: shares_of.get(bands[c.party], ZERO) for c in rated}
    total = sum(shares.values(), ZERO)
    out = []
    for card in sorted(rated, key=lambda c: c.party):
        part = shares[card.party]
        amount = (spec.pool * part / total).quantize(SATANG, ROUND_DOWN) if total > 0 else ZERO
        percent = card.percent if card.percent is not None else ZERO
        out.append(UnitAllocation(card.party, bands[card.party], percent, part, amount))
    return tuple(out), spec.pool

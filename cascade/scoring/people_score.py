"""Section 3 of SCORING.md: a person's combined percentage, rating band and
share of the incentive pool."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from decimal import ROUND_DOWN, Decimal

from cascade.model.plan import PlanModel
from cascade.scoring.policy import Band, Policy
from cascade.scoring.scorecard import Allocation, Scorecard
from cascade.spec.actuals import PersonComponents

ZERO = Decimal(0)
HUNDRED = Decimal(100)
ACHIEVEMENT = "achievement"
DEFAULT_RANGES: dict[str, list[Decimal]] = {
    band: [Decimal(low), Decimal(high)]
    for band, (low, high) in {
        "outstanding": (4, 6),
        "very-good": (3, 4),
        "good": (2, 3),
        "fair": (0, 2),
        "improve": (0, 0),
    }.items()
}
"""Percent of salary per band when the plan gives no ``incentives.ranges`` (SCORING.md)."""


def band_for(percent: Decimal, bands: Sequence[Band]) -> Band:
    """The first band (highest first) whose inclusive lower bound ``percent`` reaches."""
    for band in bands:
        if percent >= band.min:
            return band
    return bands[-1]


def _component(row: PersonComponents, name: str) -> Decimal | None:
    value = getattr(row, name, None)
    if value is None and row.model_extra:
        value = row.model_extra.get(name)
    return Decimal(str(value)) if value is not None else None


def rate_person(card: Scorecard, row: PersonComponents | None, policy: Policy) -> Scorecard:
    """Add components, the combined percentage and the rating to a person's card."""
    if card.percent is None:
        return card
    others = {k: w for k, w in policy.components.items() if k != ACHIEVEMENT}
    values = {k: _component(row, k) for k in others} if row is not None else {}
    if not others or (row is not None and all(v is not None for v in values.values())):
        parts = [(ACHIEVEMENT, card.percent)] + [(k, v) for k, v in values.items() if v is not None]
        weights = {ACHIEVEMENT: policy.components.get(ACHIEVEMENT, HUNDRED), **others}
        combined = policy.round(sum((v * weights[k] / HUNDRED for k, v in parts), ZERO))
        notes = card.notes
    else:
        parts = [(ACHIEVEMENT, card.percent)]
        combined = card.percent
        missing = ", ".join(k for k in others if values.get(k) is None)
        notes = (*card.notes, f"rated on achievement alone: no {missing} for {card.party}")
    return replace(
        card,
        components=tuple(parts),
        combined=combined,
        rating=band_for(combined, policy.bands),
        notes=notes,
    )


def pay_bands(
    rated: Sequence[Scorecard], policy: Policy, quota: Decimal | None = None
) -> dict[str, str]:
    """Each rated party's band for pay, after the optional top-band quota.

    With a quota (``quota``, else ``incentives.top_quota_percent``) only that
    share of the rated parties (rounded down) keep the top band for pay, best
    combined percentage first (ties by id); the rest are paid as the next
    band.  The published rating is unchanged.  Units use it with their own
    quota (``unit_incentives.top_quota_percent``).
    """
    bands = {c.party: c.rating.id for c in rated if c.rating is not None}
    if quota is None and policy.incentives:
        quota = policy.incentives.top_quota_percent
    if quota is None or len(policy.bands) < 2:
        return bands
    top, second = policy.bands[0].id, policy.bands[1].id
    allowed = int(len(rated) * quota / HUNDRED)
    tops = sorted(
        (c for c in rated if bands.get(c.party) == top),
        key=lambda c: (-(c.combined or ZERO), c.party),
    )
    for card in tops[allowed:]:
        bands[card.party] = second
    return bands


def allocate(
    cards: Sequence[Scorecard], model: PlanModel, policy: Policy
) -> tuple[tuple[Allocation, ...], Decimal, tuple[str, ...]]:
    """Share the salary-increase pool by rating band; never more than the pool.

    Everyone first gets the bottom of their band's range; what is left of the
    pool is shared in proportion to each person's headroom up to the top of
    the range.  Amounts are baht a month, rounded down to the satang.
    People without a salary are left out and listed.
    """
    incentives = policy.incentives
    ranges = incentives.ranges if incentives and incentives.ranges else DEFAULT_RANGES
    pool_percent = incentives.pool_percent if incentives else Decimal(3)
    rated = [c for c in cards if c.party_type == "person" and c.rating is not None]
    paid = [(c, model.people[c.party].salary) for c in rated if c.party in model.people]
    left_out = tuple(c.party for c, salary in paid if salary is None)
    eligible = [(c, s) for c, s in paid if s is not None]
    pool = (sum((s for _, s in eligible), ZERO) * pool_percent / HUNDRED).quantize(
        Decimal("0.01"), rounding=ROUND_DOWN
    )

    pay_band = pay_bands(rated, policy)

    def bounds(card: Scorecard) -> tuple[Decimal, Decimal]:
        low_high = ranges.get(pay_band[card.party], [ZERO, ZERO])
        return (low_high[0], low_high[-1]) if low_high else (ZERO, ZERO)

    base = sum((s * bounds(c)[0] / HUNDRED for c, s in eligible), ZERO)
    room = sum((s * (bounds(c)[1] - bounds(c)[0]) / HUNDRED for c, s in eligible), ZERO)
    scale_base = min(Decimal(1), pool / base) if base > 0 else Decimal(1)
    spare = max(ZERO, pool - base)
    share = min(Decimal(1), spare / room) if room > 0 else ZERO
    out: list[Allocation] = []
    for card, salary in eligible:
        low, high = bounds(card)
        pct = low * scale_base + (high - low) * share
        amount = (salary * pct / HUNDRED).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
        out.append(Allocation(card.party, pay_band[card.party], salary, policy.round(pct), amount))
    return tuple(out), pool, left_out

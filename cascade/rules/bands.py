"""The rating bands the incentive policy names: every band named is one of the plan's."""

from __future__ import annotations

from collections.abc import Iterator

from cascade.diagnostics import Finding, Level, did_you_mean
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import SHARED
from cascade.spec.plan import DEFAULT_BAND_IDS


@rule("PLN004", "unknown-rating-band", Level.ERROR, reads=(SHARED,))
def unknown_rating_band(ctx: Context) -> Iterator[Finding]:
    """The bands that ``incentives: ranges:`` and ``unit_incentives: shares:``
    name are the plan's rating bands (``scoring: ratings:``, or the default
    ``outstanding``, ``very-good``, ``good``, ``fair``, ``improve``).  A band
    misspelt would silently pay its people or units nothing.

    Fails::

        scoring:
          unit_incentives: {pool: 500000, shares: {outstnding: 3, very-good: 2}}

    Passes::

        scoring:
          unit_incentives: {pool: 500000, shares: {outstanding: 3, very-good: 2}}
    """
    if ctx.model.plan is None:
        return
    scoring = ctx.model.plan.scoring
    known = [b.id for b in scoring.ratings] if scoring.ratings else list(DEFAULT_BAND_IDS)
    named = []
    if scoring.incentives is not None:
        named += [("incentives", "ranges", band) for band in scoring.incentives.ranges]
    if scoring.unit_incentives is not None:
        named += [("unit_incentives", "shares", band) for band in scoring.unit_incentives.shares]
    for section, field, band in named:
        if band not in known:
            yield finding(
                ctx.model.plan_where.at("scoring", section, field, band),
                f"'{band}' is not a rating band of this plan ({', '.join(known)})",
                at_key=True,
                hint=did_you_mean(band, known),
            )

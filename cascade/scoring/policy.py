"""The scoring policy of a plan, resolved once: scale, rounding, ratings.

Every choice SCORING.md leaves to an agency is read from ``cascade.yaml``
(``scoring:``) here, with the documented defaults.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation

from cascade.spec.common import Bilingual
from cascade.spec.plan import (
    DEFAULT_BAND_IDS,
    Incentives,
    Scale,
    ScoringPolicy,
    UnitIncentives,
)

BUILTIN_SCALES: dict[str, tuple[Decimal, ...]] = {
    "five-level": tuple(Decimal(s) for s in (1, 2, 3, 4, 5)),
    "opdc-2563": tuple(Decimal(s) for s in (50, 70, 100)),
}


_QUANTUM = tuple(Decimal(1).scaleb(-places) for places in range(11))
"""``Decimal('1e-4')`` for 4 decimals, made once (``decimals`` is 0 to 10)."""


@dataclass(frozen=True, slots=True)
class Band:
    """A rating band: inclusive lower bound in percent."""

    id: str
    min: Decimal
    name: str | Bilingual


DEFAULT_BANDS: tuple[Band, ...] = tuple(
    Band(band_id, Decimal(lowest), name)
    for band_id, lowest, name in zip(
        DEFAULT_BAND_IDS,
        (90, 80, 70, 60, 0),
        (
            Bilingual(th="ดีเด่น", en="outstanding"),
            Bilingual(th="ดีมาก", en="very good"),
            Bilingual(th="ดี", en="good"),
            Bilingual(th="พอใช้", en="fair"),
            Bilingual(th="ต้องปรับปรุง", en="needs improvement"),
        ),
        strict=True,
    )
)


@dataclass(frozen=True, slots=True)
class Policy:
    """Scoring policy with defaults applied (SCORING.md section 6)."""

    scores: tuple[Decimal, ...] = BUILTIN_SCALES["five-level"]
    below_first: str = "0"
    milestone_fractions: bool = True
    not_applicable: str = "redistribute"
    decimals: int = 4
    rounding: str = ROUND_HALF_UP
    components: dict[str, Decimal] = field(
        default_factory=lambda: {"achievement": Decimal(70), "competency": Decimal(30)}
    )
    bands: tuple[Band, ...] = DEFAULT_BANDS
    incentives: Incentives | None = None
    incentives_for_units: UnitIncentives | None = None

    @property
    def top(self) -> Decimal:
        """The top score of the scale (5, or 100)."""
        return self.scores[-1]

    @property
    def levels(self) -> int:
        return len(self.scores)

    def round(self, value: Decimal) -> Decimal:
        """The one rounding rule: ``decimals`` places, half-up unless the plan says half-even.

        Any finite value rounds: one too long for the default 28 digits (a
        result of 1e30) is quantized with the precision it needs. A value that
        rounds to zero is 0, never -0 (-0.00001 prints as 0.0000).
        """
        quantum = _QUANTUM[self.decimals]
        try:
            rounded = value.quantize(quantum, rounding=self.rounding)
        except InvalidOperation:
            wide = Context(prec=max(value.adjusted(), 0) + self.decimals + 2)
            rounded = value.quantize(quantum, rounding=self.rounding, context=wide)
        return rounded.copy_abs() if rounded.is_zero() else rounded


def resolve(spec: ScoringPolicy | None) -> Policy:
    """The policy for ``spec`` (a plan's ``scoring:``), defaults for ``None``."""
    if spec is None:
        return Policy()
    scale = spec.scale
    scores = tuple(scale.scores) if isinstance(scale, Scale) else BUILTIN_SCALES[scale]
    bands = (
        tuple(Band(b.id, b.min, b.name or b.id) for b in spec.ratings)
        if spec.ratings
        else DEFAULT_BANDS
    )
    return Policy(
        scores=scores,
        below_first=spec.below_first,
        milestone_fractions=spec.milestone_fractions,
        not_applicable=spec.not_applicable,
        decimals=spec.decimals,
        rounding=ROUND_HALF_EVEN if spec.rounding == "half-even" else ROUND_HALF_UP,
        components=dict(spec.components),
        bands=tuple(sorted(bands, key=lambda b: b.min, reverse=True)),
        incentives=spec.incentives,
        incentives_for_units=spec.unit_incentives,
    )

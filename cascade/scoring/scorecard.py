"""What scoring produces: plain frozen records, ready for reporters."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from cascade.scoring.policy import Band


@dataclass(slots=True)
class KpiLine:
    """One KPI of a scorecard (read-only by convention: not frozen, because a
    large round makes one per KPI and frozen dataclasses are slow to build)."""

    qid: str
    name: str
    dimension: str | None
    status: str  # reported | n/a | not reported | inherited | error
    weight: Decimal
    effective_weight: Decimal  # after n/a redistribution or transfer (exact)
    result: Decimal | None
    score: Decimal | None
    weighted: Decimal | None
    steps: tuple[str, ...] = ()
    at_risk: bool = False
    round_target: Decimal | None = None
    forecast: Decimal | None = None
    forecast_score: Decimal | None = None
    remark: str = ""
    """The result's explanation (``remark`` in the actuals row), in the plan's first language."""


@dataclass(frozen=True, slots=True)
class Scorecard:
    """An agreement's scores for a period."""

    party: str
    party_type: str
    name: str
    period: str
    lines: tuple[KpiLine, ...]
    total_weight: Decimal
    score: Decimal | None
    percent: Decimal | None
    top: Decimal
    dimensions: tuple[tuple[str, Decimal], ...] = ()
    components: tuple[tuple[str, Decimal], ...] = ()
    combined: Decimal | None = None
    rating: Band | None = None
    notes: tuple[str, ...] = ()
    signed: bool = True


@dataclass(frozen=True, slots=True)
class RollupLine:
    """An organisation KPI with the KPIs that trace to it."""

    qid: str
    name: str
    owner: str | None
    supporters: tuple[str, ...]
    score: Decimal | None
    contributions: tuple[tuple[str, str, Decimal | None], ...]  # (qid, role O/S/-, score)


@dataclass(frozen=True, slots=True)
class Allocation:
    """A person's share of the incentive pool."""

    person: str
    band: str
    salary: Decimal
    percent: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True)
class UnitAllocation:
    """A unit's share of the unit incentive pool."""

    unit: str
    band: str
    percent: Decimal  # the agreement's score in percent
    shares: Decimal
    amount: Decimal


@dataclass(frozen=True, slots=True)
class ScoreRun:
    """Every scorecard of a period, the roll-ups and (optionally) incentives."""

    period: str
    scorecards: tuple[Scorecard, ...]
    rollup: tuple[RollupLine, ...] = ()
    allocations: tuple[Allocation, ...] = ()
    pool: Decimal | None = None
    left_out: tuple[str, ...] = field(default=())
    unit_allocations: tuple[UnitAllocation, ...] = ()
    unit_pool: Decimal | None = None

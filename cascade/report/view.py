"""The report's view model: plain, immutable records built for one language.

Templates see only these: strings, numbers (``Decimal``/``int``), dates,
tuples and the records below, never a model or spec object.  That keeps a
user template in the sandbox away from cascade's internals, and makes every
page a pure function of its record.  Links between pages are :class:`Ref`
values (page stem + anchor); the ``href`` filter adds ``.html`` or ``.md``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from markupsafe import Markup

from cascade.report.svg._goal import MapGoal

Number = Decimal | None


@dataclass(frozen=True, slots=True)
class Ref:
    """Something with a page: a party or a KPI (``page`` empty: no page)."""

    id: str
    qid: str
    name: str
    page: str = ""
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Party:
    """A party: organisation, unit or person."""

    ref: Ref
    type: str
    type_label: str
    depth: int = 0
    position: str = ""
    unit: str = ""
    has_agreement: bool = False
    unit_id: str = ""
    signed: bool = False


@dataclass(frozen=True, slots=True)
class GoalRef:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Goal:
    """A goal of an agreement and the organisation goals it supports."""

    id: str
    name: str
    supports: tuple[GoalRef, ...] = ()
    additional: bool = False


@dataclass(frozen=True, slots=True)
class Level:
    """One level of the criteria: a threshold value or a milestone step."""

    level: int
    value: Number = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class Criteria:
    kind: str  # thresholds | milestones | "" (none)
    levels: tuple[Level, ...] = ()
    descending: bool = False


@dataclass(frozen=True, slots=True)
class Contact:
    name: str
    position: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True, slots=True)
class TraceStep:
    """A KPI on the way up to the organisation, and how the one below links to it."""

    ref: Ref
    party: str
    relation: str
    relation_label: str


@dataclass(frozen=True, slots=True)
class TreeNode:
    """A KPI in a cascade tree with the KPIs that cascade from it."""

    ref: Ref
    party: str
    kind: str
    kind_label: str
    relation_label: str
    weight: Number
    children: tuple[TreeNode, ...] = ()
    below: int = 0
    """KPIs further down that ``children`` leaves out (a KPI card lists one level)."""


@dataclass(frozen=True, slots=True)
class KpiRow:
    """A KPI line of an agreement's table."""

    ref: Ref
    kind: str
    kind_label: str
    weight: Number
    unit: str
    target: Number
    criteria: Criteria


@dataclass(frozen=True, slots=True)
class DimensionGroup:
    """The KPIs of one dimension; ``expected`` is the framework's weight, if any."""

    id: str
    name: str
    weight: Decimal
    expected: Number
    rows: tuple[KpiRow, ...]


@dataclass(frozen=True, slots=True)
class KpiCard:
    """Everything of one KPI's template (รายละเอียดตัวชี้วัด) and its trace."""

    ref: Ref
    party: Ref
    dimension: str
    kind: str
    kind_label: str
    unit: str
    weight: Number
    target: Number
    definition: str
    formula: str
    criteria: Criteria
    baseline: tuple[tuple[int, Decimal], ...]
    round_targets: tuple[tuple[str, Decimal], ...]
    data_source: str
    collection_method: str
    overseer: Contact | None
    collector: Contact | None
    remark: str
    goal: GoalRef | None
    inherits: Ref | None
    up: tuple[tuple[TraceStep, ...], ...]
    down: tuple[TreeNode, ...]
    evidence: str = ""
    """What its results must attach (its ``evidence`` list, or "required"), else empty."""


@dataclass(frozen=True, slots=True)
class Signature:
    """A signature block; empty name and position leave lines to fill in."""

    role: str
    role_label: str
    name: str = ""
    position: str = ""
    signed_on: date | None = None
    acknowledged_on: date | None = None


@dataclass(frozen=True, slots=True)
class ScoreLine:
    ref: Ref
    dimension: str
    status: str
    status_label: str
    weight: Decimal
    effective_weight: Decimal
    result: Number
    score: Number
    weighted: Number
    at_risk: bool
    round_target: Number
    evidence: str
    remark: str
    forecast: Number = None
    """The year-end result the rounds so far point to (linear trend), and its score."""
    forecast_score: Number = None
    rounds: tuple[tuple[int, Number], ...] = ()
    """The KPI's score in each round so far: (months since October, score)."""


@dataclass(frozen=True, slots=True)
class ScorecardView:
    """An agreement's scores for the period, with its charts."""

    period: str
    lines: tuple[ScoreLine, ...]
    total_weight: Decimal
    score: Number
    percent: Number
    top: Decimal
    dimensions: tuple[tuple[str, Decimal], ...]
    components: tuple[tuple[str, Decimal], ...]
    combined: Number
    rating: str
    notes: tuple[str, ...]
    trend: tuple[tuple[str, Number], ...]
    bar_svg: Markup
    trend_svg: Markup


@dataclass(frozen=True, slots=True)
class GoalMap:
    """A party's own strategy map (its goals with a perspective): SVG and Mermaid
    source, and what the PDF draws it from (the lanes it uses, the issues named,
    the goals)."""

    svg: Markup
    mermaid: Markup
    perspectives: tuple[tuple[str, str], ...] = ()
    issues: tuple[tuple[str, str], ...] = ()
    goals: tuple[MapGoal, ...] = ()


@dataclass(frozen=True, slots=True)
class AgreementView:
    """One party's agreement page: the signed form, KPI cards and scorecard."""

    party: Party
    title: str
    fiscal_year: int
    fy_start: date
    fy_end: date
    framework: str
    parent: Ref | None
    evaluator: Signature
    evaluatee: Signature
    witnesses: tuple[Signature, ...]
    goals: tuple[Goal, ...]
    dimensions: tuple[DimensionGroup, ...]
    total_weight: Decimal
    weights_ok: bool
    cards: tuple[KpiCard, ...]
    scorecard: ScorecardView | None = None
    levels: tuple[int, ...] = (1, 2, 3, 4, 5)
    """The levels of the plan's scale (three on ``opdc-2563``): the criteria columns."""
    signed: bool = False
    goal_map: GoalMap | None = None
    """The party's own strategy map, when any of its goals names a perspective."""

"""The site-wide records: strategy map, OS matrix, cascade tree, jobs, period,
and :class:`SiteView`, the one value every page is rendered from (with the
navigation and the parts built for registered pages, see
:mod:`cascade.report.registry`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from markupsafe import Markup

from cascade.report.view import (
    AgreementView,
    GoalRef,
    Number,
    Party,
    Ref,
    ScorecardView,
    TreeNode,
)


@dataclass(frozen=True, slots=True)
class MapGoal:
    """An organisation goal on the strategy map, with what measures and supports it."""

    id: str
    name: str
    issues: tuple[GoalRef, ...]
    drives: tuple[GoalRef, ...]
    kpis: tuple[Ref, ...]
    supported_by: tuple[tuple[Ref, str], ...]  # (unit party, unit goal name)


@dataclass(frozen=True, slots=True)
class Lane:
    """A perspective of the strategy map and its goals."""

    id: str
    name: str
    goals: tuple[MapGoal, ...]


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    name: str
    strategy: str
    owner: Ref | None
    budget: Number


@dataclass(frozen=True, slots=True)
class StrategyView:
    lanes: tuple[Lane, ...]
    issues: tuple[GoalRef, ...]
    strategies: tuple[tuple[GoalRef, tuple[GoalRef, ...]], ...]
    projects: tuple[Project, ...]
    svg: Markup
    mermaid: Markup
    budget_by_strategy: tuple[tuple[GoalRef, Decimal], ...] = ()
    """Total budget of the projects of each strategy (those with projects)."""
    budget_by_issue: tuple[tuple[GoalRef, Decimal], ...] = ()
    """Total budget of the projects serving each strategic issue (each project once)."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One organisation KPI × unit cell: role O/S/"" and whether it is a gap."""

    role: str
    carries: bool
    gap: bool


@dataclass(frozen=True, slots=True)
class MatrixRow:
    kpi: Ref
    owner: Ref | None
    cells: tuple[Cell, ...]
    gaps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MatrixView:
    columns: tuple[Ref, ...]
    rows: tuple[MatrixRow, ...]
    gaps: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Untraced:
    """A party's KPIs that trace to no organisation KPI."""

    party: Ref
    kpis: tuple[tuple[Ref, str], ...]  # (KPI, kind label)


@dataclass(frozen=True, slots=True)
class TreeView:
    roots: tuple[TreeNode, ...]
    untraced: tuple[Untraced, ...]


@dataclass(frozen=True, slots=True)
class Family:
    id: str
    name: str
    group: str
    counts: tuple[int | None, ...]  # aligned with JobsView.units
    total: int


@dataclass(frozen=True, slots=True)
class Responsibility:
    id: str
    text: str
    activities: tuple[str, ...]
    results: tuple[str, ...]
    kpis: tuple[Ref, ...]


@dataclass(frozen=True, slots=True)
class Job:
    """A job description (one position) and who holds it."""

    position: str
    anchor: str
    admin_title: str
    line_title: str
    family: str
    unit: str
    group: str
    level: str
    supervisor: str
    holder: Ref | None
    purpose: str
    responsibilities: tuple[Responsibility, ...]


@dataclass(frozen=True, slots=True)
class JobsView:
    units: tuple[Ref, ...]
    families: tuple[Family, ...]
    jobs: tuple[Job, ...]


@dataclass(frozen=True, slots=True)
class ScoreSummary:
    party: Ref
    type_label: str
    score: Number
    top: Decimal
    percent: Number
    rating: str


@dataclass(frozen=True, slots=True)
class PeriodView:
    label: str
    span: str
    round_label: str
    rounds: tuple[str, ...]
    summary: tuple[ScoreSummary, ...]


@dataclass(frozen=True, slots=True)
class Progress:
    """A line of the reporting-progress page: a party with a scorecard (``--period``)."""

    party: Party
    scorecard: ScorecardView


@dataclass(frozen=True, slots=True)
class SiteView:
    """Everything the report shows, for one language.

    ``nav`` links the pages of the navigation (a :class:`Ref` per page, its
    ``name`` the label); ``parts`` holds what a registered page's ``build``
    function made, as ``(slug, part)`` pairs (a template sees its page's as ``part``).
    """

    lang: str
    name: str
    organisation: Ref
    fiscal_year: int
    fy_start: date
    fy_end: date
    vision: str
    mission: tuple[str, ...]
    parties: tuple[Party, ...]
    without_agreement: tuple[Party, ...]
    agreements: tuple[AgreementView, ...]
    strategy: StrategyView
    matrix: MatrixView
    tree: TreeView
    jobs: JobsView
    period: PeriodView | None
    stamp: str = ""
    nav: tuple[Ref, ...] = ()
    parts: tuple[tuple[str, object], ...] = ()
    sector: str = "public"
    """``public`` or ``business``: whose words the labels use (:func:`labels.sector_of`)."""
    progress: tuple[Progress, ...] = ()
    """The agreements with a scorecard, in order (the progress page reads only these:
    without ``--period`` it reads nothing of the agreements)."""

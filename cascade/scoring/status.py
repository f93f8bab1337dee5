"""Where a round stands between signing and scoring (``cascade status``):
per agreement and KPI, whether its result is reported, missing or late
(missing after the round's due date), at risk, or without the evidence its
policy requires (the KPI's own ``evidence``, else ``policy.evidence_required``),
and who collects it.

Due dates come from ``rounds:`` in ``cascade.yaml`` (``due`` by round month for
the plan's fiscal year, else ``due_after_days`` after the round's last month, 30 by default).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from cascade.model.plan import Kpi, PlanModel
from cascade.periods import Period, default_due, parse_be_date
from cascade.scoring.explanations import at_risk
from cascade.scoring.inputs import find_row, gather
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.spec.common import text_of

OPEN = ("missing", "late")
"""States that mean a collector still owes a result."""


@dataclass(frozen=True, slots=True)
class StatusLine:
    """One KPI of one agreement in a round."""

    party: str
    kpi: str
    name: str
    state: str  # reported | n/a | missing | late
    at_risk: bool
    no_evidence: bool
    collector: str
    contact: str  # phone and e-mail, as written
    evidence_asked: str = ""
    """What counts as evidence, when the KPI lists it (``; ``-joined, the plan's first language)."""


@dataclass(frozen=True, slots=True)
class RoundStatus:
    """Every KPI of a round, the due date and the day it was looked at."""

    period: str
    due: date
    as_of: date
    lines: tuple[StatusLine, ...]

    @property
    def overdue(self) -> bool:
        """Whether any result is missing or late (``--exit-code`` exits 1)."""
        return any(line.state in OPEN for line in self.lines)

    def parties(self) -> Iterator[tuple[str, tuple[StatusLine, ...]]]:
        """The lines grouped by party, in the plan's order."""
        seen: dict[str, list[StatusLine]] = {}
        for line in self.lines:
            seen.setdefault(line.party, []).append(line)
        for party, lines in seen.items():
            yield party, tuple(lines)


def due_date(model: PlanModel, period: Period) -> date:
    """When ``period``'s results are due: ``rounds.due`` for its month (dates of the
    plan's own fiscal year, so only for its rounds), else ``rounds.due_after_days``
    (30) after its last month."""
    rounds = model.plan.rounds if model.plan else None
    if rounds is None:
        return default_due(period)
    own_year = model.plan is not None and model.plan.fiscal_year == period.year
    written = rounds.due.get(period.month) if own_year else None
    day = parse_be_date(written) if written else None
    return day or default_due(period, rounds.due_after_days)


def _contact(kpi: Kpi) -> tuple[str, str]:
    person = kpi.collector or kpi.overseer
    if person is None:
        return "", ""
    return text_of(person.name), " ".join(p for p in (person.phone, person.email) if p)


def round_status(model: PlanModel, period: Period, as_of: date) -> RoundStatus:
    """The status of every agreement's KPIs in ``period`` on ``as_of``."""
    run, _ = score_plan(model, ScoreOptions(period))
    inputs = gather(model, period)
    by_policy = bool(model.plan and model.plan.policy.evidence_required)
    due = due_date(model, period)
    lines: list[StatusLine] = []
    for card in run.scorecards:
        for line in card.lines:
            kpi = model.kpis[line.qid]
            row, inherited = find_row(kpi, inputs.rows)
            if row is None:
                state = "late" if as_of > due else "missing"
            else:
                state = "n/a" if row.result.status == "n/a" else "reported"
            no_evidence = (
                kpi.needs_evidence(by_policy)
                and state == "reported"
                and not inherited
                and row is not None
                and not row.result.evidence
            )
            collector, contact = _contact(kpi)
            lines.append(
                StatusLine(
                    card.party,
                    line.qid,
                    line.name,
                    state,
                    at_risk(kpi, line),
                    no_evidence,
                    collector,
                    contact,
                    "; ".join(text_of(what) for what in kpi.evidence_asked),
                )
            )
    return RoundStatus(period.label, due, as_of, tuple(lines))

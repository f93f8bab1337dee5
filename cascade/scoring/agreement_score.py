"""Sections 2 and 4 of SCORING.md: an agreement's weighted score for a period.

For each KPI: its row (or an ``identical`` KPI's parent's), its result, its
score; then n/a weights redistributed or transferred, weighted scores over
the agreement's total weight, the agreement score, its percentage and the
dimension subtotals; at-risk flags against ``round_targets`` and a
year-end forecast by linear trend.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, Overflow, localcontext

from cascade.checks.commands import NOT_REPORTED, UNSCORABLE
from cascade.diagnostics import Finding
from cascade.model.frameworks import dimension_totals
from cascade.model.plan import Agreement, Kpi, PlanModel
from cascade.scoring.explanations import missing_explanation, required_explanation, worse_than
from cascade.scoring.inputs import Inputs, Row, find_row, result_value
from cascade.scoring.kpi_score import Scored, score_milestones, score_thresholds
from cascade.scoring.policy import Policy
from cascade.scoring.scorecard import KpiLine, Scorecard
from cascade.spec.agreement import Criteria
from cascade.spec.common import text_of

ZERO = Decimal(0)
_SUMS_PRECISION = 100
"""Digits for the forecast's sums: exact for any result a score sheet holds."""


@dataclass(slots=True)
class _Line:
    kpi: Kpi
    status: str
    result: Decimal | None = None
    scored: Scored | None = None
    row: Row | None = None


def score_result(x: Decimal, criteria: Criteria, policy: Policy, explain: bool = True) -> Scored:
    """Score a result (a value, or a milestone level) against a KPI's criteria."""
    if criteria.milestones is not None:
        return score_milestones(x, policy, explain)
    return score_thresholds(x, criteria.thresholds or (), policy, explain)


def _contact(kpi: Kpi) -> str:
    person = kpi.collector or kpi.overseer
    if person is None:
        return "no collector or overseer is named for it"
    role = "its collector" if kpi.collector else "its overseer"
    phone = f" ({person.phone})" if person.phone else ""
    return f"ask {role} {text_of(person.name)}{phone}"


def _line(kpi: Kpi, inputs: Inputs, policy: Policy, explain: bool) -> tuple[_Line, list[Finding]]:
    row, inherited = find_row(kpi, inputs.rows)
    if row is None:
        where = kpi.where.at("id")
        message = (
            f"{kpi.qid} has no result for {inputs.period.label}; it scores 0 ({_contact(kpi)})"
        )
        finding = Finding(message, where.file, where.doc, NOT_REPORTED.code, where.path)
        return _Line(kpi, "not reported", scored=Scored(ZERO, policy.round(ZERO))), [finding]
    if row.result.status == "n/a":
        return _Line(kpi, "n/a", row=row), []
    x, problem = result_value(kpi, row.result)
    criteria = kpi.criteria
    if x is None or criteria is None:
        where = row.where
        finding = Finding(problem, where.file, where.doc, UNSCORABLE.code, where.path)
        return _Line(kpi, "error", row=row, scored=Scored(ZERO, policy.round(ZERO))), [finding]
    status = "inherited" if inherited else "reported"
    scored = score_result(x, criteria, policy, explain)
    if not explain:
        return _Line(kpi, "inherited" if inherited else "reported", x, scored, row), []
    if row.result.value is None and row.result.values and kpi.formula:
        given = ", ".join(f"{k} = {v}" for k, v in row.result.values.items())
        scored = Scored(scored.exact, scored.score, (f"{kpi.formula} with {given}", *scored.steps))
    if inherited:
        note = f"no row of its own: takes {row.result.kpi}'s result (identical KPI)"
        scored = Scored(scored.exact, scored.score, (note, *scored.steps))
    return _Line(kpi, status, x, scored, row), []


def _effective_weights(
    agreement: Agreement, lines: list[_Line], policy: Policy
) -> tuple[dict[str, Decimal], Decimal]:
    """Weights after n/a handling, and the weight left to divide by."""
    weights = {ln.kpi.qid: ln.kpi.weight or ZERO for ln in lines}
    total = sum(weights.values(), ZERO)
    na = {ln.kpi.id for ln in lines if ln.status == "n/a"}
    slots = {s.id: s for s in agreement.framework.slots} if agreement.framework else {}
    pooled = ZERO
    for ln in lines:
        if ln.status != "n/a":
            continue
        weight = weights[ln.kpi.qid]
        weights[ln.kpi.qid] = ZERO
        slot = slots.get(ln.kpi.id)
        target = slot.transfer_to if slot is not None else None
        receiver = agreement.kpi(target) if target else None
        if policy.not_applicable == "transfer" and receiver is not None and target not in na:
            weights[receiver.qid] += weight
        else:
            pooled += weight
    return weights, total - pooled


def _at_risk(kpi: Kpi, x: Decimal | None, month: int) -> tuple[bool, Decimal | None]:
    target = kpi.round_targets.get(month)
    if target is None or x is None:
        return False, target
    return worse_than(kpi, x, target), target


def _forecast(kpi: Kpi, inputs: Inputs) -> Decimal | None:
    """Year-end value by least-squares linear trend over this year's rounds."""
    rounds = inputs.history.get(kpi.qid)
    if inputs.period.month >= 12 or rounds is None or len(rounds) < 2:
        return None
    points: list[tuple[Decimal, Decimal]] = []
    for month, row in sorted(rounds.items()):
        if row.result.status == "n/a":
            continue
        x, _ = result_value(kpi, row.result)
        if x is not None:
            points.append((Decimal(month), x))
    if len(points) < 2:
        return None
    # Exact sums, then one division: a trend that ends in a 5 at the rounding
    # place stays a 5 (means and slope divided separately came out a hair short).
    try:
        with localcontext() as exact:
            exact.prec = _SUMS_PRECISION
            n = Decimal(len(points))
            sum_m = sum((m for m, _ in points), ZERO)
            sum_x = sum((x for _, x in points), ZERO)
            spread = n * sum((m * m for m, _ in points), ZERO) - sum_m * sum_m
            tilt = n * sum((m * x for m, x in points), ZERO) - sum_m * sum_x
            top = sum_x * spread + tilt * (12 * n - sum_m)
            bottom = n * spread
            # divided at the same precision: a quotient cut at the caller's 28 digits
            # was rounded twice (…22354999… became …2236 at 4 decimals)
            return top / bottom
    except Overflow:  # results near Decimal's limit (1e999999): no trend to draw
        return None


def _dimensions(
    agreement: Agreement, weighted: dict[str, Decimal]
) -> Iterator[tuple[str, Decimal]]:
    """Weighted scores by dimension: the framework's, nested sums, else by the KPIs' own."""
    if agreement.framework is not None:
        scores = ((k.dimension, weighted.get(k.qid, ZERO)) for k in agreement.kpis)
        for dim, total in dimension_totals(agreement.framework.dimensions, scores):
            yield dim.id, total
        return
    seen: dict[str, Decimal] = {}
    for kpi in agreement.kpis:
        key = kpi.dimension or "-"
        seen[key] = seen.get(key, ZERO) + weighted.get(kpi.qid, ZERO)
    yield from seen.items()


def score_agreement(
    agreement: Agreement, model: PlanModel, inputs: Inputs, policy: Policy, explain: bool = True
) -> tuple[Scorecard, list[Finding]]:
    """The scorecard of one agreement for the period of ``inputs``."""
    findings: list[Finding] = []
    lines: list[_Line] = []
    for kpi in agreement.kpis:
        line, problems = _line(kpi, inputs, policy, explain)
        lines.append(line)
        findings.extend(problems)
    weights, divisor = _effective_weights(agreement, lines, policy)
    total = sum((k.weight or ZERO for k in agreement.kpis), ZERO)
    out: list[KpiLine] = []
    weighted: dict[str, Decimal] = {}
    explain_when = required_explanation(model.plan.policy if model.plan else None)
    for ln in lines:
        kpi = ln.kpi
        share: Decimal | None = None
        if ln.scored is not None and divisor > 0:
            share = policy.round(ln.scored.score * weights[kpi.qid] / divisor)
            weighted[kpi.qid] = share
        risk, target = _at_risk(kpi, ln.result, inputs.period.month)
        row = ln.row
        if explain_when and row is not None and ln.result is not None and ln.status == "reported":
            shown = policy.round(ln.result).normalize()
            missing = missing_explanation(kpi, row, shown, risk, explain_when)
            findings.extend([missing] if missing else [])
        forecast = _forecast(kpi, inputs) if ln.status in ("reported", "inherited") else None
        criteria = kpi.criteria
        forecast_score = (
            score_result(forecast, criteria, policy, explain=False).score
            if forecast is not None and criteria is not None
            else None
        )
        out.append(
            KpiLine(
                qid=kpi.qid,
                name=text_of(kpi.name),
                dimension=kpi.dimension,
                status=ln.status,
                weight=kpi.weight or ZERO,
                effective_weight=(weights[kpi.qid] * total / divisor) if divisor > 0 else ZERO,
                result=ln.result,
                score=ln.scored.score if ln.scored else None,
                weighted=share,
                steps=ln.scored.steps if ln.scored else (),
                at_risk=risk,
                round_target=target,
                forecast=policy.round(forecast) if forecast is not None else None,
                forecast_score=forecast_score,
                remark=text_of(row.result.remark) if row is not None else "",
            )
        )
    score = policy.round(sum(weighted.values(), ZERO)) if divisor > 0 else None
    percent = policy.round(score / policy.top * 100) if score is not None else None
    notes = () if divisor > 0 else ("every KPI is n/a this period; there is no score",)
    card = Scorecard(
        party=agreement.party,
        party_type=agreement.party_type,
        name=text_of(model.party_name(agreement.party)),
        period=inputs.period.label,
        lines=tuple(out),
        total_weight=total,
        score=score,
        percent=percent,
        top=policy.top,
        dimensions=tuple(_dimensions(agreement, weighted)),
        notes=notes,
        signed=agreement.signed,
    )
    return card, findings

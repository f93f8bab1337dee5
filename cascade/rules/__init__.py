"""Rules stage: one small function per rule, registered in one explicit tuple.

Families: references, goals, weights, tracing, osmatrix, criteria,
structure, people, actuals, and the method's own checks: coverage, chain,
drafts, template.  ``ALL`` adds the documented stage checks;
``cascade rules`` lists them and docs/rules.md is generated from them.
"""

from __future__ import annotations

from cascade.rules import (
    actuals,
    bands,
    chain,
    coverage,
    criteria,
    drafts,
    goals,
    osmatrix,
    people,
    references,
    structure,
    template,
    tracing,
    weights,
)
from cascade.rules.registry import Context, Rule
from cascade.rules.scopes import digest
from cascade.rules.stages import STAGE_CHECKS

RULES: tuple[Rule, ...] = (
    references.unresolved_reference,
    bands.unknown_rating_band,
    goals.goal_without_kpi,
    goals.unit_goal_unlinked,
    goals.supports_disagrees,
    weights.weights_total,
    weights.dimension_weight,
    weights.slot_weight,
    tracing.untraced_kpi,
    tracing.kind_link,
    tracing.weight_cap,
    tracing.inherited_field_differs,
    tracing.kind_not_allowed,
    tracing.kpi_cycle,
    tracing.missing_common_kpi,
    tracing.supervisor_trace,
    osmatrix.owner_count,
    osmatrix.owner_not_carrying,
    osmatrix.supporter_not_carrying,
    osmatrix.unit_without_agreement,
    osmatrix.carrier_not_in_row,
    criteria.thresholds_monotonic,
    criteria.threshold_count,
    criteria.milestone_levels,
    criteria.target_not_threshold,
    criteria.unit_of_measure,
    criteria.missing_criteria,
    structure.drives_cycle,
    structure.orgchart_cycle,
    structure.unit_unreachable,
    structure.command_cycle,
    structure.required_document,
    people.headcount_mismatch,
    people.evaluator_not_supervisor,
    people.evaluatee_not_party,
    actuals.result_shape,
    actuals.duplicate_result,
    actuals.period_outside_year,
    actuals.evidence_missing,
    coverage.unit_not_covered,
    coverage.no_unit_cascaded_to_people,
    chain.vision_mission,
    chain.issue_without_goal,
    chain.goal_without_strategy,
    chain.project_unlinked,
    chain.negative_budget,
    drafts.placeholder_left,
    template.kpi_template_incomplete,
)

ALL: dict[str, Rule] = {r.code: r for r in sorted((*STAGE_CHECKS, *RULES), key=lambda r: r.code)}


def registry_fingerprint() -> str:
    """A digest of the registered rules (codes, names, levels, scopes), read at call time.

    The warm path's snapshot keeps it: a rule registered, removed or
    re-declared since the last run (by a plugin or a test, without a change
    to cascade's files) means a full run.
    """
    rows = [(r.code, r.name, r.level.value, tuple(s.name for s in r.reads)) for r in RULES]
    return digest(rows)


__all__ = ["ALL", "RULES", "STAGE_CHECKS", "Context", "Rule"]

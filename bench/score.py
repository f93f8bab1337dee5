"""Benchmark ``cascade score`` beyond the load: a full round of actuals for a
generated plan, scored in-process (``python -m bench.score [--people N]``).

The actuals are made in memory (one result per KPI: a value inside the
thresholds, a milestone level, or formula variables) and appended to the
resolved model, so the figure is scoring alone — what issue 4 asks to keep
under 2 s for 100,000 KPIs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from decimal import Decimal
from pathlib import Path

from bench.generate import generate
from cascade.engine import check_plan
from cascade.expr import names, parse_expression
from cascade.model.plan import PlanModel, Where
from cascade.periods import parse_period
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.spec.actuals import Actuals, Result


def synthetic_actuals(model: PlanModel, period: str) -> Actuals:
    """One plausible result for every KPI of the plan."""
    results: list[Result] = []
    for i, kpi in enumerate(model.kpis.values()):
        criteria = kpi.criteria
        if criteria is None:
            continue
        if criteria.milestones is not None:
            results.append(Result(kpi=kpi.qid, level=Decimal(1 + i % 5)))
        elif kpi.formula:
            variables = sorted(names(parse_expression(kpi.formula)))
            values = {v: Decimal(40 + (i + j) % 60) for j, v in enumerate(variables)}
            results.append(Result(kpi=kpi.qid, values=values))
        else:
            low, high = criteria.thresholds[0], criteria.thresholds[-1]  # type: ignore[index]
            value = low + (high - low) * (i % 7) / 6
            results.append(Result(kpi=kpi.qid, value=value.quantize(Decimal("0.01"))))
    return Actuals(kind="Actuals", period=period, results=results)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    root = Path("bench/.cache") / str(args.people)
    if not (root / "cascade.yaml").is_file():
        generate(root, args.people)
    model = check_plan(root).model
    assert model is not None, "the generated plan must validate"
    period = f"{model.plan.fiscal_year if model.plan else 2569}-Q2"
    model.actuals.append((synthetic_actuals(model, period), Where("actuals/bench.yaml")))
    when = parse_period(period)
    assert when is not None
    times = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        run, _ = score_plan(model, ScoreOptions(when, incentives=True))
        times.append(time.perf_counter() - start)
    kpis = sum(len(c.lines) for c in run.scorecards)
    print(
        f"| score, {args.people:,} people | {kpis:,} KPIs | "
        f"median {statistics.median(times):.2f} s over {args.repeat} runs |"
    )


if __name__ == "__main__":
    main()

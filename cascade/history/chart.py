"""The chart of ``cascade history --chart FILE.svg``: the KPI's result in each
period as a line with its values, and the year's target as a dashed line,
drawn by the report's trend chart (:func:`cascade.report.svg.charts.trend_svg`)
on an axis from 0 to a round number above both."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_FLOOR, Decimal

from cascade.report.labels import pick
from cascade.report.svg.charts import ticks, trend_svg
from cascade.scoring.history import KpiHistory

LEGEND = {"result": ("ผลการดำเนินงาน", "result"), "target": ("ค่าเป้าหมาย", "target")}


def axis_top(values: Sequence[Decimal]) -> Decimal:
    """A round top for the axis: the tick step above the largest value, so that
    a line at the largest value stays below the top (1 when none is positive)."""
    most = max([v for v in values if v > 0], default=Decimal(0))
    if most == 0:
        return Decimal(1)
    axis = ticks(most)
    step = axis[1] - axis[0]
    return ((most / step).to_integral_value(rounding=ROUND_FLOOR) + 1) * step


def history_svg(history: KpiHistory, lang: str = "th") -> str:
    """The SVG chart of results and targets across the history's periods."""
    series = [(p.label, p.line.result) for p in history.points]
    targets = [p.target for p in history.points]
    shown = [v for v in (*(r for _, r in series), *targets) if v is not None]
    legend = (pick(LEGEND["result"], lang), pick(LEGEND["target"], lang))
    return trend_svg(
        series,
        axis_top(shown),
        title=f"{history.kpi} {history.name}".rstrip(),
        targets=targets if any(t is not None for t in targets) else (),
        legend=legend,
    )

"""Inline SVG figures for HTML reports: the strategy map and score charts.

Pure functions from data to a complete, escaped ``<svg>`` string: no scripts, no
external resources, deterministic output (the same input gives the same bytes),
Thai text wrapped to fit by an approximate width model (``_text``).
"""

from cascade.report.svg.charts import bar_chart_svg, trend_svg
from cascade.report.svg.strategy_map import MapGoal, strategy_map_mermaid, strategy_map_svg

__all__ = ["MapGoal", "bar_chart_svg", "strategy_map_mermaid", "strategy_map_svg", "trend_svg"]

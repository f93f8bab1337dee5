"""Scoring: actuals in, KPI and agreement scores out (SCORING.md)."""

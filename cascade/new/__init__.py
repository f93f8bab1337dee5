"""Drafts from what the plan already says: ``cascade new agreement``,
``cascade new kpi`` and ``cascade new unit`` (see README.md for the steps)."""

"""Assertions over a diff result: changes as flat tuples."""

from __future__ import annotations

from pathlib import Path

from cascade.diff import DiffRequest, PlanDiff, diff_plans

Row = tuple[str, str, str, str, str, str | None, str | None]
"""(section id or kind, item kind, item id, change, field, before, after)."""


def run_diff(revs: str | None, plan: Path, lang: str | None = None) -> PlanDiff:
    return diff_plans(DiffRequest(revs, plan, lang=lang))


def rows(diff: PlanDiff) -> set[Row]:
    """Every field change of every item; an item without field changes gives one row."""
    out: set[Row] = set()
    for section in diff.sections:
        where = section.id or section.kind
        for f in section.fields:
            out.add((where, "", "", "changed", f.field, f.before, f.after))
        for item in section.items:
            change = item.change if item.other is None else f"{item.change} {item.other}"
            if not item.fields:
                out.add((where, item.kind, item.id, change, "", None, None))
            for f in item.fields:
                out.add((where, item.kind, item.id, change, f.field, f.before, f.after))
    return out


def changed_rows(diff: PlanDiff) -> set[Row]:
    """Only the rows of items that changed (not added/removed/moved)."""
    return {r for r in rows(diff) if r[3] == "changed"}


def weights(diff: PlanDiff) -> dict[str, tuple[str | None, str | None]]:
    return {s.id: (s.weight_before, s.weight_after) for s in diff.sections if s.kind == "agreement"}

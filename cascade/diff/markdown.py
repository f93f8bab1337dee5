"""``--format md``: the diff ready to paste into a pull request.

A heading with both sides, a summary line, then a section per agreement
(its weight total before → after) and per plan-wide document, each with
one table of changes: item, change, field, before, after; with
``--period``, a table of the parties whose score changed and the KPIs that
moved it.  Every piece of
plan text is escaped for Markdown (:func:`cascade.report.filters.md_escape`).
"""

from __future__ import annotations

from cascade.diff import labels
from cascade.diff.result import FieldChange, ItemChange, PlanDiff, Section, SideInfo
from cascade.diff.sides import WORKTREE
from cascade.report.filters import md_escape

IMPACT_HEADER = [
    "| party / KPI | score | percent | combined | rating | what moved it |",
    "| --- | --- | --- | --- | --- | --- |",
]
HEADER = ["| item | change | field | before | after |", "| --- | --- | --- | --- | --- |"]


def _code(text: str) -> str:
    """Inline code, for ids and revisions (plain escaped text if it holds a backtick)."""
    return md_escape(text) if "`" in text or not text else f"`{text}`"


def _label(side: SideInfo) -> str:
    """A revision or folder as code; the working tree in words."""
    return side.label if side.label == WORKTREE and side.commit is None else _code(side.label)


def _value(text: str | None) -> str:
    return labels.NONE if text is None else md_escape(text)


def _rows(item: str, change: str, fields: tuple[FieldChange, ...]) -> list[str]:
    if not fields:
        return [f"| {item} | {change} |  |  |  |"]
    rows = []
    for i, f in enumerate(fields):
        first = (item, change) if i == 0 else ("", "")
        name = _code(f.field) + (" (inherited)" if f.inherited else "")
        rows.append(
            f"| {first[0]} | {first[1]} | {name} | {_value(f.before)} | {_value(f.after)} |"
        )
    return rows


def _item(item: ItemChange) -> list[str]:
    title = f"{labels.NOUNS.get(item.kind, item.kind)} {_code(item.id)} {md_escape(item.name)}"
    change: str = item.change
    if item.other is not None:
        change = f"moved {'from' if item.change == 'moved' else 'to'} {_code(item.other)}"
    return _rows(title.rstrip(), change, labels.shown_fields(item))


def _section(section: Section) -> list[str]:
    lines = ["", f"### {md_escape(labels.heading(section))}", ""]
    weights = labels.weights(section)
    if weights is not None:
        lines += [f"Weight total: {weights}", ""]
    lines += HEADER
    if section.fields:
        lines += _rows(labels.SELF.get(section.kind, section.kind), section.status, section.fields)
    for item in section.items:
        lines += _item(item)
    return lines


def _impact(diff: PlanDiff) -> list[str]:
    """The parties whose score changed, each followed by the KPIs that moved it."""
    if not diff.impact:
        return []
    lines = ["", f"### Score impact in {_code(diff.period or '')}", "", *IMPACT_HEADER]
    for party in diff.impact:
        title = f"{_code(party.party)} {md_escape(party.name)}".rstrip()
        values = (party.score, party.percent, party.combined, party.rating)
        cells = " | ".join(md_escape(labels.pair(v)) if v[0] != v[1] else "" for v in values)
        lines.append(f"| {title} ({party.party_type}) | {cells} |  |")
        for kpi in party.kpis:
            name = f"↳ {_code(kpi.qid)} {md_escape(kpi.name)}".rstrip()
            why = md_escape("; ".join(kpi.causes))
            lines.append(f"| {name} | {md_escape(labels.pair(kpi.score))} |  |  |  | {why} |")
    return lines


def render_markdown(diff: PlanDiff) -> str:
    """The whole diff as GitHub-flavoured Markdown, ending with a newline."""
    old, new = diff.old, diff.new
    lines = [f"## Plan changes: {_label(old)} → {_label(new)}", ""]
    sides = [f"{_code(s.label)} at {_code(s.commit[:7])}" for s in (old, new) if s.commit]
    where = f"Plan folder {_code(diff.plan_dir)}" if diff.plan_dir else "Plan folders"
    lines += [f"{where}" + (f"; {', '.join(sides)}." if sides else "."), ""]
    for warning in diff.warnings:
        lines += [f"> **Warning:** {md_escape(warning)}", ""]
    if not diff.changed:
        return "\n".join([*lines, "No changes."]) + "\n"
    lines.append(f"**Summary:** {md_escape(labels.summary(diff))}")
    for section in diff.sections:
        lines += _section(section)
    lines += _impact(diff)
    return "\n".join(lines) + "\n"

"""``--format text``: the diff for a terminal or a log, one line per change."""

from __future__ import annotations

from cascade.diff import labels
from cascade.diff.result import FieldChange, ItemChange, PlanDiff

MARKS = {"added": "+", "removed": "-", "changed": "~", "moved": ">", "moved-away": "<"}


def _field(change: FieldChange, item: str) -> str:
    name = labels.field_name(change)
    if item == "added":
        return f"{name}: {change.after}"
    if item == "removed":
        return f"{name}: {change.before}"
    return f"{name}: {change.before or labels.NONE} → {change.after or labels.NONE}"


def _item(item: ItemChange) -> list[str]:
    title = labels.item_title(item)
    if item.change in ("moved", "moved-away"):
        title += f" ({labels.change_word(item)})"
    lines = [f"  {MARKS[item.change]} {title}"]
    lines += [f"      {_field(f, item.change)}" for f in labels.shown_fields(item)]
    return lines


def render_text(diff: PlanDiff) -> str:
    """The whole diff as plain text, ending with a newline."""
    where = f" in {diff.plan_dir}" if diff.plan_dir else ""
    lines = [f"cascade diff{where}: {labels.side(diff.old)} → {labels.side(diff.new)}"]
    lines += [f"warning: {w}" for w in diff.warnings]
    if not diff.changed:
        lines.append("no changes")
        return "\n".join(lines) + "\n"
    lines.append(f"summary: {labels.summary(diff)}")
    for section in diff.sections:
        head = labels.heading(section)
        weights = labels.weights(section)
        lines += ["", f"{head}, weights {weights}" if weights else head]
        if section.fields:
            lines.append(f"  {MARKS[section.status]} {labels.SELF.get(section.kind, section.kind)}")
            lines += [f"      {_field(f, section.status)}" for f in section.fields]
        for item in section.items:
            lines += _item(item)
    if diff.impact:
        lines += ["", f"Score impact in {diff.period}"]
    for party in diff.impact:
        lines.append(f"  ~ {labels.party_title(party)}: {', '.join(labels.score_moves(party))}")
        lines += [f"      {labels.kpi_move(kpi)}" for kpi in party.kpis]
    return "\n".join(lines) + "\n"

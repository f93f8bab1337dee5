"""Words the renderers share: names of kinds and sections, the summary line."""

from __future__ import annotations

from cascade.diff.result import (
    FieldChange,
    ItemChange,
    KpiImpact,
    Pair,
    PartyImpact,
    PlanDiff,
    Section,
    SideInfo,
)

NONE = "—"
KINDS = {
    "agreement": "agreements",
    "kpi": "KPIs",
    "goal": "goals",
    "row": "OS-matrix rows",
    "common_kpi": "common KPIs",
    "perspective": "perspectives",
    "issue": "strategic issues",
    "strategy": "strategies",
    "project": "projects",
    "dimension": "framework dimensions",
    "slot": "framework slots",
    "unit": "units",
    "person": "people",
    "family": "job families",
    "job": "job descriptions",
    "result": "results",
    "component": "people's components",
    "conflict": "duplicates and conflicts",
    "agreement-setting": "agreement fields",
    "osmatrix-setting": "OS-matrix fields",
    "strategy-setting": "strategy fields",
    "plan-setting": "plan settings",
    "orgchart-setting": "org-chart fields",
}
NOUNS = {
    "kpi": "KPI",
    "goal": "goal",
    "row": "KPI",
    "common_kpi": "common KPI",
    "perspective": "perspective",
    "issue": "issue",
    "strategy": "strategy",
    "project": "project",
    "dimension": "dimension",
    "slot": "slot",
    "unit": "unit",
    "person": "person",
    "family": "job family",
    "job": "position",
    "result": "result for",
    "component": "components of",
    "conflict": "document",
}
"""What an item is called before its id (an OS-matrix row is named by its KPI)."""
SECTIONS = {
    "osmatrix": "OS matrix",
    "strategy": "Strategy",
    "plan": "Plan (cascade.yaml)",
    "framework": "Framework",
    "orgchart": "Org chart",
    "roster": "Roster (people)",
    "jobs": "Job families and descriptions",
    "actuals": "Actuals",
    "documents": "Documents that duplicate or conflict",
}
SELF = {"agreement": "agreement", "plan": "plan", "strategy": "strategy"}
"""What a section's own fields are called in a list of items."""
BRIEF = {
    "kpi": ("kind", "same_as", "contributes_to", "weight", "target", "criteria.thresholds"),
    "goal": ("supports", "perspective", "drives"),
    "row": ("owner", "supporters"),
    "common_kpi": ("target", "criteria.thresholds"),
    "project": ("owner", "budget"),
    "dimension": ("weight", "parent"),
    "slot": ("weight", "dimension"),
    "unit": ("type", "parent"),
    "person": ("position", "unit", "salary"),
    "family": ("headcount",),
    "job": ("unit", "family", "supervisor"),
    "result": ("status", "value", "level", "values"),
    "component": ("competency",),
    "conflict": ("code",),
}
"""The fields shown for an item that was added or removed (JSON has them all)."""


def side(info: SideInfo) -> str:
    """``HEAD~1 (1a2b3c4)``, ``working tree``, or the folder."""
    return f"{info.label} ({info.commit[:7]})" if info.commit else info.label


def summary(diff: PlanDiff) -> str:
    """``KPIs: 1 added, 2 changed; goals: 1 changed`` (or ``no changes``)."""
    parts = []
    for kind, tally in diff.counts().items():
        shown = ", ".join(f"{n} {change}" for change, n in tally.items())
        parts.append(f"{KINDS.get(kind, kind)}: {shown}")
    if diff.impact:
        parts.append(f"scores in {diff.period}: {len(diff.impact)} parties changed")
    if diff.unloaded_differ:
        parts.append("files that do not load: see the warning")
    return "; ".join(parts) or "no changes"


def heading(section: Section) -> str:
    """``ORG สำนักงานตัวอย่าง (organisation)``, ``OS matrix``; added/removed noted."""
    if section.kind != "agreement":
        words = (SECTIONS.get(section.kind, section.kind), section.id, section.title)
        added = f" ({section.status})" if section.status != "changed" else ""
        return " ".join(w for w in words if w) + added
    title = f"{section.id} {section.title}".rstrip()
    note = section.party_type or "agreement"
    if section.status != "changed":
        note += f", agreement {section.status}"
    return f"{title} ({note})"


def weights(section: Section) -> str | None:
    """``100 → 95`` for an agreement, else ``None``."""
    if section.kind != "agreement":
        return None
    return f"{section.weight_before or NONE} → {section.weight_after or NONE}"


def item_title(item: ItemChange) -> str:
    return f"{NOUNS.get(item.kind, item.kind)} {item.id} {item.name}".rstrip()


def change_word(item: ItemChange) -> str:
    """``changed``, ``moved from SVC/1-2``, ``moved to OPS/1-2``."""
    if item.change == "moved":
        return f"moved from {item.other}"
    if item.change == "moved-away":
        return f"moved to {item.other}"
    return item.change


def shown_fields(item: ItemChange) -> tuple[FieldChange, ...]:
    """The fields worth a line: all of a change, the brief ones of an addition or removal."""
    if item.change not in ("added", "removed"):
        return item.fields
    brief = BRIEF.get(item.kind, ())
    return tuple(f for f in item.fields if f.field in brief or f.field.split(".")[0] in brief)


def field_name(change: FieldChange) -> str:
    return f"{change.field} (inherited)" if change.inherited else change.field


def pair(values: Pair) -> str:
    """``3.6000 → 4.2000`` (``—`` for a side without one)."""
    return f"{values[0] or NONE} → {values[1] or NONE}"


def party_title(party: PartyImpact) -> str:
    """``ORG สำนักงานตัวอย่าง (organisation)``."""
    return f"{party.party} {party.name}".rstrip() + f" ({party.party_type})"


def score_moves(party: PartyImpact) -> list[str]:
    """``score 3.6 → 4.2``, ``percent …``, and the combined score and rating when they moved."""
    parts = [f"score {pair(party.score)}", f"percent {pair(party.percent)}"]
    for label, values in (("combined", party.combined), ("rating", party.rating)):
        if values[0] != values[1]:
            parts.append(f"{label} {pair(values)}")
    return parts


def kpi_move(kpi: KpiImpact) -> str:
    """``ORG/1 name: score 3 → 5, weighted 1.8 → 3 (result 80 → 90)``."""
    title = f"{kpi.qid} {kpi.name}".rstrip()
    why = f" ({'; '.join(kpi.causes)})" if kpi.causes else ""
    return f"{title}: score {pair(kpi.score)}, weighted {pair(kpi.weighted)}{why}"

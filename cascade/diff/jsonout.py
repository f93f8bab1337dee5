"""``--format json``: the diff as data for scripts (every field of an added or removed item)."""

from __future__ import annotations

import json
from typing import Any

from cascade.diff.result import (
    FieldChange,
    ItemChange,
    Pair,
    PartyImpact,
    PlanDiff,
    Section,
    SideInfo,
)

FORMAT = "cascade-diff/v1"


def _side(side: SideInfo) -> dict[str, Any]:
    return {
        "label": side.label,
        "commit": side.commit,
        "files": side.files,
        "failed": list(side.failed),
    }


def _field(change: FieldChange) -> dict[str, Any]:
    return {
        "field": change.field,
        "before": change.before,
        "after": change.after,
        "inherited": change.inherited,
    }


def _item(item: ItemChange) -> dict[str, Any]:
    data: dict[str, Any] = {
        "kind": item.kind,
        "id": item.id,
        "name": item.name,
        "change": item.change,
    }
    if item.change == "moved":
        data["from"] = item.other
    elif item.change == "moved-away":
        data["to"] = item.other
    data["fields"] = [_field(f) for f in item.fields]
    return data


def _section(section: Section) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": section.kind, "id": section.id, "title": section.title}
    data["status"] = section.status
    if section.kind == "agreement":
        data["party_type"] = section.party_type
        data["weight_total"] = {"before": section.weight_before, "after": section.weight_after}
    data["fields"] = [_field(f) for f in section.fields]
    data["items"] = [_item(i) for i in section.items]
    return data


def _pair(values: Pair) -> dict[str, str | None]:
    return {"before": values[0], "after": values[1]}


def _party(party: PartyImpact) -> dict[str, Any]:
    return {
        "party": party.party,
        "name": party.name,
        "party_type": party.party_type,
        "score": _pair(party.score),
        "percent": _pair(party.percent),
        "combined": _pair(party.combined),
        "rating": _pair(party.rating),
        "kpis": [
            {
                "kpi": k.qid,
                "name": k.name,
                "score": _pair(k.score),
                "weighted": _pair(k.weighted),
                "causes": list(k.causes),
            }
            for k in party.kpis
        ],
    }


def to_data(diff: PlanDiff) -> dict[str, Any]:
    """The diff as plain dicts and lists of strings (decimals as written)."""
    return {
        "format": FORMAT,
        "plan_dir": diff.plan_dir,
        "lang": diff.lang,
        "old": _side(diff.old),
        "new": _side(diff.new),
        "changed": diff.changed,
        "summary": diff.counts(),
        "warnings": list(diff.warnings),
        "sections": [_section(s) for s in diff.sections],
        "period": diff.period,
        "score_impact": [_party(p) for p in diff.impact],
    }


def render_json(diff: PlanDiff) -> str:
    """The diff as indented JSON (UTF-8 text, Thai kept as is), ending with a newline."""
    return json.dumps(to_data(diff), ensure_ascii=False, indent=2) + "\n"

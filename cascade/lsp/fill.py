"""Fill the KPI-template fields a KPI leaves empty (the TPL001 code action).

The fields come from the diagnostic's message (``… KPI template:
definition, data_source``); the KPI is the mapping of the buffer whose
``id`` sits where the diagnostic points.  Each missing key is inserted with
a placeholder that validates (``TODO …`` texts, the scale's top level as a
target, TODO milestones as criteria): at the end of a block mapping, at the
column of its keys, or before the ``}`` of a flow mapping.  A contact
(``overseer``, ``collector``) that exists but lacks its name or phone gets
the missing key inside it.  A key written but empty is left alone, and so
are the fields a KPI taken over with ``same_as`` must not repeat (unit of
measure, target, criteria, formula: TRC004): its parent fills those.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import yaml

from cascade.model.plan import Kpi, PlanModel
from cascade.new.common import language, scale_levels, top_level
from cascade.new.files import last_line
from cascade.new.words import say

MISSING = re.compile(r"KPI template: ([a-z_.]+(?:, [a-z_.]+)*)")
"""The fields a TPL001 message lists."""

CONTACTS = ("overseer", "collector")

INHERITED = frozenset({"unit_of_measure", "target", "criteria", "formula"})
"""Fields a KPI with ``same_as`` takes from its parent and may not write differently."""

Insertion = tuple[tuple[int, int], str]
"""Where (0-based line, code-point column) and what to insert."""


def missing_in(message: str) -> list[str]:
    """The template fields a TPL001 message says are missing."""
    found = MISSING.search(message)
    return found.group(1).split(", ") if found else []


def value_of(node: yaml.Node, key: str) -> yaml.Node | None:
    """The value of ``key`` in a mapping node (``None`` when absent or not a mapping)."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if isinstance(k, yaml.ScalarNode) and k.value == key:
                found: yaml.Node = v
                return found
    return None


def kpi_at(roots: Sequence[yaml.Node | None], line: int) -> yaml.MappingNode | None:
    """The KPI mapping (under ``kpis:`` of any document) whose ``id`` is on ``line``."""
    for root in roots:
        kpis = value_of(root, "kpis") if root is not None else None
        if not isinstance(kpis, yaml.SequenceNode):
            continue
        for item in kpis.value:
            ident = value_of(item, "id")
            if isinstance(item, yaml.MappingNode) and ident and ident.start_mark.line == line:
                return item
    return None


def _placeholder(model: PlanModel, kpi: Kpi | None, field: str) -> str:
    """A flow-style YAML value for ``field`` that validates."""
    lang = language(model)
    if field in ("definition", "data_source", "collection_method"):
        return say(lang, field)
    if field == "target":
        criteria = kpi.criteria if kpi is not None else None
        if criteria is not None and criteria.thresholds:
            middle = criteria.thresholds[len(criteria.thresholds) // 2]
            return format(middle.normalize(), "f")
        return str(top_level(model))
    if field == "criteria":
        steps = ", ".join(
            f"{level}: {say(lang, 'step', level=level)}"
            for level in range(1, scale_levels(model) + 1)
        )
        return f"{{milestones: {{{steps}}}}}"
    if field == "baseline":
        year = model.plan.fiscal_year if model.plan is not None else 0
        return f"{{{year - 1}: 0}}"
    if field in CONTACTS:
        return f"{{name: {say(lang, 'contact')}, position: TODO, phone: TODO}}"
    return "TODO"  # unit_of_measure, formula


def insert_keys(
    lines: Sequence[str], node: yaml.MappingNode, pairs: list[tuple[str, str]]
) -> Insertion:
    """The text that adds ``key: value`` pairs to a mapping node, and where."""
    if node.flow_style or not node.value:
        end = node.end_mark
        lead = ", " if node.value else ""
        return (end.line, end.column - 1), lead + ", ".join(f"{k}: {v}" for k, v in pairs)
    column = node.value[0][0].start_mark.column
    after = last_line(node) + 1
    text = "".join(f"{' ' * column}{k}: {v}\n" for k, v in pairs)
    if after >= len(lines):
        return (len(lines) - 1, len(lines[-1])), "\n" + text.rstrip("\n")
    return (after, 0), text


def fill_template(
    model: PlanModel,
    kpi: Kpi | None,
    lines: Sequence[str],
    node: yaml.MappingNode,
    missing: list[str],
) -> list[Insertion]:
    """The insertions that fill ``missing`` template fields of the KPI mapping ``node``."""
    top: list[tuple[str, str]] = []
    inner: list[Insertion] = []
    if value_of(node, "same_as") is not None:
        missing = [field for field in missing if field not in INHERITED]
    for field in missing:
        role, _, part = field.partition(".")
        if role in CONTACTS and (part or value_of(node, role) is not None):
            continue  # a contact's parts: below
        if value_of(node, field) is None:
            top.append((field, _placeholder(model, kpi, field)))
    for role in CONTACTS:
        wanted = [
            p for p in ("name", "phone") if (role if p == "name" else f"{role}.phone") in missing
        ]
        contact = value_of(node, role)
        if not wanted:
            continue
        if contact is None:
            if role not in (k for k, _ in top):
                top.append((role, _placeholder(model, kpi, role)))
            continue
        parts = [(p, say(language(model), "contact") if p == "name" else "TODO") for p in wanted]
        parts = [(p, v) for p, v in parts if value_of(contact, p) is None]
        if parts and isinstance(contact, yaml.MappingNode):
            inner.append(insert_keys(lines, contact, parts))
    return ([insert_keys(lines, node, top)] if top else []) + inner

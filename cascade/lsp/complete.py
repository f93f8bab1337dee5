"""Completion: ids where the plan expects a reference, and ``kind``/``dimension`` values.

Works on the line as typed (the buffer may not parse mid-edit): the key
the cursor's value belongs to is the last ``key:`` before the cursor on its
line (flow mappings such as the OS matrix's ``{kpi: …, owner: …}``
included), or, on a ``- item`` line, the key above it with less indent.
Candidates come from the last resolved model; each shows the name as its
detail.  KPIs of the file's parent party come first.  A key whose values
are a closed set in the spec (``role``, ``status``, ``evidence``,
``scale``, ``rounding``, …) offers that set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal, get_args, get_origin

from lsprotocol import types

from cascade.lsp.hover import in_languages
from cascade.lsp.index import SymbolIndex
from cascade.lsp.keys import field_of, key_path, kind_of
from cascade.model.plan import Agreement, PlanModel, Text
from cascade.spec import KINDS
from cascade.spec.agreement import KpiKind
from cascade.spec.strategy import Goal, Issue, Perspective

REF = types.CompletionItemKind.Reference
LAST_KEY = re.compile(r"([A-Za-z_]+):\s*\[?[^:{}\[]*$")
ITEM = re.compile(r"^(\s*)-\s")
PARENT_KEY = re.compile(r"^(\s*)(?:-\s+)?([A-Za-z_]+):\s*$")
WORD_STOP = " \t,[]{}\"':"

KPI_KEYS = frozenset({"same_as", "contributes_to", "kpi"})
UNIT_KEYS = frozenset({"owner", "supporters", "parent", "unit"})
POSITION_KEYS = frozenset({"position", "supervisor", "head"})
STRATEGY_KEYS = frozenset({"drives", "issues", "perspective"})
"""Keys of the strategy's goals: the goals they drive, their issues, their perspective."""


def key_at(lines: Sequence[str], line: int, column: int) -> str | None:
    """The key whose value the cursor is in, if any."""
    found = key_place(lines, line, column)
    return found[0] if found is not None else None


def key_place(lines: Sequence[str], line: int, column: int) -> tuple[str, int, int] | None:
    """The key whose value the cursor is in, and its line and column."""
    text = lines[line][:column] if line < len(lines) else ""
    found = LAST_KEY.search(text)
    if found is not None:
        return found.group(1), line, found.start(1)
    item = ITEM.match(text)
    if item is None:
        return None
    indent = len(item.group(1))
    for number in range(line - 1, -1, -1):
        above = lines[number]
        parent = PARENT_KEY.match(above)
        if parent is not None and len(parent.group(1)) <= indent:
            return parent.group(2), number, parent.start(2)
        if above.strip() and len(above) - len(above.lstrip()) < indent:
            return None
    return None


def enumeration(lines: Sequence[str], line: int, column: int, key: str) -> list[str]:
    """The values the spec allows for ``key`` when they are a closed set (``Literal``)."""
    kind = kind_of(lines, line)
    if kind is None:
        return []
    top_level = column == 0
    info = field_of(kind, key, top_level, [] if top_level else key_path(lines, line, column))
    return _literals(info.annotation) if info is not None else []


def _literals(annotation: object) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(arg) for arg in get_args(annotation)]
    return [value for arg in get_args(annotation) for value in _literals(arg)]


def word_start(text: str, column: int) -> int:
    """Where the word being typed before ``column`` starts."""
    start = column
    while start > 0 and text[start - 1] not in WORD_STOP:
        start -= 1
    return start


def display_name(model: PlanModel, text: Text | None) -> str:
    """``text`` in each of the plan's languages, joined by " / " ("" when absent)."""
    return " / ".join(in_languages(model, text))


def _agreement_in(model: PlanModel, rel: str) -> Agreement | None:
    return next((a for a in model.agreements.values() if a.where.file == rel), None)


def candidates(
    index: SymbolIndex, rel: str, key: str, top_level: bool
) -> list[tuple[str, str, types.CompletionItemKind]]:
    """``(id, detail, kind)`` for ``key`` in file ``rel``, in the order to show."""
    model = index.model
    agreement = _agreement_in(model, rel)
    if key == "kind":
        kinds = KINDS if top_level else get_args(KpiKind)
        return [(k, "", types.CompletionItemKind.EnumMember) for k in kinds]
    if key in KPI_KEYS:
        parent = agreement.parent if agreement is not None else model.organisation
        kpis = sorted(model.kpis.values(), key=lambda k: (k.party != parent, k.qid))
        found = [(k.qid, display_name(model, k.name), REF) for k in kpis]
        if key == "same_as":
            found += [(c.id, display_name(model, c.name), REF) for c in model.common_kpis.values()]
        return found
    if key in UNIT_KEYS:
        return _parties(model, model.units)
    if key == "party":
        return [*_parties(model, model.units), *_parties(model, model.people)]
    if key == "person":
        return _parties(model, model.people)
    if key in POSITION_KEYS:
        return [(p[1], _holder(model, p[1]), REF) for p in index.ids("position")]
    if key == "family":
        return [(f[1], "", REF) for f in index.ids("family")]
    if key == "framework":
        return [(f.id, display_name(model, f.name), REF) for f in model.frameworks.values()]
    if key == "transfer_to":
        slots = [k for k in index.ids("slot") if any(o.file == rel for o in index.by_key[k])]
        return [(k[2], "", REF) for k in slots]
    if key in ("goal", "supports"):
        owner = model.organisation
        if key == "goal" and agreement is not None and agreement.party_type != "organisation":
            owner = agreement.party
        if owner == model.organisation:
            named = {g.id: g.name for g in model.strategy.goals} if model.strategy else {}
        else:
            named = {g.id: g.name for g in agreement.goals} if agreement is not None else {}
        goals = [k[2] for k in index.ids("goal") if k[1] == owner]
        return [(g, display_name(model, named.get(g)), REF) for g in goals]
    if key in STRATEGY_KEYS and model.strategy is not None:
        strategy = model.strategy
        items: Sequence[Goal | Issue | Perspective] = (
            strategy.goals
            if key == "drives"
            else strategy.issues
            if key == "issues"
            else strategy.perspectives
        )
        return [(item.id, display_name(model, item.name), REF) for item in items]
    if key == "dimension":
        framework = agreement.framework if agreement is not None else None
        if framework is not None:
            dims = [k[2] for k in index.ids("dimension") if k[1] == framework.id]
        else:
            dims = [k[1] for k in index.ids("perspective")]
        return [(d, "", types.CompletionItemKind.EnumMember) for d in dims]
    return []


def _holder(model: PlanModel, position: str) -> str:
    """The name of the person who holds ``position`` ("" when nobody does)."""
    person = model.people.get(model.holders.get(position) or "")
    return display_name(model, person.name) if person is not None else ""


def _parties(
    model: PlanModel, found: Iterable[str]
) -> list[tuple[str, str, types.CompletionItemKind]]:
    return [(p, display_name(model, model.party_name(p)), REF) for p in found]


def complete(
    index: SymbolIndex, rel: str, lines: Sequence[str], line: int, column: int
) -> list[tuple[str, str, types.CompletionItemKind, int]]:
    """The completions at 0-based ``line``/code-point ``column``: ``(id, detail,
    kind, start column of the word they replace)``."""
    key = key_at(lines, line, column)
    if key is None:
        return []
    text = lines[line] if line < len(lines) else ""
    start = word_start(text, column)
    typed = text[start:column]
    top_level = not text[:1].isspace()
    found = candidates(index, rel, key, top_level)
    if not found and key != "kind":
        place = key_place(lines, line, column)
        values = enumeration(lines, *place[1:], key) if place is not None else []
        found = [(v, "", types.CompletionItemKind.EnumMember) for v in values]
    return [(i, d, k, start) for i, d, k in found if i.startswith(typed)]

"""Hover: what an id under the cursor names, in the plan's languages.

A key: the field's description from the spec, in English and Thai
(:mod:`~cascade.lsp.keys`).  A KPI: its name (each of the plan's languages), party, weight, target,
criteria and, from the OS matrix, its owner unit.  A party: its name, type
and head.  A name in a weight expression: its value.  A framework slot: its
dimension and weight.  A weight (a number or an
expression; not on one of its ``params`` names): its value.  Other ids: their kind and name.
"""

from __future__ import annotations

from decimal import Decimal

from lsprotocol import types
from pygls.workspace import PositionCodec

from cascade.lsp.checker import Outcome
from cascade.lsp.index import Key
from cascade.lsp.keys import describe_key
from cascade.lsp.navigate import Place, occurrence_at
from cascade.lsp.positions import to_range
from cascade.lsp.spans import Span
from cascade.model.plan import PlanModel, Text
from cascade.spec.common import text_of


def in_languages(model: PlanModel, text: Text | None) -> list[str]:
    """The text in each of the plan's languages (once when it is plain)."""
    if text is None:
        return []
    languages = list(model.plan.languages) if model.plan is not None else ["th", "en"]
    found: list[str] = []
    for lang in languages:
        shown = text_of(text, lang)
        if shown and shown not in found:
            found.append(shown)
    return found


def _number(value: Decimal | None) -> str:
    return "—" if value is None else format(value.normalize(), "f")


def _kpi(model: PlanModel, qid: str) -> list[str]:
    kpi = model.kpis.get(qid)
    if kpi is None:
        return [f"KPI `{qid}` (not in the plan)"]
    lines = [f"**KPI {qid}**", *in_languages(model, kpi.name)]
    party = " / ".join(in_languages(model, model.party_name(kpi.party)))
    lines.append(f"party: {kpi.party}" + (f" ({party})" if party else ""))
    lines.append(f"weight: {_number(kpi.weight)}")
    target = _number(kpi.target)
    lines.append(f"target: {target} {kpi.unit_of_measure or ''}".rstrip())
    criteria = kpi.criteria
    if criteria is not None and criteria.thresholds is not None:
        lines.append("criteria: " + ", ".join(_number(t) for t in criteria.thresholds))
    elif criteria is not None and criteria.milestones is not None:
        steps = (
            f"{level}. {' / '.join(in_languages(model, t))}"
            for level, t in criteria.milestones.items()
        )
        lines.append("criteria: " + "; ".join(steps))
    if model.osmatrix is not None:
        for row in model.osmatrix.rows:
            if model.row_qid(row.kpi) == qid and row.owner:
                lines.append(f"owner (O): {row.owner}")
    return lines


def _party(model: PlanModel, key: Key) -> list[str]:
    ident = key[1]
    kind = model.party_type(ident) or key[0]
    lines = [f"**{kind} {ident}**", *in_languages(model, model.party_name(ident))]
    unit = model.units.get(ident)
    if unit is not None:
        if unit.spec.type:
            lines.append(f"type: {unit.spec.type}")
        if unit.head:
            holder = model.holders.get(unit.head)
            person = model.people.get(holder or "")
            name = " / ".join(in_languages(model, person.name)) if person else ""
            lines.append(f"head: position {unit.head}" + (f" — {name}" if name else ""))
    person = model.people.get(ident)
    if person is not None:
        lines.append(f"unit: {person.unit}")
        if person.position:
            lines.append(f"position: {person.position}")
    return lines


def _slot(model: PlanModel, framework: str, ident: str) -> list[str]:
    found = model.frameworks.get(framework)
    slot = next((s for s in found.slots if s.id == ident), None) if found else None
    lines = [f"**slot {ident}** of framework {framework}"]
    if slot is not None:
        lines += in_languages(model, slot.name)
        weight = _number(slot.weight)
        shown = weight if slot.written in ("", weight) else f"{slot.written} = {weight}"
        lines += [f"dimension: {slot.dimension}", f"weight: {shown}"]
        if slot.optional:
            lines.append(
                "optional"
                + (f", its weight goes to {slot.transfer_to}" if slot.transfer_to else "")
            )
    return lines


def describe(model: PlanModel, key: Key) -> list[str]:
    """Markdown lines that describe the symbol ``key``."""
    if key[0] == "kpi":
        return _kpi(model, key[1])
    if key[0] in ("unit", "person"):
        return _party(model, key)
    if key[0] == "common":
        common = model.common_kpis.get(key[1])
        names = in_languages(model, common.name) if common else []
        return [f"**common KPI {key[1]}**", *names]
    if key[0] == "param":
        value = model.params.get(key[1])
        shown = "not in the plan's params" if value is None else f"= {_number(value)}"
        return [f"**param {key[1]}** {shown}"]
    if key[0] == "slot":
        return _slot(model, key[1], key[2])
    if key[0] == "position":
        holder = model.holders.get(key[1])
        person = model.people.get(holder or "")
        names = in_languages(model, person.name) if person else []
        return [f"**position {key[1]}**", *names]
    return [f"**{key[0]} {' / '.join(key[1:])}**"]


def key_hover(lines: list[str], place: Place, codec: PositionCodec) -> types.Hover | None:
    """The hover for the key under the cursor (in the buffer as it is now), if any."""
    key = describe_key(lines, *place)
    if key is None:
        return None
    text, start, end = key
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
        range=to_range(codec, lines, (place[0], start), (place[0], end)),
    )


def weight_at(outcome: Outcome, rel: str, place: Place) -> tuple[list[str], Span] | None:
    """The value of the weight written under the cursor, and its range."""
    for weight in outcome.index.weights.get(rel, ()) if outcome.index else ():
        span = outcome.sources.span(rel, weight.where.doc, weight.where.path)
        if span is not None and span[0] <= place <= span[1]:
            value = _number(weight.value) if weight.value is not None else "cannot be evaluated"
            plain = weight.written == value
            shown = value if plain else f"{weight.written} = {value}"
            return [f"**weight** of {weight.owner}", shown], span
    return None


def hover(outcome: Outcome, rel: str, place: Place, codec: PositionCodec) -> types.Hover | None:
    """The hover for the id (or the weight) under the cursor, if there is one."""
    found = occurrence_at(outcome, rel, place)
    if found is None:
        weight = weight_at(outcome, rel, place)
        if weight is None:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="  \n".join(weight[0])
            ),
            range=to_range(codec, outcome.sources.lines(rel), *weight[1]),
        )
    if outcome.index is None:
        return None
    span = outcome.sources.place(found)
    lines = describe(outcome.index.model, found.key)
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value="  \n".join(lines)),
        range=to_range(codec, outcome.sources.lines(rel), *span) if span else None,
    )

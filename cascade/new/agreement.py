"""``cascade new agreement``: a unit's or a person's agreement drafted from
what the plan already says, weights summing to exactly 100, TODO comments
where a planner must decide.  See draft_unit.py and draft_person.py for
where the KPIs come from, weights.py for how weights are spread."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from cascade.model.plan import PartyType, PlanModel
from cascade.new.common import NewError, head_of, language, party_type
from cascade.new.draft_person import person_parts
from cascade.new.draft_unit import Parts, unit_parts
from cascade.new.modeline import modeline, schema_ref
from cascade.new.weights import spread
from cascade.new.words import say
from cascade.new.yamlout import (
    check_document,
    cmap,
    cseq,
    dump,
    header,
    id_node,
    note,
    note_before,
)
from cascade.spec.common import Bilingual, text_of

VERSION = "cascade/v1"


@dataclass(frozen=True, slots=True)
class Draft:
    """A drafted agreement: the file's text and what the planner should know."""

    party: str
    party_type: PartyType
    text: str
    kpis: int
    goals: int
    notes: tuple[str, ...]


def drafted_type(model: PlanModel, party: str) -> PartyType:
    """The type of a party cascade drafts for; :class:`NewError` for anything else."""
    kind = party_type(model, party)
    if kind == "organisation":
        raise NewError(
            f"{party} is the organisation: its agreement comes from the Strategy, "
            "not from a parent's, so cascade does not draft it"
        )
    return kind


def default_path(model: PlanModel, party: str) -> str:
    """Where a party's agreement goes (PLAN-FORMAT.md's suggested layout)."""
    folder = "people" if drafted_type(model, party) == "person" else "units"
    return f"agreements/{folder}/{party}.yaml"


def _title(model: PlanModel, party: str, kind: PartyType, lang: str) -> object:
    key = "person_title" if kind == "person" else "unit_title"
    year = model.plan.fiscal_year if model.plan is not None else ""
    name = model.party_name(party)
    if isinstance(name, Bilingual):
        pairs = [
            (code, say(code, key, name=value, year=year))
            for code, value in (("th", name.th), ("en", name.en))
            if value
        ]
        return cmap(pairs, flow=True)
    return say(lang, key, name=name or party, year=year)


def _signatories(model: PlanModel, party: str, kind: PartyType) -> CommentedSeq | None:
    evaluatee = party if kind == "person" else head_of(model, party)
    if evaluatee is None:
        return None
    signers = cseq([cmap([("role", "evaluatee"), ("person", evaluatee)], flow=True)])
    evaluator = model.people[evaluatee].supervisor
    if evaluator is not None:
        signers.append(cmap([("role", "evaluator"), ("person", evaluator)], flow=True))
    return signers


def _kpis(parts: Parts) -> CommentedSeq:
    """The KPIs numbered 1, 2, … with their weights, a comment before each group."""
    kpis = cseq()
    weights = spread([item.points for item in parts.items])
    group = ""
    for index, (item, weight) in enumerate(zip(parts.items, weights, strict=True)):
        item.kpi["id"] = id_node(str(index + 1))
        item.kpi["weight"] = weight
        kpis.append(item.kpi)
        if item.group != group:
            lead = "\n" if index else ""
            note_before(kpis, index, lead + item.group, indent=2)
            group = item.group
    if len(parts.items) > 1:
        note(parts.items[-1].kpi, "weight", "takes the rounding remainder: the total is 100")
    return kpis


def _document(model: PlanModel, party: str, kind: PartyType, parts: Parts) -> CommentedMap:
    lang = language(model)
    doc = cmap([("kind", "Agreement"), ("version", VERSION), ("party", party)])
    doc["title"] = _title(model, party, kind, lang)
    if parts.goals:
        doc["goals"] = cseq(parts.goals)
        note_before(
            doc,
            "goals",
            "\nGoals (เป้าประสงค์): one per organisation goal the KPIs below serve (supports),\n"
            "or per additional goal of the parent unit they come from (additional: true).\n"
            "TODO: name each; add goals for the rest of the unit's role (additional: true)",
            indent=0,
        )
    doc["kpis"] = _kpis(parts)
    rule = (
        f"Weights: 100 shared by points ({parts.shares}), rounded down; "
        "the last KPI takes the remainder."
    )
    todo = "\n".join(parts.todo)
    if not parts.items:
        todo = "\n".join([*parts.todo, "TODO: nothing in the plan gives KPIs yet: add them"])
    note_before(doc, "kpis", "\n" + "\n".join(filter(None, [rule, todo])), indent=0)
    signers = _signatories(model, party, kind)
    if signers is not None:
        doc["signatories"] = signers
        note_before(doc, "signatories", "\nSignatories (ผู้ลงนาม)", indent=0)
    else:
        parts.notes.append(f"the plan does not say who heads {party}: no signatories were drafted")
    return doc


def draft_agreement(model: PlanModel, party: str, root: Path, target: Path) -> Draft:
    """The draft agreement of ``party``, to be written at ``target`` in the plan ``root``."""
    kind = drafted_type(model, party)
    lang = language(model)
    parts = unit_parts(model, party, lang) if kind == "unit" else person_parts(model, party, lang)
    doc = _document(model, party, kind, parts)
    siblings = [root / a.where.file for a in model.agreements.values()]
    ref, where_note = schema_ref(root, target, "Agreement", siblings)
    name = text_of(model.party_name(party), lang)
    shown = f"{party} ({name})" if name else party
    year = model.plan.fiscal_year if model.plan is not None else ""
    lines = [
        modeline(ref),
        "",
        f"ร่างคำรับรองการปฏิบัติราชการ / draft agreement of {shown}, FY {year}",
        f"drafted by 'cascade new agreement' from {', '.join(parts.sources) or 'the plan'}.",
        "TODO: every line marked TODO needs a planner's decision; then run cascade validate.",
    ]
    text = header(lines) + dump(doc)
    check_document(text, "Agreement")
    notes = [*parts.notes, *([where_note] if where_note else [])]
    return Draft(party, kind, text, len(parts.items), len(parts.goals), tuple(notes))

"""What the plan tells an import: the dimensions a KPI may name (the
framework's when the party follows one, else the Strategy's perspectives),
the scale's levels, the party's name; and how a section's wording is
matched to a dimension id."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cascade.model.plan import Dimension, PlanModel
from cascade.new.common import language, perspectives, scale_levels
from cascade.office.values import plain
from cascade.spec.common import Bilingual, text_of


@dataclass(frozen=True, slots=True)
class Context:
    """The plan's side of an import (empty without ``--plan``)."""

    language: str = "th"
    dimensions: tuple[tuple[str, tuple[str, ...]], ...] = ()
    levels: int = 5
    party_name: str = ""
    framework: str | None = None


def _leaves(dimensions: list[Dimension]) -> list[Dimension]:
    out: list[Dimension] = []
    for dimension in dimensions:
        out.extend(_leaves(dimension.dimensions) if dimension.dimensions else [dimension])
    return out


def _names(name: object) -> tuple[str, ...]:
    if isinstance(name, Bilingual):
        return tuple(n for n in (name.th, name.en) if n)
    return (name,) if isinstance(name, str) else ()


def plan_context(model: PlanModel, party: str) -> Context:
    """The context of an import of ``party``'s agreement into ``model``'s plan."""
    existing = model.agreements.get(party)
    framework = existing.framework if existing is not None else None
    if existing is None and party == model.organisation and model.plan is not None:
        framework = model.frameworks.get(model.plan.framework or "")
    if framework is not None:
        dims = tuple((d.id, _names(d.name)) for d in _leaves(framework.dimensions))
    elif model.strategy is not None:
        dims = tuple((p.id, _names(p.name)) for p in model.strategy.perspectives)
    else:
        dims = tuple((p, ()) for p in perspectives(model))
    lang = language(model)
    return Context(
        lang,
        dims,
        scale_levels(model),
        text_of(model.party_name(party), lang),
        framework.id if framework is not None else None,
    )


_NOISE = re.compile(r"^(?:มิติ(?:ที่)?\s*\d*|ด้าน|การประเมิน|มุมมอง(?:ด้าน)?|dimension|perspective)\s*")


def _bare(text: str) -> str:
    words = plain(text).casefold()
    for _ in range(3):
        words = _NOISE.sub("", words).strip(" :.-")
    return words.replace(" ", "").replace("องค์การ", "องค์กร")  # both spellings are in use


def match_dimension(text: str, context: Context) -> str | None:
    """The dimension id a section or cell names: by id, or by its Thai or English name."""
    wanted = _bare(text)
    if not wanted:
        return None
    for dim_id, names in context.dimensions:
        if wanted == dim_id.casefold() or any(_bare(n) == wanted for n in names):
            return dim_id
    for dim_id, names in context.dimensions:
        if any(wanted in _bare(n) or _bare(n) in wanted for n in names if _bare(n)):
            return dim_id
    return None

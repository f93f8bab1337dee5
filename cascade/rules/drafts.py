"""Unfinished drafts: the placeholders ``cascade new`` writes (``TODO ชื่อตัวชี้วัด``,
``TODO definition``, ``TODO ขั้นตอนที่ 1`` …) left in the plan's text.

A placeholder is a text that starts with ``TODO``, ``TBD`` or ``FIXME`` (any
case), or is only an ellipsis (``…``, ``...``), in the fields drafts write:
an agreement's title, goal names, KPI names, units of measure, definitions,
data sources, collection methods, remarks, criteria steps and contacts, and
an org-chart unit's name, type and exemption reason.  Comments are the
planner's and are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from cascade.checks.commands import SIGNED_DRAFT
from cascade.diagnostics import DocPath, Finding, Level
from cascade.model.plan import PlanModel, Where
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import SELF, SHARED
from cascade.spec.agreement import Agreement as AgreementSpec
from cascade.spec.agreement import Kpi as KpiSpec
from cascade.spec.common import Bilingual, Contact
from cascade.spec.orgchart import Unit as UnitSpec

PLACEHOLDER = re.compile(r"^\s*(?:(?:todo|tbd|fixme)\b|(?:…|\.\.\.)\s*$)", re.IGNORECASE)
"""A text a planner still has to write."""


_FIRST = frozenset("TtFf.…")
"""The characters a placeholder can start with (a cheap test before the pattern)."""

KPI_TEXTS = ("name", "unit_of_measure", "definition", "data_source", "collection_method", "remark")
"""The KPI fields a draft writes text into (besides criteria steps and contacts)."""
CONTACT_TEXTS = ("name", "position", "phone")


def is_placeholder(text: str) -> bool:
    """Whether ``text`` is a placeholder a planner still has to write."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in _FIRST and PLACEHOLDER.match(stripped) is not None


def placeholders(value: object, path: DocPath = ()) -> list[tuple[DocPath, str]]:
    """``(path, text)`` of each placeholder in a text (free, or ``{th, en}``)."""
    if isinstance(value, str):
        return [(path, value)] if is_placeholder(value) else []
    if isinstance(value, Bilingual):
        return [
            ((*path, lang), text)
            for lang, text in (("th", value.th), ("en", value.en))
            if text is not None and is_placeholder(text)
        ]
    return []


def _contact(contact: Contact | None, path: DocPath) -> list[tuple[DocPath, str]]:
    if contact is None:
        return []
    return [p for key in CONTACT_TEXTS for p in placeholders(getattr(contact, key), (*path, key))]


def _kpi(kpi: KpiSpec, path: DocPath) -> list[tuple[DocPath, str]]:
    found = [p for key in KPI_TEXTS for p in placeholders(getattr(kpi, key), (*path, key))]
    steps = kpi.criteria.milestones if kpi.criteria is not None else None
    for level, step in (steps or {}).items():
        found += placeholders(step, (*path, "criteria", "milestones", level))
    found += _contact(kpi.overseer, (*path, "overseer"))
    found += _contact(kpi.collector, (*path, "collector"))
    return found


def agreement_placeholders(spec: AgreementSpec) -> list[tuple[DocPath, str]]:
    """Every placeholder in an agreement's title, goals and KPIs."""
    found = placeholders(spec.title, ("title",))
    for i, goal in enumerate(spec.goals):
        found += placeholders(goal.name, ("goals", i, "name"))
        found += placeholders(goal.description, ("goals", i, "description"))
    for i, kpi in enumerate(spec.kpis):
        found += _kpi(kpi, ("kpis", i))
    return found


def unit_placeholders(spec: UnitSpec) -> list[tuple[DocPath, str]]:
    """Every placeholder in an org-chart unit's name, type and exemption reason."""
    found = placeholders(spec.name, ("name",)) + placeholders(spec.type, ("type",))
    if spec.exempt is not None:
        found += placeholders(spec.exempt.reason, ("exempt", "reason"))
    return found


def _at(where: Where, path: DocPath, text: str) -> Finding:
    shown = " ".join(text.split())
    return finding(
        Where(where.file, where.doc, (*where.path, *path)),
        f"placeholder left by a draft: '{shown[:60]}'",
        hint="write the real text (cascade validate --strict fails on this)",
    )


@rule("DRF001", "placeholder-left", Level.WARNING, reads=(SELF, SHARED))
def placeholder_left(ctx: Context) -> Iterator[Finding]:
    """No placeholder of a draft is left in an agreement or the org chart:
    KPI names, definitions, data sources, criteria steps, contacts, goal and
    unit names that still read ``TODO …`` (or ``TBD``, ``FIXME``, ``…``).

    A warning while the plan is drafted; ``cascade validate --strict`` makes
    every warning fail, so use it before the agreements are signed.  In a
    signed agreement ``cascade report`` refuses it (RPT002).

    Fails::

        - id: A4
          name: TODO ชื่อตัวชี้วัด
          definition: TODO คำนิยาม

    Passes::

        - id: A4
          name: ระดับความสำเร็จของการปรับปรุงกระบวนงาน
          definition: กระบวนงานที่ปรับปรุงหมายถึง …
    """
    model = ctx.model
    for agreement in model.agreements.values():
        where = Where(agreement.where.file, agreement.where.doc)
        for path, text in agreement_placeholders(agreement.spec):
            yield _at(where, path, text)
    for unit in model.units.values():
        for path, text in unit_placeholders(unit.spec):
            yield _at(unit.where, path, text)


def signed_placeholders(model: PlanModel) -> Iterator[Finding]:
    """RPT002 at each placeholder of a signed agreement: ``cascade report``
    refuses them (DRF001 only warns while an agreement is a draft)."""
    for agreement in model.agreements.values():
        if not agreement.signed:
            continue
        where = agreement.where
        for path, text in agreement_placeholders(agreement.spec):
            shown = " ".join(text.split())[:60]
            message = (
                f"the agreement of {agreement.party} is signed but still holds a placeholder: "
                f"'{shown}'"
            )
            hint = "write the real text, or remove signed_on while it is a draft"
            yield Finding(
                message, where.file, where.doc, SIGNED_DRAFT.code, (*where.path, *path), hint=hint
            )

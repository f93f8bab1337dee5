"""The KPI template (slide 28 of the method): each KPI at each level fills the
fields the plan's policy asks of that level (``policy: kpi_template:`` in
``cascade.yaml``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from cascade.diagnostics import Finding, Level
from cascade.model.plan import Kpi
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import CHAIN
from cascade.spec.common import Bilingual, Contact, text_of


def _filled(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str | Bilingual):
        return bool((text_of(value, "th") or text_of(value, "en")).strip())
    if isinstance(value, Contact):
        return _filled(value.name)
    if isinstance(value, dict | list):
        return bool(value)
    return True


def missing_fields(kpi: Kpi, fields: Sequence[str]) -> list[str]:
    """The template fields of ``fields`` that ``kpi`` leaves empty (inherited ones count)."""
    missing = []
    for name in fields:
        contact, _, part = name.partition(".")
        value = kpi.template_field(contact)
        if part:
            value = getattr(value, part, None) if isinstance(value, Contact) else None
        if not _filled(value):
            missing.append(name)
    return missing


@rule("TPL001", "kpi-template-incomplete", Level.WARNING, reads=(CHAIN,))
def kpi_template_incomplete(ctx: Context) -> Iterator[Finding]:
    """Every KPI fills the KPI-template fields the plan asks of its level.

    Which fields each level fills is policy: ``policy: kpi_template:`` in
    ``cascade.yaml`` lists them for ``organisation``, ``unit`` and ``person``
    from ``definition``, ``unit_of_measure``, ``target``, ``criteria``,
    ``formula``, ``baseline``, ``data_source``, ``collection_method``,
    ``overseer``, ``overseer.phone``, ``collector`` and ``collector.phone``
    (a contact counts when it has a name).  An identical or common KPI has
    the fields of the KPI it takes over, unless it writes its own.  Nothing
    is asked when the policy lists nothing.

    Fails::

        # cascade.yaml
        policy: {kpi_template: {unit: [definition, data_source, collector.phone]}}
        # agreements/units/LAW.yaml
        - {id: A3, name: …, kind: unit_specific, weight: 10}

    Passes::

        - {id: A3, name: …, kind: unit_specific, weight: 10, definition: …,
           data_source: ทะเบียนคำขอ, collector: {name: นายสมชาย ใจดี, phone: 02-000-0001}}
    """
    plan = ctx.model.plan
    if plan is None:
        return
    template = plan.policy.kpi_template
    levels = {
        "organisation": template.organisation,
        "unit": template.unit,
        "person": template.person,
    }
    for agreement in ctx.model.agreements.values():
        fields = levels[agreement.party_type]
        if not fields:
            continue
        for kpi in agreement.kpis:
            if kpi.same_as_ref is not None and kpi.same_as is None:
                continue  # an unresolved same_as (REF001): its template is unknown
            missing = missing_fields(kpi, fields)
            if missing:
                yield finding(
                    kpi.where.at("id"),
                    f"KPI '{kpi.qid}' does not fill the {agreement.party_type} KPI template: "
                    f"{', '.join(missing)}",
                    hint="fill them in, or change 'policy: kpi_template:' in cascade.yaml",
                )

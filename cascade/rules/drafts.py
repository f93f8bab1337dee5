"""Unfinished drafts: the placeholders ``cascade new`` writes (``TODO ชื่อตัวชี้วัด``,
``TODO definition``, ``TODO ขั้นตอนที่ 1`` …) left in the plan's text.

A placeholder is a text that starts with ``TODO``, ``TBD`` or ``FIXME`` (any
case), or is only an ellipsis (``…``, ``...``).  Comments are the planner's
and are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from cascade.diagnostics import DocPath, Finding, Level
from cascade.model.plan import Where
from cascade.rules.common import finding
from cascade.rules.registry import Context, rule
from cascade.rules.scopes import SELF, SHARED

PLACEHOLDER = re.compile(r"^\s*(?:(?:todo|tbd|fixme)\b|(?:…|\.\.\.)\s*$)", re.IGNORECASE)
"""A text a planner still has to write."""


def placeholders(value: object, path: DocPath = ()) -> Iterator[tuple[DocPath, str]]:
    """``(path, text)`` of every placeholder text in a spec value, depth first."""
    if isinstance(value, str):
        if PLACEHOLDER.match(value):
            yield path, value
    elif isinstance(value, BaseModel):
        for name, item in value:
            if item is not None:
                yield from placeholders(item, (*path, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from placeholders(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from placeholders(item, (*path, key))


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
    every warning fail, so use it before the agreements are signed.

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
        for path, text in placeholders(agreement.spec):
            yield _at(where, path, text)
    for unit in model.units.values():
        for path, text in placeholders(unit.spec):
            yield _at(unit.where, path, text)

"""Documents that duplicate or conflict, as facts: a change when one appears or goes.

Two sources, both the ones every other command uses:

* the model's own findings (:func:`cascade.model.build.build_model`): a
  second agreement for a party, a second definition of a person, unit,
  framework, job description or common KPI (``REF002``), a second
  document of a one-per-plan kind such as ``Strategy`` (``PLN002``);
* a period's actuals reporting the same KPI twice (:mod:`facts_actuals`).

The second copy is ignored by validate, score and report, so without this
section a diff would show nothing at all for it.  Each conflict is an item
keyed by the file it is in and what it says.
"""

from __future__ import annotations

from collections.abc import Iterable

from cascade.checks.plan import DUPLICATE_ID, SINGLE_DOCUMENT
from cascade.diagnostics import Finding
from cascade.diff.entities import Entity, ItemKey, SectionFacts, add_once
from cascade.diff.facts_actuals import Repeat
from cascade.diff.values import Value

CODES = frozenset({DUPLICATE_ID.code, SINGLE_DOCUMENT.code})
REPEATED_RESULT = "repeated-result"


def conflict_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """The model's findings that say a document duplicates or conflicts with another."""
    return tuple(f for f in findings if f.code in CODES)


def _entity(file: str, message: str, code: str) -> Entity:
    ident = f"{file}: {message}"
    fields = {"code": Value(code, code)}
    return Entity("conflict", ident, (code, ident), lambda: None, lambda: fields, ("code",))


def documents(findings: Iterable[Finding], repeats: Iterable[Repeat]) -> SectionFacts | None:
    """The conflicts of one side as a section (``None`` when there are none)."""
    items: dict[ItemKey, Entity] = {}
    for finding in findings:
        add_once(items, _entity(finding.file, finding.message, finding.code))
    for repeat in repeats:
        message = f"second {repeat.what} in {repeat.period} (the first, in {repeat.first}, counts)"
        add_once(items, _entity(repeat.file, message, REPEATED_RESULT))
    return SectionFacts("documents", "", items=items) if items else None

"""Spec stage: pydantic models that mirror the YAML exactly, one module per kind.

``KINDS`` maps each ``kind:`` to its model; the JSON Schemas in ``schemas/``
are generated from these models (``cascade schema``).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from cascade.spec.actuals import Actuals
from cascade.spec.agreement import Agreement
from cascade.spec.common import SpecModel
from cascade.spec.framework import Framework
from cascade.spec.jobs import JobDescription, JobFamilies
from cascade.spec.orgchart import OrgChart
from cascade.spec.osmatrix import OSMatrix
from cascade.spec.people import People
from cascade.spec.plan import Plan
from cascade.spec.strategy import Strategy

AnyDocument = Annotated[
    Plan
    | Strategy
    | OrgChart
    | Framework
    | Agreement
    | OSMatrix
    | JobFamilies
    | JobDescription
    | People
    | Actuals,
    Field(discriminator="kind"),
]
"""Any plan document; ``kind`` picks the model (the combined JSON Schema)."""

KINDS: dict[str, type[SpecModel]] = {
    "Plan": Plan,
    "Strategy": Strategy,
    "OrgChart": OrgChart,
    "Framework": Framework,
    "Agreement": Agreement,
    "OSMatrix": OSMatrix,
    "JobFamilies": JobFamilies,
    "JobDescription": JobDescription,
    "People": People,
    "Actuals": Actuals,
}

__all__ = [
    "KINDS",
    "Actuals",
    "Agreement",
    "AnyDocument",
    "Framework",
    "JobDescription",
    "JobFamilies",
    "OSMatrix",
    "OrgChart",
    "People",
    "Plan",
    "SpecModel",
    "Strategy",
]

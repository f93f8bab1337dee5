"""``kind: OrgChart`` — the units of the organisation and their parents."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cascade.spec.common import Id, SpecModel, Text, Version, d


class Exemption(SpecModel):
    """Why a unit has no agreement of its own (COV001 then leaves it alone)."""

    reason: Text = Field(description=d("Why the unit has no agreement.", "เหตุผลที่ไม่จัดทำคำรับรอง"))


class Unit(SpecModel):
    """A unit: department, bureau, division, office, centre, group…"""

    id: Id = Field(description=d("Unit id, e.g. LAW.", "รหัสหน่วยงาน"))
    name: Text = Field(description=d("Unit name.", "ชื่อหน่วยงาน"))
    type: str | None = Field(
        None, description=d("Unit type (department, bureau, group…).", "ประเภทหน่วยงาน")
    )
    parent: Id | None = Field(None, description=d("Parent unit.", "หน่วยงานต้นสังกัด"))
    head: Id | None = Field(
        None, description=d("Position number of the unit's head.", "เลขที่ตำแหน่งหัวหน้าหน่วยงาน")
    )
    exempt: Exemption | None = Field(
        None,
        description=d(
            "The unit has no agreement of its own, and why.", "หน่วยงานที่ได้รับยกเว้นการจัดทำคำรับรอง"
        ),
    )


class OrgChart(SpecModel):
    """The organisation chart; the root unit is the organisation itself."""

    kind: Literal["OrgChart"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    units: list[Unit] = Field(default_factory=list, description=d("Units.", "หน่วยงาน"))

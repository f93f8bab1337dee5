"""``kind: Framework`` — evaluation dimensions with fixed weights and optional
standard KPI slots (weight expressions, optional slots, weight transfer)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cascade.spec.common import Id, SpecModel, Text, Version, Weight, d


class Dimension(SpecModel):
    """An evaluation dimension; may nest sub-dimensions."""

    id: Id = Field(description=d("Dimension id.", "รหัสมิติการประเมิน"))
    name: Text | None = Field(None, description=d("Dimension name.", "ชื่อมิติ"))
    weight: Weight = Field(description=d("Fixed weight.", "น้ำหนัก"))
    dimensions: list[Dimension] = Field(
        default_factory=list, description=d("Sub-dimensions.", "มิติย่อย")
    )


class Slot(SpecModel):
    """A standard KPI slot: a KPI with this id fills it."""

    id: Id = Field(description=d("Slot id = the KPI id that fills it.", "รหัสตัวชี้วัด"))
    name: Text | None = Field(None, description=d("Slot name.", "ชื่อตัวชี้วัด"))
    dimension: Id = Field(description=d("Dimension of the slot.", "มิติการประเมิน"))
    weight: Weight = Field(description=d("Weight (may use params).", "น้ำหนัก"))
    optional: bool = Field(False, description=d("May be absent.", "อาจไม่มีได้"))
    transfer_to: Id | None = Field(
        None, description=d("Slot that takes the weight when absent.", "โอนน้ำหนักไปยัง")
    )


class Framework(SpecModel):
    """An evaluation framework, e.g. OPDC 2556."""

    kind: Literal["Framework"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    id: Id = Field(description=d("Framework id.", "รหัสกรอบการประเมิน"))
    name: Text | None = Field(None, description=d("Framework name.", "ชื่อกรอบการประเมิน"))
    dimensions: list[Dimension] = Field(
        default_factory=list, description=d("Dimensions.", "มิติการประเมิน")
    )
    slots: list[Slot] = Field(
        default_factory=list, description=d("Standard KPI slots.", "ตัวชี้วัดมาตรฐาน")
    )

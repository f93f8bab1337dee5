"""``kind: People`` — the roster: person id, name, position, unit, salary."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cascade.spec.common import Id, NonNegative, SpecModel, Text, Version, d


class Person(SpecModel):
    """One person of the roster."""

    id: Id = Field(description=d("Person id, e.g. P0012.", "รหัสบุคคล"))
    name: Text = Field(description=d("Full name.", "ชื่อ-นามสกุล"))
    position: Id | None = Field(None, description=d("Position number.", "เลขที่ตำแหน่ง"))
    unit: Id = Field(description=d("Unit.", "หน่วยงาน"))
    salary: NonNegative | None = Field(
        None, description=d("Monthly salary, baht (incentives).", "เงินเดือน (บาท)")
    )
    email: str | None = Field(None, description=d("E-mail.", "อีเมล"))


class People(SpecModel):
    """A roster; a plan may split it over several files."""

    kind: Literal["People"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    people: list[Person] = Field(default_factory=list, description=d("People.", "บุคลากร"))

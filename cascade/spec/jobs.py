"""``kind: JobFamilies`` and ``kind: JobDescription`` — job families with
headcount per unit, and one job description per position."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cascade.spec.common import Id, SpecModel, Text, Version, d


class Family(SpecModel):
    """A job family (สายงาน) and its headcount per unit."""

    id: Id = Field(description=d("Family id.", "รหัสสายงาน"))
    name: Text = Field(description=d("Family name.", "ชื่อสายงาน"))
    group: Text | None = Field(None, description=d("Position group.", "กลุ่มตำแหน่ง"))
    headcount: dict[str, int] = Field(
        default_factory=dict, description=d("Headcount per unit id.", "จำนวนคนต่อหน่วยงาน")
    )


class JobFamilies(SpecModel):
    """The job families table."""

    kind: Literal["JobFamilies"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    families: list[Family] = Field(default_factory=list, description=d("Families.", "สายงาน"))


class Responsibility(SpecModel):
    """A key responsibility with activities and expected results."""

    id: Id = Field(description=d("Responsibility id.", "รหัสหน้าที่"))
    text: Text = Field(description=d("Key responsibility.", "หน้าที่ความรับผิดชอบหลัก"))
    activities: list[Text] = Field(
        default_factory=list, description=d("Key activities.", "กิจกรรมหลัก")
    )
    results: list[Text] = Field(
        default_factory=list, description=d("Expected results.", "ผลสัมฤทธิ์ที่คาดหวัง")
    )


class JobDescription(SpecModel):
    """The job description of one position (เลขที่ตำแหน่ง)."""

    kind: Literal["JobDescription"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    position: Id = Field(description=d("Position number.", "เลขที่ตำแหน่ง"))
    admin_title: Text | None = Field(
        None, description=d("Administrative title.", "ชื่อตำแหน่งทางการบริหาร")
    )
    line_title: Text = Field(description=d("Title in the job line.", "ชื่อตำแหน่งในสายงาน"))
    family: Id | None = Field(None, description=d("Job family.", "สายงาน"))
    unit: Id = Field(description=d("Unit.", "หน่วยงาน"))
    group: Text | None = Field(None, description=d("Position group.", "กลุ่มงาน"))
    level: Text | None = Field(None, description=d("Level.", "ระดับตำแหน่ง"))
    supervisor: Id | None = Field(
        None, description=d("Supervisor's position number.", "เลขที่ตำแหน่งผู้บังคับบัญชา")
    )
    purpose: Text | None = Field(None, description=d("Purpose of the job.", "วัตถุประสงค์ของงาน"))
    responsibilities: list[Responsibility] = Field(
        default_factory=list, description=d("Responsibilities.", "หน้าที่ความรับผิดชอบ")
    )

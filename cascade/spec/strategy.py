"""``kind: Strategy`` — vision, mission, perspectives, strategic issues,
organisation goals with their cause → effect links, strategies and projects."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from cascade.spec.common import Dec, Id, IdList, RefList, SpecModel, Text, Version, d


class Perspective(SpecModel):
    """A Balanced Scorecard perspective: a lane of the strategy map."""

    id: Id = Field(description=d("Perspective id.", "รหัสมิติ"))
    name: Text = Field(description=d("Perspective name.", "ชื่อมิติ"))
    description: Text | None = Field(None, description=d("Description.", "คำอธิบาย"))


class Issue(SpecModel):
    """A strategic issue (ประเด็นยุทธศาสตร์)."""

    id: Id = Field(description=d("Issue id.", "รหัสประเด็นยุทธศาสตร์"))
    name: Text = Field(description=d("Issue name.", "ชื่อประเด็นยุทธศาสตร์"))
    description: Text | None = Field(None, description=d("Description.", "คำอธิบาย"))


class Goal(SpecModel):
    """An organisation goal (เป้าประสงค์) on the strategy map."""

    id: Id = Field(description=d("Goal id, e.g. G1.", "รหัสเป้าประสงค์"))
    name: Text = Field(description=d("Goal name.", "ชื่อเป้าประสงค์"))
    perspective: Id = Field(description=d("Perspective it sits in.", "มิติที่สังกัด"))
    issues: IdList = Field(
        default_factory=list, description=d("Strategic issues.", "ประเด็นยุทธศาสตร์")
    )
    drives: IdList = Field(
        default_factory=list,
        description=d("Goals this goal drives (cause → effect).", "เป้าประสงค์ที่ส่งผลถึง"),
    )
    description: Text | None = Field(None, description=d("Description.", "คำอธิบาย"))


class StrategyItem(SpecModel):
    """A strategy (กลยุทธ์) serving goals."""

    id: Id = Field(description=d("Strategy id.", "รหัสกลยุทธ์"))
    name: Text = Field(description=d("Strategy name.", "ชื่อกลยุทธ์"))
    goals: IdList = Field(default_factory=list, description=d("Goals served.", "เป้าประสงค์"))


class Project(SpecModel):
    """A project (โครงการ) with its budget and owner unit."""

    id: Id = Field(description=d("Project id.", "รหัสโครงการ"))
    name: Text = Field(description=d("Project name.", "ชื่อโครงการ"))
    strategy: Id | None = Field(None, description=d("Strategy served.", "กลยุทธ์"))
    goals: IdList = Field(
        default_factory=list, description=d("Organisation goals served.", "เป้าประสงค์")
    )
    kpis: RefList = Field(
        default_factory=list,
        description=d("Organisation KPIs it moves (e.g. 1.1).", "ตัวชี้วัดระดับองค์กรที่โครงการผลักดัน"),
    )
    owner: Id | None = Field(None, description=d("Owner unit.", "หน่วยงานรับผิดชอบ"))
    budget: Dec | None = Field(None, description=d("Budget, baht.", "งบประมาณ (บาท)"))


class Strategy(SpecModel):
    """The organisation's strategy: the top of the cascade."""

    kind: Literal["Strategy"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    vision: Text | None = Field(None, description=d("Vision.", "วิสัยทัศน์"))
    mission: list[Text] = Field(default_factory=list, description=d("Mission.", "พันธกิจ"))
    perspectives: list[Perspective] = Field(
        default_factory=list, description=d("Perspectives, top of the map first.", "มิติ")
    )
    issues: list[Issue] = Field(
        default_factory=list, description=d("Strategic issues.", "ประเด็นยุทธศาสตร์")
    )
    goals: list[Goal] = Field(
        default_factory=list, description=d("Organisation goals.", "เป้าประสงค์")
    )
    strategies: list[StrategyItem] = Field(
        default_factory=list, description=d("Strategies.", "กลยุทธ์")
    )
    projects: list[Project] = Field(default_factory=list, description=d("Projects.", "โครงการ"))

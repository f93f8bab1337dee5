"""``kind: Agreement`` — the performance agreement of one party (the
organisation, a unit or a person): goals, KPIs with their KPI template
fields, criteria and signatories (คำรับรองการปฏิบัติราชการ)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from cascade.spec.common import (
    BeDate,
    Contact,
    Dec,
    Id,
    IdList,
    Ref,
    RefList,
    SpecModel,
    Text,
    Version,
    Weight,
    d,
)

KpiKind = Literal[
    "identical",
    "contributory",
    "common",
    "unit_specific",
    "supervisor",
    "job",
    "assignment",
    "personal",
]
UNIT_KINDS = ("identical", "contributory", "common", "unit_specific")
PERSON_KINDS = ("supervisor", "job", "assignment", "personal")


class Criteria(SpecModel):
    """Five-level criteria: thresholds (results for levels 1–5) or milestones."""

    thresholds: list[Dec] | None = Field(
        None,
        description=d(
            "The result for each level of the scale, ascending or descending.",
            "ค่าผลการดำเนินงานของแต่ละระดับคะแนน",
        ),
    )
    milestones: dict[int, Text] | None = Field(
        None,
        description=d(
            "Cumulative steps, level → what is done by then.",
            "ขั้นตอนความสำเร็จแบบสะสม (ระดับ → ผลงาน)",
        ),
    )

    @model_validator(mode="after")
    def _one_kind(self) -> Criteria:
        if (self.thresholds is None) == (self.milestones is None):
            raise ValueError("give either 'thresholds' or 'milestones'")
        return self


class AgreementGoal(SpecModel):
    """A goal of this party, supporting organisation goals or additional; with a
    ``perspective`` (and ``drives``) it is drawn on the unit's own strategy map."""

    id: Id = Field(description=d("Goal id, unique in the agreement.", "รหัสเป้าประสงค์"))
    name: Text = Field(description=d("Goal name.", "ชื่อเป้าประสงค์"))
    supports: IdList = Field(
        default_factory=list,
        description=d("Organisation goals this goal helps to achieve.", "เป้าประสงค์ระดับกรมที่สนับสนุน"),
    )
    additional: bool = Field(
        False, description=d("From the unit's own role.", "เป้าประสงค์เพิ่มเติมตามบทบาทหน่วยงาน")
    )
    perspective: Id | None = Field(
        None,
        description=d(
            "Strategy perspective it sits in: a lane of the unit's own strategy map.",
            "มิติของแผนที่ยุทธศาสตร์ที่เป้าประสงค์นี้สังกัด (แผนที่ยุทธศาสตร์ของหน่วยงาน)",
        ),
    )
    drives: IdList = Field(
        default_factory=list,
        description=d(
            "Goals of this agreement it drives (cause → effect).",
            "เป้าประสงค์ของคำรับรองนี้ที่ส่งผลถึง (เหตุ → ผล)",
        ),
    )
    description: Text | None = Field(None, description=d("Description.", "คำอธิบาย"))


class Kpi(SpecModel):
    """A KPI with its KPI template (รายละเอียดตัวชี้วัด)."""

    id: Id = Field(description=d("KPI code, unique in the agreement.", "รหัสตัวชี้วัด"))
    name: Text | None = Field(
        None, description=d("KPI name (inherited by identical/common).", "ชื่อตัวชี้วัด")
    )
    goal: Id | None = Field(None, description=d("Goal it measures.", "เป้าประสงค์ที่วัด"))
    dimension: Id | None = Field(
        None, description=d("Perspective or framework dimension.", "มิติ/ประเด็นการประเมิน")
    )
    kind: KpiKind | None = Field(
        None,
        description=d(
            "How the KPI relates to its parent party's (none for organisation KPIs).",
            "ประเภทตัวชี้วัด: เหมือนกัน / ร่วมผลักดัน / ร่วม / เฉพาะหน่วยงาน / "
            "ผู้บังคับบัญชา / งาน / มอบหมาย / พัฒนาตนเอง",
        ),
    )
    same_as: Ref | None = Field(
        None, description=d("The parent KPI taken over as is.", "ตัวชี้วัดต้นทางที่รับมาทั้งหมด")
    )
    contributes_to: RefList = Field(
        default_factory=list, description=d("Parent KPIs it drives.", "ตัวชี้วัดต้นทางที่ผลักดัน")
    )
    responsibility: Id | None = Field(
        None, description=d("Job-description responsibility (kind job).", "หน้าที่ความรับผิดชอบ")
    )
    unit_of_measure: str | None = Field(None, description=d("Unit of measure.", "หน่วยวัด"))
    weight: Weight = Field(description=d("Weight (%); may use params.", "น้ำหนัก (ร้อยละ)"))
    target: Dec | None = Field(None, description=d("Target.", "ค่าเป้าหมาย"))
    definition: Text | None = Field(None, description=d("Definition.", "คำนิยาม"))
    formula: str | None = Field(
        None, description=d("Formula over actuals' variables.", "สูตรการคำนวณ")
    )
    variables: dict[str, Text] | None = Field(
        None,
        description=d(
            "What each variable of the formula counts, by name: the KPI card prints them.",
            "ความหมายของตัวแปรในสูตร (แสดงในรายละเอียดตัวชี้วัดแทนชื่อตัวแปร)",
        ),
    )
    criteria: Criteria | None = Field(None, description=d("Criteria.", "เกณฑ์การให้คะแนน"))
    baseline: dict[int, Dec] = Field(
        default_factory=dict, description=d("Baseline by fiscal year.", "ข้อมูลพื้นฐาน")
    )
    round_targets: dict[int, Dec] = Field(
        default_factory=dict,
        description=d("Expected result by month of the fiscal year.", "เป้าหมายรายรอบ (เดือน)"),
    )
    data_source: Text | None = Field(None, description=d("Data source.", "แหล่งข้อมูล"))
    collection_method: Text | None = Field(
        None, description=d("Collection method.", "วิธีการจัดเก็บข้อมูล")
    )
    evidence: Literal["required", "optional"] | list[Text] | None = Field(
        None,
        description=d(
            "Evidence its results give: required, optional (not asked even when the "
            "policy asks), or a list of what counts as evidence (then required); "
            "default: policy.evidence_required.",
            "หลักฐานประกอบผลการดำเนินงาน: required (ต้องแนบ) optional (ไม่บังคับ) หรือรายการหลักฐานที่ต้องแนบ",
        ),
    )
    overseer: Contact | None = Field(
        None, description=d("Person who oversees the KPI.", "ผู้กำกับดูแลตัวชี้วัด")
    )
    collector: Contact | None = Field(
        None, description=d("Person who collects its data.", "ผู้จัดเก็บข้อมูล")
    )
    remark: Text | None = Field(None, description=d("Remark.", "หมายเหตุ"))


class Signatory(SpecModel):
    """A person who signs the agreement."""

    role: Literal["evaluatee", "evaluator", "witness"] = Field(
        description=d("evaluatee | evaluator | witness.", "ผู้รับการประเมิน / ผู้ประเมิน / พยาน")
    )
    person: Id = Field(description=d("Person id from People.", "รหัสบุคคล"))
    signed_on: BeDate | None = Field(
        None,
        description=d("Date signed, Buddhist era: 2568-10-01.", "วันที่ลงนาม (พ.ศ. ปปปป-ดด-วว)"),
    )
    acknowledged_on: BeDate | None = Field(
        None,
        description=d(
            "Date the person acknowledged the agreement, Buddhist era.",
            "วันที่รับทราบคำรับรอง (พ.ศ.)",
        ),
    )


class Agreement(SpecModel):
    """A performance agreement for one party and fiscal year."""

    kind: Literal["Agreement"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    party: Id = Field(description=d("Unit id or person id.", "รหัสหน่วยงานหรือบุคคล"))
    title: Text | None = Field(None, description=d("Title.", "ชื่อคำรับรอง"))
    framework: Id | None = Field(None, description=d("Framework followed.", "กรอบการประเมิน"))
    goals: list[AgreementGoal] = Field(default_factory=list, description=d("Goals.", "เป้าประสงค์"))
    kpis: list[Kpi] = Field(default_factory=list, description=d("KPIs.", "ตัวชี้วัด"))
    signatories: list[Signatory] = Field(
        default_factory=list, description=d("Signatories.", "ผู้ลงนาม")
    )

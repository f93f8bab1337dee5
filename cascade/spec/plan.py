"""``kind: Plan`` — the root ``cascade.yaml``: organisation, fiscal year,
params, common KPIs, validation policy, scoring policy and rule levels."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from cascade.spec.agreement import Criteria
from cascade.spec.common import BeDate, Dec, Id, NonNegative, SpecModel, Text, Version, d

Lang = Literal["th", "en"]
RuleLevel = Literal["error", "warning", "off"]


class CommonKpi(SpecModel):
    """A KPI every unit agreement carries (``kind: common``, ``same_as: C1``)."""

    id: Id = Field(description=d("Common KPI id, e.g. C1.", "รหัสตัวชี้วัดร่วม"))
    name: Text = Field(description=d("KPI name.", "ชื่อตัวชี้วัด"))
    unit_of_measure: str | None = Field(None, description=d("Unit of measure.", "หน่วยวัด"))
    target: Dec | None = Field(None, description=d("Target.", "ค่าเป้าหมาย"))
    definition: Text | None = Field(None, description=d("Definition.", "คำนิยาม"))
    formula: str | None = Field(None, description=d("Formula over actuals.", "สูตรคำนวณ"))
    variables: dict[str, Text] | None = Field(
        None, description=d("What each formula variable counts.", "ความหมายของตัวแปรในสูตร")
    )
    criteria: Criteria | None = Field(None, description=d("Scoring criteria.", "เกณฑ์การให้คะแนน"))


TemplateField = Literal[
    "definition",
    "unit_of_measure",
    "target",
    "criteria",
    "formula",
    "baseline",
    "data_source",
    "collection_method",
    "overseer",
    "overseer.phone",
    "collector",
    "collector.phone",
]


class KpiTemplate(SpecModel):
    """The KPI template fields (slide 28) each level must fill in every KPI."""

    organisation: list[TemplateField] = Field(
        default_factory=list,
        description=d("Fields every organisation KPI fills.", "รายการที่ตัวชี้วัดระดับองค์กรต้องกรอก"),
    )
    unit: list[TemplateField] = Field(
        default_factory=list,
        description=d("Fields every unit KPI fills.", "รายการที่ตัวชี้วัดระดับหน่วยงานต้องกรอก"),
    )
    person: list[TemplateField] = Field(
        default_factory=list,
        description=d("Fields every person's KPI fills.", "รายการที่ตัวชี้วัดระดับบุคคลต้องกรอก"),
    )


class Policy(SpecModel):
    """Validation policy: caps on KPIs that trace to no organisation KPI, and the
    KPI template fields each level fills."""

    unit_specific_max_weight: Dec = Field(
        Decimal(30),
        description=d(
            "Most weight unit-specific KPIs may take in a unit agreement (inclusive).",
            "น้ำหนักรวมสูงสุดของตัวชี้วัดเฉพาะหน่วยงาน",
        ),
    )
    individual_untraced_max_weight: Dec = Field(
        Decimal(30),
        description=d(
            "Most weight assignment + personal KPIs may take in a person's agreement.",
            "น้ำหนักรวมสูงสุดของตัวชี้วัดงานที่ได้รับมอบหมายและการพัฒนาตนเอง",
        ),
    )
    kpi_template: KpiTemplate = Field(
        default_factory=KpiTemplate,
        description=d(
            "KPI template fields each level must fill (TPL001).", "รายละเอียดตัวชี้วัดที่แต่ละระดับต้องกรอก"
        ),
    )
    evidence_required: bool = Field(
        False,
        description=d(
            "Every reported result gives its evidence (cascade status lists those without).",
            "ผลการดำเนินงานทุกรายการต้องแนบหลักฐาน",
        ),
    )
    explanation_required: bool | Literal["at-risk", "below-target"] = Field(
        False,
        description=d(
            "When a result needs a remark (cascade score warns, SCR004): at-risk "
            "(below the round's target), below-target (short of the KPI's target, or at "
            "risk; true means this) or false.",
            "ผลที่ต้องมีคำชี้แจง (remark): at-risk เมื่อมีความเสี่ยง below-target เมื่อต่ำกว่าเป้าหมายหรือมีความเสี่ยง",
        ),
    )


FiscalMonth = Annotated[int, Field(ge=1, le=12)]
"""A month of the fiscal year: 1 (October) to 12 (September)."""


class Rounds(SpecModel):
    """When each round's results are due (``cascade status``)."""

    months: list[FiscalMonth] = Field(
        default_factory=lambda: [3, 6, 9, 12],
        description=d(
            "Rounds, as months of the fiscal year (3 = end of December).",
            "รอบการรายงาน (เดือนที่ของปีงบประมาณ)",
        ),
    )
    due_after_days: int = Field(
        30,
        ge=0,
        le=366,
        description=d(
            "Results are due this many days after the round's last month.",
            "กำหนดส่งผล (วันหลังสิ้นเดือนสุดท้ายของรอบ)",
        ),
    )
    due: dict[FiscalMonth, BeDate] = Field(
        default_factory=dict,
        description=d(
            "Due date by round month, Buddhist era: {6: 2569-04-30}.",
            "วันครบกำหนดส่งผลของแต่ละรอบ (พ.ศ.)",
        ),
    )


class Scale(SpecModel):
    """A plan-defined scale: one score per level."""

    scores: list[Dec] = Field(min_length=2, description=d("Score per level.", "คะแนนแต่ละระดับ"))


DEFAULT_BAND_IDS = ("outstanding", "very-good", "good", "fair", "improve")
"""The rating bands of a plan that sets no ``scoring: ratings:``, highest first."""


class RatingBand(SpecModel):
    """A rating band with an inclusive lower bound, in percent."""

    id: Id = Field(description=d("Band id.", "รหัสระดับผลการประเมิน"))
    min: Dec = Field(description=d("Inclusive lower bound (%).", "ขอบล่าง (ร้อยละ)"))
    name: Text | None = Field(None, description=d("Band name.", "ชื่อระดับ"))


class Incentives(SpecModel):
    """Salary-increase pool and ranges per rating band."""

    pool_percent: NonNegative = Field(Decimal(3), description=d("Pool, % of salaries.", "วงเงิน"))
    ranges: dict[str, list[Dec]] = Field(
        default_factory=dict, description=d("Range per band, % of salary.", "ช่วงร้อยละ")
    )
    top_quota_percent: Dec | None = Field(
        None, ge=0, le=100, description=d("Quota of the top band, % of people.", "โควตาระดับสูงสุด")
    )


class UnitIncentives(SpecModel):
    """A pool shared among units by their agreement's rating band."""

    pool: NonNegative = Field(description=d("Pool in baht.", "วงเงินรวม (บาท)"))
    shares: dict[str, NonNegative] = Field(
        default_factory=dict,
        description=d("Shares per band (default 3, 2, 1, 0, 0).", "สัดส่วนต่อระดับผลการประเมิน"),
    )
    top_quota_percent: Dec | None = Field(
        None, ge=0, le=100, description=d("Quota of the top band, % of units.", "โควตาระดับสูงสุด")
    )


class ScoringPolicy(SpecModel):
    """How scores are computed (see SCORING.md); defaults are the usual method."""

    scale: Literal["five-level", "opdc-2563"] | Scale = Field(
        "five-level", description=d("Scoring scale.", "มาตรวัดคะแนน")
    )
    below_first: Literal["0", "S1"] = Field(
        "0", description=d("Score of a result short of T1.", "คะแนนเมื่อต่ำกว่าระดับ 1")
    )
    milestone_fractions: bool = Field(
        True, description=d("Allow levels like 3.5.", "อนุญาตระดับทศนิยม")
    )
    not_applicable: Literal["redistribute", "transfer"] = Field(
        "redistribute", description=d("What n/a KPIs' weight does.", "การจัดการน้ำหนักเมื่อไม่ประเมิน")
    )
    decimals: int = Field(4, ge=0, le=10, description=d("Rounding decimals.", "จำนวนทศนิยม"))
    rounding: Literal["half-up", "half-even"] = Field(
        "half-up", description=d("Rounding mode.", "วิธีการปัดเศษ")
    )
    components: dict[str, Dec] = Field(
        default_factory=lambda: {"achievement": Decimal(70), "competency": Decimal(30)},
        description=d("Weights of a person's components.", "องค์ประกอบการประเมินบุคคล"),
    )
    ratings: list[RatingBand] | None = Field(
        None, description=d("Rating bands, highest first.", "ระดับผลการประเมิน")
    )
    incentives: Incentives | None = Field(None, description=d("Incentive pool.", "การจัดสรรสิ่งจูงใจ"))
    unit_incentives: UnitIncentives | None = Field(
        None, description=d("Incentive pool for units.", "การจัดสรรสิ่งจูงใจระดับหน่วยงาน")
    )


class Plan(SpecModel):
    """The plan's root document (``cascade.yaml``)."""

    kind: Literal["Plan"] = Field(description=d("Document kind.", "ชนิดเอกสาร"))
    version: Version | None = Field(None, description=d("Format version.", "รุ่นของรูปแบบ"))
    organisation: Id = Field(
        description=d("Id of the root party (the organisation).", "รหัสส่วนราชการ/องค์กร")
    )
    name: Text = Field(description=d("Organisation name.", "ชื่อส่วนราชการ"))
    fiscal_year: int = Field(
        ge=2400,
        le=2700,
        description=d(
            "Fiscal year, Buddhist era (2569 = 1 Oct 2568 – 30 Sep 2569).",
            "ปีงบประมาณ พ.ศ.",
        ),
    )
    languages: list[Lang] = Field(
        default_factory=lambda: list[Lang](["th", "en"]),
        min_length=1,
        description=d("Report languages, the first is the default.", "ภาษาของรายงาน"),
    )
    params: dict[str, Dec] = Field(
        default_factory=dict,
        description=d("Parameters usable in weight expressions.", "ตัวแปรสำหรับสูตรน้ำหนัก"),
    )
    framework: Id | None = Field(
        None,
        description=d("Framework of the organisation's agreement.", "กรอบการประเมินผล"),
    )
    common_kpis: list[CommonKpi] = Field(
        default_factory=list,
        description=d("KPIs every unit carries.", "ตัวชี้วัดร่วมที่ทุกหน่วยงานต้องมี"),
    )
    policy: Policy = Field(
        default_factory=Policy, description=d("Validation policy.", "นโยบายการตรวจสอบ")
    )
    scoring: ScoringPolicy = Field(
        default_factory=ScoringPolicy, description=d("Scoring policy.", "นโยบายการให้คะแนน")
    )
    rounds: Rounds = Field(
        default_factory=Rounds,
        description=d("Reporting rounds and due dates.", "รอบการรายงานและกำหนดส่ง"),
    )
    rules: dict[str, RuleLevel] = Field(
        default_factory=dict,
        description=d("Rule levels by code: error | warning | off.", "ระดับของกฎตรวจสอบ"),
    )
    output: str = Field("out", description=d("Output folder.", "โฟลเดอร์ผลลัพธ์"))

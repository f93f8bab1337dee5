"""An agreement laid out as the forms show it, for both writers: title
lines, a dimension section before each run of KPIs of one dimension (its
Thai name, its number and total weight; the agreement's KPI order is kept,
so a dimension whose KPIs are not together has more than one section), and
each KPI's fields as the text a cell holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from cascade.model.plan import Agreement, PlanModel
from cascade.office.context import plan_context
from cascade.office.words import kind_label, unit_label
from cascade.report.labels import ROLE_WORDS
from cascade.spec.agreement import Kpi as KpiSpec
from cascade.spec.common import Bilingual, Contact, text_of

Value = str | Decimal
"""What a cell holds: text, or an exact number."""

LABELS: dict[str, str] = {
    "id": "ลำดับ",
    "name": "ตัวชี้วัด",
    "name_en": "ชื่อตัวชี้วัด (อังกฤษ)",
    "unit_of_measure": "หน่วยวัด",
    "weight": "น้ำหนัก (ร้อยละ)",
    "target": "ค่าเป้าหมาย",
    "criteria": "เกณฑ์การให้คะแนน",
    "goal": "เป้าประสงค์",
    "kind": "ประเภทตัวชี้วัด",
    "same_as": "รับมาจาก",
    "contributes_to": "ส่งผลต่อ",
    "responsibility": "หน้าที่ความรับผิดชอบ",
    "definition": "คำอธิบาย",
    "formula": "สูตรการคำนวณ",
    "baseline": "ข้อมูลพื้นฐาน",
    "round_targets": "เป้าหมายรายรอบ",
    "data_source": "แหล่งข้อมูล",
    "collection_method": "วิธีการจัดเก็บข้อมูล",
    "overseer": "ผู้กำกับดูแลตัวชี้วัด",
    "collector": "ผู้จัดเก็บข้อมูล",
    "remark": "หมายเหตุ",
}
"""Field → the Thai header or label the forms use (the first wording import knows)."""

GOAL_HEADER = ["รหัสเป้าประสงค์", "เป้าประสงค์", "สนับสนุนเป้าประสงค์ของส่วนราชการ"]
GOAL_HEADER += ["เป้าประสงค์เพิ่มเติม", "มิติ", "ส่งผลต่อเป้าประสงค์", "คำอธิบาย"]
SIGNER_HEADER = ["บทบาท", "รหัสบุคคล", "วันที่ลงนาม", "วันที่รับทราบ"]

_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def writable(text: str) -> str:
    """``text`` without the control characters that an .xlsx or .docx cannot hold
    (openpyxl and lxml refuse them); tabs and line breaks are kept."""
    return _UNWRITABLE.sub("", text)


MAIN = ("id", "name", "name_en", "unit_of_measure", "weight", "target")
MORE = tuple(k for k in LABELS if k not in (*MAIN, "criteria"))


@dataclass(slots=True)
class Group:
    """The KPIs of one dimension: the section line and each KPI's cells."""

    title: str
    rows: list[dict[str, Value]] = field(default_factory=list)
    levels: list[list[Value]] = field(default_factory=list)


@dataclass(slots=True)
class Form:
    """An agreement as a form: title lines, framework line, groups of KPIs."""

    party: str
    title: list[str]
    framework: str | None
    groups: list[Group]
    goals: list[list[str]] = field(default_factory=list)
    signers: list[list[str]] = field(default_factory=list)

    def used(self, names: tuple[str, ...]) -> list[str]:
        """The fields of ``names`` that some KPI fills."""
        return [n for n in names if any(n in row for g in self.groups for row in g.rows)]


def _contact(person: Contact) -> str:
    lines = [text_of(person.name)]
    if person.position is not None:
        lines.append(f"ตำแหน่ง: {text_of(person.position)}")
    if person.phone:
        lines.append(f"โทร: {person.phone}")
    if person.email:
        lines.append(f"อีเมล: {person.email}")
    return "\n".join(lines)


def _number(text: str) -> Value:
    try:
        return Decimal(text)
    except ArithmeticError:
        return text


def _pairs(values: dict[int, Decimal]) -> str:
    return ", ".join(f"{k}: {format(v, 'f')}" for k, v in values.items())


def kpi_cells(kpi: KpiSpec) -> dict[str, Value]:
    """The cells of one KPI, by field (only those the agreement gives)."""
    out: dict[str, Value] = {"id": kpi.id, "weight": _number(kpi.weight)}
    if kpi.name is not None:
        out["name"] = text_of(kpi.name, "th")
        if isinstance(kpi.name, Bilingual) and kpi.name.en and kpi.name.th:
            out["name_en"] = kpi.name.en
    if kpi.unit_of_measure is not None:
        out["unit_of_measure"] = unit_label(kpi.unit_of_measure)
    if kpi.target is not None:
        out["target"] = kpi.target
    for name in ("goal", "same_as", "responsibility", "formula"):
        if getattr(kpi, name) is not None:
            out[name] = str(getattr(kpi, name))
    if kpi.kind is not None:
        out["kind"] = kind_label(kpi.kind)
    if kpi.contributes_to:
        out["contributes_to"] = ", ".join(kpi.contributes_to)
    for name in ("definition", "data_source", "collection_method", "remark"):
        if getattr(kpi, name) is not None:
            out[name] = text_of(getattr(kpi, name), "th")
    for name in ("baseline", "round_targets"):
        if getattr(kpi, name):
            out[name] = _pairs(getattr(kpi, name))
    for name in ("overseer", "collector"):
        if getattr(kpi, name) is not None:
            out[name] = _contact(getattr(kpi, name))
    return out


def kpi_levels(kpi: KpiSpec) -> list[Value]:
    """The five criteria cells: thresholds as numbers, milestones as text."""
    if kpi.criteria is None:
        return []
    if kpi.criteria.thresholds is not None:
        return list(kpi.criteria.thresholds)
    return [text_of(step, "th") for step in (kpi.criteria.milestones or {}).values()]


def _title_lines(title: object) -> list[str]:
    if isinstance(title, Bilingual):
        return [t for t in (title.th, title.en) if t]
    return [title] if isinstance(title, str) else []


def agreement_form(model: PlanModel, agreement: Agreement) -> Form:
    """``agreement`` laid out as the forms show it."""
    context = plan_context(model, agreement.party)
    names = {dim_id: names[0] for dim_id, names in context.dimensions if names}
    runs: list[tuple[str, Group]] = []
    weights: dict[str, Decimal | None] = {}
    for kpi in agreement.spec.kpis:
        dimension = kpi.dimension or ""
        if not runs or runs[-1][0] != dimension:
            runs.append((dimension, Group(names.get(dimension, dimension))))
        runs[-1][1].rows.append(kpi_cells(kpi))
        runs[-1][1].levels.append(kpi_levels(kpi))
        evaluated = model.kpis.get(f"{agreement.party}/{kpi.id}")
        total = weights.get(dimension, Decimal(0))
        weight = evaluated.weight if evaluated is not None else None
        weights[dimension] = total + weight if total is not None and weight is not None else None
    numbers = {dimension: n for n, dimension in enumerate(weights, 1)}
    for dimension, group in runs:
        total = weights[dimension]
        shown = f" (น้ำหนักร้อยละ {format(total.normalize(), 'f')})" if total is not None else ""
        group.title = f"มิติที่ {numbers[dimension]} {group.title}{shown}" if dimension else ""
    goals = [
        [
            goal.id,
            text_of(goal.name, "th"),
            ", ".join(goal.supports),
            "ใช่" if goal.additional else "",
            goal.perspective or "",
            ", ".join(goal.drives),
            text_of(goal.description, "th"),
        ]
        for goal in agreement.spec.goals
    ]
    signers = [
        [ROLE_WORDS[s.role][0], s.person, s.signed_on or "", s.acknowledged_on or ""]
        for s in agreement.spec.signatories
    ]
    return Form(
        agreement.party,
        _title_lines(agreement.spec.title),
        agreement.spec.framework,
        [group for _, group in runs],
        goals,
        signers,
    )

"""The wordings of the forms: column headers and template labels (Thai and
English, with their usual variants), criteria levels, units and KPI kinds."""

from __future__ import annotations

import re

from cascade.load.table_format import header_key
from cascade.report.labels import KIND_WORDS, UNIT_WORDS

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")

FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "id": (
        "ลำดับ",
        "ลำดับที่",
        "ที่",
        "ข้อ",
        "รหัส",
        "รหัสตัวชี้วัด",
        "ตัวชี้วัดที่",
        "เลขที่",
        "no",
        "no.",
        "#",
        "id",
        "kpi id",
        "kpi no.",
        "code",
        "item",
    ),
    "name": (
        "ตัวชี้วัด",
        "ชื่อตัวชี้วัด",
        "ตัวชี้วัดผลการปฏิบัติราชการ",
        "ตัวชี้วัดผลการดำเนินงาน",
        "ชื่อตัวชี้วัด (ไทย)",
        "kpi",
        "kpis",
        "kpi name",
        "indicator",
        "name",
        "measure",
    ),
    "name_en": (
        "ชื่อตัวชี้วัด (อังกฤษ)",
        "ตัวชี้วัด (อังกฤษ)",
        "ชื่อภาษาอังกฤษ",
        "kpi (english)",
        "name (en)",
        "english name",
        "kpi name (en)",
    ),
    "unit_of_measure": ("หน่วยวัด", "หน่วยนับ", "หน่วย", "unit", "unit of measure", "uom", "units"),
    "weight": (
        "น้ำหนัก",
        "น้ำหนัก (ร้อยละ)",
        "น้ำหนักร้อยละ",
        "น้ำหนัก (%)",
        "ร้อยละน้ำหนัก",
        "weight",
        "weight (%)",
        "weight %",
        "weighting",
    ),
    "target": ("ค่าเป้าหมาย", "เป้าหมาย", "target", "target value", "goal value"),
    "criteria": (
        "เกณฑ์การให้คะแนน",
        "เกณฑ์การประเมิน",
        "เกณฑ์การวัด",
        "เกณฑ์",
        "ระดับคะแนน",
        "รายละเอียดเกณฑ์",
        "เกณฑ์การให้คะแนน (ระดับ)",
        "criteria",
        "scoring criteria",
        "scoring",
    ),
    "definition": ("คำอธิบาย", "คำนิยาม", "นิยาม", "คำอธิบายตัวชี้วัด", "definition", "description"),
    "formula": ("สูตรการคำนวณ", "สูตรคำนวณ", "สูตร", "formula"),
    "baseline": ("ข้อมูลพื้นฐาน", "ข้อมูลฐาน", "baseline", "baseline data"),
    "round_targets": ("เป้าหมายรายรอบ", "เป้าหมายรายไตรมาส", "round targets", "interim targets"),
    "data_source": ("แหล่งข้อมูล", "data source", "source of data", "source"),
    "collection_method": (
        "วิธีการจัดเก็บข้อมูล",
        "วิธีจัดเก็บข้อมูล",
        "วิธีการเก็บข้อมูล",
        "collection method",
        "data collection",
    ),
    "source_and_method": ("แหล่งข้อมูล / วิธีการจัดเก็บข้อมูล", "แหล่งข้อมูล/วิธีการจัดเก็บข้อมูล"),
    "overseer": ("ผู้กำกับดูแลตัวชี้วัด", "ผู้กำกับดูแล", "ผู้กำกับตัวชี้วัด", "overseer", "kpi owner"),
    "collector": ("ผู้จัดเก็บข้อมูล", "ผู้เก็บข้อมูล", "ผู้รับผิดชอบการจัดเก็บข้อมูล", "collector", "data collector"),
    "phone": ("เบอร์ติดต่อ", "เบอร์โทรศัพท์", "โทรศัพท์", "โทร", "phone", "tel", "telephone"),
    "remark": ("หมายเหตุ", "remark", "remarks", "note", "notes", "comment"),
    "dimension": (
        "มิติ",
        "มิติการประเมิน",
        "ประเด็นการประเมิน",
        "ประเด็นการประเมินผล",
        "มุมมอง",
        "dimension",
        "perspective",
    ),
    "goal": ("เป้าประสงค์", "รหัสเป้าประสงค์", "goal", "objective"),
    "kind": ("ประเภท", "ประเภทตัวชี้วัด", "kind", "kpi kind", "type"),
    "same_as": ("รับมาจาก", "เหมือนตัวชี้วัด", "ตัวชี้วัดที่รับมา", "same as", "same_as"),
    "contributes_to": ("ส่งผลต่อ", "ร่วมผลักดัน", "ตัวชี้วัดที่ส่งผลต่อ", "contributes to", "contributes_to"),
    "responsibility": ("หน้าที่ความรับผิดชอบ", "หน้าที่", "responsibility"),
}
"""Field → the header or label wordings that name it (compared by :func:`key`)."""


def key(text: str) -> str:
    """A header as compared: Thai digits, no spaces, case folded, no ``:`` or ``*``."""
    return header_key(text.translate(THAI_DIGITS)).strip(":：*")


_WORD_FIELD = {key(w): f for f, words in FIELD_WORDS.items() for w in words}
_PAREN = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def field_of(text: str) -> str | None:
    """The field a header or label names, with or without a note in brackets."""
    for candidate in (text, _PAREN.sub("", text)):
        found = _WORD_FIELD.get(key(candidate))
        if found is not None:
            return found
    return None


_LEVEL = re.compile(
    r"^(?:ระดับ(?:ที่)?|ระดับคะแนน|เกณฑ์|คะแนน|level|score)?\s*([1-9])\s*(?:คะแนน|points?)?$",
    re.IGNORECASE,
)


def level_of(text: str) -> int | None:
    """The criteria level a header or label names: ``1``, ``ระดับ 1``, ``Level 1``, ``1 คะแนน``."""
    found = _LEVEL.match(text.translate(THAI_DIGITS).strip().rstrip(":"))
    return int(found.group(1)) if found else None


_UNITS = {header_key(w): unit for unit, pair in UNIT_WORDS.items() for w in (*pair, unit)}
_UNITS.update({header_key(w): u for w, u in (("%", "percent"), ("เปอร์เซ็นต์", "percent"))})
_UNITS.update({header_key(w): "count" for w in ("จำนวน", "ครั้ง", "เรื่อง", "number")})
_KINDS = {header_key(w): kind for kind, pair in KIND_WORDS.items() for w in (*pair, kind)}


def unit_word(text: str) -> str:
    """A unit of measure as the plans write it (``ร้อยละ`` → ``percent``), else as given."""
    return _UNITS.get(header_key(text), text.strip())


def unit_label(unit: str) -> str:
    """A unit of measure in Thai as the forms write it (``percent`` → ``ร้อยละ``)."""
    return UNIT_WORDS[unit][0] if unit in UNIT_WORDS else unit


def kind_word(text: str) -> str | None:
    """A KPI kind from its Thai or English wording, or ``None``."""
    return _KINDS.get(header_key(text))


def kind_label(kind: str) -> str:
    """A KPI kind in Thai as the forms write it."""
    return KIND_WORDS[kind][0]

"""``cascade import docx``: Word KPI templates (รายละเอียดตัวชี้วัด) as KPIs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.office.fixtures import docx_draft, word

TEMPLATE = [
    ["ตัวชี้วัดที่", "A3"],
    ["ตัวชี้วัด", "ระดับการปรับปรุงคุณภาพกระบวนงานการให้บริการของหน่วยงาน"],
    ["หน่วยวัด : ระดับ", ""],
    ["น้ำหนัก", "ร้อยละ 10"],
    ["เป้าหมาย", "ระดับ 5"],
    ["คำอธิบาย", "คุณภาพของงานให้บริการที่สอดคล้องกับภารกิจหลัก"],
    ["เกณฑ์การให้คะแนน", "รายละเอียดเกณฑ์"],
    ["ระดับ 1", "ตั้งคณะทำงานและคัดเลือกกระบวนงาน"],
    ["ระดับ 2", "จัดทำแผนปรับปรุงคุณภาพการให้บริการ"],
    ["ระดับ 3", "ดำเนินการตามแผน"],
    ["ระดับ 4", "ความพึงพอใจไม่น้อยกว่าร้อยละ 80"],
    ["ระดับ 5", "ความพึงพอใจตั้งแต่ร้อยละ 80 ขึ้นไป"],
    ["ข้อมูลพื้นฐาน", "2567: 3, 2568: 4"],
    ["แหล่งข้อมูล / วิธีการจัดเก็บข้อมูล", "รายงานผลการสำรวจความพึงพอใจ"],
    ["ผู้กำกับดูแลตัวชี้วัด", "นายกำกับ ดูแลดี"],
    ["เบอร์ติดต่อ", "02-000-0001"],
    ["ผู้จัดเก็บข้อมูล", "นางสาวจัดเก็บ ข้อมูลดี\nตำแหน่ง: นักวิเคราะห์นโยบายและแผน"],
    ["เบอร์ติดต่อ", "02-000-0002"],
    ["ความเห็นผู้บริหาร", "เห็นชอบ"],
]

ONE_CELL = [
    ["ตัวชี้วัด", "1.1 ร้อยละของคำร้องที่ดำเนินการแล้วเสร็จ"],
    ["หน่วยวัด", "ร้อยละ"],
    ["น้ำหนัก", "๒๐"],
    ["ค่าเป้าหมาย", "80%"],
    ["เกณฑ์การให้คะแนน", "60, 70, 80, 90, 100"],
]


def test_slide_28_template_with_criteria_rows_and_phones(tmp_path: Path) -> None:
    path = word(
        tmp_path / "t.docx",
        ["แบบรายละเอียดตัวชี้วัด", "มิติที่ 2 ด้านคุณภาพการให้บริการ (น้ำหนักร้อยละ 30)", TEMPLATE, ONE_CELL],
    )
    before = path.read_bytes()
    data, problems = docx_draft(path)
    assert data["title"] == "แบบรายละเอียดตัวชี้วัด"
    assert data["kpis"] == [
        {
            "id": "A3",
            "name": "ระดับการปรับปรุงคุณภาพกระบวนงานการให้บริการของหน่วยงาน",
            "dimension": "D2",
            "unit_of_measure": "level",
            "weight": "10",
            "target": "5",
            "definition": "คุณภาพของงานให้บริการที่สอดคล้องกับภารกิจหลัก",
            "criteria": {
                "milestones": {
                    "1": "ตั้งคณะทำงานและคัดเลือกกระบวนงาน",
                    "2": "จัดทำแผนปรับปรุงคุณภาพการให้บริการ",
                    "3": "ดำเนินการตามแผน",
                    "4": "ความพึงพอใจไม่น้อยกว่าร้อยละ 80",
                    "5": "ความพึงพอใจตั้งแต่ร้อยละ 80 ขึ้นไป",
                }
            },
            "baseline": {"2567": "3", "2568": "4"},
            "data_source": "รายงานผลการสำรวจความพึงพอใจ",
            "overseer": {"name": "นายกำกับ ดูแลดี", "phone": "02-000-0001"},
            "collector": {
                "name": "นางสาวจัดเก็บ ข้อมูลดี",
                "position": "นักวิเคราะห์นโยบายและแผน",
                "phone": "02-000-0002",
            },
        },
        {
            "id": "1.1",
            "name": "ร้อยละของคำร้องที่ดำเนินการแล้วเสร็จ",
            "dimension": "D2",
            "unit_of_measure": "percent",
            "weight": "20",
            "target": "80",
            "criteria": {"thresholds": ["60", "70", "80", "90", "100"]},
        },
    ]
    assert problems == [
        "table 1, row 19: label 'ความเห็นผู้บริหาร' is not a KPI template field, ignored",
    ]
    assert path.read_bytes() == before


def test_criteria_in_a_table_inside_the_criteria_cell(tmp_path: Path) -> None:
    import docx  # type: ignore[import-untyped,unused-ignore]

    document: Any = docx.Document()
    table = document.add_table(rows=4, cols=2)
    for row, (label, value) in zip(
        table.rows,
        [
            ("ตัวชี้วัด", "Service satisfaction"),
            ("Unit", "percent"),
            ("Weight", "15"),
            ("Criteria", ""),
        ],
        strict=True,
    ):
        row.cells[0].text, row.cells[1].text = label, value
    nested = table.rows[3].cells[1].add_table(rows=2, cols=5)
    for column in range(5):
        nested.rows[0].cells[column].text = f"Level {column + 1}"
        nested.rows[1].cells[column].text = str(70 + 5 * column)
    path = tmp_path / "nested.docx"
    document.save(path)
    data, problems = docx_draft(path)
    assert data["kpis"] == [
        {
            "id": "1",
            "name": "Service satisfaction",
            "unit_of_measure": "percent",
            "weight": "15",
            "criteria": {"thresholds": ["70", "75", "80", "85", "90"]},
        },
    ]
    assert problems == []


def test_the_id_in_the_label_and_the_name_beside_it_or_in_the_same_cell(tmp_path: Path) -> None:
    first = [["ตัวชี้วัดที่ ๑.๑", "ร้อยละของร่างกฎหมายที่แล้วเสร็จ"], ["น้ำหนัก", "40"]]
    second = [["ตัวชี้วัดที่ 1.2 ระดับความสำเร็จของการจัดทำคู่มือ ๒ เล่ม", ""], ["น้ำหนัก", "60"]]
    data, problems = docx_draft(word(tmp_path / "t.docx", [first, second]))
    assert [(k["id"], k["name"], k["weight"]) for k in data["kpis"]] == [
        ("1.1", "ร้อยละของร่างกฎหมายที่แล้วเสร็จ", "40"),
        ("1.2", "ระดับความสำเร็จของการจัดทำคู่มือ ๒ เล่ม", "60"),
    ]
    assert problems == []

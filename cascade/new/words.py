"""The few sentences a draft writes into the plan, in the plan's first language.

Names and titles go into the plan (and its reports), so they follow the
plan's ``languages``; comments are for the planner and are bilingual.
"""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "th": {
        "unit_title": "คำรับรองการปฏิบัติราชการของ{name} ประจำปีงบประมาณ พ.ศ. {year}",
        "person_title": "คำรับรองการปฏิบัติราชการระดับบุคคล {name} ประจำปีงบประมาณ พ.ศ. {year}",
        "goal": "TODO เป้าประสงค์ของ {party} ที่สนับสนุน {goal} {name}",
        "additional": "TODO เป้าประสงค์เพิ่มเติมของ {party} ตามบทบาทหน่วยงาน ต่อ {goal} {name}",
        "drives": "TODO ตัวชี้วัดของ {party} ที่ส่งผลต่อ {ref} {name}",
        "job": "TODO ตัวชี้วัดตามหน้าที่ {ref} {name}",
        "kpi": "TODO ชื่อตัวชี้วัด",
        "step": "TODO ขั้นตอนที่ {level}",
        "definition": "TODO คำนิยาม",
        "data_source": "TODO แหล่งข้อมูล",
        "collection_method": "TODO วิธีการจัดเก็บข้อมูล",
        "contact": "TODO ชื่อ-นามสกุล",
        "unit": "TODO ชื่อหน่วยงาน",
    },
    "en": {
        "unit_title": "Performance agreement of {name}, FY {year}",
        "person_title": "Individual performance agreement of {name}, FY {year}",
        "goal": "TODO {party}'s goal that supports {goal} {name}",
        "additional": "TODO {party}'s additional goal, toward {goal} {name}",
        "drives": "TODO {party}'s KPI that drives {ref} {name}",
        "job": "TODO KPI of responsibility {ref} {name}",
        "kpi": "TODO KPI name",
        "step": "TODO step {level}",
        "definition": "TODO definition",
        "data_source": "TODO data source",
        "collection_method": "TODO collection method",
        "contact": "TODO full name",
        "unit": "TODO unit name",
    },
}


def say(lang: str, key: str, **values: object) -> str:
    """The sentence ``key`` in ``lang`` (Thai when the language is unknown)."""
    words = WORDS.get(lang, WORDS["th"])
    return " ".join(words[key].format(**values).split())

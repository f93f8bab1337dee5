"""Actuals entry templates: a workbook (or CSV) per unit for data collectors.

The xlsx has two sheets:

* ``ผลการดำเนินงาน`` (``actuals`` in English): row 1 the period
  (``รอบการประเมิน | 2569-Q2 | title``), row 2 a one-line how-to, row 4 the
  header, then one row per KPI.  :func:`cascade.load.tables.read_table`
  finds the header row by its ``ตัวชี้วัด`` / ``kpi`` column and checks the
  period cell against the file name, so a filled template reads back as is.
* ``วิธีกรอก`` (``instructions``): the full instructions.

KPI id, name, unit, target and criteria are filled in and locked (sheet
protection on, no password: it guards against slips, not people); the cells
to fill are yellow and unlocked, with data validation (a number for values
and formula variables, 0 to the number of milestones for a level, the list
``reported,n/a`` for status).  Cells that do not apply to a KPI (a level on
a threshold KPI) stay locked and grey.

The CSV has the same header and rows, without the title rows; its period is
the file name's.  Both are written atomically, text neutralised against
formula injection (:mod:`cascade.scoring.export`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

from cascade import numbers
from cascade.load.tables import COLUMNS, INFO_COLUMNS, header_key, period_of_name
from cascade.periods import PERIOD_PATTERN
from cascade.scoring.export import (
    Cell,
    column_width,
    decimal_text,
    save_workbook,
    write_csv,
    xlsx_value,
)

Kind = Literal["value", "level", "formula"]


@dataclass(frozen=True, slots=True)
class TemplateRow:
    """One KPI of a template: what is shown (locked) and what is asked for.

    ``kind`` says what the collector enters: a ``value``, the milestone
    ``level`` reached, or the formula's ``variables``.
    """

    kpi: str
    """Qualified KPI id, e.g. ``LAW/2-1``."""
    name: str
    unit_of_measure: str = ""
    target: Decimal | None = None
    thresholds: tuple[Decimal, ...] = ()
    milestones: tuple[str, ...] = ()
    """Milestone level texts, level 1 first."""
    kind: Kind = "value"
    variables: tuple[str, ...] = ()
    """Formula variables (``kind == "formula"``)."""
    collector: str = ""


LABELS: dict[str, dict[str, str]] = {
    "th": {
        "kpi": "ตัวชี้วัด",
        "name": "ชื่อตัวชี้วัด",
        "unit": "หน่วยนับ",
        "target": "ค่าเป้าหมาย",
        "criteria": "เกณฑ์การให้คะแนน",
        "value": "ผลการดำเนินงาน",
        "level": "ระดับ",
        "status": "สถานะ",
        "evidence": "หลักฐาน",
        "remark": "หมายเหตุ",
        "collector": "ผู้กรอกข้อมูล",
        "period": "รอบการประเมิน",
        "sheet": "ผลการดำเนินงาน",
        "help_sheet": "วิธีกรอก",
        "title": "แบบกรอกผลการดำเนินงานตามตัวชี้วัด",
        "howto": (
            "วิธีกรอก: กรอกเฉพาะช่องสีเหลือง • พิมพ์ตัวเลขธรรมดา เช่น 72.5 (ไม่ต้องใส่ % หรือหน่วย) "
            "• ตัวชี้วัดที่ไม่มีผลในรอบนี้ให้เลือกสถานะ n/a • ดูรายละเอียดในแผ่นงาน “วิธีกรอก”"
        ),
    },
    "en": {
        "kpi": "kpi",
        "name": "name",
        "unit": "unit",
        "target": "target",
        "criteria": "criteria",
        "value": "value",
        "level": "level",
        "status": "status",
        "evidence": "evidence",
        "remark": "remark",
        "collector": "collector",
        "period": "period",
        "sheet": "actuals",
        "help_sheet": "instructions",
        "title": "KPI results entry form",
        "howto": (
            "How to fill in: enter only the yellow cells • type plain numbers, e.g. 72.5 "
            "(no % or unit) • a KPI with no result this period: status n/a • "
            "see the 'instructions' sheet"
        ),
    },
}

HELP: dict[str, tuple[str, ...]] = {
    "th": (
        "วิธีกรอกแบบฟอร์มผลการดำเนินงาน รอบ {period}",
        "1. กรอกเฉพาะช่องสีเหลือง ช่องอื่นล็อกไว้ (รหัส ชื่อ หน่วยนับ ค่าเป้าหมาย และเกณฑ์ของตัวชี้วัด)",
        "2. ตัวชี้วัดเชิงปริมาณ: กรอกผลในคอลัมน์ “ผลการดำเนินงาน” เป็นตัวเลข เช่น 72.5 ไม่ต้องใส่ % หรือหน่วย",
        "3. ตัวชี้วัดแบบขั้นความสำเร็จ: กรอกระดับที่ทำได้ในคอลัมน์ “ระดับ” ใส่ทศนิยมได้ เช่น 3.5",
        "4. ตัวชี้วัดที่คำนวณตามสูตร: กรอกค่าของตัวแปรแต่ละตัวในคอลัมน์ของตัวแปรนั้น โปรแกรมคำนวณผลให้",
        "5. สถานะ: เว้นว่างเมื่อรายงานผลตามปกติ เลือก n/a เมื่อตัวชี้วัดไม่มีผลในรอบนี้ "
        "(ไม่ต้องกรอกตัวเลข) และอธิบายเหตุผลในหมายเหตุ",
        "6. หลักฐาน: ลิงก์หรือชื่อเอกสารหลักฐาน • หมายเหตุ: คำอธิบายเพิ่มเติม",
        "7. ห้ามพิมพ์สูตร (ขึ้นต้นด้วย =) ในช่องกรอก โปรแกรมไม่คำนวณสูตร ให้พิมพ์ตัวเลข",
        "8. แถวที่ไม่ได้กรอกถือว่ายังไม่รายงานผล",
        "9. บันทึกเป็นไฟล์ .xlsx และอย่าเปลี่ยนชื่อไฟล์ (ชื่อไฟล์บอกรอบการประเมิน)",
    ),
    "en": (
        "How to fill in the results form for {period}",
        "1. Enter only the yellow cells; the others are locked (KPI id, name, unit, "
        "target and criteria).",
        "2. Threshold KPIs: type the result in 'value' as a plain number, e.g. 72.5, "
        "with no % or unit.",
        "3. Milestone KPIs: type the level reached in 'level'; decimals are fine, e.g. 3.5.",
        "4. Formula KPIs: type each variable in its own column; cascade computes the result.",
        "5. status: leave empty when you report a result; choose n/a when the KPI has no "
        "result this period (no number then), and say why in 'remark'.",
        "6. evidence: a link or the name of the evidence document; remark: any explanation.",
        "7. Do not type formulas (starting with =) in the yellow cells: they are not "
        "computed; type the number.",
        "8. A row left empty means the KPI is not reported yet.",
        "9. Save as .xlsx and keep the file name (it says the period).",
    ),
}

STATUS_VALUES = ("reported", "n/a")
_FONT = "Tahoma"
_INPUT_FILL = "FFF2CC"
_NOT_APPLICABLE_FILL = "EDEDED"
_HEADER_FILL = "D9D9D9"
_HEADER_ROW = 4


@dataclass(frozen=True, slots=True)
class _Column:
    key: str
    """kpi, name, unit, target, criteria, value, level, status, evidence,
    remark, collector, or ``var:NAME``."""
    header: str
    width: float


def write_template(
    rows: Sequence[TemplateRow],
    path: Path,
    *,
    period: str,
    fmt: Literal["xlsx", "csv"],
    lang: str = "th",
) -> None:
    """Write an entry template for ``period`` to ``path`` (atomically).

    Raises ``ValueError`` for a bad period or language, a file name that does
    not carry the period (the reader takes the period from it), or a formula
    variable named like one of the template's columns.
    """
    _check(rows, path, period, lang)
    columns = _columns(rows, LABELS[lang])
    if fmt == "csv":
        write_csv(path, [c.header for c in columns], [_cells(row, columns) for row in rows])
    elif fmt == "xlsx":
        _write_xlsx(rows, columns, path, period, lang)
    else:
        raise ValueError(f"unknown template format '{fmt}'; use xlsx or csv")


def _check(rows: Sequence[TemplateRow], path: Path, period: str, lang: str) -> None:
    if lang not in LABELS:
        raise ValueError(f"unknown language '{lang}'; use {' or '.join(LABELS)}")
    if not re.match(PERIOD_PATTERN, period):
        raise ValueError(f"'{period}' is not a period (2569-Q2, 2569-H1, 2569-M06 or 2569)")
    if period_of_name(path.name) != period:
        raise ValueError(
            f"the file name '{path.name}' must contain the period {period} "
            f"(e.g. {period}-UNIT{path.suffix}): the reader takes the period from it"
        )
    reserved = set(COLUMNS) | INFO_COLUMNS
    for row in rows:
        for name in row.variables:
            if header_key(name) in reserved:
                raise ValueError(
                    f"formula variable '{name}' of {row.kpi} has the name of a template "
                    "column; rename the variable"
                )


def _columns(rows: Sequence[TemplateRow], labels: dict[str, str]) -> list[_Column]:
    variables: dict[str, str] = {}
    for row in rows:
        if row.kind == "formula":
            for name in row.variables:
                variables.setdefault(header_key(name), name)
    keys = ["kpi", "name", "unit", "target", "criteria", "value"]
    if any(row.kind == "level" for row in rows):
        keys.append("level")
    widths = {"kpi": 14, "name": 48, "unit": 12, "target": 12, "criteria": 30, "value": 16}
    widths |= {"level": 10, "status": 12, "evidence": 28, "remark": 32, "collector": 20}
    columns = [_Column(k, labels[k], widths[k]) for k in keys]
    columns += [
        _Column(f"var:{name}", name, column_width([name], minimum=14))
        for name in variables.values()
    ]
    columns += [_Column(k, labels[k], widths[k]) for k in ("status", "evidence", "remark")]
    columns.append(_Column("collector", labels["collector"], widths["collector"]))
    return columns


def _criteria(row: TemplateRow) -> str:
    if row.milestones:
        return "\n".join(f"{i}. {text}" for i, text in enumerate(row.milestones, 1))
    return " / ".join(decimal_text(t) for t in row.thresholds)


def _cells(row: TemplateRow, columns: Sequence[_Column]) -> list[Cell]:
    """The pre-filled cells of a row (input cells empty)."""
    shown: dict[str, Cell] = {
        "kpi": row.kpi,
        "name": row.name,
        "unit": row.unit_of_measure,
        "target": row.target,
        "criteria": _criteria(row),
        "collector": row.collector,
    }
    cells = [shown.get(c.key) for c in columns]
    return [None if value == "" else value for value in cells]


def _inputs(row: TemplateRow) -> set[str]:
    """Keys of the columns a collector fills in for this row."""
    asked = {"value"} if row.kind == "value" else {"level"} if row.kind == "level" else set()
    if row.kind == "formula":
        asked |= {f"var:{name}" for name in row.variables}
    return asked | {"status", "evidence", "remark"}


def _write_xlsx(
    rows: Sequence[TemplateRow],
    columns: Sequence[_Column],
    path: Path,
    period: str,
    lang: str,
) -> None:
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import (  # type: ignore[import-untyped,unused-ignore]
        Alignment,
        Font,
        PatternFill,
        Protection,
    )
    from openpyxl.utils import get_column_letter  # type: ignore[import-untyped,unused-ignore]

    labels = LABELS[lang]
    book = Workbook()
    sheet = book.active
    sheet.title = labels["sheet"]
    font, bold = Font(name=_FONT, size=10), Font(name=_FONT, size=10, bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    def put(row: int, col: int, value: Cell, **style: Any) -> Any:
        cell = sheet.cell(row=row, column=col, value=xlsx_value(value))
        cell.font = style.pop("font", font)
        for name, setting in style.items():
            setattr(cell, name, setting)
        return cell

    put(1, 1, labels["period"], font=bold)
    put(1, 2, period, font=bold)
    put(1, 3, labels["title"], font=Font(name=_FONT, size=12, bold=True))
    put(2, 1, labels["howto"])
    header_fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for col, column in enumerate(columns, 1):
        put(_HEADER_ROW, col, column.header, font=bold, fill=header_fill, alignment=wrap)
        sheet.column_dimensions[get_column_letter(col)].width = column.width

    validations = _validations(rows, lang)
    input_fill = PatternFill("solid", fgColor=_INPUT_FILL)
    grey = PatternFill("solid", fgColor=_NOT_APPLICABLE_FILL)
    fixed = {"kpi", "name", "unit", "target", "criteria", "collector"}
    for r, row in enumerate(rows, _HEADER_ROW + 1):
        asked = _inputs(row)
        for col, (column, value) in enumerate(zip(columns, _cells(row, columns), strict=True), 1):
            if column.key in fixed:
                put(r, col, value, alignment=wrap)
            elif column.key in asked:
                cell = put(r, col, None, fill=input_fill, protection=Protection(locked=False))
                kind = _validation_kind(column.key, row)
                if kind is not None:
                    validations[kind].add(cell.coordinate)
            else:
                put(r, col, None, fill=grey)
    for validation in validations.values():
        if validation.sqref:
            sheet.add_data_validation(validation)

    sheet.freeze_panes = sheet.cell(row=_HEADER_ROW + 1, column=3).coordinate
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # columns and rows may still be resized
    sheet.protection.formatRows = False

    help_sheet = book.create_sheet(labels["help_sheet"])
    help_sheet.column_dimensions["A"].width = 110
    for i, line in enumerate(HELP[lang], 1):
        cell = help_sheet.cell(row=i, column=1, value=xlsx_value(line.format(period=period)))
        cell.font = bold if i == 1 else font
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    help_sheet.protection.sheet = True
    save_workbook(book, path)


def _validation_kind(key: str, row: TemplateRow) -> str | None:
    if key == "status":
        return "status"
    if key == "level":
        return f"level:{len(row.milestones) or 5}"
    if key == "value" or key.startswith("var:"):
        return "number"
    return None


def _validations(rows: Sequence[TemplateRow], lang: str) -> dict[str, Any]:
    """One data validation per kind of input cell (number, level 0..n, status)."""
    from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped,unused-ignore]
        DataValidation,
    )

    th = lang == "th"
    number_error = "พิมพ์เป็นตัวเลข เช่น 72.5" if th else "Type a number, e.g. 72.5"

    def decimal(low: str, high: str, error: str) -> Any:
        return DataValidation(
            type="decimal",
            operator="between",
            formula1=low,
            formula2=high,
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="cascade",
            error=error,
        )

    bound = f"1E+{numbers.INTEGER_DIGITS}"  # the range cascade accepts (cascade.numbers)
    validations: dict[str, Any] = {"number": decimal(f"-{bound}", bound, number_error)}
    for top in sorted({len(row.milestones) or 5 for row in rows if row.kind == "level"}):
        error = f"ระดับ 0 ถึง {top} เช่น 3.5" if th else f"A level from 0 to {top}, e.g. 3.5"
        validations[f"level:{top}"] = decimal("0", str(top), error)
    validations["status"] = DataValidation(
        type="list",
        formula1='"' + ",".join(STATUS_VALUES) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="cascade",
        error=("เว้นว่าง หรือเลือก reported / n/a" if th else "Leave empty, or choose reported / n/a"),
    )
    return validations

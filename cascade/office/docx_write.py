"""``cascade export docx``: an agreement as Word KPI templates (รายละเอียด
ตัวชี้วัด) — a ``มิติที่ …`` heading per dimension, then per KPI a two-column
table of labels and values, the criteria as rows ``ระดับ 1 … ระดับ 5``."""

from __future__ import annotations

import io
from typing import Any

from cascade.office.forms import GOAL_HEADER, LABELS, SIGNER_HEADER, Form, Value, writable

ORDER = (
    *("id", "name", "name_en", "unit_of_measure", "weight", "target", "goal", "kind"),
    *("same_as", "contributes_to", "responsibility", "definition", "formula"),
)
AFTER = ("baseline", "round_targets", "data_source", "collection_method", "overseer")
AFTER_ALL = (*AFTER, "collector", "remark")


def _text(value: Value) -> str:
    return writable(value) if isinstance(value, str) else format(value, "f")


def document_bytes(form: Form) -> bytes:
    """The Word file of ``form`` as ``.docx`` bytes."""
    import docx  # type: ignore[import-untyped,unused-ignore]

    document: Any = docx.Document()
    grid = document.styles["Table Grid"]
    for index, line in enumerate(form.title):
        document.add_heading(writable(line), level=0 if index == 0 else 1)
    if form.framework:
        document.add_paragraph(writable(f"กรอบการประเมิน: {form.framework}"))
    for group in form.groups:
        if group.title:
            document.add_heading(writable(group.title), level=2)
        for cells, levels in zip(group.rows, group.levels, strict=True):
            rows: list[tuple[str, str]] = [
                ("ตัวชี้วัดที่" if n == "id" else LABELS[n], _text(cells[n])) for n in ORDER if n in cells
            ]
            if levels:
                rows.append((LABELS["criteria"], ""))
                rows.extend((f"ระดับ {i}", _text(v)) for i, v in enumerate(levels, 1))
            rows.extend((LABELS[n], _text(cells[n])) for n in AFTER_ALL if n in cells)
            table = document.add_table(rows=len(rows), cols=2)
            table.style = grid
            for row, (label, value) in zip(table.rows, rows, strict=True):
                row.cells[0].text = label
                row.cells[1].text = value
            document.add_paragraph()
    for title, header, records in (
        ("เป้าประสงค์", GOAL_HEADER, form.goals),
        ("ผู้ลงนาม", SIGNER_HEADER, form.signers),
    ):
        if records:
            document.add_heading(title, level=2)
            table = document.add_table(rows=1 + len(records), cols=len(header))
            table.style = grid
            for row, texts in zip(table.rows, [header, *records], strict=True):
                for cell, text in zip(row.cells, texts, strict=True):
                    cell.text = writable(text)
            document.add_paragraph()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()

"""``cascade import docx``: Word KPI templates (รายละเอียดตัวชี้วัด) read into
a :class:`Source` — each two-column table of labels and values is a KPI;
criteria as rows ``ระดับ 1 … ระดับ 5``, a table inside the criteria cell, or
one cell of text; a ``มิติที่ …`` paragraph before a table sets its dimension."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from cascade.office.records import GOAL_WORDS, SIGNER_WORDS, header_of, records
from cascade.office.source import Cell, Found, Source, framework_of, section_of
from cascade.office.words import THAI_DIGITS, field_of, key, level_of
from cascade.office.workbook import ImportFailed, failure, read_bytes

_CRITERIA_HEAD = {key(w) for w in ("ระดับ", "ระดับคะแนน", "level", "score")}
MAX_TABLES = 2_000
MAX_TABLE_ROWS = 200
_KPI_HEADING = re.compile(
    r"^(?:ตัวชี้วัดที่|kpi\s*no\.?|kpi)\s*(?=\S*\d)([0-9A-Za-z]+(?:[.\-][0-9A-Za-z]+)*)[.):]?\s*(.*)$",
    re.IGNORECASE | re.DOTALL,
)


def kpi_heading(label: str, value: str) -> tuple[str, str] | None:
    """The id and name of a row ``ตัวชี้วัดที่ 1.1 | ร้อยละของ…`` (or the whole
    heading in one merged cell, ``ตัวชี้วัดที่ 1.1 ร้อยละของ…``), else ``None``."""
    text = label.strip()
    found = _KPI_HEADING.match(text.translate(THAI_DIGITS))
    if found is None:
        return None
    name = value or text[found.start(2) :].strip()
    return (found.group(1), name) if name else None


def read_docx(path: Path) -> Source:
    """The KPI templates of the Word file ``path``."""
    import docx  # type: ignore[import-untyped,unused-ignore]
    from docx.table import Table  # type: ignore[import-untyped,unused-ignore]
    from docx.text.paragraph import Paragraph  # type: ignore[import-untyped,unused-ignore]

    data = read_bytes(path, "docx")
    try:
        document = docx.Document(io.BytesIO(data))
        source = Source(path.name)
        section = None
        tables = 0
        for child in document.element.body.iterchildren():
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "p":
                text = Paragraph(child, document).text.strip()
                section = _paragraph(source, text, section, tables)
            elif tag == "tbl":
                tables += 1
                if tables > MAX_TABLES:
                    raise ImportFailed(f"{path} has more than {MAX_TABLES:,} tables")
                _table(source, Table(child, document), tables, section)
    except ImportFailed:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged files
        raise failure(path, exc) from None
    return source


def _paragraph(source: Source, text: str, section: Any, tables: int) -> Any:
    if not text:
        return section
    found = section_of(text, f"paragraph after table {tables}" if tables else "heading")
    if found is not None:
        return found
    framework = framework_of(text)
    if framework is not None:
        source.framework = framework
    elif not source.kpis and tables == 0 and len(source.title) < 2:
        source.title.append(text)
    return section


def _cells(row: Any) -> list[Any]:
    """A row's distinct cells (a merged cell is listed once)."""
    out: list[Any] = []
    for cell in row.cells:
        if not out or cell._tc is not out[-1]._tc:
            out.append(cell)
    return out


def _records(source: Source, table: Any, number: int) -> bool:
    """A goals or signatories table; ``False`` when it is neither."""
    rows = [
        ([c.text.strip() for c in _cells(row)], [f"table {number}, row {index}"] * len(row.cells))
        for index, row in enumerate(table.rows[:MAX_TABLE_ROWS], 1)
    ]
    if not rows:
        return False
    if header_of(rows[0][0], GOAL_WORDS) is not None:
        source.goals.extend(records(rows, GOAL_WORDS))
        return True
    if header_of(rows[0][0], SIGNER_WORDS) is not None:
        source.signers.extend(records(rows, SIGNER_WORDS))
        return True
    return False


def _table(source: Source, table: Any, number: int, section: Any) -> None:
    if _records(source, table, number):
        return
    found = Found(f"table {number}", section=section)
    last_contact = ""
    for index, row in enumerate(table.rows, 1):
        if index > MAX_TABLE_ROWS:
            source.problem(f"table {number}", f"more than {MAX_TABLE_ROWS} rows; the rest ignored")
            break
        cells = _cells(row)
        place = f"table {number}, row {index}"
        label = cells[0].text.strip()
        value = "\n".join(c.text.strip() for c in cells[1:] if c.text.strip())
        if not value and ":" in label:
            label, value = (part.strip() for part in label.split(":", 1))
        if key(label) in _CRITERIA_HEAD:
            continue  # "ระดับ | รายละเอียดเกณฑ์": the head of a criteria table
        name = field_of(label)
        level = level_of(label) if name is None else None
        heading = kpi_heading(label, value) if name is None and level is None else None
        if heading is not None:
            found.cells["id"], found.cells["name"] = (Cell(t, place) for t in heading)
        elif level is not None:
            found.levels[level] = Cell(value, place)
        elif name == "phone" and last_contact:
            found.cells[f"{last_contact}_phone"] = Cell(value, place)
        elif name == "source_and_method":
            found.cells["data_source"] = Cell(value, place)
        elif name == "criteria":
            nested = [t for c in cells[1:] for t in c.tables]
            if nested:
                _nested(found, nested[0], place)
            elif value and value.replace("\n", "") not in ("รายละเอียดเกณฑ์", "รายละเอียด"):
                found.cells["criteria"] = Cell(value, place)
        elif name is not None and value:
            found.cells[name] = Cell(value, place)
            if name in ("overseer", "collector"):
                last_contact = name
        elif label and value and name is None:
            source.problem(place, f"label '{label}' is not a KPI template field, ignored")
    if "name" in found.cells or "same_as" in found.cells:
        source.kpis.append(found)
    elif found.levels and source.kpis and not source.kpis[-1].levels:
        source.kpis[-1].levels.update(found.levels)  # a criteria table after its KPI's
    elif found.cells or found.levels:
        source.problem(f"table {number}", "a table without a KPI name (ตัวชี้วัด), ignored")


def _nested(found: Found, table: Any, place: str) -> None:
    """A criteria table inside the criteria cell: rows ``ระดับ 1 | …``, or levels across."""
    rows = [[c.text.strip() for c in _cells(row)] for row in table.rows[:MAX_TABLE_ROWS]]
    for row in rows:
        if len(row) >= 2 and level_of(row[0]) is not None and level_of(row[1]) is None:
            found.levels[level_of(row[0]) or 0] = Cell(row[1], place)
    if found.levels or len(rows) < 2:
        return
    heads = [level_of(text) for text in rows[0]]
    for level, text in zip(heads, rows[1], strict=False):
        if level is not None:
            found.levels[level] = Cell(text, place)

"""A problem in a workbook (xlsx) is reported at its cell, ``actuals!C7``, in
every output: the load stage's, the schema's and the rules' (an unknown KPI,
a bad number), in text, json and sarif."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cascade.cli.app import main
from cascade.engine import validate_plan
from cascade.load.cache import ParseCache
from cascade.load.table_format import sheet_of
from cascade.load.tables import read_table
from tests.conftest import make_plan
from tests.tables.helpers import workbook_bytes

BOOK = "actuals/2569-Q2-ORG.xlsx"


def _plan(tmp_path: Path, last: tuple[str, object] = ("ORG/2", 7)) -> Path:
    root = make_plan(tmp_path / last[0].replace("/", "-"), {})
    (root / "actuals").mkdir()
    rows = [("ตัวชี้วัด", "ผล"), ("ORG/1", 5), ("ORG/9", 80), last]
    (root / BOOK).write_bytes(workbook_bytes(*rows, title="actuals"))
    return root


def test_rule_and_schema_problems_name_their_cells(tmp_path: Path) -> None:
    """An unknown KPI (a rule's finding), a number that is not one (the schema's)."""
    result = validate_plan(_plan(tmp_path))
    assert [(d.code, d.line, d.column, d.cell) for d in result.diagnostics] == [
        ("REF001", 3, 1, "actuals!A3")
    ]
    result = validate_plan(_plan(tmp_path, ("ORG/3", "ห้าสิบ")))
    assert [(d.code, d.line, d.column, d.cell) for d in result.diagnostics] == [
        ("SPEC005", 4, 2, "actuals!B4")
    ]


def test_text_json_and_sarif_show_the_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _plan(tmp_path)
    assert main(["validate", str(root), "--no-cache"]) == 1
    text = capsys.readouterr().out.splitlines()
    assert text[:2] == [
        str(root / BOOK),
        "  actuals!A3  error    unknown KPI 'ORG/9'  REF001",
    ]
    assert main(["validate", str(root), "--no-cache", "-f", "json"]) == 1
    (found,) = json.loads(capsys.readouterr().out)["diagnostics"]
    assert (found["line"], found["column"], found["cell"]) == (3, 1, "actuals!A3")
    assert main(["validate", str(root), "--no-cache", "-f", "sarif"]) == 1
    (result,) = json.loads(capsys.readouterr().out)["runs"][0]["results"]
    assert result["message"]["text"] == (
        "actuals!A3: unknown KPI 'ORG/9'\nhint: did you mean 'ORG/2'?"
    )
    region = result["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 3, "startColumn": 1}


def test_load_problems_name_their_cells_also_from_the_cache(tmp_path: Path) -> None:
    data = workbook_bytes(("kpi", "value"), ("ORG/1", 5, "stray"), title="actuals")
    read = read_table(data, BOOK)
    assert [(d.code, d.cell) for d in read.diagnostics] == [("LOAD010", "actuals!C2")]
    assert read.diagnostics[0].message == (
        "cell actuals!C2 has a value but its column has no header; add a header or clear the cell"
    )
    cache = ParseCache(tmp_path)
    cache.put("k1", read)
    again = cache.get("k1", BOOK)
    assert again is not None and [d.cell for d in again.diagnostics] == ["actuals!C2"]
    good = read_table(workbook_bytes(("kpi", "value"), ("ORG/1", 5), title="my sheet"), BOOK)
    cache.put("k2", good)  # one entry a file: replaces k1's
    back = cache.get("k2", BOOK)
    assert back is not None and back.cells == good.cells
    assert sheet_of(back.cells) == sheet_of(good.cells) == "my sheet"

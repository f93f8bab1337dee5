"""Export helpers: formula injection neutralised, numbers exact, writes atomic."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import openpyxl  # type: ignore[import-untyped,unused-ignore]
import pytest

from cascade.scoring.export import (
    Cell,
    neutralise,
    safe_sheet_title,
    save_workbook,
    write_csv,
    write_xlsx,
)

HEADER = ["kpi", "name", "score"]
ROWS: list[list[Cell]] = [
    ["LAW/2-1", '=HYPERLINK("http://x","y")', Decimal("4.5250")],
    ["LAW/2-2", "+1", Decimal("1E+2")],
    ["LAW/2-3", "-2+3", 3],
    ["LAW/2-4", "@SUM(A1)", None],
    ["LAW/2-5", "\tx", Decimal("-5")],
    ["LAW/2-6", "ร้อยละ\x07", Decimal("0.1")],
]


@pytest.mark.parametrize(
    ("text", "safe"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("ร้อยละ", "ร้อยละ"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_neutralise(text: str, safe: str) -> None:
    assert neutralise(text) == safe


def test_write_csv(tmp_path: Path) -> None:
    path = tmp_path / "out" / "scores.csv"
    write_csv(path, HEADER, ROWS)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == HEADER
    assert [r[1] for r in rows[1:]] == [
        '\'=HYPERLINK("http://x","y")',
        "'+1",
        "'-2+3",
        "'@SUM(A1)",
        "'\tx",
        "ร้อยละ\x07",
    ]
    assert [r[2] for r in rows[1:]] == ["4.5250", "100", "3", "", "-5", "0.1"]
    assert sorted(p.name for p in path.parent.iterdir()) == ["scores.csv"]


def test_write_xlsx(tmp_path: Path) -> None:
    path = tmp_path / "scores.xlsx"
    write_xlsx(path, HEADER, ROWS, "scores: 2569/Q2 [LAW]")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.xlsx"]
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet.title == "scores- 2569-Q2 -LAW-"
    assert [c.value for c in sheet[1]] == HEADER
    names = [sheet.cell(r, 2) for r in range(2, 8)]
    assert all(c.data_type == "s" for c in names)
    assert names[0].value == '\'=HYPERLINK("http://x","y")'
    assert names[5].value == "ร้อยละ"  # control character dropped
    scores = [sheet.cell(r, 3) for r in range(2, 8)]
    assert [c.value for c in scores] == [4.525, 100, 3, None, -5, 0.1]
    assert all(c.data_type == "n" for c in scores)
    assert sheet.freeze_panes == "A2"


def test_failed_save_leaves_the_old_file(tmp_path: Path) -> None:
    class Broken:
        def save(self, target: BinaryIO) -> None:
            target.write(b"partial")
            raise OSError("disk full")

    path = tmp_path / "scores.xlsx"
    path.write_bytes(b"old")
    with pytest.raises(OSError, match="disk full"):
        save_workbook(Broken(), path)
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["scores.xlsx"]


def test_safe_sheet_title() -> None:
    assert safe_sheet_title("a" * 40) == "a" * 31
    assert safe_sheet_title("''") == "Sheet"

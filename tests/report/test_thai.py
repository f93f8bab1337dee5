"""Thai dates and numbers: Buddhist-era years, Thai month names, Thai digits."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from cascade.report.filters import Filters
from cascade.report.thai import (
    fiscal_bounds,
    format_date,
    format_stamp,
    grouped_number,
    plain_number,
    to_thai_digits,
)
from tests.conftest import ROOT
from tests.report.report_helpers import run


def test_fiscal_year_bounds_are_october_to_september() -> None:
    assert fiscal_bounds(2569) == (date(2025, 10, 1), date(2026, 9, 30))


@pytest.mark.parametrize(
    ("lang", "style", "text"),
    [
        ("th", "long", "1 ตุลาคม 2568"),
        ("th", "short", "1 ต.ค. 2568"),
        ("en", "long", "1 October 2568"),  # one calendar: the Buddhist era in English too
        ("en", "short", "1 Oct 2568"),
    ],
)
def test_dates(lang: str, style: str, text: str) -> None:
    assert format_date(date(2025, 10, 1), lang, style) == text


def test_every_thai_month() -> None:
    months = [format_date(date(2026, m, 1), "th").split()[1] for m in range(1, 13)]
    assert months[0] == "มกราคม" and months[8] == "กันยายน" and months[11] == "ธันวาคม"


def test_stamp() -> None:
    when = datetime(2026, 11, 24, 9, 5)
    assert format_stamp(when, "th") == "24 พฤศจิกายน 2569 09:05 น."
    assert format_stamp(when, "en") == "24 November 2569 09:05"


def test_thai_digits() -> None:
    assert to_thai_digits("พ.ศ. 2569, 2.5") == "พ.ศ. ๒๕๖๙, ๒.๕"


@pytest.mark.parametrize(
    ("value", "places", "text"),
    [
        (Decimal("100"), None, "100"),
        (Decimal("2.50"), None, "2.5"),
        (Decimal("35.0"), None, "35"),
        (Decimal("3.5988"), None, "3.5988"),
        (Decimal("56.41379310344827586206896552"), None, "56.4138"),
        (Decimal("1E+2"), None, "100"),
        (Decimal("5"), 4, "5.0000"),
        (None, None, "—"),
    ],
)
def test_plain_number(value: Decimal | None, places: int | None, text: str) -> None:
    assert plain_number(value, places) == text


def test_grouped_number() -> None:
    assert grouped_number(Decimal("12500000")) == "12,500,000"
    assert grouped_number(Decimal("1234.50")) == "1,234.5"


def test_filters_apply_thai_digits_only_when_asked() -> None:
    thai = Filters("th", True, "html")
    assert thai.num(Decimal("2.5")) == "๒.๕"
    assert thai.score(Decimal("3.5988")) == "๓.๕๙๘๘"
    assert thai.year(2569) == "๒๕๖๙"
    assert thai.date(date(2025, 10, 1)) == "๑ ตุลาคม ๒๕๖๘"
    assert Filters("th", False, "html").num(Decimal("2.5")) == "2.5"


def test_agreement_form_in_thai(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    argv = ["report", str(ROOT / "plans" / "probation"), "-o", str(out), "--thai-digits"]
    assert run(argv, capsys)[0] == 0
    html = (out / "report" / "html" / "LAW.html").read_text(encoding="utf-8")
    assert "<p>ประจำปีงบประมาณ พ.ศ. ๒๕๖๙</p>" in html
    assert "เริ่มตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๘ ถึงวันที่ ๓๐ กันยายน ๒๕๖๙" in html
    assert "คำรับรองระหว่าง นายสุรชัย ธรรมรักษา อธิบดีกรมคุมประพฤติ ผู้รับคำรับรอง" in html
    assert "กับ นางสาวกานดา นิติธรรม ผู้อำนวยการสำนักกฎหมาย ผู้ทำคำรับรอง" in html
    assert '<td class="n">๑๕</td>' in html  # a weight
    assert "<td>LAW/2-1</td>" in html  # codes keep their digits
    md = (out / "report" / "md" / "DOP.md").read_text(encoding="utf-8")
    assert "| ๓๕ |" in md  # 30 + A with A = 5


def test_agreement_form_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    plan = str(ROOT / "plans" / "probation")
    assert run(["report", plan, "-o", str(out), "--lang", "en"], capsys)[0] == 0
    html = (out / "report" / "html" / "LAW.html").read_text(encoding="utf-8")
    assert "<p>of Legal Affairs Bureau</p>" in html
    assert "from 1 October 2568 to 30 September 2569" in html
    assert "(evaluator)" in html and "(evaluatee)" in html

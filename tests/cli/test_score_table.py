"""``cascade score``'s table: it fits the terminal's width and speaks ``--lang``."""

from __future__ import annotations

import io
import unicodedata

import pytest

from cascade.engine import check_plan
from cascade.periods import parse_period
from cascade.scoring.run import ScoreOptions, score_plan
from cascade.scoring.scorecard import ScoreRun
from cascade.scoring.show import FALLBACK_WIDTH, show, terminal_width
from tests.conftest import ROOT


def cells(line: str) -> int:
    """The columns a terminal gives ``line``: Thai vowel and tone marks take none."""
    return sum(
        0 if unicodedata.combining(c) or unicodedata.category(c) == "Mn" else 1 for c in line
    )


@pytest.fixture(scope="module")
def scored() -> ScoreRun:
    model = check_plan(ROOT / "plans" / "probation").model
    assert model is not None
    period = parse_period("2569-Q2")
    assert period is not None
    return score_plan(model, ScoreOptions(period, party="LAW"))[0]


def shown(run: ScoreRun, lang: str, width: int) -> list[str]:
    out = io.StringIO()
    show(run, out, lang=lang, width=width)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("width", [60, 120])
def test_no_line_is_wider_than_the_terminal(scored: ScoreRun, lang: str, width: int) -> None:
    lines = shown(scored, lang, width)
    assert max(cells(line) for line in lines) == width  # tables take the whole width
    assert [line for line in lines if cells(line) > width] == []
    numbers = [line for line in lines if line.startswith("│ 2-5 ")]
    assert "│ 4.6000 │   0.6900 │" in numbers[0]  # numbers are never folded


def test_headers_and_statuses_in_the_language(scored: ScoreRun) -> None:
    thai = shown(scored, "th", 120)
    assert [h.strip() for h in thai[2].split("┃")[1:8]] == [
        "ตัวชี้วัด",
        "ชื่อ",
        "สถานะ",
        "น้ำหนัก",
        "ผล",
        "คะแนน",
        "ถ่วงน้ำหนัก",
    ]
    assert thai[4].split("│")[3].strip() == "ใช้ผลต้นทาง"  # 2-1 is inherited
    english = shown(scored, "en", 60)  # narrow: the names are listed under the table
    assert [h.strip() for h in english[2].split("┃")[1:7]] == [
        "KPI",
        "status",
        "weight",
        "result",
        "score",
        "weighted",
    ]
    assert english[4].split("│")[2].strip() == "inherited"
    assert english[15].rstrip() == "2-1  ร้อยละของความสำเร็จของการแก้ไข หรือยกเลิกกฎหมาย"
    assert english[26] == "score 2.9420 / 5 (58.8400 %)"


def test_width_from_columns_else_a_terminal_else_140(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "72")
    assert terminal_width(io.StringIO()) == 72
    monkeypatch.delenv("COLUMNS")
    assert terminal_width(io.StringIO()) == FALLBACK_WIDTH == 140

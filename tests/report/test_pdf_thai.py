"""Thai typography that a signed page needs, in the PDF and the SVG maps:
no mark touches a table rule, and lines never break inside a word.

One small PDF for the module: the report's own typst preamble (its table,
text and paragraph settings) with a table of long Thai KPI names in narrow
columns, plain and header cells, and the marks that reach furthest above and
below (ปู่, ฏู).  It is rasterised at 300 dpi (``pdftoppm``) and read back as
laid out (``pdftotext -layout``); poppler-utils is installed by ``.ci/run``.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from cascade.engine import check_plan
from cascade.report.pdf import compile_pdf
from cascade.report.pdf_markup import escape_typst, keep_words, render_typst
from cascade.report.site import ReportOptions, make_view
from cascade.report.svg._text import wrap
from tests.conftest import ROOT

# Long KPI names of the kind agencies write, and words in them that a reader
# must see whole (typst's own dictionary breaks งบ|ประมาณ, ยาเสพ|ติด, ตัว|ชี้วัด).
NAMES = (
    "ร้อยละความสำเร็จของการเบิกจ่ายเงินงบประมาณ",
    "ระดับความสำเร็จของการพัฒนาประสิทธิภาพกระบวนการตามยุทธศาสตร์",
    "ร้อยละของผู้ผ่านการฟื้นฟูสมรรถภาพผู้ติดยาเสพติดที่ไม่กลับไปเสพซ้ำ",
    "สัดส่วนของร่างสัญญาที่สามารถตรวจเสร็จภายในเวลามาตรฐาน",
    "ร้อยละของความพึงพอใจของผู้รับบริการต่อการดำเนินการของหน่วยงาน",
    "ระดับผลสัมฤทธิ์ของตัวชี้วัดเครือข่ายยุติธรรมชุมชน",
)
WHOLE = (
    "ความสำเร็จ",
    "งบประมาณ",
    "ประสิทธิภาพ",
    "กระบวนการ",
    "ยุทธศาสตร์",
    "สมรรถภาพ",
    "ยาเสพติด",
    "ภายใน",
    "มาตรฐาน",
    "ความพึงพอใจ",
    "ผู้รับบริการ",
    "ดำเนินการ",
    "หน่วยงาน",
    "ผลสัมฤทธิ์",
    "ตัวชี้วัด",
    "เครือข่าย",
    "ยุติธรรม",
)
MARKS = ("ปู่ญี่ปุ่นกิ่งก้านฤดูฎีกาฏุมฐีฎู", "ฏู", "ปู่")
INK = 200  # a pixel darker than this (0 black … 255 white) is ink or rule


def _cell(text: str) -> str:
    return keep_words(escape_typst(text))


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert shutil.which("pdftoppm") and shutil.which("pdftotext"), "install poppler-utils"
    model = check_plan(ROOT / "plans" / "acme").model
    assert model is not None
    preamble = render_typst(make_view(model, ReportOptions(lang="th")), "th", pages=())
    rows = ", ".join(f"[{_cell(t)}], th[{_cell(t)}]" for t in (*NAMES, *MARKS))
    source = f"{preamble}\n#table(columns: (2.8cm, 2.8cm), {rows})\n"
    out = tmp_path_factory.mktemp("thai") / "thai.pdf"
    out.write_bytes(compile_pdf(source))
    return out


def _gray(pdf: Path) -> tuple[int, int, bytes]:
    """Page 1 at 300 dpi in grey: width, height, one byte a pixel."""
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", pdf, stem], check=True)
    data = Path(f"{stem}-1.pgm").read_bytes()
    magic, width, height, _, pixels = data.split(maxsplit=4)
    assert magic == b"P5"
    w, h = int(width), int(height)
    return w, h, pixels[-w * h :]


def _rules(w: int, h: int, px: bytes) -> list[tuple[int, int, int, int]]:
    """Horizontal rules as (first row, last row, x from, x to): runs of ink over 1 cm."""
    found: dict[tuple[int, int], list[int]] = {}
    for y in range(h):
        row, x = px[y * w : (y + 1) * w], 0
        while x < w:
            start = x
            while x < w and row[x] < INK:
                x += 1
            if x - start >= 118:
                found.setdefault((start, x), []).append(y)
            x += 1
    bands = []
    for (x0, x1), ys in found.items():
        top = ys[0]
        for prev, y in zip(ys, [*ys[1:], -1], strict=True):
            if y != prev + 1:
                bands.append((top, prev, x0, x1))
                top = y
    return sorted(bands)


def test_no_thai_mark_touches_a_table_rule(pdf: Path) -> None:
    w, h, px = _gray(pdf)
    rules = _rules(w, h, px)
    assert len(rules) == len(NAMES) + len(MARKS) + 1  # a rule above each row and one below
    touching = []
    for top, bottom, x0, x1 in rules:
        for y in (top - 1, bottom + 1):
            for x in range(x0, x1):
                crossing = all(px[(top - k) * w + x] < INK for k in range(3, 12)) or all(
                    px[(bottom + k) * w + x] < INK for k in range(3, 12)
                )  # a vertical rule meets the horizontal one here
                if px[y * w + x] < INK and not crossing:
                    touching.append((x, y))
    assert touching == []


def test_known_words_stay_whole_in_a_narrow_pdf_column(pdf: Path) -> None:
    text = subprocess.run(
        ["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [part for line in text.splitlines() for part in line.split()]
    assert len(lines) > 2 * len(NAMES) * 3  # each name really wraps, three lines or more
    split = [w for w in WHOLE if any(w in n for n in NAMES) and not any(w in p for p in lines)]
    assert split == []


def test_keep_words_boxes_known_words_only() -> None:
    assert keep_words("ร้อยละของงบประมาณ") == "#box[ร้อยละ];ของ#box[งบประมาณ];"
    assert keep_words("budget 100\\%") == "budget 100\\%"


@pytest.mark.parametrize("width", [80.0, 110.0, 150.0])
def test_svg_wrapping_keeps_the_same_words_whole(width: float) -> None:
    for name in NAMES:
        lines = wrap(name, width, 11)
        assert "".join(lines) == name
        assert len(lines) > 1
        split = [w for w in WHOLE if w in name and not any(w in line for line in lines)]
        assert split == [], (name, lines)

"""A unit's own strategy map in its PDF: drawn after its KPI table, its text in the
PDF's text layer line by line as the map wraps it, no known Thai word split."""

from __future__ import annotations

import dataclasses
import re

import pytest
from pypdf import PdfReader

from cascade.engine import check_plan
from cascade.report.pdf import compile_pdf, typst_source
from cascade.report.pdf_map import HEIGHT_PT, WIDTH_PT
from cascade.report.pdf_markup import goal_map_typst
from cascade.report.site import ReportOptions, make_view
from cascade.report.svg._thai_words import word_marks
from cascade.report.view import AgreementView
from tests.conftest import ROOT
from tests.report.pdf_text import pdf_pages

# PROB's goals as the map draws them: each box's name, line by line.
BOXES = {
    "PROB-G3": ("ผู้พ้นการคุมความประพฤติ", "ไม่กลับมากระทำผิดซ้ำ"),
    "PROB-G1": ("ผู้ถูกคุมความประพฤติกลับ", "ตนเป็นคนดีของสังคม"),
    "PROB-G2": ("กระบวนการแก้ไขฟื้นฟู", "พฤตินิสัยมีคุณภาพ"),
    "PROB-G5": ("ผู้รับบริการพึงพอใจต่อ", "บริการของสำนัก"),
    "PROB-G4": ("ชุมชนและอาสาสมัครคุม", "ประพฤติมีส่วนร่วมในการ", "แก้ไขฟื้นฟู"),
    "PROB-G6": ("บุคลากรของสำนักมี", "ความพึงพอใจในการ", "ปฏิบัติงาน"),
}
LANES = ("ประสิทธิผลตาม", "ยุทธศาสตร์", "คุณภาพการให้", "บริการ", "ประสิทธิภาพ", "ของการ",
         "ปฏิบัติราชการ", "การพัฒนาองค์กร")  # fmt: skip


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def prob(tmp_path_factory: pytest.TempPathFactory) -> tuple[AgreementView, list[str]]:
    """PROB's own PDF (its agreement, map and cards) and the text of its pages."""
    model = check_plan(ROOT / "plans" / "probation").model
    assert model is not None
    view = make_view(model, ReportOptions(lang="th"))
    agreement = next(a for a in view.agreements if a.party.ref.id == "PROB")
    path = tmp_path_factory.mktemp("map") / "PROB.pdf"
    path.write_bytes(
        compile_pdf(typst_source(dataclasses.replace(view, agreements=(agreement,)), "th"))
    )
    return agreement, pdf_pages(PdfReader(path))


def test_the_map_has_its_own_page_between_the_kpi_table_and_the_cards(
    prob: tuple[AgreementView, list[str]],
) -> None:
    _, pages = prob
    heading = squash("แผนที่ยุทธศาสตร์ · สำนักพัฒนาการคุมประพฤติ")
    found = [n for n, page in enumerate(pages) if squash(page).startswith(heading)]
    assert found == [2]
    assert squash("น้ำหนักรวมครบร้อยละ 100") in squash(pages[1])  # the KPI table ends before it
    assert squash(pages[3]).startswith(squash("รายละเอียดตัวชี้วัด · สำนักพัฒนาการคุมประพฤติ"))


def drawn_names(page: str, ids: list[str]) -> dict[str, list[str]]:
    """Each goal's name lines as the PDF's text layer has them: after the goal's id
    and its issue chips (``SI1`` …), up to the next goal's id or the legend."""
    lines = [line.strip() for line in page.split("\n") if line.strip()]
    legend = lines.index("ประเด็นยุทธศาสตร์ (")
    starts = sorted(lines.index(goal) for goal in ids)
    found: dict[str, list[str]] = {}
    for at, end in zip(starts, [*starts[1:], legend], strict=True):
        body = lines[at + 1 : end]
        while body and re.fullmatch(r"SI\d", body[0]):
            body = body[1:]
        found[lines[at]] = body
    return found


def test_every_goal_name_is_in_the_text_layer_line_by_line(
    prob: tuple[AgreementView, list[str]],
) -> None:
    _, pages = prob
    assert drawn_names(pages[2], list(BOXES)) == {g: list(name) for g, name in BOXES.items()}
    lines = [line.strip() for line in pages[2].split("\n") if line.strip()]
    lanes = lines.index(LANES[0])  # after the heading, right before the first goal box
    assert lines[lanes : lanes + len(LANES)] == list(LANES)
    assert lanes + len(LANES) == min(lines.index(goal) for goal in BOXES)


def test_the_map_breaks_no_known_word(prob: tuple[AgreementView, list[str]]) -> None:
    agreement, pages = prob
    assert agreement.goal_map is not None
    goals = {g.id: g.name for g in agreement.goal_map.goals}
    for goal, lines in drawn_names(pages[2], list(goals)).items():
        assert "".join(lines) == goals[goal]
        inside, _ = word_marks(goals[goal])
        breaks = [len("".join(lines[: k + 1])) for k in range(len(lines) - 1)]
        assert [b for b in breaks if b in inside] == [], goal


def test_the_drawing_fits_the_page_with_an_arrow_per_drive(
    prob: tuple[AgreementView, list[str]],
) -> None:
    agreement, _ = prob
    assert agreement.goal_map is not None
    markup = str(goal_map_typst(agreement.goal_map))
    width, height = re.match(
        r"#block\(breakable: false, box\(width: ([\d.]+)pt, height: ([\d.]+)pt", markup
    ).groups()  # type: ignore[union-attr]
    assert float(width) <= WIDTH_PT and float(height) <= HEIGHT_PT
    drives = sum(len(g.drives) for g in agreement.goal_map.goals)
    assert (drives, markup.count("place(curve("), markup.count("place(polygon(")) == (7, 7, 7)

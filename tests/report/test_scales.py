"""Every scale prints: criteria columns follow the plan's scale (three levels on
``opdc-2563``, seven on a plan-defined scale) in HTML, Markdown and the PDF;
dimension names fall back to the strategy's perspectives."""

from __future__ import annotations

import dataclasses
import io
import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from cascade.engine import check_plan
from cascade.report.agreements import dimension_names
from cascade.report.pdf import compile_pdf, typst_source
from cascade.report.refs import Refs
from cascade.report.site import ReportOptions, make_report, make_view
from tests.conftest import ROOT
from tests.report.pdf_text import pdf_pages
from tests.report.rescale import rescale

SEVEN = [1, 2, 3, 4, 5, 6, 7]
CASES = [("probation", "opdc-2563", 3), ("acme", "opdc-2563", 3), ("probation", SEVEN, 7)]


@pytest.mark.parametrize(("plan", "scale", "levels"), CASES, ids=["opdc-th", "opdc-en", "seven"])
def test_criteria_columns_follow_the_scale(
    plan: str, scale: str | list[int], levels: int, tmp_path: Path
) -> None:
    root = rescale(ROOT / "plans" / plan, tmp_path / "plan", scale)
    model = check_plan(root).model
    assert model is not None
    view, pages = make_report(model, ReportOptions(formats=("html", "md")))
    assert {a.levels for a in view.agreements} == {tuple(range(1, levels + 1))}
    first = view.agreements[0].party.ref.page
    md = pages[("md", f"{first}.md")]
    header = "".join(f" {n} |" for n in range(1, levels + 1))
    assert f"| {header.strip()}" in md.replace("Target |", "|").replace("ค่าเป้าหมาย |", "|")
    for table in md.split("\n\n"):
        lines = [ln for ln in table.splitlines() if ln.startswith("| ---")]
        if lines and lines[0].startswith("| --- | --- | ---: | --- | ---: |"):
            assert lines[0].count("---:") == 2 + levels
            rows = table.splitlines()
            assert {row.count("|") for row in rows} == {6 + levels}
    html = pages[("html", f"{first}.html")]
    assert f'<th colspan="{levels}" class="c">' in html
    assert f'<tr class="dimension"><th colspan="{5 + levels}">' in html
    assert f'<td colspan="{2 + levels}">' in html
    for row in re.findall(r"<tr><td><a href=\"#kpi-.*?</tr>", html):
        assert row.count("<td") == 5 + levels


def test_a_three_level_plan_makes_a_pdf(tmp_path: Path) -> None:
    root = rescale(ROOT / "plans" / "acme", tmp_path / "plan", "opdc-2563")
    model = check_plan(root).model
    assert model is not None
    view = make_view(model, ReportOptions(lang="en"))
    source = typst_source(view, "en")
    assert source.count("+ (0.9cm,) * 3,") == len(view.agreements)
    assert source.count("ch(colspan: 3)[Scoring criteria]") == len(view.agreements)
    assert compile_pdf(source).startswith(b"%PDF-")


def test_unnamed_framework_dimensions_take_the_perspective_names(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    shutil.copytree(ROOT / "plans" / "probation", root)
    framework = root / "frameworks" / "opdc-2556.yaml"
    text = framework.read_text(encoding="utf-8")
    text = re.sub(r"\n(\s+)name: \{th: การประเมินประสิทธิผล, en: Effectiveness\}", "", text)
    framework.write_text(text, encoding="utf-8")
    model = check_plan(root).model
    assert model is not None
    view = make_view(model, ReportOptions(lang="th"))
    dop = next(a for a in view.agreements if a.party.ref.id == "DOP")
    assert dop.dimensions[0].name == "ประสิทธิผลตามยุทธศาสตร์"
    assert "effectiveness" not in {d.name for a in view.agreements for d in a.dimensions}


def test_kpis_without_a_dimension_have_a_named_subtotal() -> None:
    model = check_plan(ROOT / "plans" / "probation").model
    assert model is not None
    names = dimension_names(model, model.agreements["DOP"], Refs(model, "en"))
    assert names[""] == "No dimension"
    assert names["effectiveness"] == "Effectiveness"
    assert all(names.values())


def test_more_than_five_levels_print_the_kpi_table_on_a_landscape_page(tmp_path: Path) -> None:
    """Seven criteria columns do not fit upright: the KPI table's pages are A4
    landscape, the form before and the KPI cards after stay upright."""
    root = rescale(ROOT / "plans" / "acme", tmp_path / "plan", SEVEN)
    model = check_plan(root).model
    assert model is not None
    view = make_view(model, ReportOptions(lang="en"))
    one = next(a for a in view.agreements if a.party.ref.id == "SALES")
    source = typst_source(dataclasses.replace(view, agreements=(one,)), "en")
    assert "calc.max(0.9, calc.min(1.4, 14 / 7)) * 1cm,) * 7," in source
    reader = PdfReader(io.BytesIO(compile_pdf(source)))
    sizes = [
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages
    ]
    pages = pdf_pages(reader)
    table = next(n for n, text in enumerate(pages) if "Scoring criteria" in text)
    assert sizes[table] == (842, 595)
    assert set(sizes[:table]) == {(595, 842)}  # the form and its signatures
    cards = next(n for n, text in enumerate(pages) if text.lstrip().startswith("KPI cards"))
    assert set(sizes[table:cards]) == {(842, 595)} and set(sizes[cards:]) == {(595, 842)}

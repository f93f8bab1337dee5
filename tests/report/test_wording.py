"""Words that follow the plan: a company's Thai is not a ส่วนราชการ's, and a
formula names its variables in the report's language."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from cascade.engine import check_plan
from cascade.periods import parse_period
from cascade.report.build import ViewOptions, build_view
from cascade.report.formula import formula_text
from cascade.report.labels import BUSINESS, PUBLIC, labels, sector_of
from cascade.report.pdf import typst_source
from cascade.report.site import ReportOptions, make_report
from cascade.report.site_view import SiteView
from cascade.spec.common import Bilingual, text_of
from tests.conftest import ROOT


def _view(plan: str, lang: str) -> SiteView:
    checked = check_plan(ROOT / "plans" / plan)
    assert checked.model is not None
    return build_view(checked.model, ViewOptions(lang))


@pytest.fixture(scope="module")
def acme_th() -> SiteView:
    return _view("acme", "th")


def test_the_organisation_type_chooses_the_sector() -> None:
    assert sector_of("company") == BUSINESS
    assert sector_of(" Company ") == BUSINESS
    assert sector_of("department") == PUBLIC
    assert sector_of(None) == PUBLIC


def test_a_company_signs_a_performance_agreement_not_a_civil_service_one(
    acme_th: SiteView,
) -> None:
    assert acme_th.sector == BUSINESS
    words = labels("th", acme_th.sector)
    assert words["agreement"] == "ข้อตกลงผลการปฏิบัติงาน"
    assert words["organisation"] == "องค์กร"
    assert words["supports"] == "สนับสนุนเป้าประสงค์ขององค์กร"
    assert words["between"] == "ข้อตกลงระหว่าง"
    assert not [k for k, v in words.items() if "ราชการ" in v or "คำรับรอง" in v]
    acme = next(a for a in acme_th.agreements if a.party.ref.id == "ACME")
    assert acme.evaluatee.role_label == "ผู้ทำข้อตกลง"
    assert acme_th.parties[0].type_label == "องค์กร"


def test_a_government_keeps_its_words() -> None:
    view = _view("probation", "th")
    assert view.sector == PUBLIC
    assert labels("th", view.sector)["agreement"] == "คำรับรองการปฏิบัติราชการ"
    assert labels("en", BUSINESS)["agreement"] == "Performance agreement"


def test_the_acme_markdown_in_thai_never_says_ราชการ() -> None:
    checked = check_plan(ROOT / "plans" / "acme")
    assert checked.model is not None
    _, pages = make_report(checked.model, ReportOptions(lang="th", formats=("md",)))
    text = "".join(pages.values())
    assert "ราชการ" not in text and "คำรับรอง" not in text
    assert pages[("md", "ACME.md")].count("# ข้อตกลงผลการปฏิบัติงาน\n") == 1


VARIABLES = {
    "completed": Bilingual(th="จำนวนเรื่องที่แล้วเสร็จ", en="contracts reviewed"),
    "received": Bilingual(th="จำนวนเรื่องที่ได้รับ", en="contracts received"),
}


def test_a_formula_prints_its_variables_by_name_in_the_language() -> None:
    formula = "completed / received * 100"
    th = formula_text(formula, VARIABLES, lambda v: text_of(v, "th"))
    en = formula_text(formula, VARIABLES, lambda v: text_of(v, "en"))
    assert th == "จำนวนเรื่องที่แล้วเสร็จ / จำนวนเรื่องที่ได้รับ × 100"
    assert en == "[contracts reviewed] / [contracts received] × 100"
    assert formula_text(formula, {}, lambda v: text_of(v, "th")) == formula
    partly = formula_text("(a + received) * 2", VARIABLES, lambda v: text_of(v, "th"))
    assert partly == "(a + จำนวนเรื่องที่ได้รับ) × 2"


def test_the_probation_cards_name_the_formula_variables() -> None:
    """The bundled plan writes ``variables:`` and ``evidence:`` on LAW/2-5; its card shows both."""
    checked = check_plan(ROOT / "plans" / "probation")
    assert checked.model is not None
    for lang, formula, evidence in (
        (
            "th",
            "[จำนวนร่างสัญญาที่ตรวจเสร็จภายใน 7 วันทำการ] / จำนวนร่างสัญญาที่ได้รับทั้งหมด × 100",
            "สำเนาทะเบียนรับ-ส่งร่างสัญญา · รายงานสรุปผลรายเดือน",
        ),
        (
            "en",
            "[drafts reviewed within 7 working days] / [drafts received] × 100",
            "สำเนาทะเบียนรับ-ส่งร่างสัญญา · รายงานสรุปผลรายเดือน",
        ),
    ):
        view = build_view(checked.model, ViewOptions(lang))
        card = next(
            c
            for a in view.agreements
            if a.party.ref.id == "LAW"
            for c in a.cards
            if c.ref.id == "2-5"
        )
        assert (card.formula, card.evidence) == (formula, evidence)


def test_a_scorecard_line_has_its_forecast_and_its_rounds_so_far() -> None:
    checked = check_plan(ROOT / "plans" / "probation")
    assert checked.model is not None
    view = build_view(checked.model, ViewOptions("th", parse_period("2569-Q2")))
    law = next(a for a in view.agreements if a.party.ref.id == "LAW")
    assert law.scorecard is not None
    line = next(ln for ln in law.scorecard.lines if ln.ref.id == "2-3")
    assert (line.forecast, line.forecast_score) == (Decimal("69.1"), Decimal("2.8200"))
    assert line.rounds == ((3, Decimal("2.1600")), (6, Decimal("2.3800")))
    _, pages = make_report(
        checked.model, ReportOptions(lang="th", period=parse_period("2569-Q2"), formats=("md",))
    )
    at_risk = "รายงานแล้ว ⚠ เสี่ยงไม่บรรลุเป้าหมาย"  # by its forecast: 69.1 < 70
    assert f"| {at_risk} | 69.1 → 2.8200 | 3: 2.1600 → 6: 2.3800 |" in pages[("md", "LAW.md")]


@pytest.mark.parametrize("plan", ["acme", "probation"])
def test_every_bundled_formula_reads_in_thai(plan: str) -> None:
    """No card of a bundled plan prints a formula's bare variable names in a Thai
    report (``passed / enrolled * 100``): each formula names its variables."""
    view = _view(plan, "th")
    formulas = [c.formula for a in view.agreements for c in a.cards if c.formula]
    assert len(formulas) >= 5
    assert [f for f in formulas if re.search("[A-Za-z_*]", f)] == []


def test_the_acme_pdf_in_thai_never_says_ราชการ(acme_th: SiteView) -> None:
    """The PDF's templates are imported with the render's words (a company's),
    not the environment's default (a government's)."""
    source = re.sub(r"#box\[|\];", "", typst_source(acme_th, "th"))  # known words unboxed
    assert source.count("ข้อตกลงผลการปฏิบัติงาน") >= len(acme_th.agreements)
    assert "ราชการ" not in source and "คำรับรอง" not in source

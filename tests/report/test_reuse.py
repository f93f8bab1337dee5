"""The incremental report: after an edit, a warm report writes exactly the files
of a cold one, and renders only the pages whose inputs changed.

Each case copies a plan, writes a first report with the cache on, then edits
the plan step by step (a person's weights, a unit's KPI name, the strategy,
actuals, the roster, ``cascade.yaml``, a user template); after each edit the
warm report's folder is compared file by file, byte for byte, with a cold
report (no cache) written into a fresh folder.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bench.generate import generate
from bench.report_warm import swap_weights
from cascade.engine import LoadOptions, check_plan
from cascade.load.cachedir import cache_folder
from cascade.periods import parse_period
from cascade.report.pdf import PdfOptions, write_pdf
from cascade.report.render import Rendered
from cascade.report.reuse import Reuse
from cascade.report.serve import Site
from cascade.report.site import ReportOptions, make_report, site_dir, write_report
from cascade.report.site_view import SiteView
from cascade.scoring.selection import period_with_actuals
from tests.conftest import ROOT
from tests.report.report_helpers import snapshot

AGGREGATES = ("index", "strategy-map", "os-matrix", "cascade", "org-chart", "jobs", "progress")
"""The pages that list everyone: rendered again after any edit of what they read."""
SCORED = ("cascade", "index", "progress")
"""The site pages that show weights or scores: the cascade tree, the index's scores."""
PARTIES = ("DOP", "SEC", "PLAN", "PROB", "REHAB", "LAW", "P0001", "P0012", "P0013", "P0014")
"""The parties of plans/probation with an agreement: a page each."""


def report(plan: Path, out: Path, warm: bool, templates: Path | None = None) -> set[str]:
    """Write the HTML and Markdown report (2569-Q2 when the plan has its actuals);
    the pages rendered (``fmt/path``)."""
    model = check_plan(plan, options=LoadOptions(cache=warm)).model
    assert model is not None
    quarter = parse_period("2569-Q2")
    assert quarter is not None
    period = period_with_actuals(model, quarter) if (plan / "actuals").is_dir() else None
    options = ReportOptions(lang="th", period=period, templates=templates)
    folder = cache_folder(plan, create=True) if warm else None
    reuse = Reuse(folder, site_dir(out)) if folder is not None else None
    _, pages = make_report(model, options, reuse=reuse)
    write_report(pages, out, reuse)
    return {f"{fmt}/{rel}" for fmt, rel in pages}


def same_as_cold(plan: Path, out: Path, tmp_path: Path, templates: Path | None = None) -> set[str]:
    """A warm report into ``out``; checks it equals a cold one; the pages rendered."""
    rendered = report(plan, out, True, templates)
    cold = tmp_path / "cold"
    shutil.rmtree(cold, ignore_errors=True)
    report(plan, cold, False, templates)
    assert snapshot(site_dir(out)) == snapshot(site_dir(cold))
    return rendered


def edit(path: Path, pattern: str, change: Callable[[re.Match[str]], str]) -> None:
    """Replace the first match of ``pattern`` in ``path``."""
    text = path.read_text(encoding="utf-8")
    found = re.search(pattern, text, re.MULTILINE)
    assert found is not None, f"{pattern!r} not in {path}"
    path.write_text(text[: found.start()] + change(found) + text[found.end() :], encoding="utf-8")


def pages(*stems: str) -> set[str]:
    """The HTML and Markdown files of these page stems."""
    return {f"{fmt}/{stem}.{fmt}" for stem in stems for fmt in ("html", "md")}


@pytest.fixture
def probation(tmp_path: Path) -> Path:
    plan = tmp_path / "plan"
    shutil.copytree(ROOT / "plans" / "probation", plan, ignore=shutil.ignore_patterns(".cascade-*"))
    return plan


def test_probation_edits_render_what_changed_and_match_a_cold_report(
    probation: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    first = report(probation, out, True)
    assert len(first) == 34  # 10 agreements and 7 site pages, in HTML and Markdown
    assert report(probation, out, True) == set()  # nothing changed: nothing rendered

    clerk = probation / "agreements/people/P0014.yaml"
    edit(clerk, r"^title: .*$", lambda m: "title: คำรับรองของเจ้าพนักงานธุรการ")
    # what only the clerk's page shows: that page (the progress page reads only the
    # parties and their scorecards)
    assert same_as_cold(probation, out, tmp_path) == pages("P0014")

    swap_weights(clerk)
    # the weights also show in the cascade trees of the KPIs they feed, up to the
    # organisation's (the chain of command's pages and the cascade tree), and in the
    # scores of the index
    chain = ("P0014", "P0012", "P0001", "LAW", "DOP")
    assert same_as_cold(probation, out, tmp_path) == pages(*chain, *SCORED)

    law = probation / "agreements/units/LAW.yaml"
    edit(law, "name: ร้อยละของระดับความพึงพอใจของลูกค้า", lambda m: "name: ความพึงพอใจของลูกค้า")
    assert same_as_cold(probation, out, tmp_path) == pages("LAW", "cascade", "progress")

    edit(probation / "strategy.yaml", r"^  th: (.*)$", lambda m: "  th: วิสัยทัศน์ใหม่")
    assert same_as_cold(probation, out, tmp_path) == pages("index", "strategy-map")

    edit(probation / "actuals/2569-Q2.yaml", r"value: 94.5", lambda m: "value: 91.5")
    # DOP/1.1's result, in DOP's scorecard, PLAN's (its KPI is the same as DOP's), the index
    assert same_as_cold(probation, out, tmp_path) == pages("DOP", "PLAN", "index", "progress")

    edit(probation / "people.yaml", r"นายธนากร รับส่งไว", lambda m: "นายธนากร ส่งไว")
    # the clerk's name shows in every cascade tree the clerk's KPIs are in, and in jobs
    assert same_as_cold(probation, out, tmp_path) == pages(*chain, *SCORED, "jobs")

    edit(probation / "cascade.yaml", r"target: 70", lambda m: "target: 75")  # common KPI C1's
    units = ("SEC", "PLAN", "PROB", "REHAB", "LAW")  # the units that take C1
    assert same_as_cold(probation, out, tmp_path) == pages(*units, "progress")

    # files changed or removed by hand are written again, whatever their fingerprint
    (site_dir(out) / "html" / "P0013.html").write_text("mine", encoding="utf-8")
    (site_dir(out) / "md" / "LAW.md").unlink()
    assert same_as_cold(probation, out, tmp_path) == {"html/P0013.html", "md/LAW.md"}


def test_a_user_template_edit_renders_its_pages_again(probation: Path, tmp_path: Path) -> None:
    templates = tmp_path / "templates"
    templates.mkdir()
    shutil.copy(ROOT / "templates/report/party.md", templates / "party.md")
    out = tmp_path / "out"
    report(probation, out, True, templates)
    edit(templates / "party.md", r"\A", lambda m: "ฉบับร่าง\n")
    # any file of a template folder is part of every page's fingerprint
    assert same_as_cold(probation, out, tmp_path, templates) == pages(*PARTIES, *AGGREGATES)


def test_generated_plan_edits_match_a_cold_report(tmp_path: Path) -> None:
    plan = tmp_path / "generated"
    generate(plan, 8, seed=0)
    out = tmp_path / "out"
    report(plan, out, True)
    swap_weights(plan / "agreements/people/P00008.yaml")
    chain = ("P00008", "D001-4", "D001", "DPS")  # the person's KPIs and those they feed
    assert same_as_cold(plan, out, tmp_path) == pages(*chain, "cascade")  # no scores
    edit(plan / "agreements/units/D001-4.yaml", r"^    name: (.*)$", lambda m: "    name: ใหม่")
    assert pages("D001-4") <= same_as_cold(plan, out, tmp_path)
    people = next((plan / "people").iterdir())
    edit(people, r"name: ([^,}]+)", lambda m: "name: นายทดสอบ ระบบ")
    same_as_cold(plan, out, tmp_path)


def fake_pdf(source: str) -> bytes:
    """A stand-in for typst: bytes that change exactly when the typst source does."""
    return b"%PDF-stand-in " + hashlib.sha256(source.encode()).hexdigest().encode()


def test_pdf_remakes_only_the_edited_partys_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cascade.report.pdf_pool.compile_pdf", fake_pdf)
    monkeypatch.setattr("cascade.report.pdf_pool.count_pages", lambda pdf: len(pdf) % 7 + 1)
    plan = tmp_path / "generated"
    generate(plan, 6, seed=0)

    def pdfs(out: Path, warm: bool) -> set[str]:
        """Write the PDFs (and the unit books); the documents made."""
        model = check_plan(plan, options=LoadOptions(cache=warm)).model
        assert model is not None
        folder = cache_folder(plan, create=True) if warm else None
        reuse = Reuse(folder, site_dir(out)) if folder is not None else None
        view, _ = make_report(model, ReportOptions(formats=()))
        result = write_pdf(view, site_dir(out), PdfOptions(jobs=1, book="unit"), reuse=reuse)
        files = snapshot(site_dir(out) / "pdf")
        assert result.pages == sum(len(data) % 7 + 1 for data in files.values() if data[:1] == b"%")
        return {d.rel for d in result.documents} - set(reuse.kept.get("pdf", {}) if reuse else ())

    out = tmp_path / "out"
    first = pdfs(out, True)
    assert len(first) == 18  # 12 agreements, 6 unit books
    person = plan / "agreements/people/P00006.yaml"
    edit(person, r"^title: .*$", lambda m: "title: คำรับรองฉบับแก้ไข")
    assert pdfs(out, True) == {"P00006.pdf", "books/D001-4.pdf"}  # the person's, the unit's book
    swap_weights(person)
    made = pdfs(out, True)
    pdfs(tmp_path / "cold", False)
    assert snapshot(site_dir(out)) == snapshot(site_dir(tmp_path / "cold"))
    # the weights show in the KPI cards up the chain (their cascade trees), and in their books
    chain = {f"{stem}.pdf" for stem in ("P00006", "D001-4", "D001", "DPS")}
    assert made == chain | {f"books/{stem}.pdf" for stem in ("D001-4", "D001", "DPS")}


def test_serve_renders_only_what_changed(
    probation: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered: list[set[str]] = []

    def spy(*args: Any, **kwargs: Any) -> tuple[SiteView, Rendered]:
        view, pages = make_report(*args, **kwargs)
        rendered.append({f"{fmt}/{rel}" for fmt, rel in pages})
        return view, pages

    monkeypatch.setattr("cascade.report.serve.make_report", spy)
    quarter = parse_period("2569-Q2")
    site = Site(probation, tmp_path / "out", ReportOptions(period=quarter), print, cache=True)
    assert site.build()
    edit(probation / "agreements/people/P0014.yaml", r"^title: .*$", lambda m: "title: ฉบับใหม่")
    assert site.build()
    assert rendered[1] == {"html/P0014.html"}
    report(probation, tmp_path / "cold", False)
    assert snapshot(site.folder) == snapshot(site_dir(tmp_path / "cold") / "html")

"""What one party's document holds does not grow with the plan: the PDF
workers hold what a party's page sees of the site, and a KPI card lists the
cascade below it whole only while it is small.  (What the workers write is
what one process writes, byte for byte: ``test_pdf``.)"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

import pytest

from bench.generate import generate
from cascade.engine import check_plan
from cascade.report import kpis
from cascade.report.pages import party_site
from cascade.report.pdf_engine import typst_source
from cascade.report.pdf_markup import escape_typst
from cascade.report.site import ReportOptions, make_report, make_view
from cascade.report.site_view import SiteView


def _view(root: Path, people: int) -> SiteView:
    generate(root, people, seed=0)
    model = check_plan(root).model
    assert model is not None
    return make_view(model, ReportOptions(lang="th"))


@pytest.fixture(scope="module")
def views(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteView, SiteView]:
    small = _view(tmp_path_factory.mktemp("small") / "plan", 20)
    large = _view(tmp_path_factory.mktemp("large") / "plan", 200)
    return small, large


def test_a_worker_holds_no_party_of_the_plan(views: tuple[SiteView, SiteView]) -> None:
    small, large = (party_site(view) for view in views)
    for kept in (small, large):
        assert (kept.agreements, kept.parties, kept.tree.roots, kept.jobs.jobs, kept.parts) == (
            (),
            (),
            (),
            (),
            (),
        )
    # ten times the people: the whole view grows with them (less than tenfold: its
    # equal texts are one object, pickled once), the shell hardly
    whole = [len(pickle.dumps(view)) for view in views]
    held = [len(pickle.dumps(view)) for view in (small, large)]
    assert whole[1] > 4 * whole[0]
    assert held[1] < 1.5 * held[0]


def test_a_kpi_card_lists_a_large_cascade_one_level_deep(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 200 people the organisation's KPI DPS/1.3 has 54 KPIs below it: a
    whole tree under 60, one level with counts under a bound of 10."""
    root = tmp_path / "plan"
    generate(root, 200, seed=0)
    model = check_plan(root).model
    assert model is not None

    def down(qid: str) -> list[tuple[str, int, int]]:
        view = make_view(model, ReportOptions(lang="th"))
        card = next(c for a in view.agreements for c in a.cards if c.ref.qid == qid)
        return [(node.ref.qid, node.below, len(node.children)) for node in card.down]

    assert down("DPS/1.3") == [("D001/3", 0, 2)]  # the whole tree: D001/3 and below
    monkeypatch.setattr(kpis, "CARD_TREE_MAX", 10)
    assert down("DPS/1.3") == [("D001/3", 53, 0)]
    assert down("D001/3") == [("P00002/2", 2, 0), ("D001-3/1", 49, 0)]
    # the count is printed in every format
    options = ReportOptions(lang="en", formats=("html", "md"))
    view, pages = make_report(model, options)
    org = dataclasses.replace(view, agreements=view.agreements[:1])
    typst = typst_source(org, "en")
    for text in (pages[("html", "DPS.html")], pages[("md", "DPS.md")]):
        assert "D001/3" in text and "53 more further down" in text
    assert escape_typst("D001/3") in typst and "53 more further down" in typst

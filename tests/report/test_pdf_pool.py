"""The PDF workers hold what a party's page sees of the site: it does not grow
with the plan.  (What they write is what one process writes, byte for byte:
``test_pdf``.)"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from bench.generate import generate
from cascade.engine import check_plan
from cascade.report.pages import party_site
from cascade.report.site import ReportOptions, make_view
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
    # ten times the people: the whole view grows about as much, the shell hardly
    whole = [len(pickle.dumps(view)) for view in views]
    held = [len(pickle.dumps(view)) for view in (small, large)]
    assert whole[1] > 5 * whole[0]
    assert held[1] < 1.5 * held[0]

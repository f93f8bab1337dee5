"""The method's own checks (issue 16): valid cases beside the invalid ones in
tests/data/plans/invalid/ (cov*, chn*, drf*, tpl*, goal003*, osm005*)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

from cascade.engine import validate_plan
from cascade.report.strategy import budget_totals
from cascade.rules.drafts import placeholders
from cascade.spec import Strategy
from cascade.spec.common import Bilingual
from tests.conftest import DATA, keys

MINIMAL = DATA / "plans" / "valid" / "minimal"


def _plan(tmp_path: Path, **files: str) -> Path:
    """The minimal plan with ``files`` (``name__sub`` for ``name/sub``) replaced or appended."""
    root = tmp_path / "plan"
    shutil.copytree(MINIMAL, root)
    for name, text in files.items():
        path = root / name.replace("__", "/")
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")
    return root


def test_placeholders_are_found_by_what_drafts_write() -> None:
    texts = {
        "TODO ชื่อตัวชี้วัด": True,
        "todo step 2": True,
        "TBD": True,
        "FIXME: check": True,
        "…": True,
        " ... ": True,
        "TODOS are done": False,
        "ร้อยละ TODO": False,
        "รอ ... ผล": False,
    }
    for text, wanted in texts.items():
        assert bool(list(placeholders(text))) is wanted, text
    found = list(placeholders(Bilingual(th="ชื่อ", en="TODO name")))
    assert found == [(("en",), "TODO name")]


def test_a_filled_kpi_template_passes(tmp_path: Path) -> None:
    root = _plan(
        tmp_path,
        **{"cascade.yaml": "  kpi_template: {unit: [unit_of_measure, criteria, target]}\n"},
    )
    result = validate_plan(root)
    assert keys(result) == []


def test_projects_linked_and_budgeted_pass(tmp_path: Path) -> None:
    projects = (
        "projects:\n"
        "  - {id: PJ1, name: ลดขั้นตอน, strategy: S1, owner: SVC, budget: 0}\n"
        "  - {id: PJ2, name: ฝึกอบรม, kpis: [ORG/2, '1'], goals: [G2], owner: SVC}\n"
    )
    result = validate_plan(_plan(tmp_path, **{"strategy.yaml": projects}))
    assert keys(result) == []


def test_budget_totals_count_a_project_once_per_issue() -> None:
    strategy = Strategy.model_validate(
        {
            "kind": "Strategy",
            "issues": [{"id": "SI1", "name": "a"}, {"id": "SI2", "name": "b"}],
            "goals": [
                {"id": "G1", "name": "g", "perspective": "p", "issues": ["SI1", "SI2"]},
                {"id": "G2", "name": "h", "perspective": "p", "issues": ["SI1"]},
            ],
            "strategies": [{"id": "S1", "name": "s", "goals": ["G1", "G2"]}],
            "projects": [
                {"id": "P1", "name": "x", "strategy": "S1", "budget": "100"},
                {"id": "P2", "name": "y", "strategy": "S1", "budget": "50.5"},
                {"id": "P3", "name": "z", "goals": ["G2"], "budget": "7"},
                {"id": "P4", "name": "w", "strategy": "S1"},
            ],
        }
    )
    by_strategy, by_issue = budget_totals(strategy)
    assert by_strategy == {"S1": Decimal("150.5")}
    assert by_issue == {"SI1": Decimal("157.5"), "SI2": Decimal("150.5")}

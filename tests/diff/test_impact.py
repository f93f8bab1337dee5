"""``cascade diff --period``: whose score changed, before → after, and the KPIs that moved it."""

from __future__ import annotations

import json

import pytest

from cascade.cli.app import main
from cascade.diff import DiffRequest, diff_plans
from tests.diff.conftest import GitPlan
from tests.diff.test_kinds import body

Q2 = "actuals/2569-Q2.yaml"
RESULTS = """\
kind: Actuals
period: 2569-Q2
results:
  - {kpi: ORG/1, value: 80}
  - {kpi: ORG/2, value: 70}
  - {kpi: SVC/1-2, value: 16}
  - {kpi: SVC/1-3, value: 75}
  - {kpi: P001/2, value: 90}
"""
SVC = "agreements/units/SVC.yaml"


@pytest.fixture
def scored(repo: GitPlan) -> GitPlan:
    """The minimal plan with results for 2569-Q2, then one commit: a result, an n/a, a weight."""
    repo.write(Q2, RESULTS)
    repo.commit("results")
    repo.edit(Q2, "ORG/1, value: 80}", "ORG/1, value: 90}")
    repo.edit(Q2, "P001/2, value: 90}", "P001/2, status: n/a}")
    repo.edit(SVC, "weight: 30\n", "weight: 20\n")
    repo.commit("edit")
    return repo


def test_text(scored: GitPlan) -> None:
    diff = diff_plans(DiffRequest("HEAD~1..HEAD", scored.plan, lang="en", period="2569-Q2"))
    lines = body(diff)
    assert lines[0].endswith("; scores in 2569-Q2: 3 parties changed")
    assert lines[lines.index("Score impact in 2569-Q2") :] == [
        "Score impact in 2569-Q2",
        "  ~ ORG Example Office (organisation): score 3.0000 → 4.2000, percent 60.0000 → 84.0000",
        "      ORG/1 Requests completed on time (%): score 3.0000 → 5.0000, "
        "weighted 1.8000 → 3.0000 (result 80 → 90)",
        "  ~ SVC Public Service Division (unit): score 3.3000 → 4.2222, percent 66.0000 → 84.4440",
        "      SVC/1-1 Requests completed on time (%): score 3.0000 → 5.0000, "
        "weighted 1.2000 → 2.2222 (result 80 → 90)",
        "      SVC/1-2 Training hours per person: score 3.0000 → 3.0000, "
        "weighted 0.9000 → 0.6667 (weight 30 → 20)",
        "      SVC/1-3 Division customer satisfaction: score 4.0000 → 4.0000, "
        "weighted 1.2000 → 1.3333",
        "  ~ P001 Somsri Example (person): score 0.9000 → 0.0000, percent 18.0000 → 0.0000, "
        "combined 18.0000 → 0.0000",
        "      P001/1 Requests completed on time (%): score 0.0000 → 0.0000, "
        "weighted 0.0000 → 0.0000 (effective weight 70 → 100)",
        "      P001/2 Weekly request reviews on time (%): score 3.0000 → —, weighted 0.9000 → — "
        "(status reported → n/a; result 90 → —; effective weight 30 → 0)",
    ]


def test_markdown_and_json(scored: GitPlan) -> None:
    diff = diff_plans(DiffRequest("HEAD~1..HEAD", scored.plan, lang="en", period="2569-Q2"))
    lines = body(diff, "md")
    assert lines[lines.index("### Score impact in `2569-Q2`") :][:6] == [
        "### Score impact in `2569-Q2`",
        "",
        "| party / KPI | score | percent | combined | rating | what moved it |",
        "| --- | --- | --- | --- | --- | --- |",
        "| `ORG` Example Office (organisation) | 3.0000 → 4.2000 | 60.0000 → 84.0000 |  |  |  |",
        "| ↳ `ORG/1` Requests completed on time (%) | 3.0000 → 5.0000 |  |  |  | result 80 → 90 |",
    ]
    data = json.loads("\n".join(body(diff, "json")).join(["{", ""]))
    assert data["period"] == "2569-Q2"
    assert [p["party"] for p in data["score_impact"]] == ["ORG", "SVC", "P001"]
    person = data["score_impact"][2]
    assert person.pop("kpis")[1] == {
        "kpi": "P001/2",
        "name": "Weekly request reviews on time (%)",
        "score": {"before": "3.0000", "after": None},
        "weighted": {"before": "0.9000", "after": None},
        "causes": ["status reported → n/a", "result 90 → —", "effective weight 30 → 0"],
    }
    assert person == {
        "party": "P001",
        "name": "Somsri Example",
        "party_type": "person",
        "score": {"before": "0.9000", "after": "0.0000"},
        "percent": {"before": "18.0000", "after": "0.0000"},
        "combined": {"before": "18.0000", "after": "0.0000"},
        "rating": {"before": "improve needs improvement", "after": "improve needs improvement"},
    }


def test_period_errors_exit_2(scored: GitPlan, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(scored.plan)
    assert main(["diff", "HEAD~1..HEAD", plan, "--period", "2569-Q9"]) == 2
    assert "'2569-Q9' is not a period" in capsys.readouterr().err
    assert main(["diff", "HEAD~1..HEAD", plan, "--period", "2569-Q3"]) == 2
    err = capsys.readouterr().err
    assert err == "cascade diff: no Actuals for 2569-Q3 on either side (found: 2569-Q2)\n"


def test_exit_code_for_every_kind(repo: GitPlan, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(repo.plan)
    for rel, old, new in (
        ("people.yaml", "unit: SVC}", "unit: SVC, salary: 20000}"),
        ("jobs/descriptions/1001.yaml", "unit: SVC\n", "unit: SVC\nfamily: admin\n"),
        ("strategy.yaml", "Quality public", "Better public"),
    ):
        assert main(["diff", "HEAD", plan, "--exit-code"]) == 0
        repo.edit(rel, old, new)
        assert main(["diff", "HEAD", plan, "--exit-code"]) == 1
        repo.commit()
    repo.write(Q2, RESULTS)
    assert main(["diff", "HEAD", plan, "--exit-code", "-f", "json"]) == 1
    repo.commit()
    repo.write(
        "agreements/people/P001_2.yaml",
        (repo.plan / "agreements/people/P001.yaml").read_text(encoding="utf-8"),
    )
    assert main(["diff", "HEAD", plan, "--exit-code", "-f", "md"]) == 1
    capsys.readouterr()


def test_a_side_score_would_refuse_is_scored_with_a_warning(scored: GitPlan) -> None:
    """No Actuals for the period on one side, or a file that does not load:
    ``cascade score`` would refuse that side, so the diff says so."""
    scored.git("rm", "-q", f"plan/{Q2}")
    scored.commit("results withdrawn")
    diff = diff_plans(DiffRequest("HEAD~1..HEAD", scored.plan, lang="en", period="2569-Q2"))
    assert diff.warnings == (
        "new side (HEAD): scores in 2569-Q2 are not final: it has no Actuals for 2569-Q2, "
        "so every KPI there has no result",
    )
    scored.write("agreements/units/NEW.yaml", "kind: Agreement\n  bad: [\n")
    diff = diff_plans(DiffRequest("HEAD~1", scored.plan, lang="en", period="2569-Q2"))
    assert diff.warnings[1:] == (
        "new side (working tree): scores in 2569-Q2 are not final: files did not load, "
        "so cascade score would refuse this side",
    )
    lines = body(diff)
    assert (
        lines.index(f"warning: {diff.warnings[1]}")
        == lines.index(f"warning: {diff.warnings[0]}") + 1
    )

"""Every kind of plan content, one commit each: what ``cascade diff`` prints for it.

Each test commits a change of exactly one kind (actuals, the roster, jobs,
a framework, the strategy, ``cascade.yaml``, a duplicate document) on top
of the minimal plan and compares the text lines, the Markdown rows or the
JSON exactly.
"""

from __future__ import annotations

from cascade.diff import RENDERERS, PlanDiff
from tests.diff.conftest import GitPlan
from tests.diff.helpers import run_diff

Q1 = "actuals/2569-Q1.yaml"
Q1_BASE = """\
kind: Actuals
period: 2569-Q1
results:
  - {kpi: ORG/1, value: 80}
  - {kpi: ORG/2, value: 70}
  - {kpi: SVC/1-2, value: 16, evidence: "https://example.org/a"}
  - {kpi: SVC/1-3, value: 75}
"""
Q1_NEW = """\
kind: Actuals
period: 2569-Q1
results:
  - {kpi: ORG/1, value: 85}
  - {kpi: ORG/2, status: n/a}
  - {kpi: SVC/1-2, value: 16, evidence: "https://example.org/b"}
  - {kpi: P001/2, value: 95}
"""
FAMILIES = """\
kind: JobFamilies
families:
  - {id: admin, name: {th: บริหารงานทั่วไป, en: General administration}, headcount: {SVC: 1}}
"""
FRAMEWORK = """\
kind: Framework
id: F1
name: {th: กรอบตัวอย่าง, en: Example framework}
dimensions:
  - id: external
    weight: 60
    dimensions:
      - {id: effectiveness, weight: 60}
  - {id: internal, weight: 40}
slots:
  - {id: "1", dimension: effectiveness, weight: 60}
"""


def body(diff: PlanDiff, form: str = "text") -> list[str]:
    """The rendered diff without its first line (which names the commits)."""
    return RENDERERS[form](diff).splitlines()[1:]


def two_commits(repo: GitPlan, files: dict[str, str], edits: dict[str, str]) -> PlanDiff:
    """Commit ``files`` as the base, then ``edits``; the diff of the second commit."""
    for rel, text in files.items():
        repo.write(rel, text)
    repo.commit("base")
    for rel, text in edits.items():
        repo.write(rel, text)
    repo.commit("edit")
    return run_diff("HEAD~1..HEAD", repo.plan)


def test_actuals(repo: GitPlan) -> None:
    q2 = "kind: Actuals\nperiod: 2569-Q2\nresults:\n  - {kpi: ORG/1, value: 90}\n"
    diff = two_commits(repo, {Q1: Q1_BASE}, {Q1: Q1_NEW, "actuals/2569-Q2.yaml": q2})
    assert body(diff) == [
        "summary: results: 2 added, 1 removed, 3 changed",
        "",
        "Actuals 2569-Q1",
        "  ~ result for ORG/1 ร้อยละของคำขอที่ดำเนินการเสร็จภายในเวลามาตรฐาน",
        "      value: 80 → 85",
        "  ~ result for ORG/2 ร้อยละของบุคลากรที่ได้รับการพัฒนาตามแผน",
        "      value: 70 → —",
        "      status: — → n/a",
        "  + result for P001/2 ร้อยละของรายงานติดตามคำขอที่ส่งตรงเวลา",
        "      value: 95",
        "  ~ result for SVC/1-2 จำนวนชั่วโมงการฝึกอบรมต่อคน",
        "      evidence: https://example.org/a → https://example.org/b",
        "  - result for SVC/1-3 ความพึงพอใจของผู้รับบริการของกอง",
        "      value: 75",
        "",
        "Actuals 2569-Q2 (added)",
        "  + result for ORG/1 ร้อยละของคำขอที่ดำเนินการเสร็จภายในเวลามาตรฐาน",
        "      value: 90",
    ]


def test_roster(repo: GitPlan) -> None:
    people = (repo.plan / "people.yaml").read_text(encoding="utf-8")
    p2 = '  - {id: P002, name: นายสมชาย ใจดี, position: "1002", unit: SVC, salary: 25000}\n'
    p3 = "  - {id: P003, name: นางสาวมาลี ดีงาม, unit: SVC}\n"
    moved = p2.replace("unit: SVC, salary: 25000", "unit: ORG, salary: 26500.50")
    salaried = people.replace("unit: SVC}", "unit: SVC, salary: 31000}")
    p4 = "  - {id: P004, name: {th: นายใหม่ มาใหม่, en: New Comer}, unit: SVC, salary: 18000}\n"
    base, edited = people + p2 + p3, salaried + moved + p4
    diff = two_commits(repo, {"people.yaml": base}, {"people.yaml": edited})
    assert body(diff) == [
        "summary: people: 1 added, 1 removed, 2 changed",
        "",
        "Roster (people)",
        "  ~ person P001 นางสาวสมศรี ตัวอย่าง",
        "      salary: — → 31000",
        "  ~ person P002 นายสมชาย ใจดี",
        "      unit: SVC → ORG",
        "      salary: 25000 → 26500.50",
        "  - person P003 นางสาวมาลี ดีงาม",
        "      unit: SVC",
        "  + person P004 นายใหม่ มาใหม่",
        "      unit: SVC",
        "      salary: 18000",
    ]


def test_jobs(repo: GitPlan) -> None:
    job = "jobs/descriptions/1001.yaml"
    text = (repo.plan / job).read_text(encoding="utf-8")
    edits = {
        "jobs/families.yaml": FAMILIES.replace("{SVC: 1}", "{SVC: 2, ORG: 1}"),
        job: text.replace("unit: SVC\n", "unit: SVC\nfamily: admin\n"),
    }
    diff = two_commits(repo, {"jobs/families.yaml": FAMILIES}, edits)
    assert body(diff) == [
        "summary: job families: 1 changed; job descriptions: 1 changed",
        "",
        "Job families and descriptions",
        "  ~ job family admin บริหารงานทั่วไป",
        "      headcount.SVC: 1 → 2",
        "      headcount.ORG: — → 1",
        "  ~ position 1001 นักจัดการงานทั่วไป",
        "      family: — → admin",
    ]


def test_framework(repo: GitPlan) -> None:
    path = "frameworks/f1.yaml"
    edited = FRAMEWORK.replace("{id: internal, weight: 40}", "{id: internal, weight: 30 + 10}")
    edited = edited.replace("weight: 60}\n", "weight: 50}\n", 1).replace(
        "effectiveness, weight: 60", "effectiveness, weight: 50"
    )
    diff = two_commits(repo, {path: FRAMEWORK}, {path: edited})
    assert body(diff) == [
        "summary: framework dimensions: 2 changed; framework slots: 1 changed",
        "",
        "Framework F1 กรอบตัวอย่าง",
        "  ~ dimension effectiveness",
        "      weight: 60 → 50",
        "  ~ dimension internal",
        "      weight: 40 → 30 + 10",
        "  ~ slot 1",
        "      weight: 60 → 50",
    ]


def test_strategy(repo: GitPlan) -> None:
    path = "strategy.yaml"
    text = (repo.plan / path).read_text(encoding="utf-8")
    text = text.replace("Quality public service}", "Excellent public service}")
    text = text.replace(
        "[{th: ให้บริการที่รวดเร็วและโปร่งใส, en: Fast and transparent service}]",
        "[{th: ให้บริการที่รวดเร็วและโปร่งใส, en: Fast and transparent service}, โปร่งใส]",
    )
    text = text.replace(
        "en: Service excellence}}", "en: Service excellence}}\n  - {id: SI2, name: ธรรมาภิบาล}"
    )
    text = text.replace("drives: [G1]}", "drives: []}")
    s3 = "  - {id: S3, name: ลดขั้นตอน, goals: [G1]}\n"
    text = text.replace("goals: [G2]}\n", "goals: [G2]}\n" + s3)
    text += "projects:\n"
    text += "  - {id: PJ1, name: ระบบคำขอออนไลน์, strategy: S3, owner: SVC, budget: 1500000}\n"
    base = (repo.plan / path).read_text(encoding="utf-8")
    base += "projects:\n  - {id: PJ1, name: ระบบคำขอออนไลน์, owner: SVC, budget: 1200000.50}\n"
    diff = two_commits(repo, {path: base}, {path: text})
    assert body(diff) == [
        "summary: goals: 1 changed; strategic issues: 1 added; strategies: 1 added; projects:"
        " 1 changed; strategy fields: 2 changed",
        "",
        "Strategy",
        "  ~ strategy",
        "      vision: {th: บริการประชาชนอย่างมีคุณภาพ, en: Quality public service} → {th:"
        " บริการประชาชนอย่างมีคุณภาพ, en: Excellent public service}",
        "      mission: [ให้บริการที่รวดเร็วและโปร่งใส] → [ให้บริการที่รวดเร็วและโปร่งใส, โปร่งใส]",
        "  ~ goal G2 บุคลากรมีสมรรถนะสูง",
        "      drives: [G1] → —",
        "  + issue SI2 ธรรมาภิบาล",
        "  + strategy S3 ลดขั้นตอน",
        "  ~ project PJ1 ระบบคำขอออนไลน์",
        "      strategy: — → S3",
        "      budget: 1200000.50 → 1500000",
    ]


def test_plan_settings(repo: GitPlan) -> None:
    path = "cascade.yaml"
    text = (repo.plan / path).read_text(encoding="utf-8")
    edited = text.replace("unit_specific_max_weight: 30", "unit_specific_max_weight: 35")
    edited += "params: {A: 5}\nscoring: {scale: {scores: [1, 2, 3]}, decimals: 2}\n"
    edited += "rules: {WGT001: warning}\n"
    diff = two_commits(repo, {}, {path: edited})
    assert body(diff) == [
        "summary: plan settings: 6 changed",
        "",
        "Plan (cascade.yaml)",
        "  ~ plan",
        "      params.A: — → 5",
        "      policy.unit_specific_max_weight: 30 → 35",
        "      scoring.scale: five-level → —",
        "      scoring.scale.scores: — → [1, 2, 3]",
        "      scoring.decimals: 4 → 2",
        "      rules.WGT001: — → warning",
    ]


def test_duplicates(repo: GitPlan) -> None:
    agreement = (repo.plan / "agreements/people/P001.yaml").read_text(encoding="utf-8")
    second = agreement.replace("weight: 70}", "weight: 60}")
    diff = two_commits(
        repo,
        {Q1: Q1_BASE},
        {
            "agreements/people/P001_2.yaml": second,
            Q1: Q1_BASE + "  - {kpi: ORG/1, value: 10}\n",
            "strategy_2.yaml": "kind: Strategy\n",
        },
    )
    assert body(diff) == [
        "summary: duplicates and conflicts: 3 added",
        "",
        "Documents that duplicate or conflict (added)",
        "  + document actuals/2569-Q1.yaml: second result for ORG/1 in 2569-Q1 (the first, in"
        " actuals/2569-Q1.yaml, counts)",
        "      code: repeated-result",
        "  + document agreements/people/P001_2.yaml: duplicate agreement for 'P001' (first"
        " defined in agreements/people/P001.yaml)",
        "      code: REF002",
        "  + document strategy_2.yaml: a plan has one Strategy document; another is in"
        " strategy.yaml",
        "      code: PLN002",
    ]
    old_commit, new_commit = (side.commit[:7] for side in (diff.old, diff.new) if side.commit)
    assert body(diff, "md") == [
        "",
        f"Plan folder `plan`; `HEAD~1` at `{old_commit}`, `HEAD` at `{new_commit}`.",
        "",
        "**Summary:** duplicates and conflicts: 3 added",
        "",
        "### Documents that duplicate or conflict (added)",
        "",
        "| item | change | field | before | after |",
        "| --- | --- | --- | --- | --- |",
        "| document `actuals/2569-Q1.yaml: second result for ORG/1 in 2569-Q1 (the first, in"
        " actuals/2569-Q1.yaml, counts)` | added | `code` | — | repeated-result |",
        "| document `agreements/people/P001_2.yaml: duplicate agreement for 'P001' (first"
        " defined in agreements/people/P001.yaml)` | added | `code` | — | REF002 |",
        "| document `strategy_2.yaml: a plan has one Strategy document; another is in"
        " strategy.yaml` | added | `code` | — | PLN002 |",
    ]

"""Golden outputs of ``cascade diff`` for text, md and json, compared byte for byte.

One commit of many edits (target, thresholds, weight, a KPI added, one
removed, one moved to another agreement, kind and tracing, the OS-matrix
owner, goals, a common KPI, a file renamed) against the minimal plan plus a
unit OPS.  Commit ids are replaced by ``<old>`` / ``<new>`` (they depend on
the fixture's bytes).  Regenerate with ``pytest tests/diff --update-golden``
and review the diff of the golden files.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.diff.conftest import GitPlan

GOLDEN = Path(__file__).resolve().parent.parent / "golden" / "diff"
SVC = "agreements/units/SVC.yaml"
ORG = "agreements/ORG.yaml"
P001 = "agreements/people/P001.yaml"
OPS = "agreements/units/OPS.yaml"
NEW_KPI = """\
  - id: "3"
    name: {th: ร้อยละของคำขอที่ตอบผ่านช่องทางออนไลน์, en: Requests answered online (%)}
    goal: G1
    dimension: efficiency
    unit_of_measure: percent
    weight: 2.5
    target: 50
    criteria: {thresholds: [30, 35, 40, 45, 50]}
"""

CONTRIBUTORY = """\
name: {th: ร้อยละของคำขอที่เสร็จภายใน 3 วัน, en: Requests done within 3 days (%)},
     kind: contributory, contributes_to: [ORG/1], unit_of_measure: percent, target: 90,
     criteria: {thresholds: [70, 75, 80, 85, 90]},"""


def edit_everything(repo: GitPlan) -> None:
    """The scenario's one commit."""
    repo.edit(ORG, "target: 90", "target: 95")
    repo.edit(
        ORG,
        "criteria: {thresholds: [60, 65, 70, 75, 80]}",
        "criteria: {thresholds: [65, 70, 75, 80, 85.5]}",
    )
    repo.write(ORG, (repo.plan / ORG).read_text(encoding="utf-8") + NEW_KPI)
    text = (repo.plan / P001).read_text(encoding="utf-8")
    repo.write(P001, text[: text.index('  - id: "2"')] + text[text.index("signatories:") :])
    repo.edit(P001, "same_as: 1-1, weight: 70}", "same_as: 1-3, weight: 100}")
    text = (repo.plan / SVC).read_text(encoding="utf-8")
    start, end = text.index("  - id: 1-2"), text.index("  - {id: 1-3")
    repo.write(SVC, text[:start] + text[end:])
    ops = (repo.plan / OPS).read_text(encoding="utf-8")
    repo.write(OPS, ops + text[start:end].replace("weight: 30", "weight: 20"))
    repo.edit(OPS, "weight: 70}", "weight: 50}")
    repo.edit(SVC, "kind: identical, same_as: ORG/1,", CONTRIBUTORY)
    repo.edit(SVC, "weight: 40}", "weight: 70}")
    repo.edit(SVC, "supports: [G2]}", "supports: [G1, G2]}")
    repo.edit(
        "os-matrix.yaml", "{kpi: ORG/2, owner: SVC}", "{kpi: ORG/2, owner: OPS, supporters: [SVC]}"
    )
    repo.edit("strategy.yaml", "en: Staff are highly capable}", "en: Staff are capable}")
    repo.edit("cascade.yaml", "    target: 80\n", "    target: 85\n")
    repo.git("mv", f"plan/{SVC}", "plan/agreements/SVC.yaml")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def check(name: str, text: str, update: bool) -> None:
    golden = GOLDEN / name
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def anonymise(text: str, repo: GitPlan, *revs: str) -> str:
    for rev, mark in zip(revs, ("<old>", "<new>"), strict=False):
        sha = repo.git("rev-parse", rev).strip()
        text = text.replace(sha, mark).replace(sha[:7], mark)
    return text


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_scenario(
    fmt: str, repo_ops: GitPlan, update_golden: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_everything(repo_ops)
    repo_ops.commit("many edits")
    code, out, err = run(["diff", "HEAD~1..HEAD", str(repo_ops.plan), "-f", fmt], capsys)
    assert (code, err) == (0, "")
    ext = {"text": "txt", "md": "md", "json": "json"}[fmt]
    check(f"scenario.{ext}", anonymise(out, repo_ops, "HEAD~1", "HEAD"), update_golden)


def test_no_changes_after_renames(
    repo: GitPlan, update_golden: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.git("mv", f"plan/{SVC}", "plan/agreements/SVC-2569.yaml")
    repo.commit("rename")
    for fmt, ext in (("text", "txt"), ("md", "md")):
        code, out, _ = run(["diff", "HEAD~1..HEAD", str(repo.plan), "-f", fmt], capsys)
        assert code == 0
        check(f"no-changes.{ext}", anonymise(out, repo, "HEAD~1", "HEAD"), update_golden)


def test_broken_working_tree(
    repo: GitPlan, update_golden: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(SVC, "kind: Agreement\n", "kind: Agreement\n  bad: [\n")
    repo.edit(P001, "weight: 70", "weight: 75")
    code, out, err = run(["diff", "HEAD", str(repo.plan), "-f", "md"], capsys)
    assert (code, err) == (0, "")
    check("broken-side.md", anonymise(out, repo, "HEAD"), update_golden)

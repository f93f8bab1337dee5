"""What a diff finds, edit by edit, in real git repositories."""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.diff import DiffRequest, diff_plans
from cascade.diff.sides import WORKTREE
from tests.diff.conftest import GitPlan, make_repo
from tests.diff.helpers import changed_rows, rows, run_diff, weights

SVC = "agreements/units/SVC.yaml"
ORG = "agreements/ORG.yaml"
P001 = "agreements/people/P001.yaml"


def test_weight(repo: GitPlan) -> None:
    repo.edit(SVC, "weight: 30\n", "weight: 25\n")
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert rows(diff) == {("SVC", "kpi", "1-2", "changed", "weight", "30", "25")}
    assert weights(diff) == {"SVC": ("100", "95")}
    assert diff.counts() == {"kpi": {"changed": 1}}


def test_target_reaches_the_kpis_that_inherit_it(repo: GitPlan) -> None:
    repo.edit(ORG, "target: 90", "target: 95")
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert rows(diff) == {
        ("ORG", "kpi", "1", "changed", "target", "90", "95"),
        ("SVC", "kpi", "1-1", "changed", "target", "90", "95"),
        ("P001", "kpi", "1", "changed", "target", "90", "95"),
    }
    inherited = {(s.id, f.inherited) for s in diff.sections for i in s.items for f in i.fields}
    assert inherited == {("ORG", False), ("SVC", True), ("P001", True)}


def test_thresholds(repo: GitPlan) -> None:
    repo.edit(
        ORG,
        "criteria: {thresholds: [60, 65, 70, 75, 80]}",
        "criteria: {thresholds: [65, 70, 75, 80, 85.5]}",
    )
    repo.commit()
    assert rows(run_diff("HEAD~1..HEAD", repo.plan)) == {
        (
            "ORG",
            "kpi",
            "2",
            "changed",
            "criteria.thresholds",
            "[60, 65, 70, 75, 80]",
            "[65, 70, 75, 80, 85.5]",
        )
    }


def test_added_and_removed_kpis(repo: GitPlan) -> None:
    repo.write(
        ORG,
        (repo.plan / ORG).read_text(encoding="utf-8")
        + '  - {id: "3", name: ความโปร่งใส, goal: G1, dimension: efficiency, weight: 2.5}\n',
    )
    text = (repo.plan / P001).read_text(encoding="utf-8")
    repo.write(P001, text[: text.index('  - id: "2"')] + text[text.index("signatories:") :])
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    found = {r[:4] for r in rows(diff)}
    assert found == {("ORG", "kpi", "3", "added"), ("P001", "kpi", "2", "removed")}
    assert ("ORG", "kpi", "3", "added", "weight", None, "2.5") in rows(diff)
    assert ("P001", "kpi", "2", "removed", "target", "100", None) in rows(diff)
    assert weights(diff) == {"ORG": ("100", "102.5"), "P001": ("100", "70")}
    assert diff.counts() == {"kpi": {"added": 1, "removed": 1}}


def test_kpi_moved_between_agreements(repo_ops: GitPlan) -> None:
    repo = repo_ops
    text = (repo.plan / SVC).read_text(encoding="utf-8")
    start, end = text.index("  - id: 1-2"), text.index("  - {id: 1-3")
    block = text[start:end]
    repo.write(SVC, text[:start] + text[end:])
    ops = (repo.plan / "agreements/units/OPS.yaml").read_text(encoding="utf-8")
    moved = block.replace("weight: 30", "weight: 20")
    repo.write("agreements/units/OPS.yaml", ops + moved)
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert rows(diff) == {
        ("SVC", "kpi", "1-2", "moved-away OPS/1-2", "", None, None),
        ("OPS", "kpi", "1-2", "moved SVC/1-2", "weight", "30", "20"),
    }
    assert weights(diff) == {"SVC": ("100", "70"), "OPS": ("100", "120")}
    assert diff.counts() == {"kpi": {"moved": 1}}


def test_kpi_renumbered_in_its_agreement_is_one_move(repo: GitPlan) -> None:
    repo.edit(SVC, "  - id: 1-2\n", "  - id: 1-4\n")
    repo.commit()
    assert rows(run_diff("HEAD~1..HEAD", repo.plan)) == {
        ("SVC", "kpi", "1-4", "moved SVC/1-2", "", None, None)
    }


def test_os_matrix_owner(repo: GitPlan) -> None:
    repo.edit(
        "os-matrix.yaml", "{kpi: ORG/2, owner: SVC}", "{kpi: ORG/2, owner: ORG, supporters: [SVC]}"
    )
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert rows(diff) == {
        ("osmatrix", "row", "ORG/2", "changed", "owner", "SVC", "ORG"),
        ("osmatrix", "row", "ORG/2", "changed", "supporters", None, "[SVC]"),
    }
    assert diff.sections[0].items[0].name == "ร้อยละของบุคลากรที่ได้รับการพัฒนาตามแผน"


def test_kind_and_tracing(repo: GitPlan) -> None:
    repo.edit(
        SVC,
        "kind: identical, same_as: ORG/1,",
        "name: เร่งรัดคำขอ, kind: contributory, contributes_to: [ORG/1], target: 3,",
    )
    repo.edit(P001, "same_as: 1-1", "same_as: 1-3")
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    svc = {r[4:] for r in rows(diff) if r[0] == "SVC"}
    assert svc == {
        ("name", "ร้อยละของคำขอที่ดำเนินการเสร็จภายในเวลามาตรฐาน", "เร่งรัดคำขอ"),
        ("kind", "identical", "contributory"),
        ("same_as", "ORG/1", None),
        ("contributes_to", None, "[ORG/1]"),
        ("unit_of_measure", "percent", None),
        ("target", "90", "3"),
        ("criteria.thresholds", "[70, 75, 80, 85, 90]", None),
    }
    person = {r[4:] for r in rows(diff) if r[0] == "P001"}
    assert ("same_as", "SVC/1-1", "SVC/1-3") in person
    assert ("target", "90", "80") in person  # now inherited from C1 through SVC/1-3


def test_renamed_file_is_no_change(repo: GitPlan) -> None:
    repo.git("mv", f"plan/{SVC}", "plan/agreements/SVC-2569.yaml")
    repo.git("mv", "plan/people.yaml", "plan/roster.yaml")
    repo.commit("rename")
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert not diff.changed
    assert diff.new.files == diff.old.files == 9


def test_goals_and_strategy(repo: GitPlan) -> None:
    repo.edit(SVC, "supports: [G2]}", "supports: [G1, G2]}")
    repo.edit("strategy.yaml", "en: Staff are highly capable}", "en: Staff are capable}")
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert rows(diff) == {
        ("SVC", "goal", "SVC-G2", "changed", "supports", "[G2]", "[G1, G2]"),
        (
            "strategy",
            "goal",
            "G2",
            "changed",
            "name",
            "{th: บุคลากรมีสมรรถนะสูง, en: Staff are highly capable}",
            "{th: บุคลากรมีสมรรถนะสูง, en: Staff are capable}",
        ),
    }
    english = run_diff("HEAD~1..HEAD", repo.plan, lang="en")
    assert (
        "strategy",
        "goal",
        "G2",
        "changed",
        "name",
        "Staff are highly capable",
        "Staff are capable",
    ) in rows(english)


def test_decimals_as_written_and_compared_by_value(repo: GitPlan) -> None:
    repo.edit(SVC, "weight: 30\n", "weight: 30.0\n")
    repo.edit(ORG, "weight: 60", "weight: 57.50")
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert rows(diff) == {("ORG", "kpi", "1", "changed", "weight", "60", "57.50")}
    assert weights(diff) == {"ORG": ("100", "97.50")}


def test_weight_expression_and_params(repo: GitPlan) -> None:
    repo.edit("cascade.yaml", "languages: [th, en]\n", "languages: [th, en]\nparams: {A: 5}\n")
    repo.edit(ORG, "weight: 60", "weight: 55 + A")
    repo.commit()
    repo.edit("cascade.yaml", "params: {A: 5}", "params: {A: 10}")
    repo.commit()
    assert rows(run_diff("HEAD~2..HEAD~1", repo.plan)) == {
        ("plan", "", "", "changed", "params.A", None, "5"),
    }
    assert rows(run_diff("HEAD~1..HEAD", repo.plan)) == {
        ("ORG", "kpi", "1", "changed", "weight", "55 + A = 60", "55 + A = 65"),
        ("plan", "", "", "changed", "params.A", "5", "10"),
    }


def test_working_tree_is_the_default_new_side(
    repo: GitPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit(SVC, "weight: 40}", "weight: 45}")
    expected = {("SVC", "kpi", "1-1", "changed", "weight", "40", "45")}
    diff = run_diff("HEAD", repo.plan)
    assert diff.new.label == WORKTREE and diff.new.commit is None
    assert rows(diff) == expected
    monkeypatch.chdir(repo.plan)
    assert rows(run_diff(None, repo.plan)) == expected
    assert changed_rows(diff_plans(DiffRequest())) == expected


def test_merge_base_range(repo: GitPlan) -> None:
    base = repo.git("rev-parse", "--abbrev-ref", "HEAD").strip()
    repo.git("checkout", "-q", "-b", "topic")
    repo.edit(SVC, "weight: 40}", "weight: 45}")
    repo.commit()
    repo.git("checkout", "-q", base)
    repo.edit(ORG, "target: 80", "target: 85")
    repo.commit()
    diff = run_diff(f"{base}...topic", repo.plan)
    assert rows(diff) == {("SVC", "kpi", "1-1", "changed", "weight", "40", "45")}
    assert diff.old.label == f"merge base of {base} and topic"
    both = {r[:3] for r in rows(run_diff(f"{base}..topic", repo.plan))}
    assert both == {("SVC", "kpi", "1-1"), ("ORG", "kpi", "2")}


def test_plan_at_the_top_of_the_repository(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "top", folder="")
    repo.commit()
    repo.edit(SVC, "weight: 40}", "weight: 45}")
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert diff.plan_dir == "."
    assert {r[:3] for r in rows(diff)} == {("SVC", "kpi", "1-1")}


def test_a_side_with_broken_files_still_diffs(repo: GitPlan) -> None:
    repo.edit(SVC, "kind: Agreement\n", "kind: Agreement\n  bad: [\n")
    repo.edit(ORG, "target: 90", "target: ninety")
    repo.edit(P001, "weight: 70", "weight: 75")
    diff = run_diff("HEAD", repo.plan)
    assert diff.new.failed == (ORG, SVC)
    assert diff.old.failed == ()
    assert (
        len(diff.warnings) == 1
        and "agreements/ORG.yaml, agreements/units/SVC.yaml" in diff.warnings[0]
    )
    statuses = {(s.id, s.status) for s in diff.sections if s.kind == "agreement"}
    assert statuses == {("ORG", "removed"), ("SVC", "removed"), ("P001", "changed")}


def test_same_as_cycle_does_not_crash(repo: GitPlan) -> None:
    text = (repo.plan / ORG).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    names = [i for i, line in enumerate(lines) if line.startswith("    name:")]
    lines[names[0]] = "    same_as: ORG/2\n"
    lines[names[1]] = "    same_as: ORG/1\n"
    repo.write(ORG, "".join(lines))
    repo.commit()
    diff = run_diff("HEAD~1..HEAD", repo.plan)
    assert ("ORG", "kpi", "1", "changed", "same_as", None, "ORG/2") in rows(diff)
    assert ("ORG", "kpi", "2", "changed", "same_as", None, "ORG/1") in rows(diff)


def test_the_working_tree_and_index_are_untouched(repo: GitPlan) -> None:
    repo.edit(SVC, "weight: 40}", "weight: 45}")
    repo.commit()
    repo.edit(ORG, "target: 80", "target: 85")
    before = (
        repo.status(),
        repo.git("rev-parse", "HEAD"),
        (repo.top / ".git" / "index").read_bytes(),
    )
    run_diff("HEAD~1..HEAD", repo.plan)
    run_diff("HEAD~1", repo.plan)
    after = repo.status(), repo.git("rev-parse", "HEAD"), (repo.top / ".git" / "index").read_bytes()
    assert before == after

"""``cascade diff`` on the command line: arguments, formats and exit codes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.conftest import MINIMAL
from tests.diff.conftest import GitPlan

SVC = "agreements/units/SVC.yaml"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_exit_code_is_opt_in(repo: GitPlan, capsys: pytest.CaptureFixture[str]) -> None:
    plan = str(repo.plan)
    assert run(["diff", "HEAD", plan, "--exit-code"], capsys)[0] == 0
    repo.edit(SVC, "weight: 40}", "weight: 45}")
    assert run(["diff", "HEAD", plan], capsys)[0] == 0
    assert run(["diff", "HEAD", plan, "--exit-code"], capsys)[0] == 1
    assert run(["diff", "--exit-code", "HEAD", plan, "-f", "json"], capsys)[0] == 1


def test_a_new_file_that_does_not_load_is_a_change(
    repo: GitPlan, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.write("agreements/units/NEW.yaml", "kind: Agreement\n  bad: [\n")
    code, out, _err = run(["diff", "HEAD", str(repo.plan), "--exit-code"], capsys)
    assert (code, out.splitlines()[1:]) == (
        1,
        [
            "warning: new side (working tree): 1 file(s) did not load and are left out of the "
            "diff: agreements/units/NEW.yaml (run cascade validate)",
            "summary: files that do not load: see the warning",
        ],
    )


def test_lone_word_is_a_revision_or_the_plan_folder(
    repo: GitPlan, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.edit(SVC, "weight: 40}", "weight: 45}")
    monkeypatch.chdir(repo.top)
    code, out, _ = run(["diff", "plan"], capsys)  # a folder, not a revision: HEAD → working tree
    assert code == 0 and "HEAD" in out and "weight: 40 → 45" in out
    monkeypatch.chdir(repo.plan)
    code, out, _ = run(["diff", "HEAD"], capsys)
    assert code == 0 and "weight: 40 → 45" in out
    code, out, _ = run(["diff"], capsys)
    assert code == 0 and "weight: 40 → 45" in out


def test_a_word_that_is_both_is_refused(
    repo: GitPlan, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.git("branch", "plan")
    monkeypatch.chdir(repo.top)
    code, _, err = run(["diff", "plan"], capsys)
    assert code == 2 and "both a revision and a folder" in err
    assert run(["diff", "plan", "plan"], capsys)[0] == 0
    assert run(["diff", "./plan"], capsys)[0] == 0


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["HEAD~5..HEAD"], "unknown revision 'HEAD~5'"),
        (["nope"], "unknown revision 'nope'"),
        (["HEAD", "elsewhere"], "does not exist at HEAD"),
        (["--old", "plan"], "give both --old DIR and --new DIR"),
        (["HEAD", "--old", "plan", "--new", "plan"], "give no revisions"),
        (["HEAD", "--lang", "fr"], "unknown language 'fr'"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str],
    message: str,
    repo: GitPlan,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(repo.plan)
    code, out, err = run(["diff", *argv], capsys)
    assert code == 2 and out == ""
    assert err.startswith("cascade diff: ") and message in err


def test_bad_format_exits_2(repo: GitPlan, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["diff", "HEAD", str(repo.plan), "-f", "xml"], capsys)
    assert code == 2 and "text, md, json" in err


def test_not_a_git_repository(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(MINIMAL, plan)
    code, _, err = run(["diff", "HEAD", str(plan)], capsys)
    assert code == 2 and "not inside a git repository" in err


def test_not_a_plan_at_a_revision(repo: GitPlan, capsys: pytest.CaptureFixture[str]) -> None:
    (repo.top / "notes").mkdir()
    (repo.top / "notes" / "a.yaml").write_text("kind: Plan\n", encoding="utf-8")
    repo.commit()
    code, _, err = run(["diff", "HEAD~1..HEAD", str(repo.top / "notes")], capsys)
    assert code == 2 and "notes does not exist at HEAD~1" in err
    code, _, err = run(["diff", "HEAD", str(repo.top / "notes")], capsys)
    assert code == 2 and "holds no cascade.yaml" in err


def test_two_folders_without_git(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(MINIMAL, tmp_path / "old")
    shutil.copytree(MINIMAL, tmp_path / "new")
    path = tmp_path / "new" / SVC
    path.write_text(path.read_text(encoding="utf-8").replace("weight: 40}", "weight: 45}"))
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(
        ["diff", "--old", "old", "--new", "new", "-f", "json", "--exit-code"], capsys
    )
    data = json.loads(out)
    assert code == 1
    assert (data["old"]["label"], data["new"]["label"], data["plan_dir"]) == ("old", "new", "")
    assert data["sections"][0]["items"][0]["fields"] == [
        {"field": "weight", "before": "40", "after": "45", "inherited": False}
    ]
    code, _, err = run(["diff", "--old", "old", "--new", "nothing"], capsys)
    assert code == 2 and "not a plan folder" in err


def test_output_file_and_warnings_on_stderr(
    repo: GitPlan, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo.edit(SVC, "kind: Agreement\n", "kind: Agreement\n  bad: [\n")
    target = tmp_path / "changes.md"
    code, out, err = run(["diff", "HEAD", str(repo.plan), "-f", "md", "-o", str(target)], capsys)
    assert (code, out) == (0, "")
    assert "agreements/units/SVC.yaml" in err and err.startswith("cascade diff: warning: ")
    assert target.read_text(encoding="utf-8").startswith("## Plan changes: `HEAD` → working tree")


def test_help_lists_the_options(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["diff", "--help"], capsys)
    assert code == 0
    for word in ("REV_A", "--format", "--exit-code", "--old", "--new", "--lang"):
        assert word in out

"""``cascade report`` and ``cascade validate --render`` on the command line."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path
from typing import Any

import pytest

from cascade.report.output import replace_tree
from tests.conftest import MINIMAL, ROOT, make_plan
from tests.report.report_helpers import run, snapshot

ACME = str(ROOT / "plans" / "acme")
PROBATION = str(ROOT / "plans" / "probation")


def test_pdf_says_when_it_is_not_available(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = importlib.util.find_spec

    def without_pdf(name: str, *args: Any) -> Any:
        return None if name == "cascade.report.pdf" else real(name, *args)

    monkeypatch.setattr(importlib.util, "find_spec", without_pdf)
    code, _, err = run(["report", ACME, "-o", str(tmp_path), "-f", "html,pdf"], capsys)
    assert code == 2
    assert "PDF output is not available yet" in err
    assert snapshot(tmp_path) == {}


def test_markdown_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["report", ACME, "-o", str(tmp_path), "-f", "md"], capsys)
    assert code == 0
    assert out == f"wrote {tmp_path / 'report' / 'md' / 'index.md'}\n"
    assert not (tmp_path / "report" / "html").exists()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-f", "docx"], "choose from html, md, pdf"),
        (["--lang", "fr"], "choose th or en"),
        (["--period", "Q2"], "is not a period"),
        (["--period", "2569-Q3"], "no Actuals for 2569-Q3 (found: 2569-Q1, 2569-Q2)"),
        (["--templates", "/nonexistent/templates"], "is not a folder"),
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["report", PROBATION, "-o", str(tmp_path), *argv], capsys)
    assert code == 2
    assert message in " ".join(err.split())
    assert snapshot(tmp_path) == {}


def test_a_plan_with_errors_is_not_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_plan(tmp_path, {"extra.yaml": "kind: Agrement\n"})
    code, _, err = run(["report", str(root), "-o", str(tmp_path / "out")], capsys)
    assert code == 1
    assert "SPEC002" in err and "fix them before reporting" in err
    assert not (tmp_path / "out").exists()


def test_not_a_plan_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["report", str(tmp_path), "-o", str(tmp_path / "out")], capsys)[0] == 2


def test_a_second_run_replaces_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html = tmp_path / "report" / "html"
    replace_tree(html, {"stale.html": "old"})  # a page cascade wrote before
    assert run(["report", ACME, "-o", str(tmp_path)], capsys)[0] == 0
    assert not (html / "stale.html").exists()
    assert (html / "index.html").is_file()
    assert "stale.html" not in (html / ".cascade-report").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]  # no temp folders left
    assert sorted(p.name for p in (tmp_path / "report").iterdir()) == ["html", "md"]
    assert {p.stat().st_mode & 0o777 for p in html.rglob("*") if p.is_file()} == {0o644}


def test_folders_cascade_makes_are_readable_by_others_whatever_the_umask(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "shared" / "out"  # neither exists yet
    old = os.umask(0o077)
    try:
        assert run(["report", ACME, "-f", "md", "-o", str(out)], capsys)[0] == 0
    finally:
        os.umask(old)
    made = [tmp_path / "shared", out, out / "report", out / "report" / "md"]
    assert [p.stat().st_mode & 0o777 for p in made] == [0o755] * 4
    assert {p.stat().st_mode & 0o777 for p in (out / "report").rglob("*") if p.is_file()} == {0o644}


@pytest.mark.parametrize("foreign", ["md/notes.md", "html/index.html"])
def test_files_cascade_did_not_write_are_never_replaced(
    foreign: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    mine = tmp_path / "report" / foreign
    mine.parent.mkdir(parents=True)
    mine.write_text("my own notes", encoding="utf-8")
    code, _, err = run(["report", ACME, "-o", str(tmp_path)], capsys)
    assert code == 2
    folder = mine.parent
    assert err == (
        f"cascade: {folder} holds files cascade did not write ({mine.name}); "
        "move them away or choose another --out; the report was not written\n"
    )
    assert snapshot(tmp_path) == {f"report/{foreign}": b"my own notes"}


def test_replace_tree_keeps_the_old_folder_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "html"
    replace_tree(target, {"index.html": "one", "sub/a.html": "a"})
    before = snapshot(target)

    def broken(folder: Path, files: object) -> None:
        (folder / "half.html").write_text("half", encoding="utf-8")
        raise OSError("disk full")

    monkeypatch.setattr("cascade.report.output._write_all", broken)
    with pytest.raises(OSError, match="disk full"):
        replace_tree(target, {"index.html": "two"})
    assert snapshot(target) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["html"]


def test_validate_render_passes_on_the_examples(capsys: pytest.CaptureFixture[str]) -> None:
    for plan in (ACME, PROBATION):
        code, out, _ = run(["validate", plan, "--render", "--no-cache", "-f", "text"], capsys)
        assert code == 0, out


def test_validate_render_fails_on_a_broken_template(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "party.md").write_text(
        "# {{ agreement.title }}\n{{ agreement.nope }}\n", encoding="utf-8"
    )
    argv = [
        "validate",
        str(MINIMAL),
        "--render",
        "--no-cache",
        "--templates",
        str(folder),
        "-f",
        "parsable",
    ]
    code, out, _ = run(argv, capsys)
    assert code == 2
    assert out.startswith(f"{folder}/party.md:2:1: [error] undefined in the template: ")
    assert out.rstrip().endswith("(RPT001)")


def test_validate_render_waits_for_a_valid_plan(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = make_plan(tmp_path, {"extra.yaml": "kind: Agrement\n"})
    code, out, _ = run(["validate", str(root), "--render", "--no-cache", "-f", "text"], capsys)
    assert code == 1
    assert "the report was not rendered" in out

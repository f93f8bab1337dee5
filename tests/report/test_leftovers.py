"""A report stopped outright (SIGKILL, the OOM killer) leaves its staged folders
(``OUT/report/.html.new-*``) beside the report; the next report removes them, but
never the folder of a report still running (it holds a lock on it)."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path

import pytest

from cascade.report.output import sweep
from tests.conftest import MINIMAL
from tests.report.report_helpers import run, snapshot


def test_the_next_report_removes_what_a_killed_one_left(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(MINIMAL, plan)
    out, cold = tmp_path / "out", tmp_path / "cold"
    assert run(["report", str(plan), "-o", str(cold), "-q", "--no-cache"], capsys)[0] == 0
    assert run(["report", str(plan), "-o", str(out), "-q"], capsys)[0] == 0
    report = out / "report"
    for name in (".html.new-k1ll3d", ".md.new-k1ll3d", ".html.old-k1ll3d", ".cascade-tmp"):
        (report / name / "sub").mkdir(parents=True)
        (report / name / "sub" / "index.html").write_text("half", encoding="utf-8")
    (report / "html" / "index.html").unlink()  # the next report has a page to write

    assert run(["report", str(plan), "-o", str(out), "-q"], capsys)[0] == 0

    assert sorted(os.listdir(report)) == ["html", "md"]
    assert snapshot(report) == snapshot(cold / "report")


def test_a_folder_a_running_report_holds_is_left_alone(tmp_path: Path) -> None:
    target = tmp_path / "html"
    held, stale = tmp_path / ".html.new-running", tmp_path / ".html.new-stale"
    held.mkdir()
    stale.mkdir()
    (tmp_path / ".md.new-other").mkdir()  # another folder's: not this one's to sweep
    (tmp_path / ".html.new-link").symlink_to(stale)
    fd = os.open(held, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        sweep(target)
    finally:
        os.close(fd)
    assert sorted(os.listdir(tmp_path)) == [".html.new-link", ".html.new-running", ".md.new-other"]

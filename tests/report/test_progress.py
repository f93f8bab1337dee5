"""Progress of ``cascade report``: phases and counts on a terminal, else nothing."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console

from cascade.report.progress import ReportProgress, wanted


def test_phases_and_counts_are_shown_on_a_terminal() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=100, no_color=True)
    with ReportProgress(True, "en", console) as progress:
        progress.view()
        progress.pages(7, 12)
        progress.pdf(3, 4, 1234)
        progress.bar.refresh()  # type: ignore[union-attr]
        shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    assert "HTML/Markdown pages" in shown and " 7/12" in shown
    assert "PDF documents" in shown and re.search(r" 3/4 +1,234 pages", shown)


def test_nothing_when_disabled() -> None:
    progress = ReportProgress(False)
    with progress:
        progress.pdf(1, 2, 3)
    assert progress.bar is None and progress.tasks == {}


def test_not_wanted_with_quiet_or_without_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    assert wanted(quiet=True) is False
    assert wanted(quiet=False) is True
    monkeypatch.setattr("sys.stderr.isatty", lambda: False, raising=False)
    assert wanted(quiet=False) is False

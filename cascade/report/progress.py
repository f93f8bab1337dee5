"""Progress of ``cascade report`` on stderr: the phase and pages done of all.

Shown only when stderr is a terminal and ``--quiet`` is not given (a pipe,
a CI log or a test sees nothing).  Phases: the view, the HTML and Markdown
pages, then the PDF documents with the pages typeset so far.
"""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn

from cascade.report.labels import pick

WORDS = {
    "view": ("อ่านแผน", "reading the plan"),
    "pages": ("หน้า HTML/Markdown", "HTML/Markdown pages"),
    "pdf": ("เอกสาร PDF", "PDF documents"),
    "typeset": ("หน้า", "pages"),
}


def wanted(quiet: bool) -> bool:
    """Whether to show progress: stderr is a terminal and not ``--quiet``."""
    return not quiet and sys.stderr.isatty()


class ReportProgress:
    """A context manager; its methods are the report's progress callbacks."""

    def __init__(self, enabled: bool, lang: str = "en", console: Console | None = None):
        self.lang = lang
        self.bar: Progress | None = None
        self.tasks: dict[str, TaskID] = {}
        if enabled:
            self.bar = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[note]}"),
                console=console or Console(stderr=True),
                transient=True,
            )

    def __enter__(self) -> ReportProgress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.bar is not None:
            self.bar.stop()

    def _show(self, phase: str, done: int, total: int, note: str = "") -> None:
        if self.bar is None:
            return
        if phase not in self.tasks:
            label = pick(WORDS[phase], self.lang)
            self.tasks[phase] = self.bar.add_task(label, total=total, note=note)
        self.bar.update(self.tasks[phase], completed=done, total=total, note=note)

    def view(self) -> None:
        """The plan is being turned into the view."""
        self._show("view", 0, 1)

    def pages(self, done: int, total: int) -> None:
        """HTML and Markdown pages: ``done`` of ``total``."""
        self._show("view", 1, 1)
        self._show("pages", done, total)

    def pdf(self, done: int, total: int, pages: int) -> None:
        """PDF documents: ``done`` of ``total``, ``pages`` typeset so far."""
        self._show("pdf", done, total, f"{pages:,} {pick(WORDS['typeset'], self.lang)}")

"""Diagnostics reporters: render a :class:`~cascade.result.RunResult` to a stream.

Each reporter is a module with ``report(result, out, color=False)``; they see
only the result, never YAML or pydantic.  ``REPORTERS`` maps the ``--format``
names to them and :func:`pick` resolves ``auto``.  Which folder the file
names are relative to is chosen before reporting (:mod:`.paths`).

A reporter module is imported the first time it reports, so a run pays only
for the one it uses (the ``text`` reporter's rich, for one, is not needed for
``--format json``).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Protocol, TextIO

from cascade.result import RunResult

__all__ = ["CHOICES", "REPORTERS", "Reporter", "pick"]


class Reporter(Protocol):
    """Renders a run result to a text stream, in colour if asked and able."""

    def __call__(self, result: RunResult, out: TextIO, color: bool = False) -> None: ...


def _lazy(name: str) -> Reporter:
    """``cascade.reporters.<name>.report``, imported on its first call."""

    def report(result: RunResult, out: TextIO, color: bool = False) -> None:
        module = importlib.import_module(f"{__name__}.{name}")
        module.report(result, out, color=color)

    report.__qualname__ = report.__name__ = f"{name}_report"
    report.__doc__ = f"The ``{name}`` reporter (:func:`cascade.reporters.{name}.report`)."
    return report


REPORTERS: dict[str, Reporter] = {
    name: _lazy(name) for name in ("text", "parsable", "github", "json", "sarif", "junit", "gitlab")
}

CHOICES: tuple[str, ...] = ("auto", *REPORTERS)
"""What ``--format`` accepts."""


def pick(format: str | None, env: Mapping[str, str]) -> str:
    """The reporter name for ``format``: ``None`` or ``auto`` means ``github``
    inside GitHub Actions (``GITHUB_ACTIONS=true``), else ``text``.

    Raises ``ValueError`` for a name that is not a reporter.
    """
    if format is None or format == "auto":
        return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"
    if format not in REPORTERS:
        raise ValueError(f"unknown format {format!r}; choose one of {', '.join(CHOICES)}")
    return format

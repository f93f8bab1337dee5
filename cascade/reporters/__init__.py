"""Diagnostics reporters: render a :class:`~cascade.result.RunResult` to a stream.

Each reporter is a module with ``report(result, out, color=False)``; they see
only the result, never YAML or pydantic.  ``REPORTERS`` maps the ``--format``
names to them and :func:`pick` resolves ``auto``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, TextIO

from cascade.reporters import github, json, junit, parsable, sarif, text
from cascade.result import RunResult

__all__ = ["CHOICES", "REPORTERS", "Reporter", "pick"]


class Reporter(Protocol):
    """Renders a run result to a text stream, in colour if asked and able."""

    def __call__(self, result: RunResult, out: TextIO, color: bool = False) -> None: ...


REPORTERS: dict[str, Reporter] = {
    "text": text.report,
    "parsable": parsable.report,
    "github": github.report,
    "json": json.report,
    "sarif": sarif.report,
    "junit": junit.report,
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

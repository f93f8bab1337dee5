"""Exit codes, named once, and the errors that end a command with one.

A command (or the library under it) raises a :class:`CascadeError`;
``cascade.cli.app.main`` is the one place that prints its lines on stderr
and turns it into the exit code.  Nothing here prints or exits.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The exit codes of every ``cascade`` command."""

    OK = 0
    PLAN = 1
    """The plan has errors (or warnings with ``--strict``)."""
    CHANGED = 1
    """Same value as ``PLAN``: a check found something to change (``fmt --check``,
    ``schema --check``, ``diff --exit-code``) or a question has no answer."""
    USAGE = 2
    """Unusable input or environment: a bad option, not a plan, an unreadable file."""
    INTERNAL = 3
    """A bug in cascade."""
    INTERRUPTED = 130
    """Ctrl-C."""
    TERMINATED = 143
    """SIGTERM (128 + 15): stopped after removing its temporary files."""


class CascadeError(Exception):
    """A failure the user can act on; ``main`` prints :meth:`lines` and exits with ``exit_code``.

    The message may span lines: only the first gets the ``prefix``
    (``cascade: …``); an empty prefix prints the message as it is.
    """

    def __init__(
        self, message: str, exit_code: ExitCode = ExitCode.USAGE, *, prefix: str = "cascade"
    ) -> None:
        super().__init__(message)
        self.exit_code = exit_code
        self.prefix = prefix

    def lines(self) -> list[str]:
        """What ``main`` writes on stderr, one item a line."""
        text = str(self)
        first = f"{self.prefix}: {text}" if self.prefix else text
        return first.split("\n") if text else []

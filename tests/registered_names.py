"""Every diagnostic cascade builds carries a registered code and exactly its name.

:func:`watch_diagnostics` wraps ``Diagnostic.__init__`` for the test session
(``tests/conftest.py`` installs it once per process, so once per xdist
worker) and notes every diagnostic built by a ``cascade`` module whose code
is not in :data:`cascade.rules.ALL` or whose name is not the registered
one; after each test, :func:`fail_on_misnamed` fails that test (at teardown)
if it built any.  Diagnostics that tests build themselves (reporter inputs
such as ``X1``) are not cascade's output and are not checked; nor are those
built in other processes (the CLI run as a subprocess, parse workers).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest

import cascade.rules as registered
from cascade.diagnostics import Diagnostic

MISNAMED: list[str] = []
"""Problems noted since the last :func:`fail_on_misnamed` (this process)."""


def misnamed(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """What is wrong with ``(code, name)`` pairs: an unknown code, or not its registered name."""
    problems: list[str] = []
    for code, name in pairs:
        rule = registered.ALL.get(code)  # at call time: tests may register rules
        if rule is None:
            problems.append(f"{code} ({name!r}) is not a registered code")
        elif name != rule.name:
            problems.append(f"{code} is named {name!r}; the registry says {rule.name!r}")
    return problems


def _built_by_cascade() -> bool:
    """Whether the code that called ``Diagnostic(...)`` (or ``replace``) is cascade's."""
    frame = sys._getframe(2)
    while frame.f_back is not None and frame.f_globals.get("__name__") == "dataclasses":
        frame = frame.f_back
    module = str(frame.f_globals.get("__name__", ""))
    return module == "cascade" or module.startswith("cascade.")


@contextmanager
def watch_diagnostics() -> Iterator[None]:
    """Note every misnamed diagnostic cascade builds while inside, in :data:`MISNAMED`."""
    original = Diagnostic.__init__

    def checked_init(self: Diagnostic, *args: Any, **kwargs: Any) -> None:
        original(self, *args, **kwargs)
        if _built_by_cascade():
            MISNAMED.extend(f"{self.format()}: {p}" for p in misnamed([(self.code, self.name)]))

    Diagnostic.__init__ = checked_init  # type: ignore[method-assign]
    try:
        yield
    finally:
        Diagnostic.__init__ = original  # type: ignore[method-assign]


def fail_on_misnamed() -> None:
    """Fail (and forget) when diagnostics with a wrong code or name were noted."""
    if not MISNAMED:
        return
    found = list(MISNAMED)
    MISNAMED.clear()
    pytest.fail(
        "diagnostics whose code or name is not the registry's:\n" + "\n".join(found),
        pytrace=False,
    )

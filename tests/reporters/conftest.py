"""Fixtures for the reporter tests: hand-built results and golden comparison."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from reporter_cases import CLEAN, GOLDEN, SAMPLE

from cascade.result import RunResult


@pytest.fixture
def sample() -> RunResult:
    return SAMPLE


@pytest.fixture
def clean() -> RunResult:
    return CLEAN


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with ``golden/NAME`` byte for byte.

    Rewrites the file instead when the top-level ``--update-golden`` option
    exists and is given.
    """
    update = bool(request.config.getoption("--update-golden", default=False))

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_bytes(actual.encode("utf-8"))
            return
        assert actual.encode("utf-8") == path.read_bytes(), f"differs from golden/{name}"

    return check

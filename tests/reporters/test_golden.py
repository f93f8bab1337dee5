"""Every reporter's output for the hand-built results, byte for byte."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from reporter_cases import CLEAN, GOLDEN_NAMES, SAMPLE, render

from cascade.result import RunResult


@pytest.mark.parametrize("fmt", list(GOLDEN_NAMES))
@pytest.mark.parametrize("label", ["sample", "clean"])
def test_golden(fmt: str, label: str, golden: Callable[[str, str], None]) -> None:
    result: RunResult = SAMPLE if label == "sample" else CLEAN
    golden(f"{fmt}-{label}.{GOLDEN_NAMES[fmt]}", render(fmt, result))


@pytest.mark.parametrize("fmt", list(GOLDEN_NAMES))
def test_deterministic(fmt: str) -> None:
    assert render(fmt, SAMPLE) == render(fmt, SAMPLE)

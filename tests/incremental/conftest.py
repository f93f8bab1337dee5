"""Fixtures of the differential tests: the generated plan, made once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import generate
from tests.incremental.helpers import PEOPLE


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic plan of 60 people (deterministic), generated once per session."""
    root = tmp_path_factory.mktemp("generated") / "plan"
    generate(root, PEOPLE, seed=0)
    return root

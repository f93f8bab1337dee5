"""Shared test helpers: golden files, plan folders and exact diagnostics."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from cascade.engine import validate_plan
from cascade.result import RunResult
from tests.registered_names import fail_on_misnamed, watch_diagnostics

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
MINIMAL = DATA / "plans" / "valid" / "minimal"

DiagKey = tuple[str, str, int, int]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite golden files from the current output instead of comparing",
    )


@pytest.fixture(autouse=True)
def _no_parse_cache_in_the_source_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI caches parses unless CI is set; tests must not write into plans/."""
    monkeypatch.setenv("CI", "true")


@pytest.fixture(scope="session", autouse=True)
def _diagnostics_watched() -> Iterator[None]:
    """Every diagnostic cascade builds in this process is checked against the registry."""
    with watch_diagnostics():
        yield


@pytest.fixture(autouse=True)
def _registered_names_only(_diagnostics_watched: None) -> Iterator[None]:
    """A test fails (at teardown) when cascade built a diagnostic with a wrong code or name."""
    yield
    fail_on_misnamed()


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def make_plan(tmp_path: Path, files: dict[str, str], base: Path | None = MINIMAL) -> Path:
    """A plan folder in ``tmp_path``: ``base`` copied, then ``files`` written over it.

    A file whose text is ``None``-like empty marker ``"<delete>"`` is removed.
    """
    root = tmp_path / "plan"
    if base is not None:
        shutil.copytree(base, root, ignore=shutil.ignore_patterns(".cascade-cache"))
    else:
        root.mkdir()
    for rel, text in files.items():
        path = root / rel
        if text == "<delete>":
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def keys(result: RunResult) -> list[DiagKey]:
    """``(code, file, line, column)`` of every diagnostic, in report order."""
    return [d.key for d in result.diagnostics]


def assert_diags(root: Path, expected: Iterable[DiagKey]) -> RunResult:
    """Validate ``root`` and assert exactly these diagnostics (order-insensitive)."""
    result = validate_plan(root)
    got = sorted(keys(result))
    want = sorted(expected)
    assert got == want, "\n".join(d.format() for d in result.diagnostics)
    return result

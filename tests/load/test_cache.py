"""The parse cache and parallel reading: same answers, fewer parses."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cascade.engine import LoadOptions, check_plan, validate_plan
from cascade.load import files
from cascade.load.cache import FOLDER
from tests.conftest import ROOT, make_plan

PROBATION = ROOT / "plans" / "probation"


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    parsed: list[str] = []
    real = files.parse

    def counting(data: bytes, rel: str) -> object:
        parsed.append(rel)
        return real(data, rel)

    monkeypatch.setattr(files, "parse", counting)
    return parsed


def test_warm_run_parses_only_the_changed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_plan(tmp_path, {})
    parsed = _count_parses(monkeypatch)
    cached = LoadOptions(cache=True)
    first = validate_plan(root, options=cached)
    assert len(parsed) == 9
    parsed.clear()
    people = root / "people.yaml"
    people.write_text(people.read_text(encoding="utf-8") + "# touched\n", encoding="utf-8")
    second = validate_plan(root, options=cached)
    assert parsed == ["people.yaml"]
    assert second.diagnostics == first.diagnostics


def test_damaged_or_foreign_entries_are_ignored_and_rewritten(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_plan(tmp_path, {"org.yaml": "kind: OrgChart\nunits: [{id: ORG, name: x}]\nx: 1\n"})
    cached = LoadOptions(cache=True)
    clean = check_plan(root, options=cached).result  # the parse cache alone, no snapshot
    entries = sorted((root / FOLDER).rglob("*.json"))
    assert len(entries) == 9
    entries[0].write_text("{truncated", encoding="utf-8")
    entry = json.loads(entries[1].read_text(encoding="utf-8"))
    entry["version"] = "0.0.0-other"
    entries[1].write_text(json.dumps(entry), encoding="utf-8")
    entries[2].write_bytes(b"\x80\x04not json at all")
    parsed = _count_parses(monkeypatch)
    again = check_plan(root, options=cached).result
    assert len(parsed) == 3
    assert again.diagnostics == clean.diagnostics
    assert json.loads(entries[0].read_text(encoding="utf-8"))["file"]  # rewritten


def test_jobs_give_identical_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "PARALLEL_MIN_FILES", 2)
    one = validate_plan(PROBATION, options=LoadOptions(jobs=1))
    two = validate_plan(PROBATION, options=LoadOptions(jobs=2))
    assert one == two


def test_no_cache_by_default_in_the_library(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    validate_plan(root)
    assert not (root / FOLDER).exists()


def test_a_deeply_nested_entry_is_ignored(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    cached = LoadOptions(cache=True)
    clean = check_plan(root, options=cached).result
    for entry in (root / FOLDER).rglob("*.json"):
        entry.write_bytes(b"[" * 200_000 + b"]" * 200_000)
    assert check_plan(root, options=cached).result == clean

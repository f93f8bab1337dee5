"""What a warm run reads: the changed file parsed, a small part of the plan read.

Not timed (bench/warm.py times it): these pin the structure that makes a warm
run cheap, so a change that quietly falls back to reading the whole plan fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cascade.incremental.run import validate
from cascade.load import cache, files
from tests.incremental.helpers import LEAF, SUPERVISOR, copy_plan


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Files parsed and files read from the parse cache, by name, in order."""
    seen: dict[str, list[str]] = {"parsed": [], "cached": []}
    parse, get = files.parse, cache.ParseCache.get

    def parsing(data: bytes, rel: str) -> object:
        seen["parsed"].append(rel)
        return parse(data, rel)

    def getting(self: cache.ParseCache, key: str, rel: str) -> object:
        seen["cached"].append(rel)
        return get(self, key, rel)

    monkeypatch.setattr(files, "parse", parsing)
    monkeypatch.setattr(cache.ParseCache, "get", getting)
    return seen


def test_a_leaf_edit_parses_that_file_and_reads_a_small_part_of_the_plan(
    generated: Path, tmp_path: Path, counted: dict[str, list[str]]
) -> None:
    root = copy_plan(generated, tmp_path)
    validate(root)
    every = len(counted["parsed"])
    counted["parsed"].clear()
    counted["cached"].clear()
    path = root / LEAF
    path.write_text(path.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    outcome = validate(root)
    assert outcome.how == "agreements"
    assert outcome.checked == (LEAF,)
    assert counted["parsed"] == [LEAF]
    agreements = sorted({f for f in counted["cached"] if f.startswith("agreements/")})
    assert agreements == [  # the edited file (a miss) and its chain up to the organisation
        "agreements/DPS.yaml",
        SUPERVISOR,
        LEAF,
        "agreements/units/D001-4.yaml",
        "agreements/units/D001.yaml",
    ]
    assert len(set(counted["cached"])) < every // 3


def test_an_unchanged_plan_reads_nothing(
    generated: Path, tmp_path: Path, counted: dict[str, list[str]]
) -> None:
    root = copy_plan(generated, tmp_path)
    validate(root)
    counted["parsed"].clear()
    counted["cached"].clear()
    assert validate(root).how == "unchanged"
    assert counted == {"parsed": [], "cached": []}

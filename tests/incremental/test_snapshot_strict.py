"""The snapshot is read strictly: a field of the wrong type is damage, never coerced.

``bool("false")`` is ``True`` and ``int(True)`` is ``1``: a reader that coerces turns
damage into a wrong verdict.  Each case changes one field of a real snapshot of the
generated plan to a wrong type and expects no snapshot at all (a full run).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from cascade.incremental import snapshot
from cascade.incremental.run import validate
from tests.incremental.helpers import FULL_PATH, LEAF, copy_plan, copy_run, step

# (where in the snapshot, a value of the wrong type); a path ends at the value replaced
DAMAGE: list[tuple[tuple[str | int, ...], Any]] = [
    (("taken",), "1796502861511116112"),
    (("taken",), True),
    (("taken",), 1.5),
    (("taken",), -1),
    (("output",), None),
    (("semantic",), "false"),
    (("semantic",), 1),
    (("levels",), [["WGT001", "warning"]]),
    (("levels",), {"WGT001": 1}),
    (("levels",), {"WGT001": "fatal"}),
    (("notes",), "a note"),
    (("notes",), ["a note", 1]),
    (("files",), []),
    (("files", LEAF), "row"),
    (("files", LEAF), [None, "digest"]),
    (("jobs",), [["10005", "jobs/descriptions/D001-1.yaml"]]),
    (("jobs", "10005"), ["jobs/descriptions/D001-1.yaml"]),
    (("files", LEAF, 0), "4078"),
    (("files", LEAF, 0), [4078, 1, 1]),
    (("files", LEAF, 0, 0), True),
    (("files", LEAF, 0, 1), 1.0),
    (("files", LEAF, 0, 3), "2257375"),
    (("files", LEAF, 1), None),
    (("files", LEAF, 2), "false"),
    (("files", LEAF, 2), 0),
    (("files", LEAF, 3), "Agreement"),
    (("files", LEAF, 3), {"Agreement": True}),
    (("files", LEAF, 4), {}),
    (("files", LEAF, 4), [["not", "a", "diagnostic"]]),
    (("files", LEAF, 5), "none"),
    (("files", LEAF, 6), "P00060"),
    (("files", LEAF, 6), [["P00060"]]),
    (("files", LEAF, 7), "P00047"),
    (("files", LEAF, 7), [1]),
    (("files", LEAF, 8), True),
    (("files", LEAF, 8), 47),
    (("files", LEAF, 9), [{"party": "P00047"}]),
    (("files", LEAF, 10), False),
    (("files", LEAF, 10), []),
    (("files", LEAF, 10), {"actuals": 1}),
]


@pytest.fixture(scope="module")
def saved(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The snapshot a full run of the generated plan writes, as JSON."""
    root = copy_plan(generated, tmp_path_factory.mktemp("strict"))
    validate(root)
    data: dict[str, Any] = json.loads(snapshot.path_of(root).read_bytes())
    return data


def _write(root: Path, data: dict[str, Any]) -> None:
    path = snapshot.path_of(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")


def test_the_intact_snapshot_loads(saved: dict[str, Any], tmp_path: Path) -> None:
    _write(tmp_path, saved)
    loaded = snapshot.load(tmp_path)
    assert loaded is not None
    leaf = loaded.files[LEAF]
    assert (leaf.blocking, leaf.kinds, leaf.parties, leaf.single, leaf.parents) == (
        False, ["Agreement"], ["P00060"], "person", ["P00047"]
    )  # fmt: skip
    assert (leaf.depends, leaf.fingerprints) == (["P00047"], {})


@pytest.mark.parametrize(("where", "value"), DAMAGE, ids=lambda v: repr(v).replace(" ", ""))
def test_a_field_of_the_wrong_type_is_no_snapshot(
    saved: dict[str, Any], tmp_path: Path, where: tuple[str | int, ...], value: Any
) -> None:
    data = json.loads(json.dumps(saved))
    *path, last = where
    target: Any = data
    for key in path:
        target = target[key]
    target[last] = value
    _write(tmp_path, data)
    assert snapshot.load(tmp_path) is None


def test_blocking_as_a_string_brings_a_full_run(generated: Path, tmp_path: Path) -> None:
    """Coerced, ``"false"`` would say every file is blocking and the run is unchanged."""
    root = copy_run(generated, tmp_path)
    data = json.loads(snapshot.path_of(root).read_bytes())
    data["semantic"] = "false"
    for row in data["files"].values():
        row[2] = "false"
    _write(root, data)
    step(root, FULL_PATH, "blocking and semantic as strings")

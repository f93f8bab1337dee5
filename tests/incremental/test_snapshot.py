"""The snapshot of the last run in .cascade-cache/.

A touched file (a new stamp, the same bytes) is ``unchanged``; a plan folder copied
with its snapshot is too, in its new root; a damaged snapshot, or another plan's,
brings a full run that writes a new one.
"""

from __future__ import annotations

import json
import os
import random
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from cascade.incremental import snapshot
from cascade.incremental.run import validate
from tests.conftest import ROOT
from tests.incremental.helpers import (
    FULL_PATH,
    LEAF,
    PEOPLE_PATH,
    apply,
    assert_same,
    cold,
    copy_plan,
    copy_run,
    step,
)
from tests.incremental.mutations import BY_NAME


def test_touch_is_unchanged(generated: Path, tmp_path: Path) -> None:
    root = copy_plan(generated, tmp_path)
    first_run = step(root, FULL_PATH, "first run")
    path = root / LEAF
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    outcome = validate(root)
    assert outcome.how == "unchanged"
    assert_same(outcome.result, cold(root), "after touch")
    assert_same(outcome.result, first_run.result, "after touch")
    # the new stamp is kept: a real edit afterwards is still seen
    apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, PEOPLE_PATH, "weight after touch")


def test_plan_folder_copied_with_its_snapshot(generated: Path, tmp_path: Path) -> None:
    """Another folder, other inodes, the same bytes: nothing changed, the root is the new one."""
    root = copy_plan(generated, tmp_path)
    apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, FULL_PATH, "first run")
    moved = tmp_path / "elsewhere"
    shutil.copytree(root, moved)
    outcome = validate(moved)
    assert outcome.how == "unchanged"
    assert_same(outcome.result, cold(moved), "copied folder")
    apply(moved, LEAF, BY_NAME["thresholds-order"].edit)
    step(moved, PEOPLE_PATH, "edit in the copied folder")


# ---- damaged snapshots ----------------------------------------------------------


def _truncate(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _wrong_code(data: bytes) -> bytes:
    parsed = json.loads(data)
    parsed["code"] = "0" * 64
    return json.dumps(parsed).encode()


def _random_bytes(data: bytes) -> bytes:
    return random.Random(7).randbytes(len(data))


def _short_rows(data: bytes) -> bytes:
    parsed = json.loads(data)
    parsed["files"] = {file: row[:5] for file, row in parsed["files"].items()}
    return json.dumps(parsed).encode()


def _bad_diagnostic_row(data: bytes) -> bytes:
    parsed = json.loads(data)
    for row in parsed["files"].values():
        row[4] = [["not", "a", "diagnostic"]]
    return json.dumps(parsed).encode()


def _not_an_object(data: bytes) -> bytes:
    return b"[1, 2, 3]"


def _empty(data: bytes) -> bytes:
    return b""


def _deeply_nested(data: bytes) -> bytes:
    return b"[" * 200_000 + b"]" * 200_000  # json.loads raises RecursionError


def _job_file_outside_the_plan(data: bytes) -> bytes:
    parsed = json.loads(data)
    parsed["jobs"] = {position: "../../outside.yaml" for position in parsed["jobs"]}
    return json.dumps(parsed).encode()


DAMAGE = [
    _deeply_nested,
    _job_file_outside_the_plan,
    _truncate,
    _wrong_code,
    _random_bytes,
    _short_rows,
    _bad_diagnostic_row,
    _not_an_object,
    _empty,
]


@pytest.mark.parametrize("damage", DAMAGE, ids=lambda f: f.__name__.strip("_"))
@pytest.mark.parametrize("edited", [False, True], ids=["no-edit", "leaf-edit"])
def test_damaged_snapshot(
    generated: Path, tmp_path: Path, damage: Callable[[bytes], bytes], edited: bool
) -> None:
    root = copy_run(generated, tmp_path)
    path = snapshot.path_of(root)
    path.write_bytes(damage(path.read_bytes()))
    if edited:
        apply(root, LEAF, BY_NAME["weight"].edit)
    step(root, FULL_PATH, f"snapshot damaged by {damage.__name__}")
    assert snapshot.load(root) is not None, "the full run writes a new snapshot"


def test_snapshot_of_another_plan(generated: Path, tmp_path: Path) -> None:
    acme = copy_plan(ROOT / "plans" / "acme", tmp_path, "acme")
    step(acme, FULL_PATH, "acme first run")
    root = copy_plan(generated, tmp_path)
    snapshot.path_of(root).parent.mkdir(parents=True)
    shutil.copy(snapshot.path_of(acme), snapshot.path_of(root))
    step(root, FULL_PATH, "acme's snapshot in the generated plan")

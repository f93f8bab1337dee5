"""Nothing outside the plan root is read through a symlink, nor a file over the size limit.

The check comes before the file is opened: a link to a FIFO outside would
otherwise block the read.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from cascade.engine import validate_plan
from cascade.load.discover import leaves_root
from cascade.load.reader import MAX_FILE_BYTES
from tests.conftest import MINIMAL, keys, make_plan


def test_a_link_to_a_file_outside_the_plan_is_not_read(tmp_path: Path) -> None:
    root = make_plan(tmp_path, {})
    secret = tmp_path / "secret.yaml"
    os.mkfifo(secret)  # opening it would block: the test would hang
    (root / "leak.yaml").symlink_to(secret)
    result = validate_plan(root)
    assert keys(result) == [("LOAD009", "leak.yaml", 1, 1)]
    (diagnostic,) = result.diagnostics
    assert diagnostic.message == (f"not read: it is a symlink to {secret}, outside the plan folder")


def test_a_linked_folder_is_not_entered_and_a_link_inside_the_plan_is_read(
    tmp_path: Path,
) -> None:
    root = make_plan(tmp_path, {})
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "bad.yaml").write_text("kind: [\n", encoding="utf-8")
    (root / "linked").symlink_to(outside, target_is_directory=True)
    shutil.move(root / "strategy.yaml", root / "jobs" / "strategy.real")
    (root / "strategy.yaml").symlink_to(root / "jobs" / "strategy.real")
    assert keys(validate_plan(root)) == []


def test_leaves_root_looks_at_every_link_on_the_way(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    shutil.copytree(MINIMAL, root)
    (root / "up").symlink_to(tmp_path, target_is_directory=True)
    assert leaves_root(root / "up" / "x.yaml", "up/x.yaml") == str(tmp_path / "x.yaml")
    assert leaves_root(root / "org.yaml", "org.yaml") is None
    (root / "again.yaml").symlink_to("org.yaml")
    assert leaves_root(root / "again.yaml", "again.yaml") is None


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """tests/load: the worst shape needs ~190 × its size in memory; the limit keeps a
    run under 1 GiB, and the file is refused by its size (exit 2), never parsed."""
    root = make_plan(tmp_path, {})
    with (root / "huge.yaml").open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk, no reading
    result = validate_plan(root)
    assert keys(result) == [("LOAD009", "huge.yaml", 1, 1)]
    assert result.diagnostics[0].message == "cannot read the file: larger than 4 MiB"
    assert result.exit_code() == 2

"""Find the files of a plan folder (rules in PLAN-FORMAT.md).

Every ``*.yaml`` / ``*.yml`` below the root is a plan file, and so is every
``*.csv`` / ``*.xlsx`` (actuals as tables), except hidden folders and files
(and Excel's ``~$`` lock files), the output folder (``out/`` unless ``cascade.yaml`` says
otherwise) and ``.cascade-cache``.  Order is stable: sorted relative paths.
"""

from __future__ import annotations

import os
from pathlib import Path

PLAN_FILE = "cascade.yaml"
SUFFIXES = (".yaml", ".yml")
TABLE_SUFFIXES = (".csv", ".xlsx")
"""Actuals may also come as tables (SCORING.md); they are plan files too."""
SKIP_DIRS = frozenset({"node_modules", "__pycache__"})


def discover(root: Path, output: str = "out") -> list[Path]:
    """Plan files below ``root``, relative to it, sorted."""
    found: list[Path] = []
    for current, dirs, files in os.walk(root):
        here = Path(current)
        rel_dir = here.relative_to(root)
        dirs[:] = sorted(
            name
            for name in dirs
            if not name.startswith(".")
            and name not in SKIP_DIRS
            and not (rel_dir == Path(".") and name == output)
        )
        for name in files:
            if name.endswith(SUFFIXES + TABLE_SUFFIXES) and not name.startswith((".", "~$")):
                found.append(rel_dir / name)
    return sorted(found, key=lambda p: p.as_posix())

"""Find the files of a plan folder (rules in PLAN-FORMAT.md).

Every ``*.yaml`` / ``*.yml`` below the root is a plan file, and so is every
``*.csv`` / ``*.xlsx`` (actuals as tables), except hidden folders and files
(and Excel's ``~$`` lock files), the output folder (``out/`` unless ``cascade.yaml`` says
otherwise) and ``.cascade-cache``.  Order is stable: sorted relative paths.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

PLAN_FILE = "cascade.yaml"
SUFFIXES = (".yaml", ".yml")
TABLE_SUFFIXES = (".csv", ".xlsx")
"""Actuals may also come as tables (SCORING.md); they are plan files too."""
SKIP_DIRS = frozenset({"node_modules", "__pycache__"})


def is_plan_file(rel: str, output: str = "out") -> bool:
    """Whether the plan-relative path ``rel`` is a plan file (the rules above)."""
    parts = PurePosixPath(rel).parts
    if not parts or (parts[0] == output and len(parts) > 1):
        return False
    if any(p.startswith(".") or p in SKIP_DIRS for p in parts[:-1]):
        return False
    return _is_plan_name(parts[-1])


def _is_plan_name(name: str) -> bool:
    return name.endswith(SUFFIXES + TABLE_SUFFIXES) and not name.startswith((".", "~$"))


def leaves_root(path: Path, rel: str) -> str | None:
    """The target of ``path`` (plan file ``rel``) when a symlink on the way leads
    outside the plan folder, else ``None``; checked before the file is opened."""
    depth = len(PurePosixPath(rel).parts)
    if depth == 0 or not any(os.path.islink(p) for p in [path, *path.parents[: depth - 1]]):
        return None
    root = os.path.realpath(path.parents[depth - 1])
    target = os.path.realpath(path)
    if target == root or target.startswith(root.rstrip(os.sep) + os.sep):
        return None
    return target


def output_folder(documents: Iterable[object]) -> str:
    """The output folder ``cascade.yaml``'s documents name (``out`` unless they say)."""
    for doc in documents:
        if isinstance(doc, dict) and isinstance(doc.get("output"), str):
            return str(doc["output"])
    return "out"


def discover(root: Path, output: str = "out") -> list[Path]:
    """Plan files below ``root``, relative to it, sorted."""
    return [Path(rel) for rel in discover_names(root, output)]


def discover_names(root: Path, output: str = "out") -> list[str]:
    """Plan files below ``root`` as sorted relative POSIX paths (the fast form)."""
    found: list[str] = []
    base = os.fspath(root)
    start = len(base.rstrip(os.sep)) + 1
    for current, dirs, files in os.walk(base):
        rel_dir = current[start:].replace(os.sep, "/") if len(current) >= start else ""
        dirs[:] = sorted(
            name
            for name in dirs
            if not name.startswith(".")
            and name not in SKIP_DIRS
            and not (rel_dir == "" and name == output)
        )
        prefix = f"{rel_dir}/" if rel_dir else ""
        found.extend(prefix + name for name in files if _is_plan_name(name))
    return sorted(found)

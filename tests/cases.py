"""Invalid plan cases (``tests/data/plans/invalid/<case>/``): their base and their files.

A case's ``case.yaml`` names a valid base plan (``base: minimal`` by default,
``none`` for no base) and the files beside it replace or add to the base's; a
file ``<name>.delete`` removes ``<name>``.  :func:`assemble` builds the plan;
the differential test of the warm path puts the files in and takes them out.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from tests.conftest import DATA


def base_of(case: Path) -> Path | None:
    """The valid plan the case starts from (``None``: an empty folder)."""
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    base = spec.get("base", "minimal")
    return None if base == "none" else DATA / "plans" / "valid" / base


def case_files(case: Path) -> dict[str, Path | None]:
    """The case's files by plan path; ``None`` for a file the case deletes."""
    files: dict[str, Path | None] = {}
    for path in sorted(case.rglob("*")):
        rel = path.relative_to(case).as_posix()
        if path.is_dir() or rel == "case.yaml":
            continue
        if path.name.endswith(".delete"):
            files[rel.removesuffix(".delete")] = None
        else:
            files[rel] = path
    return files


def put(root: Path, files: dict[str, Path | None]) -> None:
    """Copy ``files`` into the plan at ``root`` (deleting those that are ``None``)."""
    for rel, source in files.items():
        target = root / rel
        if source is None:
            target.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)


def assemble(case: Path, tmp_path: Path) -> Path:
    """The case's plan in ``tmp_path/plan``: its base with its files put in."""
    root = tmp_path / "plan"
    base = base_of(case)
    if base is None:
        root.mkdir()
    else:
        shutil.copytree(base, root)
    put(root, case_files(case))
    return root

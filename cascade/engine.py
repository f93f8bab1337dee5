"""The library's entry point for validation: one call, cold or warm.

:func:`validate_plan` is what the CLI, the tests and other programs call: with
``options.cache`` it starts from the snapshot of the last run and re-checks
only what changed (:mod:`cascade.incremental`), otherwise it runs every stage
on the whole plan (:func:`cascade.pipeline.check_plan`).  Both give the same
result, diagnostic for diagnostic.  Commands that need the resolved model as
well (score, report, new) call :func:`check_plan`.

It never raises on bad plan input: every problem becomes a diagnostic.  Only
a folder that is not a plan at all raises :class:`PlanRootError` (the CLI's
exit code 2).  :func:`find_plan_root` finds the plan a folder or file is in,
looking upward as git does (the CLI's commands start from it).
"""

from __future__ import annotations

import os
from pathlib import Path

from cascade.load.cachedir import FOLDER as CACHE_FOLDER
from cascade.load.discover import PLAN_FILE
from cascade.pipeline import Checked, LoadOptions, PlanRootError, Progress, check_plan
from cascade.result import RunResult


def validate_plan(
    root: Path, progress: Progress | None = None, options: LoadOptions = LoadOptions()
) -> RunResult:
    """Validate the plan in ``root``: every problem of every file in one run.

    With unsaved buffers (``options.overlay``) the run is cold: the warm-run
    snapshot describes the files on disk and is neither read nor written.
    """
    if options.cache and not options.overlay:
        from cascade.incremental.run import validate

        return validate(root, options, progress).result
    return check_plan(root, progress, options).result


def find_plan_root(start: Path) -> Path:
    """The plan folder holding ``start``: the nearest folder, from ``start``
    (a folder, or a file's folder) upward, that has ``cascade.yaml``.

    ``start`` itself is returned as given when it is the plan folder; a plan
    found above it is given relative to the current folder (``../..``) when
    ``start`` was relative.  :class:`PlanRootError` when ``start`` does not
    exist or no folder up to the file system's root holds ``cascade.yaml``.
    """
    if not start.exists():
        raise PlanRootError(f"{start}: no such file or folder")
    folder = start if start.is_dir() else start.parent
    if (folder / PLAN_FILE).is_file():
        return folder
    here = Path(os.path.abspath(folder))
    for above in here.parents:
        if (above / PLAN_FILE).is_file():
            return above if start.is_absolute() else Path(os.path.relpath(above))
    raise PlanRootError(
        f"{start}: no {PLAN_FILE} in {here} or in any folder above it, so this is not "
        "a plan folder (give the plan folder, or start one with: cascade init DIR)"
    )


__all__ = [
    "CACHE_FOLDER",
    "Checked",
    "LoadOptions",
    "PlanRootError",
    "Progress",
    "check_plan",
    "find_plan_root",
    "validate_plan",
]

"""The library's entry point for validation: one call, cold or warm.

:func:`validate_plan` is what the CLI, the tests and other programs call: with
``options.cache`` it starts from the snapshot of the last run and re-checks
only what changed (:mod:`cascade.incremental`), otherwise it runs every stage
on the whole plan (:func:`cascade.pipeline.check_plan`).  Both give the same
result, diagnostic for diagnostic.  Commands that need the resolved model as
well (score, report, new) call :func:`check_plan`.

It never raises on bad plan input: every problem becomes a diagnostic.  Only
a folder that is not a plan at all raises :class:`PlanRootError` (the CLI's
exit code 2).
"""

from __future__ import annotations

from pathlib import Path

from cascade.load.cachedir import FOLDER as CACHE_FOLDER
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


__all__ = [
    "CACHE_FOLDER",
    "Checked",
    "LoadOptions",
    "PlanRootError",
    "Progress",
    "check_plan",
    "validate_plan",
]

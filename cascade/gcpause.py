"""Pausing Python's cyclic garbage collector while a plan is built.

A plan is millions of small acyclic objects, freed by reference counting;
the cyclic collector would re-scan all of them again and again while they
are built (a third of a large run's time, measured in docs/performance.md).
Validate, score and diff wrap their runs in :func:`no_cycle_collector`.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def no_cycle_collector() -> Iterator[None]:
    """Pause the cyclic collector for one run; what the run built is frozen after it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.freeze()  # what the run built stays: don't make the next collection scan it
            gc.enable()


def release_frozen() -> int:
    """Hand back to the collector what earlier runs froze and collect the cyclic
    garbage among it; the number of unreachable objects found.

    For a process that runs plan after plan (``cascade lsp``): what a run
    freezes outlives the run, so a reference cycle that was alive at a
    freeze, or garbage not yet collected then, would stay for the life of the
    process.  The next run freezes what is alive again.  It costs a full
    collection (0.4 s of CPU with a 5,000-person model alive), so callers
    make it rarely.
    """
    gc.unfreeze()
    return gc.collect()

"""A server that runs for hours: what each model refresh leaves behind.

A full run pauses the cyclic collector and freezes what it built
(:mod:`cascade.gcpause`), so a reference cycle made by a run is never
collected in a process that refreshes its model again and again; the
server collects what the runs froze now and then (:data:`SWEEP`).
"""

from __future__ import annotations

import gc
import shutil
import weakref
from pathlib import Path

import pytest

from cascade.gcpause import release_frozen
from cascade.lsp import checker
from cascade.lsp.checker import PlanState, Scheduler, check
from tests.conftest import ROOT
from tests.lsp.helpers import until


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("memory") / "probation"
    shutil.copytree(
        ROOT / "plans" / "probation", target, ignore=shutil.ignore_patterns(".cascade*")
    )
    return target


def test_a_model_refresh_freezes_no_new_objects(plan: Path) -> None:
    # The old model goes by reference counting when the new one replaces it;
    # a cycle (the recursive closure dimension_totals had: 12 objects a
    # framework's dimension tree, every run) would stay frozen for good.
    state = PlanState(plan)
    frozen = []
    for _ in range(3):
        outcome = check(state, (), lambda: False, full=True)
        assert outcome.index is not None
        del outcome
        frozen.append(gc.get_freeze_count())
    assert frozen[2] == frozen[1]


class Node:
    """An object in a reference cycle (weakly referable)."""

    other: object = None


def test_release_frozen_collects_a_cycle_a_freeze_kept() -> None:
    first, second = Node(), Node()
    first.other, second.other = second, first
    gone = weakref.ref(first)
    gc.freeze()
    del first, second
    gc.collect()
    assert gone() is not None  # frozen: no collection sees it
    assert release_frozen() >= 2
    assert gone() is None
    gc.freeze()


@pytest.mark.asyncio
async def test_the_scheduler_sweeps_before_a_refresh_when_due(
    plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    swept: list[int] = []
    monkeypatch.setattr(checker, "release_frozen", lambda: swept.append(1) or 0)
    done: list[bool] = []
    scheduler = Scheduler(lambda _: (), lambda _s, o: done.append(o.warm), lambda *_: None)
    try:
        monkeypatch.setattr(checker, "SWEEP", 0.0)
        scheduler.schedule(plan, 0, full=True)
        await until(lambda: len(done) == 1)
        assert swept == [1]
        monkeypatch.setattr(checker, "SWEEP", 600.0)
        scheduler.schedule(plan, 0, full=True)
        await until(lambda: len(done) == 2)
        assert (swept, done) == ([1], [False, False])  # swept a moment ago: not due
    finally:
        scheduler.shutdown()

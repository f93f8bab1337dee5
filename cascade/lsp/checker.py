"""Live checks: the engine run on a plan's buffers, debounced, off the event loop.

Every edit of a plan file schedules a check of its plan: soon
(:data:`QUICK`) after a pause, after :data:`DEBOUNCE` of quiet within a
typing burst; a newer edit supersedes the scheduled or running check
(a running one stops at its next file read, and its result is dropped).  The
check itself (:func:`check`) runs the engine in a worker thread, so the
server keeps answering requests meanwhile from the last good state.

A check is warm when it can be: the server keeps the snapshot of its last
full run in memory (:attr:`PlanState.base`, never written to disk, as it
describes buffers) and re-checks from it only what the edit reaches
(:func:`cascade.incremental.run.rerun`, buffers told apart by content
digest), which gives exactly what a full run gives.  A warm check has no
whole model, so after :data:`REFRESH` seconds of quiet a full run refreshes
the model that navigation answers from (and the snapshot).  That refresh
runs in a thread of its own: an edit made meanwhile is checked at once
(warm, from the snapshot the refresh has not replaced yet), and the
refresh, superseded, is dropped.  The refresh's new snapshot keeps the
documents the old one held in memory (:func:`carry_documents`), so the edit
after a refresh is as quick as the others; and at most every :data:`SWEEP`
seconds, before a refresh, what earlier runs froze is handed back to the
cyclic collector (:func:`cascade.gcpause.release_frozen`).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cascade.engine import LoadOptions, check_plan
from cascade.gcpause import release_frozen
from cascade.incremental.run import rerun, snapshot_of
from cascade.incremental.snapshot import Snapshot
from cascade.lsp.index import SymbolIndex, build_index
from cascade.lsp.spans import Sources
from cascade.result import RunResult

DEBOUNCE = 0.15
"""Seconds of quiet after an edit, in a typing burst, before the plan is checked."""

QUICK = 0.03
"""Seconds before an edit that follows at least :data:`DEBOUNCE` of quiet is
checked (the first key of a burst, a paste, an undo: no reason to wait)."""

REFRESH = 1.0
"""Seconds of quiet after a warm check before a full run refreshes the model."""

SWEEP = 600.0
"""Seconds at least between two collections of what runs froze
(:func:`cascade.gcpause.release_frozen`), made before a model refresh."""


Report = Callable[[int, int], None]
"""Told ``(files read, files in all)`` while a full check reads the plan."""


class Superseded(Exception):
    """A newer edit made this check useless."""


@dataclass(slots=True)
class Outcome:
    """What one check found: the run, and the index when the plan resolved
    (a warm check has none: it built no whole model)."""

    result: RunResult
    sources: Sources
    index: SymbolIndex | None
    warm: bool = False


@dataclass(slots=True)
class PlanState:
    """One plan's live state in the server."""

    root: Path
    generation: int = 0
    task: asyncio.Task[None] | None = None
    published: set[str] = field(default_factory=set)
    """Files whose last published diagnostics were not empty."""
    last: Outcome | None = None
    """The last finished check."""
    resolved: Outcome | None = None
    """The last check whose plan resolved (navigation answers from it)."""
    base: Snapshot | None = None
    """The in-memory snapshot warm checks start from (the check worker updates
    it in place; a finished full run, also the refresher's, replaces it)."""
    stale_model: bool = False
    """A warm check changed something since the last full run (a refresh is due)."""
    edited: float = float("-inf")
    """When the last edit was scheduled (event-loop time)."""


def check(
    state: PlanState,
    overlay: tuple[tuple[str, str], ...],
    stale: Callable[[], bool],
    full: bool = False,
    report: Report | None = None,
) -> Outcome:
    """Check the plan of ``state`` with the buffers in ``overlay``: warm from
    its snapshot unless ``full`` or there is none; raise :class:`Superseded`
    as soon as ``stale()`` says a newer edit came (a full run keeps the old
    snapshot then).  A full run tells ``report`` how many files it has read."""
    root, sources = state.root, Sources(state.root, dict(overlay))
    base = state.base
    if base is not None and not full:
        state.base = None  # a refused re-check spoils it
        warm = rerun(root, base, dict(overlay))
        if warm is not None:
            state.base = base
            state.stale_model = state.stale_model or warm.how != "unchanged"
            if stale():
                raise Superseded
            return Outcome(warm.result, sources, None, warm=True)

    def progress(done: int, total: int) -> None:
        if stale():
            raise Superseded
        if report is not None:
            report(done, total)

    started = time.time_ns()
    checked = check_plan(root, progress, LoadOptions(cache=True, overlay=overlay))
    state.base = snapshot_of(checked, started)  # right for its buffers: digests tell the rest
    if state.base is not None and base is not None:
        carry_documents(base, state.base)
    if stale():
        raise Superseded
    state.stale_model = False  # (not when superseded: a warm check beside it may have set it)
    index = build_index(checked.model) if checked.model is not None else None
    return Outcome(checked.result, sources, index)


def carry_documents(old: Snapshot, new: Snapshot) -> None:
    """Give ``new`` the documents ``old`` kept in memory for files whose content
    is the same in both (they are keyed by file and digest): the first warm
    check after a model refresh then neither reads the parse cache nor
    validates every file its smaller model needs again."""
    digest = {file: entry.digest for file, entry in new.files.items()}
    # list(): a warm check in the other thread may add to ``old`` meanwhile
    reused, revalidated = list(old.reused.items()), list(old.revalidated.items())
    new.reused.update((k, docs) for k, docs in reused if digest.get(k[0]) == k[1])
    new.revalidated.update((k, doc) for k, doc in revalidated if digest.get(k[0]) == k[2])


class Scheduler:
    """Debounced, superseding checks of plans, one worker thread."""

    def __init__(
        self,
        overlay_of: Callable[[Path], tuple[tuple[str, str], ...]],
        done: Callable[[PlanState, Outcome], None],
        failed: Callable[[PlanState, BaseException], None],
        progress: Callable[[PlanState, int, int], None] | None = None,
    ) -> None:
        self.overlay_of = overlay_of
        self.done = done
        self.failed = failed
        self.progress = progress
        """Told, on the event loop, how the first check of a plan gets on
        (``(-1, -1)`` when it ends, however it ends)."""
        self.plans: dict[Path, PlanState] = {}
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cascade-check")
        self.refresher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="cascade-refresh")
        """Model refreshes (full runs after quiet), so that edits never queue behind one."""
        self.swept = time.monotonic()
        """When what the runs froze was last collected (:data:`SWEEP`)."""

    def state(self, root: Path) -> PlanState:
        """The state of the plan at ``root`` (made on first use)."""
        if root not in self.plans:
            self.plans[root] = PlanState(root)
        return self.plans[root]

    def edited(self, root: Path) -> None:
        """A file of ``root`` changed: check it soon, or after :data:`DEBOUNCE`
        of quiet while edits come faster than that (a typing burst)."""
        state, now = self.state(root), asyncio.get_running_loop().time()
        quiet = now - state.edited >= DEBOUNCE
        state.edited = now
        self.schedule(root, QUICK if quiet else DEBOUNCE)

    def schedule(self, root: Path, delay: float = DEBOUNCE, full: bool = False) -> None:
        """Check ``root`` after ``delay`` seconds, superseding any earlier check."""
        state = self.state(root)
        state.generation += 1
        if state.task is not None and not state.task.done():
            state.task.cancel()
        state.task = asyncio.get_running_loop().create_task(
            self._run(state, state.generation, delay, full)
        )

    async def _run(self, state: PlanState, generation: int, delay: float, full: bool) -> None:
        await asyncio.sleep(delay)
        overlay = self.overlay_of(state.root)

        def stale() -> bool:
            return state.generation != generation

        loop = asyncio.get_running_loop()
        told = self.progress if state.resolved is None and state.base is None else None
        report = None if told is None else _on_loop(loop, state, told)
        work = (state, overlay, stale, full, report)
        try:
            worker = self.refresher if full else self.executor
            if full and time.monotonic() - self.swept >= SWEEP:
                self.swept = time.monotonic()
                await loop.run_in_executor(worker, release_frozen)
            outcome = await loop.run_in_executor(worker, check, *work)
        except Superseded:
            return
        except Exception as exc:  # never a traceback to the client: a log line instead
            self.failed(state, exc)
            return
        finally:
            if told is not None:
                told(state, -1, -1)
        if stale():
            return
        state.last = outcome
        if outcome.index is not None:
            state.resolved = outcome
        self.done(state, outcome)
        if outcome.warm and state.stale_model:
            self.schedule(state.root, REFRESH, full=True)

    def shutdown(self) -> None:
        """Stop the worker thread (a running check is dropped)."""
        for state in self.plans.values():
            state.generation += 1
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.refresher.shutdown(wait=False, cancel_futures=True)


def _on_loop(
    loop: asyncio.AbstractEventLoop, state: PlanState, told: Callable[[PlanState, int, int], None]
) -> Report:
    """A :data:`Report` for the worker thread that tells ``told`` on the event
    loop, once per whole percent."""
    shown = [-1]

    def report(done: int, total: int) -> None:
        percent = done * 100 // total if total else 100
        if percent != shown[0]:
            shown[0] = percent
            loop.call_soon_threadsafe(told, state, done, total)

    return report

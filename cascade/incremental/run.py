"""Warm validation: re-check only what a change can reach.

The snapshot also records, for every agreement file, the cascade as the
full run resolved it (:mod:`cascade.incremental.facts`).

With the cache on, ``cascade validate`` first compares the plan with the
snapshot of its last run (:mod:`cascade.incremental.snapshot`):

``unchanged``
    no file's content changed: the last result is the result.
``files``
    some file that is not an agreement (or has no plain party) fails to
    load or fails its schema, before or after the change: cross-file rules
    do not run (as in a full run), so only the changed files are read and
    checked, each on its own.  While only agreements are broken, a full run
    runs the rules without them (``pipeline``), so the run is a full one.
``agreements``
    only agreement files changed, each still the one agreement of the same
    party: :mod:`cascade.incremental.recheck` plans from the rules' declared
    scopes which files' findings can change and what they read, and
    re-checks them on a smaller model; it says when it cannot (then the
    run is a full one).
``full``
    anything else (a new, removed or shared file, a change that reaches too
    far, a rule that declares no scope the planner knows, no or a foreign
    snapshot): the whole pipeline, which writes a new snapshot.

Each path gives exactly what a full run gives; tests/incremental check that
against full runs for many kinds of edits.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from cascade.broken import declared_broken, rules_can_run
from cascade.checks.plan import INTERNAL
from cascade.diagnostics import Diagnostic, Finding
from cascade.gcpause import no_cycle_collector
from cascade.incremental import facts
from cascade.incremental.recheck import recheck, scopes_in_use
from cascade.incremental.scan import scan
from cascade.incremental.snapshot import Entry, Snapshot, forget, load, save
from cascade.load.cache import ParseCache, key_of
from cascade.load.discover import PLAN_FILE, discover_names
from cascade.load.files import read_all
from cascade.load.reader import ReadResult
from cascade.model.plan import PlanModel
from cascade.pipeline import (
    CROSS_FILE_SKIPPED,
    Checked,
    LoadOptions,
    Progress,
    check_plan,
    check_root,
    spec_stage,
    to_diagnostics,
)
from cascade.result import RunResult
from cascade.spec.validate import SpecDoc

How = Literal["unchanged", "files", "agreements", "full"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """A validate run and how it was made (for tests and benchmarks)."""

    result: RunResult
    how: How
    checked: tuple[str, ...] = ()
    """The files whose diagnostics were computed anew."""
    snapshot: Snapshot | None = field(default=None, compare=False, repr=False)
    """The snapshot of this run (each file's digest), when one could be made."""


def validate(
    root: Path, options: LoadOptions = LoadOptions(cache=True), progress: Progress | None = None
) -> Outcome:
    """Validate ``root``, re-checking only what changed since the last run."""
    started = time.time_ns()
    check_root(root)
    with no_cycle_collector():
        snapshot = load(root)
        outcome = _warm(root, snapshot, started) if snapshot is not None else None
        if outcome is not None:
            return replace(outcome, snapshot=snapshot)
        checked = check_plan(root, progress, options)
        fresh = snapshot_of(checked, started)
    if fresh is None:
        forget(root)
    else:
        save(root, fresh)
    return Outcome(checked.result, "full", checked.result.files, fresh)


def result_of(root: Path, snapshot: Snapshot) -> RunResult:
    """The run result a snapshot records."""
    files = tuple(sorted(snapshot.files))
    return RunResult(str(root), files, tuple(snapshot.diagnostics()), tuple(snapshot.notes))


def _by_file(diagnostics: tuple[Diagnostic, ...]) -> dict[str, list[Diagnostic]]:
    grouped: dict[str, list[Diagnostic]] = {}
    for d in diagnostics:
        grouped.setdefault(d.file, []).append(d)
    return grouped


def snapshot_of(checked: Checked, started: int) -> Snapshot | None:
    """The snapshot of a full run (``None`` if a diagnostic names no plan file)."""
    records = checked.records
    stage, semantic = _by_file(checked.stage), _by_file(checked.semantic or ())
    if not set(stage) | set(semantic) <= set(records):
        return None
    entries = {
        file: Entry(
            record.stamp,
            record.digest,
            record.blocking,
            list(record.kinds),
            stage.get(file, []),
            semantic.get(file, []),
        )
        for file, record in records.items()
    }
    jobs: dict[str, str] = {}
    if checked.model is not None:
        try:
            _record_facts(checked.model, entries)
        except Exception:  # a fingerprint that cannot be computed: no snapshot, never a traceback
            return None
        jobs = {position: where.file for position, (_, where) in checked.model.jobs.items()}
    return Snapshot(
        started,
        checked.output,
        checked.semantic is not None and not any(r.blocking for r in records.values()),
        checked.levels,
        list(checked.result.notes),
        entries,
        jobs,
    )


def _record_facts(model: PlanModel, entries: dict[str, Entry]) -> None:
    """The cascade as resolved, and what other files read, for every agreement file."""
    scopes = scopes_in_use()
    remote = scopes[1] if scopes is not None else ()
    named = {scope.name: scope.named(model) for scope in remote if scope.named is not None}
    for file, agreements in facts.agreement_files(model).items():
        entry = entries[file]
        entry.parties = [a.party for a in agreements]
        entry.parents = [a.parent or "" for a in agreements]
        entry.depends = sorted({p for a in agreements for p in a.reads})
        entry.single = facts.single(entry.kinds, agreements)
        if entry.single:
            entry.fingerprints = facts.fingerprints(agreements[0], remote, named)


def _warm(
    root: Path,
    snapshot: Snapshot,
    started: int,
    texts: Mapping[str, str] | None = None,
    keep: Callable[[Path, Snapshot], None] = save,
) -> Outcome | None:
    """The warm paths from ``snapshot`` (``None``: only a full run can tell).

    ``texts`` are unsaved buffers read instead of their files, known changed
    or not by their content digest; ``keep`` stores the updated snapshot
    (``cascade lsp`` keeps it in memory and passes a no-op).
    """
    texts = texts or {}
    files = set(discover_names(root, snapshot.output))
    if files != set(snapshot.files):
        return None
    found = scan(root, snapshot)
    for file, stamp in found.restamped.items():
        if file not in texts:
            snapshot.files[file].stamp = stamp
    changed = _buffered(snapshot, found.changed, texts)
    if not changed:
        if found.restamped:
            keep(root, snapshot)
        return Outcome(result_of(root, snapshot), "unchanged")
    if PLAN_FILE in changed:
        return None
    cache = ParseCache(root)
    reads = {read.file: read for read in read_all(root, changed, cache=cache, overlay=texts)}
    validated = {
        file: _recheck_file(root, read, snapshot.files[file], texts) for file, read in reads.items()
    }
    snapshot.taken = started
    blocked = [file for file, entry in snapshot.files.items() if entry.blocking]
    if blocked:
        if rules_can_run(declared_broken(root, blocked)):
            return None  # the rules run without the broken agreements: a full run's job
        _stage_only(snapshot)
        keep(root, snapshot)
        return Outcome(result_of(root, snapshot), "files", tuple(changed))
    if not snapshot.semantic or _crashed(snapshot):
        return None
    checked = recheck(root, snapshot, reads, validated, cache, texts)
    if checked is None:
        return None
    keep(root, snapshot)
    return Outcome(result_of(root, snapshot), "agreements", checked)


def rerun(root: Path, snapshot: Snapshot, texts: Mapping[str, str]) -> Outcome | None:
    """Re-check from an in-memory ``snapshot`` with unsaved buffers ``texts``;
    ``None`` when only a full run can tell (``snapshot`` is then spoilt).

    Nothing is written to disk: the snapshot, updated in place, describes the
    buffers, not the files.
    """
    return _warm(root, snapshot, time.time_ns(), texts, lambda _root, _snapshot: None)


def _buffered(snapshot: Snapshot, changed: list[str], texts: Mapping[str, str]) -> list[str]:
    """The changed files: on disk by the scan, buffers by their content digest."""
    out = {file for file in changed if file not in texts}
    for file, text in texts.items():
        entry = snapshot.files.get(file)
        if entry is not None and key_of(file, text.encode("utf-8")) != entry.digest:
            out.add(file)
    return sorted(out)


def _crashed(snapshot: Snapshot) -> bool:
    """Whether a rule or the model stage crashed in the last run (``INT001``).

    A crash hides every finding it did not reach, in every file: no scope
    describes that, so only a full run can say what a fixed crash uncovers.
    """
    return any(d.code == INTERNAL.code for e in snapshot.files.values() for d in e.semantic)


def _recheck_file(
    root: Path, read: ReadResult, entry: Entry, texts: Mapping[str, str]
) -> list[SpecDoc]:
    """Load and schema checks of one changed file, into its entry; its valid documents."""
    docs: list[SpecDoc] = []
    findings: list[Finding] = []
    kinds = spec_stage(read, docs, findings)
    cells = {read.file: read.cells} if read.cells is not None else {}
    entry.stamp, entry.digest = read.stamp, read.digest
    entry.blocking = bool(findings) or not read.ok
    entry.stage = [*read.diagnostics, *to_diagnostics(findings, root, {}, cells, texts)]
    entry.kinds = list(kinds)
    return docs


def _stage_only(snapshot: Snapshot) -> None:
    """What a full run reports when a file fails to load: no cross-file rules."""
    snapshot.semantic = False
    snapshot.levels = {}
    snapshot.notes = [CROSS_FILE_SKIPPED]
    for entry in snapshot.files.values():
        entry.semantic, entry.parties, entry.parents, entry.depends = [], [], [], []
        entry.single, entry.fingerprints = "", {}

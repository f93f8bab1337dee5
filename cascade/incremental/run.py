"""Warm validation: re-check only what a change can reach.

With the cache on, ``cascade validate`` first compares the plan with the
snapshot of its last run (:mod:`cascade.incremental.snapshot`):

``unchanged``
    no file's content changed: the last result is the result.
``files``
    some file fails to load or fails its schema, before or after the
    change: cross-file rules do not run (as in a full run), so only the
    changed files are read and checked, each on its own.
``people``
    only persons' agreement files changed, their party is the same, and
    they and every agreement that depends on them (the people below them in
    the cascade, at most :data:`MAX_RECHECK` files) are persons' agreements:
    the rules run on a smaller model, the plan's shared files (strategy, org
    chart, roster, jobs, frameworks, OS matrix) and the agreements those files
    name up to the organisation, and only their findings are kept.  Actuals
    that name a re-checked person must see the same KPIs as before.
``full``
    anything else (a new, removed or shared file, a unit's agreement, no
    or a foreign snapshot): the whole pipeline, which writes a new snapshot.

Each path gives exactly what a full run gives; tests/incremental check that
against full runs for many kinds of edits.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from cascade.diagnostics import Diagnostic, Finding
from cascade.engine import (
    CROSS_FILE_SKIPPED,
    INTERNAL,
    Checked,
    LoadOptions,
    Progress,
    check_plan,
    check_root,
    no_cycle_collector,
    semantic_stage,
    spec_stage,
    to_diagnostics,
)
from cascade.incremental import facts
from cascade.incremental.scan import scan
from cascade.incremental.snapshot import Entry, Snapshot, forget, load, save
from cascade.load.cache import ParseCache
from cascade.load.discover import PLAN_FILE, discover_names
from cascade.load.files import read_all
from cascade.load.reader import ReadResult
from cascade.model.plan import PlanModel
from cascade.result import RunResult
from cascade.spec.agreement import Agreement as AgreementSpec
from cascade.spec.validate import SpecDoc

How = Literal["unchanged", "files", "people", "full"]
MAX_RECHECK = 500
"""Most agreement files re-checked without a full run (a change high in the
cascade reaches many people; then one full run is as quick)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """A validate run and how it was made (for tests and benchmarks)."""

    result: RunResult
    how: How
    checked: tuple[str, ...] = ()
    """The files whose diagnostics were computed anew."""


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
            return outcome
        checked = check_plan(root, progress, options)
        fresh = snapshot_of(checked, started)
    if fresh is None:
        forget(root)
    else:
        save(root, fresh)
    return Outcome(checked.result, "full", checked.result.files)


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
    if checked.model is not None:
        _record_facts(checked.model, entries)
    return Snapshot(
        started,
        checked.output,
        checked.semantic is not None,
        checked.levels,
        list(checked.result.notes),
        entries,
    )


def _record_facts(model: PlanModel, entries: dict[str, Entry]) -> None:
    """Who depends on whom, and what actuals read, for every agreement file."""
    named = facts.named_by_actuals(model)
    for file, agreements in facts.agreement_files(model).items():
        entry = entries[file]
        entry.parties = [a.party for a in agreements]
        entry.depends = sorted({p for a in agreements for p in facts.depends(a.spec, a.parent)})
        if facts.is_person_file(entry.kinds, agreements):
            (agreement,) = agreements
            entry.person = True
            entry.parent = agreement.parent or ""
            entry.shape = facts.shape(agreement) if agreement.party in named else ""


def _warm(root: Path, snapshot: Snapshot, started: int) -> Outcome | None:
    files = set(discover_names(root, snapshot.output))
    if files != set(snapshot.files):
        return None
    found = scan(root, snapshot)
    for file, stamp in found.restamped.items():
        snapshot.files[file].stamp = stamp
    if not found.changed:
        if found.restamped:
            save(root, snapshot)
        return Outcome(result_of(root, snapshot), "unchanged")
    if PLAN_FILE in found.changed:
        return None
    cache = ParseCache(root)
    reads = read_all(root, found.changed, cache=cache)
    docs: dict[str, list[SpecDoc]] = {}
    for read in reads:
        docs[read.file] = _recheck_file(root, read, snapshot.files[read.file])
    snapshot.taken = started
    if any(entry.blocking for entry in snapshot.files.values()):
        _stage_only(snapshot)
        save(root, snapshot)
        return Outcome(result_of(root, snapshot), "files", tuple(found.changed))
    if not snapshot.semantic:
        return None
    checked = _recheck_people(root, snapshot, docs, cache)
    if checked is None:
        return None
    save(root, snapshot)
    return Outcome(result_of(root, snapshot), "people", checked)


def _recheck_file(root: Path, read: ReadResult, entry: Entry) -> list[SpecDoc]:
    """Load and schema checks of one changed file, into its entry."""
    docs: list[SpecDoc] = []
    findings: list[Finding] = []
    kinds = spec_stage(read, docs, findings)
    cells = {read.file: read.cells} if read.cells is not None else {}
    entry.stamp, entry.digest = read.stamp, read.digest
    entry.blocking = bool(findings) or not read.ok
    entry.stage = [*read.diagnostics, *to_diagnostics(findings, root, {}, cells)]
    entry.kinds = list(kinds)
    return docs


def _stage_only(snapshot: Snapshot) -> None:
    """What a full run reports when a file fails to load: no cross-file rules."""
    snapshot.semantic = False
    snapshot.levels = {}
    snapshot.notes = [CROSS_FILE_SKIPPED]
    for entry in snapshot.files.values():
        entry.semantic, entry.parties, entry.depends = [], [], []
        entry.person, entry.parent, entry.shape = False, "", ""


def _reach(snapshot: Snapshot, changed: list[str]) -> set[str] | None:
    """The changed files and every file that depends on them, or ``None`` if too many."""
    referrers: dict[str, list[str]] = {}
    for file, entry in snapshot.files.items():
        for party in entry.depends:
            referrers.setdefault(party, []).append(file)
    reach, queue = set(changed), list(changed)
    while queue:
        for party in snapshot.files[queue.pop()].parties:
            for file in referrers.get(party, ()):
                if file not in reach:
                    reach.add(file)
                    queue.append(file)
        if len(reach) > MAX_RECHECK:
            return None
    return reach


def _spine(snapshot: Snapshot, start: set[str]) -> set[str]:
    """Files holding the agreements of ``start`` and of every party they depend on."""
    owner = {party: file for file, entry in snapshot.files.items() for party in entry.parties}
    files: set[str] = set()
    seen, queue = set(start), list(start)
    while queue:
        file = owner.get(queue.pop())
        if file is None or file in files:
            continue
        files.add(file)
        for party in snapshot.files[file].depends:
            if party not in seen:
                seen.add(party)
                queue.append(party)
    return files


def _recheck_people(
    root: Path, snapshot: Snapshot, changed: dict[str, list[SpecDoc]], cache: ParseCache
) -> tuple[str, ...] | None:
    """Re-run the rules for changed persons' agreements on a smaller model."""
    entries = snapshot.files
    new: dict[str, AgreementSpec] = {}
    for file, docs in changed.items():
        entry = entries[file]
        spec = docs[0].model if len(docs) == 1 else None
        if not entry.person or not isinstance(spec, AgreementSpec) or [spec.party] != entry.parties:
            return None
        new[file] = spec
    reach = _reach(snapshot, list(changed))
    if reach is None or not all(entries[file].person for file in reach):
        return None
    start = {p for file in reach - set(new) for p in entries[file].depends}
    start |= {p for file, spec in new.items() for p in facts.depends(spec, entries[file].parent)}
    wanted = sorted(
        reach
        | _spine(snapshot, start)
        | {file for file, entry in entries.items() if facts.is_global(entry.kinds)}
    )
    reads = read_all(root, [file for file in wanted if file not in changed], cache=cache)
    by_file: dict[str, list[SpecDoc]] = dict(changed)
    for read in reads:
        problems: list[Finding] = []
        by_file[read.file] = []
        spec_stage(read, by_file[read.file], problems)
        if problems or not read.ok:
            return None  # it passed last time: the snapshot does not match the disk
    model, findings, levels = semantic_stage([doc for file in wanted for doc in by_file[file]])
    if model is None or levels != snapshot.levels or any(f.code == INTERNAL for f in findings):
        return None
    kept: dict[str, list[Finding]] = {file: [] for file in reach}
    for finding in findings:
        if finding.file in reach:
            kept[finding.file].append(finding)
    for file in reach:
        agreement = model.agreements.get(entries[file].parties[0])
        if agreement is None or agreement.where.file != file:
            return None
        if (agreement.parent or "") != entries[file].parent:
            return None
        shape = facts.shape(agreement) if entries[file].shape else ""  # actuals are unchanged
        if shape != entries[file].shape:
            return None  # actuals see other KPIs now: their findings may change
        entries[file].depends = facts.depends(agreement.spec, agreement.parent)
        entries[file].semantic = to_diagnostics(kept[file], root, levels, {})
    return tuple(sorted(reach))

"""Warm validation: re-check only what a change can reach.

With the cache on, ``cascade validate`` first compares the plan with the
snapshot of its last run (:mod:`cascade.incremental.snapshot`):

``unchanged``
    no file's content changed: the last result is the result.
``files``
    some file fails to load or fails its schema, before or after the
    change: cross-file rules do not run (as in a full run), so only the
    changed files are read and checked, each on its own.
``agreements``
    only agreement files of persons and units (not the organisation's)
    changed, each still the one agreement of the same party, and they and
    every file that depends on them (the agreements below them in the
    cascade, any file whose diagnostics point into them, the OS matrix if it
    names them; at most :data:`MAX_RECHECK` files) are such agreements: the
    rules run on a smaller model, the plan's shared files (plan, strategy,
    org chart, frameworks, OS matrix, job families), the agreements those
    files name up to the organisation, and the part of the roster and of the
    job descriptions they read (:mod:`cascade.incremental.roster`); only the
    re-checked files' findings are kept.  Actuals that name a re-checked
    party must see the same KPIs as before.
``full``
    anything else (a new, removed or shared file, the organisation's
    agreement, a change that reaches too far, no or a foreign snapshot): the
    whole pipeline, which writes a new snapshot.

Each path gives exactly what a full run gives; tests/incremental check that
against full runs for many kinds of edits.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

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
from cascade.incremental import facts, roster
from cascade.incremental.facts import JOB
from cascade.incremental.scan import scan
from cascade.incremental.snapshot import Entry, Snapshot, forget, load, save
from cascade.load.cache import ParseCache
from cascade.load.discover import PLAN_FILE, discover_names
from cascade.load.files import read_all
from cascade.load.reader import ReadResult
from cascade.model.plan import PlanModel
from cascade.result import RunResult
from cascade.spec.agreement import Agreement as AgreementSpec
from cascade.spec.validate import SpecDoc, validate_document

How = Literal["unchanged", "files", "agreements", "full"]
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
    jobs: dict[str, str] = {}
    if checked.model is not None:
        _record_facts(checked.model, entries)
        jobs = {position: where.file for position, (_, where) in checked.model.jobs.items()}
    return Snapshot(
        started,
        checked.output,
        checked.semantic is not None,
        checked.levels,
        list(checked.result.notes),
        entries,
        jobs,
    )


def _record_facts(model: PlanModel, entries: dict[str, Entry]) -> None:
    """Who depends on whom, and what actuals read, for every agreement file."""
    named = facts.named_by_actuals(model)
    every = facts.actuals_read_every_kpi(model)
    for file, agreements in facts.agreement_files(model).items():
        entry = entries[file]
        entry.parties = [a.party for a in agreements]
        entry.depends = sorted({p for a in agreements for p in facts.depends(a.spec, a.parent)})
        entry.single = facts.single(entry.kinds, agreements)
        if entry.single:
            (agreement,) = agreements
            entry.parent = agreement.parent or ""
            read = every or agreement.party in named
            entry.shape = facts.shape(agreement) if read else ""
    if model.osmatrix is not None:  # its rules read the agreements of the parties it names
        entry = entries[model.osmatrix_where.file]
        entry.depends = sorted({*entry.depends, *facts.matrix_parties(model.osmatrix)})


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
    reads = {read.file: read for read in read_all(root, found.changed, cache=cache)}
    for read in reads.values():
        _recheck_file(root, read, snapshot.files[read.file])
    snapshot.taken = started
    if any(entry.blocking for entry in snapshot.files.values()):
        _stage_only(snapshot)
        save(root, snapshot)
        return Outcome(result_of(root, snapshot), "files", tuple(found.changed))
    if not snapshot.semantic:
        return None
    checked = _recheck_people(root, snapshot, reads, cache)
    if checked is None:
        return None
    save(root, snapshot)
    return Outcome(result_of(root, snapshot), "agreements", checked)


def _recheck_file(root: Path, read: ReadResult, entry: Entry) -> None:
    """Load and schema checks of one changed file, into its entry."""
    docs: list[SpecDoc] = []
    findings: list[Finding] = []
    kinds = spec_stage(read, docs, findings)
    cells = {read.file: read.cells} if read.cells is not None else {}
    entry.stamp, entry.digest = read.stamp, read.digest
    entry.blocking = bool(findings) or not read.ok
    entry.stage = [*read.diagnostics, *to_diagnostics(findings, root, {}, cells)]
    entry.kinds = list(kinds)


def _stage_only(snapshot: Snapshot) -> None:
    """What a full run reports when a file fails to load: no cross-file rules."""
    snapshot.semantic = False
    snapshot.levels = {}
    snapshot.notes = [CROSS_FILE_SKIPPED]
    for entry in snapshot.files.values():
        entry.semantic, entry.parties, entry.depends = [], [], []
        entry.single, entry.parent, entry.shape = "", "", ""


def _reach(snapshot: Snapshot, changed: list[str]) -> set[str] | None:
    """The changed files and every file that depends on them, or ``None`` if too many.

    A file depends on another when it names that file's parties, or when one
    of its diagnostics points into it (a ``related`` place, which moves with
    the other file's lines).
    """
    referrers: dict[str, set[str]] = {}
    pointing: dict[str, set[str]] = {}
    for file, entry in snapshot.files.items():
        for party in entry.depends:
            referrers.setdefault(party, set()).add(file)
        for d in entry.semantic:
            for place in d.related:
                pointing.setdefault(place.file, set()).add(file)
    reach, queue = set(changed), list(changed)
    while queue:
        here = queue.pop()
        found = set(pointing.get(here, ()))
        for party in snapshot.files[here].parties:
            found |= referrers.get(party, set())
        for file in sorted(found - reach):
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


class _Jobs:
    """Job description documents by position, read from their files on demand."""

    def __init__(self, root: Path, index: dict[str, str], cache: ParseCache) -> None:
        self.root, self.index, self.cache = root, index, cache
        self.files: dict[str, list[Any]] = {}
        self.used: dict[str, set[int]] = {}

    def __call__(self, position: str) -> Any:
        file = self.index.get(position)
        if file is None:
            return None
        if file not in self.files:
            (read,) = read_all(self.root, [file], cache=self.cache)
            self.files[file] = read.documents if read.ok else []
        for index, doc in enumerate(self.files[file]):
            if isinstance(doc, dict) and doc.get("kind") == JOB and doc.get("position") == position:
                self.used.setdefault(file, set()).add(index)
                return doc
        return None


def _recheck_people(
    root: Path, snapshot: Snapshot, changed: dict[str, ReadResult], cache: ParseCache
) -> tuple[str, ...] | None:
    """Re-run the rules for changed agreements on a smaller model."""
    entries = snapshot.files
    new: dict[str, AgreementSpec] = {}
    for file, read in changed.items():
        entry = entries[file]
        doc = read.documents[0] if len(read.documents) == 1 else None
        spec = _agreement(doc, file)
        if not entry.single or spec is None or [spec.party] != entry.parties:
            return None
        new[file] = spec
    reach = _reach(snapshot, list(changed))
    if reach is None or not all(entries[file].single for file in reach):
        return None
    start = {p for file in reach - set(new) for p in entries[file].depends}
    start |= {p for file, spec in new.items() for p in facts.depends(spec, entries[file].parent)}
    agreements = reach | _spine(snapshot, start)
    shared = {file for file, entry in entries.items() if facts.is_shared(entry.kinds)}
    others = sorted((agreements | shared) - set(changed))
    raw: dict[str, list[Any]] = {file: read.documents for file, read in changed.items()}
    for read in read_all(root, others, cache=cache):
        if not read.ok:
            return None  # it loaded last time: the snapshot does not match the disk
        raw[read.file] = read.documents
    jobs = _Jobs(root, snapshot.jobs, cache)
    shared_docs = [(file, i, doc) for file in sorted(shared) for i, doc in enumerate(raw[file])]
    agreement_docs = [d for f in agreements for d in raw[f] if _kind(d) == facts.AGREEMENT]
    units = {p for file in reach if entries[file].single == "unit" for p in entries[file].parties}
    cut, _ = roster.trim([doc for _, _, doc in shared_docs], agreement_docs, jobs, units)
    places = {(file, i): doc for (file, i, _), doc in zip(shared_docs, cut, strict=True)}
    for file in sorted(agreements - shared):
        places.update(((file, i), doc) for i, doc in enumerate(raw[file]))
    for file, used in jobs.used.items():
        places.update(((file, i), jobs.files[file][i]) for i in used)
    docs: list[SpecDoc] = []
    for (file, index), data in sorted(places.items()):
        if data is None:
            continue
        doc, problems = validate_document(data, file, index)
        if doc is None or problems:
            return None  # it passed last time: the snapshot does not match the disk
        docs.append(doc)
    return _keep(root, snapshot, reach, docs)


def _kind(doc: Any) -> object:
    return doc.get("kind") if isinstance(doc, dict) else None


def _agreement(doc: Any, file: str) -> AgreementSpec | None:
    if _kind(doc) != facts.AGREEMENT:
        return None
    spec, problems = validate_document(doc, file, 0)
    model = spec.model if spec is not None and not problems else None
    return model if isinstance(model, AgreementSpec) else None


def _keep(
    root: Path, snapshot: Snapshot, reach: set[str], docs: list[SpecDoc]
) -> tuple[str, ...] | None:
    """Run the rules on the smaller model; keep the findings of ``reach``."""
    entries = snapshot.files
    model, findings, levels = semantic_stage(docs)
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

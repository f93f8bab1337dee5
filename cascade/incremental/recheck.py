"""Re-check changed agreements of persons and units on a smaller model.

The ``agreements`` path of :mod:`cascade.incremental.run`: which files a
change reaches (:func:`reach`), which agreements they are checked against
(:func:`spine`), and :func:`recheck`, which builds the smaller model, runs
every rule on it and keeps the findings of the re-checked files, or says
that it cannot (``None``: the caller makes a full run).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cascade.diagnostics import Finding
from cascade.incremental import facts, roster
from cascade.incremental.facts import JOB
from cascade.incremental.snapshot import Snapshot
from cascade.load.cache import ParseCache
from cascade.load.files import read_all
from cascade.load.reader import ReadResult
from cascade.pipeline import INTERNAL, semantic_stage, to_diagnostics
from cascade.spec.agreement import Agreement as AgreementSpec
from cascade.spec.validate import SpecDoc, validate_document

MAX_RECHECK = 500
"""Most agreement files re-checked without a full run (a change high in the
cascade reaches many people; then one full run is as quick)."""


def reach(snapshot: Snapshot, changed: list[str]) -> set[str] | None:
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
    reached, queue = set(changed), list(changed)
    while queue:
        here = queue.pop()
        found = set(pointing.get(here, ()))
        for party in snapshot.files[here].parties:
            found |= referrers.get(party, set())
        for file in sorted(found - reached):
            reached.add(file)
            queue.append(file)
        if len(reached) > MAX_RECHECK:
            return None
    return reached


def spine(snapshot: Snapshot, start: set[str]) -> set[str]:
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


def recheck(
    root: Path,
    snapshot: Snapshot,
    changed: dict[str, ReadResult],
    validated: dict[str, list[SpecDoc]],
    cache: ParseCache,
) -> tuple[str, ...] | None:
    """Re-run the rules for changed agreements on a smaller model.

    ``changed`` are the changed files as read, ``validated`` their documents
    that passed their schema (all of them: a file that failed took the
    ``files`` path).
    """
    entries = snapshot.files
    new: dict[str, AgreementSpec] = {}
    for file, read in changed.items():
        docs = validated[file]
        spec = docs[0].model if len(docs) == 1 and len(read.documents) == 1 else None
        if not entries[file].single or not isinstance(spec, AgreementSpec):
            return None
        if [spec.party] != entries[file].parties:
            return None
        new[file] = spec
    reached = reach(snapshot, list(changed))
    if reached is None or not all(entries[file].single for file in reached):
        return None
    start = {p for file in reached - set(new) for p in entries[file].depends}
    start |= {p for file, spec in new.items() for p in facts.depends(spec, entries[file].parent)}
    agreements = reached | spine(snapshot, start)
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
    units = {p for file in reached if entries[file].single == "unit" for p in entries[file].parties}
    cut = roster.trim([doc for _, _, doc in shared_docs], agreement_docs, jobs, units)
    places = {(file, i): doc for (file, i, _), doc in zip(shared_docs, cut, strict=True)}
    for file in sorted(agreements - shared - set(changed)):
        places.update(((file, i), doc) for i, doc in enumerate(raw[file]))
    for file, used in jobs.used.items():
        places.update(((file, i), jobs.files[file][i]) for i in used)
    ready = {(doc.file, doc.doc): doc for file in changed for doc in validated[file]}
    for (file, index), data in places.items():
        if data is None:
            continue
        doc, problems = validate_document(data, file, index)
        if doc is None or problems:
            return None  # it passed last time: the snapshot does not match the disk
        ready[(file, index)] = doc
    return _keep(root, snapshot, reached, [ready[place] for place in sorted(ready)])


def _kind(doc: Any) -> object:
    return doc.get("kind") if isinstance(doc, dict) else None


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

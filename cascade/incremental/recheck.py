"""Re-check changed agreements on a smaller model, planned from the rules' scopes.

The ``agreements`` path of :mod:`cascade.incremental.run`.  Nothing here
knows what a particular rule reads: every registered rule declares its
scopes (:mod:`cascade.rules.scopes`), and the plan follows from them.

1. **Reach.**  The findings that may change are those of the edited
   agreements, of every agreement whose resolution reads them (its
   references name them, transitively: it inherits from them), of what each
   local scope in use says an edit reaches (:attr:`Scope.reached`), and of
   any file whose diagnostics point into an edited file (their related
   places move with its lines).  Each must be a file holding one agreement
   (``single``), at most :data:`MAX_RECHECK` of them.
2. **Needs.**  The smaller model holds the plan's shared files, what each
   local scope says the reached findings read (:attr:`Scope.needs`), closed
   under "the agreements its references name" so every agreement in it
   resolves exactly as in the full model, the part of the roster those
   agreements' people need (:mod:`cascade.incremental.roster`), and their
   job descriptions.
3. **Check.**  Every rule runs on it; the reached files' findings are kept.
   The run is refused (``None``: the caller makes a full run) when the
   smaller model turns out not to be closed, a parent party moved, or what
   a remote scope's findings read of a re-resolved agreement changed (its
   fingerprint), or when a rule declares a scope that can be re-checked
   neither way.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from pathlib import Path
from typing import Any

from cascade import rules as registered
from cascade.diagnostics import Finding
from cascade.incremental import facts, roster
from cascade.incremental.facts import JOB, SnapshotCascade
from cascade.incremental.snapshot import Snapshot
from cascade.load.cache import ParseCache
from cascade.load.files import read_all
from cascade.load.reader import ReadResult
from cascade.model.links import referenced_parties
from cascade.model.plan import PlanModel
from cascade.pipeline import INTERNAL, semantic_stage, to_diagnostics
from cascade.rules.scopes import BUILD, Scope, closure
from cascade.spec.agreement import Agreement as AgreementSpec
from cascade.spec.validate import SpecDoc, validate_document

MAX_RECHECK = 500
"""Most agreement files re-checked without a full run (a change high in the
cascade reaches many people; then one full run is as quick)."""


def scopes_in_use() -> tuple[tuple[Scope, ...], tuple[Scope, ...]] | None:
    """The local and the remote scopes the rules declare, or ``None`` when some
    rule's findings cannot be re-checked on a smaller model."""
    used: dict[str, Scope] = {scope.name: scope for scope in BUILD}
    for rule in registered.RULES:
        if not rule.reads:
            return None  # undeclared: it may read anything
        used.update((scope.name, scope) for scope in rule.reads)
    if not all(scope.local or scope.remote for scope in used.values()):
        return None
    local = tuple(s for s in used.values() if s.local)
    remote = tuple(s for s in used.values() if s.remote)
    return local, remote


def pointing(snapshot: Snapshot, changed: Set[str]) -> set[str]:
    """Files with a diagnostic whose related place is in a changed file."""
    return {
        file
        for file, entry in snapshot.files.items()
        if any(place.file in changed for d in entry.semantic for place in d.related)
    }


class _Jobs:
    """Job description documents by position, read from their files on demand."""

    def __init__(
        self, root: Path, snapshot: Snapshot, cache: ParseCache, texts: Mapping[str, str]
    ) -> None:
        self.root, self.snapshot, self.cache, self.texts = root, snapshot, cache, texts
        self.index = snapshot.jobs
        self.files: dict[str, list[Any]] = {}
        self.used: dict[str, set[int]] = {}

    def __call__(self, position: str) -> Any:
        file = self.index.get(position)
        if file is None:
            return None
        entry = self.snapshot.files.get(file)
        key = (file, entry.digest if entry is not None else "")
        if file not in self.files and key in self.snapshot.reused:
            self.files[file] = self.snapshot.reused[key]
        if file not in self.files:
            (read,) = read_all(self.root, [file], cache=self.cache, overlay=self.texts)
            self.files[file] = read.documents if read.ok else []
            if read.ok and entry is not None:
                self.snapshot.reused[key] = read.documents
        for index, doc in enumerate(self.files[file]):
            if isinstance(doc, dict) and doc.get("kind") == JOB and doc.get("position") == position:
                self.used.setdefault(file, set()).add(index)
                return doc
        return None


def _edited(
    snapshot: Snapshot, changed: dict[str, ReadResult], validated: dict[str, list[SpecDoc]]
) -> dict[str, AgreementSpec] | None:
    """Each changed file's one agreement, still of the same party, or ``None``."""
    new: dict[str, AgreementSpec] = {}
    for file, read in changed.items():
        entry, docs = snapshot.files[file], validated[file]
        spec = docs[0].model if len(docs) == 1 and len(read.documents) == 1 else None
        if not entry.single or not isinstance(spec, AgreementSpec):
            return None
        if [spec.party] != entry.parties:
            return None
        new[spec.party] = spec
    return new


def recheck(
    root: Path,
    snapshot: Snapshot,
    changed: dict[str, ReadResult],
    validated: dict[str, list[SpecDoc]],
    cache: ParseCache,
    texts: Mapping[str, str] | None = None,
) -> tuple[str, ...] | None:
    """Re-run the rules for changed agreements on a smaller model.

    ``changed`` are the changed files as read, ``validated`` their documents
    that passed their schema (all of them: a file that failed took the
    ``files`` path).  ``texts`` are unsaved buffers read instead of their
    files (``cascade lsp``).  Returns the files whose findings were computed anew.
    """
    texts = texts or {}
    scopes = scopes_in_use()
    new = _edited(snapshot, changed, validated)
    if scopes is None or new is None:
        return None
    local, remote = scopes
    entries = snapshot.files
    before = SnapshotCascade(entries)
    after = before.edited(
        {p: referenced_parties(spec, before.parent(p)) for p, spec in new.items()}
    )
    edited = set(new)
    # whose resolution reads an edited agreement, before or after the edit
    reached = closure(edited, lambda p: before.readers(p) | after.readers(p))
    for scope in local:
        assert scope.reached is not None
        reached |= scope.reached(edited, before) | scope.reached(edited, after)
    files = {after.file_of[p] for p in reached if p in after.file_of}
    files |= pointing(snapshot, set(changed))
    if len(files) > MAX_RECHECK or not all(entries[f].single for f in files):
        return None
    rechecked = {p for f in files for p in entries[f].parties}
    needed = set(rechecked)
    for scope in local:
        assert scope.needs is not None
        for party in rechecked:
            needed |= scope.needs(party, after)
    parties = closure(needed, after.reads)
    model_files = {after.file_of[p] for p in parties if p in after.file_of}
    model = _smaller_model(root, snapshot, changed, validated, model_files, rechecked, cache, texts)
    if model is None:
        return None
    try:
        sound = _sound(model[0], snapshot, after, parties, remote, files)
    except Exception:  # a fingerprint that cannot be computed: a full run, never a traceback
        return None
    if not sound:
        return None
    return _keep(root, snapshot, files, model, texts)


def _smaller_model(
    root: Path,
    snapshot: Snapshot,
    changed: dict[str, ReadResult],
    validated: dict[str, list[SpecDoc]],
    agreements: set[str],
    units: set[str],
    cache: ParseCache,
    texts: Mapping[str, str],
) -> tuple[PlanModel, list[Finding], dict[str, Any]] | None:
    """Model, findings and levels of the shared files, ``agreements`` and the
    roster they need; ``None`` when the disk no longer matches the snapshot."""
    entries = snapshot.files
    shared = {file for file, entry in entries.items() if facts.is_shared(entry.kinds)}
    others = sorted((agreements | shared) - set(changed))
    raw: dict[str, list[Any]] = {file: read.documents for file, read in changed.items()}
    raw.update(
        (file, snapshot.reused[(file, entries[file].digest)])
        for file in others
        if (file, entries[file].digest) in snapshot.reused
    )
    for read in read_all(root, [f for f in others if f not in raw], cache=cache, overlay=texts):
        if not read.ok:
            return None  # it loaded last time: the snapshot does not match the disk
        raw[read.file] = read.documents
        snapshot.reused[(read.file, entries[read.file].digest)] = read.documents
    jobs = _Jobs(root, snapshot, cache, texts)
    shared_docs = [(file, i, doc) for file in sorted(shared) for i, doc in enumerate(raw[file])]
    agreement_docs = [d for f in agreements for d in raw.get(f, ()) if _kind(d) == facts.AGREEMENT]
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
        documents = None if file in changed else raw.get(file, jobs.files.get(file))
        doc = _validated(snapshot, documents, file, index, data)
        if doc is None:
            return None  # it passed last time: the snapshot does not match the disk
        ready[(file, index)] = doc
    # rules whose scopes are all remote or shared report nothing at an agreement
    rules = [r for r in registered.RULES if any(scope.local for scope in r.reads)]
    model, findings, levels = semantic_stage([ready[place] for place in sorted(ready)], rules)
    if model is None or levels != snapshot.levels or any(f.code == INTERNAL for f in findings):
        return None
    return model, findings, levels


def _validated(
    snapshot: Snapshot, documents: list[Any] | None, file: str, index: int, data: Any
) -> SpecDoc | None:
    """``data`` validated, once per file content when it is the unchanged file's
    own document (``documents``), not one the roster cut down."""
    own = documents is not None and index < len(documents) and documents[index] is data
    entry = snapshot.files.get(file)
    key = (file, index, entry.digest if entry is not None else "")
    if own and entry is not None and key in snapshot.revalidated:
        found: SpecDoc = snapshot.revalidated[key]
        return found
    doc, problems = validate_document(data, file, index)
    if doc is None or problems:
        return None
    if own and entry is not None:
        snapshot.revalidated[key] = doc
    return doc


def _kind(doc: Any) -> object:
    return doc.get("kind") if isinstance(doc, dict) else None


def _sound(
    model: PlanModel,
    snapshot: Snapshot,
    after: SnapshotCascade,
    parties: set[str],
    remote: tuple[Scope, ...],
    files: set[str],
) -> bool:
    """The smaller model resolves its agreements as the full one does, and what
    other files' findings read of the re-checked ones is unchanged (their
    fingerprints stay the snapshot's).

    Only the re-checked agreements can read an edited one, so only theirs can
    have changed.
    """
    entries = snapshot.files
    for party, agreement in model.agreements.items():
        file = after.file_of.get(party)
        if file is None or agreement.where.file != file:
            return False
        if (agreement.parent or None) != after.parent(party):
            return False  # a parent party moved: scopes' neighbours changed
        if not agreement.reads <= parties:
            return False  # not closed: something it names was left out
    for file in files:
        recorded = entries[file].fingerprints
        agreement = model.agreements[entries[file].parties[0]]
        for scope in remote:
            assert scope.fingerprint is not None
            if scope.name in recorded and scope.fingerprint(agreement) != recorded[scope.name]:
                return False
    return True


def _keep(
    root: Path,
    snapshot: Snapshot,
    files: set[str],
    built: tuple[PlanModel, list[Finding], dict[str, Any]],
    texts: Mapping[str, str],
) -> tuple[str, ...]:
    """Keep the findings of ``files`` and their new facts in the snapshot."""
    model, findings, levels = built
    entries = snapshot.files
    kept: dict[str, list[Finding]] = {file: [] for file in files}
    for finding in findings:
        if finding.file in files:
            kept[finding.file].append(finding)
    for file in files:
        entry = entries[file]
        agreement = model.agreements[entry.parties[0]]
        entry.depends = sorted(agreement.reads)
        entry.semantic = to_diagnostics(kept[file], root, levels, {}, texts)
    return tuple(sorted(files))

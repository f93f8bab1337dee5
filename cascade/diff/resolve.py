"""One side's files through cascade's own pipeline: load → spec → model.

The steps are :func:`cascade.pipeline.check_plan`'s, fed from memory instead
of a folder: each file's bytes are parsed (YAML or an actuals table) by
:func:`cascade.load.files.parse_many`, the worker pool ``validate`` uses,
every document is validated against its kind
(:func:`cascade.pipeline.spec_stage`) and the documents that pass are
resolved into a :class:`~cascade.model.plan.PlanModel`
(:func:`cascade.model.build.build_model`), whose duplicates and conflicts
are kept (:attr:`ResolvedSide.conflicts`).  Rules do not run: a diff
compares what each side says, not whether it is right.

A file that does not load (syntax, encoding) or has a document that fails
its schema is left out and named in :attr:`ResolvedSide.failed`; the rest of
the side is still compared.  A file with the same path and content on both
sides is parsed and validated once (:class:`Memo`), and with
``LoadOptions(cache=True)`` a file that ``cascade validate`` already parsed
comes from the plan folder's parse cache.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from cascade.diagnostics import Finding
from cascade.diff.conflicts import conflict_findings
from cascade.diff.sides import Side, contents
from cascade.gcpause import no_cycle_collector
from cascade.load.cache import ParseCache, key_of
from cascade.load.files import parse_many
from cascade.load.reader import ReadResult
from cascade.model.build import build_model
from cascade.model.plan import PlanModel
from cascade.pipeline import LoadOptions, spec_stage
from cascade.spec.validate import SpecDoc


@dataclass(frozen=True, slots=True)
class Parsed:
    """One file's valid documents, and whether anything in it failed."""

    docs: tuple[SpecDoc, ...]
    failed: bool


@dataclass(slots=True)
class Memo:
    """Parsed files by (path, content id), shared by the two sides of a diff."""

    parsed: dict[tuple[str, str], Parsed] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ResolvedSide:
    """A side resolved into a plan model."""

    label: str
    commit: str | None
    model: PlanModel
    files: tuple[str, ...]
    failed: tuple[str, ...]
    """Files left out: they do not load, or a document fails its schema."""
    conflicts: tuple[Finding, ...] = ()
    """Documents that duplicate or conflict (a second agreement for a party, …)."""


def documents(read: ReadResult) -> Parsed:
    """Validate the documents of one read file against their kinds (as validate does)."""
    docs: list[SpecDoc] = []
    problems: list[Finding] = []
    spec_stage(read, docs, problems)
    return Parsed(tuple(docs), bool(problems) or not read.ok)


BATCH_BYTES = 64 * 1024 * 1024
"""The most file bytes held at once while a side is parsed: files are parsed
in batches of about this size (by the worker pool when they are many)."""


def _reads(side: Side, memo: Memo, options: LoadOptions) -> dict[str, Parsed]:
    """Every file of the side, from the memo, the parse cache (read only) or parsed now."""
    cache = ParseCache(side.root) if options.cache and side.root is not None else None
    done: dict[str, Parsed] = {}
    wanted: list[str] = []
    for rel in sorted(side.files):
        oid = side.oids.get(rel, "")
        hit = memo.parsed.get((rel, oid)) if oid else None
        if hit is not None:
            done[rel] = hit
        else:
            wanted.append(rel)
    todo: list[tuple[bytes, str]] = []
    held = 0
    for rel, raw in contents(side, wanted):
        read = raw if isinstance(raw, ReadResult) else None
        if read is None and cache is not None and isinstance(raw, bytes):
            read = cache.get(key_of(rel, raw), rel)
        if read is not None:
            done[rel] = documents(read)
        elif isinstance(raw, bytes):
            todo.append((raw, rel))
            held += len(raw)
            if held >= BATCH_BYTES:
                done.update(_parsed(todo, options.jobs))
                todo, held = [], 0
    done.update(_parsed(todo, options.jobs))
    for rel, parsed in done.items():
        if side.oids.get(rel):
            memo.parsed[(rel, side.oids[rel])] = parsed
    return done


def _parsed(todo: list[tuple[bytes, str]], jobs: int) -> dict[str, Parsed]:
    return {
        rel: documents(read) for (_, rel), read in zip(todo, parse_many(todo, jobs), strict=True)
    }


def resolve_side(
    side: Side, memo: Memo | None = None, options: LoadOptions = LoadOptions()
) -> ResolvedSide:
    """Build the plan model of one side; problems become :attr:`ResolvedSide.failed`.

    ``options`` as for ``cascade validate``: worker processes for parsing,
    and the parse cache of the plan folder on disk, read but never written
    (a diff leaves the working tree as it was).
    """
    memo = memo if memo is not None else Memo()
    with no_cycle_collector():
        reads = _reads(side, memo, options)
        files = sorted(reads)
        docs = [doc for rel in files for doc in reads[rel].docs]
        model, findings = build_model(docs)
    failed = tuple(rel for rel in files if reads[rel].failed)
    conflicts = conflict_findings(findings)
    return ResolvedSide(side.label, side.commit, model, tuple(files), failed, conflicts)

"""The validate pipeline's stages: load → spec → model → graph → rules → diagnostics.

:func:`check_plan` runs them all on a whole plan (a cold run);
:mod:`cascade.incremental` calls the same stages (:func:`spec_stage`,
:func:`semantic_stage`, :func:`to_diagnostics`) on only what changed.  The
library entry point that chooses between the two is :mod:`cascade.engine`.
Nothing here raises on bad plan input: every problem becomes a diagnostic.
Only a folder that is not a plan at all raises :class:`PlanRootError`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cascade import rules as registered
from cascade.broken import broken_documents, rules_can_run, stand_ins
from cascade.checks import plan as checks
from cascade.diagnostics import (
    Diagnostic,
    DocPath,
    Finding,
    Level,
    Location,
    Pools,
    did_you_mean,
    hint_of,
)
from cascade.gcpause import no_cycle_collector
from cascade.graph import build_graph
from cascade.load.cache import ParseCache
from cascade.load.discover import PLAN_FILE, discover_names, output_folder
from cascade.load.files import read_all
from cascade.load.kinds import Declared
from cascade.load.positions import SourceMap
from cascade.load.reader import ReadResult, Stamp, decode
from cascade.load.table_format import cell_name, sheet_of
from cascade.model.build import build_model
from cascade.model.plan import PlanModel
from cascade.result import RunResult
from cascade.rules import Context, Rule
from cascade.rules.soundness import sound_findings
from cascade.spec.validate import SpecDoc, validate_document
from cascade.visible import visible

Progress = Callable[[int, int], None]
INTERNAL = checks.INTERNAL.code
UNKNOWN_RULE = checks.UNKNOWN_RULE.code
PLAN_ROOT = checks.PLAN_ROOT.code


class PlanRootError(Exception):
    """The folder is not a plan (missing, not a folder, no cascade.yaml)."""


def check_root(root: Path) -> None:
    """Raise :class:`PlanRootError` unless ``root`` is a plan folder."""
    if not root.exists():
        raise PlanRootError(f"{root}: no such folder")
    if not root.is_dir():
        raise PlanRootError(f"{root}: not a folder")
    if not (root / PLAN_FILE).is_file():
        raise PlanRootError(
            f"{root}: no {PLAN_FILE} here, so this is not a plan folder "
            "(start one with: cascade init DIR)"
        )


class _Positions:
    """Lazy source maps: built only for files that have findings.

    Table files (CSV, xlsx) bring their own cell map from reading; the
    closest cell on the path is the position.
    """

    def __init__(
        self,
        root: Path,
        cells: dict[str, dict[DocPath, tuple[int, int]]],
        texts: Mapping[str, str] | None = None,
    ) -> None:
        self.root = root
        self.cells = cells
        self.texts = texts or {}
        self.maps: dict[str, SourceMap] = {}

    def locate(
        self, file: str, doc: int, path: tuple[str | int, ...], at_key: bool
    ) -> tuple[int, int]:
        table = self.cells.get(file)
        if table is not None:
            for end in range(len(path), -1, -1):
                if path[:end] in table:
                    return table[path[:end]]
            return (1, 1)
        if file not in self.maps:
            text: str | None = self.texts.get(file)
            if text is None:
                try:
                    text, _ = decode((self.root / file).read_bytes(), file)
                except OSError:
                    text = None
            self.maps[file] = SourceMap(text or "")
        return self.maps[file].locate(doc, path, at_key)

    def cell(self, file: str, line: int, column: int) -> str:
        """The workbook cell at ``line`` (row) and ``column`` of ``file``, or ``""``
        when ``file`` is not a workbook."""
        sheet = sheet_of(self.cells.get(file))
        return "" if sheet is None or line <= 0 else visible(cell_name(line, column, sheet))


def _levels(model: PlanModel) -> tuple[dict[str, Level], list[Finding]]:
    """Rule levels from ``cascade.yaml``; unknown codes are findings."""
    levels: dict[str, Level] = {}
    problems: list[Finding] = []
    if model.plan is None:
        return levels, problems
    for code, level in model.plan.rules.items():
        if code not in registered.ALL:
            problems.append(
                Finding(
                    f"unknown rule code '{code}'",
                    model.plan_where.file,
                    model.plan_where.doc,
                    UNKNOWN_RULE,
                    ("rules", code),
                    at_key=True,
                    hint=did_you_mean(code, registered.ALL),
                )
            )
            continue
        levels[code] = Level(level)
    return levels, problems


def run_rules(model: PlanModel, rules: Iterable[Rule] | None = None) -> list[Finding]:
    """Every rule's findings (of the registered rules by default, read at call
    time); a rule that crashes yields one internal error."""
    ctx = Context(model, build_graph(model))
    if rules is None:
        rules = registered.RULES
    findings: list[Finding] = []
    for rule in rules:
        assert rule.check is not None
        try:
            findings.extend(f if f.code else _stamp(f, rule.code) for f in rule.check(ctx))
        except Exception as exc:  # a broken rule must not hide the others
            findings.append(
                Finding(
                    f"rule {rule.code} ({rule.name}) crashed: {type(exc).__name__}: {exc}; "
                    "this is a bug in cascade, the other rules still ran",
                    model.plan_where.file,
                    0,
                    INTERNAL,
                )
            )
    return findings


def _stamp(finding: Finding, code: str) -> Finding:
    return Finding(
        finding.message,
        finding.file,
        finding.doc,
        code,
        finding.path,
        finding.at_key,
        finding.hint,
        finding.related,
        finding.suggest,
    )


def to_diagnostics(
    findings: Iterable[Finding],
    root: Path,
    levels: dict[str, Level],
    cells: dict[str, dict[DocPath, tuple[int, int]]] | None = None,
    texts: Mapping[str, str] | None = None,
) -> list[Diagnostic]:
    """Stamp levels and names on findings and resolve their positions
    (in ``texts`` for the files it holds, else in the files on disk)."""
    positions = _Positions(root, cells or {}, texts)
    pools = Pools()
    out: list[Diagnostic] = []
    for f in findings:
        rule = registered.ALL.get(f.code)
        level = levels.get(f.code, rule.level if rule else Level.ERROR)
        if level is Level.OFF:
            continue
        line, column = positions.locate(f.file, f.doc, f.path, f.at_key)
        related = tuple(
            Location(file, *positions.locate(file, doc, path, False), visible(message))
            for file, doc, path, message in f.related
        )
        out.append(
            Diagnostic(
                f.file,
                line,
                column,
                f.code,
                level,
                visible(f.message),
                name=rule.name if rule else "",
                hint=visible(hint_of(f, pools)),
                related=related,
                cell=positions.cell(f.file, line, column),
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What one run knew of one file: enough to tell next time whether it changed."""

    stamp: Stamp | None
    digest: str
    kinds: tuple[str, ...]
    """The ``kind:`` of each document that passed its schema, in order."""
    blocking: bool
    """It failed to load or failed its schema, so cross-file rules could not run."""


@dataclass(frozen=True, slots=True)
class Checked:
    """A validate run and, when the plan loaded cleanly, its resolved model.

    ``stage`` are the load and schema diagnostics (before rule levels apply),
    ``semantic`` those of the model and the rules (``None`` when they did not
    run); ``result`` is both, with levels applied.  ``records`` describe each
    file for the snapshot of :mod:`cascade.incremental`.
    """

    result: RunResult
    model: PlanModel | None
    cells: dict[str, dict[DocPath, tuple[int, int]]]
    levels: dict[str, Level]
    stage: tuple[Diagnostic, ...] = ()
    semantic: tuple[Diagnostic, ...] | None = None
    records: dict[str, FileRecord] = field(default_factory=dict)
    output: str = "out"
    """The output folder ``cascade.yaml`` names (left out of the plan's files)."""


def semantic_stage(
    docs: list[SpecDoc], rules: Iterable[Rule] | None = None
) -> tuple[PlanModel | None, list[Finding], dict[str, Level]]:
    """Model, graph and rules (every registered rule by default), and the rule
    levels from ``cascade.yaml``."""
    try:
        model, built = build_model(docs)
    except Exception as exc:  # a bug in the model stage must not become a traceback
        message = f"building the plan model crashed: {type(exc).__name__}: {exc}"
        return None, [Finding(message + "; this is a bug in cascade", PLAN_FILE, 0, INTERNAL)], {}
    if model.plan is None:
        message = f"{PLAN_FILE} holds no Plan document (kind: Plan); it must, at the plan root"
        return None, [Finding(message, PLAN_FILE, 0, PLAN_ROOT, ("kind",))], {}
    levels, problems = _levels(model)
    found = run_rules(model, rules) if rules != () else []  # () : not even the graph
    return model, [*built, *problems, *found], levels


def spec_stage(read: ReadResult, docs: list[SpecDoc], findings: list[Finding]) -> tuple[str, ...]:
    """Validate one file's documents against their kinds; the kinds that passed."""
    kinds: list[str] = []
    for index, data in enumerate(read.documents):
        if data is None:
            continue
        doc, problems = validate_document(data, read.file, index)
        findings.extend(problems)
        if doc is not None:
            docs.append(doc)
            kinds.append(type(doc.model).__name__)
    return tuple(kinds)


def apply_levels(diagnostics: Iterable[Diagnostic], levels: dict[str, Level]) -> list[Diagnostic]:
    """Load diagnostics whose code ``cascade.yaml`` turned off are dropped."""
    return [d for d in diagnostics if levels.get(d.code) is not Level.OFF]


CROSS_FILE_SKIPPED = "cross-file rules were not run: fix the errors above first"
CROSS_FILE_PARTIAL = (
    "cross-file rules ran without the agreements that failed to load: "
    "findings they could change are left out until those are fixed"
)


@dataclass(frozen=True, slots=True)
class LoadOptions:
    """How files are read: worker processes, the parse cache, unsaved buffers.

    ``overlay`` holds ``(relative path, text)`` pairs read instead of the
    files on disk (an editor's unsaved buffers).  A run with an overlay is
    always cold and never writes the warm-run snapshot, which must describe
    the files on disk; the parse cache, keyed by content, is still used.
    """

    jobs: int = 1
    cache: bool = False
    overlay: tuple[tuple[str, str], ...] = ()
    rules: bool = True
    """False: no rule runs (the model only; a caller that knows the findings already,
    such as ``cascade report`` after the warm validate run)."""


def _partial(
    docs: list[SpecDoc], broken: dict[str, list[Declared] | None]
) -> tuple[list[Finding], dict[str, Level]] | None:
    """The sound findings of the rules run with stand-ins for the broken agreements;
    ``None`` when a broken file may be something else (then no rule runs)."""
    if not rules_can_run(broken):
        return None
    added = stand_ins(docs, broken)
    if added is None:
        return None
    model, findings, levels = semantic_stage(sorted([*docs, *added], key=lambda d: (d.file, d.doc)))
    if model is not None:
        missing = {(d.file, d.doc): str(getattr(d.model, "party", "")) for d in added}
        always = {INTERNAL, UNKNOWN_RULE}
        findings = sound_findings(model, findings, registered.ALL, always, missing)
    return findings, levels


def check_plan(
    root: Path, progress: Progress | None = None, options: LoadOptions = LoadOptions()
) -> Checked:
    """Validate the plan in ``root`` and keep its model for the next stage."""
    with no_cycle_collector():
        return _check_plan(root, progress, options)


def _check_plan(root: Path, progress: Progress | None, options: LoadOptions) -> Checked:
    check_root(root)
    cache = ParseCache(root) if options.cache else None
    texts = dict(options.overlay)
    (first,) = read_all(root, [PLAN_FILE], cache=cache, overlay=texts)
    output = output_folder(first.documents)
    files = discover_names(root, output)
    others = [f for f in files if f != PLAN_FILE]
    rest = iter(
        read_all(root, others, jobs=options.jobs, cache=cache, progress=progress, overlay=texts)
    )
    reads = [first if f == PLAN_FILE else next(rest) for f in files]
    if cache is not None:
        cache.prune(files)
    stage: list[Diagnostic] = []
    docs: list[SpecDoc] = []
    records: dict[str, FileRecord] = {}
    broken: dict[str, list[Declared] | None] = {}
    cells = {read.file: read.cells for read in reads if read.cells is not None}
    for read in reads:
        stage.extend(read.diagnostics)
        findings: list[Finding] = []
        kinds = spec_stage(read, docs, findings)
        stage.extend(to_diagnostics(findings, root, {}, cells, texts))
        blocking = bool(findings) or not read.ok
        records[read.file] = FileRecord(read.stamp, read.digest, kinds, blocking)
        if blocking:
            broken[read.file] = broken_documents(root, read, findings)
    del reads
    notes: list[str] = []
    levels: dict[str, Level] = {}
    model: PlanModel | None = None
    semantic: list[Diagnostic] | None = None
    if broken:
        partial = _partial(docs, broken)
        if partial is None:
            notes.append(CROSS_FILE_SKIPPED)
        else:
            semantic = to_diagnostics(partial[0], root, partial[1], cells)
            levels = partial[1]
            notes.append(CROSS_FILE_PARTIAL)
    else:
        model, findings, levels = semantic_stage(docs, None if options.rules else ())
        semantic = to_diagnostics(findings, root, levels, cells, texts)
    diagnostics = [*apply_levels(stage, levels), *(semantic or ())]
    result = RunResult(str(root), tuple(files), tuple(sorted(diagnostics)), tuple(notes))
    return Checked(
        result,
        model,
        cells,
        levels,
        tuple(stage),
        None if semantic is None else tuple(semantic),
        records,
        output,
    )

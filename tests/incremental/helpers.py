"""Differential tests: a warm, incremental validate gives exactly a cold full run's result.

Every case copies a plan into ``tmp_path``, runs :func:`cascade.incremental.run.validate`
once (a full run that writes the snapshot), edits the plan, runs it again and compares
the result, field by field, with a cold :func:`cascade.engine.check_plan` (no parse
cache, no snapshot).  It also checks which path the warm run took (``how``), and that
one more run without an edit is ``unchanged`` with the same result.

``Diagnostic`` equality only compares file, line, column and code, so diagnostics are
compared as :func:`dataclasses.astuple` rows (message, level, name, hint, ends and
related locations too), together with the run's files and notes.

This module holds what the test modules share: the plans' names, copying a plan,
comparing a warm run with a cold one (:func:`step`) and editing a plan's files.
The edits themselves are in :mod:`tests.incremental.mutations`, the generated plan
fixture in ``conftest.py``.
"""

from __future__ import annotations

import atexit
import dataclasses
import hashlib
import os
import shutil
import stat
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

import cascade.rules as registered
from cascade.engine import check_plan
from cascade.incremental import snapshot
from cascade.incremental.run import Outcome, validate
from cascade.model.plan import PlanModel
from cascade.result import RunResult
from cascade.rules.registry import Rule

PEOPLE = 60
"""People in the generated plan: 79 files, a full run well under a tenth of a second."""
LEAF = "agreements/people/P00060.yaml"
"""A person of the generated plan whom nobody cascades from (checked by a test)."""
SUPERVISOR = "agreements/people/P00047.yaml"
"""Head of group D001-4 in the generated plan: P00048 … P00060 cascade from P00047."""
PROBATION_LEAF = "agreements/people/P0014.yaml"
"""A leaf of plans/probation whose KPIs the actuals name (P0014/1 … P0014/6)."""
ACME_LEAF = "agreements/people/P020.yaml"

PEOPLE_PATH = frozenset({"agreements"})
FILES_PATH = frozenset({"files"})
FULL_PATH = frozenset({"full"})
PEOPLE_OR_FULL = frozenset({"agreements", "full"})


# ---- plans -----------------------------------------------------------------------


def copy_plan(source: Path, tmp_path: Path, name: str = "plan") -> Path:
    """A copy of ``source`` without its caches: the repository's plans stay untouched."""
    root = tmp_path / name
    shutil.copytree(source, root, ignore=shutil.ignore_patterns(".cascade-cache"))
    return root


_RUNS: dict[Path, Path] = {}
"""Plans after their first (full, checked) run, by source: :func:`copy_run` copies them."""


def copy_run(source: Path, tmp_path: Path) -> Path:
    """A copy of ``source`` as it is after a first full run: its snapshot and parse cache.

    The first call per process makes that run (and checks it against a cold one);
    later calls copy its result.  The copy's files have new stamps, so the next
    run compares their contents with the snapshot: a run after an edit takes the
    path it would take after a real first run.
    """
    if source not in _RUNS:
        base = Path(tempfile.mkdtemp(prefix="cascade-run-"))
        atexit.register(shutil.rmtree, base, True)
        root = copy_plan(source, base)
        step(root, FULL_PATH, "first run")
        _RUNS[source] = root
    root = tmp_path / "plan"
    shutil.copytree(_RUNS[source], root)
    return root


def leaves(root: Path) -> list[str]:
    """Persons' agreement files that no other agreement depends on (from the snapshot)."""
    snap = snapshot.load(root)
    assert snap is not None, "validate first"
    depended = {party for entry in snap.files.values() for party in entry.depends}
    return sorted(
        file
        for file, entry in snap.files.items()
        if entry.single == "person" and not set(entry.parties) & depended
    )


def subordinate_with(root: Path, same_as: str) -> str:
    """A file of the generated plan whose KPI 1 is ``same_as: "<same_as>"`` of P00047."""
    for number in range(48, PEOPLE + 1):
        rel = f"agreements/people/P{number:05d}.yaml"
        if f'same_as: "{same_as}"\n' in (root / rel).read_text(encoding="utf-8"):
            return rel
    raise AssertionError(f"no subordinate of P00047 takes its KPI {same_as}")


# ---- comparing runs ----------------------------------------------------------


def rows(result: RunResult) -> list[tuple[Any, ...]]:
    """Every field of every diagnostic, in report order."""
    return [dataclasses.astuple(d) for d in result.diagnostics]


def assert_same(warm: RunResult, cold: RunResult, context: str) -> None:
    """``warm`` is exactly ``cold``: root, files, notes and every diagnostic field."""
    problems: list[str] = []
    if warm.root != cold.root:
        problems.append(f"root: warm {warm.root!r}, cold {cold.root!r}")
    if warm.files != cold.files:
        extra = sorted(set(warm.files) ^ set(cold.files))
        problems.append(f"files differ (symmetric difference {extra}, or their order)")
    if warm.notes != cold.notes:
        problems.append(f"notes: warm {warm.notes!r}, cold {cold.notes!r}")
    got, want = rows(warm), rows(cold)
    if got != want:
        problems.append("diagnostics differ:")
        problems += [f"  only warm: {row}" for row in got if row not in want]
        problems += [f"  only cold: {row}" for row in want if row not in got]
        if sorted(map(repr, got)) == sorted(map(repr, want)):
            problems.append("  (same diagnostics, another order)")
    assert not problems, f"{context}: warm run != cold run\n" + "\n".join(problems)


_COLD: OrderedDict[tuple[bytes, tuple[Rule, ...]], tuple[str, RunResult, PlanModel | None]] = (
    OrderedDict()
)
"""Cold runs by the plan's exact content (:func:`content`), the most recent last.

Many steps come back to a state an earlier step of the same process checked (an
undo, the first run every copy starts from), and a cold run is most of a step's
cost.  :func:`check_plan` reads nothing but the plan's files, so the same content
and the same rules (a test may register one) give the same result, its ``root``
aside.  Bounded: a model is a few megabytes."""
_COLD_SIZE = 48


def content(root: Path) -> bytes:
    """A digest of everything a run can read: every name under ``root`` (the cache
    folder aside), its type and mode, a file's bytes and a symlink's target."""
    digest = hashlib.sha256()
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != ".cascade-cache" or folder != str(root))
        for name in sorted([*dirs, *files]):
            path = os.path.join(folder, name)
            info = os.lstat(path)
            digest.update(os.fsencode(os.path.relpath(path, root)) + b"\0%o\0" % info.st_mode)
            if stat.S_ISLNK(info.st_mode):
                digest.update(os.fsencode(os.readlink(path)))
            elif stat.S_ISREG(info.st_mode) and info.st_mode & stat.S_IRUSR:
                with open(path, "rb") as file:
                    digest.update(b"%d\0" % info.st_size + file.read())
    return digest.digest()


def _texts(result: RunResult) -> list[str]:
    return [*result.notes, *(d.message for d in result.diagnostics)]


def _checked(root: Path) -> tuple[RunResult, PlanModel | None]:
    """The cold run of ``root``: from :data:`_COLD` when its content was checked before."""
    key = (content(root), registered.RULES)
    if key in _COLD:
        _COLD.move_to_end(key)
        where, result, model = _COLD[key]
        if result.root == where and not any(where in text for text in _texts(result)):
            return dataclasses.replace(result, root=str(root)), model
    checked = check_plan(root)
    _COLD[key] = (str(root), checked.result, checked.model)
    while len(_COLD) > _COLD_SIZE:
        _COLD.popitem(last=False)
    return checked.result, checked.model


def cold(root: Path) -> RunResult:
    """A full run as the CLI makes it without the cache: no parse cache, no snapshot."""
    return _checked(root)[0]


def step(root: Path, how: Collection[str], context: str = "") -> Outcome:
    """Validate warm; assert the cold run's result, the path taken, and that a
    second run with no edit is ``unchanged`` with the same result."""
    outcome = validate(root)
    expected = cold(root)
    label = f"{context} ({outcome.how} run)" if context else f"{outcome.how} run"
    assert_same(outcome.result, expected, label)
    assert outcome.how in how, f"{context}: took the {outcome.how!r} path, expected {set(how)}"
    again = validate(root)
    assert again.how == "unchanged", f"{context}: a run with no edit took {again.how!r}"
    assert_same(again.result, expected, f"{context} (unchanged run)")
    return outcome


def codes(result: RunResult) -> set[str]:
    return {d.code for d in result.diagnostics}


# ---- editing plans -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Env:
    """What a mutation may need to know about the file it edits."""

    party: str
    parent: str
    supervisor: str | None
    people: tuple[str, ...]
    org: str


Edit = Callable[[str, Env], str]
"""A mutation: a file's text (and what we know about it) → its new text."""


def env_of(root: Path, rel: str) -> Env:
    model = _checked(root)[1]
    if model is None:  # the plan does not load: only edits that need nothing of this
        return Env("", "", None, (), "")
    party = next(a.party for a in model.agreements.values() if a.where.file == rel)
    agreement = model.agreements[party]
    person = model.people.get(party)
    return Env(
        party,
        agreement.parent or "",
        person.supervisor if person is not None else None,
        tuple(sorted(model.people)),
        model.organisation,
    )


def apply(root: Path, rel: str, edit: Edit, env: Env | None = None) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    new = edit(text, env if env is not None else env_of(root, rel))
    assert new != text, f"the edit left {rel} as it was"
    path.write_text(new, encoding="utf-8")


def on_data(change: Callable[[dict[str, Any], Env], None]) -> Edit:
    """An edit of the parsed document, written back as plain YAML (every line moves)."""

    def edit(text: str, env: Env) -> str:
        doc = yaml.safe_load(text)
        change(doc, env)
        return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=1000)

    return edit


def on_text(change: Callable[[str, Env], str]) -> Edit:
    return change


def replace(old: str, new: str) -> Edit:
    """Replace the first ``old``: small text edits keep every other line where it was."""

    def edit(text: str, env: Env) -> str:
        assert old in text, f"{old!r} is not in the file"
        return text.replace(old, new, 1)

    return edit

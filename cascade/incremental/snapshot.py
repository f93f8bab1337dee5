"""The snapshot of the last validate run, kept in ``.cascade-cache/``.

For every plan file: its stamp (size, mtime, ctime, inode) and digest, its
load and schema diagnostics, its model and rule diagnostics, and the facts
that say which other files its diagnostics depend on.  One JSON file,
written atomically; like the parse cache it is data that may come from
anywhere, so it is checked on reading and anything damaged, foreign or made
by other code is ignored (the run is then a full one and writes a new one).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import Any

from cascade import rules as registered
from cascade.diagnostics import Diagnostic, Level
from cascade.fileio import read_regular, replace_file
from cascade.load import strict
from cascade.load.cache import FOLDER, code_fingerprint, diagnostic_from_row, diagnostic_row
from cascade.load.cachedir import cache_folder
from cascade.load.reader import Stamp

FORMAT = 4
NAME = f"snapshot-v{FORMAT}.json"
LIMIT = 1024 * 1024 * 1024  # bytes: about 200 times a 20,000-person plan's
SINGLE = ("", "organisation", "person", "unit")


@dataclass(slots=True)
class Entry:
    """One file as the last run saw it."""

    stamp: Stamp | None
    digest: str
    blocking: bool
    kinds: list[str]
    """The ``kind:`` of each document that passed its schema."""
    stage: list[Diagnostic]
    """Load and schema diagnostics, before rule levels apply."""
    semantic: list[Diagnostic]
    """Model and rule diagnostics reported in this file (levels applied)."""
    parties: list[str] = field(default_factory=list)
    """Parties whose agreement (the one the model kept) is in this file."""
    parents: list[str] = field(default_factory=list)
    """Each party's parent party, whose KPIs plain references name ("" at the top)."""
    single: str = ""
    """The party type when the file is that party's agreement and nothing else
    (it may then be re-checked without a full run), else ``""``."""
    depends: list[str] = field(default_factory=list)
    """Parties whose agreements this file's agreements read (parent, linked KPIs)."""
    fingerprints: dict[str, str] = field(default_factory=dict)
    """By remote scope: what findings in other files read of this agreement."""


@dataclass(slots=True)
class Snapshot:
    """Every file of the plan and what the last run found, file by file."""

    taken: int
    """``time.time_ns()`` when the run that made it started."""
    output: str
    semantic: bool
    """Whether cross-file rules ran (no file failed to load or failed its schema)."""
    levels: dict[str, Level]
    notes: list[str]
    files: dict[str, Entry]
    jobs: dict[str, str] = field(default_factory=dict)
    """Position → the file of its job description (the first, which the model uses)."""
    reused: dict[tuple[str, str], list[Any]] = field(default_factory=dict, compare=False)
    """Never saved: the documents of unchanged files as re-checks read them, by
    file and digest, so a snapshot kept in memory (``cascade lsp``) reads and
    validates each file once, not at every edit (:mod:`cascade.incremental.recheck`)."""
    revalidated: dict[tuple[str, int, str], Any] = field(default_factory=dict, compare=False)
    """Never saved: those documents validated (frozen specs), by file, index and digest."""

    def diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic of the plan, as the run that made it reported them."""
        out: list[Diagnostic] = []
        levels = self.levels
        for entry in self.files.values():
            out.extend(d for d in entry.stage if levels.get(d.code) is not Level.OFF)
            out.extend(entry.semantic)
        return sorted(out)


def path_of(root: Path) -> Path:
    return root / FOLDER / NAME


def _entry_row(entry: Entry) -> list[Any]:
    return [
        list(entry.stamp) if entry.stamp is not None else None,
        entry.digest,
        entry.blocking,
        entry.kinds,
        [diagnostic_row(d) for d in entry.stage],
        [diagnostic_row(d) for d in entry.semantic],
        entry.parties,
        entry.parents,
        entry.single,
        entry.depends,
        entry.fingerprints,
    ]


def _stamp(row: object) -> Stamp:
    if type(row) is not list or len(row) != 4 or any(type(n) is not int for n in row):
        raise strict.Damaged("a stamp is four ints")
    size, mtime, ctime, inode = row
    low, high = strict.STAMP_LOW, strict.STAMP_HIGH  # times before 1970 are negative
    if not (0 <= size <= high and low <= mtime <= high and low <= ctime <= high):
        raise strict.Damaged("a stamp out of range")
    if not 0 <= inode <= high:
        raise strict.Damaged("an inode out of range")
    return (size, mtime, ctime, inode)


def _entry(row: object) -> Entry:
    """An entry read strictly (:mod:`cascade.load.strict`): a wrong type is ``Damaged``.

    The checks are written out (not a call per field): the snapshot of a
    department holds tens of thousands of rows, read on every warm run.
    """
    if type(row) is not list or len(row) != 11:
        raise strict.Damaged("an entry is a list of 11 fields")
    stamp, digest, blocking, kinds, stage, semantic, parties, parents, single, depends, prints = row
    lists = (stage, semantic, kinds, parties, parents, depends)
    if not (
        type(digest) is str
        and type(blocking) is bool
        and type(single) is str
        and type(prints) is dict
        and all(type(value) is list for value in lists)
        and all(type(text) is str for text in chain(kinds, parties, parents, depends))
        and all(type(value) is str for value in prints.values())
    ):
        raise strict.Damaged("an entry field of the wrong type")
    return Entry(
        None if stamp is None else _stamp(stamp),
        digest,
        blocking,
        kinds,
        [diagnostic_from_row(r) for r in stage],
        [diagnostic_from_row(r) for r in semantic],
        parties,
        parents,
        single,
        depends,
        prints,
    )


def load(root: Path) -> Snapshot | None:
    """The plan's snapshot, or ``None`` (missing, damaged, or made by other code).

    Every field is read strictly; a symlinked folder or snapshot file is not followed.
    """
    if cache_folder(root) is None:
        return None
    try:
        data = strict.table(json.loads(read_regular(path_of(root), LIMIT)))
        if data["code"] != code_fingerprint() or data["rules"] != registered.registry_fingerprint():
            return None
        levels = strict.text_table(data["levels"])
        snapshot = Snapshot(
            strict.count(data["taken"]),
            strict.text(data["output"]),
            strict.flag(data["semantic"]),
            {code: Level(level) for code, level in levels.items()},
            strict.texts(data["notes"]),
            {file: _entry(row) for file, row in strict.table(data["files"]).items()},
            strict.text_table(data["jobs"]),
        )
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return None
    return snapshot if _consistent(snapshot) else None


def _consistent(snapshot: Snapshot) -> bool:
    """What the code relies on: files read by name are the plan's own (checked
    against the disk later); a single agreement names its one party."""
    if not set(snapshot.jobs.values()) <= set(snapshot.files):
        return False
    return all(
        e.single in SINGLE
        and (not e.single or len(e.parties) == 1)
        and len(e.parents) == len(e.parties)
        for e in snapshot.files.values()
    )


def save(root: Path, snapshot: Snapshot) -> None:
    """Write the snapshot atomically; a folder that cannot be written means none."""
    data = {
        "code": code_fingerprint(),
        "rules": registered.registry_fingerprint(),
        "taken": snapshot.taken,
        "output": snapshot.output,
        "semantic": snapshot.semantic,
        "levels": {code: level.value for code, level in snapshot.levels.items()},
        "notes": snapshot.notes,
        "files": {file: _entry_row(entry) for file, entry in snapshot.files.items()},
        "jobs": snapshot.jobs,
    }
    target = path_of(root)
    if cache_folder(root, create=True) is None:  # a symlink, a file: no snapshot
        return
    try:
        # dumps, not dump: only the one-shot encoder is the C one (5 x faster)
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        replace_file(target, text.encode("utf-8"))
        for older in range(1, FORMAT):  # snapshots of an older cascade: never read again
            (target.parent / f"snapshot-v{older}.json").unlink(missing_ok=True)
    except (OSError, ValueError):  # ValueError: a file name that is not UTF-8
        return


def forget(root: Path) -> None:
    """Remove the snapshot (a run that could not make a sound one)."""
    if cache_folder(root) is None:
        return
    try:
        path_of(root).unlink(missing_ok=True)
    except OSError:
        return

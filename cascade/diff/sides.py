"""The two sides of a diff: the plan's files from git or from a folder.

A side is the plan's files (path relative to the plan folder → contents)
chosen by the same rules as :func:`cascade.load.discover.discover`; a git
side lists them from a commit's tree and reads each blob only when it is
parsed (:func:`contents`, one at a time, never more than 4 MiB each), a
folder side reads them from the disk.  Each file also
carries a content id (git's blob id, computed the same way for files on
disk), so that a file unchanged between the sides is parsed only once.
"""

from __future__ import annotations

import hashlib
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cascade.checks.load import UNREADABLE
from cascade.diff import git
from cascade.load.discover import PLAN_FILE, discover, is_plan_file, output_folder
from cascade.load.files import parse, read_raw
from cascade.load.reader import MAX_FILE_BYTES, ReadResult

WORKTREE = "working tree"


class DiffError(Exception):
    """The diff cannot be made: a bad revision, not a git repository, not a plan (exit 2)."""


@dataclass(frozen=True, slots=True)
class Blob:
    """A file of a git side not read yet: its blob, read by :func:`contents`."""

    oid: str


@dataclass(frozen=True, slots=True)
class Side:
    """One side's plan files, and what to call it."""

    label: str
    commit: str | None = None
    files: dict[str, bytes | ReadResult | Blob] = field(default_factory=dict)
    """Path relative to the plan folder → its bytes (a folder side), its blob
    (a git side, read when parsed), or why it could not be read."""
    oids: dict[str, str] = field(default_factory=dict)
    """Path → content id (git blob id)."""
    root: Path | None = None
    """The plan folder on disk (for the parse cache), when there is one."""
    repo: git.Repo | None = None
    """The repository a git side's blobs are read from."""


def contents(side: Side, paths: list[str]) -> Iterator[tuple[str, bytes | ReadResult]]:
    """Each of ``paths`` with its bytes (or why there are none), in order; a
    git side's blobs are read one at a time as the caller goes on."""
    blobs = [raw.oid for p in paths if isinstance(raw := side.files[p], Blob)]
    stream = git.iter_blobs(side.repo, blobs) if side.repo is not None and blobs else iter(())
    for path in paths:
        raw = side.files[path]
        if isinstance(raw, Blob):
            oid, data = next(stream)
            assert oid == raw.oid
            yield path, data
        else:
            yield path, raw


def blob_id(data: bytes) -> str:
    """Git's blob id of ``data`` (SHA-1 object format)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def plan_output(data: bytes) -> str:
    """The output folder the bytes of ``cascade.yaml`` name."""
    return output_folder(parse(data, PLAN_FILE).documents)


def _too_large(rel: str) -> ReadResult:
    return _unread(rel, f"the file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MiB")


def from_git(repo: git.Repo, commit: str, label: str) -> Side:
    """The plan folder of ``repo`` as it is at ``commit``.

    A symlink is treated as ``validate`` treats it on disk: one to a file
    inside the plan folder reads that file, one leading outside is not read
    (LOAD009).
    """
    where = repo.prefix or "the repository's top folder"
    if not git.has_tree(repo, commit):
        raise DiffError(f"{where} does not exist at {label}")
    entries = {e.path: e for e in git.list_tree(repo, commit)}
    links = git.read_blobs(repo, [e.oid for e in entries.values() if e.link])
    targets = {p: _follow(p, entries, links) for p, e in entries.items() if e.link}
    root = targets.get(PLAN_FILE) or entries.get(PLAN_FILE)
    if not isinstance(root, git.TreeEntry):
        raise DiffError(f"{where} at {label} holds no {PLAN_FILE}, so it is not a plan folder")
    output = plan_output(git.read_blobs(repo, [root.oid])[root.oid])
    chosen = sorted(p for p in entries if is_plan_file(p, output))
    found = {p: targets.get(p) or entries[p] for p in chosen}
    files: dict[str, bytes | ReadResult | Blob] = {}
    oids: dict[str, str] = {}
    for path, entry in found.items():
        if not isinstance(entry, git.TreeEntry):
            files[path] = _unread(path, entry)
            continue
        files[path] = Blob(entry.oid) if entry.size <= MAX_FILE_BYTES else _too_large(path)
        oids[path] = entry.oid
    on_disk = repo.top / repo.prefix
    return Side(label, commit, files, oids, on_disk if on_disk.is_dir() else None, repo)


_MAX_HOPS = 40  # as the kernel's bound on symlinks in one path


def _follow(
    path: str, entries: dict[str, git.TreeEntry], links: dict[str, bytes]
) -> git.TreeEntry | str:
    """The regular file the symlink ``path`` leads to within the plan folder,
    else why it is not read (the same words as ``validate``'s)."""
    entry = entries[path]
    for _ in range(_MAX_HOPS):
        if not entry.link:
            return entry
        text = links.get(entry.oid, b"").decode("utf-8", errors="surrogateescape")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(entry.path), text))
        if text.startswith("/") or target == ".." or target.startswith("../"):
            return f"not read: it is a symlink to {text}, outside the plan folder"
        if target not in entries:
            return "cannot read the file: No such file or directory"
        entry = entries[target]
    return "cannot read the file: Too many levels of symbolic links"


def _unread(rel: str, message: str) -> ReadResult:
    return ReadResult(rel, diagnostics=[UNREADABLE.diagnostic(rel, message)])


def from_folder(root: Path, label: str) -> Side:
    """The plan folder ``root`` as it is on disk (untracked files included)."""
    if not (root / PLAN_FILE).is_file():
        raise DiffError(f"{root}: no {PLAN_FILE} here, so this is not a plan folder")
    first = read_raw(root / PLAN_FILE, PLAN_FILE)
    output = plan_output(first) if isinstance(first, bytes) else "out"
    files: dict[str, bytes | ReadResult | Blob] = {}
    oids: dict[str, str] = {}
    for path in discover(root, output):
        rel = path.as_posix()
        raw = read_raw(root / path, rel)
        files[rel] = raw
        if isinstance(raw, bytes):
            oids[rel] = blob_id(raw)
    return Side(label, None, files, oids, root)

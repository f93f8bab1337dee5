"""Git plumbing for ``cascade diff``: read a plan folder straight from git objects.

Nothing here checks out, stashes or touches the working tree or the index:
``rev-parse`` resolves names, ``ls-tree -r -z -l`` lists a revision's files
under the plan folder (with sizes), and one ``cat-file --batch`` process
streams every blob that is needed.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

TIMEOUT = 120  # seconds for one git process; a plan of thousands of files takes well under 1 s
BLOB, REGULAR_MODES, LINK_MODE = "blob", frozenset({"100644", "100755"}), "120000"


class GitError(Exception):
    """Git could not answer: not installed, not a repository, unknown revision."""


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """The standard output of ``git ARGS`` run in ``cwd``; :class:`GitError` on failure."""
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False, timeout=TIMEOUT
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(f"git could not run: {exc}") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", errors="replace").strip()
        raise GitError(message or f"git {args[0]} failed (exit {done.returncode})")
    return done.stdout


@dataclass(frozen=True, slots=True)
class Repo:
    """A plan folder inside a git work tree."""

    top: Path
    """The work tree's top folder."""
    prefix: str
    """The plan folder relative to ``top``, ``/``-separated, ``""`` at the top."""

    def tree(self, commit: str) -> str:
        """The object name of the plan folder at ``commit`` (``SHA:path``)."""
        return f"{commit}:{self.prefix}"


def locate(plan_dir: Path) -> Repo:
    """The repository holding ``plan_dir`` and the folder's path inside it.

    The folder need not exist in the working tree (it may exist only in old
    revisions): the nearest existing parent is asked, and the rest appended.
    """
    base, rest = plan_dir.absolute(), list[str]()
    while not base.is_dir() and base != base.parent:
        rest.insert(0, base.name)
        base = base.parent
    try:
        out = git(base, "rev-parse", "--show-toplevel", "--show-prefix")
        lines = out.decode("utf-8", errors="surrogateescape")
    except GitError as exc:
        raise GitError(f"{plan_dir} is not inside a git repository ({exc})") from None
    top, prefix = [*lines.split("\n"), "", ""][:2]
    parts = [p for p in prefix.split("/") if p] + [p for p in rest if p not in ("", ".")]
    return Repo(Path(top), "/".join(parts))


def resolve(repo: Repo, rev: str) -> str:
    """The full commit id that ``rev`` names."""
    if not rev or rev.startswith("-"):
        raise GitError(f"'{rev}' is not a revision")
    try:
        out = git(repo.top, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    except GitError:
        raise GitError(f"unknown revision '{rev}'") from None
    return out.decode().strip()


def merge_base(repo: Repo, a: str, b: str) -> str:
    """The best common ancestor of two commits (``A...B``)."""
    try:
        return git(repo.top, "merge-base", a, b).decode().strip()
    except GitError:
        raise GitError("the two revisions have no common ancestor") from None


@dataclass(frozen=True, slots=True)
class TreeEntry:
    """A file of a tree: path relative to the tree, blob id, size in bytes;
    for a symlink (``link``) the blob holds the path it points to."""

    path: str
    oid: str
    size: int
    link: bool = False


def list_tree(repo: Repo, commit: str) -> list[TreeEntry]:
    """Every regular file and symlink below the plan folder at ``commit``
    (submodules skipped)."""
    out = git(repo.top, "ls-tree", "-r", "-z", "-l", repo.tree(commit))
    entries: list[TreeEntry] = []
    for record in out.split(b"\0"):
        if not record:
            continue
        header, _, path = record.partition(b"\t")
        mode, kind, oid, size = header.decode().split()
        if kind == BLOB and (mode in REGULAR_MODES or mode == LINK_MODE):
            name = path.decode("utf-8", errors="surrogateescape")
            entries.append(TreeEntry(name, oid, int(size), mode == LINK_MODE))
    return entries


def has_tree(repo: Repo, commit: str) -> bool:
    """Whether the plan folder exists (as a folder) at ``commit``."""
    try:
        return git(repo.top, "cat-file", "-t", repo.tree(commit)).strip() == b"tree"
    except GitError:
        return False


def read_blobs(repo: Repo, oids: list[str]) -> dict[str, bytes]:
    """The contents of these blobs (a few small ones: links, ``cascade.yaml``)."""
    return dict(iter_blobs(repo, list(dict.fromkeys(oids))))


def iter_blobs(repo: Repo, oids: list[str]) -> Iterator[tuple[str, bytes]]:
    """Each blob's id and contents in turn (an id given twice, twice), through
    one ``git cat-file --batch``.

    One blob at a time: each id is asked for and its bytes read only when
    the caller wants the next one, so no more than the blob being handed
    over is held here (the caller leaves out blobs larger than the loader's
    limit by their size).
    """
    if not oids:
        return
    try:
        process = subprocess.Popen(
            ["git", "cat-file", "--batch"],
            cwd=repo.top,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
    except OSError as exc:
        raise GitError(f"git could not run: {exc}") from None
    assert process.stdin is not None and process.stdout is not None
    try:
        for oid in oids:
            try:
                process.stdin.write(f"{oid}\n".encode())
                process.stdin.flush()
                header = process.stdout.readline().decode().split()
                if len(header) != 3:
                    raise GitError(f"git cat-file: object {oid} is missing")
                data = process.stdout.read(int(header[2]))
                process.stdout.read(1)  # the newline after each blob
            except (OSError, ValueError) as exc:
                raise GitError(f"git cat-file failed: {exc}") from None
            yield oid, data
    finally:
        process.stdin.close()
        process.stdout.close()
        process.kill()
        process.wait(TIMEOUT)

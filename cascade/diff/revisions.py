"""From the command line's words to the two sides of a diff.

``REV_A..REV_B`` compares two commits, ``REV_A...REV_B`` compares the merge
base of the two with ``REV_B`` (as ``git diff`` does), a single ``REV``
compares that commit with the working tree, and nothing at all compares
``HEAD`` with the working tree.  An empty end of a range means ``HEAD``.
``--old DIR --new DIR`` compares two plan folders on disk, git or not.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cascade.diff import git
from cascade.diff.sides import WORKTREE, DiffError, Side, from_folder, from_git
from cascade.engine import PlanRootError, find_plan_root


@dataclass(frozen=True, slots=True)
class DiffRequest:
    """What to compare: a revision range in a plan folder, or two folders."""

    revs: str | None = None
    plan_dir: Path | None = None
    old_dir: Path | None = None
    new_dir: Path | None = None
    lang: str | None = None
    """``th`` or ``en``; default: the plan's first language."""
    period: str | None = None
    """Score both sides for this period (``2569-Q2``) and show what changed."""


@dataclass(frozen=True, slots=True)
class Range:
    """A parsed revision range; ``new`` is ``None`` for the working tree."""

    old: str
    new: str | None
    merge_base: bool = False


def parse_range(text: str | None) -> Range:
    """``A..B``, ``A...B``, ``A`` (against the working tree) or nothing (``HEAD``)."""
    if not text:
        return Range("HEAD", None)
    for dots, base in (("...", True), ("..", False)):
        if dots in text:
            old, new = text.split(dots, 1)
            return Range(old or "HEAD", new or "HEAD", base)
    return Range(text, None)


def _is_revision(text: str) -> bool:
    try:
        git.resolve(git.locate(Path.cwd()), text)
    except git.GitError:
        return False
    return True


def split_words(revs: str | None, plan_dir: Path | None) -> tuple[str | None, Path]:
    """Tell a lone word apart: a revision or the plan folder (git's ``REV`` / ``PATH``)."""
    if plan_dir is not None or revs is None or ".." in revs:
        return revs, plan_dir or Path(".")
    if not Path(revs).is_dir():
        return revs, Path(".")
    if _is_revision(revs):
        raise DiffError(
            f"'{revs}' is both a revision and a folder; write ./{revs} for the folder, "
            f"or give the folder too: cascade diff {revs} ."
        )
    return None, Path(revs)


def _plan_folder(start: Path) -> Path:
    """The plan holding ``start`` in the working tree, as every command finds it
    (from a subfolder too); ``start`` itself when the working tree has none
    (the plan may exist only in the revisions compared)."""
    try:
        return find_plan_root(start)
    except PlanRootError:
        return start


def read_sides(request: DiffRequest) -> tuple[Side, Side, str]:
    """The old and the new side, and how to name the plan folder."""
    if request.old_dir is not None or request.new_dir is not None:
        if request.old_dir is None or request.new_dir is None:
            raise DiffError("give both --old DIR and --new DIR")
        if request.revs is not None or request.plan_dir is not None:
            raise DiffError("--old/--new compare two folders; give no revisions or plan folder")
        old = from_folder(request.old_dir, str(request.old_dir))
        return old, from_folder(request.new_dir, str(request.new_dir)), ""
    revs, plan_dir = split_words(request.revs, request.plan_dir)
    plan_dir = _plan_folder(plan_dir)
    wanted = parse_range(revs)
    try:
        repo = git.locate(plan_dir)
        new_commit = git.resolve(repo, wanted.new) if wanted.new is not None else None
        old_commit = git.resolve(repo, wanted.old)
        old_label = wanted.old
        if wanted.merge_base:
            assert new_commit is not None
            old_commit = git.merge_base(repo, old_commit, new_commit)
            old_label = f"merge base of {wanted.old} and {wanted.new}"
        old = from_git(repo, old_commit, old_label)
        if wanted.new is None or new_commit is None:
            new = from_folder(plan_dir, WORKTREE)
        else:
            new = from_git(repo, new_commit, wanted.new)
    except git.GitError as exc:
        raise DiffError(str(exc)) from None
    return old, new, repo.prefix or "."

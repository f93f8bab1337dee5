"""The git work tree a folder is in, found without running git.

Walks up from the folder and stops at the first ``.git``: a folder that
holds ``HEAD`` (an ordinary clone) or a file whose first line is
``gitdir: …`` (a linked work tree, a submodule).  Only that entry is looked
at in each parent, and of a ``.git`` file only its first line is read.  A
``GIT_CEILING_DIRECTORIES`` entry stops the walk as it stops git (the walk
does not go up into one).  Used to
name files from the repository root in CI outputs (:mod:`cascade.reporters.paths`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

_GITDIR = b"gitdir:"


def _is_git_entry(entry: Path) -> bool:
    """``entry`` (a ``.git``) marks a work tree: a git folder or a ``gitdir:`` file."""
    try:
        if entry.is_dir():
            return (entry / "HEAD").is_file()
        if entry.is_file():
            with entry.open("rb") as handle:
                return handle.readline(1024).startswith(_GITDIR)
    except OSError:
        return False
    return False


def _ceilings(env: Mapping[str, str]) -> set[Path]:
    text = env.get("GIT_CEILING_DIRECTORIES", "")
    return {Path(p).resolve() for p in text.split(os.pathsep) if p and os.path.isabs(p)}


def worktree_root(folder: Path, env: Mapping[str, str] | None = None) -> Path | None:
    """The top folder of the git work tree holding ``folder`` (resolved), or ``None``.

    ``env`` (default ``os.environ``) supplies ``GIT_CEILING_DIRECTORIES``:
    the walk does not go up into those folders.
    """
    ceilings = _ceilings(os.environ if env is None else env)
    here = folder.resolve()
    while True:
        if _is_git_entry(here / ".git"):
            return here
        if here.parent == here or here.parent in ceilings:
            return None
        here = here.parent

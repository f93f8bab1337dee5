"""Which plan files changed since a git revision (``validate --changed-since``)."""

from __future__ import annotations

import subprocess
from pathlib import Path


class ChangedError(Exception):
    """Git could not answer (not a repository, unknown revision)."""


def _git(root: Path, *args: str) -> str:
    try:
        done = subprocess.run(
            ["git", *args], cwd=root, capture_output=True, text=True, check=False, timeout=60
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise ChangedError(f"git could not run: {exc}") from None
    if done.returncode != 0:
        raise ChangedError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout


def changed_since(root: Path, rev: str) -> set[str]:
    """Plan-relative paths changed since ``rev`` (committed, staged, unstaged, untracked)."""
    if rev.startswith("-"):
        raise ChangedError(f"'{rev}' is not a revision")
    _git(root, "rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}")
    prefix = _git(root, "rev-parse", "--show-prefix").strip()
    listed = _git(root, "diff", "--name-only", "-z", rev, "--", ".")
    listed += _git(root, "ls-files", "--others", "--exclude-standard", "-z", "--", ".")
    changed = set()
    for name in filter(None, listed.split("\0")):
        changed.add(name[len(prefix) :] if name.startswith(prefix) else name)
    return changed

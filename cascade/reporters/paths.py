"""The path base: which folder the file names in a report are relative to.

A run names files relative to the plan folder.  Before reporting, the CLI
rebases the result so that every name resolves from where its reader
stands:

* ``--path-base DIR`` given: relative to ``DIR`` (with ``..`` when needed),
  in every format;
* ``text``, read by a person in a terminal: relative to the current folder,
  like a compiler's messages (an absolute plan folder outside it stays
  absolute), so a terminal can open them;
* every other format (github, sarif, gitlab, junit, json, parsable), read by
  CI services and tools: relative to ``GITHUB_WORKSPACE`` when it is set and
  holds the plan, else to the top of the git work tree holding the plan
  (found without running git, :mod:`cascade.load.worktree`), else to the
  plan folder itself (a plan outside any repository).

Names that are absolute (a ``--templates`` file) become relative when they
are inside the base and stay absolute otherwise.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from cascade.diagnostics import Diagnostic
from cascade.load.worktree import worktree_root
from cascade.result import RunResult

FROM_HERE: frozenset[str] = frozenset({"text"})
"""Formats for people at a terminal: names relative to the current folder."""


def repository_base(plan: Path, env: Mapping[str, str]) -> Path:
    """The folder CI outputs name files from: ``GITHUB_WORKSPACE`` when it holds
    ``plan``, else the git work tree's top, else ``plan`` (all resolved)."""
    plan = plan.resolve()
    workspace = env.get("GITHUB_WORKSPACE", "")
    if workspace and os.path.isabs(workspace):
        top = Path(workspace).resolve()
        if plan.is_relative_to(top):
            return top
    return worktree_root(plan, env) or plan


def _relative(target: Path, base: Path, dotted: bool) -> str:
    """``target`` relative to ``base`` (``/``-separated, ``.`` for ``base``); outside
    ``base``, with ``..`` when ``dotted``, else absolute."""
    if target.is_relative_to(base):
        return target.relative_to(base).as_posix() or "."
    return Path(os.path.relpath(target, base)).as_posix() if dotted else target.as_posix()


class Rebase:
    """Renames a result's plan-relative files to names relative to a base folder."""

    def __init__(self, plan_dir: Path, base: Path, dotted: bool) -> None:
        self.plan = plan_dir.resolve()
        self.base = base.resolve()
        self.dotted = dotted
        self.prefix = _relative(self.plan, self.base, dotted)
        """The plan folder as seen from the base (``.`` when it is the base)."""

    def name(self, file: str) -> str:
        """The name of ``file`` (plan-relative, or absolute) as seen from the base."""
        if not file:
            return file
        if os.path.isabs(file):
            return _relative(Path(file).resolve(), self.base, self.dotted)
        if self.prefix == ".":
            return file
        if self.prefix.startswith(".."):  # the base is beside or inside the plan folder
            return Path(os.path.relpath(self.plan / file, self.base)).as_posix()
        return f"{self.prefix}/{file}"

    def diagnostic(self, diagnostic: Diagnostic) -> Diagnostic:
        """``diagnostic`` with its file and its related places renamed."""
        related = tuple(replace(loc, file=self.name(loc.file)) for loc in diagnostic.related)
        return replace(diagnostic, file=self.name(diagnostic.file), related=related)

    def result(self, result: RunResult) -> RunResult:
        """``result`` with every file renamed and ``root`` the plan folder's name."""
        files = tuple(self.name(file) for file in result.files)
        diagnostics = tuple(self.diagnostic(d) for d in result.diagnostics)
        return RunResult(self.prefix, files, diagnostics, result.notes)


def rebase_for(
    result: RunResult,
    plan_dir: Path,
    format: str,
    path_base: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> RunResult:
    """``result`` (files relative to ``plan_dir``) named for the reporter ``format``.

    ``path_base`` is ``--path-base``; ``env`` defaults to ``os.environ``.
    """
    if path_base is not None:
        return Rebase(plan_dir, path_base, dotted=True).result(result)
    if format in FROM_HERE:
        return Rebase(plan_dir, Path.cwd(), dotted=not plan_dir.is_absolute()).result(result)
    base = repository_base(plan_dir, os.environ if env is None else env)
    return Rebase(plan_dir, base, dotted=False).result(result)

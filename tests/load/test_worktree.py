"""Finding the git work tree a folder is in, without running git."""

from __future__ import annotations

from pathlib import Path

from cascade.load.worktree import worktree_root


def _clone(top: Path) -> Path:
    (top / ".git").mkdir(parents=True)
    (top / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return top


def test_an_ordinary_clone(tmp_path: Path) -> None:
    top = _clone(tmp_path / "repo")
    plan = top / "plans" / "x"
    plan.mkdir(parents=True)
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    assert worktree_root(plan, env) == top.resolve()
    assert worktree_root(top, env) == top.resolve()


def test_a_linked_work_tree_or_submodule(tmp_path: Path) -> None:
    top = _clone(tmp_path / "outer")
    inner = top / "sub"
    inner.mkdir()
    (inner / ".git").write_text("gitdir: ../.git/modules/sub\n", encoding="utf-8")
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    assert worktree_root(inner / "plans", env) == inner.resolve()


def test_what_is_not_a_work_tree(tmp_path: Path) -> None:
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    (tmp_path / "a" / ".git").mkdir(parents=True)  # no HEAD: not a git folder
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / ".git").write_text("not a gitdir line\n", encoding="utf-8")
    assert worktree_root(tmp_path / "a", env) is None
    assert worktree_root(tmp_path / "b", env) is None


def test_the_walk_does_not_go_up_into_a_ceiling(tmp_path: Path) -> None:
    _clone(tmp_path)
    plan = tmp_path / "repo" / "plan"
    plan.mkdir(parents=True)
    assert worktree_root(plan, {"GIT_CEILING_DIRECTORIES": str(tmp_path)}) is None
    assert worktree_root(plan, {"GIT_CEILING_DIRECTORIES": str(tmp_path / "repo")}) is None
    assert worktree_root(plan, {"GIT_CEILING_DIRECTORIES": str(plan)}) == tmp_path.resolve()

"""Real git repositories in temp folders, hermetic: no user or system git config."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import MINIMAL

DATE = "2026-01-01T09:00:00+07:00"

OPS_UNIT = """\
  - {id: OPS, name: {th: กองปฏิบัติการ, en: Operations Division}, type: division, parent: ORG}
"""
OPS_AGREEMENT = """\
kind: Agreement
party: OPS
kpis:
  - {id: 2-1, kind: identical, same_as: ORG/2, dimension: development, weight: 70}
  - {id: 2-2, name: {th: ความพึงพอใจของผู้รับบริการของกอง, en: Division customer satisfaction},
     kind: common, same_as: C1, dimension: quality, weight: 30}
"""


class GitPlan:
    """A git work tree whose ``plan/`` folder starts as a copy of the minimal plan."""

    def __init__(self, top: Path, folder: str = "plan") -> None:
        self.top = top
        self.plan = top / folder if folder else top

    def git(self, *args: str) -> str:
        done = subprocess.run(
            ["git", *args], cwd=self.top, capture_output=True, text=True, check=True
        )
        return done.stdout

    def write(self, rel: str, text: str) -> None:
        path = self.plan / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def edit(self, rel: str, old: str, new: str) -> None:
        """Replace ``old`` (which must occur exactly once) in a plan file."""
        path = self.plan / rel
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
        path.write_text(text.replace(old, new), encoding="utf-8")

    def add_ops(self) -> None:
        """A second unit, OPS, with its own agreement (for moves between agreements)."""
        self.edit(
            "org.yaml", 'parent: ORG, head: "1001"}\n', 'parent: ORG, head: "1001"}\n' + OPS_UNIT
        )
        self.write("agreements/units/OPS.yaml", OPS_AGREEMENT)

    def commit(self, message: str = "edit") -> str:
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message)
        return self.git("rev-parse", "HEAD").strip()

    def status(self) -> str:
        return self.git("status", "--porcelain", "--untracked-files=all")


@pytest.fixture(autouse=True)
def _hermetic_git(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Same commits on every machine: no global config, fixed dates, no repo above tmp."""
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    for name in ("GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"):
        monkeypatch.setenv(name, DATE)


def make_repo(top: Path, folder: str = "plan") -> GitPlan:
    top.mkdir(parents=True, exist_ok=True)
    repo = GitPlan(top, folder)
    repo.git("init", "-q")
    for key, value in (
        ("user.name", "Test Planner"),
        ("user.email", "planner@example.org"),
        ("commit.gpgsign", "false"),
        ("core.autocrlf", "false"),
    ):
        repo.git("config", key, value)
    shutil.copytree(
        MINIMAL, repo.plan, dirs_exist_ok=True, ignore=shutil.ignore_patterns(".cascade-cache")
    )
    return repo


@pytest.fixture
def repo(tmp_path: Path) -> GitPlan:
    """The minimal plan in ``plan/`` of a fresh repository, committed once."""
    made = make_repo(tmp_path / "repo")
    made.commit("the minimal plan")
    return made


@pytest.fixture
def repo_ops(tmp_path: Path) -> GitPlan:
    """The minimal plan plus a unit OPS with an agreement, committed once."""
    made = make_repo(tmp_path / "repo")
    made.add_ops()
    made.commit("the minimal plan and OPS")
    return made

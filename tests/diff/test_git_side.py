"""A git side reads a plan as ``validate`` reads it on disk: symlinks within
the plan folder followed, one leading outside refused (LOAD009)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Mapping

from cascade.diff import git
from cascade.diff.sides import contents, from_folder, from_git
from cascade.load.reader import ReadResult
from tests.diff.conftest import GitPlan


def _messages(files: Mapping[str, object]) -> dict[str, str]:
    return {
        rel: " / ".join(f"{d.code} {d.message}" for d in raw.diagnostics)
        for rel, raw in files.items()
        if isinstance(raw, ReadResult)
    }


def test_symlinks_in_a_revision_are_read_as_on_disk(repo: GitPlan) -> None:
    shutil.move(repo.plan / "strategy.yaml", repo.plan / "jobs" / "strategy.real")
    (repo.plan / "strategy.yaml").symlink_to(os.path.join("jobs", "strategy.real"))
    (repo.plan / "again.yaml").symlink_to("strategy.yaml")  # a link to a link
    (repo.top / "outside.yaml").write_text("kind: Plan\n", encoding="utf-8")
    (repo.plan / "leak.yaml").symlink_to(os.path.join("..", "outside.yaml"))
    (repo.plan / "gone.yaml").symlink_to("nowhere.yaml")
    commit = repo.commit("links")
    handle = git.locate(repo.plan)
    in_git = from_git(handle, commit, "HEAD")
    on_disk = from_folder(repo.plan, "working tree")
    real = (repo.plan / "jobs" / "strategy.real").read_bytes()
    read = dict(contents(in_git, ["again.yaml", "strategy.yaml"]))
    assert read["strategy.yaml"] == read["again.yaml"] == real
    assert in_git.oids["strategy.yaml"] == on_disk.oids["strategy.yaml"]
    assert _messages(in_git.files) == {
        "gone.yaml": "LOAD009 cannot read the file: No such file or directory",
        "leak.yaml": (
            "LOAD009 not read: it is a symlink to ../outside.yaml, outside the plan folder"
        ),
    }
    assert _messages(on_disk.files) == {
        "gone.yaml": "LOAD009 cannot read the file: No such file or directory",
        "leak.yaml": "LOAD009 not read: it is a symlink to "
        f"{repo.top / 'outside.yaml'}, outside the plan folder",
    }
    assert sorted(in_git.files) == sorted(on_disk.files)

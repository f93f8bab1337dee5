"""Rebasing a result's file names onto the path base (cascade.reporters.paths)."""

from __future__ import annotations

from pathlib import Path

from cascade.diagnostics import Diagnostic, Level, Location
from cascade.reporters.paths import Rebase, repository_base
from cascade.result import RunResult
from cascade.rules import ALL


def _diagnostic(file: str, code: str, *related: Location) -> Diagnostic:
    """A diagnostic with its registered name (rebasing builds copies of it in cascade)."""
    return Diagnostic(file, 3, 5, code, Level.ERROR, "m", ALL[code].name, related=related)


SAMPLE = RunResult(
    "plans/x",
    ("agreements/LAW.yaml", "people/สมชาย.yaml", "strategy.yaml"),
    (
        _diagnostic("agreements/LAW.yaml", "WGT001"),
        _diagnostic("agreements/LAW.yaml", "SPEC001"),
        _diagnostic("people/สมชาย.yaml", "LOAD001"),
        _diagnostic("strategy.yaml", "REF001", Location("agreements/LAW.yaml", 2, 3, "first")),
    ),
    ("a note",),
)


def test_every_name_is_rebased_and_order_kept(tmp_path: Path) -> None:
    rebased = Rebase(tmp_path / "plans" / "x", tmp_path, dotted=False).result(SAMPLE)
    assert rebased.root == "plans/x"
    assert rebased.files == (
        "plans/x/agreements/LAW.yaml",
        "plans/x/people/สมชาย.yaml",
        "plans/x/strategy.yaml",
    )
    assert [d.file for d in rebased.diagnostics] == [
        "plans/x/agreements/LAW.yaml",
        "plans/x/agreements/LAW.yaml",
        "plans/x/people/สมชาย.yaml",
        "plans/x/strategy.yaml",
    ]
    assert rebased.diagnostics[3].related == (
        Location("plans/x/agreements/LAW.yaml", 2, 3, "first"),
    )
    assert [d.message for d in rebased.diagnostics] == [d.message for d in SAMPLE.diagnostics]
    assert rebased.notes == SAMPLE.notes


def test_absolute_and_empty_names(tmp_path: Path) -> None:
    inside, outside = tmp_path / "templates" / "p.md", Path("/srv/t/p.md")
    diagnostics = tuple(_diagnostic(name, "RPT001") for name in ("", str(inside), str(outside)))
    result = RunResult(".", (), diagnostics)
    rebased = Rebase(tmp_path / "plan", tmp_path, dotted=False).result(result)
    assert [d.file for d in rebased.diagnostics] == ["", "templates/p.md", "/srv/t/p.md"]
    dotted = Rebase(tmp_path / "plan", tmp_path / "plan", dotted=True)
    assert dotted.name(str(inside)) == "../templates/p.md"
    assert dotted.prefix == "."


def test_the_base_is_the_plan_outside_a_work_tree(tmp_path: Path) -> None:
    env = {"GIT_CEILING_DIRECTORIES": str(tmp_path)}
    assert repository_base(tmp_path / "plan", env) == (tmp_path / "plan").resolve()
    relative = {**env, "GITHUB_WORKSPACE": "plans"}  # not absolute: not a workspace
    assert repository_base(tmp_path / "plan", relative) == (tmp_path / "plan").resolve()

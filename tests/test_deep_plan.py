"""A chain deeper than the stack through every command: no RecursionError anywhere.

The plan of tests/report/test_deep_chains.py (150 units here, each under the last
and carrying its parent's KPI as identical) runs validate (cold and warm, so
the model's inheritance, the graph, the rules and the incremental closures),
score, diff and new with only 100 frames of stack to spare: any
walk that recursed once per unit would stop with exit 3.  The report is
tested there; fmt reads one file at a time, whose nesting the loader bounds.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from cascade.cli.app import main
from tests.report import test_deep_chains
from tests.report.test_deep_chains import _shallow_stack

DEPTH = 150
SPARE = 100
"""Frames left to each command: a command needs about 60 (tested), a walk that
recursed once per unit more than 150."""


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    with _shallow_stack(SPARE):
        code = main(argv)
    out, err = capsys.readouterr()
    assert "RecursionError" not in out + err and "internal error" not in err, err
    return code, out


def test_every_command_walks_a_deep_chain(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(test_deep_chains, "DEPTH", DEPTH)
    root = test_deep_chains._chain_plan(tmp_path)
    (root / "actuals.yaml").write_text(
        "kind: Actuals\nperiod: 2569-Q2\nresults:\n  - {kpi: ORG/1, value: 88}\n",
        encoding="utf-8",
    )
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-C", str(root)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "deep"], check=True)
    deepest = root / "agreements" / "units" / f"U{DEPTH - 1}.yaml"
    assert _run(["validate", str(root)], capsys)[0] == 0
    deepest.write_text(deepest.read_text(encoding="utf-8").replace("weight: 70", "weight: 69"))
    code, out = _run(["validate", str(root)], capsys)
    assert code == 1 and "WGT001" in out
    assert _run(["validate", str(root)], capsys)[0] == 1  # warm, nothing changed
    deepest.write_text(deepest.read_text(encoding="utf-8").replace("weight: 69", "weight: 70"))
    assert (
        _run(
            ["score", str(root), "-p", "2569-Q2", "-f", "json", "-o", str(tmp_path / "s")], capsys
        )[0]
        == 0
    )
    deepest.write_text(deepest.read_text(encoding="utf-8").replace("weight: 70", "weight: 60"))
    code, out = _run(["diff", "HEAD", str(root)], capsys)
    assert code == 0 and f"U{DEPTH - 1}" in out
    deepest.write_text(deepest.read_text(encoding="utf-8").replace("weight: 60", "weight: 70"))
    org = root / "org.yaml"
    org.write_text(
        org.read_text(encoding="utf-8")
        + f"  - {{id: NEW, name: N, type: division, parent: U{DEPTH - 1}}}\n"
    )
    draft = tmp_path / "NEW.yaml"
    assert _run(["new", "agreement", str(root), "--party", "NEW", "-o", str(draft)], capsys)[0] == 0
    assert f"U{DEPTH - 1}/1-1" in draft.read_text(encoding="utf-8")

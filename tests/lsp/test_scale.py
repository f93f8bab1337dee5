"""A generated plan opened and edited through the server's checker (in
process, not timed): the first check is full and resolves, an edited weight
is re-checked warm and reported, the undo clears it; the strategy's keys
complete from its model.  100 people keep it
near a second of test time; bench/lsp.py drives 5,000 over stdio."""

from __future__ import annotations

import re
from pathlib import Path

from bench.generate import generate
from cascade.lsp.checker import PlanState, check
from cascade.lsp.complete import complete

PEOPLE = 100


def test_a_generated_plan_opened_and_edited(tmp_path: Path) -> None:
    root = tmp_path / "plan"
    generate(root, PEOPLE, 0)
    state = PlanState(root)
    reports: list[tuple[int, int]] = []
    first = check(
        state, (), lambda: False, report=lambda done, total: reports.append((done, total))
    )
    assert not first.warm and first.index is not None
    assert (first.result.errors, first.result.warnings) == (0, 0)
    lines = ["    perspective: e", "    issues: [SI1, S", "    drives: [G1"]  # as typed
    index = first.index
    offered = [complete(index, "strategy.yaml", lines, i, len(t)) for i, t in enumerate(lines)]
    assert [(ident, detail) for ident, detail, _, _ in offered[0]] == [
        ("effectiveness", "ประสิทธิผลตามพันธกิจ / Effectiveness"),
        ("efficiency", "ประสิทธิภาพของการปฏิบัติราชการ / Efficiency"),
    ]
    assert [(found[0], found[3]) for found in offered[1]] == [("SI1", 18), ("SI2", 18), ("SI3", 18)]
    assert [found[0] for found in offered[2]] == ["G1", "G10"]
    done, total = reports[-1]  # from 0 to every file but cascade.yaml, told as it went
    assert done == total == len(first.result.files) - 1 and len(reports) == total + 1
    path = sorted((root / "agreements").rglob("*.yaml"))[-1]
    rel, text = path.relative_to(root).as_posix(), path.read_text(encoding="utf-8")
    weight = re.search(r"weight: (\d+)", text)
    assert weight is not None
    broken = text[: weight.start(1)] + str(int(weight.group(1)) + 1) + text[weight.end(1) :]
    edited = check(state, ((rel, broken),), lambda: False)
    assert edited.warm
    assert [(d.code, d.file) for d in edited.result.diagnostics] == [("WGT001", rel)]
    undone = check(state, ((rel, text),), lambda: False)
    assert undone.warm and undone.result.diagnostics == ()

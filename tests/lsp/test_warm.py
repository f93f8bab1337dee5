"""The server's warm checks: a sequence of buffer edits re-checked from the
in-memory snapshot gives exactly what a cold run with the same buffers gives,
and nothing of the buffers reaches the disk's snapshot."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from cascade.engine import LoadOptions, check_plan
from cascade.incremental.run import rerun, snapshot_of
from cascade.incremental.snapshot import path_of
from cascade.lsp.checker import PlanState, check
from tests.conftest import ROOT

LAW = "agreements/units/LAW.yaml"
P1 = "agreements/people/P0001.yaml"
P12 = "agreements/people/P0012.yaml"


def test_buffer_edits_rechecked_warm_equal_cold_runs(tmp_path: Path) -> None:
    root = tmp_path / "probation"
    shutil.copytree(ROOT / "plans" / "probation", root, ignore=shutil.ignore_patterns(".cascade*"))
    law, p1, p12 = ((root / rel).read_text(encoding="utf-8") for rel in (LAW, P1, P12))
    started = time.time_ns()
    base = snapshot_of(check_plan(root, None, LoadOptions(cache=True)), started)
    assert base is not None
    edits: list[tuple[tuple[str, str], ...]] = [
        ((P1, p1.replace("weight: 25", "weight: 26", 1)),),  # WGT001
        ((P1, p1.replace("weight: 25", "weight: 26", 1)), (P12, p12)),  # opened, unchanged
        ((P1, p1), (P12, p12.replace("weight: 20", "weight: 21", 1))),  # one fixed, one new
        ((P1, p1), (P12, p12)),  # both fixed
        ((LAW, law.replace("same_as: DOP/4.5", "same_as: DOP/4.9")),),  # reaches far
        ((LAW, law + "  bogus: [\n"),),  # a buffer that does not parse
        ((LAW, law),),  # back to the disk's
    ]
    hows, codes = [], []
    for overlay in edits:
        warm = rerun(root, base, dict(overlay))
        cold = check_plan(root, None, LoadOptions(cache=True, overlay=overlay)).result
        if warm is None:  # refused: the server makes a full run and starts anew from it
            hows.append("full")
            base = snapshot_of(check_plan(root, None, LoadOptions(cache=True, overlay=overlay)), 0)
            assert base is not None
            continue
        hows.append(warm.how)
        codes.append(sorted({d.code for d in warm.result.diagnostics}))
        assert warm.result.diagnostics == cold.diagnostics
        assert warm.result.notes == cold.notes
    assert cold.diagnostics == ()
    # a broken buffer is a full run, and no warm run builds on a snapshot taken
    # while a file was broken (the sound partial rules of a broken agreement)
    assert hows == ["agreements", "unchanged", "agreements", "agreements", "full", "full", "full"]
    assert codes == [["WGT001"], ["WGT001"], ["WGT001"], []]
    assert not path_of(root).exists()  # buffers never reach the disk's snapshot


def test_a_model_refresh_keeps_the_documents_warm_checks_read(tmp_path: Path) -> None:
    # A refresh's new snapshot starts with the documents the old one kept for
    # files whose content did not change, so the first edit after a refresh is
    # not slower than the others (it read and validated them all again).
    root = tmp_path / "probation"
    shutil.copytree(ROOT / "plans" / "probation", root, ignore=shutil.ignore_patterns(".cascade*"))
    p1 = (root / P1).read_text(encoding="utf-8")
    state = PlanState(root)
    check(state, (), lambda: False, full=True)
    edited = ((P1, p1.replace("weight: 25", "weight: 26", 1)),)
    assert check(state, edited, lambda: False).warm
    assert state.base is not None
    kept, validated = dict(state.base.reused), dict(state.base.revalidated)
    assert kept and validated and P1 not in {file for file, _ in kept}
    check(state, edited, lambda: False, full=True)  # the refresh, with the buffer
    assert state.base.reused == kept and state.base.revalidated == validated
    check(state, ((P1, p1),), lambda: False, full=True)  # back to the disk's P0001
    assert state.base.reused == kept

"""Outputs are byte-identical across ``PYTHONHASHSEED`` values: two processes, not two calls.

A set iterated into a page, or a dict filled from a set, would order its
output by string hashes, which differ from process to process.  The same
commands run in two fresh interpreters with different seeds (no cache, as in
CI) must write the same bytes: the report (HTML, Markdown, PDF), validate's
JSON and score's JSON.

For the PDFs the typst markup of every party's document is compared rather
than the PDF typeset from it: typst makes the same PDF from the same markup
(``test_pdf`` checks the bytes of one party's PDF made twice, in a worker and
in the test), and typesetting the documents twice was most of this test's
time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.report.report_helpers import snapshot

PLAN = "plans/probation"
PERIOD = "2569-Q2"

# One interpreter runs the three commands in turn (start-up is paid once per seed).
RUNNER = f"""\
import dataclasses
import pathlib
import sys
from cascade.cli.app import main
from cascade.engine import check_plan
from cascade.report.pdf_docs import documents
from cascade.report.pdf_engine import typst_source
from cascade.report.site import ReportOptions, make_view

out = sys.argv[1]
commands = [
    ["report", "{PLAN}", "--period", "{PERIOD}", "--format", "html,md", "--out", out],
    ["validate", "{PLAN}", "--no-cache", "--format", "json", "--output", out + "/validate.json"],
    ["score", "{PLAN}", "--period", "{PERIOD}", "--format", "json", "--out", out],
]
codes = [main(argv) for argv in commands]
view = make_view(check_plan(pathlib.Path("{PLAN}")).model, ReportOptions(lang="th"))
for doc in documents(view):
    part = dataclasses.replace(view, agreements=tuple(view.agreements[i] for i in doc.agreements))
    typst = pathlib.Path(out, "typst", doc.rel + ".typ")
    typst.parent.mkdir(parents=True, exist_ok=True)
    typst.write_text(typst_source(part, "th", False, None, doc.title), encoding="utf-8")
sys.exit(0 if codes == [0, 0, 0] else 1)
"""


def _start(seed: str, out: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": seed, "CI": "true"}
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(out)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _first_difference(name: str, a: bytes, b: bytes) -> str:
    for number, (line_a, line_b) in enumerate(
        zip(a.splitlines(), b.splitlines(), strict=False), start=1
    ):
        if line_a != line_b:
            return f"{name} differs first at line {number}:\n  {line_a!r}\n  {line_b!r}"
    return f"{name} differs in length: {len(a)} and {len(b)} bytes"


def test_outputs_are_identical_across_hash_seeds(tmp_path: Path) -> None:
    outs = {seed: tmp_path / f"seed-{seed}" for seed in ("1", "2")}
    runs = {seed: _start(seed, out) for seed, out in outs.items()}
    for seed, proc in runs.items():
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, f"seed {seed}: {err.decode(errors='replace')}"
    first, second = (snapshot(out) for out in outs.values())
    assert sorted(first) == sorted(second)
    assert {
        "validate.json",
        f"scorecards-{PERIOD}.json",
        "typst/DOP.pdf.typ",
        "typst/LAW.pdf.typ",
    } <= set(first)
    assert any(name.startswith("report/html/") for name in first)
    assert any(name.startswith("report/md/") for name in first)
    for name, data in first.items():
        assert data == second[name], _first_difference(name, data, second[name])
